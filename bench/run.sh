#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The throughput benchmark (bench/README.md), by hand, on the host:
# install what is missing (scripts/install-deps.sh, with wireguard-tools;
# as root), build, boot Debian's KVER kernel in a guest that runs
# bench/guest.sh, and print the table from its console log.  The whole log stays in build/bench.  Takes
# the lock /tmp/flexvti-guest.lock, so that one guest runs at a time.
#
# usage: bench/run.sh        (or "make bench")
# environment: KVER (default scripts/kver.sh); BENCH_SECS, BENCH_RUNS,
# BENCH_MTU as bench/guest.sh describes
set -eu

cd "$(dirname "$0")/.."
kver=${KVER:-$(scripts/kver.sh)}
out=build/bench

scripts/install-deps.sh wireguard-tools

make -s KVER="$kver" all
rc=0
echo "bench: guest running (about 6 minutes), log in $out/console.log"
flock /tmp/flexvti-guest.lock \
	rig/run-guest.sh -k "$kver" -t 1500 -o "$out" \
	env BENCH_SECS="${BENCH_SECS:-8}" BENCH_RUNS="${BENCH_RUNS:-3}" \
	BENCH_MTU="${BENCH_MTU:-1400}" bench/guest.sh >/dev/null || rc=$?
[ ! -f "$out/console.log" ] ||
	sed -n '/^==== flexvti bench/,/^==== end/p' "$out/console.log"
[ "$rc" -eq 0 ] || echo "bench: the guest failed (exit $rc), see $out/console.log" >&2
exit "$rc"
