/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: the NHRP redirect hook of the transmit path.
 */
#ifndef _NET_FLEXVTI_NHRP_H_
#define _NET_FLEXVTI_NHRP_H_

#include <linux/atomic.h>
#include <linux/in6.h>
#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/spinlock.h>

struct flexvti_stats;

/* buckets of a VA's table of recent redirects, a power of 2 */
#define FLEXVTI_NHRP_BUCKETS		64
/* most (source, destination) pairs a VA remembers */
#define FLEXVTI_NHRP_MAX_FLOWS		1024

/**
 * struct flexvti_nhrp - recent nhrp-redirects of packets that entered on a VA
 * @lock: protects @buckets, @lru, @count and the flows on them
 * @buckets: the flows by hash of their source and destination
 * @lru: the same flows, least recently raised first
 * @count: number of flows, at most FLEXVTI_NHRP_MAX_FLOWS
 * @seed: of the hash, random per VA
 * @redirects: nhrp-redirect-ntf raised
 * @limited: packets that would have raised one but were rate-limited
 *
 * Part of &struct flexvti_priv.  The transmit path of another VA finds
 * the VA by index under RCU and takes @lock; flexvti_nhrp_flush() frees
 * the flows in ndo_uninit, after unregistering has waited for an RCU
 * grace period, so that no packet path can find the VA any more.
 */
struct flexvti_nhrp {
	spinlock_t lock; /* protects buckets, lru, count */
	struct hlist_head buckets[FLEXVTI_NHRP_BUCKETS];
	struct list_head lru;
	unsigned int count;
	u32 seed;
	atomic64_t redirects;
	atomic64_t limited;
};

/**
 * struct flexvti_nhrp_event - what an nhrp-redirect-ntf tells
 * @in: the VA the packet entered on
 * @out: the VA it leaves by
 * @network_id: their NHRP network-id
 * @family: AF_INET or AF_INET6
 * @src: the packet's source address; IPv4 in the first 4 bytes, the
 *	rest zero
 * @dst: its destination address, likewise
 * @skb: the packet, network header set
 */
struct flexvti_nhrp_event {
	struct net_device *in;
	struct net_device *out;
	u32 network_id;
	u8 family;
	struct in6_addr src;
	struct in6_addr dst;
	const struct sk_buff *skb;
};

void flexvti_nhrp_init(struct flexvti_nhrp *nhrp);
void flexvti_nhrp_flush(struct flexvti_nhrp *nhrp);
void flexvti_nhrp_stats(struct flexvti_nhrp *nhrp, struct flexvti_stats *s);
void flexvti_nhrp_xmit(struct net_device *out, u32 network_id,
		       const struct sk_buff *skb);

#endif /* _NET_FLEXVTI_NHRP_H_ */
