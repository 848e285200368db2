// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rekeying of the IKE SA (RFC 7296 §1.3.2, §2.8, §2.18, §2.25.2), in both
 * roles: a CREATE_CHILD_SA exchange on the old IKE SA creates the new one
 * (new SPIs, nonces and Diffie-Hellman exchange, SKEYSEED from the old
 * SK_d), the session moves to it, and the rekey's initiator deletes the
 * old IKE SA.  The new IKE SA's original initiator is the rekey's
 * initiator, and both message-ID sequences start again at 0.
 *
 * When both peers rekey at once (§2.8.2), each answers the other: the new
 * IKE SA of the exchange with the lowest nonce is redundant and deleted
 * by its initiator; the initiator of the other one deletes the old IKE SA.
 * A rekey is answered with TEMPORARY_FAILURE while a CHILD_SA of ours is
 * being rekeyed or deleted (§2.25.2).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "../lib/dh.h"
#include "../lib/keymat.h"
#include "ike.h"
#include "log.h"
#include "session.h"
#include "stats.h"

#define REKEY_NONCE_LEN		32

static const struct ike_task_ops rekey_ops;
/* a rekey that could not start or failed is tried again this much later */
#define REKEY_RETRY_MS		10000

/**
 * struct ike_rekey - the keys of a new IKE SA while the exchange runs
 * @t: the task, when we initiate
 * @c: the proposal: the old IKE SA's algorithms
 * @spi: our SPI of the new IKE SA
 * @dh: our Diffie-Hellman key
 * @pub: our public value
 * @pub_len: its length in bytes
 * @ni: the rekey initiator's nonce
 * @ni_len: its length
 * @nr: the responder's nonce
 * @nr_len: its length
 * @secret: g^ir
 * @secret_len: its length
 */
struct ike_rekey {
	struct ike_task t;
	struct ike_choice c;
	uint64_t spi;
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

static void rekey_free(struct ike_rekey *r)
{
	if (r->dh)
		dh_free(r->dh);
	OPENSSL_cleanse(r, sizeof(*r));
	free(r);
}

/*
 * The new IKE SA: keys of §2.18, what was authenticated and configured
 * for the old one, established.  The session moves over unless @move is
 * false.
 */
static struct ike_sa *rekey_new_sa(struct ike_sa *old, struct ike_rekey *r,
				   bool initiator, uint64_t spi_peer,
				   bool move)
{
	uint8_t spi_i[IKEV2_SPI_SIZE], spi_r[IKEV2_SPI_SIZE];
	struct keymat_ike km;
	struct ike_sa *sa;
	int ret;

	sa = ike_sa_new(initiator, r->spi, spi_peer, old->sock, &old->local,
			&old->remote);
	if (!sa)
		return NULL;
	sa->prf = r->c.prf;
	sa->encr = r->c.encr;
	sa->integ = r->c.integ;
	sa->dh_group = r->c.dh;
	ike_spi_bytes(sa->spi_i, spi_i);
	ike_spi_bytes(sa->spi_r, spi_r);
	ret = keymat_ike_rekey(old->prf, old->sk_d, sa->prf, sa->encr,
			       sa->integ, r->ni, r->ni_len, r->nr, r->nr_len,
			       spi_i, spi_r, r->secret, r->secret_len, &km);
	if (!ret)
		ret = ike_sa_keys(sa, &km);
	keymat_wipe(&km, sizeof(km));
	if (ret) {
		ike_sa_free(sa, "cannot derive the keys of the rekey");
		return NULL;
	}
	memcpy(sa->ni, r->ni, r->ni_len);
	sa->ni_len = r->ni_len;
	memcpy(sa->nr, r->nr, r->nr_len);
	sa->nr_len = r->nr_len;
	sa->nat_local = old->nat_local;
	sa->nat_remote = old->nat_remote;
	sa->peer_id = old->peer_id;
	sa->local_id = old->local_id;
	memcpy(sa->profile, old->profile, sizeof(sa->profile));
	sa->lifetime = old->lifetime;
	sa->auth_sign = old->auth_sign;
	sa->auth_verify = old->auth_verify;
	ike_sa_established(sa);
	if (move && old->session) {
		sa->session = old->session;
		sa->session->ike = sa;
		old->session = NULL;
	}
	stats_inc(STAT_IKE_REKEYED);
	log_info("IKE SA %u: rekeyed, replaced by IKE SA %u", old->id, sa->id);
	return sa;
}

/* the peer's rekey; on failure the error notification */
static uint16_t rekey_respond(struct ike_sa *sa, struct ikev2_msg *req,
			      struct ike_rekey *r, struct ike_sa **nsa)
{
	/* a liveness check or our own rekey in flight do not matter */
	if (sa->state != IKE_SA_ESTABLISHED ||
	    (sa->task && !sa->task->ops->dpd && sa->task->ops != &rekey_ops) ||
	    (sa->session && (sa->session->next.spi_in ||
			     sa->session->old.spi_in)))
		return IKEV2_N_TEMPORARY_FAILURE;
	if (!ikev2_msg_has(req, IKEV2_PL_NONCE) ||
	    !ikev2_msg_has(req, IKEV2_PL_KE) ||
	    !ike_policy_choose(&sa->local, &req->sa, IKEV2_SPI_SIZE,
			       req->ke.group, &r->c))
		return IKEV2_N_NO_PROPOSAL_CHOSEN;
	if (r->c.dh != req->ke.group)
		return IKEV2_N_INVALID_KE_PAYLOAD;
	r->ni_len = req->nonce.len;
	memcpy(r->ni, req->nonce.data, r->ni_len);
	r->nr_len = REKEY_NONCE_LEN;
	if (RAND_bytes(r->nr, r->nr_len) != 1 ||
	    ike_dh_respond(r->c.dh, req->ke.data.data, req->ke.data.len,
			   r->pub, &r->pub_len, r->secret, &r->secret_len))
		return IKEV2_N_NO_PROPOSAL_CHOSEN;
	*nsa = rekey_new_sa(sa, r, false, r->c.spi, true);
	if (!*nsa)
		return IKEV2_N_TEMPORARY_FAILURE;
	sa->state = IKE_SA_REKEYED;
	sa->successor = ike_sa_spi_local(*nsa);
	ike_live_stop(sa);
	timer_set(&sa->timer, IKE_SA_REKEYED_MS);
	return 0;
}

/**
 * ike_rekey_request - answer the peer's rekey of the IKE SA
 * @sa: the IKE SA to be replaced
 * @req: the CREATE_CHILD_SA request, its SA payload an IKE proposal
 */
void ike_rekey_request(struct ike_sa *sa, struct ikev2_msg *req)
{
	struct ike_rekey *r = calloc(1, sizeof(*r));
	struct ike_msg *m = malloc(sizeof(*m));
	struct ike_sa *nsa = NULL;
	uint16_t err = IKEV2_N_TEMPORARY_FAILURE;
	uint8_t g[2];

	if (!m) {
		free(r);
		return;
	}
	if (r)
		err = rekey_respond(sa, req, r, &nsa);
	ike_msg_response(m, sa, &req->hdr);
	if (err == IKEV2_N_INVALID_KE_PAYLOAD) {
		g[0] = r->c.dh >> 8;
		g[1] = r->c.dh;
		ikev2_put_notify(&m->w, 0, NULL, 0, err, g, 2);
	} else if (err) {
		ikev2_put_notify(&m->w, 0, NULL, 0, err, NULL, 0);
	} else {
		ike_put_choice(&m->w, &r->c, ike_sa_spi_local(nsa));
		ikev2_put_nonce(&m->w, r->nr, r->nr_len);
		ikev2_put_ke(&m->w, r->c.dh, r->pub, r->pub_len);
	}
	if (err)
		log_warn("IKE SA %u: rekey of the peer refused: %s", sa->id,
			 ikev2_notify_name(err));
	ike_msg_send(m);
	free(m);
	if (r)
		rekey_free(r);
}

static void rekey_retry(struct ike_sa *sa)
{
	uint64_t now = loop_now(), at = now + REKEY_RETRY_MS;

	if (sa->state != IKE_SA_ESTABLISHED || (sa->expire_at &&
						at >= sa->expire_at))
		return;
	sa->rekey_at = at;
	timer_set(&sa->timer, REKEY_RETRY_MS);
}

static int rekey_build(struct ike_sa *sa, struct ike_task *t,
		       struct ike_msg *m)
{
	struct ike_rekey *r = container_of(t, struct ike_rekey, t);

	if (sa->state != IKE_SA_ESTABLISHED)
		return -EAGAIN;
	r->c = (struct ike_choice){
		.num = 1, .encr = sa->encr, .prf = sa->prf,
		.integ = sa->integ, .dh = sa->dh_group,
	};
	r->spi = ike_sa_new_spi();
	r->ni_len = REKEY_NONCE_LEN;
	r->dh = dh_new(sa->dh_group);
	r->pub_len = dh_public_len(sa->dh_group);
	if (!r->spi || !r->dh || RAND_bytes(r->ni, r->ni_len) != 1 ||
	    dh_public(r->dh, r->pub, r->pub_len))
		return -EIO;
	ike_put_choice(&m->w, &r->c, r->spi);
	ikev2_put_nonce(&m->w, r->ni, r->ni_len);
	ikev2_put_ke(&m->w, sa->dh_group, r->pub, r->pub_len);
	stats_inc(STAT_TX_IKE_REKEY);
	return 0;
}

/* the responder's proposal must be ours, with its SPI (§3.3.1) */
static bool rekey_check(const struct ike_rekey *r, const struct ikev2_msg *resp)
{
	const struct ikev2_proposal *p = &resp->sa.prop[0];

	return ikev2_msg_has(resp, IKEV2_PL_SA) &&
	       ikev2_msg_has(resp, IKEV2_PL_NONCE) &&
	       ikev2_msg_has(resp, IKEV2_PL_KE) && resp->sa.nprop == 1 &&
	       p->proto == IKEV2_PROTO_IKE && p->spi_size == IKEV2_SPI_SIZE &&
	       p->spi && resp->ke.group == r->c.dh &&
	       ike_proposal_is(p, &r->c);
}

/* §2.8.2: our rekey and the peer's crossed; whose new IKE SA survives */
static void rekey_collision(struct ike_sa *old, struct ike_sa *ours)
{
	struct ike_sa *theirs = ike_sa_find(old->successor, 0);
	const uint8_t *a, *b;
	size_t alen, blen;

	stats_inc(STAT_IKE_REKEY_COLLISION);
	if (!theirs) {
		ike_delete_start(old, "rekeyed");
		return;
	}
	a = ike_nonce_min(ours->ni, ours->ni_len, ours->nr, ours->nr_len,
			    &alen);
	b = ike_nonce_min(theirs->ni, theirs->ni_len, theirs->nr,
			    theirs->nr_len, &blen);
	if (ike_nonce_cmp(a, alen, b, blen) < 0) {
		ike_delete_start(ours, "redundant rekey (simultaneous)");
		return;
	}
	/* theirs is redundant: the peer deletes it, we delete the old one */
	if (theirs->session) {
		ours->session = theirs->session;
		ours->session->ike = ours;
		theirs->session = NULL;
	}
	ike_delete_start(old, "rekeyed");
}

static bool rekey_done(struct ike_sa *sa, struct ike_task *t,
		       struct ikev2_msg *resp)
{
	struct ike_rekey *r = container_of(t, struct ike_rekey, t);
	uint16_t err = ike_msg_error(resp);
	struct ike_sa *nsa;

	if (err || !rekey_check(r, resp)) {
		log_warn("IKE SA %u: rekey refused: %s", sa->id,
			 err ? ikev2_notify_name(err) : "bad response");
		stats_inc(STAT_IKE_REKEY_FAILED);
		rekey_retry(sa);
		return true;
	}
	r->nr_len = resp->nonce.len;
	memcpy(r->nr, resp->nonce.data, r->nr_len);
	r->secret_len = sizeof(r->secret);
	if (dh_shared(r->dh, resp->ke.data.data, resp->ke.data.len, r->secret,
		      &r->secret_len)) {
		stats_inc(STAT_IKE_REKEY_FAILED);
		rekey_retry(sa);
		return true;
	}
	nsa = rekey_new_sa(sa, r, true, resp->sa.prop[0].spi,
			   sa->state == IKE_SA_ESTABLISHED);
	if (!nsa) {
		rekey_retry(sa);
		return true;
	}
	if (sa->state == IKE_SA_REKEYED)
		rekey_collision(sa, nsa);
	else
		ike_delete_start(sa, "rekeyed");
	return true;
}

static void rekey_destroy(struct ike_task *t)
{
	rekey_free(container_of(t, struct ike_rekey, t));
}

static const struct ike_task_ops rekey_ops = {
	.name = "IKE SA rekey",
	.exchange = IKEV2_EXCH_CREATE_CHILD_SA,
	.build = rekey_build,
	.done = rekey_done,
	.destroy = rekey_destroy,
};

/**
 * ike_rekey_start - rekey an IKE SA (its lifetime is running out, or an
 *	operator asked)
 * @sa: the IKE SA, established
 *
 * While requests of ours or a CHILD_SA rekey are under way, the rekey
 * is tried again REKEY_RETRY_MS later.
 */
void ike_rekey_start(struct ike_sa *sa)
{
	struct ike_rekey *r;

	if (sa->state != IKE_SA_ESTABLISHED || ike_task_pending(sa, &rekey_ops))
		return;
	if (ike_task_busy(sa) ||
	    (sa->session && (sa->session->next.spi_in ||
			     sa->session->old.spi_in))) {
		rekey_retry(sa);
		return;
	}
	r = calloc(1, sizeof(*r));
	if (!r)
		return;
	r->t.ops = &rekey_ops;
	ike_task_queue(sa, &r->t);
}
