// SPDX-License-Identifier: GPL-2.0-only
/*
 * "interface Virtual-Template<N> type tunnel": the template every
 * virtual-access interface of a session is cloned from.  Interface names
 * in it ("ip unnumbered lo", "tunnel source eth0") are Linux names, or
 * IOS ones like Loopback0 that the daemon maps; they are kept as written.
 * No other interface can be configured.
 */
#include <strings.h>

#include "cfg_int.h"

#define CFG_TEMPLATE_MAX	4095
#define CFG_MTU_MIN		576
#define CFG_MTU_MAX		9000
#define CFG_NHRP_TIMEOUT_MAX	600

static int cfg_tmpl_description(struct cfg_parser *p,
				int argc __always_unused, char **argv)
{
	struct cfg_template *t = p->obj;

	return cfg_set_str(p, &t->description, cfg_rest(p, argv));
}

static int cfg_tmpl_unnumbered(struct cfg_parser *p,
			       int argc __always_unused, char **argv)
{
	struct cfg_template *t = p->obj;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	return cfg_set_str(p, &t->unnumbered, argv[0]);
}

static int cfg_tmpl_unnumbered6(struct cfg_parser *p,
				int argc __always_unused, char **argv)
{
	struct cfg_template *t = p->obj;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	return cfg_set_str(p, &t->unnumbered6, argv[0]);
}

static int cfg_tmpl_vrf(struct cfg_parser *p, int argc __always_unused,
			char **argv)
{
	struct cfg_template *t = p->obj;

	if (cfg_arg_name(p, argv[0]))
		return -1;
	return cfg_set_str(p, &t->vrf, argv[0]);
}

static int cfg_tmpl_mtu(struct cfg_parser *p, int argc __always_unused,
			char **argv)
{
	struct cfg_template *t = p->obj;
	unsigned long long v;

	if (cfg_arg_uint(p, NULL, argv[0], CFG_MTU_MIN, CFG_MTU_MAX, &v))
		return -1;
	t->mtu = v;
	return 0;
}

/* "tunnel mode" words of enum cfg_tunnel_mode */
const char *const cfg_tunnel_modes[] = {
	[CFG_TUNNEL_GRE_IP] = "gre ip",
	[CFG_TUNNEL_GRE_IPV6] = "gre ipv6",
	[CFG_TUNNEL_IPSEC_IPV4] = "ipsec ipv4",
	[CFG_TUNNEL_IPSEC_IPV6] = "ipsec ipv6",
};

static int cfg_tmpl_mode(struct cfg_parser *p, int argc __always_unused,
			 char **argv)
{
	struct cfg_template *t = p->obj;
	unsigned int i;
	size_t len = strlen(argv[0]);

	for (i = 0; i < ARRAY_SIZE(cfg_tunnel_modes); i++) {
		const char *m = cfg_tunnel_modes[i];

		if (!strncasecmp(m, argv[0], len) && m[len] == ' ' &&
		    !strcasecmp(m + len + 1, argv[1])) {
			t->mode = i;
			t->mode_set = true;
			return 0;
		}
	}
	cfg_error(p, "'tunnel mode %s %s' is not supported", argv[0],
		  argv[1]);
	return -1;
}

/* an address when the word is one, else an interface name */
static int cfg_tmpl_source(struct cfg_parser *p, int argc __always_unused,
			   char **argv)
{
	struct cfg_template *t = p->obj;

	if (cfg_arg_name(p, argv[0]) || cfg_set_str(p, &t->source, argv[0]))
		return -1;
	if (cfg_addr_parse(argv[0], &t->source_addr))
		memset(&t->source_addr, 0, sizeof(t->source_addr));
	return 0;
}

static int cfg_tmpl_protection(struct cfg_parser *p,
			       int argc __always_unused, char **argv)
{
	struct cfg_template *t = p->obj;

	return cfg_set_ref(p, &t->ipsec_ref, argv[0]);
}

static int cfg_tmpl_nhrp_id(struct cfg_parser *p, int argc __always_unused,
			    char **argv)
{
	struct cfg_template *t = p->obj;
	unsigned long long v;

	if (cfg_arg_uint(p, NULL, argv[0], 1, UINT32_MAX, &v))
		return -1;
	t->nhrp_network_id = v;
	return 0;
}

static int cfg_tmpl_nhrp_redirect(struct cfg_parser *p, int argc,
				  char **argv)
{
	struct cfg_template *t = p->obj;
	unsigned long long v = CFG_NHRP_REDIRECT_TIMEOUT;

	if (argc && (argc != 2 || strcasecmp(argv[0], "timeout"))) {
		cfg_error(p, "ip nhrp redirect: expected 'timeout SECONDS'");
		return -1;
	}
	if (argc && cfg_arg_uint(p, "ip nhrp redirect timeout", argv[1], 1,
				 CFG_NHRP_TIMEOUT_MAX, &v))
		return -1;
	t->nhrp_redirect = true;
	t->nhrp_redirect_timeout = v;
	return 0;
}

static int cfg_tmpl_shutdown(struct cfg_parser *p, int argc __always_unused,
			     char **argv __always_unused)
{
	struct cfg_template *t = p->obj;

	t->shutdown = true;
	return 0;
}

static int cfg_tmpl_no_shutdown(struct cfg_parser *p,
				int argc __always_unused,
				char **argv __always_unused)
{
	struct cfg_template *t = p->obj;

	t->shutdown = false;
	return 0;
}

static const struct cfg_cmd cfg_template_cmds[] = {
	{ "description", cfg_tmpl_description, "TEXT", 1, CFG_WORDS_MAX },
	{ "ip unnumbered", cfg_tmpl_unnumbered, "IFNAME", 1, 1 },
	{ "ipv6 unnumbered", cfg_tmpl_unnumbered6, "IFNAME", 1, 1 },
	{ "vrf forwarding", cfg_tmpl_vrf, "NAME", 1, 1 },
	{ "ip vrf forwarding", cfg_tmpl_vrf, "NAME", 1, 1 },
	{ "ip mtu", cfg_tmpl_mtu, "<576-9000>", 1, 1 },
	{ "tunnel mode", cfg_tmpl_mode, "ipsec ipv4|ipsec ipv6|gre ip|gre ipv6",
	  2, 2 },
	{ "tunnel source", cfg_tmpl_source, "IFNAME|ADDRESS", 1, 1 },
	{ "tunnel protection ipsec profile", cfg_tmpl_protection, "NAME",
	  1, 1 },
	{ "ip nhrp network-id", cfg_tmpl_nhrp_id, "<1-4294967295>", 1, 1 },
	{ "ip nhrp redirect", cfg_tmpl_nhrp_redirect, "[timeout SECONDS]",
	  0, 2 },
	{ "shutdown", cfg_tmpl_shutdown, "", 0, 0 },
	{ "no shutdown", cfg_tmpl_no_shutdown, "", 0, 0 },
};

const struct cfg_mode_def cfg_template_mode = {
	"interface", cfg_template_cmds, ARRAY_SIZE(cfg_template_cmds),
	CFG_MODE_TOP,
};

/*
 * "Virtual-Template<N> [type tunnel]" or "Virtual-Template N [type
 * tunnel]": N, or 0 when the words are not a virtual template
 */
static unsigned int cfg_vt_number(struct cfg_parser *p, int *argc,
				  char ***argv)
{
	static const char vt[] = "virtual-template";
	const char *num = (*argv)[0] + sizeof(vt) - 1;
	unsigned long long n;

	if (strncasecmp((*argv)[0], vt, sizeof(vt) - 1))
		return 0;
	if (!*num && *argc > 1) {
		num = (*argv)[1];
		(*argc)--;
		(*argv)++;
	}
	if (cfg_arg_uint(p, "interface Virtual-Template", num, 1,
			 CFG_TEMPLATE_MAX, &n))
		return -1U;
	(*argc)--;
	(*argv)++;
	return n;
}

/* "interface Virtual-Template<N> type tunnel" */
int cfg_cmd_interface(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_template *t = NULL;
	char *name = argv[0];
	unsigned int i, n = cfg_vt_number(p, &argc, &argv);

	if (n == -1U)
		return -1;
	if (!n) {
		cfg_error(p, "unsupported command 'interface %s' (only "
			  "interface Virtual-Template<N> type tunnel)", name);
		return -1;
	}
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
	cfg_enter(p, CFG_MODE_TEMPLATE, t);
	return 0;
}

void cfg_template_free(struct cfg_template *t)
{
	free(t->description);
	free(t->unnumbered);
	free(t->unnumbered6);
	free(t->vrf);
	free(t->source);
	free(t->ipsec_ref.name);
	free(t);
}
