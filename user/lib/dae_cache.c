// SPDX-License-Identifier: GPL-2.0-only
/*
 * The duplicate cache of the dynamic-authorization server.  A request is
 * known by its client's address and UDP port, its Identifier and its
 * Request Authenticator (RFC 5080 §2.2.2; for a Disconnect- or
 * CoA-Request the authenticator is an MD5 over the whole packet, so it
 * stands for the content too).  An entry is added when a request is
 * taken up, before anything is applied, and holds its reply once there
 * is one: a retransmission is then answered with the same bytes, or,
 * while the first is still being processed, dropped.  Entries live a
 * fixed time from their addition, so the ring of entries is in expiry
 * order; when every slot holds a live entry, new requests are refused
 * (dropped, the client retransmits) rather than an entry forgotten early,
 * which could let a late retransmission be applied twice.  Lookups scan
 * the live entries: a few thousand comparisons per request.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dae.h"

/**
 * struct dae_cache_entry - a request taken up, and its reply
 * @family: the client's address family, AF_INET or AF_INET6
 * @port: its UDP port, network order
 * @addr: its address (4 or 16 bytes)
 * @id: the request's Identifier
 * @auth: its Request Authenticator
 * @added: when it was added, milliseconds of the caller's clock
 * @reply: the reply sent, NULL while there is none
 * @reply_len: bytes at @reply
 */
struct dae_cache_entry {
	sa_family_t family;
	in_port_t port;
	uint8_t addr[16];
	uint8_t id;
	uint8_t auth[RADIUS_AUTH_LEN];
	uint64_t added;
	uint8_t *reply;
	size_t reply_len;
	uint32_t next;
};

/* the key of a request from @from into @e; false for another family */
static bool dae_cache_key(struct dae_cache_entry *e,
			  const struct sockaddr *from,
			  const struct dae_request *req)
{
	const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)from;
	const struct sockaddr_in *s4 = (const struct sockaddr_in *)from;

	memset(e, 0, sizeof(*e));
	e->family = from->sa_family;
	if (from->sa_family == AF_INET) {
		e->port = s4->sin_port;
		memcpy(e->addr, &s4->sin_addr, 4);
	} else if (from->sa_family == AF_INET6) {
		e->port = s6->sin6_port;
		memcpy(e->addr, &s6->sin6_addr, 16);
	} else {
		return false;
	}
	e->id = req->id;
	memcpy(e->auth, req->auth, RADIUS_AUTH_LEN);
	return true;
}

static bool dae_cache_same(const struct dae_cache_entry *a,
			   const struct dae_cache_entry *b)
{
	return a->family == b->family && a->port == b->port &&
	       a->id == b->id && !memcmp(a->addr, b->addr, 16) &&
	       !memcmp(a->auth, b->auth, RADIUS_AUTH_LEN);
}

static struct dae_cache_entry *dae_cache_at(struct dae_cache *c,
					    unsigned int i)
{
	return &c->entries[(c->head + i) % c->size];
}

/* the bucket of a key: FNV-1a over what tells requests apart */
static uint32_t dae_cache_bucket(const struct dae_cache *c,
				 const struct dae_cache_entry *k)
{
	uint32_t h = 2166136261u;
	unsigned int i;

	for (i = 0; i < 16; i++)
		h = (h ^ k->addr[i]) * 16777619u;
	for (i = 0; i < 4; i++)
		h = (h ^ k->auth[i]) * 16777619u;
	h = (h ^ k->port) * 16777619u;
	h = (h ^ k->id) * 16777619u;
	return h & c->hmask;
}

/* entries are linked per bucket by 1 + their index in @entries */
static void dae_cache_link(struct dae_cache *c, struct dae_cache_entry *e)
{
	uint32_t b = dae_cache_bucket(c, e);

	e->next = c->heads[b];
	c->heads[b] = e - c->entries + 1;
}

static void dae_cache_unlink(struct dae_cache *c, struct dae_cache_entry *e)
{
	uint32_t *p = &c->heads[dae_cache_bucket(c, e)];
	uint32_t self = e - c->entries + 1;

	while (*p && *p != self)
		p = &c->entries[*p - 1].next;
	if (*p)
		*p = e->next;
}

static void dae_cache_clear(struct dae_cache_entry *e)
{
	free(e->reply);
	memset(e, 0, sizeof(*e));
}

/* forget the entries older than the lifetime: the oldest come first */
static void dae_cache_expire(struct dae_cache *c, uint64_t now)
{
	struct dae_cache_entry *e;

	while (c->count) {
		e = dae_cache_at(c, 0);
		if (now < e->added || now - e->added < c->lifetime_ms)
			return;
		dae_cache_unlink(c, e);
		dae_cache_clear(e);
		c->head = (c->head + 1) % c->size;
		c->count--;
	}
}

static struct dae_cache_entry *dae_cache_find(struct dae_cache *c,
					      const struct dae_cache_entry *k)
{
	uint32_t i = c->heads[dae_cache_bucket(c, k)];

	for (; i; i = c->entries[i - 1].next)
		if (dae_cache_same(&c->entries[i - 1], k))
			return &c->entries[i - 1];
	return NULL;
}

/**
 * dae_cache_init - an empty cache
 * @c: the cache
 * @entries: the most requests it holds, at least 1
 * @lifetime_s: seconds a request is remembered after it was added, at
 *	least 1: longer than a client retransmits (RFC 5080 §2.2.2)
 *
 * Return: 0; -EINVAL for a zero size or lifetime; -ENOMEM.
 */
int dae_cache_init(struct dae_cache *c, unsigned int entries,
		   unsigned int lifetime_s)
{
	memset(c, 0, sizeof(*c));
	if (!entries || !lifetime_s)
		return -EINVAL;
	for (c->hmask = 1; c->hmask < entries; c->hmask <<= 1)
		;
	c->heads = calloc(c->hmask, sizeof(*c->heads));
	c->entries = calloc(entries, sizeof(*c->entries));
	if (!c->entries || !c->heads) {
		free(c->heads);
		free(c->entries);
		memset(c, 0, sizeof(*c));
		return -ENOMEM;
	}
	c->hmask--;
	c->size = entries;
	c->lifetime_ms = (uint64_t)lifetime_s * 1000;
	return 0;
}

/**
 * dae_cache_free - free a cache's entries and replies
 * @c: the cache (zeroed; dae_cache_free() again is harmless)
 */
void dae_cache_free(struct dae_cache *c)
{
	unsigned int i;

	for (i = 0; c->entries && i < c->count; i++)
		free(dae_cache_at(c, i)->reply);
	free(c->entries);
	free(c->heads);
	memset(c, 0, sizeof(*c));
}

/**
 * dae_cache_lookup - whether a request is a retransmission
 * @c: the cache
 * @from: the client's address and port (AF_INET or AF_INET6)
 * @req: the request, decoded (its Identifier and authenticator count)
 * @now_ms: the time, milliseconds of a monotonic clock; expired entries
 *	are forgotten first
 * @reply: with DAE_CACHE_HIT, the reply to send again (valid until the
 *	next call that changes @c)
 * @reply_len: with DAE_CACHE_HIT, its bytes
 *
 * Return: DAE_CACHE_MISS for a new request (another family included),
 * DAE_CACHE_PENDING when the same request was added and has no reply
 * yet, DAE_CACHE_HIT when it has one.
 */
enum dae_cache_state dae_cache_lookup(struct dae_cache *c,
				      const struct sockaddr *from,
				      const struct dae_request *req,
				      uint64_t now_ms, const uint8_t **reply,
				      size_t *reply_len)
{
	struct dae_cache_entry k, *e;

	if (!dae_cache_key(&k, from, req))
		return DAE_CACHE_MISS;
	dae_cache_expire(c, now_ms);
	e = dae_cache_find(c, &k);
	if (!e)
		return DAE_CACHE_MISS;
	if (!e->reply)
		return DAE_CACHE_PENDING;
	*reply = e->reply;
	*reply_len = e->reply_len;
	return DAE_CACHE_HIT;
}

/**
 * dae_cache_add - remember a request before it is processed
 * @c: the cache
 * @from: the client's address and port (AF_INET or AF_INET6)
 * @req: the request
 * @now_ms: the time, as for dae_cache_lookup()
 *
 * Until dae_cache_reply() gives its reply, a retransmission is
 * DAE_CACHE_PENDING; the entry is forgotten @c->lifetime_ms after now,
 * with or without a reply.
 *
 * Return: 0; -EAFNOSUPPORT for another family; -EEXIST when the request
 * is there already; -ENOSPC when every entry is live (drop the request:
 * DAE_DROP_BUSY).
 */
int dae_cache_add(struct dae_cache *c, const struct sockaddr *from,
		  const struct dae_request *req, uint64_t now_ms)
{
	struct dae_cache_entry k;

	if (!dae_cache_key(&k, from, req))
		return -EAFNOSUPPORT;
	dae_cache_expire(c, now_ms);
	if (dae_cache_find(c, &k))
		return -EEXIST;
	if (c->count == c->size)
		return -ENOSPC;
	k.added = now_ms;
	*dae_cache_at(c, c->count) = k;
	dae_cache_link(c, dae_cache_at(c, c->count));
	c->count++;
	return 0;
}

/**
 * dae_cache_reply - keep the reply of a request added
 * @c: the cache
 * @from: the client's address and port
 * @req: the request
 * @reply: the reply sent, copied
 * @reply_len: its bytes, at least 1
 *
 * Return: 0; -ENOENT when the request was not added, or has expired;
 * -EEXIST when it has a reply already; -EINVAL for an empty reply;
 * -ENOMEM (the entry stays pending: retransmissions are dropped).
 */
int dae_cache_reply(struct dae_cache *c, const struct sockaddr *from,
		    const struct dae_request *req, const uint8_t *reply,
		    size_t reply_len)
{
	struct dae_cache_entry k, *e;

	if (!reply_len)
		return -EINVAL;
	if (!dae_cache_key(&k, from, req))
		return -ENOENT;
	e = dae_cache_find(c, &k);
	if (!e)
		return -ENOENT;
	if (e->reply)
		return -EEXIST;
	e->reply = malloc(reply_len);
	if (!e->reply)
		return -ENOMEM;
	memcpy(e->reply, reply, reply_len);
	e->reply_len = reply_len;
	return 0;
}
