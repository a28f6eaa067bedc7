x = 3
if x:
    y = 1
if x > 2:
    y = 2
elif x < 0:
    y = 3
else:
    y = 4
if not x:
    y = 5
if x and y or not x:
    y = 6
while x:
    x -= 1
else:
    y = 7
for i in range(3):
    y = i
else:
    y = 8
for i in [1, 2, 3]:
    pass
while True:
    break
if 0:
    y = 9
