# Checks: string's constants (ascii_letters, ascii_lowercase, ascii_uppercase, digits, hexdigits, octdigits, punctuation, printable, whitespace) and capwords with and without a separator.
import string

for name in ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'digits', 'hexdigits',
             'octdigits', 'punctuation', 'printable', 'whitespace']:
    v = getattr(string, name)
    print(name, repr(v), len(v), type(v).__name__)
print(string.printable == string.digits + string.ascii_letters + string.punctuation + string.whitespace)
print(all(c.isprintable() or c in string.whitespace for c in string.printable))
print(string.capwords('  hello   wORLD  again '), repr(string.capwords('')), repr(string.capwords('   ')))
print(string.capwords('a-b c-d', '-'), string.capwords('x, y,z', ', '), string.capwords("they're bill's", None))
print(string.capwords('\tone\ntwo'), sorted(n for n in string.__all__))
