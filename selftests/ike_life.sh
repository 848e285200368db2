#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The lifecycle of flexvtid's sessions against strongSwan: CHILD_SA and
# IKE SA rekeys initiated by either side, 50 times each, with a
# sequence-checked flow in each direction that must lose nothing and
# leave no stale SA; a client that vanishes, found dead by DPD within
# interval + 5 x retry seconds; a client behind a NAT (nftables
# masquerade) that stays up when the NAT's mapping changes; a client that
# restarts and comes back with INITIAL_CONTACT; "clear crypto session"
# deleting the session at both ends; and the JSON of the show commands.

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/ike_lib.sh"

PSK=flexvti-life-psk
REKEYS=${REKEYS:-50}
DPD_INTERVAL=10
DPD_RETRY=2
NSD=fvt-dpd		# the client that vanishes
NSN=fvt-nat		# the NAT in front of the next one
NSB=fvt-natc		# the client behind the NAT

HUB_CONF="! lifecycle selftest: DPD, PFS, window 5
aaa new-model
aaa authorization network ra-list local
ip local pool ra-pool 10.10.0.10 10.10.0.250
crypto ikev2 window 5
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
 dpd $DPD_INTERVAL $DPD_RETRY periodic
 virtual-template 1
crypto ipsec transform-set ts-gcm esp-gcm 256
crypto ipsec profile ra-ipsec
 set transform-set ts-gcm
 set pfs group19
 set ikev2-profile ra
interface Virtual-Template1 type tunnel
 ip unnumbered lan0
 tunnel mode ipsec ipv4
 tunnel protection ipsec profile ra-ipsec"

# sw_conn NAME LOCAL [EXTRA]: a client connection from address LOCAL
# with identity NAME.example.com, PFS with ECP-256 on rekeys
sw_conn() {
	cat <<-EOT
	connections {
		$1 {
			local_addrs = $2
			remote_addrs = 10.99.0.1
			vips = 0.0.0.0
			proposals = aes256gcm16-prfsha256-ecp256
			rekey_time = 0
			$3
			local { auth = psk
				id = $1.example.com }
			remote { auth = psk
				id = hub.example.com }
			children { net { remote_ts = 10.200.0.0/24
					esp_proposals = aes256gcm16-ecp256
					rekey_time = 0 } }
		}
	}
	secrets { ike-$1 { id-a = $1.example.com
			id-b = hub.example.com
			secret = $PSK } }
	EOT
}

setup() {
	ike_topology && ike_hub_start "$HUB_CONF" && ike_sw_start
}


vas_are() {
	[ "$(ike_va_count)" -eq "$1" ]
}

# the JSON of "show crypto session" of the first session, one field
session_field() {
	ike_ctl -j show crypto session | jq -r ".[0].$1"
}

connect_main() {
	ike_sw_load "$(sw_conn c10 10.99.0.10)" || return 1
	ike_swanctl --initiate --ike c10 --child net --timeout 30 >/dev/null ||
		{ tail -n 30 "$IKE_TMP/flexvtid.log"; return 1; }
	wait_for 10 vas_are 1 || return 1
	ip netns exec $NSC ping -c 2 -i 0.2 -W 2 10.200.0.2
}

# the IKE SA number of the main session, which changes with IKE rekeys
main_id() {
	session_field session_id
}

# rekey_one WHO WHAT: one rekey, waited for: the session's rekey count
# (CHILD_SA) or the hub's ike-rekeyed counter (IKE SA) goes up, and the
# replaced SAs are gone from the kernel again
rekey_one() {
	local before va

	va=$(session_field interface)
	if [ "$2" = child ]; then
		before=$(session_field rekeys)
	else
		before=$(ike_stat ike-rekeyed)
	fi
	case $1-$2 in
	sw-child) ike_swanctl --rekey --child net >/dev/null ;;
	sw-ike) ike_swanctl --rekey --ike c10 >/dev/null ;;
	hub-child) ike_ctl rekey crypto ipsec sa "$(main_id)" >/dev/null ;;
	hub-ike) ike_ctl rekey crypto ikev2 sa "$(main_id)" >/dev/null ;;
	esac || { echo "cannot start the $1 $2 rekey"; return 1; }
	if [ "$2" = child ]; then
		wait_for 20 rekeyed_child "$before" || {
			echo "$1 $2 rekey did not complete"; return 1; }
	else
		wait_for 20 rekeyed_ike "$before" || {
			echo "$1 $2 rekey did not complete"; return 1; }
	fi
	wait_for 20 sa_count_is "$va" 2 || {
		echo "stale SAs after the $1 $2 rekey:"
		ip netns exec $NSH flexvtictl sa show "$va"; return 1; }
}

rekeyed_child() {
	[ "$(session_field rekeys)" -gt "$1" ] 2>/dev/null
}

rekeyed_ike() {
	[ "$(ike_stat ike-rekeyed)" -gt "$1" ] &&
		[ "$(ike_ctl -j show crypto ikev2 sa | jq length)" -eq 1 ]
}

sa_count_is() {
	[ "$(ip netns exec $NSH flexvtictl -j sa show "$1" | jq length)" -eq "$2" ]
}

# rekeys: REKEYS rekeys of each kind by each side, flows both ways
rekeys() {
	local vip who what i ok=0

	vip=$(session_field 'addresses[0]')
	rm -f "$IKE_TMP/stop"
	ip netns exec $NSL python3 "$IKE_DIR/esp_flow.py" recv 10.200.0.2 \
		5001 >"$IKE_TMP/up.txt" 2>&1 &
	ip netns exec $NSC python3 "$IKE_DIR/esp_flow.py" recv "$vip" 5002 \
		>"$IKE_TMP/down.txt" 2>&1 &
	sleep 0.5
	ip netns exec $NSC python3 "$IKE_DIR/esp_flow.py" send 10.200.0.2 \
		5001 1000000 100 "$IKE_TMP/stop" >"$IKE_TMP/up-tx.txt" 2>&1 &
	ip netns exec $NSL python3 "$IKE_DIR/esp_flow.py" send "$vip" 5002 \
		1000000 100 "$IKE_TMP/stop" >"$IKE_TMP/down-tx.txt" 2>&1 &
	flow_start=$(date +%s.%N)
	for what in child ike; do
		for who in sw hub; do
			echo "$who $what rekeys from" \
			     "$(awk "BEGIN { print $(date +%s.%N) - $flow_start }") s"
			for i in $(seq "$REKEYS"); do
				rekey_one $who $what || break 3
			done
		done
	done
	[ "$what-$who-$i" = "ike-hub-$REKEYS" ] && ok=1
	touch "$IKE_TMP/stop"
	wait
	echo "client to LAN: $(cat "$IKE_TMP/up-tx.txt") / $(cat "$IKE_TMP/up.txt")"
	echo "LAN to client: $(cat "$IKE_TMP/down-tx.txt") / $(cat "$IKE_TMP/down.txt")"
	echo "rekeyed: CHILD_SA $(session_field rekeys) times," \
	     "IKE SA $(ike_stat ike-rekeyed) times"
	echo "client's xfrm errors: $(ip netns exec $NSC awk \
		'$2 != 0 { printf "%s=%s ", $1, $2 }' /proc/net/xfrm_stat)"
	[ $ok = 1 ] || return 1
	grep -q " 0 missing" "$IKE_TMP/up.txt" &&
		grep -q " 0 missing" "$IKE_TMP/down.txt" || return 1
	[ "$(ike_swanctl --list-sas --raw | grep -o 'child-sas' | wc -l)" -eq 1 ]
}

# reload: SIGHUP with a change that does not concern the session (a new
# pool and profile) leaves it alone: same interface, SPIs, traffic
reload() {
	local before after

	before=$(ike_ctl -j show crypto session | jq -c '.[0] |
		[.interface, .spi_in, .spi_out, .session_id]')
	printf '%s\n%s\n' "$HUB_CONF" "ip local pool other-pool 10.11.0.1 10.11.0.9
crypto ikev2 profile other
 match identity remote fqdn other.example.net
 authentication remote pre-share
 authentication local pre-share
 keyring local ra-keys
 virtual-template 1" >"$IKE_TMP/flexvtid.conf"
	kill -HUP "$(cat "$IKE_TMP/flexvtid.pid")"
	wait_for 10 grep -q "reloaded" "$IKE_TMP/flexvtid.log" || return 1
	after=$(ike_ctl -j show crypto session | jq -c '.[0] |
		[.interface, .spi_in, .spi_out, .session_id]')
	echo "before $before, after $after"
	[ "$before" = "$after" ] &&
		ip netns exec $NSC ping -c 2 -i 0.2 -W 2 10.200.0.2
}

# clear: "clear crypto session" ends the session at both ends
clear_session() {
	local out

	ike_ctl -j show crypto ikev2 sa | jq -e 'length == 1' >/dev/null &&
		ike_ctl -j show crypto session | jq -e '.[0].interface' \
			>/dev/null &&
		ike_ctl -j show crypto ikev2 stats | jq -e '.["sa-up"] > 0' \
			>/dev/null &&
		ike_ctl -j show crypto ipsec sa |
			jq -e '.[0].sas | map(select(.status == "ACTIVE")) |
			       length == 2' >/dev/null &&
		ike_ctl show crypto ipsec sa | grep -q "current outbound spi" ||
		return 1
	out=$(ike_ctl -j clear crypto session remote 10.99.0.10) || return 1
	jq -e '.cleared == 1' <<<"$out" >/dev/null || { echo "$out"; return 1; }
	wait_for 10 vas_are 0 || return 1
	wait_for 10 sw_has_no_sa || { ike_swanctl --list-sas; return 1; }
	[ "$(ike_ctl -j show crypto ikev2 sa | jq length)" -eq 0 ]
}

sw_has_no_sa() {
	! ike_swanctl --list-sas --raw | grep -q "ike-sas\|c10"
}

# initial_contact: a client that restarts without telling comes back,
# its old session replaced rather than kept beside the new one
initial_contact() {
	local before

	connect_main || return 1
	before=$(ike_stat initial-contact-deleted)
	kill -9 "$(cat "$IKE_TMP/sw/pid")"
	sleep 0.5
	rm -f "$IKE_TMP/sw/pid" "$IKE_TMP/sw/charon.vici"
	ike_sw_start && connect_main || return 1
	[ "$(ike_stat initial-contact-deleted)" -eq $((before + 1)) ] &&
		vas_are 1 || return 1
	ike_swanctl --terminate --ike c10 --timeout 20 >/dev/null &&
		wait_for 10 vas_are 0
}

# dpd: a client whose namespace is deleted is found dead and removed
# within DPD_INTERVAL + 5 x DPD_RETRY seconds (plus the hub's tick)
dpd() {
	local start end limit=$((DPD_INTERVAL + 5 * DPD_RETRY + 2))

	flexvti_netns $NSD || return 1
	ip link add dpd0 netns $NSD type veth peer name dpd-p netns $NSH
	ip -n $NSH link set dpd-p master br0 up
	ip -n $NSD addr add 10.99.0.40/24 dev dpd0
	ip -n $NSD link set dpd0 up
	ike_sw_use $NSD swd
	ike_sw_start && ike_sw_load "$(sw_conn c40 10.99.0.40)" &&
		ike_swanctl --initiate --ike c40 --child net --timeout 30 \
			>/dev/null || return 1
	wait_for 10 vas_are 1 || return 1
	kill -9 "$(cat "$IKE_TMP/swd/pid")"
	ip netns del $NSD
	start=$(date +%s)
	wait_for $((limit + 5)) vas_are 0 || {
		echo "the dead client's VA is still there"; return 1; }
	end=$(date +%s)
	echo "dead peer removed after $((end - start)) s (limit $limit s)"
	[ $((end - start)) -le $limit ] && [ "$(ike_stat dpd-dead-peer)" -ge 1 ]
}

# nat: a client behind a masquerading NAT connects over UDP 4500, and
# keeps working when the NAT's mapping changes (its outside address)
nat_topology() {
	flexvti_netns $NSN && flexvti_netns $NSB || return 1
	ip link add nat0 netns $NSN type veth peer name nat-p netns $NSH
	ip -n $NSH link set nat-p master br0 up
	ip -n $NSN addr add 10.99.0.50/24 dev nat0
	ip -n $NSN link set nat0 up
	ip link add natc0 netns $NSB type veth peer name nati netns $NSN
	ip -n $NSN addr add 192.168.77.1/24 dev nati
	ip -n $NSN link set nati up
	ip -n $NSB addr add 192.168.77.2/24 dev natc0
	ip -n $NSB link set natc0 up
	ip -n $NSB route add default via 192.168.77.1
	ip netns exec $NSN sysctl -qw net.ipv4.ip_forward=1
	ip netns exec $NSN nft -f - <<-'EOT'
	table ip nat {
		chain post {
			type nat hook postrouting priority srcnat;
			oifname "nat0" masquerade
		}
	}
	EOT
}

nat() {
	local remote

	nat_topology || return 1
	ike_sw_use $NSB swn
	ike_sw_start &&
		ike_sw_load "$(sw_conn c50 192.168.77.2 'dpd_delay = 2s')" &&
		ike_swanctl --initiate --ike c50 --child net --timeout 30 \
			>/dev/null || return 1
	wait_for 10 vas_are 1 || return 1
	[ "$(session_field nat_t)" = true ] || return 1
	ip netns exec $NSB ping -c 2 -i 0.2 -W 2 10.200.0.2 || return 1
	remote=$(ike_ctl -j show crypto ikev2 sa | jq -r '.[0].remote')
	echo "through the NAT from $remote"
	# a new outside address: masquerade drops its old mappings
	ip -n $NSN addr del 10.99.0.50/24 dev nat0
	ip -n $NSN addr add 10.99.0.51/24 dev nat0
	wait_for 20 nat_moved || {
		echo "the hub did not follow the NAT"
		ike_ctl show crypto ikev2 sa detail
		tail -n 20 "$IKE_TMP/flexvtid.log"
		tail -n 40 "$IKE_TMP/swn/charon.log"; return 1; }
	echo "now from $(ike_ctl -j show crypto ikev2 sa | jq -r '.[0].remote')"
	ip netns exec $NSB ping -c 3 -i 0.2 -W 2 10.200.0.2 || return 1
	[ "$(ike_stat peer-address-changed)" -ge 1 ] && vas_are 1 || return 1
	ike_swanctl --terminate --ike c50 --timeout 20 >/dev/null &&
		wait_for 10 vas_are 0
}

nat_moved() {
	ike_ctl -j show crypto ikev2 sa | jq -r '.[0].remote' |
		grep -q '^10\.99\.0\.51/'
}

flexvti_require
flexvti_require_tools charon-systemd swanctl jq nft
ktap_print_header
ktap_set_plan 8
flexvti_stage "headend, LAN host and client namespaces; flexvtid and charon run" setup
flexvti_stage "client connects; PFS on rekeys, DPD and window 5 configured" connect_main
flexvti_stage "$REKEYS CHILD_SA and IKE SA rekeys by each side, flows both ways lose nothing, no stale SA" rekeys
flexvti_stage "SIGHUP with a change that does not concern the session leaves it alone" reload
flexvti_stage "show crypto ipsec sa; clear crypto session: DELETE to the client, VA gone; JSON parses with jq" clear_session
flexvti_stage "restarted client with INITIAL_CONTACT replaces its old session" initial_contact
flexvti_stage "client that vanishes is found by DPD within $DPD_INTERVAL + 5 x $DPD_RETRY s, its VA removed" dpd
flexvti_stage "client behind nftables masquerade connects and survives a NAT mapping change" nat
ike_sw_use $NSB swn
ike_sw_stop
ike_sw_use $NSC sw
ike_sw_stop
ike_hub_stop
rm -rf "$IKE_TMP"
ktap_finished
