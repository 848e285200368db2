// SPDX-License-Identifier: GPL-2.0-only
/*
 * IKE_SA_INIT, responder side (RFC 7296 §1.2, §2.10, §2.23, §3.3):
 * choose the IKE proposal in the initiator's order among the matching
 * policy's proposals, ask for another KE group when the guess was wrong
 * (INVALID_KE_PAYLOAD), detect NATs, answer with SA, KE, Nr and the NAT
 * detection notifications, and derive the IKE SA's keys.
 */
#include <errno.h>
#include <string.h>

#include <arpa/inet.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "../lib/cfg.h"
#include "../lib/dh.h"
#include "../lib/keymat.h"
#include "flexvtid.h"
#include "ike.h"
#include "log.h"
#include "stats.h"

/* our nonce: half the key of the strongest PRF (§2.10) */
#define IKE_NONCE_LEN	32

static bool ike_cfg_has_encr(const struct cfg_proposal *cp,
			     const struct ikev2_transform *t)
{
	unsigned int i;

	for (i = 0; i < cp->nencr; i++)
		if (cp->encr[i].id == t->id && cp->encr[i].bits == t->keylen)
			return true;
	return false;
}

static bool ike_cfg_has(const uint16_t *ids, unsigned int n, uint16_t id)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/* the initiator's first usable transform of a type that @ok accepts */
static const struct ikev2_transform *
ike_pick(const struct ikev2_proposal *p, uint8_t type,
	 bool (*ok)(const struct cfg_proposal *, const struct ikev2_transform *),
	 const struct cfg_proposal *cp)
{
	unsigned int i;

	for (i = 0; i < p->ntrans; i++)
		if (p->trans[i].type == type && !p->trans[i].unusable &&
		    ok(cp, &p->trans[i]))
			return &p->trans[i];
	return NULL;
}

static bool ike_ok_encr(const struct cfg_proposal *cp,
			const struct ikev2_transform *t)
{
	return ike_cfg_has_encr(cp, t) && crypto_encr_find(t->id, t->keylen);
}

static bool ike_ok_prf(const struct cfg_proposal *cp,
		       const struct ikev2_transform *t)
{
	return ike_cfg_has(cp->prf, cp->nprf, t->id) && crypto_prf_find(t->id);
}

static bool ike_ok_integ(const struct cfg_proposal *cp,
			 const struct ikev2_transform *t)
{
	return ike_cfg_has(cp->integ, cp->ninteg, t->id) &&
	       crypto_integ_find(t->id);
}

static bool ike_ok_dh(const struct cfg_proposal *cp,
		      const struct ikev2_transform *t)
{
	return ike_cfg_has(cp->dh, cp->ndh, t->id) && dh_supported(t->id);
}

/* whether a proposal offers an integrity algorithm other than NONE */
static bool ike_has_integ(const struct ikev2_proposal *p)
{
	unsigned int i;

	for (i = 0; i < p->ntrans; i++)
		if (p->trans[i].type == IKEV2_TRANS_INTEG && p->trans[i].id)
			return true;
	return false;
}

/* spare a round trip when the group of the KE payload will do */
static bool ike_ke_fits(const struct ikev2_proposal *p,
			const struct cfg_proposal *cp, uint16_t ke_group)
{
	unsigned int i;

	for (i = 0; i < p->ntrans; i++)
		if (p->trans[i].type == IKEV2_TRANS_DH &&
		    p->trans[i].id == ke_group && !p->trans[i].unusable &&
		    ike_ok_dh(cp, &p->trans[i]))
			return true;
	return false;
}

static bool ike_choose_from(const struct ikev2_proposal *p,
			    const struct cfg_proposal *cp, uint16_t ke_group,
			    struct ike_choice *c)
{
	const struct ikev2_transform *encr, *prf, *integ = NULL, *dh;

	encr = ike_pick(p, IKEV2_TRANS_ENCR, ike_ok_encr, cp);
	prf = ike_pick(p, IKEV2_TRANS_PRF, ike_ok_prf, cp);
	dh = ike_pick(p, IKEV2_TRANS_DH, ike_ok_dh, cp);
	if (!encr || !prf || !dh)
		return false;
	c->encr = crypto_encr_find(encr->id, encr->keylen);
	if (c->encr->aead) {
		/* RFC 5282 §8: no integrity algorithm with an AEAD */
		if (ike_has_integ(p))
			return false;
	} else {
		integ = ike_pick(p, IKEV2_TRANS_INTEG, ike_ok_integ, cp);
		if (!integ)
			return false;
	}
	c->num = p->num;
	c->spi = p->spi;
	c->prf = crypto_prf_find(prf->id);
	c->integ = integ ? crypto_integ_find(integ->id) : NULL;
	c->dh = ike_ke_fits(p, cp, ke_group) ? ke_group : dh->id;
	return true;
}

/*
 * §2.7: the initiator's proposals in its order; for each, the policy's
 * proposals in configured order; within one, the initiator's order of
 * transforms.
 */
static bool ike_choose(const struct ikev2_sa *sa, const struct cfg_policy *pol,
		       uint8_t spi_size, uint16_t ke_group,
		       struct ike_choice *c)
{
	unsigned int i, j;

	for (i = 0; i < sa->nprop; i++) {
		const struct ikev2_proposal *p = &sa->prop[i];

		if (p->proto != IKEV2_PROTO_IKE || p->spi_size != spi_size)
			continue;
		for (j = 0; j < pol->nproposals; j++)
			if (ike_choose_from(p, pol->proposals[j], ke_group, c))
				return true;
	}
	return false;
}

/**
 * ike_proposal_is - whether a responder's IKE proposal is the one we sent
 * @p: the proposal of the response
 * @c: ours
 *
 * Return: true when it has exactly our transforms, one of each type.
 */
bool ike_proposal_is(const struct ikev2_proposal *p, const struct ike_choice *c)
{
	unsigned int i, n = 0;

	for (i = 0; i < p->ntrans; i++) {
		const struct ikev2_transform *t = &p->trans[i];

		switch (t->type) {
		case IKEV2_TRANS_ENCR:
			if (t->id != c->encr->id ||
			    t->keylen != c->encr->key_bits)
				return false;
			break;
		case IKEV2_TRANS_PRF:
			if (t->id != c->prf->id)
				return false;
			break;
		case IKEV2_TRANS_INTEG:
			if (t->id != (c->integ ? c->integ->id : 0))
				return false;
			if (!t->id)
				continue;
			break;
		case IKEV2_TRANS_DH:
			if (t->id != c->dh)
				return false;
			break;
		default:
			return false;
		}
		n++;
	}
	return n == 3 + !!c->integ;
}

/**
 * ike_put_choice - an SA payload with the one IKE proposal chosen
 * @w: the message
 * @c: the choice; @c->num is kept
 * @spi: the SPI to put, 0 for none (IKE_SA_INIT), else our SPI of the
 *	new IKE SA of a rekey (§3.3.1: 8 bytes)
 */
void ike_put_choice(struct ikev2_writer *w, const struct ike_choice *c,
		    uint64_t spi)
{
	struct ikev2_proposal p = {
		.num = c->num,
		.proto = IKEV2_PROTO_IKE,
		.spi_size = spi ? IKEV2_SPI_SIZE : 0,
		.spi = spi,
		.trans = {
			{ .type = IKEV2_TRANS_ENCR, .id = c->encr->id,
			  .keylen = c->encr->key_bits },
			{ .type = IKEV2_TRANS_PRF, .id = c->prf->id },
			{ .type = IKEV2_TRANS_DH, .id = c->dh },
		},
		.ntrans = 3,
	};

	if (c->integ)
		p.trans[p.ntrans++] = (struct ikev2_transform){
			.type = IKEV2_TRANS_INTEG, .id = c->integ->id };
	ikev2_put_sa(w, &p, 1);
}

/**
 * ike_natd_hash - the data of a NAT detection notification (§2.23):
 *	SHA-1(SPIi | SPIr | IP | port)
 * @spi_i: the initiator's SPI
 * @spi_r: the responder's SPI, 0 in the IKE_SA_INIT request
 * @a: the address and port
 * @out: IKE_NATD_LEN bytes
 *
 * Return: 0 or -EIO.
 */
int ike_natd_hash(uint64_t spi_i, uint64_t spi_r,
		  const struct sockaddr_storage *a, uint8_t *out)
{
	uint8_t buf[16 + 16 + 2];
	uint16_t port = htons(sock_addr_port(a));
	const void *ip;
	size_t len, i;

	for (i = 0; i < 8; i++) {
		buf[i] = spi_i >> (56 - 8 * i);
		buf[8 + i] = spi_r >> (56 - 8 * i);
	}
	ip = sock_addr_bytes(a, &len);
	memcpy(buf + 16, ip, len);
	memcpy(buf + 16 + len, &port, 2);
	return EVP_Digest(buf, 18 + len, out, NULL, EVP_sha1(), NULL) ? 0 :
	       -EIO;
}

/**
 * ike_natd_match - whether a NAT detection notification of a message
 *	carries the hash of an address (§2.23)
 * @msg: the IKE_SA_INIT request or response
 * @type: IKEV2_N_NAT_DETECTION_SOURCE_IP or _DESTINATION_IP
 * @spi_i: the initiator's SPI
 * @spi_r: the responder's SPI, 0 for a request's hashes
 * @a: the address and port
 *
 * Return: true when one of them does; false when none does or the hash
 * cannot be computed.
 */
bool ike_natd_match(const struct ikev2_msg *msg, uint16_t type,
		    uint64_t spi_i, uint64_t spi_r,
		    const struct sockaddr_storage *a)
{
	uint8_t h[IKE_NATD_LEN];
	unsigned int i;

	if (ike_natd_hash(spi_i, spi_r, a, h))
		return false;
	for (i = 0; i < msg->nnotify; i++)
		if (msg->notify[i].type == type &&
		    msg->notify[i].data.len == IKE_NATD_LEN &&
		    !memcmp(msg->notify[i].data.data, h, IKE_NATD_LEN))
			return true;
	return false;
}

/* §2.23: no hash that fits means a NAT (or a peer forcing encapsulation) */
static void ike_natd(struct ike_sa *sa, const struct ikev2_msg *req)
{
	if (!ikev2_msg_notify(req, IKEV2_N_NAT_DETECTION_SOURCE_IP))
		return;
	sa->nat_remote = !ike_natd_match(req, IKEV2_N_NAT_DETECTION_SOURCE_IP,
					 req->hdr.ispi, 0, &sa->remote);
	sa->nat_local = !ike_natd_match(req,
					IKEV2_N_NAT_DETECTION_DESTINATION_IP,
					req->hdr.ispi, 0, &sa->local);
}

/**
 * ike_put_natd - our two NAT detection notifications (§2.23)
 * @w: the IKE_SA_INIT message being written
 * @sa: the IKE SA: its SPIs (the responder's 0 in a request) and
 *	addresses
 *
 * Return: 0, or -EIO when a hash cannot be computed (what can be is
 * written).
 */
int ike_put_natd(struct ikev2_writer *w, const struct ike_sa *sa)
{
	uint8_t h[IKE_NATD_LEN];
	int ret = 0;

	if (!ike_natd_hash(sa->spi_i, sa->spi_r, &sa->local, h))
		ikev2_put_notify(w, 0, NULL, 0,
				 IKEV2_N_NAT_DETECTION_SOURCE_IP, h, sizeof(h));
	else
		ret = -EIO;
	if (!ike_natd_hash(sa->spi_i, sa->spi_r, &sa->remote, h))
		ikev2_put_notify(w, 0, NULL, 0,
				 IKEV2_N_NAT_DETECTION_DESTINATION_IP, h,
				 sizeof(h));
	else
		ret = -EIO;
	return ret;
}

static void ike_refuse(struct ike_dgram *d, const struct ikev2_msg *req,
		       uint16_t type, const uint8_t *data, size_t len)
{
	struct ike_msg msg, *m = &msg;

	ike_msg_plain_response(m, &req->hdr, 0);
	ikev2_put_notify(&m->w, 0, NULL, 0, type, data, len);
	ike_msg_send_plain(m, d);
	log_info("IKE_SA_INIT from %s refused: %s", sock_addr_str(&d->remote),
		 ikev2_notify_name(type));
}

/**
 * ike_spi_bytes - an IKE SPI as the 8 bytes of the wire
 * @spi: the SPI
 * @out: 8 bytes
 */
void ike_spi_bytes(uint64_t spi, uint8_t *out)
{
	int i;

	for (i = 0; i < 8; i++)
		out[i] = spi >> (56 - 8 * i);
}

/**
 * ike_dh_respond - the responder's half of a Diffie-Hellman exchange
 * @group: enum ikev2_dh
 * @peer: the peer's public value (KE payload data)
 * @peer_len: its length in bytes
 * @pub: receives our public value, DH_PUBLIC_MAX bytes of room
 * @pub_len: receives its length
 * @secret: receives g^ir, DH_SHARED_MAX bytes of room
 * @secret_len: receives its length
 *
 * Return: 0, or a negative errno (-EINVAL for a value not in the group).
 */
int ike_dh_respond(uint16_t group, const uint8_t *peer, size_t peer_len,
		   uint8_t *pub, size_t *pub_len, uint8_t *secret,
		   size_t *secret_len)
{
	struct dh *dh = dh_new(group);
	int ret;

	if (!dh)
		return -ENOMEM;
	*pub_len = dh_public_len(group);
	*secret_len = DH_SHARED_MAX;
	ret = dh_public(dh, pub, *pub_len);
	if (!ret)
		ret = dh_shared(dh, peer, peer_len, secret, secret_len);
	dh_free(dh);
	return ret;
}

/**
 * ike_sa_keys - install the keys of §2.14 in an IKE SA
 * @sa: the IKE SA; ->initiator says which keys protect whose messages
 * @km: the keys, derived for it
 *
 * Return: 0 or a negative errno.
 */
int ike_sa_keys(struct ike_sa *sa, const struct keymat_ike *km)
{
	const uint8_t *ei = km->sk_ei, *ai = km->sk_ai;
	const uint8_t *er = km->sk_er, *ar = km->sk_ar;
	int ret;

	ret = crypto_sk_init(&sa->sk_in, sa->encr, sa->integ,
			     sa->initiator ? er : ei, km->encr_len,
			     sa->initiator ? ar : ai, km->integ_len);
	if (!ret)
		ret = crypto_sk_init(&sa->sk_out, sa->encr, sa->integ,
				     sa->initiator ? ei : er, km->encr_len,
				     sa->initiator ? ai : ar, km->integ_len);
	memcpy(sa->sk_d, km->sk_d, km->prf_len);
	memcpy(sa->sk_pi, km->sk_pi, km->prf_len);
	memcpy(sa->sk_pr, km->sk_pr, km->prf_len);
	return ret;
}

/**
 * ike_sa_derive - SKEYSEED and the keys of an IKE SA from its nonces,
 *	SPIs and shared secret (RFC 7296 §2.13-§2.14), in either role
 * @sa: the IKE SA: both SPIs, Ni and Nr filled in; receives the
 *	chosen transforms and the keys
 * @c: the chosen transforms
 * @secret: g^ir, @secret_len bytes; the caller wipes it
 * @secret_len: its length
 *
 * Return: 0, or a negative errno from the key derivation.
 */
int ike_sa_derive(struct ike_sa *sa, const struct ike_choice *c,
		  const uint8_t *secret, size_t secret_len)
{
	uint8_t spi_i[8], spi_r[8];
	struct keymat_ike km;
	int ret;

	sa->prf = c->prf;
	sa->encr = c->encr;
	sa->integ = c->integ;
	sa->dh_group = c->dh;
	ike_spi_bytes(sa->spi_i, spi_i);
	ike_spi_bytes(sa->spi_r, spi_r);
	ret = keymat_ike_derive(c->prf, c->encr, c->integ, sa->ni, sa->ni_len,
				sa->nr, sa->nr_len, spi_i, spi_r, secret,
				secret_len, &km);
	if (!ret)
		ret = ike_sa_keys(sa, &km);
	keymat_wipe(&km, sizeof(km));
	return ret;
}

/* the Diffie-Hellman exchange and the keys of §2.13-§2.14 */
static int ike_keys(struct ike_sa *sa, const struct ike_choice *c,
		    const struct ikev2_msg *req, uint8_t *pub, size_t *pub_len)
{
	uint8_t secret[DH_SHARED_MAX];
	size_t secret_len;
	int ret;

	ret = ike_dh_respond(c->dh, req->ke.data.data, req->ke.data.len, pub,
			     pub_len, secret, &secret_len);
	if (ret)
		return ret;
	ret = ike_sa_derive(sa, c, secret, secret_len);
	OPENSSL_cleanse(secret, sizeof(secret));
	return ret;
}

static int ike_respond(struct ike_sa *sa, struct ike_dgram *d,
		       const struct ikev2_msg *req, const struct ike_choice *c)
{
	struct ike_msg msg, *m = &msg;
	uint8_t pub[DH_PUBLIC_MAX];
	size_t pub_len;
	int ret, len;

	sa->ni_len = req->nonce.len;
	memcpy(sa->ni, req->nonce.data, sa->ni_len);
	sa->nr_len = IKE_NONCE_LEN;
	if (RAND_bytes(sa->nr, sa->nr_len) != 1)
		return -EIO;
	ret = ike_keys(sa, c, req, pub, &pub_len);
	if (ret)
		return ret;
	ike_natd(sa, req);

	ike_msg_plain_response(m, &req->hdr, sa->spi_r);
	ike_put_choice(&m->w, c, 0);
	ikev2_put_ke(&m->w, c->dh, pub, pub_len);
	ikev2_put_nonce(&m->w, sa->nr, sa->nr_len);
	ike_put_natd(&m->w, sa);
	ike_cert_put_init(&m->w);
	len = ikev2_writer_finish(&m->w);
	if (len < 0)
		return len;
	ret = ike_sa_keep(&sa->init_req, &sa->init_req_len, d->buf, d->len);
	if (!ret)
		ret = ike_sa_keep(&sa->init_resp, &sa->init_resp_len, m->buf,
				  len);
	if (!ret)
		ret = ike_resp_keep(sa, 0, m->buf, len);
	if (ret)
		return ret;
	sock_send(d->sock, &d->local, &d->remote, m->buf, len);
	return 0;
}

/**
 * ike_policy_choose - the IKE proposal for a request: from the policy
 *	matching our address, in the initiator's order
 * @local: our address the request came to
 * @sa: the initiator's SA payload
 * @spi_size: the SPI size its IKE proposals must have: 0 in
 *	IKE_SA_INIT, IKEV2_SPI_SIZE in a rekey (§3.3.1)
 * @ke_group: the group of its KE payload
 * @c: the choice; @c->dh is @ke_group when that group is acceptable
 *
 * Return: true when a proposal fits.
 */
bool ike_policy_choose(const struct sockaddr_storage *local,
		       const struct ikev2_sa *sa, uint8_t spi_size,
		       uint16_t ke_group, struct ike_choice *c)
{
	const struct cfg_policy *pol;
	struct cfg_addr addr;

	cfg_addr_from_sockaddr(&addr, (const struct sockaddr *)local);
	pol = cfg_policy_match(daemon_cfg(), &addr, NULL);
	return pol && ike_choose(sa, pol, spi_size, ke_group, c);
}

/**
 * ike_init_request - answer an IKE_SA_INIT request
 * @d: the request as received
 * @req: the request, parsed
 *
 * A retransmitted request gets the same response again.  A request
 * whose proposals the matching policy lacks gets NO_PROPOSAL_CHOSEN, one
 * with the KE payload of another group INVALID_KE_PAYLOAD naming the
 * group chosen; neither leaves any state.
 */
void ike_init_request(struct ike_dgram *d, struct ikev2_msg *req)
{
	struct ike_choice c;
	struct ike_sa *sa;
	uint8_t group[2];
	int ret;

	sa = ike_sa_find_half_open(req->hdr.ispi, &d->remote);
	if (sa) {
		stats_inc(STAT_RX_RETRANSMIT);
		if (sa->resp[0].buf)
			sock_send(sa->sock, &sa->local, &sa->remote,
				  sa->resp[0].buf, sa->resp[0].len);
		return;
	}
	if (!ikev2_msg_has(req, IKEV2_PL_SA) ||
	    !ikev2_msg_has(req, IKEV2_PL_KE) ||
	    !ikev2_msg_has(req, IKEV2_PL_NONCE)) {
		stats_inc(STAT_RX_MALFORMED);
		return;
	}
	if (!ike_dos_admit(d, req))
		return;
	if (!ike_policy_choose(&d->local, &req->sa, 0, req->ke.group, &c)) {
		stats_inc(STAT_NO_PROPOSAL);
		ike_refuse(d, req, IKEV2_N_NO_PROPOSAL_CHOSEN, NULL, 0);
		return;
	}
	if (c.dh != req->ke.group) {
		group[0] = c.dh >> 8;
		group[1] = c.dh;
		stats_inc(STAT_INVALID_KE);
		ike_refuse(d, req, IKEV2_N_INVALID_KE_PAYLOAD, group, 2);
		return;
	}
	sa = ike_sa_new(false, 0, req->hdr.ispi, d->sock, &d->local, &d->remote);
	if (!sa) {
		log_err("IKE_SA_INIT from %s: out of memory",
			sock_addr_str(&d->remote));
		return;
	}
	ret = ike_respond(sa, d, req, &c);
	if (ret) {
		/* a KE value that is no point of the group, say */
		stats_inc(STAT_RX_MALFORMED);
		ike_sa_free(sa, "IKE_SA_INIT failed");
		return;
	}
	log_info("IKE SA %u: IKE_SA_INIT from %s: %s %s%s%s %s%s%s", sa->id,
		 sock_addr_str(&d->remote), c.encr->name, c.prf->name,
		 c.integ ? " " : "", c.integ ? c.integ->name : "",
		 ikev2_transform_name(IKEV2_TRANS_DH, c.dh),
		 sa->nat_remote ? ", NAT at the peer" : "",
		 sa->nat_local ? ", NAT here" : "");
}
