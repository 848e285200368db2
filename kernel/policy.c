// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti: the access lists and policers of a virtual-access interface.
 *
 * An interface has one pointer to an immutable &struct flexvti_policy,
 * NULL while it has neither lists nor policers, so that the packet path
 * pays one rcu_dereference() and a test when there is nothing to do.
 * Received packets meet the inbound list and then the inbound policer
 * after decryption and decapsulation, before they enter the stack; sent
 * packets meet the outbound list and then the outbound policer in
 * ndo_start_xmit, before encryption.
 *
 * dev-set parses and allocates every new part before it takes RTNL; the
 * swap itself cannot fail, so a refused request changes nothing.
 */

#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "flexvtipriv.h"
#include "policy.h"
#include "stats.h"

/* the attributes of the lists and policers, by direction */
static const int flexvti_policy_acl_attr[FLEXVTI_DIR_MAX] = {
	[FLEXVTI_DIR_IN]	= FLEXVTI_A_ACL_IN,
	[FLEXVTI_DIR_OUT]	= FLEXVTI_A_ACL_OUT,
};

static const int flexvti_policy_pol_attr[FLEXVTI_DIR_MAX] = {
	[FLEXVTI_DIR_IN]	= FLEXVTI_A_POLICER_IN,
	[FLEXVTI_DIR_OUT]	= FLEXVTI_A_POLICER_OUT,
};

/**
 * flexvti_policy_change_release - free what a change still owns
 * @chg: the change; emptied
 *
 * Lists and policers a change still owns were never published, so they
 * go at once.
 */
void flexvti_policy_change_release(struct flexvti_policy_change *chg)
{
	int d;

	for (d = 0; d < FLEXVTI_DIR_MAX; d++) {
		flexvti_acl_put(chg->acl[d]);
		flexvti_policer_put(chg->pol[d]);
	}
	kfree(chg->policy);
	memset(chg, 0, sizeof(*chg));
}

static int flexvti_policy_part_parse(struct nlattr **attrs,
				     enum flexvti_dir d,
				     struct flexvti_policy_change *chg,
				     struct netlink_ext_ack *extack)
{
	struct nlattr *acl = attrs[flexvti_policy_acl_attr[d]];
	struct nlattr *pol = attrs[flexvti_policy_pol_attr[d]];
	int err;

	if (acl) {
		chg->has_acl[d] = true;
		chg->acl[d] = flexvti_acl_create(acl, extack);
		if (IS_ERR(chg->acl[d])) {
			err = PTR_ERR(chg->acl[d]);
			chg->acl[d] = NULL;
			return err;
		}
	}
	if (pol) {
		chg->has_pol[d] = true;
		chg->pol[d] = flexvti_policer_create(pol, extack);
		if (IS_ERR(chg->pol[d])) {
			err = PTR_ERR(chg->pol[d]);
			chg->pol[d] = NULL;
			return err;
		}
	}
	return 0;
}

/**
 * flexvti_policy_change_parse - build the lists and policers of a dev-set
 * @attrs: the request's attributes, validated by the dev-set policy
 * @chg: filled with the change; empty when the request has none of
 *	FLEXVTI_A_ACL_IN/OUT and FLEXVTI_A_POLICER_IN/OUT
 * @extack: receives the reason of a rejection
 *
 * Context: process context, no locks needed; allocates with GFP_KERNEL.
 * Return: 0, or a negative errno with @chg empty.
 */
int flexvti_policy_change_parse(struct nlattr **attrs,
				struct flexvti_policy_change *chg,
				struct netlink_ext_ack *extack)
{
	int d, err;

	memset(chg, 0, sizeof(*chg));
	for (d = 0; d < FLEXVTI_DIR_MAX; d++) {
		err = flexvti_policy_part_parse(attrs, d, chg, extack);
		if (err)
			goto err;
	}
	for (d = 0; d < FLEXVTI_DIR_MAX; d++)
		if (chg->has_acl[d] || chg->has_pol[d])
			break;
	if (d == FLEXVTI_DIR_MAX)
		return 0;
	chg->policy = kzalloc(sizeof(*chg->policy), GFP_KERNEL);
	if (chg->policy)
		return 0;
	err = -ENOMEM;
err:
	flexvti_policy_change_release(chg);
	return err;
}

static void flexvti_policy_free_rcu(struct rcu_head *head)
{
	struct flexvti_policy *policy = container_of(head,
						     struct flexvti_policy,
						     rcu);
	int d;

	for (d = 0; d < FLEXVTI_DIR_MAX; d++) {
		flexvti_acl_put(policy->acl[d]);
		flexvti_policer_put(policy->pol[d]);
	}
	kfree(policy);
}

/* @policy (NULL: none) replaces the interface's; the old one goes later */
static void flexvti_policy_replace(struct flexvti_priv *priv,
				   struct flexvti_policy *policy)
{
	struct flexvti_policy *old;

	old = rcu_dereference_protected(priv->policy, lockdep_rtnl_is_held());
	rcu_assign_pointer(priv->policy, policy);
	if (old)
		call_rcu(&old->rcu, flexvti_policy_free_rcu);
}

static bool flexvti_policy_empty(const struct flexvti_policy *policy)
{
	int d;

	for (d = 0; d < FLEXVTI_DIR_MAX; d++)
		if (policy->acl[d] || policy->pol[d])
			return false;
	return true;
}

/**
 * flexvti_policy_change_commit - give an interface its new policy
 * @priv: the interface
 * @chg: a change from flexvti_policy_change_parse(); what it owns moves
 *	into the new policy
 *
 * The new policy has the lists and policers of @chg, and shares the
 * others with the current policy.  Cannot fail.
 *
 * Context: RTNL and @priv->lock held.
 */
void flexvti_policy_change_commit(struct flexvti_priv *priv,
				  struct flexvti_policy_change *chg)
{
	struct flexvti_policy *old, *policy = chg->policy;
	int d;

	ASSERT_RTNL();
	lockdep_assert_held(&priv->lock.lock);
	if (!policy)
		return;
	old = rcu_dereference_protected(priv->policy, lockdep_rtnl_is_held());
	for (d = 0; d < FLEXVTI_DIR_MAX; d++) {
		if (chg->has_acl[d])
			policy->acl[d] = chg->acl[d];
		else if (old && old->acl[d])
			policy->acl[d] = flexvti_acl_get(old->acl[d]);
		if (chg->has_pol[d])
			policy->pol[d] = chg->pol[d];
		else if (old && old->pol[d])
			policy->pol[d] = flexvti_policer_get(old->pol[d]);
		chg->acl[d] = NULL;
		chg->pol[d] = NULL;
	}
	chg->policy = NULL;
	if (flexvti_policy_empty(policy)) {
		kfree(policy);
		policy = NULL;
	}
	flexvti_policy_replace(priv, policy);
}

/**
 * flexvti_policy_clear - remove an interface's lists and policers
 * @priv: the interface, being unregistered
 *
 * Context: RTNL held.
 */
void flexvti_policy_clear(struct flexvti_priv *priv)
{
	write_seqlock_bh(&priv->lock);
	flexvti_policy_replace(priv, NULL);
	write_sequnlock_bh(&priv->lock);
}

/**
 * flexvti_policy_fill - put an interface's lists and policers into a
 *	dev-get message
 * @skb: the message
 * @priv: the interface
 *
 * Each list goes as its name, rule count and implicit deny hits, each
 * policer with its settings and counters; absent ones are left out.
 *
 * Context: RCU read side or RTNL.
 * Return: 0, or -EMSGSIZE when @skb is full.
 */
int flexvti_policy_fill(struct sk_buff *skb, struct flexvti_priv *priv)
{
	struct flexvti_policy *policy = rcu_dereference_rtnl(priv->policy);
	int d;

	if (!policy)
		return 0;
	for (d = 0; d < FLEXVTI_DIR_MAX; d++) {
		if (policy->acl[d] &&
		    flexvti_acl_fill(skb, flexvti_policy_acl_attr[d],
				     policy->acl[d], false))
			return -EMSGSIZE;
		if (policy->pol[d] &&
		    flexvti_policer_fill(skb, flexvti_policy_pol_attr[d],
					 policy->pol[d]))
			return -EMSGSIZE;
	}
	return 0;
}

/**
 * flexvti_policy_acls_get - take references to an interface's lists
 * @priv: the interface
 * @acl: receives the list of each direction, or NULL; the caller puts
 *	them with flexvti_acl_put()
 *
 * Lets acl-get read the lists, however long, without holding RCU.
 *
 * Context: RCU read side or RTNL.
 */
void flexvti_policy_acls_get(struct flexvti_priv *priv,
			     struct flexvti_acl *acl[FLEXVTI_DIR_MAX])
{
	struct flexvti_policy *policy = rcu_dereference_rtnl(priv->policy);
	int d;

	/* the policy holds a reference to each until a grace period ends */
	for (d = 0; d < FLEXVTI_DIR_MAX; d++)
		acl[d] = policy && policy->acl[d] ?
			 flexvti_acl_get(policy->acl[d]) : NULL;
}

/**
 * flexvti_policy_acls_size - message bytes of the lists with their rules
 * @acl: the list of each direction, or NULL
 *
 * Return: what flexvti_policy_acls_fill() puts, exactly.
 */
size_t flexvti_policy_acls_size(struct flexvti_acl *acl[FLEXVTI_DIR_MAX])
{
	size_t size = 0;
	int d;

	for (d = 0; d < FLEXVTI_DIR_MAX; d++)
		if (acl[d])
			size += flexvti_acl_size(acl[d], true);
	return size;
}

/**
 * flexvti_policy_acls_fill - put the lists with their rules into an
 *	acl-get message
 * @skb: the message
 * @acl: the list of each direction, or NULL (left out)
 *
 * Return: 0, or -EMSGSIZE when @skb is full.
 */
int flexvti_policy_acls_fill(struct sk_buff *skb,
			     struct flexvti_acl *acl[FLEXVTI_DIR_MAX])
{
	int d;

	for (d = 0; d < FLEXVTI_DIR_MAX; d++)
		if (acl[d] &&
		    flexvti_acl_fill(skb, flexvti_policy_acl_attr[d], acl[d],
				     true))
			return -EMSGSIZE;
	return 0;
}

/**
 * flexvti_policy_rx - the inbound list and policer
 * @policy: the interface's policy
 * @skb: a decrypted, decapsulated packet, network header set
 * @proto: its protocol, ETH_P_* in network order
 *
 * Context: packet path, BH disabled; @policy held by RCU.
 * Return: -1 if the packet may enter the stack, else the reason to drop
 * it: FLEXVTI_DROP_ACL or FLEXVTI_DROP_POLICER.
 */
int flexvti_policy_rx(struct flexvti_policy *policy, struct sk_buff *skb,
		      __be16 proto)
{
	struct flexvti_policer *pol = policy->pol[FLEXVTI_DIR_IN];
	struct flexvti_acl *acl = policy->acl[FLEXVTI_DIR_IN];

	if (acl && !flexvti_acl_permit(acl, skb, proto))
		return FLEXVTI_DROP_ACL;
	if (pol && !flexvti_policer_conform(pol, skb->len))
		return FLEXVTI_DROP_POLICER;
	return -1;
}
