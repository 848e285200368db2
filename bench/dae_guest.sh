#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The dynamic-authorization benchmark, run in the guest by "bench/run.sh
# dae" (bench/README.md): how many RFC 5176 requests per second a NAS
# answers, for
#
#   flexvtid  this tree's daemon ("aaa server radius dynamic-author")
#   charon    strongSwan's charon-systemd with its eap-radius plugin's
#             DAE server (charon.plugins.eap-radius.dae)
#
# with the same load: DAE_CLIENTS instances of FreeRADIUS's radclient
# sending DAE_REQUESTS requests between them, DAE_PARALLEL outstanding at
# once for each, every one a distinct packet
# (its own Proxy-State) with a Message-Authenticator, from namespace
# fvt-das (10.72.0.2) to the NAS in fvt-nas (10.72.0.1, port 3799):
#
#   nak  Disconnect-Request for a user no session has: each NAS answers
#        Disconnect-NAK.
#   ack  CoA-Request with Session-Timeout for the one live session, set
#        up beforehand by flexvti-ikeload from 10.71.1.1 (its identity):
#        each NAS answers CoA-ACK and re-arms the session's lifetime.
#        flexvtid finds the session by its audit-session-id, charon by
#        User-Name (the only key it knows).
#
# Runs of the two NASes alternate; the table gives the median and every
# run, in requests per second (the requests over radclient's wall time).
#
# usage (in the guest, from the top of the tree): bench/dae_guest.sh
# environment: DAE_REQUESTS (default 5000), DAE_CLIENTS (default 4),
# DAE_PARALLEL (default 32),
# DAE_RUNS (default 3), DAE_LOGS (a directory that keeps the logs)

cd "$(dirname "$(readlink -f "$0")")/.." || exit 1
. rig/guest-setup.sh

REQUESTS=${DAE_REQUESTS:-5000}
CLIENTS=${DAE_CLIENTS:-4}
PARALLEL=${DAE_PARALLEL:-32}
RUNS=${DAE_RUNS:-3}
NSD=fvt-das
NSN=fvt-nas
SECRET=flexvti-bench-dae-secret
PSK=flexvti-bench-psk-0123456789
TMP=$(mktemp -d)
NASES=${DAE_NASES:-flexvtid charon}
declare -A RATE_OF CPU_OF

GEN_CONF="! the client's side
crypto ikev2 proposal gen-prop
 encryption aes-gcm-128
 prf sha256
 group 19
crypto ikev2 policy gen-policy
 proposal gen-prop
crypto ikev2 profile gen
 match identity remote address 10.72.0.1 255.255.255.255
 authentication remote pre-share key $PSK
 authentication local pre-share key $PSK
crypto ipsec transform-set gen-ts esp-gcm 128
crypto ipsec profile gen-ipsec
 set transform-set gen-ts
 set ikev2-profile gen"

FVT_CONF="! the NAS under test
aaa new-model
aaa authorization network load-list local
aaa server radius dynamic-author
 client 10.72.0.2 server-key $SECRET
 port 3799
ip local pool load-pool 10.80.0.1 10.80.0.254
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

# charon with its DAE server; the eap-radius plugin wants a server even
# when only its DAE part is used: one that is never asked
SW_CONF="charon-systemd {
	load = random nonce openssl kdf pem pkcs1 x509 pubkey md5 hmac kernel-netlink socket-default vici eap-radius
	dos_protection = no
	plugins {
		vici { socket = unix://$TMP/charon.vici }
		eap-radius {
			servers { unused { address = 127.0.0.1
				secret = $SECRET } }
			dae { enable = yes
				listen = 10.72.0.1
				port = 3799
				secret = $SECRET }
		}
	}
	filelog {
		log { path = $TMP/charon.log
			time_format = %s
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
		local_addrs = 10.72.0.1
		pools = load-pool
		proposals = aes128gcm16-prfsha256-ecp256
		local { auth = psk
			id = 10.72.0.1 }
		remote { auth = psk }
		children { net { local_ts = 0.0.0.0/0
				esp_proposals = aes128gcm16 } }
	}
}
pools { load-pool { addrs = 10.80.0.0/24 } }
secrets { ike-load { secret = $PSK } }"

bench_teardown() {
	local f ns

	for f in gen.pid nas.pid; do
		[ -s "$TMP/$f" ] && kill "$(cat "$TMP/$f")" 2>/dev/null
		rm -f "$TMP/$f"
	done
	for ns in $(ip netns list | awk '/^fvt-/ { print $1 }'); do
		ip netns del "$ns"
	done
}

bench_exit() {
	bench_teardown
	rm -rf "$TMP"
}
trap bench_exit EXIT

bench_topology() {
	bench_teardown
	ip netns add $NSD && ip netns add $NSN || return 1
	ip -n $NSD link set lo up
	ip -n $NSN link set lo up
	ip link add das0 netns $NSD type veth peer name nas0 netns $NSN
	ip -n $NSD addr add 10.72.0.2/24 dev das0
	ip -n $NSD addr add 10.71.1.1/32 dev das0
	ip -n $NSN addr add 10.72.0.1/24 dev nas0
	ip -n $NSD link set das0 up
	ip -n $NSN link set nas0 up
	ip -n $NSN route add 10.71.0.0/16 via 10.72.0.2
	ip -n $NSN link add lan0 type dummy
	ip -n $NSN addr add 10.200.0.1/24 dev lan0
	ip -n $NSN link set lan0 up
	ip netns exec $NSD ping -c 1 -W 2 10.72.0.1 >/dev/null
}

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
	ip netns exec $NSN flexvtid -f "$TMP/flexvtid.conf" \
		-s "$TMP/flexvtid.sock" -l "$TMP/state" \
		>"$TMP/flexvtid.log" 2>&1 &
	echo $! >"$TMP/nas.pid"
	wait_sock "$TMP/flexvtid.sock"
}

start_charon() {
	printf '%s\n' "$SW_CONF" >"$TMP/strongswan.conf"
	printf '%s\n' "$SWANCTL_CONF" >"$TMP/swanctl.conf"
	rm -f "$TMP/charon.vici"
	ip netns exec $NSN env STRONGSWAN_CONF="$TMP/strongswan.conf" \
		charon-systemd >/dev/null 2>&1 &
	echo $! >"$TMP/nas.pid"
	wait_sock "$TMP/charon.vici" || return 1
	ip netns exec $NSN env STRONGSWAN_CONF="$TMP/strongswan.conf" \
		swanctl --load-all --noprompt --file "$TMP/swanctl.conf" \
		>/dev/null
}

# the one session the "ack" requests change, from 10.71.1.1
start_session() {
	local line

	printf '%s\n' "$GEN_CONF" >"$TMP/gen.conf"
	rm -f "$TMP/gen.out"
	mkfifo "$TMP/gen.out" || return 1
	ip netns exec $NSD flexvti-ikeload -f "$TMP/gen.conf" -p gen \
		-i gen-ipsec -r 10.72.0.1 -l 10.71.1.1 -n 1 -w \
		>"$TMP/gen.out" 2>"$TMP/gen.log" &
	echo $! >"$TMP/gen.pid"
	read -r line <"$TMP/gen.out"
	[[ $line == "up 1 "* ]]
}

# the session's key in a CoA: its audit-session-id (flexvtid) or its
# identity as User-Name (charon)
session_key_flexvtid() {
	local id

	id=$(ip netns exec $NSN flexvtictl -j -s "$TMP/flexvtid.sock" \
		show crypto session detail | jq -r '.[0].audit_session_id')
	[ -n "$id" ] && [ "$id" != null ] &&
		echo "Cisco-AVPair = \"audit-session-id=$id\""
}

session_key_charon() {
	echo 'User-Name = "10.71.1.1"'
}

# packets KIND KEY C: the input of radclient C of CLIENTS, its share of
# the REQUESTS packets
packets() {
	local kind=$1 key=$2 c=$3

	awk -v n="$REQUESTS" -v m="$CLIENTS" -v c="$c" -v kind="$kind" \
		-v key="$key" 'BEGIN {
		for (i = c; i <= n; i += m) {
			if (kind == "nak")
				printf "User-Name = \"nobody-%d\"\n", i
			else
				printf "%s\nSession-Timeout = 86400\n", key
			printf "Proxy-State = 0x%08x\n", i
			printf "Message-Authenticator = 0x00\n\n"
		}
	}'
}

# summary WHAT: the count of radclient's summary line WHAT
summary() {
	awk -F: -v w="$1" '{ k = $1; gsub(/[ \t]/, "", k) } k == w { print $2 + 0 }'
}

# cpu_ns PID: nanoseconds on a CPU of all the threads of PID
cpu_ns() {
	cat /proc/"$1"/task/*/schedstat 2>/dev/null |
		awk '{ n += $1 } END { printf "%.0f\n", n }'
}

# run_one NAS KIND: "REQUESTS/S CPU-US/REQUEST", or "- -"
run_one() {
	local who=$1 kind=$2 key="" code t0 t1 out want c f pids pid c0 c1 ok

	"start_$who" || { echo "bench: $who did not start" >&2; echo - -; return; }
	if [ "$kind" = ack ]; then
		start_session || { echo "bench: no session with $who" >&2; echo - -; return; }
		key=$("session_key_$who") || { echo "bench: no session key" >&2; echo - -; return; }
		code=coa
	else
		code=disconnect
	fi
	for c in $(seq "$CLIENTS"); do
		packets "$kind" "$key" "$c" >"$TMP/packets.$c"
	done
	pid=$(cat "$TMP/nas.pid")
	c0=$(cpu_ns "$pid")
	t0=$(date +%s.%N)
	pids=()
	for f in "$TMP"/packets.*; do
		ip netns exec $NSD radclient -q -s -p "$PARALLEL" -r 3 -t 2 \
			-f "$f" 10.72.0.1:3799 "$code" "$SECRET" >"$f.out" 2>&1 &
		pids+=($!)
	done
	wait "${pids[@]}"
	t1=$(date +%s.%N)
	c1=$(cpu_ns "$pid")
	out=$(cat "$TMP"/packets.*.out)
	rm -f "$TMP"/packets.*
	if [ -n "${DAE_LOGS:-}" ]; then
		mkdir -p "$DAE_LOGS"
		printf '%s\n' "$out" >"$DAE_LOGS/$who-$kind-radclient.log"
		for f in gen.log flexvtid.log charon.log; do
			[ ! -f "$TMP/$f" ] || cp "$TMP/$f" "$DAE_LOGS/$who-$kind-$f"
		done
	fi
	echo "bench: $who $kind: $(tr '\n' ' ' <<<"$out" | tr -s ' \t' ' ')" >&2
	# every request answered as expected (radclient counts ACKs as
	# accepted, NAKs as rejected), or the run does not count
	# the expected answers counted, those lost said
	[ "$kind" = nak ] && want=Rejected || want=Accepted
	ok=$(summary "$want" <<<"$out" | awk '{ n += $1 } END { print n + 0 }')
	if [ "$ok" -ne "$REQUESTS" ]; then
		echo "bench: $who $kind: $((REQUESTS - ok)) of $REQUESTS requests without the expected answer" >&2
		echo $((REQUESTS - ok)) >>"$TMP/lost.$who-$kind"
	fi
	if [ "$ok" -eq 0 ]; then
		echo - -
		return
	fi
	awk -v n="$ok" -v a="$t0" -v b="$t1" -v c0="$c0" -v c1="$c1" \
		'BEGIN { printf "%.0f %.1f\n", n / (b - a), (c1 - c0) / 1000 / n }'
}

median() {
	printf '%s\n' "$@" | grep -v '^-$' | sort -g |
		awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : "-" }'
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a == "-" || a == "" || b == "-" || b == "" || b == 0) print "-";
		else printf "%.2f", a / b }'
}

for t in charon-systemd swanctl flexvtid flexvtictl flexvti-ikeload radclient jq; do
	command -v $t >/dev/null || { echo "bench: $t is missing" >&2; exit 1; }
done
modprobe flexvti || exit 1
start=$(date +%s)
for round in $(seq "$RUNS"); do
	for kind in nak ack; do
		for who in $NASES; do
			bench_topology || exit 1
			echo "bench: round $round, $who, $kind" >&2
			read -r r u <<<"$(run_one "$who" "$kind")"
			RATE_OF[$who-$kind]+="$r "
			CPU_OF[$who-$kind]+="$u "
			bench_teardown
		done
	done
done

echo "==== flexvti dae bench: $(uname -r), $(nproc) CPUs, qemu TCG; $REQUESTS requests from $CLIENTS radclients, $PARALLEL outstanding each, $RUNS runs each"
echo "radclient to port 3799, each request with Message-Authenticator and its own Proxy-State"
printf '%-9s %-15s %10s %9s %12s  %s\n' nas answer "requests/s" "CPU us" \
	"capacity/s" "runs (requests/s; CPU us)"
declare -A R U
for kind in nak ack; do
	for who in $NASES; do
		# shellcheck disable=SC2086 # one word per run
		R[$who-$kind]=$(median ${RATE_OF[$who-$kind]})
		# shellcheck disable=SC2086
		U[$who-$kind]=$(median ${CPU_OF[$who-$kind]})
		[ $kind = nak ] && a=Disconnect-NAK || a=CoA-ACK
		printf '%-9s %-15s %10s %9s %12s  %s; %s%s\n' "$who" "$a" \
			"${R[$who-$kind]}" "${U[$who-$kind]}" \
			"$(ratio 1000000 "${U[$who-$kind]}" | cut -d. -f1)" \
			"${RATE_OF[$who-$kind]}" "${CPU_OF[$who-$kind]}" \
			"$(awk '{ n += $1 } END { if (n) printf "; %d lost", n }' \
				"$TMP/lost.$who-$kind" 2>/dev/null)"
	done
done
echo
echo "ratios of the medians, flexvtid/charon: requests/s under the same load,"
echo "and capacity (requests per CPU-second of the NAS, 1e6 / CPU us)"
echo "  Disconnect-NAK   $(ratio "${R[flexvtid-nak]}" "${R[charon-nak]}"), capacity $(ratio "${U[charon-nak]}" "${U[flexvtid-nak]}") (target >= 5)"
echo "  CoA-ACK          $(ratio "${R[flexvtid-ack]}" "${R[charon-ack]}"), capacity $(ratio "${U[charon-ack]}" "${U[flexvtid-ack]}") (target >= 5)"
echo "  (CPU us: the NAS's CPU time per request, all its threads; the"
echo "   radclients use most of the guest's two CPUs, so requests/s is"
echo "   bounded by them, capacity is not)"
echo "==== end ($(( $(date +%s) - start )) s)"
