// SPDX-License-Identifier: GPL-2.0-only
/*
 * epoll event loop with one-shot timers and a signalfd.  The armed
 * timers are a binary min-heap on their expiry, so arming and disarming
 * cost O(log n) with many thousands of sessions, each with its timers.
 */
#include <errno.h>
#include <stdlib.h>
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
 * @heap: the armed timers, a min-heap on struct timer.when
 * @nheap: entries of @heap used
 * @heap_size: entries allocated
 * @running: loop_run() goes on while set
 */
static struct loop {
	int epfd;
	struct loop_fd sig;
	loop_signal_fn on_signal;
	struct timer **heap;
	unsigned int nheap;
	unsigned int heap_size;
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
	free(loop.heap);
	loop.heap = NULL;
	loop.nheap = loop.heap_size = 0;
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

static void heap_put(unsigned int i, struct timer *t)
{
	loop.heap[i] = t;
	t->slot = i + 1;
}

static void heap_up(unsigned int i)
{
	struct timer *t = loop.heap[i];

	while (i > 0 && loop.heap[(i - 1) / 2]->when > t->when) {
		heap_put(i, loop.heap[(i - 1) / 2]);
		i = (i - 1) / 2;
	}
	heap_put(i, t);
}

static void heap_down(unsigned int i)
{
	struct timer *t = loop.heap[i];
	unsigned int c;

	for (;;) {
		c = 2 * i + 1;
		if (c >= loop.nheap)
			break;
		if (c + 1 < loop.nheap &&
		    loop.heap[c + 1]->when < loop.heap[c]->when)
			c++;
		if (loop.heap[c]->when >= t->when)
			break;
		heap_put(i, loop.heap[c]);
		i = c;
	}
	heap_put(i, t);
}

/**
 * timer_armed - whether a timer is armed
 * @t: the timer
 *
 * Return: true between timer_set() and its expiry or timer_del().
 */
bool timer_armed(const struct timer *t)
{
	return t->slot;
}

/**
 * timer_del - disarm a timer; nothing happens when it is not armed
 * @t: the timer
 */
void timer_del(struct timer *t)
{
	unsigned int i = t->slot - 1;
	struct timer *last;

	if (!t->slot)
		return;
	t->slot = 0;
	last = loop.heap[--loop.nheap];
	if (last == t)
		return;
	heap_put(i, last);
	if (i > 0 && loop.heap[(i - 1) / 2]->when > last->when)
		heap_up(i);
	else
		heap_down(i);
}

/* the heap only grows; without memory for it the daemon cannot keep time */
static void heap_grow(void)
{
	unsigned int size = loop.heap_size ? 2 * loop.heap_size : 256;
	struct timer **h = realloc(loop.heap, size * sizeof(*h));

	if (!h) {
		log_err("out of memory for timers");
		abort();
	}
	loop.heap = h;
	loop.heap_size = size;
}

/**
 * timer_set - (re)arm a timer
 * @t: the timer
 * @msecs: milliseconds from now
 */
void timer_set(struct timer *t, uint64_t msecs)
{
	timer_del(t);
	t->when = loop_now() + msecs;
	if (loop.nheap == loop.heap_size)
		heap_grow();
	loop.heap[loop.nheap] = t;
	heap_up(loop.nheap++);
}

static int loop_run_timers(void)
{
	uint64_t now = loop_now();
	struct timer *t;

	while (loop.nheap && (t = loop.heap[0])->when <= now) {
		timer_del(t);
		t->fn(t);
	}
	if (!loop.nheap)
		return -1;
	return (int)(loop.heap[0]->when - now);
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
