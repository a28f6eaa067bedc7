# Checks: TypeError from str + int inside a nested call; the exact "can only concatenate" message.
def label(n):
    return "item " + n


def render(items):
    for i in items:
        print(label(str(i)))
    print(label(items[0]))


render([1, 2])
