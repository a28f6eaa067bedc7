# Checks: the flags I, M, S, X, A, U, L (bytes), their values and combinations, inline global flags ((?i) at the start, (?x) turning on verbose mode), scoped flags ((?i:...), (?-i:...), (?a:...), (?s-m:...)), IGNORECASE folding as CPython's (Kelvin sign, long s, dotted capital I, final sigma, ASCII-only under re.A), Unicode \w \d \s \b against ASCII ones, and Pattern.flags.
import re

print(re.I, re.IGNORECASE, re.M, re.S, re.X, re.A, re.U, re.L, re.T, re.NOFLAG, re.DEBUG)
print(re.I | re.M, re.MULTILINE == 8, re.DOTALL == re.S)
print(re.findall('abc', 'ABC abc AbC', re.I), re.findall('[a-c]+', 'xABCy', re.I), re.findall('[^a]', 'aA', re.I))
print(re.findall('(?i)straße', 'STRASSE Straße'), re.match('(?i)k', '\u212a'), re.match('(?i)\u212a', 'k'))
print(re.match('(?i)s', '\u017f'), re.match('(?i)[a-z]', '\u017f'), re.match('(?i)i', '\u0130'), re.match('(?i)\u0130', 'i'))
print(re.findall('(?i)σ', 'Σσς'), re.findall('(?i)[σ]', 'Σσς'), re.findall('(?i)é', 'ÉéE'))
print(re.match('(?ia)k', '\u212a'), re.match('(?ia)s', '\u017f'), re.findall('(?ia)[a-z]+', 'aBc\u212a'))
print(re.findall(r'(\w)\1', 'aA Aa aa', re.I), re.findall(r'(?i)(s)\1', 'sS s\u017f'))
print(re.findall('^\\w', 'ab\ncd\nef'), re.findall('^\\w', 'ab\ncd\nef', re.M), re.findall('\\w$', 'ab\ncd\nef', re.M))
print(re.findall('a.b', 'a\nb axb'), re.findall('a.b', 'a\nb axb', re.S), re.findall('(?s:a.)b|a.c', 'a\nb a\nc'))
pat = re.compile(r'''
    (?P<num> \d+ )   # digits
    \s* [+] \s*      # a plus, with spaces
    (?P<num2> \d+ )  # more digits
''', re.VERBOSE)
print(pat.match('12 + 30').groupdict(), re.match('(?x) a b # c', 'ab'), re.match('(?x)a[ ]b', 'a b'), re.match(r'(?x)a\ b', 'a b'))
print(re.findall(r'\w+', 'héllo wörld 123 ٣'), re.findall(r'\w+', 'héllo wörld 123 ٣', re.A))
print(re.findall(r'\d', '1٣۵', re.U), re.findall(r'\d', '1٣۵', re.A), re.findall(r'\s', ' \u00a0\t\x1c', re.A), len(re.findall(r'\s', ' \u00a0\t\x1c')))
print(re.findall(r'\bé\w', 'aéb éb'), re.findall(r'(?a)\bé', 'aéb éb'), re.findall(r'\B', 'é'))
print(re.findall('(?i:a)b', 'ab Ab aB'), re.findall('(?i)a(?-i:b)', 'ab Ab aB'), re.findall('(?a:\\w+) \\w+', 'éa éb é'))
print(re.findall('(?s-m:^.)', 'a\nb', re.M), re.findall('(?m:^.)|(?s:x.)', 'a\nx\nb'))
for pat, fl in [('a', 0), ('a', re.I), ('(?i)a', 0), ('(?x)a', re.M), (b'a', 0), (b'(?L)a', 0), ('a', re.A), (b'a', re.L | re.I), ('(?u)a', 0), ('a', re.T)]:
    print(repr(pat), re.compile(pat, fl).flags)
print(re.compile(b'\\w', re.L).findall(b'a_1\xe9'), re.compile(b'(?i)k').findall(b'kK'))
for pat, fl in [('a', re.L), ('a', re.A | re.U), (b'a', re.U), (b'a', re.A | re.L)]:
    try:
        re.compile(pat, fl)
    except ValueError as e:
        print('ValueError', e)
