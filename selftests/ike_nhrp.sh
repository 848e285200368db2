#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# FlexVPN spoke-to-spoke with NHRP (flexvpn-inventory §1.4): a hub and
# two spokes, all flexvtid, with a LAN behind each spoke:
#
#   fvt-hub  hub: br0 10.99.0.1/24 (the NBMA network), ovl0 10.255.0.1/32
#            (its overlay address), Virtual-Template1 in gre mode with
#            "ip nhrp network-id 1" and "ip nhrp redirect timeout 5"
#   fvt-s1   spoke 1: s1 10.99.0.21/24 on br0, Tunnel0 to the hub ("ip
#            nhrp shortcut virtual-template 1"), l1-gw 192.168.1.1/24
#   fvt-s2   spoke 2: s2 10.99.0.22/24, the same, l2-gw 192.168.2.1/24
#   fvt-l1   host 192.168.1.10/24 behind spoke 1
#   fvt-l2   host 192.168.2.10/24 behind spoke 2
#
# The spokes advertise their LANs through IKEv2 configuration payloads
# and get the hub's summary 192.168.0.0/16 over Tunnel0.  The first
# packets from LAN 1 to LAN 2 cross the hub, which redirects (Traffic
# Indication) once per flow; spoke 1 resolves LAN 2 through the hub;
# spoke 2 brings a shortcut session up with spoke 1 and replies over it;
# from then on the hub sees nothing of the flow.  When the shortcut's
# holding time (20 s) runs out, traffic falls back through the hub
# without a packet lost.  When the shortcut session is cleared, its
# routes go at both spokes.

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/ike_lib.sh"

NS1=fvt-s1
NS2=fvt-s2
NSL1=fvt-l1
NSL2=fvt-l2
PSK=flexvti-nhrp-psk
HOLD=20

HUB_CONF="! the hub
aaa new-model
aaa authorization network spokes-list local
ip local pool spoke-pool 10.255.1.1 10.255.1.50
crypto ikev2 authorization policy spokes-authz
 pool spoke-pool
 route set interface
 route set remote ipv4 192.168.0.0 255.255.0.0
 route accept any
crypto ikev2 proposal prop
 encryption aes-gcm-256
 prf sha256
 group 19
crypto ikev2 policy pol
 proposal prop
crypto ikev2 keyring keys
 peer spokes
  address 10.99.0.0 255.255.255.0
  pre-shared-key $PSK
crypto ikev2 profile spokes
 match identity remote address 10.99.0.0 255.255.255.0
 authentication remote pre-share
 authentication local pre-share
 keyring local keys
 aaa authorization group psk list spokes-list spokes-authz
 virtual-template 1
crypto ipsec transform-set ts esp-gcm 256
crypto ipsec profile hub-ipsec
 set transform-set ts
 set ikev2-profile spokes
interface Virtual-Template1 type tunnel
 ip unnumbered ovl0
 ip nhrp network-id 1
 ip nhrp redirect timeout 5
 tunnel mode gre ip
 tunnel protection ipsec profile hub-ipsec"

# spoke_conf N: the configuration of spoke N
spoke_conf() {
	cat <<-EOF
	! spoke $1
	aaa new-model
	aaa authorization network hub-list local
	ip access-list standard lan$1
	 permit 192.168.$1.0 0.0.0.255
	crypto ikev2 authorization policy hub-authz
	 route set access-list lan$1
	 route accept any
	crypto ikev2 proposal prop
	 encryption aes-gcm-256
	 prf sha256
	 group 19
	crypto ikev2 policy pol
	 proposal prop
	crypto ikev2 keyring keys
	 peer all
	  address 10.99.0.0 255.255.255.0
	  pre-shared-key $PSK
	crypto ikev2 profile hub
	 match identity remote address 10.99.0.1 255.255.255.255
	 authentication remote pre-share
	 authentication local pre-share
	 keyring local keys
	 aaa authorization group psk list hub-list hub-authz
	crypto ikev2 profile spokes
	 match identity remote address 10.99.0.0 255.255.255.0
	 authentication remote pre-share
	 authentication local pre-share
	 keyring local keys
	 virtual-template 1
	crypto ipsec transform-set ts esp-gcm 256
	crypto ipsec profile to-hub
	 set transform-set ts
	 set ikev2-profile hub
	crypto ipsec profile s2s
	 set transform-set ts
	 set ikev2-profile spokes
	interface Tunnel0
	 ip address negotiated
	 ip nhrp network-id 1
	 ip nhrp shortcut virtual-template 1
	 ip nhrp holdtime $HOLD
	 tunnel mode gre ip
	 tunnel source 10.99.0.2$1
	 tunnel destination 10.99.0.1
	 tunnel protection ipsec profile to-hub
	interface Virtual-Template1 type tunnel
	 ip unnumbered Tunnel0
	 ip nhrp network-id 1
	 tunnel mode gre ip
	 tunnel protection ipsec profile s2s
	EOF
}


s_ctl() {
	ike_fvt_ctl "fvt-s$1" "spoke$1" "${@:2}"
}

# the hub's VA of spoke N: the one its LAN is routed through
hub_va_of() {
	ip -n $NSH route show "192.168.$1.0/24" | awk '{ for (i = 1; i < NF; i++) if ($i == "dev") print $(i + 1) }'
}

# packets the hub's VAs sent and received, all together
hub_packets() {
	ip netns exec $NSH flexvtictl -j dev show |
		jq '[.[] | .stats.rx_packets + .stats.tx_packets] | add'
}

# one kernel counter of a hub VA
hub_dev_stat() {
	ip netns exec $NSH flexvtictl -j dev show "$1" |
		jq ".[0].stats.$2"
}

spoke_up() {
	[ "$(s_ctl "$1" -j show crypto session |
		jq '[.[] | select(.interface == "Tunnel0")] | length')" -eq 1 ]
}

hub_routes() {
	[ -n "$(hub_va_of 1)" ] && [ -n "$(hub_va_of 2)" ]
}

# spoke 1's shortcut route to LAN 2, NHRP's (proto 191)
shortcut_route() {
	ip -n $NS1 route show 192.168.2.0/24 proto 191 | grep -o 'dev va[0-9]*'
}

has_shortcut() {
	[ -n "$(shortcut_route)" ]
}

# spoke 2's, to LAN 1: the echo replies' flow resolved the other way
has_shortcut2() {
	ip -n $NS2 route show 192.168.1.0/24 proto 191 | grep -q 'dev va'
}

no_shortcut() {
	[ -z "$(shortcut_route)" ]
}

nhrp_topology() {
	local n

	for n in $NSH $NS1 $NS2 $NSL1 $NSL2; do
		flexvti_netns $n || return 1
	done
	ip -n $NSH link add br0 type bridge
	ip -n $NSH addr add 10.99.0.1/24 dev br0
	ip -n $NSH link set br0 up
	ip -n $NSH link add ovl0 type dummy
	ip -n $NSH addr add 10.255.0.1/32 dev ovl0
	ip -n $NSH link set ovl0 up
	ip netns exec $NSH sysctl -qw net.ipv4.ip_forward=1
	for n in 1 2; do
		ip link add s$n netns fvt-s$n type veth peer name s$n-p \
			netns $NSH
		ip -n $NSH link set s$n-p master br0 up
		ip -n fvt-s$n addr add 10.99.0.2$n/24 dev s$n
		ip -n fvt-s$n link set s$n up
		ip link add l$n netns fvt-l$n type veth peer name l$n-gw \
			netns fvt-s$n
		ip -n fvt-s$n addr add 192.168.$n.1/24 dev l$n-gw
		ip -n fvt-l$n addr add 192.168.$n.10/24 dev l$n
		ip -n fvt-s$n link set l$n-gw up
		ip -n fvt-l$n link set l$n up
		ip -n fvt-l$n route add default via 192.168.$n.1
		ip netns exec fvt-s$n sysctl -qw net.ipv4.ip_forward=1
	done
}

check_config() {
	printf '%s\n' "$HUB_CONF" >"$IKE_TMP/check-hub.conf"
	spoke_conf 1 >"$IKE_TMP/check-s1.conf"
	flexvtid -n -f "$IKE_TMP/check-hub.conf" &&
		flexvtid -n -f "$IKE_TMP/check-s1.conf"
}

setup() {
	nhrp_topology && ike_hub_start "$HUB_CONF" &&
		ike_fvt_start $NS1 spoke1 "$(spoke_conf 1)" &&
		ike_fvt_start $NS2 spoke2 "$(spoke_conf 2)" || return 1
	wait_for 30 spoke_up 1 && wait_for 30 spoke_up 2 || {
		tail -n 30 "$IKE_TMP/spoke1.log" "$IKE_TMP/spoke2.log"
		return 1; }
	wait_for 10 hub_routes || { ip -n $NSH route; return 1; }
	ip -n $NSH route
	ip -n $NS1 route
	ip -n $NS1 route show 192.168.0.0/16 | grep -q "dev Tunnel0"
}

# the first packets cross the hub, which redirects once per flow
first_packets() {
	local before va1 va2

	va1=$(hub_va_of 1)
	va2=$(hub_va_of 2)
	before=$(hub_packets)
	ip netns exec $NSL1 ping -c 3 -i 0.2 -W 2 192.168.2.10 || return 1
	[ "$(hub_packets)" -gt "$before" ] || return 1
	ike_ctl show ip nhrp traffic
	[ "$(hub_dev_stat "$va1" nhrp_redirects)" -eq 1 ] || {
		ip netns exec $NSH flexvtictl dev show "$va1"; return 1; }
	# the echo replies are a flow of their own, redirected once too
	[ "$(hub_dev_stat "$va2" nhrp_redirects)" -eq 1 ] || return 1
	[ "$(ike_ctl -j show ip nhrp traffic | jq --arg v "$va1" \
		'.[] | select(.interface == $v) | ."sent-traffic-indication"')" \
		-eq 1 ]
}

# spoke 1 resolved LAN 2: a shortcut VA pair, spoke 1's route via it
shortcut_up() {
	wait_for 20 has_shortcut || {
		s_ctl 1 show ip nhrp; s_ctl 1 show ip nhrp traffic
		s_ctl 2 show ip nhrp traffic
		ike_ctl show ip nhrp traffic
		tail -n 30 "$IKE_TMP/flexvtid.log" "$IKE_TMP/spoke1.log" \
			"$IKE_TMP/spoke2.log"
		return 1; }
	wait_for 20 has_shortcut2 || { s_ctl 2 show ip nhrp; return 1; }
	s_ctl 1 show ip nhrp
	s_ctl 2 show ip nhrp
	ip -n $NS1 route show proto 191
	ip -n $NS2 route show proto 191
	[ "$(ip -n $NS1 -o link show type flexvti | grep -c ': va')" -ge 1 ] &&
		[ "$(ip -n $NS2 -o link show type flexvti | grep -c ': va')" \
			-ge 1 ] || return 1
	[ "$(s_ctl 1 -j show ip nhrp | jq '[.[] |
		select(.target == "192.168.2.0/24" and .type == "dynamic")] |
		length')" -eq 1 ] || return 1
	[ "$(s_ctl 2 -j show ip nhrp traffic | jq '[.[] |
		."sent-resolution-reply"] | add')" -ge 1 ]
}

# traffic goes on over the shortcut: the hub's counters stay flat
hub_flat() {
	local before after

	before=$(hub_packets)
	ip netns exec $NSL1 ping -q -c 20 -i 0.1 -W 2 192.168.2.10 |
		tee /dev/stderr | grep -q ' 0% packet loss' || return 1
	after=$(hub_packets)
	echo "hub packets: $before before, $after after"
	[ "$after" -eq "$before" ]
}

# spoke 1's log says its shortcut route to LAN 2 went
shortcut_removed() {
	grep -q 'shortcut route to 192.168.2.0/24 removed' \
		"$IKE_TMP/spoke1.log"
}

# the shortcut expires: traffic crosses the hub again (until the hub's
# next redirect brings a shortcut back), nothing is lost
expiry() {
	local ping before

	before=$(hub_packets)
	ip netns exec $NSL1 ping -q -c $((HOLD * 5 + 50)) -i 0.2 -W 2 \
		192.168.2.10 >"$IKE_TMP/ping.out" 2>&1 &
	ping=$!
	wait_for $((HOLD + 10)) shortcut_removed || {
		kill $ping; s_ctl 1 show ip nhrp; return 1; }
	echo "the shortcut expired; hub packets $before before"
	wait_for 5 eval '[ "$(hub_packets)" -gt "$before" ]' || {
		kill $ping; return 1; }
	echo "hub packets now $(hub_packets)"
	wait "$ping"
	cat "$IKE_TMP/ping.out"
	grep -q ' 0% packet loss' "$IKE_TMP/ping.out"
}

no_shortcut2() {
	! has_shortcut2
}

# the shortcut session is cleared: its routes go at both ends (at the
# other one by the IKE Delete), and traffic crosses the hub again
va_gone() {
	ip netns exec $NSL1 ping -q -c 3 -i 0.2 -W 2 192.168.2.10 >/dev/null
	wait_for 20 has_shortcut && wait_for 20 has_shortcut2 || {
		s_ctl 1 show ip nhrp; return 1; }
	s_ctl 1 clear crypto session remote 10.99.0.22 || return 1
	wait_for 5 no_shortcut && wait_for 5 no_shortcut2 || {
		ip -n $NS1 route show proto 191
		ip -n $NS2 route show proto 191
		return 1; }
	s_ctl 1 show ip nhrp
	ip netns exec $NSL1 ping -q -c 3 -i 0.2 -W 2 192.168.2.10
}

flexvti_require
flexvti_require_tools jq
ktap_print_header
ktap_set_plan 7
flexvti_stage "flexvtid -n accepts the hub's and the spokes' configurations" check_config
flexvti_stage "hub and two spokes up, LAN routes learnt through IKEv2" setup
flexvti_stage "LAN 1 to LAN 2 crosses the hub: one redirect per flow" first_packets
flexvti_stage "spoke 1 resolves LAN 2: shortcut VA pair and NHRP route" shortcut_up
flexvti_stage "traffic over the shortcut: the hub's counters stay flat" hub_flat
flexvti_stage "the shortcut expires: back through the hub, no packet lost" expiry
flexvti_stage "the shortcut session cleared: its routes go at both spokes" va_gone
ike_fvt_stop spoke1
ike_fvt_stop spoke2
ike_hub_stop
rm -rf "$IKE_TMP"
ktap_finished
