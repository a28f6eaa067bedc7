"""Data classes (PEP 557): gil-lab's dataclasses, written for gil-lab from the documented
behaviour of CPython 3.11's module.

Fields come from the class's own __annotations__; the generated methods (__init__,
__repr__, __eq__, the order methods, __hash__, the frozen __setattr__/__delattr__) behave
as CPython's, with CPython's errors, reprs and __qualname__s.

Differences from CPython: the generated __init__ is a closure taking *args and **kwargs
(not source compiled with exec, as CPython's is): it binds its arguments itself, with CPython's messages for a
missing, unexpected, repeated or surplus argument, but introspection sees (*args,
**kwargs); the text signature CPython shows in the class's __doc__ is kept in
__init__.__text_signature__. A class's __doc__ built from a hand-written __init__ lists
the parameters without their annotations (gil-lab keeps no parameter annotations).
Field.metadata is a read-only mapping of gil-lab's own (its repr is CPython's
mappingproxy one).
"""

import sys
from threading import get_ident as _get_ident
from _gillab_meta import mappingproxy, type_repr as _type_repr

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


_EMPTY_METADATA = mappingproxy({})


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class InitVar:
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        return f'dataclasses.InitVar[{_type_repr(self.type)}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init',
                 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = (_EMPTY_METADATA if metadata is None else mappingproxy(metadata))
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r}'
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Return an object to identify dataclass fields."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _fields_in_init_order(fields):
    return (tuple(f for f in fields if f.init and not f.kw_only),
            tuple(f for f in fields if f.init and f.kw_only))


# ---- argument binding for the generated __init__ -------------------------------------

def _name_list(names):
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _missing(qualname, names, kind):
    s = 's' if len(names) > 1 else ''
    return TypeError(f'{qualname}() missing {len(names)} required {kind} argument{s}: '
                     f'{_name_list(names)}')


def _make_init(cls, fields, std_fields, kw_fields, frozen, has_post_init):
    """The generated __init__: binds *args/**kwargs to the init fields as CPython's
    argument handling would, then assigns every field in order."""
    qualname = f'{cls.__qualname__}.__init__'
    pos_names = tuple(f.name for f in std_fields)
    kw_names = tuple(f.name for f in kw_fields)
    params = {f.name: f for f in std_fields + kw_fields}
    n_pos = len(pos_names)
    n_pos_defaults = sum(1 for f in std_fields
                         if f.default is not MISSING or f.default_factory is not MISSING)
    plan = []
    for f in fields:
        if f._field_type is _FIELD_INITVAR:
            continue
        factory = f.default_factory
        if factory is not MISSING:
            plan.append((f.name, f.init, factory))
        elif f.init:
            plan.append((f.name, True, MISSING))
    initvars = tuple(f.name for f in fields if f._field_type is _FIELD_INITVAR)
    setter = object.__setattr__ if frozen else setattr

    def default_of(name):
        f = params[name]
        if f.default_factory is not MISSING:
            return _HAS_DEFAULT_FACTORY
        return f.default

    def bind(args, kwargs):
        values = dict(zip(pos_names, args))
        for key in kwargs:
            if key not in params:
                raise TypeError(f'{qualname}() got an unexpected keyword argument {key!r}')
            if key in values:
                raise TypeError(f'{qualname}() got multiple values for argument {key!r}')
            values[key] = kwargs[key]
        given = len(args) + 1
        if len(args) > n_pos:
            total = n_pos + 1
            if n_pos_defaults:
                sig, plural = f'from {total - n_pos_defaults} to {total}', 's'
            else:
                sig, plural = f'{total}', 's' if total != 1 else ''
            kwonly_given = sum(1 for k in kwargs if k in kw_names)
            extra = ''
            if kwonly_given:
                extra = (f' positional argument{"s" if given != 1 else ""} (and '
                         f'{kwonly_given} keyword-only argument'
                         f'{"s" if kwonly_given != 1 else ""})')
            verb = 'was' if given == 1 and not kwonly_given else 'were'
            raise TypeError(f'{qualname}() takes {sig} positional argument{plural} but '
                            f'{given}{extra} {verb} given')
        missing = [n for n in pos_names if n not in values and default_of(n) is MISSING]
        if missing:
            raise _missing(qualname, missing, 'positional')
        missing = [n for n in kw_names if n not in values and default_of(n) is MISSING]
        if missing:
            raise _missing(qualname, missing, 'keyword-only')
        for name in pos_names + kw_names:
            if name not in values:
                values[name] = default_of(name)
        return values

    def __init__(self, *args, **kwargs):
        values = bind(args, kwargs)
        for name, in_init, factory in plan:
            if factory is MISSING:
                value = values[name]
            elif in_init:
                value = values[name]
                if value is _HAS_DEFAULT_FACTORY:
                    value = factory()
            else:
                value = factory()
            setter(self, name, value)
        if has_post_init:
            self.__post_init__(*[values[n] for n in initvars])

    __init__.__qualname__ = qualname
    return __init__


def _init_text_signature(std_fields, kw_fields):
    def param(f):
        text = f'{f.name}: {_format_annotation(f.type)}'
        if f.default_factory is not MISSING:
            return text + ' = <factory>'
        if f.default is not MISSING:
            return f'{text} = {f.default!r}'
        return text
    parts = ['self'] + [param(f) for f in std_fields]
    if kw_fields:
        parts += ['*'] + [param(f) for f in kw_fields]
    return '(' + ', '.join(parts) + ')'


def _format_annotation(annotation):
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, type):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


def _function_signature(func):
    """The text of a plain function's signature without its first parameter (for a
    hand-written __init__), from its code object."""
    if hasattr(func, '__text_signature__'):
        text = func.__text_signature__
        return '(' + text[len('(self'):].lstrip(', ') if text.startswith('(self') else text
    code = getattr(func, '__code__', None)
    if code is None:
        return '()'
    names = code.co_varnames
    argc, kwc = code.co_argcount, code.co_kwonlyargcount
    defaults = func.__defaults__ or ()
    kwdefaults = getattr(func, '__kwdefaults__', None) or {}
    parts = []
    first_default = argc - len(defaults)
    for i in range(argc):
        name = names[i]
        parts.append(f'{name}={defaults[i - first_default]!r}' if i >= first_default else name)
    i = argc + kwc
    if code.co_flags & 0x04:
        parts.append('*' + names[i])
        i += 1
    elif kwc:
        parts.append('*')
    for name in names[argc:argc + kwc]:
        parts.append(f'{name}={kwdefaults[name]!r}' if name in kwdefaults else name)
    if code.co_flags & 0x08:
        parts.append('**' + names[i])
    return '(' + ', '.join(parts[1:]) + ')'


def _class_signature(cls):
    for c in cls.__mro__:
        init = c.__dict__.get('__init__')
        if init is not None:
            if c is object:
                return '()'
            return _function_signature(init)
    return '()'


# ---- the other generated methods ------------------------------------------------------

def _recursive_repr(fn):
    running = set()

    def wrapper(self):
        key = id(self), _get_ident()
        if key in running:
            return '...'
        running.add(key)
        try:
            return fn(self)
        finally:
            running.discard(key)
    # As reprlib.recursive_repr: the wrapped function stays reachable (pprint looks at it).
    wrapper.__wrapped__ = fn
    return wrapper


def _make_repr(names):
    def __repr__(self):
        inner = ', '.join(f'{n}={getattr(self, n)!r}' for n in names)
        return f'{self.__class__.__qualname__}({inner})'
    # Named as CPython names the generated method: pprint recognises a generated __repr__
    # by this qualname and lays the dataclass out field by field.
    __repr__.__qualname__ = '__create_fn__.<locals>.__repr__'
    return _recursive_repr(__repr__)


def _make_eq(names):
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (tuple([getattr(self, n) for n in names])
                    == tuple([getattr(other, n) for n in names]))
        return NotImplemented
    return __eq__


def _make_order(names, op):
    def compare(self, other):
        if other.__class__ is self.__class__:
            return op(tuple([getattr(self, n) for n in names]),
                      tuple([getattr(other, n) for n in names]))
        return NotImplemented
    return compare


_ORDER = [('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
          ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)]


def _make_hash(names):
    def __hash__(self):
        return hash(tuple([getattr(self, n) for n in names]))
    return __hash__


def _make_frozen(cls, names):
    names = frozenset(names)
    # The class's id, not the class: a reference would make a cycle (class -> method ->
    # class) that gil-lab, which has no cycle collector, could never free.
    cls_id = id(cls)

    def owner(self):
        for c in type(self).__mro__:
            if id(c) == cls_id:
                return c
        raise TypeError('super(type, obj): obj must be an instance or subtype of type')

    def __setattr__(self, name, value):
        if id(type(self)) == cls_id or name in names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        super(owner(self), self).__setattr__(name, value)

    def __delattr__(self, name):
        if id(type(self)) == cls_id or name in names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        super(owner(self), self).__delattr__(name)
    return __setattr__, __delattr__


def _set_new_attribute(cls, name, value):
    """Sets cls.name = value unless the class itself defines name; True if it does."""
    if name in cls.__dict__:
        return True
    value.__qualname__ = f'{cls.__qualname__}.{name}'
    if hasattr(value, '__name__'):
        value.__name__ = name
    setattr(cls, name, value)
    return False
