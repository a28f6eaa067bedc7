# Objects made by the main thread are taken from a shared list and dropped by another thread:
# under `biased` each drop is a non-owner decrement of a reference the owner counted, so it is
# queued to the main thread and merged there.
import threading

items = [[i] for i in range(1000)]


def work():
    while True:
        try:
            items.pop()
        except IndexError:
            return


t = threading.Thread(target=work)
t.start()
t.join()
print(len(items))
