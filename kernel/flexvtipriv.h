/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: per-interface state of a virtual-access interface.
 */
#ifndef _NET_FLEXVTI_FLEXVTIPRIV_H_
#define _NET_FLEXVTI_FLEXVTIPRIV_H_

#include <linux/in6.h>
#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/seqlock.h>
#include <net/dst_cache.h>
#include <net/gro_cells.h>
#include <uapi/linux/flexvti.h>

#include "mpls.h"
#include "nhrp.h"
#include "stats.h"

struct flexvti_policy;
struct flexvti_sa;
struct flexvti_udp;

/**
 * struct flexvti_endpoints - outer addresses of the tunnel
 * @family: AF_UNSPEC (not set yet), AF_INET or AF_INET6
 * @local4: local IPv4 endpoint; 0 lets routing choose
 * @remote4: remote IPv4 endpoint; unicast
 * @local6: local IPv6 endpoint; :: lets routing choose
 * @remote6: remote IPv6 endpoint; unicast
 */
struct flexvti_endpoints {
	sa_family_t family;
	union {
		struct {
			__be32 local4;
			__be32 remote4;
		};
		struct {
			struct in6_addr local6;
			struct in6_addr remote6;
		};
	};
};

/**
 * struct flexvti_dev_cfg - settings changeable over genl and rtnetlink
 * @mode: &enum flexvti_mode
 * @nhrp_network_id: NHRP network-id, 0 when NHRP is off
 * @nhrp_redirect: seconds between two nhrp-redirect-ntf of one flow that
 *	entered on the interface; 0 turns the hook off
 * @ep: tunnel endpoints
 * @udp_dport: remote UDP port of ESP-in-UDP, network order
 * @mpls: labels pushed on sent IP packets (gre mode only)
 *
 * @mode, @nhrp_network_id and @nhrp_redirect are written with
 * WRITE_ONCE() too, so that a packet path that needs one of them alone
 * may read it with READ_ONCE() instead of copying the whole.
 */
struct flexvti_dev_cfg {
	u32 mode;
	u32 nhrp_network_id;
	u32 nhrp_redirect;
	struct flexvti_endpoints ep;
	__be16 udp_dport;
	struct flexvti_mpls_stack mpls;
};

/**
 * struct flexvti_priv - private data of a flexvti net_device
 * @dev: the interface itself
 * @template_id: virtual template it was cloned from, 0 if none; fixed at
 *	creation, so read without locking
 * @lock: protects @cfg and @policy; writers also hold RTNL, so holding
 *	RTNL is enough to read them.  Lockless readers (the packet path)
 *	retry with flexvti_priv_cfg_read(), or read @policy under RCU.
 * @cfg: current settings
 * @sa_list: every SA of the interface; writers hold RTNL, readers RCU
 * @tx_sa: the active outbound SA, or NULL; writers hold RTNL
 * @udp: the socket of ESP-in-UDP, NULL for raw ESP; writers hold RTNL
 * @policy: access lists and policers, NULL if none; replaced as a whole
 *	under RTNL and @lock, read under RCU once per packet
 * @dst_cache: outer route to the remote endpoint; reset when the
 *	endpoints change
 * @gro_cells: receive path into GRO, as IP tunnels do it
 * @drops: drops by reason, for dev-get
 * @nhrp: recent nhrp-redirects of packets that entered here, with their
 *	counters; its own lock protects it
 */
struct flexvti_priv {
	struct net_device *dev;
	u32 template_id;
	seqlock_t lock; /* protects cfg */
	struct flexvti_dev_cfg cfg;
	struct list_head sa_list;
	struct flexvti_sa __rcu *tx_sa;
	struct flexvti_udp __rcu *udp;
	struct flexvti_policy __rcu *policy;
	struct dst_cache dst_cache;
	struct gro_cells gro_cells;
	struct flexvti_drops drops;
	struct flexvti_nhrp nhrp;
};

/**
 * flexvti_priv_cfg_read - a consistent copy of an interface's settings
 * @priv: the interface
 * @cfg: receives the copy
 *
 * Context: any; never waits for a lock, so the transmit path can call it
 * for every packet.
 */
static inline void flexvti_priv_cfg_read(struct flexvti_priv *priv,
					 struct flexvti_dev_cfg *cfg)
{
	unsigned int seq;

	do {
		seq = read_seqbegin(&priv->lock);
		*cfg = priv->cfg;
	} while (read_seqretry(&priv->lock, seq));
}

#endif /* _NET_FLEXVTI_FLEXVTIPRIV_H_ */
