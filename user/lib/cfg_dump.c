// SPDX-License-Identifier: GPL-2.0-only
/*
 * Print a model back in the configuration syntax, in the canonical order
 * and spelling, like "show running-config" (or "... all" with the
 * unedited built-ins).  Keys print as "<hidden>" unless asked for; a dump
 * with keys loads back into the same model.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <strings.h>

#include "cfg_int.h"

struct cfg_out {
	FILE *f;
	unsigned int flags;
};

static void cfg_put_dpd(struct cfg_out *o, const char *prefix,
			const struct cfg_dpd *d)
{
	if (d->interval)
		fprintf(o->f, "%sdpd %u %u %s\n", prefix, d->interval,
			d->retry, d->periodic ? "periodic" : "on-demand");
}

static void cfg_put_ids(struct cfg_out *o, const char *kw,
			const struct cfg_alg *t, const uint16_t *ids,
			unsigned int n)
{
	const struct cfg_alg *a;
	unsigned int i;

	if (!n)
		return;
	fprintf(o->f, " %s", kw);
	for (i = 0; i < n; i++) {
		a = cfg_alg_by_id(t, ids[i], 0);
		fprintf(o->f, " %s", a ? a->kw : "?");
	}
	fputc('\n', o->f);
}

static void cfg_put_proposal(struct cfg_out *o, const struct cfg_proposal *pr)
{
	const struct cfg_alg *a;
	unsigned int i;

	fprintf(o->f, "crypto ikev2 proposal %s\n", pr->name);
	if (pr->nencr) {
		fputs(" encryption", o->f);
		for (i = 0; i < pr->nencr; i++) {
			a = cfg_alg_by_id(cfg_ike_encr, pr->encr[i].id,
					  pr->encr[i].bits);
			fprintf(o->f, " %s", a ? a->kw : "?");
		}
		fputc('\n', o->f);
	}
	cfg_put_ids(o, "integrity", cfg_ike_integ, pr->integ, pr->ninteg);
	if (!pr->prf_implicit)
		cfg_put_ids(o, "prf", cfg_ike_prf, pr->prf, pr->nprf);
	cfg_put_ids(o, "group", cfg_ike_dh, pr->dh, pr->ndh);
}

static const char *cfg_ntop(const struct cfg_addr *a, char *buf)
{
	return inet_ntop(a->family, &a->v4, buf, INET6_ADDRSTRLEN);
}

/* " A", " A MASK" (IPv4) or " A/LEN"; @always: the length of hosts too */
static void cfg_put_prefix(struct cfg_out *o, const struct cfg_addr *a,
			   bool always)
{
	char buf[INET6_ADDRSTRLEN];
	struct in_addr m;
	int host = a->family == AF_INET ? 32 : 128;

	fprintf(o->f, " %s", cfg_ntop(a, buf));
	if (a->prefix == host && !always)
		return;
	if (a->family == AF_INET6) {
		fprintf(o->f, "/%d", a->prefix);
		return;
	}
	m.s_addr = htonl(a->prefix ? 0xffffffffu << (32 - a->prefix) : 0);
	fprintf(o->f, " %s", inet_ntop(AF_INET, &m, buf, sizeof(buf)));
}

static void cfg_put_fvrf(struct cfg_out *o, const char *fvrf, bool any)
{
	if (any || fvrf)
		fprintf(o->f, " match fvrf %s\n", any ? "any" : fvrf);
}

static void cfg_put_policy(struct cfg_out *o, const struct cfg_policy *po)
{
	char buf[INET6_ADDRSTRLEN];
	unsigned int i;

	fprintf(o->f, "crypto ikev2 policy %s\n", po->name);
	cfg_put_fvrf(o, po->fvrf, po->fvrf_any);
	for (i = 0; i < po->nlocal; i++)
		fprintf(o->f, " match address local %s\n",
			cfg_ntop(&po->local[i], buf));
	for (i = 0; i < po->nproposals; i++)
		fprintf(o->f, " proposal %s\n", po->proposal_refs[i].name);
}

/* a key read back as itself after "0 ": the rest of a line */
static bool cfg_key_plain(const struct cfg_key *k)
{
	size_t i;

	if (k->data[0] == ' ' || k->data[0] == '\t' ||
	    k->data[k->len - 1] == ' ' || k->data[k->len - 1] == '\t')
		return false;
	for (i = 0; i < k->len; i++)
		if (k->data[i] < 0x20 || k->data[i] == 0x7f)
			return false;
	return true;
}

static void cfg_put_key(struct cfg_out *o, const struct cfg_key *k)
{
	size_t i;

	if (!(o->flags & CFG_DUMP_SECRETS)) {
		fputs(" <hidden>", o->f);
	} else if (cfg_key_plain(k)) {
		fputs(" 0 ", o->f);
		fwrite(k->data, 1, k->len, o->f);
	} else {
		fputs(" hex ", o->f);
		for (i = 0; i < k->len; i++)
			fprintf(o->f, "%02x", k->data[i]);
	}
}

static bool cfg_key_eq(const struct cfg_key *a, const struct cfg_key *b)
{
	return a->data && b->data && a->len == b->len &&
	       !memcmp(a->data, b->data, a->len);
}

static void cfg_put_ident(struct cfg_out *o, const struct cfg_ident *id,
			  bool match)
{
	static const char *const kws[] = {
		[CFG_ID_ADDRESS] = "address",
		[CFG_ID_FQDN] = "fqdn",
		[CFG_ID_EMAIL] = "email",
		[CFG_ID_KEY_ID] = "key-id",
		[CFG_ID_DN] = "dn",
	};

	fprintf(o->f, " %s", kws[id->kind]);
	if (id->kind == CFG_ID_ADDRESS)
		cfg_put_prefix(o, &id->addr, match);
	else if (id->value)
		fprintf(o->f, "%s %s", id->domain ? " domain" : "", id->value);
	fputc('\n', o->f);
}

static void cfg_put_peer(struct cfg_out *o, const struct cfg_peer *pe)
{
	fprintf(o->f, " peer %s\n", pe->name);
	if (pe->description)
		fprintf(o->f, "  description %s\n", pe->description);
	if (pe->addr.family) {
		fputs("  address", o->f);
		cfg_put_prefix(o, &pe->addr, false);
		fputc('\n', o->f);
	}
	if (pe->hostname)
		fprintf(o->f, "  hostname %s\n", pe->hostname);
	if (pe->id.kind) {
		fputs("  identity", o->f);
		cfg_put_ident(o, &pe->id, true);
	}
	if (cfg_key_eq(&pe->local_key, &pe->remote_key)) {
		fputs("  pre-shared-key", o->f);
		cfg_put_key(o, &pe->local_key);
		fputc('\n', o->f);
		return;
	}
	if (pe->local_key.data) {
		fputs("  pre-shared-key local", o->f);
		cfg_put_key(o, &pe->local_key);
		fputc('\n', o->f);
	}
	if (pe->remote_key.data) {
		fputs("  pre-shared-key remote", o->f);
		cfg_put_key(o, &pe->remote_key);
		fputc('\n', o->f);
	}
}

static void cfg_put_keyring(struct cfg_out *o, const struct cfg_keyring *kr)
{
	unsigned int i;

	fprintf(o->f, "crypto ikev2 keyring %s\n", kr->name);
	for (i = 0; i < kr->npeers; i++)
		cfg_put_peer(o, kr->peers[i]);
}

static void cfg_put_servers(struct cfg_out *o, const char *kw, int family,
			    const void *addrs, unsigned int n)
{
	size_t size = family == AF_INET ? 4 : 16;
	char buf[INET6_ADDRSTRLEN];
	unsigned int i;

	if (!n)
		return;
	fprintf(o->f, " %s", kw);
	for (i = 0; i < n; i++)
		fprintf(o->f, " %s", inet_ntop(family, (const char *)addrs +
					       i * size, buf, sizeof(buf)));
	fputc('\n', o->f);
}

static void cfg_put_routes(struct cfg_out *o,
			   const struct cfg_authz_policy *az)
{
	unsigned int i;

	if (az->route_set_interface)
		fprintf(o->f, " route set interface%s%s\n",
			az->route_set_ifname ? " " : "",
			az->route_set_ifname ? az->route_set_ifname : "");
	for (i = 0; i < az->nroutes; i++) {
		fprintf(o->f, " route set remote %s",
			az->routes[i].family == AF_INET ? "ipv4" : "ipv6");
		cfg_put_prefix(o, &az->routes[i], true);
		fputc('\n', o->f);
	}
	if (az->route_acl_ref.name)
		fprintf(o->f, " route set access-list %s\n",
			az->route_acl_ref.name);
	if (az->route_acl6_ref.name)
		fprintf(o->f, " route set access-list ipv6 %s\n",
			az->route_acl6_ref.name);
	if (!az->route_accept)
		return;
	fputs(" route accept any", o->f);
	if (az->route_accept_tag)
		fprintf(o->f, " tag %u", az->route_accept_tag);
	if (az->route_accept_distance)
		fprintf(o->f, " distance %u", az->route_accept_distance);
	fputc('\n', o->f);
}

static void cfg_put_authz(struct cfg_out *o, const struct cfg_authz_policy *az)
{
	char buf[INET6_ADDRSTRLEN];
	unsigned int i;

	fprintf(o->f, "crypto ikev2 authorization policy %s\n", az->name);
	if (az->pool_ref.name)
		fprintf(o->f, " pool %s\n", az->pool_ref.name);
	if (az->pool6_ref.name)
		fprintf(o->f, " ipv6 pool %s\n", az->pool6_ref.name);
	cfg_put_servers(o, "dns", AF_INET, az->dns, az->ndns);
	cfg_put_servers(o, "ipv6 dns", AF_INET6, az->dns6, az->ndns6);
	cfg_put_servers(o, "wins", AF_INET, az->wins, az->nwins);
	if (az->netmask.s_addr)
		fprintf(o->f, " netmask %s\n",
			inet_ntop(AF_INET, &az->netmask, buf, sizeof(buf)));
	cfg_put_routes(o, az);
	if (az->def_domain)
		fprintf(o->f, " def-domain %s\n", az->def_domain);
	if (az->banner && !strncmp(az->banner, "^C", 2))
		fprintf(o->f, " banner ^C %s ^C\n", az->banner);
	else if (az->banner)
		fprintf(o->f, " banner %s\n", az->banner);
	for (i = 0; i < az->nsplit_dns; i++)
		fprintf(o->f, " split-dns %s\n", az->split_dns[i]);
	if (az->session_lifetime)
		fprintf(o->f, " session-lifetime %u\n", az->session_lifetime);
	if (az->flow_limit >= 0)
		fprintf(o->f, " ipsec flow-limit %d\n", az->flow_limit);
}

static void cfg_put_mangler(struct cfg_out *o,
			    const struct cfg_name_mangler *m)
{
	fprintf(o->f, "crypto ikev2 name-mangler %s\n", m->name);
	if (m->fqdn)
		fprintf(o->f, " fqdn %s\n", cfg_mangle_fqdn_kws[m->fqdn]);
	if (m->email)
		fprintf(o->f, " email %s\n", cfg_mangle_email_kws[m->email]);
	if (m->dn)
		fprintf(o->f, " dn %s\n", cfg_dn_kws[m->dn]);
	if (!m->eap)
		return;
	fprintf(o->f, " eap %s", cfg_mangle_eap_kws[m->eap]);
	if (m->eap == CFG_MANGLE_EAP_DN)
		fprintf(o->f, " %s", cfg_dn_kws[m->eap_dn]);
	else if (m->eap != CFG_MANGLE_EAP_ALL)
		fprintf(o->f, " delimiter %c", m->eap_delim);
	fputc('\n', o->f);
}

static const char *const cfg_auth_names[] = {
	[CFG_AUTH_PSK] = "pre-share",
	[CFG_AUTH_RSA_SIG] = "rsa-sig",
	[CFG_AUTH_ECDSA_SIG] = "ecdsa-sig",
	[CFG_AUTH_EAP] = "eap",
};

static void cfg_put_auth(struct cfg_out *o, const struct cfg_profile *pf)
{
	int m;

	if (pf->local_auth) {
		fprintf(o->f, " authentication local %s",
			cfg_auth_names[pf->local_auth]);
		if (pf->local_key.data) {
			fputs(" key", o->f);
			cfg_put_key(o, &pf->local_key);
		}
		fputc('\n', o->f);
	}
	for (m = CFG_AUTH_PSK; m <= CFG_AUTH_EAP; m++) {
		if (!(pf->remote_auth & CFG_AUTH_BIT(m)))
			continue;
		fprintf(o->f, " authentication remote %s", cfg_auth_names[m]);
		if (m == CFG_AUTH_PSK && pf->remote_key.data) {
			fputs(" key", o->f);
			cfg_put_key(o, &pf->remote_key);
		}
		if (m == CFG_AUTH_EAP && pf->eap_query_identity)
			fputs(" query-identity", o->f);
		if (m == CFG_AUTH_EAP && pf->eap_timeout)
			fprintf(o->f, " timeout %u", pf->eap_timeout);
		fputc('\n', o->f);
	}
}

static void cfg_put_trustpoints(struct cfg_out *o,
				const struct cfg_profile *pf)
{
	const char *s = pf->trustpoint_sign, *v = pf->trustpoint_verify;

	if (s && v && !strcmp(s, v)) {
		fprintf(o->f, " pki trustpoint %s\n", s);
		return;
	}
	if (s)
		fprintf(o->f, " pki trustpoint %s sign\n", s);
	if (v)
		fprintf(o->f, " pki trustpoint %s verify\n", v);
}

static void cfg_put_authz_refs(struct cfg_out *o, const char *kind,
			       const struct cfg_authz *az, bool override)
{
	int m;

	for (m = 0; m < CFG_AAA_NMETHODS; m++) {
		if (!az[m].list.name)
			continue;
		fprintf(o->f, " aaa authorization %s%s %s list %s", kind,
			override ? " override" : "", cfg_aaa_kws[m],
			az[m].list.name);
		if (az[m].username)
			fprintf(o->f, " %s", az[m].username);
		if (az[m].mangler_ref.name)
			fprintf(o->f, " name-mangler %s",
				az[m].mangler_ref.name);
		fputc('\n', o->f);
	}
}

/* "aaa accounting LIST" when every method has it, else per method */
static void cfg_put_acct_refs(struct cfg_out *o, const struct cfg_profile *pf)
{
	const struct cfg_ref *r = pf->acct_refs;
	int m;

	if (r[0].name && r[1].name && r[2].name &&
	    !strcmp(r[0].name, r[1].name) && !strcmp(r[0].name, r[2].name)) {
		fprintf(o->f, " aaa accounting %s\n", r[0].name);
		return;
	}
	for (m = 0; m < CFG_AAA_NMETHODS; m++)
		if (r[m].name)
			fprintf(o->f, " aaa accounting %s %s\n",
				cfg_aaa_kws[m], r[m].name);
}

static void cfg_put_profile(struct cfg_out *o, const struct cfg_profile *pf)
{
	char buf[INET6_ADDRSTRLEN];
	unsigned int i;

	fprintf(o->f, "crypto ikev2 profile %s\n", pf->name);
	if (pf->description)
		fprintf(o->f, " description %s\n", pf->description);
	cfg_put_fvrf(o, pf->fvrf, pf->fvrf_any);
	for (i = 0; i < pf->nmatch_local; i++)
		fprintf(o->f, " match address local %s\n",
			cfg_ntop(&pf->match_local[i], buf));
	for (i = 0; i < pf->nmatch_id; i++) {
		fputs(" match identity remote", o->f);
		cfg_put_ident(o, &pf->match_id[i], true);
	}
	if (pf->local_id.kind) {
		fputs(" identity local", o->f);
		cfg_put_ident(o, &pf->local_id, false);
	}
	cfg_put_auth(o, pf);
	if (pf->keyring_ref.name)
		fprintf(o->f, " keyring local %s\n", pf->keyring_ref.name);
	cfg_put_trustpoints(o, pf);
	if (pf->lifetime != CFG_IKE_LIFETIME_DEFAULT)
		fprintf(o->f, " lifetime %u\n", pf->lifetime);
	cfg_put_dpd(o, " ", &pf->dpd);
	if (pf->nat_keepalive)
		fprintf(o->f, " nat keepalive %u\n", pf->nat_keepalive);
	if (pf->vtemplate)
		fprintf(o->f, " virtual-template %u%s\n", pf->vtemplate,
			pf->vtemplate_auto ? " mode auto" : "");
	cfg_put_authz_refs(o, "user", pf->authz_user, false);
	cfg_put_authz_refs(o, "group", pf->authz_group,
			   pf->authz_group_override);
	cfg_put_acct_refs(o, pf);
	if (pf->eap_list_ref.name)
		fprintf(o->f, " aaa authentication eap %s\n",
			pf->eap_list_ref.name);
	if (pf->shutdown)
		fputs(" shutdown\n", o->f);
}

static void cfg_put_tset(struct cfg_out *o, const struct cfg_transform_set *ts)
{
	fprintf(o->f, "crypto ipsec transform-set %s %s", ts->name,
		cfg_esp_kw(ts->encr, false));
	if (ts->encr_bits && (ts->encr_bits != 128 ||
			      ts->encr == IKEV2_ENCR_AES_GCM_16))
		fprintf(o->f, " %u", ts->encr_bits);
	if (ts->integ)
		fprintf(o->f, " %s", cfg_esp_kw(ts->integ, true));
	fputc('\n', o->f);
	if (ts->mode == CFG_ESP_TRANSPORT)
		fputs(" mode transport\n", o->f);
}

static void cfg_put_ipsec(struct cfg_out *o, const struct cfg_ipsec_profile *ip)
{
	const struct cfg_alg *pfs = cfg_alg_by_id(cfg_pfs_dh, ip->pfs, 0);
	unsigned int i;

	fprintf(o->f, "crypto ipsec profile %s\n", ip->name);
	if (ip->lifetime_kb != CFG_SA_LIFETIME_KB_DEFAULT)
		fprintf(o->f, " set security-association lifetime kilobytes "
			"%llu\n", (unsigned long long)ip->lifetime_kb);
	if (ip->lifetime_sec != CFG_SA_LIFETIME_SEC_DEFAULT)
		fprintf(o->f, " set security-association lifetime seconds "
			"%u\n", ip->lifetime_sec);
	if (ip->ntsets) {
		fputs(" set transform-set", o->f);
		for (i = 0; i < ip->ntsets; i++)
			fprintf(o->f, " %s", ip->tset_refs[i].name);
		fputc('\n', o->f);
	}
	if (pfs)
		fprintf(o->f, " set pfs %s\n", pfs->kw);
	if (ip->ike_profile_ref.name)
		fprintf(o->f, " set ikev2-profile %s\n",
			ip->ike_profile_ref.name);
	if (ip->responder_only)
		fputs(" responder-only\n", o->f);
}

static void cfg_put_tunnel_addrs(struct cfg_out *o,
				 const struct cfg_tunnel *tun)
{
	char buf[INET6_ADDRSTRLEN];

	if (tun->addr_negotiated)
		fputs(" ip address negotiated\n", o->f);
	if (tun->addr.family) {
		fputs(" ip address", o->f);
		cfg_put_prefix(o, &tun->addr, true);
		fputc('\n', o->f);
	}
	if (tun->addr6.family)
		fprintf(o->f, " ipv6 address %s/%d\n",
			cfg_ntop(&tun->addr6, buf), tun->addr6.prefix);
}

static void cfg_put_iface_mpls(struct cfg_out *o, const struct cfg_iface *i)
{
	unsigned int n;

	if (i->mpls_bgp)
		fputs(" mpls bgp forwarding\n", o->f);
	if (i->mpls_nhrp)
		fputs(" mpls nhrp\n", o->f);
	if (!i->nmpls_labels)
		return;
	fputs(" mpls label-stack", o->f);
	for (n = 0; n < i->nmpls_labels; n++)
		fprintf(o->f, " %u", i->mpls_labels[n]);
	fputc('\n', o->f);
}

/* the sub-commands of an interface; @tun: a tunnel's own, or NULL */
static void cfg_put_iface(struct cfg_out *o, const struct cfg_iface *i,
			  const struct cfg_tunnel *tun)
{
	char buf[INET6_ADDRSTRLEN];

	if (i->description)
		fprintf(o->f, " description %s\n", i->description);
	if (tun)
		cfg_put_tunnel_addrs(o, tun);
	if (i->unnumbered)
		fprintf(o->f, " ip unnumbered %s\n", i->unnumbered);
	if (i->vrf)
		fprintf(o->f, " vrf forwarding %s\n", i->vrf);
	if (i->unnumbered6)
		fprintf(o->f, " ipv6 unnumbered %s\n", i->unnumbered6);
	if (i->mtu)
		fprintf(o->f, " ip mtu %u\n", i->mtu);
	if (i->nhrp_network_id)
		fprintf(o->f, " ip nhrp network-id %u\n", i->nhrp_network_id);
	if (tun && tun->nhrp_shortcut)
		fprintf(o->f, " ip nhrp shortcut virtual-template %u\n",
			tun->nhrp_shortcut);
	if (i->nhrp_redirect && i->nhrp_redirect_timeout !=
	    CFG_NHRP_REDIRECT_TIMEOUT)
		fprintf(o->f, " ip nhrp redirect timeout %u\n",
			i->nhrp_redirect_timeout);
	else if (i->nhrp_redirect)
		fputs(" ip nhrp redirect\n", o->f);
	if (i->nhrp_holdtime && i->nhrp_holdtime != CFG_NHRP_HOLDTIME_DEFAULT)
		fprintf(o->f, " ip nhrp holdtime %u\n", i->nhrp_holdtime);
	cfg_put_iface_mpls(o, i);
	if (i->source)
		fprintf(o->f, " tunnel source %s\n", i->source);
	if (i->mode_set)
		fprintf(o->f, " tunnel mode %s\n", cfg_tunnel_modes[i->mode]);
	if (tun && tun->dest.family)
		fprintf(o->f, " tunnel destination %s\n",
			cfg_ntop(&tun->dest, buf));
	if (i->ipsec_ref.name)
		fprintf(o->f, " tunnel protection ipsec profile %s\n",
			i->ipsec_ref.name);
	cfg_iface_filters_dump(o->f, &i->filters);
	if (i->shutdown)
		fputs(" shutdown\n", o->f);
}

static void cfg_put_acl(struct cfg_out *o, const struct cfg_acl *a)
{
	cfg_acl_dump(o->f, a);
}

static void cfg_put_policy_map(struct cfg_out *o,
			       const struct cfg_policy_map *pm)
{
	cfg_policy_map_dump(o->f, pm);
}

static void cfg_put_template(struct cfg_out *o, const struct cfg_template *t)
{
	fprintf(o->f, "interface Virtual-Template%u type tunnel\n", t->num);
	cfg_put_iface(o, &t->iface, NULL);
}

static void cfg_put_tunnel(struct cfg_out *o, const struct cfg_tunnel *t)
{
	fprintf(o->f, "interface Tunnel%u\n", t->num);
	cfg_put_iface(o, &t->iface, t);
}

static void cfg_put_trustpoint(struct cfg_out *o,
			       const struct cfg_trustpoint *tp)
{
	fprintf(o->f, "crypto pki trustpoint %s\n", tp->name);
	if (tp->description)
		fprintf(o->f, " description %s\n", tp->description);
	if (tp->ca_file)
		fprintf(o->f, " ca-certificate %s\n", tp->ca_file);
	if (tp->cert_file)
		fprintf(o->f, " certificate %s\n", tp->cert_file);
	if (tp->key_file)
		fprintf(o->f, " private-key %s\n", tp->key_file);
	if (tp->crl_file)
		fprintf(o->f, " crl %s\n", tp->crl_file);
	if (tp->crl_file && !tp->check_crl)
		fputs(" revocation-check none\n", o->f);
}

static void cfg_put_pools(struct cfg_out *o, const struct cfg *cfg)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
	unsigned int i, j;

	for (i = 0; i < cfg->npools; i++) {
		const struct cfg_pool *pool = cfg->pools[i];

		for (j = 0; j < pool->nranges; j++) {
			const struct cfg_pool_range *r = &pool->ranges[j];

			inet_ntop(AF_INET, &r->first, a, sizeof(a));
			inet_ntop(AF_INET, &r->last, b, sizeof(b));
			fprintf(o->f, "ip local pool %s %s", pool->name, a);
			if (r->first.s_addr != r->last.s_addr)
				fprintf(o->f, " %s", b);
			fputc('\n', o->f);
		}
		if (pool->family == AF_INET6)
			fprintf(o->f, "ipv6 local pool %s %s/%d %u\n",
				pool->name, cfg_ntop(&pool->prefix, a),
				pool->prefix.prefix, pool->assign_len);
	}
	if (cfg->npools)
		fputs("!\n", o->f);
}

/* the global options that differ from their defaults */
static void cfg_put_global(struct cfg_out *o, const struct cfg_ike_global *g)
{
	static const char lim[] = "crypto ikev2 limit max-in-negotiation-sa";
	bool any = false;

	if (g->max_neg_in == g->max_neg_out &&
	    g->max_neg_in != CFG_MAX_NEG_SA_DEFAULT) {
		fprintf(o->f, "%s %u\n", lim, g->max_neg_in);
	} else {
		if (g->max_neg_in != CFG_MAX_NEG_SA_DEFAULT)
			fprintf(o->f, "%s %u incoming\n", lim, g->max_neg_in);
		if (g->max_neg_out != CFG_MAX_NEG_SA_DEFAULT)
			fprintf(o->f, "%s %u outgoing\n", lim,
				g->max_neg_out);
	}
	any = g->max_neg_in != CFG_MAX_NEG_SA_DEFAULT ||
	      g->max_neg_out != CFG_MAX_NEG_SA_DEFAULT;
	if (g->max_sa)
		fprintf(o->f, "crypto ikev2 limit max-sa %u\n", g->max_sa);
	if (g->window != CFG_WINDOW_DEFAULT)
		fprintf(o->f, "crypto ikev2 window %u\n", g->window);
	cfg_put_dpd(o, "crypto ikev2 ", &g->dpd);
	if (g->nat_keepalive)
		fprintf(o->f, "crypto ikev2 nat keepalive %u\n",
			g->nat_keepalive);
	if (g->cookie_challenge)
		fprintf(o->f, "crypto ikev2 cookie-challenge %u\n",
			g->cookie_challenge);
	if (g->max_half_open_per_source != CFG_HALF_OPEN_PER_SOURCE_DEFAULT)
		fprintf(o->f, "crypto ikev2 limit half-open-per-source %u\n",
			g->max_half_open_per_source);
	any |= g->max_sa || g->window != CFG_WINDOW_DEFAULT ||
	       g->dpd.interval || g->nat_keepalive || g->cookie_challenge ||
	       g->max_half_open_per_source != CFG_HALF_OPEN_PER_SOURCE_DEFAULT;
	if (any)
		fputs("!\n", o->f);
}

/* "local", "group G" or "group G local" */
static void cfg_put_methods(struct cfg_out *o, const struct cfg_aaa_list *l)
{
	if (l->group_ref.name)
		fprintf(o->f, " group %s", l->group_ref.name);
	if (l->local)
		fputs(" local", o->f);
	fputc('\n', o->f);
}

static void cfg_put_aaa(struct cfg_out *o, const struct cfg *cfg)
{
	const struct cfg_radius_global *g = &cfg->radius;
	unsigned int i;

	if (cfg->aaa_new_model)
		fputs("aaa new-model\n", o->f);
	if (g->authz_password.data) {
		fputs("radius authorization password", o->f);
		cfg_put_key(o, &g->authz_password);
		fputc('\n', o->f);
	}
	if (g->acct_update_min)
		fprintf(o->f, "aaa accounting update periodic %u\n",
			g->acct_update_min);
	for (i = 0; i < cfg->naaa_lists; i++) {
		fprintf(o->f, "aaa authorization network %s",
			cfg->aaa_lists[i]->name);
		cfg_put_methods(o, cfg->aaa_lists[i]);
	}
	for (i = 0; i < cfg->nacct_lists; i++) {
		fprintf(o->f, "aaa accounting network %s start-stop",
			cfg->acct_lists[i]->name);
		cfg_put_methods(o, cfg->acct_lists[i]);
	}
	for (i = 0; i < cfg->nlogin_lists; i++) {
		fprintf(o->f, "aaa authentication login %s",
			cfg->login_lists[i]->name);
		cfg_put_methods(o, cfg->login_lists[i]);
	}
	if (cfg->aaa_new_model || cfg->naaa_lists || cfg->nacct_lists ||
	    cfg->nlogin_lists ||
	    g->authz_password.data || g->acct_update_min)
		fputs("!\n", o->f);
}

static void cfg_put_radius_global(struct cfg_out *o,
				  const struct cfg_radius_global *g)
{
	bool any = false;

	if (g->timeout != CFG_RADIUS_TIMEOUT_DEFAULT) {
		fprintf(o->f, "radius-server timeout %u\n", g->timeout);
		any = true;
	}
	if (g->retransmit != CFG_RADIUS_RETRANSMIT_DEFAULT) {
		fprintf(o->f, "radius-server retransmit %u\n", g->retransmit);
		any = true;
	}
	if (any)
		fputs("!\n", o->f);
}

static void cfg_put_radius_server(struct cfg_out *o,
				  const struct cfg_radius_server *rs)
{
	char buf[INET6_ADDRSTRLEN];

	fprintf(o->f, "radius server %s\n", rs->name);
	if (rs->addr.family) {
		fprintf(o->f, " address %s %s",
			rs->addr.family == AF_INET ? "ipv4" : "ipv6",
			cfg_ntop(&rs->addr, buf));
		if (rs->auth_port != CFG_RADIUS_AUTH_PORT_DEFAULT)
			fprintf(o->f, " auth-port %u", rs->auth_port);
		if (rs->acct_port != CFG_RADIUS_ACCT_PORT_DEFAULT)
			fprintf(o->f, " acct-port %u", rs->acct_port);
		fputc('\n', o->f);
	}
	if (rs->key.data) {
		fputs(" key", o->f);
		cfg_put_key(o, &rs->key);
		fputc('\n', o->f);
	}
	if (rs->timeout_set)
		fprintf(o->f, " timeout %u\n", rs->timeout);
	if (rs->retransmit_set)
		fprintf(o->f, " retransmit %u\n", rs->retransmit);
}

static void cfg_put_radius_group(struct cfg_out *o,
				 const struct cfg_radius_group *rg)
{
	unsigned int i;

	fprintf(o->f, "aaa group server radius %s\n", rg->name);
	for (i = 0; i < rg->nservers; i++)
		fprintf(o->f, " server name %s\n", rg->server_refs[i].name);
	if (rg->source_if)
		fprintf(o->f, " ip radius source-interface %s\n",
			rg->source_if);
}

/* a built-in prints when edited, or unedited with CFG_DUMP_ALL */
static bool cfg_shown(struct cfg_out *o, bool builtin, bool modified,
		      bool disabled)
{
	return !builtin || (!disabled && (modified ||
					  (o->flags & CFG_DUMP_ALL)));
}

#define CFG_PUT_ALL(o, arr, n, fn) do {				\
	unsigned int _i;						\
									\
	for (_i = 0; _i < (n); _i++) {					\
		if (!cfg_shown(o, (arr)[_i]->builtin,			\
			       (arr)[_i]->modified, (arr)[_i]->disabled)) \
			continue;					\
		fn(o, (arr)[_i]);					\
		fputs("!\n", (o)->f);					\
	}								\
} while (0)

#define CFG_PUT_DISABLED(o, arr, n, what) do {				\
	unsigned int _i;						\
									\
	for (_i = 0; _i < (n); _i++)					\
		if ((arr)[_i]->disabled)				\
			fprintf((o)->f, "no %s default\n", what);	\
} while (0)

#define CFG_PUT_PLAIN(o, arr, n, fn) do {				\
	unsigned int _i;						\
									\
	for (_i = 0; _i < (n); _i++) {					\
		fn(o, (arr)[_i]);					\
		fputs("!\n", (o)->f);					\
	}								\
} while (0)

int cfg_dump(const struct cfg *cfg, FILE *out, unsigned int flags)
{
	struct cfg_out o = { out, flags };

	if (cfg->defaults == CFG_DEFAULTS_CISCO)
		fputs("crypto ikev2 smart-defaults cisco\n!\n", out);
	cfg_put_global(&o, &cfg->ike);
	cfg_put_aaa(&o, cfg);
	cfg_put_radius_global(&o, &cfg->radius);
	CFG_PUT_PLAIN(&o, cfg->radius_servers, cfg->nradius_servers,
		      cfg_put_radius_server);
	CFG_PUT_PLAIN(&o, cfg->radius_groups, cfg->nradius_groups,
		      cfg_put_radius_group);
	cfg_dae_dump(out, cfg->dae, flags);
	cfg_put_pools(&o, cfg);
	CFG_PUT_PLAIN(&o, cfg->trustpoints, cfg->ntrustpoints,
		      cfg_put_trustpoint);
	CFG_PUT_ALL(&o, cfg->proposals, cfg->nproposals, cfg_put_proposal);
	CFG_PUT_ALL(&o, cfg->policies, cfg->npolicies, cfg_put_policy);
	CFG_PUT_PLAIN(&o, cfg->keyrings, cfg->nkeyrings, cfg_put_keyring);
	CFG_PUT_ALL(&o, cfg->authz_policies, cfg->nauthz_policies,
		    cfg_put_authz);
	CFG_PUT_PLAIN(&o, cfg->manglers, cfg->nmanglers, cfg_put_mangler);
	CFG_PUT_PLAIN(&o, cfg->profiles, cfg->nprofiles, cfg_put_profile);
	CFG_PUT_ALL(&o, cfg->tsets, cfg->ntsets, cfg_put_tset);
	CFG_PUT_ALL(&o, cfg->ipsec_profiles, cfg->nipsec_profiles,
		    cfg_put_ipsec);
	CFG_PUT_PLAIN(&o, cfg->acls, cfg->nacls, cfg_put_acl);
	CFG_PUT_PLAIN(&o, cfg->policy_maps, cfg->npolicy_maps,
		      cfg_put_policy_map);
	CFG_PUT_PLAIN(&o, cfg->templates, cfg->ntemplates, cfg_put_template);
	CFG_PUT_PLAIN(&o, cfg->tunnels, cfg->ntunnels, cfg_put_tunnel);
	CFG_PUT_DISABLED(&o, cfg->proposals, cfg->nproposals,
			 "crypto ikev2 proposal");
	CFG_PUT_DISABLED(&o, cfg->policies, cfg->npolicies,
			 "crypto ikev2 policy");
	CFG_PUT_DISABLED(&o, cfg->authz_policies, cfg->nauthz_policies,
			 "crypto ikev2 authorization policy");
	CFG_PUT_DISABLED(&o, cfg->tsets, cfg->ntsets,
			 "crypto ipsec transform-set");
	CFG_PUT_DISABLED(&o, cfg->ipsec_profiles, cfg->nipsec_profiles,
			 "crypto ipsec profile");
	if (fflush(out) || ferror(out)) {
		errno = errno ? errno : EIO;
		return -1;
	}
	return 0;
}
