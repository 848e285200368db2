// SPDX-License-Identifier: GPL-2.0-only
/*
 * Access lists: "ip access-list extended NAME", "ip access-list standard
 * NAME" and "ipv6 access-list NAME" blocks, their entries ("[SEQ]
 * permit|deny ...", "sequence SEQ permit|deny ...", "remark TEXT") kept
 * by sequence number; the interface commands that attach lists and
 * policy maps ("ip access-group", "ipv6 traffic-filter",
 * "service-policy"); and the one kernel list per direction that an
 * interface's IPv4 and IPv6 lists make (cfg_acl_build()).  The entries
 * are read by acl_rule_parse(), those of standard lists by
 * acl_rule_parse_standard().
 */
#include <errno.h>
#include <strings.h>

#include "cfg_int.h"

static const char *cfg_acl_kind(int family)
{
	return family == AF_INET6 ? "ipv6 access-list" : "ip access-list";
}

static const char *cfg_acl_std_kw(bool standard)
{
	return standard ? "standard" : "extended";
}

/* the list @name of @family in the model being built, or NULL */
static struct cfg_acl *cfg_acl_lookup(const struct cfg *cfg,
				      const char *name, int family)
{
	unsigned int i;

	for (i = 0; i < cfg->nacls; i++)
		if (cfg->acls[i]->family == family &&
		    !strcmp(cfg->acls[i]->name, name))
			return cfg->acls[i];
	return NULL;
}

const struct cfg_acl *cfg_acl_find(const struct cfg *cfg, const char *name,
				   int family)
{
	return cfg_acl_lookup(cfg, name, family);
}

/* a name the kernel can carry: at most FLEXVTI_NAME_MAX bytes */
int cfg_arg_kernel_name(struct cfg_parser *p, const char *s)
{
	if (strlen(s) > FLEXVTI_NAME_MAX) {
		cfg_error(p, "%s: name too long (more than %d bytes)",
			  p->cmd->path, FLEXVTI_NAME_MAX);
		return -1;
	}
	return 0;
}

static struct cfg_acl *cfg_acl_new(struct cfg_parser *p, const char *name,
				   int family)
{
	struct cfg *cfg = p->cfg;
	struct cfg_acl *a = calloc(1, sizeof(*a));

	if (a)
		a->name = strdup(name);
	if (!a || !a->name) {
		free(a);
		cfg_oom(p);
		return NULL;
	}
	if (CFG_APPEND(p, cfg->acls, cfg->nacls, a)) {
		free(a->name);
		free(a);
		return NULL;
	}
	a->family = family;
	a->line = p->line;
	return a;
}

/*
 * open the block of list @name of @family, a new one or the one there
 * is; standard and extended IPv4 lists share their names, as in IOS
 */
static int cfg_acl_open(struct cfg_parser *p, const char *name, int family,
			bool standard)
{
	struct cfg_acl *a;

	if (cfg_arg_kernel_name(p, name))
		return -1;
	a = cfg_acl_lookup(p->cfg, name, family);
	if (a && a->standard != standard) {
		cfg_error(p, "ip access-list %s: '%s' is an %s list (line %u)",
			  cfg_acl_std_kw(standard), name,
			  cfg_acl_std_kw(a->standard), a->line);
		return -1;
	}
	if (!a)
		a = cfg_acl_new(p, name, family);
	if (!a)
		return -1;
	a->standard = standard;
	cfg_enter(p, CFG_MODE_ACL, a);
	return 0;
}

/* "ip access-list extended NAME" */
int cfg_cmd_acl(struct cfg_parser *p, int argc __always_unused, char **argv)
{
	return cfg_acl_open(p, argv[0], AF_INET, false);
}

/* "ipv6 access-list NAME" */
int cfg_cmd_acl6(struct cfg_parser *p, int argc __always_unused, char **argv)
{
	return cfg_acl_open(p, argv[0], AF_INET6, false);
}

/* "ip access-list standard NAME": entries on the source address only */
int cfg_cmd_acl_standard(struct cfg_parser *p, int argc __always_unused,
			 char **argv)
{
	return cfg_acl_open(p, argv[0], AF_INET, true);
}

/* the index where an entry of sequence @seq goes; -1 reported if taken */
static int cfg_acl_slot(struct cfg_parser *p, const struct cfg_acl *a,
			unsigned int seq)
{
	unsigned int i;

	for (i = 0; i < a->nentries && a->entries[i].seq < seq; i++)
		;
	if (i < a->nentries && a->entries[i].seq == seq) {
		cfg_error(p, "sequence number %u is already used (line %u)",
			  seq, a->entries[i].line);
		return -1;
	}
	return (int)i;
}

/* the sequence number of a new entry: @word, or 10 after the highest */
static int cfg_acl_seq(struct cfg_parser *p, const struct cfg_acl *a,
		       const char *word, unsigned int *seq)
{
	unsigned long long v;
	unsigned int last;

	if (word) {
		if (cfg_arg_uint(p, "sequence number", word, 1,
				 CFG_ACL_SEQ_MAX, &v))
			return -1;
		*seq = (unsigned int)v;
		return 0;
	}
	last = a->nentries ? a->entries[a->nentries - 1].seq : 0;
	if (last > CFG_ACL_SEQ_MAX - CFG_ACL_SEQ_STEP) {
		cfg_error(p, "no sequence number after %u: number the entry",
			  last);
		return -1;
	}
	*seq = last + CFG_ACL_SEQ_STEP;
	return 0;
}

/* put @e in place @at of @a's entries, with the remarks written before it */
static int cfg_acl_insert(struct cfg_parser *p, struct cfg_acl *a,
			  unsigned int at, struct cfg_acl_entry *e)
{
	struct cfg_acl_entry *n;

	n = cfg_grow(p, a->entries, a->nentries, sizeof(*n));
	if (!n)
		return -1;
	a->entries = n;
	memmove(&n[at + 1], &n[at], (a->nentries - at) * sizeof(*n));
	e->remarks = a->remarks;
	e->nremarks = a->nremarks;
	a->remarks = NULL;
	a->nremarks = 0;
	n[at] = *e;
	a->nentries++;
	return 0;
}

/*
 * An entry: @n words from "permit" or "deny", its sequence number
 * @seq_word or none; an IPv6 list's entry may end in "sequence SEQ"
 */
static int cfg_acl_entry(struct cfg_parser *p, const char *seq_word, int n,
			 char **words)
{
	struct cfg_acl *a = p->obj;
	struct cfg_acl_entry e = { .line = p->line };
	const char *why;
	int at;

	if (a->family == AF_INET6 && n >= 2 &&
	    !strcasecmp(words[n - 2], "sequence")) {
		if (seq_word) {
			cfg_error(p, "sequence number given twice");
			return -1;
		}
		seq_word = words[n - 1];
		n -= 2;
	}
	if (a->standard ? acl_rule_parse_standard(n, words, &e.rule, &why) :
			  acl_rule_parse(n, words, a->family, &e.rule, &why)) {
		cfg_error(p, "access-list entry: %s", why);
		return -1;
	}
	if (a->nentries == FLEXVTI_ACL_MAX_RULES) {
		cfg_error(p, "%s '%s' has more than %d entries",
			  cfg_acl_kind(a->family), a->name,
			  FLEXVTI_ACL_MAX_RULES);
		return -1;
	}
	if (cfg_acl_seq(p, a, seq_word, &e.seq))
		return -1;
	at = cfg_acl_slot(p, a, e.seq);
	if (at < 0)
		return -1;
	return cfg_acl_insert(p, a, (unsigned int)at, &e);
}

/* "permit ..." or "deny ...": the keyword is the word before @argv */
static int cfg_acl_plain(struct cfg_parser *p, int argc, char **argv)
{
	return cfg_acl_entry(p, NULL, argc + 1, argv - 1);
}

/* "SEQ permit ..." */
static int cfg_acl_numbered(struct cfg_parser *p, int argc, char **argv)
{
	return cfg_acl_entry(p, p->word[0], argc + 1, argv - 1);
}

/* "sequence SEQ permit ...", the form of IPv6 lists */
static int cfg_acl_sequenced(struct cfg_parser *p, int argc, char **argv)
{
	return cfg_acl_entry(p, p->word[1], argc + 1, argv - 1);
}

static int cfg_acl_add_remark(struct cfg_parser *p, char ***remarks,
			      unsigned int *n, const char *text)
{
	char **r = cfg_grow(p, *remarks, *n, sizeof(*r));

	if (!r)
		return -1;
	*remarks = r;
	r[*n] = cfg_strdup(p, text);
	if (!r[*n])
		return -1;
	(*n)++;
	return 0;
}

/* "remark TEXT": kept with the entry that follows it */
static int cfg_acl_remark(struct cfg_parser *p, int argc __always_unused,
			  char **argv)
{
	struct cfg_acl *a = p->obj;

	return cfg_acl_add_remark(p, &a->remarks, &a->nremarks,
				  cfg_rest(p, argv));
}

#define CFG_ACE_USAGE "PROTOCOL SOURCE [PORTS] DESTINATION [PORTS] [ICMP] " \
		      "[log]"

static const struct cfg_cmd cfg_acl_cmds[] = {
	{ "permit", cfg_acl_plain, CFG_ACE_USAGE, 0, CFG_WORDS_MAX },
	{ "deny", cfg_acl_plain, CFG_ACE_USAGE, 0, CFG_WORDS_MAX },
	{ "# permit", cfg_acl_numbered, CFG_ACE_USAGE, 0, CFG_WORDS_MAX },
	{ "# deny", cfg_acl_numbered, CFG_ACE_USAGE, 0, CFG_WORDS_MAX },
	{ "sequence # permit", cfg_acl_sequenced, CFG_ACE_USAGE, 0,
	  CFG_WORDS_MAX },
	{ "sequence # deny", cfg_acl_sequenced, CFG_ACE_USAGE, 0,
	  CFG_WORDS_MAX },
	{ "remark", cfg_acl_remark, "TEXT", 1, CFG_WORDS_MAX },
};

const struct cfg_mode_def cfg_acl_mode = {
	.name = "access-list",
	.cmds = cfg_acl_cmds,
	.ncmds = ARRAY_SIZE(cfg_acl_cmds),
	.parent = CFG_MODE_TOP,
};

/* "in" or "out" (@in, @out: the command's words for them) */
static int cfg_acl_dir(struct cfg_parser *p, const char *s, const char *in,
		       const char *out)
{
	if (!strcasecmp(s, in))
		return ACL_DIR_IN;
	if (!strcasecmp(s, out))
		return ACL_DIR_OUT;
	cfg_error(p, "%s: '%s' is not %s or %s", p->cmd->path, s, in, out);
	return -1;
}

/* "ip access-group NAME in|out" */
int cfg_iface_access_group(struct cfg_parser *p, int argc __always_unused,
			   char **argv)
{
	struct cfg_iface *i = p->obj;
	int dir = cfg_acl_dir(p, argv[1], "in", "out");

	if (dir < 0)
		return -1;
	return cfg_set_ref(p, &i->filters.acl4[dir], argv[0]);
}

/* "ipv6 traffic-filter NAME in|out" */
int cfg_iface_traffic_filter(struct cfg_parser *p, int argc __always_unused,
			     char **argv)
{
	struct cfg_iface *i = p->obj;
	int dir = cfg_acl_dir(p, argv[1], "in", "out");

	if (dir < 0)
		return -1;
	return cfg_set_ref(p, &i->filters.acl6[dir], argv[0]);
}

/* "service-policy input|output NAME" */
int cfg_iface_service_policy(struct cfg_parser *p, int argc __always_unused,
			     char **argv)
{
	struct cfg_iface *i = p->obj;
	int dir = cfg_acl_dir(p, argv[0], "input", "output");

	if (dir < 0)
		return -1;
	return cfg_set_ref(p, &i->filters.policy[dir], argv[1]);
}

void cfg_iface_filters_clear(struct cfg_iface_filters *f)
{
	int dir;

	for (dir = 0; dir < ACL_NDIRS; dir++) {
		free(f->acl4[dir].name);
		free(f->acl6[dir].name);
		free(f->policy[dir].name);
	}
	memset(f, 0, sizeof(*f));
}

/* an empty list filters nothing when attached (IOS): worth a warning */
void cfg_check_acls(struct cfg_parser *p)
{
	const struct cfg_acl *a;
	unsigned int i;

	for (i = 0; i < p->cfg->nacls; i++) {
		a = p->cfg->acls[i];
		if (a->nentries)
			continue;
		cfg_warn(p, a->line, "%s '%s' has no entries: attached, it "
			 "permits everything, as in IOS",
			 cfg_acl_kind(a->family), a->name);
	}
}

static const struct cfg_acl *cfg_check_acl_ref(struct cfg_parser *p,
					       const struct cfg_ref *r,
					       int family)
{
	const struct cfg_acl *a;

	if (!r->name)
		return NULL;
	a = cfg_acl_find(p->cfg, r->name, family);
	if (!a)
		cfg_diag(p, r->line, "unknown %s '%s'", cfg_acl_kind(family),
			 r->name);
	return a;
}

/* the lists of a direction fit the kernel's, implicit rules included */
static void cfg_check_acl_count(struct cfg_parser *p,
				const struct cfg_iface_filters *f, int dir)
{
	unsigned int n = cfg_acl_build_count(f->acl4_list[dir],
					     f->acl6_list[dir]);
	const struct cfg_ref *r = &f->acl4[dir];
	const char *cmd = "ip access-group";

	if (n <= FLEXVTI_ACL_MAX_RULES)
		return;
	if (f->acl6[dir].name && (!r->name || f->acl6[dir].line > r->line)) {
		r = &f->acl6[dir];
		cmd = "ipv6 traffic-filter";
	}
	cfg_diag(p, r->line, "%s %s %s: the access lists of the direction "
		 "make %u rules with the implicit ones, more than %d", cmd,
		 r->name, dir == ACL_DIR_IN ? "in" : "out", n,
		 FLEXVTI_ACL_MAX_RULES);
}

/* "ip access-group", "ipv6 traffic-filter", "service-policy" resolved */
void cfg_check_iface_filters(struct cfg_parser *p, struct cfg_iface *i)
{
	struct cfg_iface_filters *f = &i->filters;
	const struct cfg_ref *r;
	int dir;

	for (dir = 0; dir < ACL_NDIRS; dir++) {
		f->acl4_list[dir] = cfg_check_acl_ref(p, &f->acl4[dir],
						      AF_INET);
		f->acl6_list[dir] = cfg_check_acl_ref(p, &f->acl6[dir],
						      AF_INET6);
		cfg_check_acl_count(p, f, dir);
		r = &f->policy[dir];
		if (!r->name)
			continue;
		f->policy_map[dir] = cfg_policy_map_find(p->cfg, r->name);
		if (!f->policy_map[dir])
			cfg_diag(p, r->line, "unknown policy-map '%s'",
				 r->name);
	}
}

static void cfg_acl_dump_remarks(FILE *f, char *const *remarks,
				 unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		fprintf(f, " remark %s\n", remarks[i]);
}

void cfg_acl_dump(FILE *f, const struct cfg_acl *a)
{
	const struct cfg_acl_entry *e;
	char text[ACL_RULE_TEXT_MAX];
	unsigned int i;

	if (a->family == AF_INET6)
		fprintf(f, "ipv6 access-list %s\n", a->name);
	else
		fprintf(f, "ip access-list %s %s\n",
			cfg_acl_std_kw(a->standard), a->name);
	for (i = 0; i < a->nentries; i++) {
		e = &a->entries[i];
		cfg_acl_dump_remarks(f, e->remarks, e->nremarks);
		if ((a->standard ? acl_rule_format_standard(&e->rule, text,
							    sizeof(text)) :
		     acl_rule_format(&e->rule, text, sizeof(text))) < 0)
			text[0] = '\0';
		fprintf(f, " %s%u %s\n", a->family == AF_INET6 ?
			"sequence " : "", e->seq, text);
	}
	cfg_acl_dump_remarks(f, a->remarks, a->nremarks);
}

void cfg_iface_filters_dump(FILE *f, const struct cfg_iface_filters *fl)
{
	static const char *const io[ACL_NDIRS] = { "input", "output" };
	static const char *const dirs[ACL_NDIRS] = { "in", "out" };
	int dir;

	for (dir = 0; dir < ACL_NDIRS; dir++) {
		if (fl->acl4[dir].name)
			fprintf(f, " ip access-group %s %s\n",
				fl->acl4[dir].name, dirs[dir]);
		if (fl->acl6[dir].name)
			fprintf(f, " ipv6 traffic-filter %s %s\n",
				fl->acl6[dir].name, dirs[dir]);
	}
	for (dir = 0; dir < ACL_NDIRS; dir++)
		if (fl->policy[dir].name)
			fprintf(f, " service-policy %s %s\n", io[dir],
				fl->policy[dir].name);
}

static void cfg_remarks_free(char **remarks, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		free(remarks[i]);
	free(remarks);
}

void cfg_acl_free(struct cfg_acl *a)
{
	unsigned int i;

	for (i = 0; i < a->nentries; i++)
		cfg_remarks_free(a->entries[i].remarks,
				 a->entries[i].nremarks);
	cfg_remarks_free(a->remarks, a->nremarks);
	free(a->entries);
	free(a->name);
	free(a);
}

/* the entries of @a when it has some and is given, else 0 */
static unsigned int cfg_acl_used(const struct cfg_acl *a)
{
	return a ? a->nentries : 0;
}

unsigned int cfg_acl_build_count(const struct cfg_acl *v4,
				 const struct cfg_acl *v6)
{
	unsigned int n4 = cfg_acl_used(v4), n6 = cfg_acl_used(v6);

	if (!n4 && !n6)
		return 0;
	/* IPv6: nd-na, nd-ns; the other family's permit when one is none */
	return n4 + n6 + (n6 ? 2 : 0) + (!n4 || !n6 ? 1 : 0);
}

/* the rules of @a's entries to @out's end */
static void cfg_acl_copy(const struct cfg_acl *a, struct acl *out)
{
	unsigned int i;

	for (i = 0; i < cfg_acl_used(a); i++) {
		out->rules[out->nrules] = a->entries[i].rule;
		out->rules[out->nrules++].hits = 0;
	}
}

/* a rule permitting all of @family, or its ICMPv6 message @icmp6 */
static void cfg_acl_permit(struct acl *out, int family, int icmp6)
{
	struct acl_rule *r = &out->rules[out->nrules++];

	acl_rule_init(r, FLEXVTI_ACL_PERMIT, family);
	if (icmp6 < 0)
		return;
	r->proto = IPPROTO_ICMPV6;
	r->icmp_type = (int16_t)icmp6;
}

static void cfg_acl_build_name(const struct cfg_acl *v4,
			       const struct cfg_acl *v6, struct acl *out)
{
	const char *n4 = cfg_acl_used(v4) ? v4->name : "";
	const char *n6 = cfg_acl_used(v6) ? v6->name : "";

	snprintf(out->name, sizeof(out->name), "%s%s%s", n4,
		 *n4 && *n6 ? "," : "", n6);
}

int cfg_acl_build(const struct cfg_acl *v4, const struct cfg_acl *v6,
		  struct acl *out)
{
	unsigned int n = cfg_acl_build_count(v4, v6);

	memset(out, 0, sizeof(*out));
	if (!n)
		return 0;
	if (n > FLEXVTI_ACL_MAX_RULES)
		return -E2BIG;
	out->rules = calloc(n, sizeof(*out->rules));
	if (!out->rules)
		return -ENOMEM;
	cfg_acl_build_name(v4, v6, out);
	cfg_acl_copy(v4, out);
	cfg_acl_copy(v6, out);
	if (cfg_acl_used(v6)) {
		cfg_acl_permit(out, AF_INET6, 136);	/* nd-na */
		cfg_acl_permit(out, AF_INET6, 135);	/* nd-ns */
	}
	if (!cfg_acl_used(v4))
		cfg_acl_permit(out, AF_INET, -1);
	else if (!cfg_acl_used(v6))
		cfg_acl_permit(out, AF_INET6, -1);
	return 0;
}

int cfg_iface_acl(const struct cfg_iface *i, int dir, struct acl *out)
{
	return cfg_acl_build(i->filters.acl4_list[dir],
			     i->filters.acl6_list[dir], out);
}

void cfg_iface_policer(const struct cfg_iface *i, int dir,
		       struct acl_policer *out)
{
	cfg_policy_map_policer(i->filters.policy_map[dir], out);
}
