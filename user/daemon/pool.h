/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Local address pools (`ip local pool`, `ipv6 local pool`): which
 * addresses of a named pool are in use.  The ranges come from the
 * configuration at each allocation, so a reload that changes a pool
 * keeps the addresses already handed out.
 */
#ifndef FLEXVTID_POOL_H
#define FLEXVTID_POOL_H

#include "route.h"

/**
 * struct pool_range - consecutive addresses of a pool
 * @first: the first address
 * @last: the last address, same family, not below @first
 */
struct pool_range {
	struct route_addr first;
	struct route_addr last;
};

int pool_alloc(const char *name, const struct pool_range *ranges,
	       unsigned int n, struct route_addr *out);
void pool_release(const char *name, const struct route_addr *a);
unsigned int pool_in_use(const char *name);
void pool_free_all(void);

#endif /* FLEXVTID_POOL_H */
