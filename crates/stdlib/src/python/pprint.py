"""pprint for gil-lab: pretty-printing of Python data structures.

Provided: pprint, pformat, pp, saferepr, isreadable, isrecursive and PrettyPrinter (indent,
width, depth, stream, compact, sort_dicts, underscore_numbers; pprint, pformat, format,
isreadable, isrecursive, and _safe_repr as pyperformance calls it). The layout is CPython
3.11's: a repr that fits in the remaining width is written whole; otherwise dicts, lists,
tuples, sets, strings (wrapped at word boundaries), bytes (four bytes at a time) and the
collections types (OrderedDict, defaultdict, Counter, ChainMap, deque, UserDict, UserList,
UserString) are broken over lines, nested structures indented, recursion shown as
<Recursion on TYPE with id=N> (or ... inside a repr), and levels beyond depth as {...},
[...], (...).

Differences from CPython 3.11: the text is assembled in a list and written to the stream in
one write() (CPython writes it piece by piece); a dataclass is laid out field by field only
when the dataclasses module is present and the instance's __repr__ is the generated one
(recognized as CPython's pprint recognizes it); mappingproxy and SimpleNamespace, which
gil-lab lacks, have no layout of their own.
"""

import sys as _sys
import collections as _collections
from _gillab_pprint import safe_repr as _native_safe_repr

try:
    import dataclasses as _dataclasses
except ImportError:
    _dataclasses = None

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr",
           "PrettyPrinter", "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *,
           compact=False, sort_dicts=True, underscore_numbers=False):
    """Pretty-print a Python object to a stream [default is sys.stdout]."""
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth,
                  compact=compact, sort_dicts=sort_dicts,
                  underscore_numbers=underscore_numbers).pprint(object)


def pformat(object, indent=1, width=80, depth=None, *,
            compact=False, sort_dicts=True, underscore_numbers=False):
    """Format a Python object into a pretty-printed representation."""
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact,
                         sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """Pretty-print a Python object, dicts in insertion order."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    """Version of repr() which can handle recursive data structures."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[0]


def isreadable(object):
    """Determine if saferepr(object) is readable by eval()."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[1]


def isrecursive(object):
    """Determine if object requires a recursive representation."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[2]


class _safe_key:
    """Sort key that orders values of types that cannot be compared by their type's name
    and their id, so that any mix of keys can be sorted."""

    __slots__ = ['obj']

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            mine = (str(type(self.obj)), id(self.obj))
            theirs = (str(type(other.obj)), id(other.obj))
            return mine < theirs


def _first(pair):
    return pair[0]


def _safe_first(pair):
    return _safe_key(pair[0])


def _sorted_items(mapping):
    """The items of a dict sorted by key, with _safe_key's order for unorderable keys (the
    keys of a dict are distinct, so the values never decide)."""
    items = list(mapping.items())
    try:
        items.sort(key=_first)
    except TypeError:
        items.sort(key=_safe_first)
    return items


def _sorted_values(values):
    values = list(values)
    try:
        values.sort()
    except TypeError:
        values.sort(key=_safe_key)
    return values


def _recursion(object):
    return "<Recursion on %s with id=%s>" % (type(object).__name__, id(object))


def _split_words(line):
    """The line cut after each run of whitespace: runs of non-space characters each with
    the spaces that follow them."""
    parts = []
    start = 0
    n = len(line)
    while start < n:
        end = start
        while end < n and not line[end].isspace():
            end += 1
        while end < n and line[end].isspace():
            end += 1
        parts.append(line[start:end])
        start = end
    return parts


def _wrap_chunks(pieces, width, allowance, last, empty):
    """Greedily joins consecutive pieces into chunks whose repr fits in width (from piece
    number last on, in width - allowance); a piece too wide on its own is a chunk by
    itself."""
    chunks = []
    current = empty
    for i, piece in enumerate(pieces):
        candidate = current + piece
        if i == last:
            width -= allowance
        if len(repr(candidate)) > width:
            if current:
                chunks.append(repr(current))
            current = piece
        else:
            current = candidate
    if current:
        chunks.append(repr(current))
    return chunks


_builtin_scalars = {str, bytes, float, bool, type(None)}
try:
    # (Types gil-lab does not have yet.)
    _builtin_scalars.add(bytearray)
    _builtin_scalars.add(complex)
except NameError:
    pass


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *,
                 compact=False, sort_dicts=True, underscore_numbers=False):
        """Handle pretty printing operations onto a stream using a set of configured
        parameters: indent per nesting level, desired output width, maximum depth,
        output stream (default sys.stdout), compact sequences, sorted dicts and
        underscores in ints."""
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError('indent must be >= 0')
        if depth is not None and depth <= 0:
            raise ValueError('depth must be > 0')
        if not width:
            raise ValueError('width must be != 0')
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        if stream is not None:
            self._stream = stream
        else:
            self._stream = _sys.stdout
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        if self._stream is not None:
            out = []
            self._format(object, out, 0, 0, {}, 0)
            out.append("\n")
            self._stream.write("".join(out))

    def pformat(self, object):
        out = []
        self._format(object, out, 0, 0, {}, 0)
        return "".join(out)

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        s, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def _format(self, object, out, indent, allowance, context, level):
        objid = id(object)
        if objid in context:
            out.append(_recursion(object))
            self._recursive = True
            self._readable = False
            return
        rep = self._repr(object, context, level)
        if len(rep) > self._width - indent - allowance:
            layout = self._dispatch.get(type(object).__repr__, None)
            if layout is not None:
                context[objid] = 1
                layout(self, object, out, indent, allowance, context, level + 1)
                del context[objid]
                return
            if _is_plain_dataclass(object):
                context[objid] = 1
                self._pprint_dataclass(object, out, indent, allowance, context, level + 1)
                del context[objid]
                return
        out.append(rep)

    def _pprint_dataclass(self, object, out, indent, allowance, context, level):
        name = object.__class__.__name__
        items = [(f.name, getattr(object, f.name))
                 for f in _dataclasses.fields(object) if f.repr]
        out.append(name + '(')
        self._format_namespace_items(items, out, indent + len(name) + 1, allowance,
                                     context, level)
        out.append(')')

    _dispatch = {}

    def _pprint_dict(self, object, out, indent, allowance, context, level):
        out.append('{')
        if self._indent_per_level > 1:
            out.append((self._indent_per_level - 1) * ' ')
        if len(object):
            items = _sorted_items(object) if self._sort_dicts else object.items()
            self._format_dict_items(items, out, indent, allowance + 1, context, level)
        out.append('}')

    _dispatch[dict.__repr__] = _pprint_dict

    def _pprint_ordered_dict(self, object, out, indent, allowance, context, level):
        if not len(object):
            out.append(repr(object))
            return
        name = object.__class__.__name__
        out.append(name + '(')
        self._format(list(object.items()), out, indent + len(name) + 1, allowance + 1,
                     context, level)
        out.append(')')

    def _pprint_list(self, object, out, indent, allowance, context, level):
        out.append('[')
        self._format_items(object, out, indent, allowance + 1, context, level)
        out.append(']')

    _dispatch[list.__repr__] = _pprint_list

    def _pprint_tuple(self, object, out, indent, allowance, context, level):
        out.append('(')
        end = ',)' if len(object) == 1 else ')'
        self._format_items(object, out, indent, allowance + len(end), context, level)
        out.append(end)

    _dispatch[tuple.__repr__] = _pprint_tuple

    def _pprint_set(self, object, out, indent, allowance, context, level):
        if not len(object):
            out.append(repr(object))
            return
        cls = object.__class__
        if cls is set:
            out.append('{')
            end = '}'
        else:
            out.append(cls.__name__ + '({')
            end = '})'
            indent += len(cls.__name__) + 1
        self._format_items(_sorted_values(object), out, indent, allowance + len(end),
                           context, level)
        out.append(end)

    _dispatch[set.__repr__] = _pprint_set

    def _pprint_str(self, object, out, indent, allowance, context, level):
        if not len(object):
            out.append(repr(object))
            return
        lines = object.splitlines(True)
        if level == 1:
            indent += 1
            allowance += 1
        width = self._width - indent
        chunks = []
        last = len(lines) - 1
        for i, line in enumerate(lines):
            rep = repr(line)
            fits = width - allowance if i == last else width
            if len(rep) <= fits:
                chunks.append(rep)
            else:
                words = _split_words(line)
                chunks.extend(_wrap_chunks(words, width, allowance if i == last else 0,
                                           len(words) - 1, ''))
        if len(chunks) == 1:
            out.append(chunks[0])
            return
        if level == 1:
            out.append('(')
        out.append(('\n' + ' ' * indent).join(chunks))
        if level == 1:
            out.append(')')

    _dispatch[str.__repr__] = _pprint_str

    def _pprint_bytes(self, object, out, indent, allowance, context, level):
        if len(object) <= 4:
            out.append(repr(object))
            return
        parens = level == 1
        if parens:
            indent += 1
            allowance += 1
            out.append('(')
        pieces = [object[i:i + 4] for i in range(0, len(object), 4)]
        # The allowance applies to a last piece shorter than four bytes only (as in
        # CPython, where a whole last group of four is not counted as the last).
        last = len(pieces) - 1 if len(object) % 4 else -1
        chunks = _wrap_chunks(pieces, self._width - indent, allowance, last, object[:0])
        out.append(('\n' + ' ' * indent).join(chunks))
        if parens:
            out.append(')')

    _dispatch[bytes.__repr__] = _pprint_bytes

    def _pprint_bytearray(self, object, out, indent, allowance, context, level):
        out.append('bytearray(')
        self._pprint_bytes(bytes(object), out, indent + 10, allowance + 1, context,
                           level + 1)
        out.append(')')

    def _format_dict_items(self, items, out, indent, allowance, context, level):
        indent += self._indent_per_level
        delimnl = ',\n' + ' ' * indent
        last = len(items) - 1
        for i, (key, value) in enumerate(items):
            rep = self._repr(key, context, level)
            out.append(rep)
            out.append(': ')
            self._format(value, out, indent + len(rep) + 2,
                         allowance if i == last else 1, context, level)
            if i != last:
                out.append(delimnl)

    def _format_namespace_items(self, items, out, indent, allowance, context, level):
        delimnl = ',\n' + ' ' * indent
        last = len(items) - 1
        for i, (key, value) in enumerate(items):
            out.append(key)
            out.append('=')
            if id(value) in context:
                # As the generated repr of a recursive dataclass shows it.
                out.append('...')
            else:
                self._format(value, out, indent + len(key) + 1,
                             allowance if i == last else 1, context, level)
            if i != last:
                out.append(delimnl)

    def _format_items(self, items, out, indent, allowance, context, level):
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            out.append((self._indent_per_level - 1) * ' ')
        delimnl = ',\n' + ' ' * indent
        items = list(items)
        if not items:
            return
        delim = ''
        # Room left on the current line (compact mode), one more than the width since the
        # last item on a line needs no separator after it.
        room = full = self._width - indent + 1
        last = len(items) - 1
        for i, item in enumerate(items):
            if i == last:
                full -= allowance
                room -= allowance
            if self._compact:
                rep = self._repr(item, context, level)
                need = len(rep) + 2
                if room < need:
                    room = full
                    if delim:
                        delim = delimnl
                if room >= need:
                    room -= need
                    out.append(delim)
                    delim = ', '
                    out.append(rep)
                    continue
            out.append(delim)
            delim = delimnl
            self._format(item, out, indent, allowance if i == last else 1, context, level)

    def _repr(self, object, context, level):
        rep, readable, recursive = self.format(object, context.copy(), self._depth, level)
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return rep

    def format(self, object, context, maxlevels, level):
        """Format object for a specific context, returning a string and flags indicating
        whether the representation is 'readable' and whether the object represents a
        recursive construct."""
        return self._safe_repr(object, context, maxlevels, level)

    def _pprint_default_dict(self, object, out, indent, allowance, context, level):
        if not len(object):
            out.append(repr(object))
            return
        factory = self._repr(object.default_factory, context, level)
        name = object.__class__.__name__
        indent += len(name) + 1
        out.append('%s(%s,\n%s' % (name, factory, ' ' * indent))
        self._pprint_dict(object, out, indent, allowance + 1, context, level)
        out.append(')')

    def _pprint_counter(self, object, out, indent, allowance, context, level):
        if not len(object):
            out.append(repr(object))
            return
        name = object.__class__.__name__
        out.append(name + '({')
        if self._indent_per_level > 1:
            out.append((self._indent_per_level - 1) * ' ')
        self._format_dict_items(object.most_common(), out, indent + len(name) + 1,
                                allowance + 2, context, level)
        out.append('})')

    def _pprint_chain_map(self, object, out, indent, allowance, context, level):
        maps = object.maps
        if not len(maps):
            out.append(repr(object))
            return
        name = object.__class__.__name__
        out.append(name + '(')
        indent += len(name) + 1
        last = len(maps) - 1
        for i, m in enumerate(maps):
            if i == last:
                self._format(m, out, indent, allowance + 1, context, level)
                out.append(')')
            else:
                self._format(m, out, indent, 1, context, level)
                out.append(',\n' + ' ' * indent)

    def _pprint_deque(self, object, out, indent, allowance, context, level):
        if not len(object):
            out.append(repr(object))
            return
        name = object.__class__.__name__
        out.append(name + '([')
        indent += len(name) + 1
        if object.maxlen is None:
            self._format_items(object, out, indent, allowance + 2, context, level)
            out.append('])')
        else:
            self._format_items(object, out, indent, 2, context, level)
            maxlen = self._repr(object.maxlen, context, level)
            out.append('],\n%smaxlen=%s)' % (' ' * indent, maxlen))

    def _pprint_user_data(self, object, out, indent, allowance, context, level):
        self._format(object.data, out, indent, allowance, context, level - 1)

    _pprint_user_dict = _pprint_user_list = _pprint_user_string = _pprint_user_data

    def _safe_repr(self, object, context, maxlevels, level):
        # The repr of object, whether eval() could read it back, and whether it is
        # recursive; containers of the built-in kinds (with their own __repr__) are walked
        # so that recursion and depth are caught. Unless a subclass changes how, the walk
        # is native (_gillab_pprint), with the same results.
        cls = type(self)
        if cls.format is _base_format and cls._safe_repr is _base_safe_repr:
            return _native_safe_repr(self, object, context, maxlevels, level)
        return self._safe_repr_walk(object, context, maxlevels, level)

    def _safe_repr_walk(self, object, context, maxlevels, level):
        typ = type(object)
        if typ in _builtin_scalars:
            return repr(object), True, False
        r = getattr(typ, "__repr__", None)
        if r is _int_repr and issubclass(typ, int):
            if self._underscore_numbers:
                return f"{object:_d}", True, False
            return repr(object), True, False
        if r is _dict_repr and issubclass(typ, dict):
            if not object:
                return "{}", True, False
            return self._safe_walk(object, context, maxlevels, level, "{%s}", True)
        if r is _list_repr and issubclass(typ, list):
            if not object:
                return "[]", True, False
            return self._safe_walk(object, context, maxlevels, level, "[%s]", False)
        if r is _tuple_repr and issubclass(typ, tuple):
            if not object:
                return "()", True, False
            shape = "(%s,)" if len(object) == 1 else "(%s)"
            return self._safe_walk(object, context, maxlevels, level, shape, False)
        rep = repr(object)
        return rep, bool(rep) and not rep.startswith('<'), False

    def _safe_walk(self, object, context, maxlevels, level, shape, mapping):
        objid = id(object)
        if maxlevels and level >= maxlevels:
            return shape % "...", False, objid in context
        if objid in context:
            return _recursion(object), False, True
        context[objid] = 1
        readable = True
        recursive = False
        parts = []
        level += 1
        fmt = self.format
        if mapping:
            items = _sorted_items(object) if self._sort_dicts else object.items()
            for k, v in items:
                krepr, kreadable, krecur = fmt(k, context, maxlevels, level)
                vrepr, vreadable, vrecur = fmt(v, context, maxlevels, level)
                parts.append("%s: %s" % (krepr, vrepr))
                readable = readable and kreadable and vreadable
                if krecur or vrecur:
                    recursive = True
        else:
            for o in object:
                orepr, oreadable, orecur = fmt(o, context, maxlevels, level)
                parts.append(orepr)
                if not oreadable:
                    readable = False
                if orecur:
                    recursive = True
        del context[objid]
        return shape % ", ".join(parts), readable, recursive


_base_format = PrettyPrinter.format
_base_safe_repr = PrettyPrinter._safe_repr
_int_repr = int.__repr__
_dict_repr = dict.__repr__
_list_repr = list.__repr__
_tuple_repr = tuple.__repr__


def _is_plain_dataclass(object):
    """Whether object is a dataclass instance whose __repr__ is the generated one."""
    if _dataclasses is None or isinstance(object, type):
        return False
    if not _dataclasses.is_dataclass(object):
        return False
    if not object.__dataclass_params__.repr:
        return False
    wrapped = getattr(object.__repr__, "__wrapped__", None)
    return wrapped is not None and "__create_fn__" in wrapped.__qualname__


_dispatch = PrettyPrinter._dispatch
_dispatch[frozenset.__repr__] = PrettyPrinter._pprint_set
try:
    _dispatch[bytearray.__repr__] = PrettyPrinter._pprint_bytearray
except NameError:
    pass
_dispatch[_collections.OrderedDict.__repr__] = PrettyPrinter._pprint_ordered_dict
_dispatch[_collections.defaultdict.__repr__] = PrettyPrinter._pprint_default_dict
_dispatch[_collections.Counter.__repr__] = PrettyPrinter._pprint_counter
_dispatch[_collections.ChainMap.__repr__] = PrettyPrinter._pprint_chain_map
_dispatch[_collections.deque.__repr__] = PrettyPrinter._pprint_deque
_dispatch[_collections.UserDict.__repr__] = PrettyPrinter._pprint_user_dict
_dispatch[_collections.UserList.__repr__] = PrettyPrinter._pprint_user_list
_dispatch[_collections.UserString.__repr__] = PrettyPrinter._pprint_user_string
del _dispatch
