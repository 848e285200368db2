// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti-ikeload: the IKEv2 load generator of the setup-rate benchmark
 * (bench/ike.sh, bench/README.md).  It is flexvtid's own initiator
 * (ike_initiator.c, the code of static tunnels) driving many connections
 * at once:
 *
 *   flexvti-ikeload -f FILE -p PROFILE -i IPSEC -r ADDR -l ADDR -n N
 *                   [-c PARALLEL] [-t SECONDS] [-w] [-d]
 *
 * N sessions (an IKE SA with its CHILD_SA each, RFC 7296 §1.2) are set up
 * with the responder at -r, from the N consecutive IPv4 addresses that
 * start at -l, each address its own identity (the IKEv2 profile -p of
 * FILE must not set "identity local"), with the IKE proposals of the
 * policy matching the address, the keys of the profile and the transform
 * sets of IPsec profile -i.  Each asks for an IPv4 address (CFG_REQUEST),
 * as remote-access clients do.  At most PARALLEL (default 32) are being
 * negotiated at once; the next starts as one comes up or fails.  A
 * failed session is not tried again.
 *
 * The sessions live in this process only: no interface and no SA in the
 * kernel, so that the work measured is the responder's.
 *
 * When every session is up or has failed (or after SECONDS, default 600)
 * one line goes to stdout:
 *
 *   up N failed F seconds S rate R retransmits T
 *
 * S the seconds from the first IKE_SA_INIT to the last session up, R
 * sessions up per second, T the requests sent again for want of an
 * answer (a responder that drops or falls behind).  With -w the sessions then stay up until
 * SIGINT or SIGTERM, which sends each responder a Delete.  -d logs
 * flexvtid's information messages too (only warnings and errors by
 * default) and all its counters at the end.
 *
 * Exit status: 0 when every session came up, 1 when one did not or on
 * an error, 2 for a wrong command line.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../daemon/flexvtid.h"
#include "../daemon/ike.h"
#include "../daemon/ike_sa.h"
#include "../daemon/log.h"
#include "../daemon/loop.h"
#include "../daemon/session.h"
#include "../daemon/sock.h"
#include "../daemon/stats.h"
#include "../lib/cfg.h"
#include "../lib/ikev2.h"

#define LOAD_PARALLEL		32
#define LOAD_TIMEOUT_S		600
#define LOAD_MAX		100000

/**
 * struct load - the run
 * @conns: the connections, one per session
 * @n: entries of @conns
 * @started: connections started so far, in order
 * @busy: connections being negotiated
 * @parallel: the most of @busy
 * @up: sessions up
 * @failed: connections that failed
 * @lost: sessions that went after they were up
 * @hold: stay until a signal once done (-w)
 * @done: the result line is out
 * @t0: the first start
 * @t1: the last session up
 * @kick: starts the next connections from the event loop, not from
 *	inside the callbacks of another one
 * @deadline: the end of the run without every session
 */
struct load {
	struct ike_conn **conns;
	unsigned int n;
	unsigned int started;
	unsigned int busy;
	unsigned int parallel;
	unsigned int up;
	unsigned int failed;
	unsigned int lost;
	bool hold;
	bool done;
	struct timespec t0;
	struct timespec t1;
	struct timer kick;
	struct timer deadline;
};

static struct load load;
static struct cfg *cfg;

/* the library code of the daemon asks for its configuration here */
const struct cfg *daemon_cfg(void)
{
	return cfg;
}

static double load_seconds(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	       (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void load_report(void)
{
	double secs = load.up ? load_seconds(&load.t0, &load.t1) : 0;

	load.done = true;
	printf("up %u failed %u seconds %.3f rate %.1f retransmits %llu\n",
	       load.up, load.n - load.up, secs, secs > 0 ? load.up / secs : 0,
	       (unsigned long long)stats_get(STAT_TX_RETRANSMIT));
	fflush(stdout);
	timer_del(&load.deadline);
	if (!load.hold)
		loop_stop();
}

static void load_kick(struct timer *t)
{
	(void)t;
	while (load.busy < load.parallel && load.started < load.n) {
		load.busy++;
		ike_conn_start(load.conns[load.started++]);
	}
	if (!load.done && load.up + load.failed == load.n)
		load_report();
}

static void load_deadline(struct timer *t)
{
	(void)t;
	log_warn("%u sessions up, %u failed, %u still negotiating: out of "
		 "time", load.up, load.failed, load.busy);
	load_report();
	loop_stop();
}

/* ike_conn_ops: a session up, kept in this process only */
static int load_session_up(struct ike_conn *c, struct ike_sa *sa,
			   struct session *s)
{
	(void)c;
	session_attach(s, sa);
	clock_gettime(CLOCK_MONOTONIC, &load.t1);
	load.up++;
	load.busy--;
	timer_set(&load.kick, 0);
	return 0;
}

/* ike_conn_ops: an attempt failed, or a session that was up went */
static void load_down(struct ike_conn *c, const char *why)
{
	(void)why;
	if (c->attempts && !c->failures) {
		/* it had been up: ike_conn_session_gone() */
		load.lost++;
		return;
	}
	load.failed++;
	load.busy--;
	timer_set(&load.kick, 0);
}

static const struct ike_conn_ops load_ops = {
	.session_up = load_session_up,
	.down = load_down,
};

static int load_conns(const char *profile, const char *ipsec,
		      const struct in_addr *remote, const struct in_addr *local)
{
	struct ike_conn_cfg cc = { .mode = CFG_TUNNEL_IPSEC_IPV4,
				   .want_addr4 = true };
	struct sockaddr_in *r = (struct sockaddr_in *)&cc.remote;
	struct sockaddr_in *l = (struct sockaddr_in *)&cc.local;
	unsigned int i;

	load.conns = calloc(load.n, sizeof(*load.conns));
	if (!load.conns)
		return -ENOMEM;
	snprintf(cc.profile, sizeof(cc.profile), "%s", profile);
	snprintf(cc.ipsec, sizeof(cc.ipsec), "%s", ipsec);
	r->sin_family = AF_INET;
	r->sin_addr = *remote;
	l->sin_family = AF_INET;
	for (i = 0; i < load.n; i++) {
		l->sin_addr.s_addr = htonl(ntohl(local->s_addr) + i);
		snprintf(cc.name, sizeof(cc.name), "load%u", i + 1);
		load.conns[i] = ike_conn_new(&cc, &load_ops, NULL);
		if (!load.conns[i])
			return -ENOMEM;
	}
	return 0;
}

static void load_free(void)
{
	unsigned int i;

	/* each connection's IKE SA with its keys: one Delete to the peer */
	for (i = 0; load.conns && i < load.n; i++)
		if (load.conns[i])
			ike_conn_free(load.conns[i], "load generator stopping");
	free(load.conns);
	ike_sa_free_all();
}

static void on_signal(int signo)
{
	(void)signo;
	loop_stop();
}

static int usage(void)
{
	fprintf(stderr, "usage: flexvti-ikeload -f FILE -p PROFILE -i IPSEC "
		"-r ADDR -l ADDR -n N\n"
		"                       [-c PARALLEL] [-t SECONDS] [-w] [-d]\n");
	return 2;
}

static bool load_number(const char *s, unsigned int max, unsigned int *v)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(s, &end, 10);
	if (errno || *end || !*s || n < 1 || n > max)
		return false;
	*v = n;
	return true;
}

static int load_start(unsigned int timeout)
{
	int ret;

	ret = loop_init(on_signal);
	if (!ret)
		ret = ike_dos_init();
	if (!ret)
		ret = sock_open_all(IKEV2_PORT, IKEV2_NATT_PORT, ikev2_recv);
	if (ret)
		return ret;
	timer_init(&load.kick, load_kick);
	timer_init(&load.deadline, load_deadline);
	timer_set(&load.deadline, (uint64_t)timeout * 1000);
	clock_gettime(CLOCK_MONOTONIC, &load.t0);
	timer_set(&load.kick, 0);
	return 0;
}

static void load_stop(void)
{
	load_free();
	ike_dos_fini();
	sock_close_all();
	loop_fini();
	cfg_free(cfg);
}

int main(int argc, char **argv)
{
	const char *file = NULL, *profile = NULL, *ipsec = NULL;
	unsigned int timeout = LOAD_TIMEOUT_S;
	struct in_addr remote = { 0 }, local = { 0 };
	bool have_remote = false, have_local = false;
	int opt, verbosity = -1, ret;
	struct cfg_err err;

	load.parallel = LOAD_PARALLEL;
	while ((opt = getopt(argc, argv, "c:df:i:l:n:p:r:t:w")) != -1) {
		switch (opt) {
		case 'c':
			if (!load_number(optarg, LOAD_MAX, &load.parallel))
				return usage();
			break;
		case 'd':
			verbosity = 0;
			break;
		case 'f':
			file = optarg;
			break;
		case 'i':
			ipsec = optarg;
			break;
		case 'l':
			have_local = inet_pton(AF_INET, optarg, &local) == 1;
			break;
		case 'n':
			if (!load_number(optarg, LOAD_MAX, &load.n))
				return usage();
			break;
		case 'p':
			profile = optarg;
			break;
		case 'r':
			have_remote = inet_pton(AF_INET, optarg, &remote) == 1;
			break;
		case 't':
			if (!load_number(optarg, 86400, &timeout))
				return usage();
			break;
		case 'w':
			load.hold = true;
			break;
		default:
			return usage();
		}
	}
	if (optind != argc || !file || !profile || !ipsec || !have_remote ||
	    !have_local || !load.n)
		return usage();
	log_init(verbosity, false);
	cfg = cfg_load_file(file, &err);
	cfg_err_print(&err, stderr);
	if (!cfg)
		return 1;
	ret = load_conns(profile, ipsec, &remote, &local);
	if (!ret)
		ret = load_start(timeout);
	if (!ret)
		ret = loop_run();
	if (ret)
		log_err("cannot run: %s", strerror(-ret));
	if (load.lost)
		log_warn("%u sessions went while up", load.lost);
	if (verbosity >= 0)
		stats_print(stderr, false);
	ret = ret || load.up != load.n;
	load_stop();
	return ret;
}
