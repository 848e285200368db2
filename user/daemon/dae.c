// SPDX-License-Identifier: GPL-2.0-only
/*
 * The RFC 5176 dynamic-authorization server (see dae.h).
 *
 * One UDP socket, IPv6 with IPv4-mapped addresses where the namespace has
 * IPv6, else IPv4, on the configured port.  A datagram is taken only from
 * a configured client, by source address; then lib/dae.c checks it with
 * that client's secret, the duplicate cache answers a retransmission with
 * the answer already given, and a new request is acted on:
 *
 * - Disconnect-Request: the sessions it selects are unlinked at once
 *   (their interface deleted, their Accounting-Stop sent with
 *   Acct-Terminate-Cause Admin-Reset) and their IKE SA deleted with the
 *   peer; the ACK goes out without waiting for the peer's answer.
 * - CoA-Request: the new filters, MTU and Session-Timeout are checked for
 *   every session selected before any is changed; the filters of each go
 *   to the kernel in one dev-set.
 *
 * No session: NAK with Error-Cause 404 and Reply-Message "No Matching
 * Session" as IOS, or 503 ("session-not-found error-cause 503").
 *
 * The server keeps its own copy of its settings, so that a reload whose
 * port cannot be bound keeps the old socket and settings in force.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <inttypes.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "../lib/cfg.h"
#include "../lib/json.h"
#include "dae.h"
#include "filter.h"
#include "flexvtid.h"
#include "ike.h"
#include "ike_sa.h"
#include "log.h"
#include "loop.h"
#include "route.h"
#include "session.h"
#include "show.h"
#include "sock.h"

#define DAE_BATCH		64	/* datagrams read per wake-up */
#define DAE_SESSIONS_MAX	64	/* sessions one request may select */

/**
 * struct dae_client - a client of the server
 * @addr: its address (IPv4, or IPv6)
 * @secret: its shared secret, NUL-terminated
 */
struct dae_client {
	struct sockaddr_storage addr;
	char secret[CFG_RADIUS_SECRET_MAX + 1];
};

/**
 * struct dae_server - the server's state
 * @lfd: its socket in the loop; fd -1 when off
 * @port: the port it listens on
 * @clients: the clients
 * @nclients: entries of @clients
 * @policy: how requests are checked (Message-Authenticator, timestamps)
 * @auth_type: how identifiers select sessions
 * @ignore_session_key: the audit-session-id is not compared
 * @not_found: Error-Cause of the NAK for no session, 404 or 503
 * @cache: the answers of recent requests
 * @stats: the counters, kept across reloads
 */
struct dae_server {
	struct loop_fd lfd;
	uint16_t port;
	struct dae_client *clients;
	unsigned int nclients;
	struct dae_policy policy;
	enum cfg_dae_auth_type auth_type;
	bool ignore_session_key;
	unsigned int not_found;
	struct dae_cache cache;
	struct dae_stats stats;
};

static struct dae_server dae = { .lfd.fd = -1 };

/* what a request asks, the reason of its NAK, for the log */
struct dae_outcome {
	bool ack;
	unsigned int cause;
	const char *reply_message;
	char what[160];
};

static void dae_count_cause(unsigned int cause)
{
	int i = dae_error_cause_index(cause);

	if (i >= 0)
		dae.stats.cause[i]++;
}

/* the client @from is, an IPv4-mapped address seen as IPv4 */
static const struct dae_client *dae_client_of(const struct sockaddr_storage *from)
{
	const uint8_t *pa, *pc;
	size_t la, lc;
	unsigned int i;

	pa = sock_addr_bytes(from, &la);
	if (la == 16 && IN6_IS_ADDR_V4MAPPED((const struct in6_addr *)pa)) {
		pa += 12;
		la = 4;
	}
	for (i = 0; i < dae.nclients; i++) {
		pc = sock_addr_bytes(&dae.clients[i].addr, &lc);
		if (la == lc && !memcmp(pa, pc, la))
			return &dae.clients[i];
	}
	return NULL;
}

/* whether @addr (@len bytes) is an address of this host */
static bool dae_local_addr(const void *addr, size_t len)
{
	struct ifaddrs *ifa, *i;
	bool found = false;

	if (getifaddrs(&ifa))
		return false;
	for (i = ifa; i && !found; i = i->ifa_next) {
		const struct sockaddr_storage *ss = (void *)i->ifa_addr;
		const void *p;
		size_t n;

		if (!ss || (ss->ss_family != AF_INET &&
			    ss->ss_family != AF_INET6))
			continue;
		p = sock_addr_bytes(ss, &n);
		found = n == len && !memcmp(p, addr, len);
	}
	freeifaddrs(ifa);
	return found;
}

/*
 * RFC 5176 §3: NAS-IP-Address, NAS-IPv6-Address and NAS-Identifier, when
 * present, must be ours: an address of this host, and the host's name
 * (flexvtid sends no NAS-Identifier of its own).
 */
static bool dae_nas_is_us(const struct dae_request *req)
{
	char host[256];

	if ((req->present & DAE_F_NAS_IP) &&
	    !dae_local_addr(&req->nas_ip, sizeof(req->nas_ip)))
		return false;
	if ((req->present & DAE_F_NAS_IPV6) &&
	    !dae_local_addr(&req->nas_ipv6, sizeof(req->nas_ipv6)))
		return false;
	if (req->present & DAE_F_NAS_ID) {
		if (gethostname(host, sizeof(host)))
			return false;
		host[sizeof(host) - 1] = '\0';
		return !strcmp(host, req->nas_id);
	}
	return true;
}

static bool dae_framed_ip_is(const struct session *s, struct in_addr a)
{
	unsigned int i;

	for (i = 0; i < s->naddr; i++)
		if (s->addr[i].family == AF_INET &&
		    s->addr[i].v4.s_addr == a.s_addr)
			return true;
	return false;
}

/*
 * How many of the identifiers @req gives @s has, and how many it gives
 * (RFC 5176 §3: audit-session-id, Acct-Session-Id, User-Name,
 * Framed-IP-Address, Calling-Station-Id).
 */
static void dae_compare(const struct dae_request *req, const struct session *s,
			unsigned int *given, unsigned int *same)
{
	char id[16], peer[SOCK_ADDR_STRLEN];
	uint32_t p = req->present;

	*given = *same = 0;
	if ((p & DAE_F_AUDIT_ID) && !dae.ignore_session_key) {
		(*given)++;
		*same += !strcmp(req->audit_id, s->aaa.audit_id);
	}
	if (p & DAE_F_ACCT_SESSION_ID) {
		snprintf(id, sizeof(id), "%08X", s->aaa.acct_id);
		(*given)++;
		*same += !strcasecmp(req->acct_session_id, id);
	}
	if (p & DAE_F_USER_NAME) {
		(*given)++;
		*same += s->aaa.user[0] && !strcmp(req->user_name, s->aaa.user);
	}
	if (p & DAE_F_FRAMED_IP) {
		(*given)++;
		*same += dae_framed_ip_is(s, req->framed_ip);
	}
	if (p & DAE_F_CALLING_STATION) {
		sock_addr_ntop(&s->ike->remote, peer, sizeof(peer));
		(*given)++;
		*same += !strcmp(req->calling_station, peer);
	}
}

/* whether @req selects @s, by "auth-type" */
static bool dae_selects(const struct dae_request *req, const struct session *s)
{
	unsigned int given, same;

	if (dae.auth_type == CFG_DAE_AUTH_SESSION_KEY)
		return !strcmp(req->audit_id, s->aaa.audit_id);
	dae_compare(req, s, &given, &same);
	if (!given)
		return false;
	return dae.auth_type == CFG_DAE_AUTH_ANY ? same > 0 : same == given;
}

/* the live sessions @req selects, at most @max; -E2BIG past that */
static int dae_find(const struct dae_request *req, struct session **out,
		    unsigned int max)
{
	struct ike_sa *sa;
	unsigned int n = 0;

	for (sa = ike_sa_first(); sa; sa = sa->next) {
		if (!sa->session || sa->state == IKE_SA_DELETING ||
		    !dae_selects(req, sa->session))
			continue;
		if (n == max)
			return -E2BIG;
		out[n++] = sa->session;
	}
	return n;
}

static void dae_nak(struct dae_outcome *o, unsigned int cause,
		    const char *what)
{
	o->ack = false;
	o->cause = cause;
	snprintf(o->what, sizeof(o->what), "%s", what);
}

/* the session part of a request: NAS check, identifiers, selection */
static int dae_sessions(const struct dae_request *req, struct session **s,
			struct dae_outcome *o)
{
	int n;

	if (!dae_nas_is_us(req)) {
		dae_nak(o, DAE_EC_NAS_MISMATCH, "NAS identification mismatch");
		return -1;
	}
	if (dae.auth_type == CFG_DAE_AUTH_SESSION_KEY &&
	    !(req->present & DAE_F_AUDIT_ID)) {
		dae_nak(o, DAE_EC_MISSING_ATTRIBUTE, "no audit-session-id");
		return -1;
	}
	n = dae_find(req, s, DAE_SESSIONS_MAX);
	if (n == -E2BIG) {
		dae_nak(o, DAE_EC_MULTIPLE_SESSIONS, "too many sessions");
		return -1;
	}
	if (!n) {
		dae_nak(o, dae.not_found, "no matching session");
		if (dae.not_found == DAE_EC_INVALID_REQUEST)
			o->reply_message = "No Matching Session";
		return -1;
	}
	return n;
}

/* Disconnect-Request: every session selected goes */
static void dae_disconnect(const struct dae_request *req,
			   struct dae_outcome *o)
{
	struct session *s[DAE_SESSIONS_MAX];
	int i, n = dae_sessions(req, s, o);

	if (n < 0)
		return;
	for (i = 0; i < n; i++) {
		struct ike_sa *sa = s[i]->ike;

		log_info("%s: disconnected by a Disconnect-Request "
			 "(audit-session-id %s)", s[i]->name,
			 s[i]->aaa.audit_id);
		session_set_cause(s[i], SESSION_CAUSE_ADMIN_RESET);
		ike_delete_start(sa, "Disconnect-Request");
	}
	o->ack = true;
	snprintf(o->what, sizeof(o->what), "%d session%s disconnected", n,
		 n > 1 ? "s" : "");
}

/* the filters a CoA gives a session: its own, with the new names */
static void dae_new_filters(const struct dae_request *req,
			    const struct session *s,
			    struct session_filters *f, unsigned int *parts)
{
	static const uint32_t acl_bit[ACL_NDIRS] = { DAE_F_ACL_IN,
						     DAE_F_ACL_OUT };
	static const uint32_t qos_bit[ACL_NDIRS] = { DAE_F_QOS_IN,
						     DAE_F_QOS_OUT };
	const char *acl[ACL_NDIRS] = { req->acl_in, req->acl_out };
	const char *qos[ACL_NDIRS] = { req->qos_in, req->qos_out };
	int d;

	*parts = 0;
	memset(f, 0, sizeof(*f));
	for (d = 0; d < ACL_NDIRS; d++) {
		/* the IPv6 list stays; per-user entries are replaced */
		strcpy(f->dir[d].acl6, s->filters.dir[d].acl6);
		strcpy(f->dir[d].acl4, s->filters.dir[d].acl4);
		strcpy(f->dir[d].qos, s->filters.dir[d].qos);
		if (req->present & acl_bit[d]) {
			snprintf(f->dir[d].acl4, sizeof(f->dir[d].acl4), "%s",
				 acl[d]);
			*parts |= FILTER_ACL_IN << d;
		}
		if (req->present & qos_bit[d]) {
			snprintf(f->dir[d].qos, sizeof(f->dir[d].qos), "%s",
				 qos[d]);
			*parts |= FILTER_QOS_IN << d;
		}
	}
}

static int dae_mtu_get(const struct session *s)
{
	struct ifreq ifr = { 0 };
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), ret;

	if (fd < 0)
		return -errno;
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", s->name);
	ret = ioctl(fd, SIOCGIFMTU, &ifr) ? -errno : ifr.ifr_mtu;
	close(fd);
	return ret;
}

/* one session's change: MTU first (it can be put back), then filters */
static int dae_change(const struct dae_request *req, struct session *s,
		      char *why, size_t len)
{
	struct session_filters f;
	unsigned int parts;
	int old = 0, ret = 0;

	if (req->present & DAE_F_MTU) {
		old = dae_mtu_get(s);
		ret = old < 0 ? old : route_link_up(s->ifindex, req->mtu);
		if (ret)
			snprintf(why, len, "MTU: %s", strerror(-ret));
	}
	dae_new_filters(req, s, &f, &parts);
	if (!ret && parts) {
		ret = filter_apply(s, &f, parts, why, len);
		if (ret && (req->present & DAE_F_MTU))
			route_link_up(s->ifindex, old);
	}
	filter_free(&f);
	if (!ret && (req->present & DAE_F_SESSION_TIMEOUT)) {
		s->aaa.session_timeout = req->session_timeout;
		session_timeout_set(s, req->session_timeout);
	}
	if (!ret && (req->present & DAE_F_MTU))
		s->tmpl.mtu = req->mtu;
	return ret;
}

/*
 * CoA-Request: the names must be configured (404, nothing changed); each
 * session selected is then changed in one step.  A kernel refusal for one
 * session of several leaves the others changed: 506 says so.
 */
static void dae_coa(const struct dae_request *req, struct dae_outcome *o)
{
	struct session *s[DAE_SESSIONS_MAX];
	struct session_filters f;
	unsigned int parts;
	char why[160];
	int i, n = dae_sessions(req, s, o);

	if (n < 0)
		return;
	for (i = 0; i < n; i++) {
		dae_new_filters(req, s[i], &f, &parts);
		if (parts && filter_check(daemon_cfg(), &f, why, sizeof(why))) {
			filter_free(&f);
			dae_nak(o, DAE_EC_INVALID_REQUEST, why);
			return;
		}
		filter_free(&f);
	}
	for (i = 0; i < n; i++) {
		if (dae_change(req, s[i], why, sizeof(why))) {
			dae_nak(o, DAE_EC_RESOURCES, why);
			return;
		}
		log_info("%s: changed by a CoA-Request (audit-session-id %s)",
			 s[i]->name, s[i]->aaa.audit_id);
	}
	o->ack = true;
	snprintf(o->what, sizeof(o->what), "%d session%s changed", n,
		 n > 1 ? "s" : "");
}

static void dae_send(const struct radius_pkt *pkt,
		     const struct sockaddr_storage *to, socklen_t tolen)
{
	if (sendto(dae.lfd.fd, pkt->data, pkt->len, 0,
		   (const struct sockaddr *)to, tolen) < 0)
		dae.stats.stat[DAE_STAT_SEND_FAILED]++;
}

/* the counters and the log line of an answered request */
static void dae_account(const struct dae_request *req,
			const struct dae_outcome *o,
			const struct sockaddr_storage *from)
{
	bool dm = req->code == RADIUS_DISCONNECT_REQUEST;

	dae.stats.stat[dm ? DAE_STAT_DISCONNECT : DAE_STAT_COA]++;
	if (o->ack) {
		dae.stats.stat[dm ? DAE_STAT_DISCONNECT_ACK :
			       DAE_STAT_COA_ACK]++;
	} else {
		dae.stats.stat[dm ? DAE_STAT_DISCONNECT_NAK :
			       DAE_STAT_COA_NAK]++;
		dae_count_cause(o->cause);
	}
	/* what a request did is logged where it is done; NAKs, which may
	 * come in floods, only at debug level: the counters say it too */
	if (o->ack)
		log_debug("DAE: %s id %u from %s: ACK, %s",
			  radius_code_name(req->code), req->id,
			  sock_addr_str(from), o->what);
	else
		log_debug("DAE: %s id %u from %s: NAK, %s: %s",
			  radius_code_name(req->code), req->id,
			  sock_addr_str(from), dae_error_cause_name(o->cause),
			  o->what);
}

/* a request of a client, checked: act, answer, remember the answer */
static void dae_request(const struct dae_request *req, enum dae_result res,
			const struct dae_client *c,
			const struct sockaddr_storage *from, socklen_t fromlen)
{
	struct dae_outcome o = { 0 };
	struct radius_pkt pkt;

	if (res == DAE_NAK)
		dae_nak(&o, req->error_cause, req->why);
	else if (req->code == RADIUS_DISCONNECT_REQUEST)
		dae_disconnect(req, &o);
	else
		dae_coa(req, &o);
	if (dae_reply(&pkt, req, o.ack, o.ack ? 0 : o.cause,
		      o.reply_message, c->secret)) {
		dae.stats.stat[DAE_STAT_SEND_FAILED]++;
		return;
	}
	dae_account(req, &o, from);
	dae_cache_reply(&dae.cache, (const struct sockaddr *)from, req,
			pkt.data, pkt.len);
	dae_send(&pkt, from, fromlen);
}

/* a datagram: a client's, well formed and authentic, new, then acted on */
static void dae_datagram(const uint8_t *buf, size_t len,
			 const struct sockaddr_storage *from,
			 socklen_t fromlen, struct dae_request *req)
{
	const struct dae_client *c = dae_client_of(from);
	const struct sockaddr *sa = (const struct sockaddr *)from;
	struct radius_pkt cached;
	const uint8_t *reply;
	enum dae_result res;
	size_t rlen;

	if (!c) {
		dae.stats.result[DAE_DROP_UNKNOWN_CLIENT]++;
		return;
	}
	dae.policy.now = time(NULL);
	res = dae_parse(buf, len, c->secret, &dae.policy, req);
	dae.stats.result[res]++;
	if (dae_result_is_drop(res)) {
		log_debug("DAE: from %s dropped: %s: %s", sock_addr_str(from),
			  dae_result_name(res), req->why);
		return;
	}
	switch (dae_cache_lookup(&dae.cache, sa, req, loop_now(), &reply,
				 &rlen)) {
	case DAE_CACHE_HIT:
		dae.stats.stat[DAE_STAT_DUPLICATE]++;
		memcpy(cached.data, reply, rlen);
		cached.len = rlen;
		dae_send(&cached, from, fromlen);
		return;
	case DAE_CACHE_PENDING:
		dae.stats.stat[DAE_STAT_DUPLICATE_PENDING]++;
		return;
	case DAE_CACHE_MISS:
		break;
	}
	if (dae_cache_add(&dae.cache, sa, req, loop_now())) {
		dae.stats.result[DAE_DROP_BUSY]++;
		return;
	}
	dae_request(req, res, c, from, fromlen);
}

static void dae_input(struct loop_fd *lf, uint32_t events)
{
	static struct dae_request req;
	struct sockaddr_storage from;
	uint8_t buf[RADIUS_MAX_LEN];
	socklen_t fromlen;
	unsigned int n;
	ssize_t len;

	(void)events;
	for (n = 0; n < DAE_BATCH; n++) {
		fromlen = sizeof(from);
		len = recvfrom(lf->fd, buf, sizeof(buf), MSG_DONTWAIT,
			       (struct sockaddr *)&from, &fromlen);
		if (len < 0)
			break;
		dae_datagram(buf, len, &from, fromlen, &req);
	}
	OPENSSL_cleanse(&req, sizeof(req));
}

/* a socket on @port: IPv6 taking IPv4 too, or IPv4 without IPv6 */
static int dae_socket(uint16_t port)
{
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6,
				   .sin6_port = htons(port) };
	struct sockaddr_in a4 = { .sin_family = AF_INET,
				  .sin_port = htons(port) };
	int fd, off = 0, ret;

	fd = socket(AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd >= 0) {
		if (!setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off,
				sizeof(off)) &&
		    !bind(fd, (struct sockaddr *)&a6, sizeof(a6)))
			return fd;
		ret = -errno;
		close(fd);
		if (ret == -EADDRINUSE)
			return ret;
	}
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&a4, sizeof(a4))) {
		ret = -errno;
		close(fd);
		return ret;
	}
	return fd;
}

/* the clients of @d with their secrets; NULL on failure */
static struct dae_client *dae_clients(const struct cfg_dae *d, char *why,
				      size_t len)
{
	struct dae_client *cl = calloc(d->nclients, sizeof(*cl));
	unsigned int i;

	if (!cl) {
		snprintf(why, len, "out of memory");
		return NULL;
	}
	for (i = 0; i < d->nclients; i++) {
		const struct cfg_dae_client *c = &d->clients[i];

		if (c->vrf) {
			snprintf(why, len, "line %u: client in vrf %s: VRFs "
				 "are not supported", c->line, c->vrf);
			break;
		}
		cfg_addr_to_sockaddr(&c->addr, &cl[i].addr);
		snprintf(cl[i].secret, sizeof(cl[i].secret), "%s",
			 cfg_dae_client_secret(d, c));
	}
	if (i < d->nclients) {
		OPENSSL_cleanse(cl, d->nclients * sizeof(*cl));
		free(cl);
		return NULL;
	}
	return cl;
}

static void dae_clients_free(void)
{
	if (dae.clients)
		OPENSSL_cleanse(dae.clients, dae.nclients * sizeof(*dae.clients));
	free(dae.clients);
	dae.clients = NULL;
	dae.nclients = 0;
}

/* the server off: socket closed, clients and cache dropped */
static void dae_stop(void)
{
	if (dae.lfd.fd >= 0) {
		loop_del(&dae.lfd);
		close(dae.lfd.fd);
		dae.lfd.fd = -1;
	}
	dae_clients_free();
	dae_cache_free(&dae.cache);
	dae.port = 0;
}

/* the settings of @d in force, with @clients, @fd and @cache */
static void dae_take(const struct cfg_dae *d, struct dae_client *clients,
		     int fd, struct dae_cache *cache)
{
	if (fd != dae.lfd.fd) {
		if (dae.lfd.fd >= 0) {
			loop_del(&dae.lfd);
			close(dae.lfd.fd);
		}
		dae.lfd.fd = fd;
		dae.lfd.fn = dae_input;
		loop_add(&dae.lfd, EPOLLIN);
	}
	dae_clients_free();
	dae.clients = clients;
	dae.nclients = d->nclients;
	if (cache) {
		dae_cache_free(&dae.cache);
		dae.cache = *cache;
	}
	dae.port = d->port;
	dae.policy.require_ma = !d->ma_optional;
	dae.policy.ts_window = d->ts_window;
	dae.auth_type = d->auth_type;
	dae.ignore_session_key = d->ignore_session_key;
	dae.not_found = d->not_found_cause;
}

/**
 * dae_reload - put the dynamic-authorization settings of a configuration
 *	in force
 * @cfg: the configuration; its "aaa server radius dynamic-author" block,
 *	or none (the server stops)
 *
 * All or nothing: when the new port cannot be bound or a client cannot be
 * served, the server keeps its socket and settings.  The duplicate cache
 * and the counters survive a reload that keeps the cache's size and
 * lifetime.
 *
 * Return: 0, or a negative errno after logging why.
 */
int dae_reload(const struct cfg *cfg)
{
	const struct cfg_dae *d = cfg->dae;
	struct dae_cache cache = { 0 }, *new_cache = NULL;
	struct dae_client *clients;
	char why[160];
	int fd, ret;

	if (!d) {
		dae_stop();
		return 0;
	}
	clients = dae_clients(d, why, sizeof(why));
	if (!clients) {
		log_err("dynamic-author: %s", why);
		return -EINVAL;
	}
	fd = dae.lfd.fd >= 0 && dae.port == d->port ? dae.lfd.fd :
	     dae_socket(d->port);
	if (fd < 0) {
		log_err("dynamic-author: cannot listen on port %u: %s",
			d->port, strerror(-fd));
		goto fail;
	}
	if (!dae.cache.entries || dae.cache.size != d->cache_entries ||
	    dae.cache.lifetime_ms != d->cache_lifetime * 1000ull) {
		ret = dae_cache_init(&cache, d->cache_entries,
				     d->cache_lifetime);
		if (ret) {
			log_err("dynamic-author: %s", strerror(-ret));
			if (fd != dae.lfd.fd)
				close(fd);
			fd = ret;
			goto fail;
		}
		new_cache = &cache;
	}
	dae_take(d, clients, fd, new_cache);
	log_info("dynamic-author: listening on port %u, %u client%s",
		 dae.port, dae.nclients, dae.nclients > 1 ? "s" : "");
	return 0;
fail:
	OPENSSL_cleanse(clients, d->nclients * sizeof(*clients));
	free(clients);
	return fd;
}

/**
 * dae_fini - stop the server
 */
void dae_fini(void)
{
	dae_stop();
}

/**
 * dae_stats - the server's counters
 *
 * Return: them, kept since the daemon started.
 */
const struct dae_stats *dae_stats(void)
{
	return &dae.stats;
}

/**
 * dae_port - the port the server listens on
 *
 * Return: the port, or 0 when the server is off.
 */
int dae_port(void)
{
	return dae.lfd.fd >= 0 ? dae.port : 0;
}
