#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# A RADIUS server that answers each Access-Request first with forgeries,
# then with the real Access-Accept (RFC 2865 §3, RFC 3579 §3.2):
#
#   radius_forge.py ADDR PORT SECRET FRAMED_IP
#
# For every request: a reply whose Response Authenticator is wrong, one
# whose Message-Authenticator is wrong (its Response Authenticator right),
# one without a Message-Authenticator, one with an attribute running past
# the end of the packet, then a well-formed Access-Accept with a
# Message-Authenticator, which gives FRAMED_IP.  A client that trusts
# nothing unverified drops the four and takes the last.  Prints "ready"
# once it listens, then one line per request answered.
import hashlib
import hmac
import socket
import struct
import sys

addr, port, secret = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode()
framed_ip = socket.inet_aton(sys.argv[4])
MA = 80


def attr(t, v):
    return bytes([t, len(v) + 2]) + v


def packet(code, ident, req_auth, attrs, ma=True, bad_ma=False,
           bad_auth=False):
    """a reply: Message-Authenticator over the packet with the request's
    authenticator, then the Response Authenticator over all of it"""
    if ma:
        attrs = attrs + attr(MA, bytes(16))
    length = 20 + len(attrs)
    hdr = struct.pack('!BBH', code, ident, length)
    if ma:
        mac = hmac.new(secret, hdr + req_auth + attrs, 'md5').digest()
        if bad_ma:
            mac = bytes(b ^ 0x5a for b in mac)
        attrs = attrs[:-16] + mac
    resp = hashlib.md5(hdr + req_auth + attrs + secret).digest()
    if bad_auth:
        resp = bytes(b ^ 0xa5 for b in resp)
    return hdr + resp + attrs


s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((addr, port))
print('ready', flush=True)
while True:
    req, peer = s.recvfrom(4096)
    if len(req) < 20 or req[0] != 1:
        continue
    ident, auth = req[1], req[4:20]
    accept = attr(8, framed_ip) + attr(18, b'forged first')
    for kw in ({'bad_auth': True}, {'bad_ma': True}, {'ma': False}):
        s.sendto(packet(2, ident, auth, accept, **kw), peer)
    # an attribute claiming 40 bytes where 5 are left
    trunc = packet(2, ident, auth, accept + bytes([18, 40, 0x41, 0x41, 0x41]),
                   ma=False)
    s.sendto(trunc, peer)
    s.sendto(packet(2, ident, auth, accept), peer)
    print('answered request %d from %s' % (ident, peer[0]), flush=True)
