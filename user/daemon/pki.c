// SPDX-License-Identifier: GPL-2.0-only
/*
 * The trustpoints' files, read when the configuration is loaded: the CA
 * certificates and CRLs of each trustpoint (cert_store_load()) and our
 * certificate and key (cert_local_load()), kept by trustpoint name.  A
 * reload builds a new set beside the one in force and swaps only when
 * every file loaded, so a broken file on SIGHUP leaves the old
 * configuration and its certificates in force.
 *
 * Also checked here, as only the files tell: that the key of a profile's
 * sign trustpoint fits its "authentication local" method (RSA for
 * rsa-sig, ECDSA for ecdsa-sig), and that our certificate backs the
 * configured "identity local" (a warning when it does not: RFC 7296 §3.5
 * leaves it to the peer's policy, and most peers refuse then).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/cert.h"
#include "../lib/cfg.h"
#include "../lib/ikev2.h"
#include "ike_sa.h"
#include "log.h"
#include "pki.h"

/**
 * struct pki_tp - the material of one trustpoint
 * @name: the trustpoint's name
 * @store: its CA certificates and CRLs; NULL without "ca-certificate"
 * @local: our certificate and key; NULL without "certificate"
 */
struct pki_tp {
	char *name;
	struct cert_store *store;
	struct cert_local *local;
};

/**
 * struct pki_set - the material of every trustpoint of a configuration
 * @tp: one entry per trustpoint, in the configuration's order
 * @ntp: entries of @tp
 * @certreq: the Certification Authority field of our CERTREQ (§3.7):
 *	the SHA-1 hashes of the CA keys of every trustpoint a profile
 *	verifies certificates with, each once
 * @certreq_len: bytes at @certreq; 0: no CERTREQ
 * @in_use: a profile signs or verifies with certificates
 */
struct pki_set {
	struct pki_tp *tp;
	unsigned int ntp;
	uint8_t *certreq;
	size_t certreq_len;
	bool in_use;
};

static struct pki_set *pki;

#define PKI_SIG	(CFG_AUTH_BIT(CFG_AUTH_RSA_SIG) | \
		 CFG_AUTH_BIT(CFG_AUTH_ECDSA_SIG))

static void pki_set_free(struct pki_set *set)
{
	unsigned int i;

	if (!set)
		return;
	for (i = 0; i < set->ntp; i++) {
		free(set->tp[i].name);
		cert_store_free(set->tp[i].store);
		cert_local_free(set->tp[i].local);
	}
	free(set->tp);
	free(set->certreq);
	free(set);
}

static const struct pki_tp *pki_find(const struct pki_set *set,
				     const struct cfg_trustpoint *tp)
{
	unsigned int i;

	if (!set || !tp)
		return NULL;
	for (i = 0; i < set->ntp; i++)
		if (!strcmp(set->tp[i].name, tp->name))
			return &set->tp[i];
	return NULL;
}

static int pki_tp_load(struct pki_tp *e, const struct cfg_trustpoint *tp,
		       const char *path)
{
	char err[256] = "out of memory";

	e->name = strdup(tp->name);
	if (!e->name)
		goto fail;
	if (tp->ca_file) {
		e->store = cert_store_load(tp->ca_file, tp->crl_file,
					   tp->check_crl, err, sizeof(err));
		if (!e->store)
			goto fail;
	}
	if (tp->cert_file) {
		e->local = cert_local_load(tp->cert_file, tp->key_file, err,
					   sizeof(err));
		if (!e->local)
			goto fail;
	}
	return 0;
fail:
	log_err("%s: trustpoint %s: %s", path, tp->name, err);
	return -EINVAL;
}

/* our identity as configured, as cert_local_id_match() takes it */
static bool pki_id_backed(const struct cert_local *l,
			  const struct cfg_ident *id)
{
	switch (id->kind) {
	case CFG_ID_FQDN:
	case CFG_ID_EMAIL:
		return cert_local_id_match(l, id->kind == CFG_ID_FQDN ?
					   IKEV2_ID_FQDN :
					   IKEV2_ID_RFC822_ADDR,
					   (const uint8_t *)id->value,
					   strlen(id->value));
	case CFG_ID_ADDRESS:
		return cert_local_id_match(l, id->addr.family == AF_INET ?
					   IKEV2_ID_IPV4_ADDR :
					   IKEV2_ID_IPV6_ADDR,
					   (const uint8_t *)&id->addr.v4,
					   id->addr.family == AF_INET ? 4 : 16);
	case CFG_ID_KEY_ID:
		return false;
	default:
		return true;
	}
}

/* a profile that signs: the key fits the method, the identity fits */
static int pki_profile_check(const struct pki_set *set,
			     const struct cfg_profile *pf, const char *path)
{
	const struct pki_tp *e = pki_find(set, pf->tp_sign);
	bool rsa = pf->local_auth == CFG_AUTH_RSA_SIG;
	const uint8_t *der;
	size_t len;

	if (!(CFG_AUTH_BIT(pf->local_auth) & PKI_SIG)) {
		if (pf->local_id.kind == CFG_ID_DN &&
		    !(e && e->local))
			log_warn("%s: profile %s: 'identity local dn' without "
				 "a certificate to sign with: the address is "
				 "sent instead", path, pf->name);
		return 0;
	}
	if (!e || !e->local)	/* the loader checked it has a certificate */
		return -EINVAL;
	if (rsa != (cert_local_key_type(e->local) == CERT_KEY_RSA)) {
		log_err("%s: trustpoint %s: profile %s signs with %s, but the "
			"key is not %s", path, e->name, pf->name,
			rsa ? "rsa-sig" : "ecdsa-sig", rsa ? "RSA" : "ECDSA");
		return -EINVAL;
	}
	if (cert_local_subject(e->local, &der, &len) || len > IKE_ID_MAX) {
		log_err("%s: trustpoint %s: the certificate's subject is "
			"longer than %u bytes", path, e->name, IKE_ID_MAX);
		return -EINVAL;
	}
	if (!pki_id_backed(e->local, &pf->local_id))
		log_warn("%s: profile %s: the 'identity local' (line %u) is "
			 "not in the certificate of trustpoint %s: peers may "
			 "refuse it", path, pf->name, pf->local_id.line,
			 e->name);
	return 0;
}

/* append the CA key hashes of a trustpoint not already there */
static int pki_certreq_add(struct pki_set *set, const struct pki_tp *e)
{
	uint8_t *buf, *p;
	size_t len, i, j;
	int ret;

	ret = cert_store_certreq(e->store, NULL, 0, &len);
	if (ret && ret != -ENOSPC)
		return ret;
	buf = malloc(len);
	p = realloc(set->certreq, set->certreq_len + len);
	if (!buf || !p) {
		free(buf);
		return -ENOMEM;
	}
	set->certreq = p;
	ret = cert_store_certreq(e->store, buf, len, &len);
	for (i = 0; !ret && i + CERT_CERTREQ_HASH_LEN <= len;
	     i += CERT_CERTREQ_HASH_LEN) {
		for (j = 0; j < set->certreq_len; j += CERT_CERTREQ_HASH_LEN)
			if (!memcmp(p + j, buf + i, CERT_CERTREQ_HASH_LEN))
				break;
		if (j < set->certreq_len)
			continue;
		memcpy(p + set->certreq_len, buf + i, CERT_CERTREQ_HASH_LEN);
		set->certreq_len += CERT_CERTREQ_HASH_LEN;
	}
	free(buf);
	return ret;
}

/* what IKE_SA_INIT announces, and the checks of each profile */
static int pki_profiles(struct pki_set *set, const struct cfg *cfg,
			const char *path)
{
	const struct cfg_profile *pf;
	const struct pki_tp *e;
	unsigned int i;
	int ret;

	for (i = 0; i < cfg->nprofiles; i++) {
		pf = cfg->profiles[i];
		ret = pki_profile_check(set, pf, path);
		if (ret)
			return ret;
		if (CFG_AUTH_BIT(pf->local_auth) & PKI_SIG)
			set->in_use = true;
		if (!(pf->remote_auth & PKI_SIG))
			continue;
		set->in_use = true;
		e = pki_find(set, pf->tp_verify);
		if (!e || !e->store)
			return -EINVAL;
		ret = pki_certreq_add(set, e);
		if (ret) {
			log_err("%s: trustpoint %s: no CERTREQ: %s", path,
				e->name, strerror(-ret));
			return ret;
		}
	}
	return 0;
}

/**
 * pki_reload - read the files of every trustpoint of a configuration
 * @cfg: the configuration, loaded without errors
 * @path: its file name, for the messages
 *
 * Every failure is logged as "FILE: trustpoint NAME: reason" (or "FILE:
 * profile NAME: reason" for a key that does not fit the profile's
 * method).  The new material replaces the one in force only when all of
 * it loaded.
 *
 * Return: 0, or -EINVAL or -ENOMEM with the material in force unchanged.
 */
int pki_reload(const struct cfg *cfg, const char *path)
{
	struct pki_set *set = calloc(1, sizeof(*set));
	unsigned int i;
	int ret = -ENOMEM;

	if (set && cfg->ntrustpoints)
		set->tp = calloc(cfg->ntrustpoints, sizeof(*set->tp));
	if (!set || (cfg->ntrustpoints && !set->tp)) {
		log_err("%s: trustpoints: out of memory", path);
		goto fail;
	}
	for (i = 0; i < cfg->ntrustpoints; i++) {
		set->ntp++;
		ret = pki_tp_load(&set->tp[i], cfg->trustpoints[i], path);
		if (ret)
			goto fail;
	}
	ret = pki_profiles(set, cfg, path);
	if (ret)
		goto fail;
	pki_set_free(pki);
	pki = set;
	return 0;
fail:
	pki_set_free(set);
	return ret;
}

/**
 * pki_free_all - free the material in force (at exit)
 */
void pki_free_all(void)
{
	pki_set_free(pki);
	pki = NULL;
}

/**
 * pki_store - the CA certificates and CRLs of a trustpoint
 * @tp: a trustpoint of the configuration in force
 *
 * Return: the store, or NULL when @tp has no "ca-certificate".
 */
const struct cert_store *pki_store(const struct cfg_trustpoint *tp)
{
	const struct pki_tp *e = pki_find(pki, tp);

	return e ? e->store : NULL;
}

/**
 * pki_local - our certificate and key of a trustpoint
 * @tp: a trustpoint of the configuration in force
 *
 * Return: our certificate, or NULL when @tp has no "certificate".
 */
const struct cert_local *pki_local(const struct cfg_trustpoint *tp)
{
	const struct pki_tp *e = pki_find(pki, tp);

	return e ? e->local : NULL;
}

/**
 * pki_certreq - the data of our CERTREQ payload (RFC 7296 §3.7)
 * @len: receives its bytes, 0 when no profile verifies certificates
 *
 * Return: the concatenated SHA-1 hashes of the CA keys (encoding X.509
 * Certificate - Signature), or NULL.
 */
const uint8_t *pki_certreq(size_t *len)
{
	*len = pki ? pki->certreq_len : 0;
	return *len ? pki->certreq : NULL;
}

/**
 * pki_in_use - whether a profile signs or verifies with certificates
 *
 * Return: true when some profile has "authentication local|remote
 * rsa-sig|ecdsa-sig".
 */
bool pki_in_use(void)
{
	return pki && pki->in_use;
}
