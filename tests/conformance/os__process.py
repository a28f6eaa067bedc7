# Checks: os process facts (getpid, cpu_count, getcwd), environ/getenv, urandom, os.strerror, OSError attributes and str() when built from Python.
import os

print(type(os.getpid()).__name__, os.getpid() > 0, os.cpu_count() >= 1)
print(os.getcwd() == os.path.abspath("."), os.name, os.curdir, os.pardir, os.extsep)
print(type(os.environ).__name__ in ("dict", "_Environ"), "PATH" in os.environ)
print(os.getenv("PATH") == os.environ["PATH"], os.getenv("GILLAB_NO_SUCH_VAR"))
print(os.getenv("GILLAB_NO_SUCH_VAR", "fallback"))
os.environ["GILLAB_NO_SUCH_VAR"] = "now set"
print(os.getenv("GILLAB_NO_SUCH_VAR"))
r = os.urandom(16)
print(type(r).__name__, len(r), len(os.urandom(0)))
try:
    os.urandom(-1)
except ValueError as e:
    print(e)
print(os.strerror(2), "|", os.strerror(13), "|", os.strerror(17))
e = OSError(2, "No such file or directory", "x.txt")
print(e, "|", e.args, e.errno, e.strerror, e.filename, e.filename2)
print(OSError(13, "Permission denied"), "|", OSError("plain"), "|", OSError(1, 2, 3, 4, 5, 6))
print(OSError(2, "No such file or directory", "a", None, "b"))
print(OSError("plain").errno, OSError().args)
print(os.error is OSError, issubclass(NotADirectoryError, OSError), issubclass(BlockingIOError, OSError))


class ConfigError(OSError):
    def __init__(self, path):
        super().__init__(2, "missing config", path)


try:
    raise ConfigError("app.cfg")
except OSError as err:
    print(type(err).__name__, err, err.errno, err.filename)
