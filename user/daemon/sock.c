// SPDX-License-Identifier: GPL-2.0-only
/*
 * IKE over UDP: receive with the destination address (IP_PKTINFO,
 * IPV6_RECVPKTINFO) so each reply leaves from the address the request
 * was sent to; add and strip the non-ESP marker on port 4500.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../lib/ikev2.h"
#include "../lib/util.h"
#include "log.h"
#include "sock.h"
#include "stats.h"

/* IPv4 and IPv6, each on port 500 and 4500 */
static struct ike_sock socks[4];
static int nsocks;
static ike_recv_fn sock_recv_fn;

static int sock_bind(int family, uint16_t port)
{
	struct sockaddr_storage ss = { .ss_family = family };
	int fd, on = 1;

	fd = socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)&ss;

		sin->sin_port = htons(port);
		setsockopt(fd, IPPROTO_IP, IP_PKTINFO, &on, sizeof(on));
	} else {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;

		sin6->sin6_port = htons(port);
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof(on));
		setsockopt(fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, &on, sizeof(on));
	}
	if (bind(fd, (struct sockaddr *)&ss, sizeof(ss))) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

static void sock_local(struct msghdr *mh, int family, uint16_t port,
		       struct sockaddr_storage *local)
{
	struct cmsghdr *c;

	memset(local, 0, sizeof(*local));
	local->ss_family = family;
	for (c = CMSG_FIRSTHDR(mh); c; c = CMSG_NXTHDR(mh, c)) {
		if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
			struct in_pktinfo *pi = (void *)CMSG_DATA(c);
			struct sockaddr_in *sin = (void *)local;

			sin->sin_addr = pi->ipi_addr;
			sin->sin_port = htons(port);
		} else if (c->cmsg_level == IPPROTO_IPV6 &&
			   c->cmsg_type == IPV6_PKTINFO) {
			struct in6_pktinfo *pi = (void *)CMSG_DATA(c);
			struct sockaddr_in6 *sin6 = (void *)local;

			sin6->sin6_addr = pi->ipi6_addr;
			sin6->sin6_port = htons(port);
		}
	}
}

/* a datagram on port 4500: IKE after a zero marker, or a keepalive */
static bool sock_strip_marker(struct ike_dgram *d)
{
	static const uint8_t zero[IKEV2_NON_ESP_MARKER_LEN];

	if (d->len == 1 && d->buf[0] == 0xff)
		return false;	/* NAT-keepalive, RFC 3948 §2.3 */
	if (d->len < IKEV2_NON_ESP_MARKER_LEN ||
	    memcmp(d->buf, zero, sizeof(zero))) {
		/* ESP for an SPI that flexvti.ko does not know */
		stats_inc(STAT_RX_ESP_UNKNOWN);
		return false;
	}
	d->buf += IKEV2_NON_ESP_MARKER_LEN;
	d->len -= IKEV2_NON_ESP_MARKER_LEN;
	return true;
}

static void sock_read(struct loop_fd *lf, uint32_t events)
{
	struct ike_sock *s = container_of(lf, struct ike_sock, lf);
	static uint8_t buf[IKEV2_MSG_MAX + IKEV2_NON_ESP_MARKER_LEN];
	uint8_t cbuf[CMSG_SPACE(sizeof(struct in6_pktinfo))];
	struct ike_dgram d = { .sock = s };
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr mh = {
		.msg_name = &d.remote, .msg_namelen = sizeof(d.remote),
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	ssize_t n;

	(void)events;
	for (;;) {
		mh.msg_namelen = sizeof(d.remote);
		mh.msg_controllen = sizeof(cbuf);
		n = recvmsg(lf->fd, &mh, 0);
		if (n < 0)
			break;
		d.buf = buf;
		d.len = n;
		if (mh.msg_flags & MSG_TRUNC) {
			stats_inc(STAT_RX_MALFORMED);
			continue;
		}
		if (s->natt && !sock_strip_marker(&d))
			continue;
		sock_local(&mh, s->family, s->port, &d.local);
		sock_recv_fn(&d);
	}
}

/**
 * sock_open_all - open the IKE sockets and watch them in the event loop
 * @port: the IKE port, 500
 * @natt_port: the NAT-traversal port, 4500
 * @fn: called with every IKE message received
 *
 * An address family the system lacks (no IPv6) is skipped.
 *
 * Return: 0, or a negative errno when a socket could not be bound.
 */
int sock_open_all(uint16_t port, uint16_t natt_port, ike_recv_fn fn)
{
	static const int families[] = { AF_INET, AF_INET6 };
	unsigned int i, j;
	int fd;

	sock_recv_fn = fn;
	for (i = 0; i < ARRAY_SIZE(families); i++) {
		for (j = 0; j < 2; j++) {
			struct ike_sock *s = &socks[nsocks];

			s->port = j ? natt_port : port;
			fd = sock_bind(families[i], s->port);
			if (fd == -EAFNOSUPPORT)
				break;
			if (fd < 0) {
				log_err("cannot bind UDP port %u: %s",
					s->port, strerror(-fd));
				sock_close_all();
				return fd;
			}
			s->lf.fd = fd;
			s->lf.fn = sock_read;
			s->family = families[i];
			s->natt = j;
			loop_add(&s->lf, EPOLLIN);
			nsocks++;
		}
	}
	return 0;
}

/**
 * sock_close_all - close the IKE sockets
 */
void sock_close_all(void)
{
	while (nsocks > 0) {
		nsocks--;
		loop_del(&socks[nsocks].lf);
		close(socks[nsocks].lf.fd);
	}
}

/**
 * sock_find - the IKE socket of a family and port
 * @family: AF_INET or AF_INET6
 * @natt: the port 4500 socket rather than the port 500 one
 *
 * Return: the socket, or NULL when that family is not available.
 */
struct ike_sock *sock_find(int family, bool natt)
{
	int i;

	for (i = 0; i < nsocks; i++)
		if (socks[i].family == family && socks[i].natt == natt)
			return &socks[i];
	return NULL;
}

static void sock_set_source(struct msghdr *mh, uint8_t *cbuf,
			    const struct sockaddr_storage *local)
{
	struct cmsghdr *c;

	mh->msg_control = cbuf;
	c = (struct cmsghdr *)cbuf;
	if (local->ss_family == AF_INET) {
		struct in_pktinfo pi = {
			.ipi_spec_dst =
				((const struct sockaddr_in *)local)->sin_addr,
		};

		mh->msg_controllen = CMSG_SPACE(sizeof(pi));
		c->cmsg_level = IPPROTO_IP;
		c->cmsg_type = IP_PKTINFO;
		c->cmsg_len = CMSG_LEN(sizeof(pi));
		memcpy(CMSG_DATA(c), &pi, sizeof(pi));
	} else {
		struct in6_pktinfo pi = {
			.ipi6_addr =
				((const struct sockaddr_in6 *)local)->sin6_addr,
		};

		mh->msg_controllen = CMSG_SPACE(sizeof(pi));
		c->cmsg_level = IPPROTO_IPV6;
		c->cmsg_type = IPV6_PKTINFO;
		c->cmsg_len = CMSG_LEN(sizeof(pi));
		memcpy(CMSG_DATA(c), &pi, sizeof(pi));
	}
}

static int sock_xmit(struct ike_sock *s, const struct sockaddr_storage *local,
		     const struct sockaddr_storage *remote, struct iovec *iov,
		     size_t iovlen)
{
	uint8_t cbuf[CMSG_SPACE(sizeof(struct in6_pktinfo))] = { 0 };
	struct msghdr mh = {
		.msg_name = (void *)(uintptr_t)remote,
		.msg_namelen = remote->ss_family == AF_INET ?
			sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6),
		.msg_iov = iov,
		.msg_iovlen = iovlen,
	};

	sock_set_source(&mh, cbuf, local);
	if (sendmsg(s->lf.fd, &mh, 0) < 0) {
		stats_inc(STAT_TX_ERROR);
		return -errno;
	}
	stats_inc(STAT_TX);
	return 0;
}

/**
 * sock_send - send an IKE message
 * @s: the socket (its port is the source port)
 * @local: the source address
 * @remote: the destination address and port
 * @buf: the message, without the non-ESP marker
 * @len: bytes in @buf
 *
 * Return: 0 or a negative errno.
 */
int sock_send(struct ike_sock *s, const struct sockaddr_storage *local,
	      const struct sockaddr_storage *remote, const void *buf,
	      size_t len)
{
	static uint8_t marker[IKEV2_NON_ESP_MARKER_LEN];
	struct iovec iov[2] = {
		{ marker, sizeof(marker) },
		{ (void *)(uintptr_t)buf, len },
	};

	return s->natt ? sock_xmit(s, local, remote, iov, 2) :
			 sock_xmit(s, local, remote, iov + 1, 1);
}

/**
 * sock_send_keepalive - send a NAT-keepalive packet (RFC 3948 §2.3): one
 *	octet 0xFF on the NAT traversal port, so that a NAT in front of us
 *	keeps its mapping
 * @s: the socket, a NAT traversal one
 * @local: our address
 * @remote: the peer's address and port
 *
 * Return: 0 or a negative errno.
 */
int sock_send_keepalive(struct ike_sock *s,
			const struct sockaddr_storage *local,
			const struct sockaddr_storage *remote)
{
	uint8_t ff = 0xff;
	struct iovec iov = { &ff, 1 };

	return sock_xmit(s, local, remote, &iov, 1);
}

/**
 * sock_addr_ntop - an address without its port, as text
 * @ss: the address
 * @buf: where to write it
 * @len: size of @buf, at least INET6_ADDRSTRLEN
 *
 * Return: @buf.
 */
const char *sock_addr_ntop(const struct sockaddr_storage *ss, char *buf,
			   size_t len)
{
	size_t n;

	if (!inet_ntop(ss->ss_family, sock_addr_bytes(ss, &n), buf, len))
		snprintf(buf, len, "?");
	return buf;
}

/**
 * sock_addr_str - an address and port as text, "A:P" or "[A]:P", for logs
 * @ss: the address
 *
 * Return: a static buffer, overwritten by the next call.
 */
const char *sock_addr_str(const struct sockaddr_storage *ss)
{
	static char buf[SOCK_ADDR_STRLEN];
	char a[INET6_ADDRSTRLEN];

	sock_addr_ntop(ss, a, sizeof(a));
	snprintf(buf, sizeof(buf), ss->ss_family == AF_INET6 ? "[%s]:%u" :
		 "%s:%u", a, sock_addr_port(ss));
	return buf;
}

/**
 * sock_addr_port - the port of an address
 * @ss: the address
 *
 * Return: the port, host order.
 */
uint16_t sock_addr_port(const struct sockaddr_storage *ss)
{
	if (ss->ss_family == AF_INET)
		return ntohs(((const struct sockaddr_in *)ss)->sin_port);
	return ntohs(((const struct sockaddr_in6 *)ss)->sin6_port);
}

/**
 * sock_addr_bytes - where the address bytes of an address are
 * @ss: the address
 * @len: set to 4 or 16
 *
 * Return: the bytes, network order.
 */
const void *sock_addr_bytes(const struct sockaddr_storage *ss, size_t *len)
{
	if (ss->ss_family == AF_INET) {
		*len = 4;
		return &((const struct sockaddr_in *)ss)->sin_addr;
	}
	*len = 16;
	return &((const struct sockaddr_in6 *)ss)->sin6_addr;
}

/**
 * sock_addr_equal - whether two addresses are the same
 * @a: one address
 * @b: the other
 * @port: compare the ports too
 *
 * Return: true when they are.
 */
bool sock_addr_equal(const struct sockaddr_storage *a,
		     const struct sockaddr_storage *b, bool port)
{
	const void *pa, *pb;
	size_t la, lb;

	if (a->ss_family != b->ss_family)
		return false;
	pa = sock_addr_bytes(a, &la);
	pb = sock_addr_bytes(b, &lb);
	if (memcmp(pa, pb, la))
		return false;
	return !port || sock_addr_port(a) == sock_addr_port(b);
}
