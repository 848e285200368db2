// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the configuration library (user/lib/cfg*.c): the guide's
 * examples load, each malformed or unsupported line of tests/data/cfg/bad
 * gives exactly the "FILE:LINE: MESSAGE" its first line announces, the
 * smart defaults have their exact values, the lookup rules (policy,
 * profile, keyring) choose as documented, and a dump loads back into the
 * same model.
 */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"
#include "../lib/cfg.h"

#define GUIDE_DIR	TEST_DATA "/cfg/guide"
#define BAD_DIR		TEST_DATA "/cfg/bad"

static char *err_text(const struct cfg_err *err)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cfg_err_print(err, f);
	fclose(f);
	return buf;
}

static char *dump_text(const struct cfg *cfg, unsigned int flags)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cfg_dump(cfg, f, flags);
	fclose(f);
	return buf;
}

/* load @text, which must have no error; warnings are logged */
static struct cfg *load_ok(struct __test_metadata *_metadata,
			   const char *text)
{
	struct cfg_err err;
	struct cfg *cfg = cfg_load_buf("t.conf", text, strlen(text), &err);
	char *msg = err_text(&err);

	if (!cfg || err.nerrors)
		TH_LOG("%s", msg);
	free(msg);
	EXPECT_EQ(0, err.nerrors);
	return cfg;
}

/* load @text, which must fail with exactly @expected printed */
static void load_fails(struct __test_metadata *_metadata, const char *text,
		       const char *expected)
{
	struct cfg_err err;
	struct cfg *cfg = cfg_load_buf("t.conf", text, strlen(text), &err);
	char *msg = err_text(&err);

	EXPECT_NULL(cfg);
	EXPECT_STREQ(expected, msg);
	free(msg);
	cfg_free(cfg);
}

/* load → dump with keys → load: both models dump the same, built-ins too */
static void round_trip(struct __test_metadata *_metadata,
		       const struct cfg *cfg)
{
	char *d1 = dump_text(cfg, CFG_DUMP_SECRETS), *all1, *all2;
	struct cfg *again = load_ok(_metadata, d1);

	ASSERT_NE(NULL, again);
	all1 = dump_text(cfg, CFG_DUMP_SECRETS | CFG_DUMP_ALL);
	all2 = dump_text(again, CFG_DUMP_SECRETS | CFG_DUMP_ALL);
	EXPECT_STREQ(all1, all2);
	free(all1);
	free(all2);
	free(d1);
	cfg_free(again);
}

static struct cfg_addr host(const char *s)
{
	struct cfg_addr a = { 0 };

	if (inet_pton(AF_INET, s, &a.v4) == 1) {
		a.family = AF_INET;
		a.prefix = 32;
	} else if (inet_pton(AF_INET6, s, &a.v6) == 1) {
		a.family = AF_INET6;
		a.prefix = 128;
	}
	return a;
}

struct idbuf {
	struct cfg_id id;
	uint8_t data[256];
};

/* an identity as the peer sends it: addresses in binary, names as text */
static const struct cfg_id *mkid(struct idbuf *b, uint8_t type, const char *s)
{
	b->id.type = type;
	b->id.data = b->data;
	if (type == IKEV2_ID_IPV4_ADDR) {
		inet_pton(AF_INET, s, b->data);
		b->id.len = 4;
	} else if (type == IKEV2_ID_IPV6_ADDR) {
		inet_pton(AF_INET6, s, b->data);
		b->id.len = 16;
	} else {
		b->id.len = strlen(s);
		memcpy(b->data, s, b->id.len);
	}
	return &b->id;
}

static const struct cfg_proposal *proposal(const struct cfg *cfg,
					   const char *name)
{
	unsigned int i;

	for (i = 0; i < cfg->nproposals; i++)
		if (!strcmp(cfg->proposals[i]->name, name))
			return cfg->proposals[i];
	return NULL;
}

static const struct cfg_transform_set *tset(const struct cfg *cfg,
					    const char *name)
{
	unsigned int i;

	for (i = 0; i < cfg->ntsets; i++)
		if (!strcmp(cfg->tsets[i]->name, name))
			return cfg->tsets[i];
	return NULL;
}

static bool contains(const char *s, const char *sub)
{
	return strstr(s, sub) != NULL;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

TEST(guide_examples_load_and_round_trip)
{
	DIR *d = opendir(GUIDE_DIR);
	struct dirent *e;
	int n = 0;

	ASSERT_NE(NULL, d);
	while ((e = readdir(d))) {
		char path[512];
		struct cfg_err err;
		struct cfg *cfg;
		char *msg;

		if (!has_suffix(e->d_name, ".conf"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", GUIDE_DIR, e->d_name);
		cfg = cfg_load_file(path, &err);
		msg = err_text(&err);
		if (!cfg)
			TH_LOG("%s", msg);
		free(msg);
		EXPECT_NE(NULL, cfg);
		EXPECT_EQ(0, err.nerrors);
		if (cfg)
			round_trip(_metadata, cfg);
		cfg_free(cfg);
		n++;
	}
	closedir(d);
	EXPECT_LE(20, n);
}

/* the first line of a bad file is "! expect: LINE: MESSAGE" */
static void check_bad_file(struct __test_metadata *_metadata,
			   const char *path)
{
	char line[512], expected[600], *msg;
	struct cfg_err err;
	struct cfg *cfg;
	FILE *f = fopen(path, "r");

	ASSERT_NE(NULL, f);
	ASSERT_NE(NULL, fgets(line, sizeof(line), f));
	fclose(f);
	ASSERT_EQ(0, strncmp(line, "! expect: ", 10));
	snprintf(expected, sizeof(expected), "%s:%s", path, line + 10);
	cfg = cfg_load_file(path, &err);
	msg = err_text(&err);
	EXPECT_NULL(cfg);
	EXPECT_EQ(1, err.nerrors);
	EXPECT_STREQ(expected, msg);
	free(msg);
	cfg_free(cfg);
}

TEST(bad_lines_exact_messages)
{
	DIR *d = opendir(BAD_DIR);
	struct dirent *e;
	int n = 0;

	ASSERT_NE(NULL, d);
	while ((e = readdir(d))) {
		char path[512];

		if (!has_suffix(e->d_name, ".conf"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", BAD_DIR, e->d_name);
		check_bad_file(_metadata, path);
		n++;
	}
	closedir(d);
	EXPECT_LE(80, n);
}

TEST(smart_defaults_modern)
{
	struct cfg *cfg = load_ok(_metadata, "");
	const struct cfg_proposal *pr;
	const struct cfg_policy *po;
	const struct cfg_ipsec_profile *ip;
	const struct cfg_transform_set *ts;
	const struct cfg_authz_policy *az;

	ASSERT_NE(NULL, cfg);
	EXPECT_EQ(CFG_DEFAULTS_MODERN, cfg->defaults);
	pr = proposal(cfg, "default");
	ASSERT_NE(NULL, pr);
	EXPECT_TRUE(pr->builtin);
	ASSERT_EQ(4, pr->nencr);
	EXPECT_EQ(IKEV2_ENCR_AES_CBC, pr->encr[0].id);
	EXPECT_EQ(256, pr->encr[0].bits);
	EXPECT_EQ(IKEV2_ENCR_AES_CBC, pr->encr[1].id);
	EXPECT_EQ(128, pr->encr[1].bits);
	EXPECT_EQ(IKEV2_ENCR_AES_GCM_16, pr->encr[2].id);
	EXPECT_EQ(256, pr->encr[2].bits);
	EXPECT_EQ(IKEV2_ENCR_AES_GCM_16, pr->encr[3].id);
	EXPECT_EQ(128, pr->encr[3].bits);
	ASSERT_EQ(3, pr->ninteg);
	EXPECT_EQ(IKEV2_INTEG_HMAC_SHA2_512_256, pr->integ[0]);
	EXPECT_EQ(IKEV2_INTEG_HMAC_SHA2_384_192, pr->integ[1]);
	EXPECT_EQ(IKEV2_INTEG_HMAC_SHA2_256_128, pr->integ[2]);
	ASSERT_EQ(3, pr->nprf);
	EXPECT_FALSE(pr->prf_implicit);
	EXPECT_EQ(IKEV2_PRF_HMAC_SHA2_512, pr->prf[0]);
	EXPECT_EQ(IKEV2_PRF_HMAC_SHA2_384, pr->prf[1]);
	EXPECT_EQ(IKEV2_PRF_HMAC_SHA2_256, pr->prf[2]);
	ASSERT_EQ(3, pr->ndh);
	EXPECT_EQ(IKEV2_DH_ECP_256, pr->dh[0]);
	EXPECT_EQ(IKEV2_DH_ECP_384, pr->dh[1]);
	EXPECT_EQ(IKEV2_DH_MODP_2048, pr->dh[2]);

	ASSERT_EQ(1, cfg->npolicies);
	po = cfg->policies[0];
	EXPECT_STREQ("default", po->name);
	EXPECT_TRUE(po->fvrf_any);
	EXPECT_EQ(0, po->nlocal);
	ASSERT_EQ(1, po->nproposals);
	EXPECT_EQ(pr, po->proposals[0]);

	ts = tset(cfg, "default");
	ASSERT_NE(NULL, ts);
	EXPECT_EQ(IKEV2_ENCR_AES_CBC, ts->encr);
	EXPECT_EQ(256, ts->encr_bits);
	EXPECT_EQ(IKEV2_INTEG_HMAC_SHA2_256_128, ts->integ);
	EXPECT_EQ(CFG_ESP_TUNNEL, ts->mode);

	ip = cfg_ipsec_profile_find(cfg, "default");
	ASSERT_NE(NULL, ip);
	EXPECT_EQ(3600, ip->lifetime_sec);
	EXPECT_EQ(4608000, ip->lifetime_kb);
	EXPECT_FALSE(ip->responder_only);
	EXPECT_EQ(IKEV2_DH_NONE, ip->pfs);
	ASSERT_EQ(1, ip->ntsets);
	EXPECT_EQ(ts, ip->tsets[0]);
	EXPECT_NULL(ip->ike_profile);

	az = cfg_authz_policy_find(cfg, "default");
	ASSERT_NE(NULL, az);
	EXPECT_TRUE(az->route_set_interface);
	EXPECT_NULL(az->route_set_ifname);
	EXPECT_TRUE(az->route_accept);
	EXPECT_EQ(1, az->route_accept_tag);
	EXPECT_EQ(2, az->route_accept_distance);
	EXPECT_EQ(-1, az->flow_limit);
	EXPECT_NULL(az->pool_ref.name);
	cfg_free(cfg);
}

/* the guide's Table 2, exactly (inventory §1.2) */
TEST(smart_defaults_cisco)
{
	static const uint16_t integ[] = {
		IKEV2_INTEG_HMAC_SHA2_512_256, IKEV2_INTEG_HMAC_SHA2_384_192,
		IKEV2_INTEG_HMAC_SHA2_256_128, IKEV2_INTEG_HMAC_SHA1_96,
		IKEV2_INTEG_HMAC_MD5_96,
	};
	static const uint16_t prf[] = {
		IKEV2_PRF_HMAC_SHA2_512, IKEV2_PRF_HMAC_SHA2_384,
		IKEV2_PRF_HMAC_SHA2_256, IKEV2_PRF_HMAC_SHA1,
		IKEV2_PRF_HMAC_MD5,
	};
	struct cfg *cfg = load_ok(_metadata, "! first\n"
				  "crypto ikev2 smart-defaults cisco\n");
	const struct cfg_proposal *pr;
	const struct cfg_transform_set *ts;
	const struct cfg_ipsec_profile *ip;
	unsigned int i;

	ASSERT_NE(NULL, cfg);
	EXPECT_EQ(CFG_DEFAULTS_CISCO, cfg->defaults);
	pr = proposal(cfg, "default");
	ASSERT_NE(NULL, pr);
	ASSERT_EQ(3, pr->nencr);
	for (i = 0; i < 3; i++) {
		EXPECT_EQ(IKEV2_ENCR_AES_CBC, pr->encr[i].id);
		EXPECT_EQ(256 - 64 * i, pr->encr[i].bits);
	}
	ASSERT_EQ(5, pr->ninteg);
	ASSERT_EQ(5, pr->nprf);
	for (i = 0; i < 5; i++) {
		EXPECT_EQ(integ[i], pr->integ[i]);
		EXPECT_EQ(prf[i], pr->prf[i]);
	}
	ASSERT_EQ(2, pr->ndh);
	EXPECT_EQ(IKEV2_DH_MODP_1536, pr->dh[0]);
	EXPECT_EQ(IKEV2_DH_MODP_1024, pr->dh[1]);
	ts = tset(cfg, "default");
	ASSERT_NE(NULL, ts);
	EXPECT_EQ(IKEV2_ENCR_AES_CBC, ts->encr);
	EXPECT_EQ(128, ts->encr_bits);
	EXPECT_EQ(IKEV2_INTEG_HMAC_SHA1_96, ts->integ);
	EXPECT_EQ(CFG_ESP_TUNNEL, ts->mode);
	ip = cfg_ipsec_profile_find(cfg, "default");
	ASSERT_NE(NULL, ip);
	EXPECT_EQ(3600, ip->lifetime_sec);
	EXPECT_EQ(4608000, ip->lifetime_kb);
	EXPECT_EQ(ts, ip->tsets[0]);
	round_trip(_metadata, cfg);
	cfg_free(cfg);
}

TEST(default_policy_only_without_configured_policy)
{
	struct cfg *cfg = load_ok(_metadata, "");
	struct cfg_addr a1 = host("10.0.0.1"), a2 = host("10.0.0.2");
	const struct cfg_policy *po;

	ASSERT_NE(NULL, cfg);
	po = cfg_policy_match(cfg, &a1, NULL);
	ASSERT_NE(NULL, po);
	EXPECT_STREQ("default", po->name);
	EXPECT_EQ(po, cfg_policy_match(cfg, &a2, "red"));
	cfg_free(cfg);

	cfg = load_ok(_metadata, "crypto ikev2 policy p1\n"
		      " match address local 10.0.0.1\n"
		      " proposal default\n");
	ASSERT_NE(NULL, cfg);
	po = cfg_policy_match(cfg, &a1, NULL);
	ASSERT_NE(NULL, po);
	EXPECT_STREQ("p1", po->name);
	EXPECT_NULL(cfg_policy_match(cfg, &a2, NULL));
	cfg_free(cfg);
}

TEST(no_and_default_of_builtins)
{
	struct cfg_addr a = host("192.0.2.1");
	struct cfg *cfg;
	char *d;

	cfg = load_ok(_metadata, "no crypto ikev2 proposal default\n");
	ASSERT_NE(NULL, cfg);
	EXPECT_TRUE(proposal(cfg, "default")->disabled);
	EXPECT_NULL(cfg_policy_match(cfg, &a, NULL));
	d = dump_text(cfg, 0);
	EXPECT_TRUE(contains(d, "no crypto ikev2 proposal default\n"));
	free(d);
	round_trip(_metadata, cfg);
	cfg_free(cfg);

	cfg = load_ok(_metadata, "no crypto ikev2 proposal default\n"
		      "default crypto ikev2 proposal\n");
	ASSERT_NE(NULL, cfg);
	EXPECT_FALSE(proposal(cfg, "default")->disabled);
	EXPECT_NE(NULL, cfg_policy_match(cfg, &a, NULL));
	cfg_free(cfg);

	/* disabling loses the edits, "default" gives factory values */
	cfg = load_ok(_metadata, "crypto ikev2 authorization policy default\n"
		      " pool p\n"
		      "no crypto ikev2 authorization policy default\n"
		      "default crypto ikev2 authorization policy\n"
		      "no crypto ipsec profile default\n"
		      "no crypto ikev2 policy default\n");
	ASSERT_NE(NULL, cfg);
	EXPECT_NULL(cfg_authz_policy_find(cfg, "default")->pool_ref.name);
	EXPECT_FALSE(cfg_authz_policy_find(cfg, "default")->modified);
	EXPECT_NULL(cfg_ipsec_profile_find(cfg, "default"));
	EXPECT_NULL(cfg_policy_match(cfg, &a, NULL));
	round_trip(_metadata, cfg);
	cfg_free(cfg);
}

TEST(editing_builtins)
{
	struct cfg *cfg;
	const struct cfg_ipsec_profile *ip;
	const struct cfg_proposal *pr;
	const struct cfg_policy *po;
	struct cfg_addr a = host("10.0.0.1");

	/* an IPsec profile edit keeps the transform set and lifetimes */
	cfg = load_ok(_metadata, "crypto ipsec profile default\n"
		      " set pfs group20\n");
	ASSERT_NE(NULL, cfg);
	ip = cfg_ipsec_profile_find(cfg, "default");
	ASSERT_NE(NULL, ip);
	EXPECT_TRUE(ip->modified);
	EXPECT_EQ(IKEV2_DH_ECP_384, ip->pfs);
	ASSERT_EQ(1, ip->ntsets);
	EXPECT_STREQ("default", ip->tsets[0]->name);
	EXPECT_EQ(3600, ip->lifetime_sec);
	round_trip(_metadata, cfg);
	cfg_free(cfg);

	/* a proposal edit starts empty; a policy edit replaces proposals */
	cfg = load_ok(_metadata, "crypto ikev2 proposal default\n"
		      " encryption chacha20-poly1305\n"
		      " prf sha256\n"
		      " group 31\n"
		      "crypto ikev2 proposal mine\n"
		      " encryption aes-gcm-128\n"
		      " prf sha384\n"
		      " group 19\n"
		      "crypto ikev2 policy default\n"
		      " proposal mine\n"
		      " proposal default\n");
	ASSERT_NE(NULL, cfg);
	pr = proposal(cfg, "default");
	ASSERT_EQ(1, pr->nencr);
	EXPECT_EQ(IKEV2_ENCR_CHACHA20_POLY1305, pr->encr[0].id);
	EXPECT_EQ(0, pr->encr[0].bits);
	EXPECT_EQ(0, pr->ninteg);
	po = cfg_policy_match(cfg, &a, NULL);
	ASSERT_NE(NULL, po);
	EXPECT_TRUE(po->builtin);
	ASSERT_EQ(2, po->nproposals);
	EXPECT_STREQ("mine", po->proposals[0]->name);
	EXPECT_EQ(pr, po->proposals[1]);
	round_trip(_metadata, cfg);
	cfg_free(cfg);
}

TEST(proposal_completeness)
{
	struct cfg_err err;
	struct cfg *cfg;
	const struct cfg_proposal *pr;
	static const char unused[] =
		"crypto ikev2 proposal half\n"
		" encryption aes-cbc-128\n";

	/* incomplete but unused: a warning, and the load succeeds */
	cfg = cfg_load_buf("t.conf", unused, strlen(unused), &err);
	ASSERT_NE(NULL, cfg);
	EXPECT_EQ(0, err.nerrors);
	EXPECT_EQ(1, err.nwarnings);
	EXPECT_STREQ("proposal 'half' is not used by any policy and is "
		     "incomplete: no integrity", err.diag[0].msg);
	EXPECT_TRUE(err.diag[0].warning);
	cfg_free(cfg);

	/* without prf, the PRFs of the integrity algorithms (A02) */
	cfg = load_ok(_metadata, "crypto ikev2 proposal p\n"
		      " encryption aes-cbc-128 aes-cbc-192\n"
		      " integrity sha1 sha256\n"
		      " integrity sha1\n"
		      " group 14\n"
		      "crypto ikev2 policy pol\n"
		      " proposal p\n");
	ASSERT_NE(NULL, cfg);
	pr = proposal(cfg, "p");
	ASSERT_EQ(2, pr->nencr);
	EXPECT_EQ(128, pr->encr[0].bits);
	EXPECT_EQ(192, pr->encr[1].bits);
	ASSERT_EQ(2, pr->ninteg);
	ASSERT_EQ(2, pr->nprf);
	EXPECT_TRUE(pr->prf_implicit);
	EXPECT_EQ(IKEV2_PRF_HMAC_SHA1, pr->prf[0]);
	EXPECT_EQ(IKEV2_PRF_HMAC_SHA2_256, pr->prf[1]);
	round_trip(_metadata, cfg);
	cfg_free(cfg);

	/* CBC and GCM mixed: integrity for CBC, prf for GCM */
	cfg = load_ok(_metadata, "crypto ikev2 proposal p\n"
		      " encryption aes-gcm-256 aes-cbc-256\n"
		      " integrity sha512\n"
		      " prf sha512\n"
		      " group 21 16\n"
		      "crypto ikev2 policy pol\n"
		      " proposal p\n");
	ASSERT_NE(NULL, cfg);
	EXPECT_TRUE(cfg_encr_is_aead(proposal(cfg, "p")->encr[0].id));
	EXPECT_FALSE(cfg_encr_is_aead(proposal(cfg, "p")->encr[1].id));
	cfg_free(cfg);

	load_fails(_metadata, "crypto ikev2 policy pol\n"
		   " proposal p\n"
		   "crypto ikev2 proposal p\n"
		   " encryption aes-gcm-256 aes-cbc-256\n"
		   " prf sha512\n"
		   " group 21\n",
		   "t.conf:2: proposal 'p' is incomplete: no integrity\n");
}

/* the guide's "Matching a Policy" and inventory §3 item 11 */
TEST(policy_most_specific_match)
{
	struct cfg_addr a1 = host("10.0.0.1"), a2 = host("10.0.0.2");
	static const char text[] =
		"crypto ikev2 proposal p\n"
		" encryption aes-cbc-128\n integrity sha1\n group 14\n"
		"crypto ikev2 policy policy1\n match fvrf fvrf1\n proposal p\n"
		"crypto ikev2 policy policy2\n match fvrf fvrf1\n"
		" match address local 10.0.0.1\n proposal p\n"
		"crypto ikev2 policy anyvrf\n match fvrf any\n proposal p\n"
		"crypto ikev2 policy global\n proposal p\n";
	struct cfg *cfg = load_ok(_metadata, text);

	ASSERT_NE(NULL, cfg);
	EXPECT_STREQ("policy2", cfg_policy_match(cfg, &a1, "fvrf1")->name);
	EXPECT_STREQ("policy1", cfg_policy_match(cfg, &a2, "fvrf1")->name);
	EXPECT_STREQ("global", cfg_policy_match(cfg, &a1, NULL)->name);
	EXPECT_STREQ("global", cfg_policy_match(cfg, &a1, "")->name);
	EXPECT_STREQ("anyvrf", cfg_policy_match(cfg, &a1, "blue")->name);
	cfg_free(cfg);
}

/* inventory A05: two policies on two local addresses, disjoint */
TEST(policy_by_local_address_and_tie_warning)
{
	struct cfg_addr a1 = host("10.0.0.1"), a2 = host("10.0.0.2");
	struct cfg_addr a6 = host("2001:db8::1");
	static const char text[] =
		"crypto ikev2 proposal p1\n"
		" encryption aes-cbc-128\n integrity sha1\n group 14\n"
		"crypto ikev2 proposal p2\n"
		" encryption aes-gcm-256\n prf sha256\n group 19\n"
		"crypto ikev2 policy one\n match address local 10.0.0.1\n"
		" proposal p1\n"
		"crypto ikev2 policy two\n match address local 10.0.0.2\n"
		" match address local 2001:db8::1\n proposal p2\n"
		"crypto ikev2 policy three\n match address local 10.0.0.2\n"
		" proposal p1\n";
	struct cfg_err err;
	struct cfg *cfg = cfg_load_buf("t.conf", text, strlen(text), &err);
	const struct cfg_policy *po;

	ASSERT_NE(NULL, cfg);
	EXPECT_EQ(1, err.nwarnings);
	EXPECT_EQ(16, err.diag[0].line);
	EXPECT_STREQ("policy 'three' overlaps policy 'two', which is "
		     "selected first", err.diag[0].msg);
	po = cfg_policy_match(cfg, &a1, NULL);
	ASSERT_NE(NULL, po);
	EXPECT_STREQ("one", po->name);
	EXPECT_STREQ("p1", po->proposals[0]->name);
	po = cfg_policy_match(cfg, &a2, NULL);
	ASSERT_NE(NULL, po);
	EXPECT_STREQ("two", po->name);
	EXPECT_STREQ("p2", po->proposals[0]->name);
	EXPECT_STREQ("two", cfg_policy_match(cfg, &a6, NULL)->name);
	cfg_free(cfg);
}

static const char profiles_text[] =
	"crypto ikev2 keyring kr\n"
	" peer all\n  address 0.0.0.0 0.0.0.0\n  pre-shared-key k\n"
	"crypto ikev2 profile dom\n"
	" match identity remote fqdn domain cisco.com\n"
	" authentication local pre-share\n"
	" authentication remote pre-share\n"
	" keyring local kr\n"
	"crypto ikev2 profile mail\n"
	" match identity remote email domain example.org\n"
	" match identity remote key-id Group-A\n"
	" match identity remote address 192.0.2.0 255.255.255.0\n"
	" match identity remote address 2001:db8::/32\n"
	" authentication local pre-share\n"
	" authentication remote pre-share\n"
	" keyring local kr\n"
	"crypto ikev2 profile local2\n"
	" match address local 10.0.0.2\n"
	" match fvrf red\n"
	" match identity remote fqdn exact.example.net\n"
	" authentication local pre-share\n"
	" authentication remote pre-share\n"
	" keyring local kr\n"
	"crypto ikev2 profile off\n"
	" match identity remote fqdn exact.example.net\n"
	" authentication local pre-share\n"
	" authentication remote pre-share\n"
	" keyring local kr\n"
	" shutdown\n";

static const char *profile_for(const struct cfg *cfg, const char *local,
			       const char *fvrf, uint8_t type, const char *id)
{
	struct cfg_addr a = host(local);
	const struct cfg_profile *pf;
	struct idbuf b;

	pf = cfg_profile_match(cfg, &a, fvrf, mkid(&b, type, id), NULL, 0);
	return pf ? pf->name : "none";
}

/* inventory A06, A07 */
TEST(profile_match_rules)
{
	struct cfg *cfg = load_ok(_metadata, profiles_text);

	ASSERT_NE(NULL, cfg);
	EXPECT_STREQ("dom", profile_for(cfg, "10.0.0.1", NULL, IKEV2_ID_FQDN,
					"branch.cisco.com"));
	EXPECT_STREQ("dom", profile_for(cfg, "10.0.0.1", NULL, IKEV2_ID_FQDN,
					"BRANCH.Cisco.COM"));
	EXPECT_STREQ("dom", profile_for(cfg, "10.0.0.1", NULL, IKEV2_ID_FQDN,
					"cisco.com"));
	EXPECT_STREQ("none", profile_for(cfg, "10.0.0.1", NULL, IKEV2_ID_FQDN,
					 "cisco.com.evil.net"));
	EXPECT_STREQ("none", profile_for(cfg, "10.0.0.1", NULL, IKEV2_ID_FQDN,
					 "evilcisco.com"));
	EXPECT_STREQ("none", profile_for(cfg, "10.0.0.1", NULL,
					 IKEV2_ID_RFC822_ADDR,
					 "a@branch.cisco.com"));
	EXPECT_STREQ("mail", profile_for(cfg, "10.0.0.1", NULL,
					 IKEV2_ID_RFC822_ADDR,
					 "bob@example.org"));
	EXPECT_STREQ("mail", profile_for(cfg, "10.0.0.1", NULL,
					 IKEV2_ID_RFC822_ADDR,
					 "bob@sales.example.org"));
	EXPECT_STREQ("none", profile_for(cfg, "10.0.0.1", NULL,
					 IKEV2_ID_RFC822_ADDR,
					 "example.org@evil.net"));
	EXPECT_STREQ("mail", profile_for(cfg, "10.0.0.1", NULL,
					 IKEV2_ID_KEY_ID, "Group-A"));
	EXPECT_STREQ("none", profile_for(cfg, "10.0.0.1", NULL,
					 IKEV2_ID_KEY_ID, "group-a"));
	EXPECT_STREQ("mail", profile_for(cfg, "10.0.0.1", NULL,
					 IKEV2_ID_IPV4_ADDR, "192.0.2.77"));
	EXPECT_STREQ("none", profile_for(cfg, "10.0.0.1", NULL,
					 IKEV2_ID_IPV4_ADDR, "192.0.3.1"));
	EXPECT_STREQ("mail", profile_for(cfg, "10.0.0.1", NULL,
					 IKEV2_ID_IPV6_ADDR, "2001:db8:9::1"));
	/* match address local and fvrf; the shut-down twin never matches */
	EXPECT_STREQ("local2", profile_for(cfg, "10.0.0.2", "red",
					   IKEV2_ID_FQDN,
					   "exact.example.net"));
	EXPECT_STREQ("none", profile_for(cfg, "10.0.0.1", "red",
					 IKEV2_ID_FQDN, "exact.example.net"));
	EXPECT_STREQ("none", profile_for(cfg, "10.0.0.2", NULL,
					 IKEV2_ID_FQDN, "exact.example.net"));
	cfg_free(cfg);
}

/* the initiator checks the responder's IDr against its own profile */
TEST(profile_accepts_id)
{
	struct cfg *cfg = load_ok(_metadata, profiles_text);
	const struct cfg_profile *mail, *off;
	struct idbuf b;

	ASSERT_NE(NULL, cfg);
	mail = cfg_profile_find(cfg, "mail");
	off = cfg_profile_find(cfg, "off");
	ASSERT_NE(NULL, mail);
	ASSERT_NE(NULL, off);
	EXPECT_TRUE(cfg_profile_accepts_id(mail, mkid(&b, IKEV2_ID_IPV4_ADDR,
						      "192.0.2.1")));
	EXPECT_FALSE(cfg_profile_accepts_id(mail, mkid(&b, IKEV2_ID_FQDN,
						       "192.0.2.1")));
	EXPECT_FALSE(cfg_profile_accepts_id(mail, mkid(&b, IKEV2_ID_KEY_ID,
						       "Group-B")));
	/* shutdown, fvrf and match address local are not its business */
	EXPECT_TRUE(cfg_profile_accepts_id(off, mkid(&b, IKEV2_ID_FQDN,
						     "exact.example.net")));
	cfg_free(cfg);
}

TEST(profile_ambiguity_selects_none)
{
	char text[4096], why[128] = "";
	struct cfg_addr a = host("10.0.0.1");
	struct cfg *cfg;
	struct idbuf b;

	snprintf(text, sizeof(text), "%s%s", profiles_text,
		 "crypto ikev2 profile dom2\n"
		 " match identity remote fqdn domain branch.cisco.com\n"
		 " authentication local pre-share\n"
		 " authentication remote pre-share\n"
		 " keyring local kr\n");
	cfg = load_ok(_metadata, text);
	ASSERT_NE(NULL, cfg);
	EXPECT_NULL(cfg_profile_match(cfg, &a, NULL,
				      mkid(&b, IKEV2_ID_FQDN,
					   "x.branch.cisco.com"),
				      why, sizeof(why)));
	EXPECT_STREQ("profiles 'dom' and 'dom2' both match", why);
	EXPECT_STREQ("dom", profile_for(cfg, "10.0.0.1", NULL, IKEV2_ID_FQDN,
					"x.sales.cisco.com"));
	EXPECT_NULL(cfg_profile_match(cfg, &a, NULL,
				      mkid(&b, IKEV2_ID_FQDN, "nowhere"),
				      why, sizeof(why)));
	EXPECT_STREQ("no profile matches", why);
	cfg_free(cfg);
}

static const char *key_for(const struct cfg_keyring *kr, const char *addr,
			   uint8_t type, const char *id, const char *hostname)
{
	struct cfg_addr a = host(addr);
	const struct cfg_peer *pe;
	struct idbuf b;

	pe = cfg_keyring_lookup(kr, addr ? &a : NULL,
				id ? mkid(&b, type, id) : NULL, hostname);
	return pe ? (const char *)pe->local_key.data : "none";
}

/* inventory A09: the most specific address wins */
TEST(keyring_most_specific_address)
{
	struct cfg *cfg = load_ok(_metadata,
		"crypto ikev2 keyring kr\n"
		" peer wild\n  address 0.0.0.0 0.0.0.0\n"
		"  pre-shared-key kw\n"
		" peer host\n  address 10.0.0.1\n  pre-shared-key kh\n"
		" peer net\n  address 10.0.0.0/16\n  pre-shared-key kp\n"
		" peer v6\n  address 2001:db8::/32\n  pre-shared-key k6\n");
	const struct cfg_keyring *kr;

	ASSERT_NE(NULL, cfg);
	kr = cfg->keyrings[0];
	EXPECT_STREQ("kh", key_for(kr, "10.0.0.1", 0, NULL, NULL));
	EXPECT_STREQ("kp", key_for(kr, "10.0.9.9", 0, NULL, NULL));
	EXPECT_STREQ("kw", key_for(kr, "192.0.2.1", 0, NULL, NULL));
	EXPECT_STREQ("k6", key_for(kr, "2001:db8:1::2", 0, NULL, NULL));
	EXPECT_STREQ("none", key_for(kr, "2001:db9::2", 0, NULL, NULL));
	cfg_free(cfg);
}

/* the responder looks up by identity first, the initiator by hostname */
TEST(keyring_identity_then_hostname_then_address)
{
	struct cfg *cfg = load_ok(_metadata,
		"crypto ikev2 keyring kr\n"
		" peer wild\n  address 0.0.0.0 0.0.0.0\n"
		"  pre-shared-key kw\n"
		" peer dom\n  identity fqdn domain example.com\n"
		"  pre-shared-key kd\n"
		" peer sub\n  identity fqdn domain sales.example.com\n"
		"  pre-shared-key ks\n"
		" peer exact\n  identity fqdn a.sales.example.com\n"
		"  pre-shared-key ke\n"
		" peer mail\n  identity email domain example.com\n"
		"  pre-shared-key local km\n  pre-shared-key remote kr\n"
		" peer ip\n  identity address 198.51.100.7\n"
		"  pre-shared-key ki\n"
		" peer named\n  hostname gw.example.com\n"
		"  pre-shared-key kn\n");
	const struct cfg_keyring *kr;
	const struct cfg_peer *pe;
	struct idbuf b;

	ASSERT_NE(NULL, cfg);
	kr = cfg->keyrings[0];
	EXPECT_STREQ("kd", key_for(kr, "192.0.2.1", IKEV2_ID_FQDN,
				   "b.example.com", NULL));
	EXPECT_STREQ("ks", key_for(kr, "192.0.2.1", IKEV2_ID_FQDN,
				   "b.sales.example.com", NULL));
	EXPECT_STREQ("ke", key_for(kr, "192.0.2.1", IKEV2_ID_FQDN,
				   "a.sales.example.com", NULL));
	EXPECT_STREQ("ki", key_for(kr, "192.0.2.1", IKEV2_ID_IPV4_ADDR,
				   "198.51.100.7", NULL));
	EXPECT_STREQ("kw", key_for(kr, "192.0.2.1", IKEV2_ID_FQDN,
				   "other.net", NULL));
	EXPECT_STREQ("kn", key_for(kr, "192.0.2.1", 0, NULL,
				   "GW.example.com"));
	EXPECT_STREQ("kw", key_for(kr, "192.0.2.1", 0, NULL, "gw2"));
	pe = cfg_keyring_lookup(kr, NULL, mkid(&b, IKEV2_ID_RFC822_ADDR,
					       "u@example.com"), NULL);
	ASSERT_NE(NULL, pe);
	EXPECT_EQ(2, pe->local_key.len);
	EXPECT_EQ(0, memcmp("km", pe->local_key.data, 2));
	EXPECT_EQ(0, memcmp("kr", pe->remote_key.data, 2));
	cfg_free(cfg);
}

TEST(pre_shared_key_forms)
{
	struct cfg *cfg = load_ok(_metadata,
		"crypto ikev2 keyring kr\n"
		" peer a\n  address 192.0.2.1\n"
		"  pre-shared-key 0 my  secret key\n"
		" peer b\n  address 192.0.2.2\n"
		"  pre-shared-key hex 00ff7f\n"
		" peer c\n  address 192.0.2.3\n"
		"  pre-shared-key 0 hex zz\n"
		" peer d\n  address 192.0.2.4\n"
		"  pre-shared-key local 0 <hidden>\n"
		"crypto ikev2 profile p\n"
		" match identity remote address 192.0.2.0 255.255.255.0\n"
		" authentication local pre-share key 0 mine\n"
		" authentication remote pre-share key theirs\n");
	const struct cfg_peer *pe;
	const struct cfg_profile *pf;

	ASSERT_NE(NULL, cfg);
	pe = cfg->keyrings[0]->peers[0];
	ASSERT_EQ(14, pe->local_key.len);
	EXPECT_EQ(0, memcmp("my  secret key", pe->local_key.data, 14));
	EXPECT_EQ(14, pe->remote_key.len);
	EXPECT_EQ(0, memcmp("my  secret key", pe->remote_key.data, 14));
	pe = cfg->keyrings[0]->peers[1];
	ASSERT_EQ(3, pe->local_key.len);
	EXPECT_EQ(0, memcmp("\x00\xff\x7f", pe->local_key.data, 3));
	pe = cfg->keyrings[0]->peers[2];
	ASSERT_EQ(6, pe->local_key.len);
	EXPECT_EQ(0, memcmp("hex zz", pe->local_key.data, 6));
	pe = cfg->keyrings[0]->peers[3];
	ASSERT_EQ(8, pe->local_key.len);
	EXPECT_NULL(pe->remote_key.data);
	pf = cfg_profile_find(cfg, "p");
	ASSERT_NE(NULL, pf);
	EXPECT_EQ(CFG_AUTH_PSK, pf->local_auth);
	EXPECT_EQ(CFG_AUTH_BIT(CFG_AUTH_PSK), pf->remote_auth);
	EXPECT_EQ(0, memcmp("mine", pf->local_key.data, 4));
	EXPECT_EQ(0, memcmp("theirs", pf->remote_key.data, 6));
	round_trip(_metadata, cfg);
	cfg_free(cfg);
}

TEST(dump_hides_keys)
{
	struct cfg *cfg = load_ok(_metadata,
		"crypto ikev2 keyring kr\n"
		" peer a\n  address 192.0.2.1\n  pre-shared-key Sup3rS3cret\n"
		"crypto ikev2 profile p\n"
		" match identity remote fqdn x\n"
		" authentication local pre-share key LocalS3cret\n"
		" authentication remote pre-share\n"
		" keyring local kr\n");
	char *d;

	ASSERT_NE(NULL, cfg);
	d = dump_text(cfg, CFG_DUMP_ALL);
	EXPECT_FALSE(contains(d, "S3cret"));
	free(d);
	d = dump_text(cfg, 0);
	EXPECT_TRUE(contains(d, "  pre-shared-key <hidden>\n"));
	EXPECT_TRUE(contains(d, " authentication local pre-share key "
			       "<hidden>\n"));
	load_fails(_metadata, d, "t.conf:4: the key is '<hidden>': configure "
		   "the real key\nt.conf:8: the key is '<hidden>': configure "
		   "the real key\n");
	free(d);
	cfg_free(cfg);
}

static const struct cfg_radius_server *radius_server(const struct cfg *cfg,
						    const char *name)
{
	unsigned int i;

	for (i = 0; i < cfg->nradius_servers; i++)
		if (!strcmp(cfg->radius_servers[i]->name, name))
			return cfg->radius_servers[i];
	return NULL;
}

/* RFC ports by default; the global timeout and retransmit as fallback */
TEST(radius_servers)
{
	struct cfg *cfg = load_ok(_metadata,
		"radius-server timeout 10\n"
		"radius server rad1\n"
		" address ipv4 192.0.2.10\n"
		" key 0 s3cr3t  with spaces\n"
		"radius server rad2\n"
		" address ipv6 2001:db8::10 acct-port 11813 auth-port 11812\n"
		" key 0 <hidden>\n"
		" timeout 2\n retransmit 0\n"
		"radius server rad3\n"
		" address ipv4 192.0.2.30\n key k\n timeout 10\n"
		"radius server rad1\n retransmit 7\n");
	const struct cfg_radius_server *rs;
	char *d;

	ASSERT_NE(NULL, cfg);
	ASSERT_EQ(3, cfg->nradius_servers);
	rs = radius_server(cfg, "rad1");
	ASSERT_NE(NULL, rs);
	EXPECT_EQ(AF_INET, rs->addr.family);
	EXPECT_EQ(1812, rs->auth_port);
	EXPECT_EQ(1813, rs->acct_port);
	ASSERT_EQ(19, rs->key.len);
	EXPECT_EQ(0, memcmp("s3cr3t  with spaces", rs->key.data, 19));
	EXPECT_EQ(10, rs->timeout);
	EXPECT_FALSE(rs->timeout_set);
	EXPECT_EQ(7, rs->retransmit);
	rs = radius_server(cfg, "rad2");
	ASSERT_NE(NULL, rs);
	EXPECT_EQ(AF_INET6, rs->addr.family);
	EXPECT_EQ(11812, rs->auth_port);
	EXPECT_EQ(11813, rs->acct_port);
	EXPECT_EQ(8, rs->key.len);
	EXPECT_EQ(2, rs->timeout);
	EXPECT_EQ(0, rs->retransmit);
	EXPECT_TRUE(rs->retransmit_set);
	rs = radius_server(cfg, "rad3");
	EXPECT_EQ(CFG_RADIUS_RETRANSMIT_DEFAULT, rs->retransmit);
	EXPECT_TRUE(rs->timeout_set);
	EXPECT_EQ(10, cfg->radius.timeout);
	EXPECT_EQ(CFG_RADIUS_RETRANSMIT_DEFAULT, cfg->radius.retransmit);
	round_trip(_metadata, cfg);
	d = dump_text(cfg, 0);
	EXPECT_TRUE(contains(d, "radius-server timeout 10\n"));
	EXPECT_FALSE(contains(d, "radius-server retransmit"));
	EXPECT_TRUE(contains(d, "radius server rad2\n"
			       " address ipv6 2001:db8::10 auth-port 11812 "
			       "acct-port 11813\n key <hidden>\n timeout 2\n"
			       " retransmit 0\n"));
	EXPECT_TRUE(contains(d, " address ipv4 192.0.2.10\n key <hidden>\n"
			       " retransmit 7\n"));
	EXPECT_FALSE(contains(d, "s3cr3t"));
	free(d);
	d = dump_text(cfg, CFG_DUMP_SECRETS);
	EXPECT_TRUE(contains(d, " key 0 s3cr3t  with spaces\n"));
	EXPECT_TRUE(contains(d, " key 0 <hidden>\n"));
	free(d);
	cfg_free(cfg);
}

/* servers by name, in failover order, repeats ignored */
TEST(radius_groups)
{
	struct cfg *cfg = load_ok(_metadata,
		"aaa new-model\n"
		"aaa group server radius g1\n"
		" server name b\n server name a\n server name b\n"
		" ip radius source-interface lo\n"
		"radius server a\n address ipv4 192.0.2.1\n key ka\n"
		"radius server b\n address ipv4 192.0.2.2\n key kb\n"
		"aaa group server radius g2\n server name a\n"
		"aaa group server radius g1\n server name c\n"
		"radius server c\n address ipv4 192.0.2.3\n key kc\n");
	const struct cfg_radius_group *g;
	char *d;

	ASSERT_NE(NULL, cfg);
	ASSERT_EQ(2, cfg->nradius_groups);
	g = cfg->radius_groups[0];
	EXPECT_STREQ("g1", g->name);
	ASSERT_EQ(3, g->nservers);
	EXPECT_EQ(radius_server(cfg, "b"), g->servers[0]);
	EXPECT_EQ(radius_server(cfg, "a"), g->servers[1]);
	EXPECT_EQ(radius_server(cfg, "c"), g->servers[2]);
	EXPECT_STREQ("lo", g->source_if);
	g = cfg->radius_groups[1];
	ASSERT_EQ(1, g->nservers);
	EXPECT_EQ(radius_server(cfg, "a"), g->servers[0]);
	EXPECT_NULL(g->source_if);
	round_trip(_metadata, cfg);
	d = dump_text(cfg, 0);
	EXPECT_TRUE(contains(d, "aaa group server radius g1\n"
			       " server name b\n server name a\n"
			       " server name c\n"
			       " ip radius source-interface lo\n!\n"));
	free(d);
	cfg_free(cfg);
}

static const struct cfg_aaa_list *aaa_list(struct cfg_aaa_list *const *l,
					    unsigned int n, const char *name)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!strcmp(l[i]->name, name))
			return l[i];
	return NULL;
}

static const char aaa_text[] =
	"aaa new-model\n"
	"radius authorization password 0 s3cret pw\n"
	"aaa accounting update periodic 15\n"
	"radius server a\n address ipv4 192.0.2.1\n key ka\n"
	"radius server b\n address ipv4 192.0.2.2\n key kb\n"
	"aaa group server radius g\n server name b\n"
	"aaa authorization network loc local\n"
	"aaa authorization network rad group g\n"
	"aaa authorization network both group g local\n"
	"aaa authorization network all group radius\n"
	"aaa authorization network all2 group RADIUS\n"
	"aaa authorization network redef local\n"
	"aaa authorization network redef group g\n"
	"aaa accounting network acct start-stop group g\n"
	"aaa accounting network acct-all start-stop group radius\n"
	"crypto ikev2 authorization policy pol1\n"
	"crypto ikev2 profile p\n"
	" match identity remote fqdn a.example\n"
	" authentication local pre-share key 0 k\n"
	" authentication remote pre-share key k\n"
	" aaa authorization group psk list both pol1\n"
	" aaa authorization user psk list rad someuser\n"
	" aaa authorization group eap list all\n"
	" aaa accounting acct\n"
	" aaa accounting eap acct-all\n"
	"crypto ikev2 profile q\n"
	" match identity remote fqdn b.example\n"
	" authentication local pre-share key 0 k\n"
	" authentication remote pre-share key k\n"
	" aaa accounting cert acct\n"
	" aaa accounting psk acct\n aaa accounting eap acct\n";

/* the guide's forms, flexvtid's settings, the dump and the lookups */
TEST(dae_block)
{
	struct cfg *cfg = load_ok(_metadata,
		"aaa new-model\n"
		"aaa server radius dynamic-author\n"
		" client 192.168.0.5 server-key cisco\n"
		" client 10.0.0.1\n"
		" client 2001:db8::7 vrf red server-key 0 two words\n"
		" client 10.0.0.2 server-key k2\n"
		" client 10.0.0.2 vrf blue\n"
		" server-key global\n"
		" port 1700\n"
		" auth-type any\n"
		" ignore session-key\n"
		" message-authenticator optional\n"
		" event-timestamp window 0\n"
		" session-not-found error-cause 503\n"
		" duplicate-cache lifetime 60\n"
		" duplicate-cache entries 1024\n"
		"aaa server radius dynamic-author\n"
		" client 10.0.0.2\n");
	const struct cfg_dae_client *c;
	const struct cfg_dae *dae;
	struct cfg_addr a = host("10.0.0.2");
	char *d;

	ASSERT_NE(NULL, cfg);
	dae = cfg->dae;
	ASSERT_NE(NULL, dae);
	EXPECT_EQ(2, dae->line);
	ASSERT_EQ(5, dae->nclients);
	EXPECT_EQ(1700, dae->port);
	EXPECT_EQ(CFG_DAE_AUTH_ANY, dae->auth_type);
	EXPECT_TRUE(dae->ignore_session_key);
	EXPECT_TRUE(dae->ma_optional);
	EXPECT_EQ(0, dae->ts_window);
	EXPECT_EQ(503, dae->not_found_cause);
	EXPECT_EQ(60, dae->cache_lifetime);
	EXPECT_EQ(1024, dae->cache_entries);
	/* a client given again replaces its key: none, the block's */
	c = cfg_dae_client_find(dae, &a, NULL);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(18, c->line);
	EXPECT_STREQ("global", cfg_dae_client_secret(dae, c));
	c = cfg_dae_client_find(dae, &a, "blue");
	ASSERT_NE(NULL, c);
	EXPECT_STREQ("blue", c->vrf);
	EXPECT_EQ(NULL, cfg_dae_client_find(dae, &a, "red"));
	a = host("192.168.0.5");
	c = cfg_dae_client_find(dae, &a, "");
	ASSERT_NE(NULL, c);
	EXPECT_STREQ("cisco", cfg_dae_client_secret(dae, c));
	a = host("2001:db8::7");
	EXPECT_EQ(NULL, cfg_dae_client_find(dae, &a, NULL));
	c = cfg_dae_client_find(dae, &a, "red");
	ASSERT_NE(NULL, c);
	EXPECT_STREQ("two words", cfg_dae_client_secret(dae, c));
	a = host("192.168.0.6");
	EXPECT_EQ(NULL, cfg_dae_client_find(dae, &a, NULL));
	round_trip(_metadata, cfg);
	d = dump_text(cfg, 0);
	EXPECT_TRUE(contains(d, "aaa server radius dynamic-author\n"
			       " client 192.168.0.5 server-key <hidden>\n"
			       " client 10.0.0.1\n"
			       " client 2001:db8::7 vrf red server-key <hidden>\n"
			       " client 10.0.0.2\n"
			       " client 10.0.0.2 vrf blue\n"
			       " server-key <hidden>\n"
			       " port 1700\n auth-type any\n"
			       " ignore session-key\n"
			       " message-authenticator optional\n"
			       " event-timestamp window 0\n"
			       " session-not-found error-cause 503\n"
			       " duplicate-cache lifetime 60\n"
			       " duplicate-cache entries 1024\n!\n"));
	EXPECT_FALSE(contains(d, "cisco"));
	free(d);
	d = dump_text(cfg, CFG_DUMP_SECRETS);
	EXPECT_TRUE(contains(d, " client 2001:db8::7 vrf red server-key 0 "
			       "two words\n"));
	EXPECT_TRUE(contains(d, " server-key 0 global\n"));
	free(d);
	cfg_free(cfg);
}

TEST(dae_defaults)
{
	struct cfg *cfg = load_ok(_metadata,
		"aaa new-model\n"
		"aaa server radius dynamic-author\n"
		" client 192.0.2.1 server-key k\n"
		" message-authenticator required\n");
	const struct cfg_dae *dae;
	char *d;

	ASSERT_NE(NULL, cfg);
	dae = cfg->dae;
	ASSERT_NE(NULL, dae);
	EXPECT_EQ(3799, dae->port);
	EXPECT_EQ(CFG_DAE_AUTH_ALL, dae->auth_type);
	EXPECT_FALSE(dae->ignore_session_key);
	EXPECT_FALSE(dae->ma_optional);
	EXPECT_EQ(300, dae->ts_window);
	EXPECT_EQ(404, dae->not_found_cause);
	EXPECT_EQ(30, dae->cache_lifetime);
	EXPECT_EQ(65536, dae->cache_entries);
	EXPECT_EQ(NULL, dae->key.data);
	d = dump_text(cfg, 0);
	EXPECT_TRUE(contains(d, "aaa server radius dynamic-author\n"
			       " client 192.0.2.1 server-key <hidden>\n!\n"));
	free(d);
	round_trip(_metadata, cfg);
	cfg_free(cfg);
	cfg = load_ok(_metadata, "");
	ASSERT_NE(NULL, cfg);
	EXPECT_EQ(NULL, cfg->dae);
	cfg_free(cfg);
}

#define DAE_HEAD	"aaa new-model\naaa server radius dynamic-author\n"
#define DAE_CLIENT	DAE_HEAD " client 192.0.2.1 server-key k\n"

TEST(dae_bad_lines)
{
	static const char *const cases[][2] = {
		{ DAE_HEAD " client radius.example.com server-key k\n",
		  "t.conf:3: client: 'radius.example.com' is not an IP "
		  "address (host names are not supported: give the "
		  "address)\n" },
		{ DAE_HEAD " client 224.0.0.1 server-key k\n",
		  "t.conf:3: client: '224.0.0.1' is not a unicast address\n" },
		{ DAE_HEAD " client 192.0.2.1 server-key 7 0822455D0A16\n",
		  "t.conf:3: type 7 server-keys are not supported, give the "
		  "server-key in clear\n" },
		{ DAE_HEAD " client 192.0.2.1 server-key cisco vrf red\n",
		  "t.conf:3: client: give 'vrf NAME' before 'server-key' (the "
		  "key is the rest of the line)\n" },
		{ DAE_HEAD " client 192.0.2.1 key cisco\n",
		  "t.conf:3: client: unexpected 'key' (usage: client ADDRESS "
		  "[vrf NAME] [server-key [0] KEY])\n" },
		{ DAE_HEAD " client 192.0.2.1 server-key\n",
		  "t.conf:3: client: unexpected 'server-key' (usage: client "
		  "ADDRESS [vrf NAME] [server-key [0] KEY])\n" },
		{ DAE_HEAD " client 192.0.2.1\n",
		  "t.conf:3: client 192.0.2.1 has no 'server-key' and the "
		  "block has none\n" },
		{ DAE_HEAD,
		  "t.conf:2: aaa server radius dynamic-author has no "
		  "'client'\n" },
		{ "aaa server radius dynamic-author\n"
		  " client 192.0.2.1 server-key k\n",
		  "t.conf:1: 'aaa new-model' is required before aaa server\n" },
		{ DAE_CLIENT " server-key <hidden>\n",
		  "t.conf:4: the server-key is '<hidden>': configure the real "
		  "server-key\n" },
		{ DAE_CLIENT " port 4500\n",
		  "t.conf:4: port 4500: the IKE port of flexvtid\n" },
		{ DAE_CLIENT " port 0\n",
		  "t.conf:4: port 0: out of range 1-65535\n" },
		{ DAE_CLIENT " auth-type some\n",
		  "t.conf:4: 'auth-type some' is not supported\n" },
		{ DAE_CLIENT " ignore server-key\n",
		  "t.conf:4: ignore server-key: not supported: every "
		  "request's authenticator is checked with its client's key "
		  "(RFC 5176 §3.5)\n" },
		{ DAE_CLIENT " auth-type session-key\n ignore session-key\n",
		  "t.conf:2: aaa server radius dynamic-author: 'ignore "
		  "session-key' and 'auth-type session-key' exclude each "
		  "other\n" },
		{ DAE_CLIENT " message-authenticator never\n",
		  "t.conf:4: 'message-authenticator never' is not "
		  "supported\n" },
		{ DAE_CLIENT " event-timestamp window 86401\n",
		  "t.conf:4: event-timestamp window 86401: out of range "
		  "0-86400\n" },
		{ DAE_CLIENT " session-not-found error-cause 501\n",
		  "t.conf:4: 'session-not-found error-cause 501' is not "
		  "supported\n" },
		{ DAE_CLIENT " duplicate-cache lifetime 0\n",
		  "t.conf:4: duplicate-cache lifetime 0: out of range "
		  "1-600\n" },
		{ DAE_CLIENT " duplicate-cache entries 15\n",
		  "t.conf:4: duplicate-cache entries 15: out of range "
		  "16-65536\n" },
		{ DAE_CLIENT " domain delimiter @\n",
		  "t.conf:4: unsupported command 'domain'\n" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		load_fails(_metadata, cases[i][0], cases[i][1]);
}

/* local, group, group with local fallback, "group radius", accounting */
TEST(aaa_method_lists)
{
	struct cfg *cfg = load_ok(_metadata, aaa_text);
	const struct cfg_aaa_list *l;
	const struct cfg_profile *pf;
	char *d;

	ASSERT_NE(NULL, cfg);
	l = aaa_list(cfg->aaa_lists, cfg->naaa_lists, "loc");
	ASSERT_NE(NULL, l);
	EXPECT_TRUE(l->local);
	EXPECT_NULL(l->group);
	l = aaa_list(cfg->aaa_lists, cfg->naaa_lists, "rad");
	ASSERT_NE(NULL, l);
	EXPECT_FALSE(l->local);
	EXPECT_EQ(cfg->radius_groups[0], l->group);
	l = aaa_list(cfg->aaa_lists, cfg->naaa_lists, "both");
	EXPECT_TRUE(l->local);
	EXPECT_EQ(cfg->radius_groups[0], l->group);
	l = aaa_list(cfg->aaa_lists, cfg->naaa_lists, "redef");
	EXPECT_FALSE(l->local);
	EXPECT_EQ(cfg->radius_groups[0], l->group);
	l = aaa_list(cfg->aaa_lists, cfg->naaa_lists, "all");
	ASSERT_NE(NULL, cfg->radius_all);
	EXPECT_EQ(cfg->radius_all, l->group);
	ASSERT_EQ(2, cfg->radius_all->nservers);
	EXPECT_STREQ("a", cfg->radius_all->servers[0]->name);
	EXPECT_STREQ("b", cfg->radius_all->servers[1]->name);
	EXPECT_EQ(cfg->radius_all, aaa_list(cfg->acct_lists, cfg->nacct_lists,
					    "acct-all")->group);
	EXPECT_EQ(cfg->radius_all, aaa_list(cfg->aaa_lists, cfg->naaa_lists,
					    "all2")->group);
	l = aaa_list(cfg->acct_lists, cfg->nacct_lists, "acct");
	ASSERT_NE(NULL, l);
	EXPECT_FALSE(l->local);
	EXPECT_EQ(cfg->radius_groups[0], l->group);
	EXPECT_NULL(aaa_list(cfg->acct_lists, cfg->nacct_lists, "loc"));
	EXPECT_EQ(15, cfg->radius.acct_update_min);
	EXPECT_EQ(900, cfg->radius.acct_update_min * 60);
	ASSERT_EQ(9, cfg->radius.authz_password.len);
	EXPECT_EQ(0, memcmp("s3cret pw", cfg->radius.authz_password.data, 9));
	pf = cfg_profile_find(cfg, "p");
	ASSERT_NE(NULL, pf);
	EXPECT_EQ(cfg_authz_policy_find(cfg, "pol1"),
		  pf->authz_group[CFG_AAA_PSK].policy);
	EXPECT_STREQ("someuser", pf->authz_user[CFG_AAA_PSK].username);
	EXPECT_NULL(pf->authz_user[CFG_AAA_PSK].policy);
	EXPECT_EQ(l, pf->acct[CFG_AAA_PSK]);
	EXPECT_EQ(l, pf->acct[CFG_AAA_CERT]);
	EXPECT_STREQ("acct-all", pf->acct[CFG_AAA_EAP]->name);
	pf = cfg_profile_find(cfg, "q");
	EXPECT_EQ(l, pf->acct[CFG_AAA_EAP]);
	round_trip(_metadata, cfg);
	d = dump_text(cfg, 0);
	EXPECT_TRUE(contains(d, "aaa new-model\n"
			       "radius authorization password <hidden>\n"
			       "aaa accounting update periodic 15\n"
			       "aaa authorization network loc local\n"
			       "aaa authorization network rad group g\n"
			       "aaa authorization network both group g local\n"
			       "aaa authorization network all group radius\n"
			       "aaa authorization network all2 group radius\n"
			       "aaa authorization network redef group g\n"
			       "aaa accounting network acct start-stop "
			       "group g\n"));
	EXPECT_TRUE(contains(d, " aaa accounting psk acct\n"
			       " aaa accounting cert acct\n"
			       " aaa accounting eap acct-all\n"));
	EXPECT_TRUE(contains(d, " aaa accounting acct\n"));
	EXPECT_FALSE(contains(d, "s3cret"));
	EXPECT_FALSE(contains(d, "aaa group server radius radius"));
	free(d);
	load_fails(_metadata, "radius authorization password <hidden>\n",
		   "t.conf:1: the password is '<hidden>': configure the "
		   "real password\n");
	d = dump_text(cfg, CFG_DUMP_SECRETS);
	EXPECT_TRUE(contains(d, "radius authorization password 0 s3cret pw\n"));
	free(d);
	cfg_free(cfg);
}

static const struct cfg_name_mangler *mangler(const struct cfg *cfg,
					      const char *name)
{
	unsigned int i;

	for (i = 0; i < cfg->nmanglers; i++)
		if (!strcmp(cfg->manglers[i]->name, name))
			return cfg->manglers[i];
	return NULL;
}

TEST(name_mangler_block)
{
	struct cfg *cfg = load_ok(_metadata,
		"crypto ikev2 name-mangler m1\n"
		" fqdn hostname\n email domain\n dn organization-unit\n"
		" eap prefix delimiter \\\n"
		"crypto ikev2 name-mangler m2\n"
		" fqdn all\n fqdn domain\n eap dn common-name\n"
		"crypto ikev2 name-mangler m3\n eap suffix delimiter @\n"
		"crypto ikev2 name-mangler m4\n eap all\n email username\n");
	const struct cfg_name_mangler *m;
	char *d;

	ASSERT_NE(NULL, cfg);
	ASSERT_EQ(4, cfg->nmanglers);
	m = mangler(cfg, "m1");
	ASSERT_NE(NULL, m);
	EXPECT_EQ(CFG_MANGLE_FQDN_HOSTNAME, m->fqdn);
	EXPECT_EQ(CFG_MANGLE_EMAIL_DOMAIN, m->email);
	EXPECT_EQ(CFG_DN_ORG_UNIT, m->dn);
	EXPECT_EQ(CFG_MANGLE_EAP_PREFIX, m->eap);
	EXPECT_EQ('\\', m->eap_delim);
	m = mangler(cfg, "m2");
	EXPECT_EQ(CFG_MANGLE_FQDN_DOMAIN, m->fqdn);
	EXPECT_EQ(CFG_MANGLE_EMAIL_NONE, m->email);
	EXPECT_EQ(CFG_DN_NONE, m->dn);
	EXPECT_EQ(CFG_MANGLE_EAP_DN, m->eap);
	EXPECT_EQ(CFG_DN_COMMON_NAME, m->eap_dn);
	m = mangler(cfg, "m3");
	EXPECT_EQ(CFG_MANGLE_EAP_SUFFIX, m->eap);
	EXPECT_EQ('@', m->eap_delim);
	EXPECT_EQ(CFG_MANGLE_EAP_ALL, mangler(cfg, "m4")->eap);
	round_trip(_metadata, cfg);
	d = dump_text(cfg, 0);
	EXPECT_TRUE(contains(d, "crypto ikev2 name-mangler m1\n"
			       " fqdn hostname\n email domain\n"
			       " dn organization-unit\n"
			       " eap prefix delimiter \\\n!\n"));
	EXPECT_TRUE(contains(d, "crypto ikev2 name-mangler m2\n fqdn domain\n"
			       " eap dn common-name\n!\n"));
	EXPECT_TRUE(contains(d, " eap all\n"));
	free(d);
	cfg_free(cfg);
}

TEST(name_mangler_without_rule_warns)
{
	static const char text[] = "crypto ikev2 name-mangler empty\n";
	struct cfg_err err;
	struct cfg *cfg = cfg_load_buf("t.conf", text, strlen(text), &err);
	char *msg = err_text(&err);

	ASSERT_NE(NULL, cfg);
	EXPECT_STREQ("t.conf:1: warning: name-mangler 'empty' has no rule "
		     "and gives no name\n", msg);
	free(msg);
	cfg_free(cfg);
}

/* "name-mangler M" and NAME replace each other in a slot */
TEST(profile_name_mangler)
{
	struct cfg *cfg = load_ok(_metadata,
		"aaa new-model\n"
		"aaa authorization network l local\n"
		"crypto ikev2 name-mangler dom\n fqdn domain\n dn domain\n"
		"crypto ikev2 profile p\n"
		" match identity remote fqdn domain example.com\n"
		" authentication local pre-share key 0 k\n"
		" authentication remote pre-share key k\n"
		" authentication remote rsa-sig\n pki trustpoint tp\n"
		" aaa authorization group psk list l default\n"
		" aaa authorization group psk list l name-mangler dom\n"
		" aaa authorization group override cert list l name-mangler "
		"dom\n"
		" aaa authorization user eap list l name-mangler dom\n"
		" aaa authorization user eap list l default\n"
		"crypto pki trustpoint tp\n ca-certificate /ca.pem\n");
	const struct cfg_profile *pf;
	const struct cfg_authz *az;
	char *d;

	ASSERT_NE(NULL, cfg);
	pf = cfg_profile_find(cfg, "p");
	ASSERT_NE(NULL, pf);
	az = &pf->authz_group[CFG_AAA_PSK];
	EXPECT_NULL(az->username);
	EXPECT_NULL(az->policy);
	EXPECT_EQ(mangler(cfg, "dom"), az->mangler);
	EXPECT_STREQ("l", az->aaa->name);
	EXPECT_EQ(mangler(cfg, "dom"), pf->authz_group[CFG_AAA_CERT].mangler);
	EXPECT_TRUE(pf->authz_group_override);
	az = &pf->authz_user[CFG_AAA_EAP];
	EXPECT_NULL(az->mangler_ref.name);
	EXPECT_NULL(az->mangler);
	EXPECT_STREQ("default", az->username);
	EXPECT_NE(NULL, az->policy);
	round_trip(_metadata, cfg);
	d = dump_text(cfg, 0);
	EXPECT_TRUE(contains(d, " aaa authorization user eap list l default\n"
			       " aaa authorization group override psk list l "
			       "name-mangler dom\n aaa authorization group "
			       "override cert list l name-mangler dom\n"));
	free(d);
	cfg_free(cfg);
}

/* cfg_mangle_name() gives @want (a name), or fails with @err */
static void mangle_is(struct __test_metadata *_metadata,
		      const struct cfg_name_mangler *m,
		      enum cfg_mangle_src src, const char *id,
		      const char *want, int err)
{
	char out[64];
	int rc = cfg_mangle_name(m, src, id, out, sizeof(out));

	if (want) {
		EXPECT_EQ((int)strlen(want), rc) {
			TH_LOG("%s: %d", id, rc);
		}
		EXPECT_STREQ(want, out);
	} else {
		EXPECT_EQ(err, rc) {
			TH_LOG("%s: %d '%s'", id, rc, out);
		}
		EXPECT_STREQ("", out);
	}
}

TEST(mangle_fqdn_email)
{
	struct cfg_name_mangler m = { .fqdn = CFG_MANGLE_FQDN_ALL,
				      .email = CFG_MANGLE_EMAIL_ALL };
	const enum cfg_mangle_src F = CFG_MANGLE_SRC_FQDN;
	const enum cfg_mangle_src E = CFG_MANGLE_SRC_EMAIL;

	mangle_is(_metadata, &m, F, "host.example.com", "host.example.com", 0);
	mangle_is(_metadata, &m, F, "host", "host", 0);
	mangle_is(_metadata, &m, E, "user@example.com", "user@example.com", 0);
	m.fqdn = CFG_MANGLE_FQDN_HOSTNAME;
	m.email = CFG_MANGLE_EMAIL_USERNAME;
	mangle_is(_metadata, &m, F, "host.example.com", "host", 0);
	mangle_is(_metadata, &m, F, "host", NULL, -ENOENT);
	mangle_is(_metadata, &m, F, ".example.com", NULL, -ENOENT);
	mangle_is(_metadata, &m, E, "user@example.com", "user", 0);
	mangle_is(_metadata, &m, E, "a@b@example.com", "a@b", 0);
	mangle_is(_metadata, &m, E, "@example.com", NULL, -ENOENT);
	mangle_is(_metadata, &m, E, "user", NULL, -ENOENT);
	m.fqdn = CFG_MANGLE_FQDN_DOMAIN;
	m.email = CFG_MANGLE_EMAIL_DOMAIN;
	mangle_is(_metadata, &m, F, "host.example.com", "example.com", 0);
	mangle_is(_metadata, &m, F, "h.a.b", "a.b", 0);
	mangle_is(_metadata, &m, F, "host.", NULL, -ENOENT);
	mangle_is(_metadata, &m, F, "host", NULL, -ENOENT);
	mangle_is(_metadata, &m, E, "user@example.com", "example.com", 0);
	mangle_is(_metadata, &m, E, "a@b@example.com", "example.com", 0);
	mangle_is(_metadata, &m, E, "user@", NULL, -ENOENT);
	/* no rule for the type */
	m.fqdn = CFG_MANGLE_FQDN_NONE;
	m.email = CFG_MANGLE_EMAIL_NONE;
	mangle_is(_metadata, &m, F, "host.example.com", NULL, -ENOENT);
	mangle_is(_metadata, &m, E, "user@example.com", NULL, -ENOENT);
	mangle_is(_metadata, &m, CFG_MANGLE_SRC_DN, "CN=a", NULL, -ENOENT);
	mangle_is(_metadata, &m, CFG_MANGLE_SRC_EAP, "a", NULL, -ENOENT);
}

TEST(mangle_dn)
{
	struct cfg_name_mangler m = { .dn = CFG_DN_COMMON_NAME };
	const enum cfg_mangle_src D = CFG_MANGLE_SRC_DN;
	static const char dn[] = "CN=alice,OU=Sales+OU=Eng,O=Acme,L=Lausanne,"
				 "ST=Vaud,C=CH";

	mangle_is(_metadata, &m, D, dn, "alice", 0);
	mangle_is(_metadata, &m, D, "cn=bob", "bob", 0);
	mangle_is(_metadata, &m, D, "commonName=bob", "bob", 0);
	mangle_is(_metadata, &m, D, "2.5.4.3=bob", "bob", 0);
	mangle_is(_metadata, &m, D, "C=CH, O=flexvti test, CN=x", "x", 0);
	mangle_is(_metadata, &m, D, "E=a@b.c,CN = x", "x", 0);
	mangle_is(_metadata, &m, D, "CN=Doe\\, John,O=Acme", "Doe, John", 0);
	mangle_is(_metadata, &m, D, "CN=caf\\C3\\A9", "caf\xc3\xa9", 0);
	mangle_is(_metadata, &m, D, "CN=  padded  ,O=x", "padded", 0);
	mangle_is(_metadata, &m, D, "CN=a\\ ", "a ", 0);
	mangle_is(_metadata, &m, D, "CN=first,CN=second", "first", 0);
	mangle_is(_metadata, &m, D, "O=x;CN=semi", "semi", 0);
	mangle_is(_metadata, &m, D, "CN=,O=x", NULL, -ENOENT);
	mangle_is(_metadata, &m, D, "O=Acme", NULL, -ENOENT);
	mangle_is(_metadata, &m, D, "CN=#0403616263", NULL, -EINVAL);
	mangle_is(_metadata, &m, D, "alice", NULL, -EINVAL);
	mangle_is(_metadata, &m, D, "", NULL, -EINVAL);
	mangle_is(_metadata, &m, D, "CN=a,,O=b", NULL, -EINVAL);
	mangle_is(_metadata, &m, D, "CN=a,", NULL, -EINVAL);
	mangle_is(_metadata, &m, D, "CN=a\\", NULL, -EINVAL);
	mangle_is(_metadata, &m, D, "CN=a\\00b", NULL, -EINVAL);
	mangle_is(_metadata, &m, D, "CN=a\\q", NULL, -EINVAL);
	m.dn = CFG_DN_ORGANIZATION;
	mangle_is(_metadata, &m, D, dn, "Acme", 0);
	mangle_is(_metadata, &m, D, "CN=#0403616263,O=hex elsewhere",
		  "hex elsewhere", 0);
	m.dn = CFG_DN_ORG_UNIT;
	mangle_is(_metadata, &m, D, dn, "Sales", 0);
	m.dn = CFG_DN_LOCALITY;
	mangle_is(_metadata, &m, D, dn, "Lausanne", 0);
	m.dn = CFG_DN_STATE;
	mangle_is(_metadata, &m, D, dn, "Vaud", 0);
	mangle_is(_metadata, &m, D, "S=Vaud", "Vaud", 0);
	m.dn = CFG_DN_COUNTRY;
	mangle_is(_metadata, &m, D, dn, "CH", 0);
	m.dn = CFG_DN_DOMAIN;
	mangle_is(_metadata, &m, D, "CN=x,DC=example,DC=com", "example.com", 0);
	mangle_is(_metadata, &m, D, "DC=corp", "corp", 0);
	mangle_is(_metadata, &m, D, dn, NULL, -ENOENT);
	mangle_is(_metadata, &m, D, "DC=example,DC=", NULL, -ENOENT);
}

TEST(mangle_eap)
{
	struct cfg_name_mangler m = { .eap = CFG_MANGLE_EAP_ALL };
	const enum cfg_mangle_src A = CFG_MANGLE_SRC_EAP;

	mangle_is(_metadata, &m, A, "DOMAIN\\user", "DOMAIN\\user", 0);
	m.eap = CFG_MANGLE_EAP_PREFIX;
	m.eap_delim = '\\';
	mangle_is(_metadata, &m, A, "DOMAIN\\user", "DOMAIN", 0);
	mangle_is(_metadata, &m, A, "user", NULL, -ENOENT);
	m.eap = CFG_MANGLE_EAP_SUFFIX;
	mangle_is(_metadata, &m, A, "DOMAIN\\user", "user", 0);
	m.eap_delim = '@';
	mangle_is(_metadata, &m, A, "bob@x", "x", 0);
	mangle_is(_metadata, &m, A, "bob@x@y", "x@y", 0);
	mangle_is(_metadata, &m, A, "bob@", NULL, -ENOENT);
	m.eap = CFG_MANGLE_EAP_PREFIX;
	mangle_is(_metadata, &m, A, "bob@x", "bob", 0);
	m.eap_delim = '.';
	mangle_is(_metadata, &m, A, "a.b.c", "a", 0);
	m.eap = CFG_MANGLE_EAP_SUFFIX;
	mangle_is(_metadata, &m, A, "a.b.c", "b.c", 0);
	m.eap_delim = '%';
	mangle_is(_metadata, &m, A, "user%realm", "realm", 0);
	m.eap = CFG_MANGLE_EAP_DN;
	m.eap_dn = CFG_DN_COMMON_NAME;
	mangle_is(_metadata, &m, A, "CN=eve,O=x", "eve", 0);
	mangle_is(_metadata, &m, A, "eve", NULL, -EINVAL);
	/* the EAP rule is not for IKE identities, nor the others for EAP */
	mangle_is(_metadata, &m, CFG_MANGLE_SRC_DN, "CN=eve", NULL, -ENOENT);
	m.eap = CFG_MANGLE_EAP_NONE;
	m.fqdn = CFG_MANGLE_FQDN_ALL;
	mangle_is(_metadata, &m, A, "host.example.com", NULL, -ENOENT);
}

TEST(mangle_limits_and_arguments)
{
	struct cfg_name_mangler m = { .fqdn = CFG_MANGLE_FQDN_ALL,
				      .dn = CFG_DN_DOMAIN };
	char out[17];

	strcpy(out, "x");
	EXPECT_EQ(-ENOSPC, cfg_mangle_name(&m, CFG_MANGLE_SRC_FQDN,
					   "host.example.com", out, 16));
	EXPECT_STREQ("", out);
	EXPECT_EQ(16, cfg_mangle_name(&m, CFG_MANGLE_SRC_FQDN,
				      "host.example.com", out, 17));
	EXPECT_STREQ("host.example.com", out);
	EXPECT_EQ(-ENOSPC, cfg_mangle_name(&m, CFG_MANGLE_SRC_DN,
					   "DC=example,DC=com", out, 8));
	EXPECT_STREQ("", out);
	EXPECT_EQ(-ENOSPC, cfg_mangle_name(&m, CFG_MANGLE_SRC_DN,
					   "DC=example,DC=com", out, 11));
	EXPECT_EQ(11, cfg_mangle_name(&m, CFG_MANGLE_SRC_DN,
				      "DC=example,DC=com", out, 12));
	EXPECT_STREQ("example.com", out);
	EXPECT_EQ(-ENOSPC, cfg_mangle_name(&m, CFG_MANGLE_SRC_DN,
					   "DC=example", out, 7));
	EXPECT_EQ(-EINVAL, cfg_mangle_name(NULL, CFG_MANGLE_SRC_FQDN, "a",
					   out, sizeof(out)));
	EXPECT_EQ(-EINVAL, cfg_mangle_name(&m, CFG_MANGLE_SRC_FQDN, NULL,
					   out, sizeof(out)));
	EXPECT_EQ(-EINVAL, cfg_mangle_name(&m, CFG_MANGLE_SRC_FQDN, "a",
					   NULL, 0));
	EXPECT_EQ(-EINVAL, cfg_mangle_name(&m, CFG_MANGLE_SRC_FQDN, "a",
					   out, 0));
	EXPECT_EQ(-EINVAL, cfg_mangle_name(&m, (enum cfg_mangle_src)99, "a",
					   out, sizeof(out)));
}

/* "banner TEXT" and IOS's one-line "banner ^C TEXT ^C" */
TEST(authz_banner)
{
	struct cfg *cfg = load_ok(_metadata,
		"crypto ikev2 authorization policy a\n"
		" banner  Welcome to  the VPN \t\n"
		"crypto ikev2 authorization policy b\n"
		" banner ^C flexvpn server ^C\n"
		"crypto ikev2 authorization policy c\n"
		" banner ^C ^C odd ^C\n");
	char *d;

	ASSERT_NE(NULL, cfg);
	EXPECT_STREQ("Welcome to  the VPN",
		     cfg_authz_policy_find(cfg, "a")->banner);
	EXPECT_STREQ("flexvpn server", cfg_authz_policy_find(cfg, "b")->banner);
	EXPECT_STREQ("^C odd", cfg_authz_policy_find(cfg, "c")->banner);
	EXPECT_NULL(cfg_authz_policy_find(cfg, "default")->banner);
	round_trip(_metadata, cfg);
	d = dump_text(cfg, 0);
	EXPECT_TRUE(contains(d, " banner Welcome to  the VPN\n"));
	EXPECT_TRUE(contains(d, " banner flexvpn server\n"));
	EXPECT_TRUE(contains(d, " banner ^C ^C odd ^C\n"));
	free(d);
	load_fails(_metadata, "crypto ikev2 authorization policy a\n"
		   " banner ^C ^C\n", "t.conf:2: banner: the text is empty\n");
	cfg_free(cfg);
}

/* every kind of command, loaded, dumped with keys, loaded again */
TEST(round_trip_everything)
{
	struct cfg *cfg = load_ok(_metadata,
		"crypto ikev2 limit max-in-negotiation-sa 500 incoming\n"
		"crypto ikev2 limit max-sa 200\n"
		"crypto ikev2 window 10\n"
		"crypto ikev2 dpd 30 5 on-demand\n"
		"crypto ikev2 nat keepalive 20\n"
		"crypto ikev2 cookie-challenge 450\n"
		"crypto ikev2 limit half-open-per-source 5\n"
		"aaa new-model\n"
		"aaa authorization network local-list local\n"
		"radius-server timeout 7\nradius-server retransmit 1\n"
		"radius authorization password 0 pw\n"
		"aaa accounting update periodic 30\n"
		"radius server rs1\n address ipv6 2001:db8::5 auth-port 1645 "
		"acct-port 1646\n key 0 rk1\n timeout 3\n"
		"aaa group server radius grp\n server name rs1\n"
		" ip radius source-interface eth0\n"
		"aaa authorization network rad-list group grp local\n"
		"aaa accounting network acct-list start-stop group grp\n"
		"crypto ikev2 name-mangler mg\n fqdn hostname\n"
		" email username\n dn common-name\n eap suffix delimiter @\n"
		"ip local pool p4 10.9.0.1 10.9.0.100\n"
		"ip local pool p4 10.9.1.1\n"
		"ipv6 local pool p4 2001:db8:1::/64 128\n"
		"crypto ikev2 proposal p1\n"
		" encryption aes-cbc-128 aes-cbc-192 aes-cbc-256\n"
		" integrity sha1 sha384\n prf sha512\n group 14 15 16 20\n"
		"crypto ikev2 policy pol1\n match fvrf red\n"
		" match address local 10.0.0.1\n"
		" match address local fe80::1\n proposal p1\n"
		"crypto ikev2 keyring kr\n"
		" peer all\n  description all the others\n"
		"  address 0.0.0.0 0.0.0.0\n  pre-shared-key wildcard key\n"
		" peer h\n  hostname gw.example.com\n  address ::/0\n"
		"  identity key-id abc\n  pre-shared-key local 0 l\n"
		"  pre-shared-key remote hex 01\n"
		"crypto ikev2 authorization policy az\n"
		" pool p4\n ipv6 pool p4\n dns 10.1.1.1 10.1.1.2\n"
		" ipv6 dns 2001:db8::53\n wins 10.1.1.3\n"
		" netmask 255.255.255.0\n route set interface eth1\n"
		" route set remote ipv4 10.0.0.0 255.0.0.0\n"
		" route set remote ipv4 172.16.0.0/12\n"
		" route set remote ipv6 2001:db8::/32\n"
		" route accept any distance 7\n def-domain example.com\n"
		" banner hello there\n"
		" split-dns a.example.com\n split-dns b.example.com\n"
		" session-lifetime 3600\n ipsec flow-limit 0\n"
		"crypto ikev2 profile prof\n description the profile\n"
		" match fvrf any\n match address local 10.0.0.1\n"
		" match identity remote fqdn domain example.com\n"
		" match identity remote email x@example.com\n"
		" match identity remote address 0.0.0.0\n"
		" match identity remote address 10.0.0.0/8\n"
		" identity local fqdn hub.example.com\n"
		" authentication local ecdsa-sig\n"
		" authentication remote pre-share key 0 rk\n"
		" authentication remote eap query-identity timeout 90\n"
		" authentication remote rsa-sig\n"
		" keyring local kr\n pki trustpoint ca sign\n"
		" pki trustpoint ca2 verify\n lifetime 3600\n"
		" dpd 10 3 periodic\n nat keepalive 60\n"
		" virtual-template 1 mode auto\n"
		" aaa authorization group override psk list local-list az\n"
		" aaa authorization group eap list local-list\n"
		" aaa authorization user cert list local-list default\n"
		" aaa authorization user eap list rad-list name-mangler mg\n"
		" aaa accounting psk acct-list\n"
		" shutdown\n"
		"crypto ikev2 profile prof2\n"
		" match identity remote key-id k\n"
		" identity local dn\n"
		" authentication local rsa-sig\n"
		" authentication remote rsa-sig\n pki trustpoint ca\n"
		" shutdown\n no shutdown\n"
		"crypto ipsec transform-set ts1 esp-gcm 256\n mode transport\n"
		"crypto ipsec transform-set ts2 esp-aes 192 esp-sha512-hmac\n"
		"crypto ipsec transform-set ts3 esp-chacha20-poly1305\n"
		"crypto ipsec transform-set ts4 esp-sha384-hmac esp-aes\n"
		"crypto ipsec profile ip1\n set transform-set ts1 ts2 ts3 ts4\n"
		" set ikev2-profile prof\n set pfs group31\n"
		" set security-association lifetime seconds 7200\n"
		" set security-association lifetime kilobytes 100000\n"
		" responder-only\n"
		"crypto ipsec profile ip2\n"
		"crypto pki trustpoint ca\n description our CA\n"
		" ca-certificate /etc/flexvti/ca.pem\n"
		" certificate /etc/flexvti/hub.pem\n"
		" private-key /etc/flexvti/hub.key\n"
		" crl /etc/flexvti/ca.crl\n revocation-check none\n"
		"crypto pki trustpoint ca2\n ca-certificate /ca2.pem\n"
		" crl /ca2.crl\n"
		"interface Tunnel7\n description to the hub\n"
		" ip address 172.16.0.2 255.255.255.252\n"
		" ipv6 address 2001:db8:7::2/64\n vrf forwarding blue\n"
		" ip mtu 1400\n ip nhrp network-id 7\n"
		" ip nhrp shortcut virtual-template 2\n"
		" ip nhrp redirect timeout 30\n tunnel source 198.51.100.2\n"
		" tunnel mode ipsec ipv6\n tunnel destination 198.51.100.1\n"
		" tunnel protection ipsec profile ip1\n shutdown\n"
		"interface Virtual-Template1 type tunnel\n"
		" description the template\n ip unnumbered lo\n"
		" vrf forwarding blue\n"
		" ipv6 unnumbered Loopback0\n ip mtu 1400\n"
		" tunnel mode gre ipv6\n tunnel source 2001:db8::1\n"
		" tunnel protection ipsec profile ip1\n"
		" ip nhrp network-id 4294967295\n ip nhrp redirect timeout 9\n"
		" shutdown\n"
		"interface Virtual-Template 2 type tunnel\n"
		" tunnel source eth0.100\n ip nhrp redirect\n"
		" tunnel protection ipsec profile ip2\n"
		"interface Virtual-Template2\n no shutdown\n"
		"crypto ipsec transform-set default esp-gcm\n"
		"no crypto ikev2 policy default\n");
	const struct cfg_template *t;
	const struct cfg_profile *pf;

	ASSERT_NE(NULL, cfg);
	t = cfg_template_find(cfg, 1);
	ASSERT_NE(NULL, t);
	EXPECT_EQ(CFG_TUNNEL_GRE_IPV6, t->mode);
	EXPECT_EQ(AF_INET6, t->source_addr.family);
	EXPECT_EQ(9, t->nhrp_redirect_timeout);
	t = cfg_template_find(cfg, 2);
	ASSERT_NE(NULL, t);
	EXPECT_EQ(CFG_TUNNEL_GRE_IP, t->mode);
	EXPECT_FALSE(t->mode_set);
	EXPECT_EQ(0, t->source_addr.family);
	EXPECT_STREQ("eth0.100", t->source);
	EXPECT_EQ(CFG_NHRP_REDIRECT_TIMEOUT, t->nhrp_redirect_timeout);
	EXPECT_EQ(0, t->mtu);
	EXPECT_STREQ("default", t->ipsec->tsets[0]->name);
	pf = cfg_profile_find(cfg, "prof");
	ASSERT_NE(NULL, pf);
	EXPECT_EQ(CFG_AUTH_BIT(CFG_AUTH_PSK) | CFG_AUTH_BIT(CFG_AUTH_EAP) |
		  CFG_AUTH_BIT(CFG_AUTH_RSA_SIG), pf->remote_auth);
	EXPECT_TRUE(pf->eap_query_identity);
	EXPECT_EQ(90, pf->eap_timeout);
	EXPECT_EQ(0, pf->match_id[2].addr.prefix);
	EXPECT_EQ(cfg_template_find(cfg, 1), pf->template);
	EXPECT_NE(NULL, pf->authz_group[CFG_AAA_PSK].policy);
	EXPECT_NULL(pf->authz_group[CFG_AAA_EAP].username);
	EXPECT_TRUE(pf->authz_group_override);
	EXPECT_EQ(2, cfg_pool_find(cfg, "p4", AF_INET)->nranges);
	EXPECT_EQ(128, cfg_pool_find(cfg, "p4", AF_INET6)->assign_len);
	EXPECT_FALSE(cfg_profile_find(cfg, "prof2")->shutdown);
	EXPECT_EQ(60, pf->nat_keepalive);
	EXPECT_STREQ("blue", cfg_template_find(cfg, 1)->vrf);
	EXPECT_EQ(500, cfg->ike.max_neg_in);
	EXPECT_EQ(CFG_MAX_NEG_SA_DEFAULT, cfg->ike.max_neg_out);
	EXPECT_EQ(200, cfg->ike.max_sa);
	EXPECT_EQ(30, cfg->ike.dpd.interval);
	EXPECT_FALSE(cfg->ike.dpd.periodic);
	EXPECT_EQ(450, cfg->ike.cookie_challenge);
	EXPECT_EQ(5, cfg->ike.max_half_open_per_source);
	EXPECT_EQ(cfg_trustpoint_find(cfg, "ca"), pf->tp_sign);
	EXPECT_EQ(cfg_trustpoint_find(cfg, "ca2"), pf->tp_verify);
	EXPECT_FALSE(pf->tp_sign->check_crl);
	EXPECT_TRUE(pf->tp_verify->check_crl);
	ASSERT_NE(NULL, cfg_tunnel_find(cfg, 7));
	EXPECT_EQ(cfg_template_find(cfg, 2),
		  cfg_tunnel_find(cfg, 7)->shortcut_template);
	EXPECT_EQ(pf, cfg_tunnel_find(cfg, 7)->ipsec->ike_profile);
	EXPECT_EQ(cfg->manglers[0], pf->authz_user[CFG_AAA_EAP].mangler);
	EXPECT_EQ(cfg->acct_lists[0], pf->acct[CFG_AAA_PSK]);
	EXPECT_NULL(pf->acct[CFG_AAA_EAP]);
	EXPECT_EQ(3, cfg->radius_servers[0]->timeout);
	EXPECT_EQ(1, cfg->radius_servers[0]->retransmit);
	EXPECT_EQ(1645, cfg->radius_servers[0]->auth_port);
	EXPECT_STREQ("eth0", cfg->radius_groups[0]->source_if);
	EXPECT_STREQ("hello there", cfg_authz_policy_find(cfg, "az")->banner);
	round_trip(_metadata, cfg);
	cfg_free(cfg);
}

/* inventory §3 items 36, 38 and 53 */
TEST(global_options)
{
	struct cfg_err err;
	struct cfg *cfg = load_ok(_metadata, "");
	static const char ivrf[] =
		"crypto ikev2 limit max-in-negotiation-sa 5000\n"
		"crypto ikev2 profile p\n"
		" match identity remote fqdn a\n"
		" authentication local rsa-sig\n"
		" authentication remote rsa-sig\n"
		" pki trustpoint ca\n"
		" ivrf red\n"
		"crypto pki trustpoint ca\n"
		" ca-certificate /etc/flexvti/ca.pem\n"
		" certificate /etc/flexvti/hub.pem\n"
		" private-key /etc/flexvti/hub.key\n";

	ASSERT_NE(NULL, cfg);
	EXPECT_EQ(1000, cfg->ike.max_neg_in);
	EXPECT_EQ(1000, cfg->ike.max_neg_out);
	EXPECT_EQ(0, cfg->ike.max_sa);
	EXPECT_EQ(5, cfg->ike.window);
	EXPECT_EQ(0, cfg->ike.dpd.interval);
	EXPECT_EQ(0, cfg->ike.nat_keepalive);
	EXPECT_EQ(0, cfg->ike.cookie_challenge);
	EXPECT_EQ(20, cfg->ike.max_half_open_per_source);
	cfg_free(cfg);

	cfg = cfg_load_buf("t.conf", ivrf, strlen(ivrf), &err);
	ASSERT_NE(NULL, cfg);
	EXPECT_EQ(5000, cfg->ike.max_neg_in);
	EXPECT_EQ(5000, cfg->ike.max_neg_out);
	ASSERT_EQ(1, err.nwarnings);
	EXPECT_EQ(7, err.diag[0].line);
	EXPECT_STREQ("ivrf is ignored: set the VRF of the virtual-access "
		     "interfaces with 'vrf forwarding' in the virtual "
		     "template", err.diag[0].msg);
	cfg_free(cfg);
	load_fails(_metadata, "crypto ikev2 dpd 10 10 periodic\n",
		   "t.conf:1: dpd retry 10: out of range 1-9\n");
	load_fails(_metadata, "crypto ikev2 window 0\n",
		   "t.conf:1: crypto ikev2 window 0: out of range 1-200\n");
	load_fails(_metadata, "crypto ikev2 cookie-challenge 0\n",
		   "t.conf:1: crypto ikev2 cookie-challenge 0: out of range "
		   "1-1000\n");
	load_fails(_metadata, "crypto ikev2 limit half-open-per-source "
		   "10001\n", "t.conf:1: crypto ikev2 limit "
		   "half-open-per-source 10001: out of range 1-10000\n");
}

TEST(ipsec_profile_for_template)
{
	struct cfg *cfg = load_ok(_metadata,
		"crypto ikev2 profile a\n match identity remote fqdn a\n"
		" authentication local rsa-sig\n authentication remote rsa-sig\n"
		" pki trustpoint ca\n virtual-template 1\n"
		"crypto ikev2 profile b\n match identity remote fqdn b\n"
		" authentication local rsa-sig\n authentication remote rsa-sig\n"
		" pki trustpoint ca\n virtual-template 1\n"
		"crypto ipsec profile ipa\n set ikev2-profile a\n"
		"interface Virtual-Template1 type tunnel\n"
		" tunnel protection ipsec profile ipa\n"
		"interface Virtual-Template2 type tunnel\n"
		"crypto pki trustpoint ca\n"
		" ca-certificate /etc/flexvti/ca.pem\n"
		" certificate /etc/flexvti/hub.pem\n"
		" private-key /etc/flexvti/hub.key\n");
	const struct cfg_profile *a, *b;
	const struct cfg_template *t;
	char why[128];

	ASSERT_NE(NULL, cfg);
	a = cfg_profile_find(cfg, "a");
	b = cfg_profile_find(cfg, "b");
	t = cfg_template_find(cfg, 1);
	ASSERT_NE(NULL, t);
	EXPECT_EQ(cfg_ipsec_profile_find(cfg, "ipa"),
		  cfg_ipsec_profile_for_template(t, a, why, sizeof(why)));
	EXPECT_NULL(cfg_ipsec_profile_for_template(t, b, why, sizeof(why)));
	EXPECT_STREQ("IPsec profile 'ipa' is for IKEv2 profile 'a'", why);
	EXPECT_NULL(cfg_ipsec_profile_for_template(cfg_template_find(cfg, 2),
						   a, why, sizeof(why)));
	EXPECT_STREQ("Virtual-Template2 has no tunnel protection", why);
	EXPECT_NULL(cfg_template_find(cfg, 3));
	EXPECT_NULL(cfg_pool_find(cfg, "x", AF_INET));
	EXPECT_NULL(cfg_profile_find(cfg, "c"));
	cfg_free(cfg);
}

/* files, revocation defaults, and what a profile's trustpoints need */
TEST(pki_trustpoints)
{
	struct cfg *cfg = load_ok(_metadata,
		"crypto ikev2 profile signer\n"
		" match identity remote fqdn a\n"
		" authentication local rsa-sig\n"
		" authentication remote ecdsa-sig\n"
		" pki trustpoint hub sign\n"
		" pki trustpoint anchors verify\n"
		"crypto ikev2 profile psk-local\n"
		" match identity remote fqdn b\n"
		" authentication local pre-share key 0 k\n"
		" authentication remote rsa-sig\n"
		" pki trustpoint anchors\n"
		"crypto pki trustpoint hub\n"
		" description the hub's own certificate\n"
		" certificate /etc/flexvti/hub.pem\n"
		" private-key /etc/flexvti/hub.key\n"
		" revocation-check none\n"
		"crypto pki trustpoint anchors\n"
		" ca-certificate /etc/flexvti/ca.pem\n"
		" crl /etc/flexvti/ca.crl\n"
		"crypto pki trustpoint explicit\n"
		" ca-certificate /etc/flexvti/ca.pem\n"
		" revocation-check crl\n"
		" crl /etc/flexvti/ca.crl\n"
		"crypto pki trustpoint off\n"
		" ca-certificate /etc/flexvti/ca.pem\n"
		" crl /etc/flexvti/ca.crl\n"
		" revocation-check none\n"
		"crypto pki trustpoint hub\n"
		" crl /etc/flexvti/hub.crl\n");
	const struct cfg_trustpoint *hub, *anchors;
	const struct cfg_profile *pf;
	char *d;

	ASSERT_NE(NULL, cfg);
	ASSERT_EQ(4, cfg->ntrustpoints);
	hub = cfg_trustpoint_find(cfg, "hub");
	anchors = cfg_trustpoint_find(cfg, "anchors");
	ASSERT_NE(NULL, hub);
	ASSERT_NE(NULL, anchors);
	EXPECT_NULL(cfg_trustpoint_find(cfg, "HUB"));
	EXPECT_EQ(12, hub->line);
	EXPECT_STREQ("the hub's own certificate", hub->description);
	EXPECT_NULL(hub->ca_file);
	EXPECT_STREQ("/etc/flexvti/hub.pem", hub->cert_file);
	EXPECT_STREQ("/etc/flexvti/hub.key", hub->key_file);
	/* "revocation-check none" holds, whatever comes after */
	EXPECT_STREQ("/etc/flexvti/hub.crl", hub->crl_file);
	EXPECT_FALSE(hub->check_crl);
	EXPECT_EQ(16, hub->revocation_line);
	/* a crl file alone turns checking on; no crl file, no checking */
	EXPECT_TRUE(anchors->check_crl);
	EXPECT_EQ(0, anchors->revocation_line);
	EXPECT_NULL(anchors->cert_file);
	EXPECT_TRUE(cfg_trustpoint_find(cfg, "explicit")->check_crl);
	EXPECT_FALSE(cfg_trustpoint_find(cfg, "off")->check_crl);

	pf = cfg_profile_find(cfg, "signer");
	ASSERT_NE(NULL, pf);
	EXPECT_EQ(hub, pf->tp_sign);
	EXPECT_EQ(anchors, pf->tp_verify);
	EXPECT_EQ(5, pf->trustpoint_sign_line);
	EXPECT_EQ(6, pf->trustpoint_verify_line);
	/* a CA-only trustpoint for both roles: only verifying uses it */
	pf = cfg_profile_find(cfg, "psk-local");
	ASSERT_NE(NULL, pf);
	EXPECT_EQ(anchors, pf->tp_sign);
	EXPECT_EQ(anchors, pf->tp_verify);

	d = dump_text(cfg, 0);
	EXPECT_TRUE(contains(d, "crypto pki trustpoint hub\n"
			       " description the hub's own certificate\n"
			       " certificate /etc/flexvti/hub.pem\n"
			       " private-key /etc/flexvti/hub.key\n"
			       " crl /etc/flexvti/hub.crl\n"
			       " revocation-check none\n!\n"));
	EXPECT_TRUE(contains(d, "crypto pki trustpoint anchors\n"
			       " ca-certificate /etc/flexvti/ca.pem\n"
			       " crl /etc/flexvti/ca.crl\n!\n"));
	free(d);
	round_trip(_metadata, cfg);
	cfg_free(cfg);

	/* an unknown name is reported once for both roles */
	load_fails(_metadata, "crypto ikev2 profile p\n"
		   " match identity remote fqdn a\n"
		   " authentication local rsa-sig\n"
		   " authentication remote rsa-sig\n"
		   " pki trustpoint nope\n",
		   "t.conf:5: unknown trustpoint 'nope'\n");
	load_fails(_metadata, "crypto pki trustpoint ca\n"
		   " certificate /etc/flexvti/hub.pem\n"
		   " private-key etc/flexvti/hub.key\n",
		   "t.conf:3: private-key: 'etc/flexvti/hub.key' is not an "
		   "absolute path\n");
}

static const char tunnels_text[] =
	"crypto ikev2 keyring kr\n"
	" peer hub\n  address 192.0.2.1\n  pre-shared-key k\n"
	"crypto ikev2 profile to-hub\n"
	" match identity remote address 192.0.2.1\n"
	" authentication local pre-share\n"
	" authentication remote pre-share\n"
	" keyring local kr\n"
	" virtual-template 1\n"
	"crypto ipsec profile s2s\n"
	" set ikev2-profile to-hub\n"
	"crypto ipsec profile default\n"
	" set ikev2-profile to-hub\n"
	"interface Tunnel0\n"
	" ip address 172.16.0.101 255.255.255.0\n"
	" tunnel source eth0\n"
	" tunnel mode ipsec ipv4\n"
	" tunnel destination 192.0.2.1\n"
	" tunnel protection ipsec profile s2s\n"
	"interface Tunnel 1\n"
	" ip address negotiated\n"
	" ipv6 address 2001:db8:1::5/64\n"
	" ip nhrp network-id 1\n"
	" ip nhrp shortcut virtual-template 1\n"
	" ip nhrp redirect\n"
	" tunnel mode gre ipv6\n"
	" tunnel source 2001:db8::2\n"
	" tunnel destination 2001:db8::1\n"
	" tunnel protection ipsec profile default\n"
	"interface tunnel2147483647\n"
	" description not protected\n"
	"interface Virtual-Template1 type tunnel\n"
	" ip unnumbered Tunnel1\n"
	" ip nhrp network-id 1\n"
	" tunnel protection ipsec profile default\n"
	"interface Tunnel0\n"
	" ip mtu 1400\n";

/* static tunnels: the initiator's interfaces */
TEST(tunnel_interfaces)
{
	struct cfg_err err;
	struct cfg *cfg = cfg_load_buf("t.conf", tunnels_text,
				       strlen(tunnels_text), &err);
	const struct cfg_tunnel *t0, *t1, *tmax;
	struct cfg_addr hub = host("192.0.2.1");
	char *d, buf[INET6_ADDRSTRLEN];

	ASSERT_NE(NULL, cfg);
	EXPECT_EQ(0, err.nerrors);
	ASSERT_EQ(1, err.nwarnings);
	EXPECT_EQ(31, err.diag[0].line);
	EXPECT_STREQ("interface Tunnel2147483647 has no 'tunnel protection' "
		     "and is not set up", err.diag[0].msg);
	ASSERT_EQ(3, cfg->ntunnels);
	t0 = cfg_tunnel_find(cfg, 0);
	t1 = cfg_tunnel_find(cfg, 1);
	tmax = cfg_tunnel_find(cfg, 2147483647);
	ASSERT_NE(NULL, t0);
	ASSERT_NE(NULL, t1);
	ASSERT_NE(NULL, tmax);
	EXPECT_NULL(cfg_tunnel_find(cfg, 2));

	/* Tunnel0: a static address, ESP tunnel mode, continued block */
	EXPECT_EQ(15, t0->line);
	EXPECT_EQ(AF_INET, t0->addr.family);
	EXPECT_EQ(24, t0->addr.prefix);
	EXPECT_STREQ("172.16.0.101", inet_ntop(AF_INET, &t0->addr.v4, buf,
					       sizeof(buf)));
	EXPECT_FALSE(t0->addr_negotiated);
	EXPECT_EQ(0, t0->addr6.family);
	EXPECT_EQ(CFG_TUNNEL_IPSEC_IPV4, t0->mode);
	EXPECT_STREQ("eth0", t0->source);
	EXPECT_EQ(0, t0->source_addr.family);
	EXPECT_EQ(AF_INET, t0->dest.family);
	EXPECT_EQ(hub.v4.s_addr, t0->dest.v4.s_addr);
	EXPECT_EQ(19, t0->dest_line);
	EXPECT_EQ(1400, t0->mtu);
	EXPECT_EQ(&t0->iface.mtu, &t0->mtu);
	ASSERT_NE(NULL, t0->ipsec);
	EXPECT_STREQ("s2s", t0->ipsec->name);
	EXPECT_EQ(cfg_profile_find(cfg, "to-hub"), t0->ipsec->ike_profile);
	EXPECT_EQ(0, t0->nhrp_shortcut);
	EXPECT_NULL(t0->shortcut_template);

	/* Tunnel 1: negotiated, GRE over IPv6, spoke-to-spoke shortcuts */
	EXPECT_TRUE(t1->addr_negotiated);
	EXPECT_EQ(0, t1->addr.family);
	EXPECT_EQ(AF_INET6, t1->addr6.family);
	EXPECT_EQ(64, t1->addr6.prefix);
	EXPECT_STREQ("2001:db8:1::5", inet_ntop(AF_INET6, &t1->addr6.v6, buf,
						sizeof(buf)));
	EXPECT_EQ(CFG_TUNNEL_GRE_IPV6, t1->mode);
	EXPECT_EQ(AF_INET6, t1->source_addr.family);
	EXPECT_EQ(AF_INET6, t1->dest.family);
	EXPECT_EQ(1, t1->nhrp_network_id);
	EXPECT_TRUE(t1->nhrp_redirect);
	EXPECT_EQ(CFG_NHRP_REDIRECT_TIMEOUT, t1->nhrp_redirect_timeout);
	EXPECT_EQ(1, t1->nhrp_shortcut);
	EXPECT_EQ(cfg_template_find(cfg, 1), t1->shortcut_template);
	EXPECT_EQ(cfg_ipsec_profile_find(cfg, "default"), t1->ipsec);

	EXPECT_STREQ("not protected", tmax->description);
	EXPECT_NULL(tmax->ipsec);
	EXPECT_EQ(0, tmax->dest.family);
	EXPECT_FALSE(tmax->mode_set);

	d = dump_text(cfg, 0);
	EXPECT_TRUE(contains(d, "interface Tunnel0\n"
			       " ip address 172.16.0.101 255.255.255.0\n"
			       " ip mtu 1400\n"
			       " tunnel source eth0\n"
			       " tunnel mode ipsec ipv4\n"
			       " tunnel destination 192.0.2.1\n"
			       " tunnel protection ipsec profile s2s\n!\n"));
	EXPECT_TRUE(contains(d, "interface Tunnel1\n"
			       " ip address negotiated\n"
			       " ipv6 address 2001:db8:1::5/64\n"
			       " ip nhrp network-id 1\n"
			       " ip nhrp shortcut virtual-template 1\n"
			       " ip nhrp redirect\n"
			       " tunnel source 2001:db8::2\n"
			       " tunnel mode gre ipv6\n"
			       " tunnel destination 2001:db8::1\n"
			       " tunnel protection ipsec profile default\n"));
	EXPECT_TRUE(contains(d, "interface Tunnel2147483647\n"
			       " description not protected\n!\n"));
	free(d);
	round_trip(_metadata, cfg);
	cfg_free(cfg);

	/* the template's own fields are the shared ones */
	cfg = load_ok(_metadata, "interface Virtual-Template3 type tunnel\n"
		      " ip mtu 1300\n tunnel mode ipsec ipv6\n");
	ASSERT_NE(NULL, cfg);
	EXPECT_EQ(1300, cfg_template_find(cfg, 3)->iface.mtu);
	EXPECT_EQ(CFG_TUNNEL_IPSEC_IPV6, cfg_template_find(cfg, 3)->iface.mode);
	EXPECT_EQ(0, cfg->ntunnels);
	cfg_free(cfg);

	/* what only a tunnel has is refused in a template */
	load_fails(_metadata, "interface Virtual-Template1 type tunnel\n"
		   " tunnel destination 192.0.2.1\n",
		   "t.conf:2: unsupported command 'tunnel destination'\n");
	/* the IPsec profile of a tunnel must name the IKEv2 profile */
	load_fails(_metadata, "crypto ipsec profile s2s\n"
		   "interface Tunnel0\n"
		   " tunnel destination 192.0.2.1\n"
		   " tunnel protection ipsec profile s2s\n",
		   "t.conf:4: IPsec profile 's2s' has no 'set ikev2-profile', "
		   "which interface Tunnel0 needs to initiate\n");
}

/* MPLS over FlexVPN (inventory H01, §3 item 50) and the NHRP holdtime */
TEST(mpls_lines)
{
	struct cfg *cfg = load_ok(_metadata,
		"interface Virtual-Template1 type tunnel\n"
		" mpls bgp forwarding\n"
		" ip nhrp holdtime 600\n"
		"interface Virtual-Template2 type tunnel\n"
		" tunnel mode gre ipv6\n"
		" mpls nhrp\n"
		" mpls label-stack 1048575 16 17 18 19 20 21 22\n"
		" mpls label-stack 300 400\n"
		"interface Virtual-Template3 type tunnel\n"
		" tunnel mode ipsec ipv6\n"
		"interface Tunnel0\n"
		" tunnel mode gre ip\n"
		" mpls label-stack 100\n");
	const struct cfg_template *t1, *t2, *t3;
	const struct cfg_tunnel *tun;
	char *d;

	ASSERT_NE(NULL, cfg);
	t1 = cfg_template_find(cfg, 1);
	t2 = cfg_template_find(cfg, 2);
	t3 = cfg_template_find(cfg, 3);
	tun = cfg_tunnel_find(cfg, 0);
	ASSERT_NE(NULL, t1);
	ASSERT_NE(NULL, t2);
	ASSERT_NE(NULL, t3);
	ASSERT_NE(NULL, tun);

	/* the guide's line, over the default mode (gre ip) */
	EXPECT_TRUE(t1->mpls);
	EXPECT_TRUE(t1->mpls_bgp);
	EXPECT_FALSE(t1->mpls_nhrp);
	EXPECT_EQ(0, t1->nmpls_labels);
	EXPECT_EQ(2, t1->mpls_line);
	EXPECT_FALSE(t1->mode_set);
	EXPECT_EQ(600, t1->nhrp_holdtime);

	/* "mpls nhrp" is the same; a later label stack replaces one */
	EXPECT_TRUE(t2->mpls);
	EXPECT_FALSE(t2->mpls_bgp);
	EXPECT_TRUE(t2->mpls_nhrp);
	EXPECT_EQ(6, t2->mpls_line);
	ASSERT_EQ(2, t2->nmpls_labels);
	EXPECT_EQ(300, t2->mpls_labels[0]);
	EXPECT_EQ(400, t2->mpls_labels[1]);
	EXPECT_EQ(CFG_NHRP_HOLDTIME_DEFAULT, t2->nhrp_holdtime);

	/* no MPLS line: off; the holdtime of IOS */
	EXPECT_FALSE(t3->mpls);
	EXPECT_EQ(0, t3->mpls_line);
	EXPECT_EQ(7200, t3->nhrp_holdtime);

	/* a label stack alone turns MPLS on */
	EXPECT_TRUE(tun->mpls);
	EXPECT_FALSE(tun->mpls_bgp);
	EXPECT_FALSE(tun->mpls_nhrp);
	ASSERT_EQ(1, tun->nmpls_labels);
	EXPECT_EQ(100, tun->mpls_labels[0]);
	EXPECT_EQ(&tun->iface.mpls, &tun->mpls);

	d = dump_text(cfg, 0);
	EXPECT_TRUE(contains(d, "interface Virtual-Template1 type tunnel\n"
			       " ip nhrp holdtime 600\n"
			       " mpls bgp forwarding\n!\n"));
	EXPECT_TRUE(contains(d, "interface Virtual-Template2 type tunnel\n"
			       " mpls nhrp\n"
			       " mpls label-stack 300 400\n"
			       " tunnel mode gre ipv6\n!\n"));
	EXPECT_TRUE(contains(d, "interface Virtual-Template3 type tunnel\n"
			       " tunnel mode ipsec ipv6\n!\n"));
	EXPECT_TRUE(contains(d, "interface Tunnel0\n"
			       " mpls label-stack 100\n"
			       " tunnel mode gre ip\n!\n"));
	free(d);
	round_trip(_metadata, cfg);
	cfg_free(cfg);

	/* MPLS needs a gre mode, whatever the order of the lines */
	load_fails(_metadata, "interface Virtual-Template1 type tunnel\n"
		   " tunnel mode ipsec ipv6\n"
		   " ip nhrp holdtime 1\n"
		   " mpls nhrp\n",
		   "t.conf:4: MPLS needs 'tunnel mode gre ip' or 'tunnel mode "
		   "gre ipv6', not 'tunnel mode ipsec ipv6'\n");
	load_fails(_metadata, "interface Virtual-Template1 type tunnel\n"
		   " mpls label-stack 16\n"
		   " mpls bgp forwarding\n"
		   " tunnel mode ipsec ipv4\n",
		   "t.conf:2: MPLS needs 'tunnel mode gre ip' or 'tunnel mode "
		   "gre ipv6', not 'tunnel mode ipsec ipv4'\n");
	load_fails(_metadata, "interface Virtual-Template1 type tunnel\n"
		   " mpls label-stack 1048576\n",
		   "t.conf:2: mpls label-stack 1048576: out of range "
		   "16-1048575\n");
	load_fails(_metadata, "interface Virtual-Template1 type tunnel\n"
		   " mpls label-stack\n",
		   "t.conf:2: mpls label-stack: missing argument (usage: mpls "
		   "label-stack L1 [L2 ... L8])\n");
	load_fails(_metadata, "interface Virtual-Template1 type tunnel\n"
		   " mpls bgp forwarding now\n",
		   "t.conf:2: mpls bgp forwarding: unexpected 'now' (usage: "
		   "mpls bgp forwarding)\n");
	load_fails(_metadata, "interface Tunnel1\n"
		   " ip nhrp holdtime 0\n",
		   "t.conf:2: ip nhrp holdtime 0: out of range 1-65535\n");
	/* LDP is refused in a tunnel as in a template */
	load_fails(_metadata, "interface Tunnel1\n"
		   " mpls ip\n",
		   "t.conf:2: 'mpls ip' is refused: LDP must never run on "
		   "FlexVPN tunnels (its hellos keep spoke-to-spoke tunnels "
		   "up); use 'mpls bgp forwarding'\n");
}

/* a guide example, loaded without error */
static struct cfg *load_guide(struct __test_metadata *_metadata,
			      const char *name)
{
	char path[512];
	struct cfg_err err;
	struct cfg *cfg;

	snprintf(path, sizeof(path), "%s/%s", GUIDE_DIR, name);
	cfg = cfg_load_file(path, &err);
	EXPECT_EQ(0, err.nerrors);
	return cfg;
}

/* chapters 6 and 10: what the hub's and the spokes' lines come to */
TEST(guide_spoke_to_spoke_and_mpls)
{
	const struct cfg_template *t;
	const struct cfg_tunnel *tun;
	struct cfg *cfg;

	/* the hub: redirect on the template, MPLS input on its VAs */
	cfg = load_guide(_metadata, "ch10-mpls-hub.conf");
	ASSERT_NE(NULL, cfg);
	t = cfg_template_find(cfg, 1);
	ASSERT_NE(NULL, t);
	EXPECT_EQ(1, t->nhrp_network_id);
	EXPECT_TRUE(t->nhrp_redirect);
	EXPECT_EQ(CFG_NHRP_REDIRECT_TIMEOUT, t->nhrp_redirect_timeout);
	EXPECT_TRUE(t->mpls_bgp);
	EXPECT_FALSE(t->mode_set);	/* gre ip, the template default */
	EXPECT_STREQ("lo", t->unnumbered);
	cfg_free(cfg);

	/* a spoke: labelled traffic over its static tunnel */
	cfg = load_guide(_metadata, "ch10-mpls-spoke1.conf");
	ASSERT_NE(NULL, cfg);
	tun = cfg_tunnel_find(cfg, 0);
	ASSERT_NE(NULL, tun);
	EXPECT_TRUE(tun->mpls);
	EXPECT_TRUE(tun->mpls_bgp);
	EXPECT_EQ(0, tun->nmpls_labels);
	cfg_free(cfg);

	/* a spoke of chapter 6: shortcuts from its Virtual-Template1 */
	cfg = load_guide(_metadata, "ch6-bgp-spoke1.conf");
	ASSERT_NE(NULL, cfg);
	tun = cfg_tunnel_find(cfg, 0);
	ASSERT_NE(NULL, tun);
	EXPECT_EQ(1, tun->nhrp_network_id);
	EXPECT_EQ(1, tun->nhrp_shortcut);
	ASSERT_NE(NULL, tun->shortcut_template);
	EXPECT_EQ(1, tun->shortcut_template->num);
	EXPECT_STREQ("Tunnel0", tun->shortcut_template->unnumbered);
	cfg_free(cfg);
}

/* a longer top-level command beats a shorter one of the open block */
TEST(syntax_longer_enclosing_command)
{
	struct cfg *cfg = load_ok(_metadata,
		"aaa new-model\n"
		"radius authorization password pw\n"
		"radius server r\n address ipv4 192.0.2.1\n key k\n"
		"crypto ikev2 profile p\n"
		" match identity remote fqdn a.example\n"
		" authentication local pre-share key 0 k\n"
		" authentication remote pre-share key k\n"
		" aaa accounting a\n"
		"!\n"
		"aaa accounting network a start-stop group radius\n"
		" aaa accounting update periodic 5\n");
	const struct cfg_profile *pf;

	ASSERT_NE(NULL, cfg);
	ASSERT_EQ(1, cfg->nacct_lists);
	EXPECT_EQ(5, cfg->radius.acct_update_min);
	pf = cfg_profile_find(cfg, "p");
	ASSERT_NE(NULL, pf);
	EXPECT_EQ(cfg->acct_lists[0], pf->acct[CFG_AAA_PSK]);
	cfg_free(cfg);
	/* the top-level line ended the profile block */
	load_fails(_metadata, "aaa new-model\n"
		   "crypto ikev2 profile p\n"
		   "aaa accounting update periodic 5\n"
		   " aaa accounting eap a\n",
		   "t.conf:4: unsupported command 'aaa accounting eap'\n");
	/* without the top-level command's arguments it is the profile's:
	 * a list named "network" loads, dumps and loads again */
	cfg = load_ok(_metadata,
		"aaa new-model\n"
		"radius authorization password pw\n"
		"radius server r\n address ipv4 192.0.2.1\n key k\n"
		"aaa accounting network network start-stop group radius\n"
		"crypto ikev2 profile p\n"
		" match identity remote fqdn a.example\n"
		" authentication local pre-share key 0 k\n"
		" authentication remote pre-share key k\n"
		" aaa accounting network\n");
	ASSERT_NE(NULL, cfg);
	pf = cfg_profile_find(cfg, "p");
	ASSERT_NE(NULL, pf);
	EXPECT_EQ(cfg->acct_lists[0], pf->acct[CFG_AAA_EAP]);
	round_trip(_metadata, cfg);
	cfg_free(cfg);
}

/* an unknown accounting list is named once per line */
TEST(unknown_accounting_list_once)
{
	load_fails(_metadata, "aaa new-model\n"
		   "crypto ikev2 profile p\n"
		   " match identity remote fqdn a.example\n"
		   " authentication local pre-share key 0 k\n"
		   " authentication remote pre-share key k\n"
		   " aaa accounting x\n"
		   " aaa accounting cert y\n",
		   "t.conf:6: unknown aaa accounting network list 'x'\n"
		   "t.conf:7: unknown aaa accounting network list 'y'\n");
}

TEST(syntax_blocks_comments_case)
{
	struct cfg *cfg = load_ok(_metadata,
		"! comment\r\n"
		"\r\n"
		"   ! indented comment\n"
		"CRYPTO IKEV2 KEYRING kr\n"
		"PEER a\n"
		"ADDRESS 192.0.2.1\n"
		"pre-shared-key Mixed Case\n"
		"exit\n"
		"peer b\n"
		"\taddress 192.0.2.2\n"
		"\tpre-shared-key b\n"
		"end\n"
		"crypto ikev2 keyring kr\n"
		" peer a\n"
		"  hostname h\n"
		"exit\n"
		"end\n"
		"end\n");
	const struct cfg_keyring *kr;

	ASSERT_NE(NULL, cfg);
	ASSERT_EQ(1, cfg->nkeyrings);
	kr = cfg->keyrings[0];
	ASSERT_EQ(2, kr->npeers);
	EXPECT_STREQ("h", kr->peers[0]->hostname);
	EXPECT_EQ(0, memcmp("Mixed Case", kr->peers[0]->local_key.data, 10));
	cfg_free(cfg);

	/* a top-level command ends a block: "peer" is not one */
	load_fails(_metadata, "crypto ikev2 keyring kr\n"
		   " peer a\n  address 192.0.2.1\n  pre-shared-key k\n"
		   "ip local pool x 10.0.0.1\n"
		   " peer b\n",
		   "t.conf:6: unsupported command 'peer'\n");
	/* an unknown indented line stays in its block */
	load_fails(_metadata, "interface Virtual-Template1 type tunnel\n"
		   " ip address 10.0.0.1 255.0.0.0\n"
		   " ip mtu 99999\n",
		   "t.conf:2: unsupported command 'ip address'\n"
		   "t.conf:3: ip mtu 99999: out of range 576-9000\n");
	/* the lines of a refused block are not errors of their own */
	load_fails(_metadata, "crypto pki certificate chain ca\n"
		   " certificate ca 01\n"
		   "  3082 01AB\n"
		   "  quit\n",
		   "t.conf:1: unsupported command 'crypto pki certificate'\n");
	/* an IOS trustpoint: each enrollment line says what to write */
	load_fails(_metadata, "crypto pki trustpoint ca\n"
		   " enrollment url http://192.0.2.1\n"
		   " revocation-check crl\n",
		   "t.conf:2: 'enrollment' is not supported: enroll outside "
		   "flexvtid and name the files with 'certificate FILE' and "
		   "'private-key FILE'\n");
}

TEST(errors_stop_at_twenty)
{
	char text[2048] = "", *msg;
	struct cfg_err err;
	int i;

	for (i = 0; i < 30; i++)
		strcat(text, "bogus line\n");
	EXPECT_NULL(cfg_load_buf("t.conf", text, strlen(text), &err));
	EXPECT_EQ(20, err.nerrors);
	EXPECT_EQ(20, err.ndiag);
	EXPECT_TRUE(err.truncated);
	msg = err_text(&err);
	EXPECT_TRUE(contains(msg, "t.conf:20: unsupported command 'bogus'\n"
			       "t.conf: too many errors, stopped reading\n"));
	free(msg);
	EXPECT_NULL(cfg_load_buf("t.conf", text, strlen(text), NULL));
}

TEST(load_file_errors)
{
	struct cfg_err err;
	char *msg;

	EXPECT_NULL(cfg_load_file(TEST_DATA "/cfg/nonexistent.conf", &err));
	EXPECT_EQ(1, err.nerrors);
	msg = err_text(&err);
	EXPECT_STREQ(TEST_DATA "/cfg/nonexistent.conf: No such file or "
		     "directory\n", msg);
	free(msg);
	EXPECT_NULL(cfg_load_file(TEST_DATA "/cfg", &err));
	EXPECT_EQ(1, err.nerrors);
	cfg_free(NULL);
}

TEST(addr_from_sockaddr)
{
	struct sockaddr_in6 s6 = { .sin6_family = AF_INET6 };
	struct sockaddr_in s4 = { .sin_family = AF_INET };
	struct sockaddr sa = { .sa_family = AF_UNIX };
	struct cfg_addr a;

	inet_pton(AF_INET, "192.0.2.9", &s4.sin_addr);
	ASSERT_EQ(0, cfg_addr_from_sockaddr(&a, (struct sockaddr *)&s4));
	EXPECT_EQ(AF_INET, a.family);
	EXPECT_EQ(32, a.prefix);
	EXPECT_EQ(s4.sin_addr.s_addr, a.v4.s_addr);
	inet_pton(AF_INET6, "::ffff:192.0.2.9", &s6.sin6_addr);
	ASSERT_EQ(0, cfg_addr_from_sockaddr(&a, (struct sockaddr *)&s6));
	EXPECT_EQ(AF_INET, a.family);
	EXPECT_EQ(s4.sin_addr.s_addr, a.v4.s_addr);
	inet_pton(AF_INET6, "2001:db8::9", &s6.sin6_addr);
	ASSERT_EQ(0, cfg_addr_from_sockaddr(&a, (struct sockaddr *)&s6));
	EXPECT_EQ(AF_INET6, a.family);
	EXPECT_EQ(128, a.prefix);
	EXPECT_EQ(-1, cfg_addr_from_sockaddr(&a, &sa));
}

TEST_HARNESS_MAIN
