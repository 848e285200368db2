/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvtid configuration: access lists ("ip access-list extended",
 * "ip access-list standard", "ipv6 access-list"), policy maps
 * ("policy-map" with a "police" in class-default) and the interface
 * commands that attach them ("ip access-group", "ipv6 traffic-filter",
 * "service-policy"), and the kernel lists and policers they make.  Part
 * of cfg.h, which includes it; the syntax is in
 * Documentation/userspace/flexvtid.conf.rst.
 */
#ifndef FLEXVTI_CFG_ACL_H
#define FLEXVTI_CFG_ACL_H

#include <stdbool.h>
#include <stdint.h>

#include "acl.h"

struct cfg;
struct cfg_iface;

/* sequence numbers of entries: their range, as IOS, and default step */
#define CFG_ACL_SEQ_MAX		2147483647
#define CFG_ACL_SEQ_STEP	10

/**
 * struct cfg_acl_entry - an entry of an access list
 * @seq: its sequence number, 1 to CFG_ACL_SEQ_MAX
 * @line: its line
 * @rule: the rule, of the list's family
 * @remarks: the "remark" lines written before it, in order
 * @nremarks: entries of @remarks
 */
struct cfg_acl_entry {
	unsigned int seq;
	unsigned int line;
	struct acl_rule rule;
	char **remarks;
	unsigned int nremarks;
};

/**
 * struct cfg_acl - "ip access-list extended|standard NAME" or "ipv6
 *	access-list NAME"
 * @name: the name, at most FLEXVTI_NAME_MAX bytes; IPv4 and IPv6 lists
 *	have separate name spaces, standard and extended IPv4 lists one
 * @family: AF_INET or AF_INET6
 * @standard: an "ip access-list standard": its rules match the source
 *	address only (any protocol, any destination)
 * @line: first line of its block
 * @entries: its entries by sequence number, at most
 *	FLEXVTI_ACL_MAX_RULES
 * @nentries: entries of @entries
 * @remarks: "remark" lines after the last entry
 * @nremarks: entries of @remarks
 */
struct cfg_acl {
	char *name;
	int family;
	bool standard;
	unsigned int line;
	struct cfg_acl_entry *entries;
	unsigned int nentries;
	char **remarks;
	unsigned int nremarks;
};

/**
 * struct cfg_policy_map - "policy-map NAME"
 * @name: the name, at most FLEXVTI_NAME_MAX bytes
 * @line: first line of its block
 * @class_default: it has a "class class-default" block
 * @rate: "police [cir] RATE" of class-default: bit/s, 8000 to 10^12;
 *	0 when there is no police (the policy map then does nothing)
 * @burst: "bc BURST" (or the second number): bytes, 1500 to 2^30; 0 when
 *	not given (the kernel's default, rate / 32)
 * @police_line: line of the "police", 0 when there is none
 *
 * The policer is single-rate, two-color: conform-action transmit,
 * exceed-action drop, the only actions accepted.
 */
struct cfg_policy_map {
	char *name;
	unsigned int line;
	bool class_default;
	uint64_t rate;
	uint32_t burst;
	unsigned int police_line;
};

/**
 * cfg_acl_find() - an access list by name
 * @cfg: the model
 * @name: its name
 * @family: AF_INET ("ip access-list extended" or "standard") or AF_INET6
 *	("ipv6 access-list")
 *
 * Return: the list, or NULL.
 */
const struct cfg_acl *cfg_acl_find(const struct cfg *cfg, const char *name,
				   int family);

/**
 * cfg_policy_map_find() - a policy map by name
 * @cfg: the model
 * @name: its name
 *
 * Return: the policy map, or NULL.
 */
const struct cfg_policy_map *cfg_policy_map_find(const struct cfg *cfg,
						 const char *name);

/**
 * cfg_acl_build() - the kernel list of one direction from its IOS lists
 * @v4: the IPv4 list attached ("ip access-group"), or NULL
 * @v6: the IPv6 list attached ("ipv6 traffic-filter"), or NULL
 * @out: receives the list (its rules allocated: acl_free()); no rules
 *	when neither list has entries, which detaches the direction's list
 *
 * The kernel has one list per direction for both families, with an
 * implicit deny.  It gets the entries of @v4 (IPv4 rules), then those of
 * @v6 (IPv6 rules) followed by IOS's implicit "permit icmp any any
 * nd-na" and "nd-ns" of IPv6 lists; then, when only one family has a
 * list, a rule permitting every packet of the other family, as "ip
 * access-group" does not filter IPv6 in IOS and "ipv6 traffic-filter"
 * not IPv4.  A list without entries counts as none: IOS permits
 * everything through an empty list.  The name is @v4's, @v6's, or both
 * joined by a comma, cut at FLEXVTI_NAME_MAX bytes.
 *
 * Return: 0, -E2BIG when the rules are more than FLEXVTI_ACL_MAX_RULES
 * (a loaded configuration never has such lists), or -ENOMEM.
 */
int cfg_acl_build(const struct cfg_acl *v4, const struct cfg_acl *v6,
		  struct acl *out);

/**
 * cfg_acl_build_count() - the rules cfg_acl_build() makes
 * @v4: the IPv4 list, or NULL
 * @v6: the IPv6 list, or NULL
 *
 * Return: the number of rules, 0 when neither list has entries.
 */
unsigned int cfg_acl_build_count(const struct cfg_acl *v4,
				 const struct cfg_acl *v6);

/**
 * cfg_policy_map_policer() - the policer a policy map makes
 * @pm: the policy map, or NULL
 * @out: receives the policer: the policy map's name, rate and burst; all
 *	zero (rate 0: detach) for NULL or a policy map without police
 */
void cfg_policy_map_policer(const struct cfg_policy_map *pm,
			    struct acl_policer *out);

/**
 * cfg_iface_acl() - the kernel list of an interface's direction
 * @i: the interface block (a template's or a tunnel's)
 * @dir: enum acl_dir
 * @out: receives the list, as cfg_acl_build() of the lists its "ip
 *	access-group" and "ipv6 traffic-filter" of @dir name
 *
 * Return: 0, or -ENOMEM.
 */
int cfg_iface_acl(const struct cfg_iface *i, int dir, struct acl *out);

/**
 * cfg_iface_policer() - the policer of an interface's direction
 * @i: the interface block
 * @dir: enum acl_dir
 * @out: receives the policer of the policy map its "service-policy
 *	input|output" names (cfg_policy_map_policer()); rate 0 for none
 */
void cfg_iface_policer(const struct cfg_iface *i, int dir,
		       struct acl_policer *out);

#endif /* FLEXVTI_CFG_ACL_H */
