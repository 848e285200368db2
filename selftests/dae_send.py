#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# A dynamic-authorization client (RFC 5176) for the cases radclient cannot
# make: requests with a wrong Request Authenticator, without or with a
# wrong Message-Authenticator, with an Event-Timestamp of the past, and
# the same request sent twice.
#
#   dae_send.py [options] ADDR PORT SECRET disconnect|coa ATTR=VALUE...
#
#   ATTR is audit-session-id, or any other Cisco-AVPair "proto:key" (sent
#   as Cisco-AVPair "ATTR=VALUE"), or one of User-Name, Acct-Session-Id,
#   Framed-IP-Address, Calling-Station-Id, NAS-IP-Address, Filter-Id,
#   Session-Timeout, Reply-Message.
#
#   --bind ADDR        send from this address
#   --no-ma            no Message-Authenticator
#   --bad-ma           a Message-Authenticator that is wrong
#   --bad-auth         a Request Authenticator that is wrong
#   --timestamp DELTA  an Event-Timestamp of now + DELTA seconds
#   --times N          send the same datagram N times (default 1)
#   --wait SECONDS     how long to wait for each answer (default 2)
#
# For each datagram sent, one line: "CODE NAME ATTR=VALUE ..." of the
# answer (Reply-Message, Error-Cause, Proxy-State shown), or "timeout".
# The answers' authenticators are checked: a wrong one prints "forged".
# Exit status: 0, 2 for a wrong command line.
import argparse
import hashlib
import hmac
import os
import socket
import struct
import sys
import time

MA = 80
CODES = {40: 'Disconnect-Request', 41: 'Disconnect-ACK',
         42: 'Disconnect-NAK', 43: 'CoA-Request', 44: 'CoA-ACK',
         45: 'CoA-NAK'}
TEXT = {'User-Name': 1, 'Filter-Id': 11, 'Reply-Message': 18,
        'Calling-Station-Id': 31, 'Acct-Session-Id': 44}
ADDR = {'Framed-IP-Address': 8, 'NAS-IP-Address': 4}
INT = {'Session-Timeout': 27}


def attr(t, v):
    return bytes([t, len(v) + 2]) + v


def avpair(text):
    v = text.encode()
    return attr(26, struct.pack('!I', 9) + attr(1, v))


def encode(name, value):
    if name in TEXT:
        return attr(TEXT[name], value.encode())
    if name in ADDR:
        return attr(ADDR[name], socket.inet_aton(value))
    if name in INT:
        return attr(INT[name], struct.pack('!I', int(value)))
    return avpair(f'{name}={value}')


def request(code, ident, secret, attrs, opts):
    """RFC 5176 §3.5: the Request Authenticator is MD5 over the packet
    with 16 zero octets in its place, then the secret; a
    Message-Authenticator (RFC 3579 §3.2) is computed before it, over the
    packet with a zero authenticator"""
    if opts.timestamp is not None:
        attrs += attr(55, struct.pack('!I', int(time.time()) +
                                      opts.timestamp))
    if not opts.no_ma:
        attrs += attr(MA, bytes(16))
    hdr = struct.pack('!BBH', code, ident, 20 + len(attrs))
    if not opts.no_ma:
        mac = hmac.new(secret, hdr + bytes(16) + attrs, 'md5').digest()
        if opts.bad_ma:
            mac = bytes([mac[0] ^ 1]) + mac[1:]
        attrs = attrs[:-16] + mac
    auth = hashlib.md5(hdr + bytes(16) + attrs + secret).digest()
    if opts.bad_auth:
        auth = bytes([auth[0] ^ 1]) + auth[1:]
    return hdr + auth + attrs


def attrs_of(data):
    out, off = [], 20
    while off + 2 <= len(data):
        t, n = data[off], data[off + 1]
        if n < 2:
            break
        out.append((t, data[off + 2:off + n]))
        off += n
    return out


def genuine(data, req_auth, secret):
    """the Response Authenticator, and the Message-Authenticator if any"""
    want = hashlib.md5(data[:4] + req_auth + data[20:] + secret).digest()
    if want != data[4:20]:
        return False
    off = 20
    while off + 2 <= len(data):
        t, n = data[off], data[off + 1]
        if n < 2:
            return False
        if t == MA and n == 18:
            body = data[:4] + req_auth + data[20:off + 2] + bytes(16) + \
                data[off + 18:]
            mac = hmac.new(secret, body, 'md5').digest()
            return mac == data[off + 2:off + 18]
        off += n
    return True


def show(data, req_auth, secret):
    if len(data) < 20:
        return 'short'
    words = [str(data[0]), CODES.get(data[0], '?')]
    if not genuine(data, req_auth, secret):
        words.append('forged')
    for t, v in attrs_of(data):
        if t == 18:
            words.append(f'Reply-Message={v.decode(errors="replace")}')
        elif t == 101 and len(v) == 4:
            words.append(f'Error-Cause={struct.unpack("!I", v)[0]}')
        elif t == 33:
            words.append(f'Proxy-State={v.hex()}')
    return ' '.join(words)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bind')
    ap.add_argument('--no-ma', action='store_true')
    ap.add_argument('--bad-ma', action='store_true')
    ap.add_argument('--bad-auth', action='store_true')
    ap.add_argument('--timestamp', type=int)
    ap.add_argument('--times', type=int, default=1)
    ap.add_argument('--wait', type=float, default=2)
    ap.add_argument('addr')
    ap.add_argument('port', type=int)
    ap.add_argument('secret')
    ap.add_argument('kind', choices=['disconnect', 'coa'])
    ap.add_argument('attrs', nargs='*')
    opts = ap.parse_args()

    secret = opts.secret.encode()
    attrs = b''
    for a in opts.attrs:
        name, eq, value = a.partition('=')
        if not eq:
            ap.error(f'{a}: not ATTR=VALUE')
        attrs += encode(name, value)
    attrs += attr(33, os.urandom(4))
    code = 40 if opts.kind == 'disconnect' else 43
    ident = os.urandom(1)[0]
    data = request(code, ident, secret, attrs, opts)

    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    if opts.bind:
        s.bind((opts.bind, 0))
    s.settimeout(opts.wait)
    for _ in range(opts.times):
        s.sendto(data, (opts.addr, opts.port))
        try:
            reply = s.recv(4096)
            print(show(reply, data[4:20], secret), flush=True)
        except socket.timeout:
            print('timeout', flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
