/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * An on-disk spool of records (flexvtid's accounting records, RFC 2866
 * §2): each record is appended and flushed to disk (fdatasync) before it
 * is sent, marked delivered in place when its server acknowledged it, and
 * the file is emptied once no record is pending.  A record is opaque
 * bytes with a queue name (the accounting group), a sequence number that
 * orders it and the wall-clock time it was made.  Reopening the file (a
 * new daemon) gives the pending records again, in order.
 *
 * The file, every integer big-endian:
 *
 *   0      4      5      6        8            16           24      28
 *   +------+------+------+--------+------------+------------+-------+
 *   | FVAS | st   | glen | len    | seq        | created ms | crc32 |
 *   +------+------+------+--------+------------+------------+-------+
 *   | group name (glen bytes, no NUL) | payload (len bytes)   ...
 *   +--------------------------------------------------------
 *
 * st is 'P' (pending) or 'D' (delivered), the only byte ever rewritten;
 * the CRC-32 (IEEE 802.3) covers everything from glen to the end of the
 * payload but st and the crc field itself.  A record that does not
 * check (a torn write, a flipped bit) is corrupt: spool_open() skips to
 * the next record that checks, moves the file aside as PATH.corrupt-TIME
 * for the operator and writes a new one with the good pending records,
 * logging the file and offset of each corrupt range.
 *
 * Single-threaded; one process per file (flock).
 */
#ifndef FLEXVTI_SPOOL_H
#define FLEXVTI_SPOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "util.h"

#define SPOOL_GROUP_MAX		63	/* bytes of a queue name */
#define SPOOL_DATA_MAX		4096	/* bytes of a record's payload */
#define SPOOL_HDR_LEN		28

/**
 * struct spool_rec - a pending record, in memory
 * @prev: the record before it in the spool
 * @next: the record after it
 * @qnext: free for the spool's user (its own queues)
 * @seq: its sequence number: later records have larger ones
 * @created: when it was made, milliseconds since the epoch (wall clock)
 * @off: its offset in the file
 * @len: bytes of its payload
 * @group: its queue name
 */
struct spool_rec {
	struct spool_rec *prev;
	struct spool_rec *next;
	struct spool_rec *qnext;
	uint64_t seq;
	uint64_t created;
	off_t off;
	uint16_t len;
	char group[SPOOL_GROUP_MAX + 1];
};

typedef void (*spool_log_fn)(const char *fmt, ...) __printf(1, 2);

/**
 * struct spool - a spool file and its pending records
 * @fd: the file, -1 when closed
 * @path: its path
 * @head: the oldest pending record
 * @tail: the newest
 * @depth: pending records
 * @next_seq: the sequence number of the next record
 * @size: bytes in the file
 * @dead: bytes of delivered records in it
 * @log: where problems with the file are told, or NULL
 * @mem: the spool is in memory (spool_open_mem())
 */
struct spool {
	int fd;
	char path[256];
	struct spool_rec *head;
	struct spool_rec *tail;
	unsigned int depth;
	uint64_t next_seq;
	off_t size;
	off_t dead;
	spool_log_fn log;
	bool mem;
};

int spool_open(struct spool *sp, const char *path, spool_log_fn log);
int spool_open_mem(struct spool *sp, spool_log_fn log);
void spool_sync_dir(const char *path);
void spool_close(struct spool *sp);
int spool_add(struct spool *sp, const char *group, uint64_t created,
	      const void *data, size_t len, struct spool_rec **rec);
int spool_read(struct spool *sp, const struct spool_rec *rec, void *buf,
	       size_t size);
int spool_done(struct spool *sp, struct spool_rec *rec);
uint32_t spool_crc32(uint32_t crc, const void *data, size_t len);

#endif /* FLEXVTI_SPOOL_H */
