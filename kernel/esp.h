/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: ESP packet protection (RFC 4303) with the kernel crypto API.
 */
#ifndef _NET_FLEXVTI_ESP_H_
#define _NET_FLEXVTI_ESP_H_

#include <linux/in6.h>
#include <linux/skbuff.h>
#include <net/dst.h>

#include "sa.h"

/* bytes of the ESP header (SPI and sequence number) */
#define FLEXVTI_ESP_HLEN	8

/**
 * struct flexvti_tx_info - where an encrypted packet goes
 * @dst: outer route; a reference is held
 * @family: AF_INET or AF_INET6
 * @saddr4: outer source address (IPv4)
 * @daddr4: outer destination address (IPv4)
 * @saddr6: outer source address (IPv6)
 * @daddr6: outer destination address (IPv6)
 * @dsfield: outer DS field, ECN included
 * @df: htons(IP_DF) to forbid fragmenting the outer IPv4 packet
 * @sport: ESP-in-UDP: source port, network order; 0 for raw ESP
 * @dport: ESP-in-UDP: destination port, network order
 * @xnet: the packet changes network namespace
 * @headroom: bytes needed in front of the ESP header
 * @len: bytes of the inner packet, for the counters
 */
struct flexvti_tx_info {
	struct dst_entry *dst;
	u8 family;
	union {
		struct {
			__be32 saddr4;
			__be32 daddr4;
		};
		struct {
			struct in6_addr saddr6;
			struct in6_addr daddr6;
		};
	};
	u8 dsfield;
	__be16 df;
	__be16 sport;
	__be16 dport;
	bool xnet;
	unsigned int headroom;
	unsigned int len;
};

/**
 * struct flexvti_pkt - state of one packet across (asynchronous) crypto
 * @sa: the SA; a reference is held
 * @seq: the packet's full sequence number
 * @tx: outbound: where it goes
 * @dsfield: inbound: the outer DS field, for ECN decapsulation
 * @esn_save: inbound: the 4 bytes in front of the ESP header, which
 *	hold the high sequence number bits during decryption
 *
 * The IV, the aead_request and the scatterlist follow in the same
 * allocation.  FLEXVTI_SKB_CB(skb)->pkt points here.
 */
struct flexvti_pkt {
	struct flexvti_sa *sa;
	u64 seq;
	struct flexvti_tx_info tx;
	u8 dsfield;
	u8 esn_save[4];
};

struct flexvti_skb_cb {
	struct flexvti_pkt *pkt;
};

#define FLEXVTI_SKB_CB(skb) ((struct flexvti_skb_cb *)(skb)->cb)

int flexvti_esp_encrypt(struct sk_buff *skb, struct flexvti_sa *sa,
			u8 nexthdr, u64 seq,
			const struct flexvti_tx_info *tx);
int flexvti_esp_decrypt(struct sk_buff *skb, struct flexvti_sa *sa, u64 seq,
			u8 dsfield);
int flexvti_esp_trailer(struct sk_buff *skb, struct flexvti_sa *sa,
			u8 *nexthdr);
void flexvti_esp_pkt_free(struct flexvti_pkt *pkt);

#endif /* _NET_FLEXVTI_ESP_H_ */
