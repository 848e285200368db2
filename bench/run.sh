#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The benchmarks (bench/README.md), by hand, on the host: install what
# is missing (scripts/install-deps.sh, with wireguard-tools; as root),
# build, boot Debian's KVER kernel in a guest that runs the benchmark's
# guest script, and print its table from the console log.  The whole log
# stays in build/bench/NAME.  Takes the lock /tmp/flexvti-guest.lock, so
# that one guest runs at a time.
#
# usage: bench/run.sh [esp] [ike] [dae]     (or "make bench": all)
#   esp  TCP throughput through the tunnels (bench/guest.sh, ~6 minutes)
#   ike  IKE SA setups per second and memory per session, flexvtid versus
#        strongSwan's charon (bench/ike_guest.sh, ~5 minutes)
#   dae  RFC 5176 Disconnect-NAK and CoA-ACK answers per second, flexvtid
#        versus charon's eap-radius DAE (bench/dae_guest.sh)
# environment: KVER (default scripts/kver.sh); BENCH_SECS, BENCH_RUNS,
# BENCH_MTU as bench/guest.sh describes; IKE_SESSIONS, IKE_PARALLEL,
# IKE_RUNS as bench/ike_guest.sh does; DAE_REQUESTS, DAE_PARALLEL,
# DAE_RUNS, DAE_CLIENTS, DAE_NASES as bench/dae_guest.sh does
set -eu

cd "$(dirname "$0")/.."
kver=${KVER:-$(scripts/kver.sh)}
[ $# -gt 0 ] || set -- esp ike dae

for b in "$@"; do
	case $b in
	esp|ike|dae) ;;
	*) echo "usage: bench/run.sh [esp] [ike] [dae]" >&2; exit 2 ;;
	esac
done

scripts/install-deps.sh wireguard-tools
make -s KVER="$kver" all

rc=0
for b in "$@"; do
	out=build/bench/$b
	case $b in
	esp) script=bench/guest.sh; marker='flexvti bench' ;;
	*) script=bench/${b}_guest.sh; marker="flexvti $b bench" ;;
	esac
	echo "bench $b: guest running, log in $out/console.log"
	brc=0
	flock /tmp/flexvti-guest.lock \
		rig/run-guest.sh -k "$kver" -t 1500 -o "$out" \
		env BENCH_SECS="${BENCH_SECS:-8}" BENCH_RUNS="${BENCH_RUNS:-3}" \
		BENCH_MTU="${BENCH_MTU:-1400}" \
		IKE_SESSIONS="${IKE_SESSIONS:-1000}" \
		IKE_PARALLEL="${IKE_PARALLEL:-32}" IKE_RUNS="${IKE_RUNS:-3}" \
		DAE_REQUESTS="${DAE_REQUESTS:-5000}" \
		DAE_PARALLEL="${DAE_PARALLEL:-32}" DAE_RUNS="${DAE_RUNS:-3}" \
		DAE_CLIENTS="${DAE_CLIENTS:-4}" \
		DAE_NASES="${DAE_NASES:-flexvtid charon}" \
		"$script" >/dev/null || brc=$?
	[ ! -f "$out/console.log" ] ||
		sed -n "/^==== $marker/,/^==== end/p" "$out/console.log"
	if [ "$brc" -ne 0 ]; then
		echo "bench $b: the guest failed (exit $brc), see $out/console.log" >&2
		rc=$brc
	fi
done
exit "$rc"
