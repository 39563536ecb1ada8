#!/usr/bin/env python3
"""A slow DNS server for bench/scenarios/slow-dns.sh: stdlib only, loopback only.

Every A query for a name under DOMAIN is answered with 127.0.0.1, every AAAA query with an empty NOERROR answer
(the name exists, it has no IPv6 address), each after DELAY_MS: a resolver as far away as a real one. Other names
are NXDOMAIN. It serves UDP and, for a client that falls back to it, TCP.

It counts what it is asked: on SIGUSR1 it writes the counts since the last dump to STATS_FILE as one JSON object
(queries, A and AAAA queries, distinct names, queries that repeated one already answered: the client retried) and
starts counting afresh, so the benchmark reads one run's counts at a time.

    dns-responder.py ADDRESS DOMAIN DELAY_MS STATS_FILE     (port 53: glibc's resolv.conf cannot name another)
"""
import collections
import json
import os
import select
import signal
import socket
import socketserver
import struct
import sys
import threading
import time

TYPE_A, TYPE_AAAA = 1, 28
LOOPBACK = bytes([127, 0, 0, 1])


class Counts:
    def __init__(self):
        self.reset()

    def reset(self):
        self.queries = 0
        self.by_type = {TYPE_A: 0, TYPE_AAAA: 0}
        self.seen = set()
        self.repeated = 0
        self.tcp = 0

    def note(self, name, qtype, over_tcp):
        self.queries += 1
        self.by_type[qtype] = self.by_type.get(qtype, 0) + 1
        key = (name, qtype)
        if key in self.seen:
            self.repeated += 1
        self.seen.add(key)
        if over_tcp:
            self.tcp += 1

    def dump(self, path):
        names = {name for name, _ in self.seen}
        report = {
            "queries": self.queries,
            "a": self.by_type.get(TYPE_A, 0),
            "aaaa": self.by_type.get(TYPE_AAAA, 0),
            "distinct_names": len(names),
            "repeated": self.repeated,
            "tcp": self.tcp,
        }
        with open(path + ".tmp", "w", encoding="ascii") as out:
            json.dump(report, out)
        os.replace(path + ".tmp", path)
        self.reset()


def parse_question(packet):
    """(id, flags, name, qtype, end of question) of a query, or None when it is not one we can read."""
    if len(packet) < 12:
        return None
    query_id, flags, qdcount = struct.unpack("!HHH", packet[:6])
    if flags & 0x8000 or qdcount != 1:
        return None
    labels, offset = [], 12
    while True:
        if offset >= len(packet):
            return None
        length = packet[offset]
        offset += 1
        if length == 0:
            break
        if length & 0xC0 or offset + length > len(packet):
            return None
        labels.append(packet[offset:offset + length].decode("ascii", "replace").lower())
        offset += length
    if offset + 4 > len(packet):
        return None
    qtype, _qclass = struct.unpack("!HH", packet[offset:offset + 4])
    return query_id, flags, ".".join(labels), qtype, offset + 4


def answer(packet, domain):
    """The response to one query packet, or None to ignore it."""
    question = parse_question(packet)
    if question is None:
        return None, None, None
    query_id, flags, name, qtype, end = question
    known = name == domain or name.endswith("." + domain)
    rcode = 0 if known else 3
    # QR, the query's opcode and RD, RA; NOERROR or NXDOMAIN.
    response_flags = 0x8000 | (flags & 0x7900) | 0x0080 | rcode
    records = b""
    if known and qtype == TYPE_A:
        # A pointer to the question's name, A, IN, TTL 0 (nothing should cache it), 4 bytes of address.
        records = struct.pack("!HHHIH", 0xC00C, TYPE_A, 1, 0, 4) + LOOPBACK
    header = struct.pack("!HHHHHH", query_id, response_flags, 1, 1 if records else 0, 0, 0)
    return header + packet[12:end] + records, name, qtype


def serve_udp(sock, domain, delay, counts, dump_requested, stats_file, stopping):
    """One thread, no timers: answers leave in arrival order, each DELAY after its query came, so a FIFO is enough.
    Queries are read until the socket is empty before anything is sent, which keeps up with bursts of hundreds."""
    pending = collections.deque()
    sock.setblocking(False)
    while not stopping.is_set():
        timeout = max(0.0, pending[0][0] - time.monotonic()) if pending else 0.05
        readable, _, _ = select.select([sock], [], [], timeout)
        if readable:
            while True:
                try:
                    data, addr = sock.recvfrom(4096)
                except BlockingIOError:
                    break
                response, name, qtype = answer(data, domain)
                if response is not None:
                    counts.note(name, qtype, False)
                    pending.append((time.monotonic() + delay, response, addr))
        now = time.monotonic()
        while pending and pending[0][0] <= now:
            _, response, addr = pending.popleft()
            sock.sendto(response, addr)
        if dump_requested.is_set():
            dump_requested.clear()
            counts.dump(stats_file)


class TcpQueries(socketserver.BaseRequestHandler):
    """DNS over TCP, for a client that falls back to it: two bytes of length, then the message, as long as it asks."""

    def handle(self):
        server = self.server
        stream = self.request.makefile("rb")
        while True:
            prefix = stream.read(2)
            if len(prefix) < 2:
                return
            response, name, qtype = answer(stream.read(struct.unpack("!H", prefix)[0]), server.domain)
            if response is None:
                return
            server.counts.note(name, qtype, True)
            time.sleep(server.delay)
            self.request.sendall(struct.pack("!H", len(response)) + response)


def main(address, domain, delay_ms, stats_file):
    counts = Counts()
    delay = delay_ms / 1000.0
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind((address, 53))
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    tcp = socketserver.ThreadingTCPServer((address, 53), TcpQueries)
    tcp.daemon_threads = True
    tcp.domain, tcp.delay, tcp.counts = domain, delay, counts
    threading.Thread(target=tcp.serve_forever, daemon=True).start()
    # Signals only set flags: the UDP thread owns the counts' dump, so a dump never interleaves with a query.
    dump_requested, stopping = threading.Event(), threading.Event()
    signal.signal(signal.SIGUSR1, lambda *_: dump_requested.set())
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    # Ready: the benchmark waits for this file before it sends a query.
    counts.dump(stats_file)
    serve_udp(udp, domain, delay, counts, dump_requested, stats_file, stopping)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2].lower().strip("."), float(sys.argv[3]), sys.argv[4])
