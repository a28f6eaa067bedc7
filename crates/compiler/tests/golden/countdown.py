def countdown(n):
    while n > 0:
        n -= 1
