// SPDX-License-Identifier: GPL-2.0-only
/*
 * IKEv2 authentication with X.509 certificates (RFC 7296 §2.15, §3.5-§3.8,
 * RFC 4754, RFC 7427), on libcrypto: it parses and validates certificates
 * and CRLs, encodes and decodes every ASN.1 structure, and keeps the
 * private keys.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "cert.h"
#include "ikev2.h"
#include "util.h"

/* the largest certificate, key or CRL file read */
#define CERT_FILE_MAX		(1 << 20)

/* the largest signature of a local key: RSA of 8192 bits */
#define CERT_SIG_MAX		1024

/* a DER ECDSA-Sig-Value on P-521: SEQUENCE of two INTEGERs of 67 bytes */
#define ECDSA_DER_MAX		160

/* the largest RSASSA-PSS salt accepted, in bytes */
#define PSS_SALT_MAX		1024

/* the PSS saltLength default of RFC 4055 §3.1 */
#define PSS_SALT_DEFAULT	20

/* the form of names in messages: escaped, in ASN.1 order, "C=CH, CN=x" */
#define NAME_FLAGS	(XN_FLAG_SEP_CPLUS_SPC | XN_FLAG_FN_SN | \
			 ASN1_STRFLGS_RFC2253)

/* struct stack_st_X509 is STACK_OF(X509), spelled out for checkpatch */
struct cert_store {
	X509_STORE *x509;
	struct stack_st_X509 *anchors;
	struct stack_st_X509 *inter;
	uint8_t *certreq;
	size_t certreq_len;
};

struct cert_local {
	EVP_PKEY *key;
	X509 *leaf;
	enum cert_key_type type;
	unsigned int count;
	uint8_t *der[CERT_PEER_MAX];
	size_t der_len[CERT_PEER_MAX];
	uint8_t *subject;
	size_t subject_len;
};

struct cert_peer {
	X509 *leaf;
	struct stack_st_X509 *chain;
};

/**
 * struct hash_alg - a hash of RFC 7427 and its signature algorithms
 * @id: its RFC 7427 §4 identifier
 * @md: its NID
 * @rsa: the NID of the RSASSA-PKCS1-v1_5 signature with it
 * @ecdsa: the NID of the ECDSA signature with it
 */
struct hash_alg {
	uint16_t id;
	int md;
	int rsa;
	int ecdsa;
};

static const struct hash_alg hash_algs[] = {
	{ CERT_HASH_SHA2_256, NID_sha256, NID_sha256WithRSAEncryption,
	  NID_ecdsa_with_SHA256 },
	{ CERT_HASH_SHA2_384, NID_sha384, NID_sha384WithRSAEncryption,
	  NID_ecdsa_with_SHA384 },
	{ CERT_HASH_SHA2_512, NID_sha512, NID_sha512WithRSAEncryption,
	  NID_ecdsa_with_SHA512 },
};

/**
 * struct ecdsa_method - an Auth Method of RFC 4754
 * @method: the Auth Method
 * @key: the key it needs, on its curve
 * @hash: its hash
 * @width: bytes of r and of s in the signature, the curve's field size
 */
struct ecdsa_method {
	uint8_t method;
	enum cert_key_type key;
	uint16_t hash;
	size_t width;
};

static const struct ecdsa_method ecdsa_methods[] = {
	{ IKEV2_AUTH_ECDSA_256, CERT_KEY_EC_P256, CERT_HASH_SHA2_256, 32 },
	{ IKEV2_AUTH_ECDSA_384, CERT_KEY_EC_P384, CERT_HASH_SHA2_384, 48 },
	{ IKEV2_AUTH_ECDSA_521, CERT_KEY_EC_P521, CERT_HASH_SHA2_512, 66 },
};

/**
 * struct sig_params - how a signature is computed
 * @md: the digest
 * @pss: RSASSA-PSS rather than RSASSA-PKCS1-v1_5 (RSA keys only)
 * @mgf1: the MGF1 digest of RSASSA-PSS
 * @salt: the salt length of RSASSA-PSS, in bytes
 */
struct sig_params {
	const EVP_MD *md;
	bool pss;
	const EVP_MD *mgf1;
	int salt;
};

static __printf(3, 4) void set_err(char *err, size_t len, const char *fmt,
				   ...)
{
	va_list ap;

	if (!err || !len)
		return;
	va_start(ap, fmt);
	vsnprintf(err, len, fmt, ap);
	va_end(ap);
}

/* libcrypto's reason of the last failure; empties its error queue */
static const char *ossl_reason(void)
{
	const char *r = ERR_reason_error_string(ERR_peek_last_error());

	ERR_clear_error();
	return r ? r : "unknown error";
}

static void wipe_free(void *p, size_t len)
{
	if (p) {
		OPENSSL_cleanse(p, len);
		free(p);
	}
}

/* the whole of a file, NUL-terminated, in *buf to wipe_free(*buf, *len) */
static int read_file(const char *path, uint8_t **buf, size_t *len,
		     char *err, size_t errlen)
{
	struct stat st;
	ssize_t n;
	size_t got = 0;
	int fd, ret = 0;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		ret = -errno;
		set_err(err, errlen, "cannot open %s: %s", path,
			strerror(errno));
		return ret;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) ||
	    st.st_size > CERT_FILE_MAX) {
		set_err(err, errlen, "%s: not a regular file of at most %d bytes",
			path, CERT_FILE_MAX);
		close(fd);
		return -EINVAL;
	}
	*buf = malloc(st.st_size + 1);
	if (!*buf) {
		close(fd);
		set_err(err, errlen, "%s: out of memory", path);
		return -ENOMEM;
	}
	while (got < (size_t)st.st_size) {
		n = read(fd, *buf + got, st.st_size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			ret = n ? -errno : -EIO;
			set_err(err, errlen, "cannot read %s: %s", path,
				n ? strerror(errno) : "short read");
			break;
		}
		got += n;
	}
	close(fd);
	if (ret) {
		wipe_free(*buf, st.st_size + 1);
		*buf = NULL;
		return ret;
	}
	(*buf)[got] = '\0';
	*len = got;
	return 0;
}

/* whether a PEM read ended at the end of the data rather than on an error */
static bool pem_at_end(void)
{
	unsigned long e = ERR_peek_last_error();

	if (ERR_GET_LIB(e) == ERR_LIB_PEM &&
	    ERR_GET_REASON(e) == PEM_R_NO_START_LINE) {
		ERR_clear_error();
		return true;
	}
	return false;
}

/* one DER certificate that is all of @buf */
static X509 *der_cert(const uint8_t *buf, size_t len)
{
	const uint8_t *p = buf;
	X509 *x;

	if (!len || len > LONG_MAX)
		return NULL;
	x = d2i_X509(NULL, &p, len);
	if (x && p != buf + len) {
		X509_free(x);
		x = NULL;
	}
	return x;
}

/* the certificates of a PEM file (or a single DER one), pushed to @out */
static int read_certs(const char *path, struct stack_st_X509 *out, char *err,
		      size_t errlen)
{
	uint8_t *buf;
	size_t len;
	BIO *bio;
	X509 *x;
	int ret;

	ret = read_file(path, &buf, &len, err, errlen);
	if (ret)
		return ret;
	bio = BIO_new_mem_buf(buf, len);
	ret = bio ? 0 : -ENOMEM;
	while (bio && (x = PEM_read_bio_X509(bio, NULL, NULL, NULL))) {
		if (!sk_X509_push(out, x)) {
			X509_free(x);
			ret = -ENOMEM;
			break;
		}
	}
	if (!ret && !pem_at_end()) {
		set_err(err, errlen, "%s: malformed PEM certificate (%s)",
			path, ossl_reason());
		ret = -EINVAL;
	} else if (!ret && !sk_X509_num(out)) {
		x = der_cert(buf, len);
		if (!x || !sk_X509_push(out, x)) {
			X509_free(x);
			set_err(err, errlen, "%s: no certificate", path);
			ret = -EINVAL;
		}
	}
	if (ret == -ENOMEM)
		set_err(err, errlen, "%s: out of memory", path);
	ERR_clear_error();
	BIO_free(bio);
	wipe_free(buf, len + 1);
	return ret;
}

/* add the CRLs of a PEM file (or a single DER one) to @store */
static int read_crls(const char *path, X509_STORE *store, char *err,
		     size_t errlen)
{
	const uint8_t *p;
	X509_CRL *crl;
	uint8_t *buf;
	int ret, n = 0;
	size_t len;
	BIO *bio;

	ret = read_file(path, &buf, &len, err, errlen);
	if (ret)
		return ret;
	bio = BIO_new_mem_buf(buf, len);
	ret = bio ? 0 : -ENOMEM;
	while (bio && (crl = PEM_read_bio_X509_CRL(bio, NULL, NULL, NULL))) {
		n++;
		ret = X509_STORE_add_crl(store, crl) ? 0 : -ENOMEM;
		X509_CRL_free(crl);
		if (ret)
			break;
	}
	if (!ret && !pem_at_end()) {
		set_err(err, errlen, "%s: malformed PEM CRL (%s)", path,
			ossl_reason());
		ret = -EINVAL;
	} else if (!ret && !n) {
		p = buf;
		crl = len <= LONG_MAX ? d2i_X509_CRL(NULL, &p, len) : NULL;
		if (!crl || p != buf + len || !X509_STORE_add_crl(store, crl)) {
			set_err(err, errlen, "%s: no CRL", path);
			ret = -EINVAL;
		}
		X509_CRL_free(crl);
	}
	if (ret == -ENOMEM)
		set_err(err, errlen, "%s: out of memory", path);
	ERR_clear_error();
	BIO_free(bio);
	wipe_free(buf, len + 1);
	return ret;
}

/* @name as text for messages, truncated to fit @buf */
static const char *name_str(const X509_NAME *name, char *buf, size_t len)
{
	BIO *bio;
	int n;

	if (!len)
		return buf;
	buf[0] = '\0';
	bio = BIO_new(BIO_s_mem());
	if (bio && name && X509_NAME_print_ex(bio, name, 0, NAME_FLAGS) >= 0) {
		n = BIO_read(bio, buf, len - 1);
		buf[n > 0 ? n : 0] = '\0';
	}
	BIO_free(bio);
	ERR_clear_error();
	return buf;
}

static enum cert_key_type key_type(const EVP_PKEY *pkey)
{
	char group[64];
	size_t glen;
	int nid;

	switch (EVP_PKEY_get_base_id(pkey)) {
	case EVP_PKEY_RSA:
		return CERT_KEY_RSA;
	case EVP_PKEY_RSA_PSS:
		return CERT_KEY_RSA_PSS;
	case EVP_PKEY_EC:
		break;
	default:
		return CERT_KEY_UNSUPPORTED;
	}
	if (!EVP_PKEY_get_group_name(pkey, group, sizeof(group), &glen)) {
		ERR_clear_error();
		return CERT_KEY_UNSUPPORTED;
	}
	nid = OBJ_txt2nid(group);
	if (nid == NID_undef)
		nid = EC_curve_nist2nid(group);
	switch (nid) {
	case NID_X9_62_prime256v1:
		return CERT_KEY_EC_P256;
	case NID_secp384r1:
		return CERT_KEY_EC_P384;
	case NID_secp521r1:
		return CERT_KEY_EC_P521;
	default:
		return CERT_KEY_UNSUPPORTED;
	}
}

static bool key_is_ec(enum cert_key_type type)
{
	return type == CERT_KEY_EC_P256 || type == CERT_KEY_EC_P384 ||
	       type == CERT_KEY_EC_P521;
}

static const struct hash_alg *hash_find(uint16_t id)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(hash_algs); i++)
		if (hash_algs[i].id == id)
			return &hash_algs[i];
	return NULL;
}

static const struct ecdsa_method *ecdsa_method_find(uint8_t method)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ecdsa_methods); i++)
		if (ecdsa_methods[i].method == method)
			return &ecdsa_methods[i];
	return NULL;
}

static const EVP_MD *hash_md(uint16_t id)
{
	const struct hash_alg *h = hash_find(id);

	return h ? EVP_get_digestbynid(h->md) : NULL;
}

/* the hash of RFC 4754 for a curve: the one of its method */
static uint16_t curve_hash(enum cert_key_type type)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ecdsa_methods); i++)
		if (ecdsa_methods[i].key == type)
			return ecdsa_methods[i].hash;
	return CERT_HASH_SHA2_256;
}

/* ---- trust anchors ---- */

/* SHA-1 of each CA's SubjectPublicKeyInfo, each key once (§3.7) */
static int certreq_add(struct cert_store *s, X509 *x)
{
	uint8_t md[CERT_CERTREQ_HASH_LEN], *spki = NULL, *p;
	size_t i;
	int n;

	n = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x), &spki);
	if (n <= 0)
		return -EIO;
	if (!EVP_Digest(spki, n, md, NULL, EVP_sha1(), NULL)) {
		OPENSSL_free(spki);
		return -EIO;
	}
	OPENSSL_free(spki);
	for (i = 0; i < s->certreq_len; i += sizeof(md))
		if (!memcmp(s->certreq + i, md, sizeof(md)))
			return 0;
	p = realloc(s->certreq, s->certreq_len + sizeof(md));
	if (!p)
		return -ENOMEM;
	memcpy(p + s->certreq_len, md, sizeof(md));
	s->certreq = p;
	s->certreq_len += sizeof(md);
	return 0;
}

/* sort the CA certificates of @certs into anchors and intermediates */
static int store_sort(struct cert_store *s, struct stack_st_X509 *certs,
		      const char *path, char *err, size_t errlen)
{
	char name[256];
	X509 *x;
	int i;

	for (i = 0; i < sk_X509_num(certs); i++) {
		x = sk_X509_value(certs, i);
		if (!X509_check_ca(x)) {
			set_err(err, errlen, "%s: certificate %d (%s) is not a CA",
				path, i + 1,
				name_str(X509_get_subject_name(x), name,
					 sizeof(name)));
			return -EINVAL;
		}
		if (!sk_X509_push(X509_self_signed(x, 1) == 1 ? s->anchors :
				  s->inter, x))
			return -ENOMEM;
		X509_up_ref(x);
	}
	ERR_clear_error();
	if (!sk_X509_num(s->anchors)) {
		/* a subordinate CA as trustpoint: trust what is there */
		sk_X509_free(s->anchors);
		s->anchors = s->inter;
		s->inter = sk_X509_new_null();
		if (!s->inter)
			return -ENOMEM;
		X509_STORE_set_flags(s->x509, X509_V_FLAG_PARTIAL_CHAIN);
	}
	return 0;
}

/* trust the anchors, and hash every CA for CERTREQ */
static int store_fill(struct cert_store *s)
{
	int i, ret;

	for (i = 0; i < sk_X509_num(s->anchors); i++) {
		if (!X509_STORE_add_cert(s->x509, sk_X509_value(s->anchors, i)))
			return -ENOMEM;
		ret = certreq_add(s, sk_X509_value(s->anchors, i));
		if (ret)
			return ret;
	}
	for (i = 0; i < sk_X509_num(s->inter); i++) {
		ret = certreq_add(s, sk_X509_value(s->inter, i));
		if (ret)
			return ret;
	}
	return 0;
}

static int store_load(struct cert_store *s, const char *ca_file,
		      const char *crl_file, bool check_crl, char *err,
		      size_t errlen)
{
	struct stack_st_X509 *certs = sk_X509_new_null();
	int ret;

	if (!certs)
		return -ENOMEM;
	ret = read_certs(ca_file, certs, err, errlen);
	if (!ret)
		ret = store_sort(s, certs, ca_file, err, errlen);
	sk_X509_pop_free(certs, X509_free);
	if (!ret)
		ret = store_fill(s);
	if (!ret && crl_file)
		ret = read_crls(crl_file, s->x509, err, errlen);
	if (ret)
		return ret;
	if (check_crl)
		X509_STORE_set_flags(s->x509, X509_V_FLAG_CRL_CHECK |
				     X509_V_FLAG_CRL_CHECK_ALL);
	X509_VERIFY_PARAM_set_auth_level(X509_STORE_get0_param(s->x509),
					 CERT_AUTH_LEVEL);
	return 0;
}

struct cert_store *cert_store_load(const char *ca_file, const char *crl_file,
				   bool check_crl, char *err, size_t errlen)
{
	struct cert_store *s;
	int ret = -ENOMEM;

	set_err(err, errlen, "out of memory");
	if (!ca_file) {
		set_err(err, errlen, "no CA certificate file");
		return NULL;
	}
	s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->x509 = X509_STORE_new();
	s->anchors = sk_X509_new_null();
	s->inter = sk_X509_new_null();
	if (s->x509 && s->anchors && s->inter)
		ret = store_load(s, ca_file, crl_file, check_crl, err, errlen);
	ERR_clear_error();
	if (ret) {
		if (ret == -ENOMEM || ret == -EIO)
			set_err(err, errlen, "%s: %s", ca_file,
				ret == -EIO ? "libcrypto failed" :
				"out of memory");
		cert_store_free(s);
		return NULL;
	}
	set_err(err, errlen, "%s", "");
	return s;
}

void cert_store_free(struct cert_store *store)
{
	if (!store)
		return;
	X509_STORE_free(store->x509);
	sk_X509_pop_free(store->anchors, X509_free);
	sk_X509_pop_free(store->inter, X509_free);
	free(store->certreq);
	free(store);
}

int cert_store_certreq(const struct cert_store *store, uint8_t *out,
		       size_t room, size_t *len)
{
	if (!store || !len || (room && !out))
		return -EINVAL;
	*len = store->certreq_len;
	if (room < store->certreq_len)
		return -ENOSPC;
	if (store->certreq_len)
		memcpy(out, store->certreq, store->certreq_len);
	return 0;
}

/* ---- our certificate ---- */

/* refuse encrypted keys rather than prompting on a terminal */
static int no_passphrase(char *buf, int size, int rwflag, void *u)
{
	(void)buf;
	(void)size;
	(void)rwflag;
	(void)u;
	return -1;
}

/* the private key in @buf: PEM, else DER */
static EVP_PKEY *parse_key(const uint8_t *buf, size_t len)
{
	const uint8_t *p = buf;
	EVP_PKEY *key = NULL;
	BIO *bio;

	bio = BIO_new_mem_buf(buf, len);
	if (bio)
		key = PEM_read_bio_PrivateKey(bio, NULL, no_passphrase, NULL);
	BIO_free(bio);
	if (!key && len <= LONG_MAX) {
		ERR_clear_error();
		key = d2i_AutoPrivateKey(NULL, &p, len);
		if (key && p != buf + len) {
			EVP_PKEY_free(key);
			key = NULL;
		}
	}
	return key;
}

static int read_key(struct cert_local *l, const char *path, char *err,
		    size_t errlen)
{
	uint8_t *buf;
	size_t len;
	int ret;

	ret = read_file(path, &buf, &len, err, errlen);
	if (ret)
		return ret;
	l->key = parse_key(buf, len);
	if (!l->key) {
		if (memmem(buf, len, "ENCRYPTED", 9))
			set_err(err, errlen,
				"%s: encrypted private keys are not supported",
				path);
		else
			set_err(err, errlen, "%s: no private key (%s)", path,
				ossl_reason());
		ret = -EINVAL;
	}
	ERR_clear_error();
	wipe_free(buf, len + 1);
	return ret;
}

/* the key must be ours, and one we can sign with in IKEv2 */
static int check_key(struct cert_local *l, const char *path, char *err,
		     size_t errlen)
{
	l->type = key_type(l->key);
	if (l->type != CERT_KEY_RSA && !key_is_ec(l->type)) {
		set_err(err, errlen,
			"%s: not an RSA key or an ECDSA key on P-256, P-384 or P-521",
			path);
		return -EINVAL;
	}
	if (EVP_PKEY_get_size(l->key) > CERT_SIG_MAX) {
		set_err(err, errlen, "%s: RSA key larger than 8192 bits", path);
		return -EINVAL;
	}
	if (X509_check_private_key(l->leaf, l->key) != 1) {
		ERR_clear_error();
		set_err(err, errlen, "%s: the key is not the certificate's",
			path);
		return -EINVAL;
	}
	return 0;
}

/* the DER forms of the chain and of the subject, for payloads */
static int local_der(struct cert_local *l, struct stack_st_X509 *certs)
{
	unsigned int i;
	int n;

	for (i = 0; i < l->count; i++) {
		n = i2d_X509(sk_X509_value(certs, i), &l->der[i]);
		if (n <= 0)
			return -ENOMEM;
		l->der_len[i] = n;
	}
	n = i2d_X509_NAME(X509_get_subject_name(l->leaf), &l->subject);
	if (n <= 0)
		return -ENOMEM;
	l->subject_len = n;
	return 0;
}

static int local_load(struct cert_local *l, const char *cert_file,
		      const char *key_file, char *err, size_t errlen)
{
	struct stack_st_X509 *certs = sk_X509_new_null();
	int ret;

	if (!certs)
		return -ENOMEM;
	ret = read_certs(cert_file, certs, err, errlen);
	if (!ret && sk_X509_num(certs) > CERT_PEER_MAX) {
		set_err(err, errlen, "%s: more than %d certificates",
			cert_file, CERT_PEER_MAX);
		ret = -EINVAL;
	}
	if (!ret) {
		l->count = sk_X509_num(certs);
		l->leaf = sk_X509_value(certs, 0);
		X509_up_ref(l->leaf);
		ret = read_key(l, key_file, err, errlen);
	}
	if (!ret)
		ret = check_key(l, key_file, err, errlen);
	if (!ret)
		ret = local_der(l, certs);
	sk_X509_pop_free(certs, X509_free);
	return ret;
}

struct cert_local *cert_local_load(const char *cert_file,
				   const char *key_file, char *err,
				   size_t errlen)
{
	struct cert_local *l;
	int ret;

	if (!cert_file || !key_file) {
		set_err(err, errlen, "no certificate or key file");
		return NULL;
	}
	set_err(err, errlen, "out of memory");
	l = calloc(1, sizeof(*l));
	if (!l)
		return NULL;
	ret = local_load(l, cert_file, key_file, err, errlen);
	ERR_clear_error();
	if (ret) {
		if (ret == -ENOMEM)
			set_err(err, errlen, "%s: out of memory", cert_file);
		cert_local_free(l);
		return NULL;
	}
	set_err(err, errlen, "%s", "");
	return l;
}

void cert_local_free(struct cert_local *local)
{
	unsigned int i;

	if (!local)
		return;
	EVP_PKEY_free(local->key);
	X509_free(local->leaf);
	for (i = 0; i < CERT_PEER_MAX; i++)
		OPENSSL_free(local->der[i]);
	OPENSSL_free(local->subject);
	free(local);
}

unsigned int cert_local_count(const struct cert_local *local)
{
	return local ? local->count : 0;
}

int cert_local_der(const struct cert_local *local, unsigned int i,
		   const uint8_t **der, size_t *len)
{
	if (!local || !der || !len)
		return -EINVAL;
	if (i >= local->count)
		return -ENOENT;
	*der = local->der[i];
	*len = local->der_len[i];
	return 0;
}

int cert_local_subject(const struct cert_local *local, const uint8_t **der,
		       size_t *len)
{
	if (!local || !der || !len)
		return -EINVAL;
	*der = local->subject;
	*len = local->subject_len;
	return 0;
}

enum cert_key_type cert_local_key_type(const struct cert_local *local)
{
	return local ? local->type : CERT_KEY_UNSUPPORTED;
}

uint8_t cert_local_method(const struct cert_local *local)
{
	size_t i;

	if (!local)
		return 0;
	for (i = 0; i < ARRAY_SIZE(ecdsa_methods); i++)
		if (ecdsa_methods[i].key == local->type)
			return ecdsa_methods[i].method;
	return IKEV2_AUTH_RSA_SIG;
}

/* ---- identities ---- */

static bool ascii_caseeq(const uint8_t *a, const uint8_t *b, size_t len)
{
	uint8_t x, y;
	size_t i;

	for (i = 0; i < len; i++) {
		x = a[i] >= 'A' && a[i] <= 'Z' ? a[i] + 'a' - 'A' : a[i];
		y = b[i] >= 'A' && b[i] <= 'Z' ? b[i] + 'a' - 'A' : b[i];
		if (x != y)
			return false;
	}
	return true;
}

/* whether a subjectAltName of @type equals @data */
static bool san_match(X509 *x, int type, const uint8_t *data, size_t len)
{
	GENERAL_NAMES *names;
	const ASN1_STRING *v;
	GENERAL_NAME *gen;
	bool match = false;
	int i, t;

	names = X509_get_ext_d2i(x, NID_subject_alt_name, NULL, NULL);
	for (i = 0; !match && i < sk_GENERAL_NAME_num(names); i++) {
		gen = sk_GENERAL_NAME_value(names, i);
		v = GENERAL_NAME_get0_value(gen, &t);
		if (t != type || !v || (size_t)ASN1_STRING_length(v) != len)
			continue;
		if (type == GEN_IPADD)
			match = !memcmp(ASN1_STRING_get0_data(v), data, len);
		else
			match = ascii_caseeq(ASN1_STRING_get0_data(v), data,
					     len);
	}
	GENERAL_NAMES_free(names);
	ERR_clear_error();
	return match;
}

/* whether the DER Name @data is the subject, compared canonically */
static bool dn_match(X509 *x, const uint8_t *data, size_t len)
{
	const uint8_t *p = data;
	X509_NAME *name;
	bool match;

	if (len > LONG_MAX)
		return false;
	name = d2i_X509_NAME(NULL, &p, len);
	match = name && p == data + len && X509_NAME_entry_count(name) > 0 &&
		!X509_NAME_cmp(X509_get_subject_name(x), name);
	X509_NAME_free(name);
	ERR_clear_error();
	return match;
}

static bool id_match(X509 *x, uint8_t id_type, const uint8_t *data,
		     size_t len)
{
	if (!x || !data || !len)
		return false;
	switch (id_type) {
	case IKEV2_ID_DER_ASN1_DN:
		return dn_match(x, data, len);
	case IKEV2_ID_FQDN:
		return san_match(x, GEN_DNS, data, len);
	case IKEV2_ID_RFC822_ADDR:
		return san_match(x, GEN_EMAIL, data, len);
	case IKEV2_ID_IPV4_ADDR:
		return len == 4 && san_match(x, GEN_IPADD, data, len);
	case IKEV2_ID_IPV6_ADDR:
		return len == 16 && san_match(x, GEN_IPADD, data, len);
	default:
		return false;
	}
}

bool cert_local_id_match(const struct cert_local *local, uint8_t id_type,
			 const uint8_t *data, size_t len)
{
	return local && id_match(local->leaf, id_type, data, len);
}

bool cert_peer_id_match(const struct cert_peer *peer, uint8_t id_type,
			const uint8_t *data, size_t len)
{
	return peer && id_match(peer->leaf, id_type, data, len);
}

/* ---- the peer's certificates ---- */

struct cert_peer *cert_peer_new(const uint8_t *const *der, const size_t *len,
				unsigned int n, char *err, size_t errlen)
{
	struct cert_peer *p;
	unsigned int i;
	X509 *x;

	if (!der || !len || !n || n > CERT_PEER_MAX) {
		set_err(err, errlen, "%u certificates, not 1 to %d", n,
			CERT_PEER_MAX);
		return NULL;
	}
	set_err(err, errlen, "out of memory");
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->chain = sk_X509_new_null();
	for (i = 0; p->chain && i < n; i++) {
		x = der[i] ? der_cert(der[i], len[i]) : NULL;
		if (!x) {
			set_err(err, errlen,
				"certificate %u: malformed DER (%s)", i + 1,
				ossl_reason());
			goto fail;
		}
		if (!i)
			p->leaf = x;
		else if (!sk_X509_push(p->chain, x)) {
			X509_free(x);
			goto fail;
		}
	}
	if (!p->chain)
		goto fail;
	if (!X509_get0_pubkey(p->leaf)) {
		set_err(err, errlen, "certificate 1: unusable public key (%s)",
			ossl_reason());
		goto fail;
	}
	set_err(err, errlen, "%s", "");
	return p;
fail:
	ERR_clear_error();
	cert_peer_free(p);
	return NULL;
}

void cert_peer_free(struct cert_peer *peer)
{
	if (!peer)
		return;
	X509_free(peer->leaf);
	sk_X509_pop_free(peer->chain, X509_free);
	free(peer);
}

enum cert_key_type cert_peer_key_type(const struct cert_peer *peer)
{
	const EVP_PKEY *key = peer ? X509_get0_pubkey(peer->leaf) : NULL;

	return key ? key_type(key) : CERT_KEY_UNSUPPORTED;
}

const char *cert_peer_subject(const struct cert_peer *peer, char *buf,
			      size_t len)
{
	if (!buf)
		return buf;
	if (!peer) {
		if (len)
			buf[0] = '\0';
		return buf;
	}
	return name_str(X509_get_subject_name(peer->leaf), buf, len);
}

/* the errno of an X509_verify_cert() failure, see cert.h */
static int verify_errno(int err)
{
	switch (err) {
	case X509_V_ERR_CERT_REVOKED:
		return -EKEYREJECTED;
	case X509_V_ERR_CERT_HAS_EXPIRED:
	case X509_V_ERR_CERT_NOT_YET_VALID:
		return -EKEYEXPIRED;
	case X509_V_ERR_UNABLE_TO_GET_CRL:
	case X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER:
	case X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE:
	case X509_V_ERR_CRL_SIGNATURE_FAILURE:
	case X509_V_ERR_CRL_NOT_YET_VALID:
	case X509_V_ERR_CRL_HAS_EXPIRED:
	case X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD:
	case X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD:
	case X509_V_ERR_KEYUSAGE_NO_CRL_SIGN:
	case X509_V_ERR_DIFFERENT_CRL_SCOPE:
	case X509_V_ERR_UNHANDLED_CRITICAL_CRL_EXTENSION:
		return -ENODATA;
	case X509_V_ERR_CERT_SIGNATURE_FAILURE:
	case X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
	case X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY:
		return -EBADMSG;
	case X509_V_ERR_OUT_OF_MEM:
		return -ENOMEM;
	default:
		return -EACCES;
	}
}

/* the reason of a failed validation, with the certificate concerned */
static void verify_why(X509_STORE_CTX *ctx, int err, char *why,
		       size_t whylen)
{
	X509 *x = X509_STORE_CTX_get_current_cert(ctx);
	char name[256] = "";

	if (x)
		name_str(X509_get_subject_name(x), name, sizeof(name));
	set_err(why, whylen, "%s (depth %d: %s)",
		X509_verify_cert_error_string(err),
		X509_STORE_CTX_get_error_depth(ctx), x ? name : "?");
}

int cert_peer_verify(const struct cert_store *store,
		     const struct cert_peer *peer, char *why, size_t whylen)
{
	struct stack_st_X509 *untrusted = NULL;
	X509_STORE_CTX *ctx = NULL;
	int i, err, ret = -ENOMEM;

	set_err(why, whylen, "out of memory");
	if (!store || !peer) {
		set_err(why, whylen, "no store or certificate");
		return -EINVAL;
	}
	untrusted = sk_X509_dup(peer->chain);
	for (i = 0; untrusted && i < sk_X509_num(store->inter); i++)
		if (!sk_X509_push(untrusted, sk_X509_value(store->inter, i)))
			goto out;
	ctx = X509_STORE_CTX_new();
	if (!untrusted || !ctx ||
	    !X509_STORE_CTX_init(ctx, store->x509, peer->leaf, untrusted))
		goto out;
	if (X509_verify_cert(ctx) == 1) {
		set_err(why, whylen, "%s", "");
		ret = 0;
		goto out;
	}
	err = X509_STORE_CTX_get_error(ctx);
	if (err == X509_V_OK) {
		set_err(why, whylen, "validation failed (%s)", ossl_reason());
		ret = -EIO;
		goto out;
	}
	verify_why(ctx, err, why, whylen);
	ret = verify_errno(err);
out:
	X509_STORE_CTX_free(ctx);
	sk_X509_free(untrusted);
	ERR_clear_error();
	return ret;
}

/* ---- signatures ---- */

/* a digest context for @key set up for @sp */
static EVP_MD_CTX *sig_init(EVP_PKEY *key, const struct sig_params *sp,
			    bool sign)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	EVP_PKEY_CTX *pctx;
	int ok;

	if (!ctx)
		return NULL;
	if (sign)
		ok = EVP_DigestSignInit(ctx, &pctx, sp->md, NULL, key) == 1;
	else
		ok = EVP_DigestVerifyInit(ctx, &pctx, sp->md, NULL, key) == 1;
	if (ok && EVP_PKEY_get_base_id(key) != EVP_PKEY_EC) {
		ok = EVP_PKEY_CTX_set_rsa_padding(pctx, sp->pss ?
						  RSA_PKCS1_PSS_PADDING :
						  RSA_PKCS1_PADDING) > 0;
		if (ok && sp->pss)
			ok = EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, sp->mgf1) > 0 &&
			     EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx,
							      sp->salt) > 0;
	}
	if (!ok) {
		EVP_MD_CTX_free(ctx);
		return NULL;
	}
	return ctx;
}

/* sign the octets; *@len is the room at @sig on entry */
static int sig_sign(EVP_PKEY *key, const struct sig_params *sp,
		    const struct keymat_signed *octets, uint8_t *sig,
		    size_t *len)
{
	EVP_MD_CTX *ctx = sig_init(key, sp, true);
	size_t i, need;
	int ret = -EIO;

	if (!ctx)
		goto out;
	for (i = 0; i < ARRAY_SIZE(octets->iov); i++)
		if (EVP_DigestSignUpdate(ctx, octets->iov[i].iov_base,
					 octets->iov[i].iov_len) != 1)
			goto out;
	if (EVP_DigestSignFinal(ctx, NULL, &need) != 1)
		goto out;
	if (need > *len) {
		ret = -ENOSPC;
		goto out;
	}
	if (EVP_DigestSignFinal(ctx, sig, len) == 1)
		ret = 0;
out:
	EVP_MD_CTX_free(ctx);
	ERR_clear_error();
	return ret;
}

static int sig_verify(EVP_PKEY *key, const struct sig_params *sp,
		      const struct keymat_signed *octets, const uint8_t *sig,
		      size_t len)
{
	EVP_MD_CTX *ctx = sig_init(key, sp, false);
	int ret = -EBADMSG;
	size_t i;

	if (!ctx) {
		ERR_clear_error();
		return -EOPNOTSUPP;
	}
	for (i = 0; i < ARRAY_SIZE(octets->iov); i++) {
		if (EVP_DigestVerifyUpdate(ctx, octets->iov[i].iov_base,
					   octets->iov[i].iov_len) != 1) {
			ret = -EIO;
			goto out;
		}
	}
	if (EVP_DigestVerifyFinal(ctx, sig, len) == 1)
		ret = 0;
out:
	EVP_MD_CTX_free(ctx);
	ERR_clear_error();
	return ret;
}

/* RFC 4754 §7: a DER ECDSA-Sig-Value to r | s, @width bytes each */
static int ecdsa_der_to_raw(const uint8_t *der, size_t len, size_t width,
			    uint8_t *out)
{
	const uint8_t *p = der;
	const BIGNUM *r, *s;
	ECDSA_SIG *sig;
	int ret = -EIO;

	sig = d2i_ECDSA_SIG(NULL, &p, len);
	if (!sig)
		return -EIO;
	ECDSA_SIG_get0(sig, &r, &s);
	if (BN_bn2binpad(r, out, width) == (int)width &&
	    BN_bn2binpad(s, out + width, width) == (int)width)
		ret = 0;
	ECDSA_SIG_free(sig);
	return ret;
}

/* r | s, @width bytes each, to a DER ECDSA-Sig-Value of *@len bytes */
static int ecdsa_raw_to_der(const uint8_t *raw, size_t width, uint8_t *der,
			    size_t *len)
{
	ECDSA_SIG *sig = ECDSA_SIG_new();
	BIGNUM *r, *s;
	uint8_t *p = der;
	int n, ret = -ENOMEM;

	r = BN_bin2bn(raw, width, NULL);
	s = BN_bin2bn(raw + width, width, NULL);
	if (!sig || !r || !s || !ECDSA_SIG_set0(sig, r, s)) {
		BN_free(r);
		BN_free(s);
		goto out;
	}
	n = i2d_ECDSA_SIG(sig, NULL);
	if (n > 0 && n <= ECDSA_DER_MAX && i2d_ECDSA_SIG(sig, &p) == n) {
		*len = n;
		ret = 0;
	}
out:
	ECDSA_SIG_free(sig);
	return ret;
}

static int sign_rsa(const struct cert_local *l,
		    const struct keymat_signed *octets, uint8_t *out,
		    size_t *out_len)
{
	/* method 1: RSASSA-PKCS1-v1_5 with SHA-1 (§3.8) */
	struct sig_params sp = { .md = EVP_sha1() };

	if (l->type != CERT_KEY_RSA)
		return -EOPNOTSUPP;
	return sig_sign(l->key, &sp, octets, out, out_len);
}

/* methods 9-11: RFC 4754, r | s */
static int sign_ecdsa(const struct cert_local *l,
		      const struct ecdsa_method *m,
		      const struct keymat_signed *octets, uint8_t *out,
		      size_t *out_len)
{
	struct sig_params sp = { .md = hash_md(m->hash) };
	uint8_t der[ECDSA_DER_MAX];
	size_t len = sizeof(der);
	int ret;

	if (l->type != m->key)
		return -EOPNOTSUPP;
	if (*out_len < 2 * m->width)
		return -ENOSPC;
	ret = sig_sign(l->key, &sp, octets, der, &len);
	if (!ret)
		ret = ecdsa_der_to_raw(der, len, m->width, out);
	if (!ret)
		*out_len = 2 * m->width;
	return ret;
}

/* the DER AlgorithmIdentifier of @nid, with NULL parameters or none */
static int algid_der(int nid, bool null_params, uint8_t *out, size_t room,
		     size_t *len)
{
	X509_ALGOR *alg = X509_ALGOR_new();
	uint8_t *p = out;
	int n, ret = -EIO;

	if (!alg || !X509_ALGOR_set0(alg, OBJ_nid2obj(nid),
				     null_params ? V_ASN1_NULL : V_ASN1_UNDEF,
				     NULL))
		goto out;
	n = i2d_X509_ALGOR(alg, NULL);
	if (n <= 0 || n > UINT8_MAX)
		goto out;
	ret = -ENOSPC;
	if ((size_t)n <= room && i2d_X509_ALGOR(alg, &p) == n) {
		*len = n;
		ret = 0;
	}
out:
	X509_ALGOR_free(alg);
	return ret;
}

/* method 14: RFC 7427 §3, PKCS#1 v1.5 for RSA keys, ECDSA in DER */
static int sign_digital(const struct cert_local *l, uint16_t hash,
			const struct keymat_signed *octets, uint8_t *out,
			size_t *out_len)
{
	bool rsa = l->type == CERT_KEY_RSA;
	const struct hash_alg *h;
	struct sig_params sp = { .pss = false };
	size_t alen, slen;
	int ret;

	if (hash == CERT_HASH_NONE)
		hash = rsa ? CERT_HASH_SHA2_256 : curve_hash(l->type);
	h = hash_find(hash);
	if (!h)
		return -EOPNOTSUPP;
	sp.md = EVP_get_digestbynid(h->md);
	if (*out_len < 1)
		return -ENOSPC;
	ret = algid_der(rsa ? h->rsa : h->ecdsa, rsa, out + 1, *out_len - 1,
			&alen);
	if (ret)
		return ret;
	out[0] = alen;
	slen = *out_len - 1 - alen;
	ret = sig_sign(l->key, &sp, octets, out + 1 + alen, &slen);
	if (!ret)
		*out_len = 1 + alen + slen;
	return ret;
}

static bool octets_valid(const struct keymat_signed *octets)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(octets->iov); i++)
		if (octets->iov[i].iov_len && !octets->iov[i].iov_base)
			return false;
	return true;
}

int cert_auth_sign(const struct cert_local *local, uint8_t method,
		   uint16_t hash, const struct keymat_signed *octets,
		   uint8_t *out, size_t *out_len)
{
	const struct ecdsa_method *m;

	if (!local || !octets || !octets_valid(octets) || !out || !out_len)
		return -EINVAL;
	if (method == IKEV2_AUTH_RSA_SIG)
		return sign_rsa(local, octets, out, out_len);
	if (method == IKEV2_AUTH_DIGITAL_SIGNATURE)
		return sign_digital(local, hash, octets, out, out_len);
	m = ecdsa_method_find(method);
	if (!m)
		return -EOPNOTSUPP;
	return sign_ecdsa(local, m, octets, out, out_len);
}

/* ---- verification ---- */

/* what an AlgorithmIdentifier of hash_algs names */
enum alg_kind {
	ALG_HASH,
	ALG_RSA,
	ALG_ECDSA,
};

/* the entry of an AlgorithmIdentifier with absent or NULL parameters */
static const struct hash_alg *algid_hash(const X509_ALGOR *alg,
					 enum alg_kind *kind)
{
	const ASN1_OBJECT *obj;
	const void *pval;
	int nid, ptype;
	size_t i;

	X509_ALGOR_get0(&obj, &ptype, &pval, alg);
	if (ptype != V_ASN1_UNDEF && ptype != V_ASN1_NULL)
		return NULL;
	nid = OBJ_obj2nid(obj);
	for (i = 0; i < ARRAY_SIZE(hash_algs); i++) {
		if (nid == hash_algs[i].md)
			*kind = ALG_HASH;
		else if (nid == hash_algs[i].rsa)
			*kind = ALG_RSA;
		else if (nid == hash_algs[i].ecdsa)
			*kind = ALG_ECDSA;
		else
			continue;
		return &hash_algs[i];
	}
	return NULL;
}

/* a hash AlgorithmIdentifier of RSASSA-PSS parameters: SHA-2 only */
static const EVP_MD *pss_md(const X509_ALGOR *alg)
{
	const struct hash_alg *h;
	enum alg_kind kind;

	if (!alg)
		return NULL;	/* the default, SHA-1 */
	h = algid_hash(alg, &kind);
	if (!h || kind != ALG_HASH)
		return NULL;
	return EVP_get_digestbynid(h->md);
}

/* MGF1 with a SHA-2 hash */
static const EVP_MD *pss_mgf1(const X509_ALGOR *mgf)
{
	const ASN1_OBJECT *obj;
	const EVP_MD *md;
	const void *pval;
	X509_ALGOR *hash;
	int ptype;

	if (!mgf)
		return NULL;	/* the default, MGF1 with SHA-1 */
	X509_ALGOR_get0(&obj, &ptype, &pval, mgf);
	if (OBJ_obj2nid(obj) != NID_mgf1 || ptype != V_ASN1_SEQUENCE)
		return NULL;
	hash = ASN1_item_unpack(pval, ASN1_ITEM_rptr(X509_ALGOR));
	md = hash ? pss_md(hash) : NULL;
	X509_ALGOR_free(hash);
	return md;
}

static bool pss_int(const ASN1_INTEGER *ai, int64_t def, int64_t min,
		    int64_t max, int *out)
{
	int64_t v = def;

	if (ai && ASN1_INTEGER_get_int64(&v, ai) != 1)
		return false;
	if (v < min || v > max)
		return false;
	*out = v;
	return true;
}

/* RSASSA-PSS-params (RFC 4055 §3.1) */
static int pss_params(const X509_ALGOR *alg, struct sig_params *sp)
{
	const ASN1_OBJECT *obj;
	RSA_PSS_PARAMS *pss;
	const void *pval;
	int ptype, trailer, ret = -EOPNOTSUPP;

	X509_ALGOR_get0(&obj, &ptype, &pval, alg);
	if (ptype != V_ASN1_SEQUENCE)
		return -EOPNOTSUPP;
	pss = ASN1_item_unpack(pval, ASN1_ITEM_rptr(RSA_PSS_PARAMS));
	if (!pss)
		return -EBADMSG;
	sp->pss = true;
	sp->md = pss_md(pss->hashAlgorithm);
	sp->mgf1 = pss_mgf1(pss->maskGenAlgorithm);
	if (sp->md && sp->mgf1 &&
	    pss_int(pss->saltLength, PSS_SALT_DEFAULT, 0, PSS_SALT_MAX,
		    &sp->salt) &&
	    pss_int(pss->trailerField, 1, 1, 1, &trailer))
		ret = 0;
	RSA_PSS_PARAMS_free(pss);
	return ret;
}

/*
 * The signature scheme of an RFC 7427 AlgorithmIdentifier, and whether
 * @key can check it
 */
static int algid_params(const X509_ALGOR *alg, const EVP_PKEY *key,
			struct sig_params *sp)
{
	const struct hash_alg *h;
	enum cert_key_type type = key_type(key);
	const ASN1_OBJECT *obj;
	bool rsa = type == CERT_KEY_RSA;
	enum alg_kind kind;
	int ret;

	X509_ALGOR_get0(&obj, NULL, NULL, alg);
	if (OBJ_obj2nid(obj) == NID_rsassaPss) {
		ret = pss_params(alg, sp);
		if (!ret && !rsa && type != CERT_KEY_RSA_PSS)
			ret = -EOPNOTSUPP;
		return ret;
	}
	h = algid_hash(alg, &kind);
	if (!h || kind == ALG_HASH)
		return -EOPNOTSUPP;
	if (kind == ALG_RSA ? !rsa : EVP_PKEY_get_base_id(key) != EVP_PKEY_EC)
		return -EOPNOTSUPP;
	sp->md = EVP_get_digestbynid(h->md);
	sp->pss = false;
	return 0;
}

/* method 14: RFC 7427 §3 */
static int verify_digital(EVP_PKEY *key, const uint8_t *auth,
			  size_t auth_len, const struct keymat_signed *octets)
{
	struct sig_params sp = { .pss = false };
	const uint8_t *p = auth + 1;
	X509_ALGOR *alg;
	size_t alen;
	int ret;

	if (auth_len < 2)
		return -EBADMSG;
	alen = auth[0];
	if (!alen || 1 + alen >= auth_len)
		return -EBADMSG;
	alg = d2i_X509_ALGOR(NULL, &p, alen);
	if (!alg || p != auth + 1 + alen) {
		X509_ALGOR_free(alg);
		ERR_clear_error();
		return -EBADMSG;
	}
	ret = algid_params(alg, key, &sp);
	X509_ALGOR_free(alg);
	ERR_clear_error();
	if (ret)
		return ret;
	return sig_verify(key, &sp, octets, p, auth_len - 1 - alen);
}

/* methods 9-11: RFC 4754, r | s */
static int verify_ecdsa(EVP_PKEY *key, const struct ecdsa_method *m,
			const uint8_t *auth, size_t auth_len,
			const struct keymat_signed *octets)
{
	struct sig_params sp = { .md = hash_md(m->hash) };
	uint8_t der[ECDSA_DER_MAX];
	size_t len;
	int ret;

	if (key_type(key) != m->key)
		return -EOPNOTSUPP;
	if (auth_len != 2 * m->width)
		return -EBADMSG;
	ret = ecdsa_raw_to_der(auth, m->width, der, &len);
	if (ret)
		return ret;
	return sig_verify(key, &sp, octets, der, len);
}

int cert_auth_verify(const struct cert_peer *peer, uint8_t method,
		     const uint8_t *auth, size_t auth_len,
		     const struct keymat_signed *octets)
{
	struct sig_params sp = { .md = EVP_sha1() };
	const struct ecdsa_method *m;
	EVP_PKEY *key;

	if (!peer || !auth || !octets || !octets_valid(octets))
		return -EINVAL;
	key = X509_get0_pubkey(peer->leaf);
	if (!key)
		return -EINVAL;
	if (method == IKEV2_AUTH_DIGITAL_SIGNATURE)
		return verify_digital(key, auth, auth_len, octets);
	if (method == IKEV2_AUTH_RSA_SIG) {
		/* RSASSA-PKCS1-v1_5 with SHA-1 (§3.8) */
		if (key_type(key) != CERT_KEY_RSA)
			return -EOPNOTSUPP;
		return sig_verify(key, &sp, octets, auth, auth_len);
	}
	m = ecdsa_method_find(method);
	if (!m)
		return -EOPNOTSUPP;
	return verify_ecdsa(key, m, auth, auth_len, octets);
}

/* ---- RFC 7427 §4 hash algorithms ---- */

int cert_hash_algs(uint8_t *out, size_t room)
{
	size_t i;

	if (!out)
		return -EINVAL;
	if (room < CERT_HASH_ALGS_LEN)
		return -ENOSPC;
	for (i = 0; i < ARRAY_SIZE(hash_algs); i++) {
		out[2 * i] = hash_algs[i].id >> 8;
		out[2 * i + 1] = hash_algs[i].id & 0xff;
	}
	return CERT_HASH_ALGS_LEN;
}

bool cert_hash_supported(uint16_t hash)
{
	return hash_find(hash) != NULL;
}

static bool hash_listed(uint16_t hash, const uint8_t *data, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		if ((data[i] << 8 | data[i + 1]) == hash)
			return true;
	return false;
}

uint16_t cert_hash_choose(const struct cert_local *local, const uint8_t *data,
			  size_t len)
{
	size_t i;

	if (!data)
		return CERT_HASH_NONE;
	if (local && key_is_ec(local->type) &&
	    hash_listed(curve_hash(local->type), data, len))
		return curve_hash(local->type);
	for (i = 0; i < ARRAY_SIZE(hash_algs); i++)
		if (hash_listed(hash_algs[i].id, data, len))
			return hash_algs[i].id;
	return CERT_HASH_NONE;
}
