// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of user/lib/ikev2_subnet.c: INTERNAL_IP4_SUBNET and
 * INTERNAL_IP6_SUBNET values read and written, malformed ones refused,
 * and the received subnets that may not become routes.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"

#include "../lib/ikev2_subnet.h"

static struct ikev2_cp_attr attr(uint16_t type, const uint8_t *v, size_t len)
{
	struct ikev2_cp_attr a = {
		.type = type, .value = { .data = v, .len = len },
	};

	return a;
}

static void prefix_str(const struct cfg_addr *p, char *buf, size_t len)
{
	char a[INET6_ADDRSTRLEN];

	inet_ntop(p->family, &p->v6, a, sizeof(a));
	snprintf(buf, len, "%s/%d", a, p->prefix);
}

static struct cfg_addr prefix(const char *s)
{
	struct cfg_addr p = { 0 };
	char buf[64], *slash;

	snprintf(buf, sizeof(buf), "%s", s);
	slash = strchr(buf, '/');
	*slash = '\0';
	p.family = strchr(buf, ':') ? AF_INET6 : AF_INET;
	inet_pton(p.family, buf, &p.v6);
	p.prefix = atoi(slash + 1);
	return p;
}

TEST(ipv4_subnet_read)
{
	static const uint8_t v[] = { 192, 168, 1, 7, 255, 255, 255, 0 };
	struct ikev2_cp_attr a = attr(IKEV2_CFG_INTERNAL_IP4_SUBNET, v, 8);
	struct cfg_addr p;
	char s[64];

	ASSERT_EQ(0, ikev2_subnet_decode(&a, &p));
	prefix_str(&p, s, sizeof(s));
	/* the host bits are cleared */
	EXPECT_STREQ("192.168.1.0/24", s);
}

TEST(ipv6_subnet_read)
{
	uint8_t v[17] = { 0x20, 0x01, 0x0d, 0xb8, 0, 1, 0xff, 0xff };
	struct ikev2_cp_attr a = attr(IKEV2_CFG_INTERNAL_IP6_SUBNET, v, 17);
	struct cfg_addr p;
	char s[64];

	v[16] = 48;
	ASSERT_EQ(0, ikev2_subnet_decode(&a, &p));
	prefix_str(&p, s, sizeof(s));
	EXPECT_STREQ("2001:db8:1::/48", s);
	v[16] = 128;
	ASSERT_EQ(0, ikev2_subnet_decode(&a, &p));
	EXPECT_EQ(128, p.prefix);
}

TEST(malformed_and_empty)
{
	static const uint8_t hole[] = { 10, 0, 0, 0, 255, 0, 255, 0 };
	uint8_t v6[17] = { 0x20, 0x01 };
	struct ikev2_cp_attr a;
	struct cfg_addr p;

	a = attr(IKEV2_CFG_INTERNAL_IP4_SUBNET, NULL, 0);
	EXPECT_EQ(-ENODATA, ikev2_subnet_decode(&a, &p));
	a = attr(IKEV2_CFG_INTERNAL_IP6_SUBNET, NULL, 0);
	EXPECT_EQ(-ENODATA, ikev2_subnet_decode(&a, &p));
	a = attr(IKEV2_CFG_INTERNAL_IP4_SUBNET, hole, 8);
	EXPECT_EQ(-EINVAL, ikev2_subnet_decode(&a, &p));
	a = attr(IKEV2_CFG_INTERNAL_IP4_SUBNET, hole, 4);
	EXPECT_EQ(-EINVAL, ikev2_subnet_decode(&a, &p));
	a = attr(IKEV2_CFG_INTERNAL_IP4_SUBNET, v6, 17);
	EXPECT_EQ(-EINVAL, ikev2_subnet_decode(&a, &p));
	v6[16] = 129;
	a = attr(IKEV2_CFG_INTERNAL_IP6_SUBNET, v6, 17);
	EXPECT_EQ(-EINVAL, ikev2_subnet_decode(&a, &p));
	a = attr(IKEV2_CFG_INTERNAL_IP6_SUBNET, v6, 16);
	EXPECT_EQ(-EINVAL, ikev2_subnet_decode(&a, &p));
	a = attr(IKEV2_CFG_INTERNAL_IP4_ADDRESS, hole, 4);
	EXPECT_EQ(-ENOENT, ikev2_subnet_decode(&a, &p));
}

TEST(written_and_read_back)
{
	static const char *const prefixes[] = {
		"192.168.0.0/16", "10.0.0.1/32", "0.0.0.0/0",
		"2001:db8::/32", "2001:db8::1/128", "fd00::/8",
	};
	uint8_t buf[IKEV2_SUBNET_VALUE_MAX];
	struct ikev2_cp_attr a;
	struct cfg_addr p, q;
	unsigned int i;
	char s[64];

	for (i = 0; i < ARRAY_SIZE(prefixes); i++) {
		p = prefix(prefixes[i]);
		ikev2_subnet_encode(&p, &a, buf);
		EXPECT_EQ(p.family == AF_INET ? 8 : 17, a.value.len);
		EXPECT_EQ(p.family == AF_INET ? IKEV2_CFG_INTERNAL_IP4_SUBNET :
			  IKEV2_CFG_INTERNAL_IP6_SUBNET, a.type);
		ASSERT_EQ(0, ikev2_subnet_decode(&a, &q));
		prefix_str(&q, s, sizeof(s));
		EXPECT_STREQ(prefixes[i], s);
	}
	p = prefix("192.168.0.0/16");
	ikev2_subnet_encode(&p, &a, buf);
	EXPECT_EQ(0, memcmp(buf + 4, "\xff\xff\x00\x00", 4));
}

TEST(routes_refused)
{
	struct cfg_addr outer[2] = {
		prefix("198.51.100.1/32"), prefix("2001:db8:ffff::1/128"),
	};
	static const struct {
		const char *p;
		const char *why;
	} t[] = {
		{ "192.168.1.0/24", NULL },
		{ "10.0.0.1/32", NULL },
		{ "2001:db8:1::/48", NULL },
		{ "0.0.0.0/0", "a default route" },
		{ "::/0", "a default route" },
		{ "127.0.0.0/8", "loopback" },
		{ "0.0.0.0/1", "in 0.0.0.0/8" },
		{ "224.0.0.0/4", "multicast or reserved" },
		{ "169.254.0.0/16", "link-local" },
		{ "fe80::/64", "link-local" },
		{ "ff02::/16", "multicast" },
		{ "::1/128", "unspecified or loopback" },
		{ "::ffff:10.0.0.0/104", "IPv4-mapped" },
		{ "198.51.100.0/24", "it contains an IKE endpoint" },
		{ "198.51.100.1/32", "it contains an IKE endpoint" },
		{ "198.51.100.2/32", NULL },
		{ "2001:db8::/32", "it contains an IKE endpoint" },
	};
	struct cfg_addr p;
	const char *why;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(t); i++) {
		p = prefix(t[i].p);
		why = ikev2_subnet_refused(&p, outer, 2);
		if (!t[i].why) {
			EXPECT_EQ(NULL, why) {
				TH_LOG("%s refused: %s", t[i].p, why);
			}
		} else {
			EXPECT_STREQ(t[i].why, why ? why : "(accepted)");
		}
	}
}

TEST_HARNESS_MAIN
