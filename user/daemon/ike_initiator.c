// SPDX-License-Identifier: GPL-2.0-only
/*
 * Connections we initiate (RFC 7296 §1.2, §2.6, §2.7, §2.23): a
 * connection is an IKE SA of ours with its CHILD_SA and session, kept up.
 * This file runs its life and its IKE_SA_INIT; IKE_AUTH and the CHILD_SA
 * are in ike_initiator_auth.c.  The static tunnel interfaces (tunnel.c)
 * make one connection each; the same interface serves any other owner
 * that wants many (a load generator).
 *
 * An attempt creates an IKE SA (our SPI, the responder's still 0) and
 * sends IKE_SA_INIT: one IKE proposal per proposal of the policy matching
 * our address (two when it mixes AEAD and other ciphers, RFC 5282 §8),
 * the KE payload of the first group, a nonce and the NAT detection
 * hashes.  A COOKIE answer is followed by the same request with the
 * cookie first, an INVALID_KE_PAYLOAD by the request with the group
 * asked for, when we offered it; a few times at most.  The response's
 * proposal must be one we offered, its KE of our group.  The keys follow
 * (§2.14), and with a NAT on the way the IKE SA moves to port 4500
 * (§2.23) before IKE_AUTH.
 *
 * A failed attempt is tried again IKE_CONN_RETRY_MS later, the wait
 * doubling up to IKE_CONN_RETRY_MAX_MS; a session that goes (the peer's
 * Delete, a dead peer, a lifetime without rekey, an operator's clear)
 * is brought up again IKE_CONN_RESTART_MS later.  At "crypto ikev2 limit
 * max-in-negotiation-sa N outgoing" half-open IKE SAs of ours, the
 * attempt waits.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "../lib/cfg.h"
#include "../lib/dh.h"
#include "flexvtid.h"
#include "ike.h"
#include "log.h"
#include "route.h"
#include "session.h"
#include "stats.h"

#define INIT_NONCE_LEN		32
/* COOKIE and INVALID_KE_PAYLOAD answers followed in one attempt */
#define INIT_RETRIES_MAX	4
#define INIT_COOKIE_MAX		64	/* §3.10.1: 1 to 64 bytes */

/**
 * struct init_task - our IKE_SA_INIT request
 * @t: the task
 * @prop: the IKE proposals we offer
 * @nprop: entries of @prop
 * @group: the group of our KE payload
 * @dh: our Diffie-Hellman key of @group
 * @cookie: the responder's cookie to return, @cookie_len bytes
 * @cookie_len: 0 when none
 * @retries: COOKIE and INVALID_KE_PAYLOAD answers followed so far
 */
struct init_task {
	struct ike_task t;
	struct ikev2_proposal prop[IKEV2_MAX_PROPOSALS];
	unsigned int nprop;
	uint16_t group;
	struct dh *dh;
	uint8_t cookie[INIT_COOKIE_MAX];
	size_t cookie_len;
	unsigned int retries;
};

static const struct ike_task_ops init_ops;

static void conn_set_port(struct sockaddr_storage *ss, uint16_t port)
{
	if (ss->ss_family == AF_INET)
		((struct sockaddr_in *)ss)->sin_port = htons(port);
	else
		((struct sockaddr_in6 *)ss)->sin6_port = htons(port);
}

static void conn_timer(struct timer *t);

/**
 * ike_conn_new - a connection, not started
 * @cfg: what it connects; copied
 * @ops: its owner's callbacks
 * @priv: its owner's, in ->priv
 *
 * Return: the connection, or NULL without memory.
 */
struct ike_conn *ike_conn_new(const struct ike_conn_cfg *cfg,
			      const struct ike_conn_ops *ops, void *priv)
{
	struct ike_conn *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->cfg = *cfg;
	conn_set_port(&c->cfg.remote, IKEV2_PORT);
	c->ops = ops;
	c->priv = priv;
	c->backoff_ms = IKE_CONN_RETRY_MS;
	timer_init(&c->timer, conn_timer);
	return c;
}

/**
 * ike_conn_free - end a connection: its IKE SA is deleted (the peer is
 *	told once IKE_SA_INIT gave the keys) and its session goes
 * @c: the connection
 * @why: for the log
 */
void ike_conn_free(struct ike_conn *c, const char *why)
{
	struct ike_sa *sa = c->sa;

	timer_del(&c->timer);
	if (sa) {
		sa->conn = NULL;
		/* keys made, IKE_AUTH under way: the responder may be done */
		if (sa->encr)
			ike_delete_notify(sa);
		ike_sa_free(sa, why);
	}
	if (c->session) {
		c->session->conn = NULL;
		ike_delete_start(c->session->ike, why);
	}
	free(c);
}

/* the next attempt @ms from now, when the connection wants one */
static void conn_retry(struct ike_conn *c, uint64_t ms)
{
	c->state = IKE_CONN_IDLE;
	if (c->cfg.reconnect)
		timer_set(&c->timer, ms);
}

/**
 * ike_conn_failed - an attempt of a connection failed: tried again later
 * @c: the connection, whose IKE SA is gone or going
 * @why: for the log and its owner
 */
void ike_conn_failed(struct ike_conn *c, const char *why)
{
	uint64_t wait = c->backoff_ms;

	stats_inc(STAT_INIT_FAILED);
	c->failures++;
	c->sa = NULL;
	c->backoff_ms = c->backoff_ms * 2 > IKE_CONN_RETRY_MAX_MS ?
			IKE_CONN_RETRY_MAX_MS : c->backoff_ms * 2;
	log_warn("%s: connection to %s failed: %s%s", c->cfg.name,
		 sock_addr_str(&c->cfg.remote), why,
		 c->cfg.reconnect ? ", trying again later" : "");
	conn_retry(c, ike_jitter(wait * 10 / 9));
	if (c->ops->down)
		c->ops->down(c, why);
}

/**
 * ike_conn_up - a connection's IKE SA and session are up
 * @c: the connection
 * @sa: its IKE SA, established
 * @s: its session, set up
 */
void ike_conn_up(struct ike_conn *c, struct ike_sa *sa, struct session *s)
{
	sa->conn = NULL;
	c->sa = NULL;
	c->session = s;
	s->conn = c;
	c->state = IKE_CONN_UP;
	c->failures = 0;
	c->backoff_ms = IKE_CONN_RETRY_MS;
	stats_inc(STAT_INIT_UP);
}

/**
 * ike_conn_sa_gone - the IKE SA a connection was negotiating is gone
 * @c: the connection
 * @why: the reason it went
 */
void ike_conn_sa_gone(struct ike_conn *c, const char *why)
{
	ike_conn_failed(c, why);
}

/**
 * ike_conn_session_gone - the session of a connection is gone (and its
 *	IKE SA is going): bring it up again soon
 * @c: the connection
 */
void ike_conn_session_gone(struct ike_conn *c)
{
	c->session = NULL;
	log_info("%s: session with %s ended%s", c->cfg.name,
		 sock_addr_str(&c->cfg.remote),
		 c->cfg.reconnect ? ", connecting again" : "");
	conn_retry(c, IKE_CONN_RESTART_MS);
	if (c->ops->down)
		c->ops->down(c, "session ended");
}

/* our address towards the peer: configured, of the source interface, or
 * the one the routing table picks (a connected UDP socket tells it) */
static int conn_local(const struct ike_conn *c, struct sockaddr_storage *local)
{
	struct route_addr ra;
	socklen_t len = sizeof(*local);
	int fd, ret = 0;

	if (c->cfg.local.ss_family) {
		*local = c->cfg.local;
	} else if (c->cfg.source_if[0]) {
		ret = route_ifaddr(c->cfg.source_if, c->cfg.remote.ss_family,
				   &ra);
		if (ret)
			return ret;
		memset(local, 0, sizeof(*local));
		local->ss_family = ra.family;
		if (ra.family == AF_INET)
			((struct sockaddr_in *)local)->sin_addr = ra.v4;
		else
			((struct sockaddr_in6 *)local)->sin6_addr = ra.v6;
	} else {
		fd = socket(c->cfg.remote.ss_family, SOCK_DGRAM | SOCK_CLOEXEC,
			    0);
		if (fd < 0)
			return -errno;
		if (connect(fd, (const struct sockaddr *)&c->cfg.remote,
			    sizeof(c->cfg.remote)) ||
		    getsockname(fd, (struct sockaddr *)local, &len))
			ret = -errno;
		close(fd);
		if (ret)
			return ret;
	}
	conn_set_port(local, IKEV2_PORT);
	return 0;
}

/* the usable transforms of one IKE proposal of ours, AEAD ones or not */
static bool init_offer(const struct cfg_proposal *cp, bool aead,
		       struct ikev2_proposal *p)
{
	unsigned int i, n = 0;

	for (i = 0; i < cp->nencr; i++)
		if (cfg_encr_is_aead(cp->encr[i].id) == aead &&
		    crypto_encr_find(cp->encr[i].id, cp->encr[i].bits))
			p->trans[n++] = (struct ikev2_transform){
				.type = IKEV2_TRANS_ENCR, .id = cp->encr[i].id,
				.keylen = cp->encr[i].bits };
	if (!n)
		return false;
	for (i = 0; i < cp->nprf; i++)
		if (crypto_prf_find(cp->prf[i]))
			p->trans[n++] = (struct ikev2_transform){
				.type = IKEV2_TRANS_PRF, .id = cp->prf[i] };
	for (i = 0; !aead && i < cp->ninteg; i++)
		if (crypto_integ_find(cp->integ[i]))
			p->trans[n++] = (struct ikev2_transform){
				.type = IKEV2_TRANS_INTEG, .id = cp->integ[i] };
	for (i = 0; i < cp->ndh; i++)
		if (dh_supported(cp->dh[i]))
			p->trans[n++] = (struct ikev2_transform){
				.type = IKEV2_TRANS_DH, .id = cp->dh[i] };
	p->ntrans = n;
	p->proto = IKEV2_PROTO_IKE;
	/* each type present: ENCR was, the others must be (INTEG: not AEAD) */
	for (i = IKEV2_TRANS_PRF; i <= IKEV2_TRANS_DH; i++) {
		unsigned int j;
		bool found = aead && i == IKEV2_TRANS_INTEG;

		for (j = 0; j < n && !found; j++)
			found = p->trans[j].type == i;
		if (!found)
			return false;
	}
	return true;
}

/*
 * Our IKE proposals: the policy's proposals in order, each as one IKEv2
 * proposal, or as two when it mixes AEAD and other ciphers (RFC 5282
 * §8), the kind of its first cipher first.
 */
static unsigned int init_offers(const struct cfg_policy *pol,
				struct ikev2_proposal *prop)
{
	unsigned int i, k, n = 0;

	for (i = 0; i < pol->nproposals; i++) {
		const struct cfg_proposal *cp = pol->proposals[i];
		bool first = cp->nencr && cfg_encr_is_aead(cp->encr[0].id);

		for (k = 0; k < 2 && n < IKEV2_MAX_PROPOSALS; k++) {
			memset(&prop[n], 0, sizeof(prop[n]));
			if (!init_offer(cp, k ? !first : first, &prop[n]))
				continue;
			prop[n].num = n + 1;
			n++;
		}
	}
	return n;
}

/* the first DH group of our first proposal */
static uint16_t init_first_group(const struct init_task *it)
{
	unsigned int i;

	for (i = 0; i < it->prop[0].ntrans; i++)
		if (it->prop[0].trans[i].type == IKEV2_TRANS_DH)
			return it->prop[0].trans[i].id;
	return 0;
}

static bool init_offered_group(const struct init_task *it, uint16_t group)
{
	unsigned int i, j;

	for (i = 0; i < it->nprop; i++)
		for (j = 0; j < it->prop[i].ntrans; j++)
			if (it->prop[i].trans[j].type == IKEV2_TRANS_DH &&
			    it->prop[i].trans[j].id == group)
				return true;
	return false;
}

static void init_destroy(struct ike_task *t)
{
	struct init_task *it = container_of(t, struct init_task, t);

	if (it->dh)
		dh_free(it->dh);
	OPENSSL_cleanse(it, sizeof(*it));
	free(it);
}

/* a request of ours with a (new) Diffie-Hellman key of @group */
static int init_task_key(struct init_task *it, uint16_t group)
{
	if (it->dh)
		dh_free(it->dh);
	it->group = group;
	it->dh = dh_new(group);
	return it->dh ? 0 : -ENOMEM;
}

static int init_build(struct ike_sa *sa, struct ike_task *t,
		      struct ike_msg *m)
{
	struct init_task *it = container_of(t, struct init_task, t);
	uint8_t pub[DH_PUBLIC_MAX];
	size_t pub_len = dh_public_len(it->group);
	int ret;

	ret = dh_public(it->dh, pub, pub_len);
	if (ret)
		return ret;
	/* §2.6: the cookie first, everything else as before */
	if (it->cookie_len)
		ikev2_put_notify(&m->w, 0, NULL, 0, IKEV2_N_COOKIE, it->cookie,
				 it->cookie_len);
	ikev2_put_sa(&m->w, it->prop, it->nprop);
	ikev2_put_ke(&m->w, it->group, pub, pub_len);
	ikev2_put_nonce(&m->w, sa->ni, sa->ni_len);
	/* §2.23: the responder's SPI is still 0 in the request's hashes */
	return ike_put_natd(&m->w, sa);
}

/* the same request again, with a cookie or another KE group */
static bool init_again(struct ike_sa *sa, struct init_task *old,
		       const uint8_t *cookie, size_t cookie_len,
		       uint16_t group)
{
	struct init_task *it = malloc(sizeof(*it));

	if (!it)
		return false;
	*it = *old;
	old->dh = NULL;		/* the new task has it now */
	it->retries++;
	if (cookie) {
		memcpy(it->cookie, cookie, cookie_len);
		it->cookie_len = cookie_len;
	}
	if (group && init_task_key(it, group)) {
		init_destroy(&it->t);
		return false;
	}
	ike_task_queue(sa, &it->t);
	return sa->task == &it->t;
}

/* the responder's proposal: one we offered, with one transform of each
 * type we offered, and those among ours */
static bool init_chosen(const struct init_task *it, const struct ikev2_sa *rsa,
			struct ike_choice *c)
{
	const struct ikev2_proposal *p = &rsa->prop[0], *o = NULL;
	unsigned int i, j;

	if (rsa->nprop != 1 || p->proto != IKEV2_PROTO_IKE || p->spi_size)
		return false;
	for (i = 0; i < it->nprop && !o; i++)
		if (it->prop[i].num == p->num)
			o = &it->prop[i];
	if (!o)
		return false;
	memset(c, 0, sizeof(*c));
	c->num = p->num;
	for (i = 0; i < p->ntrans; i++) {
		const struct ikev2_transform *t = &p->trans[i];

		/* integrity NONE with an AEAD cipher: as good as none */
		if (t->type == IKEV2_TRANS_INTEG && !t->id)
			continue;
		for (j = 0; j < o->ntrans; j++)
			if (o->trans[j].type == t->type &&
			    o->trans[j].id == t->id &&
			    o->trans[j].keylen == t->keylen)
				break;
		if (j == o->ntrans || t->unusable)
			return false;
		switch (t->type) {
		case IKEV2_TRANS_ENCR:
			if (c->encr)
				return false;
			c->encr = crypto_encr_find(t->id, t->keylen);
			break;
		case IKEV2_TRANS_PRF:
			if (c->prf)
				return false;
			c->prf = crypto_prf_find(t->id);
			break;
		case IKEV2_TRANS_INTEG:
			if (c->integ)
				return false;
			c->integ = crypto_integ_find(t->id);
			break;
		case IKEV2_TRANS_DH:
			if (c->dh)
				return false;
			c->dh = t->id;
			break;
		default:
			return false;
		}
	}
	return c->encr && c->prf && c->dh &&
	       (c->encr->aead ? !c->integ : !!c->integ);
}

/* NAT detection, and the move to port 4500 with a NAT on the way */
static int init_natd(struct ike_sa *sa, const struct ikev2_msg *resp)
{
	struct ike_sock *natt;

	if (!ikev2_msg_notify(resp, IKEV2_N_NAT_DETECTION_SOURCE_IP))
		return 0;
	sa->nat_remote = !ike_natd_match(resp, IKEV2_N_NAT_DETECTION_SOURCE_IP,
					 sa->spi_i, sa->spi_r, &sa->remote);
	sa->nat_local = !ike_natd_match(resp,
					IKEV2_N_NAT_DETECTION_DESTINATION_IP,
					sa->spi_i, sa->spi_r, &sa->local);
	if (!sa->nat_remote && !sa->nat_local)
		return 0;
	natt = sock_find(sa->remote.ss_family, true);
	if (!natt)
		return -EAFNOSUPPORT;
	sa->sock = natt;
	conn_set_port(&sa->local, IKEV2_NATT_PORT);
	conn_set_port(&sa->remote, IKEV2_NATT_PORT);
	return 0;
}

/* the algorithms, the responder's SPI and nonce, g^ir and the keys */
static int init_keys(struct ike_sa *sa, struct init_task *it,
		     const struct ikev2_msg *resp, const struct ike_choice *c)
{
	uint8_t secret[DH_SHARED_MAX];
	size_t secret_len = sizeof(secret);
	int ret;

	sa->spi_r = resp->hdr.rspi;
	sa->nr_len = resp->nonce.len;
	memcpy(sa->nr, resp->nonce.data, sa->nr_len);
	ret = dh_shared(it->dh, resp->ke.data.data, resp->ke.data.len, secret,
			&secret_len);
	if (ret)
		return ret;
	ret = ike_sa_derive(sa, c, secret, secret_len);
	OPENSSL_cleanse(secret, sizeof(secret));
	return ret;
}

/* a response with SA, KE and Nr: the IKE SA's algorithms and keys */
static const char *init_accept(struct ike_sa *sa, struct init_task *it,
			       const struct ikev2_msg *resp)
{
	struct ike_choice c;

	if (!resp->hdr.rspi || !ikev2_msg_has(resp, IKEV2_PL_SA) ||
	    !ikev2_msg_has(resp, IKEV2_PL_KE) ||
	    !ikev2_msg_has(resp, IKEV2_PL_NONCE))
		return "response without SPI, SA, KE or Nr";
	if (!init_chosen(it, &resp->sa, &c))
		return "the responder chose a proposal we did not offer";
	if (c.dh != it->group || resp->ke.group != it->group)
		return "the responder's KE is not of our group";
	if (init_keys(sa, it, resp, &c))
		return "no shared secret (a KE value not of the group?)";
	if (init_natd(sa, resp))
		return "NAT detected, but no port 4500 socket";
	sa->tx_msgid = 1;
	log_info("IKE SA %u: IKE_SA_INIT with %s: %s %s%s%s %s%s%s", sa->id,
		 sock_addr_str(&sa->remote), c.encr->name, c.prf->name,
		 c.integ ? " " : "", c.integ ? c.integ->name : "",
		 ikev2_transform_name(IKEV2_TRANS_DH, c.dh),
		 sa->nat_remote ? ", NAT at the peer" : "",
		 sa->nat_local ? ", NAT here" : "");
	return NULL;
}

/* a COOKIE or INVALID_KE_PAYLOAD answer: the request again; true if so */
static bool init_retry(struct ike_sa *sa, struct init_task *it,
		       const struct ikev2_msg *resp, bool *alive)
{
	const struct ikev2_notify *n;
	uint16_t group;

	*alive = true;
	n = ikev2_msg_notify(resp, IKEV2_N_COOKIE);
	if (n && !ikev2_msg_has(resp, IKEV2_PL_SA)) {
		if (!n->data.len || n->data.len > INIT_COOKIE_MAX ||
		    it->retries >= INIT_RETRIES_MAX)
			return false;
		stats_inc(STAT_INIT_COOKIE);
		log_info("IKE SA %u: %s asks for a cookie", sa->id,
			 sock_addr_str(&sa->remote));
		*alive = init_again(sa, it, n->data.data, n->data.len, 0);
		return true;
	}
	n = ikev2_msg_notify(resp, IKEV2_N_INVALID_KE_PAYLOAD);
	if (!n || n->data.len != 2 || it->retries >= INIT_RETRIES_MAX)
		return false;
	group = n->data.data[0] << 8 | n->data.data[1];
	if (group == it->group || !init_offered_group(it, group))
		return false;
	stats_inc(STAT_INIT_INVALID_KE);
	log_info("IKE SA %u: %s asks for KE group %s", sa->id,
		 sock_addr_str(&sa->remote),
		 ikev2_transform_name(IKEV2_TRANS_DH, group));
	*alive = init_again(sa, it, NULL, 0, group);
	return true;
}

static bool init_done(struct ike_sa *sa, struct ike_task *t,
		      struct ikev2_msg *resp)
{
	struct init_task *it = container_of(t, struct init_task, t);
	uint16_t err = ike_msg_error(resp);
	const char *why;
	char buf[96];
	bool alive;

	if (init_retry(sa, it, resp, &alive)) {
		if (!alive)
			ike_sa_free(sa, "cannot send IKE_SA_INIT again");
		return alive;
	}
	if (err) {
		if (err == IKEV2_N_NO_PROPOSAL_CHOSEN)
			stats_inc(STAT_INIT_NO_PROPOSAL);
		snprintf(buf, sizeof(buf), "IKE_SA_INIT refused: %s",
			 ikev2_notify_name(err));
		ike_sa_free(sa, buf);
		return false;
	}
	why = init_accept(sa, it, resp);
	if (!why && ike_auth_start(sa))
		why = "cannot send IKE_AUTH";
	if (why) {
		ike_sa_free(sa, why);
		return false;
	}
	return true;
}

static const struct ike_task_ops init_ops = {
	.name = "IKE_SA_INIT",
	.exchange = IKEV2_EXCH_IKE_SA_INIT,
	.plain = true,
	.build = init_build,
	.done = init_done,
	.destroy = init_destroy,
};

/**
 * ike_init_response - the response to our IKE_SA_INIT
 * @sa: the IKE SA our SPI names
 * @d: the response as received
 * @resp: the response, parsed
 *
 * Anything but the answer to the request in flight is dropped.  The
 * response is kept for the AUTH payloads (§2.15).
 */
void ike_init_response(struct ike_sa *sa, struct ike_dgram *d,
		       struct ikev2_msg *resp)
{
	if (sa->state != IKE_SA_HALF_OPEN || sa->spi_r || !sa->task ||
	    sa->task->ops != &init_ops || resp->hdr.msgid ||
	    !sock_addr_equal(&d->remote, &sa->remote, true)) {
		stats_inc(STAT_RX_RESPONSE);
		return;
	}
	if (ike_sa_keep(&sa->init_resp, &sa->init_resp_len, d->buf, d->len))
		return;
	ike_task_response(sa, d, resp);
}

/* the IKE_SA_INIT request of a new IKE SA */
static int conn_init_task(struct ike_sa *sa, const struct cfg_policy *pol)
{
	struct init_task *it = calloc(1, sizeof(*it));
	int ret = -ENOPROTOOPT;

	if (!it)
		return -ENOMEM;
	it->t.ops = &init_ops;
	it->nprop = init_offers(pol, it->prop);
	sa->ni_len = INIT_NONCE_LEN;
	if (it->nprop) {
		ret = RAND_bytes(sa->ni, sa->ni_len) == 1 ? 0 : -EIO;
		if (!ret)
			ret = init_task_key(it, init_first_group(it));
	}
	if (ret) {
		init_destroy(&it->t);
		return ret;
	}
	ike_task_queue(sa, &it->t);
	return sa->task == &it->t ? 0 : -EIO;
}

/* what an attempt needs from the configuration; NULL when it fails */
static const struct cfg_profile *conn_profile(const struct ike_conn *c,
					      char *why, size_t len)
{
	const struct cfg *cfg = daemon_cfg();
	const struct cfg_profile *p = cfg_profile_find(cfg, c->cfg.profile);

	if (!p) {
		snprintf(why, len, "no IKEv2 profile %s", c->cfg.profile);
		return NULL;
	}
	if (p->local_auth != CFG_AUTH_PSK) {
		snprintf(why, len, "profile %s: only pre-shared keys "
			 "authenticate us as initiator", p->name);
		return NULL;
	}
	if (!cfg_ipsec_profile_find(cfg, c->cfg.ipsec)) {
		snprintf(why, len, "no IPsec profile %s", c->cfg.ipsec);
		return NULL;
	}
	return p;
}

/* a new IKE SA and its IKE_SA_INIT; false with @why when that fails */
static bool conn_attempt(struct ike_conn *c, char *why, size_t len)
{
	const struct cfg_profile *p = conn_profile(c, why, len);
	const struct cfg_policy *pol;
	struct sockaddr_storage local;
	struct cfg_addr addr;
	struct ike_sock *sock;
	struct ike_sa *sa;
	int ret;

	if (!p)
		return false;
	ret = conn_local(c, &local);
	if (ret) {
		snprintf(why, len, "no local address: %s", strerror(-ret));
		return false;
	}
	cfg_addr_from_sockaddr(&addr, (const struct sockaddr *)&local);
	pol = cfg_policy_match(daemon_cfg(), &addr, NULL);
	sock = sock_find(c->cfg.remote.ss_family, false);
	if (!pol || !sock) {
		snprintf(why, len, pol ? "no IKE socket of the family" :
			 "no IKEv2 policy for our address");
		return false;
	}
	sa = ike_sa_new(true, 0, 0, sock, &local, &c->cfg.remote);
	if (!sa) {
		snprintf(why, len, "out of memory");
		return false;
	}
	snprintf(sa->profile, sizeof(sa->profile), "%s", p->name);
	sa->lifetime = p->lifetime;
	ike_local_id(p, &local, &sa->local_id);
	c->sa = sa;
	sa->conn = c;
	c->state = IKE_CONN_CONNECTING;
	c->attempts++;
	stats_inc(STAT_INIT_ATTEMPT);
	log_info("IKE SA %u: %s: connecting to %s", sa->id, c->cfg.name,
		 sock_addr_str(&c->cfg.remote));
	ret = conn_init_task(sa, pol);
	if (ret)
		/* tells the connection, which tries again later */
		ike_sa_free(sa, ret == -ENOPROTOOPT ?
			    "no usable IKE proposal in the policy" :
			    "cannot send IKE_SA_INIT");
	return true;
}

/**
 * ike_conn_start - start a connection now, unless it is under way or up
 * @c: the connection
 */
void ike_conn_start(struct ike_conn *c)
{
	const struct cfg *cfg = daemon_cfg();
	char why[160];

	if (c->state != IKE_CONN_IDLE)
		return;
	timer_del(&c->timer);
	if (cfg->ike.max_neg_out &&
	    ike_sa_count_half_open_out() >= cfg->ike.max_neg_out) {
		/* not a failure: our own limit */
		stats_inc(STAT_INIT_DEFERRED);
		timer_set(&c->timer, ike_jitter(IKE_CONN_DEFER_MS * 2));
		return;
	}
	if (!conn_attempt(c, why, sizeof(why)))
		ike_conn_failed(c, why);
}

static void conn_timer(struct timer *t)
{
	ike_conn_start(container_of(t, struct ike_conn, timer));
}
