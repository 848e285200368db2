// SPDX-License-Identifier: GPL-2.0-only
/*
 * Parsing of IKEv2 messages (RFC 7296 §3): the IKE header, then the
 * payload chain, each payload first validated (lengths and counts, so
 * that nothing is read out of bounds) and then interpreted into struct
 * ikev2_msg as slices of the caller's buffer.
 */
#include <errno.h>
#include <string.h>

#include "ikev2_pld.h"
#include "util.h"

/* sizes of the fixed parts of payloads and substructures */
#define PROP_HDR_LEN	8	/* §3.3.1 */
#define TRANS_HDR_LEN	8	/* §3.3.2 */
#define ATTR_HDR_LEN	4	/* §3.3.5 */
#define TS_HDR_LEN	8	/* §3.13.1, type to end port */
#define TS4_LEN		(TS_HDR_LEN + 2 * 4)
#define TS6_LEN		(TS_HDR_LEN + 2 * 16)
#define CP_ATTR_HDR_LEN	4	/* §3.15.1 */
#define EAP_HDR_LEN	4	/* RFC 3748 §4: code, identifier, length */
#define SKF_HDR_LEN	4	/* RFC 7383 §2.5: fragment number, total */

/* the "last substruc" values of §3.3.1 and §3.3.2 */
#define MORE_PROPOSALS	2
#define MORE_TRANSFORMS	3

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)get16(p) << 16 | get16(p + 2);
}

static uint64_t get_be(const uint8_t *p, size_t n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | *p++;
	return v;
}

static struct ikev2_slice slice(const uint8_t *p, size_t len)
{
	return (struct ikev2_slice){ .data = p, .len = len };
}

int ikev2_hdr_decode(const uint8_t *buf, size_t len, struct ikev2_header *h)
{
	const struct ikev2_hdr *wire = (const struct ikev2_hdr *)buf;

	if (len < IKEV2_HDR_LEN)
		return -EBADMSG;
	h->ispi = get_be(wire->ispi, IKEV2_SPI_SIZE);
	h->rspi = get_be(wire->rspi, IKEV2_SPI_SIZE);
	h->next_payload = wire->next_payload;
	h->version = wire->version;
	h->exchange = wire->exchange;
	h->flags = wire->flags;
	h->msgid = get32(buf + offsetof(struct ikev2_hdr, msgid));
	h->length = get32(buf + offsetof(struct ikev2_hdr, length));
	if ((h->version >> 4) != (IKEV2_VERSION >> 4))
		return -EPROTONOSUPPORT;
	if (len > IKEV2_MSG_MAX || h->length != len)
		return -EBADMSG;
	return 0;
}

/*
 * SA payload: proposals, each with its transforms, each with attributes.
 * The validators check the nesting of lengths and counts; the parsers
 * then read the checked bytes.
 */

static int validate_attrs(const uint8_t *p, size_t len)
{
	size_t alen;

	while (len) {
		if (len < ATTR_HDR_LEN)
			return -EBADMSG;
		alen = ATTR_HDR_LEN;
		if (!(get16(p) & IKEV2_ATTR_TV))
			alen += get16(p + 2);
		if (alen > len)
			return -EBADMSG;
		p += alen;
		len -= alen;
	}
	return 0;
}

/* returns the length of the transform at @p, or a negative errno */
static int validate_transform(const uint8_t *p, size_t len, bool last)
{
	size_t tlen;

	if (len < TRANS_HDR_LEN)
		return -EBADMSG;
	tlen = get16(p + 2);
	if (tlen < TRANS_HDR_LEN || tlen > len)
		return -EBADMSG;
	if (p[0] != (last ? 0 : MORE_TRANSFORMS) || last != (tlen == len))
		return -EBADMSG;
	if (validate_attrs(p + TRANS_HDR_LEN, tlen - TRANS_HDR_LEN))
		return -EBADMSG;
	return (int)tlen;
}

/* returns the length of the proposal at @p, or a negative errno */
static int validate_proposal(const uint8_t *p, size_t len)
{
	size_t plen, off;
	unsigned int i, ntrans;
	int tlen;

	if (len < PROP_HDR_LEN)
		return -EBADMSG;
	plen = get16(p + 2);
	if (plen < PROP_HDR_LEN || plen > len)
		return -EBADMSG;
	if (p[0] != (plen == len ? 0 : MORE_PROPOSALS))
		return -EBADMSG;
	if (p[6] != 0 && p[6] != IKEV2_CHILD_SPI_SIZE &&
	    p[6] != IKEV2_SPI_SIZE)
		return -EBADMSG;
	ntrans = p[7];
	off = PROP_HDR_LEN + p[6];
	if (!ntrans || off > plen)
		return -EBADMSG;
	if (ntrans > IKEV2_MAX_TRANSFORMS)
		return -E2BIG;
	for (i = 0; i < ntrans; i++) {
		tlen = validate_transform(p + off, plen - off, i == ntrans - 1);
		if (tlen < 0)
			return tlen;
		off += (size_t)tlen;
	}
	return (int)plen;
}

static int validate_sa(const uint8_t *p, size_t len)
{
	unsigned int n = 0;
	int plen;

	if (!len)
		return -EBADMSG;
	while (len) {
		if (n++ == IKEV2_MAX_PROPOSALS)
			return -E2BIG;
		plen = validate_proposal(p, len);
		if (plen < 0)
			return plen;
		p += plen;
		len -= (size_t)plen;
	}
	return 0;
}

/* reads the Key Length attribute; any other makes the transform unusable */
static void parse_attrs(struct ikev2_transform *t, const uint8_t *p,
			size_t len)
{
	uint16_t type, val;
	size_t alen;

	for (; len; p += alen, len -= alen) {
		type = get16(p);
		val = get16(p + 2);
		alen = ATTR_HDR_LEN + (type & IKEV2_ATTR_TV ? 0 : val);
		if (type == (IKEV2_ATTR_TV | IKEV2_ATTR_KEY_LENGTH) &&
		    !t->keylen && val)
			t->keylen = val;
		else
			t->unusable = true;
	}
}

static void parse_proposal(struct ikev2_proposal *prop, const uint8_t *p)
{
	struct ikev2_transform *t;
	size_t off, tlen;

	prop->num = p[4];
	prop->proto = p[5];
	prop->spi_size = p[6];
	prop->spi = get_be(p + PROP_HDR_LEN, p[6]);
	prop->ntrans = p[7];
	off = PROP_HDR_LEN + p[6];
	for (t = prop->trans; t < prop->trans + prop->ntrans; t++) {
		tlen = get16(p + off + 2);
		t->type = p[off + 4];
		t->id = get16(p + off + 6);
		parse_attrs(t, p + off + TRANS_HDR_LEN, tlen - TRANS_HDR_LEN);
		off += tlen;
	}
}

static int parse_sa(struct ikev2_msg *m, const uint8_t *p, size_t len)
{
	size_t plen;
	int ret;

	ret = validate_sa(p, len);
	if (ret)
		return ret;
	for (; len; p += plen, len -= plen) {
		parse_proposal(&m->sa.prop[m->sa.nprop++], p);
		plen = get16(p + 2);
	}
	return 0;
}

static int parse_ke(struct ikev2_msg *m, const uint8_t *p, size_t len)
{
	if (len <= 4)
		return -EBADMSG;
	m->ke.group = get16(p);
	m->ke.data = slice(p + 4, len - 4);
	return 0;
}

static int parse_id(struct ikev2_id *id, const uint8_t *p, size_t len)
{
	if (len < 4)
		return -EBADMSG;
	id->type = p[0];
	id->data = slice(p + 4, len - 4);
	id->body = slice(p, len);
	return 0;
}

static int parse_idi(struct ikev2_msg *m, const uint8_t *p, size_t len)
{
	return parse_id(&m->idi, p, len);
}

static int parse_idr(struct ikev2_msg *m, const uint8_t *p, size_t len)
{
	return parse_id(&m->idr, p, len);
}

static int parse_cert(struct ikev2_cert *c, unsigned int *n,
		      const uint8_t *p, size_t len)
{
	if (len < 1)
		return -EBADMSG;
	if (*n == IKEV2_MAX_CERTS)
		return -E2BIG;
	c[*n].encoding = p[0];
	c[*n].data = slice(p + 1, len - 1);
	(*n)++;
	return 0;
}

static int parse_certp(struct ikev2_msg *m, const uint8_t *p, size_t len)
{
	return parse_cert(m->cert, &m->ncert, p, len);
}

static int parse_certreq(struct ikev2_msg *m, const uint8_t *p, size_t len)
{
	return parse_cert(m->certreq, &m->ncertreq, p, len);
}

static int parse_auth(struct ikev2_msg *m, const uint8_t *p, size_t len)
{
	if (len < 4)
		return -EBADMSG;
	m->auth.method = p[0];
	m->auth.data = slice(p + 4, len - 4);
	return 0;
}

static int parse_nonce(struct ikev2_msg *m, const uint8_t *p, size_t len)
{
	if (len < IKEV2_NONCE_MIN || len > IKEV2_NONCE_MAX)
		return -EBADMSG;
	m->nonce = slice(p, len);
	return 0;
}

static int parse_notify(struct ikev2_msg *m, const uint8_t *p, size_t len)
{
	struct ikev2_notify *n;

	if (len < 4 || len - 4 < p[1])
		return -EBADMSG;
	if (m->nnotify == IKEV2_MAX_NOTIFIES)
		return -E2BIG;
	n = &m->notify[m->nnotify++];
	n->proto = p[0];
	n->type = get16(p + 2);
	n->spi = slice(p + 4, p[1]);
	n->data = slice(p + 4 + p[1], len - 4 - p[1]);
	return 0;
}

static int parse_delete(struct ikev2_msg *m, const uint8_t *p, size_t len)
{
	struct ikev2_delete *d;

	if (len < 4 || len - 4 != (size_t)p[1] * get16(p + 2))
		return -EBADMSG;
	if (m->ndelete == IKEV2_MAX_DELETES)
		return -E2BIG;
	d = &m->del[m->ndelete++];
	d->proto = p[0];
	d->spi_size = p[1];
	d->nspi = get16(p + 2);
	d->spis = slice(p + 4, len - 4);
	return 0;
}

static int parse_vendor(struct ikev2_msg *m, const uint8_t *p, size_t len)
{
	if (m->nvendor == IKEV2_MAX_VENDORS)
		return -E2BIG;
	m->vendor[m->nvendor++] = slice(p, len);
	return 0;
}

/* Traffic selectors: a count, then selectors whose length fits the type */

static int ts_len(uint8_t type)
{
	switch (type) {
	case IKEV2_TS_IPV4_ADDR_RANGE:
		return TS4_LEN;
	case IKEV2_TS_IPV6_ADDR_RANGE:
		return TS6_LEN;
	default:
		return 0;
	}
}

static int validate_ts(const uint8_t *p, size_t len)
{
	unsigned int i, n, known = 0;
	size_t slen;

	if (len < 4 || !p[0])
		return -EBADMSG;
	n = p[0];
	p += 4;
	len -= 4;
	for (i = 0; i < n; i++) {
		if (len < 4)
			return -EBADMSG;
		slen = get16(p + 2);
		if (slen < 4 || slen > len)
			return -EBADMSG;
		if (ts_len(p[0]) && slen != (size_t)ts_len(p[0]))
			return -EBADMSG;
		if (ts_len(p[0]) && known++ == IKEV2_MAX_TS)
			return -E2BIG;
		p += slen;
		len -= slen;
	}
	return len ? -EBADMSG : 0;
}

static void parse_selector(struct ikev2_ts *ts, const uint8_t *p)
{
	size_t alen = p[0] == IKEV2_TS_IPV4_ADDR_RANGE ? 4 : 16;

	ts->type = p[0];
	ts->proto = p[1];
	ts->start_port = get16(p + 4);
	ts->end_port = get16(p + 6);
	memcpy(ts->start.b, p + TS_HDR_LEN, alen);
	memcpy(ts->end.b, p + TS_HDR_LEN + alen, alen);
}

static int parse_ts(struct ikev2_ts_list *l, const uint8_t *p, size_t len)
{
	unsigned int i, n;
	int ret;

	ret = validate_ts(p, len);
	if (ret)
		return ret;
	n = p[0];
	for (p += 4, i = 0; i < n; p += get16(p + 2), i++) {
		if (ts_len(p[0]))
			parse_selector(&l->ts[l->n++], p);
		else if (!l->nunknown++)
			l->unknown_type = p[0];
	}
	return 0;
}

static int parse_tsi(struct ikev2_msg *m, const uint8_t *p, size_t len)
{
	return parse_ts(&m->tsi, p, len);
}

static int parse_tsr(struct ikev2_msg *m, const uint8_t *p, size_t len)
{
	return parse_ts(&m->tsr, p, len);
}

/* Configuration payload: a type, then attributes filling the payload */

static int validate_cp(const uint8_t *p, size_t len)
{
	unsigned int n = 0;
	size_t alen;

	if (len < 4)
		return -EBADMSG;
	for (p += 4, len -= 4; len; p += alen, len -= alen) {
		if (len < CP_ATTR_HDR_LEN)
			return -EBADMSG;
		alen = CP_ATTR_HDR_LEN + get16(p + 2);
		if (alen > len)
			return -EBADMSG;
		if (n++ == IKEV2_MAX_CP_ATTRS)
			return -E2BIG;
	}
	return 0;
}

static int parse_cp(struct ikev2_msg *m, const uint8_t *p, size_t len)
{
	struct ikev2_cp_attr *a;
	const uint8_t *end = p + len;
	int ret;

	ret = validate_cp(p, len);
	if (ret)
		return ret;
	m->cp.type = p[0];
	for (p += 4; p < end; p += CP_ATTR_HDR_LEN + a->value.len) {
		a = &m->cp.attr[m->cp.nattr++];
		a->type = get16(p) & 0x7fff;
		a->value = slice(p + CP_ATTR_HDR_LEN, get16(p + 2));
	}
	return 0;
}

static int parse_eap(struct ikev2_msg *m, const uint8_t *p, size_t len)
{
	if (len < EAP_HDR_LEN || get16(p + 2) != len)
		return -EBADMSG;
	m->eap = slice(p, len);
	return 0;
}

/*
 * The payloads we know, by type: the parser and whether the payload may
 * appear only once.  SK and SKF end the outer chain and are handled by
 * the walk itself.
 */
struct pld_ops {
	int (*parse)(struct ikev2_msg *m, const uint8_t *p, size_t len);
	bool once;
};

static const struct pld_ops pld_ops[] = {
	[IKEV2_PL_SA]		= { parse_sa, true },
	[IKEV2_PL_KE]		= { parse_ke, true },
	[IKEV2_PL_IDI]		= { parse_idi, true },
	[IKEV2_PL_IDR]		= { parse_idr, true },
	[IKEV2_PL_CERT]		= { parse_certp, false },
	[IKEV2_PL_CERTREQ]	= { parse_certreq, false },
	[IKEV2_PL_AUTH]		= { parse_auth, true },
	[IKEV2_PL_NONCE]	= { parse_nonce, true },
	[IKEV2_PL_NOTIFY]	= { parse_notify, false },
	[IKEV2_PL_DELETE]	= { parse_delete, false },
	[IKEV2_PL_VENDOR]	= { parse_vendor, false },
	[IKEV2_PL_TSI]		= { parse_tsi, true },
	[IKEV2_PL_TSR]		= { parse_tsr, true },
	[IKEV2_PL_CP]		= { parse_cp, true },
	[IKEV2_PL_EAP]		= { parse_eap, true },
};

static const struct pld_ops *find_ops(uint8_t type)
{
	if (type >= ARRAY_SIZE(pld_ops) || !pld_ops[type].parse)
		return NULL;
	return &pld_ops[type];
}

/* records a payload of a known @type, unless it may not be repeated */
static int add_payload(struct ikev2_msg *m, uint8_t type, bool once)
{
	if (once && (m->present & IKEV2_PL_BIT(type)))
		return -EBADMSG;
	if (m->npl == IKEV2_MAX_PAYLOADS)
		return -E2BIG;
	m->present |= IKEV2_PL_BIT(type);
	m->pl[m->npl++] = type;
	return 0;
}

static int parse_payload(struct ikev2_msg *m, uint8_t type, bool critical,
			 const uint8_t *p, size_t len)
{
	const struct pld_ops *ops = find_ops(type);
	int ret;

	if (!ops) {
		if (!critical)
			return 0;
		m->unsupported_critical = type;
		return -EOPNOTSUPP;
	}
	ret = add_payload(m, type, ops->once);
	if (ret)
		return ret;
	return ops->parse(m, p, len);
}

static int parse_sk(struct ikev2_msg *m, size_t off, const uint8_t *g)
{
	m->sk.off = off;
	m->sk.len = get16(g + 2);
	m->sk.first = g[0];
	return add_payload(m, IKEV2_PL_SK, true);
}

static int parse_skf(struct ikev2_msg *m, size_t off, const uint8_t *g)
{
	const uint8_t *p = g + IKEV2_GEN_HDR_LEN;

	if (get16(g + 2) < IKEV2_GEN_HDR_LEN + SKF_HDR_LEN)
		return -EBADMSG;
	if (!get16(p) || get16(p) > get16(p + 2))
		return -EBADMSG;
	m->skf.off = off;
	m->skf.len = get16(g + 2);
	m->skf.first = g[0];
	m->skf.num = get16(p);
	m->skf.total = get16(p + 2);
	return add_payload(m, IKEV2_PL_SKF, true);
}

/*
 * Walks the chain of payloads in @buf from @off to @len, the first of
 * type @type.  Offsets of SK and SKF are from @buf, which is the whole
 * message when @outer.
 */
static int parse_chain(struct ikev2_msg *m, const uint8_t *buf, size_t off,
		       size_t len, uint8_t type, bool outer)
{
	const uint8_t *g;
	size_t plen;
	int ret;

	while (type != IKEV2_PL_NONE) {
		m->err_payload = type;
		if (len - off < IKEV2_GEN_HDR_LEN)
			return -EBADMSG;
		g = buf + off;
		plen = get16(g + 2);
		if (plen < IKEV2_GEN_HDR_LEN || plen > len - off)
			return -EBADMSG;
		if (type == IKEV2_PL_SK || type == IKEV2_PL_SKF) {
			if (!outer || off + plen != len)
				return -EBADMSG;
			if (type == IKEV2_PL_SK)
				return parse_sk(m, off, g);
			return parse_skf(m, off, g);
		}
		ret = parse_payload(m, type, g[1] & IKEV2_CRITICAL,
				    g + IKEV2_GEN_HDR_LEN,
				    plen - IKEV2_GEN_HDR_LEN);
		if (ret)
			return ret;
		type = g[0];
		off += plen;
	}
	m->err_payload = IKEV2_PL_NONE;
	return off == len ? 0 : -EBADMSG;
}

int ikev2_msg_parse(const uint8_t *buf, size_t len, struct ikev2_msg *m)
{
	int ret;

	memset(m, 0, sizeof(*m));
	ret = ikev2_hdr_decode(buf, len, &m->hdr);
	if (ret)
		return ret;
	return parse_chain(m, buf, IKEV2_HDR_LEN, len, m->hdr.next_payload,
			   true);
}

int ikev2_msg_parse_inner(struct ikev2_msg *m, const uint8_t *buf,
			  size_t len, uint8_t first)
{
	return parse_chain(m, buf, 0, len, first, false);
}

const struct ikev2_notify *ikev2_msg_notify(const struct ikev2_msg *m,
					    uint16_t type)
{
	unsigned int i;

	for (i = 0; i < m->nnotify; i++)
		if (m->notify[i].type == type)
			return &m->notify[i];
	return NULL;
}
