// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of user/lib/acl.c: rules of IOS extended access lists (IPv4,
 * IPv6 and flexvtictl's mixed lists) read into struct acl_rule, printed
 * back in the same syntax and read again to the same rule, each refusal
 * with its reason, and the rates of flexvtictl police.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"

#include "../lib/acl.h"

static struct acl_prefix pfx(int family, const char *addr, int len)
{
	struct acl_prefix p = { .len = (uint8_t)len };

	inet_pton(family, addr, &p.addr);
	return p;
}

static bool same_prefix(const struct acl_prefix *a,
			const struct acl_prefix *b)
{
	return a->len == b->len && !memcmp(&a->addr, &b->addr,
					   sizeof(a->addr));
}

TEST(ipv4_fields)
{
	struct acl_prefix p;
	struct acl_rule r;
	const char *why = NULL;

	ASSERT_EQ(0, acl_rule_parse_text("deny udp host 10.0.0.1 range 1000 "
					 "2000 10.1.2.3 0.0.255.255 gt 1023 "
					 "log", AF_INET, &r, &why));
	EXPECT_EQ(FLEXVTI_ACL_DENY, r.action);
	EXPECT_EQ(AF_INET, r.family);
	EXPECT_EQ(IPPROTO_UDP, r.proto);
	p = pfx(AF_INET, "10.0.0.1", 32);
	EXPECT_TRUE(same_prefix(&p, &r.src));
	/* host bits cleared, as IOS does */
	p = pfx(AF_INET, "10.1.0.0", 16);
	EXPECT_TRUE(same_prefix(&p, &r.dst));
	EXPECT_EQ(1000, r.sport_min);
	EXPECT_EQ(2000, r.sport_max);
	EXPECT_EQ(1024, r.dport_min);
	EXPECT_EQ(65535, r.dport_max);
	EXPECT_EQ(-1, r.icmp_type);
	EXPECT_EQ(-1, r.icmp_code);
	EXPECT_EQ(0, r.hits);

	ASSERT_EQ(0, acl_rule_parse_text("permit tcp any any eq www", AF_INET,
					 &r, &why));
	EXPECT_EQ(FLEXVTI_ACL_PERMIT, r.action);
	EXPECT_EQ(IPPROTO_TCP, r.proto);
	EXPECT_EQ(0, r.src.len);
	EXPECT_EQ(0, r.dst.len);
	EXPECT_EQ(0, r.sport_min);
	EXPECT_EQ(65535, r.sport_max);
	EXPECT_EQ(80, r.dport_min);
	EXPECT_EQ(80, r.dport_max);

	ASSERT_EQ(0, acl_rule_parse_text("permit ip any "
					 "0.0.0.0 255.255.255.255",
					 AF_INET, &r, &why));
	EXPECT_EQ(-1, r.proto);
	EXPECT_EQ(0, r.dst.len);
	ASSERT_EQ(0, acl_rule_parse_text("PERMIT TCP ANY ANY LT 1024",
					 AF_INET, &r, &why));
	EXPECT_EQ(0, r.dport_min);
	EXPECT_EQ(1023, r.dport_max);
}

TEST(icmp_fields)
{
	struct acl_rule r;
	const char *why;

	ASSERT_EQ(0, acl_rule_parse_text("permit icmp any any echo", AF_INET,
					 &r, &why));
	EXPECT_EQ(IPPROTO_ICMP, r.proto);
	EXPECT_EQ(8, r.icmp_type);
	EXPECT_EQ(-1, r.icmp_code);
	ASSERT_EQ(0, acl_rule_parse_text("permit icmp any any 3 4 log",
					 AF_INET, &r, &why));
	EXPECT_EQ(3, r.icmp_type);
	EXPECT_EQ(4, r.icmp_code);
	ASSERT_EQ(0, acl_rule_parse_text("permit 1 any any ttl-exceeded",
					 AF_INET, &r, &why));
	EXPECT_EQ(11, r.icmp_type);
	EXPECT_EQ(0, r.icmp_code);
	/* in an IPv6 list icmp is ICMPv6 */
	ASSERT_EQ(0, acl_rule_parse_text("permit icmp any any echo-request",
					 AF_INET6, &r, &why));
	EXPECT_EQ(IPPROTO_ICMPV6, r.proto);
	EXPECT_EQ(128, r.icmp_type);
	ASSERT_EQ(0, acl_rule_parse_text("permit icmpv6 any any nd-na",
					 AF_INET6, &r, &why));
	EXPECT_EQ(IPPROTO_ICMPV6, r.proto);
	EXPECT_EQ(136, r.icmp_type);
}

TEST(ipv6_fields)
{
	struct acl_prefix p;
	struct acl_rule r;
	const char *why;

	ASSERT_EQ(0, acl_rule_parse_text("permit udp 2001:db8:ffff::1/33 "
					 "host 2001:db8::53 eq domain",
					 AF_INET6, &r, &why));
	EXPECT_EQ(AF_INET6, r.family);
	EXPECT_EQ(IPPROTO_UDP, r.proto);
	p = pfx(AF_INET6, "2001:db8:8000::", 33);
	EXPECT_TRUE(same_prefix(&p, &r.src));
	p = pfx(AF_INET6, "2001:db8::53", 128);
	EXPECT_TRUE(same_prefix(&p, &r.dst));
	EXPECT_EQ(53, r.dport_min);
	ASSERT_EQ(0, acl_rule_parse_text("deny ipv6 any ::/0", AF_INET6, &r,
					 &why));
	EXPECT_EQ(-1, r.proto);
	EXPECT_EQ(0, r.dst.len);
}

TEST(mixed_family_inferred)
{
	struct acl_rule r;
	const char *why;

	ASSERT_EQ(0, acl_rule_parse_text("permit tcp any any eq 5201",
					 AF_UNSPEC, &r, &why));
	EXPECT_EQ(AF_UNSPEC, r.family);
	ASSERT_EQ(0, acl_rule_parse_text("permit ip any host 10.0.0.1",
					 AF_UNSPEC, &r, &why));
	EXPECT_EQ(AF_INET, r.family);
	ASSERT_EQ(0, acl_rule_parse_text("deny udp 2001:db8::/32 any",
					 AF_UNSPEC, &r, &why));
	EXPECT_EQ(AF_INET6, r.family);
	ASSERT_EQ(0, acl_rule_parse_text("permit ipv6 any any", AF_UNSPEC, &r,
					 &why));
	EXPECT_EQ(AF_INET6, r.family);
	EXPECT_EQ(-1, r.proto);
	ASSERT_EQ(0, acl_rule_parse_text("permit icmp any any echo",
					 AF_UNSPEC, &r, &why));
	EXPECT_EQ(AF_INET, r.family);
	EXPECT_EQ(IPPROTO_ICMP, r.proto);
	ASSERT_EQ(0, acl_rule_parse_text("permit icmpv6 any any echo-reply",
					 AF_UNSPEC, &r, &why));
	EXPECT_EQ(AF_INET6, r.family);
	EXPECT_EQ(129, r.icmp_type);
	ASSERT_EQ(0, acl_rule_parse_text("permit tcp any6 any", AF_UNSPEC,
					 &r, &why));
	EXPECT_EQ(AF_INET6, r.family);
	EXPECT_EQ(0, r.src.len);
}

struct trip {
	int family;
	const char *in;
	const char *out;	/* NULL: the same as @in */
};

static const struct trip trips[] = {
	{ AF_INET, "permit tcp any any eq www", NULL },
	{ AF_INET, "permit tcp any any eq 80", "permit tcp any any eq www" },
	{ AF_INET, "deny udp host 10.0.0.1 range 1000 2000 10.1.0.0 "
	  "0.0.255.255 gt 1023", NULL },
	{ AF_INET, "permit udp any eq bootpc any eq bootps", NULL },
	{ AF_INET, "permit udp any any eq non500-isakmp", NULL },
	{ AF_INET, "permit udp any any eq 4500",
	  "permit udp any any eq non500-isakmp" },
	{ AF_INET, "permit tcp any any lt 1024", NULL },
	{ AF_INET, "permit sctp any any range 1 9", NULL },
	{ AF_INET, "permit tcp any any range 0 65535", "permit tcp any any" },
	{ AF_INET, "permit tcp any any gt 65534",
	  "permit tcp any any eq 65535" },
	{ AF_INET, "permit ip 10.1.2.3 0.0.0.255 any log",
	  "permit ip 10.1.2.0 0.0.0.255 any" },
	{ AF_INET, "permit ip 10.1.2.3 0.0.0.0 any",
	  "permit ip host 10.1.2.3 any" },
	{ AF_INET, "deny ip 0.0.0.0 255.255.255.255 any", "deny ip any any" },
	{ AF_INET, "permit icmp any any echo-reply", NULL },
	{ AF_INET, "permit icmp any any 3 13",
	  "permit icmp any any administratively-prohibited" },
	{ AF_INET, "permit icmp any any 3 7", NULL },
	{ AF_INET, "permit icmp any any 42", NULL },
	{ AF_INET, "permit 47 any any", "permit gre any any" },
	{ AF_INET, "permit esp any any", NULL },
	{ AF_INET, "permit ahp host 192.0.2.1 any", NULL },
	{ AF_INET, "permit 58 any any", NULL },
	{ AF_INET, "permit 0 any any", NULL },
	{ AF_INET, "permit 136 any any eq 7", NULL },
	{ AF_INET6, "permit ipv6 any any", NULL },
	{ AF_INET6, "permit icmp any any nd-na", NULL },
	{ AF_INET6, "permit icmpv6 any any 1 0",
	  "permit icmp any any no-route" },
	{ AF_INET6, "permit 58 any any echo-request",
	  "permit icmp any any echo-request" },
	{ AF_INET6, "permit 1 any any", NULL },
	{ AF_INET6, "deny tcp 2001:db8::/32 host 2001:db8::1 eq telnet",
	  NULL },
	{ AF_INET6, "permit ipv6 2001:db8::1/128 any",
	  "permit ipv6 host 2001:db8::1 any" },
	{ AF_UNSPEC, "permit tcp any any eq www", NULL },
	{ AF_UNSPEC, "permit ip any any", NULL },
	{ AF_UNSPEC, "permit ipv6 any any", NULL },
	{ AF_UNSPEC, "permit ip any4 any", "permit ip any4 any4" },
	{ AF_UNSPEC, "permit tcp any6 any eq 22",
	  "permit tcp any6 any6 eq 22" },
	{ AF_UNSPEC, "permit icmp any any echo", NULL },
	{ AF_UNSPEC, "permit icmpv6 any any nd-ns", NULL },
	{ AF_UNSPEC, "permit 58 any any", NULL },
	{ AF_UNSPEC, "permit 1 any any", NULL },
	{ AF_UNSPEC, "permit udp host 2001:db8::1 any",
	  "permit udp host 2001:db8::1 any6" },
	{ AF_UNSPEC, "deny ip 10.0.0.0 0.255.255.255 any4",
	  "deny ip 10.0.0.0 0.255.255.255 any4" },
	{ AF_UNSPEC, "deny ip 10.0.0.0 0.255.255.255 any",
	  "deny ip 10.0.0.0 0.255.255.255 any4" },
};

TEST(format_round_trip)
{
	char buf[ACL_RULE_TEXT_MAX];
	struct acl_rule r, again;
	const char *why = "";
	size_t i;
	int n;

	for (i = 0; i < ARRAY_SIZE(trips); i++) {
		const struct trip *t = &trips[i];

		ASSERT_EQ(0, acl_rule_parse_text(t->in, t->family, &r, &why))
			TH_LOG("\"%s\": %s", t->in, why);
		/* a rule of a mixed list prints as one */
		n = t->family ? acl_rule_format(&r, buf, sizeof(buf)) :
				acl_rule_format_mixed(&r, buf, sizeof(buf));
		ASSERT_LT(0, n);
		EXPECT_STREQ(t->out ? t->out : t->in, buf);
		ASSERT_EQ(0, acl_rule_parse_text(buf, t->family, &again,
						 &why))
			TH_LOG("\"%s\": %s", buf, why);
		EXPECT_TRUE(acl_rule_equal(&r, &again))
			TH_LOG("\"%s\" reads back differently", buf);
		/* the mixed form reads back to the same rule too */
		ASSERT_LT(0, acl_rule_format_mixed(&r, buf, sizeof(buf)));
		ASSERT_EQ(0, acl_rule_parse_text(buf, AF_UNSPEC, &again,
						 &why))
			TH_LOG("\"%s\": %s", buf, why);
		EXPECT_TRUE(acl_rule_equal(&r, &again))
			TH_LOG("mixed \"%s\" reads back differently", buf);
	}
}

TEST(format_mixed_says_the_family)
{
	static const struct trip mixed[] = {
		{ AF_INET, "permit tcp any any eq www",
		  "permit tcp any4 any4 eq www" },
		{ AF_INET, "permit ip any any", "permit ip any4 any4" },
		{ AF_INET, "permit icmp any any echo", NULL },
		{ AF_INET, "permit ip host 10.0.0.1 any",
		  "permit ip host 10.0.0.1 any4" },
		{ AF_INET6, "permit ipv6 any any", NULL },
		{ AF_INET6, "permit icmp any any nd-na",
		  "permit icmpv6 any any nd-na" },
		{ AF_INET6, "permit udp any any", "permit udp any6 any6" },
	};
	char buf[ACL_RULE_TEXT_MAX];
	struct acl_rule r;
	const char *why;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(mixed); i++) {
		ASSERT_EQ(0, acl_rule_parse_text(mixed[i].in, mixed[i].family,
						 &r, &why));
		ASSERT_LT(0, acl_rule_format_mixed(&r, buf, sizeof(buf)));
		EXPECT_STREQ(mixed[i].out ? mixed[i].out : mixed[i].in, buf);
	}
}

TEST(format_longest_fits)
{
	char buf[ACL_RULE_TEXT_MAX], small[16];
	struct acl_rule r;
	const char *why;
	int n;

	ASSERT_EQ(0, acl_rule_parse_text(
		"permit udp 2001:db8:1111:2222:3333:4444:5555:0/127 range "
		"65000 65001 2001:db8:1111:2222:3333:4444:5555:6666/127 range "
		"65002 65003", AF_INET6, &r, &why));
	n = acl_rule_format(&r, buf, sizeof(buf));
	EXPECT_LT(0, n);
	EXPECT_EQ((int)strlen(buf), n);
	EXPECT_EQ(-ENOSPC, acl_rule_format(&r, small, sizeof(small)));
	EXPECT_EQ(-ENOSPC, acl_rule_format(&r, buf, 0));
}

struct bad {
	int family;
	const char *rule;
	const char *why;
};

static const struct bad bads[] = {
	{ AF_INET, "", "missing 'permit' or 'deny'" },
	{ AF_INET, "allow ip any any", "'allow' is not 'permit' or 'deny'" },
	{ AF_INET, "dynamic x ip any any",
	  "'dynamic' entries are not supported" },
	{ AF_INET, "permit", "missing protocol" },
	{ AF_INET, "permit foo any any",
	  "unknown protocol 'foo' (a number 0-255, ip, tcp, udp, icmp, sctp, "
	  "gre, esp, ahp, ospf...)" },
	{ AF_INET, "permit 256 any any",
	  "unknown protocol '256' (a number 0-255, ip, tcp, udp, icmp, sctp, "
	  "gre, esp, ahp, ospf...)" },
	{ AF_INET, "permit ipv6 any any",
	  "'ipv6' is for IPv6 access lists: write 'ip'" },
	{ AF_INET6, "permit ip any any",
	  "'ip' is for IPv4 access lists: write 'ipv6'" },
	{ AF_INET, "permit icmpv6 any any",
	  "'icmpv6' is for IPv6 access lists" },
	{ AF_INET, "permit ip", "missing source address" },
	{ AF_INET, "permit ip any", "missing destination address" },
	{ AF_INET, "permit ip 10.0.0.0 0.255.0.255 any",
	  "wildcard mask 0.255.0.255 is not contiguous: flexvti matches "
	  "prefixes only" },
	{ AF_INET, "permit ip 10.0.0.0 255.0.0.0 any",
	  "wildcard mask 255.0.0.0 is not contiguous: flexvti matches "
	  "prefixes only" },
	{ AF_INET, "permit ip 10.0.0.1 any",
	  "'10.0.0.1' needs a wildcard mask after it (0.0.0.255 for a /24; "
	  "host 10.0.0.1 for one host)" },
	{ AF_INET, "permit ip 10.0.0.0/8 any",
	  "'10.0.0.0/8': IPv4 addresses take a wildcard mask (10.0.0.0 "
	  "0.0.0.255), not a prefix length" },
	{ AF_INET, "permit ip host 2001:db8::1 any",
	  "'2001:db8::1' is not an IPv4 address" },
	{ AF_INET, "permit ip host", "'host' needs an address" },
	{ AF_INET, "permit ip any4 any",
	  "'any4' is for mixed lists: write 'any'" },
	{ AF_INET, "permit ip foo any",
	  "'foo' is not any, host ADDRESS or ADDRESS WILDCARD" },
	{ AF_INET6, "permit ipv6 10.0.0.0 0.0.0.255 any",
	  "'10.0.0.0' is not any, host ADDRESS or PREFIX/LEN" },
	{ AF_INET6, "permit ipv6 2001:db8:: any",
	  "'2001:db8::' needs a prefix length (2001:db8::/128 for one host, "
	  "or host 2001:db8::)" },
	{ AF_INET6, "permit ipv6 2001:db8::/129 any",
	  "'2001:db8::/129' is not an IPv6 prefix (PREFIX/LEN, LEN 0-128)" },
	{ AF_INET, "permit tcp any any neq 80",
	  "'neq' is not one port range: deny the port in a rule of its own "
	  "before the rule for the others" },
	{ AF_INET, "permit ip any eq 80 any",
	  "'eq': port matches need protocol tcp, udp or sctp" },
	{ AF_INET, "permit icmp any any eq 80",
	  "'eq': port matches need protocol tcp, udp or sctp" },
	{ AF_INET, "permit tcp any any eq", "'eq' needs a port" },
	{ AF_INET, "permit tcp any any eq https",
	  "'https' is not a port number (0-65535) or a port name of the "
	  "protocol" },
	{ AF_INET, "permit tcp any any eq bootps",
	  "'bootps' is not a port number (0-65535) or a port name of the "
	  "protocol" },
	{ AF_INET, "permit sctp any any eq www",
	  "'www' is not a port number (0-65535)" },
	{ AF_INET, "permit tcp any any eq 65536",
	  "'65536' is not a port number (0-65535) or a port name of the "
	  "protocol" },
	{ AF_INET, "permit tcp any any lt 0", "'lt 0' matches no port" },
	{ AF_INET, "permit tcp any any gt 65535",
	  "'gt 65535' matches no port" },
	{ AF_INET, "permit tcp any any range 20 10",
	  "'range 20 10': the first port is above the second" },
	{ AF_INET, "permit tcp any any range 20", "'range' needs a port" },
	{ AF_INET, "permit tcp any any established",
	  "'established' cannot be enforced: flexvti filters without "
	  "connection state (permit the return traffic by its ports)" },
	{ AF_INET, "permit ip any any dscp ef", "'dscp' is not supported" },
	{ AF_INET, "permit ip any any fragments",
	  "'fragments' is not supported" },
	{ AF_INET, "permit tcp any any syn", "'syn' is not supported" },
	{ AF_INET, "permit ip any any time-range t",
	  "'time-range' is not supported" },
	{ AF_INET, "permit ip any any foo", "unexpected 'foo'" },
	{ AF_INET, "permit tcp any any echo", "unexpected 'echo'" },
	{ AF_INET, "permit icmp any any 300",
	  "ICMP type 300 is out of range 0-255" },
	{ AF_INET, "permit icmp any any 3 256",
	  "ICMP code 256 is out of range 0-255" },
	{ AF_INET, "permit icmp any any echo-request",
	  "unexpected 'echo-request'" },
	{ AF_INET6, "permit icmp any any echo", "unexpected 'echo'" },
	{ AF_UNSPEC, "permit ipv6 host 10.0.0.1 any",
	  "'10.0.0.1' is IPv4, the rule is IPv6" },
	{ AF_UNSPEC, "permit tcp any4 any6",
	  "'any6' is IPv6, the rule is IPv4" },
	{ AF_UNSPEC, "permit icmp any 2001:db8::/32",
	  "'2001:db8::/32' is IPv6, the rule is IPv4" },
	{ AF_UNSPEC, "permit ip foo any",
	  "'foo' is not any, host ADDRESS or ADDRESS WILDCARD (IPv4) or "
	  "PREFIX/LEN (IPv6)" },
	{ AF_UNSPEC, "permit ip host foo any",
	  "'foo' is not an IPv4 or IPv6 address" },
	{ AF_UNSPEC, "permit ip 10.0.0.0/8 any",
	  "'10.0.0.0/8': IPv4 addresses take a wildcard mask (10.0.0.0 "
	  "0.0.0.255), not a prefix length" },
};

TEST(refusals_with_reason)
{
	struct acl_rule r;
	const char *why;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bads); i++) {
		why = NULL;
		EXPECT_EQ(-EINVAL, acl_rule_parse_text(bads[i].rule,
						       bads[i].family, &r,
						       &why))
			TH_LOG("accepted \"%s\"", bads[i].rule);
		ASSERT_NE(NULL, why);
		EXPECT_STREQ(bads[i].why, why);
	}
}

TEST(text_limits)
{
	char text[600];
	struct acl_rule r;
	const char *why;
	int i;

	memset(text, 'a', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	EXPECT_EQ(-EINVAL, acl_rule_parse_text(text, AF_INET, &r, &why));
	EXPECT_STREQ("the rule is longer than 511 bytes", why);
	text[0] = '\0';
	for (i = 0; i < 49; i++)
		strcat(text, "log ");
	EXPECT_EQ(-EINVAL, acl_rule_parse_text(text, AF_INET, &r, &why));
	EXPECT_STREQ("the rule has more than 48 words", why);
	/* blanks of any kind separate the words */
	EXPECT_EQ(0, acl_rule_parse_text(" permit\ttcp  any any\r\n", AF_INET,
					 &r, &why));
}

TEST(argv_form)
{
	char *argv[] = { "deny", "tcp", "any", "host", "192.0.2.1", "eq",
			 "telnet" };
	struct acl_rule r;
	const char *why;

	ASSERT_EQ(0, acl_rule_parse(ARRAY_SIZE(argv), argv, AF_INET, &r,
				    &why));
	EXPECT_EQ(FLEXVTI_ACL_DENY, r.action);
	EXPECT_EQ(23, r.dport_min);
	EXPECT_EQ(32, r.dst.len);
}

TEST(init_matches_everything)
{
	struct acl_rule r, p;
	const char *why;

	acl_rule_init(&r, FLEXVTI_ACL_PERMIT, AF_INET6);
	ASSERT_EQ(0, acl_rule_parse_text("permit ipv6 any any", AF_INET6, &p,
					 &why));
	EXPECT_TRUE(acl_rule_equal(&r, &p));
	p.dport_max = 1;
	EXPECT_FALSE(acl_rule_equal(&r, &p));
}

TEST(rates)
{
	uint64_t v = 0;

	EXPECT_EQ(0, acl_rate_parse("8000", 8000, 1000000000000ULL, &v));
	EXPECT_EQ(8000, v);
	EXPECT_EQ(0, acl_rate_parse("2M", 8000, 1000000000000ULL, &v));
	EXPECT_EQ(2000000, v);
	EXPECT_EQ(0, acl_rate_parse("64k", 8000, 1000000000000ULL, &v));
	EXPECT_EQ(64000, v);
	EXPECT_EQ(0, acl_rate_parse("1000G", 8000, 1000000000000ULL, &v));
	EXPECT_EQ(1000000000000ULL, v);
	EXPECT_EQ(-ERANGE, acl_rate_parse("1001G", 8000, 1000000000000ULL, &v));
	EXPECT_EQ(-ERANGE, acl_rate_parse("7999", 8000, 1000000000000ULL, &v));
	EXPECT_EQ(-ERANGE, acl_rate_parse("99999999999999999999", 0,
					  UINT64_MAX, &v));
	EXPECT_EQ(-ERANGE, acl_rate_parse("99999999999999999G", 0,
					  UINT64_MAX, &v));
	EXPECT_EQ(-EINVAL, acl_rate_parse("", 0, 10, &v));
	EXPECT_EQ(-EINVAL, acl_rate_parse("-1", 0, 10, &v));
	EXPECT_EQ(-EINVAL, acl_rate_parse("1.5M", 0, UINT64_MAX, &v));
	EXPECT_EQ(-EINVAL, acl_rate_parse("2Mbit", 0, UINT64_MAX, &v));
	EXPECT_EQ(-EINVAL, acl_rate_parse("2T", 0, UINT64_MAX, &v));
}

/* @line split at blanks into arguments, as a shell would */
static int split(char *line, char **argv, int max)
{
	char *save, *s;
	int n = 0;

	for (s = strtok_r(line, " ", &save); s && n < max;
	     s = strtok_r(NULL, " ", &save))
		argv[n++] = s;
	return n;
}

TEST(acl_args)
{
	char *argv[] = { "name", "web", "permit tcp any any eq www",
			 "deny udp any any", "permit", "icmp", "any", "any",
			 "echo" };
	struct acl acl = { 0 };
	char err[160];

	ASSERT_EQ(0, acl_parse_args(ARRAY_SIZE(argv), argv, &acl, err,
				    sizeof(err)));
	EXPECT_STREQ("web", acl.name);
	ASSERT_EQ(3, acl.nrules);
	EXPECT_EQ(80, acl.rules[0].dport_min);
	EXPECT_EQ(AF_UNSPEC, acl.rules[0].family);
	EXPECT_EQ(FLEXVTI_ACL_DENY, acl.rules[1].action);
	EXPECT_EQ(AF_INET, acl.rules[2].family);
	EXPECT_EQ(8, acl.rules[2].icmp_type);
	acl_free(&acl);

	/* several rules in one argument too */
	memset(&acl, 0, sizeof(acl));
	argv[0] = "permit ip any4 any4 deny ipv6 any any";
	ASSERT_EQ(0, acl_parse_args(1, argv, &acl, err, sizeof(err)));
	ASSERT_EQ(2, acl.nrules);
	EXPECT_STREQ("", acl.name);
	EXPECT_EQ(AF_INET6, acl.rules[1].family);
	acl_free(&acl);

	memset(&acl, 0, sizeof(acl));
	argv[0] = "none";
	ASSERT_EQ(0, acl_parse_args(1, argv, &acl, err, sizeof(err)));
	EXPECT_EQ(0, acl.nrules);
}

TEST(acl_args_refused)
{
	static const struct {
		const char *line;
		const char *err;
	} bad[] = {
		{ "", "no rules (or none to detach)" },
		{ "name", "name needs a value" },
		{ "name x", "no rules (or none to detach)" },
		{ "name x none", "'none': a rule starts with permit or deny" },
		{ "tcp any any", "'tcp': a rule starts with permit or deny" },
		{ "permit tcp any any deny tcp any any neq 1",
		  "rule 2: 'neq' is not one port range: deny the port in a "
		  "rule of its own before the rule for the others" },
		{ "permit ip any4 host 2001:db8::1",
		  "rule 1: '2001:db8::1' is IPv6, the rule is IPv4" },
		{ "name 0123456789012345678901234567890123456789012345678901"
		  "234567890123 permit ip any any",
		  "name '0123456789012345678901234567890123456789012345678901"
		  "234567890123' is longer than 63 bytes" },
	};
	char line[256], *argv[64], err[200];
	struct acl acl;
	size_t i;
	int argc;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		memset(&acl, 0, sizeof(acl));
		strcpy(line, bad[i].line);
		argc = split(line, argv, 64);
		EXPECT_EQ(-EINVAL, acl_parse_args(argc, argv, &acl, err,
						  sizeof(err)))
			TH_LOG("accepted \"%s\"", bad[i].line);
		EXPECT_STREQ(bad[i].err, err);
		acl_free(&acl);
	}
}

TEST(acl_args_at_most_256_rules)
{
	char *argv[FLEXVTI_ACL_MAX_RULES + 1];
	struct acl acl = { 0 };
	char err[64];
	int i;

	for (i = 0; i <= FLEXVTI_ACL_MAX_RULES; i++)
		argv[i] = "permit ip any any";
	ASSERT_EQ(0, acl_parse_args(FLEXVTI_ACL_MAX_RULES, argv, &acl, err,
				    sizeof(err)));
	EXPECT_EQ(FLEXVTI_ACL_MAX_RULES, acl.nrules);
	acl_free(&acl);
	EXPECT_EQ(-EINVAL, acl_parse_args(FLEXVTI_ACL_MAX_RULES + 1, argv,
					  &acl, err, sizeof(err)));
	EXPECT_STREQ("more than 256 rules", err);
	acl_free(&acl);
}

TEST(policer_args)
{
	static const struct {
		const char *line;
		uint64_t rate;
		uint32_t burst;
		const char *name;
	} good[] = {
		{ "2M", 2000000, 0, "" },
		{ "8000 1500", 8000, 1500, "" },
		{ "1000G 1M name fast", 1000000000000ULL, 1000000, "fast" },
		{ "64k name slow", 64000, 0, "slow" },
		{ "none", 0, 0, "" },
	};
	static const struct {
		const char *line;
		const char *err;
	} bad[] = {
		{ "", "missing rate (or none to detach)" },
		{ "7999",
		  "rate 7999 is out of range 8000-1000000000000 bit/s" },
		{ "2Mbit", "rate '2Mbit' is not a number of bit/s (maybe with "
		  "k, M or G)" },
		{ "8000 1499", "burst 1499 is out of range 1500-1073741824 "
		  "bytes" },
		{ "8000 x", "burst 'x' is not a number of bytes (maybe with k "
		  "or M)" },
		{ "8000 1500 2000", "unexpected '2000'" },
		{ "8000 name", "name needs a value" },
		{ "none 1500", "rate 'none' is not a number of bit/s (maybe "
		  "with k, M or G)" },
	};
	char line[128], *argv[16], err[128];
	struct acl_policer p;
	size_t i;
	int argc;

	for (i = 0; i < ARRAY_SIZE(good); i++) {
		memset(&p, 0, sizeof(p));
		strcpy(line, good[i].line);
		argc = split(line, argv, 16);
		ASSERT_EQ(0, acl_policer_parse_args(argc, argv, &p, err,
						    sizeof(err)))
			TH_LOG("\"%s\": %s", good[i].line, err);
		EXPECT_EQ(good[i].rate, p.rate);
		EXPECT_EQ(good[i].burst, p.burst);
		EXPECT_STREQ(good[i].name, p.name);
	}
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		memset(&p, 0, sizeof(p));
		strcpy(line, bad[i].line);
		argc = split(line, argv, 16);
		EXPECT_EQ(-EINVAL, acl_policer_parse_args(argc, argv, &p, err,
							  sizeof(err)))
			TH_LOG("accepted \"%s\"", bad[i].line);
		EXPECT_STREQ(bad[i].err, err);
	}
}

TEST(free_is_idempotent)
{
	struct acl acl = { .nrules = 1 };

	acl.rules = calloc(1, sizeof(*acl.rules));
	acl_free(&acl);
	EXPECT_EQ(NULL, acl.rules);
	EXPECT_EQ(0, acl.nrules);
	acl_free(&acl);
}

TEST_HARNESS_MAIN
