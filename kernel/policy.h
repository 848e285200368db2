/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: the access lists and policers of a virtual-access interface,
 * as one object that is replaced as a whole.
 */
#ifndef _NET_FLEXVTI_POLICY_H_
#define _NET_FLEXVTI_POLICY_H_

#include <linux/rcupdate.h>
#include <net/netlink.h>

#include "acl.h"
#include "policer.h"

struct flexvti_priv;

/* the direction of a list or policer */
enum flexvti_dir {
	FLEXVTI_DIR_IN,		/* received from the peer, decrypted */
	FLEXVTI_DIR_OUT,	/* sent by the stack, to be encrypted */
	FLEXVTI_DIR_MAX,
};

/**
 * struct flexvti_policy - what filters and polices an interface's packets
 * @rcu: frees the policy after a grace period
 * @acl: access list by &enum flexvti_dir, or NULL
 * @pol: policer by &enum flexvti_dir, or NULL
 *
 * Immutable.  A dev-set builds a new policy and swaps the interface's
 * pointer to it, so a packet, which dereferences the pointer once, sees
 * all old or all new settings.  Each policy holds a reference to its
 * lists and policers; a part a dev-set leaves alone is shared by the old
 * and the new policy, and keeps its counters.  The old policy drops its
 * references after an RCU grace period: lists and policers are reached
 * only through a policy, so the last reference goes when no packet can
 * still see them.  At least one part is set; no policy at all is NULL.
 */
struct flexvti_policy {
	struct rcu_head rcu;
	struct flexvti_acl *acl[FLEXVTI_DIR_MAX];
	struct flexvti_policer *pol[FLEXVTI_DIR_MAX];
};

/**
 * struct flexvti_policy_change - the policy parts of a dev-set, parsed
 * @has_acl: the request has the list of the direction
 * @has_pol: the request has the policer of the direction
 * @acl: new list by direction; NULL with @has_acl set removes the list
 * @pol: new policer by direction; NULL with @has_pol set removes it
 * @policy: the new policy, allocated in advance so that committing the
 *	change cannot fail; NULL when nothing changes
 *
 * Owns what it points to until flexvti_policy_change_commit() takes it;
 * flexvti_policy_change_release() frees what is left.
 */
struct flexvti_policy_change {
	bool has_acl[FLEXVTI_DIR_MAX];
	bool has_pol[FLEXVTI_DIR_MAX];
	struct flexvti_acl *acl[FLEXVTI_DIR_MAX];
	struct flexvti_policer *pol[FLEXVTI_DIR_MAX];
	struct flexvti_policy *policy;
};

static inline bool
flexvti_policy_change_any(const struct flexvti_policy_change *chg)
{
	return chg->policy;
}

int flexvti_policy_change_parse(struct nlattr **attrs,
				struct flexvti_policy_change *chg,
				struct netlink_ext_ack *extack);
void flexvti_policy_change_commit(struct flexvti_priv *priv,
				  struct flexvti_policy_change *chg);
void flexvti_policy_change_release(struct flexvti_policy_change *chg);
void flexvti_policy_clear(struct flexvti_priv *priv);
int flexvti_policy_fill(struct sk_buff *skb, struct flexvti_priv *priv);
void flexvti_policy_acls_get(struct flexvti_priv *priv,
			     struct flexvti_acl *acl[FLEXVTI_DIR_MAX]);
size_t flexvti_policy_acls_size(struct flexvti_acl *acl[FLEXVTI_DIR_MAX]);
int flexvti_policy_acls_fill(struct sk_buff *skb,
			     struct flexvti_acl *acl[FLEXVTI_DIR_MAX]);
int flexvti_policy_rx(struct flexvti_policy *policy, struct sk_buff *skb,
		      __be16 proto);

#endif /* _NET_FLEXVTI_POLICY_H_ */
