# Checks: a deterministic sample of generated patterns (literals, classes, categories, anchors, alternation, groups, greedy/lazy/bounded repeats, scoped flags, look-arounds, atomic groups, back-references, conditionals, nullable repeats) searched, matched, fullmatched, iterated, substituted and split over ASCII and non-ASCII texts, under several flags: the results of both matching engines must be CPython's.
import re

state = 7


def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (state >> 33) % n


def pick(xs):
    return xs[rnd(len(xs))]


ATOMS = ['a', 'b', '.', r'\d', r'\w', r'\s', r'\W', '[ab]', '[^a]', '[a-c]', r'\b', r'\B', '^',
         '$', 'A', 'é', '\n', ' ', r'[\d\s]', r'\Z', 'K', 's', 'ſ']
SUFFIXES = ['*', '+', '?', '*?', '+?', '??', '{2}', '{1,3}', '{,2}', '{2,}?', '*+', '?+']
SPECIAL = ['(a|b)\\1', '(?P<n>\\w)(?P=n)', '(a)?(?(1)b|c)', '(a*)*', '(a|)+', '(?:a?)*?b',
           '(\\w+)\\s\\1', '(?<=\\b)\\w', '(?<!a)b', '(?>a|ab)b']


def gen(d):
    k = rnd(11) if d < 3 else 0
    if k <= 3:
        return pick(ATOMS)
    if k == 4:
        return gen(d + 1) + gen(d + 1)
    if k == 5:
        return '(' + gen(d + 1) + '|' + gen(d + 1) + ')'
    if k == 6:
        return '(?:' + gen(d + 1) + ')' + pick(SUFFIXES)
    if k == 7:
        return '(' + gen(d + 1) + ')' + pick(['*', '+', '?', '*?'])
    if k == 8:
        opener = pick(['(?i:', '(?s:', '(?m:', '(?a:', '(?=', '(?!', '(?>', '(?<=', '(?<!'])
        return opener + gen(d + 1) + ')'
    if k == 9:
        return pick(SPECIAL)
    return gen(d + 1) + gen(d + 1) + gen(d + 1)


SUBJECTS = ['', 'ab', 'abc\n', 'aab bca', 'AbC ab\nab', 'x1 2é ß\n', 'ba\nab\n', 'K ſ Ss k', 'éab']
errors = 0
for i in range(70):
    p = gen(0)
    flags = pick([0, 0, re.I, re.M, re.S, re.A, re.I | re.A])
    try:
        c = re.compile(p, flags)
    except re.error as e:
        errors += 1
        print(i, repr(p), 'error:', e)
        continue
    for s in SUBJECTS:
        m = c.search(s)
        n = c.match(s)
        f = c.fullmatch(s)
        print(i, repr(p), int(flags), repr(s),
              m and (m.span(), m.groups(), m.lastindex), n and n.span(), f and f.span(),
              [x.span() for x in c.finditer(s)], c.sub('<\\g<0>>', s), c.split(s),
              c.search(s, 1, 3))
print('errors', errors)
