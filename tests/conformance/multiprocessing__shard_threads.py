# Checks: a threaded program with the __main__ guard: threads receive their arguments and
# print; joins wait for them. Results are printed by the threads, in a fixed order (each
# thread is joined before the next starts).
import threading


def work(name, n, sep="-"):
    total = 0
    for i in range(n):
        total += i
    print(name + sep + str(total))


if __name__ == "__main__":
    for i in range(3):
        t = threading.Thread(target=work, args=("t%d" % i, 1000 * (i + 1)), kwargs={"sep": ":"})
        t.start()
        t.join()
        print("joined", i, t.is_alive())
