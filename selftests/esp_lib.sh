#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Two namespaces joined by a veth pair, for the ESP tests:
#
#   fvt-a: va1 (flexvti)   a0 10.0.0.1/24 fd00::1/64
#   fvt-b: xfrm, or va1    b0 10.0.0.2/24 fd00::2/64
#
# Inner addresses: 192.168.11.1 and fd11::1 behind A, 192.168.22.1 and
# fd22::1 behind B.  Keys are fresh random bytes for every SA pair.

NSA=fvt-a
NSB=fvt-b
ESP_DIR=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")

# esp_topology: the two namespaces and the veth pair
esp_topology() {
	flexvti_netns $NSA && flexvti_netns $NSB || return 1
	ip link add a0 netns $NSA type veth peer name b0 netns $NSB || return 1
	ip -n $NSA addr add 10.0.0.1/24 dev a0
	ip -n $NSB addr add 10.0.0.2/24 dev b0
	ip -n $NSA addr add fd00::1/64 dev a0 nodad
	ip -n $NSB addr add fd00::2/64 dev b0 nodad
	ip -n $NSA link set a0 up
	ip -n $NSB link set b0 up
}

# esp_outer FAMILY: the outer addresses of A and B as "A B"
esp_outer() {
	if [ "$1" = 4 ]; then echo "10.0.0.1 10.0.0.2"; else echo "fd00::1 fd00::2"; fi
}

# esp_hex BYTES: that many random bytes in hex
esp_hex() {
	head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'
}

# esp_va NS MODE LOCAL REMOTE: a VA "va1" in NS with the inner addresses
# of that side and routes to the other side's through it
esp_va() {
	local ns=$1 mode=$2 local=$3 remote=$4 me peer

	if [ "$ns" = $NSA ]; then me=11; peer=22; else me=22; peer=11; fi
	ip -n "$ns" link add va1 type flexvti mode "$mode" \
		local "$local" remote "$remote" || return 1
	# no IPv6 link-local address: its router solicitations and MLD
	# reports would be extra packets in the counters
	ip -n "$ns" link set va1 addrgenmode none
	ip -n "$ns" addr add 192.168.$me.1/32 dev va1
	ip -n "$ns" addr add fd$me::1/128 dev va1 nodad
	ip -n "$ns" link set va1 up
	ip -n "$ns" route add 192.168.$peer.0/24 dev va1 src 192.168.$me.1
	ip -n "$ns" route add fd$peer::/64 dev va1 src fd$me::1
}

# esp_alg NAME: sets ALG (flexvtictl), the key lengths and XFRM_ALG, a
# function of the keys printing the "ip xfrm state" algorithm words
esp_alg() {
	SALT=0 AUTH=0
	case $1 in
	aes-gcm-128) ALG=aes-gcm KEY=16 SALT=4 ICVBITS=128 ;;
	aes-gcm-256) ALG=aes-gcm KEY=32 SALT=4 ICVBITS=128 ;;
	chacha20-poly1305) ALG=chacha20-poly1305 KEY=32 SALT=4 ICVBITS=128 ;;
	aes-cbc-sha1) ALG=$1 KEY=16 AUTH=20 ICVBITS=96 HMAC=sha1 ;;
	aes-cbc-sha256) ALG=$1 KEY=32 AUTH=32 ICVBITS=128 HMAC=sha256 ;;
	aes-cbc-sha384) ALG=$1 KEY=16 AUTH=48 ICVBITS=192 HMAC=sha384 ;;
	aes-cbc-sha512) ALG=$1 KEY=32 AUTH=64 ICVBITS=256 HMAC=sha512 ;;
	*) return 1 ;;
	esac
}

# esp_keys: a fresh key set in K_ENC, K_SALT, K_AUTH for the current ALG
esp_keys() {
	K_ENC=$(esp_hex "$KEY")
	K_SALT=$( [ "$SALT" = 0 ] || esp_hex "$SALT")
	K_AUTH=$( [ "$AUTH" = 0 ] || esp_hex "$AUTH")
}

# esp_ctl_words: the key words of "flexvtictl sa add" for the current keys
esp_ctl_words() {
	echo "alg $ALG key 0x$K_ENC"
	[ "$SALT" = 0 ] || echo "salt 0x$K_SALT"
	[ "$AUTH" = 0 ] || echo "auth-key 0x$K_AUTH"
}

# esp_xfrm_words: the algorithm words of "ip xfrm state add"
esp_xfrm_words() {
	case $ALG in
	aes-gcm) echo "aead rfc4106(gcm(aes)) 0x$K_ENC$K_SALT $ICVBITS" ;;
	chacha20-poly1305)
		echo "aead rfc7539esp(chacha20,poly1305) 0x$K_ENC$K_SALT $ICVBITS" ;;
	*) echo "enc cbc(aes) 0x$K_ENC auth-trunc hmac($HMAC) 0x$K_AUTH $ICVBITS" ;;
	esac
}

# esp_ping NS DST: one ping that must be answered
esp_ping() {
	ip netns exec "$1" ping -q -c 1 -W 3 "$2" >/dev/null 2>&1 ||
		{ echo "no answer to ping $2 from $1"; return 1; }
}

# esp_pings: both inner families, both directions
esp_pings() {
	esp_ping $NSA 192.168.22.1 && esp_ping $NSA fd22::1 &&
		esp_ping $NSB 192.168.11.1 && esp_ping $NSB fd11::1
}

# esp_sa_json NS: the SAs of NS as JSON
esp_sa_json() {
	ip netns exec "$1" flexvtictl -j sa show
}

# esp_sa_stat NS DIR SPI FIELD: one counter of one SA
esp_sa_stat() {
	esp_sa_json "$1" | python3 -c '
import json, sys
dir, spi, field = sys.argv[1], int(sys.argv[2], 0), sys.argv[3]
for sa in json.load(sys.stdin):
    if sa["dir"] == dir and sa["spi"] == spi:
        print(sa["stats"][field] if field in sa["stats"] else sa[field])
        break
else:
    sys.exit("no SA %s %#x" % (dir, spi))
' "$2" "$3" "$4"
}

# esp_udp_hold NAME NS ADDR [--xfrm] [CMD...]: a UDP socket on ADDR port
# 4500 in NS, held open in the background by esp_udp.py until
# esp_udp_stop NAME; CMD gets it as "{fd}".  What the socket receives
# goes to $BUILD_TMP/NAME.log.
esp_udp_hold() {
	local name=$1 ns=$2 addr=$3 ready=$BUILD_TMP/$1.ready i
	shift 3

	esp_udp_stop "$name" || return 1
	rm -f "$ready" "$BUILD_TMP/$name.log"
	# not on the stage's stdout, which would wait for it
	ip netns exec "$ns" python3 "$ESP_DIR/esp_udp.py" hold "$addr" 4500 \
		"$BUILD_TMP/$name.log" "$ready" "$@" >"$BUILD_TMP/$name.out" 2>&1 &
	echo $! >"$BUILD_TMP/$name.pid"
	for i in $(seq 100); do
		[ -e "$ready" ] && return 0
		kill -0 "$(cat "$BUILD_TMP/$name.pid")" 2>/dev/null || break
		sleep 0.1
	done
	echo "UDP socket $name on $addr did not come up"
	cat "$BUILD_TMP/$name.out"
	return 1
}

# esp_udp_stop NAME: close the socket of esp_udp_hold NAME
esp_udp_stop() {
	local pidfile=$BUILD_TMP/$1.pid

	local pid i

	[ -e "$pidfile" ] || return 0
	pid=$(cat "$pidfile")
	rm -f "$pidfile"
	kill "$pid" 2>/dev/null
	# gone, and its socket closed, before the port is bound again
	for i in $(seq 50); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	echo "UDP socket holder $pid did not exit"
	return 1
}
