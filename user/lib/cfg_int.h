/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Internals of the configuration parser shared by the cfg_*.c files: the
 * parser state, the command tables of the modes, the argument helpers,
 * the algorithm keyword tables and the per-object constructors and
 * destructors.  Not for users of the library: they include cfg.h.
 */
#ifndef FLEXVTI_CFG_INT_H
#define FLEXVTI_CFG_INT_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "util.h"

#ifndef __always_unused
#define __always_unused	__attribute__((unused))
#endif

#define CFG_LINE_MAX	1024	/* bytes of a line */
#define CFG_WORDS_MAX	64	/* words of a line */
#define CFG_VTEMPLATE_MAX	4095	/* N of Virtual-Template<N> */

#ifndef container_of
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#endif

/* the block a line is in: the mode of IOS configuration */
enum cfg_mode {
	CFG_MODE_TOP,
	CFG_MODE_PROPOSAL,
	CFG_MODE_POLICY,
	CFG_MODE_KEYRING,
	CFG_MODE_PEER,
	CFG_MODE_PROFILE,
	CFG_MODE_AUTHZ,
	CFG_MODE_TSET,
	CFG_MODE_IPSEC,
	CFG_MODE_TEMPLATE,
	CFG_MODE_TUNNEL,
	CFG_MODE_TRUSTPOINT,
	CFG_MODE_RADIUS_SERVER,
	CFG_MODE_RADIUS_GROUP,
	CFG_MODE_MANGLER,
	CFG_MODE_ACL,		/* an IPv4 or IPv6 access list */
	CFG_MODE_POLICY_MAP,
	CFG_MODE_PMAP_CLASS,	/* "class class-default" of a policy map */
	CFG_MODE_DAE,
	CFG_MODE_SKIP,		/* the block of a refused command */
	CFG_NMODES,
};

struct cfg_parser;

/**
 * struct cfg_cmd - a command of a mode
 * @path: its keywords, space-separated, matched case-insensitively; the
 *	keyword "#" matches any decimal number (the sequence numbers of
 *	access-list entries), which the handler finds in p->word
 * @fn: handles the arguments after @path; returns 0, or -1 once it has
 *	reported an error
 * @usage: the syntax of the arguments, for messages and documentation
 * @min_args: fewest arguments after @path
 * @max_args: most arguments after @path
 */
struct cfg_cmd {
	const char *path;
	int (*fn)(struct cfg_parser *p, int argc, char **argv);
	const char *usage;
	unsigned char min_args;
	unsigned char max_args;
};

/**
 * struct cfg_mode_def - the commands of a mode
 * @name: the block's command, for messages
 * @cmds: its commands
 * @ncmds: entries of @cmds
 * @parent: the mode "exit" returns to, and whose commands also apply
 * @shared: more commands of this mode, a table other modes have too
 *	(the sub-commands both interface blocks take); NULL if none
 * @nshared: entries of @shared
 */
struct cfg_mode_def {
	const char *name;
	const struct cfg_cmd *cmds;
	unsigned int ncmds;
	enum cfg_mode parent;
	const struct cfg_cmd *shared;
	unsigned int nshared;
};

/**
 * struct cfg_parser - the state of one load
 * @cfg: the model being built
 * @err: the caller's diagnostics, or NULL
 * @nerrors: errors so far (also when @err is NULL)
 * @line: the line being parsed
 * @started: a command was seen (smart-defaults must come first)
 * @mode: the current block
 * @obj: the object the current block configures; in the interface
 *	modes its struct cfg_iface
 * @keyring: in CFG_MODE_PEER, the keyring of the peer @obj
 * @cmd: the command being handled
 * @nwords: words of the line
 * @word: the words, NUL-terminated, in @buf
 * @off: offset of each word in @raw
 * @raw: the line as written, for the rest-of-line arguments
 * @buf: the line split into words
 */
struct cfg_parser {
	struct cfg *cfg;
	struct cfg_err *err;
	unsigned int nerrors;
	unsigned int line;
	bool started;
	enum cfg_mode mode;
	void *obj;
	struct cfg_keyring *keyring;
	const struct cfg_cmd *cmd;
	unsigned int nwords;
	char *word[CFG_WORDS_MAX];
	unsigned int off[CFG_WORDS_MAX];
	char raw[CFG_LINE_MAX + 1];
	char buf[CFG_LINE_MAX + 1];
};

/* a keyword and the transform it names */
struct cfg_alg {
	const char *kw;
	uint16_t id;
	uint16_t bits;
	bool builtin_only;	/* in the Cisco defaults, refused in a config */
};

/* the object named @nm in the array @arr of @n objects, or NULL */
#define CFG_FIND(arr, n, nm) ({					\
	typeof(*(arr)) _o = NULL;					\
	unsigned int _i;						\
									\
	for (_i = 0; _i < (n) && !_o; _i++)				\
		if (!strcmp((arr)[_i]->name, (nm)))			\
			_o = (arr)[_i];					\
	_o;								\
})

/* append @obj to the array @arr of @n; 0, or -1 reported */
#define CFG_APPEND(p, arr, n, obj) ({					\
	typeof(arr) _a = cfg_grow((p), (arr), (n), sizeof(*(arr)));	\
									\
	if (_a) {							\
		(arr) = _a;						\
		(arr)[(n)++] = (obj);					\
	}								\
	_a ? 0 : -1;							\
})

/* a new zeroed object named @nm appended to @arr; NULL reported */
#define CFG_NEW(p, arr, n, nm) ({					\
	typeof(*(arr)) _n = calloc(1, sizeof(**(arr)));		\
									\
	if (_n && !(_n->name = strdup(nm))) {				\
		free(_n);						\
		_n = NULL;						\
	}								\
	if (!_n) {							\
		cfg_oom(p);						\
	} else if (CFG_APPEND(p, arr, n, _n)) {			\
		free(_n->name);						\
		free(_n);						\
		_n = NULL;						\
	}								\
	_n;								\
})

/* the modes of the blocks, each with the file of its object */
extern const struct cfg_mode_def cfg_proposal_mode, cfg_policy_mode,
	cfg_keyring_mode, cfg_peer_mode, cfg_profile_mode, cfg_authz_mode,
	cfg_tset_mode, cfg_ipsec_mode, cfg_template_mode,
	cfg_tunnel_iface_mode, cfg_trustpoint_mode, cfg_radius_server_mode,
	cfg_radius_group_mode, cfg_mangler_mode, cfg_acl_mode,
	cfg_policy_map_mode, cfg_pmap_class_mode, cfg_dae_mode;

/* cfg.c */
__printf(3, 4) void cfg_diag(struct cfg_parser *p, unsigned int line,
			     const char *fmt, ...);
__printf(3, 4) void cfg_warn(struct cfg_parser *p, unsigned int line,
			     const char *fmt, ...);
#define cfg_error(p, ...)	cfg_diag(p, (p)->line, __VA_ARGS__)
int cfg_oom(struct cfg_parser *p);
void *cfg_grow(struct cfg_parser *p, void *arr, unsigned int n, size_t size);
char *cfg_strdup(struct cfg_parser *p, const char *s);
int cfg_set_str(struct cfg_parser *p, char **dst, const char *s);
int cfg_set_ref(struct cfg_parser *p, struct cfg_ref *r, const char *name);
int cfg_ref_add(struct cfg_parser *p, struct cfg_ref **refs, unsigned int *n,
		const char *name);
void cfg_refs_free(struct cfg_ref *refs, unsigned int n);
const char *cfg_rest(struct cfg_parser *p, char **argv);
void cfg_enter(struct cfg_parser *p, enum cfg_mode mode, void *obj);
void cfg_key_wipe(struct cfg_key *k);
void cfg_ident_free(struct cfg_ident *id);

/* cfg_args.c */
int cfg_arg_uint(struct cfg_parser *p, const char *what, const char *s,
		 unsigned long long lo, unsigned long long hi,
		 unsigned long long *out);
int cfg_arg_name(struct cfg_parser *p, const char *s);
int cfg_addr_parse(const char *s, struct cfg_addr *a);
int cfg_arg_addr(struct cfg_parser *p, const char *s, struct cfg_addr *a);
int cfg_arg_addr4(struct cfg_parser *p, const char *s, struct in_addr *a);
int cfg_arg_prefix(struct cfg_parser *p, int argc, char **argv,
		   bool host_default, struct cfg_addr *a);
int cfg_arg_keyword(struct cfg_parser *p, const char *s,
		    const char *const *kws, unsigned int nkws);
int cfg_arg_key(struct cfg_parser *p, int argc, char **argv,
		struct cfg_key *k);
int cfg_arg_secret(struct cfg_parser *p, int argc, char **argv,
		   const char *what, size_t max, struct cfg_key *k);
int cfg_arg_ident(struct cfg_parser *p, int argc, char **argv, bool match,
		  struct cfg_ident *id);
int cfg_arg_fvrf(struct cfg_parser *p, const char *s, char **fvrf,
		 bool *any);
int cfg_arg_dpd(struct cfg_parser *p, char **argv, struct cfg_dpd *d);
int cfg_arg_keepalive(struct cfg_parser *p, const char *s, unsigned int *out);
int cfg_addr_add(struct cfg_parser *p, struct cfg_addr **arr,
		 unsigned int *n, const struct cfg_addr *a);
bool cfg_addr_in(const struct cfg_addr *net, const struct cfg_addr *a);
bool cfg_addr_eq(const struct cfg_addr *a, const struct cfg_addr *b);
bool cfg_addr_unicast(const struct cfg_addr *a);
int cfg_mask_prefix(struct in_addr mask);
void cfg_addr_mask(struct cfg_addr *a);

/* cfg_alg.c */
extern const struct cfg_alg cfg_ike_encr[];
extern const struct cfg_alg cfg_ike_integ[];
extern const struct cfg_alg cfg_ike_prf[];
extern const struct cfg_alg cfg_ike_dh[];
extern const struct cfg_alg cfg_pfs_dh[];
const struct cfg_alg *cfg_alg_by_kw(const struct cfg_alg *t, const char *kw);
const struct cfg_alg *cfg_alg_by_id(const struct cfg_alg *t, uint16_t id,
				    uint16_t bits);
uint16_t cfg_integ_prf(uint16_t integ);

/* cfg_global.c: the global "crypto ikev2" options */
int cfg_cmd_ike_max_neg(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_ike_max_sa(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_ike_window(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_ike_dpd(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_ike_nat_keepalive(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_ike_cookie(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_ike_half_open(struct cfg_parser *p, int argc, char **argv);
void cfg_global_init(struct cfg_ike_global *g);

/* cfg_ikev2.c: proposals, policies, keyrings */
int cfg_cmd_proposal(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_policy(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_keyring(struct cfg_parser *p, int argc, char **argv);
void cfg_proposal_free(struct cfg_proposal *pr);
void cfg_policy_free(struct cfg_policy *po);
void cfg_keyring_free(struct cfg_keyring *kr);

/* cfg_profile.c */
int cfg_cmd_profile(struct cfg_parser *p, int argc, char **argv);
void cfg_profile_free(struct cfg_profile *pf);

/* cfg_aaa.c: aaa, authorization policies, pools */
int cfg_cmd_authz(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_aaa_new_model(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_pool(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_pool6(struct cfg_parser *p, int argc, char **argv);
void cfg_authz_free(struct cfg_authz_policy *az);
void cfg_check_authz_routes(struct cfg_parser *p, struct cfg_authz_policy *az);
void cfg_pool_free(struct cfg_pool *pool);

/* cfg_radius.c: method lists, RADIUS servers and groups, global options */
int cfg_cmd_aaa_authz(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_aaa_acct(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_aaa_login(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_aaa_acct_update(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_radius_password(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_radius_server(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_radius_timeout(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_radius_retransmit(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_radius_host(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_radius_group(struct cfg_parser *p, int argc, char **argv);
void cfg_radius_init(struct cfg_radius_global *g);
void cfg_check_radius(struct cfg_parser *p);
void cfg_radius_server_free(struct cfg_radius_server *rs);
void cfg_radius_group_free(struct cfg_radius_group *rg);
void cfg_aaa_list_free(struct cfg_aaa_list *l);

/* cfg_dae.c: "aaa server radius dynamic-author" */
int cfg_cmd_dae(struct cfg_parser *p, int argc, char **argv);
void cfg_check_dae(struct cfg_parser *p);
void cfg_dae_dump(FILE *out, const struct cfg_dae *dae, unsigned int flags);
void cfg_dae_free(struct cfg_dae *dae);

/* cfg_mangler.c: "crypto ikev2 name-mangler" */
extern const char *const cfg_aaa_kws[CFG_AAA_NMETHODS];
extern const char *const cfg_mangle_fqdn_kws[CFG_MANGLE_FQDN_N];
extern const char *const cfg_mangle_email_kws[CFG_MANGLE_EMAIL_N];
extern const char *const cfg_dn_kws[CFG_DN_N];
extern const char *const cfg_mangle_eap_kws[CFG_MANGLE_EAP_N];
int cfg_cmd_mangler(struct cfg_parser *p, int argc, char **argv);
void cfg_check_mangler(struct cfg_parser *p, const struct cfg_name_mangler *m);
void cfg_mangler_free(struct cfg_name_mangler *m);

/* cfg_ipsec.c */
int cfg_cmd_tset(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_ipsec(struct cfg_parser *p, int argc, char **argv);
const char *cfg_esp_kw(uint16_t id, bool integ);
void cfg_tset_free(struct cfg_transform_set *ts);
void cfg_ipsec_free(struct cfg_ipsec_profile *ip);

/* cfg_pki.c: "crypto pki trustpoint" */
int cfg_cmd_trustpoint(struct cfg_parser *p, int argc, char **argv);
void cfg_trustpoint_free(struct cfg_trustpoint *tp);

/* cfg_iface.c: the interface blocks and the sub-commands they share */
extern const char *const cfg_tunnel_modes[];
int cfg_cmd_interface(struct cfg_parser *p, int argc, char **argv);
void cfg_iface_clear(struct cfg_iface *i);
void cfg_template_free(struct cfg_template *t);

/* cfg_tunnel.c: what only "interface Tunnel<N>" has */
struct cfg_tunnel *cfg_tunnel_new(struct cfg_parser *p, unsigned int num);
int cfg_tunnel_dest(struct cfg_parser *p, int argc, char **argv);
int cfg_tunnel_addr(struct cfg_parser *p, int argc, char **argv);
int cfg_tunnel_addr6(struct cfg_parser *p, int argc, char **argv);
int cfg_tunnel_shortcut(struct cfg_parser *p, int argc, char **argv);
void cfg_tunnel_free(struct cfg_tunnel *t);

/* cfg_acl.c: access lists, and the interface commands of the filters */
int cfg_cmd_acl(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_acl6(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_acl_standard(struct cfg_parser *p, int argc, char **argv);
int cfg_arg_kernel_name(struct cfg_parser *p, const char *s);
int cfg_iface_access_group(struct cfg_parser *p, int argc, char **argv);
int cfg_iface_traffic_filter(struct cfg_parser *p, int argc, char **argv);
int cfg_iface_service_policy(struct cfg_parser *p, int argc, char **argv);
void cfg_iface_filters_clear(struct cfg_iface_filters *f);
void cfg_check_acls(struct cfg_parser *p);
void cfg_check_iface_filters(struct cfg_parser *p, struct cfg_iface *i);
void cfg_acl_dump(FILE *f, const struct cfg_acl *a);
void cfg_iface_filters_dump(FILE *f, const struct cfg_iface_filters *fl);
void cfg_acl_free(struct cfg_acl *a);

/* cfg_policy.c: "policy-map" */
int cfg_cmd_policy_map(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_class_map(struct cfg_parser *p, int argc, char **argv);
void cfg_check_policy_maps(struct cfg_parser *p);
void cfg_policy_map_dump(FILE *f, const struct cfg_policy_map *pm);
void cfg_policy_map_free(struct cfg_policy_map *pm);

/* cfg_defaults.c: the built-in objects and "no"/"default" of them */
int cfg_defaults_init(struct cfg_parser *p, enum cfg_defaults_set set);
int cfg_cmd_smart_defaults(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_no_default(struct cfg_parser *p, int argc, char **argv);
int cfg_cmd_default(struct cfg_parser *p, int argc, char **argv);
int cfg_builtin_edit(struct cfg_parser *p, bool disabled, bool *modified);

/* cfg_check.c: cross-references and completeness, after the last line */
int cfg_check(struct cfg_parser *p);

#endif /* FLEXVTI_CFG_INT_H */
