# Checks: format specs for width, alignment (< > ^ =), fill characters, precision on strings, zero padding.
s = "abc"
n = 42
print(f"[{s:>10}] [{s:<5}] [{s:^7}] [{s:^8}] [{s:10}] [{s:2}]")
print(f"[{s:*>10}] [{s:-<6}] [{s:_^9}] [{s:.2}] [{s:>6.1}]")
print(f"[{n:5}] [{n:<5}] [{n:^6}] [{n:05d}] [{n:+05d}] [{-n:05d}] [{-n:=6}]")
print(f"[{n:x>6}] [{n:0<6}]")
print(f"[{3.5:8}] [{3.5:<8}] [{-3.5:08.2f}] [{3.5:^9.3f}]")
print(f"[{True:>6}] [{None!s:>6}] [{[1]!s:>5}]")
w = 8
for v in ["a", "bb", "ccc"]:
    print(f"|{v:>{w}}|{v:<{w - 2}}|")
print("[" + format("x", ">4") + "]", "[" + format(7, "03") + "]", format(0.5, ".1%"))
print(f"{'':>3}|{'':-^5}|")
