#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# A sequence-checked UDP flow:
#   esp_flow.py send ADDR PORT COUNT RATE   COUNT datagrams at RATE per second
#   esp_flow.py recv ADDR PORT              until the sender's end marker or
#                                           10 s of silence; prints a summary
import socket
import struct
import sys
import time

mode, addr, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
fam = socket.AF_INET6 if ':' in addr else socket.AF_INET
s = socket.socket(fam, socket.SOCK_DGRAM)

if mode == 'send':
    count, rate = int(sys.argv[4]), float(sys.argv[5])
    start = time.monotonic()
    for i in range(1, count + 1):
        s.sendto(struct.pack('!II', count, i), (addr, port))
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
    for _ in range(20):
        s.sendto(struct.pack('!II', count, 0), (addr, port))
        time.sleep(0.05)
    sys.exit(0)

s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
s.bind((addr, port))
s.settimeout(10)
seen, last, ordered, count = set(), 0, True, None
try:
    while True:
        total, seq = struct.unpack('!II', s.recv(64))
        count = total
        if seq == 0:
            break
        ordered = ordered and seq > last
        last = max(last, seq)
        seen.add(seq)
except socket.timeout:
    pass
count = count or 0
print('received %d of %d, %d missing, %s' % (
    len(seen), count, count - len(seen),
    'in order' if ordered else 'reordered'))
