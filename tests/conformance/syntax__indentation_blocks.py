# Checks: nested blocks at several indentation depths, tabs-free mixed widths per block, dedent to any level.
def outer(n):
    result = []
    for i in range(n):
        if i % 2 == 0:
            for j in range(i):
                if j == 1:
                      result.append((i, j))
                else:
                  result.append(j)
        else:
         result.append(-i)
    return result


print(outer(5))
x = 0
while x < 3:
        x += 1
        if x == 2:
                continue
        print("x", x)
class K:
  def m(self):
        return "m"
print(K().m())
if x:
    pass
elif x == 0:
    pass
else:
    pass
print("ok")
