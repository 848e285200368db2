/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: receive path, from an ESP packet to the virtual-access
 * interface.
 */
#ifndef _NET_FLEXVTI_INPUT_H_
#define _NET_FLEXVTI_INPUT_H_

#include <linux/skbuff.h>
#include <net/net_namespace.h>

struct flexvti_udp;

int flexvti_input_esp(struct sk_buff *skb, struct net *net, u8 dsfield,
		      const struct flexvti_udp *udp);
void flexvti_input_done(struct sk_buff *skb, int err);

#endif /* _NET_FLEXVTI_INPUT_H_ */
