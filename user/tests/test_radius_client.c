// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of flexvtid's RADIUS client (daemon/radius_client.c) in its
 * own event loop against scripted servers on 127.0.0.1 in this process:
 * an answer, a retransmission, failover to the group's next server, a
 * forged reply (wrong Response Authenticator) and one without
 * Message-Authenticator dropped and counted while the request waits on,
 * no server answering, and an Accounting-Request with Acct-Delay-Time,
 * counting the age of a record sent again.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "../daemon/log.h"
#include "../daemon/loop.h"
#include "../daemon/radius_client.h"

#define SECRET	"unit-secret"

/* what a scripted server does with each request it gets */
enum script {
	ANSWER,		/* answer it */
	IGNORE,		/* drop it */
	FORGE,		/* a forged answer, then the real one */
	NO_MA,		/* an answer without Message-Authenticator */
};

struct scripted {
	struct loop_fd lf;
	struct sockaddr_storage addr;
	enum script script[8];
	unsigned int got;
	uint8_t last[RADIUS_MAX_LEN];
	size_t last_len;
};

struct outcome {
	bool done;
	int err;
	uint8_t code;
	uint32_t framed_ip;
};

static void scripted_reply(struct scripted *f, const uint8_t *req, size_t len,
		       const struct sockaddr_storage *from, socklen_t flen,
		       enum script what)
{
	uint8_t code = req[0] == RADIUS_ACCOUNTING_REQUEST ?
		       RADIUS_ACCOUNTING_RESPONSE : RADIUS_ACCESS_ACCEPT;
	VALUE_PAIR *vps = NULL;
	struct radius_pkt pkt;
	uint32_t ip = 0x0a140005;

	(void)len;
	if (code == RADIUS_ACCESS_ACCEPT)
		rc_avpair_add(radius_rh(), &vps, PW_FRAMED_IP_ADDRESS, &ip, -1,
			      0);
	if (radius_encode(&pkt, code, req[1], req + 4, vps, SECRET,
			  what != NO_MA))
		abort();
	rc_avpair_free(vps);
	if (what == FORGE) {
		pkt.data[10] ^= 0x40;
		sendto(f->lf.fd, pkt.data, pkt.len, 0,
		       (const struct sockaddr *)from, flen);
		pkt.data[10] ^= 0x40;
	}
	sendto(f->lf.fd, pkt.data, pkt.len, 0, (const struct sockaddr *)from,
	       flen);
}

static void scripted_recv(struct loop_fd *lf, uint32_t events)
{
	struct scripted *f = container_of(lf, struct scripted, lf);
	struct sockaddr_storage from;
	socklen_t flen = sizeof(from);
	enum script what;
	ssize_t n;

	(void)events;
	n = recvfrom(lf->fd, f->last, sizeof(f->last), 0,
		     (struct sockaddr *)&from, &flen);
	if (n < RADIUS_HDR_LEN)
		return;
	f->last_len = n;
	what = f->script[f->got < 8 ? f->got : 7];
	f->got++;
	if (what != IGNORE)
		scripted_reply(f, f->last, n, &from, flen, what);
}

static void scripted_open(struct scripted *f)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)&f->addr;
	socklen_t len = sizeof(*sin);

	memset(&f->addr, 0, sizeof(f->addr));
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	f->lf.fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
	if (f->lf.fd < 0 || bind(f->lf.fd, (struct sockaddr *)sin, len) ||
	    getsockname(f->lf.fd, (struct sockaddr *)sin, &len))
		abort();
	f->lf.fn = scripted_recv;
	if (loop_add(&f->lf, EPOLLIN))
		abort();
}

/* a server of @f with both ports on its socket */
static struct radius_server *scripted_server(struct scripted *f, const char *name)
{
	uint16_t port = ntohs(((struct sockaddr_in *)&f->addr)->sin_port);

	return radius_server_new(name, &f->addr, NULL, port, port, SECRET, 100,
				 1);
}

static void done(struct radius_req *req, int err, uint8_t code,
		 VALUE_PAIR *reply, void *arg)
{
	struct outcome *o = arg;
	VALUE_PAIR *vp = rc_avpair_get(reply, PW_FRAMED_IP_ADDRESS, 0);

	(void)req;
	o->done = true;
	o->err = err;
	o->code = code;
	if (vp)
		rc_avpair_get_uint32(vp, &o->framed_ip);
	loop_stop();
}

static void deadline(struct timer *t)
{
	(void)t;
	loop_stop();
}

FIXTURE(client) {
	struct scripted a, b;
	struct radius_server *sa, *sb;
	struct radius_server *servers[2];
	struct radius_group group;
	struct outcome out;
	struct timer stop;
};

FIXTURE_SETUP(client)
{
	log_init(-2, false);
	ASSERT_EQ(0, loop_init(NULL));
	ASSERT_EQ(0, radius_client_init(NULL));
	scripted_open(&self->a);
	scripted_open(&self->b);
	self->sa = scripted_server(&self->a, "a");
	self->sb = scripted_server(&self->b, "b");
	ASSERT_NE(NULL, self->sa);
	ASSERT_NE(NULL, self->sb);
	self->servers[0] = self->sa;
	self->servers[1] = self->sb;
	strcpy(self->group.name, "g");
	self->group.servers = self->servers;
	self->group.nservers = 2;
	timer_init(&self->stop, deadline);
}

FIXTURE_TEARDOWN(client)
{
	radius_server_free(self->sa);
	radius_server_free(self->sb);
	radius_client_fini();
	loop_fini();
}

/* an Access-Request for "alice" until done or 3 s */
static struct outcome run_aged(struct radius_group *g, uint8_t code,
			       uint64_t age, struct timer *stop)
{
	struct outcome o = { 0 };
	VALUE_PAIR *vps = NULL;
	uint32_t start = PW_STATUS_START;

	rc_avpair_add(radius_rh(), &vps, PW_USER_NAME, "alice", -1, 0);
	if (code == RADIUS_ACCESS_REQUEST)
		rc_avpair_add(radius_rh(), &vps, PW_USER_PASSWORD, "pw", -1,
			      0);
	else
		rc_avpair_add(radius_rh(), &vps, PW_ACCT_STATUS_TYPE, &start,
			      -1, 0);
	if (!radius_req_send_aged(g, code, vps, age, done, &o))
		return o;
	timer_set(stop, 3000);
	loop_run();
	timer_del(stop);
	return o;
}

static struct outcome run(struct radius_group *g, uint8_t code,
			  struct timer *stop)
{
	return run_aged(g, code, 0, stop);
}

TEST_F(client, answer)
{
	self->out = run(&self->group, RADIUS_ACCESS_REQUEST, &self->stop);
	ASSERT_TRUE(self->out.done);
	EXPECT_EQ(0, self->out.err);
	EXPECT_EQ(RADIUS_ACCESS_ACCEPT, self->out.code);
	EXPECT_EQ(0x0a140005u, self->out.framed_ip);
	EXPECT_EQ(1, self->a.got);
	EXPECT_EQ(0, self->b.got);
	EXPECT_EQ(1, self->sa->stats[RADIUS_STAT_REQUESTS]);
	EXPECT_EQ(1, self->sa->stats[RADIUS_STAT_ACCEPTS]);
	/* what the server got: Message-Authenticator first, and valid */
	EXPECT_EQ(RADIUS_ATTR_MESSAGE_AUTHENTICATOR, self->a.last[20]);
	EXPECT_EQ(RADIUS_OK, radius_check(self->a.last, self->a.last_len,
					  NULL, SECRET, true));
}

TEST_F(client, retransmit)
{
	self->a.script[0] = IGNORE;
	self->out = run(&self->group, RADIUS_ACCESS_REQUEST, &self->stop);
	ASSERT_TRUE(self->out.done);
	EXPECT_EQ(0, self->out.err);
	EXPECT_EQ(2, self->a.got);
	EXPECT_EQ(1, self->sa->stats[RADIUS_STAT_RETRANSMITS]);
	EXPECT_EQ(0, self->b.got);
}

TEST_F(client, failover)
{
	int i;

	for (i = 0; i < 8; i++)
		self->a.script[i] = IGNORE;
	self->out = run(&self->group, RADIUS_ACCESS_REQUEST, &self->stop);
	ASSERT_TRUE(self->out.done);
	EXPECT_EQ(0, self->out.err);
	EXPECT_EQ(2, self->a.got);	/* the request and one retransmit */
	EXPECT_EQ(1, self->sa->stats[RADIUS_STAT_TIMEOUTS]);
	EXPECT_EQ(1, self->b.got);
	/* b answered: it is asked first from now on */
	EXPECT_EQ(1, self->group.current);
	self->out = run(&self->group, RADIUS_ACCESS_REQUEST, &self->stop);
	EXPECT_EQ(0, self->out.err);
	EXPECT_EQ(2, self->b.got);
	EXPECT_EQ(2, self->a.got);
}

TEST_F(client, forged_reply_dropped)
{
	self->a.script[0] = FORGE;
	self->out = run(&self->group, RADIUS_ACCESS_REQUEST, &self->stop);
	ASSERT_TRUE(self->out.done);
	EXPECT_EQ(0, self->out.err);
	EXPECT_EQ(RADIUS_ACCESS_ACCEPT, self->out.code);
	EXPECT_EQ(1, self->sa->stats[RADIUS_STAT_DROP +
				     RADIUS_ERR_AUTHENTICATOR]);
	EXPECT_EQ(1, self->sa->stats[RADIUS_STAT_ACCEPTS]);
}

TEST_F(client, no_message_authenticator)
{
	int i;

	for (i = 0; i < 8; i++) {
		self->a.script[i] = NO_MA;
		self->b.script[i] = NO_MA;
	}
	self->out = run(&self->group, RADIUS_ACCESS_REQUEST, &self->stop);
	ASSERT_TRUE(self->out.done);
	EXPECT_EQ(-ETIMEDOUT, self->out.err);
	EXPECT_EQ(2, self->sa->stats[RADIUS_STAT_DROP +
				     RADIUS_ERR_MA_MISSING]);
	EXPECT_EQ(2, self->sb->stats[RADIUS_STAT_DROP +
				     RADIUS_ERR_MA_MISSING]);
	EXPECT_EQ(0, self->sa->stats[RADIUS_STAT_ACCEPTS]);
}

TEST_F(client, nobody_answers)
{
	int i;

	for (i = 0; i < 8; i++) {
		self->a.script[i] = IGNORE;
		self->b.script[i] = IGNORE;
	}
	self->out = run(&self->group, RADIUS_ACCESS_REQUEST, &self->stop);
	ASSERT_TRUE(self->out.done);
	EXPECT_EQ(-ETIMEDOUT, self->out.err);
	EXPECT_EQ(2, self->a.got);
	EXPECT_EQ(2, self->b.got);
}

TEST_F(client, accounting)
{
	VALUE_PAIR *vps;
	uint32_t delay = 99;

	self->a.script[0] = IGNORE;
	self->a.script[1] = IGNORE;
	self->out = run(&self->group, RADIUS_ACCOUNTING_REQUEST, &self->stop);
	ASSERT_TRUE(self->out.done);
	EXPECT_EQ(0, self->out.err);
	EXPECT_EQ(RADIUS_ACCOUNTING_RESPONSE, self->out.code);
	/* b got it after a's timeouts, its Request Authenticator good */
	ASSERT_EQ(1, self->b.got);
	ASSERT_EQ(RADIUS_OK, radius_check(self->b.last, self->b.last_len,
					  NULL, SECRET, true));
	vps = radius_decode(radius_rh(), self->b.last, self->b.last_len);
	ASSERT_NE(NULL, rc_avpair_get(vps, PW_ACCT_DELAY_TIME, 0));
	rc_avpair_get_uint32(rc_avpair_get(vps, PW_ACCT_DELAY_TIME, 0),
			     &delay);
	EXPECT_EQ(0, delay);	/* 200 ms rounds down to 0 s */
	rc_avpair_free(vps);
}

/* a record from the spool: its Acct-Delay-Time counts its age too */
TEST_F(client, accounting_aged)
{
	VALUE_PAIR *vps;
	uint32_t delay = 0;

	self->out = run_aged(&self->group, RADIUS_ACCOUNTING_REQUEST, 90500,
			     &self->stop);
	ASSERT_TRUE(self->out.done);
	EXPECT_EQ(0, self->out.err);
	ASSERT_EQ(1, self->a.got);
	vps = radius_decode(radius_rh(), self->a.last, self->a.last_len);
	rc_avpair_get_uint32(rc_avpair_get(vps, PW_ACCT_DELAY_TIME, 0),
			     &delay);
	EXPECT_EQ(90, delay);
	rc_avpair_free(vps);
}

TEST_HARNESS_MAIN
