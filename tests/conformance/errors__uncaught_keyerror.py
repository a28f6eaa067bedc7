# Checks: uncaught KeyError at module level: the message line shows the repr of the key.
inventory = {"apples": 3}
print(inventory["apples"])
print(inventory["pears"])
