# Threads share instances of subclasses of list, dict and int, and classes made by a
# metaclass: they push and pop through overridden methods, fill a dict subclass through
# __missing__, and create classes while others read them. Every item is accounted for.
import sys
import threading

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 4
N = int(sys.argv[2]) if len(sys.argv) > 2 else 5000


class Stack(list):
    def push(self, x):
        self.append(x)

    def take(self):
        return self.pop()


class Groups(dict):
    def __missing__(self, key):
        return self.setdefault(key, [])


class Count(int):
    def bump(self):
        return Count(self + 1)


class Registry(type):
    made = []

    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        mcs.made.append(name)
        return cls


class Base(metaclass=Registry):
    pass


stack = Stack()
groups = Groups()
taken = [[] for _ in range(THREADS)]
counts = [Count(0) for _ in range(THREADS)]
barrier = threading.Barrier(THREADS)


def work(me):
    barrier.wait()
    for i in range(N):
        stack.push((me, i))
        try:
            taken[me].append(stack.take())
        except IndexError:
            pass
        groups[i % 7].append(me)
        counts[me] = counts[me].bump()
        if i % 500 == 0:
            type("C%d_%d" % (me, i), (Base,), {})
            len(Registry.made)


ts = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
everything = [x for t in taken for x in t] + list(stack)
print(len(everything) == THREADS * N, len(set(everything)) == THREADS * N)
print(sum(len(v) for v in groups.values()) == THREADS * N, sorted(groups) == list(range(7)))
print(all(c == N for c in counts), type(counts[0]).__name__)
print(len(Registry.made) == 1 + THREADS * len(range(0, N, 500)))
