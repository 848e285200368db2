// SPDX-License-Identifier: GPL-2.0-only
/*
 * Building of IKEv2 messages (RFC 7296 §3) in a caller's buffer: the IKE
 * header, then payloads appended one by one, each setting the next-payload
 * field of the one before it.  The first error sticks in the writer and
 * is returned when the message is finished.
 */
#include <errno.h>
#include <string.h>

#include "ikev2_pld.h"

/* the "last substruc" values of §3.3.1 and §3.3.2 */
#define MORE_PROPOSALS	2
#define MORE_TRANSFORMS	3
#define PL_LEN_MAX	0xffff
#define EAP_HDR_LEN	4	/* RFC 3748 §4: code, identifier, length */

static void fail(struct ikev2_writer *w, int err)
{
	if (!w->err)
		w->err = err;
}

/* returns @n bytes to write at the end of the message, or NULL */
static uint8_t *reserve(struct ikev2_writer *w, size_t n)
{
	uint8_t *p;

	if (w->err)
		return NULL;
	if (n > w->cap - w->len) {
		fail(w, -EMSGSIZE);
		return NULL;
	}
	p = w->buf + w->len;
	w->len += n;
	return p;
}

static void set16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void set32(uint8_t *p, uint32_t v)
{
	set16(p, (uint16_t)(v >> 16));
	set16(p + 2, (uint16_t)v);
}

static void set_be(uint8_t *p, uint64_t v, size_t n)
{
	while (n--) {
		p[n] = (uint8_t)v;
		v >>= 8;
	}
}

static void put8(struct ikev2_writer *w, uint8_t v)
{
	uint8_t *p = reserve(w, 1);

	if (p)
		*p = v;
}

static void put16(struct ikev2_writer *w, uint16_t v)
{
	uint8_t *p = reserve(w, 2);

	if (p)
		set16(p, v);
}

static void put_bytes(struct ikev2_writer *w, const void *data, size_t len)
{
	uint8_t *p = reserve(w, len);

	if (p && len)
		memcpy(p, data, len);
}

static void put_zero(struct ikev2_writer *w, size_t len)
{
	uint8_t *p = reserve(w, len);

	if (p)
		memset(p, 0, len);
}

/* sets the 16-bit length at @off + 2 of the structure from @off to here */
static void end_struct(struct ikev2_writer *w, size_t off)
{
	if (w->err)
		return;
	if (w->len - off > PL_LEN_MAX) {
		fail(w, -EMSGSIZE);
		return;
	}
	set16(w->buf + off + 2, (uint16_t)(w->len - off));
}

/* starts a payload of @type, chained from the previous one */
static size_t begin_payload(struct ikev2_writer *w, uint8_t type)
{
	size_t off = w->len;

	if (!reserve(w, IKEV2_GEN_HDR_LEN))
		return off;
	w->buf[w->np] = type;
	memset(w->buf + off, 0, IKEV2_GEN_HDR_LEN);
	w->np = off;
	return off;
}

void ikev2_writer_init(struct ikev2_writer *w, uint8_t *buf, size_t cap,
		       const struct ikev2_header *h)
{
	struct ikev2_hdr *hdr = (struct ikev2_hdr *)buf;

	memset(w, 0, sizeof(*w));
	w->buf = buf;
	w->cap = cap;
	w->np = offsetof(struct ikev2_hdr, next_payload);
	if (!reserve(w, IKEV2_HDR_LEN))
		return;
	set_be(hdr->ispi, h->ispi, IKEV2_SPI_SIZE);
	set_be(hdr->rspi, h->rspi, IKEV2_SPI_SIZE);
	hdr->next_payload = IKEV2_PL_NONE;
	hdr->version = IKEV2_VERSION;
	hdr->exchange = h->exchange;
	hdr->flags = h->flags;
	set32(buf + offsetof(struct ikev2_hdr, msgid), h->msgid);
	set32(buf + offsetof(struct ikev2_hdr, length), IKEV2_HDR_LEN);
}

static void set_msg_len(struct ikev2_writer *w)
{
	if (!w->err && w->len > IKEV2_MSG_MAX)
		fail(w, -EMSGSIZE);
	if (!w->err)
		set32(w->buf + offsetof(struct ikev2_hdr, length),
		      (uint32_t)w->len);
}

int ikev2_writer_finish(struct ikev2_writer *w)
{
	if (w->sk_off)
		fail(w, -EINVAL);
	set_msg_len(w);
	return w->err ? w->err : (int)w->len;
}

void ikev2_put_sk(struct ikev2_writer *w, size_t iv_len)
{
	size_t off = begin_payload(w, IKEV2_PL_SK);

	if (w->sk_off)
		fail(w, -EINVAL);
	put_zero(w, iv_len);
	if (w->err)
		return;
	w->sk_off = off;
	w->iv_len = iv_len;
}

int ikev2_writer_sk_end(struct ikev2_writer *w, size_t *sk_off,
			size_t *plain_len)
{
	if (!w->sk_off)
		fail(w, -EINVAL);
	set_msg_len(w);
	end_struct(w, w->sk_off);
	if (w->err)
		return w->err;
	*sk_off = w->sk_off;
	*plain_len = w->len - w->sk_off - IKEV2_GEN_HDR_LEN - w->iv_len;
	return 0;
}

static bool valid_spi_size(uint8_t size)
{
	return !size || size == IKEV2_CHILD_SPI_SIZE || size == IKEV2_SPI_SIZE;
}

static void put_transform(struct ikev2_writer *w,
			  const struct ikev2_transform *t, bool last)
{
	size_t off = w->len;

	put8(w, last ? 0 : MORE_TRANSFORMS);
	put_zero(w, 3);
	put8(w, t->type);
	put8(w, 0);
	put16(w, t->id);
	if (t->keylen) {
		put16(w, IKEV2_ATTR_TV | IKEV2_ATTR_KEY_LENGTH);
		put16(w, t->keylen);
	}
	end_struct(w, off);
}

static void put_proposal(struct ikev2_writer *w,
			 const struct ikev2_proposal *prop, bool last)
{
	size_t off = w->len;
	unsigned int i;
	uint8_t *spi;

	if (!valid_spi_size(prop->spi_size) || !prop->ntrans ||
	    prop->ntrans > IKEV2_MAX_TRANSFORMS) {
		fail(w, -EINVAL);
		return;
	}
	put8(w, last ? 0 : MORE_PROPOSALS);
	put_zero(w, 3);
	put8(w, prop->num);
	put8(w, prop->proto);
	put8(w, prop->spi_size);
	put8(w, (uint8_t)prop->ntrans);
	spi = reserve(w, prop->spi_size);
	if (spi)
		set_be(spi, prop->spi, prop->spi_size);
	for (i = 0; i < prop->ntrans; i++)
		put_transform(w, &prop->trans[i], i == prop->ntrans - 1);
	end_struct(w, off);
}

void ikev2_put_sa(struct ikev2_writer *w, const struct ikev2_proposal *prop,
		  unsigned int n)
{
	size_t off = begin_payload(w, IKEV2_PL_SA);
	unsigned int i;

	if (!n || n > IKEV2_MAX_PROPOSALS)
		fail(w, -EINVAL);
	for (i = 0; i < n && !w->err; i++)
		put_proposal(w, &prop[i], i == n - 1);
	end_struct(w, off);
}

/* a payload of a type byte, three reserved bytes and data */
static void put_typed(struct ikev2_writer *w, uint8_t pl_type, uint8_t type,
		      const uint8_t *data, size_t len)
{
	size_t off = begin_payload(w, pl_type);

	put8(w, type);
	put_zero(w, 3);
	put_bytes(w, data, len);
	end_struct(w, off);
}

void ikev2_put_ke(struct ikev2_writer *w, uint16_t group,
		  const uint8_t *data, size_t len)
{
	size_t off = begin_payload(w, IKEV2_PL_KE);

	if (!len)
		fail(w, -EINVAL);
	put16(w, group);
	put16(w, 0);
	put_bytes(w, data, len);
	end_struct(w, off);
}

void ikev2_put_nonce(struct ikev2_writer *w, const uint8_t *data, size_t len)
{
	size_t off = begin_payload(w, IKEV2_PL_NONCE);

	if (len < IKEV2_NONCE_MIN || len > IKEV2_NONCE_MAX)
		fail(w, -EINVAL);
	put_bytes(w, data, len);
	end_struct(w, off);
}

void ikev2_put_notify(struct ikev2_writer *w, uint8_t proto,
		      const uint8_t *spi, size_t spi_len, uint16_t type,
		      const uint8_t *data, size_t len)
{
	size_t off = begin_payload(w, IKEV2_PL_NOTIFY);

	if (spi_len > UINT8_MAX)
		fail(w, -EINVAL);
	put8(w, proto);
	put8(w, (uint8_t)spi_len);
	put16(w, type);
	put_bytes(w, spi, spi_len);
	put_bytes(w, data, len);
	end_struct(w, off);
}

void ikev2_put_id(struct ikev2_writer *w, uint8_t pl_type, uint8_t id_type,
		  const uint8_t *data, size_t len)
{
	if (pl_type != IKEV2_PL_IDI && pl_type != IKEV2_PL_IDR)
		fail(w, -EINVAL);
	put_typed(w, pl_type, id_type, data, len);
}

void ikev2_put_auth(struct ikev2_writer *w, uint8_t method,
		    const uint8_t *data, size_t len)
{
	put_typed(w, IKEV2_PL_AUTH, method, data, len);
}

void ikev2_put_cert(struct ikev2_writer *w, uint8_t pl_type,
		    uint8_t encoding, const uint8_t *data, size_t len)
{
	size_t off = begin_payload(w, pl_type);

	if (pl_type != IKEV2_PL_CERT && pl_type != IKEV2_PL_CERTREQ)
		fail(w, -EINVAL);
	put8(w, encoding);
	put_bytes(w, data, len);
	end_struct(w, off);
}

static void put_selector(struct ikev2_writer *w, const struct ikev2_ts *ts)
{
	size_t alen = ts->type == IKEV2_TS_IPV4_ADDR_RANGE ? 4 : 16;

	if (ts->type != IKEV2_TS_IPV4_ADDR_RANGE &&
	    ts->type != IKEV2_TS_IPV6_ADDR_RANGE) {
		fail(w, -EINVAL);
		return;
	}
	put8(w, ts->type);
	put8(w, ts->proto);
	put16(w, (uint16_t)(8 + 2 * alen));
	put16(w, ts->start_port);
	put16(w, ts->end_port);
	put_bytes(w, ts->start.b, alen);
	put_bytes(w, ts->end.b, alen);
}

void ikev2_put_ts(struct ikev2_writer *w, uint8_t pl_type,
		  const struct ikev2_ts *ts, unsigned int n)
{
	size_t off = begin_payload(w, pl_type);
	unsigned int i;

	if ((pl_type != IKEV2_PL_TSI && pl_type != IKEV2_PL_TSR) || !n ||
	    n > UINT8_MAX)
		fail(w, -EINVAL);
	put8(w, (uint8_t)n);
	put_zero(w, 3);
	for (i = 0; i < n && !w->err; i++)
		put_selector(w, &ts[i]);
	end_struct(w, off);
}

void ikev2_put_cp(struct ikev2_writer *w, uint8_t cfg_type,
		  const struct ikev2_cp_attr *attr, unsigned int n)
{
	size_t off = begin_payload(w, IKEV2_PL_CP);
	unsigned int i;

	put8(w, cfg_type);
	put_zero(w, 3);
	for (i = 0; i < n; i++) {
		if (attr[i].type > 0x7fff || attr[i].value.len > PL_LEN_MAX)
			fail(w, -EINVAL);
		put16(w, attr[i].type);
		put16(w, (uint16_t)attr[i].value.len);
		put_bytes(w, attr[i].value.data, attr[i].value.len);
	}
	end_struct(w, off);
}

void ikev2_put_delete(struct ikev2_writer *w, uint8_t proto, uint8_t spi_size,
		      uint16_t nspi, const uint8_t *spis)
{
	size_t off = begin_payload(w, IKEV2_PL_DELETE);

	put8(w, proto);
	put8(w, spi_size);
	put16(w, nspi);
	put_bytes(w, spis, (size_t)spi_size * nspi);
	end_struct(w, off);
}

void ikev2_put_vendor(struct ikev2_writer *w, const uint8_t *data, size_t len)
{
	size_t off = begin_payload(w, IKEV2_PL_VENDOR);

	put_bytes(w, data, len);
	end_struct(w, off);
}

void ikev2_put_eap(struct ikev2_writer *w, const uint8_t *data, size_t len)
{
	size_t off = begin_payload(w, IKEV2_PL_EAP);

	if (len < EAP_HDR_LEN || (size_t)(data[2] << 8 | data[3]) != len)
		fail(w, -EINVAL);
	put_bytes(w, data, len);
	end_struct(w, off);
}

/* how many payloads of the type of @m->pl[@i] come before it */
static unsigned int nth(const struct ikev2_msg *m, unsigned int i)
{
	unsigned int j, n = 0;

	for (j = 0; j < i; j++)
		n += m->pl[j] == m->pl[i];
	return n;
}

/* puts again the payload @m->pl[@i] of a type that may be repeated */
static void put_parsed_many(struct ikev2_writer *w, const struct ikev2_msg *m,
			    unsigned int i)
{
	const struct ikev2_notify *n;
	const struct ikev2_delete *d;
	const struct ikev2_cert *c;
	unsigned int k = nth(m, i);

	switch (m->pl[i]) {
	case IKEV2_PL_CERT:
	case IKEV2_PL_CERTREQ:
		c = m->pl[i] == IKEV2_PL_CERT ? &m->cert[k] : &m->certreq[k];
		ikev2_put_cert(w, m->pl[i], c->encoding, c->data.data,
			       c->data.len);
		break;
	case IKEV2_PL_NOTIFY:
		n = &m->notify[k];
		ikev2_put_notify(w, n->proto, n->spi.data, n->spi.len,
				 n->type, n->data.data, n->data.len);
		break;
	case IKEV2_PL_DELETE:
		d = &m->del[k];
		ikev2_put_delete(w, d->proto, d->spi_size, d->nspi,
				 d->spis.data);
		break;
	case IKEV2_PL_VENDOR:
		ikev2_put_vendor(w, m->vendor[k].data, m->vendor[k].len);
		break;
	default:
		fail(w, -EINVAL);	/* SKF: the fragment is not kept */
		break;
	}
}

static void put_parsed_id(struct ikev2_writer *w, uint8_t pl_type,
			  const struct ikev2_id *id)
{
	ikev2_put_id(w, pl_type, id->type, id->data.data, id->data.len);
}

static void put_parsed_ts(struct ikev2_writer *w, uint8_t pl_type,
			  const struct ikev2_ts_list *l)
{
	ikev2_put_ts(w, pl_type, l->ts, l->n);
}

/* puts again the payload @m->pl[@i] */
static void put_parsed_one(struct ikev2_writer *w, const struct ikev2_msg *m,
			   unsigned int i)
{
	switch (m->pl[i]) {
	case IKEV2_PL_SA:
		ikev2_put_sa(w, m->sa.prop, m->sa.nprop);
		break;
	case IKEV2_PL_KE:
		ikev2_put_ke(w, m->ke.group, m->ke.data.data, m->ke.data.len);
		break;
	case IKEV2_PL_IDI:
		put_parsed_id(w, IKEV2_PL_IDI, &m->idi);
		break;
	case IKEV2_PL_IDR:
		put_parsed_id(w, IKEV2_PL_IDR, &m->idr);
		break;
	case IKEV2_PL_AUTH:
		ikev2_put_auth(w, m->auth.method, m->auth.data.data,
			       m->auth.data.len);
		break;
	case IKEV2_PL_NONCE:
		ikev2_put_nonce(w, m->nonce.data, m->nonce.len);
		break;
	case IKEV2_PL_TSI:
		put_parsed_ts(w, IKEV2_PL_TSI, &m->tsi);
		break;
	case IKEV2_PL_TSR:
		put_parsed_ts(w, IKEV2_PL_TSR, &m->tsr);
		break;
	case IKEV2_PL_CP:
		ikev2_put_cp(w, m->cp.type, m->cp.attr, m->cp.nattr);
		break;
	case IKEV2_PL_EAP:
		ikev2_put_eap(w, m->eap.data, m->eap.len);
		break;
	case IKEV2_PL_SK:
		ikev2_put_sk(w, 0);
		break;
	default:
		put_parsed_many(w, m, i);
		break;
	}
}

void ikev2_put_parsed(struct ikev2_writer *w, const struct ikev2_msg *m)
{
	unsigned int i;

	for (i = 0; i < m->npl; i++)
		put_parsed_one(w, m, i);
}
