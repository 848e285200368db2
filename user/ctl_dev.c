// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvtictl dev show|set: kernel-level view and settings of the
 * virtual-access interfaces, straight over the flexvti genl family.
 */
#include <stdio.h>
#include <string.h>

#include "ctl.h"
#include "lib/kern_nl.h"

struct ctl_dev_show_state {
	const struct ctl *ctl;
	int count;
};

static int ctl_dev_show_one(const struct kern_dev *d, void *arg)
{
	struct ctl_dev_show_state *s = arg;
	struct kern_dev shown = *d;

	/* counters in text only with -s, as ip -s link does it */
	if (!s->ctl->json && !s->ctl->stats)
		shown.has &= ~KERN_DEV_HAS_STATS;
	if (s->ctl->json && s->count)
		putchar(',');
	kern_dev_print(stdout, &shown, s->ctl->json);
	s->count++;
	return 0;
}

/**
 * ctl_dev_show - flexvtictl [-j] dev show [DEV]
 * @ctl: the common options
 * @argc: number of words after "dev show"
 * @argv: the words
 *
 * Settings and, when the kernel reports them, counters: kern_dev_print()
 * per interface; JSON: an array of its objects.
 *
 * Return: CTL_OK, CTL_FAIL or CTL_USAGE.
 */
int ctl_dev_show(const struct ctl *ctl, int argc, char **argv)
{
	struct ctl_dev_show_state s = { .ctl = ctl };
	uint32_t ifindex = 0;
	struct kern_nl nl;
	int err;

	if (argc > 1)
		return ctl_usage("dev show takes at most one interface");
	if (argc == 1 && ctl_ifindex(argv[0], &ifindex))
		return CTL_FAIL;
	if (ctl_open(&nl))
		return CTL_FAIL;
	if (ctl->json)
		putchar('[');
	err = kern_nl_dev_get(&nl, ifindex, ctl_dev_show_one, &s);
	if (ctl->json)
		puts("]");
	if (err)
		ctl_fail(err, nl.extack, "dev show");
	kern_nl_close(&nl);
	return err ? CTL_FAIL : CTL_OK;
}

/**
 * ctl_dev_set - flexvtictl dev set: change an interface's settings
 * @ctl: the common options
 * @argc: number of words after "dev set"
 * @argv: the words
 *
 * DEV [mode ipsec|gre] [local ADDR] [remote ADDR] [nhrp-network-id N]
 * [nhrp-redirect SECONDS] [mpls-labels L[/L...]|none]
 * [udp-socket FD|none] [remote-port PORT].  FD is a descriptor this
 * process inherited; whoever passed it keeps the socket open.
 *
 * Return: CTL_OK, CTL_FAIL or CTL_USAGE.
 */
int ctl_dev_set(const struct ctl *ctl, int argc, char **argv)
{
	const unsigned int allowed = KERN_DEV_HAS_MODE | KERN_DEV_HAS_LOCAL |
				     KERN_DEV_HAS_REMOTE | KERN_DEV_HAS_NHRP |
				     KERN_DEV_HAS_UDP_SOCKET |
				     KERN_DEV_HAS_REMOTE_PORT |
				     KERN_DEV_HAS_NHRP_REDIRECT |
				     KERN_DEV_HAS_MPLS_LABELS;
	struct kern_dev d = { 0 };
	struct kern_nl nl;
	char err_msg[128];
	int err;

	(void)ctl;
	if (argc < 2)
		return ctl_usage("dev set needs an interface and a setting");
	if (kern_dev_parse_args(argc - 1, argv + 1, allowed, &d, err_msg,
				sizeof(err_msg)))
		return ctl_usage("dev set: %s", err_msg);
	if (ctl_ifindex(argv[0], &d.ifindex) || ctl_open(&nl))
		return CTL_FAIL;
	err = kern_nl_dev_set(&nl, &d);
	if (err)
		ctl_fail(err, nl.extack, "dev set %s", argv[0]);
	kern_nl_close(&nl);
	return err ? CTL_FAIL : CTL_OK;
}
