#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# "make check": the host unit tests, the libFuzzer targets for
# FUZZ_SECONDS (default 60) each, then the kselftest collection in a
# guest booted from Debian's KVER kernel.  Ends with one line
# "flexvti: N passed, N failed" counting the individual test cases, and
# exits non-zero when any failed, the guest did not finish, or the guest
# kernel logged a warning, BUG, oops or refcount error.
#
# usage: scripts/run-checks.sh KVER GUEST_TIMEOUT_SECONDS
set -u

kver=$1
limit=$2
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build
cd "$top" || exit 1

# count TAP result lines at one nesting depth ("" or "# ")
tap_count() {
	grep -cE "^$2$1 [0-9]+ " "$3"
}

echo "== host unit tests"
make -s -C user O="$build/user" KSFT_DIR="$build/kselftest" check \
	>"$build/host.tap" 2>&1
host_rc=$?
cat "$build/host.tap"

echo "== fuzz targets, ${FUZZ_SECONDS:-60} s each"
make -s -C user O="$build/user" fuzz >"$build/fuzz-build.log" 2>&1 ||
	{ cat "$build/fuzz-build.log"; host_rc=1; }
user/fuzz/run.sh "$build/user" "${FUZZ_SECONDS:-60}" >"$build/fuzz.tap" 2>&1 ||
	host_rc=1
cat "$build/fuzz.tap"
cat "$build/fuzz.tap" >>"$build/host.tap"

echo "== kselftest collection flexvti in a $kver guest"
rig/run-guest.sh -k "$kver" -t "$limit" -o "$build/guest" \
	selftests/guest-run.sh
guest_rc=$?
log=$build/guest/console.log
[ -f "$log" ] || : >"$log"

passed=$(( $(tap_count ok "" "$build/host.tap") + $(tap_count ok "# " "$log") ))
failed=$(( $(tap_count "not ok" "" "$build/host.tap") + $(tap_count "not ok" "# " "$log") ))
# a test that died before reporting its cases still counts as one failure
top_failed=$(tap_count "not ok" "" "$log")
if [ "$top_failed" -gt 0 ] && [ "$(tap_count "not ok" "# " "$log")" -eq 0 ]; then
	failed=$((failed + top_failed))
fi
if [ "$host_rc" -ne 0 ] || [ "$guest_rc" -ne 0 ]; then
	[ "$failed" -gt 0 ] || failed=1
fi
echo "flexvti: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
