// SPDX-License-Identifier: GPL-2.0-only
/*
 * NHRP: the packet socket, the interfaces NHRP runs on, the counters and
 * what each packet does (nhrp.h has the overview).
 *
 * Received packets are parsed by lib/nhrp.c; a malformed one is dropped
 * and counted, never answered.  What a packet asks for:
 * - Traffic Indication, on a spoke's interface with "ip nhrp shortcut":
 *   a Resolution Request for the quoted packet's destination, over the
 *   same interface, unless that destination is resolved or being so;
 * - Resolution Request: forwarded, one hop less, out of the interface our
 *   route to its destination takes when that is another NHRP interface
 *   of the network-id (a hub); answered when the route leaves by a
 *   non-NHRP interface, the destination being ours (a spoke), over a
 *   shortcut session with the requester (nhrp_shortcut.c);
 * - Resolution Reply: the shortcut of the request it answers
 *   (nhrp_cache.c).
 * Other types are counted and ignored.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <netinet/ip.h>
#include <netinet/ip6.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/flexvti.h>

#include "../lib/cfg.h"
#include "../lib/kern_event.h"
#include "flexvtid.h"
#include "ike_sa.h"
#include "log.h"
#include "loop.h"
#include "nhrp.h"
#include "session.h"
#include "sock.h"

/* hop count of the packets we originate (RFC 2332 §5.2.0.1 ar$hopcnt) */
#define NHRP_HOPS		16
/* biggest NHRP packet handled: one that fits a VA's MTU */
#define NHRP_BUF_MAX		1500

/**
 * struct nhrp_if_stats - the counters of one interface
 * @next: the next interface's
 * @ifindex: the interface
 * @name: its name, kept for the show after it went
 * @n: by enum nhrp_stat
 */
struct nhrp_if_stats {
	struct nhrp_if_stats *next;
	uint32_t ifindex;
	char name[IF_NAMESIZE];
	uint64_t n[NHRP_STAT_N];
};

static struct loop_fd nhrp_lf = { .fd = -1 };
static struct nhrp_if_stats *nhrp_stats;
static uint32_t nhrp_request_id;

static const char *const nhrp_stat_names[NHRP_STAT_N] = {
	[NHRP_STAT_TX_RES_REQUEST] = "sent-resolution-request",
	[NHRP_STAT_TX_RES_REPLY] = "sent-resolution-reply",
	[NHRP_STAT_TX_TRAFFIC_IND] = "sent-traffic-indication",
	[NHRP_STAT_TX_FORWARDED] = "forwarded",
	[NHRP_STAT_RX_RES_REQUEST] = "rcvd-resolution-request",
	[NHRP_STAT_RX_RES_REPLY] = "rcvd-resolution-reply",
	[NHRP_STAT_RX_TRAFFIC_IND] = "rcvd-traffic-indication",
	[NHRP_STAT_RX_OTHER] = "rcvd-other",
	[NHRP_STAT_RX_MALFORMED] = "rcvd-malformed",
	[NHRP_STAT_RX_DROPPED] = "rcvd-dropped",
	[NHRP_STAT_REDIRECT_EVENTS] = "redirect-events",
	[NHRP_STAT_TX_ERRORS] = "send-errors",
};

/**
 * nhrp_stat_name - the name of a counter, as show prints it
 * @stat: the counter
 *
 * Return: the name.
 */
const char *nhrp_stat_name(enum nhrp_stat stat)
{
	return nhrp_stat_names[stat];
}

static struct nhrp_if_stats *nhrp_stats_find(uint32_t ifindex, bool add)
{
	struct nhrp_if_stats *st;

	for (st = nhrp_stats; st; st = st->next)
		if (st->ifindex == ifindex)
			return st;
	if (!add)
		return NULL;
	st = calloc(1, sizeof(*st));
	if (!st)
		return NULL;
	st->ifindex = ifindex;
	if (!if_indextoname(ifindex, st->name))
		snprintf(st->name, sizeof(st->name), "if%u", ifindex);
	st->next = nhrp_stats;
	nhrp_stats = st;
	return st;
}

/**
 * nhrp_count - count an event of an interface
 * @ifindex: the interface
 * @stat: the counter
 */
void nhrp_count(uint32_t ifindex, enum nhrp_stat stat)
{
	struct nhrp_if_stats *st = nhrp_stats_find(ifindex, true);

	if (st)
		st->n[stat]++;
}

/* a received packet not acted on: counted, and said at debug level */
static void nhrp_drop(const struct nhrp_if *nif, const struct nhrp_pkt *p,
		      const char *why)
{
	nhrp_count(nif->ifindex, NHRP_STAT_RX_DROPPED);
	log_debug("%s: NHRP %s dropped: %s", nif->name,
		  nhrp_type_name(p->type), why);
}

/**
 * nhrp_stats_each - call @fn for the counters of every interface
 * @fn: gets the interface's name, index and counters
 * @arg: passed on
 */
void nhrp_stats_each(void (*fn)(const char *name, uint32_t ifindex,
				const uint64_t *n, void *arg), void *arg)
{
	struct nhrp_if_stats *st;

	for (st = nhrp_stats; st; st = st->next)
		fn(st->name, st->ifindex, st->n, arg);
}

/* the configuration of a session's static tunnel interface */
static const struct cfg_tunnel *nhrp_cfg_tunnel(const struct session *s)
{
	unsigned int num;

	if (!s->fixed || sscanf(s->name, "Tunnel%u", &num) != 1)
		return NULL;
	return cfg_tunnel_find(daemon_cfg(), num);
}

/* the configuration of a session's interface */
static const struct cfg_iface *nhrp_cfg_iface(const struct session *s)
{
	const struct cfg_template *t;
	const struct cfg_tunnel *tun;

	if (s->fixed) {
		tun = nhrp_cfg_tunnel(s);
		return tun ? &tun->iface : NULL;
	}
	t = cfg_template_find(daemon_cfg(), s->tmpl.id);
	return t ? &t->iface : NULL;
}

/* a gre-mode interface: a session's on a VA, configured on a tunnel */
static bool nhrp_gre(const struct session *s, const struct cfg_iface *i)
{
	if (!s->fixed)
		return s->tmpl.mode == FLEXVTI_MODE_GRE;
	return i->mode == CFG_TUNNEL_GRE_IP || i->mode == CFG_TUNNEL_GRE_IPV6;
}

/**
 * nhrp_if_get - the NHRP settings of an interface
 * @ifindex: the interface
 * @nif: filled in
 *
 * Return: 0, or -ENOENT when the interface is none of our sessions',
 * -EOPNOTSUPP when it has no "ip nhrp network-id" or is not in gre mode.
 */
int nhrp_if_get(uint32_t ifindex, struct nhrp_if *nif)
{
	struct session *s = session_find(ifindex);
	const struct cfg_tunnel *tun = NULL;
	const struct cfg_iface *i;

	if (!s || !s->ike)
		return -ENOENT;
	i = nhrp_cfg_iface(s);
	if (!i || !i->nhrp_network_id || !nhrp_gre(s, i))
		return -EOPNOTSUPP;
	memset(nif, 0, sizeof(*nif));
	nif->ifindex = ifindex;
	snprintf(nif->name, sizeof(nif->name), "%s", s->name);
	nif->s = s;
	nif->network_id = i->nhrp_network_id;
	nif->redirect = i->nhrp_redirect;
	nif->holdtime = i->nhrp_holdtime ? i->nhrp_holdtime :
					   CFG_NHRP_HOLDTIME_DEFAULT;
	if (s->fixed)
		tun = nhrp_cfg_tunnel(s);
	if (tun)
		nif->shortcut = tun->shortcut_template;
	return 0;
}

/**
 * nhrp_if_addr - our protocol address on an NHRP interface
 * @nif: the interface
 * @family: AF_INET or AF_INET6
 * @a: receives it: a tunnel's address (negotiated or configured), or the
 *	address of a virtual-access interface's unnumbered interface
 *
 * Return: 0 or -EADDRNOTAVAIL.
 */
int nhrp_if_addr(const struct nhrp_if *nif, int family,
		 struct route_addr *a)
{
	const struct session *s = nif->s;
	const struct cfg_tunnel *tun = nhrp_cfg_tunnel(s);
	const struct cfg_addr *ca;
	unsigned int k;

	if (!s->fixed)
		return s->tmpl.unnumbered[0] &&
		       !route_ifaddr(s->tmpl.unnumbered, family, a) ? 0 :
		       -EADDRNOTAVAIL;
	for (k = 0; k < s->naddr; k++)
		if (s->addr[k].family == family) {
			*a = s->addr[k];
			return 0;
		}
	if (!tun)
		return -EADDRNOTAVAIL;
	ca = family == AF_INET ? &tun->addr : &tun->addr6;
	if (!ca->family)
		return -EADDRNOTAVAIL;
	a->family = family;
	a->v6 = ca->v6;		/* the union: an IPv4 address too */
	return 0;
}

/**
 * nhrp_if_nbma - our NBMA address on an NHRP interface: the local
 *	address of its IKE SA
 * @nif: the interface
 * @a: receives it
 *
 * Return: 0 or -ENOENT.
 */
int nhrp_if_nbma(const struct nhrp_if *nif, struct nhrp_addr *a)
{
	const struct ike_sa *sa = nif->s->ike;
	const void *p;
	size_t len;

	if (!sa)
		return -ENOENT;
	p = sock_addr_bytes(&sa->local, &len);
	memset(a, 0, sizeof(*a));
	a->family = sa->local.ss_family;
	memcpy(&a->u, p, len);
	return 0;
}

/**
 * nhrp_pkt_new - start a packet of ours
 * @p: the packet, cleared and given its type and families
 * @type: enum nhrp_type
 * @nbma_family: AF_INET or AF_INET6: of the NBMA addresses
 * @proto_family: AF_INET or AF_INET6: of the protocol addresses
 */
void nhrp_pkt_new(struct nhrp_pkt *p, uint8_t type, int nbma_family,
		  int proto_family)
{
	memset(p, 0, sizeof(*p));
	p->type = type;
	p->afn = nbma_family == AF_INET6 ? NHRP_AFN_IPV6 : NHRP_AFN_IPV4;
	p->proto_type = proto_family == AF_INET6 ? NHRP_PROTO_IPV6 :
						   NHRP_PROTO_IPV4;
	p->hop_count = NHRP_HOPS;
}

/**
 * nhrp_addr_from - an NHRP address from a route address
 * @n: the NHRP address
 * @r: the route address; AF_UNSPEC gives an absent one
 */
void nhrp_addr_from(struct nhrp_addr *n, const struct route_addr *r)
{
	memset(n, 0, sizeof(*n));
	n->family = r->family;
	if (r->family == AF_INET)
		n->u.v4 = r->v4;
	else if (r->family == AF_INET6)
		n->u.v6 = r->v6;
}

/**
 * nhrp_addr_to - a route address from an NHRP address
 * @n: the NHRP address
 * @r: the route address
 */
void nhrp_addr_to(const struct nhrp_addr *n, struct route_addr *r)
{
	memset(r, 0, sizeof(*r));
	r->family = n->family;
	if (n->family == AF_INET)
		r->v4 = n->u.v4;
	else if (n->family == AF_INET6)
		r->v6 = n->u.v6;
}

/* send bytes out of an interface, counted */
static int nhrp_send_raw(const struct nhrp_if *nif, const uint8_t *buf,
			 size_t len, enum nhrp_stat stat)
{
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(FLEXVTI_ETH_P_NHRP),
		.sll_ifindex = (int)nif->ifindex,
	};
	ssize_t n = sendto(nhrp_lf.fd, buf, len, 0, (struct sockaddr *)&sll,
			   sizeof(sll));
	int err = n < 0 ? -errno : -EIO;

	if (n != (ssize_t)len) {
		nhrp_count(nif->ifindex, NHRP_STAT_TX_ERRORS);
		return err;
	}
	nhrp_count(nif->ifindex, stat);
	return 0;
}

/**
 * nhrp_send - send an NHRP packet out of an interface
 * @nif: the interface
 * @p: the packet
 * @stat: the counter of a packet sent
 *
 * Return: 0, or a negative errno (counted as a send error).
 */
int nhrp_send(const struct nhrp_if *nif, const struct nhrp_pkt *p,
	      enum nhrp_stat stat)
{
	uint8_t buf[NHRP_BUF_MAX];
	int len = nhrp_build(p, buf, sizeof(buf));

	if (len < 0)
		nhrp_count(nif->ifindex, NHRP_STAT_TX_ERRORS);
	else
		len = nhrp_send_raw(nif, buf, len, stat);
	if (len < 0) {
		log_warn("%s: cannot send NHRP %s: %s", nif->name,
			 nhrp_type_name(p->type), strerror(-len));
		return len;
	}
	return 0;
}

/**
 * nhrp_request_send - send a Resolution Request for a destination
 * @nif: the interface towards the next-hop server (the hub)
 * @target: the destination
 * @request_id: its request ID: a new one, or that of the request it
 *	retransmits (RFC 2332 §5.2.0.1, Request ID)
 *
 * Return: 0 or a negative errno.
 */
int nhrp_request_send(const struct nhrp_if *nif,
		      const struct route_addr *target, uint32_t request_id)
{
	struct nhrp_addr nbma;
	struct nhrp_pkt p;
	struct route_addr me;
	int ret;

	if (nhrp_if_addr(nif, target->family, &me))
		return -EADDRNOTAVAIL;
	ret = nhrp_if_nbma(nif, &nbma);
	if (ret)
		return ret;
	nhrp_pkt_new(&p, NHRP_RESOLUTION_REQUEST, nbma.family,
		     target->family);
	p.flags = NHRP_FLAG_RES_Q | NHRP_FLAG_RES_U;
	p.request_id = request_id;
	p.src_nbma = nbma;
	nhrp_addr_from(&p.src_proto, &me);
	nhrp_addr_from(&p.dst_proto, target);
	return nhrp_send(nif, &p, NHRP_STAT_TX_RES_REQUEST);
}

/* a Resolution Request of a new ID, remembered until answered */
static int nhrp_request(const struct nhrp_if *nif,
			const struct route_addr *target)
{
	uint32_t id = ++nhrp_request_id;
	int ret = nhrp_request_send(nif, target, id);

	return ret ? ret : nhrp_cache_pending(nif, target, id);
}

/* a Traffic Indication: resolve the quoted packet's destination */
static void nhrp_rx_indication(const struct nhrp_if *nif,
			       const struct nhrp_pkt *p)
{
	struct nhrp_addr src, dst;
	struct route_addr target;

	if (!nif->shortcut) {
		nhrp_drop(nif, p, "no ip nhrp shortcut on the interface");
		return;
	}
	if (p->traffic_code != NHRP_TRAFFIC_REDIRECT ||
	    nhrp_quoted_addrs(p, &src, &dst)) {
		nhrp_drop(nif, p, "not a redirect of an IP packet");
		return;
	}
	nhrp_addr_to(&dst, &target);
	if (nhrp_cache_known(&target))
		return;
	if (nhrp_request(nif, &target))
		log_warn("%s: cannot resolve a redirected destination",
			 nif->name);
}

/*
 * A Resolution Request to pass on out of @out: one hop less, and our own
 * entry in its Forward Transit NHS Record when it has one (RFC 2332
 * §5.3.2); a request that has crossed us before is dropped.
 */
static void nhrp_forward_out(const struct nhrp_if *nif,
			     const struct nhrp_if *out, uint8_t *buf,
			     size_t len, size_t size, const struct nhrp_pkt *p)
{
	struct nhrp_cie self = { .code = NHRP_CIE_SUCCESS };
	struct route_addr me;
	int n;

	if (out->ifindex == nif->ifindex) {
		nhrp_drop(nif, p, "routed back where it came from");
		return;
	}
	if (nhrp_if_nbma(out, &self.nbma) ||
	    nhrp_if_addr(out, p->dst_proto.family, &me)) {
		nhrp_drop(nif, p, "no address of ours on the way out");
		return;
	}
	nhrp_addr_from(&self.proto, &me);
	self.holding_time = out->holdtime;
	n = nhrp_forward(buf, len, size, &self);
	if (n < 0) {
		nhrp_drop(nif, p, strerror(-n));
		return;
	}
	nhrp_send_raw(out, buf, n, NHRP_STAT_TX_FORWARDED);
}

/* a Resolution Request: pass it on, or answer it for our destination */
static void nhrp_rx_request(const struct nhrp_if *nif, uint8_t *buf,
			    size_t len, size_t size, const struct nhrp_pkt *p)
{
	struct route_addr dst;
	struct nhrp_if out;
	uint32_t oif;
	int prefix, ret;

	nhrp_addr_to(&p->dst_proto, &dst);
	ret = route_lookup(&dst, &oif, &prefix);
	if (ret) {
		nhrp_drop(nif, p, strerror(-ret));
		return;
	}
	if (!nhrp_if_get(oif, &out)) {
		if (out.network_id == nif->network_id)
			nhrp_forward_out(nif, &out, buf, len, size, p);
		else
			nhrp_drop(nif, p, "routed into another network-id");
		return;
	}
	/* the destination is behind us: a spoke answers over a shortcut */
	if (!nif->shortcut) {
		nhrp_drop(nif, p, "a destination of ours, no shortcut template");
		return;
	}
	ret = nhrp_shortcut_reply(nif, p, prefix);
	if (ret)
		nhrp_drop(nif, p, strerror(-ret));
}

static void nhrp_rx(const struct nhrp_if *nif, uint8_t *buf, size_t len,
		    size_t size)
{
	struct nhrp_pkt p;
	int ret;

	if (nhrp_parse(buf, len, &p)) {
		nhrp_count(nif->ifindex, NHRP_STAT_RX_MALFORMED);
		log_debug("%s: malformed NHRP packet: %s", nif->name, p.why);
		return;
	}
	log_debug("%s: NHRP %s received", nif->name, nhrp_type_name(p.type));
	switch (p.type) {
	case NHRP_TRAFFIC_INDICATION:
		nhrp_count(nif->ifindex, NHRP_STAT_RX_TRAFFIC_IND);
		nhrp_rx_indication(nif, &p);
		break;
	case NHRP_RESOLUTION_REQUEST:
		nhrp_count(nif->ifindex, NHRP_STAT_RX_RES_REQUEST);
		nhrp_rx_request(nif, buf, p.len, size, &p);
		break;
	case NHRP_RESOLUTION_REPLY:
		nhrp_count(nif->ifindex, NHRP_STAT_RX_RES_REPLY);
		ret = nhrp_cache_reply(nif, &p);
		if (ret)
			nhrp_drop(nif, &p, strerror(-ret));
		break;
	default:
		nhrp_count(nif->ifindex, NHRP_STAT_RX_OTHER);
	}
}

static void nhrp_readable(struct loop_fd *lf, uint32_t events)
{
	/* room for a Forward Transit NHS Record entry of ours */
	uint8_t buf[NHRP_BUF_MAX + 64];
	struct sockaddr_ll sll;
	socklen_t sl = sizeof(sll);
	struct nhrp_if nif;
	ssize_t n;
	int i;

	(void)events;
	/* a bounded batch: the loop has others to serve */
	for (i = 0; i < 64; i++) {
		n = recvfrom(lf->fd, buf, NHRP_BUF_MAX, MSG_TRUNC,
			     (struct sockaddr *)&sll, &sl);
		if (n < 0)
			return;
		if (sll.sll_pkttype == PACKET_OUTGOING)
			continue;
		if (nhrp_if_get(sll.sll_ifindex, &nif))
			continue;	/* not an NHRP interface of ours */
		if ((size_t)n > NHRP_BUF_MAX)
			nhrp_count(nif.ifindex, NHRP_STAT_RX_MALFORMED);
		else
			nhrp_rx(&nif, buf, n, sizeof(buf));
	}
}

/**
 * nhrp_redirect_event - the kernel's nhrp-redirect notification: a
 *	packet hairpinned between two interfaces of one network-id; its
 *	source is sent a Traffic Indication over the interface it came in on
 * @e: the notification
 */
void nhrp_redirect_event(const struct kern_event *e)
{
	const struct kern_nhrp_redirect *r = &e->nhrp;
	struct nhrp_addr nbma, proto;
	struct route_addr me;
	struct nhrp_pkt p;
	struct nhrp_if nif;

	if (nhrp_if_get(r->ifindex, &nif) || !nif.redirect)
		return;
	nhrp_count(nif.ifindex, NHRP_STAT_REDIRECT_EVENTS);
	if (nhrp_if_addr(&nif, r->family, &me) || nhrp_if_nbma(&nif, &nbma)) {
		nhrp_count(nif.ifindex, NHRP_STAT_TX_ERRORS);
		return;
	}
	nhrp_addr_from(&proto, &me);
	if (nhrp_traffic_indication(&p, &nbma, &proto, r->packet,
				    r->packet_len)) {
		nhrp_count(nif.ifindex, NHRP_STAT_TX_ERRORS);
		return;
	}
	nhrp_send(&nif, &p, NHRP_STAT_TX_TRAFFIC_IND);
}

/**
 * nhrp_session_up - a session is up: Replies waiting for a session with
 *	its peer go out over it
 * @s: the session
 */
void nhrp_session_up(struct session *s)
{
	nhrp_shortcut_session_up(s);
}

/**
 * nhrp_session_gone - a session's interface is going: its cache entries
 *	and counters go with it
 * @s: the session
 */
void nhrp_session_gone(struct session *s)
{
	struct nhrp_if_stats **p = &nhrp_stats, *st;

	if (!s->ifindex)
		return;
	nhrp_cache_flush_if(s->ifindex);
	while ((st = *p)) {
		if (st->ifindex == s->ifindex) {
			*p = st->next;
			free(st);
			continue;
		}
		p = &st->next;
	}
}

/**
 * nhrp_init - open the packet socket of NHRP (GRE protocol 0x2001) on
 *	every interface
 *
 * Return: 0 or a negative errno.
 */
int nhrp_init(void)
{
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(FLEXVTI_ETH_P_NHRP),
	};
	int fd;

	fd = socket(AF_PACKET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
		    htons(FLEXVTI_ETH_P_NHRP));
	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll))) {
		close(fd);
		return -errno;
	}
	nhrp_lf.fd = fd;
	nhrp_lf.fn = nhrp_readable;
	if (loop_add(&nhrp_lf, EPOLLIN)) {
		close(fd);
		nhrp_lf.fd = -1;
		return -ENOMEM;
	}
	return 0;
}

/**
 * nhrp_fini - close it, end the shortcut sessions and forget the cache
 */
void nhrp_fini(void)
{
	struct nhrp_if_stats *st;

	nhrp_shortcut_fini();
	nhrp_cache_fini();
	while ((st = nhrp_stats)) {
		nhrp_stats = st->next;
		free(st);
	}
	if (nhrp_lf.fd >= 0) {
		loop_del(&nhrp_lf);
		close(nhrp_lf.fd);
		nhrp_lf.fd = -1;
	}
}
