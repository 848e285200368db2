// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of user/lib/radius.c: packets built from radcli attribute
 * lists byte for byte against vectors computed independently from the
 * RFCs' formulas (Python's hashlib and hmac, secret "testing123"):
 * an Access-Request with a hidden User-Password and Message-Authenticator
 * (RFC 2865 §5.2, RFC 3579 §3.2), an Accounting-Request (RFC 2866 §3)
 * with a Cisco VSA, an Access-Accept; an MS-MPPE key (RFC 2548 §2.4.2);
 * and every reason radius_check() drops a packet for.
 */
#include <arpa/inet.h>
#include <string.h>

#include "kselftest_harness.h"
#include <openssl/evp.h>

#include "../lib/radius.h"

#define SECRET		"testing123"
#define CISCO		9
#define CISCO_AVPAIR	1

static const uint8_t req_auth[RADIUS_AUTH_LEN] = {
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
	0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
};

static const uint8_t access_request[] = {
	0x01, 0x2a, 0x00, 0x3f, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
	0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x50, 0x12, 0x39, 0x21,
	0x6e, 0xd3, 0x0c, 0x51, 0xf5, 0xaf, 0x46, 0xda, 0x1f, 0x53, 0xa7, 0xa3,
	0x80, 0xb6, 0x01, 0x07, 0x61, 0x6c, 0x69, 0x63, 0x65, 0x02, 0x12, 0xe5,
	0x8b, 0x6a, 0xb8, 0x11, 0x89, 0x7a, 0x1a, 0x10, 0x46, 0x07, 0x24, 0x00,
	0x14, 0x82, 0x8b,
};

static const uint8_t accounting_request[] = {
	0x04, 0x05, 0x00, 0x46, 0x94, 0xc6, 0xed, 0x59, 0x3e, 0x26, 0x42, 0xe2,
	0x0b, 0xde, 0xc2, 0xc0, 0x9c, 0xfb, 0x2d, 0x74, 0x28, 0x06, 0x00, 0x00,
	0x00, 0x01, 0x2c, 0x0a, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x41,
	0x08, 0x06, 0x0a, 0x14, 0x00, 0x05, 0x1a, 0x1c, 0x00, 0x00, 0x00, 0x09,
	0x01, 0x16, 0x61, 0x75, 0x64, 0x69, 0x74, 0x2d, 0x73, 0x65, 0x73, 0x73,
	0x69, 0x6f, 0x6e, 0x2d, 0x69, 0x64, 0x3d, 0x61, 0x62, 0x63,
};

static const uint8_t access_accept[] = {
	0x02, 0x2a, 0x00, 0x53, 0x51, 0x4b, 0xf5, 0x5e, 0x4c, 0xc8, 0x82, 0x53,
	0x3c, 0x35, 0xee, 0x37, 0x8a, 0xe3, 0xd8, 0x7e, 0x50, 0x12, 0xea, 0x9f,
	0xf3, 0x96, 0x7c, 0xc2, 0x78, 0x28, 0xe9, 0x10, 0xe4, 0x62, 0x94, 0xe0,
	0x31, 0x3e, 0x08, 0x06, 0x0a, 0x14, 0x00, 0x05, 0x1a, 0x27, 0x00, 0x00,
	0x00, 0x09, 0x01, 0x21, 0x69, 0x70, 0x3a, 0x72, 0x6f, 0x75, 0x74, 0x65,
	0x2d, 0x73, 0x65, 0x74, 0x3d, 0x70, 0x72, 0x65, 0x66, 0x69, 0x78, 0x20,
	0x31, 0x30, 0x2e, 0x39, 0x2e, 0x30, 0x2e, 0x30, 0x2f, 0x31, 0x36,
};

static const uint8_t mppe_value[] = {
	0x80, 0x01, 0x12, 0xe4, 0x45, 0x0f, 0x49, 0x5e, 0x60, 0x7e, 0x88, 0x6f,
	0xf9, 0x21, 0xf9, 0xf6, 0x58, 0xbd, 0xc7, 0xa2, 0xd5, 0xd2, 0x92, 0xb9,
	0xec, 0x4c, 0xdd, 0xb2, 0xf0, 0x68, 0xd7, 0x03, 0xa4, 0x74, 0x2c, 0xa5,
	0x8d, 0x79, 0x34, 0x0c, 0x6c, 0xc6, 0x95, 0xb6, 0xc0, 0x2a, 0x75, 0x70,
	0x47, 0x57,
};

FIXTURE(radius) {
	rc_handle *rh;
	VALUE_PAIR *vps;
	struct radius_pkt pkt;
};

FIXTURE_SETUP(radius)
{
	self->rh = radius_handle_new(NULL);
	ASSERT_NE(NULL, self->rh);
	self->vps = NULL;
}

FIXTURE_TEARDOWN(radius)
{
	rc_avpair_free(self->vps);
	rc_destroy(self->rh);
}


TEST_F(radius, access_request)
{
	ASSERT_NE(NULL, rc_avpair_add(self->rh, &self->vps, PW_USER_NAME,
				      "alice", -1, 0));
	ASSERT_NE(NULL, rc_avpair_add(self->rh, &self->vps, PW_USER_PASSWORD,
				      "secret", -1, 0));
	ASSERT_EQ(0, radius_encode(&self->pkt, RADIUS_ACCESS_REQUEST, 0x2a,
				   req_auth, self->vps, SECRET, true));
	ASSERT_EQ(sizeof(access_request), self->pkt.len);
	EXPECT_EQ(0, memcmp(access_request, self->pkt.data, self->pkt.len));
	/* its Message-Authenticator, as a server checks it */
	EXPECT_EQ(RADIUS_OK, radius_check(self->pkt.data, self->pkt.len,
					  NULL, SECRET, true));
	EXPECT_EQ(RADIUS_ERR_MA, radius_check(self->pkt.data, self->pkt.len,
					      NULL, "other", true));
	/* a password needs an Access-Request's authenticator */
	EXPECT_EQ(-EINVAL, radius_encode(&self->pkt,
					 RADIUS_ACCOUNTING_REQUEST, 1, NULL,
					 self->vps, SECRET, false));
	EXPECT_EQ(-EINVAL, radius_encode(&self->pkt, RADIUS_ACCESS_REQUEST,
					 1, NULL, self->vps, SECRET, false));
}

TEST_F(radius, accounting_request)
{
	uint32_t start = PW_STATUS_START, ip = 0x0a140005;

	ASSERT_NE(NULL, rc_avpair_add(self->rh, &self->vps,
				      PW_ACCT_STATUS_TYPE, &start, -1, 0));
	ASSERT_NE(NULL, rc_avpair_add(self->rh, &self->vps,
				      PW_ACCT_SESSION_ID, "0000000A", -1, 0));
	ASSERT_NE(NULL, rc_avpair_add(self->rh, &self->vps,
				      PW_FRAMED_IP_ADDRESS, &ip, -1, 0));
	ASSERT_NE(NULL, rc_avpair_add(self->rh, &self->vps, CISCO_AVPAIR,
				      "audit-session-id=abc", -1, CISCO));
	ASSERT_EQ(0, radius_encode(&self->pkt, RADIUS_ACCOUNTING_REQUEST, 5,
				   NULL, self->vps, SECRET, false));
	ASSERT_EQ(sizeof(accounting_request), self->pkt.len);
	EXPECT_EQ(0, memcmp(accounting_request, self->pkt.data,
			    self->pkt.len));
	EXPECT_EQ(RADIUS_OK, radius_check(self->pkt.data, self->pkt.len,
					  NULL, SECRET, false));
	EXPECT_EQ(RADIUS_ERR_MA_MISSING,
		  radius_check(self->pkt.data, self->pkt.len, NULL, SECRET,
			       true));
	EXPECT_EQ(RADIUS_ERR_AUTHENTICATOR,
		  radius_check(self->pkt.data, self->pkt.len, NULL, "other",
			       false));
}

TEST_F(radius, access_accept)
{
	uint32_t ip = 0x0a140005, v = 0;
	VALUE_PAIR *got, *vp;
	char *s;
	unsigned int n;

	ASSERT_NE(NULL, rc_avpair_add(self->rh, &self->vps,
				      PW_FRAMED_IP_ADDRESS, &ip, -1, 0));
	ASSERT_NE(NULL, rc_avpair_add(self->rh, &self->vps, CISCO_AVPAIR,
				      "ip:route-set=prefix 10.9.0.0/16", -1,
				      CISCO));
	ASSERT_EQ(0, radius_encode(&self->pkt, RADIUS_ACCESS_ACCEPT, 0x2a,
				   req_auth, self->vps, SECRET, true));
	ASSERT_EQ(sizeof(access_accept), self->pkt.len);
	EXPECT_EQ(0, memcmp(access_accept, self->pkt.data, self->pkt.len));
	ASSERT_EQ(RADIUS_OK, radius_check(access_accept,
					  sizeof(access_accept), req_auth,
					  SECRET, true));

	got = radius_decode(self->rh, access_accept, sizeof(access_accept));
	ASSERT_NE(NULL, got);
	vp = rc_avpair_get(got, PW_FRAMED_IP_ADDRESS, 0);
	ASSERT_NE(NULL, vp);
	ASSERT_EQ(0, rc_avpair_get_uint32(vp, &v));
	EXPECT_EQ(0x0a140005u, v);
	vp = rc_avpair_get(got, CISCO_AVPAIR, CISCO);
	ASSERT_NE(NULL, vp);
	ASSERT_EQ(0, rc_avpair_get_raw(vp, &s, &n));
	EXPECT_EQ(0, strncmp("ip:route-set=prefix 10.9.0.0/16", s, n));
	rc_avpair_free(got);
}

/* a copy of access_accept, changed, then checked */
static enum radius_err accept_with(size_t at, uint8_t val, size_t len)
{
	uint8_t buf[sizeof(access_accept)];

	memcpy(buf, access_accept, sizeof(buf));
	if (at < sizeof(buf))
		buf[at] = val;
	return radius_check(buf, len, req_auth, SECRET, true);
}

TEST(radius_check_drops)
{
	size_t n = sizeof(access_accept);
	uint8_t other[RADIUS_AUTH_LEN] = { 1 };
	uint8_t pad[sizeof(access_accept) + 3] = { 0 };

	/* the Response Authenticator, the MA, the attributes, Length */
	EXPECT_EQ(RADIUS_ERR_AUTHENTICATOR, accept_with(4, 0xff, n));
	EXPECT_EQ(RADIUS_ERR_AUTHENTICATOR, accept_with(n - 1, 'X', n));
	EXPECT_EQ(RADIUS_ERR_AUTHENTICATOR,
		  radius_check(access_accept, n, other, SECRET, true));
	EXPECT_EQ(RADIUS_ERR_AUTHENTICATOR,
		  radius_check(access_accept, n, NULL, SECRET, true));
	EXPECT_EQ(RADIUS_ERR_AUTHENTICATOR,
		  radius_check(access_accept, n, req_auth, "testing124",
			       true));
	EXPECT_EQ(RADIUS_ERR_ATTR, accept_with(39, 200, n));	/* too long */
	EXPECT_EQ(RADIUS_ERR_ATTR, accept_with(39, 1, n));	/* too short */
	EXPECT_EQ(RADIUS_ERR_ATTR, accept_with(21, 17, n));	/* MA length */
	EXPECT_EQ(RADIUS_ERR_LENGTH, accept_with(3, n + 1, n));
	EXPECT_EQ(RADIUS_ERR_LENGTH, accept_with(3, 19, n));
	EXPECT_EQ(RADIUS_ERR_LENGTH, accept_with(n, 0, n - 1));
	EXPECT_EQ(RADIUS_ERR_LENGTH, accept_with(n, 0, 19));
	/* the Length field cuts an attribute in two */
	EXPECT_EQ(RADIUS_ERR_ATTR, accept_with(3, n - 1, n));
	/* octets past Length are padding */
	memcpy(pad, access_accept, n);
	EXPECT_EQ(RADIUS_OK, radius_check(pad, sizeof(pad), req_auth, SECRET,
					  true));
}

/* a forged MA with a Response Authenticator that matches it */
TEST(radius_check_forged_ma)
{
	struct radius_pkt pkt;
	uint8_t md[RADIUS_AUTH_LEN];
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned int n = 0;

	memcpy(pkt.data, access_accept, sizeof(access_accept));
	pkt.len = sizeof(access_accept);
	pkt.data[22] ^= 1;
	memcpy(pkt.data + 4, req_auth, RADIUS_AUTH_LEN);
	ASSERT_NE(NULL, ctx);
	ASSERT_EQ(1, EVP_DigestInit_ex(ctx, EVP_md5(), NULL));
	ASSERT_EQ(1, EVP_DigestUpdate(ctx, pkt.data, pkt.len));
	ASSERT_EQ(1, EVP_DigestUpdate(ctx, SECRET, strlen(SECRET)));
	ASSERT_EQ(1, EVP_DigestFinal_ex(ctx, md, &n));
	EVP_MD_CTX_free(ctx);
	memcpy(pkt.data + 4, md, RADIUS_AUTH_LEN);
	EXPECT_EQ(RADIUS_ERR_MA, radius_check(pkt.data, pkt.len, req_auth,
					      SECRET, false));
}

TEST(radius_mppe)
{
	uint8_t key[64], bad[sizeof(mppe_value)];
	size_t len = sizeof(key), i;

	ASSERT_EQ(0, radius_mppe_key(mppe_value, sizeof(mppe_value), SECRET,
				     req_auth, key, &len));
	ASSERT_EQ(32, len);
	for (i = 0; i < len; i++)
		EXPECT_EQ(0x40 + i, key[i]);
	/* no room, a length that is no multiple of 16, no salt flag */
	len = 16;
	EXPECT_EQ(-EINVAL, radius_mppe_key(mppe_value, sizeof(mppe_value),
					   SECRET, req_auth, key, &len));
	len = sizeof(key);
	EXPECT_EQ(-EINVAL, radius_mppe_key(mppe_value, sizeof(mppe_value) - 1,
					   SECRET, req_auth, key, &len));
	memcpy(bad, mppe_value, sizeof(bad));
	bad[0] &= 0x7f;
	EXPECT_EQ(-EINVAL, radius_mppe_key(bad, sizeof(bad), SECRET,
					   req_auth, key, &len));
}

TEST_HARNESS_MAIN
