// SPDX-License-Identifier: GPL-2.0-only
/*
 * iproute2 link plugin for link kind "flexvti".
 *
 *   ip link add va1 type flexvti [mode ipsec|gre] [template N]
 *                                [local ADDR] [remote ADDR]
 *                                [nhrp-network-id N] [nhrp-redirect S]
 *   ip link set va1 type flexvti [mode ...] [local ...] ...
 *   ip -d link show va1     ->   flexvti mode gre template 1 ...
 *
 * ip(8) loads $IP_LIB_DIR/link_<kind>.so (default /usr/lib/ip) for a link
 * kind it does not know and looks up "<kind>_link_util" in it; this is
 * iproute2's plugin interface for out-of-tree link kinds.  The plugin uses
 * only a few functions that ip exports with stable signatures.
 */
#include <arpa/inet.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <linux/flexvti.h>
#include <linux/rtnetlink.h>

#include "../lib/kern_dev.h"

/*
 * iproute2's struct link_util (ip/ip_common.h), same layout in 5.x and 6.x.
 * Newer versions pass parse_opt() a fifth argument, which is ignored.
 */
struct link_util {
	struct link_util *next;
	const char *id;
	int maxattr;
	int (*parse_opt)(struct link_util *lu, int argc, char **argv,
			 struct nlmsghdr *n);
	void (*print_opt)(struct link_util *lu, FILE *f, struct rtattr *tb[]);
	void (*print_xstats)(struct link_util *lu, FILE *f, struct rtattr *x);
	void (*print_help)(struct link_util *lu, int argc, char **argv,
			   FILE *f);
	int (*parse_ifla_xstats)(struct link_util *lu, int argc, char **argv);
	int (*print_ifla_xstats)(struct nlmsghdr *n, void *arg);
};

/* exported by ip(8) */
int addattr_l(struct nlmsghdr *n, int maxlen, int type, const void *data,
	      int alen);
bool is_json_context(void);
void print_string_name_value(const char *name, const char *value);
void print_uint_name_value(const char *name, uint64_t value);

/* the buffer iproute2 builds link requests in (struct iplink_req) */
#define FLEXVTI_IP_MAXLEN 1024

static void flexvti_ip_help(struct link_util *lu, int argc, char **argv,
			    FILE *f)
{
	(void)lu;
	(void)argc;
	(void)argv;
	fprintf(f,
		"Usage: ... flexvti [ mode { ipsec | gre } ] [ template N ]\n"
		"                   [ local ADDR ] [ remote ADDR ]\n"
		"                   [ nhrp-network-id N ] [ nhrp-redirect SECONDS ]\n");
}

static int flexvti_ip_put(void *ctx, int type, const void *data, int len)
{
	return addattr_l(ctx, FLEXVTI_IP_MAXLEN, type, data, len);
}

static int flexvti_ip_parse(struct link_util *lu, int argc, char **argv,
			    struct nlmsghdr *n)
{
	const unsigned int allowed = KERN_DEV_HAS_MODE | KERN_DEV_HAS_LOCAL |
				     KERN_DEV_HAS_REMOTE | KERN_DEV_HAS_NHRP |
				     KERN_DEV_HAS_TEMPLATE |
				     KERN_DEV_HAS_NHRP_REDIRECT;
	struct kern_dev d = { 0 };
	char err[128];

	if (argc == 1 && !strcmp(argv[0], "help")) {
		flexvti_ip_help(lu, 0, NULL, stdout);
		return -1;
	}
	if (kern_dev_parse_args(argc, argv, allowed, &d, err, sizeof(err))) {
		fprintf(stderr, "flexvti: %s\n", err);
		flexvti_ip_help(lu, 0, NULL, stderr);
		return -1;
	}
	return kern_dev_put(&d, &kern_dev_link_types, flexvti_ip_put, n) ? -1 : 0;
}

static uint32_t flexvti_ip_u32(struct rtattr *rta)
{
	uint32_t v = 0;

	if (rta && RTA_PAYLOAD(rta) == sizeof(v))
		memcpy(&v, RTA_DATA(rta), sizeof(v));
	return v;
}

/* "name value " as ip prints options, or a JSON member */
static void flexvti_ip_print_str(FILE *f, const char *name, const char *value)
{
	if (is_json_context())
		print_string_name_value(name, value);
	else
		fprintf(f, "%s %s ", name, value);
}

static void flexvti_ip_print_u32(FILE *f, const char *name, struct rtattr *rta)
{
	if (is_json_context())
		print_uint_name_value(name, flexvti_ip_u32(rta));
	else
		fprintf(f, "%s %u ", name, flexvti_ip_u32(rta));
}

static void flexvti_ip_print_addr(FILE *f, const char *name, int af,
				  struct rtattr *rta)
{
	char buf[INET6_ADDRSTRLEN];

	if (rta && RTA_PAYLOAD(rta) == (af == AF_INET6 ? 16u : 4u) &&
	    inet_ntop(af, RTA_DATA(rta), buf, sizeof(buf)))
		flexvti_ip_print_str(f, name, buf);
}

static void flexvti_ip_print(struct link_util *lu, FILE *f,
			     struct rtattr *tb[])
{
	(void)lu;
	if (!tb)
		return;
	flexvti_ip_print_str(f, "mode",
		kern_dev_mode_name(flexvti_ip_u32(tb[IFLA_FLEXVTI_MODE])));
	flexvti_ip_print_u32(f, "template", tb[IFLA_FLEXVTI_TEMPLATE_ID]);
	flexvti_ip_print_u32(f, "nhrp-network-id",
			     tb[IFLA_FLEXVTI_NHRP_NETWORK_ID]);
	/* as flexvtictl prints it: only when the hook is on */
	if (flexvti_ip_u32(tb[IFLA_FLEXVTI_NHRP_REDIRECT]))
		flexvti_ip_print_u32(f, "nhrp-redirect",
				     tb[IFLA_FLEXVTI_NHRP_REDIRECT]);
	flexvti_ip_print_addr(f, "local", AF_INET, tb[IFLA_FLEXVTI_LOCAL_IPV4]);
	flexvti_ip_print_addr(f, "remote", AF_INET,
			      tb[IFLA_FLEXVTI_REMOTE_IPV4]);
	flexvti_ip_print_addr(f, "local", AF_INET6,
			      tb[IFLA_FLEXVTI_LOCAL_IPV6]);
	flexvti_ip_print_addr(f, "remote", AF_INET6,
			      tb[IFLA_FLEXVTI_REMOTE_IPV6]);
}

struct link_util flexvti_link_util = {
	.id		= FLEXVTI_LINK_KIND,
	.maxattr	= IFLA_FLEXVTI_MAX,
	.parse_opt	= flexvti_ip_parse,
	.print_opt	= flexvti_ip_print,
	.print_help	= flexvti_ip_help,
};
