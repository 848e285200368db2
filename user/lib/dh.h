/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Ephemeral Diffie-Hellman of the IKEv2 KE payload on top of OpenSSL 3
 * libcrypto: MODP groups 14, 15 and 16 (RFC 3526), ECP groups 19, 20 and
 * 21 (RFC 5903) and Curve25519, group 31 (RFC 8031).
 *
 * Public values are in the form of the KE payload's data: MODP g^x
 * big-endian, zero-padded to the length of the prime; ECP x | y, each
 * zero-padded to the field size, without a point format byte (RFC 5903
 * §7); Curve25519 the 32-byte u coordinate (RFC 7748).  Shared secrets:
 * MODP g^xy padded to the length of the prime, ECP the x coordinate,
 * Curve25519 32 bytes.
 *
 * Private keys never leave a struct dh; dh_free() frees them, and libcrypto
 * wipes them.
 */
#ifndef FLEXVTI_DH_H
#define FLEXVTI_DH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* the longest public value and shared secret (MODP 4096) */
#define DH_PUBLIC_MAX	512
#define DH_SHARED_MAX	512

struct dh;

/**
 * dh_supported() - tell whether a group is implemented
 * @group: enum ikev2_dh
 *
 * Return: true if dh_new() can make a key pair of @group.
 */
bool dh_supported(uint16_t group);

/**
 * dh_public_len() - the length of a group's public value
 * @group: enum ikev2_dh
 *
 * Return: bytes of KE payload data of @group, or 0 if it is not supported.
 */
size_t dh_public_len(uint16_t group);

/**
 * dh_shared_len() - the length of a group's shared secret
 * @group: enum ikev2_dh
 *
 * Return: bytes of the shared secret of @group, or 0 if it is not
 * supported.
 */
size_t dh_shared_len(uint16_t group);

/**
 * dh_new() - make a fresh key pair
 * @group: enum ikev2_dh
 *
 * Return: the key pair, to be freed with dh_free(); NULL with errno set to
 * ENOTSUP if @group is not supported, ENOMEM or EIO otherwise.
 */
struct dh *dh_new(uint16_t group);

/**
 * dh_new_private() - make a key pair from a given private key (for tests)
 * @group: enum ikev2_dh
 * @priv: the private key: for MODP and ECP a big-endian integer, for
 *	Curve25519 the 32-byte scalar of RFC 7748
 * @len: bytes of @priv; for ECP and Curve25519 exactly the field size
 *
 * Return: as dh_new(); errno EINVAL if @priv is not a valid private key.
 */
struct dh *dh_new_private(uint16_t group, const uint8_t *priv, size_t len);

/**
 * dh_group() - the group of a key pair
 * @dh: the key pair
 *
 * Return: enum ikev2_dh.
 */
uint16_t dh_group(const struct dh *dh);

/**
 * dh_public() - write the public value as KE payload data
 * @dh: the key pair
 * @out: receives dh_public_len() bytes
 * @len: bytes available at @out
 *
 * Return: 0, -EINVAL if @len is not dh_public_len() of the group, or -EIO.
 */
int dh_public(const struct dh *dh, uint8_t *out, size_t len);

/**
 * dh_shared() - compute the shared secret with the peer's public value
 * @dh: our key pair
 * @peer: the peer's KE payload data
 * @len: bytes of @peer; must be dh_public_len() of the group
 * @out: receives the shared secret, dh_shared_len() bytes
 * @out_len: in: bytes available at @out; out: bytes written
 *
 * The peer's value is checked: its length, 1 < y < p - 1 for MODP, a
 * point on the curve for ECP; an all-zero Curve25519 secret is refused.
 * The caller wipes @out when done with it.
 *
 * Return: 0; -EINVAL if @len is wrong or @out is too short; -EBADMSG if
 * the peer's value is invalid; -ENOMEM or -EIO.
 */
int dh_shared(struct dh *dh, const uint8_t *peer, size_t len, uint8_t *out,
	      size_t *out_len);

/**
 * dh_free() - free a key pair
 * @dh: the key pair, or NULL
 */
void dh_free(struct dh *dh);

#endif /* FLEXVTI_DH_H */
