// SPDX-License-Identifier: GPL-2.0-only
/*
 * The NHRP cache ("show ip nhrp"): what this host resolved or asked for.
 *
 * - An incomplete entry is a Resolution Request of ours that no Reply
 *   answered yet; it keeps further Traffic Indications for the same
 *   destination from asking again; the Request goes again every
 *   NHRP_RETRY_MS (the responder's first Reply over a new shortcut may
 *   arrive before our SAs of it are in), and the entry after
 *   NHRP_PENDING_MS.
 * - A dynamic entry is a resolved prefix: a Reply's (on the requester)
 *   or the requester's own address (on the spoke that answered).  Its
 *   shortcut route, "PREFIX dev SHORTCUT-VA proto 191 metric 1" in the
 *   main table, lives as long as the entry: until the holding time runs
 *   out or the interface goes.  The route being more specific than what
 *   the hub pushes (or of a lower metric), traffic takes the shortcut
 *   while it is there and falls back through the hub once it is gone.
 *
 * An entry whose interface goes is dropped with it (the kernel removed
 * the route along with the interface); when the last entry of a shortcut
 * interface expires, nhrp_shortcut.c may end that shortcut.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/json.h"
#include "log.h"
#include "loop.h"
#include "nhrp.h"

/**
 * struct nhrp_entry - one entry of the cache
 * @next: the next entry
 * @pending: incomplete: our Request, not yet answered
 * @target: the destination (pending) or the first address of the prefix
 * @prefix: the prefix length of @target
 * @proto: the protocol address of the next hop (the peer's overlay
 *	address); family 0 while pending
 * @nbma: the next hop's NBMA (outer) address; family 0 while pending
 * @ifindex: the interface: the shortcut's, or the one the Request went out
 *	of while pending
 * @ifname: its name
 * @request_id: of our Request, while pending
 * @created: loop_now() when it was made
 * @expires: loop_now() when it goes
 * @routed: its route is in the kernel
 * @timer: fires at @expires
 */
struct nhrp_entry {
	struct nhrp_entry *next;
	bool pending;
	struct route_addr target;
	int prefix;
	struct route_addr proto;
	struct nhrp_addr nbma;
	uint32_t ifindex;
	char ifname[IF_NAMESIZE];
	uint32_t request_id;
	uint64_t created;
	uint64_t expires;
	bool routed;
	struct timer timer;
};

static struct nhrp_entry *nhrp_cache;

static int nhrp_addr_bits(int family)
{
	return family == AF_INET ? 32 : 128;
}

/* does @prefix of @net hold @a? */
static bool nhrp_prefix_has(const struct route_addr *net, int prefix,
			    const struct route_addr *a)
{
	struct route_addr x = *a;

	if (a->family != net->family)
		return false;
	route_clear_host_bits(&x, prefix);
	return !memcmp(&x.v4, &net->v4, a->family == AF_INET ? 4 : 16);
}

static void nhrp_entry_unlink(struct nhrp_entry *e)
{
	struct nhrp_entry **p = &nhrp_cache;

	while (*p != e)
		p = &(*p)->next;
	*p = e->next;
	timer_del(&e->timer);
}

static void nhrp_entry_route(struct nhrp_entry *e, bool add)
{
	char a[INET6_ADDRSTRLEN];
	int ret;

	if (e->routed == add)
		return;
	ret = route_shortcut(add, e->ifindex, &e->target, e->prefix,
			   NHRP_RTPROT, NHRP_RT_METRIC);
	inet_ntop(e->target.family, &e->target.v4, a, sizeof(a));
	if (ret && (add || ret != -ENOENT))
		log_warn("%s: cannot %s the shortcut route to %s/%d: %s",
			 e->ifname, add ? "add" : "delete", a, e->prefix,
			 strerror(-ret));
	else
		log_info("%s: shortcut route to %s/%d %s", e->ifname, a,
			 e->prefix, add ? "added" : "removed");
	e->routed = add && !ret;
}

/* an entry is done: its route goes, and maybe its shortcut */
static void nhrp_entry_free(struct nhrp_entry *e, bool route)
{
	uint32_t ifindex = e->ifindex;
	bool pending = e->pending;

	nhrp_entry_unlink(e);
	if (route)
		nhrp_entry_route(e, false);
	free(e);
	if (route && !pending && !nhrp_cache_count_if(ifindex))
		nhrp_shortcut_idle(ifindex);
}

/* an incomplete entry's Request goes again; false once it expired */
static bool nhrp_entry_retry(struct nhrp_entry *e)
{
	uint64_t now = loop_now(), left;
	struct nhrp_if nif;

	if (now >= e->expires || nhrp_if_get(e->ifindex, &nif))
		return false;
	nhrp_request_send(&nif, &e->target, e->request_id);
	left = e->expires - now;
	timer_set(&e->timer, left < NHRP_RETRY_MS ? left : NHRP_RETRY_MS);
	return true;
}

static void nhrp_entry_timer(struct timer *t)
{
	struct nhrp_entry *e = container_of(t, struct nhrp_entry, timer);

	if (e->pending && nhrp_entry_retry(e))
		return;
	nhrp_entry_free(e, true);
}

static struct nhrp_entry *nhrp_entry_new(uint32_t ifindex, const char *ifname,
					 const struct route_addr *target,
					 int prefix, uint64_t ms)
{
	struct nhrp_entry *e = calloc(1, sizeof(*e));

	if (!e)
		return NULL;
	e->target = *target;
	e->prefix = prefix;
	route_clear_host_bits(&e->target, prefix);
	e->ifindex = ifindex;
	snprintf(e->ifname, sizeof(e->ifname), "%s", ifname);
	e->created = loop_now();
	e->expires = e->created + ms;
	timer_init(&e->timer, nhrp_entry_timer);
	timer_set(&e->timer, ms);
	e->next = nhrp_cache;
	nhrp_cache = e;
	return e;
}

/* the entry of exactly this prefix that is not pending, if any */
static struct nhrp_entry *nhrp_entry_find(const struct route_addr *target,
					  int prefix)
{
	struct nhrp_entry *e;

	for (e = nhrp_cache; e; e = e->next)
		if (!e->pending && e->prefix == prefix &&
		    nhrp_prefix_has(&e->target, prefix, target))
			return e;
	return NULL;
}

/**
 * nhrp_cache_pending - remember a Resolution Request of ours
 * @nif: the interface it went out of
 * @target: the destination it asks for
 * @request_id: its request ID, which the Reply echoes
 *
 * Return: 0 or -ENOMEM.
 */
int nhrp_cache_pending(const struct nhrp_if *nif,
		       const struct route_addr *target, uint32_t request_id)
{
	struct nhrp_entry *e;

	e = nhrp_entry_new(nif->ifindex, nif->name, target,
			   nhrp_addr_bits(target->family), NHRP_PENDING_MS);
	if (!e)
		return -ENOMEM;
	e->pending = true;
	e->request_id = request_id;
	timer_set(&e->timer, NHRP_RETRY_MS);
	return 0;
}

/**
 * nhrp_cache_known - is a destination resolved, or being so?
 * @target: the destination
 *
 * Return: true when an entry, incomplete or not, holds it.
 */
bool nhrp_cache_known(const struct route_addr *target)
{
	struct nhrp_entry *e;

	for (e = nhrp_cache; e; e = e->next)
		if (nhrp_prefix_has(&e->target, e->prefix, target))
			return true;
	return false;
}

/* a resolved entry via @ifindex, its route in, for @hold seconds */
static int nhrp_cache_add(uint32_t ifindex, const char *ifname,
			  const struct route_addr *target, int prefix,
			  const struct route_addr *proto,
			  const struct nhrp_addr *nbma, unsigned int hold)
{
	struct nhrp_entry *e = nhrp_entry_find(target, prefix);

	if (e && e->ifindex != ifindex) {
		nhrp_entry_free(e, true);
		e = NULL;
	}
	if (e) {
		/* renewed, its route kept */
		nhrp_entry_unlink(e);
		e->created = loop_now();
		e->expires = e->created + hold * 1000ull;
		timer_set(&e->timer, hold * 1000ull);
		e->next = nhrp_cache;
		nhrp_cache = e;
	} else {
		e = nhrp_entry_new(ifindex, ifname, target, prefix,
				   hold * 1000ull);
		if (!e)
			return -ENOMEM;
	}
	e->proto = *proto;
	e->nbma = *nbma;
	nhrp_entry_route(e, true);
	return e->routed ? 0 : -EIO;
}

static int nhrp_cie_prefix(const struct nhrp_cie *c, int family)
{
	int bits = nhrp_addr_bits(family);

	/* RFC 2332 §5.2.0.1: 0xff (and 0) mean the whole address */
	return !c->prefix_len || c->prefix_len > bits ? bits : c->prefix_len;
}

/**
 * nhrp_cache_reply - a Resolution Reply: the shortcut it gives
 * @nif: the interface it came in on, the shortcut's
 * @p: the Reply
 *
 * The entry of our Request with its request ID becomes the Reply's
 * prefix, via @nif, for the holding time of its first CIE; the peer's
 * own protocol address gets an entry too.  A Reply that answers no
 * Request of ours, or says no, changes nothing but the request's entry.
 *
 * Return: 0, -ENOENT for a Reply to no Request of ours, -EINVAL for one
 * without a successful CIE, or the errors of the route.
 */
int nhrp_cache_reply(const struct nhrp_if *nif, const struct nhrp_pkt *p)
{
	const struct nhrp_cie *c = &p->cie[0];
	struct route_addr target, proto;
	unsigned int hold;
	struct nhrp_entry *e;
	int prefix, ret;

	for (e = nhrp_cache; e; e = e->next)
		if (e->pending && e->request_id == p->request_id)
			break;
	if (!e)
		return -ENOENT;
	target = e->target;
	nhrp_entry_free(e, false);
	if (!p->n_cies || c->code != NHRP_CIE_SUCCESS ||
	    c->proto.family != target.family)
		return -EINVAL;
	prefix = nhrp_cie_prefix(c, target.family);
	hold = c->holding_time ? c->holding_time : nif->holdtime;
	nhrp_addr_to(&c->proto, &proto);
	ret = nhrp_cache_add(nif->ifindex, nif->name, &target, prefix,
			     &proto, &c->nbma, hold);
	if (!ret && !nhrp_prefix_has(&target, prefix, &proto))
		ret = nhrp_cache_add(nif->ifindex, nif->name, &proto,
				     nhrp_addr_bits(proto.family), &proto,
				     &c->nbma, hold);
	return ret;
}

/**
 * nhrp_cache_peer - the requester of a Resolution Request we answer: its
 *	protocol address is reached over the shortcut
 * @ifindex: the shortcut's interface
 * @proto: the requester's protocol address
 * @nbma: its NBMA address
 * @holdtime: seconds
 *
 * Return: 0 or a negative errno.
 */
int nhrp_cache_peer(uint32_t ifindex, const struct route_addr *proto,
		    const struct nhrp_addr *nbma, unsigned int holdtime)
{
	char name[IF_NAMESIZE];

	if (!if_indextoname(ifindex, name))
		return -ENODEV;
	return nhrp_cache_add(ifindex, name, proto,
			      nhrp_addr_bits(proto->family), proto, nbma,
			      holdtime);
}

/**
 * nhrp_cache_count_if - the resolved entries of an interface
 * @ifindex: the interface
 *
 * Return: how many.
 */
unsigned int nhrp_cache_count_if(uint32_t ifindex)
{
	struct nhrp_entry *e;
	unsigned int n = 0;

	for (e = nhrp_cache; e; e = e->next)
		n += !e->pending && e->ifindex == ifindex;
	return n;
}

/**
 * nhrp_cache_flush_if - forget the entries of an interface that goes
 * @ifindex: the interface; its routes go with it
 */
void nhrp_cache_flush_if(uint32_t ifindex)
{
	struct nhrp_entry *e, *next;

	for (e = nhrp_cache; e; e = next) {
		next = e->next;
		if (e->ifindex == ifindex)
			nhrp_entry_free(e, false);
	}
}

/**
 * nhrp_cache_fini - forget every entry, routes removed
 */
void nhrp_cache_fini(void)
{
	while (nhrp_cache) {
		struct nhrp_entry *e = nhrp_cache;

		nhrp_entry_unlink(e);
		nhrp_entry_route(e, false);
		free(e);
	}
}

static void nhrp_hms(char *buf, size_t len, uint64_t ms)
{
	uint64_t s = ms / 1000;

	snprintf(buf, len, "%02" PRIu64 ":%02" PRIu64 ":%02" PRIu64,
		 s / 3600, s / 60 % 60, s % 60);
}

static void nhrp_entry_text(FILE *f, const struct nhrp_entry *e,
			    uint64_t now)
{
	char t[INET6_ADDRSTRLEN], v[INET6_ADDRSTRLEN], n[INET6_ADDRSTRLEN];
	char c[64], x[64];

	inet_ntop(e->target.family, &e->target.v4, t, sizeof(t));
	nhrp_hms(c, sizeof(c), now - e->created);
	nhrp_hms(x, sizeof(x), e->expires - now);
	if (e->pending) {
		fprintf(f, "%s/%d (incomplete)\n   %s created %s, expire %s\n"
			"   Type: incomplete, Flags: negative\n", t, e->prefix,
			e->ifname, c, x);
		return;
	}
	inet_ntop(e->proto.family, &e->proto.v4, v, sizeof(v));
	nhrp_addr_ntop(&e->nbma, n, sizeof(n));
	fprintf(f, "%s/%d via %s\n   %s created %s, expire %s\n"
		"   Type: dynamic, Flags: router%s\n   NBMA address: %s\n",
		t, e->prefix, v, e->ifname, c, x, e->routed ? " rib" : "", n);
}

static void nhrp_entry_json(FILE *f, const struct nhrp_entry *e,
			    uint64_t now)
{
	char t[INET6_ADDRSTRLEN], a[INET6_ADDRSTRLEN];

	inet_ntop(e->target.family, &e->target.v4, t, sizeof(t));
	fprintf(f, "{\"target\":\"%s/%d\",\"interface\":", t, e->prefix);
	json_print_str(f, e->ifname);
	fprintf(f, ",\"type\":\"%s\",\"created_s\":%" PRIu64
		",\"expires_s\":%" PRIu64 ",\"rib\":%s",
		e->pending ? "incomplete" : "dynamic",
		(now - e->created) / 1000, (e->expires - now) / 1000,
		e->routed ? "true" : "false");
	if (!e->pending) {
		inet_ntop(e->proto.family, &e->proto.v4, a, sizeof(a));
		fprintf(f, ",\"via\":\"%s\"", a);
		nhrp_addr_ntop(&e->nbma, a, sizeof(a));
		fprintf(f, ",\"nbma\":\"%s\"", a);
	}
	fputc('}', f);
}

/**
 * nhrp_cache_show - "show ip nhrp": every entry, newest first
 * @f: where to
 * @json: as a JSON array rather than IOS's text
 */
void nhrp_cache_show(FILE *f, bool json)
{
	uint64_t now = loop_now();
	struct nhrp_entry *e;

	if (json)
		fputc('[', f);
	for (e = nhrp_cache; e; e = e->next) {
		if (json) {
			if (e != nhrp_cache)
				fputc(',', f);
			nhrp_entry_json(f, e, now);
		} else {
			nhrp_entry_text(f, e, now);
		}
	}
	if (json)
		fputs("]\n", f);
}
