// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti: the "flexvti" generic netlink family, version 1.
 *
 * Documentation/netlink/specs/flexvti.yaml describes every command and
 * attribute; the policies below implement its checks.  Every command
 * needs CAP_NET_ADMIN over the network namespace of the request and only
 * sees interfaces of that namespace.  Every rejection says why in extack.
 */

#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <net/sock.h>

#include "device.h"
#include "flexvtipriv.h"
#include "netlink.h"
#include "policy.h"
#include "sa.h"

enum flexvti_nl_mcgrp {
	FLEXVTI_NLGRP_EVENTS,
};

static const struct genl_multicast_group flexvti_nl_mcgrps[] = {
	[FLEXVTI_NLGRP_EVENTS] = { .name = FLEXVTI_MCGRP_EVENTS },
};

static const struct nla_policy flexvti_nl_dev_get_policy[] = {
	[FLEXVTI_A_IFINDEX]		= NLA_POLICY_MIN(NLA_U32, 1),
};

static const struct nla_policy flexvti_nl_dev_set_policy[] = {
	[FLEXVTI_A_IFINDEX]		= NLA_POLICY_MIN(NLA_U32, 1),
	[FLEXVTI_A_IFNAME]		= {
		.type = NLA_REJECT,
		.reject_message = "the interface name cannot be set here",
	},
	[FLEXVTI_A_MODE]		= NLA_POLICY_RANGE(NLA_U32,
							   FLEXVTI_MODE_IPSEC,
							   FLEXVTI_MODE_MAX),
	[FLEXVTI_A_LOCAL_IPV4]		= NLA_POLICY_EXACT_LEN(4),
	[FLEXVTI_A_REMOTE_IPV4]		= NLA_POLICY_EXACT_LEN(4),
	[FLEXVTI_A_LOCAL_IPV6]		= NLA_POLICY_EXACT_LEN(16),
	[FLEXVTI_A_REMOTE_IPV6]		= NLA_POLICY_EXACT_LEN(16),
	[FLEXVTI_A_NHRP_NETWORK_ID]	= { .type = NLA_U32 },
	[FLEXVTI_A_TEMPLATE_ID]		= {
		.type = NLA_REJECT,
		.reject_message = "template id is fixed at creation",
	},
	[FLEXVTI_A_UDP_SOCKET]		= NLA_POLICY_MIN(NLA_S32, -1),
	[FLEXVTI_A_UDP_LOCAL_PORT]	= {
		.type = NLA_REJECT,
		.reject_message = "the local UDP port is the socket's",
	},
	[FLEXVTI_A_UDP_REMOTE_PORT]	= { .type = NLA_BE16 },
	[FLEXVTI_A_ACL_IN]		= NLA_POLICY_NESTED(flexvti_acl_policy),
	[FLEXVTI_A_ACL_OUT]		= NLA_POLICY_NESTED(flexvti_acl_policy),
	[FLEXVTI_A_POLICER_IN]		=
		NLA_POLICY_NESTED(flexvti_policer_policy),
	[FLEXVTI_A_POLICER_OUT]		=
		NLA_POLICY_NESTED(flexvti_policer_policy),
	[FLEXVTI_A_NHRP_REDIRECT]	= NLA_POLICY_MAX(NLA_U32,
							 FLEXVTI_NHRP_REDIRECT_MAX),
	[FLEXVTI_A_MPLS_LABELS]		=
		NLA_POLICY_MAX(NLA_BINARY, FLEXVTI_MPLS_LABELS_MAX * sizeof(u32)),
};

static const struct flexvti_dev_attr_types flexvti_nl_attr_types = {
	.mode			= FLEXVTI_A_MODE,
	.local4			= FLEXVTI_A_LOCAL_IPV4,
	.remote4		= FLEXVTI_A_REMOTE_IPV4,
	.local6			= FLEXVTI_A_LOCAL_IPV6,
	.remote6		= FLEXVTI_A_REMOTE_IPV6,
	.nhrp_network_id	= FLEXVTI_A_NHRP_NETWORK_ID,
	.template_id		= FLEXVTI_A_TEMPLATE_ID,
	.udp_socket		= FLEXVTI_A_UDP_SOCKET,
	.udp_local_port		= FLEXVTI_A_UDP_LOCAL_PORT,
	.udp_remote_port	= FLEXVTI_A_UDP_REMOTE_PORT,
	.nhrp_redirect		= FLEXVTI_A_NHRP_REDIRECT,
	.mpls_labels		= FLEXVTI_A_MPLS_LABELS,
};

static struct genl_family flexvti_nl_family;

/**
 * flexvti_nl_msg_put - start a message of the family
 * @skb: the message buffer
 * @portid: destination port, 0 for notifications
 * @seq: sequence number of the request, 0 for notifications
 * @flags: netlink flags (NLM_F_MULTI in dumps)
 * @cmd: &enum flexvti_cmd
 *
 * Return: the genl header, or NULL when @skb is full.
 */
void *flexvti_nl_msg_put(struct sk_buff *skb, u32 portid, u32 seq, int flags,
			 u8 cmd)
{
	return genlmsg_put(skb, portid, seq, &flexvti_nl_family, flags, cmd);
}

/* @cb: the dump this message belongs to, or NULL */
static int flexvti_nl_dev_fill(struct sk_buff *skb, struct net_device *dev,
			       u32 portid, u32 seq, int flags, u8 cmd,
			       struct netlink_callback *cb)
{
	struct flexvti_stats stats;
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &flexvti_nl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	flexvti_dev_stats(netdev_priv(dev), &stats);
	if (nla_put_u32(skb, FLEXVTI_A_IFINDEX, dev->ifindex) ||
	    nla_put_string(skb, FLEXVTI_A_IFNAME, dev->name) ||
	    flexvti_dev_fill(skb, netdev_priv(dev), &flexvti_nl_attr_types) ||
	    flexvti_policy_fill(skb, netdev_priv(dev)) ||
	    flexvti_stats_fill(skb, FLEXVTI_A_STATS, &stats)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/**
 * flexvti_nl_dev_find - the interface a request names
 * @info: the request; FLEXVTI_A_IFINDEX in its namespace
 *
 * Context: RCU read side or RTNL, which keep the result alive until they
 * end.
 * Return: the interface, or ERR_PTR(-EINVAL) without an index, -ENODEV,
 * -EOPNOTSUPP for an interface of another kind; with extack set.
 */
struct net_device *flexvti_nl_dev_find(struct genl_info *info)
{
	struct nlattr *attr = info->attrs[FLEXVTI_A_IFINDEX];
	struct net_device *dev;

	if (GENL_REQ_ATTR_CHECK(info, FLEXVTI_A_IFINDEX)) {
		NL_SET_ERR_MSG_MOD(info->extack, "missing interface index");
		return ERR_PTR(-EINVAL);
	}
	dev = dev_get_by_index_rcu(genl_info_net(info), nla_get_u32(attr));
	if (!dev) {
		FLEXVTI_ERR_ATTR(info->extack, attr,
				 "no interface with this index");
		return ERR_PTR(-ENODEV);
	}
	if (!flexvti_dev_is_valid(dev)) {
		FLEXVTI_ERR_ATTR(info->extack, attr,
				 "interface is not a flexvti virtual-access interface");
		return ERR_PTR(-EOPNOTSUPP);
	}
	return dev;
}

static int flexvti_nl_dev_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net_device *dev;
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	rcu_read_lock();
	dev = flexvti_nl_dev_find(info);
	if (IS_ERR(dev))
		err = PTR_ERR(dev);
	else
		err = flexvti_nl_dev_fill(msg, dev, info->snd_portid,
					  info->snd_seq, 0,
					  FLEXVTI_CMD_DEV_GET, NULL);
	rcu_read_unlock();

	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/*
 * cb->args[0] counts the flexvti interfaces already dumped.  The list can
 * change between two parts of a dump; the namespace's dev_base_seq then
 * changes too, and genl_dump_check_consistent() flags the message with
 * NLM_F_DUMP_INTR so that userspace can start over.
 */
static int flexvti_nl_dev_get_dumpit(struct sk_buff *skb,
				     struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	long skip = cb->args[0], idx = 0;
	struct net_device *dev;
	int err = 0;

	rcu_read_lock();
	cb->seq = READ_ONCE(net->dev_base_seq);
	for_each_netdev_rcu(net, dev) {
		if (!flexvti_dev_is_valid(dev))
			continue;
		if (idx++ < skip)
			continue;
		err = flexvti_nl_dev_fill(skb, dev,
					  NETLINK_CB(cb->skb).portid,
					  cb->nlh->nlmsg_seq, NLM_F_MULTI,
					  FLEXVTI_CMD_DEV_GET, cb);
		if (err) {
			idx--;
			break;
		}
	}
	rcu_read_unlock();

	cb->args[0] = idx;
	/* the message is full: the rest comes in the next part */
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ? : skb->len;
}

/*
 * Everything is parsed, and new access lists and policers built, before
 * RTNL is taken; flexvti_dev_change_apply() then either applies all of
 * the change or none of it.
 */
static int flexvti_nl_dev_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct flexvti_dev_change chg;
	struct net_device *dev;
	int err;

	err = flexvti_dev_change_parse(info->attrs, &flexvti_nl_attr_types,
				       &chg, info->extack);
	if (err)
		return err;
	err = flexvti_policy_change_parse(info->attrs, &chg.policy,
					  info->extack);
	if (err)
		return err;

	rtnl_lock();
	rcu_read_lock();
	dev = flexvti_nl_dev_find(info);
	rcu_read_unlock();
	/* RTNL keeps dev registered until the end */
	if (IS_ERR(dev)) {
		err = PTR_ERR(dev);
		goto out;
	}
	err = flexvti_dev_change_apply(netdev_priv(dev), &chg, info->extack);
	if (!err && flexvti_dev_change_any(&chg))
		flexvti_nl_dev_change_notify(dev);
out:
	rtnl_unlock();
	flexvti_dev_change_release(&chg);
	return err;
}

/* the message of an acl-get reply, sized for @acl exactly */
static struct sk_buff *flexvti_nl_acl_msg(struct genl_info *info,
					  int ifindex,
					  struct flexvti_acl *acl[FLEXVTI_DIR_MAX])
{
	size_t size = nla_total_size(sizeof(u32)) +	/* FLEXVTI_A_IFINDEX */
		      flexvti_policy_acls_size(acl);
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(size, GFP_KERNEL);
	if (!msg)
		return ERR_PTR(-ENOMEM);
	hdr = genlmsg_put_reply(msg, info, &flexvti_nl_family, 0,
				FLEXVTI_CMD_ACL_GET);
	if (!hdr || nla_put_u32(msg, FLEXVTI_A_IFINDEX, ifindex) ||
	    flexvti_policy_acls_fill(msg, acl)) {
		/* the size is computed from the same lists: cannot happen */
		WARN_ON_ONCE(1);
		nlmsg_free(msg);
		return ERR_PTR(-EMSGSIZE);
	}
	genlmsg_end(msg, hdr);
	return msg;
}

/*
 * acl-get: the lists of one interface with every rule and its hits.  The
 * lists may be long, so they are read with references held instead of
 * under RCU, into a reply of their exact size.
 */
static int flexvti_nl_acl_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct flexvti_acl *acl[FLEXVTI_DIR_MAX];
	struct net_device *dev;
	struct sk_buff *msg;
	int d, ifindex;

	rcu_read_lock();
	dev = flexvti_nl_dev_find(info);
	if (!IS_ERR(dev))
		flexvti_policy_acls_get(netdev_priv(dev), acl);
	rcu_read_unlock();
	if (IS_ERR(dev))
		return PTR_ERR(dev);
	ifindex = nla_get_u32(info->attrs[FLEXVTI_A_IFINDEX]);

	msg = flexvti_nl_acl_msg(info, ifindex, acl);
	for (d = 0; d < FLEXVTI_DIR_MAX; d++)
		flexvti_acl_put(acl[d]);
	if (IS_ERR(msg))
		return PTR_ERR(msg);
	return genlmsg_reply(msg, info);
}

static const struct genl_ops flexvti_nl_ops[] = {
	{
		.cmd		= FLEXVTI_CMD_DEV_GET,
		.doit		= flexvti_nl_dev_get_doit,
		.dumpit		= flexvti_nl_dev_get_dumpit,
		.policy		= flexvti_nl_dev_get_policy,
		.maxattr	= ARRAY_SIZE(flexvti_nl_dev_get_policy) - 1,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= FLEXVTI_CMD_DEV_SET,
		.doit		= flexvti_nl_dev_set_doit,
		.policy		= flexvti_nl_dev_set_policy,
		.maxattr	= ARRAY_SIZE(flexvti_nl_dev_set_policy) - 1,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= FLEXVTI_CMD_SA_NEW,
		.doit		= flexvti_nl_sa_new_doit,
		.policy		= flexvti_nl_sa_new_policy,
		.maxattr	= FLEXVTI_A_SA_SEQ,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= FLEXVTI_CMD_SA_DEL,
		.doit		= flexvti_nl_sa_del_doit,
		.policy		= flexvti_nl_sa_id_policy,
		.maxattr	= FLEXVTI_A_SA_SPI,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= FLEXVTI_CMD_SA_GET,
		.doit		= flexvti_nl_sa_get_doit,
		.dumpit		= flexvti_nl_sa_get_dumpit,
		.policy		= flexvti_nl_sa_id_policy,
		.maxattr	= FLEXVTI_A_SA_SPI,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= FLEXVTI_CMD_SA_SWAP,
		.doit		= flexvti_nl_sa_swap_doit,
		.policy		= flexvti_nl_sa_id_policy,
		.maxattr	= FLEXVTI_A_SA_SPI,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= FLEXVTI_CMD_ACL_GET,
		.doit		= flexvti_nl_acl_get_doit,
		.policy		= flexvti_nl_dev_get_policy,
		.maxattr	= ARRAY_SIZE(flexvti_nl_dev_get_policy) - 1,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
};

static struct genl_family flexvti_nl_family __ro_after_init = {
	.name		= FLEXVTI_FAMILY_NAME,
	.version	= FLEXVTI_FAMILY_VERSION,
	.maxattr	= FLEXVTI_A_MAX,
	.netnsok	= true,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.ops		= flexvti_nl_ops,
	.n_ops		= ARRAY_SIZE(flexvti_nl_ops),
	.resv_start_op	= FLEXVTI_CMD_DEV_SET + 1,
	.mcgrps		= flexvti_nl_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(flexvti_nl_mcgrps),
};

/**
 * flexvti_nl_multicast - send a notification to the "events" group
 * @net: the namespace whose listeners get it
 * @msg: the message; consumed
 * @gfp: allocation context
 */
void flexvti_nl_multicast(struct net *net, struct sk_buff *msg, gfp_t gfp)
{
	genlmsg_multicast_netns(&flexvti_nl_family, net, msg, 0,
				FLEXVTI_NLGRP_EVENTS, gfp);
}

/**
 * flexvti_nl_has_listeners - does anyone listen to "events" in @net?
 * @net: a namespace
 *
 * Return: true if a notification would reach someone.
 */
bool flexvti_nl_has_listeners(struct net *net)
{
	return genl_has_listeners(&flexvti_nl_family, net,
				  FLEXVTI_NLGRP_EVENTS);
}

/**
 * flexvti_nl_dev_change_notify - multicast an interface's new settings
 * @dev: a flexvti interface
 *
 * Sends FLEXVTI_CMD_DEV_CHANGE_NTF to the "events" group of the
 * interface's namespace; nothing when nobody listens.
 *
 * Context: process context, RTNL held.
 */
void flexvti_nl_dev_change_notify(struct net_device *dev)
{
	struct sk_buff *msg;

	if (!flexvti_nl_has_listeners(dev_net(dev)))
		return;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return;
	if (flexvti_nl_dev_fill(msg, dev, 0, 0, 0,
				FLEXVTI_CMD_DEV_CHANGE_NTF, NULL)) {
		nlmsg_free(msg);
		return;
	}
	flexvti_nl_multicast(dev_net(dev), msg, GFP_KERNEL);
}

/**
 * flexvti_nl_dev_del_notify - multicast that an interface goes away
 * @dev: a flexvti interface being unregistered
 * @reason: why
 *
 * Sends FLEXVTI_CMD_DEV_DEL_NTF with the interface's index, name and
 * @reason to the "events" group of its namespace.
 *
 * Context: process context, RTNL held.
 */
void flexvti_nl_dev_del_notify(struct net_device *dev,
			       enum flexvti_del_reason reason)
{
	struct sk_buff *msg;
	void *hdr;

	if (!flexvti_nl_has_listeners(dev_net(dev)))
		return;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return;
	hdr = genlmsg_put(msg, 0, 0, &flexvti_nl_family, 0,
			  FLEXVTI_CMD_DEV_DEL_NTF);
	if (!hdr ||
	    nla_put_u32(msg, FLEXVTI_A_IFINDEX, dev->ifindex) ||
	    nla_put_string(msg, FLEXVTI_A_IFNAME, dev->name) ||
	    nla_put_u32(msg, FLEXVTI_A_DEL_REASON, reason)) {
		nlmsg_free(msg);
		return;
	}
	genlmsg_end(msg, hdr);
	flexvti_nl_multicast(dev_net(dev), msg, GFP_KERNEL);
}

/* bytes of an nhrp-redirect-ntf's attributes, at most */
static size_t flexvti_nl_nhrp_redirect_size(void)
{
	return 3 * nla_total_size(sizeof(u32)) +	/* ifindexes, id */
	       nla_total_size(IFNAMSIZ) +
	       2 * nla_total_size(sizeof(struct in6_addr)) +
	       nla_total_size(FLEXVTI_NHRP_PACKET_MAX);
}

static int flexvti_nl_nhrp_redirect_fill(struct sk_buff *msg,
					 const struct flexvti_nhrp_event *ev)
{
	const struct sk_buff *skb = ev->skb;
	int off = skb_network_offset(skb);
	int alen = ev->family == AF_INET ? 4 : 16;
	int plen = min_t(int, skb->len - off, FLEXVTI_NHRP_PACKET_MAX);
	struct nlattr *pkt;

	if (nla_put_u32(msg, FLEXVTI_A_IFINDEX, ev->in->ifindex) ||
	    nla_put_string(msg, FLEXVTI_A_IFNAME, ev->in->name) ||
	    nla_put_u32(msg, FLEXVTI_A_NHRP_NETWORK_ID, ev->network_id) ||
	    nla_put_u32(msg, FLEXVTI_A_NHRP_EGRESS_IFINDEX, ev->out->ifindex) ||
	    nla_put(msg, FLEXVTI_A_INNER_SRC, alen, &ev->src) ||
	    nla_put(msg, FLEXVTI_A_INNER_DST, alen, &ev->dst))
		return -EMSGSIZE;
	pkt = nla_reserve(msg, FLEXVTI_A_NHRP_PACKET, plen);
	if (!pkt)
		return -EMSGSIZE;
	return skb_copy_bits(skb, off, nla_data(pkt), plen);
}

/**
 * flexvti_nl_nhrp_redirect_notify - multicast an nhrp-redirect-ntf
 * @ev: what to tell: the interfaces, addresses and the packet
 *
 * Sends FLEXVTI_CMD_NHRP_REDIRECT_NTF to the "events" group of the
 * namespace of the interfaces; nothing when nobody listens.
 *
 * Context: transmit path, BH disabled; RCU keeps ev->in and ev->out.
 * Return: 0 when the notification was sent or nobody listens, -ENOMEM
 * when there was no memory for it.
 */
int flexvti_nl_nhrp_redirect_notify(const struct flexvti_nhrp_event *ev)
{
	struct net *net = dev_net(ev->in);
	struct sk_buff *msg;
	void *hdr;

	if (!flexvti_nl_has_listeners(net))
		return 0;
	msg = genlmsg_new(flexvti_nl_nhrp_redirect_size(), GFP_ATOMIC);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put(msg, 0, 0, &flexvti_nl_family, 0,
			  FLEXVTI_CMD_NHRP_REDIRECT_NTF);
	if (!hdr || flexvti_nl_nhrp_redirect_fill(msg, ev)) {
		/* sized for the largest: cannot happen */
		WARN_ON_ONCE(1);
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	flexvti_nl_multicast(net, msg, GFP_ATOMIC);
	return 0;
}

/**
 * flexvti_nl_register - register the generic netlink family
 *
 * Return: 0 or a negative errno from genl_register_family().
 */
int flexvti_nl_register(void)
{
	return genl_register_family(&flexvti_nl_family);
}

/**
 * flexvti_nl_unregister - unregister the generic netlink family
 */
void flexvti_nl_unregister(void)
{
	genl_unregister_family(&flexvti_nl_family);
}
