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

static int next_event(struct kern_nl *ev_nl, struct event *ev)
{
	memset(ev, 0, sizeof(*ev));
	nl_socket_modify_cb(ev_nl->sk, NL_CB_VALID, NL_CB_CUSTOM, event_cb, ev);
	return nl_recvmsgs_default(ev_nl->sk);
}

TEST_F(va, notifications)
{
	struct kern_dev d = { .ifindex = self->ifindex };
	struct timeval tv = { .tv_sec = 5 };
	struct kern_nl ev_nl;
	struct event ev;
	int grp;

	ASSERT_EQ(0, kern_nl_open(&ev_nl));
	grp = genl_ctrl_resolve_grp(ev_nl.sk, FLEXVTI_FAMILY_NAME,
				    FLEXVTI_MCGRP_EVENTS);
	ASSERT_GE(grp, 0);
	ASSERT_EQ(0, nl_socket_add_membership(ev_nl.sk, grp));
	nl_socket_disable_seq_check(ev_nl.sk);
	setsockopt(nl_socket_get_fd(ev_nl.sk), SOL_SOCKET, SO_RCVTIMEO,
		   &tv, sizeof(tv));

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

/* 0: dev-get and dump refused with EPERM */
static int unprivileged_get(uint32_t ifindex)
{
	struct kern_nl nl;
	int count = 0;

	if (kern_nl_open(&nl))
		return 10;
	if (kern_nl_dev_get(&nl, ifindex, count_one, &count) != -EPERM)
		return 11;
	if (kern_nl_dev_get(&nl, 0, count_one, &count) != -EPERM)
		return 12;
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

TEST_HARNESS_MAIN
