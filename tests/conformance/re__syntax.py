# Checks: the pattern language: literals and escapes (\x, \u, \U, \N{...}, octal, \0), classes (ranges, negation, ] and - as literals, escapes and categories inside), ., anchors (^ $ \A \Z \b \B with $ before a final newline), repeats (* + ? {m} {m,} {,n} {m,n}, a lone { as a literal), lazy and possessive repeats, atomic groups, capturing, non-capturing and named groups, backreferences by number and name, lookahead and lookbehind (positive and negative), conditional groups, comments, and nested repeats of groups that can match the empty string.
import re

def show(pat, *subjects):
    for s in subjects:
        m = re.search(pat, s)
        print(repr(pat), repr(s), m and (m.span(), m.groups()))

show(r'\x41\u00e9\U0001F600\N{BULLET}\N{LATIN SMALL LETTER A}', 'Aé😀•a')
show(r'\101\0\07\1010', 'A\x00\x07A0')
show('[a-c-e]+', 'xa-eb'), show('[]a]+', 'x]a]'), show('[^]a]+', ']ab'), show('[\\]\\-]+', 'a]-b')
show(r'[\d.]+', 'v1.25b'), show(r'[^\W\d]+', '12ab3'), show(r'[\s\S]+', 'a\nb'), show(r'[\b]', 'a\bb')
show('a.c', 'abc', 'a\nc'), show('^a', 'ba', 'ab'), show('a$', 'a\n', 'a\nb', 'ba'), show(r'a\Z', 'a\n', 'ba')
show(r'\Aab', 'cab', 'abc'), show(r'\bfoo\b', 'foo.bar', 'foobar', 'bar foo'), show(r'\Boo\B', 'foo', 'food')
show('ab*', 'a', 'abbb'), show('ab+', 'a', 'abb'), show('ab?c', 'ac', 'abc'), show('a{3}', 'aa', 'aaaa')
show('a{2,}', 'a', 'aaaa'), show('a{,2}', 'aaa'), show('a{1,2}', 'aaa'), show('a{', 'a{'), show('a{1,x}', 'a{1,x}'), show('a{}', 'a{}')
show('a+?', 'aaa'), show('a*?b', 'aab'), show('a??', 'a'), show('a{2,3}?', 'aaaa'), show('<.*?>', '<a><b>')
show('a*+a', 'aaa'), show('a++b', 'aab'), show('(?>a+)a', 'aaa'), show('(?>ab|a)c', 'ac', 'abc'), show('(?:ab|a)?+b', 'ab')
show('(a)(?:b)(?P<c>c)', 'abc'), show(r'(\w)\1', 'abccd'), show(r'(?P<q>["\']).*?(?P=q)', 'say "hi" it\'s'), show(r'(a)|\1b', 'b')
show(r'\w+(?=!)', 'hi! yo'), show(r'\w+(?!!)\b', 'hi! yo'), show(r'(?<=\$)\d+', 'cost $42'), show(r'(?<!\$)\b\d+', '$42 17')
show(r'(?<=ab|cd)x', 'cdx'), show(r'(?<=(a))b\1', 'aba'), show(r'(?=(\w+))\w', 'abc'), show(r'(?!(a))\w', 'ab')
show(r'(<)?\w+(?(1)>)', '<a>', 'b', '<c'), show(r'(?P<o>\()?x(?(o)\)|!)', '(x)', 'x!', '(x!')
show('a(?#comment)b', 'ab'), show('(a|ab)(c|bcd)(d*)', 'abcd'), show('(a*)*', 'b'), show('(a*)+', 'aa'), show('(a|)+b', 'aab')
show('(?:a?)*?b', 'aab'), show('(a?){3}', 'aa'), show('(?:(a)|b)+', 'ab'), show('(?:(a)|(b))*', 'ab'), show('((a)|b)*?c', 'abc')
show('x*$', 'ab\n'), show('(?m)x*$', 'a\nb'), show(r'^\s*$', '\n', ' \n'), show(r'\d+$', '12\n34\n')
show('(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\\11', 'abcdefghijkk')
show('[\\w-]+', 'a-b_c'), show('[-a]+', '-a'), show('[a-]+', 'a-'), show('[\\^a]+', '^a'), show('[a^]+', 'a^')
