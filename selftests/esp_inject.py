#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# esp_inject.py IFACE PCAP OFFSET: send the first frame of PCAP on IFACE
# as it is, then again with the top bit of byte OFFSET flipped.
import socket
import struct
import sys

iface, pcap, offset = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(pcap, 'rb').read()
magic = struct.unpack('<I', data[:4])[0]
endian = '<' if magic in (0xa1b2c3d4, 0xa1b23c4d) else '>'
incl = struct.unpack(endian + 'I', data[24 + 8:24 + 12])[0]
frame = bytearray(data[40:40 + incl])
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((iface, 0))
s.send(bytes(frame))
frame[offset] ^= 0x80
s.send(bytes(frame))
