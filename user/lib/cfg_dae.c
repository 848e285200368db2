// SPDX-License-Identifier: GPL-2.0-only
/*
 * "aaa server radius dynamic-author": the RADIUS servers allowed to send
 * Disconnect- and CoA-Requests (RFC 5176) and their shared secrets, the
 * UDP port, how a request's identifiers select sessions (auth-type,
 * ignore session-key), and flexvtid's own settings of the security rules:
 * the Message-Authenticator requirement, the Event-Timestamp window, the
 * Error-Cause of "no such session" and the duplicate cache.  The syntax
 * and the decisions are in Documentation/userspace/flexvtid.conf.rst,
 * "Dynamic authorization".
 */
#include <arpa/inet.h>
#include <strings.h>

#include "cfg_int.h"

#define CFG_DAE_TS_WINDOW_MAX		86400
#define CFG_DAE_CACHE_LIFETIME_MAX	600
#define CFG_DAE_CACHE_ENTRIES_MIN	16
#define CFG_DAE_CACHE_ENTRIES_MAX	65536
#define CFG_IKE_PORT			500
#define CFG_IKE_NATT_PORT		4500

static const char *const cfg_dae_auth_kws[] = {
	[CFG_DAE_AUTH_ALL] = "all",
	[CFG_DAE_AUTH_ANY] = "any",
	[CFG_DAE_AUTH_SESSION_KEY] = "session-key",
};

static bool cfg_dae_vrf_eq(const char *a, const char *b)
{
	if (!a || !*a || !b || !*b)
		return (!a || !*a) && (!b || !*b);
	return !strcmp(a, b);
}

/* the client of @addr in @vrf, added when new; NULL reported */
static struct cfg_dae_client *cfg_dae_client_get(struct cfg_parser *p,
						 const struct cfg_addr *addr,
						 const char *vrf)
{
	struct cfg_dae *dae = p->obj;
	struct cfg_dae_client *c;
	unsigned int i;

	for (i = 0; i < dae->nclients; i++) {
		c = &dae->clients[i];
		if (cfg_addr_eq(&c->addr, addr) && cfg_dae_vrf_eq(c->vrf, vrf))
			return c;
	}
	c = cfg_grow(p, dae->clients, dae->nclients, sizeof(*c));
	if (!c)
		return NULL;
	dae->clients = c;
	c = &dae->clients[dae->nclients];
	memset(c, 0, sizeof(*c));
	if (vrf) {
		c->vrf = cfg_strdup(p, vrf);
		if (!c->vrf)
			return NULL;
	}
	c->addr = *addr;
	dae->nclients++;
	return c;
}

/* the client's address: a unicast IP address, no host name */
static int cfg_dae_client_addr(struct cfg_parser *p, const char *s,
			       struct cfg_addr *a)
{
	if (cfg_addr_parse(s, a)) {
		cfg_error(p, "client: '%s' is not an IP address (host names "
			  "are not supported: give the address)", s);
		return -1;
	}
	if (!cfg_addr_unicast(a)) {
		cfg_error(p, "client: '%s' is not a unicast address", s);
		return -1;
	}
	return 0;
}

/*
 * The key of "server-key [0] KEY" is the rest of the line: the guide's
 * other order, "server-key KEY vrf NAME", would take "vrf NAME" into the
 * key, so it is refused.
 */
static int cfg_dae_key_order(struct cfg_parser *p, int argc, char **argv)
{
	if (argc >= 3 && !strcasecmp(argv[argc - 2], "vrf")) {
		cfg_error(p, "client: give 'vrf NAME' before 'server-key' "
			  "(the key is the rest of the line)");
		return -1;
	}
	return 0;
}

/*
 * "client ADDRESS [vrf NAME] [server-key [0] KEY]": a new client, or the
 * same address and VRF again, which replaces its key
 */
static int cfg_dae_client(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_key key = { NULL, 0 };
	struct cfg_dae_client *c;
	const char *vrf = NULL;
	struct cfg_addr a;
	int i = 1;

	if (cfg_dae_client_addr(p, argv[0], &a))
		return -1;
	if (i + 1 < argc && !strcasecmp(argv[i], "vrf")) {
		if (cfg_arg_name(p, argv[i + 1]))
			return -1;
		vrf = argv[i + 1];
		i += 2;
	}
	if (i < argc && (strcasecmp(argv[i], "server-key") || i + 1 == argc)) {
		cfg_error(p, "client: unexpected '%s' (usage: client ADDRESS "
			  "[vrf NAME] [server-key [0] KEY])", argv[i]);
		return -1;
	}
	if (i < argc && (cfg_dae_key_order(p, argc - i, argv + i) ||
			 cfg_arg_secret(p, argc - i - 1, argv + i + 1,
					"server-key", CFG_RADIUS_SECRET_MAX,
					&key)))
		return -1;
	c = cfg_dae_client_get(p, &a, vrf);
	if (!c) {
		cfg_key_wipe(&key);
		return -1;
	}
	cfg_key_wipe(&c->key);
	c->key = key;
	c->line = p->line;
	return 0;
}

/* "server-key [0] KEY": the secret of the clients without one */
static int cfg_dae_server_key(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_dae *dae = p->obj;

	return cfg_arg_secret(p, argc, argv, "server-key",
			      CFG_RADIUS_SECRET_MAX, &dae->key);
}

static int cfg_dae_port(struct cfg_parser *p, int argc __always_unused,
			char **argv)
{
	struct cfg_dae *dae = p->obj;
	unsigned long long port;

	if (cfg_arg_uint(p, NULL, argv[0], 1, 65535, &port))
		return -1;
	if (port == CFG_IKE_PORT || port == CFG_IKE_NATT_PORT) {
		cfg_error(p, "port %llu: the IKE port of flexvtid", port);
		return -1;
	}
	dae->port = port;
	return 0;
}

static int cfg_dae_auth_type(struct cfg_parser *p, int argc __always_unused,
			     char **argv)
{
	struct cfg_dae *dae = p->obj;
	int t = cfg_arg_keyword(p, argv[0], cfg_dae_auth_kws,
				ARRAY_SIZE(cfg_dae_auth_kws));

	if (t < 0)
		return -1;
	dae->auth_type = t;
	return 0;
}

static int cfg_dae_ignore_session_key(struct cfg_parser *p,
				      int argc __always_unused,
				      char **argv __always_unused)
{
	struct cfg_dae *dae = p->obj;

	dae->ignore_session_key = true;
	return 0;
}

/*
 * IOS's "ignore server-key" accepts requests without checking their
 * authenticator: refused, every request is authenticated.
 */
static int cfg_dae_ignore_server_key(struct cfg_parser *p,
				     int argc __always_unused,
				     char **argv __always_unused)
{
	cfg_error(p, "ignore server-key: not supported: every request's "
		  "authenticator is checked with its client's key "
		  "(RFC 5176 §3.5)");
	return -1;
}

static int cfg_dae_ma(struct cfg_parser *p, int argc __always_unused,
		      char **argv)
{
	static const char *const kws[] = { "required", "optional" };
	struct cfg_dae *dae = p->obj;
	int kw = cfg_arg_keyword(p, argv[0], kws, ARRAY_SIZE(kws));

	if (kw < 0)
		return -1;
	dae->ma_optional = kw;
	return 0;
}

static int cfg_dae_uint(struct cfg_parser *p, const char *s,
			unsigned long long lo, unsigned long long hi,
			unsigned int *out)
{
	unsigned long long v;

	if (cfg_arg_uint(p, NULL, s, lo, hi, &v))
		return -1;
	*out = v;
	return 0;
}

static int cfg_dae_ts_window(struct cfg_parser *p, int argc __always_unused,
			     char **argv)
{
	struct cfg_dae *dae = p->obj;

	return cfg_dae_uint(p, argv[0], 0, CFG_DAE_TS_WINDOW_MAX,
			    &dae->ts_window);
}

static int cfg_dae_not_found(struct cfg_parser *p, int argc __always_unused,
			     char **argv)
{
	static const char *const kws[] = { "404", "503" };
	struct cfg_dae *dae = p->obj;
	int kw = cfg_arg_keyword(p, argv[0], kws, ARRAY_SIZE(kws));

	if (kw < 0)
		return -1;
	dae->not_found_cause = kw ? 503 : 404;
	return 0;
}

static int cfg_dae_cache_lifetime(struct cfg_parser *p,
				  int argc __always_unused, char **argv)
{
	struct cfg_dae *dae = p->obj;

	return cfg_dae_uint(p, argv[0], 1, CFG_DAE_CACHE_LIFETIME_MAX,
			    &dae->cache_lifetime);
}

static int cfg_dae_cache_entries(struct cfg_parser *p,
				 int argc __always_unused, char **argv)
{
	struct cfg_dae *dae = p->obj;

	return cfg_dae_uint(p, argv[0], CFG_DAE_CACHE_ENTRIES_MIN,
			    CFG_DAE_CACHE_ENTRIES_MAX, &dae->cache_entries);
}

static const struct cfg_cmd cfg_dae_cmds[] = {
	{ "client", cfg_dae_client, "ADDRESS [vrf NAME] [server-key [0] KEY]",
	  1, CFG_WORDS_MAX },
	{ "server-key", cfg_dae_server_key, "[0] KEY", 1, CFG_WORDS_MAX },
	{ "port", cfg_dae_port, "<1-65535>", 1, 1 },
	{ "auth-type", cfg_dae_auth_type, "all|any|session-key", 1, 1 },
	{ "ignore session-key", cfg_dae_ignore_session_key, "", 0, 0 },
	{ "ignore server-key", cfg_dae_ignore_server_key, "", 0, 0 },
	{ "message-authenticator", cfg_dae_ma, "required|optional", 1, 1 },
	{ "event-timestamp window", cfg_dae_ts_window, "<0-86400>", 1, 1 },
	{ "session-not-found error-cause", cfg_dae_not_found, "404|503",
	  1, 1 },
	{ "duplicate-cache lifetime", cfg_dae_cache_lifetime, "<1-600>",
	  1, 1 },
	{ "duplicate-cache entries", cfg_dae_cache_entries, "<16-65536>",
	  1, 1 },
};

const struct cfg_mode_def cfg_dae_mode = {
	.name = "aaa server radius dynamic-author",
	.cmds = cfg_dae_cmds,
	.ncmds = ARRAY_SIZE(cfg_dae_cmds),
	.parent = CFG_MODE_TOP,
};

/**
 * cfg_cmd_dae() - "aaa server radius dynamic-author": open its block
 * @p: the parser
 * @argc: 0
 * @argv: unused
 *
 * Creates the server's settings with their defaults (port 3799,
 * auth-type all, Message-Authenticator required, Event-Timestamp window
 * 300 s, 404 for no session, a cache of 65536 requests for 30 s), or
 * continues the block.
 *
 * Return: 0, or -1 reported (out of memory).
 */
int cfg_cmd_dae(struct cfg_parser *p, int argc __always_unused,
		char **argv __always_unused)
{
	struct cfg_dae *dae = p->cfg->dae;

	if (!dae) {
		dae = calloc(1, sizeof(*dae));
		if (!dae)
			return cfg_oom(p);
		dae->line = p->line;
		dae->port = CFG_DAE_PORT_DEFAULT;
		dae->ts_window = CFG_DAE_TS_WINDOW_DEFAULT;
		dae->not_found_cause = CFG_DAE_NOT_FOUND_DEFAULT;
		dae->cache_lifetime = CFG_DAE_CACHE_LIFETIME_DEFAULT;
		dae->cache_entries = CFG_DAE_CACHE_ENTRIES_DEFAULT;
		p->cfg->dae = dae;
	}
	cfg_enter(p, CFG_MODE_DAE, dae);
	return 0;
}

/**
 * cfg_check_dae() - the dynamic-author block is usable, after the last
 *	line
 * @p: the parser
 *
 * The block needs a client; every client a key, its own or the block's
 * (the error names the client's line); "ignore session-key" cannot go
 * with "auth-type session-key".
 */
void cfg_check_dae(struct cfg_parser *p)
{
	const struct cfg_dae *dae = p->cfg->dae;
	char buf[INET6_ADDRSTRLEN];
	unsigned int i;

	if (!dae)
		return;
	if (!dae->nclients)
		cfg_diag(p, dae->line, "aaa server radius dynamic-author has "
			 "no 'client'");
	for (i = 0; i < dae->nclients && !dae->key.data; i++) {
		const struct cfg_dae_client *c = &dae->clients[i];

		if (c->key.data)
			continue;
		inet_ntop(c->addr.family, &c->addr.v4, buf, sizeof(buf));
		cfg_diag(p, c->line, "client %s has no 'server-key' and the "
			 "block has none", buf);
	}
	if (dae->ignore_session_key &&
	    dae->auth_type == CFG_DAE_AUTH_SESSION_KEY)
		cfg_diag(p, dae->line, "aaa server radius dynamic-author: "
			 "'ignore session-key' and 'auth-type session-key' "
			 "exclude each other");
}

/* " <hidden>" or " 0 KEY": a secret as the loader reads it back */
static void cfg_dae_put_key(FILE *out, const struct cfg_key *k,
			    unsigned int flags)
{
	if (!(flags & CFG_DUMP_SECRETS)) {
		fputs(" <hidden>", out);
		return;
	}
	fputs(" 0 ", out);
	fwrite(k->data, 1, k->len, out);
}

static void cfg_dae_put_client(FILE *out, const struct cfg_dae_client *c,
			       unsigned int flags)
{
	char buf[INET6_ADDRSTRLEN];

	inet_ntop(c->addr.family, &c->addr.v4, buf, sizeof(buf));
	fprintf(out, " client %s", buf);
	if (c->vrf)
		fprintf(out, " vrf %s", c->vrf);
	if (c->key.data) {
		fputs(" server-key", out);
		cfg_dae_put_key(out, &c->key, flags);
	}
	fputc('\n', out);
}

/* the settings that are not at their defaults */
static void cfg_dae_put_settings(FILE *out, const struct cfg_dae *dae)
{
	if (dae->port != CFG_DAE_PORT_DEFAULT)
		fprintf(out, " port %u\n", dae->port);
	if (dae->auth_type != CFG_DAE_AUTH_ALL)
		fprintf(out, " auth-type %s\n",
			cfg_dae_auth_kws[dae->auth_type]);
	if (dae->ignore_session_key)
		fputs(" ignore session-key\n", out);
	if (dae->ma_optional)
		fputs(" message-authenticator optional\n", out);
	if (dae->ts_window != CFG_DAE_TS_WINDOW_DEFAULT)
		fprintf(out, " event-timestamp window %u\n", dae->ts_window);
	if (dae->not_found_cause != CFG_DAE_NOT_FOUND_DEFAULT)
		fprintf(out, " session-not-found error-cause %u\n",
			dae->not_found_cause);
	if (dae->cache_lifetime != CFG_DAE_CACHE_LIFETIME_DEFAULT)
		fprintf(out, " duplicate-cache lifetime %u\n",
			dae->cache_lifetime);
	if (dae->cache_entries != CFG_DAE_CACHE_ENTRIES_DEFAULT)
		fprintf(out, " duplicate-cache entries %u\n",
			dae->cache_entries);
}

/**
 * cfg_dae_dump() - print the dynamic-author block back
 * @out: where to
 * @dae: the block; NULL prints nothing
 * @flags: CFG_DUMP_SECRETS prints the keys, else "<hidden>"
 *
 * Clients in order, then the block's key, then the settings that differ
 * from their defaults, then a "!" line.
 */
void cfg_dae_dump(FILE *out, const struct cfg_dae *dae, unsigned int flags)
{
	unsigned int i;

	if (!dae)
		return;
	fputs("aaa server radius dynamic-author\n", out);
	for (i = 0; i < dae->nclients; i++)
		cfg_dae_put_client(out, &dae->clients[i], flags);
	if (dae->key.data) {
		fputs(" server-key", out);
		cfg_dae_put_key(out, &dae->key, flags);
		fputc('\n', out);
	}
	cfg_dae_put_settings(out, dae);
	fputs("!\n", out);
}

/**
 * cfg_dae_free() - free the block, wiping its keys
 * @dae: the block; NULL is allowed
 */
void cfg_dae_free(struct cfg_dae *dae)
{
	unsigned int i;

	if (!dae)
		return;
	for (i = 0; i < dae->nclients; i++) {
		cfg_key_wipe(&dae->clients[i].key);
		free(dae->clients[i].vrf);
	}
	free(dae->clients);
	cfg_key_wipe(&dae->key);
	free(dae);
}

const struct cfg_dae_client *cfg_dae_client_find(const struct cfg_dae *dae,
						 const struct cfg_addr *from,
						 const char *vrf)
{
	struct cfg_addr host = *from;
	unsigned int i;

	if (!dae)
		return NULL;
	host.prefix = from->family == AF_INET ? 32 : 128;
	for (i = 0; i < dae->nclients; i++)
		if (cfg_addr_eq(&dae->clients[i].addr, &host) &&
		    cfg_dae_vrf_eq(dae->clients[i].vrf, vrf))
			return &dae->clients[i];
	return NULL;
}

const char *cfg_dae_client_secret(const struct cfg_dae *dae,
				  const struct cfg_dae_client *c)
{
	const struct cfg_key *k = c->key.data ? &c->key : &dae->key;

	return (const char *)k->data;
}
