"""functools for gil-lab: higher-order functions and operations on callables.

Provided: partial, partialmethod, reduce, lru_cache, cache, update_wrapper, wraps,
WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES, total_ordering, cmp_to_key, cached_property,
singledispatch, singledispatchmethod.

Differences from CPython 3.11 (whose partial, reduce, cmp_to_key and lru_cache wrapper are
written in C):
- partial keeps func, args and keywords as read-only properties over one private instance
  attribute, so a partial's __dict__ shows that attribute;
- an lru_cache wrapper is a plain function (as in CPython's pure-Python fallback) with
  cache_info, cache_clear and cache_parameters attributes, so type() of it is function, not
  functools._lru_cache_wrapper; its cache is an insertion-ordered dict (no linked list, so
  no reference cycles), guarded by a lock;
- singledispatch dispatches on the class's __mro__, then on the most derived registered
  class (an ABC) that the argument's class is a subclass of, then on object (CPython merges
  the ABCs into the MRO, which can choose differently when several unrelated ABCs match);
  registration through annotations needs
  __annotations__ on functions, which gil-lab does not record, so register(cls) is the form
  to use.
"""

from threading import Lock as _Lock, RLock as _RLock

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


class _C:
    def _m(self):
        pass


# types.MethodType: the class of bound methods, which binds a callable to an instance.
_MethodType = type(_C()._m)
del _C


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Make wrapper look like wrapped: copy the attributes named in assigned, merge the
    dicts named in updated, and point __wrapped__ at wrapped."""
    for name in assigned:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        setattr(wrapper, name, value)
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    # Set last, so that a __wrapped__ copied from wrapped's __dict__ is replaced.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator factory applying update_wrapper() to the decorated function."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


# ---- total_ordering -------------------------------------------------------------------

def _gt_from_lt(self, other):
    'Return a > b.  Computed by @total_ordering from (not a < b) and (a != b).'
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other


def _le_from_lt(self, other):
    'Return a <= b.  Computed by @total_ordering from (a < b) or (a == b).'
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other


def _ge_from_lt(self, other):
    'Return a >= b.  Computed by @total_ordering from (not a < b).'
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _ge_from_le(self, other):
    'Return a >= b.  Computed by @total_ordering from (not a <= b) or (a == b).'
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other


def _lt_from_le(self, other):
    'Return a < b.  Computed by @total_ordering from (a <= b) and (a != b).'
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other


def _gt_from_le(self, other):
    'Return a > b.  Computed by @total_ordering from (not a <= b).'
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _lt_from_gt(self, other):
    'Return a < b.  Computed by @total_ordering from (not a > b) and (a != b).'
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other


def _ge_from_gt(self, other):
    'Return a >= b.  Computed by @total_ordering from (a > b) or (a == b).'
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other


def _le_from_gt(self, other):
    'Return a <= b.  Computed by @total_ordering from (not a > b).'
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _le_from_ge(self, other):
    'Return a <= b.  Computed by @total_ordering from (not a >= b) or (a == b).'
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other


def _gt_from_ge(self, other):
    'Return a > b.  Computed by @total_ordering from (a >= b) and (a != b).'
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other


def _lt_from_ge(self, other):
    'Return a < b.  Computed by @total_ordering from (not a >= b).'
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r


# For each root operation, the operations derived from it.
_DERIVED = {
    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)],
}


def total_ordering(cls):
    """Class decorator that fills in the missing rich comparison methods from one of
    __lt__, __le__, __gt__, __ge__ (preferring them in that order)."""
    defined = [op for op in _DERIVED
               if getattr(cls, op, None) is not getattr(object, op, None)]
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(defined)
    for name, func in _DERIVED[root]:
        if name not in defined:
            func.__name__ = name
            setattr(cls, name, func)
    return cls


# ---- cmp_to_key -----------------------------------------------------------------------

class KeyWrapper:
    """The object cmp_to_key() returns: called with a value, it wraps it in a key that
    compares by calling the comparison function."""

    __slots__ = ('cmp', 'obj')

    def __init__(self, cmp, obj=None):
        self.cmp = cmp
        self.obj = obj

    def __call__(self, *args, **kwargs):
        if kwargs:
            obj = kwargs.pop('obj', _MISSING)
            if kwargs or (args and obj is not _MISSING):
                raise TypeError("K() takes at most 1 argument (%d given)"
                                % (len(args) + len(kwargs) + 1))
            args = (obj,) if obj is not _MISSING else args
        if len(args) != 1:
            if not args:
                raise TypeError("K() missing required argument 'obj' (pos 1)")
            raise TypeError("K() takes at most 1 argument (%d given)" % len(args))
        return KeyWrapper(self.cmp, args[0])

    def _check(self, other):
        if type(other) is not KeyWrapper:
            raise TypeError('other argument must be K instance')
        return self.cmp(self.obj, other.obj)

    def __lt__(self, other):
        return self._check(other) < 0

    def __gt__(self, other):
        return self._check(other) > 0

    def __eq__(self, other):
        return self._check(other) == 0

    def __le__(self, other):
        return self._check(other) <= 0

    def __ge__(self, other):
        return self._check(other) >= 0

    def __ne__(self, other):
        return self._check(other) != 0

    def __hash__(self):
        raise TypeError("unhashable type: 'functools.KeyWrapper'")


_MISSING = object()


def cmp_to_key(*args, **kwargs):
    """Convert a cmp= function into a key= function."""
    if kwargs:
        mycmp = kwargs.pop('mycmp', _MISSING)
        if kwargs or args or mycmp is _MISSING:
            raise TypeError("cmp_to_key() takes at most 1 argument (%d given)"
                            % (len(args) + len(kwargs) + 1))
        args = (mycmp,)
    if len(args) != 1:
        if not args:
            raise TypeError("cmp_to_key() missing required argument 'mycmp' (pos 1)")
        raise TypeError("cmp_to_key() takes at most 1 argument (%d given)" % len(args))
    return KeyWrapper(args[0])


# ---- reduce ---------------------------------------------------------------------------

def reduce(*args, **kwargs):
    """reduce(function, iterable[, initial]) -> value

    Apply a function of two arguments cumulatively to the items of an iterable, from left
    to right, reducing it to a single value; initial, if given, comes first (and is the
    result for an empty iterable)."""
    if kwargs:
        raise TypeError('reduce() takes no keyword arguments')
    n = len(args)
    if n < 2:
        raise TypeError('reduce expected at least 2 arguments, got %d' % n)
    if n > 3:
        raise TypeError('reduce expected at most 3 arguments, got %d' % n)
    function = args[0]
    try:
        it = iter(args[1])
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration') from None
    if n == 3:
        value = args[2]
    else:
        value = next(it, _MISSING)
        if value is _MISSING:
            raise TypeError('reduce() of empty iterable with no initial value')
    for item in it:
        value = function(value, item)
    return value


# ---- partial --------------------------------------------------------------------------

class partial:
    """New function with partial application of the given arguments and keywords."""

    def __init__(*args, **keywords):
        if len(args) < 2:
            raise TypeError("type 'partial' takes at least one argument")
        self = args[0]
        func = args[1]
        args = args[2:]
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if (isinstance(func, partial) and type(func).__call__ is partial.__call__
                and len(func.__dict__) == 1):
            inner, inner_args, inner_keywords = func._partial_state
            func = inner
            args = inner_args + args
            keywords = {**inner_keywords, **keywords}
        self._partial_state = (func, args, keywords)

    def _readonly(self, value):
        raise AttributeError('readonly attribute')

    func = property(lambda self: self._partial_state[0], _readonly,
                    doc='function object to use in future partial calls')
    args = property(lambda self: self._partial_state[1], _readonly,
                    doc='tuple of arguments to future partial calls')
    keywords = property(lambda self: self._partial_state[2], _readonly,
                        doc='dictionary of keyword arguments to future partial calls')
    del _readonly

    def __call__(*args, **keywords):
        func, pargs, pkeywords = args[0]._partial_state
        if pkeywords:
            keywords = {**pkeywords, **keywords}
        return func(*pargs, *args[1:], **keywords)

    def __repr__(self):
        func, args, keywords = self._partial_state
        parts = [repr(func)]
        parts.extend(repr(a) for a in args)
        parts.extend('%s=%r' % (k, v) for k, v in keywords.items())
        name = 'functools.partial' if type(self) is partial else type(self).__name__
        return '%s(%s)' % (name, ', '.join(parts))

    def __reduce__(self):
        func, args, keywords = self._partial_state
        extra = {k: v for k, v in _attributes(self).items() if k != '_partial_state'}
        return (type(self), (func,), (func, args, keywords, extra or None))

    def __setstate__(self, state):
        if not isinstance(state, tuple) or len(state) != 4:
            raise TypeError('invalid partial state')
        func, args, keywords, extra = state
        if (not callable(func) or not isinstance(args, tuple)
                or (keywords is not None and not isinstance(keywords, dict))):
            raise TypeError('invalid partial state')
        args = tuple(args)
        keywords = {} if keywords is None else dict(keywords)
        for k, v in (extra or {}).items():
            setattr(self, k, v)
        self._partial_state = (func, args, keywords)


def _attributes(obj):
    """The instance attributes of obj (a copy of its __dict__)."""
    return dict(obj.__dict__)


class partialmethod:
    """Method descriptor with partial application of the given arguments and keywords:
    like partial, but meant as a class attribute, binding the instance first."""

    def __init__(*args, **keywords):
        if len(args) < 2:
            raise TypeError("type 'partialmethod' takes at least one argument")
        self = args[0]
        func = args[1]
        args = args[2:]
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('{!r} is not callable or a descriptor'.format(func))
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend('%s=%r' % (k, v) for k, v in self.keywords.items())
        return '%s.%s(%s)' % (type(self).__module__, type(self).__qualname__, ', '.join(parts))

    def __get__(self, obj, cls=None):
        get = getattr(self.func, '__get__', None)
        if get is not None:
            bound = get(obj, cls)
            if bound is not self.func:
                return partial(bound, *self.args, **self.keywords)
        if obj is None:
            func, args, keywords = self.func, self.args, self.keywords

            def _method(*call_args, **call_keywords):
                return func(call_args[0], *args, *call_args[1:],
                            **{**keywords, **call_keywords})

            _method.__isabstractmethod__ = self.__isabstractmethod__
            _method._partialmethod = self
            return _method
        return partial(_MethodType(self.func, obj), *self.args, **self.keywords)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# ---- lru_cache ------------------------------------------------------------------------

_cache_info_type = []


def _CacheInfo(hits, misses, maxsize, currsize):
    """CacheInfo(hits, misses, maxsize, currsize), the named tuple cache_info() returns
    (its class is made on first use, so that importing functools does not import
    collections)."""
    if not _cache_info_type:
        from collections import namedtuple
        _cache_info_type.append(
            namedtuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize']))
    return _cache_info_type[0](hits, misses, maxsize, currsize)


_KWD_MARK = (object(),)
_FAST_TYPES = {int, str}


def _make_key(args, kwds, typed):
    """The cache key of a call: the positional arguments, then a marker and the keyword
    items, then (when typed) the argument types; a lone int or str argument is its own
    key."""
    key = args
    if kwds:
        key += _KWD_MARK
        for item in kwds.items():
            key += item
    if typed:
        key += tuple([type(v) for v in args])
        if kwds:
            key += tuple([type(v) for v in kwds.values()])
    elif len(key) == 1 and type(key[0]) in _FAST_TYPES:
        return key[0]
    return key


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    With maxsize None the cache grows without bound; with typed true, arguments of
    different types are cached separately. The wrapper has cache_info(), cache_clear() and
    cache_parameters(), and __wrapped__ is the original function."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # Used as @lru_cache without arguments.
        user_function, maxsize = maxsize, 128
        return _decorate(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _decorate(user_function, maxsize, typed)

    return decorating_function


def _decorate(user_function, maxsize, typed):
    wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
    wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
    return update_wrapper(wrapper, user_function)


def _lru_cache_wrapper(user_function, maxsize, typed):
    missing = _MISSING
    make_key = _make_key
    cache = {}
    cache_get = cache.get
    lock = _Lock()
    hits = misses = 0

    if maxsize == 0:
        def wrapper(*args, **kwds):
            nonlocal misses
            with lock:
                misses += 1
            return user_function(*args, **kwds)

    elif maxsize is None:
        def wrapper(*args, **kwds):
            nonlocal hits, misses
            key = make_key(args, kwds, typed)
            result = cache_get(key, missing)
            if result is not missing:
                with lock:
                    hits += 1
                return result
            with lock:
                misses += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result

    else:
        def wrapper(*args, **kwds):
            nonlocal hits, misses
            key = make_key(args, kwds, typed)
            with lock:
                result = cache_get(key, missing)
                if result is not missing:
                    # Most recently used: to the end of the dict's order.
                    del cache[key]
                    cache[key] = result
                    hits += 1
                    return result
                misses += 1
            result = user_function(*args, **kwds)
            with lock:
                if key not in cache:
                    # (Another thread may have cached the key while the lock was free.)
                    if len(cache) >= maxsize:
                        del cache[next(iter(cache))]
                    cache[key] = result
            return result

    def cache_info():
        """Report cache statistics"""
        with lock:
            return _CacheInfo(hits, misses, maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics"""
        nonlocal hits, misses
        with lock:
            cache.clear()
            hits = misses = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


# ---- cached_property ------------------------------------------------------------------

class cached_property:
    """A property computed once per instance and then kept as an ordinary attribute."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.lock = _RLock()

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                'Cannot assign the same cached_property to two different names '
                '(%r and %r).' % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                'Cannot use cached_property instance without calling __set_name__ on it.')
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError(
                "No '__dict__' attribute on %r instance to cache %r property."
                % (type(instance).__name__, self.attrname)) from None
        val = cache.get(self.attrname, _MISSING)
        if val is _MISSING:
            with self.lock:
                # Another thread may have computed it meanwhile.
                val = instance.__dict__.get(self.attrname, _MISSING)
                if val is _MISSING:
                    val = self.func(instance)
                    # The instance dict, as a write to instance.__dict__ would reach it.
                    object.__setattr__(instance, self.attrname, val)
        return val


# ---- singledispatch -------------------------------------------------------------------

def _find_impl(cls, registry):
    """The implementation registered for the nearest class in cls's MRO (object aside),
    else for the most derived registered class (an ABC, say) that cls is a subclass of,
    else object's."""
    for base in cls.__mro__:
        if base is not object and base in registry:
            return registry[base]
    matches = [typ for typ in registry if typ is not object and issubclass(cls, typ)]
    for typ in matches:
        if not any(other is not typ and issubclass(other, typ) for other in matches):
            return registry[typ]
    return registry[object]


def singledispatch(func):
    """Single-dispatch generic function decorator: the implementation is chosen by the
    class of the first argument among those registered with .register(cls)."""
    registry = {object: func}
    dispatch_cache = {}
    lock = _Lock()

    def dispatch(cls):
        with lock:
            impl = dispatch_cache.get(cls)
        if impl is None:
            impl = _find_impl(cls, registry)
            with lock:
                dispatch_cache[cls] = impl
        return impl

    # (register does not refer to itself: a closure over its own cell would be a reference
    # cycle, which gil-lab's reference counting never frees.)
    def store(cls, func):
        with lock:
            registry[cls] = func
            dispatch_cache.clear()
        return func

    def register(cls, func=None):
        if func is None:
            if isinstance(cls, type):
                return lambda f: store(cls, f)
            raise TypeError(
                'Invalid first argument to `register()`: %r. Use either '
                '`@register(some_class)` or plain `@register` on an annotated '
                'function.' % (cls,))
        return store(cls, func)

    def wrapper(*args, **kw):
        if not args:
            raise TypeError('%s requires at least 1 positional argument' % funcname)
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Single-dispatch generic method descriptor: dispatches on the class of the first
    argument after self."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('%r is not callable or a descriptor' % (func,))
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatcher = self.dispatcher
        func = self.func

        def _method(*args, **kwargs):
            method = dispatcher.dispatch(args[0].__class__)
            get = getattr(method, '__get__', None)
            if get is not None:
                return get(obj, cls)(*args, **kwargs)
            if obj is None:
                return method(*args, **kwargs)
            return _MethodType(method, obj)(*args, **kwargs)

        _method.__isabstractmethod__ = getattr(func, '__isabstractmethod__', False)
        _method.register = self.register
        update_wrapper(_method, func)
        return _method
