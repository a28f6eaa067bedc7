# Checks: settimeout(0.05) on an idle connection makes recv raise socket.timeout (TimeoutError "timed out", errno None), accept times out the same way, gettimeout/setblocking/settimeout argument errors, and the connection still works after a timeout.
import socket
import threading
import time

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.settimeout(0.05)
port = srv.getsockname()[1]
try:
    srv.accept()
except socket.timeout as e:
    print("accept:", type(e).__name__, e, e.errno)
srv.settimeout(10)

c = socket.create_connection(("127.0.0.1", port), timeout=10)
conn, _ = srv.accept()
conn.settimeout(0.05)
print("gettimeout:", conn.gettimeout(), conn.getblocking())
start = time.monotonic()
try:
    conn.recv(10)
except socket.timeout as e:
    print("timed out" if str(e) == "timed out" else e)
    print(isinstance(e, OSError), e.args)
print("waited long enough:", time.monotonic() - start >= 0.04)

c.sendall(b"late data")
conn.settimeout(10)
got = b""
while len(got) < 9:
    got += conn.recv(9 - len(got))
print("after timeout:", got)

for bad in ["x", -1.0]:
    try:
        conn.settimeout(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
conn.setblocking(False)
print("non-blocking:", conn.gettimeout(), conn.getblocking())
try:
    conn.recv(10)
except OSError as e:
    print("would block:", e.errno)
conn.setblocking(True)
print("blocking:", conn.gettimeout())
conn.close()
c.close()
srv.close()
