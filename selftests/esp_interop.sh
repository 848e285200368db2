#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# flexvti's ESP against the kernel's own IPsec (xfrm), the standard peer
# in this test: namespace A uses a flexvti VA, namespace B "ip xfrm
# state/policy" with the same SPIs and keys, tunnel mode.  Every
# algorithm, raw ESP and ESP-in-UDP, outer IPv4 and IPv6, inner IPv4 and
# IPv6, pings and iperf3 TCP both ways; gre mode against ip_gre over
# xfrm transport mode, inner IPv4, IPv6 and MPLS; ESN across 2^32;
# flexvti to flexvti; the wire shows only ESP (in UDP 4500) with the configured
# SPIs; IKE datagrams on the ESP-in-UDP socket reach its owner, NAT
# keepalives and unknown SPIs do not; an xfrm tunnel with an SPI that
# flexvti also uses in another namespace keeps working.

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/esp_lib.sh"

ALGS="aes-gcm-128 aes-gcm-256 chacha20-poly1305 aes-cbc-sha1 aes-cbc-sha256
aes-cbc-sha384 aes-cbc-sha512"
SPI_AB=0x1001	# A to B
SPI_BA=0x2001	# B to A

# xfrm_peer OUTER [EXTRA...]: B's half by ip xfrm, tunnel mode, with the
# current keys; EXTRA words go to both states
xfrm_peer() {
	local outer=$1 a b
	shift
	read -r a b <<<"$(esp_outer "$outer")"

	ip -n $NSB xfrm state flush
	ip -n $NSB xfrm policy flush
	# shellcheck disable=SC2046 # the algorithm words are split on purpose
	ip -n $NSB xfrm state add src "$a" dst "$b" proto esp spi $SPI_AB \
		mode tunnel flag af-unspec $(esp_xfrm_words) "$@" || return 1
	# shellcheck disable=SC2046
	ip -n $NSB xfrm state add src "$b" dst "$a" proto esp spi $SPI_BA \
		mode tunnel flag af-unspec $(esp_xfrm_words) "$@" || return 1
	xfrm_policies "$a" "$b" 192.168.11.0/24 192.168.22.0/24 &&
		xfrm_policies "$a" "$b" fd11::/64 fd22::/64
}

# xfrm_policies A B NET_A NET_B: B's policies for one inner family
xfrm_policies() {
	local a=$1 b=$2 na=$3 nb=$4 dir

	ip -n $NSB xfrm policy add src "$nb" dst "$na" dir out \
		tmpl src "$b" dst "$a" proto esp mode tunnel || return 1
	for dir in in fwd; do
		ip -n $NSB xfrm policy add src "$na" dst "$nb" dir $dir \
			tmpl src "$a" dst "$b" proto esp mode tunnel || return 1
	done
}

# xfrm_inner: B's inner addresses and routes towards A, and an iperf3
# server
xfrm_inner() {
	ip -n $NSB addr add 192.168.22.1/32 dev lo
	ip -n $NSB addr add fd22::1/128 dev lo
	ip -n $NSB route add 192.168.11.0/24 dev b0 src 192.168.22.1
	ip -n $NSB route add fd11::/64 dev b0 src fd22::1
	ip netns exec $NSB iperf3 -s -D -I "$BUILD_TMP/iperf3.pid"
}

# iperf_both OUTER: one second of TCP each way, inner IPv4 over outer
# IPv4 and inner IPv6 over outer IPv6
iperf_both() {
	local dst=192.168.22.1 out

	[ "$1" = 4 ] || dst=fd22::1
	out=$(ip netns exec $NSA iperf3 -c $dst -t 1 2>&1) &&
		out=$(ip netns exec $NSA iperf3 -c $dst -t 1 -R 2>&1) ||
		{ echo "$out"; return 1; }
}

# flexvti_side NS OUT IN [EXTRA...]: the SA pair of a VA with the current
# keys
flexvti_side() {
	local ns=$1 out=$2 in=$3
	shift 3

	# shellcheck disable=SC2046
	ip netns exec "$ns" flexvtictl sa add va1 dir out spi "$out" \
		$(esp_ctl_words) "$@" || return 1
	# shellcheck disable=SC2046
	ip netns exec "$ns" flexvtictl sa add va1 dir in spi "$in" \
		$(esp_ctl_words) "$@"
}

# nat_t_sockets: B's NAT-T sockets, UDP 4500 with xfrm's decapsulation,
# as charon has them
nat_t_sockets() {
	esp_udp_hold udp-b4 $NSB 10.0.0.2 --xfrm &&
		esp_udp_hold udp-b6 $NSB fd00::2 --xfrm
}

# a_transport raw|udp A: A's VA on raw ESP, or on a fresh UDP socket
# "udp-a" that the test holds open
a_transport() {
	if [ "$1" = raw ]; then
		esp_udp_stop udp-a
		return 0
	fi
	esp_udp_hold udp-a $NSA "$2" flexvtictl dev set va1 udp-socket '{fd}'
}

# interop MODE TRANSPORT OUTER ALG: A (flexvti, ipsec or gre mode) and B
# (xfrm tunnel mode, or ip_gre over xfrm transport mode), raw ESP or
# ESP-in-UDP; pings and iperf3 both ways
interop() {
	local mode=$1 transport=$2 outer=$3 a b encap=()
	read -r a b <<<"$(esp_outer "$outer")"

	esp_alg "$4" && esp_keys || return 1
	ip -n $NSA link del va1 2>/dev/null
	esp_va $NSA "$mode" "$a" "$b" && a_transport "$transport" "$a" ||
		return 1
	[ "$transport" = raw ] || encap=(encap espinudp 4500 4500 0.0.0.0)
	flexvti_side $NSA $SPI_AB $SPI_BA || return 1
	if [ "$mode" = ipsec ]; then
		xfrm_peer "$outer" "${encap[@]}" || return 1
	else
		ip netns exec $NSA sysctl -q -w net.mpls.conf.va1.input=1
		gre_peer "$outer" "${encap[@]}" || return 1
	fi
	esp_pings && iperf_both "$outer" || return 1
	[ "$(esp_sa_stat $NSA in $SPI_BA rx_packets)" -ge 4 ] &&
		[ "$(esp_sa_stat $NSA out $SPI_AB tx_packets)" -ge 4 ] ||
		{ esp_sa_json $NSA; return 1; }
}

# esn OUTER ALG: ESN with sequence numbers that cross 2^32 both ways
esn() {
	local a b i
	read -r a b <<<"$(esp_outer "$1")"

	esp_alg "$2" && esp_keys || return 1
	ip -n $NSA link del va1 2>/dev/null
	esp_va $NSA ipsec "$a" "$b" || return 1
	flexvti_side $NSA $SPI_AB $SPI_BA esn seq 4294967290 || return 1
	xfrm_peer "$1" flag esn replay-window 128 \
		replay-seq 0xfffffffa replay-oseq 0xfffffffa || return 1
	for i in 1 2 3; do
		esp_pings || return 1
	done
	[ "$(esp_sa_stat $NSA out $SPI_AB seq)" -gt 4294967296 ] &&
		[ "$(esp_sa_stat $NSA in $SPI_BA seq)" -gt 4294967296 ] ||
		{ esp_sa_json $NSA; return 1; }
}

# gre_peer OUTER [EXTRA...]: B's half of gre mode: an ip_gre (ip6gre)
# interface over xfrm transport mode for GRE between the outer addresses,
# with the current keys, and the routes to A's inner addresses through
# it; EXTRA words go to both states
gre_peer() {
	local a b dir src dst type=gre extra=()
	read -r a b <<<"$(esp_outer "$1")"

	[ "$1" = 4 ] || { type=ip6gre; extra=(encaplimit none); }
	shift
	ip -n $NSB xfrm state flush
	ip -n $NSB xfrm policy flush
	# shellcheck disable=SC2046
	ip -n $NSB xfrm state add src "$a" dst "$b" proto esp spi $SPI_AB \
		mode transport $(esp_xfrm_words) "$@" || return 1
	# shellcheck disable=SC2046
	ip -n $NSB xfrm state add src "$b" dst "$a" proto esp spi $SPI_BA \
		mode transport $(esp_xfrm_words) "$@" || return 1
	for dir in out in; do
		if [ $dir = out ]; then src=$b dst=$a; else src=$a dst=$b; fi
		ip -n $NSB xfrm policy add src "$src" dst "$dst" proto gre \
			dir $dir tmpl src "$src" dst "$dst" proto esp \
			mode transport || return 1
	done
	ip -n $NSB link del gre1 2>/dev/null
	ip -n $NSB link add gre1 type $type local "$b" remote "$a" \
		"${extra[@]}" || return 1
	ip -n $NSB link set gre1 up
	ip netns exec $NSB sysctl -q -w net.mpls.conf.gre1.input=1
	ip -n $NSB route replace 192.168.11.0/24 dev gre1 src 192.168.22.1 &&
		ip -n $NSB route replace fd11::/64 dev gre1 src fd22::1
}

# va_drops REASON: a drop counter of A's va1
va_drops() {
	ip netns exec $NSA flexvtictl -j -S dev show va1 | python3 -c '
import json, sys
d = json.load(sys.stdin)
d = d[0] if isinstance(d, list) else d
print(d["stats"]["drop_" + sys.argv[1]])
' "$1"
}

# udp_socket_closed: once its owner closes A's socket, A's VA drops what
# it would send, counted as "other"; a new socket (outer IPv6, as the
# last interop stage left it) brings the tunnel back
udp_socket_closed() {
	local n0 n1

	n0=$(va_drops other)
	esp_udp_stop udp-a
	if ip netns exec $NSA ping -q -c 1 -W 1 192.168.22.1 >/dev/null 2>&1; then
		echo "answered without a socket"
		return 1
	fi
	n1=$(va_drops other)
	[ "$n1" -gt "$n0" ] || { echo "drop_other $n0 -> $n1"; return 1; }
	a_transport udp fd00::1 && esp_pings
}

# mpls_setup: Linux's MPLS stack in both namespaces
mpls_setup() {
	local ns

	modprobe mpls_router && modprobe mpls_iptunnel || return 1
	for ns in $NSA $NSB; do
		ip netns exec $ns sysctl -q -w net.mpls.platform_labels=1000 ||
			return 1
	done
}

# gre_mpls: over the current gre-mode VA, MPLS unicast both ways: A
# pushes label 100 towards B's 192.168.33.1, B label 200 back to A's
# 192.168.12.1; each side pops its label to lo.  Those addresses have no
# other route, so an answer proves both directions carried MPLS.
gre_mpls() {
	ip -n $NSA addr add 192.168.12.1/32 dev lo
	ip -n $NSB addr add 192.168.33.1/32 dev lo
	ip -n $NSA route add 192.168.33.1/32 encap mpls 100 dev va1 \
		src 192.168.12.1 || return 1
	ip -n $NSB route add 192.168.12.1/32 encap mpls 200 dev gre1 \
		src 192.168.33.1 || return 1
	ip -n $NSA -f mpls route add 200 dev lo || return 1
	ip -n $NSB -f mpls route add 100 dev lo || return 1
	ip netns exec $NSA ping -q -c 3 -W 3 -I 192.168.12.1 192.168.33.1 ||
		return 1
}

# both_flexvti OUTER: flexvti on both sides
both_flexvti() {
	local a b
	read -r a b <<<"$(esp_outer "$1")"

	esp_alg chacha20-poly1305 && esp_keys || return 1
	ip -n $NSA link del va1 2>/dev/null
	ip -n $NSB xfrm state flush
	ip -n $NSB xfrm policy flush
	ip -n $NSB addr del 192.168.22.1/32 dev lo 2>/dev/null
	ip -n $NSB addr del fd22::1/128 dev lo 2>/dev/null
	ip -n $NSB route del 192.168.11.0/24 2>/dev/null
	ip -n $NSB route del fd11::/64 2>/dev/null
	ip -n $NSB link del va1 2>/dev/null
	ip -n $NSB link del gre1 2>/dev/null
	esp_va $NSA ipsec "$a" "$b" && esp_va $NSB ipsec "$b" "$a" || return 1
	flexvti_side $NSA $SPI_AB $SPI_BA && flexvti_side $NSB $SPI_BA $SPI_AB ||
		return 1
	esp_pings
}

# wire_is_esp [PATTERN]: the wire carries ESP with the two SPIs only,
# each ESP line also matching PATTERN.  Captured on A's side: xfrm on B
# re-injects what it decrypted through b0, where tcpdump would see it.
wire_is_esp() {
	local pcap=$BUILD_TMP/wire.pcap out pid i
	local ab ba esp

	ab=$(printf '0x%08x' $SPI_AB)	# as tcpdump prints SPIs
	ba=$(printf '0x%08x' $SPI_BA)

	rm -f "$pcap"
	ip netns exec $NSA tcpdump --immediate-mode -U -n -i a0 -w "$pcap" 2>/dev/null &
	pid=$!
	for i in $(seq 50); do
		[ -s "$pcap" ] && break
		sleep 0.1
	done
	esp_pings
	sleep 0.5
	kill -INT $pid
	wait $pid 2>/dev/null
	out=$(tcpdump -n -r "$pcap" 2>/dev/null | grep -v -E 'ICMP6, (neighbor|router)')
	echo "$out"
	esp=$(grep -E "ESP\(spi=($ab|$ba)," <<<"$out")
	[ "$(grep -c "ESP(spi=$ab," <<<"$esp")" -ge 4 ] &&
		[ "$(grep -c "ESP(spi=$ba," <<<"$esp")" -ge 4 ] &&
		! grep -v -E -- "${1:-.}" <<<"$esp" | grep -q . &&
		! grep -v -E "ESP\(spi=($ab|$ba)," <<<"$out" | grep -q -E 'IP6? '
}

# xfrm_no_states: A's count of ESP packets without an SA (XfrmInNoStates)
xfrm_no_states() {
	ip netns exec $NSA awk '$1 == "XfrmInNoStates" { print $2 }' \
		/proc/net/xfrm_stat
}

# nat_t_demux: on A's ESP-in-UDP socket, an IKE datagram (non-ESP
# marker) reaches the socket unchanged; a NAT-keepalive and ESP with an
# SPI flexvti does not have do not, the latter counted as XfrmInNoStates
nat_t_demux() {
	local ike=00000000$(esp_hex 40) esp=dead0001$(esp_hex 40) n0 n1

	n0=$(xfrm_no_states)
	ip netns exec $NSB python3 "$ESP_DIR/esp_udp.py" send fd00::2 5000 \
		fd00::1 4500 ff "$esp" "$ike" || return 1
	sleep 0.5
	n1=$(xfrm_no_states)
	[ "$(cat "$BUILD_TMP/udp-a.log")" = "$ike" ] ||
		{ echo "socket got:"; cat "$BUILD_TMP/udp-a.log"; return 1; }
	[ "$n1" = $((n0 + 1)) ] || { echo "XfrmInNoStates $n0 -> $n1"; return 1; }
	esp_pings
}

# xfrm_untouched: a plain xfrm tunnel between two other namespaces, one
# of its SPIs also a flexvti inbound SPI in A, keeps working
xfrm_untouched() {
	local k=0x$(esp_hex 20) d

	flexvti_netns fvt-c && flexvti_netns fvt-d || return 1
	ip link add c0 netns fvt-c type veth peer name d0 netns fvt-d
	ip -n fvt-c addr add 10.9.0.1/24 dev c0
	ip -n fvt-d addr add 10.9.0.2/24 dev d0
	ip -n fvt-c link set c0 up
	ip -n fvt-d link set d0 up
	for d in fvt-c fvt-d; do
		ip -n $d xfrm state add src 10.9.0.1 dst 10.9.0.2 proto esp \
			spi $SPI_BA mode transport aead 'rfc4106(gcm(aes))' $k 128
		ip -n $d xfrm state add src 10.9.0.2 dst 10.9.0.1 proto esp \
			spi $SPI_AB mode transport aead 'rfc4106(gcm(aes))' $k 128
	done
	ip -n fvt-c xfrm policy add src 10.9.0.1 dst 10.9.0.2 dir out \
		tmpl proto esp mode transport
	ip -n fvt-d xfrm policy add src 10.9.0.2 dst 10.9.0.1 dir out \
		tmpl proto esp mode transport
	ip -n fvt-d xfrm policy add src 10.9.0.1 dst 10.9.0.2 dir in \
		tmpl proto esp mode transport
	ip -n fvt-c xfrm policy add src 10.9.0.2 dst 10.9.0.1 dir in \
		tmpl proto esp mode transport
	ip netns exec fvt-c ping -q -c 2 -W 3 10.9.0.2 >/dev/null || return 1
	ip -n fvt-d -s xfrm state | grep -q "2(packets)" ||
		{ ip -n fvt-d -s xfrm state; return 1; }
}

flexvti_require
BUILD_TMP=$(mktemp -d)
ktap_print_header
ktap_set_plan $(( 8 * $(wc -w <<<"$ALGS") + 19 ))
flexvti_mark

flexvti_stage "topology" esp_topology
flexvti_stage "B's inner side" xfrm_inner
flexvti_stage "B's NAT-T sockets with xfrm decapsulation" nat_t_sockets
for transport in raw udp; do
	for outer in 4 6; do
		for alg in $ALGS; do
			flexvti_stage "xfrm interop, $transport, outer IPv$outer, $alg" \
				interop ipsec $transport $outer "$alg"
		done
	done
	[ $transport = raw ] &&
		flexvti_stage "wire shows only ESP with the configured SPIs" \
			wire_is_esp
done
flexvti_stage "wire shows only ESP in UDP 4500 with the configured SPIs" \
	wire_is_esp '\.4500 > .*\.4500: UDP-encap: ESP'
flexvti_stage "IKE passes up the UDP socket, keepalives and unknown SPIs do not" \
	nat_t_demux
flexvti_stage "a closed UDP socket stops sending, a new one resumes" \
	udp_socket_closed
flexvti_stage "ESN across 2^32, outer IPv4, aes-gcm" esn 4 aes-gcm-128
flexvti_stage "ESN across 2^32, outer IPv6, aes-cbc-sha256" esn 6 aes-cbc-sha256
flexvti_stage "xfrm tunnel with a flexvti SPI in another netns" xfrm_untouched
flexvti_stage "MPLS stack in both namespaces" mpls_setup
for transport in raw udp; do
	for outer in 4 6; do
		for alg in $ALGS; do
			flexvti_stage "gre mode vs ip_gre over xfrm, $transport, outer IPv$outer, $alg" \
				interop gre $transport $outer "$alg"
		done
	done
	pattern=.
	[ $transport = raw ] || pattern='\.4500 > .*\.4500: UDP-encap: ESP'
	flexvti_stage "wire shows only ESP, gre mode, $transport" \
		wire_is_esp "$pattern"
done
flexvti_stage "gre mode carries MPLS unicast both ways" gre_mpls
flexvti_stage "flexvti to flexvti, outer IPv4" both_flexvti 4
flexvti_stage "flexvti to flexvti, outer IPv6" both_flexvti 6
flexvti_stage "wire shows only ESP, flexvti to flexvti" wire_is_esp
flexvti_stage "no warning, BUG or oops in the kernel log" flexvti_kmsg_clean
kill "$(cat "$BUILD_TMP/iperf3.pid")"
for sock in udp-a udp-b4 udp-b6; do
	esp_udp_stop $sock
done
flexvti_stage "VAs deleted with their namespaces" \
	bash -c "ip netns del $NSA; ip netns del $NSB; true"
rm -rf "$BUILD_TMP"
ktap_finished
