// SPDX-License-Identifier: GPL-2.0-only
/*
 * The configuration loader: splits the text into lines and words, finds
 * each line's command in the tables of the current mode (IOS style: a
 * block command opens a mode, a known top-level command closes it), runs
 * its handler, collects diagnostics, then has cfg_check.c resolve the
 * cross-references.  Also the helpers every handler uses and cfg_free().
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cfg_int.h"

#define CFG_FILE_MAX	(4 << 20)	/* bytes of a configuration file */

static const struct cfg_cmd cfg_top_cmds[] = {
	{ "crypto ikev2 smart-defaults", cfg_cmd_smart_defaults,
	  "modern|cisco", 1, 1 },
	{ "crypto ikev2 limit max-in-negotiation-sa", cfg_cmd_ike_max_neg,
	  "<1-100000> [incoming|outgoing]", 1, 2 },
	{ "crypto ikev2 limit max-sa", cfg_cmd_ike_max_sa, "<1-100000>", 1, 1 },
	{ "crypto ikev2 window", cfg_cmd_ike_window, "<1-200>", 1, 1 },
	{ "crypto ikev2 dpd", cfg_cmd_ike_dpd,
	  "INTERVAL RETRY on-demand|periodic", 3, 3 },
	{ "crypto ikev2 nat keepalive", cfg_cmd_ike_nat_keepalive, "<5-3600>",
	  1, 1 },
	{ "crypto ikev2 limit half-open-per-source", cfg_cmd_ike_half_open,
	  "<1-10000>", 1, 1 },
	{ "crypto ikev2 cookie-challenge", cfg_cmd_ike_cookie, "<1-1000>",
	  1, 1 },
	{ "crypto ikev2 proposal", cfg_cmd_proposal, "NAME", 1, 1 },
	{ "crypto ikev2 policy", cfg_cmd_policy, "NAME", 1, 1 },
	{ "crypto ikev2 keyring", cfg_cmd_keyring, "NAME", 1, 1 },
	{ "crypto ikev2 profile", cfg_cmd_profile, "NAME", 1, 1 },
	{ "crypto ikev2 authorization policy", cfg_cmd_authz, "NAME", 1, 1 },
	{ "crypto ikev2 name-mangler", cfg_cmd_mangler, "NAME", 1, 1 },
	{ "crypto ipsec transform-set", cfg_cmd_tset, "NAME TRANSFORM...",
	  2, 4 },
	{ "crypto ipsec profile", cfg_cmd_ipsec, "NAME", 1, 1 },
	{ "crypto pki trustpoint", cfg_cmd_trustpoint, "NAME", 1, 1 },
	{ "interface", cfg_cmd_interface,
	  "Virtual-Template<N> type tunnel|Tunnel<N>", 1, 4 },
	{ "ip local pool", cfg_cmd_pool, "NAME FIRST [LAST]", 2, 3 },
	{ "ipv6 local pool", cfg_cmd_pool6, "NAME PREFIX/LEN ASSIGN-LEN",
	  3, 3 },
	{ "ip access-list extended", cfg_cmd_acl, "NAME", 1, 1 },
	{ "ip access-list standard", cfg_cmd_acl_standard, "NAME", 1, 1 },
	{ "ipv6 access-list", cfg_cmd_acl6, "NAME", 1, 1 },
	{ "policy-map", cfg_cmd_policy_map, "NAME", 1, 1 },
	{ "class-map", cfg_cmd_class_map, "NAME", 0, CFG_WORDS_MAX },
	{ "aaa new-model", cfg_cmd_aaa_new_model, "", 0, 0 },
	{ "aaa authorization network", cfg_cmd_aaa_authz,
	  "LIST local|group GROUP [local]", 2, CFG_WORDS_MAX },
	{ "aaa accounting network", cfg_cmd_aaa_acct,
	  "LIST start-stop group GROUP", 2, CFG_WORDS_MAX },
	{ "aaa authentication login", cfg_cmd_aaa_login,
	  "LIST group GROUP", 2, CFG_WORDS_MAX },
	{ "aaa accounting update", cfg_cmd_aaa_acct_update,
	  "periodic <1-71582>", 1, CFG_WORDS_MAX },
	{ "radius authorization password", cfg_cmd_radius_password,
	  "[0] PASSWORD", 1, CFG_WORDS_MAX },
	{ "radius server", cfg_cmd_radius_server, "NAME", 1, 1 },
	{ "aaa group server radius", cfg_cmd_radius_group, "NAME", 1, 1 },
	{ "aaa server radius dynamic-author", cfg_cmd_dae, "", 0, 0 },
	{ "radius-server timeout", cfg_cmd_radius_timeout, "<1-1000>", 1, 1 },
	{ "radius-server retransmit", cfg_cmd_radius_retransmit, "<0-100>",
	  1, 1 },
	{ "radius-server host", cfg_cmd_radius_host, "ADDRESS ...", 0,
	  CFG_WORDS_MAX },
	{ "no crypto ikev2 proposal", cfg_cmd_no_default, "default", 1, 1 },
	{ "no crypto ikev2 policy", cfg_cmd_no_default, "default", 1, 1 },
	{ "no crypto ikev2 authorization policy", cfg_cmd_no_default,
	  "default", 1, 1 },
	{ "no crypto ipsec transform-set", cfg_cmd_no_default, "default",
	  1, 1 },
	{ "no crypto ipsec profile", cfg_cmd_no_default, "default", 1, 1 },
	{ "default crypto ikev2 proposal", cfg_cmd_default, "", 0, 0 },
	{ "default crypto ikev2 policy", cfg_cmd_default, "", 0, 0 },
	{ "default crypto ikev2 authorization policy", cfg_cmd_default, "",
	  0, 0 },
	{ "default crypto ipsec transform-set", cfg_cmd_default, "", 0, 0 },
	{ "default crypto ipsec profile", cfg_cmd_default, "", 0, 0 },
};

static const struct cfg_mode_def cfg_top_mode = {
	.name = "",
	.cmds = cfg_top_cmds,
	.ncmds = ARRAY_SIZE(cfg_top_cmds),
	.parent = CFG_MODE_TOP,
};

/* the lines of a refused block: only top-level commands apply */
static const struct cfg_mode_def cfg_skip_mode = {
	.name = "",
	.parent = CFG_MODE_TOP,
};

static const struct cfg_mode_def *const cfg_modes[CFG_NMODES] = {
	[CFG_MODE_TOP] = &cfg_top_mode,
	[CFG_MODE_PROPOSAL] = &cfg_proposal_mode,
	[CFG_MODE_POLICY] = &cfg_policy_mode,
	[CFG_MODE_KEYRING] = &cfg_keyring_mode,
	[CFG_MODE_PEER] = &cfg_peer_mode,
	[CFG_MODE_PROFILE] = &cfg_profile_mode,
	[CFG_MODE_AUTHZ] = &cfg_authz_mode,
	[CFG_MODE_TSET] = &cfg_tset_mode,
	[CFG_MODE_IPSEC] = &cfg_ipsec_mode,
	[CFG_MODE_TEMPLATE] = &cfg_template_mode,
	[CFG_MODE_TUNNEL] = &cfg_tunnel_iface_mode,
	[CFG_MODE_TRUSTPOINT] = &cfg_trustpoint_mode,
	[CFG_MODE_RADIUS_SERVER] = &cfg_radius_server_mode,
	[CFG_MODE_RADIUS_GROUP] = &cfg_radius_group_mode,
	[CFG_MODE_MANGLER] = &cfg_mangler_mode,
	[CFG_MODE_ACL] = &cfg_acl_mode,
	[CFG_MODE_POLICY_MAP] = &cfg_policy_map_mode,
	[CFG_MODE_PMAP_CLASS] = &cfg_pmap_class_mode,
	[CFG_MODE_DAE] = &cfg_dae_mode,
	[CFG_MODE_SKIP] = &cfg_skip_mode,
};

static void cfg_vdiag(struct cfg_parser *p, unsigned int line, bool warning,
		      const char *fmt, va_list ap)
{
	struct cfg_err *err = p->err;
	struct cfg_diag *d;

	if (!warning)
		p->nerrors++;
	if (!err)
		return;
	if (warning)
		err->nwarnings++;
	else
		err->nerrors++;
	if (err->ndiag == CFG_DIAG_MAX)
		return;
	d = &err->diag[err->ndiag++];
	d->line = line;
	d->warning = warning;
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
}

void cfg_diag(struct cfg_parser *p, unsigned int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cfg_vdiag(p, line, false, fmt, ap);
	va_end(ap);
}

void cfg_warn(struct cfg_parser *p, unsigned int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cfg_vdiag(p, line, true, fmt, ap);
	va_end(ap);
}

int cfg_oom(struct cfg_parser *p)
{
	cfg_error(p, "out of memory");
	return -1;
}

/* room for element @n of @arr (elements of @size bytes); NULL if none */
void *cfg_grow(struct cfg_parser *p, void *arr, unsigned int n, size_t size)
{
	void *a = reallocarray(arr, n + 1, size);

	if (!a)
		cfg_oom(p);
	return a;
}

char *cfg_strdup(struct cfg_parser *p, const char *s)
{
	char *d = strdup(s);

	if (!d)
		cfg_oom(p);
	return d;
}

/* replace the string at @dst by a copy of @s */
int cfg_set_str(struct cfg_parser *p, char **dst, const char *s)
{
	char *d = cfg_strdup(p, s);

	if (!d)
		return -1;
	free(*dst);
	*dst = d;
	return 0;
}

int cfg_set_ref(struct cfg_parser *p, struct cfg_ref *r, const char *name)
{
	if (cfg_arg_name(p, name) || cfg_set_str(p, &r->name, name))
		return -1;
	r->line = p->line;
	return 0;
}

/*
 * Append a reference to @name to @refs (@n of them) unless there is one:
 * the proposals of a policy, the servers of a RADIUS group, in order.
 */
int cfg_ref_add(struct cfg_parser *p, struct cfg_ref **refs, unsigned int *n,
		const char *name)
{
	struct cfg_ref *r;
	unsigned int i;

	for (i = 0; i < *n; i++)
		if (!strcmp((*refs)[i].name, name))
			return 0;
	r = cfg_grow(p, *refs, *n, sizeof(*r));
	if (!r)
		return -1;
	*refs = r;
	memset(&r[*n], 0, sizeof(*r));
	if (cfg_set_ref(p, &r[*n], name))
		return -1;
	(*n)++;
	return 0;
}

/* free @n references and their array */
void cfg_refs_free(struct cfg_ref *refs, unsigned int n)
{
	unsigned int i;

	for (i = 0; refs && i < n; i++)
		free(refs[i].name);
	free(refs);
}

/* the text of the line from argument @argv[0] to its end, as written */
const char *cfg_rest(struct cfg_parser *p, char **argv)
{
	unsigned int i = argv - p->word;
	char *s = p->raw + p->off[i];
	size_t n = strlen(s);

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

void cfg_enter(struct cfg_parser *p, enum cfg_mode mode, void *obj)
{
	p->mode = mode;
	p->obj = obj;
}

void cfg_key_wipe(struct cfg_key *k)
{
	if (k->data) {
		explicit_bzero(k->data, k->len);
		free(k->data);
	}
	k->data = NULL;
	k->len = 0;
}

void cfg_ident_free(struct cfg_ident *id)
{
	free(id->value);
	memset(id, 0, sizeof(*id));
}

/* whether the keyword of @len bytes at @kw matches @word */
static bool cfg_kw_match(const char *kw, size_t len, const char *word)
{
	if (len == 1 && *kw == '#')
		return *word && strspn(word, "0123456789") == strlen(word);
	return strlen(word) == len && !strncasecmp(kw, word, len);
}

/* words of @path matching the line from its start; 0 if not all match */
static unsigned int cfg_path_match(const char *path, struct cfg_parser *p,
				   unsigned int *partial)
{
	unsigned int n = 0;
	const char *s = path;

	*partial = 0;
	while (*s) {
		size_t len = strcspn(s, " ");

		if (n >= p->nwords || !cfg_kw_match(s, len, p->word[n]))
			return 0;
		*partial = ++n;
		s += len;
		s += *s == ' ';
	}
	return n;
}

/* the command of @cmds matching the most words of the line, or @best */
static const struct cfg_cmd *cfg_find_in(struct cfg_parser *p,
					 const struct cfg_cmd *cmds,
					 unsigned int ncmds,
					 const struct cfg_cmd *best,
					 unsigned int *nkw,
					 unsigned int *partial)
{
	unsigned int i, n, part;

	for (i = 0; i < ncmds; i++) {
		n = cfg_path_match(cmds[i].path, p, &part);
		if (part > *partial)
			*partial = part;
		if (n > *nkw) {
			*nkw = n;
			best = &cmds[i];
		}
	}
	return best;
}

static const struct cfg_cmd *cfg_find(struct cfg_parser *p, enum cfg_mode m,
				      unsigned int *nkw, unsigned int *partial)
{
	const struct cfg_mode_def *md = cfg_modes[m];
	const struct cfg_cmd *best;

	*nkw = 0;
	best = cfg_find_in(p, md->cmds, md->ncmds, NULL, nkw, partial);
	return cfg_find_in(p, md->shared, md->nshared, best, nkw, partial);
}

static int cfg_run(struct cfg_parser *p, const struct cfg_cmd *c,
		   unsigned int nkw)
{
	unsigned int argc = p->nwords - nkw;
	char **argv = p->word + nkw;

	p->cmd = c;
	if (argc < c->min_args) {
		cfg_error(p, "%s: missing argument (usage: %s %s)", c->path,
			  c->path, c->usage);
		return -1;
	}
	if (argc > c->max_args) {
		cfg_error(p, "%s: unexpected '%s' (usage: %s%s%s)", c->path,
			  argv[c->max_args], c->path, *c->usage ? " " : "",
			  c->usage);
		return -1;
	}
	return c->fn(p, argc, argv);
}

/* a word some top-level command starts with */
static bool cfg_top_word(const char *w)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cfg_top_cmds); i++) {
		size_t len = strcspn(cfg_top_cmds[i].path, " ");

		if (strlen(w) == len &&
		    !strncasecmp(w, cfg_top_cmds[i].path, len))
			return true;
	}
	return false;
}

static void cfg_unsupported(struct cfg_parser *p, unsigned int partial,
			    bool indented)
{
	unsigned int n = partial + 1 < p->nwords ? partial + 1 : p->nwords;
	char *end = p->raw + p->off[n - 1] + strlen(p->word[n - 1]);
	bool top = p->mode == CFG_MODE_TOP || p->mode == CFG_MODE_SKIP ||
		   (!indented && cfg_top_word(p->word[0]));

	/*
	 * Recovery only, never meaning: the indented lines of a refused
	 * block are not errors of their own, and an unknown line in a block
	 * is taken for a top-level command (ending the block) when it is
	 * not indented and starts like one.
	 */
	if (p->mode == CFG_MODE_SKIP && indented)
		return;
	*end = '\0';
	cfg_error(p, "unsupported command '%s'", p->raw + p->off[0]);
	if (top)
		cfg_enter(p, CFG_MODE_SKIP, NULL);
}

/*
 * The object of @m, a mode enclosing the current one: a peer's keyring,
 * the policy map of a class block; the top level has none
 */
static void *cfg_up_obj(struct cfg_parser *p, enum cfg_mode m)
{
	if (m == CFG_MODE_KEYRING)
		return p->keyring;
	if (m == CFG_MODE_POLICY_MAP)
		return p->obj;
	return NULL;
}

static void cfg_exit(struct cfg_parser *p, bool end)
{
	enum cfg_mode up = cfg_modes[p->mode]->parent;

	if (end || up == CFG_MODE_TOP)
		cfg_enter(p, CFG_MODE_TOP, NULL);
	else
		cfg_enter(p, up, cfg_up_obj(p, up));
}

/*
 * A command of a mode enclosing @m that matches more keywords of the line
 * than @c (@nkw of them) does, with the arguments it needs, or @c:
 * "aaa accounting network L start-stop group G" after a profile is the
 * top-level command, while " aaa accounting network" stays the
 * profile's "aaa accounting" of a list named "network".
 */
static const struct cfg_cmd *cfg_find_longer(struct cfg_parser *p,
					     enum cfg_mode *m,
					     const struct cfg_cmd *c,
					     unsigned int *nkw)
{
	enum cfg_mode up = *m;
	const struct cfg_cmd *o;
	unsigned int n, partial = 0;

	while (up != CFG_MODE_TOP) {
		up = cfg_modes[up]->parent;
		o = cfg_find(p, up, &n, &partial);
		if (o && n > *nkw && p->nwords - n >= o->min_args) {
			c = o;
			*nkw = n;
			*m = up;
		}
	}
	return c;
}

/* run the command of the current line, in the current mode or above */
static void cfg_dispatch(struct cfg_parser *p, bool indented)
{
	const struct cfg_cmd *c = NULL;
	enum cfg_mode m = p->mode;
	unsigned int nkw = 0, partial = 0;

	if (p->nwords == 1 && (!strcasecmp(p->word[0], "exit") ||
			       !strcasecmp(p->word[0], "end"))) {
		cfg_exit(p, !strcasecmp(p->word[0], "end"));
		return;
	}
	for (;;) {
		if (m != CFG_MODE_SKIP)
			c = cfg_find(p, m, &nkw, &partial);
		if (c || m == CFG_MODE_TOP)
			break;
		m = cfg_modes[m]->parent;
	}
	if (!c) {
		cfg_unsupported(p, partial, indented);
		return;
	}
	c = cfg_find_longer(p, &m, c, &nkw);
	if (m != p->mode)
		cfg_enter(p, m, cfg_up_obj(p, m));
	if (cfg_run(p, c, nkw) && m == CFG_MODE_TOP)
		cfg_enter(p, CFG_MODE_SKIP, NULL);
	p->started = true;
}

/* split @p->raw into words; false (reported) if the line is unusable */
static bool cfg_split(struct cfg_parser *p)
{
	char *s = p->buf;

	memcpy(p->buf, p->raw, sizeof(p->buf));
	p->nwords = 0;
	for (;;) {
		s += strspn(s, " \t");
		if (!*s)
			return true;
		if (p->nwords == CFG_WORDS_MAX) {
			cfg_error(p, "too many words (more than %d)",
				  CFG_WORDS_MAX);
			return false;
		}
		p->off[p->nwords] = s - p->buf;
		p->word[p->nwords++] = s;
		s += strcspn(s, " \t");
		if (*s)
			*s++ = '\0';
	}
}

static void cfg_line(struct cfg_parser *p, const char *s, size_t len)
{
	size_t i;

	if (len && s[len - 1] == '\r')
		len--;
	if (len > CFG_LINE_MAX) {
		cfg_error(p, "line too long (more than %d bytes)",
			  CFG_LINE_MAX);
		return;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = s[i];

		if ((c < 0x20 && c != '\t') || c == 0x7f) {
			cfg_error(p, "invalid character 0x%02x", c);
			return;
		}
	}
	memcpy(p->raw, s, len);
	p->raw[len] = '\0';
	if (!cfg_split(p) || !p->nwords || p->word[0][0] == '!')
		return;
	cfg_dispatch(p, p->off[0] > 0);
}

static void cfg_parse(struct cfg_parser *p, const char *text, size_t len)
{
	const char *s = text, *end = text + len;

	while (s < end) {
		const char *nl = memchr(s, '\n', end - s);
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);

		if (p->nerrors >= CFG_DIAG_MAX) {
			if (p->err)
				p->err->truncated = true;
			return;
		}
		p->line++;
		cfg_line(p, s, n);
		s += n + 1;
	}
}

/* diagnostics by line: cross-reference checks come after the parse */
static void cfg_sort_diag(struct cfg_err *err)
{
	unsigned int i, j;

	for (i = 1; i < err->ndiag; i++) {
		struct cfg_diag d = err->diag[i];

		for (j = i; j && err->diag[j - 1].line > d.line; j--)
			err->diag[j] = err->diag[j - 1];
		err->diag[j] = d;
	}
}

struct cfg *cfg_load_buf(const char *name, const char *text, size_t len,
			 struct cfg_err *err)
{
	struct cfg_parser *p = calloc(1, sizeof(*p));
	struct cfg *cfg = NULL;

	if (err) {
		memset(err, 0, sizeof(*err));
		snprintf(err->file, sizeof(err->file), "%s", name);
	}
	if (!p)
		goto oom;
	p->err = err;
	p->cfg = cfg = calloc(1, sizeof(*cfg));
	if (!cfg || !(cfg->source = strdup(name)))
		goto oom;
	cfg_radius_init(&cfg->radius);
	if (!cfg_defaults_init(p, CFG_DEFAULTS_MODERN)) {
		cfg_parse(p, text, len);
		if (!p->nerrors)
			cfg_check(p);
	}
	if (err)
		cfg_sort_diag(err);
	if (p->nerrors) {
		cfg_free(cfg);
		cfg = NULL;
	}
	explicit_bzero(p, sizeof(*p));
	free(p);
	return cfg;
oom:
	if (p)
		cfg_oom(p);
	else if (err)
		err->nerrors++;
	cfg_free(cfg);
	free(p);
	return NULL;
}

static char *cfg_read(const char *path, size_t *len, struct cfg_err *err)
{
	struct stat st;
	char *text = NULL;
	ssize_t n = 0;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st))
		goto fail;
	if (!S_ISREG(st.st_mode) || st.st_size > CFG_FILE_MAX) {
		errno = S_ISREG(st.st_mode) ? EFBIG : EINVAL;
		goto fail;
	}
	text = malloc(st.st_size + 1);
	if (!text)
		goto fail;
	for (*len = 0; *len < (size_t)st.st_size; *len += n) {
		n = read(fd, text + *len, st.st_size - *len);
		if (n < 0 && errno == EINTR)
			n = 0;
		else if (n <= 0)
			break;
	}
	if (n < 0)
		goto fail;
	close(fd);
	return text;
fail:
	if (err) {
		memset(err, 0, sizeof(*err));
		snprintf(err->file, sizeof(err->file), "%s", path);
		err->nerrors = err->ndiag = 1;
		snprintf(err->diag[0].msg, sizeof(err->diag[0].msg), "%s",
			 strerror(errno));
	}
	free(text);
	if (fd >= 0)
		close(fd);
	return NULL;
}

struct cfg *cfg_load_file(const char *path, struct cfg_err *err)
{
	struct cfg *cfg;
	size_t len = 0;
	char *text;

	text = cfg_read(path, &len, err);
	if (!text)
		return NULL;
	cfg = cfg_load_buf(path, text, len, err);
	explicit_bzero(text, len);
	free(text);
	return cfg;
}

void cfg_err_print(const struct cfg_err *err, FILE *out)
{
	unsigned int i, total = err->nerrors + err->nwarnings;

	for (i = 0; i < err->ndiag; i++) {
		const struct cfg_diag *d = &err->diag[i];
		const char *w = d->warning ? "warning: " : "";

		if (d->line)
			fprintf(out, "%s:%u: %s%s\n", err->file, d->line, w,
				d->msg);
		else
			fprintf(out, "%s: %s%s\n", err->file, w, d->msg);
	}
	if (total > err->ndiag)
		fprintf(out, "%s: %u more not shown\n", err->file,
			total - err->ndiag);
	if (err->truncated)
		fprintf(out, "%s: too many errors, stopped reading\n",
			err->file);
}

#define CFG_FREE_ALL(arr, n, fn) do {			\
	unsigned int _i;				\
							\
	for (_i = 0; _i < (n); _i++)			\
		fn((arr)[_i]);				\
	free(arr);					\
} while (0)

void cfg_free(struct cfg *cfg)
{
	if (!cfg)
		return;
	CFG_FREE_ALL(cfg->proposals, cfg->nproposals, cfg_proposal_free);
	CFG_FREE_ALL(cfg->policies, cfg->npolicies, cfg_policy_free);
	CFG_FREE_ALL(cfg->keyrings, cfg->nkeyrings, cfg_keyring_free);
	CFG_FREE_ALL(cfg->trustpoints, cfg->ntrustpoints, cfg_trustpoint_free);
	CFG_FREE_ALL(cfg->profiles, cfg->nprofiles, cfg_profile_free);
	CFG_FREE_ALL(cfg->authz_policies, cfg->nauthz_policies,
		     cfg_authz_free);
	CFG_FREE_ALL(cfg->tsets, cfg->ntsets, cfg_tset_free);
	CFG_FREE_ALL(cfg->ipsec_profiles, cfg->nipsec_profiles,
		     cfg_ipsec_free);
	CFG_FREE_ALL(cfg->templates, cfg->ntemplates, cfg_template_free);
	CFG_FREE_ALL(cfg->tunnels, cfg->ntunnels, cfg_tunnel_free);
	CFG_FREE_ALL(cfg->pools, cfg->npools, cfg_pool_free);
	CFG_FREE_ALL(cfg->aaa_lists, cfg->naaa_lists, cfg_aaa_list_free);
	CFG_FREE_ALL(cfg->acct_lists, cfg->nacct_lists, cfg_aaa_list_free);
	CFG_FREE_ALL(cfg->login_lists, cfg->nlogin_lists, cfg_aaa_list_free);
	CFG_FREE_ALL(cfg->radius_servers, cfg->nradius_servers,
		     cfg_radius_server_free);
	CFG_FREE_ALL(cfg->radius_groups, cfg->nradius_groups,
		     cfg_radius_group_free);
	if (cfg->radius_all)
		cfg_radius_group_free(cfg->radius_all);
	cfg_key_wipe(&cfg->radius.authz_password);
	cfg_dae_free(cfg->dae);
	CFG_FREE_ALL(cfg->manglers, cfg->nmanglers, cfg_mangler_free);
	CFG_FREE_ALL(cfg->acls, cfg->nacls, cfg_acl_free);
	CFG_FREE_ALL(cfg->policy_maps, cfg->npolicy_maps, cfg_policy_map_free);
	free(cfg->source);
	free(cfg);
}
