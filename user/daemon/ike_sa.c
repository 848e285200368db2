// SPDX-License-Identifier: GPL-2.0-only
/*
 * The table of IKE SAs: a list of all of them in creation order (for
 * show commands) and a hash table by our SPI (for received messages).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "ike_sa.h"
#include "log.h"
#include "session.h"
#include "stats.h"

#define IKE_SA_BUCKETS	1024

static struct ike_sa *ike_sa_head, *ike_sa_tail;
static struct ike_sa *ike_sa_table[IKE_SA_BUCKETS];
static unsigned int ike_sa_n;
static unsigned int ike_sa_next_id = 1;

static struct ike_sa **ike_sa_bucket(uint64_t spi_r)
{
	return &ike_sa_table[(spi_r ^ (spi_r >> 32)) % IKE_SA_BUCKETS];
}

static void ike_sa_expire(struct timer *t)
{
	struct ike_sa *sa = container_of(t, struct ike_sa, timer);

	stats_inc(STAT_HALF_OPEN_EXPIRED);
	ike_sa_free(sa, "no IKE_AUTH in time");
}

/* a random SPI of ours, not 0 and not in use */
static uint64_t ike_sa_new_spi(void)
{
	uint64_t spi;

	do {
		if (RAND_bytes((uint8_t *)&spi, sizeof(spi)) != 1)
			return 0;
	} while (!spi || ike_sa_find(0, spi));
	return spi;
}

/**
 * ike_sa_new - create a half-open IKE SA for an IKE_SA_INIT request
 * @spi_i: the initiator's SPI
 * @d: the request: its socket and addresses become the IKE SA's
 *
 * The IKE SA expires unless IKE_AUTH completes within IKE_SA_HALF_OPEN_MS.
 *
 * Return: the IKE SA, or NULL without memory or randomness.
 */
struct ike_sa *ike_sa_new(uint64_t spi_i, const struct ike_dgram *d)
{
	struct ike_sa *sa = calloc(1, sizeof(*sa));
	struct ike_sa **b;

	if (!sa)
		return NULL;
	sa->spi_r = ike_sa_new_spi();
	if (!sa->spi_r) {
		free(sa);
		return NULL;
	}
	sa->spi_i = spi_i;
	sa->sock = d->sock;
	sa->local = d->local;
	sa->remote = d->remote;
	sa->next_msgid = 1;
	sa->created = loop_now();
	if (!ike_sa_next_id)
		ike_sa_next_id = 1;
	sa->id = ike_sa_next_id++;
	timer_init(&sa->timer, ike_sa_expire);
	timer_set(&sa->timer, IKE_SA_HALF_OPEN_MS);

	sa->prev = ike_sa_tail;
	if (ike_sa_tail)
		ike_sa_tail->next = sa;
	else
		ike_sa_head = sa;
	ike_sa_tail = sa;
	b = ike_sa_bucket(sa->spi_r);
	sa->hnext = *b;
	*b = sa;
	ike_sa_n++;
	return sa;
}

static void ike_sa_unlink(struct ike_sa *sa)
{
	struct ike_sa **b = ike_sa_bucket(sa->spi_r);

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
	log_info("IKE SA %u with %s deleted: %s", sa->id,
		 sock_addr_str(&sa->remote), reason);
	if (sa->session)
		session_free(sa->session);
	if (sa->state == IKE_SA_ESTABLISHED)
		stats_inc(STAT_SA_DOWN);
	timer_del(&sa->timer);
	ike_sa_unlink(sa);
	crypto_sk_wipe(&sa->sk_in);
	crypto_sk_wipe(&sa->sk_out);
	ike_sa_drop_init(sa);
	ike_sa_free_buf(&sa->resp, &sa->resp_len);
	OPENSSL_cleanse(sa, sizeof(*sa));
	free(sa);
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
 * @spi_i: the initiator's SPI, or 0 to match any
 * @spi_r: our SPI
 *
 * Return: the IKE SA, or NULL.
 */
struct ike_sa *ike_sa_find(uint64_t spi_i, uint64_t spi_r)
{
	struct ike_sa *sa;

	for (sa = *ike_sa_bucket(spi_r); sa; sa = sa->hnext)
		if (sa->spi_r == spi_r && (!spi_i || sa->spi_i == spi_i))
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

	for (sa = ike_sa_head; sa; sa = sa->next)
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
 * ike_sa_free_all - delete every IKE SA and its session, at exit
 */
void ike_sa_free_all(void)
{
	while (ike_sa_head)
		ike_sa_free(ike_sa_head, "daemon stopping");
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
