#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# A sequence-checked UDP flow:
#   esp_flow.py send ADDR PORT COUNT RATE [STOPFILE]
#                           COUNT datagrams at RATE per second, fewer when
#                           STOPFILE appears; the end marker tells how many
#   esp_flow.py recv ADDR PORT
#                           until the sender's end marker or 10 s of
#                           silence; prints a summary
import os
import socket
import struct
import sys
import time

mode, addr, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
fam = socket.AF_INET6 if ':' in addr else socket.AF_INET
s = socket.socket(fam, socket.SOCK_DGRAM)

if mode == 'send':
    count, rate = int(sys.argv[4]), float(sys.argv[5])
    stop = sys.argv[6] if len(sys.argv) > 6 else None
    start = time.monotonic()
    sent = 0
    errors = {}
    for i in range(1, count + 1):
        if stop and i % 16 == 0 and os.path.exists(stop):
            break
        try:
            s.sendto(struct.pack('!II', count, i), (addr, port))
        except OSError as e:
            # counted, and the receiver sees the gap
            errors[e.strerror] = errors.get(e.strerror, 0) + 1
            if len(errors) == 1 and errors[e.strerror] == 1:
                print('first send error at %d: %s (%.3f s)' %
                      (i, e.strerror, time.monotonic() - start))
        sent = i
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
    for _ in range(20):
        try:
            s.sendto(struct.pack('!II', sent, 0), (addr, port))
        except OSError:
            pass
        time.sleep(0.05)
    print('sent %d, send errors: %s' % (sent, errors or 'none'))
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
