// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti: ESP packet protection (RFC 4303) with the kernel crypto API.
 *
 * Layout of a packet while the transform works on it:
 *
 *   SPI | [seq hi] | seq lo | IV | payload | padding | pad len | next | ICV
 *   \_______ associated data (+IV) ______/ \______ encrypted ______/
 *
 * The high-order sequence number bits of ESN are not sent; for the
 * duration of the crypto call they sit between SPI and low bits, the
 * layout that rfc4106, rfc7539esp and authencesn expect (RFC 4106
 * section 5, RFC 7634 section 2.1, RFC 4303 section 3.3.2.1).  The IV is
 * passed as associated data too: the transforms skip it (AEAD) or
 * authenticate it (authenc), as ESP wants.
 *
 * A transform may complete asynchronously (-EINPROGRESS); the packet
 * state then lives in a per-packet allocation and the completion
 * callback finishes the job.  Either way, a started packet ends in
 * flexvti_output_done() or flexvti_input_done().
 */

#include <crypto/aead.h>
#include <linux/ip.h>
#include <linux/random.h>
#include <linux/scatterlist.h>
#include <linux/skbuff.h>
#include <net/esp.h>

#include "compat.h"
#include "esp.h"
#include "input.h"
#include "output.h"

static u8 *flexvti_pkt_iv(struct flexvti_pkt *pkt, struct crypto_aead *tfm)
{
	return PTR_ALIGN((u8 *)(pkt + 1), crypto_aead_alignmask(tfm) + 1);
}

static struct aead_request *flexvti_pkt_req(struct flexvti_pkt *pkt,
					    struct crypto_aead *tfm)
{
	u8 *iv = flexvti_pkt_iv(pkt, tfm);

	return PTR_ALIGN((void *)(iv + crypto_aead_ivsize(tfm)),
			 crypto_tfm_ctx_alignment());
}

static struct scatterlist *flexvti_pkt_sg(struct aead_request *req,
					  struct crypto_aead *tfm)
{
	return PTR_ALIGN((void *)((u8 *)(req + 1) + crypto_aead_reqsize(tfm)),
			 __alignof__(struct scatterlist));
}

static struct flexvti_pkt *flexvti_pkt_alloc(struct crypto_aead *tfm,
					     int nfrags)
{
	size_t len = sizeof(struct flexvti_pkt) + crypto_aead_alignmask(tfm) +
		     crypto_aead_ivsize(tfm) + crypto_tfm_ctx_alignment() +
		     sizeof(struct aead_request) + crypto_aead_reqsize(tfm) +
		     __alignof__(struct scatterlist) +
		     nfrags * sizeof(struct scatterlist);

	return kmalloc(len, GFP_ATOMIC);
}

/**
 * flexvti_esp_pkt_free - free the per-packet state of a finished packet
 * @pkt: the state; its SA reference must have been dealt with
 */
void flexvti_esp_pkt_free(struct flexvti_pkt *pkt)
{
	kfree(pkt);
}

/* put [SPI][seq hi][seq lo] in front of the IV, the data pointing at it */
static void flexvti_esp_esn_layout(struct sk_buff *skb, __be32 spi, u64 seq)
{
	__be32 *w = (__be32 *)skb_push(skb, sizeof(__be32));

	w[0] = spi;
	w[1] = htonl(upper_32_bits(seq));
}

/* the ESP header back in place after flexvti_esp_esn_layout() */
static void flexvti_esp_esn_restore(struct sk_buff *skb)
{
	__be32 *w = (__be32 *)skb->data;

	w[1] = w[0];
	__skb_pull(skb, sizeof(__be32));
}

static int flexvti_esp_crypt(struct sk_buff *skb, struct flexvti_pkt *pkt,
			     int nfrags, unsigned int assoclen,
			     unsigned int cryptlen, bool encrypt,
			     crypto_completion_t done)
{
	struct crypto_aead *tfm = pkt->sa->tfm;
	struct aead_request *req = flexvti_pkt_req(pkt, tfm);
	struct scatterlist *sg = flexvti_pkt_sg(req, tfm);
	int err;

	FLEXVTI_SKB_CB(skb)->pkt = pkt;
	sg_init_table(sg, nfrags);
	err = skb_to_sgvec(skb, sg, 0, skb->len);
	if (unlikely(err < 0))
		return err;

	aead_request_set_tfm(req, tfm);
	aead_request_set_callback(req, 0, done, skb);
	aead_request_set_crypt(req, sg, sg, cryptlen,
			       flexvti_pkt_iv(pkt, tfm));
	aead_request_set_ad(req, assoclen);
	return encrypt ? crypto_aead_encrypt(req) : crypto_aead_decrypt(req);
}

/* after encryption, in any context */
static void flexvti_esp_encrypted(struct sk_buff *skb, int err)
{
	if (FLEXVTI_SKB_CB(skb)->pkt->sa->esn)
		flexvti_esp_esn_restore(skb);
	flexvti_output_done(skb, err);
}

FLEXVTI_CRYPTO_DONE(flexvti_esp_encrypt_done, data)
{
	FLEXVTI_CRYPTO_DONE_BEGIN(data);

	flexvti_esp_encrypted(data, err);
}

/* padding, pad length and next header (RFC 4303 section 2.4) */
static int flexvti_esp_add_trailer(struct sk_buff *skb, struct flexvti_sa *sa,
				   u8 nexthdr, unsigned int *clen)
{
	unsigned int plen = skb->len;
	unsigned int padlen;
	struct sk_buff *trailer;
	int nfrags, i;
	u8 *tail;

	*clen = ALIGN(plen + 2, sa->align);
	padlen = *clen - plen - 2;
	nfrags = skb_cow_data(skb, padlen + 2 + sa->icv_len, &trailer);
	if (nfrags < 0)
		return nfrags;
	tail = skb_tail_pointer(trailer);
	for (i = 0; i < padlen; i++)
		tail[i] = i + 1;
	tail[padlen] = padlen;
	tail[padlen + 1] = nexthdr;
	pskb_put(skb, trailer, padlen + 2 + sa->icv_len);
	return nfrags;
}

/* ESP header and IV: the sequence number for the AEADs (RFC 4106
 * section 3.1 counter IV), random for CBC (RFC 3602 section 2.3)
 */
static void flexvti_esp_add_header(struct sk_buff *skb, struct flexvti_sa *sa,
				   u64 seq, u8 *iv)
{
	__be64 counter = cpu_to_be64(seq);
	struct ip_esp_hdr *esph;

	esph = skb_push(skb, FLEXVTI_ESP_HLEN + sa->iv_len);
	esph->spi = htonl(sa->spi);
	esph->seq_no = htonl(lower_32_bits(seq));
	if (sa->align == 16)
		get_random_bytes(iv, sa->iv_len);
	else
		memcpy(iv, &counter, sizeof(counter));
	memcpy(esph + 1, iv, sa->iv_len);
}

/**
 * flexvti_esp_encrypt - turn an inner packet into an ESP packet
 * @skb: the packet, data at the inner (or GRE) header
 * @sa: the outbound SA; the reference passes to the packet
 * @nexthdr: the ESP next header (4, 41 or 47)
 * @seq: the packet's sequence number
 * @tx: where it goes; the route reference passes to the packet
 *
 * On success the packet ends in flexvti_output_done(), now or when the
 * transform completes, with the ESP header at skb->data.
 *
 * Context: softirq or process context.
 * Return: 0 when the packet was taken, or a negative errno when nothing
 * was started; the caller then still owns @skb and the references.
 */
int flexvti_esp_encrypt(struct sk_buff *skb, struct flexvti_sa *sa,
			u8 nexthdr, u64 seq,
			const struct flexvti_tx_info *tx)
{
	unsigned int hlen = FLEXVTI_ESP_HLEN + sa->iv_len;
	unsigned int clen, assoclen = hlen;
	struct flexvti_pkt *pkt;
	int nfrags, err;

	err = skb_cow_head(skb, tx->headroom + hlen + sizeof(__be32));
	if (err)
		return err;
	nfrags = flexvti_esp_add_trailer(skb, sa, nexthdr, &clen);
	if (nfrags < 0)
		return nfrags;
	pkt = flexvti_pkt_alloc(sa->tfm, nfrags);
	if (!pkt)
		return -ENOMEM;
	pkt->sa = sa;
	pkt->seq = seq;
	pkt->tx = *tx;

	flexvti_esp_add_header(skb, sa, seq, flexvti_pkt_iv(pkt, sa->tfm));
	if (sa->esn) {
		flexvti_esp_esn_layout(skb, htonl(sa->spi), seq);
		assoclen += sizeof(__be32);
	}
	err = flexvti_esp_crypt(skb, pkt, nfrags, assoclen, clen, true,
				flexvti_esp_encrypt_done);
	if (err != -EINPROGRESS)
		flexvti_esp_encrypted(skb, err);
	return 0;
}

/* after decryption, in any context */
static void flexvti_esp_decrypted(struct sk_buff *skb, int err)
{
	struct flexvti_pkt *pkt = FLEXVTI_SKB_CB(skb)->pkt;

	if (pkt->sa->esn) {
		flexvti_esp_esn_restore(skb);
		memcpy(skb->data - sizeof(__be32), pkt->esn_save,
		       sizeof(pkt->esn_save));
	}
	flexvti_input_done(skb, err);
}

FLEXVTI_CRYPTO_DONE(flexvti_esp_decrypt_done, data)
{
	FLEXVTI_CRYPTO_DONE_BEGIN(data);

	flexvti_esp_decrypted(data, err);
}

/**
 * flexvti_esp_decrypt - verify and decrypt an ESP packet
 * @skb: the packet, data at the ESP header, long enough for the SA
 *	(checked by the caller), not shared
 * @sa: the inbound SA; the reference passes to the packet
 * @seq: the packet's full sequence number
 * @dsfield: the outer DS field
 *
 * On success the packet ends in flexvti_input_done(), now or when the
 * transform completes; -EBADMSG there means the ICV did not verify.
 *
 * Context: softirq.
 * Return: 0 when the packet was taken, or a negative errno when nothing
 * was started; the caller then still owns @skb and the reference.
 */
int flexvti_esp_decrypt(struct sk_buff *skb, struct flexvti_sa *sa, u64 seq,
			u8 dsfield)
{
	unsigned int hlen = FLEXVTI_ESP_HLEN + sa->iv_len;
	unsigned int assoclen = hlen, elen = skb->len - hlen;
	struct sk_buff *trailer;
	struct flexvti_pkt *pkt;
	int nfrags, err;

	nfrags = skb_cow_data(skb, 0, &trailer);
	if (nfrags < 0)
		return nfrags;
	pkt = flexvti_pkt_alloc(sa->tfm, nfrags);
	if (!pkt)
		return -ENOMEM;
	pkt->sa = sa;
	pkt->seq = seq;
	pkt->dsfield = dsfield;
	memcpy(flexvti_pkt_iv(pkt, sa->tfm), skb->data + FLEXVTI_ESP_HLEN,
	       sa->iv_len);
	if (sa->esn) {
		memcpy(pkt->esn_save, skb->data - sizeof(__be32),
		       sizeof(pkt->esn_save));
		flexvti_esp_esn_layout(skb, htonl(sa->spi), seq);
		assoclen += sizeof(__be32);
	}
	err = flexvti_esp_crypt(skb, pkt, nfrags, assoclen, elen, false,
				flexvti_esp_decrypt_done);
	if (err != -EINPROGRESS)
		flexvti_esp_decrypted(skb, err);
	return 0;
}

/**
 * flexvti_esp_trailer - strip ESP header, IV and trailer of a decrypted
 *	packet
 * @skb: the packet, data at the ESP header
 * @sa: its SA
 * @nexthdr: receives the next header
 *
 * Return: 0, or -EINVAL when the pad length does not fit the packet.
 */
int flexvti_esp_trailer(struct sk_buff *skb, struct flexvti_sa *sa,
			u8 *nexthdr)
{
	unsigned int hlen = FLEXVTI_ESP_HLEN + sa->iv_len;
	u8 tail[2];
	int trim;

	if (skb_copy_bits(skb, skb->len - sa->icv_len - 2, tail, 2))
		return -EINVAL;
	trim = sa->icv_len + 2 + tail[0];
	if (hlen + trim > skb->len)
		return -EINVAL;
	*nexthdr = tail[1];
	if (pskb_trim(skb, skb->len - trim))
		return -EINVAL;
	__skb_pull(skb, hlen);
	skb->ip_summed = CHECKSUM_NONE;
	return 0;
}
