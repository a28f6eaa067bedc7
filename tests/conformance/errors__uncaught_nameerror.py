# Checks: NameError for an undefined global used inside a function (3.11 prints no "Did you mean" for unrelated names).
def compute():
    return undefined_total_value + 1


print("computing")
compute()
