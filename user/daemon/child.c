// SPDX-License-Identifier: GPL-2.0-only
/*
 * CHILD_SA negotiation of the responder: ESP proposal selection in the
 * initiator's order (§2.7), traffic selector narrowing (§2.9) and the
 * configuration reply (§3.15); the subnets both ends of a FlexVPN
 * session send each other in their configuration payloads, and those
 * of the peer that become routes ("route set", "route accept any").
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

#include "../lib/ikev2_subnet.h"
#include "child.h"
#include "ike_sa.h"
#include "log.h"
#include "stats.h"

static bool child_esn_pick(const struct ikev2_proposal *p, bool *esn)
{
	unsigned int i;
	bool any = false;

	for (i = 0; i < p->ntrans; i++) {
		const struct ikev2_transform *t = &p->trans[i];

		if (t->type != IKEV2_TRANS_ESN)
			continue;
		any = true;
		if (!t->unusable && t->id <= IKEV2_ESN_YES) {
			*esn = t->id == IKEV2_ESN_YES;
			return true;
		}
	}
	/* no ESN transform: 32-bit sequence numbers (§3.3.2) */
	*esn = false;
	return !any;
}

static bool child_offers(const struct ikev2_proposal *p, uint8_t type,
			 uint16_t id, uint16_t keylen)
{
	unsigned int i;

	for (i = 0; i < p->ntrans; i++)
		if (p->trans[i].type == type && p->trans[i].id == id &&
		    p->trans[i].keylen == keylen && !p->trans[i].unusable)
			return true;
	return false;
}

static bool child_offers_integ(const struct ikev2_proposal *p)
{
	unsigned int i;

	for (i = 0; i < p->ntrans; i++)
		if (p->trans[i].type == IKEV2_TRANS_INTEG && p->trans[i].id)
			return true;
	return false;
}

/*
 * The Diffie-Hellman transform of a CREATE_CHILD_SA proposal (§1.3.1):
 * with PFS configured it must offer that group; without, it may offer
 * none or NONE.  In IKE_AUTH (@dh < 0) the transform does not matter.
 */
static bool child_dh_fits(const struct ikev2_proposal *p, int dh)
{
	unsigned int i;
	bool any = false;

	if (dh < 0)
		return true;
	for (i = 0; i < p->ntrans; i++) {
		const struct ikev2_transform *t = &p->trans[i];

		if (t->type != IKEV2_TRANS_DH)
			continue;
		any = true;
		if (t->id == dh && !t->unusable)
			return true;
	}
	return !any;
}

static bool child_fits(const struct ikev2_proposal *p,
		       const struct cfg_transform_set *ts, int dh,
		       struct child_choice *c)
{
	if (!child_dh_fits(p, dh))
		return false;
	if (!child_offers(p, IKEV2_TRANS_ENCR, ts->encr, ts->encr_bits))
		return false;
	c->encr = crypto_encr_find(ts->encr, ts->encr_bits);
	if (!c->encr)
		return false;
	if (c->encr->aead) {
		if (child_offers_integ(p))
			return false;
		c->integ = NULL;
	} else {
		if (!child_offers(p, IKEV2_TRANS_INTEG, ts->integ, 0))
			return false;
		c->integ = crypto_integ_find(ts->integ);
		if (!c->integ)
			return false;
	}
	if (!child_esn_pick(p, &c->esn))
		return false;
	c->num = p->num;
	c->spi_out = p->spi;
	c->tset = ts;
	c->dh = dh > 0 ? dh : 0;
	return true;
}

/**
 * child_choose - choose the ESP proposal of a CHILD_SA
 * @sa: the initiator's SA payload
 * @ip: the IPsec profile whose transform sets are acceptable
 * @dh: the Diffie-Hellman group of a rekey with PFS, 0 for a rekey
 *	without, -1 in IKE_AUTH, whose CHILD_SA keys come from the IKE SA
 *	alone so that DH transforms are ignored (§1.2)
 * @c: the choice
 *
 * The initiator's proposals in its order, for each the transform sets in
 * the profile's order.
 *
 * Return: true when a proposal fits.
 */
bool child_choose(const struct ikev2_sa *sa, const struct cfg_ipsec_profile *ip,
		  int dh, struct child_choice *c)
{
	unsigned int i, j;

	for (i = 0; i < sa->nprop; i++) {
		const struct ikev2_proposal *p = &sa->prop[i];

		if (p->proto != IKEV2_PROTO_ESP ||
		    p->spi_size != IKEV2_CHILD_SPI_SIZE)
			continue;
		for (j = 0; j < ip->ntsets; j++)
			if (!ip->tsets[j]->disabled &&
			    child_fits(p, ip->tsets[j], dh, c))
				return true;
	}
	return false;
}

/**
 * child_proposal_is - whether the responder's proposal is the one we sent
 *	in a rekey (§2.7: it must be one of those offered, and we offer one)
 * @p: the proposal of the response
 * @encr: our encryption algorithm
 * @integ: our integrity algorithm, NULL with an AEAD
 * @dh: our PFS group, 0 for none
 * @esn: our extended sequence numbers setting
 *
 * Return: true if it is.
 */
bool child_proposal_is(const struct ikev2_proposal *p,
		       const struct crypto_encr *encr,
		       const struct crypto_integ *integ, uint16_t dh, bool esn)
{
	bool e;

	if (!child_offers(p, IKEV2_TRANS_ENCR, encr->id, encr->key_bits))
		return false;
	if (integ ? !child_offers(p, IKEV2_TRANS_INTEG, integ->id, 0) :
		    child_offers_integ(p))
		return false;
	return child_dh_fits(p, dh) && child_esn_pick(p, &e) && e == esn;
}

/**
 * child_put_sa - an SA payload with one ESP proposal: the one chosen, in
 *	a response, or the one of the CHILD_SA being rekeyed, in a request
 * @w: the message
 * @c: the choice (@c->num is kept: 1 in a request)
 * @spi_in: our SPI
 */
void child_put_sa(struct ikev2_writer *w, const struct child_choice *c,
		  uint32_t spi_in)
{
	struct ikev2_proposal p = {
		.num = c->num,
		.proto = IKEV2_PROTO_ESP,
		.spi_size = IKEV2_CHILD_SPI_SIZE,
		.spi = spi_in,
		.trans = {
			{ .type = IKEV2_TRANS_ENCR, .id = c->encr->id,
			  .keylen = c->encr->key_bits },
			{ .type = IKEV2_TRANS_ESN, .id = c->esn },
		},
		.ntrans = 2,
	};

	if (c->integ)
		p.trans[p.ntrans++] = (struct ikev2_transform){
			.type = IKEV2_TRANS_INTEG, .id = c->integ->id };
	if (c->dh)
		p.trans[p.ntrans++] = (struct ikev2_transform){
			.type = IKEV2_TRANS_DH, .id = c->dh };
	ikev2_put_sa(w, &p, 1);
}

static size_t child_alen(uint8_t type)
{
	return type == IKEV2_TS_IPV4_ADDR_RANGE ? 4 : 16;
}

/* the intersection of two selectors of one type; false when empty */
static bool child_ts_and(const struct ikev2_ts *a, const struct ikev2_ts *b,
			 struct ikev2_ts *out)
{
	size_t len = child_alen(a->type);

	if (a->type != b->type || (a->proto && b->proto && a->proto != b->proto))
		return false;
	*out = *a;
	out->proto = a->proto ? a->proto : b->proto;
	out->start_port = a->start_port > b->start_port ? a->start_port :
			  b->start_port;
	out->end_port = a->end_port < b->end_port ? a->end_port : b->end_port;
	if (memcmp(b->start.b, a->start.b, len) > 0)
		out->start = b->start;
	if (memcmp(b->end.b, a->end.b, len) < 0)
		out->end = b->end;
	return out->start_port <= out->end_port &&
	       memcmp(out->start.b, out->end.b, len) <= 0;
}

static void child_ts_from_prefix(const struct cfg_addr *p, uint8_t proto,
				 struct ikev2_ts *ts)
{
	size_t len;

	memset(ts, 0, sizeof(*ts));
	ts->type = p->family == AF_INET ? IKEV2_TS_IPV4_ADDR_RANGE :
					  IKEV2_TS_IPV6_ADDR_RANGE;
	ts->proto = proto;
	ts->end_port = 0xffff;
	len = child_alen(ts->type);
	memcpy(ts->start.b, &p->v4, len);
	memcpy(ts->end.b, &p->v4, len);
	route_fill_host_bits(ts->end.b, len, p->prefix);
}

/**
 * child_ts_narrow - narrow the initiator's selectors (§2.9)
 * @in: the initiator's TSi or TSr
 * @family: the family the session carries (AF_INET or AF_INET6)
 * @host: when set, the only address allowed (the client's assigned
 *	address, or the outer address in transport mode)
 * @nets: when @host is NULL, the prefixes allowed; none allows all
 * @nnets: entries of @nets
 * @proto: the only IP protocol allowed, 0 for any
 * @out: the narrowed selectors
 * @max: room in @out
 *
 * Return: the number of selectors in @out, 0 when nothing is left.
 */
int child_ts_narrow(const struct ikev2_ts_list *in, int family,
		    const struct route_addr *host, const struct cfg_addr *nets,
		    unsigned int nnets, uint8_t proto, struct ikev2_ts *out,
		    unsigned int max)
{
	uint8_t type = family == AF_INET ? IKEV2_TS_IPV4_ADDR_RANGE :
					   IKEV2_TS_IPV6_ADDR_RANGE;
	struct cfg_addr any = { .family = family };
	struct ikev2_ts allow;
	unsigned int i, j, n = 0;

	if (!nnets || host) {
		nets = &any;
		nnets = 1;
	}
	for (i = 0; i < in->n && n < max; i++) {
		if (in->ts[i].type != type)
			continue;
		for (j = 0; j < nnets && n < max; j++) {
			if (nets[j].family != family)
				continue;
			child_ts_from_prefix(&nets[j], proto, &allow);
			if (host) {
				memcpy(allow.start.b, &host->v4,
				       child_alen(type));
				allow.end = allow.start;
			}
			if (child_ts_and(&in->ts[i], &allow, &out[n]))
				n++;
		}
	}
	return n;
}

/**
 * child_cp_wants_n - whether attributes have one of a type
 * @attr: the attributes
 * @n: entries of @attr
 * @type: enum ikev2_cfg_attr
 *
 * Return: true when one of them is of @type.
 */
bool child_cp_wants_n(const struct ikev2_cp_attr *attr, unsigned int n,
		      uint16_t type)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (attr[i].type == type)
			return true;
	return false;
}

/**
 * child_cp_wants - whether a CFG_REQUEST asks for an attribute
 * @cp: the request
 * @type: enum ikev2_cfg_attr
 *
 * Return: true when it does.
 */
bool child_cp_wants(const struct ikev2_cp *cp, uint16_t type)
{
	return child_cp_wants_n(cp->attr, cp->nattr, type);
}

static void child_cp_add(struct ikev2_cp_attr *attr, uint8_t (*vals)[20],
			 unsigned int *n, unsigned int max, uint16_t type,
			 const void *v, size_t len, int plen)
{
	if (*n >= max)
		return;
	memcpy(vals[*n], v, len);
	if (plen >= 0)
		vals[*n][len++] = plen;
	attr[*n].type = type;
	attr[*n].value.data = vals[*n];
	attr[*n].value.len = len;
	(*n)++;
}

/* the address of "route set interface": a host prefix */
static void child_if_route(const char *ifname, int family, struct cfg_addr *out,
			   unsigned int *n, unsigned int max)
{
	struct route_addr a = { 0 };
	unsigned int i;

	if (!ifname || !ifname[0] || *n == max ||
	    route_ifaddr(ifname, family, &a))
		return;
	memset(&out[*n], 0, sizeof(out[*n]));
	out[*n].family = family;
	out[*n].v6 = a.v6;	/* the union: an IPv4 address too */
	out[*n].prefix = family == AF_INET ? 32 : 128;
	for (i = 0; i < *n; i++)
		if (out[i].family == family && out[i].prefix == out[*n].prefix &&
		    !memcmp(&out[i].v6, &a.v6, family == AF_INET ? 4 : 16))
			return;
	(*n)++;
}

/**
 * child_cp_routes - the subnets of ours a configuration payload carries
 *	to the peer (FlexVPN route exchange)
 * @ap: the authorization policy, or NULL (none)
 * @if4: the interface whose IPv4 address "route set interface" sends:
 *	the policy's IFNAME, else the one the tunnel or the template is
 *	unnumbered to, or the tunnel itself; NULL or "" for none
 * @if6: likewise for IPv6
 * @out: receives the prefixes: cfg_authz_route_set() of @ap, then with
 *	"route set interface" the host prefixes of the addresses of @if4 and
 *	@if6 (those the interfaces have now; none when they have none)
 * @max: room in @out
 * @nset: receives how many of them cfg_authz_route_set() gave; when
 *	there are any, ipsec mode narrows its TSr to all of @out (the
 *	interface's host prefixes too: the peer routes them over the
 *	tunnel), and leaves it as asked when there are none
 *
 * Return: the number of prefixes in @out.
 */
unsigned int child_cp_routes(const struct cfg_authz_policy *ap,
			     const char *if4, const char *if6,
			     struct cfg_addr *out, unsigned int max,
			     unsigned int *nset)
{
	unsigned int n;

	*nset = 0;
	if (!ap)
		return 0;
	n = *nset = cfg_authz_route_set(ap, out, max);
	if (!ap->route_set_interface)
		return n;
	if (ap->route_set_ifname)
		if4 = if6 = ap->route_set_ifname;
	child_if_route(if4, AF_INET, out, &n, max);
	child_if_route(if6, AF_INET6, out, &n, max);
	return n;
}

/**
 * child_cp_put_routes - subnet attributes of prefixes, of the families
 *	asked for
 * @routes: the prefixes (child_cp_routes())
 * @nroutes: entries of @routes
 * @v4: put the IPv4 ones
 * @v6: put the IPv6 ones
 * @attr: where the attributes go, from index *@n on
 * @vals: room for their values, one per attribute
 * @n: entries of @attr used, updated
 * @max: entries of @attr and @vals
 */
void child_cp_put_routes(const struct cfg_addr *routes, unsigned int nroutes,
			 bool v4, bool v6, struct ikev2_cp_attr *attr,
			 uint8_t (*vals)[20], unsigned int *n,
			 unsigned int max)
{
	unsigned int i;

	for (i = 0; i < nroutes && *n < max; i++) {
		if (!(routes[i].family == AF_INET ? v4 : v6))
			continue;
		ikev2_subnet_encode(&routes[i], &attr[*n], vals[*n]);
		(*n)++;
	}
}

/* a request for, or a value of, a subnet attribute of @type */
static bool child_cp_has(const struct ikev2_cp *cp, uint16_t type)
{
	return cp && child_cp_wants(cp, type);
}

/**
 * child_cp_reply - the attributes of the CFG_REPLY
 * @ap: the authorization policy, or NULL
 * @s: the session, with the client's assigned addresses
 * @req: the CFG_REQUEST, or NULL
 * @routes: the subnets to push (child_cp_routes())
 * @nroutes: entries of @routes
 * @attr: filled with the attributes
 * @vals: room for their values, one per attribute
 * @max: entries of @attr and @vals
 *
 * The assigned addresses (IPv6 with prefix length 128 unless RADIUS
 * gave one: ipsec:prefix-len), and from the policy the netmask, DNS
 * servers, and the subnets of @routes ("route set") of the families
 * the client got an address of or asked subnets of (an
 * INTERNAL_IP4_SUBNET or INTERNAL_IP6_SUBNET in @req, empty or not).
 *
 * Return: the number of attributes.
 */
int child_cp_reply(const struct cfg_authz_policy *ap, const struct session *s,
		   const struct ikev2_cp *req, const struct cfg_addr *routes,
		   unsigned int nroutes, struct ikev2_cp_attr *attr,
		   uint8_t (*vals)[20], unsigned int max)
{
	bool v4 = false, v6 = false;
	unsigned int i, n = 0;

	for (i = 0; i < s->naddr; i++) {
		if (s->addr[i].family == AF_INET) {
			v4 = true;
			child_cp_add(attr, vals, &n, max,
				     IKEV2_CFG_INTERNAL_IP4_ADDRESS,
				     &s->addr[i].v4, 4, -1);
		} else {
			v6 = true;
			child_cp_add(attr, vals, &n, max,
				     IKEV2_CFG_INTERNAL_IP6_ADDRESS,
				     &s->addr[i].v6, 16,
				     s->prefix6 ? s->prefix6 : 128);
		}
	}
	if (!ap)
		return n;
	if (v4 && ap->netmask.s_addr)
		child_cp_add(attr, vals, &n, max,
			     IKEV2_CFG_INTERNAL_IP4_NETMASK, &ap->netmask, 4,
			     -1);
	for (i = 0; v4 && i < ap->ndns; i++)
		child_cp_add(attr, vals, &n, max, IKEV2_CFG_INTERNAL_IP4_DNS,
			     &ap->dns[i], 4, -1);
	for (i = 0; v6 && i < ap->ndns6; i++)
		child_cp_add(attr, vals, &n, max, IKEV2_CFG_INTERNAL_IP6_DNS,
			     &ap->dns6[i], 16, -1);
	child_cp_put_routes(routes, nroutes,
			    v4 || child_cp_has(req,
					       IKEV2_CFG_INTERNAL_IP4_SUBNET),
			    v6 || child_cp_has(req,
					       IKEV2_CFG_INTERNAL_IP6_SUBNET),
			    attr, vals, &n, max);
	return n;
}

/* @r into the session's routes unless it is there; false when full */
static bool child_route_add(struct session *s, const struct cfg_addr *p,
			    uint32_t metric)
{
	struct session_route r = {
		.dst = { .family = p->family, .v6 = p->v6 },
		.prefix = (uint8_t)p->prefix, .metric = metric,
	};
	unsigned int i;

	for (i = 0; i < s->nroutes; i++)
		if (s->routes[i].prefix == r.prefix &&
		    !memcmp(&s->routes[i].dst, &r.dst, sizeof(r.dst)))
			return true;
	if (s->nroutes == SESSION_ROUTES_MAX)
		return false;
	s->routes[s->nroutes++] = r;
	return true;
}

/**
 * child_cp_accept - the subnets of the peer's configuration payload
 *	that become routes through the session's interface
 * @ap: the authorization policy, or NULL: nothing is accepted without
 *	its "route accept any"
 * @cp: the peer's CFG_REQUEST or CFG_REPLY
 * @sa: the IKE SA, with its outer addresses (ours, the peer's)
 * @family: the only family the interface carries (ipsec mode), or
 *	AF_UNSPEC for both (gre mode)
 * @s: the session, whose ->routes receive them, with the accept's
 *	distance as metric (1 when it has none, as an IOS static route)
 *
 * Malformed values are counted and logged, so are subnets that may not
 * be routed (ikev2_subnet_refused()), of a family the interface does
 * not carry, or beyond SESSION_ROUTES_MAX; empty ones (requests) are
 * skipped.
 *
 * Return: the number of routes accepted.
 */
unsigned int child_cp_accept(const struct cfg_authz_policy *ap,
			     const struct ikev2_cp *cp,
			     const struct ike_sa *sa, int family,
			     struct session *s)
{
	uint32_t metric = ap && ap->route_accept_distance ?
			  ap->route_accept_distance : 1;
	char a[INET6_ADDRSTRLEN];
	struct cfg_addr p, outer[2];
	unsigned int i, n = 0;
	const char *why;
	int ret;

	cfg_addr_from_sockaddr(&outer[0], (const struct sockaddr *)&sa->local);
	cfg_addr_from_sockaddr(&outer[1],
			       (const struct sockaddr *)&sa->remote);

	for (i = 0; i < cp->nattr; i++) {
		ret = ikev2_subnet_decode(&cp->attr[i], &p);
		if (ret == -ENOENT || ret == -ENODATA)
			continue;
		if (ret) {
			stats_inc(STAT_ROUTE_MALFORMED);
			log_warn("IKE SA %u: malformed subnet attribute of "
				 "the peer (%zu bytes)", sa->id,
				 cp->attr[i].value.len);
			continue;
		}
		if (!ap || !ap->route_accept)
			continue;
		why = ikev2_subnet_refused(&p, outer, 2);
		if (!why && family && p.family != family)
			why = "the tunnel does not carry its family";
		if (!why && !child_route_add(s, &p, metric))
			why = "too many routes";
		if (why) {
			stats_inc(STAT_ROUTE_REFUSED);
			log_warn("IKE SA %u: no route to %s/%d of the peer: "
				 "%s", sa->id, inet_ntop(p.family, &p.v6, a,
							 sizeof(a)),
				 p.prefix, why);
			continue;
		}
		n++;
	}
	if (ap && ap->route_accept)
		s->route_tag = ap->route_accept_tag;
	return n;
}
