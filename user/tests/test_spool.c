// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the record spool (lib/spool.c): records written are read
 * back in order after a reopen, delivered ones are gone, the file is
 * emptied when nothing is pending, sequence numbers go on across a
 * reopen, a second process cannot open the same spool, and a corrupt or
 * truncated file gives its good records, is kept aside and is told with
 * its offset.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "../lib/spool.h"

static char logged[1024];

static __printf(1, 2) void test_log(const char *fmt, ...)
{
	size_t n = strlen(logged);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(logged + n, sizeof(logged) - n, fmt, ap);
	va_end(ap);
	n = strlen(logged);
	if (n + 1 < sizeof(logged))
		strcat(logged, "\n");
}

FIXTURE(spool) {
	char dir[64];
	char path[128];
	struct spool sp;
};

FIXTURE_SETUP(spool)
{
	snprintf(self->dir, sizeof(self->dir), "/tmp/test_spool.XXXXXX");
	ASSERT_NE(NULL, mkdtemp(self->dir));
	snprintf(self->path, sizeof(self->path), "%s/acct.spool", self->dir);
	logged[0] = '\0';
	ASSERT_EQ(0, spool_open(&self->sp, self->path, test_log));
}

FIXTURE_TEARDOWN(spool)
{
	char cmd[128];

	spool_close(&self->sp);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", self->dir);
	if (system(cmd))
		TH_LOG("cannot remove %s", self->dir);
}

/* records "rec0".."recN-1" in groups g0, g1 alternating */
static void add_n(struct __test_metadata *_metadata, struct spool *sp, int n)
{
	struct spool_rec *r;
	char data[16], group[8];
	int i;

	for (i = 0; i < n; i++) {
		snprintf(data, sizeof(data), "rec%d", i);
		snprintf(group, sizeof(group), "g%d", i % 2);
		ASSERT_EQ(0, spool_add(sp, group, 1000 + i, data,
				       strlen(data), &r));
	}
}

/* the payloads of the pending records, joined with spaces */
static void payloads(struct spool *sp, char *out, size_t len)
{
	struct spool_rec *r;
	char buf[SPOOL_DATA_MAX];
	int n;

	out[0] = '\0';
	for (r = sp->head; r; r = r->next) {
		n = spool_read(sp, r, buf, sizeof(buf));
		if (n < 0)
			n = snprintf(buf, sizeof(buf), "<%d>", n);
		snprintf(out + strlen(out), len - strlen(out), "%s%.*s",
			 out[0] ? " " : "", n, buf);
	}
}

static off_t file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -1 : st.st_size;
}

static int count_corrupt(const char *dir)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	int n = 0;

	while (d && (e = readdir(d)))
		n += strstr(e->d_name, ".corrupt-") != NULL;
	if (d)
		closedir(d);
	return n;
}

TEST_F(spool, reread_in_order)
{
	char out[256];

	add_n(_metadata, &self->sp, 5);
	EXPECT_EQ(5, self->sp.depth);
	spool_close(&self->sp);
	ASSERT_EQ(0, spool_open(&self->sp, self->path, test_log));
	EXPECT_EQ(5, self->sp.depth);
	payloads(&self->sp, out, sizeof(out));
	EXPECT_STREQ("rec0 rec1 rec2 rec3 rec4", out);
	EXPECT_STREQ("g0", self->sp.head->group);
	EXPECT_STREQ("g1", self->sp.head->next->group);
	EXPECT_EQ(1000, self->sp.head->created);
	EXPECT_EQ(1004, self->sp.tail->created);
	EXPECT_LT(self->sp.head->seq, self->sp.head->next->seq);
	EXPECT_STREQ("", logged);
}

TEST_F(spool, done_removes_and_empties)
{
	struct spool_rec *r;
	char out[256];

	add_n(_metadata, &self->sp, 4);
	/* out of order across queues: the second record first */
	ASSERT_EQ(0, spool_done(&self->sp, self->sp.head->next));
	ASSERT_EQ(0, spool_done(&self->sp, self->sp.head));
	spool_close(&self->sp);
	ASSERT_EQ(0, spool_open(&self->sp, self->path, test_log));
	payloads(&self->sp, out, sizeof(out));
	EXPECT_STREQ("rec2 rec3", out);
	while ((r = self->sp.head))
		ASSERT_EQ(0, spool_done(&self->sp, r));
	EXPECT_EQ(0, self->sp.depth);
	EXPECT_EQ(0, file_size(self->path));
	spool_close(&self->sp);
	ASSERT_EQ(0, spool_open(&self->sp, self->path, test_log));
	EXPECT_EQ(NULL, self->sp.head);
}

TEST_F(spool, seq_goes_on)
{
	uint64_t last;

	add_n(_metadata, &self->sp, 3);
	last = self->sp.tail->seq;
	spool_close(&self->sp);
	ASSERT_EQ(0, spool_open(&self->sp, self->path, test_log));
	add_n(_metadata, &self->sp, 1);
	EXPECT_GT(self->sp.tail->seq, last);
}

TEST_F(spool, one_process)
{
	struct spool other;

	EXPECT_EQ(-EBUSY, spool_open(&other, self->path, test_log));
}

TEST_F(spool, bad_input)
{
	char group[SPOOL_GROUP_MAX + 2], data[SPOOL_DATA_MAX + 1] = "";
	struct spool_rec *r;

	memset(group, 'g', sizeof(group) - 1);
	group[sizeof(group) - 1] = '\0';
	EXPECT_EQ(-EINVAL, spool_add(&self->sp, group, 1, "x", 1, &r));
	EXPECT_EQ(-EINVAL, spool_add(&self->sp, "", 1, "x", 1, &r));
	EXPECT_EQ(-EINVAL, spool_add(&self->sp, "g", 1, data, sizeof(data),
				     &r));
	EXPECT_EQ(0, self->sp.depth);
}

/* a flipped bit in the second record: the others stay, the file is
 * kept aside and the offset told */
TEST_F(spool, corrupt_record)
{
	char out[256], want[64];
	off_t off;
	int fd;
	uint8_t b;

	add_n(_metadata, &self->sp, 3);
	off = self->sp.head->next->off;
	spool_close(&self->sp);
	fd = open(self->path, O_RDWR);
	ASSERT_LE(0, fd);
	ASSERT_EQ(1, pread(fd, &b, 1, off + SPOOL_HDR_LEN + 3));
	b ^= 0x10;
	ASSERT_EQ(1, pwrite(fd, &b, 1, off + SPOOL_HDR_LEN + 3));
	close(fd);
	ASSERT_EQ(0, spool_open(&self->sp, self->path, test_log));
	payloads(&self->sp, out, sizeof(out));
	EXPECT_STREQ("rec0 rec2", out);
	snprintf(want, sizeof(want), "at offset %lld,", (long long)off);
	EXPECT_NE(NULL, strstr(logged, want));
	EXPECT_NE(NULL, strstr(logged, self->path));
	EXPECT_EQ(1, count_corrupt(self->dir));
	/* the new file checks: no complaint the next time */
	spool_close(&self->sp);
	logged[0] = '\0';
	ASSERT_EQ(0, spool_open(&self->sp, self->path, test_log));
	payloads(&self->sp, out, sizeof(out));
	EXPECT_STREQ("rec0 rec2", out);
	EXPECT_STREQ("", logged);
}

/* a write cut short (a crash): the records before it stay */
TEST_F(spool, truncated_tail)
{
	char out[256];
	off_t size;

	add_n(_metadata, &self->sp, 2);
	spool_close(&self->sp);
	size = file_size(self->path);
	ASSERT_EQ(0, truncate(self->path, size - 3));
	ASSERT_EQ(0, spool_open(&self->sp, self->path, test_log));
	payloads(&self->sp, out, sizeof(out));
	EXPECT_STREQ("rec0", out);
	EXPECT_NE(NULL, strstr(logged, "truncated"));
	add_n(_metadata, &self->sp, 1);
	payloads(&self->sp, out, sizeof(out));
	EXPECT_STREQ("rec0 rec0", out);
}

/* garbage in front of good records, and a file of garbage alone */
TEST_F(spool, garbage)
{
	char out[256];
	int fd;

	spool_close(&self->sp);
	fd = open(self->path, O_WRONLY | O_TRUNC);
	ASSERT_LE(0, fd);
	ASSERT_EQ(7, write(fd, "FVASxyz", 7));
	close(fd);
	ASSERT_EQ(0, spool_open(&self->sp, self->path, test_log));
	EXPECT_EQ(0, self->sp.depth);
	EXPECT_NE(NULL, strstr(logged, "at offset 0, 7 bytes"));
	add_n(_metadata, &self->sp, 2);
	payloads(&self->sp, out, sizeof(out));
	EXPECT_STREQ("rec0 rec1", out);
}

/* without a file: the same, in memory */
TEST(in_memory)
{
	struct spool sp;
	struct spool_rec *r;
	char out[256];

	ASSERT_EQ(0, spool_open_mem(&sp, test_log));
	add_n(_metadata, &sp, 3);
	ASSERT_EQ(0, spool_done(&sp, sp.head));
	payloads(&sp, out, sizeof(out));
	EXPECT_STREQ("rec1 rec2", out);
	while ((r = sp.head))
		ASSERT_EQ(0, spool_done(&sp, r));
	EXPECT_EQ(0, sp.size);
	spool_close(&sp);
}

TEST(crc32_check_value)
{
	/* the standard check value of CRC-32/ISO-HDLC */
	EXPECT_EQ(0xcbf43926, spool_crc32(0, "123456789", 9));
}

TEST_HARNESS_MAIN
