# Checks: bisect on instances of list subclasses and int subclasses: searching reads items through an overridden __getitem__ and inserting calls an overridden insert (as for any non-exact list), plain subclasses behave as lists, lo/hi accept int subclasses.
import bisect


class Sorted(list):
    pass


class Logged(list):
    def insert(self, i, x):
        print("insert", i, x)
        list.insert(self, i, x)

    def __getitem__(self, i):
        print("get", i)
        return list.__getitem__(self, i)


class MyInt(int):
    pass


a = Sorted([1, 2, 4, 4, 7, 9])
print(bisect.bisect(a, 4), bisect.bisect_left(a, 4), bisect.bisect_right(a, MyInt(4)))
print(bisect.bisect_left(a, 4, MyInt(3)), bisect.bisect(a, 8, 0, MyInt(4)))
bisect.insort(a, 3)
bisect.insort_left(a, 4)
bisect.insort(a, 10, key=None)
print(a, type(a).__name__)
b = Logged([1, 5, 8])
print(bisect.bisect(b, 6))
bisect.insort(b, 3)
bisect.insort_left(b, 8)
print(list(b))
words = Sorted(["pear", "fig", "banana"])
words.sort(key=len)
bisect.insort(words, "kiwi", key=len)
print(words)
