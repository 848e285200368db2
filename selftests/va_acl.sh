#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Access lists and policers of a VA on the data path, between two
# namespaces with two VA pairs (esp_lib.sh, plus va2: 192.168.13.1 behind
# A, 192.168.24.1 behind B):
#
# - an inbound list on A's va1 lets through what it permits (TCP to port
#   5201 from B's prefix, ICMP and ICMPv6 echo requests) and drops the
#   rest, explicit deny rule and implicit deny alike; every rule and the
#   implicit deny count exactly the packets B sent them, and the drops
#   are drop_acl and rx_dropped, not rx_packets; va2 is not affected;
# - an empty list detaches it; an outbound list filters what A sends;
# - a rule with ICMP fields matches the first fragment of a ping only,
#   a rule with the protocol alone every fragment, in IPv4 and IPv6;
# - a policer of 2 Mbit/s holds a UDP flood to 2 Mbit/s (+-15 %) in
#   each direction and counts what it drops; attaching a list leaves it
#   and its counters alone.
#
# acl_nl.py drives the netlink API until flexvtictl has "acl" commands.

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/esp_lib.sh"

DIR=$(dirname "$(readlink -f "$0")")
RATE=2000000

# acl NS ARGS...: acl_nl.py in NS
acl() {
	local ns=$1
	shift
	ip netns exec "$ns" python3 "$DIR/acl_nl.py" "$@"
}

# val NS DEV KEY: one value of acl_nl.py show
val() {
	acl "$1" get "$2" "$3"
}

# expect WHAT GOT WANT: compare, saying what differs
expect() {
	[ "$2" = "$3" ] && return 0
	echo "$1: $2, expected $3"
	return 1
}

# link_stat NS DEV DIR FIELD: a standard counter, ip -s link
link_stat() {
	ip -n "$1" -j -s link show "$2" | python3 -c '
import json, sys
print(json.load(sys.stdin)[0]["stats64"][sys.argv[1]][sys.argv[2]])' "$3" "$4"
}

# sa_add NS DEV DIR SPI: an SA with the current keys
sa_add() {
	# shellcheck disable=SC2046 # the key words are split on purpose
	ip netns exec "$1" flexvtictl sa add "$2" dir "$3" spi "$4" \
		$(esp_ctl_words)
}

# va2 NS LOCAL REMOTE ME PEER: the second VA, 192.168.ME.1, routes to
# 192.168.PEER.0/24
va2() {
	local ns=$1

	ip -n "$ns" link add va2 type flexvti mode ipsec local "$2" \
		remote "$3" || return 1
	ip -n "$ns" link set va2 addrgenmode none
	ip -n "$ns" addr add "192.168.$4.1/32" dev va2
	ip -n "$ns" link set va2 up
	ip -n "$ns" route add "192.168.$5.0/24" dev va2 src "192.168.$4.1"
}

setup() {
	esp_topology || return 1
	esp_alg aes-gcm-128 && esp_keys || return 1
	esp_va $NSA ipsec 10.0.0.1 10.0.0.2 &&
		esp_va $NSB ipsec 10.0.0.2 10.0.0.1 || return 1
	va2 $NSA 10.0.0.1 10.0.0.2 13 24 && va2 $NSB 10.0.0.2 10.0.0.1 24 13 ||
		return 1
	sa_add $NSA va1 out 0x1001 && sa_add $NSB va1 in 0x1001 &&
		sa_add $NSB va1 out 0x2001 && sa_add $NSA va1 in 0x2001 &&
		sa_add $NSA va2 out 0x1002 && sa_add $NSB va2 in 0x1002 &&
		sa_add $NSB va2 out 0x2002 && sa_add $NSA va2 in 0x2002 || return 1
	esp_pings && esp_ping $NSB 192.168.13.1
}

# udp_send NS DST PORT COUNT: COUNT datagrams
udp_send() {
	ip netns exec "$1" python3 -c '
import socket, sys
dst, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
s = socket.socket(socket.AF_INET6 if ":" in dst else socket.AF_INET,
                  socket.SOCK_DGRAM)
for _ in range(count):
    s.sendto(b"acl", (dst, port))' "$2" "$3" "$4"
}

# ready FILE: wait until a background helper has created FILE
ready() {
	local i

	for i in $(seq 100); do
		[ -e "$1" ] && return 0
		sleep 0.1
	done
	echo "$1 did not appear"
	return 1
}

# udp_listen NS ADDR PORT: count datagrams on ADDR PORT in the
# background, until 8 s pass without the first or 1.5 s after the last;
# udp_count waits for the count
udp_listen() {
	rm -f "$TMP/udp.count" "$TMP/udp.count.ready"
	ip netns exec "$1" python3 -c '
import socket, sys
addr, port, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
s = socket.socket(socket.AF_INET6 if ":" in addr else socket.AF_INET,
                  socket.SOCK_DGRAM)
s.bind((addr, port))
# the sender may take a while to start; then 1.5 s of silence ends it
s.settimeout(8)
open(out + ".ready", "w").close()
n = 0
try:
    while True:
        s.recv(64)
        n += 1
        s.settimeout(1.5)
except socket.timeout:
    pass
open(out, "w").write("%d\n" % n)' "$2" "$3" "$TMP/udp.count" &
	UDP_PID=$!
	ready "$TMP/udp.count.ready"
}

# udp_count: UDP_COUNT is what udp_listen counted, once the senders are
# done
udp_count() {
	wait "$UDP_PID"
	UDP_COUNT=$(cat "$TMP/udp.count")
}

# tcp_serve NS ADDR PORT: accept one connection in the background and
# echo what it sends
tcp_serve() {
	rm -f "$TMP/tcp.ready"
	ip netns exec "$1" python3 -c '
import socket, sys
s = socket.create_server((sys.argv[1], int(sys.argv[2])))
s.settimeout(5)
open(sys.argv[3], "w").close()
c, _ = s.accept()
c.sendall(c.recv(64))
c.close()' "$2" "$3" "$TMP/tcp.ready" &
	TCP_PID=$!
	ready "$TMP/tcp.ready"
}

# tcp_try NS DST PORT: connect within half a second (one SYN, no
# retransmission) and have "acl" echoed
tcp_try() {
	ip netns exec "$1" python3 -c '
import socket, sys
try:
    c = socket.create_connection((sys.argv[1], int(sys.argv[2])), 0.5)
except OSError as e:
    sys.exit("connect %s: %s" % (sys.argv[1], e))
c.settimeout(3)
c.sendall(b"acl")
if c.recv(64) != b"acl":
    sys.exit("no echo")
c.close()' "$2" "$3"
}

# B's va1 packets sent, and A's va1 drops and packets received
sent_b() { val $NSB va1 stats.tx_packets; }

acl_in() {
	local t0 t1 hits

	acl $NSA acl va1 in name from-b \
		deny,family=4,proto=17,dport=7 \
		permit,family=4,proto=6,src=192.168.22.0/24,dport=5201 \
		permit,family=4,proto=1,type=8 \
		permit,family=6,proto=58,type=128 || return 1
	t0=$(sent_b)
	esp_ping $NSB 192.168.11.1 && esp_ping $NSB 192.168.11.1 &&
		esp_ping $NSB 192.168.11.1 || return 1
	esp_ping $NSB fd11::1 && esp_ping $NSB fd11::1 || return 1
	udp_send $NSB 192.168.11.1 7 2
	udp_send $NSB 192.168.11.1 5000 4
	udp_send $NSB fd11::1 5000 1
	tcp_try $NSB 192.168.11.1 5202 && { echo "port 5202 let through"; return 1; }
	# TCP to 5201: every packet B sends for it is the permit rule's
	sleep 0.3
	t1=$(sent_b)
	tcp_serve $NSA 192.168.11.1 5201
	tcp_try $NSB 192.168.11.1 5201 || return 1
	wait "$TCP_PID"
	sleep 1
	hits=$(acl $NSA get va1 acl_in.rules.0.hits acl_in.rules.1.hits \
		acl_in.rules.2.hits acl_in.rules.3.hits acl_in.deny_hits)
	echo "hits:" $hits
	expect "rule hits" "$(echo $hits)" \
		"2 $(($(sent_b) - t1)) 3 2 6" || return 1
	expect "packets B sent" $(($(sent_b) - t0)) \
		$(($(echo $hits | tr ' ' '+'))) || return 1
	expect "drop_acl" "$(val $NSA va1 stats.drop_acl)" 8 &&
		expect "rx_dropped" "$(link_stat $NSA va1 rx dropped)" 8 &&
		expect "rx_packets" "$(val $NSA va1 stats.rx_packets)" \
			$(($(sent_b) - 8)) &&
		expect "name" "$(val $NSA va1 acl_in.name)" from-b &&
		expect "rule count" "$(val $NSA va1 acl_in.rule_count)" 4
}

va2_unaffected() {
	esp_ping $NSB 192.168.13.1 || return 1
	udp_listen $NSA 192.168.13.1 5000
	udp_send $NSB 192.168.13.1 5000 3
	udp_count
	expect "received on va2" "$UDP_COUNT" 3 &&
		expect "va2 drop_acl" "$(val $NSA va2 stats.drop_acl)" 0
}

acl_in_detached() {
	acl $NSA acl va1 in || return 1
	acl $NSA show va1
	acl $NSA show va1 | grep -q '"acl_in"' &&
		{ echo "still attached"; return 1; }
	udp_listen $NSA 192.168.11.1 5000
	udp_send $NSB 192.168.11.1 5000 3
	udp_count
	expect "received" "$UDP_COUNT" 3 || return 1
	tcp_serve $NSA 192.168.11.1 5202
	tcp_try $NSB 192.168.11.1 5202 && wait "$TCP_PID" &&
		esp_pings
}

acl_out() {
	local tx0 drop0 hits

	acl $NSA acl va1 out permit,family=4,proto=1 permit,family=6 ||
		return 1
	tx0=$(val $NSA va1 stats.tx_packets)
	drop0=$(link_stat $NSA va1 tx dropped)
	# the echo replies leave through the list
	esp_ping $NSB 192.168.11.1 && esp_ping $NSB 192.168.11.1 &&
		esp_ping $NSB 192.168.11.1 || return 1
	udp_listen $NSB 192.168.22.1 5000
	udp_send $NSA 192.168.22.1 5000 3
	udp_count
	expect "received over a denied path" "$UDP_COUNT" 0 || return 1
	udp_listen $NSB fd22::1 5000
	udp_send $NSA fd22::1 5000 2
	udp_count
	expect "received" "$UDP_COUNT" 2 || return 1
	tcp_try $NSA 192.168.22.1 5201 && { echo "TCP let out"; return 1; }
	sleep 0.3
	hits=$(acl $NSA get va1 acl_out.rules.0.hits acl_out.rules.1.hits \
		acl_out.deny_hits)
	echo "hits:" $hits
	expect "rule hits" "$(echo $hits)" "3 2 4" &&
		expect "packets sent" $(($(val $NSA va1 stats.tx_packets) - tx0)) 5 &&
		expect "tx_dropped" $(($(link_stat $NSA va1 tx dropped) - drop0)) 4 &&
		acl $NSA acl va1 out && esp_pings
}

# a ping of 2000 bytes leaves B's va1 (MTU 1400) as two fragments
fragments() {
	acl $NSA acl va1 in permit,family=4,proto=1,type=8 \
		permit,family=6,proto=58,type=128 || return 1
	ip netns exec $NSB ping -q -c 1 -W 2 -s 2000 192.168.11.1 &&
		{ echo "fragmented ping let through"; return 1; }
	ip netns exec $NSB ping -q -c 1 -W 2 -s 2000 fd11::1 &&
		{ echo "fragmented ping6 let through"; return 1; }
	expect "hits" "$(echo $(acl $NSA get va1 acl_in.rules.0.hits \
		acl_in.rules.1.hits acl_in.deny_hits))" "1 1 2" || return 1
	acl $NSA acl va1 in permit,family=4,proto=1 permit,family=6,proto=58 ||
		return 1
	ip netns exec $NSB ping -q -c 1 -W 2 -s 2000 192.168.11.1 &&
		ip netns exec $NSB ping -q -c 1 -W 2 -s 2000 fd11::1 || return 1
	expect "hits" "$(echo $(acl $NSA get va1 acl_in.rules.0.hits \
		acl_in.rules.1.hits acl_in.deny_hits))" "2 2 0" &&
		acl $NSA acl va1 in
}

# flood NS_FROM NS_TO DST: 5 s of UDP at 3 Mbit/s in 1400-byte IP
# packets; prints the bit/s the receiver saw
flood() {
	local i

	ip netns exec "$2" iperf3 -s -1 -B "$3" >/dev/null 2>&1 &
	for i in $(seq 50); do
		ip netns exec "$2" ss -Hltn "sport = :5201" | grep -q . && break
		sleep 0.1
	done
	ip netns exec "$1" iperf3 -c "$3" -u -b 3M -l 1372 -t 5 -J \
		>"$TMP/iperf.json" || { cat "$TMP/iperf.json"; return 1; }
	python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
if "sum_received" not in j["end"]:
    sys.exit("iperf3: %s" % json.dumps(j)[:4000])
print(int(j["end"]["sum_received"]["bits_per_second"]))
' "$TMP/iperf.json"
}

# within NAME BPS: BPS is RATE +-15 %; noted for the log
within() {
	echo "$1: $2 bit/s" | tee -a "$TMP/rates"
	[ "$2" -ge $((RATE * 85 / 100)) ] && [ "$2" -le $((RATE * 115 / 100)) ] ||
		{ echo "$1 not within 15 % of $RATE bit/s"; return 1; }
}

policer() {
	local dir=$1 from=$2 to=$3 dst=$4 bps exceed

	acl $NSA police va1 "$dir" $RATE || return 1
	expect "burst" "$(val $NSA va1 "policer_$dir.burst")" $((RATE / 32)) ||
		return 1
	bps=$(flood "$from" "$to" "$dst") || return 1
	within "policer $dir" "$bps" || return 1
	exceed=$(val $NSA va1 "policer_$dir.exceed_packets")
	echo "exceeding packets: $exceed"
	[ "$exceed" -gt 0 ] || return 1
	expect "drop_policer" "$(val $NSA va1 stats.drop_policer)" \
		"$(acl $NSA show va1 | python3 -c '
import json, sys
j = json.load(sys.stdin)
print(sum(j[k]["exceed_packets"] for k in ("policer_in", "policer_out")
          if k in j))')"
}

policer_kept() {
	local before

	# the last iperf3 control packets are through
	sleep 1
	before=$(acl $NSA show va1 | python3 -c '
import json, sys; print(json.load(sys.stdin)["policer_in"])')
	acl $NSA acl va1 in permit || return 1
	expect "policer after an ACL change" "$(acl $NSA show va1 |
		python3 -c 'import json, sys; print(json.load(sys.stdin)["policer_in"])')" \
		"$before" || return 1
	acl $NSA acl va1 in && acl $NSA police va1 in 0 &&
		acl $NSA police va1 out 0 || return 1
	acl $NSA show va1 | grep -q '"policer_' &&
		{ echo "still policed"; return 1; }
	esp_pings
}

flexvti_require
command -v iperf3 >/dev/null || { ktap_skip_all "no iperf3"; exit "$KSFT_SKIP"; }
TMP=$(mktemp -d)
ktap_print_header
ktap_set_plan 10
flexvti_mark

flexvti_stage "topology: two VA pairs" setup
flexvti_stage "inbound list: permitted passes, the rest counted exactly" acl_in
flexvti_stage "a VA without a list is not affected" va2_unaffected
flexvti_stage "an empty list detaches; everything passes again" \
	acl_in_detached
flexvti_stage "outbound list" acl_out
flexvti_stage "ICMP fields match first fragments only" fragments
flexvti_stage "inbound policer holds 2 Mbit/s" \
	policer in $NSB $NSA 192.168.11.1
flexvti_stage "outbound policer holds 2 Mbit/s" \
	policer out $NSA $NSB 192.168.22.1
flexvti_stage "a list change keeps the policer and its counters" policer_kept
flexvti_stage "no warning, BUG or oops in the kernel log" flexvti_kmsg_clean
sed 's/^/# /' "$TMP/rates" 2>/dev/null
rm -rf "$TMP"
ktap_finished
