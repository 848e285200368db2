#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
#
# Disconnect- and CoA-Requests, and replies, computed from the formulas
# of RFC 5176 §3.5, RFC 2865 §3 and RFC 3579 §3.2 with Python's hashlib
# and hmac, independently of user/lib: the seeds of fuzz_dae (written to
# user/fuzz/corpus/dae/) and, with --c, the vectors of
# user/tests/test_dae.c as C arrays.  Shared secret "testing123".
#
# usage: corpus_dae.py [--c]

import hashlib
import hmac
import os
import struct
import sys

SECRET = b"testing123"


def attr(t, v):
    return bytes([t, len(v) + 2]) + v


def avpair(s):
    """a Cisco-AVPair (vendor 9, type 1) in its own Vendor-Specific"""
    sub = bytes([1, len(s) + 2]) + s.encode()
    return attr(26, struct.pack(">I", 9) + sub)


def ma_attr():
    return attr(80, bytes(16))


def request(code, ident, attrs, ma=False):
    """Disconnect/CoA-Request: MA over a zero authenticator, then MD5"""
    body = (ma_attr() if ma else b"") + b"".join(attrs)
    length = 20 + len(body)
    pkt = bytearray(struct.pack(">BBH", code, ident, length) + bytes(16) +
                    body)
    if ma:
        pkt[22:38] = hmac.new(SECRET, bytes(pkt), hashlib.md5).digest()
    pkt[4:20] = hashlib.md5(bytes(pkt) + SECRET).digest()
    return bytes(pkt)


def reply(code, req, attrs):
    """ACK/NAK: Message-Authenticator first, then Response Authenticator"""
    body = ma_attr() + b"".join(attrs)
    pkt = bytearray(struct.pack(">BBH", code, req[1], 20 + len(body)) +
                    req[4:20] + body)
    pkt[22:38] = hmac.new(SECRET, bytes(pkt), hashlib.md5).digest()
    pkt[4:20] = hashlib.md5(bytes(pkt) + SECRET).digest()
    return bytes(pkt)


AUDIT = "audit-session-id=L2L433010101ZO2L4C0A8CA02ZH11941194ZN3B"
GUIDE_COA = [
    "audit-session-id=L2L44D010102ZO2L44D010101ZI1F401F4ZO2",
    "ip:interface-config=service-policy input pol",
    "ip:sub-qos-policy-out=2M-IN",
    "ip:sub-qos-policy-in=aaa-pol",
    "ip:interface-config=service-policy output 2M",
]
TS = struct.pack(">I", 1700000000)


def vectors():
    v = {}
    # the guide's POD (inventory §2.8): 84 bytes, no Message-Authenticator
    v["pod_guide"] = request(40, 216, [avpair(AUDIT)])
    pod131 = request(40, 131, [avpair(AUDIT)])
    v["pod_nak_req"] = pod131
    v["pod_nak"] = reply(42, pod131, [
        attr(18, b"No Matching Session"),
        attr(101, struct.pack(">I", 404))])
    # the guide's CoA (inventory §2.10): 257 bytes, 5 VSAs, no MA
    v["coa_guide"] = request(43, 125, [avpair(s) for s in GUIDE_COA])
    # a CoA with MA, an ACL, an Event-Timestamp and two Proxy-States
    coa = request(43, 7, [
        avpair("audit-session-id=FV0001"),
        avpair("ipsec:inacl=DENY-ICMP"),
        attr(33, b"proxy-one"),
        attr(55, TS),
        attr(33, b"\x00\x01two"),
    ], ma=True)
    v["coa_acl"] = coa
    v["coa_acl_ack"] = reply(44, coa, [attr(33, b"proxy-one"),
                                       attr(33, b"\x00\x01two")])
    # a Disconnect with every identifier
    v["pod_all_ids"] = request(40, 9, [
        attr(1, b"alice@example.com"),
        attr(44, b"0000002A"),
        attr(8, bytes([10, 20, 0, 5])),
        attr(31, b"192.0.2.7"),
        attr(4, bytes([192, 0, 2, 1])),
        attr(32, b"headend-1"),
        attr(95, bytes.fromhex("20010db8000000000000000000000001")),
        avpair("audit-session-id=FV0002"),
        attr(55, TS),
    ], ma=True)
    # refused: an IOS pair flexvtid does not apply (NAK 401)
    v["coa_unsupported"] = request(43, 11, [
        avpair("audit-session-id=FV0003"),
        avpair("ipsec:addr-pool=x")], ma=True)
    # interface-config lines, Filter-Id, Session-Timeout, sub-policy-Out
    v["coa_iface"] = request(43, 12, [
        attr(44, b"00000001"),
        avpair("ip:interface-config=ip access-group IN-ACL in"),
        avpair("ip:interface-config=ip access-group OUT-ACL out"),
        avpair("ip:interface-config=ip mtu 1400"),
        avpair("ip:sub-policy-Out=POL-OUT"),
        attr(11, b"IN-ACL"),
        attr(27, struct.pack(">I", 3600))], ma=True)
    return v


def c_array(name, data):
    out = ["static const uint8_t %s[] = {" % name]
    for i in range(0, len(data), 12):
        out.append("\t" + " ".join("0x%02x," % b for b in data[i:i + 12]))
    out.append("};")
    return "\n".join(out)


def main():
    v = vectors()
    if sys.argv[1:] == ["--c"]:
        print("\n\n".join(c_array(k, d) for k, d in v.items()))
        return
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "corpus", "dae")
    os.makedirs(out, exist_ok=True)
    for k, d in v.items():
        with open(os.path.join(out, k), "wb") as f:
            f.write(d)


if __name__ == "__main__":
    main()
