/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: ESP anti-replay window (RFC 4303 section 3.4.3, Appendix A).
 */
#ifndef _NET_FLEXVTI_REPLAY_H_
#define _NET_FLEXVTI_REPLAY_H_

#include <linux/spinlock.h>
#include <linux/types.h>

#define FLEXVTI_REPLAY_WINDOW_DEFAULT	1024
#define FLEXVTI_REPLAY_WINDOW_MAX	32768

/**
 * struct flexvti_replay - receive window of an inbound SA
 * @lock: protects @top and @bitmap
 * @top: highest authenticated sequence number (64 bits with ESN)
 * @window: window size in packets; 0 turns the check off
 * @mask: bit index mask of @bitmap, whose size is a power of two of at
 *	least @window plus one word, so that moving @top by whole words
 *	never clears a bit that is still inside the window
 * @bitmap: one bit per sequence number, indexed by number & @mask
 */
struct flexvti_replay {
	spinlock_t lock; /* protects top and bitmap */
	u64 top;
	u32 window;
	u32 mask;
	unsigned long *bitmap;
};

int flexvti_replay_init(struct flexvti_replay *r, u32 window, u64 top);
void flexvti_replay_destroy(struct flexvti_replay *r);
u64 flexvti_replay_seq(const struct flexvti_replay *r, u32 seql, bool esn);
bool flexvti_replay_check(const struct flexvti_replay *r, u64 seq);
bool flexvti_replay_update(struct flexvti_replay *r, u64 seq);

static inline u64 flexvti_replay_top(const struct flexvti_replay *r)
{
	return READ_ONCE(r->top);
}

#endif /* _NET_FLEXVTI_REPLAY_H_ */
