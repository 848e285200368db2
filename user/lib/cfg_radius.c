// SPDX-License-Identifier: GPL-2.0-only
/*
 * AAA method lists and the RADIUS servers they use: "aaa authorization
 * network LIST local|group GROUP [local]", "aaa accounting network LIST
 * start-stop group GROUP", "aaa accounting update periodic M"; the "radius
 * server NAME" blocks (address, UDP ports, shared secret, timeout and
 * retransmissions), the global "radius-server timeout" and "radius-server
 * retransmit" that servers without their own take, "radius authorization
 * password", and the server groups, "aaa group server radius NAME", which
 * list servers by name in failover order ("group radius": all of them).
 * The ports default to the RFC ones, 1812 and 1813, not IOS's 1645 and
 * 1646.  Secrets are text, given in clear: the IOS type 7 obfuscation is
 * refused, and so is the guide's implicit authorization password "cisco".
 */
#include <arpa/inet.h>
#include <strings.h>

#include "cfg_int.h"

#define CFG_RADIUS_TIMEOUT_MAX		1000
#define CFG_RADIUS_RETRANSMIT_MAX	100
#define CFG_ACCT_UPDATE_MAX		71582	/* minutes: 2^32 ms */
#define CFG_RADIUS_ALL			"radius"	/* "group radius" */

/* "[auth-port P] [acct-port Q]", in any order */
static int cfg_radius_ports(struct cfg_parser *p, int argc, char **argv,
			    uint16_t *auth, uint16_t *acct)
{
	unsigned long long port;
	int i;

	for (i = 0; i < argc; i += 2) {
		bool is_auth = !strcasecmp(argv[i], "auth-port");

		if ((!is_auth && strcasecmp(argv[i], "acct-port")) ||
		    i + 1 == argc) {
			cfg_error(p, "address: unexpected '%s' (usage: "
				  "address ipv4|ipv6 ADDRESS [auth-port P] "
				  "[acct-port Q])", argv[i]);
			return -1;
		}
		if (cfg_arg_uint(p, argv[i], argv[i + 1], 1, 65535, &port))
			return -1;
		*(is_auth ? auth : acct) = port;
	}
	return 0;
}

/* "address ipv4|ipv6 ADDRESS [auth-port P] [acct-port Q]" */
static int cfg_radius_address(struct cfg_parser *p, int argc, char **argv)
{
	static const char *const kws[] = { "ipv4", "ipv6" };
	struct cfg_radius_server *rs = p->obj;
	uint16_t auth = CFG_RADIUS_AUTH_PORT_DEFAULT;
	uint16_t acct = CFG_RADIUS_ACCT_PORT_DEFAULT;
	int v6 = cfg_arg_keyword(p, argv[0], kws, ARRAY_SIZE(kws));
	struct cfg_addr a;

	if (v6 < 0 || cfg_arg_addr(p, argv[1], &a))
		return -1;
	if (a.family != (v6 ? AF_INET6 : AF_INET)) {
		cfg_error(p, "address %s: '%s' is not an %s address", argv[0],
			  argv[1], v6 ? "IPv6" : "IPv4");
		return -1;
	}
	if (!cfg_addr_unicast(&a)) {
		cfg_error(p, "address %s: '%s' is not a unicast address",
			  argv[0], argv[1]);
		return -1;
	}
	if (cfg_radius_ports(p, argc - 2, argv + 2, &auth, &acct))
		return -1;
	rs->addr = a;
	rs->auth_port = auth;
	rs->acct_port = acct;
	return 0;
}

/* "key [0] SECRET"; type 7 is refused */
static int cfg_radius_key(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_radius_server *rs = p->obj;

	return cfg_arg_secret(p, argc, argv, "key", CFG_RADIUS_SECRET_MAX,
			      &rs->key);
}

static int cfg_radius_uint(struct cfg_parser *p, const char *s,
			   unsigned long long lo, unsigned long long hi,
			   unsigned int *out)
{
	unsigned long long v;

	if (cfg_arg_uint(p, NULL, s, lo, hi, &v))
		return -1;
	*out = v;
	return 0;
}

static int cfg_radius_timeout(struct cfg_parser *p, int argc __always_unused,
			      char **argv)
{
	struct cfg_radius_server *rs = p->obj;

	if (cfg_radius_uint(p, argv[0], 1, CFG_RADIUS_TIMEOUT_MAX,
			    &rs->timeout))
		return -1;
	rs->timeout_set = true;
	return 0;
}

static int cfg_radius_retransmit(struct cfg_parser *p,
				 int argc __always_unused, char **argv)
{
	struct cfg_radius_server *rs = p->obj;

	if (cfg_radius_uint(p, argv[0], 0, CFG_RADIUS_RETRANSMIT_MAX,
			    &rs->retransmit))
		return -1;
	rs->retransmit_set = true;
	return 0;
}

static const struct cfg_cmd cfg_radius_server_cmds[] = {
	{ "address", cfg_radius_address,
	  "ipv4|ipv6 ADDRESS [auth-port P] [acct-port Q]", 2, 6 },
	{ "key", cfg_radius_key, "[0] SECRET", 1, CFG_WORDS_MAX },
	{ "timeout", cfg_radius_timeout, "<1-1000>", 1, 1 },
	{ "retransmit", cfg_radius_retransmit, "<0-100>", 1, 1 },
};

const struct cfg_mode_def cfg_radius_server_mode = {
	.name = "radius server",
	.cmds = cfg_radius_server_cmds,
	.ncmds = ARRAY_SIZE(cfg_radius_server_cmds),
	.parent = CFG_MODE_TOP,
};

/**
 * cfg_cmd_radius_server() - "radius server NAME": open the server's block
 * @p: the parser
 * @argc: 1
 * @argv: NAME
 *
 * Creates the server (ports 1812/1813) or continues its block.
 *
 * Return: 0, or -1 reported (name too long, out of memory).
 */
int cfg_cmd_radius_server(struct cfg_parser *p, int __always_unused argc,
			  char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_radius_server *rs;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	rs = CFG_FIND(cfg->radius_servers, cfg->nradius_servers, argv[0]);
	if (!rs) {
		rs = CFG_NEW(p, cfg->radius_servers, cfg->nradius_servers,
			     argv[0]);
		if (!rs)
			return -1;
		rs->line = p->line;
	}
	cfg_enter(p, CFG_MODE_RADIUS_SERVER, rs);
	return 0;
}

/**
 * cfg_cmd_radius_timeout() - "radius-server timeout S"
 * @p: the parser
 * @argc: 1
 * @argv: S, seconds, 1-1000: the timeout of servers without "timeout"
 *
 * Return: 0, or -1 reported (not a number, out of range).
 */
int cfg_cmd_radius_timeout(struct cfg_parser *p, int __always_unused argc,
			   char **argv)
{
	return cfg_radius_uint(p, argv[0], 1, CFG_RADIUS_TIMEOUT_MAX,
			       &p->cfg->radius.timeout);
}

/**
 * cfg_cmd_radius_retransmit() - "radius-server retransmit N"
 * @p: the parser
 * @argc: 1
 * @argv: N, 0-100: the retransmissions of servers without "retransmit"
 *
 * Return: 0, or -1 reported (not a number, out of range).
 */
int cfg_cmd_radius_retransmit(struct cfg_parser *p, int __always_unused argc,
			      char **argv)
{
	return cfg_radius_uint(p, argv[0], 0, CFG_RADIUS_RETRANSMIT_MAX,
			       &p->cfg->radius.retransmit);
}

/**
 * cfg_cmd_radius_host() - refuse the guide's "radius-server host A key K"
 * @p: the parser
 * @argc: unused
 * @argv: unused
 *
 * Servers are named "radius server NAME" blocks here; the message says so.
 *
 * Return: -1, reported.
 */
int cfg_cmd_radius_host(struct cfg_parser *p, int __always_unused argc,
			char __always_unused **argv)
{
	cfg_error(p, "'radius-server host' is not supported: configure a "
		  "'radius server NAME' block with 'address' and 'key'");
	return -1;
}

/* "server name NAME": one more server, in failover order */
static int cfg_group_server_name(struct cfg_parser *p,
				 int argc __always_unused, char **argv)
{
	struct cfg_radius_group *rg = p->obj;

	return cfg_ref_add(p, &rg->server_refs, &rg->nservers, argv[0]);
}

/* IOS's "server ADDRESS", which names a "radius-server host" */
static int cfg_group_server_addr(struct cfg_parser *p,
				 int argc __always_unused,
				 char **argv __always_unused)
{
	cfg_error(p, "server: give the server by name: 'server name NAME' "
		  "of a 'radius server NAME' block");
	return -1;
}

static int cfg_group_source_if(struct cfg_parser *p,
			       int argc __always_unused, char **argv)
{
	struct cfg_radius_group *rg = p->obj;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	return cfg_set_str(p, &rg->source_if, argv[0]);
}

static const struct cfg_cmd cfg_radius_group_cmds[] = {
	{ "server name", cfg_group_server_name, "NAME", 1, 1 },
	{ "server", cfg_group_server_addr, "name NAME", 1, CFG_WORDS_MAX },
	{ "ip radius source-interface", cfg_group_source_if, "IFNAME",
	  1, 1 },
};

const struct cfg_mode_def cfg_radius_group_mode = {
	.name = "aaa group server radius",
	.cmds = cfg_radius_group_cmds,
	.ncmds = ARRAY_SIZE(cfg_radius_group_cmds),
	.parent = CFG_MODE_TOP,
};

/**
 * cfg_cmd_radius_group() - "aaa group server radius NAME": open its block
 * @p: the parser
 * @argc: 1
 * @argv: NAME, not "radius" (reserved for "group radius")
 *
 * Return: 0, or -1 reported (reserved or too long a name, out of memory).
 */
int cfg_cmd_radius_group(struct cfg_parser *p, int __always_unused argc,
			 char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_radius_group *rg;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	if (!strcasecmp(argv[0], CFG_RADIUS_ALL)) {
		cfg_error(p, "aaa group server radius: the name '%s' is "
			  "reserved: 'group radius' means every radius server",
			  argv[0]);
		return -1;
	}
	rg = CFG_FIND(cfg->radius_groups, cfg->nradius_groups, argv[0]);
	if (!rg) {
		rg = CFG_NEW(p, cfg->radius_groups, cfg->nradius_groups,
			     argv[0]);
		if (!rg)
			return -1;
		rg->line = p->line;
	}
	cfg_enter(p, CFG_MODE_RADIUS_GROUP, rg);
	return 0;
}

/*
 * "group GROUP" at @argv: a RADIUS group, or every server (the keyword
 * "radius", in any case); 1 when @argv is not "group GROUP"
 */
static int cfg_aaa_group(struct cfg_parser *p, int argc, char **argv,
			 struct cfg_ref *r)
{
	if (argc < 2 || strcasecmp(argv[0], "group"))
		return 1;
	if (!strcasecmp(argv[1], "tacacs+") || !strcasecmp(argv[1], "ldap")) {
		cfg_error(p, "'group %s' is not supported: only RADIUS server "
			  "groups", argv[1]);
		return -1;
	}
	if (!strcasecmp(argv[1], CFG_RADIUS_ALL))
		return cfg_set_ref(p, r, CFG_RADIUS_ALL);
	return cfg_set_ref(p, r, argv[1]);
}

/* the list @name of @arr, created if new, emptied if not; NULL reported */
static struct cfg_aaa_list *cfg_aaa_list_get(struct cfg_parser *p,
					     struct cfg_aaa_list ***arr,
					     unsigned int *n, const char *name)
{
	struct cfg_aaa_list *l;

	if (cfg_arg_name(p, name))
		return NULL;
	l = CFG_FIND(*arr, *n, name);
	if (!l)
		l = CFG_NEW(p, *arr, *n, name);
	if (!l)
		return NULL;
	free(l->group_ref.name);
	l->group_ref.name = NULL;
	l->local = false;
	l->line = p->line;
	return l;
}

/**
 * cfg_cmd_aaa_authz() - "aaa authorization network LIST local | group
 *	GROUP [local]"
 * @p: the parser
 * @argc: words at @argv, at least 2
 * @argv: LIST and its methods
 *
 * Defines the list, or replaces its methods.  "group radius" means every
 * radius server; tacacs+ and ldap groups, other methods and other orders
 * are refused.
 *
 * Return: 0, or -1 reported (nothing changed).
 */
int cfg_cmd_aaa_authz(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_ref r = { NULL, 0 };
	struct cfg_aaa_list *l;
	bool local = argc == 2 && !strcasecmp(argv[1], "local");
	int rc = local ? 0 : cfg_aaa_group(p, argc - 1, argv + 1, &r);

	if (rc < 0)
		return -1;
	if (!rc && argc > 3)
		local = argc == 4 && !strcasecmp(argv[3], "local");
	if (rc || (argc > 3 && !local)) {
		free(r.name);
		cfg_error(p, "aaa authorization network %s: only 'local' and "
			  "'group GROUP [local]' are supported", argv[0]);
		return -1;
	}
	l = cfg_aaa_list_get(p, &cfg->aaa_lists, &cfg->naaa_lists, argv[0]);
	if (!l) {
		free(r.name);
		return -1;
	}
	l->group_ref = r;
	l->local = local;
	return 0;
}

/**
 * cfg_cmd_aaa_acct() - "aaa accounting network LIST start-stop group GROUP"
 * @p: the parser
 * @argc: words at @argv, at least 2
 * @argv: LIST and its method
 *
 * Defines the accounting list, or replaces its group; stop-only, none,
 * broadcast and non-RADIUS groups are refused.
 *
 * Return: 0, or -1 reported (nothing changed).
 */
int cfg_cmd_aaa_acct(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_ref r = { NULL, 0 };
	struct cfg_aaa_list *l;
	int rc = 1;

	if (argc == 4 && !strcasecmp(argv[1], "start-stop"))
		rc = cfg_aaa_group(p, argc - 2, argv + 2, &r);
	if (rc < 0)
		return -1;
	if (rc) {
		cfg_error(p, "aaa accounting network %s: only 'start-stop "
			  "group GROUP' is supported", argv[0]);
		return -1;
	}
	l = cfg_aaa_list_get(p, &cfg->acct_lists, &cfg->nacct_lists, argv[0]);
	if (!l) {
		free(r.name);
		return -1;
	}
	l->group_ref = r;
	return 0;
}

/**
 * cfg_cmd_aaa_login() - "aaa authentication login LIST group GROUP"
 * @p: the parser
 * @argc: words at @argv, at least 2
 * @argv: LIST and its method
 *
 * Defines the authentication list an IKEv2 profile's "aaa authentication
 * eap LIST" relays EAP through (the FlexVPN guide's EAP server example),
 * or replaces its group.  Only one RADIUS group: local authentication
 * and other methods are refused.
 *
 * Return: 0, or -1 reported (nothing changed).
 */
int cfg_cmd_aaa_login(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_ref r = { NULL, 0 };
	struct cfg_aaa_list *l;
	int rc = argc == 3 ? cfg_aaa_group(p, argc - 1, argv + 1, &r) : 1;

	if (rc < 0)
		return -1;
	if (rc) {
		cfg_error(p, "aaa authentication login %s: only 'group GROUP' "
			  "is supported", argv[0]);
		return -1;
	}
	l = cfg_aaa_list_get(p, &cfg->login_lists, &cfg->nlogin_lists,
			     argv[0]);
	if (!l) {
		free(r.name);
		return -1;
	}
	l->group_ref = r;
	return 0;
}

/**
 * cfg_cmd_aaa_acct_update() - "aaa accounting update periodic M"
 * @p: the parser
 * @argc: words at @argv, at least 1
 * @argv: "periodic" and M, minutes between Interim-Updates, 1-71582
 *
 * Sets &cfg->radius.acct_update_min;
 * "newinfo" is refused.
 *
 * Return: 0, or -1 reported.
 */
int cfg_cmd_aaa_acct_update(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_radius_global *g = &p->cfg->radius;
	unsigned long long m;
	int i;

	for (i = 0; i < argc; i++) {
		if (strcasecmp(argv[i], "newinfo"))
			continue;
		cfg_error(p, "'aaa accounting update newinfo' is not "
			  "supported: use 'aaa accounting update periodic "
			  "MINUTES'");
		return -1;
	}
	if (argc != 2 || strcasecmp(argv[0], "periodic")) {
		cfg_error(p, "aaa accounting update: only 'periodic MINUTES' "
			  "is supported");
		return -1;
	}
	if (cfg_arg_uint(p, "aaa accounting update periodic", argv[1], 1,
			 CFG_ACCT_UPDATE_MAX, &m))
		return -1;
	g->acct_update_min = m;
	g->acct_update_line = p->line;
	return 0;
}

/**
 * cfg_cmd_radius_password() - "radius authorization password [0] PASSWORD"
 * @p: the parser
 * @argc: words at @argv, at least 1
 * @argv: the password, the rest of the line, 1-128 bytes of text
 *
 * Return: 0, or -1 reported (as cfg_arg_secret()).
 */
int cfg_cmd_radius_password(struct cfg_parser *p, int argc, char **argv)
{
	return cfg_arg_secret(p, argc, argv, "password",
			      CFG_RADIUS_SECRET_MAX,
			      &p->cfg->radius.authz_password);
}

/**
 * cfg_radius_init() - the global RADIUS options before any line
 * @g: set to timeout 5 s, retransmit 3, no password, no interim updates
 */
void cfg_radius_init(struct cfg_radius_global *g)
{
	memset(g, 0, sizeof(*g));
	g->timeout = CFG_RADIUS_TIMEOUT_DEFAULT;
	g->retransmit = CFG_RADIUS_RETRANSMIT_DEFAULT;
}

/* a server needs an address and a key; the global defaults apply */
static void cfg_check_radius_server(struct cfg_parser *p,
				    struct cfg_radius_server *rs)
{
	const struct cfg_radius_global *g = &p->cfg->radius;

	if (!rs->addr.family)
		cfg_diag(p, rs->line, "radius server '%s' has no 'address'",
			 rs->name);
	if (!rs->key.data)
		cfg_diag(p, rs->line, "radius server '%s' has no 'key'",
			 rs->name);
	if (!rs->timeout_set)
		rs->timeout = g->timeout;
	if (!rs->retransmit_set)
		rs->retransmit = g->retransmit;
}

/* the servers exist; a group without any is an error */
static void cfg_check_radius_group(struct cfg_parser *p,
				   struct cfg_radius_group *rg)
{
	struct cfg *cfg = p->cfg;
	const struct cfg_ref *r;
	unsigned int i;

	if (!rg->nservers) {
		cfg_diag(p, rg->line, "aaa group server radius '%s' has no "
			 "'server name'", rg->name);
		return;
	}
	rg->servers = calloc(rg->nservers, sizeof(*rg->servers));
	if (!rg->servers) {
		cfg_oom(p);
		return;
	}
	for (i = 0; i < rg->nservers; i++) {
		r = &rg->server_refs[i];
		rg->servers[i] = CFG_FIND(cfg->radius_servers,
					  cfg->nradius_servers, r->name);
		if (!rg->servers[i])
			cfg_diag(p, r->line, "unknown radius server '%s'",
				 r->name);
	}
}

/* "group radius": every server, in configured order */
static struct cfg_radius_group *cfg_radius_all(struct cfg_parser *p)
{
	struct cfg *cfg = p->cfg;
	struct cfg_radius_group *rg = cfg->radius_all;
	unsigned int i;

	if (rg)
		return rg;
	rg = calloc(1, sizeof(*rg));
	if (rg)
		rg->name = strdup(CFG_RADIUS_ALL);
	if (rg && rg->name && cfg->nradius_servers)
		rg->servers = calloc(cfg->nradius_servers,
				     sizeof(*rg->servers));
	if (!rg || !rg->name || (cfg->nradius_servers && !rg->servers)) {
		if (rg)
			cfg_radius_group_free(rg);
		cfg_oom(p);
		return NULL;
	}
	for (i = 0; i < cfg->nradius_servers; i++)
		rg->servers[i] = cfg->radius_servers[i];
	rg->nservers = cfg->nradius_servers;
	cfg->radius_all = rg;
	return rg;
}

/* the group of a method list */
static void cfg_check_aaa_list(struct cfg_parser *p, struct cfg_aaa_list *l,
			       const char *what)
{
	struct cfg *cfg = p->cfg;
	const char *name = l->group_ref.name;

	if (!name)
		return;
	if (strcmp(name, CFG_RADIUS_ALL)) {
		l->group = CFG_FIND(cfg->radius_groups, cfg->nradius_groups,
				    name);
		if (!l->group)
			cfg_diag(p, l->line, "unknown aaa group server radius "
				 "'%s'", name);
		return;
	}
	l->group = cfg_radius_all(p);
	if (l->group && !l->group->nservers)
		cfg_diag(p, l->line, "aaa %s %s: 'group radius' but no "
			 "radius server is configured", what, l->name);
}

/**
 * cfg_check_radius() - complete and resolve RADIUS, after the last line
 * @p: the parser
 *
 * Servers need an address and a key and take the global timeout and
 * retransmit they do not set; groups need servers, which must exist;
 * method lists get their group (cfg->radius_all for "group radius", an
 * error without any server).  Errors name the line of the server, group
 * or list.
 */
void cfg_check_radius(struct cfg_parser *p)
{
	struct cfg *cfg = p->cfg;
	unsigned int i;

	for (i = 0; i < cfg->nradius_servers; i++)
		cfg_check_radius_server(p, cfg->radius_servers[i]);
	for (i = 0; i < cfg->nradius_groups; i++)
		cfg_check_radius_group(p, cfg->radius_groups[i]);
	for (i = 0; i < cfg->naaa_lists; i++)
		cfg_check_aaa_list(p, cfg->aaa_lists[i],
				   "authorization network");
	for (i = 0; i < cfg->nacct_lists; i++)
		cfg_check_aaa_list(p, cfg->acct_lists[i],
				   "accounting network");
	for (i = 0; i < cfg->nlogin_lists; i++)
		cfg_check_aaa_list(p, cfg->login_lists[i],
				   "authentication login");
}

/**
 * cfg_radius_server_free() - free a server, wiping its key
 * @rs: the server
 */
void cfg_radius_server_free(struct cfg_radius_server *rs)
{
	cfg_key_wipe(&rs->key);
	free(rs->name);
	free(rs);
}

/**
 * cfg_radius_group_free() - free a server group (cfg->radius_all too)
 * @rg: the group
 */
void cfg_radius_group_free(struct cfg_radius_group *rg)
{
	cfg_refs_free(rg->server_refs, rg->nservers);
	free(rg->servers);
	free(rg->source_if);
	free(rg->name);
	free(rg);
}

/**
 * cfg_aaa_list_free() - free an authorization or accounting method list
 * @l: the list
 */
void cfg_aaa_list_free(struct cfg_aaa_list *l)
{
	free(l->group_ref.name);
	free(l->name);
	free(l);
}
