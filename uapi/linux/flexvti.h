/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/*
 * flexvti: per-session virtual-access tunnel interfaces for an IKEv2
 * headend.  Userspace API: the generic netlink family "flexvti" and the
 * rtnetlink link attributes of link kind "flexvti".
 *
 * Documentation/netlink/specs/flexvti.yaml is the contract; this header,
 * kernel/netlink.c and kernel/device.c are kept in step with it by hand.
 */
#ifndef _UAPI_LINUX_FLEXVTI_H
#define _UAPI_LINUX_FLEXVTI_H

#define FLEXVTI_FAMILY_NAME	"flexvti"
#define FLEXVTI_FAMILY_VERSION	1
#define FLEXVTI_MCGRP_EVENTS	"events"

/* rtnl link kind, as in "ip link add va1 type flexvti" */
#define FLEXVTI_LINK_KIND	"flexvti"

/**
 * enum flexvti_mode - encapsulation of a virtual-access interface
 * @FLEXVTI_MODE_IPSEC: ESP tunnel mode (RFC 4303 section 3.1.2), inner
 *	IPv4 or IPv6; the FlexVPN "tunnel mode ipsec ipv4|ipv6".  Default.
 * @FLEXVTI_MODE_GRE: GRE (RFC 2784) inside ESP transport mode between the
 *	tunnel endpoints; the FlexVPN "tunnel mode gre ip|ipv6".
 *
 * FlexVPN's "mode auto" is decided by flexvtid per session from the
 * negotiated traffic selectors; the kernel only ever sees the result.
 */
enum flexvti_mode {
	FLEXVTI_MODE_IPSEC = 1,
	FLEXVTI_MODE_GRE,

	/* private: */
	__FLEXVTI_MODE_MAX,
	FLEXVTI_MODE_MAX = __FLEXVTI_MODE_MAX - 1
};

/**
 * enum flexvti_del_reason - why a virtual-access interface went away
 * @FLEXVTI_DEL_REASON_USERSPACE: deleted by rtnetlink (ip link del, the
 *	daemon ending the session).
 * @FLEXVTI_DEL_REASON_NETNS: its network namespace was dismantled.
 * @FLEXVTI_DEL_REASON_UNLOAD: the module was unloaded.
 */
enum flexvti_del_reason {
	FLEXVTI_DEL_REASON_USERSPACE = 1,
	FLEXVTI_DEL_REASON_NETNS,
	FLEXVTI_DEL_REASON_UNLOAD,
};

/**
 * enum flexvti_sa_dir - direction of a security association
 * @FLEXVTI_SA_DIR_IN: inbound: decrypts packets from the peer; its SPI was
 *	chosen by us and is unique among the inbound SAs of the transport
 *	network namespace.
 * @FLEXVTI_SA_DIR_OUT: outbound: encrypts packets to the peer; its SPI
 *	was chosen by the peer and is unique among the outbound SAs of the
 *	interface.
 */
enum flexvti_sa_dir {
	FLEXVTI_SA_DIR_IN = 1,
	FLEXVTI_SA_DIR_OUT,

	/* private: */
	__FLEXVTI_SA_DIR_MAX,
	FLEXVTI_SA_DIR_MAX = __FLEXVTI_SA_DIR_MAX - 1
};

/**
 * enum flexvti_sa_alg - ESP transforms (RFC 4303 section 3.2)
 * @FLEXVTI_SA_ALG_AES_GCM: AES-GCM (RFC 4106), IKEv2 transform ENCR 20;
 *	FLEXVTI_A_SA_KEY 16 or 32 bytes, FLEXVTI_A_SA_SALT 4 bytes, ICV 8,
 *	12 or 16 bytes (default 16, "AES-GCM-16").  Kernel crypto API
 *	"rfc4106(gcm(aes))".
 * @FLEXVTI_SA_ALG_CHACHA20_POLY1305: RFC 7634, ENCR 28; key 32 bytes,
 *	salt 4 bytes, ICV 16.  "rfc7539esp(chacha20,poly1305)".
 * @FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA1: AES-CBC (RFC 3602) with
 *	HMAC-SHA1-96 (RFC 2404); key 16 or 32 bytes, FLEXVTI_A_SA_AUTH_KEY 20
 *	bytes, ICV 12.  "authenc(hmac(sha1),cbc(aes))", or "authencesn(...)"
 *	with ESN.
 * @FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA256: with HMAC-SHA-256-128 (RFC 4868);
 *	auth key 32 bytes, ICV 16.
 * @FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA384: with HMAC-SHA-384-192; auth key 48
 *	bytes, ICV 24.
 * @FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA512: with HMAC-SHA-512-256; auth key 64
 *	bytes, ICV 32.
 */
enum flexvti_sa_alg {
	FLEXVTI_SA_ALG_AES_GCM = 1,
	FLEXVTI_SA_ALG_CHACHA20_POLY1305,
	FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA1,
	FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA256,
	FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA384,
	FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA512,

	/* private: */
	__FLEXVTI_SA_ALG_MAX,
	FLEXVTI_SA_ALG_MAX = __FLEXVTI_SA_ALG_MAX - 1
};

/**
 * enum flexvti_sa_event - why an sa-event notification was sent
 * @FLEXVTI_SA_EVENT_SOFT_BYTES: the soft byte lifetime was reached; the SA
 *	still works, userspace should rekey.
 * @FLEXVTI_SA_EVENT_SOFT_PACKETS: the soft packet lifetime was reached.
 * @FLEXVTI_SA_EVENT_HARD_BYTES: the hard byte lifetime was reached; the SA
 *	no longer encrypts or decrypts anything.
 * @FLEXVTI_SA_EVENT_HARD_PACKETS: the hard packet lifetime was reached.
 * @FLEXVTI_SA_EVENT_SEQ_WRAP: fewer than 2^20 outbound sequence numbers
 *	are left (of 2^32, or 2^64 with ESN; RFC 4303 section 3.3.3): rekey.
 * @FLEXVTI_SA_EVENT_SEQ_EXHAUSTED: the outbound sequence number would
 *	cycle; the SA no longer sends.
 * @FLEXVTI_SA_EVENT_VA_DELETED: the interface of the SA was deleted, and
 *	the SA with it.
 *
 * Each event is sent at most once per SA.
 */
enum flexvti_sa_event {
	FLEXVTI_SA_EVENT_SOFT_BYTES = 1,
	FLEXVTI_SA_EVENT_SOFT_PACKETS,
	FLEXVTI_SA_EVENT_HARD_BYTES,
	FLEXVTI_SA_EVENT_HARD_PACKETS,
	FLEXVTI_SA_EVENT_SEQ_WRAP,
	FLEXVTI_SA_EVENT_SEQ_EXHAUSTED,
	FLEXVTI_SA_EVENT_VA_DELETED,
};

/**
 * enum flexvti_acl_action - what a matching ACL rule does with the packet
 * @FLEXVTI_ACL_PERMIT: let it pass (on to the policer of the direction)
 * @FLEXVTI_ACL_DENY: drop it, counted as FLEXVTI_STATS_A_DROP_ACL
 */
enum flexvti_acl_action {
	FLEXVTI_ACL_PERMIT = 1,
	FLEXVTI_ACL_DENY,

	/* private: */
	__FLEXVTI_ACL_MAX,
	FLEXVTI_ACL_ACTION_MAX = __FLEXVTI_ACL_MAX - 1
};

/* most rules of one access list */
#define FLEXVTI_ACL_MAX_RULES	256
/* longest name of an access list or policer, without the NUL */
#define FLEXVTI_NAME_MAX	63

/* most labels of FLEXVTI_A_MPLS_LABELS */
#define FLEXVTI_MPLS_LABELS_MAX		8
/* the smallest label FLEXVTI_A_MPLS_LABELS takes: 0-15 are reserved
 * (RFC 3032 section 2.1) */
#define FLEXVTI_MPLS_LABEL_MIN		16
#define FLEXVTI_MPLS_LABEL_MAX		1048575
/* most seconds of FLEXVTI_A_NHRP_REDIRECT */
#define FLEXVTI_NHRP_REDIRECT_MAX	600
/* most bytes of FLEXVTI_A_NHRP_PACKET */
#define FLEXVTI_NHRP_PACKET_MAX		128
/* GRE protocol type of NHRP (RFC 2332 section 5), an EtherType */
#define FLEXVTI_ETH_P_NHRP		0x2001

/**
 * enum flexvti_a - attributes of the generic netlink family
 * @FLEXVTI_A_IFINDEX: u32, interface index of a flexvti interface in the
 *	request's network namespace.  Required by dev-get (do), dev-set and
 *	every sa-* request but the sa-get dump, where it is a filter.
 * @FLEXVTI_A_IFNAME: string, interface name.  Reply and notification only.
 * @FLEXVTI_A_MODE: u32, &enum flexvti_mode.  Can only change while the
 *	interface is down.
 * @FLEXVTI_A_LOCAL_IPV4: 4 bytes, network order: local tunnel endpoint
 *	(outer source address).  0.0.0.0 lets routing choose.
 * @FLEXVTI_A_REMOTE_IPV4: 4 bytes, network order: remote tunnel endpoint
 *	(the IKE peer).  Must be unicast.
 * @FLEXVTI_A_LOCAL_IPV6: 16 bytes: local tunnel endpoint.  :: lets routing
 *	choose.
 * @FLEXVTI_A_REMOTE_IPV6: 16 bytes: remote tunnel endpoint; unicast.
 *	The local and remote endpoints of one request must be of one family;
 *	setting endpoints of one family clears those of the other.
 * @FLEXVTI_A_NHRP_NETWORK_ID: u32, NHRP network-id (RFC 2332 network
 *	layer, FlexVPN "ip nhrp network-id"); 0 means NHRP is off.
 * @FLEXVTI_A_TEMPLATE_ID: u32, number of the virtual template the
 *	interface was cloned from (Virtual-Template<N>); 0 for an interface
 *	made by hand.  Fixed at creation (IFLA_FLEXVTI_TEMPLATE_ID); reported
 *	by dev-get, refused by dev-set.
 * @FLEXVTI_A_DEL_REASON: u32, &enum flexvti_del_reason, in dev-del-ntf.
 * @FLEXVTI_A_STATS: nest of &enum flexvti_stats_a: the counters of an
 *	interface (dev-get) or of an SA (sa-get).  Read-only.
 * @FLEXVTI_A_SA_DIR: u32, &enum flexvti_sa_dir.  Required by sa-new and
 *	sa-del.
 * @FLEXVTI_A_SA_SPI: u32, host order: the SPI (RFC 4303 section 2.1);
 *	256 and up, 1-255 are reserved by IANA.  Required by sa-new, sa-del,
 *	sa-swap and the sa-get do.
 * @FLEXVTI_A_SA_ALG: u32, &enum flexvti_sa_alg.  Required by sa-new.
 * @FLEXVTI_A_SA_KEY: binary, the encryption key (AEAD key for AES-GCM and
 *	ChaCha20-Poly1305, AES key for AES-CBC); length by algorithm.
 *	Write-only: wiped from the request after use, never reported.
 * @FLEXVTI_A_SA_SALT: binary, 4 bytes: the salt of AES-GCM (RFC 4106
 *	section 8.1) or ChaCha20-Poly1305 (RFC 7634 section 2); the last 4
 *	bytes of the IKEv2 KEYMAT of the SA.  Write-only.
 * @FLEXVTI_A_SA_AUTH_KEY: binary, the HMAC key of the AES-CBC algorithms;
 *	length by algorithm.  Write-only.
 * @FLEXVTI_A_SA_ICV_LEN: u32, bytes of integrity check value; optional,
 *	the algorithm's default when absent.
 * @FLEXVTI_A_SA_ESN: flag: 64-bit extended sequence numbers (RFC 4303
 *	section 2.2.1, Appendix A).  Needs a replay window of at least 1.
 * @FLEXVTI_A_SA_REPLAY_WINDOW: u32, packets: size of the inbound
 *	anti-replay window (RFC 4303 section 3.4.3), 0 (off) to 32768;
 *	default 1024.  Ignored for outbound SAs.
 * @FLEXVTI_A_SA_SOFT_BYTES: u64, bytes of inner packets after which an
 *	FLEXVTI_SA_EVENT_SOFT_BYTES event is sent; 0 means no limit.
 * @FLEXVTI_A_SA_HARD_BYTES: u64, bytes after which the SA stops working
 *	(FLEXVTI_SA_EVENT_HARD_BYTES); 0 means no limit.
 * @FLEXVTI_A_SA_SOFT_PACKETS: u64, packets, as FLEXVTI_A_SA_SOFT_BYTES.
 * @FLEXVTI_A_SA_HARD_PACKETS: u64, packets, as FLEXVTI_A_SA_HARD_BYTES.
 * @FLEXVTI_A_SA_SEQ: u64: outbound, the last sequence number sent (the
 *	next packet carries this plus one); inbound, the highest
 *	authenticated sequence number received.  Settable by sa-new (to
 *	move an SA between systems, and for tests); 0 by default.
 * @FLEXVTI_A_SA_ACTIVE: flag, reported for the outbound SA that encrypts
 *	the interface's traffic.
 * @FLEXVTI_A_SA_EVENT: u32, &enum flexvti_sa_event, in sa-event-ntf.
 * @FLEXVTI_A_PAD: padding for 64-bit attributes.
 * @FLEXVTI_A_UDP_SOCKET: s32, dev-set only: a file descriptor of the
 *	caller, a bound UDP socket of the endpoints' address family, over
 *	which the interface then sends and receives ESP-in-UDP (RFC 3948);
 *	-1 goes back to raw ESP (IP protocol 50), the default.  ESP arriving
 *	on the socket is consumed by the kernel (an SPI flexvti does not
 *	own is dropped and counted as XfrmInNoStates); datagrams starting
 *	with the non-ESP marker (IKE) reach the socket unchanged; one-byte
 *	NAT-keepalives are dropped.  One socket serves any number of
 *	interfaces; the caller keeps it open, and once closed the
 *	interfaces drop what they would send (counted as "other") until
 *	given a socket again.  A socket with another encapsulation (for
 *	example xfrm's UDP_ENCAP) is refused with EBUSY.  The transport
 *	cannot move to another network namespace while SAs are installed
 *	(EBUSY).  Inbound SPIs are unique within the socket's namespace.
 * @FLEXVTI_A_UDP_LOCAL_PORT: be16, network order, read-only: the port of
 *	the ESP-in-UDP socket; reported only while there is one.
 * @FLEXVTI_A_UDP_REMOTE_PORT: be16, network order: the peer's port for
 *	ESP-in-UDP, 4500 (RFC 3948 section 2.1) until set; a NAT may map it
 *	elsewhere.  Reported only while the interface uses a socket.
 * @FLEXVTI_A_ACL_IN: nest of &enum flexvti_acl_a: the access list that
 *	filters packets received from the peer, after decryption and before
 *	they enter the stack (IOS "ip access-group NAME in" on the
 *	virtual-access interface, the RADIUS "ipsec:inacl").  In dev-set,
 *	the list replaces the attached one as a whole; a nest without any
 *	FLEXVTI_ACL_A_RULE (empty, or with only the name) detaches it.
 *	Rules are tried in order and the first match decides; a packet no
 *	rule matches is dropped (implicit deny).  Lists judge IPv4 and
 *	IPv6 packets only: anything else a gre-mode interface carries
 *	(MPLS, NHRP) passes them uncounted.  In
 *	dev-get: FLEXVTI_ACL_A_NAME, FLEXVTI_ACL_A_RULE_COUNT and
 *	FLEXVTI_ACL_A_DENY_HITS; acl-get adds the rules with their hits.
 *	Absent: no list attached.
 * @FLEXVTI_A_ACL_OUT: nest of &enum flexvti_acl_a: the access list that
 *	filters packets the stack sends over the interface, before
 *	encryption ("ip access-group NAME out", "ipsec:outacl").
 * @FLEXVTI_A_POLICER_IN: nest of &enum flexvti_policer_a: the token-bucket
 *	policer of received packets, applied after FLEXVTI_A_ACL_IN (IOS
 *	"service-policy input" with a "police" class-default,
 *	"ip:sub-qos-policy-in").  In dev-set a nest without
 *	FLEXVTI_POLICER_A_RATE, or with rate 0, detaches it.  A policer
 *	meters every packet of its direction, MPLS included; one that a
 *	dev-set replaces starts with a full bucket and zero counters.
 * @FLEXVTI_A_POLICER_OUT: nest of &enum flexvti_policer_a: the policer of
 *	sent packets, applied after FLEXVTI_A_ACL_OUT, before encryption,
 *	to each segment of a GSO packet.
 *
 * @FLEXVTI_A_NHRP_REDIRECT: u32, seconds, 0 to FLEXVTI_NHRP_REDIRECT_MAX:
 *	the NHRP redirect hook of packets received on the interface (IOS
 *	"ip nhrp redirect [timeout S]"); 0, the default, turns it off.  An
 *	IPv4 or IPv6 packet that entered on this interface and is forwarded
 *	out of another flexvti interface whose FLEXVTI_A_NHRP_NETWORK_ID
 *	equals this one's (non-zero) is still sent, and raises an
 *	nhrp-redirect-ntf, at most once per (inner source, inner
 *	destination) per this many seconds; see FLEXVTI_CMD_NHRP_REDIRECT_NTF.
 *	Also a link attribute (IFLA_FLEXVTI_NHRP_REDIRECT).
 * @FLEXVTI_A_MPLS_LABELS: binary, an array of 0 to FLEXVTI_MPLS_LABELS_MAX
 *	u32 in host order, each FLEXVTI_MPLS_LABEL_MIN to
 *	FLEXVTI_MPLS_LABEL_MAX: the label stack pushed on every IPv4 and
 *	IPv6 packet sent over the interface (RFC 3032 label imposition
 *	without lwtunnel routes), the first label outermost, bottom of stack
 *	set on the last; TTL copied from the inner packet's TTL or hop
 *	limit, traffic class 0.  The packet then travels as GRE protocol
 *	0x8847 (RFC 4023).  Only for gre-mode interfaces: refused in ipsec
 *	mode, and so is a change to ipsec mode while labels are set.  An
 *	empty array removes the stack.  Packets that are MPLS already (from
 *	Linux's MPLS stack) or NHRP are sent as they are.  Genl only.
 * @FLEXVTI_A_INNER_SRC: binary, 4 or 16 bytes, network order: in
 *	nhrp-redirect-ntf, the source address of the packet that raised it.
 * @FLEXVTI_A_INNER_DST: binary, 4 or 16 bytes: its destination address.
 * @FLEXVTI_A_NHRP_EGRESS_IFINDEX: u32: in nhrp-redirect-ntf, the
 *	interface the packet was forwarded out of.
 * @FLEXVTI_A_NHRP_PACKET: binary, at most FLEXVTI_NHRP_PACKET_MAX bytes:
 *	in nhrp-redirect-ntf, the start of the packet from its IP header on,
 *	for the Traffic Indication that quotes it.
 *
 * A dev-set carrying several of the four nests above changes them in one
 * step: a packet sees either all of the old settings or all of the new.
 * A list or policer that a dev-set leaves out is kept with its counters.
 */
enum flexvti_a {
	FLEXVTI_A_UNSPEC,
	FLEXVTI_A_IFINDEX,
	FLEXVTI_A_IFNAME,
	FLEXVTI_A_MODE,
	FLEXVTI_A_LOCAL_IPV4,
	FLEXVTI_A_REMOTE_IPV4,
	FLEXVTI_A_LOCAL_IPV6,
	FLEXVTI_A_REMOTE_IPV6,
	FLEXVTI_A_NHRP_NETWORK_ID,
	FLEXVTI_A_TEMPLATE_ID,
	FLEXVTI_A_DEL_REASON,
	FLEXVTI_A_STATS,
	FLEXVTI_A_SA_DIR,
	FLEXVTI_A_SA_SPI,
	FLEXVTI_A_SA_ALG,
	FLEXVTI_A_SA_KEY,
	FLEXVTI_A_SA_SALT,
	FLEXVTI_A_SA_AUTH_KEY,
	FLEXVTI_A_SA_ICV_LEN,
	FLEXVTI_A_SA_ESN,
	FLEXVTI_A_SA_REPLAY_WINDOW,
	FLEXVTI_A_SA_SOFT_BYTES,
	FLEXVTI_A_SA_HARD_BYTES,
	FLEXVTI_A_SA_SOFT_PACKETS,
	FLEXVTI_A_SA_HARD_PACKETS,
	FLEXVTI_A_SA_SEQ,
	FLEXVTI_A_SA_ACTIVE,
	FLEXVTI_A_SA_EVENT,
	FLEXVTI_A_PAD,
	FLEXVTI_A_UDP_SOCKET,
	FLEXVTI_A_UDP_LOCAL_PORT,
	FLEXVTI_A_UDP_REMOTE_PORT,
	FLEXVTI_A_ACL_IN,
	FLEXVTI_A_ACL_OUT,
	FLEXVTI_A_POLICER_IN,
	FLEXVTI_A_POLICER_OUT,
	FLEXVTI_A_NHRP_REDIRECT,
	FLEXVTI_A_MPLS_LABELS,
	FLEXVTI_A_INNER_SRC,
	FLEXVTI_A_INNER_DST,
	FLEXVTI_A_NHRP_EGRESS_IFINDEX,
	FLEXVTI_A_NHRP_PACKET,

	/* private: */
	__FLEXVTI_A_MAX,
	FLEXVTI_A_MAX = __FLEXVTI_A_MAX - 1
};

/**
 * enum flexvti_acl_a - an access list, in FLEXVTI_A_ACL_IN/OUT
 * @FLEXVTI_ACL_A_NAME: string, at most FLEXVTI_NAME_MAX bytes: the list's
 *	name, for show commands; optional, kept as given.
 * @FLEXVTI_ACL_A_RULE: nest of &enum flexvti_acl_rule_a, once per rule,
 *	in order; at most FLEXVTI_ACL_MAX_RULES.
 * @FLEXVTI_ACL_A_RULE_COUNT: u32, reply only: number of rules.
 * @FLEXVTI_ACL_A_DENY_HITS: u64, reply only: packets no rule matched,
 *	dropped by the implicit deny.
 * @FLEXVTI_ACL_A_PAD: padding
 */
enum flexvti_acl_a {
	FLEXVTI_ACL_A_UNSPEC,
	FLEXVTI_ACL_A_NAME,
	FLEXVTI_ACL_A_RULE,
	FLEXVTI_ACL_A_RULE_COUNT,
	FLEXVTI_ACL_A_DENY_HITS,
	FLEXVTI_ACL_A_PAD,

	/* private: */
	__FLEXVTI_ACL_A_MAX,
	FLEXVTI_ACL_A_MAX = __FLEXVTI_ACL_A_MAX - 1
};

/**
 * enum flexvti_acl_rule_a - one rule of an access list
 * @FLEXVTI_ACL_RULE_A_ACTION: u32, &enum flexvti_acl_action.  Required.
 * @FLEXVTI_ACL_RULE_A_FAMILY: u8, AF_INET or AF_INET6: the rule matches
 *	only packets of that family.  Absent: packets of both families; the
 *	SRC, DST and ICMP attributes need the family.
 * @FLEXVTI_ACL_RULE_A_PROTO: u8, the IP protocol (IPv4) or upper-layer
 *	protocol after the extension headers (IPv6; of a non-first
 *	fragment, the one its fragment header names).  Absent: any.
 * @FLEXVTI_ACL_RULE_A_SRC: binary, 4 bytes (AF_INET) or 16 (AF_INET6),
 *	network order: the source prefix; host bits must be zero.  Absent:
 *	any source.
 * @FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN: u8, bits of FLEXVTI_ACL_RULE_A_SRC,
 *	0-32 or 0-128; default the whole address (a host).
 * @FLEXVTI_ACL_RULE_A_DST: binary: the destination prefix, as
 *	FLEXVTI_ACL_RULE_A_SRC.
 * @FLEXVTI_ACL_RULE_A_DST_PREFIX_LEN: u8, as the source's.
 * @FLEXVTI_ACL_RULE_A_SPORT_MIN: u16, host order: lowest source port;
 *	with FLEXVTI_ACL_RULE_A_SPORT_MAX (default: the same port) a range.
 *	Needs PROTO TCP (6), UDP (17), SCTP (132) or UDP-Lite (136).  A rule
 *	with ports or ICMP fields never matches a non-first fragment, nor a
 *	packet too short for the transport header (TCP 20 bytes, UDP and
 *	UDP-Lite 8, SCTP 12, ICMP and ICMPv6 8).
 * @FLEXVTI_ACL_RULE_A_SPORT_MAX: u16, highest source port, >= the lowest;
 *	needs FLEXVTI_ACL_RULE_A_SPORT_MIN.
 * @FLEXVTI_ACL_RULE_A_DPORT_MIN: u16, lowest destination port.
 * @FLEXVTI_ACL_RULE_A_DPORT_MAX: u16, highest destination port.
 * @FLEXVTI_ACL_RULE_A_ICMP_TYPE: u8, ICMP (PROTO 1, AF_INET) or ICMPv6
 *	(PROTO 58, AF_INET6) type.  Absent: any type.
 * @FLEXVTI_ACL_RULE_A_ICMP_CODE: u8, ICMP code; needs the type.  Absent:
 *	any code.
 * @FLEXVTI_ACL_RULE_A_HITS: u64, reply only (acl-get): packets the rule
 *	matched; a sent GSO packet counts as its segments.
 * @FLEXVTI_ACL_RULE_A_PAD: padding
 */
enum flexvti_acl_rule_a {
	FLEXVTI_ACL_RULE_A_UNSPEC,
	FLEXVTI_ACL_RULE_A_ACTION,
	FLEXVTI_ACL_RULE_A_FAMILY,
	FLEXVTI_ACL_RULE_A_PROTO,
	FLEXVTI_ACL_RULE_A_SRC,
	FLEXVTI_ACL_RULE_A_SRC_PREFIX_LEN,
	FLEXVTI_ACL_RULE_A_DST,
	FLEXVTI_ACL_RULE_A_DST_PREFIX_LEN,
	FLEXVTI_ACL_RULE_A_SPORT_MIN,
	FLEXVTI_ACL_RULE_A_SPORT_MAX,
	FLEXVTI_ACL_RULE_A_DPORT_MIN,
	FLEXVTI_ACL_RULE_A_DPORT_MAX,
	FLEXVTI_ACL_RULE_A_ICMP_TYPE,
	FLEXVTI_ACL_RULE_A_ICMP_CODE,
	FLEXVTI_ACL_RULE_A_HITS,
	FLEXVTI_ACL_RULE_A_PAD,

	/* private: */
	__FLEXVTI_ACL_RULE_A_MAX,
	FLEXVTI_ACL_RULE_A_MAX = __FLEXVTI_ACL_RULE_A_MAX - 1
};

/**
 * enum flexvti_policer_a - a token-bucket policer, in FLEXVTI_A_POLICER_IN/OUT
 * @FLEXVTI_POLICER_A_NAME: string, at most FLEXVTI_NAME_MAX bytes: the
 *	policy-map it came from, for show commands; optional.
 * @FLEXVTI_POLICER_A_RATE: u64, bit/s: the committed rate, 8000 to
 *	10^12; 0 detaches the policer.  Tokens accrue at this rate.
 * @FLEXVTI_POLICER_A_BURST: u32, bytes: the bucket depth, 1500 to 2^30;
 *	default rate / 32 (a quarter second, as IOS's Bc), at least 1500
 *	and at most 2^30.
 * @FLEXVTI_POLICER_A_CONFORM_PACKETS: u64, reply only: packets that found
 *	enough tokens and were passed.  Packet sizes are the inner packet's
 *	(IP, or MPLS in gre mode), headers included.
 * @FLEXVTI_POLICER_A_CONFORM_BYTES: u64, reply only: their bytes.
 * @FLEXVTI_POLICER_A_EXCEED_PACKETS: u64, reply only: packets that did
 *	not, and were dropped (also counted as FLEXVTI_STATS_A_DROP_POLICER).
 * @FLEXVTI_POLICER_A_EXCEED_BYTES: u64, reply only: their bytes.
 * @FLEXVTI_POLICER_A_PAD: padding
 */
enum flexvti_policer_a {
	FLEXVTI_POLICER_A_UNSPEC,
	FLEXVTI_POLICER_A_NAME,
	FLEXVTI_POLICER_A_RATE,
	FLEXVTI_POLICER_A_BURST,
	FLEXVTI_POLICER_A_CONFORM_PACKETS,
	FLEXVTI_POLICER_A_CONFORM_BYTES,
	FLEXVTI_POLICER_A_EXCEED_PACKETS,
	FLEXVTI_POLICER_A_EXCEED_BYTES,
	FLEXVTI_POLICER_A_PAD,

	/* private: */
	__FLEXVTI_POLICER_A_MAX,
	FLEXVTI_POLICER_A_MAX = __FLEXVTI_POLICER_A_MAX - 1
};

/**
 * enum flexvti_stats_a - counters in FLEXVTI_A_STATS, all u64
 * @FLEXVTI_STATS_A_RX_PACKETS: packets decrypted and delivered
 * @FLEXVTI_STATS_A_RX_BYTES: bytes of those packets, inner headers included
 * @FLEXVTI_STATS_A_TX_PACKETS: packets encrypted and sent
 * @FLEXVTI_STATS_A_TX_BYTES: bytes of those packets before encryption
 * @FLEXVTI_STATS_A_DROP_REPLAY: inbound packets dropped as replayed or too
 *	old for the anti-replay window
 * @FLEXVTI_STATS_A_DROP_AUTH: inbound packets whose ICV did not verify
 * @FLEXVTI_STATS_A_DROP_NO_SA: packets without a usable SA: no active
 *	outbound SA, an SA past its hard lifetime or sequence space, or ESP
 *	for an inbound SA that arrived over the other transport (raw ESP
 *	for an interface using ESP-in-UDP, or the other way round)
 * @FLEXVTI_STATS_A_DROP_MALFORMED: packets too short, with bad padding, an
 *	unexpected next header or a protocol the interface's mode cannot carry
 * @FLEXVTI_STATS_A_DROP_MTU: packets too big for the path, answered with
 *	ICMP "fragmentation needed" or ICMPv6 "packet too big"
 * @FLEXVTI_STATS_A_DROP_OTHER: packets dropped for lack of memory, a
 *	route or an open ESP-in-UDP socket, or by the crypto driver
 * @FLEXVTI_STATS_A_PAD: padding
 * @FLEXVTI_STATS_A_DROP_ACL: packets dropped by an access list of the
 *	interface, a deny rule or the implicit deny (either direction)
 * @FLEXVTI_STATS_A_DROP_POLICER: packets dropped by a policer of the
 *	interface as exceeding its rate (either direction)
 * @FLEXVTI_STATS_A_NHRP_REDIRECTS: nhrp-redirect-ntf raised for packets
 *	that entered on the interface (not drops: the packets were sent)
 * @FLEXVTI_STATS_A_NHRP_REDIRECTS_LIMITED: packets that would have raised
 *	one but were within the FLEXVTI_A_NHRP_REDIRECT timeout of an earlier
 *	one for the same source and destination, or found the interface's
 *	table of recent redirects full (not drops either)
 *
 * Received packets an access list or policer drops are not counted in
 * RX_PACKETS/RX_BYTES; sent ones are not in TX_PACKETS/TX_BYTES.  Those
 * drops are the interface's: an SA's DROP_ACL and DROP_POLICER stay 0.
 * Every drop of an interface is also in the rx_dropped, tx_dropped or
 * rx_errors of its rtnetlink statistics.
 */
enum flexvti_stats_a {
	FLEXVTI_STATS_A_UNSPEC,
	FLEXVTI_STATS_A_RX_PACKETS,
	FLEXVTI_STATS_A_RX_BYTES,
	FLEXVTI_STATS_A_TX_PACKETS,
	FLEXVTI_STATS_A_TX_BYTES,
	FLEXVTI_STATS_A_DROP_REPLAY,
	FLEXVTI_STATS_A_DROP_AUTH,
	FLEXVTI_STATS_A_DROP_NO_SA,
	FLEXVTI_STATS_A_DROP_MALFORMED,
	FLEXVTI_STATS_A_DROP_MTU,
	FLEXVTI_STATS_A_DROP_OTHER,
	FLEXVTI_STATS_A_PAD,
	FLEXVTI_STATS_A_DROP_ACL,
	FLEXVTI_STATS_A_DROP_POLICER,
	FLEXVTI_STATS_A_NHRP_REDIRECTS,
	FLEXVTI_STATS_A_NHRP_REDIRECTS_LIMITED,

	/* private: */
	__FLEXVTI_STATS_A_MAX,
	FLEXVTI_STATS_A_MAX = __FLEXVTI_STATS_A_MAX - 1
};

/**
 * enum flexvti_cmd - commands of the generic netlink family
 * @FLEXVTI_CMD_DEV_GET: do: the settings of one interface (FLEXVTI_A_IFINDEX);
 *	dump: every flexvti interface of the request's network namespace.
 *	The dump is restartable; a change of the namespace's interface list
 *	during it sets NLM_F_DUMP_INTR on the following message.
 * @FLEXVTI_CMD_DEV_SET: change the settings of one interface.  All or
 *	nothing: a rejected request changes nothing and says why in extack.
 * @FLEXVTI_CMD_DEV_CHANGE_NTF: multicast on "events" after a successful
 *	dev-set or rtnetlink change; same attributes as a dev-get reply.
 * @FLEXVTI_CMD_DEV_DEL_NTF: multicast on "events" when an interface is
 *	unregistered: FLEXVTI_A_IFINDEX, FLEXVTI_A_IFNAME, FLEXVTI_A_DEL_REASON.
 * @FLEXVTI_CMD_SA_NEW: install an SA on an interface.  The interface needs
 *	its tunnel endpoints.  The first outbound SA of an interface becomes
 *	its active one; later ones wait for sa-swap.  Errors: EINVAL (bad
 *	key length, ICV length, SPI; extack names the attribute), EEXIST
 *	(SPI in use), ENODEV, EOPNOTSUPP, ENOENT (the kernel lacks the
 *	cipher).  A refused request installs nothing.
 * @FLEXVTI_CMD_SA_DEL: remove the SA (FLEXVTI_A_IFINDEX, FLEXVTI_A_SA_DIR,
 *	FLEXVTI_A_SA_SPI).  Removing the active outbound SA stops
 *	transmission until another is made active.  ENOENT if there is none.
 * @FLEXVTI_CMD_SA_GET: do: one SA (FLEXVTI_A_IFINDEX, FLEXVTI_A_SA_SPI,
 *	optional FLEXVTI_A_SA_DIR); dump: every SA of the namespace's
 *	interfaces, or of one (FLEXVTI_A_IFINDEX).  Settings, FLEXVTI_A_SA_SEQ,
 *	FLEXVTI_A_SA_ACTIVE and FLEXVTI_A_STATS; never key material.
 * @FLEXVTI_CMD_SA_SWAP: make the outbound SA FLEXVTI_A_SA_SPI the active one
 *	(make-before-break rekey, RFC 7296 section 2.8).  The previous one
 *	stays installed, idle, until sa-del.
 * @FLEXVTI_CMD_SA_EVENT_NTF: multicast on "events": FLEXVTI_A_IFINDEX,
 *	FLEXVTI_A_IFNAME, FLEXVTI_A_SA_DIR, FLEXVTI_A_SA_SPI,
 *	FLEXVTI_A_SA_EVENT.
 * @FLEXVTI_CMD_ACL_GET: do: the access lists of one interface
 *	(FLEXVTI_A_IFINDEX): FLEXVTI_A_IFINDEX, then FLEXVTI_A_ACL_IN and
 *	FLEXVTI_A_ACL_OUT with every rule and its FLEXVTI_ACL_RULE_A_HITS,
 *	in the order of evaluation.  A direction without a list is left
 *	out.  The lists and policers themselves are set by dev-set.  With
 *	two lists of FLEXVTI_ACL_MAX_RULES rules the reply takes up to
 *	some 64 KiB: the socket's receive buffer must hold it and the ACK.
 * @FLEXVTI_CMD_NHRP_REDIRECT_NTF: multicast on "events" from the
 *	forwarding path, with GFP_ATOMIC (under memory pressure one may be
 *	lost, and is not counted as raised): FLEXVTI_A_IFINDEX and
 *	FLEXVTI_A_IFNAME of the interface the packet entered on (where the
 *	NHRP Traffic Indication is to be sent), FLEXVTI_A_NHRP_NETWORK_ID,
 *	FLEXVTI_A_NHRP_EGRESS_IFINDEX, FLEXVTI_A_INNER_SRC,
 *	FLEXVTI_A_INNER_DST and FLEXVTI_A_NHRP_PACKET.  The FlexVPN hub's
 *	trigger for spoke-to-spoke shortcuts (DMVPN phase 3); see
 *	FLEXVTI_A_NHRP_REDIRECT.
 *
 * NHRP packets (RFC 2332) travel over a gre-mode interface as GRE protocol
 * FLEXVTI_ETH_P_NHRP: received ones reach packet sockets bound to the
 * interface with that protocol (skb->protocol 0x2001; the stack has no
 * handler of its own), and a packet socket on the interface sends them
 * (SOCK_DGRAM, protocol 0x2001, the NHRP packet as payload).  Neither
 * access lists nor FLEXVTI_A_MPLS_LABELS apply to them; policers do.
 */
enum flexvti_cmd {
	FLEXVTI_CMD_UNSPEC,
	FLEXVTI_CMD_DEV_GET,
	FLEXVTI_CMD_DEV_SET,
	FLEXVTI_CMD_DEV_CHANGE_NTF,
	FLEXVTI_CMD_DEV_DEL_NTF,
	FLEXVTI_CMD_SA_NEW,
	FLEXVTI_CMD_SA_DEL,
	FLEXVTI_CMD_SA_GET,
	FLEXVTI_CMD_SA_SWAP,
	FLEXVTI_CMD_SA_EVENT_NTF,
	FLEXVTI_CMD_ACL_GET,
	FLEXVTI_CMD_NHRP_REDIRECT_NTF,

	/* private: */
	__FLEXVTI_CMD_MAX,
	FLEXVTI_CMD_MAX = __FLEXVTI_CMD_MAX - 1
};

/**
 * enum ifla_flexvti - IFLA_INFO_DATA of link kind "flexvti"
 *
 * Same meaning, types and checks as the FLEXVTI_A_* attribute of the same
 * name.  IFLA_FLEXVTI_TEMPLATE_ID is set when the link is created; a
 * change request that carries another value is refused with EINVAL.  An
 * out-of-tree module cannot add to <linux/if_link.h>, so the link
 * attributes live here.
 */
enum ifla_flexvti {
	IFLA_FLEXVTI_UNSPEC,
	IFLA_FLEXVTI_MODE,
	IFLA_FLEXVTI_LOCAL_IPV4,
	IFLA_FLEXVTI_REMOTE_IPV4,
	IFLA_FLEXVTI_LOCAL_IPV6,
	IFLA_FLEXVTI_REMOTE_IPV6,
	IFLA_FLEXVTI_NHRP_NETWORK_ID,
	IFLA_FLEXVTI_TEMPLATE_ID,
	IFLA_FLEXVTI_NHRP_REDIRECT,

	/* private: */
	__IFLA_FLEXVTI_MAX,
	IFLA_FLEXVTI_MAX = __IFLA_FLEXVTI_MAX - 1
};

#endif /* _UAPI_LINUX_FLEXVTI_H */
