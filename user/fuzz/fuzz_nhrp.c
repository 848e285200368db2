// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target of the NHRP codec (user/lib/nhrp*.c), what a GRE
 * packet of protocol 0x2001 from any peer reaches: nhrp_parse() on the
 * input as it is, then on a copy made to pass the framing (ar$pktsz set
 * to the input's length, the checksum computed), so that the mutations
 * reach the mandatory part and the extensions.  A packet that parses is
 * written again by nhrp_build(), which must succeed and give a packet that
 * parses and writes back to the same bytes; it is forwarded by
 * nhrp_forward(), whose result must parse with one hop less; it is
 * formatted, and a Traffic Indication's quote read.  None of it may
 * crash, leak or trip a sanitizer.  Seeds: corpus/nhrp, written by
 * corpus_nhrp.py.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/nhrp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint8_t frame[NHRP_PKT_MAX];
static uint8_t built[NHRP_PKT_MAX], rebuilt[NHRP_PKT_MAX];
static uint8_t fwd[NHRP_PKT_MAX];
static struct nhrp_pkt pkt, again;

/* written, parsed, written again: the same bytes */
static void rebuild(const struct nhrp_pkt *p)
{
	int len, len2;

	len = nhrp_build(p, built, sizeof(built));
	if (len < 0 || (size_t)len > p->len)
		abort();
	if (nhrp_parse(built, len, &again) || again.type != p->type ||
	    again.n_cies != p->n_cies || again.quoted_len != p->quoted_len)
		abort();
	len2 = nhrp_build(&again, rebuilt, sizeof(rebuilt));
	if (len2 != len || memcmp(built, rebuilt, len))
		abort();
}

/* passed on by an NHS of either family, and read again */
static void forward(const uint8_t *buf, const struct nhrp_pkt *p)
{
	struct nhrp_cie self = { .holding_time = 7200, .prefix_len = 0xff };
	int len;

	self.nbma.family = p->afn == NHRP_AFN_IPV4 ? AF_INET : AF_INET6;
	self.proto.family = p->proto_type == NHRP_PROTO_IPV4 ? AF_INET :
							       AF_INET6;
	memset(&self.proto.u, 0xfe, sizeof(self.proto.u));
	memcpy(fwd, buf, p->len);
	len = nhrp_forward(fwd, p->len, sizeof(fwd), &self);
	if (len < 0)
		return;
	if (nhrp_parse(fwd, len, &again) ||
	    again.hop_count != p->hop_count - 1 || again.type != p->type)
		abort();
}

static void check(const uint8_t *buf, size_t len)
{
	struct nhrp_addr src, dst;
	char line[256];

	if (nhrp_parse(buf, len, &pkt)) {
		if (!pkt.why || pkt.err_offset > NHRP_PKT_MAX)
			abort();
		return;
	}
	if (pkt.len > len)
		abort();
	nhrp_format(&pkt, line, sizeof(line));
	nhrp_quoted_addrs(&pkt, &src, &dst);
	rebuild(&pkt);
	forward(buf, &pkt);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint16_t sum;

	check(data, size);
	if (size < NHRP_FIXED_LEN || size > sizeof(frame))
		return 0;
	memcpy(frame, data, size);
	frame[10] = size >> 8;
	frame[11] = size & 0xff;
	frame[12] = 0;
	frame[13] = 0;
	sum = nhrp_checksum(frame, size);
	frame[12] = sum >> 8;
	frame[13] = sum & 0xff;
	check(frame, size);
	return 0;
}
