// SPDX-License-Identifier: GPL-2.0-only
/*
 * Accounting records of FlexVPN sessions as radcli attribute lists, in
 * the wire order of IOS's records (flexvpn-inventory §2.9):
 *
 *   Start:   Acct-Session-Id, Calling-Station-Id, audit-session-id=,
 *            isakmp-phase1-id=, isakmp-initator-ip=, User-Name,
 *            connect-progress=, Acct-Authentic, Acct-Status-Type,
 *            NAS-IP-Address
 *   Interim: Acct-Session-Id .. User-Name, Acct-Authentic,
 *            connect-progress=, Acct-Session-Time, Acct-Input-Octets,
 *            Acct-Output-Octets, Acct-Input-Packets, Acct-Output-Packets,
 *            Acct-Status-Type, NAS-IP-Address
 *   Stop:    as Interim, with Acct-Terminate-Cause and disc-cause-ext=
 *            before Acct-Status-Type
 *
 * then Framed-IP-Address, Framed-IPv6-Address and Class when the session
 * has them; Acct-Input/Output-Gigawords follow the octets when those
 * pass 2^32 (RFC 2869 §5.1, §5.2).  The RADIUS client adds
 * Acct-Delay-Time to each transmission.  "isakmp-initator-ip" is IOS's
 * spelling on the wire (inventory §3 item 22).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "acct_rec.h"
#include "radius.h"
#include "util.h"

static const char *const acct_cause_names[] = {
	[0] = "No Reason",
	[1] = "User Request",
	[2] = "Lost Carrier",
	[3] = "Lost Service",
	[4] = "Idle Timeout",
	[5] = "Session Timeout",
	[6] = "Admin Reset",
	[7] = "Admin Reboot",
	[8] = "Port Error",
	[9] = "NAS Error",
	[10] = "NAS Request",
	[11] = "NAS Reboot",
};

/**
 * acct_cause_name - the name of an Acct-Terminate-Cause, as RFC 2866
 *	§5.10 writes it with spaces, for disc-cause-ext= and logs
 * @cause: the value
 *
 * Return: a static string, "Unknown" past NAS Reboot (11).
 */
const char *acct_cause_name(uint32_t cause)
{
	return cause < ARRAY_SIZE(acct_cause_names) ?
	       acct_cause_names[cause] : "Unknown";
}

static int acct_add(const rc_handle *rh, VALUE_PAIR **vps, int attr,
		    const void *val, int len)
{
	return rc_avpair_add(rh, vps, attr, val, len, 0) ? 0 : -ENOMEM;
}

static int acct_add_int(const rc_handle *rh, VALUE_PAIR **vps, int attr,
			uint32_t v)
{
	return acct_add(rh, vps, attr, &v, 0);
}

/* a Cisco-AVPair "KEY=VALUE" */
static int acct_add_avpair(const rc_handle *rh, VALUE_PAIR **vps,
			   const char *key, const char *val)
{
	char buf[AUTH_STRING_LEN + 1];

	if (snprintf(buf, sizeof(buf), "%s=%s", key, val) >= (int)sizeof(buf))
		return -EINVAL;
	return rc_avpair_add(rh, vps, ACCT_CISCO_AVPAIR, buf, -1,
			     ACCT_CISCO_VENDOR) ? 0 : -ENOMEM;
}

static const char *acct_addr_str(const struct sockaddr_storage *ss,
				 char *buf, size_t len)
{
	const void *a = ss->ss_family == AF_INET ?
		(const void *)&((const struct sockaddr_in *)ss)->sin_addr :
		(const void *)&((const struct sockaddr_in6 *)ss)->sin6_addr;

	if (!inet_ntop(ss->ss_family, a, buf, len))
		snprintf(buf, len, "?");
	return buf;
}

/* the identification every record starts with */
static int acct_add_ids(const rc_handle *rh, const struct acct_info *ai,
			VALUE_PAIR **vps)
{
	char id[9], peer[INET6_ADDRSTRLEN];
	int ret;

	snprintf(id, sizeof(id), "%08X", ai->acct_id);
	acct_addr_str(&ai->peer, peer, sizeof(peer));
	ret = acct_add(rh, vps, PW_ACCT_SESSION_ID, id, -1);
	if (!ret)
		ret = acct_add(rh, vps, PW_CALLING_STATION_ID, peer, -1);
	if (!ret)
		ret = acct_add_avpair(rh, vps, "audit-session-id",
				      ai->audit_id);
	if (!ret && ai->phase1_id && ai->phase1_id[0])
		ret = acct_add_avpair(rh, vps, "isakmp-phase1-id",
				      ai->phase1_id);
	if (!ret)
		ret = acct_add_avpair(rh, vps, "isakmp-initator-ip", peer);
	if (!ret && ai->user && ai->user[0])
		ret = acct_add(rh, vps, PW_USER_NAME, ai->user, -1);
	return ret;
}

/* RFC 2866 §5.3-§5.8, RFC 2869 §5.1-§5.2 */
static int acct_add_counters(const rc_handle *rh, const struct acct_info *ai,
			     VALUE_PAIR **vps)
{
	uint32_t in_pk = ai->in_packets > UINT32_MAX ? UINT32_MAX :
			 ai->in_packets;
	uint32_t out_pk = ai->out_packets > UINT32_MAX ? UINT32_MAX :
			  ai->out_packets;
	int ret;

	ret = acct_add_int(rh, vps, PW_ACCT_SESSION_TIME, ai->session_time);
	if (!ret)
		ret = acct_add_int(rh, vps, PW_ACCT_INPUT_OCTETS,
				   (uint32_t)ai->in_octets);
	if (!ret && ai->in_octets >> 32)
		ret = acct_add_int(rh, vps, PW_ACCT_INPUT_GIGAWORDS,
				   ai->in_octets >> 32);
	if (!ret)
		ret = acct_add_int(rh, vps, PW_ACCT_OUTPUT_OCTETS,
				   (uint32_t)ai->out_octets);
	if (!ret && ai->out_octets >> 32)
		ret = acct_add_int(rh, vps, PW_ACCT_OUTPUT_GIGAWORDS,
				   ai->out_octets >> 32);
	if (!ret)
		ret = acct_add_int(rh, vps, PW_ACCT_INPUT_PACKETS, in_pk);
	if (!ret)
		ret = acct_add_int(rh, vps, PW_ACCT_OUTPUT_PACKETS, out_pk);
	return ret;
}

/* NAS-IP-Address or NAS-IPv6-Address, then what IOS does not send */
static int acct_add_tail(const rc_handle *rh, const struct acct_info *ai,
			 VALUE_PAIR **vps)
{
	const struct sockaddr_in6 *n6 = (const void *)&ai->nas;
	const struct sockaddr_in *n4 = (const void *)&ai->nas;
	int ret;

	if (ai->nas.ss_family == AF_INET)
		ret = acct_add_int(rh, vps, PW_NAS_IP_ADDRESS,
				   ntohl(n4->sin_addr.s_addr));
	else
		ret = acct_add(rh, vps, PW_NAS_IPV6_ADDRESS, &n6->sin6_addr,
			       16);
	if (!ret && ai->has_framed4)
		ret = acct_add_int(rh, vps, PW_FRAMED_IP_ADDRESS,
				   ntohl(ai->framed4.s_addr));
	if (!ret && ai->has_framed6)
		ret = acct_add(rh, vps, PW_FRAMED_IPV6_ADDRESS, &ai->framed6,
			       16);
	if (!ret && ai->class_len)
		ret = acct_add(rh, vps, PW_CLASS, ai->class, ai->class_len);
	return ret;
}

/**
 * acct_rec_build - the attributes of an accounting record
 * @rh: the radcli handle with the dictionaries (Cisco's included)
 * @ai: the record: @ai->audit_id and @ai->peer and @ai->nas (AF_INET or
 *	AF_INET6) are required
 * @vps: receives the list (rc_avpair_free() frees it)
 *
 * Return: 0; -EINVAL for a status other than Start, Interim-Update or
 * Stop, an address family other than IPv4/IPv6 or a value too long for
 * its attribute; -ENOMEM.  Nothing is returned on error.
 */
int acct_rec_build(const rc_handle *rh, const struct acct_info *ai,
		   VALUE_PAIR **vps)
{
	bool start = ai->status == ACCT_STATUS_START;
	VALUE_PAIR *l = NULL;
	int ret;

	if ((ai->status != ACCT_STATUS_START &&
	     ai->status != ACCT_STATUS_STOP &&
	     ai->status != ACCT_STATUS_INTERIM) || !ai->audit_id ||
	    (ai->peer.ss_family != AF_INET && ai->peer.ss_family != AF_INET6) ||
	    (ai->nas.ss_family != AF_INET && ai->nas.ss_family != AF_INET6))
		return -EINVAL;
	ret = acct_add_ids(rh, ai, &l);
	if (!ret && start)
		ret = acct_add_avpair(rh, &l, "connect-progress",
				      "No Progress");
	if (!ret)
		ret = acct_add_int(rh, &l, PW_ACCT_AUTHENTIC, ai->authentic);
	if (!ret && !start)
		ret = acct_add_avpair(rh, &l, "connect-progress",
				      "No Progress");
	if (!ret && !start)
		ret = acct_add_counters(rh, ai, &l);
	if (!ret && ai->status == ACCT_STATUS_STOP) {
		ret = acct_add_int(rh, &l, PW_ACCT_TERMINATE_CAUSE,
				   ai->cause);
		if (!ret)
			ret = acct_add_avpair(rh, &l, "disc-cause-ext",
					      acct_cause_name(ai->cause));
	}
	if (!ret)
		ret = acct_add_int(rh, &l, PW_ACCT_STATUS_TYPE, ai->status);
	if (!ret)
		ret = acct_add_tail(rh, ai, &l);
	if (ret) {
		rc_avpair_free(l);
		return ret;
	}
	*vps = l;
	return 0;
}

/**
 * acct_rec_encode - attributes as they go on the wire, without header
 * @vps: the attributes (no User-Password: that needs a request's secret)
 * @buf: where they go
 * @size: bytes at @buf
 *
 * Return: their length in bytes; -EMSGSIZE when they do not fit @size or
 * a packet, -EINVAL for a value too long for its type.
 */
int acct_rec_encode(VALUE_PAIR *vps, uint8_t *buf, size_t size)
{
	struct radius_pkt pkt;
	size_t len;
	int ret;

	/* an Accounting-Request needs no Request Authenticator given */
	ret = radius_encode(&pkt, RADIUS_ACCOUNTING_REQUEST, 0, NULL, vps, "",
			    false);
	if (ret)
		return ret;
	len = pkt.len - RADIUS_HDR_LEN;
	if (len > size)
		return -EMSGSIZE;
	memcpy(buf, pkt.data + RADIUS_HDR_LEN, len);
	return len;
}

/**
 * acct_rec_decode - attributes encoded by acct_rec_encode() as a list
 * @rh: the radcli handle
 * @buf: the attributes
 * @len: their bytes
 *
 * Return: the list, NULL when @buf is not a sequence of well-formed
 * attributes filling @len exactly, is empty or too long for a packet,
 * or memory runs out.
 */
VALUE_PAIR *acct_rec_decode(const rc_handle *rh, const uint8_t *buf,
			    size_t len)
{
	uint8_t pkt[RADIUS_MAX_LEN];
	size_t off = 0, plen = RADIUS_HDR_LEN + len;

	if (!len || plen > sizeof(pkt))
		return NULL;
	while (off < len) {
		if (len - off < 2 || buf[off + 1] < 2 ||
		    buf[off + 1] > len - off)
			return NULL;
		off += buf[off + 1];
	}
	memset(pkt, 0, RADIUS_HDR_LEN);
	pkt[0] = RADIUS_ACCOUNTING_REQUEST;
	pkt[2] = plen >> 8;
	pkt[3] = plen;
	memcpy(pkt + RADIUS_HDR_LEN, buf, len);
	return radius_decode(rh, pkt, plen);
}
