// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the NHRP codec (user/lib/nhrp*.c).  Two packets are
 * written out byte by byte from the layouts of RFC 2332 §5.2.0.1, §5.2.1,
 * §5.3 and draft-detienne-dmvpn-01 §4, their checksums computed apart
 * (by hand with the formula of RFC 1071, and by csum() here), so that a
 * mistake made alike in the writer and the parser cannot hide: a
 * Resolution Request as FRR nhrpd sends one (a CIE, and empty Responder
 * Address and Transit NHS Record extensions) and a hub's Traffic
 * Indication about an ICMP echo from 192.168.1.10 to 192.168.2.20.  Then
 * round trips of every type with IPv4 and IPv6 on both sides, every
 * refusal of nhrp_parse() and nhrp_build(), truncations and bit flips at
 * every offset, forwarding, and the helpers.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"
#include "../lib/nhrp.h"

#define BUF	2048

static const uint8_t res_req[] = {
	/* fixed header: ar$afn 1, ar$pro.type 0x0800, ar$pro.snap 0 */
	0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	/* ar$hopcnt 16, ar$pktsz 68, ar$chksum, ar$extoff 52 */
	0x10, 0x00, 0x44, 0x6a, 0x9e, 0x00, 0x34,
	/* version 1, type 1, ar$shtl 4, ar$sstl 0 */
	0x01, 0x01, 0x04, 0x00,
	/* mandatory: proto lengths 4 4, flags Q S NAT, request id */
	0x04, 0x04, 0x88, 0x02, 0x01, 0x02, 0x03, 0x04,
	/* source NBMA 192.0.2.1, source 10.0.0.1, destination 10.0.0.2 */
	0xc0, 0x00, 0x02, 0x01, 0x0a, 0x00, 0x00, 0x01,
	0x0a, 0x00, 0x00, 0x02,
	/* CIE: code 0, prefix 32, unused, MTU 1400, hold 7200 s, no
	 * addresses, preference 0
	 */
	0x00, 0x20, 0x00, 0x00, 0x05, 0x78, 0x1c, 0x20,
	0x00, 0x00, 0x00, 0x00,
	/* extensions (C bit set), empty: Responder Address, Forward and
	 * Reverse Transit NHS Record; End
	 */
	0x80, 0x03, 0x00, 0x00, 0x80, 0x04, 0x00, 0x00,
	0x80, 0x05, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00,
};

static const uint8_t traffic_ind[] = {
	/* fixed header: IPv4 over IPv4, ar$hopcnt 1, ar$pktsz 68,
	 * ar$chksum, ar$extoff 0, version 1, type 8, ar$shtl 4
	 */
	0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x01, 0x00, 0x44, 0xf7, 0xc7, 0x00, 0x00,
	0x01, 0x08, 0x04, 0x00,
	/* proto lengths 4 4, unused, traffic code 0 (redirect), unused */
	0x04, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	/* the hub: NBMA 198.51.100.1, tunnel 10.0.0.254; destination:
	 * the source of the redirected packet, 192.168.1.10
	 */
	0xc6, 0x33, 0x64, 0x01, 0x0a, 0x00, 0x00, 0xfe,
	0xc0, 0xa8, 0x01, 0x0a,
	/* quoted: IPv4 header, ICMP, 192.168.1.10 -> 192.168.2.20 */
	0x45, 0x00, 0x00, 0x54, 0x12, 0x34, 0x40, 0x00,
	0x3f, 0x01, 0xa5, 0x06, 0xc0, 0xa8, 0x01, 0x0a,
	0xc0, 0xa8, 0x02, 0x14,
	/* ICMP echo request, id 1, seq 1 */
	0x08, 0x00, 0xf7, 0xfd, 0x00, 0x01, 0x00, 0x01,
};

/* the IP checksum, written again here: RFC 1071 */
static uint16_t csum(const uint8_t *b, size_t len)
{
	uint32_t s = 0;
	size_t i;

	for (i = 0; i < len; i++)
		s += i & 1 ? b[i] : (uint32_t)b[i] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return ~s & 0xffff;
}

/* ar$chksum set for the first @len bytes of @b */
static void fixsum(uint8_t *b, size_t len)
{
	uint16_t c;

	b[12] = 0;
	b[13] = 0;
	c = csum(b, len);
	b[12] = c >> 8;
	b[13] = c & 0xff;
}

/* ar$pktsz and ar$chksum set for @len bytes of @b */
static void seal(uint8_t *b, size_t len)
{
	b[10] = len >> 8;
	b[11] = len & 0xff;
	fixsum(b, len);
}

static struct nhrp_addr v4(const char *s)
{
	struct nhrp_addr a = { .family = AF_INET };

	inet_pton(AF_INET, s, &a.u);
	return a;
}

static struct nhrp_addr v6(const char *s)
{
	struct nhrp_addr a = { .family = AF_INET6 };

	inet_pton(AF_INET6, s, &a.u);
	return a;
}

static struct nhrp_addr addr_of(sa_family_t f, int host)
{
	char s[64];

	if (f == AF_INET) {
		snprintf(s, sizeof(s), "10.0.%d.%d", host / 256, host % 256);
		return v4(s);
	}
	snprintf(s, sizeof(s), "2001:db8::%x", host);
	return v6(s);
}

static struct nhrp_cie cie(sa_family_t nbma, sa_family_t proto, int n)
{
	struct nhrp_cie c = {
		.code = n % 2 ? NHRP_CIE_SUCCESS : NHRP_CIE_NO_BINDING,
		.prefix_len = proto == AF_INET ? 24 : 64,
		.mtu = 1400 + n,
		.holding_time = 7200 - n,
		.preference = n,
	};

	c.nbma = addr_of(nbma, 100 + n);
	c.proto = addr_of(proto, 200 + n);
	return c;
}

static const uint8_t quote[] = {
	0x45, 0x00, 0x00, 0x1c, 0x00, 0x00, 0x00, 0x00, 0x40, 0x11,
	0x00, 0x00, 10, 1, 1, 1, 10, 2, 2, 2, 1, 2, 3, 4, 5, 6, 7, 8,
};

static const uint8_t auth_value[] = { 0, 0, 0, 1, 's', 'e', 'c', 'r' };

/* a packet of @type with every field of it set, families as given */
static void sample(struct nhrp_pkt *p, uint8_t type, int nbma_v6,
		   int proto_v6)
{
	sa_family_t nf = nbma_v6 ? AF_INET6 : AF_INET;
	sa_family_t pf = proto_v6 ? AF_INET6 : AF_INET;

	memset(p, 0, sizeof(*p));
	p->type = type;
	p->afn = nbma_v6 ? NHRP_AFN_IPV6 : NHRP_AFN_IPV4;
	p->proto_type = proto_v6 ? NHRP_PROTO_IPV6 : NHRP_PROTO_IPV4;
	p->hop_count = 7;
	p->src_nbma = addr_of(nf, 1);
	p->src_proto = addr_of(pf, 2);
	p->dst_proto = addr_of(pf, 3);
	if (type == NHRP_ERROR_INDICATION || type == NHRP_TRAFFIC_INDICATION) {
		p->error_code = type == NHRP_ERROR_INDICATION ? 15 : 0;
		p->error_offset = type == NHRP_ERROR_INDICATION ? 9 : 0;
		p->traffic_code = type == NHRP_TRAFFIC_INDICATION ? 3 : 0;
		p->quoted = quote;
		p->quoted_len = sizeof(quote);
		return;
	}
	p->flags = NHRP_FLAG_RES_Q | NHRP_FLAG_NAT;
	p->request_id = 0xdeadbeef;
	p->n_cies = 2;
	p->cie[0] = cie(nf, pf, 1);
	p->cie[1] = cie(nf, pf, 2);
	p->cie[1].nbma.family = AF_UNSPEC;
	p->responder.present = true;
	p->responder.n = 1;
	p->responder.cie[0] = cie(nf, pf, 3);
	p->forward.present = true;
	p->forward.n = 2;
	p->forward.cie[0] = cie(nf, pf, 4);
	p->forward.cie[1] = cie(nf, pf, 5);
	p->reverse.present = true;
	p->nat.present = true;
	p->nat.n = 1;
	p->nat.cie[0] = cie(nf, pf, 6);
	p->auth.present = true;
	p->auth.data = auth_value;
	p->auth.len = sizeof(auth_value);
	p->vendor.present = true;
}

static void no_exts(struct nhrp_pkt *p)
{
	memset(&p->responder, 0, sizeof(p->responder));
	memset(&p->forward, 0, sizeof(p->forward));
	memset(&p->reverse, 0, sizeof(p->reverse));
	memset(&p->nat, 0, sizeof(p->nat));
	memset(&p->auth, 0, sizeof(p->auth));
	memset(&p->vendor, 0, sizeof(p->vendor));
}

static int addr_eq(const struct nhrp_addr *a, const struct nhrp_addr *b)
{
	return nhrp_addr_equal(a, b);
}

static int cies_eq(const struct nhrp_cie *a, const struct nhrp_cie *b,
		   unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (a[i].code != b[i].code ||
		    a[i].prefix_len != b[i].prefix_len ||
		    a[i].mtu != b[i].mtu ||
		    a[i].holding_time != b[i].holding_time ||
		    a[i].preference != b[i].preference ||
		    !addr_eq(&a[i].nbma, &b[i].nbma) ||
		    !addr_eq(&a[i].proto, &b[i].proto))
			return 0;
	return 1;
}

static int list_eq(const struct nhrp_cie_list *a,
		   const struct nhrp_cie_list *b)
{
	return a->present == b->present && a->n == b->n &&
	       cies_eq(a->cie, b->cie, a->n);
}

static int blob_eq(const struct nhrp_blob *a, const struct nhrp_blob *b)
{
	return a->present == b->present && a->len == b->len &&
	       (!a->len || !memcmp(a->data, b->data, a->len));
}

/* every field nhrp_build() reads is the same in @a and @b */
static int pkt_eq(const struct nhrp_pkt *a, const struct nhrp_pkt *b)
{
	return a->type == b->type && a->afn == b->afn &&
	       a->proto_type == b->proto_type &&
	       a->hop_count == b->hop_count && a->flags == b->flags &&
	       a->request_id == b->request_id &&
	       a->error_code == b->error_code &&
	       a->error_offset == b->error_offset &&
	       a->traffic_code == b->traffic_code &&
	       addr_eq(&a->src_nbma, &b->src_nbma) &&
	       addr_eq(&a->src_proto, &b->src_proto) &&
	       addr_eq(&a->dst_proto, &b->dst_proto) &&
	       a->n_cies == b->n_cies && cies_eq(a->cie, b->cie, a->n_cies) &&
	       a->quoted_len == b->quoted_len &&
	       (!a->quoted_len ||
		!memcmp(a->quoted, b->quoted, a->quoted_len)) &&
	       list_eq(&a->responder, &b->responder) &&
	       list_eq(&a->forward, &b->forward) &&
	       list_eq(&a->reverse, &b->reverse) &&
	       list_eq(&a->nat, &b->nat) && blob_eq(&a->auth, &b->auth) &&
	       blob_eq(&a->vendor, &b->vendor);
}

TEST(known_resolution_request)
{
	uint8_t buf[BUF];
	struct nhrp_pkt p, q;
	char s[64];

	ASSERT_EQ(0, csum(res_req, sizeof(res_req)));
	ASSERT_EQ(0, nhrp_checksum(res_req, sizeof(res_req)));
	ASSERT_EQ(0, nhrp_parse(res_req, sizeof(res_req), &p));
	EXPECT_EQ(NHRP_RESOLUTION_REQUEST, p.type);
	EXPECT_EQ(NHRP_AFN_IPV4, p.afn);
	EXPECT_EQ(NHRP_PROTO_IPV4, p.proto_type);
	EXPECT_EQ(16, p.hop_count);
	EXPECT_EQ(NHRP_FLAG_RES_Q | NHRP_FLAG_RES_S | NHRP_FLAG_NAT, p.flags);
	EXPECT_EQ(0x01020304, p.request_id);
	EXPECT_STREQ("192.0.2.1", nhrp_addr_ntop(&p.src_nbma, s, sizeof(s)));
	EXPECT_STREQ("10.0.0.1", nhrp_addr_ntop(&p.src_proto, s, sizeof(s)));
	EXPECT_STREQ("10.0.0.2", nhrp_addr_ntop(&p.dst_proto, s, sizeof(s)));
	ASSERT_EQ(1, p.n_cies);
	EXPECT_EQ(0, p.cie[0].code);
	EXPECT_EQ(32, p.cie[0].prefix_len);
	EXPECT_EQ(1400, p.cie[0].mtu);
	EXPECT_EQ(7200, p.cie[0].holding_time);
	EXPECT_EQ(AF_UNSPEC, p.cie[0].nbma.family);
	EXPECT_EQ(AF_UNSPEC, p.cie[0].proto.family);
	EXPECT_TRUE(p.responder.present);
	EXPECT_EQ(0, p.responder.n);
	EXPECT_TRUE(p.forward.present);
	EXPECT_EQ(56, p.forward.ext_off);
	EXPECT_TRUE(p.reverse.present);
	EXPECT_FALSE(p.nat.present);
	EXPECT_FALSE(p.auth.present);
	EXPECT_EQ(68, p.len);

	/* the same bytes written from the fields */
	memset(&q, 0, sizeof(q));
	q.type = NHRP_RESOLUTION_REQUEST;
	q.afn = NHRP_AFN_IPV4;
	q.proto_type = NHRP_PROTO_IPV4;
	q.hop_count = 16;
	q.flags = 0x8802;
	q.request_id = 0x01020304;
	q.src_nbma = v4("192.0.2.1");
	q.src_proto = v4("10.0.0.1");
	q.dst_proto = v4("10.0.0.2");
	q.n_cies = 1;
	q.cie[0].prefix_len = 32;
	q.cie[0].mtu = 1400;
	q.cie[0].holding_time = 7200;
	q.responder.present = true;
	q.forward.present = true;
	q.reverse.present = true;
	ASSERT_EQ(sizeof(res_req), nhrp_build(&q, buf, sizeof(buf)));
	EXPECT_EQ(0, memcmp(buf, res_req, sizeof(res_req)));
}

TEST(known_traffic_indication)
{
	struct nhrp_addr src, dst, nbma = v4("198.51.100.1");
	struct nhrp_addr hub = v4("10.0.0.254");
	const uint8_t *orig = traffic_ind + 40;
	uint8_t buf[BUF];
	struct nhrp_pkt p;
	char s[64];

	ASSERT_EQ(0, csum(traffic_ind, sizeof(traffic_ind)));
	ASSERT_EQ(0, nhrp_parse(traffic_ind, sizeof(traffic_ind), &p));
	EXPECT_EQ(NHRP_TRAFFIC_INDICATION, p.type);
	EXPECT_EQ(1, p.hop_count);
	EXPECT_EQ(NHRP_TRAFFIC_REDIRECT, p.traffic_code);
	EXPECT_EQ(0, p.flags);
	EXPECT_EQ(0, p.n_cies);
	EXPECT_STREQ("198.51.100.1",
		     nhrp_addr_ntop(&p.src_nbma, s, sizeof(s)));
	EXPECT_STREQ("10.0.0.254", nhrp_addr_ntop(&p.src_proto, s, sizeof(s)));
	EXPECT_STREQ("192.168.1.10",
		     nhrp_addr_ntop(&p.dst_proto, s, sizeof(s)));
	EXPECT_EQ(orig, p.quoted);
	EXPECT_EQ(28, p.quoted_len);
	ASSERT_EQ(0, nhrp_quoted_addrs(&p, &src, &dst));
	EXPECT_STREQ("192.168.1.10", nhrp_addr_ntop(&src, s, sizeof(s)));
	EXPECT_STREQ("192.168.2.20", nhrp_addr_ntop(&dst, s, sizeof(s)));

	/* what the hub writes from the kernel's event */
	ASSERT_EQ(0, nhrp_traffic_indication(&p, &nbma, &hub, orig, 28));
	ASSERT_EQ(sizeof(traffic_ind), nhrp_build(&p, buf, sizeof(buf)));
	EXPECT_EQ(0, memcmp(buf, traffic_ind, sizeof(traffic_ind)));
}

TEST(round_trip_every_type_and_family)
{
	uint8_t buf[BUF], again[BUF];
	struct nhrp_pkt p, q;
	int type, fam, len;

	for (type = 1; type <= 8; type++) {
		for (fam = 0; fam < 4; fam++) {
			sample(&p, type, fam & 1, fam & 2);
			len = nhrp_build(&p, buf, sizeof(buf));
			ASSERT_LT(0, len) TH_LOG("type %d fam %d", type, fam);
			ASSERT_EQ(0, nhrp_parse(buf, len, &q))
				TH_LOG("type %d fam %d: %s", type, fam, q.why);
			EXPECT_TRUE(pkt_eq(&p, &q))
				TH_LOG("type %d fam %d", type, fam);
			EXPECT_EQ(len, q.len);
			ASSERT_EQ(len, nhrp_build(&q, again, sizeof(again)));
			EXPECT_EQ(0, memcmp(buf, again, len));
		}
	}
}

TEST(no_extensions_no_extoff)
{
	uint8_t buf[BUF];
	struct nhrp_pkt p, q;
	int len;

	sample(&p, NHRP_REGISTRATION_REQUEST, 0, 0);
	no_exts(&p);
	len = nhrp_build(&p, buf, sizeof(buf));
	ASSERT_EQ(20 + 8 + 12 + 2 * (12 + 8) - 4, len);
	EXPECT_EQ(0, buf[14] << 8 | buf[15]);
	ASSERT_EQ(0, nhrp_parse(buf, len, &q));
	EXPECT_TRUE(pkt_eq(&p, &q));

	/* one extension: ar$extoff at it, End after it */
	p.vendor.present = true;
	ASSERT_EQ(len + 8, nhrp_build(&p, buf, sizeof(buf)));
	EXPECT_EQ(len, buf[14] << 8 | buf[15]);
	EXPECT_EQ(0x00, buf[len]);
	EXPECT_EQ(0x08, buf[len + 1]);
	EXPECT_EQ(0x80, buf[len + 4]);
	EXPECT_EQ(0x00, buf[len + 5]);
}

TEST(checksum_odd_length)
{
	uint8_t b[] = { 0x12, 0x34, 0x56 };

	/* 0x1234 + 0x5600 = 0x6834 */
	EXPECT_EQ(0x97cb, nhrp_checksum(b, sizeof(b)));
	EXPECT_EQ(csum(b, sizeof(b)), nhrp_checksum(b, sizeof(b)));
	EXPECT_EQ(0xffff, nhrp_checksum(b, 0));
}

TEST(checksum_wrong)
{
	uint8_t b[sizeof(res_req)];
	struct nhrp_pkt p;

	memcpy(b, res_req, sizeof(b));
	b[13] ^= 1;
	EXPECT_EQ(-EBADMSG, nhrp_parse(b, sizeof(b), &p));
	EXPECT_EQ(12, p.err_offset);
	EXPECT_STREQ("checksum wrong", p.why);
	memcpy(b, res_req, sizeof(b));
	b[40] ^= 0x80;	/* a CIE's code */
	EXPECT_EQ(-EBADMSG, nhrp_parse(b, sizeof(b), &p));
	EXPECT_STREQ("checksum wrong", p.why);
}

/* one bit flipped anywhere: never accepted (the checksum sees it) */
TEST(every_bit_flip_refused)
{
	const uint8_t *pkts[] = { res_req, traffic_ind };
	const size_t lens[] = { sizeof(res_req), sizeof(traffic_ind) };
	uint8_t b[BUF];
	struct nhrp_pkt p;
	size_t i, bit, k;

	for (k = 0; k < 2; k++) {
		for (i = 0; i < lens[k]; i++) {
			for (bit = 0; bit < 8; bit++) {
				memcpy(b, pkts[k], lens[k]);
				b[i] ^= 1 << bit;
				EXPECT_NE(0, nhrp_parse(b, lens[k], &p))
					TH_LOG("byte %zu bit %zu", i, bit);
			}
		}
	}
}

/* cut short at every byte: as received, then with ar$pktsz and the
 * checksum made to agree, so that the framing checks are the ones hit
 */
TEST(truncated_at_every_offset)
{
	uint8_t b[BUF];
	struct nhrp_pkt p, s;
	size_t n, len;

	sample(&s, NHRP_RESOLUTION_REPLY, 1, 0);
	len = nhrp_build(&s, b, sizeof(b));
	ASSERT_LT(100, len);
	for (n = 0; n < len; n++)
		EXPECT_EQ(-EBADMSG, nhrp_parse(b, n, &p)) TH_LOG("%zu", n);
	for (n = 20; n < len; n++) {
		nhrp_build(&s, b, sizeof(b));
		seal(b, n);
		EXPECT_NE(0, nhrp_parse(b, n, &p)) TH_LOG("%zu", n);
	}
	for (n = 0; n < sizeof(res_req); n++) {
		memcpy(b, res_req, sizeof(res_req));
		EXPECT_EQ(-EBADMSG, nhrp_parse(b, n, &p));
		if (n < 20)
			continue;
		seal(b, n);
		EXPECT_EQ(-EBADMSG, nhrp_parse(b, n, &p)) TH_LOG("%zu", n);
	}
}

/* a Traffic Indication without extensions may quote fewer bytes */
TEST(traffic_indication_shorter_quote)
{
	uint8_t b[sizeof(traffic_ind)];
	struct nhrp_addr src, dst;
	struct nhrp_pkt p;
	size_t n;

	for (n = 40; n <= sizeof(traffic_ind); n++) {
		memcpy(b, traffic_ind, sizeof(b));
		seal(b, n);
		ASSERT_EQ(0, nhrp_parse(b, n, &p));
		EXPECT_EQ(n - 40, p.quoted_len);
		EXPECT_EQ(n >= 60 ? 0 : -EBADMSG,
			  nhrp_quoted_addrs(&p, &src, &dst));
	}
	EXPECT_TRUE(p.quoted != NULL);
	memcpy(b, traffic_ind, sizeof(b));
	seal(b, 40);
	ASSERT_EQ(0, nhrp_parse(b, 40, &p));
	EXPECT_TRUE(p.quoted == NULL);
	EXPECT_EQ(0, p.quoted_len);
	/* shorter than the addresses */
	seal(b, 39);
	EXPECT_EQ(-EBADMSG, nhrp_parse(b, 39, &p));
}

TEST(trailing_bytes_ignored)
{
	uint8_t b[BUF];
	struct nhrp_pkt p;

	memcpy(b, res_req, sizeof(res_req));
	memset(b + sizeof(res_req), 0xa5, 10);
	ASSERT_EQ(0, nhrp_parse(b, sizeof(res_req) + 10, &p));
	EXPECT_EQ(sizeof(res_req), p.len);
}

/* res_req with @n bytes at @off replaced, @extra bytes of 0 more, and
 * ar$chksum (but not ar$pktsz: its own) made right
 */
static int res_req_put(size_t off, const void *bytes, size_t n, size_t extra,
		       struct nhrp_pkt *p)
{
	uint8_t b[sizeof(res_req) + 16] = { 0 };
	size_t len = sizeof(res_req) + extra;

	memcpy(b, res_req, sizeof(res_req));
	memcpy(b + off, bytes, n);
	fixsum(b, len);
	return nhrp_parse(b, len, p);
}

static int res_req_with(size_t off, uint8_t v, struct nhrp_pkt *p)
{
	return res_req_put(off, &v, 1, 0, p);
}

TEST(unsupported)
{
	struct nhrp_pkt p;

	/* version, ar$afn, ar$pro.type, type */
	EXPECT_EQ(-EPROTONOSUPPORT, res_req_with(16, 2, &p));
	EXPECT_EQ(16, p.err_offset);
	EXPECT_EQ(-EPROTONOSUPPORT, res_req_with(16, 0, &p));
	EXPECT_EQ(-EPROTONOSUPPORT, res_req_with(1, 3, &p));	/* ar$afn */
	EXPECT_EQ(0, p.err_offset);
	EXPECT_EQ(-EPROTONOSUPPORT, res_req_with(0, 1, &p));	/* 0x0101 */
	EXPECT_EQ(-EPROTONOSUPPORT, res_req_with(3, 6, &p));	/* 0x0806 */
	EXPECT_EQ(2, p.err_offset);
	EXPECT_EQ(-EPROTONOSUPPORT, res_req_with(17, 0, &p));	/* type */
	EXPECT_EQ(17, p.err_offset);
	EXPECT_EQ(-EPROTONOSUPPORT, res_req_with(17, 9, &p));
	EXPECT_EQ(-EPROTONOSUPPORT, res_req_with(17, 128, &p));
	/* ar$pro.snap is ignored with a short-form type */
	EXPECT_EQ(0, res_req_with(6, 0x42, &p));
}

TEST(bad_lengths)
{
	struct nhrp_pkt p;

	/* ar$pktsz beyond the bytes, and short of the headers */
	EXPECT_EQ(-EBADMSG, nhrp_parse(res_req, sizeof(res_req) - 1, &p));
	EXPECT_EQ(10, p.err_offset);
	EXPECT_EQ(-EBADMSG, res_req_with(11, 27, &p));
	/* ar$extoff: inside the mandatory header, beyond the packet */
	EXPECT_EQ(-EBADMSG, res_req_with(15, 20, &p));
	EXPECT_EQ(14, p.err_offset);
	EXPECT_EQ(-EBADMSG, res_req_with(15, 65, &p));
	/* ar$extoff before the CIE's end, and inside the addresses */
	EXPECT_EQ(-EBADMSG, res_req_with(15, 48, &p));
	EXPECT_STREQ("CIE truncated", p.why);
	EXPECT_EQ(-EBADMSG, res_req_with(15, 38, &p));
	/* ar$extoff inside an extension: its bytes read as a CIE */
	EXPECT_EQ(-EBADMSG, res_req_with(15, 54, &p));
	/* address lengths: ar$shtl, E.164 bit, subaddress, protocol */
	EXPECT_EQ(-EBADMSG, res_req_with(18, 16, &p));
	EXPECT_EQ(18, p.err_offset);
	EXPECT_EQ(-EBADMSG, res_req_with(18, 0x44, &p));
	EXPECT_EQ(-EBADMSG, res_req_with(18, 0x84, &p));
	EXPECT_EQ(-EBADMSG, res_req_with(19, 4, &p));
	EXPECT_EQ(19, p.err_offset);
	EXPECT_EQ(-EBADMSG, res_req_with(20, 0, &p));
	EXPECT_EQ(20, p.err_offset);
	EXPECT_EQ(-EBADMSG, res_req_with(21, 16, &p));
	EXPECT_EQ(21, p.err_offset);
	EXPECT_EQ(-EBADMSG, res_req_with(20, 5, &p));
	/* the CIE: prefix, address lengths, subaddress */
	EXPECT_EQ(-EBADMSG, res_req_with(41, 33, &p));
	EXPECT_EQ(41, p.err_offset);
	EXPECT_EQ(0, res_req_with(41, 0xff, &p));
	EXPECT_EQ(-EBADMSG, res_req_with(48, 4, &p));	/* no room */
	EXPECT_EQ(-EBADMSG, res_req_with(48, 6, &p));
	EXPECT_EQ(48, p.err_offset);
	EXPECT_EQ(-EBADMSG, res_req_with(49, 4, &p));
	EXPECT_EQ(-EBADMSG, res_req_with(50, 16, &p));
	EXPECT_EQ(50, p.err_offset);
	EXPECT_EQ(-EBADMSG, res_req_with(48, 0x40, &p));
}

TEST(extension_framing)
{
	uint8_t b[sizeof(res_req) + 4];
	struct nhrp_pkt p;

	/* the Responder Address's length beyond the packet */
	EXPECT_EQ(-EBADMSG, res_req_with(55, 13, &p));
	EXPECT_EQ(54, p.err_offset);
	EXPECT_STREQ("extension beyond the packet", p.why);
	/* a length within it, too short for a CIE */
	EXPECT_EQ(-EBADMSG, res_req_with(55, 9, &p));
	EXPECT_STREQ("CIE truncated", p.why);
	/* End not last */
	EXPECT_EQ(-EBADMSG, res_req_with(57, 0, &p));
	EXPECT_STREQ("bytes after End extension", p.why);
	EXPECT_EQ(56, p.err_offset);
	/* End with a value (ar$pktsz 72, End's length 4), bytes after End */
	memcpy(b, res_req, sizeof(res_req));
	memset(b + 68, 0, 4);
	b[67] = 4;
	seal(b, 72);
	EXPECT_EQ(-EBADMSG, nhrp_parse(b, 72, &p));
	EXPECT_STREQ("bytes after End extension", p.why);
	EXPECT_EQ(64, p.err_offset);
	b[67] = 0;
	seal(b, 72);
	EXPECT_EQ(-EBADMSG, nhrp_parse(b, 72, &p));
	EXPECT_STREQ("bytes after End extension", p.why);
	/* no End: the last extension's type turned Vendor-Private */
	EXPECT_EQ(-EBADMSG, res_req_with(65, 8, &p));
	EXPECT_STREQ("no End extension", p.why);
	/* twice the same extension */
	EXPECT_EQ(-EBADMSG, res_req_with(57, 3, &p));
	EXPECT_STREQ("extension twice", p.why);
	EXPECT_EQ(56, p.err_offset);
	/* End without its C bit is End all the same; the u bit is ignored */
	EXPECT_EQ(0, res_req_with(64, 0, &p));
	ASSERT_EQ(0, res_req_with(56, 0xc0, &p));
	EXPECT_TRUE(p.forward.present);
	/* a known extension without its C bit is decoded all the same */
	ASSERT_EQ(0, res_req_with(56, 0x00, &p));
	EXPECT_TRUE(p.forward.present);
	/* an unknown extension: compulsory, then not */
	EXPECT_EQ(-EOPNOTSUPP, res_req_with(57, 0x21, &p));
	EXPECT_EQ(56, p.err_offset);
	EXPECT_STREQ("compulsory extension unknown", p.why);
	ASSERT_EQ(0, res_req_put(56, "\x00\x21", 2, 0, &p));
	EXPECT_EQ(1, p.n_unknown_ext);
	EXPECT_FALSE(p.forward.present);
}

TEST(unknown_extension_skipped)
{
	uint8_t b[BUF];
	struct nhrp_pkt p;
	size_t len = sizeof(res_req);

	memcpy(b, res_req, len);
	/* before End: type 0x1234 (not compulsory), 3 bytes */
	memcpy(b + len - 4, "\x12\x34\x00\x03\xaa\xbb\xcc\x80\x00\x00\x00",
	       11);
	seal(b, len + 7);
	ASSERT_EQ(0, nhrp_parse(b, len + 7, &p)) TH_LOG("%s", p.why);
	EXPECT_EQ(1, p.n_unknown_ext);
	b[len - 4] |= 0x80;
	seal(b, len + 7);
	EXPECT_EQ(-EOPNOTSUPP, nhrp_parse(b, len + 7, &p));
	EXPECT_EQ(len - 4, p.err_offset);
}

TEST(too_many_cies)
{
	uint8_t b[BUF];
	struct nhrp_pkt p;
	int len, i;

	sample(&p, NHRP_PURGE_REQUEST, 0, 0);
	p.n_cies = NHRP_MAX_CIES;
	for (i = 0; i < NHRP_MAX_CIES; i++)
		p.cie[i] = cie(AF_INET, AF_INET, i);
	no_exts(&p);
	len = nhrp_build(&p, b, sizeof(b));
	ASSERT_LT(0, len);
	ASSERT_EQ(0, nhrp_parse(b, len, &p));
	/* one CIE more, by hand: 12 bytes with no address */
	memset(b + len, 0, 12);
	b[len + 1] = 32;
	seal(b, len + 12);
	EXPECT_EQ(-E2BIG, nhrp_parse(b, len + 12, &p));
	EXPECT_EQ(len, p.err_offset);
	/* and a part too short for a CIE */
	seal(b, len + 11);
	EXPECT_EQ(-EBADMSG, nhrp_parse(b, len + 11, &p));
}

TEST(responder_one_cie)
{
	uint8_t b[BUF];
	struct nhrp_pkt p;

	sample(&p, NHRP_RESOLUTION_REPLY, 0, 0);
	p.responder.n = 2;
	p.responder.cie[1] = p.responder.cie[0];
	EXPECT_EQ(-EINVAL, nhrp_build(&p, b, sizeof(b)));
	/* written by hand: the Forward record's type turned Responder */
	p.responder.n = 0;
	p.responder.present = false;
	ASSERT_LT(0, nhrp_build(&p, b, sizeof(b)));
	ASSERT_EQ(0, nhrp_parse(b, sizeof(b), &p));
	b[p.forward.ext_off + 1] = NHRP_EXT_RESPONDER;
	seal(b, p.len);
	EXPECT_EQ(-EBADMSG, nhrp_parse(b, sizeof(b), &p));
	EXPECT_STREQ("responder address: more than one CIE", p.why);
}

/* the @i-th way to spoil a packet nhrp_build() writes; false: no more */
static bool spoil(struct nhrp_pkt *p, int i)
{
	sample(p, i < 12 ? NHRP_RESOLUTION_REQUEST : NHRP_TRAFFIC_INDICATION,
	       0, 0);
	switch (i) {
	case 0:
		p->type = 0;
		break;
	case 1:
		p->type = 9;
		break;
	case 2:
		p->afn = 3;
		break;
	case 3:
		p->proto_type = 0x0806;
		break;
	case 4:
		p->src_nbma = v6("2001:db8::1");
		break;
	case 5:
		p->dst_proto.family = AF_UNSPEC;
		break;
	case 6:
		p->cie[0].proto = v6("2001:db8::2");
		break;
	case 7:
		p->cie[0].prefix_len = 33;
		break;
	case 8:
		p->n_cies = NHRP_MAX_CIES + 1;
		break;
	case 9:
		p->forward.n = NHRP_MAX_CIES + 1;
		break;
	case 10:
		p->nat.cie[0].nbma = v6("2001:db8::3");
		break;
	case 11:
		p->auth.data = NULL;
		break;
	case 12:
		p->n_cies = 1;
		break;
	case 13:
		p->quoted = NULL;
		break;
	case 14:
		p->src_proto = v6("2001:db8::4");
		break;
	default:
		return false;
	}
	return true;
}

TEST(build_refusals)
{
	uint8_t b[BUF];
	struct nhrp_pkt p;
	int i;

	sample(&p, NHRP_RESOLUTION_REQUEST, 0, 0);
	ASSERT_LT(0, nhrp_build(&p, b, sizeof(b)));
	p.src_nbma.family = AF_UNSPEC;
	EXPECT_LT(0, nhrp_build(&p, b, sizeof(b)));
	p.quoted = quote;
	p.quoted_len = 1;
	EXPECT_EQ(-EINVAL, nhrp_build(&p, b, sizeof(b)));
	for (i = 0; spoil(&p, i); i++)
		EXPECT_EQ(-EINVAL, nhrp_build(&p, b, sizeof(b))) TH_LOG("%d", i);
	EXPECT_EQ(15, i);
}

TEST(build_sizes)
{
	static uint8_t big[NHRP_PKT_MAX + 1], out[NHRP_PKT_MAX + 1];
	uint8_t b[BUF];
	struct nhrp_pkt p;
	int len, n;

	sample(&p, NHRP_REGISTRATION_REPLY, 1, 1);
	len = nhrp_build(&p, b, sizeof(b));
	ASSERT_LT(0, len);
	for (n = 0; n < len; n++)
		EXPECT_EQ(-ENOSPC, nhrp_build(&p, b, n)) TH_LOG("%d", n);
	EXPECT_EQ(len, nhrp_build(&p, b, len));

	/* ar$pktsz is 16 bits */
	sample(&p, NHRP_ERROR_INDICATION, 0, 0);
	p.quoted = big;
	p.quoted_len = NHRP_PKT_MAX - 40;
	EXPECT_EQ(NHRP_PKT_MAX, nhrp_build(&p, out, sizeof(out)));
	p.quoted_len++;
	EXPECT_EQ(-EMSGSIZE, nhrp_build(&p, out, sizeof(out)));
}

TEST(forward_request)
{
	struct nhrp_cie self = cie(AF_INET6, AF_INET, 9);
	uint8_t b[BUF];
	struct nhrp_pkt p, q;
	int len, nlen;

	sample(&p, NHRP_RESOLUTION_REQUEST, 1, 0);
	len = nhrp_build(&p, b, sizeof(b));
	ASSERT_LT(0, len);
	nlen = nhrp_forward(b, len, sizeof(b), &self);
	ASSERT_EQ(len + 12 + 16 + 4, nlen);
	ASSERT_EQ(0, nhrp_parse(b, nlen, &q)) TH_LOG("%s", q.why);
	EXPECT_EQ(6, q.hop_count);
	ASSERT_EQ(3, q.forward.n);
	EXPECT_TRUE(cies_eq(&q.forward.cie[2], &self, 1));
	/* everything else as it was */
	q.hop_count = 7;
	q.forward.n = 2;
	EXPECT_TRUE(pkt_eq(&p, &q));
	/* the same forwarder again: a loop */
	EXPECT_EQ(-ELOOP, nhrp_forward(b, nlen, sizeof(b), &self));
	/* another one, with no room */
	self.proto = v4("10.9.9.9");
	EXPECT_EQ(-EMSGSIZE, nhrp_forward(b, nlen, nlen + 31, &self));
	ASSERT_EQ(0, nhrp_parse(b, nlen, &q));
	EXPECT_EQ(6, q.hop_count);
	EXPECT_EQ(nlen + 32, nhrp_forward(b, nlen, nlen + 32, &self));
	/* families not the packet's */
	self.proto = v6("2001:db8::9");
	EXPECT_EQ(-EINVAL, nhrp_forward(b, nlen + 32, sizeof(b), &self));
}

TEST(forward_reply_reverse_record)
{
	struct nhrp_cie self = cie(AF_INET, AF_INET6, 9);
	uint8_t b[BUF];
	struct nhrp_pkt p, q;
	int len, nlen;

	sample(&p, NHRP_PURGE_REPLY, 0, 1);
	len = nhrp_build(&p, b, sizeof(b));
	nlen = nhrp_forward(b, len, sizeof(b), &self);
	ASSERT_EQ(len + 12 + 4 + 16, nlen);
	ASSERT_EQ(0, nhrp_parse(b, nlen, &q));
	EXPECT_EQ(2, q.forward.n);
	ASSERT_EQ(1, q.reverse.n);
	EXPECT_TRUE(cies_eq(&q.reverse.cie[0], &self, 1));
	/* no record in the packet: nothing appended */
	p.reverse.present = false;
	len = nhrp_build(&p, b, sizeof(b));
	EXPECT_EQ(len, nhrp_forward(b, len, sizeof(b), &self));
	ASSERT_EQ(0, nhrp_parse(b, len, &q));
	EXPECT_EQ(6, q.hop_count);
	/* no CIE given: the hop count only */
	p.reverse.present = true;
	len = nhrp_build(&p, b, sizeof(b));
	EXPECT_EQ(len, nhrp_forward(b, len, sizeof(b), NULL));
}

TEST(forward_keeps_unknown_extensions)
{
	struct nhrp_cie self = cie(AF_INET, AF_INET, 9);
	uint8_t b[BUF];
	struct nhrp_pkt q;
	size_t len = sizeof(res_req);
	int nlen;

	memcpy(b, res_req, len);
	memcpy(b + len - 4, "\x12\x34\x00\x03\xaa\xbb\xcc\x80\x00\x00\x00",
	       11);
	len += 7;
	seal(b, len);
	nlen = nhrp_forward(b, len, sizeof(b), &self);
	ASSERT_EQ(len + 20, nlen);
	ASSERT_EQ(0, nhrp_parse(b, nlen, &q));
	EXPECT_EQ(1, q.forward.n);
	EXPECT_EQ(1, q.n_unknown_ext);
	EXPECT_EQ(15, q.hop_count);
	EXPECT_EQ(0, memcmp(b + nlen - 11,
			    "\x12\x34\x00\x03\xaa\xbb\xcc\x80\x00\x00\x00",
			    11));
	/* the bytes before the record untouched but for the header */
	EXPECT_EQ(0, memcmp(b + 14, res_req + 14, 56 - 14));
}

TEST(forward_hop_count)
{
	struct nhrp_cie self = cie(AF_INET, AF_INET, 9);
	uint8_t b[sizeof(res_req) + 64];
	struct nhrp_pkt q;

	memcpy(b, res_req, sizeof(res_req));
	b[9] = 2;
	seal(b, sizeof(res_req));
	ASSERT_LT(0, nhrp_forward(b, sizeof(res_req), sizeof(b), &self));
	ASSERT_EQ(0, nhrp_parse(b, sizeof(b), &q));
	EXPECT_EQ(1, q.hop_count);
	EXPECT_EQ(-ETIME, nhrp_forward(b, sizeof(b), sizeof(b), &self));
	b[9] = 0;
	seal(b, q.len);
	EXPECT_EQ(-ETIME, nhrp_forward(b, sizeof(b), sizeof(b), NULL));
	/* and a packet that does not parse is refused as it is */
	b[20] = 3;
	EXPECT_EQ(-EBADMSG, nhrp_forward(b, sizeof(b), sizeof(b), NULL));
	/* a Traffic Indication: the hop count only */
	memcpy(b, traffic_ind, sizeof(traffic_ind));
	b[9] = 5;
	seal(b, sizeof(traffic_ind));
	EXPECT_EQ(sizeof(traffic_ind),
		  nhrp_forward(b, sizeof(traffic_ind), sizeof(b), &self));
	EXPECT_EQ(4, b[9]);
	EXPECT_EQ(0, csum(b, sizeof(traffic_ind)));
}

TEST(forward_record_full)
{
	struct nhrp_cie self = cie(AF_INET, AF_INET, 99);
	uint8_t b[BUF];
	struct nhrp_pkt p;
	int len, i;

	sample(&p, NHRP_REGISTRATION_REQUEST, 0, 0);
	p.forward.n = NHRP_MAX_CIES;
	for (i = 0; i < NHRP_MAX_CIES; i++)
		p.forward.cie[i] = cie(AF_INET, AF_INET, 10 + i);
	len = nhrp_build(&p, b, sizeof(b));
	ASSERT_LT(0, len);
	EXPECT_EQ(-E2BIG, nhrp_forward(b, len, sizeof(b), &self));
}

TEST(traffic_indication_v6)
{
	uint8_t ip6[48] = { 0x60, 0, 0, 0, 0, 8, 58, 64 };
	struct nhrp_addr nbma = v4("192.0.2.9"), hub = v6("2001:db8::fe");
	struct nhrp_addr src, dst;
	uint8_t b[BUF];
	struct nhrp_pkt p, q;
	char s[64];
	int len;

	inet_pton(AF_INET6, "2001:db8:1::10", ip6 + 8);
	inet_pton(AF_INET6, "2001:db8:2::20", ip6 + 24);
	ASSERT_EQ(0, nhrp_traffic_indication(&p, &nbma, &hub, ip6, 48));
	EXPECT_EQ(NHRP_AFN_IPV4, p.afn);
	EXPECT_EQ(NHRP_PROTO_IPV6, p.proto_type);
	len = nhrp_build(&p, b, sizeof(b));
	ASSERT_EQ(20 + 8 + 4 + 16 + 16 + 48, len);
	ASSERT_EQ(0, nhrp_parse(b, len, &q));
	EXPECT_STREQ("2001:db8:1::10",
		     nhrp_addr_ntop(&q.dst_proto, s, sizeof(s)));
	ASSERT_EQ(0, nhrp_quoted_addrs(&q, &src, &dst));
	EXPECT_STREQ("2001:db8:2::20", nhrp_addr_ntop(&dst, s, sizeof(s)));
	/* refusals: the hub's address of the other family, short packets */
	hub = v4("10.0.0.1");
	EXPECT_EQ(-EINVAL, nhrp_traffic_indication(&p, &nbma, &hub, ip6, 48));
	hub = v6("2001:db8::fe");
	EXPECT_EQ(-EINVAL, nhrp_traffic_indication(&p, &nbma, &hub, ip6, 39));
	nbma.family = AF_UNSPEC;
	EXPECT_EQ(-EINVAL, nhrp_traffic_indication(&p, &nbma, &hub, ip6, 48));
	/* a quote of the other IP version than ar$pro.type */
	q.quoted = traffic_ind + 40;
	q.quoted_len = 28;
	EXPECT_EQ(-EBADMSG, nhrp_quoted_addrs(&q, &src, &dst));
	q.type = NHRP_ERROR_INDICATION;
	EXPECT_EQ(-EINVAL, nhrp_quoted_addrs(&q, &src, &dst));
}

TEST(names)
{
	EXPECT_STREQ("Resolution Request", nhrp_type_name(1));
	EXPECT_STREQ("Traffic Indication", nhrp_type_name(8));
	EXPECT_STREQ("unknown", nhrp_type_name(0));
	EXPECT_STREQ("unknown", nhrp_type_name(9));
	EXPECT_STREQ("no binding", nhrp_cie_code_name(NHRP_CIE_NO_BINDING));
	EXPECT_STREQ("no binding", nhrp_cie_code_name(11));
	EXPECT_STREQ("administratively prohibited", nhrp_cie_code_name(4));
	EXPECT_STREQ("unknown", nhrp_cie_code_name(1));
	EXPECT_STREQ("hop count exceeded", nhrp_error_name(15));
	EXPECT_STREQ("unknown", nhrp_error_name(2));
	EXPECT_STREQ("unknown", nhrp_error_name(1000));
	EXPECT_STREQ("Forward Transit NHS Record", nhrp_ext_name(0x8004));
	EXPECT_STREQ("NAT Address", nhrp_ext_name(9));
	EXPECT_STREQ("unknown", nhrp_ext_name(6));
}

TEST(format)
{
	struct nhrp_pkt p;
	char s[512], tiny[8];
	int n;

	ASSERT_EQ(0, nhrp_parse(res_req, sizeof(res_req), &p));
	n = nhrp_format(&p, s, sizeof(s));
	EXPECT_EQ(strlen(s), n);
	EXPECT_STREQ("Resolution Request id 16909060 flags 0x8802 hops 16 "
		     "src nbma 192.0.2.1 proto 10.0.0.1 dst 10.0.0.2 "
		     "[success/32 nbma - proto - mtu 1400 hold 7200s pref 0] "
		     "responder(0) forward(0) reverse(0)", s);
	EXPECT_EQ(n, nhrp_format(&p, tiny, sizeof(tiny)));
	EXPECT_STREQ("Resolut", tiny);
	EXPECT_EQ(n, nhrp_format(&p, NULL, 0));
	ASSERT_EQ(0, nhrp_parse(traffic_ind, sizeof(traffic_ind), &p));
	nhrp_format(&p, s, sizeof(s));
	EXPECT_STREQ("Traffic Indication hops 1 src nbma 198.51.100.1 "
		     "proto 10.0.0.254 dst 192.168.1.10 "
		     "code 0 (redirect), 28 bytes quoted", s);
}

TEST_HARNESS_MAIN
