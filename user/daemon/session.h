/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A session: what an authenticated IKE SA with its CHILD_SA becomes in
 * the kernel.  A virtual-access interface cloned from the profile's
 * virtual template (mode, MTU, unnumbered source, NHRP network-id), the
 * CHILD_SA's inbound and outbound ESP SAs in flexvti.ko, ESP-in-UDP on the
 * daemon's port 4500 socket when a NAT was detected, and host routes to
 * the client's assigned addresses.  Created all at once or not at all;
 * freeing it deletes the interface, which takes its SAs and routes along.
 */
#ifndef FLEXVTID_SESSION_H
#define FLEXVTID_SESSION_H

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>

#include "../lib/crypto.h"
#include "../lib/ikev2_pld.h"
#include "route.h"

struct ike_sa;
struct kern_nl;

#define SESSION_ADDRS_MAX	2	/* an IPv4 and an IPv6 address */

/**
 * struct session_child - the CHILD_SA of a session
 * @spi_in: our SPI, of the inbound SA
 * @spi_out: the peer's SPI, of the outbound SA
 * @encr: the ESP encryption algorithm
 * @integ: the ESP integrity algorithm, NULL with an AEAD
 * @esn: extended sequence numbers were negotiated
 * @transport: transport mode (gre-mode interfaces), else tunnel mode
 * @key_in: keying material of the inbound SA: encryption key (with salt
 *	for an AEAD), then integrity key
 * @key_out: the same for the outbound SA
 * @soft_bytes: soft byte lifetime of each SA, 0 for none
 * @hard_bytes: hard byte lifetime of each SA, 0 for none
 */
struct session_child {
	uint32_t spi_in;
	uint32_t spi_out;
	const struct crypto_encr *encr;
	const struct crypto_integ *integ;
	bool esn;
	bool transport;
	uint8_t key_in[CRYPTO_ENCR_KEY_MAX + CRYPTO_INTEG_KEY_MAX];
	uint8_t key_out[CRYPTO_ENCR_KEY_MAX + CRYPTO_INTEG_KEY_MAX];
	uint64_t soft_bytes;
	uint64_t hard_bytes;
};

/**
 * struct session_template - what the interface gets from its virtual
 *	template
 * @id: the template's number N (Virtual-TemplateN)
 * @mode: enum flexvti_mode
 * @mtu: bytes, 0 for the module's default
 * @unnumbered: interface whose address is the source of the routes to
 *	the client, "" for none
 * @nhrp_network_id: NHRP network-id, 0 for none
 */
struct session_template {
	uint32_t id;
	uint32_t mode;
	unsigned int mtu;
	char unnumbered[IF_NAMESIZE];
	uint32_t nhrp_network_id;
};

/**
 * struct session - a live session
 * @ike: its IKE SA
 * @name: name of its virtual-access interface
 * @ifindex: index of that interface
 * @tmpl: its virtual template's settings
 * @child: the CHILD_SA (keys wiped once installed)
 * @naddr: entries in @addr
 * @addr: the client's assigned addresses, routed through the interface
 * @pool: the pool each of @addr came from, "" when not from a pool
 * @tsi: the first of the CHILD_SA's initiator selectors, for show
 * @tsr: the first of its responder selectors, for show
 * @created: loop_now() when it was set up
 */
struct session {
	struct ike_sa *ike;
	char name[IF_NAMESIZE];
	uint32_t ifindex;
	struct session_template tmpl;
	struct session_child child;
	unsigned int naddr;
	struct route_addr addr[SESSION_ADDRS_MAX];
	char pool[SESSION_ADDRS_MAX][64];
	struct ikev2_ts tsi;
	struct ikev2_ts tsr;
	uint64_t created;
};

int session_init(void);
void session_fini(void);
struct session *session_new(void);
int session_setup(struct session *s, struct ike_sa *sa);
void session_free(struct session *s);
struct kern_nl *session_genl(void);

#endif /* FLEXVTID_SESSION_H */
