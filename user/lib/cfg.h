/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvtid configuration: the in-memory model of a configuration file in
 * IOS FlexVPN syntax, its loader, the lookups the IKEv2 responder makes in
 * it, and its printer.  A pure library: no I/O except reading the file it
 * is given and writing to the FILE it is given.  The syntax, the defaults
 * and the decisions taken where the Cisco guide is ambiguous are in
 * Documentation/userspace/flexvtid.conf.rst.
 *
 * A loaded model is immutable and fully owned by its struct cfg: every
 * string and array hangs off it and goes with cfg_free().  Algorithm ids
 * are the IKEv2 wire numbers of ikev2.h (enum ikev2_encr, ikev2_integ,
 * ikev2_prf, ikev2_dh), which ESP uses too (RFC 7296 §3.3.2).
 */
#ifndef FLEXVTI_CFG_H
#define FLEXVTI_CFG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "cfg_acl.h"
#include "ikev2.h"

/* diagnostics kept by a load; parsing stops after this many errors */
#define CFG_DIAG_MAX		20
#define CFG_DIAG_MSG_LEN	192
#define CFG_FILE_LEN		256

/* defaults of the settings that have one (the rst gives the sources) */
#define CFG_IKE_LIFETIME_DEFAULT	86400	/* profile "lifetime" */
#define CFG_IKE_LIFETIME_MIN		120
#define CFG_IKE_LIFETIME_MAX		86400
#define CFG_SA_LIFETIME_SEC_DEFAULT	3600	/* IPsec profile */
#define CFG_SA_LIFETIME_KB_DEFAULT	4608000ULL
#define CFG_NHRP_REDIRECT_TIMEOUT	5	/* "ip nhrp redirect" */
#define CFG_NHRP_HOLDTIME_DEFAULT	7200	/* "ip nhrp holdtime", as IOS */
#define CFG_MPLS_LABELS_MAX	8	/* "mpls label-stack" */
#define CFG_MPLS_LABEL_MIN	16	/* 0-15 reserved: RFC 3032 §2.1 */
#define CFG_MPLS_LABEL_MAX	1048575	/* 20 bits */
#define CFG_ROUTE_ACCEPT_TAG_DEFAULT	1	/* default authz policy */
#define CFG_ROUTE_ACCEPT_DIST_DEFAULT	2
#define CFG_MAX_NEG_SA_DEFAULT		1000	/* in negotiation, each way */
#define CFG_WINDOW_DEFAULT		5	/* "crypto ikev2 window" */
#define CFG_HALF_OPEN_PER_SOURCE_DEFAULT 20	/* per source address */
#define CFG_ALGS_MAX		12	/* transforms of one type */
#define CFG_TSETS_MAX		6	/* transform sets of an IPsec profile */
#define CFG_SPLIT_DNS_MAX	10
#define CFG_ROUTE_SET_MAX	48	/* "route set remote|access-list" */
#define CFG_RADIUS_AUTH_PORT_DEFAULT	1812	/* RFC 2865 (IOS: 1645) */
#define CFG_RADIUS_ACCT_PORT_DEFAULT	1813	/* RFC 2866 (IOS: 1646) */
#define CFG_RADIUS_TIMEOUT_DEFAULT	5	/* seconds, as IOS */
#define CFG_RADIUS_RETRANSMIT_DEFAULT	3	/* as IOS */
#define CFG_RADIUS_SECRET_MAX		128	/* bytes of a shared secret */
#define CFG_DAE_PORT_DEFAULT		3799	/* RFC 5176 (IOS: 1700) */
#define CFG_DAE_TS_WINDOW_DEFAULT	300	/* seconds, RFC 5176 §3.5 */
#define CFG_DAE_NOT_FOUND_DEFAULT	404	/* IOS: "No Matching Session" */
#define CFG_DAE_CACHE_LIFETIME_DEFAULT	30	/* seconds */
#define CFG_DAE_CACHE_ENTRIES_DEFAULT	65536

/**
 * struct cfg_diag - one diagnostic of a load
 * @line: line of the file it is about, 0 for the file as a whole
 * @warning: a warning; the load still succeeds
 * @msg: what is wrong, without file or line, never containing a secret
 */
struct cfg_diag {
	unsigned int line;
	bool warning;
	char msg[CFG_DIAG_MSG_LEN];
};

/**
 * struct cfg_err - the diagnostics of one load, filled by cfg_load_*()
 * @file: the name given to the load (truncated to fit)
 * @nerrors: errors found, including those not kept in @diag
 * @nwarnings: warnings found, including those not kept
 * @ndiag: entries of @diag used, in the order found
 * @truncated: more diagnostics were found than @diag holds
 * @diag: the first CFG_DIAG_MAX diagnostics
 */
struct cfg_err {
	char file[CFG_FILE_LEN];
	unsigned int nerrors;
	unsigned int nwarnings;
	unsigned int ndiag;
	bool truncated;
	struct cfg_diag diag[CFG_DIAG_MAX];
};

#define CFG_NAME_MAX	128	/* bytes of an object name */

/**
 * struct cfg_addr - an IPv4 or IPv6 address or prefix
 * @family: AF_INET or AF_INET6; AF_UNSPEC (0) when not set
 * @v4: the address when @family is AF_INET (host bits cleared)
 * @v6: the address when @family is AF_INET6 (host bits cleared)
 * @prefix: prefix length, 32 or 128 for a host
 */
struct cfg_addr {
	int family;
	union {
		struct in_addr v4;
		struct in6_addr v6;
	};
	int prefix;
};

/**
 * struct cfg_id - an IKE identity as received from a peer (IDi payload)
 * @type: enum ikev2_id_type
 * @data: the identification data, not NUL-terminated
 * @len: bytes at @data
 */
struct cfg_id {
	uint8_t type;
	const uint8_t *data;
	size_t len;
};

enum cfg_id_kind {
	CFG_ID_NONE = 0,	/* not configured */
	CFG_ID_ADDRESS,		/* address or prefix (match) / address */
	CFG_ID_FQDN,
	CFG_ID_EMAIL,
	CFG_ID_KEY_ID,
	CFG_ID_DN,		/* "identity local dn" only */
};

/**
 * struct cfg_ident - a configured identity: local identity, or a match
 * @kind: what @addr or @value holds
 * @domain: fqdn/email match on a domain: the identity's domain must be
 *	@value or a subdomain of it ("fqdn domain example.com" matches
 *	"a.example.com" and "example.com", not "a.example.com.evil.net")
 * @addr: CFG_ID_ADDRESS; a prefix in a match ("address 0.0.0.0" with no
 *	mask is 0.0.0.0/0: any IPv4 identity, as the guide uses it)
 * @value: fqdn, email address, domain or key-id; NUL-terminated
 * @line: where it was configured
 */
struct cfg_ident {
	enum cfg_id_kind kind;
	bool domain;
	struct cfg_addr addr;
	char *value;
	unsigned int line;
};

/**
 * struct cfg_key - a pre-shared key, wiped with explicit_bzero() on free
 * @data: the key bytes; NULL when not configured
 * @len: bytes at @data
 */
struct cfg_key {
	uint8_t *data;
	size_t len;
};

/**
 * struct cfg_ref - a reference by name to another object
 * @name: the name referred to
 * @line: line of the referring command, for errors
 */
struct cfg_ref {
	char *name;
	unsigned int line;
};

/**
 * struct cfg_encr - one encryption transform
 * @id: enum ikev2_encr (AES_CBC, AES_GCM_16, CHACHA20_POLY1305)
 * @bits: key length in bits; 0 for ciphers without a key-length attribute
 */
struct cfg_encr {
	uint16_t id;
	uint16_t bits;
};

/**
 * struct cfg_proposal - "crypto ikev2 proposal NAME"
 * @name: the name; "default" for the smart-default proposal
 * @line: first line of its block; 0 for an unedited built-in
 * @encr: encryption transforms in configured order
 * @nencr: entries of @encr
 * @integ: enum ikev2_integ in order; empty when every cipher is AEAD
 * @ninteg: entries of @integ
 * @prf: enum ikev2_prf in order; when not configured, filled from @integ
 *	(the guide's rule) and @prf_implicit is set
 * @nprf: entries of @prf
 * @prf_implicit: @prf was derived from @integ, not configured
 * @dh: enum ikev2_dh in order
 * @ndh: entries of @dh
 * @builtin: the smart-default proposal
 * @modified: the built-in was edited by the configuration
 * @disabled: "no crypto ikev2 proposal default": never used
 *
 * A proposal may mix AEAD and non-AEAD ciphers: the integrity list then
 * applies to the non-AEAD ones only, and the daemon offers them as two
 * IKEv2 proposals (RFC 5282 §8).  Every proposal a policy refers to is
 * complete (checked at load).
 */
struct cfg_proposal {
	char *name;
	unsigned int line;
	struct cfg_encr encr[CFG_ALGS_MAX];
	unsigned int nencr;
	uint16_t integ[CFG_ALGS_MAX];
	unsigned int ninteg;
	uint16_t prf[CFG_ALGS_MAX];
	unsigned int nprf;
	bool prf_implicit;
	uint16_t dh[CFG_ALGS_MAX];
	unsigned int ndh;
	bool builtin;
	bool modified;
	bool disabled;
};

/**
 * struct cfg_policy - "crypto ikev2 policy NAME"
 * @name: the name; "default" for the smart-default policy
 * @line: first line of its block; 0 for an unedited built-in
 * @fvrf: "match fvrf NAME"; NULL for the global VRF (the default)
 * @fvrf_any: "match fvrf any"
 * @local: "match address local" addresses (ORed); none matches any
 * @nlocal: entries of @local
 * @proposal_refs: "proposal NAME" lines in order
 * @proposals: the proposals of @proposal_refs, resolved, all complete
 * @nproposals: entries of @proposal_refs and @proposals
 * @builtin: the smart-default policy
 * @modified: the built-in was edited
 * @disabled: "no crypto ikev2 policy default"
 */
struct cfg_policy {
	char *name;
	unsigned int line;
	char *fvrf;
	bool fvrf_any;
	struct cfg_addr *local;
	unsigned int nlocal;
	struct cfg_ref *proposal_refs;
	const struct cfg_proposal **proposals;
	unsigned int nproposals;
	bool builtin;
	bool modified;
	bool disabled;
};

/**
 * struct cfg_peer - a "peer NAME" block of a keyring
 * @name: the peer block's name
 * @line: line of its "peer" command
 * @description: free text or NULL
 * @hostname: "hostname NAME" (initiator lookups) or NULL
 * @addr: "address" range of the IKE endpoint; family AF_UNSPEC if none
 * @id: "identity ..." (responder lookups); kind CFG_ID_NONE if none
 * @local_key: key that signs our AUTH ("pre-shared-key K" or "... local K")
 * @remote_key: key that checks the peer's AUTH ("... remote" or symmetric)
 */
struct cfg_peer {
	char *name;
	unsigned int line;
	char *description;
	char *hostname;
	struct cfg_addr addr;
	struct cfg_ident id;
	struct cfg_key local_key;
	struct cfg_key remote_key;
};

/**
 * struct cfg_keyring - "crypto ikev2 keyring NAME"
 * @name: the name
 * @line: first line of its block
 * @peers: its peer blocks in configured order
 * @npeers: entries of @peers
 */
struct cfg_keyring {
	char *name;
	unsigned int line;
	struct cfg_peer **peers;
	unsigned int npeers;
};

/**
 * struct cfg_trustpoint - "crypto pki trustpoint NAME"
 * @name: the name, as "pki trustpoint NAME" of a profile refers to it
 * @line: first line of its block
 * @description: free text or NULL
 * @ca_file: "ca-certificate FILE": PEM trust anchor(s), and optionally
 *	intermediate CA certificates; NULL when not set (then the trustpoint
 *	cannot verify)
 * @cert_file: "certificate FILE": our PEM certificate, the leaf first,
 *	then its intermediate CAs; NULL when not set (then the trustpoint
 *	cannot sign)
 * @key_file: "private-key FILE": the PEM private key of @cert_file's
 *	leaf; set exactly when @cert_file is (checked at load)
 * @crl_file: "crl FILE": PEM or DER CRLs; NULL when not set
 * @check_crl: check revocation against @crl_file: "revocation-check crl",
 *	or by default when @crl_file is set; never true without @crl_file
 * @revocation_line: line of "revocation-check", 0 when not configured
 *
 * The paths are absolute and kept as written: the loader neither opens
 * nor checks the files, the daemon reads them when it starts or reloads.
 */
struct cfg_trustpoint {
	char *name;
	unsigned int line;
	char *description;
	char *ca_file;
	char *cert_file;
	char *key_file;
	char *crl_file;
	bool check_crl;
	unsigned int revocation_line;
};

/* authentication methods; CFG_AUTH_BIT() makes the remote method mask */
enum cfg_auth {
	CFG_AUTH_NONE = 0,
	CFG_AUTH_PSK,		/* pre-share */
	CFG_AUTH_RSA_SIG,	/* rsa-sig */
	CFG_AUTH_ECDSA_SIG,	/* ecdsa-sig */
	CFG_AUTH_EAP,		/* eap (remote only) */
};
#define CFG_AUTH_BIT(a)		(1u << (a))

/* the peer authentication method an "aaa authorization" line is for */
enum cfg_aaa_method {
	CFG_AAA_PSK,
	CFG_AAA_CERT,
	CFG_AAA_EAP,
	CFG_AAA_NMETHODS,
};

/**
 * struct cfg_aaa_list - an AAA method list of the network service:
 *	"aaa authorization network NAME local | group GROUP [local]" or
 *	"aaa accounting network NAME start-stop group GROUP"
 * @name: the list name; authorization and accounting lists have
 *	separate name spaces (&cfg->aaa_lists, &cfg->acct_lists)
 * @line: the line that defined it (the last one when given again)
 * @group_ref: "group GROUP"; name NULL for "local" alone; the name
 *	"radius" means every radius server ("group radius")
 * @group: @group_ref resolved, NULL for "local" alone; for "group
 *	radius" the group cfg->radius_all
 * @local: authorization lists only: "local" alone is local authorization
 *	(a "crypto ikev2 authorization policy"); after "group GROUP" it is
 *	the fallback used when no server of the group answers (a reject is
 *	final)
 */
struct cfg_aaa_list {
	char *name;
	unsigned int line;
	struct cfg_ref group_ref;
	const struct cfg_radius_group *group;
	bool local;
};

/* what a name mangler takes of an FQDN identity: "fqdn ..." */
enum cfg_mangle_fqdn {
	CFG_MANGLE_FQDN_NONE = 0,	/* no "fqdn" line */
	CFG_MANGLE_FQDN_ALL,		/* the whole FQDN */
	CFG_MANGLE_FQDN_HOSTNAME,	/* before the first dot */
	CFG_MANGLE_FQDN_DOMAIN,		/* after the first dot */
	CFG_MANGLE_FQDN_N,
};

/* what a name mangler takes of an email identity: "email ..." */
enum cfg_mangle_email {
	CFG_MANGLE_EMAIL_NONE = 0,	/* no "email" line */
	CFG_MANGLE_EMAIL_ALL,		/* the whole address */
	CFG_MANGLE_EMAIL_USERNAME,	/* before the last @ */
	CFG_MANGLE_EMAIL_DOMAIN,	/* after the last @ */
	CFG_MANGLE_EMAIL_N,
};

/* an attribute of a distinguished name: "dn ...", "eap dn ..." */
enum cfg_dn_field {
	CFG_DN_NONE = 0,
	CFG_DN_COMMON_NAME,	/* common-name: CN */
	CFG_DN_COUNTRY,		/* country: C */
	CFG_DN_DOMAIN,		/* domain: every DC, joined with dots */
	CFG_DN_LOCALITY,	/* locality: L */
	CFG_DN_ORGANIZATION,	/* organization: O */
	CFG_DN_ORG_UNIT,	/* organization-unit: OU */
	CFG_DN_STATE,		/* state: ST */
	CFG_DN_N,
};

/* what a name mangler takes of an EAP identity: "eap ..." */
enum cfg_mangle_eap {
	CFG_MANGLE_EAP_NONE = 0,	/* no "eap" line */
	CFG_MANGLE_EAP_ALL,		/* the whole EAP identity */
	CFG_MANGLE_EAP_DN,		/* an attribute of a DN identity */
	CFG_MANGLE_EAP_PREFIX,		/* before the first delimiter */
	CFG_MANGLE_EAP_SUFFIX,		/* after the first delimiter */
	CFG_MANGLE_EAP_N,
};

/**
 * struct cfg_name_mangler - "crypto ikev2 name-mangler NAME": how the
 *	name to authorize is derived from a peer's identity
 * @name: the name, as "name-mangler NAME" of an "aaa authorization" line
 *	refers to it
 * @line: first line of its block
 * @fqdn: "fqdn all|hostname|domain", for FQDN identities
 * @email: "email all|username|domain", for email (RFC 822) identities
 * @dn: "dn FIELD", for DN identities; CFG_DN_NONE when not set
 * @eap: "eap all|dn FIELD|prefix delimiter D|suffix delimiter D", for
 *	EAP identities
 * @eap_dn: FIELD of "eap dn FIELD"
 * @eap_delim: D of "eap prefix|suffix delimiter D": one of . @ \ / % #
 *
 * Each line is a rule for one type of identity; a mangler has a rule
 * for each type it may be given, and gives no name for the others.
 * cfg_mangle_name() applies it.
 */
struct cfg_name_mangler {
	char *name;
	unsigned int line;
	enum cfg_mangle_fqdn fqdn;
	enum cfg_mangle_email email;
	enum cfg_dn_field dn;
	enum cfg_mangle_eap eap;
	enum cfg_dn_field eap_dn;
	char eap_delim;
};

/* the type of the identity cfg_mangle_name() is given */
enum cfg_mangle_src {
	CFG_MANGLE_SRC_FQDN,	/* an ID_FQDN, "host.example.com" */
	CFG_MANGLE_SRC_EMAIL,	/* an ID_RFC822_ADDR, "user@example.com" */
	CFG_MANGLE_SRC_DN,	/* an ID_DER_ASN1_DN as an RFC 4514 string */
	CFG_MANGLE_SRC_EAP,	/* an EAP identity */
};

/**
 * struct cfg_authz - "aaa authorization user|group METHOD list LIST
 *	[NAME | name-mangler MANGLER]"
 * @list: the method list; @list.name NULL when not configured
 * @aaa: @list resolved
 * @username: NAME: the name to authorize: the User-Name of the RADIUS
 *	request, and with local authorization the authorization policy to
 *	use; NULL to derive it from the peer at run time
 * @policy: @username resolved when @aaa has "local"; NULL otherwise
 * @mangler_ref: "name-mangler MANGLER"; name NULL when not set (never
 *	set with @username)
 * @mangler: @mangler_ref resolved: the name to authorize is
 *	cfg_mangle_name() of the peer's identity (of its EAP identity with
 *	the eap method).  With neither @username nor @mangler the name is
 *	the peer identity (or EAP identity) itself
 */
struct cfg_authz {
	struct cfg_ref list;
	const struct cfg_aaa_list *aaa;
	char *username;
	const struct cfg_authz_policy *policy;
	struct cfg_ref mangler_ref;
	const struct cfg_name_mangler *mangler;
};

/**
 * struct cfg_dpd - "dpd INTERVAL RETRY on-demand|periodic"
 * @interval: seconds, 2-3600; 0 when DPD is off (the default)
 * @retry: seconds between retransmissions, 1 to @interval - 1
 * @periodic: periodic rather than on-demand
 */
struct cfg_dpd {
	unsigned int interval;
	unsigned int retry;
	bool periodic;
};

/**
 * struct cfg_profile - "crypto ikev2 profile NAME"
 * @name: the name
 * @line: first line of its block
 * @description: free text or NULL
 * @match_id: "match identity remote ..." statements (ORed)
 * @nmatch_id: entries of @match_id; 0 makes the profile incomplete:
 *	it never matches (a warning at load)
 * @match_local: "match address local" addresses (ORed); none: any
 * @nmatch_local: entries of @match_local
 * @fvrf: "match fvrf NAME"; NULL for the global VRF (the default)
 * @fvrf_any: "match fvrf any"
 * @local_id: "identity local ..."; CFG_ID_NONE: the address with PSK,
 *	the certificate's DN with signatures (the guide's defaults)
 * @local_auth: "authentication local" method; CFG_AUTH_NONE if not set
 * @local_key: "authentication local pre-share key K"; overrides the keyring
 * @remote_auth: CFG_AUTH_BIT()s of the "authentication remote" methods
 * @remote_key: "authentication remote pre-share key K"
 * @eap_query_identity: "authentication remote eap query-identity"
 * @eap_timeout: "authentication remote eap timeout S"; 0: not set
 * @keyring_ref: "keyring local NAME"; name NULL if none
 * @keyring: @keyring_ref resolved
 * @trustpoint_sign: "pki trustpoint NAME [sign]" or NULL
 * @trustpoint_verify: "pki trustpoint NAME [verify]" or NULL
 * @trustpoint_sign_line: line of the "pki trustpoint" setting
 *	@trustpoint_sign, 0 when not set
 * @trustpoint_verify_line: likewise for @trustpoint_verify
 * @tp_sign: @trustpoint_sign resolved, NULL when not set; when
 *	@local_auth is rsa-sig or ecdsa-sig it is set and has a certificate
 *	and a private key (checked at load)
 * @tp_verify: @trustpoint_verify resolved, NULL when not set; when
 *	@remote_auth has rsa-sig or ecdsa-sig it is set and has a CA
 *	certificate (checked at load)
 * @lifetime: IKE SA lifetime in seconds (default 86400)
 * @dpd: dead peer detection; @dpd.interval 0 when not set here: the
 *	global "crypto ikev2 dpd" applies (&cfg->ike.dpd)
 * @nat_keepalive: "nat keepalive S"; 0: the global setting applies
 * @vtemplate: "virtual-template N"; 0 when not set
 * @vtemplate_auto: "virtual-template N mode auto": the VA's tunnel mode
 *	comes from each session's traffic selectors, not from the template
 *	(the rule is in flexvtid.conf.rst)
 * @vtemplate_line: line of the "virtual-template" command
 * @template: @vtemplate resolved
 * @authz_user: "aaa authorization user ..." per method
 * @authz_group: "aaa authorization group ..." per method
 * @authz_group_override: "aaa authorization group override ..."
 * @acct_refs: "aaa accounting METHOD LIST" per method (psk, cert, eap);
 *	"aaa accounting LIST" sets all three; name NULL when not set
 * @acct: @acct_refs resolved: the accounting list of a session, by the
 *	method the peer authenticated with (cert: rsa-sig or ecdsa-sig);
 *	NULL: no accounting for that method
 * @eap_list_ref: "aaa authentication eap LIST": the "aaa authentication
 *	login" list whose RADIUS group EAP is relayed to; name NULL when
 *	not set
 * @eap_list: @eap_list_ref resolved
 * @shutdown: "shutdown": the profile never matches
 */
struct cfg_profile {
	char *name;
	unsigned int line;
	char *description;
	struct cfg_ident *match_id;
	unsigned int nmatch_id;
	struct cfg_addr *match_local;
	unsigned int nmatch_local;
	char *fvrf;
	bool fvrf_any;
	struct cfg_ident local_id;
	enum cfg_auth local_auth;
	struct cfg_key local_key;
	unsigned int remote_auth;
	struct cfg_key remote_key;
	bool eap_query_identity;
	unsigned int eap_timeout;
	struct cfg_ref keyring_ref;
	const struct cfg_keyring *keyring;
	char *trustpoint_sign;
	char *trustpoint_verify;
	unsigned int trustpoint_sign_line;
	unsigned int trustpoint_verify_line;
	const struct cfg_trustpoint *tp_sign;
	const struct cfg_trustpoint *tp_verify;
	unsigned int lifetime;
	struct cfg_dpd dpd;
	unsigned int nat_keepalive;
	unsigned int vtemplate;
	bool vtemplate_auto;
	unsigned int vtemplate_line;
	const struct cfg_template *template;
	struct cfg_authz authz_user[CFG_AAA_NMETHODS];
	struct cfg_authz authz_group[CFG_AAA_NMETHODS];
	bool authz_group_override;
	struct cfg_ref acct_refs[CFG_AAA_NMETHODS];
	const struct cfg_aaa_list *acct[CFG_AAA_NMETHODS];
	struct cfg_ref eap_list_ref;
	const struct cfg_aaa_list *eap_list;
	bool shutdown;
};

/**
 * struct cfg_authz_policy - "crypto ikev2 authorization policy NAME"
 * @name: the name; "default" for the smart-default policy
 * @line: first line of its block; 0 for an unedited built-in
 * @pool_ref: "pool NAME" (IPv4); name NULL if none
 * @pool: @pool_ref resolved
 * @pool6_ref: "ipv6 pool NAME"; name NULL if none
 * @pool6: @pool6_ref resolved
 * @dns: "dns A [B]"
 * @ndns: entries of @dns
 * @dns6: "ipv6 dns A [B]"
 * @ndns6: entries of @dns6
 * @wins: "wins A [B]"
 * @nwins: entries of @wins
 * @netmask: "netmask M" (network order); 0.0.0.0 when not set
 * @routes: "route set remote ipv4|ipv6 PREFIX" in order
 * @nroutes: entries of @routes
 * @route_set_interface: "route set interface [IFNAME]"
 * @route_set_ifname: its IFNAME; NULL: the address the VA is unnumbered to
 * @route_acl_ref: "route set access-list NAME"; name NULL if none
 * @route_acl: @route_acl_ref resolved: an "ip access-list standard"
 *	whose permit entries are the prefixes to push
 * @route_acl6_ref: "route set access-list ipv6 NAME"; name NULL if none
 * @route_acl6: @route_acl6_ref resolved: an "ipv6 access-list" whose
 *	entries are all "permit|deny ipv6 PREFIX any"
 * @route_accept: "route accept any"
 * @route_accept_tag: its tag, 0 when not set
 * @route_accept_distance: its distance, 0 when not set
 * @def_domain: "def-domain NAME" or NULL
 * @banner: "banner TEXT": the text of the Cisco Unity banner, one line,
 *	or NULL
 * @split_dns: "split-dns NAME" lines in order
 * @nsplit_dns: entries of @split_dns
 * @session_lifetime: "session-lifetime S"; 0: none
 * @flow_limit: "ipsec flow-limit N"; -1: unlimited (the default)
 * @builtin: the smart-default policy
 * @modified: the built-in was edited
 * @disabled: "no crypto ikev2 authorization policy default"
 */
struct cfg_authz_policy {
	char *name;
	unsigned int line;
	struct cfg_ref pool_ref;
	const struct cfg_pool *pool;
	struct cfg_ref pool6_ref;
	const struct cfg_pool *pool6;
	struct in_addr dns[2];
	unsigned int ndns;
	struct in6_addr dns6[2];
	unsigned int ndns6;
	struct in_addr wins[2];
	unsigned int nwins;
	struct in_addr netmask;
	struct cfg_addr *routes;
	unsigned int nroutes;
	bool route_set_interface;
	char *route_set_ifname;
	struct cfg_ref route_acl_ref;
	const struct cfg_acl *route_acl;
	struct cfg_ref route_acl6_ref;
	const struct cfg_acl *route_acl6;
	bool route_accept;
	unsigned int route_accept_tag;
	unsigned int route_accept_distance;
	char *def_domain;
	char *banner;
	char *split_dns[CFG_SPLIT_DNS_MAX];
	unsigned int nsplit_dns;
	unsigned int session_lifetime;
	int flow_limit;
	bool builtin;
	bool modified;
	bool disabled;
};

enum cfg_esp_mode {
	CFG_ESP_TUNNEL = 0,
	CFG_ESP_TRANSPORT,
};

/**
 * struct cfg_transform_set - "crypto ipsec transform-set NAME T..."
 * @name: the name; "default" for the smart-default set
 * @line: its line; 0 for an unedited built-in
 * @encr: the ESP cipher: AES_CBC, AES_GCM_16 or CHACHA20_POLY1305
 * @encr_bits: key length in bits (0 for ChaCha20-Poly1305)
 * @integ: enum ikev2_integ; IKEV2_INTEG_NONE with an AEAD cipher
 * @mode: "mode tunnel|transport" (default tunnel, the default set too:
 *	the daemon offers transport for GRE-mode VAs only)
 * @builtin: the smart-default set
 * @modified: the built-in was edited
 * @disabled: "no crypto ipsec transform-set default"
 */
struct cfg_transform_set {
	char *name;
	unsigned int line;
	uint16_t encr;
	uint16_t encr_bits;
	uint16_t integ;
	enum cfg_esp_mode mode;
	bool builtin;
	bool modified;
	bool disabled;
};

/**
 * struct cfg_ipsec_profile - "crypto ipsec profile NAME"
 * @name: the name; "default" for the smart-default profile
 * @line: first line of its block; 0 for an unedited built-in
 * @tset_refs: "set transform-set" names in order
 * @tsets: @tset_refs resolved
 * @ntsets: entries of @tset_refs and @tsets (at least 1 after load)
 * @ike_profile_ref: "set ikev2-profile NAME"; name NULL if none
 * @ike_profile: @ike_profile_ref resolved
 * @pfs: "set pfs groupN": enum ikev2_dh; IKEV2_DH_NONE when off
 * @lifetime_sec: "set security-association lifetime seconds"
 * @lifetime_kb: "set security-association lifetime kilobytes"
 * @responder_only: "responder-only"
 * @builtin: the smart-default profile
 * @modified: the built-in was edited
 * @disabled: "no crypto ipsec profile default"
 */
struct cfg_ipsec_profile {
	char *name;
	unsigned int line;
	struct cfg_ref tset_refs[CFG_TSETS_MAX];
	const struct cfg_transform_set *tsets[CFG_TSETS_MAX];
	unsigned int ntsets;
	struct cfg_ref ike_profile_ref;
	const struct cfg_profile *ike_profile;
	uint16_t pfs;
	unsigned int lifetime_sec;
	uint64_t lifetime_kb;
	bool responder_only;
	bool builtin;
	bool modified;
	bool disabled;
};

/* "tunnel mode ..." of a virtual template or a tunnel interface */
enum cfg_tunnel_mode {
	CFG_TUNNEL_GRE_IP = 0,	/* "gre ip": GRE over IPv4 (the default) */
	CFG_TUNNEL_GRE_IPV6,	/* "gre ipv6": GRE over IPv6 */
	CFG_TUNNEL_IPSEC_IPV4,	/* "ipsec ipv4": ESP tunnel, inner IPv4 */
	CFG_TUNNEL_IPSEC_IPV6,	/* "ipsec ipv6": ESP tunnel, inner IPv6 */
};

/**
 * struct cfg_iface_filters - the access lists and policy maps of an
 *	interface block
 * @acl4: per enum acl_dir, "ip access-group NAME in|out"; name NULL if
 *	none
 * @acl6: per enum acl_dir, "ipv6 traffic-filter NAME in|out"
 * @policy: per enum acl_dir, "service-policy input|output NAME"
 * @acl4_list: @acl4 resolved: an "ip access-list extended"
 * @acl6_list: @acl6 resolved: an "ipv6 access-list"
 * @policy_map: @policy resolved
 *
 * cfg_iface_acl() and cfg_iface_policer() make the kernel's list and
 * policer of a direction from them.
 */
struct cfg_iface_filters {
	struct cfg_ref acl4[ACL_NDIRS];
	struct cfg_ref acl6[ACL_NDIRS];
	struct cfg_ref policy[ACL_NDIRS];
	const struct cfg_acl *acl4_list[ACL_NDIRS];
	const struct cfg_acl *acl6_list[ACL_NDIRS];
	const struct cfg_policy_map *policy_map[ACL_NDIRS];
};

/*
 * The members of struct cfg_iface, which struct cfg_template and struct
 * cfg_tunnel have both directly (t->mtu) and as the struct cfg_iface
 * @iface (&t->iface), as the kernel's struct_group() does: the code that
 * parses, checks and prints them is shared, their users keep short names.
 */
#define CFG_IFACE_MEMBERS					\
	char *description;					\
	char *unnumbered;					\
	char *unnumbered6;					\
	char *vrf;						\
	unsigned int mtu;					\
	enum cfg_tunnel_mode mode;				\
	bool mode_set;						\
	char *source;						\
	struct cfg_addr source_addr;				\
	struct cfg_ref ipsec_ref;				\
	const struct cfg_ipsec_profile *ipsec;			\
	uint32_t nhrp_network_id;				\
	bool nhrp_redirect;					\
	unsigned int nhrp_redirect_timeout;			\
	struct cfg_iface_filters filters;			\
	bool mpls;						\
	bool mpls_bgp;						\
	bool mpls_nhrp;						\
	uint32_t mpls_labels[CFG_MPLS_LABELS_MAX];		\
	unsigned int nmpls_labels;				\
	unsigned int mpls_line;					\
	unsigned int nhrp_holdtime;				\
	bool shutdown

/**
 * struct cfg_iface - the settings a virtual template and a tunnel share
 * @description: free text or NULL
 * @unnumbered: "ip unnumbered IFNAME" (a Linux name, kept as written)
 * @unnumbered6: "ipv6 unnumbered IFNAME"
 * @vrf: "vrf forwarding NAME" (or "ip vrf forwarding"): the inside VRF;
 *	NULL: for a template the front-door VRF of the session, for a
 *	tunnel the global VRF
 * @mtu: "ip mtu N", 576-9000; 0 when not set (derived from the underlay)
 * @mode: "tunnel mode" (default "gre ip")
 * @mode_set: @mode was configured (for printing)
 * @source: "tunnel source IFNAME|ADDR" as written, or NULL
 * @source_addr: @source when it is an address; family 0 otherwise
 * @ipsec_ref: "tunnel protection ipsec profile NAME"; name NULL if none
 * @ipsec: @ipsec_ref resolved: enabled, with a transform set
 * @nhrp_network_id: "ip nhrp network-id N"; 0 when not set
 * @nhrp_redirect: "ip nhrp redirect [timeout S]"
 * @nhrp_redirect_timeout: S, default CFG_NHRP_REDIRECT_TIMEOUT
 * @filters: "ip access-group", "ipv6 traffic-filter", "service-policy"
 * @mpls: MPLS is on: any of the three MPLS lines; Linux's MPLS stack
 *	takes labelled packets arriving on the interface (its
 *	net.mpls.conf.IFNAME.input is set); gre modes only (checked at load)
 * @mpls_bgp: "mpls bgp forwarding" (the guide's examples)
 * @mpls_nhrp: "mpls nhrp" (the guide's task text); the same as @mpls_bgp
 * @mpls_labels: "mpls label-stack L1 [L2...]": the labels pushed on every
 *	IP packet sent over the interface, the outermost first, each
 *	CFG_MPLS_LABEL_MIN-CFG_MPLS_LABEL_MAX
 * @nmpls_labels: entries of @mpls_labels, 0 when none
 * @mpls_line: line of the first MPLS line, 0 when none
 * @nhrp_holdtime: "ip nhrp holdtime S", 1-65535: the holding time of the
 *	NHRP entries the interface announces; CFG_NHRP_HOLDTIME_DEFAULT when
 *	not set
 * @shutdown: "shutdown" (the interface starts down)
 */
struct cfg_iface {
	CFG_IFACE_MEMBERS;
};

/**
 * struct cfg_template - "interface Virtual-Template<N> type tunnel"
 * @num: N, 1-4095
 * @line: first line of its block
 * @iface: its settings, also reachable as direct members (@iface.mtu is
 *	t->mtu); a virtual-access interface cloned from it starts down
 *	when @iface.shutdown is set
 */
struct cfg_template {
	unsigned int num;
	unsigned int line;
	union {
		struct { CFG_IFACE_MEMBERS; };
		struct cfg_iface iface;
	};
};

/**
 * struct cfg_tunnel - "interface Tunnel<N>": a static tunnel we initiate
 * @num: N, 0-2147483647
 * @line: first line of its block
 * @iface: the settings shared with templates, also reachable as direct
 *	members; with @iface.ipsec set (a protected tunnel) @dest is set and
 *	@iface.ipsec->ike_profile too: the IKEv2 profile to initiate with
 *	(checked at load)
 * @dest: "tunnel destination ADDR": the peer's IKE and outer address (a
 *	host); family 0 when not set
 * @dest_line: line of "tunnel destination", 0 when not set
 * @addr: "ip address A MASK": the interface's IPv4 address, host bits
 *	kept, with the prefix length of MASK; family 0 when not set
 * @addr_negotiated: "ip address negotiated": ask the peer for an IPv4
 *	address (a CFG_REQUEST) and give the interface that address
 * @addr6: "ipv6 address ADDR/LEN": the interface's IPv6 address, host
 *	bits kept; family 0 when not set
 * @nhrp_shortcut: "ip nhrp shortcut virtual-template N": the template of
 *	spoke-to-spoke sessions; 0 when not set
 * @nhrp_shortcut_line: its line
 * @shortcut_template: @nhrp_shortcut resolved
 */
struct cfg_tunnel {
	unsigned int num;
	unsigned int line;
	union {
		struct { CFG_IFACE_MEMBERS; };
		struct cfg_iface iface;
	};
	struct cfg_addr dest;
	unsigned int dest_line;
	struct cfg_addr addr;
	bool addr_negotiated;
	struct cfg_addr addr6;
	unsigned int nhrp_shortcut;
	unsigned int nhrp_shortcut_line;
	const struct cfg_template *shortcut_template;
};

/**
 * struct cfg_pool_range - one "ip local pool NAME FIRST [LAST]" line
 * @first: first address (network order)
 * @last: last address, >= @first
 * @line: its line
 */
struct cfg_pool_range {
	struct in_addr first;
	struct in_addr last;
	unsigned int line;
};

/**
 * struct cfg_pool - "ip local pool" (IPv4) or "ipv6 local pool" (IPv6)
 * @name: the name; IPv4 and IPv6 pools have separate name spaces
 * @family: AF_INET or AF_INET6
 * @line: first line naming it
 * @ranges: AF_INET: the ranges in order, disjoint
 * @nranges: entries of @ranges
 * @prefix: AF_INET6: the prefix the pool hands out from
 * @assign_len: AF_INET6: prefix length given to each client (128: one
 *	address)
 */
struct cfg_pool {
	char *name;
	int family;
	unsigned int line;
	struct cfg_pool_range *ranges;
	unsigned int nranges;
	struct cfg_addr prefix;
	unsigned int assign_len;
};

/**
 * struct cfg_ike_global - the global "crypto ikev2 ..." options
 * @max_neg_in: "limit max-in-negotiation-sa N [incoming]": responder
 *	IKE SAs being negotiated at once (default 1000)
 * @max_neg_out: "... outgoing": initiator ones (default 1000)
 * @max_sa: "limit max-sa N": IKE SAs in all; 0: unlimited (the default)
 * @window: "window N": requests in flight (default 5)
 * @dpd: "dpd INTERVAL RETRY on-demand|periodic"; interval 0: off
 * @nat_keepalive: "nat keepalive S"; 0: off (the default)
 * @cookie_challenge: "cookie-challenge N", 1-1000: once more than N
 *	IKE SAs are half-open, an IKE_SA_INIT without a valid cookie gets a
 *	COOKIE notification (RFC 7296 section 2.6); 0: never (the default)
 * @max_half_open_per_source: "limit half-open-per-source N", 1-10000:
 *	half-open IKE SAs one source address may have at once; requests
 *	beyond are dropped (default CFG_HALF_OPEN_PER_SOURCE_DEFAULT)
 */
struct cfg_ike_global {
	unsigned int max_neg_in;
	unsigned int max_neg_out;
	unsigned int max_sa;
	unsigned int window;
	struct cfg_dpd dpd;
	unsigned int nat_keepalive;
	unsigned int cookie_challenge;
	unsigned int max_half_open_per_source;
};

/**
 * struct cfg_radius_server - "radius server NAME"
 * @name: the name, as "server name NAME" of a server group refers to it
 * @line: first line of its block
 * @addr: "address ipv4|ipv6 ADDRESS": a unicast host; set after load
 *	(a server without it is an error)
 * @auth_port: "auth-port P" of the address line: UDP port of the
 *	Access-Requests, default CFG_RADIUS_AUTH_PORT_DEFAULT (1812)
 * @acct_port: "acct-port Q": UDP port of the Accounting-Requests, default
 *	CFG_RADIUS_ACCT_PORT_DEFAULT (1813)
 * @key: "key [0] SECRET": the shared secret (RFC 2865 §3), 1 to
 *	CFG_RADIUS_SECRET_MAX bytes of text; set after load (a server
 *	without it is an error)
 * @timeout: seconds to wait for an answer before retransmitting, 1-1000:
 *	the block's "timeout", else the global "radius-server timeout",
 *	else CFG_RADIUS_TIMEOUT_DEFAULT
 * @retransmit: retransmissions of an unanswered request, 0-100, before
 *	the next server of the group is tried: the block's "retransmit",
 *	else the global one, else CFG_RADIUS_RETRANSMIT_DEFAULT
 * @timeout_set: @timeout was configured in the block
 * @retransmit_set: @retransmit was configured in the block
 */
struct cfg_radius_server {
	char *name;
	unsigned int line;
	struct cfg_addr addr;
	uint16_t auth_port;
	uint16_t acct_port;
	struct cfg_key key;
	unsigned int timeout;
	unsigned int retransmit;
	bool timeout_set;
	bool retransmit_set;
};

/**
 * struct cfg_radius_group - "aaa group server radius NAME"
 * @name: the name, as "group NAME" of a method list refers to it
 * @line: first line of its block
 * @server_refs: the "server name NAME" lines in order, without repeats
 * @servers: @server_refs resolved, in the same order: the failover
 *	order (a request goes to the first server; when it does not answer
 *	within its timeout and retransmissions, to the next)
 * @nservers: entries of @server_refs and @servers, at least 1 after load
 * @source_if: "ip radius source-interface IFNAME": requests leave from
 *	this interface's address; NULL: from the address the route towards
 *	the server gives (the default)
 */
struct cfg_radius_group {
	char *name;
	unsigned int line;
	struct cfg_ref *server_refs;
	const struct cfg_radius_server **servers;
	unsigned int nservers;
	char *source_if;
};

/**
 * struct cfg_radius_global - the global RADIUS and accounting options
 * @timeout: "radius-server timeout S", 1-1000 s: the timeout of the
 *	servers that set none (default CFG_RADIUS_TIMEOUT_DEFAULT)
 * @retransmit: "radius-server retransmit N", 0-100: likewise (default
 *	CFG_RADIUS_RETRANSMIT_DEFAULT)
 * @authz_password: "radius authorization password PASSWORD": the
 *	User-Password of the Access-Requests of user and group authorization,
 *	1-128 bytes of text; data NULL when not configured.  There is no
 *	default (IOS sends "cisco"): a profile authorizing with a group
 *	method list needs it (checked at load)
 * @acct_update_min: "aaa accounting update periodic M": minutes between
 *	the Interim-Update records of a session, 1-71582; 0: no interim
 *	updates (the default)
 * @acct_update_line: line of "aaa accounting update", 0 when not set
 */
struct cfg_radius_global {
	unsigned int timeout;
	unsigned int retransmit;
	struct cfg_key authz_password;
	unsigned int acct_update_min;
	unsigned int acct_update_line;
};

/* how a DAE request's session identifiers select sessions: "auth-type" */
enum cfg_dae_auth_type {
	CFG_DAE_AUTH_ALL = 0,		/* every identifier given matches */
	CFG_DAE_AUTH_ANY,		/* one identifier given matches */
	CFG_DAE_AUTH_SESSION_KEY,	/* the audit-session-id, required */
};

/**
 * struct cfg_dae_client - a "client" line of the dynamic-author block:
 *	a RADIUS server allowed to send Disconnect- and CoA-Requests
 * @addr: its address, a unicast host
 * @vrf: "vrf NAME": the VRF its requests arrive in; NULL: the global
 *	table
 * @key: "server-key [0] KEY": its shared secret, 1 to
 *	CFG_RADIUS_SECRET_MAX bytes of text; data NULL: the block's
 *	"server-key"
 * @line: where it was configured
 */
struct cfg_dae_client {
	struct cfg_addr addr;
	char *vrf;
	struct cfg_key key;
	unsigned int line;
};

/**
 * struct cfg_dae - "aaa server radius dynamic-author": the RFC 5176
 *	server (Disconnect- and CoA-Requests)
 * @line: the block's first line
 * @clients: the "client" lines in order, one per address and VRF
 * @nclients: entries of @clients, at least 1 after load
 * @key: "server-key [0] KEY": the secret of the clients without their
 *	own; data NULL when not configured
 * @port: "port N": the UDP port it listens on, default
 *	CFG_DAE_PORT_DEFAULT; never 500 or 4500 (IKE)
 * @auth_type: "auth-type any|all|session-key", default all
 * @ignore_session_key: "ignore session-key": the audit-session-id of a
 *	request is not used to select sessions
 * @ma_optional: "message-authenticator optional": requests without a
 *	Message-Authenticator are accepted (by default they are dropped); one
 *	that is present is always verified
 * @ts_window: "event-timestamp window S": seconds an Event-Timestamp may
 *	be off the time, 0: not checked; default CFG_DAE_TS_WINDOW_DEFAULT
 * @not_found_cause: "session-not-found error-cause 404|503": the
 *	Error-Cause of the NAK for a request no session matches, default
 *	404 (with Reply-Message "No Matching Session", as IOS)
 * @cache_lifetime: "duplicate-cache lifetime S", seconds a request is
 *	remembered to answer its retransmissions, default
 *	CFG_DAE_CACHE_LIFETIME_DEFAULT
 * @cache_entries: "duplicate-cache entries N": the most requests
 *	remembered, default CFG_DAE_CACHE_ENTRIES_DEFAULT
 */
struct cfg_dae {
	unsigned int line;
	struct cfg_dae_client *clients;
	unsigned int nclients;
	struct cfg_key key;
	uint16_t port;
	enum cfg_dae_auth_type auth_type;
	bool ignore_session_key;
	bool ma_optional;
	unsigned int ts_window;
	unsigned int not_found_cause;
	unsigned int cache_lifetime;
	unsigned int cache_entries;
};

/* which factory values the smart defaults take */
enum cfg_defaults_set {
	CFG_DEFAULTS_MODERN = 0,	/* the default */
	CFG_DEFAULTS_CISCO,		/* "... smart-defaults cisco" */
};

/**
 * struct cfg - a loaded configuration
 * @source: the name the configuration was loaded from
 * @defaults: the smart-default set the built-in objects come from
 * @aaa_new_model: "aaa new-model"
 * @ike: the global IKEv2 options
 * @proposals: IKEv2 proposals, the built-in "default" first
 * @policies: IKEv2 policies, the built-in "default" first
 * @keyrings: IKEv2 keyrings
 * @trustpoints: PKI trustpoints
 * @profiles: IKEv2 profiles
 * @authz_policies: IKEv2 authorization policies, "default" first
 * @tsets: IPsec transform sets, the built-in "default" first
 * @ipsec_profiles: IPsec profiles, the built-in "default" first
 * @templates: virtual templates
 * @tunnels: tunnel interfaces
 * @pools: address pools, IPv4 and IPv6
 * @aaa_lists: "aaa authorization network" lists
 * @manglers: "crypto ikev2 name-mangler" blocks
 * @acct_lists: "aaa accounting network" lists
 * @login_lists: "aaa authentication login" lists (EAP relay)
 * @radius: the global RADIUS options
 * @radius_servers: "radius server" blocks in configured order
 * @radius_groups: "aaa group server radius" blocks in configured order
 * @radius_all: the group "radius" of "group radius": every radius server
 *	in configured order (no @server_refs, @line 0); NULL when no list
 *	names it
 * @acls: "ip access-list extended" and "ipv6 access-list" blocks
 * @policy_maps: "policy-map" blocks
 * @dae: "aaa server radius dynamic-author"; NULL when not configured
 *	(the server is off)
 * @nproposals: and the other n* fields: entries of the arrays
 *
 * Built-in objects are always present, flagged builtin, and disabled
 * ones flagged disabled; the lookups below skip disabled objects.
 */
struct cfg {
	char *source;
	enum cfg_defaults_set defaults;
	bool aaa_new_model;
	struct cfg_ike_global ike;
	struct cfg_proposal **proposals;
	unsigned int nproposals;
	struct cfg_policy **policies;
	unsigned int npolicies;
	struct cfg_keyring **keyrings;
	unsigned int nkeyrings;
	struct cfg_trustpoint **trustpoints;
	unsigned int ntrustpoints;
	struct cfg_profile **profiles;
	unsigned int nprofiles;
	struct cfg_authz_policy **authz_policies;
	unsigned int nauthz_policies;
	struct cfg_transform_set **tsets;
	unsigned int ntsets;
	struct cfg_ipsec_profile **ipsec_profiles;
	unsigned int nipsec_profiles;
	struct cfg_template **templates;
	unsigned int ntemplates;
	struct cfg_tunnel **tunnels;
	unsigned int ntunnels;
	struct cfg_pool **pools;
	unsigned int npools;
	struct cfg_aaa_list **aaa_lists;
	unsigned int naaa_lists;
	struct cfg_aaa_list **acct_lists;
	unsigned int nacct_lists;
	struct cfg_aaa_list **login_lists;
	unsigned int nlogin_lists;
	struct cfg_radius_global radius;
	struct cfg_radius_server **radius_servers;
	unsigned int nradius_servers;
	struct cfg_radius_group **radius_groups;
	unsigned int nradius_groups;
	struct cfg_radius_group *radius_all;
	struct cfg_dae *dae;
	struct cfg_name_mangler **manglers;
	unsigned int nmanglers;
	struct cfg_acl **acls;
	unsigned int nacls;
	struct cfg_policy_map **policy_maps;
	unsigned int npolicy_maps;
};

/**
 * cfg_load_buf() - load a configuration from memory
 * @name: the name diagnostics carry (the file name, or "<stdin>")
 * @text: the configuration text; need not be NUL-terminated
 * @len: bytes at @text
 * @err: filled with the diagnostics (errors and warnings); may be NULL
 *
 * Parses the whole text, collecting up to CFG_DIAG_MAX diagnostics, then
 * checks cross-references and completeness.  All or nothing: on any error
 * nothing is returned and nothing is left allocated, so a caller
 * reloading on SIGHUP keeps its old model.
 *
 * Return: the model, to free with cfg_free(); NULL when the text has
 * errors (@err->nerrors > 0) or memory ran out (reported in @err too).
 */
struct cfg *cfg_load_buf(const char *name, const char *text, size_t len,
			 struct cfg_err *err);

/**
 * cfg_load_file() - load a configuration file
 * @path: the file to read (at most 4 MiB)
 * @err: filled with the diagnostics, file name @path; may be NULL
 *
 * As cfg_load_buf(); a file that cannot be read is an error at line 0
 * naming strerror(errno).
 *
 * Return: the model, or NULL on any error.
 */
struct cfg *cfg_load_file(const char *path, struct cfg_err *err);

/**
 * cfg_free() - free a model and wipe its keys
 * @cfg: what cfg_load_*() returned; NULL is allowed
 */
void cfg_free(struct cfg *cfg);

/**
 * cfg_err_print() - print diagnostics, one "FILE:LINE: MESSAGE" per line
 * @err: what a load filled
 * @out: where to print
 *
 * Warnings read "FILE:LINE: warning: MESSAGE"; a diagnostic about the
 * whole file reads "FILE: MESSAGE".  When diagnostics were dropped a last
 * line says how many.  This is what "flexvtid -n" prints.
 */
void cfg_err_print(const struct cfg_err *err, FILE *out);

#define CFG_DUMP_ALL		0x1	/* unedited built-ins too ("all") */
#define CFG_DUMP_SECRETS	0x2	/* the keys, not "<hidden>" */

/**
 * cfg_dump() - print a model back in the configuration syntax
 * @cfg: the model
 * @out: where to print
 * @flags: CFG_DUMP_*
 *
 * Without CFG_DUMP_ALL, as "show running-config": built-ins only when
 * edited or disabled.  Without CFG_DUMP_SECRETS keys print as "<hidden>",
 * which the loader refuses, so a dump never leaks a key and never loads
 * as a wrong key.  With both flags, loading the output gives the same
 * model.
 *
 * Return: 0, or -1 with errno set when writing to @out failed.
 */
int cfg_dump(const struct cfg *cfg, FILE *out, unsigned int flags);

/**
 * cfg_addr_from_sockaddr() - a host cfg_addr from a socket address
 * @a: filled
 * @sa: an AF_INET or AF_INET6 address (a v4-mapped IPv6 address gives
 *	the IPv4 address)
 *
 * Return: 0, or -1 for another family.
 */
int cfg_addr_from_sockaddr(struct cfg_addr *a, const struct sockaddr *sa);

/**
 * cfg_addr_to_sockaddr() - the socket address of a cfg_addr, port 0
 * @a: an IPv4 or IPv6 address (its prefix is ignored)
 * @ss: filled
 */
void cfg_addr_to_sockaddr(const struct cfg_addr *a,
			  struct sockaddr_storage *ss);

/**
 * cfg_encr_is_aead() - whether an encryption transform is AEAD
 * @id: enum ikev2_encr
 *
 * Return: true for AES-GCM and ChaCha20-Poly1305 (no integrity transform).
 */
bool cfg_encr_is_aead(uint16_t id);

/**
 * cfg_policy_match() - the IKEv2 policy for an IKE_SA_INIT
 * @cfg: the model
 * @local: the local address the request arrived on (a host address)
 * @fvrf: the front-door VRF it arrived in; NULL or "" for the global VRF
 *
 * Among the enabled configured policies whose "match fvrf" and "match
 * address local" accept the request, the most specific wins: a match on
 * the local address beats one without; a named (or global) VRF beats
 * "any"; on a tie the first configured.  With no configured policy at all,
 * the built-in default policy (unless disabled).  The selected policy's
 * @proposals is the ordered list to select from.
 *
 * Return: the policy, or NULL when none applies (NO_PROPOSAL_CHOSEN).
 */
const struct cfg_policy *cfg_policy_match(const struct cfg *cfg,
					  const struct cfg_addr *local,
					  const char *fvrf);

/**
 * cfg_profile_match() - the IKEv2 profile for a peer, at IKE_AUTH
 * @cfg: the model
 * @local: our address of the IKE SA
 * @fvrf: its front-door VRF; NULL or "" for the global VRF
 * @remote: the peer's identity (IDi)
 * @why: filled with the reason when NULL is returned; may be NULL
 * @whylen: bytes at @why
 *
 * A profile matches when it is not shut down, has at least one "match
 * identity" and one of them accepts @remote, its "match fvrf" accepts
 * @fvrf, and (when it has any) one of its "match address local" is @local.
 * Exactly one profile may match: with several, none is selected (the
 * guide's rule) and @why names two of them.
 *
 * Return: the profile, or NULL (no match, or ambiguous).
 */
const struct cfg_profile *cfg_profile_match(const struct cfg *cfg,
					    const struct cfg_addr *local,
					    const char *fvrf,
					    const struct cfg_id *remote,
					    char *why, size_t whylen);

/**
 * cfg_profile_accepts_id() - whether a profile's "match identity remote"
 *	statements accept an identity
 * @pf: the profile
 * @remote: the peer's identity (IDi, or IDr when we initiate with @pf)
 *
 * As cfg_profile_match() compares them, without the other conditions.
 *
 * Return: true when one of them accepts @remote; false for a profile
 * without any.
 */
bool cfg_profile_accepts_id(const struct cfg_profile *pf,
			    const struct cfg_id *remote);

/**
 * cfg_keyring_lookup() - the peer block, hence the keys, for a peer
 * @kr: the profile's keyring
 * @peer: the peer's IKE address; may be NULL
 * @remote: the peer's identity (responder); NULL on the initiator
 * @hostname: the peer's configured hostname (initiator); may be NULL
 *
 * Looks up by identity first (responder: an exact fqdn/email beats a
 * domain match, a longer domain beats a shorter one), then by hostname,
 * then by address: the most specific range containing @peer wins (host,
 * then longest prefix, then 0.0.0.0/0).
 *
 * Return: the peer block, or NULL when nothing matches.
 */
const struct cfg_peer *cfg_keyring_lookup(const struct cfg_keyring *kr,
					  const struct cfg_addr *peer,
					  const struct cfg_id *remote,
					  const char *hostname);

/**
 * cfg_ipsec_profile_for_template() - the IPsec profile of a session's VA
 * @t: the template the IKEv2 profile names
 * @ike: the IKEv2 profile the session matched
 * @why: filled with the reason when NULL is returned; may be NULL
 * @whylen: bytes at @why
 *
 * The template's "tunnel protection ipsec profile".  When that IPsec
 * profile has a "set ikev2-profile", it must be @ike.
 *
 * Return: the IPsec profile, or NULL (none, disabled or another profile).
 */
const struct cfg_ipsec_profile *
cfg_ipsec_profile_for_template(const struct cfg_template *t,
			       const struct cfg_profile *ike,
			       char *why, size_t whylen);

/**
 * cfg_template_find() - a virtual template by number
 * @cfg: the model
 * @num: N of Virtual-Template<N>
 *
 * Return: the template, or NULL.
 */
const struct cfg_template *cfg_template_find(const struct cfg *cfg,
					     unsigned int num);

/**
 * cfg_tunnel_find() - a tunnel interface by number
 * @cfg: the model
 * @num: N of Tunnel<N>
 *
 * Return: the tunnel, or NULL.
 */
const struct cfg_tunnel *cfg_tunnel_find(const struct cfg *cfg,
					 unsigned int num);

/**
 * cfg_trustpoint_find() - a PKI trustpoint by name
 * @cfg: the model
 * @name: its name
 *
 * Return: the trustpoint, or NULL.
 */
const struct cfg_trustpoint *cfg_trustpoint_find(const struct cfg *cfg,
						 const char *name);

/**
 * cfg_pool_find() - an address pool by name
 * @cfg: the model
 * @name: its name
 * @family: AF_INET ("ip local pool") or AF_INET6 ("ipv6 local pool")
 *
 * Return: the pool, or NULL.
 */
const struct cfg_pool *cfg_pool_find(const struct cfg *cfg, const char *name,
				     int family);

/**
 * cfg_authz_policy_find() - an enabled authorization policy by name
 * @cfg: the model
 * @name: its name (with local AAA and no username: the peer identity)
 *
 * Return: the policy, or NULL (unknown or disabled).
 */
const struct cfg_authz_policy *cfg_authz_policy_find(const struct cfg *cfg,
						     const char *name);

/**
 * cfg_authz_route_set() - the prefixes an authorization policy pushes
 *	to the peer (INTERNAL_IP4_SUBNET, INTERNAL_IP6_SUBNET)
 * @az: the policy
 * @out: receives the prefixes: those of "route set remote" in order,
 *	then the permit entries of "route set access-list" and of "route set
 *	access-list ipv6" in order of their sequence numbers (deny entries
 *	push nothing); duplicates are left out
 * @max: room in @out; a loaded policy has at most CFG_ROUTE_SET_MAX
 *
 * "route set interface" is not among them: its address is known at run
 * time only.
 *
 * Return: the number of prefixes in @out.
 */
unsigned int cfg_authz_route_set(const struct cfg_authz_policy *az,
				 struct cfg_addr *out, unsigned int max);

/**
 * cfg_ipsec_profile_find() - an enabled IPsec profile by name
 * @cfg: the model
 * @name: its name
 *
 * Return: the profile, or NULL (unknown or disabled).
 */
const struct cfg_ipsec_profile *cfg_ipsec_profile_find(const struct cfg *cfg,
						       const char *name);

/**
 * cfg_mangle_name() - the name a name mangler derives from an identity
 * @m: the mangler
 * @src: the type of @id
 * @id: the identity, NUL-terminated: an FQDN, an email address, a
 *	distinguished name as an RFC 4514 string ("CN=alice,O=Acme,C=US":
 *	the most specific attribute first, attributes separated by ',' or
 *	'+', special characters escaped with '\' or as '\XX' hex pairs; a
 *	value in the '#' hex form is not decoded), or an EAP identity
 * @out: receives the name, NUL-terminated
 * @outlen: bytes at @out
 *
 * The rule of @m for the type of @id applies (see struct
 * cfg_name_mangler):
 *
 * - FQDN: "host.example.com": all, hostname "host", domain "example.com"
 *   (split at the first dot);
 * - email: "user@example.com": all, username "user", domain
 *   "example.com" (split at the last @);
 * - DN: the value of the first attribute of the field, unescaped
 *   ("CN=alice,O=Acme,C=US", common-name: "alice"); domain joins every
 *   DC attribute with dots, in order ("CN=x,DC=example,DC=com":
 *   "example.com");
 * - EAP: all; dn FIELD as for a DN; prefix and suffix split at the first
 *   delimiter ("DOMAIN\user" with delimiter '\': prefix "DOMAIN", suffix
 *   "user").
 *
 * Return: the length of the name (at least 1); -ENOENT when @m has no
 * rule for @src or @id has no such part (no delimiter, no such
 * attribute, an empty part); -EINVAL when @id is not a well-formed DN
 * where one is needed, or an argument is NULL or @src unknown; -ENOSPC
 * when the name does not fit @outlen bytes.  On error @out is "" (when
 * @outlen allows).
 */
int cfg_mangle_name(const struct cfg_name_mangler *m, enum cfg_mangle_src src,
		    const char *id, char *out, size_t outlen);

/**
 * cfg_dae_client_find() - the dynamic-authorization client a request
 *	came from
 * @dae: the server's configuration
 * @from: the request's source address (a host; cfg_addr_from_sockaddr()
 *	gives the IPv4 address of a v4-mapped one)
 * @vrf: the VRF it arrived in; NULL or "" for the global table
 *
 * Return: the client, or NULL: the request is dropped
 * (DAE_DROP_UNKNOWN_CLIENT).
 */
const struct cfg_dae_client *cfg_dae_client_find(const struct cfg_dae *dae,
						 const struct cfg_addr *from,
						 const char *vrf);

/**
 * cfg_dae_client_secret() - the shared secret of a client
 * @dae: the server's configuration
 * @c: one of its clients
 *
 * Return: the client's "server-key", else the block's (after load, one
 * of them exists), NUL-terminated.
 */
const char *cfg_dae_client_secret(const struct cfg_dae *dae,
				  const struct cfg_dae_client *c);

/**
 * cfg_profile_find() - an IKEv2 profile by name
 * @cfg: the model
 * @name: its name
 *
 * Return: the profile, or NULL.
 */
const struct cfg_profile *cfg_profile_find(const struct cfg *cfg,
					   const char *name);

#endif /* FLEXVTI_CFG_H */
