/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Notifications of the flexvti family's "events" group, as userspace
 * sees them, and their printed form.  No I/O but the printing.
 */
#ifndef FLEXVTI_KERN_EVENT_H
#define FLEXVTI_KERN_EVENT_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <linux/flexvti.h>

#include "kern_dev.h"
#include "kern_sa.h"

/**
 * struct kern_nhrp_redirect - an nhrp-redirect notification
 * @ifindex: the interface the packet entered on, where the NHRP Traffic
 *	Indication is to be sent
 * @ifname: its name
 * @network_id: the NHRP network-id of both interfaces
 * @egress_ifindex: the interface the packet was forwarded out of
 * @family: AF_INET or AF_INET6, of @src and @dst
 * @src: the packet's source address
 * @dst: its destination address
 * @packet_len: bytes in @packet
 * @packet: the start of the packet, from its IP header on, for the Traffic
 *	Indication that quotes it
 */
struct kern_nhrp_redirect {
	uint32_t ifindex;
	char ifname[IF_NAMESIZE];
	uint32_t network_id;
	uint32_t egress_ifindex;
	int family;
	union kern_addr src;
	union kern_addr dst;
	size_t packet_len;
	uint8_t packet[FLEXVTI_NHRP_PACKET_MAX];
};

/**
 * struct kern_event - one notification
 * @cmd: FLEXVTI_CMD_DEV_CHANGE_NTF, FLEXVTI_CMD_DEV_DEL_NTF,
 *	FLEXVTI_CMD_SA_EVENT_NTF or FLEXVTI_CMD_NHRP_REDIRECT_NTF
 * @del_reason: enum flexvti_del_reason, of dev-del
 * @dev: the interface and, for dev-change, its settings
 * @sa: for sa-event, the interface, direction, SPI and sa->event
 * @nhrp: for nhrp-redirect, what it tells
 */
struct kern_event {
	uint8_t cmd;
	uint32_t del_reason;
	struct kern_dev dev;
	struct kern_sa sa;
	struct kern_nhrp_redirect nhrp;
};

int kern_event_nhrp_set(struct kern_nhrp_redirect *r, const void *src,
			const void *dst, size_t alen, const void *packet,
			size_t packet_len);
void kern_event_print(FILE *f, const struct kern_event *e, bool json);

#endif /* FLEXVTI_KERN_EVENT_H */
