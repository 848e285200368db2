/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Logging of flexvtid: to stderr, and to syslog (facility daemon) when
 * asked.  Nothing secret is ever passed to these functions.
 */
#ifndef FLEXVTID_LOG_H
#define FLEXVTID_LOG_H

#include <stdbool.h>
#include <syslog.h>

#include "../lib/util.h"

void log_init(int verbosity, bool use_syslog);
__printf(2, 3) void log_msg(int prio, const char *fmt, ...);

#define log_err(...)	log_msg(LOG_ERR, __VA_ARGS__)
#define log_warn(...)	log_msg(LOG_WARNING, __VA_ARGS__)
#define log_info(...)	log_msg(LOG_INFO, __VA_ARGS__)
#define log_debug(...)	log_msg(LOG_DEBUG, __VA_ARGS__)

#endif /* FLEXVTID_LOG_H */
