/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The CHILD_SA negotiated in IKE_AUTH (RFC 7296 §1.2, §2.9, §2.17,
 * §3.3): the ESP proposal chosen from the IPsec profile's transform sets,
 * the traffic selectors narrowed to what the session carries, and the
 * addresses and options of the configuration payload (§3.15).
 */
#ifndef FLEXVTID_CHILD_H
#define FLEXVTID_CHILD_H

#include <stdbool.h>
#include <stdint.h>

#include "../lib/cfg.h"
#include "../lib/ikev2_pld.h"
#include "session.h"

/**
 * struct child_choice - the ESP proposal chosen
 * @num: the initiator's proposal number
 * @spi_out: the initiator's SPI, for our outbound SA
 * @encr: the encryption algorithm
 * @integ: the integrity algorithm, NULL with an AEAD
 * @esn: extended sequence numbers
 * @dh: the Diffie-Hellman group of a rekey with PFS, else 0
 * @tset: the transform set it came from
 */
struct child_choice {
	uint8_t num;
	uint32_t spi_out;
	const struct crypto_encr *encr;
	const struct crypto_integ *integ;
	bool esn;
	uint16_t dh;
	const struct cfg_transform_set *tset;
};

bool child_choose(const struct ikev2_sa *sa, const struct cfg_ipsec_profile *ip,
		  int dh, struct child_choice *c);
bool child_proposal_is(const struct ikev2_proposal *p,
		       const struct crypto_encr *encr,
		       const struct crypto_integ *integ, uint16_t dh, bool esn);
void child_put_sa(struct ikev2_writer *w, const struct child_choice *c,
		  uint32_t spi_in);
int child_ts_narrow(const struct ikev2_ts_list *in, int family,
		    const struct route_addr *host, const struct cfg_addr *nets,
		    unsigned int nnets, uint8_t proto, struct ikev2_ts *out,
		    unsigned int max);
bool child_cp_wants(const struct ikev2_cp *cp, uint16_t type);
int child_cp_reply(const struct cfg_authz_policy *ap, const struct session *s,
		   struct ikev2_cp_attr *attr, uint8_t (*vals)[20],
		   unsigned int max);

#endif /* FLEXVTID_CHILD_H */
