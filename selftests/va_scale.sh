#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# A thousand virtual-access interfaces: created from templates with ip(8),
# listed by ip -d link and by a multi-part genl dump, changed with
# flexvtictl, removed half by "ip link del" and half with their
# namespace, and every one of them freed.

source "$(dirname "$(readlink -f "$0")")/lib.sh"

NS=fvt-scale
N=1000
BATCH=$(mktemp)

create() {
	local i

	flexvti_netns "$NS" || return 1
	for i in $(seq $N); do
		echo "link add va$i type flexvti template $((i % 10 + 1)) nhrp-network-id $i"
	done >"$BATCH"
	ip -n "$NS" -batch "$BATCH" && [ "$(flexvti_count_links "$NS")" = $N ]
}

ip_shows_all() {
	local out

	out=$(ip -n "$NS" -d link show type flexvti)
	[ "$(grep -c "flexvti mode ipsec template [0-9]* nhrp-network-id" <<<"$out")" = $N ] ||
		return 1
	grep -A2 "va777:" <<<"$out" | grep -q "flexvti mode ipsec template 8 nhrp-network-id 777 "
}

dump_lists_all() {
	local out

	out=$(ip netns exec "$NS" flexvtictl dev show) || return 1
	[ "$(wc -l <<<"$out")" = $N ] || { echo "$(wc -l <<<"$out") lines"; return 1; }
	grep -qx "va500: mode ipsec template 1 nhrp-network-id 500" <<<"$out" ||
		return 1
	ip netns exec "$NS" flexvtictl -j dev show | python3 -c '
import json, sys
devs = json.load(sys.stdin)
assert len(devs) == int(sys.argv[1]), len(devs)
assert len({d["ifindex"] for d in devs}) == len(devs)
' $N
}

set_many() {
	local i

	for i in $(seq 1 10 $N); do
		ip netns exec "$NS" flexvtictl dev set "va$i" mode gre \
			remote "192.0.2.$((i % 250 + 1))" || return 1
	done
	[ "$(ip netns exec "$NS" flexvtictl dev show | grep -c ": mode gre ")" = $((N / 10)) ]
}

delete_half() {
	local i

	for i in $(seq 1 2 $N); do
		echo "link del va$i"
	done >"$BATCH"
	ip -n "$NS" -batch "$BATCH" &&
		[ "$(flexvti_count_links "$NS")" = $((N / 2)) ]
}

flexvti_require
ktap_print_header
ktap_set_plan 8
flexvti_mark
flexvti_stage "create $N VAs with ip -batch" create
flexvti_stage "ip -d link shows the attributes of all $N" ip_shows_all
flexvti_stage "a genl dump lists all $N" dump_lists_all
flexvti_stage "flexvtictl changes $((N / 10)) of them" set_many
flexvti_stage "ip link del removes half" delete_half
flexvti_stage "deleting the netns removes the rest" ip netns del "$NS"
flexvti_stage "created and destroyed VAs balance ($N)" flexvti_expect_lifecycle $N
flexvti_stage "no warning, BUG or oops in the kernel log" flexvti_kmsg_clean
rm -f "$BATCH"
ktap_finished
