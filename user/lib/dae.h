/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The RADIUS dynamic-authorization server's wire side (RFC 5176): the
 * checks a Disconnect-Request (40) or CoA-Request (43) passes, its
 * attributes decoded into a plain struct dae_request, the ACK or NAK that
 * answers it, the Error-Cause names, and the cache that answers a
 * retransmitted request with the same reply instead of applying it twice.
 * No I/O and no session state: the daemon (daemon/dae.c) finds the client,
 * matches sessions and applies changes.
 *
 * The attributes are read by a direct walk of the packet, not through
 * radcli's dictionaries: there are a dozen of them, the walk needs no
 * dictionary file, and it is what the fuzz target exercises.
 *
 * What the daemon does with one datagram from a client it knows:
 *
 *	res = dae_parse(buf, len, client_secret, &policy, &req);
 *	if (dae_result_is_drop(res)) { count res; return; }
 *	switch (dae_cache_lookup(&cache, from, &req, now, &reply, &rlen)) {
 *	case DAE_CACHE_HIT: resend reply; return;
 *	case DAE_CACHE_PENDING: drop (being processed); return;
 *	}
 *	if (dae_cache_add(&cache, from, &req, now)) { count busy; return; }
 *	res == DAE_NAK: dae_reply(..., false, req.error_cause, NULL, ...);
 *	else: match the session, apply all or nothing, dae_reply(...);
 *	dae_cache_reply(&cache, from, &req, pkt.data, pkt.len); send it.
 *
 * A datagram from an unknown client is dropped before any of this and
 * counted as DAE_DROP_UNKNOWN_CLIENT.
 */
#ifndef FLEXVTI_DAE_H
#define FLEXVTI_DAE_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "radius.h"

#define DAE_PORT		3799	/* RFC 5176 §2.3 */
#define DAE_TEXT_MAX		253	/* bytes of a text attribute */
#define DAE_NAME_MAX		63	/* bytes of an ACL or policy name */
#define DAE_SERVICE_AUTHORIZE_ONLY 17	/* Service-Type, RFC 5176 §3.2 */

/*
 * Error-Cause values (RFC 5176 §3.5): 2xx only in an ACK, 4xx and 5xx
 * only in a NAK.
 */
enum dae_error_cause {
	DAE_EC_RESIDUAL_REMOVED = 201,
	DAE_EC_INVALID_EAP = 202,
	DAE_EC_UNSUPPORTED_ATTRIBUTE = 401,
	DAE_EC_MISSING_ATTRIBUTE = 402,
	DAE_EC_NAS_MISMATCH = 403,
	DAE_EC_INVALID_REQUEST = 404,
	DAE_EC_UNSUPPORTED_SERVICE = 405,
	DAE_EC_UNSUPPORTED_EXTENSION = 406,
	DAE_EC_INVALID_VALUE = 407,
	DAE_EC_PROHIBITED = 501,
	DAE_EC_NOT_ROUTABLE = 502,
	DAE_EC_SESSION_NOT_FOUND = 503,
	DAE_EC_NOT_REMOVABLE = 504,
	DAE_EC_PROXY_ERROR = 505,
	DAE_EC_RESOURCES = 506,
	DAE_EC_REQUEST_INITIATED = 507,
	DAE_EC_MULTIPLE_SESSIONS = 508,
};

#define DAE_NCAUSES	17	/* the values above: dae_error_cause_index() */

/*
 * What became of a request: an index of counters.  A drop gets no reply
 * (RFC 5176 §3.5: silently discarded); DAE_NAK is answered with a NAK
 * carrying &dae_request.error_cause; DAE_OK goes on to the session.
 */
enum dae_result {
	DAE_OK = 0,
	DAE_NAK,		/* well formed and authentic, refused */
	DAE_DROP_MALFORMED,	/* length, attribute framing */
	DAE_DROP_CODE,		/* not a Disconnect- or CoA-Request */
	DAE_DROP_AUTHENTICATOR,	/* Request Authenticator wrong */
	DAE_DROP_MA_MISSING,	/* Message-Authenticator required, absent */
	DAE_DROP_MA,		/* Message-Authenticator wrong */
	DAE_DROP_TIMESTAMP,	/* Event-Timestamp outside the window */
	DAE_DROP_UNKNOWN_CLIENT, /* the daemon's: source not a client */
	DAE_DROP_BUSY,		/* the daemon's: duplicate cache full */
	DAE_NRESULTS,
};

/* the attributes a request carried: bits of &dae_request.present */
enum dae_field {
	DAE_F_AUDIT_ID		= 1 << 0,
	DAE_F_ACCT_SESSION_ID	= 1 << 1,
	DAE_F_USER_NAME		= 1 << 2,
	DAE_F_FRAMED_IP		= 1 << 3,
	DAE_F_CALLING_STATION	= 1 << 4,
	DAE_F_NAS_IP		= 1 << 5,
	DAE_F_NAS_IPV6		= 1 << 6,
	DAE_F_NAS_ID		= 1 << 7,
	DAE_F_EVENT_TIMESTAMP	= 1 << 8,
	DAE_F_ACL_IN		= 1 << 9,
	DAE_F_ACL_OUT		= 1 << 10,
	DAE_F_QOS_IN		= 1 << 11,
	DAE_F_QOS_OUT		= 1 << 12,
	DAE_F_MTU		= 1 << 13,
	DAE_F_SESSION_TIMEOUT	= 1 << 14,
	DAE_F_STATE		= 1 << 15,
	DAE_F_SERVICE_TYPE	= 1 << 16,
	DAE_F_MA		= 1 << 17,
};

/* the session identifiers (RFC 5176 §3): one at least, else 402 */
#define DAE_F_SESSION_KEYS	(DAE_F_AUDIT_ID | DAE_F_ACCT_SESSION_ID | \
				 DAE_F_USER_NAME | DAE_F_FRAMED_IP | \
				 DAE_F_CALLING_STATION)
/* the NAS identifiers: each present must be ours, else 403 */
#define DAE_F_NAS_KEYS		(DAE_F_NAS_IP | DAE_F_NAS_IPV6 | \
				 DAE_F_NAS_ID)
/* what a CoA-Request changes; a Disconnect-Request with any: 401 */
#define DAE_F_CHANGES		(DAE_F_ACL_IN | DAE_F_ACL_OUT | \
				 DAE_F_QOS_IN | DAE_F_QOS_OUT | DAE_F_MTU | \
				 DAE_F_SESSION_TIMEOUT)

/**
 * struct dae_policy - how dae_parse() checks a request
 * @require_ma: drop a request without Message-Authenticator (the default,
 *	against BlastRADIUS, CVE-2024-3596); one that is present is always
 *	verified
 * @ts_window: seconds an Event-Timestamp may be off @now, either way;
 *	0: not checked.  A request without Event-Timestamp is accepted
 * @now: the time, seconds since the Unix epoch (time(NULL))
 */
struct dae_policy {
	bool require_ma;
	unsigned int ts_window;
	int64_t now;
};

/**
 * struct dae_request - a Disconnect- or CoA-Request, decoded
 * @code: RADIUS_DISCONNECT_REQUEST or RADIUS_COA_REQUEST
 * @id: its Identifier
 * @auth: its Request Authenticator, which the reply is signed with
 * @present: the attributes it carried: enum dae_field bits
 * @audit_id: Cisco-AVPair (vendor 9, type 1) "audit-session-id=ID"
 * @acct_session_id: Acct-Session-Id (44)
 * @user_name: User-Name (1)
 * @framed_ip: Framed-IP-Address (8), network order
 * @calling_station: Calling-Station-Id (31)
 * @nas_ip: NAS-IP-Address (4), network order
 * @nas_ipv6: NAS-IPv6-Address (95)
 * @nas_id: NAS-Identifier (32)
 * @event_timestamp: Event-Timestamp (55), seconds since the Unix epoch
 * @acl_in: the access list for the traffic from the client:
 *	"ipsec:inacl=NAME" or Filter-Id (11) NAME, else
 *	"ip:interface-config=ip access-group NAME in"
 * @acl_out: the access list for the traffic to the client:
 *	"ipsec:outacl=NAME", else "ip:interface-config=ip access-group NAME
 *	out"
 * @qos_in: the QoS policy of the traffic from the client:
 *	"ip:sub-qos-policy-in=NAME" or "ip:sub-policy-In=NAME" (synonyms),
 *	else "ip:interface-config=service-policy input NAME"
 * @qos_out: the same for the traffic to the client ("-out", "output")
 * @mtu: "ip:interface-config=ip mtu N": the interface's MTU, 576-9000
 * @session_timeout: Session-Timeout (27), seconds
 * @service_type: Service-Type (6)
 * @state: State (24), not interpreted
 * @state_len: bytes at @state
 * @proxy_state: the Proxy-State (33) attributes, whole (type, length,
 *	value) and in order, to echo in the reply (RFC 5176 §3.2)
 * @proxy_state_len: bytes at @proxy_state
 * @from_iface: the fields of @present an "ip:interface-config" line set
 * @error_cause: with DAE_NAK, the Error-Cause of the NAK
 * @why: with DAE_NAK or a drop, what was wrong and which attribute, for
 *	the log (never a secret)
 * @note: the names given and not applied, for the log: an interface
 *	line's name that a session pair of the same direction overrides
 *	("ip:interface-config pol"); "" when none
 *
 * Texts are NUL-terminated; names are 1-DAE_NAME_MAX bytes without
 * blanks.  A field is valid only when its @present bit is set.  Per
 * direction, a session pair ("ipsec:inacl", Filter-Id, "ip:sub-...")
 * takes precedence over an "ip:interface-config" line; two different
 * names from the same kind are refused (404).
 */
struct dae_request {
	uint8_t code;
	uint8_t id;
	uint8_t auth[RADIUS_AUTH_LEN];
	uint32_t present;
	char audit_id[DAE_TEXT_MAX + 1];
	char acct_session_id[DAE_TEXT_MAX + 1];
	char user_name[DAE_TEXT_MAX + 1];
	struct in_addr framed_ip;
	char calling_station[DAE_TEXT_MAX + 1];
	struct in_addr nas_ip;
	struct in6_addr nas_ipv6;
	char nas_id[DAE_TEXT_MAX + 1];
	uint32_t event_timestamp;
	char acl_in[DAE_NAME_MAX + 1];
	char acl_out[DAE_NAME_MAX + 1];
	char qos_in[DAE_NAME_MAX + 1];
	char qos_out[DAE_NAME_MAX + 1];
	unsigned int mtu;
	uint32_t session_timeout;
	uint32_t service_type;
	uint8_t state[DAE_TEXT_MAX];
	uint8_t state_len;
	uint8_t proxy_state[RADIUS_MAX_LEN];
	size_t proxy_state_len;
	uint32_t from_iface;
	unsigned int error_cause;
	char why[160];
	char note[160];
};

enum dae_result dae_parse(const uint8_t *buf, size_t len, const char *secret,
			  const struct dae_policy *policy,
			  struct dae_request *req);
int dae_reply(struct radius_pkt *pkt, const struct dae_request *req,
	      bool ack, unsigned int error_cause, const char *reply_message,
	      const char *secret);
bool dae_result_is_drop(enum dae_result res);
const char *dae_result_name(enum dae_result res);
const char *dae_error_cause_name(unsigned int cause);
int dae_error_cause_index(unsigned int cause);
unsigned int dae_error_cause_value(unsigned int index);

/* what dae_cache_lookup() found */
enum dae_cache_state {
	DAE_CACHE_MISS = 0,	/* a new request */
	DAE_CACHE_PENDING,	/* a retransmission of one being processed */
	DAE_CACHE_HIT,		/* a retransmission of one answered */
};

struct dae_cache_entry;

/**
 * struct dae_cache - the replies of the recent requests, so that a
 *	retransmission is answered byte for byte the same and never applied
 *	twice (RFC 5080 §2.2.2, RFC 5176 §2.3)
 * @entries: the slots, a ring in the order requests were added
 * @size: slots at @entries
 * @head: the oldest entry
 * @count: entries in use, from @head on
 * @lifetime_ms: how long an entry is kept after its request was added
 * @heads: the hash index: per bucket, 1 + the index in @entries of its
 *	first entry, 0 for none
 * @hmask: buckets - 1, a power of two minus one (buckets >= @size)
 */
struct dae_cache {
	struct dae_cache_entry *entries;
	unsigned int size;
	unsigned int head;
	unsigned int count;
	uint64_t lifetime_ms;
	uint32_t *heads;
	uint32_t hmask;
};

int dae_cache_init(struct dae_cache *c, unsigned int entries,
		   unsigned int lifetime_s);
void dae_cache_free(struct dae_cache *c);
enum dae_cache_state dae_cache_lookup(struct dae_cache *c,
				      const struct sockaddr *from,
				      const struct dae_request *req,
				      uint64_t now_ms, const uint8_t **reply,
				      size_t *reply_len);
int dae_cache_add(struct dae_cache *c, const struct sockaddr *from,
		  const struct dae_request *req, uint64_t now_ms);
int dae_cache_reply(struct dae_cache *c, const struct sockaddr *from,
		    const struct dae_request *req, const uint8_t *reply,
		    size_t reply_len);

#endif /* FLEXVTI_DAE_H */
