#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The IKE setup-rate benchmark, run in the guest by "bench/run.sh ike"
# (bench/README.md): how many IKE SAs with their CHILD_SA a responder
# sets up per second, and its memory per session, for
#
#   flexvtid  this tree's daemon, one virtual-access interface per session
#   charon    strongSwan's charon-systemd with swanctl, xfrm SAs and
#             policies per session
#
# with the same load generator (flexvti-ikeload: flexvtid's initiator,
# SESSIONS sessions from as many addresses, PARALLEL being negotiated at
# once) and the same proposals: PSK both ways, IKE AES-GCM-128 with
# PRF-HMAC-SHA256 and ECP-256, ESP AES-GCM-128 without PFS, an IPv4
# address from a pool for each client.
#
#   fvt-gen   the generator: gen0 10.70.0.2/24, the clients' addresses
#             10.71.0.1... on dummy interface clients
#   fvt-resp  the responder: resp0 10.70.0.1/24, a route to 10.71.0.0/16
#
# Each run starts the responder fresh and reads its resident memory
# (VmRSS) and CPU time (utime + stime) from /proc before the sessions and
# once they are all up; the runs of the two responders alternate.  The
# table gives the median and every run.
#
# usage (in the guest, from the top of the tree): bench/ike_guest.sh
# environment: IKE_SESSIONS (default 1000), IKE_PARALLEL (default 32),
# IKE_RUNS (default 3), IKE_LOGS (a directory that keeps the logs of
# each run: generator, flexvtid, charon)

cd "$(dirname "$(readlink -f "$0")")/.." || exit 1
. rig/guest-setup.sh

SESSIONS=${IKE_SESSIONS:-1000}
PARALLEL=${IKE_PARALLEL:-32}
RUNS=${IKE_RUNS:-3}
NSG=fvt-gen
NSR=fvt-resp
PSK=flexvti-bench-psk-0123456789
TMP=$(mktemp -d)
RESPONDERS=${IKE_RESPONDERS:-flexvtid charon}
declare -A RATE_OF MEM_OF RSS_OF CPU_OF GEN_OF ALL_OF

GEN_CONF="! the load generator's side
crypto ikev2 proposal gen-prop
 encryption aes-gcm-128
 prf sha256
 group 19
crypto ikev2 policy gen-policy
 proposal gen-prop
crypto ikev2 profile gen
 match identity remote address 10.70.0.1 255.255.255.255
 authentication remote pre-share key $PSK
 authentication local pre-share key $PSK
crypto ipsec transform-set gen-ts esp-gcm 128
crypto ipsec profile gen-ipsec
 set transform-set gen-ts
 set ikev2-profile gen"

FVT_CONF="! the responder under test
aaa new-model
aaa authorization network load-list local
ip local pool load-pool 10.80.0.1 10.80.255.254
crypto ikev2 authorization policy load-authz
 pool load-pool
crypto ikev2 proposal load-prop
 encryption aes-gcm-128
 prf sha256
 group 19
crypto ikev2 policy load-policy
 proposal load-prop
crypto ikev2 keyring load-keys
 peer clients
  address 10.71.0.0 255.255.0.0
  pre-shared-key $PSK
crypto ikev2 profile load
 match identity remote address 10.71.0.0 255.255.0.0
 authentication remote pre-share
 authentication local pre-share
 keyring local load-keys
 aaa authorization group psk list load-list load-authz
 virtual-template 1
crypto ipsec transform-set load-ts esp-gcm 128
crypto ipsec profile load-ipsec
 set transform-set load-ts
 set ikev2-profile load
interface Virtual-Template1 type tunnel
 ip unnumbered lan0
 tunnel mode ipsec ipv4
 tunnel protection ipsec profile load-ipsec"

# charon as a responder of many clients: no DoS protection (as flexvtid
# without cookie-challenge), its default 16 threads, its default log
# level to a file
SW_CONF="charon-systemd {
	load = random nonce openssl kdf pem pkcs1 x509 pubkey kernel-netlink socket-default vici
	dos_protection = no
	plugins {
		vici { socket = unix://$TMP/charon.vici }
	}
	filelog {
		log { path = $TMP/charon.log
			time_format = %s
			time_add_ms = yes
			default = 1
		}
	}
	journal { default = -1 }
}
swanctl { socket = unix://$TMP/charon.vici
	load = pem pkcs1 x509 pubkey openssl random
}"

SWANCTL_CONF="connections {
	load {
		local_addrs = 10.70.0.1
		pools = load-pool
		proposals = aes128gcm16-prfsha256-ecp256
		local { auth = psk
			id = 10.70.0.1 }
		remote { auth = psk }
		children { net { local_ts = 0.0.0.0/0
				esp_proposals = aes128gcm16 } }
	}
}
pools { load-pool { addrs = 10.80.0.0/16 } }
secrets { ike-load { secret = $PSK } }"

bench_teardown() {
	local ns

	[ -s "$TMP/resp.pid" ] && kill "$(cat "$TMP/resp.pid")" 2>/dev/null
	rm -f "$TMP/resp.pid"
	for ns in $(ip netns list | awk '/^fvt-/ { print $1 }'); do
		ip netns del "$ns"
	done
}

bench_exit() {
	bench_teardown
	rm -rf "$TMP"
}
trap bench_exit EXIT

# the two namespaces and the clients' addresses
bench_topology() {
	local i

	bench_teardown
	ip netns add $NSG && ip netns add $NSR || return 1
	ip -n $NSG link set lo up
	ip -n $NSR link set lo up
	ip link add gen0 netns $NSG type veth peer name resp0 netns $NSR
	ip -n $NSG addr add 10.70.0.2/24 dev gen0
	ip -n $NSR addr add 10.70.0.1/24 dev resp0
	ip -n $NSG link set gen0 up
	ip -n $NSR link set resp0 up
	ip -n $NSR route add 10.71.0.0/16 via 10.70.0.2
	ip -n $NSR link add lan0 type dummy
	ip -n $NSR addr add 10.200.0.1/24 dev lan0
	ip -n $NSR link set lan0 up
	ip -n $NSG link add clients type dummy
	ip -n $NSG link set clients up
	# the neighbours resolved: no IKE_SA_INIT lost in the ARP queue
	ip netns exec $NSG ping -c 1 -W 2 10.70.0.1 >/dev/null || return 1
	# 10.71.1.1 and on, as flexvti-ikeload -l 10.71.1.1 counts
	for i in $(seq 257 $((SESSIONS + 256))); do
		echo "addr add 10.71.$((i / 256)).$((i % 256))/32 dev clients"
	done | ip -n $NSG -batch - || return 1
}

# wait_sock PATH: until PATH is a socket (10 s)
wait_sock() {
	for _ in $(seq 200); do
		[ -S "$1" ] && return 0
		sleep 0.05
	done
	return 1
}

start_flexvtid() {
	printf '%s\n' "$FVT_CONF" >"$TMP/flexvtid.conf"
	rm -f "$TMP/flexvtid.sock"
	ip netns exec $NSR flexvtid -f "$TMP/flexvtid.conf" \
		-s "$TMP/flexvtid.sock" >"$TMP/flexvtid.log" 2>&1 &
	echo $! >"$TMP/resp.pid"
	wait_sock "$TMP/flexvtid.sock"
}

start_charon() {
	printf '%s\n' "$SW_CONF" >"$TMP/strongswan.conf"
	printf '%s\n' "$SWANCTL_CONF" >"$TMP/swanctl.conf"
	rm -f "$TMP/charon.vici"
	ip netns exec $NSR env STRONGSWAN_CONF="$TMP/strongswan.conf" \
		charon-systemd >/dev/null 2>&1 &
	echo $! >"$TMP/resp.pid"
	wait_sock "$TMP/charon.vici" || return 1
	ip netns exec $NSR env STRONGSWAN_CONF="$TMP/strongswan.conf" \
		swanctl --load-all --noprompt --file "$TMP/swanctl.conf" \
		>/dev/null
}

# the sessions the responder has: interfaces, or IKE SAs
count_flexvtid() {
	ip -n $NSR -o link show type flexvti | wc -l
}

count_charon() {
	ip netns exec $NSR env STRONGSWAN_CONF="$TMP/strongswan.conf" \
		swanctl --list-sas --noblock 2>/dev/null | grep -c ESTABLISHED
}

# rss PID: resident memory in KiB; cpu PID: user + system time in ticks;
# busy: ticks of all CPUs not idle
rss() {
	awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"
}

cpu() {
	awk '{ print $14 + $15 }' "/proc/$1/stat"
}

busy() {
	awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat
}

# run_one RESPONDER ROUND: one run, "setups/s KiB/session RSS-MiB
# responder-CPU-ms/session generator-CPU-ms/session all-CPU-ms/session"
run_one() {
	local who=$1 round=$2 pid rss0 cpu0 rss1 cpu1 out n gen up rate
	local all0 all1 gcpu

	"start_$who" || {
		echo "bench: $who did not start" >&2
		echo "- - - - - -"
		return 0
	}
	pid=$(cat "$TMP/resp.pid")
	sleep 1
	rss0=$(rss "$pid")
	cpu0=$(cpu "$pid")
	printf '%s\n' "$GEN_CONF" >"$TMP/gen.conf"
	# its result line through a FIFO: waiting for it costs no CPU
	rm -f "$TMP/gen.out"
	mkfifo "$TMP/gen.out" || return 1
	all0=$(busy)
	ip netns exec $NSG flexvti-ikeload -f "$TMP/gen.conf" -p gen \
		-i gen-ipsec -r 10.70.0.1 -l 10.71.1.1 -n "$SESSIONS" \
		-c "$PARALLEL" -w ${IKE_GEN_DEBUG:+-d} >"$TMP/gen.out" \
		2>"$TMP/gen.log" &
	gen=$!
	read -r out <"$TMP/gen.out"
	all1=$(busy)
	gcpu=$(cpu $gen 2>/dev/null || echo 0)
	sleep 1
	rss1=$(rss "$pid")
	cpu1=$(cpu "$pid")
	n=$("count_$who")
	kill $gen 2>/dev/null
	wait $gen 2>/dev/null
	kill "$pid"
	while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
	rm -f "$TMP/resp.pid"
	if [ -n "${IKE_LOGS:-}" ]; then
		mkdir -p "$IKE_LOGS"
		for f in gen.log flexvtid.log charon.log; do
			[ ! -f "$TMP/$f" ] || mv "$TMP/$f" "$IKE_LOGS/$who-$round-$f"
		done
	fi
	up=$(awk '{ print $2 }' <<<"$out")
	rate=$(awk '{ print $8 }' <<<"$out")
	echo "bench: $who: $out; $n sessions at the responder; VmRSS $rss0 -> $rss1 KiB" >&2
	if [ "${up:-0}" -ne "$SESSIONS" ] || [ "$n" -ne "$SESSIONS" ]; then
		tail -n 5 "$TMP/gen.log" >&2
		echo "- - - - - -"
		return 0
	fi
	awk -v r="$rate" -v a="$rss0" -v b="$rss1" -v c0="$cpu0" -v c1="$cpu1" \
		-v g="$gcpu" -v a0="$all0" -v a1="$all1" -v n="$SESSIONS" \
		-v hz="$(getconf CLK_TCK)" 'BEGIN {
		ms = 1000 / hz / n
		printf "%s %.2f %.1f %.2f %.2f %.2f\n", r, (b - a) / n,
			b / 1024, (c1 - c0) * ms, g * ms, (a1 - a0) * ms }'
}

# median of words ("-" for a failed run sorts first and is skipped)
median() {
	printf '%s\n' "$@" | grep -v '^-$' | sort -g |
		awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : "-" }'
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a == "-" || b == "-" || b == 0) print "-";
		else printf "%.2f", a / b }'
}

for t in charon-systemd swanctl flexvtid flexvti-ikeload; do
	command -v $t >/dev/null || { echo "bench: $t is missing" >&2; exit 1; }
done
modprobe flexvti || exit 1
start=$(date +%s)
for round in $(seq "$RUNS"); do
	for who in $RESPONDERS; do
		bench_topology || exit 1
		echo "bench: round $round, $who" >&2
		read -r r m s c g a <<<"$(run_one "$who" "$round")"
		RATE_OF[$who]+="$r "
		MEM_OF[$who]+="$m "
		RSS_OF[$who]+="$s "
		CPU_OF[$who]+="$c "
		GEN_OF[$who]+="$g "
		ALL_OF[$who]+="$a "
	done
done
bench_teardown

declare -A R M S C G A
for who in $RESPONDERS; do
	# shellcheck disable=SC2086 # one word per run
	R[$who]=$(median ${RATE_OF[$who]})
	# shellcheck disable=SC2086
	M[$who]=$(median ${MEM_OF[$who]})
	# shellcheck disable=SC2086
	S[$who]=$(median ${RSS_OF[$who]})
	# shellcheck disable=SC2086
	C[$who]=$(median ${CPU_OF[$who]})
	# shellcheck disable=SC2086
	G[$who]=$(median ${GEN_OF[$who]})
	# shellcheck disable=SC2086
	A[$who]=$(median ${ALL_OF[$who]})
done

echo "==== flexvti ike bench: $(uname -r), $(nproc) CPUs, qemu TCG; $SESSIONS sessions, $PARALLEL in parallel, $RUNS runs each"
echo "PSK, IKE aes-gcm-128/prf-sha256/ecp-256, ESP aes-gcm-128, a pool address each; load generator flexvti-ikeload"
printf '%-9s %9s %12s %8s %8s %8s %8s  %s\n' responder "setups/s" \
	"KiB/sess" "RSS MiB" "CPU ms" "gen ms" "all ms" "runs (setups/s)"
for who in $RESPONDERS; do
	printf '%-9s %9s %12s %8s %8s %8s %8s  %s\n' "$who" "${R[$who]}" \
		"${M[$who]}" "${S[$who]}" "${C[$who]}" "${G[$who]}" \
		"${A[$who]}" "${RATE_OF[$who]}"
done
echo
echo "ratios of the medians:"
echo "  setup rate flexvtid/charon           $(ratio "${R[flexvtid]}" "${R[charon]}") (target >= 2)"
echo "  memory per session flexvtid/charon   $(ratio "${M[flexvtid]}" "${M[charon]}") (target <= 0.5)"
echo "  (KiB/sess: the responder's VmRSS growth / sessions; RSS: its VmRSS with"
echo "   every session up; per session: CPU ms of the responder (user + system),"
echo "   gen ms of the load generator, all ms of the whole guest, both CPUs)"
echo "==== end ($(( $(date +%s) - start )) s)"
