# Checks: traceback of an uncaught ValueError raised three functions deep (stdout before it is kept).
def parse(text):
    return int(text)


def load(values):
    return parse(values[1])


def main():
    print("loading")
    return load(["1", "two", "3"])


main()
print("not reached")
