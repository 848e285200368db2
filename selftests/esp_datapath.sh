#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The ESP data path between two flexvti VAs: a replayed packet and one
# with a flipped bit are dropped and counted under their reasons; soft
# and hard lifetimes and sequence number exhaustion are notified and
# enforced; a rekey under a sequence-checked flow loses nothing; a packet
# too big for the outer path is answered with ICMP; TCP runs through GSO.

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/esp_lib.sh"

DIR=$(dirname "$(readlink -f "$0")")
SPI_AB=0x1001
SPI_BA=0x2001

# pair OUTER ALG [A_OUT_EXTRA...]: VAs on both sides with one SA pair;
# extra words go to A's outbound SA
pair() {
	local outer=$1 a b
	shift
	read -r a b <<<"$(esp_outer "$outer")"

	esp_alg "$1" && esp_keys || return 1
	shift
	ip -n $NSA link del va1 2>/dev/null
	ip -n $NSB link del va1 2>/dev/null
	esp_va $NSA ipsec "$a" "$b" && esp_va $NSB ipsec "$b" "$a" || return 1
	sa_add $NSA out $SPI_AB "$@" && sa_add $NSA in $SPI_BA &&
		sa_add $NSB out $SPI_BA && sa_add $NSB in $SPI_AB
}

# sa_add NS DIR SPI [EXTRA...]: an SA on va1 with the current keys
sa_add() {
	local ns=$1 dir=$2 spi=$3
	shift 3

	# shellcheck disable=SC2046 # the key words are split on purpose
	ip netns exec "$ns" flexvtictl sa add va1 dir "$dir" spi "$spi" \
		$(esp_ctl_words) "$@"
}

# capture NS FILTER FILE COMMAND...: one packet matching FILTER on NS's
# veth while COMMAND runs
capture() {
	local ns=$1 filter=$2 file=$3 pid i
	shift 3

	rm -f "$file"
	ip netns exec "$ns" tcpdump --immediate-mode -U -c 1 -n -i "${ns#fvt-}0" -w "$file" \
		"$filter" 2>/dev/null &
	pid=$!
	for i in $(seq 50); do
		[ -s "$file" ] && break
		sleep 0.1
	done
	"$@"
	wait $pid
}

replay_and_bitflip() {
	local pcap=$TMP/esp.pcap rx

	pair 4 aes-gcm-128 || return 1
	capture $NSA "esp and src 10.0.0.2" "$pcap" esp_ping $NSB 192.168.11.1 ||
		return 1
	rx=$(esp_sa_stat $NSA in $SPI_BA rx_packets)
	# the captured frame again, then with the top bit of its sequence
	# number flipped: a replay, and a packet that fails its ICV
	ip netns exec $NSB python3 "$DIR/esp_inject.py" b0 "$pcap" 38 ||
		return 1
	sleep 0.5
	[ "$(esp_sa_stat $NSA in $SPI_BA drop_replay)" = 1 ] &&
		[ "$(esp_sa_stat $NSA in $SPI_BA drop_auth)" = 1 ] &&
		[ "$(esp_sa_stat $NSA in $SPI_BA rx_packets)" = "$rx" ] ||
		{ esp_sa_json $NSA; return 1; }
	# the standard counters see them too, and traffic still flows
	ip -n $NSA -s link show va1 | grep -A1 "RX:" | tail -1
	esp_pings
}

# events NS: what flexvtictl monitor printed in NS, as "dir spi reason"
events() {
	python3 -c '
import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    if e["event"] == "sa-event":
        print(e["dir"], hex(e["spi"]), e["reason"])
' "$TMP/monitor.$1"
}

# monitor NS: start flexvtictl monitor in NS
monitor() {
	ip netns exec "$1" flexvtictl -j monitor >"$TMP/monitor.$1" &
	MONITOR=$!
	sleep 0.5
}

lifetimes() {
	local ev

	pair 4 chacha20-poly1305 soft-packets 2 hard-packets 4 || return 1
	monitor $NSA
	ip netns exec $NSA ping -q -c 6 -i 0.2 -W 1 192.168.22.1 >/dev/null
	sleep 0.5
	kill $MONITOR
	ev=$(events $NSA)
	echo "$ev"
	[ "$(esp_sa_stat $NSA out $SPI_AB tx_packets)" = 4 ] &&
		[ "$(esp_sa_stat $NSA out $SPI_AB drop_no_sa)" = 2 ] &&
		[ "$ev" = "out 0x1001 soft-packets
out 0x1001 hard-packets" ] || { esp_sa_json $NSA; return 1; }
}

seq_exhausted() {
	local ev

	pair 6 aes-cbc-sha1 seq 4294967290 || return 1
	monitor $NSA
	ip netns exec $NSA ping -q -c 7 -i 0.2 -W 1 192.168.22.1 >/dev/null
	sleep 0.5
	kill $MONITOR
	ev=$(events $NSA)
	echo "$ev"
	[ "$(esp_sa_stat $NSA out $SPI_AB seq)" -ge 4294967295 ] &&
		[ "$(esp_sa_stat $NSA out $SPI_AB tx_packets)" = 5 ] &&
		[ "$(esp_sa_stat $NSB in $SPI_AB rx_packets)" = 5 ] &&
		[ "$ev" = "out 0x1001 seq-wrap
out 0x1001 seq-exhausted" ] || { esp_sa_json $NSA; return 1; }
}

# rekey under a sequence-checked UDP flow from B to A, RFC 7296 2.8
# order: new inbound SAs, new outbound SAs made active, old ones deleted
rekey_under_load() {
	local pid

	pair 4 aes-gcm-256 || return 1
	ip netns exec $NSA python3 "$DIR/esp_flow.py" recv 192.168.11.1 5000 \
		>"$TMP/flow" &
	pid=$!
	sleep 0.5
	ip netns exec $NSB python3 "$DIR/esp_flow.py" send 192.168.11.1 5000 \
		2000 400 &
	sleep 1.5
	esp_keys
	sa_add $NSA in 0x3001 && sa_add $NSB in 0x3002 &&
		sa_add $NSB out 0x3001 && sa_add $NSA out 0x3002 || return 1
	ip netns exec $NSB flexvtictl sa swap va1 spi 0x3001 &&
		ip netns exec $NSA flexvtictl sa swap va1 spi 0x3002 || return 1
	sleep 0.5
	ip netns exec $NSB flexvtictl sa del va1 dir out spi $SPI_BA &&
		ip netns exec $NSA flexvtictl sa del va1 dir out spi $SPI_AB &&
		ip netns exec $NSA flexvtictl sa del va1 dir in spi $SPI_BA &&
		ip netns exec $NSB flexvtictl sa del va1 dir in spi $SPI_AB ||
		return 1
	wait $pid
	cat "$TMP/flow"
	# asynchronous crypto may reorder, as with xfrm; nothing may be lost
	grep -q "^received 2000 of 2000, 0 missing" "$TMP/flow" &&
		[ "$(esp_sa_stat $NSA in 0x3001 rx_packets)" -gt 0 ] &&
		[ "$(esp_sa_json $NSA | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 2 ]
}

# the outer path is 1400 bytes: inner packets above 1346 bytes do not fit
too_big() {
	local out

	pair 4 aes-gcm-128 || return 1
	ip -n $NSA link set a0 mtu 1400
	ip -n $NSB link set b0 mtu 1400
	out=$(ip netns exec $NSA ping -c 1 -W 2 -M do -s 1360 192.168.22.1 2>&1)
	echo "$out"
	grep -q -E "mtu ?= ?13[0-9][0-9]" <<<"$out" || return 1
	ip netns exec $NSA ping -q -c 1 -W 2 -M do -s 1300 192.168.22.1 ||
		return 1
	out=$(ip netns exec $NSA ping -c 1 -W 2 -M do -s 1320 fd22::1 2>&1)
	echo "$out"
	grep -q -E "mtu ?= ?13[0-9][0-9]" <<<"$out" || return 1
	ip netns exec $NSA ping -q -c 1 -W 2 -M do -s 1250 fd22::1 || return 1
	ip -n $NSA link set a0 mtu 1500
	ip -n $NSB link set b0 mtu 1500
	[ "$(ip netns exec $NSA flexvtictl -j dev show va1 |
		python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["stats"]["drop_mtu"])')" -ge 2 ]
}

tcp_gso() {
	pair 6 aes-gcm-128 || return 1
	ip netns exec $NSB iperf3 -s -1 -B 192.168.22.1 >/dev/null 2>&1 &
	sleep 1
	ip netns exec $NSA iperf3 -c 192.168.22.1 -t 2 >"$TMP/iperf" 2>&1 ||
		{ cat "$TMP/iperf"; return 1; }
	grep -E "sender|receiver" "$TMP/iperf"
	[ "$(esp_sa_stat $NSA out $SPI_AB drop_other)" = 0 ]
}

flexvti_require
TMP=$(mktemp -d)
ktap_print_header
ktap_set_plan 8
flexvti_mark

flexvti_stage "topology" esp_topology
flexvti_stage "replayed and bit-flipped packets dropped and counted" \
	replay_and_bitflip
flexvti_stage "soft and hard packet lifetimes notified and enforced" lifetimes
flexvti_stage "sequence numbers never cycle" seq_exhausted
flexvti_stage "rekey under a sequence-checked flow loses nothing" \
	rekey_under_load
flexvti_stage "too big for the path: ICMP and ICMPv6 back" too_big
flexvti_stage "TCP with GSO through the VA" tcp_gso
flexvti_stage "no warning, BUG or oops in the kernel log" flexvti_kmsg_clean
rm -rf "$TMP"
ktap_finished
