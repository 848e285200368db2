// SPDX-License-Identifier: GPL-2.0-only
/*
 * The SA commands of the flexvti generic netlink family: every bad
 * sa-new is refused with the expected errno and extack message and
 * leaves no SA behind; replies never carry key material; sa-swap and
 * sa-del do what they say; deleting the interface reports its SAs.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <linux/flexvti.h>

#include "kselftest_harness.h"
#include "lib/kern_nl.h"

#define GCM_KEY	"key 0x000102030405060708090a0b0c0d0e0f salt 0x01020304"

FIXTURE(sa) {
	struct kern_nl nl;	/* genl flexvti */
	struct kern_nl rt;	/* rtnetlink */
	char name[IFNAMSIZ];
	uint32_t ifindex;
};

FIXTURE_SETUP(sa)
{
	struct kern_dev d = { .has = KERN_DEV_HAS_REMOTE, .family = AF_INET };

	inet_pton(AF_INET, "192.0.2.2", &d.remote.v4);
	ASSERT_EQ(0, kern_link_open(&self->rt));
	snprintf(self->name, sizeof(self->name), "sat%d", getpid());
	ASSERT_EQ(0, kern_link_add(&self->rt, self->name, &d))
		TH_LOG("ip link add: %s", self->rt.extack);
	self->ifindex = if_nametoindex(self->name);
	ASSERT_NE(0, self->ifindex);
	ASSERT_EQ(0, kern_nl_open(&self->nl));
}

FIXTURE_TEARDOWN(sa)
{
	if (self->ifindex && if_nametoindex(self->name))
		kern_link_del(&self->rt, self->ifindex);
	kern_nl_close(&self->rt);
	if (self->nl.sk)
		kern_nl_close(&self->nl);
}

/* sa-new for @ifindex from "flexvtictl sa add" words */
static int sa_new(struct kern_nl *nl, uint32_t ifindex, const char *words)
{
	char buf[512], err[128], *argv[32], *w;
	struct kern_sa sa = { 0 };
	int argc = 0;

	snprintf(buf, sizeof(buf), "%s", words);
	for (w = strtok(buf, " "); w && argc < 32; w = strtok(NULL, " "))
		argv[argc++] = w;
	if (kern_sa_parse_args(argc, argv, KERN_SA_ARGS_ADD, 0, &sa, err,
			       sizeof(err)))
		return -1000;
	sa.ifindex = ifindex;
	return kern_nl_sa_new(nl, &sa);
}

static int count_sa(const struct kern_sa *sa, void *arg)
{
	(*(int *)arg)++;
	return 0;
}

static int sa_count(struct kern_nl *nl, uint32_t ifindex)
{
	int n = 0;

	if (kern_nl_sa_dump(nl, ifindex, count_sa, &n))
		return -1;
	return n;
}

#define EXPECT_REFUSED(self, words, err, text) do {			\
	EXPECT_EQ(err, sa_new(&(self)->nl, (self)->ifindex, words));	\
	EXPECT_STREQ(text, (self)->nl.extack);				\
	EXPECT_EQ(0, sa_count(&(self)->nl, (self)->ifindex));		\
} while (0)

TEST_F(sa, bad_key_length_refused)
{
	EXPECT_REFUSED(self, "dir in spi 0x1000 alg aes-gcm key 0x0001020304 "
		       "salt 0x01020304", -EINVAL,
		       "flexvti: wrong key length for the algorithm");
	EXPECT_REFUSED(self, "dir out spi 0x1000 alg aes-cbc-sha256 "
		       "key 0x000102030405060708090a0b0c0d0e0f "
		       "auth-key 0x0001020304", -EINVAL,
		       "flexvti: wrong integrity key length for the algorithm");
	EXPECT_REFUSED(self, "dir in spi 0x1000 alg aes-gcm "
		       "key 0x000102030405060708090a0b0c0d0e0f", -EINVAL,
		       "flexvti: the algorithm needs a salt");
	EXPECT_REFUSED(self, "dir in spi 0x1000 alg aes-cbc-sha1 "
		       "key 0x000102030405060708090a0b0c0d0e0f", -EINVAL,
		       "flexvti: the algorithm needs an integrity key");
}

TEST_F(sa, icv_length_not_allowed)
{
	EXPECT_REFUSED(self, "dir in spi 0x1000 alg chacha20-poly1305 "
		       "key 0x000102030405060708090a0b0c0d0e0f000102030405060708090a0b0c0d0e0f "
		       "salt 0x01020304 icv 12", -EINVAL,
		       "flexvti: ICV length not allowed for the algorithm");
	EXPECT_REFUSED(self, "dir in spi 0x1000 alg aes-gcm " GCM_KEY
		       " icv 10", -EINVAL,
		       "flexvti: ICV length not allowed for the algorithm");
	EXPECT_REFUSED(self, "dir in spi 0x1000 alg aes-gcm " GCM_KEY
		       " icv 64", -ERANGE, "integer out of range");
	EXPECT_EQ(0, sa_new(&self->nl, self->ifindex,
			    "dir in spi 0x1000 alg aes-gcm " GCM_KEY " icv 8"))
		TH_LOG("%s", self->nl.extack);
}

TEST_F(sa, duplicate_spi_refused)
{
	char other[IFNAMSIZ];
	struct kern_dev d = { .has = KERN_DEV_HAS_REMOTE, .family = AF_INET };
	uint32_t idx;

	ASSERT_EQ(0, sa_new(&self->nl, self->ifindex,
			    "dir in spi 0x1000 alg aes-gcm " GCM_KEY));
	ASSERT_EQ(0, sa_new(&self->nl, self->ifindex,
			    "dir out spi 0x1000 alg aes-gcm " GCM_KEY));
	EXPECT_EQ(-EEXIST, sa_new(&self->nl, self->ifindex,
				  "dir out spi 0x1000 alg aes-gcm " GCM_KEY));
	EXPECT_STREQ("flexvti: an outbound SA with this SPI exists on the interface",
		     self->nl.extack);

	/* inbound SPIs are unique in the namespace, across interfaces */
	inet_pton(AF_INET, "192.0.2.3", &d.remote.v4);
	snprintf(other, sizeof(other), "sau%d", getpid());
	ASSERT_EQ(0, kern_link_add(&self->rt, other, &d));
	idx = if_nametoindex(other);
	EXPECT_EQ(-EEXIST, sa_new(&self->nl, idx,
				  "dir in spi 0x1000 alg aes-gcm " GCM_KEY));
	EXPECT_STREQ("flexvti: an inbound SA with this SPI exists",
		     self->nl.extack);
	EXPECT_EQ(0, sa_count(&self->nl, idx));
	EXPECT_EQ(2, sa_count(&self->nl, self->ifindex));
	kern_link_del(&self->rt, idx);
}

TEST_F(sa, unknown_va_refused)
{
	EXPECT_EQ(-ENODEV, sa_new(&self->nl, 0x7ffffff0,
				  "dir in spi 0x1000 alg aes-gcm " GCM_KEY));
	EXPECT_STREQ("flexvti: no interface with this index", self->nl.extack);
	EXPECT_EQ(-EOPNOTSUPP, sa_new(&self->nl, if_nametoindex("lo"),
				      "dir in spi 0x1000 alg aes-gcm " GCM_KEY));
	EXPECT_EQ(0, sa_count(&self->nl, 0));
}

TEST_F(sa, other_refusals)
{
	struct kern_dev d = { 0 };
	char bare[IFNAMSIZ];
	uint32_t idx;

	EXPECT_REFUSED(self, "dir in spi 255 alg aes-gcm " GCM_KEY, -ERANGE,
		       "integer out of range");
	EXPECT_REFUSED(self, "dir in spi 0x1000 alg aes-gcm esn "
		       "replay-window 0 " GCM_KEY, -EINVAL,
		       "flexvti: ESN needs a replay window of at least 1");
	EXPECT_REFUSED(self, "dir in spi 0x1000 alg aes-gcm replay-window 40000 "
		       GCM_KEY, -ERANGE, "integer out of range");
	EXPECT_REFUSED(self, "dir out spi 0x1000 alg aes-gcm seq 4294967296 "
		       GCM_KEY, -EINVAL,
		       "flexvti: sequence number above 2^32-1 needs ESN");

	snprintf(bare, sizeof(bare), "sav%d", getpid());
	ASSERT_EQ(0, kern_link_add(&self->rt, bare, &d));
	idx = if_nametoindex(bare);
	EXPECT_EQ(-EINVAL, sa_new(&self->nl, idx,
				  "dir in spi 0x1000 alg aes-gcm " GCM_KEY));
	EXPECT_STREQ("flexvti: the interface has no tunnel endpoints",
		     self->nl.extack);
	EXPECT_EQ(0, sa_count(&self->nl, idx));
	kern_link_del(&self->rt, idx);
}

/* the attribute types of a raw sa-get reply */
static int reply_types(struct nl_msg *msg, void *arg)
{
	struct nlattr *a;
	uint64_t *seen = arg;
	int rem;

	nla_for_each_attr(a, genlmsg_attrdata(nlmsg_data(nlmsg_hdr(msg)), 0),
			  genlmsg_attrlen(nlmsg_data(nlmsg_hdr(msg)), 0), rem)
		*seen |= 1ull << nla_type(a);
	return 0;
}

TEST_F(sa, replies_never_carry_keys)
{
	uint64_t seen = 0;
	struct nl_msg *msg;

	ASSERT_EQ(0, sa_new(&self->nl, self->ifindex,
			    "dir out spi 0x1000 alg aes-cbc-sha512 esn "
			    "key 0x000102030405060708090a0b0c0d0e0f "
			    "auth-key 0x000102030405060708090a0b0c0d0e0f"
			    "000102030405060708090a0b0c0d0e0f"
			    "000102030405060708090a0b0c0d0e0f"
			    "000102030405060708090a0b0c0d0e0f"))
		TH_LOG("%s", self->nl.extack);
	msg = kern_nl_msg_new(&self->nl, FLEXVTI_CMD_SA_GET, NLM_F_DUMP);
	ASSERT_NE(NULL, msg);
	ASSERT_EQ(0, kern_nl_transact(&self->nl, msg, reply_types, &seen));
	EXPECT_TRUE(seen & 1ull << FLEXVTI_A_SA_SPI);
	EXPECT_TRUE(seen & 1ull << FLEXVTI_A_SA_ESN);
	EXPECT_TRUE(seen & 1ull << FLEXVTI_A_STATS);
	EXPECT_FALSE(seen & 1ull << FLEXVTI_A_SA_KEY);
	EXPECT_FALSE(seen & 1ull << FLEXVTI_A_SA_SALT);
	EXPECT_FALSE(seen & 1ull << FLEXVTI_A_SA_AUTH_KEY);
}

static int get_sa(const struct kern_sa *sa, void *arg)
{
	*(struct kern_sa *)arg = *sa;
	return 0;
}

static bool active(struct kern_nl *nl, uint32_t ifindex, uint32_t spi)
{
	struct kern_sa sa = { 0 };

	if (kern_nl_sa_get(nl, ifindex, FLEXVTI_SA_DIR_OUT, spi, get_sa, &sa))
		return false;
	return sa.active;
}

TEST_F(sa, swap_and_del)
{
	ASSERT_EQ(0, sa_new(&self->nl, self->ifindex,
			    "dir out spi 0x1000 alg aes-gcm " GCM_KEY));
	ASSERT_EQ(0, sa_new(&self->nl, self->ifindex,
			    "dir out spi 0x1001 alg aes-gcm " GCM_KEY));
	EXPECT_TRUE(active(&self->nl, self->ifindex, 0x1000));
	EXPECT_FALSE(active(&self->nl, self->ifindex, 0x1001));

	EXPECT_EQ(0, kern_nl_sa_swap(&self->nl, self->ifindex, 0x1001));
	EXPECT_FALSE(active(&self->nl, self->ifindex, 0x1000));
	EXPECT_TRUE(active(&self->nl, self->ifindex, 0x1001));

	EXPECT_EQ(-ENOENT, kern_nl_sa_swap(&self->nl, self->ifindex, 0x1002));
	EXPECT_STREQ("flexvti: no SA with this SPI on the interface",
		     self->nl.extack);
	EXPECT_EQ(-ENOENT, kern_nl_sa_del(&self->nl, self->ifindex,
					  FLEXVTI_SA_DIR_IN, 0x1000));
	EXPECT_EQ(0, kern_nl_sa_del(&self->nl, self->ifindex,
				    FLEXVTI_SA_DIR_OUT, 0x1001));
	EXPECT_FALSE(active(&self->nl, self->ifindex, 0x1000));
	EXPECT_EQ(1, sa_count(&self->nl, self->ifindex));
}

static int collect_event(const struct kern_event *e, void *arg)
{
	int *n = arg;

	if (e->cmd == FLEXVTI_CMD_SA_EVENT_NTF &&
	    e->sa.event == FLEXVTI_SA_EVENT_VA_DELETED)
		(*n)++;
	return 0;
}

TEST_F(sa, va_deleted_reports_its_sas)
{
	struct kern_nl mon;
	struct pollfd p;
	int n = 0;

	ASSERT_EQ(0, kern_nl_monitor_open(&mon));
	ASSERT_EQ(0, sa_new(&self->nl, self->ifindex,
			    "dir in spi 0x1000 alg aes-gcm " GCM_KEY));
	ASSERT_EQ(0, sa_new(&self->nl, self->ifindex,
			    "dir out spi 0x1000 alg aes-gcm " GCM_KEY));
	ASSERT_EQ(0, kern_link_del(&self->rt, self->ifindex));
	p.fd = nl_socket_get_fd(mon.sk);
	p.events = POLLIN;
	while (n < 2 && poll(&p, 1, 2000) == 1)
		ASSERT_EQ(0, kern_nl_monitor_recv(&mon, collect_event, &n));
	EXPECT_EQ(2, n);
	kern_nl_close(&mon);
}

TEST_HARNESS_MAIN
