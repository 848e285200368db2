// SPDX-License-Identifier: GPL-2.0-only
/*
 * "show aaa servers": every RADIUS server in force with its counters,
 * and the accounting spool; "show aaa dynamic-author": the counters of
 * the RFC 5176 server.  The text follows the shape of IOS's output
 * (a "RADIUS: id N, ..." block per server) with flexvtid's own counters.
 */
#include <inttypes.h>
#include <string.h>

#include "../lib/json.h"
#include "aaa.h"
#include "acct.h"
#include "dae.h"
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

/* the names of enum dae_stat, for text and JSON */
static const char *const show_dae_stat[DAE_STAT_N] = {
	[DAE_STAT_DISCONNECT] = "disconnect-requests",
	[DAE_STAT_DISCONNECT_ACK] = "disconnect-acks",
	[DAE_STAT_DISCONNECT_NAK] = "disconnect-naks",
	[DAE_STAT_COA] = "coa-requests",
	[DAE_STAT_COA_ACK] = "coa-acks",
	[DAE_STAT_COA_NAK] = "coa-naks",
	[DAE_STAT_DUPLICATE] = "duplicates-answered",
	[DAE_STAT_DUPLICATE_PENDING] = "duplicates-dropped",
	[DAE_STAT_SEND_FAILED] = "send-failed",
};

static void show_dae_text(FILE *f, const struct dae_stats *st)
{
	unsigned int i, n = 0;

	if (dae_port())
		fprintf(f, "Dynamic authorization (RFC 5176): port %d\n",
			dae_port());
	else
		fputs("Dynamic authorization (RFC 5176): off\n", f);
	for (i = 0; i < DAE_STAT_N; i++)
		fprintf(f, "  %-30s %" PRIu64 "\n", show_dae_stat[i],
			st->stat[i]);
	for (i = DAE_DROP_MALFORMED; i < DAE_NRESULTS; i++)
		fprintf(f, "  %-30s %" PRIu64 "\n", dae_result_name(i),
			st->result[i]);
	fputs("  NAKs by Error-Cause:\n", f);
	for (i = 0; i < DAE_NCAUSES; i++) {
		if (!st->cause[i])
			continue;
		fprintf(f, "    %u %-25s %" PRIu64 "\n",
			dae_error_cause_value(i),
			dae_error_cause_name(dae_error_cause_value(i)),
			st->cause[i]);
		n++;
	}
	if (!n)
		fputs("    none\n", f);
}

static void show_dae_json(FILE *f, const struct dae_stats *st)
{
	unsigned int i;

	fprintf(f, "{\"port\":%d", dae_port());
	for (i = 0; i < DAE_STAT_N; i++)
		fprintf(f, ",\"%s\":%" PRIu64, show_dae_stat[i], st->stat[i]);
	for (i = DAE_DROP_MALFORMED; i < DAE_NRESULTS; i++)
		fprintf(f, ",\"%s\":%" PRIu64, dae_result_name(i),
			st->result[i]);
	fputs(",\"error-causes\":{", f);
	for (i = 0; i < DAE_NCAUSES; i++)
		fprintf(f, "%s\"%u\":%" PRIu64, i ? "," : "",
			dae_error_cause_value(i), st->cause[i]);
	fputs("}}\n", f);
}

/**
 * show_aaa_dae - "show aaa dynamic-author"
 * @f: the answer
 * @json: one object: "port" (0 when the server is off), the counters of
 *	enum dae_stat ("coa-acks", ...), the drops by reason
 *	("drop-unknown-client", "drop-bad-authenticator", ...) and
 *	"error-causes", the NAKs by Error-Cause value ({"404": 2, ...})
 * @argc: words after the command: none
 * @argv: them
 *
 * The counters of the RFC 5176 server since the daemon started: requests
 * acted on, ACKs and NAKs by kind (the names of StarOS's), retransmissions
 * answered from the duplicate cache, drops by reason, NAKs by Error-Cause.
 *
 * Return: 0.
 */
int show_aaa_dae(FILE *f, bool json, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	if (json)
		show_dae_json(f, dae_stats());
	else
		show_dae_text(f, dae_stats());
	return 0;
}
