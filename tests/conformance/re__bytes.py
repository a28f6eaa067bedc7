# Checks: bytes patterns on bytes: search/match/findall/finditer/sub/split, groups as bytes, ASCII-only \w \d \s and case folding (LOCALE taken as ASCII), bytes above 127 as literals and in classes and ranges, escapes (\x, octal), templates in bytes, and the str/bytes mixing errors.
import re

data = b'GET /index.html HTTP/1.1\r\nHost: example.org\r\n\r\n'
m = re.match(rb'(?P<method>[A-Z]+) (?P<path>\S+) HTTP/(\d)\.(\d)', data)
print(m, m.groups(), m.groupdict(), m['path'], m.span('path'))
print(re.findall(rb'^([\w-]+): (.*?)\r$', data, re.M))
print(re.split(rb'\r\n', data), re.sub(rb'\s+', b' ', data))
print(re.findall(rb'\w+', b'caf\xe9 na\xefve_1'), re.findall(rb'[\x80-\xff]+', b'a\xe9\xefb\x80'))
print(re.findall(rb'(?i)caf\xc9', b'CAF\xc9 caf\xe9 caf\xc9'), re.findall(rb'(?i)[a-z]+', b'aBc\xe9D'))
print(re.findall(rb'\d+|\s+', b'12 \xa0 3\x0b'), re.findall(rb'.', b'a\nb\xff'), re.findall(rb'(?s).', b'\n'))
print(re.match(rb'\x41\101\0', b'AA\x00'), re.search(rb'[^\x00-\x7f]', b'abc\xe9'))
print(re.sub(rb'(\w+)@(\w+)', rb'\2 at \g<1>', b'joe@site, ann@web'))
print(re.subn(b'a', lambda m: b'<' + m.group() + b'>', b'banana'))
print([m.span() for m in re.finditer(rb'\b\w', b'ab cd\xe9ef')])
print(re.compile(b'a+', re.L).flags, re.compile(b'(?i)k').search(b'\xe2\x84\xaaK'))
print(re.fullmatch(rb'[\x00-\xff]*', bytes(range(256))).span())
for f in [lambda: re.search(b'a', 'a'), lambda: re.search('a', b'a'), lambda: re.sub(b'a', 'x', b'a'), lambda: re.compile(rb'\d').findall('1')]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
