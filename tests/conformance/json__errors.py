# Checks: json's errors: JSONDecodeError (a ValueError) with CPython's message, msg, doc, pos, lineno, colno for every scanner error (Expecting value / property name / ':' / ',' delimiter, Unterminated string, Invalid control character, Invalid \escape, Invalid \uXXXX escape, Extra data, UTF-8 BOM) on one and several lines and after non-ASCII text; loads of a non-str; raw_decode index errors; dumps errors (not serializable, bad keys, NaN with allow_nan=False, circular references in lists, dicts and through default, unorderable keys with sort_keys, unknown keywords).
import json


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except json.JSONDecodeError as e:
        print(label, "!! JSONDecodeError", e, "|", e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


for s in ["", " ", "[1,]", '{"a":1,}', '{"a" 1}', "[1 2]", '"abc', '"a\\x"', '"\\u12"', '"\\u12x4"',
          '"\\ud83d\\uzzzz"', '"\\', '"\\u1234', "01", "{1:2}", '"\x01"', "tru", "nul", "-", "-a",
          "[", "{", "[1, 2", '{"a": 1', '{"a"', '{"a":', "1.", "1.5e", "1e+", "[1]]", "\u00e9",
          '"\u00e9\u00e9" x', " \n [\n 1,\n x]", '{\n  "a": [1,\n   2 x]}', "\ufeff1", "[1,\n\n2,\n3 4]",
          "{\"a\": 1 \"b\": 2}", "[-]", "[.5]", "[+1]", "[0x10]", "[Nan]", "[-Inf]"]:
    t(repr(s), lambda: json.loads(s))
t("loads int", lambda: json.loads(5))
t("loads None", lambda: json.loads(None))
t("raw_decode space", lambda: json.JSONDecoder().raw_decode(" 1"))
t("raw_decode past end", lambda: json.JSONDecoder().raw_decode("1", 5))
t("raw_decode negative", lambda: json.JSONDecoder().raw_decode("1", -1))
t("decode error args", lambda: json.JSONDecodeError("m", "ab\ncd", 4).args)
e = json.JSONDecodeError("msg", "x\ny\nz", 4)
print(e.msg, e.doc == "x\ny\nz", e.pos, e.lineno, e.colno, str(e))

t("nan", lambda: json.dumps(float("nan"), allow_nan=False))
t("inf key", lambda: json.dumps({float("inf"): 1}, allow_nan=False))
t("tuple key", lambda: json.dumps({(1, 2): 3}))
t("object", lambda: json.dumps(object()))
t("nested object", lambda: json.dumps({"a": [1, {"b": {1, 2}}]}))
t("bytes", lambda: json.dumps(b"x"))
t("unorderable", lambda: json.dumps({1: 2, "a": 3}, sort_keys=True))
a = []
a.append(a)
t("circular list", lambda: json.dumps(a))
d = {}
d["x"] = [d]
t("circular dict", lambda: json.dumps(d))


class Node:
    pass


n = Node()
t("circular default", lambda: json.dumps(n, default=lambda o: [o]))
t("default raises", lambda: json.dumps(n, default=lambda o: 1 / 0))
t("unknown keyword", lambda: json.dumps([1], foo=1))
t("loads unknown keyword", lambda: json.loads("[1]", foo=1))
t("parse_int raises", lambda: json.loads("[1]", parse_int=lambda s: int(s) / 0))
a.clear()
d.clear()
