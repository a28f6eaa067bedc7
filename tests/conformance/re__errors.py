# Checks: re.error for invalid patterns with CPython's message, position, line and column (msg, pattern, pos, lineno, colno, str), OverflowError and ValueError cases, template errors in sub/expand (re.error, and IndexError for an unknown group name), and the TypeErrors of mixing str and bytes, wrong argument types and bad arguments.
import re

patterns = [
    '(', '(a', ')', 'a)', '*', 'a**', 'a*??', '+a', '{1}', 'a{2,1}', '[a', '[]', '[^]', '[z-a]',
    r'[\w-a]', r'[a-\d]', r'\q', r'[\q]', r'\x1', r'\xg', r'\u12', r'\U0011ffff', r'\N', r'\N{',
    r'\N{LATIN', r'\N{NOPE}', r'\N{}', r'\400', r'[\400]', r'\8', r'[\8]', r'\1', r'(a)\2',
    r'(a\1)', '(?', '(?P', '(?Px', '(?P<', '(?P<>a)', '(?P<1a>x)', '(?P<a>x)(?P<a>y)', '(?P=',
    '(?P=a)', '(?P=a', '(?P=1)', '(?<x)', '(?<', '(?#abc', '(?z)', '(?i', '(?-', '(?-z:a)',
    '(?i-:a)', '(?-i)', '(?a-a:x)', '(?L)', '(?au)', '(?i-i:a)', '(?(', '(?(1', '(?(1)a|b|c)',
    '(?(x)a)', '(?(0)a)', '(?(a-b)a)', '(?(2)a)(b)', '(?<=a*)', '(?<!a|bc)', 'a(?i)',
    'a|(?i)b', '((?i)a)', '\\', '[\\', r'\A*', '^*', r'\b*', 'x{5}{2}', 'x*{2}', 'a+++',
    'ab\n(c', 'ab\ncd)', 'x\ny\n[z', '(?>a', r'(a)(?<=(?P<b>x)\2)', r'(?<=a)(?<=\1)(b)',
    '[\\A]', '[\\B]', '(?t:a)',
]
for p in patterns:
    try:
        re.compile(p)
        print(repr(p), 'compiled')
    except re.error as e:
        print(repr(p), '|', e, '|', repr(e.msg), e.pos, e.lineno, e.colno, e.pattern == p)
for p, f in [('a{4294967295}', 0), ('a{1,99999999999}', 0), ('a', re.L), ('a', re.A | re.U),
             (b'a', re.U), (b'a', re.A | re.L), (b'(?u)a', 0), (b'\\u1234', 0), (b'[\\N]', 0)]:
    try:
        re.compile(p, f)
        print(repr(p), 'compiled')
    except (re.error, OverflowError, ValueError) as e:
        print(repr(p), type(e).__name__, e)

e = re.error('boom', 'ab\ncd', 4)
print(e, e.msg, e.pos, e.lineno, e.colno, e.args, isinstance(e, Exception))
e = re.error('plain')
print(e, e.pattern, e.pos, e.lineno, e.colno)
e = re.error('b', b'x\ny', 2)
print(e, e.lineno, e.colno)

templates = [r'\g', r'\g<', r'\g<>', r'\g<a', r'\g<1a>', r'\g<x>', r'\g<5>', r'\5', r'\q',
             r'\777', r'\g<-1>', '\\', r'\12']
for t in templates:
    try:
        print(repr(t), repr(re.sub('(a)(?P<n>b)?', t, 'xa')))
    except (re.error, IndexError) as e:
        print(repr(t), type(e).__name__, e)
try:
    re.match('(a)', 'a').expand(r'\2')
except re.error as e:
    print('expand', e)

calls = [
    lambda: re.sub('a', 'b', 5), lambda: re.sub(b'a', 'b', b'a'), lambda: re.sub('a', b'b', 'a'),
    lambda: re.compile('a').match(b'a'), lambda: re.compile(b'a').match('a'),
    lambda: re.compile('a').match(), lambda: re.compile('a').match('a', pos='x'),
    lambda: re.compile('a').match('a', foo=1), lambda: re.compile('a').search('a', 1, 2, 3),
    lambda: re.compile('a').match('a', string='a'),
    lambda: re.sub('a', lambda m: 5, 'a'), lambda: re.sub('a', lambda m: b'x', 'ba'),
    lambda: re.compile('a').sub(1, 'a'), lambda: re.compile(5), lambda: re.match(None, 'a'),
    lambda: re.compile(re.compile('a'), re.I), lambda: re.escape(5),
    lambda: re.split('a', 'b', maxsplit='x'), lambda: re.findall('a', None),
    lambda: re.compile('a').findall(), lambda: re.compile('a').sub('b'),
    lambda: re.Pattern(), lambda: re.match('a', 'a').start(0, 1),
]
for c in calls:
    try:
        print(c())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
