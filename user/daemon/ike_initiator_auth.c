// SPDX-License-Identifier: GPL-2.0-only
/*
 * IKE_AUTH of a connection of ours (RFC 7296 §1.2, §2.15, §2.17, §2.19,
 * §3.15): once IKE_SA_INIT gave the keys (ike_initiator.c), we send IDi,
 * AUTH made with the pre-shared key of the profile or its keyring (the
 * peer found by the tunnel destination), INITIAL_CONTACT when we have no
 * other IKE SA with the peer under the same identity, our window, a
 * CFG_REQUEST for an IPv4 address when the tunnel has "ip address
 * negotiated" and with the subnets of our authorization policy ("route
 * set", FlexVPN route exchange), and the CHILD_SA:
 * one ESP proposal per transform set of the IPsec profile with our
 * inbound SPI, and the selectors of the tunnel's mode (everything of the
 * inner family in ipsec mode; GRE between the outer addresses in gre
 * mode, with ESP transport mode).
 *
 * The response must name the responder with an identity the profile's
 * "match identity remote" accepts (any when it has none) and carry its
 * AUTH made with the same keyring's key; its proposal must be one of
 * ours; its selectors are taken as the responder narrowed them (the
 * interface routes what the operator routes into it, whatever the
 * selectors).  The subnets of its CFG_REPLY become routes through the
 * interface when our policy has "route accept any".  The session goes up
 * on the connection owner's interface and the IKE SA is established.  A
 * responder that authenticated but refused the CHILD_SA is sent a
 * Delete: FlexVPN has no session without its CHILD_SA.
 *
 * Only pre-shared keys authenticate either side here; certificates are
 * for later (the AUTH payloads are made and checked in one place each,
 * iauth_put_auth() and iauth_verify()).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/flexvti.h>

#include <openssl/crypto.h>

#include "../lib/cfg.h"
#include "acct.h"
#include "child.h"
#include "flexvtid.h"
#include "ike.h"
#include "log.h"
#include "session.h"
#include "stats.h"

/**
 * struct iauth_task - our IKE_AUTH request
 * @t: the task
 * @spi_in: our SPI of the CHILD_SA, of its inbound SA
 * @prop: the ESP proposals we offer
 * @encr: the encryption algorithm of each of @prop
 * @integ: its integrity algorithm, NULL with an AEAD
 * @nprop: entries of @prop, @encr and @integ
 * @tsi: our selector
 * @tsr: the responder's selector
 * @transport: ESP transport mode (gre mode)
 * @want_addr4: a CFG_REQUEST for an IPv4 address goes with it
 * @accept: our policy has "route accept any": the CFG_REQUEST asks for
 *	the responder's subnets of each family the tunnel carries
 * @routes: the subnets of our policy the CFG_REQUEST carries
 * @nroutes: entries of @routes
 */
struct iauth_task {
	struct ike_task t;
	uint32_t spi_in;
	struct ikev2_proposal prop[CFG_TSETS_MAX];
	const struct crypto_encr *encr[CFG_TSETS_MAX];
	const struct crypto_integ *integ[CFG_TSETS_MAX];
	unsigned int nprop;
	struct ikev2_ts tsi;
	struct ikev2_ts tsr;
	bool transport;
	bool want_addr4;
	bool accept;
	struct cfg_addr routes[CHILD_ROUTES_MAX];
	unsigned int nroutes;
};

/*
 * Our local authorization policy, as IOS applies one to a FlexVPN client:
 * the NAME of the profile's "aaa authorization user|group psk list LIST
 * NAME" (a list with "local"), the user's over the group's; then the
 * same of "cert" (the guide's spokes authenticate with certificates).
 * NULL without one: no route exchange.
 */
static const struct cfg_authz_policy *iauth_policy(const struct ike_sa *sa)
{
	static const int methods[] = { CFG_AAA_PSK, CFG_AAA_CERT };
	const struct cfg_profile *p = cfg_profile_find(daemon_cfg(),
						       sa->profile);
	unsigned int i;

	for (i = 0; p && i < ARRAY_SIZE(methods); i++) {
		if (p->authz_user[methods[i]].policy)
			return p->authz_user[methods[i]].policy;
		if (p->authz_group[methods[i]].policy)
			return p->authz_group[methods[i]].policy;
	}
	return NULL;
}

/* the family the tunnel carries: AF_UNSPEC for both (gre mode) */
static int iauth_family(const struct iauth_task *at)
{
	if (at->transport)
		return AF_UNSPEC;
	return at->tsi.type == IKEV2_TS_IPV4_ADDR_RANGE ? AF_INET : AF_INET6;
}

/*
 * The CFG_REQUEST: an empty INTERNAL_IP4_ADDRESS for "ip address
 * negotiated", our subnets, and with "route accept any" an empty
 * subnet attribute of each family carried that we send none of (a
 * request for the responder's); nothing at all when there is none of it
 */
static void iauth_put_cp(const struct iauth_task *at, struct ike_msg *m)
{
	static const uint16_t subnet[2] = {
		IKEV2_CFG_INTERNAL_IP4_SUBNET, IKEV2_CFG_INTERNAL_IP6_SUBNET,
	};
	struct ikev2_cp_attr attr[CHILD_CP_MAX];
	uint8_t vals[CHILD_CP_MAX][20];
	int family = iauth_family(at);
	bool fam[2] = { family != AF_INET6, family != AF_INET };
	unsigned int i, n = 0;

	if (at->want_addr4)
		attr[n++] = (struct ikev2_cp_attr){
			.type = IKEV2_CFG_INTERNAL_IP4_ADDRESS };
	child_cp_put_routes(at->routes, at->nroutes, fam[0], fam[1], attr,
			    vals, &n, CHILD_CP_MAX);
	for (i = 0; at->accept && i < 2 && n < CHILD_CP_MAX; i++)
		if (fam[i] && !child_cp_wants_n(attr, n, subnet[i]))
			attr[n++] = (struct ikev2_cp_attr){ .type = subnet[i] };
	if (n)
		ikev2_put_cp(&m->w, IKEV2_CFG_REQUEST, attr, n);
}

/* the pre-shared key that makes our AUTH (@local) or checks the peer's */
static const struct cfg_key *iauth_key(const struct ike_sa *sa,
				       const struct cfg_profile *p,
				       bool local)
{
	const struct cfg_key *k = local ? &p->local_key : &p->remote_key;
	const struct cfg_peer *peer;
	struct cfg_addr a;

	if (k->data)
		return k;
	if (!p->keyring)
		return NULL;
	cfg_addr_from_sockaddr(&a, (const struct sockaddr *)&sa->remote);
	peer = cfg_keyring_lookup(p->keyring, &a, NULL, NULL);
	if (!peer)
		return NULL;
	k = local ? &peer->local_key : &peer->remote_key;
	return k->data ? k : NULL;
}

/*
 * §2.4: INITIAL_CONTACT when this is the only IKE SA between our identity
 * and the peer's (the peer known by its address until it authenticates):
 * no other one of ours, established or being negotiated, with the same
 * address and identity.  Two tunnels to one peer started together send
 * it once, and the second does not make the peer delete the first.
 */
static bool iauth_alone(const struct ike_sa *sa)
{
	const struct ike_sa *o;

	for (o = ike_sa_first(); o; o = o->next)
		if (o != sa && o->state != IKE_SA_DELETING &&
		    sock_addr_equal(&o->remote, &sa->remote, false) &&
		    o->local_id.type == sa->local_id.type &&
		    o->local_id.len == sa->local_id.len &&
		    !memcmp(o->local_id.data, sa->local_id.data,
			    sa->local_id.len))
			return false;
	return true;
}

/* IDi and AUTH: prf(prf(key, "Key Pad for IKEv2"), our signed octets) */
static int iauth_put_auth(struct ike_sa *sa, struct ike_msg *m)
{
	const struct cfg_profile *p = cfg_profile_find(daemon_cfg(),
						       sa->profile);
	uint8_t body[4 + IKE_ID_MAX] = { sa->local_id.type };
	uint8_t auth[CRYPTO_PRF_MAX];
	const struct cfg_key *key;
	int ret;

	key = p ? iauth_key(sa, p, true) : NULL;
	if (!key) {
		log_warn("IKE SA %u: no pre-shared key for %s", sa->id,
			 sock_addr_str(&sa->remote));
		return -ENOKEY;
	}
	memcpy(body + 4, sa->local_id.data, sa->local_id.len);
	ikev2_put_id(&m->w, IKEV2_PL_IDI, sa->local_id.type, sa->local_id.data,
		     sa->local_id.len);
	if (iauth_alone(sa))
		ikev2_put_notify(&m->w, 0, NULL, 0, IKEV2_N_INITIAL_CONTACT,
				 NULL, 0);
	ret = ike_auth_psk(sa, true, key, body, 4 + sa->local_id.len, auth);
	if (!ret)
		ikev2_put_auth(&m->w, IKEV2_AUTH_SHARED_KEY_MIC, auth,
			       sa->prf->out_len);
	OPENSSL_cleanse(auth, sizeof(auth));
	sa->auth_sign = CFG_AUTH_PSK;
	return ret;
}

static int iauth_build(struct ike_sa *sa, struct ike_task *t,
		       struct ike_msg *m)
{
	struct iauth_task *at = container_of(t, struct iauth_task, t);
	int ret;

	ret = iauth_put_auth(sa, m);
	if (ret)
		return ret;
	iauth_put_cp(at, m);
	ike_put_window(m, sa);
	if (at->transport)
		ikev2_put_notify(&m->w, 0, NULL, 0, IKEV2_N_USE_TRANSPORT_MODE,
				 NULL, 0);
	ikev2_put_sa(&m->w, at->prop, at->nprop);
	ikev2_put_ts(&m->w, IKEV2_PL_TSI, &at->tsi, 1);
	ikev2_put_ts(&m->w, IKEV2_PL_TSR, &at->tsr, 1);
	return 0;
}

/* the responder's AUTH, made with the key of the keyring (§2.15) */
static bool iauth_verify(struct ike_sa *sa, const struct cfg_profile *p,
			 const struct ikev2_msg *resp, char *why, size_t len)
{
	uint8_t expect[CRYPTO_PRF_MAX];
	const struct cfg_key *key;
	bool ok;

	if (resp->auth.method != IKEV2_AUTH_SHARED_KEY_MIC) {
		snprintf(why, len, "AUTH method %s: only pre-shared keys "
			 "authenticate a responder", ikev2_auth_method_name(
			 resp->auth.method));
		return false;
	}
	key = iauth_key(sa, p, false);
	if (!(p->remote_auth & CFG_AUTH_BIT(CFG_AUTH_PSK)) || !key) {
		snprintf(why, len, "profile %s has no pre-shared key for the "
			 "responder", p->name);
		return false;
	}
	if (resp->auth.data.len != sa->prf->out_len ||
	    ike_auth_psk(sa, false, key, resp->idr.body.data,
			 resp->idr.body.len, expect)) {
		snprintf(why, len, "AUTH payload does not verify");
		return false;
	}
	ok = !CRYPTO_memcmp(expect, resp->auth.data.data, sa->prf->out_len);
	OPENSSL_cleanse(expect, sizeof(expect));
	if (!ok)
		snprintf(why, len, "AUTH payload does not verify");
	else
		sa->auth_verify = CFG_AUTH_PSK;
	return ok;
}

/* the responder's identity and AUTH; false with @why when refused */
static bool iauth_peer(struct ike_sa *sa, const struct ikev2_msg *resp,
		       uint16_t err, char *why, size_t len)
{
	const struct cfg_profile *p = cfg_profile_find(daemon_cfg(),
						       sa->profile);
	const struct ikev2_id *idr = &resp->idr;
	struct cfg_id id = {
		.type = idr->type, .data = idr->data.data, .len = idr->data.len,
	};
	char name[128];

	if (err == IKEV2_N_AUTHENTICATION_FAILED) {
		snprintf(why, len, "the responder refused our AUTH");
		return false;
	}
	if (!ikev2_msg_has(resp, IKEV2_PL_IDR) ||
	    !ikev2_msg_has(resp, IKEV2_PL_AUTH) || !p) {
		snprintf(why, len, "IKE_AUTH refused: %s", err ?
			 ikev2_notify_name(err) : "no IDr or AUTH");
		return false;
	}
	if (idr->data.len > IKE_ID_MAX) {
		snprintf(why, len, "identity of the responder too long");
		return false;
	}
	sa->peer_id.type = idr->type;
	sa->peer_id.len = idr->data.len;
	memcpy(sa->peer_id.data, idr->data.data, idr->data.len);
	if (p->nmatch_id && !cfg_profile_accepts_id(p, &id)) {
		ike_id_str(&sa->peer_id, name, sizeof(name));
		snprintf(why, len, "identity %s not matched by profile %s",
			 name, p->name);
		return false;
	}
	return iauth_verify(sa, p, resp, why, len);
}

/* the responder's ESP proposal: one of ours, with its SPI */
static int iauth_chosen(const struct iauth_task *at,
			const struct ikev2_msg *resp, uint32_t *spi_out)
{
	const struct ikev2_proposal *p = &resp->sa.prop[0];
	unsigned int i;

	if (!ikev2_msg_has(resp, IKEV2_PL_SA) || resp->sa.nprop != 1 ||
	    p->proto != IKEV2_PROTO_ESP ||
	    p->spi_size != IKEV2_CHILD_SPI_SIZE || p->spi < 256)
		return -1;
	for (i = 0; i < at->nprop; i++)
		if (at->prop[i].num == p->num &&
		    child_proposal_is(p, at->encr[i], at->integ[i], 0, false)) {
			*spi_out = p->spi;
			return i;
		}
	return -1;
}

/* the responder's selectors, of the family we asked for */
static bool iauth_ts_keep(const struct ikev2_ts_list *in, uint8_t type,
			  struct ikev2_ts *out, unsigned int *n)
{
	unsigned int i;

	for (i = *n = 0; i < in->n && *n < SESSION_TS_MAX; i++)
		if (in->ts[i].type == type)
			out[(*n)++] = in->ts[i];
	return *n > 0;
}

/* the address the peer assigned us in its CFG_REPLY */
static void iauth_address(struct ike_sa *sa, const struct ikev2_msg *resp,
			  struct session *s)
{
	const struct ikev2_cp *cp = &resp->cp;
	unsigned int i;

	if (ikev2_msg_has(resp, IKEV2_PL_CP) && cp->type == IKEV2_CFG_REPLY)
		for (i = 0; i < cp->nattr; i++)
			if (cp->attr[i].type ==
			    IKEV2_CFG_INTERNAL_IP4_ADDRESS &&
			    cp->attr[i].value.len == 4) {
				s->addr[0].family = AF_INET;
				memcpy(&s->addr[0].v4, cp->attr[i].value.data,
				       4);
				s->naddr = 1;
				return;
			}
	log_warn("IKE SA %u: %s assigned us no IPv4 address", sa->id,
		 sock_addr_str(&sa->remote));
}

/* the session of the response: CHILD_SA, selectors, address, profile */
static bool iauth_child(struct ike_sa *sa, const struct iauth_task *at,
			const struct ikev2_msg *resp, struct session *s,
			char *why, size_t len)
{
	const struct cfg_ipsec_profile *ip;
	int i = iauth_chosen(at, resp, &s->child.spi_out);

	if (i < 0) {
		snprintf(why, len, "the responder chose no ESP proposal of "
			 "ours");
		return false;
	}
	if (at->transport !=
	    !!ikev2_msg_notify(resp, IKEV2_N_USE_TRANSPORT_MODE)) {
		snprintf(why, len, "the responder wants ESP %s mode",
			 at->transport ? "tunnel" : "transport");
		return false;
	}
	if (!ikev2_msg_has(resp, IKEV2_PL_TSI) ||
	    !ikev2_msg_has(resp, IKEV2_PL_TSR) ||
	    !iauth_ts_keep(&resp->tsi, at->tsi.type, s->ts_local,
			   &s->nts_local) ||
	    !iauth_ts_keep(&resp->tsr, at->tsr.type, s->ts_peer,
			   &s->nts_peer)) {
		snprintf(why, len, "no traffic selectors in the response");
		return false;
	}
	ip = sa->conn ? cfg_ipsec_profile_find(daemon_cfg(),
					       sa->conn->cfg.ipsec) : NULL;
	if (!ip) {
		snprintf(why, len, "the IPsec profile is gone");
		return false;
	}
	if (at->want_addr4)
		iauth_address(sa, resp, s);
	if (ikev2_msg_has(resp, IKEV2_PL_CP) &&
	    resp->cp.type == IKEV2_CFG_REPLY)
		child_cp_accept(iauth_policy(sa), &resp->cp, sa,
				iauth_family(at), s);
	s->tmpl.mode = at->transport ? FLEXVTI_MODE_GRE : FLEXVTI_MODE_IPSEC;
	s->child.spi_in = at->spi_in;
	s->child.encr = at->encr[i];
	s->child.integ = at->integ[i];
	s->child.transport = at->transport;
	snprintf(s->ipsec, sizeof(s->ipsec), "%s", ip->name);
	s->pfs = ip->pfs;
	s->life.seconds = ip->lifetime_sec;
	s->life.kbytes = ip->lifetime_kb;
	if (ike_child_keys(sa, &s->child, true, NULL, 0, sa->ni, sa->ni_len,
			   sa->nr, sa->nr_len)) {
		snprintf(why, len, "cannot derive the CHILD_SA's keys");
		return false;
	}
	return true;
}

/* the peer is authenticated: the session on the owner's interface */
static bool iauth_session(struct ike_sa *sa, const struct iauth_task *at,
			  const struct ikev2_msg *resp)
{
	struct ike_conn *c = sa->conn;
	struct session *s = session_new();
	char why[160] = "out of memory", id[128];
	int ret = -ENOMEM;

	if (s && iauth_child(sa, at, resp, s, why, sizeof(why))) {
		ret = c->ops->session_up(c, sa, s);
		if (ret)
			snprintf(why, sizeof(why), "cannot set the session up: "
				 "%s", strerror(-ret));
	}
	if (s) {
		OPENSSL_cleanse(s->child.key_in, sizeof(s->child.key_in));
		OPENSSL_cleanse(s->child.key_out, sizeof(s->child.key_out));
	}
	if (ret) {
		if (s)
			session_free(s);
		stats_inc(STAT_SESSION_FAILED);
		ike_info_oneshot(sa, 0);
		ike_sa_free(sa, why);
		return false;
	}
	ike_sa_established(sa);
	ike_conn_up(c, sa, s);
	ike_id_str(&sa->peer_id, id, sizeof(id));
	log_info("IKE SA %u: %s up with %s (%s), profile %s, SPIs %08x/%08x",
		 sa->id, c->cfg.name, sock_addr_str(&sa->remote), id,
		 sa->profile, s->child.spi_in, s->child.spi_out);
	acct_session_start(s, cfg_profile_find(daemon_cfg(), sa->profile),
			   acct_method(sa));
	return true;
}

static bool iauth_done(struct ike_sa *sa, struct ike_task *t,
		       struct ikev2_msg *resp)
{
	struct iauth_task *at = container_of(t, struct iauth_task, t);
	uint16_t err = ike_msg_error(resp);
	char why[200];

	if (!sa->conn) {
		ike_sa_free(sa, "connection gone");
		return false;
	}
	if (resp->unsupported_critical) {
		/* §2.5: a response we cannot understand whole */
		snprintf(why, sizeof(why), "unsupported critical payload %u "
			 "in the IKE_AUTH response", resp->unsupported_critical);
		ike_info_oneshot(sa, 0);
		ike_sa_free(sa, why);
		return false;
	}
	if (!iauth_peer(sa, resp, err, why, sizeof(why))) {
		stats_inc(STAT_INIT_AUTH_FAILED);
		if (err != IKEV2_N_AUTHENTICATION_FAILED &&
		    ikev2_msg_has(resp, IKEV2_PL_AUTH))
			ike_info_oneshot(sa, IKEV2_N_AUTHENTICATION_FAILED);
		ike_sa_free(sa, why);
		return false;
	}
	if (err) {
		/* §1.2: the IKE SA is up, without CHILD_SA: no use to us */
		if (err == IKEV2_N_NO_PROPOSAL_CHOSEN)
			stats_inc(STAT_INIT_NO_PROPOSAL);
		snprintf(why, sizeof(why), "the responder refused the "
			 "CHILD_SA: %s", ikev2_notify_name(err));
		ike_info_oneshot(sa, 0);
		ike_sa_free(sa, why);
		return false;
	}
	return iauth_session(sa, at, resp);
}

static void iauth_destroy(struct ike_task *t)
{
	free(container_of(t, struct iauth_task, t));
}

static const struct ike_task_ops iauth_ops = {
	.name = "IKE_AUTH",
	.exchange = IKEV2_EXCH_IKE_AUTH,
	.build = iauth_build,
	.done = iauth_done,
	.destroy = iauth_destroy,
};

/* one ESP proposal per usable transform set, in the profile's order */
static void iauth_offers(const struct cfg_ipsec_profile *ip,
			 struct iauth_task *at)
{
	unsigned int i;

	for (i = 0; i < ip->ntsets; i++) {
		const struct cfg_transform_set *ts = ip->tsets[i];
		struct ikev2_proposal *p = &at->prop[at->nprop];
		const struct crypto_encr *e;
		const struct crypto_integ *g = NULL;

		if (ts->disabled)
			continue;
		e = crypto_encr_find(ts->encr, ts->encr_bits);
		if (e && !e->aead)
			g = crypto_integ_find(ts->integ);
		if (!e || (!e->aead && !g))
			continue;
		memset(p, 0, sizeof(*p));
		p->num = at->nprop + 1;
		p->proto = IKEV2_PROTO_ESP;
		p->spi_size = IKEV2_CHILD_SPI_SIZE;
		p->spi = at->spi_in;
		p->trans[p->ntrans++] = (struct ikev2_transform){
			.type = IKEV2_TRANS_ENCR, .id = ts->encr,
			.keylen = ts->encr_bits };
		if (g)
			p->trans[p->ntrans++] = (struct ikev2_transform){
				.type = IKEV2_TRANS_INTEG, .id = ts->integ };
		p->trans[p->ntrans++] = (struct ikev2_transform){
			.type = IKEV2_TRANS_ESN, .id = IKEV2_ESN_NO };
		at->encr[at->nprop] = e;
		at->integ[at->nprop] = g;
		at->nprop++;
	}
}

/* everything of a family (ipsec mode) */
static void iauth_ts_any(struct ikev2_ts *ts, int family)
{
	memset(ts, 0, sizeof(*ts));
	ts->type = family == AF_INET ? IKEV2_TS_IPV4_ADDR_RANGE :
				       IKEV2_TS_IPV6_ADDR_RANGE;
	ts->end_port = 0xffff;
	memset(ts->end.b, 0xff, family == AF_INET ? 4 : 16);
}

/* GRE from or to one outer address (gre mode) */
static void iauth_ts_gre(struct ikev2_ts *ts, const struct sockaddr_storage *a)
{
	const void *p;
	size_t len;

	memset(ts, 0, sizeof(*ts));
	p = sock_addr_bytes(a, &len);
	ts->type = len == 4 ? IKEV2_TS_IPV4_ADDR_RANGE :
			      IKEV2_TS_IPV6_ADDR_RANGE;
	ts->proto = IPPROTO_GRE;
	ts->end_port = 0xffff;
	memcpy(ts->start.b, p, len);
	memcpy(ts->end.b, p, len);
}

static void iauth_ts(const struct ike_sa *sa, int mode, struct iauth_task *at)
{
	switch (mode) {
	case CFG_TUNNEL_IPSEC_IPV4:
	case CFG_TUNNEL_IPSEC_IPV6:
		iauth_ts_any(&at->tsi, mode == CFG_TUNNEL_IPSEC_IPV4 ?
			     AF_INET : AF_INET6);
		at->tsr = at->tsi;
		break;
	default:
		at->transport = true;
		iauth_ts_gre(&at->tsi, &sa->local);
		iauth_ts_gre(&at->tsr, &sa->remote);
	}
}

/* the subnets our policy sends, and whether it accepts the peer's */
static void iauth_routes(const struct ike_sa *sa, struct iauth_task *at)
{
	const struct cfg_authz_policy *ap = iauth_policy(sa);
	unsigned int nset;

	at->accept = ap && ap->route_accept;
	at->nroutes = child_cp_routes(ap, sa->conn->cfg.route_if4,
				      sa->conn->cfg.route_if6, at->routes,
				      CHILD_ROUTES_MAX, &nset);
}

/**
 * ike_auth_start - send IKE_AUTH for a connection of ours, its IKE SA's
 *	keys derived
 * @sa: the half-open IKE SA, ->conn set
 *
 * Return: 0, or a negative errno when the request cannot be made (no
 * usable transform set, no key): the caller deletes the IKE SA.
 */
int ike_auth_start(struct ike_sa *sa)
{
	const struct cfg_ipsec_profile *ip;
	struct iauth_task *at;

	if (!sa->conn)
		return -ENOENT;
	ip = cfg_ipsec_profile_find(daemon_cfg(), sa->conn->cfg.ipsec);
	at = ip ? calloc(1, sizeof(*at)) : NULL;
	if (!at)
		return -ENOMEM;
	at->t.ops = &iauth_ops;
	if (ike_child_spi(&at->spi_in)) {
		free(at);
		return -EIO;
	}
	iauth_offers(ip, at);
	if (!at->nprop) {
		free(at);
		return -ENOPROTOOPT;
	}
	iauth_ts(sa, sa->conn->cfg.mode, at);
	at->want_addr4 = sa->conn->cfg.want_addr4;
	iauth_routes(sa, at);
	ike_task_queue(sa, &at->t);
	return sa->task == &at->t ? 0 : -EIO;
}
