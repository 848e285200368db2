#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# EAP pass-through of flexvtid's IKE_AUTH to FreeRADIUS (RFC 7296 §2.16,
# RFC 3579): the hub proves itself with its certificate (the test PKI of
# gen.sh) and relays EAP to the server of "aaa authentication eap LIST".
# strongSwan clients authenticate with EAP-MD5 (no MSK: AUTH with the
# SK_p keys) and EAP-MSCHAPv2 (the MSK from the MS-MPPE keys), get a
# pool address and ping a host behind the hub; the Access-Requests carry
# User-Name (the EAP identity), Service-Type Login, Calling-Station-Id,
# EAP-Message and Message-Authenticator.  A wrong password is refused
# (EAP-Failure, AUTHENTICATION_FAILED, no VA); an address identity is
# refused without "query-identity" and works with it, the EAP identity
# then coming from the EAP-Response/Identity.
#
#   fvt-lan  FreeRADIUS on 10.200.0.2

source "$(dirname "$(readlink -f "$0")")/lib.sh"
source "$(dirname "$(readlink -f "$0")")/ike_lib.sh"
source "$(dirname "$(readlink -f "$0")")/radius_lib.sh"

PKI=$IKE_TMP/pki
RAD=$IKE_TMP/rad
HUB_DN="C=CH, O=flexvti test, CN=hub.flexvti.test"
IKE_SW_PLUGINS="eap-identity eap-md5 eap-mschapv2"

# hub_conf [query-identity]: the headend
hub_conf() {
	cat <<-EOT
	aaa new-model
	radius server rad
	 address ipv4 10.200.0.2
	 key flexvti-radius-secret
	 timeout 2
	 retransmit 1
	aaa group server radius radg
	 server name rad
	aaa authentication login eap-list group radg
	aaa authorization network ra-list local
	ip local pool ra-pool 10.10.0.10 10.10.0.250
	crypto ikev2 authorization policy ra-authz
	 pool ra-pool
	 route set remote ipv4 10.200.0.0 255.255.255.0
	crypto pki trustpoint TP
	 ca-certificate $PKI/ca.pem
	 certificate $PKI/hub-chain.pem
	 private-key $PKI/hub.key
	crypto ikev2 proposal ra-prop
	 encryption aes-gcm-256
	 prf sha256
	 group 19
	crypto ikev2 policy ra-policy
	 proposal ra-prop
	crypto ikev2 profile ra
	 match identity remote email domain example.com
	 match identity remote address 10.99.0.0 255.255.255.0
	 authentication local rsa-sig
	 authentication remote eap $1 timeout 20
	 pki trustpoint TP
	 aaa authentication eap eap-list
	 aaa authorization group eap list ra-list ra-authz
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

USERS='alice@example.com	Cleartext-Password := "alice-pw"

bob@example.com	Cleartext-Password := "bob-pw"

carol@example.com	Cleartext-Password := "carol-pw"
'

# sw_conn NAME METHOD ID EAP-ID: a client from 10.99.0.10
sw_conn() {
	cat <<-EOT
	connections {
		$1 {
			local_addrs = 10.99.0.10
			remote_addrs = 10.99.0.1
			vips = 0.0.0.0
			proposals = aes256gcm16-prfsha256-ecp256
			local { auth = $2
				id = $3
				eap_id = $4 }
			remote { auth = pubkey
				id = "$HUB_DN" }
			children { net { remote_ts = 10.200.0.0/24
					esp_proposals = aes256gcm16 } }
		}
	}
	secrets {
		eap-a { id = alice@example.com
			secret = alice-pw }
		eap-b { id = bob@example.com
			secret = bob-pw }
		eap-c { id = carol@example.com
			secret = not-carol-pw }
	}
	EOT
}

setup() {
	sh "$IKE_DIR/gen.sh" "$PKI" >/dev/null || return 1
	ike_topology || return 1
	radius_conf "$RAD" || return 1
	printf '%s\n' "$USERS" >>"$RAD/users"
	radius_start $NSL "$RAD" && ike_hub_start "$(hub_conf)" &&
		ike_sw_start || return 1
	cp "$PKI/root-ca.pem" "$IKE_SW_DIR/x509ca/"
}

wait_vas() {
	for _ in $(seq 100); do
		[ "$(ike_va_count)" -eq "$1" ] && return 0
		sleep 0.1
	done
	echo "expected $1 virtual-access interfaces, have $(ike_va_count)"
	return 1
}

# connect METHOD ID EAP-ID: up, an address of the pool, a ping, down
connect() {
	local addr

	ike_sw_load "$(sw_conn cl "$1" "$2" "$3")" || return 1
	ike_swanctl --initiate --ike cl --child net --timeout 30 \
		>"$IKE_TMP/cl.out" 2>&1 || {
		cat "$IKE_TMP/cl.out"; tail -n 30 "$IKE_TMP/flexvtid.log"
		return 1; }
	wait_vas 1 || return 1
	addr=$(ike_ctl -j show crypto session |
		python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["addresses"][0])')
	echo "$1 $2: $addr"
	case $addr in 10.10.0.*) ;; *) echo "no pool address"; return 1 ;; esac
	ip netns exec $NSC ping -c 2 -i 0.2 -W 2 10.200.0.2 || return 1
	ike_swanctl --terminate --ike cl --timeout 20 >/dev/null
	wait_vas 0
}

# the Access-Requests' values of ATTR
req_attr() {
	radius_records "$RAD/auth-detail" "" "$1"
}

md5() {
	connect eap-md5 alice@example.com alice@example.com || return 1
	grep -q "EAP of alice@example.com succeeded (no MSK" \
		"$IKE_TMP/flexvtid.log" || return 1
	req_attr "" | sort -u
	req_attr User-Name | grep -qx alice@example.com &&
		req_attr Service-Type | grep -qx Login-User &&
		req_attr Calling-Station-Id | grep -qx 10.99.0.10 &&
		req_attr NAS-IP-Address | grep -qx 10.99.0.1 &&
		[ -n "$(req_attr EAP-Message)" ] &&
		[ -n "$(req_attr Message-Authenticator)" ]
}

mschapv2() {
	connect eap-mschapv2 bob@example.com bob@example.com || return 1
	grep -q "EAP of bob@example.com succeeded (MSK)" \
		"$IKE_TMP/flexvtid.log"
}

# refused METHOD ID EAP-ID: AUTHENTICATION_FAILED, no VA
refused() {
	local before

	before=$(ike_stat authentication-failed)
	ike_sw_load "$(sw_conn cl "$1" "$2" "$3")" || return 1
	if ike_swanctl --initiate --ike cl --child net --timeout 30 \
		>"$IKE_TMP/cl.out" 2>&1; then
		echo "$2 connected"
		return 1
	fi
	grep -E "AUTHENTICATION_FAILED|EAP_FAILURE" "$IKE_TMP/cl.out" ||
		{ cat "$IKE_TMP/cl.out"; return 1; }
	[ "$(ike_va_count)" -eq 0 ] &&
		[ "$(ike_stat authentication-failed)" -gt "$before" ]
}

wrong_password() {
	refused eap-md5 carol@example.com carol@example.com || return 1
	echo "eap-failed: $(ike_stat eap-failed)"
	[ "$(ike_stat eap-failed)" -ge 1 ]
}

address_id_refused() {
	refused eap-md5 10.99.0.10 alice@example.com &&
		grep -q "an address is no EAP identity" "$IKE_TMP/flexvtid.log"
}

query_identity() {
	ike_fvt_reload flexvtid "$(hub_conf query-identity)" || return 1
	connect eap-mschapv2 10.99.0.10 bob@example.com || return 1
	grep -q "EAP of bob@example.com succeeded (MSK)" \
		"$IKE_TMP/flexvtid.log" || return 1
	connect eap-md5 alice@example.com alice@example.com
}

flexvti_require
command -v charon-systemd >/dev/null && command -v swanctl >/dev/null ||
	{ ktap_skip_all "strongSwan (charon-systemd, swanctl) is not installed"; exit "$KSFT_SKIP"; }
[ -e /usr/lib/ipsec/plugins/libstrongswan-eap-mschapv2.so ] ||
	{ ktap_skip_all "strongSwan's eap-mschapv2 plugin is not installed"; exit "$KSFT_SKIP"; }
command -v freeradius >/dev/null ||
	{ ktap_skip_all "FreeRADIUS is not installed"; exit "$KSFT_SKIP"; }
ktap_print_header
ktap_set_plan 6
flexvti_stage "headend with a certificate, FreeRADIUS with EAP, strongSwan" setup
flexvti_stage "EAP-MD5: up with the SK_p keys, ping; Access-Request attributes" md5
flexvti_stage "EAP-MSCHAPv2: up with the MSK, ping" mschapv2
flexvti_stage "wrong password: EAP-Failure, AUTHENTICATION_FAILED, no VA" wrong_password
flexvti_stage "address identity without query-identity: refused" address_id_refused
flexvti_stage "query-identity: the EAP identity from EAP-Response/Identity" query_identity
ike_sw_stop
ike_hub_stop
radius_cleanup
rm -rf "$IKE_TMP"
ktap_finished
