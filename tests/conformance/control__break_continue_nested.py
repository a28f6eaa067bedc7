# Checks: break/continue affect only the innermost loop; flags to exit nested loops.
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if i == 2:
            break
        print(i, j)
    print("end i", i)
found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    if found:
        break
print("found", found)
result = []
i = 0
while i < 4:
    i += 1
    for ch in "abc":
        if ch == "b":
            continue
        if i == 3:
            break
        result.append(str(i) + ch)
print(result)
for n in range(3):
    while True:
        break
    else:
        print("never")
    print("n", n)
