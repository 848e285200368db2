/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: ESP security associations (RFC 4303) of virtual-access
 * interfaces.
 */
#ifndef _NET_FLEXVTI_SA_H_
#define _NET_FLEXVTI_SA_H_

#include <crypto/aead.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/netdevice.h>
#include <net/genetlink.h>

#include "replay.h"
#include "stats.h"

/* fewer sequence numbers left than this raise FLEXVTI_SA_EVENT_SEQ_WRAP */
#define FLEXVTI_SA_SEQ_WRAP_MARGIN	BIT_ULL(20)

/* bits of flexvti_sa.flags */
enum flexvti_sa_flag {
	FLEXVTI_SA_F_DEAD,	/* past a hard limit: no longer used */
};

/**
 * struct flexvti_sa - one ESP security association
 * @hnode: entry in the inbound SA table (inbound SAs only)
 * @va_node: entry in the SA list of its interface
 * @dev: the interface; a reference is held
 * @net: transport network namespace, where its ESP packets travel; the
 *	inbound table is keyed by (@net, @spi)
 * @spi: SPI, host order
 * @dir: &enum flexvti_sa_dir
 * @alg: &enum flexvti_sa_alg
 * @esn: extended sequence numbers
 * @icv_len: bytes of ICV
 * @iv_len: bytes of IV in each packet
 * @align: the ESP payload plus trailer is padded to a multiple of this
 * @tfm: the AEAD transform, keyed
 * @soft_bytes: soft byte limit, 0 for none
 * @hard_bytes: hard byte limit, 0 for none
 * @soft_packets: soft packet limit, 0 for none
 * @hard_packets: hard packet limit, 0 for none
 * @seq: outbound: last sequence number used
 * @replay: inbound: the receive window
 * @packets: packets encrypted or decrypted (lifetime and counters)
 * @bytes: their bytes, inner headers included
 * @drops: drops attributed to this SA
 * @flags: &enum flexvti_sa_flag bits
 * @events: &enum flexvti_sa_event bits already notified
 * @refcount: the interface's list holds one, packets in flight one each
 * @rcu: frees the SA after a grace period
 *
 * Lifetime: created and linked by sa-new under RTNL; unlinked by sa-del
 * or when the interface goes, under RTNL; readers find it under RCU and
 * take a reference for packets that leave the RCU section (asynchronous
 * crypto).  Settings are fixed after creation.
 */
struct flexvti_sa {
	struct hlist_node hnode;
	struct list_head va_node;
	struct net_device *dev;
	struct net *net;
	u32 spi;
	u8 dir;
	u8 alg;
	bool esn;
	u8 icv_len;
	u8 iv_len;
	u8 align;
	struct crypto_aead *tfm;
	u64 soft_bytes;
	u64 hard_bytes;
	u64 soft_packets;
	u64 hard_packets;
	atomic64_t seq;
	struct flexvti_replay replay;
	atomic64_t packets;
	atomic64_t bytes;
	struct flexvti_drops drops;
	unsigned long flags;
	unsigned long events;
	struct kref refcount;
	struct rcu_head rcu;
};

struct flexvti_priv;

struct flexvti_sa *flexvti_sa_create(struct net_device *dev,
				     struct nlattr **attrs,
				     struct netlink_ext_ack *extack);
int flexvti_sa_install(struct flexvti_priv *priv, struct flexvti_sa *sa,
		       struct netlink_ext_ack *extack);
struct flexvti_sa *flexvti_sa_find(struct flexvti_priv *priv, u8 dir,
				   u32 spi);
void flexvti_sa_remove(struct flexvti_priv *priv, struct flexvti_sa *sa);
void flexvti_sa_flush(struct flexvti_priv *priv);
void flexvti_sa_activate(struct flexvti_priv *priv, struct flexvti_sa *sa);
struct flexvti_sa *flexvti_sa_lookup_in(struct net *net, __be32 spi);
void flexvti_sa_put(struct flexvti_sa *sa);
bool flexvti_sa_account(struct flexvti_sa *sa, unsigned int len);
u64 flexvti_sa_next_seq(struct flexvti_sa *sa);
void flexvti_sa_drop(struct flexvti_sa *sa, enum flexvti_drop reason);
void flexvti_sa_stats(struct flexvti_sa *sa, struct flexvti_stats *s);
void flexvti_sa_free_key_attrs(struct nlattr **attrs);
unsigned int flexvti_sa_generation(void);

static inline bool flexvti_sa_get(struct flexvti_sa *sa)
{
	return kref_get_unless_zero(&sa->refcount);
}

static inline bool flexvti_sa_usable(const struct flexvti_sa *sa)
{
	return !test_bit(FLEXVTI_SA_F_DEAD, &sa->flags);
}

#endif /* _NET_FLEXVTI_SA_H_ */
