# Checks: a coroutine that is dropped without ever being awaited prints CPython's RuntimeWarning, once per location, with the line that dropped it.
async def job(n):
    return n


job(1)
print("after the first")
for i in range(3):
    job(i)
x = job(2)
del x
c = job(3)
c.close()
print("closed before starting: no warning")
