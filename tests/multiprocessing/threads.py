import threading

n = 0

def work(k):
    global n
    for i in range(1000):
        n += 1
    print("thread", k, "saw", n)

if __name__ == "__main__":
    ts = [threading.Thread(target=work, args=(i,)) for i in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("main saw", n)
