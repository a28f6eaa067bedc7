# Checks: json.JSONEncoder and JSONDecoder as classes: attributes set by the constructor, separators chosen by indent, a subclass overriding default() (with super() for the rest), a subclass overriding iterencode, encode/iterencode on an instance, cls= for dumps and loads, and a JSONDecoder subclass with hooks.
import json


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        return super().default(o)


print(json.dumps({"s": {3, 1, 2}, "p": Point(1, [Point(2, 3)])}, cls=SetEncoder))
print(json.dumps([{1, 2}], cls=SetEncoder, indent=2))
try:
    json.dumps({"s": object()}, cls=SetEncoder)
except TypeError as e:
    print("TypeError", e)

enc = json.JSONEncoder()
print(enc.item_separator, enc.key_separator, enc.skipkeys, enc.ensure_ascii, enc.check_circular, enc.allow_nan, enc.sort_keys, enc.indent)
enc2 = json.JSONEncoder(indent=4, sort_keys=True)
print(repr(enc2.item_separator), repr(enc2.key_separator), enc2.encode({"b": 1, "a": [1]}))
enc3 = json.JSONEncoder(separators=(";", "="))
print(enc3.encode({"a": [1, 2]}), "".join(enc3.iterencode([1, {"x": None}])))


class Upper(json.JSONEncoder):
    def iterencode(self, o, _one_shot=False):
        for chunk in super().iterencode(o, _one_shot):
            yield chunk.upper()


print(Upper().encode({"a": "b"}), json.dumps(["x"], cls=Upper))


seen = []


def upper_keys(d):
    seen.append(len(d))
    return {k.upper(): v for k, v in d.items()}


class Keeper(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=upper_keys, **kw)


print(json.loads('{"a": {"b": 1}}', cls=Keeper))
k = Keeper()
print(k.decode('[{"x": 1}, {"y": 2}]'), seen, k.strict, k.parse_float is float, k.parse_int is int)
print(json.loads("1.25", cls=json.JSONDecoder, parse_float=str))
