/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The IKEv2 responder: dispatch of received messages to the exchanges
 * (ike_init.c, ike_auth.c, ike_info.c) and the building, protecting and
 * sending of responses.
 */
#ifndef FLEXVTID_IKE_H
#define FLEXVTID_IKE_H

#include "../lib/ikev2_pld.h"
#include "ike_sa.h"
#include "sock.h"

/**
 * struct ike_msg - a message being built
 * @w: the writer
 * @sa: the IKE SA whose keys protect it, NULL for a plaintext message
 * @buf: the message
 */
struct ike_msg {
	struct ikev2_writer w;
	struct ike_sa *sa;
	uint8_t buf[IKEV2_MSG_MAX];
};

void ikev2_recv(struct ike_dgram *d);
void ike_msg_response(struct ike_msg *m, struct ike_sa *sa,
		      const struct ikev2_header *req);
int ike_msg_send(struct ike_msg *m);
void ike_msg_plain_response(struct ike_msg *m,
			    const struct ikev2_header *req, uint64_t spi_r);
int ike_msg_send_plain(struct ike_msg *m, const struct ike_dgram *d);

/* ike_init.c */
void ike_init_request(struct ike_dgram *d, struct ikev2_msg *req);
/* ike_auth.c */
void ike_auth_request(struct ike_sa *sa, struct ike_dgram *d,
		      struct ikev2_msg *req);
/* ike_info.c */
void ike_info_request(struct ike_sa *sa, struct ikev2_msg *req);

#endif /* FLEXVTID_IKE_H */
