// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvtictl acl set|show, police set: the access lists and policers of
 * the virtual-access interfaces, straight over the flexvti genl family.
 * The lists given here are mixed lists (acl.c): a rule matches the
 * family it names, or both.  flexvtid sets the same from its
 * configuration and from RADIUS; what is set here lasts until the
 * daemon sets it again.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ctl.h"
#include "lib/kern_acl.h"
#include "lib/kern_nl.h"

/* "in" or "out": an enum acl_dir, or -1 */
static int ctl_acl_dir(const char *word)
{
	if (!strcasecmp(word, "in"))
		return ACL_DIR_IN;
	if (!strcasecmp(word, "out"))
		return ACL_DIR_OUT;
	return -1;
}

/* the dev-set of @s on interface @dev, reported on failure */
static int ctl_acl_apply(const char *what, const char *dev,
			 struct kern_acl_set *s)
{
	struct kern_nl nl;
	int err;

	if (ctl_ifindex(dev, &s->ifindex) || ctl_open(&nl))
		return CTL_FAIL;
	err = kern_nl_acl_set(&nl, s);
	if (err)
		ctl_fail(err, nl.extack, "%s %s", what, dev);
	kern_nl_close(&nl);
	return err ? CTL_FAIL : CTL_OK;
}

/**
 * ctl_acl_set - flexvtictl acl set: attach or detach an access list
 * @ctl: the common options
 * @argc: number of words after "acl set"
 * @argv: the words: DEV in|out [name NAME] RULE... (acl_parse_args()), or
 *	DEV in|out none to detach the direction's list
 *
 * The list replaces the direction's list as a whole, its hit counters
 * starting at 0; the other direction and the policers are kept.
 *
 * Return: CTL_OK, CTL_FAIL or CTL_USAGE.
 */
int ctl_acl_set(const struct ctl *ctl, int argc, char **argv)
{
	struct kern_acl_set s = { 0 };
	struct acl acl = { 0 };
	char err[192];
	int dir, ret;

	(void)ctl;
	if (argc < 3)
		return ctl_usage("acl set needs an interface, in or out, and "
				 "rules or none");
	dir = ctl_acl_dir(argv[1]);
	if (dir < 0)
		return ctl_usage("acl set: unknown direction \"%s\" (in or "
				 "out)", argv[1]);
	if (acl_parse_args(argc - 2, argv + 2, &acl, err, sizeof(err))) {
		acl_free(&acl);
		return ctl_usage("acl set: %s", err);
	}
	s.acl[dir] = &acl;
	ret = ctl_acl_apply("acl set", argv[0], &s);
	acl_free(&acl);
	return ret;
}

/**
 * ctl_acl_show - flexvtictl [-j] acl show DEV
 * @ctl: the common options
 * @argc: number of words after "acl show"
 * @argv: the words: DEV
 *
 * Both lists of the interface with the hits of every rule and of the
 * implicit deny, as kern_acl_lists_print() prints them.
 *
 * Return: CTL_OK, CTL_FAIL or CTL_USAGE.
 */
int ctl_acl_show(const struct ctl *ctl, int argc, char **argv)
{
	struct kern_acl_lists l;
	uint32_t ifindex;
	struct kern_nl nl;
	int err;

	if (argc != 1)
		return ctl_usage("acl show takes one interface");
	if (ctl_ifindex(argv[0], &ifindex) || ctl_open(&nl))
		return CTL_FAIL;
	err = kern_nl_acl_get(&nl, ifindex, &l);
	if (err) {
		ctl_fail(err, nl.extack, "acl show %s", argv[0]);
	} else {
		if (!l.ifname[0])
			snprintf(l.ifname, sizeof(l.ifname), "%s", argv[0]);
		if (!l.ifindex)
			l.ifindex = ifindex;
		kern_acl_lists_print(stdout, &l, ctl->json);
		if (ctl->json)
			putchar('\n');
	}
	kern_acl_lists_free(&l);
	kern_nl_close(&nl);
	return err ? CTL_FAIL : CTL_OK;
}

/**
 * ctl_police_set - flexvtictl police set: attach or detach a policer
 * @ctl: the common options
 * @argc: number of words after "police set"
 * @argv: the words: DEV in|out RATE [BURST] [name NAME]
 *	(acl_policer_parse_args()), or DEV in|out none
 *
 * Return: CTL_OK, CTL_FAIL or CTL_USAGE.
 */
int ctl_police_set(const struct ctl *ctl, int argc, char **argv)
{
	struct kern_acl_set s = { 0 };
	struct acl_policer p = { 0 };
	char err[128];
	int dir;

	(void)ctl;
	if (argc < 3)
		return ctl_usage("police set needs an interface, in or out, "
				 "and a rate or none");
	dir = ctl_acl_dir(argv[1]);
	if (dir < 0)
		return ctl_usage("police set: unknown direction \"%s\" (in or "
				 "out)", argv[1]);
	if (acl_policer_parse_args(argc - 2, argv + 2, &p, err, sizeof(err)))
		return ctl_usage("police set: %s", err);
	s.policer[dir] = &p;
	return ctl_acl_apply("police set", argv[0], &s);
}
