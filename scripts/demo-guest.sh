#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Run in the guest by "make demo": flexvtid as a FlexVPN remote-access
# headend, with the IOS-syntax configuration scripts/demo-flexvtid.conf,
# strongSwan as the client in another namespace, and FreeRADIUS on the
# host behind the headend: it accounts the session, changes it with
# CoA-Requests and ends it with a Disconnect-Request (RFC 5176).  Every
# command is printed before it runs.
#
#   client (strongSwan)  cli0 10.99.0.10 --- 10.99.0.1 hub0  headend (flexvtid)
#                                                     lan0 10.200.0.1 --- 10.200.0.2 lan host (FreeRADIUS)
set -eu

. rig/guest-setup.sh
# FreeRADIUS's configuration; its functions are written for tests without
# "set -e", so their status is checked here
. selftests/radius_lib.sh
tmp=$(mktemp -d /tmp/demo.XXXXXX)
rad=$tmp/raddb

say() { printf '\n## %s\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@"; }
# run_fails CMD...: like run, for a command that must fail
run_fails() {
	printf '$ %s\n' "$*"
	if "$@"; then
		echo "demo: that should have failed" >&2
		exit 1
	fi
}
# wait_gone DEV: wait up to 10 s until the headend has no interface DEV
wait_gone() {
	for _ in $(seq 100); do
		ip -n hub link show "$1" >/dev/null 2>&1 || return 0
		sleep 0.1
	done
	echo "demo: $1 is still there" >&2
	exit 1
}

say "Three namespaces: the headend, a host behind it, a remote client"
for ns in hub lan client; do run ip netns add $ns; done
run ip link add hub0 netns hub type veth peer name cli0 netns client
run ip link add lan0 netns hub type veth peer name lan1 netns lan
run ip -n hub addr add 10.99.0.1/24 dev hub0
run ip -n hub addr add 10.200.0.1/24 dev lan0
run ip -n client addr add 10.99.0.10/24 dev cli0
run ip -n lan addr add 10.200.0.2/24 dev lan1
for l in hub:hub0 hub:lan0 client:cli0 lan:lan1 hub:lo client:lo lan:lo; do
	ip -n "${l%%:*}" link set "${l#*:}" up
done
run ip -n lan route add default via 10.200.0.1
run ip netns exec hub sysctl -qw net.ipv4.ip_forward=1

say "FreeRADIUS on the lan host: the headend's accounting server (records in $rad/detail)"
RADIUS_SECRET=demo-radius-secret radius_conf "$rad"
printf '$ %s\n' "ip netns exec lan freeradius -f -d $rad &"
radius_start lan "$rad" || exit 1

say "The headend's configuration, in IOS FlexVPN syntax, checked"
run cat scripts/demo-flexvtid.conf
run flexvtid -n -f scripts/demo-flexvtid.conf

say "flexvtid starts (its log goes to $tmp/flexvtid.log)"
printf '$ %s\n' "ip netns exec hub flexvtid -f scripts/demo-flexvtid.conf -s $tmp/ctl &"
ip netns exec hub flexvtid -f scripts/demo-flexvtid.conf -s "$tmp/ctl" \
	>"$tmp/flexvtid.log" 2>&1 &
daemon=$!
while [ ! -S "$tmp/ctl" ]; do sleep 0.1; done

say "strongSwan, the client: one connection to the headend"
cat >"$tmp/strongswan.conf" <<EOT
charon-systemd {
	load = random nonce openssl kdf pem pkcs1 x509 pubkey kernel-netlink socket-default vici
	plugins { vici { socket = unix://$tmp/charon.vici } }
	journal { default = -1 }
}
swanctl { socket = unix://$tmp/charon.vici
	load = pem pkcs1 x509 pubkey openssl random }
EOT
cat >"$tmp/swanctl.conf" <<EOT
connections {
	headend {
		remote_addrs = 10.99.0.1
		vips = 0.0.0.0
		proposals = aes256gcm16-prfsha256-ecp256
		local { auth = psk
			id = alice.example.com }
		remote { auth = psk
			id = hub.example.com }
		children { lan { remote_ts = 10.200.0.0/24
				esp_proposals = aes256gcm16 } }
	}
}
secrets { ike { id = alice.example.com
		secret = demo-secret } }
EOT
run cat "$tmp/swanctl.conf"
for d in x509 x509ca x509ocsp x509aa x509ac x509crl pubkey private rsa ecdsa \
	 bliss pkcs8 pkcs12; do
	mkdir -p "$tmp/$d"	# swanctl reads credentials from these
done
export STRONGSWAN_CONF=$tmp/strongswan.conf
ip netns exec client charon-systemd >/dev/null 2>&1 &
charon=$!
while [ ! -S "$tmp/charon.vici" ]; do sleep 0.1; done
run ip netns exec client swanctl --load-all --noprompt --file "$tmp/swanctl.conf"

say "The client connects: IKE_SA_INIT, IKE_AUTH, an address from ra-pool"
run ip netns exec client swanctl --initiate --ike headend --child lan

say "The headend cloned a virtual-access interface for the session"
run ip netns exec hub flexvtictl -s "$tmp/ctl" show crypto session detail
run ip netns exec hub flexvtictl -s "$tmp/ctl" show crypto ikev2 sa
run ip -n hub -d link show type flexvti
run ip netns exec hub flexvtictl sa show
run ip -n hub route show dev va1

say "The client pings the host behind the headend, through va1"
run ip netns exec client ping -c 3 10.200.0.2
run ip -n hub -s link show va1

say "The headend takes CoA and Disconnect requests (RFC 5176) from 10.200.0.2"
run grep -A2 -e dynamic-author -e access-list scripts/demo-flexvtid.conf
audit=$(ip netns exec hub flexvtictl -s "$tmp/ctl" -j show crypto session detail |
	jq -r '.[0].audit_session_id')
echo "The session's audit-session-id, which names it: $audit"

say "A CoA-Request applies access list NO-ICMP to the session: the client's ping stops"
cat >"$tmp/coa-no-icmp" <<EOT
Cisco-AVPair = "audit-session-id=$audit"
Cisco-AVPair += "ipsec:inacl=NO-ICMP"
Message-Authenticator = 0x00
EOT
run cat "$tmp/coa-no-icmp"
run ip netns exec lan radclient -x -f "$tmp/coa-no-icmp" 10.200.0.1:3799 coa demo-dae-key
run_fails ip netns exec client ping -c 3 -W 1 10.200.0.2
run ip netns exec hub flexvtictl acl show va1

say "Another restores it: access list PERMIT-ALL"
sed 's/NO-ICMP/PERMIT-ALL/' "$tmp/coa-no-icmp" >"$tmp/coa-permit-all"
run cat "$tmp/coa-permit-all"
run ip netns exec lan radclient -x -f "$tmp/coa-permit-all" 10.200.0.1:3799 coa demo-dae-key
run ip netns exec client ping -c 3 10.200.0.2
run ip netns exec hub flexvtictl acl show va1

say "A Disconnect-Request (PoD) ends the session: its interface and route go"
cat >"$tmp/disconnect" <<EOT
Cisco-AVPair = "audit-session-id=$audit"
Message-Authenticator = 0x00
EOT
run cat "$tmp/disconnect"
run ip netns exec lan radclient -x -f "$tmp/disconnect" 10.200.0.1:3799 disconnect demo-dae-key
wait_gone va1
run ip -n hub -d link show type flexvti
run ip netns exec client swanctl --list-sas
run ip netns exec hub flexvtictl -s "$tmp/ctl" show crypto session
run ip netns exec hub flexvtictl -s "$tmp/ctl" show aaa dynamic-author
run ip netns exec hub flexvtictl -s "$tmp/ctl" show crypto ikev2 stats

say "FreeRADIUS has the session's Accounting-Stop: Acct-Terminate-Cause = Admin-Reset"
radius_wait_count "$rad" Stop 1 || exit 1
# a Stop record is the one with an Acct-Terminate-Cause
run awk -v RS= /Acct-Terminate-Cause/ "$rad/detail"

say "The headend's log"
kill "$charon" "$daemon"
wait "$daemon" || true
radius_stop "$rad"
cat "$tmp/flexvtid.log"
