/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * NHRP (RFC 2332) for FlexVPN spoke-to-spoke shortcuts, with the Traffic
 * Indication of DMVPN phase 3 (Documentation/userspace/flexvtid.rst,
 * "Spoke-to-spoke").  Every NHRP packet travels inside the GRE of a
 * gre-mode interface with an "ip nhrp network-id": one packet socket of
 * protocol 0x2001 receives them from all those interfaces and sends them
 * out of one.
 *
 * - A hub (a virtual template with "ip nhrp redirect") turns each
 *   nhrp-redirect notification of the kernel, a packet that came in on
 *   one virtual-access interface and went out of another of the same
 *   network-id, into a Traffic Indication to the packet's source over
 *   the interface it came in on, and forwards Resolution Requests along
 *   its routes to the spoke that owns the destination.
 * - A spoke (a tunnel with "ip nhrp shortcut virtual-template N") answers
 *   a Traffic Indication with a Resolution Request through the hub; the
 *   spoke that owns the destination brings up an IKEv2 session to the
 *   requester on an interface cloned from template N (nhrp_shortcut.c)
 *   and sends the Resolution Reply over it; the requester installs the
 *   shortcut route for the reply's prefix via that interface, for the
 *   reply's holding time (nhrp_cache.c).
 */
#ifndef FLEXVTID_NHRP_H
#define FLEXVTID_NHRP_H

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>

#include "../lib/nhrp.h"
#include "route.h"

struct kern_event;
struct session;
struct cfg_template;

/* routes of NHRP shortcuts have this rtm_protocol: FRR's "nhrp" */
#define NHRP_RTPROT		191
/* their metric: below the distance of routes pushed by IKEv2 */
#define NHRP_RT_METRIC		1
/* a Resolution Request left without a Reply is forgotten after this */
#define NHRP_PENDING_MS		15000
/* and sent again this often until then: the first Reply over a new
 * shortcut may reach the initiator before its SAs are in */
#define NHRP_RETRY_MS		2000
/* a shortcut session without cache entries is ended after this */
#define NHRP_IDLE_MS		10000

/**
 * struct nhrp_if - an interface NHRP runs on, as a packet sees it
 * @ifindex: the interface
 * @name: its name
 * @s: the session of the interface
 * @network_id: its "ip nhrp network-id", not 0
 * @redirect: its "ip nhrp redirect" is set: Traffic Indications are sent
 *	for packets that came in on it
 * @holdtime: seconds: holding time of the entries we announce on it
 * @shortcut: the template of shortcut sessions ("ip nhrp shortcut
 *	virtual-template N"), NULL when Traffic Indications arriving on it
 *	are to be ignored
 */
struct nhrp_if {
	uint32_t ifindex;
	char name[IF_NAMESIZE];
	struct session *s;
	uint32_t network_id;
	bool redirect;
	unsigned int holdtime;
	const struct cfg_template *shortcut;
};

/* counters of an interface, for "show ip nhrp traffic" */
enum nhrp_stat {
	NHRP_STAT_TX_RES_REQUEST,
	NHRP_STAT_TX_RES_REPLY,
	NHRP_STAT_TX_TRAFFIC_IND,
	NHRP_STAT_TX_FORWARDED,
	NHRP_STAT_RX_RES_REQUEST,
	NHRP_STAT_RX_RES_REPLY,
	NHRP_STAT_RX_TRAFFIC_IND,
	NHRP_STAT_RX_OTHER,
	NHRP_STAT_RX_MALFORMED,
	NHRP_STAT_RX_DROPPED,
	NHRP_STAT_REDIRECT_EVENTS,
	NHRP_STAT_TX_ERRORS,
	NHRP_STAT_N
};

int nhrp_init(void);
void nhrp_fini(void);
int nhrp_if_get(uint32_t ifindex, struct nhrp_if *nif);
int nhrp_if_addr(const struct nhrp_if *nif, int family,
		 struct route_addr *a);
int nhrp_if_nbma(const struct nhrp_if *nif, struct nhrp_addr *a);
int nhrp_send(const struct nhrp_if *nif, const struct nhrp_pkt *p,
	      enum nhrp_stat stat);
int nhrp_request_send(const struct nhrp_if *nif,
		      const struct route_addr *target, uint32_t request_id);
void nhrp_pkt_new(struct nhrp_pkt *p, uint8_t type, int nbma_family,
		  int proto_family);
void nhrp_addr_from(struct nhrp_addr *n, const struct route_addr *r);
void nhrp_addr_to(const struct nhrp_addr *n, struct route_addr *r);
void nhrp_count(uint32_t ifindex, enum nhrp_stat stat);
void nhrp_redirect_event(const struct kern_event *e);
void nhrp_session_up(struct session *s);
void nhrp_session_gone(struct session *s);
const char *nhrp_stat_name(enum nhrp_stat stat);
void nhrp_stats_each(void (*fn)(const char *name, uint32_t ifindex,
				const uint64_t *n, void *arg), void *arg);

/* nhrp_cache.c: the cache of resolved and pending entries */
int nhrp_cache_pending(const struct nhrp_if *nif,
		       const struct route_addr *target, uint32_t request_id);
bool nhrp_cache_known(const struct route_addr *target);
int nhrp_cache_reply(const struct nhrp_if *nif, const struct nhrp_pkt *p);
int nhrp_cache_peer(uint32_t ifindex, const struct route_addr *proto,
		    const struct nhrp_addr *nbma, unsigned int holdtime);
unsigned int nhrp_cache_count_if(uint32_t ifindex);
void nhrp_cache_flush_if(uint32_t ifindex);
void nhrp_cache_fini(void);
void nhrp_cache_show(FILE *f, bool json);

/* nhrp_shortcut.c: shortcut sessions and the Replies waiting for them */
int nhrp_shortcut_reply(const struct nhrp_if *nif, const struct nhrp_pkt *req,
			int prefix);
void nhrp_shortcut_session_up(struct session *s);
void nhrp_shortcut_idle(uint32_t ifindex);
void nhrp_shortcut_fini(void);

#endif /* FLEXVTID_NHRP_H */
