/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: token-bucket policers of virtual-access interfaces.
 */
#ifndef _NET_FLEXVTI_POLICER_H_
#define _NET_FLEXVTI_POLICER_H_

#include <linux/kref.h>
#include <linux/spinlock.h>
#include <net/netlink.h>
#include <net/sch_generic.h>
#include <uapi/linux/flexvti.h>

/* lowest and highest committed rate, bit/s */
#define FLEXVTI_POLICER_RATE_MIN	8000ULL
#define FLEXVTI_POLICER_RATE_MAX	1000000000000ULL
/* smallest and largest bucket, bytes */
#define FLEXVTI_POLICER_BURST_MIN	1500U
#define FLEXVTI_POLICER_BURST_MAX	(1U << 30)

/**
 * struct flexvti_policer - a single-rate token bucket
 * @ref: the policies that use the policer hold one reference each
 * @rate: committed rate, bit/s, as configured
 * @burst: bucket depth, bytes
 * @ratecfg: @rate in bytes/s, precomputed for psched_l2t_ns()
 * @burst_ns: @burst as the time @rate takes to send it
 * @lock: protects @toks, @t_c and the counters
 * @toks: tokens in the bucket, as nanoseconds of @rate, up to @burst_ns
 * @t_c: when @toks was last brought up to date (ktime_get_ns())
 * @conform_packets: packets that found enough tokens, passed
 * @conform_bytes: their bytes
 * @exceed_packets: packets that did not, dropped
 * @exceed_bytes: their bytes
 * @name: the policy-map's name as userspace gave it, "" if none
 *
 * Settings are fixed once built: a change is a new policer.  Readers find
 * it only through the policy of an interface (&struct flexvti_policy).
 */
struct flexvti_policer {
	struct kref ref;
	u64 rate;
	u32 burst;
	struct psched_ratecfg ratecfg;
	s64 burst_ns;
	spinlock_t lock; /* protects the bucket and the counters */
	s64 toks;
	u64 t_c;
	u64 conform_packets;
	u64 conform_bytes;
	u64 exceed_packets;
	u64 exceed_bytes;
	char name[FLEXVTI_NAME_MAX + 1];
};

extern const struct nla_policy flexvti_policer_policy[FLEXVTI_POLICER_A_MAX + 1];

struct flexvti_policer *flexvti_policer_create(const struct nlattr *nest,
					       struct netlink_ext_ack *extack);
void flexvti_policer_put(struct flexvti_policer *pol);
bool flexvti_policer_conform(struct flexvti_policer *pol, unsigned int len);
int flexvti_policer_fill(struct sk_buff *skb, int attrtype,
			 struct flexvti_policer *pol);

static inline struct flexvti_policer *
flexvti_policer_get(struct flexvti_policer *pol)
{
	kref_get(&pol->ref);
	return pol;
}

#endif /* _NET_FLEXVTI_POLICER_H_ */
