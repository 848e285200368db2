// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti: ESP security associations.
 *
 * An interface has any number of SAs: inbound ones, found by SPI in a
 * module-wide table keyed by (transport namespace, SPI), so that several
 * can decrypt during a CHILD_SA rekey, and outbound ones, of which one is
 * active and encrypts (RFC 7296 section 2.8 make-before-break: the new
 * inbound SA is installed first, outbound is swapped, then the old SAs are
 * deleted by userspace).  The kernel never rekeys by itself; it reports
 * soft and hard lifetimes and sequence number exhaustion.
 *
 * The cipher work is the kernel crypto API's, with the transforms the
 * kernel's own esp4/esp6 use; keys only ever live in the transform.
 */

#include <crypto/authenc.h>
#include <linux/hashtable.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/net_namespace.h>

#include "device.h"
#include "flexvtipriv.h"
#include "netlink.h"
#include "sa.h"

/**
 * struct flexvti_sa_alg_desc - what an ESP transform needs
 * @name: kernel crypto API name
 * @esn_name: name with extended sequence numbers, when it differs
 * @key_len: the allowed encryption key lengths, bytes
 * @salt_len: bytes of salt appended to the AEAD key, 0 for none
 * @auth_key_len: bytes of HMAC key, 0 for AEAD transforms
 * @icv_default: ICV bytes when the request does not say
 * @icv_allowed: allowed ICV lengths, as a mask of BIT(bytes / 4)
 * @align: padding alignment of payload and trailer (RFC 4303 2.4)
 */
struct flexvti_sa_alg_desc {
	const char *name;
	const char *esn_name;
	u8 key_len[2];
	u8 salt_len;
	u8 auth_key_len;
	u8 icv_default;
	u16 icv_allowed;
	u8 align;
};

static const struct flexvti_sa_alg_desc flexvti_sa_algs[] = {
	[FLEXVTI_SA_ALG_AES_GCM] = {
		.name = "rfc4106(gcm(aes))",
		.key_len = { 16, 32 }, .salt_len = 4,
		.icv_default = 16, .icv_allowed = BIT(2) | BIT(3) | BIT(4),
		.align = 4,
	},
	[FLEXVTI_SA_ALG_CHACHA20_POLY1305] = {
		.name = "rfc7539esp(chacha20,poly1305)",
		.key_len = { 32, 32 }, .salt_len = 4,
		.icv_default = 16, .icv_allowed = BIT(4),
		.align = 4,
	},
	[FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA1] = {
		.name = "authenc(hmac(sha1),cbc(aes))",
		.esn_name = "authencesn(hmac(sha1),cbc(aes))",
		.key_len = { 16, 32 }, .auth_key_len = 20,
		.icv_default = 12, .icv_allowed = BIT(3),
		.align = 16,
	},
	[FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA256] = {
		.name = "authenc(hmac(sha256),cbc(aes))",
		.esn_name = "authencesn(hmac(sha256),cbc(aes))",
		.key_len = { 16, 32 }, .auth_key_len = 32,
		.icv_default = 16, .icv_allowed = BIT(4),
		.align = 16,
	},
	[FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA384] = {
		.name = "authenc(hmac(sha384),cbc(aes))",
		.esn_name = "authencesn(hmac(sha384),cbc(aes))",
		.key_len = { 16, 32 }, .auth_key_len = 48,
		.icv_default = 24, .icv_allowed = BIT(6),
		.align = 16,
	},
	[FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA512] = {
		.name = "authenc(hmac(sha512),cbc(aes))",
		.esn_name = "authencesn(hmac(sha512),cbc(aes))",
		.key_len = { 16, 32 }, .auth_key_len = 64,
		.icv_default = 32, .icv_allowed = BIT(8),
		.align = 16,
	},
};

/*
 * Inbound SAs of every namespace by (net, SPI).  Writers hold RTNL,
 * readers RCU.
 */
#define FLEXVTI_SA_HASH_BITS	12
static DEFINE_HASHTABLE(flexvti_sa_in_table, FLEXVTI_SA_HASH_BITS);

/* changes with every SA linked or unlinked, for consistent dumps */
static atomic_t flexvti_sa_gen;

/**
 * flexvti_sa_generation - a number that changes when any SA list changes
 *
 * Return: the current generation; sa-get dumps fold it into cb->seq.
 */
unsigned int flexvti_sa_generation(void)
{
	return atomic_read(&flexvti_sa_gen);
}

static u32 flexvti_sa_hash(const struct net *net, u32 spi)
{
	return spi ^ net_hash_mix(net);
}

/**
 * flexvti_sa_lookup_in - find an inbound SA by SPI
 * @net: the namespace the ESP packet arrived in
 * @spi: the packet's SPI
 *
 * Context: RCU read side; the SA stays valid until it ends.
 * Return: the SA, or NULL if flexvti owns no such SPI in @net.
 */
struct flexvti_sa *flexvti_sa_lookup_in(struct net *net, __be32 spi)
{
	u32 key = ntohl(spi);
	struct flexvti_sa *sa;

	hash_for_each_possible_rcu(flexvti_sa_in_table, sa, hnode,
				   flexvti_sa_hash(net, key))
		if (sa->spi == key && net_eq(sa->net, net))
			return sa;
	return NULL;
}

static void flexvti_sa_free_rcu(struct rcu_head *head)
{
	struct flexvti_sa *sa = container_of(head, struct flexvti_sa, rcu);

	crypto_free_aead(sa->tfm);
	flexvti_replay_destroy(&sa->replay);
	dev_put(sa->dev);
	kfree(sa);
}

static void flexvti_sa_release(struct kref *kref)
{
	struct flexvti_sa *sa = container_of(kref, struct flexvti_sa, refcount);

	call_rcu(&sa->rcu, flexvti_sa_free_rcu);
}

/**
 * flexvti_sa_put - drop a reference to an SA
 * @sa: the SA
 *
 * The last one frees the SA and its transform after an RCU grace period.
 */
void flexvti_sa_put(struct flexvti_sa *sa)
{
	kref_put(&sa->refcount, flexvti_sa_release);
}

/**
 * flexvti_sa_free_key_attrs - wipe the key material of a request
 * @attrs: the request's parsed attributes
 *
 * Zeroes FLEXVTI_A_SA_KEY, FLEXVTI_A_SA_SALT and FLEXVTI_A_SA_AUTH_KEY in
 * the request buffer itself, whether or not the request succeeded.
 */
void flexvti_sa_free_key_attrs(struct nlattr **attrs)
{
	static const int types[] = {
		FLEXVTI_A_SA_KEY, FLEXVTI_A_SA_SALT, FLEXVTI_A_SA_AUTH_KEY,
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(types); i++)
		if (attrs[types[i]])
			memzero_explicit(nla_data(attrs[types[i]]),
					 nla_len(attrs[types[i]]));
}

static int flexvti_sa_check_keys(const struct flexvti_sa_alg_desc *desc,
				 struct nlattr **attrs,
				 struct netlink_ext_ack *extack)
{
	struct nlattr *key = attrs[FLEXVTI_A_SA_KEY];
	struct nlattr *salt = attrs[FLEXVTI_A_SA_SALT];
	struct nlattr *akey = attrs[FLEXVTI_A_SA_AUTH_KEY];

	if (nla_len(key) != desc->key_len[0] &&
	    nla_len(key) != desc->key_len[1]) {
		FLEXVTI_ERR_ATTR(extack, key,
				 "wrong key length for the algorithm");
		return -EINVAL;
	}
	if (desc->salt_len && !salt) {
		FLEXVTI_ERR_ATTR(extack, key, "the algorithm needs a salt");
		return -EINVAL;
	}
	if (!desc->salt_len && salt) {
		FLEXVTI_ERR_ATTR(extack, salt, "the algorithm takes no salt");
		return -EINVAL;
	}
	if (desc->auth_key_len && !akey) {
		FLEXVTI_ERR_ATTR(extack, key,
				 "the algorithm needs an integrity key");
		return -EINVAL;
	}
	if (!desc->auth_key_len && akey) {
		FLEXVTI_ERR_ATTR(extack, akey,
				 "the algorithm takes no integrity key");
		return -EINVAL;
	}
	if (akey && nla_len(akey) != desc->auth_key_len) {
		FLEXVTI_ERR_ATTR(extack, akey,
				 "wrong integrity key length for the algorithm");
		return -EINVAL;
	}
	return 0;
}

/*
 * The key as the transform takes it: AEAD key then salt (rfc4106,
 * rfc7539esp); or an rtattr with the cipher key length, then the HMAC
 * key, then the cipher key (authenc).  The buffer is wiped after use.
 */
static int flexvti_sa_setkey(struct crypto_aead *tfm, struct nlattr **attrs)
{
	struct nlattr *key = attrs[FLEXVTI_A_SA_KEY];
	struct nlattr *salt = attrs[FLEXVTI_A_SA_SALT];
	struct nlattr *akey = attrs[FLEXVTI_A_SA_AUTH_KEY];
	struct crypto_authenc_key_param *param;
	u8 buf[RTA_SPACE(sizeof(*param)) + 64 + 32];
	struct rtattr *rta;
	unsigned int len = 0;
	int err;

	if (akey) {
		rta = (struct rtattr *)buf;
		rta->rta_type = CRYPTO_AUTHENC_KEYA_PARAM;
		rta->rta_len = RTA_LENGTH(sizeof(*param));
		param = RTA_DATA(rta);
		param->enckeylen = cpu_to_be32(nla_len(key));
		len = RTA_SPACE(sizeof(*param));
		memcpy(buf + len, nla_data(akey), nla_len(akey));
		len += nla_len(akey);
	}
	memcpy(buf + len, nla_data(key), nla_len(key));
	len += nla_len(key);
	if (salt) {
		memcpy(buf + len, nla_data(salt), nla_len(salt));
		len += nla_len(salt);
	}
	err = crypto_aead_setkey(tfm, buf, len);
	memzero_explicit(buf, sizeof(buf));
	return err;
}

static int flexvti_sa_alloc_tfm(struct flexvti_sa *sa,
				const struct flexvti_sa_alg_desc *desc,
				struct nlattr **attrs,
				struct netlink_ext_ack *extack)
{
	const char *name = sa->esn && desc->esn_name ? desc->esn_name :
			   desc->name;
	int err;

	sa->tfm = crypto_alloc_aead(name, 0, 0);
	if (IS_ERR(sa->tfm)) {
		err = PTR_ERR(sa->tfm);
		sa->tfm = NULL;
		FLEXVTI_ERR_ATTR(extack, attrs[FLEXVTI_A_SA_ALG],
				 "the kernel cannot provide this algorithm");
		return err;
	}
	err = crypto_aead_setauthsize(sa->tfm, sa->icv_len);
	if (err) {
		FLEXVTI_ERR_ATTR(extack, attrs[FLEXVTI_A_SA_ICV_LEN],
				 "ICV length refused by the algorithm");
		return err;
	}
	err = flexvti_sa_setkey(sa->tfm, attrs);
	if (err) {
		FLEXVTI_ERR_ATTR(extack, attrs[FLEXVTI_A_SA_KEY],
				 "key refused by the algorithm");
		return err;
	}
	sa->iv_len = crypto_aead_ivsize(sa->tfm);
	return 0;
}

static u64 flexvti_nla_get_u64_or(const struct nlattr *attr, u64 dflt)
{
	return attr ? nla_get_u64(attr) : dflt;
}

/* settings other than keys; checks what the policy cannot */
static int flexvti_sa_parse(struct flexvti_sa *sa, struct nlattr **attrs,
			    struct netlink_ext_ack *extack)
{
	const struct flexvti_sa_alg_desc *desc;
	struct nlattr *icv = attrs[FLEXVTI_A_SA_ICV_LEN];
	struct nlattr *seq = attrs[FLEXVTI_A_SA_SEQ];

	sa->dir = nla_get_u32(attrs[FLEXVTI_A_SA_DIR]);
	sa->spi = nla_get_u32(attrs[FLEXVTI_A_SA_SPI]);
	sa->alg = nla_get_u32(attrs[FLEXVTI_A_SA_ALG]);
	sa->esn = nla_get_flag(attrs[FLEXVTI_A_SA_ESN]);
	desc = &flexvti_sa_algs[sa->alg];
	sa->align = desc->align;
	sa->icv_len = icv ? nla_get_u32(icv) : desc->icv_default;
	if (icv && (nla_get_u32(icv) % 4 ||
		    !(BIT(nla_get_u32(icv) / 4) & desc->icv_allowed))) {
		FLEXVTI_ERR_ATTR(extack, icv,
				 "ICV length not allowed for the algorithm");
		return -EINVAL;
	}
	if (seq && !sa->esn && nla_get_u64(seq) > U32_MAX) {
		FLEXVTI_ERR_ATTR(extack, seq,
				 "sequence number above 2^32-1 needs ESN");
		return -EINVAL;
	}
	sa->soft_bytes = flexvti_nla_get_u64_or(attrs[FLEXVTI_A_SA_SOFT_BYTES], 0);
	sa->hard_bytes = flexvti_nla_get_u64_or(attrs[FLEXVTI_A_SA_HARD_BYTES], 0);
	sa->soft_packets =
		flexvti_nla_get_u64_or(attrs[FLEXVTI_A_SA_SOFT_PACKETS], 0);
	sa->hard_packets =
		flexvti_nla_get_u64_or(attrs[FLEXVTI_A_SA_HARD_PACKETS], 0);
	return flexvti_sa_check_keys(desc, attrs, extack);
}

static int flexvti_sa_init_seq(struct flexvti_sa *sa, struct nlattr **attrs,
			       struct netlink_ext_ack *extack)
{
	struct nlattr *win = attrs[FLEXVTI_A_SA_REPLAY_WINDOW];
	u64 seq = flexvti_nla_get_u64_or(attrs[FLEXVTI_A_SA_SEQ], 0);
	u32 window = win ? nla_get_u32(win) : FLEXVTI_REPLAY_WINDOW_DEFAULT;

	if (sa->dir == FLEXVTI_SA_DIR_OUT) {
		atomic64_set(&sa->seq, seq);
		window = 0;
	} else if (sa->esn && !window) {
		FLEXVTI_ERR_ATTR(extack, win,
				 "ESN needs a replay window of at least 1");
		return -EINVAL;
	}
	return flexvti_replay_init(&sa->replay, window, seq);
}

/**
 * flexvti_sa_create - make an SA from an sa-new request
 * @dev: the interface it is for
 * @attrs: the request; FLEXVTI_A_SA_DIR, _SPI, _ALG and _KEY present
 * @extack: receives the reason of a refusal
 *
 * Allocates and keys the transform.  The SA is not installed; the caller
 * does that with flexvti_sa_install() or drops it with flexvti_sa_put().
 * The key attributes are left for the caller to wipe.
 *
 * Context: process context.
 * Return: the SA, or ERR_PTR(-EINVAL) for settings that do not fit the
 * algorithm, -ENOENT when the kernel lacks the cipher, -ENOMEM.
 */
struct flexvti_sa *flexvti_sa_create(struct net_device *dev,
				     struct nlattr **attrs,
				     struct netlink_ext_ack *extack)
{
	struct flexvti_sa *sa;
	int err;

	sa = kzalloc(sizeof(*sa), GFP_KERNEL);
	if (!sa)
		return ERR_PTR(-ENOMEM);
	INIT_LIST_HEAD(&sa->va_node);
	err = flexvti_sa_parse(sa, attrs, extack);
	if (err)
		goto err_free;
	err = flexvti_sa_init_seq(sa, attrs, extack);
	if (err)
		goto err_free;
	err = flexvti_sa_alloc_tfm(sa, &flexvti_sa_algs[sa->alg], attrs,
				   extack);
	if (err)
		goto err_replay;
	kref_init(&sa->refcount);
	sa->dev = dev;
	dev_hold(dev);
	return sa;

err_replay:
	crypto_free_aead(sa->tfm);
	flexvti_replay_destroy(&sa->replay);
err_free:
	kfree(sa);
	return ERR_PTR(err);
}

/**
 * flexvti_sa_find - an SA of an interface by direction and SPI
 * @priv: the interface
 * @dir: &enum flexvti_sa_dir, or 0 for either
 * @spi: the SPI
 *
 * Context: RTNL or RCU read side.
 * Return: the SA or NULL.
 */
struct flexvti_sa *flexvti_sa_find(struct flexvti_priv *priv, u8 dir,
				   u32 spi)
{
	struct flexvti_sa *sa;

	list_for_each_entry_rcu(sa, &priv->sa_list, va_node,
				lockdep_rtnl_is_held())
		if (sa->spi == spi && (!dir || sa->dir == dir))
			return sa;
	return NULL;
}

/**
 * flexvti_sa_install - link a new SA into its interface
 * @priv: the interface
 * @sa: from flexvti_sa_create(); on success the interface owns the
 *	reference
 * @extack: receives the reason of a refusal
 *
 * An outbound SA becomes the active one if the interface has none.  An
 * inbound SA is found in the interface's transport namespace (see
 * flexvti_dev_transport_net()), which cannot change while it exists.
 *
 * Context: RTNL held.
 * Return: 0, or -EEXIST when the SPI is taken (inbound: in the transport
 * namespace; outbound: on the interface).
 */
int flexvti_sa_install(struct flexvti_priv *priv, struct flexvti_sa *sa,
		       struct netlink_ext_ack *extack)
{
	ASSERT_RTNL();

	sa->net = flexvti_dev_transport_net(priv);
	if (sa->dir == FLEXVTI_SA_DIR_IN &&
	    flexvti_sa_lookup_in(sa->net, htonl(sa->spi))) {
		NL_SET_ERR_MSG_MOD(extack, "an inbound SA with this SPI exists");
		return -EEXIST;
	}
	if (sa->dir == FLEXVTI_SA_DIR_OUT &&
	    flexvti_sa_find(priv, FLEXVTI_SA_DIR_OUT, sa->spi)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "an outbound SA with this SPI exists on the interface");
		return -EEXIST;
	}
	atomic_inc(&flexvti_sa_gen);
	list_add_tail_rcu(&sa->va_node, &priv->sa_list);
	if (sa->dir == FLEXVTI_SA_DIR_IN)
		hash_add_rcu(flexvti_sa_in_table, &sa->hnode,
			     flexvti_sa_hash(sa->net, sa->spi));
	else if (!rtnl_dereference(priv->tx_sa))
		rcu_assign_pointer(priv->tx_sa, sa);
	return 0;
}

/**
 * flexvti_sa_activate - make an outbound SA the one that encrypts
 * @priv: the interface
 * @sa: one of its outbound SAs
 *
 * Packets already being encrypted finish with the previous SA.
 *
 * Context: RTNL held.
 */
void flexvti_sa_activate(struct flexvti_priv *priv, struct flexvti_sa *sa)
{
	ASSERT_RTNL();
	rcu_assign_pointer(priv->tx_sa, sa);
}

/**
 * flexvti_sa_remove - unlink an SA and drop the interface's reference
 * @priv: the interface
 * @sa: one of its SAs
 *
 * Packets in flight keep the SA alive until they are done.
 *
 * Context: RTNL held.
 */
void flexvti_sa_remove(struct flexvti_priv *priv, struct flexvti_sa *sa)
{
	ASSERT_RTNL();

	atomic_inc(&flexvti_sa_gen);
	list_del_rcu(&sa->va_node);
	if (sa->dir == FLEXVTI_SA_DIR_IN)
		hash_del_rcu(&sa->hnode);
	if (rtnl_dereference(priv->tx_sa) == sa)
		RCU_INIT_POINTER(priv->tx_sa, NULL);
	flexvti_sa_put(sa);
}

static void flexvti_sa_event(struct flexvti_sa *sa,
			     enum flexvti_sa_event event)
{
	if (!test_and_set_bit(event, &sa->events))
		flexvti_nl_sa_event_notify(sa, event);
}

/**
 * flexvti_sa_flush - remove every SA of an interface that goes away
 * @priv: the interface
 *
 * Each SA is reported with FLEXVTI_SA_EVENT_VA_DELETED.
 *
 * Context: RTNL held.
 */
void flexvti_sa_flush(struct flexvti_priv *priv)
{
	struct flexvti_sa *sa, *tmp;

	RCU_INIT_POINTER(priv->tx_sa, NULL);
	list_for_each_entry_safe(sa, tmp, &priv->sa_list, va_node) {
		flexvti_sa_event(sa, FLEXVTI_SA_EVENT_VA_DELETED);
		flexvti_sa_remove(priv, sa);
	}
}

static void flexvti_sa_kill(struct flexvti_sa *sa, enum flexvti_sa_event event)
{
	set_bit(FLEXVTI_SA_F_DEAD, &sa->flags);
	flexvti_sa_event(sa, event);
}

/**
 * flexvti_sa_account - count a packet against the SA's lifetimes
 * @sa: the SA
 * @len: bytes of the inner packet
 *
 * Reports a soft limit once.  A packet that would pass a hard limit is
 * not counted; the SA is then dead and reported so.
 *
 * Context: any.
 * Return: false if the packet must be dropped.
 */
bool flexvti_sa_account(struct flexvti_sa *sa, unsigned int len)
{
	u64 packets = atomic64_inc_return(&sa->packets);
	u64 bytes = atomic64_add_return(len, &sa->bytes);

	if (unlikely(sa->hard_packets && packets > sa->hard_packets) ||
	    unlikely(sa->hard_bytes && bytes > sa->hard_bytes)) {
		atomic64_dec(&sa->packets);
		atomic64_sub(len, &sa->bytes);
		flexvti_sa_kill(sa, sa->hard_packets &&
				packets > sa->hard_packets ?
				FLEXVTI_SA_EVENT_HARD_PACKETS :
				FLEXVTI_SA_EVENT_HARD_BYTES);
		return false;
	}
	if (unlikely(sa->soft_packets && packets >= sa->soft_packets))
		flexvti_sa_event(sa, FLEXVTI_SA_EVENT_SOFT_PACKETS);
	if (unlikely(sa->soft_bytes && bytes >= sa->soft_bytes))
		flexvti_sa_event(sa, FLEXVTI_SA_EVENT_SOFT_BYTES);
	return true;
}

/**
 * flexvti_sa_next_seq - take the next outbound sequence number
 * @sa: an outbound SA
 *
 * Sequence numbers never cycle (RFC 4303 section 3.3.3): the last one
 * kills the SA; FLEXVTI_SA_SEQ_WRAP_MARGIN before it, userspace is told
 * to rekey.
 *
 * Context: any.
 * Return: the sequence number, or 0 if there is none left.
 */
u64 flexvti_sa_next_seq(struct flexvti_sa *sa)
{
	u64 seq = atomic64_inc_return(&sa->seq);
	u64 max = sa->esn ? U64_MAX : U32_MAX;

	if (unlikely(!seq || seq > max)) {
		flexvti_sa_kill(sa, FLEXVTI_SA_EVENT_SEQ_EXHAUSTED);
		return 0;
	}
	if (unlikely(max - seq < FLEXVTI_SA_SEQ_WRAP_MARGIN))
		flexvti_sa_event(sa, FLEXVTI_SA_EVENT_SEQ_WRAP);
	return seq;
}

/**
 * flexvti_sa_drop - count a packet the SA dropped
 * @sa: the SA
 * @reason: why
 */
void flexvti_sa_drop(struct flexvti_sa *sa, enum flexvti_drop reason)
{
	atomic64_inc(&sa->drops.n[reason]);
}

/**
 * flexvti_sa_stats - read an SA's counters
 * @sa: the SA
 * @s: filled with them; an inbound SA counts received packets, an
 *	outbound one sent packets
 */
void flexvti_sa_stats(struct flexvti_sa *sa, struct flexvti_stats *s)
{
	u64 packets = atomic64_read(&sa->packets);
	u64 bytes = atomic64_read(&sa->bytes);

	memset(s, 0, sizeof(*s));
	if (sa->dir == FLEXVTI_SA_DIR_IN) {
		s->rx_packets = packets;
		s->rx_bytes = bytes;
	} else {
		s->tx_packets = packets;
		s->tx_bytes = bytes;
	}
	flexvti_drops_read(&sa->drops, s);
}
