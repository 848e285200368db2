/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * IKEv2 wire numbers (RFC 7296 §3 and the IANA "IKEv2 Parameters"
 * registry) and the fixed-size headers of the messages, in network byte
 * order.  Shared by the payload codec, the crypto code, the configuration
 * parser and the daemon.
 */
#ifndef FLEXVTI_IKEV2_H
#define FLEXVTI_IKEV2_H

#include <stdint.h>

#define IKEV2_VERSION		0x20	/* major 2, minor 0 (§3.1) */
#define IKEV2_SPI_SIZE		8
#define IKEV2_NONCE_MIN		16	/* §3.9 */
#define IKEV2_NONCE_MAX		256
#define IKEV2_PORT		500
#define IKEV2_NATT_PORT		4500	/* RFC 3948 */
#define IKEV2_NON_ESP_MARKER_LEN 4	/* RFC 3948 §2.2 */

/* §3.1 exchange types */
enum ikev2_exchange {
	IKEV2_EXCH_IKE_SA_INIT		= 34,
	IKEV2_EXCH_IKE_AUTH		= 35,
	IKEV2_EXCH_CREATE_CHILD_SA	= 36,
	IKEV2_EXCH_INFORMATIONAL	= 37,
};

/* §3.1 header flags */
#define IKEV2_FLAG_INITIATOR	0x08
#define IKEV2_FLAG_VERSION	0x10
#define IKEV2_FLAG_RESPONSE	0x20

/* §3.2 payload types ("next payload") */
enum ikev2_payload_type {
	IKEV2_PL_NONE		= 0,
	IKEV2_PL_SA		= 33,
	IKEV2_PL_KE		= 34,
	IKEV2_PL_IDI		= 35,
	IKEV2_PL_IDR		= 36,
	IKEV2_PL_CERT		= 37,
	IKEV2_PL_CERTREQ	= 38,
	IKEV2_PL_AUTH		= 39,
	IKEV2_PL_NONCE		= 40,
	IKEV2_PL_NOTIFY		= 41,
	IKEV2_PL_DELETE		= 42,
	IKEV2_PL_VENDOR		= 43,
	IKEV2_PL_TSI		= 44,
	IKEV2_PL_TSR		= 45,
	IKEV2_PL_SK		= 46,
	IKEV2_PL_CP		= 47,
	IKEV2_PL_EAP		= 48,
	IKEV2_PL_SKF		= 53,	/* RFC 7383 */
};

/* §3.2 the critical bit of the generic payload header */
#define IKEV2_CRITICAL		0x80

/* §3.3.1 protocol IDs */
enum ikev2_proto {
	IKEV2_PROTO_IKE		= 1,
	IKEV2_PROTO_AH		= 2,
	IKEV2_PROTO_ESP		= 3,
};

/* §3.3.2 transform types */
enum ikev2_transform_type {
	IKEV2_TRANS_ENCR	= 1,
	IKEV2_TRANS_PRF		= 2,
	IKEV2_TRANS_INTEG	= 3,
	IKEV2_TRANS_DH		= 4,
	IKEV2_TRANS_ESN		= 5,
};

/* transform type 1: encryption algorithms */
enum ikev2_encr {
	IKEV2_ENCR_3DES			= 3,
	IKEV2_ENCR_NULL			= 11,
	IKEV2_ENCR_AES_CBC		= 12,	/* RFC 3602, key length attr */
	IKEV2_ENCR_AES_CTR		= 13,
	IKEV2_ENCR_AES_GCM_8		= 18,
	IKEV2_ENCR_AES_GCM_12		= 19,
	IKEV2_ENCR_AES_GCM_16		= 20,	/* RFC 4106/5282 */
	IKEV2_ENCR_CHACHA20_POLY1305	= 28,	/* RFC 7634 */
};

/* transform type 2: pseudorandom functions */
enum ikev2_prf {
	IKEV2_PRF_HMAC_MD5		= 1,
	IKEV2_PRF_HMAC_SHA1		= 2,
	IKEV2_PRF_HMAC_SHA2_256		= 5,	/* RFC 4868 */
	IKEV2_PRF_HMAC_SHA2_384		= 6,
	IKEV2_PRF_HMAC_SHA2_512		= 7,
};

/* transform type 3: integrity algorithms */
enum ikev2_integ {
	IKEV2_INTEG_NONE		= 0,
	IKEV2_INTEG_HMAC_MD5_96		= 1,
	IKEV2_INTEG_HMAC_SHA1_96	= 2,
	IKEV2_INTEG_HMAC_SHA2_256_128	= 12,	/* RFC 4868 */
	IKEV2_INTEG_HMAC_SHA2_384_192	= 13,
	IKEV2_INTEG_HMAC_SHA2_512_256	= 14,
};

/* transform type 4: Diffie-Hellman groups */
enum ikev2_dh {
	IKEV2_DH_NONE		= 0,
	IKEV2_DH_MODP_768	= 1,
	IKEV2_DH_MODP_1024	= 2,
	IKEV2_DH_MODP_1536	= 5,
	IKEV2_DH_MODP_2048	= 14,	/* RFC 3526 */
	IKEV2_DH_MODP_3072	= 15,
	IKEV2_DH_MODP_4096	= 16,
	IKEV2_DH_ECP_256	= 19,	/* RFC 5903 */
	IKEV2_DH_ECP_384	= 20,
	IKEV2_DH_ECP_521	= 21,
	IKEV2_DH_MODP_2048_256	= 24,	/* RFC 5114 */
	IKEV2_DH_CURVE25519	= 31,	/* RFC 8031 */
};

/* transform type 5: extended sequence numbers */
enum ikev2_esn {
	IKEV2_ESN_NO		= 0,
	IKEV2_ESN_YES		= 1,
};

/* §3.3.5 transform attribute: key length, in TV format */
#define IKEV2_ATTR_TV		0x8000
#define IKEV2_ATTR_KEY_LENGTH	14

/* §3.5 identification types */
enum ikev2_id_type {
	IKEV2_ID_IPV4_ADDR	= 1,
	IKEV2_ID_FQDN		= 2,
	IKEV2_ID_RFC822_ADDR	= 3,
	IKEV2_ID_IPV6_ADDR	= 5,
	IKEV2_ID_DER_ASN1_DN	= 9,
	IKEV2_ID_DER_ASN1_GN	= 10,
	IKEV2_ID_KEY_ID		= 11,
};

/* §3.8 authentication methods */
enum ikev2_auth_method {
	IKEV2_AUTH_RSA_SIG		= 1,
	IKEV2_AUTH_SHARED_KEY_MIC	= 2,
	IKEV2_AUTH_DSS_SIG		= 3,
	IKEV2_AUTH_ECDSA_256		= 9,	/* RFC 4754 */
	IKEV2_AUTH_ECDSA_384		= 10,
	IKEV2_AUTH_ECDSA_521		= 11,
	IKEV2_AUTH_DIGITAL_SIGNATURE	= 14,	/* RFC 7427 */
};

/* §3.10.1 notify message types: errors below 16384, status above */
enum ikev2_notify_type {
	IKEV2_N_UNSUPPORTED_CRITICAL_PAYLOAD	= 1,
	IKEV2_N_INVALID_IKE_SPI			= 4,
	IKEV2_N_INVALID_MAJOR_VERSION		= 5,
	IKEV2_N_INVALID_SYNTAX			= 7,
	IKEV2_N_INVALID_MESSAGE_ID		= 9,
	IKEV2_N_INVALID_SPI			= 11,
	IKEV2_N_NO_PROPOSAL_CHOSEN		= 14,
	IKEV2_N_INVALID_KE_PAYLOAD		= 17,
	IKEV2_N_AUTHENTICATION_FAILED		= 24,
	IKEV2_N_SINGLE_PAIR_REQUIRED		= 34,
	IKEV2_N_NO_ADDITIONAL_SAS		= 35,
	IKEV2_N_INTERNAL_ADDRESS_FAILURE	= 36,
	IKEV2_N_FAILED_CP_REQUIRED		= 37,
	IKEV2_N_TS_UNACCEPTABLE			= 38,
	IKEV2_N_INVALID_SELECTORS		= 39,
	IKEV2_N_TEMPORARY_FAILURE		= 43,
	IKEV2_N_CHILD_SA_NOT_FOUND		= 44,

	IKEV2_N_INITIAL_CONTACT			= 16384,
	IKEV2_N_SET_WINDOW_SIZE			= 16385,
	IKEV2_N_ADDITIONAL_TS_POSSIBLE		= 16386,
	IKEV2_N_IPCOMP_SUPPORTED		= 16387,
	IKEV2_N_NAT_DETECTION_SOURCE_IP		= 16388,
	IKEV2_N_NAT_DETECTION_DESTINATION_IP	= 16389,
	IKEV2_N_COOKIE				= 16390,
	IKEV2_N_USE_TRANSPORT_MODE		= 16391,
	IKEV2_N_HTTP_CERT_LOOKUP_SUPPORTED	= 16392,
	IKEV2_N_REKEY_SA			= 16393,
	IKEV2_N_ESP_TFC_PADDING_NOT_SUPPORTED	= 16394,
	IKEV2_N_NON_FIRST_FRAGMENTS_ALSO	= 16395,
	IKEV2_N_MOBIKE_SUPPORTED		= 16396,
	IKEV2_N_EAP_ONLY_AUTHENTICATION		= 16417,	/* RFC 5998 */
	IKEV2_N_IKEV2_FRAGMENTATION_SUPPORTED	= 16430,	/* RFC 7383 */
	IKEV2_N_SIGNATURE_HASH_ALGORITHMS	= 16431,	/* RFC 7427 */
};

/* §3.13.1 traffic selector types */
enum ikev2_ts_type {
	IKEV2_TS_IPV4_ADDR_RANGE	= 7,
	IKEV2_TS_IPV6_ADDR_RANGE	= 8,
};

/* §3.15 configuration payload types */
enum ikev2_cfg_type {
	IKEV2_CFG_REQUEST	= 1,
	IKEV2_CFG_REPLY		= 2,
	IKEV2_CFG_SET		= 3,
	IKEV2_CFG_ACK		= 4,
};

/* §3.15.1 configuration attribute types */
enum ikev2_cfg_attr {
	IKEV2_CFG_INTERNAL_IP4_ADDRESS	= 1,
	IKEV2_CFG_INTERNAL_IP4_NETMASK	= 2,
	IKEV2_CFG_INTERNAL_IP4_DNS	= 3,
	IKEV2_CFG_INTERNAL_IP4_NBNS	= 4,
	IKEV2_CFG_INTERNAL_IP4_DHCP	= 6,
	IKEV2_CFG_APPLICATION_VERSION	= 7,
	IKEV2_CFG_INTERNAL_IP6_ADDRESS	= 8,
	IKEV2_CFG_INTERNAL_IP6_DNS	= 10,
	IKEV2_CFG_INTERNAL_IP6_DHCP	= 12,
	IKEV2_CFG_INTERNAL_IP4_SUBNET	= 13,
	IKEV2_CFG_SUPPORTED_ATTRIBUTES	= 14,
	IKEV2_CFG_INTERNAL_IP6_SUBNET	= 15,
};

/* §3.1 the IKE header */
struct ikev2_hdr {
	uint8_t ispi[IKEV2_SPI_SIZE];
	uint8_t rspi[IKEV2_SPI_SIZE];
	uint8_t next_payload;
	uint8_t version;
	uint8_t exchange;
	uint8_t flags;
	uint32_t msgid;		/* network order */
	uint32_t length;	/* network order, whole message in bytes */
} __attribute__((packed));

/* §3.2 the generic payload header */
struct ikev2_gen_hdr {
	uint8_t next_payload;
	uint8_t critical;	/* IKEV2_CRITICAL, other bits reserved */
	uint16_t length;	/* network order, including this header */
} __attribute__((packed));

#define IKEV2_HDR_LEN		((int)sizeof(struct ikev2_hdr))
#define IKEV2_GEN_HDR_LEN	((int)sizeof(struct ikev2_gen_hdr))
/* a message we accept or build is never longer than this (§2) */
#define IKEV2_MSG_MAX		65535

#endif /* FLEXVTI_IKEV2_H */
