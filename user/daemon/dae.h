/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The RFC 5176 dynamic-authorization server of flexvtid ("aaa server
 * radius dynamic-author"): Disconnect-Requests end sessions, CoA-Requests
 * change their filters, MTU and Session-Timeout, from the RADIUS servers
 * configured as its clients.  lib/dae.c checks and decodes the requests
 * and builds the answers; this file owns the socket, finds the sessions
 * and acts.
 */
#ifndef FLEXVTID_DAE_H
#define FLEXVTID_DAE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "../lib/dae.h"

struct cfg;

/* the counters of the server, besides those by enum dae_result */
enum dae_stat {
	DAE_STAT_DISCONNECT,		/* Disconnect-Requests acted on */
	DAE_STAT_DISCONNECT_ACK,
	DAE_STAT_DISCONNECT_NAK,
	DAE_STAT_COA,			/* CoA-Requests acted on */
	DAE_STAT_COA_ACK,
	DAE_STAT_COA_NAK,
	DAE_STAT_DUPLICATE,		/* answered again from the cache */
	DAE_STAT_DUPLICATE_PENDING,	/* dropped: the first is not answered */
	DAE_STAT_SEND_FAILED,		/* an answer sendto() refused */
	DAE_STAT_N,
};

/**
 * struct dae_stats - what the server counted since the daemon started
 * @stat: by enum dae_stat
 * @result: by enum dae_result: the requests dropped, by reason (and
 *	DAE_OK, DAE_NAK: those well formed and authentic)
 * @cause: the NAKs by Error-Cause, indexed by dae_error_cause_index()
 */
struct dae_stats {
	uint64_t stat[DAE_STAT_N];
	uint64_t result[DAE_NRESULTS];
	uint64_t cause[DAE_NCAUSES];
};

int dae_reload(const struct cfg *cfg);
void dae_fini(void);
const struct dae_stats *dae_stats(void);
int dae_port(void);

#endif /* FLEXVTID_DAE_H */
