# Checks: f-strings with names, expressions, calls, method calls, dict/list access, nested quotes, braces escaping.
name = "World"
n = 7
items = [1, 2, 3]
d = {"key": "val"}
print(f"Hello, {name}!")
print(f"{n} squared is {n * n}; half is {n / 2}")
print(f"{name.upper()} {len(items)} {items[-1]} {d['key']} {sum(items)}")
print(f"{'nested quotes'} {'single' if n else 'other'}", f'{"double inside single"}')
print(f"{{braces}} {{{n}}}")
print(f"{n > 5} {None} {[x * 2 for x in items]} {(1, 2)}")
print(f"multi {n}" f" part {name}" " plain")
print(F"capital F {n}")
print(f"{n!r} {name!r} {name!s} {str(n)!r}")
print(f"{'a' + 'b'} {3 if n else 4} {-n} {n % 3}")
print(f"")
print(f"{n}{n}{n}")
x = 3.14159
print(f"{x} {x:.2f} {x:10.3f}| {x:<10.1f}|")


def greet(who):
    return f"hi {who}"


print(f"{greet('you')}")
print(f"{1 + 1}")
