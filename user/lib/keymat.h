/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * IKEv2 key derivation (RFC 7296): the keys of an IKE SA from
 * IKE_SA_INIT (§2.14) or from rekeying (§2.18), the keying material of a
 * Child SA (§2.17), and the AUTH payload of a shared secret over the
 * signed octets (§2.15).
 *
 * Functions return 0 or a negative errno: -EINVAL for arguments out of
 * range, -ENOMEM or -EIO when libcrypto fails.  Every key structure is
 * wiped with keymat_wipe() when done; intermediate secrets (SKEYSEED, the
 * padded shared secret key) are wiped before the functions return.
 */
#ifndef FLEXVTI_KEYMAT_H
#define FLEXVTI_KEYMAT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

#include "crypto.h"

/**
 * struct keymat_ike - the seven keys of an IKE SA (§2.14)
 * @prf_len: bytes of @sk_d, @sk_pi and @sk_pr: the PRF's output length
 * @integ_len: bytes of @sk_ai and @sk_ar, 0 with an AEAD cipher
 * @encr_len: bytes of @sk_ei and @sk_er, salt included
 * @sk_d: the key from which Child SA keys are derived
 * @sk_ai: integrity key of messages from the original initiator
 * @sk_ar: integrity key of messages from the original responder
 * @sk_ei: encryption key of messages from the original initiator
 * @sk_er: encryption key of messages from the original responder
 * @sk_pi: the key of the initiator's MACedID in AUTH
 * @sk_pr: the key of the responder's MACedID in AUTH
 */
struct keymat_ike {
	size_t prf_len;
	size_t integ_len;
	size_t encr_len;
	uint8_t sk_d[CRYPTO_PRF_MAX];
	uint8_t sk_ai[CRYPTO_INTEG_KEY_MAX];
	uint8_t sk_ar[CRYPTO_INTEG_KEY_MAX];
	uint8_t sk_ei[CRYPTO_ENCR_KEY_MAX];
	uint8_t sk_er[CRYPTO_ENCR_KEY_MAX];
	uint8_t sk_pi[CRYPTO_PRF_MAX];
	uint8_t sk_pr[CRYPTO_PRF_MAX];
};

/**
 * struct keymat_child - the keys of a Child SA pair (§2.17)
 * @encr_len: bytes of @ei and @er, salt included (as laid out in KEYMAT)
 * @integ_len: bytes of @ai and @ar, 0 with an AEAD cipher
 * @ei: encryption key of the SA from the initiator to the responder
 * @ai: integrity key of the SA from the initiator to the responder
 * @er: encryption key of the SA from the responder to the initiator
 * @ar: integrity key of the SA from the responder to the initiator
 *
 * KEYMAT is taken in the order @ei, @ai, @er, @ar.
 */
struct keymat_child {
	size_t encr_len;
	size_t integ_len;
	uint8_t ei[CRYPTO_ENCR_KEY_MAX];
	uint8_t ai[CRYPTO_INTEG_KEY_MAX];
	uint8_t er[CRYPTO_ENCR_KEY_MAX];
	uint8_t ar[CRYPTO_INTEG_KEY_MAX];
};

/**
 * struct keymat_signed - the signed octets of an AUTH payload (§2.15)
 * @iov: the octets, in three pieces: RealMessage, NonceOfOtherSide,
 *	MACedID; the first two point into the caller's buffers
 * @maced_id: the MACedID, @iov[2]'s data
 */
struct keymat_signed {
	struct iovec iov[3];
	uint8_t maced_id[CRYPTO_PRF_MAX];
};

/**
 * keymat_ike_derive() - derive the keys of a new IKE SA (§2.14)
 * @prf: the negotiated PRF
 * @encr: the negotiated encryption algorithm
 * @integ: the negotiated integrity algorithm, NULL with an AEAD @encr
 * @ni: the initiator's nonce, the Nonce payload's data
 * @ni_len: bytes of @ni
 * @nr: the responder's nonce
 * @nr_len: bytes of @nr
 * @spi_i: the initiator's IKE SPI, IKEV2_SPI_SIZE bytes
 * @spi_r: the responder's IKE SPI, IKEV2_SPI_SIZE bytes
 * @dh: the shared secret g^ir, as dh_shared() gives it
 * @dh_len: bytes of @dh
 * @out: receives the keys
 *
 * SKEYSEED = prf(Ni | Nr, g^ir);
 * {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr} =
 * prf+(SKEYSEED, Ni | Nr | SPIi | SPIr).
 *
 * Return: 0, -EINVAL, -ENOMEM or -EIO; on failure @out is wiped.
 */
int keymat_ike_derive(const struct crypto_prf *prf,
		      const struct crypto_encr *encr,
		      const struct crypto_integ *integ,
		      const uint8_t *ni, size_t ni_len,
		      const uint8_t *nr, size_t nr_len,
		      const uint8_t *spi_i, const uint8_t *spi_r,
		      const uint8_t *dh, size_t dh_len,
		      struct keymat_ike *out);

/**
 * keymat_ike_rekey() - derive the keys of an IKE SA that replaces another
 *	(§2.18)
 * @old_prf: the PRF of the old IKE SA
 * @old_sk_d: SK_d of the old IKE SA, @old_prf->out_len bytes
 * @prf: the PRF of the new IKE SA
 * @encr: the encryption algorithm of the new IKE SA
 * @integ: its integrity algorithm, NULL with an AEAD @encr
 * @ni: the nonce of the initiator of the CREATE_CHILD_SA exchange
 * @ni_len: bytes of @ni
 * @nr: the nonce of its responder
 * @nr_len: bytes of @nr
 * @spi_i: the new IKE SA's initiator SPI, IKEV2_SPI_SIZE bytes
 * @spi_r: the new IKE SA's responder SPI, IKEV2_SPI_SIZE bytes
 * @dh: the shared secret g^ir of the exchange
 * @dh_len: bytes of @dh
 * @out: receives the keys
 *
 * SKEYSEED = old_prf(SK_d (old), g^ir (new) | Ni | Nr); the keys then come
 * from the new PRF as in keymat_ike_derive().
 *
 * Return: 0, -EINVAL, -ENOMEM or -EIO; on failure @out is wiped.
 */
int keymat_ike_rekey(const struct crypto_prf *old_prf,
		     const uint8_t *old_sk_d,
		     const struct crypto_prf *prf,
		     const struct crypto_encr *encr,
		     const struct crypto_integ *integ,
		     const uint8_t *ni, size_t ni_len,
		     const uint8_t *nr, size_t nr_len,
		     const uint8_t *spi_i, const uint8_t *spi_r,
		     const uint8_t *dh, size_t dh_len,
		     struct keymat_ike *out);

/**
 * keymat_child_derive() - derive the keys of a Child SA pair (§2.17)
 * @prf: the PRF of the IKE SA
 * @sk_d: SK_d of the IKE SA, @prf->out_len bytes
 * @encr: the Child SA's encryption algorithm
 * @integ: its integrity algorithm, NULL with an AEAD @encr
 * @pfs: the shared secret g^ir (new) of a CREATE_CHILD_SA exchange with
 *	a KE payload, NULL without
 * @pfs_len: bytes of @pfs, 0 without
 * @ni: the initiator's nonce of the exchange that creates the SA
 * @ni_len: bytes of @ni
 * @nr: the responder's nonce
 * @nr_len: bytes of @nr
 * @out: receives the keys
 *
 * KEYMAT = prf+(SK_d, [g^ir (new) |] Ni | Nr).
 *
 * Return: 0, -EINVAL, -ENOMEM or -EIO; on failure @out is wiped.
 */
int keymat_child_derive(const struct crypto_prf *prf, const uint8_t *sk_d,
			const struct crypto_encr *encr,
			const struct crypto_integ *integ,
			const uint8_t *pfs, size_t pfs_len,
			const uint8_t *ni, size_t ni_len,
			const uint8_t *nr, size_t nr_len,
			struct keymat_child *out);

/**
 * keymat_maced_id() - compute MACedID = prf(SK_px, RestOfIDPayload)
 *	(§2.15)
 * @prf: the PRF of the IKE SA
 * @sk_p: SK_pi for the initiator's ID, SK_pr for the responder's,
 *	@prf->out_len bytes
 * @id: RestOfIDPayload: the ID payload from the ID Type byte to its end
 *	(the payload without its generic header)
 * @id_len: bytes of @id
 * @out: receives @prf->out_len bytes
 *
 * Return: 0, -EINVAL, -ENOMEM or -EIO.
 */
int keymat_maced_id(const struct crypto_prf *prf, const uint8_t *sk_p,
		    const uint8_t *id, size_t id_len, uint8_t *out);

/**
 * keymat_signed_octets() - assemble the octets an AUTH payload signs
 *	(§2.15)
 * @prf: the PRF of the IKE SA
 * @sk_p: SK_pi when the initiator authenticates, SK_pr for the responder
 * @msg: RealMessage: the whole first message the signer sent (its
 *	IKE_SA_INIT message), from the IKE header on
 * @msg_len: bytes of @msg
 * @nonce: NonceOfOtherSide: the data of the peer's Nonce payload
 * @nonce_len: bytes of @nonce
 * @id: RestOfIDPayload of the signer's ID payload, as keymat_maced_id()
 * @id_len: bytes of @id
 * @out: receives the octets; @out->iov points into @msg, @nonce and
 *	@out itself, so they must stay in place while it is used
 *
 * Return: 0, -EINVAL, -ENOMEM or -EIO.
 */
int keymat_signed_octets(const struct crypto_prf *prf, const uint8_t *sk_p,
			 const uint8_t *msg, size_t msg_len,
			 const uint8_t *nonce, size_t nonce_len,
			 const uint8_t *id, size_t id_len,
			 struct keymat_signed *out);

/**
 * keymat_psk_auth() - compute the AUTH data of a shared secret (§2.15)
 * @prf: the PRF of the IKE SA
 * @secret: the shared secret (a pre-shared key, or an EAP MSK)
 * @secret_len: bytes of @secret
 * @octets: the signed octets, from keymat_signed_octets()
 * @auth: receives @prf->out_len bytes:
 *	prf(prf(Shared Secret, "Key Pad for IKEv2"), <SignedOctets>)
 *
 * The caller compares a received AUTH with CRYPTO_memcmp() or the like.
 *
 * Return: 0, -EINVAL, -ENOMEM or -EIO.
 */
int keymat_psk_auth(const struct crypto_prf *prf, const uint8_t *secret,
		    size_t secret_len, const struct keymat_signed *octets,
		    uint8_t *auth);

/**
 * keymat_wipe() - wipe key material
 * @p: a struct keymat_ike, struct keymat_child or any buffer of secrets
 * @len: bytes at @p
 */
void keymat_wipe(void *p, size_t len);

#endif /* FLEXVTI_KEYMAT_H */
