#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# FlexVPN route exchange through IKEv2 configuration payloads (RFC 7296
# §3.15.1 INTERNAL_IP4_SUBNET / INTERNAL_IP6_SUBNET), hub and spoke as
# in step 1 of the guide's spoke-to-spoke sequence, both flexvtid:
#
#   fvt-hub  the hub (responder, gre-mode virtual template unnumbered to
#            lo, whose address 10.255.255.1 is its "loopback"); br0
#            10.99.0.1/24
#   fvt-sp   the spoke (initiator, Tunnel0 "ip address negotiated");
#            sp0 10.99.0.30/24 on the hub's bridge, spl0 192.168.1.1/24
#            and fd00:192:1::1/64 towards its LAN
#   fvt-spl  a host of the spoke's LAN, 192.168.1.2, default via the spoke
#
# The spoke's authorization policy (the smart-default one, with "route
# set access-list" of its LAN added) sends its LAN in the CFG_REQUEST;
# the hub routes it through the session's virtual-access interface with
# its "route accept any" distance as metric, and pushes its summary
# ("route set access-list") and its loopback ("route set interface"),
# which the spoke routes through Tunnel0 with the default policy's
# distance 2.  The LAN host reaches the hub's loopback without any route
# added by hand.  When the hub clears the session the routes go on both
# sides, and come back when the spoke reconnects; when the spoke's
# daemon stops they go again.

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/ike_lib.sh"

NSS=fvt-sp
NSSL=fvt-spl
PSK=flexvti-routes-psk
HUB_LO=10.255.255.1

HUB_CONF="! the hub: learns the spokes' LANs, pushes a summary and its loopback
aaa new-model
aaa authorization network hub-list local
ip local pool spokes 10.255.1.10 10.255.1.20
ip access-list standard summary
 remark every branch LAN
 permit 192.168.0.0 0.0.255.255
ipv6 access-list summary6
 permit ipv6 fd00:192::/32 any
crypto ikev2 authorization policy hub-authz
 pool spokes
 route set interface
 route set access-list summary
 route set access-list ipv6 summary6
 route accept any tag 7 distance 5
crypto ikev2 keyring hub-keys
 peer spokes
  address 10.99.0.0 255.255.255.0
  pre-shared-key $PSK
crypto ikev2 profile spokes
 match identity remote address 10.99.0.0 255.255.255.0
 authentication remote pre-share
 authentication local pre-share
 keyring local hub-keys
 aaa authorization group psk list hub-list hub-authz
 virtual-template 1
crypto ipsec transform-set ts-gcm esp-gcm 256
crypto ipsec profile hub-ipsec
 set transform-set ts-gcm
 set ikev2-profile spokes
interface Virtual-Template1 type tunnel
 ip unnumbered lo
 tunnel mode gre ip
 tunnel protection ipsec profile hub-ipsec"

SPOKE_CONF="! the spoke: sends its LAN, routes what the hub pushes
aaa new-model
aaa authorization network spoke-list local
ip access-list standard spoke-lan
 permit 192.168.1.0 0.0.0.255
ipv6 access-list spoke-lan6
 permit ipv6 fd00:192:1::/64 any
crypto ikev2 authorization policy default
 route set access-list spoke-lan
 route set access-list ipv6 spoke-lan6
crypto ikev2 keyring spoke-keys
 peer hub
  address 10.99.0.1
  pre-shared-key $PSK
crypto ikev2 profile to-hub
 match identity remote address 10.99.0.1
 authentication remote pre-share
 authentication local pre-share
 keyring local spoke-keys
 aaa authorization group psk list spoke-list default
crypto ipsec transform-set ts-gcm esp-gcm 256
crypto ipsec profile spoke-ipsec
 set transform-set ts-gcm
 set ikev2-profile to-hub
interface Tunnel0
 ip address negotiated
 tunnel source sp0
 tunnel mode gre ip
 tunnel destination 10.99.0.1
 tunnel protection ipsec profile spoke-ipsec"

# the spoke's flexvtid
s_ctl() {
	ike_fvt_ctl $NSS spoke "$@"
}


# the spoke's session on Tunnel0, JSON, or nothing
s_session() {
	s_ctl -j show crypto session |
		jq -c '.[] | select(.interface == "Tunnel0")'
}

s_up() {
	[ -n "$(s_session)" ]
}

s_sa_id() {
	s_session | jq -r .session_id
}

s_changed() {
	local v

	v=$(s_sa_id)
	[ -n "$v" ] && [ "$v" != "$1" ]
}

hub_va() {
	ip -n $NSH -o link show type flexvti | awk -F': ' 'NR == 1 { print $2 }'
}

# route_is NS FAMILY PREFIX DEV METRIC: NS routes PREFIX through DEV with
# that metric, connected (no gateway), proto static
route_is() {
	local r

	r=$(ip -n "$1" "-$2" -o route show "$3")
	grep -q "^$3 dev $4 proto static .*metric $5\b" <<<"$r" || {
		echo "$1: '$3' is '$r', not 'dev $4 proto static metric $5'"
		return 1
	}
	! grep -q via <<<"$r"
}

no_route() {
	[ -z "$(ip -n "$1" "-$2" -o route show "$3")" ]
}

# the routes a session of flexvtid shows, "PREFIX METRIC" sorted
shown_routes() {
	jq -r '.[0].routes[] | "\(.prefix) \(.metric)"' | sort | tr '\n' ' '
}

topology() {
	ike_topology || return 1
	flexvti_netns $NSS && flexvti_netns $NSSL || return 1
	ip -n $NSH addr add $HUB_LO/32 dev lo
	ip link add sp0 netns $NSS type veth peer name sp-p netns $NSH
	ip -n $NSH link set sp-p master br0 up
	ip -n $NSS addr add 10.99.0.30/24 dev sp0
	ip -n $NSS link set sp0 up
	ip link add spl1 netns $NSSL type veth peer name spl0 netns $NSS
	ip -n $NSS addr add 192.168.1.1/24 dev spl0
	ip -n $NSS addr add fd00:192:1::1/64 dev spl0 nodad
	ip -n $NSSL addr add 192.168.1.2/24 dev spl1
	ip -n $NSS link set spl0 up
	ip -n $NSSL link set spl1 up
	ip -n $NSSL route add default via 192.168.1.1
	ip netns exec $NSS sysctl -qw net.ipv4.ip_forward=1
}

check_config() {
	printf '%s\n' "$HUB_CONF" >"$IKE_TMP/check-hub.conf"
	printf '%s\n' "$SPOKE_CONF" >"$IKE_TMP/check-spoke.conf"
	flexvtid -n -f "$IKE_TMP/check-hub.conf" &&
		flexvtid -n -f "$IKE_TMP/check-spoke.conf"
}

setup() {
	topology && ike_hub_start "$HUB_CONF" &&
		ike_fvt_start $NSS spoke "$SPOKE_CONF"
}

session_up() {
	wait_for 20 s_up || { tail -n 30 "$IKE_TMP/spoke.log"; return 1; }
	s_ctl show crypto session detail
	wait_for 5 eval '[ -n "$(hub_va)" ]' || return 1
	[ "$(s_session | jq -r .mode)" = gre ]
}

# the hub routes the spoke's LANs through the VA, metric = distance 5
hub_learned() {
	local va

	va=$(hub_va)
	ip -n $NSH route show dev "$va"
	ip -n $NSH -6 route show dev "$va"
	route_is $NSH 4 192.168.1.0/24 "$va" 5 &&
		route_is $NSH 6 fd00:192:1::/64 "$va" 5 || return 1
	ike_ctl show crypto session detail | tee /dev/stderr |
		grep -q "Route from peer: 192.168.1.0/24 dev $va metric 5 tag 7" ||
		return 1
	[ "$(ike_ctl -j show crypto session | shown_routes)" = \
	  "192.168.1.0/24 5 fd00:192:1::/64 5 " ] || return 1
	[ "$(ike_ctl -j show crypto session | jq '.[0].route_tag')" -eq 7 ]
}

# the spoke routes the summaries and the hub's loopback through Tunnel0,
# metric = the default policy's distance 2; the hub's loopback is its
# overlay address (a host route)
spoke_learned() {
	ip -n $NSS route show dev Tunnel0
	ip -n $NSS -6 route show dev Tunnel0
	route_is $NSS 4 192.168.0.0/16 Tunnel0 2 &&
		route_is $NSS 4 $HUB_LO Tunnel0 2 &&
		route_is $NSS 6 fd00:192::/32 Tunnel0 2 || return 1
	[ "$(s_ctl -j show crypto session | shown_routes)" = \
	  "10.255.255.1/32 2 192.168.0.0/16 2 fd00:192::/32 2 " ] || return 1
	[ "$(s_ctl -j show crypto session | jq '.[0].route_tag')" -eq 1 ]
}

# the LAN host reaches the hub's loopback, no route added by hand
lan_ping() {
	ip netns exec $NSSL ping -c 3 -i 0.2 -W 2 $HUB_LO
}

spoke_routes_gone() {
	no_route $NSS 4 192.168.0.0/16 && no_route $NSS 4 $HUB_LO &&
		no_route $NSS 6 fd00:192::/32
}

hub_routes_gone() {
	no_route $NSH 4 192.168.1.0/24 && no_route $NSH 6 fd00:192:1::/64
}

spoke_routes_back() {
	s_up && route_is $NSS 4 192.168.0.0/16 Tunnel0 2 >/dev/null &&
		route_is $NSS 4 $HUB_LO Tunnel0 2 >/dev/null
}

# the hub clears the session: the routes go at both ends (the VA takes
# the hub's along, the spoke deletes its own from Tunnel0, which stays);
# the spoke reconnects 2 s later and they come back.  The spoke's
# deletions are seen in its route notifications, not raced for.
clear_and_back() {
	local before mon

	before=$(s_sa_id)
	ip -n $NSS monitor route >"$IKE_TMP/spoke-routes.mon" 2>&1 &
	mon=$!
	sleep 0.5
	ike_ctl clear crypto session || { kill $mon; return 1; }
	wait_for 5 hub_routes_gone || { kill $mon; ip -n $NSH route; return 1; }
	wait_for 20 s_changed "$before" || {
		kill $mon; tail -n 20 "$IKE_TMP/spoke.log"; return 1; }
	wait_for 5 spoke_routes_back || { kill $mon; ip -n $NSS route; return 1; }
	kill $mon
	wait $mon 2>/dev/null
	cat "$IKE_TMP/spoke-routes.mon"
	grep -q "routes of the peer deleted" "$IKE_TMP/spoke.log" &&
		grep -q "^Deleted 192.168.0.0/16 dev Tunnel0" \
			"$IKE_TMP/spoke-routes.mon" &&
		grep -q "^Deleted $HUB_LO dev Tunnel0" \
			"$IKE_TMP/spoke-routes.mon" &&
		grep -q "^Deleted fd00:192::/32 dev Tunnel0" \
			"$IKE_TMP/spoke-routes.mon" || return 1
	ip -n $NSS link show Tunnel0 >/dev/null || return 1
	wait_for 5 eval 'route_is $NSH 4 192.168.1.0/24 "$(hub_va)" 5' ||
		return 1
	route_is $NSH 6 fd00:192:1::/64 "$(hub_va)" 5 && spoke_learned &&
		lan_ping
}

stats() {
	ike_ctl show crypto ikev2 stats | grep routes-
	s_ctl show crypto ikev2 stats | grep routes-
	[ "$(ike_stat routes-added)" -eq 4 ] &&
		[ "$(ike_stat routes-failed)" -eq 0 ] &&
		[ "$(ike_stat routes-refused)" -eq 0 ] &&
		[ "$(ike_stat routes-malformed)" -eq 0 ] || return 1
	[ "$(s_ctl show crypto ikev2 stats |
	     awk '$1 == "routes-added" { print $2 }')" -eq 6 ]
}

# the spoke's daemon stops: Tunnel0 goes, the hub's VA and routes too
stop_spoke() {
	ike_fvt_stop spoke
	! ip -n $NSS link show Tunnel0 >/dev/null 2>&1 || return 1
	spoke_routes_gone || return 1
	wait_for 10 eval '[ -z "$(hub_va)" ]' || return 1
	hub_routes_gone
}

flexvti_require
flexvti_require_tools jq ping
ktap_print_header
ktap_set_plan 9
flexvti_stage "flexvtid -n accepts the hub's and the spoke's configurations" check_config
flexvti_stage "a hub and a spoke with a LAN; the spoke's flexvtid initiates" setup
flexvti_stage "the spoke's Tunnel0 session is up, gre mode" session_up
flexvti_stage "the hub routes the spoke's LANs via its VA, metric 5, tag 7 shown" hub_learned
flexvti_stage "the spoke routes the summaries and the hub's /32 via Tunnel0, metric 2" spoke_learned
flexvti_stage "a LAN host pings the hub's loopback without manual routes" lan_ping
flexvti_stage "clear: the routes go at both ends and come back on reconnect" clear_and_back
flexvti_stage "route counters: added, none refused or failed" stats
flexvti_stage "the spoke's daemon stops: Tunnel0, the VA and their routes go" stop_spoke
ike_hub_stop
ike_fvt_stop spoke
rm -rf "$IKE_TMP"
ktap_finished
