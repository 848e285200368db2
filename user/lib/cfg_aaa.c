// SPDX-License-Identifier: GPL-2.0-only
/*
 * Local AAA: "aaa new-model", "crypto ikev2 authorization policy NAME"
 * (what a session gets: address pools, DNS, routes) and the address pools
 * it names, "ip local pool" and "ipv6 local pool".  The method lists are
 * in cfg_radius.c.
 */
#include <arpa/inet.h>
#include <strings.h>

#include "cfg_int.h"

#define CFG_SESSION_LIFETIME_MIN	120
#define CFG_SESSION_LIFETIME_MAX	25920000
#define CFG_FLOW_LIMIT_MAX		50000
#define CFG_ROUTE_TAG_MAX		497777

static int cfg_authz_pool(struct cfg_parser *p, int argc __always_unused,
			  char **argv)
{
	struct cfg_authz_policy *az = p->obj;

	return cfg_set_ref(p, &az->pool_ref, argv[0]);
}

static int cfg_authz_pool6(struct cfg_parser *p, int argc __always_unused,
			   char **argv)
{
	struct cfg_authz_policy *az = p->obj;

	return cfg_set_ref(p, &az->pool6_ref, argv[0]);
}

/* one or two IPv4 servers, replacing the previous ones */
static int cfg_servers4(struct cfg_parser *p, int argc, char **argv,
			struct in_addr *out, unsigned int *n)
{
	struct in_addr a[2];
	int i;

	for (i = 0; i < argc; i++)
		if (cfg_arg_addr4(p, argv[i], &a[i]))
			return -1;
	memcpy(out, a, argc * sizeof(a[0]));
	*n = argc;
	return 0;
}

static int cfg_authz_dns(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_authz_policy *az = p->obj;

	return cfg_servers4(p, argc, argv, az->dns, &az->ndns);
}

static int cfg_authz_wins(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_authz_policy *az = p->obj;

	return cfg_servers4(p, argc, argv, az->wins, &az->nwins);
}

static int cfg_authz_dns6(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_authz_policy *az = p->obj;
	struct in6_addr a[2];
	int i;

	for (i = 0; i < argc; i++) {
		if (inet_pton(AF_INET6, argv[i], &a[i]) != 1) {
			cfg_error(p, "%s: '%s' is not an IPv6 address",
				  p->cmd->path, argv[i]);
			return -1;
		}
	}
	memcpy(az->dns6, a, argc * sizeof(a[0]));
	az->ndns6 = argc;
	return 0;
}

static int cfg_authz_netmask(struct cfg_parser *p, int argc __always_unused,
			     char **argv)
{
	struct cfg_authz_policy *az = p->obj;
	struct in_addr m;

	if (cfg_arg_addr4(p, argv[0], &m))
		return -1;
	if (cfg_mask_prefix(m) < 0) {
		cfg_error(p, "netmask: '%s' is not a valid netmask", argv[0]);
		return -1;
	}
	az->netmask = m;
	return 0;
}

static int cfg_authz_route_if(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_authz_policy *az = p->obj;

	free(az->route_set_ifname);
	az->route_set_ifname = NULL;
	if (argc && (cfg_arg_name(p, argv[0]) ||
		     !(az->route_set_ifname = cfg_strdup(p, argv[0]))))
		return -1;
	az->route_set_interface = true;
	return 0;
}

static int cfg_authz_route(struct cfg_parser *p, int argc, char **argv,
			   int family)
{
	struct cfg_authz_policy *az = p->obj;
	struct cfg_addr a;
	int used = cfg_arg_prefix(p, argc, argv, true, &a);

	if (used < 0)
		return -1;
	if (a.family != family) {
		cfg_error(p, "%s: '%s' is not an %s prefix", p->cmd->path,
			  argv[0], family == AF_INET ? "IPv4" : "IPv6");
		return -1;
	}
	if (used < argc) {
		cfg_error(p, "%s: unexpected '%s'", p->cmd->path, argv[used]);
		return -1;
	}
	return cfg_addr_add(p, &az->routes, &az->nroutes, &a);
}

static int cfg_authz_route4(struct cfg_parser *p, int argc, char **argv)
{
	return cfg_authz_route(p, argc, argv, AF_INET);
}

static int cfg_authz_route6(struct cfg_parser *p, int argc, char **argv)
{
	return cfg_authz_route(p, argc, argv, AF_INET6);
}

/* "route set access-list NAME", "route set access-list ipv6 NAME" */
static int cfg_authz_route_acl(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_authz_policy *az = p->obj;

	if (argc == 2 && strcasecmp(argv[0], "ipv6")) {
		cfg_error(p, "route set access-list: unexpected '%s'",
			  argv[1]);
		return -1;
	}
	if (argc == 2)
		return cfg_set_ref(p, &az->route_acl6_ref, argv[1]);
	return cfg_set_ref(p, &az->route_acl_ref, argv[0]);
}

/* "route accept any [tag T] [distance D]" */
static int cfg_authz_accept(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_authz_policy *az = p->obj;
	unsigned long long tag = 0, dist = 0;
	int i;

	for (i = 0; i < argc; i++) {
		bool is_tag = !strcasecmp(argv[i], "tag");

		if ((!is_tag && strcasecmp(argv[i], "distance")) ||
		    i + 1 == argc) {
			cfg_error(p, "route accept any: unexpected '%s'",
				  argv[i]);
			return -1;
		}
		if (cfg_arg_uint(p, is_tag ? "route accept any tag" :
				 "route accept any distance", argv[++i], 1,
				 is_tag ? CFG_ROUTE_TAG_MAX : 255,
				 is_tag ? &tag : &dist))
			return -1;
	}
	az->route_accept = true;
	az->route_accept_tag = tag;
	az->route_accept_distance = dist;
	return 0;
}

static int cfg_authz_def_domain(struct cfg_parser *p,
				int argc __always_unused, char **argv)
{
	struct cfg_authz_policy *az = p->obj;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	return cfg_set_str(p, &az->def_domain, argv[0]);
}

/*
 * "banner TEXT", the rest of the line; IOS's delimited form on one line,
 * "banner ^C TEXT ^C", gives TEXT
 */
static int cfg_authz_banner(struct cfg_parser *p, int argc __always_unused,
			    char **argv)
{
	struct cfg_authz_policy *az = p->obj;
	const char *s = cfg_rest(p, argv);
	size_t n = strlen(s);

	if (!strncmp(s, "^C", 2)) {
		if (n < 4 || strcmp(s + n - 2, "^C")) {
			cfg_error(p, "banner: a banner is one line: write "
				  "'banner TEXT' or 'banner ^C TEXT ^C'");
			return -1;
		}
		s += 2;
		n -= 4;
		while (n && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
	}
	if (!n) {
		cfg_error(p, "banner: the text is empty");
		return -1;
	}
	free(az->banner);
	az->banner = strndup(s, n);
	return az->banner ? 0 : cfg_oom(p);
}

static int cfg_authz_split_dns(struct cfg_parser *p,
			       int argc __always_unused, char **argv)
{
	struct cfg_authz_policy *az = p->obj;
	unsigned int i;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	for (i = 0; i < az->nsplit_dns; i++)
		if (!strcmp(az->split_dns[i], argv[0]))
			return 0;
	if (az->nsplit_dns == CFG_SPLIT_DNS_MAX) {
		cfg_error(p, "split-dns: at most %d domains",
			  CFG_SPLIT_DNS_MAX);
		return -1;
	}
	az->split_dns[az->nsplit_dns] = cfg_strdup(p, argv[0]);
	if (!az->split_dns[az->nsplit_dns])
		return -1;
	az->nsplit_dns++;
	return 0;
}

static int cfg_authz_lifetime(struct cfg_parser *p, int argc __always_unused,
			      char **argv)
{
	struct cfg_authz_policy *az = p->obj;
	unsigned long long v;

	if (cfg_arg_uint(p, NULL, argv[0], CFG_SESSION_LIFETIME_MIN,
			 CFG_SESSION_LIFETIME_MAX, &v))
		return -1;
	az->session_lifetime = v;
	return 0;
}

static int cfg_authz_flow_limit(struct cfg_parser *p,
				int argc __always_unused, char **argv)
{
	struct cfg_authz_policy *az = p->obj;
	unsigned long long v;

	if (cfg_arg_uint(p, NULL, argv[0], 0, CFG_FLOW_LIMIT_MAX, &v))
		return -1;
	az->flow_limit = v;
	return 0;
}

static const struct cfg_cmd cfg_authz_cmds[] = {
	{ "pool", cfg_authz_pool, "NAME", 1, 1 },
	{ "ipv6 pool", cfg_authz_pool6, "NAME", 1, 1 },
	{ "dns", cfg_authz_dns, "ADDRESS [ADDRESS]", 1, 2 },
	{ "ipv6 dns", cfg_authz_dns6, "ADDRESS [ADDRESS]", 1, 2 },
	{ "wins", cfg_authz_wins, "ADDRESS [ADDRESS]", 1, 2 },
	{ "netmask", cfg_authz_netmask, "MASK", 1, 1 },
	{ "route set interface", cfg_authz_route_if, "[IFNAME]", 0, 1 },
	{ "route set remote ipv4", cfg_authz_route4,
	  "ADDRESS MASK|PREFIX/LEN", 1, 2 },
	{ "route set remote ipv6", cfg_authz_route6, "PREFIX/LEN", 1, 1 },
	{ "route set access-list", cfg_authz_route_acl, "[ipv6] NAME", 1, 2 },
	{ "route accept any", cfg_authz_accept,
	  "[tag <1-497777>] [distance <1-255>]", 0, 4 },
	{ "def-domain", cfg_authz_def_domain, "NAME", 1, 1 },
	{ "banner", cfg_authz_banner, "TEXT", 1, CFG_WORDS_MAX },
	{ "split-dns", cfg_authz_split_dns, "NAME", 1, 1 },
	{ "session-lifetime", cfg_authz_lifetime, "<120-25920000>", 1, 1 },
	{ "ipsec flow-limit", cfg_authz_flow_limit, "<0-50000>", 1, 1 },
};

const struct cfg_mode_def cfg_authz_mode = {
	.name = "crypto ikev2 authorization policy",
	.cmds = cfg_authz_cmds,
	.ncmds = ARRAY_SIZE(cfg_authz_cmds),
	.parent = CFG_MODE_TOP,
};

/* "crypto ikev2 authorization policy NAME" */
int cfg_cmd_authz(struct cfg_parser *p, int argc __always_unused,
		  char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_authz_policy *az;
	int rc;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	az = CFG_FIND(cfg->authz_policies, cfg->nauthz_policies, argv[0]);
	if (az && az->builtin) {
		rc = cfg_builtin_edit(p, az->disabled, &az->modified);
		if (rc < 0)
			return -1;
		if (rc)
			az->line = p->line;
	} else if (!az) {
		az = CFG_NEW(p, cfg->authz_policies, cfg->nauthz_policies,
			     argv[0]);
		if (!az)
			return -1;
		az->line = p->line;
		az->flow_limit = -1;
	}
	cfg_enter(p, CFG_MODE_AUTHZ, az);
	return 0;
}

void cfg_authz_free(struct cfg_authz_policy *az)
{
	unsigned int i;

	for (i = 0; i < az->nsplit_dns; i++)
		free(az->split_dns[i]);
	free(az->pool_ref.name);
	free(az->pool6_ref.name);
	free(az->routes);
	free(az->route_set_ifname);
	free(az->route_acl_ref.name);
	free(az->route_acl6_ref.name);
	free(az->def_domain);
	free(az->banner);
	free(az->name);
	free(az);
}

/* whether an entry of "route set access-list ipv6" is "... ipv6 P any" */
static bool cfg_route_entry6_ok(const struct acl_rule *r)
{
	return r->proto < 0 && !r->dst.len && r->sport_min == 0 &&
	       r->sport_max == 65535 && r->dport_min == 0 &&
	       r->dport_max == 65535 && r->icmp_type < 0;
}

/* the entries of a "route set access-list" are prefixes to push */
static void cfg_check_route_entries(struct cfg_parser *p,
				    const struct cfg_ref *r,
				    const struct cfg_acl *a)
{
	const char *kw = a->family == AF_INET6 ? " ipv6" : "";
	const struct cfg_acl_entry *e;
	unsigned int i, deny = 0;

	for (i = 0; i < a->nentries; i++) {
		e = &a->entries[i];
		if (a->family == AF_INET6 && !cfg_route_entry6_ok(&e->rule)) {
			cfg_diag(p, r->line, "route set access-list%s %s: the "
				 "entry of line %u is not 'permit|deny ipv6 "
				 "PREFIX any'", kw, a->name, e->line);
			return;
		}
		if (e->rule.action == FLEXVTI_ACL_DENY) {
			deny = deny ? deny : e->line;
			continue;
		}
		if (!e->rule.src.len) {
			cfg_diag(p, r->line, "route set access-list%s %s: the "
				 "entry of line %u permits any: a default "
				 "route is not pushed", kw, a->name, e->line);
			return;
		}
	}
	if (deny)
		cfg_warn(p, r->line, "route set access-list%s %s: deny "
			 "entries push nothing (line %u)", kw, a->name, deny);
}

/* "route set access-list [ipv6] NAME" resolved, the routes counted */
void cfg_check_authz_routes(struct cfg_parser *p, struct cfg_authz_policy *az)
{
	struct cfg_addr all[CFG_ROUTE_SET_MAX + 1];
	const struct cfg_ref *r = &az->route_acl_ref;

	if (r->name) {
		az->route_acl = cfg_acl_find(p->cfg, r->name, AF_INET);
		if (!az->route_acl)
			cfg_diag(p, r->line, "unknown ip access-list standard "
				 "'%s'", r->name);
		else if (!az->route_acl->standard)
			cfg_diag(p, r->line, "route set access-list: '%s' is "
				 "an extended access list: the routes come "
				 "from an 'ip access-list standard'", r->name);
		else
			cfg_check_route_entries(p, r, az->route_acl);
	}
	r = &az->route_acl6_ref;
	if (r->name) {
		az->route_acl6 = cfg_acl_find(p->cfg, r->name, AF_INET6);
		if (!az->route_acl6)
			cfg_diag(p, r->line, "unknown ipv6 access-list '%s'",
				 r->name);
		else
			cfg_check_route_entries(p, r, az->route_acl6);
	}
	if (cfg_authz_route_set(az, all, ARRAY_SIZE(all)) > CFG_ROUTE_SET_MAX)
		cfg_diag(p, az->line, "authorization policy %s: more than %d "
			 "routes to set (route set remote and access-list)",
			 az->name, CFG_ROUTE_SET_MAX);
}

/* @a into @out unless it is there; false when @out is full */
static bool cfg_route_add(struct cfg_addr *out, unsigned int *n,
			  unsigned int max, const struct cfg_addr *a)
{
	unsigned int i;

	for (i = 0; i < *n; i++)
		if (cfg_addr_eq(&out[i], a))
			return true;
	if (*n == max)
		return false;
	out[(*n)++] = *a;
	return true;
}

/* the permit entries of a "route set access-list" as prefixes */
static bool cfg_route_acl_add(const struct cfg_acl *acl, struct cfg_addr *out,
			      unsigned int *n, unsigned int max)
{
	const struct acl_rule *r;
	struct cfg_addr a;
	unsigned int i;

	for (i = 0; acl && i < acl->nentries; i++) {
		r = &acl->entries[i].rule;
		if (r->action != FLEXVTI_ACL_PERMIT || !r->src.len)
			continue;
		memset(&a, 0, sizeof(a));
		a.family = acl->family;
		memcpy(&a.v6, &r->src.addr, acl->family == AF_INET ? 4 : 16);
		a.prefix = r->src.len;
		if (!cfg_route_add(out, n, max, &a))
			return false;
	}
	return true;
}

unsigned int cfg_authz_route_set(const struct cfg_authz_policy *az,
				 struct cfg_addr *out, unsigned int max)
{
	unsigned int i, n = 0;

	for (i = 0; i < az->nroutes; i++)
		if (!cfg_route_add(out, &n, max, &az->routes[i]))
			return n;
	if (cfg_route_acl_add(az->route_acl, out, &n, max))
		cfg_route_acl_add(az->route_acl6, out, &n, max);
	return n;
}

int cfg_cmd_aaa_new_model(struct cfg_parser *p, int argc __always_unused,
			  char **argv __always_unused)
{
	p->cfg->aaa_new_model = true;
	return 0;
}

/* the pool @name of @family, created if new; NULL reported */
static struct cfg_pool *cfg_pool_get(struct cfg_parser *p, const char *name,
				     int family)
{
	struct cfg *cfg = p->cfg;
	struct cfg_pool *pool;
	unsigned int i;

	if (cfg_arg_name(p, name))
		return NULL;
	for (i = 0; i < cfg->npools; i++)
		if (cfg->pools[i]->family == family &&
		    !strcmp(cfg->pools[i]->name, name))
			return cfg->pools[i];
	pool = CFG_NEW(p, cfg->pools, cfg->npools, name);
	if (pool) {
		pool->family = family;
		pool->line = p->line;
	}
	return pool;
}

/* "ip local pool NAME FIRST [LAST]": one more range of the pool */
int cfg_cmd_pool(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_pool_range r = { .line = p->line }, *nr;
	struct cfg_pool *pool;
	unsigned int i;

	if (cfg_arg_addr4(p, argv[1], &r.first) ||
	    cfg_arg_addr4(p, argv[argc - 1], &r.last))
		return -1;
	if (ntohl(r.last.s_addr) < ntohl(r.first.s_addr)) {
		cfg_error(p, "ip local pool: %s is below %s", argv[2],
			  argv[1]);
		return -1;
	}
	pool = cfg_pool_get(p, argv[0], AF_INET);
	if (!pool)
		return -1;
	for (i = 0; i < pool->nranges; i++) {
		struct cfg_pool_range *o = &pool->ranges[i];

		if (ntohl(r.first.s_addr) <= ntohl(o->last.s_addr) &&
		    ntohl(o->first.s_addr) <= ntohl(r.last.s_addr)) {
			cfg_error(p, "ip local pool %s: the range overlaps "
				  "the one of line %u", argv[0], o->line);
			return -1;
		}
	}
	nr = cfg_grow(p, pool->ranges, pool->nranges, sizeof(r));
	if (!nr)
		return -1;
	nr[pool->nranges++] = r;
	pool->ranges = nr;
	return 0;
}

/* "ipv6 local pool NAME PREFIX/LEN ASSIGN-LEN" */
int cfg_cmd_pool6(struct cfg_parser *p, int argc __always_unused,
		  char **argv)
{
	struct cfg_pool *pool;
	unsigned long long len;
	struct cfg_addr a;

	if (!strchr(argv[1], '/')) {
		cfg_error(p, "ipv6 local pool: '%s' is not an IPv6 prefix",
			  argv[1]);
		return -1;
	}
	if (cfg_arg_prefix(p, 1, argv + 1, true, &a) < 0)
		return -1;
	if (a.family != AF_INET6) {
		cfg_error(p, "ipv6 local pool: '%s' is not an IPv6 prefix",
			  argv[1]);
		return -1;
	}
	if (cfg_arg_uint(p, "ipv6 local pool assign length", argv[2],
			 a.prefix, 128, &len))
		return -1;
	pool = cfg_pool_get(p, argv[0], AF_INET6);
	if (!pool)
		return -1;
	if (pool->prefix.family) {
		cfg_error(p, "ipv6 local pool %s: already defined at line %u",
			  argv[0], pool->line);
		return -1;
	}
	pool->prefix = a;
	pool->assign_len = len;
	return 0;
}

void cfg_pool_free(struct cfg_pool *pool)
{
	free(pool->ranges);
	free(pool->name);
	free(pool);
}
