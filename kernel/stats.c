// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti: counters in netlink messages.
 */

#include <net/netlink.h>

#include "stats.h"

/* the attribute of each drop reason */
static const u16 flexvti_stats_drop_attr[FLEXVTI_DROP_MAX] = {
	[FLEXVTI_DROP_REPLAY]		= FLEXVTI_STATS_A_DROP_REPLAY,
	[FLEXVTI_DROP_AUTH]		= FLEXVTI_STATS_A_DROP_AUTH,
	[FLEXVTI_DROP_NO_SA]		= FLEXVTI_STATS_A_DROP_NO_SA,
	[FLEXVTI_DROP_MALFORMED]	= FLEXVTI_STATS_A_DROP_MALFORMED,
	[FLEXVTI_DROP_MTU]		= FLEXVTI_STATS_A_DROP_MTU,
	[FLEXVTI_DROP_OTHER]		= FLEXVTI_STATS_A_DROP_OTHER,
	[FLEXVTI_DROP_ACL]		= FLEXVTI_STATS_A_DROP_ACL,
	[FLEXVTI_DROP_POLICER]		= FLEXVTI_STATS_A_DROP_POLICER,
};

/**
 * flexvti_stats_fill - put counters into a message as a nest
 * @skb: the message
 * @attrtype: type of the nest (FLEXVTI_A_STATS)
 * @s: the counters
 *
 * The nest holds one u64 attribute of &enum flexvti_stats_a per counter;
 * the NHRP counters are an interface's, 0 for an SA.
 *
 * Return: 0, or -EMSGSIZE when @skb is full.
 */
int flexvti_stats_fill(struct sk_buff *skb, int attrtype,
		       const struct flexvti_stats *s)
{
	struct nlattr *nest;
	int i;

	nest = nla_nest_start(skb, attrtype);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(skb, FLEXVTI_STATS_A_RX_PACKETS, s->rx_packets,
			      FLEXVTI_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, FLEXVTI_STATS_A_RX_BYTES, s->rx_bytes,
			      FLEXVTI_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, FLEXVTI_STATS_A_TX_PACKETS, s->tx_packets,
			      FLEXVTI_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, FLEXVTI_STATS_A_TX_BYTES, s->tx_bytes,
			      FLEXVTI_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, FLEXVTI_STATS_A_NHRP_REDIRECTS,
			      s->nhrp_redirects, FLEXVTI_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, FLEXVTI_STATS_A_NHRP_REDIRECTS_LIMITED,
			      s->nhrp_limited, FLEXVTI_STATS_A_PAD))
		goto cancel;
	for (i = 0; i < FLEXVTI_DROP_MAX; i++)
		if (nla_put_u64_64bit(skb, flexvti_stats_drop_attr[i],
				      s->drops[i], FLEXVTI_STATS_A_PAD))
			goto cancel;
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}
