# Checks: heapq's functions work on instances of list subclasses (heapify, heappush, heappop, heapreplace, heappushpop, nlargest, nsmallest, merge), keep the instance's type and attributes, and still reject non-lists with CPython's messages.
import heapq


class Heap(list):
    def __init__(self, items=(), name="h"):
        super().__init__(items)
        self.name = name


h = Heap([9, 4, 7, 1, 8, 2, 6], name="mine")
heapq.heapify(h)
print(h, type(h).__name__, h.name)
heapq.heappush(h, 0)
heapq.heappush(h, 5)
print(h, len(h))
print(heapq.heappop(h), heapq.heappop(h), h)
print(heapq.heapreplace(h, 10), h)
print(heapq.heappushpop(h, 3), heapq.heappushpop(h, 0), h)
out = []
while h:
    out.append(heapq.heappop(h))
print(out, h, type(h).__name__)
print(heapq.nlargest(3, Heap([5, 1, 9, 3])), heapq.nsmallest(2, Heap([5, 1, 9, 3])))
print(list(heapq.merge(Heap([1, 4, 9]), Heap([2, 3, 10]))))


class Tuple(tuple):
    pass


for call in (lambda: heapq.heapify(Tuple([3, 1])), lambda: heapq.heappush(Tuple(), 1),
             lambda: heapq.heappop(Heap())):
    try:
        call()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
