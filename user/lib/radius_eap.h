/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What RADIUS carries of an EAP conversation (RFC 3579): the EAP message
 * split into EAP-Message attributes of at most 253 bytes and joined
 * again (§3.1), the State to echo (RFC 2865 §5.24), the User-Name of an
 * Access-Accept, and the MSK of the method from the MS-MPPE keys (RFC
 * 2548 §2.4.2, §2.4.3).  Replies are read from the packet as received,
 * after radius_check(), so that neither radcli's decoding nor its
 * attribute order changes a byte.
 */
#ifndef FLEXVTI_RADIUS_EAP_H
#define FLEXVTI_RADIUS_EAP_H

#include <stddef.h>
#include <stdint.h>

#include "radius.h"

#define RADIUS_VENDOR_MICROSOFT		311
#define RADIUS_MS_MPPE_SEND_KEY		16
#define RADIUS_MS_MPPE_RECV_KEY		17
/* RFC 2865 §5: the longest attribute value */
#define RADIUS_VALUE_MAX		253
/* the longest EAP message relayed: what fits one RADIUS packet */
#define RADIUS_EAP_MAX			RADIUS_MAX_LEN
/* MS-MPPE-Recv-Key || MS-MPPE-Send-Key: 32 bytes each at most here */
#define RADIUS_MSK_MAX			64

/**
 * struct radius_eap_reply - the EAP part of an Access-Challenge, -Accept
 *	or -Reject
 * @eap: the EAP-Message attributes joined, in packet order
 * @eap_len: bytes at @eap; 0 when the reply has none
 * @state: the State attribute, to echo in the next Access-Request
 * @state_len: bytes at @state; 0 when the reply has none
 * @user: the User-Name, NUL-terminated; empty when the reply has none
 * @send_key: the MS-MPPE-Send-Key value as received (salt, encrypted)
 * @send_len: bytes at @send_key; 0 when absent
 * @recv_key: the MS-MPPE-Recv-Key value as received
 * @recv_len: bytes at @recv_key; 0 when absent
 */
struct radius_eap_reply {
	uint8_t eap[RADIUS_EAP_MAX];
	size_t eap_len;
	uint8_t state[RADIUS_VALUE_MAX];
	size_t state_len;
	char user[RADIUS_VALUE_MAX + 1];
	uint8_t send_key[RADIUS_VALUE_MAX];
	size_t send_len;
	uint8_t recv_key[RADIUS_VALUE_MAX];
	size_t recv_len;
};

int radius_eap_add(rc_handle *rh, VALUE_PAIR **vps, const uint8_t *eap,
		   size_t len);
int radius_eap_parse(const uint8_t *pkt, size_t len,
		     struct radius_eap_reply *r);
int radius_eap_msk(const struct radius_eap_reply *r, const char *secret,
		   const uint8_t *req_auth, uint8_t *msk, size_t *msk_len);
void radius_eap_wipe(struct radius_eap_reply *r);

#endif /* FLEXVTI_RADIUS_EAP_H */
