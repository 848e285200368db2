// SPDX-License-Identifier: GPL-2.0-only
/*
 * RADIUS requests in the event loop: one connected UDP socket per server
 * port, Identifiers per socket, retransmission after the server's
 * timeout, then the group's next server; the server that answers becomes
 * the group's first for the next requests.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "log.h"
#include "radius_client.h"
#include "sock.h"

static rc_handle *radius_handle;

/**
 * radius_client_init - load the dictionaries
 * @dict_dir: radcli's dictionary directory, NULL for /etc/radcli
 *
 * Return: 0, or -ENOENT when the dictionaries cannot be read.
 */
int radius_client_init(const char *dict_dir)
{
	radius_handle = radius_handle_new(dict_dir);
	return radius_handle ? 0 : -ENOENT;
}

/**
 * radius_client_fini - free the dictionaries
 */
void radius_client_fini(void)
{
	if (radius_handle)
		rc_destroy(radius_handle);
	radius_handle = NULL;
}

/**
 * radius_rh - the radcli handle attribute lists are made with
 *
 * Return: the handle, NULL before radius_client_init().
 */
rc_handle *radius_rh(void)
{
	return radius_handle;
}

static void radius_req_end(struct radius_req *r, int err, uint8_t code,
			   VALUE_PAIR *reply);
static void radius_req_next(struct radius_req *r);

static void radius_release(struct radius_req *r)
{
	if (r->sock && r->sock->pending[r->id] == r)
		r->sock->pending[r->id] = NULL;
	r->sock = NULL;
	r->server = NULL;
}

/* the reply codes a request can have */
static bool radius_reply_fits(uint8_t req, uint8_t reply)
{
	if (req == RADIUS_ACCOUNTING_REQUEST)
		return reply == RADIUS_ACCOUNTING_RESPONSE;
	return reply == RADIUS_ACCESS_ACCEPT ||
	       reply == RADIUS_ACCESS_REJECT ||
	       reply == RADIUS_ACCESS_CHALLENGE;
}

static void radius_count_reply(struct radius_server *s, uint8_t code)
{
	switch (code) {
	case RADIUS_ACCESS_ACCEPT:
		s->stats[RADIUS_STAT_ACCEPTS]++;
		break;
	case RADIUS_ACCESS_REJECT:
		s->stats[RADIUS_STAT_REJECTS]++;
		break;
	case RADIUS_ACCESS_CHALLENGE:
		s->stats[RADIUS_STAT_CHALLENGES]++;
		break;
	default:
		s->stats[RADIUS_STAT_ACCT_RESPONSES]++;
	}
}

/* the group's first server from now on: the one that answered */
static void radius_group_prefer(struct radius_group *g,
				const struct radius_server *s)
{
	unsigned int i;

	for (i = 0; i < g->nservers; i++)
		if (g->servers[i] == s)
			g->current = i;
}

/*
 * A datagram from the server.  Access replies must carry a
 * Message-Authenticator (BlastRADIUS, CVE-2024-3596); every reply is
 * checked against the request it names before it is read.
 */
static void radius_sock_reply(struct radius_sock *rs, const uint8_t *buf,
			      size_t len)
{
	struct radius_server *s = rs->server;
	struct radius_req *r = len >= 2 ? rs->pending[buf[1]] : NULL;
	enum radius_err err;
	uint8_t code;

	if (!r) {
		s->stats[RADIUS_STAT_DROP_UNKNOWN_ID]++;
		return;
	}
	err = radius_check(buf, len, r->auth, s->secret,
			   r->code == RADIUS_ACCESS_REQUEST);
	if (err) {
		s->stats[RADIUS_STAT_DROP + err]++;
		log_warn("RADIUS server %s: reply to request %u dropped: %s",
			 s->name, r->id, radius_err_name(err));
		return;
	}
	code = buf[0];
	if (!radius_reply_fits(r->code, code)) {
		s->stats[RADIUS_STAT_DROP_CODE]++;
		return;
	}
	radius_count_reply(s, code);
	radius_group_prefer(r->group, s);
	r->reply = buf;
	r->reply_len = len;
	radius_req_end(r, 0, code, radius_decode(radius_handle, buf, len));
}

static void radius_sock_recv(struct loop_fd *lf, uint32_t events)
{
	struct radius_sock *rs = container_of(lf, struct radius_sock, lf);
	static uint8_t buf[RADIUS_MAX_LEN];
	ssize_t n;

	(void)events;
	while ((n = recv(lf->fd, buf, sizeof(buf), 0)) >= 0)
		radius_sock_reply(rs, buf, n);
}

static int radius_sock_open(struct radius_sock *rs, struct radius_server *s,
			    bool acct)
{
	struct sockaddr_storage ss = s->addr;
	uint16_t port = htons(acct ? s->acct_port : s->auth_port);
	int fd, ret;

	rs->server = s;
	rs->lf.fn = radius_sock_recv;
	if (ss.ss_family == AF_INET)
		((struct sockaddr_in *)&ss)->sin_port = port;
	else
		((struct sockaddr_in6 *)&ss)->sin6_port = port;
	fd = socket(ss.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
		    0);
	if (fd < 0)
		return -errno;
	if ((s->source.ss_family &&
	     bind(fd, (struct sockaddr *)&s->source, sizeof(s->source))) ||
	    connect(fd, (struct sockaddr *)&ss, sizeof(ss))) {
		ret = -errno;
		close(fd);
		return ret;
	}
	rs->lf.fd = fd;
	ret = loop_add(&rs->lf, EPOLLIN);
	if (ret) {
		close(fd);
		rs->lf.fd = -1;
	}
	return ret;
}

static void radius_sock_close(struct radius_sock *rs)
{
	unsigned int i;

	for (i = 0; i < 256; i++) {
		struct radius_req *r = rs->pending[i];

		if (!r)
			continue;
		/*
		 * The server goes, with its group changed by a reload: the
		 * request starts over on the group as it is now, from the
		 * loop (never within the reload).
		 */
		radius_release(r);
		r->first = r->group->current;
		r->tried = 0;
		timer_set(&r->timer, 0);
	}
	if (rs->lf.fd >= 0) {
		loop_del(&rs->lf);
		close(rs->lf.fd);
	}
	rs->lf.fd = -1;
}

/**
 * radius_server_new - a server with its two sockets
 * @name: its name, for logs and counters
 * @addr: its address (the port is ignored)
 * @source: the address requests leave from (port 0), NULL for the one
 *	the route towards @addr gives
 * @auth_port: authentication port
 * @acct_port: accounting port
 * @secret: the shared secret, at most 128 bytes
 * @timeout_ms: milliseconds to wait for a reply
 * @retransmit: retransmissions before the next server
 *
 * Return: the server, NULL when a socket cannot be made (logged) or
 * memory runs out.
 */
struct radius_server *radius_server_new(const char *name,
					const struct sockaddr_storage *addr,
					const struct sockaddr_storage *source,
					uint16_t auth_port, uint16_t acct_port,
					const char *secret,
					unsigned int timeout_ms,
					unsigned int retransmit)
{
	struct radius_server *s = calloc(1, sizeof(*s));
	int ret;

	if (!s || strlen(secret) >= sizeof(s->secret)) {
		free(s);
		return NULL;
	}
	snprintf(s->name, sizeof(s->name), "%s", name);
	s->addr = *addr;
	if (source)
		s->source = *source;
	s->auth_port = auth_port;
	s->acct_port = acct_port;
	strcpy(s->secret, secret);
	s->timeout_ms = timeout_ms;
	s->retransmit = retransmit;
	s->auth.lf.fd = -1;
	s->acct.lf.fd = -1;
	ret = radius_sock_open(&s->auth, s, false);
	if (!ret)
		ret = radius_sock_open(&s->acct, s, true);
	if (ret) {
		log_err("RADIUS server %s: no socket to %s: %s", name,
			sock_addr_str(addr), strerror(-ret));
		radius_server_free(s);
		return NULL;
	}
	return s;
}

/**
 * radius_server_free - close a server's sockets and free it
 * @s: the server, or NULL
 *
 * Requests waiting for it go on to their group's next server; the
 * caller has taken @s out of every group before.
 */
void radius_server_free(struct radius_server *s)
{
	if (!s)
		return;
	radius_sock_close(&s->auth);
	radius_sock_close(&s->acct);
	OPENSSL_cleanse(s->secret, sizeof(s->secret));
	free(s);
}

/* RFC 2866 §5.2: the seconds the record has waited so far */
static int radius_delay_time(struct radius_req *r)
{
	uint32_t delay = (loop_now() - r->created + r->age) / 1000;
	VALUE_PAIR *vp = rc_avpair_get(r->vps, PW_ACCT_DELAY_TIME, 0);

	if (vp)
		return rc_avpair_assign(vp, &delay, 0) ? -EINVAL : 0;
	return rc_avpair_add(radius_handle, &r->vps, PW_ACCT_DELAY_TIME,
			     &delay, 0, 0) ? 0 : -ENOMEM;
}

/* a free Identifier on @rs for @r */
static int radius_take_id(struct radius_sock *rs, struct radius_req *r)
{
	unsigned int i;

	for (i = 0; i < 256; i++) {
		uint8_t id = rs->next_id + i;

		if (rs->pending[id])
			continue;
		rs->pending[id] = r;
		rs->next_id = id + 1;
		r->id = id;
		r->sock = rs;
		return 0;
	}
	return -EBUSY;
}

static void radius_transmit(struct radius_req *r)
{
	struct radius_server *s = r->server;

	if (r->tries++)
		s->stats[RADIUS_STAT_RETRANSMITS]++;
	else
		s->stats[RADIUS_STAT_REQUESTS]++;
	if (send(r->sock->lf.fd, r->pkt.data, r->pkt.len, 0) < 0)
		log_warn("RADIUS server %s: send: %s", s->name,
			 strerror(errno));
	timer_set(&r->timer, s->timeout_ms);
}

/* the request, encoded for @s, sent to it */
static int radius_req_to(struct radius_req *r, struct radius_server *s)
{
	bool acct = r->code == RADIUS_ACCOUNTING_REQUEST;
	struct radius_sock *rs = acct ? &s->acct : &s->auth;
	int ret;

	if (rs->lf.fd < 0)
		return -ENOTCONN;
	ret = acct ? radius_delay_time(r) : 0;
	if (!ret)
		ret = radius_take_id(rs, r);
	if (ret)
		return ret;
	r->server = s;
	r->tries = 0;
	if (r->code == RADIUS_ACCESS_REQUEST &&
	    RAND_bytes(r->auth, sizeof(r->auth)) != 1)
		ret = -EIO;
	if (!ret)
		ret = radius_encode(&r->pkt, r->code, r->id,
				    acct ? NULL : r->auth, r->vps, s->secret,
				    true);
	if (ret) {
		radius_release(r);
		return ret;
	}
	/* what the reply's Response Authenticator is made over */
	memcpy(r->auth, r->pkt.data + 4, RADIUS_AUTH_LEN);
	radius_transmit(r);
	return 0;
}

/*
 * The group's servers in turn, from the one preferred when the request
 * began, until one can be sent to: 0, or the last server's error
 * (-ENOENT when every server was tried).
 */
static int radius_req_try(struct radius_req *r)
{
	struct radius_group *g = r->group;
	int ret = -ENOENT;

	while (r->tried < g->nservers) {
		struct radius_server *s =
			g->servers[(r->first + r->tried++) % g->nservers];

		ret = radius_req_to(r, s);
		if (!ret)
			return 0;
		log_warn("RADIUS server %s: cannot send: %s", s->name,
			 strerror(-ret));
	}
	return ret;
}

/* the next server, or the end: no server answered */
static void radius_req_next(struct radius_req *r)
{
	int ret = radius_req_try(r);

	if (ret)
		radius_req_end(r, ret == -ENOENT ? -ETIMEDOUT : ret, 0, NULL);
}

static void radius_req_timer(struct timer *t)
{
	struct radius_req *r = container_of(t, struct radius_req, timer);
	struct radius_server *s = r->server;

	if (!s) {
		/* its server went (radius_sock_close()) */
		radius_req_next(r);
		return;
	}
	if (r->tries <= s->retransmit) {
		radius_transmit(r);
		return;
	}
	s->stats[RADIUS_STAT_TIMEOUTS]++;
	log_warn("RADIUS server %s: no reply to %s %u after %u tries",
		 s->name, radius_code_name(r->code), r->id, r->tries);
	radius_release(r);
	radius_req_next(r);
}

static void radius_req_free(struct radius_req *r)
{
	timer_del(&r->timer);
	radius_release(r);
	rc_avpair_free(r->vps);
	/* an Access-Request carries the hidden User-Password */
	OPENSSL_cleanse(&r->pkt, sizeof(r->pkt));
	free(r);
}

static void radius_req_end(struct radius_req *r, int err, uint8_t code,
			   VALUE_PAIR *reply)
{
	r->done(r, err, code, reply, r->arg);
	rc_avpair_free(reply);
	radius_req_free(r);
}

/**
 * radius_req_send - send a request to a group's servers
 * @g: the group, with at least one server
 * @code: RADIUS_ACCESS_REQUEST or RADIUS_ACCOUNTING_REQUEST
 * @vps: its attributes; the request owns them from now on, also when
 *	this fails.  An Accounting-Request gets its Acct-Delay-Time set
 *	for each server it goes to.
 * @done: called once at the end, never from within this call
 * @arg: @done's argument
 *
 * Each server gets the request, its retransmit count more times after
 * its timeout each, before the next server of @g; the one that answers
 * is asked first from then on.
 *
 * Return: the request (radius_req_cancel() ends it without @done), NULL
 * when memory runs out or no server of @g can be sent to (@done is not
 * called then).
 */
struct radius_req *radius_req_send(struct radius_group *g, uint8_t code,
				   VALUE_PAIR *vps, radius_done_fn done,
				   void *arg)
{
	return radius_req_send_aged(g, code, vps, 0, done, arg);
}

/**
 * radius_req_send_aged - send a request made earlier
 * @g: as radius_req_send()
 * @code: as radius_req_send()
 * @vps: as radius_req_send()
 * @age: milliseconds since the request was made (an accounting record
 *	from the spool, made before a restart perhaps): its
 *	Acct-Delay-Time counts them too (RFC 2866 §5.2)
 * @done: as radius_req_send()
 * @arg: as radius_req_send()
 *
 * Return: as radius_req_send().
 */
struct radius_req *radius_req_send_aged(struct radius_group *g, uint8_t code,
					VALUE_PAIR *vps, uint64_t age,
					radius_done_fn done, void *arg)
{
	struct radius_req *r = calloc(1, sizeof(*r));
	int ret;

	if (!r) {
		rc_avpair_free(vps);
		return NULL;
	}
	r->group = g;
	r->code = code;
	r->vps = vps;
	r->created = loop_now();
	r->age = age;
	r->first = g->current;
	r->done = done;
	r->arg = arg;
	timer_init(&r->timer, radius_req_timer);
	ret = radius_req_try(r);
	if (!ret)
		return r;
	log_warn("RADIUS group %s: no server to send to: %s", g->name,
		 strerror(-ret));
	radius_req_free(r);
	return NULL;
}

/**
 * radius_req_cancel - end a request without its done function
 * @r: the request, or NULL
 *
 * A reply that arrives later is dropped as one nobody waits for.
 */
void radius_req_cancel(struct radius_req *r)
{
	if (r)
		radius_req_free(r);
}
