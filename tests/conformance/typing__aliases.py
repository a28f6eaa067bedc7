# Checks: typing's aliases and special forms at run time: reprs, __origin__/__args__/__parameters__, equality and hashing, caching, Union flattening and Optional, Callable/Tuple/Literal/Annotated forms, get_origin/get_args, TypeVar, substitution, isinstance with unsubscripted aliases, and the errors.
import collections.abc
import typing
from typing import (Any, Union, Optional, List, Dict, Set, FrozenSet, Tuple, Callable,
                    Iterable, Iterator, Generator, Sequence, Mapping, MutableMapping, Type,
                    TypeVar, Literal, Final, ClassVar, Annotated, NoReturn, cast, get_origin,
                    get_args)


def attempt(label, fn):
    try:
        print(label, "->", fn())
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)


print(List, Dict, Set, FrozenSet, Tuple, Callable, Iterable, Iterator, Generator, Type)
print(Sequence, Mapping, MutableMapping, Any, NoReturn, Union, Optional, Literal, Final, ClassVar)
print(List[int], Dict[str, List[int]], Set["Node"], FrozenSet[bytes], Type[int], Iterable[str])
print(Mapping[str, Any], Generator[int, None, None], Iterator[List[Tuple[int, str]]])
print(Optional[int], Optional["Node"], Union[int, str], Union[int, None, str], Union[None, int])
print(Union[int], Union[int, int], Union[int, Union[str, bytes]], Optional[Union[int, str]])
print(Callable[[int, str], bool], Callable[[], None], Callable[..., int], Callable[[Callable[[int], str]], None])
print(Tuple[int, ...], Tuple[()], Tuple[int, str], Literal[1, "a", None, b"x"], Literal[Literal[1, 2], 3])
print(Annotated[int, "meta", 5], Annotated[Annotated[int, "a"], "b"], ClassVar[int], Final[List[int]])

print(List[int].__origin__ is list, List[int].__args__, Dict[str, int].__args__, Type[int].__origin__ is type)
print(Iterable[int].__origin__ is collections.abc.Iterable, Callable[[int], str].__args__, Callable[..., int].__args__)
print(Optional[int].__args__, Union[int, str].__origin__ is Union, Literal[1, 2].__args__, Tuple[int, ...].__args__)
print(Annotated[int, "m"].__origin__, Annotated[int, "m"].__metadata__, ClassVar[int].__origin__ is ClassVar)
print(get_origin(List[int]), get_origin(Union[int, str]), get_origin(Annotated[int, 1]), get_origin(int), get_origin(typing.Generic))
print(get_args(Dict[str, int]), get_args(Callable[[int, str], bool]), get_args(Callable[..., bool]), get_args(Annotated[int, 1, 2]), get_args(int))

print(List[int] == List[int], List[int] is List[int], List[int] == List[str], List[int] != typing.List)
print(Union[int, str] == Union[str, int], hash(Union[int, str]) == hash(Union[str, int]), Optional[int] == Union[int, None])
print(Literal[1, 2] == Literal[2, 1], Literal[1] == Literal[True], {List[int]: 1}[List[int]])
print(Annotated[int, 1] == Annotated[int, 1], Annotated[int, 1] == Annotated[int, 2])

T = TypeVar("T")
KT = TypeVar("KT")
Co = TypeVar("Co", covariant=True)
Contra = TypeVar("Contra", contravariant=True)
Num = TypeVar("Num", int, float)
Bounded = TypeVar("Bounded", bound=Sequence)
print(T, Co, Contra, Num, Bounded, T.__name__, Num.__constraints__, Bounded.__bound__, Co.__covariant__)
print(List[T], Dict[KT, List[T]], Dict[KT, List[T]].__parameters__, Dict[KT, List[T]][str, int])
print(Callable[[T], KT][int, str], Tuple[T, ...][bytes], Union[T, None][int], Optional[T][str])
attempt("TypeVar bivariant", lambda: TypeVar("X", covariant=True, contravariant=True))
attempt("TypeVar single constraint", lambda: TypeVar("X", int))
attempt("TypeVar constraints and bound", lambda: TypeVar("X", int, str, bound=int))

print(isinstance([], List), isinstance({}, Dict), isinstance((1,), Tuple), isinstance("s", Sequence))
print(isinstance(iter([]), Iterator), issubclass(dict, MutableMapping), issubclass(list, Iterable), isinstance(len, Callable))
print(isinstance(3, Union[int, str]), isinstance(3.0, Optional[int]), issubclass(bool, Union[int, str]))
attempt("isinstance List[int]", lambda: isinstance([], List[int]))
attempt("issubclass Dict[str, int]", lambda: issubclass(dict, Dict[str, int]))
attempt("isinstance Any", lambda: isinstance(1, Any))
attempt("isinstance ClassVar", lambda: isinstance(1, ClassVar))
attempt("Any()", lambda: Any())
attempt("List[int]()", lambda: List[int]())
attempt("Union[]", lambda: Union[()])
attempt("List[int, str]", lambda: List[int, str])
attempt("Dict[int]", lambda: Dict[int])
attempt("Callable[int]", lambda: Callable[int])
attempt("Optional[int, str]", lambda: Optional[int, str])
attempt("ClassVar[int, str]", lambda: ClassVar[int, str])
attempt("List[int][str]", lambda: List[int][str])
attempt("Annotated[int]", lambda: Annotated[int])
attempt("NoReturn[int]", lambda: NoReturn[int])
attempt("Union[ClassVar[int]]", lambda: Union[ClassVar[int], str])
attempt("List[(1, 2)]", lambda: List[(1, 2), ])
attempt("Union()", lambda: Union())
attempt("Dict[KT, T][int]", lambda: Dict[KT, T][int])
print(cast(int, "not checked"), cast("List[int]", [1]), typing.TYPE_CHECKING, typing.Text is str, typing.AnyStr)
print(List.__name__, List[int].__name__ if hasattr(List[int], "__name__") else "-", Union.__name__, Literal.__name__)
print(List[int].append is list.append, typing.Deque if hasattr(typing, "Deque") and False else "", typing.ForwardRef("Node"))
