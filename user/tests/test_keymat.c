// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of user/lib/keymat.c: the key lengths of every algorithm
 * combination, and each derivation of RFC 7296 (§2.14, §2.15, §2.17,
 * §2.18) against the same formula composed here from crypto_prf() and
 * crypto_prf_plus().
 */
#include <errno.h>
#include <string.h>

#include "kselftest_harness.h"
#include "../lib/ikev2.h"
#include "../lib/keymat.h"

#define ARRAY_LEN(a)	(sizeof(a) / sizeof((a)[0]))

static const uint16_t prf_ids[] = {
	IKEV2_PRF_HMAC_SHA1, IKEV2_PRF_HMAC_SHA2_256,
	IKEV2_PRF_HMAC_SHA2_384, IKEV2_PRF_HMAC_SHA2_512,
};

static const uint16_t integ_ids[] = {
	IKEV2_INTEG_HMAC_SHA1_96, IKEV2_INTEG_HMAC_SHA2_256_128,
	IKEV2_INTEG_HMAC_SHA2_384_192, IKEV2_INTEG_HMAC_SHA2_512_256,
};

static const uint16_t encr_ids[][2] = {
	{ IKEV2_ENCR_AES_CBC, 128 },
	{ IKEV2_ENCR_AES_CBC, 192 },
	{ IKEV2_ENCR_AES_CBC, 256 },
	{ IKEV2_ENCR_AES_GCM_16, 128 },
	{ IKEV2_ENCR_AES_GCM_16, 192 },
	{ IKEV2_ENCR_AES_GCM_16, 256 },
	{ IKEV2_ENCR_CHACHA20_POLY1305, 0 },
};

/* the inputs of an exchange */
struct inputs {
	uint8_t ni[32], nr[48], spi_i[8], spi_r[8], dh[256], dh_new[96];
	uint8_t sk_d_old[64];
};

static void fill(uint8_t *p, size_t len, uint8_t seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = seed + i * 31;
}

static void inputs_init(struct inputs *in)
{
	fill(in->ni, sizeof(in->ni), 0x01);
	fill(in->nr, sizeof(in->nr), 0x77);
	fill(in->spi_i, sizeof(in->spi_i), 0xa0);
	fill(in->spi_r, sizeof(in->spi_r), 0x0b);
	fill(in->dh, sizeof(in->dh), 0x5c);
	fill(in->dh_new, sizeof(in->dh_new), 0xe3);
	fill(in->sk_d_old, sizeof(in->sk_d_old), 0x42);
}

static int derive(const struct inputs *in, const struct crypto_prf *prf,
		  const struct crypto_encr *encr,
		  const struct crypto_integ *integ, struct keymat_ike *out)
{
	return keymat_ike_derive(prf, encr, integ, in->ni, sizeof(in->ni),
				 in->nr, sizeof(in->nr), in->spi_i, in->spi_r,
				 in->dh, sizeof(in->dh), out);
}

TEST(ike_key_lengths)
{
	struct keymat_ike km;
	struct inputs in;
	size_t p, e, i;

	inputs_init(&in);
	for (p = 0; p < ARRAY_LEN(prf_ids); p++) {
		const struct crypto_prf *prf = crypto_prf_find(prf_ids[p]);

		for (e = 0; e < ARRAY_LEN(encr_ids); e++) {
			const struct crypto_encr *encr;

			encr = crypto_encr_find(encr_ids[e][0], encr_ids[e][1]);
			for (i = 0; i < ARRAY_LEN(integ_ids); i++) {
				const struct crypto_integ *integ;

				integ = encr->aead ? NULL :
					crypto_integ_find(integ_ids[i]);
				ASSERT_EQ(0, derive(&in, prf, encr, integ,
						    &km));
				EXPECT_EQ(prf->out_len, km.prf_len);
				EXPECT_EQ(encr->key_len, km.encr_len);
				EXPECT_EQ(integ ? integ->key_len : 0,
					  km.integ_len);
				keymat_wipe(&km, sizeof(km));
			}
		}
	}
}

/* {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr} in @stream */
static void check_ike_keys(struct __test_metadata *_metadata,
			   const struct keymat_ike *km, const uint8_t *stream)
{
	const uint8_t *p = stream;
	size_t pl = km->prf_len, al = km->integ_len, el = km->encr_len;

	EXPECT_EQ(0, memcmp(p, km->sk_d, pl));
	p += pl;
	EXPECT_EQ(0, memcmp(p, km->sk_ai, al));
	p += al;
	EXPECT_EQ(0, memcmp(p, km->sk_ar, al));
	p += al;
	EXPECT_EQ(0, memcmp(p, km->sk_ei, el));
	p += el;
	EXPECT_EQ(0, memcmp(p, km->sk_er, el));
	p += el;
	EXPECT_EQ(0, memcmp(p, km->sk_pi, pl));
	p += pl;
	EXPECT_EQ(0, memcmp(p, km->sk_pr, pl));
}

/* prf+(SKEYSEED, Ni | Nr | SPIi | SPIr), all seven keys */
static void expected_stream(struct __test_metadata *_metadata,
			    const struct inputs *in,
			    const struct crypto_prf *prf,
			    const uint8_t *skeyseed, size_t skeyseed_len,
			    size_t len, uint8_t *out)
{
	const struct iovec seed[] = {
		crypto_iov(in->ni, sizeof(in->ni)),
		crypto_iov(in->nr, sizeof(in->nr)),
		crypto_iov(in->spi_i, sizeof(in->spi_i)),
		crypto_iov(in->spi_r, sizeof(in->spi_r)),
	};

	ASSERT_EQ(0, crypto_prf_plus(prf, skeyseed, skeyseed_len, seed, 4,
				     out, len));
}

static void check_derive(struct __test_metadata *_metadata,
			 uint16_t prf_id, uint16_t encr_id, uint16_t bits,
			 uint16_t integ_id)
{
	const struct crypto_prf *prf = crypto_prf_find(prf_id);
	const struct crypto_encr *encr = crypto_encr_find(encr_id, bits);
	const struct crypto_integ *integ = crypto_integ_find(integ_id);
	uint8_t nonces[80], skeyseed[64], stream[512];
	struct keymat_ike km;
	struct iovec dh;
	struct inputs in;

	inputs_init(&in);
	ASSERT_EQ(0, derive(&in, prf, encr, integ, &km));
	/* SKEYSEED = prf(Ni | Nr, g^ir) */
	memcpy(nonces, in.ni, sizeof(in.ni));
	memcpy(nonces + sizeof(in.ni), in.nr, sizeof(in.nr));
	dh = crypto_iov(in.dh, sizeof(in.dh));
	ASSERT_EQ(0, crypto_prf(prf, nonces, sizeof(nonces), &dh, 1,
				skeyseed));
	expected_stream(_metadata, &in, prf, skeyseed, prf->out_len,
			3 * km.prf_len + 2 * km.integ_len + 2 * km.encr_len,
			stream);
	check_ike_keys(_metadata, &km, stream);
	keymat_wipe(&km, sizeof(km));
}

TEST(ike_derive_composition)
{
	check_derive(_metadata, IKEV2_PRF_HMAC_SHA2_256, IKEV2_ENCR_AES_CBC,
		     256, IKEV2_INTEG_HMAC_SHA2_256_128);
	check_derive(_metadata, IKEV2_PRF_HMAC_SHA1, IKEV2_ENCR_AES_CBC, 128,
		     IKEV2_INTEG_HMAC_SHA1_96);
	check_derive(_metadata, IKEV2_PRF_HMAC_SHA2_512,
		     IKEV2_ENCR_AES_GCM_16, 256, IKEV2_INTEG_NONE);
	check_derive(_metadata, IKEV2_PRF_HMAC_SHA2_384,
		     IKEV2_ENCR_CHACHA20_POLY1305, 0, IKEV2_INTEG_NONE);
}

TEST(ike_rekey_composition)
{
	const struct crypto_prf *old_prf = crypto_prf_find(IKEV2_PRF_HMAC_SHA1);
	const struct crypto_prf *prf = crypto_prf_find(IKEV2_PRF_HMAC_SHA2_384);
	const struct crypto_encr *encr;
	const struct crypto_integ *integ;
	uint8_t skeyseed[64], stream[512];
	struct keymat_ike km, first;
	struct iovec data[3];
	struct inputs in;

	inputs_init(&in);
	encr = crypto_encr_find(IKEV2_ENCR_AES_CBC, 192);
	integ = crypto_integ_find(IKEV2_INTEG_HMAC_SHA2_512_256);
	ASSERT_EQ(0, keymat_ike_rekey(old_prf, in.sk_d_old, prf, encr, integ,
				      in.ni, sizeof(in.ni), in.nr,
				      sizeof(in.nr), in.spi_i, in.spi_r,
				      in.dh_new, sizeof(in.dh_new), &km));
	EXPECT_EQ(48, km.prf_len);
	/* SKEYSEED = prf(SK_d (old), g^ir (new) | Ni | Nr), the old PRF */
	data[0] = crypto_iov(in.dh_new, sizeof(in.dh_new));
	data[1] = crypto_iov(in.ni, sizeof(in.ni));
	data[2] = crypto_iov(in.nr, sizeof(in.nr));
	ASSERT_EQ(0, crypto_prf(old_prf, in.sk_d_old, old_prf->out_len, data,
				3, skeyseed));
	/* the keys from the new PRF */
	expected_stream(_metadata, &in, prf, skeyseed, old_prf->out_len,
			3 * 48 + 2 * 64 + 2 * 24, stream);
	check_ike_keys(_metadata, &km, stream);
	/* not the keys of a new IKE SA with the same inputs */
	ASSERT_EQ(0, derive(&in, prf, encr, integ, &first));
	EXPECT_NE(0, memcmp(first.sk_d, km.sk_d, km.prf_len));
	keymat_wipe(&km, sizeof(km));
	keymat_wipe(&first, sizeof(first));
}

static void check_child(struct __test_metadata *_metadata,
			const struct crypto_encr *encr,
			const struct crypto_integ *integ, bool pfs)
{
	const struct crypto_prf *prf = crypto_prf_find(IKEV2_PRF_HMAC_SHA2_256);
	uint8_t stream[256], sk_d[32];
	struct keymat_child km;
	struct iovec seed[3];
	struct inputs in;
	size_t e, a;
	int n = 0;

	inputs_init(&in);
	fill(sk_d, sizeof(sk_d), 0x99);
	ASSERT_EQ(0, keymat_child_derive(prf, sk_d, encr, integ,
					 pfs ? in.dh_new : NULL,
					 pfs ? sizeof(in.dh_new) : 0, in.ni,
					 sizeof(in.ni), in.nr, sizeof(in.nr),
					 &km));
	e = encr->key_len;
	a = integ ? integ->key_len : 0;
	EXPECT_EQ(e, km.encr_len);
	EXPECT_EQ(a, km.integ_len);
	/* KEYMAT = prf+(SK_d, [g^ir (new) |] Ni | Nr) */
	if (pfs)
		seed[n++] = crypto_iov(in.dh_new, sizeof(in.dh_new));
	seed[n++] = crypto_iov(in.ni, sizeof(in.ni));
	seed[n++] = crypto_iov(in.nr, sizeof(in.nr));
	ASSERT_EQ(0, crypto_prf_plus(prf, sk_d, sizeof(sk_d), seed, n, stream,
				     2 * (e + a)));
	/* initiator to responder first, encryption key first (§2.17) */
	EXPECT_EQ(0, memcmp(stream, km.ei, e));
	EXPECT_EQ(0, memcmp(stream + e, km.ai, a));
	EXPECT_EQ(0, memcmp(stream + e + a, km.er, e));
	EXPECT_EQ(0, memcmp(stream + 2 * e + a, km.ar, a));
	keymat_wipe(&km, sizeof(km));
}

TEST(child_keymat_composition)
{
	const struct crypto_encr *cbc, *gcm;
	const struct crypto_integ *integ;

	cbc = crypto_encr_find(IKEV2_ENCR_AES_CBC, 256);
	gcm = crypto_encr_find(IKEV2_ENCR_AES_GCM_16, 128);
	integ = crypto_integ_find(IKEV2_INTEG_HMAC_SHA2_256_128);
	check_child(_metadata, cbc, integ, false);
	check_child(_metadata, cbc, integ, true);
	check_child(_metadata, gcm, NULL, false);
	check_child(_metadata, gcm, NULL, true);
}

TEST(psk_auth_composition)
{
	static const char psk[] = "correct horse battery staple";
	const struct crypto_prf *prf = crypto_prf_find(IKEV2_PRF_HMAC_SHA2_256);
	uint8_t msg[300], nonce[32], id[12], sk_pi[32];
	uint8_t maced[32], key[32], want[32], auth[32];
	struct keymat_signed octets;
	struct iovec iov[3];

	fill(msg, sizeof(msg), 0x21);
	fill(nonce, sizeof(nonce), 0xd0);
	/* ID type FQDN, three reserved bytes, "vpn.test" */
	memcpy(id, "\x02\0\0\0vpn.test", sizeof(id));
	fill(sk_pi, sizeof(sk_pi), 0x66);

	ASSERT_EQ(0, keymat_signed_octets(prf, sk_pi, msg, sizeof(msg), nonce,
					  sizeof(nonce), id, sizeof(id),
					  &octets));
	/* MACedID = prf(SK_pi, RestOfIDPayload) */
	iov[0] = crypto_iov(id, sizeof(id));
	ASSERT_EQ(0, crypto_prf(prf, sk_pi, sizeof(sk_pi), iov, 1, maced));
	ASSERT_EQ(0, keymat_maced_id(prf, sk_pi, id, sizeof(id), auth));
	EXPECT_EQ(0, memcmp(maced, auth, sizeof(maced)));
	/* the signed octets: RealMessage | NonceOfOtherSide | MACedID */
	EXPECT_EQ((void *)msg, octets.iov[0].iov_base);
	EXPECT_EQ(sizeof(msg), octets.iov[0].iov_len);
	EXPECT_EQ((void *)nonce, octets.iov[1].iov_base);
	EXPECT_EQ(sizeof(nonce), octets.iov[1].iov_len);
	EXPECT_EQ(prf->out_len, octets.iov[2].iov_len);
	EXPECT_EQ(0, memcmp(maced, octets.iov[2].iov_base, sizeof(maced)));

	ASSERT_EQ(0, keymat_psk_auth(prf, (const uint8_t *)psk,
				     sizeof(psk) - 1, &octets, auth));
	/* AUTH = prf(prf(Shared Secret, "Key Pad for IKEv2"), octets) */
	iov[0] = crypto_iov("Key Pad for IKEv2", 17);
	ASSERT_EQ(0, crypto_prf(prf, (const uint8_t *)psk, sizeof(psk) - 1,
				iov, 1, key));
	iov[0] = crypto_iov(msg, sizeof(msg));
	iov[1] = crypto_iov(nonce, sizeof(nonce));
	iov[2] = crypto_iov(maced, sizeof(maced));
	ASSERT_EQ(0, crypto_prf(prf, key, sizeof(key), iov, 3, want));
	EXPECT_EQ(0, memcmp(want, auth, sizeof(auth)));
}

TEST(argument_checks)
{
	const struct crypto_prf *prf = crypto_prf_find(IKEV2_PRF_HMAC_SHA2_256);
	const struct crypto_encr *cbc, *gcm;
	const struct crypto_integ *integ;
	struct keymat_child child;
	struct keymat_ike km;
	struct inputs in;
	size_t i;

	inputs_init(&in);
	cbc = crypto_encr_find(IKEV2_ENCR_AES_CBC, 128);
	gcm = crypto_encr_find(IKEV2_ENCR_AES_GCM_16, 256);
	integ = crypto_integ_find(IKEV2_INTEG_HMAC_SHA2_256_128);
	/* AEAD has no integrity algorithm, anything else needs one */
	EXPECT_EQ(-EINVAL, derive(&in, prf, gcm, integ, &km));
	EXPECT_EQ(-EINVAL, derive(&in, prf, cbc, NULL, &km));
	EXPECT_EQ(-EINVAL, derive(&in, NULL, cbc, integ, &km));
	/* nonces of 16 to 256 bytes (§3.9) */
	EXPECT_EQ(-EINVAL, keymat_ike_derive(prf, cbc, integ, in.ni, 15,
					     in.nr, sizeof(in.nr), in.spi_i,
					     in.spi_r, in.dh, sizeof(in.dh),
					     &km));
	EXPECT_EQ(-EINVAL, keymat_ike_derive(prf, cbc, integ, in.ni,
					     sizeof(in.ni), in.nr, 257,
					     in.spi_i, in.spi_r, in.dh,
					     sizeof(in.dh), &km));
	EXPECT_EQ(0, keymat_ike_derive(prf, cbc, integ, in.ni, 16, in.nr, 16,
				       in.spi_i, in.spi_r, in.dh,
				       sizeof(in.dh), &km));
	EXPECT_EQ(-EINVAL, keymat_ike_derive(prf, cbc, integ, in.ni, 16,
					     in.nr, 16, in.spi_i, in.spi_r,
					     in.dh, 0, &km));
	EXPECT_EQ(-EINVAL, keymat_child_derive(prf, in.sk_d_old, gcm, integ,
					       NULL, 0, in.ni, sizeof(in.ni),
					       in.nr, sizeof(in.nr), &child));
	EXPECT_EQ(-EINVAL, keymat_child_derive(prf, in.sk_d_old, cbc, integ,
					       NULL, 8, in.ni, sizeof(in.ni),
					       in.nr, sizeof(in.nr), &child));
	EXPECT_EQ(-EINVAL, keymat_maced_id(prf, in.sk_d_old, in.ni, 0,
					   km.sk_d));
	EXPECT_EQ(-EINVAL, keymat_psk_auth(prf, in.ni, 0, NULL, km.sk_d));
	keymat_wipe(&km, sizeof(km));
	for (i = 0; i < sizeof(km); i++)
		ASSERT_EQ(0, ((uint8_t *)&km)[i]);
}

TEST_HARNESS_MAIN
