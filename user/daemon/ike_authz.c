// SPDX-License-Identifier: GPL-2.0-only
/*
 * RADIUS authorization of IKE_AUTH requests (FlexVPN guide ch4: group
 * and user authorization; RFC 2865).  Group first, then user; each
 * Access-Request carries the name to authorize (configured, mangled or
 * the peer's identity), the "radius authorization password", the
 * peer's address (Calling-Station-Id) and ours (NAS-IP-Address), and a
 * Message-Authenticator (radius_client.c adds it).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "../lib/cfg.h"
#include "aaa.h"
#include "flexvtid.h"
#include "ike.h"
#include "ike_authz.h"
#include "ike_eap.h"
#include "log.h"
#include "stats.h"

static const char *const authz_layer_names[IKE_AUTHZ_NLAYERS] = {
	[IKE_AUTHZ_GROUP] = "group",
	[IKE_AUTHZ_USER] = "user",
};

/* what a name mangler gets of an identity: RFC 4514 order for a DN */
static int authz_mangle(const struct cfg_name_mangler *m,
			const struct ike_id *id, char *out, size_t len)
{
	char text[IKE_ID_MAX * 3];
	enum cfg_mangle_src src;

	switch (id->type) {
	case IKEV2_ID_FQDN:
		src = CFG_MANGLE_SRC_FQDN;
		break;
	case IKEV2_ID_RFC822_ADDR:
		src = CFG_MANGLE_SRC_EMAIL;
		break;
	case IKEV2_ID_DER_ASN1_DN:
		src = CFG_MANGLE_SRC_DN;
		if (!ike_cert_dn_rfc4514(id->data, id->len, text,
					 sizeof(text)))
			return -EINVAL;
		return cfg_mangle_name(m, src, text, out, len);
	default:
		return -ENOENT;
	}
	ike_id_str(id, text, sizeof(text));
	return cfg_mangle_name(m, src, text, out, len);
}

/**
 * ike_authz_name - the name an authorization is for: the configured
 *	NAME, else what the name mangler makes of the peer's identity,
 *	else that identity as text
 * @az: the authorization ("aaa authorization group|user METHOD list L
 *	[NAME | name-mangler M]")
 * @sa: the IKE SA, with the peer's identity; after EAP the identity EAP
 *	established (ike_eap_identity()) is used instead, and a mangler
 *	applies its "eap" rule
 * @out: receives the name
 * @len: bytes at @out
 *
 * Return: 0; -ENOENT when the mangler has no rule for the identity's
 * type or the identity lacks the part, -EINVAL for a DN that is not one,
 * -ENOSPC when it does not fit.
 */
int ike_authz_name(const struct cfg_authz *az, const struct ike_sa *sa,
		   char *out, size_t len)
{
	const char *eap = ike_eap_identity(sa);
	int ret;

	if (eap && !az->username) {
		if (az->mangler) {
			ret = cfg_mangle_name(az->mangler, CFG_MANGLE_SRC_EAP,
					      eap, out, len);
			return ret < 0 ? ret : 0;
		}
		if (strlen(eap) >= len)
			return -ENOSPC;
		strcpy(out, eap);
		return 0;
	}
	if (az->username) {
		if (strlen(az->username) >= len)
			return -ENOSPC;
		strcpy(out, az->username);
		return 0;
	}
	if (az->mangler) {
		ret = authz_mangle(az->mangler, &sa->peer_id, out, len);
		return ret < 0 ? ret : 0;
	}
	ike_id_str(&sa->peer_id, out, len);
	return 0;
}

/* the Access-Request of one layer */
static VALUE_PAIR *authz_request(const struct ike_sa *sa, const char *name)
{
	const struct cfg_key *pw = &daemon_cfg()->radius.authz_password;
	VALUE_PAIR *vps = NULL;

	if (!rc_avpair_add(radius_rh(), &vps, PW_USER_NAME, name,
			   strlen(name), 0) ||
	    !rc_avpair_add(radius_rh(), &vps, PW_USER_PASSWORD, pw->data,
			   pw->len, 0) ||
	    aaa_add_endpoints(&vps, &sa->remote, &sa->local)) {
		rc_avpair_free(vps);
		return NULL;
	}
	return vps;
}

/* every answer is in: the request is handled again, from the loop */
static void authz_finish(struct ike_authz *az)
{
	az->done = true;
	az->req = NULL;
	timer_set(&az->resume, 0);
}

static void authz_resume(struct timer *t)
{
	struct ike_authz *az = container_of(t, struct ike_authz, resume);

	ike_auth_resume(az->sa);
}

static void authz_next(struct ike_authz *az);

static void authz_answer(struct radius_req *req, int err, uint8_t code,
			 VALUE_PAIR *reply, void *arg)
{
	struct ike_authz *az = arg;
	enum ike_authz_layer l = az->layer;
	struct radius_authz *a = &az->authz[l];
	int ret;

	(void)req;
	az->req = NULL;
	if (err) {
		az->outcome[l] = IKE_AUTHZ_NO_ANSWER;
	} else if (code != RADIUS_ACCESS_ACCEPT) {
		az->outcome[l] = IKE_AUTHZ_REJECT;
		snprintf(az->why, sizeof(az->why), "%s authorization of %s: "
			 "%s", authz_layer_names[l], az->name[l],
			 radius_code_name(code));
	} else {
		ret = radius_authz_parse(radius_rh(), reply, a, az->why,
					 sizeof(az->why));
		az->outcome[l] = ret ? IKE_AUTHZ_REJECT : IKE_AUTHZ_ACCEPT;
		if (!ret && *a->ignored)
			log_info("IKE SA %u: %s authorization of %s: ignored "
				 "%s", az->sa->id, authz_layer_names[l],
				 az->name[l], a->ignored);
	}
	/* a refusal is final: nothing more is asked after it */
	if (az->outcome[l] == IKE_AUTHZ_REJECT ||
	    (az->outcome[l] == IKE_AUTHZ_NO_ANSWER && !az->fallback[l]))
		authz_finish(az);
	else
		authz_next(az);
}

/* the next layer to ask, or the end */
static void authz_next(struct ike_authz *az)
{
	VALUE_PAIR *vps;

	for (az->layer++; az->layer < IKE_AUTHZ_NLAYERS; az->layer++) {
		if (!az->group[az->layer])
			continue;
		vps = authz_request(az->sa, az->name[az->layer]);
		az->req = vps ? radius_req_send(az->group[az->layer],
						RADIUS_ACCESS_REQUEST, vps,
						authz_answer, az) : NULL;
		if (az->req)
			return;
		az->outcome[az->layer] = IKE_AUTHZ_NO_ANSWER;
	}
	authz_finish(az);
}

/* the layer's RADIUS group and name; 0 when it has none, 1 when it has */
static int authz_layer(struct ike_authz *az, const struct cfg_authz *cz)
{
	enum ike_authz_layer l = az->layer;
	int ret;

	if (!cz->aaa || !cz->aaa->group)
		return 0;
	ret = ike_authz_name(cz, az->sa, az->name[l], sizeof(az->name[l]));
	if (ret) {
		snprintf(az->why, sizeof(az->why), "%s authorization: no name "
			 "to authorize (%s)", authz_layer_names[l],
			 strerror(-ret));
		return ret;
	}
	/* a group without servers in force: as if none answered */
	az->group[l] = aaa_group(cz->aaa->group);
	az->fallback[l] = cz->aaa->local;
	az->outcome[l] = IKE_AUTHZ_NO_ANSWER;
	return 1;
}

static int authz_keep_request(struct ike_authz *az, const struct ike_dgram *d,
			      const struct ikev2_msg *req)
{
	az->hdr = req->hdr;
	az->first = req->sk.first;
	az->inner_len = d->inner_len;
	az->inner = malloc(d->inner_len ? d->inner_len : 1);
	if (!az->inner)
		return -ENOMEM;
	memcpy(az->inner, d->inner, d->inner_len);
	return 0;
}

/**
 * ike_authz_start - ask RADIUS for the authorizations of a profile that
 *	has RADIUS method lists
 * @sa: the IKE SA, its peer authenticated
 * @pf: the profile that matched
 * @method: how the peer authenticated: CFG_AAA_PSK, CFG_AAA_CERT or
 *	CFG_AAA_EAP
 * @d: the IKE_AUTH request as received, decrypted (@d->inner)
 * @req: the request, parsed
 * @why: receives the reason when this fails
 * @len: bytes at @why
 *
 * Return: 1 when the answers are awaited (the request is handled again
 * by ike_auth_resume() once they are in); 0 when the profile has no
 * RADIUS authorization for @method; a negative errno when the name to
 * authorize cannot be made (-ENOENT, -EINVAL, -ENOSPC) or memory runs
 * out: the peer is then refused.
 */
int ike_authz_start(struct ike_sa *sa, const struct cfg_profile *pf,
		    int method, const struct ike_dgram *d,
		    const struct ikev2_msg *req, char *why, size_t len)
{
	struct ike_authz *az = calloc(1, sizeof(*az));
	int ret, n = 0;

	if (!az)
		return -ENOMEM;
	az->sa = sa;
	timer_init(&az->resume, authz_resume);
	ret = authz_layer(az, &pf->authz_group[method]);
	if (ret >= 0) {
		n += ret;
		az->layer = IKE_AUTHZ_USER;
		ret = authz_layer(az, &pf->authz_user[method]);
	}
	if (ret >= 0) {
		n += ret;
		ret = n ? authz_keep_request(az, d, req) : 0;
	}
	if (ret || !n) {
		snprintf(why, len, "%s", az->why);
		free(az->inner);
		free(az);
		return ret;
	}
	sa->authz = az;
	/* no half-open expiry while the servers are asked: their timeouts
	 * end the requests, then the IKE SA is answered or freed */
	timer_del(&sa->timer);
	az->layer = -1;
	authz_next(az);
	return 1;
}

/**
 * ike_authz_free - end an IKE SA's authorization, wherever it is
 * @sa: the IKE SA
 */
void ike_authz_free(struct ike_sa *sa)
{
	struct ike_authz *az = sa->authz;

	if (!az)
		return;
	radius_req_cancel(az->req);
	timer_del(&az->resume);
	OPENSSL_cleanse(az->inner, az->inner_len);
	free(az->inner);
	OPENSSL_cleanse(az, sizeof(*az));
	free(az);
	sa->authz = NULL;
}
