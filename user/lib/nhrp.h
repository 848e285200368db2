/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The NHRP wire codec (RFC 2332, with the Traffic Indication of Cisco's
 * DMVPN phase 3, draft-detienne-dmvpn-01 §4): a packet checked and decoded
 * into a plain struct nhrp_pkt, the bytes written back from one, and the
 * in-place edit a forwarding NHS makes.  No I/O and no state: the daemon
 * reads and sends the packets (GRE protocol type 0x2001 on a gre-mode
 * interface, see uapi/linux/flexvti.h) and keeps the cache.
 *
 * Only what flexvti's spoke-to-spoke shortcuts use is decoded: IPv4 or
 * IPv6 NBMA addresses (ar$afn 1 or 2) and protocol addresses (ar$pro.type
 * 0x0800 or 0x86DD), version 1, packet types 1 to 8.  The layouts, what is
 * accepted and what is refused are in Documentation/userspace/nhrp.rst.
 *
 * What the daemon does with one received packet:
 *
 *	ret = nhrp_parse(buf, len, &pkt);
 *	if (ret == -EOPNOTSUPP) answer with an Error Indication, code
 *		NHRP_ERR_UNRECOGNIZED_EXT, offset pkt.err_offset;
 *	else if (ret) count and drop, log pkt.why;
 *	NHS, not for us: nlen = nhrp_forward(buf, len, size, &self);
 *		-ETIME: Error Indication NHRP_ERR_HOP_COUNT_EXCEEDED,
 *		-ELOOP: Error Indication NHRP_ERR_LOOP_DETECTED;
 *	else answer: fill a struct nhrp_pkt, nhrp_build() it, send.
 */
#ifndef FLEXVTI_NHRP_H
#define FLEXVTI_NHRP_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#define NHRP_VERSION		1	/* ar$op.version (RFC 2332 §5.2.0.1) */
#define NHRP_FIXED_LEN		20	/* the fixed header */
#define NHRP_MAND_LEN		8	/* the mandatory part's header */
#define NHRP_CIE_LEN		12	/* a CIE without its addresses */
#define NHRP_EXT_HDR_LEN	4	/* an extension's type and length */
#define NHRP_PKT_MAX		65535	/* ar$pktsz is 16 bits */
#define NHRP_MAX_CIES		8	/* CIEs decoded per list */

/* packet types, ar$op.type (RFC 2332 §5.2; 8: draft-detienne-dmvpn-01) */
enum nhrp_type {
	NHRP_RESOLUTION_REQUEST = 1,
	NHRP_RESOLUTION_REPLY = 2,
	NHRP_REGISTRATION_REQUEST = 3,
	NHRP_REGISTRATION_REPLY = 4,
	NHRP_PURGE_REQUEST = 5,
	NHRP_PURGE_REPLY = 6,
	NHRP_ERROR_INDICATION = 7,
	NHRP_TRAFFIC_INDICATION = 8,
};

/* ar$afn, the NBMA address family (IANA address family numbers) */
#define NHRP_AFN_IPV4		1
#define NHRP_AFN_IPV6		2
/* ar$pro.type, the protocol address family: an EtherType */
#define NHRP_PROTO_IPV4		0x0800
#define NHRP_PROTO_IPV6		0x86dd

/*
 * The Flags of the mandatory part.  Resolution Request and Reply (RFC
 * 2332 §5.2.1, §5.2.2): Q the requester is a router, A authoritative
 * (wanted, in a request; given, in a reply), D destination stable, U
 * unique, S source stable.  Registration (§5.2.3): U unique.  Purge
 * (§5.2.5): N no reply expected.  NAT: Cisco's "NAT capable" bit, as FRR
 * nhrpd and Wireshark read it.
 */
#define NHRP_FLAG_RES_Q		0x8000
#define NHRP_FLAG_RES_A		0x4000
#define NHRP_FLAG_RES_D		0x2000
#define NHRP_FLAG_RES_U		0x1000
#define NHRP_FLAG_RES_S		0x0800
#define NHRP_FLAG_REG_U		0x8000
#define NHRP_FLAG_PURGE_N	0x8000
#define NHRP_FLAG_NAT		0x0002

/*
 * CIE codes (RFC 2332 §5.2.2, §5.2.4).  NHRP_CIE_NO_BINDING is 12 in the
 * RFC (and Wireshark); FRR nhrpd and OpenNHRP send 11 for it: both are
 * named by nhrp_cie_code_name(), the daemon sends 12.
 */
#define NHRP_CIE_SUCCESS		0
#define NHRP_CIE_ADMIN_PROHIBITED	4
#define NHRP_CIE_INSUFFICIENT_RESOURCES	5
#define NHRP_CIE_NO_BINDING_FRR		11
#define NHRP_CIE_NO_BINDING		12
#define NHRP_CIE_NOT_UNIQUE		13
#define NHRP_CIE_ALREADY_REGISTERED	14

/* Error Indication codes (RFC 2332 §5.2.7) */
#define NHRP_ERR_UNRECOGNIZED_EXT	1
#define NHRP_ERR_LOOP_DETECTED		3
#define NHRP_ERR_PROTO_UNREACHABLE	6
#define NHRP_ERR_PROTOCOL_ERROR		7
#define NHRP_ERR_SDU_SIZE_EXCEEDED	8
#define NHRP_ERR_INVALID_EXT		9
#define NHRP_ERR_INVALID_REPLY		10
#define NHRP_ERR_AUTH_FAILURE		11
#define NHRP_ERR_HOP_COUNT_EXCEEDED	15

/* Traffic Indication codes (draft-detienne-dmvpn-01 §4) */
#define NHRP_TRAFFIC_REDIRECT		0

/*
 * Extension types (RFC 2332 §5.3; 9: Cisco's NAT address extension, a
 * CIE list, as FRR nhrpd and Wireshark read it).  The C bit makes an
 * unknown extension an error instead of skipped; the u bit is unused.
 */
#define NHRP_EXT_END			0
#define NHRP_EXT_RESPONDER		3
#define NHRP_EXT_FORWARD_NHS		4
#define NHRP_EXT_REVERSE_NHS		5
#define NHRP_EXT_AUTH			7
#define NHRP_EXT_VENDOR			8
#define NHRP_EXT_NAT_ADDRESS		9
#define NHRP_EXT_COMPULSORY		0x8000
#define NHRP_EXT_TYPE_MASK		0x3fff

/**
 * struct nhrp_addr - an NBMA or protocol address
 * @family: AF_INET (4 bytes on the wire), AF_INET6 (16 bytes), or
 *	AF_UNSPEC for an absent address (length 0 on the wire)
 * @u: the address, network order
 */
struct nhrp_addr {
	sa_family_t family;
	union {
		struct in_addr v4;
		struct in6_addr v6;
	} u;
};

/**
 * struct nhrp_cie - a Client Information Entry (RFC 2332 §5.2.0.1)
 * @code: NHRP_CIE_*
 * @prefix_len: bits of @proto that the entry covers: 0 to 32 (IPv4) or
 *	128 (IPv6), or 0xff for "the whole address" as OpenNHRP reads it
 * @mtu: bytes, 0 when not given
 * @holding_time: seconds
 * @preference: higher is preferred
 * @nbma: the client's NBMA address, of the packet's ar$afn; may be absent
 * @proto: the client's protocol address, of ar$pro.type; may be absent
 */
struct nhrp_cie {
	uint8_t code;
	uint8_t prefix_len;
	uint16_t mtu;
	uint16_t holding_time;
	uint8_t preference;
	struct nhrp_addr nbma;
	struct nhrp_addr proto;
};

/**
 * struct nhrp_cie_list - an extension whose value is a list of CIEs
 *	(Responder Address, Forward and Reverse Transit NHS Record, NAT
 *	address)
 * @present: the extension is in the packet, possibly empty (a request's
 *	placeholder for the replier to fill in)
 * @n: entries at @cie
 * @cie: the entries, in packet order (transit records: first NHS first)
 * @ext_off: nhrp_parse() only: the offset of the extension's header from
 *	the start of the packet
 */
struct nhrp_cie_list {
	bool present;
	unsigned int n;
	struct nhrp_cie cie[NHRP_MAX_CIES];
	uint16_t ext_off;
};

/**
 * struct nhrp_blob - an extension kept as bytes (Authentication, RFC 2332
 *	§5.3.4, and Vendor-Private, §5.3.5)
 * @present: the extension is in the packet
 * @data: its value: into the parsed buffer after nhrp_parse(), the
 *	caller's bytes for nhrp_build(); NULL when @len is 0
 * @len: bytes at @data
 */
struct nhrp_blob {
	bool present;
	const uint8_t *data;
	size_t len;
};

/**
 * struct nhrp_pkt - an NHRP packet, decoded
 * @type: enum nhrp_type
 * @afn: ar$afn, NHRP_AFN_IPV4 or NHRP_AFN_IPV6: the family of every NBMA
 *	address of the packet
 * @proto_type: ar$pro.type, NHRP_PROTO_IPV4 or NHRP_PROTO_IPV6: the
 *	family of every protocol address
 * @hop_count: ar$hopcnt, NHSs the packet may still cross
 * @flags: NHRP_FLAG_* of the type (types 1 to 6; 0 in 7 and 8)
 * @request_id: types 1 to 6
 * @error_code: type 7: NHRP_ERR_*
 * @error_offset: type 7: the offset into the packet in error at which the
 *	error was found
 * @traffic_code: type 8: NHRP_TRAFFIC_*
 * @src_nbma: the sender's NBMA address, may be absent
 * @src_proto: the sender's protocol address (a Traffic Indication: the
 *	NHS's own tunnel address)
 * @dst_proto: the destination protocol address (a Traffic Indication: the
 *	source of the redirected packet, see nhrp_traffic_indication())
 * @n_cies: entries at @cie (types 1 to 6)
 * @cie: the CIEs of the mandatory part
 * @quoted: types 7 and 8: the packet quoted after the addresses (the NHRP
 *	packet in error; the start of the redirected packet from its IP
 *	header on): into the parsed buffer, or the caller's bytes to build
 * @quoted_len: bytes at @quoted
 * @responder: Responder Address extension (one CIE at most)
 * @forward: Forward Transit NHS Record extension
 * @reverse: Reverse Transit NHS Record extension
 * @nat: Cisco NAT address extension
 * @auth: Authentication extension
 * @vendor: Vendor-Private extension
 * @n_unknown_ext: nhrp_parse(): extensions not known and not compulsory,
 *	skipped (nhrp_forward() keeps them)
 * @len: nhrp_parse(): ar$pktsz, the bytes of the packet (what follows in
 *	the buffer is not part of it)
 * @why: nhrp_parse(), on failure: what was wrong, for the log
 * @err_offset: nhrp_parse(), on failure: the offset of the faulty field
 *	from the start of the packet, for an Error Indication's Error Offset
 *
 * An address's family must be that of @afn (NBMA) or @proto_type
 * (protocol).  The pointers of a parsed packet point into the buffer given
 * to nhrp_parse() and live as long as it does.
 */
struct nhrp_pkt {
	uint8_t type;
	uint16_t afn;
	uint16_t proto_type;
	uint8_t hop_count;
	uint16_t flags;
	uint32_t request_id;
	uint16_t error_code;
	uint16_t error_offset;
	uint16_t traffic_code;
	struct nhrp_addr src_nbma;
	struct nhrp_addr src_proto;
	struct nhrp_addr dst_proto;
	unsigned int n_cies;
	struct nhrp_cie cie[NHRP_MAX_CIES];
	const uint8_t *quoted;
	size_t quoted_len;
	struct nhrp_cie_list responder;
	struct nhrp_cie_list forward;
	struct nhrp_cie_list reverse;
	struct nhrp_cie_list nat;
	struct nhrp_blob auth;
	struct nhrp_blob vendor;
	unsigned int n_unknown_ext;
	size_t len;
	const char *why;
	uint16_t err_offset;
};

int nhrp_parse(const uint8_t *buf, size_t len, struct nhrp_pkt *out);
int nhrp_build(const struct nhrp_pkt *p, uint8_t *buf, size_t size);
int nhrp_forward(uint8_t *buf, size_t len, size_t size,
		 const struct nhrp_cie *self);
uint16_t nhrp_checksum(const uint8_t *buf, size_t len);

int nhrp_traffic_indication(struct nhrp_pkt *p, const struct nhrp_addr *nbma,
			    const struct nhrp_addr *proto,
			    const uint8_t *orig, size_t orig_len);
int nhrp_quoted_addrs(const struct nhrp_pkt *p, struct nhrp_addr *src,
		      struct nhrp_addr *dst);

size_t nhrp_addr_len(const struct nhrp_addr *a);
bool nhrp_addr_equal(const struct nhrp_addr *a, const struct nhrp_addr *b);
const char *nhrp_addr_ntop(const struct nhrp_addr *a, char *buf,
			   size_t size);
const char *nhrp_type_name(unsigned int type);
const char *nhrp_cie_code_name(unsigned int code);
const char *nhrp_error_name(unsigned int code);
const char *nhrp_ext_name(unsigned int type);
int nhrp_format(const struct nhrp_pkt *p, char *buf, size_t size);

#endif /* FLEXVTI_NHRP_H */
