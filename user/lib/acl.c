// SPDX-License-Identifier: GPL-2.0-only
/*
 * Access list rules in the syntax of IOS extended access lists, read and
 * printed back: the entries of "ip access-list extended" and "ipv6
 * access-list" blocks, of the RADIUS "ip:inacl#N=..." pairs and of
 * "flexvtictl acl set".  What the kernel cannot match (port exclusions,
 * TCP flags, DSCP, fragments, connection state) is refused with the
 * reason, never ignored; "log" is the one keyword accepted and ignored.
 *
 * A rule is read in the context of a list family: AF_INET (an IPv4 list:
 * "ip", "icmp", ADDRESS WILDCARD), AF_INET6 (an IPv6 list: "ipv6",
 * "icmp" meaning ICMPv6, PREFIX/LEN) or AF_UNSPEC, the mixed lists of
 * flexvtictl, whose rules take their family from what they name
 * ("ipv6", "icmpv6", an address, "any4", "any6") and match both
 * families when nothing names one.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "acl.h"
#include "util.h"

#define ACL_WORDS_MAX	48	/* words of a rule given as text */
#define ACL_TEXT_MAX	512	/* bytes of a rule given as text */

/* the reason of the last refusal, for *why */
static __thread char acl_why[128];

/**
 * struct acl_parser - the state of reading one rule
 * @argc: number of words
 * @argv: the words
 * @i: index of the next word
 * @list: AF_INET, AF_INET6, or AF_UNSPEC for a mixed list
 * @r: the rule being filled
 * @why: receives the reason of a refusal
 */
struct acl_parser {
	int argc;
	char **argv;
	int i;
	int list;
	struct acl_rule *r;
	const char **why;
};

struct acl_proto_name {
	const char *name;
	uint8_t proto;
};

/* IOS protocol keywords besides ip, ipv6, icmp and icmpv6 */
static const struct acl_proto_name acl_protos[] = {
	{ "tcp", IPPROTO_TCP },
	{ "udp", IPPROTO_UDP },
	{ "sctp", IPPROTO_SCTP },
	{ "gre", IPPROTO_GRE },
	{ "esp", IPPROTO_ESP },
	{ "ahp", IPPROTO_AH },
	{ "ospf", 89 },
	{ "eigrp", 88 },
	{ "pim", IPPROTO_PIM },
	{ "igmp", IPPROTO_IGMP },
};

struct acl_port_name {
	const char *name;
	uint16_t port;
};

/* IOS port keywords (a subset); IOS has none for ssh or https either */
static const struct acl_port_name acl_tcp_ports[] = {
	{ "ftp-data", 20 },
	{ "ftp", 21 },
	{ "telnet", 23 },
	{ "smtp", 25 },
	{ "domain", 53 },
	{ "www", 80 },
	{ "pop3", 110 },
	{ "bgp", 179 },
};

static const struct acl_port_name acl_udp_ports[] = {
	{ "domain", 53 },
	{ "bootps", 67 },
	{ "bootpc", 68 },
	{ "tftp", 69 },
	{ "ntp", 123 },
	{ "snmp", 161 },
	{ "snmptrap", 162 },
	{ "isakmp", 500 },
	{ "syslog", 514 },
	{ "rip", 520 },
	{ "non500-isakmp", 4500 },
};

struct acl_icmp_name {
	const char *name;
	int16_t type;
	int16_t code;
};

/* IOS ICMP message keywords (a subset); code -1: any code */
static const struct acl_icmp_name acl_icmp4_names[] = {
	{ "echo-reply", 0, -1 },
	{ "unreachable", 3, -1 },
	{ "net-unreachable", 3, 0 },
	{ "host-unreachable", 3, 1 },
	{ "protocol-unreachable", 3, 2 },
	{ "port-unreachable", 3, 3 },
	{ "packet-too-big", 3, 4 },
	{ "administratively-prohibited", 3, 13 },
	{ "source-quench", 4, -1 },
	{ "redirect", 5, -1 },
	{ "echo", 8, -1 },
	{ "router-advertisement", 9, -1 },
	{ "router-solicitation", 10, -1 },
	{ "time-exceeded", 11, -1 },
	{ "ttl-exceeded", 11, 0 },
	{ "reassembly-timeout", 11, 1 },
	{ "parameter-problem", 12, -1 },
	{ "timestamp-request", 13, -1 },
	{ "timestamp-reply", 14, -1 },
};

/* IOS ICMPv6 message keywords of IPv6 access lists (a subset) */
static const struct acl_icmp_name acl_icmp6_names[] = {
	{ "unreachable", 1, -1 },
	{ "no-route", 1, 0 },
	{ "no-admin", 1, 1 },
	{ "port-unreachable", 1, 4 },
	{ "packet-too-big", 2, -1 },
	{ "time-exceeded", 3, -1 },
	{ "hop-limit", 3, 0 },
	{ "reassembly-timeout", 3, 1 },
	{ "parameter-problem", 4, -1 },
	{ "echo-request", 128, -1 },
	{ "echo-reply", 129, -1 },
	{ "mld-query", 130, -1 },
	{ "mld-report", 131, -1 },
	{ "mld-reduction", 132, -1 },
	{ "router-solicitation", 133, -1 },
	{ "router-advertisement", 134, -1 },
	{ "nd-ns", 135, -1 },
	{ "nd-na", 136, -1 },
	{ "redirect", 137, -1 },
};

/* IOS keywords of matches the kernel cannot make */
static const char *const acl_unsupported[] = {
	"dscp", "precedence", "tos", "ttl", "fragments", "time-range",
	"option", "ack", "fin", "psh", "rst", "syn", "urg", "match-all",
	"match-any", "reflect", "flow-label", "routing", "dest-option",
	"mobility", "hbh", "undetermined-transport", "object-group",
	"addrgroup", "portgroup",
};

/**
 * acl_rule_init - a rule matching every packet
 * @r: the rule to set
 * @action: FLEXVTI_ACL_PERMIT or FLEXVTI_ACL_DENY
 * @family: AF_INET, AF_INET6, or AF_UNSPEC for both
 *
 * Any protocol, any addresses, all ports, any ICMP type and code.
 */
void acl_rule_init(struct acl_rule *r, uint8_t action, int family)
{
	memset(r, 0, sizeof(*r));
	r->action = action;
	r->family = (uint8_t)family;
	r->proto = -1;
	r->sport_max = 65535;
	r->dport_max = 65535;
	r->icmp_type = -1;
	r->icmp_code = -1;
}

static __printf(2, 3) int acl_fail(struct acl_parser *ps, const char *fmt,
				   ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(acl_why, sizeof(acl_why), fmt, ap);
	va_end(ap);
	*ps->why = acl_why;
	return -EINVAL;
}

static const char *acl_peek(const struct acl_parser *ps)
{
	return ps->i < ps->argc ? ps->argv[ps->i] : NULL;
}

static const char *acl_next(struct acl_parser *ps)
{
	const char *w = acl_peek(ps);

	if (w)
		ps->i++;
	return w;
}

/* decimal digits only, at most @max */
static bool acl_number(const char *w, unsigned long max, unsigned long *v)
{
	unsigned long n = 0;

	if (!*w || strlen(w) > 10)
		return false;
	for (; *w; w++) {
		if (!isdigit((unsigned char)*w))
			return false;
		n = n * 10 + (unsigned long)(*w - '0');
	}
	if (n > max)
		return false;
	*v = n;
	return true;
}

static bool acl_digits(const char *w)
{
	return *w && strspn(w, "0123456789") == strlen(w);
}

static const char *acl_family_name(int family)
{
	return family == AF_INET6 ? "IPv6" : "IPv4";
}

/* the rule is of @family: in a mixed list, as far as it said so before */
static int acl_set_family(struct acl_parser *ps, int family)
{
	struct acl_rule *r = ps->r;

	if (r->family && r->family != family)
		return acl_fail(ps, "'%s' is %s, the rule is %s",
				ps->argv[ps->i - 1], acl_family_name(family),
				acl_family_name(r->family));
	r->family = (uint8_t)family;
	return 0;
}

static bool acl_has_ports(const struct acl_rule *r)
{
	return r->proto == IPPROTO_TCP || r->proto == IPPROTO_UDP ||
	       r->proto == IPPROTO_SCTP || r->proto == IPPROTO_UDPLITE;
}

static bool acl_is_icmp(const struct acl_rule *r)
{
	return (r->family == AF_INET && r->proto == IPPROTO_ICMP) ||
	       (r->family == AF_INET6 && r->proto == IPPROTO_ICMPV6);
}

static int acl_parse_action(struct acl_parser *ps)
{
	const char *w = acl_next(ps);

	if (!w)
		return acl_fail(ps, "missing 'permit' or 'deny'");
	if (!strcasecmp(w, "permit"))
		ps->r->action = FLEXVTI_ACL_PERMIT;
	else if (!strcasecmp(w, "deny"))
		ps->r->action = FLEXVTI_ACL_DENY;
	else if (!strcasecmp(w, "dynamic") || !strcasecmp(w, "evaluate"))
		return acl_fail(ps, "'%s' entries are not supported", w);
	else
		return acl_fail(ps, "'%s' is not 'permit' or 'deny'", w);
	return 0;
}

/* "ip" or "ipv6": any protocol of that family */
static int acl_proto_any(struct acl_parser *ps, const char *w, int family)
{
	if (ps->list && ps->list != family)
		return acl_fail(ps, "'%s' is for %s access lists: write '%s'",
				w, acl_family_name(family),
				ps->list == AF_INET ? "ip" : "ipv6");
	ps->r->proto = -1;
	return family == AF_INET6 ? acl_set_family(ps, family) : 0;
}

/*
 * "icmp" or "icmpv6": in a mixed list they name the family too, so that
 * ICMP types can follow; a protocol number never does
 */
static int acl_proto_icmp(struct acl_parser *ps, int family)
{
	ps->r->proto = family == AF_INET6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP;
	return acl_set_family(ps, family);
}

static int acl_parse_proto(struct acl_parser *ps)
{
	const char *w = acl_next(ps);
	unsigned long n;
	size_t i;

	if (!w)
		return acl_fail(ps, "missing protocol");
	if (!strcasecmp(w, "ip") || !strcasecmp(w, "ipv6"))
		return acl_proto_any(ps, w, w[2] ? AF_INET6 : AF_INET);
	if (!strcasecmp(w, "icmp"))
		return acl_proto_icmp(ps, ps->list == AF_INET6 ?
					  AF_INET6 : AF_INET);
	if (!strcasecmp(w, "icmpv6")) {
		if (ps->list == AF_INET)
			return acl_fail(ps,
					"'icmpv6' is for IPv6 access lists");
		return acl_proto_icmp(ps, AF_INET6);
	}
	for (i = 0; i < ARRAY_SIZE(acl_protos); i++) {
		if (!strcasecmp(w, acl_protos[i].name)) {
			ps->r->proto = acl_protos[i].proto;
			return 0;
		}
	}
	if (acl_number(w, 255, &n)) {
		ps->r->proto = (int16_t)n;
		return 0;
	}
	return acl_fail(ps, "unknown protocol '%s' (a number 0-255, %s, tcp, "
			"udp, icmp, sctp, gre, esp, ahp, ospf...)", w,
			ps->list == AF_INET6 ? "ipv6" : "ip");
}

/* an address of the list's family, or either in a mixed list: its family */
static int acl_pton(const struct acl_parser *ps, const char *w, void *addr)
{
	if (ps->list != AF_INET6 && inet_pton(AF_INET, w, addr) == 1)
		return AF_INET;
	if (ps->list != AF_INET && inet_pton(AF_INET6, w, addr) == 1)
		return AF_INET6;
	return AF_UNSPEC;
}

/* clear the bits of @p below its length */
static void acl_prefix_mask(struct acl_prefix *p, int family)
{
	uint8_t *b = (uint8_t *)&p->addr;
	int bytes = family == AF_INET ? 4 : 16, i;

	for (i = 0; i < bytes; i++) {
		int keep = p->len - i * 8;

		if (keep <= 0)
			b[i] = 0;
		else if (keep < 8)
			b[i] &= (uint8_t)(0xff << (8 - keep));
	}
}

static int acl_parse_host(struct acl_parser *ps, struct acl_prefix *p)
{
	const char *w = acl_next(ps);
	int family;

	if (!w)
		return acl_fail(ps, "'host' needs an address");
	family = acl_pton(ps, w, &p->addr);
	if (!family)
		return acl_fail(ps, "'%s' is not an %s address", w,
				ps->list ? acl_family_name(ps->list) :
					   "IPv4 or IPv6");
	p->len = family == AF_INET ? 32 : 128;
	return acl_set_family(ps, family);
}

/* "ADDRESS/LEN", IPv6 only */
static int acl_parse_slash(struct acl_parser *ps, const char *w,
			   struct acl_prefix *p)
{
	char buf[INET6_ADDRSTRLEN + 8];
	unsigned long len;
	char *slash;

	if (ps->list == AF_INET || strlen(w) >= sizeof(buf) ||
	    (!ps->list && !strchr(w, ':')))
		return acl_fail(ps, "'%s': IPv4 addresses take a wildcard "
				"mask (10.0.0.0 0.0.0.255), not a prefix "
				"length", w);
	strcpy(buf, w);
	slash = strchr(buf, '/');
	*slash = '\0';
	if (inet_pton(AF_INET6, buf, &p->addr) != 1 ||
	    !acl_number(slash + 1, 128, &len))
		return acl_fail(ps, "'%s' is not an IPv6 prefix (PREFIX/LEN, "
				"LEN 0-128)", w);
	p->len = (uint8_t)len;
	acl_prefix_mask(p, AF_INET6);
	return acl_set_family(ps, AF_INET6);
}

/* the length of a contiguous wildcard mask, or -1 */
static int acl_wildcard_len(struct in_addr wild)
{
	uint32_t w = ntohl(wild.s_addr);

	if (w & (w + 1))
		return -1;
	return 32 - __builtin_popcount(w);
}

/* "ADDRESS WILDCARD", IPv4 only */
static int acl_parse_wildcard(struct acl_parser *ps, const char *w,
			      struct acl_prefix *p)
{
	const char *m;
	struct in_addr wild;
	int family = acl_pton(ps, w, &p->addr), len;

	if (family == AF_INET6)
		return acl_fail(ps, "'%s' needs a prefix length (%s/128 for "
				"one host, or host %s)", w, w, w);
	if (!family)
		return acl_fail(ps, "'%s' is not any, host ADDRESS or %s", w,
				ps->list == AF_INET6 ? "PREFIX/LEN" :
				ps->list ? "ADDRESS WILDCARD" :
				"ADDRESS WILDCARD (IPv4) or PREFIX/LEN (IPv6)");
	m = acl_next(ps);
	if (!m || inet_pton(AF_INET, m, &wild) != 1)
		return acl_fail(ps, "'%s' needs a wildcard mask after it "
				"(0.0.0.255 for a /24; host %s for one host)",
				w, w);
	len = acl_wildcard_len(wild);
	if (len < 0)
		return acl_fail(ps, "wildcard mask %s is not contiguous: "
				"flexvti matches prefixes only", m);
	p->len = (uint8_t)len;
	acl_prefix_mask(p, AF_INET);
	return acl_set_family(ps, AF_INET);
}

/* "any4" or "any6" of mixed lists */
static int acl_parse_any_of(struct acl_parser *ps, const char *w)
{
	if (ps->list)
		return acl_fail(ps, "'%s' is for mixed lists: write 'any'", w);
	return acl_set_family(ps, w[3] == '6' ? AF_INET6 : AF_INET);
}

static int acl_parse_prefix(struct acl_parser *ps, struct acl_prefix *p,
			    const char *what)
{
	const char *w = acl_next(ps);

	memset(p, 0, sizeof(*p));
	if (!w)
		return acl_fail(ps, "missing %s address", what);
	if (!strcasecmp(w, "any"))
		return 0;
	if (!strcasecmp(w, "any4") || !strcasecmp(w, "any6"))
		return acl_parse_any_of(ps, w);
	if (!strcasecmp(w, "host"))
		return acl_parse_host(ps, p);
	if (strchr(w, '/'))
		return acl_parse_slash(ps, w, p);
	return acl_parse_wildcard(ps, w, p);
}

static const struct acl_port_name *acl_port_names(const struct acl_rule *r,
						  size_t *n)
{
	if (r->proto == IPPROTO_TCP) {
		*n = ARRAY_SIZE(acl_tcp_ports);
		return acl_tcp_ports;
	}
	if (r->proto == IPPROTO_UDP) {
		*n = ARRAY_SIZE(acl_udp_ports);
		return acl_udp_ports;
	}
	*n = 0;
	return NULL;
}

static int acl_parse_port(struct acl_parser *ps, const char *op,
			  uint16_t *port)
{
	const struct acl_port_name *names;
	const char *w = acl_next(ps);
	unsigned long v;
	size_t i, n;

	if (!w)
		return acl_fail(ps, "'%s' needs a port", op);
	if (acl_number(w, 65535, &v)) {
		*port = (uint16_t)v;
		return 0;
	}
	names = acl_port_names(ps->r, &n);
	for (i = 0; i < n; i++) {
		if (!strcasecmp(w, names[i].name)) {
			*port = names[i].port;
			return 0;
		}
	}
	return acl_fail(ps, "'%s' is not a port number (0-65535)%s", w,
			n ? " or a port name of the protocol" : "");
}

static bool acl_is_port_op(const char *w)
{
	static const char *const ops[] = { "eq", "lt", "gt", "range", "neq" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ops); i++)
		if (!strcasecmp(w, ops[i]))
			return true;
	return false;
}

/* the value(s) after the operator @op into [*min, *max] */
static int acl_parse_port_op(struct acl_parser *ps, const char *op,
			     uint16_t *min, uint16_t *max)
{
	uint16_t a, b;

	if (!strcasecmp(op, "neq"))
		return acl_fail(ps, "'neq' is not one port range: deny the "
				"port in a rule of its own before the rule "
				"for the others");
	if (acl_parse_port(ps, op, &a))
		return -EINVAL;
	if (!strcasecmp(op, "eq")) {
		*min = *max = a;
	} else if (!strcasecmp(op, "lt")) {
		if (!a)
			return acl_fail(ps, "'lt 0' matches no port");
		*min = 0;
		*max = a - 1;
	} else if (!strcasecmp(op, "gt")) {
		if (a == 65535)
			return acl_fail(ps, "'gt 65535' matches no port");
		*min = a + 1;
		*max = 65535;
	} else {
		if (acl_parse_port(ps, op, &b))
			return -EINVAL;
		if (a > b)
			return acl_fail(ps, "'range %u %u': the first port is "
					"above the second", a, b);
		*min = a;
		*max = b;
	}
	return 0;
}

/* an optional PORT-SPEC after an address */
static int acl_parse_ports(struct acl_parser *ps, uint16_t *min,
			   uint16_t *max)
{
	const char *w = acl_peek(ps);

	if (!w || !acl_is_port_op(w))
		return 0;
	ps->i++;
	if (!acl_has_ports(ps->r))
		return acl_fail(ps, "'%s': port matches need protocol tcp, "
				"udp or sctp", w);
	return acl_parse_port_op(ps, w, min, max);
}

static const struct acl_icmp_name *acl_icmp_names(int family, size_t *n)
{
	if (family == AF_INET6) {
		*n = ARRAY_SIZE(acl_icmp6_names);
		return acl_icmp6_names;
	}
	*n = ARRAY_SIZE(acl_icmp4_names);
	return acl_icmp4_names;
}

static int acl_parse_icmp_number(struct acl_parser *ps, const char *w,
				 const char *what, int16_t *v)
{
	unsigned long n;

	if (!acl_number(w, 255, &n))
		return acl_fail(ps, "ICMP %s %s is out of range 0-255", what,
				w);
	*v = (int16_t)n;
	return 0;
}

/* an optional ICMP-TYPE [CODE] or ICMP-MESSAGE after the destination */
static int acl_parse_icmp(struct acl_parser *ps)
{
	const struct acl_icmp_name *names;
	struct acl_rule *r = ps->r;
	const char *w = acl_peek(ps);
	size_t i, n;

	if (!w || !acl_is_icmp(r))
		return 0;
	if (acl_digits(w)) {
		ps->i++;
		if (acl_parse_icmp_number(ps, w, "type", &r->icmp_type))
			return -EINVAL;
		w = acl_peek(ps);
		if (!w || !acl_digits(w))
			return 0;
		ps->i++;
		return acl_parse_icmp_number(ps, w, "code", &r->icmp_code);
	}
	names = acl_icmp_names(r->family, &n);
	for (i = 0; i < n; i++) {
		if (!strcasecmp(w, names[i].name)) {
			r->icmp_type = names[i].type;
			r->icmp_code = names[i].code;
			ps->i++;
			return 0;
		}
	}
	return 0;
}

/* what may follow: "log" (ignored), refusals with their reason */
static int acl_parse_trailer(struct acl_parser *ps)
{
	const char *w;
	size_t i;

	while ((w = acl_next(ps))) {
		if (!strcasecmp(w, "log") || !strcasecmp(w, "log-input"))
			continue;
		if (!strcasecmp(w, "established"))
			return acl_fail(ps, "'established' cannot be enforced: "
					"flexvti filters without connection "
					"state (permit the return traffic by "
					"its ports)");
		for (i = 0; i < ARRAY_SIZE(acl_unsupported); i++)
			if (!strcasecmp(w, acl_unsupported[i]))
				return acl_fail(ps, "'%s' is not supported", w);
		return acl_fail(ps, "unexpected '%s'", w);
	}
	return 0;
}

/**
 * acl_rule_parse - read a rule in IOS extended access-list syntax
 * @argc: number of words
 * @argv: the words after the sequence number: permit|deny PROTOCOL
 *	SOURCE [PORT-SPEC] DESTINATION [PORT-SPEC] [ICMP-TYPE [CODE] |
 *	ICMP-MESSAGE] [log]
 * @family: the list's family: AF_INET ("ip access-list extended"),
 *	AF_INET6 ("ipv6 access-list") or AF_UNSPEC (a mixed list, whose
 *	rules may be of either family or match both)
 * @r: receives the rule; its hits are 0
 * @why: receives the reason on failure, naming the word at fault; it
 *	stays valid until the next call in the same thread
 *
 * PROTOCOL: ip (IPv4 lists, mixed lists: any protocol), ipv6 (IPv6 and
 * mixed lists), icmp (ICMPv6 in IPv6 lists), icmpv6 (IPv6 and mixed
 * lists), tcp, udp, sctp, gre, esp, ahp, ospf, eigrp, pim, igmp, or a
 * number 0-255.  SOURCE and DESTINATION: any, host ADDRESS, ADDRESS
 * WILDCARD (IPv4; the wildcard must be contiguous), PREFIX/LEN (IPv6);
 * any4 and any6 in mixed lists.  Bits below the prefix are cleared, as
 * IOS does.  PORT-SPEC (tcp, udp, sctp, protocol 136): eq P, lt P, gt P,
 * range A B, with P a number or, for tcp and udp, an IOS port name; neq
 * is refused.  ICMP-TYPE and CODE are 0-255.  "log" is accepted and
 * ignored (the kernel keeps hit counters, not logs); "established" and
 * other matches of IOS the kernel cannot make are refused.  Keywords
 * are case-insensitive.
 *
 * Return: 0, or -EINVAL with the reason in *@why.
 */
int acl_rule_parse(int argc, char **argv, int family, struct acl_rule *r,
		   const char **why)
{
	struct acl_parser ps = {
		.argc = argc, .argv = argv, .list = family, .r = r, .why = why,
	};

	acl_rule_init(r, 0, family);
	if (acl_parse_action(&ps) || acl_parse_proto(&ps) ||
	    acl_parse_prefix(&ps, &r->src, "source") ||
	    acl_parse_ports(&ps, &r->sport_min, &r->sport_max) ||
	    acl_parse_prefix(&ps, &r->dst, "destination") ||
	    acl_parse_ports(&ps, &r->dport_min, &r->dport_max) ||
	    acl_parse_icmp(&ps) || acl_parse_trailer(&ps))
		return -EINVAL;
	return 0;
}

/**
 * acl_rule_parse_text - read a rule from a string
 * @text: the rule, its words separated by blanks (a RADIUS
 *	"ip:inacl#N=..." value, one argument of flexvtictl)
 * @family: as for acl_rule_parse()
 * @r: receives the rule
 * @why: receives the reason on failure, as for acl_rule_parse()
 *
 * Return: 0, or -EINVAL with the reason in *@why.
 */
int acl_rule_parse_text(const char *text, int family, struct acl_rule *r,
			const char **why)
{
	char buf[ACL_TEXT_MAX], *words[ACL_WORDS_MAX], *s, *save;
	int n = 0;

	if (strlen(text) >= sizeof(buf)) {
		snprintf(acl_why, sizeof(acl_why),
			 "the rule is longer than %d bytes", ACL_TEXT_MAX - 1);
		*why = acl_why;
		return -EINVAL;
	}
	strcpy(buf, text);
	for (s = strtok_r(buf, " \t\r\n", &save); s;
	     s = strtok_r(NULL, " \t\r\n", &save)) {
		if (n == ACL_WORDS_MAX) {
			snprintf(acl_why, sizeof(acl_why),
				 "the rule has more than %d words",
				 ACL_WORDS_MAX);
			*why = acl_why;
			return -EINVAL;
		}
		words[n++] = s;
	}
	return acl_rule_parse(n, words, family, r, why);
}

/* "ADDRESS" alone in a standard list: that host (IOS) */
static bool acl_std_host(const struct acl_parser *ps)
{
	const char *w = acl_peek(ps), *m;
	struct in_addr a;

	if (!w || inet_pton(AF_INET, w, &a) != 1)
		return false;
	m = ps->i + 1 < ps->argc ? ps->argv[ps->i + 1] : NULL;
	return !m || inet_pton(AF_INET, m, &a) != 1;
}

/**
 * acl_rule_parse_standard - read a rule in IOS standard access-list syntax
 * @argc: number of words
 * @argv: the words after the sequence number: permit|deny SOURCE [log]
 * @r: receives the rule: an IPv4 rule of any protocol from SOURCE to any
 *	destination; its hits are 0
 * @why: receives the reason on failure, as for acl_rule_parse()
 *
 * SOURCE: any, host ADDRESS, ADDRESS WILDCARD (contiguous), or ADDRESS
 * alone for that host, as in IOS.  "log" and "log-input" are accepted
 * and ignored.
 *
 * Return: 0, or -EINVAL with the reason in *@why.
 */
int acl_rule_parse_standard(int argc, char **argv, struct acl_rule *r,
			    const char **why)
{
	struct acl_parser ps = {
		.argc = argc, .argv = argv, .list = AF_INET, .r = r,
		.why = why,
	};

	acl_rule_init(r, 0, AF_INET);
	if (acl_parse_action(&ps))
		return -EINVAL;
	if (acl_std_host(&ps)) {
		inet_pton(AF_INET, acl_next(&ps), &r->src.addr.v4);
		r->src.len = 32;
	} else if (acl_parse_prefix(&ps, &r->src, "source")) {
		return -EINVAL;
	}
	return acl_parse_trailer(&ps) ? -EINVAL : 0;
}

/**
 * struct acl_out - a buffer being printed to
 * @buf: the buffer
 * @len: its size
 * @off: bytes the text has so far, maybe more than fit
 */
struct acl_out {
	char *buf;
	size_t len;
	size_t off;
};

static __printf(2, 3) void acl_put(struct acl_out *o, const char *fmt, ...)
{
	bool room = o->off < o->len;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(room ? o->buf + o->off : NULL,
		      room ? o->len - o->off : 0, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->off += (size_t)n;
}

static const char *acl_proto_name(int proto)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(acl_protos); i++)
		if (acl_protos[i].proto == proto)
			return acl_protos[i].name;
	return NULL;
}

static void acl_put_proto(struct acl_out *o, const struct acl_rule *r,
			  bool mixed)
{
	const char *name = acl_proto_name(r->proto);

	if (r->proto < 0)
		acl_put(o, " %s", r->family == AF_INET6 ? "ipv6" : "ip");
	else if (acl_is_icmp(r))
		acl_put(o, " %s", mixed && r->family == AF_INET6 ?
			"icmpv6" : "icmp");
	else if (name)
		acl_put(o, " %s", name);
	else
		acl_put(o, " %d", r->proto);
}

/* in a mixed list, whether the protocol says the rule's family */
static bool acl_family_evident(const struct acl_rule *r)
{
	return (r->proto < 0 && r->family == AF_INET6) || acl_is_icmp(r);
}

static void acl_put_prefix(struct acl_out *o, const struct acl_rule *r,
			   const struct acl_prefix *p, bool mixed)
{
	char a[INET6_ADDRSTRLEN], m[INET_ADDRSTRLEN];
	struct in_addr wild;

	if (!p->len) {
		if (mixed && r->family && !acl_family_evident(r))
			acl_put(o, " any%c", r->family == AF_INET ? '4' : '6');
		else
			acl_put(o, " any");
		return;
	}
	inet_ntop(r->family, &p->addr, a, sizeof(a));
	if (p->len == (r->family == AF_INET ? 32 : 128)) {
		acl_put(o, " host %s", a);
	} else if (r->family == AF_INET6) {
		acl_put(o, " %s/%u", a, p->len);
	} else {
		wild.s_addr = htonl(0xffffffffu >> p->len);
		inet_ntop(AF_INET, &wild, m, sizeof(m));
		acl_put(o, " %s %s", a, m);
	}
}

static void acl_put_port(struct acl_out *o, const struct acl_rule *r,
			 unsigned int port)
{
	const struct acl_port_name *names;
	size_t i, n;

	names = acl_port_names(r, &n);
	for (i = 0; i < n; i++) {
		if (names[i].port == port) {
			acl_put(o, " %s", names[i].name);
			return;
		}
	}
	acl_put(o, " %u", port);
}

static void acl_put_ports(struct acl_out *o, const struct acl_rule *r,
			  unsigned int min, unsigned int max)
{
	if (min == 0 && max == 65535)
		return;
	if (min == max) {
		acl_put(o, " eq");
		acl_put_port(o, r, min);
	} else if (!min) {
		acl_put(o, " lt");
		acl_put_port(o, r, max + 1);
	} else if (max == 65535) {
		acl_put(o, " gt");
		acl_put_port(o, r, min - 1);
	} else {
		acl_put(o, " range");
		acl_put_port(o, r, min);
		acl_put_port(o, r, max);
	}
}

static void acl_put_icmp(struct acl_out *o, const struct acl_rule *r)
{
	const struct acl_icmp_name *names;
	size_t i, n;

	if (r->icmp_type < 0)
		return;
	names = acl_icmp_names(r->family, &n);
	for (i = 0; i < n; i++) {
		if (names[i].type == r->icmp_type &&
		    names[i].code == r->icmp_code) {
			acl_put(o, " %s", names[i].name);
			return;
		}
	}
	acl_put(o, " %d", r->icmp_type);
	if (r->icmp_code >= 0)
		acl_put(o, " %d", r->icmp_code);
}

static int acl_format(const struct acl_rule *r, char *buf, size_t len,
		      bool mixed)
{
	struct acl_out o = { .buf = buf, .len = len };

	acl_put(&o, "%s", r->action == FLEXVTI_ACL_DENY ? "deny" : "permit");
	acl_put_proto(&o, r, mixed);
	acl_put_prefix(&o, r, &r->src, mixed);
	acl_put_ports(&o, r, r->sport_min, r->sport_max);
	acl_put_prefix(&o, r, &r->dst, mixed);
	acl_put_ports(&o, r, r->dport_min, r->dport_max);
	acl_put_icmp(&o, r);
	return o.off < len ? (int)o.off : -ENOSPC;
}

/**
 * acl_rule_format - print a rule in the syntax of its list
 * @r: the rule; its family says the list's: AF_INET as in "ip
 *	access-list extended", AF_INET6 as in "ipv6 access-list", 0 as a
 *	mixed list
 * @buf: receives the text, NUL-terminated, without a newline
 * @len: size of @buf; ACL_RULE_TEXT_MAX is always enough
 *
 * acl_rule_parse() of the text with the same family gives the rule back.
 * Ports and ICMP messages print with their IOS names where the tables
 * here have one.
 *
 * Return: the length of the text, or -ENOSPC when it did not fit.
 */
int acl_rule_format(const struct acl_rule *r, char *buf, size_t len)
{
	return acl_format(r, buf, len, r->family == AF_UNSPEC);
}

/**
 * acl_rule_format_standard - print a rule in the syntax of a standard list
 * @r: an IPv4 rule of any protocol to any destination, as
 *	acl_rule_parse_standard() makes
 * @buf: receives the text, NUL-terminated: "permit|deny SOURCE"
 * @len: size of @buf; ACL_RULE_TEXT_MAX is always enough
 *
 * Return: the length of the text, or -ENOSPC when it did not fit.
 */
int acl_rule_format_standard(const struct acl_rule *r, char *buf, size_t len)
{
	struct acl_out o = { .buf = buf, .len = len };

	acl_put(&o, "%s", r->action == FLEXVTI_ACL_DENY ? "deny" : "permit");
	acl_put_prefix(&o, r, &r->src, false);
	return o.off < len ? (int)o.off : -ENOSPC;
}

/**
 * acl_rule_format_mixed - print a rule in the syntax of a mixed list
 * @r: the rule, of any family
 * @buf: receives the text, NUL-terminated
 * @len: size of @buf
 *
 * As acl_rule_format(), but a rule of one family says so when its
 * protocol does not ("permit tcp any4 any eq www", "permit ipv6 any
 * any", "permit icmpv6 any any echo-request"), so that acl_rule_parse()
 * with AF_UNSPEC gives it back: the form of "flexvtictl acl show".
 *
 * Return: the length of the text, or -ENOSPC when it did not fit.
 */
int acl_rule_format_mixed(const struct acl_rule *r, char *buf, size_t len)
{
	return acl_format(r, buf, len, true);
}

static bool acl_prefix_equal(const struct acl_prefix *a,
			     const struct acl_prefix *b, int family)
{
	size_t n = family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;

	return a->len == b->len && !memcmp(&a->addr, &b->addr, n);
}

/**
 * acl_rule_equal - whether two rules match the same packets alike
 * @a: a rule
 * @b: another
 *
 * Return: true when every field but the hit counter is the same.
 */
bool acl_rule_equal(const struct acl_rule *a, const struct acl_rule *b)
{
	return a->action == b->action && a->family == b->family &&
	       a->proto == b->proto &&
	       acl_prefix_equal(&a->src, &b->src, a->family) &&
	       acl_prefix_equal(&a->dst, &b->dst, a->family) &&
	       a->sport_min == b->sport_min && a->sport_max == b->sport_max &&
	       a->dport_min == b->dport_min && a->dport_max == b->dport_max &&
	       a->icmp_type == b->icmp_type && a->icmp_code == b->icmp_code;
}

/**
 * acl_rate_parse - read a rate or size with an optional decimal suffix
 * @s: digits, then maybe k, M or G (case-insensitive): 10^3, 10^6, 10^9
 * @min: least value accepted
 * @max: largest value accepted
 * @v: receives the value
 *
 * "2M" is 2000000, "1500" is 1500; no sign, no blanks, no fraction.
 *
 * Return: 0, -EINVAL when @s is not such a number, or -ERANGE when it is
 * outside @min to @max.
 */
int acl_rate_parse(const char *s, uint64_t min, uint64_t max, uint64_t *v)
{
	uint64_t n = 0, mult = 1;
	const char *p = s;

	if (!isdigit((unsigned char)*p))
		return -EINVAL;
	for (; isdigit((unsigned char)*p); p++) {
		if (n > (UINT64_MAX - 9) / 10)
			return -ERANGE;
		n = n * 10 + (uint64_t)(*p - '0');
	}
	if (*p && p[1])
		return -EINVAL;
	switch (*p) {
	case '\0':
		break;
	case 'k':
	case 'K':
		mult = 1000ULL;
		break;
	case 'm':
	case 'M':
		mult = 1000000ULL;
		break;
	case 'g':
	case 'G':
		mult = 1000000000ULL;
		break;
	default:
		return -EINVAL;
	}
	if (n > UINT64_MAX / mult)
		return -ERANGE;
	n *= mult;
	if (n < min || n > max)
		return -ERANGE;
	*v = n;
	return 0;
}

static __printf(3, 4) int acl_err(char *err, size_t errlen,
				  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/* "name NAME" at @argv[*i]: copied to @name, *i moved past it */
static int acl_args_name(int argc, char **argv, int *i, char *name,
			 char *err, size_t errlen)
{
	if (*i + 1 >= argc)
		return acl_err(err, errlen, "name needs a value");
	if (strlen(argv[*i + 1]) > FLEXVTI_NAME_MAX)
		return acl_err(err, errlen, "name '%s' is longer than %d bytes",
			       argv[*i + 1], FLEXVTI_NAME_MAX);
	strcpy(name, argv[*i + 1]);
	*i += 2;
	return 0;
}

/* the words of @argc arguments, each maybe several words, in @buf */
static int acl_args_words(int argc, char **argv, char **buf, char ***words)
{
	size_t len = 1;
	char *s, *save;
	int i, n = 0;

	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	*buf = malloc(len);
	*words = calloc(len, sizeof(**words));
	if (!*buf || !*words)
		return -ENOMEM;
	**buf = '\0';
	for (i = 0; i < argc; i++) {
		strcat(*buf, argv[i]);
		strcat(*buf, " ");
	}
	for (s = strtok_r(*buf, " \t\r\n", &save); s;
	     s = strtok_r(NULL, " \t\r\n", &save))
		(*words)[n++] = s;
	return n;
}

static bool acl_starts_rule(const char *w)
{
	return !strcasecmp(w, "permit") || !strcasecmp(w, "deny");
}

/* the rules in @n words, each starting at "permit" or "deny" */
static int acl_args_rules(int n, char **words, struct acl *acl, char *err,
			  size_t errlen)
{
	const char *why;
	int i, end;

	if (!acl_starts_rule(words[0]))
		return acl_err(err, errlen, "'%s': a rule starts with permit "
			       "or deny", words[0]);
	acl->rules = calloc(FLEXVTI_ACL_MAX_RULES, sizeof(*acl->rules));
	if (!acl->rules)
		return acl_err(err, errlen, "out of memory");
	for (i = 0; i < n; i = end) {
		for (end = i + 1; end < n && !acl_starts_rule(words[end]);
		     end++)
			;
		if (acl->nrules == FLEXVTI_ACL_MAX_RULES)
			return acl_err(err, errlen, "more than %d rules",
				       FLEXVTI_ACL_MAX_RULES);
		if (acl_rule_parse(end - i, words + i, AF_UNSPEC,
				   &acl->rules[acl->nrules], &why))
			return acl_err(err, errlen, "rule %u: %s",
				       acl->nrules + 1, why);
		acl->nrules++;
	}
	return 0;
}

/**
 * acl_parse_args - read the list of "flexvtictl acl set"
 * @argc: number of arguments
 * @argv: "none", or [name NAME] RULE...: the rules of a mixed list
 *	(acl_rule_parse() with AF_UNSPEC), each starting at "permit" or
 *	"deny"; a rule may be one argument or several, an argument may hold
 *	several rules
 * @acl: receives the list; no rules for "none" (detach).  Should be
 *	zeroed by the caller; free it with acl_free(), also on failure.
 * @err: receives the reason on failure, naming the rule (1 for the first)
 * @errlen: size of @err
 *
 * Return: 0, or -EINVAL with the reason in @err.
 */
int acl_parse_args(int argc, char **argv, struct acl *acl, char *err,
		   size_t errlen)
{
	char *buf = NULL, **words = NULL;
	int i = 0, n, ret;

	if (argc == 1 && !strcasecmp(argv[0], "none"))
		return 0;
	if (argc && !strcasecmp(argv[0], "name") &&
	    acl_args_name(argc, argv, &i, acl->name, err, errlen))
		return -EINVAL;
	n = acl_args_words(argc - i, argv + i, &buf, &words);
	if (n < 0)
		ret = acl_err(err, errlen, "out of memory");
	else if (!n)
		ret = acl_err(err, errlen, "no rules (or none to detach)");
	else
		ret = acl_args_rules(n, words, acl, err, errlen);
	free(words);
	free(buf);
	return ret;
}

static int acl_args_rate(const char *s, struct acl_policer *p, char *err,
			 size_t errlen)
{
	int ret = acl_rate_parse(s, ACL_POLICER_RATE_MIN,
				 ACL_POLICER_RATE_MAX, &p->rate);

	if (ret == -ERANGE)
		return acl_err(err, errlen, "rate %s is out of range %llu-%llu "
			       "bit/s", s, ACL_POLICER_RATE_MIN,
			       ACL_POLICER_RATE_MAX);
	if (ret)
		return acl_err(err, errlen, "rate '%s' is not a number of "
			       "bit/s (maybe with k, M or G)", s);
	return 0;
}

static int acl_args_burst(const char *s, struct acl_policer *p, char *err,
			  size_t errlen)
{
	uint64_t v;
	int ret = acl_rate_parse(s, ACL_POLICER_BURST_MIN,
				 ACL_POLICER_BURST_MAX, &v);

	if (ret == -ERANGE)
		return acl_err(err, errlen, "burst %s is out of range %u-%u "
			       "bytes", s, ACL_POLICER_BURST_MIN,
			       ACL_POLICER_BURST_MAX);
	if (ret)
		return acl_err(err, errlen, "burst '%s' is not a number of "
			       "bytes (maybe with k or M)", s);
	p->burst = (uint32_t)v;
	return 0;
}

/**
 * acl_policer_parse_args - read the policer of "flexvtictl police set"
 * @argc: number of arguments
 * @argv: "none", or RATE [BURST] [name NAME]: RATE in bit/s, 8000 to
 *	10^12, BURST in bytes, 1500 to 2^30, both decimal numbers with an
 *	optional k, M or G (10^3, 10^6, 10^9; see acl_rate_parse())
 * @p: receives the policer; rate 0 for "none" (detach), burst 0 when not
 *	given (the kernel's default).  Should be zeroed by the caller.
 * @err: receives the reason on failure
 * @errlen: size of @err
 *
 * Return: 0, or -EINVAL with the reason in @err.
 */
int acl_policer_parse_args(int argc, char **argv, struct acl_policer *p,
			   char *err, size_t errlen)
{
	int i = 1;

	if (!argc)
		return acl_err(err, errlen, "missing rate (or none to detach)");
	if (argc == 1 && !strcasecmp(argv[0], "none"))
		return 0;
	if (acl_args_rate(argv[0], p, err, errlen))
		return -EINVAL;
	if (i < argc && strcasecmp(argv[i], "name") &&
	    acl_args_burst(argv[i++], p, err, errlen))
		return -EINVAL;
	if (i < argc && !strcasecmp(argv[i], "name") &&
	    acl_args_name(argc, argv, &i, p->name, err, errlen))
		return -EINVAL;
	if (i < argc)
		return acl_err(err, errlen, "unexpected '%s'", argv[i]);
	return 0;
}

/**
 * acl_free - free the rules of a list
 * @acl: the list; its rules are freed and its count set to 0
 */
void acl_free(struct acl *acl)
{
	free(acl->rules);
	acl->rules = NULL;
	acl->nrules = 0;
}
