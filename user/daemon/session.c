// SPDX-License-Identifier: GPL-2.0-only
/*
 * Sessions in the kernel: one virtual-access interface per session,
 * created over rtnetlink, configured and given its SAs over the flexvti
 * generic netlink family, brought up and routed over rtnetlink.  Any
 * failure deletes the interface again, so no half-made session stays.
 * The CHILD_SA lifetimes (rekey, expiry) and the kernel's notifications
 * about a session's SAs and interface.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/flexvti.h>
#include <openssl/crypto.h>

#include "../lib/ikev2.h"
#include "../lib/cfg.h"
#include "../lib/kern_nl.h"
#include "acct.h"
#include "ike.h"
#include "ike_sa.h"
#include "stats.h"
#include "log.h"
#include "nhrp.h"
#include "loop.h"
#include "mpls.h"
#include "pool.h"
#include "session.h"
#include "sock.h"

#define SESSION_BUCKETS	1024

static struct kern_nl session_nl;	/* the flexvti genl family */
static struct kern_nl session_rtnl;	/* rtnetlink, for the interfaces */
static struct kern_nl session_ev;	/* the family's "events" group */
static struct loop_fd session_ev_fd;
static struct session *session_table[SESSION_BUCKETS];	/* by ifindex */
/* no "vaN" of ours below this N: where the search for a free name starts */
static unsigned int session_va_free = 1;

static void session_events(struct loop_fd *lf, uint32_t events);

/**
 * session_init - open the netlink sockets of the sessions
 *
 * Return: 0, or a negative errno (the module could not be loaded, say).
 */
int session_init(void)
{
	int ret = kern_link_open(&session_rtnl);

	if (ret)
		return ret;
	ret = kern_nl_open(&session_nl);
	if (!ret)
		ret = kern_nl_monitor_open(&session_ev);
	if (!ret) {
		nl_socket_set_nonblocking(session_ev.sk);
		session_ev_fd.fd = nl_socket_get_fd(session_ev.sk);
		session_ev_fd.fn = session_events;
		ret = loop_add(&session_ev_fd, EPOLLIN);
		if (ret)
			kern_nl_close(&session_ev);
	}
	if (ret) {
		kern_nl_close(&session_nl);
		kern_nl_close(&session_rtnl);
	}
	return ret;
}

/**
 * session_fini - close them
 */
void session_fini(void)
{
	loop_del(&session_ev_fd);
	kern_nl_close(&session_ev);
	kern_nl_close(&session_nl);
	kern_nl_close(&session_rtnl);
}

static struct session **session_bucket(uint32_t ifindex)
{
	return &session_table[ifindex % SESSION_BUCKETS];
}

/**
 * session_find - the session of an interface
 * @ifindex: the interface
 *
 * Return: the session, or NULL.
 */
struct session *session_find(uint32_t ifindex)
{
	struct session *s;

	for (s = *session_bucket(ifindex); s; s = s->hnext)
		if (s->ifindex == ifindex)
			return s;
	return NULL;
}

static void session_unhash(struct session *s)
{
	struct session **p = session_bucket(s->ifindex);

	while (*p && *p != s)
		p = &(*p)->hnext;
	if (*p)
		*p = s->hnext;
}

/**
 * session_genl - the daemon's socket of the flexvti genl family
 *
 * Return: the socket, for reading counters.
 */
struct kern_nl *session_genl(void)
{
	return &session_nl;
}

static void session_life_timer(struct timer *t);
static void session_swap_timer(struct timer *t);

/* Session-Timeout (RFC 2865 §5.27) or "session-lifetime": the end */
static void session_timeout_timer(struct timer *t)
{
	struct session *s = container_of(t, struct session, timeout);

	session_set_cause(s, SESSION_CAUSE_SESSION_TIMEOUT);
	ike_delete_start(s->ike, "session timeout");
}

/**
 * session_timeout_set - end a session a time from now, whatever it does
 *	(Session-Timeout of its Access-Accept, "session-lifetime" of its
 *	authorization policy)
 * @s: the session, with its IKE SA
 * @seconds: from now; 0 for never
 */
void session_timeout_set(struct session *s, unsigned int seconds)
{
	if (seconds)
		timer_set(&s->timeout, (uint64_t)seconds * 1000);
	else
		timer_del(&s->timeout);
}

/**
 * session_new - a session to fill and set up
 *
 * Return: the session, zeroed but for its audit-session-id and
 * Acct-Session-Id (acct_session_ids()), or NULL without memory.
 */
struct session *session_new(void)
{
	struct session *s = calloc(1, sizeof(struct session));

	if (s) {
		timer_init(&s->life.timer, session_life_timer);
		timer_init(&s->swap_timer, session_swap_timer);
		timer_init(&s->timeout, session_timeout_timer);
		acct_session_ids(s);
	}
	return s;
}

/**
 * session_set_cause - say why a session ends, for its Acct-Terminate-Cause
 * @s: the session, or NULL (nothing happens)
 * @cause: the reason
 *
 * The first reason given wins: what happened first ended the session,
 * whatever the teardown runs into after.
 */
void session_set_cause(struct session *s, enum session_cause cause)
{
	if (s && !s->aaa.cause)
		s->aaa.cause = cause;
}

/* the interface's tunnel endpoints: the IKE SA's addresses */
static void session_endpoints(struct kern_dev *d, const struct ike_sa *sa)
{
	const void *p;
	size_t len;

	p = sock_addr_bytes(&sa->local, &len);
	memcpy(&d->local, p, len);
	p = sock_addr_bytes(&sa->remote, &len);
	memcpy(&d->remote, p, len);
}

/*
 * The first free "vaN" from session_va_free on, up and with the
 * template's MTU: the kernel refuses a name in use (-EEXIST).  Names are
 * not probed with if_nametoindex(): asking for a device that does not
 * exist makes the kernel look for a module "netdev-vaN" (dev_load()), a
 * modprobe each time.
 */
static int session_link_add(struct session *s, const struct ike_sa *sa)
{
	struct kern_dev d = {
		.has = KERN_DEV_HAS_MODE | KERN_DEV_HAS_TEMPLATE |
		       KERN_DEV_HAS_LOCAL | KERN_DEV_HAS_REMOTE,
		.mode = s->tmpl.mode,
		.template_id = s->tmpl.id,
		.family = sa->remote.ss_family,
	};
	unsigned int n;
	int ret;

	session_endpoints(&d, sa);
	if (s->tmpl.nhrp_network_id) {
		d.has |= KERN_DEV_HAS_NHRP;
		d.nhrp_network_id = s->tmpl.nhrp_network_id;
	}
	if (s->tmpl.nhrp_redirect) {
		d.has |= KERN_DEV_HAS_NHRP_REDIRECT;
		d.nhrp_redirect = s->tmpl.nhrp_redirect;
	}
	for (n = session_va_free; n < 1000000; n++) {
		snprintf(s->name, sizeof(s->name), "va%u", n);
		ret = kern_link_add_up(&session_rtnl, s->name, &d,
				       s->tmpl.mtu);
		if (ret == -EEXIST)
			continue;
		if (ret)
			return ret;
		session_va_free = n + 1;
		s->ifindex = if_nametoindex(s->name);
		return s->ifindex ? 0 : -ENODEV;
	}
	return -ENOSPC;
}

/* the filters given, put in force on the new interface */
static int session_filters(struct session *s)
{
	char why[160];
	int ret;

	ret = filter_apply(s, &s->filters, FILTER_ALL, why, sizeof(why));
	if (ret)
		log_warn("%s: %s", s->name, why);
	return ret;
}

/* the name of a virtual-access interface that goes is free again */
static void session_va_release(const struct session *s)
{
	unsigned int n;

	if (sscanf(s->name, "va%u", &n) == 1 && n && n < session_va_free)
		session_va_free = n;
}

/* ESP-in-UDP on our port 4500 socket, to the peer's port (RFC 3948) */
static int session_udp(struct session *s, const struct ike_sa *sa)
{
	struct ike_sock *natt = sock_find(sa->remote.ss_family, true);
	struct kern_dev d = {
		.ifindex = s->ifindex,
		.has = KERN_DEV_HAS_UDP_SOCKET | KERN_DEV_HAS_REMOTE_PORT,
		.udp_fd = natt ? natt->lf.fd : -1,
		.remote_port = sock_addr_port(&sa->remote),
	};

	if (!natt)
		return -EAFNOSUPPORT;
	return kern_nl_dev_set(&session_nl, &d);
}

/*
 * A static tunnel interface: its endpoints become the IKE SA's, and ESP
 * goes into UDP on our port 4500 socket with a NAT, raw otherwise (it
 * may have been encapsulated for the session before).
 */
static int session_fixed_link(struct session *s, const struct ike_sa *sa)
{
	struct ike_sock *natt = sock_find(sa->remote.ss_family, true);
	bool udp = sa->nat_local || sa->nat_remote;
	struct kern_dev d = {
		.ifindex = s->ifindex,
		.has = KERN_DEV_HAS_LOCAL | KERN_DEV_HAS_REMOTE |
		       KERN_DEV_HAS_UDP_SOCKET,
		.family = sa->remote.ss_family,
		.udp_fd = -1,
	};

	if (udp && !natt)
		return -EAFNOSUPPORT;
	if (udp) {
		d.has |= KERN_DEV_HAS_REMOTE_PORT;
		d.udp_fd = natt->lf.fd;
		d.remote_port = sock_addr_port(&sa->remote);
	}
	session_endpoints(&d, sa);
	return kern_nl_dev_set(&session_nl, &d);
}

static uint32_t session_alg(const struct session_child *c)
{
	switch (c->encr->id) {
	case IKEV2_ENCR_AES_GCM_16:
		return FLEXVTI_SA_ALG_AES_GCM;
	case IKEV2_ENCR_CHACHA20_POLY1305:
		return FLEXVTI_SA_ALG_CHACHA20_POLY1305;
	}
	switch (c->integ ? c->integ->id : 0) {
	case IKEV2_INTEG_HMAC_SHA1_96:
		return FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA1;
	case IKEV2_INTEG_HMAC_SHA2_256_128:
		return FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA256;
	case IKEV2_INTEG_HMAC_SHA2_384_192:
		return FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA384;
	case IKEV2_INTEG_HMAC_SHA2_512_256:
		return FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA512;
	}
	return 0;
}

static void session_key(struct kern_sa_key *k, const uint8_t *p, size_t len)
{
	k->len = len;
	memcpy(k->data, p, len);
}

/* a byte lifetime of an SA: soft (jittered) or hard, 0 for none */
static uint64_t session_bytes(const struct session *s, bool soft)
{
	uint64_t bytes = s->life.kbytes * 1024;

	return soft ? ike_jitter(bytes) : bytes;
}

/* one SA of a CHILD_SA; kern_nl_sa_new() wipes the keys it was given */
static int session_sa_add(struct session *s, const struct session_child *c,
			  uint32_t dir)
{
	const uint8_t *key = dir == FLEXVTI_SA_DIR_IN ? c->key_in : c->key_out;
	size_t klen = c->encr->key_len - c->encr->salt_len;
	struct kern_sa sa = {
		.ifindex = s->ifindex,
		.has = KERN_SA_HAS_DIR | KERN_SA_HAS_SPI | KERN_SA_HAS_ALG |
		       KERN_SA_HAS_KEY | KERN_SA_HAS_ICV,
		.dir = dir,
		.spi = dir == FLEXVTI_SA_DIR_IN ? c->spi_in : c->spi_out,
		.alg = session_alg(c),
		.icv_len = c->integ ? c->integ->icv_len : c->encr->icv_len,
		.esn = c->esn,
		.soft_bytes = session_bytes(s, true),
		.hard_bytes = session_bytes(s, false),
	};
	int ret;

	session_key(&sa.key, key, klen);
	if (c->encr->salt_len) {
		sa.has |= KERN_SA_HAS_SALT;
		session_key(&sa.salt, key + klen, c->encr->salt_len);
	}
	if (c->integ) {
		sa.has |= KERN_SA_HAS_AUTH_KEY;
		session_key(&sa.auth_key, key + c->encr->key_len,
			    c->integ->key_len);
	}
	if (c->esn)
		sa.has |= KERN_SA_HAS_ESN;
	if (sa.soft_bytes)
		sa.has |= KERN_SA_HAS_SOFT_BYTES;
	if (sa.hard_bytes)
		sa.has |= KERN_SA_HAS_HARD_BYTES;
	ret = kern_nl_sa_new(&session_nl, &sa);
	kern_sa_wipe(&sa);
	return ret;
}

/*
 * Our negotiated addresses on a static interface, host routes.  They
 * stay when the session goes (the interface's owner replaces them):
 * Linux deletes the IPv4 routes of an interface that loses its last
 * IPv4 address, the operator's routes through the tunnel among them.
 */
static int session_fixed_addrs(struct session *s)
{
	unsigned int i;
	int ret;

	for (i = 0; i < s->naddr; i++) {
		ret = route_addr(true, s->ifindex, &s->addr[i],
				 s->addr[i].family == AF_INET ? 32 : 128);
		if (ret && ret != -EEXIST)
			return ret;
	}
	return 0;
}

/* the address of the template's unnumbered interface, the routes' source */
static const struct route_addr *session_src(const struct session *s,
					    int family, struct route_addr *src)
{
	if (!s->tmpl.unnumbered[0] ||
	    route_ifaddr(s->tmpl.unnumbered, family, src))
		return NULL;
	return src;
}

/**
 * session_route_str - a session route as "PREFIX/LEN"
 * @r: the route
 * @buf: receives the text
 * @len: room in @buf, INET6_ADDRSTRLEN + 4 is enough
 */
void session_route_str(const struct session_route *r, char *buf, size_t len)
{
	char a[INET6_ADDRSTRLEN];

	inet_ntop(r->dst.family, &r->dst.v4, a, sizeof(a));
	snprintf(buf, len, "%s/%u", a, r->prefix);
}

/*
 * The routes to the peer's subnets: those the kernel refuses (a route
 * there is, another session's say) are left out and logged; they do not
 * fail the session.
 */
static void session_peer_routes(struct session *s)
{
	struct route_addr src;
	unsigned int i, n = 0;
	char p[INET6_ADDRSTRLEN + 4];
	int ret;

	for (i = 0; i < s->nroutes; i++) {
		struct session_route *r = &s->routes[i];

		ret = route_prefix(true, s->ifindex, &r->dst, r->prefix,
				   s->fixed ? NULL :
				   session_src(s, r->dst.family, &src),
				   r->metric);
		session_route_str(r, p, sizeof(p));
		if (ret) {
			stats_inc(STAT_ROUTE_FAILED);
			log_warn("%s: no route to %s of the peer: %s", s->name,
				 p, strerror(-ret));
			continue;
		}
		stats_inc(STAT_ROUTE_ADDED);
		log_info("%s: route to %s metric %u", s->name, p, r->metric);
		s->routes[n++] = *r;
	}
	s->nroutes = n;
}

static int session_routes(struct session *s)
{
	struct route_addr src;
	unsigned int i;
	int ret;

	if (s->fixed) {
		ret = session_fixed_addrs(s);
		if (!ret)
			session_peer_routes(s);
		return ret;
	}
	for (i = 0; i < s->naddr; i++) {
		ret = route_host(true, s->ifindex, &s->addr[i],
				 session_src(s, s->addr[i].family, &src));
		if (ret)
			return ret;
	}
	session_peer_routes(s);
	return 0;
}

/* the routes to the peer's subnets, on a static interface */
static void session_peer_routes_del(struct session *s)
{
	unsigned int i;
	int ret;

	for (i = 0; i < s->nroutes; i++) {
		ret = route_prefix(false, s->ifindex, &s->routes[i].dst,
				   s->routes[i].prefix, NULL,
				   s->routes[i].metric);
		if (ret && ret != -ENOENT && ret != -ENODEV)
			log_warn("%s: cannot delete a route of the peer: %s",
				 s->name, strerror(-ret));
	}
	if (s->nroutes)
		log_info("%s: %u routes of the peer deleted", s->name,
			 s->nroutes);
	s->nroutes = 0;
}

/* what a session leaves on a static interface: its SAs, its routes */
static void session_fixed_clear(struct session *s)
{
	struct session_pair p = {
		.spi_in = s->child.spi_in, .spi_out = s->child.spi_out,
	};

	if (!s->ifindex)
		return;
	session_peer_routes_del(s);
	session_child_del(s, &p);
	session_child_del(s, &s->old);
	session_child_del(s, &s->next);
}

/* the label stack of "mpls label-stack", pushed by the module */
static int session_mpls_labels(struct session *s)
{
	struct kern_dev d = {
		.ifindex = s->ifindex,
		.has = KERN_DEV_HAS_MPLS_LABELS,
		.mpls_nlabels = s->tmpl.nlabels,
	};

	memcpy(d.mpls_labels, s->tmpl.mpls_labels,
	       s->tmpl.nlabels * sizeof(d.mpls_labels[0]));
	return kern_nl_dev_set(&session_nl, &d);
}

/*
 * MPLS on the interface (s->tmpl.mpls): Linux's MPLS stack takes the
 * labelled packets that arrive on it, and the module pushes the label
 * stack of "mpls label-stack", if any, on the IP packets it sends.
 * Without the MPLS stack loaded the session cannot work as configured
 * and is not set up.
 */
static int session_mpls(struct session *s, const struct ike_sa *sa)
{
	char from[32];
	int ret = mpls_input_enable(s->name);

	if (!ret)
		return s->tmpl.nlabels ? session_mpls_labels(s) : 0;
	if (ret != -ENOPROTOOPT)
		return ret;
	if (s->fixed)
		snprintf(from, sizeof(from), "interface %s", s->name);
	else
		snprintf(from, sizeof(from), "Virtual-Template%u", s->tmpl.id);
	log_err("IKE SA %u: %s has MPLS on, but Linux's MPLS stack is not "
		"loaded (no /proc/sys/net/mpls): modprobe mpls_router", sa->id,
		from);
	return ret;
}

static int session_kernel(struct session *s, struct ike_sa *sa)
{
	const char *step;
	int ret;

	step = "create the interface";
	ret = s->fixed ? 0 : session_link_add(s, sa);
	if (ret)
		return ret;
	step = s->fixed ? "set the tunnel endpoints" :
			  "hand over the UDP socket";
	if (s->fixed)
		ret = session_fixed_link(s, sa);
	else if (sa->nat_local || sa->nat_remote)
		ret = session_udp(s, sa);
	if (!ret && s->tmpl.mpls) {
		step = "turn MPLS on";
		ret = session_mpls(s, sa);
	}
	if (!ret && !filter_empty(&s->filters)) {
		step = "attach the access lists and policers";
		ret = session_filters(s);
	}
	if (!ret) {
		step = "install the inbound SA";
		ret = session_sa_add(s, &s->child, FLEXVTI_SA_DIR_IN);
	}
	if (!ret) {
		step = "install the outbound SA";
		ret = session_sa_add(s, &s->child, FLEXVTI_SA_DIR_OUT);
	}
	if (!ret && s->fixed) {
		step = "bring the interface up";
		ret = route_link_up(s->ifindex, s->tmpl.mtu);
	}
	if (!ret) {
		step = s->fixed ? "add the negotiated address" :
				  "route the client's addresses";
		ret = session_routes(s);
	}
	if (ret) {
		log_err("IKE SA %u: cannot %s: %s%s%s", sa->id, step,
			strerror(-ret), session_nl.extack[0] ? ": " : "",
			session_nl.extack);
		if (s->fixed) {
			/* the routes were not added: none to delete */
			s->nroutes = 0;
			session_fixed_clear(s);
			return ret;
		}
		kern_link_del(&session_rtnl, s->ifindex);
		session_va_release(s);
		s->ifindex = 0;
	}
	return ret;
}

/**
 * session_template_from - a session's interface settings from its virtual
 *	template
 * @s: the session
 * @t: the template
 * @mode: the interface's FLEXVTI_MODE_*, as negotiated
 *
 * Fills @s->tmpl: the template's number, MTU, NHRP network-id and redirect
 * timeout (seconds, 0 for off), unnumbered interface and MPLS settings.
 */
void session_template_from(struct session *s, const struct cfg_template *t,
			   uint32_t mode)
{
	s->tmpl.id = t->num;
	s->tmpl.mtu = t->mtu;
	s->tmpl.mode = mode;
	s->tmpl.nhrp_network_id = t->nhrp_network_id;
	if (t->nhrp_redirect)
		s->tmpl.nhrp_redirect = t->nhrp_redirect_timeout;
	if (t->unnumbered)
		snprintf(s->tmpl.unnumbered, sizeof(s->tmpl.unnumbered), "%s",
			 t->unnumbered);
	mpls_session_template(&s->tmpl, &t->iface);
}

/**
 * session_setup - set up a filled session in the kernel and attach it
 *	to its IKE SA
 * @s: the session: template, CHILD_SA and assigned addresses filled in;
 *	with ->fixed, the static interface's ->name and ->ifindex too
 * @sa: the IKE SA
 *
 * On failure nothing is left in the kernel and @s is still the caller's.
 * The CHILD_SA keys stay in @s: the caller wipes them once it is done
 * (it may try again with another inbound SPI).
 *
 * Return: 0, -EEXIST when the inbound SPI is in use, or another negative
 * errno.
 */
int session_setup(struct session *s, struct ike_sa *sa)
{
	int ret;

	s->ike = sa;
	s->created = loop_now();
	ret = session_kernel(s, sa);
	if (ret)
		return ret;
	sa->session = s;
	s->hnext = *session_bucket(s->ifindex);
	*session_bucket(s->ifindex) = s;
	session_child_life(s);
	log_info("IKE SA %u: session up on %s", sa->id, s->name);
	nhrp_session_up(s);
	return 0;
}

/**
 * session_attach - attach a session to its IKE SA with nothing in the
 *	kernel: no interface, no SA, no route
 * @s: the session, filled as for session_setup()
 * @sa: the IKE SA
 *
 * For a session that lives in this process only: the load generator's
 * (user/bench/ikeload.c), which measures its peer.  session_free() and
 * the end of its IKE SA work as for any session; it has no lifetime
 * timer and is not rekeyed.
 */
void session_attach(struct session *s, struct ike_sa *sa)
{
	s->ike = sa;
	s->created = loop_now();
	sa->session = s;
}

/**
 * session_free - tear a session down: delete its interface (with its SAs
 *	and routes) and give its addresses back to their pools
 * @s: the session, detached from its IKE SA here
 *
 * A static tunnel interface stays, without the session's SAs (its
 * negotiated addresses stay until the next session's replace them), and
 * the session's connection is told (ike_conn_session_gone()).  An
 * accounted session's Stop record is made first, with the counters of
 * the interface before it goes.
 */
void session_free(struct session *s)
{
	struct ike_conn *conn = s->conn;
	unsigned int i;
	int ret;

	acct_session_stop(s);
	nhrp_session_gone(s);
	timer_del(&s->life.timer);
	timer_del(&s->swap_timer);
	timer_del(&s->timeout);
	if (s->fixed) {
		session_unhash(s);
		session_fixed_clear(s);
	} else if (s->ifindex) {
		session_unhash(s);
		ret = kern_link_del(&session_rtnl, s->ifindex);
		if (ret && ret != -ENODEV)
			log_warn("cannot delete %s: %s", s->name,
				 strerror(-ret));
		session_va_release(s);
	}
	for (i = 0; i < s->naddr; i++)
		if (s->pool[i][0])
			pool_release(s->pool[i], &s->addr[i]);
	if (s->ike)
		s->ike->session = NULL;
	filter_free(&s->filters);
	OPENSSL_cleanse(s, sizeof(*s));
	free(s);
	if (conn)
		ike_conn_session_gone(conn);
}

static void session_life_timer(struct timer *t)
{
	struct session *s = container_of(t, struct session, life.timer);
	uint64_t now = loop_now();

	if (now >= s->life.expire_at) {
		stats_inc(STAT_CHILD_EXPIRED);
		session_set_cause(s, SESSION_CAUSE_SESSION_TIMEOUT);
		ike_delete_start(s->ike, "CHILD_SA lifetime expired");
		return;
	}
	if (s->life.rekey_at && now >= s->life.rekey_at) {
		s->life.rekey_at = 0;
		ike_child_rekey_start(s->ike);
	}
	timer_set(t, s->life.expire_at - now);
}

/**
 * session_child_life - (re)start the lifetime of the current CHILD_SA
 * @s: the session, its ->life.seconds set
 *
 * The CHILD_SA is rekeyed at ike_jitter() of its lifetime and the
 * session deleted when the lifetime ends without a rekey.
 */
void session_child_life(struct session *s)
{
	uint64_t now = loop_now(), ms = s->life.seconds * 1000ULL;

	timer_del(&s->life.timer);
	if (!ms)
		return;
	s->life.rekey_at = now + ike_jitter(ms);
	s->life.expire_at = now + ms;
	timer_set(&s->life.timer, s->life.rekey_at - now);
}

/**
 * session_child_add - install a new pair of SAs beside the current ones
 * @s: the session
 * @c: the new CHILD_SA with its keys, which are wiped here
 *
 * The outbound SA is not used until session_child_use().  All or
 * nothing: when the outbound SA fails the inbound one goes again.
 *
 * Return: 0, -EEXIST when the inbound SPI is in use, or another negative
 * errno.
 */
int session_child_add(struct session *s, struct session_child *c)
{
	int ret = session_sa_add(s, c, FLEXVTI_SA_DIR_IN);

	if (!ret) {
		ret = session_sa_add(s, c, FLEXVTI_SA_DIR_OUT);
		if (ret)
			kern_nl_sa_del(&session_nl, s->ifindex,
				       FLEXVTI_SA_DIR_IN, c->spi_in);
	}
	if (ret)
		log_err("%s: cannot install a rekeyed CHILD_SA: %s%s%s",
			s->name, strerror(-ret),
			session_nl.extack[0] ? ": " : "", session_nl.extack);
	OPENSSL_cleanse(c->key_in, sizeof(c->key_in));
	OPENSSL_cleanse(c->key_out, sizeof(c->key_out));
	return ret;
}

/**
 * session_child_use - make an installed outbound SA the one in use, in
 *	one step (FLEXVTI_CMD_SA_SWAP)
 * @s: the session
 * @spi_out: its SPI
 *
 * Return: 0 or a negative errno.
 */
int session_child_use(struct session *s, uint32_t spi_out)
{
	int ret = kern_nl_sa_swap(&session_nl, s->ifindex, spi_out);

	if (ret)
		log_err("%s: cannot use outbound SA %08x: %s", s->name,
			spi_out, strerror(-ret));
	return ret;
}

/**
 * session_child_del - remove a pair of SAs that is no longer used
 * @s: the session
 * @p: the pair; nothing happens for a pair with no SPIs
 */
void session_child_del(struct session *s, const struct session_pair *p)
{
	if (p->spi_in)
		kern_nl_sa_del(&session_nl, s->ifindex, FLEXVTI_SA_DIR_IN,
			       p->spi_in);
	if (p->spi_out)
		kern_nl_sa_del(&session_nl, s->ifindex, FLEXVTI_SA_DIR_OUT,
			       p->spi_out);
}

/* the peer rekeyed and never deleted the old pair: finish it ourselves */
static void session_swap_timer(struct timer *t)
{
	struct session *s = container_of(t, struct session, swap_timer);

	ike_child_rekey_finish(s->ike, true);
}

/**
 * session_peer_moved - the peer's address or port changed: send there
 * @s: the session
 * @sa: its IKE SA, with the new addresses
 *
 * With the peer now behind a NAT, ESP goes into UDP on our port 4500
 * socket (RFC 3948).
 */
void session_peer_moved(struct session *s, struct ike_sa *sa)
{
	struct kern_dev d = {
		.ifindex = s->ifindex,
		.has = KERN_DEV_HAS_LOCAL | KERN_DEV_HAS_REMOTE,
		.family = sa->remote.ss_family,
	};
	int ret;

	session_endpoints(&d, sa);
	ret = kern_nl_dev_set(&session_nl, &d);
	if (!ret && (sa->nat_local || sa->nat_remote))
		ret = session_udp(s, sa);
	if (ret)
		log_err("%s: cannot follow the peer to %s: %s", s->name,
			sock_addr_str(&sa->remote), strerror(-ret));
}

static int session_dev_stats(const struct kern_dev *d, void *arg)
{
	struct kern_stats *st = arg;

	*st = d->stats;
	return 0;
}

/**
 * session_counters - packets and bytes through a session's interface, as
 *	the module counts them (FLEXVTI_A_STATS of dev-get, the counters of
 *	"ip -s link")
 * @s: the session
 * @c: filled with them; zeros on error
 *
 * Return: 0 or a negative errno.
 */
int session_counters(struct session *s, struct session_counts *c)
{
	struct kern_stats st = { 0 };
	int ret = kern_nl_dev_get(&session_nl, s->ifindex, session_dev_stats,
				  &st);

	c->pkts_in = st.rx_packets;
	c->pkts_out = st.tx_packets;
	c->bytes_in = st.rx_bytes;
	c->bytes_out = st.tx_bytes;
	return ret;
}

static void session_sa_event(struct session *s, const struct kern_sa *ksa)
{
	bool current = ksa->spi == (ksa->dir == FLEXVTI_SA_DIR_IN ?
				    s->child.spi_in : s->child.spi_out);

	if (!current)
		return;
	switch (ksa->event) {
	case FLEXVTI_SA_EVENT_SOFT_BYTES:
	case FLEXVTI_SA_EVENT_SOFT_PACKETS:
	case FLEXVTI_SA_EVENT_SEQ_WRAP:
		log_info("%s: SA %08x %s: rekeying", s->name, ksa->spi,
			 kern_sa_event_name(ksa->event));
		ike_child_rekey_start(s->ike);
		break;
	case FLEXVTI_SA_EVENT_HARD_BYTES:
	case FLEXVTI_SA_EVENT_HARD_PACKETS:
	case FLEXVTI_SA_EVENT_SEQ_EXHAUSTED:
		stats_inc(STAT_CHILD_EXPIRED);
		session_set_cause(s, SESSION_CAUSE_SESSION_TIMEOUT);
		ike_delete_start(s->ike, kern_sa_event_name(ksa->event));
		break;
	}
}

static int session_event(const struct kern_event *e, void *arg)
{
	struct session *s;

	(void)arg;
	switch (e->cmd) {
	case FLEXVTI_CMD_SA_EVENT_NTF:
		s = session_find(e->sa.ifindex);
		if (s)
			session_sa_event(s, &e->sa);
		break;
	case FLEXVTI_CMD_NHRP_REDIRECT_NTF:
		nhrp_redirect_event(e);
		break;
	case FLEXVTI_CMD_DEV_DEL_NTF:
		/* not one we deleted: those are gone from the table */
		s = session_find(e->dev.ifindex);
		if (s) {
			nhrp_session_gone(s);
			session_unhash(s);
			session_va_release(s);
			s->ifindex = 0;
			session_set_cause(s, SESSION_CAUSE_PORT_ERROR);
			ike_delete_start(s->ike, "interface deleted");
		}
		break;
	}
	return 0;
}

static void session_events(struct loop_fd *lf, uint32_t events)
{
	int ret;

	(void)lf;
	(void)events;
	ret = kern_nl_monitor_recv(&session_ev, session_event, NULL);
	if (ret == -ENOBUFS)
		log_warn("kernel notifications were lost");
}

/**
 * session_link_create - create a static tunnel interface, up
 * @name: its name ("Tunnel0")
 * @d: its settings: mode, endpoints
 * @mtu: its MTU in bytes, 0 for the module's default
 * @ifindex: receives its index
 *
 * A flexvti interface of that name left from before (a daemon that did
 * not stop cleanly) is replaced; any other interface of that name is not
 * touched (-EEXIST).
 *
 * Return: 0 or a negative errno.
 */
int session_link_create(const char *name, const struct kern_dev *d,
			unsigned int mtu, uint32_t *ifindex)
{
	uint32_t old = if_nametoindex(name);
	struct kern_stats st;
	int ret;

	if (old && !kern_nl_dev_get(&session_nl, old, session_dev_stats, &st))
		kern_link_del(&session_rtnl, old);
	ret = kern_link_add_up(&session_rtnl, name, d, mtu);
	if (ret) {
		log_err("cannot create %s: %s%s%s", name, strerror(-ret),
			session_rtnl.extack[0] ? ": " : "",
			session_rtnl.extack);
		return ret;
	}
	*ifindex = if_nametoindex(name);
	return *ifindex ? 0 : -ENODEV;
}

/**
 * session_link_delete - delete a static tunnel interface
 * @ifindex: its index
 * @name: its name, for the log
 */
void session_link_delete(uint32_t ifindex, const char *name)
{
	int ret = kern_link_del(&session_rtnl, ifindex);

	if (ret && ret != -ENODEV)
		log_warn("cannot delete %s: %s", name, strerror(-ret));
}
