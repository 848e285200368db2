// SPDX-License-Identifier: GPL-2.0-only
/*
 * "interface Tunnel<N>": a static tunnel interface, the initiator's side
 * of a site-to-site or FlexVPN client connection.  It takes the
 * sub-commands of a virtual template (cfg_iface.c) and these: the peer
 * ("tunnel destination"), the interface's own addresses ("ip address",
 * "ipv6 address", or one negotiated with the peer) and the template of
 * spoke-to-spoke shortcuts ("ip nhrp shortcut virtual-template N").
 */
#include <arpa/inet.h>
#include <strings.h>

#include "cfg_int.h"

/* the tunnel whose struct cfg_iface the parser is configuring */
static struct cfg_tunnel *cfg_tunnel_of(struct cfg_parser *p)
{
	return container_of(p->obj, struct cfg_tunnel, iface);
}

struct cfg_tunnel *cfg_tunnel_new(struct cfg_parser *p, unsigned int num)
{
	struct cfg *cfg = p->cfg;
	struct cfg_tunnel *t = calloc(1, sizeof(*t));

	if (!t) {
		cfg_oom(p);
		return NULL;
	}
	if (CFG_APPEND(p, cfg->tunnels, cfg->ntunnels, t)) {
		free(t);
		return NULL;
	}
	t->num = num;
	t->line = p->line;
	return t;
}

/* "tunnel destination ADDRESS"; "dynamic" (FlexVPN client) not yet */
int cfg_tunnel_dest(struct cfg_parser *p, int argc __always_unused,
		    char **argv)
{
	struct cfg_tunnel *t = cfg_tunnel_of(p);
	struct cfg_addr a;

	if (!strcasecmp(argv[0], "dynamic")) {
		cfg_error(p, "'tunnel destination dynamic' is not supported "
			  "yet: give the peer's address");
		return -1;
	}
	if (cfg_arg_addr(p, argv[0], &a))
		return -1;
	if (!cfg_addr_unicast(&a)) {
		cfg_error(p, "tunnel destination: '%s' is not a unicast "
			  "address", argv[0]);
		return -1;
	}
	t->dest = a;
	t->dest_line = p->line;
	return 0;
}

/* a host address of its network: not the network or broadcast address */
static bool cfg_addr4_host(struct in_addr a, int prefix)
{
	uint32_t host = prefix ? ~(0xffffffffu << (32 - prefix)) : ~0u;
	uint32_t h = ntohl(a.s_addr) & host;

	return prefix > 30 || (h && h != host);
}

/* "ip address ADDRESS MASK" or "ip address negotiated" */
int cfg_tunnel_addr(struct cfg_parser *p, int argc, char **argv)
{
	struct cfg_tunnel *t = cfg_tunnel_of(p);
	struct in_addr a, mask;
	int len;

	if (!strcasecmp(argv[0], "negotiated")) {
		if (argc > 1) {
			cfg_error(p, "ip address negotiated: unexpected '%s'",
				  argv[1]);
			return -1;
		}
		memset(&t->addr, 0, sizeof(t->addr));
		t->addr_negotiated = true;
		return 0;
	}
	if (argc < 2) {
		cfg_error(p, "ip address: missing netmask (usage: ip address "
			  "ADDRESS MASK|negotiated)");
		return -1;
	}
	if (cfg_arg_addr4(p, argv[0], &a) || cfg_arg_addr4(p, argv[1], &mask))
		return -1;
	len = cfg_mask_prefix(mask);
	if (len <= 0) {
		cfg_error(p, "ip address: '%s' is not a valid netmask",
			  argv[1]);
		return -1;
	}
	if (!cfg_addr4_host(a, len)) {
		cfg_error(p, "ip address: '%s' is not a host address of its "
			  "/%d network", argv[0], len);
		return -1;
	}
	memset(&t->addr, 0, sizeof(t->addr));
	t->addr.family = AF_INET;
	t->addr.v4 = a;
	t->addr.prefix = len;
	t->addr_negotiated = false;
	return 0;
}

/* "ipv6 address ADDRESS/LEN", host bits kept */
int cfg_tunnel_addr6(struct cfg_parser *p, int argc __always_unused,
		     char **argv)
{
	struct cfg_tunnel *t = cfg_tunnel_of(p);
	char buf[INET6_ADDRSTRLEN + 5], *slash;
	unsigned long long len;
	struct cfg_addr a = { .family = AF_INET6 };

	snprintf(buf, sizeof(buf), "%s", argv[0]);
	slash = strchr(buf, '/');
	if (!slash || strlen(argv[0]) >= sizeof(buf)) {
		cfg_error(p, "ipv6 address: expected ADDRESS/LEN, not '%s'",
			  argv[0]);
		return -1;
	}
	*slash = '\0';
	if (inet_pton(AF_INET6, buf, &a.v6) != 1) {
		cfg_error(p, "ipv6 address: '%s' is not an IPv6 address", buf);
		return -1;
	}
	if (cfg_arg_uint(p, "prefix length", slash + 1, 1, 128, &len))
		return -1;
	a.prefix = len;
	if (!cfg_addr_unicast(&a)) {
		cfg_error(p, "ipv6 address: '%s' is not a unicast address",
			  buf);
		return -1;
	}
	t->addr6 = a;
	return 0;
}

/* "ip nhrp shortcut virtual-template N" */
int cfg_tunnel_shortcut(struct cfg_parser *p, int argc __always_unused,
			char **argv)
{
	struct cfg_tunnel *t = cfg_tunnel_of(p);
	unsigned long long n;

	if (strcasecmp(argv[0], "virtual-template")) {
		cfg_error(p, "ip nhrp shortcut: expected 'virtual-template N', "
			  "not '%s'", argv[0]);
		return -1;
	}
	if (cfg_arg_uint(p, "ip nhrp shortcut virtual-template", argv[1], 1,
			 CFG_VTEMPLATE_MAX, &n))
		return -1;
	t->nhrp_shortcut = n;
	t->nhrp_shortcut_line = p->line;
	return 0;
}

void cfg_tunnel_free(struct cfg_tunnel *t)
{
	cfg_iface_clear(&t->iface);
	free(t);
}
