#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# flexvtid as the IKEv2 initiator of static tunnel interfaces (site to
# site), against another flexvtid and against strongSwan:
#
#   fvt-la   LAN A host 10.201.0.2/24, default via 10.201.0.1
#   fvt-sa   site A: flexvtid "site-a" (initiator); la0 10.201.0.1/24,
#            sa0 10.99.0.20/24 on the hub's bridge
#   fvt-hub  site B: flexvtid (responder, virtual template); br0
#            10.99.0.1/24, lan0 10.200.0.1/24 to fvt-lan (LAN B host
#            10.200.0.2)
#   fvt-cli  strongSwan (responder); cli0 10.99.0.10/24, its LAN
#            10.203.0.1/24 on a dummy interface
#
# Site A's Tunnel0 ("ip address negotiated") connects to the hub, which
# asks for a cookie first (cookie-challenge 1, with a half-open IKE SA
# of another source): traffic passes both ways between the LANs; the
# session comes back after the hub clears it, with the operator's route
# still through Tunnel0; the initiator rekeys the CHILD_SA and the IKE
# SA.  A reload adds Tunnel1 to strongSwan (which wants MODP-2048:
# INVALID_KE_PAYLOAD, retry) and leaves Tunnel0 alone; LAN A reaches
# strongSwan's LAN.  Another reload gives Tunnel0 a static address: it
# is set up anew, without a CFG_REQUEST to the hub.  Another removes
# Tunnel0: its interface goes and the hub gets the Delete.  Stopping site
# A's daemon deletes Tunnel1.

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/ike_lib.sh"

NSA=fvt-sa
NSLA=fvt-la
PSK_HUB=flexvti-s2s-hub-psk
PSK_SW=flexvti-s2s-sw-psk

HUB_CONF="! site B: the responder of site-to-site tunnels
aaa new-model
aaa authorization network s2s-list local
ip local pool s2s-pool 10.255.1.10 10.255.1.20
crypto ikev2 cookie-challenge 1
crypto ikev2 authorization policy s2s-authz
 pool s2s-pool
 route set remote ipv4 10.200.0.0 255.255.255.0
crypto ikev2 proposal hub-prop
 encryption aes-gcm-256
 prf sha256
 group 19
crypto ikev2 policy hub-policy
 proposal hub-prop
crypto ikev2 keyring hub-keys
 peer site-a
  address 10.99.0.20
  pre-shared-key $PSK_HUB
crypto ikev2 profile sites
 match identity remote address 10.99.0.20
 authentication remote pre-share
 authentication local pre-share
 keyring local hub-keys
 aaa authorization group psk list s2s-list s2s-authz
 virtual-template 2
crypto ipsec transform-set ts-cbc esp-aes 256 esp-sha256-hmac
crypto ipsec profile hub-ipsec
 set transform-set ts-cbc
 set ikev2-profile sites
interface Virtual-Template2 type tunnel
 ip unnumbered lan0
 tunnel mode ipsec ipv4
 tunnel protection ipsec profile hub-ipsec"

SITE_COMMON="! site A: the initiator
crypto ikev2 proposal s2s-prop
 encryption aes-gcm-256 aes-cbc-256
 integrity sha256
 prf sha256
 group 19 14
crypto ikev2 policy s2s-policy
 proposal s2s-prop
crypto ikev2 keyring s2s-keys
 peer hub
  address 10.99.0.1
  pre-shared-key $PSK_HUB
 peer sw
  address 10.99.0.10
  pre-shared-key $PSK_SW
crypto ikev2 profile s2s
 match identity remote address 10.99.0.0 255.255.255.0
 authentication remote pre-share
 authentication local pre-share
 keyring local s2s-keys
crypto ipsec transform-set ts-gcm esp-gcm 256
crypto ipsec transform-set ts-cbc esp-aes 256 esp-sha256-hmac
crypto ipsec profile s2s-ipsec
 set transform-set ts-gcm ts-cbc
 set ikev2-profile s2s"

TUNNEL0="interface Tunnel0
 ip address negotiated
 tunnel source sa0
 tunnel mode ipsec ipv4
 tunnel destination 10.99.0.1
 tunnel protection ipsec profile s2s-ipsec"

# Tunnel0 again, with an address of its own: no CFG_REQUEST
TUNNEL0_STATIC="interface Tunnel0
 ip address 10.255.3.1 255.255.255.252
 tunnel source sa0
 tunnel mode ipsec ipv4
 tunnel destination 10.99.0.1
 tunnel protection ipsec profile s2s-ipsec"

TUNNEL1="interface Tunnel1
 ip address 10.255.2.1 255.255.255.252
 ip mtu 1400
 tunnel mode ipsec ipv4
 tunnel destination 10.99.0.10
 tunnel protection ipsec profile s2s-ipsec"

SW_CONF="connections {
	s2s {
		local_addrs = 10.99.0.10
		remote_addrs = %any
		proposals = aes256gcm16-prfsha256-modp2048
		local { auth = psk
			id = 10.99.0.10 }
		remote { auth = psk
			id = 10.99.0.20 }
		children { lan { local_ts = 10.203.0.0/24
				remote_ts = 10.201.0.0/24
				esp_proposals = aes256gcm16 } }
	}
}
secrets { ike-s2s { id-a = 10.99.0.10
		id-b = 10.99.0.20
		secret = $PSK_SW } }"

# site A's flexvtid
a_ctl() {
	ike_fvt_ctl $NSA site-a "$@"
}

a_stat() {
	a_ctl show crypto ikev2 stats | awk -v n="$1" '$1 == n { print $2 }'
}


# a_session TUNNEL: the JSON of site A's session on TUNNEL, or nothing
a_session() {
	a_ctl -j show crypto session |
		jq -c --arg t "$1" '.[] | select(.interface == $t)'
}

a_up() {
	[ -n "$(a_session "$1")" ]
}

# the IKE SA number of site A's session on a tunnel
a_sa_id() {
	a_session "$1" | jq -r .session_id
}

# a_changed TUNNEL FIELD OLD: site A's session on TUNNEL has FIELD, not OLD
a_changed() {
	local v

	v=$(a_session "$1" | jq -r ".$2")
	[ -n "$v" ] && [ "$v" != "$3" ]
}

a_sa_count_is() {
	[ "$(a_ctl -j show crypto ikev2 sa | jq length)" -eq "$1" ]
}

hub_vas_are() {
	[ "$(ike_va_count)" -eq "$1" ]
}

no_link() {
	! ip -n "$1" link show "$2" >/dev/null 2>&1
}

sw_established() {
	ike_swanctl --list-sas | grep -q ESTABLISHED
}

hub_va() {
	ip -n $NSH -o link show type flexvti | awk -F': ' 'NR == 1 { print $2 }'
}

# one IKE_SA_INIT of ECP-256 to the hub from 10.99.0.61: a half-open
# IKE SA of another source there, so that the hub asks for cookies
half_open_py() {
	cat <<-'EOT'
	import os, socket, struct
	G = bytes.fromhex(
	    '6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296'
	    '4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5')
	def transform(last, ttype, tid, keylen=None):
	    attr = struct.pack('!HH', 0x800e, keylen) if keylen else b''
	    body = struct.pack('!BBH', ttype, 0, tid) + attr
	    return struct.pack('!BBH', 0 if last else 3, 0, 4 + len(body)) + body
	trans = transform(0, 1, 20, 256) + transform(0, 2, 5) + transform(1, 4, 19)
	prop = struct.pack('!BBHBBBB', 0, 0, 8 + len(trans), 1, 1, 0, 3) + trans
	sa = struct.pack('!BBH', 34, 0, 4 + len(prop)) + prop
	ke = struct.pack('!HH', 19, 0) + G
	ke = struct.pack('!BBH', 40, 0, 4 + len(ke)) + ke
	body = sa + ke + struct.pack('!BBH', 0, 0, 36) + os.urandom(32)
	spi = struct.unpack('!Q', os.urandom(8))[0] | 1
	msg = struct.pack('!QQBBBBII', spi, 0, 33, 0x20, 34, 0x08, 0,
	                  28 + len(body)) + body
	s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
	s.bind(('10.99.0.61', 0))
	s.sendto(msg, ('10.99.0.1', 500))
	EOT
}

site_topology() {
	flexvti_netns $NSA && flexvti_netns $NSLA || return 1
	ip link add sa0 netns $NSA type veth peer name sa-p netns $NSH
	ip -n $NSH link set sa-p master br0 up
	ip -n $NSA addr add 10.99.0.20/24 dev sa0
	ip -n $NSA link set sa0 up
	ip link add la1 netns $NSLA type veth peer name la0 netns $NSA
	ip -n $NSA addr add 10.201.0.1/24 dev la0
	ip -n $NSLA addr add 10.201.0.2/24 dev la1
	ip -n $NSA link set la0 up
	ip -n $NSLA link set la1 up
	ip -n $NSLA route add default via 10.201.0.1
	ip netns exec $NSA sysctl -qw net.ipv4.ip_forward=1
	ip -n $NSC link add lan3 type dummy
	ip -n $NSC addr add 10.203.0.1/24 dev lan3
	ip -n $NSC link set lan3 up
	ip -n $NSC addr add 10.99.0.61/24 dev cli0
	ip -n $NSC route add 10.201.0.0/24 via 10.99.0.20
}

check_config() {
	printf '%s\n' "$SITE_COMMON" "$TUNNEL0" "$TUNNEL1" \
		>"$IKE_TMP/check.conf"
	flexvtid -n -f "$IKE_TMP/check.conf"
}

setup() {
	ike_topology && site_topology && ike_hub_start "$HUB_CONF" &&
		ike_sw_start || return 1
	ip netns exec $NSC python3 -c "$(half_open_py)" || return 1
	sleep 0.5
	[ "$(ike_ctl -j show crypto ikev2 sa | jq length)" -eq 1 ] || {
		ike_ctl show crypto ikev2 sa; return 1; }
	ike_fvt_start $NSA site-a "$SITE_COMMON"$'\n'"$TUNNEL0"
}

# Tunnel0 up with a cookie, the negotiated address, SAs at both ends
tunnel0_up() {
	local addr va

	wait_for 20 a_up Tunnel0 || {
		tail -n 30 "$IKE_TMP/site-a.log"; return 1; }
	a_ctl show crypto session detail
	a_ctl show crypto ikev2 sa detail | grep -q "Initiator of SA : Yes" ||
		return 1
	a_ctl show crypto session | grep -q "origin: crypto map" || return 1
	[ "$(a_stat init-cookie-returned)" -ge 1 ] || {
		a_ctl show crypto ikev2 stats; return 1; }
	[ "$(ike_stat cookie-sent)" -ge 1 ] || return 1
	addr=$(a_session Tunnel0 | jq -r '.addresses[0]')
	echo "Tunnel0 got $addr"
	ip -n $NSA -o addr show dev Tunnel0 | grep -q "inet $addr/32" || {
		ip -n $NSA addr show dev Tunnel0; return 1; }
	[ "$(ip netns exec $NSA flexvtictl -j sa show Tunnel0 | jq length)" \
		-eq 2 ] || return 1
	va=$(hub_va)
	[ -n "$va" ] || return 1
	ip -n $NSH route get "$addr" | grep -q "dev $va" || return 1
	ike_ctl show crypto ikev2 sa detail | grep -q "Initiator of SA : No"
}

# the operator's routes, and pings between the LANs both ways
route_and_ping() {
	ip -n $NSA route replace 10.200.0.0/24 dev Tunnel0 &&
		ip -n $NSH route replace 10.201.0.0/24 dev "$(hub_va)" ||
		return 1
	ip netns exec $NSLA ping -c 3 -i 0.2 -W 2 10.200.0.2 &&
		ip netns exec $NSL ping -c 3 -i 0.2 -W 2 10.201.0.2
}

# the hub clears the session: site A connects again by itself, and its
# route through Tunnel0 is still there
reconnect() {
	local before

	before=$(a_sa_id Tunnel0)
	ike_ctl clear crypto session || return 1
	wait_for 20 a_changed Tunnel0 session_id "$before" || {
		tail -n 30 "$IKE_TMP/site-a.log"; return 1; }
	echo "IKE SA $before cleared, now $(a_sa_id Tunnel0)"
	ip -n $NSA route show 10.200.0.0/24 | grep -q "dev Tunnel0" || {
		echo "the route through Tunnel0 is gone"
		ip -n $NSA addr show dev Tunnel0
		ip -n $NSA route
		tail -n 20 "$IKE_TMP/site-a.log"
		return 1; }
	wait_for 10 hub_vas_are 1 || return 1
	route_and_ping
}

# the initiator rekeys its CHILD_SA, then its IKE SA
rekeys() {
	local id spi

	id=$(a_sa_id Tunnel0)
	spi=$(a_session Tunnel0 | jq .spi_in)
	a_ctl rekey crypto ipsec sa "$id" || return 1
	wait_for 10 a_changed Tunnel0 spi_in "$spi" || return 1
	a_ctl rekey crypto ikev2 sa "$id" || return 1
	wait_for 10 a_changed Tunnel0 session_id "$id" || return 1
	wait_for 10 a_sa_count_is 1 || { a_ctl show crypto ikev2 sa; return 1; }
	[ "$(ip netns exec $NSA flexvtictl -j sa show Tunnel0 | jq length)" \
		-eq 2 ] || { ip netns exec $NSA flexvtictl sa show Tunnel0
		return 1; }
	ip netns exec $NSLA ping -c 3 -i 0.2 -W 2 10.200.0.2 &&
		ip netns exec $NSL ping -c 3 -i 0.2 -W 2 10.201.0.2
}

# a reload adds Tunnel1 to strongSwan and leaves Tunnel0 alone
add_sw() {
	local id

	ike_sw_load "$SW_CONF" || return 1
	id=$(a_sa_id Tunnel0)
	ike_fvt_reload site-a \
		"$SITE_COMMON"$'\n'"$TUNNEL0"$'\n'"$TUNNEL1" || return 1
	wait_for 20 a_up Tunnel1 || {
		tail -n 30 "$IKE_TMP/site-a.log"; return 1; }
	[ "$(a_sa_id Tunnel0)" = "$id" ] || {
		echo "Tunnel0 was set up again"; return 1; }
	[ "$(a_stat init-invalid-ke-followed)" -ge 1 ] || {
		a_ctl show crypto ikev2 stats; return 1; }
	a_ctl show crypto ikev2 sa | grep -q "DH Grp:14" || return 1
	ike_swanctl --list-sas
	ip -n $NSA -d link show Tunnel1 | grep -q "mtu 1400" || return 1
	ip -n $NSA -o addr show dev Tunnel1 | grep -q "inet 10.255.2.1/30" ||
		return 1
	ip -n $NSA route replace 10.203.0.0/24 dev Tunnel1 || return 1
	ip netns exec $NSLA ping -c 3 -i 0.2 -W 2 10.203.0.1
}

# a reload changes Tunnel0 to an address of its own: it is set up anew,
# without a CFG_REQUEST, the hub taking its selectors as they come;
# Tunnel1 stays
change_tunnel0() {
	local id0 id1

	id0=$(a_sa_id Tunnel0)
	id1=$(a_sa_id Tunnel1)
	ike_fvt_reload site-a \
		"$SITE_COMMON"$'\n'"$TUNNEL0_STATIC"$'\n'"$TUNNEL1" || return 1
	wait_for 20 a_changed Tunnel0 session_id "$id0" || {
		tail -n 30 "$IKE_TMP/site-a.log"; return 1; }
	[ "$(a_sa_id Tunnel1)" = "$id1" ] || {
		echo "Tunnel1 was set up again"; return 1; }
	[ "$(a_session Tunnel0 | jq '.addresses | length')" -eq 0 ] ||
		return 1
	ip -n $NSA -o addr show dev Tunnel0 | grep -q "inet 10.255.3.1/30" ||
		{ ip -n $NSA addr show dev Tunnel0; return 1; }
	wait_for 10 hub_vas_are 1 || return 1
	ike_ctl show crypto session detail
	[ "$(ike_ctl -j show crypto session | jq '.[0].addresses | length')" \
		-eq 0 ] || return 1
	route_and_ping
}

# a reload without Tunnel0: its interface goes, the hub's session too
remove_tunnel0() {
	ike_fvt_reload site-a "$SITE_COMMON"$'\n'"$TUNNEL1" || return 1
	wait_for 10 no_link $NSA Tunnel0 || return 1
	wait_for 10 hub_vas_are 0 || { ike_ctl show crypto session; return 1; }
	a_up Tunnel1 && ip netns exec $NSLA ping -c 2 -i 0.2 -W 2 10.203.0.1
}

# site A's daemon stops: Tunnel1 goes, strongSwan gets the Delete
stop_site() {
	ike_fvt_stop site-a
	no_link $NSA Tunnel1 || return 1
	wait_for 10 eval '! sw_established'
}

flexvti_require
flexvti_require_tools charon-systemd swanctl jq python3
ktap_print_header
ktap_set_plan 10
flexvti_stage "flexvtid -n accepts site A's tunnels" check_config
flexvti_stage "two sites, a hub and strongSwan; site A's flexvtid initiates" setup
flexvti_stage "Tunnel0 up after a cookie: negotiated address, SAs at both ends" tunnel0_up
flexvti_stage "LAN A and LAN B ping each other through Tunnel0" route_and_ping
flexvti_stage "the hub clears the session: Tunnel0 reconnects, its route stays" reconnect
flexvti_stage "the initiator rekeys the CHILD_SA and the IKE SA; traffic passes" rekeys
flexvti_stage "reload adds Tunnel1 to strongSwan (INVALID_KE, MODP-2048), Tunnel0 stays; ping" add_sw
flexvti_stage "reload gives Tunnel0 a static address: set up anew without CFG_REQUEST; ping" change_tunnel0
flexvti_stage "reload removes Tunnel0: interface and hub session gone" remove_tunnel0
flexvti_stage "site A's daemon stops: Tunnel1 gone, strongSwan told" stop_site
ike_sw_stop
ike_hub_stop
ike_fvt_stop site-a
rm -rf "$IKE_TMP"
ktap_finished
