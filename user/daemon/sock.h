/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The IKE sockets: UDP 500 and 4500 (RFC 7296 §2.23, RFC 3948), for IPv4
 * and IPv6, bound to the wildcard address.  Port 4500 carries the 4-byte
 * non-ESP marker before each IKE message; its socket is also the one the
 * daemon hands to flexvti.ko for ESP-in-UDP, after which the kernel
 * consumes ESP on it and passes IKE up.
 */
#ifndef FLEXVTID_SOCK_H
#define FLEXVTID_SOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "loop.h"

/**
 * struct ike_sock - one IKE socket
 * @lf: its descriptor in the event loop
 * @family: AF_INET or AF_INET6
 * @port: bound port, host order (500 or 4500)
 * @natt: port 4500: messages carry the non-ESP marker
 */
struct ike_sock {
	struct loop_fd lf;
	int family;
	uint16_t port;
	bool natt;
};

/**
 * struct ike_dgram - a received IKE message and where it came from
 * @sock: the socket it arrived on
 * @local: the address and port it was sent to
 * @remote: the address and port it came from
 * @buf: the message, without the non-ESP marker
 * @len: bytes in @buf
 * @inner: once its SK payload is decrypted (in @buf), its plaintext
 *	payloads; NULL before
 * @inner_len: bytes at @inner
 */
struct ike_dgram {
	struct ike_sock *sock;
	struct sockaddr_storage local;
	struct sockaddr_storage remote;
	uint8_t *buf;
	size_t len;
	const uint8_t *inner;
	size_t inner_len;
};

typedef void (*ike_recv_fn)(struct ike_dgram *d);

int sock_open_all(uint16_t port, uint16_t natt_port, ike_recv_fn fn);
void sock_close_all(void);
struct ike_sock *sock_find(int family, bool natt);
int sock_send(struct ike_sock *s, const struct sockaddr_storage *local,
	      const struct sockaddr_storage *remote, const void *buf,
	      size_t len);
int sock_send_keepalive(struct ike_sock *s,
			const struct sockaddr_storage *local,
			const struct sockaddr_storage *remote);

/* room for "[IPv6 address]:port" */
#define SOCK_ADDR_STRLEN	64

const char *sock_addr_str(const struct sockaddr_storage *ss);
const char *sock_addr_ntop(const struct sockaddr_storage *ss, char *buf,
			   size_t len);
uint16_t sock_addr_port(const struct sockaddr_storage *ss);
const void *sock_addr_bytes(const struct sockaddr_storage *ss, size_t *len);
bool sock_addr_equal(const struct sockaddr_storage *a,
		     const struct sockaddr_storage *b, bool port);

#endif /* FLEXVTID_SOCK_H */
