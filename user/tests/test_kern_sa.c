// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of user/lib/kern_sa.c, kern_stats.c and kern_event.c: the
 * words of "flexvtictl sa ...", SA attributes in requests and replies,
 * the printed form of SAs, counters and notifications, and that key
 * material is wiped and never printed.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/flexvti.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include "kselftest_harness.h"
#include "../lib/kern_event.h"
#include "../lib/kern_nl.h"
#include "../lib/kern_sa.h"

#define ERRLEN 192
#define KEY16 "00112233445566778899aabbccddeeff"

FIXTURE(args) {
	struct kern_sa sa;
	char err[ERRLEN];
};

FIXTURE_SETUP(args)
{
	memset(&self->sa, 0, sizeof(self->sa));
	self->err[0] = '\0';
}

FIXTURE_TEARDOWN(args)
{
}

static int parse(struct __test_metadata *_metadata, struct kern_sa *sa,
		 char *err, unsigned int allowed, unsigned int required,
		 const char *line)
{
	char *copy = strdup(line), *argv[40], *tok, *save;
	int argc = 0, ret;

	ASSERT_NE(NULL, copy);
	for (tok = strtok_r(copy, " ", &save); tok && argc < 40;
	     tok = strtok_r(NULL, " ", &save))
		argv[argc++] = tok;
	ret = kern_sa_parse_args(argc, argv, allowed, required, sa, err,
				 ERRLEN);
	free(copy);
	return ret;
}

/* the words of "sa add", none required */
#define PARSE(line) \
	parse(_metadata, &self->sa, self->err, KERN_SA_ARGS_ADD, 0, line)
#define PARSE_ADD(line) \
	parse(_metadata, &self->sa, self->err, KERN_SA_ARGS_ADD, \
	      KERN_SA_ARGS_ADD_REQUIRED, line)

static bool all_zero(const void *p, size_t len)
{
	const unsigned char *c = p;

	while (len--)
		if (*c++)
			return false;
	return true;
}

static bool keys_wiped(const struct kern_sa *sa)
{
	return all_zero(&sa->key, sizeof(sa->key)) &&
	       all_zero(&sa->salt, sizeof(sa->salt)) &&
	       all_zero(&sa->auth_key, sizeof(sa->auth_key)) &&
	       !(sa->has & KERN_SA_HAS_KEYS);
}

static const uint8_t key16[16] = {
	0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
	0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff,
};

TEST_F(args, add_all_settings)
{
	const uint8_t salt[4] = { 0xde, 0xad, 0xbe, 0xef };

	ASSERT_EQ(0, PARSE_ADD("dir out spi 0x1000 alg aes-gcm key 0x" KEY16
			       " salt DEADBEEF icv 12 esn replay-window 64"
			       " soft-bytes 1000 hard-bytes 2000"
			       " soft-packets 10"
			       " hard-packets 18446744073709551615"
			       " seq 42"));
	EXPECT_EQ(KERN_SA_ARGS_ADD & ~KERN_SA_HAS_AUTH_KEY, self->sa.has);
	EXPECT_EQ(FLEXVTI_SA_DIR_OUT, self->sa.dir);
	EXPECT_EQ(0x1000, self->sa.spi);
	EXPECT_EQ(FLEXVTI_SA_ALG_AES_GCM, self->sa.alg);
	ASSERT_EQ(16, self->sa.key.len);
	EXPECT_EQ(0, memcmp(key16, self->sa.key.data, 16));
	ASSERT_EQ(4, self->sa.salt.len);
	EXPECT_EQ(0, memcmp(salt, self->sa.salt.data, 4));
	EXPECT_EQ(12, self->sa.icv_len);
	EXPECT_TRUE(self->sa.esn);
	EXPECT_EQ(64, self->sa.replay_window);
	EXPECT_EQ(1000, self->sa.soft_bytes);
	EXPECT_EQ(2000, self->sa.hard_bytes);
	EXPECT_EQ(10, self->sa.soft_packets);
	EXPECT_EQ(UINT64_MAX, self->sa.hard_packets);
	EXPECT_EQ(42, self->sa.seq);
	kern_sa_wipe(&self->sa);
	EXPECT_TRUE(keys_wiped(&self->sa));
}

TEST_F(args, every_algorithm)
{
	static const struct {
		const char *name;
		uint32_t alg;
	} algs[] = {
		{ "aes-gcm", FLEXVTI_SA_ALG_AES_GCM },
		{ "chacha20-poly1305", FLEXVTI_SA_ALG_CHACHA20_POLY1305 },
		{ "aes-cbc-sha1", FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA1 },
		{ "aes-cbc-sha256", FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA256 },
		{ "aes-cbc-sha384", FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA384 },
		{ "aes-cbc-sha512", FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA512 },
	};
	char line[64];
	size_t i;

	ASSERT_EQ(FLEXVTI_SA_ALG_MAX, ARRAY_SIZE(algs));
	for (i = 0; i < ARRAY_SIZE(algs); i++) {
		memset(&self->sa, 0, sizeof(self->sa));
		snprintf(line, sizeof(line), "alg %s", algs[i].name);
		ASSERT_EQ(0, PARSE(line));
		EXPECT_EQ(algs[i].alg, self->sa.alg);
		EXPECT_STREQ(algs[i].name, kern_sa_alg_name(algs[i].alg));
	}
}

TEST_F(args, spi_forms)
{
	static const struct {
		const char *word;
		uint32_t spi;
	} good[] = {
		{ "4096", 4096 }, { "0x1000", 4096 }, { "0X1000", 4096 },
		{ "0xAbCd", 0xabcd }, { "010", 10 }, { "0", 0 },
		{ "4294967295", UINT32_MAX }, { "0xffffffff", UINT32_MAX },
	};
	static const char *const bad[] = {
		"4294967296", "0x100000000", "-1", "+1", "0x", "abc", "12x",
		"0x12g", " 1", "", "1.5",
	};
	char line[64];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(good); i++) {
		memset(&self->sa, 0, sizeof(self->sa));
		snprintf(line, sizeof(line), "spi %s", good[i].word);
		ASSERT_EQ(0, PARSE(line));
		EXPECT_EQ(good[i].spi, self->sa.spi);
		EXPECT_EQ(KERN_SA_HAS_SPI, self->sa.has);
	}
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		char *argv[] = { "spi", (char *)bad[i] };
		char want[ERRLEN];

		memset(&self->sa, 0, sizeof(self->sa));
		EXPECT_EQ(-EINVAL, kern_sa_parse_args(2, argv, KERN_SA_HAS_SPI,
						      0, &self->sa, self->err,
						      ERRLEN))
			TH_LOG("accepted spi \"%s\"", bad[i]);
		snprintf(want, sizeof(want),
			 "spi \"%s\" is not a number from 0 to 4294967295 (decimal or 0x-hex)",
			 bad[i]);
		EXPECT_STREQ(want, self->err);
	}
}

struct bad_case {
	const char *line;
	const char *err;
};

static const struct bad_case bad_cases[] = {
	{ "alg aes-ccm", "unknown algorithm \"aes-ccm\" (aes-gcm, "
	  "chacha20-poly1305, aes-cbc-sha1, aes-cbc-sha256, aes-cbc-sha384 "
	  "or aes-cbc-sha512)" },
	{ "alg AES-GCM", "unknown algorithm \"AES-GCM\" (aes-gcm, "
	  "chacha20-poly1305, aes-cbc-sha1, aes-cbc-sha256, aes-cbc-sha384 "
	  "or aes-cbc-sha512)" },
	{ "dir both", "unknown direction \"both\" (in or out)" },
	{ "color blue", "unknown setting \"color\"" },
	{ "dir in dir out", "dir given twice" },
	{ "esn esn", "esn given twice" },
	{ "spi", "spi needs a value" },
	{ "dir in key", "key needs a value" },
	{ "icv 4294967296",
	  "icv \"4294967296\" is not a number from 0 to 4294967295" },
	{ "icv 0x10", "icv \"0x10\" is not a number from 0 to 4294967295" },
	{ "replay-window -1",
	  "replay-window \"-1\" is not a number from 0 to 4294967295" },
	{ "soft-bytes 18446744073709551616",
	  "soft-bytes \"18446744073709551616\" is not a number from 0 to "
	  "18446744073709551615" },
	{ "hard-bytes 1e3",
	  "hard-bytes \"1e3\" is not a number from 0 to 18446744073709551615" },
	{ "soft-packets -5", "soft-packets \"-5\" is not a number from 0 to "
	  "18446744073709551615" },
	{ "hard-packets x", "hard-packets \"x\" is not a number from 0 to "
	  "18446744073709551615" },
	{ "seq 99999999999999999999", "seq \"99999999999999999999\" is not a "
	  "number from 0 to 18446744073709551615" },
	{ "key zz", "key is not hexadecimal" },
	{ "key 0x" KEY16 "0g", "key is not hexadecimal" },
	{ "salt 0x123", "salt has an odd number of hex digits" },
	{ "auth-key abc", "auth-key has an odd number of hex digits" },
	{ "key 0x", "key is empty" },
	{ "key @", "key: cannot read \"\": No such file or directory" },
	{ "key " KEY16 KEY16 KEY16 KEY16 "00",
	  "key is longer than 64 bytes" },
};

TEST_F(args, rejects_with_reason)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad_cases); i++) {
		memset(&self->sa, 0, sizeof(self->sa));
		EXPECT_EQ(-EINVAL, PARSE(bad_cases[i].line))
			TH_LOG("accepted \"%s\"", bad_cases[i].line);
		EXPECT_STREQ(bad_cases[i].err, self->err);
	}
}

TEST_F(args, longest_key)
{
	ASSERT_EQ(0, PARSE("auth-key " KEY16 KEY16 KEY16 KEY16));
	EXPECT_EQ(KERN_SA_KEY_MAX, self->sa.auth_key.len);
	EXPECT_EQ(0, memcmp(key16, self->sa.auth_key.data + 48, 16));
	kern_sa_wipe(&self->sa);
}

TEST_F(args, missing_required_words)
{
	static const struct bad_case missing[] = {
		{ "", "missing dir" },
		{ "dir in", "missing spi" },
		{ "dir in spi 256", "missing alg" },
		{ "dir in spi 256 alg aes-gcm", "missing key" },
		{ "spi 256 alg aes-gcm key " KEY16, "missing dir" },
		{ "dir in spi 256 alg aes-gcm salt 01020304 auth-key " KEY16,
		  "missing key" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(missing); i++) {
		memset(&self->sa, 0, sizeof(self->sa));
		EXPECT_EQ(-EINVAL, PARSE_ADD(missing[i].line))
			TH_LOG("accepted \"%s\"", missing[i].line);
		EXPECT_STREQ(missing[i].err, self->err);
		EXPECT_TRUE(keys_wiped(&self->sa));
	}
}

TEST_F(args, words_only_where_allowed)
{
	const unsigned int del = KERN_SA_HAS_DIR | KERN_SA_HAS_SPI;

	ASSERT_EQ(-EINVAL, parse(_metadata, &self->sa, self->err, del, del,
				 "dir in spi 256 alg aes-gcm"));
	EXPECT_STREQ("unknown setting \"alg\"", self->err);
	memset(&self->sa, 0, sizeof(self->sa));
	ASSERT_EQ(-EINVAL, parse(_metadata, &self->sa, self->err,
				 KERN_SA_HAS_SPI, KERN_SA_HAS_SPI, ""));
	EXPECT_STREQ("missing spi", self->err);
	memset(&self->sa, 0, sizeof(self->sa));
	ASSERT_EQ(0, parse(_metadata, &self->sa, self->err, del, 0,
			   "dir in"));
	EXPECT_EQ(FLEXVTI_SA_DIR_IN, self->sa.dir);
}

TEST_F(args, esn_is_a_flag)
{
	ASSERT_EQ(0, PARSE("dir in esn spi 300"));
	EXPECT_TRUE(self->sa.esn);
	EXPECT_EQ(KERN_SA_HAS_DIR | KERN_SA_HAS_ESN | KERN_SA_HAS_SPI,
		  self->sa.has);
	EXPECT_EQ(300, self->sa.spi);
	memset(&self->sa, 0, sizeof(self->sa));
	ASSERT_EQ(0, PARSE("spi 300 esn"));
	EXPECT_TRUE(self->sa.esn);
	memset(&self->sa, 0, sizeof(self->sa));
	ASSERT_EQ(0, PARSE("spi 300"));
	EXPECT_FALSE(self->sa.esn);
}

TEST_F(args, keys_wiped_on_every_error)
{
	static const char *const lines[] = {
		"key " KEY16 " salt 01020304 auth-key " KEY16 " icv x",
		"key " KEY16 " salt 01020304 auth-key zz",
		"key " KEY16 " salt 01020304 key " KEY16,
		"key " KEY16 " bogus",
		"auth-key " KEY16 " salt 0102030",
		"key " KEY16 " spi",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(lines); i++) {
		memset(&self->sa, 0, sizeof(self->sa));
		EXPECT_EQ(-EINVAL, PARSE(lines[i]));
		EXPECT_TRUE(keys_wiped(&self->sa))
			TH_LOG("key left after \"%s\"", lines[i]);
		EXPECT_EQ(NULL, strstr(self->err, "00112233"));
	}
}

TEST_F(args, errors_never_show_keys)
{
	ASSERT_EQ(-EINVAL, PARSE("key 00112233445566778899aabbccddeefg"));
	EXPECT_EQ(NULL, strstr(self->err, "0011"));
	ASSERT_EQ(-EINVAL, PARSE("salt 0011223"));
	EXPECT_EQ(NULL, strstr(self->err, "0011"));
}

static void write_file(struct __test_metadata *_metadata, char *path,
		       const char *text)
{
	int fd = mkstemp(path);

	ASSERT_LE(0, fd);
	ASSERT_EQ((ssize_t)strlen(text), write(fd, text, strlen(text)));
	close(fd);
}

TEST_F(args, key_from_file)
{
	char path[] = "/tmp/test_kern_sa.XXXXXX", line[128];

	write_file(_metadata, path, "  0x" KEY16 "\n");
	snprintf(line, sizeof(line), "key @%s auth-key @%s", path, path);
	ASSERT_EQ(0, PARSE(line));
	ASSERT_EQ(16, self->sa.key.len);
	EXPECT_EQ(0, memcmp(key16, self->sa.key.data, 16));
	ASSERT_EQ(16, self->sa.auth_key.len);
	kern_sa_wipe(&self->sa);
	unlink(path);
}

TEST_F(args, bad_key_files)
{
	char path[] = "/tmp/test_kern_sa.XXXXXX", line[128], want[ERRLEN];
	char big[300];

	write_file(_metadata, path, "0x00 112\n");
	snprintf(line, sizeof(line), "salt @%s", path);
	EXPECT_EQ(-EINVAL, PARSE(line));
	EXPECT_STREQ("salt is not hexadecimal", self->err);
	unlink(path);

	memset(big, '0', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	strcpy(path, "/tmp/test_kern_sa.XXXXXX");
	write_file(_metadata, path, big);
	snprintf(line, sizeof(line), "key @%s", path);
	memset(&self->sa, 0, sizeof(self->sa));
	EXPECT_EQ(-EINVAL, PARSE(line));
	snprintf(want, sizeof(want), "key: \"%s\" is too long", path);
	EXPECT_STREQ(want, self->err);
	unlink(path);

	strcpy(path, "/tmp/test_kern_sa.XXXXXX");
	write_file(_metadata, path, "\n");
	snprintf(line, sizeof(line), "key @%s", path);
	memset(&self->sa, 0, sizeof(self->sa));
	EXPECT_EQ(-EINVAL, PARSE(line));
	EXPECT_STREQ("key is empty", self->err);
	unlink(path);

	memset(&self->sa, 0, sizeof(self->sa));
	EXPECT_EQ(-EINVAL, PARSE("key @/nonexistent/key"));
	EXPECT_STREQ("key: cannot read \"/nonexistent/key\": "
		     "No such file or directory", self->err);
}

/* a genl message as the kernel or flexvtictl would send it */
static struct nl_msg *genl_msg(uint8_t cmd)
{
	struct nl_msg *msg = nlmsg_alloc();

	if (msg && !genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, 0x20, 0, 0,
				cmd, FLEXVTI_FAMILY_VERSION)) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return msg;
}

TEST(put_sends_settings_and_wipes_keys)
{
	struct nlattr *tb[FLEXVTI_A_MAX + 1];
	struct kern_sa sa = {
		.ifindex = 7, .dir = FLEXVTI_SA_DIR_IN, .spi = 0x1234,
		.alg = FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA256, .esn = true,
		.replay_window = 128, .hard_bytes = 1ull << 40, .seq = 5,
		.has = KERN_SA_HAS_DIR | KERN_SA_HAS_SPI | KERN_SA_HAS_ALG |
		       KERN_SA_HAS_KEY | KERN_SA_HAS_AUTH_KEY |
		       KERN_SA_HAS_ESN | KERN_SA_HAS_REPLAY_WINDOW |
		       KERN_SA_HAS_HARD_BYTES | KERN_SA_HAS_SEQ,
	};
	struct nl_msg *msg = genl_msg(FLEXVTI_CMD_SA_NEW);

	ASSERT_NE(NULL, msg);
	sa.key.len = 16;
	memcpy(sa.key.data, key16, 16);
	sa.auth_key.len = 32;
	memset(sa.auth_key.data, 0xa5, 32);
	ASSERT_EQ(0, kern_sa_put(&sa, msg));
	EXPECT_TRUE(keys_wiped(&sa));

	ASSERT_EQ(0, genlmsg_parse(nlmsg_hdr(msg), 0, tb, FLEXVTI_A_MAX, NULL));
	ASSERT_NE(NULL, tb[FLEXVTI_A_IFINDEX]);
	EXPECT_EQ(7, nla_get_u32(tb[FLEXVTI_A_IFINDEX]));
	EXPECT_EQ(FLEXVTI_SA_DIR_IN, nla_get_u32(tb[FLEXVTI_A_SA_DIR]));
	EXPECT_EQ(0x1234, nla_get_u32(tb[FLEXVTI_A_SA_SPI]));
	EXPECT_EQ(FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA256,
		  nla_get_u32(tb[FLEXVTI_A_SA_ALG]));
	ASSERT_NE(NULL, tb[FLEXVTI_A_SA_KEY]);
	ASSERT_EQ(16, nla_len(tb[FLEXVTI_A_SA_KEY]));
	EXPECT_EQ(0, memcmp(key16, nla_data(tb[FLEXVTI_A_SA_KEY]), 16));
	ASSERT_NE(NULL, tb[FLEXVTI_A_SA_AUTH_KEY]);
	EXPECT_EQ(32, nla_len(tb[FLEXVTI_A_SA_AUTH_KEY]));
	EXPECT_EQ(NULL, tb[FLEXVTI_A_SA_SALT]);
	EXPECT_NE(NULL, tb[FLEXVTI_A_SA_ESN]);
	EXPECT_EQ(128, nla_get_u32(tb[FLEXVTI_A_SA_REPLAY_WINDOW]));
	ASSERT_NE(NULL, tb[FLEXVTI_A_SA_HARD_BYTES]);
	EXPECT_EQ(1ull << 40, nla_get_u64(tb[FLEXVTI_A_SA_HARD_BYTES]));
	EXPECT_EQ(5, nla_get_u64(tb[FLEXVTI_A_SA_SEQ]));
	EXPECT_EQ(NULL, tb[FLEXVTI_A_SA_SOFT_BYTES]);
	EXPECT_EQ(NULL, tb[FLEXVTI_A_SA_ICV_LEN]);
	nlmsg_free(msg);
}

TEST(put_wipes_keys_when_the_message_is_full)
{
	struct kern_sa sa = {
		.ifindex = 7, .has = KERN_SA_HAS_KEY | KERN_SA_HAS_SALT,
	};
	struct nl_msg *msg = nlmsg_alloc_size(NLMSG_HDRLEN + 16);

	ASSERT_NE(NULL, msg);
	sa.key.len = 64;
	memset(sa.key.data, 0x5a, 64);
	sa.salt.len = 4;
	memset(sa.salt.data, 0x5a, 4);
	EXPECT_EQ(-ENOMEM, kern_sa_put(&sa, msg));
	EXPECT_TRUE(keys_wiped(&sa));
	nlmsg_free(msg);
}

static struct nl_msg *sa_reply(struct __test_metadata *_metadata,
			       bool with_stats)
{
	struct nl_msg *msg = genl_msg(FLEXVTI_CMD_SA_GET);
	struct nlattr *nest;

	if (!msg)
		return NULL;
	EXPECT_EQ(0, nla_put_u32(msg, FLEXVTI_A_IFINDEX, 9));
	EXPECT_EQ(0, nla_put_string(msg, FLEXVTI_A_IFNAME, "va1"));
	EXPECT_EQ(0, nla_put_u32(msg, FLEXVTI_A_SA_DIR, FLEXVTI_SA_DIR_OUT));
	EXPECT_EQ(0, nla_put_u32(msg, FLEXVTI_A_SA_SPI, 0x1000));
	EXPECT_EQ(0, nla_put_u32(msg, FLEXVTI_A_SA_ALG,
				 FLEXVTI_SA_ALG_CHACHA20_POLY1305));
	EXPECT_EQ(0, nla_put(msg, FLEXVTI_A_SA_KEY, 4, "\x01\x02\x03\x04"));
	EXPECT_EQ(0, nla_put_u32(msg, FLEXVTI_A_SA_ICV_LEN, 16));
	EXPECT_EQ(0, nla_put_u32(msg, FLEXVTI_A_SA_REPLAY_WINDOW, 1024));
	EXPECT_EQ(0, nla_put_u64(msg, FLEXVTI_A_SA_SOFT_PACKETS, 100));
	EXPECT_EQ(0, nla_put_u64(msg, FLEXVTI_A_SA_SEQ, 42));
	EXPECT_EQ(0, nla_put_flag(msg, FLEXVTI_A_SA_ACTIVE));
	if (!with_stats)
		return msg;
	nest = nla_nest_start(msg, FLEXVTI_A_STATS | NLA_F_NESTED);
	EXPECT_NE(NULL, nest);
	EXPECT_EQ(0, nla_put(msg, FLEXVTI_STATS_A_PAD, 0, NULL));
	EXPECT_EQ(0, nla_put_u64(msg, FLEXVTI_STATS_A_TX_PACKETS, 42));
	EXPECT_EQ(0, nla_put_u64(msg, FLEXVTI_STATS_A_TX_BYTES, 5000));
	EXPECT_EQ(0, nla_put_u64(msg, FLEXVTI_STATS_A_DROP_OTHER, 1ull << 33));
	nla_nest_end(msg, nest);
	return msg;
}

TEST(parse_reply)
{
	struct nl_msg *msg = sa_reply(_metadata, true);
	struct kern_sa sa;

	ASSERT_NE(NULL, msg);
	ASSERT_EQ(0, kern_sa_parse(msg, &sa));
	EXPECT_EQ(9, sa.ifindex);
	EXPECT_STREQ("va1", sa.ifname);
	EXPECT_EQ(FLEXVTI_SA_DIR_OUT, sa.dir);
	EXPECT_EQ(0x1000, sa.spi);
	EXPECT_EQ(FLEXVTI_SA_ALG_CHACHA20_POLY1305, sa.alg);
	EXPECT_EQ(16, sa.icv_len);
	EXPECT_EQ(1024, sa.replay_window);
	EXPECT_EQ(100, sa.soft_packets);
	EXPECT_EQ(42, sa.seq);
	EXPECT_TRUE(sa.active);
	EXPECT_FALSE(sa.esn);
	EXPECT_TRUE(sa.has & KERN_SA_HAS_STATS);
	EXPECT_TRUE(keys_wiped(&sa));
	EXPECT_EQ(42, sa.stats.tx_packets);
	EXPECT_EQ(5000, sa.stats.tx_bytes);
	EXPECT_EQ(1ull << 33, sa.stats.drop_other);
	EXPECT_EQ(0, sa.stats.rx_packets);
	nlmsg_free(msg);
}

TEST(parse_rejects_malformed)
{
	struct nl_msg *msg = genl_msg(FLEXVTI_CMD_SA_GET);
	struct nlattr *nest;
	struct kern_sa sa;

	ASSERT_NE(NULL, msg);
	ASSERT_EQ(0, nla_put_u32(msg, FLEXVTI_A_SA_SPI, 0x1000));
	EXPECT_EQ(-EINVAL, kern_sa_parse(msg, &sa));	/* no ifindex */
	ASSERT_EQ(0, nla_put_u32(msg, FLEXVTI_A_IFINDEX, 9));
	ASSERT_EQ(0, kern_sa_parse(msg, &sa));
	nest = nla_nest_start(msg, FLEXVTI_A_STATS);
	ASSERT_NE(NULL, nest);
	ASSERT_EQ(0, nla_put_u32(msg, FLEXVTI_STATS_A_RX_PACKETS, 1));
	nla_nest_end(msg, nest);
	EXPECT_EQ(-EINVAL, kern_sa_parse(msg, &sa));	/* a u32 counter */
	nlmsg_free(msg);

	msg = genl_msg(FLEXVTI_CMD_SA_GET);
	ASSERT_NE(NULL, msg);
	ASSERT_EQ(0, nla_put_u32(msg, FLEXVTI_A_IFINDEX, 9));
	ASSERT_EQ(0, nla_put_u32(msg, FLEXVTI_A_SA_SEQ, 1));
	EXPECT_EQ(-EINVAL, kern_sa_parse(msg, &sa));	/* a u32 seq */
	nlmsg_free(msg);
}

TEST(stats_parse_bounds)
{
	/* one u64 attribute, then a header claiming more than is left */
	uint8_t buf[12 + 4] = {
		12, 0, FLEXVTI_STATS_A_RX_BYTES, 0, 1, 0, 0, 0, 0, 0, 0, 0,
		8, 0, FLEXVTI_STATS_A_TX_BYTES, 0,
	};
	struct kern_stats s;

	EXPECT_EQ(0, kern_stats_parse(buf, 12, &s));
	EXPECT_EQ(1, s.rx_bytes);
	EXPECT_EQ(-EINVAL, kern_stats_parse(buf, sizeof(buf), &s));
	EXPECT_EQ(-EINVAL, kern_stats_parse(buf, 14, &s));
	EXPECT_EQ(0, kern_stats_parse(buf, 0, &s));
	buf[0] = 3;
	EXPECT_EQ(-EINVAL, kern_stats_parse(buf, 12, &s));
}

static char *print_sa(const struct kern_sa *sa, bool json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	kern_sa_print(f, sa, json);
	fclose(f);
	return buf;
}

static void fill_sa(struct kern_sa *sa)
{
	memset(sa, 0, sizeof(*sa));
	sa->ifindex = 9;
	strcpy(sa->ifname, "va1");
	sa->dir = FLEXVTI_SA_DIR_OUT;
	sa->spi = 0x1000;
	sa->alg = FLEXVTI_SA_ALG_AES_GCM;
	sa->icv_len = 16;
	sa->esn = true;
	sa->replay_window = 1024;
	sa->seq = 42;
	sa->active = true;
	sa->hard_bytes = 1ull << 40;
	sa->soft_packets = 7;
	sa->stats.tx_packets = 42;
	sa->stats.tx_bytes = 5000;
	sa->stats.drop_mtu = 3;
	sa->stats.drop_other = UINT64_MAX;
	sa->has = KERN_SA_HAS_DIR | KERN_SA_HAS_SPI | KERN_SA_HAS_ALG |
		  KERN_SA_HAS_ICV | KERN_SA_HAS_ESN | KERN_SA_HAS_SEQ |
		  KERN_SA_HAS_REPLAY_WINDOW |
		  KERN_SA_HAS_ACTIVE | KERN_SA_HAS_STATS;
	/* as if a key had been given: never printed */
	sa->key.len = 16;
	memcpy(sa->key.data, key16, 16);
}

TEST(print_text)
{
	struct kern_sa sa;
	char *s;

	fill_sa(&sa);
	s = print_sa(&sa, false);
	EXPECT_STREQ("va1 out spi 0x00001000 alg aes-gcm icv 16 esn "
		     "replay-window 1024 seq 42 active\n"
		     "    lifetime soft-bytes 0 hard-bytes 1099511627776 "
		     "soft-packets 7 hard-packets 0\n"
		     "    rx 0 packets 0 bytes tx 42 packets 5000 bytes\n"
		     "    drops replay 0 auth 0 no-sa 0 malformed 0 mtu 3 "
		     "other 18446744073709551615 acl 0 policer 0\n", s);
	free(s);

	sa.esn = sa.active = false;
	sa.dir = FLEXVTI_SA_DIR_IN;
	sa.spi = 0xfedcba98;
	sa.alg = FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA512;
	sa.has &= ~KERN_SA_HAS_STATS;
	s = print_sa(&sa, false);
	EXPECT_STREQ("va1 in spi 0xfedcba98 alg aes-cbc-sha512 icv 16 "
		     "replay-window 1024 seq 42\n"
		     "    lifetime soft-bytes 0 hard-bytes 1099511627776 "
		     "soft-packets 7 hard-packets 0\n", s);
	free(s);

	/* outbound SAs come without a replay window */
	sa.dir = FLEXVTI_SA_DIR_OUT;
	sa.has &= ~KERN_SA_HAS_REPLAY_WINDOW;
	s = print_sa(&sa, false);
	EXPECT_STREQ("va1 out spi 0xfedcba98 alg aes-cbc-sha512 icv 16 "
		     "seq 42\n"
		     "    lifetime soft-bytes 0 hard-bytes 1099511627776 "
		     "soft-packets 7 hard-packets 0\n", s);
	free(s);
	kern_sa_wipe(&sa);
}

TEST(print_json)
{
	struct kern_sa sa;
	char *s;

	fill_sa(&sa);
	s = print_sa(&sa, true);
	EXPECT_STREQ("{\"ifname\":\"va1\",\"ifindex\":9,\"dir\":\"out\","
		     "\"spi\":4096,\"alg\":\"aes-gcm\",\"icv\":16,"
		     "\"esn\":true,\"replay_window\":1024,\"seq\":42,"
		     "\"active\":true,\"soft_bytes\":0,"
		     "\"hard_bytes\":1099511627776,\"soft_packets\":7,"
		     "\"hard_packets\":0,\"stats\":{\"rx_packets\":0,"
		     "\"rx_bytes\":0,\"tx_packets\":42,\"tx_bytes\":5000,"
		     "\"drop_replay\":0,\"drop_auth\":0,\"drop_no_sa\":0,"
		     "\"drop_malformed\":0,\"drop_mtu\":3,"
		     "\"drop_other\":18446744073709551615,"
		     "\"drop_acl\":0,\"drop_policer\":0,"
		     "\"nhrp_redirects\":0,\"nhrp_redirects_limited\":0}}", s);
	free(s);

	strcpy(sa.ifname, "v\"\\");
	sa.esn = sa.active = false;
	sa.has &= ~KERN_SA_HAS_STATS;
	sa.dir = 0;
	sa.alg = 99;
	s = print_sa(&sa, true);
	EXPECT_STREQ("{\"ifname\":\"v\\\"\\\\\",\"ifindex\":9,"
		     "\"dir\":\"unknown\",\"spi\":4096,\"alg\":\"unknown\","
		     "\"icv\":16,\"esn\":false,\"replay_window\":1024,"
		     "\"seq\":42,\"active\":false,\"soft_bytes\":0,"
		     "\"hard_bytes\":1099511627776,\"soft_packets\":7,"
		     "\"hard_packets\":0}", s);
	free(s);
	kern_sa_wipe(&sa);
}

TEST(names)
{
	EXPECT_STREQ("in", kern_sa_dir_name(FLEXVTI_SA_DIR_IN));
	EXPECT_STREQ("out", kern_sa_dir_name(FLEXVTI_SA_DIR_OUT));
	EXPECT_STREQ("unknown", kern_sa_dir_name(0));
	EXPECT_STREQ("unknown", kern_sa_dir_name(FLEXVTI_SA_DIR_MAX + 1));
	EXPECT_STREQ("unknown", kern_sa_alg_name(0));
	EXPECT_STREQ("unknown", kern_sa_alg_name(FLEXVTI_SA_ALG_MAX + 1));
	EXPECT_STREQ("soft-bytes",
		     kern_sa_event_name(FLEXVTI_SA_EVENT_SOFT_BYTES));
	EXPECT_STREQ("soft-packets",
		     kern_sa_event_name(FLEXVTI_SA_EVENT_SOFT_PACKETS));
	EXPECT_STREQ("hard-bytes",
		     kern_sa_event_name(FLEXVTI_SA_EVENT_HARD_BYTES));
	EXPECT_STREQ("hard-packets",
		     kern_sa_event_name(FLEXVTI_SA_EVENT_HARD_PACKETS));
	EXPECT_STREQ("seq-wrap", kern_sa_event_name(FLEXVTI_SA_EVENT_SEQ_WRAP));
	EXPECT_STREQ("seq-exhausted",
		     kern_sa_event_name(FLEXVTI_SA_EVENT_SEQ_EXHAUSTED));
	EXPECT_STREQ("va-deleted",
		     kern_sa_event_name(FLEXVTI_SA_EVENT_VA_DELETED));
	EXPECT_STREQ("unknown", kern_sa_event_name(0));
	EXPECT_STREQ("unknown",
		     kern_sa_event_name(FLEXVTI_SA_EVENT_VA_DELETED + 1));
}

static char *print_event(const struct kern_event *e, bool json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	kern_event_print(f, e, json);
	fclose(f);
	return buf;
}

TEST(events)
{
	struct kern_event e = { .cmd = FLEXVTI_CMD_SA_EVENT_NTF };
	char *s;

	e.sa.ifindex = 9;
	strcpy(e.sa.ifname, "va1");
	e.sa.dir = FLEXVTI_SA_DIR_OUT;
	e.sa.spi = 0x1000;
	e.sa.event = FLEXVTI_SA_EVENT_SEQ_WRAP;
	s = print_event(&e, false);
	EXPECT_STREQ("sa-event va1 dir out spi 0x00001000 event seq-wrap\n", s);
	free(s);
	s = print_event(&e, true);
	EXPECT_STREQ("{\"event\":\"sa-event\",\"ifname\":\"va1\",\"ifindex\":9,"
		     "\"dir\":\"out\",\"spi\":4096,\"reason\":\"seq-wrap\"}\n",
		     s);
	free(s);

	memset(&e, 0, sizeof(e));
	e.cmd = FLEXVTI_CMD_DEV_DEL_NTF;
	e.dev.ifindex = 9;
	strcpy(e.dev.name, "va1");
	e.del_reason = FLEXVTI_DEL_REASON_NETNS;
	s = print_event(&e, false);
	EXPECT_STREQ("dev-del va1 reason netns\n", s);
	free(s);
	s = print_event(&e, true);
	EXPECT_STREQ("{\"event\":\"dev-del\",\"ifname\":\"va1\",\"ifindex\":9,"
		     "\"reason\":\"netns\"}\n", s);
	free(s);

	e.cmd = FLEXVTI_CMD_DEV_CHANGE_NTF;
	e.dev.mode = FLEXVTI_MODE_GRE;
	e.dev.nhrp_network_id = 3;
	e.dev.family = AF_INET;
	e.dev.has = KERN_DEV_HAS_LOCAL | KERN_DEV_HAS_REMOTE;
	inet_pton(AF_INET, "192.0.2.1", &e.dev.local.v4);
	inet_pton(AF_INET, "192.0.2.2", &e.dev.remote.v4);
	s = print_event(&e, false);
	EXPECT_STREQ("dev-change va1 mode gre template 0 nhrp-network-id 3 "
		     "local 192.0.2.1 remote 192.0.2.2\n", s);
	free(s);
	s = print_event(&e, true);
	EXPECT_STREQ("{\"event\":\"dev-change\",\"ifname\":\"va1\","
		     "\"ifindex\":9,\"mode\":\"gre\",\"template\":0,"
		     "\"nhrp_network_id\":3,\"local\":\"192.0.2.1\","
		     "\"remote\":\"192.0.2.2\"}\n", s);
	free(s);
}

TEST(nhrp_redirect_event)
{
	static const uint8_t pkt[] = { 0x45, 0x00, 0x00, 0x54, 0xab };
	struct kern_event e = { .cmd = FLEXVTI_CMD_NHRP_REDIRECT_NTF };
	struct in6_addr a6, b6;
	struct in_addr a, b;
	char *s;

	e.nhrp.ifindex = 5;
	strcpy(e.nhrp.ifname, "va1");
	e.nhrp.network_id = 1;
	e.nhrp.egress_ifindex = 7;
	inet_pton(AF_INET, "192.168.11.1", &a);
	inet_pton(AF_INET, "192.168.22.9", &b);
	ASSERT_EQ(0, kern_event_nhrp_set(&e.nhrp, &a, &b, 4, pkt,
					 sizeof(pkt)));
	EXPECT_EQ(AF_INET, e.nhrp.family);
	EXPECT_EQ(5, e.nhrp.packet_len);
	s = print_event(&e, false);
	EXPECT_STREQ("nhrp-redirect va1 network-id 1 egress 7 "
		     "src 192.168.11.1 dst 192.168.22.9\n", s);
	free(s);
	s = print_event(&e, true);
	EXPECT_STREQ("{\"event\":\"nhrp-redirect\",\"ifname\":\"va1\","
		     "\"ifindex\":5,\"network_id\":1,\"egress_ifindex\":7,"
		     "\"src\":\"192.168.11.1\",\"dst\":\"192.168.22.9\","
		     "\"packet\":\"45000054ab\"}\n", s);
	free(s);

	inet_pton(AF_INET6, "fd11::1", &a6);
	inet_pton(AF_INET6, "fd22::9", &b6);
	ASSERT_EQ(0, kern_event_nhrp_set(&e.nhrp, &a6, &b6, 16, pkt, 0));
	s = print_event(&e, false);
	EXPECT_STREQ("nhrp-redirect va1 network-id 1 egress 7 "
		     "src fd11::1 dst fd22::9\n", s);
	free(s);

	EXPECT_EQ(-EINVAL, kern_event_nhrp_set(&e.nhrp, &a, &b, 5, pkt, 1));
	EXPECT_EQ(-EINVAL, kern_event_nhrp_set(&e.nhrp, &a, &b, 4, pkt,
					       FLEXVTI_NHRP_PACKET_MAX + 1));
}

/* an nhrp-redirect-ntf as the kernel sends it */
static struct nl_msg *nhrp_ntf(int alen_src, int alen_dst, int plen,
			       bool egress)
{
	struct nl_msg *msg = genl_msg(FLEXVTI_CMD_NHRP_REDIRECT_NTF);
	static const uint8_t src[16] = { 192, 168, 1, 1 };
	static const uint8_t dst[16] = { 192, 168, 2, 1 };
	uint8_t pkt[200];

	memset(pkt, 0x45, sizeof(pkt));
	if (!msg)
		return NULL;
	nla_put_u32(msg, FLEXVTI_A_IFINDEX, 5);
	nla_put_string(msg, FLEXVTI_A_IFNAME, "va1");
	nla_put_u32(msg, FLEXVTI_A_NHRP_NETWORK_ID, 1);
	if (egress)
		nla_put_u32(msg, FLEXVTI_A_NHRP_EGRESS_IFINDEX, 7);
	nla_put(msg, FLEXVTI_A_INNER_SRC, alen_src, src);
	nla_put(msg, FLEXVTI_A_INNER_DST, alen_dst, dst);
	nla_put(msg, FLEXVTI_A_NHRP_PACKET, plen, pkt);
	return msg;
}

TEST(nhrp_redirect_parse)
{
	struct nl_msg *msg = nhrp_ntf(4, 4, 128, true);
	struct kern_event e;
	char a[INET6_ADDRSTRLEN];

	ASSERT_NE(NULL, msg);
	ASSERT_EQ(0, kern_nl_event_parse(msg, &e));
	EXPECT_EQ(FLEXVTI_CMD_NHRP_REDIRECT_NTF, e.cmd);
	EXPECT_EQ(5, e.nhrp.ifindex);
	EXPECT_STREQ("va1", e.nhrp.ifname);
	EXPECT_EQ(1, e.nhrp.network_id);
	EXPECT_EQ(7, e.nhrp.egress_ifindex);
	EXPECT_EQ(AF_INET, e.nhrp.family);
	inet_ntop(AF_INET, &e.nhrp.dst, a, sizeof(a));
	EXPECT_STREQ("192.168.2.1", a);
	EXPECT_EQ(128, e.nhrp.packet_len);
	EXPECT_EQ(0x45, e.nhrp.packet[127]);
	nlmsg_free(msg);

	msg = nhrp_ntf(16, 16, 40, true);
	ASSERT_EQ(0, kern_nl_event_parse(msg, &e));
	EXPECT_EQ(AF_INET6, e.nhrp.family);
	EXPECT_EQ(40, e.nhrp.packet_len);
	nlmsg_free(msg);

	/* malformed: no egress, addresses of two lengths, too long a packet */
	msg = nhrp_ntf(4, 4, 20, false);
	EXPECT_EQ(-EINVAL, kern_nl_event_parse(msg, &e));
	nlmsg_free(msg);
	msg = nhrp_ntf(4, 16, 20, true);
	EXPECT_EQ(-EINVAL, kern_nl_event_parse(msg, &e));
	nlmsg_free(msg);
	msg = nhrp_ntf(5, 5, 20, true);
	EXPECT_EQ(-EINVAL, kern_nl_event_parse(msg, &e));
	nlmsg_free(msg);
	msg = nhrp_ntf(4, 4, 129, true);
	EXPECT_EQ(-EINVAL, kern_nl_event_parse(msg, &e));
	nlmsg_free(msg);
}

TEST(dev_reply_redirect_and_labels)
{
	static const uint32_t labels[] = { 100, 200, 1048575 };
	struct nl_msg *msg = genl_msg(FLEXVTI_CMD_DEV_GET);
	struct kern_dev d;

	ASSERT_NE(NULL, msg);
	nla_put_u32(msg, FLEXVTI_A_IFINDEX, 3);
	nla_put_u32(msg, FLEXVTI_A_NHRP_REDIRECT, 30);
	nla_put(msg, FLEXVTI_A_MPLS_LABELS, sizeof(labels), labels);
	ASSERT_EQ(0, kern_nl_dev_parse(msg, &d));
	EXPECT_NE(0, d.has & KERN_DEV_HAS_NHRP_REDIRECT);
	EXPECT_EQ(30, d.nhrp_redirect);
	EXPECT_NE(0, d.has & KERN_DEV_HAS_MPLS_LABELS);
	ASSERT_EQ(3, d.mpls_nlabels);
	EXPECT_EQ(1048575, d.mpls_labels[2]);
	nlmsg_free(msg);

	/* no labels reported: none */
	msg = genl_msg(FLEXVTI_CMD_DEV_GET);
	nla_put_u32(msg, FLEXVTI_A_IFINDEX, 3);
	ASSERT_EQ(0, kern_nl_dev_parse(msg, &d));
	EXPECT_EQ(0, d.has & (KERN_DEV_HAS_MPLS_LABELS |
			      KERN_DEV_HAS_NHRP_REDIRECT));
	nlmsg_free(msg);

	msg = genl_msg(FLEXVTI_CMD_DEV_GET);
	nla_put_u32(msg, FLEXVTI_A_IFINDEX, 3);
	nla_put(msg, FLEXVTI_A_MPLS_LABELS, 5, labels);
	EXPECT_EQ(-EINVAL, kern_nl_dev_parse(msg, &d));
	nlmsg_free(msg);
}

TEST(del_reason_names)
{
	EXPECT_STREQ("userspace",
		     kern_dev_del_reason_name(FLEXVTI_DEL_REASON_USERSPACE));
	EXPECT_STREQ("netns",
		     kern_dev_del_reason_name(FLEXVTI_DEL_REASON_NETNS));
	EXPECT_STREQ("unload",
		     kern_dev_del_reason_name(FLEXVTI_DEL_REASON_UNLOAD));
	EXPECT_STREQ("unknown", kern_dev_del_reason_name(0));
	EXPECT_STREQ("unknown", kern_dev_del_reason_name(4));
}

TEST_HARNESS_MAIN
