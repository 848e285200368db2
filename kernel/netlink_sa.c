// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti: the SA commands of the "flexvti" generic netlink family:
 * sa-new, sa-del, sa-get, sa-swap and the sa-event notification.
 *
 * Key material goes one way: sa-new hands it to the crypto transform and
 * wipes it from the request, success or not; no reply or dump carries it.
 */

#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "compat.h"
#include "device.h"
#include "flexvtipriv.h"
#include "netlink.h"
#include "sa.h"

static struct netlink_range_validation flexvti_nl_replay_range __ro_after_init = {
	.max = FLEXVTI_REPLAY_WINDOW_MAX,
};

const struct nla_policy flexvti_nl_sa_new_policy[FLEXVTI_A_SA_SEQ + 1] = {
	[FLEXVTI_A_IFINDEX]		= NLA_POLICY_MIN(NLA_U32, 1),
	[FLEXVTI_A_SA_DIR]		= NLA_POLICY_RANGE(NLA_U32,
							   FLEXVTI_SA_DIR_IN,
							   FLEXVTI_SA_DIR_MAX),
	[FLEXVTI_A_SA_SPI]		= NLA_POLICY_MIN(NLA_U32, 256),
	[FLEXVTI_A_SA_ALG]		= NLA_POLICY_RANGE(NLA_U32,
							   FLEXVTI_SA_ALG_AES_GCM,
							   FLEXVTI_SA_ALG_MAX),
	[FLEXVTI_A_SA_KEY]		= { .type = NLA_BINARY, .len = 32 },
	[FLEXVTI_A_SA_SALT]		= NLA_POLICY_EXACT_LEN(4),
	[FLEXVTI_A_SA_AUTH_KEY]		= { .type = NLA_BINARY, .len = 64 },
	[FLEXVTI_A_SA_ICV_LEN]		= NLA_POLICY_RANGE(NLA_U32, 8, 32),
	[FLEXVTI_A_SA_ESN]		= { .type = NLA_FLAG },
	[FLEXVTI_A_SA_REPLAY_WINDOW]	=
		NLA_POLICY_FULL_RANGE(NLA_U32, &flexvti_nl_replay_range),
	[FLEXVTI_A_SA_SOFT_BYTES]	= { .type = NLA_U64 },
	[FLEXVTI_A_SA_HARD_BYTES]	= { .type = NLA_U64 },
	[FLEXVTI_A_SA_SOFT_PACKETS]	= { .type = NLA_U64 },
	[FLEXVTI_A_SA_HARD_PACKETS]	= { .type = NLA_U64 },
	[FLEXVTI_A_SA_SEQ]		= { .type = NLA_U64 },
};

const struct nla_policy flexvti_nl_sa_id_policy[FLEXVTI_A_SA_SPI + 1] = {
	[FLEXVTI_A_IFINDEX]		= NLA_POLICY_MIN(NLA_U32, 1),
	[FLEXVTI_A_SA_DIR]		= NLA_POLICY_RANGE(NLA_U32,
							   FLEXVTI_SA_DIR_IN,
							   FLEXVTI_SA_DIR_MAX),
	[FLEXVTI_A_SA_SPI]		= NLA_POLICY_MIN(NLA_U32, 256),
};

static bool flexvti_nl_sa_active(struct flexvti_sa *sa)
{
	struct flexvti_priv *priv = netdev_priv(sa->dev);

	return rcu_access_pointer(priv->tx_sa) == sa;
}

static int flexvti_nl_sa_put_id(struct sk_buff *skb, struct flexvti_sa *sa)
{
	if (nla_put_u32(skb, FLEXVTI_A_IFINDEX, sa->dev->ifindex) ||
	    nla_put_string(skb, FLEXVTI_A_IFNAME, sa->dev->name) ||
	    nla_put_u32(skb, FLEXVTI_A_SA_DIR, sa->dir) ||
	    nla_put_u32(skb, FLEXVTI_A_SA_SPI, sa->spi))
		return -EMSGSIZE;
	return 0;
}

static int flexvti_nl_sa_put_settings(struct sk_buff *skb,
				      struct flexvti_sa *sa)
{
	bool in = sa->dir == FLEXVTI_SA_DIR_IN;
	u64 seq = in ? flexvti_replay_top(&sa->replay) :
		       atomic64_read(&sa->seq);

	if (nla_put_u32(skb, FLEXVTI_A_SA_ALG, sa->alg) ||
	    nla_put_u32(skb, FLEXVTI_A_SA_ICV_LEN, sa->icv_len) ||
	    (sa->esn && nla_put_flag(skb, FLEXVTI_A_SA_ESN)) ||
	    (in && nla_put_u32(skb, FLEXVTI_A_SA_REPLAY_WINDOW,
			       sa->replay.window)) ||
	    nla_put_u64_64bit(skb, FLEXVTI_A_SA_SOFT_BYTES, sa->soft_bytes,
			      FLEXVTI_A_PAD) ||
	    nla_put_u64_64bit(skb, FLEXVTI_A_SA_HARD_BYTES, sa->hard_bytes,
			      FLEXVTI_A_PAD) ||
	    nla_put_u64_64bit(skb, FLEXVTI_A_SA_SOFT_PACKETS,
			      sa->soft_packets, FLEXVTI_A_PAD) ||
	    nla_put_u64_64bit(skb, FLEXVTI_A_SA_HARD_PACKETS,
			      sa->hard_packets, FLEXVTI_A_PAD) ||
	    nla_put_u64_64bit(skb, FLEXVTI_A_SA_SEQ, seq, FLEXVTI_A_PAD) ||
	    (flexvti_nl_sa_active(sa) &&
	     nla_put_flag(skb, FLEXVTI_A_SA_ACTIVE)))
		return -EMSGSIZE;
	return 0;
}

/* @cb: the dump this message belongs to, or NULL */
static int flexvti_nl_sa_fill(struct sk_buff *skb, struct flexvti_sa *sa,
			      u32 portid, u32 seq, int flags,
			      struct netlink_callback *cb)
{
	struct flexvti_stats stats;
	void *hdr;

	hdr = flexvti_nl_msg_put(skb, portid, seq, flags, FLEXVTI_CMD_SA_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	flexvti_sa_stats(sa, &stats);
	if (flexvti_nl_sa_put_id(skb, sa) ||
	    flexvti_nl_sa_put_settings(skb, sa) ||
	    flexvti_stats_fill(skb, FLEXVTI_A_STATS, &stats)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/* the interface of a request, with a reference */
static struct net_device *flexvti_nl_dev_hold(struct genl_info *info)
{
	struct net_device *dev;

	rcu_read_lock();
	dev = flexvti_nl_dev_find(info);
	if (!IS_ERR(dev))
		dev_hold(dev);
	rcu_read_unlock();
	return dev;
}

static bool flexvti_nl_sa_new_attrs_ok(struct genl_info *info)
{
	return !GENL_REQ_ATTR_CHECK(info, FLEXVTI_A_SA_DIR) &&
	       !GENL_REQ_ATTR_CHECK(info, FLEXVTI_A_SA_SPI) &&
	       !GENL_REQ_ATTR_CHECK(info, FLEXVTI_A_SA_ALG) &&
	       !GENL_REQ_ATTR_CHECK(info, FLEXVTI_A_SA_KEY);
}

/* link a created SA under RTNL, unless its interface is going away */
static int flexvti_nl_sa_link(struct net_device *dev, struct flexvti_sa *sa,
			      struct netlink_ext_ack *extack)
{
	struct flexvti_priv *priv = netdev_priv(dev);
	int err;

	rtnl_lock();
	if (dev->reg_state != NETREG_REGISTERED) {
		NL_SET_ERR_MSG_MOD(extack, "the interface is going away");
		err = -ENODEV;
	} else {
		err = flexvti_sa_install(priv, sa, extack);
	}
	rtnl_unlock();
	return err;
}

/**
 * flexvti_nl_sa_new_doit - sa-new: install an SA
 * @skb: the request
 * @info: its attributes
 *
 * The transform is allocated and keyed without RTNL (loading a cipher
 * module and its self-tests can take long); the SA is linked under RTNL.
 *
 * Return: 0 or a negative errno, with the reason in extack.
 */
int flexvti_nl_sa_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct flexvti_priv *priv;
	struct net_device *dev;
	struct flexvti_sa *sa;
	int err = -EINVAL;

	if (!flexvti_nl_sa_new_attrs_ok(info))
		goto out_wipe;
	dev = flexvti_nl_dev_hold(info);
	if (IS_ERR(dev)) {
		err = PTR_ERR(dev);
		goto out_wipe;
	}
	priv = netdev_priv(dev);
	if (READ_ONCE(priv->cfg.ep.family) == AF_UNSPEC) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "the interface has no tunnel endpoints");
		goto out_put;
	}
	sa = flexvti_sa_create(dev, info->attrs, info->extack);
	if (IS_ERR(sa)) {
		err = PTR_ERR(sa);
		goto out_put;
	}
	err = flexvti_nl_sa_link(dev, sa, info->extack);
	if (err)
		flexvti_sa_put(sa);
out_put:
	dev_put(dev);
out_wipe:
	flexvti_sa_free_key_attrs(info->attrs);
	return err;
}

/* the SA a request names, under RTNL or RCU */
static struct flexvti_sa *flexvti_nl_sa_find(struct genl_info *info,
					     struct net_device *dev,
					     u8 dir)
{
	struct flexvti_sa *sa;

	if (GENL_REQ_ATTR_CHECK(info, FLEXVTI_A_SA_SPI))
		return ERR_PTR(-EINVAL);
	if (!dir && info->attrs[FLEXVTI_A_SA_DIR])
		dir = nla_get_u32(info->attrs[FLEXVTI_A_SA_DIR]);
	sa = flexvti_sa_find(netdev_priv(dev), dir,
			     nla_get_u32(info->attrs[FLEXVTI_A_SA_SPI]));
	if (!sa) {
		FLEXVTI_ERR_ATTR(info->extack, info->attrs[FLEXVTI_A_SA_SPI],
				 "no SA with this SPI on the interface");
		return ERR_PTR(-ENOENT);
	}
	return sa;
}

/* sa-del and sa-swap: find the SA under RTNL and act on it */
static int flexvti_nl_sa_change(struct genl_info *info, u8 dir,
				void (*act)(struct flexvti_priv *priv,
					    struct flexvti_sa *sa))
{
	struct net_device *dev;
	struct flexvti_sa *sa;
	int err = 0;

	rtnl_lock();
	rcu_read_lock();
	dev = flexvti_nl_dev_find(info);
	rcu_read_unlock();
	/* RTNL keeps dev registered until the end */
	if (IS_ERR(dev)) {
		err = PTR_ERR(dev);
		goto out;
	}
	sa = flexvti_nl_sa_find(info, dev, dir);
	if (IS_ERR(sa)) {
		err = PTR_ERR(sa);
		goto out;
	}
	act(netdev_priv(dev), sa);
out:
	rtnl_unlock();
	return err;
}

/**
 * flexvti_nl_sa_del_doit - sa-del: remove an SA
 * @skb: the request
 * @info: FLEXVTI_A_IFINDEX, FLEXVTI_A_SA_DIR, FLEXVTI_A_SA_SPI
 *
 * Return: 0, -ENOENT when there is no such SA, or another negative errno.
 */
int flexvti_nl_sa_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	if (GENL_REQ_ATTR_CHECK(info, FLEXVTI_A_SA_DIR))
		return -EINVAL;
	return flexvti_nl_sa_change(info, 0, flexvti_sa_remove);
}

/**
 * flexvti_nl_sa_swap_doit - sa-swap: make an outbound SA the active one
 * @skb: the request
 * @info: FLEXVTI_A_IFINDEX, FLEXVTI_A_SA_SPI of an outbound SA
 *
 * Return: 0, -ENOENT when there is no such SA, or another negative errno.
 */
int flexvti_nl_sa_swap_doit(struct sk_buff *skb, struct genl_info *info)
{
	return flexvti_nl_sa_change(info, FLEXVTI_SA_DIR_OUT,
				    flexvti_sa_activate);
}

/**
 * flexvti_nl_sa_get_doit - sa-get: one SA
 * @skb: the request
 * @info: FLEXVTI_A_IFINDEX, FLEXVTI_A_SA_SPI, optional FLEXVTI_A_SA_DIR
 *
 * Return: 0 or a negative errno.
 */
int flexvti_nl_sa_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net_device *dev;
	struct flexvti_sa *sa;
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	rcu_read_lock();
	dev = flexvti_nl_dev_find(info);
	sa = IS_ERR(dev) ? ERR_CAST(dev) : flexvti_nl_sa_find(info, dev, 0);
	if (IS_ERR(sa))
		err = PTR_ERR(sa);
	else
		err = flexvti_nl_sa_fill(msg, sa, info->snd_portid,
					 info->snd_seq, 0, NULL);
	rcu_read_unlock();
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/* dump the SAs of one interface from number *sidx on; 0 or -EMSGSIZE */
static int flexvti_nl_sa_dump_dev(struct sk_buff *skb,
				  struct netlink_callback *cb,
				  struct net_device *dev, long *sidx)
{
	struct flexvti_priv *priv = netdev_priv(dev);
	struct flexvti_sa *sa;
	long i = 0;

	list_for_each_entry_rcu(sa, &priv->sa_list, va_node) {
		if (i++ < *sidx)
			continue;
		if (flexvti_nl_sa_fill(skb, sa, NETLINK_CB(cb->skb).portid,
				       cb->nlh->nlmsg_seq, NLM_F_MULTI, cb)) {
			*sidx = i - 1;
			return -EMSGSIZE;
		}
	}
	*sidx = 0;
	return 0;
}

/**
 * flexvti_nl_sa_get_dumpit - sa-get dump: the SAs of the namespace
 * @skb: the message to fill
 * @cb: cb->args[0] counts interfaces done, cb->args[1] SAs done in the
 *	next one; FLEXVTI_A_IFINDEX in the request restricts the dump to
 *	one interface
 *
 * Return: the message length, 0 at the end.
 */
int flexvti_nl_sa_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr *filter = flexvti_compat_dump_attrs(cb)[FLEXVTI_A_IFINDEX];
	struct net *net = sock_net(skb->sk);
	long didx = 0, skip = cb->args[0];
	struct net_device *dev;
	int err = 0;

	rcu_read_lock();
	cb->seq = READ_ONCE(net->dev_base_seq) + flexvti_sa_generation();
	for_each_netdev_rcu(net, dev) {
		if (!flexvti_dev_is_valid(dev) ||
		    (filter && dev->ifindex != nla_get_u32(filter)))
			continue;
		if (didx++ < skip)
			continue;
		err = flexvti_nl_sa_dump_dev(skb, cb, dev, &cb->args[1]);
		if (err) {
			didx--;
			break;
		}
	}
	rcu_read_unlock();
	cb->args[0] = didx;
	return err && !skb->len ? err : skb->len;
}

/**
 * flexvti_nl_sa_event_notify - multicast an SA event
 * @sa: the SA
 * @event: what happened
 *
 * Sends FLEXVTI_CMD_SA_EVENT_NTF to the "events" group of the namespace
 * of the SA's interface; nothing when nobody listens.
 *
 * Context: any but hard irq.
 */
void flexvti_nl_sa_event_notify(struct flexvti_sa *sa,
				enum flexvti_sa_event event)
{
	struct net *net = dev_net(sa->dev);
	struct sk_buff *msg;
	void *hdr;

	if (!flexvti_nl_has_listeners(net))
		return;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_ATOMIC);
	if (!msg)
		return;
	hdr = flexvti_nl_msg_put(msg, 0, 0, 0, FLEXVTI_CMD_SA_EVENT_NTF);
	if (!hdr || flexvti_nl_sa_put_id(msg, sa) ||
	    nla_put_u32(msg, FLEXVTI_A_SA_EVENT, event)) {
		nlmsg_free(msg);
		return;
	}
	genlmsg_end(msg, hdr);
	flexvti_nl_multicast(net, msg, GFP_ATOMIC);
}
