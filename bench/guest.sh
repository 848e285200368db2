#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The throughput benchmark, run in the guest by bench/run.sh: one TCP flow
# (iperf3, inner IPv4) from namespace fvt-a to fvt-b over a veth pair,
#
#   veth         the bare veth pair, no tunnel, no crypto (reference)
#   flexvti ALG  a flexvti VA on both ends
#   xfrm ALG     ip xfrm tunnel mode on both ends, same algorithm and keys
#   wireguard    a WireGuard interface on both ends
#
# for ALG aes-gcm-128 (rfc4106(gcm(aes))) and chacha20-poly1305
# (rfc7539esp(chacha20,poly1305)), each RUNS times, the configurations
# interleaved round by round, every run in fresh namespaces with fresh
# random keys.  Then the raw AEAD speed of the kernel's own
# implementations for a ~1400-byte buffer, by tcrypt, as the limit.
# Loads the SIMD crypto modules first, as udev would on a real machine.
# Prints a table between "==== flexvti bench" and "==== end" lines.
#
# usage (in the guest, from the top of the tree):
#	bench/guest.sh
# environment: BENCH_SECS (iperf3 -t, default 8), BENCH_RUNS (default 3),
# BENCH_MTU (MTU of every tunnel, default 1400, flexvti's default)

cd "$(dirname "$(readlink -f "$0")")/.." || exit 1
. rig/guest-setup.sh
# the namespace, veth and key helpers of the ESP selftests
source selftests/esp_lib.sh

SECS=${BENCH_SECS:-8}
RUNS=${BENCH_RUNS:-3}
MTU=${BENCH_MTU:-1400}
SPI_AB=0x1001
SPI_BA=0x2001
WG_PORT=51820
CONFIGS="veth flexvti-gcm xfrm-gcm flexvti-chacha xfrm-chacha wireguard"
TMP=$(mktemp -d)
declare -A RUNS_OF MSS_OF

# flexvti_netns NAME: a network namespace with lo up (as selftests/lib.sh)
flexvti_netns() {
	ip netns add "$1" && ip -n "$1" link set lo up
}

# bench_teardown: stop the iperf3 server, delete our namespaces
bench_teardown() {
	local ns

	if [ -s "$TMP/iperf3.pid" ]; then
		kill "$(cat "$TMP/iperf3.pid")" 2>/dev/null
		rm -f "$TMP/iperf3.pid"
	fi
	for ns in $(ip netns list | awk '/^fvt-/ { print $1 }'); do
		ip netns del "$ns"
	done
}

bench_exit() {
	bench_teardown
	rm -rf "$TMP"
}
trap bench_exit EXIT

# bench_topology: fresh namespaces, the veth pair and an iperf3 server
# in B listening on every address
bench_topology() {
	bench_teardown
	esp_topology || return 1
	ip netns exec $NSB iperf3 -s -D -I "$TMP/iperf3.pid" || return 1
	for _ in $(seq 100); do
		ip netns exec $NSB ss -Hltn 'sport = :5201' | grep -q . && return 0
		sleep 0.1
	done
	echo "bench: the iperf3 server did not come up" >&2
	return 1
}

# flexvti_sas NS OUT IN: the SA pair of NS's va1 with the current keys
flexvti_sas() {
	# shellcheck disable=SC2046 # the key words are split on purpose
	ip netns exec "$1" flexvtictl sa add va1 dir out spi "$2" \
		$(esp_ctl_words) || return 1
	# shellcheck disable=SC2046
	ip netns exec "$1" flexvtictl sa add va1 dir in spi "$3" \
		$(esp_ctl_words)
}

# setup_flexvti ALG: a VA on both ends
setup_flexvti() {
	esp_alg "$1" && esp_keys || return 1
	esp_va $NSA ipsec 10.0.0.1 10.0.0.2 &&
		esp_va $NSB ipsec 10.0.0.2 10.0.0.1 || return 1
	ip -n $NSA link set va1 mtu "$MTU" &&
		ip -n $NSB link set va1 mtu "$MTU" || return 1
	flexvti_sas $NSA $SPI_AB $SPI_BA && flexvti_sas $NSB $SPI_BA $SPI_AB
}

# xfrm_side NS ME PEER NET_ME NET_PEER DEV: one end's inner address on lo,
# route (of MTU $MTU, which bounds the inner path MTU as a tunnel
# interface's would), the two states and the out/in/fwd policies
xfrm_side() {
	local ns=$1 me=$2 peer=$3 nme=$4 npeer=$5 dev=$6 dir

	ip -n "$ns" addr add "${nme%.0/24}.1/32" dev lo || return 1
	ip -n "$ns" route add "$npeer" dev "$dev" src "${nme%.0/24}.1" \
		mtu "$MTU" || return 1
	# shellcheck disable=SC2046 # the algorithm words are split on purpose
	ip -n "$ns" xfrm state add src 10.0.0.1 dst 10.0.0.2 proto esp \
		spi $SPI_AB mode tunnel flag af-unspec $(esp_xfrm_words) ||
		return 1
	# shellcheck disable=SC2046
	ip -n "$ns" xfrm state add src 10.0.0.2 dst 10.0.0.1 proto esp \
		spi $SPI_BA mode tunnel flag af-unspec $(esp_xfrm_words) ||
		return 1
	ip -n "$ns" xfrm policy add src "$nme" dst "$npeer" dir out \
		tmpl src "$me" dst "$peer" proto esp mode tunnel || return 1
	for dir in in fwd; do
		ip -n "$ns" xfrm policy add src "$npeer" dst "$nme" dir $dir \
			tmpl src "$peer" dst "$me" proto esp mode tunnel ||
			return 1
	done
}

# setup_xfrm ALG: xfrm tunnel mode on both ends, mirror images
setup_xfrm() {
	esp_alg "$1" && esp_keys || return 1
	xfrm_side $NSA 10.0.0.1 10.0.0.2 192.168.11.0/24 192.168.22.0/24 a0 &&
		xfrm_side $NSB 10.0.0.2 10.0.0.1 192.168.22.0/24 \
			192.168.11.0/24 b0
}

# wg_side NS ME PEER PEER_NS PEER_ADDR: one WireGuard end, inner
# 192.168.ME.1, the peer's key pair made for PEER_NS, at PEER_ADDR
wg_side() {
	local ns=$1 me=$2 peer=$3

	ip -n "$ns" link add wg0 type wireguard || return 1
	ip netns exec "$ns" wg set wg0 listen-port $WG_PORT \
		private-key "$TMP/wg-$ns.key" \
		peer "$(cat "$TMP/wg-$4.pub")" endpoint "$5:$WG_PORT" \
		allowed-ips "192.168.$peer.0/24" || return 1
	ip -n "$ns" link set wg0 mtu "$MTU" up &&
		ip -n "$ns" addr add "192.168.$me.1/32" dev wg0 &&
		ip -n "$ns" route add "192.168.$peer.0/24" dev wg0 \
			src "192.168.$me.1"
}

# setup_wireguard: fresh key pairs, WireGuard on both ends
setup_wireguard() {
	local ns

	for ns in $NSA $NSB; do
		(umask 077 && wg genkey >"$TMP/wg-$ns.key") &&
			wg pubkey <"$TMP/wg-$ns.key" >"$TMP/wg-$ns.pub" ||
			return 1
	done
	wg_side $NSA 11 22 $NSB 10.0.0.2 && wg_side $NSB 22 11 $NSA 10.0.0.1
}

# setup CONFIG: CONFIG in fresh namespaces; sets DST, the server address
setup() {
	bench_topology || return 1
	DST=192.168.22.1
	case $1 in
	veth) DST=10.0.0.2 ;;
	flexvti-gcm) setup_flexvti aes-gcm-128 ;;
	flexvti-chacha) setup_flexvti chacha20-poly1305 ;;
	xfrm-gcm) setup_xfrm aes-gcm-128 ;;
	xfrm-chacha) setup_xfrm chacha20-poly1305 ;;
	wireguard) setup_wireguard ;;
	esac || return 1
	esp_ping $NSA $DST
}

# iperf_run: one TCP flow A to B, the first second omitted; prints
# "MBIT MSS" from the receiver's total, or "fail"
iperf_run() {
	ip netns exec $NSA timeout $((SECS + 60)) \
		iperf3 -c "$DST" -t "$SECS" -O 1 -J 2>/dev/null >"$TMP/iperf3.json"
	python3 -c '
import json, sys
try:
    r = json.load(open(sys.argv[1]))
    bps = r["end"]["sum_received"]["bits_per_second"]
    print("%.1f %s" % (bps / 1e6, r["start"].get("tcp_mss_default", "?")))
except Exception:
    print("fail")
' "$TMP/iperf3.json"
}

# measure CONFIG: one run of CONFIG, appended to RUNS_OF[CONFIG]
measure() {
	local res mbit mss

	if setup "$1" >"$TMP/setup.log" 2>&1; then
		res=$(iperf_run)
	else
		res=fail
		sed "s/^/bench: $1: /" "$TMP/setup.log" >&2
	fi
	read -r mbit mss <<<"$res"
	[ "$mbit" = fail ] && echo "bench: $1: no result" >&2
	echo "bench: $1: $mbit Mbit/s (MSS ${mss:-?})" >&2
	RUNS_OF[$1]="${RUNS_OF[$1]} $mbit"
	[ -z "$mss" ] || MSS_OF[$1]=$mss
	bench_teardown
}

# median VALUE...: of the numeric values, "-" when there is none
median() {
	printf '%s\n' "$@" | grep -E '^[0-9.]+$' | sort -g |
		awk '{ v[NR] = $1 }
		     END {
			if (!NR) { print "-"; exit }
			if (NR % 2) print v[(NR + 1) / 2]
			else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2
		     }'
}

# tcrypt MODE: run tcrypt speed mode MODE (1 s per block size); its log
# goes to $TMP/tcrypt-MODE.log.  The module refuses to stay loaded
# (EAGAIN) by design, after the tests have run.
tcrypt() {
	local mark=flexvti-bench-tcrypt-$1-$RANDOM

	echo "$mark" >/dev/kmsg
	modprobe tcrypt mode="$1" sec=1 2>/dev/null
	dmesg | sed -n "/$mark/,\$p" >"$TMP/tcrypt-$1.log"
}

# tcrypt_mbit MODE ALG DIRECTION: "MBIT BYTES DRIVER" for the block size
# nearest 1400 bytes in tcrypt's output, or "-"
tcrypt_mbit() {
	python3 -c '
import re, sys
text = open(sys.argv[1]).read()
alg, direction = sys.argv[2], sys.argv[3]
heads = list(re.finditer(r"testing speed of (\S+) \((\S+)\) (\w+)", text))
best = None
for i, h in enumerate(heads):
    if h.group(1) != alg or h.group(3) != direction:
        continue
    end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
    for m in re.finditer(r"(\d+) byte blocks\):\s*(?:\[[^\]]*\]\s*)?"
                         r"(\d+) operations in (\d+) seconds \((\d+) bytes\)",
                         text[h.end():end]):
        size, secs, nbytes = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if best is None or abs(size - 1400) < abs(best[0] - 1400):
            best = (size, nbytes * 8 / secs / 1e6, h.group(2))
    break
print("%.1f %d %s" % (best[1], best[0], best[2]) if best else "-")
' "$TMP/tcrypt-$1.log" "$2" "$3"
}

# ratio A B: A/B to two places, "-" unless both are numbers
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0)
			printf "%.2f\n", a / b
		else
			print "-"
	}'
}

for tool in iperf3 wg python3 flexvtictl; do
	command -v $tool >/dev/null ||
		{ echo "bench: $tool is missing (bench/run.sh installs it)" >&2; exit 1; }
done

# the SIMD implementations, which udev loads on a real machine from the
# CPU's modalias (the guest has no udev): without them aes is aes-generic
for mod in aesni_intel ghash_clmulni_intel chacha_x86_64 poly1305_x86_64; do
	modprobe -q $mod || echo "bench: cannot load $mod" >&2
done

start=$(date +%s)
for round in $(seq "$RUNS"); do
	echo "bench: round $round of $RUNS" >&2
	for config in $CONFIGS; do
		measure "$config"
	done
done

# tcrypt: 211 is rfc4106(gcm(aes)) (and plain gcm(aes)), 213
# rfc7539esp(chacha20,poly1305); both by test_aead_speed, encryption
# then decryption, block sizes 16 ... 1420 ... 8192
echo "bench: tcrypt mode 211 (aes-gcm) and 213 (chacha20-poly1305)" >&2
tcrypt 211
tcrypt 213
read -r gcm_enc gcm_size gcm_drv <<<"$(tcrypt_mbit 211 'rfc4106(gcm(aes))' encryption)"
read -r gcm_dec _ _ <<<"$(tcrypt_mbit 211 'rfc4106(gcm(aes))' decryption)"
read -r cha_enc cha_size cha_drv <<<"$(tcrypt_mbit 213 'rfc7539esp(chacha20,poly1305)' encryption)"
read -r cha_dec _ _ <<<"$(tcrypt_mbit 213 'rfc7539esp(chacha20,poly1305)' decryption)"

declare -A MED
for config in $CONFIGS; do
	# shellcheck disable=SC2086 # one word per run
	MED[$config]=$(median ${RUNS_OF[$config]})
done
declare -A NAME=(
	[veth]="veth, no tunnel"
	[flexvti-gcm]="flexvti aes-gcm-128"
	[xfrm-gcm]="xfrm aes-gcm-128"
	[flexvti-chacha]="flexvti chacha20-poly1305"
	[xfrm-chacha]="xfrm chacha20-poly1305"
	[wireguard]="wireguard"
)
declare -A LIMIT=(
	[flexvti-gcm]=$gcm_enc [xfrm-gcm]=$gcm_enc
	[flexvti-chacha]=$cha_enc [xfrm-chacha]=$cha_enc [wireguard]=$cha_enc
)

echo "==== flexvti bench: $(uname -r), $(nproc) CPUs, qemu TCG; iperf3 -t $SECS -O 1, one TCP flow, inner IPv4, tunnel MTU $MTU"
echo "TCP throughput, Mbit/s (receiver); runs in order, configurations interleaved"
printf '%-27s %8s  %-5s  %-7s  %s\n' configuration median MSS "of raw" runs
for config in $CONFIGS; do
	printf '%-27s %8s  %-5s  %-7s %s\n' "${NAME[$config]}" "${MED[$config]}" \
		"${MSS_OF[$config]:-?}" \
		"$(ratio "${MED[$config]}" "${LIMIT[$config]:-}")" \
		"${RUNS_OF[$config]}"
done
echo
echo "raw AEAD by tcrypt (one CPU, 1 s per size), Mbit/s, block nearest 1400 B:"
printf '  %-18s mode 211  %4s B  enc %7s  dec %7s  %s\n' aes-gcm-128 \
	"${gcm_size:-?}" "$gcm_enc" "${gcm_dec:--}" "${gcm_drv:-?}"
printf '  %-18s mode 213  %4s B  enc %7s  dec %7s  %s\n' chacha20-poly1305 \
	"${cha_size:-?}" "$cha_enc" "${cha_dec:--}" "${cha_drv:-?}"
echo
echo "ratios of the medians:"
echo "  flexvti/xfrm aes-gcm-128        $(ratio "${MED[flexvti-gcm]}" "${MED[xfrm-gcm]}")"
echo "  flexvti/xfrm chacha20-poly1305  $(ratio "${MED[flexvti-chacha]}" "${MED[xfrm-chacha]}")"
echo "  flexvti/wireguard chacha        $(ratio "${MED[flexvti-chacha]}" "${MED[wireguard]}")"
echo "  (\"of raw\": median / tcrypt encryption speed of that AEAD)"
echo "==== end ($(( $(date +%s) - start )) s)"
