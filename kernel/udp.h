/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: ESP-in-UDP (RFC 3948) on a UDP socket owned by userspace.
 */
#ifndef _NET_FLEXVTI_UDP_H_
#define _NET_FLEXVTI_UDP_H_

#include <linux/kref.h>
#include <linux/net.h>
#include <linux/rcupdate.h>
#include <linux/skbuff.h>
#include <net/netlink.h>
#include <net/sock.h>

/* the port of RFC 3948 section 2.1, the default remote port */
#define FLEXVTI_UDP_PORT	4500

/**
 * struct flexvti_udp - a UDP socket that carries ESP-in-UDP
 * @sk: the socket; a reference is held, so @sk stays valid after
 *	userspace closed it
 * @refcount: one per interface sending over the socket
 * @closed: set once userspace closed the socket; nothing is sent over it
 *	any more
 * @rcu: frees the structure after the readers of sk_user_data are done
 *
 * One per socket, found from it through sk_user_data (RCU), shared by
 * every interface that uses the socket: an IKEv2 daemon has one NAT-T
 * socket (port 4500) per address family for all its sessions.
 */
struct flexvti_udp {
	struct sock *sk;
	struct kref refcount;
	bool closed;
	struct rcu_head rcu;
};

struct flexvti_udp *flexvti_udp_attach(struct socket *sock,
				       struct netlink_ext_ack *extack);
void flexvti_udp_put(struct flexvti_udp *udp);
void flexvti_udp_push(struct sk_buff *skb, __be16 sport, __be16 dport);

#endif /* _NET_FLEXVTI_UDP_H_ */
