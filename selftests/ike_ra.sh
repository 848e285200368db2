#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# flexvtid as a FlexVPN remote-access headend, configured in IOS syntax,
# against strongSwan (charon + swanctl) as the client: for AES-GCM-256 +
# ECP-256, AES-CBC-256 + SHA-256 + MODP-2048 and ChaCha20-Poly1305 +
# Curve25519, with forced UDP encapsulation and with raw ESP, the client
# connects, gets a pool address and pings a host behind the headend
# through its own virtual-access interface; disconnecting removes the
# interface, its route and its SAs.  Then 20 clients at once, a wrong
# pre-shared key (AUTHENTICATION_FAILED) and proposals the policy lacks
# (NO_PROPOSAL_CHOSEN).

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/ike_lib.sh"

PSK=flexvti-test-psk

HUB_CONF="! remote-access headend of the ike_ra selftest
aaa new-model
aaa authorization network ra-list local
ip local pool ra-pool 10.10.0.10 10.10.0.250
crypto ikev2 authorization policy ra-authz
 pool ra-pool
 dns 10.200.0.53
 route set remote ipv4 10.200.0.0 255.255.255.0
crypto ikev2 proposal ra-prop
 encryption aes-gcm-256 aes-cbc-256 chacha20-poly1305
 integrity sha256
 prf sha256
 group 19 14 31
crypto ikev2 policy ra-policy
 proposal ra-prop
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
 virtual-template 1
crypto ipsec transform-set ts-gcm esp-gcm 256
crypto ipsec transform-set ts-cbc esp-aes 256 esp-sha256-hmac
crypto ipsec transform-set ts-chacha esp-chacha20-poly1305
crypto ipsec profile ra-ipsec
 set transform-set ts-gcm ts-cbc ts-chacha
 set ikev2-profile ra
interface Virtual-Template1 type tunnel
 ip unnumbered lan0
 ip mtu 1400
 tunnel mode ipsec ipv4
 tunnel protection ipsec profile ra-ipsec"

# sw_conn NAME N PROPOSALS ESP ENCAP [SECRET]: a client connection from
# 10.99.0.N with identity cN.example.com (swanctl.conf text)
sw_conn() {
	cat <<-EOT
	connections {
		$1 {
			local_addrs = 10.99.0.$2
			remote_addrs = 10.99.0.1
			vips = 0.0.0.0
			encap = $5
			proposals = $3
			local { auth = psk
				id = c$2.example.com }
			remote { auth = psk
				id = hub.example.com }
			children { net { remote_ts = 10.200.0.0/24
					esp_proposals = $4 } }
		}
	}
	secrets { ike-$1 { id-a = c$2.example.com
			id-b = hub.example.com
			secret = ${6:-$PSK} } }
	EOT
}

setup() {
	ike_topology && ike_hub_start "$HUB_CONF" && ike_sw_start
}

# wait_vas N: until the hub has N virtual-access interfaces
wait_vas() {
	for _ in $(seq 100); do
		[ "$(ike_va_count)" -eq "$1" ] && return 0
		sleep 0.1
	done
	echo "expected $1 virtual-access interfaces, have $(ike_va_count)"
	ip -n $NSH link show type flexvti
	return 1
}

# connect PROPOSALS ESP ENCAP: one client session, checked, pinged, ended
connect() {
	local va addr

	ike_sw_load "$(sw_conn ra 10 "$1" "$2" "$3")" || return 1
	ike_swanctl --initiate --ike ra --child net --timeout 30 || {
		tail -n 30 "$IKE_TMP/flexvtid.log"; return 1; }
	wait_vas 1 || return 1
	va=$(ip -n $NSH -o link show type flexvti | awk -F': ' '{ print $2 }')
	addr=$(ike_ctl -j show crypto session |
		python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["addresses"][0])')
	echo "session on $va, client address $addr"
	case $addr in 10.10.0.*) ;; *) echo "no pool address"; return 1 ;; esac
	ip -n $NSH route get "$addr" | grep -q "dev $va" || {
		echo "no route to $addr via $va"; return 1; }
	if [ "$3" = yes ]; then
		ip netns exec $NSH flexvtictl dev show "$va" | grep -q "udp" ||
			{ echo "$va does not use ESP-in-UDP"; return 1; }
	else
		! ip netns exec $NSH flexvtictl dev show "$va" | grep -q "udp" ||
			{ echo "$va uses ESP-in-UDP"; return 1; }
	fi
	ip netns exec $NSC ping -c 3 -i 0.2 -W 2 10.200.0.2 || return 1
	ike_swanctl --terminate --ike ra --timeout 20 >/dev/null || return 1
	wait_vas 0 || return 1
	! ip -n $NSH route get "$addr" 2>/dev/null | grep -q "dev $va" || {
		echo "route to $addr left behind"; return 1; }
}

# many N: N clients at once, each its own interface with the template's
# settings and a route with the unnumbered source, then all gone
many() {
	local i conf="" va

	for i in $(seq 11 $((10 + $1))); do
		ip -n $NSC addr add 10.99.0.$i/24 dev cli0
		conf+="$(sw_conn c$i $i aes256gcm16-prfsha256-ecp256 aes256gcm16 no)"$'\n'
	done
	ike_sw_load "$conf" || return 1
	for i in $(seq 11 $((10 + $1))); do
		ike_swanctl --initiate --ike c$i --child net --timeout 30 \
			>/dev/null || { echo "client $i failed"; return 1; }
	done
	wait_vas "$1" || return 1
	for va in $(ip -n $NSH -o link show type flexvti |
		    awk -F': ' '{ print $2 }'); do
		ip -n $NSH -d link show "$va" | tr '\n' ' ' |
			grep -q ",UP.* mtu 1400 .*template 1" ||
			{ ip -n $NSH -d link show "$va"; return 1; }
		[ "$(ip netns exec $NSH flexvtictl -j sa show "$va" |
		     python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 2 ] ||
			{ echo "$va has not 2 SAs"; return 1; }
	done
	[ "$(ip -n $NSH route show dev br0 | wc -l)" -ge 1 ] || return 1
	# the source of "ip unnumbered lan0" on every client's route
	[ "$(ip -n $NSH route | grep -c '^10\.10\.0\..* src 10\.200\.0\.1 ')" \
	  -eq "$1" ] || { ip -n $NSH route; return 1; }
	for i in $(seq 11 $((10 + $1))); do
		ike_swanctl --terminate --ike c$i --timeout 20 >/dev/null ||
			return 1
		wait_vas $(($1 + 10 - i)) || return 1
	done
	[ "$(ip -n $NSH route | grep -c '^10\.10\.0\.')" -eq 0 ] ||
		{ ip -n $NSH route; return 1; }
}

wrong_psk() {
	local before out

	before=$(ike_stat authentication-failed)
	ike_sw_load "$(sw_conn ra 10 aes256gcm16-prfsha256-ecp256 aes256gcm16 no wrong-key)" ||
		return 1
	out=$(ike_swanctl --initiate --ike ra --child net --timeout 30 2>&1) &&
		{ echo "connected with a wrong key"; return 1; }
	grep -q "AUTHENTICATION_FAILED" <<<"$out" || { echo "$out"; return 1; }
	[ "$(ike_va_count)" -eq 0 ] || return 1
	[ "$(ike_stat authentication-failed)" -eq $((before + 1)) ]
}

no_proposal() {
	local before out

	before=$(ike_stat no-proposal-chosen)
	ike_sw_load "$(sw_conn ra 10 aes128-sha1-modp3072 aes128-sha1 no)" ||
		return 1
	out=$(ike_swanctl --initiate --ike ra --child net --timeout 30 2>&1) &&
		{ echo "connected with proposals the policy lacks"; return 1; }
	grep -q "NO_PROPOSAL_CHOSEN" <<<"$out" || { echo "$out"; return 1; }
	[ "$(ike_va_count)" -eq 0 ] || return 1
	[ "$(ike_stat no-proposal-chosen)" -eq $((before + 1)) ]
}

# invalid_ke: the client's KE is of group 15, which the policy lacks;
# it is told to use 14, retries and connects
invalid_ke() {
	local before

	before=$(ike_stat invalid-ke-payload)
	ike_sw_load "$(sw_conn ra 10 aes256-sha256-modp3072-modp2048 aes256-sha256 no)" ||
		return 1
	ike_swanctl --initiate --ike ra --child net --timeout 30 >/dev/null ||
		return 1
	wait_vas 1 || return 1
	ike_ctl show crypto ikev2 sa | grep -q "DH Grp:14" || return 1
	ike_swanctl --terminate --ike ra --timeout 20 >/dev/null || return 1
	wait_vas 0 || return 1
	[ "$(ike_stat invalid-ke-payload)" -eq $((before + 1)) ]
}

# garbage: datagrams that are no IKE, or name no IKE SA, are dropped and
# counted, and the daemon goes on
garbage() {
	local malformed unknown

	malformed=$(ike_stat rx-malformed)
	unknown=$(ike_stat rx-unknown-spi)
	ip netns exec $NSC python3 - <<-'EOT' || return 1
	import os, socket, struct
	s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
	s.sendto(os.urandom(3), ("10.99.0.1", 500))
	hdr = os.urandom(8) + os.urandom(8) + bytes([46, 0x20, 35, 0x08])
	sk = bytes([0, 0, 0, 12]) + os.urandom(8)
	s.sendto(hdr + struct.pack("!II", 1, 40) + sk, ("10.99.0.1", 500))
	s.sendto(hdr + struct.pack("!II", 1, 28), ("10.99.0.1", 500))
	s.sendto(bytes(4) + os.urandom(7), ("10.99.0.1", 4500))
	EOT
	sleep 0.5
	ike_ctl show crypto ikev2 stats || return 1
	[ "$(ike_stat rx-malformed)" -ge $((malformed + 3)) ] &&
		[ "$(ike_stat rx-unknown-spi)" -ge $((unknown + 1)) ] &&
		[ "$(ike_va_count)" -eq 0 ]
}

# check_config: flexvtid -n names file and line of a bad command
check_config() {
	local out

	printf '%s\n' "$HUB_CONF" >"$IKE_TMP/good.conf"
	flexvtid -n -f "$IKE_TMP/good.conf" || return 1
	printf '%s\ncrypto map foo 10 ipsec-isakmp\n' "$HUB_CONF" \
		>"$IKE_TMP/bad.conf"
	out=$(flexvtid -n -f "$IKE_TMP/bad.conf" 2>&1) && return 1
	echo "$out"
	grep -q "^$IKE_TMP/bad.conf:$(($(wc -l <<<"$HUB_CONF") + 1)): " <<<"$out"
}

flexvti_require
command -v charon-systemd >/dev/null && command -v swanctl >/dev/null ||
	{ ktap_skip_all "strongSwan (charon-systemd, swanctl) is not installed"; exit "$KSFT_SKIP"; }
ktap_print_header
ktap_set_plan 13
flexvti_stage "flexvtid -n accepts the headend config, names file:line of a bad one" check_config
flexvti_stage "headend, LAN host and client namespaces; flexvtid and charon run" setup
for encap in yes no; do
	word=$([ $encap = yes ] && echo "ESP-in-UDP" || echo "raw ESP")
	flexvti_stage "AES-GCM-256 + ECP-256, $word: pool address, ping, disconnect" \
		connect aes256gcm16-prfsha256-ecp256 aes256gcm16 $encap
	flexvti_stage "AES-CBC-256 + SHA-256 + MODP-2048, $word: pool address, ping, disconnect" \
		connect aes256-sha256-modp2048 aes256-sha256 $encap
	flexvti_stage "ChaCha20-Poly1305 + Curve25519, $word: pool address, ping, disconnect" \
		connect chacha20poly1305-prfsha256-x25519 chacha20poly1305 $encap
done
flexvti_stage "20 clients: 20 VAs with the template's settings, each gone with its client" many 20
flexvti_stage "wrong pre-shared key: AUTHENTICATION_FAILED, no VA, counted" wrong_psk
flexvti_stage "proposals the policy lacks: NO_PROPOSAL_CHOSEN, no VA, counted" no_proposal
flexvti_stage "KE of a group the policy lacks: INVALID_KE_PAYLOAD, retry, connected" invalid_ke
flexvti_stage "datagrams that are no IKE or name no IKE SA: dropped and counted" garbage
ike_sw_stop
ike_hub_stop
rm -rf "$IKE_TMP"
ktap_finished
