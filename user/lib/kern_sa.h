/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A security association of a flexvti interface as userspace sees it:
 * parsed from command-line words, added to a request, read from a reply,
 * printed as text or JSON.  No I/O but the printing and reading a key
 * from a file.
 *
 * Key material only ever travels from the command line into a request:
 * kern_sa_put() wipes it once it is in the message, kern_sa_parse_args()
 * wipes it when it fails, kern_sa_parse() never reads any, and the
 * printers never print any.
 */
#ifndef FLEXVTI_KERN_SA_H
#define FLEXVTI_KERN_SA_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "kern_stats.h"

struct nl_msg;

#define KERN_SA_HAS_DIR			(1u << 0)
#define KERN_SA_HAS_SPI			(1u << 1)
#define KERN_SA_HAS_ALG			(1u << 2)
#define KERN_SA_HAS_KEY			(1u << 3)
#define KERN_SA_HAS_SALT		(1u << 4)
#define KERN_SA_HAS_AUTH_KEY		(1u << 5)
#define KERN_SA_HAS_ICV			(1u << 6)
#define KERN_SA_HAS_ESN			(1u << 7)
#define KERN_SA_HAS_REPLAY_WINDOW	(1u << 8)
#define KERN_SA_HAS_SOFT_BYTES		(1u << 9)
#define KERN_SA_HAS_HARD_BYTES		(1u << 10)
#define KERN_SA_HAS_SOFT_PACKETS	(1u << 11)
#define KERN_SA_HAS_HARD_PACKETS	(1u << 12)
#define KERN_SA_HAS_SEQ			(1u << 13)
/* read from the kernel only */
#define KERN_SA_HAS_ACTIVE		(1u << 14)
#define KERN_SA_HAS_EVENT		(1u << 15)
#define KERN_SA_HAS_STATS		(1u << 16)

#define KERN_SA_HAS_KEYS \
	(KERN_SA_HAS_KEY | KERN_SA_HAS_SALT | KERN_SA_HAS_AUTH_KEY)
#define KERN_SA_HAS_LIFETIMES \
	(KERN_SA_HAS_SOFT_BYTES | KERN_SA_HAS_HARD_BYTES | \
	 KERN_SA_HAS_SOFT_PACKETS | KERN_SA_HAS_HARD_PACKETS)

/* the words of "flexvtictl sa add": allowed, and required */
#define KERN_SA_ARGS_ADD \
	(KERN_SA_HAS_DIR | KERN_SA_HAS_SPI | KERN_SA_HAS_ALG | \
	 KERN_SA_HAS_KEYS | KERN_SA_HAS_ICV | KERN_SA_HAS_ESN | \
	 KERN_SA_HAS_REPLAY_WINDOW | KERN_SA_HAS_LIFETIMES | KERN_SA_HAS_SEQ)
#define KERN_SA_ARGS_ADD_REQUIRED \
	(KERN_SA_HAS_DIR | KERN_SA_HAS_SPI | KERN_SA_HAS_ALG | KERN_SA_HAS_KEY)

/* the longest key of any algorithm: the HMAC-SHA-512 key */
#define KERN_SA_KEY_MAX		64

/**
 * struct kern_sa_key - key material
 * @len: bytes in @data
 * @data: the key
 */
struct kern_sa_key {
	size_t len;
	uint8_t data[KERN_SA_KEY_MAX];
};

/**
 * struct kern_sa - settings and state of one SA
 * @ifindex: interface index, 0 if unknown
 * @ifname: interface name, "" if unknown
 * @has: KERN_SA_HAS_* bits: which of the fields below are set
 * @dir: enum flexvti_sa_dir
 * @spi: the SPI
 * @alg: enum flexvti_sa_alg
 * @key: encryption key (write-only)
 * @salt: salt of the AEAD algorithms (write-only)
 * @auth_key: HMAC key of the AES-CBC algorithms (write-only)
 * @icv_len: bytes of integrity check value
 * @esn: extended sequence numbers; KERN_SA_HAS_ESN is set with it
 * @replay_window: packets of the anti-replay window
 * @soft_bytes: soft byte lifetime, 0 for none
 * @hard_bytes: hard byte lifetime, 0 for none
 * @soft_packets: soft packet lifetime, 0 for none
 * @hard_packets: hard packet lifetime, 0 for none
 * @seq: sequence number
 * @active: the interface's active outbound SA; KERN_SA_HAS_ACTIVE with it
 * @event: enum flexvti_sa_event of an sa-event notification
 * @stats: the SA's counters
 */
struct kern_sa {
	uint32_t ifindex;
	char ifname[IF_NAMESIZE];
	unsigned int has;
	uint32_t dir;
	uint32_t spi;
	uint32_t alg;
	struct kern_sa_key key;
	struct kern_sa_key salt;
	struct kern_sa_key auth_key;
	uint32_t icv_len;
	bool esn;
	uint32_t replay_window;
	uint64_t soft_bytes;
	uint64_t hard_bytes;
	uint64_t soft_packets;
	uint64_t hard_packets;
	uint64_t seq;
	bool active;
	uint32_t event;
	struct kern_stats stats;
};

const char *kern_sa_dir_name(uint32_t dir);
const char *kern_sa_alg_name(uint32_t alg);
const char *kern_sa_event_name(uint32_t event);
int kern_sa_parse_args(int argc, char **argv, unsigned int allowed,
		       unsigned int required, struct kern_sa *sa, char *err,
		       size_t errlen);
void kern_sa_wipe(struct kern_sa *sa);
int kern_sa_put(struct kern_sa *sa, struct nl_msg *msg);
int kern_sa_parse(struct nl_msg *msg, struct kern_sa *sa);
void kern_sa_print(FILE *f, const struct kern_sa *sa, bool json);

#endif /* FLEXVTI_KERN_SA_H */
