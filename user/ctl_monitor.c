// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvtictl monitor: print the notifications of the flexvti family's
 * "events" group as they come (interface changes and deletions, SA
 * events, NHRP redirects), one line (or JSON object) each, until SIGINT
 * or SIGTERM.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>

#include "ctl.h"
#include "lib/kern_nl.h"

static volatile sig_atomic_t ctl_monitor_stop;

static void ctl_monitor_signal(int sig)
{
	(void)sig;
	ctl_monitor_stop = 1;
}

/*
 * SIGINT and SIGTERM stay blocked but in ppoll(), so that they end the
 * wait there and nowhere else; @waitmask receives the mask for ppoll().
 */
static int ctl_monitor_signals(sigset_t *waitmask)
{
	struct sigaction sa = { .sa_handler = ctl_monitor_signal };
	sigset_t block;

	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigemptyset(&sa.sa_mask);
	if (sigprocmask(SIG_BLOCK, &block, waitmask) ||
	    sigaction(SIGINT, &sa, NULL) || sigaction(SIGTERM, &sa, NULL))
		return -errno;
	sigdelset(waitmask, SIGINT);
	sigdelset(waitmask, SIGTERM);
	return 0;
}

static int ctl_monitor_print(const struct kern_event *e, void *arg)
{
	const bool *json = arg;

	kern_event_print(stdout, e, *json);
	fflush(stdout);
	return 0;
}

static int ctl_monitor_loop(struct kern_nl *nl, bool json,
			    const sigset_t *waitmask)
{
	struct pollfd pfd = {
		.fd = nl_socket_get_fd(nl->sk), .events = POLLIN,
	};
	int err;

	while (!ctl_monitor_stop) {
		if (ppoll(&pfd, 1, NULL, waitmask) < 0) {
			if (errno == EINTR)
				continue;
			return ctl_fail(-errno, NULL, "monitor");
		}
		err = kern_nl_monitor_recv(nl, ctl_monitor_print, &json);
		if (err == -ENOBUFS)
			ctl_fail(err, NULL, "monitor: notifications lost");
		else if (err)
			return ctl_fail(err, NULL, "monitor");
	}
	return CTL_OK;
}

static int ctl_monitor_open(struct kern_nl *nl)
{
	int err = kern_nl_monitor_open(nl);

	if (err == -ENOENT)
		return ctl_fail(err, NULL,
				"the flexvti module is not loaded and cannot be loaded");
	if (err)
		return ctl_fail(err, NULL,
				"monitor: cannot join the \"events\" group");
	return CTL_OK;
}

/**
 * ctl_monitor - flexvtictl [-j] monitor: print notifications until stopped
 * @ctl: the common options
 * @argc: number of words after "monitor"
 * @argv: the words
 *
 * One line per notification (kern_event_print()), flushed at once.
 * SIGINT and SIGTERM end it with CTL_OK.
 *
 * Return: CTL_OK, CTL_FAIL or CTL_USAGE.
 */
int ctl_monitor(const struct ctl *ctl, int argc, char **argv)
{
	sigset_t waitmask;
	struct kern_nl nl;
	int ret;

	(void)argv;
	if (argc)
		return ctl_usage("monitor takes no arguments");
	ret = ctl_monitor_signals(&waitmask);
	if (ret)
		return ctl_fail(ret, NULL, "monitor: signals");
	if (ctl_monitor_open(&nl))
		return CTL_FAIL;
	ret = ctl_monitor_loop(&nl, ctl->json, &waitmask);
	kern_nl_close(&nl);
	return ret;
}
