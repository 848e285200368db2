/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The attributes of an accounting record (RFC 2866 §4.1, §5) of a
 * FlexVPN session, in the order and with the Cisco AV pairs of IOS's
 * records (flexvpn-inventory §2.9), plus Framed-IP-Address and Class
 * (§3 item 25); and their form in the spool: the attributes as they go
 * on the wire, without the packet header.  No I/O.
 */
#ifndef FLEXVTI_ACCT_REC_H
#define FLEXVTI_ACCT_REC_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include <radcli/radcli.h>

/* Acct-Status-Type (RFC 2866 §5.1) */
enum acct_status {
	ACCT_STATUS_START = 1,
	ACCT_STATUS_STOP = 2,
	ACCT_STATUS_INTERIM = 3,
};

/* Acct-Authentic (RFC 2866 §5.6) */
enum acct_authentic {
	ACCT_AUTHENTIC_RADIUS = 1,
	ACCT_AUTHENTIC_LOCAL = 2,
};

#define ACCT_CISCO_VENDOR	9
#define ACCT_CISCO_AVPAIR	1

/**
 * struct acct_info - what a record says of a session
 * @status: enum acct_status
 * @acct_id: Acct-Session-Id, sent as 8 hex digits (RFC 2866 §5.5)
 * @audit_id: the audit-session-id (Cisco AV pair)
 * @user: User-Name; "" leaves it out
 * @phase1_id: the peer's IKE identity as text (isakmp-phase1-id)
 * @peer: the peer's address: Calling-Station-Id and isakmp-initator-ip
 * @nas: our address of the IKE SA: NAS-IP-Address (IPv4) or
 *	NAS-IPv6-Address (IPv6)
 * @framed4: the client's assigned IPv4 address (Framed-IP-Address)
 * @has_framed4: @framed4 is set
 * @framed6: its assigned IPv6 address (Framed-IPv6-Address, RFC 6911)
 * @has_framed6: @framed6 is set
 * @class: the Class of the Access-Accept, echoed (RFC 2865 §5.25)
 * @class_len: bytes at @class, 0 for none
 * @authentic: enum acct_authentic
 * @session_time: Interim and Stop: seconds since the Start
 * @in_octets: Interim and Stop: bytes received from the client
 * @out_octets: bytes sent to it
 * @in_packets: packets received from it
 * @out_packets: packets sent to it
 * @cause: Stop: Acct-Terminate-Cause (RFC 2866 §5.10), 0 for none
 */
struct acct_info {
	uint8_t status;
	uint32_t acct_id;
	const char *audit_id;
	const char *user;
	const char *phase1_id;
	struct sockaddr_storage peer;
	struct sockaddr_storage nas;
	struct in_addr framed4;
	bool has_framed4;
	struct in6_addr framed6;
	bool has_framed6;
	const uint8_t *class;
	size_t class_len;
	uint32_t authentic;
	uint32_t session_time;
	uint64_t in_octets;
	uint64_t out_octets;
	uint64_t in_packets;
	uint64_t out_packets;
	uint32_t cause;
};

int acct_rec_build(const rc_handle *rh, const struct acct_info *ai,
		   VALUE_PAIR **vps);
int acct_rec_encode(VALUE_PAIR *vps, uint8_t *buf, size_t size);
VALUE_PAIR *acct_rec_decode(const rc_handle *rh, const uint8_t *buf,
			    size_t len);
const char *acct_cause_name(uint32_t cause);

#endif /* FLEXVTI_ACCT_REC_H */
