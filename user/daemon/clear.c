// SPDX-License-Identifier: GPL-2.0-only
/*
 * "clear crypto session [remote ADDR]" and "clear crypto ikev2 sa [ID]":
 * delete sessions and IKE SAs as IOS does, the peer told with a Delete
 * and the virtual-access interface gone at once.  "rekey crypto ikev2 sa
 * ID" and "rekey crypto ipsec sa ID" (flexvtid's own) rekey the IKE SA
 * or the CHILD_SA of a session now rather than when its lifetime says.
 * Each prints what it did: "cleared N" or "rekeying N", or {"cleared":N}.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "clear.h"
#include "ike.h"
#include "session.h"
#include "stats.h"

static void clear_result(FILE *f, bool json, const char *what,
			 unsigned int n)
{
	if (json)
		fprintf(f, "{\"%s\":%u}\n", what, n);
	else
		fprintf(f, "%s %u\n", what, n);
}

/* an IKE SA number as operators give it */
static int clear_id(FILE *f, const char *arg, unsigned int *id)
{
	char *end;
	unsigned long n = strtoul(arg, &end, 10);

	if (*arg < '0' || *arg > '9' || *end || !n || n > UINT32_MAX) {
		fprintf(f, "%s: not an IKE SA number\n", arg);
		return -1;
	}
	*id = n;
	return 0;
}

static bool clear_addr_is(const struct sockaddr_storage *ss,
			  const struct in6_addr *a, int family)
{
	size_t len;
	const void *p = sock_addr_bytes(ss, &len);

	return ss->ss_family == family && !memcmp(p, a, len);
}

static void clear_one(struct ike_sa *sa)
{
	stats_inc(STAT_CLEARED);
	session_set_cause(sa->session, SESSION_CAUSE_ADMIN_RESET);
	ike_delete_start(sa, "cleared by an operator");
}

/**
 * clear_session - "clear crypto session [remote ADDR]"
 * @f: the answer
 * @json: answer in JSON
 * @argc: words after the command
 * @argv: "remote ADDR", or nothing for every session
 *
 * Return: 0, or -1 after saying why.
 */
int clear_session(FILE *f, bool json, int argc, char **argv)
{
	struct ike_sa *sa, *next;
	struct in6_addr addr;
	unsigned int n = 0;
	int family = 0;

	if (argc == 2 && !strcmp(argv[0], "remote")) {
		family = strchr(argv[1], ':') ? AF_INET6 : AF_INET;
		if (inet_pton(family, argv[1], &addr) != 1) {
			fprintf(f, "%s: not an address\n", argv[1]);
			return -1;
		}
	} else if (argc) {
		fputs("usage: clear crypto session [remote ADDR]\n", f);
		return -1;
	}
	for (sa = ike_sa_first(); sa; sa = next) {
		next = sa->next;
		if (!sa->session ||
		    (family && !clear_addr_is(&sa->remote, &addr, family)))
			continue;
		clear_one(sa);
		n++;
	}
	clear_result(f, json, "cleared", n);
	return 0;
}

/**
 * clear_ike_sa - "clear crypto ikev2 sa [ID]"
 * @f: the answer
 * @json: answer in JSON
 * @argc: words after the command
 * @argv: the IKE SA's number (Tunnel-id), or nothing for all
 *
 * Return: 0, or -1 after saying why.
 */
int clear_ike_sa(FILE *f, bool json, int argc, char **argv)
{
	struct ike_sa *sa, *next;
	unsigned int id = 0, n = 0;

	if (argc > 1 || (argc == 1 && clear_id(f, argv[0], &id)))
		return -1;
	for (sa = ike_sa_first(); sa; sa = next) {
		next = sa->next;
		if (id && sa->id != id)
			continue;
		if (sa->state != IKE_SA_DELETING) {
			clear_one(sa);
			n++;
		}
	}
	if (id && !n) {
		fprintf(f, "no IKE SA %u\n", id);
		return -1;
	}
	clear_result(f, json, "cleared", n);
	return 0;
}

static int rekey_common(FILE *f, bool json, int argc, char **argv,
			bool child)
{
	struct ike_sa *sa;
	unsigned int id;

	if (argc != 1) {
		fprintf(f, "usage: rekey crypto %s sa ID\n",
			child ? "ipsec" : "ikev2");
		return -1;
	}
	if (clear_id(f, argv[0], &id))
		return -1;
	sa = ike_sa_find_id(id);
	if (!sa || sa->state != IKE_SA_ESTABLISHED ||
	    (child && !sa->session)) {
		fprintf(f, "no established %s %u\n",
			child ? "session" : "IKE SA", id);
		return -1;
	}
	if (child)
		ike_child_rekey_start(sa);
	else
		ike_rekey_start(sa);
	clear_result(f, json, "rekeying", 1);
	return 0;
}

/**
 * rekey_ike_sa - "rekey crypto ikev2 sa ID": rekey an IKE SA now
 * @f: the answer
 * @json: answer in JSON
 * @argc: words after the command
 * @argv: the IKE SA's number
 *
 * Return: 0, or -1 after saying why.
 */
int rekey_ike_sa(FILE *f, bool json, int argc, char **argv)
{
	return rekey_common(f, json, argc, argv, false);
}

/**
 * rekey_ipsec_sa - "rekey crypto ipsec sa ID": rekey the CHILD_SA of the
 *	session of IKE SA ID now
 * @f: the answer
 * @json: answer in JSON
 * @argc: words after the command
 * @argv: the IKE SA's number
 *
 * Return: 0, or -1 after saying why.
 */
int rekey_ipsec_sa(FILE *f, bool json, int argc, char **argv)
{
	return rekey_common(f, json, argc, argv, true);
}
