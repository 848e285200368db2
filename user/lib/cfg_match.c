// SPDX-License-Identifier: GPL-2.0-only
/*
 * The lookups the daemon makes in a loaded model: the policy of an
 * IKE_SA_INIT, the profile of an IKE_AUTH (none when ambiguous), the
 * keyring peer of a peer, the IPsec profile of a template, and finding
 * objects by name.
 */
#include <ctype.h>
#include <strings.h>

#include "cfg_int.h"

int cfg_addr_from_sockaddr(struct cfg_addr *a, const struct sockaddr *sa)
{
	const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)sa;
	const struct sockaddr_in *s4 = (const struct sockaddr_in *)sa;

	memset(a, 0, sizeof(*a));
	if (sa->sa_family == AF_INET) {
		a->family = AF_INET;
		a->v4 = s4->sin_addr;
		a->prefix = 32;
	} else if (sa->sa_family == AF_INET6 &&
		   IN6_IS_ADDR_V4MAPPED(&s6->sin6_addr)) {
		a->family = AF_INET;
		memcpy(&a->v4, &s6->sin6_addr.s6_addr[12], 4);
		a->prefix = 32;
	} else if (sa->sa_family == AF_INET6) {
		a->family = AF_INET6;
		a->v6 = s6->sin6_addr;
		a->prefix = 128;
	} else {
		return -1;
	}
	return 0;
}

void cfg_addr_to_sockaddr(const struct cfg_addr *a,
			  struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof(*ss));
	ss->ss_family = a->family;
	if (a->family == AF_INET)
		((struct sockaddr_in *)ss)->sin_addr = a->v4;
	else
		((struct sockaddr_in6 *)ss)->sin6_addr = a->v6;
}

/* the same address, whatever the prefix lengths */
static bool cfg_host_eq(const struct cfg_addr *a, const struct cfg_addr *b)
{
	if (a->family != b->family)
		return false;
	if (a->family == AF_INET)
		return a->v4.s_addr == b->v4.s_addr;
	return !memcmp(&a->v6, &b->v6, sizeof(a->v6));
}

static bool cfg_host_in(const struct cfg_addr *list, unsigned int n,
			const struct cfg_addr *a)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (cfg_host_eq(&list[i], a))
			return true;
	return false;
}

static bool cfg_fvrf_match(const char *name, bool any, const char *fvrf)
{
	if (any)
		return true;
	if (!fvrf || !*fvrf)
		return !name;
	return name && !strcmp(name, fvrf);
}

const struct cfg_policy *cfg_policy_match(const struct cfg *cfg,
					  const struct cfg_addr *local,
					  const char *fvrf)
{
	const struct cfg_policy *best = NULL;
	bool user = false;
	unsigned int i;
	int score, best_score = -1;

	for (i = 0; i < cfg->npolicies; i++)
		user |= !cfg->policies[i]->builtin;
	for (i = 0; i < cfg->npolicies; i++) {
		const struct cfg_policy *po = cfg->policies[i];

		if (po->builtin == user || po->disabled || !po->nproposals ||
		    !cfg_fvrf_match(po->fvrf, po->fvrf_any, fvrf) ||
		    (po->nlocal && !cfg_host_in(po->local, po->nlocal, local)))
			continue;
		score = (po->nlocal ? 2 : 0) + !po->fvrf_any;
		if (score > best_score) {
			best = po;
			best_score = score;
		}
	}
	return best;
}

static bool cfg_caseeq(const uint8_t *a, size_t alen, const char *b)
{
	size_t i;

	if (alen != strlen(b))
		return false;
	for (i = 0; i < alen; i++)
		if (tolower(a[i]) != tolower((unsigned char)b[i]))
			return false;
	return true;
}

/* @name is @domain or ends with ".@domain" */
static bool cfg_in_domain(const uint8_t *name, size_t len, const char *domain)
{
	size_t dlen = strlen(domain);

	if (len == dlen)
		return cfg_caseeq(name, len, domain);
	return len > dlen && name[len - dlen - 1] == '.' &&
	       cfg_caseeq(name + len - dlen, dlen, domain);
}

static bool cfg_email_match(const struct cfg_ident *m, const struct cfg_id *id)
{
	const uint8_t *at;
	size_t i;

	if (!m->domain)
		return cfg_caseeq(id->data, id->len, m->value);
	for (at = NULL, i = 0; i < id->len; i++)
		if (id->data[i] == '@')
			at = id->data + i;
	return at && cfg_in_domain(at + 1, id->data + id->len - at - 1,
				   m->value);
}

static bool cfg_ident_match(const struct cfg_ident *m,
			    const struct cfg_id *id)
{
	struct cfg_addr a = { 0 };

	switch (m->kind) {
	case CFG_ID_ADDRESS:
		if (id->type == IKEV2_ID_IPV4_ADDR && id->len == 4) {
			a.family = AF_INET;
			a.prefix = 32;
		} else if (id->type == IKEV2_ID_IPV6_ADDR && id->len == 16) {
			a.family = AF_INET6;
			a.prefix = 128;
		} else {
			return false;
		}
		memcpy(&a.v6, id->data, id->len);
		return cfg_addr_in(&m->addr, &a);
	case CFG_ID_FQDN:
		if (id->type != IKEV2_ID_FQDN)
			return false;
		if (m->domain)
			return cfg_in_domain(id->data, id->len, m->value);
		return cfg_caseeq(id->data, id->len, m->value);
	case CFG_ID_EMAIL:
		return id->type == IKEV2_ID_RFC822_ADDR &&
		       cfg_email_match(m, id);
	case CFG_ID_KEY_ID:
		return id->type == IKEV2_ID_KEY_ID &&
		       id->len == strlen(m->value) &&
		       !memcmp(id->data, m->value, id->len);
	default:
		return false;
	}
}

bool cfg_profile_accepts_id(const struct cfg_profile *pf,
			    const struct cfg_id *remote)
{
	unsigned int i;

	for (i = 0; i < pf->nmatch_id; i++)
		if (cfg_ident_match(&pf->match_id[i], remote))
			return true;
	return false;
}

static bool cfg_profile_matches(const struct cfg_profile *pf,
				const struct cfg_addr *local,
				const char *fvrf, const struct cfg_id *remote)
{
	if (pf->shutdown || !cfg_fvrf_match(pf->fvrf, pf->fvrf_any, fvrf))
		return false;
	if (pf->nmatch_local &&
	    !cfg_host_in(pf->match_local, pf->nmatch_local, local))
		return false;
	return cfg_profile_accepts_id(pf, remote);
}

const struct cfg_profile *cfg_profile_match(const struct cfg *cfg,
					    const struct cfg_addr *local,
					    const char *fvrf,
					    const struct cfg_id *remote,
					    char *why, size_t whylen)
{
	const struct cfg_profile *found = NULL;
	unsigned int i;

	for (i = 0; i < cfg->nprofiles; i++) {
		const struct cfg_profile *pf = cfg->profiles[i];

		if (!cfg_profile_matches(pf, local, fvrf, remote))
			continue;
		if (found) {
			if (why)
				snprintf(why, whylen, "profiles '%s' and '%s' "
					 "both match", found->name, pf->name);
			return NULL;
		}
		found = pf;
	}
	if (!found && why)
		snprintf(why, whylen, "no profile matches");
	return found;
}

/* how well a keyring identity fits: exact beats domains, longer first */
static int cfg_id_score(const struct cfg_ident *m, const struct cfg_id *id)
{
	if (!m->kind || !cfg_ident_match(m, id))
		return -1;
	if (m->kind == CFG_ID_ADDRESS || !m->domain)
		return CFG_NAME_MAX + 1;
	return strlen(m->value);
}

const struct cfg_peer *cfg_keyring_lookup(const struct cfg_keyring *kr,
					  const struct cfg_addr *peer,
					  const struct cfg_id *remote,
					  const char *hostname)
{
	const struct cfg_peer *best = NULL;
	unsigned int i;
	int s, best_s = -1;

	for (i = 0; remote && i < kr->npeers; i++) {
		s = cfg_id_score(&kr->peers[i]->id, remote);
		if (s > best_s) {
			best = kr->peers[i];
			best_s = s;
		}
	}
	if (best)
		return best;
	for (i = 0; hostname && i < kr->npeers; i++)
		if (kr->peers[i]->hostname &&
		    !strcasecmp(kr->peers[i]->hostname, hostname))
			return kr->peers[i];
	for (i = 0; peer && i < kr->npeers; i++) {
		const struct cfg_peer *pe = kr->peers[i];
		struct cfg_addr host = *peer;

		host.prefix = peer->family == AF_INET ? 32 : 128;
		if (pe->addr.family && cfg_addr_in(&pe->addr, &host) &&
		    (!best || pe->addr.prefix > best->addr.prefix))
			best = pe;
	}
	return best;
}

const struct cfg_ipsec_profile *
cfg_ipsec_profile_for_template(const struct cfg_template *t,
			       const struct cfg_profile *ike,
			       char *why, size_t whylen)
{
	const struct cfg_ipsec_profile *ip = t->ipsec;

	if (!ip) {
		if (why)
			snprintf(why, whylen, "Virtual-Template%u has no "
				 "tunnel protection", t->num);
		return NULL;
	}
	if (ip->ike_profile && ip->ike_profile != ike) {
		if (why)
			snprintf(why, whylen, "IPsec profile '%s' is for IKEv2 "
				 "profile '%s'", ip->name,
				 ip->ike_profile->name);
		return NULL;
	}
	return ip;
}

const struct cfg_template *cfg_template_find(const struct cfg *cfg,
					     unsigned int num)
{
	unsigned int i;

	for (i = 0; i < cfg->ntemplates; i++)
		if (cfg->templates[i]->num == num)
			return cfg->templates[i];
	return NULL;
}

const struct cfg_tunnel *cfg_tunnel_find(const struct cfg *cfg,
					 unsigned int num)
{
	unsigned int i;

	for (i = 0; i < cfg->ntunnels; i++)
		if (cfg->tunnels[i]->num == num)
			return cfg->tunnels[i];
	return NULL;
}

const struct cfg_trustpoint *cfg_trustpoint_find(const struct cfg *cfg,
						 const char *name)
{
	return CFG_FIND(cfg->trustpoints, cfg->ntrustpoints, name);
}

const struct cfg_pool *cfg_pool_find(const struct cfg *cfg, const char *name,
				     int family)
{
	unsigned int i;

	for (i = 0; i < cfg->npools; i++)
		if (cfg->pools[i]->family == family &&
		    !strcmp(cfg->pools[i]->name, name))
			return cfg->pools[i];
	return NULL;
}

const struct cfg_authz_policy *cfg_authz_policy_find(const struct cfg *cfg,
						     const char *name)
{
	const struct cfg_authz_policy *az;

	az = CFG_FIND(cfg->authz_policies, cfg->nauthz_policies, name);
	return az && !az->disabled ? az : NULL;
}

const struct cfg_ipsec_profile *cfg_ipsec_profile_find(const struct cfg *cfg,
						       const char *name)
{
	const struct cfg_ipsec_profile *ip;

	ip = CFG_FIND(cfg->ipsec_profiles, cfg->nipsec_profiles, name);
	return ip && !ip->disabled ? ip : NULL;
}

const struct cfg_profile *cfg_profile_find(const struct cfg *cfg,
					   const char *name)
{
	return CFG_FIND(cfg->profiles, cfg->nprofiles, name);
}
