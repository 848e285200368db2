/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The show commands of the control socket, in the layout of IOS's
 * output (text) or as JSON (-j).
 */
#ifndef FLEXVTID_SHOW_H
#define FLEXVTID_SHOW_H

#include "control.h"

extern const struct control_cmd show_cmds[];

#endif /* FLEXVTID_SHOW_H */
