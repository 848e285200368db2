#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Life of virtual-access interfaces: module autoload by "ip link add" and
# by the genl family, what ip(8) and flexvtictl show and set, counters,
# and removal by "ip link del", by deleting the namespace and by rmmod,
# with nothing leaked and nothing in the kernel log.

source "$(dirname "$(readlink -f "$0")")/lib.sh"

NS=fvt-life

unload() {
	modprobe -r flexvti 2>/dev/null
	[ ! -d /sys/module/flexvti ]
}

autoload_by_link() {
	unload || return 1
	ip link add va1 type flexvti || return 1
	[ -d /sys/module/flexvti ] || { echo "module not loaded"; return 1; }
	ip link del va1
}

autoload_by_family() {
	unload || return 1
	flexvtictl dev show || return 1
	[ -d /sys/module/flexvti ] || { echo "module not loaded"; return 1; }
}

point_to_point() {
	local out

	ip link add va1 type flexvti || return 1
	out=$(ip -d link show va1)
	echo "$out"
	grep -q "va1: <POINTOPOINT,NOARP> mtu 1400 " <<<"$out" &&
		grep -q "link/none" <<<"$out" &&
		grep -q "flexvti mode ipsec template 0 nhrp-network-id 0 " <<<"$out"
}

ip_shows_attributes() {
	local out json

	ip link add va2 type flexvti mode gre template 7 nhrp-network-id 11 \
		local 192.0.2.1 remote 192.0.2.2 || return 1
	out=$(ip -d link show va2)
	echo "$out"
	grep -q "flexvti mode gre template 7 nhrp-network-id 11 local 192.0.2.1 remote 192.0.2.2 " <<<"$out" ||
		return 1
	json=$(ip -d -j link show va2)
	echo "$json"
	python3 -c '
import json, sys
d = json.loads(sys.argv[1])[0]["linkinfo"]
assert d["info_kind"] == "flexvti", d
assert d["info_data"] == {"mode": "gre", "template": 7, "nhrp-network-id": 11,
                          "local": "192.0.2.1", "remote": "192.0.2.2"}, d
' "$json"
}

ip_link_set() {
	local err

	ip link set va2 type flexvti nhrp-network-id 12 remote 2001:db8::2 ||
		return 1
	ip -d link show va2 | grep -q "template 7 nhrp-network-id 12 local :: remote 2001:db8::2 " ||
		{ ip -d link show va2; return 1; }
	err=$(ip link set va2 type flexvti template 8 2>&1) && return 1
	echo "$err"
	grep -q "template id is fixed at creation" <<<"$err"
}

ctl_set_and_show() {
	local out

	flexvtictl dev set va1 mode gre local 198.51.100.1 \
		remote 198.51.100.2 nhrp-network-id 3 || return 1
	out=$(flexvtictl dev show va1)
	echo "$out"
	[ "$out" = "va1: mode gre template 0 nhrp-network-id 3 local 198.51.100.1 remote 198.51.100.2" ] ||
		return 1
	out=$(flexvtictl -j dev show)
	echo "$out"
	python3 -c '
import json, sys
devs = {d["ifname"]: d for d in json.loads(sys.argv[1])}
assert set(devs) == {"va1", "va2"}, devs
assert devs["va1"]["mode"] == "gre" and devs["va1"]["nhrp_network_id"] == 3
assert devs["va2"]["template"] == 7 and devs["va2"]["remote"] == "2001:db8::2"
' "$out"
}

ctl_prints_kernel_reason() {
	local err

	err=$(flexvtictl dev set va1 remote 224.0.0.1 2>&1) && return 1
	echo "$err"
	[ "$err" = "flexvtictl: dev set va1: Invalid argument: flexvti: remote endpoint must be a unicast address" ] ||
		return 1
	ip link set va1 up || return 1
	err=$(flexvtictl dev set va1 mode ipsec 2>&1) && return 1
	echo "$err"
	[ "$err" = "flexvtictl: dev set va1: Device or resource busy: flexvti: cannot change the mode of an interface that is up" ] ||
		return 1
	err=$(flexvtictl dev set lo nhrp-network-id 1 2>&1) && return 1
	echo "$err"
	grep -q "Operation not supported: flexvti: interface is not a flexvti virtual-access interface" <<<"$err"
}

stats_count_drops() {
	local json

	# no SA yet: everything routed into a VA is dropped and counted;
	# without IPv6 the kernel sends nothing of its own on the VA
	flexvti_netns "$NS" || return 1
	ip netns exec "$NS" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1 || return 1
	ip -n "$NS" link add va3 type flexvti || return 1
	ip -n "$NS" addr add 10.255.0.1 peer 10.255.0.2 dev va3 || return 1
	ip -n "$NS" link set va3 up || return 1
	ip netns exec "$NS" ping -q -c 3 -i 0.2 -W 1 10.255.0.2 && return 1
	json=$(ip -n "$NS" -s -j link show va3)
	echo "$json"
	python3 -c '
import json, sys
s = json.loads(sys.argv[1])[0]["stats64"]
assert s["tx"]["dropped"] == 3 and s["tx"]["packets"] == 0, s
' "$json"
}

del_link() {
	ip link del va1 && ip link del va2 &&
		[ "$(flexvti_count_links)" = 0 ]
}

del_netns() {
	local i

	for i in $(seq 10); do
		ip -n "$NS" link add "va1$i" type flexvti template "$i" || return 1
	done
	[ "$(flexvti_count_links "$NS")" = 11 ] || return 1
	ip netns del "$NS"
}

rmmod_with_links() {
	local i

	flexvti_netns "$NS" || return 1
	for i in $(seq 5); do
		ip link add "va2$i" type flexvti || return 1
		ip -n "$NS" link add "va3$i" type flexvti || return 1
	done
	ip link set va21 up
	ip -n "$NS" link set va31 up
	modprobe -r flexvti || return 1
	[ ! -d /sys/module/flexvti ] &&
		[ "$(flexvti_count_links)" = 0 ] &&
		[ "$(flexvti_count_links "$NS")" = 0 ]
}

flexvti_require
ktap_print_header
ktap_set_plan 13
flexvti_mark
flexvti_stage "ip link add loads the module" autoload_by_link
flexvti_stage "the genl family loads the module" autoload_by_family
flexvti_stage "a VA is point-to-point, ARP-less, MTU 1400" point_to_point
flexvti_stage "ip -d link shows the flexvti attributes" ip_shows_attributes
flexvti_stage "ip link set changes settings, not the template" ip_link_set
flexvti_stage "flexvtictl dev set and dev show" ctl_set_and_show
flexvti_stage "flexvtictl prints the kernel's reason" ctl_prints_kernel_reason
flexvti_stage "64-bit stats count dropped packets" stats_count_drops
flexvti_stage "ip link del removes VAs" del_link
flexvti_stage "deleting a netns removes its VAs" del_netns
flexvti_stage "rmmod removes the VAs of every netns" rmmod_with_links
flexvti_stage "created and destroyed VAs balance (24)" flexvti_expect_lifecycle 24
flexvti_stage "no warning, BUG or oops in the kernel log" flexvti_kmsg_clean
ktap_finished
