# Checks: Thread args and kwargs passed to the target; per-thread results stored by index (no lock needed).
import threading

out = [None] * 4


def describe(slot, name, *, greeting="hello", punct="."):
    out[slot] = greeting + " " + name + punct


specs = [
    ((0, "ann"), {}),
    ((1, "bob"), {"greeting": "hi"}),
    ((2, "cy"), {"punct": "!"}),
    ((3, "di"), {"greeting": "yo", "punct": "?"}),
]
threads = [threading.Thread(target=describe, args=a, kwargs=k) for a, k in specs]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(out)


def adder(acc, *nums):
    acc.append(sum(nums))


acc = []
t = threading.Thread(target=adder, args=(acc, 1, 2, 3))
t.start()
t.join()
print(acc)
t = threading.Thread(target=adder, kwargs={"acc": acc})
t.start()
t.join()
print(acc)
