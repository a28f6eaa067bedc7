# Checks: itertools accumulate (default +, func, initial, strings), chain and chain.from_iterable (lazy, infinite sources), compress, dropwhile, takewhile, filterfalse, islice (stop/start/step, None, how much of the source it consumes), pairwise, starmap and zip_longest (fillvalue, unequal lengths), on lists, generators and infinite iterators.
from itertools import (accumulate, chain, compress, count, dropwhile, filterfalse, islice,
                       pairwise, starmap, takewhile, zip_longest)

print(list(accumulate([1, 2, 3, 4, 5])))
print(list(accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print(list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([], initial=None)), list(accumulate([])))
print(list(accumulate("abc")))
print(list(accumulate([1, 2, 3], func=lambda a, b: a - b, initial=10)))
print(list(islice(accumulate(count(1)), 5)))
acc = accumulate([1, 2], lambda a, b: a / b)
print(next(acc), next(acc))

print(list(chain("ab", [1, 2], (), range(2))))
print(list(chain()), list(chain([])))
print(list(chain.from_iterable(["xy", [3], range(2)])))
print(list(islice(chain.from_iterable(repeat_gen() for repeat_gen in [lambda: count(7)]), 3)))
print(list(islice(chain.from_iterable(map(range, count(1))), 10)))
ch = chain([1], [2])
print(iter(ch) is ch, next(ch), list(ch), list(ch))

def noisy(name, n):
    for i in range(n):
        print("  pull", name, i)
        yield i

print(list(chain(noisy("a", 2), noisy("b", 1))))

print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(compress("ABC", [1, 1, 1, 1, 1])), list(compress("ABCDE", [0, 1])))
print(list(islice(compress(count(), cycle_sel := [True, False] * 20), 5)), len(cycle_sel))

print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(dropwhile(lambda x: True, [1, 2])), list(dropwhile(lambda x: x, [])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
tw = takewhile(lambda x: x < 3, count())
print(list(tw), list(tw))
print(list(filterfalse(lambda x: x % 2, range(10))))
print(list(filterfalse(None, [0, 1, "", "a", None, [], [0]])))

print(list(islice("ABCDEFG", 2)))
print(list(islice("ABCDEFG", 2, 4)))
print(list(islice("ABCDEFG", 2, None)))
print(list(islice("ABCDEFG", 0, None, 2)))
print(list(islice("ABCDEFG", None)), list(islice("ABC", None, None, None)))
print(list(islice(count(), 3, 20, 5)))
print(list(islice("AB", 5, 10)), list(islice("ABC", 0)), list(islice("ABC", 3, 1)))
src = iter(range(10))
print(list(islice(src, 0, 5, 3)), list(src))
src = iter(range(10))
print(list(islice(src, 2, 4)), next(src))
src = iter(range(3))
print(list(islice(src, 5)), list(src))
print(list(islice(noisy("c", 10), 1, 4, 2)))
print(list(islice(range(10), True, 5, True)))

print(list(pairwise("ABCDE")), list(pairwise("A")), list(pairwise([])))
print(list(islice(pairwise(count()), 3)))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(lambda *a: sum(a), [[1, 2, 3], (), "" ])))
print(list(starmap(lambda a, b: a + b, zip(count(), "abc" and [10, 20, 30]))))

print(list(zip_longest("ABCD", "xy", fillvalue="-")))
print(list(zip_longest("AB", [1, 2, 3, 4])))
print(list(zip_longest()), list(zip_longest([])), list(zip_longest([], [], fillvalue=0)))
print(list(zip_longest(range(3), count(), fillvalue=None))[:0] if False else list(islice(zip_longest(range(2), count()), 4)))
z = zip_longest([1], [2, 3])
print(next(z), next(z))
try:
    next(z)
except StopIteration:
    print("StopIteration")
