// SPDX-License-Identifier: GPL-2.0-only
/*
 * The RADIUS wire format: building packets from radcli attribute lists,
 * their authenticators and Message-Authenticator, and the checks every
 * received packet passes before anything reads its attributes.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/params.h>

#include "radius.h"

#define RADIUS_MA_ATTR_LEN	(2 + RADIUS_AUTH_LEN)
/* a VSA's own header: type, length, vendor id, vendor type, length */
#define RADIUS_VSA_HDR_LEN	8

/*
 * MD5 and HMAC-MD5 are fetched from OpenSSL's provider once, and their
 * contexts reused: fetching them for every packet cost more than the
 * hashing.  Not thread-safe: flexvtid and the tools are single-threaded.
 */
static EVP_MD *radius_md5_alg;
static EVP_MD_CTX *radius_md5_ctx;
static EVP_MAC_CTX *radius_hmac_ctx;

static int radius_md5_init(void)
{
	if (radius_md5_ctx)
		return 0;
	radius_md5_alg = EVP_MD_fetch(NULL, "MD5", NULL);
	radius_md5_ctx = EVP_MD_CTX_new();
	if (radius_md5_alg && radius_md5_ctx)
		return 0;
	EVP_MD_CTX_free(radius_md5_ctx);
	EVP_MD_free(radius_md5_alg);
	radius_md5_ctx = NULL;
	radius_md5_alg = NULL;
	return -ENOMEM;
}

static int radius_hmac_init(void)
{
	OSSL_PARAM params[] = {
		OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
						 (char *)"MD5", 0),
		OSSL_PARAM_construct_end(),
	};
	EVP_MAC *mac;

	if (radius_hmac_ctx)
		return 0;
	mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
	radius_hmac_ctx = mac ? EVP_MAC_CTX_new(mac) : NULL;
	EVP_MAC_free(mac);
	if (radius_hmac_ctx &&
	    EVP_MAC_CTX_set_params(radius_hmac_ctx, params))
		return 0;
	EVP_MAC_CTX_free(radius_hmac_ctx);
	radius_hmac_ctx = NULL;
	return -ENOMEM;
}

/* MD5 over up to three pieces, then the secret */
static int radius_md5(uint8_t *out, const void *a, size_t alen,
		      const void *b, size_t blen, const char *secret)
{
	EVP_MD_CTX *ctx;
	int ok;

	if (radius_md5_init())
		return -ENOMEM;
	ctx = radius_md5_ctx;
	ok = EVP_DigestInit_ex2(ctx, radius_md5_alg, NULL) &&
	     EVP_DigestUpdate(ctx, a, alen) &&
	     (!blen || EVP_DigestUpdate(ctx, b, blen)) &&
	     (!secret || EVP_DigestUpdate(ctx, secret, strlen(secret))) &&
	     EVP_DigestFinal_ex(ctx, out, NULL);
	return ok ? 0 : -EIO;
}

static int radius_hmac_md5(uint8_t *out, const uint8_t *buf, size_t len,
			   const char *secret)
{
	size_t n;

	if (radius_hmac_init())
		return -ENOMEM;
	return EVP_MAC_init(radius_hmac_ctx, (const uint8_t *)secret,
			    strlen(secret), NULL) &&
	       EVP_MAC_update(radius_hmac_ctx, buf, len) &&
	       EVP_MAC_final(radius_hmac_ctx, out, &n, RADIUS_AUTH_LEN) ?
	       0 : -EIO;
}

static bool radius_code_is_reply(unsigned int code)
{
	switch (code) {
	case RADIUS_ACCESS_ACCEPT:
	case RADIUS_ACCESS_REJECT:
	case RADIUS_ACCOUNTING_RESPONSE:
	case RADIUS_ACCESS_CHALLENGE:
	case RADIUS_DISCONNECT_ACK:
	case RADIUS_DISCONNECT_NAK:
	case RADIUS_COA_ACK:
	case RADIUS_COA_NAK:
		return true;
	default:
		return false;
	}
}

/* requests whose Request Authenticator is an MD5 over the packet */
static bool radius_code_hashed_request(unsigned int code)
{
	return code == RADIUS_ACCOUNTING_REQUEST ||
	       code == RADIUS_DISCONNECT_REQUEST ||
	       code == RADIUS_COA_REQUEST;
}

/*
 * RFC 2865 §5.2: the password padded to a multiple of 16 and XORed with
 * MD5(secret + previous block), the first previous block being the
 * Request Authenticator.
 */
static int radius_hide_password(uint8_t *out, const uint8_t *pw, size_t len,
				const char *secret, const uint8_t *auth,
				size_t *out_len)
{
	size_t padded = len ? (len + 15) & ~(size_t)15 : 16, i, j;
	uint8_t b[RADIUS_AUTH_LEN];
	const uint8_t *prev = auth;
	int ret;

	if (len > RADIUS_PASSWORD_MAX)
		return -EINVAL;
	memset(out, 0, padded);
	memcpy(out, pw, len);
	for (i = 0; i < padded; i += RADIUS_AUTH_LEN) {
		ret = radius_md5(b, secret, strlen(secret), prev,
				 RADIUS_AUTH_LEN, NULL);
		if (ret)
			break;
		for (j = 0; j < RADIUS_AUTH_LEN; j++)
			out[i + j] ^= b[j];
		prev = out + i;
	}
	OPENSSL_cleanse(b, sizeof(b));
	*out_len = padded;
	return ret;
}

/* the value of @vp as it goes on the wire, into @out (253 bytes) */
static int radius_vp_value(VALUE_PAIR *vp, uint8_t *out, size_t *len)
{
	struct in6_addr a6;
	unsigned int type, id, plen, n;
	uint32_t v;
	char *raw;

	rc_avpair_get_attr(vp, &type, &id);
	switch (type) {
	case PW_TYPE_STRING:
		if (rc_avpair_get_raw(vp, &raw, &n) || n > AUTH_STRING_LEN)
			return -EINVAL;
		memcpy(out, raw, n);
		*len = n;
		return 0;
	case PW_TYPE_INTEGER:
	case PW_TYPE_DATE:
	case PW_TYPE_IPADDR:
		/* radcli keeps an IPv4 address in host order too */
		if (rc_avpair_get_uint32(vp, &v))
			return -EINVAL;
		v = htonl(v);
		memcpy(out, &v, 4);
		*len = 4;
		return 0;
	case PW_TYPE_IPV6ADDR:
		if (rc_avpair_get_in6(vp, &a6, NULL))
			return -EINVAL;
		memcpy(out, &a6, 16);
		*len = 16;
		return 0;
	case PW_TYPE_IPV6PREFIX:
		/* RFC 3162 §2.3: reserved, prefix length, the prefix */
		if (rc_avpair_get_in6(vp, &a6, &plen) || plen > 128)
			return -EINVAL;
		out[0] = 0;
		out[1] = plen;
		memcpy(out + 2, &a6, (plen + 7) / 8);
		*len = 2 + (plen + 7) / 8;
		return 0;
	default:
		return -EINVAL;
	}
}

/* append one attribute; a vendor's is wrapped in a Vendor-Specific one */
static int radius_put_vp(struct radius_pkt *pkt, VALUE_PAIR *vp,
			 const char *secret, const uint8_t *auth)
{
	uint8_t val[AUTH_STRING_LEN];
	unsigned int type, id;
	size_t len, hdr;
	uint8_t *p;
	uint32_t vendor;
	int ret;

	rc_avpair_get_attr(vp, &type, &id);
	ret = radius_vp_value(vp, val, &len);
	if (!ret && id == RADIUS_ATTR_USER_PASSWORD &&
	    len > RADIUS_PASSWORD_MAX)
		ret = -EINVAL;
	if (!ret && id == RADIUS_ATTR_USER_PASSWORD) {
		uint8_t pw[RADIUS_PASSWORD_MAX];

		memcpy(pw, val, len);
		ret = auth ? radius_hide_password(val, pw, len, secret, auth,
						  &len) : -EINVAL;
		OPENSSL_cleanse(pw, sizeof(pw));
	}
	hdr = VENDOR(id) ? RADIUS_VSA_HDR_LEN : 2;
	if (!ret && len + hdr > 255)
		ret = -EINVAL;
	if (!ret && pkt->len + hdr + len > RADIUS_MAX_LEN)
		ret = -EMSGSIZE;
	if (ret) {
		OPENSSL_cleanse(val, sizeof(val));
		return ret;
	}
	p = pkt->data + pkt->len;
	if (VENDOR(id)) {
		vendor = htonl(VENDOR(id));
		*p++ = RADIUS_ATTR_VENDOR_SPECIFIC;
		*p++ = hdr + len;
		memcpy(p, &vendor, 4);
		p += 4;
	}
	*p++ = ATTRID(id);
	*p++ = len + 2;
	memcpy(p, val, len);
	pkt->len += hdr + len;
	OPENSSL_cleanse(val, sizeof(val));
	return 0;
}

/*
 * The authenticators of a packet whose attributes are in place, with
 * Message-Authenticator's value at @ma (zeroed) or NULL:
 * - Access-Request, Status-Server: @auth as it is (random), MA over it;
 * - Accounting-, Disconnect-, CoA-Request: MA over the packet with a
 *   zero authenticator, then the authenticator MD5(packet + secret) over
 *   that same zero field (RFC 2866 §3, RFC 5176 §3.5);
 * - replies: MA with the request's authenticator in the field, then the
 *   Response Authenticator MD5(packet + secret) over it (RFC 2865 §3,
 *   RFC 3579 §3.2).
 */
static int radius_sign(struct radius_pkt *pkt, const uint8_t *auth,
		       uint8_t *ma, const char *secret)
{
	uint8_t *field = pkt->data + 4;
	int ret = 0;

	if (radius_code_hashed_request(pkt->data[0]))
		memset(field, 0, RADIUS_AUTH_LEN);
	else
		memcpy(field, auth, RADIUS_AUTH_LEN);
	if (ma)
		ret = radius_hmac_md5(ma, pkt->data, pkt->len, secret);
	if (!ret && (pkt->data[0] == RADIUS_ACCESS_REQUEST ||
		     pkt->data[0] == RADIUS_STATUS_SERVER))
		return 0;
	if (!ret)
		ret = radius_md5(field, pkt->data, pkt->len, NULL, 0, secret);
	return ret;
}

/**
 * radius_encode - build a packet
 * @pkt: where it goes
 * @code: its code (enum radius_code)
 * @id: its Identifier
 * @auth: for an Access-Request or Status-Server, its Request
 *	Authenticator (16 random bytes the caller keeps to check the reply);
 *	for a reply, the request's authenticator; NULL for Accounting-,
 *	Disconnect- and CoA-Requests, whose authenticator is computed
 * @vps: the attributes, in order; a User-Password is hidden as RFC 2865
 *	§5.2 says (Access-Request only); a vendor's attribute goes into its
 *	own Vendor-Specific attribute; EAP-Messages longer than 253 bytes
 *	are the caller's to split
 * @secret: the shared secret
 * @msg_auth: add a Message-Authenticator (RFC 3579 §3.2), as the first
 *	attribute (the BlastRADIUS advice, CVE-2024-3596)
 *
 * Return: 0; -EINVAL for a code that is not in enum radius_code, a
 * missing @auth, an attribute value too long for its type or a
 * User-Password outside an Access-Request; -EMSGSIZE when the packet
 * would exceed 4096 bytes; -ENOMEM or -EIO when libcrypto fails.
 * Nothing secret stays in temporary buffers.
 */
int radius_encode(struct radius_pkt *pkt, uint8_t code, uint8_t id,
		  const uint8_t *auth, VALUE_PAIR *vps, const char *secret,
		  bool msg_auth)
{
	bool hashed = radius_code_hashed_request(code);
	uint8_t *ma = NULL;
	int ret;

	if (!radius_code_name(code) || (!hashed && !auth))
		return -EINVAL;
	pkt->data[0] = code;
	pkt->data[1] = id;
	pkt->len = RADIUS_HDR_LEN;
	if (msg_auth) {
		pkt->data[pkt->len] = RADIUS_ATTR_MESSAGE_AUTHENTICATOR;
		pkt->data[pkt->len + 1] = RADIUS_MA_ATTR_LEN;
		ma = pkt->data + pkt->len + 2;
		memset(ma, 0, RADIUS_AUTH_LEN);
		pkt->len += RADIUS_MA_ATTR_LEN;
	}
	for (; vps; vps = rc_avpair_next(vps)) {
		ret = radius_put_vp(pkt, vps, secret,
				    code == RADIUS_ACCESS_REQUEST ? auth :
								    NULL);
		if (ret)
			return ret;
	}
	return radius_finish(pkt, auth, ma ? RADIUS_HDR_LEN + 2 : 0, secret);
}

/**
 * radius_finish - set the Length and the authenticators of a packet whose
 *	header and attributes were written by other means
 * @pkt: the packet: code and Identifier set, the attributes in place,
 *	@pkt->len their end
 * @auth: as radius_encode()'s
 * @ma: offset in @pkt->data of the value of its Message-Authenticator
 *	(RFC 3579 §3.2), 16 zero bytes to fill; 0 when it has none
 * @secret: the shared secret
 *
 * Signs as radius_encode() does: the Message-Authenticator first, then
 * the Request Authenticator of an Accounting-, Disconnect- or
 * CoA-Request (RFC 2866 §3, RFC 5176 §3.5) or the Response Authenticator
 * of a reply (RFC 2865 §3).
 *
 * Return: 0; -EINVAL for a code that is not in enum radius_code, a
 * missing @auth, a length outside 20-4096 or @ma outside the packet;
 * -ENOMEM or -EIO when libcrypto fails.
 */
int radius_finish(struct radius_pkt *pkt, const uint8_t *auth, size_t ma,
		  const char *secret)
{
	uint8_t code = pkt->data[0];
	uint16_t len;

	if (!radius_code_name(code) ||
	    (!radius_code_hashed_request(code) && !auth) ||
	    pkt->len < RADIUS_HDR_LEN || pkt->len > RADIUS_MAX_LEN ||
	    (ma && (ma < RADIUS_HDR_LEN + 2 ||
		    ma + RADIUS_AUTH_LEN > pkt->len)))
		return -EINVAL;
	len = htons(pkt->len);
	memcpy(pkt->data + 2, &len, 2);
	return radius_sign(pkt, auth, ma ? pkt->data + ma : NULL, secret);
}

/*
 * Walk the attributes: RADIUS_ERR_ATTR unless they fill @len exactly;
 * *ma: the only Message-Authenticator's offset, 0 without one.
 */
static enum radius_err radius_walk(const uint8_t *buf, size_t len,
				   size_t *ma)
{
	size_t off = RADIUS_HDR_LEN;

	*ma = 0;
	while (off < len) {
		if (len - off < 2 || buf[off + 1] < 2 ||
		    buf[off + 1] > len - off)
			return RADIUS_ERR_ATTR;
		if (buf[off] == RADIUS_ATTR_MESSAGE_AUTHENTICATOR) {
			if (*ma || buf[off + 1] != RADIUS_MA_ATTR_LEN)
				return RADIUS_ERR_ATTR;
			*ma = off + 2;
		}
		off += buf[off + 1];
	}
	return RADIUS_OK;
}

/*
 * The packet with the authenticator field set to @field (NULL: zeros)
 * and the value at @ma (0: none) zeroed, into @copy.
 */
static void radius_blank(uint8_t *copy, const uint8_t *buf, size_t len,
			 const uint8_t *field, size_t ma)
{
	memcpy(copy, buf, len);
	if (field)
		memcpy(copy + 4, field, RADIUS_AUTH_LEN);
	else
		memset(copy + 4, 0, RADIUS_AUTH_LEN);
	if (ma)
		memset(copy + ma, 0, RADIUS_AUTH_LEN);
}

static enum radius_err radius_check_auth(const uint8_t *buf, size_t len,
					 const uint8_t *req_auth,
					 const char *secret)
{
	uint8_t copy[RADIUS_MAX_LEN], md[RADIUS_AUTH_LEN];
	unsigned int code = buf[0];
	const uint8_t *field = NULL;

	if (radius_code_is_reply(code))
		field = req_auth;
	else if (!radius_code_hashed_request(code))
		return RADIUS_OK;	/* a random Request Authenticator */
	if (radius_code_is_reply(code) && !req_auth)
		return RADIUS_ERR_AUTHENTICATOR;
	/* the Message-Authenticator stays as it is in this hash */
	radius_blank(copy, buf, len, field, 0);
	if (radius_md5(md, copy, len, NULL, 0, secret) ||
	    CRYPTO_memcmp(md, buf + 4, RADIUS_AUTH_LEN))
		return RADIUS_ERR_AUTHENTICATOR;
	return RADIUS_OK;
}

static enum radius_err radius_check_ma(const uint8_t *buf, size_t len,
				       const uint8_t *req_auth,
				       const char *secret, size_t ma)
{
	uint8_t copy[RADIUS_MAX_LEN], mac[RADIUS_AUTH_LEN];
	unsigned int code = buf[0];
	const uint8_t *field = buf + 4;

	if (radius_code_is_reply(code))
		field = req_auth;
	else if (radius_code_hashed_request(code))
		field = NULL;
	radius_blank(copy, buf, len, field, ma);
	if (radius_hmac_md5(mac, copy, len, secret) ||
	    CRYPTO_memcmp(mac, buf + ma, RADIUS_AUTH_LEN))
		return RADIUS_ERR_MA;
	return RADIUS_OK;
}

/**
 * radius_check - the checks a received packet passes before anything
 *	reads it
 * @buf: the datagram
 * @len: its bytes; octets past the packet's Length field are padding and
 *	ignored (RFC 2865 §3)
 * @req_auth: for a reply, the authenticator of the request it answers;
 *	NULL for a request
 * @secret: the shared secret
 * @need_ma: refuse a packet without Message-Authenticator
 *
 * Checks the Length field, that the attributes fill the packet exactly
 * (so radius_decode() reads nothing past it), the Response Authenticator
 * of a reply (RFC 2865 §3) or the Request Authenticator of an
 * Accounting-, Disconnect- or CoA-Request (RFC 2866 §3, RFC 5176 §3.5),
 * and a Message-Authenticator whenever there is one (RFC 3579 §3.2).
 *
 * Return: RADIUS_OK or the reason to drop it.
 */
enum radius_err radius_check(const uint8_t *buf, size_t len,
			     const uint8_t *req_auth, const char *secret,
			     bool need_ma)
{
	enum radius_err err;
	size_t plen, ma;

	if (len < RADIUS_HDR_LEN)
		return RADIUS_ERR_LENGTH;
	plen = (size_t)buf[2] << 8 | buf[3];
	if (plen < RADIUS_HDR_LEN || plen > len || plen > RADIUS_MAX_LEN)
		return RADIUS_ERR_LENGTH;
	err = radius_walk(buf, plen, &ma);
	if (!err)
		err = radius_check_auth(buf, plen, req_auth, secret);
	if (!err && !ma && need_ma)
		err = RADIUS_ERR_MA_MISSING;
	if (!err && ma)
		err = radius_check_ma(buf, plen, req_auth, secret, ma);
	return err;
}

/**
 * radius_decode - the attributes of a checked packet as a radcli list
 * @rh: the radcli handle with the dictionaries
 * @buf: a packet that passed radius_check()
 * @len: its bytes
 *
 * Attributes the dictionaries do not know are left out; a Vendor-
 * Specific attribute becomes its vendor's attributes (id vendor << 16 |
 * type, as radcli numbers them).
 *
 * Return: the list (the caller frees it with rc_avpair_free()), NULL
 * when there is none or radcli cannot allocate.
 */
VALUE_PAIR *radius_decode(const rc_handle *rh, const uint8_t *buf,
			  size_t len)
{
	size_t plen = (size_t)buf[2] << 8 | buf[3];

	if (len < plen || plen <= RADIUS_HDR_LEN)
		return NULL;
	return rc_avpair_gen(rh, NULL, buf + RADIUS_HDR_LEN,
			     (int)(plen - RADIUS_HDR_LEN), 0);
}

/**
 * radius_mppe_key - decrypt an MS-MPPE-Send-Key or MS-MPPE-Recv-Key
 *	(RFC 2548 §2.4.2, §2.4.3)
 * @val: the attribute's value: the salt (2 bytes) and the encrypted
 *	string (a multiple of 16 bytes)
 * @len: bytes at @val
 * @secret: the shared secret
 * @req_auth: the Access-Request's authenticator
 * @key: where the key goes
 * @key_len: in: room at @key; out: the key's bytes
 *
 * Return: 0; -EINVAL when the value is malformed (no salt, a length that
 * is no multiple of 16, a key length past the string) or the key does
 * not fit; -ENOMEM or -EIO when libcrypto fails.  The decrypted string
 * is wiped.
 */
int radius_mppe_key(const uint8_t *val, size_t len, const char *secret,
		    const uint8_t *req_auth, uint8_t *key, size_t *key_len)
{
	uint8_t plain[AUTH_STRING_LEN], b[RADIUS_AUTH_LEN];
	uint8_t seed[RADIUS_AUTH_LEN + 2];
	size_t n = len - 2, i, j;
	int ret = 0;

	if (len < 2 + RADIUS_AUTH_LEN || n % RADIUS_AUTH_LEN ||
	    n > sizeof(plain) || !(val[0] & 0x80))
		return -EINVAL;
	memcpy(seed, req_auth, RADIUS_AUTH_LEN);
	memcpy(seed + RADIUS_AUTH_LEN, val, 2);
	for (i = 0; i < n && !ret; i += RADIUS_AUTH_LEN) {
		/* b(1) = MD5(S + R + A), b(i) = MD5(S + c(i-1)) */
		if (i)
			ret = radius_md5(b, secret, strlen(secret),
					 val + 2 + i - RADIUS_AUTH_LEN,
					 RADIUS_AUTH_LEN, NULL);
		else
			ret = radius_md5(b, secret, strlen(secret), seed,
					 sizeof(seed), NULL);
		for (j = 0; j < RADIUS_AUTH_LEN; j++)
			plain[i + j] = val[2 + i + j] ^ b[j];
	}
	if (!ret && (plain[0] > n - 1 || plain[0] > *key_len))
		ret = -EINVAL;
	if (!ret) {
		memcpy(key, plain + 1, plain[0]);
		*key_len = plain[0];
	}
	OPENSSL_cleanse(plain, sizeof(plain));
	OPENSSL_cleanse(b, sizeof(b));
	return ret;
}

static const char *const radius_err_names[RADIUS_NERR] = {
	[RADIUS_OK] = "ok",
	[RADIUS_ERR_LENGTH] = "bad-length",
	[RADIUS_ERR_ATTR] = "bad-attribute",
	[RADIUS_ERR_AUTHENTICATOR] = "bad-authenticator",
	[RADIUS_ERR_MA_MISSING] = "no-message-authenticator",
	[RADIUS_ERR_MA] = "bad-message-authenticator",
};

/**
 * radius_err_name - a drop reason's name, as counters and logs show it
 * @err: the reason
 *
 * Return: a static string, "?" for a value out of range.
 */
const char *radius_err_name(enum radius_err err)
{
	return err < RADIUS_NERR ? radius_err_names[err] : "?";
}

/**
 * radius_code_name - a packet code's name
 * @code: the code
 *
 * Return: a static string, NULL for a code not in enum radius_code.
 */
const char *radius_code_name(unsigned int code)
{
	switch (code) {
	case RADIUS_ACCESS_REQUEST: return "Access-Request";
	case RADIUS_ACCESS_ACCEPT: return "Access-Accept";
	case RADIUS_ACCESS_REJECT: return "Access-Reject";
	case RADIUS_ACCOUNTING_REQUEST: return "Accounting-Request";
	case RADIUS_ACCOUNTING_RESPONSE: return "Accounting-Response";
	case RADIUS_ACCESS_CHALLENGE: return "Access-Challenge";
	case RADIUS_STATUS_SERVER: return "Status-Server";
	case RADIUS_DISCONNECT_REQUEST: return "Disconnect-Request";
	case RADIUS_DISCONNECT_ACK: return "Disconnect-ACK";
	case RADIUS_DISCONNECT_NAK: return "Disconnect-NAK";
	case RADIUS_COA_REQUEST: return "CoA-Request";
	case RADIUS_COA_ACK: return "CoA-ACK";
	case RADIUS_COA_NAK: return "CoA-NAK";
	default: return NULL;
	}
}
