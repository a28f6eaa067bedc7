# Checks: connecting to a closed loopback port raises ConnectionRefusedError (an OSError and ConnectionError) with errno 111, connect_ex returns the errno, create_connection raises the same; binding a port in use raises [Errno 98].
import socket

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()

c = socket.socket()
c.settimeout(5)
try:
    c.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno)
    print(isinstance(e, ConnectionError), isinstance(e, OSError))
c.close()

c = socket.socket()
print("connect_ex:", c.connect_ex(("127.0.0.1", port)))
c.close()

try:
    socket.create_connection(("127.0.0.1", port), timeout=5)
except OSError as e:
    print("create_connection:", type(e).__name__, e.errno)

a = socket.socket()
a.bind(("127.0.0.1", 0))
a.listen()
b = socket.socket()
try:
    b.bind(("127.0.0.1", a.getsockname()[1]))
except OSError as e:
    print("bind in use:", type(e).__name__, e.errno, e.strerror)
a.close()
b.close()
