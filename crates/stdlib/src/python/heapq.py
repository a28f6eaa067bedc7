"""Heap queue algorithm (a.k.a. priority queue): CPython 3.11's `heapq` for gil-lab.

heappush, heappop, heapify, heapreplace and heappushpop are native (set in this
namespace before this source runs); merge, nlargest and nsmallest are written here over
them. nsmallest(n, it, key) equals sorted(it, key=key)[:n] and nlargest(n, it, key)
equals sorted(it, key=key, reverse=True)[:n], ties kept in input order.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted output (a generator); equal items come
    out in the order of the inputs that hold them."""
    if reverse:
        make_heap, pop, replace, sign = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        make_heap, pop, replace, sign = heapify, heappop, heapreplace, 1
    # Each entry: [sort key, input position (breaks ties), value, iterator].
    entries = []
    for position, iterable in enumerate(iterables):
        source = iter(iterable)
        try:
            value = next(source)
        except StopIteration:
            continue
        k = value if key is None else key(value)
        entries.append([k, position * sign, value, source])
    make_heap(entries)
    while len(entries) > 1:
        try:
            while True:
                entry = entries[0]
                yield entry[2]
                value = next(entry[3])
                entry[2] = value
                entry[0] = value if key is None else key(value)
                replace(entries, entry)
        except StopIteration:
            pop(entries)
    if entries:
        k, position, value, source = entries[0]
        yield value
        for value in source:
            yield value


def _sized(iterable):
    """len(iterable), or None when it has no length."""
    try:
        return len(iterable)
    except (TypeError, AttributeError):
        return None


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key)[:n]
    """
    if n == 1:
        missing = object()
        if key is None:
            best = min(iter(iterable), default=missing)
        else:
            best = min(iter(iterable), default=missing, key=key)
        return [] if best is missing else [best]
    size = _sized(iterable)
    if size is not None and n >= size:
        return sorted(iterable, key=key)[:n]
    # A max-heap of the n smallest seen so far, each decorated with its position so
    # that the earlier of two equal items wins.
    it = iter(iterable)
    heap = []
    position = 0
    for value in it:
        if position >= n:
            break
        heap.append((value if key is None else key(value), position, value))
        position += 1
    else:
        heap.sort()
        return [entry[2] for entry in heap]
    if not heap:
        return []
    _heapify_max(heap)
    for value in _chain_one([value], it):
        k = value if key is None else key(value)
        if k < heap[0][0]:
            _heapreplace_max(heap, (k, position, value))
        position += 1
    heap.sort()
    return [entry[2] for entry in heap]


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key, reverse=True)[:n]
    """
    if n == 1:
        missing = object()
        if key is None:
            best = max(iter(iterable), default=missing)
        else:
            best = max(iter(iterable), default=missing, key=key)
        return [] if best is missing else [best]
    size = _sized(iterable)
    if size is not None and n >= size:
        return sorted(iterable, key=key, reverse=True)[:n]
    # A min-heap of the n largest seen so far; positions are negated so that the
    # earlier of two equal items ranks higher.
    it = iter(iterable)
    heap = []
    position = 0
    for value in it:
        if position >= n:
            break
        heap.append((value if key is None else key(value), -position, value))
        position += 1
    else:
        heap.sort(reverse=True)
        return [entry[2] for entry in heap]
    if not heap:
        return []
    heapify(heap)
    for value in _chain_one([value], it):
        k = value if key is None else key(value)
        if heap[0][0] < k:
            heapreplace(heap, (k, -position, value))
        position += 1
    heap.sort(reverse=True)
    return [entry[2] for entry in heap]


def _chain_one(first, rest):
    """The items of the list first, then those of the iterator rest."""
    for value in first:
        yield value
    for value in rest:
        yield value
