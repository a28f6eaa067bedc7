# Checks: socket echo server thread on 127.0.0.1 (port 0, getsockname) with a client using connect/sendall/recv loops, shutdown(SHUT_WR) to signal EOF, recv returning b'' at end of stream, accept's peer address, getpeername, fileno, close.
import socket
import threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.settimeout(10)
host, port = srv.getsockname()
print("listening on", host, type(port).__name__, port > 0)

server_log = []


def serve():
    conn, addr = srv.accept()
    conn.settimeout(10)
    server_log.append(("peer host", addr[0], type(addr[1]).__name__))
    server_log.append(("accepted timeout", conn.gettimeout()))
    total = 0
    while True:
        data = conn.recv(7)
        if not data:
            break
        total += len(data)
        conn.sendall(data.upper())
    server_log.append(("echoed bytes", total))
    conn.close()


t = threading.Thread(target=serve)
t.start()

c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
c.settimeout(10)
c.connect(("127.0.0.1", port))
print("peer is server:", c.getpeername() == ("127.0.0.1", port))
print("fileno open:", c.fileno() >= 0)
messages = [b"hello", b"socket world", b"x" * 1000, b""]
for m in messages:
    c.sendall(m)
    got = b""
    while len(got) < len(m):
        chunk = c.recv(64)
        if not chunk:
            break
        got += chunk
    print(len(m), got == m.upper(), got[:12])
print("send returns", c.send(b"abc"))
got = b""
while len(got) < 3:
    got += c.recv(3 - len(got))
print("after send:", got)
c.shutdown(socket.SHUT_WR)
print("eof:", c.recv(10))
t.join(10)
c.close()
srv.close()
print("fileno closed:", c.fileno())
for entry in server_log:
    print(*entry)
