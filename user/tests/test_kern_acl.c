// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of user/lib/kern_acl.c without a kernel: access lists and
 * policers in a dev-set request (any subset of the four nests, rules
 * with only the attributes that restrict them, empty nests to detach),
 * read back to the same rules; acl-get and dev-get replies read into
 * struct acl, struct kern_dev with their counters, and printed.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/flexvti.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include "kselftest_harness.h"
#include "../lib/kern_acl.h"
#include "../lib/kern_nl.h"

/* a genl message as the kernel or flexvtictl would send it */
static struct nl_msg *genl_msg(uint8_t cmd, size_t size)
{
	struct nl_msg *msg = size ? nlmsg_alloc_size(size) : nlmsg_alloc();

	if (msg && !genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, 0x20, 0, 0,
				cmd, FLEXVTI_FAMILY_VERSION)) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return msg;
}

static void rule(struct __test_metadata *_metadata, struct acl *acl,
		 int family, const char *text)
{
	const char *why = "";

	ASSERT_EQ(0, acl_rule_parse_text(text, family,
					 &acl->rules[acl->nrules], &why))
		TH_LOG("%s: %s", text, why);
	acl->nrules++;
}

/* three rules: IPv4, IPv6, both families */
static void three_rules(struct __test_metadata *_metadata, struct acl *acl)
{
	memset(acl, 0, sizeof(*acl));
	strcpy(acl->name, "web");
	acl->rules = calloc(3, sizeof(*acl->rules));
	ASSERT_NE(NULL, acl->rules);
	rule(_metadata, acl, AF_INET,
	     "permit tcp host 192.0.2.1 10.0.0.0 0.0.0.255 range 1000 2000");
	rule(_metadata, acl, AF_INET6,
	     "deny icmp 2001:db8::/32 any echo-request");
	rule(_metadata, acl, AF_UNSPEC, "permit udp any any eq 53");
}

static struct nlattr *nested(struct nlattr *nest, int type)
{
	struct nlattr *a;
	int rem;

	nla_for_each_nested(a, nest, rem)
		if (nla_type(a) == type)
			return a;
	return NULL;
}

/* the @n-th rule nest of a list's nest */
static struct nlattr *rule_nest(struct nlattr *list, int n)
{
	struct nlattr *a;
	int rem;

	nla_for_each_nested(a, list, rem)
		if (nla_type(a) == FLEXVTI_ACL_A_RULE && !n--)
			return a;
	return NULL;
}

TEST(set_all_four_in_one_request)
{
	struct acl_policer pin = { .name = "2M", .rate = 2000000,
				   .burst = 62500 };
	struct acl_policer pout = { .name = "ignored" };
	struct acl in, out = { .name = "ignored" };
	struct kern_acl_set s = {
		.ifindex = 7,
		.acl = { &in, &out },
		.policer = { &pin, &pout },
	};
	struct nlattr *tb[FLEXVTI_A_MAX + 1], *r;
	struct nl_msg *msg;

	three_rules(_metadata, &in);
	msg = genl_msg(FLEXVTI_CMD_DEV_SET, kern_acl_set_size(&s));
	ASSERT_NE(NULL, msg);
	ASSERT_EQ(0, kern_acl_set_put(msg, &s));
	ASSERT_EQ(0, genlmsg_parse(nlmsg_hdr(msg), 0, tb, FLEXVTI_A_MAX, NULL));
	EXPECT_EQ(7, nla_get_u32(tb[FLEXVTI_A_IFINDEX]));

	/* the inbound list: name and three rules */
	ASSERT_NE(NULL, tb[FLEXVTI_A_ACL_IN]);
	EXPECT_STREQ("web", nla_get_string(nested(tb[FLEXVTI_A_ACL_IN],
						  FLEXVTI_ACL_A_NAME)));
	r = rule_nest(tb[FLEXVTI_A_ACL_IN], 0);
	ASSERT_NE(NULL, r);
	EXPECT_EQ(FLEXVTI_ACL_PERMIT,
		  nla_get_u32(nested(r, FLEXVTI_ACL_RULE_A_ACTION)));
	EXPECT_EQ(AF_INET, nla_get_u8(nested(r, FLEXVTI_ACL_RULE_A_FAMILY)));
	EXPECT_EQ(6, nla_get_u8(nested(r, FLEXVTI_ACL_RULE_A_PROTO)));
	EXPECT_EQ(4, nla_len(nested(r, FLEXVTI_ACL_RULE_A_SRC)));
	EXPECT_EQ(32, nla_get_u8(nested(r, FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN)));
	EXPECT_EQ(24, nla_get_u8(nested(r, FLEXVTI_ACL_RULE_A_DST_PREFIX_LEN)));
	EXPECT_EQ(NULL, nested(r, FLEXVTI_ACL_RULE_A_SPORT_MIN));
	EXPECT_EQ(1000, nla_get_u16(nested(r, FLEXVTI_ACL_RULE_A_DPORT_MIN)));
	EXPECT_EQ(2000, nla_get_u16(nested(r, FLEXVTI_ACL_RULE_A_DPORT_MAX)));
	EXPECT_EQ(NULL, nested(r, FLEXVTI_ACL_RULE_A_ICMP_TYPE));
	r = rule_nest(tb[FLEXVTI_A_ACL_IN], 1);
	ASSERT_NE(NULL, r);
	EXPECT_EQ(FLEXVTI_ACL_DENY,
		  nla_get_u32(nested(r, FLEXVTI_ACL_RULE_A_ACTION)));
	EXPECT_EQ(16, nla_len(nested(r, FLEXVTI_ACL_RULE_A_SRC)));
	EXPECT_EQ(NULL, nested(r, FLEXVTI_ACL_RULE_A_DST));
	EXPECT_EQ(128, nla_get_u8(nested(r, FLEXVTI_ACL_RULE_A_ICMP_TYPE)));
	EXPECT_EQ(NULL, nested(r, FLEXVTI_ACL_RULE_A_ICMP_CODE));
	/* a rule of both families: no family, no addresses */
	r = rule_nest(tb[FLEXVTI_A_ACL_IN], 2);
	ASSERT_NE(NULL, r);
	EXPECT_EQ(NULL, nested(r, FLEXVTI_ACL_RULE_A_FAMILY));
	EXPECT_EQ(NULL, nested(r, FLEXVTI_ACL_RULE_A_SRC));
	EXPECT_EQ(17, nla_get_u8(nested(r, FLEXVTI_ACL_RULE_A_PROTO)));
	EXPECT_EQ(NULL, rule_nest(tb[FLEXVTI_A_ACL_IN], 3));

	/* detaching: empty nests */
	ASSERT_NE(NULL, tb[FLEXVTI_A_ACL_OUT]);
	EXPECT_EQ(0, nla_len(tb[FLEXVTI_A_ACL_OUT]));
	ASSERT_NE(NULL, tb[FLEXVTI_A_POLICER_OUT]);
	EXPECT_EQ(0, nla_len(tb[FLEXVTI_A_POLICER_OUT]));

	ASSERT_NE(NULL, tb[FLEXVTI_A_POLICER_IN]);
	EXPECT_STREQ("2M", nla_get_string(nested(tb[FLEXVTI_A_POLICER_IN],
						 FLEXVTI_POLICER_A_NAME)));
	EXPECT_EQ(2000000, nla_get_u64(nested(tb[FLEXVTI_A_POLICER_IN],
					      FLEXVTI_POLICER_A_RATE)));
	EXPECT_EQ(62500, nla_get_u32(nested(tb[FLEXVTI_A_POLICER_IN],
					    FLEXVTI_POLICER_A_BURST)));
	nlmsg_free(msg);
	acl_free(&in);
}

TEST(set_a_subset)
{
	struct acl_policer p = { .rate = 64000 };
	struct kern_acl_set s = { .ifindex = 3, .policer = { NULL, &p } };
	struct nlattr *tb[FLEXVTI_A_MAX + 1];
	struct nl_msg *msg = genl_msg(FLEXVTI_CMD_DEV_SET, 0);

	ASSERT_NE(NULL, msg);
	ASSERT_EQ(0, kern_acl_set_put(msg, &s));
	ASSERT_EQ(0, genlmsg_parse(nlmsg_hdr(msg), 0, tb, FLEXVTI_A_MAX, NULL));
	EXPECT_EQ(NULL, tb[FLEXVTI_A_ACL_IN]);
	EXPECT_EQ(NULL, tb[FLEXVTI_A_ACL_OUT]);
	EXPECT_EQ(NULL, tb[FLEXVTI_A_POLICER_IN]);
	ASSERT_NE(NULL, tb[FLEXVTI_A_POLICER_OUT]);
	/* no name, no burst: left out, the kernel's default burst */
	EXPECT_EQ(NULL, nested(tb[FLEXVTI_A_POLICER_OUT],
			       FLEXVTI_POLICER_A_NAME));
	EXPECT_EQ(NULL, nested(tb[FLEXVTI_A_POLICER_OUT],
			       FLEXVTI_POLICER_A_BURST));
	EXPECT_EQ(64000, nla_get_u64(nested(tb[FLEXVTI_A_POLICER_OUT],
					    FLEXVTI_POLICER_A_RATE)));
	nlmsg_free(msg);
}

TEST(rules_read_back_the_same)
{
	struct kern_acl_set s = { .ifindex = 1 };
	struct nlattr *tb[FLEXVTI_A_MAX + 1];
	struct acl acl, back;
	struct nl_msg *msg;
	uint32_t count = 0;
	unsigned int i;

	three_rules(_metadata, &acl);
	s.acl[ACL_DIR_OUT] = &acl;
	msg = genl_msg(FLEXVTI_CMD_DEV_SET, 0);
	ASSERT_NE(NULL, msg);
	ASSERT_EQ(0, kern_acl_set_put(msg, &s));
	ASSERT_EQ(0, genlmsg_parse(nlmsg_hdr(msg), 0, tb, FLEXVTI_A_MAX, NULL));
	ASSERT_EQ(0, kern_acl_parse(tb[FLEXVTI_A_ACL_OUT], &back, &count));
	EXPECT_EQ(3, count);
	EXPECT_STREQ("web", back.name);
	ASSERT_EQ(3, back.nrules);
	for (i = 0; i < 3; i++)
		EXPECT_TRUE(acl_rule_equal(&acl.rules[i], &back.rules[i]))
			TH_LOG("rule %u differs", i);
	acl_free(&back);
	acl_free(&acl);
	nlmsg_free(msg);
}

/* the largest request: two lists of the longest rules fit its size */
TEST(largest_request_fits)
{
	struct acl_policer p = { .name = "p", .rate = 8000, .burst = 1500 };
	struct acl big = { .nrules = FLEXVTI_ACL_MAX_RULES };
	struct kern_acl_set s = {
		.ifindex = 1, .acl = { &big, &big }, .policer = { &p, &p },
	};
	struct acl_rule r;
	struct nl_msg *msg;
	const char *why;
	unsigned int i;

	memset(big.name, 'n', FLEXVTI_NAME_MAX);
	ASSERT_EQ(0, acl_rule_parse_text("permit udp 2001:db8::/64 range 1 2 "
					 "2001:db9::/64 range 3 4", AF_INET6,
					 &r, &why));
	big.rules = calloc(big.nrules, sizeof(r));
	ASSERT_NE(NULL, big.rules);
	for (i = 0; i < big.nrules; i++)
		big.rules[i] = r;
	msg = genl_msg(FLEXVTI_CMD_DEV_SET, kern_acl_set_size(&s));
	ASSERT_NE(NULL, msg);
	EXPECT_EQ(0, kern_acl_set_put(msg, &s));
	nlmsg_free(msg);

	/* ICMP instead of ports: the other longest rule */
	ASSERT_EQ(0, acl_rule_parse_text("permit icmp 2001:db8::/64 "
					 "2001:db9::/64 1 4", AF_INET6, &r,
					 &why));
	for (i = 0; i < big.nrules; i++)
		big.rules[i] = r;
	msg = genl_msg(FLEXVTI_CMD_DEV_SET, kern_acl_set_size(&s));
	ASSERT_NE(NULL, msg);
	EXPECT_EQ(0, kern_acl_set_put(msg, &s));
	nlmsg_free(msg);

	big.nrules++;
	msg = genl_msg(FLEXVTI_CMD_DEV_SET, 0);
	ASSERT_NE(NULL, msg);
	EXPECT_EQ(-E2BIG, kern_acl_set_put(msg, &s));
	nlmsg_free(msg);
	acl_free(&big);
}

/* an acl-get reply: IFINDEX, IFNAME and the inbound list with its hits */
static struct nl_msg *make_acl_get_reply(struct __test_metadata *_metadata)
{
	struct nl_msg *msg = genl_msg(FLEXVTI_CMD_ACL_GET, 0);
	struct nlattr *list, *r;
	struct in6_addr a;

	inet_pton(AF_INET6, "2001:db8::", &a);
	if (!msg)
		return NULL;
	EXPECT_EQ(0, nla_put_u32(msg, FLEXVTI_A_IFINDEX, 9));
	EXPECT_EQ(0, nla_put_string(msg, FLEXVTI_A_IFNAME, "va9"));
	list = nla_nest_start(msg, FLEXVTI_A_ACL_IN);
	EXPECT_EQ(0, nla_put_string(msg, FLEXVTI_ACL_A_NAME, "web"));
	r = nla_nest_start(msg, FLEXVTI_ACL_A_RULE);
	EXPECT_EQ(0, nla_put_u32(msg, FLEXVTI_ACL_RULE_A_ACTION,
				 FLEXVTI_ACL_PERMIT));
	EXPECT_EQ(0, nla_put_u8(msg, FLEXVTI_ACL_RULE_A_PROTO, 6));
	EXPECT_EQ(0, nla_put_u16(msg, FLEXVTI_ACL_RULE_A_DPORT_MIN, 80));
	EXPECT_EQ(0, nla_put_u64(msg, FLEXVTI_ACL_RULE_A_HITS, 12));
	nla_nest_end(msg, r);
	r = nla_nest_start(msg, FLEXVTI_ACL_A_RULE);
	EXPECT_EQ(0, nla_put_u32(msg, FLEXVTI_ACL_RULE_A_ACTION,
				 FLEXVTI_ACL_DENY));
	EXPECT_EQ(0, nla_put_u8(msg, FLEXVTI_ACL_RULE_A_FAMILY, AF_INET6));
	EXPECT_EQ(0, nla_put(msg, FLEXVTI_ACL_RULE_A_DST, 16, &a));
	EXPECT_EQ(0, nla_put_u8(msg, FLEXVTI_ACL_RULE_A_DST_PREFIX_LEN, 32));
	nla_nest_end(msg, r);
	EXPECT_EQ(0, nla_put_u32(msg, FLEXVTI_ACL_A_RULE_COUNT, 2));
	EXPECT_EQ(0, nla_put_u64(msg, FLEXVTI_ACL_A_DENY_HITS, 3));
	nla_nest_end(msg, list);
	return msg;
}

static char *print_lists(const struct kern_acl_lists *l, bool json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	kern_acl_lists_print(f, l, json);
	fclose(f);
	return buf;
}

TEST(acl_get_reply)
{
	struct nl_msg *msg = make_acl_get_reply(_metadata);
	struct kern_acl_lists l;
	char *s;

	ASSERT_NE(NULL, msg);
	ASSERT_EQ(0, kern_acl_lists_parse(msg, &l));
	EXPECT_EQ(9, l.ifindex);
	EXPECT_STREQ("va9", l.ifname);
	EXPECT_TRUE(l.present[ACL_DIR_IN]);
	EXPECT_FALSE(l.present[ACL_DIR_OUT]);
	ASSERT_EQ(2, l.acl[ACL_DIR_IN].nrules);
	/* DPORT_MIN without MAX: one port */
	EXPECT_EQ(80, l.acl[ACL_DIR_IN].rules[0].dport_max);
	EXPECT_EQ(12, l.acl[ACL_DIR_IN].rules[0].hits);
	EXPECT_EQ(3, l.acl[ACL_DIR_IN].deny_hits);

	s = print_lists(&l, false);
	EXPECT_STREQ("Access list web (va9 in)\n"
		     "    10 permit tcp any any eq www (12 matches)\n"
		     "    20 deny ipv6 any 2001:db8::/32 (0 matches)\n"
		     "    implicit deny (3 matches)\n"
		     "No access list (va9 out)\n", s);
	free(s);
	s = print_lists(&l, true);
	EXPECT_STREQ("{\"ifname\":\"va9\",\"ifindex\":9,\"in\":{\"name\":"
		     "\"web\",\"rules\":[{\"seq\":10,\"rule\":\"permit tcp "
		     "any any eq www\",\"matches\":12},{\"seq\":20,\"rule\":"
		     "\"deny ipv6 any 2001:db8::/32\",\"matches\":0}],"
		     "\"implicit_deny_matches\":3},\"out\":null}", s);
	free(s);
	kern_acl_lists_free(&l);
	nlmsg_free(msg);
}

TEST(unnamed_empty_list_prints)
{
	struct kern_acl_lists l = {
		.ifname = "va1", .present = { true, false },
	};
	char *s = print_lists(&l, false);

	EXPECT_STREQ("Access list (va1 in)\n"
		     "    implicit deny (0 matches)\n"
		     "No access list (va1 out)\n", s);
	free(s);
}

/* a list nest holding one rule with the attribute @type of @len bytes */
static int parse_one(int type, int len, const void *data, int family)
{
	struct nl_msg *msg = genl_msg(FLEXVTI_CMD_ACL_GET, 0);
	struct nlattr *list, *r;
	struct acl acl;
	int err;

	list = nla_nest_start(msg, FLEXVTI_A_ACL_IN);
	r = nla_nest_start(msg, FLEXVTI_ACL_A_RULE);
	if (type != FLEXVTI_ACL_RULE_A_ACTION)
		nla_put_u32(msg, FLEXVTI_ACL_RULE_A_ACTION, FLEXVTI_ACL_PERMIT);
	if (family)
		nla_put_u8(msg, FLEXVTI_ACL_RULE_A_FAMILY, (uint8_t)family);
	if (type)
		nla_put(msg, type, len, data);
	nla_nest_end(msg, r);
	nla_nest_end(msg, list);
	err = kern_acl_parse(list, &acl, NULL);
	acl_free(&acl);
	nlmsg_free(msg);
	return err;
}

TEST(malformed_rules_refused)
{
	uint8_t addr[16] = { 10 }, len40 = 40, len129 = 129;
	uint32_t deny = FLEXVTI_ACL_DENY;

	EXPECT_EQ(0, parse_one(FLEXVTI_ACL_RULE_A_ACTION, 4, &deny, 0));
	EXPECT_EQ(0, parse_one(FLEXVTI_ACL_RULE_A_SRC, 4, addr, AF_INET));
	/* no action */
	EXPECT_EQ(-EINVAL, parse_one(FLEXVTI_ACL_RULE_A_ACTION, 0, NULL, 0));
	/* an address of the wrong length, or without a family */
	EXPECT_EQ(-EINVAL, parse_one(FLEXVTI_ACL_RULE_A_SRC, 16, addr,
				     AF_INET));
	EXPECT_EQ(-EINVAL, parse_one(FLEXVTI_ACL_RULE_A_DST, 4, addr,
				     AF_INET6));
	EXPECT_EQ(-EINVAL, parse_one(FLEXVTI_ACL_RULE_A_DST, 4, addr, 0));
	EXPECT_EQ(-EINVAL, parse_one(FLEXVTI_ACL_RULE_A_SRC, 5, addr,
				     AF_INET));
	/* an unknown family */
	EXPECT_EQ(-EINVAL, parse_one(0, 0, NULL, 3));
	/* a length without its address says nothing */
	EXPECT_EQ(0, parse_one(FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN, 1, &len40,
			       AF_INET));
	EXPECT_EQ(0, parse_one(FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN, 1, &len129,
			       AF_INET6));
}

TEST(prefix_length_checked)
{
	struct nl_msg *msg = genl_msg(FLEXVTI_CMD_ACL_GET, 0);
	struct nlattr *list, *r;
	uint8_t addr[4] = { 10 };
	struct acl acl;

	ASSERT_NE(NULL, msg);
	list = nla_nest_start(msg, FLEXVTI_A_ACL_IN);
	r = nla_nest_start(msg, FLEXVTI_ACL_A_RULE);
	nla_put_u32(msg, FLEXVTI_ACL_RULE_A_ACTION, FLEXVTI_ACL_PERMIT);
	nla_put_u8(msg, FLEXVTI_ACL_RULE_A_FAMILY, AF_INET);
	nla_put(msg, FLEXVTI_ACL_RULE_A_SRC, 4, addr);
	nla_put_u8(msg, FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN, 33);
	nla_nest_end(msg, r);
	nla_nest_end(msg, list);
	EXPECT_EQ(-EINVAL, kern_acl_parse(list, &acl, NULL));
	EXPECT_EQ(0, acl.nrules);
	EXPECT_EQ(NULL, acl.rules);
	nlmsg_free(msg);
}

/* a dev-get reply with an inbound list and an outbound policer */
static struct nl_msg *dev_get_reply(void)
{
	struct nl_msg *msg = genl_msg(FLEXVTI_CMD_DEV_GET, 0);
	struct nlattr *n;

	if (!msg)
		return NULL;
	nla_put_u32(msg, FLEXVTI_A_IFINDEX, 4);
	nla_put_string(msg, FLEXVTI_A_IFNAME, "va4");
	nla_put_u32(msg, FLEXVTI_A_MODE, FLEXVTI_MODE_IPSEC);
	n = nla_nest_start(msg, FLEXVTI_A_ACL_IN);
	nla_put_string(msg, FLEXVTI_ACL_A_NAME, "web,web6");
	nla_put_u32(msg, FLEXVTI_ACL_A_RULE_COUNT, 5);
	nla_put_u64(msg, FLEXVTI_ACL_A_DENY_HITS, 17);
	nla_nest_end(msg, n);
	n = nla_nest_start(msg, FLEXVTI_A_POLICER_OUT);
	nla_put_string(msg, FLEXVTI_POLICER_A_NAME, "2M");
	nla_put_u64(msg, FLEXVTI_POLICER_A_RATE, 2000000);
	nla_put_u32(msg, FLEXVTI_POLICER_A_BURST, 62500);
	nla_put_u64(msg, FLEXVTI_POLICER_A_CONFORM_PACKETS, 10);
	nla_put_u64(msg, FLEXVTI_POLICER_A_CONFORM_BYTES, 1000);
	nla_put_u64(msg, FLEXVTI_POLICER_A_EXCEED_PACKETS, 2);
	nla_put_u64(msg, FLEXVTI_POLICER_A_EXCEED_BYTES, 3000);
	nla_nest_end(msg, n);
	return msg;
}

static char *print_dev(const struct kern_dev *d, bool json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	kern_dev_print(f, d, json);
	fclose(f);
	return buf;
}

TEST(dev_get_reply_and_print)
{
	struct nl_msg *msg = dev_get_reply();
	struct kern_dev d;
	char *s;

	ASSERT_NE(NULL, msg);
	ASSERT_EQ(0, kern_nl_dev_parse(msg, &d));
	EXPECT_EQ(KERN_DEV_HAS_MODE | KERN_DEV_HAS_ACL_IN |
		  KERN_DEV_HAS_POLICER_OUT, d.has);
	EXPECT_STREQ("web,web6", d.acl[ACL_DIR_IN].name);
	EXPECT_EQ(5, d.acl[ACL_DIR_IN].nrules);
	EXPECT_EQ(17, d.acl[ACL_DIR_IN].deny_hits);
	EXPECT_EQ(2000000, d.policer[ACL_DIR_OUT].rate);
	EXPECT_EQ(3000, d.policer[ACL_DIR_OUT].exceed_bytes);

	s = print_dev(&d, false);
	EXPECT_STREQ("va4: mode ipsec template 0 nhrp-network-id 0\n"
		     "    acl in web,web6 rules 5 implicit-deny 17\n"
		     "    police out 2M rate 2000000 burst 62500 conform 10 "
		     "packets 1000 bytes exceed 2 packets 3000 bytes\n", s);
	free(s);
	s = print_dev(&d, true);
	EXPECT_STREQ("{\"ifindex\":4,\"ifname\":\"va4\",\"mode\":\"ipsec\","
		     "\"template\":0,\"nhrp_network_id\":0,\"acl\":{\"in\":"
		     "{\"name\":\"web,web6\",\"rules\":5,"
		     "\"implicit_deny_matches\":17}},\"police\":{\"out\":"
		     "{\"name\":\"2M\",\"rate\":2000000,\"burst\":62500,"
		     "\"conform_packets\":10,\"conform_bytes\":1000,"
		     "\"exceed_packets\":2,\"exceed_bytes\":3000}}}", s);
	free(s);
	nlmsg_free(msg);
}

TEST(dev_print_both_directions)
{
	struct kern_dev d = {
		.name = "va2", .mode = FLEXVTI_MODE_GRE,
		.has = KERN_DEV_HAS_ACL_IN | KERN_DEV_HAS_ACL_OUT |
		       KERN_DEV_HAS_POLICER_IN | KERN_DEV_HAS_POLICER_OUT,
		.acl = { { .name = "a", .nrules = 1 }, { .nrules = 2 } },
		.policer = { { .rate = 8000 }, { .rate = 9000 } },
	};
	char *s = print_dev(&d, false);

	EXPECT_STREQ("va2: mode gre template 0 nhrp-network-id 0\n"
		     "    acl in a rules 1 implicit-deny 0\n"
		     "    acl out - rules 2 implicit-deny 0\n"
		     "    police in - rate 8000 burst 0 conform 0 packets 0 "
		     "bytes exceed 0 packets 0 bytes\n"
		     "    police out - rate 9000 burst 0 conform 0 packets 0 "
		     "bytes exceed 0 packets 0 bytes\n", s);
	free(s);
	s = print_dev(&d, true);
	EXPECT_NE(NULL, strstr(s, "\"acl\":{\"in\":{\"name\":\"a\",\"rules\":1,"
			       "\"implicit_deny_matches\":0},\"out\":{\"name\":"
			       "\"\",\"rules\":2,"));
	EXPECT_NE(NULL, strstr(s, "\"police\":{\"in\":{\"name\":\"\","
			       "\"rate\":8000,"));
	EXPECT_NE(NULL, strstr(s, "},\"out\":{\"name\":\"\",\"rate\":9000,"));
	free(s);
}

TEST(dir_names)
{
	EXPECT_STREQ("in", kern_acl_dir_name(ACL_DIR_IN));
	EXPECT_STREQ("out", kern_acl_dir_name(ACL_DIR_OUT));
	EXPECT_STREQ("unknown", kern_acl_dir_name(ACL_NDIRS));
}

TEST_HARNESS_MAIN
