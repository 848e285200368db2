// SPDX-License-Identifier: GPL-2.0-only
/*
 * The daemon's counters and their names.
 */
#include "../lib/util.h"
#include "stats.h"

static uint64_t stats[STAT_MAX];

static const char *const stat_names[STAT_MAX] = {
	[STAT_RX] = "rx",
	[STAT_RX_MALFORMED] = "rx-malformed",
	[STAT_RX_UNKNOWN_SPI] = "rx-unknown-spi",
	[STAT_RX_ICV_FAILED] = "rx-icv-failed",
	[STAT_RX_UNEXPECTED] = "rx-unexpected",
	[STAT_RX_RETRANSMIT] = "rx-retransmit",
	[STAT_RX_ESP_UNKNOWN] = "rx-esp-unknown-spi",
	[STAT_RX_RESPONSE] = "rx-stray-response",
	[STAT_TX] = "tx",
	[STAT_TX_ERROR] = "tx-error",
	[STAT_NO_PROPOSAL] = "no-proposal-chosen",
	[STAT_INVALID_KE] = "invalid-ke-payload",
	[STAT_AUTH_FAILED] = "authentication-failed",
	[STAT_AUTHZ_FAILED] = "authorization-failed",
	[STAT_AUTH_WAITING] = "rx-auth-while-authorizing",
	[STAT_EAP_SUCCESS] = "eap-success",
	[STAT_EAP_FAILED] = "eap-failed",
	[STAT_EAP_NO_SERVER] = "eap-no-radius-answer",
	[STAT_EAP_TIMEOUT] = "eap-timeout",
	[STAT_TS_UNACCEPTABLE] = "ts-unacceptable",
	[STAT_ADDR_FAILURE] = "internal-address-failure",
	[STAT_CRITICAL] = "unsupported-critical-payload",
	[STAT_HALF_OPEN_EXPIRED] = "half-open-expired",
	[STAT_SESSION_FAILED] = "session-setup-failed",
	[STAT_SA_UP] = "sa-up",
	[STAT_SA_DOWN] = "sa-down",
	[STAT_RX_OUTSIDE_WINDOW] = "rx-outside-window",
	[STAT_RX_LIVENESS] = "rx-liveness",
	[STAT_RX_DELETE] = "rx-delete",
	[STAT_RX_CHILD_REKEY] = "rx-child-rekey",
	[STAT_TX_RETRANSMIT] = "tx-retransmit",
	[STAT_TX_TIMEOUT] = "tx-timeout",
	[STAT_TX_DPD] = "tx-dpd",
	[STAT_TX_KEEPALIVE] = "tx-nat-keepalive",
	[STAT_TX_CHILD_REKEY] = "tx-child-rekey",
	[STAT_TX_IKE_REKEY] = "tx-ike-rekey",
	[STAT_DPD_DEAD] = "dpd-dead-peer",
	[STAT_PEER_MOVED] = "peer-address-changed",
	[STAT_INITIAL_CONTACT] = "initial-contact-deleted",
	[STAT_CHILD_REKEYED] = "child-rekeyed",
	[STAT_CHILD_REKEY_FAILED] = "child-rekey-failed",
	[STAT_CHILD_REKEY_COLLISION] = "child-rekey-collision",
	[STAT_CHILD_EXPIRED] = "child-expired",
	[STAT_IKE_REKEYED] = "ike-rekeyed",
	[STAT_IKE_REKEY_FAILED] = "ike-rekey-failed",
	[STAT_IKE_REKEY_COLLISION] = "ike-rekey-collision",
	[STAT_IKE_EXPIRED] = "ike-expired",
	[STAT_CLEARED] = "cleared",
	[STAT_COOKIE_SENT] = "cookie-sent",
	[STAT_COOKIE_INVALID] = "cookie-invalid",
	[STAT_HALF_OPEN_PER_SOURCE] = "half-open-per-source-dropped",
	[STAT_HALF_OPEN_LIMIT] = "half-open-limit-dropped",
	[STAT_CERT_UNTRUSTED] = "cert-untrusted",
	[STAT_CERT_REVOKED] = "cert-revoked",
	[STAT_CERT_EXPIRED] = "cert-expired",
	[STAT_CERT_ID_MISMATCH] = "cert-id-mismatch",
	[STAT_INIT_ATTEMPT] = "init-attempts",
	[STAT_INIT_UP] = "init-up",
	[STAT_INIT_FAILED] = "init-failed",
	[STAT_INIT_COOKIE] = "init-cookie-returned",
	[STAT_INIT_INVALID_KE] = "init-invalid-ke-followed",
	[STAT_INIT_NO_PROPOSAL] = "init-no-proposal-chosen",
	[STAT_INIT_AUTH_FAILED] = "init-authentication-failed",
	[STAT_INIT_DEFERRED] = "init-deferred",
	[STAT_ROUTE_ADDED] = "routes-added",
	[STAT_ROUTE_REFUSED] = "routes-refused",
	[STAT_ROUTE_MALFORMED] = "routes-malformed",
	[STAT_ROUTE_FAILED] = "routes-failed",
};

/**
 * stats_inc - count one event
 * @id: the counter
 */
void stats_inc(enum stat_id id)
{
	stats[id]++;
}

/**
 * stats_get - read a counter
 * @id: the counter
 *
 * Return: its value.
 */
uint64_t stats_get(enum stat_id id)
{
	return stats[id];
}

/**
 * stats_print - print every counter
 * @f: where to
 * @json: as one JSON object rather than "name: value" lines
 */
void stats_print(FILE *f, bool json)
{
	unsigned int i;

	if (json)
		fputc('{', f);
	for (i = 0; i < STAT_MAX; i++) {
		if (json)
			fprintf(f, "%s\"%s\":%llu", i ? "," : "",
				stat_names[i], (unsigned long long)stats[i]);
		else
			fprintf(f, "%-30s %llu\n", stat_names[i],
				(unsigned long long)stats[i]);
	}
	if (json)
		fputs("}\n", f);
}
