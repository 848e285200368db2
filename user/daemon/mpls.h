/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * MPLS on the interface of a session: Linux's MPLS stack (mpls_router)
 * drops the labelled packets that arrive on an interface whose
 * net.mpls.conf.IFNAME.input is 0, the value every new interface starts
 * with.  A template or tunnel with an MPLS line ("mpls bgp forwarding",
 * "mpls nhrp", "mpls label-stack") gets it set to 1 on its interfaces.
 * The labels of the traffic are the routes' business ("ip route ...
 * encap mpls", "ip -f mpls route"), the operator's or a routing
 * daemon's; "mpls label-stack" is the label stack the module pushes by
 * itself.
 */
#ifndef FLEXVTID_MPLS_H
#define FLEXVTID_MPLS_H

struct cfg_iface;
struct session_template;

int mpls_input_enable(const char *ifname);
void mpls_session_template(struct session_template *st,
			   const struct cfg_iface *i);

#endif /* FLEXVTID_MPLS_H */
