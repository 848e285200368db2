// SPDX-License-Identifier: GPL-2.0-only
/*
 * EAP over RADIUS (RFC 3579): EAP-Message attributes out and in, State,
 * User-Name and the MSK of an Access-Accept.
 */
#include <errno.h>
#include <string.h>

#include <openssl/crypto.h>

#include "radius_eap.h"

/* a VSA: type 26, length, vendor id (4), then vendor type and length */
#define RADIUS_VSA_MIN		(2 + 4 + 2)

/**
 * radius_eap_add - append an EAP message to an Access-Request's
 *	attributes, split into EAP-Message attributes (RFC 3579 §3.1)
 * @rh: the radcli handle with the dictionaries
 * @vps: the attribute list; the pieces go at its end, in order
 * @eap: the whole EAP message
 * @len: bytes at @eap, 1 to RADIUS_EAP_MAX
 *
 * Every piece but the last is RADIUS_VALUE_MAX (253) bytes long.
 *
 * Return: 0; -EINVAL for an empty or too long message; -ENOMEM when
 * radcli cannot allocate (what was added stays in @vps).
 */
int radius_eap_add(rc_handle *rh, VALUE_PAIR **vps, const uint8_t *eap,
		   size_t len)
{
	size_t n;

	if (!len || len > RADIUS_EAP_MAX)
		return -EINVAL;
	for (; len; eap += n, len -= n) {
		n = len < RADIUS_VALUE_MAX ? len : RADIUS_VALUE_MAX;
		if (!rc_avpair_add(rh, vps, PW_EAP_MESSAGE, eap,
				   (int)n, 0))
			return -ENOMEM;
	}
	return 0;
}

/* a Microsoft VSA's MS-MPPE key into @out; others are left alone */
static void radius_eap_vsa(const uint8_t *v, size_t len,
			   struct radius_eap_reply *r)
{
	uint32_t vendor;
	uint8_t *out;
	size_t *out_len;

	if (len < RADIUS_VSA_MIN - 2)
		return;
	vendor = (uint32_t)v[0] << 24 | v[1] << 16 | v[2] << 8 | v[3];
	/* one sub-attribute, as RFC 2548 §2 sends them */
	if (vendor != RADIUS_VENDOR_MICROSOFT || v[5] < 2 ||
	    v[5] != len - 4)
		return;
	if (v[4] == RADIUS_MS_MPPE_SEND_KEY) {
		out = r->send_key;
		out_len = &r->send_len;
	} else if (v[4] == RADIUS_MS_MPPE_RECV_KEY) {
		out = r->recv_key;
		out_len = &r->recv_len;
	} else {
		return;
	}
	memcpy(out, v + 6, v[5] - 2);
	*out_len = v[5] - 2;
}

/**
 * radius_eap_parse - the EAP part of a reply
 * @pkt: a packet that passed radius_check()
 * @len: its bytes
 * @r: receives what it carries
 *
 * EAP-Message attributes are joined in the order they come (RFC 3579
 * §3.1); of State and User-Name the last counts.
 *
 * Return: 0; -EMSGSIZE when the EAP-Message attributes together are
 * longer than RADIUS_EAP_MAX; -EINVAL for a packet radius_check() would
 * refuse.
 */
int radius_eap_parse(const uint8_t *pkt, size_t len,
		     struct radius_eap_reply *r)
{
	size_t plen, off, alen;
	const uint8_t *a;

	memset(r, 0, sizeof(*r));
	if (len < RADIUS_HDR_LEN)
		return -EINVAL;
	plen = (size_t)pkt[2] << 8 | pkt[3];
	if (plen < RADIUS_HDR_LEN || plen > len)
		return -EINVAL;
	for (off = RADIUS_HDR_LEN; off < plen; off += alen) {
		a = pkt + off;
		if (plen - off < 2 || a[1] < 2 || a[1] > plen - off)
			return -EINVAL;
		alen = a[1];
		switch (a[0]) {
		case PW_EAP_MESSAGE:
			if (r->eap_len + alen - 2 > sizeof(r->eap))
				return -EMSGSIZE;
			memcpy(r->eap + r->eap_len, a + 2, alen - 2);
			r->eap_len += alen - 2;
			break;
		case PW_STATE:
			memcpy(r->state, a + 2, alen - 2);
			r->state_len = alen - 2;
			break;
		case PW_USER_NAME:
			memcpy(r->user, a + 2, alen - 2);
			r->user[alen - 2] = '\0';
			break;
		case RADIUS_ATTR_VENDOR_SPECIFIC:
			radius_eap_vsa(a + 2, alen - 2, r);
			break;
		}
	}
	return 0;
}

/**
 * radius_eap_msk - the MSK of an Access-Accept: MS-MPPE-Recv-Key then
 *	MS-MPPE-Send-Key, decrypted
 * @r: the reply, parsed
 * @secret: the server's shared secret
 * @req_auth: the Request Authenticator of the Access-Request it answers
 * @msk: receives the MSK, RADIUS_MSK_MAX bytes of room
 * @msk_len: receives its length
 *
 * The order is the one RFC 3748 §7.10 leaves to RFC 2548 usage: the
 * first half of the MSK travels as MS-MPPE-Recv-Key, the second as
 * MS-MPPE-Send-Key (so strongSwan's RADIUS server, src/libcharon/plugins/
 * tnc_pdp/tnc_pdp.c send_response(), and its eap-radius client read it).
 *
 * Return: 0; -ENOENT when the reply has no (or only one) MS-MPPE key,
 * the method has no MSK then (EAP-MD5); -EINVAL when a key does not
 * decrypt to something sensible or does not fit.  Nothing is left in
 * @msk on failure.
 */
int radius_eap_msk(const struct radius_eap_reply *r, const char *secret,
		   const uint8_t *req_auth, uint8_t *msk, size_t *msk_len)
{
	size_t recv_len = RADIUS_MSK_MAX / 2, send_len = RADIUS_MSK_MAX / 2;
	int ret;

	*msk_len = 0;
	if (!r->recv_len || !r->send_len)
		return -ENOENT;
	ret = radius_mppe_key(r->recv_key, r->recv_len, secret, req_auth, msk,
			      &recv_len);
	if (!ret)
		ret = radius_mppe_key(r->send_key, r->send_len, secret,
				      req_auth, msk + recv_len, &send_len);
	if (!ret && (!recv_len || !send_len))
		ret = -EINVAL;
	if (ret) {
		OPENSSL_cleanse(msk, RADIUS_MSK_MAX);
		return ret;
	}
	*msk_len = recv_len + send_len;
	return 0;
}

/**
 * radius_eap_wipe - forget a parsed reply, its keys wiped
 * @r: the reply
 */
void radius_eap_wipe(struct radius_eap_reply *r)
{
	OPENSSL_cleanse(r, sizeof(*r));
}
