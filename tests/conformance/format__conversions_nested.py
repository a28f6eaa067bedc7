# Checks: f-string conversions !r !s, nested format specs {x:{w}} and {x:{w}.{p}f}, self-documenting {x=}.
name = "Ann"
val = 3.14159
w, p = 10, 2
print(f"{name!r} {name!s} {name}")
print(f"{val:{w}.{p}f}|{val:<{w}}|{name:^{w}}|")
print(f"{name=} {val=} {w=}")
print(f"{name = }")
print(f"{val=:.2f} {w*p=} {len(name)=}")
print(f"{name=!s} {name=!r}")
items = [1, "two", 3.0]
print(f"{items!r} {items!s} {items=}")


class Thing:
    def __repr__(self):
        return "Thing()"

    def __str__(self):
        return "a thing"


t = Thing()
print(f"{t} {t!s} {t!r} {t=}")
print(f"{'tab'!r:>8}|{42!s:>4}|")
fmt = ".3f"
print(f"{val:{fmt}}")
for width in (3, 6):
    print(f"[{7:0{width}d}]")
