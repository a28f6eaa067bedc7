# Checks: string.Formatter: format and vformat (positional, keyword, automatic and manual numbering and the error of mixing them, attribute and index lookup, conversions !s !r !a, nested format specs and the recursion limit), parse (literal text, fields, escaped braces, and str.format's parse errors), get_field, get_value, convert_field, format_field, check_unused_args, and a subclass overriding them.
from string import Formatter

f = Formatter()
print(f.format('{0}-{1}-{0}', 'a', 'b'), f.format('{}{}', 1, 2), f.format('{x}{y!r}', x=1, y='q'))
print(f.format('{0.real} {a[1]} {a[0]} {d[key]} {0!a}', 3, a=[7, 8], d={'key': 'v'}))
print(f.format('{0:>{1}}|{2:{3}{4}}|{:^7}'.replace('{:^7}', '{5:^7}'), 'x', 4, 3.14159, '.', '2f', 'mid'))
print(f.format('{!r:^9}|{!a}|{!s}', 'é', 'é', 3), f.vformat('{a}+{0}', (1,), {'a': 2}))
for text, args, kwargs in [('{0}{}', (1, 2), {}), ('{}{0}', (1, 2), {}), ('{0!z}', (1,), {}),
                           ('{0.}', (1,), {}), ('{0[}', (1,), {}), ('{0[0]x}', ([1],), {}),
                           ('{x}', (), {}), ('{5}', (1,), {}), ('{0:{1:{2:{3}}}}', (1, 2, 3, 4), {}),
                           ('{a.b}', (), {'a': 1}), ('{0[]}', ([1],), {}), ('{', (), {}),
                           ('}', (), {}), ('{0:{}}', (1, 2), {})]:
    try:
        print(repr(text), repr(f.vformat(text, args, kwargs)))
    except (ValueError, KeyError, IndexError, AttributeError) as e:
        print(repr(text), type(e).__name__, e)
for text in ['a{0}b{1!r:>{2}}c', '{{}}', '{0!x}', '{!r}', '{0:{1:{2}}}', '{a.b[c].d}', 'x{}y{}',
             '{0!r:{}}', '{0:}', '}}{{', '{0]}', 'a{{b', '', 'abc', '{0!', '{0!rr}', '{:', '{a{b}',
             '{0', '{0!}', '{[}']:
    try:
        print(repr(text), list(f.parse(text)))
    except ValueError as e:
        print(repr(text), 'ValueError', e)
print(f.get_field('0.imag', (5,), {}), f.get_field('k[1]', (), {'k': 'xyz'}), f.get_value(0, ('a',), {}), f.get_value('n', (), {'n': 2}))
print(f.convert_field(1, None), f.convert_field('x', 'r'), f.format_field(3.5, '>6'), f.check_unused_args(set(), (), {}))
try:
    f.convert_field(1, 'q')
except ValueError as e:
    print('ValueError', e)


class Strict(Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        unused = [i for i in range(len(args)) if i not in used_args]
        unused += sorted(k for k in kwargs if k not in used_args)
        if unused:
            raise ValueError('unused: %r' % unused)

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return '<%s>' % key
        return super().get_value(key, args, kwargs)

    def format_field(self, value, spec):
        return '[' + super().format_field(value, spec) + ']'


s = Strict()
print(s.format('{0} {name} {missing}', 1, name='n'))
try:
    s.format('{0}', 1, 2, extra=3)
except ValueError as e:
    print('ValueError', e)
