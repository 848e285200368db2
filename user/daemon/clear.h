/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The commands of the control socket that act on sessions: clear
 * (delete, telling the peer) and rekey.
 */
#ifndef FLEXVTID_CLEAR_H
#define FLEXVTID_CLEAR_H

#include <stdbool.h>
#include <stdio.h>

int clear_session(FILE *f, bool json, int argc, char **argv);
int clear_ike_sa(FILE *f, bool json, int argc, char **argv);
int rekey_ike_sa(FILE *f, bool json, int argc, char **argv);
int rekey_ipsec_sa(FILE *f, bool json, int argc, char **argv);

#endif /* FLEXVTID_CLEAR_H */
