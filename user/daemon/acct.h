/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * RADIUS accounting of sessions (RFC 2866): a Start record when a session
 * is up, Interim-Update records every "aaa accounting update periodic M"
 * minutes, a Stop record when it goes, with the counters of its
 * interface; and the identifiers of every session, accounted or not (its
 * audit-session-id and Acct-Session-Id).
 *
 * Delivery (RFC 2866 §2): every record is written to the spool
 * (STATEDIR/acct.spool, lib/spool.h) and flushed before it is sent, and
 * marked delivered when an Accounting-Response came.  The records of one
 * accounting group go out one at a time, in the order they were made, so
 * a Stop never overtakes its Start; when no server of the group answers,
 * the group's records wait (5 s, doubling up to 5 min) and go out again
 * in order.  The records a daemon did not deliver are delivered by the
 * next one first; Acct-Delay-Time counts the time since each record was
 * made (from its wall-clock time in the spool), restarts included.
 */
#ifndef FLEXVTID_ACCT_H
#define FLEXVTID_ACCT_H

#include <stdbool.h>
#include <stdio.h>

struct cfg_profile;
struct ike_sa;
struct session;

#define ACCT_STATE_DIR		"/var/lib/flexvti"
/* how long a stopping daemon waits for its records to be answered */
#define ACCT_DRAIN_MS		5000

int acct_init(const char *state_dir);
void acct_reload(void);
void acct_fini(unsigned int drain_ms);
void acct_session_ids(struct session *s);
int acct_method(const struct ike_sa *sa);
void acct_session_start(struct session *s, const struct cfg_profile *pf,
			int method);
void acct_session_stop(struct session *s);
void acct_show(FILE *f, bool json);

#endif /* FLEXVTID_ACCT_H */
