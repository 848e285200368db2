// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti: raw ESP (IP protocol 50) receive.
 *
 * Only one handler can own an IP protocol, so flexvti joins the xfrm4 and
 * xfrm6 ESP handler chains, as ip_vti and xfrm interfaces do.  It sits in
 * front of the kernel's own esp4/esp6 (priority above vti's 100), takes
 * the packets whose SPI belongs to one of its inbound SAs and returns
 * every other one (-EINVAL), so that the kernel's xfrm IPsec keeps
 * working beside flexvti.
 */

#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <net/dsfield.h>
#include <net/ip.h>
#include <net/ip6_route.h>
#include <net/ipv6.h>
#include <net/route.h>
#include <net/xfrm.h>

#include "input.h"
#include "rawesp.h"

#define FLEXVTI_RAWESP_PRIORITY	200

static int flexvti_rawesp4_rcv(struct sk_buff *skb)
{
	u8 ds = ipv4_get_dsfield(ip_hdr(skb));

	return flexvti_input_esp(skb, dev_net(skb->dev), ds, NULL) ? -EINVAL : 0;
}

static int flexvti_rawesp6_rcv(struct sk_buff *skb)
{
	u8 ds = ipv6_get_dsfield(ipv6_hdr(skb));

	return flexvti_input_esp(skb, dev_net(skb->dev), ds, NULL) ? -EINVAL : 0;
}

/* ESP that xfrm took from its own UDP sockets: never flexvti's */
static int flexvti_rawesp_input(struct sk_buff *skb, int nexthdr, __be32 spi,
				int encap_type)
{
	return -EINVAL;
}

/* after xfrm decrypted a packet: not flexvti's */
static int flexvti_rawesp_cb(struct sk_buff *skb, int err)
{
	return 1;
}

/* learn the outer path MTU; the kernel's handlers still see the error */
static int flexvti_rawesp4_err(struct sk_buff *skb, u32 info)
{
	if (icmp_hdr(skb)->type == ICMP_DEST_UNREACH &&
	    icmp_hdr(skb)->code == ICMP_FRAG_NEEDED)
		ipv4_update_pmtu(skb, dev_net(skb->dev), info, 0, IPPROTO_ESP);
	return -ENOENT;
}

static int flexvti_rawesp6_err(struct sk_buff *skb, struct inet6_skb_parm *opt,
			       u8 type, u8 code, int offset, __be32 info)
{
	struct net *net = dev_net(skb->dev);

	if (type == ICMPV6_PKT_TOOBIG)
		ip6_update_pmtu(skb, net, info, 0, 0, sock_net_uid(net, NULL));
	return -ENOENT;
}

static struct xfrm4_protocol flexvti_rawesp4 __read_mostly = {
	.handler	= flexvti_rawesp4_rcv,
	.input_handler	= flexvti_rawesp_input,
	.cb_handler	= flexvti_rawesp_cb,
	.err_handler	= flexvti_rawesp4_err,
	.priority	= FLEXVTI_RAWESP_PRIORITY,
};

static struct xfrm6_protocol flexvti_rawesp6 __read_mostly = {
	.handler	= flexvti_rawesp6_rcv,
	.input_handler	= flexvti_rawesp_input,
	.cb_handler	= flexvti_rawesp_cb,
	.err_handler	= flexvti_rawesp6_err,
	.priority	= FLEXVTI_RAWESP_PRIORITY,
};

/**
 * flexvti_rawesp_register - join the xfrm4 and xfrm6 ESP handler chains
 *
 * Return: 0, or a negative errno from xfrm4/6_protocol_register().
 */
int flexvti_rawesp_register(void)
{
	int err;

	err = xfrm4_protocol_register(&flexvti_rawesp4, IPPROTO_ESP);
	if (err)
		return err;
	err = xfrm6_protocol_register(&flexvti_rawesp6, IPPROTO_ESP);
	if (err)
		xfrm4_protocol_deregister(&flexvti_rawesp4, IPPROTO_ESP);
	return err;
}

/**
 * flexvti_rawesp_unregister - leave the ESP handler chains
 *
 * Waits until no packet is in the handlers any more.
 */
void flexvti_rawesp_unregister(void)
{
	xfrm6_protocol_deregister(&flexvti_rawesp6, IPPROTO_ESP);
	xfrm4_protocol_deregister(&flexvti_rawesp4, IPPROTO_ESP);
}
