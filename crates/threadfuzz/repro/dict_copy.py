# Found by gillab-threadfuzz (dict.copy, dictqueue.read). CPython and gil print `[]`;
# objlock, atomic and biased raise `dictionary changed size during iteration` from list(d)
# and sorted(d) in most runs.
# One thread copies a dict in C (sorted(d), list(d), d.copy(), dict(d), repr(d): each runs
# without a thread switch in CPython, so none raises) while another inserts and deletes keys.
import threading

N = 3000
d = {i: i for i in range(100)}
raised = {}


def writer():
    for i in range(N):
        d[1000 + i % 50] = i
        d.pop(1000 + (i + 25) % 50, None)


def copier():
    for i in range(N):
        for name, f in (("sorted", sorted), ("list", list), ("copy", dict.copy), ("dict", dict), ("repr", repr)):
            try:
                f(d)
            except RuntimeError as e:
                raised[name] = str(e)


if __name__ == "__main__":
    ts = [threading.Thread(target=writer), threading.Thread(target=copier)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(sorted(raised.items()))
