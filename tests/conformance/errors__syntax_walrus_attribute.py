# Checks: SyntaxError for an attribute as the target of := (the parser's message and caret).
class Box:
    pass
box = Box()
if (box.value := 3) > 2:
    print(box.value)
