# Checks: one listening socket serving several clients in sequence (accept in a loop in a server thread), create_connection, per-client replies, listen backlog argument, with-statement closing server connections.
import socket
import threading

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(5)
srv.settimeout(10)
port = srv.getsockname()[1]
served = []


def serve(n):
    for i in range(n):
        conn, _ = srv.accept()
        with conn:
            conn.settimeout(10)
            data = b""
            while not data.endswith(b"\n"):
                chunk = conn.recv(16)
                if not chunk:
                    break
                data += chunk
            reply = b"reply:" + data
            conn.sendall(reply)
            served.append(data.strip().decode())


t = threading.Thread(target=serve, args=(4,))
t.start()
for i in range(4):
    c = socket.create_connection(("127.0.0.1", port), timeout=10)
    c.sendall(("msg-" + str(i) + "\n").encode())
    reply = b""
    while True:
        chunk = c.recv(8)
        if not chunk:
            break
        reply += chunk
    print(i, reply)
    c.close()
t.join(10)
print("alive after join:", t.is_alive())
srv.close()
print(sorted(served))
