"""Regular expressions (gil-lab): the module-level API of CPython's re over the native
_gillab_re module, which compiles patterns and matches them.

Differences from CPython are listed in gil-lab's docs/stdlib.md (section re)."""

import _gillab_re

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
    "compile", "purge", "escape", "error", "Pattern", "Match", "A", "I", "L", "M", "S",
    "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE",
    "NOFLAG", "RegexFlag",
]

Pattern = _gillab_re.Pattern
Match = _gillab_re.Match

NOFLAG = 0
T = TEMPLATE = 1
I = IGNORECASE = 2
L = LOCALE = 4
M = MULTILINE = 8
S = DOTALL = 16
U = UNICODE = 32
X = VERBOSE = 64
DEBUG = 128
A = ASCII = 256

# The flags are plain ints: gil-lab cannot yet subclass int for enum.IntFlag.
RegexFlag = int


class error(Exception):
    """The exception raised for an invalid pattern or template: msg, pattern, pos, and
    the line and column of pos."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except (KeyError, TypeError):
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    p = _gillab_re.compile(pattern, flags)
    if not flags & DEBUG:
        if len(_cache) >= _MAXCACHE:
            # Drop the oldest entry; another thread may have changed the dict meanwhile.
            try:
                del _cache[next(iter(_cache))]
            except (StopIteration, RuntimeError, KeyError):
                pass
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    "Try to apply the pattern at the start of the string."
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    "Try to apply the pattern to all of the string."
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    "Scan through string looking for a match to the pattern."
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    "Return the string with the leftmost non-overlapping occurrences replaced by repl."
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    "Like sub, returning (new_string, number_of_subs_made)."
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    "Split the string by the occurrences of the pattern."
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    "Return a list of all non-overlapping matches in the string."
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    "Return an iterator over all non-overlapping matches in the string."
    return _compile(pattern, flags).finditer(string)


def purge():
    "Clear the regular expression cache."
    _cache.clear()


_SPECIAL = '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'


def escape(pattern):
    "Escape the special characters of a pattern (a str or bytes)."
    if isinstance(pattern, str):
        out = []
        for c in pattern:
            if c in _SPECIAL:
                out.append('\\')
            out.append(c)
        return ''.join(out)
    if not isinstance(pattern, bytes):
        raise TypeError("decoding to str: need a bytes-like object, %s found"
                        % type(pattern).__name__)
    out = []
    for b in pattern:
        c = chr(b)
        if c in _SPECIAL:
            out.append(b'\\')
        out.append(bytes([b]))
    return b''.join(out)
