// SPDX-License-Identifier: GPL-2.0-only
/*
 * "show crypto ipsec sa": per session, the CHILD_SA's selectors and peer
 * and every ESP SA the kernel holds for its virtual-access interface,
 * with the module's counters and the lifetime left; IOS's layout in
 * text, the same fields in JSON.  An SA is ACTIVE (the current pair),
 * STANDBY (a rekey's outbound SA not in use yet) or REKEYED (the old
 * pair, until its Delete).
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <string.h>

#include <linux/flexvti.h>

#include "../lib/ikev2.h"
#include "../lib/json.h"
#include "../lib/kern_nl.h"
#include "ike_sa.h"
#include "loop.h"
#include "session.h"
#include "show.h"

#define SHOW_SA_MAX	8	/* SAs of one interface: 2 per pair, 3 pairs */

/**
 * struct show_sas - the SAs of one interface, read from the kernel
 * @n: entries of @sa
 * @sa: the SAs, in the kernel's order
 */
struct show_sas {
	unsigned int n;
	struct kern_sa sa[SHOW_SA_MAX];
};

static int show_sa_keep(const struct kern_sa *sa, void *arg)
{
	struct show_sas *l = arg;

	if (l->n < SHOW_SA_MAX)
		l->sa[l->n++] = *sa;
	return 0;
}

static const char *show_sa_status(const struct session *s,
				  const struct kern_sa *sa)
{
	bool in = sa->dir == FLEXVTI_SA_DIR_IN;

	if (sa->spi == (in ? s->child.spi_in : s->child.spi_out))
		return "ACTIVE";
	if (s->next.spi_in && sa->spi == (in ? s->next.spi_in :
					  s->next.spi_out))
		return "STANDBY";
	return "REKEYED";
}

/* the selector as IOS's "ident": (addr/mask/prot/port) or a range */
static void show_ident(FILE *f, const struct ikev2_ts *ts)
{
	int family = ts->type == IKEV2_TS_IPV4_ADDR_RANGE ? AF_INET : AF_INET6;
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];

	inet_ntop(family, ts->start.b, a, sizeof(a));
	inet_ntop(family, ts->end.b, b, sizeof(b));
	fprintf(f, "(%s-%s/%u/%u-%u)", a, b, ts->proto, ts->start_port,
		ts->end_port);
}

static unsigned int show_secs_left(const struct session *s)
{
	uint64_t now = loop_now();

	return s->life.expire_at > now ? (s->life.expire_at - now) / 1000 : 0;
}

static uint64_t show_kb_left(const struct kern_sa *sa)
{
	uint64_t used = sa->dir == FLEXVTI_SA_DIR_IN ? sa->stats.rx_bytes :
			sa->stats.tx_bytes;

	if (!sa->hard_bytes)
		return 0;
	return used < sa->hard_bytes ? (sa->hard_bytes - used) / 1024 : 0;
}

static void show_sa_text(FILE *f, const struct session *s,
			 const struct kern_sa *sa)
{
	fprintf(f, "      spi: 0x%08X(%u)\n        transform: %s%s%s ,\n"
		"        in use settings ={%s, }\n", sa->spi, sa->spi,
		s->child.encr->name, s->child.integ ? " " : "",
		s->child.integ ? s->child.integ->name : "",
		s->child.transport ? "Transport" : "Tunnel");
	fprintf(f, "        sa timing: remaining key lifetime (k/sec): "
		"(%" PRIu64 "/%u)\n", show_kb_left(sa), show_secs_left(s));
	fprintf(f, "        replay detection support: %s\n"
		"        Status: %s\n\n",
		sa->dir == FLEXVTI_SA_DIR_IN ? "Y" : "N",
		show_sa_status(s, sa));
}

static void show_sas_text(FILE *f, const struct session *s,
			  const struct show_sas *l, uint32_t dir)
{
	unsigned int i;

	fprintf(f, "     %s esp sas:\n", dir == FLEXVTI_SA_DIR_IN ?
		"inbound" : "outbound");
	for (i = 0; i < l->n; i++)
		if (l->sa[i].dir == dir)
			show_sa_text(f, s, &l->sa[i]);
}

static void show_session_text(FILE *f, const struct session *s,
			      const struct show_sas *l)
{
	const struct ike_sa *ike = s->ike;
	uint64_t enc = 0, dec = 0, errs = 0;
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
	unsigned int i;

	for (i = 0; i < l->n; i++) {
		const struct kern_stats *st = &l->sa[i].stats;

		enc += st->tx_packets;
		dec += st->rx_packets;
		errs += st->drop_replay + st->drop_auth + st->drop_malformed;
	}
	sock_addr_ntop(&ike->local, a, sizeof(a));
	sock_addr_ntop(&ike->remote, b, sizeof(b));
	fprintf(f, "interface: %s\n    Crypto map tag: %s-head-0, local addr "
		"%s\n", s->name, s->name, a);
	if (s->nts_local && s->nts_peer) {
		fputs("   local  ident (addr/prot/port): ", f);
		show_ident(f, &s->ts_local[0]);
		fputs("\n   remote ident (addr/prot/port): ", f);
		show_ident(f, &s->ts_peer[0]);
		fputc('\n', f);
	}
	fprintf(f, "   current_peer %s port %u\n", b,
		sock_addr_port(&ike->remote));
	fprintf(f, "    #pkts encaps: %" PRIu64 ", #pkts decaps: %" PRIu64
		", #recv errors %" PRIu64 "\n\n", enc, dec, errs);
	fprintf(f, "     local crypto endpt.: %s, remote crypto endpt.: %s\n",
		a, b);
	fprintf(f, "     current outbound spi: 0x%08X(%u)\n\n",
		s->child.spi_out, s->child.spi_out);
	show_sas_text(f, s, l, FLEXVTI_SA_DIR_IN);
	show_sas_text(f, s, l, FLEXVTI_SA_DIR_OUT);
}

static void show_sa_json(FILE *f, const struct session *s,
			 const struct kern_sa *sa, bool first)
{
	const struct kern_stats *st = &sa->stats;

	fprintf(f, "%s{\"dir\":\"%s\",\"spi\":%u,\"status\":\"%s\","
		"\"packets\":%" PRIu64 ",\"bytes\":%" PRIu64 ","
		"\"drops_replay\":%" PRIu64 ",\"drops_auth\":%" PRIu64 ","
		"\"remaining_kb\":%" PRIu64 ",\"remaining_sec\":%u}",
		first ? "" : ",", sa->dir == FLEXVTI_SA_DIR_IN ? "in" : "out",
		sa->spi, show_sa_status(s, sa),
		sa->dir == FLEXVTI_SA_DIR_IN ? st->rx_packets : st->tx_packets,
		sa->dir == FLEXVTI_SA_DIR_IN ? st->rx_bytes : st->tx_bytes,
		st->drop_replay, st->drop_auth, show_kb_left(sa),
		show_secs_left(s));
}

static void show_session_json(FILE *f, const struct session *s,
			      const struct show_sas *l, bool first)
{
	const struct ike_sa *ike = s->ike;
	char a[INET6_ADDRSTRLEN];
	unsigned int i;

	fprintf(f, "%s{\"interface\":", first ? "" : ",");
	json_print_str(f, s->name);
	fprintf(f, ",\"session_id\":%u,\"local\":\"%s\"", ike->id,
		sock_addr_ntop(&ike->local, a, sizeof(a)));
	fprintf(f, ",\"peer\":\"%s\",\"peer_port\":%u,\"mode\":\"%s\","
		"\"transform\":\"%s%s%s\",\"sas\":[",
		sock_addr_ntop(&ike->remote, a, sizeof(a)),
		sock_addr_port(&ike->remote),
		s->child.transport ? "transport" : "tunnel",
		s->child.encr->name, s->child.integ ? " " : "",
		s->child.integ ? s->child.integ->name : "");
	for (i = 0; i < l->n; i++)
		show_sa_json(f, s, &l->sa[i], !i);
	fputs("]}", f);
}

/**
 * show_ipsec_sa - "show crypto ipsec sa"
 * @f: the answer
 * @json: as a JSON array of sessions
 * @argc: words after the command (none)
 * @argv: unused
 *
 * Return: 0.
 */
int show_ipsec_sa(FILE *f, bool json, int argc, char **argv)
{
	const struct ike_sa *sa;
	struct show_sas l;
	bool first = true;

	(void)argc;
	(void)argv;
	if (json)
		fputc('[', f);
	for (sa = ike_sa_first(); sa; sa = sa->next) {
		if (!sa->session)
			continue;
		l.n = 0;
		kern_nl_sa_dump(session_genl(), sa->session->ifindex,
				show_sa_keep, &l);
		if (json)
			show_session_json(f, sa->session, &l, first);
		else
			show_session_text(f, sa->session, &l);
		first = false;
	}
	if (json)
		fputs("]\n", f);
	return 0;
}
