/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What an Access-Accept authorizes: the reply attributes of the FlexVPN
 * guide's RADIUS appendix that concern addressing and routing (RFC 2865
 * §5, RFC 6911, Cisco-AVPair "ipsec:..." pairs), read into one record,
 * and the merge of such records by precedence (user authorization over
 * group authorization over the local policy).
 *
 * The session's filters too: the access lists and QoS policies it gets
 * by name ("ipsec:inacl", "ipsec:outacl", Filter-Id, "ip:sub-qos-policy-
 * in|out", their "ip:sub-policy-In|Out" synonyms, and the "ip:interface-
 * config" lines "ip access-group NAME in|out" and "service-policy
 * input|output NAME") and the per-user access-list entries
 * "ip:inacl#N=ACE" and "ip:outacl#N=ACE" (IOS extended ACE syntax,
 * IPv4, in the order of N).  Names are checked against the
 * configuration when the session is made, not here.
 *
 * Attributes are read tolerantly (Cisco-AVPair keys in any case, spaces
 * after "protocol:", addresses separated by spaces, commas or '*'), but
 * a policy the daemon cannot enforce is never ignored: an unknown "ip:"
 * pair, an IPv6 access list entry or another interface command refuses
 * the session rather than letting it up without it.
 */
#ifndef FLEXVTI_RADIUS_AUTHZ_H
#define FLEXVTI_RADIUS_AUTHZ_H

#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>

#include "acl.h"
#include "cfg.h"
#include "radius.h"

#define RADIUS_VENDOR_CISCO	9
#define RADIUS_CISCO_AVPAIR	1
#define RADIUS_AUTHZ_ROUTES_MAX	16
#define RADIUS_AUTHZ_NAME_MAX	64	/* pool names, with the NUL */
#define RADIUS_AUTHZ_ACES_MAX	32	/* "ip:inacl#N" entries per direction */

/* the fields of struct radius_authz a reply set: bits of @set */
enum radius_authz_field {
	RADIUS_AUTHZ_ADDR	= 1 << 0,
	RADIUS_AUTHZ_NETMASK	= 1 << 1,
	RADIUS_AUTHZ_POOL	= 1 << 2,
	RADIUS_AUTHZ_POOL6	= 1 << 3,
	RADIUS_AUTHZ_ADDR6	= 1 << 4,
	RADIUS_AUTHZ_PREFIX6	= 1 << 5,
	RADIUS_AUTHZ_DNS	= 1 << 6,
	RADIUS_AUTHZ_DNS6	= 1 << 7,
	RADIUS_AUTHZ_WINS	= 1 << 8,
	RADIUS_AUTHZ_ROUTES	= 1 << 9,
	RADIUS_AUTHZ_TIMEOUT	= 1 << 10,
	RADIUS_AUTHZ_USER	= 1 << 11,
	RADIUS_AUTHZ_CLASS	= 1 << 12,
	RADIUS_AUTHZ_ACL_IN	= 1 << 13,	/* acl[ACL_DIR_IN] or aces */
	RADIUS_AUTHZ_ACL_OUT	= 1 << 14,
	RADIUS_AUTHZ_QOS_IN	= 1 << 15,
	RADIUS_AUTHZ_QOS_OUT	= 1 << 16,
};

/**
 * struct radius_authz_ace - a per-user access-list entry, "ip:inacl#N=ACE"
 * @n: N, which orders the entries
 * @rule: the entry, an IPv4 rule
 */
struct radius_authz_ace {
	unsigned int n;
	struct acl_rule rule;
};

/**
 * struct radius_authz - the authorization of one Access-Accept, or of
 *	several merged
 * @set: the fields present: enum radius_authz_field bits
 * @addr: Framed-IP-Address (8): the client's IPv4 address
 * @netmask: Framed-IP-Netmask (9): sent as INTERNAL_IP4_NETMASK
 * @pool: Framed-Pool (88) or "ipsec:addr-pool": the IPv4 pool; Framed-Pool
 *	wins when both are given
 * @pool6: "ipsec:ipv6-addr-pool" or Framed-IPv6-Pool (100)
 * @addr6: "ipsec:addrv6" or Framed-IPv6-Address (168): the client's IPv6
 *	address
 * @prefix6: "ipsec:prefix-len": prefix length sent with @addr6, 1-128
 * @dns: "ipsec:dns-servers=A [B]"
 * @ndns: entries of @dns
 * @dns6: "ipsec:ipv6-dns-servers-addr=A [B]"
 * @ndns6: entries of @dns6
 * @wins: "ipsec:wins-servers=A [B]"
 * @nwins: entries of @wins
 * @routes: "ipsec:route-set=prefix P/L" (IPv4 or IPv6, also "P MASK"),
 *	each a protected subnet sent as INTERNAL_IP4/6_SUBNET
 * @nroutes: entries of @routes
 * @session_timeout: Session-Timeout (27), seconds
 * @user: User-Name (1): the name the server authorized
 * @class: Class (25), to echo in accounting
 * @class_len: bytes at @class
 * @acl: per enum acl_dir, the name of the IPv4 access list: "ipsec:inacl"
 *	or Filter-Id (11) for the traffic from the client, "ipsec:outacl"
 *	for the traffic to it, else "ip:interface-config=ip access-group
 *	NAME in|out"; "" when none
 * @aces: per enum acl_dir, the per-user entries "ip:inacl#N" and
 *	"ip:outacl#N", sorted by N; they are the direction's IPv4 list (a
 *	name for the same direction is refused)
 * @naces: entries of @aces
 * @qos: per enum acl_dir, the policy-map: "ip:sub-qos-policy-in|out" or
 *	"ip:sub-policy-In|Out", else "ip:interface-config=service-policy
 *	input|output NAME"; "" when none
 * @ignored: names of the attributes that were understood and ignored
 *	(they do not restrict the session: banner, domain, ...), for a log
 *	line; "" when none
 */
struct radius_authz {
	unsigned int set;
	struct in_addr addr;
	struct in_addr netmask;
	char pool[RADIUS_AUTHZ_NAME_MAX];
	char pool6[RADIUS_AUTHZ_NAME_MAX];
	struct in6_addr addr6;
	uint8_t prefix6;
	struct in_addr dns[2];
	unsigned int ndns;
	struct in6_addr dns6[2];
	unsigned int ndns6;
	struct in_addr wins[2];
	unsigned int nwins;
	struct cfg_addr routes[RADIUS_AUTHZ_ROUTES_MAX];
	unsigned int nroutes;
	uint32_t session_timeout;
	char user[254];
	uint8_t class[253];
	uint8_t class_len;
	char acl[ACL_NDIRS][FLEXVTI_NAME_MAX + 1];
	struct radius_authz_ace aces[ACL_NDIRS][RADIUS_AUTHZ_ACES_MAX];
	unsigned int naces[ACL_NDIRS];
	char qos[ACL_NDIRS][FLEXVTI_NAME_MAX + 1];
	char ignored[128];
};

/* what an "ip:interface-config" line asks: radius_iface_config() */
enum radius_iface_cmd {
	RADIUS_IFACE_UNSUPPORTED = 0,	/* any other interface command */
	RADIUS_IFACE_ACL,	/* "ip access-group NAME in|out" */
	RADIUS_IFACE_QOS,	/* "service-policy input|output NAME" */
	RADIUS_IFACE_MTU,	/* "ip mtu N" */
};

/**
 * struct radius_iface_line - an "ip:interface-config" line, read
 * @dir: enum acl_dir of RADIUS_IFACE_ACL and RADIUS_IFACE_QOS
 * @arg: the name, or the MTU as written; NUL-terminated, not checked
 * @buf: the line, split into words in place
 */
struct radius_iface_line {
	int dir;
	const char *arg;
	char buf[256];
};

enum radius_iface_cmd radius_iface_config(const char *v,
					  struct radius_iface_line *l);
int radius_authz_parse(const rc_handle *rh, VALUE_PAIR *vps,
		       struct radius_authz *a, char *why, size_t len);
void radius_authz_merge(struct radius_authz *dst,
			const struct radius_authz *src);

#endif /* FLEXVTI_RADIUS_AUTHZ_H */
