// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the accounting record builder (lib/acct_rec.c): the
 * attributes of Start, Interim-Update and Stop in IOS's order, with
 * their values; Gigawords past 2^32 octets; IPv6 NAS and framed
 * addresses; Class echoed byte for byte; and the spool form (encode,
 * decode) giving the same list back, malformed input refused.
 */
#include <arpa/inet.h>
#include <string.h>

#include "kselftest_harness.h"
#include "../lib/acct_rec.h"
#include "../lib/radius.h"

FIXTURE(acct) {
	rc_handle *rh;
	struct acct_info ai;
	VALUE_PAIR *vps;
	char names[1024];
};

static void set_addr(struct sockaddr_storage *ss, const char *a)
{
	memset(ss, 0, sizeof(*ss));
	if (strchr(a, ':')) {
		ss->ss_family = AF_INET6;
		inet_pton(AF_INET6, a,
			  &((struct sockaddr_in6 *)ss)->sin6_addr);
	} else {
		ss->ss_family = AF_INET;
		inet_pton(AF_INET, a, &((struct sockaddr_in *)ss)->sin_addr);
	}
}

FIXTURE_SETUP(acct)
{
	self->rh = radius_handle_new(NULL);
	ASSERT_NE(NULL, self->rh);
	self->vps = NULL;
	memset(&self->ai, 0, sizeof(self->ai));
	self->ai.status = ACCT_STATUS_START;
	self->ai.acct_id = 0x21;
	self->ai.audit_id = "FV66A1B2C3Z21";
	self->ai.user = "pskuser1.g1.example.com";
	self->ai.phase1_id = "pskuser1.g1.example.com";
	self->ai.authentic = ACCT_AUTHENTIC_LOCAL;
	set_addr(&self->ai.peer, "192.168.202.2");
	set_addr(&self->ai.nas, "192.168.202.1");
}

FIXTURE_TEARDOWN(acct)
{
	rc_avpair_free(self->vps);
	rc_destroy(self->rh);
}

/* the attribute names of a list, space-separated, AV pairs by key */
static const char *names(FIXTURE_DATA(acct) *self)
{
	char name[64], val[256];
	VALUE_PAIR *vp;

	self->names[0] = '\0';
	for (vp = self->vps; vp; vp = rc_avpair_next(vp)) {
		rc_avpair_tostr(self->rh, vp, name, sizeof(name), val,
				sizeof(val));
		if (!strcmp(name, "Cisco-AVPair"))
			*strchrnul(val, '=') = '\0';
		snprintf(self->names + strlen(self->names),
			 sizeof(self->names) - strlen(self->names), "%s%s",
			 self->names[0] ? " " : "",
			 strcmp(name, "Cisco-AVPair") ? name : val);
	}
	return self->names;
}

/* the value of the Nth attribute NAME (or AV pair KEY=) as text */
static const char *value(FIXTURE_DATA(acct) *self, const char *want,
			 int nth)
{
	static char val[256];
	char name[64];
	VALUE_PAIR *vp;
	size_t n = strlen(want);

	for (vp = self->vps; vp; vp = rc_avpair_next(vp)) {
		rc_avpair_tostr(self->rh, vp, name, sizeof(name), val,
				sizeof(val));
		if (!strcmp(name, want) ||
		    (!strcmp(name, "Cisco-AVPair") && !strncmp(val, want, n) &&
		     val[n] == '=')) {
			if (nth--)
				continue;
			return strcmp(name, want) ? val + n + 1 : val;
		}
	}
	return "<none>";
}

TEST_F(acct, start)
{
	ASSERT_EQ(0, acct_rec_build(self->rh, &self->ai, &self->vps));
	EXPECT_STREQ("Acct-Session-Id Calling-Station-Id audit-session-id "
		     "isakmp-phase1-id isakmp-initator-ip User-Name "
		     "connect-progress Acct-Authentic Acct-Status-Type "
		     "NAS-IP-Address", names(self));
	EXPECT_STREQ("00000021", value(self, "Acct-Session-Id", 0));
	EXPECT_STREQ("192.168.202.2", value(self, "Calling-Station-Id", 0));
	EXPECT_STREQ("FV66A1B2C3Z21", value(self, "audit-session-id", 0));
	EXPECT_STREQ("192.168.202.2", value(self, "isakmp-initator-ip", 0));
	EXPECT_STREQ("No Progress", value(self, "connect-progress", 0));
	EXPECT_STREQ("Local", value(self, "Acct-Authentic", 0));
	EXPECT_STREQ("Start", value(self, "Acct-Status-Type", 0));
	EXPECT_STREQ("192.168.202.1", value(self, "NAS-IP-Address", 0));
}

TEST_F(acct, stop_with_gigawords)
{
	self->ai.status = ACCT_STATUS_STOP;
	self->ai.session_time = 56;
	self->ai.in_octets = (5ULL << 32) + 7;
	self->ai.out_octets = 1234;
	self->ai.in_packets = 10;
	self->ai.out_packets = 1ULL << 33;	/* saturates */
	self->ai.cause = 6;
	ASSERT_EQ(0, acct_rec_build(self->rh, &self->ai, &self->vps));
	EXPECT_STREQ("Acct-Session-Id Calling-Station-Id audit-session-id "
		     "isakmp-phase1-id isakmp-initator-ip User-Name "
		     "Acct-Authentic connect-progress Acct-Session-Time "
		     "Acct-Input-Octets Acct-Input-Gigawords "
		     "Acct-Output-Octets Acct-Input-Packets "
		     "Acct-Output-Packets Acct-Terminate-Cause disc-cause-ext "
		     "Acct-Status-Type NAS-IP-Address", names(self));
	EXPECT_STREQ("56", value(self, "Acct-Session-Time", 0));
	EXPECT_STREQ("7", value(self, "Acct-Input-Octets", 0));
	EXPECT_STREQ("5", value(self, "Acct-Input-Gigawords", 0));
	EXPECT_STREQ("1234", value(self, "Acct-Output-Octets", 0));
	EXPECT_STREQ("4294967295", value(self, "Acct-Output-Packets", 0));
	EXPECT_STREQ("Admin-Reset", value(self, "Acct-Terminate-Cause", 0));
	EXPECT_STREQ("Admin Reset", value(self, "disc-cause-ext", 0));
	EXPECT_STREQ("Stop", value(self, "Acct-Status-Type", 0));
}

TEST_F(acct, interim_ipv6_framed_class)
{
	static const uint8_t class[] = { 0x00, 0xff, 'c', 'l', 0x00 };
	uint8_t buf[RADIUS_MAX_LEN];
	VALUE_PAIR *back;
	char raw[8];
	int n;

	self->ai.status = ACCT_STATUS_INTERIM;
	self->ai.user = "";
	set_addr(&self->ai.peer, "fd99::10");
	set_addr(&self->ai.nas, "fd99::1");
	self->ai.has_framed4 = true;
	inet_pton(AF_INET, "10.10.0.10", &self->ai.framed4);
	self->ai.has_framed6 = true;
	inet_pton(AF_INET6, "fd10::5", &self->ai.framed6);
	self->ai.class = class;
	self->ai.class_len = sizeof(class);
	ASSERT_EQ(0, acct_rec_build(self->rh, &self->ai, &self->vps));
	EXPECT_STREQ("Acct-Session-Id Calling-Station-Id audit-session-id "
		     "isakmp-phase1-id isakmp-initator-ip Acct-Authentic "
		     "connect-progress Acct-Session-Time Acct-Input-Octets "
		     "Acct-Output-Octets Acct-Input-Packets "
		     "Acct-Output-Packets Acct-Status-Type NAS-IPv6-Address "
		     "Framed-IP-Address Framed-IPv6-Address Class",
		     names(self));
	EXPECT_STREQ("fd99::10", value(self, "Calling-Station-Id", 0));
	/* radcli's dictionary calls Interim-Update (3) "Alive" */
	EXPECT_STREQ("Alive", value(self, "Acct-Status-Type", 0));
	EXPECT_STREQ("10.10.0.10", value(self, "Framed-IP-Address", 0));

	/* the spool form gives the same list, Class byte for byte */
	n = acct_rec_encode(self->vps, buf, sizeof(buf));
	ASSERT_LT(0, n);
	back = acct_rec_decode(self->rh, buf, n);
	ASSERT_NE(NULL, back);
	rc_avpair_free(self->vps);
	self->vps = back;
	EXPECT_STREQ("Acct-Session-Id Calling-Station-Id audit-session-id "
		     "isakmp-phase1-id isakmp-initator-ip Acct-Authentic "
		     "connect-progress Acct-Session-Time Acct-Input-Octets "
		     "Acct-Output-Octets Acct-Input-Packets "
		     "Acct-Output-Packets Acct-Status-Type NAS-IPv6-Address "
		     "Framed-IP-Address Framed-IPv6-Address Class",
		     names(self));
	EXPECT_STREQ("fd99::1", value(self, "NAS-IPv6-Address", 0));
	EXPECT_STREQ("fd10::5", value(self, "Framed-IPv6-Address", 0));
	{
		VALUE_PAIR *vp = rc_avpair_get(back, PW_CLASS, 0);
		unsigned int len = 0;
		char *p = NULL;

		ASSERT_NE(NULL, vp);
		ASSERT_EQ(0, rc_avpair_get_raw(vp, &p, &len));
		ASSERT_EQ(sizeof(class), len);
		memcpy(raw, p, len);
		EXPECT_EQ(0, memcmp(raw, class, sizeof(class)));
	}
	/* cut short, or a zero-length attribute: refused */
	EXPECT_EQ(NULL, acct_rec_decode(self->rh, buf, n - 1));
	buf[1] = 0;
	EXPECT_EQ(NULL, acct_rec_decode(self->rh, buf, n));
	EXPECT_EQ(NULL, acct_rec_decode(self->rh, buf, 0));
}

TEST_F(acct, bad_input)
{
	self->ai.status = 7;
	EXPECT_EQ(-EINVAL, acct_rec_build(self->rh, &self->ai, &self->vps));
	self->ai.status = ACCT_STATUS_START;
	self->ai.nas.ss_family = AF_UNIX;
	EXPECT_EQ(-EINVAL, acct_rec_build(self->rh, &self->ai, &self->vps));
	EXPECT_EQ(NULL, self->vps);
}

TEST(cause_names)
{
	EXPECT_STREQ("User Request", acct_cause_name(1));
	EXPECT_STREQ("NAS Reboot", acct_cause_name(11));
	EXPECT_STREQ("Unknown", acct_cause_name(12));
}

TEST_HARNESS_MAIN
