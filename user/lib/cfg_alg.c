// SPDX-License-Identifier: GPL-2.0-only
/*
 * Algorithm keywords of the configuration and the IKEv2 transform ids
 * (ikev2.h) they stand for, both ways: the parser looks keywords up, the
 * printer ids.  Entries marked builtin_only exist in the Cisco smart
 * defaults (MD5, DH groups 2 and 5) and print, but a configuration may
 * not name them.
 */
#include <strings.h>

#include "cfg_int.h"

/* "encryption" of an IKEv2 proposal; chacha20-poly1305 is ours */
const struct cfg_alg cfg_ike_encr[] = {
	{ "aes-cbc-128", IKEV2_ENCR_AES_CBC, 128, false },
	{ "aes-cbc-192", IKEV2_ENCR_AES_CBC, 192, false },
	{ "aes-cbc-256", IKEV2_ENCR_AES_CBC, 256, false },
	{ "aes-gcm-128", IKEV2_ENCR_AES_GCM_16, 128, false },
	{ "aes-gcm-256", IKEV2_ENCR_AES_GCM_16, 256, false },
	{ "chacha20-poly1305", IKEV2_ENCR_CHACHA20_POLY1305, 0, false },
	{ NULL, 0, 0, false },
};

/* "integrity" of an IKEv2 proposal */
const struct cfg_alg cfg_ike_integ[] = {
	{ "sha1", IKEV2_INTEG_HMAC_SHA1_96, 0, false },
	{ "sha256", IKEV2_INTEG_HMAC_SHA2_256_128, 0, false },
	{ "sha384", IKEV2_INTEG_HMAC_SHA2_384_192, 0, false },
	{ "sha512", IKEV2_INTEG_HMAC_SHA2_512_256, 0, false },
	{ "md5", IKEV2_INTEG_HMAC_MD5_96, 0, true },
	{ NULL, 0, 0, false },
};

/* "prf" of an IKEv2 proposal */
const struct cfg_alg cfg_ike_prf[] = {
	{ "sha1", IKEV2_PRF_HMAC_SHA1, 0, false },
	{ "sha256", IKEV2_PRF_HMAC_SHA2_256, 0, false },
	{ "sha384", IKEV2_PRF_HMAC_SHA2_384, 0, false },
	{ "sha512", IKEV2_PRF_HMAC_SHA2_512, 0, false },
	{ "md5", IKEV2_PRF_HMAC_MD5, 0, true },
	{ NULL, 0, 0, false },
};

/* "group" of an IKEv2 proposal */
const struct cfg_alg cfg_ike_dh[] = {
	{ "14", IKEV2_DH_MODP_2048, 0, false },
	{ "15", IKEV2_DH_MODP_3072, 0, false },
	{ "16", IKEV2_DH_MODP_4096, 0, false },
	{ "19", IKEV2_DH_ECP_256, 0, false },
	{ "20", IKEV2_DH_ECP_384, 0, false },
	{ "21", IKEV2_DH_ECP_521, 0, false },
	{ "31", IKEV2_DH_CURVE25519, 0, false },
	{ "2", IKEV2_DH_MODP_1024, 0, true },
	{ "5", IKEV2_DH_MODP_1536, 0, true },
	{ NULL, 0, 0, false },
};

/* "set pfs" of an IPsec profile */
const struct cfg_alg cfg_pfs_dh[] = {
	{ "group14", IKEV2_DH_MODP_2048, 0, false },
	{ "group15", IKEV2_DH_MODP_3072, 0, false },
	{ "group16", IKEV2_DH_MODP_4096, 0, false },
	{ "group19", IKEV2_DH_ECP_256, 0, false },
	{ "group20", IKEV2_DH_ECP_384, 0, false },
	{ "group21", IKEV2_DH_ECP_521, 0, false },
	{ "group31", IKEV2_DH_CURVE25519, 0, false },
	{ NULL, 0, 0, false },
};

/* the entry a configuration may use for @kw, or NULL */
const struct cfg_alg *cfg_alg_by_kw(const struct cfg_alg *t, const char *kw)
{
	for (; t->kw; t++)
		if (!t->builtin_only && !strcasecmp(t->kw, kw))
			return t;
	return NULL;
}

const struct cfg_alg *cfg_alg_by_id(const struct cfg_alg *t, uint16_t id,
				    uint16_t bits)
{
	for (; t->kw; t++)
		if (t->id == id && t->bits == bits)
			return t;
	return NULL;
}

/* the PRF a proposal without "prf" uses: the integrity's hash */
uint16_t cfg_integ_prf(uint16_t integ)
{
	switch (integ) {
	case IKEV2_INTEG_HMAC_MD5_96:
		return IKEV2_PRF_HMAC_MD5;
	case IKEV2_INTEG_HMAC_SHA1_96:
		return IKEV2_PRF_HMAC_SHA1;
	case IKEV2_INTEG_HMAC_SHA2_256_128:
		return IKEV2_PRF_HMAC_SHA2_256;
	case IKEV2_INTEG_HMAC_SHA2_384_192:
		return IKEV2_PRF_HMAC_SHA2_384;
	default:
		return IKEV2_PRF_HMAC_SHA2_512;
	}
}

bool cfg_encr_is_aead(uint16_t id)
{
	return id == IKEV2_ENCR_AES_GCM_8 || id == IKEV2_ENCR_AES_GCM_12 ||
	       id == IKEV2_ENCR_AES_GCM_16 ||
	       id == IKEV2_ENCR_CHACHA20_POLY1305;
}
