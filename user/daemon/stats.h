/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Daemon-wide IKEv2 counters: every message dropped and every exchange
 * refused is counted under its reason ("show crypto ikev2 stats").
 */
#ifndef FLEXVTID_STATS_H
#define FLEXVTID_STATS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum stat_id {
	STAT_RX,		/* IKE messages received */
	STAT_RX_MALFORMED,	/* did not parse: dropped */
	STAT_RX_UNKNOWN_SPI,	/* no IKE SA with these SPIs: dropped */
	STAT_RX_ICV_FAILED,	/* SK payload did not verify: dropped */
	STAT_RX_UNEXPECTED,	/* wrong exchange, state or message ID */
	STAT_RX_RETRANSMIT,	/* retransmitted request: reply resent */
	STAT_RX_ESP_UNKNOWN,	/* ESP on port 4500 with an unknown SPI */
	STAT_RX_RESPONSE,	/* a response to a request we never sent */
	STAT_TX,		/* IKE messages sent */
	STAT_TX_ERROR,		/* sendmsg() failed */
	STAT_NO_PROPOSAL,	/* NO_PROPOSAL_CHOSEN sent */
	STAT_INVALID_KE,	/* INVALID_KE_PAYLOAD sent */
	STAT_AUTH_FAILED,	/* AUTHENTICATION_FAILED sent */
	STAT_TS_UNACCEPTABLE,	/* TS_UNACCEPTABLE sent */
	STAT_ADDR_FAILURE,	/* INTERNAL_ADDRESS_FAILURE sent */
	STAT_CRITICAL,		/* UNSUPPORTED_CRITICAL_PAYLOAD sent */
	STAT_HALF_OPEN_EXPIRED,	/* IKE SA never authenticated, removed */
	STAT_SESSION_FAILED,	/* VA, SAs or route could not be set up */
	STAT_SA_UP,		/* IKE SAs established */
	STAT_SA_DOWN,		/* IKE SAs deleted */
	STAT_MAX
};

void stats_inc(enum stat_id id);
uint64_t stats_get(enum stat_id id);
void stats_print(FILE *f, bool json);

#endif /* FLEXVTID_STATS_H */
