# Checks: sub/subn with string templates (\1, \g<name>, \g<0>, \g<1>, two-digit and octal escapes, \n and other escapes, unknown non-letter escapes kept), unmatched groups as '', callables (None counts as ''), count, empty matches, positional and keyword arguments, and bytes.
import re

print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, good day'))
print(re.sub(r'(?P<k>\w+)=(?P<v>\w+)', r'\g<v>:\g<k>;\g<0>;\g<1>', 'a=1 b=2'))
print(re.sub('a', r'\n\t\\|\.\-', 'xax'))
print(re.sub('(a)(b)?', r'[\1|\2]', 'a ab'))
print(re.sub('(a)', r'\0\101\1\08', 'a'))
print(repr(re.sub('x', r'\a\b\f\v\r', 'x')))
print(re.sub('x*', '-', 'abxd'), re.sub('', '-', 'abc'), re.sub('(?:|a)', '-', 'aa'))
print(re.subn(r'\d', '#', 'a1b2c3'), re.subn(r'\d', '#', 'a1b2c3', 2), re.subn(r'\d', '#', 'abc'))
print(re.sub(r'\d', '#', 'a1b2c3', count=1), re.sub(r'\d', '#', 'a1b2', -1))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a5 b10 c0'))
print(re.sub(r'\w', lambda m: None, 'a-b-c'))
print(re.sub(r'(?P<w>\w+)', lambda m: m['w'].upper() + str(m.start()), 'ab cd'))
calls = []
def record(m):
    calls.append((m.span(), m.pos, m.endpos, m.string))
    return '<>'
print(re.sub('b', record, 'abcb'), calls)
p = re.compile(r'(\d)')
print(p.sub(r'<\1>', '1a2'), p.subn(repl=r'\1\1', string='12', count=1))
print(re.sub(b'(a)', b'[\\1]', b'xay'), re.subn(b'a', lambda m: m.group().upper(), b'banana'))
print(re.sub('é', 'e', 'éclair café'), re.sub(r'(\w)', r'\1\1', 'aé'))
print(re.sub('a', 'b', ''), re.sub('^', '>', 'ab\ncd', flags=re.M), re.sub('$', '<', 'ab\n'))

class Repl:
    def __call__(self, m):
        return m.group().swapcase()
print(re.sub('[a-z]+', Repl(), 'abc DEF ghi'))
