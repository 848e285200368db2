/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The IKEv2 cryptographic primitives on top of OpenSSL 3 libcrypto: the
 * pseudorandom functions and prf+ (RFC 7296 §2.13), the integrity
 * algorithms, and the cipher of the Encrypted (SK) payload (§3.14):
 * AES-CBC with an HMAC, AES-GCM with a 16-byte ICV (RFC 5282) and
 * ChaCha20-Poly1305 (RFC 7634).
 *
 * All lengths are in bytes unless a name says bits.  Functions return 0
 * or a negative errno: -EINVAL for arguments out of range, -ENOMEM when
 * libcrypto cannot allocate, -EIO when libcrypto fails otherwise.  Keys
 * held by a struct crypto_sk are wiped by crypto_sk_wipe(); the temporary
 * copies made on the way are wiped before they are freed.
 */
#ifndef FLEXVTI_CRYPTO_H
#define FLEXVTI_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

/* the largest output of a PRF (HMAC-SHA2-512) */
#define CRYPTO_PRF_MAX		64
/* the largest integrity key (HMAC-SHA2-512-256) */
#define CRYPTO_INTEG_KEY_MAX	64
/* the largest encryption keying material (a 256-bit key and a salt) */
#define CRYPTO_ENCR_KEY_MAX	36
/* the largest ICV (HMAC-SHA2-512-256) */
#define CRYPTO_ICV_MAX		32
/* the largest IV carried in the SK payload (AES-CBC) */
#define CRYPTO_IV_MAX		16
/* the largest cipher block (AES) */
#define CRYPTO_BLOCK_MAX	16

/**
 * crypto_iov() - an iovec of data the functions here only read
 * @base: the data
 * @len: bytes at @base
 *
 * Return: the iovec.
 */
static inline struct iovec crypto_iov(const void *base, size_t len)
{
	return (struct iovec){ .iov_base = (void *)(uintptr_t)base,
			       .iov_len = len };
}

/**
 * struct crypto_prf - a pseudorandom function (transform type 2)
 * @id: enum ikev2_prf
 * @name: printable name, e.g. "prf-hmac-sha2-256"
 * @digest: the OpenSSL digest name of the HMAC
 * @out_len: bytes of output, also the preferred key length (§2.14)
 */
struct crypto_prf {
	uint16_t id;
	const char *name;
	const char *digest;
	size_t out_len;
};

/**
 * struct crypto_integ - an integrity algorithm (transform type 3)
 * @id: enum ikev2_integ
 * @name: printable name, e.g. "hmac-sha2-256-128"
 * @digest: the OpenSSL digest name of the HMAC
 * @key_len: bytes of key
 * @icv_len: bytes of the truncated HMAC carried as the ICV
 */
struct crypto_integ {
	uint16_t id;
	const char *name;
	const char *digest;
	size_t key_len;
	size_t icv_len;
};

/**
 * struct crypto_encr - an encryption algorithm (transform type 1) with
 *	one key length
 * @id: enum ikev2_encr
 * @key_bits: the Key Length attribute (§3.3.5), 0 where there is none
 * @name: printable name, e.g. "aes-gcm-16-256"
 * @cipher: the OpenSSL cipher name
 * @key_len: bytes of keying material: the key and, for AEAD, the salt
 * @salt_len: bytes of salt at the end of the keying material (AEAD)
 * @iv_len: bytes of IV carried in the SK payload
 * @block_len: the plaintext is padded to a multiple of this (1: none)
 * @icv_len: bytes of the AEAD tag; 0 if the ICV comes from an integrity
 *	algorithm
 * @aead: combined mode: no integrity algorithm is negotiated with it
 */
struct crypto_encr {
	uint16_t id;
	uint16_t key_bits;
	const char *name;
	const char *cipher;
	size_t key_len;
	size_t salt_len;
	size_t iv_len;
	size_t block_len;
	size_t icv_len;
	bool aead;
};

/**
 * struct crypto_sk - the algorithms and keys of one direction of the
 *	Encrypted payload of an IKE SA
 * @encr: the encryption algorithm
 * @integ: the integrity algorithm, NULL with an AEAD @encr
 * @ekey: @encr->key_len bytes of encryption keying material (SK_e)
 * @ikey: @integ->key_len bytes of integrity key (SK_a)
 *
 * Set up by crypto_sk_init(), wiped by crypto_sk_wipe().
 */
struct crypto_sk {
	const struct crypto_encr *encr;
	const struct crypto_integ *integ;
	uint8_t ekey[CRYPTO_ENCR_KEY_MAX];
	uint8_t ikey[CRYPTO_INTEG_KEY_MAX];
};

/**
 * crypto_prf_find() - look up a pseudorandom function
 * @id: enum ikev2_prf
 *
 * Return: the PRF, or NULL if @id is not supported.
 */
const struct crypto_prf *crypto_prf_find(uint16_t id);

/**
 * crypto_prf() - compute prf(key, data)
 * @prf: the PRF
 * @key: the key, any length (HMAC)
 * @key_len: bytes of @key
 * @data: the data, the concatenation of @n pieces
 * @n: number of pieces in @data, 0 or more
 * @out: receives @prf->out_len bytes
 *
 * Return: 0, -EINVAL, -ENOMEM or -EIO.
 */
int crypto_prf(const struct crypto_prf *prf, const uint8_t *key,
	       size_t key_len, const struct iovec *data, int n, uint8_t *out);

/**
 * crypto_prf_plus() - compute prf+(key, seed) (RFC 7296 §2.13)
 * @prf: the PRF
 * @key: the key
 * @key_len: bytes of @key
 * @seed: the seed, the concatenation of @n pieces
 * @n: number of pieces in @seed
 * @out: receives @out_len bytes: T1 | T2 | ... cut to length
 * @out_len: bytes wanted, at most 255 * @prf->out_len
 *
 * Return: 0, -EINVAL (also for too long an @out_len), -ENOMEM or -EIO.
 * On failure @out is wiped.
 */
int crypto_prf_plus(const struct crypto_prf *prf, const uint8_t *key,
		    size_t key_len, const struct iovec *seed, int n,
		    uint8_t *out, size_t out_len);

/**
 * crypto_integ_find() - look up an integrity algorithm
 * @id: enum ikev2_integ; IKEV2_INTEG_NONE is not an algorithm
 *
 * Return: the algorithm, or NULL if @id is not supported.
 */
const struct crypto_integ *crypto_integ_find(uint16_t id);

/**
 * crypto_integ_compute() - compute an ICV
 * @integ: the integrity algorithm
 * @key: @integ->key_len bytes of key
 * @data: the data covered, the concatenation of @n pieces
 * @n: number of pieces in @data
 * @icv: receives @integ->icv_len bytes
 *
 * Return: 0, -EINVAL, -ENOMEM or -EIO.
 */
int crypto_integ_compute(const struct crypto_integ *integ,
			 const uint8_t *key, const struct iovec *data, int n,
			 uint8_t *icv);

/**
 * crypto_encr_find() - look up an encryption algorithm
 * @id: enum ikev2_encr
 * @key_bits: the Key Length attribute: 128, 192 or 256 for AES-CBC and
 *	AES-GCM-16; 0 (no attribute) for ChaCha20-Poly1305
 *
 * Return: the algorithm, or NULL if @id or this @key_bits for it (a
 * missing one included) is not supported.
 */
const struct crypto_encr *crypto_encr_find(uint16_t id, uint16_t key_bits);

/**
 * crypto_encr_encrypt() - encrypt in place with a given IV
 * @encr: the encryption algorithm
 * @key: @encr->key_len bytes of keying material (for AEAD the salt last)
 * @iv: @encr->iv_len bytes of IV (for AEAD the nonce is salt | IV)
 * @aad: additional authenticated data, @n pieces; AEAD only
 * @n: number of pieces in @aad; 0 unless AEAD
 * @data: @len bytes of plaintext, replaced by the ciphertext
 * @len: a multiple of @encr->block_len
 * @icv: AEAD: receives @encr->icv_len bytes of tag; NULL otherwise
 *
 * Return: 0, -EINVAL, -ENOMEM or -EIO.
 */
int crypto_encr_encrypt(const struct crypto_encr *encr, const uint8_t *key,
			const uint8_t *iv, const struct iovec *aad, int n,
			uint8_t *data, size_t len, uint8_t *icv);

/**
 * crypto_encr_decrypt() - decrypt in place with a given IV
 * @encr: the encryption algorithm
 * @key: @encr->key_len bytes of keying material
 * @iv: @encr->iv_len bytes of IV
 * @aad: additional authenticated data, @n pieces; AEAD only
 * @n: number of pieces in @aad; 0 unless AEAD
 * @data: @len bytes of ciphertext, replaced by the plaintext
 * @len: a multiple of @encr->block_len
 * @icv: AEAD: the @encr->icv_len bytes of tag to check; NULL otherwise
 *
 * Return: 0; -EBADMSG if the AEAD tag does not match, and then @data is
 * wiped; -EINVAL, -ENOMEM or -EIO.
 */
int crypto_encr_decrypt(const struct crypto_encr *encr, const uint8_t *key,
			const uint8_t *iv, const struct iovec *aad, int n,
			uint8_t *data, size_t len, const uint8_t *icv);

/**
 * crypto_sk_init() - set up one direction of an SK payload cipher
 * @sk: filled in
 * @encr: the encryption algorithm
 * @integ: the integrity algorithm; NULL if and only if @encr is AEAD
 * @ekey: SK_ei or SK_er
 * @ekey_len: bytes of @ekey, @encr->key_len
 * @ikey: SK_ai or SK_ar; NULL with an AEAD @encr
 * @ikey_len: bytes of @ikey, @integ->key_len, or 0
 *
 * The keys are copied; wipe @sk with crypto_sk_wipe() when done.
 *
 * Return: 0, or -EINVAL if the algorithms or key lengths do not match.
 */
int crypto_sk_init(struct crypto_sk *sk, const struct crypto_encr *encr,
		   const struct crypto_integ *integ, const uint8_t *ekey,
		   size_t ekey_len, const uint8_t *ikey, size_t ikey_len);

/**
 * crypto_sk_wipe() - wipe the keys of an SK payload cipher
 * @sk: the cipher; all zero afterwards
 */
void crypto_sk_wipe(struct crypto_sk *sk);

/**
 * crypto_sk_len() - the length of a sealed SK payload
 * @sk: the cipher
 * @plain_len: bytes of inner payloads
 *
 * Return: bytes of the whole SK payload that crypto_sk_seal() makes of
 * @plain_len bytes: generic header, IV, ciphertext of the inner payloads,
 * padding and pad length byte, and ICV.
 */
size_t crypto_sk_len(const struct crypto_sk *sk, size_t plain_len);

/**
 * crypto_sk_seal() - encrypt and protect the last payload of a message
 * @sk: the cipher of the sending direction
 * @msg: the message, starting at the IKE header, with room for @cap bytes
 * @sk_off: offset in @msg of the SK payload's generic header, whose next
 *	payload and critical bytes are already set
 * @plain_len: bytes of inner payloads at @sk_off + 4 + @sk->encr->iv_len
 * @cap: bytes available at @msg
 * @msg_len: receives the length of the whole message
 *
 * Picks a random IV, pads (§3.14; pad bytes are zero), encrypts the inner
 * payloads in place and appends the ICV.  Before computing the ICV it sets
 * the SK payload length and the IKE header's length (network order), so
 * that they are covered: for AES-CBC the HMAC covers the message from the
 * IKE header to the end of the ciphertext; for AEAD the additional data is
 * the IKE header and the SK generic header, @msg[0 .. @sk_off + 4)
 * (RFC 5282 §5.1, RFC 7634 §4).
 *
 * Return: 0; -EINVAL if @sk_off is before the end of the IKE header;
 * -EMSGSIZE if the sealed message would exceed @cap or IKEV2_MSG_MAX;
 * -ENOMEM or -EIO.
 */
int crypto_sk_seal(const struct crypto_sk *sk, uint8_t *msg, size_t sk_off,
		   size_t plain_len, size_t cap, size_t *msg_len);

/**
 * crypto_sk_open() - check and decrypt the last payload of a message
 * @sk: the cipher of the receiving direction
 * @msg: the message, starting at the IKE header
 * @msg_len: bytes of @msg; must equal the IKE header's length
 * @sk_off: offset in @msg of the SK payload's generic header; the payload
 *	must extend to the end of the message
 * @plain_off: receives the offset in @msg of the inner payloads
 * @plain_len: receives the bytes of inner payloads
 *
 * Checks the ICV (in constant time) before anything else, then decrypts
 * in place and checks the pad length.  No plaintext is released unless
 * the ICV is valid: on failure the bytes between the IV and the ICV are
 * the ciphertext, the plaintext (ICV valid, padding not) or zeros.
 *
 * Return: 0; -EBADMSG for any fault of the message (lengths, ICV,
 * padding), with no hint of which; -ENOMEM or -EIO.
 */
int crypto_sk_open(const struct crypto_sk *sk, uint8_t *msg, size_t msg_len,
		   size_t sk_off, size_t *plain_off, size_t *plain_len);

#endif /* FLEXVTI_CRYPTO_H */
