// SPDX-License-Identifier: GPL-2.0-only
/*
 * The interface blocks: "interface Virtual-Template<N> type tunnel", the
 * template every virtual-access interface of a session is cloned from,
 * and "interface Tunnel<N>", a static tunnel that flexvtid initiates.
 * Both take the sub-commands below, which fill their struct cfg_iface
 * (the parser's object in these modes); what only a tunnel has is in
 * cfg_tunnel.c.  Interface names in them ("ip unnumbered lo", "tunnel
 * source eth0") are Linux names, or IOS ones like Loopback0 that the
 * daemon maps; they are kept as written.  No other interface can be
 * configured.
 */
#include <ctype.h>
#include <strings.h>

#include "cfg_int.h"

#define CFG_TUNNEL_MAX		2147483647
#define CFG_MTU_MIN		576
#define CFG_MTU_MAX		9000
#define CFG_NHRP_TIMEOUT_MAX	600
#define CFG_NHRP_HOLDTIME_MAX	65535

/* the shared members are where struct cfg_iface has them */
#define CFG_IFACE_SAME(type, m)						\
	_Static_assert(offsetof(type, m) == offsetof(type, iface) +	\
		       offsetof(struct cfg_iface, m), #type " " #m)
CFG_IFACE_SAME(struct cfg_template, description);
CFG_IFACE_SAME(struct cfg_template, shutdown);
CFG_IFACE_SAME(struct cfg_tunnel, description);
CFG_IFACE_SAME(struct cfg_tunnel, shutdown);
CFG_IFACE_SAME(struct cfg_template, filters);
CFG_IFACE_SAME(struct cfg_tunnel, filters);

static int cfg_iface_description(struct cfg_parser *p,
				 int argc __always_unused, char **argv)
{
	struct cfg_iface *i = p->obj;

	return cfg_set_str(p, &i->description, cfg_rest(p, argv));
}

static int cfg_iface_name(struct cfg_parser *p, char **dst, const char *s)
{
	if (cfg_arg_name(p, s))
		return -1;
	return cfg_set_str(p, dst, s);
}

static int cfg_iface_unnumbered(struct cfg_parser *p,
				int argc __always_unused, char **argv)
{
	struct cfg_iface *i = p->obj;

	return cfg_iface_name(p, &i->unnumbered, argv[0]);
}

static int cfg_iface_unnumbered6(struct cfg_parser *p,
				 int argc __always_unused, char **argv)
{
	struct cfg_iface *i = p->obj;

	return cfg_iface_name(p, &i->unnumbered6, argv[0]);
}

static int cfg_iface_vrf(struct cfg_parser *p, int argc __always_unused,
			 char **argv)
{
	struct cfg_iface *i = p->obj;

	return cfg_iface_name(p, &i->vrf, argv[0]);
}

static int cfg_iface_mtu(struct cfg_parser *p, int argc __always_unused,
			 char **argv)
{
	struct cfg_iface *i = p->obj;
	unsigned long long v;

	if (cfg_arg_uint(p, NULL, argv[0], CFG_MTU_MIN, CFG_MTU_MAX, &v))
		return -1;
	i->mtu = v;
	return 0;
}

/* "tunnel mode" words of enum cfg_tunnel_mode */
const char *const cfg_tunnel_modes[] = {
	[CFG_TUNNEL_GRE_IP] = "gre ip",
	[CFG_TUNNEL_GRE_IPV6] = "gre ipv6",
	[CFG_TUNNEL_IPSEC_IPV4] = "ipsec ipv4",
	[CFG_TUNNEL_IPSEC_IPV6] = "ipsec ipv6",
};

static int cfg_iface_mode(struct cfg_parser *p, int argc __always_unused,
			  char **argv)
{
	struct cfg_iface *i = p->obj;
	size_t len = strlen(argv[0]);
	unsigned int m;

	for (m = 0; m < ARRAY_SIZE(cfg_tunnel_modes); m++) {
		const char *s = cfg_tunnel_modes[m];

		if (!strncasecmp(s, argv[0], len) && s[len] == ' ' &&
		    !strcasecmp(s + len + 1, argv[1])) {
			i->mode = m;
			i->mode_set = true;
			return 0;
		}
	}
	cfg_error(p, "'tunnel mode %s %s' is not supported", argv[0],
		  argv[1]);
	return -1;
}

/* an address when the word is one, else an interface name */
static int cfg_iface_source(struct cfg_parser *p, int argc __always_unused,
			    char **argv)
{
	struct cfg_iface *i = p->obj;

	if (cfg_iface_name(p, &i->source, argv[0]))
		return -1;
	if (cfg_addr_parse(argv[0], &i->source_addr))
		memset(&i->source_addr, 0, sizeof(i->source_addr));
	return 0;
}

static int cfg_iface_protection(struct cfg_parser *p,
				int argc __always_unused, char **argv)
{
	struct cfg_iface *i = p->obj;

	return cfg_set_ref(p, &i->ipsec_ref, argv[0]);
}

static int cfg_iface_nhrp_id(struct cfg_parser *p, int argc __always_unused,
			     char **argv)
{
	struct cfg_iface *i = p->obj;
	unsigned long long v;

	if (cfg_arg_uint(p, NULL, argv[0], 1, UINT32_MAX, &v))
		return -1;
	i->nhrp_network_id = v;
	return 0;
}

static int cfg_iface_nhrp_redirect(struct cfg_parser *p, int argc,
				   char **argv)
{
	struct cfg_iface *i = p->obj;
	unsigned long long v = CFG_NHRP_REDIRECT_TIMEOUT;

	if (argc && (argc != 2 || strcasecmp(argv[0], "timeout"))) {
		cfg_error(p, "ip nhrp redirect: expected 'timeout SECONDS'");
		return -1;
	}
	if (argc && cfg_arg_uint(p, "ip nhrp redirect timeout", argv[1], 1,
				 CFG_NHRP_TIMEOUT_MAX, &v))
		return -1;
	i->nhrp_redirect = true;
	i->nhrp_redirect_timeout = v;
	return 0;
}

static int cfg_iface_nhrp_holdtime(struct cfg_parser *p,
				   int argc __always_unused, char **argv)
{
	struct cfg_iface *i = p->obj;
	unsigned long long v;

	if (cfg_arg_uint(p, NULL, argv[0], 1, CFG_NHRP_HOLDTIME_MAX, &v))
		return -1;
	i->nhrp_holdtime = v;
	return 0;
}

/* any MPLS line turns MPLS on; the first one is where a check points */
static void cfg_iface_mpls_on(struct cfg_parser *p, struct cfg_iface *i)
{
	i->mpls = true;
	if (!i->mpls_line)
		i->mpls_line = p->line;
}

static int cfg_iface_mpls_bgp(struct cfg_parser *p, int argc __always_unused,
			      char **argv __always_unused)
{
	struct cfg_iface *i = p->obj;

	i->mpls_bgp = true;
	cfg_iface_mpls_on(p, i);
	return 0;
}

static int cfg_iface_mpls_nhrp(struct cfg_parser *p, int argc __always_unused,
			       char **argv __always_unused)
{
	struct cfg_iface *i = p->obj;

	i->mpls_nhrp = true;
	cfg_iface_mpls_on(p, i);
	return 0;
}

/* inventory H01: LDP hellos would keep spoke-to-spoke tunnels up */
static int cfg_iface_mpls_ip(struct cfg_parser *p, int argc __always_unused,
			     char **argv __always_unused)
{
	cfg_error(p, "'mpls ip' is refused: LDP must never run on FlexVPN "
		  "tunnels (its hellos keep spoke-to-spoke tunnels up); use "
		  "'mpls bgp forwarding'");
	return -1;
}

/* "mpls label-stack L1 [L2...]": a later line replaces the stack */
static int cfg_iface_mpls_labels(struct cfg_parser *p, int argc, char **argv)
{
	uint32_t labels[CFG_MPLS_LABELS_MAX];
	struct cfg_iface *i = p->obj;
	unsigned long long v;
	int n;

	for (n = 0; n < argc; n++) {
		if (cfg_arg_uint(p, "mpls label-stack", argv[n],
				 CFG_MPLS_LABEL_MIN, CFG_MPLS_LABEL_MAX, &v))
			return -1;
		labels[n] = v;
	}
	memcpy(i->mpls_labels, labels, argc * sizeof(labels[0]));
	i->nmpls_labels = argc;
	cfg_iface_mpls_on(p, i);
	return 0;
}

static int cfg_iface_shutdown(struct cfg_parser *p, int argc __always_unused,
			      char **argv __always_unused)
{
	struct cfg_iface *i = p->obj;

	i->shutdown = true;
	return 0;
}

static int cfg_iface_no_shutdown(struct cfg_parser *p,
				 int argc __always_unused,
				 char **argv __always_unused)
{
	struct cfg_iface *i = p->obj;

	i->shutdown = false;
	return 0;
}

/* the sub-commands of both interface blocks */
static const struct cfg_cmd cfg_iface_cmds[] = {
	{ "description", cfg_iface_description, "TEXT", 1, CFG_WORDS_MAX },
	{ "ip unnumbered", cfg_iface_unnumbered, "IFNAME", 1, 1 },
	{ "ipv6 unnumbered", cfg_iface_unnumbered6, "IFNAME", 1, 1 },
	{ "vrf forwarding", cfg_iface_vrf, "NAME", 1, 1 },
	{ "ip vrf forwarding", cfg_iface_vrf, "NAME", 1, 1 },
	{ "ip mtu", cfg_iface_mtu, "<576-9000>", 1, 1 },
	{ "tunnel mode", cfg_iface_mode,
	  "ipsec ipv4|ipsec ipv6|gre ip|gre ipv6", 2, 2 },
	{ "tunnel source", cfg_iface_source, "IFNAME|ADDRESS", 1, 1 },
	{ "tunnel protection ipsec profile", cfg_iface_protection, "NAME",
	  1, 1 },
	{ "ip nhrp network-id", cfg_iface_nhrp_id, "<1-4294967295>", 1, 1 },
	{ "ip nhrp redirect", cfg_iface_nhrp_redirect, "[timeout SECONDS]",
	  0, 2 },
	{ "ip nhrp holdtime", cfg_iface_nhrp_holdtime, "<1-65535>", 1, 1 },
	{ "mpls bgp forwarding", cfg_iface_mpls_bgp, "", 0, 0 },
	{ "mpls nhrp", cfg_iface_mpls_nhrp, "", 0, 0 },
	{ "mpls ip", cfg_iface_mpls_ip, "", 0, 0 },
	{ "mpls label-stack", cfg_iface_mpls_labels, "L1 [L2 ... L8]", 1,
	  CFG_MPLS_LABELS_MAX },
	{ "ip access-group", cfg_iface_access_group, "NAME in|out", 2, 2 },
	{ "ipv6 traffic-filter", cfg_iface_traffic_filter, "NAME in|out",
	  2, 2 },
	{ "service-policy", cfg_iface_service_policy, "input|output NAME",
	  2, 2 },
	{ "shutdown", cfg_iface_shutdown, "", 0, 0 },
	{ "no shutdown", cfg_iface_no_shutdown, "", 0, 0 },
};

const struct cfg_mode_def cfg_template_mode = {
	.name = "interface",
	.cmds = cfg_iface_cmds,
	.ncmds = ARRAY_SIZE(cfg_iface_cmds),
	.parent = CFG_MODE_TOP,
};

/* what only a tunnel has; the shared commands apply too */
static const struct cfg_cmd cfg_tunnel_cmds[] = {
	{ "tunnel destination", cfg_tunnel_dest, "ADDRESS", 1, 1 },
	{ "ip address", cfg_tunnel_addr, "ADDRESS MASK|negotiated", 1, 2 },
	{ "ipv6 address", cfg_tunnel_addr6, "ADDRESS/LEN", 1, 1 },
	{ "ip nhrp shortcut", cfg_tunnel_shortcut, "virtual-template N",
	  2, 2 },
};

const struct cfg_mode_def cfg_tunnel_iface_mode = {
	.name = "interface",
	.cmds = cfg_tunnel_cmds,
	.ncmds = ARRAY_SIZE(cfg_tunnel_cmds),
	.parent = CFG_MODE_TOP,
	.shared = cfg_iface_cmds,
	.nshared = ARRAY_SIZE(cfg_iface_cmds),
};

/*
 * "@kind<N>" or "@kind N" at the start of @argv (@kind case-insensitive):
 * 1 with @num set and the words used taken off @argc and @argv; 0 when
 * the interface is not of this kind; -1 when reported
 */
static int cfg_iface_number(struct cfg_parser *p, const char *kind,
			    unsigned long long lo, unsigned long long hi,
			    int *argc, char ***argv, unsigned int *num)
{
	size_t len = strlen(kind);
	const char *s = (*argv)[0] + len;
	unsigned long long n;
	char what[32];

	if (strncasecmp((*argv)[0], kind, len) ||
	    (*s && !isdigit((unsigned char)*s)))
		return 0;
	snprintf(what, sizeof(what), "interface %s", kind);
	if (!*s && *argc < 2) {
		cfg_error(p, "%s: missing number", what);
		return -1;
	}
	if (!*s) {
		s = (*argv)[1];
		(*argc)--;
		(*argv)++;
	}
	if (cfg_arg_uint(p, what, s, lo, hi, &n))
		return -1;
	(*argc)--;
	(*argv)++;
	*num = n;
	return 1;
}

/* "interface Virtual-Template<N> type tunnel" after the number */
static int cfg_template_open(struct cfg_parser *p, unsigned int n, int argc,
			     char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_template *t = NULL;
	unsigned int i;

	for (i = 0; i < cfg->ntemplates && !t; i++)
		if (cfg->templates[i]->num == n)
			t = cfg->templates[i];
	if (argc && (argc != 2 || strcasecmp(argv[0], "type") ||
		     strcasecmp(argv[1], "tunnel"))) {
		cfg_error(p, "interface Virtual-Template%u: expected 'type "
			  "tunnel'", n);
		return -1;
	}
	if (!t && !argc) {
		cfg_error(p, "interface Virtual-Template%u: only 'type tunnel' "
			  "templates are supported", n);
		return -1;
	}
	if (!t) {
		t = calloc(1, sizeof(*t));
		if (!t)
			return cfg_oom(p);
		if (CFG_APPEND(p, cfg->templates, cfg->ntemplates, t)) {
			free(t);
			return -1;
		}
		t->num = n;
		t->line = p->line;
	}
	cfg_enter(p, CFG_MODE_TEMPLATE, &t->iface);
	return 0;
}

/* "interface Tunnel<N>" after the number */
static int cfg_tunnel_open(struct cfg_parser *p, unsigned int n, int argc,
			   char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_tunnel *t = NULL;
	unsigned int i;

	if (argc) {
		cfg_error(p, "interface Tunnel%u: unexpected '%s'", n,
			  argv[0]);
		return -1;
	}
	for (i = 0; i < cfg->ntunnels && !t; i++)
		if (cfg->tunnels[i]->num == n)
			t = cfg->tunnels[i];
	if (!t)
		t = cfg_tunnel_new(p, n);
	if (!t)
		return -1;
	cfg_enter(p, CFG_MODE_TUNNEL, &t->iface);
	return 0;
}

/* "interface Virtual-Template<N> type tunnel" or "interface Tunnel<N>" */
int cfg_cmd_interface(struct cfg_parser *p, int argc, char **argv)
{
	char *name = argv[0];
	unsigned int n;
	int ret;

	ret = cfg_iface_number(p, "Virtual-Template", 1, CFG_VTEMPLATE_MAX,
			       &argc, &argv, &n);
	if (ret)
		return ret < 0 ? -1 : cfg_template_open(p, n, argc, argv);
	ret = cfg_iface_number(p, "Tunnel", 0, CFG_TUNNEL_MAX, &argc, &argv,
			       &n);
	if (ret)
		return ret < 0 ? -1 : cfg_tunnel_open(p, n, argc, argv);
	cfg_error(p, "unsupported command 'interface %s' (only interface "
		  "Virtual-Template<N> type tunnel and interface Tunnel<N>)",
		  name);
	return -1;
}

void cfg_iface_clear(struct cfg_iface *i)
{
	free(i->description);
	free(i->unnumbered);
	free(i->unnumbered6);
	free(i->vrf);
	free(i->source);
	free(i->ipsec_ref.name);
	cfg_iface_filters_clear(&i->filters);
	memset(i, 0, sizeof(*i));
}

void cfg_template_free(struct cfg_template *t)
{
	cfg_iface_clear(&t->iface);
	free(t);
}
