# Readers index, iterate, measure, search and slice two shared lists while writers grow,
# shrink, replace, slice-assign and sort them. Every value ever stored is ("v", k, k * 7) with
# 0 <= k < LIMIT, so a reader can tell a whole, stored value from a torn or stale one; reading
# an index may only ever raise IndexError. `kept` only gains and loses elements through counted
# operations, so its final length is known; `churn` is also cleared and resized by slice
# assignment. `nums` holds only ints (multiples of 7), which sort() orders without running
# Python code, so that sort is atomic as in CPython: it never raises and never loses an append.
# (A key-less sort of tuples racing an append is `sort_tuples_race.py`.)
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
LIMIT = 10 * N + 1000
WRITERS = 2
READERS = 2


def val(k):
    return ("v", k, k * 7)


def whole(v):
    return type(v) is tuple and len(v) == 3 and v[0] == "v" and 0 <= v[1] < LIMIT and v[2] == v[1] * 7


kept = [val(k) for k in range(40)]
churn = [val(k) for k in range(40)]
nums = [k * 7 for k in range(40)]
start = threading.Barrier(WRITERS + READERS)
finished = []
bad = []
counts = [[0, 0] for _ in range(WRITERS)]  # per writer: [added to kept, removed from kept]
NEVER = ("v", -1, -7)


def note(what, detail):
    if len(bad) < 10:
        bad.append((what, repr(detail)[:200]))


def writer(me):
    global churn  # `churn += ...` below rebinds it (to the same list)
    base = 1000 + me * 5 * N
    added = removed = 0
    start.wait()
    for i in range(N):
        k = base + 5 * i
        step = i % 8
        try:
            if step == 0:
                kept.append(val(k))
                nums.append(k * 7)
                added += 2
                churn.extend([val(k), val(k + 1), val(k + 2)])
            elif step == 1:
                kept.insert(i % 7, val(k))
                kept.extend([val(k + 1), val(k + 2)])
                added += 3
                churn.insert(0, val(k + 3))
            elif step == 2:
                try:
                    kept.pop()
                    removed += 1
                except IndexError:
                    pass
                try:
                    del kept[0]
                    removed += 1
                except IndexError:
                    pass
                try:
                    churn.pop(0)
                except IndexError:
                    pass
                try:
                    nums.pop(0)
                    removed += 1
                except IndexError:
                    pass
            elif step == 3:
                try:
                    kept[i % 11] = val(k)
                except IndexError:
                    pass
                try:
                    kept[-1] = val(k + 1)
                except IndexError:
                    pass
                churn[2:5] = [val(k + 2)] * (i % 5)
            elif step == 4:
                nums.sort()
                nums.sort(reverse=True)
                kept.reverse()
            elif step == 5:
                if i % 40 == 5:
                    churn.clear()
                else:
                    del churn[1:3]
                kept.append(val(k + 4))
                nums.insert(i % 13, (k + 4) * 7)
                added += 2
            elif step == 6:
                churn[:] = [val(k + j) for j in range(i % 30)]
                nums.extend([(k + 1) * 7, (k + 2) * 7])
                added += 2
                nums.sort()
            else:
                churn += [val(k + 4)]
                try:
                    kept.remove(kept[len(kept) // 2])
                    removed += 1
                except (IndexError, ValueError):
                    # The element read may be gone (or moved and removed) by the time remove()
                    # looks for it: that is the other writer's doing, not an error.
                    pass
        except Exception as e:
            note("writer", e)
    counts[me][0] = added
    counts[me][1] = removed
    finished.append(me)


def check_list(lst, i):
    n = len(lst)
    if type(n) is not int or n < 0:
        note("len", n)
    for j in (0, i % 50, n - 1, -1):
        try:
            v = lst[j]
        except IndexError:
            continue
        if not whole(v):
            note("index", v)
    for v in lst:
        if not whole(v):
            note("iter", v)
    part = lst[i % 20 : i % 20 + 15]
    if type(part) is not list or len(part) > 15:
        note("slice", part)
    for v in part:
        if not whole(v):
            note("slice item", v)
    for v in lst[::-3]:
        if not whole(v):
            note("step slice item", v)
    if NEVER in lst:
        note("in", "found a value never stored")
    if lst.count(NEVER) != 0:
        note("count", "counted a value never stored")
    probe = val(i % 40)
    found = probe in lst
    if found is not True and found is not False:
        note("in", found)
    for v in list(lst):
        if not whole(v):
            note("copy", v)
    for v in reversed(lst):
        if not whole(v):
            note("reversed", v)


def whole_num(x):
    return type(x) is int and x % 7 == 0 and 0 <= x < LIMIT * 7


def check_nums(i):
    for j in (0, i % 50, -1):
        try:
            x = nums[j]
        except IndexError:
            continue
        if not whole_num(x):
            note("nums index", x)
    for x in nums:
        if not whole_num(x):
            note("nums iter", x)
    if -7 in nums or max(nums + [0]) >= LIMIT * 7:
        note("nums", "found a value never stored")


def reader(me):
    start.wait()
    i = 0
    while len(finished) < WRITERS or i < 20:
        try:
            check_list(kept, i)
            check_list(churn, i)
            check_nums(i)
        except Exception as e:
            note("reader", e)
        i += 1


ts = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
ts += [threading.Thread(target=reader, args=(r,)) for r in range(READERS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
added = sum(c[0] for c in counts)
removed = sum(c[1] for c in counts)
balanced = len(kept) + len(nums) == 80 + added - removed
stored = all(whole(v) for v in kept) and all(whole(v) for v in churn)
unique = len(set(kept)) == len(kept) and len(set(nums)) == len(nums)
print(bad == [], balanced, stored, unique, all(whole_num(x) for x in nums), bad[:3])
