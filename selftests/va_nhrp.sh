#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The NHRP hooks of a hub with two spokes, all gre mode with manual SAs:
#
#   fvt-s1 ------------------ fvt-h ------------------ fvt-s2
#   s1h 10.0.1.2    10.0.1.1 hs1   hs2 10.0.2.1    10.0.2.2 s2h
#   va1 -> hub                va1 -> s1, va2 -> s2       va1 -> hub
#   lo 192.168.1.1, .1.2,     forwarding, network-id 1   lo 192.168.2.1,
#      fd01::1                                              .2.2, fd02::1
#
# - traffic from s1 to s2 through the hub raises exactly one
#   nhrp-redirect-ntf per (source, destination) per redirect timeout,
#   with the hub's va1 as ingress, va2 as egress, the addresses and the
#   packet's start; the counters of va1 agree; a new window raises a new
#   one; each flow its own, IPv6 too;
# - nothing is raised for another network-id, a timeout of 0, locally
#   generated packets or packets that came in on a veth; a full table
#   (flows from s2 into va2, to 10.201.0.0/16 behind s1) suppresses new
#   flows until its entries expire;
# - the traffic is delivered in every case;
# - NHRP packets (GRE protocol 0x2001) go from a packet socket on one end
#   of a VA pair to a packet socket on the other, byte for byte, both
#   ways, past an inbound access list.

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/esp_lib.sh"

DIR=$(dirname "$(readlink -f "$0")")
HUB=fvt-h
S1=fvt-s1
S2=fvt-s2
TIMEOUT=3

# tool NS ARGS...: nhrp_tool.py in NS
tool() {
	local ns=$1
	shift
	ip netns exec "$ns" python3 "$DIR/nhrp_tool.py" "$@"
}

# expect WHAT GOT WANT: compare, saying what differs
expect() {
	[ "$2" = "$3" ] && return 0
	echo "$1: $2, expected $3"
	return 1
}

# va NS NAME LOCAL REMOTE ADDR: a gre-mode VA of network-id 1
va() {
	ip -n "$1" link add "$2" type flexvti mode gre local "$3" \
		remote "$4" nhrp-network-id 1 || return 1
	ip -n "$1" link set "$2" addrgenmode none
	ip -n "$1" addr add "$5/32" dev "$2"
	ip -n "$1" link set "$2" up
}

# sa_pair NS_A VA_A NS_B VA_B SPI_AB SPI_BA: both directions
sa_pair() {
	local w

	w=$(esp_ctl_words)
	# shellcheck disable=SC2086 # the key words are split on purpose
	ip netns exec "$1" flexvtictl sa add "$2" dir out spi "$5" $w &&
		ip netns exec "$3" flexvtictl sa add "$4" dir in spi "$5" $w &&
		ip netns exec "$3" flexvtictl sa add "$4" dir out spi "$6" $w &&
		ip netns exec "$1" flexvtictl sa add "$2" dir in spi "$6" $w
}

# link NS A B ADDR_A ADDR_B NS_B: a veth pair A (in NS) - B (in NS_B)
link() {
	ip link add "$2" netns "$1" type veth peer name "$3" netns "$6" &&
		ip -n "$1" addr add "$4/24" dev "$2" &&
		ip -n "$6" addr add "$5/24" dev "$3" &&
		ip -n "$1" link set "$2" up && ip -n "$6" link set "$3" up
}

spokes() {
	ip -n $S1 addr add 192.168.1.1/32 dev lo &&
		ip -n $S1 addr add 192.168.1.2/32 dev lo &&
		ip -n $S1 addr add fd01::1/128 dev lo &&
		ip -n $S2 addr add 192.168.2.1/32 dev lo &&
		ip -n $S2 addr add 192.168.2.2/32 dev lo &&
		ip -n $S2 addr add fd02::1/128 dev lo || return 1
	ip -n $S1 route add 172.16.0.0/24 dev va1 src 172.16.0.11 &&
		ip -n $S1 route add 192.168.2.0/24 dev va1 src 192.168.1.1 &&
		ip -n $S1 route add fd02::/64 dev va1 src fd01::1 &&
		ip -n $S1 route add 192.168.2.2/32 via 10.0.1.1 src 192.168.1.1 &&
		ip -n $S2 route add 172.16.0.0/24 dev va1 src 172.16.0.12 &&
		ip -n $S2 route add 192.168.1.0/24 dev va1 src 192.168.2.1 &&
		ip -n $S2 route add fd01::/64 dev va1 src fd02::1 &&
		ip -n $S2 route add 10.201.0.0/16 dev va1 src 192.168.2.1
}

hub() {
	# forwarding, and no reverse path filter for what s1 sends over
	# the veth
	ip netns exec $HUB sysctl -q -w net.ipv4.ip_forward=1 \
		net.ipv6.conf.all.forwarding=1 net.ipv4.conf.all.rp_filter=0 \
		net.ipv4.conf.hs1.rp_filter=0 || return 1
	ip -n $HUB route add 172.16.0.11/32 dev va1 &&
		ip -n $HUB route add 192.168.1.0/24 dev va1 &&
		ip -n $HUB route add 10.201.0.0/16 dev va1 &&
		ip -n $HUB route add fd01::/64 dev va1 &&
		ip -n $HUB route add 172.16.0.12/32 dev va2 &&
		ip -n $HUB route add 192.168.2.0/24 dev va2 &&
		ip -n $HUB route add fd02::/64 dev va2
}

setup() {
	local ns

	for ns in $HUB $S1 $S2; do
		flexvti_netns $ns || return 1
	done
	link $HUB hs1 s1h 10.0.1.1 10.0.1.2 $S1 &&
		link $HUB hs2 s2h 10.0.2.1 10.0.2.2 $S2 || return 1
	va $HUB va1 10.0.1.1 10.0.1.2 172.16.0.1 &&
		va $HUB va2 10.0.2.1 10.0.2.2 172.16.0.1 &&
		va $S1 va1 10.0.1.2 10.0.1.1 172.16.0.11 &&
		va $S2 va1 10.0.2.2 10.0.2.1 172.16.0.12 || return 1
	esp_alg aes-gcm-128 && esp_keys || return 1
	sa_pair $S1 va1 $HUB va1 0x1001 0x1002 &&
		sa_pair $S2 va1 $HUB va2 0x2001 0x2002 || return 1
	spokes && hub || return 1
	esp_ping $S1 192.168.2.1 && esp_ping $S2 192.168.1.1 &&
		esp_ping $S1 fd02::1 || return 1
	HUB_VA1=$(ip netns exec $HUB cat /sys/class/net/va1/ifindex) &&
		HUB_VA2=$(ip netns exec $HUB cat /sys/class/net/va2/ifindex) ||
		return 1
	ip netns exec $HUB flexvtictl -j monitor >"$TMP/mon" 2>"$TMP/mon.err" &
	MON=$!
	sleep 0.5
	kill -0 $MON
}

# stat DEV FIELD: a counter of the hub's DEV
stat() {
	ip netns exec $HUB flexvtictl -j dev show "$1" | python3 -c '
import json, sys; print(json.load(sys.stdin)[0]["stats"][sys.argv[1]])' "$2"
}

# counters DEV: "REDIRECTS LIMITED" of the hub's DEV
counters() {
	echo "$(stat "$1" nhrp_redirects) $(stat "$1" nhrp_redirects_limited)"
}

# mark: the notifications from here on are the stage's
mark() {
	MARK=$(wc -l <"$TMP/mon")
}

# events: the nhrp-redirects since the mark, sorted (nhrp_tool.py events)
events() {
	tool $HUB events "$TMP/mon" "$MARK" | sort
}

# listen NS ADDR PORT: count what arrives, in the background (receive)
listen() {
	rm -f "$TMP/count" "$TMP/count.ready"
	tool "$1" listen "$2" "$3" "$TMP/count" &
	LISTENER=$!
	for _ in $(seq 100); do
		[ -e "$TMP/count.ready" ] && return 0
		sleep 0.1
	done
	echo "listener on $2 did not start"
	return 1
}

# received: RECEIVED is what the listener counted, once it is done
received() {
	wait "$LISTENER"
	RECEIVED=$(cat "$TMP/count")
}

# flow SRC DST COUNT WANT_EVENTS: COUNT datagrams from s1's SRC to s2's
# DST port 5000, all delivered; the events since then must be
# WANT_EVENTS (lines of events(), "" for none)
flow() {
	local got

	listen $S2 "$2" 5000 || return 1
	mark
	tool $S1 udp "$1" "$2" 5000 "$3" || return 1
	received
	expect "received" "$RECEIVED" "$3" || return 1
	got=$(events)
	echo "events: ${got:-none}"
	expect "events" "$got" "$4"
}

# the event of UDP from s1's SRC to s2's DST, as events() prints it
ev() {
	echo "va1 $HUB_VA1 1 $HUB_VA2 $1 $2 17 $1 $2"
}

redirect() {
	ip netns exec $HUB flexvtictl dev set "$1" nhrp-redirect "$2"
}

one_per_window() {
	redirect va1 $TIMEOUT && redirect va2 $TIMEOUT || return 1
	ip netns exec $HUB flexvtictl dev show va1 | grep -q "nhrp-redirect $TIMEOUT" ||
		{ echo "timeout not shown"; return 1; }
	flow 192.168.1.1 192.168.2.1 40 "$(ev 192.168.1.1 192.168.2.1)" &&
		expect "va1 counters" "$(counters va1)" "1 39" &&
		expect "va2 counters" "$(counters va2)" "0 0"
}

new_window() {
	sleep $((TIMEOUT + 1))
	flow 192.168.1.1 192.168.2.1 5 "$(ev 192.168.1.1 192.168.2.1)" &&
		expect "va1 counters" "$(counters va1)" "2 43"
}

two_flows_and_ipv6() {
	local want

	sleep $((TIMEOUT + 1))
	want=$( (ev 192.168.1.1 192.168.2.1; ev 192.168.1.2 192.168.2.1;
		 ev fd01::1 fd02::1) | sort)
	mark
	listen $S2 fd02::1 5000 || return 1
	tool $S1 udp fd01::1 fd02::1 5000 3 || return 1
	received
	expect "received over IPv6" "$RECEIVED" 3 || return 1
	listen $S2 192.168.2.1 5000 || return 1
	tool $S1 udp 192.168.1.1 192.168.2.1 5000 3 &&
		tool $S1 udp 192.168.1.2 192.168.2.1 5000 3 || return 1
	received
	expect "received" "$RECEIVED" 6 || return 1
	expect "events" "$(events)" "$want" &&
		expect "va1 counters" "$(counters va1)" "5 49"
}

other_network() {
	ip netns exec $HUB flexvtictl dev set va2 nhrp-network-id 2 || return 1
	sleep $((TIMEOUT + 1))
	flow 192.168.1.1 192.168.2.1 5 "" &&
		expect "va1 counters" "$(counters va1)" "5 49" || return 1
	ip netns exec $HUB flexvtictl dev set va2 nhrp-network-id 1
}

redirect_off() {
	redirect va1 0 || return 1
	flow 192.168.1.1 192.168.2.1 5 "" &&
		expect "va1 counters" "$(counters va1)" "5 49" || return 1
	redirect va1 $TIMEOUT
}

local_and_veth() {
	local got

	# from the hub itself
	listen $S2 192.168.2.1 5000 || return 1
	mark
	tool $HUB udp 172.16.0.1 192.168.2.1 5000 3 || return 1
	received
	expect "received from the hub" "$RECEIVED" 3 || return 1
	# from s1 over the veth, into va2
	listen $S2 192.168.2.2 5000 || return 1
	tool $S1 udp 192.168.1.1 192.168.2.2 5000 3 || return 1
	received
	expect "received over the veth" "$RECEIVED" 3 || return 1
	got=$(events)
	expect "events" "${got:-none}" none &&
		expect "va1 counters" "$(counters va1)" "5 49" &&
		expect "va2 counters" "$(counters va2)" "0 0"
}

# The table of the hub's va2 is empty: of 1100 new flows from s2 into
# va1 (to hosts s1 drops silently), 1024 raise a notification and fill
# it, 76 do not.  A timeout of 600 s keeps every entry.
full_table() {
	redirect va2 600 || return 1
	expect "va2 counters" "$(counters va2)" "0 0" || return 1
	tool $S2 udp-many 192.168.2.1 10.201.0.0/16 1100 5000 || return 1
	sleep 2
	expect "va2 counters" "$(counters va2)" "1024 76" || return 1
	# a flow it knows is limited, as is a new one
	tool $S2 udp 192.168.2.1 10.201.0.1 5000 1 &&
		tool $S2 udp 192.168.2.1 10.201.9.9 5000 1 || return 1
	sleep 0.5
	expect "va2 counters" "$(counters va2)" "1024 78" || return 1
	# once their time is up, the oldest entry makes room
	redirect va2 1 || return 1
	sleep 1.5
	mark
	tool $S2 udp 192.168.2.1 10.201.9.9 5000 1 || return 1
	sleep 0.5
	expect "events" "$(events)" \
		"va2 $HUB_VA2 1 $HUB_VA1 192.168.2.1 10.201.9.9 17 192.168.2.1 10.201.9.9" &&
		expect "va2 counters" "$(counters va2)" "1025 78" &&
		redirect va2 $TIMEOUT
}

# pkt NS_FROM DEV_FROM NS_TO DEV_TO: an NHRP packet from one packet
# socket to the other, byte for byte
pkt() {
	local data=0001080000000000002e0101000000000000000000000000aabbccdd$RANDOM
	local pid

	rm -f "$TMP/pkt" "$TMP/pkt.ready"
	tool "$3" pkt-recv "$4" "$TMP/pkt" &
	pid=$!
	for _ in $(seq 100); do
		[ -e "$TMP/pkt.ready" ] && break
		sleep 0.1
	done
	[ $((${#data} % 2)) = 0 ] || data=${data}0
	tool "$1" pkt-send "$2" "$data" || return 1
	wait $pid || { echo "nothing received on $3 $4"; return 1; }
	expect "received NHRP packet" "$(cat "$TMP/pkt")" "$data"
}

nhrp_packets() {
	local deny0

	ip netns exec $HUB flexvtictl acl set va1 in "permit icmp any any" ||
		return 1
	deny0=$(ip netns exec $HUB flexvtictl -j dev show va1 | python3 -c '
import json, sys; print(json.load(sys.stdin)[0]["acl"]["in"]["implicit_deny_matches"])')
	pkt $S1 va1 $HUB va1 && pkt $HUB va1 $S1 va1 &&
		pkt $S2 va1 $HUB va2 || return 1
	expect "implicit deny" "$(ip netns exec $HUB flexvtictl -j dev show va1 |
		python3 -c '
import json, sys; print(json.load(sys.stdin)[0]["acl"]["in"]["implicit_deny_matches"])')" \
		"$deny0" || return 1
	ip netns exec $HUB flexvtictl acl set va1 in none
}

monitor_ok() {
	kill -0 "$MON" || { echo "flexvtictl monitor died"; return 1; }
	cat "$TMP/mon.err"
	python3 -c '
import json, sys
for line in open(sys.argv[1]):
    json.loads(line)' "$TMP/mon"
}

stop_monitor() {
	[ -n "$MON" ] && kill "$MON" 2>/dev/null
	flexvti_cleanup
}

flexvti_require
TMP=$(mktemp -d)
trap stop_monitor EXIT
ktap_print_header
ktap_set_plan 11
flexvti_mark

# the monitor and the ifindexes must outlive the stage's subshell
setup_stage() {
	if setup >"$TMP/setup.log" 2>&1; then
		ktap_test_pass "topology: hub and two spokes, traffic through the hub"
	else
		sed 's/^/# /' "$TMP/setup.log"
		ktap_test_fail "topology: hub and two spokes, traffic through the hub"
	fi
}
setup_stage
flexvti_stage "one nhrp-redirect per flow per timeout, with its fields" \
	one_per_window
flexvti_stage "a new timeout window raises a new one" new_window
flexvti_stage "one per flow: two IPv4 flows and an IPv6 flow" \
	two_flows_and_ipv6
flexvti_stage "none when the egress VA has another network-id" \
	other_network
flexvti_stage "none when the ingress VA's redirect timeout is 0" redirect_off
flexvti_stage "none for the hub's own packets or from a veth" local_and_veth
flexvti_stage "a full table suppresses new flows until entries expire" \
	full_table
flexvti_stage "NHRP packets between packet sockets, both ways, past an ACL" \
	nhrp_packets
flexvti_stage "the monitor still runs and printed only JSON" monitor_ok
flexvti_stage "no warning, BUG or oops in the kernel log" flexvti_kmsg_clean
rm -rf "$TMP"
ktap_finished
