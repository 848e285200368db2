// SPDX-License-Identifier: GPL-2.0-only
/*
 * The flexvti generic netlink API and the "flexvti" link kind: each
 * request either does what it says or is refused with the expected errno
 * and extack message, and then changes nothing.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <netinet/in.h>
#include <netinet/udp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/flexvti.h>
#include <netlink/genl/ctrl.h>

#include "kselftest_harness.h"
#include "lib/kern_nl.h"

static int get_one(const struct kern_dev *d, void *arg)
{
	*(struct kern_dev *)arg = *d;
	return 0;
}

static int count_one(const struct kern_dev *d, void *arg)
{
	(void)d;
	(*(int *)arg)++;
	return 0;
}

FIXTURE(va) {
	struct kern_nl nl;	/* genl flexvti */
	struct kern_nl rt;	/* rtnetlink */
	char name[IFNAMSIZ];
	uint32_t ifindex;
};

FIXTURE_SETUP(va)
{
	struct kern_dev d = { 0 };

	ASSERT_EQ(0, kern_link_open(&self->rt));
	snprintf(self->name, sizeof(self->name), "nlt%d", getpid());
	ASSERT_EQ(0, kern_link_add(&self->rt, self->name, &d))
		TH_LOG("ip link add: %s", self->rt.extack);
	self->ifindex = if_nametoindex(self->name);
	ASSERT_NE(0, self->ifindex);
	ASSERT_EQ(0, kern_nl_open(&self->nl));
}

FIXTURE_TEARDOWN(va)
{
	if (self->ifindex && if_nametoindex(self->name))
		kern_link_del(&self->rt, self->ifindex);
	kern_nl_close(&self->rt);
	if (self->nl.sk)
		kern_nl_close(&self->nl);
}

static struct kern_dev get(struct __test_metadata *_metadata,
			   struct kern_nl *nl, uint32_t ifindex)
{
	struct kern_dev d = { 0 };

	EXPECT_EQ(0, kern_nl_dev_get(nl, ifindex, get_one, &d))
		TH_LOG("dev-get: %s", nl->extack);
	return d;
}

/* a dev-set for the fixture's interface, to add raw attributes to */
static struct nl_msg *dev_set_msg(FIXTURE_DATA(va) *self)
{
	struct nl_msg *msg = kern_nl_msg_new(&self->nl, FLEXVTI_CMD_DEV_SET, 0);

	if (msg)
		nla_put_u32(msg, FLEXVTI_A_IFINDEX, self->ifindex);
	return msg;
}

#define EXPECT_REFUSED(nl, msg, err, text) do {				\
	EXPECT_EQ(err, kern_nl_transact(nl, msg, NULL, NULL));		\
	EXPECT_STREQ(text, (nl)->extack);				\
} while (0)

TEST_F(va, get_reports_defaults)
{
	struct kern_dev d = get(_metadata, &self->nl, self->ifindex);

	EXPECT_EQ(self->ifindex, d.ifindex);
	EXPECT_STREQ(self->name, d.name);
	EXPECT_EQ(FLEXVTI_MODE_IPSEC, d.mode);
	EXPECT_EQ(0, d.template_id);
	EXPECT_EQ(0, d.nhrp_network_id);
	EXPECT_EQ(0, d.has & KERN_DEV_HAS_REMOTE);
}

TEST_F(va, set_then_get)
{
	struct kern_dev d = { .ifindex = self->ifindex }, r;

	d.has = KERN_DEV_HAS_MODE | KERN_DEV_HAS_NHRP | KERN_DEV_HAS_LOCAL |
		KERN_DEV_HAS_REMOTE;
	d.mode = FLEXVTI_MODE_GRE;
	d.nhrp_network_id = 4294967295u;
	d.family = AF_INET;
	inet_pton(AF_INET, "192.0.2.1", &d.local.v4);
	inet_pton(AF_INET, "198.51.100.7", &d.remote.v4);
	ASSERT_EQ(0, kern_nl_dev_set(&self->nl, &d))
		TH_LOG("dev-set: %s", self->nl.extack);

	r = get(_metadata, &self->nl, self->ifindex);
	EXPECT_EQ(FLEXVTI_MODE_GRE, r.mode);
	EXPECT_EQ(4294967295u, r.nhrp_network_id);
	EXPECT_EQ(AF_INET, r.family);
	EXPECT_EQ(d.local.v4.s_addr, r.local.v4.s_addr);
	EXPECT_EQ(d.remote.v4.s_addr, r.remote.v4.s_addr);

	/* IPv6 endpoints replace the IPv4 pair; local defaults to :: */
	memset(&d.local, 0, sizeof(d.local));
	d.has = KERN_DEV_HAS_REMOTE;
	d.family = AF_INET6;
	inet_pton(AF_INET6, "2001:db8::7", &d.remote.v6);
	ASSERT_EQ(0, kern_nl_dev_set(&self->nl, &d));
	r = get(_metadata, &self->nl, self->ifindex);
	EXPECT_EQ(AF_INET6, r.family);
	EXPECT_EQ(0, memcmp(&d.remote.v6, &r.remote.v6, 16));
	EXPECT_EQ(0, memcmp(&in6addr_any, &r.local.v6, 16));
	EXPECT_EQ(FLEXVTI_MODE_GRE, r.mode);
}

TEST_F(va, wrong_type_is_refused)
{
	struct nl_msg *msg = dev_set_msg(self);

	nla_put_u8(msg, FLEXVTI_A_MODE, FLEXVTI_MODE_GRE);
	EXPECT_REFUSED(&self->nl, msg, -EINVAL, "invalid attribute length");

	msg = dev_set_msg(self);
	nla_put(msg, FLEXVTI_A_REMOTE_IPV4, 5, "\xc0\x00\x02\x01\x00");
	EXPECT_REFUSED(&self->nl, msg, -ERANGE,
		       "binary attribute size out of range");
}

TEST_F(va, out_of_range_is_refused)
{
	struct nl_msg *msg = dev_set_msg(self);

	nla_put_u32(msg, FLEXVTI_A_MODE, FLEXVTI_MODE_MAX + 1);
	EXPECT_REFUSED(&self->nl, msg, -ERANGE, "integer out of range");

	msg = kern_nl_msg_new(&self->nl, FLEXVTI_CMD_DEV_GET, 0);
	nla_put_u32(msg, FLEXVTI_A_IFINDEX, 0);
	EXPECT_REFUSED(&self->nl, msg, -ERANGE, "integer out of range");
}

TEST_F(va, missing_ifindex_is_refused)
{
	struct nl_msg *msg = kern_nl_msg_new(&self->nl, FLEXVTI_CMD_DEV_SET, 0);

	nla_put_u32(msg, FLEXVTI_A_MODE, FLEXVTI_MODE_GRE);
	EXPECT_REFUSED(&self->nl, msg, -EINVAL,
		       "flexvti: missing interface index");

	msg = kern_nl_msg_new(&self->nl, FLEXVTI_CMD_DEV_GET, 0);
	EXPECT_REFUSED(&self->nl, msg, -EINVAL,
		       "flexvti: missing interface index");
}

TEST_F(va, unknown_and_read_only_attributes_are_refused)
{
	struct nl_msg *msg = dev_set_msg(self);

	nla_put_u32(msg, FLEXVTI_A_TEMPLATE_ID, 3);
	EXPECT_REFUSED(&self->nl, msg, -EINVAL,
		       "template id is fixed at creation");

	msg = dev_set_msg(self);
	nla_put_string(msg, FLEXVTI_A_IFNAME, "other");
	EXPECT_REFUSED(&self->nl, msg, -EINVAL,
		       "the interface name cannot be set here");

	msg = dev_set_msg(self);
	nla_put_u32(msg, FLEXVTI_A_MAX + 1, 1);
	EXPECT_REFUSED(&self->nl, msg, -EINVAL, "Unknown attribute type");
}

TEST_F(va, device_of_another_kind_is_refused)
{
	struct nl_msg *msg = kern_nl_msg_new(&self->nl, FLEXVTI_CMD_DEV_GET, 0);

	nla_put_u32(msg, FLEXVTI_A_IFINDEX, if_nametoindex("lo"));
	EXPECT_REFUSED(&self->nl, msg, -EOPNOTSUPP,
		       "flexvti: interface is not a flexvti virtual-access interface");

	msg = kern_nl_msg_new(&self->nl, FLEXVTI_CMD_DEV_SET, 0);
	nla_put_u32(msg, FLEXVTI_A_IFINDEX, if_nametoindex("lo"));
	nla_put_u32(msg, FLEXVTI_A_NHRP_NETWORK_ID, 1);
	EXPECT_REFUSED(&self->nl, msg, -EOPNOTSUPP,
		       "flexvti: interface is not a flexvti virtual-access interface");

	msg = kern_nl_msg_new(&self->nl, FLEXVTI_CMD_DEV_GET, 0);
	nla_put_u32(msg, FLEXVTI_A_IFINDEX, 0x7ffffff0);
	EXPECT_REFUSED(&self->nl, msg, -ENODEV,
		       "flexvti: no interface with this index");
}

TEST_F(va, bad_endpoints_are_refused)
{
	struct in6_addr v6;
	struct nl_msg *msg;

	inet_pton(AF_INET6, "2001:db8::1", &v6);
	msg = dev_set_msg(self);
	nla_put_u32(msg, FLEXVTI_A_REMOTE_IPV4, htonl(0xc0000201));
	nla_put(msg, FLEXVTI_A_LOCAL_IPV6, 16, &v6);
	EXPECT_REFUSED(&self->nl, msg, -EINVAL,
		       "flexvti: IPv4 and IPv6 endpoints in one request");

	msg = dev_set_msg(self);
	nla_put_u32(msg, FLEXVTI_A_LOCAL_IPV4, htonl(0xc0000201));
	EXPECT_REFUSED(&self->nl, msg, -EINVAL,
		       "flexvti: local endpoint given without a remote endpoint");

	msg = dev_set_msg(self);
	nla_put_u32(msg, FLEXVTI_A_REMOTE_IPV4, htonl(0xe0000001));
	EXPECT_REFUSED(&self->nl, msg, -EINVAL,
		       "flexvti: remote endpoint must be a unicast address");

	msg = dev_set_msg(self);
	nla_put(msg, FLEXVTI_A_REMOTE_IPV6, 16, &in6addr_any);
	EXPECT_REFUSED(&self->nl, msg, -EINVAL,
		       "flexvti: remote endpoint must be a unicast address");
}

TEST_F(va, refused_request_changes_nothing)
{
	struct nl_msg *msg = dev_set_msg(self);
	struct kern_dev d;

	nla_put_u32(msg, FLEXVTI_A_MODE, FLEXVTI_MODE_GRE);
	nla_put_u32(msg, FLEXVTI_A_NHRP_NETWORK_ID, 5);
	nla_put_u32(msg, FLEXVTI_A_REMOTE_IPV4, htonl(0xffffffff));
	EXPECT_REFUSED(&self->nl, msg, -EINVAL,
		       "flexvti: remote endpoint must be a unicast address");

	d = get(_metadata, &self->nl, self->ifindex);
	EXPECT_EQ(FLEXVTI_MODE_IPSEC, d.mode);
	EXPECT_EQ(0, d.nhrp_network_id);
	EXPECT_EQ(0, d.has & KERN_DEV_HAS_REMOTE);
}

TEST_F(va, mode_is_fixed_while_up)
{
	struct kern_dev d = { .ifindex = self->ifindex };
	char cmd[64];

	snprintf(cmd, sizeof(cmd), "ip link set %s up", self->name);
	ASSERT_EQ(0, system(cmd));
	d.has = KERN_DEV_HAS_MODE;
	d.mode = FLEXVTI_MODE_GRE;
	EXPECT_EQ(-EBUSY, kern_nl_dev_set(&self->nl, &d));
	EXPECT_STREQ("flexvti: cannot change the mode of an interface that is up",
		     self->nl.extack);
	EXPECT_EQ(FLEXVTI_MODE_IPSEC,
		  get(_metadata, &self->nl, self->ifindex).mode);

	/* the same mode again is no change */
	d.mode = FLEXVTI_MODE_IPSEC;
	EXPECT_EQ(0, kern_nl_dev_set(&self->nl, &d));
}

TEST_F(va, dump_lists_only_flexvti_interfaces)
{
	int count = 0;

	EXPECT_EQ(0, kern_nl_dev_get(&self->nl, 0, count_one, &count));
	EXPECT_EQ(1, count);
}

/* the next notification on a socket subscribed to "events" */
struct event {
	int cmd;
	struct kern_dev d;
	uint32_t reason;
};

static int event_cb(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *g = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[FLEXVTI_A_MAX + 1];
	struct event *ev = arg;

	ev->cmd = g->cmd;
	kern_nl_dev_parse(msg, &ev->d);
	genlmsg_parse(nlmsg_hdr(msg), 0, tb, FLEXVTI_A_MAX, NULL);
	if (tb[FLEXVTI_A_DEL_REASON])
		ev->reason = nla_get_u32(tb[FLEXVTI_A_DEL_REASON]);
	return NL_STOP;
}

/* a socket subscribed to "events", reads time out after 5 s */
static int events_open(struct kern_nl *ev_nl)
{
	struct timeval tv = { .tv_sec = 5 };
	int grp;

	if (kern_nl_open(ev_nl))
		return -1;
	grp = genl_ctrl_resolve_grp(ev_nl->sk, FLEXVTI_FAMILY_NAME,
				    FLEXVTI_MCGRP_EVENTS);
	if (grp < 0 || nl_socket_add_membership(ev_nl->sk, grp)) {
		kern_nl_close(ev_nl);
		return -1;
	}
	nl_socket_disable_seq_check(ev_nl->sk);
	return setsockopt(nl_socket_get_fd(ev_nl->sk), SOL_SOCKET,
			  SO_RCVTIMEO, &tv, sizeof(tv));
}

static int next_event(struct kern_nl *ev_nl, struct event *ev)
{
	memset(ev, 0, sizeof(*ev));
	nl_socket_modify_cb(ev_nl->sk, NL_CB_VALID, NL_CB_CUSTOM, event_cb, ev);
	return nl_recvmsgs_default(ev_nl->sk);
}

TEST_F(va, notifications)
{
	struct kern_dev d = { .ifindex = self->ifindex };
	struct kern_nl ev_nl;
	struct event ev;

	ASSERT_EQ(0, events_open(&ev_nl));

	d.has = KERN_DEV_HAS_NHRP;
	d.nhrp_network_id = 42;
	ASSERT_EQ(0, kern_nl_dev_set(&self->nl, &d));
	ASSERT_EQ(0, next_event(&ev_nl, &ev));
	EXPECT_EQ(FLEXVTI_CMD_DEV_CHANGE_NTF, ev.cmd);
	EXPECT_EQ(self->ifindex, ev.d.ifindex);
	EXPECT_EQ(42, ev.d.nhrp_network_id);

	ASSERT_EQ(0, kern_link_del(&self->rt, self->ifindex));
	ASSERT_EQ(0, next_event(&ev_nl, &ev));
	EXPECT_EQ(FLEXVTI_CMD_DEV_DEL_NTF, ev.cmd);
	EXPECT_EQ(self->ifindex, ev.d.ifindex);
	EXPECT_STREQ(self->name, ev.d.name);
	EXPECT_EQ(FLEXVTI_DEL_REASON_USERSPACE, ev.reason);
	kern_nl_close(&ev_nl);
}

/* run fn in a child in new namespaces; the child's result is its status */
static int in_child(int flags, int (*fn)(uint32_t), uint32_t arg)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		if (unshare(flags))
			_exit(100);
		_exit(fn(arg));
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* 0: dev-get, its dump and acl-get refused with EPERM */
static int unprivileged_get(uint32_t ifindex)
{
	struct nl_msg *msg;
	struct kern_nl nl;
	int count = 0;

	if (kern_nl_open(&nl))
		return 10;
	if (kern_nl_dev_get(&nl, ifindex, count_one, &count) != -EPERM)
		return 11;
	if (kern_nl_dev_get(&nl, 0, count_one, &count) != -EPERM)
		return 12;
	msg = kern_nl_msg_new(&nl, FLEXVTI_CMD_ACL_GET, 0);
	nla_put_u32(msg, FLEXVTI_A_IFINDEX, ifindex);
	if (kern_nl_transact(&nl, msg, NULL, NULL) != -EPERM)
		return 14;
	return count ? 13 : 0;
}

TEST_F(va, unprivileged_user_is_refused)
{
	/* a user namespace gives no CAP_NET_ADMIN over the initial netns */
	EXPECT_EQ(0, in_child(CLONE_NEWUSER, unprivileged_get, self->ifindex));
}

/* 0: a netns owner manages its own VAs and sees no other */
static int netns_owner(uint32_t unused)
{
	struct kern_dev d = { 0 };
	struct kern_nl nl, rt;
	int count = 0;

	(void)unused;
	if (kern_link_open(&rt) || kern_link_add(&rt, "va-own", &d))
		return 20;
	if (kern_nl_open(&nl))
		return 21;
	if (kern_nl_dev_get(&nl, 0, count_one, &count) || count != 1)
		return 22;
	d.ifindex = if_nametoindex("va-own");
	d.has = KERN_DEV_HAS_NHRP;
	d.nhrp_network_id = 7;
	if (kern_nl_dev_set(&nl, &d))
		return 23;
	return kern_link_del(&rt, d.ifindex) ? 24 : 0;
}

TEST_F(va, netns_owner_manages_its_own)
{
	EXPECT_EQ(0, in_child(CLONE_NEWUSER | CLONE_NEWNET, netns_owner, 0));
}

/* a UDP socket of @family bound to loopback, port chosen by the kernel */
static int udp_bound(int family, uint16_t *port)
{
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6,
				   .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	struct sockaddr_in a4 = { .sin_family = AF_INET,
				  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct sockaddr *a = family == AF_INET ? (void *)&a4 : (void *)&a6;
	socklen_t len = family == AF_INET ? sizeof(a4) : sizeof(a6);
	int fd = socket(family, SOCK_DGRAM, 0);

	if (fd < 0 || bind(fd, a, len) || getsockname(fd, a, &len))
		return -1;
	*port = ntohs(family == AF_INET ? a4.sin_port : a6.sin6_port);
	return fd;
}

static int set_udp(struct kern_nl *nl, uint32_t ifindex, int fd)
{
	struct kern_dev d = { .ifindex = ifindex,
			      .has = KERN_DEV_HAS_UDP_SOCKET, .udp_fd = fd };

	return kern_nl_dev_set(nl, &d);
}

TEST_F(va, udp_socket_is_attached_and_detached)
{
	struct kern_dev d = { .ifindex = self->ifindex }, r;
	uint16_t port;
	int fd;

	d.has = KERN_DEV_HAS_REMOTE;
	d.family = AF_INET;
	inet_pton(AF_INET, "192.0.2.1", &d.remote.v4);
	ASSERT_EQ(0, kern_nl_dev_set(&self->nl, &d));
	fd = udp_bound(AF_INET, &port);
	ASSERT_LE(0, fd);

	ASSERT_EQ(0, set_udp(&self->nl, self->ifindex, fd))
		TH_LOG("dev-set: %s", self->nl.extack);
	r = get(_metadata, &self->nl, self->ifindex);
	EXPECT_TRUE(r.has & KERN_DEV_HAS_LOCAL_PORT);
	EXPECT_EQ(port, r.local_port);
	EXPECT_EQ(4500, r.remote_port);

	d.has = KERN_DEV_HAS_REMOTE_PORT;
	d.remote_port = 31000;
	ASSERT_EQ(0, kern_nl_dev_set(&self->nl, &d));
	r = get(_metadata, &self->nl, self->ifindex);
	EXPECT_EQ(31000, r.remote_port);

	/* back to raw ESP; the socket is plain UDP again and can return */
	ASSERT_EQ(0, set_udp(&self->nl, self->ifindex, -1));
	r = get(_metadata, &self->nl, self->ifindex);
	EXPECT_EQ(0, r.has & KERN_DEV_HAS_LOCAL_PORT);
	EXPECT_EQ(0, set_udp(&self->nl, self->ifindex, fd));
	close(fd);
}

TEST_F(va, bad_udp_sockets_are_refused)
{
	struct kern_dev d = { .ifindex = self->ifindex }, r;
	int encap = 2;	/* UDP_ENCAP_ESPINUDP */
	struct nl_msg *msg;
	int fd, fds[2];
	uint16_t port;

	d.has = KERN_DEV_HAS_REMOTE;
	d.family = AF_INET;
	inet_pton(AF_INET, "192.0.2.1", &d.remote.v4);
	ASSERT_EQ(0, kern_nl_dev_set(&self->nl, &d));

	ASSERT_EQ(0, pipe(fds));
	EXPECT_EQ(-ENOTSOCK, set_udp(&self->nl, self->ifindex, fds[0]));
	EXPECT_STREQ("flexvti: the UDP socket descriptor is not a socket",
		     self->nl.extack);
	close(fds[0]);
	close(fds[1]);

	fd = socket(AF_INET, SOCK_STREAM, 0);
	EXPECT_EQ(-EINVAL, set_udp(&self->nl, self->ifindex, fd));
	EXPECT_STREQ("flexvti: the socket is not a UDP socket",
		     self->nl.extack);
	close(fd);

	fd = socket(AF_INET, SOCK_DGRAM, 0);
	EXPECT_EQ(-EINVAL, set_udp(&self->nl, self->ifindex, fd));
	EXPECT_STREQ("flexvti: the UDP socket is not bound to a port",
		     self->nl.extack);
	close(fd);

	fd = udp_bound(AF_INET6, &port);
	EXPECT_EQ(-EINVAL, set_udp(&self->nl, self->ifindex, fd));
	EXPECT_STREQ("flexvti: the UDP socket and the tunnel endpoints are of different address families",
		     self->nl.extack);
	close(fd);

	/* the kernel's own IPsec has this one */
	fd = udp_bound(AF_INET, &port);
	ASSERT_EQ(0, setsockopt(fd, IPPROTO_UDP, UDP_ENCAP, &encap,
				sizeof(encap)));
	EXPECT_EQ(-EBUSY, set_udp(&self->nl, self->ifindex, fd));
	EXPECT_STREQ("flexvti: the UDP socket is already used by another encapsulation",
		     self->nl.extack);
	close(fd);

	msg = dev_set_msg(self);
	nla_put_u16(msg, FLEXVTI_A_UDP_REMOTE_PORT, 0);
	EXPECT_REFUSED(&self->nl, msg, -EINVAL, "flexvti: remote UDP port 0");

	msg = dev_set_msg(self);
	nla_put_u16(msg, FLEXVTI_A_UDP_LOCAL_PORT, htons(4500));
	EXPECT_REFUSED(&self->nl, msg, -EINVAL,
		       "the local UDP port is the socket's");

	r = get(_metadata, &self->nl, self->ifindex);
	EXPECT_EQ(0, r.has & KERN_DEV_HAS_LOCAL_PORT);
}

TEST_F(va, link_attributes)
{
	struct kern_dev d = { 0 }, r;
	uint32_t ifindex;
	char name[IFNAMSIZ];

	snprintf(name, sizeof(name), "nlu%d", getpid());
	d.has = KERN_DEV_HAS_TEMPLATE | KERN_DEV_HAS_MODE | KERN_DEV_HAS_NHRP;
	d.template_id = 3;
	d.mode = FLEXVTI_MODE_GRE;
	d.nhrp_network_id = 9;
	ASSERT_EQ(0, kern_link_add(&self->rt, name, &d))
		TH_LOG("%s", self->rt.extack);
	ifindex = if_nametoindex(name);
	r = get(_metadata, &self->nl, ifindex);
	EXPECT_EQ(3, r.template_id);
	EXPECT_EQ(FLEXVTI_MODE_GRE, r.mode);
	EXPECT_EQ(9, r.nhrp_network_id);

	d.has = KERN_DEV_HAS_TEMPLATE;
	d.template_id = 4;
	EXPECT_EQ(-EINVAL, kern_link_set(&self->rt, ifindex, &d));
	EXPECT_STREQ("flexvti: template id is fixed at creation",
		     self->rt.extack);

	d.has = KERN_DEV_HAS_MODE | KERN_DEV_HAS_TEMPLATE;
	d.mode = FLEXVTI_MODE_IPSEC;
	d.template_id = 3;
	EXPECT_EQ(0, kern_link_set(&self->rt, ifindex, &d));
	r = get(_metadata, &self->nl, ifindex);
	EXPECT_EQ(FLEXVTI_MODE_IPSEC, r.mode);
	EXPECT_EQ(3, r.template_id);
	EXPECT_EQ(0, kern_link_del(&self->rt, ifindex));
}

TEST_F(va, refused_link_is_not_created)
{
	struct kern_dev d = { 0 };
	char name[IFNAMSIZ];

	snprintf(name, sizeof(name), "nlr%d", getpid());
	d.has = KERN_DEV_HAS_REMOTE;
	d.family = AF_INET;
	d.remote.v4.s_addr = htonl(0xe0000005);
	EXPECT_EQ(-EINVAL, kern_link_add(&self->rt, name, &d));
	EXPECT_STREQ("flexvti: remote endpoint must be a unicast address",
		     self->rt.extack);
	EXPECT_EQ(0, if_nametoindex(name));

	d.has = KERN_DEV_HAS_MODE;
	d.mode = 9;
	EXPECT_EQ(-ERANGE, kern_link_add(&self->rt, name, &d));
	EXPECT_STREQ("integer out of range", self->rt.extack);
	EXPECT_EQ(0, if_nametoindex(name));
}

/*
 * The NHRP redirect timeout and the MPLS label stack:
 * FLEXVTI_A_NHRP_REDIRECT (also IFLA_FLEXVTI_NHRP_REDIRECT) and
 * FLEXVTI_A_MPLS_LABELS.
 */

static void expect_labels(struct __test_metadata *_metadata,
			  const struct kern_dev *d, const uint32_t *labels,
			  uint32_t n)
{
	uint32_t i;

	if (!n) {
		EXPECT_EQ(0, d->has & KERN_DEV_HAS_MPLS_LABELS);
		return;
	}
	ASSERT_NE(0, d->has & KERN_DEV_HAS_MPLS_LABELS);
	ASSERT_EQ(n, d->mpls_nlabels);
	for (i = 0; i < n; i++)
		EXPECT_EQ(labels[i], d->mpls_labels[i]);
}

TEST_F(va, redirect_and_labels_round_trip)
{
	static const uint32_t three[] = { 16, 1048575, 100 };
	static const uint32_t eight[] = { 16, 17, 18, 19, 20, 21, 22, 23 };
	struct kern_dev d = { .ifindex = self->ifindex }, r;

	r = get(_metadata, &self->nl, self->ifindex);
	EXPECT_NE(0, r.has & KERN_DEV_HAS_NHRP_REDIRECT);
	EXPECT_EQ(0, r.nhrp_redirect);
	expect_labels(_metadata, &r, NULL, 0);

	d.has = KERN_DEV_HAS_MODE | KERN_DEV_HAS_NHRP_REDIRECT |
		KERN_DEV_HAS_MPLS_LABELS;
	d.mode = FLEXVTI_MODE_GRE;
	d.nhrp_redirect = FLEXVTI_NHRP_REDIRECT_MAX;
	d.mpls_nlabels = 3;
	memcpy(d.mpls_labels, three, sizeof(three));
	ASSERT_EQ(0, kern_nl_dev_set(&self->nl, &d))
		TH_LOG("dev-set: %s", self->nl.extack);
	r = get(_metadata, &self->nl, self->ifindex);
	EXPECT_EQ(FLEXVTI_MODE_GRE, r.mode);
	EXPECT_EQ(600, r.nhrp_redirect);
	expect_labels(_metadata, &r, three, 3);

	/* eight labels; the timeout is left alone */
	d.has = KERN_DEV_HAS_MPLS_LABELS;
	d.mpls_nlabels = 8;
	memcpy(d.mpls_labels, eight, sizeof(eight));
	ASSERT_EQ(0, kern_nl_dev_set(&self->nl, &d));
	r = get(_metadata, &self->nl, self->ifindex);
	EXPECT_EQ(600, r.nhrp_redirect);
	expect_labels(_metadata, &r, eight, 8);

	/* the timeout back to 0; the labels are left alone */
	d.has = KERN_DEV_HAS_NHRP_REDIRECT;
	d.nhrp_redirect = 0;
	ASSERT_EQ(0, kern_nl_dev_set(&self->nl, &d));
	r = get(_metadata, &self->nl, self->ifindex);
	EXPECT_EQ(0, r.nhrp_redirect);
	expect_labels(_metadata, &r, eight, 8);

	/* an empty stack removes the labels; ipsec mode is possible again */
	d.has = KERN_DEV_HAS_MPLS_LABELS;
	d.mpls_nlabels = 0;
	ASSERT_EQ(0, kern_nl_dev_set(&self->nl, &d));
	r = get(_metadata, &self->nl, self->ifindex);
	expect_labels(_metadata, &r, NULL, 0);
	d.has = KERN_DEV_HAS_MODE;
	d.mode = FLEXVTI_MODE_IPSEC;
	EXPECT_EQ(0, kern_nl_dev_set(&self->nl, &d))
		TH_LOG("dev-set: %s", self->nl.extack);

	/* mode gre with labels, and back to ipsec without, in one request */
	d.has = KERN_DEV_HAS_MODE | KERN_DEV_HAS_MPLS_LABELS;
	d.mode = FLEXVTI_MODE_GRE;
	d.mpls_nlabels = 1;
	ASSERT_EQ(0, kern_nl_dev_set(&self->nl, &d));
	d.mode = FLEXVTI_MODE_IPSEC;
	d.mpls_nlabels = 0;
	EXPECT_EQ(0, kern_nl_dev_set(&self->nl, &d))
		TH_LOG("dev-set: %s", self->nl.extack);
	r = get(_metadata, &self->nl, self->ifindex);
	EXPECT_EQ(FLEXVTI_MODE_IPSEC, r.mode);
	expect_labels(_metadata, &r, NULL, 0);
}

TEST_F(va, labels_refused_in_ipsec_mode)
{
	static const uint32_t one[] = { 100 };
	struct nl_msg *msg = dev_set_msg(self);
	struct kern_dev r;

	nla_put(msg, FLEXVTI_A_MPLS_LABELS, sizeof(one), one);
	nla_put_u32(msg, FLEXVTI_A_NHRP_REDIRECT, 5);
	EXPECT_REFUSED(&self->nl, msg, -EINVAL,
		       "flexvti: MPLS labels need gre mode");
	r = get(_metadata, &self->nl, self->ifindex);
	EXPECT_EQ(FLEXVTI_MODE_IPSEC, r.mode);
	EXPECT_EQ(0, r.nhrp_redirect);
	expect_labels(_metadata, &r, NULL, 0);

	/* an empty stack is no label: fine in ipsec mode */
	msg = dev_set_msg(self);
	nla_put(msg, FLEXVTI_A_MPLS_LABELS, 0, NULL);
	EXPECT_EQ(0, kern_nl_transact(&self->nl, msg, NULL, NULL));
}

TEST_F(va, redirect_and_labels_notified)
{
	static const uint32_t two[] = { 1000, 2000 };
	struct kern_dev d = { .ifindex = self->ifindex };
	struct kern_nl ev_nl;
	struct event ev;

	ASSERT_EQ(0, events_open(&ev_nl));

	d.has = KERN_DEV_HAS_MODE | KERN_DEV_HAS_NHRP_REDIRECT |
		KERN_DEV_HAS_MPLS_LABELS;
	d.mode = FLEXVTI_MODE_GRE;
	d.nhrp_redirect = 3;
	d.mpls_nlabels = 2;
	memcpy(d.mpls_labels, two, sizeof(two));
	ASSERT_EQ(0, kern_nl_dev_set(&self->nl, &d));
	ASSERT_EQ(0, next_event(&ev_nl, &ev));
	EXPECT_EQ(FLEXVTI_CMD_DEV_CHANGE_NTF, ev.cmd);
	EXPECT_EQ(3, ev.d.nhrp_redirect);
	expect_labels(_metadata, &ev.d, two, 2);
	kern_nl_close(&ev_nl);
}

TEST_F(va, redirect_link_attribute)
{
	struct kern_dev d = { 0 }, r;
	uint32_t ifindex;
	char name[IFNAMSIZ];

	snprintf(name, sizeof(name), "nlh%d", getpid());
	d.has = KERN_DEV_HAS_NHRP_REDIRECT | KERN_DEV_HAS_NHRP;
	d.nhrp_redirect = 30;
	d.nhrp_network_id = 1;
	ASSERT_EQ(0, kern_link_add(&self->rt, name, &d))
		TH_LOG("%s", self->rt.extack);
	ifindex = if_nametoindex(name);
	r = get(_metadata, &self->nl, ifindex);
	EXPECT_EQ(30, r.nhrp_redirect);

	d.has = KERN_DEV_HAS_NHRP_REDIRECT;
	d.nhrp_redirect = FLEXVTI_NHRP_REDIRECT_MAX + 1;
	EXPECT_EQ(-ERANGE, kern_link_set(&self->rt, ifindex, &d));
	EXPECT_STREQ("integer out of range", self->rt.extack);
	EXPECT_EQ(30, get(_metadata, &self->nl, ifindex).nhrp_redirect);

	d.nhrp_redirect = 0;
	EXPECT_EQ(0, kern_link_set(&self->rt, ifindex, &d));
	EXPECT_EQ(0, get(_metadata, &self->nl, ifindex).nhrp_redirect);
	EXPECT_EQ(0, kern_link_del(&self->rt, ifindex));

	/* a refused timeout creates no link */
	d.nhrp_redirect = 601;
	EXPECT_EQ(-ERANGE, kern_link_add(&self->rt, name, &d));
	EXPECT_EQ(0, if_nametoindex(name));
}

/*
 * Each rejected dev-set of a timeout or label stack says why and changes
 * nothing: the interface stays in gre mode with the label stack 100/200
 * and the timeout 5.
 */
FIXTURE(labels_bad) {
	struct kern_nl nl;
	struct kern_nl rt;
	char name[IFNAMSIZ];
	uint32_t ifindex;
};

FIXTURE_VARIANT(labels_bad) {
	const uint32_t *labels;
	int len;
	bool ipsec;
	int64_t redirect;
	int err;
	const char *extack;
};

static const uint32_t labels_nine[] = { 16, 17, 18, 19, 20, 21, 22, 23, 24 };
static const uint32_t labels_low[] = { 100, 15 };
static const uint32_t labels_high[] = { 1048576 };
static const uint32_t labels_zero[] = { 0 };
static const uint32_t labels_ok[] = { 300 };

FIXTURE_VARIANT_ADD(labels_bad, len_not_multiple_of_4) {
	.labels = labels_ok, .len = 5, .redirect = -1, .err = -EINVAL,
	.extack = "flexvti: MPLS label stack length is not a multiple of 4 bytes",
};
FIXTURE_VARIANT_ADD(labels_bad, len_short) {
	.labels = labels_ok, .len = 3, .redirect = -1, .err = -EINVAL,
	.extack = "flexvti: MPLS label stack length is not a multiple of 4 bytes",
};
FIXTURE_VARIANT_ADD(labels_bad, nine_labels) {
	.labels = labels_nine, .len = sizeof(labels_nine), .redirect = -1,
	.err = -ERANGE, .extack = "binary attribute size out of range",
};
FIXTURE_VARIANT_ADD(labels_bad, label_reserved) {
	.labels = labels_low, .len = sizeof(labels_low), .redirect = -1,
	.err = -EINVAL,
	.extack = "flexvti: MPLS label out of range (16 to 1048575)",
};
FIXTURE_VARIANT_ADD(labels_bad, label_zero) {
	.labels = labels_zero, .len = sizeof(labels_zero), .redirect = -1,
	.err = -EINVAL,
	.extack = "flexvti: MPLS label out of range (16 to 1048575)",
};
FIXTURE_VARIANT_ADD(labels_bad, label_above_20_bits) {
	.labels = labels_high, .len = sizeof(labels_high), .redirect = -1,
	.err = -EINVAL,
	.extack = "flexvti: MPLS label out of range (16 to 1048575)",
};
FIXTURE_VARIANT_ADD(labels_bad, labels_with_ipsec_mode) {
	.labels = labels_ok, .len = sizeof(labels_ok), .ipsec = true,
	.redirect = -1, .err = -EINVAL,
	.extack = "flexvti: MPLS labels need gre mode",
};
FIXTURE_VARIANT_ADD(labels_bad, ipsec_mode_with_labels) {
	.ipsec = true, .len = -1, .redirect = -1, .err = -EINVAL,
	.extack = "flexvti: cannot change to ipsec mode while MPLS labels are set",
};
FIXTURE_VARIANT_ADD(labels_bad, redirect_above_600) {
	.len = -1, .redirect = 601, .err = -ERANGE,
	.extack = "integer out of range",
};
FIXTURE_VARIANT_ADD(labels_bad, redirect_huge) {
	.len = -1, .redirect = 4294967295u, .err = -ERANGE,
	.extack = "integer out of range",
};
FIXTURE_VARIANT_ADD(labels_bad, good_labels_bad_redirect) {
	.labels = labels_ok, .len = sizeof(labels_ok), .redirect = 601,
	.err = -ERANGE, .extack = "integer out of range",
};

FIXTURE_SETUP(labels_bad)
{
	static const uint32_t keep[] = { 100, 200 };
	struct kern_dev d = { 0 };

	ASSERT_EQ(0, kern_link_open(&self->rt));
	snprintf(self->name, sizeof(self->name), "nll%d", getpid());
	ASSERT_EQ(0, kern_link_add(&self->rt, self->name, &d));
	self->ifindex = if_nametoindex(self->name);
	ASSERT_NE(0, self->ifindex);
	ASSERT_EQ(0, kern_nl_open(&self->nl));
	d.ifindex = self->ifindex;
	d.has = KERN_DEV_HAS_MODE | KERN_DEV_HAS_NHRP_REDIRECT |
		KERN_DEV_HAS_MPLS_LABELS;
	d.mode = FLEXVTI_MODE_GRE;
	d.nhrp_redirect = 5;
	d.mpls_nlabels = 2;
	memcpy(d.mpls_labels, keep, sizeof(keep));
	ASSERT_EQ(0, kern_nl_dev_set(&self->nl, &d));
}

FIXTURE_TEARDOWN(labels_bad)
{
	if (self->ifindex)
		kern_link_del(&self->rt, self->ifindex);
	kern_nl_close(&self->rt);
	if (self->nl.sk)
		kern_nl_close(&self->nl);
}

TEST_F(labels_bad, refused_and_nothing_changed)
{
	static const uint32_t keep[] = { 100, 200 };
	struct nl_msg *msg = kern_nl_msg_new(&self->nl, FLEXVTI_CMD_DEV_SET, 0);
	struct kern_dev r;

	nla_put_u32(msg, FLEXVTI_A_IFINDEX, self->ifindex);
	if (variant->ipsec)
		nla_put_u32(msg, FLEXVTI_A_MODE, FLEXVTI_MODE_IPSEC);
	if (variant->len >= 0)
		nla_put(msg, FLEXVTI_A_MPLS_LABELS, variant->len,
			variant->labels);
	if (variant->redirect >= 0)
		nla_put_u32(msg, FLEXVTI_A_NHRP_REDIRECT,
			    (uint32_t)variant->redirect);
	EXPECT_REFUSED(&self->nl, msg, variant->err, variant->extack);

	r = get(_metadata, &self->nl, self->ifindex);
	EXPECT_EQ(FLEXVTI_MODE_GRE, r.mode);
	EXPECT_EQ(5, r.nhrp_redirect);
	expect_labels(_metadata, &r, keep, 2);
}

/*
 * Access lists and policers: FLEXVTI_A_ACL_IN/OUT and
 * FLEXVTI_A_POLICER_IN/OUT of dev-set, dev-get and acl-get.
 */

/* a reply to a do request, kept for parsing */
struct reply {
	struct nlattr *tb[FLEXVTI_A_MAX + 1];
	union {
		struct nlmsghdr h;
		char b[1 << 16];
	} buf;
};

static int keep_reply(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *h = nlmsg_hdr(msg);
	struct reply *r = arg;

	if (h->nlmsg_len > sizeof(r->buf))
		return -EMSGSIZE;
	memcpy(&r->buf, h, h->nlmsg_len);
	return genlmsg_parse(&r->buf.h, 0, r->tb, FLEXVTI_A_MAX, NULL);
}

/* dev-get or acl-get of @ifindex */
static int get_reply(struct kern_nl *nl, uint8_t cmd, uint32_t ifindex,
		     struct reply *r)
{
	struct nl_msg *msg = kern_nl_msg_new(nl, cmd, 0);

	memset(r->tb, 0, sizeof(r->tb));
	nla_put_u32(msg, FLEXVTI_A_IFINDEX, ifindex);
	return kern_nl_transact(nl, msg, keep_reply, r);
}

/* the attributes of a nest, by type */
#define NEST_MAX 16
static void nested(struct nlattr *nest, struct nlattr **tb)
{
	memset(tb, 0, (NEST_MAX + 1) * sizeof(*tb));
	if (nest)
		nla_parse_nested(tb, NEST_MAX, nest, NULL);
}

static uint64_t u64_of(struct nlattr **tb, int type)
{
	return tb[type] ? nla_get_u64(tb[type]) : ~0ULL;
}

/* the rules of a list nest, in order; returns how many */
static int rules_of(struct nlattr *list, struct nlattr **rules, int max)
{
	struct nlattr *a;
	int n = 0, rem;

	nla_for_each_nested(a, list, rem)
		if (nla_type(a) == FLEXVTI_ACL_A_RULE && n < max)
			rules[n++] = a;
	return n;
}

static struct nlattr *rule_start(struct nl_msg *msg, uint32_t action)
{
	struct nlattr *r = nla_nest_start(msg, FLEXVTI_ACL_A_RULE);

	nla_put_u32(msg, FLEXVTI_ACL_RULE_A_ACTION, action);
	return r;
}

/* a list of one rule without fields: "permit ip any any" */
static void put_permit_all(struct nl_msg *msg, int type, const char *name)
{
	struct nlattr *l = nla_nest_start(msg, type);

	if (name)
		nla_put_string(msg, FLEXVTI_ACL_A_NAME, name);
	nla_nest_end(msg, rule_start(msg, FLEXVTI_ACL_PERMIT));
	nla_nest_end(msg, l);
}

static void put_policer(struct nl_msg *msg, int type, const char *name,
			uint64_t rate, uint32_t burst)
{
	struct nlattr *p = nla_nest_start(msg, type);

	if (name)
		nla_put_string(msg, FLEXVTI_POLICER_A_NAME, name);
	nla_put_u64(msg, FLEXVTI_POLICER_A_RATE, rate);
	if (burst)
		nla_put_u32(msg, FLEXVTI_POLICER_A_BURST, burst);
	nla_nest_end(msg, p);
}

static void put_in6(struct nl_msg *msg, int type, const char *text)
{
	struct in6_addr a;

	inet_pton(AF_INET6, text, &a);
	nla_put(msg, type, sizeof(a), &a);
}

/* the round trip's list: three rules of all kinds */
static void put_round_trip_acl(struct nl_msg *msg)
{
	struct nlattr *l = nla_nest_start(msg, FLEXVTI_A_ACL_IN), *r;

	nla_put_string(msg, FLEXVTI_ACL_A_NAME, "from-peer");
	r = rule_start(msg, FLEXVTI_ACL_PERMIT);
	nla_put_u8(msg, FLEXVTI_ACL_RULE_A_FAMILY, AF_INET);
	nla_put_u8(msg, FLEXVTI_ACL_RULE_A_PROTO, IPPROTO_TCP);
	nla_put_u32(msg, FLEXVTI_ACL_RULE_A_SRC, htonl(0xc0000200));
	nla_put_u8(msg, FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN, 24);
	nla_put_u32(msg, FLEXVTI_ACL_RULE_A_DST, htonl(0xc6336407));
	nla_put_u16(msg, FLEXVTI_ACL_RULE_A_SPORT_MIN, 1024);
	nla_put_u16(msg, FLEXVTI_ACL_RULE_A_SPORT_MAX, 65535);
	nla_put_u16(msg, FLEXVTI_ACL_RULE_A_DPORT_MIN, 5201);
	nla_nest_end(msg, r);
	r = rule_start(msg, FLEXVTI_ACL_DENY);
	nla_put_u8(msg, FLEXVTI_ACL_RULE_A_FAMILY, AF_INET6);
	nla_put_u8(msg, FLEXVTI_ACL_RULE_A_PROTO, IPPROTO_ICMPV6);
	put_in6(msg, FLEXVTI_ACL_RULE_A_SRC, "2001:db8::");
	nla_put_u8(msg, FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN, 32);
	nla_put_u8(msg, FLEXVTI_ACL_RULE_A_ICMP_TYPE, 128);
	nla_put_u8(msg, FLEXVTI_ACL_RULE_A_ICMP_CODE, 0);
	nla_nest_end(msg, r);
	nla_nest_end(msg, rule_start(msg, FLEXVTI_ACL_PERMIT));
	nla_nest_end(msg, l);
}

TEST_F(va, acl_and_policer_round_trip)
{
	struct nlattr *t[NEST_MAX + 1], *rules[4];
	struct nl_msg *msg = dev_set_msg(self);
	static struct reply r;
	struct in6_addr v6;

	put_round_trip_acl(msg);
	put_policer(msg, FLEXVTI_A_POLICER_OUT, "pm-out", 2000000, 20000);
	put_policer(msg, FLEXVTI_A_POLICER_IN, NULL, 1000000000000ULL, 0);
	ASSERT_EQ(0, kern_nl_transact(&self->nl, msg, NULL, NULL))
		TH_LOG("dev-set: %s", self->nl.extack);

	ASSERT_EQ(0, get_reply(&self->nl, FLEXVTI_CMD_ACL_GET, self->ifindex,
			       &r));
	EXPECT_EQ(self->ifindex, nla_get_u32(r.tb[FLEXVTI_A_IFINDEX]));
	EXPECT_EQ(NULL, r.tb[FLEXVTI_A_ACL_OUT]);
	ASSERT_NE(NULL, r.tb[FLEXVTI_A_ACL_IN]);
	nested(r.tb[FLEXVTI_A_ACL_IN], t);
	EXPECT_STREQ("from-peer", nla_get_string(t[FLEXVTI_ACL_A_NAME]));
	EXPECT_EQ(3, nla_get_u32(t[FLEXVTI_ACL_A_RULE_COUNT]));
	EXPECT_EQ(0, u64_of(t, FLEXVTI_ACL_A_DENY_HITS));
	ASSERT_EQ(3, rules_of(r.tb[FLEXVTI_A_ACL_IN], rules, 4));

	nested(rules[0], t);
	EXPECT_EQ(FLEXVTI_ACL_PERMIT, nla_get_u32(t[FLEXVTI_ACL_RULE_A_ACTION]));
	EXPECT_EQ(AF_INET, nla_get_u8(t[FLEXVTI_ACL_RULE_A_FAMILY]));
	EXPECT_EQ(IPPROTO_TCP, nla_get_u8(t[FLEXVTI_ACL_RULE_A_PROTO]));
	EXPECT_EQ(htonl(0xc0000200), nla_get_u32(t[FLEXVTI_ACL_RULE_A_SRC]));
	EXPECT_EQ(24, nla_get_u8(t[FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN]));
	EXPECT_EQ(htonl(0xc6336407), nla_get_u32(t[FLEXVTI_ACL_RULE_A_DST]));
	EXPECT_EQ(32, nla_get_u8(t[FLEXVTI_ACL_RULE_A_DST_PREFIX_LEN]));
	EXPECT_EQ(1024, nla_get_u16(t[FLEXVTI_ACL_RULE_A_SPORT_MIN]));
	EXPECT_EQ(65535, nla_get_u16(t[FLEXVTI_ACL_RULE_A_SPORT_MAX]));
	EXPECT_EQ(5201, nla_get_u16(t[FLEXVTI_ACL_RULE_A_DPORT_MIN]));
	EXPECT_EQ(5201, nla_get_u16(t[FLEXVTI_ACL_RULE_A_DPORT_MAX]));
	EXPECT_EQ(NULL, t[FLEXVTI_ACL_RULE_A_ICMP_TYPE]);
	EXPECT_EQ(0, u64_of(t, FLEXVTI_ACL_RULE_A_HITS));

	nested(rules[1], t);
	EXPECT_EQ(FLEXVTI_ACL_DENY, nla_get_u32(t[FLEXVTI_ACL_RULE_A_ACTION]));
	EXPECT_EQ(AF_INET6, nla_get_u8(t[FLEXVTI_ACL_RULE_A_FAMILY]));
	inet_pton(AF_INET6, "2001:db8::", &v6);
	ASSERT_EQ(16, nla_len(t[FLEXVTI_ACL_RULE_A_SRC]));
	EXPECT_EQ(0, memcmp(&v6, nla_data(t[FLEXVTI_ACL_RULE_A_SRC]), 16));
	EXPECT_EQ(32, nla_get_u8(t[FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN]));
	EXPECT_EQ(128, nla_get_u8(t[FLEXVTI_ACL_RULE_A_ICMP_TYPE]));
	EXPECT_EQ(0, nla_get_u8(t[FLEXVTI_ACL_RULE_A_ICMP_CODE]));
	EXPECT_EQ(NULL, t[FLEXVTI_ACL_RULE_A_DST]);
	EXPECT_EQ(NULL, t[FLEXVTI_ACL_RULE_A_DPORT_MIN]);

	nested(rules[2], t);
	EXPECT_EQ(FLEXVTI_ACL_PERMIT, nla_get_u32(t[FLEXVTI_ACL_RULE_A_ACTION]));
	EXPECT_EQ(NULL, t[FLEXVTI_ACL_RULE_A_FAMILY]);
	EXPECT_EQ(NULL, t[FLEXVTI_ACL_RULE_A_PROTO]);

	/* dev-get: the list without its rules, and the policers */
	ASSERT_EQ(0, get_reply(&self->nl, FLEXVTI_CMD_DEV_GET, self->ifindex,
			       &r));
	nested(r.tb[FLEXVTI_A_ACL_IN], t);
	EXPECT_STREQ("from-peer", nla_get_string(t[FLEXVTI_ACL_A_NAME]));
	EXPECT_EQ(3, nla_get_u32(t[FLEXVTI_ACL_A_RULE_COUNT]));
	EXPECT_EQ(0, u64_of(t, FLEXVTI_ACL_A_DENY_HITS));
	EXPECT_EQ(NULL, t[FLEXVTI_ACL_A_RULE]);
	EXPECT_EQ(NULL, r.tb[FLEXVTI_A_ACL_OUT]);
	nested(r.tb[FLEXVTI_A_POLICER_OUT], t);
	EXPECT_STREQ("pm-out", nla_get_string(t[FLEXVTI_POLICER_A_NAME]));
	EXPECT_EQ(2000000, u64_of(t, FLEXVTI_POLICER_A_RATE));
	EXPECT_EQ(20000, nla_get_u32(t[FLEXVTI_POLICER_A_BURST]));
	EXPECT_EQ(0, u64_of(t, FLEXVTI_POLICER_A_CONFORM_PACKETS));
	EXPECT_EQ(0, u64_of(t, FLEXVTI_POLICER_A_CONFORM_BYTES));
	EXPECT_EQ(0, u64_of(t, FLEXVTI_POLICER_A_EXCEED_PACKETS));
	EXPECT_EQ(0, u64_of(t, FLEXVTI_POLICER_A_EXCEED_BYTES));
	/* the default bucket, a quarter second, is at most 2^30 bytes */
	nested(r.tb[FLEXVTI_A_POLICER_IN], t);
	EXPECT_EQ(NULL, t[FLEXVTI_POLICER_A_NAME]);
	EXPECT_EQ(1000000000000ULL, u64_of(t, FLEXVTI_POLICER_A_RATE));
	EXPECT_EQ(1U << 30, nla_get_u32(t[FLEXVTI_POLICER_A_BURST]));

	/* and at least 1500 */
	msg = dev_set_msg(self);
	put_policer(msg, FLEXVTI_A_POLICER_IN, NULL, 8000, 0);
	ASSERT_EQ(0, kern_nl_transact(&self->nl, msg, NULL, NULL));
	ASSERT_EQ(0, get_reply(&self->nl, FLEXVTI_CMD_DEV_GET, self->ifindex,
			       &r));
	nested(r.tb[FLEXVTI_A_POLICER_IN], t);
	EXPECT_EQ(1500, nla_get_u32(t[FLEXVTI_POLICER_A_BURST]));
}

TEST_F(va, acl_of_256_rules)
{
	struct nlattr *t[NEST_MAX + 1];
	static struct nlattr *rules[300];
	static struct reply r;
	struct nlattr *l, *rule;
	struct nl_msg *msg;
	int i;

	/* some 25 KiB of request */
	nlmsg_set_default_size(1 << 16);
	msg = dev_set_msg(self);
	l = nla_nest_start(msg, FLEXVTI_A_ACL_OUT);
	for (i = 0; i < FLEXVTI_ACL_MAX_RULES; i++) {
		rule = rule_start(msg, FLEXVTI_ACL_DENY);
		nla_put_u8(msg, FLEXVTI_ACL_RULE_A_FAMILY, AF_INET6);
		nla_put_u8(msg, FLEXVTI_ACL_RULE_A_PROTO, IPPROTO_UDP);
		put_in6(msg, FLEXVTI_ACL_RULE_A_SRC, "2001:db8::1");
		put_in6(msg, FLEXVTI_ACL_RULE_A_DST, "2001:db8::2");
		nla_put_u16(msg, FLEXVTI_ACL_RULE_A_SPORT_MIN, i);
		nla_put_u16(msg, FLEXVTI_ACL_RULE_A_DPORT_MIN, 1000 + i);
		ASSERT_EQ(0, nla_put_u16(msg, FLEXVTI_ACL_RULE_A_DPORT_MAX,
					 2000 + i));
		nla_nest_end(msg, rule);
	}
	nla_nest_end(msg, l);
	ASSERT_EQ(0, kern_nl_transact(&self->nl, msg, NULL, NULL))
		TH_LOG("dev-set: %s", self->nl.extack);

	/*
	 * A reply of some 32 KiB, sized to fit by the kernel.  It takes
	 * more than the 64 KiB of receive buffer libnl asks for, and then
	 * the ACK after it would not fit.
	 */
	nl_socket_enable_msg_peek(self->nl.sk);
	ASSERT_EQ(0, nl_socket_set_buffer_size(self->nl.sk, 1 << 20, 0));
	ASSERT_EQ(0, get_reply(&self->nl, FLEXVTI_CMD_ACL_GET, self->ifindex,
			       &r))
		TH_LOG("acl-get: %s", self->nl.extack);
	ASSERT_EQ(FLEXVTI_ACL_MAX_RULES,
		  rules_of(r.tb[FLEXVTI_A_ACL_OUT], rules, 300));
	nested(rules[FLEXVTI_ACL_MAX_RULES - 1], t);
	EXPECT_EQ(255, nla_get_u16(t[FLEXVTI_ACL_RULE_A_SPORT_MIN]));
	EXPECT_EQ(2255, nla_get_u16(t[FLEXVTI_ACL_RULE_A_DPORT_MAX]));
	EXPECT_EQ(0, u64_of(t, FLEXVTI_ACL_RULE_A_HITS));
}

TEST_F(va, acl_get_without_lists)
{
	static struct reply r;
	struct nl_msg *msg;

	ASSERT_EQ(0, get_reply(&self->nl, FLEXVTI_CMD_ACL_GET, self->ifindex,
			       &r));
	EXPECT_EQ(self->ifindex, nla_get_u32(r.tb[FLEXVTI_A_IFINDEX]));
	EXPECT_EQ(NULL, r.tb[FLEXVTI_A_ACL_IN]);
	EXPECT_EQ(NULL, r.tb[FLEXVTI_A_ACL_OUT]);

	msg = kern_nl_msg_new(&self->nl, FLEXVTI_CMD_ACL_GET, 0);
	EXPECT_REFUSED(&self->nl, msg, -EINVAL,
		       "flexvti: missing interface index");
	msg = kern_nl_msg_new(&self->nl, FLEXVTI_CMD_ACL_GET, 0);
	nla_put_u32(msg, FLEXVTI_A_IFINDEX, if_nametoindex("lo"));
	EXPECT_REFUSED(&self->nl, msg, -EOPNOTSUPP,
		       "flexvti: interface is not a flexvti virtual-access interface");
}

TEST_F(va, empty_list_and_zero_rate_detach)
{
	struct nl_msg *msg = dev_set_msg(self);
	static struct reply r;
	struct nlattr *l;

	put_permit_all(msg, FLEXVTI_A_ACL_IN, "in");
	put_permit_all(msg, FLEXVTI_A_ACL_OUT, "out");
	put_policer(msg, FLEXVTI_A_POLICER_IN, NULL, 1000000, 0);
	put_policer(msg, FLEXVTI_A_POLICER_OUT, NULL, 1000000, 0);
	ASSERT_EQ(0, kern_nl_transact(&self->nl, msg, NULL, NULL));

	/* a list with a name and no rules; rate 0 */
	msg = dev_set_msg(self);
	l = nla_nest_start(msg, FLEXVTI_A_ACL_IN);
	nla_put_string(msg, FLEXVTI_ACL_A_NAME, "in");
	nla_nest_end(msg, l);
	put_policer(msg, FLEXVTI_A_POLICER_IN, NULL, 0, 0);
	ASSERT_EQ(0, kern_nl_transact(&self->nl, msg, NULL, NULL))
		TH_LOG("dev-set: %s", self->nl.extack);
	ASSERT_EQ(0, get_reply(&self->nl, FLEXVTI_CMD_ACL_GET, self->ifindex,
			       &r));
	EXPECT_EQ(NULL, r.tb[FLEXVTI_A_ACL_IN]);
	EXPECT_NE(NULL, r.tb[FLEXVTI_A_ACL_OUT]);
	ASSERT_EQ(0, get_reply(&self->nl, FLEXVTI_CMD_DEV_GET, self->ifindex,
			       &r));
	EXPECT_EQ(NULL, r.tb[FLEXVTI_A_ACL_IN]);
	EXPECT_EQ(NULL, r.tb[FLEXVTI_A_POLICER_IN]);
	EXPECT_NE(NULL, r.tb[FLEXVTI_A_ACL_OUT]);
	EXPECT_NE(NULL, r.tb[FLEXVTI_A_POLICER_OUT]);

	/* empty nests, which libnl's nla_nest_end() would drop */
	msg = dev_set_msg(self);
	nla_put(msg, FLEXVTI_A_ACL_OUT | NLA_F_NESTED, 0, NULL);
	nla_put(msg, FLEXVTI_A_POLICER_OUT | NLA_F_NESTED, 0, NULL);
	ASSERT_EQ(0, kern_nl_transact(&self->nl, msg, NULL, NULL))
		TH_LOG("dev-set: %s", self->nl.extack);
	ASSERT_EQ(0, get_reply(&self->nl, FLEXVTI_CMD_DEV_GET, self->ifindex,
			       &r));
	EXPECT_EQ(NULL, r.tb[FLEXVTI_A_ACL_IN]);
	EXPECT_EQ(NULL, r.tb[FLEXVTI_A_ACL_OUT]);
	EXPECT_EQ(NULL, r.tb[FLEXVTI_A_POLICER_IN]);
	EXPECT_EQ(NULL, r.tb[FLEXVTI_A_POLICER_OUT]);
}

/* a UDP datagram from this namespace to @ip port @port */
static int udp_send(uint32_t ip, uint16_t port)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_addr.s_addr = htonl(ip),
				 .sin_port = htons(port) };
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	int ret;

	if (fd < 0)
		return -1;
	ret = sendto(fd, "acl", 3, 0, (struct sockaddr *)&a, sizeof(a));
	close(fd);
	return ret == 3 ? 0 : -1;
}

/* the hits of rule 0 and of the implicit deny of the outbound list */
static void out_hits(struct __test_metadata *_metadata, struct kern_nl *nl,
		     uint32_t ifindex, uint64_t *rule0, uint64_t *deny)
{
	struct nlattr *t[NEST_MAX + 1], *rules[1];
	static struct reply r;

	ASSERT_EQ(0, get_reply(nl, FLEXVTI_CMD_ACL_GET, ifindex, &r));
	ASSERT_NE(NULL, r.tb[FLEXVTI_A_ACL_OUT]);
	nested(r.tb[FLEXVTI_A_ACL_OUT], t);
	*deny = u64_of(t, FLEXVTI_ACL_A_DENY_HITS);
	ASSERT_EQ(1, rules_of(r.tb[FLEXVTI_A_ACL_OUT], rules, 1));
	nested(rules[0], t);
	*rule0 = u64_of(t, FLEXVTI_ACL_RULE_A_HITS);
}

/* one counter of an interface */
static uint64_t stat_of(struct __test_metadata *_metadata, struct kern_nl *nl,
			uint32_t ifindex, int type)
{
	struct nlattr *t[NEST_MAX + 1];
	static struct reply r;

	EXPECT_EQ(0, get_reply(nl, FLEXVTI_CMD_DEV_GET, ifindex, &r));
	nested(r.tb[FLEXVTI_A_STATS], t);
	return u64_of(t, type);
}

/* the inbound policer's settings and packet counters, as text */
static void policer_in(struct __test_metadata *_metadata, struct kern_nl *nl,
		       uint32_t ifindex, char *buf, size_t len)
{
	struct nlattr *t[NEST_MAX + 1];
	static struct reply r;

	ASSERT_EQ(0, get_reply(nl, FLEXVTI_CMD_DEV_GET, ifindex, &r));
	ASSERT_NE(NULL, r.tb[FLEXVTI_A_POLICER_IN]);
	nested(r.tb[FLEXVTI_A_POLICER_IN], t);
	snprintf(buf, len, "%s %llu %u %llu %llu",
		 t[FLEXVTI_POLICER_A_NAME] ?
		 nla_get_string(t[FLEXVTI_POLICER_A_NAME]) : "-",
		 (unsigned long long)u64_of(t, FLEXVTI_POLICER_A_RATE),
		 nla_get_u32(t[FLEXVTI_POLICER_A_BURST]),
		 (unsigned long long)u64_of(t, FLEXVTI_POLICER_A_CONFORM_PACKETS),
		 (unsigned long long)u64_of(t, FLEXVTI_POLICER_A_EXCEED_PACKETS));
}

/*
 * What a dev-set leaves out stays, with its counters.  The outbound list
 * counts even without SAs: it sees packets before the SA does.
 */
TEST_F(va, partial_set_keeps_the_rest)
{
	struct nl_msg *msg = dev_set_msg(self);
	struct kern_dev d = { .ifindex = self->ifindex };
	char cmd[128], pol[128], pol2[128];
	uint64_t rule0, deny;
	struct nlattr *l, *r;

	/* no IPv6 link-local address, whose packets the list would count */
	snprintf(cmd, sizeof(cmd), "ip link set %s addrgenmode none",
		 self->name);
	ASSERT_EQ(0, system(cmd));
	snprintf(cmd, sizeof(cmd), "ip link set %s up", self->name);
	ASSERT_EQ(0, system(cmd));
	snprintf(cmd, sizeof(cmd), "ip addr add 198.18.0.1/32 dev %s",
		 self->name);
	ASSERT_EQ(0, system(cmd));
	snprintf(cmd, sizeof(cmd), "ip route add 198.18.1.0/24 dev %s",
		 self->name);
	ASSERT_EQ(0, system(cmd));

	l = nla_nest_start(msg, FLEXVTI_A_ACL_OUT);
	r = rule_start(msg, FLEXVTI_ACL_PERMIT);
	nla_put_u8(msg, FLEXVTI_ACL_RULE_A_FAMILY, AF_INET);
	nla_put_u8(msg, FLEXVTI_ACL_RULE_A_PROTO, IPPROTO_UDP);
	nla_put_u16(msg, FLEXVTI_ACL_RULE_A_DPORT_MIN, 9);
	nla_nest_end(msg, r);
	nla_nest_end(msg, l);
	put_policer(msg, FLEXVTI_A_POLICER_IN, "pin", 1000000, 5000);
	ASSERT_EQ(0, kern_nl_transact(&self->nl, msg, NULL, NULL))
		TH_LOG("dev-set: %s", self->nl.extack);
	ASSERT_EQ(0, udp_send(0xc6120101, 9));
	ASSERT_EQ(0, udp_send(0xc6120101, 10));
	ASSERT_EQ(0, udp_send(0xc6120101, 11));
	out_hits(_metadata, &self->nl, self->ifindex, &rule0, &deny);
	EXPECT_EQ(1, rule0);
	EXPECT_EQ(2, deny);
	EXPECT_EQ(2, stat_of(_metadata, &self->nl, self->ifindex,
			     FLEXVTI_STATS_A_DROP_ACL));
	EXPECT_EQ(1, stat_of(_metadata, &self->nl, self->ifindex,
			     FLEXVTI_STATS_A_DROP_NO_SA));
	policer_in(_metadata, &self->nl, self->ifindex, pol, sizeof(pol));
	EXPECT_STREQ("pin 1000000 5000 0 0", pol);

	/* a list only: the policer and the other list stay */
	msg = dev_set_msg(self);
	put_permit_all(msg, FLEXVTI_A_ACL_IN, NULL);
	ASSERT_EQ(0, kern_nl_transact(&self->nl, msg, NULL, NULL));
	policer_in(_metadata, &self->nl, self->ifindex, pol2, sizeof(pol2));
	EXPECT_STREQ(pol, pol2);
	out_hits(_metadata, &self->nl, self->ifindex, &rule0, &deny);
	EXPECT_EQ(1, rule0);
	EXPECT_EQ(2, deny);

	/* a policer only, or other settings: the lists and their hits stay */
	msg = dev_set_msg(self);
	put_policer(msg, FLEXVTI_A_POLICER_OUT, NULL, 3000000, 0);
	ASSERT_EQ(0, kern_nl_transact(&self->nl, msg, NULL, NULL));
	d.ifindex = self->ifindex;
	d.has = KERN_DEV_HAS_NHRP;
	d.nhrp_network_id = 5;
	ASSERT_EQ(0, kern_nl_dev_set(&self->nl, &d));
	out_hits(_metadata, &self->nl, self->ifindex, &rule0, &deny);
	EXPECT_EQ(1, rule0);
	EXPECT_EQ(2, deny);
	policer_in(_metadata, &self->nl, self->ifindex, pol2, sizeof(pol2));
	EXPECT_STREQ(pol, pol2);
}

/*
 * Each rejected dev-set says why and changes nothing: the reference
 * settings (a list "keep" of one rule in, a policer "keep" in) and the
 * NHRP network-id 0 stay, and nothing appears out.
 */
FIXTURE(acl_bad) {
	struct kern_nl nl;
	struct kern_nl rt;
	char name[IFNAMSIZ];
	uint32_t ifindex;
};

FIXTURE_VARIANT(acl_bad) {
	void (*put)(struct nl_msg *msg);
	int err;
	const char *extack;
};

FIXTURE_SETUP(acl_bad)
{
	struct kern_dev d = { 0 };
	struct nl_msg *msg;

	ASSERT_EQ(0, kern_link_open(&self->rt));
	snprintf(self->name, sizeof(self->name), "nlb%d", getpid());
	ASSERT_EQ(0, kern_link_add(&self->rt, self->name, &d));
	self->ifindex = if_nametoindex(self->name);
	ASSERT_NE(0, self->ifindex);
	ASSERT_EQ(0, kern_nl_open(&self->nl));
	msg = kern_nl_msg_new(&self->nl, FLEXVTI_CMD_DEV_SET, 0);
	nla_put_u32(msg, FLEXVTI_A_IFINDEX, self->ifindex);
	put_permit_all(msg, FLEXVTI_A_ACL_IN, "keep");
	put_policer(msg, FLEXVTI_A_POLICER_IN, "keep", 1000000, 0);
	ASSERT_EQ(0, kern_nl_transact(&self->nl, msg, NULL, NULL));
}

FIXTURE_TEARDOWN(acl_bad)
{
	if (self->ifindex)
		kern_link_del(&self->rt, self->ifindex);
	kern_nl_close(&self->rt);
	if (self->nl.sk)
		kern_nl_close(&self->nl);
}

/* start an inbound list of one permit rule, for the fields of a case */
static struct nlattr *bad_rule(struct nl_msg *msg, struct nlattr **list)
{
	*list = nla_nest_start(msg, FLEXVTI_A_ACL_IN);
	return rule_start(msg, FLEXVTI_ACL_PERMIT);
}

static void bad_end(struct nl_msg *msg, struct nlattr *rule,
		    struct nlattr *list)
{
	nla_nest_end(msg, rule);
	nla_nest_end(msg, list);
}

#define BAD_RULE(name, fields)						\
static void put_##name(struct nl_msg *msg)				\
{									\
	struct nlattr *l, *r = bad_rule(msg, &l);			\
									\
	fields;								\
	bad_end(msg, r, l);						\
}

#define V4	nla_put_u8(msg, FLEXVTI_ACL_RULE_A_FAMILY, AF_INET)
#define PROTO(p) nla_put_u8(msg, FLEXVTI_ACL_RULE_A_PROTO, p)

BAD_RULE(host_bits, V4;
	 nla_put_u32(msg, FLEXVTI_ACL_RULE_A_SRC, htonl(0xc0000201));
	 nla_put_u8(msg, FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN, 24))
BAD_RULE(host_bits6, nla_put_u8(msg, FLEXVTI_ACL_RULE_A_FAMILY, AF_INET6);
	 put_in6(msg, FLEXVTI_ACL_RULE_A_DST, "2001:db8::1");
	 nla_put_u8(msg, FLEXVTI_ACL_RULE_A_DST_PREFIX_LEN, 64))
BAD_RULE(prefix_too_long, V4;
	 nla_put_u32(msg, FLEXVTI_ACL_RULE_A_DST, htonl(0xc0000200));
	 nla_put_u8(msg, FLEXVTI_ACL_RULE_A_DST_PREFIX_LEN, 33))
BAD_RULE(prefix_over_128, nla_put_u8(msg, FLEXVTI_ACL_RULE_A_FAMILY, AF_INET6);
	 put_in6(msg, FLEXVTI_ACL_RULE_A_DST, "2001:db8::");
	 nla_put_u8(msg, FLEXVTI_ACL_RULE_A_DST_PREFIX_LEN, 129))
BAD_RULE(prefix_without_family,
	 nla_put_u32(msg, FLEXVTI_ACL_RULE_A_SRC, htonl(0xc0000200)))
BAD_RULE(prefix_len_without_address, V4;
	 nla_put_u8(msg, FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN, 8))
BAD_RULE(v6_address_v4_rule, V4;
	 put_in6(msg, FLEXVTI_ACL_RULE_A_SRC, "2001:db8::"))
BAD_RULE(short_address, V4; nla_put(msg, FLEXVTI_ACL_RULE_A_SRC, 3, "\1\2\3"))
BAD_RULE(bad_family, nla_put_u8(msg, FLEXVTI_ACL_RULE_A_FAMILY, 3))
BAD_RULE(ports_without_proto, V4;
	 nla_put_u16(msg, FLEXVTI_ACL_RULE_A_DPORT_MIN, 80))
BAD_RULE(ports_with_icmp, V4; PROTO(IPPROTO_ICMP);
	 nla_put_u16(msg, FLEXVTI_ACL_RULE_A_SPORT_MIN, 80))
BAD_RULE(port_range_reversed, PROTO(IPPROTO_UDP);
	 nla_put_u16(msg, FLEXVTI_ACL_RULE_A_DPORT_MIN, 90);
	 nla_put_u16(msg, FLEXVTI_ACL_RULE_A_DPORT_MAX, 80))
BAD_RULE(port_max_alone, PROTO(IPPROTO_SCTP);
	 nla_put_u16(msg, FLEXVTI_ACL_RULE_A_SPORT_MAX, 80))
BAD_RULE(icmp_with_tcp, V4; PROTO(IPPROTO_TCP);
	 nla_put_u8(msg, FLEXVTI_ACL_RULE_A_ICMP_TYPE, 8))
BAD_RULE(icmpv6_in_v4_rule, V4; PROTO(IPPROTO_ICMPV6);
	 nla_put_u8(msg, FLEXVTI_ACL_RULE_A_ICMP_TYPE, 128))
BAD_RULE(icmp_without_family, PROTO(IPPROTO_ICMP);
	 nla_put_u8(msg, FLEXVTI_ACL_RULE_A_ICMP_TYPE, 8))
BAD_RULE(icmp_code_alone, V4; PROTO(IPPROTO_ICMP);
	 nla_put_u8(msg, FLEXVTI_ACL_RULE_A_ICMP_CODE, 0))
BAD_RULE(hits_given, nla_put_u64(msg, FLEXVTI_ACL_RULE_A_HITS, 1))

static void put_no_action(struct nl_msg *msg)
{
	struct nlattr *l = nla_nest_start(msg, FLEXVTI_A_ACL_IN);
	struct nlattr *r = nla_nest_start(msg, FLEXVTI_ACL_A_RULE);

	V4;
	bad_end(msg, r, l);
}

static void put_bad_action(struct nl_msg *msg)
{
	struct nlattr *l = nla_nest_start(msg, FLEXVTI_A_ACL_IN);

	nla_nest_end(msg, rule_start(msg, FLEXVTI_ACL_ACTION_MAX + 1));
	nla_nest_end(msg, l);
}

static void put_too_many_rules(struct nl_msg *msg)
{
	struct nlattr *l = nla_nest_start(msg, FLEXVTI_A_ACL_IN);
	int i;

	/* 257 rules of 12 bytes fit libnl's default message */
	for (i = 0; i <= FLEXVTI_ACL_MAX_RULES; i++)
		nla_nest_end(msg, rule_start(msg, FLEXVTI_ACL_PERMIT));
	nla_nest_end(msg, l);
}

static void put_deny_hits_given(struct nl_msg *msg)
{
	struct nlattr *l = nla_nest_start(msg, FLEXVTI_A_ACL_OUT);

	nla_put_u64(msg, FLEXVTI_ACL_A_DENY_HITS, 0);
	nla_nest_end(msg, l);
}

static void put_name_too_long(struct nl_msg *msg)
{
	char name[FLEXVTI_NAME_MAX + 2];

	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	put_permit_all(msg, FLEXVTI_A_ACL_OUT, name);
}

/* the nest flag is what tells a nest from binary data */
static void put_flat_nest(struct nl_msg *msg)
{
	nla_put(msg, FLEXVTI_A_ACL_OUT, 0, NULL);
}

static void put_rate_too_low(struct nl_msg *msg)
{
	put_policer(msg, FLEXVTI_A_POLICER_OUT, NULL, 7999, 0);
}

static void put_rate_too_high(struct nl_msg *msg)
{
	put_policer(msg, FLEXVTI_A_POLICER_OUT, NULL, 1000000000001ULL, 0);
}

static void put_burst_too_small(struct nl_msg *msg)
{
	put_policer(msg, FLEXVTI_A_POLICER_OUT, NULL, 1000000, 1499);
}

static void put_burst_too_big(struct nl_msg *msg)
{
	put_policer(msg, FLEXVTI_A_POLICER_OUT, NULL, 1000000, (1U << 30) + 1);
}

static void put_counter_given(struct nl_msg *msg)
{
	struct nlattr *p = nla_nest_start(msg, FLEXVTI_A_POLICER_OUT);

	nla_put_u64(msg, FLEXVTI_POLICER_A_RATE, 1000000);
	nla_put_u64(msg, FLEXVTI_POLICER_A_EXCEED_PACKETS, 0);
	nla_nest_end(msg, p);
}

/* all or nothing: good parts with a bad one change nothing either */
static void put_good_and_bad(struct nl_msg *msg)
{
	nla_put_u32(msg, FLEXVTI_A_NHRP_NETWORK_ID, 77);
	put_permit_all(msg, FLEXVTI_A_ACL_OUT, "new");
	put_policer(msg, FLEXVTI_A_POLICER_OUT, "new", 2000000, 0);
	put_host_bits(msg);
}

static void put_good_list_bad_policer(struct nl_msg *msg)
{
	put_permit_all(msg, FLEXVTI_A_ACL_OUT, "new");
	put_policer(msg, FLEXVTI_A_POLICER_IN, "new", 100, 0);
}

#define BAD(name, e, text)						\
FIXTURE_VARIANT_ADD(acl_bad, name) {					\
	.put = put_##name, .err = e, .extack = text,			\
}

BAD(host_bits, -EINVAL, "flexvti: host bits set in the prefix");
BAD(host_bits6, -EINVAL, "flexvti: host bits set in the prefix");
BAD(prefix_too_long, -EINVAL,
	"flexvti: prefix length longer than the family's addresses");
BAD(prefix_over_128, -ERANGE, "integer out of range");
BAD(prefix_without_family, -EINVAL,
	"flexvti: an address prefix needs the rule's family");
BAD(prefix_len_without_address, -EINVAL,
	"flexvti: prefix length without an address");
BAD(v6_address_v4_rule, -EINVAL,
	"flexvti: address length does not match the rule's family");
BAD(short_address, -ERANGE, "binary attribute size out of range");
BAD(bad_family, -EINVAL,
	"flexvti: the rule's family must be AF_INET or AF_INET6");
BAD(ports_without_proto, -EINVAL,
	"flexvti: ports need protocol TCP, UDP, SCTP or UDP-Lite");
BAD(ports_with_icmp, -EINVAL,
	"flexvti: ports need protocol TCP, UDP, SCTP or UDP-Lite");
BAD(port_range_reversed, -EINVAL, "flexvti: lowest port above the highest port");
BAD(port_max_alone, -EINVAL, "flexvti: highest port without a lowest port");
BAD(icmp_with_tcp, -EINVAL,
	"flexvti: ICMP fields need protocol ICMP (AF_INET) or ICMPv6 (AF_INET6)");
BAD(icmpv6_in_v4_rule, -EINVAL,
	"flexvti: ICMP fields need protocol ICMP (AF_INET) or ICMPv6 (AF_INET6)");
BAD(icmp_without_family, -EINVAL, "flexvti: ICMP fields need the rule's family");
BAD(icmp_code_alone, -EINVAL, "flexvti: ICMP code without an ICMP type");
BAD(hits_given, -EINVAL, "rule hits are read-only");
BAD(no_action, -EINVAL, "flexvti: rule without an action");
BAD(bad_action, -ERANGE, "integer out of range");
BAD(too_many_rules, -E2BIG, "flexvti: an access list has at most 256 rules");
BAD(deny_hits_given, -EINVAL, "the implicit deny's hits are read-only");
BAD(name_too_long, -ERANGE, "Attribute failed policy validation");
BAD(flat_nest, -EINVAL, "NLA_F_NESTED is missing");
BAD(rate_too_low, -EINVAL, "flexvti: policer rate below 8000 bit/s");
BAD(rate_too_high, -ERANGE, "integer out of range");
BAD(burst_too_small, -ERANGE, "integer out of range");
BAD(burst_too_big, -ERANGE, "integer out of range");
BAD(counter_given, -EINVAL, "policer counters are read-only");
BAD(good_and_bad, -EINVAL, "flexvti: host bits set in the prefix");
BAD(good_list_bad_policer, -EINVAL, "flexvti: policer rate below 8000 bit/s");

TEST_F(acl_bad, refused_and_nothing_changed)
{
	struct nl_msg *msg = kern_nl_msg_new(&self->nl, FLEXVTI_CMD_DEV_SET, 0);
	struct nlattr *t[NEST_MAX + 1];
	static struct reply r;

	nla_put_u32(msg, FLEXVTI_A_IFINDEX, self->ifindex);
	variant->put(msg);
	EXPECT_REFUSED(&self->nl, msg, variant->err, variant->extack);

	ASSERT_EQ(0, get_reply(&self->nl, FLEXVTI_CMD_DEV_GET, self->ifindex,
			       &r));
	EXPECT_EQ(0, nla_get_u32(r.tb[FLEXVTI_A_NHRP_NETWORK_ID]));
	EXPECT_EQ(NULL, r.tb[FLEXVTI_A_ACL_OUT]);
	EXPECT_EQ(NULL, r.tb[FLEXVTI_A_POLICER_OUT]);
	nested(r.tb[FLEXVTI_A_ACL_IN], t);
	ASSERT_NE(NULL, t[FLEXVTI_ACL_A_NAME]);
	EXPECT_STREQ("keep", nla_get_string(t[FLEXVTI_ACL_A_NAME]));
	EXPECT_EQ(1, nla_get_u32(t[FLEXVTI_ACL_A_RULE_COUNT]));
	nested(r.tb[FLEXVTI_A_POLICER_IN], t);
	ASSERT_NE(NULL, t[FLEXVTI_POLICER_A_NAME]);
	EXPECT_STREQ("keep", nla_get_string(t[FLEXVTI_POLICER_A_NAME]));
	EXPECT_EQ(1000000, u64_of(t, FLEXVTI_POLICER_A_RATE));
}

TEST_HARNESS_MAIN
