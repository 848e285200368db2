#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Run in the guest by "make demo": flexvtid as a FlexVPN remote-access
# headend, with the IOS-syntax configuration scripts/demo-flexvtid.conf,
# and strongSwan as the client in another namespace.  Every command is
# printed before it runs.
#
#   client (strongSwan)  cli0 10.99.0.10 --- 10.99.0.1 hub0  headend (flexvtid)
#                                                     lan0 10.200.0.1 --- 10.200.0.2 lan host
set -eu

. rig/guest-setup.sh
tmp=$(mktemp -d /tmp/demo.XXXXXX)

say() { printf '\n## %s\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@"; }

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

say "The client disconnects: the session, its interface and route go"
run ip netns exec client swanctl --terminate --ike headend
sleep 0.5
run ip -n hub -d link show type flexvti
run ip netns exec hub flexvtictl -s "$tmp/ctl" show crypto session
run ip netns exec hub flexvtictl -s "$tmp/ctl" show crypto ikev2 stats

say "The headend's log"
kill "$charon" "$daemon"
wait "$daemon" || true
cat "$tmp/flexvtid.log"
