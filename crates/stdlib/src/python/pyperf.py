"""pyperf for gil-lab: the part of pyperf's API that pyperformance's benchmark files call.

Written for gil-lab (not pyperf's code). Everything runs in this one process: for each
benchmark the loops are calibrated (doubled until one value takes at least --min-time, unless
--loops is given), then come --warmups warm-up values and --values timed values. The summary
line is pyperf's ("NAME: Mean +- std dev: 12.3 ms +- 0.4 ms") and -o FILE writes pyperf's JSON
layout: per benchmark its metadata and one run holding the warm-ups and the values, in seconds
per loop (per inner loop). bench_func also records "gillab_check", a digest of what the
benchmarked function returned (type, length and a checksum of a canonical repr: set elements
sorted, object addresses dropped), so that the outputs of two runtimes can be compared.

The same file runs unchanged on CPython 3.11, so that gil-lab and CPython are measured by one
harness. Differences from pyperf: no worker processes (-p/--processes is accepted and recorded
in the metadata only), no --append, and no system metadata beyond the implementation's name
and version.
"""

import argparse
import os
import sys
import time

perf_counter = time.perf_counter

_PRIME = (1 << 61) - 1
_SIMPLE = (int, float, str, bool, type(None), bytes)
try:
    _SETS = (set, frozenset)
except NameError:  # a runtime without frozenset
    _SETS = (set,)


def python_implementation():
    """'cpython', 'pypy', ... or 'gillab'."""
    impl = getattr(sys, 'implementation', None)
    name = getattr(impl, 'name', None)
    if name:
        return name.lower()
    if 'gil-lab' in sys.version:
        return 'gillab'
    return 'unknown'


def python_has_jit():
    return False


# ----- statistics and formatting

def _mean(values):
    return sum(values) / len(values)


def _stdev(values):
    m = _mean(values)
    return (sum([(v - m) ** 2 for v in values]) / (len(values) - 1)) ** 0.5


def _unit(seconds):
    for unit, scale in (('sec', 1.0), ('ms', 1e-3), ('us', 1e-6)):
        if seconds >= scale:
            return unit, scale
    return 'ns', 1e-9


def _format_times(seconds, *others):
    """Seconds in pyperf's style: three significant digits of the first value, the others in
    the same unit with as many decimals."""
    unit, scale = _unit(seconds)
    v = seconds / scale
    decimals = 0 if v >= 100 else (1 if v >= 10 else 2)
    out = ['%.*f %s' % (decimals, x / scale, unit) for x in (seconds,) + others]
    return out


# ----- the check: a digest of a benchmark's result, the same on every runtime

def _strip_addresses(text):
    out = []
    i = 0
    while True:
        j = text.find(' at 0x', i)
        if j < 0:
            out.append(text[i:])
            return ''.join(out)
        out.append(text[i:j])
        k = j + 6
        while k < len(text) and text[k] in '0123456789abcdefABCDEF':
            k += 1
        i = k


def _canonical(obj, memo, depth):
    t = type(obj)
    if t in _SIMPLE:
        return repr(obj)
    key = id(obj)
    known = memo.get(key)
    if known is not None:
        return known
    memo[key] = '...'
    if depth > 40:
        text = _strip_addresses(repr(obj))
    elif t is list or t is tuple:
        if all([type(x) in _SIMPLE for x in obj]):
            text = repr(obj)
        else:
            items = [_canonical(x, memo, depth + 1) for x in obj]
            if t is list:
                text = '[%s]' % ', '.join(items)
            elif len(items) == 1:
                text = '(%s,)' % items[0]
            else:
                text = '(%s)' % ', '.join(items)
    elif t is dict:
        text = '{%s}' % ', '.join(['%s: %s' % (_canonical(k, memo, depth + 1),
                                                _canonical(v, memo, depth + 1))
                                    for k, v in obj.items()])
    elif t in _SETS:
        items = sorted([_canonical(x, memo, depth + 1) for x in obj])
        text = '%s({%s})' % (t.__name__, ', '.join(items))
    else:
        text = _strip_addresses(repr(obj))
    memo[key] = text
    return text


def result_digest(value):
    """'TYPE:LENGTH:CHECKSUM' of value's canonical repr."""
    text = _canonical(value, {}, 0)
    data = text.encode('utf-8', 'backslashreplace')
    checksum = int.from_bytes(data, 'little') % _PRIME
    return '%s:%d:%016x' % (type(value).__name__, len(text), checksum)


# ----- JSON output (no json module needed)

def _json(value):
    if value is None:
        return 'null'
    if value is True:
        return 'true'
    if value is False:
        return 'false'
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        if value != value or value in (float('inf'), float('-inf')):
            return 'null'
        return repr(value)
    if isinstance(value, (list, tuple)):
        return '[%s]' % ', '.join([_json(v) for v in value])
    if isinstance(value, dict):
        return '{%s}' % ', '.join(['%s: %s' % (_json(str(k)), _json(v))
                                   for k, v in value.items()])
    text = str(value)
    out = ['"']
    for ch in text:
        if ch == '"' or ch == '\\':
            out.append('\\' + ch)
        elif ch < ' ':
            out.append('\\u%04x' % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def _positive(text):
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError('value must be > 0, got %s' % value)
    return value


def _non_negative(text):
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError('value must be >= 0, got %s' % value)
    return value


class Runner(object):
    """Runs benchmarks in this process and reports them as pyperf does."""

    def __init__(self, values=None, processes=None, loops=0, min_time=0.1, metadata=None,
                 show_name=True, program_args=None, add_cmdline_args=None, _argparser=None,
                 warmups=1):
        if values is None:
            values = 3
        if processes is None:
            processes = 20
        self.metadata = dict(metadata) if metadata else {}
        self.show_name = show_name
        self.program_args = program_args
        # Given to pyperf's worker processes; kept for the API, unused in one process.
        self._add_cmdline_args = add_cmdline_args
        self.args = None
        self._written = []
        parser = _argparser
        if parser is None:
            parser = argparse.ArgumentParser(description='Benchmark')
        parser.add_argument('--rigorous', action='store_true',
                            help='Spend longer running tests to get more accurate results')
        parser.add_argument('--fast', action='store_true', help='Get rough answers quickly')
        parser.add_argument('--debug-single-value', action='store_true',
                            help='Debug mode, only compute a single value')
        parser.add_argument('-p', '--processes', type=_positive, default=processes,
                            help='number of processes (default: %s; recorded only, every '
                                 'value is taken in this process)' % processes)
        parser.add_argument('-n', '--values', dest='values', type=_positive, default=values,
                            help='number of values (default: %s)' % values)
        parser.add_argument('-w', '--warmups', type=_non_negative, default=warmups,
                            help='number of warm-up values (default: %s)' % warmups)
        parser.add_argument('-l', '--loops', type=_non_negative, default=loops,
                            help='number of loops per value, 0 means automatic calibration '
                                 '(default: %s)' % loops)
        parser.add_argument('--min-time', type=float, default=min_time,
                            help='minimum duration in seconds of a single value, used to '
                                 'calibrate the number of loops (default: %s)' % min_time)
        parser.add_argument('-o', '--output', metavar='FILENAME',
                            help='write results encoded to JSON into FILENAME')
        parser.add_argument('-q', '--quiet', action='store_true', help='enable quiet mode')
        parser.add_argument('-v', '--verbose', action='store_true',
                            help='enable verbose mode')
        self.argparser = parser

    def parse_args(self, args=None):
        if self.args is not None:
            return self.args
        ns = self.argparser.parse_args(args)
        if ns.fast and ns.rigorous:
            self.argparser.error('--fast and --rigorous are mutually exclusive')
        if ns.debug_single_value:
            ns.values = 1
            ns.warmups = 0
            ns.loops = 1
        elif ns.fast:
            ns.values = max(2, ns.values // 2)
            ns.warmups = min(ns.warmups, 1)
        elif ns.rigorous:
            ns.values = ns.values * 2
        if ns.quiet:
            ns.verbose = False
        self.args = ns
        return ns

    def bench_time_func(self, name, time_func, *args, **kwargs):
        """time_func(loops, *args) returns the seconds its loops took."""
        inner_loops, metadata = self._options('bench_time_func', kwargs)

        def timer(loops):
            return time_func(loops, *args)
        return self._run(name, timer, inner_loops, metadata, None)

    def bench_func(self, name, func, *args, **kwargs):
        """Times calls of func(*args); the first call's result is checked."""
        inner_loops, metadata = self._options('bench_func', kwargs)
        first = []

        def timer(loops):
            elapsed = 0.0
            if not first:
                t0 = perf_counter()
                first.append(func(*args))
                elapsed = perf_counter() - t0
                loops -= 1
            it = range(loops)
            t0 = perf_counter()
            if args:
                for _ in it:
                    func(*args)
            else:
                for _ in it:
                    func()
            return elapsed + (perf_counter() - t0)
        return self._run(name, timer, inner_loops, metadata, first)

    def bench_async_func(self, name, func, *args, **kwargs):
        """Times awaiting func(*args) in a new event loop; the first result is checked."""
        loop_factory = kwargs.pop('loop_factory', None)
        inner_loops, metadata = self._options('bench_async_func', kwargs)
        first = []
        import asyncio

        async def main(loops):
            t0 = perf_counter()
            for _ in range(loops):
                value = await func(*args)
                if not first:
                    first.append(value)
            return perf_counter() - t0

        def timer(loops):
            loop = loop_factory() if loop_factory is not None else asyncio.new_event_loop()
            try:
                return loop.run_until_complete(main(loops))
            finally:
                loop.close()
        return self._run(name, timer, inner_loops, metadata, first)

    def bench_command(self, name, command):
        """Times running command (a list of strings) to completion."""
        import subprocess

        def timer(loops):
            t0 = perf_counter()
            for _ in range(loops):
                code = subprocess.call(command)
                if code:
                    raise RuntimeError('%s failed with exit code %s' % (command[0], code))
            return perf_counter() - t0
        return self._run(name, timer, None, None, None)

    def _options(self, method, kwargs):
        inner_loops = kwargs.pop('inner_loops', None)
        metadata = kwargs.pop('metadata', None)
        if kwargs:
            raise TypeError('%s() got an unexpected keyword argument %r'
                            % (method, sorted(kwargs)[0]))
        return inner_loops, metadata

    def _run(self, name, timer, inner_loops, metadata, first):
        args = self.parse_args()
        inner = inner_loops or 1
        loops = args.loops
        warmups = []
        if loops == 0:
            loops = 1
            while True:
                dt = timer(loops)
                warmups.append([loops, dt / (loops * inner)])
                self._say(args, 'Calibration: loops=%s: %s' % (loops, _format_times(dt)[0]))
                if dt >= args.min_time or loops >= 1 << 32:
                    break
                loops *= 2
        for i in range(args.warmups):
            dt = timer(loops)
            warmups.append([loops, dt / (loops * inner)])
            self._say(args, 'Warmup %s: %s' % (i + 1, _format_times(dt / (loops * inner))[0]))
        values = []
        for i in range(args.values):
            dt = timer(loops)
            values.append(dt / (loops * inner))
            self._say(args, 'Value %s: %s' % (i + 1, _format_times(values[-1])[0]))
        self._summary(name, values)
        meta = dict(self.metadata)
        if metadata:
            meta.update(metadata)
        meta['name'] = name
        meta['loops'] = loops
        meta['inner_loops'] = inner
        meta['unit'] = 'second'
        meta['processes'] = args.processes
        if first:
            meta['gillab_check'] = result_digest(first[0])
        bench = {'metadata': meta, 'runs': [{'metadata': {}, 'warmups': warmups,
                                             'values': values}]}
        self._write(args, bench)
        return bench

    def _say(self, args, line):
        if args.verbose:
            print(line)

    def _summary(self, name, values):
        prefix = '%s: ' % name if self.show_name else ''
        if len(values) >= 2:
            mean, dev = _format_times(_mean(values), _stdev(values))
            line = '%sMean +- std dev: %s +- %s' % (prefix, mean, dev)
        else:
            line = '%s%s' % (prefix, _format_times(values[0])[0])
        print(line)
        sys.stdout.flush()

    def _write(self, args, bench):
        if not args.output:
            return
        if not self._written and os.path.exists(args.output):
            print('ERROR: The JSON file %r already exists' % args.output, file=sys.stderr)
            sys.exit(1)
        self._written.append(bench)
        suite = {
            'version': '1.0',
            'metadata': {'python_implementation': python_implementation(),
                         'python_version': sys.version.split()[0],
                         'harness': 'gillab-pyperf'},
            'benchmarks': self._written,
        }
        with open(args.output, 'w') as f:
            f.write(_json(suite) + '\n')
