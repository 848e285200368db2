// SPDX-License-Identifier: GPL-2.0-only
/*
 * IKEv2 smart defaults: the built-in objects named "default" (proposal,
 * policy, authorization policy, transform set, IPsec profile), their
 * factory values in the two sets ("modern", ours and the default, and
 * "cisco", the guide's Table 2), and the commands that act on them:
 * "crypto ikev2 smart-defaults", "no ... default", "default ...".
 */
#include <strings.h>

#include "cfg_int.h"

/* AES-CBC-256/128 and AES-GCM, SHA-2, DH 19/20/14 (inventory §3 item 8) */
static const struct cfg_proposal cfg_modern_proposal = {
	.encr = {
		{ IKEV2_ENCR_AES_CBC, 256 },
		{ IKEV2_ENCR_AES_CBC, 128 },
		{ IKEV2_ENCR_AES_GCM_16, 256 },
		{ IKEV2_ENCR_AES_GCM_16, 128 },
	},
	.nencr = 4,
	.integ = {
		IKEV2_INTEG_HMAC_SHA2_512_256,
		IKEV2_INTEG_HMAC_SHA2_384_192,
		IKEV2_INTEG_HMAC_SHA2_256_128,
	},
	.ninteg = 3,
	.prf = {
		IKEV2_PRF_HMAC_SHA2_512,
		IKEV2_PRF_HMAC_SHA2_384,
		IKEV2_PRF_HMAC_SHA2_256,
	},
	.nprf = 3,
	.dh = { IKEV2_DH_ECP_256, IKEV2_DH_ECP_384, IKEV2_DH_MODP_2048 },
	.ndh = 3,
	.builtin = true,
};

/* "show crypto ikev2 proposal default" of the guide, exactly */
static const struct cfg_proposal cfg_cisco_proposal = {
	.encr = {
		{ IKEV2_ENCR_AES_CBC, 256 },
		{ IKEV2_ENCR_AES_CBC, 192 },
		{ IKEV2_ENCR_AES_CBC, 128 },
	},
	.nencr = 3,
	.integ = {
		IKEV2_INTEG_HMAC_SHA2_512_256,
		IKEV2_INTEG_HMAC_SHA2_384_192,
		IKEV2_INTEG_HMAC_SHA2_256_128,
		IKEV2_INTEG_HMAC_SHA1_96,
		IKEV2_INTEG_HMAC_MD5_96,
	},
	.ninteg = 5,
	.prf = {
		IKEV2_PRF_HMAC_SHA2_512,
		IKEV2_PRF_HMAC_SHA2_384,
		IKEV2_PRF_HMAC_SHA2_256,
		IKEV2_PRF_HMAC_SHA1,
		IKEV2_PRF_HMAC_MD5,
	},
	.nprf = 5,
	.dh = { IKEV2_DH_MODP_1536, IKEV2_DH_MODP_1024 },
	.ndh = 2,
	.builtin = true,
};

/* match fvrf any, match address local any; "proposal default" is added
 * by cfg_check.c to a built-in policy left without proposals
 */
static const struct cfg_policy cfg_factory_policy = {
	.fvrf_any = true,
	.builtin = true,
};

static const struct cfg_authz_policy cfg_factory_authz = {
	.route_set_interface = true,
	.route_accept = true,
	.route_accept_tag = CFG_ROUTE_ACCEPT_TAG_DEFAULT,
	.route_accept_distance = CFG_ROUTE_ACCEPT_DIST_DEFAULT,
	.flow_limit = -1,
	.builtin = true,
};

/* esp-aes 256 esp-sha256-hmac */
static const struct cfg_transform_set cfg_modern_tset = {
	.encr = IKEV2_ENCR_AES_CBC,
	.encr_bits = 256,
	.integ = IKEV2_INTEG_HMAC_SHA2_256_128,
	.mode = CFG_ESP_TUNNEL,
	.builtin = true,
};

/* esp-aes esp-sha-hmac, "will negotiate = { Tunnel, }" */
static const struct cfg_transform_set cfg_cisco_tset = {
	.encr = IKEV2_ENCR_AES_CBC,
	.encr_bits = 128,
	.integ = IKEV2_INTEG_HMAC_SHA1_96,
	.mode = CFG_ESP_TUNNEL,
	.builtin = true,
};

/* the transform set "default" is added by cfg_check.c */
static const struct cfg_ipsec_profile cfg_factory_ipsec = {
	.lifetime_sec = CFG_SA_LIFETIME_SEC_DEFAULT,
	.lifetime_kb = CFG_SA_LIFETIME_KB_DEFAULT,
	.builtin = true,
};

/*
 * Put a factory copy of @tmpl named "default" in the array @arr of @n,
 * in place of the one there (freed with @freefn) or appended.
 */
#define CFG_INSTALL(p, arr, n, tmpl, freefn, off) ({			\
	typeof(*(arr)) _new = malloc(sizeof(**(arr))), _prev;		\
	unsigned int _k;						\
	int _rc = -1;							\
									\
	if (_new) {							\
		*_new = *(tmpl);					\
		_new->disabled = (off);					\
		_new->name = strdup("default");				\
	}								\
	if (!_new || !_new->name) {					\
		free(_new);						\
		cfg_oom(p);						\
	} else if ((_prev = CFG_FIND(arr, n, "default"))) {		\
		for (_k = 0; (arr)[_k] != _prev; _k++)			\
			;						\
		(arr)[_k] = _new;					\
		freefn(_prev);						\
		_rc = 0;						\
	} else if (CFG_APPEND(p, arr, n, _new)) {			\
		free(_new->name);					\
		free(_new);						\
	} else {							\
		_rc = 0;						\
	}								\
	_rc;								\
})

enum cfg_builtin {
	CFG_B_PROPOSAL,
	CFG_B_POLICY,
	CFG_B_AUTHZ,
	CFG_B_TSET,
	CFG_B_IPSEC,
	CFG_NBUILTINS,
};

/* the commands that create them, as after "no" and "default" */
static const char *const cfg_builtin_paths[CFG_NBUILTINS] = {
	[CFG_B_PROPOSAL] = "crypto ikev2 proposal",
	[CFG_B_POLICY] = "crypto ikev2 policy",
	[CFG_B_AUTHZ] = "crypto ikev2 authorization policy",
	[CFG_B_TSET] = "crypto ipsec transform-set",
	[CFG_B_IPSEC] = "crypto ipsec profile",
};

/* (re)install the factory object @b, enabled or @disabled */
static int cfg_builtin_install(struct cfg_parser *p, enum cfg_builtin b,
			       bool disabled)
{
	struct cfg *cfg = p->cfg;
	bool cisco = cfg->defaults == CFG_DEFAULTS_CISCO;

	switch (b) {
	case CFG_B_PROPOSAL:
		return CFG_INSTALL(p, cfg->proposals, cfg->nproposals,
				   cisco ? &cfg_cisco_proposal :
					   &cfg_modern_proposal,
				   cfg_proposal_free, disabled);
	case CFG_B_POLICY:
		return CFG_INSTALL(p, cfg->policies, cfg->npolicies,
				   &cfg_factory_policy, cfg_policy_free,
				   disabled);
	case CFG_B_AUTHZ:
		return CFG_INSTALL(p, cfg->authz_policies,
				   cfg->nauthz_policies, &cfg_factory_authz,
				   cfg_authz_free, disabled);
	case CFG_B_TSET:
		return CFG_INSTALL(p, cfg->tsets, cfg->ntsets,
				   cisco ? &cfg_cisco_tset : &cfg_modern_tset,
				   cfg_tset_free, disabled);
	default:
		return CFG_INSTALL(p, cfg->ipsec_profiles,
				   cfg->nipsec_profiles, &cfg_factory_ipsec,
				   cfg_ipsec_free, disabled);
	}
}

int cfg_defaults_init(struct cfg_parser *p, enum cfg_defaults_set set)
{
	int b;

	p->cfg->defaults = set;
	cfg_global_init(&p->cfg->ike);
	for (b = 0; b < CFG_NBUILTINS; b++)
		if (cfg_builtin_install(p, b, false))
			return -1;
	return 0;
}

/* "crypto ikev2 smart-defaults modern|cisco", before anything else */
int cfg_cmd_smart_defaults(struct cfg_parser *p, int argc __always_unused,
			   char **argv)
{
	static const char *const kws[] = {
		[CFG_DEFAULTS_MODERN] = "modern",
		[CFG_DEFAULTS_CISCO] = "cisco",
	};
	int set;

	if (p->started) {
		cfg_error(p, "'crypto ikev2 smart-defaults' must come before "
			  "every other command");
		return -1;
	}
	set = cfg_arg_keyword(p, argv[0], kws, ARRAY_SIZE(kws));
	if (set < 0)
		return -1;
	return cfg_defaults_init(p, set);
}

/* the built-in a "no ..." or "default ..." command is about */
static enum cfg_builtin cfg_builtin_of(struct cfg_parser *p)
{
	const char *path = strchr(p->cmd->path, ' ') + 1;
	int b;

	for (b = 0; b < CFG_NBUILTINS - 1; b++)
		if (!strcmp(path, cfg_builtin_paths[b]))
			break;
	return b;
}

/* "no crypto ikev2 proposal default" and the like: disable a built-in */
int cfg_cmd_no_default(struct cfg_parser *p, int argc __always_unused,
		       char **argv)
{
	if (strcmp(argv[0], "default")) {
		cfg_error(p, "'%s %s': only the built-in 'default' can be "
			  "disabled", p->cmd->path, argv[0]);
		return -1;
	}
	return cfg_builtin_install(p, cfg_builtin_of(p), true);
}

/* "default crypto ikev2 proposal" and the like: factory values again */
int cfg_cmd_default(struct cfg_parser *p, int argc __always_unused,
		    char **argv __always_unused)
{
	return cfg_builtin_install(p, cfg_builtin_of(p), false);
}

/*
 * A block opens the built-in object: refused when it is disabled.
 * Return: 1 on its first edit (the caller clears its lists), 0 on a
 * later one, -1 reported.
 */
int cfg_builtin_edit(struct cfg_parser *p, bool disabled, bool *modified)
{
	bool first = !*modified;

	if (disabled) {
		cfg_error(p, "'%s default' is disabled (no %s default)",
			  p->cmd->path, p->cmd->path);
		return -1;
	}
	*modified = true;
	return first;
}
