#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# MPLS over FlexVPN (inventory H01, H02): two provider edges, each a
# flexvtid, one GRE-mode session between them, and two customer VRFs
# with the same prefixes on each side, kept apart by their VPN labels:
# 100 for red, 200 for blue.  Linux's own MPLS stack does the labels
# ("ip route ... encap mpls", "ip -f mpls route ... dev VRF"); flexvtid
# turns MPLS input on for the session's interfaces.
#
#   fvt-ce-ra  red CE of side A:  ra0 10.10.0.2/24, default via .1
#   fvt-ce-ba  blue CE of side A: ba0 10.10.0.2/24, default via .1
#   fvt-hub    PE A: flexvtid (responder), Virtual-Template1 (gre ip by
#              default) with "mpls bgp forwarding"; wan0 10.99.0.1/24;
#              VRF red (table 10) ra-p 10.10.0.1/24, VRF blue (table
#              20) ba-p 10.10.0.1/24
#   fvt-br     PE B: flexvtid "br" (initiator), Tunnel0 (gre ip) with
#              "mpls bgp forwarding"; wan1 10.99.0.2/24; VRF red rb-p
#              10.20.0.1/24, VRF blue bb-p 10.20.0.1/24
#   fvt-ce-rb  red CE of side B:  rb0 10.20.0.2/24
#   fvt-ce-bb  blue CE of side B: bb0 10.20.0.2/24 and 10.20.0.3/24
#
# Each PE pushes the VRF's label on what a CE sends to the far side
# (encap mpls over the VA or Tunnel0) and pops it into the VRF on
# receipt.  Without mpls_router the hub refuses the session and says to
# load it; with it, red reaches only red and blue only blue (counted by
# each CE's ICMP echo requests), tcpdump on the receiving interface shows
# the labels, and with input off on the hub's VA the replies die there.
# Then Tunnel0 gets "mpls label-stack 300": the module pushes that label
# on the branch's own IP packets, and the hub pops it into VRF red.

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/ike_lib.sh"

NSB=fvt-br
PSK=flexvti-mpls-psk
# the customer edges: VRF, side, namespace, interface
CES="red a fvt-ce-ra ra
blue a fvt-ce-ba ba
red b fvt-ce-rb rb
blue b fvt-ce-bb bb"

COMMON="crypto ikev2 proposal pe-prop
 encryption aes-gcm-256
 prf sha256
 group 19
crypto ikev2 policy pe-policy
 proposal pe-prop
crypto ipsec transform-set ts-gcm esp-gcm 256"

HUB_CONF="! PE A: the responder; its virtual-access interfaces carry MPLS
$COMMON
crypto ikev2 keyring pe-keys
 peer br
  address 10.99.0.2
  pre-shared-key $PSK
crypto ikev2 profile pes
 match identity remote address 10.99.0.2
 authentication remote pre-share
 authentication local pre-share
 keyring local pe-keys
 virtual-template 1
crypto ipsec profile pe-ipsec
 set transform-set ts-gcm
 set ikev2-profile pes
interface Virtual-Template1 type tunnel
 mpls bgp forwarding
 tunnel protection ipsec profile pe-ipsec"

BR_CONF="! PE B: the initiator of Tunnel0, which carries MPLS
$COMMON
crypto ikev2 keyring pe-keys
 peer hub
  address 10.99.0.1
  pre-shared-key $PSK
crypto ikev2 profile to-hub
 match identity remote address 10.99.0.1
 authentication remote pre-share
 authentication local pre-share
 keyring local pe-keys
crypto ipsec profile br-ipsec
 set transform-set ts-gcm
 set ikev2-profile to-hub
interface Tunnel0
 ip address 10.255.0.2 255.255.255.252
 tunnel source wan1
 tunnel mode gre ip
 tunnel destination 10.99.0.1
 tunnel protection ipsec profile br-ipsec
 mpls bgp forwarding"


br_ctl() {
	ike_fvt_ctl $NSB br "$@"
}

br_up() {
	[ -n "$(br_ctl -j show crypto session |
		jq -r '.[] | select(.interface == "Tunnel0") | .interface')" ]
}

# the hub's virtual-access interface, as flexvtictl names it
hub_va() {
	ike_ctl -j show crypto session | jq -r '.[0].interface // empty'
}

# mpls_input NS IFNAME: net.mpls.conf.IFNAME.input there
mpls_input() {
	ip netns exec "$1" sysctl -n "net.mpls.conf.$2.input"
}

# echos NS: ICMP echo requests received in that namespace so far
echos() {
	ip netns exec "$1" awk '$1 == "Icmp:" {
		if (!c) { for (i = 2; i <= NF; i++) if ($i == "InEchos") c = i }
		else print $c }' /proc/net/snmp
}

# pe_vrfs NS SIDE PREFIX: a PE's side of the customer VRFs, the VRF
# devices and the links to the CEs of SIDE (a or b), on PREFIX.0/24
# (10.10.0 or 10.20.0)
pe_vrfs() {
	local pe=$1 side=$2 net=$3 vrf s ns dev

	ip -n "$pe" link add red type vrf table 10 &&
		ip -n "$pe" link add blue type vrf table 20 || return 1
	ip -n "$pe" link set red up
	ip -n "$pe" link set blue up
	while read -r vrf s ns dev; do
		[ "$s" = "$side" ] || continue
		flexvti_netns "$ns" || return 1
		ip link add "${dev}0" netns "$ns" type veth \
			peer name "$dev-p" netns "$pe" || return 1
		ip -n "$pe" link set "$dev-p" master "$vrf" up
		ip -n "$pe" addr add "$net.1/24" dev "$dev-p"
		ip -n "$ns" addr add "$net.2/24" dev "${dev}0"
		ip -n "$ns" link set "${dev}0" up
		ip -n "$ns" route add default via "$net.1"
	done <<<"$CES"
	ip netns exec "$pe" sysctl -qw net.ipv4.ip_forward=1
}

check_config() {
	printf '%s\n' "$HUB_CONF" >"$IKE_TMP/check-hub.conf"
	printf '%s\n' "$BR_CONF" >"$IKE_TMP/check-br.conf"
	printf '%s\n mpls ip\n' "$HUB_CONF" >"$IKE_TMP/check-ldp.conf"
	flexvtid -n -f "$IKE_TMP/check-hub.conf" &&
		flexvtid -n -f "$IKE_TMP/check-br.conf" || return 1
	! flexvtid -n -f "$IKE_TMP/check-ldp.conf" >"$IKE_TMP/ldp.out" 2>&1 &&
		cat "$IKE_TMP/ldp.out" &&
		grep -q "'mpls ip' is refused: LDP must never run" "$IKE_TMP/ldp.out"
}

setup() {
	modprobe vrf || return 1
	flexvti_netns $NSH && flexvti_netns $NSB || return 1
	ip link add wan0 netns $NSH type veth peer name wan1 netns $NSB
	ip -n $NSH addr add 10.99.0.1/24 dev wan0
	ip -n $NSB addr add 10.99.0.2/24 dev wan1
	ip -n $NSH link set wan0 up
	ip -n $NSB link set wan1 up
	pe_vrfs $NSH a 10.10.0 && pe_vrfs $NSB b 10.20.0 || return 1
	# an address only the blue CE of side B has
	ip -n fvt-ce-bb addr add 10.20.0.3/24 dev bb0
	ike_fvt_start $NSH flexvtid "$HUB_CONF" &&
		ike_fvt_start $NSB br "$BR_CONF"
}

# the modules of Linux's MPLS stack are out: the hub cannot turn MPLS
# on for a session's interface, refuses the session and says why
no_mpls_router() {
	wait_for 30 grep -q "modprobe mpls_router" "$IKE_TMP/flexvtid.log" || {
		tail -n 20 "$IKE_TMP/flexvtid.log"; return 1; }
	grep "modprobe mpls_router" "$IKE_TMP/flexvtid.log"
	grep -q "Virtual-Template1 has MPLS on, but Linux's MPLS stack is not loaded" \
		"$IKE_TMP/flexvtid.log" || return 1
	[ "$(ike_va_count)" -eq 0 ] || { ip -n $NSH link show type flexvti
		return 1; }
	! br_up
}

# with the stack loaded the branch's next attempt brings the session up,
# MPLS input on at both ends
session_up() {
	local va

	modprobe mpls_router && modprobe mpls_iptunnel || return 1
	ip netns exec $NSH sysctl -qw net.mpls.platform_labels=1000 &&
		ip netns exec $NSB sysctl -qw net.mpls.platform_labels=1000 ||
		return 1
	wait_for 90 br_up || { tail -n 20 "$IKE_TMP/br.log"
		tail -n 20 "$IKE_TMP/flexvtid.log"; return 1; }
	va=$(hub_va)
	[ -n "$va" ] || return 1
	ike_ctl show crypto session
	echo "hub: $va, input $(mpls_input $NSH "$va");" \
	     "branch: Tunnel0, input $(mpls_input $NSB Tunnel0)"
	ip -n $NSH -d link show "$va" | grep -q "flexvti mode gre" &&
		ip -n $NSB -d link show Tunnel0 | grep -q "flexvti mode gre" ||
		return 1
	[ "$(mpls_input $NSH "$va")" = 1 ] &&
		[ "$(mpls_input $NSB Tunnel0)" = 1 ]
}

# each PE: the far side's prefix in each VRF with the VRF's label over
# the tunnel, and the labels popped into their VRFs
label_routes() {
	local va

	va=$(hub_va)
	[ -n "$va" ] || return 1
	ip -n $NSH route add 10.20.0.0/24 vrf red encap mpls 100 dev "$va" &&
	ip -n $NSH route add 10.20.0.0/24 vrf blue encap mpls 200 dev "$va" &&
	ip -n $NSH -f mpls route add 100 dev red &&
	ip -n $NSH -f mpls route add 200 dev blue &&
	ip -n $NSB route add 10.10.0.0/24 vrf red encap mpls 100 dev Tunnel0 &&
	ip -n $NSB route add 10.10.0.0/24 vrf blue encap mpls 200 dev Tunnel0 &&
	ip -n $NSB -f mpls route add 100 dev red &&
	ip -n $NSB -f mpls route add 200 dev blue || return 1
	ip -n $NSH route show vrf red
	ip -n $NSH -f mpls route show
	ip -n $NSB route show vrf blue
	ip -n $NSB -f mpls route show
}

# cap_start NS FILE: tcpdump of the MPLS packets the interfaces of that
# namespace receive, in the background, until 3 packets or 20 s; CAP_PID.
# On a flexvti interface itself (ARPHRD_NONE) libpcap offers raw IP only,
# which cannot show MPLS; the "any" device's cooked header carries the
# packet's protocol (0x8847, first in that header: libpcap 1.10 has no
# "mpls" filter for it) and the interface's name.
cap_start() {
	ip netns exec "$1" timeout 20 tcpdump -nn -l -i any -Q in -c 3 \
		'link[0:2] == 0x8847' \
		>"$2" 2>"$2.err" &
	CAP_PID=$!
	for _ in $(seq 100); do
		grep -q "listening on" "$2.err" && return 0
		sleep 0.1
	done
	cat "$2.err"
	return 1
}

# vpn_ping VRF LABEL OTHER: 3 pings from VRF's CE of side A to
# 10.20.0.2: answered by VRF's CE of side B alone; the requests cross
# Tunnel0 and the replies the hub's VA with LABEL, not with OTHER
vpn_ping() {
	local vrf=$1 label=$2 other=$3 va pid_b pid_h red0 blue0 red1 blue1

	va=$(hub_va)
	red0=$(echos fvt-ce-rb)
	blue0=$(echos fvt-ce-bb)
	cap_start $NSB "$IKE_TMP/cap-br-$vrf" || return 1
	pid_b=$CAP_PID
	cap_start $NSH "$IKE_TMP/cap-hub-$vrf" || return 1
	pid_h=$CAP_PID
	ip netns exec "fvt-ce-${vrf:0:1}a" ping -c 3 -i 0.2 -W 2 10.20.0.2 || {
		ip -n $NSB -s link show Tunnel0
		ip -n $NSH -s link show "$va"
		ip netns exec $NSB flexvtictl -S dev show Tunnel0; return 1; }
	wait "$pid_b" "$pid_h"
	red1=$(echos fvt-ce-rb)
	blue1=$(echos fvt-ce-bb)
	echo "echo requests: red CE B $red0 -> $red1, blue CE B $blue0 -> $blue1"
	echo "Tunnel0 (branch):"; cat "$IKE_TMP/cap-br-$vrf"
	echo "$va (hub):"; cat "$IKE_TMP/cap-hub-$vrf"
	if [ "$vrf" = red ]; then
		[ $((red1 - red0)) -eq 3 ] && [ "$blue1" -eq "$blue0" ]
	else
		[ $((blue1 - blue0)) -eq 3 ] && [ "$red1" -eq "$red0" ]
	fi || { echo "the pings of $vrf reached the wrong CE"; return 1; }
	[ "$(grep -c "Tunnel0 \+In \+MPLS (label $label, .*10.10.0.2 > 10.20.0.2: ICMP echo request" \
		"$IKE_TMP/cap-br-$vrf")" -eq 3 ] &&
	[ "$(grep -c "$va \+In \+MPLS (label $label, .*10.20.0.2 > 10.10.0.2: ICMP echo reply" \
		"$IKE_TMP/cap-hub-$vrf")" -eq 3 ] ||
		{ echo "no label $label in the captures"; return 1; }
	! grep -q "MPLS (label $other," "$IKE_TMP/cap-br-$vrf" \
		"$IKE_TMP/cap-hub-$vrf"
}

# red cannot reach what only blue has: 10.20.0.3 is blue's alone
isolation() {
	! ip netns exec fvt-ce-ra ping -c 2 -i 0.2 -W 1 10.20.0.3 &&
		ip netns exec fvt-ce-ba ping -c 2 -i 0.2 -W 2 10.20.0.3
}

# mpls_dropped NS IFNAME: labelled packets that interface dropped on
# receipt (the MPLS stack's per-interface counters)
mpls_dropped() {
	ip -n "$1" -j stats show dev "$2" group afstats subgroup mpls |
		jq '[.. | objects | select(has("noroute")) | .dropped] | first'
}

# MPLS input off on the hub's VA: red's requests still reach the red CE
# of side B, but the labelled replies are dropped on the VA (the MPLS
# stack counts them); on again: the pings are answered
input_off() {
	local va red0 red1 drop0 drop1

	va=$(hub_va)
	ip netns exec $NSH sysctl -qw "net.mpls.conf.$va.input=0" || return 1
	red0=$(echos fvt-ce-rb)
	drop0=$(mpls_dropped $NSH "$va")
	ip netns exec fvt-ce-ra ping -c 3 -i 0.2 -W 1 10.20.0.2 && {
		echo "pings answered with input off on $va"; return 1; }
	red1=$(echos fvt-ce-rb)
	drop1=$(mpls_dropped $NSH "$va")
	echo "red CE B got $((red1 - red0)) echo requests; $va dropped" \
	     "$drop0 -> $drop1 labelled packets"
	# at least: late ICMP errors of the isolation stage may come too
	[ $((red1 - red0)) -eq 3 ] && [ $((drop1 - drop0)) -ge 3 ] || {
		ip -n $NSH -j stats show dev "$va" group afstats; return 1; }
	ip netns exec $NSH sysctl -qw "net.mpls.conf.$va.input=1" &&
		ip netns exec fvt-ce-ra ping -c 3 -i 0.2 -W 2 10.20.0.2
}

br_sa_id() {
	br_ctl -j show crypto session |
		jq -r '.[] | select(.interface == "Tunnel0") | .session_id'
}

# br_changed OLD: the branch's session on Tunnel0 is up and not OLD
br_changed() {
	local id

	id=$(br_sa_id)
	[ -n "$id" ] && [ "$id" != "$1" ]
}

# a reload gives Tunnel0 "mpls label-stack 300": the tunnel is made anew,
# and the module pushes label 300 on the branch's own IP packets over
# it, which the hub pops into VRF red; the replies come back with label
# 400, which the branch pops to itself
label_stack() {
	local id va red0 blue0 red1 blue1 pid

	id=$(br_sa_id)
	ike_fvt_reload br "$BR_CONF"$'\n'" mpls label-stack 300" || return 1
	wait_for 60 br_changed "$id" || { tail -n 20 "$IKE_TMP/br.log"
		return 1; }
	wait_for 10 eval '[ "$(ike_va_count)" -eq 1 ]' || return 1
	va=$(hub_va)
	ip netns exec $NSB flexvtictl dev show Tunnel0
	ip netns exec $NSB flexvtictl dev show Tunnel0 |
		grep -q "mpls-labels 300" || return 1
	[ "$(mpls_input $NSB Tunnel0)" = 1 ] &&
		[ "$(mpls_input $NSH "$va")" = 1 ] || return 1
	ip -n $NSH -f mpls route add 300 dev red &&
	ip -n $NSH route add 10.255.0.2/32 vrf red encap mpls 400 dev "$va" &&
	ip -n $NSB -f mpls route add 400 dev lo &&
	ip -n $NSB route add 10.10.0.0/24 dev Tunnel0 || return 1
	red0=$(echos fvt-ce-ra)
	blue0=$(echos fvt-ce-ba)
	cap_start $NSH "$IKE_TMP/cap-stack" || return 1
	pid=$CAP_PID
	ip netns exec $NSB ping -c 3 -i 0.2 -W 2 10.10.0.2 || {
		ip netns exec $NSB flexvtictl -S dev show Tunnel0; return 1; }
	wait "$pid"
	red1=$(echos fvt-ce-ra)
	blue1=$(echos fvt-ce-ba)
	echo "echo requests: red CE A $red0 -> $red1, blue CE A $blue0 -> $blue1"
	echo "$va (hub):"; cat "$IKE_TMP/cap-stack"
	[ $((red1 - red0)) -eq 3 ] && [ "$blue1" -eq "$blue0" ] &&
	[ "$(grep -c "$va \+In \+MPLS (label 300, .*10.255.0.2 > 10.10.0.2: ICMP echo request" \
		"$IKE_TMP/cap-stack")" -eq 3 ]
}

# the branch stops: Tunnel0 goes, the hub gets the Delete, its VA goes
stop_branch() {
	ike_fvt_stop br
	! ip -n $NSB link show Tunnel0 >/dev/null 2>&1 &&
		wait_for 10 eval '[ "$(ike_va_count)" -eq 0 ]'
}

flexvti_require
flexvti_require_tools jq tcpdump python3
modprobe -q mpls_router && modprobe -q mpls_iptunnel && modprobe -q vrf ||
	{ ktap_skip_all "no MPLS or VRF modules"; exit "$KSFT_SKIP"; }
# out again, if nothing holds them, for the session refused without them
modprobe -r -q mpls_iptunnel mpls_router
ktap_print_header
ktap_set_plan 11
flexvti_stage "flexvtid -n accepts both PEs' MPLS lines and refuses 'mpls ip'" check_config
flexvti_stage "two PEs with VRFs red and blue, the same prefixes in both" setup
if [ -d /proc/sys/net/mpls ]; then
	ktap_test_skip "mpls_router is in use: cannot test the session without it"
else
	flexvti_stage "without mpls_router the hub refuses the session: modprobe mpls_router" no_mpls_router
fi
flexvti_stage "with mpls_router: GRE session up, MPLS input on the VA and Tunnel0" session_up
flexvti_stage "label 100 for red, 200 for blue, in each PE, both ways" label_routes
flexvti_stage "red CE A pings 10.20.0.2: red CE B answers, label 100 on the wire" vpn_ping red 100 200
flexvti_stage "blue CE A pings 10.20.0.2: blue CE B answers, label 200 on the wire" vpn_ping blue 200 100
flexvti_stage "red does not reach blue's 10.20.0.3; blue does" isolation
flexvti_stage "MPLS input off on the hub's VA: the labelled replies are dropped" input_off
flexvti_stage "reload, 'mpls label-stack 300' on Tunnel0: the module pushes label 300" label_stack
flexvti_stage "the branch stops: Tunnel0 and the hub's VA go" stop_branch
ike_fvt_stop br
ike_fvt_stop flexvtid
rm -rf "$IKE_TMP"
ktap_finished
