# Checks: SyntaxError for await in a plain function (a compiler error, raised before anything runs).
print("not printed")
def fetch(source):
    data = await source
    return data
print(fetch)
