// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti: transmit path of a virtual-access interface.
 *
 * route -> VA -> active outbound SA: no policy lookup.  A packet routed
 * into a VA is checked against the path MTU of the outer route, cut into
 * segments if it is GSO, given the interface's MPLS label stack (IP
 * packets, gre mode) and a GRE header in gre mode, encrypted with the
 * active SA and sent to the remote endpoint in an outer IPv4 or IPv6
 * header by the kernel's own tunnel output (iptunnel_xmit,
 * ip6_local_out), in a UDP header first when the interface has an
 * ESP-in-UDP socket.  On the way, the NHRP redirect hook looks at IP
 * packets forwarded from another VA.
 */

#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <net/dsfield.h>
#include <net/gre.h>
#include <net/icmp.h>
#include <net/inet_ecn.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>
#include <net/ip6_route.h>
#include <net/ip_tunnels.h>
#include <net/route.h>

#include "compat.h"
#include "device.h"
#include "esp.h"
#include "flexvtipriv.h"
#include "mpls.h"
#include "nhrp.h"
#include "output.h"
#include "policy.h"
#include "sa.h"
#include "udp.h"

/**
 * struct flexvti_xmit - one packet on its way through ndo_start_xmit
 * @priv: the interface
 * @sa: the active outbound SA; the caller holds a reference
 * @pol: the outbound policer, or NULL
 * @mpls: the label stack to push on the packet (on each segment of a GSO
 *	packet), or NULL; a copy in the caller's frame
 * @nexthdr: the ESP next header
 * @tx: where the encrypted packets go; the caller holds a reference to
 *	its route
 */
struct flexvti_xmit {
	struct flexvti_priv *priv;
	struct flexvti_sa *sa;
	struct flexvti_policer *pol;
	const struct flexvti_mpls_stack *mpls;
	u8 nexthdr;
	struct flexvti_tx_info tx;
};

static bool flexvti_output_is_ip(__be16 proto)
{
	return proto == htons(ETH_P_IP) || proto == htons(ETH_P_IPV6);
}

/* the ESP next header for an inner protocol in a mode, 0 if none */
static u8 flexvti_output_nexthdr(u32 mode, __be16 proto)
{
	if (mode == FLEXVTI_MODE_GRE)
		return flexvti_output_is_ip(proto) ||
		       proto == htons(ETH_P_MPLS_UC) ||
		       proto == htons(FLEXVTI_ETH_P_NHRP) ? IPPROTO_GRE : 0;
	if (proto == htons(ETH_P_IP))
		return IPPROTO_IPIP;
	if (proto == htons(ETH_P_IPV6))
		return IPPROTO_IPV6;
	return 0;
}

static struct dst_entry *flexvti_output_route4(struct flexvti_priv *priv,
					       struct net *net,
					       const struct flexvti_endpoints *ep,
					       struct flexvti_tx_info *tx)
{
	struct flowi4 fl4 = {
		.daddr = ep->remote4,
		.saddr = ep->local4,
		.flowi4_proto = tx->sport ? IPPROTO_UDP : IPPROTO_ESP,
		.fl4_sport = tx->sport,
		.fl4_dport = tx->dport,
	};
	struct rtable *rt;

	tx->daddr4 = ep->remote4;
	rt = dst_cache_get_ip4(&priv->dst_cache, &tx->saddr4);
	if (rt)
		return &rt->dst;
	rt = ip_route_output_key(net, &fl4);
	if (IS_ERR(rt))
		return ERR_CAST(rt);
	dst_cache_set_ip4(&priv->dst_cache, &rt->dst, fl4.saddr);
	tx->saddr4 = fl4.saddr;
	return &rt->dst;
}

static struct dst_entry *flexvti_output_route6(struct flexvti_priv *priv,
					       struct net *net,
					       const struct flexvti_endpoints *ep,
					       struct flexvti_tx_info *tx)
{
	struct flowi6 fl6 = {
		.daddr = ep->remote6,
		.saddr = ep->local6,
		.flowi6_proto = tx->sport ? IPPROTO_UDP : IPPROTO_ESP,
		.fl6_sport = tx->sport,
		.fl6_dport = tx->dport,
	};
	struct dst_entry *dst;

	tx->daddr6 = ep->remote6;
	dst = dst_cache_get_ip6(&priv->dst_cache, &tx->saddr6);
	if (dst)
		return dst;
	dst = ip6_dst_lookup_flow(net, NULL, &fl6, NULL);
	if (IS_ERR(dst))
		return dst;
	dst_cache_set_ip6(&priv->dst_cache, dst, &fl6.saddr);
	tx->saddr6 = fl6.saddr;
	return dst;
}

/*
 * The outer route, in tx->dst, with addresses and ports, in the transport
 * namespace; never into the VA itself.
 */
static int flexvti_output_route(struct flexvti_priv *priv,
				const struct flexvti_dev_cfg *cfg,
				struct flexvti_tx_info *tx)
{
	struct flexvti_udp *udp = rcu_dereference_bh(priv->udp);
	struct net *net = dev_net(priv->dev);
	struct dst_entry *dst;

	tx->dport = cfg->udp_dport;

	if (udp) {
		if (READ_ONCE(udp->closed))
			return -ENOTCONN;
		tx->sport = inet_sk(udp->sk)->inet_sport;
		net = sock_net(udp->sk);
	}

	tx->family = cfg->ep.family;
	if (cfg->ep.family == AF_INET)
		dst = flexvti_output_route4(priv, net, &cfg->ep, tx);
	else if (cfg->ep.family == AF_INET6)
		dst = flexvti_output_route6(priv, net, &cfg->ep, tx);
	else
		return -EDESTADDRREQ;
	if (IS_ERR(dst))
		return PTR_ERR(dst);
	if (dst->dev == priv->dev) {
		dst_release(dst);
		return -ELOOP;
	}
	tx->dst = dst;
	tx->xnet = !net_eq(net, dev_net(priv->dev));
	return 0;
}

/*
 * Largest inner packet that fits the outer path after encapsulation,
 * MPLS labels and GRE header included.
 */
static int flexvti_output_mtu(const struct flexvti_xmit *x)
{
	const struct flexvti_tx_info *tx = &x->tx;
	const struct flexvti_sa *sa = x->sa;
	int mtu = dst_mtu(tx->dst) - FLEXVTI_ESP_HLEN - sa->iv_len -
		  sa->icv_len;

	mtu -= tx->family == AF_INET ? sizeof(struct iphdr) :
				      sizeof(struct ipv6hdr);
	if (tx->sport)
		mtu -= sizeof(struct udphdr);
	mtu = round_down(mtu, sa->align) - 2;
	if (x->nexthdr == IPPROTO_GRE)
		mtu -= sizeof(struct gre_base_hdr);
	if (x->mpls)
		mtu -= flexvti_mpls_len(x->mpls);
	return mtu;
}

/*
 * Outer DS field and DF bit from the inner packet: DSCP copied, ECN by
 * RFC 6040 normal mode; DF as the inner IPv4 packet has it, always for
 * IPv6 (which routers never fragment).  Returns -EMSGSIZE when the
 * packet must not be sent because it is too big, after telling the
 * sender with ICMP.
 */
static int flexvti_output_inner(struct sk_buff *skb, int mtu,
				struct flexvti_tx_info *tx)
{
	bool big = skb_is_gso(skb) ? !skb_gso_validate_network_len(skb, mtu) :
				     skb->len > mtu;
	u8 ds = 0;

	tx->df = 0;
	if (skb->protocol == htons(ETH_P_IP)) {
		ds = ipv4_get_dsfield(ip_hdr(skb));
		if (ip_hdr(skb)->frag_off & htons(IP_DF)) {
			tx->df = htons(IP_DF);
			if (big) {
				skb_dst_update_pmtu_no_confirm(skb, mtu);
				icmp_ndo_send(skb, ICMP_DEST_UNREACH,
					      ICMP_FRAG_NEEDED, htonl(mtu));
				return -EMSGSIZE;
			}
		}
	} else if (skb->protocol == htons(ETH_P_IPV6)) {
		ds = ipv6_get_dsfield(ipv6_hdr(skb));
		if (big && mtu >= IPV6_MIN_MTU) {
			skb_dst_update_pmtu_no_confirm(skb, mtu);
			icmpv6_ndo_send(skb, ICMPV6_PKT_TOOBIG, 0, mtu);
			return -EMSGSIZE;
		}
		tx->df = big ? 0 : htons(IP_DF);
	} else if (big) {
		return -EMSGSIZE;
	}
	tx->dsfield = INET_ECN_encapsulate(ds, ds);
	return 0;
}

static bool flexvti_output_inner_ok(struct sk_buff *skb)
{
	if (skb->protocol == htons(ETH_P_IP))
		return pskb_network_may_pull(skb, sizeof(struct iphdr));
	if (skb->protocol == htons(ETH_P_IPV6))
		return pskb_network_may_pull(skb, sizeof(struct ipv6hdr));
	return true;
}

/* a 4-byte GRE header (RFC 2784) carrying the inner protocol */
static int flexvti_output_gre(struct sk_buff *skb)
{
	struct gre_base_hdr *greh;

	if (skb_cow_head(skb, sizeof(*greh)))
		return -ENOMEM;
	greh = skb_push(skb, sizeof(*greh));
	greh->flags = 0;
	greh->protocol = skb->protocol;
	return 0;
}

/*
 * One packet, no longer GSO: takes @skb and a reference to x->sa and
 * x->tx.dst.  The counters see the packet as the stack sent it, before
 * labels and GRE header.
 */
static void flexvti_output_one(struct flexvti_xmit *x, struct sk_buff *skb)
{
	enum flexvti_drop reason = FLEXVTI_DROP_OTHER;
	struct flexvti_sa *sa = x->sa;
	u64 seq;

	if (skb->ip_summed == CHECKSUM_PARTIAL && skb_checksum_help(skb))
		goto drop;
	x->tx.len = skb->len;
	if (x->mpls && flexvti_mpls_push(skb, x->mpls))
		goto drop;
	if (x->nexthdr == IPPROTO_GRE && flexvti_output_gre(skb))
		goto drop;
	reason = FLEXVTI_DROP_NO_SA;
	seq = flexvti_sa_next_seq(sa);
	if (!seq || !flexvti_sa_account(sa, x->tx.len))
		goto drop;
	reason = FLEXVTI_DROP_OTHER;
	skb_dst_drop(skb);
	if (flexvti_esp_encrypt(skb, sa, x->nexthdr, seq, &x->tx))
		goto drop;
	return;

drop:
	flexvti_dev_drop(x->priv, sa, reason, false);
	dst_release(x->tx.dst);
	flexvti_sa_put(sa);
	kfree_skb(skb);
}

/*
 * The outbound policer, for one packet as it will be encrypted: true if
 * it may go on, else it is dropped and counted.
 */
static bool flexvti_output_police(struct flexvti_priv *priv,
				  struct flexvti_policer *pol,
				  struct sk_buff *skb)
{
	if (!pol || flexvti_policer_conform(pol, skb->len))
		return true;
	flexvti_dev_drop_policy(priv, FLEXVTI_DROP_POLICER, false, 1);
	kfree_skb(skb);
	return false;
}

/* the segments of a GSO packet, each with its own references */
static void flexvti_output_segs(struct flexvti_xmit *x, struct sk_buff *skb)
{
	struct sk_buff *segs, *next;

	segs = skb_gso_segment(skb, 0);
	if (IS_ERR_OR_NULL(segs)) {
		flexvti_dev_drop(x->priv, x->sa, FLEXVTI_DROP_OTHER, false);
		kfree_skb(skb);
		return;
	}
	consume_skb(skb);
	skb_list_walk_safe(segs, skb, next) {
		skb_mark_not_on_list(skb);
		if (!flexvti_output_police(x->priv, x->pol, skb))
			continue;
		if (!flexvti_sa_get(x->sa)) {
			kfree_skb(skb);
			continue;
		}
		dst_hold(x->tx.dst);
		flexvti_output_one(x, skb);
	}
}

/*
 * The outbound access list: true if the packet may go on, else it is
 * dropped and counted, as its segments if it is GSO.
 */
static bool flexvti_output_acl(struct flexvti_priv *priv,
			       struct flexvti_acl *acl, struct sk_buff *skb)
{
	unsigned int segs = flexvti_skb_segs(skb);

	if (!acl || flexvti_acl_permit(acl, skb, skb->protocol))
		return true;
	flexvti_dev_drop_policy(priv, FLEXVTI_DROP_ACL, false, segs);
	kfree_skb(skb);
	return false;
}

/* the labels to push on @skb: IP packets of a gre-mode interface */
static const struct flexvti_mpls_stack *
flexvti_output_labels(const struct flexvti_dev_cfg *cfg,
		      const struct sk_buff *skb)
{
	if (cfg->mode != FLEXVTI_MODE_GRE || !cfg->mpls.n ||
	    !flexvti_output_is_ip(skb->protocol))
		return NULL;
	return &cfg->mpls;
}

/*
 * Route, MTU, NHRP hook and policer for a packet that has an SA and is
 * one the interface can carry; consumes @skb and x->sa's reference.
 */
static void flexvti_output_send(struct flexvti_xmit *x,
				const struct flexvti_dev_cfg *cfg,
				struct sk_buff *skb)
{
	enum flexvti_drop reason = FLEXVTI_DROP_OTHER;

	x->mpls = flexvti_output_labels(cfg, skb);
	if (flexvti_output_route(x->priv, cfg, &x->tx))
		goto drop;
	if (flexvti_output_inner(skb, flexvti_output_mtu(x), &x->tx)) {
		reason = FLEXVTI_DROP_MTU;
		dst_release(x->tx.dst);
		goto drop;
	}
	if (flexvti_output_is_ip(skb->protocol))
		flexvti_nhrp_xmit(x->priv->dev, cfg->nhrp_network_id, skb);
	x->tx.headroom = LL_RESERVED_SPACE(x->tx.dst->dev) + FLEXVTI_OUTER_HLEN;
	if (skb_is_gso(skb)) {
		flexvti_output_segs(x, skb);
	} else if (flexvti_output_police(x->priv, x->pol, skb)) {
		flexvti_output_one(x, skb);
		return;
	}
	dst_release(x->tx.dst);
	flexvti_sa_put(x->sa);
	return;

drop:
	flexvti_dev_drop(x->priv, x->sa, reason, false);
	flexvti_sa_put(x->sa);
	kfree_skb(skb);
}

/**
 * flexvti_output_xmit - ndo_start_xmit of a virtual-access interface
 * @skb: an IPv4, IPv6 or (gre mode) MPLS or NHRP packet
 * @dev: the interface
 *
 * The outbound access list sees the packet first; the outbound policer
 * sees it (or each of its segments) once it is known to fit the path,
 * just before encryption.  The interface's settings are read once, as
 * one consistent copy.
 *
 * Context: softirq or process context with BH disabled, RCU-bh held.
 * Return: NETDEV_TX_OK; packets that cannot be sent are dropped and
 * counted.
 */
netdev_tx_t flexvti_output_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct flexvti_xmit x = { .priv = netdev_priv(dev) };
	enum flexvti_drop reason = FLEXVTI_DROP_NO_SA;
	struct flexvti_policy *policy;
	struct flexvti_dev_cfg cfg;

	policy = rcu_dereference_bh(x.priv->policy);
	if (unlikely(policy)) {
		if (!flexvti_output_acl(x.priv, policy->acl[FLEXVTI_DIR_OUT],
					skb))
			return NETDEV_TX_OK;
		x.pol = policy->pol[FLEXVTI_DIR_OUT];
	}
	x.sa = rcu_dereference_bh(x.priv->tx_sa);
	if (!x.sa || !flexvti_sa_usable(x.sa) || !flexvti_sa_get(x.sa)) {
		/* RCU keeps a dead SA valid for its counters */
		flexvti_dev_drop(x.priv, x.sa, reason, false);
		goto free;
	}
	flexvti_priv_cfg_read(x.priv, &cfg);
	x.nexthdr = flexvti_output_nexthdr(cfg.mode, skb->protocol);
	if (!x.nexthdr || !flexvti_output_inner_ok(skb)) {
		flexvti_dev_drop(x.priv, x.sa, FLEXVTI_DROP_MALFORMED, false);
		flexvti_sa_put(x.sa);
		goto free;
	}
	flexvti_output_send(&x, &cfg, skb);
	return NETDEV_TX_OK;

free:
	kfree_skb(skb);
	return NETDEV_TX_OK;
}

static void flexvti_output_ip4(struct sk_buff *skb, struct flexvti_tx_info *tx)
{
	struct rtable *rt = container_of(tx->dst, struct rtable, dst);
	u8 proto = IPPROTO_ESP;

	if (tx->sport) {
		flexvti_udp_push(skb, tx->sport, tx->dport);
		proto = IPPROTO_UDP;
	}
	/* counted by flexvti, not by iptunnel_xmit() */
	skb->dev = NULL;
	iptunnel_xmit(NULL, rt, skb, tx->saddr4, tx->daddr4, proto,
		      tx->dsfield, ip4_dst_hoplimit(tx->dst), tx->df,
		      tx->xnet);
}

static void flexvti_output_ip6(struct sk_buff *skb, struct flexvti_tx_info *tx)
{
	struct net *net = dev_net(tx->dst->dev);
	struct ipv6hdr *ip6h;
	u8 proto = IPPROTO_ESP;

	skb_scrub_packet(skb, tx->xnet);
	skb_dst_set(skb, tx->dst);
	memset(IP6CB(skb), 0, sizeof(*IP6CB(skb)));
	skb->ignore_df = !tx->df;
	if (tx->sport) {
		flexvti_udp_push(skb, tx->sport, tx->dport);
		udp6_set_csum(false, skb, &tx->saddr6, &tx->daddr6, skb->len);
		proto = IPPROTO_UDP;
	}
	ip6h = skb_push(skb, sizeof(*ip6h));
	skb_reset_network_header(skb);
	ip6_flow_hdr(ip6h, tx->dsfield, 0);
	ip6h->nexthdr = proto;
	ip6h->hop_limit = ip6_dst_hoplimit(tx->dst);
	ip6h->saddr = tx->saddr6;
	ip6h->daddr = tx->daddr6;
	skb->protocol = htons(ETH_P_IPV6);
	skb->dev = NULL;
	ip6_local_out(net, NULL, skb);
}

/**
 * flexvti_output_done - send an encrypted packet
 * @skb: the ESP packet, data at the ESP header
 * @err: 0, or why encryption failed
 *
 * Called by the ESP code once the transform is done with @skb.
 * Releases the packet's SA and route references.
 *
 * Context: softirq, or process context with BH disabled.
 */
void flexvti_output_done(struct sk_buff *skb, int err)
{
	struct flexvti_pkt *pkt = FLEXVTI_SKB_CB(skb)->pkt;
	struct flexvti_sa *sa = pkt->sa;
	struct net_device *dev = sa->dev;

	if (unlikely(err)) {
		flexvti_dev_drop(netdev_priv(dev), sa, FLEXVTI_DROP_OTHER,
				 false);
		dst_release(pkt->tx.dst);
		kfree_skb(skb);
		goto out;
	}
	dev_sw_netstats_tx_add(dev, 1, pkt->tx.len);
	if (pkt->tx.family == AF_INET)
		flexvti_output_ip4(skb, &pkt->tx);
	else
		flexvti_output_ip6(skb, &pkt->tx);
out:
	flexvti_esp_pkt_free(pkt);
	flexvti_sa_put(sa);
}
