/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * IKEv2 authentication with X.509 certificates and digital signatures:
 * the trust anchors and CRLs of a trustpoint, our own certificate and
 * private key, the certificates a peer sends in CERT payloads (RFC 7296
 * §3.6), their validation, the CERTREQ payload (§3.7), and the AUTH
 * payload's signature over the signed octets of §2.15 with the methods of
 * §3.8: RSA Digital Signature (1), ECDSA with SHA-256/384/512 on
 * P-256/384/521 (9-11, RFC 4754) and Digital Signature (14, RFC 7427).
 *
 * libcrypto does all X.509 and ASN.1 work, and holds the private keys:
 * they never leave its EVP_PKEY objects, are never logged, and are wiped
 * when freed.  Nothing here logs; failures come back as a negative errno
 * and, where a parameter says so, a message for the log.
 *
 * Which AUTH method to use: with a SIGNATURE_HASH_ALGORITHMS notify from
 * the peer (RFC 7427 §4) and a hash in common (cert_hash_choose()), method
 * 14 with that hash; else the key's own method (cert_local_method()).
 *
 * Objects are immutable once built: a store, a local certificate or a
 * peer's certificates may be used by several threads at once.
 */
#ifndef FLEXVTI_CERT_H
#define FLEXVTI_CERT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keymat.h"

/* §3.6 Cert Encoding of a DER X.509 certificate */
#define CERT_ENC_X509_SIG	4

/* §3.7 a CERTREQ's Certification Authority entry: SHA-1 of an SPKI */
#define CERT_CERTREQ_HASH_LEN	20

/* the most certificates accepted from a peer's CERT payloads */
#define CERT_PEER_MAX		8

/* the most AUTH data cert_auth_sign() writes (RSA keys up to 8192 bits) */
#define CERT_AUTH_MAX		1280

/*
 * the security level of certificate validation (OpenSSL's auth_level):
 * 112 bits, so RSA and DSA keys of 2048 bits or more, ECC keys of 224,
 * and no certificate signed with SHA-1 or MD5
 */
#define CERT_AUTH_LEVEL		2

/* RFC 7427 §4 hash algorithm identifiers (IANA "IKEv2 Hash Algorithms") */
enum cert_hash {
	CERT_HASH_NONE		= 0,
	CERT_HASH_SHA1		= 1,	/* not supported */
	CERT_HASH_SHA2_256	= 2,
	CERT_HASH_SHA2_384	= 3,
	CERT_HASH_SHA2_512	= 4,
};

/* bytes of the SIGNATURE_HASH_ALGORITHMS notify data cert_hash_algs() gives */
#define CERT_HASH_ALGS_LEN	6

/**
 * enum cert_key_type - the kind of a certificate's public key
 * @CERT_KEY_UNSUPPORTED: none of the below (DSA, EdDSA, other curves...)
 * @CERT_KEY_RSA: RSA (rsaEncryption)
 * @CERT_KEY_RSA_PSS: RSA restricted to RSASSA-PSS (id-RSASSA-PSS); only
 *	method 14 with RSASSA-PSS verifies with it, and it cannot be ours
 * @CERT_KEY_EC_P256: ECDSA on NIST P-256 (secp256r1)
 * @CERT_KEY_EC_P384: ECDSA on NIST P-384 (secp384r1)
 * @CERT_KEY_EC_P521: ECDSA on NIST P-521 (secp521r1)
 */
enum cert_key_type {
	CERT_KEY_UNSUPPORTED,
	CERT_KEY_RSA,
	CERT_KEY_RSA_PSS,
	CERT_KEY_EC_P256,
	CERT_KEY_EC_P384,
	CERT_KEY_EC_P521,
};

struct cert_store;
struct cert_local;
struct cert_peer;

/**
 * cert_store_load() - load the trust anchors and CRLs of a trustpoint
 * @ca_file: PEM file of one or more CA certificates (a single DER
 *	certificate is accepted too).  Self-signed ones are the trust
 *	anchors, the others intermediates that may complete a peer's chain.
 *	A file without any self-signed certificate makes every certificate
 *	in it a trust anchor (X509_V_FLAG_PARTIAL_CHAIN), as a trustpoint
 *	authenticated with a subordinate CA.  Every certificate must be a CA
 *	for X509_check_ca() (basicConstraints CA:TRUE, keyCertSign, or an old
 *	self-signed v1 root).
 * @crl_file: PEM file of one or more CRLs, or one DER CRL; NULL for none
 * @check_crl: whether cert_peer_verify() requires each certificate of a
 *	chain but the trust anchor to be covered by a valid CRL of its
 *	issuer (X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL): a
 *	missing or expired CRL then fails validation
 * @err: receives a message for the log on failure, e.g. "cannot open
 *	/x/ca.pem: No such file or directory"; may be NULL
 * @errlen: bytes at @err
 *
 * CRL signatures are checked when used, not here.  Certificates are
 * validated at security level %CERT_AUTH_LEVEL.
 *
 * Return: the store, or NULL with a message in @err (missing or
 * unreadable file, no certificate, malformed PEM or DER, a certificate
 * that is not a CA, out of memory).
 */
struct cert_store *cert_store_load(const char *ca_file, const char *crl_file,
				   bool check_crl, char *err, size_t errlen);

/**
 * cert_store_free() - free a store
 * @store: what cert_store_load() gave, or NULL
 */
void cert_store_free(struct cert_store *store);

/**
 * cert_store_certreq() - the data of our CERTREQ payload (§3.7)
 * @store: the trustpoint
 * @out: receives the Certification Authority field: the concatenated
 *	SHA-1 hashes (%CERT_CERTREQ_HASH_LEN bytes each) of the DER
 *	SubjectPublicKeyInfo of each CA certificate of @store, trust anchors
 *	first, then intermediates, each key once; may be NULL with @room 0
 * @room: bytes at @out
 * @len: receives the bytes of the field, also when @room is too small
 *
 * The Cert Encoding of the payload is %CERT_ENC_X509_SIG.
 *
 * Return: 0, -EINVAL, -ENOSPC if @room is less than *@len, -EIO.
 */
int cert_store_certreq(const struct cert_store *store, uint8_t *out,
		       size_t room, size_t *len);

/**
 * cert_local_load() - load our certificate, its chain and private key
 * @cert_file: PEM file: our end-entity certificate first, then the
 *	intermediate CA certificates to send with it (a single DER
 *	certificate is accepted too)
 * @key_file: the private key of the first certificate, PEM (PKCS#8,
 *	PKCS#1 or SEC1) or DER, not encrypted: RSA of at most 8192 bits, or
 *	ECDSA on P-256, P-384 or P-521
 * @err: receives a message for the log on failure; may be NULL
 * @errlen: bytes at @err
 *
 * The key file is read into memory that is wiped once the key is
 * parsed.  Encrypted keys are refused rather than prompted for.
 *
 * Return: the certificate, or NULL with a message in @err (missing or
 * unreadable file, malformed, encrypted or unsupported key, a key that
 * does not match the certificate, more than %CERT_PEER_MAX certificates,
 * out of memory).
 */
struct cert_local *cert_local_load(const char *cert_file,
				   const char *key_file, char *err,
				   size_t errlen);

/**
 * cert_local_free() - free our certificate; libcrypto wipes the key
 * @local: what cert_local_load() gave, or NULL
 */
void cert_local_free(struct cert_local *local);

/**
 * cert_local_count() - the certificates of our chain
 * @local: our certificate
 *
 * Return: 1 for the end-entity certificate, plus the intermediates.
 */
unsigned int cert_local_count(const struct cert_local *local);

/**
 * cert_local_der() - one certificate of our chain, for a CERT payload
 *	(§3.6, Cert Encoding %CERT_ENC_X509_SIG)
 * @local: our certificate
 * @i: 0 for the end-entity certificate, then 1 for the first
 *	intermediate and so on, below cert_local_count()
 * @der: receives the DER certificate, valid as long as @local
 * @len: receives its bytes
 *
 * Return: 0, -EINVAL, or -ENOENT for @i out of range.
 */
int cert_local_der(const struct cert_local *local, unsigned int i,
		   const uint8_t **der, size_t *len);

/**
 * cert_local_subject() - the subject of our certificate as DER, for an
 *	ID payload of type ID_DER_ASN1_DN (§3.5)
 * @local: our certificate
 * @der: receives the DER Name, valid as long as @local
 * @len: receives its bytes
 *
 * Return: 0 or -EINVAL.
 */
int cert_local_subject(const struct cert_local *local, const uint8_t **der,
		       size_t *len);

/**
 * cert_local_key_type() - the kind of our key
 * @local: our certificate
 *
 * Return: %CERT_KEY_RSA, %CERT_KEY_EC_P256, %CERT_KEY_EC_P384 or
 * %CERT_KEY_EC_P521 (%CERT_KEY_UNSUPPORTED for a NULL @local).
 */
enum cert_key_type cert_local_key_type(const struct cert_local *local);

/**
 * cert_local_method() - the AUTH method of our key without RFC 7427
 * @local: our certificate
 *
 * Return: IKEV2_AUTH_RSA_SIG for RSA, IKEV2_AUTH_ECDSA_256/384/521 for
 * ECDSA on P-256/384/521, 0 for a NULL @local.
 */
uint8_t cert_local_method(const struct cert_local *local);

/**
 * cert_local_id_match() - whether our certificate backs an identity
 * @local: our certificate
 * @id_type: the ID Type, as cert_peer_id_match()
 * @data: the identification data
 * @len: bytes at @data
 *
 * For a check of the configured local identity at load time.
 *
 * Return: as cert_peer_id_match().
 */
bool cert_local_id_match(const struct cert_local *local, uint8_t id_type,
			 const uint8_t *data, size_t len);

/**
 * cert_peer_new() - take the certificates of a peer's CERT payloads
 * @der: the Certificate Data of each CERT payload of encoding
 *	%CERT_ENC_X509_SIG, in the order received: the end-entity
 *	certificate first (§3.6), then intermediates in any order
 * @len: the bytes of each @der
 * @n: the number of certificates, 1 to %CERT_PEER_MAX
 * @err: receives a message for the log on failure; may be NULL
 * @errlen: bytes at @err
 *
 * Each certificate must be exactly one well-formed DER certificate;
 * nothing in it is trusted before cert_peer_verify().
 *
 * Return: the certificates, or NULL with a message in @err (no or too
 * many certificates, malformed DER, trailing bytes, an end-entity key
 * libcrypto cannot decode, out of memory).
 */
struct cert_peer *cert_peer_new(const uint8_t *const *der, const size_t *len,
				unsigned int n, char *err, size_t errlen);

/**
 * cert_peer_free() - free a peer's certificates
 * @peer: what cert_peer_new() gave, or NULL
 */
void cert_peer_free(struct cert_peer *peer);

/**
 * cert_peer_verify() - validate a peer's certificate (RFC 5280 §6 path
 *	validation, by X509_verify_cert())
 * @store: the trustpoint
 * @peer: the peer's certificates
 * @why: receives the reason of a failure for the log: libcrypto's text
 *	and the certificate concerned, e.g. "certificate revoked (depth 0:
 *	C=CH, O=flexvti test, CN=revoked.flexvti.test)"; may be NULL
 * @whylen: bytes at @why
 *
 * The chain is built from the end-entity certificate to a trust anchor of
 * @store with the intermediates of both @store and @peer, at the current
 * time, at security level %CERT_AUTH_LEVEL, with CRLs if @store was
 * loaded with check_crl.  No extended key usage is required (RFC 4945
 * §5.1.3.12).
 *
 * Return: 0 if the certificate is valid, or
 *	-EKEYREJECTED: a certificate of the chain is revoked;
 *	-EKEYEXPIRED: a certificate is expired or not yet valid;
 *	-ENODATA: check_crl, and a CRL is missing, expired, not yet valid or
 *	not verifiable, so the revocation status is unknown;
 *	-EBADMSG: a certificate's signature is wrong or cannot be decoded;
 *	-EACCES: no chain to a trust anchor (unknown issuer, self-signed,
 *	untrusted root), or the chain is not acceptable (not a CA, path
 *	length, key or digest too weak for %CERT_AUTH_LEVEL...);
 *	-EINVAL: a NULL argument; -ENOMEM or -EIO: libcrypto failed.
 */
int cert_peer_verify(const struct cert_store *store,
		     const struct cert_peer *peer, char *why, size_t whylen);

/**
 * cert_peer_id_match() - whether a peer's certificate backs its identity
 *	(RFC 7296 §3.5, RFC 4945 §3.1)
 * @peer: the peer's certificates (the end-entity certificate is used)
 * @id_type: the ID Type of the IDi/IDr payload
 * @data: its Identification Data
 * @len: bytes at @data
 *
 * ID_DER_ASN1_DN: @data, a DER Name, equals the subject (X509_NAME_cmp(),
 * which compares canonical forms: case and spaces of strings do not
 * matter).  ID_FQDN: equals a dNSName subjectAltName, ignoring ASCII case;
 * no wildcards, and the subject's CN is never used.  ID_RFC822_ADDR:
 * equals an rfc822Name subjectAltName, ignoring ASCII case.  ID_IPV4_ADDR
 * (4 bytes) and ID_IPV6_ADDR (16 bytes): equal an iPAddress
 * subjectAltName.  Other types (ID_KEY_ID, ID_DER_ASN1_GN) never match.
 *
 * Return: true if the certificate backs the identity.
 */
bool cert_peer_id_match(const struct cert_peer *peer, uint8_t id_type,
			const uint8_t *data, size_t len);

/**
 * cert_peer_key_type() - the kind of the key of a peer's certificate
 * @peer: the peer's certificates
 *
 * Return: the type; %CERT_KEY_UNSUPPORTED for other keys or a NULL @peer.
 */
enum cert_key_type cert_peer_key_type(const struct cert_peer *peer);

/**
 * cert_peer_subject() - the subject of a peer's certificate, for the log
 * @peer: the peer's certificates
 * @buf: receives the subject with RFC 2253 escaping (control and
 *	non-ASCII bytes escaped too), its RDNs in the certificate's order:
 *	"C=CH, O=flexvti test, CN=x"; truncated to fit
 * @len: bytes at @buf
 *
 * Return: @buf.
 */
const char *cert_peer_subject(const struct cert_peer *peer, char *buf,
			      size_t len);

/**
 * cert_hash_algs() - the data of our SIGNATURE_HASH_ALGORITHMS notify
 *	(RFC 7427 §4)
 * @out: receives the 16-bit hash identifiers we support in method 14, in
 *	network order: SHA2-256 (2), SHA2-384 (3), SHA2-512 (4)
 * @room: bytes at @out, at least %CERT_HASH_ALGS_LEN
 *
 * Return: the bytes written (%CERT_HASH_ALGS_LEN), -EINVAL or -ENOSPC.
 */
int cert_hash_algs(uint8_t *out, size_t room);

/**
 * cert_hash_supported() - whether we sign and verify method 14 with a hash
 * @hash: an RFC 7427 hash identifier
 *
 * Return: true for SHA2-256, SHA2-384 and SHA2-512.
 */
bool cert_hash_supported(uint16_t hash);

/**
 * cert_hash_choose() - the hash to sign with in method 14 (RFC 7427 §4)
 * @local: our certificate, or NULL for no preference of key
 * @data: the data of the peer's SIGNATURE_HASH_ALGORITHMS notify: 16-bit
 *	hash identifiers in network order
 * @len: bytes at @data
 *
 * Prefers the hash of our curve for ECDSA keys (SHA2-256 for P-256,
 * SHA2-384 for P-384, SHA2-512 for P-521), else SHA2-256, SHA2-384 and
 * SHA2-512 in this order, among the ones the peer lists.  Unknown
 * identifiers are skipped; an odd last byte is ignored.
 *
 * Return: the hash identifier, or %CERT_HASH_NONE when none is in common
 * (then sign with cert_local_method() instead).
 */
uint16_t cert_hash_choose(const struct cert_local *local, const uint8_t *data,
			  size_t len);

/**
 * cert_auth_sign() - compute the Authentication Data of an AUTH payload
 *	with our private key (§2.15, §3.8)
 * @local: our certificate and key
 * @method: the Auth Method: IKEV2_AUTH_RSA_SIG (RSA key: RSASSA-PKCS1-v1_5
 *	with SHA-1), IKEV2_AUTH_ECDSA_256/384/521 (RFC 4754: ECDSA with
 *	SHA-256/384/512, key on the method's curve, signature r | s of
 *	fixed width) or IKEV2_AUTH_DIGITAL_SIGNATURE (RFC 7427 §3)
 * @hash: for method 14, the hash to use (from cert_hash_choose()), or
 *	%CERT_HASH_NONE for the key's default: SHA2-256 for RSA, the curve's
 *	hash for ECDSA; ignored by the other methods
 * @octets: the signed octets, from keymat_signed_octets()
 * @out: receives the Authentication Data.  Method 14 writes the length
 *	of the AlgorithmIdentifier (1 byte), the DER AlgorithmIdentifier and
 *	the signature: sha256/384/512WithRSAEncryption (RSASSA-PKCS1-v1_5,
 *	NULL parameters) for RSA keys, ecdsa-with-SHA256/384/512 (DER
 *	ECDSA-Sig-Value, no parameters) for ECDSA keys.
 * @out_len: the bytes at @out on entry (%CERT_AUTH_MAX suffices), the
 *	bytes written on return
 *
 * ECDSA signatures are randomized: two calls give different data.
 *
 * Return: 0; -EINVAL for a NULL argument; -EOPNOTSUPP for a method
 * unknown or not usable with our key (e.g. method 9 with an RSA or P-384
 * key), or an unsupported @hash; -ENOSPC if *@out_len is too small; -EIO
 * if libcrypto fails.
 */
int cert_auth_sign(const struct cert_local *local, uint8_t method,
		   uint16_t hash, const struct keymat_signed *octets,
		   uint8_t *out, size_t *out_len);

/**
 * cert_auth_verify() - check the Authentication Data of a peer's AUTH
 *	payload (§2.15, §3.8)
 * @peer: the peer's certificates, already validated by cert_peer_verify()
 *	and matched with the peer's identity by cert_peer_id_match()
 * @method: the Auth Method of the payload
 * @auth: its Authentication Data
 * @auth_len: bytes at @auth
 * @octets: the signed octets the peer must have signed, from
 *	keymat_signed_octets()
 *
 * Methods: 1 (RSA key, RSASSA-PKCS1-v1_5 with SHA-1); 9, 10 and 11 (key on
 * P-256, P-384 or P-521 respectively, r | s of 32, 48 or 66 bytes each);
 * 14 (RFC 7427 §3) with one of the AlgorithmIdentifiers:
 * sha256/384/512WithRSAEncryption (absent or NULL parameters) and
 * RSASSA-PSS for an RSA or RSA-PSS key; ecdsa-with-SHA256/384/512
 * (absent or NULL parameters, DER signature) for an ECDSA key on any
 * curve libcrypto knows.  RSASSA-PSS parameters (RFC 4055 §3.1) must
 * name SHA-256, SHA-384 or SHA-512 as hash and as MGF1 hash (the SHA-1
 * defaults are refused), a salt length of up to 1024 bytes (the
 * signature must use exactly that length) and a trailer field of 1: this
 * covers what strongSwan sends (hash and MGF1 hash the same, salt length
 * the hash's) and the examples of RFC 7427 Appendix A.
 *
 * Return: 0 if the signature is valid; -EBADMSG if it is not, or the
 * data is malformed (an AlgorithmIdentifier that is not DER of the
 * length given, r | s of the wrong length...); -EOPNOTSUPP for a method
 * or AlgorithmIdentifier we do not support or that does not match the
 * peer's key (sha256WithRSAEncryption with an ECDSA key, method 9 with a
 * P-384 key...); -EINVAL for a NULL argument; -ENOMEM or -EIO if
 * libcrypto fails.
 */
int cert_auth_verify(const struct cert_peer *peer, uint8_t method,
		     const uint8_t *auth, size_t auth_len,
		     const struct keymat_signed *octets);

#endif /* FLEXVTI_CERT_H */
