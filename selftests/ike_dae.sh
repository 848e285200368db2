#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# RFC 5176 dynamic authorization of flexvtid's sessions: FreeRADIUS
# authorizes and accounts a strongSwan PSK client; radclient (and, for
# what radclient cannot send, dae_send.py) sends Disconnect- and
# CoA-Requests from the RADIUS server's address:
# - a Disconnect-Request by audit-session-id: ACK, the client's IKE SA
#   deleted, the VA gone, an Accounting-Stop (Admin-Reset); the same
#   again: NAK with Reply-Message "No Matching Session", Error-Cause 404;
# - CoA ipsec:inacl blocks the client's ping, another restores it; CoA
#   ip:sub-qos-policy-out holds iperf3 to the new rate; an unsupported
#   attribute: NAK 401, an unknown access list: NAK 404, and the filters
#   in force stay as they were;
# - a wrong secret, an unlisted client, no Message-Authenticator, an
#   Event-Timestamp of the past: no answer, nothing done, counted; a
#   retransmission: the first answer again, applied once;
# - port 1700 and Error-Cause 503 by configuration.
#
#   fvt-lan  FreeRADIUS on 10.200.0.2 (the DAE client), 10.200.0.3 (a
#            host that is not one)

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/ike_lib.sh"
source "$(dirname "$(readlink -f "$0")")/radius_lib.sh"

PSK=flexvti-dae-psk
AUTHZ_PW=flexvti-authz-pw
DAE_KEY=flexvti-dae-key
RAD=$IKE_TMP/rad

# hub_conf [PORT [CAUSE]]: the headend, its DAE server on PORT (3799)
hub_conf() {
	cat <<-EOT
	aaa new-model
	radius server rad1
	 address ipv4 10.200.0.2 auth-port 1812 acct-port 1813
	 key flexvti-radius-secret
	 timeout 2
	 retransmit 1
	aaa group server radius rad
	 server name rad1
	aaa authorization network rad-list group rad
	aaa accounting network acct-list start-stop group rad
	radius authorization password $AUTHZ_PW
	aaa server radius dynamic-author
	 client 10.200.0.2 server-key $DAE_KEY
	 port ${1:-3799}
	 session-not-found error-cause ${2:-404}
	ip access-list extended PERMIT-ALL
	 permit ip any any
	ip access-list extended NO-ICMP
	 10 deny icmp any any
	 20 permit ip any any
	policy-map 1M
	 class class-default
	  police 1000000
	ip local pool ra-pool 10.10.0.10 10.10.0.250
	crypto ikev2 authorization policy ra-group
	 pool ra-pool
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
	crypto ikev2 profile ra
	 match identity remote fqdn domain example.com
	 identity local fqdn hub.example.com
	 authentication remote pre-share
	 authentication local pre-share
	 keyring local ra-keys
	 aaa authorization group psk list rad-list ra-group
	 aaa authorization user psk list rad-list
	 aaa accounting psk acct-list
	 virtual-template 1
	crypto ipsec transform-set ts-gcm esp-gcm 256
	crypto ipsec profile ra-ipsec
	 set transform-set ts-gcm
	 set ikev2-profile ra
	interface Virtual-Template1 type tunnel
	 ip unnumbered lan0
	 tunnel mode ipsec ipv4
	 tunnel protection ipsec profile ra-ipsec
	EOT
}

# the client's authorization: the QoS policy of the traffic it receives
USERS="c10.example.com	Cleartext-Password := \"$AUTHZ_PW\"
	Cisco-AVPair = \"ipsec:inacl=PERMIT-ALL\"

ra-group	Cleartext-Password := \"$AUTHZ_PW\"
	Cisco-AVPair = \"ipsec:addr-pool=ra-pool\"
"

SW_CONF="connections {
	c10 {
		local_addrs = 10.99.0.10
		remote_addrs = 10.99.0.1
		vips = 0.0.0.0
		proposals = aes256gcm16-prfsha256-ecp256
		local { auth = psk
			id = c10.example.com }
		remote { auth = psk
			id = hub.example.com }
		children { net { remote_ts = 10.200.0.0/24
				esp_proposals = aes256gcm16 } }
	}
}
secrets { ike-c10 { secret = $PSK } }"

setup() {
	ike_topology || return 1
	ip -n $NSL addr add 10.200.0.3/24 dev lan1
	radius_conf "$RAD" || return 1
	printf '%s\n' "$USERS" >>"$RAD/users"
	radius_start $NSL "$RAD" && ike_hub_start "$(hub_conf)" &&
		ike_sw_start && ike_sw_load "$SW_CONF"
}

wait_for() {
	local end=$((SECONDS + $1))

	shift
	while [ $SECONDS -le $end ]; do
		"$@" && return 0
		sleep 0.2
	done
	return 1
}

vas_are() {
	[ "$(ike_va_count)" -eq "$1" ]
}

client_sas() {
	ike_swanctl --list-sas --ike c10 --raw | grep -c 'c10 {'
}

connect() {
	ike_swanctl --initiate --ike c10 --child net --timeout 30 \
		>"$IKE_TMP/c10.out" 2>&1 || {
		cat "$IKE_TMP/c10.out"; tail -n 20 "$IKE_TMP/flexvtid.log"
		return 1; }
	wait_for 10 vas_are 1
}

session_field() {
	ike_ctl -j show crypto session detail | jq -r ".[0].$1"
}

va_name() {
	session_field interface
}

client_vip() {
	ike_swanctl --list-sas --ike c10 --raw |
		sed -n 's/.*local-vips=\[\([0-9.]*\)\].*/\1/p'
}

ping_ok() {
	ip netns exec $NSC ping -c 2 -i 0.2 -W 1 -I "$(client_vip)" \
		10.200.0.2 >/dev/null
}

# dae TYPE [PORT]: radclient from the RADIUS server's address, the
# request's attributes on stdin; its output (the answer) to stdout
dae() {
	radius_client $NSL "10.200.0.1:${2:-3799}" "$1" "$DAE_KEY"
}

# send ARGS...: dae_send.py from fvt-lan, to the hub
send() {
	ip netns exec $NSL python3 "$IKE_DIR/dae_send.py" --wait 1 "$@"
}

dae_stat() {
	ike_ctl -j show aaa dynamic-author | jq -r ".[\"$1\"]"
}

# the names of the filters in force on the VA (flexvtictl dev show)
filters() {
	ip netns exec $NSH flexvtictl -j dev show "$(va_name)" |
		jq -c '(if type == "array" then .[0] else . end) |
		       [.acl.in.name, .acl.out.name, .police.in.rate,
			.police.out.rate]'
}

# disconnect: PoD by audit-session-id; then the same again
disconnect() {
	local audit out

	connect || return 1
	audit=$(session_field audit_session_id)
	out=$(printf 'Cisco-AVPair = "audit-session-id=%s"\nMessage-Authenticator = 0x00\n' \
		"$audit" | dae disconnect)
	echo "$out"
	grep -q "^Received Disconnect-ACK" <<<"$out" || return 1
	wait_for 10 vas_are 0 || { echo "VA still there"; return 1; }
	wait_for 10 test "$(client_sas)" -eq 0 ||
		{ echo "the client kept its IKE SA"; return 1; }
	radius_wait_count "$RAD" Stop 1 || return 1
	[ "$(radius_records "$RAD/detail" Stop Cisco-AVPair | grep -c "audit-session-id=$audit")" -eq 1 ] &&
		[ "$(radius_detail_attr "$RAD" Stop Acct-Terminate-Cause)" = Admin-Reset ] ||
		{ radius_records "$RAD/detail" Stop ""; return 1; }
	out=$(printf 'Cisco-AVPair = "audit-session-id=%s"\nMessage-Authenticator = 0x00\n' \
		"$audit" | dae disconnect)
	echo "$out"
	grep -q "^Received Disconnect-NAK" <<<"$out" &&
		[ "$(radius_reply_attr Reply-Message <<<"$out")" = "No Matching Session" ] &&
		[ "$(radius_reply_attr Error-Cause <<<"$out")" = Invalid-Request ]
}

# coa ATTR...: a CoA-Request for the session, one attribute a line
coa() {
	local audit

	audit=$(session_field audit_session_id)
	{
		printf 'Cisco-AVPair = "audit-session-id=%s"\n' "$audit"
		printf '%s\n' "$@"
		echo "Message-Authenticator = 0x00"
	} | dae coa
}

# coa_acl: inacl NO-ICMP stops the ping, PERMIT-ALL lets it through
coa_acl() {
	local out

	connect || return 1
	ping_ok || { echo "no ping before the CoA"; return 1; }
	filters
	out=$(coa 'Cisco-AVPair += "ipsec:inacl=NO-ICMP"')
	echo "$out"
	grep -q "^Received CoA-ACK" <<<"$out" || return 1
	filters
	! ping_ok || { echo "ping passes NO-ICMP"; return 1; }
	out=$(coa 'Cisco-AVPair += "ipsec:inacl=PERMIT-ALL"')
	grep -q "^Received CoA-ACK" <<<"$out" || { echo "$out"; return 1; }
	ping_ok || { echo "no ping after PERMIT-ALL"; return 1; }
}

# iperf_rate: bit/s of TCP from the LAN to the client, 4 s
iperf_rate() {
	local vip

	vip=$(client_vip)
	ip netns exec $NSC iperf3 -s -1 -B "$vip" >/dev/null 2>&1 &
	sleep 0.5
	ip netns exec $NSL iperf3 -c "$vip" -t 4 -J 2>/dev/null |
		jq -r '.end.sum_received.bits_per_second | floor'
	wait
}

# coa_qos: ip:sub-qos-policy-out=1M holds the client's download to
# 1 Mbit/s (+-15 %)
coa_qos() {
	local out rate

	out=$(coa 'Cisco-AVPair += "ip:sub-qos-policy-out=1M"')
	echo "$out"
	grep -q "^Received CoA-ACK" <<<"$out" || return 1
	filters
	rate=$(iperf_rate)
	echo "iperf3: $rate bit/s"
	[ -n "$rate" ] && [ "$rate" -ge 850000 ] && [ "$rate" -le 1150000 ]
}

# coa_refused: an unsupported attribute (NAK 401), an unknown access
# list (NAK 404); the filters stay
coa_refused() {
	local before out

	before=$(filters)
	out=$(coa 'Cisco-AVPair += "ipsec:inacl=NO-ICMP"' \
		'Cisco-AVPair += "ip:addr-pool=other"')
	echo "$out"
	grep -q "^Received CoA-NAK" <<<"$out" &&
		[ "$(radius_reply_attr Error-Cause <<<"$out")" = Unsupported-Attribute ] ||
		return 1
	out=$(coa 'Cisco-AVPair += "ipsec:inacl=NO-SUCH-LIST"' \
		'Cisco-AVPair += "ip:sub-qos-policy-out=NO-SUCH-POLICY"')
	echo "$out"
	grep -q "^Received CoA-NAK" <<<"$out" &&
		[ "$(radius_reply_attr Error-Cause <<<"$out")" = Invalid-Request ] ||
		return 1
	[ "$(filters)" = "$before" ] && ping_ok
}

# untrusted: nothing is done for a wrong secret, an unlisted client, no
# Message-Authenticator or an old Event-Timestamp; each is counted
untrusted() {
	local audit out

	audit=$(session_field audit_session_id)
	out=$(send 10.200.0.1 3799 wrong-key disconnect "audit-session-id=$audit")
	[ "$out" = timeout ] || { echo "wrong key: $out"; return 1; }
	out=$(send --bind 10.200.0.3 10.200.0.1 3799 "$DAE_KEY" disconnect \
		"audit-session-id=$audit")
	[ "$out" = timeout ] || { echo "unlisted client: $out"; return 1; }
	out=$(send --no-ma 10.200.0.1 3799 "$DAE_KEY" disconnect \
		"audit-session-id=$audit")
	[ "$out" = timeout ] || { echo "no MA: $out"; return 1; }
	out=$(send --bad-ma 10.200.0.1 3799 "$DAE_KEY" disconnect \
		"audit-session-id=$audit")
	[ "$out" = timeout ] || { echo "bad MA: $out"; return 1; }
	out=$(send --timestamp -3600 10.200.0.1 3799 "$DAE_KEY" disconnect \
		"audit-session-id=$audit")
	[ "$out" = timeout ] || { echo "old timestamp: $out"; return 1; }
	ike_ctl show aaa dynamic-author
	[ "$(ike_va_count)" -eq 1 ] &&
		[ "$(dae_stat drop-bad-authenticator)" -eq 1 ] &&
		[ "$(dae_stat drop-unknown-client)" -eq 1 ] &&
		[ "$(dae_stat drop-no-message-authenticator)" -eq 1 ] &&
		[ "$(dae_stat drop-bad-message-authenticator)" -eq 1 ] &&
		[ "$(dae_stat drop-event-timestamp)" -eq 1 ]
}

# duplicate: a Disconnect-Request sent twice: ACK twice, the second from
# the cache; one session ended, one request acted on
duplicate() {
	local audit out before

	audit=$(session_field audit_session_id)
	before=$(dae_stat disconnect-requests)
	out=$(send --times 2 --timestamp 0 10.200.0.1 3799 "$DAE_KEY" \
		disconnect "audit-session-id=$audit")
	echo "$out"
	[ "$(grep -c '^41 Disconnect-ACK' <<<"$out")" -eq 2 ] &&
		! grep -q forged <<<"$out" &&
		[ "$(dae_stat duplicates-answered)" -eq 1 ] &&
		[ "$(dae_stat disconnect-requests)" -eq $((before + 1)) ] &&
		wait_for 10 vas_are 0
}

# port_cause: port 1700 and Error-Cause 503 by configuration
port_cause() {
	local out

	ike_fvt_reload flexvtid "$(hub_conf 1700 503)" || return 1
	out=$(printf 'Cisco-AVPair = "audit-session-id=FVnone"\nMessage-Authenticator = 0x00\n' |
		dae disconnect 1700)
	echo "$out"
	grep -q "^Received Disconnect-NAK" <<<"$out" &&
		[ "$(radius_reply_attr Error-Cause <<<"$out")" = Session-Context-Not-Found ] &&
		[ -z "$(radius_reply_attr Reply-Message <<<"$out")" ]
}

flexvti_require
flexvti_require_tools charon-systemd swanctl freeradius radclient iperf3 jq
ktap_print_header
ktap_set_plan 8
flexvti_stage "headend, FreeRADIUS, strongSwan client" setup
flexvti_stage "Disconnect-Request by audit-session-id: ACK, SA and VA gone, Stop; again: NAK 404 No Matching Session" disconnect
flexvti_stage "CoA ipsec:inacl stops the ping, another restores it" coa_acl
flexvti_stage "CoA ip:sub-qos-policy-out: iperf3 held to 1 Mbit/s" coa_qos
flexvti_stage "CoA with an unsupported attribute: NAK 401; unknown names: NAK 404; nothing changed" coa_refused
flexvti_stage "wrong secret, unlisted client, no or bad Message-Authenticator, old Event-Timestamp: ignored, counted" untrusted
flexvti_stage "a retransmission is answered from the cache, applied once" duplicate
flexvti_stage "port 1700, Error-Cause 503 by configuration" port_cause
ike_sw_stop
ike_hub_stop
radius_cleanup
ktap_finished
