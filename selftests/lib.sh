#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Helpers of the flexvti shell selftests: one KTAP line per stage through
# the kernel's ktap_helpers.sh, the created/destroyed leak check (as
# WireGuard's netns.sh does it) and namespace clean-up.
#
# Needs flexvtictl in PATH and the iproute2 plugin link_flexvti.so where
# ip(8) looks ($IP_LIB_DIR, default /usr/lib/ip): "make install" puts them
# there, "make check" points both at the build.

source "$(dirname "$(readlink -f "$0")")/../kselftest/ktap_helpers.sh"

# stages run in subshells: clean up every namespace of ours by its prefix
flexvti_cleanup() {
	local ns

	for ns in $(ip netns list | awk '/^fvt-/ { print $1 }'); do
		ip netns del "$ns"
	done
}
trap flexvti_cleanup EXIT

# flexvti_netns NAME: create a network namespace; NAME starts with "fvt-"
flexvti_netns() {
	ip netns add "$1" && ip -n "$1" link set lo up
}

# flexvti_require: skip the whole test when the tools are missing
flexvti_require() {
	command -v flexvtictl >/dev/null ||
		{ ktap_skip_all "flexvtictl is not in PATH"; exit "$KSFT_SKIP"; }
	ip link help flexvti 2>&1 | grep -q nhrp-network-id ||
		{ ktap_skip_all "ip(8) has no flexvti plugin (IP_LIB_DIR)"; exit "$KSFT_SKIP"; }
}

# flexvti_require_tools TOOL...: skip the whole test when one is missing
flexvti_require_tools() {
	local t

	for t in "$@"; do
		command -v "$t" >/dev/null ||
			{ ktap_skip_all "$t is not installed"; exit "$KSFT_SKIP"; }
	done
}

# flexvti_stage DESCRIPTION FUNCTION [ARG...]: one KTAP result, after a
# diagnostic line with the stage's wall-clock seconds (to keep the
# suite's length in view); the function's output is shown only when it
# fails
flexvti_stage() {
	local desc=$1 out start=$SECONDS
	shift

	if out=$("$@" 2>&1); then
		echo "# $((SECONDS - start)) s"
		ktap_test_pass "$desc"
	else
		sed 's/^/# /' <<<"$out"
		echo "# $((SECONDS - start)) s"
		ktap_test_fail "$desc"
	fi
}

# flexvti_mark: start counting kernel log lines from here
flexvti_mark() {
	FLEXVTI_MARK="flexvti-selftest-mark-$$-$RANDOM"
	echo "$FLEXVTI_MARK" >/dev/kmsg
}

# flexvti_kmsg_count WORD: "virtual-access interface WORD" lines since the mark
flexvti_kmsg_count() {
	dmesg | sed -n "/$FLEXVTI_MARK/,\$p" |
		grep -c "flexvti: .*: virtual-access interface $1\$"
}

# flexvti_expect_lifecycle N: exactly N interfaces were created and
# destroyed (freed) since the mark; waits for asynchronous namespace
# teardown.  Needs flexvti.dyndbg=+p (the rig sets it).
flexvti_expect_lifecycle() {
	local want=$1 c d i

	for i in $(seq 300); do
		c=$(flexvti_kmsg_count created)
		d=$(flexvti_kmsg_count destroyed)
		[ "$c" = "$want" ] && [ "$d" = "$want" ] && return 0
		sleep 0.2
	done
	echo "created $c and destroyed $d interfaces, expected $want of each"
	return 1
}

# flexvti_kmsg_clean: no warning, BUG, oops or refcount error since the mark
flexvti_kmsg_clean() {
	! dmesg | sed -n "/$FLEXVTI_MARK/,\$p" |
		grep -E 'WARNING:|BUG:|Oops|refcount_t:|unregister_netdevice: waiting|Call Trace:'
}

# flexvti_count_links [NETNS]: number of flexvti interfaces
flexvti_count_links() {
	ip ${1:+-n "$1"} -o link show type flexvti | wc -l
}
