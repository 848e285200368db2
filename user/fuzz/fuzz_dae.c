// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target of what a dynamic-authorization client's bytes reach
 * (user/lib/dae.c): dae_parse() on the input as it is, then on a copy
 * made authentic (the Length field set, a Message-Authenticator where
 * there is one, the Request Authenticator, signed here as a client that
 * knows the secret would), with the Message-Authenticator required and
 * not, the Event-Timestamp window on and off.  A request accepted or
 * refused gets its ACK and NAK from dae_reply(), which must pass the
 * client's own check (radius_check() against the request's
 * authenticator), and goes through the duplicate cache.  None of it may
 * crash, leak or trip a sanitizer.  Seeds: corpus/dae, written by
 * corpus_dae.py.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "../lib/dae.h"

#define SECRET	"fuzzing-secret"
#define NOW	1700000000

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* the offset of the only Message-Authenticator's value, 0 if none */
static size_t find_ma(const uint8_t *buf, size_t len)
{
	size_t off = RADIUS_HDR_LEN, ma = 0;

	while (off + 2 <= len && buf[off + 1] >= 2 &&
	       buf[off + 1] <= len - off) {
		if (buf[off] == RADIUS_ATTR_MESSAGE_AUTHENTICATOR &&
		    buf[off + 1] == 2 + RADIUS_AUTH_LEN)
			ma = ma ? (size_t)-1 : off + 2;
		off += buf[off + 1];
	}
	return ma == (size_t)-1 ? 0 : ma;
}

/* RFC 5176 §3.5 and RFC 3579 §3.2, written with libcrypto directly */
static void sign(uint8_t *buf, size_t len)
{
	unsigned int n = RADIUS_AUTH_LEN;
	size_t ma = find_ma(buf, len);
	EVP_MD_CTX *ctx;

	memset(buf + 4, 0, RADIUS_AUTH_LEN);
	if (ma) {
		memset(buf + ma, 0, RADIUS_AUTH_LEN);
		HMAC(EVP_md5(), SECRET, strlen(SECRET), buf, len, buf + ma,
		     &n);
	}
	ctx = EVP_MD_CTX_new();
	if (!ctx)
		abort();
	EVP_DigestInit_ex(ctx, EVP_md5(), NULL);
	EVP_DigestUpdate(ctx, buf, len);
	EVP_DigestUpdate(ctx, SECRET, strlen(SECRET));
	EVP_DigestFinal_ex(ctx, buf + 4, NULL);
	EVP_MD_CTX_free(ctx);
}

/* a reply we build must verify as the client checks it */
static void reply(const struct dae_request *req, bool ack,
		  unsigned int cause)
{
	static struct radius_pkt pkt;
	int ret;

	ret = dae_reply(&pkt, req, ack, cause,
			ack ? NULL : "No Matching Session", SECRET);
	if (ret == -EMSGSIZE)
		return;
	if (ret || radius_check(pkt.data, pkt.len, req->auth, SECRET,
				true) != RADIUS_OK ||
	    pkt.data[0] != req->code + (ack ? 1 : 2) || pkt.data[1] != req->id)
		abort();
}

/* a clock of 1 s per request: entries expire after 30 of them */
static void cache(struct dae_cache *c, const struct dae_request *req)
{
	struct sockaddr_in from = { .sin_family = AF_INET,
				    .sin_port = htons(1700) };
	static uint64_t now;
	const uint8_t *r;
	size_t len;

	now += 1000;
	from.sin_addr.s_addr = htonl(0xc0000201);
	if (dae_cache_lookup(c, (struct sockaddr *)&from, req, now, &r,
			     &len) == DAE_CACHE_MISS &&
	    !dae_cache_add(c, (struct sockaddr *)&from, req, now))
		dae_cache_reply(c, (struct sockaddr *)&from, req,
				req->auth, RADIUS_AUTH_LEN);
}

static void parse(const uint8_t *buf, size_t len,
		  const struct dae_policy *policy, struct dae_cache *c)
{
	static struct dae_request req;
	enum dae_result res = dae_parse(buf, len, SECRET, policy, &req);

	if (res >= DAE_NRESULTS)
		abort();
	if (res == DAE_NAK && dae_error_cause_index(req.error_cause) < 0)
		abort();	/* a cause RFC 5176 does not define */
	if (res != DAE_OK && res != DAE_NAK)
		return;
	reply(&req, true, 0);
	reply(&req, false, res == DAE_NAK ? req.error_cause : 404);
	cache(c, &req);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct dae_policy policies[] = {
		{ .require_ma = true, .ts_window = 300, .now = NOW },
		{ .require_ma = false, .ts_window = 0, .now = NOW },
	};
	static uint8_t buf[RADIUS_MAX_LEN];
	static struct dae_cache c;
	unsigned int i;

	if (!c.entries && dae_cache_init(&c, 16, 30))
		abort();
	for (i = 0; i < 2; i++)
		parse(data, size, &policies[i], &c);
	if (size < RADIUS_HDR_LEN || size > RADIUS_MAX_LEN)
		return 0;
	memcpy(buf, data, size);
	if (buf[0] != RADIUS_DISCONNECT_REQUEST)
		buf[0] = RADIUS_COA_REQUEST;
	buf[2] = size >> 8;
	buf[3] = size & 0xff;
	sign(buf, size);
	for (i = 0; i < 2; i++)
		parse(buf, size, &policies[i], &c);
	return 0;
}
