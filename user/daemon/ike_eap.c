// SPDX-License-Identifier: GPL-2.0-only
/*
 * EAP pass-through (RFC 7296 §2.16, RFC 3579; FlexVPN guide ch4): the
 * peer's EAP messages relayed to RADIUS and the server's back, while
 * the IKE SA is half-open.  Each Access-Request carries User-Name (the
 * EAP identity), Service-Type Login (inventory §3 item 32),
 * Calling-Station-Id (the peer's address), NAS-IP-Address, the
 * EAP-Message attributes, the State of the last Access-Challenge and a
 * Message-Authenticator (radius_client.c adds it).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "../lib/cfg.h"
#include "aaa.h"
#include "flexvtid.h"
#include "ike.h"
#include "ike_eap.h"
#include "log.h"
#include "stats.h"

/* RFC 2865 §5.6 */
#define SERVICE_TYPE_LOGIN	1
#define EAP_HDR_LEN		4

/* the reply being read: one at a time, and large */
static struct radius_eap_reply eap_reply;

static bool eap_valid(const uint8_t *m, size_t len)
{
	return len >= EAP_HDR_LEN && (size_t)(m[2] << 8 | m[3]) == len;
}

static void eap_answer(struct radius_req *r, int err, uint8_t code,
		       VALUE_PAIR *reply, void *arg);

/* an Access-Request with the peer's EAP message @m */
static int eap_radius_send(struct ike_eap *e, const uint8_t *m, size_t len)
{
	uint32_t login = SERVICE_TYPE_LOGIN;
	VALUE_PAIR *vps = NULL;

	if (!rc_avpair_add(radius_rh(), &vps, PW_USER_NAME,
			   e->identity, strlen(e->identity), 0) ||
	    !rc_avpair_add(radius_rh(), &vps, PW_SERVICE_TYPE,
			   &login, 0, 0) ||
	    aaa_add_endpoints(&vps, &e->sa->remote, &e->sa->local) ||
	    radius_eap_add(radius_rh(), &vps, m, len) ||
	    (e->state_len &&
	     !rc_avpair_add(radius_rh(), &vps, PW_STATE, e->state,
			    e->state_len, 0))) {
		rc_avpair_free(vps);
		return -ENOMEM;
	}
	e->req = radius_req_send(e->group, RADIUS_ACCESS_REQUEST, vps,
				 eap_answer, e);
	if (!e->req)
		return -EIO;
	/* the servers have their own timeouts, and the request always ends
	 * (or is cancelled with the IKE SA): the peer waits for them */
	timer_del(&e->sa->timer);
	return 0;
}

/* the answer to the peer: the server's EAP message, or one made here */
static void eap_reply_peer(struct ike_eap *e, const uint8_t *m, size_t len,
			   const char *fail)
{
	bool first = e->hdr.msgid == e->first_hdr.msgid;

	ike_auth_eap_reply(e->sa, &e->hdr, first, m, len, fail);
}

static void eap_accept(struct ike_eap *e, struct radius_req *r,
		       const struct radius_eap_reply *rep)
{
	uint8_t success[EAP_HDR_LEN] = { EAP_CODE_SUCCESS, e->eap_id, 0,
					 EAP_HDR_LEN };
	int ret;

	ret = radius_eap_msk(rep, r->server->secret, r->auth, e->msk,
			     &e->msk_len);
	if (ret && ret != -ENOENT) {
		stats_inc(STAT_EAP_FAILED);
		eap_reply_peer(e, NULL, 0, "the MS-MPPE keys of the "
			       "Access-Accept do not decrypt");
		return;
	}
	snprintf(e->user, sizeof(e->user), "%s", rep->user);
	e->done = true;
	stats_inc(STAT_EAP_SUCCESS);
	log_info("IKE SA %u: EAP of %s succeeded (%s)", e->sa->id,
		 e->identity, e->msk_len ? "MSK" : "no MSK: SK_p keys");
	if (eap_valid(rep->eap, rep->eap_len) &&
	    rep->eap[0] == EAP_CODE_SUCCESS)
		eap_reply_peer(e, rep->eap, rep->eap_len, NULL);
	else
		eap_reply_peer(e, success, sizeof(success), NULL);
}

static void eap_answer(struct radius_req *r, int err, uint8_t code,
		       VALUE_PAIR *reply, void *arg)
{
	struct radius_eap_reply *rep = &eap_reply;
	struct ike_eap *e = arg;
	uint8_t failure[EAP_HDR_LEN] = { EAP_CODE_FAILURE, e->eap_id, 0,
					 EAP_HDR_LEN };

	(void)reply;
	e->req = NULL;
	if (err) {
		stats_inc(STAT_EAP_NO_SERVER);
		eap_reply_peer(e, failure, sizeof(failure),
			       "no RADIUS server of the EAP list answered");
		return;
	}
	if (!r->reply || radius_eap_parse(r->reply, r->reply_len, rep)) {
		stats_inc(STAT_EAP_FAILED);
		radius_eap_wipe(rep);
		eap_reply_peer(e, failure, sizeof(failure),
			       "malformed RADIUS reply");
		return;
	}
	memcpy(e->state, rep->state, rep->state_len);
	e->state_len = rep->state_len;
	if (code == RADIUS_ACCESS_CHALLENGE && eap_valid(rep->eap,
							 rep->eap_len) &&
	    rep->eap[0] == EAP_CODE_REQUEST) {
		e->eap_id = rep->eap[1];
		eap_reply_peer(e, rep->eap, rep->eap_len, NULL);
	} else if (code == RADIUS_ACCESS_ACCEPT) {
		eap_accept(e, r, rep);
	} else {
		stats_inc(STAT_EAP_FAILED);
		if (eap_valid(rep->eap, rep->eap_len) &&
		    rep->eap[0] == EAP_CODE_FAILURE)
			eap_reply_peer(e, rep->eap, rep->eap_len,
				       "EAP refused by RADIUS");
		else
			eap_reply_peer(e, failure, sizeof(failure),
				       code == RADIUS_ACCESS_CHALLENGE ?
				       "Access-Challenge without an EAP "
				       "request" : "EAP refused by RADIUS");
	}
	radius_eap_wipe(rep);
}

/**
 * ike_eap_request - an IKE_AUTH request of the peer's during EAP, before
 *	the Access-Accept: its EAP response goes to RADIUS
 * @sa: the IKE SA, sa->eap set
 * @req: the request, parsed with its inner payloads
 *
 * A retransmission while RADIUS is asked is ignored (counted in
 * rx-auth-while-authorizing): the answer comes with the reply.  A
 * request without an EAP response fails the IKE SA.
 */
void ike_eap_request(struct ike_sa *sa, const struct ikev2_msg *req)
{
	struct ike_eap *e = sa->eap;
	const struct ikev2_slice *m = &req->eap;

	if (e->req) {
		stats_inc(STAT_AUTH_WAITING);
		return;
	}
	e->hdr = req->hdr;
	if (!ikev2_msg_has(req, IKEV2_PL_EAP) ||
	    m->data[0] != EAP_CODE_RESPONSE) {
		stats_inc(STAT_EAP_FAILED);
		eap_reply_peer(e, NULL, 0, "IKE_AUTH without an EAP response");
		return;
	}
	/* "query-identity": the answer to our EAP-Request/Identity */
	if (!e->identity[0]) {
		if (m->len <= EAP_HDR_LEN + 1 ||
		    m->data[4] != EAP_TYPE_IDENTITY ||
		    m->len - EAP_HDR_LEN - 1 > RADIUS_VALUE_MAX ||
		    memchr(m->data + 5, '\0', m->len - 5)) {
			stats_inc(STAT_EAP_FAILED);
			eap_reply_peer(e, NULL, 0, "no EAP identity");
			return;
		}
		memcpy(e->identity, m->data + 5, m->len - 5);
		e->identity[m->len - 5] = '\0';
	}
	if (eap_radius_send(e, m->data, m->len)) {
		stats_inc(STAT_EAP_NO_SERVER);
		eap_reply_peer(e, NULL, 0, "cannot ask RADIUS");
	}
}

/* what the profile needs for EAP; false with @why when it lacks it */
static bool eap_profile_ok(const struct ike_sa *sa,
			   const struct cfg_profile *pf, char *why,
			   size_t len)
{
	if (!(pf->remote_auth & CFG_AUTH_BIT(CFG_AUTH_EAP))) {
		snprintf(why, len, "no AUTH, and profile %s does not accept "
			 "EAP", pf->name);
		return false;
	}
	if (pf->local_auth != CFG_AUTH_RSA_SIG &&
	    pf->local_auth != CFG_AUTH_ECDSA_SIG) {
		snprintf(why, len, "profile %s: EAP needs 'authentication "
			 "local rsa-sig|ecdsa-sig'", pf->name);
		return false;
	}
	if (!pf->eap_list || !pf->eap_list->group) {
		snprintf(why, len, "profile %s has no 'aaa authentication "
			 "eap' list with a RADIUS group", pf->name);
		return false;
	}
	if (!pf->eap_query_identity &&
	    (sa->peer_id.type == IKEV2_ID_IPV4_ADDR ||
	     sa->peer_id.type == IKEV2_ID_IPV6_ADDR)) {
		snprintf(why, len, "an address is no EAP identity (profile "
			 "%s has no 'query-identity')", pf->name);
		return false;
	}
	return true;
}

/**
 * ike_eap_start - begin EAP with a peer whose first IKE_AUTH request has
 *	no AUTH (§2.16)
 * @sa: the half-open IKE SA, its peer identity set
 * @pf: the profile that matched
 * @d: the request as received, decrypted (@d->inner is kept)
 * @req: the request, parsed
 * @why: receives the reason when this fails
 * @len: bytes at @why
 *
 * With "query-identity" the first response carries EAP-Request/Identity;
 * without, the peer's IKE identity is its EAP identity, sent to RADIUS
 * in an EAP-Response/Identity made here, and the first response waits
 * for the server's first EAP request.
 *
 * Return: 0 when EAP is under way (or ended and the IKE SA freed); a
 * negative errno when the peer cannot do EAP here (the profile does not
 * allow it, no RADIUS list, an address identity without query-identity)
 * or memory runs out: the caller refuses the peer.
 */
int ike_eap_start(struct ike_sa *sa, const struct cfg_profile *pf,
		  const struct ike_dgram *d, const struct ikev2_msg *req,
		  char *why, size_t len)
{
	uint8_t m[EAP_HDR_LEN + 1 + RADIUS_VALUE_MAX] = {
		EAP_CODE_REQUEST, 1, 0, EAP_HDR_LEN + 1, EAP_TYPE_IDENTITY,
	};
	struct ike_eap *e;
	size_t n;

	if (!eap_profile_ok(sa, pf, why, len))
		return -EPERM;
	e = calloc(1, sizeof(*e));
	if (e)
		e->first = malloc(d->inner_len ? d->inner_len : 1);
	if (!e || !e->first) {
		free(e);
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	e->sa = sa;
	e->group = aaa_group(pf->eap_list->group);
	memcpy(e->first, d->inner, d->inner_len);
	e->first_len = d->inner_len;
	e->first_type = req->sk.first;
	e->first_hdr = e->hdr = req->hdr;
	e->eap_id = 1;
	e->timeout_ms = pf->eap_timeout ? pf->eap_timeout * 1000 :
			IKE_SA_HALF_OPEN_MS;
	sa->eap = e;
	if (pf->eap_query_identity) {
		ike_auth_eap_reply(sa, &req->hdr, true, m, EAP_HDR_LEN + 1,
				   NULL);
		return 0;
	}
	ike_id_str(&sa->peer_id, e->identity, sizeof(e->identity));
	n = strlen(e->identity);
	m[0] = EAP_CODE_RESPONSE;
	m[1] = 0;
	m[2] = (EAP_HDR_LEN + 1 + n) >> 8;
	m[3] = EAP_HDR_LEN + 1 + n;
	memcpy(m + 5, e->identity, n);
	if (!n || !e->group || eap_radius_send(e, m, EAP_HDR_LEN + 1 + n)) {
		snprintf(why, len, "cannot ask RADIUS for EAP");
		ike_eap_free(sa);
		return -EIO;
	}
	return 0;
}

/**
 * ike_eap_first - the first IKE_AUTH request of an EAP conversation,
 *	parsed again from the copy kept
 * @sa: the IKE SA, sa->eap set
 *
 * Return: the request (the caller frees it), NULL when memory runs out.
 */
struct ikev2_msg *ike_eap_first(const struct ike_sa *sa)
{
	const struct ike_eap *e = sa->eap;
	struct ikev2_msg *m = calloc(1, sizeof(*m));

	if (!m || ikev2_msg_parse_inner(m, e->first, e->first_len,
					e->first_type)) {
		free(m);
		return NULL;
	}
	m->hdr = e->first_hdr;
	return m;
}

/**
 * ike_eap_key - the key of an AUTH after EAP (RFC 7296 §2.16): the MSK,
 *	or SK_pi (the peer's AUTH) and SK_pr (ours) when the method has no
 *	MSK
 * @sa: the IKE SA, sa->eap done
 * @initiator: the key of the initiator's AUTH, else of ours
 * @key: receives the key; it points into @sa
 */
void ike_eap_key(struct ike_sa *sa, bool initiator, struct cfg_key *key)
{
	struct ike_eap *e = sa->eap;

	if (e->msk_len) {
		key->data = e->msk;
		key->len = e->msk_len;
	} else {
		key->data = initiator ? sa->sk_pi : sa->sk_pr;
		key->len = sa->prf->out_len;
	}
}

/**
 * ike_eap_identity - the identity EAP established, for authorization
 *	and accounting (inventory B03): the User-Name of the Access-Accept,
 *	else the EAP identity
 * @sa: the IKE SA
 *
 * Return: the identity, NULL when the peer did not use EAP.
 */
const char *ike_eap_identity(const struct ike_sa *sa)
{
	const struct ike_eap *e = sa->eap;

	if (!e || !e->identity[0])
		return NULL;
	return e->user[0] ? e->user : e->identity;
}

/**
 * ike_eap_free - end an IKE SA's EAP conversation, wherever it is; the
 *	MSK is wiped
 * @sa: the IKE SA
 */
void ike_eap_free(struct ike_sa *sa)
{
	struct ike_eap *e = sa->eap;

	if (!e)
		return;
	radius_req_cancel(e->req);
	OPENSSL_cleanse(e->first, e->first_len);
	free(e->first);
	OPENSSL_cleanse(e, sizeof(*e));
	free(e);
	sa->eap = NULL;
}
