/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Static tunnel interfaces: each "interface Tunnel<N>" with "tunnel
 * protection ipsec profile" and "tunnel destination" becomes the
 * flexvti interface TunnelN, up from start-up with its configured
 * addresses, and a connection of ours (ike_initiator.c) to the
 * destination that puts its session on that interface.
 */
#ifndef FLEXVTID_TUNNEL_H
#define FLEXVTID_TUNNEL_H

void tunnel_start_all(void);
void tunnel_reload(void);
void tunnel_stop_all(void);

#endif /* FLEXVTID_TUNNEL_H */
