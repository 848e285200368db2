// SPDX-License-Identifier: GPL-2.0-only
/*
 * Accounting of sessions: their identifiers, their records (built by
 * lib/acct_rec.c) and the delivery of the records through the spool
 * (lib/spool.c), one queue per accounting group.
 *
 * Identifiers.  A session gets them when it is made (session_new()),
 * accounted or not, for CoA and Disconnect-Request to find it by:
 * - the Acct-Session-Id: the low 32 bits of a 64-bit session counter,
 *   sent as 8 hex digits;
 * - the audit-session-id: "FV", the daemon's start time (seconds since
 *   the epoch, 8 hex digits), "Z", the session counter in hex, e.g.
 *   FV66A1B2C3Z21: [0-9A-Z], at most 27 characters.
 * The counter goes on across restarts: STATEDIR/acct.ids holds the end of
 * the block of ACCT_ID_BLOCK numbers the daemon reserved (written and
 * flushed before the first number of a block is used), and a daemon
 * starts after the last block reserved.  So neither identifier is used
 * twice (the Acct-Session-Id after 2^32 sessions), even after a crash;
 * the start time keeps the audit-session-ids apart should the file be
 * lost.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../lib/acct_rec.h"
#include "../lib/cfg.h"
#include "../lib/json.h"
#include "../lib/spool.h"
#include "aaa.h"
#include "acct.h"
#include "flexvtid.h"
#include "ike.h"
#include "ike_sa.h"
#include "log.h"
#include "session.h"
#include "sock.h"

#define ACCT_ID_BLOCK		1024
#define ACCT_RETRY_MIN_MS	5000
#define ACCT_RETRY_MAX_MS	300000

/**
 * struct acct_queue - the records of one accounting group, in order
 * @group: the group's name (the spool's queue name)
 * @head: the oldest record, the one being delivered
 * @tail: the newest
 * @len: records queued
 * @req: the request of @head under way, NULL when none
 * @retry: when the group's servers are asked again after a failure
 * @backoff: milliseconds of the last wait, 0 after a success
 * @orphan: the group has no server (logged once)
 * @next: the next queue
 */
struct acct_queue {
	char group[SPOOL_GROUP_MAX + 1];
	struct spool_rec *head;
	struct spool_rec *tail;
	unsigned int len;
	struct radius_req *req;
	struct timer retry;
	unsigned int backoff;
	bool orphan;
	struct acct_queue *next;
};

/* protects nothing: the event loop is single-threaded */
static struct spool acct_spool = { .fd = -1 };
static struct acct_queue *acct_queues;
static char acct_ids_path[256];
static uint64_t acct_counter;	/* the next session number */
static uint64_t acct_reserved;	/* the end of the block reserved */
static uint32_t acct_epoch;	/* the daemon's start, for audit ids */
static bool acct_draining;	/* the loop runs for the last records */
static bool acct_stopped;	/* nothing is sent any more */
static struct timer acct_drain_timer;

static uint64_t acct_wall_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ts.tv_sec * 1000ULL + ts.tv_nsec / 1000000;
}

static __printf(1, 2) void acct_spool_log(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	log_err("accounting %s", buf);
}

/* the next block of session numbers, on disk before it is used */
static int acct_ids_reserve(void)
{
	char tmp[sizeof(acct_ids_path) + 4], line[32];
	uint64_t end = acct_counter + ACCT_ID_BLOCK;
	int fd, n, ret = 0;

	if (!acct_ids_path[0])
		return -ENOENT;
	snprintf(tmp, sizeof(tmp), "%s.new", acct_ids_path);
	n = snprintf(line, sizeof(line), "%" PRIu64 "\n", end);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -errno;
	if (write(fd, line, n) != n || fsync(fd))
		ret = errno ? -errno : -EIO;
	close(fd);
	if (!ret && rename(tmp, acct_ids_path))
		ret = -errno;
	/* the rename itself on disk, or an old block could come back */
	if (!ret)
		spool_sync_dir(acct_ids_path);
	if (ret) {
		unlink(tmp);
		return ret;
	}
	acct_reserved = end;
	return 0;
}

static void acct_ids_init(const char *dir)
{
	char line[32] = "";
	int fd, ret;

	acct_epoch = acct_wall_ms() / 1000;
	/* without the file: numbers from the start time, apart mostly */
	acct_counter = (uint64_t)acct_epoch << 16;
	if (!dir)
		return;
	snprintf(acct_ids_path, sizeof(acct_ids_path), "%s/acct.ids", dir);
	fd = open(acct_ids_path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		if (read(fd, line, sizeof(line) - 1) > 0)
			acct_counter = strtoull(line, NULL, 10);
		close(fd);
	}
	ret = acct_ids_reserve();
	if (ret)
		log_err("accounting: cannot write %s: %s: session ids may "
			"repeat after a restart", acct_ids_path,
			strerror(-ret));
}

/**
 * acct_session_ids - give a new session its audit-session-id and
 *	Acct-Session-Id
 * @s: the session
 *
 * Every session gets them, accounted or not; see the top of acct.c for
 * their form.  They are never given twice.
 */
void acct_session_ids(struct session *s)
{
	uint64_t n = acct_counter;
	int ret;

	if (acct_reserved && n >= acct_reserved) {
		ret = acct_ids_reserve();
		if (ret)
			log_err("accounting: cannot write %s: %s",
				acct_ids_path, strerror(-ret));
	}
	acct_counter++;
	if (!acct_epoch)
		acct_epoch = acct_wall_ms() / 1000;
	s->aaa.acct_id = (uint32_t)n;
	snprintf(s->aaa.audit_id, sizeof(s->aaa.audit_id), "FV%08XZ%" PRIX64,
		 acct_epoch, n);
}

static struct acct_queue *acct_queue_get(const char *group)
{
	struct acct_queue *q;

	for (q = acct_queues; q; q = q->next)
		if (!strcmp(q->group, group))
			return q;
	return NULL;
}

static void acct_retry(struct timer *t);

static struct acct_queue *acct_queue_make(const char *group)
{
	struct acct_queue *q = acct_queue_get(group);

	if (q)
		return q;
	q = calloc(1, sizeof(*q));
	if (!q)
		return NULL;
	snprintf(q->group, sizeof(q->group), "%s", group);
	timer_init(&q->retry, acct_retry);
	q->next = acct_queues;
	acct_queues = q;
	return q;
}

static void acct_queue_push(struct acct_queue *q, struct spool_rec *r)
{
	r->qnext = NULL;
	if (q->tail)
		q->tail->qnext = r;
	else
		q->head = r;
	q->tail = r;
	q->len++;
}

/* the head of @q is delivered, or dropped: off the queue and spool */
static void acct_queue_pop(struct acct_queue *q)
{
	struct spool_rec *r = q->head;
	int ret;

	q->head = r->qnext;
	if (!q->head)
		q->tail = NULL;
	q->len--;
	ret = spool_done(&acct_spool, r);
	if (ret)
		log_err("accounting spool %s: cannot mark a record delivered: "
			"%s: it may be sent again after a restart",
			acct_spool.path, strerror(-ret));
}

/* no request under way, nothing queued that could go now */
static bool acct_idle(void)
{
	struct acct_queue *q;

	for (q = acct_queues; q; q = q->next)
		if (q->req || (q->head && !q->orphan &&
			       !timer_armed(&q->retry)))
			return false;
	return true;
}

static void acct_kick(struct acct_queue *q);

/* a stopping daemon waits no longer when nothing can go out */
static void acct_drained(void)
{
	if (acct_draining && acct_idle())
		loop_stop();
}

static void acct_backoff(struct acct_queue *q)
{
	q->backoff = q->backoff ? q->backoff * 2 : ACCT_RETRY_MIN_MS;
	if (q->backoff > ACCT_RETRY_MAX_MS)
		q->backoff = ACCT_RETRY_MAX_MS;
	log_warn("accounting group %s: no server answered: %u record(s) "
		 "spooled, next try in %u s", q->group, q->len,
		 q->backoff / 1000);
	timer_set(&q->retry, q->backoff);
	acct_drained();
}

static void acct_done(struct radius_req *req, int err, uint8_t code,
		      VALUE_PAIR *reply, void *arg)
{
	struct acct_queue *q = arg;

	(void)req;
	(void)code;
	(void)reply;
	q->req = NULL;
	if (err) {
		acct_backoff(q);
	} else {
		log_debug("accounting group %s: record %" PRIu64
			  " delivered", q->group, q->head->seq);
		q->backoff = 0;
		acct_queue_pop(q);
		acct_kick(q);
	}
	acct_drained();
}

static void acct_retry(struct timer *t)
{
	acct_kick(container_of(t, struct acct_queue, retry));
}

/* the head record of @q as an attribute list, NULL if it is unreadable */
static VALUE_PAIR *acct_load(struct acct_queue *q)
{
	uint8_t buf[SPOOL_DATA_MAX];
	VALUE_PAIR *vps = NULL;
	int n = spool_read(&acct_spool, q->head, buf, sizeof(buf));

	if (n > 0)
		vps = acct_rec_decode(radius_rh(), buf, n);
	if (!vps)
		log_err("accounting spool %s: record %" PRIu64 " at offset "
			"%lld unreadable (%s): dropped", acct_spool.path,
			q->head->seq, (long long)q->head->off,
			n < 0 ? strerror(-n) : "bad attributes");
	return vps;
}

/* send the head of @q when nothing stops it */
static void acct_kick(struct acct_queue *q)
{
	struct radius_group *g;
	VALUE_PAIR *vps;
	uint64_t now;

	while (q->head && !q->req && !timer_armed(&q->retry) &&
	       !acct_stopped) {
		g = aaa_group_find(q->group);
		if (!g) {
			if (!q->orphan)
				log_warn("accounting group %s has no servers "
					 "now: its %u record(s) stay spooled",
					 q->group, q->len);
			q->orphan = true;
			acct_drained();
			return;
		}
		q->orphan = false;
		vps = acct_load(q);
		if (!vps) {
			acct_queue_pop(q);
			continue;
		}
		now = acct_wall_ms();
		q->req = radius_req_send_aged(g, RADIUS_ACCOUNTING_REQUEST,
					      vps, now > q->head->created ?
					      now - q->head->created : 0,
					      acct_done, q);
		if (!q->req)
			acct_backoff(q);
	}
}

static int acct_spool_open(const char *dir)
{
	char path[sizeof(acct_spool.path)];
	int ret;

	snprintf(path, sizeof(path), "%s/acct.spool", dir);
	ret = spool_open(&acct_spool, path, acct_spool_log);
	if (ret)
		log_err("accounting spool %s: %s", path, strerror(-ret));
	return ret;
}

static void acct_drain_end(struct timer *t)
{
	(void)t;
	loop_stop();
}

/**
 * acct_init - open the accounting spool and the session numbers, and
 *	deliver the records a daemon before left
 * @state_dir: the directory of acct.spool and acct.ids (made, mode 0700,
 *	when missing); NULL for no files
 *
 * Without the files (a directory that cannot be made or written, a
 * spool another daemon holds), records are spooled in memory only and
 * session numbers start from the time: logged, not fatal.  Call after
 * aaa_reload() set the groups up.
 *
 * Return: 0, or -ENOMEM.
 */
int acct_init(const char *state_dir)
{
	struct acct_queue *q;
	struct spool_rec *r;
	int ret = -ENOENT;

	timer_init(&acct_drain_timer, acct_drain_end);
	if (state_dir && mkdir(state_dir, 0700) && errno != EEXIST)
		log_err("accounting: cannot make %s: %s", state_dir,
			strerror(errno));
	acct_ids_init(state_dir);
	if (state_dir)
		ret = acct_spool_open(state_dir);
	if (ret) {
		log_err("accounting: records are kept in memory only");
		ret = spool_open_mem(&acct_spool, acct_spool_log);
		if (ret)
			return ret;
	}
	for (r = acct_spool.head; r; r = r->next) {
		q = acct_queue_make(r->group);
		if (!q)
			return -ENOMEM;
		acct_queue_push(q, r);
	}
	if (acct_spool.depth)
		log_info("accounting spool %s: %u record(s) to deliver",
			 acct_spool.path, acct_spool.depth);
	for (q = acct_queues; q; q = q->next)
		acct_kick(q);
	return 0;
}

/**
 * acct_reload - a new configuration is in force: the queues of groups
 *	that have servers again go on at once
 */
void acct_reload(void)
{
	struct acct_queue *q;

	/* a queue waiting after a failure tries the new servers now */
	for (q = acct_queues; q; q = q->next) {
		timer_del(&q->retry);
		q->backoff = 0;
		acct_kick(q);
	}
}

/**
 * acct_fini - stop accounting, at exit
 * @drain_ms: how long to run the event loop for the records under way
 *	and queued to be answered (the Stop records of the sessions just
 *	ended), in milliseconds; 0 for not at all
 *
 * What is not answered by then stays in the spool for the next daemon: a
 * record sent and not answered yet may reach its server twice then.
 */
void acct_fini(unsigned int drain_ms)
{
	struct acct_queue *q;

	if (drain_ms && acct_spool.fd >= 0 && !acct_idle()) {
		log_info("accounting: waiting up to %u ms for %u record(s)",
			 drain_ms, acct_spool.depth);
		timer_set(&acct_drain_timer, drain_ms);
		acct_draining = true;
		loop_run();
		acct_draining = false;
		timer_del(&acct_drain_timer);
	}
	acct_stopped = true;
	while ((q = acct_queues)) {
		acct_queues = q->next;
		radius_req_cancel(q->req);
		timer_del(&q->retry);
		free(q);
	}
	if (acct_spool.depth)
		log_info("accounting spool %s: %u record(s) left for the next "
			 "start", acct_spool.path, acct_spool.depth);
	spool_close(&acct_spool);
}

/**
 * acct_method - the accounting method (CFG_AAA_*) of an IKE SA: how the
 *	peer authenticated
 * @sa: the IKE SA, authenticated
 *
 * Return: CFG_AAA_PSK, CFG_AAA_EAP or CFG_AAA_CERT (signatures).
 */
int acct_method(const struct ike_sa *sa)
{
	switch (sa->auth_verify) {
	case CFG_AUTH_PSK:
		return CFG_AAA_PSK;
	case CFG_AUTH_EAP:
		return CFG_AAA_EAP;
	default:
		return CFG_AAA_CERT;
	}
}

/* what the records of @s say of it */
static void acct_info(struct session *s, uint8_t status,
		      struct acct_info *ai, char *phase1, size_t len)
{
	const struct ike_sa *sa = s->ike;
	unsigned int i;

	memset(ai, 0, sizeof(*ai));
	ai->status = status;
	ai->acct_id = s->aaa.acct_id;
	ai->audit_id = s->aaa.audit_id;
	ai->user = s->aaa.user;
	ike_id_str(&sa->peer_id, phase1, len);
	ai->phase1_id = phase1;
	ai->peer = sa->remote;
	ai->nas = sa->local;
	ai->authentic = s->aaa.authentic;
	ai->class = s->aaa.class;
	ai->class_len = s->aaa.class_len;
	/* the client's addresses; a static tunnel's are ours */
	for (i = 0; i < s->naddr && !s->fixed; i++) {
		if (s->addr[i].family == AF_INET && !ai->has_framed4) {
			ai->framed4 = s->addr[i].v4;
			ai->has_framed4 = true;
		} else if (s->addr[i].family == AF_INET6 &&
			   !ai->has_framed6) {
			ai->framed6 = s->addr[i].v6;
			ai->has_framed6 = true;
		}
	}
}

/* the counters since the Start, kept for a Stop without interface */
static void acct_counts(struct session *s, struct acct_info *ai)
{
	struct session_counts c;

	if (s->ifindex && !session_counters(s, &c)) {
		s->aaa.last.pkts_in = c.pkts_in - s->aaa.base.pkts_in;
		s->aaa.last.pkts_out = c.pkts_out - s->aaa.base.pkts_out;
		s->aaa.last.bytes_in = c.bytes_in - s->aaa.base.bytes_in;
		s->aaa.last.bytes_out = c.bytes_out - s->aaa.base.bytes_out;
	}
	ai->session_time = (loop_now() - s->aaa.acct_start) / 1000;
	ai->in_packets = s->aaa.last.pkts_in;
	ai->out_packets = s->aaa.last.pkts_out;
	ai->in_octets = s->aaa.last.bytes_in;
	ai->out_octets = s->aaa.last.bytes_out;
}

/* a record of @s, spooled and queued for its group */
static void acct_record(struct session *s, uint8_t status)
{
	struct acct_queue *q = acct_queue_make(s->aaa.acct->name);
	uint8_t buf[SPOOL_DATA_MAX];
	struct spool_rec *r;
	struct acct_info ai;
	VALUE_PAIR *vps;
	char phase1[128];
	int ret;

	acct_info(s, status, &ai, phase1, sizeof(phase1));
	if (status != ACCT_STATUS_START)
		acct_counts(s, &ai);
	if (status == ACCT_STATUS_STOP)
		ai.cause = s->aaa.cause ? s->aaa.cause :
			   SESSION_CAUSE_NAS_ERROR;
	ret = q ? acct_rec_build(radius_rh(), &ai, &vps) : -ENOMEM;
	if (!ret) {
		ret = acct_rec_encode(vps, buf, sizeof(buf));
		rc_avpair_free(vps);
	}
	if (ret >= 0)
		ret = spool_add(&acct_spool, q->group, acct_wall_ms(), buf,
				ret, &r);
	if (ret) {
		log_err("%s: accounting %s record %08X lost: %s", s->name,
			status == ACCT_STATUS_START ? "Start" :
			status == ACCT_STATUS_STOP ? "Stop" : "Interim-Update",
			s->aaa.acct_id, strerror(-ret));
		return;
	}
	acct_queue_push(q, r);
	acct_kick(q);
}

static void acct_interim(struct timer *t)
{
	struct session *s = container_of(t, struct session, aaa.interim);
	unsigned int min = daemon_cfg()->radius.acct_update_min;

	acct_record(s, ACCT_STATUS_INTERIM);
	if (min)
		timer_set(t, min * 60000ULL);
}

/**
 * acct_session_start - a session is up: its Start record, and its
 *	Interim-Updates from now on
 * @s: the session, set up, its IKE SA authenticated
 * @pf: its IKEv2 profile
 * @method: how the peer authenticated (CFG_AAA_*, acct_method())
 *
 * The profile's accounting list of @method ("aaa accounting psk|cert|eap
 * LIST") names the group; without one, or with a group that has no
 * server, the session is not accounted.  An empty User-Name becomes the
 * peer's IKE identity.  Acct-Authentic is RADIUS for EAP (the server
 * authenticated the peer) and Local otherwise (IKE did, even when
 * RADIUS authorized).
 */
void acct_session_start(struct session *s, const struct cfg_profile *pf,
			int method)
{
	const struct cfg_aaa_list *l;
	unsigned int min;

	if (!pf || method < 0 || method >= CFG_AAA_NMETHODS || !s->ike)
		return;
	if (!s->aaa.user[0])
		ike_id_str(&s->ike->peer_id, s->aaa.user,
			   sizeof(s->aaa.user));
	l = pf->acct[method];
	if (!l || !l->group)
		return;
	s->aaa.acct = aaa_group(l->group);
	if (!s->aaa.acct) {
		log_warn("%s: accounting list %s: group %s has no server: "
			 "not accounted", s->name, l->name, l->group->name);
		return;
	}
	s->aaa.authentic = method == CFG_AAA_EAP ? ACCT_AUTHENTIC_RADIUS :
			   ACCT_AUTHENTIC_LOCAL;
	if (s->ifindex && session_counters(s, &s->aaa.base))
		memset(&s->aaa.base, 0, sizeof(s->aaa.base));
	s->aaa.acct_start = loop_now();
	acct_record(s, ACCT_STATUS_START);
	timer_init(&s->aaa.interim, acct_interim);
	min = daemon_cfg()->radius.acct_update_min;
	if (min)
		timer_set(&s->aaa.interim, min * 60000ULL);
}

/**
 * acct_session_stop - a session ends: its Stop record
 * @s: the session, its interface still there (its counters are read
 *	now), or gone behind our back (the counters of the last record)
 *
 * Acct-Terminate-Cause is @s->aaa.cause, NAS-Error when none was given
 * (a failure of ours, or a way to end we did not foresee).  Nothing
 * happens for a session that was not accounted.
 */
void acct_session_stop(struct session *s)
{
	if (!s->aaa.acct_start)
		return;
	timer_del(&s->aaa.interim);
	acct_record(s, ACCT_STATUS_STOP);
	s->aaa.acct_start = 0;
}

static void acct_show_queue(FILE *f, const struct acct_queue *q, bool json,
			    bool first)
{
	const char *state = q->req ? "sending" : q->orphan ? "no-server" :
			    timer_armed(&q->retry) ? "waiting" : "idle";

	if (!json) {
		fprintf(f, "  group %s: %u record(s), %s\n", q->group, q->len,
			state);
		return;
	}
	fprintf(f, "%s{\"group\":", first ? "" : ",");
	json_print_str(f, q->group);
	fprintf(f, ",\"depth\":%u,\"state\":\"%s\"}", q->len, state);
}

/**
 * acct_show - the spool, for "show aaa servers"
 * @f: where to
 * @json: a JSON object {"path", "depth", "queues": [{"group", "depth",
 *	"state"}]} instead of text; state is idle, sending, waiting (after
 *	a failure) or no-server
 */
void acct_show(FILE *f, bool json)
{
	const struct acct_queue *q;
	bool first = true;

	if (json) {
		fputs("{\"path\":", f);
		json_print_str(f, acct_spool.path);
		fprintf(f, ",\"depth\":%u,\"queues\":[", acct_spool.depth);
	} else {
		fprintf(f, "Accounting spool %s: %u record(s) pending\n",
			acct_spool.path, acct_spool.depth);
	}
	for (q = acct_queues; q; q = q->next) {
		acct_show_queue(f, q, json, first);
		first = false;
	}
	if (json)
		fputs("]}", f);
}
