// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the IKEv2 payload codec (user/lib/ikev2_pld.c,
 * ikev2_build.c, ikev2_names.c): round trips of every payload through the
 * writer and the parser, malformed messages built byte by byte, and the
 * messages strongSwan sent, captured in tests/data/ike.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"
#include "../lib/ikev2_pld.h"

/* big enough for an SA payload of the most proposals and transforms */
#define CAP	16384

/* a message written byte by byte, independently of the writer */
struct raw {
	uint8_t b[CAP];
	size_t len;
	size_t np;
};

static void raw_init(struct raw *r, uint8_t exchange)
{
	memset(r, 0, sizeof(*r));
	memset(r->b, 0x11, IKEV2_SPI_SIZE);	/* initiator's SPI */
	r->b[17] = IKEV2_VERSION;
	r->b[18] = exchange;
	r->b[19] = IKEV2_FLAG_INITIATOR;
	r->len = IKEV2_HDR_LEN;
	r->np = 16;
}

static void raw_bytes(struct raw *r, const void *p, size_t len)
{
	if (len)
		memcpy(r->b + r->len, p, len);
	r->len += len;
}

/* appends a payload of @type with the critical byte @crit and a body */
static void raw_pl(struct raw *r, uint8_t type, uint8_t crit,
		   const void *body, size_t len)
{
	uint8_t g[4] = { 0, crit, (uint8_t)((len + 4) >> 8),
			 (uint8_t)(len + 4) };

	r->b[r->np] = type;
	r->np = r->len;
	raw_bytes(r, g, 4);
	raw_bytes(r, body, len);
}

static int raw_parse(struct raw *r, struct ikev2_msg *m)
{
	r->b[24] = (uint8_t)(r->len >> 24);
	r->b[25] = (uint8_t)(r->len >> 16);
	r->b[26] = (uint8_t)(r->len >> 8);
	r->b[27] = (uint8_t)r->len;
	return ikev2_msg_parse(r->b, r->len, m);
}

/* a message with one payload of @type and body @body */
static int parse_one(struct raw *r, struct ikev2_msg *m, uint8_t type,
		     const void *body, size_t len)
{
	raw_init(r, IKEV2_EXCH_IKE_SA_INIT);
	raw_pl(r, type, 0, body, len);
	return raw_parse(r, m);
}

static const uint8_t zeros[512];

static const struct ikev2_header hdr = {
	.ispi = 0x0102030405060708ull,
	.rspi = 0x1112131415161718ull,
	.exchange = IKEV2_EXCH_IKE_AUTH,
	.flags = IKEV2_FLAG_INITIATOR,
	.msgid = 0x01020304,
};

FIXTURE(pld) {
	struct ikev2_writer w;
	struct ikev2_msg m;
	struct ikev2_msg m2;
	struct raw r;
	uint8_t buf[CAP];
	uint8_t buf2[CAP];
};

FIXTURE_SETUP(pld)
{
	ikev2_writer_init(&self->w, self->buf, sizeof(self->buf), &hdr);
}

FIXTURE_TEARDOWN(pld)
{
}

/* finishes the writer's message and parses it into self->m */
#define FINISH_PARSE() do {						\
	int __len = ikev2_writer_finish(&self->w);			\
	ASSERT_LT(0, __len);						\
	ASSERT_EQ(0, ikev2_msg_parse(self->buf, __len, &self->m));	\
} while (0)

#define ASSERT_SLICE(exp, exp_len, s) do {				\
	ASSERT_EQ((size_t)(exp_len), (s).len);				\
	ASSERT_EQ(0, memcmp((exp), (s).data, (exp_len)));		\
} while (0)

/* the IKE header */

TEST_F(pld, header)
{
	struct ikev2_header h;
	int len;

	len = ikev2_writer_finish(&self->w);
	ASSERT_EQ(IKEV2_HDR_LEN, len);
	ASSERT_EQ(0, ikev2_hdr_decode(self->buf, len, &h));
	EXPECT_EQ(hdr.ispi, h.ispi);
	EXPECT_EQ(hdr.rspi, h.rspi);
	EXPECT_EQ(IKEV2_PL_NONE, h.next_payload);
	EXPECT_EQ(IKEV2_VERSION, h.version);
	EXPECT_EQ(IKEV2_EXCH_IKE_AUTH, h.exchange);
	EXPECT_EQ(IKEV2_FLAG_INITIATOR, h.flags);
	EXPECT_EQ(0x01020304, h.msgid);
	EXPECT_EQ(IKEV2_HDR_LEN, h.length);
	EXPECT_EQ(0x01, self->buf[0]);
	EXPECT_EQ(0x18, self->buf[15]);
	ASSERT_EQ(0, ikev2_msg_parse(self->buf, len, &self->m));
	EXPECT_EQ(0, self->m.npl);
	EXPECT_EQ(0, self->m.present);
}

TEST_F(pld, header_minor_version_ignored)
{
	struct ikev2_header h;

	ikev2_writer_finish(&self->w);
	self->buf[17] = 0x2f;
	ASSERT_EQ(0, ikev2_hdr_decode(self->buf, IKEV2_HDR_LEN, &h));
	EXPECT_EQ(0x2f, h.version);
}

TEST_F(pld, header_major_version)
{
	struct ikev2_header h;

	ikev2_writer_finish(&self->w);
	self->buf[17] = 0x30;
	ASSERT_EQ(-EPROTONOSUPPORT, ikev2_hdr_decode(self->buf, 28, &h));
	EXPECT_EQ(hdr.ispi, h.ispi);
	self->buf[17] = 0x10;
	ASSERT_EQ(-EPROTONOSUPPORT, ikev2_msg_parse(self->buf, 28, &self->m));
}

TEST_F(pld, header_lengths)
{
	struct ikev2_header h;
	static uint8_t big[IKEV2_MSG_MAX + 1];

	ikev2_writer_finish(&self->w);
	ASSERT_EQ(-EBADMSG, ikev2_hdr_decode(self->buf, 27, &h));
	ASSERT_EQ(-EBADMSG, ikev2_hdr_decode(self->buf, 0, &h));
	/* the length field is 28, the datagram longer or shorter */
	ASSERT_EQ(-EBADMSG, ikev2_hdr_decode(self->buf, 29, &h));
	self->buf[27] = 27;
	ASSERT_EQ(-EBADMSG, ikev2_hdr_decode(self->buf, 27, &h));
	ASSERT_EQ(-EBADMSG, ikev2_hdr_decode(self->buf, 28, &h));
	/* longer than any message */
	memcpy(big, self->buf, IKEV2_HDR_LEN);
	big[24] = 0;
	big[25] = 1;
	big[26] = 0;
	big[27] = 0;
	ASSERT_EQ(-EBADMSG, ikev2_hdr_decode(big, sizeof(big), &h));
}

/* round trips of each payload */

static const struct ikev2_proposal props[] = {
	{
		.num = 1, .proto = IKEV2_PROTO_IKE, .ntrans = 4,
		.trans = {
			{ IKEV2_TRANS_ENCR, IKEV2_ENCR_AES_CBC, 256, false },
			{ IKEV2_TRANS_INTEG, IKEV2_INTEG_HMAC_SHA2_256_128 },
			{ IKEV2_TRANS_PRF, IKEV2_PRF_HMAC_SHA2_256 },
			{ IKEV2_TRANS_DH, IKEV2_DH_MODP_2048 },
		},
	}, {
		.num = 2, .proto = IKEV2_PROTO_IKE, .spi_size = 8,
		.spi = 0xa1a2a3a4a5a6a7a8ull, .ntrans = 3,
		.trans = {
			{ IKEV2_TRANS_ENCR, IKEV2_ENCR_AES_GCM_16, 128 },
			{ IKEV2_TRANS_PRF, IKEV2_PRF_HMAC_SHA2_512 },
			{ IKEV2_TRANS_DH, IKEV2_DH_CURVE25519 },
		},
	}, {
		.num = 3, .proto = IKEV2_PROTO_ESP, .spi_size = 4,
		.spi = 0xc0ffee01, .ntrans = 2,
		.trans = {
			{ IKEV2_TRANS_ENCR, IKEV2_ENCR_CHACHA20_POLY1305 },
			{ IKEV2_TRANS_ESN, IKEV2_ESN_NO },
		},
	},
};

static void check_proposal(struct __test_metadata *_metadata,
			   const struct ikev2_proposal *exp,
			   const struct ikev2_proposal *p)
{
	unsigned int i;

	EXPECT_EQ(exp->num, p->num);
	EXPECT_EQ(exp->proto, p->proto);
	EXPECT_EQ(exp->spi_size, p->spi_size);
	EXPECT_EQ(exp->spi, p->spi);
	ASSERT_EQ(exp->ntrans, p->ntrans);
	for (i = 0; i < p->ntrans; i++) {
		EXPECT_EQ(exp->trans[i].type, p->trans[i].type);
		EXPECT_EQ(exp->trans[i].id, p->trans[i].id);
		EXPECT_EQ(exp->trans[i].keylen, p->trans[i].keylen);
		EXPECT_FALSE(p->trans[i].unusable);
	}
}

TEST_F(pld, sa)
{
	unsigned int i;

	ikev2_put_sa(&self->w, props, 3);
	FINISH_PARSE();
	ASSERT_TRUE(ikev2_msg_has(&self->m, IKEV2_PL_SA));
	EXPECT_EQ(IKEV2_PL_SA, self->m.hdr.next_payload);
	ASSERT_EQ(3, self->m.sa.nprop);
	for (i = 0; i < 3; i++)
		check_proposal(_metadata, &props[i], &self->m.sa.prop[i]);
	/* proposal 1: last 2, length 8 + 12 + 8 + 8 + 8 */
	EXPECT_EQ(2, self->buf[32]);
	EXPECT_EQ(44, self->buf[35]);
}

TEST_F(pld, sa_chosen_proposal)
{
	ikev2_put_sa(&self->w, &props[1], 1);
	FINISH_PARSE();
	ASSERT_EQ(1, self->m.sa.nprop);
	check_proposal(_metadata, &props[1], &self->m.sa.prop[0]);
	EXPECT_EQ(0, self->buf[32]);	/* the last proposal */
}

TEST_F(pld, sa_max)
{
	static struct ikev2_proposal p[IKEV2_MAX_PROPOSALS];
	unsigned int i, j;

	for (i = 0; i < IKEV2_MAX_PROPOSALS; i++) {
		p[i].num = (uint8_t)(i + 1);
		p[i].proto = IKEV2_PROTO_IKE;
		p[i].ntrans = IKEV2_MAX_TRANSFORMS;
		for (j = 0; j < IKEV2_MAX_TRANSFORMS; j++) {
			p[i].trans[j].type = IKEV2_TRANS_DH;
			p[i].trans[j].id = (uint16_t)j;
		}
	}
	ikev2_put_sa(&self->w, p, IKEV2_MAX_PROPOSALS);
	FINISH_PARSE();
	ASSERT_EQ(IKEV2_MAX_PROPOSALS, self->m.sa.nprop);
	EXPECT_EQ(IKEV2_MAX_TRANSFORMS, self->m.sa.prop[15].ntrans);
	EXPECT_EQ(63, self->m.sa.prop[15].trans[63].id);
}

TEST_F(pld, ke_nonce)
{
	uint8_t pub[256], nonce[IKEV2_NONCE_MAX];

	memset(pub, 0xab, sizeof(pub));
	memset(nonce, 0xcd, sizeof(nonce));
	ikev2_put_ke(&self->w, IKEV2_DH_MODP_2048, pub, sizeof(pub));
	ikev2_put_nonce(&self->w, nonce, sizeof(nonce));
	FINISH_PARSE();
	EXPECT_EQ(IKEV2_DH_MODP_2048, self->m.ke.group);
	ASSERT_SLICE(pub, sizeof(pub), self->m.ke.data);
	ASSERT_SLICE(nonce, sizeof(nonce), self->m.nonce);
	ASSERT_EQ(2, self->m.npl);
	EXPECT_EQ(IKEV2_PL_KE, self->m.pl[0]);
	EXPECT_EQ(IKEV2_PL_NONCE, self->m.pl[1]);
	/* slices point into the buffer */
	EXPECT_EQ(self->buf + IKEV2_HDR_LEN + 8, self->m.ke.data.data);
}

TEST_F(pld, notify)
{
	const uint8_t spi[4] = { 1, 2, 3, 4 }, cookie[] = "cookie data";
	const struct ikev2_notify *n;
	unsigned int i;

	ikev2_put_notify(&self->w, 0, NULL, 0, IKEV2_N_COOKIE, cookie,
			 sizeof(cookie));
	ikev2_put_notify(&self->w, IKEV2_PROTO_ESP, spi, 4, IKEV2_N_REKEY_SA,
			 NULL, 0);
	for (i = 2; i < IKEV2_MAX_NOTIFIES; i++)
		ikev2_put_notify(&self->w, 0, NULL, 0, (uint16_t)(16384 + i),
				 NULL, 0);
	FINISH_PARSE();
	ASSERT_EQ(IKEV2_MAX_NOTIFIES, self->m.nnotify);
	n = &self->m.notify[0];
	EXPECT_EQ(0, n->proto);
	EXPECT_EQ(IKEV2_N_COOKIE, n->type);
	EXPECT_EQ(0, n->spi.len);
	ASSERT_SLICE(cookie, sizeof(cookie), n->data);
	n = &self->m.notify[1];
	EXPECT_EQ(IKEV2_PROTO_ESP, n->proto);
	EXPECT_EQ(IKEV2_N_REKEY_SA, n->type);
	ASSERT_SLICE(spi, 4, n->spi);
	EXPECT_EQ(0, n->data.len);
	EXPECT_EQ(16384 + 31, self->m.notify[31].type);
	EXPECT_EQ(&self->m.notify[1],
		  ikev2_msg_notify(&self->m, IKEV2_N_REKEY_SA));
	EXPECT_EQ(NULL, ikev2_msg_notify(&self->m, IKEV2_N_INVALID_SPI));
}

TEST_F(pld, id_auth)
{
	const uint8_t fqdn[] = "vpn.example.org", ip[4] = { 192, 0, 2, 1 };
	uint8_t mac[32];

	memset(mac, 0x5a, sizeof(mac));
	ikev2_put_id(&self->w, IKEV2_PL_IDI, IKEV2_ID_FQDN, fqdn, 15);
	ikev2_put_id(&self->w, IKEV2_PL_IDR, IKEV2_ID_IPV4_ADDR, ip, 4);
	ikev2_put_auth(&self->w, IKEV2_AUTH_SHARED_KEY_MIC, mac, sizeof(mac));
	FINISH_PARSE();
	EXPECT_EQ(IKEV2_ID_FQDN, self->m.idi.type);
	ASSERT_SLICE(fqdn, 15, self->m.idi.data);
	/* RestOfInitIDPayload: type, three reserved bytes, data */
	ASSERT_EQ(19, self->m.idi.body.len);
	EXPECT_EQ(self->buf + IKEV2_HDR_LEN + 4, self->m.idi.body.data);
	EXPECT_EQ(IKEV2_ID_FQDN, self->m.idi.body.data[0]);
	EXPECT_EQ(IKEV2_ID_IPV4_ADDR, self->m.idr.type);
	ASSERT_SLICE(ip, 4, self->m.idr.data);
	EXPECT_EQ(8, self->m.idr.body.len);
	EXPECT_EQ(IKEV2_AUTH_SHARED_KEY_MIC, self->m.auth.method);
	ASSERT_SLICE(mac, sizeof(mac), self->m.auth.data);
}

TEST_F(pld, cert_certreq_vendor_eap)
{
	const uint8_t der[] = { 0x30, 0x03, 0x02, 0x01, 0x01 };
	const uint8_t hashes[40] = { 1, [39] = 2 }, vid[] = "flexvti";
	const uint8_t eap[] = { 1, 7, 0, 9, 1, 'u', 's', 'e', 'r' };

	ikev2_put_cert(&self->w, IKEV2_PL_CERTREQ, IKEV2_CERT_X509_SIGNATURE,
		       hashes, sizeof(hashes));
	ikev2_put_cert(&self->w, IKEV2_PL_CERT, IKEV2_CERT_X509_SIGNATURE,
		       der, sizeof(der));
	ikev2_put_cert(&self->w, IKEV2_PL_CERT, IKEV2_CERT_X509_SIGNATURE,
		       der, 3);
	ikev2_put_vendor(&self->w, vid, sizeof(vid));
	ikev2_put_vendor(&self->w, vid, 0);
	ikev2_put_eap(&self->w, eap, sizeof(eap));
	FINISH_PARSE();
	ASSERT_EQ(1, self->m.ncertreq);
	EXPECT_EQ(IKEV2_CERT_X509_SIGNATURE, self->m.certreq[0].encoding);
	ASSERT_SLICE(hashes, sizeof(hashes), self->m.certreq[0].data);
	ASSERT_EQ(2, self->m.ncert);
	ASSERT_SLICE(der, sizeof(der), self->m.cert[0].data);
	ASSERT_SLICE(der, 3, self->m.cert[1].data);
	ASSERT_EQ(2, self->m.nvendor);
	ASSERT_SLICE(vid, sizeof(vid), self->m.vendor[0]);
	EXPECT_EQ(0, self->m.vendor[1].len);
	ASSERT_SLICE(eap, sizeof(eap), self->m.eap);
}

static void ts4(struct ikev2_ts *ts, const char *start, const char *end,
		uint8_t proto, uint16_t sport, uint16_t eport)
{
	memset(ts, 0, sizeof(*ts));
	ts->type = IKEV2_TS_IPV4_ADDR_RANGE;
	ts->proto = proto;
	ts->start_port = sport;
	ts->end_port = eport;
	inet_pton(AF_INET, start, &ts->start.v4);
	inet_pton(AF_INET, end, &ts->end.v4);
}

static void ts6(struct ikev2_ts *ts, const char *start, const char *end)
{
	memset(ts, 0, sizeof(*ts));
	ts->type = IKEV2_TS_IPV6_ADDR_RANGE;
	ts->end_port = 65535;
	inet_pton(AF_INET6, start, &ts->start.v6);
	inet_pton(AF_INET6, end, &ts->end.v6);
}

static void check_ts(struct __test_metadata *_metadata,
		     const struct ikev2_ts *exp, const struct ikev2_ts *ts)
{
	EXPECT_EQ(exp->type, ts->type);
	EXPECT_EQ(exp->proto, ts->proto);
	EXPECT_EQ(exp->start_port, ts->start_port);
	EXPECT_EQ(exp->end_port, ts->end_port);
	EXPECT_EQ(0, memcmp(&exp->start, &ts->start, sizeof(ts->start)));
	EXPECT_EQ(0, memcmp(&exp->end, &ts->end, sizeof(ts->end)));
}

TEST_F(pld, ts)
{
	struct ikev2_ts t[3];

	ts4(&t[0], "10.0.0.0", "10.0.0.255", 0, 0, 65535);
	ts4(&t[1], "192.0.2.7", "192.0.2.7", 17, 500, 4500);
	ts6(&t[2], "2001:db8::", "2001:db8::ffff");
	ikev2_put_ts(&self->w, IKEV2_PL_TSI, t, 3);
	ikev2_put_ts(&self->w, IKEV2_PL_TSR, &t[1], 1);
	FINISH_PARSE();
	ASSERT_EQ(3, self->m.tsi.n);
	check_ts(_metadata, &t[0], &self->m.tsi.ts[0]);
	check_ts(_metadata, &t[1], &self->m.tsi.ts[1]);
	check_ts(_metadata, &t[2], &self->m.tsi.ts[2]);
	EXPECT_EQ(0, self->m.tsi.nunknown);
	ASSERT_EQ(1, self->m.tsr.n);
	check_ts(_metadata, &t[1], &self->m.tsr.ts[0]);
}

TEST_F(pld, cp)
{
	const uint8_t addr[4] = { 10, 9, 0, 2 }, mask[4] = { 255, 255, 0, 0 };
	struct ikev2_cp_attr a[] = {
		{ IKEV2_CFG_INTERNAL_IP4_ADDRESS, { addr, 4 } },
		{ IKEV2_CFG_INTERNAL_IP4_DNS, { NULL, 0 } },
		{ IKEV2_CFG_INTERNAL_IP4_NETMASK, { mask, 4 } },
		{ 0x7fff, { NULL, 0 } },
	};
	unsigned int i;

	ikev2_put_cp(&self->w, IKEV2_CFG_REPLY, a, 4);
	FINISH_PARSE();
	EXPECT_EQ(IKEV2_CFG_REPLY, self->m.cp.type);
	ASSERT_EQ(4, self->m.cp.nattr);
	for (i = 0; i < 4; i++) {
		EXPECT_EQ(a[i].type, self->m.cp.attr[i].type);
		ASSERT_EQ(a[i].value.len, self->m.cp.attr[i].value.len);
		if (a[i].value.len)
			EXPECT_EQ(0, memcmp(a[i].value.data,
					    self->m.cp.attr[i].value.data,
					    a[i].value.len));
	}
}

TEST_F(pld, delete)
{
	const uint8_t spis[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };

	ikev2_put_delete(&self->w, IKEV2_PROTO_ESP, 4, 2, spis);
	ikev2_put_delete(&self->w, IKEV2_PROTO_IKE, 0, 0, NULL);
	FINISH_PARSE();
	ASSERT_EQ(2, self->m.ndelete);
	EXPECT_EQ(IKEV2_PROTO_ESP, self->m.del[0].proto);
	EXPECT_EQ(4, self->m.del[0].spi_size);
	EXPECT_EQ(2, self->m.del[0].nspi);
	ASSERT_SLICE(spis, 8, self->m.del[0].spis);
	EXPECT_EQ(IKEV2_PROTO_IKE, self->m.del[1].proto);
	EXPECT_EQ(0, self->m.del[1].nspi);
	EXPECT_EQ(0, self->m.del[1].spis.len);
}

/* the SK payload, as crypto_sk_seal() and crypto_sk_open() use it */
TEST_F(pld, sk)
{
	uint8_t nonce[32], id[] = "east";
	size_t sk_off, plain_len;
	int len;

	memset(nonce, 7, sizeof(nonce));
	ikev2_put_nonce(&self->w, nonce, sizeof(nonce));
	ikev2_put_sk(&self->w, 8);
	ikev2_put_id(&self->w, IKEV2_PL_IDR, IKEV2_ID_FQDN, id, 4);
	ikev2_put_notify(&self->w, 0, NULL, 0, IKEV2_N_INITIAL_CONTACT,
			 NULL, 0);
	ASSERT_EQ(-EINVAL, ikev2_writer_finish(&self->w));
	self->w.err = 0;
	ASSERT_EQ(0, ikev2_writer_sk_end(&self->w, &sk_off, &plain_len));
	EXPECT_EQ(IKEV2_HDR_LEN + 36, sk_off);
	EXPECT_EQ(12 + 8, plain_len);
	len = (int)self->w.len;
	ASSERT_EQ(sk_off + 4 + 8 + plain_len, (size_t)len);
	/* the SK header's next payload is the first inner payload */
	EXPECT_EQ(IKEV2_PL_IDR, self->buf[sk_off]);
	EXPECT_EQ(IKEV2_PL_SK, self->buf[IKEV2_HDR_LEN]);

	ASSERT_EQ(0, ikev2_msg_parse(self->buf, len, &self->m));
	ASSERT_EQ(2, self->m.npl);
	EXPECT_EQ(IKEV2_PL_SK, self->m.pl[1]);
	EXPECT_EQ(sk_off, self->m.sk.off);
	EXPECT_EQ((size_t)len - sk_off, self->m.sk.len);
	EXPECT_EQ(IKEV2_PL_IDR, self->m.sk.first);
	EXPECT_FALSE(ikev2_msg_has(&self->m, IKEV2_PL_IDR));

	ASSERT_EQ(0, ikev2_msg_parse_inner(&self->m,
					   self->buf + sk_off + 4 + 8,
					   plain_len, self->m.sk.first));
	ASSERT_EQ(4, self->m.npl);
	ASSERT_SLICE(id, 4, self->m.idr.data);
	ASSERT_EQ(1, self->m.nnotify);
	EXPECT_EQ(IKEV2_N_INITIAL_CONTACT, self->m.notify[0].type);
	ASSERT_SLICE(nonce, sizeof(nonce), self->m.nonce);
}

TEST_F(pld, sk_sealed_lengths)
{
	size_t sk_off, plain_len, len;

	ikev2_put_sk(&self->w, 16);
	ikev2_put_nonce(&self->w, zeros, 16);
	ASSERT_EQ(0, ikev2_writer_sk_end(&self->w, &sk_off, &plain_len));
	/* as if sealing added padding, pad length and a 16-byte ICV */
	len = self->w.len + 17;
	self->buf[26] = 0;
	self->buf[27] = (uint8_t)len;
	self->buf[sk_off + 3] = (uint8_t)(len - sk_off);
	ASSERT_EQ(0, ikev2_msg_parse(self->buf, len, &self->m));
	EXPECT_EQ(4 + 16 + 20 + 17, self->m.sk.len);
	EXPECT_EQ(IKEV2_PL_NONCE, self->m.sk.first);
}

TEST_F(pld, sk_empty_inner)
{
	size_t sk_off, plain_len;

	ikev2_put_sk(&self->w, 0);
	ASSERT_EQ(0, ikev2_writer_sk_end(&self->w, &sk_off, &plain_len));
	EXPECT_EQ(0, plain_len);
	ASSERT_EQ(0, ikev2_msg_parse(self->buf, self->w.len, &self->m));
	EXPECT_EQ(IKEV2_PL_NONE, self->m.sk.first);
	ASSERT_EQ(0, ikev2_msg_parse_inner(&self->m, NULL, 0, 0));
}

static const uint8_t eap_success[] = { 3, 1, 0, 4 };

/* a whole message, rebuilt from what was parsed */
TEST_F(pld, whole_message_rebuilt)
{
	uint8_t data[64];
	struct ikev2_ts t;
	struct ikev2_cp_attr a = { IKEV2_CFG_INTERNAL_IP6_ADDRESS };
	struct ikev2_writer w2;
	int len, len2;

	memset(data, 0x42, sizeof(data));
	ts4(&t, "0.0.0.0", "255.255.255.255", 0, 0, 65535);
	ikev2_put_vendor(&self->w, data, 16);
	ikev2_put_id(&self->w, IKEV2_PL_IDI, IKEV2_ID_KEY_ID, data, 5);
	ikev2_put_cert(&self->w, IKEV2_PL_CERT, 4, data, 7);
	ikev2_put_notify(&self->w, 0, NULL, 0, IKEV2_N_INITIAL_CONTACT,
			 NULL, 0);
	ikev2_put_cert(&self->w, IKEV2_PL_CERTREQ, 4, data, 20);
	ikev2_put_id(&self->w, IKEV2_PL_IDR, IKEV2_ID_FQDN, data, 3);
	ikev2_put_auth(&self->w, IKEV2_AUTH_DIGITAL_SIGNATURE, data, 64);
	ikev2_put_cp(&self->w, IKEV2_CFG_REQUEST, &a, 1);
	ikev2_put_sa(&self->w, &props[2], 1);
	ikev2_put_ts(&self->w, IKEV2_PL_TSI, &t, 1);
	ikev2_put_ts(&self->w, IKEV2_PL_TSR, &t, 1);
	ikev2_put_notify(&self->w, 0, NULL, 0, IKEV2_N_USE_TRANSPORT_MODE,
			 NULL, 0);
	ikev2_put_delete(&self->w, IKEV2_PROTO_ESP, 4, 1, data);
	ikev2_put_ke(&self->w, IKEV2_DH_ECP_256, data, 64);
	ikev2_put_nonce(&self->w, data, 32);
	ikev2_put_eap(&self->w, eap_success, sizeof(eap_success));
	len = ikev2_writer_finish(&self->w);
	ASSERT_LT(0, len);
	ASSERT_EQ(0, ikev2_msg_parse(self->buf, len, &self->m));
	ASSERT_EQ(16, self->m.npl);

	ikev2_writer_init(&w2, self->buf2, sizeof(self->buf2), &self->m.hdr);
	ikev2_put_parsed(&w2, &self->m);
	len2 = ikev2_writer_finish(&w2);
	ASSERT_EQ(len, len2);
	EXPECT_EQ(0, memcmp(self->buf, self->buf2, len));
}

/* the writer's errors */

TEST_F(pld, writer_overflow)
{
	uint8_t nonce[IKEV2_NONCE_MAX] = { 0 };
	struct ikev2_writer w;
	size_t cap;

	for (cap = 0; cap < IKEV2_HDR_LEN + 4 + 256; cap++) {
		ikev2_writer_init(&w, self->buf, cap, &hdr);
		ikev2_put_nonce(&w, nonce, sizeof(nonce));
		ASSERT_EQ(-EMSGSIZE, ikev2_writer_finish(&w));
		ASSERT_LE(w.len, cap);
	}
	ikev2_writer_init(&w, self->buf, cap, &hdr);
	ikev2_put_nonce(&w, nonce, sizeof(nonce));
	ASSERT_EQ(cap, ikev2_writer_finish(&w));
}

/* each puts something the writer refuses */
static void bad_nonce_short(struct ikev2_writer *w)
{
	ikev2_put_nonce(w, zeros, 15);
}

static void bad_nonce_long(struct ikev2_writer *w)
{
	ikev2_put_nonce(w, zeros, 257);
}

static void bad_sa_empty(struct ikev2_writer *w)
{
	ikev2_put_sa(w, props, 0);
}

static void bad_sa_spi_size(struct ikev2_writer *w)
{
	struct ikev2_proposal p = props[0];

	p.spi_size = 5;
	ikev2_put_sa(w, &p, 1);
}

static void bad_sa_no_transform(struct ikev2_writer *w)
{
	struct ikev2_proposal p = props[0];

	p.ntrans = 0;
	ikev2_put_sa(w, &p, 1);
}

static void bad_ts_type(struct ikev2_writer *w)
{
	const struct ikev2_ts t = { .type = 9 };

	ikev2_put_ts(w, IKEV2_PL_TSI, &t, 1);
}

static void bad_ts_none(struct ikev2_writer *w)
{
	ikev2_put_ts(w, IKEV2_PL_TSI, NULL, 0);
}

static void bad_ts_payload(struct ikev2_writer *w)
{
	const struct ikev2_ts t = { .type = IKEV2_TS_IPV4_ADDR_RANGE };

	ikev2_put_ts(w, IKEV2_PL_SA, &t, 1);
}

static void bad_cp_attr(struct ikev2_writer *w)
{
	const struct ikev2_cp_attr a = { 0x8000 };

	ikev2_put_cp(w, IKEV2_CFG_REQUEST, &a, 1);
}

static void bad_notify_spi(struct ikev2_writer *w)
{
	ikev2_put_notify(w, 0, zeros, 256, 1, NULL, 0);
}

static void bad_id_payload(struct ikev2_writer *w)
{
	ikev2_put_id(w, IKEV2_PL_AUTH, IKEV2_ID_FQDN, (const uint8_t *)"a",
		     1);
}

static void bad_cert_payload(struct ikev2_writer *w)
{
	ikev2_put_cert(w, IKEV2_PL_SA, 4, (const uint8_t *)"a", 1);
}

static void bad_eap_length(struct ikev2_writer *w)
{
	ikev2_put_eap(w, (const uint8_t *)"\1\1\0\5", 4);
}

static void bad_ke_empty(struct ikev2_writer *w)
{
	ikev2_put_ke(w, IKEV2_DH_ECP_256, NULL, 0);
}

static void bad_sk_twice(struct ikev2_writer *w)
{
	ikev2_put_sk(w, 8);
	ikev2_put_sk(w, 8);
}

TEST_F(pld, writer_bad_arguments)
{
	static void (*const bad[])(struct ikev2_writer *w) = {
		bad_nonce_short, bad_nonce_long, bad_sa_empty,
		bad_sa_spi_size, bad_sa_no_transform, bad_ts_type,
		bad_ts_none, bad_ts_payload, bad_cp_attr, bad_notify_spi,
		bad_id_payload, bad_cert_payload, bad_eap_length,
		bad_ke_empty, bad_sk_twice,
	};
	size_t o, l;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		ikev2_writer_init(&self->w, self->buf, CAP, &hdr);
		bad[i](&self->w);
		EXPECT_EQ(-EINVAL, ikev2_writer_finish(&self->w)) {
			TH_LOG("case %u", i);
		}
	}
	ikev2_writer_init(&self->w, self->buf, CAP, &hdr);
	ASSERT_EQ(-EINVAL, ikev2_writer_sk_end(&self->w, &o, &l));
}

/* a payload or a message too long for its length field */
TEST(writer_too_long)
{
	static uint8_t buf[IKEV2_MSG_MAX + 1000], data[65536];
	struct ikev2_writer w;

	/* a payload of 65536 bytes */
	ikev2_writer_init(&w, buf, sizeof(buf), &hdr);
	ikev2_put_vendor(&w, data, 65536 - 4);
	ASSERT_EQ(-EMSGSIZE, ikev2_writer_finish(&w));
	/* a message of 28 + 65535 bytes */
	ikev2_writer_init(&w, buf, sizeof(buf), &hdr);
	ikev2_put_vendor(&w, data, 65535 - 4);
	ASSERT_EQ(-EMSGSIZE, ikev2_writer_finish(&w));
	/* a message of 65535 bytes */
	ikev2_writer_init(&w, buf, sizeof(buf), &hdr);
	ikev2_put_vendor(&w, data, 40000);
	ikev2_put_vendor(&w, data, 65535 - 28 - 40004 - 4);
	ASSERT_EQ(IKEV2_MSG_MAX, ikev2_writer_finish(&w));
}

/* malformed messages: the generic payload header and the chain */

TEST_F(pld, payload_length_below_4)
{
	raw_init(&self->r, IKEV2_EXCH_IKE_SA_INIT);
	raw_pl(&self->r, IKEV2_PL_VENDOR, 0, "abc", 3);
	self->r.b[IKEV2_HDR_LEN + 3] = 3;
	ASSERT_EQ(-EBADMSG, raw_parse(&self->r, &self->m));
	EXPECT_EQ(IKEV2_PL_VENDOR, self->m.err_payload);
}

TEST_F(pld, payload_past_the_end)
{
	raw_init(&self->r, IKEV2_EXCH_IKE_SA_INIT);
	raw_pl(&self->r, IKEV2_PL_VENDOR, 0, "abc", 3);
	self->r.b[IKEV2_HDR_LEN + 3] = 8;
	ASSERT_EQ(-EBADMSG, raw_parse(&self->r, &self->m));
	/* a chain announcing one more payload than there is */
	raw_init(&self->r, IKEV2_EXCH_IKE_SA_INIT);
	raw_pl(&self->r, IKEV2_PL_VENDOR, 0, "abc", 3);
	self->r.b[IKEV2_HDR_LEN] = IKEV2_PL_VENDOR;
	ASSERT_EQ(-EBADMSG, raw_parse(&self->r, &self->m));
	/* a generic header cut short */
	raw_bytes(&self->r, "\0\0", 2);
	ASSERT_EQ(-EBADMSG, raw_parse(&self->r, &self->m));
}

TEST_F(pld, trailing_bytes)
{
	raw_init(&self->r, IKEV2_EXCH_IKE_SA_INIT);
	raw_pl(&self->r, IKEV2_PL_VENDOR, 0, "abc", 3);
	raw_bytes(&self->r, "x", 1);
	ASSERT_EQ(-EBADMSG, raw_parse(&self->r, &self->m));
	/* bytes after a header whose next payload is none */
	raw_init(&self->r, IKEV2_EXCH_IKE_SA_INIT);
	raw_bytes(&self->r, "\0\0\0\4", 4);
	ASSERT_EQ(-EBADMSG, raw_parse(&self->r, &self->m));
}

TEST_F(pld, unknown_payloads)
{
	raw_init(&self->r, IKEV2_EXCH_IKE_SA_INIT);
	raw_pl(&self->r, 49, 0, "skip me", 7);
	raw_pl(&self->r, IKEV2_PL_VENDOR, 0, "abc", 3);
	raw_pl(&self->r, 200, 0x7f, "", 0);
	ASSERT_EQ(0, raw_parse(&self->r, &self->m));
	ASSERT_EQ(1, self->m.npl);
	ASSERT_EQ(1, self->m.nvendor);

	raw_pl(&self->r, 99, IKEV2_CRITICAL, "x", 1);
	ASSERT_EQ(-EOPNOTSUPP, raw_parse(&self->r, &self->m));
	EXPECT_EQ(99, self->m.unsupported_critical);
	EXPECT_EQ(99, self->m.err_payload);
}

TEST_F(pld, known_payload_critical_bit_ignored)
{
	raw_init(&self->r, IKEV2_EXCH_IKE_SA_INIT);
	raw_pl(&self->r, IKEV2_PL_VENDOR, IKEV2_CRITICAL | 0x7f, "abc", 3);
	ASSERT_EQ(0, raw_parse(&self->r, &self->m));
	ASSERT_EQ(1, self->m.nvendor);
}

static const uint8_t id_body[] = { IKEV2_ID_FQDN, 0, 0, 0, 'a' };
static const uint8_t nonce_body[16];
static const uint8_t ke_body[] = { 0, 19, 0, 0, 1 };
static const uint8_t ts_body[] = { 1, 0, 0, 0, 7, 0, 0, 16, 0, 0, 255, 255,
				   10, 0, 0, 0, 10, 0, 0, 255 };
static const uint8_t sa_body[] = { 0, 0, 0, 16, 1, 1, 0, 1,
				   0, 0, 0, 8, 4, 0, 0, 19 };
static const uint8_t cp_body[] = { 1, 0, 0, 0 };
static const uint8_t auth_body[] = { 2, 0, 0, 0, 1 };

static const struct {
	uint8_t type;
	const uint8_t *body;
	size_t len;
} once[] = {
	{ IKEV2_PL_SA, sa_body, sizeof(sa_body) },
	{ IKEV2_PL_KE, ke_body, sizeof(ke_body) },
	{ IKEV2_PL_IDI, id_body, sizeof(id_body) },
	{ IKEV2_PL_IDR, id_body, sizeof(id_body) },
	{ IKEV2_PL_AUTH, auth_body, sizeof(auth_body) },
	{ IKEV2_PL_NONCE, nonce_body, sizeof(nonce_body) },
	{ IKEV2_PL_TSI, ts_body, sizeof(ts_body) },
	{ IKEV2_PL_TSR, ts_body, sizeof(ts_body) },
	{ IKEV2_PL_CP, cp_body, sizeof(cp_body) },
	{ IKEV2_PL_EAP, eap_success, sizeof(eap_success) },
};

TEST_F(pld, duplicates)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(once); i++) {
		raw_init(&self->r, IKEV2_EXCH_IKE_AUTH);
		raw_pl(&self->r, once[i].type, 0, once[i].body, once[i].len);
		ASSERT_EQ(0, raw_parse(&self->r, &self->m)) {
			TH_LOG("%s", ikev2_payload_name(once[i].type));
		}
		ASSERT_TRUE(ikev2_msg_has(&self->m, once[i].type));
		raw_pl(&self->r, IKEV2_PL_NOTIFY, 0, "\0\0\100\0", 4);
		raw_pl(&self->r, once[i].type, 0, once[i].body, once[i].len);
		ASSERT_EQ(-EBADMSG, raw_parse(&self->r, &self->m)) {
			TH_LOG("%s", ikev2_payload_name(once[i].type));
		}
		EXPECT_EQ(once[i].type, self->m.err_payload);
	}
}

TEST_F(pld, duplicate_across_outer_and_inner)
{
	size_t sk_off, plain_len;
	uint8_t nonce[16] = { 0 };

	ikev2_put_nonce(&self->w, nonce, 16);
	ikev2_put_sk(&self->w, 0);
	ikev2_put_nonce(&self->w, nonce, 16);
	ASSERT_EQ(0, ikev2_writer_sk_end(&self->w, &sk_off, &plain_len));
	ASSERT_EQ(0, ikev2_msg_parse(self->buf, self->w.len, &self->m));
	ASSERT_EQ(-EBADMSG,
		  ikev2_msg_parse_inner(&self->m, self->buf + sk_off + 4,
					plain_len, self->m.sk.first));
}

TEST_F(pld, sk_must_be_last)
{
	raw_init(&self->r, IKEV2_EXCH_IKE_AUTH);
	raw_pl(&self->r, IKEV2_PL_SK, 0, "12345678", 8);
	ASSERT_EQ(0, raw_parse(&self->r, &self->m));
	raw_bytes(&self->r, "x", 1);
	ASSERT_EQ(-EBADMSG, raw_parse(&self->r, &self->m));
	EXPECT_EQ(IKEV2_PL_SK, self->m.err_payload);

	raw_init(&self->r, IKEV2_EXCH_IKE_AUTH);
	raw_pl(&self->r, IKEV2_PL_SKF, 0, "\0\1\0\1iv", 6);
	raw_bytes(&self->r, "x", 1);
	ASSERT_EQ(-EBADMSG, raw_parse(&self->r, &self->m));
}

TEST_F(pld, no_sk_inside_sk)
{
	const uint8_t inner[] = { 0, 0, 0, 8, 1, 2, 3, 4 };

	ASSERT_EQ(-EBADMSG, ikev2_msg_parse_inner(&self->m, inner,
						  sizeof(inner), IKEV2_PL_SK));
	ASSERT_EQ(-EBADMSG, ikev2_msg_parse_inner(&self->m, inner,
						  sizeof(inner),
						  IKEV2_PL_SKF));
	memset(&self->m, 0, sizeof(self->m));
	ASSERT_EQ(0, ikev2_msg_parse_inner(&self->m, inner, sizeof(inner),
					   IKEV2_PL_VENDOR));
	ASSERT_EQ(1, self->m.nvendor);
	/* the inner chain must fill the plaintext */
	ASSERT_EQ(-EBADMSG, ikev2_msg_parse_inner(&self->m, inner,
						  sizeof(inner), 0));
}

TEST_F(pld, skf)
{
	raw_init(&self->r, IKEV2_EXCH_IKE_AUTH);
	raw_pl(&self->r, IKEV2_PL_SKF, 0, "\0\2\0\3ivdata", 10);
	self->r.b[self->r.np] = IKEV2_PL_IDI;
	ASSERT_EQ(0, raw_parse(&self->r, &self->m));
	EXPECT_EQ(IKEV2_HDR_LEN, self->m.skf.off);
	EXPECT_EQ(14, self->m.skf.len);
	EXPECT_EQ(IKEV2_PL_IDI, self->m.skf.first);
	EXPECT_EQ(2, self->m.skf.num);
	EXPECT_EQ(3, self->m.skf.total);

	self->r.b[IKEV2_HDR_LEN + 5] = 0;	/* number 0 */
	ASSERT_EQ(-EBADMSG, raw_parse(&self->r, &self->m));
	self->r.b[IKEV2_HDR_LEN + 5] = 4;	/* 4 of 3 */
	ASSERT_EQ(-EBADMSG, raw_parse(&self->r, &self->m));
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_SKF,
				      "\0\1\0", 3));
}

/* malformed payload bodies */

TEST_F(pld, nonce_lengths)
{
	uint8_t n[IKEV2_NONCE_MAX + 1] = { 0 };

	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_NONCE,
				      n, IKEV2_NONCE_MIN - 1));
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_NONCE,
				      n, IKEV2_NONCE_MAX + 1));
	ASSERT_EQ(0, parse_one(&self->r, &self->m, IKEV2_PL_NONCE, n,
			       IKEV2_NONCE_MIN));
	ASSERT_EQ(0, parse_one(&self->r, &self->m, IKEV2_PL_NONCE, n,
			       IKEV2_NONCE_MAX));
}

TEST_F(pld, short_bodies)
{
	static const uint8_t types[] = {
		IKEV2_PL_KE, IKEV2_PL_IDI, IKEV2_PL_IDR, IKEV2_PL_AUTH,
		IKEV2_PL_NOTIFY, IKEV2_PL_DELETE, IKEV2_PL_TSI, IKEV2_PL_TSR,
		IKEV2_PL_CP, IKEV2_PL_EAP, IKEV2_PL_SA,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		EXPECT_EQ(-EBADMSG, parse_one(&self->r, &self->m, types[i],
					      "\1\1\1", 3)) {
			TH_LOG("%s", ikev2_payload_name(types[i]));
		}
	}
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_CERT,
				      NULL, 0));
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_CERTREQ,
				      NULL, 0));
	/* a KE without data */
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_KE,
				      ke_body, 4));
	/* IDs, AUTH and CERT with empty data are syntactically fine */
	ASSERT_EQ(0, parse_one(&self->r, &self->m, IKEV2_PL_IDI, id_body, 4));
	ASSERT_EQ(0, parse_one(&self->r, &self->m, IKEV2_PL_CERT, "\4", 1));
}

TEST_F(pld, notify_spi_size)
{
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_NOTIFY,
				      "\3\4\100\0abc", 7));
	ASSERT_EQ(0, parse_one(&self->r, &self->m, IKEV2_PL_NOTIFY,
			       "\3\4\100\0abcd", 8));
	ASSERT_EQ(4, self->m.notify[0].spi.len);
	EXPECT_EQ(0, self->m.notify[0].data.len);
}

TEST_F(pld, too_many_notifies)
{
	unsigned int i;

	raw_init(&self->r, IKEV2_EXCH_IKE_SA_INIT);
	for (i = 0; i < IKEV2_MAX_NOTIFIES; i++)
		raw_pl(&self->r, IKEV2_PL_NOTIFY, 0, "\0\0\100\0", 4);
	ASSERT_EQ(0, raw_parse(&self->r, &self->m));
	raw_pl(&self->r, IKEV2_PL_NOTIFY, 0, "\0\0\100\0", 4);
	ASSERT_EQ(-E2BIG, raw_parse(&self->r, &self->m));
}

TEST_F(pld, too_many_of_a_kind)
{
	static const uint8_t types[] = {
		IKEV2_PL_CERT, IKEV2_PL_CERTREQ, IKEV2_PL_DELETE,
		IKEV2_PL_VENDOR,
	};
	static const unsigned int max[] = {
		IKEV2_MAX_CERTS, IKEV2_MAX_CERTS, IKEV2_MAX_DELETES,
		IKEV2_MAX_VENDORS,
	};
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		raw_init(&self->r, IKEV2_EXCH_IKE_AUTH);
		for (j = 0; j < max[i]; j++)
			raw_pl(&self->r, types[i], 0, "\1\0\0\0", 4);
		ASSERT_EQ(0, raw_parse(&self->r, &self->m));
		raw_pl(&self->r, types[i], 0, "\1\0\0\0", 4);
		ASSERT_EQ(-E2BIG, raw_parse(&self->r, &self->m));
	}
}

TEST_F(pld, too_many_payloads)
{
	static const struct {
		uint8_t type;
		unsigned int n;
	} fill[] = {
		{ IKEV2_PL_NOTIFY, IKEV2_MAX_NOTIFIES },
		{ IKEV2_PL_VENDOR, IKEV2_MAX_VENDORS },
		{ IKEV2_PL_CERT, IKEV2_MAX_CERTS },
		{ IKEV2_PL_CERTREQ, IKEV2_MAX_CERTS },
	};
	unsigned int i, j;

	/* as many payloads as allowed, each kind within its own limit */
	raw_init(&self->r, IKEV2_EXCH_IKE_AUTH);
	for (i = 0; i < ARRAY_SIZE(fill); i++)
		for (j = 0; j < fill[i].n; j++)
			raw_pl(&self->r, fill[i].type, 0, "\1\0\0\0", 4);
	ASSERT_EQ(0, raw_parse(&self->r, &self->m));
	ASSERT_EQ(IKEV2_MAX_PAYLOADS, self->m.npl);
	raw_pl(&self->r, IKEV2_PL_DELETE, 0, "\1\0\0\0", 4);
	ASSERT_EQ(-E2BIG, raw_parse(&self->r, &self->m));
}

TEST_F(pld, delete_sizes)
{
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_DELETE,
				      "\3\4\0\2abcdefg", 11));
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_DELETE,
				      "\3\4\0\2abcdefghi", 13));
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_DELETE,
				      "\1\0\0\0x", 5));
	ASSERT_EQ(0, parse_one(&self->r, &self->m, IKEV2_PL_DELETE,
			       "\3\4\0\2abcdefgh", 12));
	EXPECT_EQ(2, self->m.del[0].nspi);
}

TEST_F(pld, eap_length)
{
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_EAP,
				      "\3\1\0\5", 4));
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_EAP,
				      "\1\1\0\4x", 5));
}

/* a selector of @type and length @len, zeroes after its header */
static size_t ts_sel(uint8_t *b, uint8_t type, size_t len)
{
	memset(b, 0, len < 4 ? 4 : len);
	b[0] = type;
	b[2] = (uint8_t)(len >> 8);
	b[3] = (uint8_t)len;
	return len < 4 ? 4 : len;
}

/* a TS body: count, reserved, then @n selectors as ts_sel() */
static size_t ts_payload(uint8_t *b, unsigned int n, uint8_t type,
			 size_t sel_len)
{
	size_t len = 4;
	unsigned int i;

	memset(b, 0, 4);
	b[0] = (uint8_t)n;
	for (i = 0; i < n; i++)
		len += ts_sel(b + len, type, sel_len);
	return len;
}

TEST_F(pld, ts_lengths)
{
	uint8_t b[1024];
	size_t len;

	len = ts_payload(b, 1, IKEV2_TS_IPV4_ADDR_RANGE, 16);
	ASSERT_EQ(0, parse_one(&self->r, &self->m, IKEV2_PL_TSI, b, len));
	len = ts_payload(b, 1, IKEV2_TS_IPV4_ADDR_RANGE, 40);
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_TSI, b,
				      len));
	len = ts_payload(b, 1, IKEV2_TS_IPV6_ADDR_RANGE, 16);
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_TSR, b,
				      len));
	len = ts_payload(b, 1, IKEV2_TS_IPV6_ADDR_RANGE, 40);
	ASSERT_EQ(0, parse_one(&self->r, &self->m, IKEV2_PL_TSR, b, len));
	/* a count of 2 with one selector, and of 1 with two */
	b[0] = 2;
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_TSR, b,
				      len));
	len = ts_payload(b, 2, IKEV2_TS_IPV4_ADDR_RANGE, 16);
	b[0] = 1;
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_TSI, b,
				      len));
	/* no selector */
	len = ts_payload(b, 0, IKEV2_TS_IPV4_ADDR_RANGE, 16);
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_TSI, b,
				      len));
	/* a selector length below its header */
	len = ts_payload(b, 1, 9, 3);
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_TSI, b,
				      len));
	/* too many */
	len = ts_payload(b, IKEV2_MAX_TS, IKEV2_TS_IPV4_ADDR_RANGE, 16);
	ASSERT_EQ(0, parse_one(&self->r, &self->m, IKEV2_PL_TSI, b, len));
	ASSERT_EQ(IKEV2_MAX_TS, self->m.tsi.n);
	len = ts_payload(b, IKEV2_MAX_TS + 1, IKEV2_TS_IPV4_ADDR_RANGE, 16);
	ASSERT_EQ(-E2BIG, parse_one(&self->r, &self->m, IKEV2_PL_TSI, b,
				    len));
}

TEST_F(pld, ts_unknown_type)
{
	uint8_t b[128];
	size_t len;

	/* an IPv4 range, a type-10 selector of 12 bytes, an IPv6 range */
	len = ts_payload(b, 1, IKEV2_TS_IPV4_ADDR_RANGE, 16);
	len += ts_sel(b + len, 10, 12);
	len += ts_sel(b + len, IKEV2_TS_IPV6_ADDR_RANGE, 40);
	b[0] = 3;
	ASSERT_EQ(0, parse_one(&self->r, &self->m, IKEV2_PL_TSI, b, len));
	ASSERT_EQ(2, self->m.tsi.n);
	EXPECT_EQ(IKEV2_TS_IPV4_ADDR_RANGE, self->m.tsi.ts[0].type);
	EXPECT_EQ(IKEV2_TS_IPV6_ADDR_RANGE, self->m.tsi.ts[1].type);
	EXPECT_EQ(1, self->m.tsi.nunknown);
	EXPECT_EQ(10, self->m.tsi.unknown_type);
}

TEST_F(pld, cp_attributes)
{
	uint8_t b[4 + 4 * (IKEV2_MAX_CP_ATTRS + 1)] = { 1 };
	unsigned int i;

	for (i = 0; i <= IKEV2_MAX_CP_ATTRS; i++)
		b[4 + 4 * i + 1] = (uint8_t)i;
	b[4] = 0x80;	/* the reserved bit */
	ASSERT_EQ(0, parse_one(&self->r, &self->m, IKEV2_PL_CP, b,
			       sizeof(b) - 4));
	ASSERT_EQ(IKEV2_MAX_CP_ATTRS, self->m.cp.nattr);
	EXPECT_EQ(0, self->m.cp.attr[0].type);
	EXPECT_EQ(5, self->m.cp.attr[5].type);
	EXPECT_EQ(0, self->m.cp.attr[5].value.len);
	ASSERT_EQ(-E2BIG, parse_one(&self->r, &self->m, IKEV2_PL_CP, b,
				    sizeof(b)));
	/* an attribute running past the payload, and one cut short */
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_CP,
				      "\1\0\0\0\0\1\0\4abc", 11));
	ASSERT_EQ(-EBADMSG, parse_one(&self->r, &self->m, IKEV2_PL_CP,
				      "\1\0\0\0\0\1\0", 7));
	ASSERT_EQ(0, parse_one(&self->r, &self->m, IKEV2_PL_CP,
			       "\1\0\0\0\0\1\0\4abcd", 12));
	ASSERT_SLICE("abcd", 4, self->m.cp.attr[0].value);
}

/* SA bodies: proposal and transform substructures, attributes */

struct sa_bytes {
	uint8_t b[1024];
	size_t len;
	size_t prop;	/* offset of the proposal being written */
};

static void sa_prop(struct sa_bytes *s, uint8_t last, uint8_t spi_size,
		    uint8_t ntrans)
{
	uint8_t *p = s->b + s->len;

	s->prop = s->len;
	memset(p, 0, 8 + spi_size);
	p[0] = last;
	p[4] = 1;
	p[5] = IKEV2_PROTO_IKE;
	p[6] = spi_size;
	p[7] = ntrans;
	s->len += 8 + spi_size;
}

static void sa_trans(struct sa_bytes *s, uint8_t last, uint8_t type,
		     uint16_t id, const void *attrs, size_t alen)
{
	uint8_t *p = s->b + s->len;
	size_t plen;

	p[0] = last;
	p[1] = 0;
	p[2] = (uint8_t)((8 + alen) >> 8);
	p[3] = (uint8_t)(8 + alen);
	p[4] = type;
	p[5] = 0;
	p[6] = (uint8_t)(id >> 8);
	p[7] = (uint8_t)id;
	if (alen)
		memcpy(p + 8, attrs, alen);
	s->len += 8 + alen;
	plen = s->len - s->prop;
	s->b[s->prop + 2] = (uint8_t)(plen >> 8);
	s->b[s->prop + 3] = (uint8_t)plen;
}

#define PARSE_SA(s) parse_one(&self->r, &self->m, IKEV2_PL_SA, (s).b, (s).len)

TEST_F(pld, sa_attributes)
{
	struct sa_bytes s = { .len = 0 };
	struct ikev2_transform *t = self->m.sa.prop[0].trans;

	sa_prop(&s, 0, 0, 6);
	sa_trans(&s, 3, IKEV2_TRANS_ENCR, 12, "\x80\x0e\x01\x00", 4);
	/* an unknown TV attribute */
	sa_trans(&s, 3, IKEV2_TRANS_ENCR, 12, "\x80\x0f\x01\x00", 4);
	/* an unknown TLV attribute */
	sa_trans(&s, 3, IKEV2_TRANS_ENCR, 12, "\x00\x10\x00\x02xy", 6);
	/* the key length twice, and as 0 */
	sa_trans(&s, 3, IKEV2_TRANS_ENCR, 12,
		 "\x80\x0e\x00\x80\x80\x0e\x01\x00", 8);
	sa_trans(&s, 3, IKEV2_TRANS_ENCR, 12, "\x80\x0e\x00\x00", 4);
	/* the key length as TLV */
	sa_trans(&s, 0, IKEV2_TRANS_ENCR, 12, "\x00\x0e\x00\x02\x01\x00", 6);
	ASSERT_EQ(0, PARSE_SA(s));
	ASSERT_EQ(6, self->m.sa.prop[0].ntrans);
	EXPECT_EQ(256, t[0].keylen);
	EXPECT_FALSE(t[0].unusable);
	EXPECT_TRUE(t[1].unusable);
	EXPECT_TRUE(t[2].unusable);
	EXPECT_TRUE(t[3].unusable);
	EXPECT_TRUE(t[4].unusable);
	EXPECT_TRUE(t[5].unusable);
	EXPECT_EQ(12, t[5].id);
}

TEST_F(pld, sa_malformed)
{
	struct sa_bytes s;
	int i;

	for (i = 0; i < 14; i++) {
		memset(&s, 0, sizeof(s));
		switch (i) {
		case 0:		/* "more" on the last proposal */
			sa_prop(&s, 2, 0, 1);
			sa_trans(&s, 0, 1, 12, NULL, 0);
			break;
		case 1:		/* "last" with a proposal after it */
			sa_prop(&s, 0, 0, 1);
			sa_trans(&s, 0, 1, 12, NULL, 0);
			sa_prop(&s, 0, 0, 1);
			sa_trans(&s, 0, 1, 12, NULL, 0);
			break;
		case 2:		/* an SPI of 5 bytes */
			sa_prop(&s, 0, 5, 1);
			sa_trans(&s, 0, 1, 12, NULL, 0);
			break;
		case 3:		/* one transform more than announced */
			sa_prop(&s, 0, 0, 1);
			sa_trans(&s, 3, 1, 12, NULL, 0);
			sa_trans(&s, 0, 1, 12, NULL, 0);
			break;
		case 4:		/* one less */
			sa_prop(&s, 0, 0, 2);
			sa_trans(&s, 0, 1, 12, NULL, 0);
			break;
		case 5:		/* "more" on the last transform */
			sa_prop(&s, 0, 0, 1);
			sa_trans(&s, 3, 1, 12, NULL, 0);
			break;
		case 6:		/* no transform */
			sa_prop(&s, 0, 0, 0);
			s.b[3] = 8;
			break;
		case 7:		/* a transform shorter than its header */
			sa_prop(&s, 0, 0, 1);
			sa_trans(&s, 0, 1, 12, NULL, 0);
			s.b[11] = 7;
			break;
		case 8:		/* an attribute past the transform */
			sa_prop(&s, 0, 0, 1);
			sa_trans(&s, 0, 1, 12, "\x00\x10\x00\x08xy", 6);
			break;
		case 9:		/* half an attribute */
			sa_prop(&s, 0, 0, 1);
			sa_trans(&s, 0, 1, 12, "\x80\x0e", 2);
			break;
		case 10:	/* a proposal length below its header */
			sa_prop(&s, 0, 0, 1);
			sa_trans(&s, 0, 1, 12, NULL, 0);
			s.b[3] = 7;
			break;
		case 11:	/* the SPI past the proposal */
			sa_prop(&s, 0, 8, 1);
			s.b[3] = 8;
			s.len = 8;
			break;
		case 12:	/* no proposal */
			break;
		case 13:	/* half a transform */
			sa_prop(&s, 0, 0, 1);
			s.len += 4;
			s.b[3] = 12;
			break;
		}
		EXPECT_EQ(-EBADMSG, PARSE_SA(s)) {
			TH_LOG("case %d", i);
		}
	}
}

TEST_F(pld, sa_limits)
{
	struct sa_bytes s = { .len = 0 };
	unsigned int i;

	sa_prop(&s, 0, 0, IKEV2_MAX_TRANSFORMS + 1);
	for (i = 0; i <= IKEV2_MAX_TRANSFORMS; i++)
		sa_trans(&s, i < IKEV2_MAX_TRANSFORMS ? 3 : 0, 4, 19, NULL, 0);
	ASSERT_EQ(-E2BIG, PARSE_SA(s));

	memset(&s, 0, sizeof(s));
	for (i = 0; i <= IKEV2_MAX_PROPOSALS; i++) {
		sa_prop(&s, i < IKEV2_MAX_PROPOSALS ? 2 : 0, 0, 1);
		sa_trans(&s, 0, 4, 19, NULL, 0);
	}
	ASSERT_EQ(-E2BIG, PARSE_SA(s));
	s.len -= 16;
	s.b[s.len - 16] = 0;
	ASSERT_EQ(0, PARSE_SA(s));
	ASSERT_EQ(IKEV2_MAX_PROPOSALS, self->m.sa.nprop);
}

/* the messages strongSwan sent */

static const struct capture {
	const char *name;
	uint8_t exchange;
	bool response;
	uint8_t first;	/* the first payload */
} caps[] = {
	{ "gcm-ecp256-01-ike_sa_init-req", 34, false, IKEV2_PL_SA },
	{ "gcm-ecp256-02-ike_sa_init-resp", 34, true, IKEV2_PL_SA },
	{ "gcm-ecp256-03-ike_auth-req", 35, false, IKEV2_PL_SK },
	{ "gcm-ecp256-04-ike_auth-resp", 35, true, IKEV2_PL_SK },
	{ "gcm-ecp256-05-create_child_sa-req", 36, false, IKEV2_PL_SK },
	{ "gcm-ecp256-06-create_child_sa-resp", 36, true, IKEV2_PL_SK },
	{ "gcm-ecp256-07-informational-req", 37, false, IKEV2_PL_SK },
	{ "gcm-ecp256-08-informational-resp", 37, true, IKEV2_PL_SK },
	{ "gcm-ecp256-09-informational-req", 37, false, IKEV2_PL_SK },
	{ "gcm-ecp256-10-informational-resp", 37, true, IKEV2_PL_SK },
	{ "cbc-modp2048-01-ike_sa_init-req", 34, false, IKEV2_PL_SA },
	{ "cbc-modp2048-02-ike_sa_init-resp", 34, true, IKEV2_PL_SA },
	{ "cbc-modp2048-03-ike_auth-req", 35, false, IKEV2_PL_SK },
	{ "cbc-modp2048-04-ike_auth-resp", 35, true, IKEV2_PL_SK },
	{ "cbc-modp2048-05-informational-req", 37, false, IKEV2_PL_SK },
	{ "cbc-modp2048-06-informational-resp", 37, true, IKEV2_PL_SK },
	{ "chacha-x25519-01-ike_sa_init-req", 34, false, IKEV2_PL_SA },
	{ "chacha-x25519-02-ike_sa_init-resp", 34, true, IKEV2_PL_SA },
	{ "chacha-x25519-03-ike_auth-req", 35, false, IKEV2_PL_SK },
	{ "chacha-x25519-04-ike_auth-resp", 35, true, IKEV2_PL_SK },
	{ "chacha-x25519-05-informational-req", 37, false, IKEV2_PL_SK },
	{ "chacha-x25519-06-informational-resp", 37, true, IKEV2_PL_SK },
	{ "default-01-ike_sa_init-req", 34, false, IKEV2_PL_SA },
	{ "default-02-ike_sa_init-resp", 34, true, IKEV2_PL_NOTIFY },
	{ "default-03-ike_sa_init-req", 34, false, IKEV2_PL_SA },
	{ "default-04-ike_sa_init-resp", 34, true, IKEV2_PL_SA },
	{ "default-05-ike_auth-req", 35, false, IKEV2_PL_SK },
	{ "default-06-ike_auth-resp", 35, true, IKEV2_PL_SK },
	{ "default-07-informational-req", 37, false, IKEV2_PL_SK },
	{ "default-08-informational-resp", 37, true, IKEV2_PL_SK },
	{ "frag-01-ike_sa_init-req", 34, false, IKEV2_PL_SA },
	{ "frag-02-ike_sa_init-resp", 34, true, IKEV2_PL_SA },
	{ "frag-03-ike_auth-req", 35, false, IKEV2_PL_SK },
	{ "frag-04-ike_auth-resp", 35, true, IKEV2_PL_SKF },
	{ "frag-05-ike_auth-resp", 35, true, IKEV2_PL_SKF },
	{ "frag-06-informational-req", 37, false, IKEV2_PL_SK },
	{ "frag-07-informational-resp", 37, true, IKEV2_PL_SK },
};

static size_t load(struct __test_metadata *_metadata, const char *name,
		   uint8_t *buf)
{
	char path[256];
	FILE *f;
	size_t len;

	snprintf(path, sizeof(path), "%s/ike/%s.bin", TEST_DATA, name);
	f = fopen(path, "rb");
	if (!f)
		TH_LOG("%s: %m", path);
	ASSERT_NE(NULL, f);
	len = fread(buf, 1, CAP, f);
	fclose(f);
	ASSERT_LT(IKEV2_HDR_LEN, len);
	return len;
}

TEST_F(pld, captures_parse)
{
	unsigned int i;
	size_t len;

	for (i = 0; i < ARRAY_SIZE(caps); i++) {
		len = load(_metadata, caps[i].name, self->buf);
		ASSERT_EQ(0, ikev2_msg_parse(self->buf, len, &self->m)) {
			TH_LOG("%s: error in %s", caps[i].name,
			       ikev2_payload_name(self->m.err_payload));
		}
		EXPECT_EQ(caps[i].exchange, self->m.hdr.exchange);
		EXPECT_EQ(caps[i].response,
			  !!(self->m.hdr.flags & IKEV2_FLAG_RESPONSE));
		EXPECT_EQ(!caps[i].response,
			  !!(self->m.hdr.flags & IKEV2_FLAG_INITIATOR));
		EXPECT_EQ(caps[i].first, self->m.pl[0]);
		if (caps[i].first == IKEV2_PL_SK) {
			EXPECT_EQ(1, self->m.npl);
			EXPECT_EQ(IKEV2_HDR_LEN, self->m.sk.off);
			EXPECT_EQ(len - IKEV2_HDR_LEN, self->m.sk.len);
		}
	}
}

/* the first @n bytes of @buf, with the length field as captured or @n */
static void parse_cut(struct __test_metadata *_metadata, const char *name,
		      const uint8_t *buf, size_t n, bool patch,
		      struct ikev2_msg *m)
{
	/* a copy of exactly n bytes, for valgrind */
	uint8_t *cut = malloc(n ? n : 1);

	ASSERT_NE(NULL, cut);
	memcpy(cut, buf, n);
	if (patch) {
		cut[24] = 0;
		cut[25] = 0;
		cut[26] = (uint8_t)(n >> 8);
		cut[27] = (uint8_t)n;
	}
	EXPECT_GT(0, ikev2_msg_parse(cut, n, m)) {
		TH_LOG("%s cut to %zu, length %s", name, n,
		       patch ? "patched" : "as captured");
	}
	free(cut);
}

/* every shorter piece of each capture is rejected */
TEST_F(pld, captures_truncated)
{
	unsigned int i;
	size_t len, n;

	for (i = 0; i < ARRAY_SIZE(caps); i++) {
		len = load(_metadata, caps[i].name, self->buf);
		for (n = 0; n < len; n++) {
			parse_cut(_metadata, caps[i].name, self->buf, n, false,
				  &self->m);
			if (n >= IKEV2_HDR_LEN)
				parse_cut(_metadata, caps[i].name, self->buf,
					  n, true, &self->m);
		}
	}
}

/* each IKE_SA_INIT, rebuilt payload by payload, is the same bytes */
TEST_F(pld, captures_rebuilt)
{
	unsigned int i, n = 0;
	size_t len;
	int len2;

	for (i = 0; i < ARRAY_SIZE(caps); i++) {
		if (caps[i].exchange != IKEV2_EXCH_IKE_SA_INIT)
			continue;
		len = load(_metadata, caps[i].name, self->buf);
		ASSERT_EQ(0, ikev2_msg_parse(self->buf, len, &self->m));
		ikev2_writer_init(&self->w, self->buf2, CAP, &self->m.hdr);
		ikev2_put_parsed(&self->w, &self->m);
		len2 = ikev2_writer_finish(&self->w);
		ASSERT_EQ(len, len2) {
			TH_LOG("%s", caps[i].name);
		}
		EXPECT_EQ(0, memcmp(self->buf, self->buf2, len)) {
			TH_LOG("%s", caps[i].name);
		}
		n++;
	}
	EXPECT_EQ(12, n);
}

TEST_F(pld, capture_gcm_ecp256_request)
{
	const struct ikev2_proposal exp = {
		.num = 1, .proto = IKEV2_PROTO_IKE, .ntrans = 3,
		.trans = {
			{ IKEV2_TRANS_ENCR, IKEV2_ENCR_AES_GCM_16, 256 },
			{ IKEV2_TRANS_PRF, IKEV2_PRF_HMAC_SHA2_256 },
			{ IKEV2_TRANS_DH, IKEV2_DH_ECP_256 },
		},
	};
	static const uint16_t notifies[] = {
		IKEV2_N_NAT_DETECTION_SOURCE_IP,
		IKEV2_N_NAT_DETECTION_DESTINATION_IP,
		IKEV2_N_IKEV2_FRAGMENTATION_SUPPORTED,
		IKEV2_N_SIGNATURE_HASH_ALGORITHMS,
		16406,	/* REDIRECT_SUPPORTED */
	};
	unsigned int i;
	size_t len;

	len = load(_metadata, "gcm-ecp256-01-ike_sa_init-req", self->buf);
	ASSERT_EQ(0, ikev2_msg_parse(self->buf, len, &self->m));
	EXPECT_NE(0, self->m.hdr.ispi);
	EXPECT_EQ(0, self->m.hdr.rspi);
	EXPECT_EQ(0, self->m.hdr.msgid);
	ASSERT_EQ(1, self->m.sa.nprop);
	check_proposal(_metadata, &exp, &self->m.sa.prop[0]);
	EXPECT_EQ(IKEV2_DH_ECP_256, self->m.ke.group);
	EXPECT_EQ(64, self->m.ke.data.len);
	EXPECT_EQ(32, self->m.nonce.len);
	ASSERT_EQ(ARRAY_SIZE(notifies), self->m.nnotify);
	for (i = 0; i < ARRAY_SIZE(notifies); i++) {
		EXPECT_EQ(notifies[i], self->m.notify[i].type);
	}
	EXPECT_EQ(20, self->m.notify[0].data.len);
	EXPECT_EQ(8, self->m.notify[3].data.len);
}

/* SK is rebuilt empty, SKF not at all */
TEST_F(pld, captures_encrypted_rebuilt)
{
	size_t len, sk_off, plain_len;

	len = load(_metadata, "gcm-ecp256-03-ike_auth-req", self->buf);
	ASSERT_EQ(0, ikev2_msg_parse(self->buf, len, &self->m));
	ikev2_writer_init(&self->w, self->buf2, CAP, &self->m.hdr);
	ikev2_put_parsed(&self->w, &self->m);
	ASSERT_EQ(0, ikev2_writer_sk_end(&self->w, &sk_off, &plain_len));
	EXPECT_EQ(0, plain_len);
	ASSERT_EQ(0, ikev2_msg_parse(self->buf2, self->w.len, &self->m2));
	EXPECT_EQ(IKEV2_PL_SK, self->m2.pl[0]);
	EXPECT_EQ(IKEV2_GEN_HDR_LEN, self->m2.sk.len);
	EXPECT_EQ(0, memcmp(self->buf, self->buf2, IKEV2_HDR_LEN - 4));

	len = load(_metadata, "frag-04-ike_auth-resp", self->buf);
	ASSERT_EQ(0, ikev2_msg_parse(self->buf, len, &self->m));
	ikev2_writer_init(&self->w, self->buf2, CAP, &self->m.hdr);
	ikev2_put_parsed(&self->w, &self->m);
	ASSERT_EQ(-EINVAL, ikev2_writer_finish(&self->w));
}

TEST_F(pld, capture_default_proposals)
{
	struct ikev2_proposal *p = self->m.sa.prop;
	size_t len;

	len = load(_metadata, "default-01-ike_sa_init-req", self->buf);
	ASSERT_EQ(0, ikev2_msg_parse(self->buf, len, &self->m));
	ASSERT_EQ(2, self->m.sa.nprop);
	EXPECT_EQ(1, p[0].num);
	EXPECT_EQ(2, p[1].num);
	EXPECT_EQ(34, p[0].ntrans);
	EXPECT_EQ(IKEV2_TRANS_ENCR, p[0].trans[0].type);
	EXPECT_EQ(IKEV2_ENCR_AES_CBC, p[0].trans[0].id);
	EXPECT_EQ(128, p[0].trans[0].keylen);
	EXPECT_EQ(IKEV2_ENCR_AES_GCM_16, p[1].trans[0].id);
	EXPECT_EQ(IKEV2_DH_CURVE25519, self->m.ke.group);
	EXPECT_EQ(32, self->m.ke.data.len);

	/* the responder wants ECP_256 */
	len = load(_metadata, "default-02-ike_sa_init-resp", self->buf);
	ASSERT_EQ(0, ikev2_msg_parse(self->buf, len, &self->m));
	ASSERT_EQ(1, self->m.nnotify);
	EXPECT_EQ(IKEV2_N_INVALID_KE_PAYLOAD, self->m.notify[0].type);
	ASSERT_SLICE("\0\x13", 2, self->m.notify[0].data);

	/* and chooses the second proposal */
	len = load(_metadata, "default-04-ike_sa_init-resp", self->buf);
	ASSERT_EQ(0, ikev2_msg_parse(self->buf, len, &self->m));
	ASSERT_EQ(1, self->m.sa.nprop);
	EXPECT_EQ(2, p[0].num);
	EXPECT_NE(0, self->m.hdr.rspi);
	EXPECT_TRUE(self->m.hdr.flags & IKEV2_FLAG_RESPONSE);
}

TEST_F(pld, capture_fragments)
{
	size_t len;

	len = load(_metadata, "frag-04-ike_auth-resp", self->buf);
	ASSERT_EQ(0, ikev2_msg_parse(self->buf, len, &self->m));
	EXPECT_EQ(1, self->m.skf.num);
	EXPECT_EQ(2, self->m.skf.total);
	EXPECT_EQ(IKEV2_PL_IDR, self->m.skf.first);
	EXPECT_EQ(len - IKEV2_HDR_LEN, self->m.skf.len);
	len = load(_metadata, "frag-05-ike_auth-resp", self->buf);
	ASSERT_EQ(0, ikev2_msg_parse(self->buf, len, &self->m));
	EXPECT_EQ(2, self->m.skf.num);
	EXPECT_EQ(IKEV2_PL_NONE, self->m.skf.first);
}

/* names */

TEST(names)
{
	char n[16];

	EXPECT_STREQ("IKE_SA_INIT", ikev2_exchange_name(34));
	EXPECT_STREQ("INFORMATIONAL", ikev2_exchange_name(37));
	EXPECT_STREQ("33", ikev2_exchange_name(33));
	EXPECT_STREQ("SK", ikev2_payload_name(IKEV2_PL_SK));
	EXPECT_STREQ("IDr", ikev2_payload_name(IKEV2_PL_IDR));
	EXPECT_STREQ("NO_PROPOSAL_CHOSEN", ikev2_notify_name(14));
	EXPECT_STREQ("REDIRECT_SUPPORTED", ikev2_notify_name(16406));
	EXPECT_STREQ("ESP", ikev2_proto_name(IKEV2_PROTO_ESP));
	EXPECT_STREQ("DH", ikev2_transform_type_name(IKEV2_TRANS_DH));
	EXPECT_STREQ("AES_GCM_16", ikev2_transform_name(1, 20));
	EXPECT_STREQ("PRF_HMAC_SHA2_256", ikev2_transform_name(2, 5));
	EXPECT_STREQ("HMAC_SHA2_256_128", ikev2_transform_name(3, 12));
	EXPECT_STREQ("CURVE_25519", ikev2_transform_name(4, 31));
	EXPECT_STREQ("NO_ESN", ikev2_transform_name(5, 0));
	EXPECT_STREQ("7", ikev2_transform_name(9, 7));
	EXPECT_STREQ("FQDN", ikev2_id_type_name(IKEV2_ID_FQDN));
	EXPECT_STREQ("SHARED_KEY_MIC", ikev2_auth_method_name(2));
	EXPECT_STREQ("INTERNAL_IP4_DNS", ikev2_cfg_attr_name(3));
	/* numbers stay valid for a few more calls */
	snprintf(n, sizeof(n), "%s %s %s", ikev2_notify_name(-1),
		 ikev2_notify_name(65535), ikev2_payload_name(255));
	EXPECT_STREQ("-1 65535 255", n);
}

TEST_HARNESS_MAIN
