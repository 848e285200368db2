// SPDX-License-Identifier: GPL-2.0-only
/*
 * Shortcut sessions: the spoke that owns a destination answers a
 * Resolution Request over a direct IKEv2 session with the requester
 * (FlexVPN spoke-to-spoke, flexvpn-inventory §1.4 step 6).
 *
 * The Reply waits until there is a session with the requester's NBMA
 * address on an NHRP interface of the same network-id.  One may be up
 * already, or under way (the requester's, or ours for an earlier
 * request): the Reply then goes once it is up (nhrp_session_up()).
 * Otherwise we start one: a connection of ours (ike_initiator.c) to the
 * NBMA address, with the IKEv2 profile of the shortcut template's IPsec
 * profile (else of the interface the Request came in on), whose session
 * gets a virtual-access interface cloned from that template.  A Reply
 * still waiting after NHRP_PENDING_MS is dropped.
 *
 * Both spokes may want a shortcut with each other at once (the echo
 * replies of a ping are a flow of their own, redirected too): the one
 * with the lower NBMA address waits NHRP_DEFER_MS before it initiates,
 * and does not when the other's IKE SA arrived meanwhile.
 *
 * We end a shortcut session of ours NHRP_IDLE_MS after the last cache
 * entry via its interface expired, unless one came back meanwhile; the
 * peer's end follows with our IKE Delete.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/flexvti.h>

#include "../lib/cfg.h"
#include "flexvtid.h"
#include "ike.h"
#include "ike_sa.h"
#include "log.h"
#include "nhrp.h"
#include "session.h"
#include "sock.h"

/* a shortcut session of ours: waiting to start, started, or done */
enum nhrp_sc_state {
	NHRP_SC_DEFERRED,
	NHRP_SC_STARTED,
	NHRP_SC_FAILED,
};

/**
 * struct nhrp_shortcut - a shortcut session of ours
 * @next: the next one
 * @conn: its connection
 * @tmpl: the number of the template its interface is cloned from
 * @timer: starts it when deferred, ends it when idle, frees it after its
 *	connection failed
 * @state: enum nhrp_sc_state
 */
struct nhrp_shortcut {
	struct nhrp_shortcut *next;
	struct ike_conn *conn;
	unsigned int tmpl;
	struct timer timer;
	enum nhrp_sc_state state;
};

/* the lower NBMA address of two spokes waits this long to initiate */
#define NHRP_DEFER_MS	1000

/**
 * struct nhrp_wait - a Resolution Reply waiting for a session
 * @next: the next one
 * @req: the Request it answers
 * @network_id: of the interface the Request came in on
 * @prefix: the prefix length of our route to the destination
 * @holdtime: seconds, of that interface
 * @timer: drops it after NHRP_PENDING_MS
 */
struct nhrp_wait {
	struct nhrp_wait *next;
	struct nhrp_pkt req;
	uint32_t network_id;
	int prefix;
	unsigned int holdtime;
	struct timer timer;
};

static struct nhrp_shortcut *nhrp_shortcuts;
static struct nhrp_wait *nhrp_waits;

static void nhrp_nbma_sockaddr(const struct nhrp_addr *a,
			       struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof(*ss));
	ss->ss_family = a->family;
	if (a->family == AF_INET)
		((struct sockaddr_in *)ss)->sin_addr = a->u.v4;
	else
		((struct sockaddr_in6 *)ss)->sin6_addr = a->u.v6;
}

/**
 * nhrp_reply_send - answer a Resolution Request over a shortcut interface
 * @nif: the shortcut's interface
 * @req: the Request
 * @prefix: the prefix length of our route to its destination
 * @holdtime: seconds the answer holds
 *
 * The Reply carries the Request's fixed part and one CIE: our NBMA and
 * protocol addresses on @nif, the prefix (RFC 2332 §5.2.2).  The
 * requester's own address is then reached over @nif too.
 *
 * Return: 0 or a negative errno.
 */
static int nhrp_reply_send(const struct nhrp_if *nif,
			   const struct nhrp_pkt *req, int prefix,
			   unsigned int holdtime)
{
	struct route_addr me, peer;
	struct nhrp_addr nbma;
	struct nhrp_cie *c;
	struct nhrp_pkt p;
	int ret;

	if (nhrp_if_addr(nif, req->dst_proto.family, &me))
		return -EADDRNOTAVAIL;
	ret = nhrp_if_nbma(nif, &nbma);
	if (ret)
		return ret;
	/* the fixed part is the Request's: its NBMA family, the requester */
	nhrp_pkt_new(&p, NHRP_RESOLUTION_REPLY, req->src_nbma.family,
		     req->dst_proto.family);
	p.flags = (req->flags & (NHRP_FLAG_RES_Q | NHRP_FLAG_RES_U)) |
		  NHRP_FLAG_RES_A | NHRP_FLAG_RES_D;
	p.request_id = req->request_id;
	p.src_nbma = req->src_nbma;
	p.src_proto = req->src_proto;
	p.dst_proto = req->dst_proto;
	c = &p.cie[p.n_cies++];
	c->code = NHRP_CIE_SUCCESS;
	c->prefix_len = prefix;
	c->holding_time = holdtime;
	c->nbma = nbma;
	nhrp_addr_from(&c->proto, &me);
	ret = nhrp_send(nif, &p, NHRP_STAT_TX_RES_REPLY);
	if (ret)
		return ret;
	nhrp_addr_to(&req->src_proto, &peer);
	return nhrp_cache_peer(nif->ifindex, &peer, &req->src_nbma, holdtime);
}

/* the NHRP interface of a session with @nbma in network @id, if any */
static int nhrp_peer_if(const struct nhrp_addr *nbma, uint32_t id,
			struct nhrp_if *nif)
{
	struct sockaddr_storage want;
	struct ike_sa *sa;

	nhrp_nbma_sockaddr(nbma, &want);
	for (sa = ike_sa_first(); sa; sa = sa->next)
		if (sa->session && sock_addr_equal(&sa->remote, &want, false) &&
		    !nhrp_if_get(sa->session->ifindex, nif) &&
		    nif->network_id == id)
			return 0;
	return -ENOENT;
}

/* an IKE SA with @nbma under way, or a connection of ours to it */
static bool nhrp_peer_coming(const struct nhrp_addr *nbma)
{
	struct sockaddr_storage want;
	struct nhrp_shortcut *sc;
	struct ike_sa *sa;

	nhrp_nbma_sockaddr(nbma, &want);
	for (sa = ike_sa_first(); sa; sa = sa->next)
		if (!sa->session && sock_addr_equal(&sa->remote, &want, false))
			return true;
	for (sc = nhrp_shortcuts; sc; sc = sc->next)
		if (sc->state != NHRP_SC_FAILED &&
		    sock_addr_equal(&sc->conn->cfg.remote, &want, false))
			return true;
	return false;
}

/* an IKE SA with the peer of a deferred shortcut, the peer's or ours */
static bool nhrp_peer_has_sa(const struct nhrp_shortcut *sc)
{
	struct ike_sa *sa;

	for (sa = ike_sa_first(); sa; sa = sa->next)
		if (sock_addr_equal(&sa->remote, &sc->conn->cfg.remote, false))
			return true;
	return false;
}

/* the waiting Reply to the same requester and request ID, if any */
static struct nhrp_wait *nhrp_wait_find(const struct nhrp_pkt *req)
{
	struct nhrp_wait *w;

	for (w = nhrp_waits; w; w = w->next)
		if (w->req.request_id == req->request_id &&
		    nhrp_addr_equal(&w->req.src_nbma, &req->src_nbma))
			return w;
	return NULL;
}

static void nhrp_wait_free(struct nhrp_wait *w)
{
	struct nhrp_wait **p = &nhrp_waits;

	while (*p != w)
		p = &(*p)->next;
	*p = w->next;
	timer_del(&w->timer);
	free(w);
}

static void nhrp_wait_timer(struct timer *t)
{
	struct nhrp_wait *w = container_of(t, struct nhrp_wait, timer);

	log_warn("NHRP: no shortcut session came up for request %u",
		 w->req.request_id);
	nhrp_wait_free(w);
}

static void nhrp_shortcut_free(struct nhrp_shortcut *sc, const char *why)
{
	struct nhrp_shortcut **p = &nhrp_shortcuts;

	while (*p != sc)
		p = &(*p)->next;
	*p = sc->next;
	timer_del(&sc->timer);
	ike_conn_free(sc->conn, why);
	free(sc);
}

static void nhrp_shortcut_timer(struct timer *t)
{
	struct nhrp_shortcut *sc = container_of(t, struct nhrp_shortcut,
						timer);
	struct session *s = sc->conn->session;

	if (sc->state == NHRP_SC_DEFERRED) {
		if (nhrp_peer_has_sa(sc)) {
			nhrp_shortcut_free(sc, "the peer's shortcut came");
			return;
		}
		sc->state = NHRP_SC_STARTED;
		ike_conn_start(sc->conn);
		return;
	}
	if (sc->state == NHRP_SC_FAILED || !s) {
		nhrp_shortcut_free(sc, "shortcut failed");
		return;
	}
	if (!nhrp_cache_count_if(s->ifindex))
		nhrp_shortcut_free(sc, "NHRP entries expired");
}

/* ike_conn_ops: the shortcut's session, on a VA cloned from its template */
static int nhrp_shortcut_up(struct ike_conn *c, struct ike_sa *sa,
			    struct session *s)
{
	struct nhrp_shortcut *sc = c->priv;
	const struct cfg_template *t = cfg_template_find(daemon_cfg(),
							 sc->tmpl);

	if (!t)
		return -ENOENT;
	session_template_from(s, t, FLEXVTI_MODE_GRE);
	filter_from_iface(&s->filters, &t->iface);
	/* ended when idle, also if no entry ever comes (the Reply it was
	 * for gave up waiting, or could not be sent) */
	timer_set(&sc->timer, NHRP_IDLE_MS);
	return session_setup(s, sa);
}

static void nhrp_shortcut_down(struct ike_conn *c, const char *why)
{
	struct nhrp_shortcut *sc = c->priv;

	(void)why;
	/* not from inside the connection's own call: from the loop */
	sc->state = NHRP_SC_FAILED;
	timer_set(&sc->timer, 0);
}

static const struct ike_conn_ops nhrp_shortcut_ops = {
	.session_up = nhrp_shortcut_up,
	.down = nhrp_shortcut_down,
};

/* the IKEv2 profile to initiate with: the template's, else @nif's */
static const struct cfg_ipsec_profile *
nhrp_shortcut_ipsec(const struct cfg_template *t, const struct nhrp_if *nif)
{
	const struct cfg *cfg = daemon_cfg();
	const struct cfg_tunnel *tun;
	unsigned int num;

	if (t->ipsec && t->ipsec->ike_profile)
		return t->ipsec;
	if (sscanf(nif->name, "Tunnel%u", &num) != 1)
		return NULL;
	tun = cfg_tunnel_find(cfg, num);
	return tun && tun->ipsec && tun->ipsec->ike_profile ? tun->ipsec :
							      NULL;
}

/* start a shortcut session to @nbma, after NHRP_DEFER_MS when our own
 * NBMA address @me is the lower one */
static int nhrp_shortcut_start(const struct nhrp_if *nif,
			       const struct nhrp_addr *nbma,
			       const struct nhrp_addr *me)
{
	const struct cfg_template *t = nif->shortcut;
	const struct cfg_ipsec_profile *ip = nhrp_shortcut_ipsec(t, nif);
	struct nhrp_shortcut *sc;
	struct ike_conn_cfg cc;
	char a[INET6_ADDRSTRLEN];

	if (!ip) {
		log_warn("%s: Virtual-Template%u has no IPsec profile with an "
			 "IKEv2 profile to bring a shortcut up with",
			 nif->name, t->num);
		return -ENOENT;
	}
	sc = calloc(1, sizeof(*sc));
	if (!sc)
		return -ENOMEM;
	memset(&cc, 0, sizeof(cc));
	nhrp_addr_ntop(nbma, a, sizeof(a));
	snprintf(cc.name, sizeof(cc.name), "shortcut %s", a);
	nhrp_nbma_sockaddr(nbma, &cc.remote);
	snprintf(cc.profile, sizeof(cc.profile), "%s", ip->ike_profile->name);
	snprintf(cc.ipsec, sizeof(cc.ipsec), "%s", ip->name);
	cc.mode = nbma->family == AF_INET6 ? CFG_TUNNEL_GRE_IPV6 :
					     CFG_TUNNEL_GRE_IP;
	sc->tmpl = t->num;
	timer_init(&sc->timer, nhrp_shortcut_timer);
	sc->conn = ike_conn_new(&cc, &nhrp_shortcut_ops, sc);
	if (!sc->conn) {
		free(sc);
		return -ENOMEM;
	}
	sc->next = nhrp_shortcuts;
	nhrp_shortcuts = sc;
	log_info("%s: bringing a shortcut to %s up on Virtual-Template%u",
		 nif->name, a, t->num);
	if (me->family == nbma->family &&
	    memcmp(&me->u, &nbma->u, nhrp_addr_len(me)) < 0) {
		timer_set(&sc->timer, NHRP_DEFER_MS);
		return 0;
	}
	sc->state = NHRP_SC_STARTED;
	ike_conn_start(sc->conn);
	return 0;
}

/**
 * nhrp_shortcut_reply - answer a Resolution Request for a destination of
 *	ours over a shortcut session with the requester
 * @nif: the interface the Request came in on, with a shortcut template
 * @req: the Request
 * @prefix: the prefix length of our route to it
 *
 * Return: 0 when the Reply went or waits for the session, or a negative
 * errno.
 */
int nhrp_shortcut_reply(const struct nhrp_if *nif, const struct nhrp_pkt *req,
			int prefix)
{
	struct nhrp_addr me;
	struct nhrp_if peer;
	struct nhrp_wait *w;

	if (!req->src_nbma.family || !req->src_proto.family)
		return -EINVAL;
	if (!nhrp_peer_if(&req->src_nbma, nif->network_id, &peer))
		return nhrp_reply_send(&peer, req, prefix, nif->holdtime);
	if (nhrp_wait_find(req))
		return 0;	/* a retransmission of a Request we hold */
	w = calloc(1, sizeof(*w));
	if (!w)
		return -ENOMEM;
	w->req = *req;
	w->req.quoted = NULL;
	w->req.quoted_len = 0;
	w->network_id = nif->network_id;
	w->prefix = prefix;
	w->holdtime = nif->holdtime;
	timer_init(&w->timer, nhrp_wait_timer);
	timer_set(&w->timer, NHRP_PENDING_MS);
	w->next = nhrp_waits;
	nhrp_waits = w;
	if (nhrp_peer_coming(&req->src_nbma))
		return 0;
	if (nhrp_if_nbma(nif, &me))
		memset(&me, 0, sizeof(me));
	return nhrp_shortcut_start(nif, &req->src_nbma, &me);
}

/**
 * nhrp_shortcut_session_up - a session is up: the Replies waiting for its
 *	peer go over it
 * @s: the session
 */
void nhrp_shortcut_session_up(struct session *s)
{
	struct sockaddr_storage want;
	struct nhrp_wait *w, *next;
	struct nhrp_if nif;

	if (!nhrp_waits || !s->ike || nhrp_if_get(s->ifindex, &nif))
		return;
	for (w = nhrp_waits; w; w = next) {
		next = w->next;
		nhrp_nbma_sockaddr(&w->req.src_nbma, &want);
		if (w->network_id != nif.network_id ||
		    !sock_addr_equal(&s->ike->remote, &want, false))
			continue;
		nhrp_reply_send(&nif, &w->req, w->prefix, w->holdtime);
		nhrp_wait_free(w);
	}
}

/**
 * nhrp_shortcut_idle - the last cache entry of an interface expired: a
 *	shortcut session of ours on it ends NHRP_IDLE_MS later unless an
 *	entry comes back
 * @ifindex: the interface
 */
void nhrp_shortcut_idle(uint32_t ifindex)
{
	struct nhrp_shortcut *sc;

	for (sc = nhrp_shortcuts; sc; sc = sc->next)
		if (sc->state == NHRP_SC_STARTED && sc->conn->session &&
		    sc->conn->session->ifindex == ifindex)
			timer_set(&sc->timer, NHRP_IDLE_MS);
}

/**
 * nhrp_shortcut_fini - end every shortcut session of ours, drop the
 *	waiting Replies
 */
void nhrp_shortcut_fini(void)
{
	while (nhrp_waits)
		nhrp_wait_free(nhrp_waits);
	while (nhrp_shortcuts)
		nhrp_shortcut_free(nhrp_shortcuts, "daemon stopping");
}
