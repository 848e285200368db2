#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# UDP sockets for the ESP-in-UDP tests (RFC 3948).
#
# esp_udp.py hold ADDR PORT LOG READY [--xfrm] [CMD...]
#	Bind a UDP socket to ADDR PORT and keep it open until killed.  With
#	--xfrm it gets the kernel's own UDP_ENCAP_ESPINUDP, as charon's NAT-T
#	socket has.  CMD runs with the socket as an inherited descriptor,
#	"{fd}" in its words replaced by the number (flexvtictl dev set va1
#	udp-socket {fd}); the hold fails if CMD fails.  READY is created once
#	the socket is set up; each datagram the socket receives is then
#	appended to LOG as a line of hex.
#
# esp_udp.py send ADDR PORT DST DPORT HEX...
#	Send each HEX as one datagram from ADDR PORT to DST DPORT.
import os
import socket
import subprocess
import sys

UDP_ENCAP = 100
UDP_ENCAP_ESPINUDP = 2


def udp_socket(addr, port):
    family = socket.AF_INET6 if ':' in addr else socket.AF_INET
    s = socket.socket(family, socket.SOCK_DGRAM)
    s.bind((addr, int(port)))
    return s


def hold(addr, port, log, ready, args):
    s = udp_socket(addr, port)
    if args[:1] == ['--xfrm']:
        s.setsockopt(socket.IPPROTO_UDP, UDP_ENCAP, UDP_ENCAP_ESPINUDP)
        args = args[1:]
    if args:
        fd = s.fileno()
        cmd = [w.replace('{fd}', str(fd)) for w in args]
        if subprocess.run(cmd, pass_fds=(fd,)).returncode:
            sys.exit(1)
    open(ready, 'w').close()
    with open(log, 'a') as f:
        while True:
            data = s.recv(65535)
            f.write(data.hex() + '\n')
            f.flush()


def send(addr, port, dst, dport, datagrams):
    s = udp_socket(addr, port)
    for d in datagrams:
        s.sendto(bytes.fromhex(d), (dst, int(dport)))


if sys.argv[1] == 'hold':
    hold(*sys.argv[2:6], sys.argv[6:])
elif sys.argv[1] == 'send':
    send(*sys.argv[2:6], sys.argv[6:])
else:
    sys.exit('usage: esp_udp.py hold ADDR PORT LOG READY [--xfrm] [CMD...]\n'
             '       esp_udp.py send ADDR PORT DST DPORT HEX...')
