/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The IKEv2 (RFC 7296) message and payload codec: parse a received message
 * into a struct ikev2_msg, and build an outgoing message payload by payload
 * with a struct ikev2_writer.  No I/O and no cryptography: the SK payload
 * is located when parsing and reserved when building, and crypto.c seals
 * and opens it.
 *
 * Parsing never copies: every slice and pointer in a struct ikev2_msg
 * points into the caller's buffer and is valid as long as that buffer.
 * Lengths are in bytes unless a name says otherwise.  Functions that fail
 * return a negative errno:
 *   -EBADMSG          malformed (wrong length, duplicate payload, ...)
 *   -EPROTONOSUPPORT  major version other than 2
 *   -EOPNOTSUPP       an unknown payload with the critical bit set: its
 *                     type is in ikev2_msg.unsupported_critical
 *   -E2BIG            more proposals, transforms, selectors, attributes
 *                     or payloads of a kind than the IKEV2_MAX_* below
 *   -EMSGSIZE         a built message does not fit its buffer
 *   -EINVAL           a builder was given values that cannot be encoded
 */
#ifndef FLEXVTI_IKEV2_PLD_H
#define FLEXVTI_IKEV2_PLD_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ikev2.h"

/* what one parsed message may hold; more is -E2BIG */
#define IKEV2_MAX_PROPOSALS	16	/* per SA payload */
#define IKEV2_MAX_TRANSFORMS	64	/* per proposal */
#define IKEV2_MAX_TS		16	/* per TSi or TSr payload */
#define IKEV2_MAX_CP_ATTRS	64	/* FlexVPN pushes routes in subnets */
#define IKEV2_MAX_NOTIFIES	32
#define IKEV2_MAX_CERTS		8	/* CERT payloads, and CERTREQ */
#define IKEV2_MAX_DELETES	8
#define IKEV2_MAX_VENDORS	16
#define IKEV2_MAX_PAYLOADS	64	/* known payloads in one chain */

/* §3.3.1: the SPI of a proposal is empty, an ESP/AH SPI or an IKE SPI */
#define IKEV2_CHILD_SPI_SIZE	4

/* §3.6, §3.7 the certificate encoding of X.509 signatures */
#define IKEV2_CERT_X509_SIGNATURE	4

/**
 * struct ikev2_slice - bytes inside the caller's buffer
 * @data: first byte, NULL when @len is 0 and nothing was seen
 * @len: length in bytes
 */
struct ikev2_slice {
	const uint8_t *data;
	size_t len;
};

/**
 * struct ikev2_header - the IKE header (§3.1), in host order
 * @ispi: initiator's SPI, the 8 bytes read as a big-endian number
 * @rspi: responder's SPI, likewise; 0 in a first IKE_SA_INIT request
 * @next_payload: type of the first payload
 * @version: major version in the high nibble, minor in the low one
 * @exchange: enum ikev2_exchange
 * @flags: IKEV2_FLAG_*
 * @msgid: message ID
 * @length: length of the whole message
 */
struct ikev2_header {
	uint64_t ispi;
	uint64_t rspi;
	uint8_t next_payload;
	uint8_t version;
	uint8_t exchange;
	uint8_t flags;
	uint32_t msgid;
	uint32_t length;
};

/**
 * struct ikev2_transform - one transform substructure (§3.3.2)
 * @type: enum ikev2_transform_type
 * @id: transform ID, whose meaning depends on @type
 * @keylen: Key Length attribute in bits, 0 when absent
 * @unusable: the transform has an attribute we do not know, or the Key
 *	Length attribute twice; it must not be chosen (§3.3.6)
 */
struct ikev2_transform {
	uint8_t type;
	uint16_t id;
	uint16_t keylen;
	bool unusable;
};

/**
 * struct ikev2_proposal - one proposal substructure (§3.3.1)
 * @num: proposal number, as sent
 * @proto: enum ikev2_proto
 * @spi_size: 0, IKEV2_CHILD_SPI_SIZE or IKEV2_SPI_SIZE
 * @spi: the SPI read as a big-endian number, 0 when @spi_size is 0
 * @ntrans: number of entries in @trans
 * @trans: transforms in the order sent
 */
struct ikev2_proposal {
	uint8_t num;
	uint8_t proto;
	uint8_t spi_size;
	uint64_t spi;
	unsigned int ntrans;
	struct ikev2_transform trans[IKEV2_MAX_TRANSFORMS];
};

/**
 * struct ikev2_sa - an SA payload (§3.3)
 * @nprop: number of entries in @prop
 * @prop: proposals in the order sent
 */
struct ikev2_sa {
	unsigned int nprop;
	struct ikev2_proposal prop[IKEV2_MAX_PROPOSALS];
};

/**
 * struct ikev2_ke - a Key Exchange payload (§3.4)
 * @group: enum ikev2_dh
 * @data: the public value
 */
struct ikev2_ke {
	uint16_t group;
	struct ikev2_slice data;
};

/**
 * struct ikev2_id - an IDi or IDr payload (§3.5)
 * @type: enum ikev2_id_type
 * @data: the identification data
 * @body: everything after the generic payload header (type, reserved
 *	bytes and data): RestOfInitIDPayload/RestOfRespIDPayload of §2.15
 */
struct ikev2_id {
	uint8_t type;
	struct ikev2_slice data;
	struct ikev2_slice body;
};

/**
 * struct ikev2_auth - an Authentication payload (§3.8)
 * @method: enum ikev2_auth_method
 * @data: the authentication data
 */
struct ikev2_auth {
	uint8_t method;
	struct ikev2_slice data;
};

/**
 * struct ikev2_cert - a Certificate or Certificate Request payload (§3.6,
 * §3.7)
 * @encoding: certificate encoding
 * @data: certificate data, or concatenated CA key hashes for CERTREQ
 */
struct ikev2_cert {
	uint8_t encoding;
	struct ikev2_slice data;
};

/**
 * struct ikev2_notify - a Notify payload (§3.10)
 * @proto: enum ikev2_proto, 0 when no SPI
 * @type: enum ikev2_notify_type
 * @spi: the SPI, empty when the SPI size is 0
 * @data: notification data
 */
struct ikev2_notify {
	uint8_t proto;
	uint16_t type;
	struct ikev2_slice spi;
	struct ikev2_slice data;
};

/**
 * struct ikev2_delete - a Delete payload (§3.11)
 * @proto: enum ikev2_proto
 * @spi_size: bytes per SPI: 0 for IKE, IKEV2_CHILD_SPI_SIZE for ESP/AH
 * @nspi: number of SPIs
 * @spis: the @nspi SPIs, @spi_size bytes each, as sent
 */
struct ikev2_delete {
	uint8_t proto;
	uint8_t spi_size;
	uint16_t nspi;
	struct ikev2_slice spis;
};

/**
 * union ikev2_addr - an IPv4 or IPv6 address in network order
 * @v4: the address of an IPv4 selector
 * @v6: the address of an IPv6 selector
 * @b: the bytes, 4 or 16 of them used
 */
union ikev2_addr {
	struct in_addr v4;
	struct in6_addr v6;
	uint8_t b[16];
};

/**
 * struct ikev2_ts - one traffic selector (§3.13.1)
 * @type: IKEV2_TS_IPV4_ADDR_RANGE or IKEV2_TS_IPV6_ADDR_RANGE
 * @proto: IP protocol, 0 for any
 * @start_port: first port
 * @end_port: last port
 * @start: first address
 * @end: last address
 */
struct ikev2_ts {
	uint8_t type;
	uint8_t proto;
	uint16_t start_port;
	uint16_t end_port;
	union ikev2_addr start;
	union ikev2_addr end;
};

/**
 * struct ikev2_ts_list - a TSi or TSr payload (§3.13)
 * @n: number of entries in @ts
 * @ts: the selectors of known types, in the order sent
 * @nunknown: selectors of other types, skipped; the daemon answers
 *	TS_UNACCEPTABLE if it needs them
 * @unknown_type: type of the first skipped selector
 */
struct ikev2_ts_list {
	unsigned int n;
	struct ikev2_ts ts[IKEV2_MAX_TS];
	unsigned int nunknown;
	uint8_t unknown_type;
};

/**
 * struct ikev2_cp_attr - one configuration attribute (§3.15.1)
 * @type: enum ikev2_cfg_attr (15 bits)
 * @value: the value, empty in a CFG_REQUEST
 */
struct ikev2_cp_attr {
	uint16_t type;
	struct ikev2_slice value;
};

/**
 * struct ikev2_cp - a Configuration payload (§3.15)
 * @type: enum ikev2_cfg_type
 * @nattr: number of entries in @attr
 * @attr: attributes in the order sent
 */
struct ikev2_cp {
	uint8_t type;
	unsigned int nattr;
	struct ikev2_cp_attr attr[IKEV2_MAX_CP_ATTRS];
};

/**
 * struct ikev2_sk - where an Encrypted payload is (§3.14)
 * @off: offset of its generic payload header from the start of the message
 * @len: its length, generic header included; it ends the message
 * @first: type of the first inner payload (the SK header's next payload)
 */
struct ikev2_sk {
	size_t off;
	size_t len;
	uint8_t first;
};

/**
 * struct ikev2_skf - where an Encrypted Fragment payload is (RFC 7383 §2.5)
 * @off: offset of its generic payload header from the start of the message
 * @len: its length, generic header included; it ends the message
 * @first: next payload as sent: the type of the first inner payload in
 *	fragment 1, 0 in the others
 * @num: fragment number, from 1
 * @total: number of fragments, >= @num
 */
struct ikev2_skf {
	size_t off;
	size_t len;
	uint8_t first;
	uint16_t num;
	uint16_t total;
};

/**
 * struct ikev2_msg - a parsed message
 * @hdr: the IKE header
 * @present: IKEV2_PL_BIT() of each payload type seen; see ikev2_msg_has()
 * @unsupported_critical: after -EOPNOTSUPP, the payload type to name in
 *	UNSUPPORTED_CRITICAL_PAYLOAD
 * @err_payload: after an error, the type of the payload being parsed
 *	(0: the IKE header)
 * @npl: number of entries in @pl
 * @pl: types of the known payloads in the order met, outer chain then
 *	inner chain; an SK or SKF payload is listed where it was met
 * @sa: SA payload
 * @ke: KE payload
 * @nonce: Nonce data, IKEV2_NONCE_MIN to IKEV2_NONCE_MAX bytes
 * @idi: IDi payload
 * @idr: IDr payload
 * @auth: AUTH payload
 * @tsi: TSi payload
 * @tsr: TSr payload
 * @cp: CP payload
 * @eap: the EAP message of an EAP payload (§3.16), whole
 * @nnotify: number of entries in @notify
 * @notify: Notify payloads in the order met
 * @ncert: number of entries in @cert
 * @cert: CERT payloads in the order met
 * @ncertreq: number of entries in @certreq
 * @certreq: CERTREQ payloads in the order met
 * @ndelete: number of entries in @del
 * @del: Delete payloads in the order met
 * @nvendor: number of entries in @vendor
 * @vendor: the Vendor ID of each Vendor ID payload, in the order met
 * @sk: SK payload, if IKEV2_PL_SK is present
 * @skf: SKF payload, if IKEV2_PL_SKF is present
 *
 * SA, KE, Nonce, IDi, IDr, AUTH, TSi, TSr, CP, EAP, SK and SKF may appear
 * once in a message (outer and inner chain together).
 */
struct ikev2_msg {
	struct ikev2_header hdr;
	uint32_t present;
	uint8_t unsupported_critical;
	uint8_t err_payload;
	unsigned int npl;
	uint8_t pl[IKEV2_MAX_PAYLOADS];
	struct ikev2_sa sa;
	struct ikev2_ke ke;
	struct ikev2_slice nonce;
	struct ikev2_id idi;
	struct ikev2_id idr;
	struct ikev2_auth auth;
	struct ikev2_ts_list tsi;
	struct ikev2_ts_list tsr;
	struct ikev2_cp cp;
	struct ikev2_slice eap;
	unsigned int nnotify;
	struct ikev2_notify notify[IKEV2_MAX_NOTIFIES];
	unsigned int ncert;
	struct ikev2_cert cert[IKEV2_MAX_CERTS];
	unsigned int ncertreq;
	struct ikev2_cert certreq[IKEV2_MAX_CERTS];
	unsigned int ndelete;
	struct ikev2_delete del[IKEV2_MAX_DELETES];
	unsigned int nvendor;
	struct ikev2_slice vendor[IKEV2_MAX_VENDORS];
	struct ikev2_sk sk;
	struct ikev2_skf skf;
};

/* the bit of payload type @t (SA to SKF) in ikev2_msg.present */
#define IKEV2_PL_BIT(t)		(1u << ((t) - IKEV2_PL_SA + 1))

/**
 * ikev2_msg_has() - whether a message holds a payload of a type
 * @m: the parsed message
 * @type: enum ikev2_payload_type, IKEV2_PL_SA to IKEV2_PL_SKF
 *
 * Return: true if a payload of @type was parsed.
 */
static inline bool ikev2_msg_has(const struct ikev2_msg *m, uint8_t type)
{
	return type >= IKEV2_PL_SA && type <= IKEV2_PL_SKF &&
	       (m->present & IKEV2_PL_BIT(type));
}

/**
 * ikev2_hdr_decode() - decode and check the IKE header of a datagram
 * @buf: the datagram, without the non-ESP marker
 * @len: its length in bytes
 * @h: filled with the header in host order whenever @len is at least
 *	IKEV2_HDR_LEN, also when it fails, so that an error can be answered
 *
 * Checks that @len is at least IKEV2_HDR_LEN and at most IKEV2_MSG_MAX,
 * that the length field equals @len, and that the major version is 2
 * (the minor version is ignored).
 *
 * Return: 0, -EBADMSG, or -EPROTONOSUPPORT for another major version.
 */
int ikev2_hdr_decode(const uint8_t *buf, size_t len, struct ikev2_header *h);

/**
 * ikev2_msg_parse() - parse a received message
 * @buf: the datagram, without the non-ESP marker
 * @len: its length in bytes
 * @m: zeroed, then filled; slices point into @buf
 *
 * Decodes the header with ikev2_hdr_decode() and walks the payload chain
 * from its next payload.  An SK or SKF payload must be the last one: the
 * walk stops there and records it in @m->sk or @m->skf; the caller opens
 * it and passes the plaintext to ikev2_msg_parse_inner().  Unknown payloads
 * without the critical bit are skipped.  Trailing bytes after the last
 * payload are an error.  After an error only @m->hdr (see
 * ikev2_hdr_decode()), @m->err_payload and @m->unsupported_critical are
 * meaningful.
 *
 * Return: 0, -EBADMSG, -EPROTONOSUPPORT, -EOPNOTSUPP or -E2BIG.
 */
int ikev2_msg_parse(const uint8_t *buf, size_t len, struct ikev2_msg *m);

/**
 * ikev2_msg_parse_inner() - parse the decrypted payloads of an SK payload
 * @m: the message as ikev2_msg_parse() left it (or zeroed, to parse a
 *	chain alone); payloads are added to it
 * @buf: the inner payload chain (the plaintext without padding and pad
 *	length), usually inside the datagram ikev2_msg_parse() read
 * @len: its length in bytes
 * @first: type of the first inner payload (ikev2_msg.sk.first)
 *
 * The chain must fill @buf exactly and may not hold another SK or SKF.
 * A payload already present in the outer chain counts as a duplicate.
 *
 * Return: 0, -EBADMSG, -EOPNOTSUPP or -E2BIG.
 */
int ikev2_msg_parse_inner(struct ikev2_msg *m, const uint8_t *buf,
			  size_t len, uint8_t first);

/**
 * ikev2_msg_notify() - find a notification
 * @m: the parsed message
 * @type: enum ikev2_notify_type
 *
 * Return: the first Notify payload of @type, or NULL.
 */
const struct ikev2_notify *ikev2_msg_notify(const struct ikev2_msg *m,
					    uint16_t type);

/**
 * struct ikev2_writer - a message being built in a caller's buffer
 * @buf: the buffer
 * @cap: its size in bytes
 * @len: bytes written so far, never more than @cap (a write that does not
 *	fit is dropped and sets @err)
 * @np: offset of the next-payload field the next payload will set
 * @sk_off: offset of the SK payload once begun, else 0
 * @iv_len: IV bytes reserved after the SK header
 * @err: 0, or the first error as a negative errno
 *
 * Builders never fail on their own: they record the first error in @err,
 * and ikev2_writer_finish() or ikev2_writer_sk_end() returns it.
 */
struct ikev2_writer {
	uint8_t *buf;
	size_t cap;
	size_t len;
	size_t np;
	size_t sk_off;
	size_t iv_len;
	int err;
};

/**
 * ikev2_writer_init() - start a message with its IKE header
 * @w: the writer
 * @buf: the buffer the message is built in
 * @cap: its size in bytes, usually IKEV2_MSG_MAX
 * @h: SPIs, exchange, flags and message ID to write; the version is
 *	always IKEV2_VERSION, next payload and length are set as the
 *	message is built (@h's are ignored)
 */
void ikev2_writer_init(struct ikev2_writer *w, uint8_t *buf, size_t cap,
		       const struct ikev2_header *h);

/**
 * ikev2_writer_finish() - end a message without an SK payload
 * @w: the writer
 *
 * Sets the length in the IKE header.
 *
 * Return: the length of the message in bytes, or a negative errno:
 * -EMSGSIZE when it did not fit, -EINVAL after bad builder arguments or
 * when an SK payload was begun (use ikev2_writer_sk_end()).
 */
int ikev2_writer_finish(struct ikev2_writer *w);

/**
 * ikev2_put_sk() - begin the SK payload; what follows is encrypted
 * @w: the writer
 * @iv_len: IV bytes to reserve after the SK generic header
 *
 * Writes the SK generic header and reserves @iv_len bytes.  The next
 * payload put becomes the SK header's next payload (§3.14), and so on
 * along the inner chain.  Nothing can follow the SK payload in the outer
 * chain.
 */
void ikev2_put_sk(struct ikev2_writer *w, size_t iv_len);

/**
 * ikev2_writer_sk_end() - end the inner chain, ready for crypto_sk_seal()
 * @w: the writer
 * @sk_off: set to the offset of the SK generic header in @w->buf
 * @plain_len: set to the bytes of inner payloads after the IV
 *
 * Then crypto_sk_seal(sk, w->buf, *sk_off, *plain_len, w->cap, &msg_len)
 * pads, encrypts, sets the SK payload and message lengths and appends the
 * ICV: the sealed message is its @msg_len bytes of @w->buf.  Until then
 * the lengths in @w->buf cover the plaintext.
 *
 * Return: 0, or a negative errno as ikev2_writer_finish(); -EINVAL if no
 * SK payload was begun.
 */
int ikev2_writer_sk_end(struct ikev2_writer *w, size_t *sk_off,
			size_t *plain_len);

/**
 * ikev2_put_sa() - append an SA payload
 * @w: the writer
 * @prop: proposals; a responder passes the one it chose (its number kept)
 * @n: number of proposals, 1 to IKEV2_MAX_PROPOSALS
 *
 * Writes each transform with a Key Length attribute when its keylen is
 * not 0; the unusable flag is ignored.
 */
void ikev2_put_sa(struct ikev2_writer *w, const struct ikev2_proposal *prop,
		  unsigned int n);

/**
 * ikev2_put_ke() - append a KE payload
 * @w: the writer
 * @group: enum ikev2_dh
 * @data: the public value
 * @len: its length in bytes
 */
void ikev2_put_ke(struct ikev2_writer *w, uint16_t group,
		  const uint8_t *data, size_t len);

/**
 * ikev2_put_nonce() - append a Nonce payload
 * @w: the writer
 * @data: the nonce
 * @len: its length, IKEV2_NONCE_MIN to IKEV2_NONCE_MAX bytes
 */
void ikev2_put_nonce(struct ikev2_writer *w, const uint8_t *data, size_t len);

/**
 * ikev2_put_notify() - append a Notify payload
 * @w: the writer
 * @proto: enum ikev2_proto, 0 without an SPI
 * @spi: the SPI, NULL if @spi_len is 0
 * @spi_len: its length in bytes, at most 255
 * @type: enum ikev2_notify_type
 * @data: notification data, NULL if @len is 0
 * @len: its length in bytes
 */
void ikev2_put_notify(struct ikev2_writer *w, uint8_t proto,
		      const uint8_t *spi, size_t spi_len, uint16_t type,
		      const uint8_t *data, size_t len);

/**
 * ikev2_put_id() - append an IDi or IDr payload
 * @w: the writer
 * @pl_type: IKEV2_PL_IDI or IKEV2_PL_IDR
 * @id_type: enum ikev2_id_type
 * @data: the identification data
 * @len: its length in bytes
 */
void ikev2_put_id(struct ikev2_writer *w, uint8_t pl_type, uint8_t id_type,
		  const uint8_t *data, size_t len);

/**
 * ikev2_put_auth() - append an AUTH payload
 * @w: the writer
 * @method: enum ikev2_auth_method
 * @data: the authentication data
 * @len: its length in bytes
 */
void ikev2_put_auth(struct ikev2_writer *w, uint8_t method,
		    const uint8_t *data, size_t len);

/**
 * ikev2_put_cert() - append a CERT or CERTREQ payload
 * @w: the writer
 * @pl_type: IKEV2_PL_CERT or IKEV2_PL_CERTREQ
 * @encoding: certificate encoding, e.g. IKEV2_CERT_X509_SIGNATURE
 * @data: certificate, or concatenated SHA-1 hashes of CA public keys
 * @len: its length in bytes
 */
void ikev2_put_cert(struct ikev2_writer *w, uint8_t pl_type,
		    uint8_t encoding, const uint8_t *data, size_t len);

/**
 * ikev2_put_ts() - append a TSi or TSr payload
 * @w: the writer
 * @pl_type: IKEV2_PL_TSI or IKEV2_PL_TSR
 * @ts: selectors of type IKEV2_TS_IPV4_ADDR_RANGE or _IPV6_ADDR_RANGE
 * @n: number of selectors, 1 to 255
 */
void ikev2_put_ts(struct ikev2_writer *w, uint8_t pl_type,
		  const struct ikev2_ts *ts, unsigned int n);

/**
 * ikev2_put_cp() - append a CP payload
 * @w: the writer
 * @cfg_type: enum ikev2_cfg_type
 * @attr: attributes; types up to 0x7fff, values may be empty
 * @n: number of attributes
 */
void ikev2_put_cp(struct ikev2_writer *w, uint8_t cfg_type,
		  const struct ikev2_cp_attr *attr, unsigned int n);

/**
 * ikev2_put_delete() - append a Delete payload
 * @w: the writer
 * @proto: enum ikev2_proto
 * @spi_size: bytes per SPI: 0 for IKE, IKEV2_CHILD_SPI_SIZE for ESP/AH
 * @nspi: number of SPIs (0 for IKE)
 * @spis: @nspi SPIs of @spi_size bytes each, in network order
 */
void ikev2_put_delete(struct ikev2_writer *w, uint8_t proto, uint8_t spi_size,
		      uint16_t nspi, const uint8_t *spis);

/**
 * ikev2_put_vendor() - append a Vendor ID payload
 * @w: the writer
 * @data: the vendor ID
 * @len: its length in bytes
 */
void ikev2_put_vendor(struct ikev2_writer *w, const uint8_t *data, size_t len);

/**
 * ikev2_put_eap() - append an EAP payload
 * @w: the writer
 * @data: the whole EAP message
 * @len: its length in bytes
 */
void ikev2_put_eap(struct ikev2_writer *w, const uint8_t *data, size_t len);

/**
 * ikev2_put_parsed() - append the payloads of a parsed message again
 * @w: the writer
 * @m: a message parsed by ikev2_msg_parse() and ikev2_msg_parse_inner()
 *
 * Puts every payload listed in @m->pl in that order.  An SK payload is
 * begun with no IV bytes (its ciphertext is not kept), an SKF payload is
 * not rebuilt (-EINVAL), and unusable transforms are written without
 * their unknown attributes.  For tests, fuzzing and logging round trips.
 */
void ikev2_put_parsed(struct ikev2_writer *w, const struct ikev2_msg *m);

/*
 * Names for logs.  Each returns a static string, or for a number without a
 * name the number in decimal, in a thread-local buffer that stays valid
 * for the next three calls of any of them (enough for one log line).
 */

/**
 * ikev2_exchange_name() - name of an enum ikev2_exchange
 * @exchange: the number
 *
 * Return: the name, e.g. "IKE_AUTH".
 */
const char *ikev2_exchange_name(int exchange);

/**
 * ikev2_payload_name() - name of an enum ikev2_payload_type
 * @type: the number
 *
 * Return: the name, e.g. "SA" or "N" (IANA's notation).
 */
const char *ikev2_payload_name(int type);

/**
 * ikev2_notify_name() - name of an enum ikev2_notify_type
 * @type: the number
 *
 * Return: the name, e.g. "NO_PROPOSAL_CHOSEN".
 */
const char *ikev2_notify_name(int type);

/**
 * ikev2_proto_name() - name of an enum ikev2_proto
 * @proto: the number
 *
 * Return: the name, e.g. "ESP".
 */
const char *ikev2_proto_name(int proto);

/**
 * ikev2_transform_type_name() - name of an enum ikev2_transform_type
 * @type: the number
 *
 * Return: the name, e.g. "ENCR".
 */
const char *ikev2_transform_type_name(int type);

/**
 * ikev2_transform_name() - name of a transform ID
 * @type: enum ikev2_transform_type
 * @id: the transform ID: enum ikev2_encr, ikev2_prf, ikev2_integ,
 *	ikev2_dh or ikev2_esn by @type
 *
 * Return: e.g. "AES_GCM_16", "PRF_HMAC_SHA2_256", "ECP_256"; the key
 * length is not part of it.
 */
const char *ikev2_transform_name(int type, int id);

/**
 * ikev2_id_type_name() - name of an enum ikev2_id_type
 * @type: the number
 *
 * Return: the name, e.g. "FQDN".
 */
const char *ikev2_id_type_name(int type);

/**
 * ikev2_auth_method_name() - name of an enum ikev2_auth_method
 * @method: the number
 *
 * Return: the name, e.g. "SHARED_KEY_MIC".
 */
const char *ikev2_auth_method_name(int method);

/**
 * ikev2_cfg_attr_name() - name of an enum ikev2_cfg_attr
 * @type: the number
 *
 * Return: the name, e.g. "INTERNAL_IP4_ADDRESS".
 */
const char *ikev2_cfg_attr_name(int type);

#endif /* FLEXVTI_IKEV2_PLD_H */
