"""Abstract base classes for containers: gil-lab's collections.abc.

gil-lab has single inheritance and no metaclasses, so this differs from CPython's in form
(not in the answers isinstance and issubclass give):

* The checks are classmethods on the classes (__instancecheck__, __subclasscheck__,
  register), which the VM's isinstance and issubclass consult for Python classes; type(ABC)
  is type, not ABCMeta.
* An ABC with several bases in CPython (Collection, Sequence, Set, Mapping, ...) has its
  first base as its real base; the others are declared (_EXTRA) and count for issubclass
  and isinstance, and the real base chain carries the mixin methods.
* Built-in types expose no slots as attributes, so the structural checks read a table of
  what CPython's built-in types define (_BUILTIN); Python classes are checked with getattr.
* Abstract methods are not enforced at instantiation.
"""

_registry = {}   # ABC -> classes registered with it
_extra = {}      # ABC -> its declared bases beyond the real one
_subs = {}       # ABC -> ABCs of this module that derive from it
_cache = {}      # (ABC, class) -> answer; cleared by register()

_HASH = ("__hash__",)
_SEQ = ("__iter__", "__len__", "__contains__", "__getitem__")
_BUILTIN = {
    int: _HASH, bool: _HASH, float: _HASH, type(None): _HASH, object: _HASH,
    type: _HASH + ("__call__",),
    type(len): _HASH + ("__call__",),
    str: _HASH + _SEQ, bytes: _HASH + _SEQ, tuple: _HASH + _SEQ,
    list: _SEQ + ("__reversed__",), dict: _SEQ + ("__reversed__",),
    set: ("__iter__", "__len__", "__contains__"),
    frozenset: _HASH + ("__iter__", "__len__", "__contains__"),
    range: _HASH + _SEQ + ("__reversed__",),
    type(iter([])): _HASH + ("__iter__", "__next__"),
    type({}.keys()): ("__iter__", "__len__", "__contains__", "__reversed__"),
    type({}.items()): ("__iter__", "__len__", "__contains__", "__reversed__"),
    type({}.values()): _HASH + ("__iter__", "__len__", "__reversed__"),
}


def _note_builtin(obj, names):
    _BUILTIN[type(obj)] = names


def _function():
    pass


def _generator():
    yield


async def _coroutine():
    pass


_note_builtin(_function, _HASH + ("__call__",))
_note_builtin(_generator(), _HASH + ("__iter__", "__next__", "send", "throw", "close"))
_co = _coroutine()
_note_builtin(_co, _HASH + ("__await__", "send", "throw", "close"))
_note_builtin(_co.__await__(), _HASH + ("__iter__", "__next__", "send", "throw", "close"))
_co.close()
del _co


def _check_methods(C, *methods):
    # CPython's walk of the MRO's dicts, except that a built-in class answers from the
    # _BUILTIN table (which lists the slots CPython's type has) for itself and what follows.
    for method in methods:
        for B in C.__mro__:
            if B in _BUILTIN:
                if method not in _BUILTIN[B]:
                    return NotImplemented
                break
            d = B.__dict__
            if method in d:
                if d[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


def _compute(cls, sub):
    mro = sub.__mro__
    if cls in mro:
        return True
    for c in mro:
        for b in _extra.get(c, ()):
            if b is cls or issubclass(b, cls):
                return True
    ok = cls.__subclasshook__(sub)
    if ok is not NotImplemented:
        return bool(ok)
    for r in _registry.get(cls, ()):
        if issubclass(sub, r):
            return True
    for s in _subs.get(cls, ()):
        if issubclass(sub, s):
            return True
    return False


def _subclasscheck(cls, subclass):
    if not isinstance(subclass, type):
        raise TypeError("issubclass() arg 1 must be a class")
    key = (cls, subclass)
    r = _cache.get(key)
    if r is None:
        r = _compute(cls, subclass)
        _cache[key] = r
    return r


def _instancecheck(cls, instance):
    return _subclasscheck(cls, type(instance))


def _register(cls, subclass):
    if not isinstance(subclass, type):
        raise TypeError("Can only register classes")
    if issubclass(subclass, cls):
        return subclass
    if issubclass(cls, subclass):
        raise RuntimeError("Refusing to create an inheritance cycle")
    _registry.setdefault(cls, []).append(subclass)
    _cache.clear()
    return subclass


def _no_hook(cls, C):
    return NotImplemented


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return obj.__module__ + "." + obj.__qualname__
    if obj is ...:
        return "..."
    return repr(obj)


class _GenericAlias:
    """What ABC[...] returns: the origin class and its arguments (CPython returns a
    types.GenericAlias; this one has the same repr, __origin__ and __args__)."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)

    def __repr__(self):
        if self.__args__ == ():
            inner = "()"
        else:
            inner = ", ".join(_type_repr(a) for a in self.__args__)
        return _type_repr(self.__origin__) + "[" + inner + "]"

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)


def _class_getitem(cls, item):
    return _GenericAlias(cls, item)


def _root(cls):
    """Makes cls an ABC root: the checks and register() as classmethods."""
    cls.__subclasscheck__ = classmethod(_subclasscheck)
    cls.__instancecheck__ = classmethod(_instancecheck)
    cls.register = classmethod(_register)
    if getattr(cls, "__subclasshook__", None) is None:
        cls.__subclasshook__ = classmethod(_no_hook)
    return cls


def _declare(cls, *extra):
    """Records cls's CPython bases beyond its real one, and cls as a subclass of all."""
    _extra[cls] = extra
    for b in (cls.__base__,) + extra:
        if b is not object:
            _subs.setdefault(b, []).append(cls)
    return cls


# ---- One-trick ABCs -------------------------------------------------------------------------

@_root
class Hashable:
    __slots__ = ()

    def __hash__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Hashable:
            return _check_methods(C, "__hash__")
        return NotImplemented


@_root
class Awaitable:
    __slots__ = ()

    def __await__(self):
        yield

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Awaitable:
            return _check_methods(C, "__await__")
        return NotImplemented

    __class_getitem__ = classmethod(_class_getitem)


class Coroutine(Awaitable):
    __slots__ = ()

    def send(self, value):
        raise StopIteration

    def throw(self, typ, val=None, tb=None):
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        raise val

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError("coroutine ignored GeneratorExit")

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Coroutine:
            return _check_methods(C, "__await__", "send", "throw", "close")
        return NotImplemented


@_root
class AsyncIterable:
    __slots__ = ()

    def __aiter__(self):
        return AsyncIterator()

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AsyncIterable:
            return _check_methods(C, "__aiter__")
        return NotImplemented

    __class_getitem__ = classmethod(_class_getitem)


class AsyncIterator(AsyncIterable):
    __slots__ = ()

    async def __anext__(self):
        raise StopAsyncIteration

    def __aiter__(self):
        return self

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AsyncIterator:
            return _check_methods(C, "__anext__", "__aiter__")
        return NotImplemented


class AsyncGenerator(AsyncIterator):
    __slots__ = ()

    async def __anext__(self):
        return await self.asend(None)

    async def asend(self, value):
        raise StopAsyncIteration

    async def athrow(self, typ, val=None, tb=None):
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        raise val

    async def aclose(self):
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            pass
        else:
            raise RuntimeError("asynchronous generator ignored GeneratorExit")

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AsyncGenerator:
            return _check_methods(C, "__aiter__", "__anext__", "asend", "athrow", "aclose")
        return NotImplemented


@_root
class Iterable:
    __slots__ = ()

    def __iter__(self):
        while False:
            yield None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Iterable:
            return _check_methods(C, "__iter__")
        return NotImplemented

    __class_getitem__ = classmethod(_class_getitem)


class Iterator(Iterable):
    __slots__ = ()

    def __next__(self):
        raise StopIteration

    def __iter__(self):
        return self

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Iterator:
            return _check_methods(C, "__iter__", "__next__")
        return NotImplemented


class Reversible(Iterable):
    __slots__ = ()

    def __reversed__(self):
        while False:
            yield None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Reversible:
            return _check_methods(C, "__reversed__", "__iter__")
        return NotImplemented


class Generator(Iterator):
    __slots__ = ()

    def __next__(self):
        return self.send(None)

    def send(self, value):
        raise StopIteration

    def throw(self, typ, val=None, tb=None):
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        raise val

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError("generator ignored GeneratorExit")

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Generator:
            return _check_methods(C, "__iter__", "__next__", "send", "throw", "close")
        return NotImplemented


@_root
class Sized:
    __slots__ = ()

    def __len__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return _check_methods(C, "__len__")
        return NotImplemented


@_root
class Container:
    __slots__ = ()

    def __contains__(self, x):
        return False

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Container:
            return _check_methods(C, "__contains__")
        return NotImplemented

    __class_getitem__ = classmethod(_class_getitem)


class Collection(Sized):
    __slots__ = ()

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Collection:
            return _check_methods(C, "__len__", "__iter__", "__contains__")
        return NotImplemented

    __class_getitem__ = classmethod(_class_getitem)


@_root
class Callable:
    __slots__ = ()

    def __call__(self, *args, **kwds):
        return False

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Callable:
            return _check_methods(C, "__call__")
        return NotImplemented

    __class_getitem__ = classmethod(_class_getitem)


for _cls in (Coroutine, AsyncIterator, AsyncGenerator, Iterator, Reversible, Generator):
    _declare(_cls)
_declare(Collection, Iterable, Container)

# The container ABCs (Set, Mapping, Sequence and their kin) are in
# collections_abc_containers.py, run next in this module's namespace.
