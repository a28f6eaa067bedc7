# Checks: all string quote forms, escapes, raw strings, triple-quoted strings, implicit concatenation.
print('single', "double")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "mixed 'quotes'")
print("""triple
double""")
print('''triple
single''')
print("tab:\there", "newline:\nnext")
print("backslash \\ done")
print("\x41\x62 \101 \u00e9 \u4e2d \N{GREEK SMALL LETTER ALPHA}")
print(len("\x41"), len("\n"), len("\\n"), len("\u00e9"))
print(r"raw \n stays", R'raw \t too', len(r"\n"))
print(r"C:\path\to\file")
print("implicit" " concatenation" ' works')
print("a" 'b' """c""")
s = """line1
    line2 indented
line3"""
print(s)
print(s.split("\n"))
t = """\
no leading newline"""
print(t)
print("continued \
string")
print(repr("quote ' inside"), repr('quote " inside'), repr("both ' and \""))
print(repr("tab\t"), repr("nl\n"), repr("bs\\"), repr("\x00\x7f"))
print(repr("é"), repr("中"))
print("")
print(repr(""))
print('\'', "\"", '"', "'")
