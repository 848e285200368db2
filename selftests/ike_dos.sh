#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# flexvtid under a flood of IKE_SA_INIT (RFC 7296 §2.6): one source may
# keep at most "limit half-open-per-source" IKE SAs half-open, the rest of
# its requests dropped and counted; 5,000 requests from spoofed sources
# make cookies engage once "cookie-challenge" IKE SAs are half-open, and
# a strongSwan client, which returns the cookie, still connects.

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/ike_lib.sh"

PSK=flexvti-dos-psk
COOKIE_AT=100
PER_SOURCE=20
FLOOD=5000

HUB_CONF="! DoS selftest
aaa new-model
aaa authorization network ra-list local
ip local pool ra-pool 10.10.0.10 10.10.0.250
crypto ikev2 cookie-challenge $COOKIE_AT
crypto ikev2 limit half-open-per-source $PER_SOURCE
crypto ikev2 authorization policy ra-authz
 pool ra-pool
 route set remote ipv4 10.200.0.0 255.255.255.0
crypto ikev2 keyring ra-keys
 peer clients
  address 0.0.0.0 0.0.0.0
  identity fqdn domain example.com
  pre-shared-key $PSK
crypto ikev2 profile ra
 match identity remote fqdn domain example.com
 identity local fqdn hub.example.com
 authentication remote pre-share
 authentication local pre-share
 keyring local ra-keys
 aaa authorization group psk list ra-list ra-authz
 virtual-template 1
crypto ipsec transform-set ts-gcm esp-gcm 256
crypto ipsec profile ra-ipsec
 set transform-set ts-gcm
 set ikev2-profile ra
interface Virtual-Template1 type tunnel
 ip unnumbered lan0
 tunnel mode ipsec ipv4
 tunnel protection ipsec profile ra-ipsec"

SW_CONF="connections {
	c10 {
		local_addrs = 10.99.0.10
		remote_addrs = 10.99.0.1
		vips = 0.0.0.0
		proposals = aes256gcm16-prfsha256-ecp256
		local { auth = psk
			id = c10.example.com }
		remote { auth = psk
			id = hub.example.com }
		children { net { remote_ts = 10.200.0.0/24
				esp_proposals = aes256gcm16 } }
	}
}
secrets { ike-c10 { id-a = c10.example.com
		id-b = hub.example.com
		secret = $PSK } }"

# init.py FROM COUNT [spoof]: COUNT IKE_SA_INIT requests (AES-GCM-256,
# PRF-SHA-256, ECP-256 with a valid point) to the hub, each with its own
# SPI and nonce; from address FROM over UDP, or with "spoof" from
# addresses of 10.98.0.0/16 over a raw socket
write_init_py() {
	cat >"$IKE_TMP/init.py" <<-'EOT'
	import os, socket, struct, sys

	G = bytes.fromhex(
	    '6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296'
	    '4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5')

	def transform(last, ttype, tid, keylen=None):
	    attr = struct.pack('!HH', 0x800e, keylen) if keylen else b''
	    body = struct.pack('!BBH', ttype, 0, tid) + attr
	    return struct.pack('!BBH', 0 if last else 3, 0, 4 + len(body)) + body

	trans = transform(0, 1, 20, 256) + transform(0, 2, 5) + transform(1, 4, 19)
	prop = struct.pack('!BBHBBBB', 0, 0, 8 + len(trans), 1, 1, 0, 3) + trans
	sa = struct.pack('!BBH', 34, 0, 4 + len(prop)) + prop
	ke = struct.pack('!HH', 19, 0) + G
	ke = struct.pack('!BBH', 40, 0, 4 + len(ke)) + ke

	def ike(spi):
	    nonce = os.urandom(32)
	    body = sa + ke + struct.pack('!BBH', 0, 0, 36) + nonce
	    return struct.pack('!QQBBBBII', spi, 0, 33, 0x20, 34, 0x08, 0,
	                       28 + len(body)) + body

	def ip_udp(src, payload):
	    udp = struct.pack('!HHHH', 500, 500, 8 + len(payload), 0) + payload
	    return struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 0, 0, 64,
	                       17, 0, socket.inet_aton(src),
	                       socket.inet_aton('10.99.0.1')) + udp

	src, count = sys.argv[1], int(sys.argv[2])
	spoof = len(sys.argv) > 3
	if spoof:
	    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
	else:
	    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
	    s.bind((src, 0))
	for i in range(count):
	    spi = struct.unpack('!Q', os.urandom(8))[0] | 1
	    if spoof:
	        a = '10.98.%d.%d' % (i // 250, 1 + i % 250)
	        s.sendto(ip_udp(a, ike(spi)), ('10.99.0.1', 0))
	    else:
	        s.sendto(ike(spi), ('10.99.0.1', 500))
	EOT
}

setup() {
	ike_topology || return 1
	# answers to the spoofed sources go nowhere, quietly
	ip -n $NSH route add blackhole 10.98.0.0/16
	ip netns exec $NSH sysctl -qw net.ipv4.conf.all.rp_filter=0 \
		net.ipv4.conf.br0.rp_filter=0
	write_init_py
	ike_hub_start "$HUB_CONF" && ike_sw_start
}

half_open() {
	ike_ctl -j show crypto ikev2 sa | jq '[.[] | select(.status == "IN-NEG")] | length'
}

# per_source: 50 requests from one address leave PER_SOURCE half-open
per_source() {
	local before n

	ip -n $NSC addr add 10.99.0.60/24 dev cli0
	before=$(ike_stat half-open-per-source-dropped)
	ip netns exec $NSC python3 "$IKE_TMP/init.py" 10.99.0.60 50 || return 1
	sleep 2
	n=$(half_open)
	echo "half-open: $n," \
	     "dropped: $(($(ike_stat half-open-per-source-dropped) - before))"
	[ "$n" -eq $PER_SOURCE ] &&
		[ "$(ike_stat half-open-per-source-dropped)" -eq $((before + 50 - PER_SOURCE)) ]
}

# flood: FLOOD spoofed requests, then a real client connects
flood() {
	local n sent va

	ip netns exec $NSC python3 "$IKE_TMP/init.py" - $FLOOD spoof ||
		return 1
	sleep 1
	n=$(half_open)
	sent=$(ike_stat cookie-sent)
	echo "after $FLOOD spoofed IKE_SA_INIT: $n half-open, $sent cookies sent"
	[ "$sent" -gt 0 ] && [ "$n" -le $((COOKIE_AT + 5)) ] || {
		ike_ctl show crypto ikev2 stats; return 1; }
	ike_sw_load "$SW_CONF" || return 1
	ike_swanctl --initiate --ike c10 --child net --timeout 60 >/dev/null ||
		{ tail -n 20 "$IKE_TMP/flexvtid.log"; return 1; }
	grep -q "COOKIE" "$IKE_TMP/sw/charon.log" || {
		echo "the client got no cookie"; return 1; }
	va=$(ike_ctl -j show crypto session | jq -r '.[0].interface')
	echo "client connected on $va after returning the cookie;" \
	     "cookies sent: $(ike_stat cookie-sent)"
	ip netns exec $NSC ping -c 2 -i 0.2 -W 2 10.200.0.2
}

flexvti_require
flexvti_require_tools charon-systemd swanctl jq
ktap_print_header
ktap_set_plan 3
flexvti_stage "headend and client namespaces; flexvtid and charon run" setup
flexvti_stage "one source keeps at most $PER_SOURCE IKE SAs half-open, the rest dropped and counted" per_source
flexvti_stage "$FLOOD spoofed IKE_SA_INIT: cookies engage, a strongSwan client still connects" flood
ike_sw_stop
ike_hub_stop
rm -rf "$IKE_TMP"
ktap_finished
