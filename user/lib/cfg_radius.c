// SPDX-License-Identifier: GPL-2.0-only
/*
 * RADIUS servers: the "radius server NAME" blocks (address, UDP ports,
 * shared secret, timeout and retransmissions), the global "radius-server
 * timeout" and "radius-server retransmit" that servers without their own
 * take, and the server groups, "aaa group server radius NAME", which list
 * servers by name in failover order.  The ports default to the RFC ones,
 * 1812 and 1813, not IOS's 1645 and 1646.  Secrets are text, given in
 * clear: the IOS type 7 obfuscation is refused.
 */
#include <arpa/inet.h>
#include <strings.h>

#include "cfg_int.h"

#define CFG_RADIUS_TIMEOUT_MAX		1000
#define CFG_RADIUS_RETRANSMIT_MAX	100

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

/* "radius server NAME" */
int cfg_cmd_radius_server(struct cfg_parser *p, int argc __always_unused,
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
		rs->auth_port = CFG_RADIUS_AUTH_PORT_DEFAULT;
		rs->acct_port = CFG_RADIUS_ACCT_PORT_DEFAULT;
	}
	cfg_enter(p, CFG_MODE_RADIUS_SERVER, rs);
	return 0;
}

/* "radius-server timeout S": servers without "timeout" */
int cfg_cmd_radius_timeout(struct cfg_parser *p, int argc __always_unused,
			   char **argv)
{
	return cfg_radius_uint(p, argv[0], 1, CFG_RADIUS_TIMEOUT_MAX,
			       &p->cfg->radius.timeout);
}

/* "radius-server retransmit N": servers without "retransmit" */
int cfg_cmd_radius_retransmit(struct cfg_parser *p, int argc __always_unused,
			      char **argv)
{
	return cfg_radius_uint(p, argv[0], 0, CFG_RADIUS_RETRANSMIT_MAX,
			       &p->cfg->radius.retransmit);
}

/* the guide's "radius-server host A key K": servers have names here */
int cfg_cmd_radius_host(struct cfg_parser *p, int argc __always_unused,
			char **argv __always_unused)
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
	struct cfg_ref r = { NULL, 0 }, *a;
	unsigned int i;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	for (i = 0; i < rg->nservers; i++)
		if (!strcmp(rg->server_refs[i].name, argv[0]))
			return 0;
	a = cfg_grow(p, rg->server_refs, rg->nservers, sizeof(*a));
	if (!a)
		return -1;
	rg->server_refs = a;
	if (cfg_set_ref(p, &r, argv[0]))
		return -1;
	a[rg->nservers++] = r;
	return 0;
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

/* "aaa group server radius NAME" */
int cfg_cmd_radius_group(struct cfg_parser *p, int argc __always_unused,
			 char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_radius_group *rg;

	if (cfg_arg_name(p, argv[0]))
		return -1;
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

void cfg_check_radius(struct cfg_parser *p)
{
	struct cfg *cfg = p->cfg;
	unsigned int i;

	for (i = 0; i < cfg->nradius_servers; i++)
		cfg_check_radius_server(p, cfg->radius_servers[i]);
	for (i = 0; i < cfg->nradius_groups; i++)
		cfg_check_radius_group(p, cfg->radius_groups[i]);
}

void cfg_radius_server_free(struct cfg_radius_server *rs)
{
	cfg_key_wipe(&rs->key);
	free(rs->name);
	free(rs);
}

void cfg_radius_group_free(struct cfg_radius_group *rg)
{
	unsigned int i;

	for (i = 0; i < rg->nservers; i++)
		free(rg->server_refs[i].name);
	free(rg->server_refs);
	free(rg->servers);
	free(rg->source_if);
	free(rg->name);
	free(rg);
}
