#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# Access lists and policers of a flexvti interface over the generic
# netlink family, with raw sockets, for va_acl.sh (until flexvtictl has
# "acl" commands):
#
#   acl_nl.py acl DEV in|out [name NAME] RULE...
#	attach a list; each RULE is "permit" or "deny" with ",key=value"
#	fields: family=4|6 proto=N src=PREFIX dst=PREFIX sport=N[-M]
#	dport=N[-M] type=N code=N.  No RULE detaches the list.
#   acl_nl.py police DEV in|out RATE [BURST]
#	attach a policer (bit/s, bytes); RATE 0 detaches it
#   acl_nl.py show DEV
#	the lists with their rules and hits (acl-get), the policers and
#	counters (dev-get), as JSON
#   acl_nl.py get DEV KEY...
#	one value of "show" per KEY, a dotted path: acl_in.rules.0.hits
import ipaddress
import json
import os
import socket
import struct
import sys



# the numbers of <linux/flexvti.h> this script uses
class A:
    IFINDEX, STATS = 1, 11
    ACL_IN, ACL_OUT, POLICER_IN, POLICER_OUT = 32, 33, 34, 35


class ACL:
    NAME, RULE, RULE_COUNT, DENY_HITS = 1, 2, 3, 4


class RULE:
    ACTION, FAMILY, PROTO, SRC, SRC_PREFIX_LEN, DST, DST_PREFIX_LEN = range(1, 8)
    SPORT_MIN, SPORT_MAX, DPORT_MIN, DPORT_MAX = 8, 9, 10, 11
    ICMP_TYPE, ICMP_CODE, HITS = 12, 13, 14


class POL:
    RATE, BURST = 2, 3
    CONFORM_PACKETS, CONFORM_BYTES, EXCEED_PACKETS, EXCEED_BYTES = 4, 5, 6, 7


class STATS:
    RX_PACKETS, TX_PACKETS, DROP_NO_SA, DROP_ACL, DROP_POLICER = 1, 3, 7, 12, 13


class CMD:
    DEV_GET, DEV_SET, ACL_GET = 1, 2, 10

NLM_F_REQUEST, NLM_F_ACK = 1, 4
NLMSG_ERROR, GENL_ID_CTRL = 2, 0x10
NLA_F_NESTED = 0x8000
SOL_NETLINK, NETLINK_CAP_ACK, NETLINK_EXT_ACK = 270, 10, 11
NETLINK_GENERIC = 16

U8, U16, U32, U64 = 'B', 'H', 'I', 'Q'


def attr(atype, payload):
    hdr = struct.pack('HH', 4 + len(payload), atype)
    return hdr + payload + b'\0' * (-len(payload) % 4)


def nest(atype, attrs):
    return attr(atype | NLA_F_NESTED, b''.join(attrs))


def num(atype, fmt, value):
    return attr(atype, struct.pack(fmt, value))


def parse(data):
    """attributes as {type: [payload, ...]}"""
    out = {}
    while len(data) >= 4:
        alen, atype = struct.unpack_from('HH', data)
        out.setdefault(atype & 0x3fff, []).append(data[4:alen])
        data = data[(alen + 3) & ~3:]
    return out


class Genl:
    def __init__(self):
        self.sk = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW,
                                NETLINK_GENERIC)
        self.sk.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
        self.sk.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        self.seq = 0
        reply = self.request(GENL_ID_CTRL, 3,  # CTRL_CMD_GETFAMILY
                             [attr(2, b'flexvti\0')])[0]
        self.family = struct.unpack('H', reply[1][0][:2])[0]

    def request(self, family, cmd, attrs):
        """send one request; its replies as parsed attributes"""
        self.seq += 1
        body = struct.pack('BBH', cmd, 1, 0) + b''.join(attrs)
        self.sk.send(struct.pack('IHHII', 16 + len(body), family,
                                 NLM_F_REQUEST | NLM_F_ACK, self.seq, 0)
                     + body)
        replies = []
        while True:
            data = self.sk.recv(1 << 20)
            while data:
                mlen, mtype = struct.unpack_from('IH', data)
                msg, data = data[16:mlen], data[(mlen + 3) & ~3:]
                if mtype != NLMSG_ERROR:
                    replies.append(parse(msg[4:]))
                    continue
                err = struct.unpack_from('i', msg)[0]
                if err:
                    ext = parse(msg[20:]).get(1, [b''])[0]
                    sys.exit('%s: %s' % (os.strerror(-err),
                                         ext.rstrip(b'\0').decode()))
                return replies


def ports(text):
    lo, _, hi = text.partition('-')
    return int(lo), int(hi or lo)


def rule(text):
    words = text.split(',')
    out = [num(RULE.ACTION, U32, {'permit': 1, 'deny': 2}[words[0]])]
    family = 0
    for w in words[1:]:
        key, value = w.split('=')
        if key == 'family':
            family = {'4': socket.AF_INET, '6': socket.AF_INET6}[value]
            out.append(num(RULE.FAMILY, U8, family))
        elif key == 'proto':
            out.append(num(RULE.PROTO, U8, int(value)))
        elif key in ('src', 'dst'):
            net = ipaddress.ip_network(value)
            a = RULE.SRC if key == 'src' else RULE.DST
            out.append(attr(a, net.network_address.packed))
            out.append(num(a + 1, U8, net.prefixlen))
        elif key in ('sport', 'dport'):
            lo, hi = ports(value)
            a = RULE.SPORT_MIN if key == 'sport' else RULE.DPORT_MIN
            out += [num(a, U16, lo), num(a + 1, U16, hi)]
        elif key in ('type', 'code'):
            a = RULE.ICMP_TYPE if key == 'type' else RULE.ICMP_CODE
            out.append(num(a, U8, int(value)))
        else:
            sys.exit('unknown rule field ' + key)
    return nest(ACL.RULE, out)


def u64(attrs, atype):
    return struct.unpack('Q', attrs[atype][0])[0] if atype in attrs else None


def acl_json(payload):
    a = parse(payload)
    out = {'name': a.get(ACL.NAME, [b''])[0].rstrip(b'\0').decode(),
           'rule_count': struct.unpack('I', a[ACL.RULE_COUNT][0])[0],
           'deny_hits': u64(a, ACL.DENY_HITS)}
    if ACL.RULE in a:
        out['rules'] = [{'hits': u64(parse(r), RULE.HITS)}
                        for r in a[ACL.RULE]]
    return out


def show(nl, ifindex):
    idx = num(A.IFINDEX, U32, ifindex)
    dev = nl.request(nl.family, CMD.DEV_GET, [idx])[0]
    acls = nl.request(nl.family, CMD.ACL_GET, [idx])[0]
    out = {}
    for key, atype in (('acl_in', A.ACL_IN), ('acl_out', A.ACL_OUT)):
        if atype in acls:
            out[key] = acl_json(acls[atype][0])
    for key, atype in (('policer_in', A.POLICER_IN),
                       ('policer_out', A.POLICER_OUT)):
        if atype in dev:
            p = parse(dev[atype][0])
            out[key] = {k.lower(): u64(p, getattr(POL, k)) for k in
                        ('RATE', 'CONFORM_PACKETS', 'CONFORM_BYTES',
                         'EXCEED_PACKETS', 'EXCEED_BYTES')}
            out[key]['burst'] = struct.unpack('I', p[POL.BURST][0])[0]
    s = parse(dev[A.STATS][0])
    out['stats'] = {k.lower(): u64(s, getattr(STATS, k)) for k in
                    ('RX_PACKETS', 'TX_PACKETS', 'DROP_ACL',
                     'DROP_POLICER', 'DROP_NO_SA')}
    return out


def lookup(tree, path):
    for key in path.split('.'):
        tree = tree[int(key)] if isinstance(tree, list) else tree[key]
    return tree


def main(argv):
    nl = Genl()
    cmd, ifindex = argv[1], socket.if_nametoindex(argv[2])
    idx = num(A.IFINDEX, U32, ifindex)
    if cmd == 'acl':
        a = A.ACL_IN if argv[3] == 'in' else A.ACL_OUT
        words = argv[4:]
        body = []
        if words[:1] == ['name']:
            body.append(attr(ACL.NAME, words[1].encode() + b'\0'))
            words = words[2:]
        body += [rule(w) for w in words]
        nl.request(nl.family, CMD.DEV_SET, [idx, nest(a, body)])
    elif cmd == 'police':
        a = A.POLICER_IN if argv[3] == 'in' else A.POLICER_OUT
        body = [num(POL.RATE, U64, int(argv[4]))]
        if len(argv) > 5:
            body.append(num(POL.BURST, U32, int(argv[5])))
        nl.request(nl.family, CMD.DEV_SET, [idx, nest(a, body)])
    elif cmd == 'show':
        print(json.dumps(show(nl, ifindex)))
    elif cmd == 'get':
        tree = show(nl, ifindex)
        for path in argv[3:]:
            print(lookup(tree, path))
    else:
        sys.exit(__doc__)


main(sys.argv)
