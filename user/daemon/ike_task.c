// SPDX-License-Identifier: GPL-2.0-only
/*
 * Our requests on an IKE SA (RFC 7296 §2.1, §2.3): one in flight at a
 * time, the rest queued in order.  A request is retransmitted unchanged
 * until its response comes; the first retransmission after
 * IKE_RETRANSMIT_MS, doubling each time (a liveness check instead every
 * dpd_retry seconds); after IKE_TRANSMIT_MAX transmissions without an
 * answer the peer is dead and the IKE SA is deleted with its session.
 * Sending one request at a time keeps us within any window the peer has
 * (§2.3 lets it announce more, never less than 1).  Our IKE_SA_INIT is
 * such a request too, unprotected (ike_initiator.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ike.h"
#include "log.h"
#include "session.h"
#include "stats.h"

static void ike_task_next(struct ike_sa *sa);

static void ike_task_req_free(struct ike_sa *sa)
{
	timer_del(&sa->req_timer);
	free(sa->req);
	sa->req = NULL;
	sa->req_len = 0;
	sa->req_tries = 0;
}

static uint64_t ike_task_wait_ms(const struct ike_sa *sa)
{
	const struct ike_task *t = sa->task;

	if (t->ops->dpd && sa->live.dpd_retry)
		return sa->live.dpd_retry * 1000ULL;
	return (uint64_t)IKE_RETRANSMIT_MS << sa->req_tries;
}

/* build and send the request of sa->task */
static int ike_task_send(struct ike_sa *sa)
{
	struct ike_task *t = sa->task;
	struct ike_msg *m = malloc(sizeof(*m));
	int ret;

	if (!m)
		return -ENOMEM;
	if (t->ops->plain)
		ike_msg_init_request(m, sa);
	else
		ike_msg_request(m, sa, t->ops->exchange);
	ret = t->ops->build(sa, t, m);
	if (!ret)
		ret = ike_msg_send(m);
	free(m);
	if (ret)
		return ret;
	sa->req_tries = 0;
	timer_set(&sa->req_timer, ike_task_wait_ms(sa));
	return 0;
}

/* start the oldest queued task, dropping those that cannot be built */
static void ike_task_next(struct ike_sa *sa)
{
	struct ike_task *t;

	while (!sa->task && sa->queue) {
		t = sa->queue;
		sa->queue = t->next;
		t->next = NULL;
		sa->task = t;
		if (!ike_task_send(sa))
			return;
		log_warn("IKE SA %u: cannot send the %s request", sa->id,
			 t->ops->name);
		sa->task = NULL;
		ike_task_req_free(sa);
		t->ops->destroy(t);
	}
}

/**
 * ike_task_queue - add a request of ours; it is sent when those before
 *	it are done
 * @sa: the IKE SA
 * @t: the task, owned by the IKE SA from here on
 */
void ike_task_queue(struct ike_sa *sa, struct ike_task *t)
{
	struct ike_task **pos = &sa->queue;

	while (*pos)
		pos = &(*pos)->next;
	t->next = NULL;
	*pos = t;
	ike_task_next(sa);
}

/**
 * ike_task_pending - whether a request of a kind is in flight or queued
 * @sa: the IKE SA
 * @ops: the kind
 *
 * Return: true if so.
 */
bool ike_task_pending(const struct ike_sa *sa, const struct ike_task_ops *ops)
{
	const struct ike_task *t;

	if (sa->task && sa->task->ops == ops)
		return true;
	for (t = sa->queue; t; t = t->next)
		if (t->ops == ops)
			return true;
	return false;
}

/**
 * ike_task_busy - whether any request of ours is in flight or queued
 * @sa: the IKE SA
 *
 * Return: true if so.
 */
bool ike_task_busy(const struct ike_sa *sa)
{
	return sa->task || sa->queue;
}

/**
 * ike_task_flush - drop every request of an IKE SA, without callbacks
 * @sa: the IKE SA, being deleted
 */
void ike_task_flush(struct ike_sa *sa)
{
	struct ike_task *t;

	ike_task_req_free(sa);
	if (sa->task) {
		sa->task->ops->destroy(sa->task);
		sa->task = NULL;
	}
	while ((t = sa->queue)) {
		sa->queue = t->next;
		t->ops->destroy(t);
	}
}

/**
 * ike_task_timeout - the retransmission timer of an IKE SA
 * @timer: its ->req_timer
 */
void ike_task_timeout(struct timer *timer)
{
	struct ike_sa *sa = container_of(timer, struct ike_sa, req_timer);
	char why[96];

	if (!sa->task)
		return;
	if (++sa->req_tries < IKE_TRANSMIT_MAX) {
		stats_inc(STAT_TX_RETRANSMIT);
		sock_send(sa->sock, &sa->local, &sa->remote, sa->req,
			  sa->req_len);
		timer_set(&sa->req_timer, ike_task_wait_ms(sa));
		return;
	}
	stats_inc(sa->task->ops->dpd ? STAT_DPD_DEAD : STAT_TX_TIMEOUT);
	snprintf(why, sizeof(why), "no answer to %u transmissions of the %s "
		 "request", IKE_TRANSMIT_MAX, sa->task->ops->name);
	session_set_cause(sa->session, SESSION_CAUSE_LOST_CARRIER);
	ike_sa_free(sa, why);
}

/**
 * ike_task_response - the response to our request in flight came
 * @sa: the IKE SA
 * @d: the response as received
 * @resp: the response, parsed with its inner payloads
 *
 * The task handles it, then the next one is sent.
 */
void ike_task_response(struct ike_sa *sa, struct ike_dgram *d,
		       struct ikev2_msg *resp)
{
	struct ike_task *t = sa->task;
	bool alive;

	(void)d;
	sa->task = NULL;
	ike_task_req_free(sa);
	alive = t->ops->done(sa, t, resp);
	t->ops->destroy(t);
	if (alive)
		ike_task_next(sa);
}
