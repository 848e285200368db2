// SPDX-License-Identifier: GPL-2.0-only
/*
 * "show aaa servers": every RADIUS server in force with its counters,
 * and the accounting spool.  The text follows the shape of IOS's output
 * (a "RADIUS: id N, ..." block per server) with flexvtid's own counters.
 */
#include <inttypes.h>
#include <string.h>

#include "../lib/json.h"
#include "aaa.h"
#include "acct.h"
#include "show.h"
#include "sock.h"

/* the JSON key and text label of the counters, by enum radius_stat */
static const char *const show_aaa_stat[RADIUS_STAT_DROP] = {
	[RADIUS_STAT_REQUESTS] = "requests",
	[RADIUS_STAT_RETRANSMITS] = "retransmits",
	[RADIUS_STAT_TIMEOUTS] = "timeouts",
	[RADIUS_STAT_ACCEPTS] = "accepts",
	[RADIUS_STAT_REJECTS] = "rejects",
	[RADIUS_STAT_CHALLENGES] = "challenges",
	[RADIUS_STAT_ACCT_RESPONSES] = "accounting-responses",
	[RADIUS_STAT_DROP_UNKNOWN_ID] = "drop-unknown-id",
	[RADIUS_STAT_DROP_CODE] = "drop-code",
};

/* the name of counter @i: a drop reason past RADIUS_STAT_DROP */
static void show_aaa_stat_name(unsigned int i, char *buf, size_t len)
{
	if (i < RADIUS_STAT_DROP)
		snprintf(buf, len, "%s", show_aaa_stat[i]);
	else
		snprintf(buf, len, "drop-%s", radius_err_name(i -
							   RADIUS_STAT_DROP));
}

static void show_aaa_server_text(FILE *f, const struct radius_server *s,
				 unsigned int id)
{
	char name[64], a[SOCK_ADDR_STRLEN];
	unsigned int i;

	fprintf(f, "RADIUS: id %u, name %s, host %s, auth-port %u, "
		"acct-port %u\n", id, s->name,
		sock_addr_ntop(&s->addr, a, sizeof(a)), s->auth_port,
		s->acct_port);
	fprintf(f, "     Timeout %u ms, retransmit %u\n", s->timeout_ms,
		s->retransmit);
	/* the counters as "name value", four to a line */
	for (i = 0; i < RADIUS_STAT_N; i++) {
		show_aaa_stat_name(i, name, sizeof(name));
		fprintf(f, "%s%s %" PRIu64, i % 4 ? ", " : "     ", name,
			s->stats[i]);
		if (i % 4 == 3 || i + 1 == RADIUS_STAT_N)
			fputc('\n', f);
	}
}

static void show_aaa_server_json(FILE *f, const struct radius_server *s,
				 unsigned int id)
{
	char name[64], a[SOCK_ADDR_STRLEN];
	unsigned int i;

	fprintf(f, "%s{\"id\":%u,\"name\":", id > 1 ? "," : "", id);
	json_print_str(f, s->name);
	fputs(",\"host\":", f);
	json_print_str(f, sock_addr_ntop(&s->addr, a, sizeof(a)));
	fprintf(f, ",\"auth_port\":%u,\"acct_port\":%u,\"timeout_ms\":%u,"
		"\"retransmit\":%u,\"stats\":{", s->auth_port, s->acct_port,
		s->timeout_ms, s->retransmit);
	for (i = 0; i < RADIUS_STAT_N; i++) {
		show_aaa_stat_name(i, name, sizeof(name));
		fprintf(f, "%s\"%s\":%" PRIu64, i ? "," : "", name,
			s->stats[i]);
	}
	fputs("}}", f);
}

/**
 * show_aaa_servers - "show aaa servers"
 * @f: the answer
 * @json: one object {"servers": [...], "spool": {...}} (acct_show())
 * @argc: words after the command: none
 * @argv: them
 *
 * Each server in configured order, numbered from 1, with its address,
 * ports, timeout and every counter of enum radius_stat (drops by
 * reason named by radius_err_name(), "drop-bad-authenticator" say),
 * then the accounting spool's depth and queues.
 *
 * Return: 0.
 */
int show_aaa_servers(FILE *f, bool json, int argc, char **argv)
{
	const struct radius_server *s;
	unsigned int id = 0;

	(void)argc;
	(void)argv;
	if (json)
		fputs("{\"servers\":[", f);
	for (s = aaa_server_first(); s; s = aaa_server_next(s)) {
		if (json)
			show_aaa_server_json(f, s, ++id);
		else
			show_aaa_server_text(f, s, ++id);
	}
	if (json) {
		fputs("],\"spool\":", f);
		acct_show(f, true);
		fputs("}\n", f);
	} else {
		if (id)
			fputc('\n', f);
		acct_show(f, false);
	}
	return 0;
}
