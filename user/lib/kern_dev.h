/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The settings of a flexvti virtual-access interface as userspace sees
 * them: parsed from command-line words, read from netlink attributes,
 * printed as text or JSON.  No I/O but the printing.
 */
#ifndef FLEXVTI_KERN_DEV_H
#define FLEXVTI_KERN_DEV_H

#include <net/if.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <linux/flexvti.h>

#include "acl.h"
#include "kern_stats.h"

#define KERN_DEV_HAS_MODE	(1u << 0)
#define KERN_DEV_HAS_LOCAL	(1u << 1)
#define KERN_DEV_HAS_REMOTE	(1u << 2)
#define KERN_DEV_HAS_NHRP	(1u << 3)
#define KERN_DEV_HAS_TEMPLATE	(1u << 4)
#define KERN_DEV_HAS_UDP_SOCKET	(1u << 6)
#define KERN_DEV_HAS_REMOTE_PORT	(1u << 7)
#define KERN_DEV_HAS_NHRP_REDIRECT	(1u << 13)
/* genl only; an empty stack (mpls_nlabels 0) removes the labels */
#define KERN_DEV_HAS_MPLS_LABELS	(1u << 14)
/* read from the kernel only */
#define KERN_DEV_HAS_STATS	(1u << 5)
#define KERN_DEV_HAS_LOCAL_PORT	(1u << 8)
#define KERN_DEV_HAS_ACL_IN	(1u << 9)
#define KERN_DEV_HAS_ACL_OUT	(1u << 10)
#define KERN_DEV_HAS_POLICER_IN	(1u << 11)
#define KERN_DEV_HAS_POLICER_OUT	(1u << 12)

/* the bit of an access list or policer of enum acl_dir @dir */
#define KERN_DEV_HAS_ACL(dir)	(KERN_DEV_HAS_ACL_IN << (dir))
#define KERN_DEV_HAS_POLICER(dir)	(KERN_DEV_HAS_POLICER_IN << (dir))

union kern_addr {
	struct in_addr v4;
	struct in6_addr v6;
};

/**
 * struct kern_dev_acl - an attached access list, as dev-get reports it
 * @name: its name, "" when it has none
 * @nrules: its rules
 * @deny_hits: packets its implicit deny dropped
 */
struct kern_dev_acl {
	char name[FLEXVTI_NAME_MAX + 1];
	uint32_t nrules;
	uint64_t deny_hits;
};

/**
 * struct kern_dev - settings of one interface
 * @ifindex: interface index, 0 if unknown
 * @name: interface name, "" if unknown
 * @has: KERN_DEV_HAS_* bits: which of the fields below are set
 * @mode: enum flexvti_mode
 * @nhrp_network_id: NHRP network-id, 0 for none
 * @nhrp_redirect: seconds of the NHRP redirect hook's rate limit, 0 for
 *	off (FLEXVTI_A_NHRP_REDIRECT)
 * @template_id: virtual template number, 0 for none
 * @family: AF_INET or AF_INET6 when an endpoint is set
 * @local: local tunnel endpoint
 * @remote: remote tunnel endpoint
 * @udp_fd: file descriptor of the ESP-in-UDP socket to hand over, -1 for
 *	raw ESP (set only)
 * @local_port: port of the ESP-in-UDP socket (read only)
 * @remote_port: remote port of ESP-in-UDP
 * @stats: the interface's counters, when KERN_DEV_HAS_STATS is set
 * @acl: per enum acl_dir, the attached access list, when
 *	KERN_DEV_HAS_ACL(dir) is set (read only)
 * @policer: per enum acl_dir, the attached policer with its counters,
 *	when KERN_DEV_HAS_POLICER(dir) is set (read only)
 * @mpls_nlabels: number of labels in @mpls_labels, 0 to
 *	FLEXVTI_MPLS_LABELS_MAX
 * @mpls_labels: the MPLS label stack pushed on the interface's IP
 *	packets, outermost first (FLEXVTI_A_MPLS_LABELS)
 */
struct kern_dev {
	uint32_t ifindex;
	char name[IF_NAMESIZE];
	unsigned int has;
	uint32_t mode;
	uint32_t nhrp_network_id;
	uint32_t nhrp_redirect;
	uint32_t template_id;
	int family;
	union kern_addr local;
	union kern_addr remote;
	int udp_fd;
	uint16_t local_port;
	uint16_t remote_port;
	struct kern_stats stats;
	struct kern_dev_acl acl[ACL_NDIRS];
	struct acl_policer policer[ACL_NDIRS];
	uint32_t mpls_nlabels;
	uint32_t mpls_labels[FLEXVTI_MPLS_LABELS_MAX];
};

/**
 * struct kern_dev_types - attribute types of the settings in one family
 * @mode: mode (u32)
 * @local4: local IPv4 endpoint (4 bytes); local6 likewise (16 bytes)
 * @remote4: remote IPv4 endpoint (4 bytes); remote6 likewise (16 bytes)
 * @local6: see @local4
 * @remote6: see @remote4
 * @nhrp: NHRP network-id (u32)
 * @template_id: template id (u32)
 * @udp_socket: ESP-in-UDP socket (s32), 0 where the family has none
 * @udp_remote_port: remote UDP port (be16), 0 likewise
 * @nhrp_redirect: NHRP redirect timeout (u32)
 * @mpls_labels: MPLS label stack (u32 array), 0 where the family has none
 */
struct kern_dev_types {
	uint16_t mode;
	uint16_t local4;
	uint16_t remote4;
	uint16_t local6;
	uint16_t remote6;
	uint16_t nhrp;
	uint16_t template_id;
	uint16_t udp_socket;
	uint16_t udp_remote_port;
	uint16_t nhrp_redirect;
	uint16_t mpls_labels;
};

/* the generic netlink family (FLEXVTI_A_*) and the link data (IFLA_FLEXVTI_*) */
extern const struct kern_dev_types kern_dev_genl_types;
extern const struct kern_dev_types kern_dev_link_types;

/* adds one attribute to a message; returns 0 or a negative number */
typedef int (*kern_dev_put_fn)(void *ctx, int type, const void *data,
			       int len);

const char *kern_dev_mode_name(uint32_t mode);
const char *kern_dev_del_reason_name(uint32_t reason);
int kern_dev_put(const struct kern_dev *d, const struct kern_dev_types *t,
		 kern_dev_put_fn put, void *ctx);
int kern_dev_parse_args(int argc, char **argv, unsigned int allowed,
			struct kern_dev *d, char *err, size_t errlen);
void kern_dev_print_settings(FILE *f, const struct kern_dev *d, bool json);
void kern_dev_print(FILE *f, const struct kern_dev *d, bool json);

#endif /* FLEXVTI_KERN_DEV_H */
