// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of user/lib/crypto.c: known answers of the PRFs and
 * integrity algorithms (RFC 2202, RFC 4868 §2.7) and of the ciphers
 * (NIST SP 800-38A, the GCM specification's test cases, RFC 8439 §2.8.2),
 * prf+ (RFC 7296 §2.13), and sealing and opening the Encrypted payload
 * with every cipher and integrity algorithm.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"
#include "../lib/crypto.h"
#include "../lib/ikev2.h"

#define ARRAY_LEN(a)	(sizeof(a) / sizeof((a)[0]))

/* hex digits, white space and colons ignored; the number of bytes */
static size_t unhex(const char *hex, uint8_t *out, size_t cap)
{
	size_t n = 0;
	int hi = -1;

	for (; *hex; hex++) {
		int v;

		if (isspace((unsigned char)*hex) || *hex == ':')
			continue;
		v = isdigit((unsigned char)*hex) ? *hex - '0' :
						   tolower(*hex) - 'a' + 10;
		if (hi < 0) {
			hi = v;
			continue;
		}
		if (n == cap)
			abort();
		out[n++] = hi << 4 | v;
		hi = -1;
	}
	return n;
}

/* test input: text, hex digits, or @len bytes of @fill */
struct bytes {
	const char *text;
	const char *hex;
	uint8_t fill;
	size_t len;
};

#define TEXT(s)		{ .text = (s) }
#define HEX(s)		{ .hex = (s) }
#define FILL(b, n)	{ .fill = (b), .len = (n) }

static size_t get_bytes(const struct bytes *b, uint8_t *out, size_t cap)
{
	size_t len;

	if (b->text) {
		len = strlen(b->text);
		if (len > cap)
			abort();
		memcpy(out, b->text, len);
		return len;
	}
	if (b->hex)
		return unhex(b->hex, out, cap);
	if (b->len > cap)
		abort();
	memset(out, b->fill, b->len);
	return b->len;
}

/* @data in three pieces, cut at @a and @b, to go through the iovec path */
static void split3(struct iovec iov[3], const uint8_t *data, size_t len,
		   size_t a, size_t b)
{
	a = a < len ? a : len;
	b = b < len - a ? b : len - a;
	iov[0] = crypto_iov(data, a);
	iov[1] = crypto_iov(data + a, b);
	iov[2] = crypto_iov(data + a + b, len - a - b);
}

TEST(find_algorithms)
{
	static const uint16_t aes_bits[] = { 128, 192, 256 };
	size_t i;

	EXPECT_EQ(20, crypto_prf_find(IKEV2_PRF_HMAC_SHA1)->out_len);
	EXPECT_EQ(32, crypto_prf_find(IKEV2_PRF_HMAC_SHA2_256)->out_len);
	EXPECT_EQ(48, crypto_prf_find(IKEV2_PRF_HMAC_SHA2_384)->out_len);
	EXPECT_EQ(64, crypto_prf_find(IKEV2_PRF_HMAC_SHA2_512)->out_len);
	EXPECT_EQ(NULL, crypto_prf_find(IKEV2_PRF_HMAC_MD5));
	EXPECT_EQ(NULL, crypto_prf_find(0));

	EXPECT_EQ(12, crypto_integ_find(IKEV2_INTEG_HMAC_SHA1_96)->icv_len);
	EXPECT_EQ(20, crypto_integ_find(IKEV2_INTEG_HMAC_SHA1_96)->key_len);
	EXPECT_EQ(16,
		  crypto_integ_find(IKEV2_INTEG_HMAC_SHA2_256_128)->icv_len);
	EXPECT_EQ(24,
		  crypto_integ_find(IKEV2_INTEG_HMAC_SHA2_384_192)->icv_len);
	EXPECT_EQ(64,
		  crypto_integ_find(IKEV2_INTEG_HMAC_SHA2_512_256)->key_len);
	EXPECT_EQ(NULL, crypto_integ_find(IKEV2_INTEG_NONE));
	EXPECT_EQ(NULL, crypto_integ_find(IKEV2_INTEG_HMAC_MD5_96));

	for (i = 0; i < ARRAY_LEN(aes_bits); i++) {
		const struct crypto_encr *cbc, *gcm;

		cbc = crypto_encr_find(IKEV2_ENCR_AES_CBC, aes_bits[i]);
		gcm = crypto_encr_find(IKEV2_ENCR_AES_GCM_16, aes_bits[i]);
		ASSERT_NE(NULL, cbc);
		ASSERT_NE(NULL, gcm);
		EXPECT_EQ(aes_bits[i] / 8, cbc->key_len);
		EXPECT_EQ(16, cbc->iv_len);
		EXPECT_EQ(16, cbc->block_len);
		EXPECT_FALSE(cbc->aead);
		EXPECT_EQ(aes_bits[i] / 8 + 4, gcm->key_len);
		EXPECT_EQ(4, gcm->salt_len);
		EXPECT_EQ(8, gcm->iv_len);
		EXPECT_EQ(16, gcm->icv_len);
		EXPECT_TRUE(gcm->aead);
	}
	EXPECT_EQ(36, crypto_encr_find(IKEV2_ENCR_CHACHA20_POLY1305,
				       0)->key_len);
	/* a key length attribute is required for AES and refused for ChaCha */
	EXPECT_EQ(NULL, crypto_encr_find(IKEV2_ENCR_AES_CBC, 0));
	EXPECT_EQ(NULL, crypto_encr_find(IKEV2_ENCR_AES_CBC, 64));
	EXPECT_EQ(NULL, crypto_encr_find(IKEV2_ENCR_AES_GCM_16, 0));
	EXPECT_EQ(NULL, crypto_encr_find(IKEV2_ENCR_CHACHA20_POLY1305, 256));
	EXPECT_EQ(NULL, crypto_encr_find(IKEV2_ENCR_AES_GCM_8, 128));
	EXPECT_EQ(NULL, crypto_encr_find(IKEV2_ENCR_3DES, 0));
	EXPECT_EQ(NULL, crypto_encr_find(IKEV2_ENCR_NULL, 0));
}

/* RFC 2202 §3: HMAC-SHA-1 */
static const struct sha1_vector {
	struct bytes key, data;
	const char *digest;
} rfc2202[] = {
	{ FILL(0x0b, 20), TEXT("Hi There"),
	  "b617318655057264e28bc0b6fb378c8ef146be00" },
	{ TEXT("Jefe"), TEXT("what do ya want for nothing?"),
	  "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79" },
	{ FILL(0xaa, 20), FILL(0xdd, 50),
	  "125d7342b9ac11cd91a39af48aa17b4f63f175d3" },
	{ HEX("0102030405060708090a0b0c0d0e0f10111213141516171819"),
	  FILL(0xcd, 50), "4c9007f4026250c6bc8414f9bf50c86c2d7235da" },
	{ FILL(0x0c, 20), TEXT("Test With Truncation"),
	  "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04" },
	{ FILL(0xaa, 80),
	  TEXT("Test Using Larger Than Block-Size Key - Hash Key First"),
	  "aa4ae5e15272d00e95705637ce8a3b55ed402112" },
	{ FILL(0xaa, 80),
	  TEXT("Test Using Larger Than Block-Size Key and Larger Than One "
	       "Block-Size Data"),
	  "e8e99d0f45237d786d6bbaa7965c7808bbff1a91" },
};

TEST(prf_hmac_sha1_rfc2202)
{
	const struct crypto_prf *prf = crypto_prf_find(IKEV2_PRF_HMAC_SHA1);
	uint8_t key[128], data[128], want[20], out[20];
	struct iovec iov[3];
	size_t i, key_len, data_len;

	for (i = 0; i < ARRAY_LEN(rfc2202); i++) {
		key_len = get_bytes(&rfc2202[i].key, key, sizeof(key));
		data_len = get_bytes(&rfc2202[i].data, data, sizeof(data));
		ASSERT_EQ(20, unhex(rfc2202[i].digest, want, sizeof(want)));
		split3(iov, data, data_len, i, 3 * i);
		ASSERT_EQ(0, crypto_prf(prf, key, key_len, iov, 3, out));
		EXPECT_EQ(0, memcmp(want, out, 20)) {
			TH_LOG("RFC 2202 test case %zu", i + 1);
		}
	}
}

TEST(integ_hmac_sha1_96_rfc2202)
{
	const struct crypto_integ *integ;
	uint8_t key[20], want[12], icv[12];
	struct iovec data;

	/* test case 5, the one with a 20-byte key and a truncated digest */
	integ = crypto_integ_find(IKEV2_INTEG_HMAC_SHA1_96);
	memset(key, 0x0c, sizeof(key));
	data = crypto_iov("Test With Truncation", 20);
	unhex("4c1a03424b55e07fe7f27be1", want, sizeof(want));
	ASSERT_EQ(0, crypto_integ_compute(integ, key, &data, 1, icv));
	EXPECT_EQ(0, memcmp(want, icv, sizeof(icv)));
}

/* RFC 4868 §2.7.1: the PRF test vectors, for SHA-256, -384 and -512 */
static const struct prf_vector {
	struct bytes key, data;
	const char *sha256, *sha384, *sha512;
} rfc4868_prf[] = {
	{ FILL(0x0b, 20), TEXT("Hi There"),
	  "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
	  "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
	  "faea9ea9076ede7f4af152e8b2fa9cb6",
	  "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
	  "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854" },
	{ TEXT("Jefe"), TEXT("what do ya want for nothing?"),
	  "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
	  "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
	  "8e2240ca5e69e2c78b3239ecfab21649",
	  "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
	  "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737" },
	{ FILL(0xaa, 20), FILL(0xdd, 50),
	  "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
	  "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b"
	  "2a5ab39dc13814b94e3ab6e101a34f27",
	  "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39"
	  "bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb" },
	{ HEX("0102030405060708090a0b0c0d0e0f10111213141516171819"),
	  FILL(0xcd, 50),
	  "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
	  "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e"
	  "6801dd23c4a7d679ccf8a386c674cffb",
	  "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3db"
	  "a91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd" },
	{ FILL(0xaa, 131),
	  TEXT("Test Using Larger Than Block-Size Key - Hash Key First"),
	  "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
	  "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c6"
	  "0c2ef6ab4030fe8296248df163f44952",
	  "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
	  "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598" },
	{ FILL(0xaa, 131),
	  TEXT("This is a test using a larger than block-size key and a "
	       "larger than block-size data. The key needs to be hashed "
	       "before being used by the HMAC algorithm."),
	  "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
	  "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5"
	  "a678cc31e799176d3860e6110c46523e",
	  "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944"
	  "b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58" },
};

static void check_prf(struct __test_metadata *_metadata, uint16_t id,
		      const uint8_t *key, size_t key_len,
		      const uint8_t *data, size_t data_len, const char *hex,
		      size_t cut)
{
	const struct crypto_prf *prf = crypto_prf_find(id);
	uint8_t want[CRYPTO_PRF_MAX], out[CRYPTO_PRF_MAX];
	struct iovec iov[3];

	ASSERT_NE(NULL, prf);
	ASSERT_EQ(prf->out_len, unhex(hex, want, sizeof(want)));
	split3(iov, data, data_len, cut, cut + 7);
	ASSERT_EQ(0, crypto_prf(prf, key, key_len, iov, 3, out));
	EXPECT_EQ(0, memcmp(want, out, prf->out_len)) {
		TH_LOG("%s, cut at %zu", prf->name, cut);
	}
}

TEST(prf_hmac_sha2_rfc4868)
{
	uint8_t key[256], data[256];
	size_t i, key_len, data_len;

	for (i = 0; i < ARRAY_LEN(rfc4868_prf); i++) {
		const struct prf_vector *v = &rfc4868_prf[i];

		key_len = get_bytes(&v->key, key, sizeof(key));
		data_len = get_bytes(&v->data, data, sizeof(data));
		check_prf(_metadata, IKEV2_PRF_HMAC_SHA2_256, key, key_len,
			  data, data_len, v->sha256, i);
		check_prf(_metadata, IKEV2_PRF_HMAC_SHA2_384, key, key_len,
			  data, data_len, v->sha384, 2 * i);
		check_prf(_metadata, IKEV2_PRF_HMAC_SHA2_512, key, key_len,
			  data, data_len, v->sha512, 3 * i);
	}
}

/* RFC 4868 §2.7.2: the authenticator test vectors, full and truncated */
static const struct auth_vector {
	uint16_t prf, integ;
	struct bytes key, data;
	const char *full;
} rfc4868_auth[] = {
	{ IKEV2_PRF_HMAC_SHA2_256, IKEV2_INTEG_HMAC_SHA2_256_128,
	  FILL(0x0b, 32), TEXT("Hi There"),
	  "198a607eb44bfbc69903a0f1cf2bbdc5ba0aa3f3d9ae3c1c7a3b1696a0b68cf7" },
	{ IKEV2_PRF_HMAC_SHA2_256, IKEV2_INTEG_HMAC_SHA2_256_128,
	  TEXT("JefeJefeJefeJefeJefeJefeJefeJefe"),
	  TEXT("what do ya want for nothing?"),
	  "167f928588c5cc2eef8e3093caa0e87c9ff566a14794aa61648d81621a2a40c6" },
	{ IKEV2_PRF_HMAC_SHA2_256, IKEV2_INTEG_HMAC_SHA2_256_128,
	  FILL(0xaa, 32), FILL(0xdd, 50),
	  "cdcb1220d1ecccea91e53aba3092f962e549fe6ce9ed7fdc43191fbde45c30b0" },
	{ IKEV2_PRF_HMAC_SHA2_256, IKEV2_INTEG_HMAC_SHA2_256_128,
	  HEX("0102030405060708090a0b0c0d0e0f10"
	      "1112131415161718191a1b1c1d1e1f20"), FILL(0xcd, 50),
	  "372efcf9b40b35c2115b1346903d2ef42fced46f0846e7257bb156d3d7b30d3f" },
	{ IKEV2_PRF_HMAC_SHA2_384, IKEV2_INTEG_HMAC_SHA2_384_192,
	  FILL(0x0b, 48), TEXT("Hi There"),
	  "b6a8d5636f5c6a7224f9977dcf7ee6c7fb6d0c48cbdee9737a959796489bddbc"
	  "4c5df61d5b3297b4fb68dab9f1b582c2" },
	{ IKEV2_PRF_HMAC_SHA2_384, IKEV2_INTEG_HMAC_SHA2_384_192,
	  TEXT("JefeJefeJefeJefeJefeJefeJefeJefeJefeJefeJefeJefe"),
	  TEXT("what do ya want for nothing?"),
	  "2c7353974f1842fd66d53c452ca42122b28c0b594cfb184da86a368e9b8e16f5"
	  "349524ca4e82400cbde0686d403371c9" },
	{ IKEV2_PRF_HMAC_SHA2_384, IKEV2_INTEG_HMAC_SHA2_384_192,
	  FILL(0xaa, 48), FILL(0xdd, 50),
	  "809f439be00274321d4a538652164b53554a508184a0c3160353e3428597003d"
	  "35914a18770f9443987054944b7c4b4a" },
	{ IKEV2_PRF_HMAC_SHA2_384, IKEV2_INTEG_HMAC_SHA2_384_192,
	  HEX("0102030405060708090a0b0c0d0e0f10"
	      "1112131415161718191a1b1c1d1e1f20"
	      "0a0b0c0d0e0f10111213141516171819"), FILL(0xcd, 50),
	  "5b540085c6e6358096532b2493609ed1cb298f774f87bb5c2ebf182c83cc7428"
	  "707fb92eab2536a5812258228bc96687" },
	{ IKEV2_PRF_HMAC_SHA2_512, IKEV2_INTEG_HMAC_SHA2_512_256,
	  FILL(0x0b, 64), TEXT("Hi There"),
	  "637edc6e01dce7e6742a99451aae82df23da3e92439e590e43e761b33e910fb8"
	  "ac2878ebd5803f6f0b61dbce5e251ff8789a4722c1be65aea45fd464e89f8f5b" },
	{ IKEV2_PRF_HMAC_SHA2_512, IKEV2_INTEG_HMAC_SHA2_512_256,
	  TEXT("JefeJefeJefeJefeJefeJefeJefeJefe"
	       "JefeJefeJefeJefeJefeJefeJefeJefe"),
	  TEXT("what do ya want for nothing?"),
	  "cb370917ae8a7ce28cfd1d8f4705d6141c173b2a9362c15df235dfb251b15454"
	  "6aa334ae9fb9afc2184932d8695e397bfa0ffb93466cfcceaae38c833b7dba38" },
	{ IKEV2_PRF_HMAC_SHA2_512, IKEV2_INTEG_HMAC_SHA2_512_256,
	  FILL(0xaa, 64), FILL(0xdd, 50),
	  "2ee7acd783624ca9398710f3ee05ae41b9f9b0510c87e49e586cc9bf961733d8"
	  "623c7b55cebefccf02d5581acc1c9d5fb1ff68a1de45509fbe4da9a433922655" },
	/* the key as corrected by erratum 1785 */
	{ IKEV2_PRF_HMAC_SHA2_512, IKEV2_INTEG_HMAC_SHA2_512_256,
	  HEX("0102030405060708090a0b0c0d0e0f10"
	      "1112131415161718191a1b1c1d1e1f20"
	      "2122232425262728292a2b2c2d2e2f30"
	      "3132333435363738393a3b3c3d3e3f40"), FILL(0xcd, 50),
	  "5e6688e5a3daec826ca32eaea224eff5e700628947470e13ad01302561bab108"
	  "b8c48cbc6b807dcfbd850521a685babc7eae4a2a2e660dc0e86b931d65503fd2" },
};

TEST(integ_hmac_sha2_rfc4868)
{
	uint8_t key[64], data[64], want[64], out[64];
	size_t i, key_len, data_len;

	for (i = 0; i < ARRAY_LEN(rfc4868_auth); i++) {
		const struct auth_vector *v = &rfc4868_auth[i];
		const struct crypto_integ *integ = crypto_integ_find(v->integ);
		const struct crypto_prf *prf = crypto_prf_find(v->prf);
		struct iovec iov = crypto_iov(data, 0);

		key_len = get_bytes(&v->key, key, sizeof(key));
		data_len = get_bytes(&v->data, data, sizeof(data));
		iov.iov_len = data_len;
		ASSERT_EQ(integ->key_len, key_len);
		ASSERT_EQ(prf->out_len, unhex(v->full, want, sizeof(want)));
		ASSERT_EQ(0, crypto_prf(prf, key, key_len, &iov, 1, out));
		EXPECT_EQ(0, memcmp(want, out, prf->out_len)) {
			TH_LOG("%s, vector %zu", prf->name, i);
		}
		memset(out, 0, sizeof(out));
		ASSERT_EQ(0, crypto_integ_compute(integ, key, &iov, 1, out));
		EXPECT_EQ(0, memcmp(want, out, integ->icv_len)) {
			TH_LOG("%s, vector %zu", integ->name, i);
		}
		/* nothing written past the truncated ICV */
		EXPECT_EQ(0, out[integ->icv_len]);
	}
}

TEST(prf_plus_composition)
{
	const struct crypto_prf *prf = crypto_prf_find(IKEV2_PRF_HMAC_SHA2_256);
	uint8_t key[37], seed[50], out[100], want[100], t[32], c;
	struct iovec in[3], seed_iov[2];
	size_t i;

	for (i = 0; i < sizeof(key); i++)
		key[i] = i * 7;
	for (i = 0; i < sizeof(seed); i++)
		seed[i] = 0xa0 ^ i;
	seed_iov[0] = crypto_iov(seed, 20);
	seed_iov[1] = crypto_iov(seed + 20, 30);
	ASSERT_EQ(0, crypto_prf_plus(prf, key, sizeof(key), seed_iov, 2, out,
				     sizeof(out)));
	/* T1 = prf(K, S | 0x01), Tn = prf(K, Tn-1 | S | n) */
	for (c = 1, i = 0; i < sizeof(want); c++, i += 32) {
		int n = 0;

		if (c > 1)
			in[n++] = crypto_iov(t, sizeof(t));
		in[n++] = crypto_iov(seed, sizeof(seed));
		in[n++] = crypto_iov(&c, 1);
		ASSERT_EQ(0, crypto_prf(prf, key, sizeof(key), in, n, t));
		memcpy(want + i, t, sizeof(want) - i < 32 ? sizeof(want) - i :
							     32);
	}
	EXPECT_EQ(0, memcmp(want, out, sizeof(out)));
	/* a shorter output is a prefix of the longer */
	ASSERT_EQ(0, crypto_prf_plus(prf, key, sizeof(key), seed_iov, 2, out,
				     33));
	EXPECT_EQ(0, memcmp(want, out, 33));
}

TEST(prf_plus_limits)
{
	const struct crypto_prf *prf = crypto_prf_find(IKEV2_PRF_HMAC_SHA1);
	struct iovec seed = crypto_iov("seed", 4);
	uint8_t key[20] = { 1 };
	uint8_t *out;

	out = malloc(255 * 20 + 1);
	ASSERT_NE(NULL, out);
	EXPECT_EQ(0, crypto_prf_plus(prf, key, sizeof(key), &seed, 1, out,
				     255 * 20));
	memset(out, 0x55, 255 * 20 + 1);
	EXPECT_EQ(-EINVAL, crypto_prf_plus(prf, key, sizeof(key), &seed, 1,
					   out, 255 * 20 + 1));
	/* refused before anything is written */
	EXPECT_EQ(0x55, out[0]);
	EXPECT_EQ(0, crypto_prf_plus(prf, key, sizeof(key), &seed, 1, out, 0));
	EXPECT_EQ(-EINVAL, crypto_prf_plus(NULL, key, sizeof(key), &seed, 1,
					   out, 20));
	EXPECT_EQ(-EINVAL, crypto_prf_plus(prf, key, sizeof(key), NULL, 1,
					   out, 20));
	EXPECT_EQ(-EINVAL, crypto_prf_plus(prf, NULL, 20, &seed, 1, out, 20));
	EXPECT_EQ(-EINVAL, crypto_prf(prf, key, sizeof(key), &seed, -1, out));
	free(out);
}

/*
 * Cipher known answers.  AES-CBC: NIST SP 800-38A F.2.1, F.2.3, F.2.5.
 * AES-GCM: test cases 3, 4, 10, 15 and 16 of "The Galois/Counter Mode of
 * Operation (GCM)" (McGrew, Viega), whose 12-byte IV is split here into
 * the 4-byte salt at the end of the keying material and the 8-byte IV
 * (RFC 4106 §4, RFC 5282 §4).  ChaCha20-Poly1305: RFC 8439 §2.8.2, whose
 * "32-bit fixed-common part" is the salt (RFC 7634 §2).
 */
static const struct cipher_vector {
	const char *name;
	uint16_t id, bits;
	const char *key, *iv, *aad, *plain, *cipher, *tag;
} cipher_vectors[] = {
	{ "SP 800-38A F.2.1", IKEV2_ENCR_AES_CBC, 128,
	  "2b7e151628aed2a6abf7158809cf4f3c",
	  "000102030405060708090a0b0c0d0e0f", "",
	  "6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51"
	  "30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710",
	  "7649abac8119b246cee98e9b12e9197d 5086cb9b507219ee95db113a917678b2"
	  "73bed6b8e3c1743b7116e69e22229516 3ff1caa1681fac09120eca307586e1a7",
	  "" },
	{ "SP 800-38A F.2.3", IKEV2_ENCR_AES_CBC, 192,
	  "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
	  "000102030405060708090a0b0c0d0e0f", "",
	  "6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51"
	  "30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710",
	  "4f021db243bc633d7178183a9fa071e8 b4d9ada9ad7dedf4e5e738763f69145a"
	  "571b242012fb7ae07fa9baac3df102e0 08b0e27988598881d920a9e64f5615cd",
	  "" },
	{ "SP 800-38A F.2.5", IKEV2_ENCR_AES_CBC, 256,
	  "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
	  "000102030405060708090a0b0c0d0e0f", "",
	  "6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51"
	  "30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710",
	  "f58c4c04d6e5f1ba779eabfb5f7bfbd6 9cfc4e967edb808d679f777bc6702c7d"
	  "39f23369a9d9bacfa530e26304231461 b2eb05e2c39be9fcda6c19078c6a9d1b",
	  "" },
	{ "GCM test case 3", IKEV2_ENCR_AES_GCM_16, 128,
	  "feffe9928665731c6d6a8f9467308308 cafebabe", "facedbaddecaf888",
	  "",
	  "d9313225f88406e5a55909c5aff5269a 86a7a9531534f7da2e4c303d8a318a72"
	  "1c3c0c95956809532fcf0e2449a6b525 b16aedf5aa0de657ba637b391aafd255",
	  "42831ec2217774244b7221b784d0d49c e3aa212f2c02a4e035c17e2329aca12e"
	  "21d514b25466931c7d8f6a5aac84aa05 1ba30b396a0aac973d58e091473f5985",
	  "4d5c2af327cd64a62cf35abd2ba6fab4" },
	{ "GCM test case 4", IKEV2_ENCR_AES_GCM_16, 128,
	  "feffe9928665731c6d6a8f9467308308 cafebabe", "facedbaddecaf888",
	  "feedfacedeadbeeffeedfacedeadbeefabaddad2",
	  "d9313225f88406e5a55909c5aff5269a 86a7a9531534f7da2e4c303d8a318a72"
	  "1c3c0c95956809532fcf0e2449a6b525 b16aedf5aa0de657ba637b39",
	  "42831ec2217774244b7221b784d0d49c e3aa212f2c02a4e035c17e2329aca12e"
	  "21d514b25466931c7d8f6a5aac84aa05 1ba30b396a0aac973d58e091",
	  "5bc94fbc3221a5db94fae95ae7121a47" },
	{ "GCM test case 10", IKEV2_ENCR_AES_GCM_16, 192,
	  "feffe9928665731c6d6a8f9467308308 feffe9928665731c cafebabe",
	  "facedbaddecaf888", "feedfacedeadbeeffeedfacedeadbeefabaddad2",
	  "d9313225f88406e5a55909c5aff5269a 86a7a9531534f7da2e4c303d8a318a72"
	  "1c3c0c95956809532fcf0e2449a6b525 b16aedf5aa0de657ba637b39",
	  "3980ca0b3c00e841eb06fac4872a2757 859e1ceaa6efd984628593b40ca1e19c"
	  "7d773d00c144c525ac619d18c84a3f47 18e2448b2fe324d9ccda2710",
	  "2519498e80f1478f37ba55bd6d27618c" },
	{ "GCM test case 15", IKEV2_ENCR_AES_GCM_16, 256,
	  "feffe9928665731c6d6a8f9467308308 feffe9928665731c6d6a8f9467308308"
	  "cafebabe", "facedbaddecaf888", "",
	  "d9313225f88406e5a55909c5aff5269a 86a7a9531534f7da2e4c303d8a318a72"
	  "1c3c0c95956809532fcf0e2449a6b525 b16aedf5aa0de657ba637b391aafd255",
	  "522dc1f099567d07f47f37a32a84427d 643a8cdcbfe5c0c97598a2bd2555d1aa"
	  "8cb08e48590dbb3da7b08b1056828838 c5f61e6393ba7a0abcc9f662898015ad",
	  "b094dac5d93471bdec1a502270e3cc6c" },
	{ "GCM test case 16", IKEV2_ENCR_AES_GCM_16, 256,
	  "feffe9928665731c6d6a8f9467308308 feffe9928665731c6d6a8f9467308308"
	  "cafebabe", "facedbaddecaf888",
	  "feedfacedeadbeeffeedfacedeadbeefabaddad2",
	  "d9313225f88406e5a55909c5aff5269a 86a7a9531534f7da2e4c303d8a318a72"
	  "1c3c0c95956809532fcf0e2449a6b525 b16aedf5aa0de657ba637b39",
	  "522dc1f099567d07f47f37a32a84427d 643a8cdcbfe5c0c97598a2bd2555d1aa"
	  "8cb08e48590dbb3da7b08b1056828838 c5f61e6393ba7a0abcc9f662",
	  "76fc6ece0f4e1768cddf8853bb2d551b" },
	{ "RFC 8439 2.8.2", IKEV2_ENCR_CHACHA20_POLY1305, 0,
	  "80 81 82 83 84 85 86 87 88 89 8a 8b 8c 8d 8e 8f"
	  "90 91 92 93 94 95 96 97 98 99 9a 9b 9c 9d 9e 9f 07 00 00 00",
	  "40 41 42 43 44 45 46 47",
	  "50 51 52 53 c0 c1 c2 c3 c4 c5 c6 c7",
	  "4c 61 64 69 65 73 20 61 6e 64 20 47 65 6e 74 6c"
	  "65 6d 65 6e 20 6f 66 20 74 68 65 20 63 6c 61 73"
	  "73 20 6f 66 20 27 39 39 3a 20 49 66 20 49 20 63"
	  "6f 75 6c 64 20 6f 66 66 65 72 20 79 6f 75 20 6f"
	  "6e 6c 79 20 6f 6e 65 20 74 69 70 20 66 6f 72 20"
	  "74 68 65 20 66 75 74 75 72 65 2c 20 73 75 6e 73"
	  "63 72 65 65 6e 20 77 6f 75 6c 64 20 62 65 20 69"
	  "74 2e",
	  "d3 1a 8d 34 64 8e 60 db 7b 86 af bc 53 ef 7e c2"
	  "a4 ad ed 51 29 6e 08 fe a9 e2 b5 a7 36 ee 62 d6"
	  "3d be a4 5e 8c a9 67 12 82 fa fb 69 da 92 72 8b"
	  "1a 71 de 0a 9e 06 0b 29 05 d6 a5 b6 7e cd 3b 36"
	  "92 dd bd 7f 2d 77 8b 8c 98 03 ae e3 28 09 1b 58"
	  "fa b3 24 e4 fa d6 75 94 55 85 80 8b 48 31 d7 bc"
	  "3f f4 de f0 8e 4b 7a 9d e5 76 d2 65 86 ce c6 4b"
	  "61 16",
	  "1a:e1:0b:59:4f:09:e2:6a:7e:90:2e:cb:d0:60:06:91" },
};

static void check_cipher(struct __test_metadata *_metadata,
			 const struct cipher_vector *v)
{
	const struct crypto_encr *encr = crypto_encr_find(v->id, v->bits);
	uint8_t key[64], iv[16], aad[32] = { 0 }, plain[128], want[128];
	uint8_t data[128];
	uint8_t tag[16], icv[16];
	size_t key_len, iv_len, aad_len, plain_len, tag_len;
	struct iovec aad_iov;

	ASSERT_NE(NULL, encr);
	key_len = unhex(v->key, key, sizeof(key));
	iv_len = unhex(v->iv, iv, sizeof(iv));
	aad_len = unhex(v->aad, aad, sizeof(aad));
	plain_len = unhex(v->plain, plain, sizeof(plain));
	ASSERT_EQ(plain_len, unhex(v->cipher, want, sizeof(want)));
	tag_len = unhex(v->tag, tag, sizeof(tag));
	ASSERT_EQ(encr->key_len, key_len);
	ASSERT_EQ(encr->iv_len, iv_len);
	ASSERT_EQ(encr->icv_len, tag_len);
	aad_iov = crypto_iov(aad, aad_len);

	memcpy(data, plain, plain_len);
	ASSERT_EQ(0, crypto_encr_encrypt(encr, key, iv, &aad_iov,
					 encr->aead, data, plain_len,
					 encr->aead ? icv : NULL));
	EXPECT_EQ(0, memcmp(want, data, plain_len)) {
		TH_LOG("%s: ciphertext", v->name);
	}
	if (encr->aead) {
		EXPECT_EQ(0, memcmp(tag, icv, tag_len)) {
			TH_LOG("%s: tag", v->name);
		}
	}
	ASSERT_EQ(0, crypto_encr_decrypt(encr, key, iv, &aad_iov,
					 encr->aead, data, plain_len,
					 encr->aead ? tag : NULL));
	EXPECT_EQ(0, memcmp(plain, data, plain_len)) {
		TH_LOG("%s: plaintext", v->name);
	}
	if (!encr->aead)
		return;
	/* a wrong tag: refused, and no unauthenticated plaintext left */
	memcpy(data, want, plain_len);
	tag[tag_len - 1] ^= 1;
	EXPECT_EQ(-EBADMSG, crypto_encr_decrypt(encr, key, iv, &aad_iov, 1,
						data, plain_len, tag));
	EXPECT_EQ(0, data[0] | data[plain_len / 2] | data[plain_len - 1]);
	tag[tag_len - 1] ^= 1;
	/* so is wrong additional data */
	memcpy(data, want, plain_len);
	aad_iov.iov_len = aad_len ? aad_len - 1 : 1;
	EXPECT_EQ(-EBADMSG, crypto_encr_decrypt(encr, key, iv, &aad_iov, 1,
						data, plain_len, tag));
}

TEST(cipher_known_answers)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(cipher_vectors); i++)
		check_cipher(_metadata, &cipher_vectors[i]);
}

TEST(cipher_arguments)
{
	const struct crypto_encr *cbc, *gcm;
	uint8_t key[36] = { 0 }, iv[16] = { 0 }, data[32] = { 0 }, icv[16];
	struct iovec aad = crypto_iov("head", 4);

	cbc = crypto_encr_find(IKEV2_ENCR_AES_CBC, 128);
	gcm = crypto_encr_find(IKEV2_ENCR_AES_GCM_16, 256);
	/* CBC takes whole blocks, no additional data and no tag */
	EXPECT_EQ(-EINVAL, crypto_encr_encrypt(cbc, key, iv, NULL, 0, data,
					       17, NULL));
	EXPECT_EQ(-EINVAL, crypto_encr_encrypt(cbc, key, iv, &aad, 1, data,
					       16, NULL));
	EXPECT_EQ(-EINVAL, crypto_encr_encrypt(cbc, key, iv, NULL, 0, data,
					       16, icv));
	/* AEAD needs somewhere for its tag */
	EXPECT_EQ(-EINVAL, crypto_encr_encrypt(gcm, key, iv, &aad, 1, data,
					       5, NULL));
	EXPECT_EQ(0, crypto_encr_encrypt(gcm, key, iv, &aad, 1, data, 5, icv));
	EXPECT_EQ(0, crypto_encr_decrypt(gcm, key, iv, &aad, 1, data, 5, icv));
	EXPECT_EQ(-EINVAL, crypto_encr_encrypt(NULL, key, iv, NULL, 0, data,
					       16, NULL));
}

/* the SK payload tests: a message with an IKE header and an SK payload */
#define SK_OFF		IKEV2_HDR_LEN
#define MSG_CAP		1024

struct sk_pair {
	struct crypto_sk out, in;
};

static void sk_pair_init(struct __test_metadata *_metadata,
			 struct sk_pair *p, const struct crypto_encr *encr,
			 const struct crypto_integ *integ)
{
	uint8_t ekey[CRYPTO_ENCR_KEY_MAX], ikey[CRYPTO_INTEG_KEY_MAX];
	size_t i;

	for (i = 0; i < sizeof(ekey); i++)
		ekey[i] = 0x11 * i;
	for (i = 0; i < sizeof(ikey); i++)
		ikey[i] = 0x5a ^ i;
	ASSERT_EQ(0, crypto_sk_init(&p->out, encr, integ, ekey, encr->key_len,
				    integ ? ikey : NULL,
				    integ ? integ->key_len : 0));
	ASSERT_EQ(0, crypto_sk_init(&p->in, encr, integ, ekey, encr->key_len,
				    integ ? ikey : NULL,
				    integ ? integ->key_len : 0));
}

/* an IKE_AUTH request with @plain_len bytes of inner payloads */
static void build_msg(uint8_t *msg, const struct crypto_sk *sk,
		      size_t plain_len)
{
	size_t i, off = SK_OFF + IKEV2_GEN_HDR_LEN + sk->encr->iv_len;

	memset(msg, 0, MSG_CAP);
	for (i = 0; i < 16; i++)
		msg[i] = 0x30 + i;
	msg[16] = IKEV2_PL_SK;
	msg[17] = IKEV2_VERSION;
	msg[18] = IKEV2_EXCH_IKE_AUTH;
	msg[19] = IKEV2_FLAG_INITIATOR;
	msg[23] = 1;
	msg[SK_OFF] = IKEV2_PL_IDI;
	for (i = 0; i < plain_len; i++)
		msg[off + i] = 0xc0 ^ (i * 13);
}

static size_t seal(struct __test_metadata *_metadata, uint8_t *msg,
		   const struct crypto_sk *sk, size_t plain_len)
{
	size_t len = 0;

	build_msg(msg, sk, plain_len);
	ASSERT_EQ(0, crypto_sk_seal(sk, msg, SK_OFF, plain_len, MSG_CAP,
				    &len));
	return len;
}

static void check_round_trip(struct __test_metadata *_metadata,
			     struct sk_pair *p, size_t plain_len)
{
	uint8_t msg[MSG_CAP], want[MSG_CAP];
	size_t len, off, got, sk_len;

	build_msg(want, &p->out, plain_len);
	len = seal(_metadata, msg, &p->out, plain_len);
	sk_len = crypto_sk_len(&p->out, plain_len);
	ASSERT_EQ(SK_OFF + sk_len, len);
	/* lengths in network order, the header untouched otherwise */
	EXPECT_EQ(len, (size_t)msg[24] << 24 | msg[25] << 16 | msg[26] << 8 |
		       msg[27]);
	EXPECT_EQ(sk_len, (size_t)msg[SK_OFF + 2] << 8 | msg[SK_OFF + 3]);
	EXPECT_EQ(0, memcmp(want, msg, 24));
	EXPECT_EQ(IKEV2_PL_IDI, msg[SK_OFF]);
	if (!p->out.encr->aead) {
		EXPECT_EQ(0, (sk_len - IKEV2_GEN_HDR_LEN -
			      p->out.encr->iv_len - p->out.integ->icv_len) %
			     16);
	}
	ASSERT_EQ(0, crypto_sk_open(&p->in, msg, len, SK_OFF, &off, &got));
	EXPECT_EQ(SK_OFF + IKEV2_GEN_HDR_LEN + p->in.encr->iv_len, off);
	ASSERT_EQ(plain_len, got);
	EXPECT_EQ(0, memcmp(want + off, msg + off, plain_len));
}

/* every bit of the sealed message matters */
static void check_bit_flips(struct __test_metadata *_metadata,
			    struct sk_pair *p)
{
	uint8_t msg[MSG_CAP], copy[MSG_CAP];
	size_t len, off, got, bit;

	len = seal(_metadata, msg, &p->out, 37);
	memcpy(copy, msg, len);
	for (bit = 0; bit < 8 * len; bit++) {
		memcpy(msg, copy, len);
		msg[bit / 8] ^= 1 << (bit % 8);
		ASSERT_EQ(-EBADMSG, crypto_sk_open(&p->in, msg, len, SK_OFF,
						   &off, &got)) {
			TH_LOG("%s/%s: bit %zu accepted", p->in.encr->name,
			       p->in.integ ? p->in.integ->name : "-", bit);
		}
	}
	memcpy(msg, copy, len);
	ASSERT_EQ(0, crypto_sk_open(&p->in, msg, len, SK_OFF, &off, &got));
}

static void set_lengths(uint8_t *msg, size_t len)
{
	msg[24] = len >> 24;
	msg[25] = len >> 16;
	msg[26] = len >> 8;
	msg[27] = len;
	msg[SK_OFF + 2] = (len - SK_OFF) >> 8;
	msg[SK_OFF + 3] = len - SK_OFF;
}

static void check_truncation(struct __test_metadata *_metadata,
			     struct sk_pair *p)
{
	uint8_t msg[MSG_CAP], copy[MSG_CAP];
	size_t len, cut, off, got;

	len = seal(_metadata, msg, &p->out, 40);
	memcpy(copy, msg, len);
	for (cut = 0; cut < len; cut++) {
		/* the lengths in the headers disagree */
		memcpy(msg, copy, len);
		EXPECT_EQ(-EBADMSG, crypto_sk_open(&p->in, msg, cut, SK_OFF,
						   &off, &got));
		if (cut < SK_OFF + IKEV2_GEN_HDR_LEN)
			continue;
		/* they agree, but the ICV does not */
		set_lengths(msg, cut);
		EXPECT_EQ(-EBADMSG, crypto_sk_open(&p->in, msg, cut, SK_OFF,
						   &off, &got)) {
			TH_LOG("%s: cut to %zu accepted", p->in.encr->name,
			       cut);
		}
	}
	/* the SK payload is the last one */
	memcpy(msg, copy, len);
	msg[len] = 0;
	set_lengths(msg, len + 1);
	EXPECT_EQ(-EBADMSG, crypto_sk_open(&p->in, msg, len + 1, SK_OFF, &off,
					   &got));
}

static void check_wrong_key(struct __test_metadata *_metadata,
			    struct sk_pair *p)
{
	uint8_t msg[MSG_CAP];
	struct crypto_sk other = p->in;
	size_t len, off, got;

	len = seal(_metadata, msg, &p->out, 10);
	if (other.integ)
		other.ikey[0] ^= 1;
	else
		other.ekey[other.encr->key_len - 1] ^= 1;	/* the salt */
	EXPECT_EQ(-EBADMSG, crypto_sk_open(&other, msg, len, SK_OFF, &off,
					   &got));
	crypto_sk_wipe(&other);
}

static const uint16_t encr_ids[][2] = {
	{ IKEV2_ENCR_AES_CBC, 128 },
	{ IKEV2_ENCR_AES_CBC, 192 },
	{ IKEV2_ENCR_AES_CBC, 256 },
	{ IKEV2_ENCR_AES_GCM_16, 128 },
	{ IKEV2_ENCR_AES_GCM_16, 192 },
	{ IKEV2_ENCR_AES_GCM_16, 256 },
	{ IKEV2_ENCR_CHACHA20_POLY1305, 0 },
};

static const uint16_t integ_ids[] = {
	IKEV2_INTEG_HMAC_SHA1_96,
	IKEV2_INTEG_HMAC_SHA2_256_128,
	IKEV2_INTEG_HMAC_SHA2_384_192,
	IKEV2_INTEG_HMAC_SHA2_512_256,
};

/* every cipher, with every integrity algorithm for those that take one */
#define SK_COMBOS	(3 * ARRAY_LEN(integ_ids) + 4)

static size_t sk_pairs_init(struct __test_metadata *_metadata,
			    struct sk_pair *pairs)
{
	size_t e, i, n = 0;

	for (e = 0; e < ARRAY_LEN(encr_ids); e++) {
		const struct crypto_encr *encr;

		encr = crypto_encr_find(encr_ids[e][0], encr_ids[e][1]);
		ASSERT_NE(NULL, encr);
		for (i = 0; i < (encr->aead ? 1 : ARRAY_LEN(integ_ids)); i++) {
			ASSERT_GT(SK_COMBOS, n);
			sk_pair_init(_metadata, &pairs[n++], encr,
				     encr->aead ? NULL :
				     crypto_integ_find(integ_ids[i]));
		}
	}
	ASSERT_EQ(SK_COMBOS, n);
	return n;
}

static void sk_pairs_wipe(struct sk_pair *pairs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		crypto_sk_wipe(&pairs[i].out);
		crypto_sk_wipe(&pairs[i].in);
	}
}

static void check_round_trips(struct __test_metadata *_metadata,
			      struct sk_pair *p)
{
	static const size_t lens[] = { 0, 1, 14, 15, 16, 17, 31, 100, 500 };
	size_t i;

	for (i = 0; i < ARRAY_LEN(lens); i++)
		check_round_trip(_metadata, p, lens[i]);
}

TEST(sk_round_trip)
{
	struct sk_pair pairs[SK_COMBOS];
	size_t i, n = sk_pairs_init(_metadata, pairs);

	for (i = 0; i < n; i++)
		check_round_trips(_metadata, &pairs[i]);
	sk_pairs_wipe(pairs, n);
}

TEST(sk_bit_flips)
{
	struct sk_pair pairs[SK_COMBOS];
	size_t i, n = sk_pairs_init(_metadata, pairs);

	for (i = 0; i < n; i++)
		check_bit_flips(_metadata, &pairs[i]);
	sk_pairs_wipe(pairs, n);
}

TEST(sk_truncated)
{
	struct sk_pair pairs[SK_COMBOS];
	size_t i, n = sk_pairs_init(_metadata, pairs);

	for (i = 0; i < n; i++)
		check_truncation(_metadata, &pairs[i]);
	sk_pairs_wipe(pairs, n);
}

TEST(sk_wrong_key)
{
	struct sk_pair pairs[SK_COMBOS];
	size_t i, n = sk_pairs_init(_metadata, pairs);

	for (i = 0; i < n; i++)
		check_wrong_key(_metadata, &pairs[i]);
	sk_pairs_wipe(pairs, n);
}

TEST(sk_fresh_iv)
{
	const struct crypto_encr *encr;
	uint8_t a[MSG_CAP], b[MSG_CAP];
	struct sk_pair p;
	size_t len;

	encr = crypto_encr_find(IKEV2_ENCR_AES_GCM_16, 256);
	sk_pair_init(_metadata, &p, encr, NULL);
	len = seal(_metadata, a, &p.out, 20);
	ASSERT_EQ(len, seal(_metadata, b, &p.out, 20));
	EXPECT_NE(0, memcmp(a + SK_OFF + 4, b + SK_OFF + 4, encr->iv_len));
	EXPECT_NE(0, memcmp(a + SK_OFF + 12, b + SK_OFF + 12, 21));
	crypto_sk_wipe(&p.out);
	crypto_sk_wipe(&p.in);
}

/*
 * A message whose encrypted part ends in @pad_byte as the pad length,
 * made with valid protection: the ICV is right, the padding is not.
 */
static size_t forge_padding(struct __test_metadata *_metadata,
			    uint8_t *msg, const struct crypto_sk *sk,
			    size_t ct_len, uint8_t pad_byte)
{
	size_t iv_off = SK_OFF + IKEV2_GEN_HDR_LEN;
	uint8_t *ct = msg + iv_off + sk->encr->iv_len;
	size_t icv_len = sk->integ ? sk->integ->icv_len : sk->encr->icv_len;
	size_t len = iv_off + sk->encr->iv_len + ct_len + icv_len;
	struct iovec covered;

	build_msg(msg, sk, ct_len);
	set_lengths(msg, len);
	ct[ct_len - 1] = pad_byte;
	if (sk->encr->aead) {
		covered = crypto_iov(msg, iv_off);
		ASSERT_EQ(0, crypto_encr_encrypt(sk->encr, sk->ekey,
						 msg + iv_off, &covered, 1, ct,
						 ct_len, ct + ct_len));
		return len;
	}
	ASSERT_EQ(0, crypto_encr_encrypt(sk->encr, sk->ekey, msg + iv_off,
					 NULL, 0, ct, ct_len, NULL));
	covered = crypto_iov(msg, len - icv_len);
	ASSERT_EQ(0, crypto_integ_compute(sk->integ, sk->ikey, &covered, 1,
					  ct + ct_len));
	return len;
}

static void check_padding(struct __test_metadata *_metadata,
			  struct sk_pair *p)
{
	size_t ct_len = p->in.encr->aead ? 5 : 32;
	uint8_t msg[MSG_CAP];
	size_t len, off, got;

	/* the pad length byte itself is the only byte: nothing inside */
	len = forge_padding(_metadata, msg, &p->out, ct_len, ct_len - 1);
	ASSERT_EQ(0, crypto_sk_open(&p->in, msg, len, SK_OFF, &off, &got));
	EXPECT_EQ(0, got);
	/* any padding that fits is accepted (§3.14) */
	len = forge_padding(_metadata, msg, &p->out, ct_len, 3);
	ASSERT_EQ(0, crypto_sk_open(&p->in, msg, len, SK_OFF, &off, &got));
	EXPECT_EQ(ct_len - 4, got);
	/* more padding than there is */
	len = forge_padding(_metadata, msg, &p->out, ct_len, ct_len);
	EXPECT_EQ(-EBADMSG, crypto_sk_open(&p->in, msg, len, SK_OFF, &off,
					   &got));
	len = forge_padding(_metadata, msg, &p->out, ct_len, 0xff);
	EXPECT_EQ(-EBADMSG, crypto_sk_open(&p->in, msg, len, SK_OFF, &off,
					   &got));
}

TEST(sk_bad_padding)
{
	struct sk_pair pairs[SK_COMBOS];
	size_t i, n = sk_pairs_init(_metadata, pairs);

	for (i = 0; i < n; i++)
		check_padding(_metadata, &pairs[i]);
	sk_pairs_wipe(pairs, n);
}

TEST(sk_cbc_needs_whole_blocks)
{
	const struct crypto_encr *encr;
	uint8_t msg[MSG_CAP];
	struct sk_pair p;
	size_t len, off, got;

	encr = crypto_encr_find(IKEV2_ENCR_AES_CBC, 128);
	sk_pair_init(_metadata, &p, encr,
		     crypto_integ_find(IKEV2_INTEG_HMAC_SHA2_256_128));
	/* 17 bytes of ciphertext, with an ICV that is right for them */
	len = SK_OFF + IKEV2_GEN_HDR_LEN + 16 + 17 + 16;
	build_msg(msg, &p.out, 0);
	set_lengths(msg, len);
	{
		struct iovec covered = crypto_iov(msg, len - 16);

		ASSERT_EQ(0, crypto_integ_compute(p.out.integ, p.out.ikey,
						  &covered, 1, msg + len - 16));
	}
	EXPECT_EQ(-EBADMSG, crypto_sk_open(&p.in, msg, len, SK_OFF, &off,
					   &got));
	crypto_sk_wipe(&p.out);
	crypto_sk_wipe(&p.in);
}

TEST(sk_seal_limits)
{
	const struct crypto_encr *encr;
	uint8_t msg[MSG_CAP];
	struct sk_pair p;
	size_t len = 0, need, off, got;

	encr = crypto_encr_find(IKEV2_ENCR_CHACHA20_POLY1305, 0);
	sk_pair_init(_metadata, &p, encr, NULL);
	need = SK_OFF + crypto_sk_len(&p.out, 50);
	EXPECT_EQ(SK_OFF + 4 + 8 + 50 + 1 + 16, need);
	build_msg(msg, &p.out, 50);
	EXPECT_EQ(-EMSGSIZE, crypto_sk_seal(&p.out, msg, SK_OFF, 50, need - 1,
					    &len));
	EXPECT_EQ(0, len);
	EXPECT_EQ(0, crypto_sk_seal(&p.out, msg, SK_OFF, 50, need, &len));
	EXPECT_EQ(need, len);
	EXPECT_EQ(-EMSGSIZE, crypto_sk_seal(&p.out, msg, SK_OFF, IKEV2_MSG_MAX,
					    SIZE_MAX, &len));
	/* the SK payload cannot start inside the IKE header */
	EXPECT_EQ(-EINVAL, crypto_sk_seal(&p.out, msg, SK_OFF - 1, 50,
					  MSG_CAP, &len));
	EXPECT_EQ(-EBADMSG, crypto_sk_open(&p.in, msg, len, SK_OFF - 1, &off,
					   &got));
	crypto_sk_wipe(&p.out);
	crypto_sk_wipe(&p.in);
}

TEST(sk_init_checks)
{
	const struct crypto_encr *cbc, *gcm;
	const struct crypto_integ *integ;
	uint8_t key[64] = { 1 };
	struct crypto_sk sk;
	size_t i;

	cbc = crypto_encr_find(IKEV2_ENCR_AES_CBC, 256);
	gcm = crypto_encr_find(IKEV2_ENCR_AES_GCM_16, 128);
	integ = crypto_integ_find(IKEV2_INTEG_HMAC_SHA2_384_192);
	EXPECT_EQ(0, crypto_sk_init(&sk, cbc, integ, key, 32, key, 48));
	crypto_sk_wipe(&sk);
	for (i = 0; i < sizeof(sk); i++)
		ASSERT_EQ(0, ((uint8_t *)&sk)[i]);
	/* CBC needs an integrity algorithm, AEAD refuses one */
	EXPECT_EQ(-EINVAL, crypto_sk_init(&sk, cbc, NULL, key, 32, NULL, 0));
	EXPECT_EQ(-EINVAL, crypto_sk_init(&sk, gcm, integ, key, 20, key, 48));
	/* key lengths must match */
	EXPECT_EQ(-EINVAL, crypto_sk_init(&sk, cbc, integ, key, 16, key, 48));
	EXPECT_EQ(-EINVAL, crypto_sk_init(&sk, cbc, integ, key, 32, key, 32));
	EXPECT_EQ(-EINVAL, crypto_sk_init(&sk, gcm, NULL, key, 16, NULL, 0));
	EXPECT_EQ(0, crypto_sk_init(&sk, gcm, NULL, key, 20, NULL, 0));
	crypto_sk_wipe(&sk);
}

TEST_HARNESS_MAIN
