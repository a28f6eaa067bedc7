# Checks: exec()/eval() of source strings and of compile() code objects (modes exec, eval, single), with the caller's namespaces, a fresh globals dict (which gets __builtins__), separate globals and locals (class-body-like), bytes source, eval's leading-whitespace stripping, sys.displayhook and builtins._, and the builtins module.
import builtins
import sys

x = 10
print(eval("x + 1"), eval("  \t x * 2"), eval("x,"), eval("[i * i for i in range(4)]"))
exec("y = x + 5")
print(y)
exec("def twice(v):\n    return 2 * v\n")
print(twice(21), twice.__name__, twice.__module__)

g = {}
exec("a = 1\nb = a + 1\n", g)
print(sorted(g), g["a"], g["b"], g["__builtins__"] is builtins.__dict__)
print(eval("a + b", g), eval("a + b + c", g, {"c": 100}))
exec("print(__name__)", {})
print(eval("__name__", {"__name__": "custom"}))

# Separate locals: assignments land there, functions see the globals only.
gl = {"base": 1}
loc = {}
exec("z = base + 1\ndef f():\n    return base\nresult = f()\n", gl, loc)
print(sorted(loc), loc["z"], loc["result"], "z" in gl)
try:
    exec("def h():\n    return z\nh()\n", gl, loc)
except NameError as e:
    print("NameError:", e)
ns = {}
exec("class C:\n    v = 3\n    def m(self):\n        return self.v\n", ns)
print(ns["C"]().m(), ns["C"].__name__, ns["C"].__module__)

code = compile("n * 3", "<calc>", "eval")
print(type(code).__name__, code.co_filename, code.co_name)
print(eval(code, {"n": 4}), eval(code, {"n": "ab"}))
print(exec(code, {"n": 1}))
prog = compile("total = 0\nfor i in range(5):\n    total += i\n", "prog.py", "exec")
env = {}
print(exec(prog, env), env["total"])
print(eval(prog, env), env["total"])
print(eval(b"6 * 7"), eval("(1,\n 2)"), eval("1 if x else 2\n\n"))
exec(b"w = 'from bytes'")
print(w)

# 'single' mode prints each expression statement through sys.displayhook.
exec(compile("1 + 1", "<stdin>", "single"))
exec(compile("'text'", "<stdin>", "single"))
exec(compile("None", "<stdin>", "single"))
exec(compile("q = 5; q * 2", "<stdin>", "single"))
print(builtins._)
exec(compile("for i in range(3):\n    i\n", "<stdin>", "single"))
seen = []
sys.displayhook = seen.append
exec(compile("7 * 6", "<stdin>", "single"))
sys.displayhook = sys.__displayhook__
print(seen)

print(builtins.len is len, builtins.__name__, builtins.eval("2 ** 10"))
print(eval("eval('1 + 2')"), exec("exec('nested = 1')") is None, nested)
