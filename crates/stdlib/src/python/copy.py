"""copy for gil-lab: shallow and deep copy operations.

copy(x) and deepcopy(x, memo=None) follow CPython 3.11's protocol: a per-type copier for the
built-in types (immutable ones are returned as they are; list, dict and set are copied;
tuples are rebuilt only when an item's deep copy differs), then the class's __copy__ /
__deepcopy__, then __reduce_ex__(4) / __reduce__ and reconstruction from what they return
(callable and arguments, state given to __setstate__ or merged into the new object's
attributes, list items, dict items). deepcopy keeps a memo of the objects it has copied
(by id), so shared references stay shared and cycles are reproduced, and keeps the originals
alive in memo[id(memo)].

Differences from CPython 3.11: gil-lab's object has no __reduce_ex__, so for an object
whose class defines neither __reduce_ex__ nor __reduce__, copy does what object.__reduce_ex__(4)
would give: a new instance made with cls.__new__(cls, *args) (args from __getnewargs__, or
the value of a subclass of an immutable built-in type; exceptions and set subclasses are
rebuilt by calling the class) whose attributes (instance dict and __slots__) and list or
dict items are those of the original, as __getstate__ returns them if the class defines it.
Where an instance's __dict__ reads as a snapshot rather than the live namespace, the state is
written with object.__setattr__ (which, unlike __dict__.update, runs a data descriptor of the
same name). A built-in object with no copy support raises CPython's
"cannot pickle 'X' object" TypeError. There is no copyreg module: copyreg.dispatch_table is
not consulted.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error


class _C:
    def _m(self):
        pass


_FunctionType = type(_C._m)
_MethodType = type(_C()._m)
_CodeType = type(_C._m.__code__)
_BuiltinType = type(len)
del _C

# Types whose instances are immutable (or have no identity to preserve): copied as themselves.
_ATOMIC = [type(None), int, float, bool, str, bytes, tuple, type, range, slice, property,
           _BuiltinType, type(Ellipsis), type(NotImplemented), _FunctionType, _CodeType]
try:
    _ATOMIC.append(frozenset)
except NameError:
    pass
try:
    _ATOMIC.append(complex)
except NameError:
    pass


def _copy_atomic(x):
    return x


_copy_dispatch = {t: _copy_atomic for t in _ATOMIC}
_copy_dispatch[list] = list.copy
_copy_dispatch[dict] = dict.copy
_copy_dispatch[set] = set.copy


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _reduce(x, cls):
    """What pickling would record for x: __reduce_ex__(4), __reduce__(), or (gil-lab's
    object having neither) what object.__reduce_ex__(4) gives."""
    reductor = getattr(x, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(4)
    reductor = getattr(x, "__reduce__", None)
    if reductor is not None:
        return reductor()
    return _object_reduce(x, cls)


def _new_object(cls, *args):
    """copyreg.__newobj__: cls.__new__(cls, *args)."""
    return cls.__new__(cls, *args)


def _object_reduce(x, cls):
    """What object.__reduce_ex__(4) gives (copyreg's reduce_newobj): cls.__new__(cls, *args)
    with args from __getnewargs__ (or the built-in value a subclass of an immutable type
    extends), the state, and the items of a list or dict subclass."""
    if isinstance(x, BaseException):
        return (cls, x.args, _object_state(x, cls))
    if isinstance(x, set):
        # As set.__reduce__: the class called with the items.
        return (cls, (list(x),), _object_state(x, cls))
    getnewargs = getattr(x, "__getnewargs__", None)
    if getnewargs is not None:
        args = tuple(getnewargs())
    else:
        args = ()
        for base in _VALUE_BASES:
            if isinstance(x, base):
                args = (base(x),)
                break
    state = _object_state(x, cls)
    if state is None and not args and not _has_attributes(x, cls):
        if not isinstance(x, (list, dict)):
            raise TypeError("cannot pickle %r object" % cls.__name__)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return (_new_object, (cls,) + args, state, listitems, dictitems)


# Immutable built-in types a class may extend: an instance is rebuilt from its value.
_VALUE_BASES = (bool, int, float, str, bytes, tuple, frozenset)


def _has_attributes(x, cls):
    """Whether x can carry attributes of its own (an instance dict or __slots__)."""
    return hasattr(x, "__dict__") or bool(_slot_names(cls))


def _slot_names(cls):
    names = []
    for klass in getattr(cls, "__mro__", ()):
        slots = klass.__dict__.get("__slots__")
        if slots is None:
            continue
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name not in ("__dict__", "__weakref__") and name not in names:
                names.append(name)
    return names


def _object_state(x, cls):
    """__getstate__() if the class defines it, else the instance dict (None when empty),
    paired with the values of set __slots__ if the class has any."""
    getstate = getattr(x, "__getstate__", None)
    if getstate is not None:
        return getstate()
    attrs = getattr(x, "__dict__", None) or None
    slots = {}
    for name in _slot_names(cls):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        return (attrs, slots)
    return attrs


_deepcopy_dispatch = {t: None for t in _ATOMIC}


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls, _nil)
    if copier is None:
        return x
    if copier is not _nil:
        y = copier(x, memo)
    elif issubclass(cls, type):
        return x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls)
            if isinstance(rv, str):
                return x
            y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # A tuple inside a cycle may have been copied while its items were.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_deepcopy_dispatch[list] = _deepcopy_list
_deepcopy_dispatch[tuple] = _deepcopy_tuple
_deepcopy_dispatch[dict] = _deepcopy_dict
_deepcopy_dispatch[_MethodType] = _deepcopy_method


def _keep_alive(x, memo):
    """Keeps x alive as long as memo is: ids in memo must not be reused by new objects."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


class _Probe:
    pass


def _live_dict():
    """Whether writing into obj.__dict__ changes obj's attributes (it does in CPython)."""
    p = _Probe()
    p.__dict__["x"] = 1
    return hasattr(p, "x")


_LIVE_DICT = _live_dict()
del _Probe


def _update_attrs(y, state):
    if _LIVE_DICT:
        y.__dict__.update(state)
        return
    for key, value in state.items():
        object.__setattr__(y, key, value)


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, "__setstate__", None)
        if setstate is not None:
            setstate(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                _update_attrs(y, state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
