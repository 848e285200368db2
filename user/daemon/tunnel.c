// SPDX-License-Identifier: GPL-2.0-only
/*
 * Static tunnel interfaces ("interface Tunnel<N>", flexvtid.conf.rst):
 * flexvtid is the initiator towards the tunnel destination, as a
 * FlexVPN site-to-site branch is.
 *
 * Each protected tunnel (with "tunnel protection ipsec profile" and
 * "tunnel destination", not shut down) gets at start-up the flexvti
 * interface named TunnelN: its mode, its outer endpoints (the
 * destination, and the tunnel source when it is an address), its MTU,
 * its "ip address" and "ipv6 address", up.  It outlives its sessions,
 * so that the operator's routes through it stay: without a session it
 * has no SAs and drops what is routed into it.  Its connection
 * (ike_initiator.c) brings a session up on it and brings it up again
 * whenever it goes; the session adds the SAs, the outer endpoints of the
 * IKE SA, ESP-in-UDP behind a NAT and the address of "ip address
 * negotiated", which stays until another session gets another one.
 *
 * A reload leaves a tunnel whose settings did not change alone, session
 * included; a changed tunnel is ended (its peer gets a Delete, its
 * interface goes) and made anew; a removed one is ended.  At exit every
 * tunnel is ended and its interface deleted.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/flexvti.h>

#include "../lib/cfg.h"
#include "../lib/kern_dev.h"
#include "flexvtid.h"
#include "ike.h"
#include "log.h"
#include "mpls.h"
#include "route.h"
#include "session.h"
#include "tunnel.h"

/* room for the settings a tunnel was made with */
#define TUNNEL_SIG_MAX	768

/**
 * struct tunnel - a static tunnel interface and its connection
 * @next: the next tunnel
 * @num: N of TunnelN
 * @name: its interface's name
 * @ifindex: its interface, 0 while it has none
 * @sig: the settings it was made with, to see what a reload changed
 * @conn: its connection
 * @negotiated: the address the last session got (CFG_REPLY), on the
 *	interface until another session gets another one
 */
struct tunnel {
	struct tunnel *next;
	unsigned int num;
	char name[IF_NAMESIZE];
	uint32_t ifindex;
	char sig[TUNNEL_SIG_MAX];
	struct ike_conn *conn;
	struct route_addr negotiated;
};

static struct tunnel *tunnels;

static const char *tunnel_addr_str(const struct cfg_addr *a, char *buf,
				   size_t len)
{
	if (!a->family || !inet_ntop(a->family, &a->v4, buf, len))
		snprintf(buf, len, "-");
	return buf;
}

/* the MPLS settings, after the others */
static void tunnel_sig_mpls(const struct cfg_tunnel *t, char *buf, size_t len)
{
	size_t n = strlen(buf);
	unsigned int i;

	snprintf(buf + n, len - n, "/mpls %d", t->mpls);
	for (i = 0; i < t->nmpls_labels; i++) {
		n = strlen(buf);
		snprintf(buf + n, len - n, " %u", t->mpls_labels[i]);
	}
}

/* every setting the interface and its connection are made from */
static void tunnel_sig(const struct cfg_tunnel *t, char *buf, size_t len)
{
	const struct cfg_ipsec_profile *ip = t->ipsec;
	char dest[INET6_ADDRSTRLEN], a4[INET6_ADDRSTRLEN];
	char a6[INET6_ADDRSTRLEN];

	snprintf(buf, len, "dest %s/source %s/mode %d/mtu %u/addr %s/%d%s/"
		 "addr6 %s/%d/nhrp %u %u/ipsec %s/ike %s/unnumbered %s %s",
		 tunnel_addr_str(&t->dest, dest, sizeof(dest)),
		 t->source ? t->source : "-", t->mode, t->mtu,
		 tunnel_addr_str(&t->addr, a4, sizeof(a4)), t->addr.prefix,
		 t->addr_negotiated ? " negotiated" : "",
		 tunnel_addr_str(&t->addr6, a6, sizeof(a6)), t->addr6.prefix,
		 t->nhrp_network_id, t->nhrp_redirect ?
		 t->nhrp_redirect_timeout : 0, ip ? ip->name : "-",
		 ip && ip->ike_profile ? ip->ike_profile->name : "-",
		 t->unnumbered ? t->unnumbered : "-",
		 t->unnumbered6 ? t->unnumbered6 : "-");
	tunnel_sig_mpls(t, buf, len);
}

static bool tunnel_protected(const struct cfg_tunnel *t)
{
	return t->ipsec && t->ipsec->ike_profile && t->dest.family &&
	       !t->shutdown;
}

static struct tunnel *tunnel_find(unsigned int num)
{
	struct tunnel *tun;

	for (tun = tunnels; tun; tun = tun->next)
		if (tun->num == num)
			return tun;
	return NULL;
}

static void tunnel_route_addr(const struct cfg_addr *a, struct route_addr *r)
{
	r->family = a->family;
	r->v6 = a->v6;	/* the union: an IPv4 address too */
}

/* the interface's mode and endpoints: those of the configuration until
 * a session sets the IKE SA's */
static void tunnel_dev(const struct cfg_tunnel *t, struct kern_dev *d)
{
	size_t len = t->dest.family == AF_INET ? 4 : 16;

	memset(d, 0, sizeof(*d));
	d->has = KERN_DEV_HAS_MODE | KERN_DEV_HAS_LOCAL | KERN_DEV_HAS_REMOTE;
	d->mode = t->mode == CFG_TUNNEL_IPSEC_IPV4 ||
		  t->mode == CFG_TUNNEL_IPSEC_IPV6 ? FLEXVTI_MODE_IPSEC :
						     FLEXVTI_MODE_GRE;
	d->family = t->dest.family;
	memcpy(&d->remote, &t->dest.v4, len);
	if (t->source_addr.family == t->dest.family)
		memcpy(&d->local, &t->source_addr.v4, len);
	if (t->nhrp_network_id) {
		d->has |= KERN_DEV_HAS_NHRP;
		d->nhrp_network_id = t->nhrp_network_id;
	}
	if (t->nhrp_redirect) {
		d->has |= KERN_DEV_HAS_NHRP_REDIRECT;
		d->nhrp_redirect = t->nhrp_redirect_timeout;
	}
}

/* the interface, up, with its configured addresses */
static int tunnel_link(struct tunnel *tun, const struct cfg_tunnel *t)
{
	struct route_addr ra;
	struct kern_dev d;
	int ret;

	tunnel_dev(t, &d);
	ret = session_link_create(tun->name, &d, t->mtu, &tun->ifindex);
	if (ret)
		return ret;
	if (t->addr.family) {
		tunnel_route_addr(&t->addr, &ra);
		ret = route_addr(true, tun->ifindex, &ra, t->addr.prefix);
	}
	if (!ret && t->addr6.family) {
		tunnel_route_addr(&t->addr6, &ra);
		ret = route_addr(true, tun->ifindex, &ra, t->addr6.prefix);
	}
	if (ret) {
		log_err("%s: cannot configure the interface: %s", tun->name,
			strerror(-ret));
		session_link_delete(tun->ifindex, tun->name);
		tun->ifindex = 0;
	}
	return ret;
}

/* the interface may have been deleted behind our back: make it again */
static int tunnel_link_check(struct tunnel *tun)
{
	const struct cfg_tunnel *t = cfg_tunnel_find(daemon_cfg(), tun->num);
	char name[IF_NAMESIZE];

	if (tun->ifindex && if_indextoname(tun->ifindex, name) &&
	    !strcmp(name, tun->name))
		return 0;
	tun->ifindex = 0;
	memset(&tun->negotiated, 0, sizeof(tun->negotiated));
	return t ? tunnel_link(tun, t) : -ENOENT;
}

/*
 * The address of "ip address negotiated" stays from one session to the
 * next (Linux deletes the IPv4 routes of an interface that loses its
 * last IPv4 address): another one replaces it once it is there.
 */
static void tunnel_negotiated(struct tunnel *tun, const struct session *s)
{
	const struct route_addr *old = &tun->negotiated;

	if (!s->naddr)
		return;
	if (old->family && (old->family != s->addr[0].family ||
			    memcmp(&old->v6, &s->addr[0].v6,
				   old->family == AF_INET ? 4 : 16)))
		route_addr(false, tun->ifindex, old,
			   old->family == AF_INET ? 32 : 128);
	tun->negotiated = s->addr[0];
}

/* ike_conn_ops: the session on the tunnel's interface */
static int tunnel_session_up(struct ike_conn *c, struct ike_sa *sa,
			     struct session *s)
{
	struct tunnel *tun = c->priv;
	const struct cfg_tunnel *t = cfg_tunnel_find(daemon_cfg(), tun->num);
	int ret = tunnel_link_check(tun);

	if (ret)
		return ret;
	s->fixed = true;
	s->ifindex = tun->ifindex;
	snprintf(s->name, sizeof(s->name), "%s", tun->name);
	s->tmpl.mtu = t ? t->mtu : 0;
	mpls_session_template(&s->tmpl, t ? &t->iface : NULL);
	filter_from_iface(&s->filters, t ? &t->iface : NULL);
	ret = session_setup(s, sa);
	if (!ret)
		tunnel_negotiated(tun, s);
	return ret;
}

static const struct ike_conn_ops tunnel_conn_ops = {
	.session_up = tunnel_session_up,
};

static void tunnel_conn_cfg(const struct cfg_tunnel *t, const char *name,
			    struct ike_conn_cfg *cc)
{
	memset(cc, 0, sizeof(*cc));
	snprintf(cc->name, sizeof(cc->name), "%s", name);
	cfg_addr_to_sockaddr(&t->dest, &cc->remote);
	if (t->source_addr.family)
		cfg_addr_to_sockaddr(&t->source_addr, &cc->local);
	else if (t->source)
		snprintf(cc->source_if, sizeof(cc->source_if), "%s",
			 t->source);
	snprintf(cc->profile, sizeof(cc->profile), "%s",
		 t->ipsec->ike_profile->name);
	snprintf(cc->ipsec, sizeof(cc->ipsec), "%s", t->ipsec->name);
	cc->mode = t->mode;
	cc->want_addr4 = t->addr_negotiated;
	cc->reconnect = true;
	/* "route set interface": our address, not one negotiated later */
	if (t->unnumbered)
		snprintf(cc->route_if4, sizeof(cc->route_if4), "%s",
			 t->unnumbered);
	else if (t->addr.family)
		snprintf(cc->route_if4, sizeof(cc->route_if4), "%s", name);
	if (t->unnumbered6)
		snprintf(cc->route_if6, sizeof(cc->route_if6), "%s",
			 t->unnumbered6);
	else if (t->addr6.family)
		snprintf(cc->route_if6, sizeof(cc->route_if6), "%s", name);
}

/* a protected tunnel: its interface and its connection, started */
static void tunnel_add(const struct cfg_tunnel *t)
{
	struct tunnel *tun = calloc(1, sizeof(*tun));
	struct ike_conn_cfg cc;
	int n;

	if (!tun)
		return;
	tun->num = t->num;
	n = snprintf(tun->name, sizeof(tun->name), "Tunnel%u", t->num);
	if (n >= (int)sizeof(tun->name)) {
		log_err("interface Tunnel%u: the name is too long for Linux",
			t->num);
		free(tun);
		return;
	}
	tunnel_sig(t, tun->sig, sizeof(tun->sig));
	tunnel_conn_cfg(t, tun->name, &cc);
	tun->conn = ike_conn_new(&cc, &tunnel_conn_ops, tun);
	if (!tun->conn || tunnel_link(tun, t)) {
		if (tun->conn)
			ike_conn_free(tun->conn, "no interface");
		free(tun);
		return;
	}
	tun->next = tunnels;
	tunnels = tun;
	log_info("%s: up, connecting to %s", tun->name,
		 sock_addr_str(&tun->conn->cfg.remote));
	ike_conn_start(tun->conn);
}

/* end a tunnel: its connection (a Delete to the peer), its interface;
 * @cause: why its session ends, for accounting */
static void tunnel_remove(struct tunnel *tun, const char *why,
			  enum session_cause cause)
{
	struct tunnel **p = &tunnels;

	while (*p != tun)
		p = &(*p)->next;
	*p = tun->next;
	log_info("%s: removed: %s", tun->name, why);
	session_set_cause(tun->conn->session, cause);
	ike_conn_free(tun->conn, why);
	if (tun->ifindex)
		session_link_delete(tun->ifindex, tun->name);
	free(tun);
}

/**
 * tunnel_start_all - set up every protected tunnel of the configuration
 *	and start its connection
 */
void tunnel_start_all(void)
{
	const struct cfg *cfg = daemon_cfg();
	unsigned int i;

	for (i = 0; i < cfg->ntunnels; i++)
		if (tunnel_protected(cfg->tunnels[i]))
			tunnel_add(cfg->tunnels[i]);
}

/**
 * tunnel_reload - follow a new configuration: tunnels whose settings
 *	are the same stay as they are (one waiting to try again tries at
 *	once), others are ended, made or made anew
 */
void tunnel_reload(void)
{
	const struct cfg *cfg = daemon_cfg();
	const struct cfg_tunnel *t;
	struct tunnel *tun, *next;
	char sig[TUNNEL_SIG_MAX];
	unsigned int i;

	for (tun = tunnels; tun; tun = next) {
		next = tun->next;
		t = cfg_tunnel_find(cfg, tun->num);
		if (!t || !tunnel_protected(t)) {
			tunnel_remove(tun, "no longer configured",
				      SESSION_CAUSE_NAS_REQUEST);
			continue;
		}
		tunnel_sig(t, sig, sizeof(sig));
		if (strcmp(sig, tun->sig))
			tunnel_remove(tun, "configuration changed",
				      SESSION_CAUSE_NAS_REQUEST);
		else
			/* waiting after a failure the reload may have fixed */
			ike_conn_start(tun->conn);
	}
	for (i = 0; i < cfg->ntunnels; i++)
		if (tunnel_protected(cfg->tunnels[i]) &&
		    !tunnel_find(cfg->tunnels[i]->num))
			tunnel_add(cfg->tunnels[i]);
}

/**
 * tunnel_stop_all - end every tunnel and delete its interface (the
 *	daemon is stopping)
 */
void tunnel_stop_all(void)
{
	while (tunnels)
		tunnel_remove(tunnels, "daemon stopping",
			      SESSION_CAUSE_ADMIN_REBOOT);
}
