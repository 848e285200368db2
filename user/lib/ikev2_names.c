// SPDX-License-Identifier: GPL-2.0-only
/*
 * Names of IKEv2 numbers for logs, after the IANA "IKEv2 Parameters"
 * registry; a number without a name is printed as a decimal.
 */
#include <stdio.h>

#include "ikev2_pld.h"
#include "util.h"

struct name {
	int v;
	const char *s;
};

#define LOOKUP(t, v)	lookup(t, ARRAY_SIZE(t), v)

/* how many numbers may be printed by one log line */
#define NUM_BUFS	4

static const char *number(int v)
{
	static __thread char bufs[NUM_BUFS][12];
	static __thread unsigned int next;
	char *b = bufs[next++ % NUM_BUFS];

	snprintf(b, sizeof(bufs[0]), "%d", v);
	return b;
}

static const char *lookup(const struct name *t, size_t n, int v)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].v == v)
			return t[i].s;
	return number(v);
}

static const struct name exchanges[] = {
	{ IKEV2_EXCH_IKE_SA_INIT, "IKE_SA_INIT" },
	{ IKEV2_EXCH_IKE_AUTH, "IKE_AUTH" },
	{ IKEV2_EXCH_CREATE_CHILD_SA, "CREATE_CHILD_SA" },
	{ IKEV2_EXCH_INFORMATIONAL, "INFORMATIONAL" },
};

const char *ikev2_exchange_name(int exchange)
{
	return LOOKUP(exchanges, exchange);
}

static const struct name payloads[] = {
	{ IKEV2_PL_NONE, "NONE" },
	{ IKEV2_PL_SA, "SA" },
	{ IKEV2_PL_KE, "KE" },
	{ IKEV2_PL_IDI, "IDi" },
	{ IKEV2_PL_IDR, "IDr" },
	{ IKEV2_PL_CERT, "CERT" },
	{ IKEV2_PL_CERTREQ, "CERTREQ" },
	{ IKEV2_PL_AUTH, "AUTH" },
	{ IKEV2_PL_NONCE, "Nonce" },
	{ IKEV2_PL_NOTIFY, "N" },
	{ IKEV2_PL_DELETE, "D" },
	{ IKEV2_PL_VENDOR, "V" },
	{ IKEV2_PL_TSI, "TSi" },
	{ IKEV2_PL_TSR, "TSr" },
	{ IKEV2_PL_SK, "SK" },
	{ IKEV2_PL_CP, "CP" },
	{ IKEV2_PL_EAP, "EAP" },
	{ IKEV2_PL_SKF, "SKF" },
};

const char *ikev2_payload_name(int type)
{
	return LOOKUP(payloads, type);
}

/* notify types without a constant in ikev2.h are given as numbers */
static const struct name notifies[] = {
	{ IKEV2_N_UNSUPPORTED_CRITICAL_PAYLOAD,
	  "UNSUPPORTED_CRITICAL_PAYLOAD" },
	{ IKEV2_N_INVALID_IKE_SPI, "INVALID_IKE_SPI" },
	{ IKEV2_N_INVALID_MAJOR_VERSION, "INVALID_MAJOR_VERSION" },
	{ IKEV2_N_INVALID_SYNTAX, "INVALID_SYNTAX" },
	{ IKEV2_N_INVALID_MESSAGE_ID, "INVALID_MESSAGE_ID" },
	{ IKEV2_N_INVALID_SPI, "INVALID_SPI" },
	{ IKEV2_N_NO_PROPOSAL_CHOSEN, "NO_PROPOSAL_CHOSEN" },
	{ IKEV2_N_INVALID_KE_PAYLOAD, "INVALID_KE_PAYLOAD" },
	{ IKEV2_N_AUTHENTICATION_FAILED, "AUTHENTICATION_FAILED" },
	{ IKEV2_N_SINGLE_PAIR_REQUIRED, "SINGLE_PAIR_REQUIRED" },
	{ IKEV2_N_NO_ADDITIONAL_SAS, "NO_ADDITIONAL_SAS" },
	{ IKEV2_N_INTERNAL_ADDRESS_FAILURE, "INTERNAL_ADDRESS_FAILURE" },
	{ IKEV2_N_FAILED_CP_REQUIRED, "FAILED_CP_REQUIRED" },
	{ IKEV2_N_TS_UNACCEPTABLE, "TS_UNACCEPTABLE" },
	{ IKEV2_N_INVALID_SELECTORS, "INVALID_SELECTORS" },
	{ IKEV2_N_TEMPORARY_FAILURE, "TEMPORARY_FAILURE" },
	{ IKEV2_N_CHILD_SA_NOT_FOUND, "CHILD_SA_NOT_FOUND" },
	{ IKEV2_N_INITIAL_CONTACT, "INITIAL_CONTACT" },
	{ IKEV2_N_SET_WINDOW_SIZE, "SET_WINDOW_SIZE" },
	{ IKEV2_N_ADDITIONAL_TS_POSSIBLE, "ADDITIONAL_TS_POSSIBLE" },
	{ IKEV2_N_IPCOMP_SUPPORTED, "IPCOMP_SUPPORTED" },
	{ IKEV2_N_NAT_DETECTION_SOURCE_IP, "NAT_DETECTION_SOURCE_IP" },
	{ IKEV2_N_NAT_DETECTION_DESTINATION_IP,
	  "NAT_DETECTION_DESTINATION_IP" },
	{ IKEV2_N_COOKIE, "COOKIE" },
	{ IKEV2_N_USE_TRANSPORT_MODE, "USE_TRANSPORT_MODE" },
	{ IKEV2_N_HTTP_CERT_LOOKUP_SUPPORTED, "HTTP_CERT_LOOKUP_SUPPORTED" },
	{ IKEV2_N_REKEY_SA, "REKEY_SA" },
	{ IKEV2_N_ESP_TFC_PADDING_NOT_SUPPORTED,
	  "ESP_TFC_PADDING_NOT_SUPPORTED" },
	{ IKEV2_N_NON_FIRST_FRAGMENTS_ALSO, "NON_FIRST_FRAGMENTS_ALSO" },
	{ IKEV2_N_MOBIKE_SUPPORTED, "MOBIKE_SUPPORTED" },
	{ 16397, "ADDITIONAL_IP4_ADDRESS" },
	{ 16398, "ADDITIONAL_IP6_ADDRESS" },
	{ 16399, "NO_ADDITIONAL_ADDRESSES" },
	{ 16400, "UPDATE_SA_ADDRESSES" },
	{ 16403, "AUTH_LIFETIME" },
	{ 16404, "MULTIPLE_AUTH_SUPPORTED" },
	{ 16406, "REDIRECT_SUPPORTED" },
	{ IKEV2_N_EAP_ONLY_AUTHENTICATION, "EAP_ONLY_AUTHENTICATION" },
	{ 16418, "CHILDLESS_IKEV2_SUPPORTED" },
	{ 16420, "IKEV2_MESSAGE_ID_SYNC_SUPPORTED" },
	{ IKEV2_N_IKEV2_FRAGMENTATION_SUPPORTED,
	  "IKEV2_FRAGMENTATION_SUPPORTED" },
	{ IKEV2_N_SIGNATURE_HASH_ALGORITHMS, "SIGNATURE_HASH_ALGORITHMS" },
};

const char *ikev2_notify_name(int type)
{
	return LOOKUP(notifies, type);
}

static const struct name protos[] = {
	{ IKEV2_PROTO_IKE, "IKE" },
	{ IKEV2_PROTO_AH, "AH" },
	{ IKEV2_PROTO_ESP, "ESP" },
};

const char *ikev2_proto_name(int proto)
{
	return LOOKUP(protos, proto);
}

static const struct name transform_types[] = {
	{ IKEV2_TRANS_ENCR, "ENCR" },
	{ IKEV2_TRANS_PRF, "PRF" },
	{ IKEV2_TRANS_INTEG, "INTEG" },
	{ IKEV2_TRANS_DH, "DH" },
	{ IKEV2_TRANS_ESN, "ESN" },
};

const char *ikev2_transform_type_name(int type)
{
	return LOOKUP(transform_types, type);
}

/* IDs without a constant in ikev2.h are given as numbers */
static const struct name encrs[] = {
	{ IKEV2_ENCR_3DES, "3DES" },
	{ IKEV2_ENCR_NULL, "NULL" },
	{ IKEV2_ENCR_AES_CBC, "AES_CBC" },
	{ IKEV2_ENCR_AES_CTR, "AES_CTR" },
	{ 14, "AES_CCM_8" },
	{ 15, "AES_CCM_12" },
	{ 16, "AES_CCM_16" },
	{ IKEV2_ENCR_AES_GCM_8, "AES_GCM_8" },
	{ IKEV2_ENCR_AES_GCM_12, "AES_GCM_12" },
	{ IKEV2_ENCR_AES_GCM_16, "AES_GCM_16" },
	{ 23, "CAMELLIA_CBC" },
	{ 24, "CAMELLIA_CTR" },
	{ IKEV2_ENCR_CHACHA20_POLY1305, "CHACHA20_POLY1305" },
};

static const struct name prfs[] = {
	{ IKEV2_PRF_HMAC_MD5, "PRF_HMAC_MD5" },
	{ IKEV2_PRF_HMAC_SHA1, "PRF_HMAC_SHA1" },
	{ 4, "PRF_AES128_XCBC" },
	{ IKEV2_PRF_HMAC_SHA2_256, "PRF_HMAC_SHA2_256" },
	{ IKEV2_PRF_HMAC_SHA2_384, "PRF_HMAC_SHA2_384" },
	{ IKEV2_PRF_HMAC_SHA2_512, "PRF_HMAC_SHA2_512" },
	{ 8, "PRF_AES128_CMAC" },
};

static const struct name integs[] = {
	{ IKEV2_INTEG_NONE, "NONE" },
	{ IKEV2_INTEG_HMAC_MD5_96, "HMAC_MD5_96" },
	{ IKEV2_INTEG_HMAC_SHA1_96, "HMAC_SHA1_96" },
	{ 5, "AES_XCBC_96" },
	{ 8, "AES_CMAC_96" },
	{ IKEV2_INTEG_HMAC_SHA2_256_128, "HMAC_SHA2_256_128" },
	{ IKEV2_INTEG_HMAC_SHA2_384_192, "HMAC_SHA2_384_192" },
	{ IKEV2_INTEG_HMAC_SHA2_512_256, "HMAC_SHA2_512_256" },
};

static const struct name dhs[] = {
	{ IKEV2_DH_NONE, "NONE" },
	{ IKEV2_DH_MODP_768, "MODP_768" },
	{ IKEV2_DH_MODP_1024, "MODP_1024" },
	{ IKEV2_DH_MODP_1536, "MODP_1536" },
	{ IKEV2_DH_MODP_2048, "MODP_2048" },
	{ IKEV2_DH_MODP_3072, "MODP_3072" },
	{ IKEV2_DH_MODP_4096, "MODP_4096" },
	{ 17, "MODP_6144" },
	{ 18, "MODP_8192" },
	{ IKEV2_DH_ECP_256, "ECP_256" },
	{ IKEV2_DH_ECP_384, "ECP_384" },
	{ IKEV2_DH_ECP_521, "ECP_521" },
	{ 22, "MODP_1024_160" },
	{ 23, "MODP_2048_224" },
	{ IKEV2_DH_MODP_2048_256, "MODP_2048_256" },
	{ 25, "ECP_192" },
	{ 26, "ECP_224" },
	{ 27, "ECP_224_BP" },
	{ 28, "ECP_256_BP" },
	{ 29, "ECP_384_BP" },
	{ 30, "ECP_512_BP" },
	{ IKEV2_DH_CURVE25519, "CURVE_25519" },
	{ 32, "CURVE_448" },
};

static const struct name esns[] = {
	{ IKEV2_ESN_NO, "NO_ESN" },
	{ IKEV2_ESN_YES, "ESN" },
};

const char *ikev2_transform_name(int type, int id)
{
	switch (type) {
	case IKEV2_TRANS_ENCR:
		return LOOKUP(encrs, id);
	case IKEV2_TRANS_PRF:
		return LOOKUP(prfs, id);
	case IKEV2_TRANS_INTEG:
		return LOOKUP(integs, id);
	case IKEV2_TRANS_DH:
		return LOOKUP(dhs, id);
	case IKEV2_TRANS_ESN:
		return LOOKUP(esns, id);
	default:
		return number(id);
	}
}

static const struct name id_types[] = {
	{ IKEV2_ID_IPV4_ADDR, "IPV4_ADDR" },
	{ IKEV2_ID_FQDN, "FQDN" },
	{ IKEV2_ID_RFC822_ADDR, "RFC822_ADDR" },
	{ IKEV2_ID_IPV6_ADDR, "IPV6_ADDR" },
	{ IKEV2_ID_DER_ASN1_DN, "DER_ASN1_DN" },
	{ IKEV2_ID_DER_ASN1_GN, "DER_ASN1_GN" },
	{ IKEV2_ID_KEY_ID, "KEY_ID" },
};

const char *ikev2_id_type_name(int type)
{
	return LOOKUP(id_types, type);
}

static const struct name auth_methods[] = {
	{ IKEV2_AUTH_RSA_SIG, "RSA_SIG" },
	{ IKEV2_AUTH_SHARED_KEY_MIC, "SHARED_KEY_MIC" },
	{ IKEV2_AUTH_DSS_SIG, "DSS_SIG" },
	{ IKEV2_AUTH_ECDSA_256, "ECDSA_SHA256_P256" },
	{ IKEV2_AUTH_ECDSA_384, "ECDSA_SHA384_P384" },
	{ IKEV2_AUTH_ECDSA_521, "ECDSA_SHA512_P521" },
	{ IKEV2_AUTH_DIGITAL_SIGNATURE, "DIGITAL_SIGNATURE" },
};

const char *ikev2_auth_method_name(int method)
{
	return LOOKUP(auth_methods, method);
}

static const struct name cfg_attrs[] = {
	{ IKEV2_CFG_INTERNAL_IP4_ADDRESS, "INTERNAL_IP4_ADDRESS" },
	{ IKEV2_CFG_INTERNAL_IP4_NETMASK, "INTERNAL_IP4_NETMASK" },
	{ IKEV2_CFG_INTERNAL_IP4_DNS, "INTERNAL_IP4_DNS" },
	{ IKEV2_CFG_INTERNAL_IP4_NBNS, "INTERNAL_IP4_NBNS" },
	{ IKEV2_CFG_INTERNAL_IP4_DHCP, "INTERNAL_IP4_DHCP" },
	{ IKEV2_CFG_APPLICATION_VERSION, "APPLICATION_VERSION" },
	{ IKEV2_CFG_INTERNAL_IP6_ADDRESS, "INTERNAL_IP6_ADDRESS" },
	{ IKEV2_CFG_INTERNAL_IP6_DNS, "INTERNAL_IP6_DNS" },
	{ IKEV2_CFG_INTERNAL_IP6_DHCP, "INTERNAL_IP6_DHCP" },
	{ IKEV2_CFG_INTERNAL_IP4_SUBNET, "INTERNAL_IP4_SUBNET" },
	{ IKEV2_CFG_SUPPORTED_ATTRIBUTES, "SUPPORTED_ATTRIBUTES" },
	{ IKEV2_CFG_INTERNAL_IP6_SUBNET, "INTERNAL_IP6_SUBNET" },
};

const char *ikev2_cfg_attr_name(int type)
{
	return LOOKUP(cfg_attrs, type);
}
