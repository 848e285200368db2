// SPDX-License-Identifier: GPL-2.0-only
/*
 * Receive path (RFC 7296 §2.1-§2.3): check the header, find the IKE SA
 * by our SPI, resend the cached response to a retransmitted request,
 * verify and decrypt the SK payload (§3.14), and hand a request to its
 * exchange and a response to the request of ours it answers (the
 * unprotected response to our IKE_SA_INIT to ike_initiator.c).  Whatever
 * is dropped is counted.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ike.h"
#include "log.h"
#include "session.h"
#include "stats.h"

/* parsing one message at a time: the parsed form is large */
static struct ikev2_msg ikev2_msg;

static void ike_put_header(struct ike_msg *m, uint64_t spi_i, uint64_t spi_r,
			   uint8_t exchange, uint32_t msgid, uint8_t flags)
{
	struct ikev2_header h = {
		.ispi = spi_i,
		.rspi = spi_r,
		.exchange = exchange,
		.flags = flags,
		.msgid = msgid,
	};

	m->msgid = msgid;
	ikev2_writer_init(&m->w, m->buf, IKEV2_MSG_MAX, &h);
}

static uint8_t ike_flags(const struct ike_sa *sa, bool response)
{
	return (sa->initiator ? IKEV2_FLAG_INITIATOR : 0) |
	       (response ? IKEV2_FLAG_RESPONSE : 0);
}

/**
 * ike_msg_response - begin the protected response to a request
 * @m: the message
 * @sa: the IKE SA whose keys protect it
 * @req: the request's header
 *
 * Payloads put after this go inside the SK payload.
 */
void ike_msg_response(struct ike_msg *m, struct ike_sa *sa,
		      const struct ikev2_header *req)
{
	m->sa = sa;
	m->response = true;
	m->plain = false;
	ike_put_header(m, sa->spi_i, sa->spi_r, req->exchange, req->msgid,
		       ike_flags(sa, true));
	ikev2_put_sk(&m->w, sa->encr->iv_len);
}

/**
 * ike_msg_request - begin a protected request of ours, with the next
 *	message ID of the IKE SA
 * @m: the message
 * @sa: the IKE SA
 * @exchange: enum ikev2_exchange
 */
void ike_msg_request(struct ike_msg *m, struct ike_sa *sa, uint8_t exchange)
{
	m->sa = sa;
	m->response = false;
	m->plain = false;
	ike_put_header(m, sa->spi_i, sa->spi_r, exchange, sa->tx_msgid,
		       ike_flags(sa, false));
	ikev2_put_sk(&m->w, sa->encr->iv_len);
}

/**
 * ike_msg_init_request - begin our IKE_SA_INIT request: unprotected,
 *	message ID 0, the responder's SPI still 0 (§1.2)
 * @m: the message
 * @sa: the IKE SA we initiate
 */
void ike_msg_init_request(struct ike_msg *m, struct ike_sa *sa)
{
	m->sa = sa;
	m->response = false;
	m->plain = true;
	ike_put_header(m, sa->spi_i, 0, IKEV2_EXCH_IKE_SA_INIT, 0,
		       IKEV2_FLAG_INITIATOR);
}

/* the window slot of a message ID, and the lowest one still unanswered */
static void ike_resp_advance(struct ike_sa *sa)
{
	struct ike_resp *r;

	for (;;) {
		r = &sa->resp[sa->rx_msgid % sa->window];
		if (!r->buf || r->msgid != sa->rx_msgid)
			return;
		sa->rx_msgid++;
	}
}

/**
 * ike_resp_keep - keep a response for retransmitted requests (§2.1)
 * @sa: the IKE SA
 * @msgid: the message ID it answers
 * @buf: the response as sent
 * @len: its length in bytes
 *
 * It replaces the response @sa->window message IDs older, and the
 * lowest unanswered message ID moves past every answered one.
 *
 * Return: 0 or -ENOMEM.
 */
int ike_resp_keep(struct ike_sa *sa, uint32_t msgid, const uint8_t *buf,
		  size_t len)
{
	struct ike_resp *r = &sa->resp[msgid % sa->window];
	uint8_t *copy = malloc(len);

	if (!copy)
		return -ENOMEM;
	memcpy(copy, buf, len);
	free(r->buf);
	r->buf = copy;
	r->len = len;
	r->msgid = msgid;
	ike_resp_advance(sa);
	return 0;
}

static int ike_msg_seal(struct ike_msg *m, size_t *len)
{
	size_t sk_off, plain_len;
	int ret;

	ret = ikev2_writer_sk_end(&m->w, &sk_off, &plain_len);
	if (!ret)
		ret = crypto_sk_seal(&m->sa->sk_out, m->buf, sk_off, plain_len,
				     sizeof(m->buf), len);
	if (ret)
		log_err("IKE SA %u: cannot build a message: %s", m->sa->id,
			strerror(-ret));
	return ret;
}

/* our IKE_SA_INIT: kept for retransmission and for AUTH (§2.15) */
static int ike_msg_send_init(struct ike_msg *m)
{
	struct ike_sa *sa = m->sa;
	int len = ikev2_writer_finish(&m->w), ret;

	if (len < 0)
		return len;
	ret = ike_sa_keep(&sa->req, &sa->req_len, m->buf, len);
	if (!ret)
		ret = ike_sa_keep(&sa->init_req, &sa->init_req_len, m->buf,
				  len);
	if (ret)
		return ret;
	sock_send(sa->sock, &sa->local, &sa->remote, m->buf, len);
	return 0;
}

/**
 * ike_msg_send - protect a message and send it to the IKE SA's peer
 * @m: the message, begun with ike_msg_response(), ike_msg_request() or
 *	ike_msg_init_request()
 *
 * A response is kept for retransmitted requests; a request is kept for
 * retransmission (ike_task.c) and takes the next message ID of ours.
 * Our IKE_SA_INIT is sent unprotected, with message ID 0 whatever the
 * times it is sent again (with a cookie, or another KE group).
 *
 * Return: 0 or a negative errno.
 */
int ike_msg_send(struct ike_msg *m)
{
	struct ike_sa *sa = m->sa;
	size_t len;
	int ret;

	if (m->plain && !m->response)
		return ike_msg_send_init(m);
	ret = ike_msg_seal(m, &len);
	if (ret)
		return ret;
	if (m->response)
		ret = ike_resp_keep(sa, m->msgid, m->buf, len);
	else
		ret = ike_sa_keep(&sa->req, &sa->req_len, m->buf, len);
	if (ret)
		return ret;
	if (!m->response)
		sa->tx_msgid++;
	/* a failed send is counted; a request is retransmitted anyway */
	sock_send(sa->sock, &sa->local, &sa->remote, m->buf, len);
	return 0;
}

/**
 * ike_msg_plain_response - begin an unprotected IKE_SA_INIT response
 * @m: the message
 * @req: the request's header
 * @spi_r: our SPI, 0 in an error response that creates no IKE SA
 */
void ike_msg_plain_response(struct ike_msg *m,
			    const struct ikev2_header *req, uint64_t spi_r)
{
	m->sa = NULL;
	m->response = true;
	m->plain = true;
	ike_put_header(m, req->ispi, spi_r, req->exchange, req->msgid,
		       IKEV2_FLAG_RESPONSE);
}

/**
 * ike_msg_send_plain - send an unprotected response where the request
 *	came from
 * @m: the message, begun with ike_msg_plain_response()
 * @d: the request
 *
 * Return: the length of the message, or a negative errno.
 */
int ike_msg_send_plain(struct ike_msg *m, const struct ike_dgram *d)
{
	int len = ikev2_writer_finish(&m->w);

	if (len < 0)
		return len;
	sock_send(d->sock, &d->local, &d->remote, m->buf, len);
	return len;
}

/**
 * ike_nonce_min - the lower of the two nonces of an exchange, compared
 *	as numbers (RFC 7296 §2.8.1: simultaneous rekeys)
 * @ni: one nonce
 * @ni_len: its length in bytes
 * @nr: the other
 * @nr_len: its length
 * @len: receives the length of the one returned
 *
 * Return: @ni or @nr.
 */
const uint8_t *ike_nonce_min(const uint8_t *ni, size_t ni_len,
			     const uint8_t *nr, size_t nr_len, size_t *len)
{
	bool first = ike_nonce_cmp(ni, ni_len, nr, nr_len) <= 0;

	*len = first ? ni_len : nr_len;
	return first ? ni : nr;
}

/**
 * ike_nonce_cmp - compare two nonces as big-endian numbers of their
 *	bytes, the shorter one first on a common prefix
 * @a: one nonce
 * @alen: its length in bytes
 * @b: the other
 * @blen: its length
 *
 * Return: <0, 0 or >0 as memcmp().
 */
int ike_nonce_cmp(const uint8_t *a, size_t alen, const uint8_t *b,
		  size_t blen)
{
	int c = memcmp(a, b, alen < blen ? alen : blen);

	if (c)
		return c;
	return alen < blen ? -1 : alen > blen;
}

/**
 * ike_msg_error - the error a response reports
 * @resp: the response
 *
 * Return: the type of its first error notification (below 16384,
 * §3.10.1), or 0 when it has none.
 */
uint16_t ike_msg_error(const struct ikev2_msg *resp)
{
	unsigned int i;

	for (i = 0; i < resp->nnotify; i++)
		if (resp->notify[i].type < IKEV2_N_INITIAL_CONTACT)
			return resp->notify[i].type;
	return 0;
}

/*
 * The peer's requests may be up to ->window ahead of the lowest one not
 * yet answered (§2.3); one already answered gets its response again.
 */
static bool ike_window_accept(struct ike_sa *sa, uint32_t msgid)
{
	struct ike_resp *r = &sa->resp[msgid % sa->window];

	if (r->buf && r->msgid == msgid) {
		stats_inc(STAT_RX_RETRANSMIT);
		sock_send(sa->sock, &sa->local, &sa->remote, r->buf, r->len);
		return false;
	}
	if (msgid - sa->rx_msgid >= sa->window) {
		stats_inc(STAT_RX_OUTSIDE_WINDOW);
		return false;
	}
	return true;
}

/**
 * ike_peer_seen - an authentic message came from the peer: it is alive,
 *	and it may have moved (behind a NAT whose mapping changed, §2.23)
 * @sa: the IKE SA
 * @d: the message
 *
 * Replies go where the last authentic message came from.  Before
 * IKE_AUTH is done the peer's switch to port 4500 is no move.
 */
void ike_peer_seen(struct ike_sa *sa, const struct ike_dgram *d)
{
	char from[SOCK_ADDR_STRLEN];
	bool moved = !sock_addr_equal(&sa->remote, &d->remote, true);

	sa->live.last_rx = loop_now();
	sa->sock = d->sock;
	sa->local = d->local;
	if (moved && sa->state != IKE_SA_HALF_OPEN) {
		snprintf(from, sizeof(from), "%s", sock_addr_str(&sa->remote));
		log_info("IKE SA %u: peer moved from %s to %s", sa->id, from,
			 sock_addr_str(&d->remote));
		stats_inc(STAT_PEER_MOVED);
	}
	sa->remote = d->remote;
	if (moved && sa->session)
		session_peer_moved(sa->session, sa);
}

static int ikev2_open(struct ike_sa *sa, struct ike_dgram *d,
		      struct ikev2_msg *msg)
{
	size_t off, len;
	int ret;

	if (!ikev2_msg_has(msg, IKEV2_PL_SK)) {
		stats_inc(STAT_RX_MALFORMED);
		return -EBADMSG;
	}
	if (crypto_sk_open(&sa->sk_in, d->buf, d->len, msg->sk.off, &off,
			   &len)) {
		stats_inc(STAT_RX_ICV_FAILED);
		return -EBADMSG;
	}
	d->inner = d->buf + off;
	d->inner_len = len;
	ret = ikev2_msg_parse_inner(msg, d->inner, len, msg->sk.first);
	if (ret && ret != -EOPNOTSUPP) {
		stats_inc(STAT_RX_MALFORMED);
		return ret;
	}
	ike_peer_seen(sa, d);
	return ret;
}

static void ikev2_unsupported_critical(struct ike_sa *sa,
				       struct ikev2_msg *req)
{
	struct ike_msg msg, *m = &msg;
	uint8_t type = req->unsupported_critical;

	stats_inc(STAT_CRITICAL);
	ike_msg_response(m, sa, &req->hdr);
	ikev2_put_notify(&m->w, 0, NULL, 0,
			 IKEV2_N_UNSUPPORTED_CRITICAL_PAYLOAD, &type, 1);
	ike_msg_send(m);
}

static void ikev2_init_unsupported_critical(struct ike_dgram *d,
					    struct ikev2_msg *req)
{
	struct ike_msg msg, *m = &msg;
	uint8_t type = req->unsupported_critical;

	stats_inc(STAT_CRITICAL);
	ike_msg_plain_response(m, &req->hdr, 0);
	ikev2_put_notify(&m->w, 0, NULL, 0,
			 IKEV2_N_UNSUPPORTED_CRITICAL_PAYLOAD, &type, 1);
	ike_msg_send_plain(m, d);
}

static void ikev2_request(struct ike_sa *sa, struct ike_dgram *d,
			  struct ikev2_msg *req)
{
	int ret;

	if (!ike_window_accept(sa, req->hdr.msgid))
		return;
	ret = ikev2_open(sa, d, req);
	if (ret == -EOPNOTSUPP) {
		ikev2_unsupported_critical(sa, req);
		return;
	}
	if (ret)
		return;
	switch (req->hdr.exchange) {
	case IKEV2_EXCH_IKE_AUTH:
		/* EAP takes several, in sequence (ike_window_accept()) */
		if (sa->state == IKE_SA_HALF_OPEN && !sa->initiator &&
		    (req->hdr.msgid == 1 || sa->eap)) {
			ike_auth_request(sa, d, req);
			return;
		}
		break;
	case IKEV2_EXCH_INFORMATIONAL:
		if (sa->state != IKE_SA_HALF_OPEN) {
			ike_info_request(sa, req);
			return;
		}
		break;
	case IKEV2_EXCH_CREATE_CHILD_SA:
		if (sa->state != IKE_SA_HALF_OPEN) {
			ike_child_request(sa, req);
			return;
		}
		break;
	}
	stats_inc(STAT_RX_UNEXPECTED);
}

static void ikev2_response(struct ike_sa *sa, struct ike_dgram *d,
			   struct ikev2_msg *resp)
{
	if (!sa->task || resp->hdr.msgid + 1 != sa->tx_msgid ||
	    resp->hdr.exchange != sa->task->ops->exchange) {
		stats_inc(STAT_RX_RESPONSE);
		return;
	}
	if (ikev2_open(sa, d, resp) == -EBADMSG)
		return;
	/* an unknown critical payload in a response: the request failed */
	ike_task_response(sa, d, resp);
}

/**
 * ikev2_recv - handle a received IKE message
 * @d: the message and its addresses
 */
void ikev2_recv(struct ike_dgram *d)
{
	struct ikev2_msg *msg = &ikev2_msg;
	bool from_initiator;
	struct ike_sa *sa;
	int ret;

	stats_inc(STAT_RX);
	ret = ikev2_msg_parse(d->buf, d->len, msg);
	if (ret && ret != -EOPNOTSUPP) {
		stats_inc(STAT_RX_MALFORMED);
		return;
	}
	from_initiator = msg->hdr.flags & IKEV2_FLAG_INITIATOR;
	if (msg->hdr.exchange == IKEV2_EXCH_IKE_SA_INIT &&
	    !(msg->hdr.flags & IKEV2_FLAG_RESPONSE)) {
		if (!from_initiator || msg->hdr.rspi || msg->hdr.msgid) {
			stats_inc(STAT_RX_UNEXPECTED);
			return;
		}
		if (ret)
			ikev2_init_unsupported_critical(d, msg);
		else
			ike_init_request(d, msg);
		return;
	}
	if (msg->hdr.exchange == IKEV2_EXCH_IKE_SA_INIT) {
		/* a response to ours: our SPI is the initiator's, the
		 * responder's is new to us */
		sa = ike_sa_find(msg->hdr.ispi, 0);
		if (!sa || !sa->initiator || from_initiator) {
			stats_inc(STAT_RX_UNKNOWN_SPI);
			return;
		}
		if (ret)
			stats_inc(STAT_RX_MALFORMED);
		else
			ike_init_response(sa, d, msg);
		return;
	}
	if (ret && !ikev2_msg_has(msg, IKEV2_PL_SK)) {
		/* an unknown critical payload outside SK: unauthenticated */
		stats_inc(STAT_RX_MALFORMED);
		return;
	}
	/* our SPI is the responder's when the sender is the initiator */
	sa = from_initiator ? ike_sa_find(msg->hdr.rspi, msg->hdr.ispi) :
			      ike_sa_find(msg->hdr.ispi, msg->hdr.rspi);
	if (!sa || sa->initiator == from_initiator) {
		stats_inc(STAT_RX_UNKNOWN_SPI);
		return;
	}
	if (msg->hdr.flags & IKEV2_FLAG_RESPONSE)
		ikev2_response(sa, d, msg);
	else
		ikev2_request(sa, d, msg);
}
