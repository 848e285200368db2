#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# MPLS over a gre-mode VA pair (esp_lib.sh: A and B, inner 192.168.11.1,
# fd11::1 behind A and 192.168.22.1, fd22::1 behind B):
#
# - A's per-VA label stack (flexvtictl dev set va1 mpls-labels 100/200)
#   is pushed on A's IP packets, TTL from the inner header, bottom of
#   stack on the last label; B's mpls_router pops the labels
#   (net.mpls.conf.va1.input=1, "ip -f mpls route add 100 dev lo") and
#   the ping is answered only while that label path exists; the MTU that
#   ICMP reports makes room for the labels; TCP (GSO) runs through it;
# - Linux's own MPLS stack over the VAs: an "encap mpls" route on A, a
#   swap route "via inet ... dev va1" on each side and a pop route on B;
# - with net.mpls.conf.va1.input=0 B drops labelled packets, counted by
#   mpls_router as rx dropped of va1;
# - without labels, IP goes as IP again.
#
# The labels are read from the wire with tcpdump on B's "any" interface:
# the VA (ARPHRD_NONE) captures as raw IP, which tcpdump decodes by the
# IP version nibble only; it decodes MPLS in cooked captures of the first
# version (-y LINUX_SLL), not the second, its default for "any", and
# filters them as "ether proto 0x8847" (its "mpls" keyword knows neither).

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/esp_lib.sh"

# sa_add NS DIR SPI: an SA on va1 with the current keys
sa_add() {
	# shellcheck disable=SC2046 # the key words are split on purpose
	ip netns exec "$1" flexvtictl sa add va1 dir "$2" spi "$3" \
		$(esp_ctl_words)
}

# expect WHAT GOT WANT: compare, saying what differs
expect() {
	[ "$2" = "$3" ] && return 0
	echo "$1: $2, expected $3"
	return 1
}

# mpls_on NS: mpls_router takes labelled packets on va1 and lo of NS
mpls_on() {
	ip netns exec "$1" sysctl -q -w net.mpls.platform_labels=1000 \
		net.mpls.conf.va1.input=1 net.mpls.conf.lo.input=1
}

setup() {
	esp_topology || return 1
	esp_alg aes-gcm-128 && esp_keys || return 1
	esp_va $NSA gre 10.0.0.1 10.0.0.2 &&
		esp_va $NSB gre 10.0.0.2 10.0.0.1 || return 1
	sa_add $NSA out 0x1001 && sa_add $NSB in 0x1001 &&
		sa_add $NSB out 0x2001 && sa_add $NSA in 0x2001 || return 1
	mpls_on $NSA && mpls_on $NSB || return 1
	esp_pings
}

# capture_start COUNT: tcpdump on B's "any" for COUNT MPLS packets
capture_start() {
	rm -f "$TMP/cap"
	ip netns exec $NSB tcpdump -i any -y LINUX_SLL -nn -l -c "$1" \
		ether proto 0x8847 \
		>"$TMP/cap" 2>"$TMP/cap.err" &
	CAP_PID=$!
	for _ in $(seq 50); do
		grep -q "listening on" "$TMP/cap.err" 2>/dev/null && return 0
		sleep 0.1
	done
	echo "tcpdump did not start"
	cat "$TMP/cap.err"
	return 1
}

# capture_wait: CAP is what tcpdump printed, once it has its packets or
# 5 s have passed
capture_wait() {
	local i

	for i in $(seq 50); do
		kill -0 "$CAP_PID" 2>/dev/null || break
		sleep 0.1
	done
	kill "$CAP_PID" 2>/dev/null
	wait "$CAP_PID" 2>/dev/null
	CAP=$(cat "$TMP/cap")
	echo "$CAP"
}

# mpls_stat NS FIELD: rx or tx counter of va1 as mpls_router counts it,
# "rx.dropped" say
mpls_stat() {
	ip -n "$1" -j stats show dev va1 group afstats subgroup mpls |
		python3 -c '
import json, sys
side, field = sys.argv[1].split(".")
for dev in json.load(sys.stdin):
    print(dev["mpls_stats"][side][field])' "$2"
}

label_stack() {
	local json

	ip -n $NSB -f mpls route add 100 dev lo &&
		ip -n $NSB -f mpls route add 200 dev lo || return 1
	ip netns exec $NSA flexvtictl dev set va1 mpls-labels 100/200 ||
		return 1
	json=$(ip netns exec $NSA flexvtictl -j dev show va1)
	echo "$json"
	grep -q '"mpls_labels":\[100,200\]' <<<"$json" || return 1
	capture_start 2 || return 1
	esp_ping $NSA 192.168.22.1 || return 1
	capture_wait
	grep -q "MPLS (label 100, tc 0, ttl 64) (label 200, tc 0, \[S\], ttl 64) IP 192.168.11.1 > 192.168.22.1: ICMP echo request" \
		<<<"$CAP" || { echo "no labelled echo request"; return 1; }
	esp_ping $NSA fd22::1
}

# without B's route for the outer label, the labelled ping goes nowhere
only_through_labels() {
	local rx0

	rx0=$(mpls_stat $NSB rx.packets) || return 1
	ip -n $NSB -f mpls route del 100 dev lo || return 1
	ip netns exec $NSA ping -q -c 2 -W 1 192.168.22.1 &&
		{ echo "answered without the label route"; return 1; }
	expect "mpls rx.packets" "$(mpls_stat $NSB rx.packets)" $((rx0 + 2)) ||
		return 1
	ip -n $NSB -f mpls route add 100 dev lo && esp_ping $NSA 192.168.22.1
}

# outer path 1400: 1346 bytes fit ESP, 4 less with GRE, 8 with two labels
mtu_with_labels() {
	local out

	ip -n $NSA link set a0 mtu 1400 && ip -n $NSB link set b0 mtu 1400 ||
		return 1
	out=$(ip netns exec $NSA ping -c 1 -W 2 -M do -s 1307 192.168.22.1 2>&1)
	echo "$out"
	grep -q -E "mtu ?= ?1334" <<<"$out" || return 1
	ip netns exec $NSA ping -q -c 1 -W 2 -M do -s 1306 192.168.22.1 ||
		return 1
	ip -n $NSA link set a0 mtu 1500 && ip -n $NSB link set b0 mtu 1500
}

# a TCP transfer of 4 MB through the labels: GSO packets are segmented
# and each segment labelled
tcp_gso() {
	local pid

	rm -f "$TMP/tcp.ready"
	ip netns exec $NSB python3 -c '
import socket, sys
s = socket.create_server(("192.168.22.1", 5201))
s.settimeout(20)
open(sys.argv[1], "w").close()
c, _ = s.accept()
c.settimeout(20)
n = 0
while True:
    b = c.recv(65536)
    if not b:
        break
    n += len(b)
c.sendall(str(n).encode())
c.close()' "$TMP/tcp.ready" &
	pid=$!
	for _ in $(seq 50); do
		[ -e "$TMP/tcp.ready" ] && break
		sleep 0.1
	done
	ip netns exec $NSA python3 -c '
import socket, sys
c = socket.create_connection(("192.168.22.1", 5201), 10)
c.settimeout(30)
c.sendall(b"x" * (4 << 20))
c.shutdown(socket.SHUT_WR)
got = c.recv(64).decode()
if got != str(4 << 20):
    sys.exit("the receiver got %s bytes" % got)' || return 1
	wait $pid || return 1
	expect "drop_other" "$(ip netns exec $NSA flexvtictl -j dev show va1 |
		python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["stats"]["drop_other"])')" 0
}

# Linux's MPLS stack: A's encap route pushes 210, B swaps it to 220 back
# to A, A swaps that to 230 to B, B pops it and delivers 192.168.33.1
lwtunnel() {
	ip netns exec $NSA flexvtictl dev set va1 mpls-labels none || return 1
	ip -n $NSB addr add 192.168.33.1/32 dev lo || return 1
	ip -n $NSA route add 192.168.33.0/24 encap mpls 210 dev va1 &&
		ip -n $NSB -f mpls route add 210 as 220 via inet 192.168.11.1 dev va1 &&
		ip -n $NSA -f mpls route add 220 as 230 via inet 192.168.22.1 dev va1 &&
		ip -n $NSB -f mpls route add 230 dev lo || return 1
	capture_start 3 || return 1
	ip netns exec $NSA ping -q -c 1 -W 3 -I 192.168.11.1 192.168.33.1 ||
		{ capture_wait; echo "no answer over the label switched path"; return 1; }
	capture_wait
	grep -q "MPLS (label 210, tc 0, \[S\], ttl 64) IP 192.168.11.1 > 192.168.33.1" <<<"$CAP" &&
		grep -q "MPLS (label 220, tc 0, \[S\], ttl 63) IP 192.168.11.1 > 192.168.33.1" <<<"$CAP" &&
		grep -q "MPLS (label 230, tc 0, \[S\], ttl 62) IP 192.168.11.1 > 192.168.33.1" <<<"$CAP" ||
		{ echo "labels 210, 220 and 230 not seen"; return 1; }
	# B pops 210 too: plain encap and pop
	ip -n $NSB -f mpls route replace 210 dev lo &&
		esp_ping $NSA 192.168.33.1
}

input_off() {
	local drop0 rx0

	ip netns exec $NSA flexvtictl dev set va1 mpls-labels 100 || return 1
	ip netns exec $NSB sysctl -q -w net.mpls.conf.va1.input=0 || return 1
	drop0=$(mpls_stat $NSB rx.dropped) || return 1
	rx0=$(ip netns exec $NSB flexvtictl -j dev show va1 | python3 -c '
import json, sys; print(json.load(sys.stdin)[0]["stats"]["rx_packets"])')
	ip netns exec $NSA ping -q -c 3 -W 1 192.168.22.1 &&
		{ echo "answered with input off"; return 1; }
	expect "mpls rx.dropped" "$(mpls_stat $NSB rx.dropped)" $((drop0 + 3)) &&
		expect "va1 rx_packets" "$(ip netns exec $NSB flexvtictl -j dev show va1 |
			python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["stats"]["rx_packets"])')" \
			$((rx0 + 3)) || return 1
	ip netns exec $NSB sysctl -q -w net.mpls.conf.va1.input=1 &&
		esp_ping $NSA 192.168.22.1
}

labels_removed() {
	local pid

	ip netns exec $NSA flexvtictl dev set va1 mpls-labels none || return 1
	ip netns exec $NSA flexvtictl -j dev show va1 | grep -q mpls_labels &&
		{ echo "labels still reported"; return 1; }
	ip -n $NSB -f mpls route del 100 dev lo || return 1
	ip netns exec $NSB tcpdump -i va1 -nn -l -c 1 icmp >"$TMP/ip" 2>/dev/null &
	pid=$!
	sleep 1
	esp_ping $NSA 192.168.22.1 || return 1
	wait $pid
	cat "$TMP/ip"
	grep -q "IP 192.168.11.1 > 192.168.22.1: ICMP echo request" "$TMP/ip"
}

flexvti_require
command -v tcpdump >/dev/null || { ktap_skip_all "no tcpdump"; exit "$KSFT_SKIP"; }
modprobe mpls_router 2>/dev/null && modprobe mpls_iptunnel 2>/dev/null ||
	{ ktap_skip_all "no mpls_router or mpls_iptunnel"; exit "$KSFT_SKIP"; }
modprobe mpls_gso 2>/dev/null
TMP=$(mktemp -d)
ktap_print_header
ktap_set_plan 9
flexvti_mark

flexvti_stage "topology: a gre-mode VA pair, mpls_router on both" setup
flexvti_stage "per-VA label stack on the wire, popped by mpls_router" \
	label_stack
flexvti_stage "the ping is answered only through the label path" \
	only_through_labels
flexvti_stage "ICMP reports an MTU that makes room for the labels" \
	mtu_with_labels
flexvti_stage "TCP with GSO through the label stack" tcp_gso
flexvti_stage "encap mpls routes and swaps via inet over the VAs" lwtunnel
flexvti_stage "input off: labelled packets dropped, counted by mpls_router" \
	input_off
flexvti_stage "without labels, IP goes as IP" labels_removed
flexvti_stage "no warning, BUG or oops in the kernel log" flexvti_kmsg_clean
rm -rf "$TMP"
ktap_finished
