# Checks: numeric format specs :.3f :, :x :X :o :b :e :E :% :g :+ and alternate forms, for ints and floats.
x = 1234567.891
n = 255
print(f"{x:.3f} {x:.0f} {x:,} {x:,.2f} {x:_.1f} {x:e} {x:.2e} {x:E}")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b} {n:08b} {n:,} {10**9:_}")
print(f"{0.25:%} {0.25:.0%} {1.5:.1%} {-0.125:.2%}")
print(f"{x:g} {0.0001234:g} {123456789.0:g} {1e-10:g} {100.0:g} {0.5:.3g}")
print(f"{5:+} {-5:+} {5: } {-5: } {5.0:+.1f}")
print(f"{1e16:f} {1/3:.10f} {2/3:.5f} {2.5:.0f} {3.5:.0f} {-2.5:.0f}")
print(f"{12:d} {-12:d} {12:5d}|{12:<5d}|{12:^5d}|")
print(f"{123456789:,d} {-1234:,} {1234.5:,}")
print(f"{7:.2f} {7:e} {7:%}")
print(f"{float('inf'):f} {float('-inf'):.2f} {float('nan'):f} {float('inf'):e}")
print(f"{2**64:x} {-255:x} {-255:#x}")
print(format(3.14159, ".2f"), format(10, "b"), format(255, "x"), format(1234, ","))
try:
    f"{'s':d}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{1.5:d}"
except ValueError as e:
    print(type(e).__name__, e)
