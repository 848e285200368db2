// SPDX-License-Identifier: GPL-2.0-only
/*
 * Liveness of an established IKE SA: dead peer detection ("dpd INTERVAL
 * RETRY on-demand|periodic", RFC 7296 §2.4) and NAT keepalives ("nat
 * keepalive S", RFC 3948 §2.3), with the profile's settings or else the
 * global ones.
 *
 * Every INTERVAL seconds without an authentic IKE message or a decrypted
 * ESP packet from the peer, a liveness check (an empty INFORMATIONAL
 * request) goes out; on-demand only when we sent traffic in that time,
 * periodic always.  The check is sent five times, RETRY seconds apart
 * (ike_task.c); without an answer the peer is dead and the IKE SA, its
 * virtual-access interface and SAs are deleted: at most INTERVAL + 5 x
 * RETRY seconds after the peer's last sign of life.
 */
#include "../lib/cfg.h"
#include "flexvtid.h"
#include "ike.h"
#include "log.h"
#include "session.h"
#include "stats.h"

static void ike_live_dpd_timer(struct timer *t);
static void ike_live_ka_timer(struct timer *t);

/**
 * ike_live_init - prepare the liveness timers of a new IKE SA
 * @sa: the IKE SA
 */
void ike_live_init(struct ike_sa *sa)
{
	timer_init(&sa->live.dpd_timer, ike_live_dpd_timer);
	timer_init(&sa->live.ka_timer, ike_live_ka_timer);
}

/* the profile's settings, else the global ones (inventory §3 item 36) */
static void ike_live_settings(struct ike_sa *sa)
{
	const struct cfg *cfg = daemon_cfg();
	const struct cfg_profile *p = cfg_profile_find(cfg, sa->profile);
	const struct cfg_dpd *dpd = &cfg->ike.dpd;
	unsigned int ka = cfg->ike.nat_keepalive;

	if (p && p->dpd.interval)
		dpd = &p->dpd;
	if (p && p->nat_keepalive)
		ka = p->nat_keepalive;
	sa->live.dpd_interval = dpd->interval;
	sa->live.dpd_retry = dpd->retry;
	sa->live.dpd_periodic = dpd->periodic;
	sa->live.nat_keepalive = ka;
}

/**
 * ike_live_start - start dead peer detection and NAT keepalives
 * @sa: the IKE SA, just established; its ->profile set
 */
void ike_live_start(struct ike_sa *sa)
{
	struct ike_liveness *l = &sa->live;

	ike_live_settings(sa);
	l->last_rx = loop_now();
	if (l->dpd_interval)
		timer_set(&l->dpd_timer, l->dpd_interval * 1000ULL);
	if (l->nat_keepalive && sa->nat_local)
		timer_set(&l->ka_timer, l->nat_keepalive * 1000ULL);
}

/**
 * ike_live_stop - stop them
 * @sa: the IKE SA
 */
void ike_live_stop(struct ike_sa *sa)
{
	timer_del(&sa->live.dpd_timer);
	timer_del(&sa->live.ka_timer);
}

/*
 * Decrypted ESP from the peer shows it is alive too; on-demand DPD needs
 * traffic of ours that went unanswered.  True when a check is due.
 */
static bool ike_live_traffic_due(struct ike_sa *sa)
{
	struct ike_liveness *l = &sa->live;
	struct session_counts c;
	bool sent;

	if (!sa->session || session_counters(sa->session, &c))
		return true;
	sent = c.pkts_out != l->esp_out;
	if (c.pkts_in != l->esp_in)
		l->last_rx = loop_now();
	l->esp_in = c.pkts_in;
	l->esp_out = c.pkts_out;
	return l->last_rx + l->dpd_interval * 1000ULL <= loop_now() &&
	       (l->dpd_periodic || sent);
}

static void ike_live_dpd_timer(struct timer *t)
{
	struct ike_sa *sa = container_of(t, struct ike_sa, live.dpd_timer);
	struct ike_liveness *l = &sa->live;
	uint64_t interval = l->dpd_interval * 1000ULL, now = loop_now();

	if (l->last_rx + interval > now) {
		timer_set(t, l->last_rx + interval - now);
		return;
	}
	if (ike_live_traffic_due(sa))
		ike_dpd_start(sa);
	timer_set(t, interval);
}

static void ike_live_ka_timer(struct timer *t)
{
	struct ike_sa *sa = container_of(t, struct ike_sa, live.ka_timer);
	struct ike_sock *natt = sock_find(sa->remote.ss_family, true);

	if (natt) {
		stats_inc(STAT_TX_KEEPALIVE);
		sock_send_keepalive(natt, &sa->local, &sa->remote);
	}
	timer_set(t, sa->live.nat_keepalive * 1000ULL);
}
