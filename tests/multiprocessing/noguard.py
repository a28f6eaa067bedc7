import threading

def work():
    print("work")

t = threading.Thread(target=work)
t.start()
t.join()
print("done")
