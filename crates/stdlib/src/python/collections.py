"""collections for gil-lab: container datatypes.

Provided: deque (native, from _collections), defaultdict, namedtuple, OrderedDict, Counter,
ChainMap, UserDict, UserList, UserString, and the abc submodule (collections.abc, loaded with
the package).

Differences from CPython 3.11:
- defaultdict, OrderedDict and Counter are Python subclasses of dict (CPython's first two are
  written in C), so their instances have a __dict__, and default_factory is an ordinary
  attribute;
- OrderedDict keeps its order in the dict itself: move_to_end(key, last=False) and
  popitem(last=False) take time proportional to the size (O(1) in CPython);
- namedtuple builds its class with type() rather than exec(): __new__ binds its arguments
  itself (with CPython's messages), and without a caller frame the class's __module__ is
  module if given, else '__main__';
- deque[int], OrderedDict[str, int], ... give the class itself (no types.GenericAlias).
"""

import sys as _sys
from _collections import deque, _count_elements, _tuplegetter
from operator import itemgetter as _itemgetter, eq as _eq
from itertools import chain as _chain, repeat as _repeat, starmap as _starmap
from threading import get_ident as _get_ident
import collections.abc as _collections_abc

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList', 'UserString',
           'defaultdict', 'deque', 'namedtuple']


def _recursive_repr(fillvalue='...'):
    """Decorator for a __repr__ that gives fillvalue for an object already being shown on
    this thread (reprlib.recursive_repr)."""

    def decorating_function(user_function):
        running = set()

        def wrapper(self):
            key = (id(self), _get_ident())
            if key in running:
                return fillvalue
            running.add(key)
            try:
                return user_function(self)
            finally:
                running.discard(key)

        wrapper.__module__ = getattr(user_function, '__module__', None)
        wrapper.__doc__ = getattr(user_function, '__doc__', None)
        wrapper.__name__ = getattr(user_function, '__name__', None)
        wrapper.__qualname__ = getattr(user_function, '__qualname__', None)
        wrapper.__wrapped__ = user_function
        return wrapper

    return decorating_function


# ---- defaultdict ----------------------------------------------------------------------

class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory

    The default factory is called without arguments to produce a new value when a key is
    not present, in __getitem__ only. A defaultdict compares equal to a dict with the same
    items. All remaining arguments are treated the same as if they were passed to the dict
    constructor, including keyword arguments."""

    def __init__(*args, **kwargs):
        self = args[0]
        args = args[1:]
        factory = None
        if args:
            factory = args[0]
            args = args[1:]
            if factory is not None and not callable(factory):
                raise TypeError('first argument must be callable or None')
        self.default_factory = factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        value = factory()
        if type(self).__setitem__ is _dict_setitem:
            # Atomic: threads missing the same key at once all get the value that stays.
            return _dict_setdefault(self, key, value)
        self[key] = value
        return value

    def __repr__(self):
        factory = self.default_factory
        if factory is None:
            shown = 'None'
        else:
            shown = _factory_repr(factory)
        return '%s(%s, %s)' % (type(self).__name__, shown, dict.__repr__(self))

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = () if self.default_factory is None else (self.default_factory,)
        return (type(self), args, None, None, iter(self.items()))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __class_getitem__(cls, item):
        return cls


_dict_setitem = dict.__setitem__
_dict_setdefault = dict.setdefault


@_recursive_repr()
def _factory_repr(factory):
    return repr(factory)


# ---- namedtuple -----------------------------------------------------------------------

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global',
    'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
    'return', 'try', 'while', 'with', 'yield'])

_tuple_new = tuple.__new__
_len = len


def _name_list(names):
    """'a', "'a' and 'b'", "'a', 'b', and 'c'": names as CPython's argument errors list
    them."""
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return '%s and %s' % tuple(quoted)
    return '%s, and %s' % (', '.join(quoted[:-1]), quoted[-1])


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields.

    >>> Point = namedtuple('Point', ['x', 'y'])
    >>> Point(11, y=22)
    Point(x=11, y=22)
    """
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS or name.startswith('_')
                    or name in seen):
                field_names[index] = '_%d' % index
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid identifiers: %r'
                             % (name,))
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a keyword: %r' % (name,))
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % (name,))
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % (name,))
        seen.add(name)

    field_names = tuple(field_names)
    num_fields = len(field_names)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > num_fields:
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(field_names[num_fields - len(defaults):], defaults))
    required = num_fields - len(field_defaults)
    qualname = typename + '.__new__'
    arg_list = ', '.join(field_names)
    repr_fmt = '(' + ', '.join(name + '=%r' for name in field_names) + ')'

    def __new__(_cls, *args, **kwargs):
        if not kwargs and _len(args) == num_fields:
            return _tuple_new(_cls, args)
        return _tuple_new(_cls, _bind(args, kwargs))

    def _bind(args, kwargs):
        if len(args) > num_fields:
            if required == num_fields:
                takes = '%d positional argument%s' % (
                    num_fields + 1, '' if num_fields == 0 else 's')
            else:
                takes = 'from %d to %d positional arguments' % (required + 1, num_fields + 1)
            raise TypeError('%s() takes %s but %d %s given' % (
                qualname, takes, len(args) + 1, 'was' if len(args) == 0 else 'were'))
        values = list(args)
        for key in kwargs:
            if key not in field_names:
                raise TypeError('%s() got an unexpected keyword argument %r'
                                % (qualname, key))
            if field_names.index(key) < len(args):
                raise TypeError('%s() got multiple values for argument %r'
                                % (qualname, key))
        missing = []
        for name in field_names[len(args):]:
            if name in kwargs:
                values.append(kwargs[name])
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing.append(name)
        if missing:
            raise TypeError('%s() missing %d required positional argument%s: %s' % (
                qualname, len(missing), '' if len(missing) == 1 else 's',
                _name_list(missing)))
        return values

    __new__.__name__ = '__new__'
    __new__.__qualname__ = qualname
    __new__.__doc__ = 'Create new instance of %s(%s)' % (typename, arg_list)

    def _make(cls, iterable):
        result = _tuple_new(cls, iterable)
        if _len(result) != num_fields:
            raise TypeError('Expected %d arguments, got %d' % (num_fields, len(result)))
        return result

    _make.__doc__ = 'Make a new %s object from a sequence or iterable' % (typename,)

    def _replace(self, **kwds):
        result = self._make(map(kwds.pop, field_names, self))
        if kwds:
            raise ValueError('Got unexpected field names: %r' % (list(kwds),))
        return result

    _replace.__doc__ = ('Return a new %s object replacing specified fields with new values'
                        % (typename,))

    def __repr__(self):
        """Return a nicely formatted representation string"""
        return self.__class__.__name__ + repr_fmt % self

    def _asdict(self):
        """Return a new dict which maps field names to their values."""
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        """Return self as a plain tuple.  Used by copy and pickle."""
        return tuple(self)

    for method in (__repr__, _asdict, _make, _replace, __getnewargs__):
        method.__qualname__ = '%s.%s' % (typename, method.__name__)

    namespace = {
        '__doc__': '%s(%s)' % (typename, arg_list),
        '__slots__': (),
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': field_names,
        '__module__': '__main__' if module is None else module,
    }
    for index, name in enumerate(field_names):
        namespace[name] = _tuplegetter(index, 'Alias for field number %d' % index)
    return type(typename, (tuple,), namespace)


# ---- OrderedDict ----------------------------------------------------------------------

class _OrderedDictKeysView(_collections_abc.KeysView):
    def __reversed__(self):
        yield from reversed(self._mapping)

    def __repr__(self):
        return 'odict_keys(%r)' % (list(self),)


class _OrderedDictItemsView(_collections_abc.ItemsView):
    def __reversed__(self):
        for key in reversed(self._mapping):
            yield (key, self._mapping[key])

    def __repr__(self):
        return 'odict_items(%r)' % (list(self),)


class _OrderedDictValuesView(_collections_abc.ValuesView):
    def __reversed__(self):
        for key in reversed(self._mapping):
            yield self._mapping[key]

    def __repr__(self):
        return 'odict_values(%r)' % (list(self),)


class OrderedDict(dict):
    """Dictionary that remembers insertion order, with move_to_end() and popitem(last=)."""

    def __init__(*args, **kwds):
        self = args[0]
        args = args[1:]
        if len(args) > 1:
            raise TypeError('expected at most 1 arguments, got %d' % len(args))
        self.update(*args, **kwds)

    def __reversed__(self):
        """od.__reversed__() <==> reversed(od)"""
        return iter(list(dict.keys(self))[::-1])

    def popitem(self, last=True):
        """Remove and return a (key, value) pair from the dictionary.

        Pairs are returned in LIFO order if last is true or FIFO order if false."""
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            return dict.popitem(self)
        key = next(iter(dict.keys(self)))
        return (key, dict.pop(self, key))

    def move_to_end(self, key, last=True):
        """Move an existing element to the end (or beginning if last is false).

        Raise KeyError if the element does not exist."""
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    def keys(self):
        "D.keys() -> a set-like object providing a view on D's keys"
        return _OrderedDictKeysView(self)

    def items(self):
        "D.items() -> a set-like object providing a view on D's items"
        return _OrderedDictItemsView(self)

    def values(self):
        "D.values() -> an object providing a view on D's values"
        return _OrderedDictValuesView(self)

    def update(*args, **kwds):
        """D.update([E, ]**F) -> None.  Update D from mapping/iterable E and F."""
        self = args[0]
        args = args[1:]
        if len(args) > 1:
            raise TypeError('update() takes at most 1 positional argument (%d given)'
                            % len(args))
        if args:
            other = args[0]
            if isinstance(other, dict) or hasattr(other, 'keys'):
                for key in other.keys():
                    self[key] = other[key]
            else:
                for key, value in other:
                    self[key] = value
        for key, value in kwds.items():
            self[key] = value

    _marker = object()

    def pop(self, key, default=_marker):
        """od.pop(k[,d]) -> v, remove specified key and return the corresponding value.
        If key is not found, d is returned if given, otherwise KeyError is raised."""
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default is OrderedDict._marker:
            raise KeyError(key)
        return default

    def setdefault(self, key, default=None):
        """Insert key with a value of default if key is not in the dictionary.

        Return the value for key if key is in the dictionary, else default."""
        if key in self:
            return self[key]
        self[key] = default
        return default

    @_recursive_repr()
    def __repr__(self):
        'od.__repr__() <==> repr(od)'
        if not self:
            return '%s()' % (self.__class__.__name__,)
        return '%s(%r)' % (self.__class__.__name__, list(dict.items(self)))

    def __reduce__(self):
        'Return state information for pickling'
        state = dict(self.__dict__) or None
        return self.__class__, (), state, None, iter(dict.items(self))

    def copy(self):
        'od.copy() -> a shallow copy of od'
        return self.__class__(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """Create a new ordered dictionary with keys from iterable and values set to
        value."""
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    def __eq__(self, other):
        """od.__eq__(y) <==> od==y.  Comparison to another OD is order-sensitive
        while comparison to a regular mapping is order-insensitive."""
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and all(map(_eq, self, other))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    __hash__ = None

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(other)
        new.update(self)
        return new

    def __class_getitem__(cls, item):
        return cls
