/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: transmit path of a virtual-access interface.
 */
#ifndef _NET_FLEXVTI_OUTPUT_H_
#define _NET_FLEXVTI_OUTPUT_H_

#include <linux/netdevice.h>

/* headroom for the largest outer headers: IPv6 and UDP */
#define FLEXVTI_OUTER_HLEN	(sizeof(struct ipv6hdr) + sizeof(struct udphdr))

netdev_tx_t flexvti_output_xmit(struct sk_buff *skb, struct net_device *dev);
void flexvti_output_done(struct sk_buff *skb, int err);

#endif /* _NET_FLEXVTI_OUTPUT_H_ */
