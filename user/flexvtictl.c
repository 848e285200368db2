// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvtictl: control tool of flexvti.  Kernel-level commands talk to the
 * flexvti module directly; the daemon's commands will talk to flexvtid.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctl.h"

struct ctl_cmd {
	const char *object;
	const char *verb;
	int (*fn)(const struct ctl *ctl, int argc, char **argv);
	const char *args;
};

static const struct ctl_cmd ctl_cmds[] = {
	{ "dev", "show", ctl_dev_show, "[DEV]" },
	{ "dev", "set", ctl_dev_set,
	  "DEV [mode ipsec|gre] [local ADDR] [remote ADDR] [nhrp-network-id N]" },
};

static void ctl_help(FILE *f)
{
	size_t i;

	fprintf(f, "usage: flexvtictl [-j] OBJECT VERB [ARGS]\n");
	for (i = 0; i < ARRAY_SIZE(ctl_cmds); i++)
		fprintf(f, "       flexvtictl %s %s %s\n", ctl_cmds[i].object,
			ctl_cmds[i].verb, ctl_cmds[i].args);
	fprintf(f, "  -j  print JSON\n");
}

/**
 * ctl_usage - report a wrong command line
 * @fmt: what is wrong, printf style
 *
 * Return: CTL_USAGE.
 */
int ctl_usage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "flexvtictl: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	ctl_help(stderr);
	return CTL_USAGE;
}

/**
 * ctl_fail - report a failed operation
 * @err: negative errno
 * @extack: the kernel's reason, or NULL or "" when it gave none
 * @fmt: what failed, printf style
 *
 * Prints "flexvtictl: WHAT: STRERROR[: REASON]".
 *
 * Return: CTL_FAIL.
 */
int ctl_fail(int err, const char *extack, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "flexvtictl: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, ": %s", strerror(-err));
	if (extack && *extack)
		fprintf(stderr, ": %s", extack);
	fprintf(stderr, "\n");
	return CTL_FAIL;
}

int main(int argc, char **argv)
{
	struct ctl ctl = { 0 };
	size_t i;
	int opt;

	while ((opt = getopt(argc, argv, "+jh")) != -1) {
		switch (opt) {
		case 'j':
			ctl.json = true;
			break;
		case 'h':
			ctl_help(stdout);
			return CTL_OK;
		default:
			ctl_help(stderr);
			return CTL_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 1 && !strcmp(argv[0], "help")) {
		ctl_help(stdout);
		return CTL_OK;
	}
	if (argc < 2)
		return ctl_usage("missing command");
	for (i = 0; i < ARRAY_SIZE(ctl_cmds); i++)
		if (!strcmp(argv[0], ctl_cmds[i].object) &&
		    !strcmp(argv[1], ctl_cmds[i].verb))
			return ctl_cmds[i].fn(&ctl, argc - 2, argv + 2);
	return ctl_usage("unknown command \"%s %s\"", argv[0], argv[1]);
}
