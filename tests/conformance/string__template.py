# Checks: string.Template: substitute and safe_substitute with $name, ${name}, $$ and a mapping and/or keywords (keywords win), KeyError for a missing name, ValueError with line and column for an invalid placeholder, is_valid, get_identifiers, the argument errors, and subclasses with their own delimiter, idpattern, braceidpattern and flags.
import re
import string
from string import Template

t = Template('$who likes ${what}; $$5 costs $$$amount')
print(t.template, t.substitute(who='tim', what='kung pao', amount=5))
print(t.substitute({'who': 'ann', 'what': 'tea', 'amount': 2}, who='bob'))
print(t.safe_substitute(who='x'), t.is_valid(), t.get_identifiers())
for text, kw in [('$x $', {'x': 1}), ('$x $1', {'x': 1}), ('${x', {'x': 1}), ('a\n b $', {}),
                 ('${x} ${y}', {'x': 1}), ('$x${x}$x', {'x': 'r'}), ('${ x}', {}), ('$', {})]:
    tt = Template(text)
    try:
        print(repr(tt.substitute(kw)))
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
    print(repr(tt.safe_substitute(kw)), tt.is_valid(), tt.get_identifiers())
try:
    Template('$a').substitute({}, {})
except TypeError as e:
    print('TypeError', e)
print(Template('$a_1 $_b $Ab $a-b').safe_substitute({'a_1': 1, '_b': 2, 'Ab': 3, 'a': 4}))
print(Template('$é').safe_substitute(), Template('$x').substitute(x=[1, 2]))


class Percent(Template):
    delimiter = '%'


class Dotted(Template):
    idpattern = r'[a-z]+(?:\.[a-z]+)*'
    flags = 0


class Braced(Template):
    braceidpattern = r'[^}]+'


class Custom(Template):
    pattern = r'''
    \#(?:
      (?P<escaped>\#) |
      (?P<named>[a-z]+) |
      <(?P<braced>[a-z]+)> |
      (?P<invalid>)
    )'''


print(Percent('%x and $x and %%').substitute(x=5))
print(Dotted('$a.b $A.b').safe_substitute({'a.b': 'ok'}), Dotted('$a.b').get_identifiers())
print(Braced('${any thing} $x').substitute({'any thing': 1, 'x': 2}))
print(Custom('#a #<b> ## #').safe_substitute(a=1, b=2), Custom('#a').is_valid(), Custom('# x').is_valid())
print(isinstance(Template.pattern, re.Pattern), Template.delimiter, Template.flags == re.IGNORECASE)
print(Template('$who').substitute(who=Template('$x').template))
