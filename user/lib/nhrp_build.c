// SPDX-License-Identifier: GPL-2.0-only
/*
 * NHRP packets written from a struct nhrp_pkt: the layouts drawn in
 * nhrp.c and nhrp_ext.c, the lengths, ar$extoff and ar$pktsz computed,
 * the checksum last.  nhrp_build() writes only what nhrp_parse() accepts.
 */
#include <errno.h>
#include <string.h>

#include "nhrp_int.h"

void nhrp_put(struct nhrp_wr *w, const void *data, size_t len)
{
	if (!w->overflow && len > w->size - w->off)
		w->overflow = true;
	if (!w->overflow && len)
		memcpy(w->buf + w->off, data, len);
	w->off += len;
}

void nhrp_put8(struct nhrp_wr *w, uint8_t v)
{
	nhrp_put(w, &v, 1);
}

void nhrp_put16(struct nhrp_wr *w, uint16_t v)
{
	uint8_t b[2];

	nhrp_set16(b, v);
	nhrp_put(w, b, sizeof(b));
}

static void nhrp_put32(struct nhrp_wr *w, uint32_t v)
{
	nhrp_put16(w, v >> 16);
	nhrp_put16(w, v & 0xffff);
}

/* a 16-bit field at @off already written, if it was */
static void nhrp_patch16(struct nhrp_wr *w, size_t off, uint16_t v)
{
	if (off + 2 <= w->size)
		nhrp_set16(w->buf + off, v);
}

static void nhrp_put_addr(struct nhrp_wr *w, const struct nhrp_addr *a)
{
	nhrp_put(w, &a->u, nhrp_addr_len(a));
}

/**
 * nhrp_put_cie() - a CIE, as drawn at nhrp_rd_cie() in nhrp.c
 * @w: the writer
 * @c: the CIE, checked by nhrp_cie_ok()
 */
void nhrp_put_cie(struct nhrp_wr *w, const struct nhrp_cie *c)
{
	nhrp_put8(w, c->code);
	nhrp_put8(w, c->prefix_len);
	nhrp_put16(w, 0);
	nhrp_put16(w, c->mtu);
	nhrp_put16(w, c->holding_time);
	nhrp_put8(w, (uint8_t)nhrp_addr_len(&c->nbma));
	nhrp_put8(w, 0);
	nhrp_put8(w, (uint8_t)nhrp_addr_len(&c->proto));
	nhrp_put8(w, c->preference);
	nhrp_put_addr(w, &c->nbma);
	nhrp_put_addr(w, &c->proto);
}

/* @a is absent, or of @family */
static bool nhrp_addr_of(const struct nhrp_addr *a, sa_family_t family)
{
	return a->family == AF_UNSPEC || a->family == family;
}

/**
 * nhrp_cie_ok() - whether a CIE can be written in packet @p
 * @c: the CIE
 * @p: the packet: its ar$afn and ar$pro.type
 *
 * Return: true when each address is absent or of the packet's family and
 * the prefix length fits the protocol family (0xff is always right).
 */
bool nhrp_cie_ok(const struct nhrp_cie *c, const struct nhrp_pkt *p)
{
	sa_family_t proto = nhrp_proto_family(p->proto_type);

	return nhrp_addr_of(&c->nbma, nhrp_afn_family(p->afn)) &&
	       nhrp_addr_of(&c->proto, proto) &&
	       nhrp_prefix_ok(c->prefix_len, proto);
}

/* what the mandatory part of @p needs, beyond its families */
static bool nhrp_mand_ok(const struct nhrp_pkt *p)
{
	bool quotes = p->type == NHRP_ERROR_INDICATION ||
		      p->type == NHRP_TRAFFIC_INDICATION;
	unsigned int i;

	if (quotes ? p->n_cies : p->quoted_len)
		return false;	/* CIEs in 1-6, a quoted packet in 7-8 */
	if (p->n_cies > NHRP_MAX_CIES || (p->quoted_len && !p->quoted))
		return false;
	for (i = 0; i < p->n_cies; i++)
		if (!nhrp_cie_ok(&p->cie[i], p))
			return false;
	return true;
}

/* whether nhrp_build() can write @p (else it says -EINVAL) */
static bool nhrp_pkt_ok(const struct nhrp_pkt *p)
{
	sa_family_t proto = nhrp_proto_family(p->proto_type);
	sa_family_t nbma = nhrp_afn_family(p->afn);

	if (nbma == AF_UNSPEC || proto == AF_UNSPEC ||
	    p->type < NHRP_RESOLUTION_REQUEST ||
	    p->type > NHRP_TRAFFIC_INDICATION)
		return false;
	if (!nhrp_addr_of(&p->src_nbma, nbma) ||
	    p->src_proto.family != proto || p->dst_proto.family != proto)
		return false;
	return nhrp_mand_ok(p) && nhrp_exts_ok(p);
}

/* the fixed header; ar$pktsz, ar$chksum and ar$extoff are patched later */
static void nhrp_put_fixed(struct nhrp_wr *w, const struct nhrp_pkt *p)
{
	static const uint8_t snap[5];

	nhrp_put16(w, p->afn);
	nhrp_put16(w, p->proto_type);
	nhrp_put(w, snap, sizeof(snap));
	nhrp_put8(w, p->hop_count);
	nhrp_put16(w, 0);	/* ar$pktsz */
	nhrp_put16(w, 0);	/* ar$chksum */
	nhrp_put16(w, 0);	/* ar$extoff */
	nhrp_put8(w, NHRP_VERSION);
	nhrp_put8(w, p->type);
	nhrp_put8(w, (uint8_t)nhrp_addr_len(&p->src_nbma));
	nhrp_put8(w, 0);	/* ar$sstl: no subaddress */
}

/* the mandatory part, as drawn at nhrp_rd_mand_hdr() in nhrp.c */
static void nhrp_put_mand(struct nhrp_wr *w, const struct nhrp_pkt *p)
{
	unsigned int i;

	nhrp_put8(w, (uint8_t)nhrp_addr_len(&p->src_proto));
	nhrp_put8(w, (uint8_t)nhrp_addr_len(&p->dst_proto));
	if (p->type == NHRP_ERROR_INDICATION) {
		nhrp_put16(w, 0);
		nhrp_put16(w, p->error_code);
		nhrp_put16(w, p->error_offset);
	} else if (p->type == NHRP_TRAFFIC_INDICATION) {
		nhrp_put16(w, 0);
		nhrp_put16(w, p->traffic_code);
		nhrp_put16(w, 0);
	} else {
		nhrp_put16(w, p->flags);
		nhrp_put32(w, p->request_id);
	}
	nhrp_put_addr(w, &p->src_nbma);
	nhrp_put_addr(w, &p->src_proto);
	nhrp_put_addr(w, &p->dst_proto);
	for (i = 0; i < p->n_cies; i++)
		nhrp_put_cie(w, &p->cie[i]);
	nhrp_put(w, p->quoted, p->quoted_len);
}

/**
 * nhrp_build() - write an NHRP packet
 * @p: the packet: every field of its type (see struct nhrp_pkt); @len,
 *	@why, @err_offset, @n_unknown_ext and the lists' @ext_off are not
 *	read
 * @buf: where to write it
 * @size: bytes at @buf
 *
 * Writes the fixed header (ar$pro.snap zero, version 1, no subaddress),
 * the mandatory part, and, when any extension is present, the extensions
 * ended by End with ar$extoff pointing at the first (ar$extoff 0 and no
 * End otherwise); then ar$pktsz and the checksum (RFC 2332 §5.2.0.1).
 * What it writes, nhrp_parse() accepts.
 *
 * Return: the bytes written; -EINVAL when @p cannot be written as it is
 * (a type not 1-8, ar$afn or ar$pro.type not supported, an address not of
 * the packet's family or a protocol address missing, CIEs in a type 7 or
 * 8 or a quoted packet in another, more CIEs than a list holds, a prefix
 * length beyond the address); -EMSGSIZE when it would exceed 65535
 * bytes; -ENOSPC when it does not fit in @size.
 */
int nhrp_build(const struct nhrp_pkt *p, uint8_t *buf, size_t size)
{
	struct nhrp_wr w = { .buf = buf, .size = size };
	size_t extoff;

	if (!nhrp_pkt_ok(p))
		return -EINVAL;
	nhrp_put_fixed(&w, p);
	nhrp_put_mand(&w, p);
	extoff = w.off;
	nhrp_put_exts(&w, p);
	if (w.off > NHRP_PKT_MAX)
		return -EMSGSIZE;
	if (w.overflow)
		return -ENOSPC;
	if (w.off > extoff)
		nhrp_patch16(&w, NHRP_OFF_EXTOFF, (uint16_t)extoff);
	nhrp_patch16(&w, NHRP_OFF_PKTSZ, (uint16_t)w.off);
	nhrp_patch16(&w, NHRP_OFF_CHKSUM, nhrp_checksum(buf, w.off));
	return (int)w.off;
}
