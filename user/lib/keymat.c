// SPDX-License-Identifier: GPL-2.0-only
/*
 * IKEv2 key derivation (RFC 7296 §2.14, §2.17, §2.18) and the AUTH payload
 * of a shared secret (§2.15), on the PRFs of crypto.c.
 */
#include <errno.h>
#include <string.h>

#include <openssl/crypto.h>

#include "ikev2.h"
#include "keymat.h"

/* §2.15 */
static const char key_pad[] = "Key Pad for IKEv2";

/* the most prf+ output an IKE SA needs: SK_d, SK_a*, SK_e*, SK_p* */
#define KEYMAT_IKE_MAX	(3 * CRYPTO_PRF_MAX + 2 * CRYPTO_INTEG_KEY_MAX + \
			 2 * CRYPTO_ENCR_KEY_MAX)

static bool nonce_valid(const uint8_t *nonce, size_t len)
{
	return nonce && len >= IKEV2_NONCE_MIN && len <= IKEV2_NONCE_MAX;
}

/* an integrity algorithm with every cipher but AEAD ones, which have none */
static bool algs_valid(const struct crypto_encr *encr,
		       const struct crypto_integ *integ)
{
	return encr && (encr->aead ? !integ : integ != NULL);
}

/* {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr} from SKEYSEED */
static int ike_keys(const struct crypto_prf *prf,
		    const struct crypto_encr *encr,
		    const struct crypto_integ *integ,
		    const uint8_t *skeyseed, size_t skeyseed_len,
		    const uint8_t *ni, size_t ni_len,
		    const uint8_t *nr, size_t nr_len,
		    const uint8_t *spi_i, const uint8_t *spi_r,
		    struct keymat_ike *out)
{
	const struct iovec seed[] = {
		crypto_iov(ni, ni_len),
		crypto_iov(nr, nr_len),
		crypto_iov(spi_i, IKEV2_SPI_SIZE),
		crypto_iov(spi_r, IKEV2_SPI_SIZE),
	};
	uint8_t buf[KEYMAT_IKE_MAX], *p = buf;
	size_t total;
	int ret;

	out->prf_len = prf->out_len;
	out->integ_len = integ ? integ->key_len : 0;
	out->encr_len = encr->key_len;
	total = 3 * out->prf_len + 2 * out->integ_len + 2 * out->encr_len;
	ret = crypto_prf_plus(prf, skeyseed, skeyseed_len, seed, 4, buf,
			      total);
	if (ret)
		return ret;
	memcpy(out->sk_d, p, out->prf_len);
	p += out->prf_len;
	memcpy(out->sk_ai, p, out->integ_len);
	p += out->integ_len;
	memcpy(out->sk_ar, p, out->integ_len);
	p += out->integ_len;
	memcpy(out->sk_ei, p, out->encr_len);
	p += out->encr_len;
	memcpy(out->sk_er, p, out->encr_len);
	p += out->encr_len;
	memcpy(out->sk_pi, p, out->prf_len);
	p += out->prf_len;
	memcpy(out->sk_pr, p, out->prf_len);
	OPENSSL_cleanse(buf, sizeof(buf));
	return 0;
}

static bool ike_args_valid(const struct crypto_prf *prf,
			   const struct crypto_encr *encr,
			   const struct crypto_integ *integ,
			   const uint8_t *ni, size_t ni_len,
			   const uint8_t *nr, size_t nr_len,
			   const uint8_t *spi_i, const uint8_t *spi_r,
			   const uint8_t *dh, size_t dh_len,
			   const struct keymat_ike *out)
{
	return prf && algs_valid(encr, integ) && nonce_valid(ni, ni_len) &&
	       nonce_valid(nr, nr_len) && spi_i && spi_r && dh && dh_len &&
	       out;
}

int keymat_ike_derive(const struct crypto_prf *prf,
		      const struct crypto_encr *encr,
		      const struct crypto_integ *integ,
		      const uint8_t *ni, size_t ni_len,
		      const uint8_t *nr, size_t nr_len,
		      const uint8_t *spi_i, const uint8_t *spi_r,
		      const uint8_t *dh, size_t dh_len,
		      struct keymat_ike *out)
{
	const struct iovec secret = crypto_iov(dh, dh_len);
	uint8_t nonces[2 * IKEV2_NONCE_MAX];
	uint8_t skeyseed[CRYPTO_PRF_MAX];
	int ret;

	if (!ike_args_valid(prf, encr, integ, ni, ni_len, nr, nr_len, spi_i,
			    spi_r, dh, dh_len, out))
		return -EINVAL;
	/* SKEYSEED = prf(Ni | Nr, g^ir) */
	memcpy(nonces, ni, ni_len);
	memcpy(nonces + ni_len, nr, nr_len);
	ret = crypto_prf(prf, nonces, ni_len + nr_len, &secret, 1, skeyseed);
	if (!ret)
		ret = ike_keys(prf, encr, integ, skeyseed, prf->out_len, ni,
			       ni_len, nr, nr_len, spi_i, spi_r, out);
	OPENSSL_cleanse(nonces, sizeof(nonces));
	OPENSSL_cleanse(skeyseed, sizeof(skeyseed));
	if (ret)
		OPENSSL_cleanse(out, sizeof(*out));
	return ret;
}

int keymat_ike_rekey(const struct crypto_prf *old_prf,
		     const uint8_t *old_sk_d,
		     const struct crypto_prf *prf,
		     const struct crypto_encr *encr,
		     const struct crypto_integ *integ,
		     const uint8_t *ni, size_t ni_len,
		     const uint8_t *nr, size_t nr_len,
		     const uint8_t *spi_i, const uint8_t *spi_r,
		     const uint8_t *dh, size_t dh_len,
		     struct keymat_ike *out)
{
	const struct iovec data[] = {
		crypto_iov(dh, dh_len),
		crypto_iov(ni, ni_len),
		crypto_iov(nr, nr_len),
	};
	uint8_t skeyseed[CRYPTO_PRF_MAX];
	int ret;

	if (!old_prf || !old_sk_d ||
	    !ike_args_valid(prf, encr, integ, ni, ni_len, nr, nr_len, spi_i,
			    spi_r, dh, dh_len, out))
		return -EINVAL;
	/* SKEYSEED = prf(SK_d (old), g^ir (new) | Ni | Nr), old PRF */
	ret = crypto_prf(old_prf, old_sk_d, old_prf->out_len, data, 3,
			 skeyseed);
	/* then prf+ of the new PRF keyed with it (§2.18) */
	if (!ret)
		ret = ike_keys(prf, encr, integ, skeyseed, old_prf->out_len,
			       ni, ni_len, nr, nr_len, spi_i, spi_r, out);
	OPENSSL_cleanse(skeyseed, sizeof(skeyseed));
	if (ret)
		OPENSSL_cleanse(out, sizeof(*out));
	return ret;
}

int keymat_child_derive(const struct crypto_prf *prf, const uint8_t *sk_d,
			const struct crypto_encr *encr,
			const struct crypto_integ *integ,
			const uint8_t *pfs, size_t pfs_len,
			const uint8_t *ni, size_t ni_len,
			const uint8_t *nr, size_t nr_len,
			struct keymat_child *out)
{
	const struct iovec seed[] = {
		crypto_iov(pfs, pfs_len),
		crypto_iov(ni, ni_len),
		crypto_iov(nr, nr_len),
	};
	uint8_t buf[2 * (CRYPTO_ENCR_KEY_MAX + CRYPTO_INTEG_KEY_MAX)];
	size_t e, a;
	int ret;

	if (!prf || !sk_d || !algs_valid(encr, integ) || (pfs_len && !pfs) ||
	    !nonce_valid(ni, ni_len) || !nonce_valid(nr, nr_len) || !out)
		return -EINVAL;
	e = encr->key_len;
	a = integ ? integ->key_len : 0;
	out->encr_len = e;
	out->integ_len = a;
	/* KEYMAT = prf+(SK_d, [g^ir (new) |] Ni | Nr) */
	ret = crypto_prf_plus(prf, sk_d, prf->out_len, seed, 3, buf,
			      2 * (e + a));
	if (ret) {
		OPENSSL_cleanse(out, sizeof(*out));
		return ret;
	}
	memcpy(out->ei, buf, e);
	memcpy(out->ai, buf + e, a);
	memcpy(out->er, buf + e + a, e);
	memcpy(out->ar, buf + 2 * e + a, a);
	OPENSSL_cleanse(buf, sizeof(buf));
	return 0;
}

int keymat_maced_id(const struct crypto_prf *prf, const uint8_t *sk_p,
		    const uint8_t *id, size_t id_len, uint8_t *out)
{
	const struct iovec rest = crypto_iov(id, id_len);

	if (!prf || !sk_p || !id || !id_len || !out)
		return -EINVAL;
	return crypto_prf(prf, sk_p, prf->out_len, &rest, 1, out);
}

int keymat_signed_octets(const struct crypto_prf *prf, const uint8_t *sk_p,
			 const uint8_t *msg, size_t msg_len,
			 const uint8_t *nonce, size_t nonce_len,
			 const uint8_t *id, size_t id_len,
			 struct keymat_signed *out)
{
	int ret;

	if (!msg || msg_len < IKEV2_HDR_LEN || !nonce || !nonce_len || !out)
		return -EINVAL;
	ret = keymat_maced_id(prf, sk_p, id, id_len, out->maced_id);
	if (ret)
		return ret;
	out->iov[0] = crypto_iov(msg, msg_len);
	out->iov[1] = crypto_iov(nonce, nonce_len);
	out->iov[2] = crypto_iov(out->maced_id, prf->out_len);
	return 0;
}

int keymat_psk_auth(const struct crypto_prf *prf, const uint8_t *secret,
		    size_t secret_len, const struct keymat_signed *octets,
		    uint8_t *auth)
{
	const struct iovec pad = crypto_iov(key_pad, sizeof(key_pad) - 1);
	uint8_t key[CRYPTO_PRF_MAX];
	int ret;

	if (!prf || !secret || !secret_len || !octets || !auth)
		return -EINVAL;
	/* AUTH = prf(prf(Shared Secret, "Key Pad for IKEv2"), <octets>) */
	ret = crypto_prf(prf, secret, secret_len, &pad, 1, key);
	if (!ret)
		ret = crypto_prf(prf, key, prf->out_len, octets->iov, 3, auth);
	OPENSSL_cleanse(key, sizeof(key));
	return ret;
}

void keymat_wipe(void *p, size_t len)
{
	if (p)
		OPENSSL_cleanse(p, len);
}
