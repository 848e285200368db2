/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the parts of flexvtid share: the configuration in force.
 */
#ifndef FLEXVTID_H
#define FLEXVTID_H

struct cfg;

const struct cfg *daemon_cfg(void);

#endif /* FLEXVTID_H */
