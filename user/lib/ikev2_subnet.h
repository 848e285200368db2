/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The protected subnets of a Configuration payload (RFC 7296 §3.15.1):
 * INTERNAL_IP4_SUBNET (an address and a netmask, 8 bytes) and
 * INTERNAL_IP6_SUBNET (an address and a prefix length, 17 bytes), to and
 * from prefixes, and the rule for which received ones may become routes.
 * FlexVPN exchanges routes with them ("route set", "route accept any").
 * No I/O.
 */
#ifndef FLEXVTI_IKEV2_SUBNET_H
#define FLEXVTI_IKEV2_SUBNET_H

#include <stdint.h>

#include "cfg.h"
#include "ikev2_pld.h"

/* bytes of the longest value: an IPv6 address and its prefix length */
#define IKEV2_SUBNET_VALUE_MAX	17

int ikev2_subnet_decode(const struct ikev2_cp_attr *a, struct cfg_addr *out);
void ikev2_subnet_encode(const struct cfg_addr *p, struct ikev2_cp_attr *a,
			 uint8_t *buf);
const char *ikev2_subnet_refused(const struct cfg_addr *p,
				 const struct cfg_addr *outer,
				 unsigned int nouter);

#endif /* FLEXVTI_IKEV2_SUBNET_H */
