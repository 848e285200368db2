/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/*
 * flexvti: per-session virtual-access tunnel interfaces for an IKEv2
 * headend.  Userspace API: the generic netlink family "flexvti" and the
 * rtnetlink link attributes of link kind "flexvti".
 *
 * Documentation/netlink/specs/flexvti.yaml is the contract; this header,
 * kernel/netlink.c and kernel/device.c are kept in step with it by hand.
 */
#ifndef _UAPI_LINUX_FLEXVTI_H
#define _UAPI_LINUX_FLEXVTI_H

#define FLEXVTI_FAMILY_NAME	"flexvti"
#define FLEXVTI_FAMILY_VERSION	1
#define FLEXVTI_MCGRP_EVENTS	"events"

/* rtnl link kind, as in "ip link add va1 type flexvti" */
#define FLEXVTI_LINK_KIND	"flexvti"

/**
 * enum flexvti_mode - encapsulation of a virtual-access interface
 * @FLEXVTI_MODE_IPSEC: ESP tunnel mode (RFC 4303 section 3.1.2), inner
 *	IPv4 or IPv6; the FlexVPN "tunnel mode ipsec ipv4|ipv6".  Default.
 * @FLEXVTI_MODE_GRE: GRE (RFC 2784) inside ESP transport mode between the
 *	tunnel endpoints; the FlexVPN "tunnel mode gre ip|ipv6".
 *
 * FlexVPN's "mode auto" is decided by flexvtid per session from the
 * negotiated traffic selectors; the kernel only ever sees the result.
 */
enum flexvti_mode {
	FLEXVTI_MODE_IPSEC = 1,
	FLEXVTI_MODE_GRE,

	/* private: */
	__FLEXVTI_MODE_MAX,
	FLEXVTI_MODE_MAX = __FLEXVTI_MODE_MAX - 1
};

/**
 * enum flexvti_del_reason - why a virtual-access interface went away
 * @FLEXVTI_DEL_REASON_USERSPACE: deleted by rtnetlink (ip link del, the
 *	daemon ending the session).
 * @FLEXVTI_DEL_REASON_NETNS: its network namespace was dismantled.
 * @FLEXVTI_DEL_REASON_UNLOAD: the module was unloaded.
 */
enum flexvti_del_reason {
	FLEXVTI_DEL_REASON_USERSPACE = 1,
	FLEXVTI_DEL_REASON_NETNS,
	FLEXVTI_DEL_REASON_UNLOAD,
};

/**
 * enum flexvti_a - attributes of the generic netlink family
 * @FLEXVTI_A_IFINDEX: u32, interface index of a flexvti interface in the
 *	request's network namespace.  Required by dev-get (do) and dev-set.
 * @FLEXVTI_A_IFNAME: string, interface name.  Reply and notification only.
 * @FLEXVTI_A_MODE: u32, &enum flexvti_mode.  Can only change while the
 *	interface is down.
 * @FLEXVTI_A_LOCAL_IPV4: 4 bytes, network order: local tunnel endpoint
 *	(outer source address).  0.0.0.0 lets routing choose.
 * @FLEXVTI_A_REMOTE_IPV4: 4 bytes, network order: remote tunnel endpoint
 *	(the IKE peer).  Must be unicast.
 * @FLEXVTI_A_LOCAL_IPV6: 16 bytes: local tunnel endpoint.  :: lets routing
 *	choose.
 * @FLEXVTI_A_REMOTE_IPV6: 16 bytes: remote tunnel endpoint; unicast.
 *	The local and remote endpoints of one request must be of one family;
 *	setting endpoints of one family clears those of the other.
 * @FLEXVTI_A_NHRP_NETWORK_ID: u32, NHRP network-id (RFC 2332 network
 *	layer, FlexVPN "ip nhrp network-id"); 0 means NHRP is off.
 * @FLEXVTI_A_TEMPLATE_ID: u32, number of the virtual template the
 *	interface was cloned from (Virtual-Template<N>); 0 for an interface
 *	made by hand.  Fixed at creation (IFLA_FLEXVTI_TEMPLATE_ID); reported
 *	by dev-get, refused by dev-set.
 * @FLEXVTI_A_DEL_REASON: u32, &enum flexvti_del_reason, in dev-del-ntf.
 */
enum flexvti_a {
	FLEXVTI_A_UNSPEC,
	FLEXVTI_A_IFINDEX,
	FLEXVTI_A_IFNAME,
	FLEXVTI_A_MODE,
	FLEXVTI_A_LOCAL_IPV4,
	FLEXVTI_A_REMOTE_IPV4,
	FLEXVTI_A_LOCAL_IPV6,
	FLEXVTI_A_REMOTE_IPV6,
	FLEXVTI_A_NHRP_NETWORK_ID,
	FLEXVTI_A_TEMPLATE_ID,
	FLEXVTI_A_DEL_REASON,

	/* private: */
	__FLEXVTI_A_MAX,
	FLEXVTI_A_MAX = __FLEXVTI_A_MAX - 1
};

/**
 * enum flexvti_cmd - commands of the generic netlink family
 * @FLEXVTI_CMD_DEV_GET: do: the settings of one interface (FLEXVTI_A_IFINDEX);
 *	dump: every flexvti interface of the request's network namespace.
 *	The dump is restartable; a change of the namespace's interface list
 *	during it sets NLM_F_DUMP_INTR on the following message.
 * @FLEXVTI_CMD_DEV_SET: change the settings of one interface.  All or
 *	nothing: a rejected request changes nothing and says why in extack.
 * @FLEXVTI_CMD_DEV_CHANGE_NTF: multicast on "events" after a successful
 *	dev-set or rtnetlink change; same attributes as a dev-get reply.
 * @FLEXVTI_CMD_DEV_DEL_NTF: multicast on "events" when an interface is
 *	unregistered: FLEXVTI_A_IFINDEX, FLEXVTI_A_IFNAME, FLEXVTI_A_DEL_REASON.
 */
enum flexvti_cmd {
	FLEXVTI_CMD_UNSPEC,
	FLEXVTI_CMD_DEV_GET,
	FLEXVTI_CMD_DEV_SET,
	FLEXVTI_CMD_DEV_CHANGE_NTF,
	FLEXVTI_CMD_DEV_DEL_NTF,

	/* private: */
	__FLEXVTI_CMD_MAX,
	FLEXVTI_CMD_MAX = __FLEXVTI_CMD_MAX - 1
};

/**
 * enum ifla_flexvti - IFLA_INFO_DATA of link kind "flexvti"
 *
 * Same meaning, types and checks as the FLEXVTI_A_* attribute of the same
 * name.  IFLA_FLEXVTI_TEMPLATE_ID is set when the link is created; a
 * change request that carries another value is refused with EINVAL.  An
 * out-of-tree module cannot add to <linux/if_link.h>, so the link
 * attributes live here.
 */
enum ifla_flexvti {
	IFLA_FLEXVTI_UNSPEC,
	IFLA_FLEXVTI_MODE,
	IFLA_FLEXVTI_LOCAL_IPV4,
	IFLA_FLEXVTI_REMOTE_IPV4,
	IFLA_FLEXVTI_LOCAL_IPV6,
	IFLA_FLEXVTI_REMOTE_IPV6,
	IFLA_FLEXVTI_NHRP_NETWORK_ID,
	IFLA_FLEXVTI_TEMPLATE_ID,

	/* private: */
	__IFLA_FLEXVTI_MAX,
	IFLA_FLEXVTI_MAX = __IFLA_FLEXVTI_MAX - 1
};

#endif /* _UAPI_LINUX_FLEXVTI_H */
