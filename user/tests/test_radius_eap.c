// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of user/lib/radius_eap.c: an EAP message split into
 * EAP-Message attributes of 253 bytes and joined again (RFC 3579 §3.1),
 * State and User-Name of a reply, and the MSK assembled from
 * MS-MPPE-Recv-Key and MS-MPPE-Send-Key, encrypted here with RFC 2548
 * §2.4.2's formula.
 */
#include <string.h>

#include "kselftest_harness.h"
#include <openssl/evp.h>

#include "../lib/radius_eap.h"

#define SECRET		"testing123"

static const uint8_t req_auth[RADIUS_AUTH_LEN] = {
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
	0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
};

static void md5(uint8_t *out, const void *a, size_t alen, const void *b,
		size_t blen)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();

	EVP_DigestInit_ex(ctx, EVP_md5(), NULL);
	EVP_DigestUpdate(ctx, a, alen);
	EVP_DigestUpdate(ctx, b, blen);
	EVP_DigestFinal_ex(ctx, out, NULL);
	EVP_MD_CTX_free(ctx);
}

/* RFC 2548 §2.4.2: salt, then the key's length and the key, padded to
 * 16 and hidden as User-Password is, with R + A as the first block */
static size_t mppe_encrypt(uint8_t *out, uint16_t salt, const uint8_t *key,
			   size_t len)
{
	uint8_t p[48] = { len }, seed[18], b[16];
	size_t n = (len + 1 + 15) & ~15u, i, j;

	memcpy(p + 1, key, len);
	out[0] = 0x80 | salt >> 8;
	out[1] = salt;
	memcpy(seed, req_auth, 16);
	memcpy(seed + 16, out, 2);
	for (i = 0; i < n; i += 16) {
		if (i)
			md5(b, SECRET, strlen(SECRET), out + 2 + i - 16, 16);
		else
			md5(b, SECRET, strlen(SECRET), seed, sizeof(seed));
		for (j = 0; j < 16; j++)
			out[2 + i + j] = p[i + j] ^ b[j];
	}
	return 2 + n;
}

/* a Microsoft VSA with one MS-MPPE key at @a; its length */
static size_t put_mppe(uint8_t *a, uint8_t type, uint16_t salt,
		       const uint8_t *key, size_t len)
{
	size_t n = mppe_encrypt(a + 8, salt, key, len);

	a[0] = RADIUS_ATTR_VENDOR_SPECIFIC;
	a[1] = 8 + n;
	a[2] = 0;
	a[3] = 0;
	a[4] = RADIUS_VENDOR_MICROSOFT >> 8;
	a[5] = RADIUS_VENDOR_MICROSOFT & 0xff;
	a[6] = type;
	a[7] = 2 + n;
	return 8 + n;
}

static size_t put_attr(uint8_t *a, uint8_t type, const void *v, size_t len)
{
	a[0] = type;
	a[1] = 2 + len;
	memcpy(a + 2, v, len);
	return 2 + len;
}

static void set_len(uint8_t *pkt, size_t len)
{
	pkt[2] = len >> 8;
	pkt[3] = len;
}

TEST(eap_split_join)
{
	static struct radius_pkt pkt;
	static struct radius_eap_reply r;
	uint8_t eap[600];
	rc_handle *rh = radius_handle_new(NULL);
	VALUE_PAIR *vps = NULL;
	size_t i, off, n = 0;

	ASSERT_NE(NULL, rh);
	for (i = 0; i < sizeof(eap); i++)
		eap[i] = i * 7;
	eap[2] = sizeof(eap) >> 8;
	eap[3] = sizeof(eap) & 0xff;
	ASSERT_EQ(0, radius_eap_add(rh, &vps, eap, sizeof(eap)));
	ASSERT_EQ(0, radius_encode(&pkt, RADIUS_ACCESS_REQUEST, 1, req_auth,
				   vps, SECRET, true));
	/* 253 + 253 + 94, in order, then the Message-Authenticator */
	for (off = RADIUS_HDR_LEN; off < pkt.len; off += pkt.data[off + 1]) {
		if (pkt.data[off] != PW_EAP_MESSAGE)
			continue;
		EXPECT_EQ(n < 506 ? 255 : 96, pkt.data[off + 1]);
		EXPECT_EQ(0, memcmp(pkt.data + off + 2, eap + n,
				    pkt.data[off + 1] - 2));
		n += pkt.data[off + 1] - 2;
	}
	EXPECT_EQ(sizeof(eap), n);
	ASSERT_EQ(0, radius_eap_parse(pkt.data, pkt.len, &r));
	ASSERT_EQ(sizeof(eap), r.eap_len);
	EXPECT_EQ(0, memcmp(eap, r.eap, sizeof(eap)));
	EXPECT_EQ(0, r.state_len);
	EXPECT_EQ(0, r.send_len);
	EXPECT_EQ(-EINVAL, radius_eap_add(rh, &vps, eap, 0));
	rc_avpair_free(vps);
	rc_destroy(rh);
}

TEST(eap_reply_msk)
{
	static struct radius_eap_reply r;
	uint8_t pkt[512] = { RADIUS_ACCESS_ACCEPT, 1 }, recv[32], send[32];
	uint8_t msk[RADIUS_MSK_MAX], success[4] = { 3, 7, 0, 4 };
	size_t len = RADIUS_HDR_LEN, msk_len, i;

	for (i = 0; i < 32; i++) {
		recv[i] = i;
		send[i] = 0x20 + i;
	}
	len += put_attr(pkt + len, PW_USER_NAME, "alice@corp", 10);
	/* the Send key first: the order on the wire does not matter */
	len += put_mppe(pkt + len, RADIUS_MS_MPPE_SEND_KEY, 0x1234, send, 32);
	len += put_attr(pkt + len, PW_STATE, "st8", 3);
	len += put_mppe(pkt + len, RADIUS_MS_MPPE_RECV_KEY, 0x5678, recv, 32);
	len += put_attr(pkt + len, PW_EAP_MESSAGE, success, 4);
	set_len(pkt, len);
	ASSERT_EQ(0, radius_eap_parse(pkt, len, &r));
	EXPECT_STREQ("alice@corp", r.user);
	ASSERT_EQ(3, r.state_len);
	EXPECT_EQ(0, memcmp("st8", r.state, 3));
	ASSERT_EQ(4, r.eap_len);
	EXPECT_EQ(0, memcmp(success, r.eap, 4));
	ASSERT_EQ(0, radius_eap_msk(&r, SECRET, req_auth, msk, &msk_len));
	ASSERT_EQ(64, msk_len);
	/* MSK = MS-MPPE-Recv-Key || MS-MPPE-Send-Key */
	for (i = 0; i < 64; i++)
		EXPECT_EQ(i, msk[i]);
	/* another secret: garbage, refused or not, never the MSK */
	if (!radius_eap_msk(&r, "other", req_auth, msk, &msk_len))
		EXPECT_NE(0, memcmp(msk, recv, 32));
	/* no Send key: no MSK (EAP-MD5) */
	r.send_len = 0;
	EXPECT_EQ(-ENOENT, radius_eap_msk(&r, SECRET, req_auth, msk,
					  &msk_len));
	EXPECT_EQ(0, msk_len);
	radius_eap_wipe(&r);
	EXPECT_EQ(0, r.recv_len);
}

TEST(eap_reply_malformed)
{
	static struct radius_eap_reply r;
	static uint8_t pkt[RADIUS_MAX_LEN + 600];
	uint8_t chunk[253] = { 0 };
	size_t len = RADIUS_HDR_LEN;

	/* an attribute past the end */
	pkt[0] = RADIUS_ACCESS_CHALLENGE;
	len += put_attr(pkt + len, PW_STATE, "x", 1);
	pkt[len++] = PW_EAP_MESSAGE;
	pkt[len++] = 10;
	set_len(pkt, len);
	EXPECT_EQ(-EINVAL, radius_eap_parse(pkt, len, &r));
	/* a length shorter than its header */
	pkt[len - 1] = 1;
	EXPECT_EQ(-EINVAL, radius_eap_parse(pkt, len, &r));
	/* more EAP than a packet holds cannot come: the buffer is the
	 * packet's size, so it always fits */
	len = RADIUS_HDR_LEN;
	while (len + 255 <= RADIUS_MAX_LEN)
		len += put_attr(pkt + len, PW_EAP_MESSAGE, chunk,
				sizeof(chunk));
	set_len(pkt, len);
	EXPECT_EQ(0, radius_eap_parse(pkt, len, &r));
	EXPECT_EQ((len - RADIUS_HDR_LEN) / 255 * 253, r.eap_len);
}

TEST_HARNESS_MAIN
