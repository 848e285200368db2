// SPDX-License-Identifier: GPL-2.0-only
/*
 * The global IKEv2 options: "crypto ikev2 limit", "window", "dpd", "nat
 * keepalive" and "cookie-challenge".  A profile's own "dpd" and "nat
 * keepalive" override the global ones (inventory §3 item 36); the
 * admission limits default to 1000 SAs in negotiation each way and no
 * limit on established SAs (item 38).  "limit half-open-per-source" is a
 * flexvtid extension: it keeps one source from taking every half-open
 * slot.
 */
#include <strings.h>

#include "cfg_int.h"

#define CFG_SA_LIMIT_MAX	100000
#define CFG_WINDOW_MAX		200
#define CFG_COOKIE_MAX		1000
#define CFG_HALF_OPEN_MAX	10000

/* "crypto ikev2 limit max-in-negotiation-sa N [incoming|outgoing]" */
int cfg_cmd_ike_max_neg(struct cfg_parser *p, int argc, char **argv)
{
	static const char *const kws[] = { "incoming", "outgoing" };
	struct cfg_ike_global *g = &p->cfg->ike;
	unsigned long long n;
	int dir = -1;

	if (cfg_arg_uint(p, NULL, argv[0], 1, CFG_SA_LIMIT_MAX, &n))
		return -1;
	if (argc > 1) {
		dir = cfg_arg_keyword(p, argv[1], kws, ARRAY_SIZE(kws));
		if (dir < 0)
			return -1;
	}
	if (dir != 1)
		g->max_neg_in = n;
	if (dir != 0)
		g->max_neg_out = n;
	return 0;
}

int cfg_cmd_ike_max_sa(struct cfg_parser *p, int argc __always_unused,
		       char **argv)
{
	unsigned long long n;

	if (cfg_arg_uint(p, NULL, argv[0], 1, CFG_SA_LIMIT_MAX, &n))
		return -1;
	p->cfg->ike.max_sa = n;
	return 0;
}

int cfg_cmd_ike_window(struct cfg_parser *p, int argc __always_unused,
		       char **argv)
{
	unsigned long long n;

	if (cfg_arg_uint(p, NULL, argv[0], 1, CFG_WINDOW_MAX, &n))
		return -1;
	p->cfg->ike.window = n;
	return 0;
}

int cfg_cmd_ike_dpd(struct cfg_parser *p, int argc __always_unused,
		    char **argv)
{
	return cfg_arg_dpd(p, argv, &p->cfg->ike.dpd);
}

int cfg_cmd_ike_nat_keepalive(struct cfg_parser *p,
			      int argc __always_unused, char **argv)
{
	return cfg_arg_keepalive(p, argv[0], &p->cfg->ike.nat_keepalive);
}

int cfg_cmd_ike_cookie(struct cfg_parser *p, int argc __always_unused,
		       char **argv)
{
	unsigned long long n;

	if (cfg_arg_uint(p, NULL, argv[0], 1, CFG_COOKIE_MAX, &n))
		return -1;
	p->cfg->ike.cookie_challenge = n;
	return 0;
}

/* "crypto ikev2 limit half-open-per-source N" */
int cfg_cmd_ike_half_open(struct cfg_parser *p, int argc __always_unused,
			  char **argv)
{
	unsigned long long n;

	if (cfg_arg_uint(p, NULL, argv[0], 1, CFG_HALF_OPEN_MAX, &n))
		return -1;
	p->cfg->ike.max_half_open_per_source = n;
	return 0;
}

void cfg_global_init(struct cfg_ike_global *g)
{
	memset(g, 0, sizeof(*g));
	g->max_neg_in = CFG_MAX_NEG_SA_DEFAULT;
	g->max_neg_out = CFG_MAX_NEG_SA_DEFAULT;
	g->window = CFG_WINDOW_DEFAULT;
	g->max_half_open_per_source = CFG_HALF_OPEN_PER_SOURCE_DEFAULT;
}
