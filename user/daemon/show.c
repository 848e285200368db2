// SPDX-License-Identifier: GPL-2.0-only
/*
 * "show crypto ikev2 sa [detail]", "show crypto session [detail]" and
 * "show crypto ikev2 stats": the IOS layouts of the FlexVPN guide's
 * examples, with Linux interface names, and JSON with the same fields;
 * and the table of every command of the control socket.
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/cfg.h"
#include "../lib/ikev2.h"
#include "../lib/json.h"
#include "ike.h"
#include "ike_sa.h"
#include "loop.h"
#include "session.h"
#include "clear.h"
#include "show.h"
#include "stats.h"

static const char *show_encr(const struct ike_sa *sa)
{
	switch (sa->encr ? sa->encr->id : 0) {
	case IKEV2_ENCR_AES_CBC:
		return "AES-CBC";
	case IKEV2_ENCR_AES_GCM_16:
		return "AES-GCM";
	case IKEV2_ENCR_CHACHA20_POLY1305:
		return "CHACHA20-POLY1305";
	}
	return "Unknown - 0";
}

static const char *show_prf(const struct ike_sa *sa)
{
	switch (sa->prf ? sa->prf->id : 0) {
	case IKEV2_PRF_HMAC_SHA1:
		return "SHA1";
	case IKEV2_PRF_HMAC_SHA2_256:
		return "SHA256";
	case IKEV2_PRF_HMAC_SHA2_384:
		return "SHA384";
	case IKEV2_PRF_HMAC_SHA2_512:
		return "SHA512";
	}
	return "Unknown - 0";
}

static const char *show_hash(const struct ike_sa *sa)
{
	switch (sa->integ ? sa->integ->id : 0) {
	case IKEV2_INTEG_HMAC_SHA1_96:
		return "SHA96";
	case IKEV2_INTEG_HMAC_SHA2_256_128:
		return "SHA256";
	case IKEV2_INTEG_HMAC_SHA2_384_192:
		return "SHA384";
	case IKEV2_INTEG_HMAC_SHA2_512_256:
		return "SHA512";
	}
	return "None";
}

static const char *show_status(const struct ike_sa *sa)
{
	switch (sa->state) {
	case IKE_SA_ESTABLISHED:
		return "READY";
	case IKE_SA_REKEYED:
		return "REKEYED";
	case IKE_SA_DELETING:
		return "DELETE";
	default:
		return "IN-NEG";
	}
}

static unsigned int show_active(const struct ike_sa *sa)
{
	uint64_t since = sa->established ? sa->established : sa->created;

	return (loop_now() - since) / 1000;
}

/* "Auth sign" and "Auth verify": the method of an IKE SA's AUTH payload */
static const char *show_auth(uint8_t method)
{
	switch (method) {
	case CFG_AUTH_PSK:
		return "PSK";
	case CFG_AUTH_RSA_SIG:
		return "RSA";
	case CFG_AUTH_ECDSA_SIG:
		return "ECDSA";
	case CFG_AUTH_EAP:
		return "EAP";
	}
	return "None";
}

static void show_id(FILE *f, const struct ike_id *id)
{
	char buf[INET6_ADDRSTRLEN], dn[512];

	if ((id->type == IKEV2_ID_IPV4_ADDR && id->len == 4) ||
	    (id->type == IKEV2_ID_IPV6_ADDR && id->len == 16)) {
		inet_ntop(id->len == 4 ? AF_INET : AF_INET6, id->data, buf,
			  sizeof(buf));
		fputs(buf, f);
	} else if (id->type == IKEV2_ID_DER_ASN1_DN &&
		   ike_cert_dn_str(id->data, id->len, dn, sizeof(dn))) {
		fputs(dn, f);
	} else if (id->len) {
		fprintf(f, "%.*s", (int)id->len, (const char *)id->data);
	}
}

static void show_id_json(FILE *f, const struct ike_id *id)
{
	char *text = NULL;
	size_t len;
	FILE *m = open_memstream(&text, &len);

	if (!m)
		return;
	show_id(m, id);
	fclose(m);
	json_print_str(f, text);
	free(text);
}

static void show_endpoint(FILE *f, const struct sockaddr_storage *ss,
			  bool json)
{
	char a[INET6_ADDRSTRLEN], buf[SOCK_ADDR_STRLEN];

	sock_addr_ntop(ss, a, sizeof(a));
	snprintf(buf, sizeof(buf), "%s/%u", a, sock_addr_port(ss));
	if (json)
		json_print_str(f, buf);
	else
		fprintf(f, "%-21s ", buf);
}

static void show_ike_sa_text(FILE *f, const struct ike_sa *sa, bool detail)
{
	fprintf(f, "%-9u ", sa->id);
	show_endpoint(f, &sa->local, false);
	show_endpoint(f, &sa->remote, false);
	fprintf(f, "%-20s %s\n", "none/none", show_status(sa));
	fprintf(f, "      Encr: %s, keysize: %u, PRF: %s, Hash: %s, "
		"DH Grp:%u, Auth sign: %s, Auth verify: %s\n",
		show_encr(sa), sa->encr ? sa->encr->key_bits : 0, show_prf(sa),
		show_hash(sa), sa->dh_group, show_auth(sa->auth_sign),
		show_auth(sa->auth_verify));
	fprintf(f, "      Life/Active Time: %u/%u sec\n", sa->lifetime,
		show_active(sa));
	if (!detail)
		return;
	fprintf(f, "      Status Description: %s\n",
		sa->state == IKE_SA_HALF_OPEN ? (!sa->initiator ?
		"Responder waiting for AUTH" : sa->spi_r ?
		"Initiator waiting for AUTH response" :
		"Initiator waiting for IKE_SA_INIT response") :
		sa->state == IKE_SA_REKEYED ? "Rekeyed, waiting for Delete" :
		sa->state == IKE_SA_DELETING ? "Deleting" :
		"Negotiation done");
	fprintf(f, "      Local spi: %016" PRIX64 "       Remote spi: %016"
		PRIX64 "\n", ike_sa_spi_local(sa), ike_sa_spi_peer(sa));
	fputs("      Local id: ", f);
	show_id(f, &sa->local_id);
	fputs("\n      Remote id: ", f);
	show_id(f, &sa->peer_id);
	fprintf(f, "\n      Profile: %s\n", sa->profile);
	fprintf(f, "      Local req msg id:  %u     Remote req msg id:  %u\n",
		sa->tx_msgid, sa->rx_msgid);
	fprintf(f, "      Local next msg id: %u     Remote next msg id: %u\n",
		sa->tx_msgid, sa->rx_msgid);
	fprintf(f, "      Local window:      1     Remote window:      %u\n",
		sa->window);
	if (sa->live.dpd_interval)
		fprintf(f, "      DPD configured for %u seconds, retry %u, "
			"%s\n", sa->live.dpd_interval, sa->live.dpd_retry,
			sa->live.dpd_periodic ? "periodic" : "on-demand");
	else
		fputs("      DPD configured for 0 seconds, retry 0\n", f);
	fprintf(f, "      NAT-T is %s\n", sa->nat_remote ?
		"detected outside" : sa->nat_local ? "detected inside" :
		"not detected");
	if (sa->session)
		fprintf(f, "      Interface: %s\n", sa->session->name);
	fprintf(f, "      Initiator of SA : %s\n\n",
		sa->initiator ? "Yes" : "No");
}

static void show_ike_sa_json(FILE *f, const struct ike_sa *sa, bool first)
{
	fprintf(f, "%s{\"tunnel_id\":%u,\"local\":", first ? "" : ",", sa->id);
	show_endpoint(f, &sa->local, true);
	fputs(",\"remote\":", f);
	show_endpoint(f, &sa->remote, true);
	fprintf(f, ",\"status\":\"%s\",\"encr\":\"%s\",\"keysize\":%u,"
		"\"prf\":\"%s\",\"hash\":\"%s\",\"dh_group\":%u,"
		"\"auth_sign\":\"%s\",\"auth_verify\":\"%s\","
		"\"lifetime\":%u,\"active_time\":%u,"
		"\"local_spi\":\"%016" PRIX64 "\",\"remote_spi\":\"%016"
		PRIX64 "\",\"local_id\":", show_status(sa), show_encr(sa),
		sa->encr ? sa->encr->key_bits : 0, show_prf(sa), show_hash(sa),
		sa->dh_group, show_auth(sa->auth_sign),
		show_auth(sa->auth_verify), sa->lifetime, show_active(sa),
		ike_sa_spi_local(sa), ike_sa_spi_peer(sa));
	show_id_json(f, &sa->local_id);
	fputs(",\"remote_id\":", f);
	show_id_json(f, &sa->peer_id);
	fputs(",\"profile\":", f);
	json_print_str(f, sa->profile);
	fprintf(f, ",\"nat_t\":%s,\"initiator\":%s,\"rx_msgid\":%u,"
		"\"tx_msgid\":%u,\"dpd_interval\":%u,\"interface\":",
		sa->nat_local || sa->nat_remote ? "true" : "false",
		sa->initiator ? "true" : "false", sa->rx_msgid, sa->tx_msgid,
		sa->live.dpd_interval);
	if (sa->session)
		json_print_str(f, sa->session->name);
	else
		fputs("null", f);
	fputc('}', f);
}

static int show_ike_sa(FILE *f, bool json, int argc, char **argv)
{
	bool detail = argc > 0 && !strcmp(argv[0], "detail");
	static const int families[] = { AF_INET, AF_INET6 };
	const struct ike_sa *sa;
	bool first = true;
	unsigned int i;

	if (json)
		fputc('[', f);
	for (i = 0; i < 2; i++) {
		if (!json)
			fprintf(f, " IPv%c Crypto IKEv2  SA\n\n%-9s %-21s %-21s "
				"%-20s %s\n", i ? '6' : '4', "Tunnel-id",
				"Local", "Remote", "fvrf/ivrf", "Status");
		for (sa = ike_sa_first(); sa; sa = sa->next) {
			if (sa->remote.ss_family != families[i])
				continue;
			if (json)
				show_ike_sa_json(f, sa, first);
			else
				show_ike_sa_text(f, sa, detail);
			first = false;
		}
		if (!json)
			fputc('\n', f);
	}
	if (json)
		fputs("]\n", f);
	return 0;
}

/* a selector as IOS prints a flow: "host A", "A/MASK" or a range */
static void show_ts(FILE *f, const struct ikev2_ts *ts)
{
	int family = ts->type == IKEV2_TS_IPV4_ADDR_RANGE ? AF_INET : AF_INET6;
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];

	inet_ntop(family, ts->start.b, a, sizeof(a));
	inet_ntop(family, ts->end.b, b, sizeof(b));
	if (!strcmp(a, b))
		fprintf(f, "host %s", a);
	else
		fprintf(f, "%s-%s", a, b);
}

static const char *show_route(const struct session_route *r, char *buf,
			      size_t len)
{
	session_route_str(r, buf, len);
	return buf;
}

static void show_session_text(FILE *f, const struct session *s, bool detail)
{
	const struct ike_sa *sa = s->ike;
	char a[INET6_ADDRSTRLEN], r[INET6_ADDRSTRLEN + 4];
	unsigned int i;

	fprintf(f, "Interface: %s\nProfile: %s\nSession status: UP-ACTIVE\n",
		s->name, sa->profile);
	fprintf(f, "Peer: %s port %u\n", sock_addr_ntop(&sa->remote, a,
		sizeof(a)), sock_addr_port(&sa->remote));
	fprintf(f, "  Session ID: %u\n  IKEv2 SA: local ", sa->id);
	sock_addr_ntop(&sa->local, a, sizeof(a));
	fprintf(f, "%s/%u remote ", a, sock_addr_port(&sa->local));
	sock_addr_ntop(&sa->remote, a, sizeof(a));
	fprintf(f, "%s/%u Active\n  IPSEC FLOW: permit %s ", a,
		sock_addr_port(&sa->remote),
		s->child.transport ? "47" : "ip");
	if (s->nts_local && s->nts_peer) {
		show_ts(f, &s->ts_local[0]);
		fputc(' ', f);
		show_ts(f, &s->ts_peer[0]);
	}
	if (s->fixed)
		fputs("\n        Active SAs: 2, origin: crypto map\n", f);
	else
		fprintf(f, "\n        Active SAs: 2, origin: virtual-template "
			"%u\n", s->tmpl.id);
	if (detail) {
		for (i = 0; i < s->naddr; i++)
			fprintf(f, "  Assigned address: %s\n",
				inet_ntop(s->addr[i].family, &s->addr[i].v4,
					  a, sizeof(a)));
		for (i = 0; i < s->nroutes; i++)
			fprintf(f, "  Route from peer: %s dev %s metric %u "
				"tag %u\n", show_route(&s->routes[i], r,
							 sizeof(r)),
				s->name, s->routes[i].metric, s->route_tag);
		fprintf(f, "  Inbound SPI: 0x%08X  Outbound SPI: 0x%08X\n",
			s->child.spi_in, s->child.spi_out);
		fprintf(f, "  ESP: %s%s%s%s\n", s->child.encr->name,
			s->child.integ ? " " : "",
			s->child.integ ? s->child.integ->name : "",
			s->child.esn ? " ESN" : "");
		fprintf(f, "  Rekeys: %u\n", s->rekeys);
		fprintf(f, "  Username: %s\n  Audit-session-id: %s\n"
			"  Acct-Session-Id: %08X%s\n", s->aaa.user[0] ?
			s->aaa.user : "(none)", s->aaa.audit_id,
			s->aaa.acct_id, s->aaa.acct ? "" : " (not accounted)");
	}
	fputc('\n', f);
}

static void show_session_json(FILE *f, const struct session *s, bool first)
{
	const struct ike_sa *sa = s->ike;
	char a[INET6_ADDRSTRLEN + 4];
	unsigned int i;

	fprintf(f, "%s{\"interface\":", first ? "" : ",");
	json_print_str(f, s->name);
	fputs(",\"profile\":", f);
	json_print_str(f, sa->profile);
	fprintf(f, ",\"status\":\"UP-ACTIVE\",\"session_id\":%u,"
		"\"peer\":\"%s\",\"peer_port\":%u,\"local\":", sa->id,
		sock_addr_ntop(&sa->remote, a, sizeof(a)),
		sock_addr_port(&sa->remote));
	show_endpoint(f, &sa->local, true);
	fputs(",\"remote\":", f);
	show_endpoint(f, &sa->remote, true);
	fputs(",\"remote_id\":", f);
	show_id_json(f, &sa->peer_id);
	fprintf(f, ",\"virtual_template\":%u,\"initiator\":%s,\"mode\":\"%s\","
		"\"addresses\":[", s->tmpl.id, s->conn ? "true" : "false",
		s->child.transport ? "gre" : "ipsec");
	for (i = 0; i < s->naddr; i++)
		fprintf(f, "%s\"%s\"", i ? "," : "",
			inet_ntop(s->addr[i].family, &s->addr[i].v4, a,
				  sizeof(a)));
	fprintf(f, "],\"spi_in\":%u,\"spi_out\":%u,\"esp\":\"%s%s%s\","
		"\"esn\":%s,\"nat_t\":%s,\"rekeys\":%u", s->child.spi_in,
		s->child.spi_out, s->child.encr->name,
		s->child.integ ? " " : "",
		s->child.integ ? s->child.integ->name : "",
		s->child.esn ? "true" : "false",
		sa->nat_local || sa->nat_remote ? "true" : "false", s->rekeys);
	fputs(",\"user\":", f);
	json_print_str(f, s->aaa.user);
	fputs(",\"audit_session_id\":", f);
	json_print_str(f, s->aaa.audit_id);
	fprintf(f, ",\"acct_session_id\":\"%08X\",\"accounted\":%s,"
		"\"route_tag\":%u,\"routes\":[", s->aaa.acct_id,
		s->aaa.acct ? "true" : "false", s->route_tag);
	for (i = 0; i < s->nroutes; i++)
		fprintf(f, "%s{\"prefix\":\"%s\",\"metric\":%u}", i ? "," : "",
			show_route(&s->routes[i], a, sizeof(a)),
			s->routes[i].metric);
	fputs("]}", f);
}

static int show_session(FILE *f, bool json, int argc, char **argv)
{
	bool detail = argc > 0 && !strcmp(argv[0], "detail");
	const struct ike_sa *sa;
	bool first = true;

	fputs(json ? "[" : "Crypto session current status\n\n", f);
	for (sa = ike_sa_first(); sa; sa = sa->next) {
		if (!sa->session)
			continue;
		if (json)
			show_session_json(f, sa->session, first);
		else
			show_session_text(f, sa->session, detail);
		first = false;
	}
	if (json)
		fputs("]\n", f);
	return 0;
}

static int show_stats(FILE *f, bool json, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	stats_print(f, json);
	return 0;
}

const struct control_cmd ctl_cmds[] = {
	{ "show crypto ikev2 sa", show_ike_sa },
	{ "show crypto ikev2 stats", show_stats },
	{ "show crypto session", show_session },
	{ "show crypto ipsec sa", show_ipsec_sa },
	{ "show aaa servers", show_aaa_servers },
	{ "show aaa dynamic-author", show_aaa_dae },
	/* before its prefix "show ip nhrp": the first match is taken */
	{ "show ip nhrp traffic", show_nhrp_traffic },
	{ "show ip nhrp", show_nhrp },
	{ "clear crypto session", clear_session },
	{ "clear crypto ikev2 sa", clear_ike_sa },
	{ "rekey crypto ikev2 sa", rekey_ike_sa },
	{ "rekey crypto ipsec sa", rekey_ipsec_sa },
	{ NULL, NULL },
};
