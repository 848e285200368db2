// SPDX-License-Identifier: GPL-2.0-only
/*
 * Ephemeral Diffie-Hellman of the IKEv2 KE payload on OpenSSL 3 libcrypto:
 * key pairs are EVP_PKEYs of the named groups "modp_2048", "modp_3072",
 * "modp_4096" (RFC 3526), "P-256", "P-384", "P-521" (RFC 5903) and of the
 * type X25519 (RFC 8031); the shared secret comes from EVP_PKEY_derive().
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/dh.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>

#include "dh.h"
#include "ikev2.h"
#include "util.h"

/* SEC 1 §2.3.3: the prefix of an uncompressed point */
#define EC_POINT_UNCOMPRESSED	0x04

enum dh_kind {
	DH_KIND_MODP,
	DH_KIND_ECP,
	DH_KIND_X25519,
};

/**
 * struct dh_group - a group and how OpenSSL names it
 * @id: enum ikev2_dh
 * @kind: MODP, ECP or Curve25519
 * @name: the OpenSSL group name (key type for Curve25519)
 * @nid: the curve of an ECP group
 * @len: bytes of the prime (MODP) or of a field element (ECP, Curve25519)
 */
struct dh_group {
	uint16_t id;
	enum dh_kind kind;
	const char *name;
	int nid;
	size_t len;
};

struct dh {
	const struct dh_group *group;
	EVP_PKEY *key;
};

static const struct dh_group groups[] = {
	{ IKEV2_DH_MODP_2048, DH_KIND_MODP, "modp_2048", NID_undef, 256 },
	{ IKEV2_DH_MODP_3072, DH_KIND_MODP, "modp_3072", NID_undef, 384 },
	{ IKEV2_DH_MODP_4096, DH_KIND_MODP, "modp_4096", NID_undef, 512 },
	{ IKEV2_DH_ECP_256, DH_KIND_ECP, "P-256", NID_X9_62_prime256v1, 32 },
	{ IKEV2_DH_ECP_384, DH_KIND_ECP, "P-384", NID_secp384r1, 48 },
	{ IKEV2_DH_ECP_521, DH_KIND_ECP, "P-521", NID_secp521r1, 66 },
	{ IKEV2_DH_CURVE25519, DH_KIND_X25519, "X25519", NID_undef, 32 },
};

static const struct dh_group *group_find(uint16_t id)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(groups); i++)
		if (groups[i].id == id)
			return &groups[i];
	return NULL;
}

static const char *key_type(const struct dh_group *g)
{
	switch (g->kind) {
	case DH_KIND_MODP:
		return "DH";
	case DH_KIND_ECP:
		return "EC";
	default:
		return "X25519";
	}
}

static size_t public_len(const struct dh_group *g)
{
	return g->kind == DH_KIND_ECP ? 2 * g->len : g->len;
}

bool dh_supported(uint16_t group)
{
	return group_find(group) != NULL;
}

size_t dh_public_len(uint16_t group)
{
	const struct dh_group *g = group_find(group);

	return g ? public_len(g) : 0;
}

size_t dh_shared_len(uint16_t group)
{
	const struct dh_group *g = group_find(group);

	return g ? g->len : 0;
}

uint16_t dh_group(const struct dh *dh)
{
	return dh->group->id;
}

static struct dh *dh_wrap(const struct dh_group *g, EVP_PKEY *key)
{
	struct dh *dh;

	if (!key)
		return NULL;
	dh = malloc(sizeof(*dh));
	if (!dh) {
		EVP_PKEY_free(key);
		errno = ENOMEM;
		return NULL;
	}
	dh->group = g;
	dh->key = key;
	return dh;
}

static EVP_PKEY *keygen(const struct dh_group *g)
{
	OSSL_PARAM params[] = {
		/* OSSL_PARAM wants a mutable string, which it only reads */
		OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME,
						 (char *)(uintptr_t)g->name, 0),
		OSSL_PARAM_construct_end(),
	};
	EVP_PKEY *key = NULL;
	EVP_PKEY_CTX *ctx;

	ctx = EVP_PKEY_CTX_new_from_name(NULL, key_type(g), NULL);
	if (!ctx) {
		errno = ENOMEM;
		return NULL;
	}
	if (EVP_PKEY_keygen_init(ctx) <= 0 ||
	    (g->kind != DH_KIND_X25519 &&
	     !EVP_PKEY_CTX_set_params(ctx, params)) ||
	    EVP_PKEY_generate(ctx, &key) <= 0) {
		EVP_PKEY_free(key);
		key = NULL;
		errno = EIO;
	}
	EVP_PKEY_CTX_free(ctx);
	return key;
}

struct dh *dh_new(uint16_t group)
{
	const struct dh_group *g = group_find(group);

	if (!g) {
		errno = ENOTSUP;
		return NULL;
	}
	return dh_wrap(g, keygen(g));
}

/* MODP takes the public value as a number, ECP as an octet string */
static int push_public(OSSL_PARAM_BLD *bld, const struct dh_group *g,
		       const uint8_t *pub, size_t len, BIGNUM **y)
{
	if (g->kind != DH_KIND_MODP)
		return OSSL_PARAM_BLD_push_octet_string(bld,
				OSSL_PKEY_PARAM_PUB_KEY, pub, len);
	*y = BN_bin2bn(pub, len, NULL);
	return *y && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PUB_KEY, *y);
}

static OSSL_PARAM *key_params(const struct dh_group *g, const BIGNUM *priv,
			      const uint8_t *pub, size_t len)
{
	OSSL_PARAM *params = NULL;
	OSSL_PARAM_BLD *bld;
	BIGNUM *y = NULL;

	bld = OSSL_PARAM_BLD_new();
	if (!bld)
		return NULL;
	if (OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME,
					    g->name, 0) &&
	    (!priv || OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY,
					     priv)) &&
	    (!pub || push_public(bld, g, pub, len, &y)))
		params = OSSL_PARAM_BLD_to_param(bld);
	OSSL_PARAM_BLD_free(bld);
	BN_free(y);
	return params;
}

/*
 * A key of a MODP or ECP group from its parts: the private key @priv
 * and/or the public key @pub as OpenSSL wants it (MODP big-endian, ECP
 * with the point format byte).
 */
static EVP_PKEY *import(const struct dh_group *g, const BIGNUM *priv,
			const uint8_t *pub, size_t len)
{
	int selection = priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY;
	EVP_PKEY *key = NULL;
	OSSL_PARAM *params;
	EVP_PKEY_CTX *ctx;

	params = key_params(g, priv, pub, len);
	if (!params)
		return NULL;
	ctx = EVP_PKEY_CTX_new_from_name(NULL, key_type(g), NULL);
	if (!ctx || EVP_PKEY_fromdata_init(ctx) <= 0 ||
	    EVP_PKEY_fromdata(ctx, &key, selection, params) <= 0) {
		EVP_PKEY_free(key);
		key = NULL;
	}
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	return key;
}

/* the peer's KE data as a key of our group; NULL if it is not valid */
static EVP_PKEY *peer_key(const struct dh_group *g, const uint8_t *peer,
			  size_t len)
{
	uint8_t point[1 + DH_PUBLIC_MAX];
	EVP_PKEY_CTX *ctx;
	EVP_PKEY *key;

	if (g->kind == DH_KIND_X25519)
		return EVP_PKEY_new_raw_public_key_ex(NULL, g->name, NULL,
						      peer, len);
	if (g->kind == DH_KIND_MODP) {
		key = import(g, NULL, peer, len);
	} else {
		point[0] = EC_POINT_UNCOMPRESSED;
		memcpy(point + 1, peer, len);
		key = import(g, NULL, point, 1 + len);
	}
	if (!key)
		return NULL;
	/* MODP: 1 < y < p - 1; ECP: a point of the curve, not infinity */
	ctx = EVP_PKEY_CTX_new_from_pkey(NULL, key, NULL);
	if (!ctx || EVP_PKEY_public_check_quick(ctx) <= 0) {
		EVP_PKEY_free(key);
		key = NULL;
	}
	EVP_PKEY_CTX_free(ctx);
	return key;
}

static bool all_zero(const uint8_t *p, size_t len)
{
	uint8_t acc = 0;
	size_t i;

	for (i = 0; i < len; i++)
		acc |= p[i];
	return acc == 0;
}

/* the secret with a peer key, @len bytes exactly */
static int derive(EVP_PKEY *key, EVP_PKEY *peer, uint8_t *out, size_t len)
{
	EVP_PKEY_CTX *ctx;
	size_t got = len;
	int ok;

	ctx = EVP_PKEY_CTX_new_from_pkey(NULL, key, NULL);
	if (!ctx)
		return -ENOMEM;
	ok = EVP_PKEY_derive_init(ctx) > 0 &&
	     (EVP_PKEY_get_base_id(key) != EVP_PKEY_DH ||
	      EVP_PKEY_CTX_set_dh_pad(ctx, 1) > 0) &&
	     EVP_PKEY_derive_set_peer_ex(ctx, peer, 0) > 0 &&
	     EVP_PKEY_derive(ctx, out, &got) > 0 && got == len &&
	     !all_zero(out, len);
	EVP_PKEY_CTX_free(ctx);
	if (!ok) {
		OPENSSL_cleanse(out, len);
		return -EBADMSG;
	}
	return 0;
}

int dh_shared(struct dh *dh, const uint8_t *peer, size_t len, uint8_t *out,
	      size_t *out_len)
{
	EVP_PKEY *key;
	int ret;

	if (!dh || !peer || len != public_len(dh->group) || !out ||
	    !out_len || *out_len < dh->group->len)
		return -EINVAL;
	key = peer_key(dh->group, peer, len);
	if (!key)
		return -EBADMSG;
	ret = derive(dh->key, key, out, dh->group->len);
	EVP_PKEY_free(key);
	if (!ret)
		*out_len = dh->group->len;
	return ret;
}

int dh_public(const struct dh *dh, uint8_t *out, size_t len)
{
	uint8_t buf[1 + DH_PUBLIC_MAX];
	size_t got, skip;

	if (!dh || !out || len != public_len(dh->group))
		return -EINVAL;
	skip = dh->group->kind == DH_KIND_ECP;
	if (!EVP_PKEY_get_octet_string_param(dh->key,
					     OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY,
					     buf, sizeof(buf), &got) ||
	    got != skip + len || (skip && buf[0] != EC_POINT_UNCOMPRESSED))
		return -EIO;
	memcpy(out, buf + skip, len);
	return 0;
}

/* g^x mod p, by DH with the generator as the peer's value */
static int modp_public(const struct dh_group *g, EVP_PKEY *key, uint8_t *pub)
{
	uint8_t gen[DH_PUBLIC_MAX] = { 0 };
	EVP_PKEY *peer;
	int ret;

	gen[g->len - 1] = 2;	/* RFC 3526: the generator is 2 */
	peer = import(g, NULL, gen, g->len);
	if (!peer)
		return -EIO;
	ret = derive(key, peer, pub, g->len);
	EVP_PKEY_free(peer);
	return ret;
}

/* x * G, uncompressed */
static int ecp_public(const struct dh_group *g, const BIGNUM *priv,
		      uint8_t *pub)
{
	size_t len = 1 + public_len(g);
	EC_POINT *point = NULL;
	EC_GROUP *group;
	BN_CTX *bnctx;
	int ok;

	group = EC_GROUP_new_by_curve_name(g->nid);
	bnctx = BN_CTX_secure_new();
	ok = group && bnctx && (point = EC_POINT_new(group)) &&
	     EC_POINT_mul(group, point, priv, NULL, NULL, bnctx) &&
	     EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED,
				pub, len, bnctx) == len;
	EC_POINT_clear_free(point);
	BN_CTX_free(bnctx);
	EC_GROUP_free(group);
	return ok ? 0 : -EIO;
}

static bool private_valid(EVP_PKEY *key)
{
	EVP_PKEY_CTX *ctx;
	bool ok;

	ctx = EVP_PKEY_CTX_new_from_pkey(NULL, key, NULL);
	ok = ctx && EVP_PKEY_private_check(ctx) > 0;
	EVP_PKEY_CTX_free(ctx);
	return ok;
}

/* a MODP or ECP key pair: the private key, then the public key from it */
static EVP_PKEY *import_pair(const struct dh_group *g, const BIGNUM *priv)
{
	uint8_t pub[1 + DH_PUBLIC_MAX];
	EVP_PKEY *key;
	int ret;

	key = import(g, priv, NULL, 0);
	if (!key || !private_valid(key)) {
		EVP_PKEY_free(key);
		errno = EINVAL;
		return NULL;
	}
	if (g->kind == DH_KIND_MODP)
		ret = modp_public(g, key, pub);
	else
		ret = ecp_public(g, priv, pub);
	if (ret ||
	    !EVP_PKEY_set1_encoded_public_key(key, pub, g->kind == DH_KIND_ECP ?
					      1 + public_len(g) : g->len)) {
		EVP_PKEY_free(key);
		errno = EIO;
		key = NULL;
	}
	return key;
}

struct dh *dh_new_private(uint16_t group, const uint8_t *priv, size_t len)
{
	const struct dh_group *g = group_find(group);
	EVP_PKEY *key;
	BIGNUM *x;

	if (!g) {
		errno = ENOTSUP;
		return NULL;
	}
	if (!priv || !len || len > DH_SHARED_MAX ||
	    (g->kind != DH_KIND_MODP && len != g->len)) {
		errno = EINVAL;
		return NULL;
	}
	if (g->kind == DH_KIND_X25519) {
		key = EVP_PKEY_new_raw_private_key_ex(NULL, g->name, NULL,
						      priv, len);
		if (!key)
			errno = EINVAL;
		return dh_wrap(g, key);
	}
	/* a secure BIGNUM is wiped when freed, and so are its copies */
	x = BN_secure_new();
	if (!x || !BN_bin2bn(priv, len, x)) {
		BN_clear_free(x);
		errno = ENOMEM;
		return NULL;
	}
	key = import_pair(g, x);
	BN_clear_free(x);
	return dh_wrap(g, key);
}

void dh_free(struct dh *dh)
{
	if (!dh)
		return;
	EVP_PKEY_free(dh->key);
	free(dh);
}
