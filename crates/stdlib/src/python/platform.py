"""Information about the platform (gil-lab): the interpreter's version and the OS's
uname, from the OS itself through the native _gillab_platform module.

python_implementation() is 'gil-lab': this is not CPython, though it implements the
language of CPython 3.11 (python_version())."""

import sys
import _gillab_platform

__all__ = ["architecture", "machine", "node", "platform", "processor", "python_build",
           "python_compiler", "python_implementation", "python_version",
           "python_version_tuple", "release", "system", "uname", "version", "libc_ver",
           "freedesktop_os_release", "uname_result"]

_FIELDS = ('system', 'node', 'release', 'version', 'machine', 'processor')


class uname_result:
    """The result of uname(): system, node, release, version, machine and processor, by
    name, by index or unpacked, like CPython's named tuple."""

    _fields = _FIELDS

    def __init__(self, system, node, release, version, machine, processor=''):
        self.system = system
        self.node = node
        self.release = release
        self.version = version
        self.machine = machine
        self.processor = processor

    def _values(self):
        return (self.system, self.node, self.release, self.version, self.machine,
                self.processor)

    def __iter__(self):
        return iter(self._values())

    def __len__(self):
        return 6

    def __getitem__(self, key):
        return self._values()[key]

    def __eq__(self, other):
        if isinstance(other, uname_result):
            return self._values() == other._values()
        if isinstance(other, tuple):
            return self._values() == other
        return NotImplemented

    def __hash__(self):
        return hash(self._values())

    def __repr__(self):
        return ('uname_result(system=%r, node=%r, release=%r, version=%r, machine=%r)'
                % self._values()[:5])

    def _asdict(self):
        return dict(zip(_FIELDS, self._values()))


_uname_cache = []


def uname():
    """The OS's uname(2) fields, with processor (empty: gil-lab, like CPython on most
    Linux systems, does not know a processor name apart from the machine)."""
    if not _uname_cache:
        system, node, release, version, machine = _gillab_platform.uname()
        _uname_cache.append(uname_result(system, node, release, version, machine, ''))
    return _uname_cache[0]


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    return uname().processor


def python_implementation():
    return 'gil-lab'


def python_version():
    return sys.version.split()[0]


def python_version_tuple():
    return tuple(python_version().split('.'))


def python_build():
    return ('gil-lab', '')


def python_compiler():
    return 'rustc'


def python_branch():
    return ''


def python_revision():
    return ''


def architecture(executable=None, bits='', linkage=''):
    """(bits, linkage) of the interpreter: its pointer size, and the executable format of
    the OS."""
    if not bits:
        bits = '64bit' if sys.maxsize > 2 ** 32 else '32bit'
    if not linkage:
        linkage = {'Linux': 'ELF', 'Darwin': '', 'Windows': 'WindowsPE'}.get(system(), '')
    return bits, linkage


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    """('glibc', version) of the C library the process runs with, or the defaults given."""
    v = _gillab_platform.libc_version()
    if v is None:
        return lib, version
    return 'glibc', v


def _join(*parts):
    text = '-'.join(p for p in parts if p)
    text = text.replace(' ', '_').replace('/', '-').replace('\\', '-').replace(':', '-')
    text = text.replace(';', '-').replace('"', '-').replace('(', '-').replace(')', '-')
    while '--' in text:
        text = text.replace('--', '-')
    return text.rstrip('-')


def platform(aliased=False, terse=False):
    """A single string naming the platform, as 'Linux-6.1.0-x86_64-with-glibc2.36' (on
    Linux terse changes nothing, as in CPython)."""
    u = uname()
    if u.system == 'Linux':
        lib, ver = libc_ver()
        return _join(u.system, u.release, u.machine, 'with', lib + ver)
    if terse:
        return _join(u.system, u.release)
    return _join(u.system, u.release, u.machine)


def freedesktop_os_release():
    """The fields of /etc/os-release (or /usr/lib/os-release) as a dict; OSError if
    neither exists."""
    for path in ('/etc/os-release', '/usr/lib/os-release'):
        try:
            with open(path, encoding='utf-8') as f:
                text = f.read()
        except OSError:
            continue
        info = {'NAME': 'Linux', 'ID': 'linux', 'PRETTY_NAME': 'Linux'}
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith('#') or '=' not in line:
                continue
            key, value = line.split('=', 1)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in '"\'':
                value = value[1:-1]
            info[key] = value
        return info
    raise OSError(2, 'No such file or directory', '/etc/os-release')
