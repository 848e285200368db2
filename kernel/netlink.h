/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: the "flexvti" generic netlink family.
 */
#ifndef _NET_FLEXVTI_NETLINK_H_
#define _NET_FLEXVTI_NETLINK_H_

#include <linux/netdevice.h>
#include <uapi/linux/flexvti.h>

int flexvti_nl_register(void);
void flexvti_nl_unregister(void);
void flexvti_nl_dev_change_notify(struct net_device *dev);
void flexvti_nl_dev_del_notify(struct net_device *dev,
			       enum flexvti_del_reason reason);

#endif /* _NET_FLEXVTI_NETLINK_H_ */
