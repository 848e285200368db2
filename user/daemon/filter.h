/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The filters of a session: per direction, the access list and the QoS
 * policy (a policer) that its interface applies in the kernel.  They come
 * by name from the interface's virtual template ("ip access-group",
 * "ipv6 traffic-filter", "service-policy"), from the RADIUS authorization
 * ("ipsec:inacl", "ip:inacl#N", "ip:sub-qos-policy-in", ...), which takes
 * precedence per direction, and later from CoA-Requests (RFC 5176).  The
 * names are resolved against the configuration in force each time they
 * are applied; the kernel gets the resulting lists and policers in one
 * dev-set, so a change is all or nothing.
 *
 * A name given by RADIUS or CoA for an access list replaces the IPv4
 * list of the direction ("ip access-list extended NAME"); the template's
 * IPv6 list ("ipv6 traffic-filter") stays.  Per-user entries replace it
 * too, as an IPv4 list of their own.
 */
#ifndef FLEXVTID_FILTER_H
#define FLEXVTID_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "../lib/acl.h"

struct cfg;
struct cfg_iface;
struct radius_authz;
struct session;

/**
 * struct filter_dir - the filters of one direction, by name
 * @acl4: the IPv4 access list, "" for none
 * @acl6: the IPv6 access list, "" for none
 * @aces: per-user IPv4 entries ("ip:inacl#N"), in order, used in place
 *	of @acl4 when @naces is not 0; allocated
 * @naces: entries of @aces
 * @qos: the policy-map, "" for none
 */
struct filter_dir {
	char acl4[FLEXVTI_NAME_MAX + 1];
	char acl6[FLEXVTI_NAME_MAX + 1];
	struct acl_rule *aces;
	unsigned int naces;
	char qos[FLEXVTI_NAME_MAX + 1];
};

/**
 * struct session_filters - the filters of a session's interface
 * @dir: per enum acl_dir
 */
struct session_filters {
	struct filter_dir dir[ACL_NDIRS];
};

/* which parts of a session's filters a change concerns: bits */
enum filter_part {
	FILTER_ACL_IN	= 1 << 0,
	FILTER_ACL_OUT	= 1 << 1,
	FILTER_QOS_IN	= 1 << 2,
	FILTER_QOS_OUT	= 1 << 3,
	FILTER_ALL	= 0xf,
};

void filter_from_iface(struct session_filters *f, const struct cfg_iface *i);
int filter_from_authz(struct session_filters *f, const struct radius_authz *a);
bool filter_empty(const struct session_filters *f);
int filter_check(const struct cfg *cfg, const struct session_filters *f,
		 char *why, size_t len);
int filter_apply(struct session *s, struct session_filters *f,
		 unsigned int parts, char *why, size_t len);
void filter_reload(void);
void filter_free(struct session_filters *f);

#endif /* FLEXVTID_FILTER_H */
