# Checks: re.compile and Pattern attributes (pattern, flags, groups, groupindex), Pattern repr (flags named, the implied UNICODE omitted, long patterns cut), equality, __copy__/__deepcopy__, the cache (the same object for the same pattern, type and flags; a compiled pattern passes through; purge), escape of str and bytes, the module's names, and subclasses of str and bytes as patterns, texts and replacements.
import re

p = re.compile(r'(?P<year>\d{4})-(?P<month>\d\d)(-\d\d)?')
print(p.pattern, p.flags, p.groups, dict(p.groupindex), sorted(p.groupindex.items()))
print(p)
print(re.compile('a', re.I | re.M | re.S | re.X), re.compile('a', re.A), re.compile(b'a'), re.compile(b'a', re.L | re.I))
print(re.compile('(?i)a'), re.compile('(?x) a # c'), re.compile('a', re.U | re.I), re.compile('a', re.T))
print(re.compile('x' * 250))
print(re.compile("it's \"q\"\n"))
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I), re.compile('a') == re.compile(b'a'), re.compile('a') != re.compile('b'))
print(re.compile('a') == 'a', re.compile('a') is re.compile('a'), re.compile('a', re.I) is re.compile('a', re.I))
q = re.compile('qq')
print(re.compile(q) is q, re.match(q, 'qq').span(), re.search(q, 'aqq').span())
re.purge()
print(re.compile('qq') is q, re.compile('qq') == q)
print(p.__copy__() is p, p.__deepcopy__({}) is p)
m = p.match('2024-05')
print(m.__copy__() is m, m.__deepcopy__({}) is m, m.groupdict())
print(re.escape('a.b*c?d+e(f)[g]{h}|i^j$k\\l m\tn-o#p&q~r'), re.escape('ab_12é'), re.escape(''))
print(re.escape(b'a.b\x00c d'), re.findall(re.escape('1+1=2?'), 'is 1+1=2? yes'))
print(re.compile('').groups, re.compile('(a)(?:b)(c)').groups, re.compile('(?P<x>a)|(?P<y>b)').groupindex['y'])
names = ['compile', 'search', 'match', 'fullmatch', 'split', 'findall', 'finditer', 'sub', 'subn', 'escape', 'purge', 'error', 'Pattern', 'Match', 'RegexFlag', 'NOFLAG']
print(all(hasattr(re, n) for n in names), all(n in re.__all__ for n in names))
print(type(p).__name__, type(p).__module__, re.Pattern.__name__)


class Text(str):
    pass


class Data(bytes):
    pass


sp = re.compile(Text(r'(\w+)'))
sm = sp.search(Text('hi there'))
print(sm, type(sm.string).__name__, type(sm.group(1)).__name__, type(sp.pattern).__name__)
print(re.sub(Text('h'), Text('H'), Text('hah')), re.sub('a', lambda m: Text('<a>'), 'banana'), re.findall(Data(b'a'), Data(b'banana')))
print([x.span() for x in re.finditer('a', Text('banana'))], re.split(Text(','), Text('a,b')))
