// SPDX-License-Identifier: GPL-2.0-only
/*
 * IKEv2 cookies (RFC 7296 §2.6): made and checked statelessly with a
 * rotating secret.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/uio.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "crypto.h"
#include "ikev2.h"
#include "ikev2_cookie.h"

/**
 * ikev2_cookie_rotate() - make a new secret; the current one becomes the
 *	previous one, the previous one is wiped
 * @jar: the secrets; a zeroed jar gets its first secret
 *
 * Return: 0, or -EIO without randomness (the jar is unchanged).
 */
int ikev2_cookie_rotate(struct ikev2_cookie_jar *jar)
{
	struct ikev2_cookie_secret next = {
		.version = jar->cur.version + 1,
		.valid = true,
	};

	if (RAND_bytes(next.key, sizeof(next.key)) != 1)
		return -EIO;
	jar->prev = jar->cur;
	jar->cur = next;
	OPENSSL_cleanse(&next, sizeof(next));
	return 0;
}

static int ikev2_cookie_hash(const struct ikev2_cookie_secret *s,
			     const uint8_t *ni, size_t ni_len, const void *ip,
			     size_t ip_len, uint64_t spi_i, uint8_t *out)
{
	const struct crypto_prf *prf = crypto_prf_find(IKEV2_PRF_HMAC_SHA2_256);
	uint8_t spi[8];
	struct iovec iov[3] = {
		{ (void *)(uintptr_t)ni, ni_len },
		{ (void *)(uintptr_t)ip, ip_len },
		{ spi, sizeof(spi) },
	};
	int i;

	for (i = 0; i < 8; i++)
		spi[i] = spi_i >> (56 - 8 * i);
	if (!prf)
		return -ENOENT;
	return crypto_prf(prf, s->key, sizeof(s->key), iov, 3, out);
}

/**
 * ikev2_cookie_make() - the cookie for an IKE_SA_INIT request
 * @jar: the secrets; the current one is used
 * @ni: the request's nonce
 * @ni_len: its length in bytes
 * @ip: the initiator's address (4 or 16 bytes)
 * @ip_len: its length
 * @spi_i: the initiator's SPI
 * @out: receives IKEV2_COOKIE_LEN bytes
 *
 * Return: 0, -EINVAL without a secret, or -EIO.
 */
int ikev2_cookie_make(const struct ikev2_cookie_jar *jar, const uint8_t *ni,
		      size_t ni_len, const void *ip, size_t ip_len,
		      uint64_t spi_i, uint8_t *out)
{
	uint32_t v = jar->cur.version;

	if (!jar->cur.valid)
		return -EINVAL;
	out[0] = v >> 24;
	out[1] = v >> 16;
	out[2] = v >> 8;
	out[3] = v;
	return ikev2_cookie_hash(&jar->cur, ni, ni_len, ip, ip_len, spi_i,
				 out + 4);
}

/**
 * ikev2_cookie_check() - whether a COOKIE notification's data is ours
 *	for this request
 * @jar: the secrets
 * @cookie: the data returned by the initiator
 * @len: its length in bytes
 * @ni: the request's nonce
 * @ni_len: its length
 * @ip: the initiator's address
 * @ip_len: its length
 * @spi_i: the initiator's SPI
 *
 * Return: true when it was made by the current or the previous secret
 * for the same nonce, address and SPI.
 */
bool ikev2_cookie_check(const struct ikev2_cookie_jar *jar,
			const uint8_t *cookie, size_t len, const uint8_t *ni,
			size_t ni_len, const void *ip, size_t ip_len,
			uint64_t spi_i)
{
	const struct ikev2_cookie_secret *s;
	uint8_t want[32];
	uint32_t v;
	bool ok;

	if (len != IKEV2_COOKIE_LEN)
		return false;
	v = (uint32_t)cookie[0] << 24 | cookie[1] << 16 | cookie[2] << 8 |
	    cookie[3];
	s = jar->cur.valid && v == jar->cur.version ? &jar->cur :
	    jar->prev.valid && v == jar->prev.version ? &jar->prev : NULL;
	if (!s || ikev2_cookie_hash(s, ni, ni_len, ip, ip_len, spi_i, want))
		return false;
	ok = !CRYPTO_memcmp(want, cookie + 4, sizeof(want));
	OPENSSL_cleanse(want, sizeof(want));
	return ok;
}

/**
 * ikev2_cookie_wipe() - wipe the secrets
 * @jar: the secrets
 */
void ikev2_cookie_wipe(struct ikev2_cookie_jar *jar)
{
	OPENSSL_cleanse(jar, sizeof(*jar));
}
