// SPDX-License-Identifier: GPL-2.0-only
/*
 * The filters of a session's interface: access lists and policers by
 * name, resolved against the configuration and given to the kernel in one
 * dev-set (see filter.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/cfg.h"
#include "../lib/kern_acl.h"
#include "../lib/kern_nl.h"
#include "../lib/radius_authz.h"
#include "filter.h"
#include "flexvtid.h"
#include "ike_sa.h"
#include "log.h"
#include "session.h"

static void filter_name(char *dst, const struct cfg_ref *r)
{
	snprintf(dst, FLEXVTI_NAME_MAX + 1, "%s", r->name ? r->name : "");
}

/**
 * filter_from_iface - the filters an interface block attaches
 * @f: receives them (emptied first: filter_free() of what it held)
 * @i: the virtual template's or tunnel's block, or NULL for none
 */
void filter_from_iface(struct session_filters *f, const struct cfg_iface *i)
{
	int d;

	filter_free(f);
	if (!i)
		return;
	for (d = 0; d < ACL_NDIRS; d++) {
		filter_name(f->dir[d].acl4, &i->filters.acl4[d]);
		filter_name(f->dir[d].acl6, &i->filters.acl6[d]);
		filter_name(f->dir[d].qos, &i->filters.policy[d]);
	}
}

static int filter_set_aces(struct filter_dir *d,
			   const struct radius_authz_ace *aces,
			   unsigned int n)
{
	struct acl_rule *r = calloc(n, sizeof(*r));
	unsigned int i;

	if (!r)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		r[i] = aces[i].rule;
	free(d->aces);
	d->aces = r;
	d->naces = n;
	d->acl4[0] = '\0';
	return 0;
}

/**
 * filter_from_authz - let a RADIUS authorization override filters
 * @f: the filters so far (the template's); changed in place
 * @a: the merged authorization: per direction, an access list name or
 *	per-user entries replace the IPv4 list, a QoS policy name the
 *	policy-map
 *
 * Return: 0, or -ENOMEM (then @f may be partly changed).
 */
int filter_from_authz(struct session_filters *f, const struct radius_authz *a)
{
	int d, ret;

	for (d = 0; d < ACL_NDIRS; d++) {
		struct filter_dir *fd = &f->dir[d];

		if (a->naces[d]) {
			ret = filter_set_aces(fd, a->aces[d], a->naces[d]);
			if (ret)
				return ret;
		} else if (a->acl[d][0]) {
			free(fd->aces);
			fd->aces = NULL;
			fd->naces = 0;
			strcpy(fd->acl4, a->acl[d]);
		}
		if (a->qos[d][0])
			strcpy(fd->qos, a->qos[d]);
	}
	return 0;
}

/**
 * filter_empty - whether a session has no filter at all
 * @f: its filters
 *
 * Return: true when no direction names a list, has entries or a QoS
 * policy: the interface needs no dev-set.
 */
bool filter_empty(const struct session_filters *f)
{
	int d;

	for (d = 0; d < ACL_NDIRS; d++)
		if (f->dir[d].acl4[0] || f->dir[d].acl6[0] ||
		    f->dir[d].naces || f->dir[d].qos[0])
			return false;
	return true;
}

/* the per-user entries as a list of the configuration's kind */
static int filter_user_list(const struct filter_dir *d, struct cfg_acl *l,
			    struct cfg_acl_entry **entries)
{
	unsigned int i;

	*entries = calloc(d->naces, sizeof(**entries));
	if (!*entries)
		return -ENOMEM;
	for (i = 0; i < d->naces; i++) {
		(*entries)[i].seq = i + 1;
		(*entries)[i].rule = d->aces[i];
	}
	*l = (struct cfg_acl){
		.name = "per-user",
		.family = AF_INET,
		.entries = *entries,
		.nentries = d->naces,
	};
	return 0;
}

/* the lists @d names, found in @cfg; -ENOENT says which is missing */
static int filter_lists(const struct cfg *cfg, const struct filter_dir *d,
			const struct cfg_acl **v4, const struct cfg_acl **v6,
			char *why, size_t len)
{
	*v4 = d->acl4[0] ? cfg_acl_find(cfg, d->acl4, AF_INET) : NULL;
	*v6 = d->acl6[0] ? cfg_acl_find(cfg, d->acl6, AF_INET6) : NULL;
	if (d->acl4[0] && !*v4) {
		snprintf(why, len, "no ip access-list extended %s", d->acl4);
		return -ENOENT;
	}
	if (d->acl6[0] && !*v6) {
		snprintf(why, len, "no ipv6 access-list %s", d->acl6);
		return -ENOENT;
	}
	return 0;
}

/* the kernel list of direction @d */
static int filter_build_acl(const struct cfg *cfg, const struct filter_dir *d,
			    struct acl *out, char *why, size_t len)
{
	const struct cfg_acl *v4, *v6;
	struct cfg_acl_entry *entries = NULL;
	struct cfg_acl user;
	int ret;

	ret = filter_lists(cfg, d, &v4, &v6, why, len);
	if (!ret && d->naces) {
		ret = filter_user_list(d, &user, &entries);
		v4 = &user;
	}
	if (!ret)
		ret = cfg_acl_build(v4, v6, out);
	if (ret == -E2BIG)
		snprintf(why, len, "more than %d access-list entries",
			 FLEXVTI_ACL_MAX_RULES);
	else if (ret == -ENOMEM)
		snprintf(why, len, "out of memory");
	free(entries);
	return ret;
}

static int filter_build_policer(const struct cfg *cfg,
				const struct filter_dir *d,
				struct acl_policer *out, char *why, size_t len)
{
	const struct cfg_policy_map *pm = NULL;

	if (d->qos[0]) {
		pm = cfg_policy_map_find(cfg, d->qos);
		if (!pm) {
			snprintf(why, len, "no policy-map %s", d->qos);
			return -ENOENT;
		}
	}
	cfg_policy_map_policer(pm, out);
	return 0;
}

/**
 * filter_check - whether filters can be applied with a configuration
 * @cfg: the configuration in force
 * @f: the filters
 * @why: receives the reason when not
 * @len: bytes at @why
 *
 * Return: 0; -ENOENT when a list or policy-map they name does not exist,
 * -E2BIG when a direction's list would have too many rules, -ENOMEM.
 */
int filter_check(const struct cfg *cfg, const struct session_filters *f,
		 char *why, size_t len)
{
	struct acl_policer pol;
	struct acl acl;
	int d, ret;

	for (d = 0; d < ACL_NDIRS; d++) {
		memset(&acl, 0, sizeof(acl));
		ret = filter_build_acl(cfg, &f->dir[d], &acl, why, len);
		acl_free(&acl);
		if (!ret)
			ret = filter_build_policer(cfg, &f->dir[d], &pol, why,
						   len);
		if (ret)
			return ret;
	}
	return 0;
}

/* the kernel's lists and policers of the @parts of @f */
static int filter_build(const struct cfg *cfg, const struct session_filters *f,
			unsigned int parts, struct acl *acl,
			struct acl_policer *pol, struct kern_acl_set *set,
			char *why, size_t len)
{
	int d, ret;

	for (d = 0; d < ACL_NDIRS; d++) {
		if (parts & (FILTER_ACL_IN << d)) {
			ret = filter_build_acl(cfg, &f->dir[d], &acl[d], why,
					       len);
			if (ret)
				return ret;
			set->acl[d] = &acl[d];
		}
		if (parts & (FILTER_QOS_IN << d)) {
			ret = filter_build_policer(cfg, &f->dir[d], &pol[d],
						   why, len);
			if (ret)
				return ret;
			set->policer[d] = &pol[d];
		}
	}
	return 0;
}

/* @dst takes @src's parts: names, and the entries, moved */
static void filter_take(struct session_filters *dst,
			struct session_filters *src, unsigned int parts)
{
	int d;

	if (dst == src)
		return;
	for (d = 0; d < ACL_NDIRS; d++) {
		struct filter_dir *to = &dst->dir[d], *from = &src->dir[d];

		if (parts & (FILTER_ACL_IN << d)) {
			free(to->aces);
			strcpy(to->acl4, from->acl4);
			strcpy(to->acl6, from->acl6);
			to->aces = from->aces;
			to->naces = from->naces;
			from->aces = NULL;
			from->naces = 0;
		}
		if (parts & (FILTER_QOS_IN << d))
			strcpy(to->qos, from->qos);
	}
}

/**
 * filter_apply - put filters in force on a session's interface
 * @s: the session, its interface made
 * @f: the filters; the @parts applied are moved into @s->filters
 *	(@f keeps the others: filter_free() it).  @f may be @s->filters
 *	itself: its contents are put in force again.
 * @parts: enum filter_part bits: what to change
 * @why: receives the reason on failure
 * @len: bytes at @why
 *
 * Everything is resolved against the configuration in force first, and
 * the kernel then changes the parts in one dev-set: on failure nothing
 * changed.
 *
 * Return: 0; -ENOENT (a name that is not configured), -E2BIG, -ENOMEM,
 * or the kernel's error (with its extack message in @why).
 */
int filter_apply(struct session *s, struct session_filters *f,
		 unsigned int parts, char *why, size_t len)
{
	struct kern_acl_set set = { .ifindex = s->ifindex };
	struct acl_policer pol[ACL_NDIRS];
	struct acl acl[ACL_NDIRS];
	struct kern_nl *nl = session_genl();
	int d, ret;

	memset(acl, 0, sizeof(acl));
	memset(pol, 0, sizeof(pol));
	ret = filter_build(daemon_cfg(), f, parts, acl, pol, &set, why, len);
	if (!ret) {
		ret = kern_nl_acl_set(nl, &set);
		if (ret)
			snprintf(why, len, "the kernel refused: %s%s%s",
				 strerror(-ret), nl->extack[0] ? ": " : "",
				 nl->extack);
	}
	for (d = 0; d < ACL_NDIRS; d++)
		acl_free(&acl[d]);
	if (!ret)
		filter_take(&s->filters, f, parts);
	return ret;
}

/**
 * filter_reload - apply the changed access lists and policy-maps of a
 *	new configuration to the live sessions
 *
 * Each session keeps the names it has (a changed "ip access-group" of
 * its template concerns the sessions made after); their new contents
 * are put in force.  A session whose names no longer resolve keeps the
 * filters it had in the kernel, with a warning.
 */
void filter_reload(void)
{
	struct session *s;
	struct ike_sa *sa;
	char why[160];

	for (sa = ike_sa_first(); sa; sa = sa->next) {
		s = sa->session;
		if (!s || !s->ifindex || filter_empty(&s->filters))
			continue;
		if (filter_apply(s, &s->filters, FILTER_ALL, why, sizeof(why)))
			log_warn("%s: filters kept as they were: %s", s->name,
				 why);
	}
}

/**
 * filter_free - release what filters hold
 * @f: the filters; emptied
 */
void filter_free(struct session_filters *f)
{
	int d;

	for (d = 0; d < ACL_NDIRS; d++)
		free(f->dir[d].aces);
	memset(f, 0, sizeof(*f));
}
