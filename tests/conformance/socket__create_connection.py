# Checks: socket.create_connection((host, port), timeout=...) to a server thread ("localhost" and "127.0.0.1"), its timeout, the socket address tuples, a string port, address errors (tuple required, pair, port range, host type), gethostbyname.
import socket
import threading

srv = socket.socket()
srv.bind(("", 0))
srv.listen()
srv.settimeout(10)
port = srv.getsockname()[1]
print("bound to any:", srv.getsockname()[0])
results = []


def serve(n):
    for _ in range(n):
        conn, addr = srv.accept()
        conn.settimeout(10)
        data = conn.recv(100)
        conn.sendall(b"pong:" + data)
        conn.close()
        results.append(data)


t = threading.Thread(target=serve, args=(3,))
t.start()
for host, p, timeout in [("localhost", port, 10), ("127.0.0.1", port, None), ("127.0.0.1", str(port), 2.5)]:
    if timeout is None:
        c = socket.create_connection((host, p))
    else:
        c = socket.create_connection((host, p), timeout=timeout)
    print(host, type(p).__name__, c.gettimeout(), c.getpeername()[0], c.getsockname()[0])
    c.sendall(host.encode())
    reply = b""
    while True:
        chunk = c.recv(100)
        if not chunk:
            break
        reply += chunk
    print(reply)
    c.close()
t.join(10)
print(sorted(results))
srv.close()

s = socket.socket()
for addr in ["127.0.0.1", ("127.0.0.1",), ("127.0.0.1", 70000), (1, 80), ("127.0.0.1", "80")]:
    try:
        s.bind(addr)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
s.close()
print(socket.gethostbyname("localhost"), socket.gethostbyname("127.0.0.1"))
