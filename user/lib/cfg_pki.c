// SPDX-License-Identifier: GPL-2.0-only
/*
 * "crypto pki trustpoint NAME": the certificates a profile signs and
 * verifies with.  Linux has no NVRAM certificate store and flexvtid does
 * not enroll, so a trustpoint names PEM files (the CA certificates, our
 * certificate and its key, a CRL) instead of holding enrollment settings;
 * the IOS enrollment commands are refused with what to write instead.
 * Paths must be absolute: the loader only records them, the daemon reads
 * the files (from its own working directory, which is not the file's).
 */
#include <strings.h>

#include "cfg_int.h"

static int cfg_tp_description(struct cfg_parser *p, int argc __always_unused,
			      char **argv)
{
	struct cfg_trustpoint *tp = p->obj;

	return cfg_set_str(p, &tp->description, cfg_rest(p, argv));
}

static int cfg_tp_file(struct cfg_parser *p, char **dst, const char *path)
{
	if (path[0] != '/') {
		cfg_error(p, "%s: '%s' is not an absolute path", p->cmd->path,
			  path);
		return -1;
	}
	return cfg_set_str(p, dst, path);
}

static int cfg_tp_ca(struct cfg_parser *p, int argc __always_unused,
		     char **argv)
{
	struct cfg_trustpoint *tp = p->obj;

	return cfg_tp_file(p, &tp->ca_file, argv[0]);
}

static int cfg_tp_cert(struct cfg_parser *p, int argc __always_unused,
		       char **argv)
{
	struct cfg_trustpoint *tp = p->obj;

	return cfg_tp_file(p, &tp->cert_file, argv[0]);
}

static int cfg_tp_key(struct cfg_parser *p, int argc __always_unused,
		      char **argv)
{
	struct cfg_trustpoint *tp = p->obj;

	return cfg_tp_file(p, &tp->key_file, argv[0]);
}

static int cfg_tp_crl(struct cfg_parser *p, int argc __always_unused,
		      char **argv)
{
	struct cfg_trustpoint *tp = p->obj;

	return cfg_tp_file(p, &tp->crl_file, argv[0]);
}

/* "revocation-check crl|none"; cfg_check.c applies the default */
static int cfg_tp_revocation(struct cfg_parser *p, int argc __always_unused,
			     char **argv)
{
	static const char *const kws[] = { "none", "crl" };
	struct cfg_trustpoint *tp = p->obj;
	int crl = cfg_arg_keyword(p, argv[0], kws, ARRAY_SIZE(kws));

	if (crl < 0)
		return -1;
	tp->check_crl = crl;
	tp->revocation_line = p->line;
	return 0;
}

/* the IOS enrollment commands, and what replaces them */
static const struct {
	const char *path;
	const char *instead;
} cfg_tp_refused[] = {
	{ "enrollment", "enroll outside flexvtid and name the files with "
	  "'certificate FILE' and 'private-key FILE'" },
	{ "subject-name", "the subject is that of the certificate of "
	  "'certificate FILE'" },
	{ "rsakeypair", "name the key's PEM file with 'private-key FILE'" },
	{ "eckeypair", "name the key's PEM file with 'private-key FILE'" },
};

static int cfg_tp_ios(struct cfg_parser *p, int argc __always_unused,
		      char **argv __always_unused)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cfg_tp_refused); i++)
		if (!strcmp(p->cmd->path, cfg_tp_refused[i].path))
			break;
	cfg_error(p, "'%s' is not supported: %s", p->cmd->path,
		  cfg_tp_refused[i].instead);
	return -1;
}

static const struct cfg_cmd cfg_trustpoint_cmds[] = {
	{ "description", cfg_tp_description, "TEXT", 1, CFG_WORDS_MAX },
	{ "ca-certificate", cfg_tp_ca, "FILE", 1, 1 },
	{ "certificate", cfg_tp_cert, "FILE", 1, 1 },
	{ "private-key", cfg_tp_key, "FILE", 1, 1 },
	{ "crl", cfg_tp_crl, "FILE", 1, 1 },
	{ "revocation-check", cfg_tp_revocation, "crl|none", 1, 1 },
	{ "enrollment", cfg_tp_ios, "", 0, CFG_WORDS_MAX },
	{ "subject-name", cfg_tp_ios, "", 0, CFG_WORDS_MAX },
	{ "rsakeypair", cfg_tp_ios, "", 0, CFG_WORDS_MAX },
	{ "eckeypair", cfg_tp_ios, "", 0, CFG_WORDS_MAX },
};

const struct cfg_mode_def cfg_trustpoint_mode = {
	.name = "crypto pki trustpoint",
	.cmds = cfg_trustpoint_cmds,
	.ncmds = ARRAY_SIZE(cfg_trustpoint_cmds),
	.parent = CFG_MODE_TOP,
};

/* "crypto pki trustpoint NAME" */
int cfg_cmd_trustpoint(struct cfg_parser *p, int argc __always_unused,
		       char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_trustpoint *tp;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	tp = CFG_FIND(cfg->trustpoints, cfg->ntrustpoints, argv[0]);
	if (!tp) {
		tp = CFG_NEW(p, cfg->trustpoints, cfg->ntrustpoints, argv[0]);
		if (!tp)
			return -1;
		tp->line = p->line;
	}
	cfg_enter(p, CFG_MODE_TRUSTPOINT, tp);
	return 0;
}

void cfg_trustpoint_free(struct cfg_trustpoint *tp)
{
	free(tp->description);
	free(tp->ca_file);
	free(tp->cert_file);
	free(tp->key_file);
	free(tp->crl_file);
	free(tp->name);
	free(tp);
}
