#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# Helpers of va_nhrp.sh:
#   nhrp_tool.py udp SRC DST PORT COUNT
#           COUNT UDP datagrams from SRC to DST:PORT, as fast as they go
#   nhrp_tool.py udp-many SRC NET COUNT PORT
#           one UDP datagram from SRC to each of the first COUNT hosts of
#           the IPv4 network NET (10.200.0.0/16 say)
#   nhrp_tool.py listen ADDR PORT OUT
#           count datagrams on ADDR PORT until 8 s pass without the first
#           or 1.5 s after the last; writes the count to OUT, and creates
#           OUT.ready once listening
#   nhrp_tool.py events FILE SKIP
#           the nhrp-redirect events among the JSON lines of "flexvtictl
#           -j monitor" in FILE after the first SKIP lines, one line each:
#           "IFNAME IFINDEX NETWORK_ID EGRESS SRC DST PROTO PSRC PDST":
#           PROTO, PSRC and PDST read from the packet start the event
#           quotes (its IP header)
#   nhrp_tool.py pkt-send DEV HEX
#           an NHRP packet (GRE protocol 0x2001) from a packet socket on DEV
#   nhrp_tool.py pkt-recv DEV OUT
#           the first packet of protocol 0x2001 a packet socket on DEV
#           receives, as hex into OUT; creates OUT.ready once listening
import ipaddress
import json
import socket
import sys

ETH_P_NHRP = 0x2001


def family(addr):
    return socket.AF_INET6 if ':' in addr else socket.AF_INET


def udp(src, dst, port, count):
    s = socket.socket(family(dst), socket.SOCK_DGRAM)
    s.bind((src, 0))
    for _ in range(int(count)):
        s.sendto(b'nhrp', (dst, int(port)))


def udp_many(src, net, count, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((src, 0))
    hosts = ipaddress.ip_network(net).hosts()
    for _ in range(int(count)):
        s.sendto(b'nhrp', (str(next(hosts)), int(port)))


def listen(addr, port, out):
    s = socket.socket(family(addr), socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
    s.bind((addr, int(port)))
    s.settimeout(8)
    open(out + '.ready', 'w').close()
    n = 0
    try:
        while True:
            s.recv(64)
            n += 1
            s.settimeout(1.5)
    except socket.timeout:
        pass
    with open(out, 'w') as f:
        f.write('%d\n' % n)


def packet_addrs(pkt):
    if pkt[0] >> 4 == 4:
        return (pkt[9], socket.inet_ntop(socket.AF_INET, pkt[12:16]),
                socket.inet_ntop(socket.AF_INET, pkt[16:20]))
    return (pkt[6], socket.inet_ntop(socket.AF_INET6, pkt[8:24]),
            socket.inet_ntop(socket.AF_INET6, pkt[24:40]))


def events(path, skip):
    with open(path) as f:
        lines = f.readlines()[int(skip):]
    for line in lines:
        e = json.loads(line)
        if e['event'] != 'nhrp-redirect':
            continue
        pkt = bytes.fromhex(e['packet'])
        print(e['ifname'], e['ifindex'], e['network_id'],
              e['egress_ifindex'], e['src'], e['dst'],
              *packet_addrs(pkt))


def pkt_socket(dev):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM,
                      socket.htons(ETH_P_NHRP))
    s.bind((dev, ETH_P_NHRP))
    return s


def pkt_send(dev, data):
    pkt_socket(dev).sendto(bytes.fromhex(data), (dev, ETH_P_NHRP))


def pkt_recv(dev, out):
    s = pkt_socket(dev)
    s.settimeout(10)
    open(out + '.ready', 'w').close()
    data, addr = s.recvfrom(65536)
    if addr[1] != ETH_P_NHRP:
        sys.exit('protocol %#x' % addr[1])
    with open(out, 'w') as f:
        f.write(data.hex() + '\n')


if __name__ == '__main__':
    cmds = {
        'udp': udp, 'udp-many': udp_many, 'listen': listen,
        'events': events, 'pkt-send': pkt_send, 'pkt-recv': pkt_recv,
    }
    cmds[sys.argv[1]](*sys.argv[2:])
