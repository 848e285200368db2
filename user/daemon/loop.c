// SPDX-License-Identifier: GPL-2.0-only
/*
 * epoll event loop with sorted one-shot timers and a signalfd.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "loop.h"

/**
 * struct loop - the event loop (one per process)
 * @epfd: the epoll instance
 * @sig: the signalfd of SIGINT, SIGTERM and SIGHUP
 * @on_signal: called with each of those signals
 * @timers: armed timers, earliest first
 * @running: loop_run() goes on while set
 */
static struct loop {
	int epfd;
	struct loop_fd sig;
	loop_signal_fn on_signal;
	struct timer *timers;
	bool running;
} loop = { .epfd = -1, .sig = { .fd = -1 } };

/**
 * loop_now - the monotonic clock
 *
 * Return: milliseconds since an arbitrary point in the past.
 */
uint64_t loop_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void loop_signal(struct loop_fd *lf, uint32_t events)
{
	struct signalfd_siginfo si;

	(void)events;
	while (read(lf->fd, &si, sizeof(si)) == sizeof(si))
		loop.on_signal(si.ssi_signo);
}

/**
 * loop_init - create the event loop
 * @on_signal: called from the loop for SIGINT, SIGTERM and SIGHUP, which
 *	are blocked from here on
 *
 * Return: 0 or a negative errno.
 */
int loop_init(loop_signal_fn on_signal)
{
	sigset_t set;

	loop.epfd = epoll_create1(EPOLL_CLOEXEC);
	if (loop.epfd < 0)
		return -errno;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	loop.sig.fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	loop.sig.fn = loop_signal;
	loop.on_signal = on_signal;
	if (loop.sig.fd < 0)
		return -errno;
	return loop_add(&loop.sig, EPOLLIN);
}

/**
 * loop_fini - close the event loop; timers and descriptors stay with
 *	their owners
 */
void loop_fini(void)
{
	if (loop.sig.fd >= 0)
		close(loop.sig.fd);
	if (loop.epfd >= 0)
		close(loop.epfd);
	loop.sig.fd = -1;
	loop.epfd = -1;
}

/**
 * loop_add - watch a descriptor
 * @lf: the descriptor and its callback
 * @events: EPOLLIN and/or EPOLLOUT
 *
 * Return: 0 or a negative errno.
 */
int loop_add(struct loop_fd *lf, uint32_t events)
{
	struct epoll_event ev = { .events = events, .data.ptr = lf };

	return epoll_ctl(loop.epfd, EPOLL_CTL_ADD, lf->fd, &ev) ? -errno : 0;
}

/**
 * loop_del - stop watching a descriptor, before closing it
 * @lf: the descriptor
 */
void loop_del(struct loop_fd *lf)
{
	epoll_ctl(loop.epfd, EPOLL_CTL_DEL, lf->fd, NULL);
}

/**
 * timer_init - prepare a timer
 * @t: the timer
 * @fn: its callback
 */
void timer_init(struct timer *t, timer_fn fn)
{
	memset(t, 0, sizeof(*t));
	t->fn = fn;
}

/**
 * timer_del - disarm a timer; nothing happens when it is not armed
 * @t: the timer
 */
void timer_del(struct timer *t)
{
	if (!t->armed)
		return;
	if (t->prev)
		t->prev->next = t->next;
	else
		loop.timers = t->next;
	if (t->next)
		t->next->prev = t->prev;
	t->prev = t->next = NULL;
	t->armed = false;
}

/**
 * timer_set - (re)arm a timer
 * @t: the timer
 * @msecs: milliseconds from now
 */
void timer_set(struct timer *t, uint64_t msecs)
{
	struct timer **pos = &loop.timers, *prev = NULL;

	timer_del(t);
	t->when = loop_now() + msecs;
	while (*pos && (*pos)->when <= t->when) {
		prev = *pos;
		pos = &(*pos)->next;
	}
	t->next = *pos;
	t->prev = prev;
	if (t->next)
		t->next->prev = t;
	*pos = t;
	t->armed = true;
}

static int loop_run_timers(void)
{
	uint64_t now = loop_now();
	struct timer *t;

	while ((t = loop.timers) && t->when <= now) {
		timer_del(t);
		t->fn(t);
	}
	if (!loop.timers)
		return -1;
	return (int)(loop.timers->when - now);
}

/**
 * loop_run - run callbacks until loop_stop()
 *
 * Return: 0, or a negative errno when epoll failed.
 */
int loop_run(void)
{
	struct epoll_event ev[32];
	int i, n, timeout;

	loop.running = true;
	while (loop.running) {
		timeout = loop_run_timers();
		if (!loop.running)
			break;
		n = epoll_wait(loop.epfd, ev, 32, timeout);
		if (n < 0 && errno != EINTR)
			return -errno;
		for (i = 0; i < n; i++) {
			struct loop_fd *lf = ev[i].data.ptr;

			lf->fn(lf, ev[i].events);
		}
	}
	return 0;
}

/**
 * loop_stop - make loop_run() return after the current callback
 */
void loop_stop(void)
{
	loop.running = false;
}
