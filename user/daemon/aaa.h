/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The RADIUS servers and server groups of the configuration in force, at
 * run time ("radius server", "aaa group server radius", "group radius").
 * A reload keeps the server objects whose settings did not change, with
 * their sockets, counters and requests under way; a group keeps its
 * object for the life of the daemon, so a request never outlives the
 * group it is sent to.
 */
#ifndef FLEXVTID_AAA_H
#define FLEXVTID_AAA_H

#include "radius_client.h"

struct cfg;
struct cfg_radius_group;

int aaa_reload(const struct cfg *c);
void aaa_fini(void);
struct radius_group *aaa_group(const struct cfg_radius_group *cg);
int aaa_add_endpoints(VALUE_PAIR **vps, const struct sockaddr_storage *peer,
		      const struct sockaddr_storage *nas);
struct radius_group *aaa_group_find(const char *name);
struct radius_server *aaa_server_first(void);
struct radius_server *aaa_server_next(const struct radius_server *s);

#endif /* FLEXVTID_AAA_H */
