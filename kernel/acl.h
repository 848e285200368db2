/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: access lists of virtual-access interfaces.
 */
#ifndef _NET_FLEXVTI_ACL_H_
#define _NET_FLEXVTI_ACL_H_

#include <linux/in6.h>
#include <linux/kref.h>
#include <linux/skbuff.h>
#include <linux/u64_stats_sync.h>
#include <net/netlink.h>
#include <uapi/linux/flexvti.h>

/* which optional fields of a rule are set: bits of flexvti_acl_rule.has */
enum flexvti_acl_field {
	FLEXVTI_ACL_F_PROTO	= BIT(0),
	FLEXVTI_ACL_F_SRC	= BIT(1),
	FLEXVTI_ACL_F_DST	= BIT(2),
	FLEXVTI_ACL_F_SPORT	= BIT(3),
	FLEXVTI_ACL_F_DPORT	= BIT(4),
	FLEXVTI_ACL_F_ICMP_TYPE	= BIT(5),
	FLEXVTI_ACL_F_ICMP_CODE	= BIT(6),
};

/**
 * union flexvti_acl_addr - an address prefix of a rule, host bits zero
 * @v4: IPv4 (AF_INET rules)
 * @v6: IPv6 (AF_INET6 rules)
 */
union flexvti_acl_addr {
	__be32 v4;
	struct in6_addr v6;
};

/**
 * struct flexvti_acl_rule - one rule (access control entry)
 * @src: source prefix, if @has FLEXVTI_ACL_F_SRC
 * @dst: destination prefix, if @has FLEXVTI_ACL_F_DST
 * @sport_min: lowest source port, if @has FLEXVTI_ACL_F_SPORT
 * @sport_max: highest source port
 * @dport_min: lowest destination port, if @has FLEXVTI_ACL_F_DPORT
 * @dport_max: highest destination port
 * @has: &enum flexvti_acl_field bits
 * @action: &enum flexvti_acl_action
 * @family: AF_INET, AF_INET6, or 0 for both
 * @proto: IP protocol, if @has FLEXVTI_ACL_F_PROTO
 * @src_len: bits of @src
 * @dst_len: bits of @dst
 * @icmp_type: ICMP or ICMPv6 type, if @has FLEXVTI_ACL_F_ICMP_TYPE
 * @icmp_code: its code, if @has FLEXVTI_ACL_F_ICMP_CODE
 */
struct flexvti_acl_rule {
	union flexvti_acl_addr src;
	union flexvti_acl_addr dst;
	u16 sport_min;
	u16 sport_max;
	u16 dport_min;
	u16 dport_max;
	u8 has;
	u8 action;
	u8 family;
	u8 proto;
	u8 src_len;
	u8 dst_len;
	u8 icmp_type;
	u8 icmp_code;
};

/**
 * struct flexvti_acl_hits - the packet counters of a list on one CPU
 * @syncp: makes the 64-bit counters readable on 32-bit machines
 * @n: packets matched, one counter per rule and, last, the implicit deny
 *
 * Written only in the packet path, with BH disabled, on the CPU they
 * belong to.
 */
struct flexvti_acl_hits {
	struct u64_stats_sync syncp;
	u64_stats_t n[];
};

/**
 * struct flexvti_acl - an access list
 * @ref: the policies that use the list hold one reference each, acl-get
 *	one while it reads the list
 * @hits: per-CPU packet counters
 * @nrules: number of @rules, 1 to FLEXVTI_ACL_MAX_RULES
 * @name: the list's name as userspace gave it, "" if none
 * @rules: the rules in order of evaluation
 *
 * Immutable once built but for the counters: a change of the rules is a
 * new list.  Readers find a list only through the policy of an interface
 * (&struct flexvti_policy), under RCU or RTNL, or hold a reference.
 */
struct flexvti_acl {
	struct kref ref;
	struct flexvti_acl_hits __percpu *hits;
	unsigned int nrules;
	char name[FLEXVTI_NAME_MAX + 1];
	struct flexvti_acl_rule rules[];
};

extern const struct nla_policy flexvti_acl_policy[FLEXVTI_ACL_A_MAX + 1];

struct flexvti_acl *flexvti_acl_create(const struct nlattr *nest,
				       struct netlink_ext_ack *extack);
void flexvti_acl_put(struct flexvti_acl *acl);
bool flexvti_acl_permit(struct flexvti_acl *acl, const struct sk_buff *skb,
			__be16 proto);
size_t flexvti_acl_size(const struct flexvti_acl *acl, bool rules);
int flexvti_acl_fill(struct sk_buff *skb, int attrtype,
		     struct flexvti_acl *acl, bool rules);

static inline struct flexvti_acl *flexvti_acl_get(struct flexvti_acl *acl)
{
	kref_get(&acl->ref);
	return acl;
}

#endif /* _NET_FLEXVTI_ACL_H_ */
