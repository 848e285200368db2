// SPDX-License-Identifier: GPL-2.0-only
/*
 * The record spool: an append-only file of records, each flushed before
 * anyone may act on it, marked delivered in place, the file emptied when
 * nothing is pending and rewritten with the pending records alone when
 * delivered ones make up most of it.  See spool.h for the format.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "spool.h"

#define SPOOL_MAGIC		"FVAS"
#define SPOOL_PENDING		'P'
#define SPOOL_DELIVERED		'D'
#define SPOOL_REC_MAX		(SPOOL_HDR_LEN + SPOOL_GROUP_MAX + \
				 SPOOL_DATA_MAX)
/* delivered bytes worth a rewrite, when they are most of the file too */
#define SPOOL_COMPACT_MIN	(1 << 20)

/**
 * spool_crc32 - CRC-32 of IEEE 802.3 (the one of zlib and Ethernet)
 * @crc: the CRC so far, 0 to start
 * @data: more bytes
 * @len: their number
 *
 * Return: the CRC with @data.
 */
uint32_t spool_crc32(uint32_t crc, const void *data, size_t len)
{
	const uint8_t *p = data;
	unsigned int k;

	crc = ~crc;
	while (len--) {
		crc ^= *p++;
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc;
}

static void spool_put_be(uint8_t *p, uint64_t v, unsigned int n)
{
	while (n--) {
		p[n] = v;
		v >>= 8;
	}
}

static uint64_t spool_get_be(const uint8_t *p, unsigned int n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | *p++;
	return v;
}

/* the CRC a record of @total bytes at @p must carry */
static uint32_t spool_rec_crc(const uint8_t *p, size_t total)
{
	uint32_t crc = spool_crc32(0, p + 5, 19);

	return spool_crc32(crc, p + SPOOL_HDR_LEN, total - SPOOL_HDR_LEN);
}

/* bytes of the record at @p, which checks, in @avail bytes; 0 if none */
static size_t spool_check(const uint8_t *p, size_t avail)
{
	size_t glen, len, total;

	if (avail < SPOOL_HDR_LEN || memcmp(p, SPOOL_MAGIC, 4) ||
	    (p[4] != SPOOL_PENDING && p[4] != SPOOL_DELIVERED))
		return 0;
	glen = p[5];
	len = spool_get_be(p + 6, 2);
	total = SPOOL_HDR_LEN + glen + len;
	if (!glen || glen > SPOOL_GROUP_MAX || len > SPOOL_DATA_MAX ||
	    total > avail ||
	    spool_rec_crc(p, total) != spool_get_be(p + 24, 4))
		return 0;
	return total;
}

static size_t spool_rec_total(const struct spool_rec *r)
{
	return SPOOL_HDR_LEN + strlen(r->group) + r->len;
}

static void spool_link(struct spool *sp, struct spool_rec *r)
{
	r->prev = sp->tail;
	r->next = NULL;
	if (sp->tail)
		sp->tail->next = r;
	else
		sp->head = r;
	sp->tail = r;
	sp->depth++;
	if (r->seq >= sp->next_seq)
		sp->next_seq = r->seq + 1;
}

static void spool_unlink(struct spool *sp, struct spool_rec *r)
{
	if (r->prev)
		r->prev->next = r->next;
	else
		sp->head = r->next;
	if (r->next)
		r->next->prev = r->prev;
	else
		sp->tail = r->prev;
	sp->depth--;
}

/* the pending record of @total bytes at @p, offset @off, into the list */
static int spool_keep(struct spool *sp, const uint8_t *p, off_t off)
{
	struct spool_rec *r = calloc(1, sizeof(*r));

	if (!r)
		return -ENOMEM;
	r->seq = spool_get_be(p + 8, 8);
	r->created = spool_get_be(p + 16, 8);
	r->off = off;
	r->len = spool_get_be(p + 6, 2);
	memcpy(r->group, p + SPOOL_HDR_LEN, p[5]);
	spool_link(sp, r);
	return 0;
}

/**
 * spool_sync_dir - flush the directory of a file: a file it created or
 *	renamed into it is there after a crash too
 * @path: the file
 */
void spool_sync_dir(const char *path)
{
	char copy[sizeof(((struct spool *)0)->path)];
	int fd;

	snprintf(copy, sizeof(copy), "%s", path);
	fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* a record as it is in the file, checked, into @buf (SPOOL_REC_MAX) */
static int spool_fetch(struct spool *sp, const struct spool_rec *r,
		       uint8_t *buf)
{
	size_t total = spool_rec_total(r);
	ssize_t n = pread(sp->fd, buf, total, r->off);

	if (n < 0)
		return -errno;
	if ((size_t)n != total || spool_check(buf, total) != total)
		return -EIO;
	return total;
}

/*
 * A new file with the pending records alone, in their order, put in
 * place of the old one by rename(): all or nothing.
 */
static int spool_rewrite(struct spool *sp)
{
	off_t *offs = calloc(sp->depth + 1, sizeof(*offs)), off = 0;
	uint8_t buf[SPOOL_REC_MAX];
	char tmp[sizeof(sp->path) + 8];
	struct spool_rec *r;
	unsigned int i = 0;
	int fd, ret = 0;

	if (!offs)
		return -ENOMEM;
	snprintf(tmp, sizeof(tmp), "%s.tmp", sp->path);
	fd = open(tmp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		free(offs);
		return -errno;
	}
	for (r = sp->head; r; r = r->next) {
		int n = spool_fetch(sp, r, buf);

		if (n < 0) {
			ret = n;
			break;
		}
		buf[4] = SPOOL_PENDING;
		if (pwrite(fd, buf, n, off) != n) {
			ret = -EIO;
			break;
		}
		offs[i++] = off;
		off += n;
	}
	if (!ret && (fdatasync(fd) || rename(tmp, sp->path)))
		ret = -errno;
	if (ret) {
		unlink(tmp);
		close(fd);
		free(offs);
		return ret;
	}
	spool_sync_dir(sp->path);
	flock(fd, LOCK_EX | LOCK_NB);
	close(sp->fd);
	sp->fd = fd;
	for (r = sp->head, i = 0; r; r = r->next)
		r->off = offs[i++];
	sp->size = off;
	sp->dead = 0;
	free(offs);
	return 0;
}

static void spool_log(struct spool *sp, const char *what, off_t from,
		      off_t to)
{
	if (sp->log)
		sp->log("spool %s: %s at offset %lld, %lld bytes", sp->path,
			what, (long long)from, (long long)(to - from));
}

/* keep the corrupt file for the operator, go on with a clean one */
static int spool_quarantine(struct spool *sp)
{
	char aside[sizeof(sp->path) + 32];
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	snprintf(aside, sizeof(aside), "%s.corrupt-%lld%03ld", sp->path,
		 (long long)ts.tv_sec, ts.tv_nsec / 1000000);
	if (link(sp->path, aside) && sp->log)
		sp->log("spool %s: cannot keep it as %s: %s", sp->path, aside,
			strerror(errno));
	else if (sp->log)
		sp->log("spool %s: kept as %s; its good pending records go on",
			sp->path, aside);
	return spool_rewrite(sp);
}

/* the pending records of the file read into @buf (@size bytes) */
static int spool_parse(struct spool *sp, const uint8_t *buf, off_t size)
{
	off_t off = 0, bad = -1;
	bool corrupt = false;
	size_t n;
	int ret;

	while (off < size) {
		n = spool_check(buf + off, size - off);
		if (!n) {
			if (bad < 0)
				bad = off;
			off++;
			continue;
		}
		if (bad >= 0) {
			spool_log(sp, "corrupt record(s) skipped", bad, off);
			corrupt = true;
			bad = -1;
		}
		if (buf[off + 4] == SPOOL_PENDING) {
			ret = spool_keep(sp, buf + off, off);
			if (ret)
				return ret;
		} else {
			sp->dead += n;
		}
		if (spool_get_be(buf + off + 8, 8) >= sp->next_seq)
			sp->next_seq = spool_get_be(buf + off + 8, 8) + 1;
		off += n;
	}
	if (bad >= 0) {
		spool_log(sp, "corrupt or truncated record(s) skipped", bad,
			  size);
		corrupt = true;
	}
	sp->size = size;
	return corrupt ? spool_quarantine(sp) : 0;
}

static int spool_load(struct spool *sp)
{
	struct stat st;
	uint8_t *buf;
	ssize_t n;
	int ret;

	if (fstat(sp->fd, &st))
		return -errno;
	if (!st.st_size)
		return 0;
	buf = malloc(st.st_size);
	if (!buf)
		return -ENOMEM;
	n = pread(sp->fd, buf, st.st_size, 0);
	if (n != st.st_size)
		ret = n < 0 ? -errno : -EIO;
	else
		ret = spool_parse(sp, buf, st.st_size);
	free(buf);
	if (!ret && !sp->depth && sp->size)
		ret = ftruncate(sp->fd, 0) ? -errno : 0;
	if (!ret && !sp->depth)
		sp->size = sp->dead = 0;
	return ret;
}

/**
 * spool_open - open a spool file, made if need be (mode 0600), and read
 *	its pending records
 * @sp: the spool
 * @path: the file (at most 255 bytes)
 * @log: where to tell about a corrupt file (with path and offset), or
 *	NULL
 *
 * A corrupt file is not an error: its good records are kept (see
 * spool.h), the file itself is moved aside.
 *
 * Return: 0, with @sp->head the oldest pending record; -ENAMETOOLONG,
 * -EBUSY when another process has the file open as a spool, -ENOMEM, or
 * the errno of open(), read() or of the rewrite of a corrupt file.  @sp
 * is closed on error.
 */
int spool_open(struct spool *sp, const char *path, spool_log_fn log)
{
	int ret;

	memset(sp, 0, sizeof(*sp));
	sp->fd = -1;
	sp->log = log;
	if (strlen(path) >= sizeof(sp->path))
		return -ENAMETOOLONG;
	strcpy(sp->path, path);
	sp->fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (sp->fd < 0)
		return -errno;
	/* a spool just created stays created */
	spool_sync_dir(path);
	if (flock(sp->fd, LOCK_EX | LOCK_NB)) {
		ret = errno == EWOULDBLOCK ? -EBUSY : -errno;
		spool_close(sp);
		return ret;
	}
	ret = spool_load(sp);
	if (ret)
		spool_close(sp);
	return ret;
}

/**
 * spool_open_mem - a spool in memory (memfd_create()), for when no file
 *	can be had: records survive nothing, but go out in order as well
 * @sp: the spool
 * @log: as for spool_open()
 *
 * Return: 0, or the errno of memfd_create().
 */
int spool_open_mem(struct spool *sp, spool_log_fn log)
{
	memset(sp, 0, sizeof(*sp));
	sp->log = log;
	strcpy(sp->path, "(memory)");
	sp->mem = true;
	sp->fd = memfd_create("flexvti-spool", MFD_CLOEXEC);
	return sp->fd < 0 ? -errno : 0;
}

/**
 * spool_close - close the file and free the records in memory
 * @sp: the spool; closing it twice is harmless
 *
 * Pending records stay in the file for the next spool_open().
 */
void spool_close(struct spool *sp)
{
	struct spool_rec *r;

	while ((r = sp->head)) {
		spool_unlink(sp, r);
		free(r);
	}
	if (sp->fd >= 0)
		close(sp->fd);
	sp->fd = -1;
}

/**
 * spool_add - append a record and flush it to disk
 * @sp: the spool, open
 * @group: its queue name, 1 to SPOOL_GROUP_MAX bytes
 * @created: when it was made, milliseconds since the epoch
 * @data: its payload
 * @len: bytes of @data, at most SPOOL_DATA_MAX
 * @rec: receives the record, the newest of @sp
 *
 * Return: 0; -EINVAL for a bad @group or @len, -EBADF when @sp is not
 * open, -ENOMEM, or the errno of the write or of fdatasync() (the file
 * is then cut back to where it was).
 */
int spool_add(struct spool *sp, const char *group, uint64_t created,
	      const void *data, size_t len, struct spool_rec **rec)
{
	size_t glen = strlen(group), total = SPOOL_HDR_LEN + glen + len;
	uint8_t buf[SPOOL_REC_MAX];
	struct spool_rec *r;
	int ret = 0;
	ssize_t n;

	if (!glen || glen > SPOOL_GROUP_MAX || len > SPOOL_DATA_MAX)
		return -EINVAL;
	if (sp->fd < 0)
		return -EBADF;
	r = calloc(1, sizeof(*r));
	if (!r)
		return -ENOMEM;
	memcpy(buf, SPOOL_MAGIC, 4);
	buf[4] = SPOOL_PENDING;
	buf[5] = glen;
	spool_put_be(buf + 6, len, 2);
	spool_put_be(buf + 8, sp->next_seq, 8);
	spool_put_be(buf + 16, created, 8);
	memcpy(buf + SPOOL_HDR_LEN, group, glen);
	memcpy(buf + SPOOL_HDR_LEN + glen, data, len);
	spool_put_be(buf + 24, spool_rec_crc(buf, total), 4);
	n = pwrite(sp->fd, buf, total, sp->size);
	if (n < 0)
		ret = -errno;
	else if ((size_t)n != total)
		ret = -EIO;
	else if (fdatasync(sp->fd))
		ret = -errno;
	if (ret) {
		if (ftruncate(sp->fd, sp->size) && sp->log)
			sp->log("spool %s: cannot cut a failed write back",
				sp->path);
		free(r);
		return ret;
	}
	r->seq = sp->next_seq;
	r->created = created;
	r->off = sp->size;
	r->len = len;
	memcpy(r->group, group, glen + 1);
	spool_link(sp, r);
	sp->size += total;
	*rec = r;
	return 0;
}

/**
 * spool_read - the payload of a pending record, from the file
 * @sp: the spool
 * @rec: the record
 * @buf: where it goes
 * @size: bytes at @buf
 *
 * Return: the payload's length; -ENOSPC when it does not fit, -EIO when
 * the record no longer checks (the file was changed behind our back), or
 * the errno of pread().
 */
int spool_read(struct spool *sp, const struct spool_rec *rec, void *buf,
	       size_t size)
{
	uint8_t rbuf[SPOOL_REC_MAX];
	int ret;

	if (rec->len > size)
		return -ENOSPC;
	ret = spool_fetch(sp, rec, rbuf);
	if (ret < 0)
		return ret;
	memcpy(buf, rbuf + SPOOL_HDR_LEN + strlen(rec->group), rec->len);
	return rec->len;
}

/**
 * spool_done - a record was delivered: mark it so on disk and free it
 * @sp: the spool
 * @rec: the record, pending; freed here in any case
 *
 * The mark is not flushed: one lost in a crash only means the record is
 * delivered again, while a flush per answer would stall the event loop
 * as often as records are made.  The file is emptied when no record is
 * pending any more, and rewritten with the pending ones alone when
 * delivered records fill most of it.
 *
 * Return: 0, or the errno of writing the mark (the record is delivered
 * again after a restart then) or of the rewrite (harmless: the file is
 * only bigger).
 */
int spool_done(struct spool *sp, struct spool_rec *rec)
{
	const char mark = SPOOL_DELIVERED;
	int ret = 0;
	ssize_t n = pwrite(sp->fd, &mark, 1, rec->off + 4);

	if (n < 0)
		ret = -errno;
	else if (n != 1)
		ret = -EIO;
	sp->dead += spool_rec_total(rec);
	spool_unlink(sp, rec);
	free(rec);
	if (ret)
		return ret;
	if (!sp->depth) {
		if (ftruncate(sp->fd, 0))
			return -errno;
		sp->size = 0;
		sp->dead = 0;
		return 0;
	}
	if (!sp->mem && sp->dead > SPOOL_COMPACT_MIN &&
	    sp->dead * 2 > sp->size)
		return spool_rewrite(sp);
	return 0;
}
