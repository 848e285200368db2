// SPDX-License-Identifier: GPL-2.0-only
/*
 * Logging: one line per event, "LEVEL: message" on stderr, and the same
 * message to syslog when flexvtid runs with -S.  Verbosity 0 logs errors,
 * warnings and information; each -d adds debug messages; -1 (the load
 * generator's default) keeps errors and warnings only.
 */
#include <stdarg.h>
#include <stdio.h>

#include "log.h"

static int log_verbosity;
static bool log_syslog;

/**
 * log_init - set up logging
 * @verbosity: -1 for errors and warnings only, 0 without debug messages,
 *	1 or more with them
 * @use_syslog: also log to syslog, facility daemon
 */
void log_init(int verbosity, bool use_syslog)
{
	log_verbosity = verbosity;
	log_syslog = use_syslog;
	/* one write() per line, not one per part of it */
	setvbuf(stderr, NULL, _IOLBF, 0);
	if (use_syslog)
		openlog("flexvtid", LOG_PID, LOG_DAEMON);
}

static const char *log_prio_name(int prio)
{
	switch (prio) {
	case LOG_ERR:
		return "error";
	case LOG_WARNING:
		return "warning";
	case LOG_INFO:
		return "info";
	default:
		return "debug";
	}
}

/**
 * log_msg - log one message
 * @prio: LOG_ERR, LOG_WARNING, LOG_INFO or LOG_DEBUG
 * @fmt: printf format of the message, without a newline
 */
void log_msg(int prio, const char *fmt, ...)
{
	va_list ap;

	if ((prio == LOG_DEBUG && log_verbosity < 1) ||
	    (prio == LOG_INFO && log_verbosity < 0))
		return;
	va_start(ap, fmt);
	if (log_syslog) {
		va_list aq;

		va_copy(aq, ap);
		vsyslog(prio, fmt, aq);
		va_end(aq);
	}
	fprintf(stderr, "%s: ", log_prio_name(prio));
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}
