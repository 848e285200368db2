// SPDX-License-Identifier: GPL-2.0-only
/*
 * INTERNAL_IP4_SUBNET and INTERNAL_IP6_SUBNET attributes (RFC 7296
 * §3.15.1) to and from prefixes.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

#include "ikev2_subnet.h"

/* the length of a contiguous netmask (network order), or -1 */
static int subnet_mask_len(const uint8_t *m)
{
	uint32_t v = (uint32_t)m[0] << 24 | (uint32_t)m[1] << 16 |
		     (uint32_t)m[2] << 8 | m[3];

	if (~v & (~v + 1))
		return -1;
	return __builtin_popcount(v);
}

/* clear the bits of @b below @prefix */
static void subnet_mask(uint8_t *b, size_t len, int prefix)
{
	size_t i;

	for (i = 0; i < len; i++) {
		int keep = prefix - (int)i * 8;

		if (keep <= 0)
			b[i] = 0;
		else if (keep < 8)
			b[i] &= (uint8_t)(0xff << (8 - keep));
	}
}

/**
 * ikev2_subnet_decode - the prefix of a subnet attribute
 * @a: an attribute of a Configuration payload
 * @out: receives the prefix, its host bits cleared
 *
 * Return: 0; -ENOENT when @a is no subnet attribute; -ENODATA for an
 * empty value (in a CFG_REQUEST: the peer asks for our subnets);
 * -EINVAL for a malformed one: another length, a netmask that is not
 * contiguous, an IPv6 prefix length above 128.
 */
int ikev2_subnet_decode(const struct ikev2_cp_attr *a, struct cfg_addr *out)
{
	const uint8_t *v = a->value.data;
	size_t alen;

	memset(out, 0, sizeof(*out));
	switch (a->type) {
	case IKEV2_CFG_INTERNAL_IP4_SUBNET:
		out->family = AF_INET;
		alen = 4;
		break;
	case IKEV2_CFG_INTERNAL_IP6_SUBNET:
		out->family = AF_INET6;
		alen = 16;
		break;
	default:
		return -ENOENT;
	}
	if (!a->value.len)
		return -ENODATA;
	if (a->value.len != alen + (alen == 4 ? 4 : 1))
		return -EINVAL;
	out->prefix = alen == 4 ? subnet_mask_len(v + 4) : v[16];
	if (out->prefix < 0 || out->prefix > (int)alen * 8)
		return -EINVAL;
	memcpy(&out->v6, v, alen);
	subnet_mask((uint8_t *)&out->v6, alen, out->prefix);
	return 0;
}

/**
 * ikev2_subnet_encode - the subnet attribute of a prefix
 * @p: an IPv4 or IPv6 prefix
 * @a: receives the attribute, its value in @buf
 * @buf: room for IKEV2_SUBNET_VALUE_MAX bytes
 */
void ikev2_subnet_encode(const struct cfg_addr *p, struct ikev2_cp_attr *a,
			 uint8_t *buf)
{
	uint32_t mask;

	if (p->family == AF_INET6) {
		a->type = IKEV2_CFG_INTERNAL_IP6_SUBNET;
		memcpy(buf, &p->v6, 16);
		buf[16] = (uint8_t)p->prefix;
		a->value.len = 17;
	} else {
		a->type = IKEV2_CFG_INTERNAL_IP4_SUBNET;
		mask = p->prefix ? htonl(~0u << (32 - p->prefix)) : 0;
		memcpy(buf, &p->v4, 4);
		memcpy(buf + 4, &mask, 4);
		a->value.len = 8;
	}
	a->value.data = buf;
}

/* whether @p contains the host @h */
static bool subnet_contains(const struct cfg_addr *p, const struct cfg_addr *h)
{
	size_t len = p->family == AF_INET ? 4 : 16;
	uint8_t b[16];

	if (p->family != h->family)
		return false;
	memcpy(b, &h->v6, len);
	subnet_mask(b, len, p->prefix);
	return !memcmp(b, &p->v6, len);
}

static const char *subnet_special4(const struct cfg_addr *p)
{
	const uint8_t *b = (const uint8_t *)&p->v4;

	if (b[0] == 0)
		return "in 0.0.0.0/8";
	if (b[0] == 127)
		return "loopback";
	if (b[0] >= 224)
		return "multicast or reserved";
	if (b[0] == 169 && b[1] == 254)
		return "link-local";
	return NULL;
}

static const char *subnet_special6(const struct cfg_addr *p)
{
	static const uint8_t mapped[12] = { [10] = 0xff, [11] = 0xff };
	const uint8_t *b = (const uint8_t *)&p->v6;

	if (b[0] == 0xff)
		return "multicast";
	if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
		return "link-local";
	if (IN6_IS_ADDR_UNSPECIFIED(&p->v6) || IN6_IS_ADDR_LOOPBACK(&p->v6))
		return "unspecified or loopback";
	if (!memcmp(b, mapped, sizeof(mapped)))
		return "IPv4-mapped";
	return NULL;
}

/**
 * ikev2_subnet_refused - whether a subnet the peer sent may be routed to
 *	it ("route accept any")
 * @p: the prefix, as ikev2_subnet_decode() gives it
 * @outer: the outer (IKE) addresses of the IKE SA, ours and the peer's
 * @nouter: entries of @outer
 *
 * Refused: a default route (prefix length 0); a network that is not
 * unicast (0.0.0.0/8, loopback, link-local, multicast, IPv4-mapped);
 * one that contains an outer address, whose packets would then be sent
 * into the tunnel they make.
 *
 * Return: NULL when the prefix may be routed, else why not.
 */
const char *ikev2_subnet_refused(const struct cfg_addr *p,
				 const struct cfg_addr *outer,
				 unsigned int nouter)
{
	const char *why;
	unsigned int i;

	if (!p->prefix)
		return "a default route";
	why = p->family == AF_INET ? subnet_special4(p) : subnet_special6(p);
	if (why)
		return why;
	for (i = 0; i < nouter; i++)
		if (subnet_contains(p, &outer[i]))
			return "it contains an IKE endpoint";
	return NULL;
}
