/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * IKEv2 cookies (RFC 7296 §2.6): a responder under load answers an
 * IKE_SA_INIT with a COOKIE notification instead of state, and only an
 * initiator that sends the cookie back, proving it receives at its
 * address, gets the expensive Diffie-Hellman work done.  The cookie is
 *
 *	VersionIDofSecret | HMAC-SHA-256(secret, Ni | IPi | SPIi)
 *
 * (§2.6 with the keyed hash in place of Hash(... | secret)): nothing is
 * stored per initiator.  The secret is replaced regularly; cookies of the
 * previous one are still accepted, so that a cookie stays good for at
 * least one rotation period.
 */
#ifndef FLEXVTI_IKEV2_COOKIE_H
#define FLEXVTI_IKEV2_COOKIE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define IKEV2_COOKIE_KEY_LEN	32
#define IKEV2_COOKIE_LEN	(4 + 32)	/* version, HMAC-SHA-256 */

/**
 * struct ikev2_cookie_secret - one generation of the secret
 * @version: its VersionIDofSecret
 * @valid: it was made
 * @key: the secret
 */
struct ikev2_cookie_secret {
	uint32_t version;
	bool valid;
	uint8_t key[IKEV2_COOKIE_KEY_LEN];
};

/**
 * struct ikev2_cookie_jar - the current secret and the previous one
 * @cur: cookies are made with this one
 * @prev: and still accepted with this one
 */
struct ikev2_cookie_jar {
	struct ikev2_cookie_secret cur;
	struct ikev2_cookie_secret prev;
};

int ikev2_cookie_rotate(struct ikev2_cookie_jar *jar);
int ikev2_cookie_make(const struct ikev2_cookie_jar *jar, const uint8_t *ni,
		      size_t ni_len, const void *ip, size_t ip_len,
		      uint64_t spi_i, uint8_t *out);
bool ikev2_cookie_check(const struct ikev2_cookie_jar *jar,
			const uint8_t *cookie, size_t len, const uint8_t *ni,
			size_t ni_len, const void *ip, size_t ip_len,
			uint64_t spi_i);
void ikev2_cookie_wipe(struct ikev2_cookie_jar *jar);

#endif /* FLEXVTI_IKEV2_COOKIE_H */
