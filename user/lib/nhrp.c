// SPDX-License-Identifier: GPL-2.0-only
/*
 * NHRP packets checked and decoded (RFC 2332 §5.2): the fixed header, the
 * mandatory part and its CIEs.  The extensions are in nhrp_ext.c, the
 * writer in nhrp_build.c.  Every length is checked against the part it
 * lies in before a byte of it is read.
 *
 * The fixed header (RFC 2332 §5.2.0.1), 20 bytes:
 *
 *	 0                   1                   2                   3
 *	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *	|            ar$afn             |          ar$pro.type          |
 *	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *	|                          ar$pro.snap                          |
 *	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *	|  ar$pro.snap  |   ar$hopcnt   |            ar$pktsz           |
 *	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *	|           ar$chksum           |            ar$extoff          |
 *	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *	| ar$op.version |   ar$op.type  |    ar$shtl    |    ar$sstl    |
 *	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * The mandatory part follows: its 8-byte header (see nhrp_rd_mand()), the
 * source NBMA address (ar$shtl bytes), the source and destination
 * protocol addresses, then CIEs (types 1 to 6) or a quoted packet (types
 * 7 and 8).  It ends at ar$extoff, or at ar$pktsz when that is 0.
 */
#include <errno.h>
#include <string.h>

#include "nhrp_int.h"

/*
 * Records why @pkt was refused and where.  Returns @err, so that a check
 * reads "return nhrp_fail(...)".
 */
int nhrp_fail(struct nhrp_pkt *pkt, int err, size_t off, const char *why)
{
	pkt->why = why;
	pkt->err_offset = off > NHRP_PKT_MAX ? NHRP_PKT_MAX : off;
	return err;
}

/* the address family of an ar$afn value; AF_UNSPEC if not supported */
sa_family_t nhrp_afn_family(uint16_t afn)
{
	if (afn == NHRP_AFN_IPV4)
		return AF_INET;
	if (afn == NHRP_AFN_IPV6)
		return AF_INET6;
	return AF_UNSPEC;
}

/* the address family of an ar$pro.type value; AF_UNSPEC if not supported */
sa_family_t nhrp_proto_family(uint16_t proto_type)
{
	if (proto_type == NHRP_PROTO_IPV4)
		return AF_INET;
	if (proto_type == NHRP_PROTO_IPV6)
		return AF_INET6;
	return AF_UNSPEC;
}

/* a CIE's prefix length for protocol addresses of family @proto */
bool nhrp_prefix_ok(unsigned int prefix_len, sa_family_t proto)
{
	return prefix_len == NHRP_PREFIX_HOST ||
	       prefix_len <= (proto == AF_INET ? 32U : 128U);
}

/**
 * nhrp_checksum() - the checksum of RFC 2332 §5.2.0.1 (ar$chksum)
 * @buf: the packet, from its fixed header on
 * @len: bytes at @buf (ar$pktsz)
 *
 * The IP checksum (RFC 1071): the one's complement of the one's
 * complement sum of the 16-bit big-endian words, an odd last byte padded
 * with a zero byte.
 *
 * Return: with ar$chksum zeroed, the value to write there (host order);
 * over a packet with a correct ar$chksum, 0.
 */
uint16_t nhrp_checksum(const uint8_t *buf, size_t len)
{
	uint32_t sum = 0;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += nhrp_get16(buf + i);
	if (len & 1)
		sum += (uint32_t)buf[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/*
 * An address of @len bytes at the cursor, of @family; none when @len is 0
 * and @optional.  @tl_off is the offset of the length octet, the place of
 * the error of a wrong length.
 */
static int nhrp_rd_addr(struct nhrp_rd *rd, unsigned int len,
			sa_family_t family, bool optional, size_t tl_off,
			struct nhrp_addr *a, const char *why)
{
	size_t want = family == AF_INET ? 4 : 16;

	memset(a, 0, sizeof(*a));
	if (!len && optional)
		return 0;
	if (len != want)
		return nhrp_fail(rd->pkt, -EBADMSG, tl_off, why);
	if (rd->end - rd->off < len)
		return nhrp_fail(rd->pkt, -EBADMSG, rd->off,
				 "address beyond its part of the packet");
	a->family = family;
	memcpy(&a->u, rd->buf + rd->off, len);
	rd->off += len;
	return 0;
}

/*
 * The length of an NBMA address from its type/length octet @tl: the
 * E.164 and reserved bits mean an address that is not IP.  -1 if so.
 */
static int nhrp_tl_len(uint8_t tl)
{
	if (tl & (NHRP_TL_RESERVED | NHRP_TL_E164))
		return -1;
	return tl & NHRP_TL_LEN_MASK;
}

/*
 * One CIE (RFC 2332 §5.2.0.1) at the cursor into @c:
 *
 *	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *	|     Code      | Prefix Length |            unused             |
 *	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *	|  Maximum Transmission Unit    |        Holding Time           |
 *	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *	|  Cli Addr T/L | Cli SAddr T/L | Cli Proto Len |  Preference   |
 *	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *	|  Client NBMA Address, Subaddress, Protocol Address (variable)
 *	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Either address may be absent (length 0); the subaddress must be.  The
 * caller has checked that the 12 bytes are there.
 */
static int nhrp_rd_cie(struct nhrp_rd *rd, struct nhrp_cie *c)
{
	sa_family_t proto = nhrp_proto_family(rd->pkt->proto_type);
	sa_family_t nbma = nhrp_afn_family(rd->pkt->afn);
	const uint8_t *b = rd->buf + rd->off;
	size_t start = rd->off;
	int nlen, ret;

	memset(c, 0, sizeof(*c));
	c->code = b[0];
	c->prefix_len = b[1];
	c->mtu = nhrp_get16(b + 4);
	c->holding_time = nhrp_get16(b + 6);
	c->preference = b[11];
	if (!nhrp_prefix_ok(c->prefix_len, proto))
		return nhrp_fail(rd->pkt, -EBADMSG, start + 1,
				 "CIE: prefix length beyond the address");
	nlen = nhrp_tl_len(b[8]);
	if (nlen < 0)
		return nhrp_fail(rd->pkt, -EBADMSG, start + 8,
				 "CIE: client NBMA address not IP");
	if (b[9])
		return nhrp_fail(rd->pkt, -EBADMSG, start + 9,
				 "CIE: client NBMA subaddress");
	rd->off += NHRP_CIE_LEN;
	ret = nhrp_rd_addr(rd, nlen, nbma, true, start + 8, &c->nbma,
			   "CIE: client NBMA address length");
	if (ret)
		return ret;
	return nhrp_rd_addr(rd, b[10], proto, true, start + 10, &c->proto,
			    "CIE: client protocol address length");
}

/*
 * CIEs from the cursor to the end of the part into @cie, at most
 * NHRP_MAX_CIES: more are refused with -E2BIG.  Their count in @n.
 */
int nhrp_rd_cies(struct nhrp_rd *rd, struct nhrp_cie *cie, unsigned int *n)
{
	int ret;

	*n = 0;
	while (rd->off < rd->end) {
		if (rd->end - rd->off < NHRP_CIE_LEN)
			return nhrp_fail(rd->pkt, -EBADMSG, rd->off,
					 "CIE truncated");
		if (*n == NHRP_MAX_CIES)
			return nhrp_fail(rd->pkt, -E2BIG, rd->off,
					 "more CIEs than decoded");
		ret = nhrp_rd_cie(rd, &cie[*n]);
		if (ret)
			return ret;
		(*n)++;
	}
	return 0;
}

/*
 * The mandatory part's header (RFC 2332 §5.2.0.1, §5.2.7; draft-detienne-
 * dmvpn-01 §4 for the Traffic Indication):
 *
 *	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *	| Src Proto Len | Dst Proto Len |   Flags (types 1-6), unused   |
 *	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *	|                   Request ID (types 1-6)                      |
 *	|     Error Code (7)            |     Error Offset (7)          |
 *	|     Traffic Code (8)          |     unused (8)                |
 *	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * then the addresses: source NBMA (ar$shtl), source protocol (Src Proto
 * Len), destination protocol (Dst Proto Len).  Both protocol addresses
 * are required.
 */
static int nhrp_rd_mand_hdr(struct nhrp_rd *rd)
{
	struct nhrp_pkt *p = rd->pkt;
	const uint8_t *b = rd->buf + NHRP_FIXED_LEN;
	sa_family_t proto = nhrp_proto_family(p->proto_type);
	int nlen = nhrp_tl_len(rd->buf[NHRP_OFF_SHTL]);
	int ret;

	if (p->type == NHRP_ERROR_INDICATION) {
		p->error_code = nhrp_get16(b + 4);
		p->error_offset = nhrp_get16(b + 6);
	} else if (p->type == NHRP_TRAFFIC_INDICATION) {
		p->traffic_code = nhrp_get16(b + 4);
	} else {
		p->flags = nhrp_get16(b + 2);
		p->request_id = nhrp_get32(b + 4);
	}
	rd->off = NHRP_FIXED_LEN + NHRP_MAND_LEN;
	ret = nhrp_rd_addr(rd, nlen, nhrp_afn_family(p->afn), true,
			   NHRP_OFF_SHTL, &p->src_nbma,
			   "source NBMA address length");
	if (!ret)
		ret = nhrp_rd_addr(rd, b[0], proto, false, NHRP_FIXED_LEN,
				   &p->src_proto,
				   "source protocol address length");
	if (!ret)
		ret = nhrp_rd_addr(rd, b[1], proto, false, NHRP_FIXED_LEN + 1,
				   &p->dst_proto,
				   "destination protocol address length");
	return ret;
}

/*
 * The mandatory part, from its header to @rd->end: at least the header,
 * as nhrp_rd_frame() and nhrp_rd_fixed() have checked ar$pktsz and
 * ar$extoff.
 */
static int nhrp_rd_mand(struct nhrp_rd *rd)
{
	struct nhrp_pkt *p = rd->pkt;
	int ret;

	ret = nhrp_rd_mand_hdr(rd);
	if (ret)
		return ret;
	if (p->type == NHRP_ERROR_INDICATION ||
	    p->type == NHRP_TRAFFIC_INDICATION) {
		p->quoted = rd->end > rd->off ? rd->buf + rd->off : NULL;
		p->quoted_len = rd->end - rd->off;
		return 0;
	}
	return nhrp_rd_cies(rd, p->cie, &p->n_cies);
}

/*
 * The fixed header's checks that need nothing else: length, version,
 * ar$pktsz and the checksum it covers.  Sets @p->len.
 */
static int nhrp_rd_frame(const uint8_t *buf, size_t len, struct nhrp_pkt *p)
{
	size_t pktsz;

	if (len < NHRP_FIXED_LEN)
		return nhrp_fail(p, -EBADMSG, len,
				 "shorter than the fixed header");
	if (buf[NHRP_OFF_VERSION] != NHRP_VERSION)
		return nhrp_fail(p, -EPROTONOSUPPORT, NHRP_OFF_VERSION,
				 "version not 1");
	pktsz = nhrp_get16(buf + NHRP_OFF_PKTSZ);
	if (pktsz > len)
		return nhrp_fail(p, -EBADMSG, NHRP_OFF_PKTSZ,
				 "ar$pktsz beyond the bytes received");
	if (pktsz < NHRP_FIXED_LEN + NHRP_MAND_LEN)
		return nhrp_fail(p, -EBADMSG, NHRP_OFF_PKTSZ,
				 "ar$pktsz shorter than the headers");
	if (nhrp_checksum(buf, pktsz))
		return nhrp_fail(p, -EBADMSG, NHRP_OFF_CHKSUM,
				 "checksum wrong");
	p->len = pktsz;
	return 0;
}

/* the fields of the fixed header, and where the mandatory part ends */
static int nhrp_rd_fixed(const uint8_t *buf, struct nhrp_pkt *p,
			 size_t *mand_end)
{
	size_t extoff = nhrp_get16(buf + NHRP_OFF_EXTOFF);

	p->afn = nhrp_get16(buf + NHRP_OFF_AFN);
	p->proto_type = nhrp_get16(buf + NHRP_OFF_PRO_TYPE);
	p->hop_count = buf[NHRP_OFF_HOPCNT];
	p->type = buf[NHRP_OFF_TYPE];
	if (nhrp_afn_family(p->afn) == AF_UNSPEC)
		return nhrp_fail(p, -EPROTONOSUPPORT, NHRP_OFF_AFN,
				 "NBMA address family not IPv4 or IPv6");
	if (nhrp_proto_family(p->proto_type) == AF_UNSPEC)
		return nhrp_fail(p, -EPROTONOSUPPORT, NHRP_OFF_PRO_TYPE,
				 "protocol type not IPv4 or IPv6");
	if (p->type < NHRP_RESOLUTION_REQUEST ||
	    p->type > NHRP_TRAFFIC_INDICATION)
		return nhrp_fail(p, -EPROTONOSUPPORT, NHRP_OFF_TYPE,
				 "packet type unknown");
	if (nhrp_tl_len(buf[NHRP_OFF_SHTL]) < 0)
		return nhrp_fail(p, -EBADMSG, NHRP_OFF_SHTL,
				 "source NBMA address not IP");
	if (buf[NHRP_OFF_SSTL])
		return nhrp_fail(p, -EBADMSG, NHRP_OFF_SSTL,
				 "source NBMA subaddress");
	*mand_end = extoff ? extoff : p->len;
	if (extoff && (extoff < NHRP_FIXED_LEN + NHRP_MAND_LEN ||
		       extoff + NHRP_EXT_HDR_LEN > p->len))
		return nhrp_fail(p, -EBADMSG, NHRP_OFF_EXTOFF,
				 "ar$extoff outside the packet");
	return 0;
}

/**
 * nhrp_parse() - check and decode an NHRP packet
 * @buf: the packet as received, from the fixed header on (the GRE
 *	payload of protocol type 0x2001)
 * @len: bytes at @buf
 * @out: the packet decoded; on failure, @out->why and @out->err_offset
 *	say what and where (the rest is partly filled, not to be used)
 *
 * Checks, in order: the fixed header's length; version 1; ar$pktsz at
 * least the headers and at most @len (bytes after ar$pktsz are link
 * padding, ignored); the checksum over ar$pktsz bytes (RFC 2332
 * §5.2.0.1); ar$afn IPv4 or IPv6; ar$pro.type 0x0800 or 0x86DD (ar$pro.snap
 * ignored, as the RFC wants for a short-form type); a type from 1 to 8;
 * ar$extoff 0 or within the packet; every address the length of its
 * family (an NBMA address, and a CIE's protocol address, may be absent;
 * none may have a subaddress or be E.164); every CIE within its part, its
 * prefix length within its family's (or 0xff); the extensions within the
 * packet, the last one End with nothing after it, each known one at most
 * once (the Responder Address with one CIE at most), an unknown one
 * skipped unless its C bit is set.  Reads no byte outside
 * @buf[0..@len).
 *
 * Return: 0; -EBADMSG for a malformed packet (truncated, lengths or
 * offsets inconsistent, checksum wrong, an extension twice or without End
 * extension); -EPROTONOSUPPORT for a version, ar$afn, ar$pro.type or type
 * not supported; -EOPNOTSUPP for an extension unknown and compulsory (RFC
 * 2332 §5.3: answered with an Error Indication, Unrecognized Extension);
 * -E2BIG for more than NHRP_MAX_CIES CIEs in a list.
 */
int nhrp_parse(const uint8_t *buf, size_t len, struct nhrp_pkt *out)
{
	struct nhrp_rd rd = { .buf = buf, .pkt = out };
	size_t extoff;
	int ret;

	memset(out, 0, sizeof(*out));
	ret = nhrp_rd_frame(buf, len, out);
	if (!ret)
		ret = nhrp_rd_fixed(buf, out, &rd.end);
	if (!ret)
		ret = nhrp_rd_mand(&rd);
	if (ret)
		return ret;
	extoff = nhrp_get16(buf + NHRP_OFF_EXTOFF);
	if (!extoff)
		return 0;
	rd.off = extoff;
	rd.end = out->len;
	return nhrp_rd_exts(&rd);
}
