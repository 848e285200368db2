/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Access lists and policers of a virtual-access interface, as userspace
 * holds them: the rules of "ip access-list extended|standard NAME" (IOS
 * syntax),
 * of the RADIUS "ip:inacl#N=..." entries and of "flexvtictl acl set",
 * read from text, printed back, and the token-bucket settings of a
 * "police" line.  lib/kern_acl.c moves them to and from the kernel
 * (FLEXVTI_A_ACL_IN/OUT, FLEXVTI_A_POLICER_IN/OUT of <linux/flexvti.h>).
 */
#ifndef FLEXVTI_ACL_H
#define FLEXVTI_ACL_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/flexvti.h>

/* the direction of a list or policer: index of arrays of both */
enum acl_dir {
	ACL_DIR_IN,	/* packets received from the peer, decrypted */
	ACL_DIR_OUT,	/* packets sent to the peer, before encryption */
	ACL_NDIRS,
};

/**
 * struct acl_prefix - an address prefix of a rule
 * @len: prefix length in bits; 0 with a zero address means "any"
 * @addr: the address, host bits zero, of the rule's family
 */
struct acl_prefix {
	uint8_t len;
	union {
		struct in_addr v4;
		struct in6_addr v6;
	} addr;
};

/**
 * struct acl_rule - one rule (access control entry)
 * @action: FLEXVTI_ACL_PERMIT or FLEXVTI_ACL_DENY
 * @family: AF_INET, AF_INET6, or 0 for a rule matching both families
 *	(only possible without addresses and ICMP fields)
 * @proto: IP protocol, or -1 for any ("ip" / "ipv6")
 * @src: source prefix; "any" is length 0
 * @dst: destination prefix
 * @sport_min: lowest source port; with @sport_max 0-65535 for any
 * @sport_max: highest source port
 * @dport_min: lowest destination port
 * @dport_max: highest destination port
 * @icmp_type: ICMP or ICMPv6 type, or -1 for any
 * @icmp_code: ICMP code, or -1 for any
 * @hits: packets matched, as the kernel reports it (acl-get); 0 otherwise
 */
struct acl_rule {
	uint8_t action;
	uint8_t family;
	int16_t proto;
	struct acl_prefix src;
	struct acl_prefix dst;
	uint16_t sport_min;
	uint16_t sport_max;
	uint16_t dport_min;
	uint16_t dport_max;
	int16_t icmp_type;
	int16_t icmp_code;
	uint64_t hits;
};

/**
 * struct acl - an access list
 * @name: its name, at most FLEXVTI_NAME_MAX bytes, NUL-terminated
 * @nrules: entries of @rules, at most FLEXVTI_ACL_MAX_RULES; 0 means
 *	"no list" (detach) when given to the kernel
 * @rules: the rules in order, first match wins, implicit deny after them
 * @deny_hits: packets dropped by the implicit deny, as the kernel
 *	reports it
 */
struct acl {
	char name[FLEXVTI_NAME_MAX + 1];
	unsigned int nrules;
	struct acl_rule *rules;
	uint64_t deny_hits;
};

/**
 * struct acl_policer - a token-bucket policer of one direction
 * @name: the policy-map it came from, at most FLEXVTI_NAME_MAX bytes
 * @rate: committed rate in bit/s; 0 means "no policer" (detach)
 * @burst: bucket depth in bytes; 0 for the default (rate / 32, at least
 *	1500)
 * @conform_packets: counters as the kernel reports them
 * @conform_bytes: ...
 * @exceed_packets: ...
 * @exceed_bytes: ...
 */
struct acl_policer {
	char name[FLEXVTI_NAME_MAX + 1];
	uint64_t rate;
	uint32_t burst;
	uint64_t conform_packets;
	uint64_t conform_bytes;
	uint64_t exceed_packets;
	uint64_t exceed_bytes;
};

/* the range of a policer's rate and burst (enum flexvti_policer_a) */
#define ACL_POLICER_RATE_MIN	8000ULL
#define ACL_POLICER_RATE_MAX	1000000000000ULL
#define ACL_POLICER_BURST_MIN	1500U
#define ACL_POLICER_BURST_MAX	(1U << 30)

/* room for any rule acl_rule_format() prints */
#define ACL_RULE_TEXT_MAX	160

void acl_rule_init(struct acl_rule *r, uint8_t action, int family);
int acl_rule_parse(int argc, char **argv, int family, struct acl_rule *r,
		   const char **why);
int acl_rule_parse_text(const char *text, int family, struct acl_rule *r,
			const char **why);
int acl_rule_format(const struct acl_rule *r, char *buf, size_t len);
int acl_rule_parse_standard(int argc, char **argv, struct acl_rule *r,
			    const char **why);
int acl_rule_format_standard(const struct acl_rule *r, char *buf, size_t len);
int acl_rule_format_mixed(const struct acl_rule *r, char *buf, size_t len);
bool acl_rule_equal(const struct acl_rule *a, const struct acl_rule *b);
int acl_rate_parse(const char *s, uint64_t min, uint64_t max, uint64_t *v);
int acl_parse_args(int argc, char **argv, struct acl *acl, char *err,
		   size_t errlen);
int acl_policer_parse_args(int argc, char **argv, struct acl_policer *p,
			   char *err, size_t errlen);
void acl_free(struct acl *acl);

#endif /* FLEXVTI_ACL_H */
