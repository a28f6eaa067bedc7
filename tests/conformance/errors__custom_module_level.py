# Checks: uncaught custom exception class defined in the main module: last line is "MyError: msg" (no __main__. prefix).
class MyError(Exception):
    pass


class DetailedError(MyError):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


try:
    raise DetailedError(1)
except MyError as e:
    print("handled", e, e.code)
raise DetailedError(42)
