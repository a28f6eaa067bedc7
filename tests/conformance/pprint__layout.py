# Checks: pprint.pformat's layout as CPython 3.11 lays it out: dicts (sorted keys, unorderable keys, sort_dicts=False), lists, tuples (one-tuples), sets and frozensets (sorted), nested structures at several widths and indents, depth limits, compact mode, strings wrapped at word boundaries and line ends, bytes wrapped four at a time, underscore_numbers, objects with long reprs, and empty containers.
import pprint

data = [("string", (1, 2), [3, 4], {5: 6, 7: 8})] * 5
print(pprint.pformat(data))
stuff = {"b": list(range(30)), "a": "x" * 100, "c": {"nested": [1, (2, 3), {4, 5}], "k": None},
         "long string key " * 3: "the quick brown fox jumps over the lazy dog " * 5,
         "bytes": bytes(range(40)), "t1": (1,), "e": [], "f": {}, "g": set(), "h": (), "fs": frozenset([1, 2])}
for w in (80, 40, 20, 7):
    print(pprint.pformat(stuff, width=w))
print(pprint.pformat(stuff, indent=4, width=50))
print(pprint.pformat(stuff, depth=1), pprint.pformat(stuff, depth=2, width=30))
print(pprint.pformat(list(range(100)), compact=True, width=40))
print(pprint.pformat([[1, 2], [3] * 30, "ab" * 20] * 3, compact=True, width=30))
print(pprint.pformat(stuff, sort_dicts=False, width=60))
print(pprint.pformat(10**20, underscore_numbers=True), pprint.pformat([10**8, {10**6: 1}], underscore_numbers=True), pprint.pformat(10**8))
print(pprint.pformat({(1, 2): "a", (0, 5): "b"}), pprint.pformat({1: "a", "b": 2, None: 3}))
print(pprint.pformat(set(range(30)), width=20), pprint.pformat(frozenset(range(12)), width=20))
print(pprint.pformat("line one\nline two is longer than the width allows here\n" * 2, width=25))
print(pprint.pformat(["x" * 50 + " " + "y" * 50], width=40), pprint.pformat({"k": "a b c d e f g h i j k l m n o p"}, width=20))
print(pprint.pformat(b"\x00\x01abcdefgh" * 5, width=20), pprint.pformat([b"abcdefghijklmnop" * 3], width=25))
print(pprint.pformat(bytes(range(12)), width=20), pprint.pformat(bytes(range(13)), width=20), pprint.pformat(b"abc", width=1))


class R:
    def __repr__(self):
        return "R(" + "z" * 90 + ")"


print(pprint.pformat([R(), R()]), pprint.pformat((R(),)))
print(pprint.pformat([[[[[1, 2, 3]]]]], depth=3), pprint.pformat(((((1,),),),), depth=2))
print(pprint.pformat({"a": {"b": {"c": {}}}}, depth=2), pprint.pformat([[], [[]]], depth=1))
nested = {"level1": {"level2": {"level3": ["a" * 20, "b" * 20, "c" * 20], "other": (1, 2, 3)}}, "z": [1] * 25}
print(pprint.pformat(nested))
print(pprint.pformat(nested, indent=3, width=45))
print(pprint.pformat(nested, compact=True, width=45))
print(pprint.pformat(list(range(10)), width=1), pprint.pformat("", width=1), pprint.pformat([], width=1))
