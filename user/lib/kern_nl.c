// SPDX-License-Identifier: GPL-2.0-only
/*
 * Client of the flexvti generic netlink family (libnl-3): requests, their
 * replies, and the kernel's extended ACK message on failure.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/flexvti.h>
#include <linux/netlink.h>
#include <netlink/attr.h>
#include <netlink/errno.h>
#include <netlink/genl/ctrl.h>

#include "kern_acl.h"
#include "kern_nl.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

/**
 * kern_nl_socket - open a netlink socket with extended ACKs
 * @nl: the socket to set up; nl->family is left 0
 * @protocol: NETLINK_GENERIC or NETLINK_ROUTE
 *
 * Extended ACKs are switched on and capped, so a failed request comes back
 * with the kernel's reason and without a copy of the request.
 *
 * Return: 0, or -ENOMEM.
 */
int kern_nl_socket(struct kern_nl *nl, int protocol)
{
	int one = 1, fd;

	memset(nl, 0, sizeof(*nl));
	nl->sk = nl_socket_alloc();
	if (!nl->sk)
		return -ENOMEM;
	if (nl_connect(nl->sk, protocol)) {
		kern_nl_close(nl);
		return -ENOMEM;
	}
	fd = nl_socket_get_fd(nl->sk);
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	return 0;
}

/**
 * kern_nl_open - open a socket to the flexvti family
 * @nl: the socket to set up
 *
 * Resolving the family name makes the kernel load flexvti.ko when it is
 * not loaded yet.
 *
 * Return: 0, -ENOMEM, or -ENOENT when the family does not exist.
 */
int kern_nl_open(struct kern_nl *nl)
{
	int err = kern_nl_socket(nl, NETLINK_GENERIC);

	if (err)
		return err;
	nl->family = genl_ctrl_resolve(nl->sk, FLEXVTI_FAMILY_NAME);
	if (nl->family < 0) {
		kern_nl_close(nl);
		return -ENOENT;
	}
	return 0;
}

/**
 * kern_nl_close - close a socket opened by kern_nl_open()
 * @nl: the socket
 */
void kern_nl_close(struct kern_nl *nl)
{
	nl_socket_free(nl->sk);
	nl->sk = NULL;
}

/**
 * kern_nl_msg_new - start a request to the flexvti family
 * @nl: the socket
 * @cmd: enum flexvti_cmd
 * @flags: extra netlink flags, NLM_F_DUMP for a dump
 *
 * Return: the message, or NULL when out of memory.
 */
struct nl_msg *kern_nl_msg_new(struct kern_nl *nl, uint8_t cmd, int flags)
{
	struct nl_msg *msg = nlmsg_alloc();

	if (msg && !genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, nl->family, 0,
				flags, cmd, FLEXVTI_FAMILY_VERSION)) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return msg;
}

/**
 * kern_nl_msg_free - wipe and free a request
 * @msg: the message, or NULL
 *
 * For requests that may carry key material (sa-new): the message is
 * zeroed before its memory goes back to the allocator.
 */
void kern_nl_msg_free(struct nl_msg *msg)
{
	struct nlmsghdr *nlh;

	if (!msg)
		return;
	nlh = nlmsg_hdr(msg);
	explicit_bzero(nlh, nlh->nlmsg_len);
	nlmsg_free(msg);
}

struct kern_nl_req {
	struct kern_nl *nl;
	kern_nl_reply_fn fn;
	void *arg;
	int err;
	int done;
};

/* Keep the extended ACK's text, or the type of a missing attribute. */
static void kern_nl_extack(struct kern_nl *nl, struct nlmsghdr *nlh,
			   struct nlmsgerr *e)
{
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	unsigned char *tlv = (unsigned char *)(e + 1);
	int len = (unsigned char *)nlh + nlh->nlmsg_len - tlv;

	nl->extack[0] = '\0';
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) || len <= 0)
		return;
	if (nla_parse(tb, NLMSGERR_ATTR_MAX, (struct nlattr *)tlv, len, NULL))
		return;
	if (tb[NLMSGERR_ATTR_MSG])
		snprintf(nl->extack, sizeof(nl->extack), "%s",
			 nla_get_string(tb[NLMSGERR_ATTR_MSG]));
	else if (tb[NLMSGERR_ATTR_MISS_TYPE])
		snprintf(nl->extack, sizeof(nl->extack),
			 "missing attribute type %u",
			 nla_get_u32(tb[NLMSGERR_ATTR_MISS_TYPE]));
}

static int kern_nl_err_cb(struct sockaddr_nl *who, struct nlmsgerr *e,
			  void *arg)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)((char *)e - NLMSG_HDRLEN);
	struct kern_nl_req *req = arg;

	(void)who;
	req->err = e->error;
	req->done = 1;
	kern_nl_extack(req->nl, nlh, e);
	return NL_STOP;
}

static int kern_nl_done_cb(struct nl_msg *msg, void *arg)
{
	struct kern_nl_req *req = arg;

	(void)msg;
	req->done = 1;
	return NL_STOP;
}

static int kern_nl_valid_cb(struct nl_msg *msg, void *arg)
{
	struct kern_nl_req *req = arg;
	int err;

	if (!req->fn)
		return NL_OK;
	err = req->fn(msg, req->arg);
	if (err < 0 && !req->err)
		req->err = err;
	return NL_OK;
}

/**
 * kern_nl_transact - send a request and take its replies
 * @nl: the socket
 * @msg: the request from kern_nl_msg_new(); always wiped and freed
 * @fn: called for each reply message (a dump's parts too), or NULL;
 *	a negative return value becomes the result
 * @arg: passed to @fn
 *
 * Return: 0, the kernel's negative errno (its reason in nl->extack), or
 * -EIO when the socket failed.
 */
int kern_nl_transact(struct kern_nl *nl, struct nl_msg *msg,
		     kern_nl_reply_fn fn, void *arg)
{
	struct kern_nl_req req = { .nl = nl, .fn = fn, .arg = arg };
	struct nl_cb *cb;
	int ret;

	nl->extack[0] = '\0';
	cb = nl_cb_clone(nl_socket_get_cb(nl->sk));
	if (!cb) {
		kern_nl_msg_free(msg);
		return -ENOMEM;
	}
	nl_cb_err(cb, NL_CB_CUSTOM, kern_nl_err_cb, &req);
	nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, kern_nl_done_cb, &req);
	nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, kern_nl_done_cb, &req);
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, kern_nl_valid_cb, &req);

	ret = nl_send_auto(nl->sk, msg);
	kern_nl_msg_free(msg);
	while (ret >= 0 && !req.done)
		ret = nl_recvmsgs(nl->sk, cb);
	nl_cb_put(cb);
	if (!req.done)
		return -EIO;
	return req.err;
}

static void kern_nl_dev_parse_addrs(struct nlattr **tb, struct kern_dev *d)
{
	if (tb[FLEXVTI_A_REMOTE_IPV4]) {
		d->family = AF_INET;
		nla_memcpy(&d->local.v4, tb[FLEXVTI_A_LOCAL_IPV4], 4);
		nla_memcpy(&d->remote.v4, tb[FLEXVTI_A_REMOTE_IPV4], 4);
		d->has |= KERN_DEV_HAS_LOCAL | KERN_DEV_HAS_REMOTE;
	} else if (tb[FLEXVTI_A_REMOTE_IPV6]) {
		d->family = AF_INET6;
		nla_memcpy(&d->local.v6, tb[FLEXVTI_A_LOCAL_IPV6], 16);
		nla_memcpy(&d->remote.v6, tb[FLEXVTI_A_REMOTE_IPV6], 16);
		d->has |= KERN_DEV_HAS_LOCAL | KERN_DEV_HAS_REMOTE;
	}
}

/* the NHRP redirect timeout and the MPLS label stack */
static int kern_nl_dev_parse_nhrp_mpls(struct nlattr **tb, struct kern_dev *d)
{
	struct nlattr *a = tb[FLEXVTI_A_MPLS_LABELS];
	int len;

	if (tb[FLEXVTI_A_NHRP_REDIRECT]) {
		d->nhrp_redirect = nla_get_u32(tb[FLEXVTI_A_NHRP_REDIRECT]);
		d->has |= KERN_DEV_HAS_NHRP_REDIRECT;
	}
	if (!a)
		return 0;
	len = nla_len(a);
	if (len % (int)sizeof(uint32_t) ||
	    len > (int)sizeof(d->mpls_labels))
		return -EINVAL;
	memcpy(d->mpls_labels, nla_data(a), len);
	d->mpls_nlabels = len / sizeof(uint32_t);
	d->has |= KERN_DEV_HAS_MPLS_LABELS;
	return 0;
}

static int kern_nl_dev_parse_stats(struct nlattr *a, struct kern_dev *d)
{
	if (!a)
		return 0;
	if (kern_stats_parse(nla_data(a), (size_t)nla_len(a), &d->stats))
		return -EINVAL;
	d->has |= KERN_DEV_HAS_STATS;
	return 0;
}

/* the attributes of a dev-get reply or notification, in @tb */
static int kern_nl_dev_parse_tb(struct nl_msg *msg, struct nlattr **tb,
				struct kern_dev *d)
{
	memset(d, 0, sizeof(*d));
	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, FLEXVTI_A_MAX, NULL) ||
	    !tb[FLEXVTI_A_IFINDEX])
		return -EINVAL;
	d->ifindex = nla_get_u32(tb[FLEXVTI_A_IFINDEX]);
	if (tb[FLEXVTI_A_IFNAME])
		nla_strlcpy(d->name, tb[FLEXVTI_A_IFNAME], sizeof(d->name));
	if (tb[FLEXVTI_A_MODE]) {
		d->mode = nla_get_u32(tb[FLEXVTI_A_MODE]);
		d->has |= KERN_DEV_HAS_MODE;
	}
	if (tb[FLEXVTI_A_NHRP_NETWORK_ID]) {
		d->nhrp_network_id = nla_get_u32(tb[FLEXVTI_A_NHRP_NETWORK_ID]);
		d->has |= KERN_DEV_HAS_NHRP;
	}
	if (tb[FLEXVTI_A_TEMPLATE_ID]) {
		d->template_id = nla_get_u32(tb[FLEXVTI_A_TEMPLATE_ID]);
		d->has |= KERN_DEV_HAS_TEMPLATE;
	}
	kern_nl_dev_parse_addrs(tb, d);
	if (kern_nl_dev_parse_nhrp_mpls(tb, d))
		return -EINVAL;
	if (tb[FLEXVTI_A_UDP_LOCAL_PORT] && tb[FLEXVTI_A_UDP_REMOTE_PORT]) {
		d->local_port = ntohs(nla_get_u16(tb[FLEXVTI_A_UDP_LOCAL_PORT]));
		d->remote_port = ntohs(nla_get_u16(tb[FLEXVTI_A_UDP_REMOTE_PORT]));
		d->has |= KERN_DEV_HAS_LOCAL_PORT | KERN_DEV_HAS_REMOTE_PORT;
	}
	if (kern_acl_dev_parse(tb, d))
		return -EINVAL;
	return kern_nl_dev_parse_stats(tb[FLEXVTI_A_STATS], d);
}

/**
 * kern_nl_dev_parse - read a dev-get reply or dev-change notification
 * @msg: the message
 * @d: receives the settings, the attached access lists and policers, and
 *	the counters when the message has them.  A kernel that reports no
 *	label stack has none: KERN_DEV_HAS_MPLS_LABELS is then clear.
 *
 * Return: 0, or -EINVAL when the message lacks the interface index or its
 * counters, lists, policers or label stack are malformed.
 */
int kern_nl_dev_parse(struct nl_msg *msg, struct kern_dev *d)
{
	struct nlattr *tb[FLEXVTI_A_MAX + 1];

	return kern_nl_dev_parse_tb(msg, tb, d);
}

struct kern_nl_dev_cb {
	kern_dev_fn fn;
	void *arg;
};

static int kern_nl_dev_reply(struct nl_msg *msg, void *arg)
{
	struct kern_nl_dev_cb *c = arg;
	struct kern_dev d;
	int err;

	err = kern_nl_dev_parse(msg, &d);
	return err ? err : c->fn(&d, c->arg);
}

/**
 * kern_nl_dev_get - read the settings of one or all interfaces
 * @nl: the socket
 * @ifindex: the interface, or 0 for all flexvti interfaces of the
 *	socket's network namespace
 * @fn: called once per interface
 * @arg: passed to @fn
 *
 * Return: 0 or a negative errno, as kern_nl_transact().
 */
int kern_nl_dev_get(struct kern_nl *nl, uint32_t ifindex, kern_dev_fn fn,
		    void *arg)
{
	struct kern_nl_dev_cb c = { .fn = fn, .arg = arg };
	struct nl_msg *msg;

	msg = kern_nl_msg_new(nl, FLEXVTI_CMD_DEV_GET, ifindex ? 0 : NLM_F_DUMP);
	if (!msg)
		return -ENOMEM;
	if (ifindex && nla_put_u32(msg, FLEXVTI_A_IFINDEX, ifindex)) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	return kern_nl_transact(nl, msg, kern_nl_dev_reply, &c);
}

/**
 * kern_nl_put - kern_dev_put_fn for a libnl message
 * @ctx: the struct nl_msg
 * @type: attribute type
 * @data: payload
 * @len: payload length in bytes
 *
 * Return: 0, or -ENOMEM when the message is full.
 */
int kern_nl_put(void *ctx, int type, const void *data, int len)
{
	return nla_put(ctx, type, len, data) ? -ENOMEM : 0;
}

/**
 * kern_nl_dev_set - change the settings of an interface
 * @nl: the socket
 * @d: d->ifindex names the interface; the fields flagged in d->has are
 *	sent (the kernel refuses a template id)
 *
 * Return: 0 or a negative errno, as kern_nl_transact().
 */
int kern_nl_dev_set(struct kern_nl *nl, const struct kern_dev *d)
{
	struct nl_msg *msg;

	msg = kern_nl_msg_new(nl, FLEXVTI_CMD_DEV_SET, 0);
	if (!msg)
		return -ENOMEM;
	if (nla_put_u32(msg, FLEXVTI_A_IFINDEX, d->ifindex) ||
	    kern_dev_put(d, &kern_dev_genl_types, kern_nl_put, msg)) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	return kern_nl_transact(nl, msg, NULL, NULL);
}

struct kern_nl_sa_cb {
	kern_sa_fn fn;
	void *arg;
};

static int kern_nl_sa_reply(struct nl_msg *msg, void *arg)
{
	struct kern_nl_sa_cb *c = arg;
	struct kern_sa sa;
	int err;

	err = kern_sa_parse(msg, &sa);
	return err ? err : c->fn(&sa, c->arg);
}

/* sends @sa's settings (wiping its keys) and passes on the replies */
static int kern_nl_sa_request(struct kern_nl *nl, uint8_t cmd, int flags,
			      struct kern_sa *sa, kern_sa_fn fn, void *arg)
{
	struct kern_nl_sa_cb c = { .fn = fn, .arg = arg };
	struct nl_msg *msg;

	msg = kern_nl_msg_new(nl, cmd, flags);
	if (!msg) {
		kern_sa_wipe(sa);
		return -ENOMEM;
	}
	if (kern_sa_put(sa, msg)) {
		kern_nl_msg_free(msg);
		return -ENOMEM;
	}
	return kern_nl_transact(nl, msg, fn ? kern_nl_sa_reply : NULL, &c);
}

/**
 * kern_nl_sa_new - install an SA
 * @nl: the socket
 * @sa: sa->ifindex names the interface; the settings flagged in sa->has
 *	are sent.  Its keys are wiped, as is the request once sent.
 *
 * Return: 0 or a negative errno, as kern_nl_transact().
 */
int kern_nl_sa_new(struct kern_nl *nl, struct kern_sa *sa)
{
	return kern_nl_sa_request(nl, FLEXVTI_CMD_SA_NEW, 0, sa, NULL, NULL);
}

/**
 * kern_nl_sa_del - remove an SA
 * @nl: the socket
 * @ifindex: its interface
 * @dir: its direction, enum flexvti_sa_dir
 * @spi: its SPI
 *
 * Return: 0 or a negative errno, as kern_nl_transact(); -ENOENT when
 * there is no such SA.
 */
int kern_nl_sa_del(struct kern_nl *nl, uint32_t ifindex, uint32_t dir,
		   uint32_t spi)
{
	struct kern_sa sa = {
		.ifindex = ifindex, .dir = dir, .spi = spi,
		.has = KERN_SA_HAS_DIR | KERN_SA_HAS_SPI,
	};

	return kern_nl_sa_request(nl, FLEXVTI_CMD_SA_DEL, 0, &sa, NULL, NULL);
}

/**
 * kern_nl_sa_swap - make an outbound SA the one the interface sends with
 * @nl: the socket
 * @ifindex: the interface
 * @spi: the SPI of the outbound SA
 *
 * Return: 0 or a negative errno, as kern_nl_transact().
 */
int kern_nl_sa_swap(struct kern_nl *nl, uint32_t ifindex, uint32_t spi)
{
	struct kern_sa sa = {
		.ifindex = ifindex, .spi = spi, .has = KERN_SA_HAS_SPI,
	};

	return kern_nl_sa_request(nl, FLEXVTI_CMD_SA_SWAP, 0, &sa, NULL, NULL);
}

/**
 * kern_nl_sa_get - read one SA
 * @nl: the socket
 * @ifindex: its interface
 * @dir: its direction, or 0 for either
 * @spi: its SPI
 * @fn: called with the SA
 * @arg: passed to @fn
 *
 * Return: 0 or a negative errno, as kern_nl_transact().
 */
int kern_nl_sa_get(struct kern_nl *nl, uint32_t ifindex, uint32_t dir,
		   uint32_t spi, kern_sa_fn fn, void *arg)
{
	struct kern_sa sa = {
		.ifindex = ifindex, .dir = dir, .spi = spi,
		.has = KERN_SA_HAS_SPI | (dir ? KERN_SA_HAS_DIR : 0),
	};

	return kern_nl_sa_request(nl, FLEXVTI_CMD_SA_GET, 0, &sa, fn, arg);
}

/**
 * kern_nl_sa_dump - read the SAs of one or all interfaces
 * @nl: the socket
 * @ifindex: the interface, or 0 for every flexvti interface of the
 *	socket's network namespace
 * @fn: called once per SA
 * @arg: passed to @fn
 *
 * Return: 0 or a negative errno, as kern_nl_transact().
 */
int kern_nl_sa_dump(struct kern_nl *nl, uint32_t ifindex, kern_sa_fn fn,
		    void *arg)
{
	struct kern_sa sa = { .ifindex = ifindex };

	return kern_nl_sa_request(nl, FLEXVTI_CMD_SA_GET, NLM_F_DUMP, &sa, fn,
				  arg);
}

/* an nhrp-redirect-ntf: every attribute is required */
static int kern_nl_nhrp_parse(struct nl_msg *msg, struct kern_nhrp_redirect *r)
{
	struct nlattr *tb[FLEXVTI_A_MAX + 1];
	struct nlattr *src, *dst, *pkt;

	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, FLEXVTI_A_MAX, NULL))
		return -EINVAL;
	src = tb[FLEXVTI_A_INNER_SRC];
	dst = tb[FLEXVTI_A_INNER_DST];
	pkt = tb[FLEXVTI_A_NHRP_PACKET];
	if (!tb[FLEXVTI_A_IFINDEX] || !tb[FLEXVTI_A_NHRP_NETWORK_ID] ||
	    !tb[FLEXVTI_A_NHRP_EGRESS_IFINDEX] || !src || !dst || !pkt ||
	    nla_len(src) != nla_len(dst))
		return -EINVAL;
	r->ifindex = nla_get_u32(tb[FLEXVTI_A_IFINDEX]);
	if (tb[FLEXVTI_A_IFNAME])
		nla_strlcpy(r->ifname, tb[FLEXVTI_A_IFNAME], sizeof(r->ifname));
	r->network_id = nla_get_u32(tb[FLEXVTI_A_NHRP_NETWORK_ID]);
	r->egress_ifindex = nla_get_u32(tb[FLEXVTI_A_NHRP_EGRESS_IFINDEX]);
	return kern_event_nhrp_set(r, nla_data(src), nla_data(dst),
				   (size_t)nla_len(src), nla_data(pkt),
				   (size_t)nla_len(pkt));
}

/**
 * kern_nl_event_parse - read a notification of the "events" group
 * @msg: the message
 * @e: receives the notification
 *
 * Return: 0, -EOPNOTSUPP for a command this program does not know, or
 * -EINVAL when the message is malformed.
 */
int kern_nl_event_parse(struct nl_msg *msg, struct kern_event *e)
{
	struct nlattr *tb[FLEXVTI_A_MAX + 1];
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	int err;

	memset(e, 0, sizeof(*e));
	if (!genlmsg_valid_hdr(nlh, 0))
		return -EINVAL;
	e->cmd = genlmsg_hdr(nlh)->cmd;
	switch (e->cmd) {
	case FLEXVTI_CMD_DEV_CHANGE_NTF:
		return kern_nl_dev_parse(msg, &e->dev);
	case FLEXVTI_CMD_DEV_DEL_NTF:
		err = kern_nl_dev_parse_tb(msg, tb, &e->dev);
		if (!err && tb[FLEXVTI_A_DEL_REASON])
			e->del_reason = nla_get_u32(tb[FLEXVTI_A_DEL_REASON]);
		return err;
	case FLEXVTI_CMD_SA_EVENT_NTF:
		return kern_sa_parse(msg, &e->sa);
	case FLEXVTI_CMD_NHRP_REDIRECT_NTF:
		return kern_nl_nhrp_parse(msg, &e->nhrp);
	default:
		return -EOPNOTSUPP;
	}
}

/**
 * kern_nl_monitor_open - open a socket that receives the notifications
 * @nl: the socket to set up
 *
 * Return: 0, -ENOMEM, -ENOENT when the family or its "events" group does
 * not exist, -EPERM when joining the group is not allowed, or -EIO.
 */
int kern_nl_monitor_open(struct kern_nl *nl)
{
	int err = kern_nl_open(nl), grp;

	if (err)
		return err;
	grp = genl_ctrl_resolve_grp(nl->sk, FLEXVTI_FAMILY_NAME,
				    FLEXVTI_MCGRP_EVENTS);
	if (grp < 0) {
		err = -ENOENT;
	} else {
		err = nl_socket_add_membership(nl->sk, grp);
		if (err)
			err = err == -NLE_PERM ? -EPERM : -EIO;
	}
	if (err) {
		kern_nl_close(nl);
		return err;
	}
	nl_socket_disable_seq_check(nl->sk);
	return 0;
}

struct kern_nl_event_cb {
	kern_event_fn fn;
	void *arg;
	int err;
};

static int kern_nl_event_valid(struct nl_msg *msg, void *arg)
{
	struct kern_nl_event_cb *c = arg;
	struct kern_event e;
	int err;

	if (kern_nl_event_parse(msg, &e))
		return NL_SKIP;
	err = c->fn(&e, c->arg);
	if (err < 0 && !c->err)
		c->err = err;
	return NL_OK;
}

/**
 * kern_nl_monitor_recv - receive notifications, waiting for some
 * @nl: socket from kern_nl_monitor_open()
 * @fn: called for each notification of a known kind; a negative return
 *	value becomes the result
 * @arg: passed to @fn
 *
 * Return: 0, a negative return value of @fn, -ENOBUFS when notifications
 * were lost because the socket's buffer was full, or -EIO.
 */
int kern_nl_monitor_recv(struct kern_nl *nl, kern_event_fn fn, void *arg)
{
	struct kern_nl_event_cb c = { .fn = fn, .arg = arg };
	struct nl_cb *cb;
	int ret;

	cb = nl_cb_clone(nl_socket_get_cb(nl->sk));
	if (!cb)
		return -ENOMEM;
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, kern_nl_event_valid, &c);
	ret = nl_recvmsgs(nl->sk, cb);
	nl_cb_put(cb);
	if (ret == -NLE_NOMEM)
		return -ENOBUFS;
	if (ret < 0)
		return -EIO;
	return c.err;
}
