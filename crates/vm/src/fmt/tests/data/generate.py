#!/usr/bin/env python3
"""Regenerates the fmt test data files (*.txt next to this script) with CPython 3.11.

Each case runs a Python expression (repr, format, %, int, float, ...) and records
its result or exception; the Rust harness in ../mod.rs replays the same command.
Usage: python3 generate.py   (must be CPython 3.11: messages and int limits differ
between versions).
"""
import random, struct, math, itertools, sys, os
import sys as _s; _s.set_int_max_str_digits(0)
random.seed(12345)
def bits(x): return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]
def hx(s): return s.encode('utf-8','surrogatepass').hex()

def py(f):
    _s.set_int_max_str_digits(4300)
    try: return py_(f)
    finally: _s.set_int_max_str_digits(0)
def py_(f):
    try: return ('OK', f())
    except Exception as e: return ('ERR', type(e).__name__, str(e))

def rand_float():
    r = random.random()
    if r < 0.3:
        return struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0]
    if r < 0.6:
        return random.uniform(-1,1) * 10 ** random.randint(-30, 30)
    if r < 0.8:
        return round(random.uniform(-1000,1000), random.randint(0,6))
    return random.choice([0.0,-0.0,1.0,0.1,0.5,1.5,2.5,0.125,0.375,1e16,1e15,9999999999999998.0,1e22,1e-5,1e-4,1e-7,5e-324,2.2250738585072014e-308,1.7976931348623157e308,123456789012345.0,1234567890123456.0,12345678901234567.0,float('inf'),-float('inf'),float('nan'),0.3,2/3,100.0,1e100,-1e-100, 999.9999, 9.5, 0.05, 0.0005])

def repr_cases(n):
    out = []
    for _ in range(n):
        x = rand_float()
        out.append((f'repr {bits(x)}', py(lambda: repr(x))))
    return out

INT_SPECS = ['', 'd', 'b', 'o', 'x', 'X', 'c', 'n', 'e', 'E', 'f', 'F', 'g', 'G', '%', ',', '_', ',d', '_d', '_b', '_x', '_o', '_X', ',x', '#x', '#X', '#o', '#b', '#010x', '+d', ' d', '-d', '+', ' ', '010', '010,', '010_', '0=10', '*^10', '<10', '>10', '^10', '=10', 'x<10', '0<10', '0>10', '^11,', '+#012_x', '012,.2f', '.2', '.2f', ',.3e', '10.1%', 'z', 'zd', '5c', '<5c', '-c', '#c', 'q', '\x01', 'é', 'xx', '.', ',_', '_,', ',,', '_c', ',c', ',n', '13,', '=+13,', '020,', '020_', '021,', '019,', '0=+12_', 'x=+12,', '#010b', '#_b', ' #x', '0', '00', '1', '99999999999999999999', '.99999999999999999999', '🎉^9', '🎉=9', ',g', '_e', '.0e', '#.0e', '.3g', '.0%', 'z.2f']
INT_VALUES = [0, 1, -1, 7, -7, 42, 65, 255, -255, 1000, -1000, 1234567, -1234567, 10**9, 2**64, -2**64, 10**20, 0x10ffff, 0x110000, 128512, 2**70, 10**16+1]

def int_format_cases():
    out = []
    for v in INT_VALUES:
        for s in INT_SPECS:
            out.append((f'fi {v} {hx(s)}', py(lambda: format(v, s))))
    out.append((f'fi {10**5000} {hx("d")}', py(lambda: format(10**5000, 'd'))))
    out.append((f'fi {10**4299} {hx("")}', py(lambda: format(10**4299, ''))))
    out.append((f'fi {10**4300} {hx("")}', py(lambda: format(10**4300, ''))))
    out.append((f'fi {-10**4299} {hx("")}', py(lambda: format(-10**4299, ''))))
    out.append((f'fi {10**400} {hx("e")}', py(lambda: format(10**400, 'e'))))
    out.append((f'fi {2**1024} {hx("f")}', py(lambda: format(2**1024, 'f'))))
    out.append((f'fi {2**1024-2**970} {hx("f")}', py(lambda: format(2**1024-2**970, 'f'))))
    out.append((f'fi {2**1024-2**971} {hx("f")}', py(lambda: format(2**1024-2**971, 'f'))))
    for _ in range(300):
        v = random.randint(-10**random.randint(1,40), 10**random.randint(1,40))
        s = random.choice(INT_SPECS)
        out.append((f'fi {v} {hx(s)}', py(lambda: format(v, s))))
    return out

FLOAT_SPECS = ['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%', '.0', '.1', '.2', '.3', '.5', '.10', '.16', '.17', '.20', '.0e', '.1e', '.3e', '.20e', '.0f', '.1f', '.2f', '.3f', '.10f', '.30f', '.0g', '.1g', '.2g', '.3g', '.10g', '.17g', '.0%', '.1%', '#', '#.0', '#.3', '#g', '#.0g', '#.3g', '#e', '#.0e', '#f', '#.0f', ',', '_', ',.2f', '_.3f', ',e', ',g', ',%', '015,.2f', '015_.2f', '+', ' ', '-', '+.2f', ' .2e', '010', '010.2f', '0=10', '*^12', '<12', '>12', '^12', '=12', 'x<12', '+015.3e', 'z', 'z.1f', 'z.0f', 'z.3e', 'z.2g', 'z%', '+z.1f', 'd', 'x', 's', 'c', ',n', 'n', '.3n', '20,', '020,', '0=20,', '019,.1f', '.1000f', '.800e', '.400g', '#.400g', '.2000f', '.3000000000f', '.1100', '1.', '.', '🎉^15.3']
def float_format_cases():
    out = []
    vals = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1e16, 1e15, 123456.789, -1234567.891, 1e-5, 1e-4, 0.00012345, 1e22, 1e100, 5e-324, 1.7976931348623157e308, float('inf'), -float('inf'), float('nan'), 2/3, 100.0, 9.995, 0.045, 1234.5, 0.0004, -0.0004, 1e300, 99.99]
    for v in vals:
        for s in FLOAT_SPECS:
            out.append((f'ff {bits(v)} {hx(s)}', py(lambda: format(v, s))))
    for _ in range(1500):
        v = rand_float()
        s = random.choice(FLOAT_SPECS[:-6])
        out.append((f'ff {bits(v)} {hx(s)}', py(lambda: format(v, s))))
    return out

STR_SPECS = ['', 's', '5', '<5', '>5', '^5', '^6', '*^7', '05', '0<5', '=5', '+', '-', ' ', '#', 'z', ',', '_', 'd', '.2', '.0', '10.3', '>10.3s', 'x', 'ss', '.', '🎉>4', '\x01', ',d', '_s', '.99999999999999999999', '99999999999999999999']
def str_format_cases():
    out = []
    for v in ['', 'a', 'abc', 'hello world', 'héllo', '日本語', '🎉x']:
        for s in STR_SPECS:
            out.append((f'fs {hx(v)} {hx(s)}', py(lambda: format(v, s))))
    return out

INT_STRS = ['0', '-0', '+0', '1', '-1', '  42  ', '\t\n42\x0b\x0c', '1_000', '1__0', '_1', '1_', '0x1f', '0X1F', '0o17', '0b101', '0b_1', '0x_1f', '0x__1', '010', '00', '0_0', '0_', '0', 'abc', 'z', 'Z', '', ' ', '+-1', '- 1', '12a', '١٢٣', '\u2003 12 \u3000', ' 12 \x1c', '1\x00', '12é', '9'*50, '-'+'9'*50, 'ffff', '0x', '0b2', '0o8', '1.5', '1e5', '٣_٤', 'a'*300, '0'*5000+'1', '1'*4300, '1'*4301, '1'*4301+'x']
def int_parse_cases():
    out = []
    for s in INT_STRS:
        for b in [0, 10, 2, 8, 16, 36, 7, 1, 37]:
            r = py(lambda: int(s, b))
            if r[0] == 'OK': r = ('OK', str(r[1]))
            out.append((f'int {hx(s)} {b}', r))
    out.append((f'int {hx("f"*5000)} 16', ('OK', str(int("f"*5000, 16)))))
    return out

FLOAT_STRS = ['0', '-0', '1', '1.5', ' 1.5\n', '.5', '5.', '.', '1e5', '1E+05', '1e-5', '1e', '1e+', 'e5', '-.5e-3', '+1.0', 'inf', '-inf', '+inf', 'Infinity', '-iNfInItY', 'infinit', 'nan', '-nan', 'NaN', '+nan', 'nan_', '1_0', '1__0', '_1', '1_', '1_.5', '1._5', '1.5_5', '1e1_0', '1e_1', '', ' ', '0x10', '1\x00', '١.٥', '\u20031.5\u3000', '1e999', '-1e-999', '1'*400, '0.'+'0'*400+'1', '2.2250738585072011e-308', '4.9406564584124654e-324', '2.4703282292062327e-324', '2.4703282292062328e-324', '9007199254740993', '1.5é', 'abc', '--1', '1..2', '1.2.3', '12 34', 'in f', '0e0', '00012.50']
def float_parse_cases():
    return [(f'float {hx(s)}', py(lambda: repr(float(s)))) for s in FLOAT_STRS]

def repr_str_cases():
    out = []
    base = ['', 'a', "it's", 'say "hi"', 'both \' and "', '\\', '\t\n\r', '\x00\x01\x1f\x7f', '\x80\x9f\xa0\xa9\xad', 'héllo', '日本語', '\u2028\u2029', '\u200b\u200e\ufeff', '\ue000', '\U0001f389', '\U000e0001', '\U0010ffff', '\u0378', '\u3000', '\u00a0x', 'ᅟ', '\U0001f600\u0300']
    for s in base:
        out.append((f'srepr {hx(s)}', py(lambda: repr(s))))
    # random code points
    pts = []
    for _ in range(2000):
        c = random.choice([random.randint(0, 0x2ff), random.randint(0, 0xffff), random.randint(0, 0x10ffff)])
        # Surrogates, and U+FF800..U+FFFFF, which gil-lab keeps as their stand-ins (docs/language.md).
        if 0xd800 <= c <= 0xdfff or 0xff800 <= c <= 0xfffff: continue
        pts.append(c)
    for i in range(0, len(pts), 20):
        s = ''.join(map(chr, pts[i:i+20]))
        out.append((f'srepr {hx(s)}', py(lambda: repr(s))))
    for b in [b'', b'abc', b"it's", b'"', b'\'"', b'\\', b'\t\n\r\x00\x7f\x80\xff', bytes(range(256))]:
        out.append((f'brepr {b.hex()}', py(lambda: repr(b))))
    for v in [0, 1, -1, 31, -31, 255, 2**100, -2**100]:
        for base in [2, 8, 10, 16]:
            f = {2: bin, 8: oct, 10: str, 16: hex}[base]
            out.append((f'base {v} {base}', py(lambda: f(v))))
    for v in [0, -5, 10**4299, -10**4299, 10**4300, 10**5000, 2**14300, 2**14280]:
        out.append((f'istr {v}', py(lambda: str(v))))
    return out

class PA:
    pass
def pct_arg(a):
    if isinstance(a, bool): return f'b:{int(a)}'
    if isinstance(a, int): return f'i:{a}'
    if isinstance(a, float): return f'f:{bits(a)}'
    return f's:{hx(a)}'

PCT = [
 ('%d', (42,)), ('%i', (-42,)), ('%u', (7,)), ('%5d', (42,)), ('%-5d|', (42,)), ('%05d', (-42,)), ('%+d', (5,)), ('% d', (5,)), ('%+ d', (5,)), ('% +d', (-5,)),
 ('%.5d', (-3,)), ('%8.5d', (-3,)), ('%-8.5d|', (3,)), ('%08.5d', (3,)), ('%x', (255,)), ('%X', (255,)), ('%#x', (255,)), ('%#X', (-255,)), ('%#08x', (255,)), ('%#8x', (255,)), ('%-#8x|', (255,)),
 ('%#.5x', (3,)), ('%o', (8,)), ('%#o', (8,)), ('%#05o', (8,)), ('%#5o', (-8,)), ('%+#x', (255,)), ('%+#010X', (255,)), ('% #x', (-255,)),
 ('%d', (3.7,)), ('%d', (-3.7,)), ('%d', (1e20,)), ('%d', (True,)), ('%s', (True,)), ('%x', (True,)), ('%x', (3.0,)), ('%o', ('a',)), ('%d', ('x',)), ('%i', ('x',)), ('%d', (float('nan'),)), ('%d', (float('inf'),)),
 ('%f', (1.5,)), ('%f', (2,)), ('%.2f', (2.675,)), ('%10.3f', (-3.24159,)), ('%-10.3f|', (3.24159,)), ('%010.3f', (-3.24159,)), ('%+.1f', (0.05,)), ('% .1f', (0.25,)), ('%F', (float('inf'),)), ('%f', (float('nan'),)), ('%05f', (float('inf'),)), ('%+05f', (float('-inf'),)),
 ('%e', (12345.678,)), ('%E', (1e-10,)), ('%.0e', (5.5,)), ('%#.0e', (5.5,)), ('%g', (1e-5,)), ('%g', (123456789.0,)), ('%G', (1e-10,)), ('%#g', (1.0,)), ('%.3g', (1e10,)), ('%.0g', (0.5,)), ('%10.4g|', (3.24159,)), ('%#.0f', (1.0,)), ('%.0f', (0.5,)), ('%.0f', (1.5,)),
 ('%f', ('x',)), ('%f', (10**400,)), ('%e', (10**20,)), ('%.50f', (0.1,)), ('%.120e', (0.1,)), ('%.1000f', (1e-300,)),
 ('%s', ('abc',)), ('%5s|', ('abc',)), ('%-5s|', ('abc',)), ('%.2s', ('abc',)), ('%5.1s|', ('abc',)), ('%05s', ('a',)), ('%+s', ('a',)), ('%r', ('a\n',)), ('%a', ('é🎉',)), ('%r', ('é',)), ('%10r', ('x',)), ('%.3r', ('abcdef',)), ('%s', (1.5,)), ('%r', (1e16,)), ('%s', ('日本',)), ('%4s|', ('日本',)),
 ('%c', (65,)), ('%c', ('x',)), ('%c', ('ab',)), ('%c', (3.0,)), ('%c', (-1,)), ('%c', (0x110000,)), ('%c', (0x1f389,)), ('%5c', (65,)), ('%-5c|', (65,)), ('%05c', (65,)), ('%+c', (65,)),
 ('%%', ()), ('100%%', ()), ('%5%', ()), ('%5%', (1,)), ('%', ()), ('abc%', ()), ('%z', ()), ('%z', (1,)), ('%é', (1,)), ('abc %\x01', (1,)), ('%(a)s', (1,)), ('%(a', (1,)), ('%-', ()), ('%5', (1,)), ('%.', (1,)), ('%.5', (1,)), ('%*', (1,)), ('%*d', (5,)),
 ('%*d', (5, 1)), ('%*d', (-5, 1)), ('%*d|', (-5, 1)), ('%-*d|', (5, 1)), ('%.*f', (2, 3.24159)), ('%.*f', (-3, 1.0)), ('%*.*f|', (10, 2, 3.24159)), ('%*d', (5.0, 1)), ('%*d', ('5', 1)), ('%.*d', (3, 1)),
 ('%s %s', (1,)), ('%s', (1, 2)), ('', (1,)), ('no format', ()), ('%s and %d and %r', ('a', 2, 'c')), ('%hd %ld %Ld', (1, 2, 3)), ('%h', (1,)), ('%l', ()), ('%lz', (1,)), ('%5.2', (1,)),
 ('%d', (10**5000,)), ('%x', (10**5000,)), ('%d', (10**30,)), ('%,d', (1,)), ('%_d', (1,)), ('%99999999999999999999d', (1,)), ('%.99999999999999999999f', (1.0,)), ('%.2147483648f', (1.0,)), ('%0-5d|', (3,)), ('%-05d|', (3,)), ('%-+05d|', (3,)), ('%010s|', ('ab',)), ('%#5.3o', (8,)), ('%#x', (0,)), ('%#o', (0,)), ('%#.0x', (0,)), ('%.0d', (0,)),
 ('%s', ('',)), ('%.0s|', ('abc',)), ('%3c', ('日',)), ('%a', ('\x00\u2028',)), ('%r', ('\U0001f389',)), ('%#X', (0xabc,)), ('%x', (-0xabc,)), ('%08.3e', (-1.5,)), ('% 08.3f', (1.5,)), ('%+08.3g', (1e-9,)), ('%#08x', (-255,)), ('% #8o', (8,)),
]
def pct_cases():
    out = []
    for f, args in PCT:
        out.append((f'pct {hx(f)} ' + ' '.join(pct_arg(a) for a in args), py(lambda: f % args)))
    return out

ALL = {'repr': lambda: repr_cases(int(__import__("os").environ.get("NREPR","3000"))), 'fint': int_format_cases, 'ffloat': float_format_cases, 'fstr': str_format_cases,
       'pint': int_parse_cases, 'pfloat': float_parse_cases, 'repr_str': repr_str_cases, 'pct': pct_cases}

def rand_spec(types):
    parts = []
    r = random.random()
    if r < 0.3: parts.append(random.choice(['<','>','=','^']))
    elif r < 0.5: parts.append(random.choice(['*','0','x','🎉',' ']) + random.choice(['<','>','=','^']))
    if random.random() < 0.3: parts.append(random.choice(['+','-',' ']))
    if random.random() < 0.1: parts.append('z')
    if random.random() < 0.2: parts.append('#')
    if random.random() < 0.3: parts.append('0')
    if random.random() < 0.6: parts.append(str(random.randint(0, 25)))
    if random.random() < 0.3: parts.append(random.choice([',','_']))
    if random.random() < 0.4: parts.append('.' + str(random.randint(0, 20)))
    if random.random() < 0.85: parts.append(random.choice(types))
    return ''.join(parts)

def fuzz_cases(n=4000):
    out = []
    for _ in range(n):
        k = random.random()
        if k < 0.4:
            v = random.choice([random.randint(-10**6, 10**6), random.randint(-10**30, 10**30), random.choice(INT_VALUES)])
            s = rand_spec('bcdoxXneEfFgG%s')
            out.append((f'fi {v} {hx(s)}', py(lambda: format(v, s))))
        elif k < 0.8:
            v = rand_float()
            s = rand_spec('eEfFgGn%d')
            out.append((f'ff {bits(v)} {hx(s)}', py(lambda: format(v, s))))
        elif k < 0.85:
            v = random.choice(['', 'a', 'abc', 'héllo wörld', '日本語'])
            s = rand_spec('sd')
            out.append((f'fs {hx(v)} {hx(s)}', py(lambda: format(v, s))))
        else:
            flags = ''.join(random.sample('-+ #0', random.randint(0, 3)))
            w = random.choice(['', str(random.randint(0, 15)), '*'])
            p = random.choice(['', '', '.' + str(random.randint(0, 12)), '.*'])
            c = random.choice('diuoxXeEfFgGcsra')
            args = []
            if w == '*': args.append(random.randint(-12, 12))
            if p == '.*': args.append(random.randint(-2, 12))
            if c in 'diuoxXc': v = random.choice([random.randint(-10**8, 10**8), 0, 65, -1, 255])
            elif c in 'eEfFgG': v = rand_float()
            else: v = random.choice(['abc', 'é', 'x\ny', 42, 1.5])
            if c in 'di' and random.random() < 0.2: v = rand_float()
            args.append(v)
            f = '[%' + flags + w + p + c + ']'
            out.append((f'pct {hx(f)} ' + ' '.join(pct_arg(a) for a in args), py(lambda: f % tuple(args))))
    return out
ALL['fuzz'] = fuzz_cases
def esc(s):
    out = []
    for ch in s:
        c = ord(ch)
        if ch == '\\': out.append('\\\\')
        elif ch == '\t': out.append('\\t')
        elif ch == '\n': out.append('\\n')
        elif ch == '\r': out.append('\\r')
        elif c < 0x20 or c == 0x7f or (c >= 0x80 and not ch.isprintable()): out.append('\\u{%x}' % c)
        else: out.append(ch)
    return ''.join(out)

def fl(b):  # bits hex -> repr text
    return repr(struct.unpack('<d', struct.pack('<Q', int(b, 16)))[0])

def convert(cmd):
    p = cmd.split(' ')
    k = p[0]
    def u(h): return bytes.fromhex(h).decode('utf-8')
    if k == 'repr': return [k, fl(p[1])]
    if k == 'fi': return [k, p[1], esc(u(p[2]))]
    if k == 'ff': return [k, fl(p[1]), esc(u(p[2]))]
    if k == 'fs': return [k, esc(u(p[1])), esc(u(p[2]))]
    if k == 'int': return [k, esc(u(p[1])), p[2]]
    if k == 'float': return [k, esc(u(p[1]))]
    if k == 'srepr': return [k, esc(u(p[1]))]
    if k == 'brepr': return [k, p[1]]
    if k in ('base',): return [k, p[1], p[2]]
    if k == 'istr': return [k, p[1]]
    if k == 'pct':
        args = []
        for a in p[2:]:
            if not a: continue
            t, v = a[:2], a[2:]
            if t == 'f:': args.append('f:' + fl(v))
            elif t == 's:': args.append('s:' + esc(u(v)))
            else: args.append(a)
        return [k, esc(u(p[1]))] + args
    raise ValueError(k)

def write(name, cs, header, limit=600):
    cs = [c for c in cs if len(c[0]) < limit and len(repr(c[1])) < limit]
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), name), 'w') as f:
        for h in header: f.write('# ' + h + '\n')
        for cmd, exp in cs:
            exp = ['OK', esc(exp[1])] if exp[0] == 'OK' else ['ERR', exp[1], esc(exp[2])]
            f.write('\t'.join(convert(cmd) + ['=>'] + exp) + '\n')
    print(name, len(cs))

HDR = ['Generated with CPython 3.11 by generate.py.',
       'Fields are TAB-separated: command, arguments, "=>", then OK + result or ERR + exception type + message.',
       'Escapes: \\\\ \\t \\n \\r and \\u{hex} for control and non-printable characters.']
random.seed(2024)
rc = repr_cases(2000)
write('float_repr.txt', rc, HDR)
random.seed(7)
fi = int_format_cases()
random.seed(8)
ff = float_format_cases()
random.seed(9)
fz = [c for c in fuzz_cases(2000) if not c[0].startswith('pct')]
write('format.txt', [c for i, c in enumerate(fi) if i % 2 == 0] + [c for i, c in enumerate(ff) if i % 2 == 0 or i >= 3400] + str_format_cases() + fz, HDR)
random.seed(10)
pz = [c for c in fuzz_cases(6000) if c[0].startswith('pct')]
write('percent.txt', pct_cases() + pz, HDR)
write('parse.txt', [c for c in int_parse_cases() if len(c[0]) < 30000] + float_parse_cases(), HDR)
write('repr.txt', repr_str_cases(), HDR)
