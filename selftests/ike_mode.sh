#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# "virtual-template 1 mode auto": the tunnel mode of each session's
# virtual-access interface follows its traffic selectors.  At the same
# time, a strongSwan client asking for GRE (transport mode, GRE between
# the outer addresses, an ip_gre interface on its side) gets a gre-mode
# interface, and one asking for 0.0.0.0/0 an ipsec-mode one; both pass
# traffic to a host behind the headend.

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/ike_lib.sh"

PSK=flexvti-mode-psk
NSG=fvt-gre		# the GRE client

HUB_CONF="! tunnel mode auto selftest
aaa new-model
aaa authorization network ra-list local
ip local pool ra-pool 10.10.0.10 10.10.0.250
crypto ikev2 authorization policy ra-authz
 pool ra-pool
crypto ikev2 keyring ra-keys
 peer clients
  address 0.0.0.0 0.0.0.0
  identity fqdn domain example.com
  pre-shared-key $PSK
crypto ikev2 profile ra
 match identity remote fqdn domain example.com
 identity local fqdn hub.example.com
 authentication remote pre-share
 authentication local pre-share
 keyring local ra-keys
 aaa authorization group psk list ra-list ra-authz
 virtual-template 1 mode auto
crypto ipsec transform-set ts-gcm esp-gcm 256
crypto ipsec profile ra-ipsec
 set transform-set ts-gcm
 set ikev2-profile ra
interface Virtual-Template1 type tunnel
 ip unnumbered lan0
 tunnel protection ipsec profile ra-ipsec"

# sw_conn NAME LOCAL CHILD: a client connection (swanctl.conf text)
sw_conn() {
	cat <<-EOT
	connections {
		$1 {
			local_addrs = $2
			remote_addrs = 10.99.0.1
			proposals = aes256gcm16-prfsha256-ecp256
			$4
			local { auth = psk
				id = $1.example.com }
			remote { auth = psk
				id = hub.example.com }
			children { $1 { esp_proposals = aes256gcm16
					$3 } }
		}
	}
	secrets { ike-$1 { id-a = $1.example.com
			id-b = hub.example.com
			secret = $PSK } }
	EOT
}

setup() {
	ike_topology || return 1
	flexvti_netns $NSG || return 1
	ip link add grec0 netns $NSG type veth peer name gre-p netns $NSH
	ip -n $NSH link set gre-p master br0 up
	ip -n $NSG addr add 10.99.0.30/24 dev grec0
	ip -n $NSG link set grec0 up
	ip -n $NSG link add gre1 type gre local 10.99.0.30 remote 10.99.0.1
	ip -n $NSG addr add 192.168.50.1/24 dev gre1
	ip -n $NSG link set gre1 up
	ip -n $NSG route add 10.200.0.0/24 dev gre1 src 192.168.50.1
	ike_hub_start "$HUB_CONF" && ike_sw_start &&
		ike_sw_use $NSG swg && ike_sw_start
}

# the mode of the session of an identity, from "show crypto session"
mode_of() {
	ike_ctl -j show crypto session |
		jq -r ".[] | select(.remote_id == \"$1\") | .$2"
}

both() {
	local va_gre va_ipsec

	ike_sw_load "$(sw_conn c10 10.99.0.10 'remote_ts = 0.0.0.0/0' \
		       'vips = 0.0.0.0')" || return 1
	ike_sw_use $NSG swg
	ike_sw_load "$(sw_conn c30 10.99.0.30 'local_ts = dynamic[gre]
		       remote_ts = dynamic[gre]
		       mode = transport')" || return 1
	ike_swanctl --initiate --ike c30 --child c30 --timeout 30 \
		>/dev/null &
	ike_sw_use $NSC sw
	ike_swanctl --initiate --ike c10 --child c10 --timeout 30 \
		>/dev/null || { tail -n 20 "$IKE_TMP/flexvtid.log"; return 1; }
	wait || { tail -n 20 "$IKE_TMP/flexvtid.log"; return 1; }
	[ "$(ike_va_count)" -eq 2 ] || return 1
	va_gre=$(mode_of c30.example.com interface)
	va_ipsec=$(mode_of c10.example.com interface)
	echo "c30 (GRE selectors) on $va_gre, mode $(mode_of c30.example.com mode);" \
	     "c10 (0.0.0.0/0) on $va_ipsec, mode $(mode_of c10.example.com mode)"
	ip -n $NSH -d link show "$va_gre" | grep -q "mode gre" &&
		ip -n $NSH -d link show "$va_ipsec" | grep -q "mode ipsec" || {
		ip -n $NSH -d link show type flexvti; return 1; }
	ip -n $NSH route add 192.168.50.0/24 dev "$va_gre"
	ip netns exec $NSG ping -c 3 -i 0.2 -W 2 -I 192.168.50.1 10.200.0.2 || {
		ip netns exec $NSH flexvtictl -S dev show "$va_gre"
		ip netns exec $NSH flexvtictl sa show "$va_gre"
		ip -n $NSG -s xfrm state; ip -n $NSG xfrm policy
		ip -n $NSG -s link show gre1
		ip -n $NSH route get 192.168.50.1; return 1; }
	ip netns exec $NSC ping -c 3 -i 0.2 -W 2 10.200.0.2 || return 1
	ike_swanctl --terminate --ike c10 --timeout 20 >/dev/null &&
		ike_sw_use $NSG swg &&
		ike_swanctl --terminate --ike c30 --timeout 20 >/dev/null
}

flexvti_require
flexvti_require_tools charon-systemd swanctl jq
ktap_print_header
ktap_set_plan 2
flexvti_stage "headend, a GRE client with ip_gre, an IPsec client; flexvtid and two charons run" setup
flexvti_stage "mode auto: GRE selectors get a gre VA, 0.0.0.0/0 an ipsec VA, at once; both pass traffic" both
ike_sw_use $NSG swg
ike_sw_stop
ike_sw_use $NSC sw
ike_sw_stop
ike_hub_stop
rm -rf "$IKE_TMP"
ktap_finished
