#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Capture the IKEv2 messages of user/tests/data/ike: strongSwan initiators
# and responders (charon-systemd and swanctl) in network namespaces of a
# guest, tcpdump on the initiator's links, and every IKE datagram saved as
# one file without IP/UDP headers and non-ESP marker.  See README.
#
# On the host, from the top of the tree (not run by the test suite):
#   user/tests/data/ike/capture.sh
# boots a guest with rig/run-guest.sh, which runs this script again as
# "capture.sh --guest OUTDIR", then copies OUTDIR/ike/*.bin here.  The
# guest leaves its pcaps and charon logs in OUTDIR/ike too.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=build/cap

if [ "${1:-}" != --guest ]; then
	rm -rf "$out"
	flock /tmp/flexvti-guest.lock \
		rig/run-guest.sh -t 600 -o "$out" "$0" --guest "$out"
	rm -f "$here"/*.bin
	cp "$out"/ike/*.bin "$here"/
	exit 0
fi
out=$(cd "$2" && pwd)/ike
mkdir -p "$out"
run=/run/cap
mkdir -p "$run"
pids=()

# keep the logs, and stop what was started (it holds the console open)
finish() {
	local f name

	cp "$run"/*.pcap "$run"/*.tcpdump "$out"/ 2>/dev/null || true
	for f in "$run"/*/*.log; do
		name=$(basename "$(dirname "$f")")-${f##*/}
		[ -e "$f" ] && cp "$f" "$out/$name"
	done
	[ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null || true
	echo "capture: done at $(cut -d' ' -f1 /proc/uptime)s" >&2
}
trap finish EXIT

# links: ini i1 <-> r1 res1 (fragment_size as default) and ini i2 <-> r2
# res2 (a small fragment_size, so that its IKE_AUTH response is fragmented)
setup_net() {
	local n
	ip netns add ini
	for n in 1 2; do
		ip netns add res$n
		ip link add i$n netns ini type veth peer name r$n netns res$n
		ip -n ini addr add 10.$n.0.1/24 dev i$n
		ip -n res$n addr add 10.$n.0.2/24 dev r$n
		ip -n ini link set i$n up
		ip -n res$n link set r$n up
		ip -n res$n link set lo up
	done
	ip -n ini link set lo up
}

# a short list of plugins: without one, charon-systemd loads every plugin
# it was built with and some crash without their configuration
plugins="random nonce openssl aes sha1 sha2 hmac gcm pem pkcs1 x509"
plugins="$plugins revocation constraints pubkey kdf"

# strongswan.conf of instance $1, with extra charon settings $2
write_conf() {
	mkdir -p "$run/$1"
	cat >"$run/$1/strongswan.conf" <<-EOF
	charon-systemd {
		load = $plugins kernel-netlink socket-default vici
		$2
		plugins {
			vici { socket = unix://$run/$1/charon.vici }
		}
		journal { default = -1 }
		filelog {
			log {
				path = $run/$1/charon.log
				default = 1
				ike = 2
				flush_line = yes
			}
		}
	}
	swanctl {
		load = $plugins
		socket = unix://$run/$1/charon.vici
	}
	EOF
}

# a child $1 with ESP proposals $2 between subnets 192.168.$3.0/24 (local)
# and 192.168.$4.0/24
child() {
	cat <<-EOF
		children {
			$1 {
				local_ts = 192.168.$3.0/24
				remote_ts = 192.168.$4.0/24
				esp_proposals = $2
			}
		}
	EOF
}

# the local and remote ends: PSK, IDs $1 and $2 in example.org
ends() {
	cat <<-EOF
		local {
			auth = psk
			id = $1@example.org
		}
		remote {
			auth = psk
			id = $2@example.org
		}
	EOF
}

# an initiator connection: name, remote address, IKE and ESP proposals
conn_ini() {
	cat <<-EOF
	$1 {
		local_addrs = ${2%.2}.1
		remote_addrs = $2
		proposals = $3
		$(ends west east)
		$(child "$1" "$4" 11 22)
	}
	EOF
}

secrets() {
	cat <<-EOF
	secrets {
		ike-west {
			id-1 = west@example.org
			id-2 = east@example.org
			secret = "flexvti capture secret"
		}
	}
	EOF
}

# the responders accept any of the initiator's proposals, in this order
res_ike="aes256gcm16-prfsha256-ecp256, aes256-sha256-modp2048,"
res_ike="$res_ike chacha20poly1305-prfsha256-x25519, default"
res_esp="aes256gcm16, aes256-sha256, chacha20poly1305, default"

write_swanctl() {
	cat >"$run/ini/swanctl.conf" <<-EOF
	connections {
	$(conn_ini gcm-ecp256 10.1.0.2 aes256gcm16-prfsha256-ecp256 aes256gcm16)
	$(conn_ini cbc-modp2048 10.1.0.2 aes256-sha256-modp2048 aes256-sha256)
	$(conn_ini chacha-x25519 10.1.0.2 chacha20poly1305-prfsha256-x25519 \
		chacha20poly1305)
	$(conn_ini default 10.1.0.2 default default)
	$(conn_ini frag 10.2.0.2 aes256gcm16-prfsha256-ecp256 aes256gcm16)
	}
	$(secrets)
	EOF
	for n in 1 2; do
		cat >"$run/res$n/swanctl.conf" <<-EOF
		connections {
			any {
				local_addrs = 10.$n.0.2
				proposals = $res_ike
				$(ends east west)
				$(child any "$res_esp" 22 11)
			}
		}
		$(secrets)
		EOF
	done
}

# starts charon-systemd of instance $1 in netns $2, waits for its socket
start_charon() {
	ip netns exec "$2" env STRONGSWAN_CONF="$run/$1/strongswan.conf" \
		charon-systemd >/dev/null 2>&1 </dev/null &
	pids+=("$!")
	for _ in $(seq 100); do
		[ -S "$run/$1/charon.vici" ] && break
		sleep 0.1
	done
	ip netns exec "$2" env STRONGSWAN_CONF="$run/$1/strongswan.conf" \
		swanctl --load-all --file "$run/$1/swanctl.conf" \
		>"$run/$1/load.log" 2>&1
}

swanctl_ini() {
	ip netns exec ini env STRONGSWAN_CONF="$run/ini/strongswan.conf" \
		swanctl "$@"
}

# the exchanges of connection $1 over link $2, into $run/$1.pcap
capture() {
	local pid

	echo "capture: $1 at $(cut -d' ' -f1 /proc/uptime)s" >&2
	ip netns exec ini tcpdump -i "$2" -U -n -w "$run/$1.pcap" udp \
		>/dev/null 2>"$run/$1.tcpdump" </dev/null &
	pid=$!
	pids+=("$pid")
	for _ in $(seq 100); do
		grep -q listening "$run/$1.tcpdump" && break
		sleep 0.1
	done
	swanctl_ini --initiate --timeout 30 --ike "$1" --child "$1" >/dev/null
	if [ "$1" = gcm-ecp256 ]; then
		swanctl_ini --rekey --child "$1" >/dev/null
		sleep 1
	fi
	swanctl_ini --terminate --ike "$1" >/dev/null
	sleep 1
	kill "$pid"
	wait "$pid" || true
}

setup_net
write_conf ini ""
write_conf res1 ""
write_conf res2 "fragment_size = 200"
write_swanctl
start_charon res1 res1
start_charon res2 res2
start_charon ini ini
for c in gcm-ecp256 cbc-modp2048 chacha-x25519 default; do
	capture $c i1
done
capture frag i2

# one file per IKE datagram: CONN-NN-EXCHANGE-req|resp.bin
python3 - "$run" "$out" <<'EOF'
import glob, os, struct, sys

run, out = sys.argv[1], sys.argv[2]
names = {34: "ike_sa_init", 35: "ike_auth", 36: "create_child_sa",
         37: "informational"}

def datagrams(path):
    data = open(path, "rb").read()
    off = 24
    while off + 16 <= len(data):
        incl = struct.unpack_from("<I", data, off + 8)[0]
        frame = data[off + 16:off + 16 + incl]
        off += 16 + incl
        if struct.unpack_from("!H", frame, 12)[0] != 0x0800:
            continue
        ip = frame[14:]
        if ip[9] != 17:
            continue
        udp = ip[(ip[0] & 15) * 4:]
        sport, dport = struct.unpack_from("!HH", udp)
        pl = udp[8:]
        if 4500 in (sport, dport):
            if pl[:4] != b"\0\0\0\0":
                continue  # ESP or a NAT keepalive
            pl = pl[4:]
        elif 500 not in (sport, dport):
            continue
        yield pl

for path in sorted(glob.glob(run + "/*.pcap")):
    conn = os.path.basename(path)[:-5]
    seen = []
    for pl in datagrams(path):
        if pl in seen or len(pl) < 28:
            continue  # a retransmission
        seen.append(pl)
        kind = "resp" if pl[19] & 0x20 else "req"
        name = "%s-%02d-%s-%s.bin" % (conn, len(seen),
                                      names.get(pl[18], str(pl[18])), kind)
        open(os.path.join(out, name), "wb").write(pl)
EOF
ls -l "$out"
