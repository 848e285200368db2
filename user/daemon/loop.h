/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The event loop of flexvtid: epoll over file descriptors, one-shot
 * timers on the monotonic clock, and SIGINT/SIGTERM/SIGHUP through a
 * signalfd.  Single-threaded: every callback runs from loop_run().
 */
#ifndef FLEXVTID_LOOP_H
#define FLEXVTID_LOOP_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/epoll.h>

struct loop_fd;
typedef void (*loop_fd_fn)(struct loop_fd *lf, uint32_t events);

/**
 * struct loop_fd - a file descriptor watched by the loop, embedded in
 *	its owner (container_of)
 * @fd: the descriptor
 * @fn: called with the EPOLL* events when it is ready
 */
struct loop_fd {
	int fd;
	loop_fd_fn fn;
};

struct timer;
typedef void (*timer_fn)(struct timer *t);

/**
 * struct timer - a one-shot timer, embedded in its owner
 * @when: expiry, milliseconds of the monotonic clock
 * @fn: called once when it expires
 * @slot: 1 + its index in the loop's heap of armed timers; 0: not armed
 */
struct timer {
	uint64_t when;
	timer_fn fn;
	unsigned int slot;
};

typedef void (*loop_signal_fn)(int signo);

int loop_init(loop_signal_fn on_signal);
void loop_fini(void);
int loop_add(struct loop_fd *lf, uint32_t events);
void loop_del(struct loop_fd *lf);
int loop_run(void);
void loop_stop(void);
uint64_t loop_now(void);

void timer_init(struct timer *t, timer_fn fn);
void timer_set(struct timer *t, uint64_t msecs);
void timer_del(struct timer *t);
bool timer_armed(const struct timer *t);

#ifndef container_of
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))
#endif

#endif /* FLEXVTID_LOOP_H */
