/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: the differences between the kernels the module builds on
 * (Debian 12's 6.1 series and its 6.12 series), kept in one place.
 */
#ifndef _NET_FLEXVTI_COMPAT_H_
#define _NET_FLEXVTI_COMPAT_H_

#include <linux/netdevice.h>
#include <linux/version.h>

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

#endif /* _NET_FLEXVTI_COMPAT_H_ */
