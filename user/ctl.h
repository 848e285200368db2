/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvtictl: what the subcommands share.
 */
#ifndef FLEXVTI_CTL_H
#define FLEXVTI_CTL_H

#include <stdbool.h>

#include "lib/util.h"

/* exit codes */
#define CTL_OK		0
#define CTL_FAIL	1	/* the operation failed */
#define CTL_USAGE	2	/* the command line is wrong */

/**
 * struct ctl - options common to all subcommands
 * @json: print JSON instead of text (-j)
 */
struct ctl {
	bool json;
};

int ctl_usage(const char *fmt, ...) __printf(1, 2);
int ctl_fail(int err, const char *extack, const char *fmt, ...)
	__printf(3, 4);

/* ctl_dev.c */
int ctl_dev_show(const struct ctl *ctl, int argc, char **argv);
int ctl_dev_set(const struct ctl *ctl, int argc, char **argv);

#endif /* FLEXVTI_CTL_H */
