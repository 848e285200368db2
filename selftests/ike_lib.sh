#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# A FlexVPN headend and its remote-access clients, for the IKEv2 tests:
#
#   fvt-lan  lan1 10.200.0.2/24, default via 10.200.0.1 (a host behind
#            the headend)
#   fvt-hub  flexvtid; lan0 10.200.0.1/24; br0 10.99.0.1/24 fd99::1/64
#   fvt-cli  strongSwan (charon-systemd + swanctl); cli0 10.99.0.10/24
#            and more addresses 10.99.0.11... for more clients
#
# flexvtid runs with the configuration the test writes; strongSwan is
# configured and started by the test, one charon for all the clients of
# a namespace.  ike_sw_use switches the ike_sw_* functions to the charon
# of another namespace; ike_fvt_* run more flexvtid instances, each with
# its own name (the hub's is "flexvtid").

NSH=fvt-hub
NSL=fvt-lan
NSC=fvt-cli
IKE_DIR=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
IKE_TMP=$(mktemp -d /tmp/fvt-ike.XXXXXX)
IKE_CTL=$IKE_TMP/flexvtid.sock
IKE_SW_NS=$NSC
IKE_SW_DIR=$IKE_TMP/sw

# ike_sw_use NS NAME: the ike_sw_* functions act on the charon of
# namespace NS, its files in $IKE_TMP/NAME
ike_sw_use() {
	IKE_SW_NS=$1
	IKE_SW_DIR=$IKE_TMP/$2
}

# ike_topology: the three namespaces
ike_topology() {
	flexvti_netns $NSH && flexvti_netns $NSL && flexvti_netns $NSC ||
		return 1
	ip -n $NSH link add br0 type bridge
	ip -n $NSH addr add 10.99.0.1/24 dev br0
	ip -n $NSH addr add fd99::1/64 dev br0 nodad
	ip -n $NSH link set br0 up
	ip link add cli0 netns $NSC type veth peer name cli-p netns $NSH
	ip -n $NSH link set cli-p master br0 up
	ip -n $NSC addr add 10.99.0.10/24 dev cli0
	ip -n $NSC addr add fd99::10/64 dev cli0 nodad
	ip -n $NSC link set cli0 up
	ip link add lan1 netns $NSL type veth peer name lan0 netns $NSH
	ip -n $NSH addr add 10.200.0.1/24 dev lan0
	ip -n $NSL addr add 10.200.0.2/24 dev lan1
	ip -n $NSH link set lan0 up
	ip -n $NSL link set lan1 up
	ip -n $NSL route add default via 10.200.0.1
	ip netns exec $NSH sysctl -qw net.ipv4.ip_forward=1
}

# wait_for SECONDS COMMAND...: until COMMAND succeeds, polled every
# 0.1 s; fails after SECONDS
wait_for() {
	local t=$(($1 * 10))

	shift
	while [ $t -gt 0 ]; do
		"$@" && return 0
		sleep 0.1
		t=$((t - 1))
	done
	return 1
}

# ike_fvt_start NS NAME CONF: a flexvtid in namespace NS with
# configuration CONF (text); its configuration, control socket, log and
# pid are $IKE_TMP/NAME.conf, .sock, .log and .pid, its state directory
# (accounting spool) $IKE_TMP/NAME.state, kept across restarts
ike_fvt_start() {
	local ns=$1 name=$2 ctl=$IKE_TMP/$2.sock

	printf '%s\n' "$3" >"$IKE_TMP/$name.conf"
	ip netns exec "$ns" flexvtid -d -f "$IKE_TMP/$name.conf" \
		-s "$ctl" -l "$IKE_TMP/$name.state" \
		>"$IKE_TMP/$name.log" 2>&1 &
	echo $! >"$IKE_TMP/$name.pid"
	for _ in $(seq 50); do
		[ -S "$ctl" ] && return 0
		kill -0 "$(cat "$IKE_TMP/$name.pid")" 2>/dev/null || break
		sleep 0.1
	done
	cat "$IKE_TMP/$name.log"
	return 1
}

# ike_fvt_stop NAME: stop that flexvtid, which ends every session
ike_fvt_stop() {
	local pid

	pid=$(cat "$IKE_TMP/$1.pid" 2>/dev/null) || return 0
	kill "$pid" 2>/dev/null
	while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
	rm -f "$IKE_TMP/$1.pid"
}

# ike_fvt_reload NAME CONF: that flexvtid reloads configuration CONF;
# waits for its log to say it did
ike_fvt_reload() {
	local n

	n=$(grep -c "reloaded" "$IKE_TMP/$1.log")
	printf '%s\n' "$2" >"$IKE_TMP/$1.conf"
	kill -HUP "$(cat "$IKE_TMP/$1.pid")" || return 1
	for _ in $(seq 50); do
		[ "$(grep -c "reloaded" "$IKE_TMP/$1.log")" -gt "$n" ] &&
			return 0
		sleep 0.1
	done
	tail -n 20 "$IKE_TMP/$1.log"
	return 1
}

# ike_fvt_ctl NS NAME ARGS...: flexvtictl against that flexvtid
ike_fvt_ctl() {
	local ns=$1 name=$2

	shift 2
	ip netns exec "$ns" flexvtictl -s "$IKE_TMP/$name.sock" "$@"
}

# ike_hub_start CONF: flexvtid in the hub with configuration CONF (text)
ike_hub_start() {
	ike_fvt_start $NSH flexvtid "$1"
}

# ike_hub_stop: stop flexvtid, which ends every session
ike_hub_stop() {
	ike_fvt_stop flexvtid
}

# ike_ctl ARGS...: flexvtictl against the hub's daemon
ike_ctl() {
	ike_fvt_ctl $NSH flexvtid "$@"
}

# ike_stat NAME: one counter of "show crypto ikev2 stats"
ike_stat() {
	ike_ctl show crypto ikev2 stats | awk -v n="$1" '$1 == n { print $2 }'
}

# ike_sw_start: charon in the client namespace (ike_sw_use); connections
# come with ike_sw_load.  IKE_SW_PLUGINS: more plugins to load (e.g.
# "eap-identity eap-md5 eap-mschapv2")
ike_sw_start() {
	local d=$IKE_SW_DIR sub

	# swanctl --load-all reads credentials from these, beside its file
	for sub in x509 x509ca x509ocsp x509aa x509ac x509crl pubkey private \
		   rsa ecdsa bliss pkcs8 pkcs12; do
		mkdir -p "$d/$sub"
	done
	cat >"$d/strongswan.conf" <<-EOT
	charon-systemd {
		load = random nonce openssl kdf pem pkcs1 x509 pubkey kernel-netlink socket-default vici ${IKE_SW_PLUGINS:-}
		install_routes = yes
		retransmit_tries = 2
		retransmit_timeout = 2
		plugins {
			vici { socket = unix://$d/charon.vici }
		}
		filelog {
			log { path = $d/charon.log
				flush_line = yes
				default = 1
				ike = 2
			}
		}
		journal { default = -1 }
	}
	swanctl { socket = unix://$d/charon.vici
		load = pem pkcs1 x509 revocation constraints pubkey openssl random
	}
	EOT
	ip netns exec "$IKE_SW_NS" env STRONGSWAN_CONF="$d/strongswan.conf" \
		charon-systemd >/dev/null 2>&1 &
	echo $! >"$d/pid"
	for _ in $(seq 100); do
		[ -S "$d/charon.vici" ] && return 0
		sleep 0.1
	done
	echo "charon did not start"
	return 1
}

# ike_sw_stop: stop charon
ike_sw_stop() {
	local pid

	pid=$(cat "$IKE_SW_DIR/pid" 2>/dev/null) || return 0
	kill "$pid" 2>/dev/null
	while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
	rm -f "$IKE_SW_DIR/pid"
}

# ike_swanctl ARGS...: swanctl against the client's charon
ike_swanctl() {
	ip netns exec "$IKE_SW_NS" \
		env STRONGSWAN_CONF="$IKE_SW_DIR/strongswan.conf" swanctl "$@"
}

# ike_sw_load CONF: load connections and secrets (swanctl.conf text)
ike_sw_load() {
	printf '%s\n' "$1" >"$IKE_SW_DIR/swanctl.conf"
	ike_swanctl --load-all --noprompt --file "$IKE_SW_DIR/swanctl.conf" \
		>/dev/null
}

# ike_va_count: the number of flexvti interfaces in the hub
ike_va_count() {
	ip -n $NSH -o link show type flexvti | wc -l
}
