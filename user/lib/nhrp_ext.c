// SPDX-License-Identifier: GPL-2.0-only
/*
 * NHRP extensions (RFC 2332 §5.3): read by nhrp_parse(), written by
 * nhrp_build(), and the Transit NHS Record a forwarding NHS appends
 * (nhrp_forward()).  Each extension is
 *
 *	 0                   1                   2                   3
 *	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *	|C|u|        Type               |        Length                 |
 *	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *	|                         Value...                              |
 *	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * from ar$extoff to ar$pktsz, the last one End (type 0, length 0).  The
 * values of types 3, 4, 5 and 9 are lists of CIEs (Responder Address:
 * one), those of 7 and 8 are kept as bytes.
 */
#include <errno.h>
#include <string.h>

#include "nhrp_int.h"
#include "util.h"

/* what nhrp_build() writes: a list, its type and the C bit */
struct nhrp_ext_list_desc {
	size_t off;		/* offsetof() the list in struct nhrp_pkt */
	uint16_t type;		/* with the C bit where the RFC sets it */
	unsigned int max;	/* CIEs at most */
};

/*
 * The CIE lists in the order nhrp_build() writes them: the C bit is RFC
 * 2332's (§5.3.1-§5.3.3); Cisco's NAT extension is not compulsory, as FRR
 * nhrpd sends it.
 */
static const struct nhrp_ext_list_desc nhrp_ext_lists[] = {
	{ offsetof(struct nhrp_pkt, responder),
	  NHRP_EXT_RESPONDER | NHRP_EXT_COMPULSORY, 1 },
	{ offsetof(struct nhrp_pkt, forward),
	  NHRP_EXT_FORWARD_NHS | NHRP_EXT_COMPULSORY, NHRP_MAX_CIES },
	{ offsetof(struct nhrp_pkt, reverse),
	  NHRP_EXT_REVERSE_NHS | NHRP_EXT_COMPULSORY, NHRP_MAX_CIES },
	{ offsetof(struct nhrp_pkt, nat), NHRP_EXT_NAT_ADDRESS, NHRP_MAX_CIES },
};

static struct nhrp_cie_list *nhrp_ext_list(struct nhrp_pkt *p,
					   unsigned int type)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nhrp_ext_lists); i++)
		if ((nhrp_ext_lists[i].type & NHRP_EXT_TYPE_MASK) == type)
			return (struct nhrp_cie_list *)((char *)p +
							nhrp_ext_lists[i].off);
	return NULL;
}

static const struct nhrp_cie_list *
nhrp_ext_list_const(const struct nhrp_pkt *p, unsigned int i)
{
	return (const struct nhrp_cie_list *)((const char *)p +
					      nhrp_ext_lists[i].off);
}

/* a CIE-list extension whose header is at @hdr, value to @rd->end */
static int nhrp_rd_ext_list(struct nhrp_rd *rd, struct nhrp_cie_list *l,
			    unsigned int type, size_t hdr)
{
	int ret;

	l->present = true;
	l->ext_off = hdr;
	ret = nhrp_rd_cies(rd, l->cie, &l->n);
	if (!ret && type == NHRP_EXT_RESPONDER && l->n > 1)
		return nhrp_fail(rd->pkt, -EBADMSG, hdr,
				 "responder address: more than one CIE");
	return ret;
}

/* an Authentication or Vendor-Private extension: its value as it is */
static void nhrp_rd_ext_blob(struct nhrp_rd *rd, struct nhrp_blob *b)
{
	b->present = true;
	b->len = rd->end - rd->off;
	b->data = b->len ? rd->buf + rd->off : NULL;
}

/* whether an extension of @type was seen already */
static bool nhrp_ext_seen(struct nhrp_pkt *p, unsigned int type)
{
	struct nhrp_cie_list *l = nhrp_ext_list(p, type);

	if (l)
		return l->present;
	if (type == NHRP_EXT_AUTH)
		return p->auth.present;
	return p->vendor.present;
}

/*
 * One extension other than End: its header at @hdr, its value from
 * @rd->off to @rd->end.
 */
static int nhrp_rd_ext(struct nhrp_rd *rd, uint16_t tc, size_t hdr)
{
	unsigned int type = tc & NHRP_EXT_TYPE_MASK;
	struct nhrp_pkt *p = rd->pkt;
	struct nhrp_cie_list *l;

	switch (type) {
	case NHRP_EXT_RESPONDER:
	case NHRP_EXT_FORWARD_NHS:
	case NHRP_EXT_REVERSE_NHS:
	case NHRP_EXT_NAT_ADDRESS:
	case NHRP_EXT_AUTH:
	case NHRP_EXT_VENDOR:
		break;
	default:
		if (tc & NHRP_EXT_COMPULSORY)
			return nhrp_fail(p, -EOPNOTSUPP, hdr,
					 "compulsory extension unknown");
		p->n_unknown_ext++;
		return 0;
	}
	if (nhrp_ext_seen(p, type))
		return nhrp_fail(p, -EBADMSG, hdr, "extension twice");
	l = nhrp_ext_list(p, type);
	if (l)
		return nhrp_rd_ext_list(rd, l, type, hdr);
	nhrp_rd_ext_blob(rd, type == NHRP_EXT_AUTH ? &p->auth : &p->vendor);
	return 0;
}

/**
 * nhrp_rd_exts() - the extensions, from @rd->off (ar$extoff) to @rd->end
 *	(ar$pktsz)
 * @rd: the reader, its packet's mandatory part read
 *
 * Each extension must lie within the packet, the last one be End (length
 * 0, the C bit either way) with nothing after it.  Known types are
 * decoded, each at most once; unknown ones are skipped unless their C bit
 * is set.
 *
 * Return: 0, -EBADMSG, -EOPNOTSUPP (an unknown compulsory extension) or
 * -E2BIG (a list of more than NHRP_MAX_CIES CIEs).
 */
int nhrp_rd_exts(struct nhrp_rd *rd)
{
	size_t pktsz = rd->end, hdr;
	uint16_t tc, vlen;
	int ret;

	while (pktsz - rd->off >= NHRP_EXT_HDR_LEN) {
		hdr = rd->off;
		tc = nhrp_get16(rd->buf + hdr);
		vlen = nhrp_get16(rd->buf + hdr + 2);
		if (vlen > pktsz - hdr - NHRP_EXT_HDR_LEN)
			return nhrp_fail(rd->pkt, -EBADMSG, hdr + 2,
					 "extension beyond the packet");
		if ((tc & NHRP_EXT_TYPE_MASK) == NHRP_EXT_END) {
			if (vlen || hdr + NHRP_EXT_HDR_LEN != pktsz)
				return nhrp_fail(rd->pkt, -EBADMSG, hdr,
						 "bytes after End extension");
			return 0;
		}
		rd->off = hdr + NHRP_EXT_HDR_LEN;
		rd->end = rd->off + vlen;
		ret = nhrp_rd_ext(rd, tc, hdr);
		if (ret)
			return ret;
		rd->off = rd->end;
		rd->end = pktsz;
	}
	return nhrp_fail(rd->pkt, -EBADMSG, rd->off, "no End extension");
}

/* an extension's header, @type with its C bit, and its value @len */
static void nhrp_put_ext_hdr(struct nhrp_wr *w, uint16_t type, size_t len)
{
	nhrp_put16(w, type);
	nhrp_put16(w, (uint16_t)len);
}

static size_t nhrp_cie_size(const struct nhrp_cie *c)
{
	return NHRP_CIE_LEN + nhrp_addr_len(&c->nbma) +
	       nhrp_addr_len(&c->proto);
}

static void nhrp_put_ext_list(struct nhrp_wr *w, uint16_t type,
			      const struct nhrp_cie_list *l)
{
	size_t len = 0;
	unsigned int i;

	for (i = 0; i < l->n; i++)
		len += nhrp_cie_size(&l->cie[i]);
	nhrp_put_ext_hdr(w, type, len);
	for (i = 0; i < l->n; i++)
		nhrp_put_cie(w, &l->cie[i]);
}

static void nhrp_put_ext_blob(struct nhrp_wr *w, uint16_t type,
			      const struct nhrp_blob *b)
{
	nhrp_put_ext_hdr(w, type, b->len);
	nhrp_put(w, b->data, b->len);
}

static bool nhrp_has_exts(const struct nhrp_pkt *p)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nhrp_ext_lists); i++)
		if (nhrp_ext_list_const(p, i)->present)
			return true;
	return p->auth.present || p->vendor.present;
}

/**
 * nhrp_exts_ok() - whether nhrp_build() can write the extensions of @p
 * @p: the packet
 *
 * Return: true when each present list has at most its number of CIEs (1
 * for the Responder Address), each CIE fits the packet's families, and
 * each blob of bytes fits an extension (at most 65535 bytes, not NULL
 * when it has any).
 */
bool nhrp_exts_ok(const struct nhrp_pkt *p)
{
	const struct nhrp_cie_list *l;
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(nhrp_ext_lists); i++) {
		l = nhrp_ext_list_const(p, i);
		if (!l->present)
			continue;
		if (l->n > nhrp_ext_lists[i].max)
			return false;
		for (j = 0; j < l->n; j++)
			if (!nhrp_cie_ok(&l->cie[j], p))
				return false;
	}
	if (p->auth.present && ((p->auth.len && !p->auth.data) ||
				p->auth.len > NHRP_PKT_MAX))
		return false;
	return !p->vendor.present ||
	       ((!p->vendor.len || p->vendor.data) &&
		p->vendor.len <= NHRP_PKT_MAX);
}

/**
 * nhrp_put_exts() - the extensions of @p, ended by End; nothing when @p
 *	has none
 * @w: the writer, at ar$extoff
 * @p: the packet, checked by nhrp_exts_ok()
 *
 * In the order Responder Address, Forward and Reverse Transit NHS Record,
 * NAT address, Authentication, Vendor-Private; the C bit as RFC 2332 sets
 * it (all but Vendor-Private and NAT address), End with it too.
 */
void nhrp_put_exts(struct nhrp_wr *w, const struct nhrp_pkt *p)
{
	const struct nhrp_cie_list *l;
	unsigned int i;

	if (!nhrp_has_exts(p))
		return;
	for (i = 0; i < ARRAY_SIZE(nhrp_ext_lists); i++) {
		l = nhrp_ext_list_const(p, i);
		if (l->present)
			nhrp_put_ext_list(w, nhrp_ext_lists[i].type, l);
	}
	if (p->auth.present)
		nhrp_put_ext_blob(w, NHRP_EXT_AUTH | NHRP_EXT_COMPULSORY,
				  &p->auth);
	if (p->vendor.present)
		nhrp_put_ext_blob(w, NHRP_EXT_VENDOR, &p->vendor);
	nhrp_put_ext_hdr(w, NHRP_EXT_END | NHRP_EXT_COMPULSORY, 0);
}
