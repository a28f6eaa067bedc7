# Checks: str.encode / bytes.decode round trips for ASCII, Latin-1 range, CJK and emoji; byte values of UTF-8 sequences.
for s in ["plain", "é", "ü€", "中文", "😀", ""]:
    enc = s.encode()
    print(repr(s), len(s), len(enc), list(enc), enc.decode() == s)
raw = b"\xe2\x82\xac"
print(raw.decode(), len(raw), raw[0], hex(raw[0]))
data = "key:value".encode()
k, v = data.split(b":")
print(k, v, k.decode().upper(), int(b"42".decode()) + 1)
print(b"abc"[1:2] == b"b", b"abc"[1] == ord("b"))
print("A".encode()[0], ord("A"))
