// SPDX-License-Identifier: GPL-2.0-only
/*
 * The CHILD_SA side: "crypto ipsec transform-set NAME T..." (one ESP
 * cipher and, unless it is AEAD, one integrity transform, plus "mode")
 * and "crypto ipsec profile NAME" (transform sets, IKEv2 profile, PFS,
 * lifetimes).  esp-chacha20-poly1305 is our extension (RFC 7634).
 */
#include <strings.h>

#include "cfg_int.h"

#define CFG_SA_LIFETIME_SEC_MIN	120
#define CFG_SA_LIFETIME_SEC_MAX	2592000
#define CFG_SA_LIFETIME_KB_MIN	2560
#define CFG_SA_LIFETIME_KB_MAX	4294967295ULL

/* ESP transforms: ciphers take an optional key size word */
static const struct cfg_alg cfg_esp_encr[] = {
	{ "esp-aes", IKEV2_ENCR_AES_CBC, 128, false },
	{ "esp-gcm", IKEV2_ENCR_AES_GCM_16, 128, false },
	{ "esp-chacha20-poly1305", IKEV2_ENCR_CHACHA20_POLY1305, 0, false },
	{ NULL, 0, 0, false },
};

static const struct cfg_alg cfg_esp_integ[] = {
	{ "esp-sha-hmac", IKEV2_INTEG_HMAC_SHA1_96, 0, false },
	{ "esp-sha256-hmac", IKEV2_INTEG_HMAC_SHA2_256_128, 0, false },
	{ "esp-sha384-hmac", IKEV2_INTEG_HMAC_SHA2_384_192, 0, false },
	{ "esp-sha512-hmac", IKEV2_INTEG_HMAC_SHA2_512_256, 0, false },
	{ NULL, 0, 0, false },
};

/* the keyword of an ESP cipher or integrity transform, for printing */
const char *cfg_esp_kw(uint16_t id, bool integ)
{
	const struct cfg_alg *t = integ ? cfg_esp_integ : cfg_esp_encr;

	for (; t->kw; t++)
		if (t->id == id)
			return t->kw;
	return "?";
}

/* "esp-aes [128|192|256]" or "esp-gcm [128|256]": words used, or -1 */
static int cfg_esp_cipher(struct cfg_parser *p, const struct cfg_alg *a,
			  int argc, char **argv, struct cfg_transform_set *ts)
{
	unsigned long long bits = a->bits;
	bool gcm = a->id == IKEV2_ENCR_AES_GCM_16;

	ts->encr = a->id;
	ts->encr_bits = a->bits;
	if (argc < 2 || !a->bits || argv[1][0] < '0' || argv[1][0] > '9')
		return 1;
	if (cfg_arg_uint(p, a->kw, argv[1], 128, 256, &bits))
		return -1;
	if (bits % 64 || (gcm && bits == 192)) {
		cfg_error(p, "'%s %s' is not supported", a->kw, argv[1]);
		return -1;
	}
	ts->encr_bits = bits;
	return 2;
}

static int cfg_esp_transforms(struct cfg_parser *p, int argc, char **argv,
			      struct cfg_transform_set *ts)
{
	const struct cfg_alg *in, *en;
	int i, used;

	ts->encr = 0;
	ts->integ = IKEV2_INTEG_NONE;
	for (i = 0; i < argc; i += used) {
		in = cfg_alg_by_kw(cfg_esp_integ, argv[i]);
		en = cfg_alg_by_kw(cfg_esp_encr, argv[i]);
		used = 1;
		if (!in && !en) {
			cfg_error(p, "transform-set %s: '%s' is not supported",
				  ts->name, argv[i]);
			return -1;
		}
		if ((in && ts->integ) || (en && ts->encr)) {
			cfg_error(p, "transform-set %s: '%s' is one %s "
				  "transform too many", ts->name, argv[i],
				  in ? "integrity" : "encryption");
			return -1;
		}
		if (in)
			ts->integ = in->id;
		else
			used = cfg_esp_cipher(p, en, argc - i, argv + i, ts);
		if (used < 0)
			return -1;
	}
	return 0;
}

/* the rules a set must follow: one cipher, integrity iff not AEAD */
static int cfg_esp_check(struct cfg_parser *p, struct cfg_transform_set *ts)
{
	const char *why = NULL;

	if (!ts->encr)
		why = "has no encryption transform";
	else if (cfg_encr_is_aead(ts->encr) && ts->integ)
		why = "combines an AEAD cipher with an integrity transform";
	else if (!cfg_encr_is_aead(ts->encr) && !ts->integ)
		why = "needs an integrity transform with esp-aes";
	if (!why)
		return 0;
	cfg_error(p, "transform-set %s %s", ts->name, why);
	return -1;
}

static int cfg_tset_mode_cmd(struct cfg_parser *p, int argc __always_unused,
			     char **argv)
{
	static const char *const kws[] = {
		[CFG_ESP_TUNNEL] = "tunnel",
		[CFG_ESP_TRANSPORT] = "transport",
	};
	struct cfg_transform_set *ts = p->obj;
	int m = cfg_arg_keyword(p, argv[0], kws, ARRAY_SIZE(kws));

	if (m < 0)
		return -1;
	ts->mode = m;
	return 0;
}

static const struct cfg_cmd cfg_tset_cmds[] = {
	{ "mode", cfg_tset_mode_cmd, "tunnel|transport", 1, 1 },
};

const struct cfg_mode_def cfg_tset_mode = {
	.name = "crypto ipsec transform-set",
	.cmds = cfg_tset_cmds,
	.ncmds = ARRAY_SIZE(cfg_tset_cmds),
	.parent = CFG_MODE_TOP,
};

/* "crypto ipsec transform-set NAME T...": the transforms replace */
int cfg_cmd_tset(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_transform_set *ts, tmp;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	ts = CFG_FIND(cfg->tsets, cfg->ntsets, argv[0]);
	if (ts && ts->builtin && cfg_builtin_edit(p, ts->disabled,
						  &ts->modified) < 0)
		return -1;
	tmp = ts ? *ts : (struct cfg_transform_set){ .name = argv[0] };
	if (cfg_esp_transforms(p, argc - 1, argv + 1, &tmp) ||
	    cfg_esp_check(p, &tmp))
		return -1;
	if (!ts) {
		ts = CFG_NEW(p, cfg->tsets, cfg->ntsets, argv[0]);
		if (!ts)
			return -1;
		tmp.name = ts->name;
	}
	*ts = tmp;
	ts->line = p->line;
	cfg_enter(p, CFG_MODE_TSET, ts);
	return 0;
}

void cfg_tset_free(struct cfg_transform_set *ts)
{
	free(ts->name);
	free(ts);
}

/* "set transform-set T1 [T2...]": the list replaces */
static int cfg_ipsec_tsets(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_ipsec_profile *ip = p->obj;
	struct cfg_ref r[CFG_TSETS_MAX] = { 0 };
	unsigned int i, n = 0;
	int j;

	for (j = 0; j < argc; j++) {
		for (i = 0; i < n && strcmp(r[i].name, argv[j]); i++)
			;
		if (i < n)
			continue;
		if (cfg_set_ref(p, &r[n++], argv[j]))
			goto fail;
	}
	for (i = 0; i < ip->ntsets; i++)
		free(ip->tset_refs[i].name);
	memcpy(ip->tset_refs, r, sizeof(r));
	ip->ntsets = n;
	return 0;
fail:
	for (i = 0; i < n; i++)
		free(r[i].name);
	return -1;
}

static int cfg_ipsec_ike(struct cfg_parser *p, int argc __always_unused,
			 char **argv)
{
	struct cfg_ipsec_profile *ip = p->obj;

	return cfg_set_ref(p, &ip->ike_profile_ref, argv[0]);
}

static int cfg_ipsec_pfs(struct cfg_parser *p, int argc __always_unused,
			 char **argv)
{
	struct cfg_ipsec_profile *ip = p->obj;
	const struct cfg_alg *a = cfg_alg_by_kw(cfg_pfs_dh, argv[0]);

	if (!a) {
		cfg_error(p, "'set pfs %s' is not supported", argv[0]);
		return -1;
	}
	ip->pfs = a->id;
	return 0;
}

static int cfg_ipsec_life_sec(struct cfg_parser *p, int argc __always_unused,
			      char **argv)
{
	struct cfg_ipsec_profile *ip = p->obj;
	unsigned long long v;

	if (cfg_arg_uint(p, NULL, argv[0], CFG_SA_LIFETIME_SEC_MIN,
			 CFG_SA_LIFETIME_SEC_MAX, &v))
		return -1;
	ip->lifetime_sec = v;
	return 0;
}

static int cfg_ipsec_life_kb(struct cfg_parser *p, int argc __always_unused,
			     char **argv)
{
	struct cfg_ipsec_profile *ip = p->obj;
	unsigned long long v;

	if (cfg_arg_uint(p, NULL, argv[0], CFG_SA_LIFETIME_KB_MIN,
			 CFG_SA_LIFETIME_KB_MAX, &v))
		return -1;
	ip->lifetime_kb = v;
	return 0;
}

static int cfg_ipsec_responder_only(struct cfg_parser *p,
				    int argc __always_unused,
				    char **argv __always_unused)
{
	struct cfg_ipsec_profile *ip = p->obj;

	ip->responder_only = true;
	return 0;
}

static const struct cfg_cmd cfg_ipsec_cmds[] = {
	{ "set transform-set", cfg_ipsec_tsets, "NAME...", 1, CFG_TSETS_MAX },
	{ "set ikev2-profile", cfg_ipsec_ike, "NAME", 1, 1 },
	{ "set pfs", cfg_ipsec_pfs, "group14|group15|group16|group19|"
	  "group20|group21|group31", 1, 1 },
	{ "set security-association lifetime seconds", cfg_ipsec_life_sec,
	  "<120-2592000>", 1, 1 },
	{ "set security-association lifetime kilobytes", cfg_ipsec_life_kb,
	  "<2560-4294967295>", 1, 1 },
	{ "responder-only", cfg_ipsec_responder_only, "", 0, 0 },
};

const struct cfg_mode_def cfg_ipsec_mode = {
	.name = "crypto ipsec profile",
	.cmds = cfg_ipsec_cmds,
	.ncmds = ARRAY_SIZE(cfg_ipsec_cmds),
	.parent = CFG_MODE_TOP,
};

static void cfg_ipsec_clear_tsets(struct cfg_ipsec_profile *ip)
{
	unsigned int i;

	for (i = 0; i < ip->ntsets; i++) {
		free(ip->tset_refs[i].name);
		ip->tset_refs[i].name = NULL;
	}
	ip->ntsets = 0;
}

/*
 * "crypto ipsec profile NAME"; a profile without "set transform-set"
 * gets the default transform set at the end (cfg_check.c)
 */
int cfg_cmd_ipsec(struct cfg_parser *p, int argc __always_unused,
		  char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_ipsec_profile *ip;
	int rc;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	ip = CFG_FIND(cfg->ipsec_profiles, cfg->nipsec_profiles, argv[0]);
	if (ip && ip->builtin) {
		rc = cfg_builtin_edit(p, ip->disabled, &ip->modified);
		if (rc < 0)
			return -1;
		if (rc) {
			cfg_ipsec_clear_tsets(ip);
			ip->line = p->line;
		}
	} else if (!ip) {
		ip = CFG_NEW(p, cfg->ipsec_profiles, cfg->nipsec_profiles,
			     argv[0]);
		if (!ip)
			return -1;
		ip->line = p->line;
		ip->lifetime_sec = CFG_SA_LIFETIME_SEC_DEFAULT;
		ip->lifetime_kb = CFG_SA_LIFETIME_KB_DEFAULT;
	}
	cfg_enter(p, CFG_MODE_IPSEC, ip);
	return 0;
}

void cfg_ipsec_free(struct cfg_ipsec_profile *ip)
{
	cfg_ipsec_clear_tsets(ip);
	free(ip->ike_profile_ref.name);
	free(ip->name);
	free(ip);
}
