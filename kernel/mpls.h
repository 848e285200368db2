/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: the label stack a gre-mode interface pushes on its IP packets.
 */
#ifndef _NET_FLEXVTI_MPLS_H_
#define _NET_FLEXVTI_MPLS_H_

#include <linux/skbuff.h>
#include <net/netlink.h>
#include <uapi/linux/flexvti.h>

/**
 * struct flexvti_mpls_stack - labels pushed on every IP packet of a VA
 * @n: number of labels, 0 for none
 * @label: the labels, outermost first, each FLEXVTI_MPLS_LABEL_MIN to
 *	FLEXVTI_MPLS_LABEL_MAX
 *
 * A plain value inside &struct flexvti_dev_cfg, so the transmit path
 * copies it with the other settings, without a lock.
 */
struct flexvti_mpls_stack {
	u32 n;
	u32 label[FLEXVTI_MPLS_LABELS_MAX];
};

/* bytes of one label stack entry (RFC 3032 section 2.1) */
#define FLEXVTI_MPLS_LSE_LEN	4

/* bytes the stack adds to a packet */
static inline unsigned int
flexvti_mpls_len(const struct flexvti_mpls_stack *st)
{
	return st->n * FLEXVTI_MPLS_LSE_LEN;
}

int flexvti_mpls_parse(const struct nlattr *attr,
		       struct flexvti_mpls_stack *st,
		       struct netlink_ext_ack *extack);
int flexvti_mpls_fill(struct sk_buff *skb, int attrtype,
		      const struct flexvti_mpls_stack *st);
int flexvti_mpls_push(struct sk_buff *skb,
		      const struct flexvti_mpls_stack *st);

#endif /* _NET_FLEXVTI_MPLS_H_ */
