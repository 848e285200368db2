// SPDX-License-Identifier: GPL-2.0-only
/*
 * The attributes of an Access-Accept that authorize a session's
 * addressing and routing, read into struct radius_authz (see
 * radius_authz.h).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cfg_int.h"
#include "radius_authz.h"

/* a reply that cannot be applied: @why says which attribute and why */
static int __attribute__((format(printf, 4, 5)))
authz_bad(char *why, size_t len, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, len, fmt, ap);
	va_end(ap);
	return err;
}

static void authz_ignore(struct radius_authz *a, const char *name)
{
	size_t n = strlen(a->ignored);

	if (n + strlen(name) + 2 < sizeof(a->ignored))
		snprintf(a->ignored + n, sizeof(a->ignored) - n, "%s%s",
			 n ? ", " : "", name);
}

/* up to @max addresses of @family separated by spaces, ',' or '*' */
static int authz_addrs(const char *v, int family, void *out,
		       unsigned int max, unsigned int *n)
{
	size_t alen = family == AF_INET ? 4 : 16;
	char buf[INET6_ADDRSTRLEN];
	size_t l;

	*n = 0;
	for (;;) {
		v += strspn(v, " \t,*");
		if (!*v)
			return *n ? 0 : -EINVAL;
		l = strcspn(v, " \t,*");
		if (l >= sizeof(buf) || *n == max)
			return -EINVAL;
		memcpy(buf, v, l);
		buf[l] = '\0';
		if (inet_pton(family, buf, (uint8_t *)out + *n * alen) != 1)
			return -EINVAL;
		++*n;
		v += l;
	}
}

static int authz_prefix_len(const char *s, int max)
{
	char *end;
	long n;

	if (!isdigit((unsigned char)*s))
		return -1;
	n = strtol(s, &end, 10);
	return *end || n > max ? -1 : (int)n;
}

/* "P/L" or "P MASK" (IPv4), "P/L" (IPv6): a prefix, host bits cleared
 * as the configuration does
 */
static int authz_prefix(const char *v, struct cfg_addr *p)
{
	char buf[INET6_ADDRSTRLEN + 20], *sep, c;
	struct in_addr mask;

	while (*v == ' ')
		v++;
	if (strlen(v) >= sizeof(buf))
		return -EINVAL;
	strcpy(buf, v);
	sep = strpbrk(buf, "/ ");
	if (!sep)
		return -EINVAL;
	c = *sep;
	*sep++ = '\0';
	p->family = strchr(buf, ':') ? AF_INET6 : AF_INET;
	if (inet_pton(p->family, buf, &p->v4) != 1)
		return -EINVAL;
	if (c == '/')
		p->prefix = authz_prefix_len(sep, p->family == AF_INET ? 32 :
					     128);
	else if (p->family == AF_INET && inet_pton(AF_INET, sep, &mask) == 1)
		p->prefix = cfg_mask_prefix(mask);
	else
		p->prefix = -1;
	if (p->prefix < 0)
		return -EINVAL;
	cfg_addr_mask(p);
	return 0;
}

static int authz_route_set(struct radius_authz *a, const char *v, char *why,
			   size_t len)
{
	const char *name = "ipsec:route-set";

	while (*v == ' ')
		v++;
	if (!strncasecmp(v, "prefix ", 7)) {
		if (a->nroutes == RADIUS_AUTHZ_ROUTES_MAX)
			return authz_bad(why, len, -EINVAL,
					 "%s: more than 16 (%s)", name, v);
		if (authz_prefix(v + 7, &a->routes[a->nroutes]))
			return authz_bad(why, len, -EINVAL,
					 "%s: bad prefix '%s'", name, v + 7);
		a->nroutes++;
		a->set |= RADIUS_AUTHZ_ROUTES;
		return 0;
	}
	if (!strcasecmp(v, "interface")) {
		authz_ignore(a, "ipsec:route-set=interface");
		return 0;
	}
	/* access-list: standard ACLs are not configurable here */
	return authz_bad(why, len, -EOPNOTSUPP, "%s=%s is not supported",
			 name, v);
}

static int authz_name(char *dst, const char *v, const char *name, char *why,
		      size_t len)
{
	size_t n = strlen(v);

	if (!n || n >= RADIUS_AUTHZ_NAME_MAX)
		return authz_bad(why, len, -EINVAL, "%s: bad name '%s'", name,
				 v);
	memcpy(dst, v, n + 1);
	return 0;
}

/* the "ipsec:" pairs about addresses and routes */
static int authz_ipsec_addr(struct radius_authz *a, const char *key,
			    const char *v, char *why, size_t len)
{
	int n;

	if (!strcasecmp(key, "addr-pool")) {
		/* Framed-Pool wins when both are given (inventory §3 27) */
		if (a->set & RADIUS_AUTHZ_POOL)
			return 0;
		a->set |= RADIUS_AUTHZ_POOL;
		return authz_name(a->pool, v, "ipsec:addr-pool", why, len);
	}
	if (!strcasecmp(key, "ipv6-addr-pool")) {
		a->set |= RADIUS_AUTHZ_POOL6;
		return authz_name(a->pool6, v, "ipsec:ipv6-addr-pool", why,
				  len);
	}
	if (!strcasecmp(key, "addrv6")) {
		a->set |= RADIUS_AUTHZ_ADDR6;
		if (inet_pton(AF_INET6, v, &a->addr6) != 1)
			return authz_bad(why, len, -EINVAL, "%s: bad address "
					 "'%s'", "ipsec:addrv6", v);
		return 0;
	}
	if (!strcasecmp(key, "prefix-len")) {
		n = authz_prefix_len(v, 128);
		if (n < 1)
			return authz_bad(why, len, -EINVAL, "%s: bad length "
					 "'%s'", "ipsec:prefix-len", v);
		a->prefix6 = n;
		a->set |= RADIUS_AUTHZ_PREFIX6;
		return 0;
	}
	return -ENOENT;
}

/* the "ipsec:" pairs about servers pushed to the client */
static int authz_ipsec_servers(struct radius_authz *a, const char *key,
			       const char *v, char *why, size_t len)
{
	const char *fmt = "%s: bad address list '%s'";

	if (!strcasecmp(key, "dns-servers")) {
		a->set |= RADIUS_AUTHZ_DNS;
		if (authz_addrs(v, AF_INET, a->dns, 2, &a->ndns))
			return authz_bad(why, len, -EINVAL, fmt,
					 "ipsec:dns-servers", v);
		return 0;
	}
	if (!strcasecmp(key, "ipv6-dns-servers-addr")) {
		a->set |= RADIUS_AUTHZ_DNS6;
		if (authz_addrs(v, AF_INET6, a->dns6, 2, &a->ndns6))
			return authz_bad(why, len, -EINVAL, fmt,
					 "ipsec:ipv6-dns-servers-addr", v);
		return 0;
	}
	if (!strcasecmp(key, "wins-servers")) {
		a->set |= RADIUS_AUTHZ_WINS;
		if (authz_addrs(v, AF_INET, a->wins, 2, &a->nwins))
			return authz_bad(why, len, -EINVAL, fmt,
					 "ipsec:wins-servers", v);
		return 0;
	}
	return -ENOENT;
}

/* a filter's name: 1 to FLEXVTI_NAME_MAX bytes, no blanks */
static bool authz_name_ok(const char *v)
{
	size_t n = strlen(v);

	return n && n <= FLEXVTI_NAME_MAX && !strpbrk(v, " \t");
}

/* the access list of direction @dir by name; @proto and @key for the
 * messages.  A second name for the direction, or one besides per-user
 * entries, is refused: the reply would be ambiguous. */
static int authz_acl_name(struct radius_authz *a, int dir, const char *v,
			  const char *proto, const char *key, char *why,
			  size_t len)
{
	if (!authz_name_ok(v))
		return authz_bad(why, len, -EINVAL, "%s:%s=%s: not a name",
				 proto, key, v);
	if (a->naces[dir] || (a->acl[dir][0] && strcmp(a->acl[dir], v)))
		return authz_bad(why, len, -EINVAL, "%s:%s=%s: the access "
				 "list of that direction is given twice",
				 proto, key, v);
	strcpy(a->acl[dir], v);
	a->set |= dir == ACL_DIR_IN ? RADIUS_AUTHZ_ACL_IN :
		  RADIUS_AUTHZ_ACL_OUT;
	return 0;
}

static int authz_qos_name(struct radius_authz *a, int dir, const char *v,
			  const char *key, char *why, size_t len)
{
	if (!authz_name_ok(v))
		return authz_bad(why, len, -EINVAL, "ip:%s=%s: not a name",
				 key, v);
	if (a->qos[dir][0] && strcmp(a->qos[dir], v))
		return authz_bad(why, len, -EINVAL, "ip:%s=%s: the QoS "
				 "policy of that direction is given twice",
				 key, v);
	strcpy(a->qos[dir], v);
	a->set |= dir == ACL_DIR_IN ? RADIUS_AUTHZ_QOS_IN :
		  RADIUS_AUTHZ_QOS_OUT;
	return 0;
}

/* "ip:inacl#N=ACE": a per-user entry, kept in the order of N */
static int authz_ace(struct radius_authz *a, int dir, const char *key,
		     const char *v, char *why, size_t len)
{
	struct radius_authz_ace *aces = a->aces[dir];
	unsigned int n, i, *cnt = &a->naces[dir];
	const char *err, *num = strchr(key, '#') + 1;
	struct acl_rule rule;
	char *end;

	errno = 0;
	n = strtoul(num, &end, 10);
	if (errno || *end || end == num || !n || *num == '-')
		return authz_bad(why, len, -EINVAL, "ip:%s: not an entry "
				 "number", key);
	if (a->acl[dir][0])
		return authz_bad(why, len, -EINVAL, "ip:%s: the access list "
				 "of that direction is given twice", key);
	if (*cnt == RADIUS_AUTHZ_ACES_MAX)
		return authz_bad(why, len, -EINVAL, "ip:%s: more than %d "
				 "entries", key, RADIUS_AUTHZ_ACES_MAX);
	for (i = *cnt; i > 0 && aces[i - 1].n >= n; i--)
		if (aces[i - 1].n == n)
			return authz_bad(why, len, -EINVAL, "ip:%s: given "
					 "twice", key);
	if (acl_rule_parse_text(v, AF_INET, &rule, &err))
		return authz_bad(why, len, -EINVAL, "ip:%s=%s: %s", key, v,
				 err);
	memmove(&aces[i + 1], &aces[i], (*cnt - i) * sizeof(aces[0]));
	aces[i].n = n;
	aces[i].rule = rule;
	(*cnt)++;
	a->set |= dir == ACL_DIR_IN ? RADIUS_AUTHZ_ACL_IN :
		  RADIUS_AUTHZ_ACL_OUT;
	return 0;
}

/* the "ip:" pairs of the session's filters; -ENOENT for any other */
static int authz_ip(struct radius_authz *a, const char *key, const char *v,
		    char *why, size_t len)
{
	if (!strncasecmp(key, "inacl#", 6))
		return authz_ace(a, ACL_DIR_IN, key, v, why, len);
	if (!strncasecmp(key, "outacl#", 7))
		return authz_ace(a, ACL_DIR_OUT, key, v, why, len);
	if (!strcasecmp(key, "sub-qos-policy-in") ||
	    !strcasecmp(key, "sub-policy-in"))
		return authz_qos_name(a, ACL_DIR_IN, v, key, why, len);
	if (!strcasecmp(key, "sub-qos-policy-out") ||
	    !strcasecmp(key, "sub-policy-out"))
		return authz_qos_name(a, ACL_DIR_OUT, v, key, why, len);
	return -ENOENT;
}

/* the words of @line (changed in place) into @w; their count, or 5 for
 * more than 4 */
static int authz_words(char *line, char **w)
{
	int n = 0;

	for (;;) {
		line += strspn(line, " \t");
		if (!*line || n == 4)
			return *line ? 5 : n;
		w[n++] = line;
		line += strcspn(line, " \t");
		if (*line)
			*line++ = '\0';
	}
}

/**
 * radius_iface_config - what an "ip:interface-config" line asks for
 * @v: the line, an IOS interface command (FlexVPN guide, RADIUS
 *	appendix and CoA chapter)
 * @l: receives its direction and argument
 *
 * Of the interface commands, those the daemon can apply: "ip
 * access-group NAME in|out", "service-policy input|output NAME" and "ip
 * mtu N"; keywords in any case.  Authorization and CoA share this
 * reading; each checks the argument and applies its own precedence.
 *
 * Return: the command, RADIUS_IFACE_UNSUPPORTED for any other line.
 */
enum radius_iface_cmd radius_iface_config(const char *v,
					  struct radius_iface_line *l)
{
	char *w[4];
	int n;

	snprintf(l->buf, sizeof(l->buf), "%s", v);
	n = authz_words(l->buf, w);
	if (n == 3 && !strcasecmp(w[0], "service-policy") &&
	    (!strcasecmp(w[1], "input") || !strcasecmp(w[1], "output"))) {
		l->dir = strcasecmp(w[1], "input") ? ACL_DIR_OUT : ACL_DIR_IN;
		l->arg = w[2];
		return RADIUS_IFACE_QOS;
	}
	if (n == 4 && !strcasecmp(w[0], "ip") &&
	    !strcasecmp(w[1], "access-group") &&
	    (!strcasecmp(w[3], "in") || !strcasecmp(w[3], "out"))) {
		l->dir = strcasecmp(w[3], "in") ? ACL_DIR_OUT : ACL_DIR_IN;
		l->arg = w[2];
		return RADIUS_IFACE_ACL;
	}
	if (n == 3 && !strcasecmp(w[0], "ip") && !strcasecmp(w[1], "mtu")) {
		l->arg = w[2];
		return RADIUS_IFACE_MTU;
	}
	return RADIUS_IFACE_UNSUPPORTED;
}

/*
 * "ip:interface-config=LINE" in an Access-Accept: the lines that attach
 * a filter.  A name the reply also gives by a pair of its own
 * ("ipsec:inacl", "ip:sub-qos-policy-in", ...) wins; any other command
 * is refused.
 */
static int authz_iface_config(struct radius_authz *a, const char *v,
			      char *why, size_t len)
{
	struct radius_iface_line l;

	switch (radius_iface_config(v, &l)) {
	case RADIUS_IFACE_ACL:
		if (a->acl[l.dir][0] || a->naces[l.dir])
			return 0;
		return authz_acl_name(a, l.dir, l.arg, "ip",
				      "interface-config", why, len);
	case RADIUS_IFACE_QOS:
		if (a->qos[l.dir][0])
			return 0;
		return authz_qos_name(a, l.dir, l.arg, "interface-config",
				      why, len);
	default:
		return authz_bad(why, len, -EOPNOTSUPP, "ip:interface-config="
				 "%s is not supported", v);
	}
}

/* what only Cisco clients see, or what does not restrict a session */
static const char *const authz_ipsec_ignored[] = {
	"banner", "default-domain", "split-dns", "ipsec-backup-gateway",
	"pfs", "include-local-lan", "smartcard-removal-disconnect",
	"configuration-url", "configuration-version", "route-accept",
	"ipsec-flow-limit", "group-dhcp-server", "dhcp-giaddr",
	"dhcp-timeout", "ikev2-password-local", "ikev2-password-remote",
	NULL,
};

static bool authz_in(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (!strcasecmp(*list, s))
			return true;
	return false;
}

/* an "ipsec:" pair: what authorizes addressing and routing, what is
 * ignored; any other is refused */
static int authz_ipsec(struct radius_authz *a, const char *key,
		       const char *v, char *why, size_t len)
{
	int ret;

	if (!strcasecmp(key, "route-set"))
		return authz_route_set(a, v, why, len);
	if (!strcasecmp(key, "inacl") || !strcasecmp(key, "outacl"))
		return authz_acl_name(a, tolower(key[0]) == 'i' ? ACL_DIR_IN :
				      ACL_DIR_OUT, v, "ipsec", key, why, len);
	ret = authz_ipsec_addr(a, key, v, why, len);
	if (ret == -ENOENT)
		ret = authz_ipsec_servers(a, key, v, why, len);
	if (ret != -ENOENT)
		return ret;
	if (authz_in(authz_ipsec_ignored, key)) {
		char name[80];

		snprintf(name, sizeof(name), "ipsec:%s", key);
		authz_ignore(a, name);
		return 0;
	}
	return authz_bad(why, len, -EOPNOTSUPP, "ipsec:%s=%s is not supported",
			 key, v);
}

/*
 * "protocol:key=value" (or "key*value", optional): a Cisco-AVPair.  The
 * "ipsec" pairs and the "ip" pairs of the session's filters are ours;
 * any other "ip" or "ipv6" pair is a session policy we cannot enforce,
 * refused; other protocols are not ours.  The "ip:interface-config"
 * lines are read in a second pass (@iface), after the pairs that name
 * a filter directly and take precedence over them.
 */
static int authz_avpair(struct radius_authz *a, const char *pair,
			bool iface, char *why, size_t len)
{
	char buf[256], *colon, *key, *v;
	bool config;

	snprintf(buf, sizeof(buf), "%s", pair);
	colon = strchr(buf, ':');
	v = strpbrk(buf, "=*");
	if (!colon || !v || v < colon)
		return 0;	/* not an attribute-value pair */
	*colon = '\0';
	*v++ = '\0';
	key = colon + 1 + strspn(colon + 1, " ");
	config = !strcasecmp(buf, "ip") &&
		 !strcasecmp(key, "interface-config");
	if (config != iface)
		return 0;
	if (config)
		return authz_iface_config(a, v, why, len);
	if (!strcasecmp(buf, "ipsec"))
		return authz_ipsec(a, key, v, why, len);
	if (!strcasecmp(buf, "ip")) {
		int ret = authz_ip(a, key, v, why, len);

		if (ret != -ENOENT)
			return ret;
	}
	if (!strcasecmp(buf, "ip") || !strcasecmp(buf, "ipv6"))
		return authz_bad(why, len, -EOPNOTSUPP, "%s:%s=%s is not "
				 "supported", buf, key, v);
	return 0;
}

static int authz_string(VALUE_PAIR *vp, char *out, size_t max)
{
	unsigned int n;
	char *raw;

	if (rc_avpair_get_raw(vp, &raw, &n) || n >= max)
		return -EINVAL;
	memcpy(out, raw, n);
	out[n] = '\0';
	return memchr(out, '\0', n) ? -EINVAL : 0;
}

static int authz_cisco(struct radius_authz *a, VALUE_PAIR *vp, bool iface,
		       char *why, size_t len)
{
	char pair[254];

	if (authz_string(vp, pair, sizeof(pair)))
		return authz_bad(why, len, -EINVAL, "Cisco-AVPair: not text");
	return authz_avpair(a, pair, iface, why, len);
}

static int authz_ipv4(VALUE_PAIR *vp, struct in_addr *a)
{
	uint32_t v;

	if (rc_avpair_get_uint32(vp, &v))
		return -EINVAL;
	a->s_addr = htonl(v);
	return 0;
}

/* RFC 2865 §5.8: 255.255.255.255 and 255.255.255.254 are no address */
static int authz_framed_ip(struct radius_authz *a, VALUE_PAIR *vp,
			   char *why, size_t len)
{
	if (authz_ipv4(vp, &a->addr))
		return -EINVAL;
	if (ntohl(a->addr.s_addr) >= 0xfffffffeu || !a->addr.s_addr)
		return authz_bad(why, len, -EOPNOTSUPP,
				 "Framed-IP-Address: an address the NAS chooses is not supported");
	a->set |= RADIUS_AUTHZ_ADDR;
	return 0;
}

static int authz_ietf_text(struct radius_authz *a, unsigned int id,
			   VALUE_PAIR *vp, char *why, size_t len)
{
	char *raw, name[FLEXVTI_NAME_MAX + 2];
	unsigned int n;

	switch (id) {
	case PW_USER_NAME:
		a->set |= RADIUS_AUTHZ_USER;
		return authz_string(vp, a->user, sizeof(a->user));
	case PW_FRAMED_POOL:
		a->set |= RADIUS_AUTHZ_POOL;
		if (authz_string(vp, a->pool, sizeof(a->pool)))
			return authz_bad(why, len, -EINVAL,
					 "Framed-Pool: bad name");
		return 0;
	case PW_FRAMED_IPV6_POOL:
		a->set |= RADIUS_AUTHZ_POOL6;
		if (authz_string(vp, a->pool6, sizeof(a->pool6)))
			return authz_bad(why, len, -EINVAL,
					 "Framed-IPv6-Pool: bad name");
		return 0;
	case PW_CLASS:
		if (rc_avpair_get_raw(vp, &raw, &n) || n > sizeof(a->class))
			return -EINVAL;
		memcpy(a->class, raw, n);
		a->class_len = n;
		a->set |= RADIUS_AUTHZ_CLASS;
		return 0;
	case PW_FILTER_ID:
		/* RFC 2865 §5.11; StarOS applies it inbound, as here */
		if (authz_string(vp, name, sizeof(name)))
			return authz_bad(why, len, -EINVAL,
					 "Filter-Id: not a name");
		return authz_acl_name(a, ACL_DIR_IN, name, "Filter-Id", "",
				      why, len);
	}
	return 0;
}

static int authz_ietf(struct radius_authz *a, unsigned int id,
		      VALUE_PAIR *vp, char *why, size_t len)
{
	unsigned int plen;

	switch (id) {
	case PW_FRAMED_IP_ADDRESS:
		return authz_framed_ip(a, vp, why, len);
	case PW_FRAMED_IP_NETMASK:
		a->set |= RADIUS_AUTHZ_NETMASK;
		return authz_ipv4(vp, &a->netmask);
	case PW_SESSION_TIMEOUT:
		a->set |= RADIUS_AUTHZ_TIMEOUT;
		return rc_avpair_get_uint32(vp, &a->session_timeout) ?
		       -EINVAL : 0;
	case PW_FRAMED_IPV6_ADDRESS:
		a->set |= RADIUS_AUTHZ_ADDR6;
		return rc_avpair_get_in6(vp, &a->addr6, &plen) ? -EINVAL : 0;
	}
	return authz_ietf_text(a, id, vp, why, len);
}

/**
 * radius_authz_parse - read the authorization of an Access-Accept
 * @rh: the radcli handle the attributes were decoded with (unused now,
 *	for names in messages)
 * @vps: the reply's attributes
 * @a: filled in (zeroed first)
 * @why: receives the reason on error
 * @len: bytes at @why
 *
 * Return: 0; -EINVAL when an attribute of the table has a value that is
 * not well formed, or a filter is given twice; -EOPNOTSUPP when the reply
 * asks for a policy the daemon cannot enforce (an "ip:" or "ipv6:" pair
 * or an interface command that is not a filter's, a Framed-IP of the
 * NAS's choice).  Attributes of no concern here are skipped.
 */
int radius_authz_parse(const rc_handle *rh, VALUE_PAIR *vps,
		       struct radius_authz *a, char *why, size_t len)
{
	unsigned int type, id, pass;
	VALUE_PAIR *vp;
	int ret = 0;

	(void)rh;
	memset(a, 0, sizeof(*a));
	snprintf(why, len, "malformed attribute");
	/* the interface commands after the pairs that take precedence */
	for (pass = 0; pass < 2; pass++) {
		for (vp = vps; vp && !ret; vp = rc_avpair_next(vp)) {
			rc_avpair_get_attr(vp, &type, &id);
			if (VENDOR(id) == RADIUS_VENDOR_CISCO &&
			    ATTRID(id) == RADIUS_CISCO_AVPAIR)
				ret = authz_cisco(a, vp, pass, why, len);
			else if (!VENDOR(id) && !pass)
				ret = authz_ietf(a, id, vp, why, len);
		}
	}
	if (!ret)
		*why = '\0';
	return ret;
}

/* the filters of each direction @set does not give: kept from @old */
static void authz_merge_filters(struct radius_authz *dst,
				const struct radius_authz *old,
				unsigned int set)
{
	static const unsigned int acl_bit[ACL_NDIRS] = {
		[ACL_DIR_IN] = RADIUS_AUTHZ_ACL_IN,
		[ACL_DIR_OUT] = RADIUS_AUTHZ_ACL_OUT,
	};
	static const unsigned int qos_bit[ACL_NDIRS] = {
		[ACL_DIR_IN] = RADIUS_AUTHZ_QOS_IN,
		[ACL_DIR_OUT] = RADIUS_AUTHZ_QOS_OUT,
	};
	int d;

	for (d = 0; d < ACL_NDIRS; d++) {
		if (!(set & acl_bit[d])) {
			strcpy(dst->acl[d], old->acl[d]);
			memcpy(dst->aces[d], old->aces[d],
			       old->naces[d] * sizeof(old->aces[d][0]));
			dst->naces[d] = old->naces[d];
		}
		if (!(set & qos_bit[d]))
			strcpy(dst->qos[d], old->qos[d]);
	}
}

/**
 * radius_authz_merge - let @src's fields take precedence over @dst's
 * @dst: the authorization of lower precedence; receives the merge
 * @src: that of higher precedence (user over group)
 *
 * Each field @src sets replaces @dst's, as a whole (two DNS servers of
 * the group and one of the user: the user's one).
 */
void radius_authz_merge(struct radius_authz *dst,
			const struct radius_authz *src)
{
	struct radius_authz old = *dst;

	*dst = *src;
	dst->set = old.set | src->set;
#define KEEP(bit, field) \
	do { \
		if (!(src->set & (bit))) \
			memcpy(&dst->field, &old.field, sizeof(old.field)); \
	} while (0)
	KEEP(RADIUS_AUTHZ_ADDR, addr);
	KEEP(RADIUS_AUTHZ_NETMASK, netmask);
	KEEP(RADIUS_AUTHZ_POOL, pool);
	KEEP(RADIUS_AUTHZ_POOL6, pool6);
	KEEP(RADIUS_AUTHZ_ADDR6, addr6);
	KEEP(RADIUS_AUTHZ_PREFIX6, prefix6);
	KEEP(RADIUS_AUTHZ_TIMEOUT, session_timeout);
	KEEP(RADIUS_AUTHZ_USER, user);
	if (!(src->set & RADIUS_AUTHZ_CLASS)) {
		memcpy(dst->class, old.class, sizeof(old.class));
		dst->class_len = old.class_len;
	}
	if (!(src->set & RADIUS_AUTHZ_DNS)) {
		memcpy(dst->dns, old.dns, sizeof(old.dns));
		dst->ndns = old.ndns;
	}
	if (!(src->set & RADIUS_AUTHZ_DNS6)) {
		memcpy(dst->dns6, old.dns6, sizeof(old.dns6));
		dst->ndns6 = old.ndns6;
	}
	if (!(src->set & RADIUS_AUTHZ_WINS)) {
		memcpy(dst->wins, old.wins, sizeof(old.wins));
		dst->nwins = old.nwins;
	}
	if (!(src->set & RADIUS_AUTHZ_ROUTES)) {
		memcpy(dst->routes, old.routes, sizeof(old.routes));
		dst->nroutes = old.nroutes;
	}
	authz_merge_filters(dst, &old, src->set);
#undef KEEP
	snprintf(dst->ignored, sizeof(dst->ignored), "%s", old.ignored);
	if (*src->ignored)
		authz_ignore(dst, src->ignored);
}
