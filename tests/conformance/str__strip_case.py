# Checks: strip/lstrip/rstrip with and without chars, upper/lower, startswith/endswith incl. tuple arguments and start.
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
print("abcHELLOcba".strip("abc"), "www.example.com".strip("cmow."), "123abc321".strip("0123456789"))
print(repr("".strip()), repr("   ".strip()), "nochange".strip("z"))
print("Hello World".upper(), "Hello World".lower(), "ÉCOLE".lower(), "straße".upper())
print("MiXeD 123!".upper(), "MiXeD 123!".lower())
f = "report.final.txt"
print(f.startswith("report"), f.startswith("final"), f.endswith(".txt"), f.endswith(".csv"))
print(f.endswith((".csv", ".txt")), f.startswith(("a", "b", "r")), f.endswith(()))
print(f.startswith("final", 7), f.startswith("", 0), "".startswith(""), "abc".endswith(""))
print("Hello".lower() == "hello", "abc".upper().lower())
