// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti: ESP anti-replay window (RFC 4303 section 3.4.3) with extended
 * sequence numbers (Appendix A).
 *
 * A packet is checked twice: cheaply before decryption, so that replayed
 * packets cost no crypto, and for good after its ICV verified, under the
 * lock, where the window moves (section 3.4.3: "the receive window is
 * updated only if the integrity verification succeeds").  Decryption may
 * complete out of order, which the bitmap absorbs.
 */

#include <linux/bitmap.h>
#include <linux/log2.h>
#include <linux/slab.h>

#include "replay.h"

/**
 * flexvti_replay_init - set up a receive window
 * @r: the window
 * @window: size in packets, 0 (off) to FLEXVTI_REPLAY_WINDOW_MAX
 * @top: highest sequence number already received (0 for a new SA)
 *
 * Return: 0 or -ENOMEM.
 */
int flexvti_replay_init(struct flexvti_replay *r, u32 window, u64 top)
{
	u32 bits = roundup_pow_of_two(window + BITS_PER_LONG);

	spin_lock_init(&r->lock);
	r->top = top;
	r->window = window;
	r->mask = bits - 1;
	r->bitmap = NULL;
	if (!window)
		return 0;
	r->bitmap = bitmap_zalloc(bits, GFP_KERNEL);
	return r->bitmap ? 0 : -ENOMEM;
}

/**
 * flexvti_replay_destroy - free what flexvti_replay_init() allocated
 * @r: the window
 */
void flexvti_replay_destroy(struct flexvti_replay *r)
{
	bitmap_free(r->bitmap);
}

/**
 * flexvti_replay_seq - the full sequence number of a received packet
 * @r: the window
 * @seql: the 32 bits carried in the ESP header
 * @esn: whether the SA uses extended sequence numbers
 *
 * With ESN, guesses the high-order 32 bits as RFC 4303 Appendix A2.2
 * does: a number below the window belongs to the next 2^32 block (Case
 * A), one above the top while the window reaches into the previous block
 * belongs to that one (Case B).  The ICV, which covers the high bits,
 * then tells whether the guess was right.
 *
 * Return: the 64-bit sequence number, or @seql without ESN.
 */
u64 flexvti_replay_seq(const struct flexvti_replay *r, u32 seql, bool esn)
{
	u64 top = READ_ONCE(r->top);
	u32 th = upper_32_bits(top), tl = lower_32_bits(top);
	u32 w = r->window;

	if (!esn)
		return seql;
	if (tl >= w - 1) {
		/* Case A: the window lies within one block */
		if (seql < tl - w + 1)
			th++;
	} else if (seql >= tl - w + 1 && th) {
		/* Case B: the window reaches back into block th - 1 */
		th--;
	}
	return (u64)th << 32 | seql;
}

/* is @seq acceptable given @top?  Caller reads the bitmap as it likes */
static bool flexvti_replay_fresh(const struct flexvti_replay *r, u64 top,
				 u64 seq)
{
	if (!seq)
		return false;
	return seq > top || top - seq < r->window;
}

/**
 * flexvti_replay_check - may a packet be decrypted?
 * @r: the window
 * @seq: its full sequence number
 *
 * Lockless and approximate in the racy direction only: a packet that
 * passes here can still be refused by flexvti_replay_update().
 *
 * Return: false if the packet is a replay or too old for the window.
 */
bool flexvti_replay_check(const struct flexvti_replay *r, u64 seq)
{
	u64 top = READ_ONCE(r->top);

	if (!r->window)
		return true;
	if (!flexvti_replay_fresh(r, top, seq))
		return false;
	return seq > top || !test_bit(seq & r->mask, r->bitmap);
}

/* clear the words between the old and the new top, both excluded */
static void flexvti_replay_advance(struct flexvti_replay *r, u64 seq)
{
	u64 old = r->top / BITS_PER_LONG, new = seq / BITS_PER_LONG;
	u32 words = (r->mask + 1) / BITS_PER_LONG;
	u64 i, n = min_t(u64, new - old, words);

	for (i = 1; i <= n; i++)
		r->bitmap[(old + i) % words] = 0;
	WRITE_ONCE(r->top, seq);
}

/**
 * flexvti_replay_update - record an authenticated packet
 * @r: the window
 * @seq: its full sequence number
 *
 * Context: any; takes @r->lock.
 * Return: false if the packet is a replay or too old (it was accepted
 * before, possibly by a concurrent decryption), true otherwise.
 */
bool flexvti_replay_update(struct flexvti_replay *r, u64 seq)
{
	bool ok;

	if (!r->window) {
		if (seq > READ_ONCE(r->top))
			WRITE_ONCE(r->top, seq);
		return true;
	}
	spin_lock_bh(&r->lock);
	ok = flexvti_replay_fresh(r, r->top, seq);
	if (ok) {
		if (seq > r->top)
			flexvti_replay_advance(r, seq);
		ok = !__test_and_set_bit(seq & r->mask, r->bitmap);
	}
	spin_unlock_bh(&r->lock);
	return ok;
}
