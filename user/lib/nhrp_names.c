// SPDX-License-Identifier: GPL-2.0-only
/*
 * The NHRP codec's small helpers: addresses, the names of the numbers, a
 * one-line description of a packet for the log, and the Traffic
 * Indication a hub sends when it forwards a packet from spoke to spoke.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "nhrp_int.h"
#include "util.h"

/* what a Traffic Indication's ar$hopcnt is: one hop, as FRR nhrpd sends */
#define NHRP_TI_HOP_COUNT	1

/**
 * nhrp_addr_len() - the bytes of an address on the wire
 * @a: the address
 *
 * Return: 4 (AF_INET), 16 (AF_INET6), 0 (absent, or any other family).
 */
size_t nhrp_addr_len(const struct nhrp_addr *a)
{
	if (a->family == AF_INET)
		return sizeof(struct in_addr);
	if (a->family == AF_INET6)
		return sizeof(struct in6_addr);
	return 0;
}

/**
 * nhrp_addr_equal() - whether two addresses are the same
 * @a: one
 * @b: the other
 *
 * Return: true when both are absent, or of the same family and value.
 */
bool nhrp_addr_equal(const struct nhrp_addr *a, const struct nhrp_addr *b)
{
	return a->family == b->family &&
	       !memcmp(&a->u, &b->u, nhrp_addr_len(a));
}

/**
 * nhrp_addr_ntop() - an address as text
 * @a: the address
 * @buf: where to write it: INET6_ADDRSTRLEN bytes hold any
 * @size: bytes at @buf, at least 2
 *
 * Return: @buf, holding the address in the usual notation, or "-" for an
 * absent one ("?" if it does not fit).
 */
const char *nhrp_addr_ntop(const struct nhrp_addr *a, char *buf,
			   size_t size)
{
	if (!nhrp_addr_len(a) ||
	    !inet_ntop(a->family, &a->u, buf, (socklen_t)size))
		snprintf(buf, size, "%s", nhrp_addr_len(a) ? "?" : "-");
	return buf;
}

/**
 * nhrp_type_name() - the name of a packet type (ar$op.type)
 * @type: enum nhrp_type
 *
 * Return: a static string, "unknown" for a number not listed.
 */
const char *nhrp_type_name(unsigned int type)
{
	static const char *const names[] = {
		[NHRP_RESOLUTION_REQUEST] = "Resolution Request",
		[NHRP_RESOLUTION_REPLY] = "Resolution Reply",
		[NHRP_REGISTRATION_REQUEST] = "Registration Request",
		[NHRP_REGISTRATION_REPLY] = "Registration Reply",
		[NHRP_PURGE_REQUEST] = "Purge Request",
		[NHRP_PURGE_REPLY] = "Purge Reply",
		[NHRP_ERROR_INDICATION] = "Error Indication",
		[NHRP_TRAFFIC_INDICATION] = "Traffic Indication",
	};

	if (type >= ARRAY_SIZE(names) || !names[type])
		return "unknown";
	return names[type];
}

/**
 * nhrp_cie_code_name() - the name of a CIE code (RFC 2332 §5.2.2, §5.2.4)
 * @code: NHRP_CIE_*
 *
 * Return: a static string, "unknown" for a number not listed.
 */
const char *nhrp_cie_code_name(unsigned int code)
{
	switch (code) {
	case NHRP_CIE_SUCCESS:
		return "success";
	case NHRP_CIE_ADMIN_PROHIBITED:
		return "administratively prohibited";
	case NHRP_CIE_INSUFFICIENT_RESOURCES:
		return "insufficient resources";
	case NHRP_CIE_NO_BINDING_FRR:
	case NHRP_CIE_NO_BINDING:
		return "no binding";
	case NHRP_CIE_NOT_UNIQUE:
		return "binding not unique";
	case NHRP_CIE_ALREADY_REGISTERED:
		return "already registered";
	}
	return "unknown";
}

/**
 * nhrp_error_name() - the name of an Error Indication's code (RFC 2332
 *	§5.2.7)
 * @code: NHRP_ERR_*
 *
 * Return: a static string, "unknown" for a number not listed.
 */
const char *nhrp_error_name(unsigned int code)
{
	static const char *const names[] = {
		[NHRP_ERR_UNRECOGNIZED_EXT] = "unrecognized extension",
		[NHRP_ERR_LOOP_DETECTED] = "loop detected",
		[NHRP_ERR_PROTO_UNREACHABLE] = "protocol address unreachable",
		[NHRP_ERR_PROTOCOL_ERROR] = "protocol error",
		[NHRP_ERR_SDU_SIZE_EXCEEDED] = "SDU size exceeded",
		[NHRP_ERR_INVALID_EXT] = "invalid extension",
		[NHRP_ERR_INVALID_REPLY] = "invalid resolution reply",
		[NHRP_ERR_AUTH_FAILURE] = "authentication failure",
		[NHRP_ERR_HOP_COUNT_EXCEEDED] = "hop count exceeded",
	};

	if (code >= ARRAY_SIZE(names) || !names[code])
		return "unknown";
	return names[code];
}

/**
 * nhrp_ext_name() - the name of an extension type (RFC 2332 §5.3)
 * @type: NHRP_EXT_*, the C and u bits ignored
 *
 * Return: a static string, "unknown" for a number not listed.
 */
const char *nhrp_ext_name(unsigned int type)
{
	static const char *const names[] = {
		[NHRP_EXT_END] = "End",
		[NHRP_EXT_RESPONDER] = "Responder Address",
		[NHRP_EXT_FORWARD_NHS] = "Forward Transit NHS Record",
		[NHRP_EXT_REVERSE_NHS] = "Reverse Transit NHS Record",
		[NHRP_EXT_AUTH] = "Authentication",
		[NHRP_EXT_VENDOR] = "Vendor-Private",
		[NHRP_EXT_NAT_ADDRESS] = "NAT Address",
	};

	type &= NHRP_EXT_TYPE_MASK;
	if (type >= ARRAY_SIZE(names) || !names[type])
		return "unknown";
	return names[type];
}

/* a growing line: what does not fit is cut, @len counts it all */
struct nhrp_line {
	char *buf;
	size_t size;
	size_t len;
};

static __printf(2, 3) void nhrp_cat(struct nhrp_line *l, const char *fmt,
				    ...)
{
	size_t room = l->len < l->size ? l->size - l->len : 0;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(room ? l->buf + l->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		l->len += n;
}

static void nhrp_cat_addr(struct nhrp_line *l, const char *name,
			  const struct nhrp_addr *a)
{
	char s[INET6_ADDRSTRLEN];

	nhrp_cat(l, " %s %s", name, nhrp_addr_ntop(a, s, sizeof(s)));
}

static void nhrp_cat_cie(struct nhrp_line *l, const struct nhrp_cie *c)
{
	nhrp_cat(l, " [%s/%u", nhrp_cie_code_name(c->code), c->prefix_len);
	nhrp_cat_addr(l, "nbma", &c->nbma);
	nhrp_cat_addr(l, "proto", &c->proto);
	nhrp_cat(l, " mtu %u hold %us pref %u]", c->mtu, c->holding_time,
		 c->preference);
}

static void nhrp_cat_list(struct nhrp_line *l, const char *name,
			  const struct nhrp_cie_list *list)
{
	unsigned int i;

	if (!list->present)
		return;
	nhrp_cat(l, " %s(%u)", name, list->n);
	for (i = 0; i < list->n; i++)
		nhrp_cat_cie(l, &list->cie[i]);
}

/* the fields after the addresses that depend on the type */
static void nhrp_cat_body(struct nhrp_line *l, const struct nhrp_pkt *p)
{
	unsigned int i;

	if (p->type == NHRP_ERROR_INDICATION)
		nhrp_cat(l, " error %u (%s) at %u, %zu bytes quoted",
			 p->error_code, nhrp_error_name(p->error_code),
			 p->error_offset, p->quoted_len);
	else if (p->type == NHRP_TRAFFIC_INDICATION)
		nhrp_cat(l, " code %u%s, %zu bytes quoted", p->traffic_code,
			 p->traffic_code == NHRP_TRAFFIC_REDIRECT ?
			 " (redirect)" : "", p->quoted_len);
	for (i = 0; i < p->n_cies; i++)
		nhrp_cat_cie(l, &p->cie[i]);
}

/**
 * nhrp_format() - a packet on one line, for the log
 * @p: the packet, parsed or to build
 * @buf: where to write the line, NUL-terminated (cut when it does not
 *	fit)
 * @size: bytes at @buf
 *
 * The type, request id, hop count and flags, the addresses, then the
 * error or traffic code with the size of the quoted packet, each CIE
 * (code, prefix, addresses, MTU, holding time, preference), each
 * extension present with its CIEs or its size.  No bytes are dumped.
 *
 * Return: the length of the whole line, as snprintf() counts it.
 */
int nhrp_format(const struct nhrp_pkt *p, char *buf, size_t size)
{
	struct nhrp_line l = { .buf = buf, .size = size };

	if (size)
		buf[0] = '\0';
	nhrp_cat(&l, "%s", nhrp_type_name(p->type));
	if (p->type < NHRP_ERROR_INDICATION)
		nhrp_cat(&l, " id %u flags 0x%04x", p->request_id, p->flags);
	nhrp_cat(&l, " hops %u", p->hop_count);
	nhrp_cat_addr(&l, "src nbma", &p->src_nbma);
	nhrp_cat_addr(&l, "proto", &p->src_proto);
	nhrp_cat_addr(&l, "dst", &p->dst_proto);
	nhrp_cat_body(&l, p);
	nhrp_cat_list(&l, "responder", &p->responder);
	nhrp_cat_list(&l, "forward", &p->forward);
	nhrp_cat_list(&l, "reverse", &p->reverse);
	nhrp_cat_list(&l, "nat", &p->nat);
	if (p->auth.present)
		nhrp_cat(&l, " auth(%zu bytes)", p->auth.len);
	if (p->vendor.present)
		nhrp_cat(&l, " vendor(%zu bytes)", p->vendor.len);
	if (p->n_unknown_ext)
		nhrp_cat(&l, " unknown extensions %u", p->n_unknown_ext);
	return l.len > INT_MAX ? INT_MAX : (int)l.len;
}

/*
 * The source and destination of the IP packet at @ip (@len bytes): an
 * IPv4 header (RFC 791) or an IPv6 one (RFC 8200), whole.  -EBADMSG when
 * @len is short of it or the version is neither.
 */
static int nhrp_ip_addrs(const uint8_t *ip, size_t len, struct nhrp_addr *src,
			 struct nhrp_addr *dst)
{
	size_t alen, off;

	memset(src, 0, sizeof(*src));
	memset(dst, 0, sizeof(*dst));
	if (len >= 20 && ip[0] >> 4 == 4) {
		src->family = AF_INET;
		alen = 4;
		off = 12;
	} else if (len >= 40 && ip[0] >> 4 == 6) {
		src->family = AF_INET6;
		alen = 16;
		off = 8;
	} else {
		return -EBADMSG;
	}
	dst->family = src->family;
	memcpy(&src->u, ip + off, alen);
	memcpy(&dst->u, ip + off + alen, alen);
	return 0;
}

/**
 * nhrp_quoted_addrs() - what a Traffic Indication is about: the source and
 *	destination of the packet it quotes
 * @p: a parsed Traffic Indication
 * @src: the quoted packet's source address (the spoke's host)
 * @dst: its destination, the address to resolve for a shortcut
 *
 * The spoke's side of draft-detienne-dmvpn-01 §4: it reads the quoted IP
 * header rather than @p->dst_proto, which senders fill in differently
 * (see nhrp_traffic_indication()).
 *
 * Return: 0; -EINVAL if @p is not a Traffic Indication; -EBADMSG if the
 * quote is shorter than an IP header or its version is not of the
 * packet's ar$pro.type.
 */
int nhrp_quoted_addrs(const struct nhrp_pkt *p, struct nhrp_addr *src,
		      struct nhrp_addr *dst)
{
	int ret;

	if (p->type != NHRP_TRAFFIC_INDICATION)
		return -EINVAL;
	ret = nhrp_ip_addrs(p->quoted, p->quoted_len, src, dst);
	if (!ret && src->family != nhrp_proto_family(p->proto_type))
		ret = -EBADMSG;
	return ret;
}

/**
 * nhrp_traffic_indication() - the Traffic Indication (redirect) a hub sends
 *	to the spoke a forwarded packet came from
 * @p: filled in, ready for nhrp_build()
 * @nbma: the hub's NBMA address (the outer address of the tunnel)
 * @proto: the hub's protocol address on the tunnel the packet came in on,
 *	of the packet's IP version
 * @orig: the start of the forwarded packet from its IP header on (the
 *	kernel's FLEXVTI_A_NHRP_PACKET, at most 128 bytes); @p points at it
 * @orig_len: bytes at @orig, at least its IP header
 *
 * The layout of draft-detienne-dmvpn-01 §4 as FRR nhrpd writes it (in
 * nhrp_peer_send_indication()): type 8, traffic code 0 (redirect),
 * ar$hopcnt 1, source NBMA and protocol addresses the hub's, destination
 * protocol address the *source* of the forwarded packet (the draft's text
 * says its destination; FRR sends the source, the host the indication is
 * about, and a receiver reads the quoted header anyway), and the packet
 * quoted after the addresses, no CIE, no extension.
 *
 * Return: 0; -EINVAL if @nbma or @proto is absent, or @orig is not an IP
 * packet of @proto's family.
 */
int nhrp_traffic_indication(struct nhrp_pkt *p, const struct nhrp_addr *nbma,
			    const struct nhrp_addr *proto,
			    const uint8_t *orig, size_t orig_len)
{
	struct nhrp_addr src, dst;

	memset(p, 0, sizeof(*p));
	if (!nhrp_addr_len(nbma) || !nhrp_addr_len(proto) ||
	    nhrp_ip_addrs(orig, orig_len, &src, &dst) ||
	    src.family != proto->family)
		return -EINVAL;
	p->type = NHRP_TRAFFIC_INDICATION;
	p->afn = nbma->family == AF_INET ? NHRP_AFN_IPV4 : NHRP_AFN_IPV6;
	p->proto_type = proto->family == AF_INET ? NHRP_PROTO_IPV4 :
						   NHRP_PROTO_IPV6;
	p->hop_count = NHRP_TI_HOP_COUNT;
	p->traffic_code = NHRP_TRAFFIC_REDIRECT;
	p->src_nbma = *nbma;
	p->src_proto = *proto;
	p->dst_proto = src;
	p->quoted = orig;
	p->quoted_len = orig_len;
	return 0;
}
