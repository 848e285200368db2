// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of user/lib/cfg_acl.c and cfg_policy.c: access-list and
 * policy-map blocks read, kept by sequence number and printed back; the
 * interface commands resolved; one kernel list per direction made from
 * an interface's IPv4 and IPv6 lists, and its policers.  The refused
 * lines are files of tests/data/cfg/bad, which test_cfg checks.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"
#include "../lib/cfg.h"

static char *err_text(const struct cfg_err *err)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cfg_err_print(err, f);
	fclose(f);
	return buf;
}

static char *dump_text(const struct cfg *cfg, unsigned int flags)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cfg_dump(cfg, f, flags);
	fclose(f);
	return buf;
}

static struct cfg *load(const char *text, char **msg)
{
	struct cfg_err err;
	struct cfg *cfg = cfg_load_buf("t.conf", text, strlen(text), &err);

	*msg = err_text(&err);
	return cfg;
}

/* load @text, which must have no error; warnings are logged */
static struct cfg *load_ok(struct __test_metadata *_metadata,
			   const char *text)
{
	char *msg;
	struct cfg *cfg = load(text, &msg);

	if (!cfg)
		TH_LOG("%s", msg);
	EXPECT_NE(NULL, cfg);
	free(msg);
	return cfg;
}

/* load → dump → load: both models dump the same */
static void round_trip(struct __test_metadata *_metadata,
		       const struct cfg *cfg)
{
	char *d1 = dump_text(cfg, CFG_DUMP_SECRETS), *all1, *all2;
	struct cfg *again = load_ok(_metadata, d1);

	ASSERT_NE(NULL, again);
	all1 = dump_text(cfg, CFG_DUMP_SECRETS | CFG_DUMP_ALL);
	all2 = dump_text(again, CFG_DUMP_SECRETS | CFG_DUMP_ALL);
	EXPECT_STREQ(all1, all2);
	free(all1);
	free(all2);
	free(d1);
	cfg_free(again);
}

static const char filters_text[] =
	"ip access-list extended web\n"
	" remark the web servers\n"
	" permit tcp any host 10.0.0.80 eq www\n"
	" 5 permit icmp any any echo\n"
	" deny ip 10.1.2.3 0.0.0.255 any log\n"
	" remark at the end\n"
	"ipv6 access-list web6\n"
	" permit tcp any host 2001:db8::80 eq www\n"
	" sequence 5 permit icmp any any echo-request\n"
	" deny ipv6 any any sequence 100\n"
	" permit udp any any eq domain\n"
	"ipv6 access-list web\n"
	" permit ipv6 any any\n"
	"policy-map 2M\n"
	" class class-default\n"
	"  police cir 2000000 bc 62500 conform-action transmit "
	"exceed-action drop\n"
	"policy-map 1M\n"
	" class class-default\n"
	"  police 1000000\n"
	"   conform-action transmit\n"
	"   exceed-action drop\n"
	"interface Virtual-Template1 type tunnel\n"
	" tunnel mode ipsec ipv4\n"
	" ip access-group web in\n"
	" ipv6 traffic-filter web6 in\n"
	" ip access-group web out\n"
	" service-policy input 2M\n"
	" service-policy output 1M\n"
	"interface Tunnel3\n"
	" ipv6 traffic-filter web out\n"
	" service-policy output 2M\n";

static const char filters_dump[] =
	"ip access-list extended web\n"
	" 5 permit icmp any any echo\n"
	" remark the web servers\n"
	" 10 permit tcp any host 10.0.0.80 eq www\n"
	" 20 deny ip 10.1.2.0 0.0.0.255 any\n"
	" remark at the end\n"
	"!\n"
	"ipv6 access-list web6\n"
	" sequence 5 permit icmp any any echo-request\n"
	" sequence 10 permit tcp any host 2001:db8::80 eq www\n"
	" sequence 100 deny ipv6 any any\n"
	" sequence 110 permit udp any any eq domain\n"
	"!\n"
	"ipv6 access-list web\n"
	" sequence 10 permit ipv6 any any\n"
	"!\n"
	"policy-map 2M\n"
	" class class-default\n"
	"  police cir 2000000 bc 62500\n"
	"!\n"
	"policy-map 1M\n"
	" class class-default\n"
	"  police cir 1000000\n"
	"!\n"
	"interface Virtual-Template1 type tunnel\n"
	" tunnel mode ipsec ipv4\n"
	" ip access-group web in\n"
	" ipv6 traffic-filter web6 in\n"
	" ip access-group web out\n"
	" service-policy input 2M\n"
	" service-policy output 1M\n"
	"!\n"
	"interface Tunnel3\n"
	" ipv6 traffic-filter web out\n"
	" service-policy output 2M\n"
	"!\n";

TEST(blocks_sorted_and_printed_back)
{
	struct cfg *cfg = load_ok(_metadata, filters_text);
	const struct cfg_acl *a;
	char *s;

	ASSERT_NE(NULL, cfg);
	a = cfg_acl_find(cfg, "web", AF_INET);
	ASSERT_NE(NULL, a);
	EXPECT_EQ(AF_INET, a->family);
	ASSERT_EQ(3, a->nentries);
	EXPECT_EQ(5, a->entries[0].seq);
	EXPECT_EQ(4, a->entries[0].line);
	EXPECT_EQ(10, a->entries[1].seq);
	ASSERT_EQ(1, a->entries[1].nremarks);
	EXPECT_STREQ("the web servers", a->entries[1].remarks[0]);
	EXPECT_EQ(20, a->entries[2].seq);
	EXPECT_EQ(24, a->entries[2].rule.src.len);
	ASSERT_EQ(1, a->nremarks);
	EXPECT_STREQ("at the end", a->remarks[0]);
	/* the IPv6 list of the same name is another list */
	EXPECT_NE(a, cfg_acl_find(cfg, "web", AF_INET6));
	a = cfg_acl_find(cfg, "web6", AF_INET6);
	ASSERT_NE(NULL, a);
	ASSERT_EQ(4, a->nentries);
	EXPECT_EQ(100, a->entries[2].seq);
	EXPECT_EQ(110, a->entries[3].seq);
	EXPECT_EQ(NULL, cfg_acl_find(cfg, "web6", AF_INET));
	EXPECT_EQ(NULL, cfg_policy_map_find(cfg, "3M"));

	s = dump_text(cfg, 0);
	EXPECT_STREQ(filters_dump, s);
	free(s);
	round_trip(_metadata, cfg);
	cfg_free(cfg);
}

static void expect_rule(struct __test_metadata *_metadata,
			const struct acl_rule *r, int family,
			const char *text)
{
	char buf[ACL_RULE_TEXT_MAX];

	EXPECT_EQ(family, r->family);
	ASSERT_LT(0, acl_rule_format(r, buf, sizeof(buf)));
	EXPECT_STREQ(text, buf);
}

TEST(kernel_lists_of_an_interface)
{
	struct cfg *cfg = load_ok(_metadata, filters_text);
	const struct cfg_template *t;
	const struct cfg_tunnel *tun;
	struct acl acl;

	ASSERT_NE(NULL, cfg);
	t = cfg_template_find(cfg, 1);
	ASSERT_NE(NULL, t);

	/* both families in: IPv4 rules, IPv6 rules, IOS's ND permits */
	ASSERT_EQ(0, cfg_iface_acl(&t->iface, ACL_DIR_IN, &acl));
	EXPECT_STREQ("web,web6", acl.name);
	ASSERT_EQ(9, acl.nrules);
	expect_rule(_metadata, &acl.rules[0], AF_INET,
		    "permit icmp any any echo");
	expect_rule(_metadata, &acl.rules[2], AF_INET,
		    "deny ip 10.1.2.0 0.0.0.255 any");
	expect_rule(_metadata, &acl.rules[3], AF_INET6,
		    "permit icmp any any echo-request");
	expect_rule(_metadata, &acl.rules[6], AF_INET6,
		    "permit udp any any eq domain");
	expect_rule(_metadata, &acl.rules[7], AF_INET6,
		    "permit icmp any any nd-na");
	expect_rule(_metadata, &acl.rules[8], AF_INET6,
		    "permit icmp any any nd-ns");
	acl_free(&acl);

	/* IPv4 only out: IPv6 passes, as "ip access-group" does in IOS */
	ASSERT_EQ(0, cfg_iface_acl(&t->iface, ACL_DIR_OUT, &acl));
	EXPECT_STREQ("web", acl.name);
	ASSERT_EQ(4, acl.nrules);
	expect_rule(_metadata, &acl.rules[3], AF_INET6, "permit ipv6 any any");
	acl_free(&acl);

	/* IPv6 only: IPv4 passes */
	tun = cfg_tunnel_find(cfg, 3);
	ASSERT_NE(NULL, tun);
	ASSERT_EQ(0, cfg_iface_acl(&tun->iface, ACL_DIR_OUT, &acl));
	EXPECT_STREQ("web", acl.name);
	ASSERT_EQ(4, acl.nrules);
	expect_rule(_metadata, &acl.rules[0], AF_INET6, "permit ipv6 any any");
	expect_rule(_metadata, &acl.rules[3], AF_INET, "permit ip any any");
	acl_free(&acl);

	/* nothing attached: no list */
	ASSERT_EQ(0, cfg_iface_acl(&tun->iface, ACL_DIR_IN, &acl));
	EXPECT_EQ(0, acl.nrules);
	EXPECT_EQ(NULL, acl.rules);
	EXPECT_STREQ("", acl.name);
	cfg_free(cfg);
}

TEST(policers_of_an_interface)
{
	struct cfg *cfg = load_ok(_metadata, filters_text);
	const struct cfg_template *t;
	struct acl_policer p;

	ASSERT_NE(NULL, cfg);
	t = cfg_template_find(cfg, 1);
	ASSERT_NE(NULL, t);
	cfg_iface_policer(&t->iface, ACL_DIR_IN, &p);
	EXPECT_STREQ("2M", p.name);
	EXPECT_EQ(2000000, p.rate);
	EXPECT_EQ(62500, p.burst);
	cfg_iface_policer(&t->iface, ACL_DIR_OUT, &p);
	EXPECT_STREQ("1M", p.name);
	EXPECT_EQ(1000000, p.rate);
	EXPECT_EQ(0, p.burst);
	cfg_iface_policer(&cfg_tunnel_find(cfg, 3)->iface, ACL_DIR_IN, &p);
	EXPECT_EQ(0, p.rate);
	EXPECT_STREQ("", p.name);
	cfg_policy_map_policer(NULL, &p);
	EXPECT_EQ(0, p.rate);
	cfg_free(cfg);
}

TEST(empty_list_filters_nothing)
{
	static const char text[] =
		"ip access-list extended none4\n"
		" remark nothing yet\n"
		"interface Virtual-Template1 type tunnel\n"
		" ip access-group none4 in\n";
	const struct cfg_template *t;
	struct cfg_err err;
	struct cfg *cfg;
	struct acl acl;
	char *msg;

	cfg = cfg_load_buf("t.conf", text, strlen(text), &err);
	ASSERT_NE(NULL, cfg);
	msg = err_text(&err);
	EXPECT_STREQ("t.conf:1: warning: ip access-list 'none4' has no "
		     "entries: attached, it permits everything, as in IOS\n",
		     msg);
	free(msg);
	t = cfg_template_find(cfg, 1);
	ASSERT_EQ(0, cfg_iface_acl(&t->iface, ACL_DIR_IN, &acl));
	EXPECT_EQ(0, acl.nrules);
	round_trip(_metadata, cfg);
	cfg_free(cfg);
}

TEST(policy_map_without_police_warns)
{
	static const char text[] =
		"policy-map idle\n"
		" class class-default\n"
		"policy-map bare\n";
	struct cfg_err err;
	struct cfg *cfg;
	char *msg, *s;

	cfg = cfg_load_buf("t.conf", text, strlen(text), &err);
	ASSERT_NE(NULL, cfg);
	msg = err_text(&err);
	EXPECT_STREQ("t.conf:1: warning: policy-map 'idle' has no 'police' "
		     "in class-default and does nothing\n"
		     "t.conf:3: warning: policy-map 'bare' has no 'police' "
		     "in class-default and does nothing\n", msg);
	free(msg);
	s = dump_text(cfg, 0);
	EXPECT_STREQ("policy-map idle\n class class-default\n!\n"
		     "policy-map bare\n!\n", s);
	free(s);
	round_trip(_metadata, cfg);
	cfg_free(cfg);
}

TEST(reopened_blocks_continue)
{
	static const char text[] =
		"ip access-list extended a\n"
		" permit tcp any any\n"
		"ip access-list extended a\n"
		" permit udp any any\n"
		" 15 deny ip any any\n"
		"policy-map p\n"
		" class class-default\n"
		"  police 8000\n"
		"policy-map p\n"
		" class class-default\n"
		"  police cir 16000 3000\n";
	struct cfg *cfg = load_ok(_metadata, text);
	const struct cfg_policy_map *pm;
	const struct cfg_acl *a;

	ASSERT_NE(NULL, cfg);
	a = cfg_acl_find(cfg, "a", AF_INET);
	ASSERT_NE(NULL, a);
	ASSERT_EQ(3, a->nentries);
	EXPECT_EQ(10, a->entries[0].seq);
	EXPECT_EQ(15, a->entries[1].seq);
	EXPECT_EQ(FLEXVTI_ACL_DENY, a->entries[1].rule.action);
	EXPECT_EQ(20, a->entries[2].seq);
	pm = cfg_policy_map_find(cfg, "p");
	ASSERT_NE(NULL, pm);
	EXPECT_EQ(16000, pm->rate);
	EXPECT_EQ(3000, pm->burst);
	EXPECT_EQ(11, pm->police_line);
	cfg_free(cfg);
}

/* a class block's lines go back to its policy map, as in IOS */
TEST(class_block_and_its_policy_map)
{
	static const char text[] =
		"policy-map p\n"
		" class class-default\n"
		"  police 8000\n"
		"  exit\n"
		" class class-default\n"
		" class class-default\n"
		"  police 9000 2000\n"
		"  exceed-action drop\n"
		"  end\n"
		"policy-map q\n"
		" class class-default\n"
		"  police 10000\n"
		"exit\n";
	struct cfg *cfg = load_ok(_metadata, text);
	const struct cfg_policy_map *pm;

	ASSERT_NE(NULL, cfg);
	pm = cfg_policy_map_find(cfg, "p");
	ASSERT_NE(NULL, pm);
	EXPECT_EQ(9000, pm->rate);
	EXPECT_EQ(2000, pm->burst);
	pm = cfg_policy_map_find(cfg, "q");
	ASSERT_NE(NULL, pm);
	EXPECT_EQ(10000, pm->rate);
	round_trip(_metadata, cfg);
	cfg_free(cfg);
}

/* @n entries "permit tcp any any eq N" of one list */
static char *many_entries(const char *header, int n)
{
	size_t len = strlen(header) + (size_t)n * 40 + 1;
	char *text = malloc(len), *s = text;
	int i;

	if (!text)
		return NULL;
	s += sprintf(s, "%s", header);
	for (i = 0; i < n; i++)
		s += sprintf(s, " permit tcp any any eq %d\n", i + 1);
	return text;
}

TEST(limits)
{
	char *text = many_entries("ip access-list extended big\n",
				  FLEXVTI_ACL_MAX_RULES), *msg;
	struct cfg *cfg;

	ASSERT_NE(NULL, text);
	cfg = load_ok(_metadata, text);
	ASSERT_NE(NULL, cfg);
	EXPECT_EQ(FLEXVTI_ACL_MAX_RULES,
		  cfg_acl_find(cfg, "big", AF_INET)->nentries);
	EXPECT_EQ(FLEXVTI_ACL_MAX_RULES + 1,
		  cfg_acl_build_count(cfg_acl_find(cfg, "big", AF_INET),
				      NULL));
	cfg_free(cfg);
	free(text);

	/* 253 IPv6 entries: with nd-na, nd-ns and "permit ip" just fit */
	text = many_entries("ipv6 access-list big6\n",
			    FLEXVTI_ACL_MAX_RULES - 3);
	ASSERT_NE(NULL, text);
	text = realloc(text, strlen(text) + 80);
	strcat(text, "interface Tunnel1\n ipv6 traffic-filter big6 in\n");
	cfg = load(text, &msg);
	EXPECT_NE(NULL, cfg);
	free(msg);
	cfg_free(cfg);
	free(text);

	/* a sequence number at the top: no default after it */
	cfg = load("ip access-list extended x\n"
		   " 2147483640 permit ip any any\n"
		   " permit ip any any\n", &msg);
	EXPECT_EQ(NULL, cfg);
	EXPECT_STREQ("t.conf:3: no sequence number after 2147483640: number "
		     "the entry\n", msg);
	free(msg);
	cfg = load_ok(_metadata, "ip access-list extended x\n"
				 " 2147483637 permit ip any any\n"
				 " permit ip any any\n");
	ASSERT_NE(NULL, cfg);
	EXPECT_EQ(2147483647,
		  cfg_acl_find(cfg, "x", AF_INET)->entries[1].seq);
	cfg_free(cfg);
}

TEST(lists_of_both_families_joined_name)
{
	struct cfg_acl v4 = {
		.name = "a-very-long-name-of-an-ipv4-access-list-"
			"of-sixty-three-bytes-xy",
		.nentries = 1,
	};
	struct cfg_acl v6 = { .name = "another", .nentries = 1 };
	struct cfg_acl_entry e4, e6;
	struct acl acl;

	acl_rule_init(&e4.rule, FLEXVTI_ACL_DENY, AF_INET);
	acl_rule_init(&e6.rule, FLEXVTI_ACL_DENY, AF_INET6);
	e4.rule.hits = 5;
	v4.entries = &e4;
	v6.entries = &e6;
	ASSERT_EQ(FLEXVTI_NAME_MAX, strlen(v4.name));
	ASSERT_EQ(0, cfg_acl_build(&v4, &v6, &acl));
	/* cut at FLEXVTI_NAME_MAX bytes */
	EXPECT_EQ(FLEXVTI_NAME_MAX, strlen(acl.name));
	EXPECT_EQ(0, strncmp(acl.name, v4.name, FLEXVTI_NAME_MAX));
	ASSERT_EQ(4, acl.nrules);
	EXPECT_EQ(0, acl.rules[0].hits);
	acl_free(&acl);
	ASSERT_EQ(0, cfg_acl_build(NULL, NULL, &acl));
	EXPECT_EQ(0, acl.nrules);
}

TEST(interface_commands_replace)
{
	static const char text[] =
		"ip access-list extended a\n permit ip any any\n"
		"ip access-list extended b\n permit ip any any\n"
		"interface Virtual-Template2 type tunnel\n"
		" ip access-group a in\n"
		" ip access-group b IN\n";
	struct cfg *cfg = load_ok(_metadata, text);
	const struct cfg_template *t;

	ASSERT_NE(NULL, cfg);
	t = cfg_template_find(cfg, 2);
	ASSERT_NE(NULL, t);
	EXPECT_STREQ("b", t->filters.acl4[ACL_DIR_IN].name);
	EXPECT_EQ(7, t->filters.acl4[ACL_DIR_IN].line);
	EXPECT_EQ(cfg_acl_find(cfg, "b", AF_INET),
		  t->filters.acl4_list[ACL_DIR_IN]);
	EXPECT_EQ(NULL, t->filters.acl4_list[ACL_DIR_OUT]);
	cfg_free(cfg);
}


static const char routes_text[] =
	"ip access-list standard lan\n"
	" remark the branch LANs\n"
	" permit 192.168.1.0 0.0.0.255\n"
	" 5 permit host 10.9.9.9 log\n"
	" deny 192.168.2.0 0.0.0.255\n"
	" permit 192.168.1.7\n"
	" permit 192.168.1.0 0.0.0.255\n"
	" permit 10.0.0.0 0.255.255.255\n"
	"ipv6 access-list lan6\n"
	" permit ipv6 2001:db8:1::/48 any\n"
	" deny ipv6 2001:db8:2::/48 any\n"
	"crypto ikev2 authorization policy spoke\n"
	" route set remote ipv4 10.0.0.0 255.0.0.0\n"
	" route set access-list lan\n"
	" route set access-list ipv6 lan6\n"
	" route set interface\n"
	"interface Virtual-Template1 type tunnel\n"
	" ip access-group lan in\n";

static const char routes_dump[] =
	"ip access-list standard lan\n"
	" 5 permit host 10.9.9.9\n"
	" remark the branch LANs\n"
	" 10 permit 192.168.1.0 0.0.0.255\n"
	" 20 deny 192.168.2.0 0.0.0.255\n"
	" 30 permit host 192.168.1.7\n"
	" 40 permit 192.168.1.0 0.0.0.255\n"
	" 50 permit 10.0.0.0 0.255.255.255\n"
	"!\n"
	"ipv6 access-list lan6\n"
	" sequence 10 permit ipv6 2001:db8:1::/48 any\n"
	" sequence 20 deny ipv6 2001:db8:2::/48 any\n"
	"!\n";

static void expect_prefix(struct __test_metadata *_metadata,
			  const struct cfg_addr *a, const char *text)
{
	char buf[INET6_ADDRSTRLEN + 8], addr[INET6_ADDRSTRLEN];

	inet_ntop(a->family, &a->v6, addr, sizeof(addr));
	snprintf(buf, sizeof(buf), "%s/%d", addr, a->prefix);
	EXPECT_STREQ(text, buf);
}

TEST(standard_list_and_route_set)
{
	struct cfg *cfg = load_ok(_metadata, routes_text);
	const struct cfg_authz_policy *az;
	struct cfg_addr r[CFG_ROUTE_SET_MAX];
	const struct cfg_template *t;
	const struct cfg_acl *a;
	struct acl acl;
	char *s;

	ASSERT_NE(NULL, cfg);
	a = cfg_acl_find(cfg, "lan", AF_INET);
	ASSERT_NE(NULL, a);
	EXPECT_TRUE(a->standard);
	ASSERT_EQ(6, a->nentries);
	EXPECT_EQ(32, a->entries[0].rule.src.len);
	EXPECT_EQ(0, a->entries[0].rule.dst.len);
	EXPECT_EQ(-1, a->entries[0].rule.proto);
	EXPECT_EQ(32, a->entries[3].rule.src.len);
	EXPECT_FALSE(cfg_acl_find(cfg, "lan6", AF_INET6)->standard);
	s = dump_text(cfg, 0);
	EXPECT_NE(NULL, strstr(s, routes_dump));
	EXPECT_NE(NULL, strstr(s, " route set interface\n"
			       " route set remote ipv4 10.0.0.0 "
			       "255.0.0.0\n"
			       " route set access-list lan\n"
			       " route set access-list ipv6 lan6\n"));
	free(s);
	round_trip(_metadata, cfg);

	/* "route set remote", then the permits in order, no repeats */
	az = cfg_authz_policy_find(cfg, "spoke");
	ASSERT_NE(NULL, az);
	EXPECT_EQ(a, az->route_acl);
	ASSERT_EQ(5, cfg_authz_route_set(az, r, CFG_ROUTE_SET_MAX));
	expect_prefix(_metadata, &r[0], "10.0.0.0/8");
	expect_prefix(_metadata, &r[1], "10.9.9.9/32");
	expect_prefix(_metadata, &r[2], "192.168.1.0/24");
	expect_prefix(_metadata, &r[3], "192.168.1.7/32");
	expect_prefix(_metadata, &r[4], "2001:db8:1::/48");
	/* room for two: the first two */
	ASSERT_EQ(2, cfg_authz_route_set(az, r, 2));
	expect_prefix(_metadata, &r[1], "10.9.9.9/32");
	/* the built-in default policy pushes nothing but its interface */
	EXPECT_EQ(0, cfg_authz_route_set(cfg_authz_policy_find(cfg,
				"default"), r, CFG_ROUTE_SET_MAX));

	/* a standard list filters on the source address */
	t = cfg_template_find(cfg, 1);
	ASSERT_NE(NULL, t);
	ASSERT_EQ(0, cfg_iface_acl(&t->iface, ACL_DIR_IN, &acl));
	ASSERT_EQ(7, acl.nrules);
	expect_rule(_metadata, &acl.rules[0], AF_INET,
		    "permit ip host 10.9.9.9 any");
	expect_rule(_metadata, &acl.rules[2], AF_INET,
		    "deny ip 192.168.2.0 0.0.0.255 any");
	acl_free(&acl);
	cfg_free(cfg);
}

TEST(route_set_deny_entries_warn)
{
	static const char text[] =
		"ip access-list standard lan\n"
		" deny host 192.168.1.1\n"
		" permit 192.168.1.0 0.0.0.255\n"
		"crypto ikev2 authorization policy az\n"
		" route set access-list lan\n";
	struct cfg_err err;
	struct cfg *cfg;
	char *msg;

	cfg = cfg_load_buf("t.conf", text, strlen(text), &err);
	ASSERT_NE(NULL, cfg);
	msg = err_text(&err);
	EXPECT_STREQ("t.conf:5: warning: route set access-list lan: deny "
		     "entries push nothing (line 2)\n", msg);
	free(msg);
	cfg_free(cfg);
}

TEST_HARNESS_MAIN
