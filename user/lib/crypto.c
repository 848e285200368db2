// SPDX-License-Identifier: GPL-2.0-only
/*
 * The IKEv2 PRFs and prf+, the integrity algorithms and the cipher of the
 * Encrypted payload, on OpenSSL 3 libcrypto: EVP_MAC for HMAC, EVP_CIPHER
 * for AES-CBC, AES-GCM and ChaCha20-Poly1305.
 */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include "crypto.h"
#include "ikev2.h"
#include "util.h"

/* where the IKE header and a generic payload header keep their lengths */
#define IKEV2_HDR_LENGTH_OFF	offsetof(struct ikev2_hdr, length)
#define IKEV2_GEN_LENGTH_OFF	offsetof(struct ikev2_gen_hdr, length)

static const struct crypto_prf prfs[] = {
	{ IKEV2_PRF_HMAC_SHA1, "prf-hmac-sha1", "SHA1", 20 },
	{ IKEV2_PRF_HMAC_SHA2_256, "prf-hmac-sha2-256", "SHA2-256", 32 },
	{ IKEV2_PRF_HMAC_SHA2_384, "prf-hmac-sha2-384", "SHA2-384", 48 },
	{ IKEV2_PRF_HMAC_SHA2_512, "prf-hmac-sha2-512", "SHA2-512", 64 },
};

static const struct crypto_integ integs[] = {
	{ IKEV2_INTEG_HMAC_SHA1_96, "hmac-sha1-96", "SHA1", 20, 12 },
	{ IKEV2_INTEG_HMAC_SHA2_256_128, "hmac-sha2-256-128", "SHA2-256",
	  32, 16 },
	{ IKEV2_INTEG_HMAC_SHA2_384_192, "hmac-sha2-384-192", "SHA2-384",
	  48, 24 },
	{ IKEV2_INTEG_HMAC_SHA2_512_256, "hmac-sha2-512-256", "SHA2-512",
	  64, 32 },
};

#define AES_CBC(bits) {							\
	.id = IKEV2_ENCR_AES_CBC, .key_bits = bits,			\
	.name = "aes-cbc-" #bits, .cipher = "AES-" #bits "-CBC",	\
	.key_len = (bits) / 8, .iv_len = 16, .block_len = 16,		\
}

/* RFC 5282 §7.1: the key, then a 4-byte salt */
#define AES_GCM_16(bits) {						\
	.id = IKEV2_ENCR_AES_GCM_16, .key_bits = bits,			\
	.name = "aes-gcm-16-" #bits, .cipher = "AES-" #bits "-GCM",	\
	.key_len = (bits) / 8 + 4, .salt_len = 4, .iv_len = 8,		\
	.block_len = 1, .icv_len = 16, .aead = true,			\
}

static const struct crypto_encr encrs[] = {
	AES_CBC(128),
	AES_CBC(192),
	AES_CBC(256),
	AES_GCM_16(128),
	AES_GCM_16(192),
	AES_GCM_16(256),
	/* RFC 7634 §2, §4: a 256-bit key and a 4-byte salt, no attribute */
	{
		.id = IKEV2_ENCR_CHACHA20_POLY1305, .key_bits = 0,
		.name = "chacha20-poly1305", .cipher = "ChaCha20-Poly1305",
		.key_len = 36, .salt_len = 4, .iv_len = 8, .block_len = 1,
		.icv_len = 16, .aead = true,
	},
};

const struct crypto_prf *crypto_prf_find(uint16_t id)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(prfs); i++)
		if (prfs[i].id == id)
			return &prfs[i];
	return NULL;
}

const struct crypto_integ *crypto_integ_find(uint16_t id)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(integs); i++)
		if (integs[i].id == id)
			return &integs[i];
	return NULL;
}

const struct crypto_encr *crypto_encr_find(uint16_t id, uint16_t key_bits)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(encrs); i++)
		if (encrs[i].id == id && encrs[i].key_bits == key_bits)
			return &encrs[i];
	return NULL;
}

static bool iov_valid(const struct iovec *iov, int n)
{
	return n >= 0 && (n == 0 || iov);
}

/* an HMAC context keyed with @key, ready for data */
static int hmac_start(EVP_MAC_CTX **ctxp, const char *digest,
		      const uint8_t *key, size_t key_len)
{
	static const uint8_t no_key;
	OSSL_PARAM params[] = {
		/* OSSL_PARAM wants a mutable string, which it only reads */
		OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
						 (char *)(uintptr_t)digest, 0),
		OSSL_PARAM_construct_end(),
	};
	EVP_MAC_CTX *ctx;
	EVP_MAC *mac;

	mac = EVP_MAC_fetch(NULL, OSSL_MAC_NAME_HMAC, NULL);
	if (!mac)
		return -EIO;
	ctx = EVP_MAC_CTX_new(mac);
	EVP_MAC_free(mac);
	if (!ctx)
		return -ENOMEM;
	if (!EVP_MAC_init(ctx, key_len ? key : &no_key, key_len, params)) {
		EVP_MAC_CTX_free(ctx);
		return -EIO;
	}
	*ctxp = ctx;
	return 0;
}

static int hmac_update(EVP_MAC_CTX *ctx, const struct iovec *iov, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (iov[i].iov_len &&
		    !EVP_MAC_update(ctx, iov[i].iov_base, iov[i].iov_len))
			return -EIO;
	return 0;
}

/* the MAC, truncated to @out_len bytes */
static int hmac_final(EVP_MAC_CTX *ctx, uint8_t *out, size_t out_len)
{
	uint8_t md[EVP_MAX_MD_SIZE];
	size_t len;
	int ret = 0;

	if (!EVP_MAC_final(ctx, md, &len, sizeof(md)) || len < out_len)
		ret = -EIO;
	else
		memcpy(out, md, out_len);
	OPENSSL_cleanse(md, sizeof(md));
	return ret;
}

static int hmac(const char *digest, const uint8_t *key, size_t key_len,
		const struct iovec *data, int n, uint8_t *out, size_t out_len)
{
	EVP_MAC_CTX *ctx;
	int ret;

	ret = hmac_start(&ctx, digest, key, key_len);
	if (ret)
		return ret;
	ret = hmac_update(ctx, data, n);
	if (!ret)
		ret = hmac_final(ctx, out, out_len);
	EVP_MAC_CTX_free(ctx);
	return ret;
}

int crypto_prf(const struct crypto_prf *prf, const uint8_t *key,
	       size_t key_len, const struct iovec *data, int n, uint8_t *out)
{
	if (!prf || (key_len && !key) || !iov_valid(data, n) || !out)
		return -EINVAL;
	return hmac(prf->digest, key, key_len, data, n, out, prf->out_len);
}

/* T(i) = prf(K, T(i-1) | S | i), @t holding T(i-1) of @t_len bytes */
static int prf_plus_block(EVP_MAC_CTX *ctx, const struct crypto_prf *prf,
			  uint8_t *t, size_t t_len, const struct iovec *seed,
			  int n, uint8_t i)
{
	int ret;

	/* a NULL key starts over with the same key */
	if (t_len && !EVP_MAC_init(ctx, NULL, 0, NULL))
		return -EIO;
	if (t_len && !EVP_MAC_update(ctx, t, t_len))
		return -EIO;
	ret = hmac_update(ctx, seed, n);
	if (ret)
		return ret;
	if (!EVP_MAC_update(ctx, &i, 1))
		return -EIO;
	return hmac_final(ctx, t, prf->out_len);
}

int crypto_prf_plus(const struct crypto_prf *prf, const uint8_t *key,
		    size_t key_len, const struct iovec *seed, int n,
		    uint8_t *out, size_t out_len)
{
	uint8_t t[CRYPTO_PRF_MAX];
	size_t done, chunk;
	EVP_MAC_CTX *ctx;
	uint8_t i;
	int ret;

	if (!prf || (key_len && !key) || !iov_valid(seed, n) || !out ||
	    out_len > 255 * prf->out_len)
		return -EINVAL;
	ret = hmac_start(&ctx, prf->digest, key, key_len);
	if (ret) {
		OPENSSL_cleanse(out, out_len);
		return ret;
	}
	for (i = 1, done = 0; !ret && done < out_len; i++, done += chunk) {
		ret = prf_plus_block(ctx, prf, t, done ? prf->out_len : 0,
				     seed, n, i);
		chunk = out_len - done;
		if (chunk > prf->out_len)
			chunk = prf->out_len;
		if (!ret)
			memcpy(out + done, t, chunk);
	}
	EVP_MAC_CTX_free(ctx);
	OPENSSL_cleanse(t, sizeof(t));
	if (ret)
		OPENSSL_cleanse(out, out_len);
	return ret;
}

int crypto_integ_compute(const struct crypto_integ *integ,
			 const uint8_t *key, const struct iovec *data, int n,
			 uint8_t *icv)
{
	if (!integ || !key || !iov_valid(data, n) || !icv)
		return -EINVAL;
	return hmac(integ->digest, key, integ->key_len, data, n, icv,
		    integ->icv_len);
}

/* a cipher context with key and IV (for AEAD the nonce salt | IV) set */
static int cipher_start(EVP_CIPHER_CTX **ctxp, const struct crypto_encr *encr,
			const uint8_t *key, const uint8_t *iv, int enc)
{
	size_t key_len = encr->key_len - encr->salt_len;
	uint8_t nonce[CRYPTO_BLOCK_MAX];
	EVP_CIPHER_CTX *ctx;
	EVP_CIPHER *cipher;
	int ok;

	memcpy(nonce, key + key_len, encr->salt_len);
	memcpy(nonce + encr->salt_len, iv, encr->iv_len);
	cipher = EVP_CIPHER_fetch(NULL, encr->cipher, NULL);
	if (!cipher)
		return -EIO;
	ctx = EVP_CIPHER_CTX_new();
	if (!ctx) {
		EVP_CIPHER_free(cipher);
		return -ENOMEM;
	}
	ok = EVP_CipherInit_ex2(ctx, cipher, key, nonce, enc, NULL) &&
	     (size_t)EVP_CIPHER_CTX_get_key_length(ctx) == key_len &&
	     (size_t)EVP_CIPHER_CTX_get_iv_length(ctx) ==
		encr->salt_len + encr->iv_len &&
	     EVP_CIPHER_CTX_set_padding(ctx, 0);
	EVP_CIPHER_free(cipher);
	OPENSSL_cleanse(nonce, sizeof(nonce));
	if (!ok) {
		EVP_CIPHER_CTX_free(ctx);
		return -EIO;
	}
	*ctxp = ctx;
	return 0;
}

static int cipher_aad(EVP_CIPHER_CTX *ctx, const struct iovec *aad, int n)
{
	int i, len;

	for (i = 0; i < n; i++)
		if (aad[i].iov_len > INT_MAX ||
		    !EVP_CipherUpdate(ctx, NULL, &len, aad[i].iov_base,
				      (int)aad[i].iov_len))
			return -EIO;
	return 0;
}

/* in place; a failed final step is a bad tag when decrypting AEAD */
static int cipher_run(EVP_CIPHER_CTX *ctx, const struct iovec *aad, int n,
		      uint8_t *data, size_t len)
{
	int out = 0, tail = 0, ret;

	ret = cipher_aad(ctx, aad, n);
	if (ret)
		return ret;
	if (len && !EVP_CipherUpdate(ctx, data, &out, data, (int)len))
		return -EIO;
	if ((size_t)out != len)
		return -EIO;
	if (!EVP_CipherFinal_ex(ctx, data + out, &tail))
		return -EBADMSG;
	return tail ? -EIO : 0;
}

static bool encr_args_valid(const struct crypto_encr *encr,
			    const uint8_t *key, const uint8_t *iv,
			    const struct iovec *aad, int n,
			    const uint8_t *data, size_t len, const void *icv)
{
	if (!encr || !key || !iv || (len && !data) || len > INT_MAX ||
	    len % encr->block_len || !iov_valid(aad, n))
		return false;
	return encr->aead ? icv != NULL : !n && !icv;
}

/* the AEAD tag as a parameter; it is only read when it is set */
static void tag_param(OSSL_PARAM *par, const uint8_t *tag, size_t len)
{
	par[0] = OSSL_PARAM_construct_octet_string(OSSL_CIPHER_PARAM_AEAD_TAG,
						   (void *)(uintptr_t)tag, len);
	par[1] = OSSL_PARAM_construct_end();
}

int crypto_encr_encrypt(const struct crypto_encr *encr, const uint8_t *key,
			const uint8_t *iv, const struct iovec *aad, int n,
			uint8_t *data, size_t len, uint8_t *icv)
{
	OSSL_PARAM params[2];
	EVP_CIPHER_CTX *ctx;
	int ret;

	if (!encr_args_valid(encr, key, iv, aad, n, data, len, icv))
		return -EINVAL;
	ret = cipher_start(&ctx, encr, key, iv, 1);
	if (ret)
		return ret;
	ret = cipher_run(ctx, aad, n, data, len);
	if (ret == -EBADMSG)
		ret = -EIO;
	if (!ret && encr->aead) {
		tag_param(params, icv, encr->icv_len);
		if (!EVP_CIPHER_CTX_get_params(ctx, params))
			ret = -EIO;
	}
	EVP_CIPHER_CTX_free(ctx);
	return ret;
}

int crypto_encr_decrypt(const struct crypto_encr *encr, const uint8_t *key,
			const uint8_t *iv, const struct iovec *aad, int n,
			uint8_t *data, size_t len, const uint8_t *icv)
{
	OSSL_PARAM params[2];
	EVP_CIPHER_CTX *ctx;
	int ret;

	if (!encr_args_valid(encr, key, iv, aad, n, data, len, icv))
		return -EINVAL;
	ret = cipher_start(&ctx, encr, key, iv, 0);
	if (ret)
		return ret;
	if (encr->aead) {
		tag_param(params, icv, encr->icv_len);
		if (!EVP_CIPHER_CTX_set_params(ctx, params))
			ret = -EIO;
	}
	if (!ret)
		ret = cipher_run(ctx, aad, n, data, len);
	EVP_CIPHER_CTX_free(ctx);
	if (ret == -EBADMSG && len)
		OPENSSL_cleanse(data, len);
	return ret;
}

int crypto_sk_init(struct crypto_sk *sk, const struct crypto_encr *encr,
		   const struct crypto_integ *integ, const uint8_t *ekey,
		   size_t ekey_len, const uint8_t *ikey, size_t ikey_len)
{
	if (!sk)
		return -EINVAL;
	memset(sk, 0, sizeof(*sk));
	if (!encr || !ekey || ekey_len != encr->key_len)
		return -EINVAL;
	if (encr->aead ? integ || ikey_len :
			 !integ || !ikey || ikey_len != integ->key_len)
		return -EINVAL;
	sk->encr = encr;
	sk->integ = integ;
	memcpy(sk->ekey, ekey, ekey_len);
	if (ikey_len)
		memcpy(sk->ikey, ikey, ikey_len);
	return 0;
}

void crypto_sk_wipe(struct crypto_sk *sk)
{
	if (sk)
		OPENSSL_cleanse(sk, sizeof(*sk));
}

static size_t sk_icv_len(const struct crypto_sk *sk)
{
	return sk->encr->aead ? sk->encr->icv_len : sk->integ->icv_len;
}

/* §3.14: padding so that the inner payloads and pad length byte fill blocks */
static size_t sk_pad_len(const struct crypto_sk *sk, size_t plain_len)
{
	size_t block = sk->encr->block_len;

	return (block - (plain_len + 1) % block) % block;
}

size_t crypto_sk_len(const struct crypto_sk *sk, size_t plain_len)
{
	return IKEV2_GEN_HDR_LEN + sk->encr->iv_len + plain_len +
	       sk_pad_len(sk, plain_len) + 1 + sk_icv_len(sk);
}

static void put_be16(uint8_t *p, size_t v)
{
	p[0] = v >> 8;
	p[1] = v;
}

static void put_be32(uint8_t *p, size_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static size_t get_be16(const uint8_t *p)
{
	return (size_t)p[0] << 8 | p[1];
}

static size_t get_be32(const uint8_t *p)
{
	return (size_t)p[0] << 24 | (size_t)p[1] << 16 | (size_t)p[2] << 8 |
	       p[3];
}

/* encrypt and append the ICV; the headers are final */
static int sk_protect(const struct crypto_sk *sk, uint8_t *msg,
		      size_t sk_off, uint8_t *ct, size_t ct_len)
{
	struct iovec covered = crypto_iov(msg, sk_off + IKEV2_GEN_HDR_LEN);
	const uint8_t *iv = msg + sk_off + IKEV2_GEN_HDR_LEN;
	int ret;

	if (sk->encr->aead)
		return crypto_encr_encrypt(sk->encr, sk->ekey, iv, &covered, 1,
					   ct, ct_len, ct + ct_len);
	ret = crypto_encr_encrypt(sk->encr, sk->ekey, iv, NULL, 0, ct, ct_len,
				  NULL);
	if (ret)
		return ret;
	covered.iov_len = ct + ct_len - msg;
	return crypto_integ_compute(sk->integ, sk->ikey, &covered, 1,
				    ct + ct_len);
}

int crypto_sk_seal(const struct crypto_sk *sk, uint8_t *msg, size_t sk_off,
		   size_t plain_len, size_t cap, size_t *msg_len)
{
	size_t pad, ct_len, total;
	uint8_t *iv, *ct;
	int ret;

	if (!sk || !sk->encr || !msg || !msg_len || sk_off < IKEV2_HDR_LEN)
		return -EINVAL;
	if (sk_off > IKEV2_MSG_MAX || plain_len > IKEV2_MSG_MAX)
		return -EMSGSIZE;
	total = sk_off + crypto_sk_len(sk, plain_len);
	if (total > cap || total > IKEV2_MSG_MAX)
		return -EMSGSIZE;
	pad = sk_pad_len(sk, plain_len);
	iv = msg + sk_off + IKEV2_GEN_HDR_LEN;
	ct = iv + sk->encr->iv_len;
	ct_len = plain_len + pad + 1;
	memset(ct + plain_len, 0, pad);
	ct[ct_len - 1] = pad;
	put_be16(msg + sk_off + IKEV2_GEN_LENGTH_OFF, total - sk_off);
	put_be32(msg + IKEV2_HDR_LENGTH_OFF, total);
	if (RAND_bytes(iv, sk->encr->iv_len) != 1)
		return -EIO;
	ret = sk_protect(sk, msg, sk_off, ct, ct_len);
	if (!ret)
		*msg_len = total;
	return ret;
}

/* check the ICV first, then decrypt */
static int sk_unprotect(const struct crypto_sk *sk, uint8_t *msg,
			size_t sk_off, uint8_t *ct, size_t ct_len)
{
	struct iovec covered = crypto_iov(msg, sk_off + IKEV2_GEN_HDR_LEN);
	const uint8_t *iv = msg + sk_off + IKEV2_GEN_HDR_LEN;
	const uint8_t *icv = ct + ct_len;
	uint8_t mac[CRYPTO_ICV_MAX];
	int ret;

	if (sk->encr->aead)
		return crypto_encr_decrypt(sk->encr, sk->ekey, iv, &covered, 1,
					   ct, ct_len, icv);
	covered.iov_len = icv - msg;
	ret = crypto_integ_compute(sk->integ, sk->ikey, &covered, 1, mac);
	if (!ret && CRYPTO_memcmp(mac, icv, sk->integ->icv_len))
		ret = -EBADMSG;
	OPENSSL_cleanse(mac, sizeof(mac));
	if (ret)
		return ret;
	return crypto_encr_decrypt(sk->encr, sk->ekey, iv, NULL, 0, ct, ct_len,
				   NULL);
}

int crypto_sk_open(const struct crypto_sk *sk, uint8_t *msg, size_t msg_len,
		   size_t sk_off, size_t *plain_off, size_t *plain_len)
{
	size_t head, icv_len, min_ct, ct_len, pad;
	uint8_t *ct;
	int ret;

	if (!sk || !sk->encr || !msg || !plain_off || !plain_len)
		return -EINVAL;
	head = IKEV2_GEN_HDR_LEN + sk->encr->iv_len;
	icv_len = sk_icv_len(sk);
	min_ct = sk->encr->aead ? 1 : sk->encr->block_len;
	if (sk_off < IKEV2_HDR_LEN || msg_len > IKEV2_MSG_MAX ||
	    sk_off > msg_len || msg_len - sk_off < head + min_ct + icv_len)
		return -EBADMSG;
	if (get_be32(msg + IKEV2_HDR_LENGTH_OFF) != msg_len ||
	    get_be16(msg + sk_off + IKEV2_GEN_LENGTH_OFF) != msg_len - sk_off)
		return -EBADMSG;
	ct = msg + sk_off + head;
	ct_len = msg_len - sk_off - head - icv_len;
	if (ct_len % sk->encr->block_len)
		return -EBADMSG;
	ret = sk_unprotect(sk, msg, sk_off, ct, ct_len);
	if (ret)
		return ret;
	pad = ct[ct_len - 1];
	if (pad >= ct_len)
		return -EBADMSG;
	*plain_off = ct - msg;
	*plain_len = ct_len - 1 - pad;
	return 0;
}
