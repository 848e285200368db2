/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The counters of a flexvti interface or SA (FLEXVTI_A_STATS): read from
 * the attribute's nest, printed as text or JSON.  No libnl, so the ip
 * plugin can link it; no I/O but the printing.
 */
#ifndef FLEXVTI_KERN_STATS_H
#define FLEXVTI_KERN_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/**
 * struct kern_stats - the counters of enum flexvti_stats_a
 * @rx_packets: packets decrypted and delivered
 * @rx_bytes: bytes of those packets
 * @tx_packets: packets encrypted and sent
 * @tx_bytes: bytes of those packets before encryption
 * @drop_replay: inbound packets replayed or too old for the window
 * @drop_auth: inbound packets whose ICV did not verify
 * @drop_no_sa: packets without a usable SA
 * @drop_malformed: malformed packets
 * @drop_mtu: packets too big for the path
 * @drop_other: packets dropped for any other reason
 * @drop_acl: packets an access list dropped (either direction)
 * @drop_policer: packets a policer dropped as exceeding its rate
 * @nhrp_redirects: nhrp-redirect-ntf raised for packets that entered on
 *	the interface (0 for an SA)
 * @nhrp_redirects_limited: packets that would have raised one but were
 *	rate-limited (0 for an SA)
 */
struct kern_stats {
	uint64_t rx_packets;
	uint64_t rx_bytes;
	uint64_t tx_packets;
	uint64_t tx_bytes;
	uint64_t drop_replay;
	uint64_t drop_auth;
	uint64_t drop_no_sa;
	uint64_t drop_malformed;
	uint64_t drop_mtu;
	uint64_t drop_other;
	uint64_t drop_acl;
	uint64_t drop_policer;
	uint64_t nhrp_redirects;
	uint64_t nhrp_redirects_limited;
};

int kern_stats_parse(const void *nest, size_t len, struct kern_stats *s);
void kern_stats_print(FILE *f, const struct kern_stats *s, bool json);

#endif /* FLEXVTI_KERN_STATS_H */
