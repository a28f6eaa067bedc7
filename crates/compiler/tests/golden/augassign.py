n = 0
n += 1
n -= 1
n *= 3
n //= 2
n **= 2
n %= 5
n <<= 1
n >>= 1
n &= 7
n |= 8
n ^= 1
n /= 2


def bump():
    global n
    n += 1


class Box:
    pass


box = Box()
box.v = 1
box.v += 2
data = [1, 2, 3]
i = 1
data[i] += 1
data[i:] += [4]


def local_aug(k):
    k @= k if False else k
    return k
