// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvtictl dev show|set: kernel-level view and settings of the
 * virtual-access interfaces, straight over the flexvti genl family.
 */
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>

#include "ctl.h"
#include "lib/kern_nl.h"

static int ctl_dev_open(struct kern_nl *nl)
{
	int err = kern_nl_open(nl);

	if (err == -ENOENT)
		return ctl_fail(err, NULL,
				"the flexvti module is not loaded and cannot be loaded");
	if (err)
		return ctl_fail(err, NULL, "cannot open a netlink socket");
	return CTL_OK;
}

static int ctl_dev_ifindex(const char *name, uint32_t *ifindex)
{
	*ifindex = if_nametoindex(name);
	if (!*ifindex)
		return ctl_fail(-ENODEV, NULL, "no interface \"%s\"", name);
	return CTL_OK;
}

struct ctl_dev_show_state {
	const struct ctl *ctl;
	int count;
};

static int ctl_dev_show_one(const struct kern_dev *d, void *arg)
{
	struct ctl_dev_show_state *s = arg;

	if (s->ctl->json && s->count)
		putchar(',');
	kern_dev_print(stdout, d, s->ctl->json);
	s->count++;
	return 0;
}

/* flexvtictl [-j] dev show [DEV] */
int ctl_dev_show(const struct ctl *ctl, int argc, char **argv)
{
	struct ctl_dev_show_state s = { .ctl = ctl };
	uint32_t ifindex = 0;
	struct kern_nl nl;
	int err;

	if (argc > 1)
		return ctl_usage("dev show takes at most one interface");
	if (argc == 1 && ctl_dev_ifindex(argv[0], &ifindex))
		return CTL_FAIL;
	if (ctl_dev_open(&nl))
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

/* flexvtictl dev set DEV [mode M] [local A] [remote A] [nhrp-network-id N] */
int ctl_dev_set(const struct ctl *ctl, int argc, char **argv)
{
	const unsigned int allowed = KERN_DEV_HAS_MODE | KERN_DEV_HAS_LOCAL |
				     KERN_DEV_HAS_REMOTE | KERN_DEV_HAS_NHRP;
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
	if (ctl_dev_ifindex(argv[0], &d.ifindex) || ctl_dev_open(&nl))
		return CTL_FAIL;
	err = kern_nl_dev_set(&nl, &d);
	if (err)
		ctl_fail(err, nl.extack, "dev set %s", argv[0]);
	kern_nl_close(&nl);
	return err ? CTL_FAIL : CTL_OK;
}
