// SPDX-License-Identifier: GPL-2.0-only
/*
 * "crypto ikev2 profile NAME": the non-negotiated parameters of an IKE
 * SA (match statements, identities, authentication methods and keys,
 * keyring, lifetime, DPD, virtual template, local AAA authorization).
 * Signature and EAP methods are recorded for the daemon, which refuses
 * what it does not implement; "authentication local eap" (initiator
 * only) is refused here.
 */
#include <strings.h>

#include "cfg_int.h"

#define CFG_EAP_TIMEOUT_MAX	600

static int cfg_profile_description(struct cfg_parser *p,
				   int argc __always_unused, char **argv)
{
	struct cfg_profile *pf = p->obj;

	return cfg_set_str(p, &pf->description, cfg_rest(p, argv));
}

static int cfg_profile_match_id(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_profile *pf = p->obj;
	struct cfg_ident id = { 0 }, *a;

	if (cfg_arg_ident(p, argc, argv, true, &id))
		return -1;
	a = cfg_grow(p, pf->match_id, pf->nmatch_id, sizeof(*a));
	if (!a) {
		cfg_ident_free(&id);
		return -1;
	}
	a[pf->nmatch_id++] = id;
	pf->match_id = a;
	return 0;
}

static int cfg_profile_match_local(struct cfg_parser *p,
				   int argc __always_unused, char **argv)
{
	struct cfg_profile *pf = p->obj;
	struct cfg_addr a;

	if (cfg_arg_addr(p, argv[0], &a))
		return -1;
	return cfg_addr_add(p, &pf->match_local, &pf->nmatch_local, &a);
}

static int cfg_profile_fvrf(struct cfg_parser *p, int argc __always_unused,
			    char **argv)
{
	struct cfg_profile *pf = p->obj;

	return cfg_arg_fvrf(p, argv[0], &pf->fvrf, &pf->fvrf_any);
}

static int cfg_profile_identity(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_profile *pf = p->obj;

	return cfg_arg_ident(p, argc, argv, false, &pf->local_id);
}

static const char *const cfg_auth_kws[] = {
	[CFG_AUTH_PSK] = "pre-share",
	[CFG_AUTH_RSA_SIG] = "rsa-sig",
	[CFG_AUTH_ECDSA_SIG] = "ecdsa-sig",
	[CFG_AUTH_EAP] = "eap",
};

static int cfg_auth_method(struct cfg_parser *p, const char *s)
{
	int m = cfg_arg_keyword(p, s, cfg_auth_kws, ARRAY_SIZE(cfg_auth_kws));

	return m == CFG_AUTH_NONE ? -1 : m;
}

/* "pre-share [key [0] KEY]" after the method word */
static int cfg_auth_key(struct cfg_parser *p, int argc, char **argv,
			struct cfg_key *k)
{
	if (!argc)
		return 0;
	if (strcasecmp(argv[0], "key") || argc == 1) {
		cfg_error(p, "%s pre-share: expected 'key KEY'",
			  p->cmd->path);
		return -1;
	}
	return cfg_arg_key(p, argc - 1, argv + 1, k);
}

static int cfg_profile_auth_local(struct cfg_parser *p, int argc,
				  char **argv)
{
	struct cfg_profile *pf = p->obj;
	int m = cfg_auth_method(p, argv[0]);

	if (m < 0)
		return -1;
	if (m == CFG_AUTH_EAP) {
		cfg_error(p, "'authentication local eap' is not supported yet");
		return -1;
	}
	if (m == CFG_AUTH_PSK) {
		if (cfg_auth_key(p, argc - 1, argv + 1, &pf->local_key))
			return -1;
	} else if (argc > 1) {
		cfg_error(p, "%s %s: unexpected '%s'", p->cmd->path, argv[0],
			  argv[1]);
		return -1;
	}
	pf->local_auth = m;
	return 0;
}

/* "eap [query-identity] [timeout S]" after the method word */
static int cfg_auth_eap(struct cfg_parser *p, struct cfg_profile *pf,
			int argc, char **argv)
{
	unsigned long long t;
	int i;

	for (i = 0; i < argc; i++) {
		if (!strcasecmp(argv[i], "query-identity")) {
			pf->eap_query_identity = true;
		} else if (!strcasecmp(argv[i], "timeout") && i + 1 < argc) {
			if (cfg_arg_uint(p, "eap timeout", argv[++i], 1,
					 CFG_EAP_TIMEOUT_MAX, &t))
				return -1;
			pf->eap_timeout = t;
		} else {
			cfg_error(p, "%s eap: unexpected '%s'", p->cmd->path,
				  argv[i]);
			return -1;
		}
	}
	return 0;
}

static int cfg_profile_auth_remote(struct cfg_parser *p, int argc,
				   char **argv)
{
	struct cfg_profile *pf = p->obj;
	int m = cfg_auth_method(p, argv[0]);

	if (m < 0)
		return -1;
	if (m == CFG_AUTH_PSK) {
		if (cfg_auth_key(p, argc - 1, argv + 1, &pf->remote_key))
			return -1;
	} else if (m == CFG_AUTH_EAP) {
		if (cfg_auth_eap(p, pf, argc - 1, argv + 1))
			return -1;
	} else if (argc > 1) {
		cfg_error(p, "%s %s: unexpected '%s'", p->cmd->path, argv[0],
			  argv[1]);
		return -1;
	}
	pf->remote_auth |= CFG_AUTH_BIT(m);
	return 0;
}

/* "keyring local NAME", and the older "keyring NAME" */
static int cfg_profile_keyring(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_profile *pf = p->obj;

	if (!strcasecmp(argv[0], "aaa")) {
		cfg_error(p, "'keyring aaa' is not supported yet");
		return -1;
	}
	if (argc > 1) {
		cfg_error(p, "keyring: unexpected '%s' (usage: keyring local "
			  "NAME)", argv[1]);
		return -1;
	}
	return cfg_set_ref(p, &pf->keyring_ref, argv[0]);
}

static int cfg_profile_trustpoint(struct cfg_parser *p, int argc,
				  char **argv)
{
	static const char *const kws[] = { "sign", "verify" };
	struct cfg_profile *pf = p->obj;
	int use = -1;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	if (argc > 1) {
		use = cfg_arg_keyword(p, argv[1], kws, ARRAY_SIZE(kws));
		if (use < 0)
			return -1;
	}
	if (use != 1) {
		if (cfg_set_str(p, &pf->trustpoint_sign, argv[0]))
			return -1;
		pf->trustpoint_sign_line = p->line;
	}
	if (use != 0) {
		if (cfg_set_str(p, &pf->trustpoint_verify, argv[0]))
			return -1;
		pf->trustpoint_verify_line = p->line;
	}
	return 0;
}

static int cfg_profile_lifetime(struct cfg_parser *p,
				int argc __always_unused, char **argv)
{
	struct cfg_profile *pf = p->obj;
	unsigned long long v;

	if (cfg_arg_uint(p, NULL, argv[0], CFG_IKE_LIFETIME_MIN,
			 CFG_IKE_LIFETIME_MAX, &v))
		return -1;
	pf->lifetime = v;
	return 0;
}

static int cfg_profile_dpd(struct cfg_parser *p, int argc __always_unused,
			   char **argv)
{
	struct cfg_profile *pf = p->obj;

	return cfg_arg_dpd(p, argv, &pf->dpd);
}

static int cfg_profile_keepalive(struct cfg_parser *p,
				 int argc __always_unused, char **argv)
{
	struct cfg_profile *pf = p->obj;

	return cfg_arg_keepalive(p, argv[0], &pf->nat_keepalive);
}

/* the VRF of a VA is its template's (inventory §3 item 53) */
static int cfg_profile_ivrf(struct cfg_parser *p, int argc __always_unused,
			    char **argv __always_unused)
{
	cfg_warn(p, p->line, "ivrf is ignored: set the VRF of the "
		 "virtual-access interfaces with 'vrf forwarding' in the "
		 "virtual template");
	return 0;
}

static int cfg_profile_vtemplate(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_profile *pf = p->obj;
	unsigned long long n;

	if (cfg_arg_uint(p, NULL, argv[0], 1, CFG_VTEMPLATE_MAX, &n))
		return -1;
	if (argc > 1 && (argc != 3 || strcasecmp(argv[1], "mode") ||
			 strcasecmp(argv[2], "auto"))) {
		cfg_error(p, "virtual-template: expected 'mode auto' after "
			  "the number");
		return -1;
	}
	pf->vtemplate = n;
	pf->vtemplate_auto = argc > 1;
	pf->vtemplate_line = p->line;
	return 0;
}

const char *const cfg_aaa_kws[CFG_AAA_NMETHODS] = {
	[CFG_AAA_PSK] = "psk",
	[CFG_AAA_CERT] = "cert",
	[CFG_AAA_EAP] = "eap",
};

/* "list LIST [NAME | name-mangler MANGLER]" after METHOD: the forms */
static int cfg_authz_form(struct cfg_parser *p, int argc, char **argv,
			  int m)
{
	bool mangler = argc > 3 && !strcasecmp(argv[3], "name-mangler");

	if (argc < 3 || strcasecmp(argv[1], "list")) {
		cfg_error(p, "%s %s: only 'list LIST [NAME | name-mangler "
			  "MANGLER]' is supported", p->cmd->path, argv[0]);
		return -1;
	}
	if (argc == 3 && m == CFG_AAA_CERT) {
		cfg_error(p, "%s cert: NAME or 'name-mangler MANGLER' is "
			  "required", p->cmd->path);
		return -1;
	}
	if (mangler && argc == 4) {
		cfg_error(p, "%s: name-mangler: missing name", p->cmd->path);
		return -1;
	}
	if (argc > 4 + mangler) {
		cfg_error(p, "%s: unexpected '%s'", p->cmd->path,
			  argv[4 + mangler]);
		return -1;
	}
	if (cfg_arg_name(p, argv[2]) ||
	    (argc > 3 && cfg_arg_name(p, argv[argc - 1])))
		return -1;
	return mangler;
}

/*
 * "METHOD list LIST [NAME | name-mangler MANGLER]" into the per-method
 * slot of @az, replacing it
 */
static int cfg_authz_args(struct cfg_parser *p, int argc, char **argv,
			  struct cfg_authz *az)
{
	int m = cfg_arg_keyword(p, argv[0], cfg_aaa_kws,
				ARRAY_SIZE(cfg_aaa_kws));
	struct cfg_authz *slot = &az[m < 0 ? 0 : m];
	char *username = NULL;
	int mangler;

	if (m < 0)
		return -1;
	mangler = cfg_authz_form(p, argc, argv, m);
	if (mangler < 0)
		return -1;
	if (argc == 4) {
		username = cfg_strdup(p, argv[3]);
		if (!username)
			return -1;
	}
	if (cfg_set_ref(p, &slot->list, argv[2]) ||
	    (mangler && cfg_set_ref(p, &slot->mangler_ref, argv[4]))) {
		free(username);
		return -1;
	}
	if (!mangler) {
		free(slot->mangler_ref.name);
		slot->mangler_ref.name = NULL;
	}
	free(slot->username);
	slot->username = username;
	return 0;
}

static int cfg_profile_authz_group(struct cfg_parser *p, int argc,
				   char **argv)
{
	struct cfg_profile *pf = p->obj;
	bool override = !strcasecmp(argv[0], "override");

	if (argc == 1 && override) {
		cfg_error(p, "%s override: missing method", p->cmd->path);
		return -1;
	}
	if (cfg_authz_args(p, argc - override, argv + override,
			   pf->authz_group))
		return -1;
	pf->authz_group_override |= override;
	return 0;
}

static int cfg_profile_authz_user(struct cfg_parser *p, int argc,
				  char **argv)
{
	struct cfg_profile *pf = p->obj;

	return cfg_authz_args(p, argc, argv, pf->authz_user);
}

/* "aaa accounting [psk|cert|eap] LIST": without a method, all three */
static int cfg_profile_acct(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_profile *pf = p->obj;
	int m = -1, i;

	if (argc == 2) {
		m = cfg_arg_keyword(p, argv[0], cfg_aaa_kws,
				    ARRAY_SIZE(cfg_aaa_kws));
		if (m < 0)
			return -1;
	}
	for (i = 0; i < CFG_AAA_NMETHODS; i++) {
		if (m >= 0 && i != m)
			continue;
		if (cfg_set_ref(p, &pf->acct_refs[i], argv[argc - 1]))
			return -1;
	}
	return 0;
}

/* "aaa authentication eap LIST": the EAP server's list */
static int cfg_profile_authn_eap(struct cfg_parser *p,
				 int argc __always_unused, char **argv)
{
	struct cfg_profile *pf = p->obj;

	if (strcasecmp(argv[0], "eap")) {
		cfg_error(p, "aaa authentication: only 'eap LIST' is "
			  "supported ('%s')", argv[0]);
		return -1;
	}
	return cfg_set_ref(p, &pf->eap_list_ref, argv[1]);
}

static int cfg_profile_shutdown(struct cfg_parser *p,
				int argc __always_unused,
				char **argv __always_unused)
{
	struct cfg_profile *pf = p->obj;

	pf->shutdown = true;
	return 0;
}

static int cfg_profile_no_shutdown(struct cfg_parser *p,
				   int argc __always_unused,
				   char **argv __always_unused)
{
	struct cfg_profile *pf = p->obj;

	pf->shutdown = false;
	return 0;
}

static const struct cfg_cmd cfg_profile_cmds[] = {
	{ "description", cfg_profile_description, "TEXT", 1, CFG_WORDS_MAX },
	{ "match identity remote", cfg_profile_match_id,
	  "address ADDRESS [MASK]|fqdn [domain] NAME|email [domain] NAME|"
	  "key-id ID", 1, 3 },
	{ "match address local", cfg_profile_match_local, "ADDRESS", 1, 1 },
	{ "match fvrf", cfg_profile_fvrf, "NAME|any", 1, 1 },
	{ "identity local", cfg_profile_identity,
	  "address ADDRESS|fqdn NAME|email NAME|key-id ID|dn", 1, 2 },
	{ "authentication local", cfg_profile_auth_local,
	  "pre-share [key KEY]|rsa-sig|ecdsa-sig", 1, CFG_WORDS_MAX },
	{ "authentication remote", cfg_profile_auth_remote,
	  "pre-share [key KEY]|rsa-sig|ecdsa-sig|"
	  "eap [query-identity] [timeout S]", 1, CFG_WORDS_MAX },
	{ "keyring local", cfg_profile_keyring, "NAME", 1, 1 },
	{ "keyring", cfg_profile_keyring, "NAME", 1, CFG_WORDS_MAX },
	{ "pki trustpoint", cfg_profile_trustpoint, "NAME [sign|verify]",
	  1, 2 },
	{ "lifetime", cfg_profile_lifetime, "<120-86400>", 1, 1 },
	{ "dpd", cfg_profile_dpd, "INTERVAL RETRY on-demand|periodic", 3, 3 },
	{ "nat keepalive", cfg_profile_keepalive, "<5-3600>", 1, 1 },
	{ "ivrf", cfg_profile_ivrf, "NAME", 1, 1 },
	{ "virtual-template", cfg_profile_vtemplate, "N [mode auto]", 1, 3 },
	{ "aaa authorization group", cfg_profile_authz_group,
	  "[override] psk|cert|eap list LIST [NAME|name-mangler MANGLER]",
	  1, 6 },
	{ "aaa authorization user", cfg_profile_authz_user,
	  "psk|cert|eap list LIST [NAME|name-mangler MANGLER]", 1, 5 },
	{ "aaa accounting", cfg_profile_acct, "[psk|cert|eap] LIST", 1, 2 },
	{ "aaa authentication", cfg_profile_authn_eap, "eap LIST", 2, 2 },
	{ "shutdown", cfg_profile_shutdown, "", 0, 0 },
	{ "no shutdown", cfg_profile_no_shutdown, "", 0, 0 },
};

const struct cfg_mode_def cfg_profile_mode = {
	.name = "crypto ikev2 profile",
	.cmds = cfg_profile_cmds,
	.ncmds = ARRAY_SIZE(cfg_profile_cmds),
	.parent = CFG_MODE_TOP,
};

/* "crypto ikev2 profile NAME" */
int cfg_cmd_profile(struct cfg_parser *p, int argc __always_unused,
		    char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_profile *pf;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	pf = CFG_FIND(cfg->profiles, cfg->nprofiles, argv[0]);
	if (!pf) {
		pf = CFG_NEW(p, cfg->profiles, cfg->nprofiles, argv[0]);
		if (!pf)
			return -1;
		pf->line = p->line;
		pf->lifetime = CFG_IKE_LIFETIME_DEFAULT;
	}
	cfg_enter(p, CFG_MODE_PROFILE, pf);
	return 0;
}

static void cfg_authz_clear(struct cfg_authz *az)
{
	int i;

	for (i = 0; i < CFG_AAA_NMETHODS; i++) {
		free(az[i].list.name);
		free(az[i].username);
		free(az[i].mangler_ref.name);
	}
}

void cfg_profile_free(struct cfg_profile *pf)
{
	unsigned int i;

	for (i = 0; i < pf->nmatch_id; i++)
		cfg_ident_free(&pf->match_id[i]);
	free(pf->match_id);
	free(pf->match_local);
	cfg_ident_free(&pf->local_id);
	cfg_key_wipe(&pf->local_key);
	cfg_key_wipe(&pf->remote_key);
	cfg_authz_clear(pf->authz_user);
	cfg_authz_clear(pf->authz_group);
	for (i = 0; i < CFG_AAA_NMETHODS; i++)
		free(pf->acct_refs[i].name);
	free(pf->keyring_ref.name);
	free(pf->eap_list_ref.name);
	free(pf->trustpoint_sign);
	free(pf->trustpoint_verify);
	free(pf->description);
	free(pf->fvrf);
	free(pf->name);
	free(pf);
}
