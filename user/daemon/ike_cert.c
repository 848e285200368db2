// SPDX-License-Identifier: GPL-2.0-only
/*
 * Certificate authentication, responder side (RFC 7296 §2.15, §3.5-§3.8;
 * RFC 7427 digital signatures; RFC 4754 ECDSA): what IKE_SA_INIT
 * announces (CERTREQ of the CAs we trust, SIGNATURE_HASH_ALGORITHMS),
 * the initiator's certificate chain, identity and signature in IKE_AUTH,
 * and our own CERT payloads, ID_DER_ASN1_DN identity and signature.
 *
 * The X.509 and signature work is lib/cert.c's; the trustpoints' files
 * are pki.c's.  Private keys stay inside libcrypto; nothing secret is
 * logged.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/x509.h>

#include "../lib/cert.h"
#include "../lib/cfg.h"
#include "../lib/keymat.h"
#include "ike.h"
#include "log.h"
#include "pki.h"
#include "stats.h"

#define IKE_CERT_SIG	(CFG_AUTH_BIT(CFG_AUTH_RSA_SIG) | \
			 CFG_AUTH_BIT(CFG_AUTH_ECDSA_SIG))

/* as cert_peer_subject() prints names: "C=CH, O=flexvti test, CN=x" */
#define IKE_CERT_DN_FLAGS	(XN_FLAG_SEP_CPLUS_SPC | XN_FLAG_FN_SN | \
				 ASN1_STRFLGS_RFC2253)

/**
 * ike_cert_put_init - the certificate payloads of our IKE_SA_INIT
 *	response: CERTREQ (RFC 7296 §3.7) with the CA key hashes of the
 *	trustpoints our profiles verify with, and SIGNATURE_HASH_ALGORITHMS
 *	(RFC 7427 §4)
 * @w: the response being built
 *
 * Nothing is put when no profile uses certificates.
 */
void ike_cert_put_init(struct ikev2_writer *w)
{
	uint8_t algs[CERT_HASH_ALGS_LEN];
	const uint8_t *certreq;
	size_t len;
	int n;

	if (!pki_in_use())
		return;
	certreq = pki_certreq(&len);
	if (certreq)
		ikev2_put_cert(w, IKEV2_PL_CERTREQ, CERT_ENC_X509_SIG, certreq,
			       len);
	n = cert_hash_algs(algs, sizeof(algs));
	if (n > 0)
		ikev2_put_notify(w, 0, NULL, 0,
				 IKEV2_N_SIGNATURE_HASH_ALGORITHMS, algs, n);
}

/**
 * ike_cert_method - whether an AUTH method is a signature we verify
 * @method: the Auth Method of an AUTH payload (§3.8)
 *
 * Return: true for RSA Digital Signature (1), ECDSA with SHA-256/384/512
 * (9-11, RFC 4754) and Digital Signature (14, RFC 7427).
 */
bool ike_cert_method(uint8_t method)
{
	switch (method) {
	case IKEV2_AUTH_RSA_SIG:
	case IKEV2_AUTH_ECDSA_256:
	case IKEV2_AUTH_ECDSA_384:
	case IKEV2_AUTH_ECDSA_521:
	case IKEV2_AUTH_DIGITAL_SIGNATURE:
		return true;
	}
	return false;
}

static const char *ike_cert_dn_print(const uint8_t *der, size_t len,
				     unsigned long flags, char *buf,
				     size_t buflen)
{
	const unsigned char *p = der;
	X509_NAME *name;
	BIO *bio = NULL;
	int n = -1;

	if (!buflen || len > LONG_MAX)
		return NULL;
	name = d2i_X509_NAME(NULL, &p, len);
	if (name && p == der + len)
		bio = BIO_new(BIO_s_mem());
	if (bio && X509_NAME_print_ex(bio, name, 0, flags) >= 0)
		n = BIO_read(bio, buf, buflen - 1);
	BIO_free(bio);
	X509_NAME_free(name);
	if (n < 0)
		return NULL;
	buf[n] = '\0';
	return buf;
}

/**
 * ike_cert_dn_str - a DER Distinguished Name as text
 * @der: the DER Name (the data of an ID_DER_ASN1_DN identity)
 * @len: bytes at @der
 * @buf: receives the name with RFC 2253 escaping, in the order of @der:
 *	"C=CH, O=flexvti test, CN=x"; truncated to fit
 * @buflen: bytes at @buf
 *
 * Return: @buf, or NULL when @der is not exactly one DER Name.
 */
const char *ike_cert_dn_str(const uint8_t *der, size_t len, char *buf,
			    size_t buflen)
{
	return ike_cert_dn_print(der, len, IKE_CERT_DN_FLAGS, buf, buflen);
}

/**
 * ike_cert_dn_rfc4514 - a DER Distinguished Name as an RFC 4514 string,
 *	as name manglers read it: last RDN first, "CN=x,O=flexvti test,C=CH"
 * @der: the DER Name
 * @len: bytes at @der
 * @buf: receives the string; truncated to fit
 * @buflen: bytes at @buf
 *
 * Return: @buf, or NULL when @der is not exactly one DER Name.
 */
const char *ike_cert_dn_rfc4514(const uint8_t *der, size_t len, char *buf,
				size_t buflen)
{
	return ike_cert_dn_print(der, len, XN_FLAG_RFC2253, buf, buflen);
}

/* the peer's certificates: every CERT payload, X.509 signature only */
static struct cert_peer *ike_cert_peer(const struct ikev2_msg *req,
				       char *why, size_t len)
{
	const uint8_t *der[CERT_PEER_MAX];
	size_t der_len[CERT_PEER_MAX];
	char err[128] = "";
	struct cert_peer *peer;
	unsigned int i;

	if (!req->ncert) {
		snprintf(why, len, "no certificate (CERT payload)");
		return NULL;
	}
	if (req->ncert > CERT_PEER_MAX) {
		snprintf(why, len, "%u certificates, more than %u",
			 req->ncert, CERT_PEER_MAX);
		return NULL;
	}
	for (i = 0; i < req->ncert; i++) {
		if (req->cert[i].encoding != CERT_ENC_X509_SIG) {
			snprintf(why, len, "certificate encoding %u is not "
				 "supported", req->cert[i].encoding);
			return NULL;
		}
		der[i] = req->cert[i].data.data;
		der_len[i] = req->cert[i].data.len;
	}
	peer = cert_peer_new(der, der_len, req->ncert, err, sizeof(err));
	if (!peer)
		snprintf(why, len, "certificate: %s", err);
	return peer;
}

/* the profile's method that a key of this type signs with */
static enum cfg_auth ike_cert_kind(enum cert_key_type type)
{
	switch (type) {
	case CERT_KEY_RSA:
	case CERT_KEY_RSA_PSS:
		return CFG_AUTH_RSA_SIG;
	case CERT_KEY_EC_P256:
	case CERT_KEY_EC_P384:
	case CERT_KEY_EC_P521:
		return CFG_AUTH_ECDSA_SIG;
	default:
		return CFG_AUTH_NONE;
	}
}

/* §2.15: the initiator signed its IKE_SA_INIT request, Nr and prf(SK_pi,
 * IDi) */
static int ike_cert_auth_check(const struct ike_sa *sa,
			       const struct ikev2_msg *req,
			       const struct cert_peer *peer)
{
	struct keymat_signed so;
	int ret;

	ret = keymat_signed_octets(sa->prf, sa->sk_pi, sa->init_req,
				   sa->init_req_len, sa->nr, sa->nr_len,
				   req->idi.body.data, req->idi.body.len, &so);
	if (!ret)
		ret = cert_auth_verify(peer, req->auth.method,
				       req->auth.data.data, req->auth.data.len,
				       &so);
	keymat_wipe(&so, sizeof(so));
	return ret;
}

static void ike_cert_count(int err)
{
	switch (err) {
	case -EKEYREJECTED:
		stats_inc(STAT_CERT_REVOKED);
		break;
	case -EKEYEXPIRED:
		stats_inc(STAT_CERT_EXPIRED);
		break;
	default:
		stats_inc(STAT_CERT_UNTRUSTED);
	}
}

/* chain, method, identity and signature of a parsed peer certificate */
static int ike_cert_check(struct ike_sa *sa, const struct cfg_profile *p,
			  const struct ikev2_msg *req,
			  const struct cert_peer *peer, char *why, size_t len)
{
	enum cfg_auth kind = ike_cert_kind(cert_peer_key_type(peer));
	char subject[128];
	int ret;

	ret = cert_peer_verify(pki_store(p->tp_verify), peer, why, len);
	if (ret) {
		ike_cert_count(ret);
		return ret;
	}
	cert_peer_subject(peer, subject, sizeof(subject));
	if (!(p->remote_auth & CFG_AUTH_BIT(kind))) {
		snprintf(why, len, "profile %s does not accept %s keys (%s)",
			 p->name, kind == CFG_AUTH_RSA_SIG ? "RSA" :
			 kind == CFG_AUTH_ECDSA_SIG ? "ECDSA" : "such",
			 subject);
		return -EACCES;
	}
	if (!cert_peer_id_match(peer, req->idi.type, req->idi.data.data,
				req->idi.data.len)) {
		stats_inc(STAT_CERT_ID_MISMATCH);
		snprintf(why, len, "identity not in the certificate (%s)",
			 subject);
		return -EACCES;
	}
	ret = ike_cert_auth_check(sa, req, peer);
	if (ret) {
		snprintf(why, len, "AUTH %s signature %s (%s)",
			 ikev2_auth_method_name(req->auth.method),
			 ret == -EOPNOTSUPP ? "not supported with this key" :
			 "does not verify", subject);
		return ret;
	}
	sa->auth_verify = kind;
	log_info("IKE SA %u: certificate %s valid, AUTH %s", sa->id, subject,
		 ikev2_auth_method_name(req->auth.method));
	return 0;
}

/**
 * ike_cert_verify - authenticate the initiator of IKE_AUTH with its
 *	certificate (RFC 7296 §2.15, §3.6, §3.8; RFC 7427; RFC 4754)
 * @sa: the half-open IKE SA; its auth_verify is set on success
 * @p: the profile matched on the initiator's identity
 * @req: the IKE_AUTH request, with IDi, AUTH and the CERT payloads
 * @why: receives the reason of a refusal, for the log
 * @len: bytes at @why
 *
 * The AUTH method must be a signature (ike_cert_method()) and the
 * profile's "authentication remote" must allow the key's kind (rsa-sig
 * for RSA, ecdsa-sig for ECDSA).  The CERT payloads (X.509 Certificate -
 * Signature only, the end entity first) must make a valid chain to the
 * profile's verify trustpoint, not revoked by its CRLs; IDi must be in
 * the certificate (its subject for ID_DER_ASN1_DN, a subjectAltName
 * otherwise); and AUTH must be the key's signature of the initiator's
 * signed octets.  Certificate failures are counted.
 *
 * Return: 0 when authenticated; -EACCES, -EKEYREJECTED (revoked),
 * -EKEYEXPIRED, -ENODATA (no valid CRL), -EBADMSG (bad signature) or
 * another negative errno otherwise, with the reason in @why.
 */
int ike_cert_verify(struct ike_sa *sa, const struct cfg_profile *p,
		    const struct ikev2_msg *req, char *why, size_t len)
{
	struct cert_peer *peer;
	int ret;

	if (!ike_cert_method(req->auth.method) ||
	    !(p->remote_auth & IKE_CERT_SIG)) {
		snprintf(why, len, "profile %s does not accept AUTH method %s",
			 p->name, ikev2_auth_method_name(req->auth.method));
		return -EACCES;
	}
	peer = ike_cert_peer(req, why, len);
	if (!peer) {
		stats_inc(STAT_CERT_UNTRUSTED);
		return -EACCES;
	}
	ret = ike_cert_check(sa, p, req, peer, why, len);
	cert_peer_free(peer);
	return ret;
}

/**
 * ike_cert_local_id - our identity from our certificate: its subject as
 *	ID_DER_ASN1_DN (§3.5)
 * @p: the profile
 * @id: receives the identity
 *
 * For "identity local dn", and without "identity local" when we sign
 * with a certificate (the guide's default).
 *
 * Return: true when @id was filled; false when the profile wants another
 * identity or has no certificate to sign with.
 */
bool ike_cert_local_id(const struct cfg_profile *p, struct ike_id *id)
{
	const struct cert_local *l;
	const uint8_t *der;
	size_t len;

	if (p->local_id.kind != CFG_ID_DN &&
	    (p->local_id.kind != CFG_ID_NONE ||
	     !(CFG_AUTH_BIT(p->local_auth) & IKE_CERT_SIG)))
		return false;
	l = pki_local(p->tp_sign);
	if (!l || cert_local_subject(l, &der, &len) || len > IKE_ID_MAX)
		return false;
	id->type = IKEV2_ID_DER_ASN1_DN;
	id->len = len;
	memcpy(id->data, der, len);
	return true;
}

/* RFC 7427 §4: the hash of the peer's SIGNATURE_HASH_ALGORITHMS we sign
 * with, from its IKE_SA_INIT request */
static uint16_t ike_cert_hash(const struct ike_sa *sa,
			      const struct cert_local *l)
{
	static struct ikev2_msg init;
	const struct ikev2_notify *n;

	if (!sa->init_req ||
	    ikev2_msg_parse(sa->init_req, sa->init_req_len, &init))
		return CERT_HASH_NONE;
	n = ikev2_msg_notify(&init, IKEV2_N_SIGNATURE_HASH_ALGORITHMS);
	if (!n)
		return CERT_HASH_NONE;
	return cert_hash_choose(l, n->data.data, n->data.len);
}

/**
 * ike_cert_put_auth - our CERT payloads and our AUTH payload signed with
 *	the profile's sign trustpoint (§2.15, §3.6, §3.8)
 * @sa: the IKE SA; its auth_sign is set on success
 * @p: the profile, with "authentication local rsa-sig|ecdsa-sig"
 * @w: the IKE_AUTH response, after IDr
 * @id: RestOfRespIDPayload: our IDr from the ID Type on
 * @id_len: bytes at @id
 *
 * Our certificate and the intermediates of its file go first, one CERT
 * payload each; then AUTH: method 14 with the hash cert_hash_choose()
 * takes from the peer's SIGNATURE_HASH_ALGORITHMS, or the key's own
 * method (1 for RSA, 9-11 for ECDSA) when the peer sent none we share.
 *
 * Return: 0, -ENOKEY without a certificate, or the errno of the signing.
 */
int ike_cert_put_auth(struct ike_sa *sa, const struct cfg_profile *p,
		      struct ikev2_writer *w, const uint8_t *id,
		      size_t id_len)
{
	const struct cert_local *l = pki_local(p->tp_sign);
	uint8_t auth[CERT_AUTH_MAX], method;
	struct keymat_signed so;
	size_t len = sizeof(auth);
	const uint8_t *der;
	unsigned int i;
	uint16_t hash;
	int ret;

	if (!l)
		return -ENOKEY;
	for (i = 0; i < cert_local_count(l); i++)
		if (!cert_local_der(l, i, &der, &len))
			ikev2_put_cert(w, IKEV2_PL_CERT, CERT_ENC_X509_SIG, der,
				       len);
	hash = ike_cert_hash(sa, l);
	method = hash ? IKEV2_AUTH_DIGITAL_SIGNATURE : cert_local_method(l);
	len = sizeof(auth);
	ret = keymat_signed_octets(sa->prf, sa->sk_pr, sa->init_resp,
				   sa->init_resp_len, sa->ni, sa->ni_len, id,
				   id_len, &so);
	if (!ret)
		ret = cert_auth_sign(l, method, hash, &so, auth, &len);
	keymat_wipe(&so, sizeof(so));
	if (ret) {
		log_err("IKE SA %u: cannot sign AUTH: %s", sa->id,
			strerror(-ret));
		return ret;
	}
	ikev2_put_auth(w, method, auth, len);
	sa->auth_sign = p->local_auth;
	return 0;
}
