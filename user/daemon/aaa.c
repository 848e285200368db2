// SPDX-License-Identifier: GPL-2.0-only
/*
 * RADIUS servers and groups of the configuration in force.  A reload is
 * all or nothing: the servers it needs anew are made first; only when
 * all could be made are the groups pointed at them and the servers no
 * longer configured (or configured differently) freed, which moves their
 * requests under way on to their group's next server.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/cfg.h"
#include "aaa.h"
#include "log.h"
#include "route.h"
#include "sock.h"

/**
 * struct aaa_group - a server group and its place in the list
 * @g: the group; @g.nservers 0 once no configuration names it
 * @next: the next group
 *
 * Groups are never freed before aaa_fini(): a request holds its group.
 */
struct aaa_group {
	struct radius_group g;
	struct aaa_group *next;
};

/* protects nothing: the event loop is single-threaded */
static struct radius_server **aaa_servers;
static unsigned int aaa_nservers;
static struct aaa_group *aaa_groups;

/*
 * "ip radius source-interface" of the first group listing @cs that has
 * one: that interface's address of the server's family, into @src
 * (family 0 when no group has one).  A server is one socket per port,
 * so one source: a later group's other interface does not apply
 * (documented).
 */
static int aaa_server_source(const struct cfg *c,
			     const struct cfg_radius_server *cs,
			     struct sockaddr_storage *src)
{
	const struct cfg_radius_group *g;
	struct route_addr ra;
	unsigned int i, j;
	int ret;

	memset(src, 0, sizeof(*src));
	for (i = 0; i < c->nradius_groups; i++) {
		g = c->radius_groups[i];
		for (j = 0; j < g->nservers && g->servers[j] != cs; j++)
			;
		if (j == g->nservers || !g->source_if)
			continue;
		ret = route_ifaddr(g->source_if, cs->addr.family, &ra);
		if (ret) {
			log_err("RADIUS group %s: no IPv%c address on "
				"source-interface %s: %s", g->name,
				cs->addr.family == AF_INET ? '4' : '6',
				g->source_if, strerror(-ret));
			return ret;
		}
		src->ss_family = ra.family;
		if (ra.family == AF_INET)
			((struct sockaddr_in *)src)->sin_addr = ra.v4;
		else
			((struct sockaddr_in6 *)src)->sin6_addr = ra.v6;
		return 0;
	}
	return 0;
}

/* a server made for @cs earlier, when nothing of its socket or secret
 * changed (its timeout and retransmit count are set in place) */
static struct radius_server *aaa_server_same(const struct cfg_radius_server *cs,
					     const struct sockaddr_storage *src)
{
	struct sockaddr_storage ss;
	unsigned int i;

	cfg_addr_to_sockaddr(&cs->addr, &ss);
	for (i = 0; i < aaa_nservers; i++) {
		struct radius_server *s = aaa_servers[i];

		if (s && !strcmp(s->name, cs->name) &&
		    !memcmp(&s->addr, &ss, sizeof(ss)) &&
		    !memcmp(&s->source, src, sizeof(*src)) &&
		    s->auth_port == cs->auth_port &&
		    s->acct_port == cs->acct_port &&
		    strlen(s->secret) == cs->key.len &&
		    !memcmp(s->secret, cs->key.data, cs->key.len))
			return s;
	}
	return NULL;
}

static struct radius_server *aaa_server_make(const struct cfg_radius_server *cs,
					     const struct sockaddr_storage *src)
{
	struct sockaddr_storage ss;
	char secret[CFG_RADIUS_SECRET_MAX + 1];
	struct radius_server *s;

	cfg_addr_to_sockaddr(&cs->addr, &ss);
	memcpy(secret, cs->key.data, cs->key.len);
	secret[cs->key.len] = '\0';
	s = radius_server_new(cs->name, &ss, src->ss_family ? src : NULL,
			      cs->auth_port, cs->acct_port, secret,
			      cs->timeout * 1000, cs->retransmit);
	explicit_bzero(secret, sizeof(secret));
	return s;
}

static struct radius_server *aaa_server_in(struct radius_server **v,
					   unsigned int n, const char *name)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!strcmp(v[i]->name, name))
			return v[i];
	return NULL;
}

static struct aaa_group *aaa_group_lookup(const char *name)
{
	struct aaa_group *ag;

	for (ag = aaa_groups; ag; ag = ag->next)
		if (!strcmp(ag->g.name, name))
			return ag;
	return NULL;
}

static struct aaa_group *aaa_group_named(const char *name)
{
	struct aaa_group *ag = aaa_group_lookup(name);

	if (ag)
		return ag;
	ag = calloc(1, sizeof(*ag));
	if (!ag)
		return NULL;
	snprintf(ag->g.name, sizeof(ag->g.name), "%s", name);
	ag->next = aaa_groups;
	aaa_groups = ag;
	return ag;
}

/* @ag's servers from now on: @cg's, from @v; the preferred one stays
 * preferred when it is still in */
static void aaa_group_set(struct aaa_group *ag,
			  const struct cfg_radius_group *cg,
			  struct radius_server **servers,
			  struct radius_server **v, unsigned int n)
{
	const struct radius_server *pref = NULL;
	unsigned int i;

	for (i = 0; i < cg->nservers; i++)
		servers[i] = aaa_server_in(v, n, cg->servers[i]->name);
	if (ag->g.current < ag->g.nservers)
		pref = ag->g.servers[ag->g.current];
	free(ag->g.servers);
	ag->g.servers = servers;
	ag->g.nservers = cg->nservers;
	ag->g.current = 0;
	for (i = 0; i < cg->nservers; i++)
		if (servers[i] == pref)
			ag->g.current = i;
}

static void aaa_group_empty(struct aaa_group *ag)
{
	free(ag->g.servers);
	ag->g.servers = NULL;
	ag->g.nservers = 0;
	ag->g.current = 0;
}

/* the groups not in @keep (@n entries), emptied */
static void aaa_groups_clear(struct aaa_group **keep, unsigned int n)
{
	struct aaa_group *ag;
	unsigned int i;

	for (ag = aaa_groups; ag; ag = ag->next) {
		for (i = 0; i < n && keep[i] != ag; i++)
			;
		if (i == n)
			aaa_group_empty(ag);
	}
}

/* the configured groups: "aaa group server radius" blocks and "radius" */
static const struct cfg_radius_group *aaa_cfg_group(const struct cfg *c,
						    unsigned int i)
{
	return i < c->nradius_groups ? c->radius_groups[i] : c->radius_all;
}

/*
 * The groups of @c on the servers @v; groups @c has not, emptied.  What
 * can fail (memory) is done before anything changes.
 */
static int aaa_groups_set(const struct cfg *c, struct radius_server **v,
			  unsigned int n)
{
	unsigned int i, ng = c->nradius_groups + !!c->radius_all;
	struct radius_server ***arrays = calloc(ng + 1, sizeof(*arrays));
	struct aaa_group **groups = calloc(ng + 1, sizeof(*groups));
	int ret = arrays && groups ? 0 : -ENOMEM;

	for (i = 0; i < ng && !ret; i++) {
		const struct cfg_radius_group *cg = aaa_cfg_group(c, i);

		groups[i] = aaa_group_named(cg->name);
		arrays[i] = calloc(cg->nservers + 1, sizeof(**arrays));
		if (!groups[i] || !arrays[i])
			ret = -ENOMEM;
	}
	if (ret) {
		for (i = 0; arrays && i < ng; i++)
			free(arrays[i]);
	} else {
		aaa_groups_clear(groups, ng);
		for (i = 0; i < ng; i++)
			aaa_group_set(groups[i], aaa_cfg_group(c, i),
				      arrays[i], v, n);
	}
	free(arrays);
	free(groups);
	return ret;
}

static bool aaa_server_old(const struct radius_server *s)
{
	unsigned int i;

	for (i = 0; i < aaa_nservers; i++)
		if (aaa_servers[i] == s)
			return true;
	return false;
}

/* a reload that failed: the servers it made, freed */
static void aaa_servers_forget(struct radius_server **v, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (v[i] && !aaa_server_old(v[i]))
			radius_server_free(v[i]);
	free(v);
}

/* the old servers that @v does not keep */
static void aaa_servers_drop(struct radius_server **v, unsigned int n)
{
	unsigned int i, j;

	for (i = 0; i < aaa_nservers; i++) {
		for (j = 0; j < n && v[j] != aaa_servers[i]; j++)
			;
		if (j == n)
			radius_server_free(aaa_servers[i]);
	}
	free(aaa_servers);
	aaa_servers = v;
	aaa_nservers = n;
}

/**
 * aaa_reload - put the RADIUS servers and groups of a configuration in
 *	force
 * @c: the configuration
 *
 * Servers whose name, address, source address, ports and secret are
 * unchanged stay as they are, their timeout and retransmit count set
 * anew.  A server's
 * requests leave from the address of the "ip radius source-interface"
 * of the first group that lists it and has one, as that address is at
 * this call; route_open() comes first.  The radcli dictionaries are
 * loaded on the first call.
 *
 * Return: 0; -ENOENT when the dictionaries cannot be read, -ENOMEM, the
 * errno of a source interface without an address of the server's family
 * (logged), or -EIO when a socket could not be made (logged).  On error the
 * servers and groups in force are left as they were.
 */
int aaa_reload(const struct cfg *c)
{
	struct radius_server **v;
	unsigned int i, n = c->nradius_servers;
	int ret;

	if (!radius_rh() && radius_client_init(NULL)) {
		log_err("cannot read the RADIUS dictionaries of radcli");
		return -ENOENT;
	}
	v = calloc(n ? n : 1, sizeof(*v));
	if (!v)
		return -ENOMEM;
	for (i = 0, ret = 0; i < n && !ret; i++) {
		const struct cfg_radius_server *cs = c->radius_servers[i];
		struct sockaddr_storage src;

		ret = aaa_server_source(c, cs, &src);
		if (ret)
			break;
		v[i] = aaa_server_same(cs, &src);
		if (!v[i])
			v[i] = aaa_server_make(cs, &src);
		if (!v[i])
			ret = -EIO;
	}
	if (!ret)
		ret = aaa_groups_set(c, v, n);
	if (ret) {
		aaa_servers_forget(v, n);
		return ret;
	}
	for (i = 0; i < n; i++) {
		v[i]->timeout_ms = c->radius_servers[i]->timeout * 1000;
		v[i]->retransmit = c->radius_servers[i]->retransmit;
	}
	aaa_servers_drop(v, n);
	return 0;
}

/**
 * aaa_fini - free every server and group
 *
 * Requests under way end first: their owners cancel them before.
 */
void aaa_fini(void)
{
	struct aaa_group *ag;

	while ((ag = aaa_groups)) {
		aaa_groups = ag->next;
		aaa_group_empty(ag);
		free(ag);
	}
	aaa_servers_drop(NULL, 0);
	radius_client_fini();
}

/**
 * aaa_group - the run-time group of a configured one
 * @cg: the configured group (a method list's group)
 *
 * Return: the group, NULL when it has no server (the configuration in
 * force does not have it).
 */
struct radius_group *aaa_group(const struct cfg_radius_group *cg)
{
	return aaa_group_find(cg->name);
}

/**
 * aaa_group_find - a run-time group by name
 * @name: its name (struct radius_group's)
 *
 * Return: the group, NULL when no group of that name has servers.
 */
struct radius_group *aaa_group_find(const char *name)
{
	struct aaa_group *ag = aaa_group_lookup(name);

	return ag && ag->g.nservers ? &ag->g : NULL;
}

/**
 * aaa_add_endpoints - the two ends of an IKE SA in an Access-Request:
 *	Calling-Station-Id, the peer's address as text (RFC 2865 §5.31),
 *	and NAS-IP-Address (§5.4) or NAS-IPv6-Address (RFC 3162 §2.1), ours
 * @vps: the request's attributes, appended to
 * @peer: the peer's address
 * @nas: our address
 *
 * Return: 0, or -ENOMEM.
 */
int aaa_add_endpoints(VALUE_PAIR **vps, const struct sockaddr_storage *peer,
		      const struct sockaddr_storage *nas)
{
	char buf[INET6_ADDRSTRLEN];
	const void *p;
	uint32_t v4;
	size_t len;

	sock_addr_ntop(peer, buf, sizeof(buf));
	if (!rc_avpair_add(radius_rh(), vps, PW_CALLING_STATION_ID, buf,
			   strlen(buf), 0))
		return -ENOMEM;
	p = sock_addr_bytes(nas, &len);
	if (len == 16)
		return rc_avpair_add(radius_rh(), vps, PW_NAS_IPV6_ADDRESS, p,
				     16, 0) ? 0 : -ENOMEM;
	memcpy(&v4, p, 4);
	v4 = ntohl(v4);
	return rc_avpair_add(radius_rh(), vps, PW_NAS_IP_ADDRESS, &v4, 0, 0) ?
	       0 : -ENOMEM;
}

/**
 * aaa_server_first - the first server in force, for show commands
 *
 * Return: the server, NULL when none is configured.
 */
struct radius_server *aaa_server_first(void)
{
	return aaa_nservers ? aaa_servers[0] : NULL;
}

/**
 * aaa_server_next - the server after @s in configured order
 * @s: a server in force
 *
 * Return: the next server, NULL after the last.
 */
struct radius_server *aaa_server_next(const struct radius_server *s)
{
	unsigned int i;

	for (i = 0; i + 1 < aaa_nservers; i++)
		if (aaa_servers[i] == s)
			return aaa_servers[i + 1];
	return NULL;
}
