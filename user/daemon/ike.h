/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The IKEv2 engine: dispatch of received messages to the exchanges
 * (ike_init.c, ike_auth.c, ike_info.c, ike_child.c, ike_rekey.c), the
 * building, protecting and sending of messages, and our own requests
 * (ike_task.c): one in flight per IKE SA, retransmitted with back-off,
 * the others queued behind it.
 */
#ifndef FLEXVTID_IKE_H
#define FLEXVTID_IKE_H

#include "../lib/ikev2_pld.h"
#include "ike_sa.h"
#include "sock.h"

/**
 * struct ike_msg - a message being built
 * @w: the writer
 * @sa: the IKE SA whose keys protect it, NULL for a plaintext message
 * @response: it is a response (its message ID is the request's)
 * @msgid: its message ID
 * @buf: the message
 */
struct ike_msg {
	struct ikev2_writer w;
	struct ike_sa *sa;
	bool response;
	uint32_t msgid;
	uint8_t buf[IKEV2_MSG_MAX];
};

struct ike_task;

/**
 * struct ike_task_ops - one kind of request of ours
 * @name: for logs ("DPD", "CHILD_SA rekey", ...)
 * @exchange: enum ikev2_exchange of the request
 * @dpd: retransmitted every dpd_retry seconds (a liveness check) rather
 *	than with the exponential back-off of IKE_RETRANSMIT_MS
 * @build: puts the request's payloads (after the SK payload has begun);
 *	returns 0, or a negative errno to drop the task without sending
 * @done: handles the response, parsed with its inner payloads; returns
 *	false when it freed the IKE SA
 * @destroy: frees the task (and wipes what it holds)
 */
struct ike_task_ops {
	const char *name;
	uint8_t exchange;
	bool dpd;
	int (*build)(struct ike_sa *sa, struct ike_task *t, struct ike_msg *m);
	bool (*done)(struct ike_sa *sa, struct ike_task *t,
		     struct ikev2_msg *resp);
	void (*destroy)(struct ike_task *t);
};

/**
 * struct ike_task - a request of ours, embedded in its kind's state
 * @next: the next task in the IKE SA's queue
 * @ops: its kind
 */
struct ike_task {
	struct ike_task *next;
	const struct ike_task_ops *ops;
};

/* our requests: first retransmission after this, doubling each time */
#define IKE_RETRANSMIT_MS	2000
/* transmissions of a request before the peer is given up as dead */
#define IKE_TRANSMIT_MAX	5

void ikev2_recv(struct ike_dgram *d);
void ike_msg_response(struct ike_msg *m, struct ike_sa *sa,
		      const struct ikev2_header *req);
void ike_msg_request(struct ike_msg *m, struct ike_sa *sa, uint8_t exchange);
int ike_msg_send(struct ike_msg *m);
void ike_msg_plain_response(struct ike_msg *m,
			    const struct ikev2_header *req, uint64_t spi_r);
int ike_msg_send_plain(struct ike_msg *m, const struct ike_dgram *d);
int ike_resp_keep(struct ike_sa *sa, uint32_t msgid, const uint8_t *buf,
		  size_t len);
uint16_t ike_msg_error(const struct ikev2_msg *resp);
int ike_nonce_cmp(const uint8_t *a, size_t alen, const uint8_t *b,
		  size_t blen);
const uint8_t *ike_nonce_min(const uint8_t *ni, size_t ni_len,
			     const uint8_t *nr, size_t nr_len, size_t *len);
void ike_peer_seen(struct ike_sa *sa, const struct ike_dgram *d);

/* ike_task.c */
void ike_task_queue(struct ike_sa *sa, struct ike_task *t);
bool ike_task_pending(const struct ike_sa *sa, const struct ike_task_ops *ops);
bool ike_task_busy(const struct ike_sa *sa);
void ike_task_flush(struct ike_sa *sa);
void ike_task_timeout(struct timer *t);
void ike_task_response(struct ike_sa *sa, struct ike_dgram *d,
		       struct ikev2_msg *resp);

/**
 * struct ike_choice - the transforms chosen from one IKE proposal
 * @num: the initiator's proposal number
 * @spi: its SPI (the new IKE SA's initiator SPI in a rekey), else 0
 * @encr: encryption algorithm
 * @prf: PRF
 * @integ: integrity algorithm, NULL with an AEAD
 * @dh: Diffie-Hellman group
 */
struct ike_choice {
	uint8_t num;
	uint64_t spi;
	const struct crypto_encr *encr;
	const struct crypto_prf *prf;
	const struct crypto_integ *integ;
	uint16_t dh;
};

struct keymat_ike;

/* ike_dos.c */
int ike_dos_init(void);
void ike_dos_fini(void);
bool ike_dos_admit(struct ike_dgram *d, const struct ikev2_msg *req);
struct ike_dos_src *ike_dos_half_open_get(const struct sockaddr_storage *remote);
void ike_dos_half_open_put(struct ike_dos_src *s);

/* ike_init.c */
void ike_init_request(struct ike_dgram *d, struct ikev2_msg *req);
bool ike_policy_choose(const struct sockaddr_storage *local,
		       const struct ikev2_sa *sa, uint8_t spi_size,
		       uint16_t ke_group, struct ike_choice *c);
void ike_put_choice(struct ikev2_writer *w, const struct ike_choice *c,
		    uint64_t spi);
bool ike_proposal_is(const struct ikev2_proposal *p,
		     const struct ike_choice *c);
int ike_dh_respond(uint16_t group, const uint8_t *peer, size_t peer_len,
		   uint8_t *pub, size_t *pub_len, uint8_t *secret,
		   size_t *secret_len);
int ike_sa_keys(struct ike_sa *sa, const struct keymat_ike *km);
void ike_spi_bytes(uint64_t spi, uint8_t *out);
/* ike_auth.c */
void ike_auth_request(struct ike_sa *sa, struct ike_dgram *d,
		      struct ikev2_msg *req);
/* ike_cert.c */
struct cfg_profile;
void ike_cert_put_init(struct ikev2_writer *w);
bool ike_cert_method(uint8_t method);
const char *ike_cert_dn_str(const uint8_t *der, size_t len, char *buf,
			    size_t buflen);
int ike_cert_verify(struct ike_sa *sa, const struct cfg_profile *p,
		    const struct ikev2_msg *req, char *why, size_t len);
bool ike_cert_local_id(const struct cfg_profile *p, struct ike_id *id);
int ike_cert_put_auth(struct ike_sa *sa, const struct cfg_profile *p,
		      struct ikev2_writer *w, const uint8_t *id,
		      size_t id_len);
/* ike_info.c */
void ike_info_request(struct ike_sa *sa, struct ikev2_msg *req);
void ike_delete_start(struct ike_sa *sa, const char *why);
void ike_delete_notify(struct ike_sa *sa);
void ike_dpd_start(struct ike_sa *sa);
/* ike_live.c */
void ike_live_init(struct ike_sa *sa);
void ike_live_start(struct ike_sa *sa);
void ike_live_stop(struct ike_sa *sa);
/* ike_child.c */
void ike_child_request(struct ike_sa *sa, struct ikev2_msg *req);
void ike_child_rekey_start(struct ike_sa *sa);
void ike_child_rekey_finish(struct ike_sa *sa, bool timeout);
bool ike_child_delete_request(struct ike_sa *sa, struct ikev2_msg *req,
			      struct ike_msg *m);
/* ike_rekey.c */
void ike_rekey_request(struct ike_sa *sa, struct ikev2_msg *req);
void ike_rekey_start(struct ike_sa *sa);

#endif /* FLEXVTID_IKE_H */
