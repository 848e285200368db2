// SPDX-License-Identifier: GPL-2.0-only
/*
 * Access lists and policers of flexvti interfaces over generic netlink:
 * the nests of a dev-set request that attach or detach them, all four in
 * one request so that they change together, the nests of dev-get replies
 * (name, rule count, counters) and acl-get replies (the rules with their
 * hits), and the text of "flexvtictl acl show".
 *
 * A rule on the wire (enum flexvti_acl_rule_a) leaves out what matches
 * anything: no FAMILY for a rule of both families, no PROTO for any
 * protocol, no SRC or DST for "any", no port attributes for all ports,
 * no ICMP attributes for any type or code.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <linux/flexvti.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include "json.h"
#include "kern_acl.h"
#include "kern_nl.h"
#include "util.h"

/* bytes of an attribute of @n bytes of payload, padded */
#define KERN_ACL_ATTR(n)	(NLA_HDRLEN + NLA_ALIGN(n))
/* bytes of one rule's nest at most: every attribute of a request */
#define KERN_ACL_RULE_SIZE	(NLA_HDRLEN + KERN_ACL_ATTR(4) + \
				 2 * KERN_ACL_ATTR(1) + \
				 2 * (KERN_ACL_ATTR(16) + KERN_ACL_ATTR(1)) + \
				 4 * KERN_ACL_ATTR(2) + 2 * KERN_ACL_ATTR(1))
/* bytes of a list's or policer's nest besides its rules */
#define KERN_ACL_NEST_SIZE	(NLA_HDRLEN + \
				 KERN_ACL_ATTR(FLEXVTI_NAME_MAX + 1) + \
				 2 * KERN_ACL_ATTR(8))

static const int kern_acl_types[ACL_NDIRS] = {
	[ACL_DIR_IN] = FLEXVTI_A_ACL_IN,
	[ACL_DIR_OUT] = FLEXVTI_A_ACL_OUT,
};

static const int kern_policer_types[ACL_NDIRS] = {
	[ACL_DIR_IN] = FLEXVTI_A_POLICER_IN,
	[ACL_DIR_OUT] = FLEXVTI_A_POLICER_OUT,
};

/**
 * kern_acl_dir_name - a direction as the CLI spells it
 * @dir: enum acl_dir
 *
 * Return: "in", "out" or "unknown".
 */
const char *kern_acl_dir_name(int dir)
{
	return dir == ACL_DIR_IN ? "in" : dir == ACL_DIR_OUT ? "out" :
	       "unknown";
}

static int kern_acl_prefix_put(struct nl_msg *msg, int type, int len_type,
			       const struct acl_rule *r,
			       const struct acl_prefix *p)
{
	int bytes = r->family == AF_INET ? 4 : 16;

	if (!p->len)
		return 0;
	if (nla_put(msg, type, bytes, &p->addr) ||
	    nla_put_u8(msg, len_type, p->len))
		return -ENOMEM;
	return 0;
}

static int kern_acl_ports_put(struct nl_msg *msg, int min_type,
			      uint16_t min, uint16_t max)
{
	if (min == 0 && max == 65535)
		return 0;
	/* the MAX attribute follows its MIN in the enum */
	if (nla_put_u16(msg, min_type, min) ||
	    nla_put_u16(msg, min_type + 1, max))
		return -ENOMEM;
	return 0;
}

static int kern_acl_icmp_put(struct nl_msg *msg, const struct acl_rule *r)
{
	if (r->icmp_type >= 0 &&
	    nla_put_u8(msg, FLEXVTI_ACL_RULE_A_ICMP_TYPE,
		       (uint8_t)r->icmp_type))
		return -ENOMEM;
	if (r->icmp_type >= 0 && r->icmp_code >= 0 &&
	    nla_put_u8(msg, FLEXVTI_ACL_RULE_A_ICMP_CODE,
		       (uint8_t)r->icmp_code))
		return -ENOMEM;
	return 0;
}

static int kern_acl_rule_put(struct nl_msg *msg, const struct acl_rule *r)
{
	struct nlattr *nest = nla_nest_start(msg, FLEXVTI_ACL_A_RULE);

	if (!nest || nla_put_u32(msg, FLEXVTI_ACL_RULE_A_ACTION, r->action) ||
	    (r->family &&
	     nla_put_u8(msg, FLEXVTI_ACL_RULE_A_FAMILY, r->family)) ||
	    (r->proto >= 0 &&
	     nla_put_u8(msg, FLEXVTI_ACL_RULE_A_PROTO, (uint8_t)r->proto)))
		return -ENOMEM;
	if (r->family &&
	    (kern_acl_prefix_put(msg, FLEXVTI_ACL_RULE_A_SRC,
				 FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN, r,
				 &r->src) ||
	     kern_acl_prefix_put(msg, FLEXVTI_ACL_RULE_A_DST,
				 FLEXVTI_ACL_RULE_A_DST_PREFIX_LEN, r,
				 &r->dst)))
		return -ENOMEM;
	if (kern_acl_ports_put(msg, FLEXVTI_ACL_RULE_A_SPORT_MIN,
			       r->sport_min, r->sport_max) ||
	    kern_acl_ports_put(msg, FLEXVTI_ACL_RULE_A_DPORT_MIN,
			       r->dport_min, r->dport_max) ||
	    kern_acl_icmp_put(msg, r))
		return -ENOMEM;
	nla_nest_end(msg, nest);
	return 0;
}

/**
 * kern_acl_put - add an access list to a request
 * @msg: the request, after its genl header
 * @type: FLEXVTI_A_ACL_IN or FLEXVTI_A_ACL_OUT
 * @acl: the list: its name (when not "") and rules in order; without
 *	rules, an empty nest, which detaches the direction's list
 *
 * Return: 0, -E2BIG for more than FLEXVTI_ACL_MAX_RULES rules, or
 * -ENOMEM when the message is full.
 */
int kern_acl_put(struct nl_msg *msg, int type, const struct acl *acl)
{
	struct nlattr *nest;
	unsigned int i;

	if (acl->nrules > FLEXVTI_ACL_MAX_RULES)
		return -E2BIG;
	nest = nla_nest_start(msg, type);
	if (!nest)
		return -ENOMEM;
	if (acl->nrules && acl->name[0] &&
	    nla_put_string(msg, FLEXVTI_ACL_A_NAME, acl->name))
		return -ENOMEM;
	for (i = 0; i < acl->nrules; i++)
		if (kern_acl_rule_put(msg, &acl->rules[i]))
			return -ENOMEM;
	/* libnl's nla_nest_end() would drop the empty nest of a detach */
	nla_nest_end_keep_empty(msg, nest);
	return 0;
}

/**
 * kern_policer_put - add a policer to a request
 * @msg: the request, after its genl header
 * @type: FLEXVTI_A_POLICER_IN or FLEXVTI_A_POLICER_OUT
 * @p: the policer: name (when not ""), rate and burst (when not 0); rate
 *	0 gives an empty nest, which detaches the direction's policer
 *
 * Return: 0, or -ENOMEM when the message is full.
 */
int kern_policer_put(struct nl_msg *msg, int type,
		     const struct acl_policer *p)
{
	struct nlattr *nest = nla_nest_start(msg, type);

	if (!nest)
		return -ENOMEM;
	if (p->rate &&
	    ((p->name[0] &&
	      nla_put_string(msg, FLEXVTI_POLICER_A_NAME, p->name)) ||
	     nla_put_u64(msg, FLEXVTI_POLICER_A_RATE, p->rate) ||
	     (p->burst &&
	      nla_put_u32(msg, FLEXVTI_POLICER_A_BURST, p->burst))))
		return -ENOMEM;
	nla_nest_end_keep_empty(msg, nest);
	return 0;
}

/**
 * kern_acl_set_put - add the attributes of a dev-set of filters
 * @msg: the request, after its genl header
 * @s: the interface and the lists and policers to change
 *
 * Return: 0, -E2BIG for a list of too many rules, or -ENOMEM when the
 * message is full.
 */
int kern_acl_set_put(struct nl_msg *msg, const struct kern_acl_set *s)
{
	int dir, err;

	if (nla_put_u32(msg, FLEXVTI_A_IFINDEX, s->ifindex))
		return -ENOMEM;
	for (dir = 0; dir < ACL_NDIRS; dir++) {
		if (s->acl[dir]) {
			err = kern_acl_put(msg, kern_acl_types[dir],
					   s->acl[dir]);
			if (err)
				return err;
		}
		if (s->policer[dir] &&
		    kern_policer_put(msg, kern_policer_types[dir],
				     s->policer[dir]))
			return -ENOMEM;
	}
	return 0;
}

/**
 * kern_acl_set_size - room a dev-set of filters needs at most
 * @s: what kern_acl_set_put() will add
 *
 * Return: bytes of the message, headers included.
 */
size_t kern_acl_set_size(const struct kern_acl_set *s)
{
	size_t size = NLMSG_HDRLEN + GENL_HDRLEN + NLA_HDRLEN + 4;
	int dir;

	for (dir = 0; dir < ACL_NDIRS; dir++) {
		if (s->acl[dir])
			size += KERN_ACL_NEST_SIZE +
				(size_t)s->acl[dir]->nrules *
				KERN_ACL_RULE_SIZE;
		if (s->policer[dir])
			size += KERN_ACL_NEST_SIZE;
	}
	return size;
}

static const struct nla_policy
kern_acl_rule_policy[FLEXVTI_ACL_RULE_A_MAX + 1] = {
	[FLEXVTI_ACL_RULE_A_ACTION]	= { .type = NLA_U32 },
	[FLEXVTI_ACL_RULE_A_FAMILY]	= { .type = NLA_U8 },
	[FLEXVTI_ACL_RULE_A_PROTO]	= { .type = NLA_U8 },
	[FLEXVTI_ACL_RULE_A_SRC]	= { .minlen = 4, .maxlen = 16 },
	[FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN] = { .type = NLA_U8 },
	[FLEXVTI_ACL_RULE_A_DST]	= { .minlen = 4, .maxlen = 16 },
	[FLEXVTI_ACL_RULE_A_DST_PREFIX_LEN] = { .type = NLA_U8 },
	[FLEXVTI_ACL_RULE_A_SPORT_MIN]	= { .type = NLA_U16 },
	[FLEXVTI_ACL_RULE_A_SPORT_MAX]	= { .type = NLA_U16 },
	[FLEXVTI_ACL_RULE_A_DPORT_MIN]	= { .type = NLA_U16 },
	[FLEXVTI_ACL_RULE_A_DPORT_MAX]	= { .type = NLA_U16 },
	[FLEXVTI_ACL_RULE_A_ICMP_TYPE]	= { .type = NLA_U8 },
	[FLEXVTI_ACL_RULE_A_ICMP_CODE]	= { .type = NLA_U8 },
	[FLEXVTI_ACL_RULE_A_HITS]	= { .type = NLA_U64 },
};

static int kern_acl_prefix_get(struct nlattr *a, struct nlattr *len,
			       int family, struct acl_prefix *p)
{
	int bytes = family == AF_INET ? 4 : 16;

	if (!a)
		return 0;
	if (!family || nla_len(a) != bytes)
		return -EINVAL;
	memcpy(&p->addr, nla_data(a), (size_t)bytes);
	p->len = len ? nla_get_u8(len) : (uint8_t)(bytes * 8);
	return p->len > bytes * 8 ? -EINVAL : 0;
}

static void kern_acl_ports_get(struct nlattr **tb, int min_type,
			       uint16_t *min, uint16_t *max)
{
	if (!tb[min_type])
		return;
	*min = nla_get_u16(tb[min_type]);
	*max = tb[min_type + 1] ? nla_get_u16(tb[min_type + 1]) : *min;
}

static int kern_acl_rule_get(struct nlattr *nest, struct acl_rule *r)
{
	struct nlattr *tb[FLEXVTI_ACL_RULE_A_MAX + 1];
	int family;

	if (nla_parse_nested(tb, FLEXVTI_ACL_RULE_A_MAX, nest,
			     kern_acl_rule_policy) ||
	    !tb[FLEXVTI_ACL_RULE_A_ACTION])
		return -EINVAL;
	family = tb[FLEXVTI_ACL_RULE_A_FAMILY] ?
		 nla_get_u8(tb[FLEXVTI_ACL_RULE_A_FAMILY]) : 0;
	if (family && family != AF_INET && family != AF_INET6)
		return -EINVAL;
	acl_rule_init(r, (uint8_t)nla_get_u32(tb[FLEXVTI_ACL_RULE_A_ACTION]),
		      family);
	if (tb[FLEXVTI_ACL_RULE_A_PROTO])
		r->proto = nla_get_u8(tb[FLEXVTI_ACL_RULE_A_PROTO]);
	if (kern_acl_prefix_get(tb[FLEXVTI_ACL_RULE_A_SRC],
				tb[FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN], family,
				&r->src) ||
	    kern_acl_prefix_get(tb[FLEXVTI_ACL_RULE_A_DST],
				tb[FLEXVTI_ACL_RULE_A_DST_PREFIX_LEN], family,
				&r->dst))
		return -EINVAL;
	kern_acl_ports_get(tb, FLEXVTI_ACL_RULE_A_SPORT_MIN, &r->sport_min,
			   &r->sport_max);
	kern_acl_ports_get(tb, FLEXVTI_ACL_RULE_A_DPORT_MIN, &r->dport_min,
			   &r->dport_max);
	if (tb[FLEXVTI_ACL_RULE_A_ICMP_TYPE])
		r->icmp_type = nla_get_u8(tb[FLEXVTI_ACL_RULE_A_ICMP_TYPE]);
	if (tb[FLEXVTI_ACL_RULE_A_ICMP_CODE])
		r->icmp_code = nla_get_u8(tb[FLEXVTI_ACL_RULE_A_ICMP_CODE]);
	if (tb[FLEXVTI_ACL_RULE_A_HITS])
		r->hits = nla_get_u64(tb[FLEXVTI_ACL_RULE_A_HITS]);
	return 0;
}

static unsigned int kern_acl_count_rules(struct nlattr *nest)
{
	unsigned int n = 0;
	struct nlattr *a;
	int rem;

	nla_for_each_nested(a, nest, rem)
		if (nla_type(a) == FLEXVTI_ACL_A_RULE)
			n++;
	return n;
}

/* the rules of @nest into @acl->rules, allocated */
static int kern_acl_rules_get(struct nlattr *nest, struct acl *acl)
{
	unsigned int n = kern_acl_count_rules(nest);
	struct nlattr *a;
	int rem;

	if (!n)
		return 0;
	if (n > FLEXVTI_ACL_MAX_RULES)
		return -EINVAL;
	acl->rules = calloc(n, sizeof(*acl->rules));
	if (!acl->rules)
		return -ENOMEM;
	nla_for_each_nested(a, nest, rem) {
		if (nla_type(a) != FLEXVTI_ACL_A_RULE)
			continue;
		if (kern_acl_rule_get(a, &acl->rules[acl->nrules])) {
			acl_free(acl);
			return -EINVAL;
		}
		acl->nrules++;
	}
	return 0;
}

static const struct nla_policy kern_acl_policy[FLEXVTI_ACL_A_MAX + 1] = {
	[FLEXVTI_ACL_A_NAME]		= { .type = NLA_STRING },
	[FLEXVTI_ACL_A_RULE]		= { .type = NLA_NESTED },
	[FLEXVTI_ACL_A_RULE_COUNT]	= { .type = NLA_U32 },
	[FLEXVTI_ACL_A_DENY_HITS]	= { .type = NLA_U64 },
};

/**
 * kern_acl_parse - read an access list from a reply's nest
 * @nest: FLEXVTI_A_ACL_IN or FLEXVTI_A_ACL_OUT of a dev-get or acl-get
 *	reply (or of a request, as the tests read them)
 * @acl: receives the name, the rules with their hits (allocated: free
 *	them with acl_free()) and the implicit deny's hits
 * @count: receives FLEXVTI_ACL_A_RULE_COUNT when the nest has it (a
 *	dev-get reply, without the rules), else the number of rules; may
 *	be NULL
 *
 * Return: 0, -EINVAL when the nest is malformed (on which @acl holds no
 * rules), or -ENOMEM.
 */
int kern_acl_parse(struct nlattr *nest, struct acl *acl, uint32_t *count)
{
	struct nlattr *tb[FLEXVTI_ACL_A_MAX + 1];
	int err;

	memset(acl, 0, sizeof(*acl));
	if (nla_parse_nested(tb, FLEXVTI_ACL_A_MAX, nest, kern_acl_policy))
		return -EINVAL;
	if (tb[FLEXVTI_ACL_A_NAME])
		nla_strlcpy(acl->name, tb[FLEXVTI_ACL_A_NAME],
			    sizeof(acl->name));
	if (tb[FLEXVTI_ACL_A_DENY_HITS])
		acl->deny_hits = nla_get_u64(tb[FLEXVTI_ACL_A_DENY_HITS]);
	err = kern_acl_rules_get(nest, acl);
	if (err)
		return err;
	if (count)
		*count = tb[FLEXVTI_ACL_A_RULE_COUNT] ?
			 nla_get_u32(tb[FLEXVTI_ACL_A_RULE_COUNT]) :
			 acl->nrules;
	return 0;
}

static const struct nla_policy
kern_policer_policy[FLEXVTI_POLICER_A_MAX + 1] = {
	[FLEXVTI_POLICER_A_NAME]		= { .type = NLA_STRING },
	[FLEXVTI_POLICER_A_RATE]		= { .type = NLA_U64 },
	[FLEXVTI_POLICER_A_BURST]		= { .type = NLA_U32 },
	[FLEXVTI_POLICER_A_CONFORM_PACKETS]	= { .type = NLA_U64 },
	[FLEXVTI_POLICER_A_CONFORM_BYTES]	= { .type = NLA_U64 },
	[FLEXVTI_POLICER_A_EXCEED_PACKETS]	= { .type = NLA_U64 },
	[FLEXVTI_POLICER_A_EXCEED_BYTES]	= { .type = NLA_U64 },
};

static uint64_t kern_acl_u64(struct nlattr *a)
{
	return a ? nla_get_u64(a) : 0;
}

/**
 * kern_policer_parse - read a policer from a reply's nest
 * @nest: FLEXVTI_A_POLICER_IN or FLEXVTI_A_POLICER_OUT
 * @p: receives the name, rate, burst and counters; those absent are 0
 *
 * Return: 0, or -EINVAL when the nest is malformed.
 */
int kern_policer_parse(struct nlattr *nest, struct acl_policer *p)
{
	struct nlattr *tb[FLEXVTI_POLICER_A_MAX + 1];

	memset(p, 0, sizeof(*p));
	if (nla_parse_nested(tb, FLEXVTI_POLICER_A_MAX, nest,
			     kern_policer_policy))
		return -EINVAL;
	if (tb[FLEXVTI_POLICER_A_NAME])
		nla_strlcpy(p->name, tb[FLEXVTI_POLICER_A_NAME],
			    sizeof(p->name));
	p->rate = kern_acl_u64(tb[FLEXVTI_POLICER_A_RATE]);
	if (tb[FLEXVTI_POLICER_A_BURST])
		p->burst = nla_get_u32(tb[FLEXVTI_POLICER_A_BURST]);
	p->conform_packets =
		kern_acl_u64(tb[FLEXVTI_POLICER_A_CONFORM_PACKETS]);
	p->conform_bytes = kern_acl_u64(tb[FLEXVTI_POLICER_A_CONFORM_BYTES]);
	p->exceed_packets = kern_acl_u64(tb[FLEXVTI_POLICER_A_EXCEED_PACKETS]);
	p->exceed_bytes = kern_acl_u64(tb[FLEXVTI_POLICER_A_EXCEED_BYTES]);
	return 0;
}

/**
 * kern_acl_dev_parse - read the lists and policers of a dev-get reply
 * @tb: the reply's attributes, by enum flexvti_a
 * @d: receives per direction the list's name, rule count and implicit
 *	deny hits, the policer with its counters, and their
 *	KERN_DEV_HAS_ACL() and KERN_DEV_HAS_POLICER() bits
 *
 * Return: 0, -EINVAL when a nest is malformed, or -ENOMEM.
 */
int kern_acl_dev_parse(struct nlattr **tb, struct kern_dev *d)
{
	struct kern_dev_acl *da;
	struct acl acl;
	int dir, err;

	for (dir = 0; dir < ACL_NDIRS; dir++) {
		if (tb[kern_acl_types[dir]]) {
			da = &d->acl[dir];
			err = kern_acl_parse(tb[kern_acl_types[dir]], &acl,
					     &da->nrules);
			acl_free(&acl);
			if (err)
				return err;
			memcpy(da->name, acl.name, sizeof(da->name));
			da->deny_hits = acl.deny_hits;
			d->has |= KERN_DEV_HAS_ACL(dir);
		}
		if (tb[kern_policer_types[dir]]) {
			if (kern_policer_parse(tb[kern_policer_types[dir]],
					       &d->policer[dir]))
				return -EINVAL;
			d->has |= KERN_DEV_HAS_POLICER(dir);
		}
	}
	return 0;
}

/**
 * kern_acl_lists_parse - read an acl-get reply
 * @msg: the reply
 * @l: receives the interface and its lists (free with
 *	kern_acl_lists_free(), also after a failure)
 *
 * Return: 0, -EINVAL when the reply is malformed, or -ENOMEM.
 */
int kern_acl_lists_parse(struct nl_msg *msg, struct kern_acl_lists *l)
{
	struct nlattr *tb[FLEXVTI_A_MAX + 1];
	int dir, err;

	memset(l, 0, sizeof(*l));
	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, FLEXVTI_A_MAX, NULL))
		return -EINVAL;
	if (tb[FLEXVTI_A_IFINDEX] && nla_len(tb[FLEXVTI_A_IFINDEX]) == 4)
		l->ifindex = nla_get_u32(tb[FLEXVTI_A_IFINDEX]);
	if (tb[FLEXVTI_A_IFNAME])
		nla_strlcpy(l->ifname, tb[FLEXVTI_A_IFNAME],
			    sizeof(l->ifname));
	for (dir = 0; dir < ACL_NDIRS; dir++) {
		if (!tb[kern_acl_types[dir]])
			continue;
		err = kern_acl_parse(tb[kern_acl_types[dir]], &l->acl[dir],
				     NULL);
		if (err)
			return err;
		l->present[dir] = true;
	}
	return 0;
}

/**
 * kern_acl_lists_free - free the rules of an acl-get reply
 * @l: what kern_acl_lists_parse() filled
 */
void kern_acl_lists_free(struct kern_acl_lists *l)
{
	int dir;

	for (dir = 0; dir < ACL_NDIRS; dir++)
		acl_free(&l->acl[dir]);
}

static void kern_acl_print_json(FILE *f, const struct acl *acl)
{
	char text[ACL_RULE_TEXT_MAX];
	unsigned int i;

	if (!acl) {
		fputs("null", f);
		return;
	}
	fputs("{\"name\":", f);
	json_print_str(f, acl->name);
	fputs(",\"rules\":[", f);
	for (i = 0; i < acl->nrules; i++) {
		if (acl_rule_format_mixed(&acl->rules[i], text,
					  sizeof(text)) < 0)
			text[0] = '\0';
		fprintf(f, "%s{\"seq\":%u,\"rule\":", i ? "," : "",
			(i + 1) * 10);
		json_print_str(f, text);
		fprintf(f, ",\"matches\":%" PRIu64 "}", acl->rules[i].hits);
	}
	fprintf(f, "],\"implicit_deny_matches\":%" PRIu64 "}",
		acl->deny_hits);
}

/**
 * kern_acl_print - print one direction's access list, as IOS shows one
 * @f: where to
 * @acl: the list from an acl-get reply, or NULL when none is attached
 * @ifname: the interface's name
 * @dir: enum acl_dir
 * @json: a JSON value instead of text
 *
 * Text: "Access list NAME (va1 in)" (without NAME for an unnamed list),
 * then per rule "    SEQ RULE (N matches)" with SEQ 10, 20, ... in the
 * order of evaluation and RULE as acl_rule_format_mixed() prints it,
 * then "    implicit deny (N matches)"; without a list "No access list
 * (va1 in)".  JSON: null without a list, else an object with "name",
 * "rules" (an array of objects with "seq", "rule" and "matches") and
 * "implicit_deny_matches".
 */
void kern_acl_print(FILE *f, const struct acl *acl, const char *ifname,
		    int dir, bool json)
{
	char text[ACL_RULE_TEXT_MAX];
	unsigned int i;

	if (json) {
		kern_acl_print_json(f, acl);
		return;
	}
	if (!acl) {
		fprintf(f, "No access list (%s %s)\n", ifname,
			kern_acl_dir_name(dir));
		return;
	}
	fprintf(f, "Access list%s%s (%s %s)\n", acl->name[0] ? " " : "",
		acl->name, ifname, kern_acl_dir_name(dir));
	for (i = 0; i < acl->nrules; i++) {
		if (acl_rule_format_mixed(&acl->rules[i], text,
					  sizeof(text)) < 0)
			text[0] = '\0';
		fprintf(f, "    %u %s (%" PRIu64 " matches)\n", (i + 1) * 10,
			text, acl->rules[i].hits);
	}
	fprintf(f, "    implicit deny (%" PRIu64 " matches)\n",
		acl->deny_hits);
}

/**
 * kern_acl_lists_print - print both access lists of an interface
 * @f: where to
 * @l: the lists, as read from an acl-get reply
 * @json: one JSON object instead of text
 *
 * Text: kern_acl_print() of the inbound list, then of the outbound one.
 * JSON: an object with "ifname", "ifindex", "in" and "out", the last two
 * as kern_acl_print() prints them.
 */
void kern_acl_lists_print(FILE *f, const struct kern_acl_lists *l,
			  bool json)
{
	int dir;

	if (json) {
		fputs("{\"ifname\":", f);
		json_print_str(f, l->ifname);
		fprintf(f, ",\"ifindex\":%u", l->ifindex);
	}
	for (dir = 0; dir < ACL_NDIRS; dir++) {
		if (json)
			fprintf(f, ",\"%s\":", kern_acl_dir_name(dir));
		kern_acl_print(f, l->present[dir] ? &l->acl[dir] : NULL,
			       l->ifname, dir, json);
	}
	if (json)
		fputc('}', f);
}

static struct nl_msg *kern_acl_msg_new(struct kern_nl *nl, uint8_t cmd,
				       size_t size)
{
	struct nl_msg *msg = nlmsg_alloc_size(size);

	if (msg && !genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, nl->family, 0,
				0, cmd, FLEXVTI_FAMILY_VERSION)) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return msg;
}

/**
 * kern_nl_acl_set - attach or detach access lists and policers
 * @nl: the socket
 * @s: the interface and what to change; directions left NULL keep their
 *	list or policer, and its counters
 *
 * One dev-set request: the kernel changes all of it or nothing.
 *
 * Return: 0, -E2BIG for a list of too many rules, or a negative errno as
 * kern_nl_transact() (the kernel's reason in nl->extack).
 */
int kern_nl_acl_set(struct kern_nl *nl, const struct kern_acl_set *s)
{
	struct nl_msg *msg;
	int err;

	msg = kern_acl_msg_new(nl, FLEXVTI_CMD_DEV_SET, kern_acl_set_size(s));
	if (!msg)
		return -ENOMEM;
	err = kern_acl_set_put(msg, s);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return kern_nl_transact(nl, msg, NULL, NULL);
}

static int kern_nl_acl_reply(struct nl_msg *msg, void *arg)
{
	struct kern_acl_lists *l = arg;

	kern_acl_lists_free(l);
	return kern_acl_lists_parse(msg, l);
}

/**
 * kern_nl_acl_get - read the access lists of an interface with their hits
 * @nl: the socket
 * @ifindex: the interface
 * @l: receives them (free with kern_acl_lists_free(), also on failure)
 *
 * Return: 0 or a negative errno, as kern_nl_transact().
 */
int kern_nl_acl_get(struct kern_nl *nl, uint32_t ifindex,
		    struct kern_acl_lists *l)
{
	struct nl_msg *msg;

	memset(l, 0, sizeof(*l));
	msg = kern_nl_msg_new(nl, FLEXVTI_CMD_ACL_GET, 0);
	if (!msg)
		return -ENOMEM;
	if (nla_put_u32(msg, FLEXVTI_A_IFINDEX, ifindex)) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	/* a reply with two full lists is larger than a page */
	nl_socket_enable_msg_peek(nl->sk);
	return kern_nl_transact(nl, msg, kern_nl_acl_reply, l);
}
