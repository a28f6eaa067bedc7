"""Enumerations: gil-lab's enum, written for gil-lab from the documented behaviour of
CPython 3.11's module (enum_members.py, run in the same namespace, holds Enum, IntEnum,
StrEnum, Flag, IntFlag and the decorators).

Differences from CPython: `value in EnumClass` with a non-member raises the
TypeError without 3.11's DeprecationWarning; the functional API (Enum('Name', 'A B'))
sets __module__ only from its module= argument (gil-lab has no sys._getframe); members
are not picklable.
"""

import sys
from _gillab_meta import mappingproxy as _mappingproxy

__all__ = [
    'EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'ReprEnum',
    'auto', 'unique', 'property', 'verify', 'member', 'nonmember', 'FlagBoundary', 'STRICT',
    'CONFORM', 'EJECT', 'KEEP', 'global_flag_repr', 'global_enum_repr', 'global_str',
    'global_enum', 'EnumCheck', 'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE', 'show_flag_values',
]

# Defined in enum_members.py; EnumType.__new__ checks them for None while they are made.
Enum = Flag = EJECT = _stdlib_enums = ReprEnum = None

_builtin_bin = bin
_builtin_property = property
_FunctionType = type(lambda: None)
_NONE_NEW = getattr(None, '__new__', None)


class nonmember:
    """Protects item from becoming an Enum member during class creation."""
    def __init__(self, value):
        self.value = value


class member:
    """Forces item to become an Enum member during class creation."""
    def __init__(self, value):
        self.value = value


def _is_descriptor(obj):
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__')
            or isinstance(obj, (_FunctionType, staticmethod, classmethod, _builtin_property)))


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1:2] != '_' and name[-2:-1] != '_')


def _is_private(cls_name, name):
    pattern = '_%s__' % (cls_name, )
    return (len(name) > len(pattern) and name.startswith(pattern)
            and name[len(pattern)] != '_' and (name[-1] != '_' or name[-2] != '_'))


def _is_single_bit(num):
    if num == 0:
        return False
    num &= num - 1
    return num == 0


def _iter_bits_lsb(num):
    original = num
    if isinstance(num, Enum):
        num = num._value_
    if num < 0:
        raise ValueError('%r is not a positive integer' % original)
    while num:
        b = num & (~num + 1)
        yield b
        num ^= b


def show_flag_values(value):
    return list(_iter_bits_lsb(value))


def bin(num, max_bits=None):
    """Like built-in bin(), except negative values are represented in twos-complement,
    and the leading bit always indicates sign (0=positive, 1=negative)."""
    ceiling = 2 ** (num).bit_length()
    if num >= 0:
        s = _builtin_bin(num + ceiling).replace('1', '0', 1)
    else:
        s = _builtin_bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None:
        if len(digits) < max_bits:
            digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


def _high_bit(value):
    return value.bit_length() - 1


class _auto_null:
    def __repr__(self):
        return '_auto_null'


_auto_null = _auto_null()


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % self.value


class property:
    """An attribute of the members (name, value, ...) that, looked up on the class, is
    the member of that name if there is one (CPython's is a DynamicClassAttribute)."""

    name = clsname = member = None

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc if doc is not None else getattr(fget, '__doc__', None)

    def getter(self, fget):
        return type(self)(fget, self.fset, self.fdel, self.__doc__)

    def setter(self, fset):
        return type(self)(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return type(self)(self.fget, self.fset, fdel, self.__doc__)

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            try:
                return ownerclass._member_map_[self.name]
            except KeyError:
                raise AttributeError('%r has no attribute %r' % (ownerclass, self.name))
        if self.fget is not None:
            return self.fget(instance)
        if self.member is not None:
            return self.member
        try:
            return instance.__dict__['_' + self.name + '_']
        except KeyError:
            raise AttributeError(
                '%r member has no attribute %r' % (ownerclass, self.name)) from None

    def __set__(self, instance, value):
        if self.fset is not None:
            return self.fset(instance, value)
        raise AttributeError(
            "<enum %r> cannot set attribute %r" % (self.clsname, self.name))

    def __delete__(self, instance):
        if self.fdel is not None:
            return self.fdel(instance)
        raise AttributeError(
            "<enum %r> cannot delete attribute %r" % (self.clsname, self.name))

    def __set_name__(self, ownerclass, name):
        self.name = name
        self.clsname = ownerclass.__name__
        self.member = None


class _EnumDict(dict):
    """The namespace of an enum class body: records the member names in order and
    replaces auto() values as they are assigned."""

    def __init__(self):
        super().__init__()
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._cls_name = None
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            if key not in _ALLOWED_SUNDER:
                raise ValueError(
                    '_sunder_ names, such as %r, are reserved for future Enum use' % (key, ))
            if key == '_generate_next_value_':
                if self._auto_called:
                    raise TypeError('_generate_next_value_ must be defined before members')
                self._generate_next_value = (value.__func__ if isinstance(value, staticmethod)
                                             else value)
            elif key == '_ignore_':
                if isinstance(value, str):
                    value = value.replace(',', ' ').split()
                else:
                    value = list(value)
                self._ignore = value
                already = set(value) & set(self._member_names)
                if already:
                    raise ValueError(
                        '_ignore_ cannot specify already set names: %r' % (already, ))
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value):
            pass
        else:
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            if isinstance(value, auto):
                if value.value == _auto_null:
                    value.value = self._generate_next_value(
                        key, 1, len(self._member_names), self._last_values[:])
                    self._auto_called = True
                value = value.value
            self._member_names[key] = None
            self._last_values.append(value)
        super().__setitem__(key, value)


_ALLOWED_SUNDER = (
    '_order_', '_generate_next_value_', '_numeric_repr_', '_missing_', '_ignore_',
    '_iter_member_', '_iter_member_by_value_', '_iter_member_by_def_',
)


def _finish_class(enum_class, body, members, member_type, first_enum, __new__, save_new,
             order, is_flag):
    """Makes the members, the flag masks and the method fix-ups of a new enum class."""
    if not is_flag:
        for name in ('_boundary_', '_flag_mask_', '_singles_mask_', '_all_bits_',
                     '_inverted_'):
            type.__delattr__(enum_class, name)

    for name, value in members.items():
        enum_class._add_member_(name, value)

    if Flag is not None and issubclass(enum_class, Flag):
        enum_class._compute_flag_masks_()

    if ReprEnum is not None and ReprEnum in enum_class.__bases__:
        if member_type is object:
            raise TypeError('ReprEnum subclasses must be mixed with a data type '
                            '(i.e. int, str, float, etc.)')
        if '__format__' not in body:
            type.__setattr__(enum_class, '__format__', member_type.__format__)
            body['__format__'] = member_type.__format__
        if '__str__' not in body:
            method = member_type.__str__
            if method is object.__str__:
                method = member_type.__repr__
            type.__setattr__(enum_class, '__str__', method)
            body['__str__'] = method
    for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
        if name not in body:
            enum_method = getattr(first_enum, name, None)
            found_method = getattr(enum_class, name, None)
            object_method = getattr(object, name, None)
            data_type_method = getattr(member_type, name, None)
            if enum_method is not None and (found_method is data_type_method
                                            or found_method is object_method):
                type.__setattr__(enum_class, name, enum_method)

    if Flag is not None and issubclass(enum_class, Flag):
        # The operators of a mixed-in int must not hide Flag's.
        for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__',
                     '__invert__'):
            if name not in body:
                type.__setattr__(enum_class, name, getattr(Flag, name))

    if Enum is not None:
        if save_new:
            type.__setattr__(enum_class, '__new_member__', __new__)
        type.__setattr__(enum_class, '__new__', Enum.__new__)

    if order is not None:
        if isinstance(order, str):
            order = order.replace(',', ' ').split()
        if order != enum_class._member_names_:
            raise TypeError('member order does not match _order_:\n  %r\n  %r'
                            % (enum_class._member_names_, order))

def _drop_members(cls):
    for name in cls.__dict__.get('_member_map_', {}):
        if name in cls.__dict__:
            type.__delattr__(cls, name)
    for attr in ('_member_map_', '_value2member_map_'):
        if attr in cls.__dict__:
            cls.__dict__[attr].clear()


class EnumType(type):
    """Metaclass for Enum."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        metacls._check_for_existing_members_(cls, bases)
        enum_dict = _EnumDict()
        enum_dict._cls_name = cls
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            enum_dict['_generate_next_value_'] = getattr(
                first_enum, '_generate_next_value_', None)
        return enum_dict

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if not isinstance(classdict, _EnumDict):
            namespace = metacls.__prepare__(cls, bases)
            for key, value in classdict.items():
                namespace[key] = value
            classdict = namespace
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        ignore = classdict._ignore + ['_ignore_']
        member_names = [n for n in classdict._member_names if n not in ignore]
        invalid_names = set(member_names) & {'mro', ''}
        if invalid_names:
            raise ValueError('invalid enum member name(s) %s' % (
                ','.join(repr(n) for n in invalid_names)))
        members = {name: classdict[name] for name in member_names}
        body = {key: value for key, value in classdict.items()
                if key not in members and key not in ignore}

        order = body.pop('_order_', None)
        __new__, save_new, use_args = metacls._find_new_(body, member_type, first_enum)
        namespace = dict(body)
        namespace['_new_member_'] = __new__
        namespace['_use_args_'] = use_args
        namespace['_member_names_'] = []
        namespace['_member_map_'] = {}
        namespace['_value2member_map_'] = {}
        namespace['_unhashable_values_'] = []
        namespace['_member_type_'] = member_type
        namespace['_value_repr_'] = metacls._find_data_repr_(cls, bases)
        namespace['_boundary_'] = boundary or getattr(first_enum, '_boundary_', None)
        namespace['_flag_mask_'] = 0
        namespace['_singles_mask_'] = 0
        namespace['_all_bits_'] = 0
        namespace['_inverted_'] = None
        enum_class = super().__new__(metacls, cls, bases, namespace, **kwds)
        try:
            _finish_class(enum_class, body, members, member_type, first_enum, __new__,
                          save_new, order, is_flag=(Flag is None and cls == 'Flag')
                                or (Flag is not None and issubclass(enum_class, Flag)))
        except BaseException:
            # The members refer to their class: break the cycle, which gil-lab (no cycle
            # collector) could not free.
            _drop_members(enum_class)
            raise
        return enum_class

    def __init__(cls, *args, **kwds):
        super().__init__(*args)

    def _add_member_(cls, member_name, value):
        """Makes member `member_name` with `value` (an alias when an equal value is
        already a member)."""
        args = value if isinstance(value, tuple) else (value, )
        if cls._member_type_ is tuple:
            args = (args, )
        if not cls._use_args_:
            enum_member = cls._new_member_(cls)
        else:
            enum_member = cls._new_member_(cls, *args)
        if not hasattr(enum_member, '_value_'):
            if cls._member_type_ is object:
                enum_member._value_ = value
            else:
                try:
                    enum_member._value_ = cls._member_type_(*args)
                except Exception as exc:
                    new_exc = TypeError('_value_ not set in __new__, unable to create it')
                    new_exc.__cause__ = exc
                    raise new_exc
        value = enum_member._value_
        enum_member._name_ = member_name
        enum_member.__objclass__ = cls
        enum_member.__init__(*args)
        enum_member._sort_order_ = len(cls._member_names_)
        canonical = None
        try:
            canonical = cls._value2member_map_.get(value)
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    canonical = m
                    break
        if canonical is not None:
            enum_member = canonical
        elif Flag is None or not issubclass(cls, Flag) or _is_single_bit(value):
            cls._member_names_.append(member_name)
        redirect = None
        for base in cls.__mro__[1:]:
            descriptor = base.__dict__.get(member_name)
            if descriptor is not None:
                if isinstance(descriptor, (property, _builtin_property)):
                    redirect = property(descriptor.fget, descriptor.fset, descriptor.fdel)
                    redirect.__set_name__(cls, member_name)
                    redirect.member = enum_member
                break
        type.__setattr__(cls, member_name, redirect if redirect is not None else enum_member)
        cls._member_map_[member_name] = enum_member
        try:
            cls._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            cls._unhashable_values_.append(value)

    def _compute_flag_masks_(cls):
        single_bits = multi_bits = 0
        for m in cls._member_map_.values():
            value = m._value_
            if _is_single_bit(value):
                single_bits |= value
            else:
                multi_bits |= value
        type.__setattr__(cls, '_flag_mask_', single_bits | multi_bits)
        type.__setattr__(cls, '_singles_mask_', single_bits)
        type.__setattr__(cls, '_all_bits_', 2 ** ((single_bits | multi_bits).bit_length()) - 1)
        member_list = [m._value_ for m in cls]
        if member_list != sorted(member_list):
            # The classmethod itself, not bound to cls (which would be a cycle).
            type.__setattr__(cls, '_iter_member_', Flag.__dict__['_iter_member_by_def_'])

    def __bool__(cls):
        return True

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __dir__(cls):
        interesting = set([
            '__class__', '__contains__', '__doc__', '__getitem__', '__iter__', '__len__',
            '__members__', '__module__', '__name__', '__qualname__', '__init_subclass__',
        ] + cls._member_names_)
        if cls._new_member_ is not object.__new__:
            interesting.add('__new__')
        if cls._member_type_ is object:
            return sorted(interesting)
        return sorted(set(dir(cls._member_type_)) | interesting)

    def __getattr__(cls, name):
        """The member called name (members are class attributes already: this is reached
        only for a name that is not one)."""
        if _is_dunder(name):
            raise AttributeError(name)
        try:
            return cls._member_map_[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    @_builtin_property
    def __members__(cls):
        """Maps member names to members, aliases included, in definition order."""
        return _mappingproxy(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % (cls.__name__, )
        return "<enum %r>" % (cls.__name__, )

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name, ))
        super().__setattr__(name, value)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        metacls = cls.__class__
        bases = (cls, ) if type is None else (type, cls)
        _, first_enum = cls._get_mixins_(class_name, bases)
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = first_enum._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        if module is not None:
            classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    @classmethod
    def _check_for_existing_members_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError("<enum %r> cannot extend %r" % (class_name, base))

    @classmethod
    def _get_mixins_(mcls, class_name, bases):
        if not bases:
            return object, Enum
        mcls._check_for_existing_members_(class_name, bases)
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError("new enumerations should be created as "
                            "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
        member_type = mcls._find_data_type_(class_name, bases) or object
        return member_type, first_enum

    @classmethod
    def _find_data_repr_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    return base._value_repr_
                if '__repr__' in base.__dict__:
                    return base.__dict__['__repr__']
        return None

    @classmethod
    def _find_data_type_(mcls, class_name, bases):
        data_types = set()
        for chain in bases:
            candidate = None
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        data_types.add(base._member_type_)
                        break
                elif '__new__' in base.__dict__ or '__dataclass_fields__' in base.__dict__:
                    data_types.add(candidate or base)
                    break
                else:
                    candidate = candidate or base
        if len(data_types) > 1:
            raise TypeError('too many data types for %r: %r' % (class_name, data_types))
        if data_types:
            return data_types.pop()
        return None

    @classmethod
    def _find_new_(mcls, classdict, member_type, first_enum):
        __new__ = classdict.get('__new__', None)
        if isinstance(__new__, staticmethod):
            __new__ = __new__.__func__
        save_new = first_enum is not None and __new__ is not None
        if __new__ is None:
            for method in ('__new_member__', '__new__'):
                for possible in (member_type, first_enum):
                    target = getattr(possible, method, None)
                    if target not in (None, _NONE_NEW, object.__new__,
                                      Enum.__new__ if Enum is not None else None):
                        __new__ = target
                        break
                if __new__ is not None:
                    break
            else:
                __new__ = object.__new__
        if first_enum is None or __new__ in (Enum.__new__, object.__new__):
            use_args = False
        else:
            use_args = True
        return __new__, save_new, use_args


EnumMeta = EnumType
