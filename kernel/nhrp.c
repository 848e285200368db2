// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti: the NHRP redirect hook (DMVPN phase 3 on a FlexVPN hub).
 *
 * A packet that enters the hub on one spoke's VA and leaves on another
 * spoke's VA of the same NHRP network could have gone from spoke to spoke
 * directly.  The hub's NHRP daemon then sends the first spoke a Traffic
 * Indication (IOS "ip nhrp redirect") so that it resolves a shortcut.
 * The kernel's part is to notice such packets: the transmit path of the
 * outgoing VA raises an nhrp-redirect-ntf and sends the packet on as
 * usual.
 *
 * The incoming VA remembers the (source, destination) pairs it raised a
 * notification for in a small hash table, so that one pair raises at most
 * one per FLEXVTI_A_NHRP_REDIRECT seconds.  The table holds at most
 * FLEXVTI_NHRP_MAX_FLOWS pairs; a new pair takes the place of the least
 * recently raised one once that one's time is up, and is suppressed
 * (counted as limited) while none is.  A pair for which no memory is left
 * is suppressed likewise.
 */

#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/jhash.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <net/ipv6.h>

#include "device.h"
#include "flexvtipriv.h"
#include "netlink.h"
#include "nhrp.h"
#include "stats.h"

/**
 * struct flexvti_nhrp_flow - a pair that raised a notification
 * @node: in its bucket of &struct flexvti_nhrp
 * @lru: in &struct flexvti_nhrp's list, least recently raised first
 * @stamp: jiffies when it last raised one
 * @family: AF_INET or AF_INET6
 * @src: source address, as in &struct flexvti_nhrp_event
 * @dst: destination address
 */
struct flexvti_nhrp_flow {
	struct hlist_node node;
	struct list_head lru;
	unsigned long stamp;
	u8 family;
	struct in6_addr src;
	struct in6_addr dst;
};

/**
 * flexvti_nhrp_init - set up the (empty) table of a new VA
 * @nhrp: the table
 */
void flexvti_nhrp_init(struct flexvti_nhrp *nhrp)
{
	int i;

	spin_lock_init(&nhrp->lock);
	for (i = 0; i < FLEXVTI_NHRP_BUCKETS; i++)
		INIT_HLIST_HEAD(&nhrp->buckets[i]);
	INIT_LIST_HEAD(&nhrp->lru);
	nhrp->count = 0;
	nhrp->seed = get_random_u32();
	atomic64_set(&nhrp->redirects, 0);
	atomic64_set(&nhrp->limited, 0);
}

/**
 * flexvti_nhrp_flush - free every flow of a VA's table
 * @nhrp: the table
 *
 * Context: process context; ndo_uninit of the VA, when no packet path can
 * reach the table any more.
 */
void flexvti_nhrp_flush(struct flexvti_nhrp *nhrp)
{
	struct flexvti_nhrp_flow *f, *tmp;

	spin_lock_bh(&nhrp->lock);
	list_for_each_entry_safe(f, tmp, &nhrp->lru, lru) {
		hlist_del(&f->node);
		list_del(&f->lru);
		kfree(f);
	}
	nhrp->count = 0;
	spin_unlock_bh(&nhrp->lock);
}

/**
 * flexvti_nhrp_stats - read a VA's redirect counters
 * @nhrp: its table
 * @s: receives FLEXVTI_STATS_A_NHRP_REDIRECTS and _LIMITED
 */
void flexvti_nhrp_stats(struct flexvti_nhrp *nhrp, struct flexvti_stats *s)
{
	s->nhrp_redirects = atomic64_read(&nhrp->redirects);
	s->nhrp_limited = atomic64_read(&nhrp->limited);
}

static struct hlist_head *
flexvti_nhrp_bucket(struct flexvti_nhrp *nhrp,
		    const struct flexvti_nhrp_event *ev)
{
	u32 key[8];
	u32 h;

	memcpy(key, &ev->src, sizeof(ev->src));
	memcpy(key + 4, &ev->dst, sizeof(ev->dst));
	h = jhash2(key, ARRAY_SIZE(key), nhrp->seed ^ ev->family);
	return &nhrp->buckets[h & (FLEXVTI_NHRP_BUCKETS - 1)];
}

static struct flexvti_nhrp_flow *
flexvti_nhrp_find(struct hlist_head *head,
		  const struct flexvti_nhrp_event *ev)
{
	struct flexvti_nhrp_flow *f;

	hlist_for_each_entry(f, head, node)
		if (f->family == ev->family &&
		    ipv6_addr_equal(&f->src, &ev->src) &&
		    ipv6_addr_equal(&f->dst, &ev->dst))
			return f;
	return NULL;
}

static bool flexvti_nhrp_expired(const struct flexvti_nhrp_flow *f,
				 unsigned long now, unsigned long timeout)
{
	return time_after_eq(now, f->stamp + timeout);
}

/*
 * An entry for a pair the table does not know: the least recently raised
 * one if its time is up, else a new one while the table has room; NULL
 * when neither.  The entry is unhashed and on the LRU list.
 */
static struct flexvti_nhrp_flow *
flexvti_nhrp_flow_new(struct flexvti_nhrp *nhrp, unsigned long now,
		      unsigned long timeout)
{
	struct flexvti_nhrp_flow *f;

	f = list_first_entry_or_null(&nhrp->lru, struct flexvti_nhrp_flow,
				     lru);
	if (f && flexvti_nhrp_expired(f, now, timeout)) {
		hlist_del(&f->node);
		return f;
	}
	if (nhrp->count >= FLEXVTI_NHRP_MAX_FLOWS)
		return NULL;
	f = kmalloc(sizeof(*f), GFP_ATOMIC);
	if (!f)
		return NULL;
	list_add_tail(&f->lru, &nhrp->lru);
	nhrp->count++;
	return f;
}

/* may the pair of @ev raise a notification now?  Records it if so. */
static bool flexvti_nhrp_admit(struct flexvti_nhrp *nhrp,
			       const struct flexvti_nhrp_event *ev,
			       unsigned long timeout)
{
	struct hlist_head *head = flexvti_nhrp_bucket(nhrp, ev);
	unsigned long now = jiffies;
	struct flexvti_nhrp_flow *f;

	lockdep_assert_held(&nhrp->lock);

	f = flexvti_nhrp_find(head, ev);
	if (f && !flexvti_nhrp_expired(f, now, timeout))
		return false;
	if (!f) {
		f = flexvti_nhrp_flow_new(nhrp, now, timeout);
		if (!f)
			return false;
		f->family = ev->family;
		f->src = ev->src;
		f->dst = ev->dst;
		hlist_add_head(&f->node, head);
	}
	f->stamp = now;
	list_move_tail(&f->lru, &nhrp->lru);
	return true;
}

/* the pair of @ev, of the VA @nhrp belongs to, within @timeout jiffies */
static void flexvti_nhrp_raise(struct flexvti_nhrp *nhrp,
			       const struct flexvti_nhrp_event *ev,
			       unsigned long timeout)
{
	bool admit;

	spin_lock_bh(&nhrp->lock);
	admit = flexvti_nhrp_admit(nhrp, ev, timeout);
	spin_unlock_bh(&nhrp->lock);

	if (!admit)
		atomic64_inc(&nhrp->limited);
	else if (!flexvti_nl_nhrp_redirect_notify(ev))
		atomic64_inc(&nhrp->redirects);
}

/* the addresses of an IPv4 or IPv6 packet into @ev; false for others */
static bool flexvti_nhrp_addrs(const struct sk_buff *skb,
			       struct flexvti_nhrp_event *ev)
{
	if (skb->protocol == htons(ETH_P_IP)) {
		ev->family = AF_INET;
		ev->src.s6_addr32[0] = ip_hdr(skb)->saddr;
		ev->dst.s6_addr32[0] = ip_hdr(skb)->daddr;
		return true;
	}
	if (skb->protocol == htons(ETH_P_IPV6)) {
		ev->family = AF_INET6;
		ev->src = ipv6_hdr(skb)->saddr;
		ev->dst = ipv6_hdr(skb)->daddr;
		return true;
	}
	return false;
}

/**
 * flexvti_nhrp_xmit - the redirect hook, for a packet a VA sends
 * @out: the VA
 * @network_id: its NHRP network-id
 * @skb: the packet, its IP header pulled
 *
 * Raises an nhrp-redirect-ntf when @skb entered on another VA of the same
 * namespace that has the same non-zero network-id and its redirect
 * timeout set, unless the incoming VA raised one for the packet's source
 * and destination less than the timeout ago; counts it on the incoming
 * VA either way.  Locally generated packets (skb_iif 0) and those from
 * other kinds of interface raise nothing.  The packet is not changed.
 *
 * Context: transmit path, BH disabled.
 */
void flexvti_nhrp_xmit(struct net_device *out, u32 network_id,
		       const struct sk_buff *skb)
{
	struct flexvti_nhrp_event ev = {
		.out = out, .network_id = network_id, .skb = skb,
	};
	struct flexvti_priv *in;
	int iif = skb->skb_iif;
	u32 timeout;

	if (!network_id || !iif || iif == out->ifindex ||
	    !flexvti_nhrp_addrs(skb, &ev))
		return;
	rcu_read_lock();
	ev.in = dev_get_by_index_rcu(dev_net(out), iif);
	if (!ev.in || !flexvti_dev_is_valid(ev.in))
		goto out;
	in = netdev_priv(ev.in);
	timeout = READ_ONCE(in->cfg.nhrp_redirect);
	if (timeout && READ_ONCE(in->cfg.nhrp_network_id) == network_id)
		flexvti_nhrp_raise(&in->nhrp, &ev, timeout * HZ);
out:
	rcu_read_unlock();
}
