#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Generate the test PKI of flexvti's certificate tests with the openssl CLI:
#   gen.sh DIR
# DIR is created if needed; files already in it are overwritten.  Keys are
# new on every run; names, subjects, serial numbers and extensions are
# always the same.  Used by user/tests/test_cert.c (into a mkdtemp
# directory) and by the guest tests.
#
# Outputs in DIR (PEM unless said otherwise; every NAME.key is an
# unencrypted PKCS#8 private key, mode 600):
#
#   root-ca.pem/.key  RSA 2048, self-signed, 10 years:
#                     C=CH, O=flexvti test, CN=flexvti test Root CA
#   sub-ca.pem/.key   RSA 2048, intermediate CA signed by the root
#                     (pathlen 0): C=CH, O=flexvti test, CN=flexvti test Sub CA
#   ca.pem            root-ca.pem then sub-ca.pem (a trustpoint with its
#                     intermediate)
#   crl.pem           two CRLs: the root's (empty) and the sub CA's
#                     (revoking revoked.pem), valid 365 days, enough for
#                     X509_V_FLAG_CRL_CHECK_ALL
#   crl-sub.der       the sub CA's CRL alone, in DER
#   other-ca.pem/.key ECDSA P-256, self-signed, another (untrusted) root:
#                     C=CH, O=flexvti other, CN=flexvti test Other CA
#
# End entities, each as NAME.pem (the certificate), NAME.key and
# NAME-chain.pem (the certificate then its issuing CA's), issued by the
# sub CA unless said otherwise, subject C=CH, O=flexvti test, CN=<the DNS
# name>, 825 days, keyUsage digitalSignature:
#
#   client-rsa   RSA 2048; SAN DNS:client-rsa.flexvti.test,
#                email:rsa@flexvti.test, IP:10.99.0.20, IP:fd00:99::20
#   client-ec    ECDSA P-256; SAN DNS:client-ec.flexvti.test
#   client-p384  ECDSA P-384; SAN DNS:client-p384.flexvti.test
#   client-p521  ECDSA P-521; SAN DNS:client-p521.flexvti.test
#   revoked      ECDSA P-256; SAN DNS:revoked.flexvti.test; revoked in
#                crl.pem (keyCompromise)
#   expired      ECDSA P-256; SAN DNS:expired.flexvti.test; valid from
#                2020-01-01 to 2021-01-01 only
#   other        ECDSA P-256, issued by other-ca; SAN DNS:other.flexvti.test
#   hub          RSA 2048, the headend; SAN DNS:hub.flexvti.test
#
# Clients carry extendedKeyUsage clientAuth and id-kp-ipsecIKE, the hub
# serverAuth and id-kp-ipsecIKE (what Windows and macOS clients expect).
# The working files of "openssl ca" stay in DIR/ca/.
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 DIR" >&2
	exit 2
fi
mkdir -p "$1"
dir=$(cd "$1" && pwd)
umask 077

ossl() {
	openssl "$@" 2>"$dir/ca/last.err" || {
		cat "$dir/ca/last.err" >&2
		echo "gen.sh: openssl $1 failed" >&2
		exit 1
	}
}

# genkey NAME rsa|P-256|P-384|P-521
genkey() {
	case $2 in
	rsa)
		ossl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 \
			-out "$dir/$1.key" ;;
	*)
		ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:"$2" \
			-pkeyopt ec_param_enc:named_curve -out "$dir/$1.key" ;;
	esac
}

# caconf NAME SERIAL: the "openssl ca" configuration of CA NAME
caconf() {
	mkdir -p "$dir/ca/$1"
	: >"$dir/ca/$1/index.txt"
	echo "unique_subject = no" >"$dir/ca/$1/index.txt.attr"
	echo "$2" >"$dir/ca/$1/serial"
	echo 01 >"$dir/ca/$1/crlnumber"
	cat >"$dir/ca/$1.cnf" <<EOF
[ ca ]
default_ca = this_ca

[ this_ca ]
dir = $dir/ca/$1
database = \$dir/index.txt
serial = \$dir/serial
crlnumber = \$dir/crlnumber
new_certs_dir = \$dir
certificate = $dir/$1.pem
private_key = $dir/$1.key
default_md = sha256
default_days = 825
default_crl_days = 365
policy = policy_any
preserve = yes
copy_extensions = none
crl_extensions = crl_ext

[ policy_any ]
countryName = optional
organizationName = optional
commonName = supplied

[ crl_ext ]
authorityKeyIdentifier = keyid:always
EOF
}

# extfile NAME SECTION-BODY: the extensions of one certificate
extfile() {
	printf '[ req ]\ndistinguished_name = dn\n[ dn ]\n[ x ]\n%s\n' \
		"$2" >"$dir/ca/$1.ext"
}

# issue CA NAME SUBJECT [ca options...]: sign NAME's key by CA
issue() {
	ca=$1 name=$2 subj=$3
	shift 3
	ossl req -new -key "$dir/$name.key" -subj "$subj" \
		-out "$dir/ca/$name.csr"
	ossl ca -batch -notext -config "$dir/ca/$ca.cnf" \
		-extfile "$dir/ca/$name.ext" -extensions x \
		-in "$dir/ca/$name.csr" -out "$dir/$name.pem" "$@"
	cat "$dir/$name.pem" "$dir/$ca.pem" >"$dir/$name-chain.pem"
}

ca_ext='basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always'
ee_ext='basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always'
client_eku='extendedKeyUsage = clientAuth, 1.3.6.1.5.5.7.3.17'

# leaf CA NAME KEYTYPE SAN EKU [ca options...]
leaf() {
	ca=$1 name=$2 type=$3 san=$4 eku=$5
	shift 5
	genkey "$name" "$type"
	extfile "$name" "$ee_ext
$eku
subjectAltName = $san"
	issue "$ca" "$name" "/C=CH/O=flexvti test/CN=$name.flexvti.test" "$@"
}

mkdir -p "$dir/ca"

# the root CA and its configuration
genkey root-ca rsa
extfile root-ca "$ca_ext"
ossl req -new -x509 -key "$dir/root-ca.key" -days 3650 -sha256 \
	-subj "/C=CH/O=flexvti test/CN=flexvti test Root CA" \
	-set_serial 1 -config "$dir/ca/root-ca.ext" -extensions x \
	-out "$dir/root-ca.pem"
caconf root-ca 02

# the intermediate CA
genkey sub-ca rsa
extfile sub-ca "$ca_ext
basicConstraints = critical, CA:TRUE, pathlen:0"
ossl req -new -key "$dir/sub-ca.key" \
	-subj "/C=CH/O=flexvti test/CN=flexvti test Sub CA" \
	-out "$dir/ca/sub-ca.csr"
ossl ca -batch -notext -config "$dir/ca/root-ca.cnf" \
	-extfile "$dir/ca/sub-ca.ext" -extensions x -days 3650 \
	-in "$dir/ca/sub-ca.csr" -out "$dir/sub-ca.pem"
caconf sub-ca 1001
cat "$dir/root-ca.pem" "$dir/sub-ca.pem" >"$dir/ca.pem"

# the other, untrusted root
genkey other-ca P-256
extfile other-ca "$ca_ext"
ossl req -new -x509 -key "$dir/other-ca.key" -days 3650 -sha256 \
	-subj "/C=CH/O=flexvti other/CN=flexvti test Other CA" \
	-set_serial 1 -config "$dir/ca/other-ca.ext" -extensions x \
	-out "$dir/other-ca.pem"
caconf other-ca 2001

leaf sub-ca client-rsa rsa "DNS:client-rsa.flexvti.test, \
email:rsa@flexvti.test, IP:10.99.0.20, IP:fd00:99::20" "$client_eku"
leaf sub-ca client-ec P-256 DNS:client-ec.flexvti.test "$client_eku"
leaf sub-ca client-p384 P-384 DNS:client-p384.flexvti.test "$client_eku"
leaf sub-ca client-p521 P-521 DNS:client-p521.flexvti.test "$client_eku"
leaf sub-ca revoked P-256 DNS:revoked.flexvti.test "$client_eku"
leaf sub-ca expired P-256 DNS:expired.flexvti.test "$client_eku" \
	-startdate 20200101000000Z -enddate 20210101000000Z
leaf other-ca other P-256 DNS:other.flexvti.test "$client_eku"
leaf sub-ca hub rsa DNS:hub.flexvti.test \
	"extendedKeyUsage = serverAuth, 1.3.6.1.5.5.7.3.17"

# revocation, and the CRLs of both CAs of the trusted hierarchy
ossl ca -config "$dir/ca/sub-ca.cnf" -revoke "$dir/revoked.pem" \
	-crl_reason keyCompromise
ossl ca -gencrl -config "$dir/ca/root-ca.cnf" -out "$dir/ca/root-ca.crl"
ossl ca -gencrl -config "$dir/ca/sub-ca.cnf" -out "$dir/ca/sub-ca.crl"
cat "$dir/ca/root-ca.crl" "$dir/ca/sub-ca.crl" >"$dir/crl.pem"
ossl crl -in "$dir/ca/sub-ca.crl" -outform DER -out "$dir/crl-sub.der"

chmod 644 "$dir"/*.pem "$dir"/*.der
