#!/usr/bin/env python3
"""A TCP forwarder that holds every chunk for a fixed one-way delay, in both directions.

It models a network round trip in front of a local CouchbaseMock, where loopback answers in a
fraction of a millisecond: an operation then waits for the delay rather than for the CPU, so
operations kept in flight overlap as they do against a cluster across a network. Each chunk is
timed on its own and order is kept, so pipelined requests are not serialised (the mock's own
/mock/hiccup sleeps in its only I/O thread, which serialises every answer).

    latency_proxy.py forward LISTEN_HOST:PORT TARGET_HOST:PORT ONE_WAY_MS
    latency_proxy.py ping HOST:PORT [COUNT]

`ping` measures the round trip a memcached server (or this proxy in front of one) gives: it sends
COUNT (200) NOOPs one at a time and prints the median and the 90th percentile in milliseconds.
"""
import queue
import socket
import statistics
import struct
import sys
import threading
import time


def forward(source, target, delay):
    """Copies source to target, each chunk no sooner than `delay` seconds after it arrived."""
    chunks = queue.SimpleQueue()

    def deliver():
        while (item := chunks.get()) is not None:
            due, data = item
            wait = due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                target.sendall(data)
            except OSError:
                break
        close(target)

    threading.Thread(target=deliver, daemon=True).start()
    try:
        while data := source.recv(65536):
            chunks.put((time.monotonic() + delay, data))
    except OSError:
        pass
    chunks.put(None)


def close(sock):
    try:
        sock.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def address(text):
    host, port = text.rsplit(":", 1)
    return host, int(port)


def serve(listen, target, delay):
    server = socket.create_server(address(listen))
    while True:
        client, _ = server.accept()
        try:
            upstream = socket.create_connection(address(target))
        except OSError:
            client.close()
            continue
        for sock in (client, upstream):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=forward, args=(client, upstream, delay), daemon=True).start()
        threading.Thread(target=forward, args=(upstream, client, delay), daemon=True).start()


def ping(target, count):
    noop = struct.pack(">BBHBBHIIQ", 0x80, 0x0A, 0, 0, 0, 0, 0, 0, 0)
    times = []
    with socket.create_connection(address(target)) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for _ in range(count):
            started = time.perf_counter()
            sock.sendall(noop)
            header = b""
            while len(header) < 24:
                header += sock.recv(24 - len(header))
            body = struct.unpack(">I", header[8:12])[0]
            while body > 0:
                body -= len(sock.recv(body))
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    print(f"round trip p50 {statistics.median(times):.2f} ms, p90 {times[int(len(times) * 0.9)]:.2f} ms"
          f" over {count} NOOPs")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "forward":
        serve(sys.argv[2], sys.argv[3], float(sys.argv[4]) / 1000)
    elif len(sys.argv) in (3, 4) and sys.argv[1] == "ping":
        ping(sys.argv[2], int(sys.argv[3]) if len(sys.argv) == 4 else 200)
    else:
        sys.exit(__doc__)
