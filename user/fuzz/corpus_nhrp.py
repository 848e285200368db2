#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
#
# The seeds of fuzz_nhrp (written to user/fuzz/corpus/nhrp/): NHRP
# packets laid out from RFC 2332 §5.2 and §5.3 and draft-detienne-dmvpn-01
# §4 with struct and the RFC 1071 checksum, independently of user/lib: one
# of each type, IPv4 and IPv6 on the NBMA and protocol sides, CIEs in the
# mandatory part and in extensions, Authentication, Vendor-Private and an
# unknown extension.
#
# usage: corpus_nhrp.py [DIR]

import ipaddress
import os
import struct
import sys

AFN = {4: 1, 6: 2}
PRO = {4: 0x0800, 6: 0x86DD}


def addr(s):
    return ipaddress.ip_address(s).packed if s else b""


def csum(b):
    if len(b) & 1:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def cie(code=0, prefix=32, mtu=1400, hold=7200, nbma=None, proto=None,
        pref=0):
    n, p = addr(nbma), addr(proto)
    return struct.pack("!BBHHHBBBB", code, prefix, 0, mtu, hold, len(n), 0,
                       len(p), pref) + n + p


def ext(t, value=b"", c=True):
    return struct.pack("!HH", t | (0x8000 if c else 0), len(value)) + value


def packet(ptype, nbma_v, proto_v, hdr4, src_nbma, src, dst, body=b"",
           exts=None, hops=16):
    """hdr4: the 6 bytes after the two protocol lengths"""
    n = addr(src_nbma)
    mand = struct.pack("!BB", len(addr(src)), len(addr(dst))) + hdr4 + n + \
        addr(src) + addr(dst) + body
    extb = b"".join(exts) + ext(0) if exts is not None else b""
    extoff = 20 + len(mand) if exts is not None else 0
    size = 20 + len(mand) + len(extb)
    fixed = struct.pack("!HH5sBHHHBBBB", AFN[nbma_v], PRO[proto_v],
                        bytes(5), hops, size, 0, extoff, 1, ptype, len(n), 0)
    pkt = bytearray(fixed + mand + extb)
    pkt[12:14] = struct.pack("!H", csum(bytes(pkt)))
    return bytes(pkt)


def req_hdr(flags, reqid):
    return struct.pack("!HI", flags, reqid)


def ip4(src, dst):
    h = bytearray(struct.pack("!BBHHHBBH4s4s", 0x45, 0, 84, 0x1234, 0x4000,
                              63, 1, 0, addr(src), addr(dst)))
    h[10:12] = struct.pack("!H", csum(bytes(h)))
    return bytes(h) + bytes([8, 0, 0xF7, 0xFD, 0, 1, 0, 1])


def ip6(src, dst):
    return struct.pack("!IHBB16s16s", 0x60000000, 8, 58, 64, addr(src),
                       addr(dst)) + bytes([128, 0, 0, 0, 0, 1, 0, 1])


def seeds():
    s = {}
    placeholders = [ext(3), ext(4), ext(5)]
    s["res-req-v4"] = packet(1, 4, 4, req_hdr(0x8802, 1), "192.0.2.1",
                             "10.0.0.1", "10.0.0.2", cie(), placeholders)
    s["res-reply-v4"] = packet(
        2, 4, 4, req_hdr(0xC802, 1), "192.0.2.2", "10.0.0.2", "10.0.0.1",
        cie(prefix=24, nbma="192.0.2.2", proto="10.0.0.2"),
        [ext(3, cie(nbma="192.0.2.2", proto="10.0.0.2")),
         ext(4, cie(nbma="198.51.100.1", proto="10.0.0.254")),
         ext(5, cie(nbma="198.51.100.1", proto="10.0.0.254")),
         ext(9, cie(nbma="203.0.113.7", proto="10.0.0.2"), c=False)])
    s["res-req-v6-over-v4"] = packet(
        1, 4, 6, req_hdr(0x8000, 7), "192.0.2.1", "2001:db8::1",
        "2001:db8::2", cie(prefix=128), placeholders)
    s["res-reply-v6-over-v6"] = packet(
        2, 6, 6, req_hdr(0x4000, 7), "2001:db8:ff::2", "2001:db8::2",
        "2001:db8::1",
        cie(prefix=64, nbma="2001:db8:ff::2", proto="2001:db8::2"),
        [ext(3, cie(nbma="2001:db8:ff::2", proto="2001:db8::2"))])
    s["reg-req"] = packet(3, 4, 4, req_hdr(0x8002, 9), "192.0.2.1",
                          "10.0.0.1", "10.0.0.254",
                          cie(prefix=0xFF, nbma="192.0.2.1",
                              proto="10.0.0.1"),
                          [ext(7, struct.pack("!I", 1) + b"secret")])
    s["reg-reply"] = packet(4, 4, 4, req_hdr(0x8002, 9), "192.0.2.1",
                            "10.0.0.1", "10.0.0.254",
                            cie(code=14, prefix=0xFF, nbma="192.0.2.1",
                                proto="10.0.0.1"),
                            [ext(8, b"\x00\x00\x00\x09vendor", c=False)])
    s["purge-req"] = packet(5, 6, 4, req_hdr(0x8000, 3), "2001:db8:ff::1",
                            "10.0.0.254", "10.0.0.1",
                            cie(prefix=24, proto="10.0.1.0"),
                            [ext(0x1234, b"\xaa\xbb\xcc", c=False)])
    s["purge-reply"] = packet(6, 4, 4, req_hdr(0, 3), None, "10.0.0.1",
                              "10.0.0.254", cie(prefix=24, proto="10.0.1.0"))
    s["error-ind"] = packet(7, 4, 4, struct.pack("!HHH", 0, 15, 9),
                            "198.51.100.1", "10.0.0.254", "10.0.0.1",
                            s["res-req-v4"])
    s["traffic-ind-v4"] = packet(8, 4, 4, bytes(6), "198.51.100.1",
                                 "10.0.0.254", "192.168.1.10",
                                 ip4("192.168.1.10", "192.168.2.20"),
                                 hops=1)
    s["traffic-ind-v6"] = packet(8, 4, 6, bytes(6), "198.51.100.1",
                                 "2001:db8::fe", "2001:db8:1::10",
                                 ip6("2001:db8:1::10", "2001:db8:2::20"),
                                 hops=1)
    return s


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else \
        os.path.join(here, "corpus", "nhrp")
    os.makedirs(out, exist_ok=True)
    for name, data in seeds().items():
        assert csum(data) == 0
        with open(os.path.join(out, name + ".bin"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
