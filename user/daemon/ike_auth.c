// SPDX-License-Identifier: GPL-2.0-only
/*
 * IKE_AUTH, responder side (RFC 7296 §1.2, §2.15-§2.17, §2.19): match the
 * IKEv2 profile on the initiator's identity, check its AUTH with the
 * pre-shared key of the profile's keyring or its certificate
 * (ike_cert.c), or relay its EAP to RADIUS first (ike_eap.c, §2.16),
 * authorize it (local authorization policy: address pool,
 * DNS, routes), negotiate the CHILD_SA, set the session up in the kernel
 * and answer.  Any failure answers with the error notification and
 * leaves nothing behind.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <linux/flexvti.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "../lib/cfg.h"
#include "../lib/keymat.h"
#include "acct.h"
#include "child.h"
#include "flexvtid.h"
#include "ike.h"
#include "filter.h"
#include "ike_authz.h"
#include "ike_eap.h"
#include "log.h"
#include "pool.h"
#include "session.h"
#include "stats.h"

#define AUTH_TS_MAX	IKEV2_MAX_TS

/**
 * struct auth_ctx - what IKE_AUTH works out for one request
 * @sa: the IKE SA
 * @req: the request; after EAP the first IKE_AUTH request, whose
 *	IDi, SA, TSi, TSr and CP the end of the exchange answers
 * @hdr: the header of the request being answered
 * @profile: the IKEv2 profile that matched
 * @peer: the keyring's peer block, NULL when the profile has the keys
 * @local_key: the key our AUTH is made with
 * @authz: the authorization policy, NULL without authorization
 * @tmpl: the profile's virtual template
 * @ipsec: the template's IPsec profile
 * @child: the ESP proposal chosen
 * @family: the inner family of the session (ipsec mode), or the outer one
 * @session: the session being built
 * @tsi: narrowed TSi
 * @ntsi: entries of @tsi
 * @tsr: narrowed TSr
 * @ntsr: entries of @tsr
 * @transport: ESP transport mode agreed
 * @method: how the peer authenticated: CFG_AAA_PSK, CFG_AAA_CERT,
 *	CFG_AAA_EAP
 * @merged: the authorization in force when RADIUS granted any: the local
 *	policy (if any) with what RADIUS granted over it; @authz points here
 * @radius: what RADIUS granted, user and group merged
 * @routes: the subnets pushed in the CFG_REPLY (child_cp_routes())
 * @nroutes: entries of @routes
 * @nset: how many of them are protected subnets that narrow TSr
 */
struct auth_ctx {
	struct ike_sa *sa;
	struct ikev2_msg *req;
	const struct ikev2_header *hdr;
	const struct cfg_profile *profile;
	const struct cfg_peer *peer;
	const struct cfg_key *local_key;
	const struct cfg_authz_policy *authz;
	const struct cfg_template *tmpl;
	const struct cfg_ipsec_profile *ipsec;
	struct child_choice child;
	int family;
	struct session *session;
	struct ikev2_ts tsi[AUTH_TS_MAX];
	int ntsi;
	struct ikev2_ts tsr[AUTH_TS_MAX];
	int ntsr;
	bool transport;
	int method;
	struct cfg_authz_policy merged;
	struct radius_authz radius;
	struct cfg_addr routes[CHILD_ROUTES_MAX];
	unsigned int nroutes;
	unsigned int nset;
};

/**
 * ike_id_str - an identity as text, for logs and as an authorization
 *	policy name
 * @id: the identity
 * @buf: receives the text
 * @len: bytes at @buf
 */
void ike_id_str(const struct ike_id *id, char *buf, size_t len)
{
	int family = id->type == IKEV2_ID_IPV4_ADDR ? AF_INET : AF_INET6;
	size_t n;

	switch (id->type) {
	case IKEV2_ID_IPV4_ADDR:
	case IKEV2_ID_IPV6_ADDR:
		if (id->len == (family == AF_INET ? 4 : 16) &&
		    inet_ntop(family, id->data, buf, len))
			return;
		break;
	case IKEV2_ID_FQDN:
	case IKEV2_ID_RFC822_ADDR:
	case IKEV2_ID_KEY_ID:
		n = id->len < len - 1 ? id->len : len - 1;
		memcpy(buf, id->data, n);
		buf[n] = '\0';
		for (; n > 0; n--)
			if (buf[n - 1] < 0x20 || buf[n - 1] > 0x7e)
				buf[n - 1] = '?';
		return;
	case IKEV2_ID_DER_ASN1_DN:
		if (ike_cert_dn_str(id->data, id->len, buf, len))
			return;
		break;
	}
	snprintf(buf, len, "<%s>", ikev2_id_type_name(id->type));
}

static void auth_fail(struct auth_ctx *ctx, const char *why)
{
	struct ike_sa *sa = ctx->sa;
	struct ike_msg msg, *m = &msg;
	char id[128];

	ike_id_str(&sa->peer_id, id, sizeof(id));
	log_warn("IKE SA %u: %s (%s) not authenticated: %s", sa->id,
		 sock_addr_str(&sa->remote), id, why);
	stats_inc(STAT_AUTH_FAILED);
	ike_msg_response(m, sa, ctx->hdr);
	ikev2_put_notify(&m->w, 0, NULL, 0, IKEV2_N_AUTHENTICATION_FAILED,
			 NULL, 0);
	ike_msg_send(m);
	ike_sa_free(sa, "authentication failed");
}

/* the profile whose "match identity" fits the peer's IDi (§3.5) */
static bool auth_profile(struct auth_ctx *ctx, char *why, size_t len)
{
	struct ike_sa *sa = ctx->sa;
	const struct ikev2_id *idi = &ctx->req->idi;
	struct cfg_id remote = {
		.type = idi->type, .data = idi->data.data, .len = idi->data.len,
	};
	struct cfg_addr local;

	if (idi->data.len > IKE_ID_MAX) {
		snprintf(why, len, "identity too long");
		return false;
	}
	sa->peer_id.type = idi->type;
	sa->peer_id.len = idi->data.len;
	memcpy(sa->peer_id.data, idi->data.data, idi->data.len);
	cfg_addr_from_sockaddr(&local, (const struct sockaddr *)&sa->local);
	ctx->profile = cfg_profile_match(daemon_cfg(), &local, NULL, &remote,
					 why, len);
	if (!ctx->profile)
		return false;
	snprintf(sa->profile, sizeof(sa->profile), "%s", ctx->profile->name);
	sa->lifetime = ctx->profile->lifetime;
	return true;
}

/* the keys: from the profile itself, else from its keyring (§2.15) */
static bool auth_keys(struct auth_ctx *ctx, const struct cfg_key **local,
		      const struct cfg_key **remote, char *why, size_t len)
{
	const struct cfg_profile *p = ctx->profile;
	const struct ikev2_id *idi = &ctx->req->idi;
	struct cfg_id id = {
		.type = idi->type, .data = idi->data.data, .len = idi->data.len,
	};
	struct cfg_addr peer;
	/* either way may be a signature instead (ike_cert.c): key NULL */
	bool psk_in = ctx->req->auth.method == IKEV2_AUTH_SHARED_KEY_MIC;
	bool psk_out = p->local_auth == CFG_AUTH_PSK;

	*local = *remote = NULL;
	if (psk_in && !(p->remote_auth & CFG_AUTH_BIT(CFG_AUTH_PSK))) {
		snprintf(why, len, "profile %s does not accept pre-shared "
			 "keys", p->name);
		return false;
	}
	if (!psk_in && !psk_out)
		return true;
	cfg_addr_from_sockaddr(&peer, (const struct sockaddr *)&ctx->sa->remote);
	if (p->keyring)
		ctx->peer = cfg_keyring_lookup(p->keyring, &peer, &id, NULL);
	if (psk_out)
		*local = p->local_key.data ? &p->local_key :
			 ctx->peer ? &ctx->peer->local_key : NULL;
	if (psk_in)
		*remote = p->remote_key.data ? &p->remote_key :
			  ctx->peer ? &ctx->peer->remote_key : NULL;
	if ((psk_out && (!*local || !(*local)->data)) ||
	    (psk_in && (!*remote || !(*remote)->data))) {
		snprintf(why, len, "no pre-shared key for this peer");
		return false;
	}
	return true;
}

/**
 * ike_auth_psk - the AUTH data of a pre-shared key (§2.15):
 *	prf(prf(key, "Key Pad for IKEv2"), signed octets)
 * @sa: the IKE SA, with both IKE_SA_INIT messages, nonces and SK_p keys
 * @initiator: the octets the original initiator signs (its IKE_SA_INIT
 *	request, Nr, prf(SK_pi, IDi')), else the responder's (its response,
 *	Ni, prf(SK_pr, IDr')); whoever we are
 * @key: the pre-shared key
 * @id: RestOfInitIDPayload or RestOfRespIDPayload: the ID payload from
 *	its ID Type on
 * @id_len: bytes at @id
 * @out: receives the PRF's output length of bytes
 *
 * Return: 0 or a negative errno.
 */
int ike_auth_psk(const struct ike_sa *sa, bool initiator,
		 const struct cfg_key *key, const uint8_t *id, size_t id_len,
		 uint8_t *out)
{
	struct keymat_signed so;
	int ret;

	if (initiator)
		ret = keymat_signed_octets(sa->prf, sa->sk_pi, sa->init_req,
					   sa->init_req_len, sa->nr,
					   sa->nr_len, id, id_len, &so);
	else
		ret = keymat_signed_octets(sa->prf, sa->sk_pr, sa->init_resp,
					   sa->init_resp_len, sa->ni,
					   sa->ni_len, id, id_len, &so);
	if (!ret)
		ret = keymat_psk_auth(sa->prf, key->data, key->len, &so, out);
	keymat_wipe(&so, sizeof(so));
	return ret;
}

static bool auth_verify(struct auth_ctx *ctx, const struct cfg_key *key)
{
	const struct ikev2_msg *req = ctx->req;
	uint8_t expect[CRYPTO_PRF_MAX];
	bool ok;

	if (req->auth.method != IKEV2_AUTH_SHARED_KEY_MIC ||
	    req->auth.data.len != ctx->sa->prf->out_len)
		return false;
	if (ike_auth_psk(ctx->sa, true, key, req->idi.body.data,
			 req->idi.body.len, expect))
		return false;
	ok = !CRYPTO_memcmp(expect, req->auth.data.data, req->auth.data.len);
	OPENSSL_cleanse(expect, sizeof(expect));
	if (ok)
		ctx->sa->auth_verify = CFG_AUTH_PSK;
	return ok;
}

/**
 * ike_local_id - our identity: the profile's "identity local", else our
 *	address with pre-shared keys and our certificate's DN with
 *	signatures (the guide's defaults)
 * @pr: the IKEv2 profile
 * @local: our address of the IKE SA
 * @id: receives the identity (IDi or IDr)
 */
void ike_local_id(const struct cfg_profile *pr,
		  const struct sockaddr_storage *local, struct ike_id *id)
{
	const struct cfg_ident *li = &pr->local_id;
	const void *p;
	size_t len;

	switch (li->kind) {
	case CFG_ID_FQDN:
	case CFG_ID_EMAIL:
	case CFG_ID_KEY_ID:
		id->type = li->kind == CFG_ID_FQDN ? IKEV2_ID_FQDN :
			   li->kind == CFG_ID_EMAIL ? IKEV2_ID_RFC822_ADDR :
			   IKEV2_ID_KEY_ID;
		len = strlen(li->value);
		id->len = len < IKE_ID_MAX ? len : IKE_ID_MAX;
		memcpy(id->data, li->value, id->len);
		return;
	case CFG_ID_ADDRESS:
		id->type = li->addr.family == AF_INET ? IKEV2_ID_IPV4_ADDR :
			   IKEV2_ID_IPV6_ADDR;
		id->len = li->addr.family == AF_INET ? 4 : 16;
		memcpy(id->data, &li->addr.v4, id->len);
		return;
	default:
		/* "identity local dn", or none and a certificate: its DN */
		if (ike_cert_local_id(pr, id))
			return;
		p = sock_addr_bytes(local, &len);
		id->type = len == 4 ? IKEV2_ID_IPV4_ADDR : IKEV2_ID_IPV6_ADDR;
		id->len = len;
		memcpy(id->data, p, len);
	}
}

/* the local policy of an authorization: the configured NAME's, else the
 * one named as the mangled name or the peer's identity */
static const struct cfg_authz_policy *auth_local_policy(struct auth_ctx *ctx,
							 const struct cfg_authz *az)
{
	char name[256];

	if (az->policy)
		return az->policy;
	if (ike_authz_name(az, ctx->sa, name, sizeof(name)))
		return NULL;
	return cfg_authz_policy_find(daemon_cfg(), name);
}

/*
 * One layer (group or user) of the authorization: what RADIUS answered
 * into @r, or its local policy into @local.  False when it refuses the
 * peer: a reject, or no answer without "local" in the list.
 */
static bool auth_layer(struct auth_ctx *ctx, enum ike_authz_layer l,
		       const struct cfg_authz *cz, struct radius_authz *r,
		       const struct cfg_authz_policy **local, char *why,
		       size_t len)
{
	const struct ike_authz *az = ctx->sa->authz;
	enum ike_authz_outcome o = az ? az->outcome[l] : IKE_AUTHZ_NONE;

	if (!cz->aaa)
		return true;
	if (o == IKE_AUTHZ_REJECT) {
		snprintf(why, len, "%s", az->why);
		return false;
	}
	if (o == IKE_AUTHZ_ACCEPT) {
		*r = az->authz[l];
		return true;
	}
	if (cz->aaa->group && !cz->aaa->local) {
		snprintf(why, len, "no RADIUS server of list %s answered",
			 cz->aaa->name);
		return false;
	}
	if (o == IKE_AUTHZ_NO_ANSWER)
		log_warn("IKE SA %u: no RADIUS server of list %s answered: "
			 "local authorization", ctx->sa->id, cz->aaa->name);
	*local = auth_local_policy(ctx, cz);
	return true;
}

static void auth_pools(struct auth_ctx *ctx, const struct radius_authz *r)
{
	const struct cfg *c = daemon_cfg();
	struct cfg_authz_policy *p = &ctx->merged;

	if (r->set & RADIUS_AUTHZ_POOL) {
		p->pool = cfg_pool_find(c, r->pool, AF_INET);
		if (!p->pool)
			log_warn("IKE SA %u: RADIUS pool %s is not configured",
				 ctx->sa->id, r->pool);
	}
	if (r->set & RADIUS_AUTHZ_POOL6) {
		p->pool6 = cfg_pool_find(c, r->pool6, AF_INET6);
		if (!p->pool6)
			log_warn("IKE SA %u: RADIUS IPv6 pool %s is not "
				 "configured", ctx->sa->id, r->pool6);
	}
}

/* @ctx->merged: the local policy with what RADIUS granted over it */
static void auth_merge(struct auth_ctx *ctx,
		       const struct cfg_authz_policy *local)
{
	const struct radius_authz *r = &ctx->radius;
	struct cfg_authz_policy *p = &ctx->merged;

	if (local)
		*p = *local;
	else
		memset(p, 0, sizeof(*p));
	auth_pools(ctx, r);
	if (r->set & RADIUS_AUTHZ_NETMASK)
		p->netmask = r->netmask;
	if (r->set & RADIUS_AUTHZ_DNS) {
		memcpy(p->dns, r->dns, sizeof(p->dns));
		p->ndns = r->ndns;
	}
	if (r->set & RADIUS_AUTHZ_DNS6) {
		memcpy(p->dns6, r->dns6, sizeof(p->dns6));
		p->ndns6 = r->ndns6;
	}
	if (r->set & RADIUS_AUTHZ_WINS) {
		memcpy(p->wins, r->wins, sizeof(p->wins));
		p->nwins = r->nwins;
	}
	if (r->set & RADIUS_AUTHZ_ROUTES) {
		/* ipsec:route-set replaces every "route set" but interface */
		p->routes = ctx->radius.routes;
		p->nroutes = r->nroutes;
		p->route_acl = NULL;
		p->route_acl6 = NULL;
	}
	ctx->authz = p;
}

/*
 * The filters of the session: the virtual template's, with those of the
 * RADIUS authorization over them.  Without @s, checked: every name must
 * be configured; with @s, put there for session_setup(), which resolves
 * them again (the check came moments before, in the same event).
 */
static int auth_filters(struct auth_ctx *ctx, struct session *s, char *why,
			size_t len)
{
	const struct cfg_template *t = ctx->profile->template;
	struct session_filters f = { 0 };
	int ret;

	filter_from_iface(&f, t ? &t->iface : NULL);
	ret = filter_from_authz(&f, &ctx->radius);
	if (ret)
		snprintf(why, len, "out of memory");
	else if (!s && !filter_empty(&f))
		ret = filter_check(daemon_cfg(), &f, why, len);
	if (!ret && s) {
		filter_free(&s->filters);
		s->filters = f;
	} else {
		filter_free(&f);
	}
	return ret;
}

/*
 * "aaa authorization group|user METHOD list L": the authorization of the
 * method the peer authenticated with.  RADIUS over the local policy;
 * the user's answer over the group's, unless "aaa authorization group
 * override".  False (@why says) when the peer is refused.
 */
static bool auth_authz(struct auth_ctx *ctx, char *why, size_t len)
{
	const struct cfg_profile *pf = ctx->profile;
	const struct cfg_authz_policy *group_local = NULL, *user_local = NULL;
	struct radius_authz r[IKE_AUTHZ_NLAYERS] = { 0 };
	enum ike_authz_layer lo = pf->authz_group_override ?
				  IKE_AUTHZ_USER : IKE_AUTHZ_GROUP;

	if (!auth_layer(ctx, IKE_AUTHZ_GROUP, &pf->authz_group[ctx->method],
			&r[IKE_AUTHZ_GROUP], &group_local, why, len) ||
	    !auth_layer(ctx, IKE_AUTHZ_USER, &pf->authz_user[ctx->method],
			&r[IKE_AUTHZ_USER], &user_local, why, len))
		return false;
	ctx->radius = r[lo];
	radius_authz_merge(&ctx->radius, &r[!lo]);
	ctx->authz = user_local ? user_local : group_local;
	if (ctx->radius.set)
		auth_merge(ctx, ctx->authz);
	return auth_filters(ctx, NULL, why, len) == 0;
}

/* the template's mode, and the family its selectors are of */
/* a selector of exactly one address, @a, for GRE (47) on any port */
static bool auth_ts_is_gre_host(const struct ikev2_ts *ts,
				const struct sockaddr_storage *a)
{
	const void *p;
	size_t len;

	p = sock_addr_bytes(a, &len);
	return (ts->type == IKEV2_TS_IPV4_ADDR_RANGE) == (len == 4) &&
	       ts->proto == IPPROTO_GRE && ts->start_port == 0 &&
	       ts->end_port == 0xffff && !memcmp(ts->start.b, p, len) &&
	       !memcmp(ts->end.b, p, len);
}

/*
 * "virtual-template N mode auto" (inventory §1.3): GRE between the outer
 * addresses in the first selectors asks for a gre-mode interface of the
 * outer family; anything else an ipsec-mode one of the family of the
 * first initiator selector.
 */
static enum cfg_tunnel_mode auth_mode_auto(const struct auth_ctx *ctx)
{
	const struct ikev2_msg *req = ctx->req;
	bool v6 = ctx->sa->remote.ss_family == AF_INET6;

	if (req->tsi.n && req->tsr.n &&
	    auth_ts_is_gre_host(&req->tsi.ts[0], &ctx->sa->remote) &&
	    auth_ts_is_gre_host(&req->tsr.ts[0], &ctx->sa->local))
		return v6 ? CFG_TUNNEL_GRE_IPV6 : CFG_TUNNEL_GRE_IP;
	if (req->tsi.n)
		v6 = req->tsi.ts[0].type == IKEV2_TS_IPV6_ADDR_RANGE;
	return v6 ? CFG_TUNNEL_IPSEC_IPV6 : CFG_TUNNEL_IPSEC_IPV4;
}

static void auth_template(struct auth_ctx *ctx, struct session *s)
{
	const struct cfg_template *t = ctx->tmpl;
	enum cfg_tunnel_mode mode = ctx->profile->vtemplate_auto ?
				    auth_mode_auto(ctx) : t->mode;

	switch (mode) {
	case CFG_TUNNEL_IPSEC_IPV4:
	case CFG_TUNNEL_IPSEC_IPV6:
		session_template_from(s, t, FLEXVTI_MODE_IPSEC);
		ctx->family = mode == CFG_TUNNEL_IPSEC_IPV4 ? AF_INET :
			      AF_INET6;
		break;
	default:
		session_template_from(s, t, FLEXVTI_MODE_GRE);
		ctx->family = ctx->sa->remote.ss_family;
		ctx->transport = true;
	}
}

/* IPv6 pools hand out single addresses from their prefix (/128) */
static void auth_pool6_range(const struct cfg_pool *p, struct pool_range *r)
{
	r->first.family = r->last.family = AF_INET6;
	r->first.v6 = p->prefix.v6;
	r->last.v6 = r->first.v6;
	route_fill_host_bits(r->last.v6.s6_addr, 16, p->prefix.prefix);
	r->first.v6.s6_addr[15] |= 1;
}

static int auth_pool_alloc(const struct cfg_pool *p, struct session *s)
{
	struct pool_range r[16];
	unsigned int i, n = 0;
	int ret;

	if (p->family == AF_INET) {
		for (i = 0; i < p->nranges && n < 16; i++, n++) {
			r[n].first.family = r[n].last.family = AF_INET;
			r[n].first.v4 = p->ranges[i].first;
			r[n].last.v4 = p->ranges[i].last;
		}
	} else {
		auth_pool6_range(p, &r[n++]);
	}
	ret = pool_alloc(p->name, r, n, &s->addr[s->naddr]);
	if (ret)
		return ret;
	snprintf(s->pool[s->naddr], sizeof(s->pool[0]), "%s", p->name);
	s->naddr++;
	return 0;
}

/* a fixed address RADIUS gave (Framed-IP-Address, ipsec:addrv6) */
static void auth_fixed_addr(struct session *s, int family, const void *a)
{
	struct route_addr *ra = &s->addr[s->naddr++];

	ra->family = family;
	memcpy(&ra->v4, a, family == AF_INET ? 4 : 16);
}

/*
 * CFG_REQUEST: an address of each family asked for that the VA carries:
 * the one RADIUS gave, else one of the policy's pool (guide ch4: the
 * Framed-IP-Address first, then the pool)
 */
static int auth_addresses(struct auth_ctx *ctx, struct session *s)
{
	const struct ikev2_cp *cp = &ctx->req->cp;
	const struct radius_authz *r = &ctx->radius;
	bool v4, v6, fixed4, fixed6;
	int ret = 0;

	if (!ikev2_msg_has(ctx->req, IKEV2_PL_CP) || cp->type != IKEV2_CFG_REQUEST)
		return 0;
	v4 = child_cp_wants(cp, IKEV2_CFG_INTERNAL_IP4_ADDRESS) &&
	     (ctx->transport || ctx->family == AF_INET);
	v6 = child_cp_wants(cp, IKEV2_CFG_INTERNAL_IP6_ADDRESS) &&
	     (ctx->transport || ctx->family == AF_INET6);
	fixed4 = r->set & RADIUS_AUTHZ_ADDR;
	fixed6 = r->set & RADIUS_AUTHZ_ADDR6;
	if (!v4 && !v6)
		return 0;
	/* no authorization, no address (inventory §3 item 34) */
	if (!ctx->authz || (v4 && !fixed4 && !ctx->authz->pool) ||
	    (v6 && !fixed6 && !ctx->authz->pool6))
		return -ENOENT;
	if (v4 && fixed4)
		auth_fixed_addr(s, AF_INET, &r->addr);
	else if (v4)
		ret = auth_pool_alloc(ctx->authz->pool, s);
	if (!ret && v6 && fixed6)
		auth_fixed_addr(s, AF_INET6, &r->addr6);
	else if (!ret && v6)
		ret = auth_pool_alloc(ctx->authz->pool6, s);
	return ret;
}

static const struct route_addr *auth_addr_of(const struct session *s,
					     int family)
{
	unsigned int i;

	for (i = 0; i < s->naddr; i++)
		if (s->addr[i].family == family)
			return &s->addr[i];
	return NULL;
}

static void auth_outer(const struct sockaddr_storage *ss,
		       struct route_addr *a)
{
	const void *p;
	size_t len;

	a->family = ss->ss_family;
	p = sock_addr_bytes(ss, &len);
	memcpy(&a->v4, p, len);
}

/* §2.9: ipsec mode narrows TSi to the client's address, TSr to the
 * protected subnets; gre mode is GRE between the outer addresses */
static bool auth_ts(struct auth_ctx *ctx, const struct session *s)
{
	const struct ikev2_msg *req = ctx->req;
	const struct cfg_addr *nets = NULL;
	struct route_addr li, ri;
	unsigned int nnets = 0;

	if (ctx->transport) {
		auth_outer(&ctx->sa->remote, &ri);
		auth_outer(&ctx->sa->local, &li);
		ctx->ntsi = child_ts_narrow(&req->tsi, ctx->family, &ri, NULL,
					    0, IPPROTO_GRE, ctx->tsi,
					    AUTH_TS_MAX);
		ctx->ntsr = child_ts_narrow(&req->tsr, ctx->family, &li, NULL,
					    0, IPPROTO_GRE, ctx->tsr,
					    AUTH_TS_MAX);
		return ctx->ntsi > 0 && ctx->ntsr > 0;
	}
	if (ctx->nset) {
		nets = ctx->routes;
		nnets = ctx->nroutes;
	}
	ctx->ntsi = child_ts_narrow(&req->tsi, ctx->family,
				    auth_addr_of(s, ctx->family), NULL, 0, 0,
				    ctx->tsi, AUTH_TS_MAX);
	ctx->ntsr = child_ts_narrow(&req->tsr, ctx->family, NULL, nets, nnets,
				    0, ctx->tsr, AUTH_TS_MAX);
	return ctx->ntsi > 0 && ctx->ntsr > 0;
}

/* the CHILD_SA's keys of §2.17 into the session */
static int auth_child_keys(struct auth_ctx *ctx, struct session *s)
{
	const struct child_choice *c = &ctx->child;
	struct session_child *sc = &s->child;
	const struct ike_sa *sa = ctx->sa;

	sc->encr = c->encr;
	sc->integ = c->integ;
	sc->esn = c->esn;
	sc->transport = ctx->transport;
	sc->spi_out = c->spi_out;
	return ike_child_keys(sa, sc, false, NULL, 0, sa->ni, sa->ni_len,
			      sa->nr, sa->nr_len);
}

/* our inbound SPI: random, above the reserved range; the kernel refuses
 * one in use (-EEXIST), then another is tried */
static int auth_session_setup(struct auth_ctx *ctx, struct session *s)
{
	int ret = -EEXIST, tries;

	for (tries = 0; tries < 4 && ret == -EEXIST; tries++) {
		if (RAND_bytes((uint8_t *)&s->child.spi_in, 4) != 1) {
			ret = -EIO;
			break;
		}
		if (s->child.spi_in >= 256)
			ret = session_setup(s, ctx->sa);
	}
	OPENSSL_cleanse(s->child.key_in, sizeof(s->child.key_in));
	OPENSSL_cleanse(s->child.key_out, sizeof(s->child.key_out));
	return ret;
}

/* what the session needs from the configuration: template, IPsec profile */
static bool auth_session_cfg(struct auth_ctx *ctx, char *why, size_t len)
{
	ctx->tmpl = ctx->profile->template;
	if (!ctx->tmpl) {
		snprintf(why, len, "profile %s has no virtual-template",
			 ctx->profile->name);
		return false;
	}
	ctx->ipsec = cfg_ipsec_profile_for_template(ctx->tmpl, ctx->profile,
						    why, len);
	return ctx->ipsec;
}

/* what rekeying the CHILD_SA needs: selectors, profile, lifetimes */
static void auth_session_keep(struct auth_ctx *ctx, struct session *s)
{
	const struct cfg_ipsec_profile *ip = ctx->ipsec;

	s->nts_peer = ctx->ntsi < SESSION_TS_MAX ? ctx->ntsi : SESSION_TS_MAX;
	memcpy(s->ts_peer, ctx->tsi, s->nts_peer * sizeof(s->ts_peer[0]));
	s->nts_local = ctx->ntsr < SESSION_TS_MAX ? ctx->ntsr :
		       SESSION_TS_MAX;
	memcpy(s->ts_local, ctx->tsr, s->nts_local * sizeof(s->ts_local[0]));
	snprintf(s->ipsec, sizeof(s->ipsec), "%s", ip->name);
	s->pfs = ip->pfs;
	s->life.seconds = ip->lifetime_sec;
	s->life.kbytes = ip->lifetime_kb;
}

/*
 * FlexVPN route exchange: the subnets of the policy to push, and those
 * of the peer's CFG_REQUEST to route to it ("route accept any")
 */
static void auth_routes(struct auth_ctx *ctx, struct session *s)
{
	const struct cfg_template *t = ctx->tmpl;

	ctx->nroutes = child_cp_routes(ctx->authz, t->unnumbered,
				       t->unnumbered6, ctx->routes,
				       CHILD_ROUTES_MAX, &ctx->nset);
	if (ikev2_msg_has(ctx->req, IKEV2_PL_CP) &&
	    ctx->req->cp.type == IKEV2_CFG_REQUEST)
		child_cp_accept(ctx->authz, &ctx->req->cp, ctx->sa,
				ctx->transport ? AF_UNSPEC : ctx->family, s);
}

/* the CHILD_SA and the session; on failure the notification to send */
static uint16_t auth_child(struct auth_ctx *ctx, struct session *s)
{
	char why[128] = "";
	int ret;

	if (!auth_session_cfg(ctx, why, sizeof(why))) {
		log_warn("IKE SA %u: no session: %s", ctx->sa->id, why);
		return IKEV2_N_NO_PROPOSAL_CHOSEN;
	}
	auth_template(ctx, s);
	if (auth_filters(ctx, s, why, sizeof(why))) {
		log_warn("IKE SA %u: no session: %s", ctx->sa->id, why);
		return IKEV2_N_TEMPORARY_FAILURE;
	}
	if (ctx->transport &&
	    !ikev2_msg_notify(ctx->req, IKEV2_N_USE_TRANSPORT_MODE)) {
		log_warn("IKE SA %u: gre mode needs ESP transport mode",
			 ctx->sa->id);
		return IKEV2_N_NO_PROPOSAL_CHOSEN;
	}
	if (!ikev2_msg_has(ctx->req, IKEV2_PL_SA) ||
	    !child_choose(&ctx->req->sa, ctx->ipsec, -1, &ctx->child))
		return IKEV2_N_NO_PROPOSAL_CHOSEN;
	if (auth_addresses(ctx, s)) {
		stats_inc(STAT_ADDR_FAILURE);
		return IKEV2_N_INTERNAL_ADDRESS_FAILURE;
	}
	auth_routes(ctx, s);
	if (!auth_ts(ctx, s)) {
		stats_inc(STAT_TS_UNACCEPTABLE);
		return IKEV2_N_TS_UNACCEPTABLE;
	}
	auth_session_keep(ctx, s);
	ret = auth_child_keys(ctx, s);
	if (!ret)
		ret = auth_session_setup(ctx, s);
	if (ret) {
		stats_inc(STAT_SESSION_FAILED);
		return IKEV2_N_TEMPORARY_FAILURE;
	}
	return 0;
}

/* after EAP: our AUTH with the MSK or SK_pr, IDr sent before (§2.16) */
static void auth_put_eap_auth(struct auth_ctx *ctx, struct ike_msg *m,
			      const uint8_t *body, size_t len)
{
	struct ike_sa *sa = ctx->sa;
	uint8_t auth[CRYPTO_PRF_MAX];
	struct cfg_key key;

	ike_eap_key(sa, false, &key);
	if (ike_auth_psk(sa, false, &key, body, len, auth))
		m->w.err = -EIO;
	ikev2_put_auth(&m->w, IKEV2_AUTH_SHARED_KEY_MIC, auth,
		       sa->prf->out_len);
	OPENSSL_cleanse(auth, sizeof(auth));
}

static void auth_put_id_auth(struct auth_ctx *ctx, struct ike_msg *m)
{
	struct ike_sa *sa = ctx->sa;
	uint8_t body[4 + IKE_ID_MAX] = { sa->local_id.type };
	uint8_t auth[CRYPTO_PRF_MAX];

	memcpy(body + 4, sa->local_id.data, sa->local_id.len);
	if (ctx->method == CFG_AAA_EAP) {
		auth_put_eap_auth(ctx, m, body, 4 + sa->local_id.len);
		return;
	}
	ikev2_put_id(&m->w, IKEV2_PL_IDR, sa->local_id.type, sa->local_id.data,
		     sa->local_id.len);
	if (!ctx->local_key) {
		/* CERT payloads and a signature (ike_cert.c) */
		if (ike_cert_put_auth(sa, ctx->profile, &m->w, body,
				      4 + sa->local_id.len))
			m->w.err = -EIO;
		return;
	}
	sa->auth_sign = CFG_AUTH_PSK;
	if (ike_auth_psk(sa, false, ctx->local_key, body,
			 4 + sa->local_id.len, auth))
		m->w.err = -EIO;
	ikev2_put_auth(&m->w, IKEV2_AUTH_SHARED_KEY_MIC, auth,
		       sa->prf->out_len);
	OPENSSL_cleanse(auth, sizeof(auth));
}

static void auth_put_child(struct auth_ctx *ctx, struct ike_msg *m,
			   const struct session *s)
{
	struct ikev2_cp_attr attr[CHILD_CP_MAX];
	uint8_t vals[CHILD_CP_MAX][20];
	int n;

	if (ikev2_msg_has(ctx->req, IKEV2_PL_CP) &&
	    ctx->req->cp.type == IKEV2_CFG_REQUEST) {
		n = child_cp_reply(ctx->authz, s, &ctx->req->cp, ctx->routes,
				   ctx->nroutes, attr, vals, CHILD_CP_MAX);
		if (n > 0)
			ikev2_put_cp(&m->w, IKEV2_CFG_REPLY, attr, n);
	}
	child_put_sa(&m->w, &ctx->child, s->child.spi_in);
	ikev2_put_ts(&m->w, IKEV2_PL_TSI, ctx->tsi, ctx->ntsi);
	ikev2_put_ts(&m->w, IKEV2_PL_TSR, ctx->tsr, ctx->ntsr);
	if (ctx->transport)
		ikev2_put_notify(&m->w, 0, NULL, 0, IKEV2_N_USE_TRANSPORT_MODE,
				 NULL, 0);
}

/**
 * ike_put_window - announce our window (§2.3): the peer may send up to
 *	that many requests at once; nothing for a window of 1
 * @m: the IKE_AUTH message
 * @sa: the IKE SA
 */
void ike_put_window(struct ike_msg *m, const struct ike_sa *sa)
{
	uint8_t w[4] = { sa->window >> 24, sa->window >> 16, sa->window >> 8,
			 sa->window };

	if (sa->window > 1)
		ikev2_put_notify(&m->w, 0, NULL, 0, IKEV2_N_SET_WINDOW_SIZE, w,
				 sizeof(w));
}

/*
 * §2.4: INITIAL_CONTACT says the peer has no other IKE SA with us: those
 * we still have with its identity are left from before it restarted.
 */
static void auth_initial_contact(struct auth_ctx *ctx)
{
	struct ike_sa *sa = ctx->sa, *o, *next;

	if (!ikev2_msg_notify(ctx->req, IKEV2_N_INITIAL_CONTACT))
		return;
	for (o = ike_sa_first(); o; o = next) {
		next = o->next;
		if (o == sa || o->state == IKE_SA_HALF_OPEN ||
		    o->peer_id.type != sa->peer_id.type ||
		    o->peer_id.len != sa->peer_id.len ||
		    memcmp(o->peer_id.data, sa->peer_id.data, o->peer_id.len) ||
		    strcmp(o->profile, sa->profile))
			continue;
		stats_inc(STAT_INITIAL_CONTACT);
		if (o->session)
			session_set_cause(o->session,
					  SESSION_CAUSE_NAS_REQUEST);
		ike_sa_free(o, "replaced: INITIAL_CONTACT from the peer");
	}
}

/* what RADIUS said of the session that accounting and timers need */
static void auth_session_aaa(struct auth_ctx *ctx, struct session *s)
{
	const struct radius_authz *r = &ctx->radius;

	const char *eap = ike_eap_identity(ctx->sa);

	if (r->set & RADIUS_AUTHZ_USER)
		snprintf(s->aaa.user, sizeof(s->aaa.user), "%s", r->user);
	else if (eap)
		snprintf(s->aaa.user, sizeof(s->aaa.user), "%s", eap);
	memcpy(s->aaa.class, r->class, r->class_len);
	s->aaa.class_len = r->class_len;
	if (r->set & RADIUS_AUTHZ_TIMEOUT)
		s->aaa.session_timeout = r->session_timeout;
	else if (ctx->authz)
		s->aaa.session_timeout = ctx->authz->session_lifetime;
	if (r->set & RADIUS_AUTHZ_PREFIX6)
		s->prefix6 = r->prefix6;
}

static void auth_respond(struct auth_ctx *ctx)
{
	struct ike_msg msg, *m = &msg;
	struct session *s = session_new();
	struct ike_sa *sa = ctx->sa;
	uint16_t err = IKEV2_N_TEMPORARY_FAILURE;
	char id[128];

	/* after EAP, IDr went in the first response and AUTH covers it */
	if (ctx->method != CFG_AAA_EAP)
		ike_local_id(ctx->profile, &sa->local, &sa->local_id);
	auth_initial_contact(ctx);
	if (s) {
		auth_session_aaa(ctx, s);
		err = auth_child(ctx, s);
	}
	ike_msg_response(m, sa, ctx->hdr);
	auth_put_id_auth(ctx, m);
	ike_put_window(m, sa);
	if (err)
		ikev2_put_notify(&m->w, 0, NULL, 0, err, NULL, 0);
	else
		auth_put_child(ctx, m, s);
	ike_sa_established(sa);
	if (ike_msg_send(m) && !err)
		err = IKEV2_N_TEMPORARY_FAILURE;
	ike_id_str(&sa->peer_id, id, sizeof(id));
	if (err) {
		if (s)
			session_free(s);
		log_warn("IKE SA %u: %s (%s) authenticated, no session: %s",
			 sa->id, sock_addr_str(&sa->remote), id,
			 ikev2_notify_name(err));
		/* FlexVPN has no session without its interface */
		ike_sa_free(sa, "no CHILD_SA");
		return;
	}
	log_info("IKE SA %u: %s (%s) up, profile %s, %s", sa->id,
		 sock_addr_str(&sa->remote), id, sa->profile, s->name);
	if (s->aaa.session_timeout)
		session_timeout_set(s, s->aaa.session_timeout);
	acct_session_start(s, ctx->profile, ctx->method);
	/* the kept request, the answers and the MSK are done with */
	ike_authz_free(sa);
	ike_eap_free(sa);
}

/**
 * ike_auth_eap_reply - answer an IKE_AUTH request during EAP (ike_eap.c)
 * @sa: the half-open IKE SA
 * @hdr: the header of the request answered
 * @first: it is the first IKE_AUTH request: the answer carries IDr, our
 *	certificate and AUTH (a signature) too (§2.16)
 * @eap: the EAP message for the peer, NULL for none
 * @len: bytes at @eap
 * @fail: NULL, or why the peer is refused: the answer carries
 *	AUTHENTICATION_FAILED after @eap (an EAP-Failure) and the IKE SA is
 *	freed
 *
 * Otherwise the peer has the profile's "eap timeout" (else the half-open
 * expiry) for its next request.
 */
void ike_auth_eap_reply(struct ike_sa *sa, const struct ikev2_header *hdr,
			bool first, const uint8_t *eap, size_t len,
			const char *fail)
{
	struct auth_ctx ctx = { .sa = sa, .hdr = hdr };
	struct ike_msg msg, *m = &msg;
	char id[128];

	if (first) {
		ctx.profile = cfg_profile_find(daemon_cfg(), sa->profile);
		if (!ctx.profile && !fail)
			fail = "the profile is gone";
	}
	ike_msg_response(m, sa, hdr);
	if (first && ctx.profile && !fail) {
		ike_local_id(ctx.profile, &sa->local, &sa->local_id);
		auth_put_id_auth(&ctx, m);
	}
	if (eap)
		ikev2_put_eap(&m->w, eap, len);
	if (fail)
		ikev2_put_notify(&m->w, 0, NULL, 0,
				 IKEV2_N_AUTHENTICATION_FAILED, NULL, 0);
	if (ike_msg_send(m) && !fail)
		fail = "cannot send the IKE_AUTH response";
	if (!fail) {
		timer_set(&sa->timer, sa->eap->timeout_ms);
		return;
	}
	ike_id_str(&sa->peer_id, id, sizeof(id));
	log_warn("IKE SA %u: %s (%s) not authenticated: %s", sa->id,
		 sock_addr_str(&sa->remote), id, fail);
	stats_inc(STAT_AUTH_FAILED);
	ike_sa_free(sa, "EAP authentication failed");
}

/*
 * The peer is authenticated: its authorization (RADIUS is asked first
 * when the profile says so: the request @req, as received in @d, is
 * answered from ike_auth_resume() then), then the answer made with
 * @local, our pre-shared key (NULL: a signature).
 */
static void auth_authorize(struct auth_ctx *ctx, const struct ike_dgram *d,
			   const struct ikev2_msg *req,
			   const struct cfg_key *local)
{
	char why[160] = "";
	int ret;

	if (!ctx->sa->authz) {
		ret = ike_authz_start(ctx->sa, ctx->profile, ctx->method, d,
				      req, why, sizeof(why));
		if (ret > 0)
			return;
		if (ret < 0) {
			auth_fail(ctx, why);
			return;
		}
	}
	if (!auth_authz(ctx, why, sizeof(why))) {
		stats_inc(STAT_AUTHZ_FAILED);
		auth_fail(ctx, why);
		return;
	}
	ctx->local_key = local;
	auth_respond(ctx);
}

/* the peer's AUTH after EAP: made with the MSK, else with SK_pi (§2.16) */
static bool auth_eap_verify(struct auth_ctx *ctx, const struct ikev2_msg *req)
{
	uint8_t expect[CRYPTO_PRF_MAX];
	struct cfg_key key;
	bool ok;

	if (!ikev2_msg_has(req, IKEV2_PL_AUTH) ||
	    req->auth.method != IKEV2_AUTH_SHARED_KEY_MIC ||
	    req->auth.data.len != ctx->sa->prf->out_len)
		return false;
	ike_eap_key(ctx->sa, true, &key);
	if (ike_auth_psk(ctx->sa, true, &key, ctx->req->idi.body.data,
			 ctx->req->idi.body.len, expect))
		return false;
	ok = !CRYPTO_memcmp(expect, req->auth.data.data, req->auth.data.len);
	OPENSSL_cleanse(expect, sizeof(expect));
	return ok;
}

/*
 * The last IKE_AUTH request of EAP: the peer's AUTH, then authorization
 * and the CHILD_SA of the first request, as without EAP.
 */
static void auth_eap_end(struct ike_sa *sa, struct ike_dgram *d,
			 struct ikev2_msg *req)
{
	struct auth_ctx ctx = { .sa = sa, .hdr = &req->hdr };

	ctx.req = ike_eap_first(sa);
	if (!ctx.req) {
		ctx.req = req;
		auth_fail(&ctx, "cannot handle the first IKE_AUTH again");
		return;
	}
	ctx.method = CFG_AAA_EAP;
	/* the profile the first request matched, if a reload left it */
	ctx.profile = cfg_profile_find(daemon_cfg(), sa->profile);
	if (!ctx.profile ||
	    !(ctx.profile->remote_auth & CFG_AUTH_BIT(CFG_AUTH_EAP))) {
		auth_fail(&ctx, "the profile no longer accepts EAP");
		goto out;
	}
	if (!auth_eap_verify(&ctx, req)) {
		stats_inc(STAT_EAP_FAILED);
		auth_fail(&ctx, "AUTH after EAP does not verify");
		goto out;
	}
	sa->auth_verify = CFG_AUTH_EAP;
	auth_authorize(&ctx, d, req, NULL);
out:
	free(ctx.req);
}

/**
 * ike_auth_request - answer an IKE_AUTH request
 * @sa: the half-open IKE SA
 * @d: the request as received, decrypted
 * @req: the request, parsed with its inner payloads
 *
 * Authentication failures are answered with AUTHENTICATION_FAILED and
 * delete the IKE SA.  When the peer is authenticated but no session can
 * be made (no proposal, selectors, address or interface), the answer
 * carries IDr and AUTH with the error notification, and the IKE SA is
 * deleted too: a FlexVPN session does not exist without its interface.
 */
void ike_auth_request(struct ike_sa *sa, struct ike_dgram *d,
		      struct ikev2_msg *req)
{
	struct auth_ctx ctx = { .sa = sa, .req = req, .hdr = &req->hdr };
	const struct cfg_key *local, *remote;
	char why[160] = "";

	/* a retransmission while RADIUS is asked: the answer comes later */
	if (sa->authz && !sa->authz->done) {
		stats_inc(STAT_AUTH_WAITING);
		return;
	}
	if (sa->eap && !sa->eap->done) {
		ike_eap_request(sa, req);
		return;
	}
	if (sa->eap) {
		auth_eap_end(sa, d, req);
		return;
	}
	if (!ikev2_msg_has(req, IKEV2_PL_IDI)) {
		auth_fail(&ctx, "IDi missing");
		return;
	}
	/* no AUTH: the peer asks for EAP (§2.16) */
	if (!ikev2_msg_has(req, IKEV2_PL_AUTH)) {
		if (!auth_profile(&ctx, why, sizeof(why)) ||
		    ike_eap_start(sa, ctx.profile, d, req, why, sizeof(why)))
			auth_fail(&ctx, why);
		return;
	}
	if (!auth_profile(&ctx, why, sizeof(why)) ||
	    !auth_keys(&ctx, &local, &remote, why, sizeof(why))) {
		auth_fail(&ctx, why);
		return;
	}
	if (remote && !auth_verify(&ctx, remote)) {
		auth_fail(&ctx, "AUTH payload does not verify");
		return;
	}
	if (!remote && ike_cert_verify(sa, ctx.profile, req, why,
				       sizeof(why))) {
		auth_fail(&ctx, why);
		return;
	}
	ctx.method = sa->auth_verify == CFG_AUTH_PSK ? CFG_AAA_PSK :
		     CFG_AAA_CERT;
	auth_authorize(&ctx, d, req, local);
}

/*
 * A request authenticated before RADIUS was asked: authorized and
 * answered now, with its profile (by name) and our key from the
 * configuration in force; the peer is not authenticated again.
 */
static void auth_continue(struct ike_sa *sa, struct ike_dgram *d,
			  struct ikev2_msg *req)
{
	struct auth_ctx ctx = { .sa = sa, .req = req, .hdr = &req->hdr };
	const struct cfg_key *local, *remote;
	char why[160] = "profile gone";

	ctx.profile = cfg_profile_find(daemon_cfg(), sa->profile);
	if (!ctx.profile ||
	    !auth_keys(&ctx, &local, &remote, why, sizeof(why))) {
		auth_fail(&ctx, why);
		return;
	}
	ctx.method = sa->auth_verify == CFG_AUTH_PSK ? CFG_AAA_PSK :
		     CFG_AAA_CERT;
	auth_authorize(&ctx, d, req, local);
}

/**
 * ike_auth_resume - answer an IKE_AUTH request now that RADIUS has
 *	answered: from the copy ike_authz_start() kept
 * @sa: the half-open IKE SA, with sa->authz done
 *
 * The peer was authenticated before RADIUS was asked and is not again:
 * the kept request is parsed for its CHILD_SA, the profile is found by
 * name in the configuration in force, and the request answered as
 * ike_auth_request() does (after EAP, the last request's).
 */
void ike_auth_resume(struct ike_sa *sa)
{
	const struct ike_authz *az = sa->authz;
	struct ike_dgram d = {
		.sock = sa->sock, .local = sa->local, .remote = sa->remote,
		.inner = az->inner, .inner_len = az->inner_len,
	};
	struct ikev2_msg *req = calloc(1, sizeof(*req));

	if (!req || ikev2_msg_parse_inner(req, az->inner, az->inner_len,
					  az->first)) {
		free(req);
		ike_sa_free(sa, "cannot handle IKE_AUTH again");
		return;
	}
	req->hdr = az->hdr;
	if (sa->eap)
		auth_eap_end(sa, &d, req);
	else
		auth_continue(sa, &d, req);
	free(req);
}
