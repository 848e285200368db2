/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Notifications of the flexvti family's "events" group, as userspace
 * sees them, and their printed form.  No I/O but the printing.
 */
#ifndef FLEXVTI_KERN_EVENT_H
#define FLEXVTI_KERN_EVENT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "kern_dev.h"
#include "kern_sa.h"

/**
 * struct kern_event - one notification
 * @cmd: FLEXVTI_CMD_DEV_CHANGE_NTF, FLEXVTI_CMD_DEV_DEL_NTF or
 *	FLEXVTI_CMD_SA_EVENT_NTF
 * @del_reason: enum flexvti_del_reason, of dev-del
 * @dev: the interface and, for dev-change, its settings
 * @sa: for sa-event, the interface, direction, SPI and sa->event
 */
struct kern_event {
	uint8_t cmd;
	uint32_t del_reason;
	struct kern_dev dev;
	struct kern_sa sa;
};

void kern_event_print(FILE *f, const struct kern_event *e, bool json);

#endif /* FLEXVTI_KERN_EVENT_H */
