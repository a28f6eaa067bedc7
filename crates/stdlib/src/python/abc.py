"""Abstract Base Classes (PEP 3119): gil-lab's abc, written for gil-lab from the
documented behaviour of CPython 3.11's module.

ABCMeta is a real metaclass: register(), __instancecheck__ and __subclasscheck__ with
__subclasshook__, the positive and negative caches invalidated by register() (through
get_cache_token()), and __abstractmethods__ computed at class creation and enforced when
the class is called.

Differences from CPython: gil-lab has no weak references, so the registry and the caches
hold their classes strongly; the abstract-class check runs in ABCMeta.__call__ (CPython's
runs in object.__new__, so a class whose own __new__ never reaches object.__new__ is not
refused there); abstractclassmethod, abstractstaticmethod and abstractproperty are
functions returning a classmethod, staticmethod or property whose function is marked
abstract, not subclasses of those types.
"""


from threading import local as _local

# Which subclass checks come from this module itself (CPython's typing asks for the module
# of its caller's frame; gil-lab has no frames): `from_abc` is set just before this module
# calls a __subclasscheck__, and a __subclasshook__ called from a check that this module
# started sees `reckless` (see in_internal_check()).
_state = _local()


def _internal_subclasscheck(cls, subclass):
    _state.from_abc = True
    try:
        return cls.__subclasscheck__(subclass)
    finally:
        _state.from_abc = False


def _internal_issubclass(subclass, cls):
    _state.from_abc = True
    try:
        return issubclass(subclass, cls)
    finally:
        _state.from_abc = False


def in_internal_check():
    """Whether the running __subclasshook__ was called for a check that abc itself made
    (an isinstance() check walking the registry, say): what CPython's typing tests with
    its caller's module to let protocol checks through."""
    return getattr(_state, 'reckless', False)


def abstractmethod(funcobj):
    """Marks a method abstract: a class with ABCMeta (or derived) as its metaclass cannot
    be instantiated unless every abstract method is overridden."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def abstractclassmethod(callable):
    """Deprecated: use classmethod with abstractmethod."""
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    """Deprecated: use staticmethod with abstractmethod."""
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    """Deprecated: use property with abstractmethod."""
    for f in (fget, fset):
        if f is not None:
            f.__isabstractmethod__ = True
    return property(fget, fset)


def _is_abstract(value):
    return bool(getattr(value, "__isabstractmethod__", False))


def _compute_abstracts(cls, namespace, bases):
    abstracts = {name for name, value in namespace.items() if _is_abstract(value)}
    for base in bases:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    _abc_invalidation_counter = 0

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace, bases)
        cls._abc_registry = set()
        cls._abc_cache = set()
        cls._abc_negative_cache = set()
        cls._abc_negative_cache_version = ABCMeta._abc_invalidation_counter
        cls._abc_subclasses = []
        for base in bases:
            if isinstance(base, ABCMeta):
                base._abc_subclasses.append(cls)
        return cls

    def __call__(cls, /, *args, **kwargs):
        abstracts = cls.__abstractmethods__
        if abstracts:
            names = sorted(abstracts)
            plural = "s" if len(names) > 1 else ""
            raise TypeError(
                f"Can't instantiate abstract class {cls.__name__} "
                f"with abstract method{plural} {', '.join(names)}"
            )
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register a virtual subclass of an ABC. Returns the subclass, to allow usage as a
        class decorator."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.add(subclass)
        ABCMeta._abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        subclass = instance.__class__
        if subclass in cls._abc_cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (cls._abc_negative_cache_version == ABCMeta._abc_invalidation_counter
                    and subclass in cls._abc_negative_cache):
                return False
            return _internal_subclasscheck(cls, subclass)
        return any(_internal_subclasscheck(cls, c) for c in (subclass, subtype))

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        from_abc = getattr(_state, 'from_abc', False)
        _state.from_abc = False
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if subclass in cls._abc_cache:
            return True
        if cls._abc_negative_cache_version < ABCMeta._abc_invalidation_counter:
            cls._abc_negative_cache = set()
            cls._abc_negative_cache_version = ABCMeta._abc_invalidation_counter
        elif subclass in cls._abc_negative_cache:
            return False
        hook = getattr(cls, "__subclasshook__", None)
        if hook is None:
            ok = NotImplemented
        else:
            outer = getattr(_state, 'reckless', False)
            _state.reckless = from_abc
            try:
                ok = hook(subclass)
            finally:
                _state.reckless = outer
        if ok is not NotImplemented:
            if ok is not True and ok is not False:
                raise AssertionError(
                    "__subclasshook__ must return either False, True, or NotImplemented")
            if ok:
                cls._abc_cache.add(subclass)
            else:
                cls._abc_negative_cache.add(subclass)
            return ok
        if cls in subclass.__mro__:
            cls._abc_cache.add(subclass)
            return True
        for rcls in cls._abc_registry:
            if _internal_issubclass(subclass, rcls):
                cls._abc_cache.add(subclass)
                return True
        for scls in cls._abc_subclasses:
            if _internal_issubclass(subclass, scls):
                cls._abc_cache.add(subclass)
                return True
        cls._abc_negative_cache.add(subclass)
        return False

    def _dump_registry(cls, file=None):
        """Debug helper to print the ABC registry."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        print(f"_abc_registry: {set(cls._abc_registry)!r}", file=file)
        print(f"_abc_cache: {set(cls._abc_cache)!r}", file=file)
        print(f"_abc_negative_cache: {set(cls._abc_negative_cache)!r}", file=file)
        print(f"_abc_negative_cache_version: {cls._abc_negative_cache_version!r}", file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        cls._abc_cache.clear()
        cls._abc_negative_cache.clear()


def get_cache_token():
    """Returns the current ABC cache token: an object that changes whenever a class is
    registered with any ABC, so caches of isinstance answers can be invalidated."""
    return ABCMeta._abc_invalidation_counter


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class, after methods were
    added or implemented after its creation. Returns cls, to allow usage as a decorator."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using inheritance."""
    __slots__ = ()
