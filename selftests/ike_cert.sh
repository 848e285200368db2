#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Certificate authentication of flexvtid's IKE_AUTH against strongSwan
# clients, with the test PKI of gen.sh (root CA, sub CA, CRL): the hub
# signs with its RSA certificate (sent with the sub CA's) and accepts
# rsa-sig and ecdsa-sig.  A client with an RSA certificate and one with
# an ECDSA certificate connect, get a pool address and ping a host
# behind the headend; a revoked certificate, one of another CA and an
# identity that is not in the client's certificate are refused with
# AUTHENTICATION_FAILED, no interface, and counted.  flexvtid -n and
# SIGHUP check that the trustpoint's files load; with the root CA alone
# in the trustpoint the RSA client's chain (with the sub CA) verifies.

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/ike_lib.sh"

PKI=$IKE_TMP/pki
HUB_DN="C=CH, O=flexvti test, CN=hub.flexvti.test"

# hub_conf [CA-FILE]: the headend's configuration
hub_conf() {
	cat <<-EOT
	! certificate selftest
	aaa new-model
	aaa authorization network ra-list local
	ip local pool ra-pool 10.10.0.10 10.10.0.250
	crypto ikev2 authorization policy ra-authz
	 pool ra-pool
	 route set remote ipv4 10.200.0.0 255.255.255.0
	crypto pki trustpoint TP
	 ca-certificate ${1:-$PKI/ca.pem}
	 certificate $PKI/hub-chain.pem
	 private-key $PKI/hub.key
	 crl $PKI/crl.pem
	crypto ikev2 proposal ra-prop
	 encryption aes-gcm-256
	 prf sha256
	 group 19
	crypto ikev2 policy ra-policy
	 proposal ra-prop
	crypto ikev2 profile ra
	 match identity remote fqdn domain flexvti.test
	 authentication remote rsa-sig
	 authentication remote ecdsa-sig
	 authentication local rsa-sig
	 pki trustpoint TP
	 aaa authorization group cert list ra-list ra-authz
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

# sw_conn NAME CERT ID: a client connection from 10.99.0.10 with
# certificate CERT.pem and identity ID; the hub must prove its DN
sw_conn() {
	cat <<-EOT
	connections {
		$1 {
			local_addrs = 10.99.0.10
			remote_addrs = 10.99.0.1
			vips = 0.0.0.0
			proposals = aes256gcm16-prfsha256-ecp256
			local { auth = pubkey
				certs = $2.pem
				id = $3 }
			remote { auth = pubkey
				id = "$HUB_DN" }
			children { net { remote_ts = 10.200.0.0/24
					esp_proposals = aes256gcm16 } }
		}
	}
	EOT
}

# the PKI, the client's credentials beside its swanctl.conf: its own
# certificates and keys, the sub CA as an intermediate to send when the
# hub's CERTREQ does not name it, and the root CA as its trust anchor
setup() {
	local c

	sh "$IKE_DIR/gen.sh" "$PKI" || return 1
	ike_topology && ike_hub_start "$(hub_conf)" && ike_sw_start ||
		return 1
	for c in client-rsa client-ec revoked other; do
		cp "$PKI/$c.pem" "$IKE_SW_DIR/x509/" &&
			cp "$PKI/$c.key" "$IKE_SW_DIR/private/" || return 1
	done
	cp "$PKI/sub-ca.pem" "$IKE_SW_DIR/x509/" &&
		cp "$PKI/root-ca.pem" "$IKE_SW_DIR/x509ca/"
}

# wait_vas N: until the hub has N virtual-access interfaces
wait_vas() {
	for _ in $(seq 100); do
		[ "$(ike_va_count)" -eq "$1" ] && return 0
		sleep 0.1
	done
	echo "expected $1 virtual-access interfaces, have $(ike_va_count)"
	return 1
}

# connect CERT ID METHOD: the client connects with certificate CERT and
# identity ID; the hub shows METHOD for its AUTH, RSA for its own and its
# DN; the client pings through its interface and disconnects
connect() {
	local addr sa

	ike_sw_load "$(sw_conn cl "$1" "$2")" || return 1
	ike_swanctl --initiate --ike cl --child net --timeout 30 || {
		tail -n 30 "$IKE_TMP/flexvtid.log"; return 1; }
	wait_vas 1 || return 1
	sa=$(ike_ctl show crypto ikev2 sa detail)
	echo "$sa"
	grep -q "Auth sign: RSA, Auth verify: $3" <<<"$sa" || return 1
	grep -q "Local id: $HUB_DN" <<<"$sa" || return 1
	grep -q "Remote id: $2" <<<"$sa" || return 1
	[ "$(ike_ctl -j show crypto ikev2 sa |
	     python3 -c 'import json,sys; s=json.load(sys.stdin)[0]; print(s["auth_sign"], s["auth_verify"])')" = "RSA $3" ] ||
		return 1
	addr=$(ike_ctl -j show crypto session |
		python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["addresses"][0])')
	case $addr in 10.10.0.*) ;; *) echo "no pool address"; return 1 ;; esac
	ip netns exec $NSC ping -c 3 -i 0.2 -W 2 10.200.0.2 || return 1
	ike_swanctl --terminate --ike cl --timeout 20 >/dev/null || return 1
	wait_vas 0
}

# connect_rsa: the RSA client connects; both sides sign with method 14
# (RFC 7427), as both announced SIGNATURE_HASH_ALGORITHMS
connect_rsa() {
	connect client-rsa client-rsa.flexvti.test RSA || return 1
	grep -q "client-rsa.flexvti.test valid, AUTH DIGITAL_SIGNATURE" \
		"$IKE_TMP/flexvtid.log" || return 1
	grep -q "authentication of '$HUB_DN' with RSA_EMSA_PKCS1_SHA2_256 successful" \
		"$IKE_SW_DIR/charon.log"
}

# refused CERT ID COUNTER REASON: the client is refused with
# AUTHENTICATION_FAILED, no interface is made, COUNTER and
# authentication-failed count it, and the hub logs REASON
refused() {
	local failed count out

	failed=$(ike_stat authentication-failed)
	count=$(ike_stat "$3")
	ike_sw_load "$(sw_conn cl "$1" "$2")" || return 1
	out=$(ike_swanctl --initiate --ike cl --child net --timeout 30 2>&1) &&
		{ echo "$out"; echo "connected"; return 1; }
	grep -q "AUTHENTICATION_FAILED" <<<"$out" || { echo "$out"; return 1; }
	[ "$(ike_va_count)" -eq 0 ] || return 1
	grep "not authenticated" "$IKE_TMP/flexvtid.log" | tail -n 1
	grep "not authenticated" "$IKE_TMP/flexvtid.log" | tail -n 1 |
		grep -q "$4" || return 1
	[ "$(ike_stat authentication-failed)" -eq $((failed + 1)) ] &&
		[ "$(ike_stat "$3")" -eq $((count + 1)) ]
}

# check_config: flexvtid -n loads the trustpoint's files, and names the
# trustpoint whose file does not load
check_config() {
	local out

	hub_conf >"$IKE_TMP/good.conf"
	flexvtid -n -f "$IKE_TMP/good.conf" || return 1
	hub_conf "$PKI/missing.pem" >"$IKE_TMP/bad.conf"
	out=$(flexvtid -n -f "$IKE_TMP/bad.conf" 2>&1) && return 1
	echo "$out"
	grep -q "$IKE_TMP/bad.conf: trustpoint TP: cannot open $PKI/missing.pem" \
		<<<"$out"
}

# reload: SIGHUP with a trustpoint file that does not load keeps the old
# configuration and its certificates: the ECDSA client still connects
reload() {
	hub_conf "$PKI/missing.pem" >"$IKE_TMP/flexvtid.conf"
	kill -HUP "$(cat "$IKE_TMP/flexvtid.pid")"
	for _ in $(seq 50); do
		grep -q "keeping the old one" "$IKE_TMP/flexvtid.log" && break
		sleep 0.1
	done
	grep "trustpoint TP: cannot open" "$IKE_TMP/flexvtid.log" || return 1
	grep -q "keeping the old one" "$IKE_TMP/flexvtid.log" || return 1
	connect client-ec client-ec.flexvti.test ECDSA
}

# root_only: SIGHUP to a trustpoint of the root CA alone; the hub's
# CERTREQ no longer names the sub CA, so the RSA client sends its
# certificate with the sub CA's, and the hub builds the chain from them
root_only() {
	local sent

	sent=$(grep -c 'sending issuer cert ".*Sub CA"' "$IKE_SW_DIR/charon.log")
	hub_conf "$PKI/root-ca.pem" >"$IKE_TMP/flexvtid.conf"
	kill -HUP "$(cat "$IKE_TMP/flexvtid.pid")"
	for _ in $(seq 50); do
		grep -q "reloaded" "$IKE_TMP/flexvtid.log" && break
		sleep 0.1
	done
	grep -q "reloaded" "$IKE_TMP/flexvtid.log" || return 1
	connect_rsa || return 1
	[ "$(grep -c 'sending issuer cert ".*Sub CA"' \
	     "$IKE_SW_DIR/charon.log")" -eq $((sent + 1)) ] ||
		{ echo "the client sent no chain"; return 1; }
}

flexvti_require
command -v charon-systemd >/dev/null && command -v swanctl >/dev/null ||
	{ ktap_skip_all "strongSwan (charon-systemd, swanctl) is not installed"; exit "$KSFT_SKIP"; }
command -v openssl >/dev/null ||
	{ ktap_skip_all "openssl is not installed"; exit "$KSFT_SKIP"; }
ktap_print_header
ktap_set_plan 9
flexvti_stage "PKI, namespaces; flexvtid with a trustpoint and charon run" setup
flexvti_stage "flexvtid -n loads the trustpoint's files, names one that does not load" check_config
flexvti_stage "RSA certificate: connected, pool address, ping, disconnect" \
	connect_rsa
flexvti_stage "ECDSA certificate: connected, pool address, ping, disconnect" \
	connect client-ec client-ec.flexvti.test ECDSA
flexvti_stage "revoked certificate: AUTHENTICATION_FAILED, no VA, counted" \
	refused revoked revoked.flexvti.test cert-revoked "certificate revoked"
flexvti_stage "certificate of another CA: AUTHENTICATION_FAILED, no VA, counted" \
	refused other other.flexvti.test cert-untrusted "issuer certificate"
flexvti_stage "identity not in the certificate: AUTHENTICATION_FAILED, no VA, counted" \
	refused client-ec client-rsa.flexvti.test cert-id-mismatch \
	"identity not in the certificate"
flexvti_stage "SIGHUP with a trustpoint file that does not load: old one kept" reload
flexvti_stage "SIGHUP to the root CA alone: RSA certificate chain from the client" \
	root_only
ike_sw_stop
ike_hub_stop
rm -rf "$IKE_TMP"
ktap_finished
