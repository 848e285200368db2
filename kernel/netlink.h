/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: the "flexvti" generic netlink family.
 */
#ifndef _NET_FLEXVTI_NETLINK_H_
#define _NET_FLEXVTI_NETLINK_H_

#include <linux/netdevice.h>
#include <net/genetlink.h>
#include <uapi/linux/flexvti.h>

struct flexvti_nhrp_event;
struct flexvti_sa;

int flexvti_nl_register(void);
void flexvti_nl_unregister(void);
void flexvti_nl_dev_change_notify(struct net_device *dev);
void flexvti_nl_dev_del_notify(struct net_device *dev,
			       enum flexvti_del_reason reason);
void flexvti_nl_sa_event_notify(struct flexvti_sa *sa,
				enum flexvti_sa_event event);
int flexvti_nl_nhrp_redirect_notify(const struct flexvti_nhrp_event *ev);

/* shared by the family's files */
struct net_device *flexvti_nl_dev_find(struct genl_info *info);
void *flexvti_nl_msg_put(struct sk_buff *skb, u32 portid, u32 seq, int flags,
			 u8 cmd);
void flexvti_nl_multicast(struct net *net, struct sk_buff *msg, gfp_t gfp);
bool flexvti_nl_has_listeners(struct net *net);

/* SA commands, netlink_sa.c */
extern const struct nla_policy flexvti_nl_sa_new_policy[FLEXVTI_A_SA_SEQ + 1];
extern const struct nla_policy flexvti_nl_sa_id_policy[FLEXVTI_A_SA_SPI + 1];
int flexvti_nl_sa_new_doit(struct sk_buff *skb, struct genl_info *info);
int flexvti_nl_sa_del_doit(struct sk_buff *skb, struct genl_info *info);
int flexvti_nl_sa_get_doit(struct sk_buff *skb, struct genl_info *info);
int flexvti_nl_sa_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int flexvti_nl_sa_swap_doit(struct sk_buff *skb, struct genl_info *info);

#endif /* _NET_FLEXVTI_NETLINK_H_ */
