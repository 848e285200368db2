/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: packet and drop counters of interfaces and SAs.
 */
#ifndef _NET_FLEXVTI_STATS_H_
#define _NET_FLEXVTI_STATS_H_

#include <linux/atomic.h>
#include <linux/skbuff.h>
#include <uapi/linux/flexvti.h>

/*
 * Why a packet was dropped; the order of enum flexvti_stats_a's drops.
 * flexvti_stats_fill() maps them to their attributes.
 */
enum flexvti_drop {
	FLEXVTI_DROP_REPLAY,
	FLEXVTI_DROP_AUTH,
	FLEXVTI_DROP_NO_SA,
	FLEXVTI_DROP_MALFORMED,
	FLEXVTI_DROP_MTU,
	FLEXVTI_DROP_OTHER,
	FLEXVTI_DROP_ACL,
	FLEXVTI_DROP_POLICER,
	FLEXVTI_DROP_MAX,
};

/**
 * struct flexvti_drops - drop counters by reason
 * @n: packets dropped, indexed by &enum flexvti_drop
 *
 * Drops are rare, so plain atomics do.
 */
struct flexvti_drops {
	atomic64_t n[FLEXVTI_DROP_MAX];
};

/**
 * struct flexvti_stats - a snapshot of counters, for netlink
 * @rx_packets: packets decrypted and delivered
 * @rx_bytes: bytes of those, inner headers included
 * @tx_packets: packets encrypted and sent
 * @tx_bytes: bytes of those before encryption
 * @drops: drops by &enum flexvti_drop
 * @nhrp_redirects: nhrp-redirect-ntf raised (interfaces only)
 * @nhrp_limited: nhrp-redirect-ntf rate-limited (interfaces only)
 */
struct flexvti_stats {
	u64 rx_packets;
	u64 rx_bytes;
	u64 tx_packets;
	u64 tx_bytes;
	u64 drops[FLEXVTI_DROP_MAX];
	u64 nhrp_redirects;
	u64 nhrp_limited;
};

static inline void flexvti_drops_read(const struct flexvti_drops *d,
				      struct flexvti_stats *s)
{
	int i;

	for (i = 0; i < FLEXVTI_DROP_MAX; i++)
		s->drops[i] = atomic64_read(&d->n[i]);
}

/* the packets @skb stands for: its segments if it is GSO */
static inline unsigned int flexvti_skb_segs(const struct sk_buff *skb)
{
	return skb_is_gso(skb) ? max_t(u16, skb_shinfo(skb)->gso_segs, 1) : 1;
}

int flexvti_stats_fill(struct sk_buff *skb, int attrtype,
		       const struct flexvti_stats *s);

#endif /* _NET_FLEXVTI_STATS_H_ */
