# multiprocessing.Pipe between processes: duplex and one-way, objects and bytes, poll with
# timeouts, EOFError once every writing end is closed (or its process has exited),
# BrokenPipeError once every reading end is, and the errors of closed and one-way ends.
import multiprocessing as mp


def echo(conn):
    while True:
        try:
            x = conn.recv()
        except EOFError:
            break
        conn.send(("echo", x))
    conn.close()


def write_then_exit(w, n):
    for i in range(n):
        w.send(i)


def bytes_sender(conn):
    conn.send_bytes(b"hello world", 6)
    conn.send_bytes(b"abcdef", 1, 3)


if __name__ == "__main__":
    mp.set_start_method("spawn")
    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b,))
    p.start()
    b.close()
    for x in [1, "two", [3, (4, 5)], {"six": 6.0}, None]:
        a.send(x)
        print(a.recv())
    a.close()
    p.join()
    print("echo exit", p.exitcode)

    r, w = mp.Pipe(duplex=False)
    print(r.readable, r.writable, w.readable, w.writable)
    p = mp.Process(target=write_then_exit, args=(w, 3))
    p.start()
    w.close()
    got = []
    while True:
        try:
            got.append(r.recv())
        except EOFError:
            break
    p.join()
    print("received until EOF", got)
    print("poll after EOF", r.poll())

    c1, c2 = mp.Pipe()
    print("poll empty", c1.poll(), c1.poll(0.05))
    c2.send("x")
    print("poll ready", c1.poll(), c1.poll(None), c1.recv())
    p = mp.Process(target=bytes_sender, args=(c2,))
    p.start()
    print(c1.recv_bytes(), c1.recv_bytes())
    p.join()
    c2.send_bytes(b"0123456789")
    try:
        c1.recv_bytes(4)
    except OSError as e:
        print("OSError:", e)
    print("closed after bad length", c1.closed)
    for f in [lambda: c1.send(1), lambda: c1.recv(), lambda: c1.poll()]:
        try:
            f()
        except OSError as e:
            print("OSError:", e)
    for f in [lambda: r.send(1), lambda: w.recv(), lambda: w.poll()]:
        try:
            f()
        except OSError as e:
            print("OSError:", e)
    for f in [lambda: c2.send_bytes(b"ab", -1), lambda: c2.send_bytes(b"ab", 3),
              lambda: c2.send_bytes(b"ab", 1, -1), lambda: c2.send_bytes(b"ab", 1, 2)]:
        try:
            f()
        except ValueError as e:
            print("ValueError:", e)
    x, y = mp.Pipe()
    y.close()
    try:
        x.send("nobody reads")
    except BrokenPipeError as e:
        print("BrokenPipeError:", e)
    try:
        x.recv()
    except EOFError:
        print("EOFError")
    with mp.Pipe()[0] as c:
        pass
    print("closed by with", c.closed)
