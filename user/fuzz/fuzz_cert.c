// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target of the certificate code that sees a peer's bytes: the
 * input is cut into up to three DER certificates (each after a two-byte
 * length) as CERT payloads would carry them, and the rest is an AUTH
 * payload's data.  What cert_peer_new() accepts is matched against
 * identities of each type and its AUTH checked with every method; none
 * of it may crash, leak or trip a sanitizer.
 */
#include <stdint.h>
#include <string.h>

#include "../lib/cert.h"
#include "../lib/ikev2.h"
#include "../lib/keymat.h"

static const uint8_t methods[] = { 1, 9, 10, 11, 14 };
static const uint8_t id_types[] = {
	IKEV2_ID_IPV4_ADDR, IKEV2_ID_FQDN, IKEV2_ID_RFC822_ADDR,
	IKEV2_ID_IPV6_ADDR, IKEV2_ID_DER_ASN1_DN,
};

/* the next DER blob: a big-endian 16-bit length, then the bytes */
static int take(const uint8_t **p, size_t *left, const uint8_t **der,
		size_t *len)
{
	if (*left < 2)
		return -1;
	*len = (size_t)(*p)[0] << 8 | (*p)[1];
	if (*len > *left - 2)
		return -1;
	*der = *p + 2;
	*p += 2 + *len;
	*left -= 2 + *len;
	return 0;
}

static void check(const struct cert_peer *peer, const uint8_t *rest,
		  size_t left)
{
	static uint8_t octets[64] = "signed octets of an IKE_AUTH";
	struct keymat_signed so = {
		.iov = {
			{ octets, 32 }, { octets + 32, 16 },
			{ so.maced_id, 32 },
		},
	};
	unsigned int i;

	for (i = 0; i < sizeof(id_types); i++)
		cert_peer_id_match(peer, id_types[i], rest,
				   left < 64 ? left : 64);
	for (i = 0; i < sizeof(methods); i++)
		cert_auth_verify(peer, methods[i], rest, left, &so);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *der[3], *p = data;
	size_t len[3], left = size;
	struct cert_peer *peer;
	unsigned int n = 0;
	char err[128];

	while (n < 3 && !take(&p, &left, &der[n], &len[n]))
		n++;
	if (!n)
		return 0;
	peer = cert_peer_new(der, len, n, err, sizeof(err));
	if (peer) {
		check(peer, p, left);
		cert_peer_free(peer);
	}
	return 0;
}
