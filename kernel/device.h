/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: virtual-access net_device and its rtnl link kind.
 */
#ifndef _NET_FLEXVTI_DEVICE_H_
#define _NET_FLEXVTI_DEVICE_H_

#include <linux/netdevice.h>
#include <net/netlink.h>

#include "flexvtipriv.h"
#include "policy.h"
#include "stats.h"

struct flexvti_sa;

/*
 * Default MTU: the "ip mtu 1400" of the FlexVPN guide's virtual templates.
 * The largest overhead flexvti will add (outer IPv6 40, UDP 8, ESP header
 * 8, IV 16, padding 15, ESP trailer 2, ICV 32, GRE 4) is below
 * FLEXVTI_MAX_OVERHEAD bytes, which bounds the MTU from above.
 */
/* reject with "flexvti: MSG" in extack, pointing at @attr */
#define FLEXVTI_ERR_ATTR(extack, attr, msg) do {	\
	struct netlink_ext_ack *__ea = (extack);	\
							\
	NL_SET_BAD_ATTR(__ea, attr);			\
	NL_SET_ERR_MSG_MOD(__ea, msg);			\
} while (0)

#define FLEXVTI_DEFAULT_MTU	1400
#define FLEXVTI_MAX_OVERHEAD	128

/**
 * struct flexvti_dev_attr_types - where a family keeps the VA settings
 * @mode: attribute type of the mode (u32)
 * @local4: of the local IPv4 endpoint (4 bytes)
 * @remote4: of the remote IPv4 endpoint (4 bytes)
 * @local6: of the local IPv6 endpoint (16 bytes)
 * @remote6: of the remote IPv6 endpoint (16 bytes)
 * @nhrp_network_id: of the NHRP network-id (u32)
 * @template_id: of the template id (u32)
 * @udp_socket: of the ESP-in-UDP socket (s32 file descriptor), 0 where
 *	the family has none
 * @udp_local_port: of the socket's port (be16, read-only), 0 likewise
 * @udp_remote_port: of the remote UDP port (be16), 0 likewise
 * @nhrp_redirect: of the NHRP redirect timeout (u32 seconds)
 * @mpls_labels: of the MPLS label stack (binary, u32 labels), 0 where
 *	the family has none
 *
 * The link attributes (IFLA_FLEXVTI_*) and the genl attributes
 * (FLEXVTI_A_*) carry the same settings with the same types under other
 * numbers; one parser and one filler serve both through this map.
 */
struct flexvti_dev_attr_types {
	u16 mode;
	u16 local4;
	u16 remote4;
	u16 local6;
	u16 remote6;
	u16 nhrp_network_id;
	u16 template_id;
	u16 udp_socket;
	u16 udp_local_port;
	u16 udp_remote_port;
	u16 nhrp_redirect;
	u16 mpls_labels;
};

/**
 * struct flexvti_dev_change - a validated settings change
 * @has_mode: @cfg.mode is to be set
 * @has_ep: @cfg.ep is to be set (both endpoints are replaced)
 * @has_nhrp: @cfg.nhrp_network_id is to be set
 * @has_udp: the transport is to be set: @udp_fd
 * @has_dport: @cfg.udp_dport is to be set
 * @has_redirect: @cfg.nhrp_redirect is to be set
 * @has_mpls: @cfg.mpls is to be set (replaced as a whole)
 * @udp_fd: file descriptor of the ESP-in-UDP socket, -1 for raw ESP
 * @mode_attr: the request's mode attribute, for extack, or NULL
 * @mpls_attr: the request's label stack attribute, for extack, or NULL
 * @cfg: new values of the fields flagged above
 * @policy: new access lists and policers (genl only), parsed by
 *	flexvti_policy_change_parse(); released by
 *	flexvti_dev_change_release()
 */
struct flexvti_dev_change {
	bool has_mode;
	bool has_ep;
	bool has_nhrp;
	bool has_udp;
	bool has_dport;
	bool has_redirect;
	bool has_mpls;
	int udp_fd;
	const struct nlattr *mode_attr;
	const struct nlattr *mpls_attr;
	struct flexvti_dev_cfg cfg;
	struct flexvti_policy_change policy;
};

/* does the change set anything? */
static inline bool flexvti_dev_change_any(const struct flexvti_dev_change *chg)
{
	return chg->has_mode || chg->has_ep || chg->has_nhrp ||
	       chg->has_udp || chg->has_dport || chg->has_redirect ||
	       chg->has_mpls || flexvti_policy_change_any(&chg->policy);
}

/* free what a change still owns, applied or not */
static inline void flexvti_dev_change_release(struct flexvti_dev_change *chg)
{
	flexvti_policy_change_release(&chg->policy);
}

bool flexvti_dev_is_valid(const struct net_device *dev);
int flexvti_dev_change_parse(struct nlattr **tb,
			     const struct flexvti_dev_attr_types *t,
			     struct flexvti_dev_change *chg,
			     struct netlink_ext_ack *extack);
int flexvti_dev_change_apply(struct flexvti_priv *priv,
			     struct flexvti_dev_change *chg,
			     struct netlink_ext_ack *extack);
int flexvti_dev_fill(struct sk_buff *skb, struct flexvti_priv *priv,
		     const struct flexvti_dev_attr_types *t);

void flexvti_dev_drop(struct flexvti_priv *priv, struct flexvti_sa *sa,
		      enum flexvti_drop reason, bool rx);
void flexvti_dev_drop_policy(struct flexvti_priv *priv,
			     enum flexvti_drop reason, bool rx,
			     unsigned int n);
void flexvti_dev_stats(struct flexvti_priv *priv, struct flexvti_stats *s);
struct net *flexvti_dev_transport_net(struct flexvti_priv *priv);

int flexvti_dev_register(void);
void flexvti_dev_unregister(void);

#endif /* _NET_FLEXVTI_DEVICE_H_ */
