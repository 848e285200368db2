// SPDX-License-Identifier: GPL-2.0-only
/*
 * Argument parsers of the configuration commands: numbers with ranges,
 * names, addresses and prefixes (IOS "A.B.C.D MASK" and "A/LEN"), keys,
 * identities.  Each reports its own error naming the offending word.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cfg_int.h"

#define CFG_KEY_MAX	512	/* bytes of a pre-shared key */

int cfg_arg_uint(struct cfg_parser *p, const char *what, const char *s,
		 unsigned long long lo, unsigned long long hi,
		 unsigned long long *out)
{
	size_t i, n = strlen(s);
	unsigned long long v = 0;

	if (!what)
		what = p->cmd->path;
	if (!n || strspn(s, "0123456789") != n) {
		cfg_error(p, "%s: '%s' is not a number", what, s);
		return -1;
	}
	for (i = 0; i < n && i < 20; i++)
		v = v * 10 + (s[i] - '0');
	if (n > 19 || v < lo || v > hi) {
		cfg_error(p, "%s %s: out of range %llu-%llu", what, s, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

int cfg_arg_name(struct cfg_parser *p, const char *s)
{
	if (strlen(s) > CFG_NAME_MAX) {
		cfg_error(p, "%s: name too long (more than %d bytes)",
			  p->cmd->path, CFG_NAME_MAX);
		return -1;
	}
	return 0;
}

int cfg_addr_parse(const char *s, struct cfg_addr *a)
{
	memset(a, 0, sizeof(*a));
	if (inet_pton(AF_INET, s, &a->v4) == 1) {
		a->family = AF_INET;
		a->prefix = 32;
	} else if (inet_pton(AF_INET6, s, &a->v6) == 1) {
		a->family = AF_INET6;
		a->prefix = 128;
	} else {
		return -1;
	}
	return 0;
}

int cfg_arg_addr(struct cfg_parser *p, const char *s, struct cfg_addr *a)
{
	if (cfg_addr_parse(s, a)) {
		cfg_error(p, "%s: '%s' is not an IP address", p->cmd->path, s);
		return -1;
	}
	return 0;
}

int cfg_arg_addr4(struct cfg_parser *p, const char *s, struct in_addr *a)
{
	if (inet_pton(AF_INET, s, a) != 1) {
		cfg_error(p, "%s: '%s' is not an IPv4 address", p->cmd->path,
			  s);
		return -1;
	}
	return 0;
}

/* prefix length of a contiguous netmask, or -1 */
int cfg_mask_prefix(struct in_addr mask)
{
	uint32_t m = ntohl(mask.s_addr);
	int len = 0;

	while (len < 32 && (m & (0x80000000u >> len)))
		len++;
	if (len < 32 && (m << len))
		return -1;
	return len;
}

/* the host bits of @a, cleared */
void cfg_addr_mask(struct cfg_addr *a)
{
	uint8_t *b = a->family == AF_INET ? (uint8_t *)&a->v4 :
					    (uint8_t *)&a->v6;
	int bits = a->family == AF_INET ? 32 : 128;
	int i;

	for (i = a->prefix; i < bits; i++)
		b[i / 8] &= ~(0x80 >> (i % 8));
}

/*
 * "A/LEN", "A MASK" (IPv4) or "A": the words used (1 or 2), or -1.  A
 * lone address is a host, or with @host_default false the whole family
 * when it is 0.0.0.0 or :: (the guide's "address 0.0.0.0").
 */
int cfg_arg_prefix(struct cfg_parser *p, int argc, char **argv,
		   bool host_default, struct cfg_addr *a)
{
	char buf[INET6_ADDRSTRLEN + 5], *slash;
	unsigned long long len;
	struct in_addr mask;
	int used = 1;

	snprintf(buf, sizeof(buf), "%s", argv[0]);
	slash = strchr(buf, '/');
	if (slash)
		*slash = '\0';
	if (strlen(argv[0]) >= sizeof(buf) || cfg_addr_parse(buf, a)) {
		cfg_error(p, "%s: '%s' is not an IP address or prefix",
			  p->cmd->path, argv[0]);
		return -1;
	}
	if (slash) {
		if (cfg_arg_uint(p, "prefix length", slash + 1, 0, a->prefix,
				 &len))
			return -1;
		a->prefix = len;
	} else if (argc > 1 && a->family == AF_INET &&
		   inet_pton(AF_INET, argv[1], &mask) == 1) {
		if (cfg_mask_prefix(mask) < 0) {
			cfg_error(p, "%s: '%s' is not a valid netmask",
				  p->cmd->path, argv[1]);
			return -1;
		}
		a->prefix = cfg_mask_prefix(mask);
		used = 2;
	} else if (!host_default) {
		static const struct in6_addr any6;

		if ((a->family == AF_INET && !a->v4.s_addr) ||
		    (a->family == AF_INET6 && !memcmp(&a->v6, &any6, 16)))
			a->prefix = 0;
	}
	cfg_addr_mask(a);
	return used;
}

bool cfg_addr_in(const struct cfg_addr *net, const struct cfg_addr *a)
{
	struct cfg_addr m = *a;

	if (net->family != a->family || a->prefix < net->prefix)
		return false;
	m.prefix = net->prefix;
	cfg_addr_mask(&m);
	return cfg_addr_eq(net, &m);
}

bool cfg_addr_eq(const struct cfg_addr *a, const struct cfg_addr *b)
{
	if (a->family != b->family || a->prefix != b->prefix)
		return false;
	if (a->family == AF_INET)
		return a->v4.s_addr == b->v4.s_addr;
	return !memcmp(&a->v6, &b->v6, sizeof(a->v6));
}

/**
 * cfg_addr_unicast() - whether a host address may be a peer or a server
 * @a: an AF_INET or AF_INET6 address
 *
 * Return: false for the unspecified address (0.0.0.0, ::) and multicast
 * addresses, true otherwise.
 */
bool cfg_addr_unicast(const struct cfg_addr *a)
{
	if (a->family == AF_INET)
		return a->v4.s_addr && !IN_MULTICAST(ntohl(a->v4.s_addr));
	return !IN6_IS_ADDR_UNSPECIFIED(&a->v6) &&
	       !IN6_IS_ADDR_MULTICAST(&a->v6);
}

/* append @a to the address list @arr of @n unless it is there */
int cfg_addr_add(struct cfg_parser *p, struct cfg_addr **arr,
		 unsigned int *n, const struct cfg_addr *a)
{
	struct cfg_addr *na;
	unsigned int i;

	for (i = 0; i < *n; i++)
		if (cfg_addr_eq(&(*arr)[i], a))
			return 0;
	na = cfg_grow(p, *arr, *n, sizeof(*a));
	if (!na)
		return -1;
	na[(*n)++] = *a;
	*arr = na;
	return 0;
}

/* the index of @s in @kws (case-insensitive; NULLs skipped), or -1 */
int cfg_arg_keyword(struct cfg_parser *p, const char *s,
		    const char *const *kws, unsigned int nkws)
{
	unsigned int i;

	for (i = 0; i < nkws; i++)
		if (kws[i] && !strcasecmp(s, kws[i]))
			return i;
	cfg_error(p, "'%s %s' is not supported", p->cmd->path, s);
	return -1;
}

static int cfg_hex_key(struct cfg_parser *p, const char *s, struct cfg_key *k)
{
	size_t i, n = strlen(s);

	if (!n || n % 2 || n / 2 > CFG_KEY_MAX ||
	    strspn(s, "0123456789abcdefABCDEF") != n) {
		cfg_error(p, "%s: the hex key is not an even number of hex "
			  "digits (at most %d bytes)", p->cmd->path,
			  CFG_KEY_MAX);
		return -1;
	}
	k->data = malloc(n / 2);
	if (!k->data)
		return cfg_oom(p);
	k->len = n / 2;
	for (i = 0; i < n / 2; i++) {
		char byte[3] = { s[2 * i], s[2 * i + 1], '\0' };

		k->data[i] = strtoul(byte, NULL, 16);
	}
	return 0;
}

/*
 * The text of a key or secret, the rest of the line from @argv (after
 * the type 0 when @type0), into @k (its old secret wiped, only on
 * success): "<hidden>" without the type, and more than @max bytes, are
 * refused.
 */
static int cfg_text_secret(struct cfg_parser *p, char **argv, bool type0,
			   const char *what, size_t max, struct cfg_key *k)
{
	const char *s = cfg_rest(p, argv + type0);
	char *d;

	if (!type0 && !strcmp(s, "<hidden>")) {
		cfg_error(p, "the %s is '<hidden>': configure the real %s",
			  what, what);
		return -1;
	}
	if (strlen(s) > max) {
		cfg_error(p, "%s: %s too long (more than %zu bytes)",
			  p->cmd->path, what, max);
		return -1;
	}
	d = cfg_strdup(p, s);
	if (!d)
		return -1;
	cfg_key_wipe(k);
	k->data = (uint8_t *)d;
	k->len = strlen(d);
	return 0;
}

/*
 * "[0|6] KEY..." or "hex HEX" at @argv into @k (replacing it).  After
 * the type 0 the rest of the line is the key as is: "0 hex ab" is the key
 * "hex ab", "0 <hidden>" the key "<hidden>".
 */
int cfg_arg_key(struct cfg_parser *p, int argc, char **argv,
		struct cfg_key *k)
{
	struct cfg_key nk = { NULL, 0 };
	bool type0 = argc > 1 && !strcmp(argv[0], "0");

	if (argc > 1 && !strcmp(argv[0], "6")) {
		cfg_error(p, "type 6 keys are not supported");
		return -1;
	}
	if (type0 || argc != 2 || strcasecmp(argv[0], "hex"))
		return cfg_text_secret(p, argv, type0, "key", CFG_KEY_MAX, k);
	if (cfg_hex_key(p, argv[1], &nk))
		return -1;
	cfg_key_wipe(k);
	*k = nk;
	return 0;
}

/**
 * cfg_arg_secret() - a secret given as text: "[0] TEXT"
 * @p: the parser
 * @argc: words at @argv, at least 1
 * @argv: the words after the command; the secret is the rest of the line
 *	as written (inner spaces kept)
 * @what: "key", "password": names the secret in messages
 * @max: most bytes of the secret
 * @k: receives the secret (NUL-terminated at @k->data[@k->len]); the
 *	secret it held is wiped, and only on success
 *
 * Types 6 and 7 (IOS encryption and obfuscation) are refused.  After the
 * type 0 the rest of the line is the secret as written: "0 <hidden>" is
 * the secret "<hidden>", which alone is refused (what a dump prints).
 *
 * Return: 0, or -1 reported (type 6 or 7, "<hidden>", longer than @max,
 * out of memory); the message never contains the secret.
 */
int cfg_arg_secret(struct cfg_parser *p, int argc, char **argv,
		   const char *what, size_t max, struct cfg_key *k)
{
	bool type0 = argc > 1 && !strcmp(argv[0], "0");

	if (argc > 1 && (!strcmp(argv[0], "6") || !strcmp(argv[0], "7"))) {
		cfg_error(p, "type %s %ss are not supported, give the %s in "
			  "clear", argv[0], what, what);
		return -1;
	}
	return cfg_text_secret(p, argv, type0, what, max, k);
}

static const char *const cfg_id_kws[] = {
	[CFG_ID_ADDRESS] = "address",
	[CFG_ID_FQDN] = "fqdn",
	[CFG_ID_EMAIL] = "email",
	[CFG_ID_KEY_ID] = "key-id",
	[CFG_ID_DN] = "dn",
};

static int cfg_ident_kind(struct cfg_parser *p, const char *s, bool dn)
{
	unsigned int i;

	for (i = CFG_ID_ADDRESS; i < ARRAY_SIZE(cfg_id_kws); i++)
		if (!strcasecmp(s, cfg_id_kws[i]) && (dn || i != CFG_ID_DN))
			return i;
	cfg_error(p, "'%s %s' is not supported", p->cmd->path, s);
	return -1;
}

static int cfg_ident_args(struct cfg_parser *p, int argc, char **argv,
			  bool match, struct cfg_ident *id)
{
	int used;

	switch (id->kind) {
	case CFG_ID_ADDRESS:
		if (!argc)
			break;
		used = cfg_arg_prefix(p, argc, argv, !match, &id->addr);
		if (used < 0)
			return -1;
		if (!match && id->addr.prefix != (id->addr.family == AF_INET ?
						  32 : 128)) {
			cfg_error(p, "%s: '%s' is not a host address",
				  p->cmd->path, argv[0]);
			return -1;
		}
		argc -= used;
		argv += used;
		break;
	case CFG_ID_DN:
		if (!argc)
			return 0;
		break;
	default:
		if (match && argc > 1 && !strcasecmp(argv[0], "domain")) {
			id->domain = id->kind != CFG_ID_KEY_ID;
			argc -= id->domain;
			argv += id->domain;
		}
		if (argc != 1)
			break;
		if (cfg_arg_name(p, argv[0]))
			return -1;
		id->value = cfg_strdup(p, argv[0]);
		return id->value ? 0 : -1;
	}
	if (!argc && id->addr.family)
		return 0;
	cfg_error(p, "%s %s: %s", p->cmd->path, cfg_id_kws[id->kind],
		  argc ? "too many arguments" : "missing value");
	return -1;
}

/*
 * "address A [MASK]|fqdn [domain] NAME|email [domain] NAME|key-id ID|dn":
 * a match (@match: prefixes and domains allowed) or an identity (@dn
 * allowed for "identity local").  Replaces @id.
 */
int cfg_arg_ident(struct cfg_parser *p, int argc, char **argv, bool match,
		  struct cfg_ident *id)
{
	struct cfg_ident n = { .line = p->line };
	int kind = cfg_ident_kind(p, argv[0], !match);

	if (kind < 0)
		return -1;
	n.kind = kind;
	if (cfg_ident_args(p, argc - 1, argv + 1, match, &n)) {
		cfg_ident_free(&n);
		return -1;
	}
	cfg_ident_free(id);
	*id = n;
	return 0;
}

/* "match fvrf NAME|any" */
int cfg_arg_fvrf(struct cfg_parser *p, const char *s, char **fvrf, bool *any)
{
	*any = !strcasecmp(s, "any");
	if (*any) {
		free(*fvrf);
		*fvrf = NULL;
		return 0;
	}
	if (cfg_arg_name(p, s))
		return -1;
	return cfg_set_str(p, fvrf, s);
}

/* "INTERVAL RETRY on-demand|periodic": 2 <= INTERVAL, RETRY < INTERVAL */
int cfg_arg_dpd(struct cfg_parser *p, char **argv, struct cfg_dpd *d)
{
	static const char *const kws[] = { "on-demand", "periodic" };
	unsigned long long interval, retry;
	int kind;

	if (cfg_arg_uint(p, "dpd interval", argv[0], 2, 3600, &interval) ||
	    cfg_arg_uint(p, "dpd retry", argv[1], 1, interval - 1, &retry))
		return -1;
	kind = cfg_arg_keyword(p, argv[2], kws, ARRAY_SIZE(kws));
	if (kind < 0)
		return -1;
	d->interval = interval;
	d->retry = retry;
	d->periodic = kind;
	return 0;
}

/* "nat keepalive S" */
int cfg_arg_keepalive(struct cfg_parser *p, const char *s, unsigned int *out)
{
	unsigned long long v;

	if (cfg_arg_uint(p, NULL, s, 5, 3600, &v))
		return -1;
	*out = v;
	return 0;
}
