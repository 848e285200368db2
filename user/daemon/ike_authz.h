/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * RADIUS authorization of an IKE_AUTH request (FlexVPN's "aaa
 * authorization group|user psk|cert|eap list L" with a list of "group
 * G"): Access-Requests for the group and the user, sent while the IKE SA
 * waits, and the authorization their Access-Accepts grant.
 *
 * The responder keeps a copy of the decrypted request; when the last
 * answer is in, it handles the request again from that copy
 * (ike_auth_resume()), this time with the answers.  Retransmissions of
 * the request meanwhile are ignored; freeing the IKE SA cancels what is
 * under way.
 */
#ifndef FLEXVTID_IKE_AUTHZ_H
#define FLEXVTID_IKE_AUTHZ_H

#include <stdbool.h>

#include "../lib/ikev2_pld.h"
#include "../lib/radius_authz.h"
#include "loop.h"

struct cfg_authz;
struct cfg_profile;
struct ike_sa;
struct ike_dgram;
struct ikev2_msg;
struct radius_group;
struct radius_req;

/* the two authorizations of FlexVPN, in the order they are asked */
enum ike_authz_layer {
	IKE_AUTHZ_GROUP,
	IKE_AUTHZ_USER,
	IKE_AUTHZ_NLAYERS,
};

/* how one layer's RADIUS authorization ended */
enum ike_authz_outcome {
	IKE_AUTHZ_NONE = 0,	/* no RADIUS for this layer */
	IKE_AUTHZ_ACCEPT,	/* Access-Accept: @authz holds it */
	IKE_AUTHZ_REJECT,	/* Access-Reject, or an Accept we cannot apply */
	IKE_AUTHZ_NO_ANSWER,	/* no server answered */
};

/**
 * struct ike_authz - the RADIUS authorization of one IKE_AUTH request
 * @sa: its IKE SA (sa->authz points here)
 * @hdr: the request's IKE header
 * @inner: the request's decrypted payloads, to handle it again
 * @inner_len: bytes at @inner
 * @first: the type of the first payload at @inner
 * @req: the Access-Request under way, NULL when none
 * @layer: the layer @req is for
 * @group: per layer, the server group asked; NULL: not asked
 * @fallback: per layer, its list has "local": no answer is no refusal
 * @done: every answer is in
 * @resume: handles the request again once @done
 * @outcome: per layer, how it ended
 * @authz: per layer, what its Access-Accept authorizes
 * @name: per layer, the User-Name sent
 * @why: why a layer was refused, for the log
 */
struct ike_authz {
	struct ike_sa *sa;
	struct ikev2_header hdr;
	uint8_t *inner;
	size_t inner_len;
	uint8_t first;
	struct radius_req *req;
	int layer;
	struct radius_group *group[IKE_AUTHZ_NLAYERS];
	bool fallback[IKE_AUTHZ_NLAYERS];
	bool done;
	struct timer resume;
	enum ike_authz_outcome outcome[IKE_AUTHZ_NLAYERS];
	struct radius_authz authz[IKE_AUTHZ_NLAYERS];
	char name[IKE_AUTHZ_NLAYERS][254];
	char why[160];
};

int ike_authz_name(const struct cfg_authz *az, const struct ike_sa *sa,
		   char *out, size_t len);
int ike_authz_start(struct ike_sa *sa, const struct cfg_profile *pf,
		    int method, const struct ike_dgram *d,
		    const struct ikev2_msg *req, char *why, size_t len);
void ike_authz_free(struct ike_sa *sa);
void ike_auth_resume(struct ike_sa *sa);

#endif /* FLEXVTID_IKE_AUTHZ_H */
