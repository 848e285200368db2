// SPDX-License-Identifier: GPL-2.0-only
/*
 * Protection of the responder against floods of IKE_SA_INIT (RFC 7296
 * §2.6), checked before any Diffie-Hellman work or state:
 *   - "crypto ikev2 cookie-challenge N": once N IKE SAs are half-open, a
 *     request without a valid cookie is answered with a COOKIE
 *     notification only (ikev2_cookie.c; the secret is replaced every
 *     IKE_DOS_ROTATE_MS and the previous one still accepted);
 *   - "crypto ikev2 limit half-open-per-source N": at most N half-open
 *     IKE SAs per initiator address, further requests dropped;
 *   - "crypto ikev2 limit max-in-negotiation-sa N": at most N half-open
 *     IKE SAs in all.
 * Every refusal is counted.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/cfg.h"
#include "../lib/ikev2_cookie.h"
#include "flexvtid.h"
#include "ike.h"
#include "log.h"
#include "stats.h"

#define IKE_DOS_ROTATE_MS	120000
#define IKE_DOS_BUCKETS		4096

/**
 * struct ike_dos_src - the half-open IKE SAs of one initiator address
 * @next: next entry in the same bucket
 * @family: AF_INET or AF_INET6
 * @addr: the address, 4 or 16 bytes
 * @count: half-open IKE SAs from it; the entry goes at 0
 */
struct ike_dos_src {
	struct ike_dos_src *next;
	int family;
	uint8_t addr[16];
	unsigned int count;
};

/**
 * struct ike_dos - the cookie secrets and the half-open count per source
 * @jar: the cookie secrets
 * @rotate: the rotation of the secret
 * @src: counts by initiator address, hashed
 */
static struct ike_dos {
	struct ikev2_cookie_jar jar;
	struct timer rotate;
	struct ike_dos_src *src[IKE_DOS_BUCKETS];
} dos;

static void ike_dos_rotate(struct timer *t)
{
	if (ikev2_cookie_rotate(&dos.jar))
		log_err("cannot make a new cookie secret");
	timer_set(t, IKE_DOS_ROTATE_MS);
}

/**
 * ike_dos_init - make the first cookie secret and start its rotation
 *
 * Return: 0, or -EIO without randomness.
 */
int ike_dos_init(void)
{
	timer_init(&dos.rotate, ike_dos_rotate);
	if (ikev2_cookie_rotate(&dos.jar))
		return -EIO;
	timer_set(&dos.rotate, IKE_DOS_ROTATE_MS);
	return 0;
}

/**
 * ike_dos_fini - wipe the cookie secrets
 */
void ike_dos_fini(void)
{
	timer_del(&dos.rotate);
	ikev2_cookie_wipe(&dos.jar);
}

static struct ike_dos_src **ike_dos_bucket(const void *addr, size_t len)
{
	const uint8_t *p = addr;
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ p[i]) * 16777619u;
	return &dos.src[h % IKE_DOS_BUCKETS];
}

static struct ike_dos_src **ike_dos_find(const struct sockaddr_storage *ss)
{
	struct ike_dos_src **pos;
	const void *addr;
	size_t len;

	addr = sock_addr_bytes(ss, &len);
	for (pos = ike_dos_bucket(addr, len); *pos; pos = &(*pos)->next)
		if ((*pos)->family == ss->ss_family &&
		    !memcmp((*pos)->addr, addr, len))
			return pos;
	return pos;
}

/**
 * ike_dos_half_open_get - count a new half-open IKE SA from an address
 * @remote: the initiator's address
 *
 * Return: the entry to give back with ike_dos_half_open_put(), or NULL
 * without memory (the SA is then not counted).
 */
struct ike_dos_src *ike_dos_half_open_get(const struct sockaddr_storage *remote)
{
	struct ike_dos_src **pos = ike_dos_find(remote), *s = *pos;
	const void *addr;
	size_t len;

	if (!s) {
		s = calloc(1, sizeof(*s));
		if (!s)
			return NULL;
		addr = sock_addr_bytes(remote, &len);
		s->family = remote->ss_family;
		memcpy(s->addr, addr, len);
		*pos = s;
	}
	s->count++;
	return s;
}

/**
 * ike_dos_half_open_put - a half-open IKE SA was established or deleted
 * @s: what ike_dos_half_open_get() returned; NULL is allowed
 */
void ike_dos_half_open_put(struct ike_dos_src *s)
{
	struct ike_dos_src **pos;

	if (!s || --s->count)
		return;
	pos = ike_dos_bucket(s->addr, s->family == AF_INET ? 4 : 16);
	while (*pos != s)
		pos = &(*pos)->next;
	*pos = s->next;
	free(s);
}

static unsigned int ike_dos_from(const struct sockaddr_storage *remote)
{
	struct ike_dos_src *s = *ike_dos_find(remote);

	return s ? s->count : 0;
}

/* §2.6: the answer carries nothing but the cookie */
static void ike_dos_send_cookie(struct ike_dgram *d,
				const struct ikev2_msg *req)
{
	uint8_t cookie[IKEV2_COOKIE_LEN];
	struct ike_msg *m;
	const void *ip;
	size_t len;

	ip = sock_addr_bytes(&d->remote, &len);
	if (ikev2_cookie_make(&dos.jar, req->nonce.data, req->nonce.len, ip,
			      len, req->hdr.ispi, cookie))
		return;
	m = malloc(sizeof(*m));
	if (!m)
		return;
	ike_msg_plain_response(m, &req->hdr, 0);
	ikev2_put_notify(&m->w, 0, NULL, 0, IKEV2_N_COOKIE, cookie,
			 sizeof(cookie));
	ike_msg_send_plain(m, d);
	free(m);
	stats_inc(STAT_COOKIE_SENT);
}

static bool ike_dos_cookie_ok(const struct ike_dgram *d,
			      const struct ikev2_msg *req)
{
	const struct ikev2_notify *n = ikev2_msg_notify(req, IKEV2_N_COOKIE);
	const void *ip;
	size_t len;

	if (!n)
		return false;
	ip = sock_addr_bytes(&d->remote, &len);
	if (ikev2_cookie_check(&dos.jar, n->data.data, n->data.len,
			       req->nonce.data, req->nonce.len, ip, len,
			       req->hdr.ispi))
		return true;
	stats_inc(STAT_COOKIE_INVALID);
	return false;
}

/**
 * ike_dos_admit - whether a new IKE_SA_INIT request may have state
 * @d: the request as received
 * @req: the request, parsed, with its Nonce
 *
 * Under the cookie threshold, or with a valid cookie, the request goes
 * on to the limits of half-open IKE SAs per source and in all.  Above
 * the threshold without a valid cookie it is answered with a COOKIE.
 *
 * Return: true to go on; false when it was answered or dropped.
 */
bool ike_dos_admit(struct ike_dgram *d, const struct ikev2_msg *req)
{
	const struct cfg_ike_global *g = &daemon_cfg()->ike;
	/* the peers' half-open IKE SAs, not those we initiate */
	unsigned int half_open = ike_sa_count_half_open() -
				 ike_sa_count_half_open_out();

	if (g->cookie_challenge && half_open >= g->cookie_challenge &&
	    !ike_dos_cookie_ok(d, req)) {
		ike_dos_send_cookie(d, req);
		return false;
	}
	if (ike_dos_from(&d->remote) >= g->max_half_open_per_source) {
		stats_inc(STAT_HALF_OPEN_PER_SOURCE);
		return false;
	}
	if (g->max_neg_in && half_open >= g->max_neg_in) {
		stats_inc(STAT_HALF_OPEN_LIMIT);
		return false;
	}
	return true;
}
