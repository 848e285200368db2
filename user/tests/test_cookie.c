// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of user/lib/ikev2_cookie.c: a cookie is accepted for its
 * request, after one rotation of the secret too, and refused for another
 * nonce, address or SPI, after two rotations, or when altered.
 */
#include <string.h>

#include "kselftest_harness.h"
#include "../lib/ikev2_cookie.h"

static const uint8_t ni[32] = { 1, 2, 3, 4, 5 };
static const uint8_t ip4[4] = { 10, 99, 0, 10 };
static const uint8_t ip6[16] = { 0xfd, 0x99, [15] = 0x10 };
#define SPI	0x0123456789abcdefULL

static bool check(const struct ikev2_cookie_jar *j, const uint8_t *c,
		  const uint8_t *n, const uint8_t *ip, size_t ip_len,
		  uint64_t spi)
{
	return ikev2_cookie_check(j, c, IKEV2_COOKIE_LEN, n, sizeof(ni), ip,
				  ip_len, spi);
}

TEST(no_secret_no_cookie)
{
	struct ikev2_cookie_jar j = { 0 };
	uint8_t c[IKEV2_COOKIE_LEN];

	EXPECT_NE(0, ikev2_cookie_make(&j, ni, sizeof(ni), ip4, 4, SPI, c));
	memset(c, 0, sizeof(c));
	EXPECT_FALSE(check(&j, c, ni, ip4, 4, SPI));
}

TEST(accepted_for_its_request_only)
{
	struct ikev2_cookie_jar j = { 0 };
	uint8_t c[IKEV2_COOKIE_LEN], n2[32] = { 9 };

	ASSERT_EQ(0, ikev2_cookie_rotate(&j));
	ASSERT_EQ(0, ikev2_cookie_make(&j, ni, sizeof(ni), ip4, 4, SPI, c));
	EXPECT_TRUE(check(&j, c, ni, ip4, 4, SPI));
	EXPECT_FALSE(check(&j, c, n2, ip4, 4, SPI));
	EXPECT_FALSE(check(&j, c, ni, ip6, 16, SPI));
	EXPECT_FALSE(check(&j, c, ni, ip4, 4, SPI + 1));
	EXPECT_FALSE(ikev2_cookie_check(&j, c, IKEV2_COOKIE_LEN - 1, ni,
					sizeof(ni), ip4, 4, SPI));
	c[10] ^= 1;
	EXPECT_FALSE(check(&j, c, ni, ip4, 4, SPI));
	ikev2_cookie_wipe(&j);
}

TEST(good_for_one_rotation)
{
	struct ikev2_cookie_jar j = { 0 };
	uint8_t c[IKEV2_COOKIE_LEN], c2[IKEV2_COOKIE_LEN];

	ASSERT_EQ(0, ikev2_cookie_rotate(&j));
	ASSERT_EQ(0, ikev2_cookie_make(&j, ni, sizeof(ni), ip6, 16, SPI, c));
	ASSERT_EQ(0, ikev2_cookie_rotate(&j));
	EXPECT_TRUE(check(&j, c, ni, ip6, 16, SPI));
	ASSERT_EQ(0, ikev2_cookie_make(&j, ni, sizeof(ni), ip6, 16, SPI, c2));
	EXPECT_NE(0, memcmp(c, c2, sizeof(c)));
	EXPECT_TRUE(check(&j, c2, ni, ip6, 16, SPI));
	ASSERT_EQ(0, ikev2_cookie_rotate(&j));
	EXPECT_FALSE(check(&j, c, ni, ip6, 16, SPI));
	EXPECT_TRUE(check(&j, c2, ni, ip6, 16, SPI));
}

TEST(version_is_not_enough)
{
	struct ikev2_cookie_jar j = { 0 };
	uint8_t c[IKEV2_COOKIE_LEN];

	ASSERT_EQ(0, ikev2_cookie_rotate(&j));
	ASSERT_EQ(0, ikev2_cookie_make(&j, ni, sizeof(ni), ip4, 4, SPI, c));
	memset(c + 4, 0, IKEV2_COOKIE_LEN - 4);
	EXPECT_FALSE(check(&j, c, ni, ip4, 4, SPI));
}

TEST_HARNESS_MAIN
