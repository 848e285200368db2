// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti: ESP-in-UDP (RFC 3948) on a UDP socket owned by userspace.
 *
 * The IKEv2 daemon owns its NAT-T socket (UDP 4500) and hands it over by
 * file descriptor, as ovpn's peers do.  flexvti makes it a UDP tunnel
 * socket: a datagram whose first four bytes are not zero is ESP and is
 * consumed here; one that starts with the four zero bytes of the non-ESP
 * marker is IKE and goes up to the daemon unchanged, as does anything
 * too short to be ESP; a one-byte 0xff NAT-keepalive is dropped.
 *
 * The daemon keeps the socket open.  When it closes it, the interfaces
 * using it stop sending until they are given another socket; when the
 * last interface lets go of a socket that is still open, the socket is
 * a plain UDP socket again.
 */

#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/slab.h>
#include <linux/udp.h>
#include <net/dsfield.h>
#include <net/udp.h>
#include <net/udp_tunnel.h>
#include <net/xfrm.h>

#include "device.h"
#include "input.h"
#include "udp.h"

static u8 flexvti_udp_dsfield(const struct sk_buff *skb)
{
	if (ip_hdr(skb)->version == 4)
		return ipv4_get_dsfield(ip_hdr(skb));
	return ipv6_get_dsfield(ipv6_hdr(skb));
}

/*
 * encap_rcv of the socket, skb->data at the UDP header (checksum already
 * verified).  Returns 0 when the datagram was consumed, 1 to pass it up
 * to the socket.
 */
static int flexvti_udp_encap_recv(struct sock *sk, struct sk_buff *skb)
{
	struct flexvti_udp *udp = rcu_dereference_sk_user_data(sk);
	unsigned int len = skb->len - sizeof(struct udphdr);
	__be32 marker;
	u8 dsfield;

	if (!udp ||
	    !pskb_may_pull(skb, sizeof(struct udphdr) + min(len, 8U)))
		return 1;
	if (len == 1 && skb->data[sizeof(struct udphdr)] == 0xff) {
		consume_skb(skb);	/* NAT-keepalive, RFC 3948 2.3 */
		return 0;
	}
	if (len <= sizeof(struct ip_esp_hdr))
		return 1;
	memcpy(&marker, skb->data + sizeof(struct udphdr), sizeof(marker));
	if (!marker)		/* non-ESP marker: IKE, RFC 3948 2.2 */
		return 1;

	dsfield = flexvti_udp_dsfield(skb);
	__skb_pull(skb, sizeof(struct udphdr));
	skb_reset_transport_header(skb);
	if (flexvti_input_esp(skb, sock_net(sk), dsfield, udp)) {
		/* counted where the kernel's IPsec counts SPIs it lacks */
		XFRM_INC_STATS(sock_net(sk), LINUX_MIB_XFRMINNOSTATES);
		kfree_skb(skb);
	}
	return 0;
}

/* userspace closed the socket: the interfaces stop sending over it */
static void flexvti_udp_encap_destroy(struct sock *sk)
{
	struct flexvti_udp *udp;

	rcu_read_lock();
	udp = rcu_dereference_sk_user_data(sk);
	if (udp)
		WRITE_ONCE(udp->closed, true);
	rcu_read_unlock();
}

static bool flexvti_udp_is_ours(struct sock *sk)
{
	return READ_ONCE(udp_sk(sk)->encap_rcv) == flexvti_udp_encap_recv;
}

static int flexvti_udp_check(struct sock *sk, struct netlink_ext_ack *extack)
{
	if (sk->sk_type != SOCK_DGRAM || sk->sk_protocol != IPPROTO_UDP ||
	    (sk->sk_family != AF_INET && sk->sk_family != AF_INET6)) {
		NL_SET_ERR_MSG_MOD(extack, "the socket is not a UDP socket");
		return -EINVAL;
	}
	if (!inet_sk(sk)->inet_sport) {
		NL_SET_ERR_MSG_MOD(extack,
				   "the UDP socket is not bound to a port");
		return -EINVAL;
	}
	if (!flexvti_udp_is_ours(sk) &&
	    (READ_ONCE(udp_sk(sk)->encap_type) ||
	     rcu_access_pointer(sk->sk_user_data))) {
		NL_SET_ERR_MSG_MOD(extack,
				   "the UDP socket is already used by another encapsulation");
		return -EBUSY;
	}
	return 0;
}

/**
 * flexvti_udp_attach - carry ESP-in-UDP over a socket
 * @sock: a bound UDP socket (IPv4 or IPv6) of the caller
 * @extack: receives the reason of a rejection
 *
 * Makes @sock a UDP tunnel socket, or takes another reference if flexvti
 * already uses it.  The caller keeps its own reference to @sock.
 *
 * Context: process context, RTNL held (it serialises attach and detach).
 * Return: the socket's &struct flexvti_udp with a reference for the
 * caller, or ERR_PTR(-EINVAL) (not a bound UDP socket), -EBUSY (the
 * socket has another encapsulation, such as xfrm's UDP_ENCAP), -ENOMEM.
 * A failure leaves the socket as it was.
 */
struct flexvti_udp *flexvti_udp_attach(struct socket *sock,
				       struct netlink_ext_ack *extack)
{
	struct udp_tunnel_sock_cfg cfg = {
		.encap_type	= UDP_ENCAP_ESPINUDP,
		.encap_rcv	= flexvti_udp_encap_recv,
		.encap_destroy	= flexvti_udp_encap_destroy,
	};
	struct sock *sk = sock->sk;
	struct flexvti_udp *udp;
	int err;

	ASSERT_RTNL();
	err = flexvti_udp_check(sk, extack);
	if (err)
		return ERR_PTR(err);
	if (flexvti_udp_is_ours(sk)) {
		/* RTNL: only flexvti_udp_release() clears it, under RTNL */
		rcu_read_lock();
		udp = rcu_dereference_sk_user_data(sk);
		kref_get(&udp->refcount);
		rcu_read_unlock();
		return udp;
	}

	udp = kzalloc(sizeof(*udp), GFP_KERNEL);
	if (!udp)
		return ERR_PTR(-ENOMEM);
	sock_hold(sk);
	udp->sk = sk;
	kref_init(&udp->refcount);
	cfg.sk_user_data = udp;
	setup_udp_tunnel_sock(sock_net(sk), sock, &cfg);
	return udp;
}

static void flexvti_udp_free(struct rcu_head *head)
{
	struct flexvti_udp *udp = container_of(head, struct flexvti_udp, rcu);

	sock_put(udp->sk);
	kfree(udp);
}

/* the last interface let go: a socket still open is plain UDP again */
static void flexvti_udp_release(struct kref *kref)
{
	struct flexvti_udp *udp = container_of(kref, struct flexvti_udp,
					       refcount);
	struct sock *sk = udp->sk;

	WRITE_ONCE(udp_sk(sk)->encap_destroy, NULL);
	WRITE_ONCE(udp_sk(sk)->encap_rcv, NULL);
	WRITE_ONCE(udp_sk(sk)->encap_type, 0);
	rcu_assign_sk_user_data(sk, NULL);
	inet_dec_convert_csum(sk);
	/* packets in flight may still look at @udp */
	call_rcu(&udp->rcu, flexvti_udp_free);
}

/**
 * flexvti_udp_put - an interface lets go of a socket
 * @udp: the socket, from flexvti_udp_attach()
 *
 * Context: RTNL held.
 */
void flexvti_udp_put(struct flexvti_udp *udp)
{
	ASSERT_RTNL();
	kref_put(&udp->refcount, flexvti_udp_release);
}

/**
 * flexvti_udp_push - put a UDP header (RFC 3948 section 2.1) in front
 * @skb: an ESP packet, data at the ESP header, with headroom for it
 * @sport: source port, network order
 * @dport: destination port, network order
 *
 * The checksum is left zero, as RFC 3948 section 2.1 says for IPv4; the
 * IPv6 output computes it (RFC 8200 section 8.1).
 */
void flexvti_udp_push(struct sk_buff *skb, __be16 sport, __be16 dport)
{
	struct udphdr *uh;

	uh = __skb_push(skb, sizeof(*uh));
	skb_reset_transport_header(skb);
	uh->source = sport;
	uh->dest = dport;
	uh->len = htons(skb->len);
	uh->check = 0;
}
