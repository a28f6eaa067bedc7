# Checks: re.match/search/fullmatch and Pattern methods with pos/endpos; the Match object: group with several indices and names, groups(default), groupdict(default), start/end/span by number and name, unmatched groups, lastindex/lastgroup, string/re/pos/endpos/regs, m[g], expand, repr (truncated at 50 characters), and the IndexError for a bad group.
import re

m = re.match(r'(?P<first>\w+) (?P<last>\w+)(?P<opt>!)?', 'Isaac Newton, physicist')
print(m)
print(m.group(), m.group(0), m.group(1), m.group('last'), m.group(1, 'last', 0))
print(m.groups(), m.groups('-'), m.groups(default=0))
print(m.groupdict(), m.groupdict('?'))
print(m.start(), m.end(), m.span(), m.start(2), m.end('first'), m.span('opt'), m.start(3), m.end(3))
print(m.lastindex, m.lastgroup, m.pos, m.endpos, m.string)
print(m.re is re.compile(r'(?P<first>\w+) (?P<last>\w+)(?P<opt>!)?'), m.re.pattern)
print(m.regs)
print(m[0], m[1], m['last'], m[3])
print(m.expand(r'\2, \1 (\g<0>) \g<last>.\g<opt>.'))
print(bool(m))

for pat, s in [('a', 'ba'), ('b', 'ba'), ('', ''), ('x*', 'xxy')]:
    print(repr(pat), repr(s), re.match(pat, s), re.search(pat, s), re.fullmatch(pat, s))

p = re.compile(r'\d+')
s = 'ab12cd345ef6'
print(p.search(s), p.search(s, 4), p.search(s, 5, 8), p.search(s, 9, 100), p.search(s, -5, 3))
print(p.match(s), p.match(s, 2), p.match(s, 2, 3), p.fullmatch(s, 6, 9), p.fullmatch(s, 6, 8))
print(p.search(string=s, pos=3), p.match(s, endpos=1))
m = p.search(s, 5, 8)
print(m.pos, m.endpos, m.span())
print(re.compile('^b').search('ab', 1), re.compile('(?m)^b').search('a\nb', 2), re.compile('a$').search('ab', 0, 1))
print(re.compile(r'\bcd').search('abcd', 2), re.compile(r'\Bcd').search('abcd', 2))

# lastindex follows the group closed last.
for pat, s in [('(a)(b)', 'ab'), ('((a)b)', 'ab'), ('(a)|(b)', 'b'), ('((a)|b)+', 'ab'), ('(a)(b)?', 'a'), ('(a)()', 'a'), ('a', 'a')]:
    mm = re.match(pat, s)
    print(pat, mm.lastindex, mm.groups())
print(re.match('(?P<x>a)(?P<y>b)', 'ab').lastgroup, re.match('(?P<x>a)(b)', 'ab').lastgroup)

long = re.search('x+', 'y' + 'x' * 80)
print(long)
print(re.search(b'x+', b'axxb'))

m = re.match('(a)(b)?', 'a')
for g in [3, -1, 'nope', 1.5, None]:
    try:
        m.group(g)
    except IndexError as e:
        print('IndexError', e)
for call in [lambda: m.start(5), lambda: m['z'], lambda: m.span('q')]:
    try:
        call()
    except IndexError as e:
        print('IndexError', e)
print(m.group(True), m.span(2), m.start(2))
try:
    re.Match()
except TypeError as e:
    print('TypeError', e)
print(type(m).__name__, type(m) is re.Match, type(re.compile('a')) is re.Pattern)
