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
	STAT_AUTHZ_FAILED,	/* ... of them for authorization */
	STAT_AUTH_WAITING,	/* IKE_AUTH again while RADIUS is asked */
	STAT_EAP_SUCCESS,	/* EAP relayed to an Access-Accept */
	STAT_EAP_FAILED,	/* ... to a reject, or the peer's AUTH wrong */
	STAT_EAP_NO_SERVER,	/* ... and no RADIUS server answered */
	STAT_EAP_TIMEOUT,	/* the peer stalled in EAP (eap timeout) */
	STAT_TS_UNACCEPTABLE,	/* TS_UNACCEPTABLE sent */
	STAT_ADDR_FAILURE,	/* INTERNAL_ADDRESS_FAILURE sent */
	STAT_CRITICAL,		/* UNSUPPORTED_CRITICAL_PAYLOAD sent */
	STAT_HALF_OPEN_EXPIRED,	/* IKE SA never authenticated, removed */
	STAT_SESSION_FAILED,	/* VA, SAs or route could not be set up */
	STAT_SA_UP,		/* IKE SAs established */
	STAT_SA_DOWN,		/* IKE SAs deleted */
	STAT_RX_OUTSIDE_WINDOW, /* request outside the message-ID window */
	STAT_RX_LIVENESS,	/* liveness checks answered */
	STAT_RX_DELETE,		/* IKE SAs deleted by the peer */
	STAT_RX_CHILD_REKEY,	/* CHILD_SA rekeys of the peer answered */
	STAT_TX_RETRANSMIT,	/* requests of ours sent again */
	STAT_TX_TIMEOUT,	/* requests never answered: peer gone */
	STAT_TX_DPD,		/* liveness checks sent */
	STAT_TX_KEEPALIVE,	/* NAT keepalives sent */
	STAT_TX_CHILD_REKEY,	/* CHILD_SA rekeys we started */
	STAT_TX_IKE_REKEY,	/* IKE SA rekeys we started */
	STAT_DPD_DEAD,		/* peers declared dead by DPD */
	STAT_PEER_MOVED,	/* peer's address or port changed */
	STAT_INITIAL_CONTACT,	/* old IKE SAs deleted by INITIAL_CONTACT */
	STAT_CHILD_REKEYED,	/* CHILD_SAs rekeyed */
	STAT_CHILD_REKEY_FAILED, /* CHILD_SA rekeys of ours refused */
	STAT_CHILD_REKEY_COLLISION, /* simultaneous CHILD_SA rekeys */
	STAT_CHILD_EXPIRED,	/* CHILD_SAs expired without a rekey */
	STAT_IKE_REKEYED,	/* IKE SAs rekeyed */
	STAT_IKE_REKEY_FAILED,	/* IKE SA rekeys of ours refused */
	STAT_IKE_REKEY_COLLISION, /* simultaneous IKE SA rekeys */
	STAT_IKE_EXPIRED,	/* IKE SAs expired without a rekey */
	STAT_CLEARED,		/* IKE SAs cleared by an operator */
	STAT_COOKIE_SENT,	/* IKE_SA_INIT answered with a COOKIE */
	STAT_COOKIE_INVALID,	/* COOKIE returned that is not ours */
	STAT_HALF_OPEN_PER_SOURCE, /* dropped: source's half-open limit */
	STAT_HALF_OPEN_LIMIT,	/* dropped: max-in-negotiation-sa */
	STAT_CERT_UNTRUSTED,	/* peer certificate: no valid chain, malformed */
	STAT_CERT_REVOKED,	/* peer certificate revoked by a CRL */
	STAT_CERT_EXPIRED,	/* peer certificate expired or not yet valid */
	STAT_CERT_ID_MISMATCH,	/* IDi not in the peer's certificate */
	STAT_INIT_ATTEMPT,	/* IKE SAs we initiated */
	STAT_INIT_UP,		/* connections of ours that came up */
	STAT_INIT_FAILED,	/* attempts of ours that failed */
	STAT_INIT_COOKIE,	/* IKE_SA_INIT sent again with a cookie */
	STAT_INIT_INVALID_KE,	/* IKE_SA_INIT sent again, another group */
	STAT_INIT_NO_PROPOSAL,	/* NO_PROPOSAL_CHOSEN from a responder */
	STAT_INIT_AUTH_FAILED,	/* our AUTH refused, or its is wrong */
	STAT_INIT_DEFERRED,	/* waiting: max-in-negotiation outgoing */
	STAT_ROUTE_ADDED,	/* subnets of peers routed to them */
	STAT_ROUTE_REFUSED,	/* ... not routed: default, not unicast... */
	STAT_ROUTE_MALFORMED,	/* ... not read: wrong length, bad mask */
	STAT_ROUTE_FAILED,	/* ... the kernel refused (route there) */
	STAT_MAX
};

void stats_inc(enum stat_id id);
uint64_t stats_get(enum stat_id id);
void stats_print(FILE *f, bool json);

#endif /* FLEXVTID_STATS_H */
