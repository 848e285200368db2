// SPDX-License-Identifier: GPL-2.0-only
/*
 * Settings of a flexvti virtual-access interface: the words of
 * "flexvtictl dev set" and "ip link add ... type flexvti", and their
 * printed form.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <linux/flexvti.h>

#include "json.h"
#include "kern_dev.h"
#include "util.h"

static const char *const kern_dev_modes[] = {
	[FLEXVTI_MODE_IPSEC]	= "ipsec",
	[FLEXVTI_MODE_GRE]	= "gre",
};

/**
 * kern_dev_mode_name - name of a mode, as the CLI spells it
 * @mode: enum flexvti_mode
 *
 * Return: "ipsec", "gre" or "unknown".
 */
const char *kern_dev_mode_name(uint32_t mode)
{
	if (mode < ARRAY_SIZE(kern_dev_modes) &&
	    kern_dev_modes[mode])
		return kern_dev_modes[mode];
	return "unknown";
}

static const char *const kern_dev_del_reasons[] = {
	[FLEXVTI_DEL_REASON_USERSPACE]	= "userspace",
	[FLEXVTI_DEL_REASON_NETNS]	= "netns",
	[FLEXVTI_DEL_REASON_UNLOAD]	= "unload",
};

/**
 * kern_dev_del_reason_name - why an interface went away, in a word
 * @reason: enum flexvti_del_reason
 *
 * Return: "userspace", "netns", "unload" or "unknown".
 */
const char *kern_dev_del_reason_name(uint32_t reason)
{
	if (reason < ARRAY_SIZE(kern_dev_del_reasons) &&
	    kern_dev_del_reasons[reason])
		return kern_dev_del_reasons[reason];
	return "unknown";
}

const struct kern_dev_types kern_dev_genl_types = {
	.mode		= FLEXVTI_A_MODE,
	.local4		= FLEXVTI_A_LOCAL_IPV4,
	.remote4	= FLEXVTI_A_REMOTE_IPV4,
	.local6		= FLEXVTI_A_LOCAL_IPV6,
	.remote6	= FLEXVTI_A_REMOTE_IPV6,
	.nhrp		= FLEXVTI_A_NHRP_NETWORK_ID,
	.template_id	= FLEXVTI_A_TEMPLATE_ID,
	.udp_socket	= FLEXVTI_A_UDP_SOCKET,
	.udp_remote_port = FLEXVTI_A_UDP_REMOTE_PORT,
	.nhrp_redirect	= FLEXVTI_A_NHRP_REDIRECT,
	.mpls_labels	= FLEXVTI_A_MPLS_LABELS,
};

const struct kern_dev_types kern_dev_link_types = {
	.mode		= IFLA_FLEXVTI_MODE,
	.local4		= IFLA_FLEXVTI_LOCAL_IPV4,
	.remote4	= IFLA_FLEXVTI_REMOTE_IPV4,
	.local6		= IFLA_FLEXVTI_LOCAL_IPV6,
	.remote6	= IFLA_FLEXVTI_REMOTE_IPV6,
	.nhrp		= IFLA_FLEXVTI_NHRP_NETWORK_ID,
	.template_id	= IFLA_FLEXVTI_TEMPLATE_ID,
	.nhrp_redirect	= IFLA_FLEXVTI_NHRP_REDIRECT,
};

static int kern_dev_put_u32(kern_dev_put_fn put, void *ctx, int type,
			    uint32_t v)
{
	return put(ctx, type, &v, sizeof(v));
}

/* the NHRP redirect timeout and the label stack, where the family has them */
static int kern_dev_put_nhrp_mpls(const struct kern_dev *d,
				  const struct kern_dev_types *t,
				  kern_dev_put_fn put, void *ctx)
{
	int err = 0;

	if (d->has & KERN_DEV_HAS_NHRP_REDIRECT)
		err = kern_dev_put_u32(put, ctx, t->nhrp_redirect,
				       d->nhrp_redirect);
	if (!err && (d->has & KERN_DEV_HAS_MPLS_LABELS) && t->mpls_labels)
		err = put(ctx, t->mpls_labels, d->mpls_labels,
			  (int)(d->mpls_nlabels * sizeof(uint32_t)));
	return err;
}

/**
 * kern_dev_put - add the settings flagged in d->has to a message
 * @d: the settings
 * @t: the attribute types of the message's family
 * @put: adds one attribute
 * @ctx: passed to @put
 *
 * The label stack goes only to a family that has it (genl), as an
 * attribute of d->mpls_nlabels u32, empty to remove the labels.
 *
 * Return: 0, or the first negative return value of @put.
 */
int kern_dev_put(const struct kern_dev *d, const struct kern_dev_types *t,
		 kern_dev_put_fn put, void *ctx)
{
	int v6 = d->family == AF_INET6, len = v6 ? 16 : 4, err = 0;

	if (d->has & KERN_DEV_HAS_MODE)
		err = kern_dev_put_u32(put, ctx, t->mode, d->mode);
	if (!err && (d->has & KERN_DEV_HAS_NHRP))
		err = kern_dev_put_u32(put, ctx, t->nhrp, d->nhrp_network_id);
	if (!err)
		err = kern_dev_put_nhrp_mpls(d, t, put, ctx);
	if (!err && (d->has & KERN_DEV_HAS_TEMPLATE))
		err = kern_dev_put_u32(put, ctx, t->template_id,
				       d->template_id);
	if (!err && (d->has & KERN_DEV_HAS_LOCAL))
		err = put(ctx, v6 ? t->local6 : t->local4, &d->local, len);
	if (!err && (d->has & KERN_DEV_HAS_REMOTE))
		err = put(ctx, v6 ? t->remote6 : t->remote4, &d->remote, len);
	if (!err && (d->has & KERN_DEV_HAS_UDP_SOCKET) && t->udp_socket)
		err = put(ctx, t->udp_socket, &d->udp_fd, sizeof(d->udp_fd));
	if (!err && (d->has & KERN_DEV_HAS_REMOTE_PORT) && t->udp_remote_port) {
		uint16_t port = htons(d->remote_port);

		err = put(ctx, t->udp_remote_port, &port, sizeof(port));
	}
	return err;
}

static int kern_dev_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static int kern_dev_parse_mode(const char *word, struct kern_dev *d,
			       char *err, size_t errlen)
{
	uint32_t m;

	for (m = FLEXVTI_MODE_IPSEC; m <= FLEXVTI_MODE_MAX; m++) {
		if (!strcmp(word, kern_dev_modes[m])) {
			d->mode = m;
			return 0;
		}
	}
	return kern_dev_err(err, errlen,
			    "unknown mode \"%s\" (ipsec or gre)", word);
}

static int kern_dev_parse_u32(const char *word, uint32_t *v,
			      char *err, size_t errlen)
{
	unsigned long long n;
	char *end;

	errno = 0;
	n = strtoull(word, &end, 10);
	if (!*word || *end || word[0] == '-' || errno || n > UINT32_MAX)
		return kern_dev_err(err, errlen,
				    "\"%s\" is not a number from 0 to 4294967295",
				    word);
	*v = (uint32_t)n;
	return 0;
}

static int kern_dev_parse_addr(const char *word, union kern_addr *a,
			       int *family, char *err, size_t errlen)
{
	int af = strchr(word, ':') ? AF_INET6 : AF_INET;

	if (inet_pton(af, word, a) != 1)
		return kern_dev_err(err, errlen,
				    "\"%s\" is not an IPv4 or IPv6 address",
				    word);
	if (*family && *family != af)
		return kern_dev_err(err, errlen,
				    "local and remote addresses are of different families");
	*family = af;
	return 0;
}

/* "none" (raw ESP) or a descriptor number */
static int kern_dev_parse_fd(const char *word, int *fd, char *err,
			     size_t errlen)
{
	uint32_t n;

	if (!strcmp(word, "none")) {
		*fd = -1;
		return 0;
	}
	if (kern_dev_parse_u32(word, &n, err, errlen) || n > INT32_MAX)
		return kern_dev_err(err, errlen,
				    "\"%s\" is not a file descriptor or \"none\"",
				    word);
	*fd = (int)n;
	return 0;
}

static int kern_dev_parse_port(const char *word, uint16_t *port, char *err,
			       size_t errlen)
{
	uint32_t n;

	if (kern_dev_parse_u32(word, &n, err, errlen) || !n || n > 65535)
		return kern_dev_err(err, errlen,
				    "\"%s\" is not a port from 1 to 65535",
				    word);
	*port = (uint16_t)n;
	return 0;
}

/* seconds of "nhrp-redirect", 0 to FLEXVTI_NHRP_REDIRECT_MAX */
static int kern_dev_parse_redirect(const char *word, uint32_t *v, char *err,
				   size_t errlen)
{
	if (kern_dev_parse_u32(word, v, err, errlen) ||
	    *v > FLEXVTI_NHRP_REDIRECT_MAX)
		return kern_dev_err(err, errlen,
				    "\"%s\" is not a number of seconds from 0 to %u",
				    word, FLEXVTI_NHRP_REDIRECT_MAX);
	return 0;
}

/* one label of "mpls-labels", FLEXVTI_MPLS_LABEL_MIN to _MAX */
static int kern_dev_parse_label(const char *word, uint32_t *label,
				char *err, size_t errlen)
{
	if (kern_dev_parse_u32(word, label, err, errlen) ||
	    *label < FLEXVTI_MPLS_LABEL_MIN || *label > FLEXVTI_MPLS_LABEL_MAX)
		return kern_dev_err(err, errlen,
				    "\"%s\" is not an MPLS label from %u to %u",
				    word, FLEXVTI_MPLS_LABEL_MIN,
				    FLEXVTI_MPLS_LABEL_MAX);
	return 0;
}

/* "none", or labels separated by "/", outermost first */
static int kern_dev_parse_labels(const char *word, struct kern_dev *d,
				 char *err, size_t errlen)
{
	char buf[128], *tok, *save = NULL;
	uint32_t n = 0;

	d->mpls_nlabels = 0;
	if (!strcmp(word, "none"))
		return 0;
	if (!*word || strlen(word) >= sizeof(buf) || strstr(word, "//") ||
	    word[0] == '/' || word[strlen(word) - 1] == '/')
		return kern_dev_err(err, errlen,
				    "\"%s\" is not a label stack (L[/L...] or none)",
				    word);
	strcpy(buf, word);
	for (tok = strtok_r(buf, "/", &save); tok;
	     tok = strtok_r(NULL, "/", &save)) {
		if (n == FLEXVTI_MPLS_LABELS_MAX)
			return kern_dev_err(err, errlen,
					    "more than %u MPLS labels",
					    FLEXVTI_MPLS_LABELS_MAX);
		if (kern_dev_parse_label(tok, &d->mpls_labels[n], err, errlen))
			return -EINVAL;
		n++;
	}
	d->mpls_nlabels = n;
	return 0;
}

struct kern_dev_word {
	const char *name;
	unsigned int bit;
};

static const struct kern_dev_word kern_dev_words[] = {
	{ "mode",		KERN_DEV_HAS_MODE },
	{ "local",		KERN_DEV_HAS_LOCAL },
	{ "remote",		KERN_DEV_HAS_REMOTE },
	{ "nhrp-network-id",	KERN_DEV_HAS_NHRP },
	{ "template",		KERN_DEV_HAS_TEMPLATE },
	{ "udp-socket",		KERN_DEV_HAS_UDP_SOCKET },
	{ "remote-port",	KERN_DEV_HAS_REMOTE_PORT },
	{ "nhrp-redirect",	KERN_DEV_HAS_NHRP_REDIRECT },
	{ "mpls-labels",	KERN_DEV_HAS_MPLS_LABELS },
};

static int kern_dev_parse_one(unsigned int bit, const char *val,
			      struct kern_dev *d, char *err, size_t errlen)
{
	switch (bit) {
	case KERN_DEV_HAS_MODE:
		return kern_dev_parse_mode(val, d, err, errlen);
	case KERN_DEV_HAS_LOCAL:
		return kern_dev_parse_addr(val, &d->local, &d->family,
					   err, errlen);
	case KERN_DEV_HAS_REMOTE:
		return kern_dev_parse_addr(val, &d->remote, &d->family,
					   err, errlen);
	case KERN_DEV_HAS_NHRP:
		return kern_dev_parse_u32(val, &d->nhrp_network_id,
					  err, errlen);
	case KERN_DEV_HAS_UDP_SOCKET:
		return kern_dev_parse_fd(val, &d->udp_fd, err, errlen);
	case KERN_DEV_HAS_REMOTE_PORT:
		return kern_dev_parse_port(val, &d->remote_port, err, errlen);
	case KERN_DEV_HAS_NHRP_REDIRECT:
		return kern_dev_parse_redirect(val, &d->nhrp_redirect, err,
					       errlen);
	case KERN_DEV_HAS_MPLS_LABELS:
		return kern_dev_parse_labels(val, d, err, errlen);
	default:
		return kern_dev_parse_u32(val, &d->template_id, err, errlen);
	}
}

/**
 * kern_dev_parse_args - parse "KEYWORD VALUE" pairs into settings
 * @argc: number of words
 * @argv: the words: mode ipsec|gre, local ADDR, remote ADDR,
 *	nhrp-network-id N, template N (numbers are decimal u32),
 *	udp-socket FD|none, remote-port PORT, nhrp-redirect SECONDS (0 to
 *	600), mpls-labels L[/L...]|none (1 to 8 labels, each 16 to
 *	1048575, outermost first; none removes them)
 * @allowed: KERN_DEV_HAS_* bits of the keywords accepted here
 * @d: receives the settings; d->has tells which were given
 * @err: receives a message naming the bad word on failure
 * @errlen: size of @err
 *
 * Return: 0, or -EINVAL with the reason in @err.
 */
int kern_dev_parse_args(int argc, char **argv, unsigned int allowed,
			struct kern_dev *d, char *err, size_t errlen)
{
	const size_t nwords = ARRAY_SIZE(kern_dev_words);
	int i, ret;
	size_t w;

	for (i = 0; i < argc; i += 2) {
		for (w = 0; w < nwords; w++)
			if ((allowed & kern_dev_words[w].bit) &&
			    !strcmp(argv[i], kern_dev_words[w].name))
				break;
		if (w == nwords)
			return kern_dev_err(err, errlen,
					    "unknown setting \"%s\"", argv[i]);
		if (d->has & kern_dev_words[w].bit)
			return kern_dev_err(err, errlen, "%s given twice",
					    argv[i]);
		if (i + 1 >= argc)
			return kern_dev_err(err, errlen, "%s needs a value",
					    argv[i]);
		ret = kern_dev_parse_one(kern_dev_words[w].bit, argv[i + 1],
					 d, err, errlen);
		if (ret)
			return ret;
		d->has |= kern_dev_words[w].bit;
	}
	return 0;
}

static void kern_dev_print_addrs(FILE *f, const struct kern_dev *d, bool json)
{
	char local[INET6_ADDRSTRLEN], remote[INET6_ADDRSTRLEN];

	if (!(d->has & KERN_DEV_HAS_REMOTE))
		return;
	inet_ntop(d->family, &d->local, local, sizeof(local));
	inet_ntop(d->family, &d->remote, remote, sizeof(remote));
	if (json)
		fprintf(f, ",\"local\":\"%s\",\"remote\":\"%s\"", local, remote);
	else
		fprintf(f, " local %s remote %s", local, remote);
}

/* "nhrp-redirect S" when it is on, "mpls-labels L/L" when there are any */
static void kern_dev_print_nhrp_mpls(FILE *f, const struct kern_dev *d,
				     bool json)
{
	uint32_t i;

	if (json && (d->has & KERN_DEV_HAS_NHRP_REDIRECT))
		fprintf(f, ",\"nhrp_redirect\":%u", d->nhrp_redirect);
	else if ((d->has & KERN_DEV_HAS_NHRP_REDIRECT) && d->nhrp_redirect)
		fprintf(f, " nhrp-redirect %u", d->nhrp_redirect);
	if (!(d->has & KERN_DEV_HAS_MPLS_LABELS) || !d->mpls_nlabels)
		return;
	fputs(json ? ",\"mpls_labels\":[" : " mpls-labels ", f);
	for (i = 0; i < d->mpls_nlabels; i++)
		fprintf(f, "%s%u", i ? (json ? "," : "/") : "",
			d->mpls_labels[i]);
	if (json)
		fputc(']', f);
}

static void kern_dev_print_udp(FILE *f, const struct kern_dev *d, bool json)
{
	if (!(d->has & KERN_DEV_HAS_LOCAL_PORT))
		return;
	if (json)
		fprintf(f, ",\"udp\":{\"local_port\":%u,\"remote_port\":%u}",
			d->local_port, d->remote_port);
	else
		fprintf(f, " udp local-port %u remote-port %u", d->local_port,
			d->remote_port);
}

/**
 * kern_dev_print_settings - print the settings of an interface, no more
 * @f: where to
 * @d: the settings, as read from the kernel
 * @json: JSON object members instead of text
 *
 * Text: "mode gre template 1 nhrp-network-id 5 nhrp-redirect 3
 * mpls-labels 100/200 local A remote B", the words "flexvtictl dev set"
 * takes (nhrp-redirect only when it is not 0, mpls-labels only when there
 * are labels), then "udp local-port P remote-port Q" with ESP-in-UDP,
 * without a newline.  JSON: the members "mode", "template",
 * "nhrp_network_id", "nhrp_redirect" (when known), "mpls_labels" (an
 * array, when there are labels), "local" and "remote" (only once set),
 * "udp" (an object with "local_port" and "remote_port", only with
 * ESP-in-UDP), without braces, for the caller's object.
 */
void kern_dev_print_settings(FILE *f, const struct kern_dev *d, bool json)
{
	if (json)
		fprintf(f, "\"mode\":\"%s\",\"template\":%u,\"nhrp_network_id\":%u",
			kern_dev_mode_name(d->mode), d->template_id,
			d->nhrp_network_id);
	else
		fprintf(f, "mode %s template %u nhrp-network-id %u",
			kern_dev_mode_name(d->mode), d->template_id,
			d->nhrp_network_id);
	kern_dev_print_nhrp_mpls(f, d, json);
	kern_dev_print_addrs(f, d, json);
	kern_dev_print_udp(f, d, json);
}

static const char *const kern_dev_dirs[ACL_NDIRS] = {
	[ACL_DIR_IN] = "in",
	[ACL_DIR_OUT] = "out",
};

static void kern_dev_print_acl(FILE *f, const struct kern_dev_acl *a,
			       int dir, bool json)
{
	if (json) {
		fprintf(f, "\"%s\":{\"name\":", kern_dev_dirs[dir]);
		json_print_str(f, a->name);
		fprintf(f, ",\"rules\":%u,\"implicit_deny_matches\":%" PRIu64
			"}", a->nrules, a->deny_hits);
		return;
	}
	fprintf(f, "    acl %s %s rules %u implicit-deny %" PRIu64 "\n",
		kern_dev_dirs[dir], a->name[0] ? a->name : "-", a->nrules,
		a->deny_hits);
}

static void kern_dev_print_policer(FILE *f, const struct acl_policer *p,
				   int dir, bool json)
{
	if (json) {
		fprintf(f, "\"%s\":{\"name\":", kern_dev_dirs[dir]);
		json_print_str(f, p->name);
		fprintf(f, ",\"rate\":%" PRIu64 ",\"burst\":%u,"
			"\"conform_packets\":%" PRIu64 ",\"conform_bytes\":%"
			PRIu64 ",\"exceed_packets\":%" PRIu64
			",\"exceed_bytes\":%" PRIu64 "}", p->rate, p->burst,
			p->conform_packets, p->conform_bytes,
			p->exceed_packets, p->exceed_bytes);
		return;
	}
	fprintf(f, "    police %s %s rate %" PRIu64 " burst %u conform %"
		PRIu64 " packets %" PRIu64 " bytes exceed %" PRIu64
		" packets %" PRIu64 " bytes\n", kern_dev_dirs[dir],
		p->name[0] ? p->name : "-", p->rate, p->burst,
		p->conform_packets, p->conform_bytes, p->exceed_packets,
		p->exceed_bytes);
}

/* the lists, then the policers: text lines, or JSON members */
static void kern_dev_print_filters(FILE *f, const struct kern_dev *d,
				   bool json)
{
	unsigned int acls = d->has & (KERN_DEV_HAS_ACL_IN |
				      KERN_DEV_HAS_ACL_OUT);
	unsigned int pols = d->has & (KERN_DEV_HAS_POLICER_IN |
				      KERN_DEV_HAS_POLICER_OUT);
	int dir, n;

	if (json && acls)
		fputs(",\"acl\":{", f);
	for (dir = 0, n = 0; dir < ACL_NDIRS; dir++) {
		if (!(d->has & KERN_DEV_HAS_ACL(dir)))
			continue;
		if (json && n++)
			fputc(',', f);
		kern_dev_print_acl(f, &d->acl[dir], dir, json);
	}
	if (json && acls)
		fputc('}', f);
	if (json && pols)
		fputs(",\"police\":{", f);
	for (dir = 0, n = 0; dir < ACL_NDIRS; dir++) {
		if (!(d->has & KERN_DEV_HAS_POLICER(dir)))
			continue;
		if (json && n++)
			fputc(',', f);
		kern_dev_print_policer(f, &d->policer[dir], dir, json);
	}
	if (json && pols)
		fputc('}', f);
}

/**
 * kern_dev_print - print one interface's settings
 * @f: where to
 * @d: the settings, as read from the kernel
 * @json: one JSON object instead of text
 *
 * Text: "va1: " and kern_dev_print_settings() on one line; then per
 * attached access list, indented by four spaces, "acl in|out NAME rules
 * N implicit-deny H" (H: packets its implicit deny dropped); per attached
 * policer "police in|out NAME rate BIT/S burst BYTES conform P packets B
 * bytes exceed P packets B bytes" (NAME "-" when it has none); then the
 * counters (kern_stats_print()) when the kernel reported them.  JSON: an
 * object with the keys ifindex, ifname, those of
 * kern_dev_print_settings(), "acl" when a list is attached (an object
 * with "in" and/or "out", each with "name", "rules" and
 * "implicit_deny_matches"), "police" when a policer is (an object with
 * "in" and/or "out", each with "name", "rate", "burst",
 * "conform_packets", "conform_bytes", "exceed_packets" and
 * "exceed_bytes") and, with the counters, "stats".
 */
void kern_dev_print(FILE *f, const struct kern_dev *d, bool json)
{
	bool stats = d->has & KERN_DEV_HAS_STATS;

	if (json) {
		fprintf(f, "{\"ifindex\":%u,\"ifname\":", d->ifindex);
		json_print_str(f, d->name);
		fputc(',', f);
		kern_dev_print_settings(f, d, true);
		kern_dev_print_filters(f, d, true);
		if (stats) {
			fprintf(f, ",\"stats\":");
			kern_stats_print(f, &d->stats, true);
		}
		fputc('}', f);
		return;
	}
	fprintf(f, "%s: ", d->name);
	kern_dev_print_settings(f, d, false);
	fputc('\n', f);
	kern_dev_print_filters(f, d, false);
	if (stats)
		kern_stats_print(f, &d->stats, false);
}
