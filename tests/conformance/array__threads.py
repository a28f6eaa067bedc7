# Checks: one array.array, io.StringIO and io.BytesIO shared by four threads that append, write and read them at once, and json.dumps/loads of one shared object from every thread: no update is lost or torn, and every thread sees whole items.
import array
import io
import json
import threading

arr = array.array("q")
sio = io.StringIO()
bio = io.BytesIO()
shared = {"k%d" % i: [i, str(i), i * 0.5] for i in range(20)}
expected = json.dumps(shared, sort_keys=True)
bad = []


def work(n):
    for i in range(300):
        arr.append(n * 1000000 + i)
        sio.write("%d:%d\n" % (n, i))
        bio.write(b"%03d" % n)
        if i % 50 == 0:
            if json.dumps(shared, sort_keys=True) != expected:
                bad.append("dumps")
            if json.loads(expected) != shared:
                bad.append("loads")
        v = arr[i]
        if v % 1000000 >= 300:
            bad.append("torn")


threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(len(arr), sorted(arr) == sorted(n * 1000000 + i for n in range(4) for i in range(300)))
lines = sio.getvalue().splitlines()
print(len(lines), sorted(lines) == sorted("%d:%d" % (n, i) for n in range(4) for i in range(300)))
data = bio.getvalue()
print(len(data), sorted(data[k:k + 3] for k in range(0, len(data), 3)) == sorted(b"%03d" % n for n in range(4) for _ in range(300)))
print(bad)
