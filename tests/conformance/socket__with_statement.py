# Checks: `with socket.socket() as s` returns the socket and closes it on exit (also on an exception), fileno -1 and [Errno 9] Bad file descriptor after close, close twice, socket properties (family/type/proto), repr of a closed socket, socket.error/socket.timeout aliases.
import socket

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    print("inside:", type(s).__name__, s.fileno() >= 0)
    print(s.family == socket.AF_INET, s.type == socket.SOCK_STREAM, s.proto)
    print(s.gettimeout(), s.getblocking())
    s.bind(("127.0.0.1", 0))
    print("bound:", s.getsockname()[0])
print("after with:", s.fileno())
print(repr(s))
for name in ["recv", "send", "getsockname", "listen", "accept"]:
    try:
        if name == "recv":
            s.recv(10)
        elif name == "send":
            s.send(b"x")
        elif name == "getsockname":
            s.getsockname()
        elif name == "listen":
            s.listen()
        else:
            s.accept()
    except OSError as e:
        print(name, type(e).__name__, e.errno, e)
s.close()
print("closed twice ok")
print("recv(0) on closed:", s.recv(0))

try:
    with socket.socket() as s2:
        raise ValueError("boom")
except ValueError as e:
    print("exception passed through:", e, s2.fileno())

print(socket.error is OSError, socket.timeout is TimeoutError)
print(issubclass(socket.gaierror, OSError), socket.gaierror.__name__)
print(socket.AF_INET, socket.SOCK_STREAM, socket.SOL_SOCKET, socket.SO_REUSEADDR)
print(socket.IPPROTO_TCP, socket.TCP_NODELAY, socket.SHUT_RD, socket.SHUT_WR, socket.SHUT_RDWR)
