// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti: access lists of virtual-access interfaces.
 *
 * An access list is an ordered list of rules, each permitting or denying
 * packets by address family, protocol, source and destination prefix,
 * TCP/UDP/SCTP/UDP-Lite port ranges and ICMP type and code.  The first
 * rule that matches decides; a packet no rule matches is dropped (the
 * implicit deny of IOS "ip access-list extended").  Every rule and the
 * implicit deny count the packets they decided, per CPU.
 *
 * Lists judge IPv4 and IPv6 packets only: a gre-mode interface's MPLS
 * packets pass a list untouched and uncounted, as IOS IP access lists
 * do not see labelled packets.
 *
 * Packets are read with skb_header_pointer() and never changed.  A rule
 * with ports or ICMP fields matches only a packet whose transport header
 * is there: not a non-first fragment, nor a truncated packet.  Rules
 * without them match on the IP header alone, fragments included.
 */

#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/if_ether.h>
#include <linux/inetdevice.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/percpu.h>
#include <linux/sctp.h>
#include <linux/slab.h>
#include <linux/stringify.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "acl.h"
#include "device.h"
#include "stats.h"

static const struct nla_policy flexvti_acl_rule_policy[FLEXVTI_ACL_RULE_A_MAX + 1] = {
	[FLEXVTI_ACL_RULE_A_ACTION]		=
		NLA_POLICY_RANGE(NLA_U32, FLEXVTI_ACL_PERMIT,
				 FLEXVTI_ACL_ACTION_MAX),
	[FLEXVTI_ACL_RULE_A_FAMILY]		= { .type = NLA_U8 },
	[FLEXVTI_ACL_RULE_A_PROTO]		= { .type = NLA_U8 },
	[FLEXVTI_ACL_RULE_A_SRC]		= NLA_POLICY_RANGE(NLA_BINARY,
								   4, 16),
	[FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN]	= NLA_POLICY_MAX(NLA_U8, 128),
	[FLEXVTI_ACL_RULE_A_DST]		= NLA_POLICY_RANGE(NLA_BINARY,
								   4, 16),
	[FLEXVTI_ACL_RULE_A_DST_PREFIX_LEN]	= NLA_POLICY_MAX(NLA_U8, 128),
	[FLEXVTI_ACL_RULE_A_SPORT_MIN]		= { .type = NLA_U16 },
	[FLEXVTI_ACL_RULE_A_SPORT_MAX]		= { .type = NLA_U16 },
	[FLEXVTI_ACL_RULE_A_DPORT_MIN]		= { .type = NLA_U16 },
	[FLEXVTI_ACL_RULE_A_DPORT_MAX]		= { .type = NLA_U16 },
	[FLEXVTI_ACL_RULE_A_ICMP_TYPE]		= { .type = NLA_U8 },
	[FLEXVTI_ACL_RULE_A_ICMP_CODE]		= { .type = NLA_U8 },
	[FLEXVTI_ACL_RULE_A_HITS]		= {
		.type = NLA_REJECT,
		.reject_message = "rule hits are read-only",
	},
};

const struct nla_policy flexvti_acl_policy[FLEXVTI_ACL_A_MAX + 1] = {
	[FLEXVTI_ACL_A_NAME]		= { .type = NLA_STRING,
					    .len = FLEXVTI_NAME_MAX },
	[FLEXVTI_ACL_A_RULE]		=
		NLA_POLICY_NESTED(flexvti_acl_rule_policy),
	[FLEXVTI_ACL_A_RULE_COUNT]	= {
		.type = NLA_REJECT,
		.reject_message = "the rule count is read-only",
	},
	[FLEXVTI_ACL_A_DENY_HITS]	= {
		.type = NLA_REJECT,
		.reject_message = "the implicit deny's hits are read-only",
	},
};

/* bytes of an address of @family */
static unsigned int flexvti_acl_addr_len(u8 family)
{
	return family == AF_INET ? sizeof(__be32) : sizeof(struct in6_addr);
}

/* does @addr fall in the prefix @pfx/@len of @family? */
static bool flexvti_acl_prefix_match(u8 family,
				     const union flexvti_acl_addr *pfx,
				     u8 len, const union flexvti_acl_addr *addr)
{
	if (family == AF_INET)
		return !((addr->v4 ^ pfx->v4) & inet_make_mask(len));
	return ipv6_prefix_equal(&addr->v6, &pfx->v6, len);
}

static int flexvti_acl_family_parse(struct nlattr **tb,
				    struct flexvti_acl_rule *r,
				    struct netlink_ext_ack *extack)
{
	struct nlattr *attr = tb[FLEXVTI_ACL_RULE_A_FAMILY];

	if (!attr)
		return 0;
	r->family = nla_get_u8(attr);
	if (r->family != AF_INET && r->family != AF_INET6) {
		FLEXVTI_ERR_ATTR(extack, attr,
				 "the rule's family must be AF_INET or AF_INET6");
		return -EINVAL;
	}
	return 0;
}

/* a source or destination prefix: the address, then its length */
static int flexvti_acl_prefix_parse(struct nlattr *addr, struct nlattr *len,
				    struct flexvti_acl_rule *r,
				    union flexvti_acl_addr *pfx, u8 *plen,
				    struct netlink_ext_ack *extack)
{
	unsigned int alen = flexvti_acl_addr_len(r->family);
	union flexvti_acl_addr masked = {};

	if (!addr) {
		if (len) {
			FLEXVTI_ERR_ATTR(extack, len,
					 "prefix length without an address");
			return -EINVAL;
		}
		return 0;
	}
	if (!r->family) {
		FLEXVTI_ERR_ATTR(extack, addr,
				 "an address prefix needs the rule's family");
		return -EINVAL;
	}
	if (nla_len(addr) != alen) {
		FLEXVTI_ERR_ATTR(extack, addr,
				 "address length does not match the rule's family");
		return -EINVAL;
	}
	*plen = len ? nla_get_u8(len) : alen * 8;
	if (*plen > alen * 8) {
		FLEXVTI_ERR_ATTR(extack, len,
				 "prefix length longer than the family's addresses");
		return -EINVAL;
	}
	nla_memcpy(pfx, addr, alen);
	if (r->family == AF_INET)
		masked.v4 = pfx->v4 & inet_make_mask(*plen);
	else
		ipv6_addr_prefix(&masked.v6, &pfx->v6, *plen);
	if (memcmp(&masked, pfx, alen)) {
		FLEXVTI_ERR_ATTR(extack, addr, "host bits set in the prefix");
		return -EINVAL;
	}
	return 0;
}

static bool flexvti_acl_proto_has_ports(const struct flexvti_acl_rule *r)
{
	if (!(r->has & FLEXVTI_ACL_F_PROTO))
		return false;
	return r->proto == IPPROTO_TCP || r->proto == IPPROTO_UDP ||
	       r->proto == IPPROTO_SCTP || r->proto == IPPROTO_UDPLITE;
}

/* one port range; *min and *max are left alone when @amin is absent */
static int flexvti_acl_range_parse(struct nlattr *amin, struct nlattr *amax,
				   const struct flexvti_acl_rule *r,
				   u16 *min, u16 *max,
				   struct netlink_ext_ack *extack)
{
	if (!amin) {
		if (amax) {
			FLEXVTI_ERR_ATTR(extack, amax,
					 "highest port without a lowest port");
			return -EINVAL;
		}
		return 0;
	}
	if (!flexvti_acl_proto_has_ports(r)) {
		FLEXVTI_ERR_ATTR(extack, amin,
				 "ports need protocol TCP, UDP, SCTP or UDP-Lite");
		return -EINVAL;
	}
	*min = nla_get_u16(amin);
	*max = amax ? nla_get_u16(amax) : *min;
	if (*min > *max) {
		FLEXVTI_ERR_ATTR(extack, amax,
				 "lowest port above the highest port");
		return -EINVAL;
	}
	return 0;
}

static int flexvti_acl_ports_parse(struct nlattr **tb,
				   struct flexvti_acl_rule *r,
				   struct netlink_ext_ack *extack)
{
	int err;

	err = flexvti_acl_range_parse(tb[FLEXVTI_ACL_RULE_A_SPORT_MIN],
				      tb[FLEXVTI_ACL_RULE_A_SPORT_MAX], r,
				      &r->sport_min, &r->sport_max, extack);
	if (err)
		return err;
	if (tb[FLEXVTI_ACL_RULE_A_SPORT_MIN])
		r->has |= FLEXVTI_ACL_F_SPORT;
	err = flexvti_acl_range_parse(tb[FLEXVTI_ACL_RULE_A_DPORT_MIN],
				      tb[FLEXVTI_ACL_RULE_A_DPORT_MAX], r,
				      &r->dport_min, &r->dport_max, extack);
	if (err)
		return err;
	if (tb[FLEXVTI_ACL_RULE_A_DPORT_MIN])
		r->has |= FLEXVTI_ACL_F_DPORT;
	return 0;
}

/* ICMP fields need ICMP with AF_INET or ICMPv6 with AF_INET6 */
static int flexvti_acl_icmp_parse(struct nlattr **tb,
				  struct flexvti_acl_rule *r,
				  struct netlink_ext_ack *extack)
{
	struct nlattr *type = tb[FLEXVTI_ACL_RULE_A_ICMP_TYPE];
	struct nlattr *code = tb[FLEXVTI_ACL_RULE_A_ICMP_CODE];
	u8 proto = r->family == AF_INET ? IPPROTO_ICMP : IPPROTO_ICMPV6;

	if (!type) {
		if (code) {
			FLEXVTI_ERR_ATTR(extack, code,
					 "ICMP code without an ICMP type");
			return -EINVAL;
		}
		return 0;
	}
	if (!r->family) {
		FLEXVTI_ERR_ATTR(extack, type,
				 "ICMP fields need the rule's family");
		return -EINVAL;
	}
	if (!(r->has & FLEXVTI_ACL_F_PROTO) || r->proto != proto) {
		FLEXVTI_ERR_ATTR(extack, type,
				 "ICMP fields need protocol ICMP (AF_INET) or ICMPv6 (AF_INET6)");
		return -EINVAL;
	}
	r->has |= FLEXVTI_ACL_F_ICMP_TYPE;
	r->icmp_type = nla_get_u8(type);
	if (code) {
		r->has |= FLEXVTI_ACL_F_ICMP_CODE;
		r->icmp_code = nla_get_u8(code);
	}
	return 0;
}

static int flexvti_acl_addrs_parse(struct nlattr **tb,
				   struct flexvti_acl_rule *r,
				   struct netlink_ext_ack *extack)
{
	int err;

	err = flexvti_acl_prefix_parse(tb[FLEXVTI_ACL_RULE_A_SRC],
				       tb[FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN],
				       r, &r->src, &r->src_len, extack);
	if (err)
		return err;
	if (tb[FLEXVTI_ACL_RULE_A_SRC])
		r->has |= FLEXVTI_ACL_F_SRC;
	err = flexvti_acl_prefix_parse(tb[FLEXVTI_ACL_RULE_A_DST],
				       tb[FLEXVTI_ACL_RULE_A_DST_PREFIX_LEN],
				       r, &r->dst, &r->dst_len, extack);
	if (err)
		return err;
	if (tb[FLEXVTI_ACL_RULE_A_DST])
		r->has |= FLEXVTI_ACL_F_DST;
	return 0;
}

static int flexvti_acl_rule_parse(struct nlattr *nest,
				  struct flexvti_acl_rule *r,
				  struct netlink_ext_ack *extack)
{
	struct nlattr *tb[FLEXVTI_ACL_RULE_A_MAX + 1];
	int err;

	err = nla_parse_nested(tb, FLEXVTI_ACL_RULE_A_MAX, nest,
			       flexvti_acl_rule_policy, extack);
	if (err)
		return err;
	if (NL_REQ_ATTR_CHECK(extack, nest, tb, FLEXVTI_ACL_RULE_A_ACTION)) {
		FLEXVTI_ERR_ATTR(extack, nest, "rule without an action");
		return -EINVAL;
	}
	r->action = nla_get_u32(tb[FLEXVTI_ACL_RULE_A_ACTION]);
	if (tb[FLEXVTI_ACL_RULE_A_PROTO]) {
		r->has |= FLEXVTI_ACL_F_PROTO;
		r->proto = nla_get_u8(tb[FLEXVTI_ACL_RULE_A_PROTO]);
	}
	err = flexvti_acl_family_parse(tb, r, extack);
	if (!err)
		err = flexvti_acl_addrs_parse(tb, r, extack);
	if (!err)
		err = flexvti_acl_ports_parse(tb, r, extack);
	if (!err)
		err = flexvti_acl_icmp_parse(tb, r, extack);
	return err;
}

/* rules in @nest, or -E2BIG with extack at the first one too many */
static int flexvti_acl_count_rules(const struct nlattr *nest,
				   struct netlink_ext_ack *extack)
{
	struct nlattr *attr;
	int n = 0, rem;

	nla_for_each_nested(attr, nest, rem) {
		if (nla_type(attr) != FLEXVTI_ACL_A_RULE)
			continue;
		if (++n > FLEXVTI_ACL_MAX_RULES) {
			FLEXVTI_ERR_ATTR(extack, attr,
					 "an access list has at most "
					 __stringify(FLEXVTI_ACL_MAX_RULES)
					 " rules");
			return -E2BIG;
		}
	}
	return n;
}

static void flexvti_acl_free(struct flexvti_acl *acl)
{
	free_percpu(acl->hits);
	kvfree(acl);
}

static struct flexvti_acl *flexvti_acl_alloc(unsigned int nrules)
{
	struct flexvti_acl_hits *hits;
	struct flexvti_acl *acl;
	int cpu;

	acl = kvzalloc(struct_size(acl, rules, nrules), GFP_KERNEL);
	if (!acl)
		return NULL;
	acl->hits = __alloc_percpu(struct_size(hits, n, nrules + 1),
				   __alignof__(struct flexvti_acl_hits));
	if (!acl->hits) {
		kvfree(acl);
		return NULL;
	}
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(acl->hits, cpu)->syncp);
	kref_init(&acl->ref);
	acl->nrules = nrules;
	return acl;
}

/**
 * flexvti_acl_create - build an access list from its netlink form
 * @nest: FLEXVTI_A_ACL_IN or FLEXVTI_A_ACL_OUT, already validated against
 *	flexvti_acl_policy
 * @extack: receives the reason of a rejection, naming the attribute
 *
 * Checks what the policy cannot: the rule count, and within each rule
 * the attributes that need others (prefixes and ICMP fields need the
 * family, ports a protocol with ports, ICMP fields the family's ICMP),
 * prefix lengths, host bits and port ranges.
 *
 * Context: process context; allocates with GFP_KERNEL.
 * Return: the list with one reference; NULL for a nest without rules,
 * which means "no list"; or an ERR_PTR: -EINVAL, -E2BIG (too many rules),
 * -ENOMEM.
 */
struct flexvti_acl *flexvti_acl_create(const struct nlattr *nest,
				       struct netlink_ext_ack *extack)
{
	struct nlattr *tb[FLEXVTI_ACL_A_MAX + 1];
	struct flexvti_acl *acl;
	struct nlattr *attr;
	int n, rem, err;

	err = nla_parse_nested(tb, FLEXVTI_ACL_A_MAX, nest,
			       flexvti_acl_policy, extack);
	if (err)
		return ERR_PTR(err);
	n = flexvti_acl_count_rules(nest, extack);
	if (n <= 0)
		return n ? ERR_PTR(n) : NULL;
	acl = flexvti_acl_alloc(n);
	if (!acl)
		return ERR_PTR(-ENOMEM);
	if (tb[FLEXVTI_ACL_A_NAME])
		nla_strscpy(acl->name, tb[FLEXVTI_ACL_A_NAME],
			    sizeof(acl->name));
	n = 0;
	nla_for_each_nested(attr, nest, rem) {
		if (nla_type(attr) != FLEXVTI_ACL_A_RULE)
			continue;
		err = flexvti_acl_rule_parse(attr, &acl->rules[n++], extack);
		if (err) {
			flexvti_acl_free(acl);
			return ERR_PTR(err);
		}
	}
	return acl;
}

static void flexvti_acl_release(struct kref *ref)
{
	flexvti_acl_free(container_of(ref, struct flexvti_acl, ref));
}

/**
 * flexvti_acl_put - drop a reference to an access list
 * @acl: the list, or NULL
 *
 * The last reference frees it at once: by then no policy, and so no
 * packet, can reach it.
 *
 * Context: any but hard irq.
 */
void flexvti_acl_put(struct flexvti_acl *acl)
{
	if (acl)
		kref_put(&acl->ref, flexvti_acl_release);
}

/**
 * struct flexvti_acl_key - what the rules look at in a packet
 * @src: source address
 * @dst: destination address
 * @family: AF_INET or AF_INET6
 * @proto: IP protocol or IPv6 upper-layer protocol, if @proto_ok
 * @proto_ok: the protocol is known (IPv6 extension headers were parsed)
 * @l4: what @sport and @dport or @icmp_type and @icmp_code hold:
 *	IPPROTO_TCP for ports (of TCP, UDP, SCTP or UDP-Lite), IPPROTO_ICMP
 *	for ICMP or ICMPv6 fields, 0 for nothing
 * @sport: source port
 * @dport: destination port
 * @icmp_type: ICMP or ICMPv6 type
 * @icmp_code: ICMP or ICMPv6 code
 */
struct flexvti_acl_key {
	union flexvti_acl_addr src;
	union flexvti_acl_addr dst;
	u8 family;
	u8 proto;
	bool proto_ok;
	u8 l4;
	u16 sport;
	u16 dport;
	u8 icmp_type;
	u8 icmp_code;
};

/* bytes of transport header a rule needs of @proto; 0 if it reads none */
static unsigned int flexvti_acl_l4_len(u8 family, u8 proto)
{
	switch (proto) {
	case IPPROTO_TCP:
		return sizeof(struct tcphdr);
	case IPPROTO_UDP:
	case IPPROTO_UDPLITE:
		return sizeof(struct udphdr);
	case IPPROTO_SCTP:
		return sizeof(struct sctphdr);
	case IPPROTO_ICMP:
		return family == AF_INET ? sizeof(struct icmphdr) : 0;
	case IPPROTO_ICMPV6:
		return family == AF_INET6 ? sizeof(struct icmp6hdr) : 0;
	}
	return 0;
}

/*
 * The ports or ICMP type and code from the transport header at @off, if
 * the whole header is in the packet.  All port protocols start with the
 * source and destination ports; ICMP and ICMPv6 with type and code.
 */
static void flexvti_acl_key_l4(const struct sk_buff *skb, int off,
			       struct flexvti_acl_key *k)
{
	unsigned int len = flexvti_acl_l4_len(k->family, k->proto);
	u8 buf[sizeof(struct tcphdr)];
	const u8 *h;

	if (!len)
		return;
	h = skb_header_pointer(skb, off, len, buf);
	if (!h)
		return;
	if (k->proto == IPPROTO_ICMP || k->proto == IPPROTO_ICMPV6) {
		k->l4 = IPPROTO_ICMP;
		k->icmp_type = h[0];
		k->icmp_code = h[1];
	} else {
		k->l4 = IPPROTO_TCP;
		k->sport = h[0] << 8 | h[1];
		k->dport = h[2] << 8 | h[3];
	}
}

static bool flexvti_acl_key4(const struct sk_buff *skb,
			     struct flexvti_acl_key *k)
{
	int off = skb_network_offset(skb);
	const struct iphdr *iph;
	struct iphdr _iph;

	iph = skb_header_pointer(skb, off, sizeof(_iph), &_iph);
	if (!iph || iph->ihl < 5)
		return false;
	k->family = AF_INET;
	k->src.v4 = iph->saddr;
	k->dst.v4 = iph->daddr;
	k->proto = iph->protocol;
	k->proto_ok = true;
	if (!(iph->frag_off & htons(IP_OFFSET)))
		flexvti_acl_key_l4(skb, off + iph->ihl * 4, k);
	return true;
}

static bool flexvti_acl_key6(const struct sk_buff *skb,
			     struct flexvti_acl_key *k)
{
	int off = skb_network_offset(skb);
	const struct ipv6hdr *ip6h;
	const struct frag_hdr *fh;
	struct ipv6hdr _ip6h;
	struct frag_hdr _fh;
	__be16 frag;
	u8 proto;

	ip6h = skb_header_pointer(skb, off, sizeof(_ip6h), &_ip6h);
	if (!ip6h)
		return false;
	k->family = AF_INET6;
	k->src.v6 = ip6h->saddr;
	k->dst.v6 = ip6h->daddr;
	/*
	 * The upper-layer protocol after the extension headers; malformed
	 * ones leave it unknown.  At a non-first fragment the walk stops
	 * on its fragment header, which names the protocol.
	 */
	proto = ip6h->nexthdr;
	off = ipv6_skip_exthdr(skb, off + sizeof(*ip6h), &proto, &frag);
	if (off < 0)
		return true;
	if (frag & htons(IP6_OFFSET)) {
		fh = skb_header_pointer(skb, off, sizeof(_fh), &_fh);
		if (fh) {
			k->proto = fh->nexthdr;
			k->proto_ok = true;
		}
		return true;
	}
	k->proto = proto;
	k->proto_ok = true;
	flexvti_acl_key_l4(skb, off, k);
	return true;
}

static bool flexvti_acl_ports_match(const struct flexvti_acl_rule *r,
				    const struct flexvti_acl_key *k)
{
	if (k->l4 != IPPROTO_TCP)
		return false;
	if ((r->has & FLEXVTI_ACL_F_SPORT) &&
	    (k->sport < r->sport_min || k->sport > r->sport_max))
		return false;
	return !(r->has & FLEXVTI_ACL_F_DPORT) ||
	       (k->dport >= r->dport_min && k->dport <= r->dport_max);
}

static bool flexvti_acl_icmp_match(const struct flexvti_acl_rule *r,
				   const struct flexvti_acl_key *k)
{
	if (k->l4 != IPPROTO_ICMP || k->icmp_type != r->icmp_type)
		return false;
	return !(r->has & FLEXVTI_ACL_F_ICMP_CODE) ||
	       k->icmp_code == r->icmp_code;
}

static bool flexvti_acl_rule_match(const struct flexvti_acl_rule *r,
				   const struct flexvti_acl_key *k)
{
	if (r->family && r->family != k->family)
		return false;
	if ((r->has & FLEXVTI_ACL_F_PROTO) &&
	    (!k->proto_ok || r->proto != k->proto))
		return false;
	if ((r->has & FLEXVTI_ACL_F_SRC) &&
	    !flexvti_acl_prefix_match(k->family, &r->src, r->src_len, &k->src))
		return false;
	if ((r->has & FLEXVTI_ACL_F_DST) &&
	    !flexvti_acl_prefix_match(k->family, &r->dst, r->dst_len, &k->dst))
		return false;
	if ((r->has & (FLEXVTI_ACL_F_SPORT | FLEXVTI_ACL_F_DPORT)) &&
	    !flexvti_acl_ports_match(r, k))
		return false;
	return !(r->has & FLEXVTI_ACL_F_ICMP_TYPE) ||
	       flexvti_acl_icmp_match(r, k);
}

/* count @n packets for rule @i (nrules: the implicit deny) on this CPU */
static void flexvti_acl_count(struct flexvti_acl *acl, unsigned int i,
			      unsigned int n)
{
	struct flexvti_acl_hits *hits = this_cpu_ptr(acl->hits);

	u64_stats_update_begin(&hits->syncp);
	u64_stats_add(&hits->n[i], n);
	u64_stats_update_end(&hits->syncp);
}

/**
 * flexvti_acl_permit - judge a packet by an access list
 * @acl: the list
 * @skb: the packet, network header set; a GSO packet is judged once and
 *	counted as its segments
 * @proto: its protocol, ETH_P_* in network order
 *
 * Counts the packet for the rule that decided it, or for the implicit
 * deny.  A packet that is neither IPv4 nor IPv6 passes uncounted; an IP
 * packet whose header cannot be read meets the implicit deny.
 *
 * Context: packet path, BH disabled; @acl held by RCU.
 * Return: true if the packet may pass.
 */
bool flexvti_acl_permit(struct flexvti_acl *acl, const struct sk_buff *skb,
			__be16 proto)
{
	struct flexvti_acl_key key = {};
	unsigned int i;
	bool ok;

	if (proto == htons(ETH_P_IP))
		ok = flexvti_acl_key4(skb, &key);
	else if (proto == htons(ETH_P_IPV6))
		ok = flexvti_acl_key6(skb, &key);
	else
		return true;

	for (i = ok ? 0 : acl->nrules; i < acl->nrules; i++)
		if (flexvti_acl_rule_match(&acl->rules[i], &key))
			break;
	flexvti_acl_count(acl, i, flexvti_skb_segs(skb));
	return i < acl->nrules && acl->rules[i].action == FLEXVTI_ACL_PERMIT;
}

/* packets rule @i (nrules: the implicit deny) counted on all CPUs */
static u64 flexvti_acl_hits_read(const struct flexvti_acl *acl,
				 unsigned int i)
{
	const struct flexvti_acl_hits *hits;
	unsigned int start;
	u64 sum = 0, v;
	int cpu;

	for_each_possible_cpu(cpu) {
		hits = per_cpu_ptr(acl->hits, cpu);
		do {
			start = u64_stats_fetch_begin(&hits->syncp);
			v = u64_stats_read(&hits->n[i]);
		} while (u64_stats_fetch_retry(&hits->syncp, start));
		sum += v;
	}
	return sum;
}

/* message bytes of one rule, as flexvti_acl_rule_fill() puts it */
static size_t flexvti_acl_rule_size(const struct flexvti_acl_rule *r)
{
	size_t alen = flexvti_acl_addr_len(r->family);
	size_t size = nla_total_size(0) +		/* the nest */
		      nla_total_size(sizeof(u32)) +	/* ACTION */
		      nla_total_size_64bit(sizeof(u64));	/* HITS */

	if (r->family)
		size += nla_total_size(sizeof(u8));
	if (r->has & FLEXVTI_ACL_F_PROTO)
		size += nla_total_size(sizeof(u8));
	if (r->has & FLEXVTI_ACL_F_SRC)
		size += nla_total_size(alen) + nla_total_size(sizeof(u8));
	if (r->has & FLEXVTI_ACL_F_DST)
		size += nla_total_size(alen) + nla_total_size(sizeof(u8));
	if (r->has & FLEXVTI_ACL_F_SPORT)
		size += 2 * nla_total_size(sizeof(u16));
	if (r->has & FLEXVTI_ACL_F_DPORT)
		size += 2 * nla_total_size(sizeof(u16));
	if (r->has & FLEXVTI_ACL_F_ICMP_TYPE)
		size += nla_total_size(sizeof(u8));
	if (r->has & FLEXVTI_ACL_F_ICMP_CODE)
		size += nla_total_size(sizeof(u8));
	return size;
}

/**
 * flexvti_acl_size - message bytes that flexvti_acl_fill() needs
 * @acl: the list
 * @rules: with the rules
 *
 * Return: the size of the nest, exactly.
 */
size_t flexvti_acl_size(const struct flexvti_acl *acl, bool rules)
{
	size_t size = nla_total_size(0) +			/* the nest */
		      nla_total_size(sizeof(u32)) +		/* RULE_COUNT */
		      nla_total_size_64bit(sizeof(u64));	/* DENY_HITS */
	unsigned int i;

	if (acl->name[0])
		size += nla_total_size(strlen(acl->name) + 1);
	for (i = 0; rules && i < acl->nrules; i++)
		size += flexvti_acl_rule_size(&acl->rules[i]);
	return size;
}

static int flexvti_acl_prefix_fill(struct sk_buff *skb, int type,
				   int len_type, u8 family,
				   const union flexvti_acl_addr *pfx, u8 len)
{
	if (nla_put(skb, type, flexvti_acl_addr_len(family), pfx) ||
	    nla_put_u8(skb, len_type, len))
		return -EMSGSIZE;
	return 0;
}

static int flexvti_acl_l4_fill(struct sk_buff *skb,
			       const struct flexvti_acl_rule *r)
{
	if ((r->has & FLEXVTI_ACL_F_SPORT) &&
	    (nla_put_u16(skb, FLEXVTI_ACL_RULE_A_SPORT_MIN, r->sport_min) ||
	     nla_put_u16(skb, FLEXVTI_ACL_RULE_A_SPORT_MAX, r->sport_max)))
		return -EMSGSIZE;
	if ((r->has & FLEXVTI_ACL_F_DPORT) &&
	    (nla_put_u16(skb, FLEXVTI_ACL_RULE_A_DPORT_MIN, r->dport_min) ||
	     nla_put_u16(skb, FLEXVTI_ACL_RULE_A_DPORT_MAX, r->dport_max)))
		return -EMSGSIZE;
	if ((r->has & FLEXVTI_ACL_F_ICMP_TYPE) &&
	    nla_put_u8(skb, FLEXVTI_ACL_RULE_A_ICMP_TYPE, r->icmp_type))
		return -EMSGSIZE;
	if ((r->has & FLEXVTI_ACL_F_ICMP_CODE) &&
	    nla_put_u8(skb, FLEXVTI_ACL_RULE_A_ICMP_CODE, r->icmp_code))
		return -EMSGSIZE;
	return 0;
}

static int flexvti_acl_rule_fill(struct sk_buff *skb,
				 const struct flexvti_acl_rule *r, u64 hits)
{
	struct nlattr *nest;

	nest = nla_nest_start(skb, FLEXVTI_ACL_A_RULE);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, FLEXVTI_ACL_RULE_A_ACTION, r->action) ||
	    (r->family &&
	     nla_put_u8(skb, FLEXVTI_ACL_RULE_A_FAMILY, r->family)) ||
	    ((r->has & FLEXVTI_ACL_F_PROTO) &&
	     nla_put_u8(skb, FLEXVTI_ACL_RULE_A_PROTO, r->proto)) ||
	    ((r->has & FLEXVTI_ACL_F_SRC) &&
	     flexvti_acl_prefix_fill(skb, FLEXVTI_ACL_RULE_A_SRC,
				     FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN,
				     r->family, &r->src, r->src_len)) ||
	    ((r->has & FLEXVTI_ACL_F_DST) &&
	     flexvti_acl_prefix_fill(skb, FLEXVTI_ACL_RULE_A_DST,
				     FLEXVTI_ACL_RULE_A_DST_PREFIX_LEN,
				     r->family, &r->dst, r->dst_len)) ||
	    flexvti_acl_l4_fill(skb, r) ||
	    nla_put_u64_64bit(skb, FLEXVTI_ACL_RULE_A_HITS, hits,
			      FLEXVTI_ACL_RULE_A_PAD)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * flexvti_acl_fill - put an access list into a message as a nest
 * @skb: the message
 * @attrtype: type of the nest (FLEXVTI_A_ACL_IN or FLEXVTI_A_ACL_OUT)
 * @acl: the list
 * @rules: with every rule and its hits (acl-get), or only the name, the
 *	rule count and the implicit deny's hits (dev-get)
 *
 * Context: RCU read side or RTNL, or a reference to @acl held.
 * Return: 0, or -EMSGSIZE when @skb is full.
 */
int flexvti_acl_fill(struct sk_buff *skb, int attrtype,
		     struct flexvti_acl *acl, bool rules)
{
	struct nlattr *nest;
	unsigned int i;

	nest = nla_nest_start(skb, attrtype);
	if (!nest)
		return -EMSGSIZE;
	if ((acl->name[0] &&
	     nla_put_string(skb, FLEXVTI_ACL_A_NAME, acl->name)) ||
	    nla_put_u32(skb, FLEXVTI_ACL_A_RULE_COUNT, acl->nrules) ||
	    nla_put_u64_64bit(skb, FLEXVTI_ACL_A_DENY_HITS,
			      flexvti_acl_hits_read(acl, acl->nrules),
			      FLEXVTI_ACL_A_PAD))
		goto cancel;
	for (i = 0; rules && i < acl->nrules; i++)
		if (flexvti_acl_rule_fill(skb, &acl->rules[i],
					  flexvti_acl_hits_read(acl, i)))
			goto cancel;
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}
