// SPDX-License-Identifier: GPL-2.0-only
/*
 * CREATE_CHILD_SA for the CHILD_SA of a session (RFC 7296 §1.3.3, §2.8,
 * §2.8.1, §2.25.1) and the Delete of its ESP SAs (§1.4.1), in both roles.
 *
 * A FlexVPN session has one CHILD_SA: its virtual-access interface.  A
 * rekey installs the new pair of SAs beside the old one; the interface
 * switches its outbound SA in one step (session_child_use()), and the
 * old pair goes with the Delete exchange the rekey's initiator starts.
 *   - We initiate: the responder has the new inbound SA when it answers,
 *     so we switch at once and then delete the old pair.
 *   - The peer initiates: we switch when its Delete of the old pair
 *     arrives, when it has the new inbound SA for sure (or after
 *     SESSION_SWAP_MS without one, deleting the old pair ourselves).
 * Both at once: the rekey whose exchange has the lowest nonce is the
 * redundant one and its initiator deletes what it created (§2.8.1).
 * Requests for other CHILD_SAs are refused with NO_ADDITIONAL_SAS; an
 * IKE SA rekey goes to ike_rekey.c.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "../lib/cfg.h"
#include "../lib/dh.h"
#include "../lib/keymat.h"
#include "../lib/util.h"
#include "child.h"
#include "flexvtid.h"
#include "ike.h"
#include "log.h"
#include "session.h"
#include "stats.h"

#define CHILD_NONCE_LEN		32
/* a rekey that failed is tried again this much later */
#define CHILD_REKEY_RETRY_MS	10000

/**
 * ike_child_spi - a random inbound SPI above the range IANA reserves
 *	(RFC 4303 §2.1)
 * @spi: receives it
 *
 * Return: 0, or -EIO when the random generator fails.
 */
int ike_child_spi(uint32_t *spi)
{
	do {
		if (RAND_bytes((uint8_t *)spi, sizeof(*spi)) != 1)
			return -EIO;
	} while (*spi < 256);
	return 0;
}

/**
 * ike_child_keys - the keys of a CHILD_SA (RFC 7296 §2.17) into its two
 *	SAs: the initiator's outbound SA takes the first keys
 * @sa: the IKE SA (its PRF and SK_d)
 * @c: the CHILD_SA: algorithms set; receives key_in and key_out
 * @initiator: we initiated the exchange that creates it
 * @pfs: g^ir of the exchange with PFS, @pfs_len bytes; NULL without
 * @pfs_len: its length
 * @ni: the initiator's nonce of the exchange, @ni_len bytes
 * @ni_len: its length
 * @nr: the responder's nonce, @nr_len bytes
 * @nr_len: its length
 *
 * Return: 0, or a negative errno from the key derivation.
 */
int ike_child_keys(const struct ike_sa *sa, struct session_child *c,
		   bool initiator, const uint8_t *pfs, size_t pfs_len,
		   const uint8_t *ni, size_t ni_len, const uint8_t *nr,
		   size_t nr_len)
{
	struct keymat_child km;
	uint8_t *out = initiator ? c->key_out : c->key_in;
	uint8_t *in = initiator ? c->key_in : c->key_out;
	int ret;

	ret = keymat_child_derive(sa->prf, sa->sk_d, c->encr, c->integ, pfs,
				  pfs_len, ni, ni_len, nr, nr_len, &km);
	if (ret)
		return ret;
	/* the initiator's SA takes the keys first (§2.17) */
	memcpy(out, km.ei, km.encr_len);
	memcpy(out + km.encr_len, km.ai, km.integ_len);
	memcpy(in, km.er, km.encr_len);
	memcpy(in + km.encr_len, km.ar, km.integ_len);
	keymat_wipe(&km, sizeof(km));
	return 0;
}

static void child_pair_of(struct session_pair *p, const struct session_child *c)
{
	p->spi_in = c->spi_in;
	p->spi_out = c->spi_out;
	p->encr = c->encr;
	p->integ = c->integ;
	p->esn = c->esn;
}

/* the pair @p becomes the session's CHILD_SA; returns the replaced one */
static struct session_pair child_replace(struct session *s,
					 const struct session_pair *p)
{
	struct session_pair old;

	child_pair_of(&old, &s->child);
	s->child.spi_in = p->spi_in;
	s->child.spi_out = p->spi_out;
	s->child.encr = p->encr;
	s->child.integ = p->integ;
	s->child.esn = p->esn;
	s->rekeys++;
	stats_inc(STAT_CHILD_REKEYED);
	session_child_life(s);
	log_info("%s: CHILD_SA rekeyed, SPIs %08x/%08x replace %08x/%08x",
		 s->name, p->spi_in, p->spi_out, old.spi_in, old.spi_out);
	return old;
}

static void child_put_spi_notify(struct ikev2_writer *w, uint16_t type,
				 uint32_t spi)
{
	uint32_t be = htonl(spi);

	ikev2_put_notify(w, IKEV2_PROTO_ESP, (const uint8_t *)&be, 4, type,
			 NULL, 0);
}

static void child_put_ts(struct ikev2_writer *w, const struct session *s,
			 bool we_initiate)
{
	ikev2_put_ts(w, IKEV2_PL_TSI, we_initiate ? s->ts_local : s->ts_peer,
		     we_initiate ? s->nts_local : s->nts_peer);
	ikev2_put_ts(w, IKEV2_PL_TSR, we_initiate ? s->ts_peer : s->ts_local,
		     we_initiate ? s->nts_peer : s->nts_local);
	if (s->child.transport)
		ikev2_put_notify(w, 0, NULL, 0, IKEV2_N_USE_TRANSPORT_MODE,
				 NULL, 0);
}

/*
 * The child delete task: the Delete of one pair of ours, the old one
 * after a rekey or a redundant one of a collision.
 */
struct child_del_task {
	struct ike_task t;
	struct session_pair pair;
};

static int child_del_build(struct ike_sa *sa, struct ike_task *t,
			   struct ike_msg *m)
{
	struct child_del_task *dt = container_of(t, struct child_del_task, t);
	uint32_t spi = htonl(dt->pair.spi_in);

	(void)sa;
	ikev2_put_delete(&m->w, IKEV2_PROTO_ESP, IKEV2_CHILD_SPI_SIZE, 1,
			 (const uint8_t *)&spi);
	return 0;
}

static bool child_del_done(struct ike_sa *sa, struct ike_task *t,
			   struct ikev2_msg *resp)
{
	struct child_del_task *dt = container_of(t, struct child_del_task, t);
	struct session *s = sa->session;

	(void)resp;
	if (!s)
		return true;
	session_child_del(s, &dt->pair);
	if (s->old.spi_in == dt->pair.spi_in)
		memset(&s->old, 0, sizeof(s->old));
	return true;
}

static void child_del_destroy(struct ike_task *t)
{
	free(container_of(t, struct child_del_task, t));
}

static const struct ike_task_ops child_del_ops = {
	.name = "CHILD_SA Delete",
	.exchange = IKEV2_EXCH_INFORMATIONAL,
	.build = child_del_build,
	.done = child_del_done,
	.destroy = child_del_destroy,
};

static void child_del_start(struct ike_sa *sa, const struct session_pair *p)
{
	struct child_del_task *dt = calloc(1, sizeof(*dt));

	if (!dt) {
		/* the peer's SAs stay until their lifetime ends */
		if (sa->session)
			session_child_del(sa->session, p);
		return;
	}
	dt->t.ops = &child_del_ops;
	dt->pair = *p;
	ike_task_queue(sa, &dt->t);
}

/**
 * ike_child_rekey_finish - the peer's rekey is complete: use the new
 *	outbound SA; its Delete of the old pair is being answered, or never
 *	came and we delete the old pair ourselves
 * @sa: the IKE SA
 * @timeout: the Delete never came (SESSION_SWAP_MS passed)
 */
void ike_child_rekey_finish(struct ike_sa *sa, bool timeout)
{
	struct session *s = sa->session;
	struct session_pair old, next;

	if (!s || !s->next.spi_in)
		return;
	timer_del(&s->swap_timer);
	next = s->next;
	memset(&s->next, 0, sizeof(s->next));
	if (session_child_use(s, next.spi_out)) {
		ike_delete_start(sa, "cannot use the rekeyed CHILD_SA");
		return;
	}
	old = child_replace(s, &next);
	if (timeout) {
		s->old = old;
		child_del_start(sa, &old);
	} else {
		session_child_del(s, &old);
	}
}

/**
 * ike_child_delete_request - the ESP part of a Delete request (§1.4.1):
 *	answer with the inbound SPIs of the pairs that go
 * @sa: the IKE SA
 * @req: the request
 * @m: the response being built
 *
 * The peer deleting the current pair after its rekey completes that
 * rekey; deleting the old pair of our rekey, or the redundant pair of a
 * collision, removes it; deleting the current pair without a rekey ends
 * the session.
 *
 * Return: true when the session has lost its CHILD_SA: the caller
 * deletes the IKE SA once the response is sent.
 */
bool ike_child_delete_request(struct ike_sa *sa, struct ikev2_msg *req,
			      struct ike_msg *m)
{
	struct session *s = sa->session;
	uint32_t spis[IKEV2_MAX_DELETES * 4], spi;
	unsigned int i, j, n = 0;
	bool end = false;

	for (i = 0; s && i < req->ndelete; i++) {
		const struct ikev2_delete *d = &req->del[i];

		if (d->proto != IKEV2_PROTO_ESP ||
		    d->spi_size != IKEV2_CHILD_SPI_SIZE)
			continue;
		for (j = 0; j < d->nspi && n < ARRAY_SIZE(spis); j++) {
			memcpy(&spi, d->spis.data + 4 * j, 4);
			spi = ntohl(spi);
			if (spi == s->child.spi_out && s->next.spi_in) {
				spis[n++] = htonl(s->child.spi_in);
				ike_child_rekey_finish(sa, false);
			} else if (spi == s->child.spi_out) {
				spis[n++] = htonl(s->child.spi_in);
				end = true;
			} else if (s->old.spi_in && spi == s->old.spi_out) {
				spis[n++] = htonl(s->old.spi_in);
				session_child_del(s, &s->old);
				memset(&s->old, 0, sizeof(s->old));
			} else if (s->next.spi_in && spi == s->next.spi_out) {
				spis[n++] = htonl(s->next.spi_in);
				timer_del(&s->swap_timer);
				session_child_del(s, &s->next);
				memset(&s->next, 0, sizeof(s->next));
			}
		}
	}
	if (n)
		ikev2_put_delete(&m->w, IKEV2_PROTO_ESP, IKEV2_CHILD_SPI_SIZE,
				 n, (const uint8_t *)spis);
	if (end)
		log_info("IKE SA %u: CHILD_SA deleted by the peer", sa->id);
	return end;
}

/**
 * struct child_rekey - one CHILD_SA rekey: the task when we initiate,
 *	the state of the response when the peer does
 * @t: the task
 * @c: the new CHILD_SA: SPIs, algorithms, then keys
 * @num: the number of the peer's proposal chosen, when it initiates
 * @dh: our Diffie-Hellman key with PFS, else NULL
 * @pub: our public value with PFS
 * @pub_len: its length in bytes
 * @ni: the nonce of the exchange's initiator
 * @ni_len: its length
 * @nr: the responder's nonce
 * @nr_len: its length
 * @secret: g^ir with PFS
 * @secret_len: its length, 0 without PFS
 */
struct child_rekey {
	struct ike_task t;
	struct session_child c;
	uint8_t num;
	struct dh *dh;
	uint8_t pub[DH_PUBLIC_MAX];
	size_t pub_len;
	uint8_t ni[IKEV2_NONCE_MAX];
	size_t ni_len;
	uint8_t nr[IKEV2_NONCE_MAX];
	size_t nr_len;
	uint8_t secret[DH_SHARED_MAX];
	size_t secret_len;
};

static void child_rekey_free(struct child_rekey *r)
{
	if (r->dh)
		dh_free(r->dh);
	OPENSSL_cleanse(r, sizeof(*r));
	free(r);
}

static void child_rekey_destroy(struct ike_task *t)
{
	child_rekey_free(container_of(t, struct child_rekey, t));
}

/* a rekey that did not happen: try again later, within the lifetime */
static void child_rekey_retry(struct session *s)
{
	uint64_t now = loop_now(), at = now + CHILD_REKEY_RETRY_MS;

	stats_inc(STAT_CHILD_REKEY_FAILED);
	if (!s->life.expire_at || at >= s->life.expire_at)
		return;
	s->life.rekey_at = at;
	timer_set(&s->life.timer, at - now);
}

static int child_rekey_build(struct ike_sa *sa, struct ike_task *t,
			     struct ike_msg *m)
{
	struct child_rekey *r = container_of(t, struct child_rekey, t);
	struct session *s = sa->session;
	struct child_choice ch = { .num = 1 };
	int ret;

	if (!s || sa->state != IKE_SA_ESTABLISHED || s->next.spi_in)
		return -EAGAIN;
	r->c = s->child;
	r->ni_len = CHILD_NONCE_LEN;
	ret = ike_child_spi(&r->c.spi_in);
	if (!ret && RAND_bytes(r->ni, r->ni_len) != 1)
		ret = -EIO;
	if (!ret && s->pfs) {
		r->dh = dh_new(s->pfs);
		r->pub_len = dh_public_len(s->pfs);
		ret = r->dh ? dh_public(r->dh, r->pub, r->pub_len) : -ENOMEM;
	}
	if (ret)
		return ret;
	ch.encr = r->c.encr;
	ch.integ = r->c.integ;
	ch.esn = r->c.esn;
	ch.dh = s->pfs;
	child_put_spi_notify(&m->w, IKEV2_N_REKEY_SA, s->child.spi_in);
	child_put_sa(&m->w, &ch, r->c.spi_in);
	ikev2_put_nonce(&m->w, r->ni, r->ni_len);
	if (s->pfs)
		ikev2_put_ke(&m->w, s->pfs, r->pub, r->pub_len);
	child_put_ts(&m->w, s, true);
	stats_inc(STAT_TX_CHILD_REKEY);
	return 0;
}

/* the responder's proposal must be the one we sent (§2.7) */
static bool child_rekey_check(const struct child_rekey *r,
			      const struct session *s, struct ikev2_msg *resp,
			      uint32_t *spi_out)
{
	const struct ikev2_proposal *p = &resp->sa.prop[0];

	if (!ikev2_msg_has(resp, IKEV2_PL_SA) ||
	    !ikev2_msg_has(resp, IKEV2_PL_NONCE) || resp->sa.nprop != 1 ||
	    (s->pfs && (!ikev2_msg_has(resp, IKEV2_PL_KE) ||
			resp->ke.group != s->pfs)))
		return false;
	if (p->proto != IKEV2_PROTO_ESP || p->spi_size != IKEV2_CHILD_SPI_SIZE)
		return false;
	*spi_out = p->spi;
	return child_proposal_is(p, r->c.encr, r->c.integ, s->pfs, r->c.esn);
}

/* §2.8.1: both rekeyed at once; the exchange with the lowest nonce lost */
static bool child_rekey_lost(const struct child_rekey *r,
			     const struct session *s)
{
	const uint8_t *mine;
	size_t mine_len;

	mine = ike_nonce_min(r->ni, r->ni_len, r->nr, r->nr_len, &mine_len);
	return ike_nonce_cmp(mine, mine_len, s->next_nonce,
			     s->next_nonce_len) < 0;
}

static bool child_rekey_done(struct ike_sa *sa, struct ike_task *t,
			     struct ikev2_msg *resp)
{
	struct child_rekey *r = container_of(t, struct child_rekey, t);
	struct session *s = sa->session;
	struct session_pair p = { 0 }, old;
	uint16_t err = ike_msg_error(resp);

	if (!s)
		return true;
	if (err || !child_rekey_check(r, s, resp, &r->c.spi_out)) {
		log_warn("IKE SA %u: CHILD_SA rekey refused: %s", sa->id,
			 err ? ikev2_notify_name(err) : "bad response");
		child_rekey_retry(s);
		return true;
	}
	r->nr_len = resp->nonce.len;
	memcpy(r->nr, resp->nonce.data, r->nr_len);
	r->secret_len = s->pfs ? sizeof(r->secret) : 0;
	if ((s->pfs && dh_shared(r->dh, resp->ke.data.data, resp->ke.data.len,
				 r->secret, &r->secret_len)) ||
	    ike_child_keys(sa, &r->c, true, s->pfs ? r->secret : NULL,
		       r->secret_len, r->ni, r->ni_len, r->nr, r->nr_len)) {
		child_rekey_retry(s);
		return true;
	}
	child_pair_of(&p, &r->c);
	if (s->next.spi_in && child_rekey_lost(r, s)) {
		/* ours is redundant: never installed, the peer told to drop it */
		OPENSSL_cleanse(r->c.key_in, sizeof(r->c.key_in));
		OPENSSL_cleanse(r->c.key_out, sizeof(r->c.key_out));
		stats_inc(STAT_CHILD_REKEY_COLLISION);
		child_del_start(sa, &(struct session_pair){ .spi_in = p.spi_in });
		return true;
	}
	if (s->next.spi_in) {
		/* the peer's is redundant: it deletes it, we keep waiting */
		stats_inc(STAT_CHILD_REKEY_COLLISION);
		timer_del(&s->swap_timer);
	}
	if (session_child_add(s, &r->c)) {
		child_del_start(sa, &(struct session_pair){ .spi_in = p.spi_in });
		child_rekey_retry(s);
		return true;
	}
	if (session_child_use(s, p.spi_out)) {
		session_child_del(s, &p);
		ike_delete_start(sa, "cannot use the rekeyed CHILD_SA");
		return false;
	}
	old = child_replace(s, &p);
	s->old = old;
	child_del_start(sa, &old);
	return true;
}

static const struct ike_task_ops child_rekey_ops = {
	.name = "CHILD_SA rekey",
	.exchange = IKEV2_EXCH_CREATE_CHILD_SA,
	.build = child_rekey_build,
	.done = child_rekey_done,
	.destroy = child_rekey_destroy,
};

/**
 * ike_child_rekey_start - rekey the CHILD_SA of an IKE SA's session
 *	(its lifetime is running out, or an operator asked)
 * @sa: the IKE SA
 *
 * Nothing happens when a rekey of ours is already under way.
 */
void ike_child_rekey_start(struct ike_sa *sa)
{
	struct child_rekey *r;

	if (!sa->session || sa->state != IKE_SA_ESTABLISHED ||
	    ike_task_pending(sa, &child_rekey_ops))
		return;
	r = calloc(1, sizeof(*r));
	if (!r)
		return;
	r->t.ops = &child_rekey_ops;
	ike_task_queue(sa, &r->t);
}

/* the peer's rekey of the session's CHILD_SA; on failure the error */
static uint16_t child_rekey_respond(struct ike_sa *sa, struct ikev2_msg *req,
				    struct child_rekey *r, uint16_t *group)
{
	struct session *s = sa->session;
	const struct cfg_ipsec_profile *ip;
	struct child_choice ch;
	const uint8_t *low;
	int ret = -EEXIST, tries;

	ip = cfg_ipsec_profile_find(daemon_cfg(), s->ipsec);
	if (!ip || !ikev2_msg_has(req, IKEV2_PL_SA) ||
	    !ikev2_msg_has(req, IKEV2_PL_NONCE) ||
	    !child_choose(&req->sa, ip, s->pfs, &ch))
		return IKEV2_N_NO_PROPOSAL_CHOSEN;
	if (s->pfs && (!ikev2_msg_has(req, IKEV2_PL_KE) ||
		       req->ke.group != s->pfs)) {
		*group = s->pfs;
		return IKEV2_N_INVALID_KE_PAYLOAD;
	}
	r->c = s->child;
	r->c.encr = ch.encr;
	r->c.integ = ch.integ;
	r->c.esn = ch.esn;
	r->c.spi_out = ch.spi_out;
	r->ni_len = req->nonce.len;
	memcpy(r->ni, req->nonce.data, r->ni_len);
	r->nr_len = CHILD_NONCE_LEN;
	if (RAND_bytes(r->nr, r->nr_len) != 1 ||
	    (s->pfs && ike_dh_respond(s->pfs, req->ke.data.data,
				      req->ke.data.len, r->pub, &r->pub_len,
				      r->secret, &r->secret_len)))
		return IKEV2_N_NO_PROPOSAL_CHOSEN;
	for (tries = 0; tries < 4 && ret == -EEXIST; tries++) {
		ret = ike_child_spi(&r->c.spi_in);
		if (!ret)
			ret = ike_child_keys(sa, &r->c, false,
					 s->pfs ? r->secret : NULL,
					 r->secret_len, r->ni, r->ni_len,
					 r->nr, r->nr_len);
		if (!ret)
			ret = session_child_add(s, &r->c);
	}
	if (ret)
		return IKEV2_N_TEMPORARY_FAILURE;
	child_pair_of(&s->next, &r->c);
	low = ike_nonce_min(r->ni, r->ni_len, r->nr, r->nr_len,
			    &s->next_nonce_len);
	memcpy(s->next_nonce, low, s->next_nonce_len);
	timer_set(&s->swap_timer, SESSION_SWAP_MS);
	r->num = ch.num;
	return 0;
}

static void child_put_answer(struct ike_msg *m, const struct session *s,
			     const struct child_rekey *r)
{
	struct child_choice ch = {
		.num = r->num,
		.encr = r->c.encr,
		.integ = r->c.integ,
		.esn = r->c.esn,
		.dh = s->pfs,
	};

	child_put_sa(&m->w, &ch, r->c.spi_in);
	ikev2_put_nonce(&m->w, r->nr, r->nr_len);
	if (s->pfs)
		ikev2_put_ke(&m->w, s->pfs, r->pub, r->pub_len);
	child_put_ts(&m->w, s, false);
}

static void child_rekey_answer(struct ike_sa *sa, struct ikev2_msg *req,
			       struct ike_msg *m)
{
	const struct ikev2_notify *n = ikev2_msg_notify(req, IKEV2_N_REKEY_SA);
	struct child_rekey *r = calloc(1, sizeof(*r));
	struct session *s = sa->session;
	uint16_t err, group = 0;
	uint32_t spi = 0;
	uint8_t g[2];

	if (n->proto == IKEV2_PROTO_ESP && n->spi.len == 4) {
		memcpy(&spi, n->spi.data, 4);
		spi = ntohl(spi);
	}
	if (!r)
		err = IKEV2_N_TEMPORARY_FAILURE;
	else if (!s || spi != s->child.spi_out)
		err = IKEV2_N_CHILD_SA_NOT_FOUND;
	else if (sa->state != IKE_SA_ESTABLISHED || s->next.spi_in)
		err = IKEV2_N_TEMPORARY_FAILURE;
	else
		err = child_rekey_respond(sa, req, r, &group);
	if (err == IKEV2_N_CHILD_SA_NOT_FOUND) {
		child_put_spi_notify(&m->w, err, spi);
	} else if (err == IKEV2_N_INVALID_KE_PAYLOAD) {
		g[0] = group >> 8;
		g[1] = group;
		ikev2_put_notify(&m->w, 0, NULL, 0, err, g, 2);
	} else if (err) {
		ikev2_put_notify(&m->w, 0, NULL, 0, err, NULL, 0);
	} else {
		child_put_answer(m, s, r);
		stats_inc(STAT_RX_CHILD_REKEY);
	}
	if (err)
		log_warn("IKE SA %u: CHILD_SA rekey of the peer refused: %s",
			 sa->id, ikev2_notify_name(err));
	if (r)
		child_rekey_free(r);
}

/**
 * ike_child_request - answer a CREATE_CHILD_SA request
 * @sa: the IKE SA
 * @req: the request, parsed with its inner payloads
 */
void ike_child_request(struct ike_sa *sa, struct ikev2_msg *req)
{
	struct ike_msg *m;

	if (!ikev2_msg_notify(req, IKEV2_N_REKEY_SA) &&
	    ikev2_msg_has(req, IKEV2_PL_SA) && req->sa.nprop &&
	    req->sa.prop[0].proto == IKEV2_PROTO_IKE) {
		ike_rekey_request(sa, req);
		return;
	}
	m = malloc(sizeof(*m));
	if (!m)
		return;
	ike_msg_response(m, sa, &req->hdr);
	if (ikev2_msg_notify(req, IKEV2_N_REKEY_SA))
		child_rekey_answer(sa, req, m);
	else
		ikev2_put_notify(&m->w, 0, NULL, 0, IKEV2_N_NO_ADDITIONAL_SAS,
				 NULL, 0);
	ike_msg_send(m);
	free(m);
}
