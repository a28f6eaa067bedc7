# Checks: findall (no group: whole matches; one group: that group; several: tuples, '' for unmatched groups), finditer (lazy Match objects with pos/endpos), both with pos/endpos, and CPython 3.7's empty-match rules: an empty match may follow a non-empty one, and a non-empty match may start where an empty one was.
import re

print(re.findall(r'\d+', 'a1b22c333'))
print(re.findall(r'(\w)(\d)?', 'a1b c2'))
print(re.findall(r'(\w)=(\d)', 'a=1, b=2, c=x'))
print(re.findall(r'x(y)?', 'x xy'))
print(re.findall('', 'abc'))
print(re.findall('x*', 'axxb'))
print(re.findall('|a', 'a'), re.findall('a|', 'a'), re.findall('(?:|a)', 'aa'))
print(re.findall(r'\b', 'ab cd'), re.findall(r'\B', 'ab cd'), re.findall(r'\B', ''))
print(re.findall('^', 'a\nb\n'), re.findall('(?m)^', 'a\nb\n'), re.findall('(?m)$', 'a\nb\n'), re.findall('$', 'a\nb\n'))
print(re.findall(r'\s*', ' a  b '))
p = re.compile(r'[a-z]+')
print(p.findall('ab cd ef gh', 3), p.findall('ab cd ef gh', 3, 7), p.findall('ab cd', endpos=4))

it = re.finditer(r'(\w+)@(\w+)', 'x@y, foo@bar baz@')
print(type(it).__name__, iter(it) is it)
for m in it:
    print(m.span(), m.groups(), m.start(2))
print(list(it))
print([m.span() for m in re.finditer('x*', 'axxbx')])
print([(m.span(), m.pos, m.endpos) for m in re.compile(r'\d').finditer('1a2b3c4', 1, 6)])
print([m.group() for m in re.finditer(r'(?<=-)\w+', '-ab-cd ef-g')])
it = re.finditer('a', 'aaa')
print(next(it).span(), next(it).span(), next(it).span())
try:
    next(it)
except StopIteration:
    print('StopIteration')
print([m.span() for m in re.finditer(r'é|\w', 'aé b')])
