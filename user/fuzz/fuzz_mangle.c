// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target of cfg_mangle_name(): the first two bytes choose the
 * rules of a name mangler and the identity type, the rest is the
 * identity.  The name must fit its buffer, be NUL-terminated, as long as
 * returned and no longer than the identity (a DN unescapes, never
 * expands, and "domain" joins parts of it); on error it is empty.
 * Seeds: corpus/mangle.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/cfg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char cfg_delims[] = ".@\\/%#";

/* rules from two bytes: each rule in range, so every path is reached */
static void fuzz_mangler(struct cfg_name_mangler *m, uint8_t a, uint8_t b)
{
	memset(m, 0, sizeof(*m));
	m->fqdn = a % CFG_MANGLE_FQDN_N;
	m->email = (a >> 2) % CFG_MANGLE_EMAIL_N;
	m->dn = (a >> 4) % CFG_DN_N;
	m->eap = b % CFG_MANGLE_EAP_N;
	m->eap_dn = 1 + (b >> 3) % (CFG_DN_N - 1);
	m->eap_delim = cfg_delims[(b >> 6) % (sizeof(cfg_delims) - 1)];
}

/* the contract of cfg_mangle_name(), for the result @rc in @out */
static void fuzz_check(int rc, const char *id, const char *out,
		       size_t outlen, size_t room)
{
	size_t i;

	for (i = outlen; i < room; i++)
		if (out[i] != 'x')
			abort();
	if (rc < 0) {
		if (out[0] || (rc != -ENOENT && rc != -EINVAL &&
			       rc != -ENOSPC))
			abort();
		return;
	}
	if (!rc || (size_t)rc >= outlen || strlen(out) != (size_t)rc ||
	    (size_t)rc > strlen(id))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cfg_name_mangler m;
	char *id, out[64];
	size_t outlen;
	int src, rc;

	if (size < 2)
		return 0;
	fuzz_mangler(&m, data[0], data[1]);
	id = strndup((const char *)data + 2, size - 2);
	if (!id)
		return 0;
	for (src = CFG_MANGLE_SRC_FQDN; src <= CFG_MANGLE_SRC_EAP; src++) {
		outlen = 1 + (data[1] + src) % sizeof(out);
		memset(out, 'x', sizeof(out));
		rc = cfg_mangle_name(&m, src, id, out, outlen);
		fuzz_check(rc, id, out, outlen, sizeof(out));
	}
	free(id);
	return 0;
}
