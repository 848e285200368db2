// SPDX-License-Identifier: GPL-2.0-only
/*
 * Receive path of the responder (RFC 7296 §2.1-§2.3): check the header,
 * find the IKE SA, resend the cached response to a retransmitted
 * request, verify and decrypt the SK payload (§3.14), and hand the
 * request to its exchange.  Whatever is dropped is counted.
 */
#include <errno.h>
#include <string.h>

#include "ike.h"
#include "log.h"
#include "stats.h"

/* parsing one message at a time: the parsed form is large */
static struct ikev2_msg ikev2_req;

static void ikev2_put_header(struct ikev2_writer *w, uint8_t *buf,
			     const struct ikev2_header *req, uint64_t spi_r)
{
	struct ikev2_header h = {
		.ispi = req->ispi,
		.rspi = spi_r,
		.exchange = req->exchange,
		.flags = IKEV2_FLAG_RESPONSE,
		.msgid = req->msgid,
	};

	ikev2_writer_init(w, buf, IKEV2_MSG_MAX, &h);
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
	ikev2_put_header(&m->w, m->buf, req, sa->spi_r);
	ikev2_put_sk(&m->w, sa->encr->iv_len);
}

/**
 * ike_msg_send - protect a response, keep it for retransmitted requests
 *	and send it to the IKE SA's peer
 * @m: the message, begun with ike_msg_response()
 *
 * Return: 0 or a negative errno.
 */
int ike_msg_send(struct ike_msg *m)
{
	struct ike_sa *sa = m->sa;
	size_t sk_off, plain_len, len;
	int ret;

	ret = ikev2_writer_sk_end(&m->w, &sk_off, &plain_len);
	if (!ret)
		ret = crypto_sk_seal(&sa->sk_out, m->buf, sk_off, plain_len,
				     sizeof(m->buf), &len);
	if (!ret)
		ret = ike_sa_keep(&sa->resp, &sa->resp_len, m->buf, len);
	if (ret) {
		log_err("IKE SA %u: cannot build a response: %s", sa->id,
			strerror(-ret));
		return ret;
	}
	return sock_send(sa->sock, &sa->local, &sa->remote, sa->resp,
			 sa->resp_len);
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
	ikev2_put_header(&m->w, m->buf, req, spi_r);
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

/* a request with the message ID of our last response: send it again */
static bool ikev2_retransmit(struct ike_sa *sa, const struct ikev2_header *h)
{
	if (!sa->resp || h->msgid + 1 != sa->next_msgid)
		return false;
	stats_inc(STAT_RX_RETRANSMIT);
	sock_send(sa->sock, &sa->local, &sa->remote, sa->resp, sa->resp_len);
	return true;
}

static int ikev2_open(struct ike_sa *sa, struct ike_dgram *d,
		      struct ikev2_msg *req)
{
	size_t off, len;
	int ret;

	if (!ikev2_msg_has(req, IKEV2_PL_SK)) {
		stats_inc(STAT_RX_MALFORMED);
		return -EBADMSG;
	}
	if (crypto_sk_open(&sa->sk_in, d->buf, d->len, req->sk.off, &off,
			   &len)) {
		stats_inc(STAT_RX_ICV_FAILED);
		return -EBADMSG;
	}
	ret = ikev2_msg_parse_inner(req, d->buf + off, len, req->sk.first);
	if (ret && ret != -EOPNOTSUPP) {
		stats_inc(STAT_RX_MALFORMED);
		return ret;
	}
	/* authentic: the peer may have moved, behind a NAT (§2.23) */
	sa->sock = d->sock;
	sa->local = d->local;
	sa->remote = d->remote;
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
	sa->next_msgid++;
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

	if (req->hdr.msgid != sa->next_msgid) {
		if (!ikev2_retransmit(sa, &req->hdr))
			stats_inc(STAT_RX_UNEXPECTED);
		return;
	}
	ret = ikev2_open(sa, d, req);
	if (ret == -EOPNOTSUPP) {
		ikev2_unsupported_critical(sa, req);
		return;
	}
	if (ret)
		return;
	switch (req->hdr.exchange) {
	case IKEV2_EXCH_IKE_AUTH:
		if (sa->state == IKE_SA_HALF_OPEN) {
			ike_auth_request(sa, d, req);
			return;
		}
		break;
	case IKEV2_EXCH_INFORMATIONAL:
	case IKEV2_EXCH_CREATE_CHILD_SA:
		if (sa->state == IKE_SA_ESTABLISHED) {
			ike_info_request(sa, req);
			return;
		}
		break;
	}
	stats_inc(STAT_RX_UNEXPECTED);
}

/**
 * ikev2_recv - handle a received IKE message
 * @d: the message and its addresses
 */
void ikev2_recv(struct ike_dgram *d)
{
	struct ikev2_msg *req = &ikev2_req;
	struct ike_sa *sa;
	int ret;

	stats_inc(STAT_RX);
	ret = ikev2_msg_parse(d->buf, d->len, req);
	if (ret && ret != -EOPNOTSUPP) {
		stats_inc(STAT_RX_MALFORMED);
		return;
	}
	if (req->hdr.flags & IKEV2_FLAG_RESPONSE) {
		stats_inc(STAT_RX_RESPONSE);
		return;
	}
	if (!(req->hdr.flags & IKEV2_FLAG_INITIATOR)) {
		/* we never initiate yet: no request may come from a responder */
		stats_inc(STAT_RX_UNEXPECTED);
		return;
	}
	if (req->hdr.exchange == IKEV2_EXCH_IKE_SA_INIT) {
		if (req->hdr.rspi || req->hdr.msgid) {
			stats_inc(STAT_RX_UNEXPECTED);
			return;
		}
		if (ret)
			ikev2_init_unsupported_critical(d, req);
		else
			ike_init_request(d, req);
		return;
	}
	if (ret) {
		/* an unknown critical payload outside SK: unauthenticated */
		stats_inc(STAT_RX_MALFORMED);
		return;
	}
	sa = ike_sa_find(req->hdr.ispi, req->hdr.rspi);
	if (!sa) {
		stats_inc(STAT_RX_UNKNOWN_SPI);
		return;
	}
	ikev2_request(sa, d, req);
}
