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
#include <netlink/genl/ctrl.h>

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
 * @msg: the request from kern_nl_msg_new(); always freed
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
		nlmsg_free(msg);
		return -ENOMEM;
	}
	nl_cb_err(cb, NL_CB_CUSTOM, kern_nl_err_cb, &req);
	nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, kern_nl_done_cb, &req);
	nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, kern_nl_done_cb, &req);
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, kern_nl_valid_cb, &req);

	ret = nl_send_auto(nl->sk, msg);
	nlmsg_free(msg);
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

/**
 * kern_nl_dev_parse - read a dev-get reply or dev-change notification
 * @msg: the message
 * @d: receives the settings
 *
 * Return: 0, or -EINVAL when the message lacks the interface index.
 */
int kern_nl_dev_parse(struct nl_msg *msg, struct kern_dev *d)
{
	struct nlattr *tb[FLEXVTI_A_MAX + 1];

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
	return 0;
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
