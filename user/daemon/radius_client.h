/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The RADIUS client of flexvtid: requests to the servers of a server
 * group, in the event loop, with retransmission and failover to the
 * group's next server (RFC 2865 §2.4, RFC 2866 §2; "radius server" and
 * "aaa group server radius" in flexvtid.conf).  Every reply passes
 * radius_check() before anything reads it; what fails is dropped and
 * counted, and the request goes on waiting for the real reply.
 */
#ifndef FLEXVTID_RADIUS_CLIENT_H
#define FLEXVTID_RADIUS_CLIENT_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>

#include "../lib/cfg.h"
#include "../lib/radius.h"
#include "loop.h"

/* counters of one server */
enum radius_stat {
	RADIUS_STAT_REQUESTS,		/* requests sent, not counting ... */
	RADIUS_STAT_RETRANSMITS,	/* ... their retransmissions */
	RADIUS_STAT_TIMEOUTS,		/* no reply after the last one */
	RADIUS_STAT_ACCEPTS,		/* Access-Accept */
	RADIUS_STAT_REJECTS,		/* Access-Reject */
	RADIUS_STAT_CHALLENGES,		/* Access-Challenge */
	RADIUS_STAT_ACCT_RESPONSES,	/* Accounting-Response */
	RADIUS_STAT_DROP_UNKNOWN_ID,	/* a reply no request waits for */
	RADIUS_STAT_DROP_CODE,		/* a reply code the request has not */
	/* radius_check() failures: RADIUS_STAT_DROP + enum radius_err */
	RADIUS_STAT_DROP,
	RADIUS_STAT_N = RADIUS_STAT_DROP + RADIUS_NERR,
};

/**
 * struct radius_sock - a UDP socket connected to one server port
 * @lf: the socket in the event loop; fd -1 when closed
 * @server: the server
 * @next_id: the Identifier tried first for the next request
 * @pending: the request waiting for a reply, by Identifier
 */
struct radius_sock {
	struct loop_fd lf;
	struct radius_server *server;
	uint8_t next_id;
	struct radius_req *pending[256];
};

/**
 * struct radius_server - a "radius server" block at run time
 * @name: its name
 * @addr: its address, port 0
 * @source: the address its requests leave from ("ip radius
 *	source-interface" of its group), port 0; family 0: the one the
 *	route towards @addr gives
 * @auth_port: authentication port (1812 unless configured)
 * @acct_port: accounting port (1813 unless configured)
 * @secret: the shared secret (wiped when the server is freed)
 * @timeout_ms: wait for a reply, milliseconds
 * @retransmit: retransmissions before the next server
 * @auth: the socket to @auth_port
 * @acct: the socket to @acct_port
 * @stats: counters, by enum radius_stat
 */
struct radius_server {
	char name[CFG_NAME_MAX + 1];
	struct sockaddr_storage addr;
	struct sockaddr_storage source;
	uint16_t auth_port;
	uint16_t acct_port;
	char secret[129];
	unsigned int timeout_ms;
	unsigned int retransmit;
	struct radius_sock auth;
	struct radius_sock acct;
	uint64_t stats[RADIUS_STAT_N];
};

/**
 * struct radius_group - an "aaa group server radius" at run time
 * @name: its name
 * @servers: its servers, in failover order
 * @nservers: entries of @servers
 * @current: the server requests go to first: the last that answered
 */
struct radius_group {
	char name[CFG_NAME_MAX + 1];
	struct radius_server **servers;
	unsigned int nservers;
	unsigned int current;
};

struct radius_req;

/**
 * typedef radius_done_fn - the end of a request
 * @req: the request; freed once this returns
 * @err: 0 with a reply, -ETIMEDOUT when no server answered, another
 *	negative errno when none could be asked
 * @code: the reply's code (enum radius_code), 0 without a reply
 * @reply: the reply's attributes (freed once this returns), NULL
 *	without a reply or without attributes
 * @arg: the argument given to radius_req_send()
 */
typedef void (*radius_done_fn)(struct radius_req *req, int err, uint8_t code,
			       VALUE_PAIR *reply, void *arg);

/**
 * struct radius_req - a request under way
 * @group: the servers it may go to
 * @first: the index in @group of the server asked first (its preferred
 *	one when the request began)
 * @tried: servers of @group asked so far, from @first on
 * @server: the server it waits for, NULL between two servers
 * @sock: the socket it went out on
 * @tries: transmissions to @server
 * @code: the request's code
 * @id: its Identifier on @sock
 * @auth: its Request Authenticator, to check the reply with (and decrypt
 *	MS-MPPE keys)
 * @vps: its attributes, owned here
 * @created: loop_now() when it was sent first, for Acct-Delay-Time
 * @age: milliseconds it had waited before that (radius_req_send_aged())
 * @pkt: the packet as sent to @server
 * @timer: the retransmission timer
 * @done: called once at the end
 * @arg: @done's argument
 * @reply: while @done runs with a reply: the reply as received, checked
 *	(for what radcli's decoding does not keep: EAP-Message order, the
 *	MS-MPPE keys as sent); NULL otherwise
 * @reply_len: bytes at @reply
 */
struct radius_req {
	struct radius_group *group;
	unsigned int first;
	unsigned int tried;
	struct radius_server *server;
	struct radius_sock *sock;
	unsigned int tries;
	uint8_t code;
	uint8_t id;
	uint8_t auth[RADIUS_AUTH_LEN];
	VALUE_PAIR *vps;
	uint64_t created;
	uint64_t age;
	struct radius_pkt pkt;
	struct timer timer;
	radius_done_fn done;
	void *arg;
	const uint8_t *reply;
	size_t reply_len;
};

int radius_client_init(const char *dict_dir);
void radius_client_fini(void);
rc_handle *radius_rh(void);
struct radius_server *radius_server_new(const char *name,
					const struct sockaddr_storage *addr,
					const struct sockaddr_storage *source,
					uint16_t auth_port, uint16_t acct_port,
					const char *secret,
					unsigned int timeout_ms,
					unsigned int retransmit);
void radius_server_free(struct radius_server *s);
struct radius_req *radius_req_send(struct radius_group *g, uint8_t code,
				   VALUE_PAIR *vps, radius_done_fn done,
				   void *arg);
struct radius_req *radius_req_send_aged(struct radius_group *g, uint8_t code,
					VALUE_PAIR *vps, uint64_t age,
					radius_done_fn done, void *arg);
void radius_req_cancel(struct radius_req *r);

#endif /* FLEXVTID_RADIUS_CLIENT_H */
