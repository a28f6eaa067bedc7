# Checks: custom exception classes subclassing Exception, hierarchies, extra attributes, custom __init__/__str__.
class AppError(Exception):
    pass


class ConfigError(AppError):
    pass


class HttpError(AppError):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status

    def __str__(self):
        return "HTTP %d: %s" % (self.status, self.args[0])


class Quiet(Exception):
    def __init__(self):
        super().__init__("quiet by default")


for exc in [AppError("generic"), ConfigError("missing key"), HttpError(404, "not found"), Quiet()]:
    try:
        raise exc
    except ConfigError as e:
        print("config:", e)
    except HttpError as e:
        print("http:", e, e.status, e.args)
    except AppError as e:
        print("app:", type(e).__name__, e)
    except Exception as e:
        print("other:", type(e).__name__, e)
print(issubclass(ConfigError, AppError), issubclass(HttpError, Exception), isinstance(Quiet(), AppError))
try:
    raise ConfigError
except AppError as e:
    print(repr(e), e.args, str(e) == "")
print(repr(HttpError(500, "boom")), str(HttpError(500, "boom")))
print(repr(ConfigError("x", 2)))
