// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti: receive path.
 *
 * An ESP packet, from the raw ESP handler or an ESP-in-UDP socket, is
 * matched to an inbound SA by SPI, checked against the replay window,
 * decrypted, checked again and recorded in the window, stripped of its
 * trailer and, in gre mode, of the GRE header, and handed to the stack
 * as received on the SA's interface, through GRO.
 */

#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <net/gre.h>
#include <net/gro_cells.h>
#include <net/inet_ecn.h>

#include "device.h"
#include "esp.h"
#include "flexvtipriv.h"
#include "input.h"
#include "policy.h"
#include "sa.h"

/* is the packet long enough and aligned as the SA's transform needs? */
static bool flexvti_input_len_ok(struct sk_buff *skb,
				 const struct flexvti_sa *sa)
{
	unsigned int hlen = FLEXVTI_ESP_HLEN + sa->iv_len;
	unsigned int clen;

	if (!pskb_may_pull(skb, hlen) || skb->len < hlen + sa->icv_len + 2)
		return false;
	clen = skb->len - hlen - sa->icv_len;
	return !(clen % sa->align);
}

static int flexvti_input_start(struct sk_buff *skb, struct flexvti_sa *sa,
			       u8 dsfield, const struct flexvti_udp *udp)
{
	struct flexvti_priv *priv = netdev_priv(sa->dev);
	const struct ip_esp_hdr *esph;
	u64 seq;

	/* an SA takes ESP only over its interface's transport */
	if (!flexvti_sa_usable(sa) || rcu_access_pointer(priv->udp) != udp)
		return FLEXVTI_DROP_NO_SA;
	if (!flexvti_input_len_ok(skb, sa))
		return FLEXVTI_DROP_MALFORMED;
	esph = (const struct ip_esp_hdr *)skb->data;
	seq = flexvti_replay_seq(&sa->replay, ntohl(esph->seq_no), sa->esn);
	if (!flexvti_replay_check(&sa->replay, seq))
		return FLEXVTI_DROP_REPLAY;
	if (!(sa->dev->flags & IFF_UP))
		return FLEXVTI_DROP_OTHER;
	if (flexvti_esp_decrypt(skb, sa, seq, dsfield))
		return FLEXVTI_DROP_OTHER;
	return -1;
}

/**
 * flexvti_input_esp - receive an ESP packet if its SPI is flexvti's
 * @skb: the packet, data at the ESP header, transport header set
 * @net: the namespace it arrived in
 * @dsfield: DS field of its outer IP header
 * @udp: the ESP-in-UDP socket it came from, NULL for raw ESP
 *
 * Context: softirq, RCU read side.
 * Return: 0 when the packet was taken (delivered or dropped and counted),
 * -ENOENT when no flexvti SA has its SPI; @skb is then untouched but
 * for pulled headers.
 */
int flexvti_input_esp(struct sk_buff *skb, struct net *net, u8 dsfield,
		      const struct flexvti_udp *udp)
{
	struct flexvti_sa *sa;
	int reason;

	if (!pskb_may_pull(skb, FLEXVTI_ESP_HLEN))
		return -ENOENT;
	sa = flexvti_sa_lookup_in(net, ((struct ip_esp_hdr *)skb->data)->spi);
	if (!sa || !flexvti_sa_get(sa))
		return -ENOENT;
	reason = flexvti_input_start(skb, sa, dsfield, udp);
	if (reason >= 0) {
		flexvti_dev_drop(netdev_priv(sa->dev), sa, reason, true);
		flexvti_sa_put(sa);
		kfree_skb(skb);
	}
	return 0;
}

/*
 * Strip the GRE header (RFC 2784, no optional fields).  NHRP (0x2001)
 * has no handler in the stack: it reaches packet sockets bound to the
 * interface with that protocol.  MPLS goes to mpls_router, when the
 * interface's net.mpls.conf.DEV.input is on.
 */
static int flexvti_input_gre(struct sk_buff *skb, __be16 *proto)
{
	const struct gre_base_hdr *greh;

	if (!pskb_may_pull(skb, sizeof(*greh)))
		return -EINVAL;
	greh = (const struct gre_base_hdr *)skb->data;
	if (greh->flags)
		return -EINVAL;
	*proto = greh->protocol;
	if (*proto != htons(ETH_P_IP) && *proto != htons(ETH_P_IPV6) &&
	    *proto != htons(ETH_P_MPLS_UC) &&
	    *proto != htons(FLEXVTI_ETH_P_NHRP))
		return -EINVAL;
	__skb_pull(skb, sizeof(*greh));
	return 0;
}

/* the inner protocol, checked against the interface's mode */
static int flexvti_input_inner(struct sk_buff *skb, u32 mode, u8 nexthdr,
			       __be16 *proto)
{
	switch (nexthdr) {
	case IPPROTO_IPIP:
		*proto = htons(ETH_P_IP);
		break;
	case IPPROTO_IPV6:
		*proto = htons(ETH_P_IPV6);
		break;
	case IPPROTO_GRE:
		if (mode != FLEXVTI_MODE_GRE)
			return -EINVAL;
		return flexvti_input_gre(skb, proto);
	default:
		return -EINVAL;
	}
	return mode == FLEXVTI_MODE_IPSEC ? 0 : -EINVAL;
}

static bool flexvti_input_hdr_ok(struct sk_buff *skb, __be16 proto)
{
	if (proto == htons(ETH_P_IP))
		return pskb_may_pull(skb, sizeof(struct iphdr)) &&
		       ip_hdr(skb)->version == 4;
	if (proto == htons(ETH_P_IPV6))
		return pskb_may_pull(skb, sizeof(struct ipv6hdr)) &&
		       ipv6_hdr(skb)->version == 6;
	return true;
}

/* outer CE marks the inner packet (RFC 6040 normal mode) */
static void flexvti_input_ecn(struct sk_buff *skb, u8 outer)
{
	if (!INET_ECN_is_ce(outer))
		return;
	if (skb->protocol == htons(ETH_P_IP))
		IP_ECN_set_ce(ip_hdr(skb));
	else if (skb->protocol == htons(ETH_P_IPV6))
		IP6_ECN_set_ce(skb, ipv6_hdr(skb));
}

/* hand the decrypted inner packet to the stack; a drop reason or -1 */
static int flexvti_input_deliver(struct sk_buff *skb, struct flexvti_sa *sa,
				 u8 dsfield)
{
	struct net_device *dev = sa->dev;
	struct flexvti_priv *priv = netdev_priv(dev);
	struct flexvti_policy *policy;
	__be16 proto;
	int reason;
	u8 nexthdr;

	if (flexvti_esp_trailer(skb, sa, &nexthdr))
		return FLEXVTI_DROP_MALFORMED;
	if (nexthdr == IPPROTO_NONE)	/* dummy packet, RFC 4303 2.6 */
		return FLEXVTI_DROP_OTHER;
	if (flexvti_input_inner(skb, READ_ONCE(priv->cfg.mode), nexthdr,
				&proto))
		return FLEXVTI_DROP_MALFORMED;
	skb_reset_network_header(skb);
	skb_reset_mac_header(skb);
	if (!flexvti_input_hdr_ok(skb, proto))
		return FLEXVTI_DROP_MALFORMED;
	/* the inbound list and policer; BH is disabled, which holds RCU */
	policy = rcu_dereference_bh(priv->policy);
	if (unlikely(policy)) {
		reason = flexvti_policy_rx(policy, skb, proto);
		if (reason >= 0)
			return reason;
	}
	if (!flexvti_sa_account(sa, skb->len))
		return FLEXVTI_DROP_NO_SA;

	skb_scrub_packet(skb, !net_eq(sa->net, dev_net(dev)));
	skb->protocol = proto;
	skb->dev = dev;
	flexvti_input_ecn(skb, dsfield);
	dev_sw_netstats_rx_add(dev, skb->len);
	gro_cells_receive(&priv->gro_cells, skb);
	return -1;
}

/**
 * flexvti_input_done - finish a packet after decryption
 * @skb: the packet, data at the ESP header
 * @err: 0, -EBADMSG when the ICV did not verify, or another error
 *
 * Called by the ESP code once the transform is done with @skb.  Releases
 * the packet's SA reference.
 *
 * Context: softirq, or process context with BH disabled.
 */
void flexvti_input_done(struct sk_buff *skb, int err)
{
	struct flexvti_pkt *pkt = FLEXVTI_SKB_CB(skb)->pkt;
	struct flexvti_sa *sa = pkt->sa;
	int reason;

	if (err == -EBADMSG)
		reason = FLEXVTI_DROP_AUTH;
	else if (err)
		reason = FLEXVTI_DROP_OTHER;
	else if (!flexvti_replay_update(&sa->replay, pkt->seq))
		reason = FLEXVTI_DROP_REPLAY;
	else
		reason = flexvti_input_deliver(skb, sa, pkt->dsfield);

	if (reason >= 0) {
		flexvti_dev_drop(netdev_priv(sa->dev), sa, reason, true);
		kfree_skb(skb);
	}
	flexvti_esp_pkt_free(pkt);
	flexvti_sa_put(sa);
}
