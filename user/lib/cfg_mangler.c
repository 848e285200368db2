// SPDX-License-Identifier: GPL-2.0-only
/*
 * "crypto ikev2 name-mangler NAME": how the name to authorize (the
 * User-Name of a RADIUS request, or the name of a local authorization
 * policy) is derived from a peer's identity, one rule per type of
 * identity ("fqdn", "email", "dn", "eap"), and cfg_mangle_name(), which
 * applies them.  A distinguished name is taken as an RFC 4514 string.
 */
#include <ctype.h>
#include <errno.h>
#include <strings.h>

#include "cfg_int.h"

const char *const cfg_mangle_fqdn_kws[CFG_MANGLE_FQDN_N] = {
	[CFG_MANGLE_FQDN_ALL] = "all",
	[CFG_MANGLE_FQDN_HOSTNAME] = "hostname",
	[CFG_MANGLE_FQDN_DOMAIN] = "domain",
};

const char *const cfg_mangle_email_kws[CFG_MANGLE_EMAIL_N] = {
	[CFG_MANGLE_EMAIL_ALL] = "all",
	[CFG_MANGLE_EMAIL_USERNAME] = "username",
	[CFG_MANGLE_EMAIL_DOMAIN] = "domain",
};

const char *const cfg_dn_kws[CFG_DN_N] = {
	[CFG_DN_COMMON_NAME] = "common-name",
	[CFG_DN_COUNTRY] = "country",
	[CFG_DN_DOMAIN] = "domain",
	[CFG_DN_LOCALITY] = "locality",
	[CFG_DN_ORGANIZATION] = "organization",
	[CFG_DN_ORG_UNIT] = "organization-unit",
	[CFG_DN_STATE] = "state",
};

const char *const cfg_mangle_eap_kws[CFG_MANGLE_EAP_N] = {
	[CFG_MANGLE_EAP_ALL] = "all",
	[CFG_MANGLE_EAP_DN] = "dn",
	[CFG_MANGLE_EAP_PREFIX] = "prefix",
	[CFG_MANGLE_EAP_SUFFIX] = "suffix",
};

/* the delimiters of "eap prefix|suffix delimiter D" */
#define CFG_EAP_DELIMS	".@\\/%#"

static int cfg_mangler_fqdn(struct cfg_parser *p, int argc __always_unused,
			    char **argv)
{
	struct cfg_name_mangler *m = p->obj;
	int v = cfg_arg_keyword(p, argv[0], cfg_mangle_fqdn_kws,
				CFG_MANGLE_FQDN_N);

	if (v < 0)
		return -1;
	m->fqdn = v;
	return 0;
}

static int cfg_mangler_email(struct cfg_parser *p, int argc __always_unused,
			     char **argv)
{
	struct cfg_name_mangler *m = p->obj;
	int v = cfg_arg_keyword(p, argv[0], cfg_mangle_email_kws,
				CFG_MANGLE_EMAIL_N);

	if (v < 0)
		return -1;
	m->email = v;
	return 0;
}

static int cfg_mangler_dn(struct cfg_parser *p, int argc __always_unused,
			  char **argv)
{
	struct cfg_name_mangler *m = p->obj;
	int v = cfg_arg_keyword(p, argv[0], cfg_dn_kws, CFG_DN_N);

	if (v < 0)
		return -1;
	m->dn = v;
	return 0;
}

/* "delimiter D" after "eap prefix|suffix" (@kw) */
static int cfg_mangler_delim(struct cfg_parser *p, const char *kw, int argc,
			     char **argv, char *delim)
{
	if (argc != 2 || strcasecmp(argv[0], "delimiter")) {
		cfg_error(p, "eap %s: expected 'delimiter D'", kw);
		return -1;
	}
	if (strlen(argv[1]) != 1 || !strchr(CFG_EAP_DELIMS, argv[1][0])) {
		cfg_error(p, "eap %s delimiter: '%s' is not one of . @ \\ / "
			  "%% #", kw, argv[1]);
		return -1;
	}
	*delim = argv[1][0];
	return 0;
}

/* "eap all | dn FIELD | prefix delimiter D | suffix delimiter D" */
static int cfg_mangler_eap(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_name_mangler *m = p->obj;
	int v = cfg_arg_keyword(p, argv[0], cfg_mangle_eap_kws,
				CFG_MANGLE_EAP_N);
	int field = CFG_DN_NONE;
	char delim = '\0';

	if (v < 0)
		return -1;
	if (v == CFG_MANGLE_EAP_ALL && argc > 1) {
		cfg_error(p, "eap all: unexpected '%s'", argv[1]);
		return -1;
	}
	if (v == CFG_MANGLE_EAP_DN && argc != 2) {
		cfg_error(p, "eap dn: expected one field (usage: eap dn "
			  "common-name|country|domain|locality|organization|"
			  "organization-unit|state)");
		return -1;
	}
	if (v == CFG_MANGLE_EAP_DN) {
		field = cfg_arg_keyword(p, argv[1], cfg_dn_kws, CFG_DN_N);
		if (field < 0)
			return -1;
	}
	if ((v == CFG_MANGLE_EAP_PREFIX || v == CFG_MANGLE_EAP_SUFFIX) &&
	    cfg_mangler_delim(p, argv[0], argc - 1, argv + 1, &delim))
		return -1;
	m->eap = v;
	m->eap_dn = field;
	m->eap_delim = delim;
	return 0;
}

static const struct cfg_cmd cfg_mangler_cmds[] = {
	{ "fqdn", cfg_mangler_fqdn, "all|hostname|domain", 1, 1 },
	{ "email", cfg_mangler_email, "all|username|domain", 1, 1 },
	{ "dn", cfg_mangler_dn,
	  "common-name|country|domain|locality|organization|"
	  "organization-unit|state", 1, 1 },
	{ "eap", cfg_mangler_eap,
	  "all|dn FIELD|prefix delimiter D|suffix delimiter D", 1, 3 },
};

const struct cfg_mode_def cfg_mangler_mode = {
	.name = "crypto ikev2 name-mangler",
	.cmds = cfg_mangler_cmds,
	.ncmds = ARRAY_SIZE(cfg_mangler_cmds),
	.parent = CFG_MODE_TOP,
};

/**
 * cfg_cmd_mangler() - "crypto ikev2 name-mangler NAME": open its block
 * @p: the parser
 * @argc: 1
 * @argv: NAME
 *
 * Return: 0, or -1 reported (name too long, out of memory).
 */
int cfg_cmd_mangler(struct cfg_parser *p, int __always_unused argc,
		    char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_name_mangler *m;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	m = CFG_FIND(cfg->manglers, cfg->nmanglers, argv[0]);
	if (!m) {
		m = CFG_NEW(p, cfg->manglers, cfg->nmanglers, argv[0]);
		if (!m)
			return -1;
		m->line = p->line;
	}
	cfg_enter(p, CFG_MODE_MANGLER, m);
	return 0;
}

/**
 * cfg_check_mangler() - warn about a mangler that never gives a name
 * @p: the parser
 * @m: the mangler; one without any rule is a warning at its line
 */
void cfg_check_mangler(struct cfg_parser *p, const struct cfg_name_mangler *m)
{
	if (!m->fqdn && !m->email && !m->dn && !m->eap)
		cfg_warn(p, m->line, "name-mangler '%s' has no rule and gives "
			 "no name", m->name);
}

/**
 * cfg_mangler_free() - free a name mangler
 * @m: the mangler
 */
void cfg_mangler_free(struct cfg_name_mangler *m)
{
	free(m->name);
	free(m);
}

/* @len bytes at @s as the name; 0 bytes: no such part */
static int cfg_mangle_put(const char *s, size_t len, char *out,
			  size_t outlen)
{
	if (!len)
		return -ENOENT;
	if (len >= outlen)
		return -ENOSPC;
	memcpy(out, s, len);
	out[len] = '\0';
	return len;
}

/* @id, or its part before or after the first (@last: last) @delim */
static int cfg_mangle_split(const char *id, char delim, bool last,
			    int part, char *out, size_t outlen)
{
	const char *d = last ? strrchr(id, delim) : strchr(id, delim);

	if (!part)
		return cfg_mangle_put(id, strlen(id), out, outlen);
	if (!d)
		return -ENOENT;
	if (part < 0)
		return cfg_mangle_put(id, d - id, out, outlen);
	return cfg_mangle_put(d + 1, strlen(d + 1), out, outlen);
}

/* the RFC 4514 attribute types of the fields */
static const struct {
	const char *name;
	enum cfg_dn_field field;
} cfg_dn_types[] = {
	{ "CN", CFG_DN_COMMON_NAME },
	{ "commonName", CFG_DN_COMMON_NAME },
	{ "2.5.4.3", CFG_DN_COMMON_NAME },
	{ "C", CFG_DN_COUNTRY },
	{ "countryName", CFG_DN_COUNTRY },
	{ "2.5.4.6", CFG_DN_COUNTRY },
	{ "DC", CFG_DN_DOMAIN },
	{ "domainComponent", CFG_DN_DOMAIN },
	{ "0.9.2342.19200300.100.1.25", CFG_DN_DOMAIN },
	{ "L", CFG_DN_LOCALITY },
	{ "localityName", CFG_DN_LOCALITY },
	{ "2.5.4.7", CFG_DN_LOCALITY },
	{ "O", CFG_DN_ORGANIZATION },
	{ "organizationName", CFG_DN_ORGANIZATION },
	{ "2.5.4.10", CFG_DN_ORGANIZATION },
	{ "OU", CFG_DN_ORG_UNIT },
	{ "organizationalUnitName", CFG_DN_ORG_UNIT },
	{ "2.5.4.11", CFG_DN_ORG_UNIT },
	{ "ST", CFG_DN_STATE },
	{ "S", CFG_DN_STATE },
	{ "stateOrProvinceName", CFG_DN_STATE },
	{ "2.5.4.8", CFG_DN_STATE },
};

/*
 * The attribute type at *@s ("CN ="): its field, CFG_DN_NONE for another
 * type, -EINVAL when malformed; *@s moves past the '='.
 */
static int cfg_dn_type(const char **s)
{
	const char *p = *s, *start;
	size_t len, i;

	while (*p == ' ')
		p++;
	start = p;
	while (isalnum((unsigned char)*p) || *p == '-' || *p == '.')
		p++;
	len = p - start;
	while (*p == ' ')
		p++;
	if (!len || *p != '=')
		return -EINVAL;
	*s = p + 1;
	for (i = 0; i < ARRAY_SIZE(cfg_dn_types); i++)
		if (strlen(cfg_dn_types[i].name) == len &&
		    !strncasecmp(cfg_dn_types[i].name, start, len))
			return cfg_dn_types[i].field;
	return CFG_DN_NONE;
}

static int cfg_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower((unsigned char)c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* the character escaped at *@p (just after a '\\'), -1 if invalid */
static int cfg_dn_unescape(const char **p)
{
	const char *s = *p;
	int hi = cfg_hex_digit(s[0]);
	int lo = hi < 0 ? -1 : cfg_hex_digit(s[1]);

	if (hi >= 0 && lo >= 0) {
		*p = s + 1;
		return hi << 4 | lo;
	}
	if (!*s || !strchr(" \"#+,;<=>\\", *s))
		return -1;
	return (unsigned char)*s;
}

/*
 * The value at *@s, up to the next unescaped ',', ';' or '+', unescaped
 * into @out when @out is set (@room bytes, with the NUL); *@s moves to
 * the separator.  Return: its length, -EINVAL when malformed (or in the
 * '#' form, when @out is set), -ENOSPC when it does not fit.
 */
static int cfg_dn_value(const char **s, char *out, size_t room)
{
	const char *p = *s;
	size_t n = 0, keep = 0;
	int c;

	while (*p == ' ')
		p++;
	if (out && *p == '#')
		return -EINVAL;
	for (; *p && !strchr(",;+", *p); p++) {
		c = (unsigned char)*p;
		if (c == '\\') {
			p++;
			c = cfg_dn_unescape(&p);
			if (c <= 0)
				return -EINVAL;
			keep = n + 1;
		} else if (c != ' ') {
			keep = n + 1;
		}
		if (out && n + 1 < room)
			out[n] = c;
		n++;
	}
	*s = p;
	if (out && keep >= room)
		return -ENOSPC;
	return keep;
}

/* the value of @field in the RFC 4514 string @dn (domain: DCs joined) */
static int cfg_dn_get(const char *dn, enum cfg_dn_field field, char *out,
		      size_t outlen)
{
	const char *s = dn;
	bool found = false;
	size_t n = 0;
	int t, len;

	for (;;) {
		bool want;

		t = cfg_dn_type(&s);
		if (t < 0)
			return t;
		want = field && t == (int)field &&
		       (!found || field == CFG_DN_DOMAIN);
		if (want && found) {
			if (n + 1 >= outlen)
				return -ENOSPC;
			out[n++] = '.';
		}
		len = cfg_dn_value(&s, want ? out + n : NULL,
				   want ? outlen - n : 0);
		if (len < 0)
			return len;
		if (want && !len)
			return -ENOENT;
		if (want) {
			n += len;
			found = true;
		}
		if (!*s++)
			break;
	}
	if (!found)
		return -ENOENT;
	out[n] = '\0';
	return n;
}

static int cfg_mangle_eap(const struct cfg_name_mangler *m, const char *id,
			  char *out, size_t outlen)
{
	switch (m->eap) {
	case CFG_MANGLE_EAP_ALL:
		return cfg_mangle_split(id, '\0', false, 0, out, outlen);
	case CFG_MANGLE_EAP_DN:
		return cfg_dn_get(id, m->eap_dn, out, outlen);
	case CFG_MANGLE_EAP_PREFIX:
		return cfg_mangle_split(id, m->eap_delim, false, -1, out,
					outlen);
	case CFG_MANGLE_EAP_SUFFIX:
		return cfg_mangle_split(id, m->eap_delim, false, 1, out,
					outlen);
	default:
		return -ENOENT;
	}
}

static int cfg_mangle(const struct cfg_name_mangler *m,
		      enum cfg_mangle_src src, const char *id, char *out,
		      size_t outlen)
{
	/* all, hostname|username, domain: the whole, before, after */
	static const int parts[] = { [1] = 0, [2] = -1, [3] = 1 };

	switch (src) {
	case CFG_MANGLE_SRC_FQDN:
		if (!m->fqdn)
			return -ENOENT;
		return cfg_mangle_split(id, '.', false, parts[m->fqdn], out,
					outlen);
	case CFG_MANGLE_SRC_EMAIL:
		if (!m->email)
			return -ENOENT;
		return cfg_mangle_split(id, '@', true, parts[m->email], out,
					outlen);
	case CFG_MANGLE_SRC_DN:
		if (!m->dn)
			return -ENOENT;
		return cfg_dn_get(id, m->dn, out, outlen);
	case CFG_MANGLE_SRC_EAP:
		return cfg_mangle_eap(m, id, out, outlen);
	default:
		return -EINVAL;
	}
}

int cfg_mangle_name(const struct cfg_name_mangler *m, enum cfg_mangle_src src,
		    const char *id, char *out, size_t outlen)
{
	int rc;

	if (!out || !outlen)
		return -EINVAL;
	*out = '\0';
	if (!m || !id)
		return -EINVAL;
	rc = cfg_mangle(m, src, id, out, outlen);
	if (rc < 0)
		*out = '\0';
	return rc;
}
