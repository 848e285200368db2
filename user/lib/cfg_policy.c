// SPDX-License-Identifier: GPL-2.0-only
/*
 * "policy-map NAME" with its "class class-default" block and the one
 * action flexvti enforces there: "police [cir] RATE [bc BURST | BURST]
 * [conform-action transmit] [exceed-action drop]", a single-rate
 * two-color token bucket the kernel runs per interface and direction
 * ("service-policy input|output NAME", cfg_acl.c).  There are no
 * class-maps: the kernel does not classify, so only class-default can
 * be enforced, and every other class, action or QoS command is refused.
 */
#include <strings.h>

#include "cfg_int.h"

const struct cfg_policy_map *cfg_policy_map_find(const struct cfg *cfg,
						 const char *name)
{
	return CFG_FIND(cfg->policy_maps, cfg->npolicy_maps, name);
}

void cfg_policy_map_policer(const struct cfg_policy_map *pm,
			    struct acl_policer *out)
{
	memset(out, 0, sizeof(*out));
	if (!pm || !pm->rate)
		return;
	snprintf(out->name, sizeof(out->name), "%s", pm->name);
	out->rate = pm->rate;
	out->burst = pm->burst;
}

/* "policy-map NAME": open its block */
int cfg_cmd_policy_map(struct cfg_parser *p, int argc __always_unused,
		       char **argv)
{
	struct cfg *cfg = p->cfg;
	struct cfg_policy_map *pm;

	if (cfg_arg_kernel_name(p, argv[0]))
		return -1;
	pm = CFG_FIND(cfg->policy_maps, cfg->npolicy_maps, argv[0]);
	if (!pm) {
		pm = CFG_NEW(p, cfg->policy_maps, cfg->npolicy_maps, argv[0]);
		if (!pm)
			return -1;
		pm->line = p->line;
	}
	cfg_enter(p, CFG_MODE_POLICY_MAP, pm);
	return 0;
}

/* "class-map ...": refused, with what to write instead */
int cfg_cmd_class_map(struct cfg_parser *p, int argc __always_unused,
		      char **argv __always_unused)
{
	cfg_error(p, "class-maps are not supported: flexvti does not "
		  "classify; police in the class-default of a policy-map");
	return -1;
}

/* "class class-default": other classes are refused with their block */
static int cfg_pmap_class(struct cfg_parser *p, int argc __always_unused,
			  char **argv)
{
	struct cfg_policy_map *pm = p->obj;

	if (strcasecmp(argv[0], "class-default")) {
		cfg_error(p, "class %s: only class-default can be enforced "
			  "(flexvti has no class-maps)", argv[0]);
		cfg_enter(p, CFG_MODE_SKIP, NULL);
		return -1;
	}
	pm->class_default = true;
	cfg_enter(p, CFG_MODE_PMAP_CLASS, pm);
	return 0;
}

static const struct cfg_cmd cfg_policy_map_cmds[] = {
	{ "class", cfg_pmap_class, "class-default", 1, 1 },
};

const struct cfg_mode_def cfg_policy_map_mode = {
	.name = "policy-map",
	.cmds = cfg_policy_map_cmds,
	.ncmds = ARRAY_SIZE(cfg_policy_map_cmds),
	.parent = CFG_MODE_TOP,
};

/* "conform-action ACTION" or "exceed-action ACTION": @want only */
static int cfg_pmap_action(struct cfg_parser *p, const char *kw,
			   const char *action, const char *want)
{
	if (!action) {
		cfg_error(p, "%s needs an action (%s)", kw, want);
		return -1;
	}
	if (strcasecmp(action, want)) {
		cfg_error(p, "%s %s is not supported: only conform-action "
			  "transmit and exceed-action drop", kw, action);
		return -1;
	}
	return 0;
}

/* what may follow RATE [BURST]: the two actions flexvti does */
static int cfg_pmap_police_actions(struct cfg_parser *p, int argc,
				   char **argv)
{
	const char *val;
	int i;

	for (i = 0; i < argc; i += 2) {
		val = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcasecmp(argv[i], "conform-action")) {
			if (cfg_pmap_action(p, argv[i], val, "transmit"))
				return -1;
		} else if (!strcasecmp(argv[i], "exceed-action")) {
			if (cfg_pmap_action(p, argv[i], val, "drop"))
				return -1;
		} else {
			cfg_error(p, "police: '%s' is not supported: only a "
				  "single-rate policer with one burst (cir, "
				  "bc) that drops what exceeds", argv[i]);
			return -1;
		}
	}
	return 0;
}

/* "police [cir] RATE [bc BURST | BURST] [ACTIONS]" */
static int cfg_pmap_police(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_policy_map *pm = p->obj;
	unsigned long long rate, burst = 0;
	int i = !strcasecmp(argv[0], "cir");

	if (i >= argc) {
		cfg_error(p, "police: missing rate (usage: police %s)",
			  p->cmd->usage);
		return -1;
	}
	if (cfg_arg_uint(p, "police", argv[i++], ACL_POLICER_RATE_MIN,
			 ACL_POLICER_RATE_MAX, &rate))
		return -1;
	if (i < argc && !strcasecmp(argv[i], "bc") && i + 1 >= argc) {
		cfg_error(p, "police: bc needs a burst in bytes");
		return -1;
	}
	i += i < argc && !strcasecmp(argv[i], "bc");
	if (i < argc && strspn(argv[i], "0123456789") == strlen(argv[i]) &&
	    cfg_arg_uint(p, "police bc", argv[i++], ACL_POLICER_BURST_MIN,
			 ACL_POLICER_BURST_MAX, &burst))
		return -1;
	if (cfg_pmap_police_actions(p, argc - i, argv + i))
		return -1;
	pm->rate = rate;
	pm->burst = (uint32_t)burst;
	pm->police_line = p->line;
	return 0;
}

/* "conform-action transmit" or "exceed-action drop" on a line of its own */
static int cfg_pmap_action_line(struct cfg_parser *p,
				int argc __always_unused, char **argv)
{
	struct cfg_policy_map *pm = p->obj;
	bool conform = !strcasecmp(p->cmd->path, "conform-action");

	if (!pm->police_line) {
		cfg_error(p, "%s: no 'police' before it", p->cmd->path);
		return -1;
	}
	return cfg_pmap_action(p, p->cmd->path, argv[0],
			       conform ? "transmit" : "drop");
}

/* "violate-action", "shape": said why not */
static int cfg_pmap_refused(struct cfg_parser *p, int argc __always_unused,
			    char **argv __always_unused)
{
	if (!strcasecmp(p->cmd->path, "shape"))
		cfg_error(p, "shape is not supported: shape with a qdisc on "
			  "the virtual-access interface");
	else
		cfg_error(p, "%s is not supported: only a single-rate "
			  "two-color policer", p->cmd->path);
	return -1;
}

static const struct cfg_cmd cfg_pmap_class_cmds[] = {
	{ "police", cfg_pmap_police,
	  "[cir] RATE [bc BURST | BURST] [conform-action transmit] "
	  "[exceed-action drop]", 1, 8 },
	{ "conform-action", cfg_pmap_action_line, "transmit", 1, 1 },
	{ "exceed-action", cfg_pmap_action_line, "drop", 1, 1 },
	{ "violate-action", cfg_pmap_refused, "", 0, CFG_WORDS_MAX },
	{ "shape", cfg_pmap_refused, "", 0, CFG_WORDS_MAX },
};

const struct cfg_mode_def cfg_pmap_class_mode = {
	.name = "class",
	.cmds = cfg_pmap_class_cmds,
	.ncmds = ARRAY_SIZE(cfg_pmap_class_cmds),
	.parent = CFG_MODE_POLICY_MAP,
};

/* a policy map without police does nothing: worth a warning */
void cfg_check_policy_maps(struct cfg_parser *p)
{
	const struct cfg_policy_map *pm;
	unsigned int i;

	for (i = 0; i < p->cfg->npolicy_maps; i++) {
		pm = p->cfg->policy_maps[i];
		if (!pm->rate)
			cfg_warn(p, pm->line, "policy-map '%s' has no 'police' "
				 "in class-default and does nothing",
				 pm->name);
	}
}

void cfg_policy_map_dump(FILE *f, const struct cfg_policy_map *pm)
{
	fprintf(f, "policy-map %s\n", pm->name);
	if (!pm->class_default)
		return;
	fputs(" class class-default\n", f);
	if (!pm->rate)
		return;
	fprintf(f, "  police cir %llu", (unsigned long long)pm->rate);
	if (pm->burst)
		fprintf(f, " bc %u", pm->burst);
	fputc('\n', f);
}

void cfg_policy_map_free(struct cfg_policy_map *pm)
{
	free(pm->name);
	free(pm);
}
