// SPDX-License-Identifier: GPL-2.0-only
/*
 * After the last line: resolve every reference by name (an object may be
 * named before it is defined), give the built-ins back their default
 * lists, check completeness (proposals, profiles, keyrings, trustpoints,
 * tunnels) and warn about what will never be used.  Errors name the
 * referring line.
 */
#include <arpa/inet.h>
#include <strings.h>

#include "cfg_int.h"

/* give a proposal without "prf" the PRFs of its integrity algorithms */
static void cfg_proposal_prf_fill(struct cfg_proposal *pr)
{
	unsigned int i, j;

	if (pr->nprf)
		return;
	for (i = 0; i < pr->nencr; i++)
		if (cfg_encr_is_aead(pr->encr[i].id))
			return;
	for (i = 0; i < pr->ninteg; i++) {
		uint16_t prf = cfg_integ_prf(pr->integ[i]);

		for (j = 0; j < pr->nprf && pr->prf[j] != prf; j++)
			;
		if (j == pr->nprf)
			pr->prf[pr->nprf++] = prf;
	}
	pr->prf_implicit = pr->nprf > 0;
}

/* why a proposal cannot be used (inventory A02, A19), or NULL */
static const char *cfg_proposal_incomplete(const struct cfg_proposal *pr)
{
	bool aead = false, plain = false;
	unsigned int i;

	for (i = 0; i < pr->nencr; i++) {
		if (cfg_encr_is_aead(pr->encr[i].id))
			aead = true;
		else
			plain = true;
	}
	if (!pr->nencr)
		return "no encryption";
	if (aead && !plain && pr->ninteg)
		return "integrity is not allowed with AEAD-only encryption";
	if (plain && !pr->ninteg)
		return "no integrity";
	if (aead && !pr->nprf)
		return "prf is mandatory with AEAD encryption";
	if (!pr->ndh)
		return "no DH group";
	return NULL;
}

/* add "NAME" to a reference list of a built-in left empty */
static int cfg_ref_default(struct cfg_parser *p, struct cfg_ref *r,
			   unsigned int line)
{
	r->name = cfg_strdup(p, "default");
	r->line = line;
	return r->name ? 0 : -1;
}

static const struct cfg_proposal *
cfg_resolve_proposal(struct cfg_parser *p, const struct cfg_ref *r)
{
	const struct cfg_proposal *pr;
	const char *why;

	pr = CFG_FIND(p->cfg->proposals, p->cfg->nproposals, r->name);
	if (!pr) {
		cfg_diag(p, r->line, "unknown proposal '%s'", r->name);
		return NULL;
	}
	if (pr->disabled) {
		cfg_diag(p, r->line, "proposal 'default' is disabled");
		return NULL;
	}
	why = cfg_proposal_incomplete(pr);
	if (why) {
		cfg_diag(p, r->line, "proposal '%s' is incomplete: %s",
			 r->name, why);
		return NULL;
	}
	return pr;
}

static void cfg_check_policy(struct cfg_parser *p, struct cfg_policy *po)
{
	const struct cfg_proposal *def;
	unsigned int i;

	if (po->disabled)
		return;
	def = CFG_FIND(p->cfg->proposals, p->cfg->nproposals, "default");
	if (po->builtin && !po->nproposals &&
	    (po->modified || !def->disabled)) {
		po->proposal_refs = cfg_grow(p, NULL, 0,
					     sizeof(*po->proposal_refs));
		if (!po->proposal_refs ||
		    cfg_ref_default(p, po->proposal_refs, po->line))
			return;
		po->nproposals = 1;
	}
	if (!po->nproposals && !po->builtin) {
		cfg_diag(p, po->line, "policy '%s' has no proposal", po->name);
		return;
	}
	po->proposals = calloc(po->nproposals + 1, sizeof(*po->proposals));
	if (!po->proposals) {
		cfg_oom(p);
		return;
	}
	for (i = 0; i < po->nproposals; i++)
		po->proposals[i] = cfg_resolve_proposal(p,
							&po->proposal_refs[i]);
}

static bool cfg_ident_same(const struct cfg_ident *a,
			   const struct cfg_ident *b)
{
	if (a->kind != b->kind || a->domain != b->domain)
		return false;
	if (a->kind == CFG_ID_ADDRESS)
		return cfg_addr_eq(&a->addr, &b->addr);
	return !strcasecmp(a->value, b->value);
}

static void cfg_check_peer(struct cfg_parser *p, struct cfg_keyring *kr,
			   unsigned int n)
{
	const struct cfg_peer *pe = kr->peers[n], *o;
	unsigned int i;

	if (!pe->local_key.data && !pe->remote_key.data)
		cfg_diag(p, pe->line, "peer '%s' has no pre-shared-key",
			 pe->name);
	if (!pe->addr.family && !pe->hostname && !pe->id.kind)
		cfg_warn(p, pe->line, "peer '%s' has no address, hostname or "
			 "identity and is never used", pe->name);
	for (i = 0; i < n; i++) {
		o = kr->peers[i];
		if (pe->id.kind && cfg_ident_same(&pe->id, &o->id))
			cfg_diag(p, pe->id.line, "identity already used by "
				 "peer '%s'", o->name);
	}
}

static void cfg_check_pool_ref(struct cfg_parser *p, const struct cfg_ref *r,
			       const struct cfg_pool **pool, int family)
{
	if (!r->name)
		return;
	*pool = cfg_pool_find(p->cfg, r->name, family);
	if (!*pool)
		cfg_diag(p, r->line, "unknown %s local pool '%s'",
			 family == AF_INET ? "ip" : "ipv6", r->name);
}

static void cfg_check_mangler_ref(struct cfg_parser *p, struct cfg_authz *az)
{
	const struct cfg_ref *r = &az->mangler_ref;

	az->mangler = CFG_FIND(p->cfg->manglers, p->cfg->nmanglers, r->name);
	if (!az->mangler)
		cfg_diag(p, r->line, "unknown name-mangler '%s'", r->name);
}

/*
 * "aaa authorization ... list LIST [NAME]": the list exists; with local
 * authorization in it, NAME is an authorization policy; with a group,
 * the Access-Request needs "radius authorization password"
 */
static void cfg_check_authz_slots(struct cfg_parser *p, struct cfg_authz *az)
{
	struct cfg *cfg = p->cfg;
	int i;

	for (i = 0; i < CFG_AAA_NMETHODS; i++, az++) {
		if (!az->list.name)
			continue;
		az->aaa = CFG_FIND(cfg->aaa_lists, cfg->naaa_lists,
				   az->list.name);
		if (!az->aaa) {
			cfg_diag(p, az->list.line, "unknown aaa authorization "
				 "network list '%s'", az->list.name);
			continue;
		}
		if (az->mangler_ref.name)
			cfg_check_mangler_ref(p, az);
		if (az->aaa->group_ref.name && !cfg->radius.authz_password.data)
			cfg_diag(p, az->list.line, "aaa authorization list "
				 "'%s' uses RADIUS: configure 'radius "
				 "authorization password' (there is no "
				 "default password)", az->list.name);
		if (!az->username || !az->aaa->local)
			continue;
		az->policy = cfg_authz_policy_find(cfg, az->username);
		if (!az->policy)
			cfg_diag(p, az->list.line, "unknown authorization "
				 "policy '%s'", az->username);
	}
}

/* whether a reference before @refs[@n] is of line @line */
static bool cfg_line_seen(const struct cfg_ref *refs, int n,
			  unsigned int line)
{
	while (n-- > 0)
		if (refs[n].line == line)
			return true;
	return false;
}

/* "aaa accounting [METHOD] LIST" */
static void cfg_check_acct(struct cfg_parser *p, struct cfg_profile *pf)
{
	struct cfg *cfg = p->cfg;
	const struct cfg_ref *r;
	int i;

	for (i = 0; i < CFG_AAA_NMETHODS; i++) {
		r = &pf->acct_refs[i];
		if (!r->name)
			continue;
		pf->acct[i] = CFG_FIND(cfg->acct_lists, cfg->nacct_lists,
				       r->name);
		/* once per line: "aaa accounting LIST" sets all three */
		if (!pf->acct[i] && !cfg_line_seen(pf->acct_refs, i, r->line))
			cfg_diag(p, r->line, "unknown aaa accounting network "
				 "list '%s'", r->name);
	}
}

/*
 * "aaa authentication eap LIST": an "aaa authentication login" list.
 * Optional, as in IOS: without it the daemon refuses EAP peers of the
 * profile (there is no EAP server to relay to).
 */
static void cfg_check_eap(struct cfg_parser *p, struct cfg_profile *pf)
{
	struct cfg *cfg = p->cfg;
	const struct cfg_ref *r = &pf->eap_list_ref;

	if (!r->name)
		return;
	pf->eap_list = CFG_FIND(cfg->login_lists, cfg->nlogin_lists, r->name);
	if (!pf->eap_list)
		cfg_diag(p, r->line, "unknown aaa authentication login list "
			 "'%s'", r->name);
}

/* the methods need their keys or trustpoints */
static void cfg_check_auth(struct cfg_parser *p, struct cfg_profile *pf)
{
	unsigned int sig = CFG_AUTH_BIT(CFG_AUTH_RSA_SIG) |
			   CFG_AUTH_BIT(CFG_AUTH_ECDSA_SIG);

	if (!pf->local_auth)
		cfg_diag(p, pf->line, "profile '%s' has no 'authentication "
			 "local'", pf->name);
	if (!pf->remote_auth)
		cfg_diag(p, pf->line, "profile '%s' has no 'authentication "
			 "remote'", pf->name);
	if (!pf->keyring_ref.name &&
	    ((pf->local_auth == CFG_AUTH_PSK && !pf->local_key.data) ||
	     ((pf->remote_auth & CFG_AUTH_BIT(CFG_AUTH_PSK)) &&
	      !pf->remote_key.data)))
		cfg_diag(p, pf->line, "profile '%s' uses pre-share but has "
			 "no keyring or key", pf->name);
	if ((CFG_AUTH_BIT(pf->local_auth) & sig && !pf->trustpoint_sign) ||
	    (pf->remote_auth & sig && !pf->trustpoint_verify))
		cfg_diag(p, pf->line, "profile '%s' uses certificates but has "
			 "no 'pki trustpoint'", pf->name);
}

/* certificate and key come together; "revocation-check" defaults */
static void cfg_check_trustpoint(struct cfg_parser *p,
				 struct cfg_trustpoint *tp)
{
	if (tp->cert_file && !tp->key_file)
		cfg_diag(p, tp->line, "trustpoint '%s' has 'certificate' but "
			 "no 'private-key'", tp->name);
	else if (tp->key_file && !tp->cert_file)
		cfg_diag(p, tp->line, "trustpoint '%s' has 'private-key' but "
			 "no 'certificate'", tp->name);
	if (!tp->revocation_line)
		tp->check_crl = tp->crl_file != NULL;
	else if (tp->check_crl && !tp->crl_file)
		cfg_diag(p, tp->revocation_line, "trustpoint '%s' has "
			 "'revocation-check crl' but no 'crl' file", tp->name);
}

/*
 * "pki trustpoint": the names exist; a trustpoint the profile signs with
 * has our certificate, one it verifies with has the CA certificates
 */
static void cfg_check_pki(struct cfg_parser *p, struct cfg_profile *pf)
{
	unsigned int sig = CFG_AUTH_BIT(CFG_AUTH_RSA_SIG) |
			   CFG_AUTH_BIT(CFG_AUTH_ECDSA_SIG);
	const struct cfg_trustpoint *tp;
	const char *name;

	name = pf->trustpoint_sign;
	if (name) {
		tp = pf->tp_sign = cfg_trustpoint_find(p->cfg, name);
		if (!tp)
			cfg_diag(p, pf->trustpoint_sign_line, "unknown "
				 "trustpoint '%s'", name);
		else if (CFG_AUTH_BIT(pf->local_auth) & sig && !tp->cert_file)
			cfg_diag(p, pf->trustpoint_sign_line, "trustpoint '%s' "
				 "cannot sign: it has no 'certificate' and "
				 "'private-key'", name);
	}
	name = pf->trustpoint_verify;
	if (name) {
		tp = pf->tp_verify = cfg_trustpoint_find(p->cfg, name);
		if (!tp && pf->trustpoint_verify_line !=
		    pf->trustpoint_sign_line)
			cfg_diag(p, pf->trustpoint_verify_line, "unknown "
				 "trustpoint '%s'", name);
		else if (tp && pf->remote_auth & sig && !tp->ca_file)
			cfg_diag(p, pf->trustpoint_verify_line, "trustpoint "
				 "'%s' cannot verify: it has no "
				 "'ca-certificate'", name);
	}
}

static void cfg_check_profile(struct cfg_parser *p, struct cfg_profile *pf)
{
	struct cfg *cfg = p->cfg;

	if (!pf->nmatch_id)
		cfg_warn(p, pf->line, "profile '%s' has no 'match identity' "
			 "and never matches", pf->name);
	cfg_check_auth(p, pf);
	cfg_check_pki(p, pf);
	if (pf->keyring_ref.name) {
		pf->keyring = CFG_FIND(cfg->keyrings, cfg->nkeyrings,
				       pf->keyring_ref.name);
		if (!pf->keyring)
			cfg_diag(p, pf->keyring_ref.line, "unknown keyring "
				 "'%s'", pf->keyring_ref.name);
	}
	if (pf->vtemplate) {
		pf->template = cfg_template_find(cfg, pf->vtemplate);
		if (!pf->template)
			cfg_diag(p, pf->vtemplate_line, "unknown interface "
				 "Virtual-Template%u", pf->vtemplate);
		else if (!pf->template->ipsec_ref.name)
			cfg_diag(p, pf->vtemplate_line, "interface "
				 "Virtual-Template%u has no 'tunnel protection "
				 "ipsec profile'", pf->vtemplate);
	}
	cfg_check_authz_slots(p, pf->authz_user);
	cfg_check_authz_slots(p, pf->authz_group);
	cfg_check_acct(p, pf);
	cfg_check_eap(p, pf);
}

static void cfg_check_ipsec(struct cfg_parser *p, struct cfg_ipsec_profile *ip)
{
	struct cfg *cfg = p->cfg;
	const struct cfg_transform_set *def;
	const struct cfg_ref *r;
	unsigned int i;

	if (ip->disabled)
		return;
	def = CFG_FIND(cfg->tsets, cfg->ntsets, "default");
	if (!ip->ntsets && (!ip->builtin || ip->modified || !def->disabled)) {
		if (cfg_ref_default(p, &ip->tset_refs[0], ip->line))
			return;
		ip->ntsets = 1;
	}
	for (i = 0; i < ip->ntsets; i++) {
		r = &ip->tset_refs[i];
		ip->tsets[i] = CFG_FIND(cfg->tsets, cfg->ntsets, r->name);
		if (!ip->tsets[i])
			cfg_diag(p, r->line, "unknown transform set '%s'",
				 r->name);
		else if (ip->tsets[i]->disabled)
			cfg_diag(p, r->line, "transform set 'default' is "
				 "disabled");
	}
	r = &ip->ike_profile_ref;
	if (r->name) {
		ip->ike_profile = cfg_profile_find(cfg, r->name);
		if (!ip->ike_profile)
			cfg_diag(p, r->line, "unknown IKEv2 profile '%s'",
				 r->name);
	}
}

/* MPLS rides in GRE (0x8847, RFC 4023): not in an ipsec-mode interface */
static void cfg_check_iface_mpls(struct cfg_parser *p,
				 const struct cfg_iface *i)
{
	if (!i->mpls || i->mode == CFG_TUNNEL_GRE_IP ||
	    i->mode == CFG_TUNNEL_GRE_IPV6)
		return;
	cfg_diag(p, i->mpls_line, "MPLS needs 'tunnel mode gre ip' or 'tunnel "
		 "mode gre ipv6', not 'tunnel mode %s'",
		 cfg_tunnel_modes[i->mode]);
}

/*
 * "tunnel protection ipsec profile": enabled, with a transform set; the
 * access lists and policy maps exist; MPLS in gre mode only
 */
static void cfg_check_iface(struct cfg_parser *p, struct cfg_iface *i)
{
	const struct cfg_ref *r = &i->ipsec_ref;
	const struct cfg_ipsec_profile *ip;

	cfg_check_iface_filters(p, i);
	cfg_check_iface_mpls(p, i);
	if (!i->nhrp_holdtime)
		i->nhrp_holdtime = CFG_NHRP_HOLDTIME_DEFAULT;
	if (!r->name)
		return;
	ip = CFG_FIND(p->cfg->ipsec_profiles, p->cfg->nipsec_profiles,
		      r->name);
	if (!ip)
		cfg_diag(p, r->line, "unknown IPsec profile '%s'", r->name);
	else if (ip->disabled)
		cfg_diag(p, r->line, "IPsec profile 'default' is disabled");
	else if (!ip->ntsets)
		cfg_diag(p, r->line, "IPsec profile '%s' has no transform set "
			 "(transform set 'default' is disabled)", r->name);
	else
		i->ipsec = ip;
}

/* an initiator needs the peer and the IKEv2 profile (inventory rule) */
static void cfg_check_tunnel_protection(struct cfg_parser *p,
					const struct cfg_tunnel *t)
{
	const struct cfg_ref *r = &t->ipsec_ref;

	if (!r->name) {
		cfg_warn(p, t->line, "interface Tunnel%u has no 'tunnel "
			 "protection' and is not set up", t->num);
		return;
	}
	if (!t->dest.family)
		cfg_diag(p, r->line, "interface Tunnel%u has 'tunnel "
			 "protection' but no 'tunnel destination'", t->num);
	if (t->ipsec && !t->ipsec->ike_profile_ref.name)
		cfg_diag(p, r->line, "IPsec profile '%s' has no 'set "
			 "ikev2-profile', which interface Tunnel%u needs to "
			 "initiate", r->name, t->num);
}

/* GRE modes fix the outer family; source and destination agree */
static void cfg_check_tunnel_family(struct cfg_parser *p,
				    const struct cfg_tunnel *t)
{
	char d[INET6_ADDRSTRLEN], s[INET6_ADDRSTRLEN];
	int outer = t->mode == CFG_TUNNEL_GRE_IP ? AF_INET :
		    t->mode == CFG_TUNNEL_GRE_IPV6 ? AF_INET6 : AF_UNSPEC;

	if (!t->dest.family)
		return;
	inet_ntop(t->dest.family, &t->dest.v4, d, sizeof(d));
	if (outer && outer != t->dest.family) {
		cfg_diag(p, t->dest_line, "tunnel destination %s is not an "
			 "%s address (tunnel mode %s%s)", d,
			 outer == AF_INET ? "IPv4" : "IPv6",
			 cfg_tunnel_modes[t->mode],
			 t->mode_set ? "" : ", the default");
		return;
	}
	if (!t->source_addr.family || t->source_addr.family == t->dest.family)
		return;
	inet_ntop(t->source_addr.family, &t->source_addr.v4, s, sizeof(s));
	cfg_diag(p, t->dest_line, "tunnel destination %s and tunnel source "
		 "%s are of different families", d, s);
}

static void cfg_check_tunnel(struct cfg_parser *p, struct cfg_tunnel *t)
{
	cfg_check_iface(p, &t->iface);
	cfg_check_tunnel_protection(p, t);
	cfg_check_tunnel_family(p, t);
	if ((t->addr.family || t->addr_negotiated) && t->unnumbered)
		cfg_diag(p, t->line, "interface Tunnel%u has both 'ip address' "
			 "and 'ip unnumbered'", t->num);
	if (!t->nhrp_shortcut)
		return;
	t->shortcut_template = cfg_template_find(p->cfg, t->nhrp_shortcut);
	if (!t->shortcut_template)
		cfg_diag(p, t->nhrp_shortcut_line, "unknown interface "
			 "Virtual-Template%u", t->nhrp_shortcut);
}

static bool cfg_proposal_used(const struct cfg *cfg,
			      const struct cfg_proposal *pr)
{
	unsigned int i, j;

	for (i = 0; i < cfg->npolicies; i++)
		for (j = 0; j < cfg->policies[i]->nproposals; j++)
			if (!strcmp(cfg->policies[i]->proposal_refs[j].name,
				    pr->name))
				return true;
	return false;
}

static void cfg_check_proposals(struct cfg_parser *p)
{
	struct cfg *cfg = p->cfg;
	const char *why;
	unsigned int i;

	for (i = 0; i < cfg->nproposals; i++) {
		struct cfg_proposal *pr = cfg->proposals[i];

		cfg_proposal_prf_fill(pr);
		why = cfg_proposal_incomplete(pr);
		if (!pr->builtin && !cfg_proposal_used(cfg, pr))
			cfg_warn(p, pr->line, "proposal '%s' is not used by "
				 "any policy%s%s", pr->name,
				 why ? " and is incomplete: " : "",
				 why ? why : "");
	}
}

/* two configured policies the same request can select (item 11) */
static bool cfg_policies_overlap(const struct cfg_policy *a,
				 const struct cfg_policy *b)
{
	unsigned int i, j;

	if (!!a->nlocal != !!b->nlocal || a->fvrf_any != b->fvrf_any)
		return false;
	if (!a->fvrf_any && (a->fvrf || b->fvrf) &&
	    (!a->fvrf || !b->fvrf || strcmp(a->fvrf, b->fvrf)))
		return false;
	if (!a->nlocal)
		return true;
	for (i = 0; i < a->nlocal; i++)
		for (j = 0; j < b->nlocal; j++)
			if (cfg_addr_eq(&a->local[i], &b->local[j]))
				return true;
	return false;
}

static void cfg_check_overlaps(struct cfg_parser *p)
{
	struct cfg *cfg = p->cfg;
	unsigned int i, j;

	for (i = 0; i < cfg->npolicies; i++) {
		const struct cfg_policy *b = cfg->policies[i];

		for (j = 0; j < i && !b->builtin; j++) {
			const struct cfg_policy *a = cfg->policies[j];

			if (a->builtin || !cfg_policies_overlap(a, b))
				continue;
			cfg_warn(p, b->line, "policy '%s' overlaps policy "
				 "'%s', which is selected first", b->name,
				 a->name);
			break;
		}
	}
}

/* @l and @kw into *@line and *@what when it comes first */
static void cfg_first(unsigned int l, const char *kw, unsigned int *line,
		      const char **what)
{
	if (l && (!*line || l < *line)) {
		*line = l;
		*what = kw;
	}
}

/* the first line of the method lists @l, 0 if none */
static unsigned int cfg_lists_line(struct cfg_aaa_list *const *l,
				   unsigned int n)
{
	unsigned int i, line = n ? l[0]->line : 0;

	for (i = 1; i < n; i++)
		if (l[i]->line < line)
			line = l[i]->line;
	return line;
}

/* the first of the "aaa" commands that need "aaa new-model", as in IOS */
static void cfg_check_aaa(struct cfg_parser *p)
{
	struct cfg *cfg = p->cfg;
	const char *what = NULL;
	unsigned int line = 0;

	if (cfg->aaa_new_model)
		return;
	cfg_first(cfg_lists_line(cfg->aaa_lists, cfg->naaa_lists),
		  "aaa authorization", &line, &what);
	cfg_first(cfg_lists_line(cfg->acct_lists, cfg->nacct_lists),
		  "aaa accounting", &line, &what);
	cfg_first(cfg_lists_line(cfg->login_lists, cfg->nlogin_lists),
		  "aaa authentication", &line, &what);
	cfg_first(cfg->radius.acct_update_line, "aaa accounting", &line,
		  &what);
	cfg_first(cfg->nradius_groups ? cfg->radius_groups[0]->line : 0,
		  "aaa group server", &line, &what);
	cfg_first(cfg->dae ? cfg->dae->line : 0, "aaa server", &line, &what);
	if (what)
		cfg_diag(p, line, "'aaa new-model' is required before %s",
			 what);
}

int cfg_check(struct cfg_parser *p)
{
	struct cfg *cfg = p->cfg;
	unsigned int i, j;

	cfg_check_proposals(p);
	for (i = 0; i < cfg->npolicies; i++)
		cfg_check_policy(p, cfg->policies[i]);
	cfg_check_overlaps(p);
	for (i = 0; i < cfg->nkeyrings; i++)
		for (j = 0; j < cfg->keyrings[i]->npeers; j++)
			cfg_check_peer(p, cfg->keyrings[i], j);
	cfg_check_aaa(p);
	cfg_check_radius(p);
	cfg_check_dae(p);
	for (i = 0; i < cfg->nmanglers; i++)
		cfg_check_mangler(p, cfg->manglers[i]);
	cfg_check_acls(p);
	cfg_check_policy_maps(p);
	for (i = 0; i < cfg->nauthz_policies; i++) {
		struct cfg_authz_policy *az = cfg->authz_policies[i];

		cfg_check_pool_ref(p, &az->pool_ref, &az->pool, AF_INET);
		cfg_check_pool_ref(p, &az->pool6_ref, &az->pool6, AF_INET6);
		cfg_check_authz_routes(p, az);
	}
	for (i = 0; i < cfg->ntrustpoints; i++)
		cfg_check_trustpoint(p, cfg->trustpoints[i]);
	for (i = 0; i < cfg->nprofiles; i++)
		cfg_check_profile(p, cfg->profiles[i]);
	for (i = 0; i < cfg->nipsec_profiles; i++)
		cfg_check_ipsec(p, cfg->ipsec_profiles[i]);
	for (i = 0; i < cfg->ntemplates; i++)
		cfg_check_iface(p, &cfg->templates[i]->iface);
	for (i = 0; i < cfg->ntunnels; i++)
		cfg_check_tunnel(p, cfg->tunnels[i]);
	return p->nerrors ? -1 : 0;
}
