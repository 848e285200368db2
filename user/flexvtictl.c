// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvtictl: control tool of flexvti.  Kernel-level commands talk to the
 * flexvti module directly; "show", "clear" and "rekey" commands talk to
 * flexvtid over its control socket (-s PATH, default
 * /run/flexvti/flexvtid.sock).
 *
 *   flexvtictl [-j] [-s PATH] show crypto session [detail]
 *   flexvtictl [-j] [-s PATH] show crypto ikev2 sa [detail]
 *   flexvtictl [-j] [-s PATH] show crypto ikev2 stats
 *   flexvtictl [-j] [-s PATH] show crypto ipsec sa
 *   flexvtictl [-j] [-s PATH] show aaa servers
 *   flexvtictl [-j] [-s PATH] show aaa dynamic-author
 *   flexvtictl [-j] [-s PATH] show ip nhrp [traffic]
 *   flexvtictl [-j] [-s PATH] clear crypto session [remote ADDR]
 *   flexvtictl [-j] [-s PATH] clear crypto ikev2 sa [ID]
 *   flexvtictl [-j] [-s PATH] rekey crypto ikev2|ipsec sa ID
 *   flexvtictl [-j] [-S] dev show [DEV]
 *   flexvtictl dev set DEV [mode ipsec|gre] [local ADDR] [remote ADDR]
 *                          [nhrp-network-id N] [nhrp-redirect SECONDS]
 *                          [mpls-labels L[/L...]|none]
 *                          [udp-socket FD|none] [remote-port PORT]
 *   flexvtictl sa add DEV dir in|out spi SPI alg ALG key KEY [salt KEY]
 *                     [auth-key KEY] [icv BYTES] [esn] [replay-window N]
 *                     [soft-bytes N] [hard-bytes N] [soft-packets N]
 *                     [hard-packets N] [seq N]
 *   flexvtictl sa del DEV dir in|out spi SPI
 *   flexvtictl sa swap DEV spi SPI
 *   flexvtictl [-j] sa show [DEV [dir in|out] [spi SPI]]
 *   flexvtictl acl set DEV in|out [name NAME] RULE...
 *   flexvtictl acl set DEV in|out none
 *   flexvtictl [-j] acl show DEV
 *   flexvtictl police set DEV in|out RATE [BURST] [name NAME]
 *   flexvtictl police set DEV in|out none
 *   flexvtictl [-j] monitor
 *
 * A RULE is an IOS extended access-list entry, one shell argument:
 * "permit tcp any any eq 5201".  It matches the family it names (ipv6,
 * icmpv6, an address, any4, any6), else both; the list ends with an
 * implicit deny.  RATE is in bit/s, BURST in bytes, each a decimal number
 * with an optional k, M or G (10^3, 10^6, 10^9).
 *
 * Exit status: 0, 1 when the operation failed, 2 for a wrong command line.
 */
#include <errno.h>
#include <net/if.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctl.h"
#include "lib/kern_nl.h"

/**
 * struct ctl_cmd - a subcommand
 * @object: its first word
 * @verb: its second word, or NULL for a command of one word
 * @fn: runs it with the words after those
 * @args: its arguments, for the usage text
 */
struct ctl_cmd {
	const char *object;
	const char *verb;
	int (*fn)(const struct ctl *ctl, int argc, char **argv);
	const char *args;
};

#define CTL_SOCKET	"/run/flexvti/flexvtid.sock"

/* continues the arguments of a command on the next line of the usage */
#define CTL_MORE	"\n                         "

static const struct ctl_cmd ctl_cmds[] = {
	{ "dev", "show", ctl_dev_show, "[DEV]" },
	{ "dev", "set", ctl_dev_set,
	  "DEV [mode ipsec|gre] [local ADDR] [remote ADDR]" CTL_MORE
	  "[nhrp-network-id N] [nhrp-redirect SECONDS]" CTL_MORE
	  "[mpls-labels L[/L...]|none] [udp-socket FD|none]" CTL_MORE
	  "[remote-port PORT]" },
	{ "sa", "add", ctl_sa_add,
	  "DEV dir in|out spi SPI alg ALG key KEY [salt KEY]" CTL_MORE
	  "[auth-key KEY] [icv BYTES] [esn] [replay-window N]" CTL_MORE
	  "[soft-bytes N] [hard-bytes N] [soft-packets N]" CTL_MORE
	  "[hard-packets N] [seq N]" },
	{ "sa", "del", ctl_sa_del, "DEV dir in|out spi SPI" },
	{ "sa", "swap", ctl_sa_swap, "DEV spi SPI" },
	{ "sa", "show", ctl_sa_show, "[DEV [dir in|out] [spi SPI]]" },
	{ "acl", "set", ctl_acl_set,
	  "DEV in|out [name NAME] RULE... | DEV in|out none" },
	{ "acl", "show", ctl_acl_show, "DEV" },
	{ "police", "set", ctl_police_set,
	  "DEV in|out RATE [BURST] [name NAME] |" CTL_MORE
	  "DEV in|out none" },
	{ "monitor", NULL, ctl_monitor, "" },
	{ "show", NULL, ctl_show,
	  "crypto session [detail] | crypto ikev2 sa [detail] |" CTL_MORE
	  "crypto ikev2 stats | crypto ipsec sa | aaa servers |" CTL_MORE
	  "aaa dynamic-author | ip nhrp [traffic]" },
	{ "clear", NULL, ctl_clear,
	  "crypto session [remote ADDR] | crypto ikev2 sa [ID]" },
	{ "rekey", NULL, ctl_rekey, "crypto ikev2|ipsec sa ID" },
};

static void ctl_help(FILE *f)
{
	size_t i;

	fprintf(f, "usage: flexvtictl [-j] [-S] [-s PATH] OBJECT [VERB] [ARGS]\n");
	for (i = 0; i < ARRAY_SIZE(ctl_cmds); i++)
		fprintf(f, "       flexvtictl %s%s%s%s%s\n", ctl_cmds[i].object,
			ctl_cmds[i].verb ? " " : "",
			ctl_cmds[i].verb ? ctl_cmds[i].verb : "",
			*ctl_cmds[i].args ? " " : "", ctl_cmds[i].args);
	fprintf(f, "  -j   print JSON\n"
		"  -S   dev show: print the counters in text too\n"
		"  -s   flexvtid's control socket (default " CTL_SOCKET ")\n"
		"  ALG  aes-gcm, chacha20-poly1305, aes-cbc-sha1, aes-cbc-sha256,\n"
		"       aes-cbc-sha384 or aes-cbc-sha512\n"
		"  KEY  hex digits, maybe after 0x, or @FILE to read them from FILE\n"
		"  SPI  decimal, or hexadecimal after 0x\n"
		"  RULE one argument: \"permit tcp any any eq 80\"; any4, any6,\n"
		"       ipv6 or icmpv6 make it match one family, else both\n"
		"  RATE bit/s, BURST bytes: a number, maybe with k, M or G\n"
		"  L    an MPLS label, 16 to 1048575; the first is outermost\n");
}

/**
 * ctl_usage - report a wrong command line
 * @fmt: what is wrong, printf style
 *
 * Return: CTL_USAGE.
 */
int ctl_usage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "flexvtictl: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	ctl_help(stderr);
	return CTL_USAGE;
}

/**
 * ctl_fail - report a failed operation
 * @err: negative errno
 * @extack: the kernel's reason, or NULL or "" when it gave none
 * @fmt: what failed, printf style
 *
 * Prints "flexvtictl: WHAT: STRERROR[: REASON]".
 *
 * Return: CTL_FAIL.
 */
int ctl_fail(int err, const char *extack, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "flexvtictl: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, ": %s", strerror(-err));
	if (extack && *extack)
		fprintf(stderr, ": %s", extack);
	fprintf(stderr, "\n");
	return CTL_FAIL;
}

/**
 * ctl_open - open a socket to the flexvti family, or say why not
 * @nl: the socket to set up
 *
 * Return: CTL_OK or CTL_FAIL.
 */
int ctl_open(struct kern_nl *nl)
{
	int err = kern_nl_open(nl);

	if (err == -ENOENT)
		return ctl_fail(err, NULL,
				"the flexvti module is not loaded and cannot be loaded");
	if (err)
		return ctl_fail(err, NULL, "cannot open a netlink socket");
	return CTL_OK;
}

/**
 * ctl_ifindex - the index of an interface, or say there is none
 * @name: the interface name
 * @ifindex: receives its index
 *
 * Return: CTL_OK or CTL_FAIL.
 */
int ctl_ifindex(const char *name, uint32_t *ifindex)
{
	*ifindex = if_nametoindex(name);
	if (!*ifindex)
		return ctl_fail(-ENODEV, NULL, "no interface \"%s\"", name);
	return CTL_OK;
}

/* the command of argv, and how many words name it */
static const struct ctl_cmd *ctl_find(int argc, char **argv, int *words)
{
	const struct ctl_cmd *c;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ctl_cmds); i++) {
		c = &ctl_cmds[i];
		if (strcmp(argv[0], c->object))
			continue;
		*words = c->verb ? 2 : 1;
		if (!c->verb || (argc >= 2 && !strcmp(argv[1], c->verb)))
			return c;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	const struct ctl_cmd *cmd;
	struct ctl ctl = { .socket = CTL_SOCKET };
	int opt, words;

	while ((opt = getopt(argc, argv, "+jSs:h")) != -1) {
		switch (opt) {
		case 'j':
			ctl.json = true;
			break;
		case 'S':
			ctl.stats = true;
			break;
		case 's':
			ctl.socket = optarg;
			break;
		case 'h':
			ctl_help(stdout);
			return CTL_OK;
		default:
			ctl_help(stderr);
			return CTL_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 1 && !strcmp(argv[0], "help")) {
		ctl_help(stdout);
		return CTL_OK;
	}
	if (argc < 1)
		return ctl_usage("missing command");
	cmd = ctl_find(argc, argv, &words);
	if (cmd)
		return cmd->fn(&ctl, argc - words, argv + words);
	if (argc < 2)
		return ctl_usage("unknown command \"%s\"", argv[0]);
	return ctl_usage("unknown command \"%s %s\"", argv[0], argv[1]);
}
