#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run every libFuzzer target of the build for SECONDS each, seeded with
# its corpus under user/fuzz/corpus/NAME (fuzz_NAME), and report one TAP
# line per target: "ok" when it ran the whole time without a crash,
# leak or sanitizer report.  New inputs go to a scratch directory, not
# to the repository's corpus.
#
# usage: user/fuzz/run.sh BUILD_DIR SECONDS
set -u

build=$1
secs=$2
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
n=0
rc=0

targets=$(ls "$build"/fuzz/fuzz_* 2>/dev/null)
echo "1..$(echo "$targets" | grep -c .)"
for t in $targets; do
	name=$(basename "$t")
	n=$((n + 1))
	mkdir -p "$scratch/$name"
	if "$t" -max_total_time="$secs" -print_final_stats=1 \
		-artifact_prefix="$scratch/" "$scratch/$name" \
		"$here/corpus/${name#fuzz_}" >"$scratch/$name.log" 2>&1; then
		echo "ok $n $name ran $secs s: $(grep -m1 'stat::number_of_executed_units' "$scratch/$name.log" | awk '{ print $2 }') inputs"
	else
		sed 's/^/# /' "$scratch/$name.log" | tail -n 40
		echo "not ok $n $name"
		rc=1
	fi
done
exit $rc
