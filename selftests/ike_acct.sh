#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# RADIUS accounting of flexvtid's sessions (RFC 2866) against two
# FreeRADIUS servers of one group (rad1 first, rad2 second) in the
# headend's namespace, with strongSwan PSK clients and local
# authorization:
# - a session's Start, Interim-Update (after 1 minute) and Stop reach
#   rad1 with the attributes of IOS's records, Framed-IP-Address too; the
#   Stop's octets and packets are the interface's counters at teardown;
# - with rad1 stopped, the records fail over to rad2;
# - with both stopped, sessions still come up and their records are
#   spooled (show aaa servers); the daemon stops (its Stop records
#   spooled too) and starts again with the servers back: every record
#   arrives once, Start before Stop, with Acct-Delay-Time > 0.

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/ike_lib.sh"
source "$(dirname "$(readlink -f "$0")")/radius_lib.sh"

PSK=flexvti-acct-psk
SECRET=flexvti-acct-secret
RAD1=$IKE_TMP/rad1
RAD2=$IKE_TMP/rad2

HUB_CONF="! accounting selftest
aaa new-model
radius server rad1
 address ipv4 127.0.0.1 auth-port 1812 acct-port 1813
 key $SECRET
 timeout 1
 retransmit 1
radius server rad2
 address ipv4 127.0.0.1 auth-port 1912 acct-port 1913
 key $SECRET
 timeout 1
 retransmit 1
aaa group server radius acct-servers
 server name rad1
 server name rad2
aaa authorization network ra-list local
aaa accounting network acct-list start-stop group acct-servers
aaa accounting update periodic 1
ip local pool ra-pool 10.10.0.10 10.10.0.250
crypto ikev2 authorization policy ra-authz
 pool ra-pool
 route set remote ipv4 10.200.0.0 255.255.255.0
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
 aaa accounting psk acct-list
 virtual-template 1
crypto ipsec transform-set ts-gcm esp-gcm 256
crypto ipsec profile ra-ipsec
 set transform-set ts-gcm
 set ikev2-profile ra
interface Virtual-Template1 type tunnel
 ip unnumbered lan0
 tunnel mode ipsec ipv4
 tunnel protection ipsec profile ra-ipsec"

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
secrets { ike-c10 { id-a = c10.example.com
		id-b = hub.example.com
		secret = $PSK } }"

setup() {
	RADIUS_SECRET=$SECRET radius_conf "$RAD1" &&
	RADIUS_SECRET=$SECRET RADIUS_AUTH_PORT=1912 RADIUS_ACCT_PORT=1913 \
		radius_conf "$RAD2" || return 1
	ike_topology && radius_start $NSH "$RAD1" &&
		radius_start $NSH "$RAD2" && ike_hub_start "$HUB_CONF" &&
		ike_sw_start && ike_sw_load "$SW_CONF"
}

# wait_for SECONDS COMMAND...: until COMMAND succeeds, by the clock
# (a TCG guest runs the commands slowly)
wait_for() {
	local end=$((SECONDS + $1))

	shift
	while [ $SECONDS -le $end ]; do
		"$@" && return 0
		sleep 0.2
	done
	return 1
}

# the stages run in subshells: what they find out is kept in files
keep() {
	echo "$2" >"$IKE_TMP/$1"
}

kept() {
	cat "$IKE_TMP/$1"
}

vas_are() {
	[ "$(ike_va_count)" -eq "$1" ]
}

# records DIR: "ACCT-SESSION-ID STATUS DELAY" for every accounting
# record of that server, in the order received
records() {
	awk 'BEGIN { RS = ""; FS = "\n" }
	{
		id = st = ""; dl = 0
		for (i = 2; i <= NF; i++) {
			split(substr($i, 2), kv, " = ")
			gsub(/"/, "", kv[2])
			if (kv[1] == "Acct-Session-Id") id = kv[2]
			if (kv[1] == "Acct-Status-Type") st = kv[2]
			if (kv[1] == "Acct-Delay-Time") dl = kv[2]
		}
		print id, st, dl
	}' "$1/detail"
}

# count_of DIR ID STATUS: records of that session with that status
count_of() {
	records "$1" | awk -v id="$2" -v st="$3" \
		'$1 == id && $2 == st { n++ } END { print n + 0 }'
}

# has_record DIR ID STATUS
has_record() {
	[ "$(count_of "$@")" -ge 1 ]
}

# attr_of DIR ID STATUS ATTR: the values of ATTR in that record
attr_of() {
	awk -v id="$2" -v st="$3" -v at="$4" 'BEGIN { RS = ""; FS = "\n" }
	{
		ok = 0
		for (i = 2; i <= NF; i++) {
			if ($i == "\tAcct-Session-Id = \"" id "\"") ok++
			if ($i == "\tAcct-Status-Type = " st) ok++
		}
		if (ok < 2)
			next
		for (i = 2; i <= NF; i++) {
			line = substr($i, 2)
			eq = index(line, " = ")
			if (substr(line, 1, eq - 1) != at)
				continue
			val = substr(line, eq + 3)
			gsub(/^"|"$/, "", val)
			print val
		}
	}' "$1/detail"
}

# expect WHAT GOT WANT
expect() {
	[ "$2" = "$3" ] && return 0
	echo "$1: '$2', expected '$3'"
	return 1
}

session_field() {
	ike_ctl -j show crypto session | jq -r ".[0].$1"
}

connect() {
	ike_swanctl --initiate --ike c10 --child net --timeout 30 >/dev/null ||
		{ tail -n 30 "$IKE_TMP/flexvtid.log"; return 1; }
	wait_for 10 vas_are 1
}

# the session's interface counters: "RXBYTES RXPKTS TXBYTES TXPKTS"
va_counters() {
	ip -n $NSH -s -j link show dev "$1" |
		jq -r '.[0].stats64 | "\(.rx.bytes) \(.rx.packets) \(.tx.bytes) \(.tx.packets)"'
}

start_record() {
	local avp ID1 AUDIT1

	connect || return 1
	ip netns exec $NSC ping -c 3 -i 0.2 -W 2 10.200.0.2 >/dev/null ||
		return 1
	ID1=$(session_field acct_session_id)
	AUDIT1=$(session_field audit_session_id)
	keep id1 "$ID1"
	keep audit1 "$AUDIT1"
	[[ $ID1 =~ ^[0-9A-F]{8}$ ]] || { echo "Acct-Session-Id '$ID1'"; return 1; }
	[[ $AUDIT1 =~ ^[0-9A-Z]{1,63}$ ]] ||
		{ echo "audit-session-id '$AUDIT1'"; return 1; }
	wait_for 20 has_record "$RAD1" "$ID1" Start ||
		{ echo "no Start of $ID1 at rad1"; records "$RAD1"; return 1; }
	avp=$(attr_of "$RAD1" "$ID1" Start Cisco-AVPair | sort | tr '\n' ' ')
	expect Cisco-AVPair "$avp" "audit-session-id=$AUDIT1 connect-progress=No Progress isakmp-initator-ip=10.99.0.10 isakmp-phase1-id=c10.example.com " &&
	expect Calling-Station-Id "$(attr_of "$RAD1" "$ID1" Start Calling-Station-Id)" 10.99.0.10 &&
	expect User-Name "$(attr_of "$RAD1" "$ID1" Start User-Name)" c10.example.com &&
	expect Acct-Authentic "$(attr_of "$RAD1" "$ID1" Start Acct-Authentic)" Local &&
	expect NAS-IP-Address "$(attr_of "$RAD1" "$ID1" Start NAS-IP-Address)" 10.99.0.1 &&
	expect Framed-IP-Address "$(attr_of "$RAD1" "$ID1" Start Framed-IP-Address)" \
		"$(session_field 'addresses[0]')" &&
	ike_ctl show crypto session detail | grep -q "Audit-session-id: $AUDIT1"
}

interim_record() {
	local t ID1

	ID1=$(kept id1)
	# "aaa accounting update periodic 1": a minute after the Start
	wait_for 90 has_record "$RAD1" "$ID1" Interim-Update ||
		{ echo "no Interim-Update of $ID1"; records "$RAD1"; return 1; }
	t=$(attr_of "$RAD1" "$ID1" Interim-Update Acct-Session-Time | head -n 1)
	[ "$t" -ge 55 ] && [ "$t" -le 90 ] ||
		{ echo "Acct-Session-Time $t in the Interim-Update"; return 1; }
	expect Acct-Input-Packets \
		"$(attr_of "$RAD1" "$ID1" Interim-Update Acct-Input-Packets | head -n 1)" 3
}

stop_record() {
	local va c ID1 AUDIT1

	ID1=$(kept id1)
	AUDIT1=$(kept audit1)
	va=$(session_field interface)
	ip netns exec $NSC ping -c 5 -i 0.2 -W 2 -s 300 10.200.0.2 \
		>/dev/null || return 1
	c=$(va_counters "$va")
	# the client's Delete: User-Request
	ike_swanctl --terminate --ike c10 >/dev/null || return 1
	wait_for 20 has_record "$RAD1" "$ID1" Stop ||
		{ echo "no Stop of $ID1"; records "$RAD1"; return 1; }
	set -- $c
	expect Acct-Input-Octets "$(attr_of "$RAD1" "$ID1" Stop Acct-Input-Octets)" "$1" &&
	expect Acct-Input-Packets "$(attr_of "$RAD1" "$ID1" Stop Acct-Input-Packets)" "$2" &&
	expect Acct-Output-Octets "$(attr_of "$RAD1" "$ID1" Stop Acct-Output-Octets)" "$3" &&
	expect Acct-Output-Packets "$(attr_of "$RAD1" "$ID1" Stop Acct-Output-Packets)" "$4" &&
	expect "input packets" "$2" 8 &&
	expect Acct-Terminate-Cause "$(attr_of "$RAD1" "$ID1" Stop Acct-Terminate-Cause)" User-Request &&
	attr_of "$RAD1" "$ID1" Stop Cisco-AVPair |
		grep -qx "disc-cause-ext=User Request" &&
	attr_of "$RAD1" "$ID1" Stop Cisco-AVPair |
		grep -qx "audit-session-id=$AUDIT1" &&
	[ "$(attr_of "$RAD1" "$ID1" Stop Acct-Session-Time)" -ge 60 ]
}

failover() {
	local id ID1

	ID1=$(kept id1)
	radius_stop "$RAD1"
	connect || return 1
	id=$(session_field acct_session_id)
	[ "$id" != "$ID1" ] || { echo "Acct-Session-Id $id used again"; return 1; }
	wait_for 20 has_record "$RAD2" "$id" Start ||
		{ echo "no Start of $id at rad2"; records "$RAD2"; return 1; }
	ike_swanctl --terminate --ike c10 >/dev/null || return 1
	wait_for 20 has_record "$RAD2" "$id" Stop ||
		{ echo "no Stop of $id at rad2"; records "$RAD2"; return 1; }
	expect "records of $id at rad1" "$(records "$RAD1" | grep -c "^$id ")" 0
}

spool_depth() {
	ike_ctl -j show aaa servers | jq -r .spool.depth
}

spooled() {
	local d

	radius_stop "$RAD2"
	connect || return 1
	keep id3 "$(session_field acct_session_id)"
	ip netns exec $NSC ping -c 2 -i 0.2 -W 2 10.200.0.2 >/dev/null ||
		return 1
	d=$(spool_depth)
	expect "spool depth" "$d" 1 &&
	ike_ctl show aaa servers | grep -q "^RADIUS: id 2, name rad2" &&
	ike_ctl -j show aaa servers |
		jq -e '.servers[0].stats.timeouts >= 1' >/dev/null || {
		ike_ctl show aaa servers; return 1; }
	# the daemon stops: the session's Stop is spooled behind its Start
	ike_hub_stop
	cp "$IKE_TMP/flexvtid.log" "$IKE_TMP/flexvtid-1.log"
	grep -q "2 record(s) left for the next start" "$IKE_TMP/flexvtid.log" ||
		{ tail -n 20 "$IKE_TMP/flexvtid.log"; return 1; }
	[ -s "$IKE_TMP/flexvtid.state/acct.spool" ]
}

delivered_once() {
	local f dup ID3

	ID3=$(kept id3)
	radius_start $NSH "$RAD1" && radius_start $NSH "$RAD2" &&
		ike_hub_start "$HUB_CONF" || return 1
	wait_for 20 has_record "$RAD1" "$ID3" Stop ||
		{ echo "no Stop of $ID3"; records "$RAD1"; return 1; }
	# once, Start first, delayed
	expect "Starts of $ID3" "$(count_of "$RAD1" "$ID3" Start)" 1 &&
	expect "Stops of $ID3" "$(count_of "$RAD1" "$ID3" Stop)" 1 &&
	expect "records of $ID3 at rad2" "$(records "$RAD2" | grep -c "^$ID3 ")" 0 &&
	expect order "$(records "$RAD1" | awk -v id="$ID3" '$1 == id { print $2 }' |
			tr '\n' ' ')" "Start Stop " || return 1
	records "$RAD1" | awk -v id="$ID3" '$1 == id && $3 < 1 { exit 1 }' ||
		{ echo "Acct-Delay-Time 0:"; records "$RAD1"; return 1; }
	expect "Stop cause" "$(attr_of "$RAD1" "$ID3" Stop Acct-Terminate-Cause)" \
		Admin-Reboot &&
	expect "spool depth" "$(spool_depth)" 0 || return 1
	# no Start or Stop of any session twice, in both servers
	dup=$(for f in "$RAD1" "$RAD2"; do records "$f"; done |
		awk '$2 != "Interim-Update" { print $1, $2 }' | sort | uniq -d)
	[ -z "$dup" ] || { echo "delivered twice: $dup"; return 1; }
	[ ! -s "$IKE_TMP/flexvtid.state/acct.spool" ]
}

flexvti_require
flexvti_require_tools charon-systemd swanctl jq freeradius
ktap_print_header
ktap_set_plan 7
flexvti_stage "headend, client, two FreeRADIUS servers; flexvtid and charon run" setup
flexvti_stage "Start at the first server with IOS's attributes, Framed-IP-Address, audit-session-id as shown" start_record
flexvti_stage "Interim-Update a minute later with the counters" interim_record
flexvti_stage "Stop on the client's Delete: User-Request, octets and packets of the interface" stop_record
flexvti_stage "first server stopped: Start and Stop fail over to the second" failover
flexvti_stage "both stopped: the session comes up, its records spooled, kept over a restart" spooled
flexvti_stage "servers back, daemon restarted: each record delivered once, in order, delayed" delivered_once
ike_sw_stop
ike_hub_stop
radius_cleanup
rm -rf "$IKE_TMP"
ktap_finished
