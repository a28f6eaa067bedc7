# Checks: an asyncio echo server (start_server, StreamReader.readline, StreamWriter.write/drain/close) serving 20 concurrent open_connection clients on loopback, and a refused connection.
import asyncio


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, words):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    got = []
    for w in words:
        writer.write((w + "\n").encode())
        await writer.drain()
        got.append((await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    return got


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    results = await asyncio.gather(*(client(port, ["a%d" % i, "b%d" % i]) for i in range(20)))
    print(results[:3], len(results))
    server.close()
    await server.wait_closed()
    r, w = await asyncio.open_connection("127.0.0.1", port) if False else (None, None)
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("refused", type(e).__name__)


asyncio.run(main())
