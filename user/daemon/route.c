// SPDX-License-Identifier: GPL-2.0-only
/*
 * rtnetlink requests of the sessions, through libnl-route-3.
 */
#include <errno.h>
#include <net/if.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/netlink.h>

#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/route.h>

#include "route.h"

static struct nl_sock *route_sk;

static int route_prefix_op(bool add, uint32_t ifindex,
			   const struct route_addr *dst, int prefix,
			   const struct route_addr *src, uint32_t metric,
			   uint8_t protocol, int flags);

/* libnl's error codes as errno values */
static int route_err(int nlerr)
{
	switch (nlerr) {
	case 0:
		return 0;
	case -NLE_EXIST:
		return -EEXIST;
	case -NLE_OBJ_NOTFOUND:
		return -ENOENT;
	case -NLE_NODEV:
		return -ENODEV;
	case -NLE_NOMEM:
		return -ENOMEM;
	case -NLE_PERM:
		return -EPERM;
	default:
		return -EIO;
	}
}

/**
 * route_open - open the rtnetlink socket of route_*()
 *
 * Return: 0 or a negative errno.
 */
int route_open(void)
{
	int one = 1;

	route_sk = nl_socket_alloc();
	if (!route_sk)
		return -ENOMEM;
	/* dumps filtered by the kernel: route_ifaddr() */
	if (nl_connect(route_sk, NETLINK_ROUTE) ||
	    setsockopt(nl_socket_get_fd(route_sk), SOL_NETLINK,
		       NETLINK_GET_STRICT_CHK, &one, sizeof(one))) {
		nl_socket_free(route_sk);
		route_sk = NULL;
		return -ECONNREFUSED;
	}
	return 0;
}

/**
 * route_close - close it
 */
void route_close(void)
{
	nl_socket_free(route_sk);
	route_sk = NULL;
}

/**
 * route_link_up - set an interface's MTU and bring it up
 * @ifindex: the interface
 * @mtu: bytes, 0 to keep the interface's own
 *
 * Return: 0 or a negative errno.
 */
int route_link_up(uint32_t ifindex, unsigned int mtu)
{
	struct rtnl_link *orig, *change;
	int ret = -ENOMEM;

	orig = rtnl_link_alloc();
	change = rtnl_link_alloc();
	if (orig && change) {
		rtnl_link_set_ifindex(orig, ifindex);
		if (mtu)
			rtnl_link_set_mtu(change, mtu);
		rtnl_link_set_flags(change, IFF_UP);
		ret = route_err(rtnl_link_change(route_sk, orig, change, 0));
	}
	rtnl_link_put(change);
	rtnl_link_put(orig);
	return ret;
}

static void route_addr_from_nl(struct nl_addr *a, struct route_addr *out)
{
	out->family = nl_addr_get_family(a);
	if (out->family == AF_INET)
		memcpy(&out->v4, nl_addr_get_binary_addr(a), 4);
	else
		memcpy(&out->v6, nl_addr_get_binary_addr(a), 16);
}

/* what route_ifaddr() is looking for, and what it found */
struct route_ifaddr_req {
	int ifindex;
	int family;
	struct route_addr *out;
	int ret;
};

static void route_ifaddr_obj(struct nl_object *obj, void *arg)
{
	struct route_ifaddr_req *req = arg;
	struct rtnl_addr *a = (struct rtnl_addr *)obj;
	struct nl_addr *local = rtnl_addr_get_local(a);

	if (!req->ret || rtnl_addr_get_ifindex(a) != req->ifindex ||
	    rtnl_addr_get_family(a) != req->family || !local ||
	    rtnl_addr_get_scope(a) >= RT_SCOPE_LINK)
		return;
	route_addr_from_nl(local, req->out);
	req->ret = 0;
}

static int route_ifaddr_msg(struct nl_msg *msg, void *arg)
{
	nl_msg_parse(msg, route_ifaddr_obj, arg);
	return NL_OK;
}

/**
 * route_ifaddr - the first address of a family on an interface, in the
 *	order the kernel lists them (the primary address first)
 * @ifname: the interface
 * @family: AF_INET or AF_INET6; addresses of scope link or host are
 *	skipped (IPv6 link-local ones, and 127.0.0.1 and ::1 of "lo",
 *	where a Linux headend puts the address of IOS's Loopback0)
 * @out: the address
 *
 * The kernel dumps that interface's addresses of that family only (a
 * strictly checked RTM_GETADDR dump): a headend with thousands of
 * virtual-access interfaces asks this for every session it sets up.
 *
 * Return: 0, -ENODEV without such an interface, -EADDRNOTAVAIL when it
 * has no such address, or another negative errno.
 */
int route_ifaddr(const char *ifname, int family, struct route_addr *out)
{
	struct route_ifaddr_req req = {
		.ifindex = if_nametoindex(ifname), .family = family,
		.out = out, .ret = -EADDRNOTAVAIL,
	};
	struct ifaddrmsg ifa = { .ifa_family = family };
	struct nl_cb *own, *cb;
	int ret;

	if (!req.ifindex)
		return -ENODEV;
	ifa.ifa_index = req.ifindex;
	own = nl_socket_get_cb(route_sk);
	cb = nl_cb_clone(own);
	nl_cb_put(own);
	if (!cb)
		return -ENOMEM;
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, route_ifaddr_msg, &req);
	ret = nl_send_simple(route_sk, RTM_GETADDR, NLM_F_DUMP, &ifa,
			     sizeof(ifa));
	if (ret >= 0)
		ret = nl_recvmsgs(route_sk, cb);
	nl_cb_put(cb);
	return ret < 0 ? route_err(ret) : req.ret;
}

static struct nl_addr *route_nl_addr(const struct route_addr *a)
{
	int bits = a->family == AF_INET ? 32 : 128;
	struct nl_addr *n;

	n = nl_addr_build(a->family, &a->v4, bits / 8);
	if (n)
		nl_addr_set_prefixlen(n, bits);
	return n;
}

/**
 * route_prefix - add or delete a route to a prefix through an interface,
 *	without a gateway ("connected via" the interface), in the main table
 * @add: add it rather than delete it
 * @ifindex: the interface
 * @dst: the prefix's address, its host bits clear
 * @prefix: the prefix length, 0 to 32 or 128
 * @src: preferred source of the route, or NULL/AF_UNSPEC for none
 * @metric: the route's metric (its priority: the lower the stronger), 0
 *	for the kernel's default (0 for IPv4, 1024 for IPv6)
 *
 * The route is "proto static", scope link.  A delete names the metric
 * too, so that a route to the same prefix with another metric (an
 * operator's) stays.  Routes through an interface go with it when it is
 * deleted.
 *
 * Return: 0 or a negative errno (-EEXIST when adding a route there is,
 * -ENOENT when deleting one there is not).
 */
int route_prefix(bool add, uint32_t ifindex, const struct route_addr *dst,
		 int prefix, const struct route_addr *src, uint32_t metric)
{
	return route_prefix_op(add, ifindex, dst, prefix, src, metric,
			       RTPROT_STATIC, NLM_F_EXCL);
}

/**
 * route_shortcut - add or delete an NHRP shortcut route: a route to a
 *	prefix through an interface, of a protocol of its own
 * @add: add it, replacing one to the same prefix, metric and protocol
 *	(a shortcut through another interface), rather than delete it
 * @ifindex: the interface
 * @dst: an address of the prefix; host bits beyond @prefix are cleared
 * @prefix: the prefix length
 * @protocol: the route's rtm_protocol
 * @metric: its priority
 *
 * Return: 0 or a negative errno (-ENOENT deleting a route there is not).
 */
int route_shortcut(bool add, uint32_t ifindex, const struct route_addr *dst,
		   int prefix, uint8_t protocol, uint32_t metric)
{
	struct route_addr net = *dst;

	route_clear_host_bits(&net, prefix);
	return route_prefix_op(add, ifindex, &net, prefix, NULL, metric,
			       protocol, NLM_F_REPLACE);
}

/* route_prefix() with the protocol and the flags of an add */
static int route_prefix_op(bool add, uint32_t ifindex,
			   const struct route_addr *dst, int prefix,
			   const struct route_addr *src, uint32_t metric,
			   uint8_t protocol, int flags)
{
	struct rtnl_route *r = rtnl_route_alloc();
	struct rtnl_nexthop *nh = rtnl_route_nh_alloc();
	struct nl_addr *d = route_nl_addr(dst), *s = NULL;
	int ret = -ENOMEM;

	if (src && src->family == dst->family)
		s = route_nl_addr(src);
	if (!r || !nh || !d || (src && src->family == dst->family && !s))
		goto out;
	nl_addr_set_prefixlen(d, prefix);
	rtnl_route_set_family(r, dst->family);
	rtnl_route_set_dst(r, d);
	rtnl_route_set_scope(r, RT_SCOPE_LINK);
	rtnl_route_set_protocol(r, protocol);
	if (metric)
		rtnl_route_set_priority(r, metric);
	if (s)
		rtnl_route_set_pref_src(r, s);
	rtnl_route_nh_set_ifindex(nh, ifindex);
	rtnl_route_add_nexthop(r, nh);
	nh = NULL;
	ret = add ? rtnl_route_add(route_sk, r, NLM_F_CREATE | flags) :
		    rtnl_route_delete(route_sk, r, 0);
	ret = route_err(ret);
out:
	if (nh)
		rtnl_route_nh_free(nh);
	nl_addr_put(s);
	nl_addr_put(d);
	rtnl_route_put(r);
	return ret;
}

/**
 * route_host - add or delete the host route to an address via an
 *	interface, in the main table
 * @add: add it rather than delete it
 * @ifindex: the interface
 * @dst: the address: a /32 or /128 route
 * @src: preferred source of the route, or NULL/AF_UNSPEC for none
 *
 * route_prefix() of a host with the kernel's default metric.
 *
 * Return: 0 or a negative errno (-EEXIST when adding a route there is).
 */
int route_host(bool add, uint32_t ifindex, const struct route_addr *dst,
	       const struct route_addr *src)
{
	return route_prefix(add, ifindex, dst, dst->family == AF_INET ? 32 :
			    128, src, 0);
}

/**
 * route_addr - add or delete an address of an interface
 * @add: add it rather than delete it
 * @ifindex: the interface
 * @a: the address
 * @prefix: its prefix length (the connected route the kernel adds)
 *
 * IPv6 addresses skip duplicate address detection: a point-to-point
 * tunnel has nobody to collide with.
 *
 * Return: 0 or a negative errno (-EEXIST when adding an address there is).
 */
int route_addr(bool add, uint32_t ifindex, const struct route_addr *a,
	       int prefix)
{
	struct rtnl_addr *ra = rtnl_addr_alloc();
	struct nl_addr *local = route_nl_addr(a);
	int ret = -ENOMEM;

	if (!ra || !local)
		goto out;
	nl_addr_set_prefixlen(local, prefix);
	rtnl_addr_set_ifindex(ra, ifindex);
	rtnl_addr_set_family(ra, a->family);
	ret = route_err(rtnl_addr_set_local(ra, local));
	if (ret)
		goto out;
	rtnl_addr_set_prefixlen(ra, prefix);
	if (a->family == AF_INET6)
		rtnl_addr_set_flags(ra, IFA_F_NODAD);
	ret = add ? rtnl_addr_add(route_sk, ra, NLM_F_CREATE | NLM_F_EXCL) :
		    rtnl_addr_delete(route_sk, ra, 0);
	ret = route_err(ret);
out:
	nl_addr_put(local);
	rtnl_addr_put(ra);
	return ret;
}

/**
 * route_fill_host_bits - set the host bits of an address: the last
 *	address of its prefix
 * @b: the address, network order
 * @len: its bytes, 4 or 16
 * @prefix: the prefix length, 0 to @len * 8
 */
void route_fill_host_bits(uint8_t *b, size_t len, int prefix)
{
	size_t i;

	for (i = 0; i < len; i++) {
		int bits = prefix - (int)i * 8;

		if (bits < 8)
			b[i] |= bits <= 0 ? 0xff : 0xff >> bits;
	}
}

/**
 * route_clear_host_bits - clear the host bits of an address: the first
 *	address of its prefix
 * @a: the address
 * @prefix: the prefix length
 */
void route_clear_host_bits(struct route_addr *a, int prefix)
{
	uint8_t *b = a->family == AF_INET ? (uint8_t *)&a->v4 : a->v6.s6_addr;
	size_t len = a->family == AF_INET ? 4 : 16, i;

	for (i = 0; i < len; i++) {
		int bits = prefix - (int)i * 8;

		if (bits < 8)
			b[i] &= bits <= 0 ? 0 : 0xff << (8 - bits);
	}
}

/* what route_lookup() asked and found */
struct route_lookup_req {
	uint32_t oif;
	int prefix;
	int ret;
};

static int route_lookup_msg(struct nl_msg *msg, void *arg)
{
	struct route_lookup_req *req = arg;
	struct rtnl_route *r = NULL;
	struct rtnl_nexthop *nh;

	if (rtnl_route_parse(nlmsg_hdr(msg), &r) < 0)
		return NL_SKIP;
	nh = rtnl_route_nexthop_n(r, 0);
	req->prefix = nl_addr_get_prefixlen(rtnl_route_get_dst(r));
	req->oif = nh ? rtnl_route_nh_get_ifindex(nh) : 0;
	req->ret = rtnl_route_get_type(r) == RTN_UNICAST ? 0 : -EHOSTUNREACH;
	rtnl_route_put(r);
	return NL_OK;
}

/**
 * route_lookup - the route of the main routing table that an address
 *	takes (RTM_GETROUTE with RTM_F_FIB_MATCH)
 * @dst: the address
 * @oif: receives the interface it goes out of (the first next hop's)
 * @prefix: receives the prefix length of the matching route
 *
 * Return: 0, -ENETUNREACH without a route, -EHOSTUNREACH when the route
 * is not a unicast one (local, blackhole, ...), or another negative
 * errno.
 */
int route_lookup(const struct route_addr *dst, uint32_t *oif, int *prefix)
{
	struct rtmsg rtm = {
		.rtm_family = dst->family,
		.rtm_dst_len = dst->family == AF_INET ? 32 : 128,
		.rtm_flags = RTM_F_FIB_MATCH,
	};
	struct route_lookup_req req = { .ret = -ENETUNREACH };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_GETROUTE, 0);
	struct nl_cb *own, *cb = NULL;
	int ret = -ENOMEM;

	if (!msg || nlmsg_append(msg, &rtm, sizeof(rtm), NLMSG_ALIGNTO) ||
	    nla_put(msg, RTA_DST, dst->family == AF_INET ? 4 : 16, &dst->v4))
		goto out;
	own = nl_socket_get_cb(route_sk);
	cb = nl_cb_clone(own);
	nl_cb_put(own);
	if (!cb)
		goto out;
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, route_lookup_msg, &req);
	/* the route, then the ACK of the socket's auto-ack: both read, or
	 * the next request of route_sk would read the ACK for its answer */
	ret = nl_send_auto(route_sk, msg);
	if (ret >= 0)
		ret = nl_recvmsgs(route_sk, cb);
	if (ret >= 0)
		ret = nl_wait_for_ack(route_sk);
	ret = ret < 0 ? (ret == -NLE_NOADDR || ret == -NLE_FAILURE ?
			 -ENETUNREACH : route_err(ret)) : req.ret;
	if (!ret) {
		*oif = req.oif;
		*prefix = req.prefix;
	}
out:
	nl_cb_put(cb);
	nlmsg_free(msg);
	return ret;
}
