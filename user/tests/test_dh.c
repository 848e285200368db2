// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of user/lib/dh.c: the ECP test vectors of RFC 5903 §8, the
 * X25519 exchange of RFC 7748 §6.1, the MODP groups of RFC 3526 checked
 * against the primes printed there (tests/data/crypto/modp*.txt), and the
 * refusal of invalid public values.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bn.h>

#include "kselftest_harness.h"
#include "../lib/dh.h"
#include "../lib/ikev2.h"

#define ARRAY_LEN(a)	(sizeof(a) / sizeof((a)[0]))

/* hex digits, white space ignored, into @out; the number of bytes */
static size_t unhex(const char *hex, uint8_t *out, size_t cap)
{
	size_t n = 0;
	int hi = -1;

	for (; *hex; hex++) {
		int v;

		if (isspace((unsigned char)*hex))
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

TEST(groups)
{
	static const struct {
		uint16_t group;
		size_t public_len, shared_len;
	} want[] = {
		{ IKEV2_DH_MODP_2048, 256, 256 },
		{ IKEV2_DH_MODP_3072, 384, 384 },
		{ IKEV2_DH_MODP_4096, 512, 512 },
		{ IKEV2_DH_ECP_256, 64, 32 },
		{ IKEV2_DH_ECP_384, 96, 48 },
		{ IKEV2_DH_ECP_521, 132, 66 },
		{ IKEV2_DH_CURVE25519, 32, 32 },
	};
	static const uint16_t unsupported[] = {
		IKEV2_DH_NONE, IKEV2_DH_MODP_768, IKEV2_DH_MODP_1024,
		IKEV2_DH_MODP_1536, IKEV2_DH_MODP_2048_256, 32, 0xffff,
	};
	size_t i;

	for (i = 0; i < ARRAY_LEN(want); i++) {
		EXPECT_TRUE(dh_supported(want[i].group));
		EXPECT_EQ(want[i].public_len, dh_public_len(want[i].group));
		EXPECT_EQ(want[i].shared_len, dh_shared_len(want[i].group));
		EXPECT_GE(DH_PUBLIC_MAX, want[i].public_len);
		EXPECT_GE(DH_SHARED_MAX, want[i].shared_len);
	}
	for (i = 0; i < ARRAY_LEN(unsupported); i++) {
		EXPECT_FALSE(dh_supported(unsupported[i]));
		EXPECT_EQ(0, dh_public_len(unsupported[i]));
		EXPECT_EQ(0, dh_shared_len(unsupported[i]));
		errno = 0;
		EXPECT_EQ(NULL, dh_new(unsupported[i]));
		EXPECT_EQ(ENOTSUP, errno);
	}
	dh_free(NULL);
}

/* the exchange of two known key pairs */
struct dh_vector {
	const char *name;
	uint16_t group;
	const char *i, *gi, *r, *gr, *gir;
};

static const struct dh_vector vectors[] = {
	/* RFC 5903 §8.1; the public values are gix | giy, grx | gry */
	{ "RFC 5903 8.1", IKEV2_DH_ECP_256,
	  "C88F01F5 10D9AC3F 70A292DA A2316DE5 44E9AAB8 AFE84049 C62A9C57"
	  "862D1433",
	  "DAD0B653 94221CF9 B051E1FE CA5787D0 98DFE637 FC90B9EF 945D0C37"
	  "72581180 5271A046 1CDB8252 D61F1C45 6FA3E59A B1F45B33 ACCF5F58"
	  "389E0577 B8990BB3",
	  "C6EF9C5D 78AE012A 011164AC B397CE20 88685D8F 06BF9BE0 B283AB46"
	  "476BEE53",
	  "D12DFB52 89C8D4F8 1208B702 70398C34 2296970A 0BCCB74C 736FC755"
	  "4494BF63 56FBF3CA 366CC23E 8157854C 13C58D6A AC23F046 ADA30F83"
	  "53E74F33 039872AB",
	  "D6840F6B 42F6EDAF D13116E0 E1256520 2FEF8E9E CE7DCE03 812464D0"
	  "4B9442DE" },
	/* RFC 5903 §8.2 */
	{ "RFC 5903 8.2", IKEV2_DH_ECP_384,
	  "099F3C70 34D4A2C6 99884D73 A375A67F 7624EF7C 6B3C0F16 0647B674"
	  "14DCE655 E35B5380 41E649EE 3FAEF896 783AB194",
	  "667842D7 D180AC2C DE6F74F3 7551F557 55C7645C 20EF73E3 1634FE72"
	  "B4C55EE6 DE3AC808 ACB4BDB4 C88732AE E95F41AA 9482ED1F C0EEB9CA"
	  "FC498462 5CCFC23F 65032149 E0E144AD A0241815 35A0F38E EB9FCFF3"
	  "C2C947DA E69B4C63 4573A81C",
	  "41CB0779 B4BDB85D 47846725 FBEC3C94 30FAB46C C8DC5060 855CC9BD"
	  "A0AA2942 E0308312 916B8ED2 960E4BD5 5A7448FC",
	  "E558DBEF 53EECDE3 D3FCCFC1 AEA08A89 A987475D 12FD950D 83CFA417"
	  "32BC509D 0D1AC43A 0336DEF9 6FDA41D0 774A3571 DCFBEC7A ACF31964"
	  "72169E83 8430367F 66EEBE3C 6E70C416 DD5F0C68 759DD1FF F83FA401"
	  "42209DFF 5EAAD96D B9E6386C",
	  "11187331 C279962D 93D60424 3FD592CB 9D0A926F 422E4718 7521287E"
	  "7156C5C4 D6031355 69B9E9D0 9CF5D4A2 70F59746" },
	/* RFC 5903 §8.3 */
	{ "RFC 5903 8.3", IKEV2_DH_ECP_521,
	  "0037ADE9 319A89F4 DABDB3EF 411AACCC A5123C61 ACAB57B5 393DCE47"
	  "608172A0 95AA85A3 0FE1C295 2C6771D9 37BA9777 F5957B26 39BAB072"
	  "462F68C2 7A57382D 4A52",
	  "0015417E 84DBF28C 0AD3C278 713349DC 7DF153C8 97A1891B D98BAB43"
	  "57C9ECBE E1E3BF42 E00B8E38 0AEAE57C 2D107564 94188594 2AF5A7F4"
	  "601723C4 195D176C ED3E017C AE20B664 1D2EEB69 5786D8C9 46146239"
	  "D099E18E 1D5A514C 739D7CB4 A10AD8A7 88015AC4 05D7799D C75E7B7D"
	  "5B6CF226 1A6A7F15 07438BF0 1BEB6CA3 926F9582",
	  "0145BA99 A847AF43 793FDD0E 872E7CDF A16BE30F DC780F97 BCCC3F07"
	  "8380201E 9C677D60 0B343757 A3BDBF2A 3163E4C2 F869CCA7 458AA4A4"
	  "EFFC311F 5CB15168 5EB9",
	  "00D0B397 5AC4B799 F5BEA16D 5E13E9AF 971D5E9B 984C9F39 728B5E57"
	  "39735A21 9B97C356 436ADC6E 95BB0352 F6BE64A6 C2912D4E F2D0433C"
	  "ED2B6171 640012D9 460F015C 68226383 956E3BD0 66E797B6 23C27CE0"
	  "EAC2F551 A10C2C72 4D985207 7B87220B 6536C5C4 08A1D2AE BB8E86D6"
	  "78AE49CB 57091F47 32296579 AB44FCD1 7F0FC56A",
	  "01144C7D 79AE6956 BC8EDB8E 7C787C45 21CB086F A64407F9 7894E5E6"
	  "B2D79B04 D1427E73 CA4BAA24 0A347868 59810C06 B3C715A3 A8CC3151"
	  "F2BEE417 996D19F3 DDEA" },
	/* RFC 7748 §6.1: Alice is the initiator, Bob the responder */
	{ "RFC 7748 6.1", IKEV2_DH_CURVE25519,
	  "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
	  "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a",
	  "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb",
	  "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f",
	  "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742" },
};

static struct dh *load_private(struct __test_metadata *_metadata,
			       uint16_t group, const char *hex)
{
	uint8_t priv[DH_SHARED_MAX];
	struct dh *dh;

	dh = dh_new_private(group, priv, unhex(hex, priv, sizeof(priv)));
	ASSERT_NE(NULL, dh);
	EXPECT_EQ(group, dh_group(dh));
	return dh;
}

static void check_public(struct __test_metadata *_metadata,
			 const struct dh *dh, const uint8_t *want, size_t len)
{
	uint8_t pub[DH_PUBLIC_MAX];

	ASSERT_EQ(dh_public_len(dh_group(dh)), len);
	ASSERT_EQ(0, dh_public(dh, pub, len));
	EXPECT_EQ(0, memcmp(want, pub, len)) {
		TH_LOG("group %u: public value", dh_group(dh));
	}
}

static void check_shared(struct __test_metadata *_metadata, struct dh *dh,
			 const uint8_t *peer, size_t peer_len,
			 const uint8_t *want, size_t want_len)
{
	uint8_t shared[DH_SHARED_MAX];
	size_t len = sizeof(shared);

	ASSERT_EQ(0, dh_shared(dh, peer, peer_len, shared, &len));
	ASSERT_EQ(want_len, len);
	EXPECT_EQ(0, memcmp(want, shared, len)) {
		TH_LOG("group %u: shared secret", dh_group(dh));
	}
}

TEST(known_answers)
{
	uint8_t gi[DH_PUBLIC_MAX], gr[DH_PUBLIC_MAX], gir[DH_SHARED_MAX];
	size_t i, gi_len, gr_len, gir_len;

	for (i = 0; i < ARRAY_LEN(vectors); i++) {
		const struct dh_vector *v = &vectors[i];
		struct dh *di, *dr;

		gi_len = unhex(v->gi, gi, sizeof(gi));
		gr_len = unhex(v->gr, gr, sizeof(gr));
		gir_len = unhex(v->gir, gir, sizeof(gir));
		ASSERT_EQ(dh_shared_len(v->group), gir_len);
		di = load_private(_metadata, v->group, v->i);
		dr = load_private(_metadata, v->group, v->r);
		check_public(_metadata, di, gi, gi_len);
		check_public(_metadata, dr, gr, gr_len);
		check_shared(_metadata, di, gr, gr_len, gir, gir_len);
		check_shared(_metadata, dr, gi, gi_len, gir, gir_len);
		dh_free(di);
		dh_free(dr);
	}
}

static const struct {
	uint16_t group;
	const char *file;
} modp[] = {
	{ IKEV2_DH_MODP_2048, "modp2048.txt" },	/* RFC 3526 §3 */
	{ IKEV2_DH_MODP_3072, "modp3072.txt" },	/* RFC 3526 §4 */
	{ IKEV2_DH_MODP_4096, "modp4096.txt" },	/* RFC 3526 §5 */
};

/* the prime as RFC 3526 prints it */
static BIGNUM *read_prime(struct __test_metadata *_metadata,
			  const char *file)
{
	char path[256], text[2048];
	uint8_t bytes[DH_SHARED_MAX];
	BIGNUM *p;
	size_t len;
	FILE *f;

	snprintf(path, sizeof(path), "%s/crypto/%s", TEST_DATA, file);
	f = fopen(path, "r");
	ASSERT_NE(NULL, f) {
		TH_LOG("cannot open %s", path);
	}
	len = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[len] = '\0';
	len = unhex(text, bytes, sizeof(bytes));
	p = BN_bin2bn(bytes, len, NULL);
	ASSERT_NE(NULL, p);
	return p;
}

/* @x as a big-endian number of exactly @len bytes */
static void put_bn(struct __test_metadata *_metadata, const BIGNUM *x,
		   uint8_t *out, size_t len)
{
	ASSERT_EQ(len, BN_bn2binpad(x, out, len));
}

/*
 * With private keys x and y given to the library, g^x and g^xy must be
 * what they are modulo the RFC's prime.
 */
static void check_modp(struct __test_metadata *_metadata, uint16_t group,
		       const BIGNUM *p)
{
	uint8_t x_bytes[40], y_bytes[40], want[DH_SHARED_MAX];
	uint8_t gy[DH_PUBLIC_MAX];
	size_t len = dh_public_len(group), i;
	BIGNUM *g, *x, *y, *gx_bn, *gy_bn, *gxy;
	BN_CTX *ctx = BN_CTX_new();
	struct dh *dx, *dy;

	ASSERT_EQ(len, (size_t)BN_num_bytes(p));
	for (i = 0; i < sizeof(x_bytes); i++) {
		x_bytes[i] = 0x3c ^ (i * 29);
		y_bytes[i] = 0xa5 ^ (i * 17);
	}
	g = BN_new();
	x = BN_bin2bn(x_bytes, sizeof(x_bytes), NULL);
	y = BN_bin2bn(y_bytes, sizeof(y_bytes), NULL);
	gx_bn = BN_new();
	gy_bn = BN_new();
	gxy = BN_new();
	ASSERT_TRUE(ctx && g && x && y && gx_bn && gy_bn && gxy);
	ASSERT_TRUE(BN_set_word(g, 2));
	ASSERT_TRUE(BN_mod_exp(gx_bn, g, x, p, ctx));
	ASSERT_TRUE(BN_mod_exp(gy_bn, g, y, p, ctx));
	ASSERT_TRUE(BN_mod_exp(gxy, gy_bn, x, p, ctx));

	dx = dh_new_private(group, x_bytes, sizeof(x_bytes));
	dy = dh_new_private(group, y_bytes, sizeof(y_bytes));
	ASSERT_NE(NULL, dx);
	ASSERT_NE(NULL, dy);
	put_bn(_metadata, gx_bn, want, len);
	check_public(_metadata, dx, want, len);
	put_bn(_metadata, gy_bn, gy, len);
	check_public(_metadata, dy, gy, len);
	put_bn(_metadata, gxy, want, len);
	check_shared(_metadata, dx, gy, len, want, len);

	dh_free(dx);
	dh_free(dy);
	BN_free(g);
	BN_free(x);
	BN_free(y);
	BN_free(gx_bn);
	BN_free(gy_bn);
	BN_free(gxy);
	BN_CTX_free(ctx);
}

TEST(modp_rfc3526)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(modp); i++) {
		BIGNUM *p = read_prime(_metadata, modp[i].file);

		check_modp(_metadata, modp[i].group, p);
		BN_free(p);
	}
}

/* peer values that must be refused as -EBADMSG */
static void expect_refused(struct __test_metadata *_metadata, struct dh *dh,
			   const uint8_t *peer, const char *what)
{
	uint8_t shared[DH_SHARED_MAX];
	size_t len = sizeof(shared);

	EXPECT_EQ(-EBADMSG, dh_shared(dh, peer, dh_public_len(dh_group(dh)),
				      shared, &len)) {
		TH_LOG("group %u: %s accepted", dh_group(dh), what);
	}
}

TEST(modp_bad_public_values)
{
	uint8_t peer[DH_PUBLIC_MAX + 1], shared[DH_SHARED_MAX];
	size_t i, len, out_len;

	for (i = 0; i < ARRAY_LEN(modp); i++) {
		BIGNUM *p = read_prime(_metadata, modp[i].file);
		struct dh *dh = dh_new(modp[i].group);

		ASSERT_NE(NULL, dh);
		len = dh_public_len(modp[i].group);
		memset(peer, 0, sizeof(peer));
		expect_refused(_metadata, dh, peer, "0");
		peer[len - 1] = 1;
		expect_refused(_metadata, dh, peer, "1");
		ASSERT_TRUE(BN_sub_word(p, 1));
		put_bn(_metadata, p, peer, len);
		expect_refused(_metadata, dh, peer, "p - 1");
		ASSERT_TRUE(BN_add_word(p, 1));
		put_bn(_metadata, p, peer, len);
		expect_refused(_metadata, dh, peer, "p");
		memset(peer, 0xff, len);
		expect_refused(_metadata, dh, peer, "2^n - 1");
		/* the length must be that of the prime */
		out_len = sizeof(shared);
		EXPECT_EQ(-EINVAL, dh_shared(dh, peer, len - 1, shared,
					     &out_len));
		EXPECT_EQ(-EINVAL, dh_shared(dh, peer, len + 1, shared,
					     &out_len));
		EXPECT_EQ(-EINVAL, dh_shared(dh, peer, 0, shared, &out_len));
		dh_free(dh);
		BN_free(p);
	}
}

TEST(ecp_bad_public_values)
{
	static const uint16_t groups[] = {
		IKEV2_DH_ECP_256, IKEV2_DH_ECP_384, IKEV2_DH_ECP_521,
	};
	uint8_t peer[DH_PUBLIC_MAX], shared[DH_SHARED_MAX];
	size_t i, len, out_len;

	for (i = 0; i < ARRAY_LEN(groups); i++) {
		struct dh *dh = dh_new(groups[i]), *other = dh_new(groups[i]);

		ASSERT_NE(NULL, dh);
		ASSERT_NE(NULL, other);
		len = dh_public_len(groups[i]);
		memset(peer, 0, sizeof(peer));
		expect_refused(_metadata, dh, peer, "(0, 0)");
		memset(peer, 0xff, len);
		expect_refused(_metadata, dh, peer, "coordinates past p");
		/* a valid point with y changed is not on the curve */
		ASSERT_EQ(0, dh_public(other, peer, len));
		peer[len - 1] ^= 1;
		expect_refused(_metadata, dh, peer, "a point off the curve");
		peer[len - 1] ^= 1;
		out_len = sizeof(shared);
		EXPECT_EQ(0, dh_shared(dh, peer, len, shared, &out_len));
		EXPECT_EQ(-EINVAL, dh_shared(dh, peer, len - 1, shared,
					     &out_len));
		/* the point format byte is not part of the KE payload */
		EXPECT_EQ(-EINVAL, dh_shared(dh, peer, len + 1, shared,
					     &out_len));
		dh_free(dh);
		dh_free(other);
	}
}

TEST(x25519_low_order_points)
{
	uint8_t peer[32] = { 0 }, shared[32];
	struct dh *dh = dh_new(IKEV2_DH_CURVE25519);
	size_t len = sizeof(shared);

	ASSERT_NE(NULL, dh);
	/* RFC 7748 §6.1: a low-order point makes an all-zero secret */
	expect_refused(_metadata, dh, peer, "u = 0");
	peer[0] = 1;
	expect_refused(_metadata, dh, peer, "u = 1");
	EXPECT_EQ(-EINVAL, dh_shared(dh, peer, 31, shared, &len));
	EXPECT_EQ(-EINVAL, dh_shared(dh, peer, 33, shared, &len));
	dh_free(dh);
}

TEST(fresh_pairs_agree)
{
	static const uint16_t groups[] = {
		IKEV2_DH_MODP_2048, IKEV2_DH_MODP_3072, IKEV2_DH_MODP_4096,
		IKEV2_DH_ECP_256, IKEV2_DH_ECP_384, IKEV2_DH_ECP_521,
		IKEV2_DH_CURVE25519,
	};
	uint8_t pa[DH_PUBLIC_MAX], pb[DH_PUBLIC_MAX];
	uint8_t sa[DH_SHARED_MAX], sb[DH_SHARED_MAX];
	size_t i, len, la, lb;

	for (i = 0; i < ARRAY_LEN(groups); i++) {
		struct dh *a = dh_new(groups[i]), *b = dh_new(groups[i]);

		ASSERT_NE(NULL, a);
		ASSERT_NE(NULL, b);
		len = dh_public_len(groups[i]);
		ASSERT_EQ(0, dh_public(a, pa, len));
		ASSERT_EQ(0, dh_public(b, pb, len));
		EXPECT_NE(0, memcmp(pa, pb, len));
		la = sizeof(sa);
		lb = sizeof(sb);
		ASSERT_EQ(0, dh_shared(a, pb, len, sa, &la));
		ASSERT_EQ(0, dh_shared(b, pa, len, sb, &lb));
		EXPECT_EQ(dh_shared_len(groups[i]), la);
		EXPECT_EQ(la, lb);
		EXPECT_EQ(0, memcmp(sa, sb, la));
		/* the output must have room for the whole secret */
		la = dh_shared_len(groups[i]) - 1;
		EXPECT_EQ(-EINVAL, dh_shared(a, pb, len, sa, &la));
		EXPECT_EQ(-EINVAL, dh_public(a, pa, len - 1));
		dh_free(a);
		dh_free(b);
	}
}

TEST(bad_private_keys)
{
	uint8_t priv[66];

	memset(priv, 0, sizeof(priv));
	errno = 0;
	EXPECT_EQ(NULL, dh_new_private(IKEV2_DH_ECP_256, priv, 32));
	EXPECT_EQ(EINVAL, errno);
	/* not below the order of the curve */
	memset(priv, 0xff, sizeof(priv));
	errno = 0;
	EXPECT_EQ(NULL, dh_new_private(IKEV2_DH_ECP_384, priv, 48));
	EXPECT_EQ(EINVAL, errno);
	/* a scalar of the wrong size */
	errno = 0;
	EXPECT_EQ(NULL, dh_new_private(IKEV2_DH_CURVE25519, priv, 31));
	EXPECT_EQ(EINVAL, errno);
	errno = 0;
	EXPECT_EQ(NULL, dh_new_private(IKEV2_DH_ECP_521, priv, 65));
	EXPECT_EQ(EINVAL, errno);
	errno = 0;
	EXPECT_EQ(NULL, dh_new_private(IKEV2_DH_MODP_2048, priv, 0));
	EXPECT_EQ(EINVAL, errno);
	errno = 0;
	EXPECT_EQ(NULL, dh_new_private(IKEV2_DH_MODP_1024, priv, 32));
	EXPECT_EQ(ENOTSUP, errno);
}

TEST_HARNESS_MAIN
