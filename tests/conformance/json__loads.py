# Checks: json.loads and json.load: every value kind, whitespace, nesting, escapes (\", \\, \/, \b, \f, \n, \r, \t, \uXXXX, surrogate pairs), non-ASCII text, numbers (ints, big ints, exponents, -0), NaN/Infinity, duplicate keys (last wins, first position), object_hook, object_pairs_hook, parse_float, parse_int, parse_constant, strict=False, bytes input (UTF-8, UTF-8 BOM, UTF-16), JSONDecoder.raw_decode, json.decoder.scanstring, and round trips through dumps.
import io
import json
from json import decoder

for s in ["null", "true", "false", "0", "-0", "12", "-12.5e-3", "1E+2", "1.5", "1e400", "-1e400",
          '"abc"', '""', "[]", "{}", " \n\t[1, 2 ,3 ] \r\n", '{"a": {"b": [true, false, null]}}',
          "12345678901234567890123", "-12345678901234567890123", "NaN", "-Infinity", "[Infinity]",
          '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\u00e9\\ud83d\\ude00\\u0041"', '"\u00e9\u00e8 \U0001f600"',
          '"\\uD83D\\uDE00"', "[" * 20 + "]" * 20, '{"a": 1, "b": 2, "a": 3}', "  42  "]:
    print(repr(s), "->", repr(json.loads(s)))
print(json.loads('{"a": 1.5, "b": 2, "c": [3, 4.0]}', parse_float=lambda s: "F" + s, parse_int=lambda s: "I" + s))
print(json.loads('{"a": {"b": 2}, "c": 3}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": 2, "a": 3}', object_pairs_hook=lambda p: p))
print(json.loads('{"a": {"x": 1}}', object_pairs_hook=dict, object_hook=lambda d: "unused"))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: s.lower()))
print(json.loads('"a\tb"', strict=False), json.loads('{"x\ny": 1}', strict=False))
print(json.loads(b'{"x": [1, 2]}'), json.loads('[1, "\u00e9"]'.encode("utf-16")), json.loads(b"\xef\xbb\xbf[2]"))
print(json.loads('"\u00e9"'.encode("utf-8")))
print(json.load(io.StringIO('{"k": [1, "v"]}')))
d = json.JSONDecoder()
print(d.raw_decode('[1, 2] tail'), d.raw_decode('xx"\u00e9" 3', 2), d.raw_decode('{"a":1}'))
print(decoder.scanstring('"ab\\n" rest', 1), decoder.scanstring('x"\u00e9\u00e9"', 2))
print(decoder.JSONDecoder is json.JSONDecoder, decoder.JSONDecodeError is json.JSONDecodeError)
data = {"list": [1, 2.5, "three", None, True], "nested": {"a": {"b": {"c": []}}}, "uni": "\u0105\u0107", "big": 2 ** 80}
for kw in [{}, {"indent": 2}, {"sort_keys": True, "separators": (",", ":")}, {"ensure_ascii": False}]:
    text = json.dumps(data, **kw)
    print(json.loads(text) == data, len(text))
keys = json.loads('[{"name": 1}, {"name": 2}]')
print(keys[0].keys() == keys[1].keys())
