// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target of what a RADIUS server's (or a dynamic-authorization
 * client's) bytes reach: radius_check() on the input as it is, then, with
 * a Response Authenticator made to fit (as a server that knows the
 * secret would send), radius_check() and radius_decode() through
 * radcli's attribute decoding, radius_authz_parse() on the attributes
 * (what an Access-Accept authorizes), and radius_mppe_key() on the
 * input.  Accounting-Responses pass the same radius_check().  None of it
 * may crash, leak or trip a sanitizer.  The requests of the
 * dynamic-authorization server are fuzz_dae's.
 */
#include <stdint.h>
#include <string.h>

#include <openssl/evp.h>

#include "../lib/radius.h"
#include "../lib/radius_authz.h"

#define SECRET	"fuzzing-secret"

static const uint8_t req_auth[RADIUS_AUTH_LEN] = { 0x5a, 0xa5 };
static rc_handle *rh;

/* the Response Authenticator of a reply to req_auth */
static void sign(uint8_t *buf, size_t len)
{
	uint8_t md[EVP_MAX_MD_SIZE];

	memcpy(buf + 4, req_auth, RADIUS_AUTH_LEN);
	if (EVP_Q_digest(NULL, "MD5", NULL, buf, len, md, NULL))
		memcpy(buf + 4, md, RADIUS_AUTH_LEN);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t buf[RADIUS_MAX_LEN + sizeof(SECRET)];
	uint8_t key[AUTH_STRING_LEN];
	size_t key_len = sizeof(key), len;
	static struct radius_authz a;
	VALUE_PAIR *vps;
	char why[128];

	if (!rh)
		rh = radius_handle_new(NULL);
	radius_check(data, size, req_auth, SECRET, false);
	radius_check(data, size, NULL, SECRET, false);
	radius_mppe_key(data, size, SECRET, req_auth, key, &key_len);
	if (size < RADIUS_HDR_LEN || size > RADIUS_MAX_LEN)
		return 0;
	/* a reply of the input's length: Length set, then signed */
	memcpy(buf, data, size);
	buf[0] = RADIUS_ACCESS_ACCEPT;
	buf[2] = size >> 8;
	buf[3] = size & 0xff;
	memcpy(buf + size, SECRET, strlen(SECRET));
	sign(buf, size + strlen(SECRET));
	len = size;
	if (radius_check(buf, len, req_auth, SECRET, false) != RADIUS_OK)
		return 0;
	vps = radius_decode(rh, buf, len);
	radius_authz_parse(rh, vps, &a, why, sizeof(why));
	rc_avpair_free(vps);
	return 0;
}
