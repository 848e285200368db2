/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Access lists and policers of a flexvti interface on the wire: struct
 * acl and struct acl_policer (acl.h) added to a dev-set request as
 * FLEXVTI_A_ACL_IN/OUT and FLEXVTI_A_POLICER_IN/OUT, read back from
 * dev-get replies and acl-get replies with their counters, and printed.
 */
#ifndef FLEXVTI_KERN_ACL_H
#define FLEXVTI_KERN_ACL_H

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "acl.h"
#include "kern_dev.h"

struct nl_msg;
struct nlattr;
struct kern_nl;

/**
 * struct kern_acl_set - what one dev-set changes of an interface's filters
 * @ifindex: the interface
 * @acl: per enum acl_dir, the list to attach in place of the current one
 *	(nrules 0: detach it), or NULL to leave that direction as it is
 * @policer: per enum acl_dir, the policer to attach (rate 0: detach), or
 *	NULL to leave it
 *
 * The kernel applies all of them in one step.
 */
struct kern_acl_set {
	uint32_t ifindex;
	const struct acl *acl[ACL_NDIRS];
	const struct acl_policer *policer[ACL_NDIRS];
};

/**
 * struct kern_acl_lists - the access lists of an interface (acl-get)
 * @ifindex: the interface, 0 when the reply does not say
 * @ifname: its name, "" when the reply does not say
 * @present: per enum acl_dir, whether a list is attached
 * @acl: per enum acl_dir, the list with its rules and hit counters (owns
 *	its rules: kern_acl_lists_free())
 */
struct kern_acl_lists {
	uint32_t ifindex;
	char ifname[IF_NAMESIZE];
	bool present[ACL_NDIRS];
	struct acl acl[ACL_NDIRS];
};

const char *kern_acl_dir_name(int dir);
int kern_acl_put(struct nl_msg *msg, int type, const struct acl *acl);
int kern_policer_put(struct nl_msg *msg, int type,
		     const struct acl_policer *p);
int kern_acl_set_put(struct nl_msg *msg, const struct kern_acl_set *s);
size_t kern_acl_set_size(const struct kern_acl_set *s);
int kern_acl_parse(struct nlattr *nest, struct acl *acl, uint32_t *count);
int kern_policer_parse(struct nlattr *nest, struct acl_policer *p);
int kern_acl_dev_parse(struct nlattr **tb, struct kern_dev *d);
int kern_acl_lists_parse(struct nl_msg *msg, struct kern_acl_lists *l);
void kern_acl_lists_free(struct kern_acl_lists *l);
void kern_acl_print(FILE *f, const struct acl *acl, const char *ifname,
		    int dir, bool json);
void kern_acl_lists_print(FILE *f, const struct kern_acl_lists *l,
			  bool json);
int kern_nl_acl_set(struct kern_nl *nl, const struct kern_acl_set *s);
int kern_nl_acl_get(struct kern_nl *nl, uint32_t ifindex,
		    struct kern_acl_lists *l);

#endif /* FLEXVTI_KERN_ACL_H */
