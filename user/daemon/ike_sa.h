/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * IKE SAs of the responder (RFC 7296): the negotiated algorithms and
 * keys, the peer's addresses, the message-ID state with the cached last
 * response, and the session (virtual-access interface and CHILD_SA) once
 * IKE_AUTH succeeded.  An IKE SA is found by its SPIs; a half-open one
 * (after IKE_SA_INIT) also by the initiator's SPI and address, so a
 * retransmitted IKE_SA_INIT gets the same response.
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

struct session;

enum ike_sa_state {
	IKE_SA_HALF_OPEN,	/* IKE_SA_INIT answered, waiting for IKE_AUTH */
	IKE_SA_ESTABLISHED,	/* authenticated */
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
 * struct ike_sa - one IKE SA, the daemon as responder
 * @next: neighbour in the list of all IKE SAs
 * @prev: neighbour in the list of all IKE SAs
 * @hnext: next IKE SA in the same bucket of the table by @spi_r
 * @id: small number for operators ("Tunnel-id"), unique while it lives
 * @spi_i: the initiator's SPI
 * @spi_r: our SPI
 * @state: enum ike_sa_state
 * @sock: the socket of the last valid message; replies leave from it
 * @local: our address and port of the last valid message
 * @remote: the peer's address and port of the last valid message
 * @nat_local: NAT detected in front of us (§2.23)
 * @nat_remote: NAT detected in front of the peer, or faked by it to
 *	force UDP encapsulation
 * @prf: the negotiated PRF
 * @encr: the negotiated encryption algorithm
 * @integ: the negotiated integrity algorithm, NULL with an AEAD
 * @dh_group: the negotiated Diffie-Hellman group
 * @sk_in: keys of the initiator's messages (SK_ei, SK_ai)
 * @sk_out: keys of our messages (SK_er, SK_ar)
 * @sk_d: SK_d, for CHILD_SA keys
 * @sk_pi: SK_pi, until IKE_AUTH
 * @sk_pr: SK_pr, until IKE_AUTH
 * @ni: the initiator's nonce
 * @ni_len: its length in bytes
 * @nr: our nonce
 * @nr_len: its length in bytes
 * @init_req: the IKE_SA_INIT request, until IKE_AUTH (for AUTH, §2.15)
 * @init_req_len: its length in bytes
 * @init_resp: our IKE_SA_INIT response, until IKE_AUTH
 * @init_resp_len: its length in bytes
 * @next_msgid: message ID of the next request expected from the peer
 * @resp: our last response, resent for a retransmitted request
 * @resp_len: its length in bytes
 * @timer: half-open expiry
 * @created: loop_now() at IKE_SA_INIT
 * @established: loop_now() when IKE_AUTH succeeded
 * @peer_id: the peer's IDi
 * @local_id: our IDr
 * @profile: name of the IKEv2 profile that matched
 * @lifetime: IKE SA lifetime of the profile, seconds
 * @session: the session, once IKE_AUTH created it
 */
struct ike_sa {
	struct ike_sa *next, *prev;
	struct ike_sa *hnext;
	unsigned int id;
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
	uint32_t next_msgid;
	uint8_t *resp;
	size_t resp_len;
	struct timer timer;
	uint64_t created;
	uint64_t established;
	struct ike_id peer_id;
	struct ike_id local_id;
	char profile[64];
	unsigned int lifetime;
	struct session *session;
};

/* a half-open IKE SA is removed after this long without IKE_AUTH */
#define IKE_SA_HALF_OPEN_MS	30000

struct ike_sa *ike_sa_new(uint64_t spi_i, const struct ike_dgram *d);
void ike_sa_free(struct ike_sa *sa, const char *reason);
void ike_sa_drop_init(struct ike_sa *sa);
struct ike_sa *ike_sa_find(uint64_t spi_i, uint64_t spi_r);
struct ike_sa *ike_sa_find_half_open(uint64_t spi_i,
				     const struct sockaddr_storage *remote);
struct ike_sa *ike_sa_first(void);
unsigned int ike_sa_count(void);
void ike_sa_free_all(void);
int ike_sa_keep(uint8_t **dst, size_t *dst_len, const uint8_t *src,
		size_t len);

#endif /* FLEXVTID_IKE_SA_H */
