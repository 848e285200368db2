// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target of the IKEv2 payload codec: the input is parsed as a
 * whole message and as an inner (decrypted) chain starting with each
 * payload type.  What parses is rebuilt with the writer and parsed again,
 * which must succeed, and rebuilding that must give the same bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "../lib/ikev2_pld.h"

static struct ikev2_msg msg, again;
static uint8_t built[IKEV2_MSG_MAX], rebuilt[IKEV2_MSG_MAX];

/* what ikev2_put_parsed() cannot write back (it says -EINVAL) */
static int unbuildable(const struct ikev2_msg *m)
{
	return ikev2_msg_has(m, IKEV2_PL_SKF) ||
	       (ikev2_msg_has(m, IKEV2_PL_TSI) && !m->tsi.n) ||
	       (ikev2_msg_has(m, IKEV2_PL_TSR) && !m->tsr.n);
}

/* writes the payloads of @m after a header @h into @buf */
static int build(const struct ikev2_header *h, const struct ikev2_msg *m,
		 uint8_t *buf)
{
	struct ikev2_writer w;
	size_t sk_off, plain_len;
	int ret;

	ikev2_writer_init(&w, buf, IKEV2_MSG_MAX, h);
	ikev2_put_parsed(&w, m);
	if (!ikev2_msg_has(m, IKEV2_PL_SK))
		return ikev2_writer_finish(&w);
	ret = ikev2_writer_sk_end(&w, &sk_off, &plain_len);
	if (!ret && plain_len)
		abort();	/* nothing is parsed after an SK payload */
	return ret ? ret : (int)w.len;
}

/* the parsed message @m, rebuilt, parses and rebuilds to the same bytes */
static void check_rebuild(const struct ikev2_header *h,
			  const struct ikev2_msg *m)
{
	int len, len2;

	len = build(h, m, built);
	if (len < 0) {
		if (!unbuildable(m))
			abort();
		return;
	}
	if (ikev2_msg_parse(built, (size_t)len, &again))
		abort();
	if (again.npl != m->npl || memcmp(again.pl, m->pl, m->npl))
		abort();
	len2 = build(&again.hdr, &again, rebuilt);
	if (len2 != len || memcmp(built, rebuilt, (size_t)len))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct ikev2_header inner_hdr = {
		.exchange = IKEV2_EXCH_IKE_AUTH,
	};
	struct ikev2_header h;
	unsigned int first;

	ikev2_hdr_decode(data, size, &h);
	if (!ikev2_msg_parse(data, size, &msg)) {
		if (ikev2_msg_has(&msg, IKEV2_PL_SK) &&
		    msg.sk.off + msg.sk.len != size)
			abort();
		check_rebuild(&msg.hdr, &msg);
	}
	if (size > IKEV2_MSG_MAX - IKEV2_HDR_LEN)
		return 0;
	for (first = IKEV2_PL_NONE; first <= IKEV2_PL_SKF + 1; first++) {
		if (first && first < IKEV2_PL_SA)
			continue;
		memset(&msg, 0, sizeof(msg));
		if (!ikev2_msg_parse_inner(&msg, data, size, (uint8_t)first))
			check_rebuild(&inner_hdr, &msg);
	}
	return 0;
}
