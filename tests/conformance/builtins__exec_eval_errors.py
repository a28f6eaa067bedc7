# Checks: the errors of compile()/exec()/eval(): argument errors with CPython's messages, SyntaxError/IndentationError from source strings with their attributes (msg, filename, lineno, offset, text) and str(), SyntaxError built by hand, and exceptions raised inside executed code.
def show(thunk):
    try:
        r = thunk()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: compile())
show(lambda: compile("1", "f"))
show(lambda: compile("1", "f", "run"))
show(lambda: compile("1", 5, "exec"))
show(lambda: compile(5, "f", "exec"))
show(lambda: compile("1", "f", 5))
show(lambda: compile("1", "f", "exec", foo=1))
show(lambda: compile(source="1", filename="f", mode="eval") is not None)
show(lambda: exec())
show(lambda: exec(5))
show(lambda: exec("1", 5))
show(lambda: exec("1", {}, 5))
show(lambda: exec("1", None, 5))
show(lambda: exec("1", globals=None))
show(lambda: eval())
show(lambda: eval(5))
show(lambda: eval("1", 5))
show(lambda: eval("1", {}, 5))
show(lambda: eval("1", 1, 2, 3))
show(lambda: globals(1))
show(lambda: locals(1))
show(lambda: vars(1))
show(lambda: vars(1, 2))
show(lambda: eval("undefined_name"))
show(lambda: exec("1 / 0"))
show(lambda: eval("[1][5]", {}))
show(lambda: eval("1\n2"))
show(lambda: compile("1\n2", "s", "single"))
show(lambda: compile("x = 1", "s", "eval"))

cases = [
    ("1 +", "exec"), ("x = (1,", "exec"), ("  1", "exec"), ("def f():\nreturn", "exec"),
    ("1 +", "eval"), ("1 2", "eval"), ("(1,", "eval"), ("a if b", "eval"), ("  2", "eval"),
    ("a b", "single"), ("if x:\n  pass\n  else: 1", "exec"), ("x = 1 +\n", "exec"),
]
for src, mode in cases:
    try:
        compile(src, "<string>", mode)
        print("compiled", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e, "|", e.msg, e.filename, e.lineno, e.offset, repr(e.text))
try:
    exec("for = 1")
except SyntaxError as e:
    print(type(e).__name__, e.args[0], e.filename, e.lineno, isinstance(e, Exception))
try:
    compile("x = $", "/some/dir/prog.py", "exec")
except SyntaxError as e:
    print(str(e), e.filename)

e = SyntaxError("boom")
print(repr(str(e)), e.msg, e.filename, e.lineno, e.offset, e.text, e.args)
e = SyntaxError("boom", ("/a/b/f.py", 3, 4, "xx\n", 3, 5))
print(repr(str(e)), e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
e = SyntaxError("m", (None, 7, None, None))
print(repr(str(e)), e.lineno, e.end_offset)
e = SyntaxError("m", ("only.py", None, None, None))
print(repr(str(e)))
print(repr(str(SyntaxError())), SyntaxError().msg, IndentationError("i").msg)
show(lambda: SyntaxError("m", (1, 2)))
