# Checks: split by a pattern, with capturing groups (unmatched ones as None), maxsplit (positive, zero, negative), empty matches (since CPython 3.7), leading and trailing separators, bytes, and Pattern.split with keywords.
import re

print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1))
print(re.split(r'\W+', 'Words, words, words.', maxsplit=-1))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.split(r'(\W+)', '...words, words...'))
print(re.split(r'(a)|(b)', 'xaybz'))
print(re.split('x*', 'axbxxc'))
print(re.split(r'\b', 'ab cd'))
print(re.split('', 'abc'), re.split('', ''), re.split('a', ''), re.split('a', 'a'))
print(re.split(r'(?=b)', 'abab'))
print(re.split(r'\s', 'a b c d', 2))
p = re.compile(r'(,)\s*')
print(p.split('a, b,c', maxsplit=1), p.split(string='x,y'))
print(re.split(b',', b'a,b,,c'), re.split(b'(,)', b'1,2'))
print(re.split('é', 'aébéc'))
