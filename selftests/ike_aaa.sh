#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# RADIUS authorization of flexvtid's IKEv2 sessions against FreeRADIUS,
# with strongSwan clients authenticated by pre-shared key: group
# authorization with a configured name and user authorization with the
# client's identity, the user's answer over the group's (Framed-IP-Address,
# route-set); requests from the group's source interface; an
# Access-Reject refuses the client; Session-Timeout ends a session; failover to the second server when the first is down; both
# down: refused, or authorized locally when the list says "local".
# Forged and malformed replies are dropped and counted.
#
#   fvt-lan  FreeRADIUS rad1 on 10.200.0.2, rad2 on 10.200.0.3

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/ike_lib.sh"
source "$(dirname "$(readlink -f "$0")")/radius_lib.sh"

PSK=flexvti-test-psk
AUTHZ_PW=flexvti-authz-pw
RAD1=$IKE_TMP/rad1
RAD2=$IKE_TMP/rad2

# hub_conf [local]: the headend; "local" adds the local fallback
hub_conf() {
	cat <<-EOT
	aaa new-model
	radius server rad1
	 address ipv4 10.200.0.2 auth-port 1812 acct-port 1813
	 key flexvti-radius-secret
	 timeout 1
	 retransmit 1
	radius server rad2
	 address ipv4 10.200.0.3
	 key flexvti-radius-secret
	 timeout 1
	 retransmit 1
	aaa group server radius rad
	 server name rad1
	 server name rad2
	 ip radius source-interface br0
	radius server forger
	 address ipv4 10.200.0.4
	 key flexvti-radius-secret
	 timeout 2
	 retransmit 1
	aaa group server radius forge
	 server name forger
	aaa authorization network rad-list group rad $1
	aaa authorization network forge-list group forge
	radius authorization password $AUTHZ_PW
	ip local pool ra-pool 10.10.0.10 10.10.0.250
	ip local pool local-pool 10.12.0.10 10.12.0.20
	crypto ikev2 authorization policy ra-group
	 pool local-pool
	 route set remote ipv4 10.200.0.0 255.255.255.0
	crypto ikev2 proposal ra-prop
	 encryption aes-gcm-256
	 prf sha256
	 group 19
	crypto ikev2 policy ra-policy
	 proposal ra-prop
	crypto ikev2 keyring ra-keys
	 peer clients
	  address 0.0.0.0 0.0.0.0
	  identity fqdn domain example.com
	  pre-shared-key $PSK
	 peer forged
	  address 0.0.0.0 0.0.0.0
	  identity fqdn domain forge.example.net
	  pre-shared-key $PSK
	crypto ikev2 profile ra
	 match identity remote fqdn domain example.com
	 identity local fqdn hub.example.com
	 authentication remote pre-share
	 authentication local pre-share
	 keyring local ra-keys
	 aaa authorization group psk list rad-list ra-group
	 aaa authorization user psk list rad-list
	 virtual-template 1
	crypto ikev2 profile forge
	 match identity remote fqdn domain forge.example.net
	 identity local fqdn hub.example.com
	 authentication remote pre-share
	 authentication local pre-share
	 keyring local ra-keys
	 aaa authorization user psk list forge-list
	 virtual-template 2
	crypto ipsec transform-set ts-gcm esp-gcm 256
	crypto ipsec profile ra-ipsec
	 set transform-set ts-gcm
	 set ikev2-profile ra
	interface Virtual-Template1 type tunnel
	 ip unnumbered lan0
	 tunnel mode ipsec ipv4
	 tunnel protection ipsec profile ra-ipsec
	crypto ipsec profile forge-ipsec
	 set transform-set ts-gcm
	 set ikev2-profile forge
	interface Virtual-Template2 type tunnel
	 ip unnumbered lan0
	 tunnel mode ipsec ipv4
	 tunnel protection ipsec profile forge-ipsec
	EOT
}

# users(5) of both servers: the group's answer, and per user
USERS="ra-group	Cleartext-Password := \"$AUTHZ_PW\"
	Cisco-AVPair = \"ipsec:addr-pool=ra-pool\",
	Cisco-AVPair += \"ipsec:dns-servers=10.200.0.53\",
	Cisco-AVPair += \"ipsec:route-set=prefix 10.200.0.0/24\"

c10.example.com	Cleartext-Password := \"$AUTHZ_PW\"
	Framed-IP-Address = 10.10.5.5,
	Cisco-AVPair = \"ipsec:route-set=prefix 10.200.0.0/25\"

c11.example.com	Cleartext-Password := \"$AUTHZ_PW\"

c12.example.com	Auth-Type := Reject

c13.example.com	Cleartext-Password := \"$AUTHZ_PW\"
	Session-Timeout = 3
"

# sw_conns: a connection per client 10.99.0.N, N = 10..14 (14 is of the
# forge profile), asking for an address and every destination (the
# headend narrows it)
sw_conns() {
	local n id

	echo "connections {"
	for n in 10 11 12 13 14; do
		id=c$n.example.com
		[ $n = 14 ] && id=c14.forge.example.net
		cat <<-EOT
		c$n {
			local_addrs = 10.99.0.$n
			remote_addrs = 10.99.0.1
			vips = 0.0.0.0
			proposals = aes256gcm16-prfsha256-ecp256
			local { auth = psk
				id = $id }
			remote { auth = psk
				id = hub.example.com }
			children { net { remote_ts = 0.0.0.0/0
					esp_proposals = aes256gcm16 } }
		}
		EOT
	done
	echo "}"
	echo "secrets { ike-all { secret = $PSK } }"
}

setup() {
	local n

	ike_topology || return 1
	ip -n $NSL addr add 10.200.0.3/24 dev lan1
	ip -n $NSL addr add 10.200.0.4/24 dev lan1
	for n in 11 12 13 14; do
		ip -n $NSC addr add 10.99.0.$n/24 dev cli0
	done
	RADIUS_ADDR=10.200.0.2 radius_conf "$RAD1" &&
		RADIUS_ADDR=10.200.0.3 radius_conf "$RAD2" || return 1
	printf '%s\n' "$USERS" >>"$RAD1/users"
	printf '%s\n' "$USERS" >>"$RAD2/users"
	radius_start $NSL "$RAD1" && radius_start $NSL "$RAD2" &&
		ike_hub_start "$(hub_conf)" && ike_sw_start &&
		ike_sw_load "$(sw_conns)"
}

# connect N: client N connects; its session's first address printed
connect() {
	ike_swanctl --initiate --ike "c$1" --child net --timeout 30 \
		>"$IKE_TMP/c$1.out" 2>&1 || {
		cat "$IKE_TMP/c$1.out"; tail -n 20 "$IKE_TMP/flexvtid.log"
		return 1; }
}

disconnect() {
	ike_swanctl --terminate --ike "c$1" --timeout 20 >/dev/null
}

# refused N: client N is refused with AUTHENTICATION_FAILED, no VA left
refused() {
	local before

	before=$(ike_stat authorization-failed)
	if connect "$1" >/dev/null; then
		echo "c$1 connected"
		return 1
	fi
	grep -q AUTHENTICATION_FAILED "$IKE_TMP/c$1.out" ||
		{ cat "$IKE_TMP/c$1.out"; return 1; }
	[ "$(ike_va_count)" -eq 0 ] &&
		[ "$(ike_stat authorization-failed)" -eq $((before + 1)) ]
}

# client_ts N: the remote traffic selectors of client N's CHILD_SA
client_ts() {
	ike_swanctl --list-sas --ike "c$1" --raw |
		grep -o 'remote-ts=\[[^]]*\]'
}

client_vip() {
	ike_swanctl --list-sas --ike "c$1" --raw |
		grep -o 'local-vips=\[[^]]*\]'
}

# user_over_group: c10's user answer (Framed-IP-Address, a narrower
# route-set) beats the group's pool and route-set; the requests carry
# the group's configured name and the user's identity, the password,
# the client's and our addresses, a Message-Authenticator, and leave from
# the address of br0 (the group's source-interface; the route to the
# server is through lan0)
user_over_group() {
	local reqs

	connect 10 || return 1
	echo "c10: $(client_vip 10) $(client_ts 10)"
	[ "$(client_vip 10)" = "local-vips=[10.10.5.5]" ] &&
		[ "$(client_ts 10)" = "remote-ts=[10.200.0.0/25]" ] || return 1
	ip netns exec $NSC ping -c 2 -i 0.2 -W 2 10.200.0.2 || return 1
	reqs=$(radius_records "$RAD1/auth-detail" "" "")
	echo "$reqs"
	grep -q "^User-Name = ra-group$" <<<"$reqs" &&
		grep -q "^User-Name = c10.example.com$" <<<"$reqs" &&
		grep -q "^Calling-Station-Id = 10.99.0.10$" <<<"$reqs" &&
		grep -q "^NAS-IP-Address = 10.99.0.1$" <<<"$reqs" &&
		grep -q "^Message-Authenticator = " <<<"$reqs" &&
		grep -q "^Packet-Src-IP-Address = 10.99.0.1$" <<<"$reqs" &&
		! grep "^Packet-Src-IP-Address = " <<<"$reqs" |
			grep -qv "= 10.99.0.1$" || return 1
	disconnect 10
}

# group_only: c11's user answer grants nothing: the group's pool
# address and route-set
group_only() {
	connect 11 || return 1
	echo "c11: $(client_vip 11) $(client_ts 11)"
	[[ "$(client_vip 11)" == "local-vips=[10.10.0."* ]] &&
		[ "$(client_ts 11)" = "remote-ts=[10.200.0.0/24]" ] || return 1
	disconnect 11
}

# session_timeout: c13's Session-Timeout of 3 s ends its session
session_timeout() {
	connect 13 || return 1
	[ "$(ike_va_count)" -eq 1 ] || return 1
	for _ in $(seq 80); do
		[ "$(ike_va_count)" -eq 0 ] && break
		sleep 0.1
	done
	[ "$(ike_va_count)" -eq 0 ] &&
		grep -q "session timeout" "$IKE_TMP/flexvtid.log"
}

# failover: rad1 stopped, the requests go to rad2
failover() {
	local before

	radius_stop "$RAD1"
	before=$(radius_auth_count "$RAD2")
	connect 11 || return 1
	[ "$(radius_auth_count "$RAD2")" -eq $((before + 2)) ] || return 1
	disconnect 11
}

# forged: the server "forger" answers each request with a wrong Response
# Authenticator, a wrong Message-Authenticator, none, a truncated
# attribute, then rightly: the four are dropped and counted, the client
# is authorized by the fifth
forged() {
	local stats

	ip netns exec $NSL python3 "$IKE_DIR/radius_forge.py" 10.200.0.4 1812 \
		flexvti-radius-secret 10.10.9.14 >"$IKE_TMP/forge.log" 2>&1 &
	echo $! >"$IKE_TMP/forge.pid"
	for _ in $(seq 100); do
		grep -q ready "$IKE_TMP/forge.log" && break
		sleep 0.1
	done
	connect 14 || { cat "$IKE_TMP/forge.log"; return 1; }
	echo "c14: $(client_vip 14)"
	[ "$(client_vip 14)" = "local-vips=[10.10.9.14]" ] || return 1
	stats=$(ike_ctl -j show aaa servers |
		jq -c '.servers[] | select(.name == "forger") | .stats')
	echo "$stats"
	jq -e '.["drop-bad-authenticator"] == 1 and
	       .["drop-bad-message-authenticator"] == 1 and
	       .["drop-no-message-authenticator"] == 1 and
	       .["drop-bad-attribute"] == 1 and .accepts == 1' \
		<<<"$stats" >/dev/null || return 1
	disconnect 14
}

# both_down: no server answers: refused; with "local" in the list, the
# local policy ra-group authorizes (its pool and route-set)
both_down() {
	radius_stop "$RAD2"
	refused 11 || return 1
	grep -q "no RADIUS server of list rad-list answered" \
		"$IKE_TMP/flexvtid.log" || return 1
	ike_fvt_reload flexvtid "$(hub_conf local)" || return 1
	connect 11 || return 1
	echo "c11: $(client_vip 11) $(client_ts 11)"
	[[ "$(client_vip 11)" == "local-vips=[10.12.0."* ]] || return 1
	disconnect 11
}

flexvti_require
command -v charon-systemd >/dev/null && command -v swanctl >/dev/null ||
	{ ktap_skip_all "strongSwan (charon-systemd, swanctl) is not installed"; exit "$KSFT_SKIP"; }
command -v freeradius >/dev/null ||
	{ ktap_skip_all "FreeRADIUS is not installed"; exit "$KSFT_SKIP"; }
ktap_print_header
ktap_set_plan 8
flexvti_stage "headend, two FreeRADIUS servers, strongSwan clients" setup
flexvti_stage "user authorization over group: Framed-IP-Address, route-set; request attributes" user_over_group
flexvti_stage "group authorization alone: the group's pool and route-set" group_only
flexvti_stage "Access-Reject: AUTHENTICATION_FAILED, no VA, counted" refused 12
flexvti_stage "Session-Timeout of the Access-Accept ends the session" session_timeout
flexvti_stage "first server down: the second authorizes" failover
flexvti_stage "forged replies (authenticator, Message-Authenticator, truncated): dropped, counted" forged
flexvti_stage "both down: refused; with 'local' in the list, the local policy" both_down
kill "$(cat "$IKE_TMP/forge.pid" 2>/dev/null)" 2>/dev/null
ike_sw_stop
ike_hub_stop
radius_cleanup
rm -rf "$IKE_TMP"
ktap_finished
