# Checks: printf-style % formatting: %d %s %r %f %.2f %x %5d %-5s %%, tuples and single values.
print("%d items" % 5)
print("%s and %s" % ("this", "that"))
print("%r vs %s" % ("quoted", "plain"))
print("%f | %.2f | %.0f | %.3f" % (3.14159, 3.14159, 2.5, -0.0005))
print("%x %X %o" % (255, 255, 8))
print("[%5d] [%-5d] [%05d]" % (42, 42, 42))
print("[%5s] [%-5s] [%.2s]" % ("ab", "ab", "abcdef"))
print("100%% sure, %d%%" % 50)
print("%s" % [1, 2], "%s" % (None,), "%s" % ((1, 2),))
print("%d" % 3.99, "%d" % -3.99, "%d" % True)
print("%s %s %s" % (1, 2.5, "x"))
print("%e" % 12345.678, "%.2e" % 0.000123)
print("%+d %+d" % (5, -5), "% d" % 5)
print("%c%c" % (72, "i"))
print("%(name)s is %(age)d" % {"name": "Bo", "age": 9})
print("%10.3f|" % 3.14159, "%-10.2f|" % 2.5)
print("%i" % 7, "%5.1f%%" % 99.5)
try:
    "%d %d" % (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "%d" % "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
