# Checks: platform's functions give strings of the running system, consistent with each other and with uname() (by name, index and unpacking, length 6, repr prefix), python_version() at 3.11 with python_version_tuple() agreeing, architecture() and platform() in their expected shapes; the values themselves vary by machine and are not printed.
import platform
import sys

u = platform.uname()
print(type(u).__name__, len(u), tuple(u) == (u.system, u.node, u.release, u.version, u.machine, u.processor))
print(u.system == platform.system(), u.node == platform.node(), u.release == platform.release(),
      u.version == platform.version(), u.machine == platform.machine(), u.processor == platform.processor())
print(u[0] == u.system, u[-1] == u.processor, all(isinstance(x, str) for x in u), platform.uname() == u)
system, node, release, version, machine, processor = u
print(system == u.system, machine == u.machine, repr(u).startswith("uname_result(system='"))
print(platform.system() in ('Linux', 'Darwin', 'Windows'), len(platform.machine()) > 0, len(platform.release()) > 0)
v = platform.python_version()
print(v.startswith('3.11'), platform.python_version_tuple()[:2], '.'.join(platform.python_version_tuple()) == v)
print(type(platform.python_version_tuple()).__name__, len(platform.python_version_tuple()), isinstance(platform.python_implementation(), str))
bits, linkage = platform.architecture()
print(bits == ('64bit' if sys.maxsize > 2 ** 32 else '32bit'), isinstance(linkage, str))
p = platform.platform()
print(isinstance(p, str), p.startswith(platform.system() + '-' + platform.release().replace(' ', '_')[:3]))
lib, ver = platform.libc_ver()
print(isinstance(lib, str) and isinstance(ver, str), platform.system() != 'Linux' or p.endswith(lib + ver))
print(isinstance(platform.python_compiler(), str), len(platform.python_build()), isinstance(platform.node(), str))
