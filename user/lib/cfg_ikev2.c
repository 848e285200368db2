// SPDX-License-Identifier: GPL-2.0-only
/*
 * The IKE_SA_INIT side of the configuration: "crypto ikev2 proposal",
 * "crypto ikev2 policy", and the keys: "crypto ikev2 keyring" with its
 * "peer" blocks.  Lines of a block accumulate; re-opening a block
 * continues it.  Completeness and cross-references are checked in
 * cfg_check.c once the whole file is read.
 */
#include <strings.h>

#include "cfg_int.h"

/* look every word of a transform list up in @t, all or nothing */
static int cfg_algs(struct cfg_parser *p, int argc, char **argv,
		    const struct cfg_alg *t, const struct cfg_alg **out)
{
	int i;

	for (i = 0; i < argc; i++) {
		out[i] = cfg_alg_by_kw(t, argv[i]);
		if (!out[i]) {
			cfg_error(p, "'%s %s' is not supported", p->cmd->path,
				  argv[i]);
			return -1;
		}
	}
	return 0;
}

/* append the ids of a list to @ids, skipping repeats */
static int cfg_id_list(struct cfg_parser *p, int argc, char **argv,
		       const struct cfg_alg *t, uint16_t *ids,
		       unsigned int *n)
{
	const struct cfg_alg *a[CFG_WORDS_MAX];
	unsigned int j;
	int i;

	if (cfg_algs(p, argc, argv, t, a))
		return -1;
	for (i = 0; i < argc; i++) {
		for (j = 0; j < *n && ids[j] != a[i]->id; j++)
			;
		if (j == *n)
			ids[(*n)++] = a[i]->id;
	}
	return 0;
}

static int cfg_proposal_encr(struct cfg_parser *p, int argc, char **argv)
{
	const struct cfg_alg *a[CFG_WORDS_MAX];
	struct cfg_proposal *pr = p->obj;
	unsigned int j;
	int i;

	if (cfg_algs(p, argc, argv, cfg_ike_encr, a))
		return -1;
	for (i = 0; i < argc; i++) {
		for (j = 0; j < pr->nencr; j++)
			if (pr->encr[j].id == a[i]->id &&
			    pr->encr[j].bits == a[i]->bits)
				break;
		if (j == pr->nencr) {
			pr->encr[j].id = a[i]->id;
			pr->encr[j].bits = a[i]->bits;
			pr->nencr++;
		}
	}
	return 0;
}

static int cfg_proposal_integ(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_proposal *pr = p->obj;

	return cfg_id_list(p, argc, argv, cfg_ike_integ, pr->integ,
			   &pr->ninteg);
}

static int cfg_proposal_prf(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_proposal *pr = p->obj;

	return cfg_id_list(p, argc, argv, cfg_ike_prf, pr->prf, &pr->nprf);
}

static int cfg_proposal_group(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_proposal *pr = p->obj;

	return cfg_id_list(p, argc, argv, cfg_ike_dh, pr->dh, &pr->ndh);
}

static const struct cfg_cmd cfg_proposal_cmds[] = {
	{ "encryption", cfg_proposal_encr, "ALGORITHM...", 1, CFG_WORDS_MAX },
	{ "integrity", cfg_proposal_integ, "ALGORITHM...", 1, CFG_WORDS_MAX },
	{ "prf", cfg_proposal_prf, "ALGORITHM...", 1, CFG_WORDS_MAX },
	{ "group", cfg_proposal_group, "GROUP...", 1, CFG_WORDS_MAX },
};

const struct cfg_mode_def cfg_proposal_mode = {
	.name = "crypto ikev2 proposal",
	.cmds = cfg_proposal_cmds,
	.ncmds = ARRAY_SIZE(cfg_proposal_cmds),
	.parent = CFG_MODE_TOP,
};

/* "crypto ikev2 proposal NAME"; the built-in one is redefined whole */
int cfg_cmd_proposal(struct cfg_parser *p,
		     int argc __always_unused, char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_proposal *pr;
	int rc;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	pr = CFG_FIND(cfg->proposals, cfg->nproposals, argv[0]);
	if (pr && pr->builtin) {
		rc = cfg_builtin_edit(p, pr->disabled, &pr->modified);
		if (rc < 0)
			return -1;
		if (rc) {
			pr->nencr = pr->ninteg = pr->nprf = pr->ndh = 0;
			pr->line = p->line;
		}
	} else if (!pr) {
		pr = CFG_NEW(p, cfg->proposals, cfg->nproposals, argv[0]);
		if (!pr)
			return -1;
		pr->line = p->line;
	}
	cfg_enter(p, CFG_MODE_PROPOSAL, pr);
	return 0;
}

void cfg_proposal_free(struct cfg_proposal *pr)
{
	free(pr->name);
	free(pr);
}

static int cfg_policy_local(struct cfg_parser *p,
			    int argc __always_unused, char **argv)
{
	struct cfg_policy *po = p->obj;
	struct cfg_addr a;

	if (cfg_arg_addr(p, argv[0], &a))
		return -1;
	return cfg_addr_add(p, &po->local, &po->nlocal, &a);
}

static int cfg_policy_fvrf(struct cfg_parser *p,
			   int argc __always_unused, char **argv)
{
	struct cfg_policy *po = p->obj;

	return cfg_arg_fvrf(p, argv[0], &po->fvrf, &po->fvrf_any);
}

static int cfg_policy_proposal(struct cfg_parser *p,
			       int argc __always_unused, char **argv)
{
	struct cfg_policy *po = p->obj;

	return cfg_ref_add(p, &po->proposal_refs, &po->nproposals, argv[0]);
}

static const struct cfg_cmd cfg_policy_cmds[] = {
	{ "match address local", cfg_policy_local, "ADDRESS", 1, 1 },
	{ "match fvrf", cfg_policy_fvrf, "NAME|any", 1, 1 },
	{ "proposal", cfg_policy_proposal, "NAME", 1, 1 },
};

const struct cfg_mode_def cfg_policy_mode = {
	.name = "crypto ikev2 policy",
	.cmds = cfg_policy_cmds,
	.ncmds = ARRAY_SIZE(cfg_policy_cmds),
	.parent = CFG_MODE_TOP,
};

static void cfg_policy_clear(struct cfg_policy *po)
{
	cfg_refs_free(po->proposal_refs, po->nproposals);
	free(po->proposals);
	free(po->local);
	po->proposal_refs = NULL;
	po->proposals = NULL;
	po->local = NULL;
	po->nproposals = po->nlocal = 0;
}

/*
 * "crypto ikev2 policy NAME"; editing the built-in one starts from its
 * factory settings, and its lists (addresses, proposals) from empty: an
 * empty proposal list gets "proposal default" back at the end.
 */
int cfg_cmd_policy(struct cfg_parser *p, int argc __always_unused, char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_policy *po;
	int rc;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	po = CFG_FIND(cfg->policies, cfg->npolicies, argv[0]);
	if (po && po->builtin) {
		rc = cfg_builtin_edit(p, po->disabled, &po->modified);
		if (rc < 0)
			return -1;
		if (rc) {
			cfg_policy_clear(po);
			po->line = p->line;
		}
	} else if (!po) {
		po = CFG_NEW(p, cfg->policies, cfg->npolicies, argv[0]);
		if (!po)
			return -1;
		po->line = p->line;
	}
	cfg_enter(p, CFG_MODE_POLICY, po);
	return 0;
}

void cfg_policy_free(struct cfg_policy *po)
{
	cfg_policy_clear(po);
	free(po->fvrf);
	free(po->name);
	free(po);
}

static int cfg_peer_description(struct cfg_parser *p,
				int argc __always_unused, char **argv)
{
	struct cfg_peer *pe = p->obj;

	return cfg_set_str(p, &pe->description, cfg_rest(p, argv));
}

static int cfg_peer_address(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_peer *pe = p->obj;
	struct cfg_addr a;
	int used = cfg_arg_prefix(p, argc, argv, true, &a);

	if (used < 0)
		return -1;
	if (used < argc) {
		cfg_error(p, "address: unexpected '%s'", argv[used]);
		return -1;
	}
	pe->addr = a;
	return 0;
}

static int cfg_peer_hostname(struct cfg_parser *p,
			     int argc __always_unused, char **argv)
{
	struct cfg_peer *pe = p->obj;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	return cfg_set_str(p, &pe->hostname, argv[0]);
}

static int cfg_peer_identity(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_peer *pe = p->obj;

	return cfg_arg_ident(p, argc, argv, true, &pe->id);
}

/* "pre-shared-key [local|remote] [0|6] KEY" or "... hex HEX" */
static int cfg_peer_psk(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_peer *pe = p->obj;
	bool local = !strcasecmp(argv[0], "local");
	bool remote = !strcasecmp(argv[0], "remote");
	struct cfg_key *k = remote ? &pe->remote_key : &pe->local_key;

	if (local || remote) {
		if (argc == 1) {
			cfg_error(p, "pre-shared-key %s: missing key",
				  argv[0]);
			return -1;
		}
		return cfg_arg_key(p, argc - 1, argv + 1, k);
	}
	if (cfg_arg_key(p, argc, argv, k))
		return -1;
	cfg_key_wipe(&pe->remote_key);
	pe->remote_key.data = malloc(k->len);
	if (!pe->remote_key.data)
		return cfg_oom(p);
	memcpy(pe->remote_key.data, k->data, k->len);
	pe->remote_key.len = k->len;
	return 0;
}

static const struct cfg_cmd cfg_peer_cmds[] = {
	{ "description", cfg_peer_description, "TEXT", 1, CFG_WORDS_MAX },
	{ "address", cfg_peer_address, "ADDRESS [MASK]|PREFIX/LEN", 1, 2 },
	{ "hostname", cfg_peer_hostname, "NAME", 1, 1 },
	{ "identity", cfg_peer_identity,
	  "address ADDRESS|fqdn [domain] NAME|email [domain] NAME|key-id ID",
	  1, 3 },
	{ "pre-shared-key", cfg_peer_psk, "[local|remote] [0] KEY|hex HEX",
	  1, CFG_WORDS_MAX },
};

const struct cfg_mode_def cfg_peer_mode = {
	.name = "peer",
	.cmds = cfg_peer_cmds,
	.ncmds = ARRAY_SIZE(cfg_peer_cmds),
	.parent = CFG_MODE_KEYRING,
};

/* "peer NAME" in a keyring */
static int cfg_keyring_peer(struct cfg_parser *p,
			    int argc __always_unused, char **argv)
{
	struct cfg_keyring *kr = p->obj;
	struct cfg_peer *pe;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	pe = CFG_FIND(kr->peers, kr->npeers, argv[0]);
	if (!pe) {
		pe = CFG_NEW(p, kr->peers, kr->npeers, argv[0]);
		if (!pe)
			return -1;
		pe->line = p->line;
	}
	p->keyring = kr;
	cfg_enter(p, CFG_MODE_PEER, pe);
	return 0;
}

static const struct cfg_cmd cfg_keyring_cmds[] = {
	{ "peer", cfg_keyring_peer, "NAME", 1, 1 },
};

const struct cfg_mode_def cfg_keyring_mode = {
	.name = "crypto ikev2 keyring",
	.cmds = cfg_keyring_cmds,
	.ncmds = ARRAY_SIZE(cfg_keyring_cmds),
	.parent = CFG_MODE_TOP,
};

/* "crypto ikev2 keyring NAME" */
int cfg_cmd_keyring(struct cfg_parser *p, int argc __always_unused, char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_keyring *kr;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	kr = CFG_FIND(cfg->keyrings, cfg->nkeyrings, argv[0]);
	if (!kr) {
		kr = CFG_NEW(p, cfg->keyrings, cfg->nkeyrings, argv[0]);
		if (!kr)
			return -1;
		kr->line = p->line;
	}
	p->keyring = kr;
	cfg_enter(p, CFG_MODE_KEYRING, kr);
	return 0;
}

static void cfg_peer_free(struct cfg_peer *pe)
{
	cfg_key_wipe(&pe->local_key);
	cfg_key_wipe(&pe->remote_key);
	cfg_ident_free(&pe->id);
	free(pe->description);
	free(pe->hostname);
	free(pe->name);
	free(pe);
}

void cfg_keyring_free(struct cfg_keyring *kr)
{
	unsigned int i;

	for (i = 0; i < kr->npeers; i++)
		cfg_peer_free(kr->peers[i]);
	free(kr->peers);
	free(kr->name);
	free(kr);
}
