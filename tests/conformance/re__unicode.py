# Checks: positions are code points on non-ASCII strs (spans, pos/endpos, slicing of groups, split and sub around multi-byte characters, astral characters), Unicode \w \d \s and \b as CPython's str predicates define them, case folding of non-ASCII letters, and the same patterns on ASCII and non-ASCII texts.
import re

s = 'naïve café — 日本語 😀 x'
for pat in [r'\w+', r'caf.', r'\s', r'[^\x00-\x7f]+', r'😀', r'.\Z', r'\b\w', '日本']:
    print(repr(pat), [(m.span(), m.group()) for m in re.finditer(pat, s)])
print(re.compile('é').search(s, 3), re.compile('é').search(s, 10), re.compile(r'\w+').search(s, 12, 14), re.compile('日').match(s, 13))
print(re.split(r'\s+', s), re.sub(r'[^\w\s]', '_', s), re.sub('(.)', r'\1|', '日本😀'))
print(re.findall(r'\d+', '12 ١٢ ۳ ⑫ ²'), re.findall(r'\w', 'a_ÿ·²½Ⅻ\u0301ǅ'), re.findall(r'\W', 'a_ÿ·²½Ⅻ\u0301ǅ'))
print([hex(ord(c)) for c in re.findall(r'\s', ' \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u3000\u200b')])
print(re.findall(r'(?i)ǆ', 'ǄǅǆDž'), re.findall(r'(?i)ω', 'ΩωΩ'), re.findall(r'(?i)[à-ÿ]+', 'ÀÉÎõ'), re.findall('(?i)ß', 'ßẞSS'))
print(re.findall(r'(?i)\w+', 'ΑΒΓ αβγ'), re.fullmatch(r'(?i)straße', 'STRAẞE'))
print(re.search(r'(\w+)\s\1', 'été été'), re.search(r'(?<=é)t', 'été'), re.search(r'(?<!é)t', 'ét t'))
print(re.search('x$', 'éx\n'), re.search('x$', 'éx\ny'), re.findall(r'\B', 'é'), re.findall(r'\b', 'é é'))
for text in ['abc abc', 'ébc ébc']:
    print([m.span() for m in re.finditer(r'(?:\w)(bc)', text)], re.sub(r'b', '', text), re.split('c', text))
big = 'é' + 'ab' * 500 + 'é'
print(len(re.findall('ab', big)), re.search('é$', big).span(), re.search('(ab)+', big).span(1))
