/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a session needs from rtnetlink beyond creating its interface:
 * bring the virtual-access interface up with the template's MTU, find
 * the address of the template's unnumbered interface, route the
 * client's assigned addresses and the subnets a peer sent through the
 * interface, and give a static tunnel interface its addresses
 * (libnl-route-3).
 */
#ifndef FLEXVTID_ROUTE_H
#define FLEXVTID_ROUTE_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * struct route_addr - an IPv4 or IPv6 address
 * @family: AF_INET or AF_INET6; AF_UNSPEC for none
 * @v4: the IPv4 address
 * @v6: the IPv6 address
 */
struct route_addr {
	int family;
	union {
		struct in_addr v4;
		struct in6_addr v6;
	};
};

int route_open(void);
void route_close(void);
int route_link_up(uint32_t ifindex, unsigned int mtu);
int route_ifaddr(const char *ifname, int family, struct route_addr *out);
int route_prefix(bool add, uint32_t ifindex, const struct route_addr *dst,
		 int prefix, const struct route_addr *src, uint32_t metric);
int route_host(bool add, uint32_t ifindex, const struct route_addr *dst,
	       const struct route_addr *src);
int route_addr(bool add, uint32_t ifindex, const struct route_addr *a,
	       int prefix);
void route_fill_host_bits(uint8_t *b, size_t len, int prefix);
void route_clear_host_bits(struct route_addr *a, int prefix);
int route_shortcut(bool add, uint32_t ifindex, const struct route_addr *dst,
		   int prefix, uint8_t protocol, uint32_t metric);
int route_lookup(const struct route_addr *dst, uint32_t *oif, int *prefix);

#endif /* FLEXVTID_ROUTE_H */
