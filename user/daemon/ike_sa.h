/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * IKE SAs (RFC 7296): the negotiated algorithms and keys, the peer's
 * addresses, both message-ID sequences (the peer's requests with the
 * window of cached responses, ours with the request in flight and the
 * queue behind it), the timers of the lifecycle (half-open expiry,
 * retransmission, dead peer detection, NAT keepalives, rekeying), and
 * the session (virtual-access interface and CHILD_SA) once IKE_AUTH
 * succeeded, whichever side initiated it.  An IKE SA is found by our
 * SPI; a half-open one of a peer's also by the initiator's SPI and
 * address, so a retransmitted IKE_SA_INIT gets the same response.
 */
#ifndef FLEXVTID_IKE_SA_H
#define FLEXVTID_IKE_SA_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>

#include "../lib/crypto.h"
#include "../lib/ikev2_pld.h"
#include "loop.h"
#include "sock.h"

struct ike_authz;
struct ike_eap;
struct session;
struct ike_task;
struct ike_dos_src;
struct ike_conn;

enum ike_sa_state {
	IKE_SA_HALF_OPEN,	/* IKE_SA_INIT done, waiting for IKE_AUTH */
	IKE_SA_ESTABLISHED,	/* authenticated */
	IKE_SA_REKEYED,		/* replaced by a rekey (§2.18), until deleted */
	IKE_SA_DELETING,	/* our Delete of it is in flight */
};

/* an identity of §3.5, as sent or as configured */
#define IKE_ID_MAX	256

/**
 * struct ike_id - an identification
 * @type: enum ikev2_id_type
 * @len: bytes in @data
 * @data: the identification data
 */
struct ike_id {
	uint8_t type;
	uint16_t len;
	uint8_t data[IKE_ID_MAX];
};

/**
 * struct ike_resp - a response kept for a retransmitted request (§2.1)
 * @msgid: the message ID it answers
 * @len: bytes at @buf
 * @buf: the protected response as sent; NULL when the slot is empty
 */
struct ike_resp {
	uint32_t msgid;
	uint32_t len;
	uint8_t *buf;
};

/**
 * struct ike_liveness - dead peer detection and NAT keepalives of an
 *	IKE SA (the profile's or the global settings when it came up)
 * @dpd_interval: seconds without a sign of the peer before a probe; 0: off
 * @dpd_retry: seconds between retransmissions of a probe
 * @dpd_periodic: probe every interval, not only when traffic went out
 *	and none came in (on-demand)
 * @nat_keepalive: seconds between NAT keepalives when we are behind a
 *	NAT; 0: off
 * @last_rx: loop_now() of the last authentic message from the peer
 * @esp_in: inbound ESP packets of the session at the last DPD check
 * @esp_out: outbound ESP packets at the last DPD check
 * @dpd_timer: the next DPD check
 * @ka_timer: the next NAT keepalive
 */
struct ike_liveness {
	unsigned int dpd_interval;
	unsigned int dpd_retry;
	bool dpd_periodic;
	unsigned int nat_keepalive;
	uint64_t last_rx;
	uint64_t esp_in;
	uint64_t esp_out;
	struct timer dpd_timer;
	struct timer ka_timer;
};

/**
 * struct ike_sa - one IKE SA
 * @next: neighbour in the list of all IKE SAs
 * @prev: neighbour in the list of all IKE SAs
 * @hnext: next IKE SA in the same bucket of the table by our SPI
 * @hinit: next half-open IKE SA of ours as responder in the same bucket
 *	of the table by the initiator's SPI (retransmitted IKE_SA_INIT)
 * @dos_src: the count of half-open IKE SAs of the initiator's address
 * @id: small number for operators ("Tunnel-id"), unique while it lives
 * @initiator: we are its original initiator (§2.2: I flag, SPI roles)
 * @spi_i: the original initiator's SPI
 * @spi_r: the original responder's SPI
 * @state: enum ike_sa_state
 * @sock: the socket of the last valid message; messages leave from it
 * @local: our address and port of the last valid message
 * @remote: the peer's address and port of the last valid message
 * @nat_local: NAT detected in front of us (§2.23)
 * @nat_remote: NAT detected in front of the peer, or faked by it to
 *	force UDP encapsulation
 * @prf: the negotiated PRF
 * @encr: the negotiated encryption algorithm
 * @integ: the negotiated integrity algorithm, NULL with an AEAD
 * @dh_group: the negotiated Diffie-Hellman group
 * @sk_in: keys of the peer's messages (SK_ei/SK_ai, or SK_er/SK_ar when
 *	we are the initiator)
 * @sk_out: keys of our messages
 * @sk_d: SK_d, for CHILD_SA keys and rekeying
 * @sk_pi: SK_pi, until IKE_AUTH
 * @sk_pr: SK_pr, until IKE_AUTH
 * @ni: the initiator's nonce of IKE_SA_INIT (or of the rekey)
 * @ni_len: its length in bytes
 * @nr: the responder's nonce
 * @nr_len: its length in bytes
 * @init_req: the IKE_SA_INIT request, until IKE_AUTH (for AUTH, §2.15)
 * @init_req_len: its length in bytes
 * @init_resp: the IKE_SA_INIT response, until IKE_AUTH
 * @init_resp_len: its length in bytes
 * @rx_msgid: lowest message ID of the peer's requests not yet answered
 * @window: how many of the peer's requests may be outstanding (§2.3)
 * @resp: the last @window responses, by message ID modulo @window
 * @tx_msgid: message ID of our next request
 * @task: our request in flight, NULL when none
 * @queue: our requests waiting for @task to finish, oldest first
 * @req: @task's message as sent, for retransmission
 * @req_len: its length in bytes
 * @req_tries: retransmissions of @req so far
 * @req_timer: the next retransmission of @req
 * @timer: half-open expiry, then the lifetime: rekey (soft) and expiry
 *	(hard) of the IKE SA, then the wait for the Delete of a rekeyed one
 * @rekey_at: loop_now() when the IKE SA is to be rekeyed; 0: never
 * @expire_at: loop_now() when it expires without a rekey; 0: never
 * @live: dead peer detection and NAT keepalives
 * @successor: our SPI of the IKE SA that replaced this one in a rekey
 *	the peer initiated, while @state is IKE_SA_REKEYED (for collisions)
 * @created: loop_now() at IKE_SA_INIT
 * @established: loop_now() when IKE_AUTH succeeded
 * @peer_id: the peer's identity
 * @local_id: our identity
 * @profile: name of the IKEv2 profile that matched
 * @lifetime: IKE SA lifetime of the profile, seconds
 * @session: the session, once IKE_AUTH created it
 * @auth_sign: how our AUTH was made: enum cfg_auth (CFG_AUTH_PSK,
 *	CFG_AUTH_RSA_SIG, CFG_AUTH_ECDSA_SIG); CFG_AUTH_NONE before IKE_AUTH
 * @auth_verify: how the peer's AUTH was checked, likewise
 * @conn: the connection of ours negotiating it (ike_initiator.c), until
 *	IKE_AUTH is done; told when the IKE SA goes before that
 * @authz: its RADIUS authorization while IKE_AUTH is handled, else NULL
 * @eap: the EAP conversation relayed to RADIUS while the peer
 *	authenticates with EAP (ike_eap.c), else NULL
 */
struct ike_sa {
	struct ike_sa *next, *prev;
	struct ike_sa *hnext;
	struct ike_sa *hinit;
	struct ike_dos_src *dos_src;
	unsigned int id;
	bool initiator;
	uint64_t spi_i;
	uint64_t spi_r;
	enum ike_sa_state state;
	struct ike_sock *sock;
	struct sockaddr_storage local;
	struct sockaddr_storage remote;
	bool nat_local;
	bool nat_remote;
	const struct crypto_prf *prf;
	const struct crypto_encr *encr;
	const struct crypto_integ *integ;
	uint16_t dh_group;
	struct crypto_sk sk_in;
	struct crypto_sk sk_out;
	uint8_t sk_d[CRYPTO_PRF_MAX];
	uint8_t sk_pi[CRYPTO_PRF_MAX];
	uint8_t sk_pr[CRYPTO_PRF_MAX];
	uint8_t ni[IKEV2_NONCE_MAX];
	size_t ni_len;
	uint8_t nr[IKEV2_NONCE_MAX];
	size_t nr_len;
	uint8_t *init_req;
	size_t init_req_len;
	uint8_t *init_resp;
	size_t init_resp_len;
	uint32_t rx_msgid;
	unsigned int window;
	struct ike_resp *resp;
	uint32_t tx_msgid;
	struct ike_task *task;
	struct ike_task *queue;
	uint8_t *req;
	size_t req_len;
	unsigned int req_tries;
	struct timer req_timer;
	struct timer timer;
	uint64_t rekey_at;
	uint64_t expire_at;
	struct ike_liveness live;
	uint64_t successor;
	uint64_t created;
	uint64_t established;
	struct ike_id peer_id;
	struct ike_id local_id;
	char profile[64];
	unsigned int lifetime;
	struct session *session;
	uint8_t auth_sign;
	uint8_t auth_verify;
	struct ike_conn *conn;
	struct ike_authz *authz;
	struct ike_eap *eap;
};

/* a half-open IKE SA is removed after this long without IKE_AUTH */
#define IKE_SA_HALF_OPEN_MS	30000
/* a rekeyed IKE SA whose Delete never comes is removed after this long */
#define IKE_SA_REKEYED_MS	30000

struct ike_sa *ike_sa_new(bool initiator, uint64_t spi_local,
			  uint64_t spi_peer, struct ike_sock *sock,
			  const struct sockaddr_storage *local,
			  const struct sockaddr_storage *remote);
void ike_sa_free(struct ike_sa *sa, const char *reason);
void ike_sa_drop_init(struct ike_sa *sa);
struct ike_sa *ike_sa_find(uint64_t spi_local, uint64_t spi_peer);
struct ike_sa *ike_sa_find_half_open(uint64_t spi_i,
				     const struct sockaddr_storage *remote);
struct ike_sa *ike_sa_find_id(unsigned int id);
struct ike_sa *ike_sa_first(void);
unsigned int ike_sa_count(void);
unsigned int ike_sa_count_half_open(void);
unsigned int ike_sa_count_half_open_out(void);
void ike_sa_free_all(void);
int ike_sa_keep(uint8_t **dst, size_t *dst_len, const uint8_t *src,
		size_t len);
uint64_t ike_sa_new_spi(void);
uint64_t ike_sa_spi_local(const struct ike_sa *sa);
uint64_t ike_sa_spi_peer(const struct ike_sa *sa);
void ike_sa_lifetime(struct ike_sa *sa, unsigned int seconds);
void ike_sa_established(struct ike_sa *sa);
uint64_t ike_jitter(uint64_t ms);

#endif /* FLEXVTID_IKE_SA_H */
