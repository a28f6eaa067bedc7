"""Common string constants and classes (gil-lab): the character-class constants, capwords,
Template ($-substitution) and Formatter (str.format as overridable methods), with the
behaviour and messages of CPython 3.11's string module."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

import re as _re

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s by sep, capitalize each word, and join them with sep (a single space when
    sep is None, where runs of whitespace also separate words)."""
    return (sep or ' ').join([word.capitalize() for word in s.split(sep)])


class _TemplateKind:
    """Builds and caches the compiled pattern of each Template class."""

    def __init__(self):
        self.cache = {}

    def build(self, cls):
        pattern = cls.pattern
        if isinstance(pattern, str):
            key = ('pattern', pattern, cls.flags)
            source = pattern
        elif pattern is not _default_pattern[0] or cls is Template:
            return pattern
        else:
            delim = _re.escape(cls.delimiter)
            ident = cls.idpattern
            braced = cls.braceidpattern or cls.idpattern
            source = ('%s(?:(?P<escaped>%s)|(?P<named>%s)|{(?P<braced>%s)}|(?P<invalid>))'
                      % (delim, delim, ident, braced))
            key = ('parts', source, cls.flags)
        try:
            return self.cache[key]
        except KeyError:
            pass
        compiled = _re.compile(source, cls.flags | _re.VERBOSE)
        self.cache[key] = compiled
        return compiled


_kinds = _TemplateKind()
_default_pattern = [None]


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = _re.IGNORECASE
    pattern = None

    def __init_subclass__(cls):
        super().__init_subclass__()
        cls.pattern = _kinds.build(cls)

    def __init__(self, template):
        self.template = template

    def _compiled(self):
        return _kinds.build(type(self))

    def _invalid(self, mo):
        i = mo.start('invalid')
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _mapping(self, args, kws, name):
        if len(args) > 1:
            raise TypeError('Template.%s() takes from 1 to 2 positional arguments but %d '
                            'were given' % (name, len(args) + 1))
        if not args:
            return kws
        if kws:
            return _ChainMap(kws, args[0])
        return args[0]

    def substitute(self, *args, **kws):
        mapping = self._mapping(args, kws, 'substitute')

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                return str(mapping[named])
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                self._invalid(mo)
            raise ValueError('Unrecognized named group in pattern', self.pattern)
        return self._compiled().sub(convert, self.template)

    def safe_substitute(self, *args, **kws):
        mapping = self._mapping(args, kws, 'safe_substitute')

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                try:
                    return str(mapping[named])
                except KeyError:
                    return mo.group()
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                return mo.group()
            raise ValueError('Unrecognized named group in pattern', self.pattern)
        return self._compiled().sub(convert, self.template)

    def is_valid(self):
        for mo in self._compiled().finditer(self.template):
            if mo.group('invalid') is not None:
                return False
            if (mo.group('named') is None and mo.group('braced') is None
                    and mo.group('escaped') is None):
                raise ValueError('Unrecognized named group in pattern', self.pattern)
        return True

    def get_identifiers(self):
        ids = []
        for mo in self._compiled().finditer(self.template):
            named = mo.group('named') or mo.group('braced')
            if named is not None and named not in ids:
                ids.append(named)
            elif (named is None and mo.group('invalid') is None
                    and mo.group('escaped') is None):
                raise ValueError('Unrecognized named group in pattern', self.pattern)
        return ids


Template.pattern = _re.compile(
    r'\$(?:(?P<escaped>\$)|(?P<named>(?a:[_a-z][_a-z0-9]*))|{(?P<braced>(?a:[_a-z][_a-z0-9]*))}'
    r'|(?P<invalid>))', _re.IGNORECASE | _re.VERBOSE)
_default_pattern[0] = Template.pattern


class _ChainMap:
    """Looks a key up in the keyword arguments first, then in the mapping."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


def _parse_format(s):
    """The (literal, field name, format spec, conversion) items of a format string, with
    str.format's errors."""
    n = len(s)
    i = 0
    while i < n:
        start = i
        c = ''
        while i < n:
            c = s[i]
            i += 1
            if c == '{' or c == '}':
                break
        else:
            yield (s[start:i], None, None, None)
            return
        if c == '}' and (i >= n or s[i] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if c == '{' and i >= n:
            raise ValueError("Single '{' encountered in format string")
        if s[i] == c:
            i += 1
            yield (s[start:i - 1], None, None, None)
            continue
        literal = s[start:i - 1]
        # The field name: up to '!', ':' or '}', skipping over [...].
        name_start = i
        c = ''
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                raise ValueError("unexpected '{' in field name")
            if c == '[':
                while i < n and s[i] != ']':
                    i += 1
                continue
            if c in '}:!':
                break
        name = s[name_start:i - 1]
        conversion = None
        if c not in '!:':
            if c != '}':
                raise ValueError("expected '}' before end of string")
            yield (literal, name, '', None)
            continue
        if c == '!':
            if i >= n:
                raise ValueError("end of string while looking for conversion specifier")
            conversion = s[i]
            i += 1
            if i < n:
                c = s[i]
                i += 1
                if c == '}':
                    yield (literal, name, '', conversion)
                    continue
                if c != ':':
                    raise ValueError("expected ':' after conversion specifier")
        spec_start = i
        depth = 1
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                depth += 1
            elif c == '}':
                depth -= 1
                if depth == 0:
                    break
        if depth:
            raise ValueError("unmatched '{' in format spec")
        yield (literal, name, s[spec_start:i - 1], conversion)


def _index_or_key(text):
    return int(text) if text.isdigit() else text


def _split_field_name(name):
    """The first part of a field name (an int if all digits) and the (is_attribute, key)
    steps after it."""
    n = len(name)
    i = 0
    while i < n and name[i] not in '.[':
        i += 1
    first = _index_or_key(name[:i])
    steps = []
    while i < n:
        c = name[i]
        i += 1
        if c == '.':
            start = i
            while i < n and name[i] not in '.[':
                i += 1
            if i == start:
                raise ValueError("Empty attribute in format string")
            steps.append((True, name[start:i]))
        elif c == '[':
            start = i
            while i < n and name[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            if i == start:
                raise ValueError("Empty attribute in format string")
            steps.append((False, _index_or_key(name[start:i])))
            i += 1
            if i < n and name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, steps


class Formatter:
    """str.format's machinery as methods a subclass can override."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        pieces = []
        # auto_arg_index is False once a field is numbered by hand.
        for literal, field_name, format_spec, conversion in self.parse(format_string):
            if literal:
                pieces.append(literal)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field specification to '
                                     'automatic field numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field specification to '
                                     'automatic field numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            pieces.append(self.format_field(obj, format_spec))
        return ''.join(pieces), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            if is_attr:
                obj = getattr(obj, key)
            else:
                obj = obj[key]
        return obj, first
