#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run every libFuzzer target of the build for SECONDS each, seeded with
# its corpus under user/fuzz/corpus/NAME (fuzz_NAME), and report one TAP
# line per target: "ok" when it ran the whole time without a crash,
# leak or sanitizer report.  New inputs go to a scratch directory, not
# to the repository's corpus.  FUZZ_JOBS targets (default: one per CPU)
# run at once, each on one CPU for its whole SECONDS, so the run takes
# SECONDS times the number of targets over FUZZ_JOBS.
#
# usage: user/fuzz/run.sh BUILD_DIR SECONDS
set -u

build=$1
secs=$2
jobs=${FUZZ_JOBS:-$(nproc)}
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# fuzz TARGET: run it; its exit status goes to $scratch/NAME.rc
fuzz() {
	name=$(basename "$1")
	mkdir -p "$scratch/$name"
	"$1" -max_total_time="$secs" -print_final_stats=1 \
		-artifact_prefix="$scratch/$name-" "$scratch/$name" \
		"$here/corpus/${name#fuzz_}" >"$scratch/$name.log" 2>&1
	echo $? >"$scratch/$name.rc"
}

targets=$(ls "$build"/fuzz/fuzz_* 2>/dev/null)
running=0
for t in $targets; do
	fuzz "$t" &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait
		running=0
	fi
done
wait

echo "1..$(echo "$targets" | grep -c .)"
n=0
rc=0
for t in $targets; do
	name=$(basename "$t")
	n=$((n + 1))
	if [ "$(cat "$scratch/$name.rc")" = 0 ]; then
		echo "ok $n $name ran $secs s: $(grep -m1 'stat::number_of_executed_units' "$scratch/$name.log" | awk '{ print $2 }') inputs"
	else
		sed 's/^/# /' "$scratch/$name.log" | tail -n 40
		echo "not ok $n $name"
		rc=1
	fi
done
exit $rc
