# Checks: str and bytes center/ljust/rjust with fill characters, zfill with signs, expandtabs, identity of unchanged results, and their errors.
class Eight:
    __index__ = lambda self: 8


def show(*thunks):
    for f in thunks:
        try:
            print(repr(f()))
        except (TypeError, ValueError, OverflowError, MemoryError) as e:
            print(type(e).__name__ + ":", e)


for s in ["", "ab", "héllo", b"", b"ab", bytes([0, 255])]:
    fill = "*" if type(s) is str else b"*"
    show(lambda: [s.center(6), s.center(7, fill), s.ljust(6, fill), s.rjust(Eight(), fill)])
    show(lambda: [s.center(-1), s.ljust(True), s.rjust(0, fill), s.zfill(Eight())])
for fill in ["", "ab", "ö", b"", b"ab", b"*", 1, None]:
    show(lambda: "ab".center(5, fill), lambda: b"ab".rjust(5, fill))
show(lambda: "ab".center(2**70), lambda: b"ab".ljust("5"), lambda: "ab".ljust(1.5))
show(lambda: "ab".rjust(), lambda: b"ab".center(1, b" ", 3), lambda: "ab".ljust(width=3))
for z in ["42", "-42", "+42", "", "-", "--1", "ö-", "abc", b"-42", b"+4", b"-"]:
    show(lambda: [z.zfill(6), z.zfill(-3), z.zfill(True)])
show(lambda: "4".zfill(None), lambda: b"4".zfill(1.5))
for t in ["a\tb\tc", "ab\ncd\tx\r\ty", "é\tb", b"a\tb\tc", b"ab\ncd\tx\r\ty"]:
    show(lambda: [t.expandtabs(), t.expandtabs(4), t.expandtabs(0), t.expandtabs(-1)])
    show(lambda: [t.expandtabs(tabsize=2), t.expandtabs(Eight()), t.expandtabs(True)])
show(lambda: "a\tb".expandtabs(2**40), lambda: b"a\tb".expandtabs("x"))
for same in ["no tabs", b"no tabs"]:
    print(same.expandtabs() is same, same.center(3) is same, same.zfill(2) is same)
