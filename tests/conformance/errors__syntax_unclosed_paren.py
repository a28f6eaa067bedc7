# Checks: SyntaxError report for a parenthesis never closed (nothing runs, exit status 1).
print("this line never runs")
total = sum([1, 2, 3]
print(total)
