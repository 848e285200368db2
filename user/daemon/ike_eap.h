/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EAP pass-through of the IKE_AUTH responder (RFC 7296 §2.16, RFC 3579;
 * FlexVPN guide ch4, "authentication remote eap"): the peer leaves AUTH
 * out of its first IKE_AUTH request; we answer with our identity, our
 * certificate and signature, and the EAP conversation begins.  Each EAP
 * message of the peer's goes to the RADIUS group of "aaa authentication
 * eap LIST" in an Access-Request; each Access-Challenge's EAP message
 * goes back in the next IKE_AUTH response.  After the Access-Accept and
 * its EAP-Success the peer sends AUTH made with the MSK (the MS-MPPE
 * keys of the Access-Accept), or with SK_pi when the method has none;
 * ike_auth.c checks it and answers with our AUTH and the CHILD_SA.
 *
 * While RADIUS is asked the IKE SA waits, and retransmissions of the
 * peer's request are ignored; the answer is sent when the reply is in.
 */
#ifndef FLEXVTID_IKE_EAP_H
#define FLEXVTID_IKE_EAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../lib/ikev2_pld.h"
#include "../lib/radius_eap.h"

struct cfg_key;
struct cfg_profile;
struct ike_dgram;
struct ike_sa;
struct radius_group;
struct radius_req;

/* EAP codes and the Identity type (RFC 3748 §4, §5.1) */
enum {
	EAP_CODE_REQUEST = 1,
	EAP_CODE_RESPONSE = 2,
	EAP_CODE_SUCCESS = 3,
	EAP_CODE_FAILURE = 4,
	EAP_TYPE_IDENTITY = 1,
};

/**
 * struct ike_eap - the EAP conversation of a half-open IKE SA
 * @sa: its IKE SA (sa->eap points here)
 * @group: the RADIUS servers of "aaa authentication eap LIST"
 * @req: the Access-Request under way, NULL when none
 * @done: the Access-Accept came: the peer's AUTH is what comes next
 * @hdr: the header of the IKE_AUTH request being answered
 * @first_hdr: the header of the first IKE_AUTH request
 * @first: its decrypted payloads (IDi, SA, TSi, TSr, CP for the end)
 * @first_len: bytes at @first
 * @first_type: the type of the first payload at @first
 * @eap_id: the Identifier of the last EAP message to the peer
 * @identity: the EAP identity (the peer's Identity response, or its
 *	IKE identity without "query-identity"), NUL-terminated
 * @user: the User-Name of the Access-Accept, empty when none came
 * @state: the State of the last Access-Challenge, echoed (RFC 2865 §5.24)
 * @state_len: bytes at @state
 * @msk: the MSK of the method, wiped when the conversation ends
 * @msk_len: bytes at @msk; 0 when the method has none (EAP-MD5)
 * @timeout_ms: how long the peer may take for its next message
 *	("authentication remote eap timeout", else the half-open expiry)
 */
struct ike_eap {
	struct ike_sa *sa;
	struct radius_group *group;
	struct radius_req *req;
	bool done;
	struct ikev2_header hdr;
	struct ikev2_header first_hdr;
	uint8_t *first;
	size_t first_len;
	uint8_t first_type;
	uint8_t eap_id;
	char identity[RADIUS_VALUE_MAX + 1];
	char user[RADIUS_VALUE_MAX + 1];
	uint8_t state[RADIUS_VALUE_MAX];
	size_t state_len;
	uint8_t msk[RADIUS_MSK_MAX];
	size_t msk_len;
	unsigned int timeout_ms;
};

int ike_eap_start(struct ike_sa *sa, const struct cfg_profile *pf,
		  const struct ike_dgram *d, const struct ikev2_msg *req,
		  char *why, size_t len);
void ike_eap_request(struct ike_sa *sa, const struct ikev2_msg *req);
struct ikev2_msg *ike_eap_first(const struct ike_sa *sa);
void ike_eap_key(struct ike_sa *sa, bool initiator,
		 struct cfg_key *key);
const char *ike_eap_identity(const struct ike_sa *sa);
void ike_eap_free(struct ike_sa *sa);

/* ike_auth.c */
void ike_auth_eap_reply(struct ike_sa *sa, const struct ikev2_header *hdr,
			bool first, const uint8_t *eap, size_t len,
			const char *fail);

#endif /* FLEXVTID_IKE_EAP_H */
