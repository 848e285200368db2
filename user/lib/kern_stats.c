// SPDX-License-Identifier: GPL-2.0-only
/*
 * Counters of a flexvti interface or SA: the nest FLEXVTI_A_STATS of
 * dev-get and sa-get replies, and their printed form.
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <linux/flexvti.h>
#include <linux/netlink.h>

#include "kern_stats.h"
#include "util.h"

/**
 * struct kern_stats_field - one counter
 * @type: its enum flexvti_stats_a attribute
 * @json: its JSON key
 * @off: offset of its struct kern_stats member
 */
struct kern_stats_field {
	int type;
	const char *json;
	size_t off;
};

#define KERN_STATS_FIELD(t, m) \
	{ FLEXVTI_STATS_A_##t, #m, offsetof(struct kern_stats, m) }

static const struct kern_stats_field kern_stats_fields[] = {
	KERN_STATS_FIELD(RX_PACKETS, rx_packets),
	KERN_STATS_FIELD(RX_BYTES, rx_bytes),
	KERN_STATS_FIELD(TX_PACKETS, tx_packets),
	KERN_STATS_FIELD(TX_BYTES, tx_bytes),
	KERN_STATS_FIELD(DROP_REPLAY, drop_replay),
	KERN_STATS_FIELD(DROP_AUTH, drop_auth),
	KERN_STATS_FIELD(DROP_NO_SA, drop_no_sa),
	KERN_STATS_FIELD(DROP_MALFORMED, drop_malformed),
	KERN_STATS_FIELD(DROP_MTU, drop_mtu),
	KERN_STATS_FIELD(DROP_OTHER, drop_other),
	KERN_STATS_FIELD(DROP_ACL, drop_acl),
	KERN_STATS_FIELD(DROP_POLICER, drop_policer),
	KERN_STATS_FIELD(NHRP_REDIRECTS, nhrp_redirects),
	KERN_STATS_FIELD(NHRP_REDIRECTS_LIMITED, nhrp_redirects_limited),
};

static uint64_t kern_stats_value(const struct kern_stats *s, size_t off)
{
	uint64_t v;

	memcpy(&v, (const char *)s + off, sizeof(v));
	return v;
}

static int kern_stats_set(struct kern_stats *s, int type, const char *data,
			  size_t len)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kern_stats_fields); i++) {
		if (kern_stats_fields[i].type != type)
			continue;
		if (len != sizeof(uint64_t))
			return -EINVAL;
		memcpy((char *)s + kern_stats_fields[i].off, data, len);
		return 0;
	}
	return 0;	/* padding, or a counter newer than this program */
}

/**
 * kern_stats_parse - read the counters from the payload of FLEXVTI_A_STATS
 * @nest: the payload: netlink attributes of enum flexvti_stats_a
 * @len: its length in bytes
 * @s: receives the counters; those absent are 0
 *
 * Return: 0, or -EINVAL when the payload is not well formed or a counter
 * is not 8 bytes long.
 */
int kern_stats_parse(const void *nest, size_t len, struct kern_stats *s)
{
	const char *p = nest;
	struct nlattr a;
	size_t step;

	memset(s, 0, sizeof(*s));
	while (len >= NLA_HDRLEN) {
		memcpy(&a, p, sizeof(a));
		if (a.nla_len < NLA_HDRLEN || a.nla_len > len)
			return -EINVAL;
		if (kern_stats_set(s, a.nla_type & NLA_TYPE_MASK,
				   p + NLA_HDRLEN, a.nla_len - NLA_HDRLEN))
			return -EINVAL;
		step = NLA_ALIGN(a.nla_len);
		/* the last attribute may lack its padding */
		if (step > len)
			step = len;
		len -= step;
		p += step;
	}
	return len ? -EINVAL : 0;
}

static void kern_stats_print_json(FILE *f, const struct kern_stats *s)
{
	size_t i;

	fputc('{', f);
	for (i = 0; i < ARRAY_SIZE(kern_stats_fields); i++)
		fprintf(f, "%s\"%s\":%" PRIu64, i ? "," : "",
			kern_stats_fields[i].json,
			kern_stats_value(s, kern_stats_fields[i].off));
	fputc('}', f);
}

/**
 * kern_stats_print - print counters
 * @f: where to
 * @s: the counters
 * @json: one JSON object (keys as the struct kern_stats members) instead
 *	of text
 *
 * Text is two lines, each indented by four spaces:
 * "rx P packets B bytes tx P packets B bytes" and
 * "drops replay N auth N no-sa N malformed N mtu N other N acl N
 * policer N"; a third, "nhrp-redirects N limited N", when either
 * counter is not 0.
 */
void kern_stats_print(FILE *f, const struct kern_stats *s, bool json)
{
	if (json) {
		kern_stats_print_json(f, s);
		return;
	}
	fprintf(f, "    rx %" PRIu64 " packets %" PRIu64 " bytes tx %" PRIu64
		" packets %" PRIu64 " bytes\n", s->rx_packets, s->rx_bytes,
		s->tx_packets, s->tx_bytes);
	fprintf(f, "    drops replay %" PRIu64 " auth %" PRIu64 " no-sa %"
		PRIu64 " malformed %" PRIu64 " mtu %" PRIu64 " other %" PRIu64
		" acl %" PRIu64 " policer %" PRIu64 "\n", s->drop_replay,
		s->drop_auth, s->drop_no_sa, s->drop_malformed, s->drop_mtu,
		s->drop_other, s->drop_acl, s->drop_policer);
	if (s->nhrp_redirects || s->nhrp_redirects_limited)
		fprintf(f, "    nhrp-redirects %" PRIu64 " limited %" PRIu64
			"\n", s->nhrp_redirects, s->nhrp_redirects_limited);
}
