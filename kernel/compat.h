/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: the differences between the kernels the module builds on
 * (Debian 12's 6.1 series and its 6.12 series), kept in one place.
 */
#ifndef _NET_FLEXVTI_COMPAT_H_
#define _NET_FLEXVTI_COMPAT_H_

#include <linux/crypto.h>
#include <linux/netdevice.h>
#include <linux/version.h>
#include <net/genetlink.h>
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
#include <net/gso.h>	/* skb_gso_segment() moved there in 6.5 */
#endif

/*
 * Lockless transmit: the NETIF_F_LLTX feature bit until 6.10, the
 * dev->lltx field since 6.11.
 */
static inline void flexvti_compat_set_lltx(struct net_device *dev)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 11, 0)
	dev->lltx = true;
#else
	dev->features |= NETIF_F_LLTX;
#endif
}

/* the parsed request attributes of a genl dump: own genl_info since 6.2 */
static inline struct nlattr **
flexvti_compat_dump_attrs(struct netlink_callback *cb)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
	return genl_dumpit_info(cb)->info.attrs;
#else
	return genl_dumpit_info(cb)->attrs;
#endif
}

/*
 * Completion callbacks of asynchronous crypto requests get the request
 * until 6.2 and its data pointer since 6.3.  Declare one with
 * FLEXVTI_CRYPTO_DONE(name, data) and read the data pointer as @data.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
#define FLEXVTI_CRYPTO_DONE(name, data)					\
	static void name(void *data, int err)
#define FLEXVTI_CRYPTO_DONE_BEGIN(data)
#else
#define FLEXVTI_CRYPTO_DONE(name, data)					\
	static void name(struct crypto_async_request *__areq, int err)
#define FLEXVTI_CRYPTO_DONE_BEGIN(data)	void *data = __areq->data
#endif

#endif /* _NET_FLEXVTI_COMPAT_H_ */
