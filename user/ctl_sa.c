// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvtictl sa add|del|swap|show: the security associations of the
 * virtual-access interfaces, straight over the flexvti genl family.
 * Keys are wiped from memory once they are in the request, and never
 * printed.
 */
#include <stdio.h>

#include "ctl.h"
#include "lib/kern_nl.h"

/* the words after DEV; on a usage error the keys are already wiped */
static int ctl_sa_args(const char *what, int argc, char **argv,
		       unsigned int allowed, unsigned int required,
		       struct kern_sa *sa)
{
	char err[192];

	if (kern_sa_parse_args(argc, argv, allowed, required, sa, err,
			       sizeof(err)))
		return ctl_usage("%s: %s", what, err);
	return CTL_OK;
}

/**
 * ctl_sa_add - flexvtictl sa add: install an SA
 * @ctl: the common options
 * @argc: number of words after "sa add"
 * @argv: the words
 *
 * DEV dir in|out spi SPI alg ALG key KEY [salt KEY] [auth-key KEY]
 * [icv BYTES] [esn] [replay-window N] [soft-bytes N] [hard-bytes N]
 * [soft-packets N] [hard-packets N] [seq N].  The keys are wiped on every
 * path.
 *
 * Return: CTL_OK, CTL_FAIL or CTL_USAGE.
 */
int ctl_sa_add(const struct ctl *ctl, int argc, char **argv)
{
	struct kern_sa sa = { 0 };
	struct kern_nl nl;
	int err;

	(void)ctl;
	if (argc < 1)
		return ctl_usage("sa add needs an interface and settings");
	if (ctl_sa_args("sa add", argc - 1, argv + 1, KERN_SA_ARGS_ADD,
			KERN_SA_ARGS_ADD_REQUIRED, &sa))
		return CTL_USAGE;
	if (ctl_ifindex(argv[0], &sa.ifindex) || ctl_open(&nl)) {
		kern_sa_wipe(&sa);
		return CTL_FAIL;
	}
	err = kern_nl_sa_new(&nl, &sa);
	if (err)
		ctl_fail(err, nl.extack, "sa add %s", argv[0]);
	kern_nl_close(&nl);
	return err ? CTL_FAIL : CTL_OK;
}

/**
 * ctl_sa_del - flexvtictl sa del DEV dir in|out spi SPI
 * @ctl: the common options
 * @argc: number of words after "sa del"
 * @argv: the words
 *
 * Return: CTL_OK, CTL_FAIL or CTL_USAGE.
 */
int ctl_sa_del(const struct ctl *ctl, int argc, char **argv)
{
	const unsigned int words = KERN_SA_HAS_DIR | KERN_SA_HAS_SPI;
	struct kern_sa sa = { 0 };
	struct kern_nl nl;
	int err;

	(void)ctl;
	if (argc < 1)
		return ctl_usage("sa del needs an interface, dir and spi");
	if (ctl_sa_args("sa del", argc - 1, argv + 1, words, words, &sa))
		return CTL_USAGE;
	if (ctl_ifindex(argv[0], &sa.ifindex) || ctl_open(&nl))
		return CTL_FAIL;
	err = kern_nl_sa_del(&nl, sa.ifindex, sa.dir, sa.spi);
	if (err)
		ctl_fail(err, nl.extack, "sa del %s", argv[0]);
	kern_nl_close(&nl);
	return err ? CTL_FAIL : CTL_OK;
}

/**
 * ctl_sa_swap - flexvtictl sa swap DEV spi SPI: make an outbound SA active
 * @ctl: the common options
 * @argc: number of words after "sa swap"
 * @argv: the words
 *
 * Return: CTL_OK, CTL_FAIL or CTL_USAGE.
 */
int ctl_sa_swap(const struct ctl *ctl, int argc, char **argv)
{
	struct kern_sa sa = { 0 };
	struct kern_nl nl;
	int err;

	(void)ctl;
	if (argc < 1)
		return ctl_usage("sa swap needs an interface and spi");
	if (ctl_sa_args("sa swap", argc - 1, argv + 1, KERN_SA_HAS_SPI,
			KERN_SA_HAS_SPI, &sa))
		return CTL_USAGE;
	if (ctl_ifindex(argv[0], &sa.ifindex) || ctl_open(&nl))
		return CTL_FAIL;
	err = kern_nl_sa_swap(&nl, sa.ifindex, sa.spi);
	if (err)
		ctl_fail(err, nl.extack, "sa swap %s", argv[0]);
	kern_nl_close(&nl);
	return err ? CTL_FAIL : CTL_OK;
}

struct ctl_sa_show_state {
	const struct ctl *ctl;
	uint32_t dir;
	int count;
};

static int ctl_sa_show_one(const struct kern_sa *sa, void *arg)
{
	struct ctl_sa_show_state *s = arg;

	if (s->dir && sa->dir != s->dir)
		return 0;
	if (s->ctl->json && s->count)
		putchar(',');
	kern_sa_print(stdout, sa, s->ctl->json);
	s->count++;
	return 0;
}

/* a get for one SPI, else a dump of one interface or all */
static int ctl_sa_show_run(struct kern_nl *nl, const struct kern_sa *sel,
			   struct ctl_sa_show_state *s)
{
	if (sel->has & KERN_SA_HAS_SPI)
		return kern_nl_sa_get(nl, sel->ifindex, sel->dir, sel->spi,
				      ctl_sa_show_one, s);
	return kern_nl_sa_dump(nl, sel->ifindex, ctl_sa_show_one, s);
}

/**
 * ctl_sa_show - flexvtictl [-j] sa show [DEV [dir in|out] [spi SPI]]
 * @ctl: the common options
 * @argc: number of words after "sa show"
 * @argv: the words
 *
 * Without DEV, a dump of every SA; with DEV, a dump of its SAs, or with
 * SPI the get of one.  Text: kern_sa_print() per SA; JSON: an array of
 * its objects.
 *
 * Return: CTL_OK, CTL_FAIL or CTL_USAGE.
 */
int ctl_sa_show(const struct ctl *ctl, int argc, char **argv)
{
	const unsigned int words = KERN_SA_HAS_DIR | KERN_SA_HAS_SPI;
	struct ctl_sa_show_state s = { .ctl = ctl };
	struct kern_sa sel = { 0 };
	struct kern_nl nl;
	int err;

	if (argc >= 1) {
		if (ctl_sa_args("sa show", argc - 1, argv + 1, words, 0, &sel))
			return CTL_USAGE;
		if (ctl_ifindex(argv[0], &sel.ifindex))
			return CTL_FAIL;
	}
	if (ctl_open(&nl))
		return CTL_FAIL;
	s.dir = sel.dir;
	if (ctl->json)
		putchar('[');
	err = ctl_sa_show_run(&nl, &sel, &s);
	if (ctl->json)
		puts("]");
	if (err)
		ctl_fail(err, nl.extack, "sa show");
	kern_nl_close(&nl);
	return err ? CTL_FAIL : CTL_OK;
}
