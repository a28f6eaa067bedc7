# Checks: compiled patterns, their lazily built engines, the module's cache, a finditer iterator drained by several threads (each match once), and sub with a Python callback shared by several threads at once give every thread the results one thread gets alone.
import re
import threading

TEXT = ('alpha=1, beta=22, gamma=333; délta=4444 ' * 20).strip()
shared = re.compile(r'(?P<k>\w+)=(?P<v>\d+)')
expected = None


def work():
    out = []
    for i in range(15):
        out.append(len(shared.findall(TEXT)))
        out.append(shared.sub(lambda m: m['v'] + '=' + m['k'], TEXT)[:30])
        out.append([m.span() for m in shared.finditer(TEXT, 10, 90)])
        out.append(re.search(r'(?<=é)lta=(\d)' + str(i % 3), TEXT) is not None)
        out.append(re.split(r'[,;]\s*', TEXT, maxsplit=3)[:4])
        out.append(re.compile('x' + str(i % 4)).pattern)
    return out


expected = work()
results = []
lock = threading.Lock()


def run():
    r = work()
    with lock:
        results.append(r == expected)


threads = [threading.Thread(target=run) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join(60)
print(results, all(not t.is_alive() for t in threads))
it = shared.finditer(TEXT)
seen = []


def drain():
    for m in it:
        with lock:
            seen.append(m.start())


threads = [threading.Thread(target=drain) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join(60)
print(len(seen), sorted(seen) == [m.start() for m in shared.finditer(TEXT)])
print(expected[:4])
