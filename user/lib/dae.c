// SPDX-License-Identifier: GPL-2.0-only
/*
 * The dynamic-authorization server's wire side (RFC 5176): a Disconnect-
 * or CoA-Request checked and decoded into struct dae_request, and the ACK
 * or NAK that answers it.  The duplicate cache is in dae_cache.c.  The
 * decisions this file takes (which attribute is refused with which
 * Error-Cause) are listed in Documentation/userspace/flexvtid.rst,
 * "Dynamic authorization".
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dae.h"
#include "radius_authz.h"
#include "util.h"

#define DAE_MA_ATTR_LEN		(2 + RADIUS_AUTH_LEN)
#define DAE_MTU_MIN		576	/* as the template's "ip mtu" */
#define DAE_MTU_MAX		9000
#define DAE_AVPAIR_MAX		247	/* 255 - VSA and Cisco headers */

static __printf(3, 4) enum dae_result
dae_drop(struct dae_request *req, enum dae_result res, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(req->why, sizeof(req->why), fmt, ap);
	va_end(ap);
	return res;
}

/*
 * A NAK with @cause: the first one found wins, later ones are ignored so
 * that the walk can go on to the Event-Timestamp.  Returns @cause.
 */
static __printf(3, 4) unsigned int
dae_nak(struct dae_request *req, unsigned int cause, const char *fmt, ...)
{
	va_list ap;

	if (req->error_cause)
		return cause;
	req->error_cause = cause;
	va_start(ap, fmt);
	vsnprintf(req->why, sizeof(req->why), fmt, ap);
	va_end(ap);
	return cause;
}

/* a single-valued attribute seen a second time: 404 */
static unsigned int dae_once(struct dae_request *req, uint32_t bit,
			     const char *name)
{
	if (req->present & bit)
		return dae_nak(req, DAE_EC_INVALID_REQUEST,
			       "%s: more than one", name);
	req->present |= bit;
	return 0;
}

/* a text attribute (RFC 2865 §5: 1-253 bytes) into @out, NUL-terminated */
static unsigned int dae_text(struct dae_request *req, uint32_t bit,
			     char *out, const uint8_t *val, size_t len,
			     const char *name)
{
	if (dae_once(req, bit, name))
		return req->error_cause;
	if (!len || memchr(val, '\0', len))
		return dae_nak(req, DAE_EC_INVALID_REQUEST,
			       "%s: not text", name);
	memcpy(out, val, len);
	out[len] = '\0';
	return 0;
}

static unsigned int dae_u32(struct dae_request *req, uint32_t bit,
			    uint32_t *out, const uint8_t *val, size_t len,
			    const char *name)
{
	if (dae_once(req, bit, name))
		return req->error_cause;
	if (len != 4)
		return dae_nak(req, DAE_EC_INVALID_REQUEST,
			       "%s: length %zu, not 4", name, len);
	*out = (uint32_t)val[0] << 24 | val[1] << 16 | val[2] << 8 | val[3];
	return 0;
}

static unsigned int dae_bytes(struct dae_request *req, uint32_t bit,
			      void *out, size_t want, const uint8_t *val,
			      size_t len, const char *name)
{
	if (dae_once(req, bit, name))
		return req->error_cause;
	if (len != want)
		return dae_nak(req, DAE_EC_INVALID_REQUEST,
			       "%s: length %zu, not %zu", name, len, want);
	memcpy(out, val, len);
	return 0;
}

/* RFC 5176 §3: a Disconnect-Request carries no authorization change */
static unsigned int dae_change(struct dae_request *req, const char *name)
{
	if (req->code == RADIUS_DISCONNECT_REQUEST)
		return dae_nak(req, DAE_EC_UNSUPPORTED_ATTRIBUTE,
			       "%s in a Disconnect-Request", name);
	return 0;
}

/* a name given and not applied, for the log */
static void dae_note(struct dae_request *req, const char *what,
		     const char *v, size_t len)
{
	size_t n = strlen(req->note);

	snprintf(req->note + n, sizeof(req->note) - n, "%s%s %.*s",
		 n ? ", " : "", what, (int)len, v);
}

/*
 * A name for the field @bit, 1-DAE_NAME_MAX bytes without blanks, from
 * an "ip:interface-config" line (@iface) or a session pair.  Two
 * different names from the same kind of source are refused; a session
 * pair's takes precedence over an interface line's, which is noted.
 */
static unsigned int dae_name(struct dae_request *req, uint32_t bit,
			     char *field, const char *v, size_t len,
			     const char *name, bool iface)
{
	bool had = req->present & bit, had_iface = req->from_iface & bit;
	bool same = had && strlen(field) == len && !memcmp(field, v, len);

	if (dae_change(req, name))
		return req->error_cause;
	if (!len || len > DAE_NAME_MAX || memchr(v, ' ', len) ||
	    memchr(v, '\t', len) || memchr(v, '\0', len))
		return dae_nak(req, DAE_EC_INVALID_REQUEST,
			       "%s: bad name '%.*s'", name, (int)len, v);
	if (had && iface && !had_iface) {
		if (!same)
			dae_note(req, name, v, len);
		return 0;
	}
	if (had && iface == had_iface && !same)
		return dae_nak(req, DAE_EC_INVALID_REQUEST,
			       "%s: '%s' and '%.*s' in one request", name,
			       field, (int)len, v);
	if (had && had_iface && !iface && !same)
		dae_note(req, "ip:interface-config", field, strlen(field));
	memcpy(field, v, len);
	field[len] = '\0';
	req->present |= bit;
	if (iface)
		req->from_iface |= bit;
	else
		req->from_iface &= ~bit;
	return 0;
}

static unsigned int dae_mtu(struct dae_request *req, const char *s)
{
	const char *name = "ip:interface-config=ip mtu";
	unsigned long v = 0;
	const char *p;

	if (dae_change(req, name))
		return req->error_cause;
	for (p = s; *p >= '0' && *p <= '9' && v <= DAE_MTU_MAX; p++)
		v = v * 10 + (*p - '0');
	if (p == s || *p)
		return dae_nak(req, DAE_EC_INVALID_REQUEST,
			       "%s %s: not a number", name, s);
	if (v < DAE_MTU_MIN || v > DAE_MTU_MAX)
		return dae_nak(req, DAE_EC_INVALID_VALUE,
			       "%s %s: out of range %d-%d", name, s,
			       DAE_MTU_MIN, DAE_MTU_MAX);
	if ((req->present & DAE_F_MTU) && req->mtu != v)
		return dae_nak(req, DAE_EC_INVALID_REQUEST,
			       "%s: %u and %lu in one request", name,
			       req->mtu, v);
	req->mtu = v;
	req->present |= DAE_F_MTU;
	req->from_iface |= DAE_F_MTU;
	return 0;
}

/*
 * "ip:interface-config=LINE": the IOS interface commands of the
 * whitelist (radius_iface_config()); any other line is unsupported.
 */
static unsigned int dae_iface_config(struct dae_request *req, const char *v)
{
	static const uint32_t acl_bit[ACL_NDIRS] = { DAE_F_ACL_IN,
						     DAE_F_ACL_OUT };
	static const uint32_t qos_bit[ACL_NDIRS] = { DAE_F_QOS_IN,
						     DAE_F_QOS_OUT };
	struct radius_iface_line l;

	switch (radius_iface_config(v, &l)) {
	case RADIUS_IFACE_ACL:
		return dae_name(req, acl_bit[l.dir], l.dir == ACL_DIR_IN ?
				req->acl_in : req->acl_out, l.arg,
				strlen(l.arg), "ip:interface-config", true);
	case RADIUS_IFACE_QOS:
		return dae_name(req, qos_bit[l.dir], l.dir == ACL_DIR_IN ?
				req->qos_in : req->qos_out, l.arg,
				strlen(l.arg), "ip:interface-config", true);
	case RADIUS_IFACE_MTU:
		return dae_mtu(req, l.arg);
	default:
		return dae_nak(req, DAE_EC_UNSUPPORTED_ATTRIBUTE,
			       "ip:interface-config=%s is not supported", v);
	}
}

/* the "ip:" and "ipsec:" pairs of CoA (FlexVPN guide, CoA chapter) */
static unsigned int dae_policy_pair(struct dae_request *req,
				    const char *proto, const char *key,
				    const char *v)
{
	size_t n = strlen(v);
	bool ip = !strcasecmp(proto, "ip");

	if (ip && !strcasecmp(key, "interface-config"))
		return dae_iface_config(req, v);
	if (ip && (!strcasecmp(key, "sub-qos-policy-in") ||
		   !strcasecmp(key, "sub-policy-in")))
		return dae_name(req, DAE_F_QOS_IN, req->qos_in, v, n,
				"ip:sub-qos-policy-in", false);
	if (ip && (!strcasecmp(key, "sub-qos-policy-out") ||
		   !strcasecmp(key, "sub-policy-out")))
		return dae_name(req, DAE_F_QOS_OUT, req->qos_out, v, n,
				"ip:sub-qos-policy-out", false);
	if (!strcasecmp(proto, "ipsec") && !strcasecmp(key, "inacl"))
		return dae_name(req, DAE_F_ACL_IN, req->acl_in, v, n,
				"ipsec:inacl", false);
	if (!strcasecmp(proto, "ipsec") && !strcasecmp(key, "outacl"))
		return dae_name(req, DAE_F_ACL_OUT, req->acl_out, v, n,
				"ipsec:outacl", false);
	return dae_nak(req, DAE_EC_UNSUPPORTED_ATTRIBUTE,
		       "Cisco-AVPair %s:%s is not supported", proto, key);
}

/* trailing blanks of @s removed */
static void dae_rtrim(char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
}

/*
 * A Cisco-AVPair, "[protocol:]key=value" ('*' for '=' too): the
 * audit-session-id (without protocol) or a policy pair.  Keys and
 * protocols in any case, blanks after the ':' and around a name
 * ignored.
 */
static unsigned int dae_avpair(struct dae_request *req, const uint8_t *val,
			       size_t len)
{
	char buf[DAE_AVPAIR_MAX + 1], *sep, *colon, *key, *v;

	if (!len || len > DAE_AVPAIR_MAX || memchr(val, '\0', len))
		return dae_nak(req, DAE_EC_INVALID_REQUEST,
			       "Cisco-AVPair: not text");
	memcpy(buf, val, len);
	buf[len] = '\0';
	sep = strpbrk(buf, "=*");
	if (!sep)
		return dae_nak(req, DAE_EC_UNSUPPORTED_ATTRIBUTE,
			       "Cisco-AVPair '%s' is not supported", buf);
	*sep = '\0';
	v = sep + 1;
	colon = strchr(buf, ':');
	if (!colon) {
		if (strcasecmp(buf, "audit-session-id"))
			return dae_nak(req, DAE_EC_UNSUPPORTED_ATTRIBUTE,
				       "Cisco-AVPair %s is not supported",
				       buf);
		return dae_text(req, DAE_F_AUDIT_ID, req->audit_id,
				(const uint8_t *)v, strlen(v),
				"audit-session-id");
	}
	*colon = '\0';
	key = colon + 1 + strspn(colon + 1, " \t");
	dae_rtrim(key);
	v += strspn(v, " \t");
	dae_rtrim(v);
	return dae_policy_pair(req, buf, key, v);
}

/* Vendor-Specific (RFC 2865 §5.26): Cisco's AV pairs only */
static unsigned int dae_vsa(struct dae_request *req, const uint8_t *val,
			    size_t len)
{
	uint32_t vendor;
	size_t off;

	if (len < 4)
		return dae_nak(req, DAE_EC_INVALID_REQUEST,
			       "Vendor-Specific: length %zu", len);
	vendor = (uint32_t)val[0] << 24 | val[1] << 16 | val[2] << 8 | val[3];
	if (vendor != RADIUS_VENDOR_CISCO)
		return dae_nak(req, DAE_EC_UNSUPPORTED_ATTRIBUTE,
			       "Vendor-Specific of vendor %u", vendor);
	if (len == 4)
		return dae_nak(req, DAE_EC_INVALID_REQUEST,
			       "Vendor-Specific: empty");
	for (off = 4; off < len; off += val[off + 1]) {
		if (len - off < 2 || val[off + 1] < 2 ||
		    val[off + 1] > len - off)
			return dae_nak(req, DAE_EC_INVALID_REQUEST,
				       "Vendor-Specific: bad framing");
		if (val[off] != RADIUS_CISCO_AVPAIR)
			return dae_nak(req, DAE_EC_UNSUPPORTED_ATTRIBUTE,
				       "Cisco attribute %u", val[off]);
		if (dae_avpair(req, val + off + 2, val[off + 1] - 2))
			return req->error_cause;
	}
	return 0;
}

/* Service-Type: no value is supported (Authorize Only: RFC 5176 §3.2) */
static unsigned int dae_service_type(struct dae_request *req,
				     const uint8_t *val, size_t len)
{
	if (dae_u32(req, DAE_F_SERVICE_TYPE, &req->service_type, val, len,
		    "Service-Type"))
		return req->error_cause;
	if (req->service_type == DAE_SERVICE_AUTHORIZE_ONLY)
		return dae_nak(req, DAE_EC_UNSUPPORTED_SERVICE,
			       "Service-Type Authorize-Only");
	return dae_nak(req, DAE_EC_INVALID_VALUE, "Service-Type %u",
		       req->service_type);
}

static unsigned int dae_filter_id(struct dae_request *req,
				  const uint8_t *val, size_t len)
{
	return dae_name(req, DAE_F_ACL_IN, req->acl_in, (const char *)val,
			len, "Filter-Id", false);
}

static unsigned int dae_session_timeout(struct dae_request *req,
					const uint8_t *val, size_t len)
{
	if (dae_change(req, "Session-Timeout"))
		return req->error_cause;
	return dae_u32(req, DAE_F_SESSION_TIMEOUT, &req->session_timeout, val,
		       len, "Session-Timeout");
}

static unsigned int dae_state(struct dae_request *req, const uint8_t *val,
			      size_t len)
{
	if (dae_once(req, DAE_F_STATE, "State"))
		return req->error_cause;
	memcpy(req->state, val, len);
	req->state_len = len;
	return 0;
}

/* the attribute at @a (type, length, value): decoded, or a NAK cause */
static unsigned int dae_attr(struct dae_request *req, const uint8_t *a)
{
	const uint8_t *val = a + 2;
	size_t len = a[1] - 2;

	switch (a[0]) {
	case PW_USER_NAME:
		return dae_text(req, DAE_F_USER_NAME, req->user_name, val,
				len, "User-Name");
	case PW_NAS_IP_ADDRESS:
		return dae_bytes(req, DAE_F_NAS_IP, &req->nas_ip, 4, val, len,
				 "NAS-IP-Address");
	case PW_SERVICE_TYPE:
		return dae_service_type(req, val, len);
	case PW_FRAMED_IP_ADDRESS:
		return dae_bytes(req, DAE_F_FRAMED_IP, &req->framed_ip, 4, val,
				 len, "Framed-IP-Address");
	case PW_FILTER_ID:
		return dae_filter_id(req, val, len);
	case PW_STATE:
		return dae_state(req, val, len);
	case RADIUS_ATTR_VENDOR_SPECIFIC:
		return dae_vsa(req, val, len);
	case PW_SESSION_TIMEOUT:
		return dae_session_timeout(req, val, len);
	case PW_CALLING_STATION_ID:
		return dae_text(req, DAE_F_CALLING_STATION,
				req->calling_station, val, len,
				"Calling-Station-Id");
	case PW_NAS_IDENTIFIER:
		return dae_text(req, DAE_F_NAS_ID, req->nas_id, val, len,
				"NAS-Identifier");
	case PW_PROXY_STATE:
		memcpy(req->proxy_state + req->proxy_state_len, a, a[1]);
		req->proxy_state_len += a[1];
		return 0;
	case PW_ACCT_SESSION_ID:
		return dae_text(req, DAE_F_ACCT_SESSION_ID,
				req->acct_session_id, val, len,
				"Acct-Session-Id");
	case PW_EVENT_TIMESTAMP:
		return dae_u32(req, DAE_F_EVENT_TIMESTAMP,
			       &req->event_timestamp, val, len,
			       "Event-Timestamp");
	case RADIUS_ATTR_MESSAGE_AUTHENTICATOR:
		req->present |= DAE_F_MA;	/* radius_check() verified it */
		return 0;
	case PW_NAS_IPV6_ADDRESS:
		return dae_bytes(req, DAE_F_NAS_IPV6, &req->nas_ipv6, 16, val,
				 len, "NAS-IPv6-Address");
	default:
		return dae_nak(req, DAE_EC_UNSUPPORTED_ATTRIBUTE,
			       "attribute %u is not supported", a[0]);
	}
}

/* every attribute of the checked packet, even after the first NAK cause */
static void dae_walk(struct dae_request *req, const uint8_t *buf, size_t len)
{
	size_t off;

	for (off = RADIUS_HDR_LEN; off < len; off += buf[off + 1])
		dae_attr(req, buf + off);
}

/* RFC 5176 §3.5: a request outside the window is silently discarded */
static bool dae_timestamp_ok(const struct dae_request *req,
			     const struct dae_policy *policy)
{
	int64_t d = policy->now - (int64_t)req->event_timestamp;

	if (!policy->ts_window || !(req->present & DAE_F_EVENT_TIMESTAMP))
		return true;
	return d <= (int64_t)policy->ts_window &&
	       -d <= (int64_t)policy->ts_window;
}

static enum dae_result dae_check_err(enum radius_err err)
{
	switch (err) {
	case RADIUS_ERR_AUTHENTICATOR:
		return DAE_DROP_AUTHENTICATOR;
	case RADIUS_ERR_MA_MISSING:
		return DAE_DROP_MA_MISSING;
	case RADIUS_ERR_MA:
		return DAE_DROP_MA;
	default:
		return DAE_DROP_MALFORMED;
	}
}

/**
 * dae_parse - check and decode a Disconnect- or CoA-Request
 * @buf: the datagram
 * @len: its bytes; those past its Length field are ignored
 * @secret: the shared secret of the client it came from
 * @policy: the checks to make: Message-Authenticator required or not,
 *	the Event-Timestamp window and the time
 * @req: filled in (zeroed first)
 *
 * Drops, in this order: shorter than a header or malformed (the Length
 * field, attributes that do not fill the packet exactly, a second or
 * malformed Message-Authenticator: DAE_DROP_MALFORMED); a code other than
 * 40 or 43 (DAE_DROP_CODE); a wrong Request Authenticator, MD5(Code,
 * Identifier, Length, 16 zero octets, Attributes, Secret) (RFC 5176
 * §3.5: DAE_DROP_AUTHENTICATOR); no Message-Authenticator when
 * @policy->require_ma (DAE_DROP_MA_MISSING); a wrong one, whenever there
 * is one (RFC 3579 §3.2, HMAC-MD5 over the packet with a zero
 * authenticator: DAE_DROP_MA); an Event-Timestamp more than
 * @policy->ts_window seconds off @policy->now (DAE_DROP_TIMESTAMP).
 *
 * An authentic request is then refused (DAE_NAK, @req->error_cause and
 * @req->why set) for the first of: an attribute other than the session
 * and NAS identifiers, the changes of struct dae_request, State,
 * Proxy-State and Message-Authenticator, or a Cisco-AVPair other than the
 * audit-session-id and the FlexVPN CoA pairs, or an interface-config line
 * outside the whitelist, or any change in a Disconnect-Request (401,
 * RFC 5176 §3); a malformed value, a single-valued attribute given twice,
 * two names for one policy (404); a Service-Type (405 for Authorize Only,
 * 407 for another value); an "ip mtu" out of 576-9000 (407); no session
 * identifier at all (402).  A CoA-Request without any change is not
 * refused.
 *
 * Return: DAE_OK, DAE_NAK or the drop reason; @req->why says why.  With
 * DAE_DROP_TIMESTAMP the request was authentic and is decoded (a
 * retransmission of a request answered may be answered from the cache).
 */
enum dae_result dae_parse(const uint8_t *buf, size_t len, const char *secret,
			  const struct dae_policy *policy,
			  struct dae_request *req)
{
	enum radius_err err;
	size_t plen;

	memset(req, 0, sizeof(*req));
	if (len < RADIUS_HDR_LEN)
		return dae_drop(req, DAE_DROP_MALFORMED, "%zu bytes", len);
	if (buf[0] != RADIUS_DISCONNECT_REQUEST &&
	    buf[0] != RADIUS_COA_REQUEST)
		return dae_drop(req, DAE_DROP_CODE, "code %u", buf[0]);
	err = radius_check(buf, len, NULL, secret, policy->require_ma);
	if (err)
		return dae_drop(req, dae_check_err(err), "%s",
				radius_err_name(err));
	req->code = buf[0];
	req->id = buf[1];
	memcpy(req->auth, buf + 4, RADIUS_AUTH_LEN);
	plen = (size_t)buf[2] << 8 | buf[3];
	dae_walk(req, buf, plen);
	if (!dae_timestamp_ok(req, policy))
		return dae_drop(req, DAE_DROP_TIMESTAMP,
				"Event-Timestamp %u is %lld s off",
				req->event_timestamp,
				(long long)(policy->now -
					    (int64_t)req->event_timestamp));
	if (!req->error_cause && !(req->present & DAE_F_SESSION_KEYS))
		dae_nak(req, DAE_EC_MISSING_ATTRIBUTE,
			"no session identifier");
	return req->error_cause ? DAE_NAK : DAE_OK;
}

static void dae_put(struct radius_pkt *pkt, uint8_t type, const void *val,
		    size_t len)
{
	pkt->data[pkt->len] = type;
	pkt->data[pkt->len + 1] = len + 2;
	memcpy(pkt->data + pkt->len + 2, val, len);
	pkt->len += len + 2;
}

/* an Error-Cause an ACK (2xx, or none) or a NAK (4xx, 5xx) may carry */
static bool dae_cause_fits(bool ack, unsigned int cause)
{
	if (ack)
		return !cause || (cause >= 200 && cause < 300);
	return cause >= 400 && cause < 600;
}

/**
 * dae_reply - build the ACK or NAK of a request
 * @pkt: where it goes
 * @req: the request, as dae_parse() decoded it (DAE_OK or DAE_NAK)
 * @ack: Disconnect-ACK (41) or CoA-ACK (44); else Disconnect-NAK (42) or
 *	CoA-NAK (45)
 * @error_cause: the Error-Cause (RFC 5176 §3.5): for an ACK 0 (none) or a
 *	2xx value, for a NAK a 4xx or 5xx value
 * @reply_message: a Reply-Message (RFC 2865 §5.18), 1-253 bytes of
 *	text ("No Matching Session"); NULL or "" for none
 * @secret: the client's shared secret
 *
 * The attributes, in this order: Message-Authenticator (always, first,
 * as the BlastRADIUS advice has it), Reply-Message, Error-Cause, then the
 * request's Proxy-State attributes unchanged and in order (RFC 5176
 * §3.2).  The Response Authenticator is MD5(Code, Identifier, Length,
 * Request Authenticator, Attributes, Secret) (RFC 5176 §3.5, RFC 2865
 * §3), the Message-Authenticator an HMAC-MD5 with the Request
 * Authenticator in its field (RFC 3579 §3.2).
 *
 * Return: 0; -EINVAL for a request that is neither a Disconnect- nor a
 * CoA-Request, an Error-Cause the reply may not carry, a Reply-Message
 * longer than 253 bytes; -EMSGSIZE when the Proxy-States make it longer
 * than 4096 bytes; -ENOMEM or -EIO when libcrypto fails.
 */
int dae_reply(struct radius_pkt *pkt, const struct dae_request *req,
	      bool ack, unsigned int error_cause, const char *reply_message,
	      const char *secret)
{
	size_t msg = reply_message ? strlen(reply_message) : 0;
	uint8_t zero[RADIUS_AUTH_LEN] = { 0 }, ec[4];

	if ((req->code != RADIUS_DISCONNECT_REQUEST &&
	     req->code != RADIUS_COA_REQUEST) ||
	    !dae_cause_fits(ack, error_cause) || msg > DAE_TEXT_MAX)
		return -EINVAL;
	if (RADIUS_HDR_LEN + DAE_MA_ATTR_LEN + (msg ? msg + 2 : 0) +
	    (error_cause ? 6 : 0) + req->proxy_state_len > RADIUS_MAX_LEN)
		return -EMSGSIZE;
	pkt->data[0] = req->code + (ack ? 1 : 2);
	pkt->data[1] = req->id;
	pkt->len = RADIUS_HDR_LEN;
	dae_put(pkt, RADIUS_ATTR_MESSAGE_AUTHENTICATOR, zero, sizeof(zero));
	if (msg)
		dae_put(pkt, PW_REPLY_MESSAGE, reply_message, msg);
	if (error_cause) {
		ec[0] = error_cause >> 24;
		ec[1] = error_cause >> 16;
		ec[2] = error_cause >> 8;
		ec[3] = error_cause;
		dae_put(pkt, PW_ERROR_CAUSE, ec, sizeof(ec));
	}
	memcpy(pkt->data + pkt->len, req->proxy_state, req->proxy_state_len);
	pkt->len += req->proxy_state_len;
	return radius_finish(pkt, req->auth, RADIUS_HDR_LEN + 2, secret);
}

static const char *const dae_result_names[DAE_NRESULTS] = {
	[DAE_OK] = "ok",
	[DAE_NAK] = "nak",
	[DAE_DROP_MALFORMED] = "drop-malformed",
	[DAE_DROP_CODE] = "drop-bad-code",
	[DAE_DROP_AUTHENTICATOR] = "drop-bad-authenticator",
	[DAE_DROP_MA_MISSING] = "drop-no-message-authenticator",
	[DAE_DROP_MA] = "drop-bad-message-authenticator",
	[DAE_DROP_TIMESTAMP] = "drop-event-timestamp",
	[DAE_DROP_UNKNOWN_CLIENT] = "drop-unknown-client",
	[DAE_DROP_BUSY] = "drop-busy",
};

/**
 * dae_result_is_drop - whether a request with this result gets no reply
 * @res: what dae_parse() (or the daemon) decided
 *
 * Return: true for the DAE_DROP_* values.
 */
bool dae_result_is_drop(enum dae_result res)
{
	return res >= DAE_DROP_MALFORMED && res < DAE_NRESULTS;
}

/**
 * dae_result_name - a result's name, as counters and logs show it
 * @res: the result
 *
 * Return: a static string ("drop-bad-authenticator"), "?" out of range.
 */
const char *dae_result_name(enum dae_result res)
{
	return res < DAE_NRESULTS ? dae_result_names[res] : "?";
}

/* RFC 5176 §3.5, in the order of dae_error_cause_index() */
static const struct {
	unsigned int value;
	const char *name;
} dae_causes[DAE_NCAUSES] = {
	{ DAE_EC_RESIDUAL_REMOVED, "Residual Session Context Removed" },
	{ DAE_EC_INVALID_EAP, "Invalid EAP Packet (Ignored)" },
	{ DAE_EC_UNSUPPORTED_ATTRIBUTE, "Unsupported Attribute" },
	{ DAE_EC_MISSING_ATTRIBUTE, "Missing Attribute" },
	{ DAE_EC_NAS_MISMATCH, "NAS Identification Mismatch" },
	{ DAE_EC_INVALID_REQUEST, "Invalid Request" },
	{ DAE_EC_UNSUPPORTED_SERVICE, "Unsupported Service" },
	{ DAE_EC_UNSUPPORTED_EXTENSION, "Unsupported Extension" },
	{ DAE_EC_INVALID_VALUE, "Invalid Attribute Value" },
	{ DAE_EC_PROHIBITED, "Administratively Prohibited" },
	{ DAE_EC_NOT_ROUTABLE, "Request Not Routable (Proxy)" },
	{ DAE_EC_SESSION_NOT_FOUND, "Session Context Not Found" },
	{ DAE_EC_NOT_REMOVABLE, "Session Context Not Removable" },
	{ DAE_EC_PROXY_ERROR, "Other Proxy Processing Error" },
	{ DAE_EC_RESOURCES, "Resources Unavailable" },
	{ DAE_EC_REQUEST_INITIATED, "Request Initiated" },
	{ DAE_EC_MULTIPLE_SESSIONS, "Multiple Session Selection Unsupported" },
};

/**
 * dae_error_cause_index - an Error-Cause's index, for per-cause counters
 * @cause: an Error-Cause value (RFC 5176 §3.5)
 *
 * Return: 0 to DAE_NCAUSES - 1, in increasing order of value; -1 for a
 * value RFC 5176 does not define.
 */
int dae_error_cause_index(unsigned int cause)
{
	unsigned int i;

	for (i = 0; i < DAE_NCAUSES; i++)
		if (dae_causes[i].value == cause)
			return i;
	return -1;
}

/**
 * dae_error_cause_value - the Error-Cause of an index
 * @index: 0 to DAE_NCAUSES - 1
 *
 * Return: the value, 0 for an index out of range.
 */
unsigned int dae_error_cause_value(unsigned int index)
{
	return index < DAE_NCAUSES ? dae_causes[index].value : 0;
}

/**
 * dae_error_cause_name - an Error-Cause's name, as RFC 5176 §3.5 gives it
 * @cause: the value
 *
 * Return: a static string ("Invalid Request"), "?" for an undefined value.
 */
const char *dae_error_cause_name(unsigned int cause)
{
	int i = dae_error_cause_index(cause);

	return i < 0 ? "?" : dae_causes[i].name;
}
