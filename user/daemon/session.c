// SPDX-License-Identifier: GPL-2.0-only
/*
 * Sessions in the kernel: one virtual-access interface per session,
 * created over rtnetlink, configured and given its SAs over the flexvti
 * generic netlink family, brought up and routed over rtnetlink.  Any
 * failure deletes the interface again, so no half-made session stays.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/flexvti.h>
#include <openssl/crypto.h>

#include "../lib/ikev2.h"
#include "../lib/kern_nl.h"
#include "ike_sa.h"
#include "log.h"
#include "loop.h"
#include "pool.h"
#include "session.h"
#include "sock.h"

static struct kern_nl session_nl;	/* the flexvti genl family */
static struct kern_nl session_rtnl;	/* rtnetlink, for the interfaces */

/**
 * session_init - open the netlink sockets of the sessions
 *
 * Return: 0, or a negative errno (the module could not be loaded, say).
 */
int session_init(void)
{
	int ret = kern_link_open(&session_rtnl);

	if (ret)
		return ret;
	ret = kern_nl_open(&session_nl);
	if (ret)
		kern_nl_close(&session_rtnl);
	return ret;
}

/**
 * session_fini - close them
 */
void session_fini(void)
{
	kern_nl_close(&session_nl);
	kern_nl_close(&session_rtnl);
}

/**
 * session_genl - the daemon's socket of the flexvti genl family
 *
 * Return: the socket, for reading counters.
 */
struct kern_nl *session_genl(void)
{
	return &session_nl;
}

/**
 * session_new - a session to fill and set up
 *
 * Return: the session, zeroed, or NULL without memory.
 */
struct session *session_new(void)
{
	return calloc(1, sizeof(struct session));
}

/* the first free "vaN": the kernel refuses a name in use (-EEXIST) */
static int session_link_add(struct session *s, const struct ike_sa *sa)
{
	struct kern_dev d = {
		.has = KERN_DEV_HAS_MODE | KERN_DEV_HAS_TEMPLATE |
		       KERN_DEV_HAS_LOCAL | KERN_DEV_HAS_REMOTE,
		.mode = s->tmpl.mode,
		.template_id = s->tmpl.id,
		.family = sa->remote.ss_family,
	};
	const void *p;
	unsigned int n;
	size_t len;
	int ret;

	p = sock_addr_bytes(&sa->local, &len);
	memcpy(&d.local, p, len);
	p = sock_addr_bytes(&sa->remote, &len);
	memcpy(&d.remote, p, len);
	if (s->tmpl.nhrp_network_id) {
		d.has |= KERN_DEV_HAS_NHRP;
		d.nhrp_network_id = s->tmpl.nhrp_network_id;
	}
	for (n = 1; n < 1000000; n++) {
		snprintf(s->name, sizeof(s->name), "va%u", n);
		if (if_nametoindex(s->name))
			continue;
		ret = kern_link_add(&session_rtnl, s->name, &d);
		if (ret == -EEXIST)
			continue;
		if (ret)
			return ret;
		s->ifindex = if_nametoindex(s->name);
		return s->ifindex ? 0 : -ENODEV;
	}
	return -ENOSPC;
}

/* ESP-in-UDP on our port 4500 socket, to the peer's port (RFC 3948) */
static int session_udp(struct session *s, const struct ike_sa *sa)
{
	struct ike_sock *natt = sock_find(sa->remote.ss_family, true);
	struct kern_dev d = {
		.ifindex = s->ifindex,
		.has = KERN_DEV_HAS_UDP_SOCKET | KERN_DEV_HAS_REMOTE_PORT,
		.udp_fd = natt ? natt->lf.fd : -1,
		.remote_port = sock_addr_port(&sa->remote),
	};

	if (!natt)
		return -EAFNOSUPPORT;
	return kern_nl_dev_set(&session_nl, &d);
}

static uint32_t session_alg(const struct session_child *c)
{
	switch (c->encr->id) {
	case IKEV2_ENCR_AES_GCM_16:
		return FLEXVTI_SA_ALG_AES_GCM;
	case IKEV2_ENCR_CHACHA20_POLY1305:
		return FLEXVTI_SA_ALG_CHACHA20_POLY1305;
	}
	switch (c->integ ? c->integ->id : 0) {
	case IKEV2_INTEG_HMAC_SHA1_96:
		return FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA1;
	case IKEV2_INTEG_HMAC_SHA2_256_128:
		return FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA256;
	case IKEV2_INTEG_HMAC_SHA2_384_192:
		return FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA384;
	case IKEV2_INTEG_HMAC_SHA2_512_256:
		return FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA512;
	}
	return 0;
}

static void session_key(struct kern_sa_key *k, const uint8_t *p, size_t len)
{
	k->len = len;
	memcpy(k->data, p, len);
}

/* one SA of the CHILD_SA; kern_nl_sa_new() wipes the keys it was given */
static int session_sa_add(struct session *s, uint32_t dir)
{
	const struct session_child *c = &s->child;
	const uint8_t *key = dir == FLEXVTI_SA_DIR_IN ? c->key_in : c->key_out;
	size_t klen = c->encr->key_len - c->encr->salt_len;
	struct kern_sa sa = {
		.ifindex = s->ifindex,
		.has = KERN_SA_HAS_DIR | KERN_SA_HAS_SPI | KERN_SA_HAS_ALG |
		       KERN_SA_HAS_KEY | KERN_SA_HAS_ICV,
		.dir = dir,
		.spi = dir == FLEXVTI_SA_DIR_IN ? c->spi_in : c->spi_out,
		.alg = session_alg(c),
		.icv_len = c->integ ? c->integ->icv_len : c->encr->icv_len,
		.esn = c->esn,
		.soft_bytes = c->soft_bytes,
		.hard_bytes = c->hard_bytes,
	};
	int ret;

	session_key(&sa.key, key, klen);
	if (c->encr->salt_len) {
		sa.has |= KERN_SA_HAS_SALT;
		session_key(&sa.salt, key + klen, c->encr->salt_len);
	}
	if (c->integ) {
		sa.has |= KERN_SA_HAS_AUTH_KEY;
		session_key(&sa.auth_key, key + c->encr->key_len,
			    c->integ->key_len);
	}
	if (c->esn)
		sa.has |= KERN_SA_HAS_ESN;
	if (c->soft_bytes)
		sa.has |= KERN_SA_HAS_SOFT_BYTES;
	if (c->hard_bytes)
		sa.has |= KERN_SA_HAS_HARD_BYTES;
	ret = kern_nl_sa_new(&session_nl, &sa);
	kern_sa_wipe(&sa);
	return ret;
}

static int session_routes(struct session *s)
{
	struct route_addr src;
	unsigned int i;
	int ret;

	for (i = 0; i < s->naddr; i++) {
		bool has_src = s->tmpl.unnumbered[0] &&
			!route_ifaddr(s->tmpl.unnumbered, s->addr[i].family,
				      &src);

		ret = route_host(true, s->ifindex, &s->addr[i],
				 has_src ? &src : NULL);
		if (ret)
			return ret;
	}
	return 0;
}

static int session_kernel(struct session *s, struct ike_sa *sa)
{
	const char *step;
	int ret;

	step = "create the interface";
	ret = session_link_add(s, sa);
	if (ret)
		return ret;
	step = "hand over the UDP socket";
	if (sa->nat_local || sa->nat_remote)
		ret = session_udp(s, sa);
	if (!ret) {
		step = "install the inbound SA";
		ret = session_sa_add(s, FLEXVTI_SA_DIR_IN);
	}
	if (!ret) {
		step = "install the outbound SA";
		ret = session_sa_add(s, FLEXVTI_SA_DIR_OUT);
	}
	if (!ret) {
		step = "bring the interface up";
		ret = route_link_up(s->ifindex, s->tmpl.mtu);
	}
	if (!ret) {
		step = "route the client's addresses";
		ret = session_routes(s);
	}
	if (ret) {
		log_err("IKE SA %u: cannot %s: %s%s%s", sa->id, step,
			strerror(-ret), session_nl.extack[0] ? ": " : "",
			session_nl.extack);
		kern_link_del(&session_rtnl, s->ifindex);
		s->ifindex = 0;
	}
	return ret;
}

/**
 * session_setup - set up a filled session in the kernel and attach it
 *	to its IKE SA
 * @s: the session: template, CHILD_SA and assigned addresses filled in
 * @sa: the IKE SA
 *
 * On failure nothing is left in the kernel and @s is still the caller's.
 * The CHILD_SA keys stay in @s: the caller wipes them once it is done
 * (it may try again with another inbound SPI).
 *
 * Return: 0, -EEXIST when the inbound SPI is in use, or another negative
 * errno.
 */
int session_setup(struct session *s, struct ike_sa *sa)
{
	int ret;

	s->ike = sa;
	s->created = loop_now();
	ret = session_kernel(s, sa);
	if (ret)
		return ret;
	sa->session = s;
	log_info("IKE SA %u: session up on %s", sa->id, s->name);
	return 0;
}

/**
 * session_free - tear a session down: delete its interface (with its SAs
 *	and routes) and give its addresses back to their pools
 * @s: the session, detached from its IKE SA here
 */
void session_free(struct session *s)
{
	unsigned int i;
	int ret;

	if (s->ifindex) {
		ret = kern_link_del(&session_rtnl, s->ifindex);
		if (ret && ret != -ENODEV)
			log_warn("cannot delete %s: %s", s->name,
				 strerror(-ret));
	}
	for (i = 0; i < s->naddr; i++)
		if (s->pool[i][0])
			pool_release(s->pool[i], &s->addr[i]);
	if (s->ike)
		s->ike->session = NULL;
	OPENSSL_cleanse(s, sizeof(*s));
	free(s);
}
