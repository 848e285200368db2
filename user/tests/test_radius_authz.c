// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of user/lib/radius_authz.c: the reply attributes of the
 * FlexVPN guide's RADIUS appendix read from an Access-Accept's attribute
 * list, the tolerant reading of Cisco-AVPair values, the refusal of
 * policies the daemon cannot enforce, and user-over-group precedence.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

#include "kselftest_harness.h"

#include "../lib/radius_authz.h"

FIXTURE(authz) {
	rc_handle *rh;
	VALUE_PAIR *vps;
	struct radius_authz a;
	char why[160];
};

FIXTURE_SETUP(authz)
{
	self->rh = radius_handle_new(NULL);
	ASSERT_NE(NULL, self->rh);
	self->vps = NULL;
}

FIXTURE_TEARDOWN(authz)
{
	rc_avpair_free(self->vps);
	rc_destroy(self->rh);
}

static void add_str(FIXTURE_DATA(authz) *self, int attr, int vendor,
		    const char *s)
{
	rc_avpair_add(self->rh, &self->vps, attr, s, strlen(s), vendor);
}

static void add_avpair(FIXTURE_DATA(authz) *self, const char *s)
{
	add_str(self, RADIUS_CISCO_AVPAIR, RADIUS_VENDOR_CISCO, s);
}

static void add_ipv4(FIXTURE_DATA(authz) *self, int attr, const char *s)
{
	struct in_addr a;
	uint32_t v;

	inet_pton(AF_INET, s, &a);
	v = ntohl(a.s_addr);
	rc_avpair_add(self->rh, &self->vps, attr, &v, 0, 0);
}

static const char *ip4(struct in_addr a, char *buf)
{
	return inet_ntop(AF_INET, &a, buf, INET6_ADDRSTRLEN);
}

TEST_F(authz, appendix_attributes)
{
	char b[INET6_ADDRSTRLEN];
	uint32_t timeout = 600;

	add_ipv4(self, 8, "10.9.9.9");
	add_ipv4(self, 9, "255.255.255.0");
	add_str(self, 88, 0, "pool-a");
	rc_avpair_add(self->rh, &self->vps, 27, &timeout, 0, 0);
	add_avpair(self, "ipsec:addr-pool=pool-b");
	add_avpair(self, "ipsec: dns-servers=192.0.2.53 192.0.2.54");
	add_avpair(self, "ipsec:route-set=prefix 10.20.0.0/16");
	add_avpair(self, "IPSEC:Route-Set=prefix 10.30.1.7 255.255.255.0");
	add_avpair(self, "ipsec:addrv6=2001:db8::7");
	add_avpair(self, "ipsec:prefix-len=64");
	add_avpair(self, "ipsec:ipv6-dns-servers-addr=2001:db8::53 *2001:db8::54");
	add_avpair(self, "ipsec:banner=hello");
	add_avpair(self, "shell:priv-lvl=15");
	add_str(self, 25, 0, "class-1");
	ASSERT_EQ(0, radius_authz_parse(self->rh, self->vps, &self->a,
					self->why, sizeof(self->why)))
		TH_LOG("%s", self->why);
	EXPECT_STREQ("10.9.9.9", ip4(self->a.addr, b));
	EXPECT_STREQ("255.255.255.0", ip4(self->a.netmask, b));
	/* Framed-Pool wins over ipsec:addr-pool */
	EXPECT_STREQ("pool-a", self->a.pool);
	EXPECT_EQ(600, self->a.session_timeout);
	EXPECT_EQ(2, self->a.ndns);
	EXPECT_STREQ("192.0.2.54", ip4(self->a.dns[1], b));
	ASSERT_EQ(2, self->a.nroutes);
	EXPECT_EQ(16, self->a.routes[0].prefix);
	EXPECT_STREQ("10.30.1.0", ip4(self->a.routes[1].v4, b));
	EXPECT_EQ(24, self->a.routes[1].prefix);
	EXPECT_STREQ("2001:db8::7",
		     inet_ntop(AF_INET6, &self->a.addr6, b, sizeof(b)));
	EXPECT_EQ(64, self->a.prefix6);
	EXPECT_EQ(2, self->a.ndns6);
	EXPECT_EQ(7, self->a.class_len);
	EXPECT_STREQ("ipsec:banner", self->a.ignored);
	EXPECT_TRUE(self->a.set & RADIUS_AUTHZ_ROUTES);
	EXPECT_FALSE(self->a.set & RADIUS_AUTHZ_WINS);
}

TEST_F(authz, refuses_what_it_cannot_enforce)
{
	add_avpair(self, "ipsec:route-set=access-list 99");
	EXPECT_EQ(-EOPNOTSUPP,
		  radius_authz_parse(self->rh, self->vps, &self->a, self->why,
				     sizeof(self->why)));
	/* spaces after the protocol, IPv6 lists, unknown pairs, commands */
	static const char *const more[] = {
		"ipv6:inacl#1=deny any any", "ipsec:some-new-policy=x",
		"ip: addr-pool=p1", "ip:interface-config=ip mtu 1100",
		"ip:interface-config=tunnel key 10",
	};
	unsigned int i;

	for (i = 0; i < sizeof(more) / sizeof(more[0]); i++) {
		rc_avpair_free(self->vps);
		self->vps = NULL;
		add_avpair(self, more[i]);
		EXPECT_EQ(-EOPNOTSUPP,
			  radius_authz_parse(self->rh, self->vps, &self->a,
					     self->why, sizeof(self->why)))
			TH_LOG("%s", more[i]);
	}
}

TEST_F(authz, filters)
{
	char buf[ACL_RULE_TEXT_MAX];

	add_avpair(self, "ip:inacl#20=permit icmp any any echo");
	add_avpair(self, "ip: inacl#5=permit tcp any any eq 5201");
	add_avpair(self, "ipsec: outacl=to-client");
	add_avpair(self, "ip:sub-policy-Out=2M");
	add_avpair(self, "ip:interface-config=service-policy input 1M");
	/* a pair of its own wins over the interface command */
	add_avpair(self, "ip:interface-config=service-policy output 9M");
	add_avpair(self, "ip:interface-config=ip access-group other out");
	ASSERT_EQ(0, radius_authz_parse(self->rh, self->vps, &self->a,
					self->why, sizeof(self->why)))
		TH_LOG("%s", self->why);
	ASSERT_EQ(2, self->a.naces[ACL_DIR_IN]);
	EXPECT_EQ(5, self->a.aces[ACL_DIR_IN][0].n);
	acl_rule_format(&self->a.aces[ACL_DIR_IN][0].rule, buf, sizeof(buf));
	EXPECT_STREQ("permit tcp any any eq 5201", buf);
	EXPECT_EQ(20, self->a.aces[ACL_DIR_IN][1].n);
	EXPECT_STREQ("", self->a.acl[ACL_DIR_IN]);
	EXPECT_STREQ("to-client", self->a.acl[ACL_DIR_OUT]);
	EXPECT_STREQ("1M", self->a.qos[ACL_DIR_IN]);
	EXPECT_STREQ("2M", self->a.qos[ACL_DIR_OUT]);
	EXPECT_TRUE(self->a.set & RADIUS_AUTHZ_ACL_IN);
	EXPECT_TRUE(self->a.set & RADIUS_AUTHZ_QOS_OUT);

	/* Filter-Id is the inbound list; a second name for it is refused */
	rc_avpair_free(self->vps);
	self->vps = NULL;
	add_str(self, 11, 0, "acl-1");
	ASSERT_EQ(0, radius_authz_parse(self->rh, self->vps, &self->a,
					self->why, sizeof(self->why)));
	EXPECT_STREQ("acl-1", self->a.acl[ACL_DIR_IN]);
	add_avpair(self, "ipsec:inacl=acl-2");
	EXPECT_EQ(-EINVAL, radius_authz_parse(self->rh, self->vps, &self->a,
					      self->why, sizeof(self->why)));
	EXPECT_NE(NULL, strstr(self->why, "twice"));

	/* a name and per-user entries for one direction; a bad entry */
	rc_avpair_free(self->vps);
	self->vps = NULL;
	add_avpair(self, "ip:inacl#1=permit ip any any");
	add_avpair(self, "ipsec:inacl=acl-2");
	EXPECT_EQ(-EINVAL, radius_authz_parse(self->rh, self->vps, &self->a,
					      self->why, sizeof(self->why)));
	rc_avpair_free(self->vps);
	self->vps = NULL;
	add_avpair(self, "ip:inacl#1=permit tcp any any neq 80");
	EXPECT_EQ(-EINVAL, radius_authz_parse(self->rh, self->vps, &self->a,
					      self->why, sizeof(self->why)));
	EXPECT_NE(NULL, strstr(self->why, "ip:inacl#1"));
}

TEST_F(authz, merge_filters)
{
	struct radius_authz group;

	add_avpair(self, "ipsec:inacl=group-in");
	add_avpair(self, "ip:sub-qos-policy-in=group-qos");
	ASSERT_EQ(0, radius_authz_parse(self->rh, self->vps, &group,
					self->why, sizeof(self->why)));
	rc_avpair_free(self->vps);
	self->vps = NULL;
	add_avpair(self, "ip:inacl#1=permit ip any any");
	ASSERT_EQ(0, radius_authz_parse(self->rh, self->vps, &self->a,
					self->why, sizeof(self->why)));
	radius_authz_merge(&group, &self->a);
	EXPECT_STREQ("", group.acl[ACL_DIR_IN]);
	EXPECT_EQ(1, group.naces[ACL_DIR_IN]);
	EXPECT_STREQ("group-qos", group.qos[ACL_DIR_IN]);
}

TEST_F(authz, malformed_values)
{
	static const char *const bad[] = {
		"ipsec:dns-servers=192.0.2.300",
		"ipsec:dns-servers=1.1.1.1 2.2.2.2 3.3.3.3",
		"ipsec:route-set=prefix 10.0.0.0/33",
		"ipsec:route-set=prefix 10.0.0.0 255.0.255.0",
		"ipsec:route-set=prefix nonsense",
		"ipsec:prefix-len=129",
		"ipsec:addrv6=10.0.0.1",
		"ipsec:addr-pool=",
	};
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		rc_avpair_free(self->vps);
		self->vps = NULL;
		add_avpair(self, bad[i]);
		EXPECT_EQ(-EINVAL,
			  radius_authz_parse(self->rh, self->vps, &self->a,
					     self->why, sizeof(self->why)))
			TH_LOG("%s", bad[i]);
		EXPECT_NE('\0', self->why[0]);
	}
}

TEST(merge_user_over_group)
{
	struct radius_authz group = { 0 }, user = { 0 };
	char b[INET6_ADDRSTRLEN];

	group.set = RADIUS_AUTHZ_DNS | RADIUS_AUTHZ_POOL | RADIUS_AUTHZ_ROUTES;
	inet_pton(AF_INET, "192.0.2.1", &group.dns[0]);
	inet_pton(AF_INET, "192.0.2.2", &group.dns[1]);
	group.ndns = 2;
	strcpy(group.pool, "group-pool");
	group.nroutes = 1;
	user.set = RADIUS_AUTHZ_DNS | RADIUS_AUTHZ_ADDR;
	inet_pton(AF_INET, "198.51.100.1", &user.dns[0]);
	user.ndns = 1;
	inet_pton(AF_INET, "10.9.9.9", &user.addr);
	radius_authz_merge(&group, &user);
	EXPECT_EQ(1, group.ndns);
	EXPECT_STREQ("198.51.100.1", ip4(group.dns[0], b));
	EXPECT_STREQ("group-pool", group.pool);
	EXPECT_EQ(1, group.nroutes);
	EXPECT_STREQ("10.9.9.9", ip4(group.addr, b));
	EXPECT_EQ(RADIUS_AUTHZ_DNS | RADIUS_AUTHZ_POOL | RADIUS_AUTHZ_ROUTES |
		  RADIUS_AUTHZ_ADDR, group.set);
}

TEST_HARNESS_MAIN
