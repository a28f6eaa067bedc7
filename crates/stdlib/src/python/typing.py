"""Support for type hints at run time: gil-lab's typing, written for gil-lab from the
documented behaviour of CPython 3.11's module (typing_classes.py, run in the same
namespace, holds Generic, Protocol, NamedTuple, TypedDict, the aliases and the functions).

The special forms (Any, Union, Optional, Literal, ClassVar, Final, Annotated, ...), the
generic aliases (List[int], Dict[str, int], Callable[[int], str], Tuple[int, ...]) and
TypeVar have CPython's reprs, __origin__/__args__/__parameters__, equality, hashing,
substitution and errors.

Differences from CPython: ParamSpec, TypeVarTuple, Concatenate, Unpack, IO/TextIO/BinaryIO,
Pattern/Match and ContextManager are not provided; the module of a TypeVar or NewType is
not the caller's (gil-lab has no sys._getframe), so a NewType's repr names `typing`;
get_type_hints evaluates string annotations with eval() (functions have no parameter
annotations in gil-lab, so theirs are empty); `int | None` is not available (types do not
implement `|`); a Protocol class check from abc or functools is not let through.
"""

import sys
import collections.abc
import abc as _abc
from abc import ABCMeta, abstractmethod

_FunctionType = type(lambda: None)
_NoneType = type(None)


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, _FunctionType):
        return obj.__name__
    return repr(obj)


def _is_dunder(attr):
    return attr.startswith('__') and attr.endswith('__')


def _type_convert(arg, module=None, *, allow_special_forms=False):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg, module=module, is_class=allow_special_forms)
    return arg


def _type_check(arg, msg, is_argument=True, module=None, *, allow_special_forms=False):
    """Checks that arg is a valid type argument (converting None and strings)."""
    invalid_generic_forms = (Generic, Protocol)
    if not allow_special_forms:
        invalid_generic_forms += (ClassVar, )
        if is_argument:
            invalid_generic_forms += (Final, )
    arg = _type_convert(arg, module=module, allow_special_forms=allow_special_forms)
    if isinstance(arg, _GenericAlias) and arg.__origin__ in invalid_generic_forms:
        raise TypeError(f"{arg} is not valid as type argument")
    if arg in (Any, LiteralString, NoReturn, Never, Self, TypeAlias):
        return arg
    if allow_special_forms and arg in (ClassVar, Final):
        return arg
    if isinstance(arg, _SpecialForm) or arg in (Generic, Protocol):
        raise TypeError(f"Plain {arg} is not valid as type argument")
    if type(arg) is tuple:
        raise TypeError(f"{msg} Got {arg!r:.100}.")
    return arg


def _collect_parameters(args):
    """The type variables in args, in order of first appearance."""
    parameters = []
    for t in args:
        if isinstance(t, type):
            continue
        if hasattr(t, '__typing_subst__'):
            if t not in parameters:
                parameters.append(t)
        else:
            for x in getattr(t, '__parameters__', ()):
                if x not in parameters:
                    parameters.append(x)
    return tuple(parameters)


def _check_generic(cls, parameters, elen):
    if not elen:
        raise TypeError(f"{cls} is not a generic class")
    alen = len(parameters)
    if alen != elen:
        raise TypeError(f"Too {'many' if alen > elen else 'few'} arguments for {cls};"
                        f" actual {alen}, expected {elen}")


def _deduplicate(params):
    all_params = set(params)
    if len(all_params) < len(params):
        new_params = []
        for t in params:
            if t in all_params:
                new_params.append(t)
                all_params.remove(t)
        params = new_params
    return params


def _remove_dups_flatten(parameters):
    params = []
    for p in parameters:
        if isinstance(p, _UnionGenericAlias):
            params.extend(p.__args__)
        else:
            params.append(p)
    return tuple(_deduplicate(params))


def _flatten_literal_params(parameters):
    params = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            params.extend(p.__args__)
        else:
            params.append(p)
    return tuple(params)


_cache = {}


def _tp_cache(func=None, /, *, typed=False):
    """Caches the aliases func makes (so that List[int] is List[int]); unhashable
    arguments skip the cache. With typed, equal arguments of different types (1 and
    True) are cached apart."""
    if func is None:
        return lambda f: _tp_cache(f, typed=typed)

    def inner(*args, **kwds):
        try:
            key = (func, args, tuple(kwds.items()))
            if typed:
                key += (tuple(type(a) for a in args), )
            return _cache[key]
        except TypeError:
            return func(*args, **kwds)
        except KeyError:
            pass
        result = _cache[key] = func(*args, **kwds)
        return result
    inner.__name__ = func.__name__
    inner.__qualname__ = func.__qualname__
    inner.__wrapped__ = func
    return inner


def _eval_type(t, globalns, localns, recursive_guard=frozenset()):
    """Evaluates forward references in t (recursively through generic aliases)."""
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns, recursive_guard)
    if isinstance(t, _GenericAlias):
        ev_args = tuple(_eval_type(a, globalns, localns, recursive_guard) for a in t.__args__)
        if ev_args == t.__args__:
            return t
        if isinstance(t, _UnionGenericAlias):
            return Union[ev_args]
        return t.copy_with(ev_args)
    return t


class _Final:
    """Mixin prohibiting subclassing."""

    def __init_subclass__(cls, /, *args, **kwds):
        if '_root' not in kwds:
            raise TypeError("Cannot subclass special typing classes")


class _Immutable:
    """Mixin: copies are the object itself."""

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class _NotIterable:
    __iter__ = None


class _SpecialForm(_Final, _NotIterable, _root=True):

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in {'__name__', '__qualname__'}:
            return self._name
        raise AttributeError(item)

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _LiteralSpecialForm(_SpecialForm, _root=True):
    def __getitem__(self, parameters):
        if not isinstance(parameters, tuple):
            parameters = (parameters, )
        return self._getitem(self, *parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Special type indicating an unconstrained type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls)


def _not_subscriptable(self, parameters):
    raise TypeError(f"{self} is not subscriptable")


def _named_form(name, getitem, doc=None):
    getitem.__name__ = name
    getitem.__doc__ = doc
    return _SpecialForm(getitem)


NoReturn = _named_form('NoReturn', _not_subscriptable, "Special type indicating functions that never return.")
Never = _named_form('Never', _not_subscriptable, "The bottom type, a type that has no members.")
Self = _named_form('Self', _not_subscriptable, "Used to spell the type of \"self\" in classes.")
LiteralString = _named_form('LiteralString', _not_subscriptable, "Represents an arbitrary literal string.")
TypeAlias = _named_form('TypeAlias', _not_subscriptable, "Special form for marking type aliases.")


def _single_type_form(name, message):
    def getitem(self, parameters):
        item = _type_check(parameters, message.format(self=self))
        return _GenericAlias(self, (item, ))
    return _named_form(name, getitem)


ClassVar = _single_type_form('ClassVar', '{self} accepts only single type.')
Final = _single_type_form('Final', '{self} accepts only single type.')
TypeGuard = _single_type_form('TypeGuard', '{self} accepts only single type.')
Required = _single_type_form('Required', '{self._name} accepts only a single type.')
NotRequired = _single_type_form('NotRequired', '{self._name} accepts only a single type.')


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters, )
    msg = "Union[arg, ...]: each arg must be a type."
    parameters = tuple(_type_check(p, msg) for p in parameters)
    parameters = _remove_dups_flatten(parameters)
    if len(parameters) == 1:
        return parameters[0]
    if len(parameters) == 2 and _NoneType in parameters:
        return _UnionGenericAlias(self, parameters, name="Optional")
    return _UnionGenericAlias(self, parameters)


def _optional_getitem(self, parameters):
    arg = _type_check(parameters, f"{self} requires a single type.")
    return Union[arg, _NoneType]


def _literal_getitem(self, *parameters):
    parameters = _flatten_literal_params(parameters)
    try:
        parameters = tuple(p for p, _ in _deduplicate(list((p, type(p)) for p in parameters)))
    except TypeError:
        pass
    return _LiteralGenericAlias(self, parameters)


Union = _named_form('Union', _tp_cache(_union_getitem), "Union type; Union[X, Y] means either X or Y.")
Optional = _named_form('Optional', _tp_cache(_optional_getitem), "Optional type: Optional[X] is Union[X, None].")
_literal_getitem.__name__ = 'Literal'
Literal = _LiteralSpecialForm(_tp_cache(_literal_getitem, typed=True))
Literal._name = 'Literal'


class ForwardRef(_Final, _root=True):
    """Internal wrapper to hold a forward reference."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, recursive_guard):
        if self.__forward_arg__ in recursive_guard:
            return self
        if not self.__forward_evaluated__ or localns is not globalns:
            if globalns is None and localns is None:
                globalns = localns = {}
            elif globalns is None:
                globalns = localns
            elif localns is None:
                localns = globalns
            if self.__forward_module__ is not None:
                globalns = getattr(sys.modules.get(self.__forward_module__, None), '__dict__',
                                   globalns)
            type_ = _type_check(
                eval(self.__forward_arg__, globalns, localns),
                "Forward references must evaluate to types.",
                is_argument=self.__forward_is_argument__,
                allow_special_forms=self.__forward_is_class__,
            )
            self.__forward_value__ = _eval_type(
                type_, globalns, localns, recursive_guard | {self.__forward_arg__})
            self.__forward_evaluated__ = True
        return self.__forward_value__

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        if self.__forward_evaluated__ and other.__forward_evaluated__:
            return (self.__forward_arg__ == other.__forward_arg__
                    and self.__forward_value__ == other.__forward_value__)
        return (self.__forward_arg__ == other.__forward_arg__
                and self.__forward_module__ == other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        if self.__forward_module__ is None:
            module_repr = ''
        else:
            module_repr = f', module={self.__forward_module__!r}'
        return f'ForwardRef({self.__forward_arg__!r}{module_repr})'


class TypeVar(_Final, _Immutable, _root=True):
    """Type variable: T = TypeVar('T'), S = TypeVar('S', int, str),
    N = TypeVar('N', bound=numbers.Number), T_co = TypeVar('T_co', covariant=True)."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if constraints and len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        msg = "TypeVar(name, constraint, ...): constraints must be types."
        self.__constraints__ = tuple(_type_check(t, msg) for t in constraints)
        self.__bound__ = _type_check(bound, "Bound must be a type.") if bound else None

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __reduce__(self):
        return self.__name__

    def __typing_subst__(self, arg):
        msg = "Parameters to generic types must be types."
        return _type_check(arg, msg, is_argument=True)
