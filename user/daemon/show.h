/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The commands of the control socket; the show commands print in the
 * layout of IOS's output (text) or as JSON (-j).
 */
#ifndef FLEXVTID_SHOW_H
#define FLEXVTID_SHOW_H

#include "control.h"

extern const struct control_cmd ctl_cmds[];

int show_ipsec_sa(FILE *f, bool json, int argc, char **argv);
int show_aaa_servers(FILE *f, bool json, int argc, char **argv);
int show_aaa_dae(FILE *f, bool json, int argc, char **argv);
int show_nhrp(FILE *f, bool json, int argc, char **argv);
int show_nhrp_traffic(FILE *f, bool json, int argc, char **argv);

#endif /* FLEXVTID_SHOW_H */
