/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The IKEv2 engine: dispatch of received messages to the exchanges
 * (ike_init.c, ike_auth.c, ike_info.c, ike_child.c, ike_rekey.c), the
 * building, protecting and sending of messages, our own requests
 * (ike_task.c): one in flight per IKE SA, retransmitted with back-off,
 * the others queued behind it; and the connections we initiate
 * (ike_initiator.c, ike_initiator_auth.c).
 */
#ifndef FLEXVTID_IKE_H
#define FLEXVTID_IKE_H

#include "../lib/ikev2_pld.h"
#include "ike_sa.h"
#include "sock.h"

/**
 * struct ike_msg - a message being built
 * @w: the writer
 * @sa: the IKE SA whose keys protect it, NULL for a plaintext response;
 *	the IKE SA we initiate for our IKE_SA_INIT request
 * @response: it is a response (its message ID is the request's)
 * @plain: unprotected: an IKE_SA_INIT request or response
 * @msgid: its message ID
 * @buf: the message
 */
struct ike_msg {
	struct ikev2_writer w;
	struct ike_sa *sa;
	bool response;
	bool plain;
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
 * @plain: our IKE_SA_INIT: built unprotected (ike_msg_init_request())
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
	bool plain;
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
void ike_msg_init_request(struct ike_msg *m, struct ike_sa *sa);
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
int ike_sa_derive(struct ike_sa *sa, const struct ike_choice *c,
		  const uint8_t *secret, size_t secret_len);
/* NAT detection data: a SHA-1 hash */
#define IKE_NATD_LEN	20
int ike_natd_hash(uint64_t spi_i, uint64_t spi_r,
		  const struct sockaddr_storage *a, uint8_t *out);
bool ike_natd_match(const struct ikev2_msg *msg, uint16_t type,
		    uint64_t spi_i, uint64_t spi_r,
		    const struct sockaddr_storage *a);
int ike_put_natd(struct ikev2_writer *w, const struct ike_sa *sa);
void ike_spi_bytes(uint64_t spi, uint8_t *out);
/* ike_auth.c */
struct cfg_key;
struct cfg_profile;
void ike_auth_request(struct ike_sa *sa, struct ike_dgram *d,
		      struct ikev2_msg *req);
int ike_auth_psk(const struct ike_sa *sa, bool initiator,
		 const struct cfg_key *key, const uint8_t *id, size_t id_len,
		 uint8_t *out);
void ike_local_id(const struct cfg_profile *p,
		  const struct sockaddr_storage *local, struct ike_id *id);
void ike_id_str(const struct ike_id *id, char *buf, size_t len);
void ike_put_window(struct ike_msg *m, const struct ike_sa *sa);
/* ike_cert.c */
void ike_cert_put_init(struct ikev2_writer *w);
bool ike_cert_method(uint8_t method);
const char *ike_cert_dn_rfc4514(const uint8_t *der, size_t len, char *buf,
				size_t buflen);
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
void ike_info_oneshot(struct ike_sa *sa, uint16_t type);
void ike_dpd_start(struct ike_sa *sa);
/* ike_live.c */
void ike_live_init(struct ike_sa *sa);
void ike_live_start(struct ike_sa *sa);
void ike_live_stop(struct ike_sa *sa);
/* ike_child.c */
struct session_child;
int ike_child_spi(uint32_t *spi);
int ike_child_keys(const struct ike_sa *sa, struct session_child *c,
		   bool initiator, const uint8_t *pfs, size_t pfs_len,
		   const uint8_t *ni, size_t ni_len, const uint8_t *nr,
		   size_t nr_len);
void ike_child_request(struct ike_sa *sa, struct ikev2_msg *req);
void ike_child_rekey_start(struct ike_sa *sa);
void ike_child_rekey_finish(struct ike_sa *sa, bool timeout);
bool ike_child_delete_request(struct ike_sa *sa, struct ikev2_msg *req,
			      struct ike_msg *m);
/* ike_rekey.c */
void ike_rekey_request(struct ike_sa *sa, struct ikev2_msg *req);
void ike_rekey_start(struct ike_sa *sa);

/* ike_initiator.c, ike_initiator_auth.c: connections of ours */
struct session;
struct ike_conn;

/**
 * struct ike_conn_ops - what the owner of a connection does for it
 * @session_up: set the session up in the kernel, with session_setup() on
 *	an interface of the owner's.  @s is filled: CHILD_SA with its keys
 *	(wiped by the caller afterwards), mode, selectors, the IPsec
 *	profile's settings and the addresses the peer assigned us.  Returns
 *	0, or a negative errno: the attempt fails and @s is freed
 * @down: the connection failed, or its session went; @why for the log.
 *	May be NULL
 */
struct ike_conn_ops {
	int (*session_up)(struct ike_conn *c, struct ike_sa *sa,
			  struct session *s);
	void (*down)(struct ike_conn *c, const char *why);
};

#define IKE_CONN_NAME_MAX	64

/**
 * struct ike_conn_cfg - what a connection of ours connects
 * @name: the owner's name for it, for logs ("Tunnel0")
 * @remote: the peer's IKE address; the port is IKEV2_PORT
 * @local: our address; AF_UNSPEC: @source_if's, else the source address
 *	the routing table gives towards @remote, at each attempt
 * @source_if: an interface whose first address of @remote's family is
 *	ours ("tunnel source IFNAME"), "" for none
 * @profile: the IKEv2 profile to initiate with
 * @ipsec: the IPsec profile of the CHILD_SA
 * @mode: enum cfg_tunnel_mode: the CHILD_SA's selectors and ESP mode
 * @want_addr4: ask the peer for an IPv4 address (CFG_REQUEST)
 * @route_if4: the interface whose IPv4 address is ours for "route set
 *	interface" of our authorization policy (the one the tunnel is
 *	unnumbered to, or the tunnel with an address of its own), "" for
 *	none
 * @route_if6: likewise for IPv6
 * @reconnect: try again after a failure, with back-off, and soon after
 *	the session went ("connect auto")
 */
struct ike_conn_cfg {
	char name[IKE_CONN_NAME_MAX];
	struct sockaddr_storage remote;
	struct sockaddr_storage local;
	char source_if[16];
	char profile[64];
	char ipsec[64];
	int mode;
	bool want_addr4;
	bool reconnect;
	char route_if4[16];
	char route_if6[16];
};

enum ike_conn_state {
	IKE_CONN_IDLE,		/* not started, or waiting to try again */
	IKE_CONN_CONNECTING,	/* its IKE SA is being negotiated */
	IKE_CONN_UP,		/* its session is up */
};

/**
 * struct ike_conn - a connection of ours: an IKE SA we initiate with its
 *	CHILD_SA and session, brought up again when it goes
 * @cfg: what it connects
 * @ops: its owner's callbacks
 * @priv: its owner's
 * @state: enum ike_conn_state
 * @sa: the IKE SA being negotiated, until IKE_AUTH is done
 * @session: the session once up; it stays with the IKE SA's successors
 *	through rekeys
 * @timer: the next attempt
 * @backoff_ms: the wait after the next failure
 * @attempts: IKE SAs it started
 * @failures: failed attempts since it was last up
 */
struct ike_conn {
	struct ike_conn_cfg cfg;
	const struct ike_conn_ops *ops;
	void *priv;
	enum ike_conn_state state;
	struct ike_sa *sa;
	struct session *session;
	struct timer timer;
	unsigned int backoff_ms;
	uint64_t attempts;
	unsigned int failures;
};

/* a failed attempt is tried again after this, doubling up to the max */
#define IKE_CONN_RETRY_MS	10000
#define IKE_CONN_RETRY_MAX_MS	60000
/* a session that went is brought up again this much later */
#define IKE_CONN_RESTART_MS	2000
/* at "limit max-in-negotiation-sa N outgoing", wait this long */
#define IKE_CONN_DEFER_MS	1000

struct ike_conn *ike_conn_new(const struct ike_conn_cfg *cfg,
			      const struct ike_conn_ops *ops, void *priv);
void ike_conn_start(struct ike_conn *c);
void ike_conn_free(struct ike_conn *c, const char *why);
void ike_conn_failed(struct ike_conn *c, const char *why);
void ike_conn_up(struct ike_conn *c, struct ike_sa *sa, struct session *s);
void ike_conn_sa_gone(struct ike_conn *c, const char *why);
void ike_conn_session_gone(struct ike_conn *c);
void ike_init_response(struct ike_sa *sa, struct ike_dgram *d,
		       struct ikev2_msg *resp);
int ike_auth_start(struct ike_sa *sa);

#endif /* FLEXVTID_IKE_H */
