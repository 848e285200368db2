/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Client of the flexvti generic netlink family (libnl-3).
 */
#ifndef FLEXVTI_KERN_NL_H
#define FLEXVTI_KERN_NL_H

#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include "kern_dev.h"
#include "kern_event.h"
#include "kern_sa.h"

/**
 * struct kern_nl - a socket talking to the flexvti family
 * @sk: the libnl socket
 * @family: resolved numeric family id
 * @extack: the kernel's message for the last failed request, or ""
 */
struct kern_nl {
	struct nl_sock *sk;
	int family;
	char extack[256];
};

typedef int (*kern_nl_reply_fn)(struct nl_msg *msg, void *arg);
typedef int (*kern_dev_fn)(const struct kern_dev *d, void *arg);
typedef int (*kern_sa_fn)(const struct kern_sa *sa, void *arg);
typedef int (*kern_event_fn)(const struct kern_event *e, void *arg);

int kern_nl_socket(struct kern_nl *nl, int protocol);
int kern_nl_open(struct kern_nl *nl);
void kern_nl_close(struct kern_nl *nl);
struct nl_msg *kern_nl_msg_new(struct kern_nl *nl, uint8_t cmd, int flags);
void kern_nl_msg_free(struct nl_msg *msg);
int kern_nl_transact(struct kern_nl *nl, struct nl_msg *msg,
		     kern_nl_reply_fn fn, void *arg);
int kern_nl_put(void *ctx, int type, const void *data, int len);
int kern_nl_dev_parse(struct nl_msg *msg, struct kern_dev *d);
int kern_nl_dev_get(struct kern_nl *nl, uint32_t ifindex, kern_dev_fn fn,
		    void *arg);
int kern_nl_dev_set(struct kern_nl *nl, const struct kern_dev *d);
int kern_nl_sa_new(struct kern_nl *nl, struct kern_sa *sa);
int kern_nl_sa_del(struct kern_nl *nl, uint32_t ifindex, uint32_t dir,
		   uint32_t spi);
int kern_nl_sa_swap(struct kern_nl *nl, uint32_t ifindex, uint32_t spi);
int kern_nl_sa_get(struct kern_nl *nl, uint32_t ifindex, uint32_t dir,
		   uint32_t spi, kern_sa_fn fn, void *arg);
int kern_nl_sa_dump(struct kern_nl *nl, uint32_t ifindex, kern_sa_fn fn,
		    void *arg);
int kern_nl_event_parse(struct nl_msg *msg, struct kern_event *e);
int kern_nl_monitor_open(struct kern_nl *nl);
int kern_nl_monitor_recv(struct kern_nl *nl, kern_event_fn fn, void *arg);

/* kern_link.c: virtual-access interfaces over rtnetlink */
int kern_link_open(struct kern_nl *nl);
int kern_link_add(struct kern_nl *nl, const char *name,
		  const struct kern_dev *d);
int kern_link_add_up(struct kern_nl *nl, const char *name,
		     const struct kern_dev *d, unsigned int mtu);
int kern_link_set(struct kern_nl *nl, uint32_t ifindex,
		  const struct kern_dev *d);
int kern_link_del(struct kern_nl *nl, uint32_t ifindex);

#endif /* FLEXVTI_KERN_NL_H */
