// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti: the virtual-access net_device and its rtnl link kind.
 *
 * A virtual-access interface (VA) is a point-to-point, ARP-less interface
 * that carries the traffic of one IKEv2 session.  It is created and
 * deleted over rtnetlink ("ip link add va1 type flexvti"), the same path
 * flexvtid uses when it clones a virtual template, and configured over
 * rtnetlink or the flexvti generic netlink family.
 *
 * Until an outbound SA is installed, nothing can be sent: every packet
 * routed into the interface is dropped and counted as tx_dropped and
 * under "no SA".
 */

#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/ip.h>
#include <linux/module.h>
#include <net/ipv6.h>
#include <net/net_namespace.h>
#include <net/rtnetlink.h>

#include "compat.h"
#include "device.h"
#include "esp.h"
#include "flexvtipriv.h"
#include "netlink.h"
#include "output.h"
#include "sa.h"
#include "udp.h"

/* Set while the module unloads, so that notifications can say so. */
static bool flexvti_dev_unloading;

/**
 * flexvti_dev_drop - count a dropped packet
 * @priv: the interface
 * @sa: the SA it was for, or NULL
 * @reason: why
 * @rx: whether it was received (or to be sent)
 *
 * Counts it by reason for the interface and the SA, and in the standard
 * counters ip -s link shows: rx_errors for inbound packets that failed
 * authentication or were malformed, rx_dropped or tx_dropped otherwise.
 * The drops of the interface's access lists and policers are its own,
 * not the SA's.
 */
void flexvti_dev_drop(struct flexvti_priv *priv, struct flexvti_sa *sa,
		      enum flexvti_drop reason, bool rx)
{
	atomic64_inc(&priv->drops.n[reason]);
	if (sa && reason != FLEXVTI_DROP_ACL && reason != FLEXVTI_DROP_POLICER)
		flexvti_sa_drop(sa, reason);
	if (!rx)
		DEV_STATS_INC(priv->dev, tx_dropped);
	else if (reason == FLEXVTI_DROP_AUTH ||
		 reason == FLEXVTI_DROP_MALFORMED)
		DEV_STATS_INC(priv->dev, rx_errors);
	else
		DEV_STATS_INC(priv->dev, rx_dropped);
}

/**
 * flexvti_dev_drop_policy - count packets an access list or policer dropped
 * @priv: the interface
 * @reason: FLEXVTI_DROP_ACL or FLEXVTI_DROP_POLICER
 * @rx: whether they were received (or to be sent)
 * @n: how many: the segments of a GSO packet
 *
 * They are the interface's drops, not an SA's, and count as rx_dropped or
 * tx_dropped.
 */
void flexvti_dev_drop_policy(struct flexvti_priv *priv,
			     enum flexvti_drop reason, bool rx,
			     unsigned int n)
{
	atomic64_add(n, &priv->drops.n[reason]);
	if (rx)
		DEV_STATS_ADD(priv->dev, rx_dropped, n);
	else
		DEV_STATS_ADD(priv->dev, tx_dropped, n);
}

/**
 * flexvti_dev_transport_net - where the interface's ESP travels
 * @priv: the interface
 *
 * Context: RTNL or RCU read side.
 * Return: the network namespace of its ESP-in-UDP socket, or of the
 * interface itself for raw ESP.  Inbound SAs are found by SPI in it.
 */
struct net *flexvti_dev_transport_net(struct flexvti_priv *priv)
{
	struct flexvti_udp *udp = rcu_dereference_rtnl(priv->udp);

	return udp ? sock_net(udp->sk) : dev_net(priv->dev);
}

/**
 * flexvti_dev_stats - read an interface's counters
 * @priv: the interface
 * @s: filled with them
 */
void flexvti_dev_stats(struct flexvti_priv *priv, struct flexvti_stats *s)
{
	struct rtnl_link_stats64 sw = {};

	dev_fetch_sw_netstats(&sw, priv->dev->tstats);
	s->rx_packets = sw.rx_packets;
	s->rx_bytes = sw.rx_bytes;
	s->tx_packets = sw.tx_packets;
	s->tx_bytes = sw.tx_bytes;
	flexvti_drops_read(&priv->drops, s);
	flexvti_nhrp_stats(&priv->nhrp, s);
}

static int flexvti_dev_init(struct net_device *dev)
{
	struct flexvti_priv *priv = netdev_priv(dev);
	int err;

	err = dst_cache_init(&priv->dst_cache, GFP_KERNEL);
	if (err)
		return err;
	err = gro_cells_init(&priv->gro_cells, dev);
	if (err) {
		dst_cache_destroy(&priv->dst_cache);
		return err;
	}
	/* read by the selftests' leak check, as WireGuard's are */
	pr_debug("%s: virtual-access interface created\n", dev->name);
	return 0;
}

static enum flexvti_del_reason
flexvti_dev_del_reason(const struct net_device *dev)
{
	if (READ_ONCE(flexvti_dev_unloading))
		return FLEXVTI_DEL_REASON_UNLOAD;
	if (!check_net(dev_net(dev)))
		return FLEXVTI_DEL_REASON_NETNS;
	return FLEXVTI_DEL_REASON_USERSPACE;
}

static void flexvti_dev_uninit(struct net_device *dev)
{
	struct flexvti_priv *priv = netdev_priv(dev);

	struct flexvti_udp *udp = rtnl_dereference(priv->udp);

	flexvti_sa_flush(priv);
	flexvti_policy_clear(priv);
	flexvti_nhrp_flush(&priv->nhrp);
	if (udp) {
		RCU_INIT_POINTER(priv->udp, NULL);
		flexvti_udp_put(udp);
	}
	gro_cells_destroy(&priv->gro_cells);
	flexvti_nl_dev_del_notify(dev, flexvti_dev_del_reason(dev));
}

static void flexvti_dev_destruct(struct net_device *dev)
{
	struct flexvti_priv *priv = netdev_priv(dev);

	dst_cache_destroy(&priv->dst_cache);
	/* the last reference is gone: nothing of the VA is left */
	pr_debug("%s: virtual-access interface destroyed\n", dev->name);
}

static const struct net_device_ops flexvti_netdev_ops = {
	.ndo_init		= flexvti_dev_init,
	.ndo_uninit		= flexvti_dev_uninit,
	.ndo_start_xmit		= flexvti_output_xmit,
	.ndo_get_stats64	= dev_get_tstats64,
};

/**
 * flexvti_dev_is_valid - tell whether a net_device is a flexvti VA
 * @dev: any net_device
 *
 * Return: true if @dev was created by this module.
 */
bool flexvti_dev_is_valid(const struct net_device *dev)
{
	return dev->netdev_ops == &flexvti_netdev_ops;
}

static void flexvti_dev_setup(struct net_device *dev)
{
	struct flexvti_priv *priv = netdev_priv(dev);

	dev->netdev_ops = &flexvti_netdev_ops;
	dev->type = ARPHRD_NONE;
	dev->flags = IFF_POINTOPOINT | IFF_NOARP;
	dev->priv_flags |= IFF_NO_QUEUE;
	dev->hard_header_len = 0;
	dev->addr_len = 0;
	dev->needed_headroom = LL_MAX_HEADER + FLEXVTI_OUTER_HLEN +
			       FLEXVTI_ESP_HLEN + 16 + sizeof(__be32) + 4 +
			       FLEXVTI_MPLS_LABELS_MAX * FLEXVTI_MPLS_LSE_LEN;
	dev->needed_tailroom = 16 + 2 + 32;
	dev->features = NETIF_F_SG | NETIF_F_HW_CSUM | NETIF_F_HIGHDMA |
			NETIF_F_GSO_SOFTWARE;
	dev->hw_features = dev->features;
	dev->hw_enc_features = dev->features;
	dev->mtu = FLEXVTI_DEFAULT_MTU;
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = IP_MAX_MTU - FLEXVTI_MAX_OVERHEAD;
	dev->pcpu_stat_type = NETDEV_PCPU_STAT_TSTATS;
	dev->needs_free_netdev = true;
	dev->priv_destructor = flexvti_dev_destruct;
	flexvti_compat_set_lltx(dev);
	netif_keep_dst(dev);

	priv->dev = dev;
	seqlock_init(&priv->lock);
	INIT_LIST_HEAD(&priv->sa_list);
	priv->cfg.mode = FLEXVTI_MODE_IPSEC;
	priv->cfg.udp_dport = htons(FLEXVTI_UDP_PORT);
	flexvti_nhrp_init(&priv->nhrp);
}

static int flexvti_dev_ep4_parse(const struct nlattr *local,
				 const struct nlattr *remote,
				 struct flexvti_endpoints *ep,
				 struct netlink_ext_ack *extack)
{
	ep->family = AF_INET;
	ep->remote4 = nla_get_in_addr(remote);
	if (ipv4_is_zeronet(ep->remote4) || ipv4_is_multicast(ep->remote4) ||
	    ipv4_is_lbcast(ep->remote4)) {
		FLEXVTI_ERR_ATTR(extack, remote,
				 "remote endpoint must be a unicast address");
		return -EINVAL;
	}
	if (!local)
		return 0;
	ep->local4 = nla_get_in_addr(local);
	if (ipv4_is_multicast(ep->local4) || ipv4_is_lbcast(ep->local4)) {
		FLEXVTI_ERR_ATTR(extack, local,
				 "local endpoint must be a unicast address or 0.0.0.0");
		return -EINVAL;
	}
	return 0;
}

static int flexvti_dev_ep6_parse(const struct nlattr *local,
				 const struct nlattr *remote,
				 struct flexvti_endpoints *ep,
				 struct netlink_ext_ack *extack)
{
	ep->family = AF_INET6;
	ep->remote6 = nla_get_in6_addr(remote);
	if (ipv6_addr_any(&ep->remote6) ||
	    ipv6_addr_is_multicast(&ep->remote6)) {
		FLEXVTI_ERR_ATTR(extack, remote,
				 "remote endpoint must be a unicast address");
		return -EINVAL;
	}
	if (!local)
		return 0;
	ep->local6 = nla_get_in6_addr(local);
	if (ipv6_addr_is_multicast(&ep->local6)) {
		FLEXVTI_ERR_ATTR(extack, local,
				 "local endpoint must be a unicast address or ::");
		return -EINVAL;
	}
	return 0;
}

/*
 * Endpoints are replaced as a pair: the remote one is required, the local
 * one optional, and both are of one address family.
 */
static int flexvti_dev_ep_parse(struct nlattr **tb,
				const struct flexvti_dev_attr_types *t,
				struct flexvti_dev_change *chg,
				struct netlink_ext_ack *extack)
{
	struct nlattr *local4 = tb[t->local4], *remote4 = tb[t->remote4];
	struct nlattr *local6 = tb[t->local6], *remote6 = tb[t->remote6];
	bool v4 = local4 || remote4;
	bool v6 = local6 || remote6;

	if (!v4 && !v6)
		return 0;
	if (v4 && v6) {
		FLEXVTI_ERR_ATTR(extack, local6 ? : remote6,
				 "IPv4 and IPv6 endpoints in one request");
		return -EINVAL;
	}
	if ((v4 && !remote4) || (v6 && !remote6)) {
		FLEXVTI_ERR_ATTR(extack, v4 ? local4 : local6,
				 "local endpoint given without a remote endpoint");
		return -EINVAL;
	}
	chg->has_ep = true;
	if (v4)
		return flexvti_dev_ep4_parse(local4, remote4, &chg->cfg.ep,
					     extack);
	return flexvti_dev_ep6_parse(local6, remote6, &chg->cfg.ep, extack);
}

/**
 * flexvti_dev_change_parse - validate a settings change
 * @tb: parsed attributes, types and ranges already checked by the netlink
 *	policy of the family they came from
 * @t: the attribute types of that family
 * @chg: filled with the change on success
 * @extack: receives the reason of a rejection
 *
 * Checks the rules that span attributes or that a policy cannot express,
 * but for those that depend on the interface's current settings, which
 * flexvti_dev_change_apply() checks.  The template id is not a change:
 * callers deal with it.
 *
 * Return: 0, or -EINVAL with an extack message naming the attribute.
 */
int flexvti_dev_change_parse(struct nlattr **tb,
			     const struct flexvti_dev_attr_types *t,
			     struct flexvti_dev_change *chg,
			     struct netlink_ext_ack *extack)
{
	int err;

	memset(chg, 0, sizeof(*chg));
	if (tb[t->mode]) {
		chg->has_mode = true;
		chg->mode_attr = tb[t->mode];
		chg->cfg.mode = nla_get_u32(tb[t->mode]);
	}
	if (tb[t->nhrp_network_id]) {
		chg->has_nhrp = true;
		chg->cfg.nhrp_network_id = nla_get_u32(tb[t->nhrp_network_id]);
	}
	if (tb[t->nhrp_redirect]) {
		chg->has_redirect = true;
		chg->cfg.nhrp_redirect = nla_get_u32(tb[t->nhrp_redirect]);
	}
	if (t->mpls_labels && tb[t->mpls_labels]) {
		chg->has_mpls = true;
		chg->mpls_attr = tb[t->mpls_labels];
		err = flexvti_mpls_parse(chg->mpls_attr, &chg->cfg.mpls, extack);
		if (err)
			return err;
	}
	if (t->udp_socket && tb[t->udp_socket]) {
		chg->has_udp = true;
		chg->udp_fd = nla_get_s32(tb[t->udp_socket]);
	}
	if (t->udp_remote_port && tb[t->udp_remote_port]) {
		chg->has_dport = true;
		chg->cfg.udp_dport = nla_get_be16(tb[t->udp_remote_port]);
		if (!chg->cfg.udp_dport) {
			FLEXVTI_ERR_ATTR(extack, tb[t->udp_remote_port],
					 "remote UDP port 0");
			return -EINVAL;
		}
	}
	return flexvti_dev_ep_parse(tb, t, chg, extack);
}

/*
 * Can the interface send over @sock (NULL: raw ESP) to the endpoints it
 * will have?  Its inbound SAs were installed in the transport namespace,
 * which therefore cannot change under them.
 */
static int flexvti_dev_transport_check(struct flexvti_priv *priv,
				       const struct flexvti_dev_change *chg,
				       struct socket *sock,
				       struct netlink_ext_ack *extack)
{
	sa_family_t family = chg->has_ep ? chg->cfg.ep.family :
					   priv->cfg.ep.family;
	struct flexvti_udp *udp = rtnl_dereference(priv->udp);
	struct sock *sk = chg->has_udp ? (sock ? sock->sk : NULL) :
					 (udp ? udp->sk : NULL);
	struct net *net = sk ? sock_net(sk) : dev_net(priv->dev);

	if (sk && family && sk->sk_family != family) {
		NL_SET_ERR_MSG_MOD(extack,
				   "the UDP socket and the tunnel endpoints are of different address families");
		return -EINVAL;
	}
	if (!net_eq(net, flexvti_dev_transport_net(priv)) &&
	    !list_empty(&priv->sa_list)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "cannot move the transport to another network namespace while SAs are installed");
		return -EBUSY;
	}
	return 0;
}

/* the socket of a change, NULL for raw ESP: checked and attached */
static struct flexvti_udp *
flexvti_dev_transport_get(struct flexvti_priv *priv,
			  const struct flexvti_dev_change *chg,
			  struct netlink_ext_ack *extack)
{
	struct flexvti_udp *udp = NULL;
	struct socket *sock = NULL;
	int err;

	if (chg->udp_fd >= 0) {
		sock = sockfd_lookup(chg->udp_fd, &err);
		if (!sock) {
			NL_SET_ERR_MSG_MOD(extack,
					   "the UDP socket descriptor is not a socket");
			return ERR_PTR(err);
		}
	}
	err = flexvti_dev_transport_check(priv, chg, sock, extack);
	if (!err && sock)
		udp = flexvti_udp_attach(sock, extack);
	if (sock)
		sockfd_put(sock);
	return err ? ERR_PTR(err) : udp;
}

/* the new socket, or NULL, takes the place of the old one */
static void flexvti_dev_transport_set(struct flexvti_priv *priv,
				      struct flexvti_udp *udp)
{
	struct flexvti_udp *old = rtnl_dereference(priv->udp);

	rcu_assign_pointer(priv->udp, udp);
	if (old)
		flexvti_udp_put(old);
}

/*
 * A label stack needs gre mode: refuse labels for an interface that will
 * be in ipsec mode, and ipsec mode for one that will keep its labels.
 */
static int flexvti_dev_mpls_check(struct flexvti_priv *priv,
				  const struct flexvti_dev_change *chg,
				  struct netlink_ext_ack *extack)
{
	u32 mode = chg->has_mode ? chg->cfg.mode : priv->cfg.mode;
	u32 labels = chg->has_mpls ? chg->cfg.mpls.n : priv->cfg.mpls.n;

	if (mode == FLEXVTI_MODE_GRE || !labels)
		return 0;
	if (chg->has_mpls)
		FLEXVTI_ERR_ATTR(extack, chg->mpls_attr,
				 "MPLS labels need gre mode");
	else
		FLEXVTI_ERR_ATTR(extack, chg->mode_attr,
				 "cannot change to ipsec mode while MPLS labels are set");
	return -EINVAL;
}

/* the settings of @chg into the interface's; under @priv->lock */
static void flexvti_dev_cfg_set(struct flexvti_priv *priv,
				const struct flexvti_dev_change *chg)
{
	struct flexvti_dev_cfg *cfg = &priv->cfg;

	if (chg->has_mode)
		WRITE_ONCE(cfg->mode, chg->cfg.mode);
	if (chg->has_nhrp)
		WRITE_ONCE(cfg->nhrp_network_id, chg->cfg.nhrp_network_id);
	if (chg->has_redirect)
		WRITE_ONCE(cfg->nhrp_redirect, chg->cfg.nhrp_redirect);
	if (chg->has_ep)
		cfg->ep = chg->cfg.ep;
	if (chg->has_dport)
		cfg->udp_dport = chg->cfg.udp_dport;
	if (chg->has_mpls)
		cfg->mpls = chg->cfg.mpls;
}

/**
 * flexvti_dev_change_apply - apply a validated settings change
 * @priv: the interface
 * @chg: the change, from flexvti_dev_change_parse()
 * @extack: receives the reason of a rejection
 *
 * All or nothing: a rejected change leaves the interface as it was.  On
 * success, the new access lists and policers of @chg move into the
 * interface's policy.
 *
 * Context: RTNL held, so that the interface cannot go up meanwhile;
 * process context when the change attaches a socket.
 * Return: 0, or -EBUSY when the mode would change on an interface that is
 * up, or the transport namespace while SAs are installed; the errors of
 * sockfd_lookup() and flexvti_udp_attach(); -EINVAL when the socket and
 * the endpoints are of different families, or when MPLS labels would be
 * set in ipsec mode.
 */
int flexvti_dev_change_apply(struct flexvti_priv *priv,
			     struct flexvti_dev_change *chg,
			     struct netlink_ext_ack *extack)
{
	struct flexvti_udp *udp = NULL;
	int err;

	ASSERT_RTNL();

	if (chg->has_mode && chg->cfg.mode != priv->cfg.mode &&
	    (priv->dev->flags & IFF_UP)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "cannot change the mode of an interface that is up");
		return -EBUSY;
	}
	err = flexvti_dev_mpls_check(priv, chg, extack);
	if (err)
		return err;
	if (chg->has_udp) {
		udp = flexvti_dev_transport_get(priv, chg, extack);
		if (IS_ERR(udp))
			return PTR_ERR(udp);
	} else if (chg->has_ep) {
		err = flexvti_dev_transport_check(priv, chg, NULL, extack);
		if (err)
			return err;
	}

	write_seqlock_bh(&priv->lock);
	flexvti_dev_cfg_set(priv, chg);
	flexvti_policy_change_commit(priv, &chg->policy);
	write_sequnlock_bh(&priv->lock);
	if (chg->has_udp)
		flexvti_dev_transport_set(priv, udp);
	/* the cached outer route may go elsewhere now */
	if (chg->has_ep || chg->has_udp)
		dst_cache_reset(&priv->dst_cache);
	return 0;
}

static int flexvti_dev_fill_ep(struct sk_buff *skb,
			       const struct flexvti_endpoints *ep,
			       const struct flexvti_dev_attr_types *t)
{
	switch (ep->family) {
	case AF_INET:
		if (nla_put_in_addr(skb, t->local4, ep->local4) ||
		    nla_put_in_addr(skb, t->remote4, ep->remote4))
			return -EMSGSIZE;
		break;
	case AF_INET6:
		if (nla_put_in6_addr(skb, t->local6, &ep->local6) ||
		    nla_put_in6_addr(skb, t->remote6, &ep->remote6))
			return -EMSGSIZE;
		break;
	}
	return 0;
}

/**
 * flexvti_dev_fill - put an interface's settings into a message
 * @skb: the message
 * @priv: the interface
 * @t: attribute types of the message's family
 *
 * The settings are copied as one snapshot, so the message shows one
 * consistent state.  Endpoints are left out until they are set, the UDP
 * ports while the interface uses raw ESP, the MPLS labels while there
 * are none.
 *
 * Context: RTNL or RCU read side.
 * Return: 0, or -EMSGSIZE when @skb is full.
 */
int flexvti_dev_fill(struct sk_buff *skb, struct flexvti_priv *priv,
		     const struct flexvti_dev_attr_types *t)
{
	struct flexvti_udp *udp = rcu_dereference_rtnl(priv->udp);
	struct flexvti_dev_cfg cfg;

	flexvti_priv_cfg_read(priv, &cfg);

	if (nla_put_u32(skb, t->mode, cfg.mode) ||
	    nla_put_u32(skb, t->nhrp_network_id, cfg.nhrp_network_id) ||
	    nla_put_u32(skb, t->nhrp_redirect, cfg.nhrp_redirect) ||
	    nla_put_u32(skb, t->template_id, priv->template_id))
		return -EMSGSIZE;
	if (t->mpls_labels &&
	    flexvti_mpls_fill(skb, t->mpls_labels, &cfg.mpls))
		return -EMSGSIZE;
	if (udp && t->udp_local_port &&
	    (nla_put_be16(skb, t->udp_local_port, inet_sk(udp->sk)->inet_sport) ||
	     nla_put_be16(skb, t->udp_remote_port, cfg.udp_dport)))
		return -EMSGSIZE;
	return flexvti_dev_fill_ep(skb, &cfg.ep, t);
}

static const struct flexvti_dev_attr_types flexvti_link_attr_types = {
	.mode			= IFLA_FLEXVTI_MODE,
	.local4			= IFLA_FLEXVTI_LOCAL_IPV4,
	.remote4		= IFLA_FLEXVTI_REMOTE_IPV4,
	.local6			= IFLA_FLEXVTI_LOCAL_IPV6,
	.remote6		= IFLA_FLEXVTI_REMOTE_IPV6,
	.nhrp_network_id	= IFLA_FLEXVTI_NHRP_NETWORK_ID,
	.template_id		= IFLA_FLEXVTI_TEMPLATE_ID,
	.nhrp_redirect		= IFLA_FLEXVTI_NHRP_REDIRECT,
};

static const struct nla_policy flexvti_link_policy[IFLA_FLEXVTI_MAX + 1] = {
	[IFLA_FLEXVTI_MODE]		= NLA_POLICY_RANGE(NLA_U32,
							   FLEXVTI_MODE_IPSEC,
							   FLEXVTI_MODE_MAX),
	[IFLA_FLEXVTI_LOCAL_IPV4]	= NLA_POLICY_EXACT_LEN(4),
	[IFLA_FLEXVTI_REMOTE_IPV4]	= NLA_POLICY_EXACT_LEN(4),
	[IFLA_FLEXVTI_LOCAL_IPV6]	= NLA_POLICY_EXACT_LEN(16),
	[IFLA_FLEXVTI_REMOTE_IPV6]	= NLA_POLICY_EXACT_LEN(16),
	[IFLA_FLEXVTI_NHRP_NETWORK_ID]	= { .type = NLA_U32 },
	[IFLA_FLEXVTI_TEMPLATE_ID]	= { .type = NLA_U32 },
	[IFLA_FLEXVTI_NHRP_REDIRECT]	= NLA_POLICY_MAX(NLA_U32,
							 FLEXVTI_NHRP_REDIRECT_MAX),
};

static int flexvti_dev_link_parse(struct nlattr *data[],
				  struct flexvti_dev_change *chg,
				  struct netlink_ext_ack *extack)
{
	struct nlattr *none[IFLA_FLEXVTI_MAX + 1] = {};

	return flexvti_dev_change_parse(data ? : none, &flexvti_link_attr_types,
					chg, extack);
}

static int flexvti_dev_newlink(struct net *src_net, struct net_device *dev,
			       struct nlattr *tb[], struct nlattr *data[],
			       struct netlink_ext_ack *extack)
{
	struct flexvti_priv *priv = netdev_priv(dev);
	struct flexvti_dev_change chg;
	int err;

	err = flexvti_dev_link_parse(data, &chg, extack);
	if (err)
		return err;
	if (data && data[IFLA_FLEXVTI_TEMPLATE_ID])
		priv->template_id = nla_get_u32(data[IFLA_FLEXVTI_TEMPLATE_ID]);
	/* not registered yet, so not up: cannot fail */
	flexvti_dev_change_apply(priv, &chg, extack);
	return register_netdevice(dev);
}

static int flexvti_dev_changelink(struct net_device *dev, struct nlattr *tb[],
				  struct nlattr *data[],
				  struct netlink_ext_ack *extack)
{
	struct flexvti_priv *priv = netdev_priv(dev);
	struct flexvti_dev_change chg;
	int err;

	if (data && data[IFLA_FLEXVTI_TEMPLATE_ID] &&
	    nla_get_u32(data[IFLA_FLEXVTI_TEMPLATE_ID]) != priv->template_id) {
		FLEXVTI_ERR_ATTR(extack, data[IFLA_FLEXVTI_TEMPLATE_ID],
				 "template id is fixed at creation");
		return -EINVAL;
	}
	err = flexvti_dev_link_parse(data, &chg, extack);
	if (err)
		return err;
	err = flexvti_dev_change_apply(priv, &chg, extack);
	if (!err && flexvti_dev_change_any(&chg))
		flexvti_nl_dev_change_notify(dev);
	return err;
}

static size_t flexvti_dev_get_size(const struct net_device *dev)
{
	return nla_total_size(sizeof(u32)) +	/* IFLA_FLEXVTI_MODE */
	       nla_total_size(sizeof(u32)) +	/* IFLA_FLEXVTI_NHRP_NETWORK_ID */
	       nla_total_size(sizeof(u32)) +	/* IFLA_FLEXVTI_TEMPLATE_ID */
	       nla_total_size(sizeof(u32)) +	/* IFLA_FLEXVTI_NHRP_REDIRECT */
	       2 * nla_total_size(sizeof(struct in6_addr)); /* endpoints */
}

static int flexvti_dev_fill_info(struct sk_buff *skb,
				 const struct net_device *dev)
{
	return flexvti_dev_fill(skb, netdev_priv(dev), &flexvti_link_attr_types);
}

static struct rtnl_link_ops flexvti_link_ops __read_mostly = {
	.kind		= FLEXVTI_LINK_KIND,
	.priv_size	= sizeof(struct flexvti_priv),
	.setup		= flexvti_dev_setup,
	.maxtype	= IFLA_FLEXVTI_MAX,
	.policy		= flexvti_link_policy,
	.newlink	= flexvti_dev_newlink,
	.changelink	= flexvti_dev_changelink,
	.dellink	= unregister_netdevice_queue,
	.get_size	= flexvti_dev_get_size,
	.fill_info	= flexvti_dev_fill_info,
};

/**
 * flexvti_dev_register - register the "flexvti" rtnl link kind
 *
 * Return: 0 or a negative errno from rtnl_link_register().
 */
int flexvti_dev_register(void)
{
	return rtnl_link_register(&flexvti_link_ops);
}

/**
 * flexvti_dev_unregister - unregister the link kind
 *
 * Deletes every flexvti interface in every network namespace, each with a
 * dev-del notification whose reason is FLEXVTI_DEL_REASON_UNLOAD.
 */
void flexvti_dev_unregister(void)
{
	WRITE_ONCE(flexvti_dev_unloading, true);
	rtnl_link_unregister(&flexvti_link_ops);
}
