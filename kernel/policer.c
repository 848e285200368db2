// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti: token-bucket policers of virtual-access interfaces.
 *
 * A single-rate, two-colour policer (IOS "police RATE BURST conform-action
 * transmit exceed-action drop"): tokens accrue at the committed rate up
 * to the bucket depth; a packet that finds tokens for its length takes
 * them and passes, any other is dropped and takes none.  As in the
 * kernel's own act_police, tokens are kept as nanoseconds of the rate,
 * and lengths turn into time with psched_l2t_ns().  The length of a
 * packet is that of the inner packet, as the interface carries it.
 */

#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>

#include "device.h"
#include "policer.h"

static struct netlink_range_validation flexvti_policer_rate_range __ro_after_init = {
	.max = FLEXVTI_POLICER_RATE_MAX,
};

static struct netlink_range_validation flexvti_policer_burst_range __ro_after_init = {
	.min = FLEXVTI_POLICER_BURST_MIN,
	.max = FLEXVTI_POLICER_BURST_MAX,
};

const struct nla_policy flexvti_policer_policy[FLEXVTI_POLICER_A_MAX + 1] = {
	[FLEXVTI_POLICER_A_NAME]		= { .type = NLA_STRING,
						    .len = FLEXVTI_NAME_MAX },
	[FLEXVTI_POLICER_A_RATE]		=
		NLA_POLICY_FULL_RANGE(NLA_U64, &flexvti_policer_rate_range),
	[FLEXVTI_POLICER_A_BURST]		=
		NLA_POLICY_FULL_RANGE(NLA_U32, &flexvti_policer_burst_range),
	[FLEXVTI_POLICER_A_CONFORM_PACKETS]	= {
		.type = NLA_REJECT,
		.reject_message = "policer counters are read-only",
	},
	[FLEXVTI_POLICER_A_CONFORM_BYTES]	= {
		.type = NLA_REJECT,
		.reject_message = "policer counters are read-only",
	},
	[FLEXVTI_POLICER_A_EXCEED_PACKETS]	= {
		.type = NLA_REJECT,
		.reject_message = "policer counters are read-only",
	},
	[FLEXVTI_POLICER_A_EXCEED_BYTES]	= {
		.type = NLA_REJECT,
		.reject_message = "policer counters are read-only",
	},
};

/* the default bucket: a quarter second of the rate, as IOS's Bc */
static u32 flexvti_policer_default_burst(u64 rate)
{
	return clamp_t(u64, div_u64(rate, 32), FLEXVTI_POLICER_BURST_MIN,
		       FLEXVTI_POLICER_BURST_MAX);
}

/* a full bucket of @burst bytes at @rate bit/s */
static void flexvti_policer_init(struct flexvti_policer *pol, u64 rate,
				 u32 burst)
{
	struct tc_ratespec conf = {};

	kref_init(&pol->ref);
	spin_lock_init(&pol->lock);
	pol->rate = rate;
	pol->burst = burst;
	psched_ratecfg_precompute(&pol->ratecfg, &conf, div_u64(rate, 8));
	pol->burst_ns = psched_l2t_ns(&pol->ratecfg, burst);
	pol->toks = pol->burst_ns;
	pol->t_c = ktime_get_ns();
}

/**
 * flexvti_policer_create - build a policer from its netlink form
 * @nest: FLEXVTI_A_POLICER_IN or FLEXVTI_A_POLICER_OUT, already validated
 *	against flexvti_policer_policy
 * @extack: receives the reason of a rejection
 *
 * The policy bounds the rate from above and the burst; the rate's lower
 * bound is checked here, as 0 is allowed and means "no policer".
 *
 * Context: process context; allocates with GFP_KERNEL.
 * Return: the policer with one reference and a full bucket; NULL for a
 * nest without a rate or with rate 0, which means "no policer"; or an
 * ERR_PTR: -EINVAL (rate too low), -ENOMEM.
 */
struct flexvti_policer *flexvti_policer_create(const struct nlattr *nest,
					       struct netlink_ext_ack *extack)
{
	struct nlattr *tb[FLEXVTI_POLICER_A_MAX + 1];
	struct flexvti_policer *pol;
	u64 rate = 0;
	u32 burst;
	int err;

	err = nla_parse_nested(tb, FLEXVTI_POLICER_A_MAX, nest,
			       flexvti_policer_policy, extack);
	if (err)
		return ERR_PTR(err);
	if (tb[FLEXVTI_POLICER_A_RATE])
		rate = nla_get_u64(tb[FLEXVTI_POLICER_A_RATE]);
	if (!rate)
		return NULL;
	if (rate < FLEXVTI_POLICER_RATE_MIN) {
		FLEXVTI_ERR_ATTR(extack, tb[FLEXVTI_POLICER_A_RATE],
				 "policer rate below 8000 bit/s");
		return ERR_PTR(-EINVAL);
	}
	burst = tb[FLEXVTI_POLICER_A_BURST] ?
		nla_get_u32(tb[FLEXVTI_POLICER_A_BURST]) :
		flexvti_policer_default_burst(rate);

	pol = kzalloc(sizeof(*pol), GFP_KERNEL);
	if (!pol)
		return ERR_PTR(-ENOMEM);
	flexvti_policer_init(pol, rate, burst);
	if (tb[FLEXVTI_POLICER_A_NAME])
		nla_strscpy(pol->name, tb[FLEXVTI_POLICER_A_NAME],
			    sizeof(pol->name));
	return pol;
}

static void flexvti_policer_release(struct kref *ref)
{
	kfree(container_of(ref, struct flexvti_policer, ref));
}

/**
 * flexvti_policer_put - drop a reference to a policer
 * @pol: the policer, or NULL
 *
 * Context: any but hard irq.
 */
void flexvti_policer_put(struct flexvti_policer *pol)
{
	if (pol)
		kref_put(&pol->ref, flexvti_policer_release);
}

/**
 * flexvti_policer_conform - take tokens for a packet
 * @pol: the policer
 * @len: bytes of the packet
 *
 * Counts the packet as conforming or exceeding.
 *
 * Context: packet path, BH disabled; @pol held by RCU.
 * Return: true if the packet conforms and may pass, false if it must be
 * dropped.
 */
bool flexvti_policer_conform(struct flexvti_policer *pol, unsigned int len)
{
	s64 toks;
	u64 now;
	bool ok;

	spin_lock(&pol->lock);
	now = ktime_get_ns();
	toks = min_t(s64, now - pol->t_c, pol->burst_ns) + pol->toks;
	toks = min(toks, pol->burst_ns);
	toks -= (s64)psched_l2t_ns(&pol->ratecfg, len);
	ok = toks >= 0;
	if (ok) {
		pol->t_c = now;
		pol->toks = toks;
		pol->conform_packets++;
		pol->conform_bytes += len;
	} else {
		pol->exceed_packets++;
		pol->exceed_bytes += len;
	}
	spin_unlock(&pol->lock);
	return ok;
}

/**
 * flexvti_policer_fill - put a policer into a message as a nest
 * @skb: the message
 * @attrtype: type of the nest (FLEXVTI_A_POLICER_IN or _OUT)
 * @pol: the policer
 *
 * The four counters are read as one snapshot.
 *
 * Context: RCU read side or RTNL.
 * Return: 0, or -EMSGSIZE when @skb is full.
 */
int flexvti_policer_fill(struct sk_buff *skb, int attrtype,
			 struct flexvti_policer *pol)
{
	struct nlattr *nest;
	u64 c[4];
	int i;

	spin_lock_bh(&pol->lock);
	c[0] = pol->conform_packets;
	c[1] = pol->conform_bytes;
	c[2] = pol->exceed_packets;
	c[3] = pol->exceed_bytes;
	spin_unlock_bh(&pol->lock);

	nest = nla_nest_start(skb, attrtype);
	if (!nest)
		return -EMSGSIZE;
	if ((pol->name[0] &&
	     nla_put_string(skb, FLEXVTI_POLICER_A_NAME, pol->name)) ||
	    nla_put_u64_64bit(skb, FLEXVTI_POLICER_A_RATE, pol->rate,
			      FLEXVTI_POLICER_A_PAD) ||
	    nla_put_u32(skb, FLEXVTI_POLICER_A_BURST, pol->burst))
		goto cancel;
	/* CONFORM_PACKETS, CONFORM_BYTES, EXCEED_PACKETS, EXCEED_BYTES */
	for (i = 0; i < ARRAY_SIZE(c); i++)
		if (nla_put_u64_64bit(skb, FLEXVTI_POLICER_A_CONFORM_PACKETS + i,
				      c[i], FLEXVTI_POLICER_A_PAD))
			goto cancel;
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}
