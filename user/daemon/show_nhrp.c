// SPDX-License-Identifier: GPL-2.0-only
/*
 * "show ip nhrp": the NHRP cache (nhrp_cache.c), in the layout of IOS's
 * output; "show ip nhrp traffic": the NHRP counters of each interface
 * that sent or received NHRP packets (nhrp.c).
 */
#include <inttypes.h>

#include "../lib/json.h"
#include "nhrp.h"
#include "show.h"

static int show_nhrp_args(FILE *f, int argc, char **argv)
{
	if (!argc)
		return 0;
	fprintf(f, "unexpected '%s'\n", argv[0]);
	return -1;
}

int show_nhrp(FILE *f, bool json, int argc, char **argv)
{
	if (show_nhrp_args(f, argc, argv))
		return -1;
	nhrp_cache_show(f, json);
	return 0;
}

/* what the text form prints for each interface */
static void show_nhrp_traffic_text(const char *name, uint32_t ifindex,
				   const uint64_t *n, void *arg)
{
	FILE *f = arg;
	unsigned int i;

	(void)ifindex;
	fprintf(f, "%s:\n", name);
	for (i = 0; i < NHRP_STAT_N; i++)
		fprintf(f, "   %" PRIu64 " %s\n", n[i], nhrp_stat_name(i));
}

struct show_nhrp_json {
	FILE *f;
	bool first;
};

static void show_nhrp_traffic_json(const char *name, uint32_t ifindex,
				   const uint64_t *n, void *arg)
{
	struct show_nhrp_json *j = arg;
	unsigned int i;

	fprintf(j->f, "%s{\"interface\":", j->first ? "" : ",");
	json_print_str(j->f, name);
	fprintf(j->f, ",\"ifindex\":%u", ifindex);
	for (i = 0; i < NHRP_STAT_N; i++)
		fprintf(j->f, ",\"%s\":%" PRIu64, nhrp_stat_name(i), n[i]);
	fputc('}', j->f);
	j->first = false;
}

int show_nhrp_traffic(FILE *f, bool json, int argc, char **argv)
{
	struct show_nhrp_json j = { .f = f, .first = true };

	if (show_nhrp_args(f, argc, argv))
		return -1;
	if (!json) {
		nhrp_stats_each(show_nhrp_traffic_text, f);
		return 0;
	}
	fputc('[', f);
	nhrp_stats_each(show_nhrp_traffic_json, &j);
	fputs("]\n", f);
	return 0;
}
