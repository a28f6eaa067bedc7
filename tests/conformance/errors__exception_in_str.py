# Checks: traceback for an exception whose message comes from a custom __str__, raised through a method.
class ParseError(Exception):
    def __init__(self, line, reason):
        super().__init__(line, reason)
        self.line = line
        self.reason = reason

    def __str__(self):
        return "line %d: %s" % (self.line, self.reason)


class Parser:
    def parse(self, lines):
        for n, text in enumerate(lines, 1):
            self.parse_line(n, text)

    def parse_line(self, n, text):
        if "=" not in text:
            raise ParseError(n, "expected '=' in " + repr(text))
        print("ok", text)


Parser().parse(["a=1", "b=2", "oops"])
