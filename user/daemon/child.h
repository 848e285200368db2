/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The CHILD_SA negotiated in IKE_AUTH (RFC 7296 §1.2, §2.9, §2.17,
 * §3.3): the ESP proposal chosen from the IPsec profile's transform sets,
 * the traffic selectors narrowed to what the session carries, and the
 * addresses, options and subnets (routes) of the configuration payload
 * (§3.15).
 */
#ifndef FLEXVTID_CHILD_H
#define FLEXVTID_CHILD_H

#include <stdbool.h>
#include <stdint.h>

#include "../lib/cfg.h"
#include "../lib/ikev2_pld.h"
#include "session.h"

/* attributes of a configuration payload we send, and room for routes */
#define CHILD_CP_MAX		IKEV2_MAX_CP_ATTRS
#define CHILD_ROUTES_MAX	(CFG_ROUTE_SET_MAX + 2)

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
bool child_cp_wants_n(const struct ikev2_cp_attr *attr, unsigned int n,
		      uint16_t type);
unsigned int child_cp_routes(const struct cfg_authz_policy *ap,
			     const char *if4, const char *if6,
			     struct cfg_addr *out, unsigned int max,
			     unsigned int *nset);
void child_cp_put_routes(const struct cfg_addr *routes, unsigned int nroutes,
			 bool v4, bool v6, struct ikev2_cp_attr *attr,
			 uint8_t (*vals)[20], unsigned int *n,
			 unsigned int max);
int child_cp_reply(const struct cfg_authz_policy *ap, const struct session *s,
		   const struct ikev2_cp *req, const struct cfg_addr *routes,
		   unsigned int nroutes, struct ikev2_cp_attr *attr,
		   uint8_t (*vals)[20], unsigned int max);
unsigned int child_cp_accept(const struct cfg_authz_policy *ap,
			     const struct ikev2_cp *cp,
			     const struct ike_sa *sa, int family,
			     struct session *s);

#endif /* FLEXVTID_CHILD_H */
