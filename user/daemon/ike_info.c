// SPDX-License-Identifier: GPL-2.0-only
/*
 * INFORMATIONAL exchanges (RFC 7296 §1.4): the peer's requests, an empty
 * one being a liveness check that gets an empty answer, a Delete of the
 * IKE SA ending it with its session, a Delete of ESP SAs answered with the
 * Delete of ours (ike_child.c); and ours: the liveness check of dead peer
 * detection and the Delete of an IKE SA.
 */
#include <stdlib.h>
#include <string.h>

#include "ike.h"
#include "log.h"
#include "session.h"
#include "stats.h"

static bool info_deletes_ike(const struct ikev2_msg *req)
{
	unsigned int i;

	for (i = 0; i < req->ndelete; i++)
		if (req->del[i].proto == IKEV2_PROTO_IKE)
			return true;
	return false;
}

/**
 * ike_info_request - answer an INFORMATIONAL request
 * @sa: the IKE SA, established (or rekeyed, or being deleted)
 * @req: the request, parsed with its inner payloads
 */
void ike_info_request(struct ike_sa *sa, struct ikev2_msg *req)
{
	struct ike_msg *m = malloc(sizeof(*m));
	bool end_ike = info_deletes_ike(req), end_child = false;

	if (!m)
		return;
	ike_msg_response(m, sa, &req->hdr);
	if (!end_ike && req->ndelete)
		end_child = ike_child_delete_request(sa, req, m);
	if (!end_ike && !req->ndelete)
		stats_inc(STAT_RX_LIVENESS);
	ike_msg_send(m);
	free(m);
	if (end_ike) {
		stats_inc(STAT_RX_DELETE);
		session_set_cause(sa->session, SESSION_CAUSE_USER_REQUEST);
		ike_sa_free(sa, "deleted by the peer");
	} else if (end_child) {
		session_set_cause(sa->session, SESSION_CAUSE_USER_REQUEST);
		ike_delete_start(sa, "CHILD_SA deleted by the peer");
	}
}

/**
 * struct info_task - a liveness check or a Delete of the IKE SA
 * @t: the task
 * @why: the reason of a Delete, for the log
 */
struct info_task {
	struct ike_task t;
	char why[96];
};

static void info_destroy(struct ike_task *t)
{
	free(container_of(t, struct info_task, t));
}

static int info_build_dpd(struct ike_sa *sa, struct ike_task *t,
			  struct ike_msg *m)
{
	(void)sa;
	(void)t;
	(void)m;
	stats_inc(STAT_TX_DPD);
	return 0;
}

static bool info_dpd_done(struct ike_sa *sa, struct ike_task *t,
			  struct ikev2_msg *resp)
{
	(void)sa;
	(void)t;
	(void)resp;
	return true;
}

static const struct ike_task_ops info_dpd_ops = {
	.name = "DPD",
	.exchange = IKEV2_EXCH_INFORMATIONAL,
	.dpd = true,
	.build = info_build_dpd,
	.done = info_dpd_done,
	.destroy = info_destroy,
};

/**
 * ike_dpd_start - check that the peer is alive (§1.4: an empty
 *	INFORMATIONAL request), unless a request is in flight already
 *	(its answer or its timeout tells the same)
 * @sa: the IKE SA
 */
void ike_dpd_start(struct ike_sa *sa)
{
	struct info_task *it;

	if (ike_task_busy(sa) || sa->state != IKE_SA_ESTABLISHED)
		return;
	it = calloc(1, sizeof(*it));
	if (!it)
		return;
	it->t.ops = &info_dpd_ops;
	ike_task_queue(sa, &it->t);
}

static int info_build_delete(struct ike_sa *sa, struct ike_task *t,
			     struct ike_msg *m)
{
	(void)sa;
	(void)t;
	ikev2_put_delete(&m->w, IKEV2_PROTO_IKE, 0, 0, NULL);
	return 0;
}

static bool info_delete_done(struct ike_sa *sa, struct ike_task *t,
			     struct ikev2_msg *resp)
{
	struct info_task *it = container_of(t, struct info_task, t);

	(void)resp;
	ike_sa_free(sa, it->why);
	return false;
}

static const struct ike_task_ops info_delete_ops = {
	.name = "Delete",
	.exchange = IKEV2_EXCH_INFORMATIONAL,
	.build = info_build_delete,
	.done = info_delete_done,
	.destroy = info_destroy,
};

/**
 * ike_delete_start - delete an IKE SA: its session goes at once, the IKE
 *	SA when the peer answered our Delete (§1.4.1), or gave up
 * @sa: the IKE SA
 * @why: the reason, for the log
 *
 * Requests of ours still queued or in flight are dropped: the Delete
 * supersedes them.  A half-open IKE SA has nobody to tell and just goes.
 */
void ike_delete_start(struct ike_sa *sa, const char *why)
{
	struct info_task *it;

	if (sa->state == IKE_SA_DELETING)
		return;
	if (sa->state == IKE_SA_HALF_OPEN) {
		ike_sa_free(sa, why);
		return;
	}
	it = calloc(1, sizeof(*it));
	if (!it) {
		ike_sa_free(sa, why);
		return;
	}
	log_info("IKE SA %u: deleting: %s", sa->id, why);
	snprintf(it->why, sizeof(it->why), "%s", why);
	it->t.ops = &info_delete_ops;
	if (sa->session)
		session_free(sa->session);
	ike_task_flush(sa);
	timer_del(&sa->timer);
	ike_live_stop(sa);
	sa->state = IKE_SA_DELETING;
	ike_task_queue(sa, &it->t);
}

/**
 * ike_delete_notify - tell the peer once that an IKE SA goes, without
 *	waiting for an answer (the daemon is stopping, a connection ends)
 * @sa: the IKE SA, with its keys (IKE_SA_INIT done)
 */
void ike_delete_notify(struct ike_sa *sa)
{
	ike_task_flush(sa);
	ike_info_oneshot(sa, 0);
}

/**
 * ike_info_oneshot - a protected INFORMATIONAL request sent once,
 *	without waiting for an answer, the tasks under way left as they are
 * @sa: the IKE SA, with its keys
 * @type: 0 for a Delete of the IKE SA, else a notification of this type
 *	(AUTHENTICATION_FAILED to a responder whose AUTH we refuse, §2.21.2)
 */
void ike_info_oneshot(struct ike_sa *sa, uint16_t type)
{
	struct ike_msg *m = malloc(sizeof(*m));

	if (!m)
		return;
	ike_msg_request(m, sa, IKEV2_EXCH_INFORMATIONAL);
	if (type)
		ikev2_put_notify(&m->w, 0, NULL, 0, type, NULL, 0);
	else
		ikev2_put_delete(&m->w, IKEV2_PROTO_IKE, 0, 0, NULL);
	ike_msg_send(m);
	free(m);
}
