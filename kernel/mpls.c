// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti: the per-interface MPLS label stack (RFC 3032 label imposition
 * without lwtunnel routes).
 *
 * A gre-mode interface with a label stack pushes it on every IPv4 and
 * IPv6 packet it sends, after GSO segmentation, so that each segment
 * gets its own TTL; the packet then travels as GRE protocol 0x8847
 * (RFC 4023).  Packets that are MPLS already, from Linux's own MPLS
 * stack, and NHRP packets go out unchanged.
 */

#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <net/mpls.h>

#include "device.h"
#include "mpls.h"

/**
 * flexvti_mpls_parse - read and check FLEXVTI_A_MPLS_LABELS
 * @attr: the attribute: u32 labels in host order, at most
 *	FLEXVTI_MPLS_LABELS_MAX of them (the netlink policy checks that)
 * @st: receives the stack; an empty attribute is an empty stack
 * @extack: receives the reason of a rejection
 *
 * Return: 0, or -EINVAL with an extack message pointing at @attr.
 */
int flexvti_mpls_parse(const struct nlattr *attr,
		       struct flexvti_mpls_stack *st,
		       struct netlink_ext_ack *extack)
{
	const u32 *label = nla_data(attr);
	int len = nla_len(attr);
	u32 i;

	memset(st, 0, sizeof(*st));
	if (len % sizeof(u32)) {
		FLEXVTI_ERR_ATTR(extack, attr,
				 "MPLS label stack length is not a multiple of 4 bytes");
		return -EINVAL;
	}
	if (len > sizeof(st->label)) {
		FLEXVTI_ERR_ATTR(extack, attr, "more than 8 MPLS labels");
		return -EINVAL;
	}
	st->n = len / sizeof(u32);
	for (i = 0; i < st->n; i++) {
		if (label[i] < FLEXVTI_MPLS_LABEL_MIN ||
		    label[i] > FLEXVTI_MPLS_LABEL_MAX) {
			FLEXVTI_ERR_ATTR(extack, attr,
					 "MPLS label out of range (16 to 1048575)");
			return -EINVAL;
		}
		st->label[i] = label[i];
	}
	return 0;
}

/**
 * flexvti_mpls_fill - put a label stack into a message
 * @skb: the message
 * @attrtype: FLEXVTI_A_MPLS_LABELS
 * @st: the stack; nothing is put when it is empty
 *
 * Return: 0, or -EMSGSIZE when @skb is full.
 */
int flexvti_mpls_fill(struct sk_buff *skb, int attrtype,
		      const struct flexvti_mpls_stack *st)
{
	if (!st->n)
		return 0;
	return nla_put(skb, attrtype, st->n * sizeof(u32), st->label);
}

/**
 * flexvti_mpls_push - push a label stack on an IP packet
 * @skb: an IPv4 or IPv6 packet, not GSO, network header set and pulled
 * @st: the stack, not empty
 *
 * Each entry gets traffic class 0 and the TTL or hop limit of the inner
 * header; the last one has the bottom-of-stack bit.  skb->protocol
 * becomes ETH_P_MPLS_UC, which the GRE header then carries.
 *
 * Return: 0, or -ENOMEM when there is no room for the labels.
 */
int flexvti_mpls_push(struct sk_buff *skb,
		      const struct flexvti_mpls_stack *st)
{
	struct mpls_shim_hdr *lse;
	u8 ttl;
	u32 i;

	if (skb->protocol == htons(ETH_P_IP))
		ttl = ip_hdr(skb)->ttl;
	else
		ttl = ipv6_hdr(skb)->hop_limit;
	if (skb_cow_head(skb, flexvti_mpls_len(st)))
		return -ENOMEM;
	lse = skb_push(skb, flexvti_mpls_len(st));
	for (i = 0; i < st->n; i++)
		lse[i] = mpls_entry_encode(st->label[i], ttl, 0,
					   i == st->n - 1);
	skb_reset_network_header(skb);
	skb->protocol = htons(ETH_P_MPLS_UC);
	return 0;
}
