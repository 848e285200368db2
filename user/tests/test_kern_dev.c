// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of user/lib/kern_dev.c: the words of "flexvtictl dev set" and
 * "ip link ... type flexvti", and the printed form of the settings.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include <linux/flexvti.h>

#include "kselftest_harness.h"
#include "../lib/kern_dev.h"

#define ALL (KERN_DEV_HAS_MODE | KERN_DEV_HAS_LOCAL | KERN_DEV_HAS_REMOTE | \
	     KERN_DEV_HAS_NHRP | KERN_DEV_HAS_TEMPLATE)
#define UDP (KERN_DEV_HAS_UDP_SOCKET | KERN_DEV_HAS_REMOTE_PORT)
#define NM (KERN_DEV_HAS_NHRP_REDIRECT | KERN_DEV_HAS_MPLS_LABELS)

FIXTURE(args) {
	struct kern_dev d;
	char err[128];
};

FIXTURE_SETUP(args)
{
	memset(&self->d, 0, sizeof(self->d));
	self->err[0] = '\0';
}

FIXTURE_TEARDOWN(args)
{
}

static int parse(struct __test_metadata *_metadata, struct kern_dev *d,
		 char *err, unsigned int allowed, const char *line)
{
	char *copy = strdup(line), *argv[16], *tok, *save;
	int argc = 0, ret;

	ASSERT_NE(NULL, copy);
	for (tok = strtok_r(copy, " ", &save); tok && argc < 16;
	     tok = strtok_r(NULL, " ", &save))
		argv[argc++] = tok;
	ret = kern_dev_parse_args(argc, argv, allowed, d, err, 128);
	free(copy);
	return ret;
}

#define PARSE(line) parse(_metadata, &self->d, self->err, ALL, line)

TEST_F(args, ipv4_all_settings)
{
	struct in_addr a;

	ASSERT_EQ(0, PARSE("mode gre template 7 local 192.0.2.1 "
			   "remote 198.51.100.2 nhrp-network-id 4294967295"));
	EXPECT_EQ(ALL, self->d.has);
	EXPECT_EQ(FLEXVTI_MODE_GRE, self->d.mode);
	EXPECT_EQ(7, self->d.template_id);
	EXPECT_EQ(4294967295u, self->d.nhrp_network_id);
	EXPECT_EQ(AF_INET, self->d.family);
	inet_pton(AF_INET, "198.51.100.2", &a);
	EXPECT_EQ(a.s_addr, self->d.remote.v4.s_addr);
}

TEST_F(args, ipv6_remote_only)
{
	struct in6_addr a;

	ASSERT_EQ(0, PARSE("remote 2001:db8::2 mode ipsec"));
	EXPECT_EQ(KERN_DEV_HAS_REMOTE | KERN_DEV_HAS_MODE, self->d.has);
	EXPECT_EQ(AF_INET6, self->d.family);
	EXPECT_EQ(FLEXVTI_MODE_IPSEC, self->d.mode);
	inet_pton(AF_INET6, "2001:db8::2", &a);
	EXPECT_EQ(0, memcmp(&a, &self->d.remote.v6, sizeof(a)));
}

TEST_F(args, nothing_is_nothing)
{
	ASSERT_EQ(0, PARSE(""));
	EXPECT_EQ(0, self->d.has);
}

struct bad_case {
	const char *line;
	const char *err;
};

static const struct bad_case bad_cases[] = {
	{ "color blue", "unknown setting \"color\"" },
	{ "mode gre mode ipsec", "mode given twice" },
	{ "mode", "mode needs a value" },
	{ "mode auto", "unknown mode \"auto\" (ipsec or gre)" },
	{ "nhrp-network-id -1", "\"-1\" is not a number from 0 to 4294967295" },
	{ "nhrp-network-id 4294967296",
	  "\"4294967296\" is not a number from 0 to 4294967295" },
	{ "template 12x", "\"12x\" is not a number from 0 to 4294967295" },
	{ "remote 300.1.1.1", "\"300.1.1.1\" is not an IPv4 or IPv6 address" },
	{ "remote 2001:db8::zz",
	  "\"2001:db8::zz\" is not an IPv4 or IPv6 address" },
	{ "local 192.0.2.1 remote 2001:db8::1",
	  "local and remote addresses are of different families" },
	{ "udp-socket -1", "\"-1\" is not a file descriptor or \"none\"" },
	{ "remote-port 0", "\"0\" is not a port from 1 to 65535" },
	{ "remote-port 65536", "\"65536\" is not a port from 1 to 65535" },
	{ "nhrp-redirect 601",
	  "\"601\" is not a number of seconds from 0 to 600" },
	{ "nhrp-redirect -3",
	  "\"-3\" is not a number of seconds from 0 to 600" },
	{ "nhrp-redirect", "nhrp-redirect needs a value" },
	{ "mpls-labels 15", "\"15\" is not an MPLS label from 16 to 1048575" },
	{ "mpls-labels 100/1048576",
	  "\"1048576\" is not an MPLS label from 16 to 1048575" },
	{ "mpls-labels 100/x", "\"x\" is not an MPLS label from 16 to 1048575" },
	{ "mpls-labels 16/17/18/19/20/21/22/23/24",
	  "more than 8 MPLS labels" },
	{ "mpls-labels 100//200",
	  "\"100//200\" is not a label stack (L[/L...] or none)" },
	{ "mpls-labels /100", "\"/100\" is not a label stack (L[/L...] or none)" },
	{ "mpls-labels 100/", "\"100/\" is not a label stack (L[/L...] or none)" },
	{ "mpls-labels 100 mpls-labels 200", "mpls-labels given twice" },
};

TEST_F(args, rejects_with_reason)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad_cases); i++) {
		memset(&self->d, 0, sizeof(self->d));
		EXPECT_EQ(-EINVAL, parse(_metadata, &self->d, self->err,
					 ALL | UDP | NM, bad_cases[i].line))
			TH_LOG("accepted \"%s\"", bad_cases[i].line);
		EXPECT_STREQ(bad_cases[i].err, self->err);
	}
}

TEST_F(args, udp_socket_and_port)
{
	ASSERT_EQ(0, parse(_metadata, &self->d, self->err, UDP,
			   "udp-socket 3 remote-port 4501"));
	EXPECT_EQ(UDP, self->d.has);
	EXPECT_EQ(3, self->d.udp_fd);
	EXPECT_EQ(4501, self->d.remote_port);
	memset(&self->d, 0, sizeof(self->d));
	ASSERT_EQ(0, parse(_metadata, &self->d, self->err, UDP,
			   "udp-socket none"));
	EXPECT_EQ(-1, self->d.udp_fd);
}

TEST_F(args, nhrp_redirect_and_labels)
{
	ASSERT_EQ(0, parse(_metadata, &self->d, self->err, NM,
			   "nhrp-redirect 600 mpls-labels 16/1048575/100"));
	EXPECT_EQ(NM, self->d.has);
	EXPECT_EQ(600, self->d.nhrp_redirect);
	ASSERT_EQ(3, self->d.mpls_nlabels);
	EXPECT_EQ(16, self->d.mpls_labels[0]);
	EXPECT_EQ(1048575, self->d.mpls_labels[1]);
	EXPECT_EQ(100, self->d.mpls_labels[2]);

	memset(&self->d, 0, sizeof(self->d));
	ASSERT_EQ(0, parse(_metadata, &self->d, self->err, NM,
			   "mpls-labels none nhrp-redirect 0"));
	EXPECT_EQ(NM, self->d.has);
	EXPECT_EQ(0, self->d.mpls_nlabels);
	EXPECT_EQ(0, self->d.nhrp_redirect);

	memset(&self->d, 0, sizeof(self->d));
	ASSERT_EQ(0, parse(_metadata, &self->d, self->err, NM,
			   "mpls-labels 16/17/18/19/20/21/22/23"));
	EXPECT_EQ(8, self->d.mpls_nlabels);
	EXPECT_EQ(23, self->d.mpls_labels[7]);

	memset(&self->d, 0, sizeof(self->d));
	ASSERT_EQ(-EINVAL, parse(_metadata, &self->d, self->err,
				 ALL, "mpls-labels 100"));
	EXPECT_STREQ("unknown setting \"mpls-labels\"", self->err);
}

/* what kern_dev_put() added: types and payload lengths, in order */
struct put_log {
	int n;
	int type[16];
	int len[16];
	uint32_t first[16];
};

static int put_record(void *ctx, int type, const void *data, int len)
{
	struct put_log *log = ctx;

	if (log->n == 16)
		return -1;
	log->type[log->n] = type;
	log->len[log->n] = len;
	log->first[log->n] = 0;
	if (len >= 4)
		memcpy(&log->first[log->n], data, 4);
	log->n++;
	return 0;
}

TEST(put_redirect_and_labels)
{
	struct kern_dev d = {
		.has = NM, .nhrp_redirect = 30, .mpls_nlabels = 2,
		.mpls_labels = { 100, 200 },
	};
	struct put_log log = { 0 };

	ASSERT_EQ(0, kern_dev_put(&d, &kern_dev_genl_types, put_record, &log));
	ASSERT_EQ(2, log.n);
	EXPECT_EQ(FLEXVTI_A_NHRP_REDIRECT, log.type[0]);
	EXPECT_EQ(4, log.len[0]);
	EXPECT_EQ(30, log.first[0]);
	EXPECT_EQ(FLEXVTI_A_MPLS_LABELS, log.type[1]);
	EXPECT_EQ(8, log.len[1]);
	EXPECT_EQ(100, log.first[1]);

	/* no label stack on a link; the timeout goes there too */
	memset(&log, 0, sizeof(log));
	ASSERT_EQ(0, kern_dev_put(&d, &kern_dev_link_types, put_record, &log));
	ASSERT_EQ(1, log.n);
	EXPECT_EQ(IFLA_FLEXVTI_NHRP_REDIRECT, log.type[0]);

	/* an empty stack is an empty attribute: it removes the labels */
	memset(&log, 0, sizeof(log));
	d.has = KERN_DEV_HAS_MPLS_LABELS;
	d.mpls_nlabels = 0;
	ASSERT_EQ(0, kern_dev_put(&d, &kern_dev_genl_types, put_record, &log));
	ASSERT_EQ(1, log.n);
	EXPECT_EQ(FLEXVTI_A_MPLS_LABELS, log.type[0]);
	EXPECT_EQ(0, log.len[0]);
}

TEST_F(args, template_only_where_allowed)
{
	ASSERT_EQ(-EINVAL, parse(_metadata, &self->d, self->err,
				 ALL & ~KERN_DEV_HAS_TEMPLATE, "template 1"));
	EXPECT_STREQ("unknown setting \"template\"", self->err);
}

static char *print(const struct kern_dev *d, bool json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	kern_dev_print(f, d, json);
	fclose(f);
	return buf;
}

TEST(print_text_and_json)
{
	struct kern_dev d = {
		.ifindex = 5, .name = "va\"1", .mode = FLEXVTI_MODE_GRE,
		.template_id = 1, .nhrp_network_id = 9, .family = AF_INET,
		.has = KERN_DEV_HAS_LOCAL | KERN_DEV_HAS_REMOTE,
	};
	char *s;

	inet_pton(AF_INET, "192.0.2.1", &d.local.v4);
	inet_pton(AF_INET, "192.0.2.2", &d.remote.v4);
	s = print(&d, false);
	EXPECT_STREQ("va\"1: mode gre template 1 nhrp-network-id 9 "
		     "local 192.0.2.1 remote 192.0.2.2\n", s);
	free(s);
	s = print(&d, true);
	EXPECT_STREQ("{\"ifindex\":5,\"ifname\":\"va\\\"1\",\"mode\":\"gre\","
		     "\"template\":1,\"nhrp_network_id\":9,"
		     "\"local\":\"192.0.2.1\",\"remote\":\"192.0.2.2\"}", s);
	free(s);
}

TEST(print_redirect_and_labels)
{
	struct kern_dev d = {
		.ifindex = 6, .name = "va4", .mode = FLEXVTI_MODE_GRE,
		.nhrp_network_id = 1, .nhrp_redirect = 3, .mpls_nlabels = 2,
		.mpls_labels = { 100, 1048575 }, .has = NM,
	};
	char *s = print(&d, false);

	EXPECT_STREQ("va4: mode gre template 0 nhrp-network-id 1 "
		     "nhrp-redirect 3 mpls-labels 100/1048575\n", s);
	free(s);
	s = print(&d, true);
	EXPECT_STREQ("{\"ifindex\":6,\"ifname\":\"va4\",\"mode\":\"gre\","
		     "\"template\":0,\"nhrp_network_id\":1,"
		     "\"nhrp_redirect\":3,\"mpls_labels\":[100,1048575]}", s);
	free(s);

	/* off and empty: the text leaves them out, JSON has the timeout */
	d.nhrp_redirect = 0;
	d.mpls_nlabels = 0;
	s = print(&d, false);
	EXPECT_STREQ("va4: mode gre template 0 nhrp-network-id 1\n", s);
	free(s);
	s = print(&d, true);
	EXPECT_STREQ("{\"ifindex\":6,\"ifname\":\"va4\",\"mode\":\"gre\","
		     "\"template\":0,\"nhrp_network_id\":1,"
		     "\"nhrp_redirect\":0}", s);
	free(s);
}

TEST(print_nhrp_counters)
{
	struct kern_dev d = {
		.name = "va5", .mode = FLEXVTI_MODE_GRE,
		.has = KERN_DEV_HAS_STATS,
		.stats = { .nhrp_redirects = 2, .nhrp_redirects_limited = 7 },
	};
	char *s = print(&d, false);

	EXPECT_STREQ("va5: mode gre template 0 nhrp-network-id 0\n"
		     "    rx 0 packets 0 bytes tx 0 packets 0 bytes\n"
		     "    drops replay 0 auth 0 no-sa 0 malformed 0 mtu 0 "
		     "other 0 acl 0 policer 0\n"
		     "    nhrp-redirects 2 limited 7\n", s);
	free(s);
}

TEST(print_without_endpoints)
{
	struct kern_dev d = { .name = "va2", .mode = FLEXVTI_MODE_IPSEC };
	char *s = print(&d, false);

	EXPECT_STREQ("va2: mode ipsec template 0 nhrp-network-id 0\n", s);
	free(s);
}

TEST(print_with_stats)
{
	struct kern_dev d = {
		.ifindex = 3, .name = "va3", .mode = FLEXVTI_MODE_IPSEC,
		.has = KERN_DEV_HAS_STATS,
		.stats = { .rx_packets = 1, .rx_bytes = 84, .drop_no_sa = 3 },
	};
	char *s = print(&d, false);

	EXPECT_STREQ("va3: mode ipsec template 0 nhrp-network-id 0\n"
		     "    rx 1 packets 84 bytes tx 0 packets 0 bytes\n"
		     "    drops replay 0 auth 0 no-sa 3 malformed 0 mtu 0 "
		     "other 0 acl 0 policer 0\n", s);
	free(s);
	s = print(&d, true);
	EXPECT_STREQ("{\"ifindex\":3,\"ifname\":\"va3\",\"mode\":\"ipsec\","
		     "\"template\":0,\"nhrp_network_id\":0,\"stats\":{"
		     "\"rx_packets\":1,\"rx_bytes\":84,\"tx_packets\":0,"
		     "\"tx_bytes\":0,\"drop_replay\":0,\"drop_auth\":0,"
		     "\"drop_no_sa\":3,\"drop_malformed\":0,\"drop_mtu\":0,"
		     "\"drop_other\":0,\"drop_acl\":0,\"drop_policer\":0,"
		     "\"nhrp_redirects\":0,\"nhrp_redirects_limited\":0}}",
		     s);
	free(s);
}

TEST(mode_names)
{
	EXPECT_STREQ("ipsec", kern_dev_mode_name(FLEXVTI_MODE_IPSEC));
	EXPECT_STREQ("gre", kern_dev_mode_name(FLEXVTI_MODE_GRE));
	EXPECT_STREQ("unknown", kern_dev_mode_name(0));
	EXPECT_STREQ("unknown", kern_dev_mode_name(FLEXVTI_MODE_MAX + 1));
}

TEST_HARNESS_MAIN
