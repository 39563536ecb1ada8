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
import asyncio
import json
import os
import signal
import struct
import sys

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


class UdpServer(asyncio.DatagramProtocol):
    def __init__(self, domain, delay, counts):
        self.domain, self.delay, self.counts = domain, delay, counts
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        response, name, qtype = answer(data, self.domain)
        if response is None:
            return
        self.counts.note(name, qtype, False)
        asyncio.get_running_loop().call_later(self.delay, self.transport.sendto, response, addr)


async def serve_tcp(reader, writer, domain, delay, counts):
    try:
        while True:
            length = struct.unpack("!H", await reader.readexactly(2))[0]
            response, name, qtype = answer(await reader.readexactly(length), domain)
            if response is None:
                break
            counts.note(name, qtype, True)
            await asyncio.sleep(delay)
            writer.write(struct.pack("!H", len(response)) + response)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main(address, domain, delay_ms, stats_file):
    counts = Counts()
    delay = delay_ms / 1000.0
    loop = asyncio.get_running_loop()
    await loop.create_datagram_endpoint(lambda: UdpServer(domain, delay, counts), local_addr=(address, 53))
    await asyncio.start_server(lambda r, w: serve_tcp(r, w, domain, delay, counts), address, 53)
    loop.add_signal_handler(signal.SIGUSR1, counts.dump, stats_file)
    stop = loop.create_future()
    loop.add_signal_handler(signal.SIGTERM, stop.set_result, None)
    # Ready: the benchmark waits for this file before it sends a query.
    counts.dump(stats_file)
    await stop


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    asyncio.run(main(sys.argv[1], sys.argv[2].lower().strip("."), float(sys.argv[3]), sys.argv[4]))
