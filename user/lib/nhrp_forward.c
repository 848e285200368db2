// SPDX-License-Identifier: GPL-2.0-only
/*
 * What an NHS does to a packet it passes on (RFC 2332 §5.3.2, §5.3.3):
 * one hop off ar$hopcnt, its own CIE appended to the Transit NHS Record of
 * the packet's direction, the checksum again.  The packet is edited in
 * place, so extensions the codec does not know travel on unchanged.
 */
#include <errno.h>
#include <string.h>

#include "nhrp_int.h"

/*
 * The Transit NHS Record a forwarder of @p appends to: Forward for
 * requests, Reverse for replies (RFC 2332 §5.3.2, §5.3.3); none for
 * Error and Traffic Indications.
 */
static struct nhrp_cie_list *nhrp_transit(struct nhrp_pkt *p)
{
	switch (p->type) {
	case NHRP_RESOLUTION_REQUEST:
	case NHRP_REGISTRATION_REQUEST:
	case NHRP_PURGE_REQUEST:
		return &p->forward;
	case NHRP_RESOLUTION_REPLY:
	case NHRP_REGISTRATION_REPLY:
	case NHRP_PURGE_REPLY:
		return &p->reverse;
	}
	return NULL;
}

/* @self's protocol address in the record @l already: a loop */
static bool nhrp_transit_has(const struct nhrp_cie_list *l,
			     const struct nhrp_cie *self)
{
	unsigned int i;

	if (self->proto.family == AF_UNSPEC)
		return false;
	for (i = 0; i < l->n; i++)
		if (nhrp_addr_equal(&l->cie[i].proto, &self->proto))
			return true;
	return false;
}

/*
 * @self appended to the record @l of the packet @buf of @p->len bytes:
 * the bytes after the record move up, the record's length and ar$pktsz
 * grow.  Returns the packet's new length or -EMSGSIZE.
 */
static int nhrp_transit_append(uint8_t *buf, size_t size,
			       const struct nhrp_pkt *p,
			       const struct nhrp_cie_list *l,
			       const struct nhrp_cie *self)
{
	uint8_t cie[NHRP_CIE_LEN + 2 * sizeof(struct in6_addr)];
	struct nhrp_wr w = { .buf = cie, .size = sizeof(cie) };
	size_t vlen = nhrp_get16(buf + l->ext_off + 2);
	size_t at = l->ext_off + NHRP_EXT_HDR_LEN + vlen;
	size_t nlen;

	nhrp_put_cie(&w, self);
	nlen = p->len + w.off;
	if (nlen > NHRP_PKT_MAX || nlen > size ||
	    vlen + w.off > NHRP_PKT_MAX)
		return -EMSGSIZE;
	memmove(buf + at + w.off, buf + at, p->len - at);
	memcpy(buf + at, cie, w.off);
	nhrp_set16(buf + l->ext_off + 2, (uint16_t)(vlen + w.off));
	nhrp_set16(buf + NHRP_OFF_PKTSZ, (uint16_t)nlen);
	return (int)nlen;
}

/**
 * nhrp_forward() - make a received packet ready to pass on, in place
 * @buf: the packet as received; it may grow by one CIE
 * @len: bytes of it at @buf
 * @size: bytes @buf can hold
 * @self: the forwarding NHS's CIE for the Transit NHS Record (its NBMA and
 *	protocol addresses, code 0; holding time, MTU as it wants), or NULL
 *	to append nothing
 *
 * Checks the packet as nhrp_parse() does, takes one off ar$hopcnt, and
 * when @self is given and the packet has the Transit NHS Record extension
 * of its direction (Forward for requests, Reverse for replies; a
 * forwarder does not add one that is absent), appends @self to it after
 * checking that @self's protocol address is not in it yet.  Then sets
 * ar$pktsz and the checksum.  Bytes after ar$pktsz are dropped.  On
 * failure @buf is unchanged.
 *
 * Return: the packet's new length; an error of nhrp_parse(); -ETIME when
 * ar$hopcnt is 0 or 1 (it would reach 0: RFC 2332 §5.2.7 Hop Count
 * Exceeded); -ELOOP when @self is in the record already (Loop Detected);
 * -EINVAL when @self's addresses are not of the packet's families; -E2BIG
 * when the record holds NHRP_MAX_CIES already; -EMSGSIZE when the packet
 * would exceed @size or 65535 bytes.
 */
int nhrp_forward(uint8_t *buf, size_t len, size_t size,
		 const struct nhrp_cie *self)
{
	struct nhrp_cie_list *l;
	struct nhrp_pkt p;
	int ret;

	ret = nhrp_parse(buf, len, &p);
	if (ret)
		return ret;
	if (p.hop_count <= 1)
		return -ETIME;
	ret = (int)p.len;
	l = self ? nhrp_transit(&p) : NULL;
	if (l && l->present) {
		if (!nhrp_cie_ok(self, &p))
			return -EINVAL;
		if (nhrp_transit_has(l, self))
			return -ELOOP;
		if (l->n == NHRP_MAX_CIES)
			return -E2BIG;
		ret = nhrp_transit_append(buf, size, &p, l, self);
		if (ret < 0)
			return ret;
	}
	buf[NHRP_OFF_HOPCNT] = p.hop_count - 1;
	nhrp_set16(buf + NHRP_OFF_CHKSUM, 0);
	nhrp_set16(buf + NHRP_OFF_CHKSUM, nhrp_checksum(buf, ret));
	return ret;
}
