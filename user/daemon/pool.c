// SPDX-License-Identifier: GPL-2.0-only
/*
 * Address pools: per pool name, a hash set of the addresses in use and a
 * cursor after the last address handed out, so allocation usually takes
 * one step and an address just released is not reused at once.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"

#define POOL_BUCKETS	256

struct pool_entry {
	struct pool_entry *next;
	struct route_addr addr;
};

/**
 * struct pool - the state of one named pool
 * @next: next pool
 * @name: its name
 * @in_use: number of addresses handed out
 * @cursor: the address handed out last
 * @buckets: the addresses in use, hashed
 */
struct pool {
	struct pool *next;
	char name[64];
	unsigned int in_use;
	struct route_addr cursor;
	struct pool_entry *buckets[POOL_BUCKETS];
};

static struct pool *pools;

static size_t pool_addr_len(const struct route_addr *a)
{
	return a->family == AF_INET ? 4 : 16;
}

static const uint8_t *pool_addr_bytes(const struct route_addr *a)
{
	return (const uint8_t *)&a->v4;
}

static int pool_addr_cmp(const struct route_addr *a,
			 const struct route_addr *b)
{
	if (a->family != b->family)
		return a->family - b->family;
	return memcmp(pool_addr_bytes(a), pool_addr_bytes(b),
		      pool_addr_len(a));
}

/* a + 1, in place; false when it wrapped */
static bool pool_addr_inc(struct route_addr *a)
{
	uint8_t *b = (uint8_t *)&a->v4;
	size_t i = pool_addr_len(a);

	while (i-- > 0)
		if (++b[i])
			return true;
	return false;
}

static unsigned int pool_hash(const struct route_addr *a)
{
	const uint8_t *b = pool_addr_bytes(a);
	size_t i, len = pool_addr_len(a);
	unsigned int h = 2166136261u;

	for (i = 0; i < len; i++)
		h = (h ^ b[i]) * 16777619u;
	return h % POOL_BUCKETS;
}

static struct pool *pool_find(const char *name, bool create)
{
	struct pool *p;

	for (p = pools; p; p = p->next)
		if (!strcmp(p->name, name))
			return p;
	if (!create || strlen(name) >= sizeof(p->name))
		return NULL;
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	strcpy(p->name, name);
	p->next = pools;
	pools = p;
	return p;
}

static struct pool_entry **pool_lookup(struct pool *p,
				       const struct route_addr *a)
{
	struct pool_entry **e = &p->buckets[pool_hash(a)];

	while (*e && pool_addr_cmp(&(*e)->addr, a))
		e = &(*e)->next;
	return e;
}

static bool pool_in_range(const struct pool_range *r,
			  const struct route_addr *a)
{
	return pool_addr_cmp(&r->first, a) <= 0 &&
	       pool_addr_cmp(a, &r->last) <= 0;
}

/* the next free address at or after @a in the ranges, wrapping around */
static bool pool_next_free(struct pool *p, const struct pool_range *ranges,
			   unsigned int n, struct route_addr *a)
{
	unsigned int i, start = 0, turns;

	for (i = 0; i < n; i++)
		if (pool_in_range(&ranges[i], a))
			start = i;
	if (!pool_in_range(&ranges[start], a))
		*a = ranges[start].first;
	/* every range once, the starting one twice (before the cursor) */
	for (turns = 0; turns <= n; turns++) {
		const struct pool_range *r = &ranges[(start + turns) % n];

		if (turns)
			*a = r->first;
		do {
			if (!*pool_lookup(p, a))
				return true;
		} while (pool_addr_cmp(a, &r->last) < 0 && pool_addr_inc(a));
	}
	return false;
}

/**
 * pool_alloc - hand out an address of a pool
 * @name: the pool's name
 * @ranges: its ranges, from the configuration
 * @n: number of ranges, at least 1
 * @out: the address
 *
 * Return: 0, -ENOSPC when every address is in use, or -ENOMEM.
 */
int pool_alloc(const char *name, const struct pool_range *ranges,
	       unsigned int n, struct route_addr *out)
{
	struct pool *p = pool_find(name, true);
	struct pool_entry *e;
	struct route_addr a;

	if (!p)
		return -ENOMEM;
	a = p->cursor;
	if (a.family && !pool_addr_inc(&a))
		a.family = AF_UNSPEC;
	if (!pool_next_free(p, ranges, n, &a))
		return -ENOSPC;
	e = calloc(1, sizeof(*e));
	if (!e)
		return -ENOMEM;
	e->addr = a;
	e->next = p->buckets[pool_hash(&a)];
	p->buckets[pool_hash(&a)] = e;
	p->in_use++;
	p->cursor = a;
	*out = a;
	return 0;
}

/**
 * pool_release - give an address back to its pool
 * @name: the pool's name
 * @a: the address; nothing happens if it is not in use
 */
void pool_release(const char *name, const struct route_addr *a)
{
	struct pool *p = pool_find(name, false);
	struct pool_entry **e, *victim;

	if (!p)
		return;
	e = pool_lookup(p, a);
	if (!*e)
		return;
	victim = *e;
	*e = victim->next;
	free(victim);
	p->in_use--;
}

/**
 * pool_in_use - how many addresses of a pool are handed out
 * @name: the pool's name
 *
 * Return: the number.
 */
unsigned int pool_in_use(const char *name)
{
	struct pool *p = pool_find(name, false);

	return p ? p->in_use : 0;
}

/**
 * pool_free_all - forget every pool, at exit
 */
void pool_free_all(void)
{
	struct pool_entry *e;
	unsigned int i;
	struct pool *p;

	while ((p = pools)) {
		pools = p->next;
		for (i = 0; i < POOL_BUCKETS; i++)
			while ((e = p->buckets[i])) {
				p->buckets[i] = e->next;
				free(e);
			}
		free(p);
	}
}
