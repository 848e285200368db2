/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The RADIUS wire format (RFC 2865 §3, §5; RFC 2866 §3; RFC 3579 §3.2;
 * RFC 5176 §3): packets built from and decoded into radcli's attribute
 * lists (VALUE_PAIR), with the authenticators and Message-Authenticator
 * computed and verified here.
 *
 * radcli 1.2.11 (Debian 12) sends and receives only as a blocking call
 * that accepts replies with a wrong Response Authenticator and never
 * checks a reply's Message-Authenticator.  flexvtid therefore does the
 * transport itself, in its event loop, and uses radcli for what it does
 * well: the dictionary, attribute lists and their decoding.  The same
 * code serves the RFC 5176 dynamic-authorization server.
 *
 * Lengths are in bytes.  Secrets are NUL-terminated shared secrets.
 */
#ifndef FLEXVTI_RADIUS_H
#define FLEXVTI_RADIUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <radcli/radcli.h>

#define RADIUS_HDR_LEN		20
#define RADIUS_AUTH_LEN		16
/* RFC 2865 §3: the largest packet */
#define RADIUS_MAX_LEN		4096
/* RFC 2865 §5.2: the longest User-Password */
#define RADIUS_PASSWORD_MAX	128

/* packet codes (RFC 2865 §3, RFC 2866 §3, RFC 5176 §2.3) */
enum radius_code {
	RADIUS_ACCESS_REQUEST = 1,
	RADIUS_ACCESS_ACCEPT = 2,
	RADIUS_ACCESS_REJECT = 3,
	RADIUS_ACCOUNTING_REQUEST = 4,
	RADIUS_ACCOUNTING_RESPONSE = 5,
	RADIUS_ACCESS_CHALLENGE = 11,
	RADIUS_STATUS_SERVER = 12,
	RADIUS_DISCONNECT_REQUEST = 40,
	RADIUS_DISCONNECT_ACK = 41,
	RADIUS_DISCONNECT_NAK = 42,
	RADIUS_COA_REQUEST = 43,
	RADIUS_COA_ACK = 44,
	RADIUS_COA_NAK = 45,
};

/* attribute types the wire code itself handles */
#define RADIUS_ATTR_USER_PASSWORD		2
#define RADIUS_ATTR_VENDOR_SPECIFIC		26
#define RADIUS_ATTR_MESSAGE_AUTHENTICATOR	80

/* why a received packet is dropped: an index of counters */
enum radius_err {
	RADIUS_OK = 0,
	RADIUS_ERR_LENGTH,	/* shorter than 20 or its Length field */
	RADIUS_ERR_ATTR,	/* an attribute shorter than 2 or past the end */
	RADIUS_ERR_AUTHENTICATOR, /* Request or Response Authenticator */
	RADIUS_ERR_MA_MISSING,	/* Message-Authenticator required, absent */
	RADIUS_ERR_MA,		/* Message-Authenticator wrong */
	RADIUS_NERR,
};

/**
 * struct radius_pkt - a packet as it goes on the wire
 * @len: bytes used in @data
 * @data: the packet: header (code, identifier, length, authenticator)
 *	and attributes
 */
struct radius_pkt {
	size_t len;
	uint8_t data[RADIUS_MAX_LEN];
};

int radius_encode(struct radius_pkt *pkt, uint8_t code, uint8_t id,
		  const uint8_t *auth, VALUE_PAIR *vps, const char *secret,
		  bool msg_auth);
int radius_finish(struct radius_pkt *pkt, const uint8_t *auth, size_t ma,
		  const char *secret);
enum radius_err radius_check(const uint8_t *buf, size_t len,
			     const uint8_t *req_auth, const char *secret,
			     bool need_ma);
VALUE_PAIR *radius_decode(const rc_handle *rh, const uint8_t *buf,
			  size_t len);
int radius_mppe_key(const uint8_t *val, size_t len, const char *secret,
		    const uint8_t *req_auth, uint8_t *key, size_t *key_len);
const char *radius_err_name(enum radius_err err);
rc_handle *radius_handle_new(const char *dir);
const char *radius_code_name(unsigned int code);

#endif /* FLEXVTI_RADIUS_H */
