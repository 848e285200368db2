// SPDX-License-Identifier: GPL-2.0-only
/*
 * CHILD_SA negotiation of the responder: ESP proposal selection in the
 * initiator's order (§2.7), traffic selector narrowing (§2.9) and the
 * configuration reply (§3.15).
 */
#include <arpa/inet.h>
#include <string.h>

#include "child.h"

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
 * child_cp_wants - whether a CFG_REQUEST asks for an attribute
 * @cp: the request
 * @type: enum ikev2_cfg_attr
 *
 * Return: true when it does.
 */
bool child_cp_wants(const struct ikev2_cp *cp, uint16_t type)
{
	unsigned int i;

	for (i = 0; i < cp->nattr; i++)
		if (cp->attr[i].type == type)
			return true;
	return false;
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

/* INTERNAL_IP4_SUBNET is address and netmask, _IP6_SUBNET address/len */
static void child_cp_subnet(const struct cfg_addr *r, struct ikev2_cp_attr *a,
			    uint8_t (*vals)[20], unsigned int *n,
			    unsigned int max)
{
	uint8_t v[8];
	uint32_t mask;

	if (r->family == AF_INET6) {
		child_cp_add(a, vals, n, max, IKEV2_CFG_INTERNAL_IP6_SUBNET,
			     &r->v6, 16, r->prefix);
		return;
	}
	mask = r->prefix ? htonl(~0u << (32 - r->prefix)) : 0;
	memcpy(v, &r->v4, 4);
	memcpy(v + 4, &mask, 4);
	child_cp_add(a, vals, n, max, IKEV2_CFG_INTERNAL_IP4_SUBNET, v, 8, -1);
}

/**
 * child_cp_reply - the attributes of the CFG_REPLY
 * @ap: the authorization policy, or NULL
 * @s: the session, with the client's assigned addresses
 * @attr: filled with the attributes
 * @vals: room for their values, one per attribute
 * @max: entries of @attr and @vals
 *
 * The assigned addresses (IPv6 with prefix length 128 unless RADIUS
 * gave one: ipsec:prefix-len), and from the
 * policy the netmask, DNS servers and the protected subnets ("route set
 * remote") of the families the client got an address of.
 *
 * Return: the number of attributes.
 */
int child_cp_reply(const struct cfg_authz_policy *ap, const struct session *s,
		   struct ikev2_cp_attr *attr, uint8_t (*vals)[20],
		   unsigned int max)
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
	for (i = 0; i < ap->nroutes; i++)
		if ((ap->routes[i].family == AF_INET && v4) ||
		    (ap->routes[i].family == AF_INET6 && v6))
			child_cp_subnet(&ap->routes[i], attr, vals, &n, max);
	return n;
}
