/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The PKI material of the configuration in force: for each trustpoint
 * ("crypto pki trustpoint NAME"), its CA certificates and CRLs and our
 * certificate with its private key, read from the files it names when
 * the configuration is loaded or reloaded, and found by the trustpoint's
 * name until the next reload.  Also what IKE_SA_INIT announces: the
 * CERTREQ of the CAs the profiles verify with, and whether any profile
 * uses certificates at all.
 */
#ifndef FLEXVTID_PKI_H
#define FLEXVTID_PKI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cfg;
struct cfg_trustpoint;
struct cert_store;
struct cert_local;

int pki_reload(const struct cfg *cfg, const char *path);
void pki_free_all(void);
const struct cert_store *pki_store(const struct cfg_trustpoint *tp);
const struct cert_local *pki_local(const struct cfg_trustpoint *tp);
const uint8_t *pki_certreq(size_t *len);
bool pki_in_use(void);

#endif /* FLEXVTID_PKI_H */
