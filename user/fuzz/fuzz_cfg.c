// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target of the configuration loader (user/lib/cfg*.c): load
 * the input as a configuration file and print it; when it loads, its dump
 * with keys must load back into a model that dumps the same, built-ins
 * included.  Seeds: corpus/cfg (the guide's examples and the bad lines of
 * tests/data/cfg).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/cfg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *dump(const struct cfg *cfg, unsigned int flags)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f || cfg_dump(cfg, f, flags))
		abort();
	fclose(f);
	return buf;
}

static void round_trip(const struct cfg *cfg)
{
	char *text = dump(cfg, CFG_DUMP_SECRETS), *all1, *all2;
	struct cfg_err err;
	struct cfg *again;

	again = cfg_load_buf("dump", text, strlen(text), &err);
	if (!again) {
		cfg_err_print(&err, stderr);
		fprintf(stderr, "the dump does not load:\n%s", text);
		abort();
	}
	all1 = dump(cfg, CFG_DUMP_SECRETS | CFG_DUMP_ALL);
	all2 = dump(again, CFG_DUMP_SECRETS | CFG_DUMP_ALL);
	if (strcmp(all1, all2)) {
		fprintf(stderr, "dump:\n%s\nreloaded:\n%s", all1, all2);
		abort();
	}
	free(all1);
	free(all2);
	free(text);
	cfg_free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cfg_err err;
	struct cfg *cfg;
	char *text;
	FILE *null;

	cfg = cfg_load_buf("fuzz", (const char *)data, size, &err);
	null = fopen("/dev/null", "w");
	if (null) {
		cfg_err_print(&err, null);
		fclose(null);
	}
	if (!cfg)
		return 0;
	text = dump(cfg, 0);
	free(text);
	round_trip(cfg);
	cfg_free(cfg);
	return 0;
}
