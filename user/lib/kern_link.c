// SPDX-License-Identifier: GPL-2.0-only
/*
 * Virtual-access interfaces over rtnetlink: what "ip link add/set/del
 * ... type flexvti" does, for programs.  Creating an interface of kind
 * "flexvti" makes the kernel load flexvti.ko when it is not loaded.
 */
#include <errno.h>
#include <string.h>
#include <net/if.h>

#include <linux/flexvti.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>

#include "kern_nl.h"

/**
 * kern_link_open - open an rtnetlink socket for kern_link_*()
 * @nl: the socket to set up
 *
 * Return: 0, or -ENOMEM.
 */
int kern_link_open(struct kern_nl *nl)
{
	return kern_nl_socket(nl, NETLINK_ROUTE);
}

static struct nl_msg *kern_link_msg(int type, int flags, uint32_t ifindex,
				    unsigned int up)
{
	struct ifinfomsg ifi = {
		.ifi_family = AF_UNSPEC, .ifi_index = ifindex,
		.ifi_flags = up, .ifi_change = up,
	};
	struct nl_msg *msg = nlmsg_alloc_simple(type, flags);

	if (msg && nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO)) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return msg;
}

static int kern_link_put_info(struct nl_msg *msg, const struct kern_dev *d)
{
	struct nlattr *info, *data;

	info = nla_nest_start(msg, IFLA_LINKINFO);
	if (!info || nla_put_string(msg, IFLA_INFO_KIND, FLEXVTI_LINK_KIND))
		return -ENOMEM;
	data = nla_nest_start(msg, IFLA_INFO_DATA);
	if (!data || kern_dev_put(d, &kern_dev_link_types, kern_nl_put, msg))
		return -ENOMEM;
	nla_nest_end(msg, data);
	nla_nest_end(msg, info);
	return 0;
}

static int kern_link_send(struct kern_nl *nl, struct nl_msg *msg,
			  const char *name, const struct kern_dev *d)
{
	if ((name && nla_put_string(msg, IFLA_IFNAME, name)) ||
	    (d && kern_link_put_info(msg, d))) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	return kern_nl_transact(nl, msg, NULL, NULL);
}

static int kern_link_new(struct kern_nl *nl, const char *name,
			 const struct kern_dev *d, unsigned int up,
			 unsigned int mtu)
{
	struct nl_msg *msg;

	msg = kern_link_msg(RTM_NEWLINK,
			    NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL, 0, up);
	if (!msg)
		return -ENOMEM;
	if (mtu && nla_put_u32(msg, IFLA_MTU, mtu)) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	return kern_link_send(nl, msg, name, d);
}

/**
 * kern_link_add - create a virtual-access interface
 * @nl: socket from kern_link_open()
 * @name: interface name, or a pattern like "va%d"
 * @d: settings, including the template id, flagged in d->has
 *
 * Return: 0 or a negative errno, the kernel's reason in nl->extack.
 */
int kern_link_add(struct kern_nl *nl, const char *name,
		  const struct kern_dev *d)
{
	return kern_link_new(nl, name, d, 0, 0);
}

/**
 * kern_link_add_up - create a virtual-access interface that is up from
 *	the start, with its MTU: one request instead of two
 * @nl: socket from kern_link_open()
 * @name: interface name, or a pattern like "va%d"
 * @d: settings, including the template id, flagged in d->has
 * @mtu: bytes, 0 for the module's default
 *
 * Return: 0 or a negative errno, the kernel's reason in nl->extack.
 */
int kern_link_add_up(struct kern_nl *nl, const char *name,
		     const struct kern_dev *d, unsigned int mtu)
{
	return kern_link_new(nl, name, d, IFF_UP, mtu);
}

/**
 * kern_link_set - change a virtual-access interface's link settings
 * @nl: socket from kern_link_open()
 * @ifindex: the interface
 * @d: settings flagged in d->has
 *
 * Return: 0 or a negative errno, the kernel's reason in nl->extack.
 */
int kern_link_set(struct kern_nl *nl, uint32_t ifindex,
		  const struct kern_dev *d)
{
	struct nl_msg *msg = kern_link_msg(RTM_NEWLINK, NLM_F_REQUEST, ifindex,
					   0);

	if (!msg)
		return -ENOMEM;
	return kern_link_send(nl, msg, NULL, d);
}

/**
 * kern_link_del - delete an interface
 * @nl: socket from kern_link_open()
 * @ifindex: the interface
 *
 * Return: 0 or a negative errno.
 */
int kern_link_del(struct kern_nl *nl, uint32_t ifindex)
{
	struct nl_msg *msg = kern_link_msg(RTM_DELLINK, NLM_F_REQUEST, ifindex,
					   0);

	if (!msg)
		return -ENOMEM;
	return kern_link_send(nl, msg, NULL, NULL);
}
