#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# A sequence-checked UDP flow:
#   esp_flow.py send ADDR PORT COUNT RATE [STOPFILE]
#                           COUNT datagrams at RATE per second, fewer when
#                           STOPFILE appears; the end marker tells how many.
#                           A datagram the sending host's own kernel refuses
#                           (sendto() fails, so it never left) is counted
#                           and sent again once; the receiver sees a gap
#                           only if that fails too.
#   esp_flow.py recv ADDR PORT
#                           until half a second after the sender's first
#                           end marker, or 10 s of silence; prints a
#                           summary with the first missing numbers
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

    def send(i, again):
        try:
            s.sendto(struct.pack('!II', count, i), (addr, port))
            return True
        except OSError as e:
            errors[e.strerror] = errors.get(e.strerror, 0) + 1
            if sum(errors.values()) <= 10:
                print('send error at %d%s: %s (%.3f s)' %
                      (i, ' (again)' if again else '', e.strerror,
                       time.monotonic() - start))
            return False

    for i in range(1, count + 1):
        if stop and i % 16 == 0 and os.path.exists(stop):
            break
        if not send(i, False):
            time.sleep(0.001)
            send(i, True)
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
seen, last, ordered, count, end = set(), 0, True, None, None
try:
    # the sender's end markers go on for a second: what was sent before
    # the first one still counts when it comes in just after it
    while end is None or time.monotonic() < end:
        if end is not None:
            s.settimeout(max(end - time.monotonic(), 0.01))
        total, seq = struct.unpack('!II', s.recv(64))
        count = total
        if seq == 0:
            end = end or time.monotonic() + 0.5
            continue
        ordered = ordered and seq > last
        last = max(last, seq)
        seen.add(seq)
except socket.timeout:
    pass
count = count or 0
missing = sorted(set(range(1, count + 1)) - seen)
print('received %d of %d, %d missing%s, %s' % (
    len(seen), count, len(missing),
    ' (%s)' % ' '.join(map(str, missing[:10])) if missing else '',
    'in order' if ordered else 'reordered'))
