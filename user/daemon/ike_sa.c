// SPDX-License-Identifier: GPL-2.0-only
/*
 * The table of IKE SAs: a list of all of them in creation order (for
 * show commands) and a hash table by our SPI (for received messages);
 * and the IKE SA's own timer: half-open expiry, then its lifetime.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "flexvtid.h"
#include "ike.h"
#include "ike_authz.h"
#include "ike_eap.h"
#include "ike_sa.h"
#include "../lib/cfg.h"
#include "log.h"
#include "session.h"
#include "stats.h"

#define IKE_SA_BUCKETS	1024

static struct ike_sa *ike_sa_head, *ike_sa_tail;
static struct ike_sa *ike_sa_table[IKE_SA_BUCKETS];
static struct ike_sa *ike_sa_init_table[IKE_SA_BUCKETS];	/* by SPIi */
static unsigned int ike_sa_n;
static unsigned int ike_sa_next_id = 1;

static unsigned int ike_sa_n_half_open;
static unsigned int ike_sa_n_half_open_out;	/* of ours, initiating */

static struct ike_sa **ike_sa_bucket(uint64_t spi)
{
	return &ike_sa_table[(spi ^ (spi >> 32)) % IKE_SA_BUCKETS];
}

static struct ike_sa **ike_sa_init_bucket(uint64_t spi_i)
{
	return &ike_sa_init_table[(spi_i ^ (spi_i >> 32)) % IKE_SA_BUCKETS];
}

/* the IKE SA is no longer half-open: established, or going */
static void ike_sa_half_open_end(struct ike_sa *sa)
{
	struct ike_sa **b;

	ike_sa_n_half_open--;
	if (sa->initiator) {
		ike_sa_n_half_open_out--;
		return;
	}
	for (b = ike_sa_init_bucket(sa->spi_i); *b; b = &(*b)->hinit)
		if (*b == sa) {
			*b = sa->hinit;
			break;
		}
	ike_dos_half_open_put(sa->dos_src);
	sa->dos_src = NULL;
}

/**
 * ike_sa_spi_local - our SPI of an IKE SA
 * @sa: the IKE SA
 *
 * Return: the SPI, as a number.
 */
uint64_t ike_sa_spi_local(const struct ike_sa *sa)
{
	return sa->initiator ? sa->spi_i : sa->spi_r;
}

/**
 * ike_sa_spi_peer - the peer's SPI of an IKE SA
 * @sa: the IKE SA
 *
 * Return: the SPI; 0 while an IKE_SA_INIT we sent is unanswered.
 */
uint64_t ike_sa_spi_peer(const struct ike_sa *sa)
{
	return sa->initiator ? sa->spi_r : sa->spi_i;
}

/**
 * ike_jitter - a time shortened by a random 10-20 %
 * @ms: the time, milliseconds
 *
 * Rekeying starts this much before a lifetime ends, so that the two
 * peers (and the many sessions set up at once) do not all rekey at the
 * same moment (RFC 7296 §2.8.1).
 *
 * Return: @ms minus 10 % minus a random part of another 10 %.
 */
uint64_t ike_jitter(uint64_t ms)
{
	uint32_t r = 0;

	RAND_bytes((uint8_t *)&r, sizeof(r));
	return ms - ms / 10 - (ms / 10 ? r % (ms / 10) : 0);
}

static void ike_sa_timer(struct timer *t)
{
	struct ike_sa *sa = container_of(t, struct ike_sa, timer);
	uint64_t now = loop_now();

	switch (sa->state) {
	case IKE_SA_HALF_OPEN:
		stats_inc(sa->eap ? STAT_EAP_TIMEOUT : STAT_HALF_OPEN_EXPIRED);
		ike_sa_free(sa, "no IKE_AUTH in time");
		return;
	case IKE_SA_ESTABLISHED:
		if (sa->expire_at && now >= sa->expire_at) {
			stats_inc(STAT_IKE_EXPIRED);
			session_set_cause(sa->session,
					  SESSION_CAUSE_SESSION_TIMEOUT);
			ike_delete_start(sa, "lifetime expired");
			return;
		}
		if (sa->rekey_at && now >= sa->rekey_at) {
			sa->rekey_at = 0;
			ike_rekey_start(sa);
		}
		if (sa->expire_at)
			timer_set(&sa->timer, sa->expire_at - now);
		return;
	case IKE_SA_REKEYED:
		ike_sa_free(sa, "rekeyed, no Delete from the peer");
		return;
	case IKE_SA_DELETING:
		return;
	}
}

/**
 * ike_sa_lifetime - set the lifetime of an established IKE SA
 * @sa: the IKE SA
 * @seconds: its lifetime; 0 for none
 *
 * The IKE SA is rekeyed at ike_jitter() of the lifetime and deleted when
 * the lifetime ends without a rekey.
 */
void ike_sa_lifetime(struct ike_sa *sa, unsigned int seconds)
{
	uint64_t now = loop_now(), ms = (uint64_t)seconds * 1000;

	timer_del(&sa->timer);
	sa->lifetime = seconds;
	sa->rekey_at = ms ? now + ike_jitter(ms) : 0;
	sa->expire_at = ms ? now + ms : 0;
	if (ms)
		timer_set(&sa->timer, sa->rekey_at - now);
}

/**
 * ike_sa_established - an IKE SA became established (IKE_AUTH, or a
 *	rekey that created it): the keys for IKE_AUTH are no longer needed
 *	(§2.15), its lifetime and liveness checks start
 * @sa: the IKE SA; @lifetime and the liveness settings are filled in
 */
void ike_sa_established(struct ike_sa *sa)
{
	if (sa->state == IKE_SA_HALF_OPEN)
		ike_sa_half_open_end(sa);
	sa->state = IKE_SA_ESTABLISHED;
	sa->established = loop_now();
	OPENSSL_cleanse(sa->sk_pi, sizeof(sa->sk_pi));
	OPENSSL_cleanse(sa->sk_pr, sizeof(sa->sk_pr));
	ike_sa_drop_init(sa);
	ike_sa_lifetime(sa, sa->lifetime);
	ike_live_start(sa);
	stats_inc(STAT_SA_UP);
}

/**
 * ike_sa_new_spi - a random SPI of ours, not 0 and not in use
 *
 * Return: the SPI, or 0 without randomness.
 */
uint64_t ike_sa_new_spi(void)
{
	uint64_t spi;

	do {
		if (RAND_bytes((uint8_t *)&spi, sizeof(spi)) != 1)
			return 0;
	} while (!spi || ike_sa_find(spi, 0));
	return spi;
}

/**
 * ike_sa_new - create a half-open IKE SA
 * @initiator: we send its IKE_SA_INIT (or initiated the rekey creating it)
 * @spi_local: our SPI, already sent in a rekey request; 0 for a new one
 * @spi_peer: the peer's SPI; 0 when we initiate and it is not known yet
 * @sock: the socket its messages leave from
 * @local: our address and port
 * @remote: the peer's address and port
 *
 * The IKE SA gets a fresh SPI of ours and, while half-open, expires
 * unless IKE_AUTH completes within IKE_SA_HALF_OPEN_MS.
 *
 * Return: the IKE SA, or NULL without memory or randomness.
 */
struct ike_sa *ike_sa_new(bool initiator, uint64_t spi_local,
			  uint64_t spi_peer, struct ike_sock *sock,
			  const struct sockaddr_storage *local,
			  const struct sockaddr_storage *remote)
{
	const struct cfg *cfg = daemon_cfg();
	struct ike_sa *sa = calloc(1, sizeof(*sa));
	uint64_t spi = spi_local ? spi_local : ike_sa_new_spi();
	struct ike_sa **b;

	if (spi_local && ike_sa_find(spi_local, 0))
		spi = 0;

	if (sa) {
		sa->window = cfg ? cfg->ike.window : 1;
		sa->resp = calloc(sa->window, sizeof(*sa->resp));
	}
	if (!sa || !sa->resp || !spi) {
		if (sa)
			free(sa->resp);
		free(sa);
		return NULL;
	}
	sa->initiator = initiator;
	sa->spi_i = initiator ? spi : spi_peer;
	sa->spi_r = initiator ? spi_peer : spi;
	sa->sock = sock;
	sa->local = *local;
	sa->remote = *remote;
	sa->created = loop_now();
	if (!ike_sa_next_id)
		ike_sa_next_id = 1;
	sa->id = ike_sa_next_id++;
	timer_init(&sa->timer, ike_sa_timer);
	timer_init(&sa->req_timer, ike_task_timeout);
	ike_live_init(sa);
	timer_set(&sa->timer, IKE_SA_HALF_OPEN_MS);

	sa->prev = ike_sa_tail;
	if (ike_sa_tail)
		ike_sa_tail->next = sa;
	else
		ike_sa_head = sa;
	ike_sa_tail = sa;
	b = ike_sa_bucket(spi);
	sa->hnext = *b;
	*b = sa;
	ike_sa_n++;
	ike_sa_n_half_open++;
	if (initiator)
		ike_sa_n_half_open_out++;
	if (!initiator) {
		b = ike_sa_init_bucket(sa->spi_i);
		sa->hinit = *b;
		*b = sa;
		sa->dos_src = ike_dos_half_open_get(remote);
	}
	return sa;
}

static void ike_sa_unlink(struct ike_sa *sa)
{
	struct ike_sa **b = ike_sa_bucket(ike_sa_spi_local(sa));

	while (*b != sa)
		b = &(*b)->hnext;
	*b = sa->hnext;
	if (sa->prev)
		sa->prev->next = sa->next;
	else
		ike_sa_head = sa->next;
	if (sa->next)
		sa->next->prev = sa->prev;
	else
		ike_sa_tail = sa->prev;
	ike_sa_n--;
	if (sa->state == IKE_SA_HALF_OPEN)
		ike_sa_half_open_end(sa);
}

static void ike_sa_free_buf(uint8_t **p, size_t *len)
{
	free(*p);
	*p = NULL;
	*len = 0;
}

/**
 * ike_sa_free - delete an IKE SA with its session, wiping its keys
 * @sa: the IKE SA
 * @reason: why, for the log
 */
void ike_sa_free(struct ike_sa *sa, const char *reason)
{
	struct ike_conn *conn = sa->conn;
	unsigned int i;
	char why[96];

	log_info("IKE SA %u with %s deleted: %s", sa->id,
		 sock_addr_str(&sa->remote), reason);
	snprintf(why, sizeof(why), "%s", reason);
	ike_authz_free(sa);
	ike_eap_free(sa);
	if (sa->session)
		session_free(sa->session);
	if (sa->state != IKE_SA_HALF_OPEN)
		stats_inc(STAT_SA_DOWN);
	timer_del(&sa->timer);
	ike_task_flush(sa);
	ike_live_stop(sa);
	ike_sa_unlink(sa);
	crypto_sk_wipe(&sa->sk_in);
	crypto_sk_wipe(&sa->sk_out);
	ike_sa_drop_init(sa);
	for (i = 0; i < sa->window; i++)
		free(sa->resp[i].buf);
	free(sa->resp);
	OPENSSL_cleanse(sa, sizeof(*sa));
	free(sa);
	/* last: the connection may start another IKE SA at once */
	if (conn)
		ike_conn_sa_gone(conn, why);
}

/**
 * ike_sa_drop_init - free the IKE_SA_INIT messages, which only the AUTH
 *	payloads of IKE_AUTH need (RFC 7296 §2.15)
 * @sa: the IKE SA
 */
void ike_sa_drop_init(struct ike_sa *sa)
{
	ike_sa_free_buf(&sa->init_req, &sa->init_req_len);
	ike_sa_free_buf(&sa->init_resp, &sa->init_resp_len);
}

/**
 * ike_sa_find - the IKE SA of a message
 * @spi_local: our SPI
 * @spi_peer: the peer's SPI, or 0 to match any
 *
 * Return: the IKE SA, or NULL.
 */
struct ike_sa *ike_sa_find(uint64_t spi_local, uint64_t spi_peer)
{
	struct ike_sa *sa;

	for (sa = *ike_sa_bucket(spi_local); sa; sa = sa->hnext)
		if (ike_sa_spi_local(sa) == spi_local &&
		    (!spi_peer || ike_sa_spi_peer(sa) == spi_peer))
			return sa;
	return NULL;
}

/**
 * ike_sa_find_id - an IKE SA by the number operators see
 * @id: its ->id
 *
 * Return: the IKE SA, or NULL.
 */
struct ike_sa *ike_sa_find_id(unsigned int id)
{
	struct ike_sa *sa;

	for (sa = ike_sa_head; sa; sa = sa->next)
		if (sa->id == id)
			return sa;
	return NULL;
}

/**
 * ike_sa_find_half_open - the IKE SA a retransmitted IKE_SA_INIT created
 * @spi_i: the initiator's SPI
 * @remote: the initiator's address and port
 *
 * Return: the half-open IKE SA, or NULL.
 */
struct ike_sa *ike_sa_find_half_open(uint64_t spi_i,
				     const struct sockaddr_storage *remote)
{
	struct ike_sa *sa;

	for (sa = *ike_sa_init_bucket(spi_i); sa; sa = sa->hinit)
		if (sa->state == IKE_SA_HALF_OPEN && sa->spi_i == spi_i &&
		    sock_addr_equal(&sa->remote, remote, true))
			return sa;
	return NULL;
}

/**
 * ike_sa_first - the oldest IKE SA; iterate with ->next
 *
 * Return: the IKE SA, or NULL when there is none.
 */
struct ike_sa *ike_sa_first(void)
{
	return ike_sa_head;
}

/**
 * ike_sa_count - the number of IKE SAs, half-open ones included
 *
 * Return: the number.
 */
unsigned int ike_sa_count(void)
{
	return ike_sa_n;
}

/**
 * ike_sa_count_half_open - the number of half-open IKE SAs
 *
 * Return: the number.
 */
unsigned int ike_sa_count_half_open(void)
{
	return ike_sa_n_half_open;
}

/**
 * ike_sa_count_half_open_out - the number of half-open IKE SAs we
 *	initiated ("crypto ikev2 limit max-in-negotiation-sa N outgoing")
 *
 * Return: the number.
 */
unsigned int ike_sa_count_half_open_out(void)
{
	return ike_sa_n_half_open_out;
}

/**
 * ike_sa_free_all - delete every IKE SA and its session, at exit; each
 *	established peer is told with one Delete, not retransmitted
 */
void ike_sa_free_all(void)
{
	while (ike_sa_head) {
		if (ike_sa_head->state == IKE_SA_ESTABLISHED)
			ike_delete_notify(ike_sa_head);
		session_set_cause(ike_sa_head->session,
				  SESSION_CAUSE_ADMIN_REBOOT);
		ike_sa_free(ike_sa_head, "daemon stopping");
	}
}

/**
 * ike_sa_keep - replace a buffer of an IKE SA by a copy of some bytes
 * @dst: the buffer, freed first
 * @dst_len: its length
 * @src: the bytes
 * @len: how many
 *
 * Return: 0 or -ENOMEM.
 */
int ike_sa_keep(uint8_t **dst, size_t *dst_len, const uint8_t *src,
		size_t len)
{
	ike_sa_free_buf(dst, dst_len);
	*dst = malloc(len);
	if (!*dst)
		return -ENOMEM;
	memcpy(*dst, src, len);
	*dst_len = len;
	return 0;
}
