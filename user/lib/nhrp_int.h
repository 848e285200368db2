/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the files of the NHRP codec share and nothing else uses: the
 * reader nhrp_parse() walks the packet with (nhrp.c, nhrp_ext.c) and the
 * writer of nhrp_build() and nhrp_forward() (nhrp_build.c, nhrp_ext.c).
 */
#ifndef FLEXVTI_NHRP_INT_H
#define FLEXVTI_NHRP_INT_H

#include "nhrp.h"

/* offsets in the fixed header (RFC 2332 §5.2.0.1) */
#define NHRP_OFF_AFN		0
#define NHRP_OFF_PRO_TYPE	2
#define NHRP_OFF_PRO_SNAP	4
#define NHRP_OFF_HOPCNT		9
#define NHRP_OFF_PKTSZ		10
#define NHRP_OFF_CHKSUM		12
#define NHRP_OFF_EXTOFF		14
#define NHRP_OFF_VERSION	16
#define NHRP_OFF_TYPE		17
#define NHRP_OFF_SHTL		18
#define NHRP_OFF_SSTL		19

/* an address's type/length octet: bit 7 reserved, bit 6 E.164, length */
#define NHRP_TL_RESERVED	0x80
#define NHRP_TL_E164		0x40
#define NHRP_TL_LEN_MASK	0x3f

#define NHRP_PREFIX_HOST	0xff	/* CIE prefix: the whole address */

/**
 * struct nhrp_rd - where nhrp_parse() is in the packet
 * @buf: the packet
 * @off: the next byte to read, from the start of the packet
 * @end: the end of the part being read (the mandatory part, an
 *	extension's value, the packet)
 * @pkt: what is decoded, and the reason of a failure
 */
struct nhrp_rd {
	const uint8_t *buf;
	size_t off;
	size_t end;
	struct nhrp_pkt *pkt;
};

/**
 * struct nhrp_wr - where nhrp_build() is in its buffer
 * @buf: the buffer
 * @size: bytes at @buf
 * @off: bytes written so far, or that would have been when @overflow
 * @overflow: a write did not fit in @size: nothing more is written
 */
struct nhrp_wr {
	uint8_t *buf;
	size_t size;
	size_t off;
	bool overflow;
};

static inline uint16_t nhrp_get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t nhrp_get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static inline void nhrp_set16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

/* nhrp.c */
int nhrp_fail(struct nhrp_pkt *pkt, int err, size_t off, const char *why);
sa_family_t nhrp_afn_family(uint16_t afn);
sa_family_t nhrp_proto_family(uint16_t proto_type);
bool nhrp_prefix_ok(unsigned int prefix_len, sa_family_t proto);
int nhrp_rd_cies(struct nhrp_rd *rd, struct nhrp_cie *cie, unsigned int *n);

/* nhrp_ext.c */
int nhrp_rd_exts(struct nhrp_rd *rd);
void nhrp_put_exts(struct nhrp_wr *w, const struct nhrp_pkt *p);
bool nhrp_exts_ok(const struct nhrp_pkt *p);

/* nhrp_build.c */
void nhrp_put(struct nhrp_wr *w, const void *data, size_t len);
void nhrp_put8(struct nhrp_wr *w, uint8_t v);
void nhrp_put16(struct nhrp_wr *w, uint16_t v);
void nhrp_put_cie(struct nhrp_wr *w, const struct nhrp_cie *c);
bool nhrp_cie_ok(const struct nhrp_cie *c, const struct nhrp_pkt *p);

#endif /* FLEXVTI_NHRP_INT_H */
