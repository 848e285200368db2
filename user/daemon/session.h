/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A session: what an authenticated IKE SA with its CHILD_SA becomes in
 * the kernel.  A virtual-access interface cloned from the profile's
 * virtual template (mode, MTU, unnumbered source, NHRP network-id), the
 * CHILD_SA's inbound and outbound ESP SAs in flexvti.ko, ESP-in-UDP on the
 * daemon's port 4500 socket when a NAT was detected, host routes to the
 * client's assigned addresses, and routes to the subnets the peer sent
 * in its configuration payload ("route accept any").  Created all at
 * once or not at all; freeing it deletes the interface, which takes its
 * SAs and routes along.
 *
 * A session of a static "interface Tunnel<N>" (@fixed) uses that
 * interface, which the configuration made and which outlives its
 * sessions: the session's SAs and the routes to the peer's subnets go
 * with it, the interface and the operator's routes through it stay.
 *
 * Rekeying (RFC 7296 §2.8) is make-before-break: the new pair of SAs is
 * installed beside the current one, the interface's outbound SA is
 * swapped to the new one in one step, and the old pair is removed once
 * the Delete exchange for it is done.  The kernel reports byte and
 * sequence-number limits of the SAs and interfaces deleted behind our
 * back on its "events" group, read here.
 */
#ifndef FLEXVTID_SESSION_H
#define FLEXVTID_SESSION_H

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>

#include <linux/flexvti.h>

#include "../lib/crypto.h"
#include "../lib/ikev2_pld.h"
#include "filter.h"
#include "loop.h"
#include "route.h"

struct ike_sa;
struct ike_conn;
struct kern_dev;
struct kern_nl;

#define SESSION_ADDRS_MAX	2	/* an IPv4 and an IPv6 address */
#define SESSION_TS_MAX		8	/* traffic selectors kept per side */
#define SESSION_ROUTES_MAX	64	/* routes to the peer's subnets */
/* the peer's rekey is finished by its Delete of the old pair; without
 * one, the new outbound SA is used and the old pair deleted after this */
#define SESSION_SWAP_MS		10000

/**
 * struct session_child - the CHILD_SA of a session
 * @spi_in: our SPI, of the inbound SA
 * @spi_out: the peer's SPI, of the outbound SA
 * @encr: the ESP encryption algorithm
 * @integ: the ESP integrity algorithm, NULL with an AEAD
 * @esn: extended sequence numbers were negotiated
 * @transport: transport mode (gre-mode interfaces), else tunnel mode
 * @key_in: keying material of the inbound SA: encryption key (with salt
 *	for an AEAD), then integrity key
 * @key_out: the same for the outbound SA
 *
 * The keys are only here between their derivation and their installation
 * in the kernel, and wiped right after.
 */
struct session_child {
	uint32_t spi_in;
	uint32_t spi_out;
	const struct crypto_encr *encr;
	const struct crypto_integ *integ;
	bool esn;
	bool transport;
	uint8_t key_in[CRYPTO_ENCR_KEY_MAX + CRYPTO_INTEG_KEY_MAX];
	uint8_t key_out[CRYPTO_ENCR_KEY_MAX + CRYPTO_INTEG_KEY_MAX];
};

/**
 * struct session_pair - a pair of SAs in the kernel
 * @spi_in: our SPI, of the inbound SA; 0: no pair
 * @spi_out: the peer's SPI, of the outbound SA
 * @encr: the encryption algorithm
 * @integ: the integrity algorithm, NULL with an AEAD
 * @esn: extended sequence numbers
 */
struct session_pair {
	uint32_t spi_in;
	uint32_t spi_out;
	const struct crypto_encr *encr;
	const struct crypto_integ *integ;
	bool esn;
};

/**
 * struct session_life - the CHILD_SA lifetimes of a session, from its
 *	IPsec profile
 * @seconds: lifetime of each CHILD_SA, seconds (default 3600)
 * @kbytes: lifetime in kilobytes of 1024 bytes (default 4608000)
 * @rekey_at: loop_now() when the current CHILD_SA is to be rekeyed
 * @expire_at: loop_now() when it expires without a rekey
 * @timer: fires at @rekey_at, then at @expire_at
 */
struct session_life {
	unsigned int seconds;
	uint64_t kbytes;
	uint64_t rekey_at;
	uint64_t expire_at;
	struct timer timer;
};

/**
 * struct session_template - what the interface gets from its virtual
 *	template
 * @id: the template's number N (Virtual-TemplateN)
 * @mode: enum flexvti_mode
 * @mtu: bytes, 0 for the module's default
 * @unnumbered: interface whose address is the source of the routes to
 *	the client, "" for none
 * @nhrp_network_id: NHRP network-id, 0 for none
 * @nhrp_redirect: seconds of "ip nhrp redirect [timeout S]", 0 for none
 * @mpls: MPLS on (an "mpls" line, gre mode): Linux's MPLS stack takes
 *	the labelled packets that arrive on the interface (mpls.c)
 * @nlabels: entries of @mpls_labels, 0 for none
 * @mpls_labels: "mpls label-stack": the labels the kernel pushes on
 *	every IP packet sent over the interface, the outermost first (the
 *	interface's FLEXVTI_A_MPLS_LABELS, set with MPLS input)
 */
struct session_template {
	uint32_t id;
	uint32_t mode;
	unsigned int mtu;
	char unnumbered[IF_NAMESIZE];
	uint32_t nhrp_network_id;
	uint32_t nhrp_redirect;
	bool mpls;
	unsigned int nlabels;
	uint32_t mpls_labels[FLEXVTI_MPLS_LABELS_MAX];
};

/**
 * struct session_route - a route to a subnet of the peer through the
 *	session's interface ("connected via" it, without a gateway)
 * @dst: the prefix's address, host bits clear
 * @prefix: its length
 * @metric: the route's metric: the distance of "route accept any"
 */
struct session_route {
	struct route_addr dst;
	uint8_t prefix;
	uint32_t metric;
};

#define SESSION_AUDIT_ID_MAX	64	/* audit-session-id, with its NUL */
#define SESSION_USER_MAX	253	/* User-Name: RFC 2865 §5.1, §5 */
#define SESSION_CLASS_MAX	253	/* Class: RFC 2865 §5.25 */

struct radius_group;

/* why a session ended: the Acct-Terminate-Cause values of RFC 2866 §5.10
 * that a headend has reason to send */
enum session_cause {
	SESSION_CAUSE_NONE = 0,		/* not known yet */
	SESSION_CAUSE_USER_REQUEST = 1,	/* the peer deleted it */
	SESSION_CAUSE_LOST_CARRIER = 2,	/* the peer stopped answering */
	SESSION_CAUSE_IDLE_TIMEOUT = 4,
	SESSION_CAUSE_SESSION_TIMEOUT = 5, /* a lifetime or Session-Timeout */
	SESSION_CAUSE_ADMIN_RESET = 6,	/* clear, Disconnect-Request */
	SESSION_CAUSE_ADMIN_REBOOT = 7,
	SESSION_CAUSE_PORT_ERROR = 8,	/* its interface went away */
	SESSION_CAUSE_NAS_ERROR = 9,	/* an error of ours */
	SESSION_CAUSE_NAS_REQUEST = 10,	/* replaced, reconfigured */
	SESSION_CAUSE_NAS_REBOOT = 11,	/* the daemon stops */
};

/**
 * struct session_counts - the counters of a session's interface
 * @pkts_in: packets received from the peer (decrypted)
 * @pkts_out: packets sent to it (encrypted)
 * @bytes_in: bytes of those received, inner packets
 * @bytes_out: bytes of those sent, inner packets
 */
struct session_counts {
	uint64_t pkts_in;
	uint64_t pkts_out;
	uint64_t bytes_in;
	uint64_t bytes_out;
};

/**
 * struct session_aaa - what AAA knows of a session
 * @audit_id: its audit-session-id: printable, unique among the sessions
 *	of this host, fixed for the session's life (rekeys included); the
 *	key of accounting records, CoA and Disconnect requests
 * @acct_id: its Acct-Session-Id (RFC 2866 §5.5), sent as 8 hex digits
 * @user: the User-Name of its authorization and accounting: the name
 *	authorized (mangled, configured, or the peer's identity), the
 *	identity of its EAP authentication, or the User-Name of the
 *	Access-Accept that authenticated it (RFC 3579 §2.6.1); "" when
 *	none
 * @class: the Class of its Access-Accept, echoed in accounting (RFC 2865
 *	§5.25); @class_len 0 when none
 * @class_len: bytes at @class
 * @acct: the server group of its accounting list, NULL when the session
 *	is not accounted
 * @session_timeout: Session-Timeout of its Access-Accept, seconds; 0:
 *	none (RFC 2865 §5.27)
 * @cause: why it ended, once known (the first reason given wins)
 * @acct_start: loop_now() when its Start record was made; 0 before, and
 *	when it is not accounted
 * @authentic: its Acct-Authentic (enum acct_authentic)
 * @interim: the timer of its Interim-Update records
 * @base: the interface's counters at the Start (a static tunnel
 *	interface counts the sessions before too)
 * @last: the counters its last record gave, for a Stop after the
 *	interface went away
 */
struct session_aaa {
	char audit_id[SESSION_AUDIT_ID_MAX];
	uint32_t acct_id;
	char user[SESSION_USER_MAX + 1];
	uint8_t class[SESSION_CLASS_MAX];
	uint8_t class_len;
	struct radius_group *acct;
	uint32_t session_timeout;
	enum session_cause cause;
	uint64_t acct_start;
	uint8_t authentic;
	struct timer interim;
	struct session_counts base;
	struct session_counts last;
};

/**
 * struct session - a live session
 * @ike: its IKE SA
 * @conn: the connection of ours it came from (a static tunnel), told
 *	when the session goes; NULL for the sessions of peers
 * @fixed: its interface is a static tunnel interface that outlives it:
 *	@name and @ifindex are given, the interface is neither created nor
 *	deleted, and @addr are addresses of ours given to it
 * @name: name of its interface (a virtual-access interface "vaN")
 * @ifindex: index of that interface
 * @tmpl: its virtual template's settings
 * @child: the current CHILD_SA: SPIs and algorithms (keys wiped)
 * @old: the pair a rekey replaced, until its Delete exchange is done
 * @next: the pair of a rekey the peer initiated: installed, its
 *	outbound SA not yet in use (until the peer deletes the old pair)
 * @next_nonce: the lower nonce of the exchange that created @next, for
 *	simultaneous rekeys (§2.8.1)
 * @next_nonce_len: its length in bytes
 * @swap_timer: uses @next without the peer's Delete, SESSION_SWAP_MS on
 * @pfs: Diffie-Hellman group of rekeys ("set pfs"); 0: none
 * @ipsec: name of the IPsec profile
 * @life: the CHILD_SA lifetimes
 * @naddr: entries in @addr
 * @addr: the client's assigned addresses, routed through the interface;
 *	with @fixed, our addresses the peer assigned (CFG_REPLY), set on
 *	the interface
 * @pool: the pool each of @addr came from, "" when not from a pool
 * @ts_local: our traffic selectors of the CHILD_SA
 * @nts_local: entries of @ts_local
 * @ts_peer: the peer's traffic selectors
 * @nts_peer: entries of @ts_peer
 * @rekeys: CHILD_SA rekeys done
 * @hnext: next session in the same bucket of the table by @ifindex
 * @created: loop_now() when it was set up
 * @aaa: its authorization and accounting
 * @prefix6: prefix length sent with the client's IPv6 address, 0 for 128
 * @timeout: ends it after @aaa.session_timeout seconds
 * @filters: the access lists and QoS policies of its interface: before
 *	session_setup() those to apply, then those in force
 * @routes: the routes to the subnets the peer sent (CFG_REQUEST or
 *	CFG_REPLY) under "route accept any": before session_setup() those to
 *	add, then those it added (the kernel refused the others)
 * @nroutes: entries of @routes
 * @route_tag: the tag of "route accept any", shown with them (Linux
 *	routes have no tag)
 */
struct session {
	struct ike_sa *ike;
	struct ike_conn *conn;
	bool fixed;
	char name[IF_NAMESIZE];
	uint32_t ifindex;
	struct session_template tmpl;
	struct session_child child;
	struct session_pair old;
	struct session_pair next;
	uint8_t next_nonce[IKEV2_NONCE_MAX];
	size_t next_nonce_len;
	struct timer swap_timer;
	uint16_t pfs;
	char ipsec[64];
	struct session_life life;
	unsigned int naddr;
	struct route_addr addr[SESSION_ADDRS_MAX];
	char pool[SESSION_ADDRS_MAX][64];
	struct ikev2_ts ts_local[SESSION_TS_MAX];
	unsigned int nts_local;
	struct ikev2_ts ts_peer[SESSION_TS_MAX];
	unsigned int nts_peer;
	unsigned int rekeys;
	struct session *hnext;
	uint64_t created;
	struct session_aaa aaa;
	uint8_t prefix6;
	struct timer timeout;
	struct session_filters filters;
	struct session_route routes[SESSION_ROUTES_MAX];
	unsigned int nroutes;
	unsigned int route_tag;
};

int session_init(void);
void session_fini(void);
struct session *session_new(void);
int session_setup(struct session *s, struct ike_sa *sa);
struct cfg_template;
void session_template_from(struct session *s, const struct cfg_template *t,
			   uint32_t mode);
void session_route_str(const struct session_route *r, char *buf,
		       size_t len);
void session_attach(struct session *s, struct ike_sa *sa);
void session_free(struct session *s);
struct kern_nl *session_genl(void);
struct session *session_find(uint32_t ifindex);
int session_child_add(struct session *s, struct session_child *c);
int session_child_use(struct session *s, uint32_t spi_out);
void session_child_del(struct session *s, const struct session_pair *p);
void session_child_life(struct session *s);
void session_peer_moved(struct session *s, struct ike_sa *sa);
void session_timeout_set(struct session *s, unsigned int seconds);
int session_counters(struct session *s, struct session_counts *c);
void session_set_cause(struct session *s, enum session_cause cause);
int session_link_create(const char *name, const struct kern_dev *d,
			unsigned int mtu, uint32_t *ifindex);
void session_link_delete(uint32_t ifindex, const char *name);

#endif /* FLEXVTID_SESSION_H */
