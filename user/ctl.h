/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvtictl: what the subcommands share.
 */
#ifndef FLEXVTI_CTL_H
#define FLEXVTI_CTL_H

#include <stdbool.h>
#include <stdint.h>

#include "lib/util.h"

/* exit codes */
#define CTL_OK		0
#define CTL_FAIL	1	/* the operation failed */
#define CTL_USAGE	2	/* the command line is wrong */

/**
 * struct ctl - options common to all subcommands
 * @json: print JSON instead of text (-j)
 * @stats: print an interface's counters in text too (-S)
 * @socket: flexvtid's control socket (-s)
 */
struct ctl {
	bool json;
	bool stats;
	const char *socket;
};

struct kern_nl;

int ctl_usage(const char *fmt, ...) __printf(1, 2);
int ctl_fail(int err, const char *extack, const char *fmt, ...)
	__printf(3, 4);
int ctl_open(struct kern_nl *nl);
int ctl_ifindex(const char *name, uint32_t *ifindex);

/* ctl_dev.c */
int ctl_dev_show(const struct ctl *ctl, int argc, char **argv);
int ctl_dev_set(const struct ctl *ctl, int argc, char **argv);

/* ctl_sa.c */
int ctl_sa_add(const struct ctl *ctl, int argc, char **argv);
int ctl_sa_del(const struct ctl *ctl, int argc, char **argv);
int ctl_sa_swap(const struct ctl *ctl, int argc, char **argv);
int ctl_sa_show(const struct ctl *ctl, int argc, char **argv);

/* ctl_acl.c */
int ctl_acl_set(const struct ctl *ctl, int argc, char **argv);
int ctl_acl_show(const struct ctl *ctl, int argc, char **argv);
int ctl_police_set(const struct ctl *ctl, int argc, char **argv);

/* ctl_daemon.c */
int ctl_show(const struct ctl *ctl, int argc, char **argv);
int ctl_clear(const struct ctl *ctl, int argc, char **argv);
int ctl_rekey(const struct ctl *ctl, int argc, char **argv);

/* ctl_monitor.c */
int ctl_monitor(const struct ctl *ctl, int argc, char **argv);

#endif /* FLEXVTI_CTL_H */
