// SPDX-License-Identifier: GPL-2.0-only
/*
 * Security associations of flexvti interfaces: the words of "flexvtictl
 * sa add|del|swap|show", their attributes in requests and replies, and
 * their printed form.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/flexvti.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include "json.h"
#include "kern_sa.h"
#include "util.h"

static const char *const kern_sa_dirs[] = {
	[FLEXVTI_SA_DIR_IN]	= "in",
	[FLEXVTI_SA_DIR_OUT]	= "out",
};

static const char *const kern_sa_algs[] = {
	[FLEXVTI_SA_ALG_AES_GCM]		= "aes-gcm",
	[FLEXVTI_SA_ALG_CHACHA20_POLY1305]	= "chacha20-poly1305",
	[FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA1]	= "aes-cbc-sha1",
	[FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA256]	= "aes-cbc-sha256",
	[FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA384]	= "aes-cbc-sha384",
	[FLEXVTI_SA_ALG_AES_CBC_HMAC_SHA512]	= "aes-cbc-sha512",
};

static const char *const kern_sa_events[] = {
	[FLEXVTI_SA_EVENT_SOFT_BYTES]		= "soft-bytes",
	[FLEXVTI_SA_EVENT_SOFT_PACKETS]		= "soft-packets",
	[FLEXVTI_SA_EVENT_HARD_BYTES]		= "hard-bytes",
	[FLEXVTI_SA_EVENT_HARD_PACKETS]		= "hard-packets",
	[FLEXVTI_SA_EVENT_SEQ_WRAP]		= "seq-wrap",
	[FLEXVTI_SA_EVENT_SEQ_EXHAUSTED]	= "seq-exhausted",
	[FLEXVTI_SA_EVENT_VA_DELETED]		= "va-deleted",
};

static const char *kern_sa_name(const char *const *names, size_t n,
				uint32_t v)
{
	return v < n && names[v] ? names[v] : "unknown";
}

/**
 * kern_sa_dir_name - a direction as the CLI spells it
 * @dir: enum flexvti_sa_dir
 *
 * Return: "in", "out" or "unknown".
 */
const char *kern_sa_dir_name(uint32_t dir)
{
	return kern_sa_name(kern_sa_dirs, ARRAY_SIZE(kern_sa_dirs), dir);
}

/**
 * kern_sa_alg_name - an algorithm as the CLI spells it
 * @alg: enum flexvti_sa_alg
 *
 * Return: "aes-gcm", "chacha20-poly1305", "aes-cbc-sha1",
 * "aes-cbc-sha256", "aes-cbc-sha384", "aes-cbc-sha512" or "unknown".
 */
const char *kern_sa_alg_name(uint32_t alg)
{
	return kern_sa_name(kern_sa_algs, ARRAY_SIZE(kern_sa_algs), alg);
}

/**
 * kern_sa_event_name - the reason of an sa-event notification, in a word
 * @event: enum flexvti_sa_event
 *
 * Return: "soft-bytes", "soft-packets", "hard-bytes", "hard-packets",
 * "seq-wrap", "seq-exhausted", "va-deleted" or "unknown".
 */
const char *kern_sa_event_name(uint32_t event)
{
	return kern_sa_name(kern_sa_events, ARRAY_SIZE(kern_sa_events), event);
}

/**
 * struct kern_sa_num - a numeric setting: its attribute and its member
 * @bit: its KERN_SA_HAS_* bit
 * @type: its FLEXVTI_A_SA_* attribute
 * @off: offset of its struct kern_sa member
 * @wide: u64 rather than u32
 */
struct kern_sa_num {
	unsigned int bit;
	int type;
	size_t off;
	bool wide;
};

#define KERN_SA_NUM(b, m, w) \
	{ KERN_SA_HAS_##b, FLEXVTI_A_SA_##b, offsetof(struct kern_sa, m), w }

static const struct kern_sa_num kern_sa_nums[] = {
	KERN_SA_NUM(DIR, dir, false),
	KERN_SA_NUM(SPI, spi, false),
	KERN_SA_NUM(ALG, alg, false),
	{ KERN_SA_HAS_ICV, FLEXVTI_A_SA_ICV_LEN,
	  offsetof(struct kern_sa, icv_len), false },
	KERN_SA_NUM(REPLAY_WINDOW, replay_window, false),
	KERN_SA_NUM(SOFT_BYTES, soft_bytes, true),
	KERN_SA_NUM(HARD_BYTES, hard_bytes, true),
	KERN_SA_NUM(SOFT_PACKETS, soft_packets, true),
	KERN_SA_NUM(HARD_PACKETS, hard_packets, true),
	KERN_SA_NUM(SEQ, seq, true),
	KERN_SA_NUM(EVENT, event, false),
};

static const struct kern_sa_num *kern_sa_num_of(unsigned int bit)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kern_sa_nums); i++)
		if (kern_sa_nums[i].bit == bit)
			return &kern_sa_nums[i];
	return NULL;
}

static void kern_sa_num_set(struct kern_sa *sa, const struct kern_sa_num *n,
			    uint64_t v)
{
	uint32_t v32 = (uint32_t)v;

	if (n->wide)
		memcpy((char *)sa + n->off, &v, sizeof(v));
	else
		memcpy((char *)sa + n->off, &v32, sizeof(v32));
}

static uint64_t kern_sa_num_get(const struct kern_sa *sa,
				const struct kern_sa_num *n)
{
	uint32_t v32;
	uint64_t v;

	if (n->wide) {
		memcpy(&v, (const char *)sa + n->off, sizeof(v));
		return v;
	}
	memcpy(&v32, (const char *)sa + n->off, sizeof(v32));
	return v32;
}

/* the key settings: their attributes and members */
static struct kern_sa_key *kern_sa_key_of(struct kern_sa *sa,
					  unsigned int bit, int *type)
{
	switch (bit) {
	case KERN_SA_HAS_KEY:
		*type = FLEXVTI_A_SA_KEY;
		return &sa->key;
	case KERN_SA_HAS_SALT:
		*type = FLEXVTI_A_SA_SALT;
		return &sa->salt;
	default:
		*type = FLEXVTI_A_SA_AUTH_KEY;
		return &sa->auth_key;
	}
}

static __printf(3, 4)
int kern_sa_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static int kern_sa_parse_name(const char *word, const char *const *names,
			      size_t n, uint32_t *v)
{
	uint32_t i;

	for (i = 1; i < n; i++) {
		if (names[i] && !strcmp(word, names[i])) {
			*v = i;
			return 0;
		}
	}
	return -EINVAL;
}

/* decimal, or hexadecimal after "0x" when @hex_ok; no sign, no blanks */
static int kern_sa_parse_number(const char *word, bool hex_ok, uint64_t max,
				uint64_t *v)
{
	unsigned long long n;
	const char *digits = word;
	int base = 10;
	char *end;

	if (hex_ok && (!strncmp(word, "0x", 2) || !strncmp(word, "0X", 2))) {
		digits = word + 2;
		base = 16;
	}
	if (!(base == 16 ? isxdigit((unsigned char)*digits) :
			   isdigit((unsigned char)*digits)))
		return -EINVAL;
	errno = 0;
	n = strtoull(digits, &end, base);
	if (*end || errno || n > max)
		return -EINVAL;
	*v = n;
	return 0;
}

static int kern_sa_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int kern_sa_decode_hex(const char *hex, size_t n, struct kern_sa_key *k)
{
	int hi, lo;
	size_t i;

	for (i = 0; i < n / 2; i++) {
		hi = kern_sa_hex_digit(hex[2 * i]);
		lo = kern_sa_hex_digit(hex[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return -EINVAL;
		k->data[i] = (uint8_t)(hi << 4 | lo);
	}
	k->len = n / 2;
	return 0;
}

/* @n hex digits, maybe after "0x"; never puts them in @err */
static int kern_sa_parse_hex(const char *hex, size_t n, const char *what,
			     struct kern_sa_key *k, char *err, size_t errlen)
{
	if (n >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X')) {
		hex += 2;
		n -= 2;
	}
	if (!n)
		return kern_sa_err(err, errlen, "%s is empty", what);
	if (n % 2)
		return kern_sa_err(err, errlen,
				   "%s has an odd number of hex digits", what);
	if (n / 2 > KERN_SA_KEY_MAX)
		return kern_sa_err(err, errlen, "%s is longer than %d bytes",
				   what, KERN_SA_KEY_MAX);
	if (kern_sa_decode_hex(hex, n, k)) {
		explicit_bzero(k, sizeof(*k));
		return kern_sa_err(err, errlen, "%s is not hexadecimal", what);
	}
	return 0;
}

static bool kern_sa_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* reads at most @size bytes; returns how many, or -errno */
static ssize_t kern_sa_read_file(const char *path, char *buf, size_t size)
{
	size_t len = 0;
	ssize_t n = 0;
	int fd, saved;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -errno;
	while (len < size) {
		n = read(fd, buf + len, size - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += n;
	}
	saved = errno;
	close(fd);
	return n < 0 ? -saved : (ssize_t)len;
}

/* the hex digits in file @path, blanks around them allowed */
static int kern_sa_read_key(const char *path, const char *what,
			    struct kern_sa_key *k, char *err, size_t errlen)
{
	char buf[2 * KERN_SA_KEY_MAX + 64];
	size_t start = 0, end;
	ssize_t len;
	int ret;

	len = kern_sa_read_file(path, buf, sizeof(buf));
	if (len < 0) {
		ret = kern_sa_err(err, errlen, "%s: cannot read \"%s\": %s",
				  what, path, strerror((int)-len));
	} else if ((size_t)len == sizeof(buf)) {
		ret = kern_sa_err(err, errlen, "%s: \"%s\" is too long",
				  what, path);
	} else {
		end = (size_t)len;
		while (start < end && kern_sa_blank(buf[start]))
			start++;
		while (end > start && kern_sa_blank(buf[end - 1]))
			end--;
		ret = kern_sa_parse_hex(buf + start, end - start, what, k,
					err, errlen);
	}
	explicit_bzero(buf, sizeof(buf));
	return ret;
}

static int kern_sa_parse_key(const char *word, const char *what,
			     struct kern_sa_key *k, char *err, size_t errlen)
{
	if (word[0] == '@')
		return kern_sa_read_key(word + 1, what, k, err, errlen);
	return kern_sa_parse_hex(word, strlen(word), what, k, err, errlen);
}

/**
 * struct kern_sa_word - a keyword of the command line
 * @name: the keyword
 * @bit: the KERN_SA_HAS_* bit it sets
 */
struct kern_sa_word {
	const char *name;
	unsigned int bit;
};

/* the keywords that take no value */
#define KERN_SA_FLAGS	KERN_SA_HAS_ESN

static const struct kern_sa_word kern_sa_words[] = {
	{ "dir",		KERN_SA_HAS_DIR },
	{ "spi",		KERN_SA_HAS_SPI },
	{ "alg",		KERN_SA_HAS_ALG },
	{ "key",		KERN_SA_HAS_KEY },
	{ "salt",		KERN_SA_HAS_SALT },
	{ "auth-key",		KERN_SA_HAS_AUTH_KEY },
	{ "icv",		KERN_SA_HAS_ICV },
	{ "esn",		KERN_SA_HAS_ESN },
	{ "replay-window",	KERN_SA_HAS_REPLAY_WINDOW },
	{ "soft-bytes",		KERN_SA_HAS_SOFT_BYTES },
	{ "hard-bytes",		KERN_SA_HAS_HARD_BYTES },
	{ "soft-packets",	KERN_SA_HAS_SOFT_PACKETS },
	{ "hard-packets",	KERN_SA_HAS_HARD_PACKETS },
	{ "seq",		KERN_SA_HAS_SEQ },
};

static const struct kern_sa_word *kern_sa_word_find(const char *name,
						     unsigned int allowed)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kern_sa_words); i++)
		if ((allowed & kern_sa_words[i].bit) &&
		    !strcmp(name, kern_sa_words[i].name))
			return &kern_sa_words[i];
	return NULL;
}

static int kern_sa_parse_dir(const char *val, struct kern_sa *sa, char *err,
			     size_t errlen)
{
	if (kern_sa_parse_name(val, kern_sa_dirs, ARRAY_SIZE(kern_sa_dirs),
			       &sa->dir))
		return kern_sa_err(err, errlen,
				   "unknown direction \"%s\" (in or out)", val);
	return 0;
}

static int kern_sa_parse_alg(const char *val, struct kern_sa *sa, char *err,
			     size_t errlen)
{
	if (kern_sa_parse_name(val, kern_sa_algs, ARRAY_SIZE(kern_sa_algs),
			       &sa->alg))
		return kern_sa_err(err, errlen,
				   "unknown algorithm \"%s\" (aes-gcm, chacha20-poly1305, aes-cbc-sha1, aes-cbc-sha256, aes-cbc-sha384 or aes-cbc-sha512)",
				   val);
	return 0;
}

static int kern_sa_parse_num(const struct kern_sa_word *w, const char *val,
			     struct kern_sa *sa, char *err, size_t errlen)
{
	const struct kern_sa_num *n = kern_sa_num_of(w->bit);
	uint64_t max = n->wide ? UINT64_MAX : UINT32_MAX, v;
	bool spi = w->bit == KERN_SA_HAS_SPI;

	if (kern_sa_parse_number(val, spi, max, &v))
		return kern_sa_err(err, errlen,
				   "%s \"%s\" is not a number from 0 to %" PRIu64 "%s",
				   w->name, val, max,
				   spi ? " (decimal or 0x-hex)" : "");
	kern_sa_num_set(sa, n, v);
	return 0;
}

static int kern_sa_parse_value(const struct kern_sa_word *w, const char *val,
			       struct kern_sa *sa, char *err, size_t errlen)
{
	int type;

	if (w->bit & KERN_SA_HAS_KEYS)
		return kern_sa_parse_key(val, w->name,
					 kern_sa_key_of(sa, w->bit, &type),
					 err, errlen);
	if (w->bit == KERN_SA_HAS_DIR)
		return kern_sa_parse_dir(val, sa, err, errlen);
	if (w->bit == KERN_SA_HAS_ALG)
		return kern_sa_parse_alg(val, sa, err, errlen);
	return kern_sa_parse_num(w, val, sa, err, errlen);
}

static int kern_sa_parse_words(int argc, char **argv, unsigned int allowed,
			       struct kern_sa *sa, char *err, size_t errlen)
{
	const struct kern_sa_word *w;
	int i, ret;

	for (i = 0; i < argc; i += (w->bit & KERN_SA_FLAGS) ? 1 : 2) {
		w = kern_sa_word_find(argv[i], allowed);
		if (!w)
			return kern_sa_err(err, errlen,
					   "unknown setting \"%s\"", argv[i]);
		if (sa->has & w->bit)
			return kern_sa_err(err, errlen, "%s given twice",
					   w->name);
		if (w->bit & KERN_SA_FLAGS) {
			sa->esn = true;
		} else if (i + 1 >= argc) {
			return kern_sa_err(err, errlen, "%s needs a value",
					   w->name);
		} else {
			ret = kern_sa_parse_value(w, argv[i + 1], sa, err,
						  errlen);
			if (ret)
				return ret;
		}
		sa->has |= w->bit;
	}
	return 0;
}

static int kern_sa_check_required(const struct kern_sa *sa,
				  unsigned int required, char *err,
				  size_t errlen)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kern_sa_words); i++)
		if ((required & kern_sa_words[i].bit) &&
		    !(sa->has & kern_sa_words[i].bit))
			return kern_sa_err(err, errlen, "missing %s",
					   kern_sa_words[i].name);
	return 0;
}

/**
 * kern_sa_parse_args - parse the words of an SA command into settings
 * @argc: number of words
 * @argv: the words: dir in|out, spi SPI (decimal or 0x-hex u32), alg ALG,
 *	key KEY, salt KEY, auth-key KEY, icv N, esn (no value),
 *	replay-window N (N decimal u32), soft-bytes N, hard-bytes N,
 *	soft-packets N, hard-packets N, seq N (N decimal u64).  A KEY is hex
 *	digits, maybe after "0x", or "@PATH" to read them from file PATH.
 * @allowed: KERN_SA_HAS_* bits of the keywords accepted here
 * @required: KERN_SA_HAS_* bits of the keywords that must be given
 * @sa: receives the settings; sa->has tells which were given.  Should be
 *	zeroed by the caller.
 * @err: receives a message naming the bad word on failure; it never holds
 *	key material
 * @errlen: size of @err
 *
 * On failure every key in @sa is wiped.  On success the caller owns the
 * keys: kern_sa_put() or kern_sa_wipe() wipes them.
 *
 * Return: 0, or -EINVAL with the reason in @err.
 */
int kern_sa_parse_args(int argc, char **argv, unsigned int allowed,
		       unsigned int required, struct kern_sa *sa, char *err,
		       size_t errlen)
{
	int ret;

	ret = kern_sa_parse_words(argc, argv, allowed, sa, err, errlen);
	if (!ret)
		ret = kern_sa_check_required(sa, required, err, errlen);
	if (ret)
		kern_sa_wipe(sa);
	return ret;
}

/**
 * kern_sa_wipe - wipe the key material of an SA
 * @sa: the SA; its keys are zeroed and their KERN_SA_HAS_* bits cleared
 */
void kern_sa_wipe(struct kern_sa *sa)
{
	explicit_bzero(&sa->key, sizeof(sa->key));
	explicit_bzero(&sa->salt, sizeof(sa->salt));
	explicit_bzero(&sa->auth_key, sizeof(sa->auth_key));
	sa->has &= ~KERN_SA_HAS_KEYS;
}

static int kern_sa_put_num(struct nl_msg *msg, const struct kern_sa *sa,
			   const struct kern_sa_num *n)
{
	uint64_t v = kern_sa_num_get(sa, n);

	if (n->wide)
		return nla_put_u64(msg, n->type, v);
	return nla_put_u32(msg, n->type, (uint32_t)v);
}

static int kern_sa_put_attrs(struct kern_sa *sa, struct nl_msg *msg)
{
	const unsigned int keys[] = {
		KERN_SA_HAS_KEY, KERN_SA_HAS_SALT, KERN_SA_HAS_AUTH_KEY,
	};
	struct kern_sa_key *k;
	size_t i;
	int type;

	if (sa->ifindex && nla_put_u32(msg, FLEXVTI_A_IFINDEX, sa->ifindex))
		return -ENOMEM;
	for (i = 0; i < ARRAY_SIZE(kern_sa_nums); i++)
		if ((sa->has & kern_sa_nums[i].bit) &&
		    kern_sa_put_num(msg, sa, &kern_sa_nums[i]))
			return -ENOMEM;
	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		if (!(sa->has & keys[i]))
			continue;
		k = kern_sa_key_of(sa, keys[i], &type);
		if (nla_put(msg, type, (int)k->len, k->data))
			return -ENOMEM;
	}
	if (sa->esn && nla_put_flag(msg, FLEXVTI_A_SA_ESN))
		return -ENOMEM;
	return 0;
}

/**
 * kern_sa_put - add an SA's settings to a request, then wipe its keys
 * @sa: the settings flagged in sa->has, and the interface index unless it
 *	is 0; ESN is sent as set in sa->esn.  Its keys are wiped whether
 *	or not they fit.
 * @msg: the request, after its genl header
 *
 * The request then holds key material: free it with kern_nl_msg_free().
 *
 * Return: 0, or -ENOMEM when the message is full.
 */
int kern_sa_put(struct kern_sa *sa, struct nl_msg *msg)
{
	int err = kern_sa_put_attrs(sa, msg);

	kern_sa_wipe(sa);
	return err;
}

static const struct nla_policy kern_sa_policy[FLEXVTI_A_MAX + 1] = {
	[FLEXVTI_A_IFINDEX]		= { .type = NLA_U32 },
	[FLEXVTI_A_IFNAME]		= { .type = NLA_STRING },
	[FLEXVTI_A_STATS]		= { .type = NLA_NESTED },
	[FLEXVTI_A_SA_DIR]		= { .type = NLA_U32 },
	[FLEXVTI_A_SA_SPI]		= { .type = NLA_U32 },
	[FLEXVTI_A_SA_ALG]		= { .type = NLA_U32 },
	[FLEXVTI_A_SA_ICV_LEN]		= { .type = NLA_U32 },
	[FLEXVTI_A_SA_ESN]		= { .type = NLA_FLAG },
	[FLEXVTI_A_SA_REPLAY_WINDOW]	= { .type = NLA_U32 },
	[FLEXVTI_A_SA_SOFT_BYTES]	= { .type = NLA_U64 },
	[FLEXVTI_A_SA_HARD_BYTES]	= { .type = NLA_U64 },
	[FLEXVTI_A_SA_SOFT_PACKETS]	= { .type = NLA_U64 },
	[FLEXVTI_A_SA_HARD_PACKETS]	= { .type = NLA_U64 },
	[FLEXVTI_A_SA_SEQ]		= { .type = NLA_U64 },
	[FLEXVTI_A_SA_ACTIVE]		= { .type = NLA_FLAG },
	[FLEXVTI_A_SA_EVENT]		= { .type = NLA_U32 },
};

static int kern_sa_parse_attrs(struct nlattr **tb, struct kern_sa *sa)
{
	const struct kern_sa_num *n;
	struct nlattr *a;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kern_sa_nums); i++) {
		n = &kern_sa_nums[i];
		a = tb[n->type];
		if (!a)
			continue;
		kern_sa_num_set(sa, n, n->wide ? nla_get_u64(a) :
						 nla_get_u32(a));
		sa->has |= n->bit;
	}
	sa->esn = !!tb[FLEXVTI_A_SA_ESN];
	sa->active = !!tb[FLEXVTI_A_SA_ACTIVE];
	sa->has |= (sa->esn ? KERN_SA_HAS_ESN : 0) |
		   (sa->active ? KERN_SA_HAS_ACTIVE : 0);
	a = tb[FLEXVTI_A_STATS];
	if (a) {
		if (kern_stats_parse(nla_data(a), (size_t)nla_len(a),
				     &sa->stats))
			return -EINVAL;
		sa->has |= KERN_SA_HAS_STATS;
	}
	return 0;
}

/**
 * kern_sa_parse - read an SA from an sa-get reply or sa-event notification
 * @msg: the message; its attributes are checked against their types
 * @sa: receives the interface, the settings and state the message has
 *	(flagged in sa->has) and the counters; never key material
 *
 * Return: 0, or -EINVAL when an attribute is malformed or the interface
 * index is missing.
 */
int kern_sa_parse(struct nl_msg *msg, struct kern_sa *sa)
{
	struct nlattr *tb[FLEXVTI_A_MAX + 1];

	memset(sa, 0, sizeof(*sa));
	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, FLEXVTI_A_MAX,
			  kern_sa_policy) || !tb[FLEXVTI_A_IFINDEX])
		return -EINVAL;
	sa->ifindex = nla_get_u32(tb[FLEXVTI_A_IFINDEX]);
	if (tb[FLEXVTI_A_IFNAME])
		nla_strlcpy(sa->ifname, tb[FLEXVTI_A_IFNAME],
			    sizeof(sa->ifname));
	return kern_sa_parse_attrs(tb, sa);
}

static void kern_sa_print_json(FILE *f, const struct kern_sa *sa)
{
	fprintf(f, "{\"ifname\":");
	json_print_str(f, sa->ifname);
	fprintf(f, ",\"ifindex\":%u,\"dir\":\"%s\",\"spi\":%u,\"alg\":\"%s\"",
		sa->ifindex, kern_sa_dir_name(sa->dir), sa->spi,
		kern_sa_alg_name(sa->alg));
	fprintf(f, ",\"icv\":%u,\"esn\":%s,\"replay_window\":%u",
		sa->icv_len, sa->esn ? "true" : "false", sa->replay_window);
	fprintf(f, ",\"seq\":%" PRIu64 ",\"active\":%s", sa->seq,
		sa->active ? "true" : "false");
	fprintf(f, ",\"soft_bytes\":%" PRIu64 ",\"hard_bytes\":%" PRIu64
		",\"soft_packets\":%" PRIu64 ",\"hard_packets\":%" PRIu64,
		sa->soft_bytes, sa->hard_bytes, sa->soft_packets,
		sa->hard_packets);
	if (sa->has & KERN_SA_HAS_STATS) {
		fprintf(f, ",\"stats\":");
		kern_stats_print(f, &sa->stats, true);
	}
	fputc('}', f);
}

/**
 * kern_sa_print - print one SA
 * @f: where to
 * @sa: the SA, as read from the kernel
 * @json: one JSON object instead of text
 *
 * Text: "va1 out spi 0x00001000 alg aes-gcm icv 16 [esn] [replay-window N]
 * seq N [active]" (the kernel reports the replay window of inbound SAs
 * only), then indented by four spaces "lifetime soft-bytes N
 * hard-bytes N soft-packets N hard-packets N" and the counters
 * (kern_stats_print()) when the kernel reported them.  JSON: an object
 * with the keys ifname, ifindex, dir, spi, alg, icv, esn, replay_window,
 * seq, active, soft_bytes, hard_bytes, soft_packets, hard_packets (all
 * of them always, 0 or false when not reported) and, with the counters,
 * stats.  Never key material.
 */
void kern_sa_print(FILE *f, const struct kern_sa *sa, bool json)
{
	if (json) {
		kern_sa_print_json(f, sa);
		return;
	}
	fprintf(f, "%s %s spi 0x%08x alg %s icv %u%s", sa->ifname,
		kern_sa_dir_name(sa->dir), sa->spi, kern_sa_alg_name(sa->alg),
		sa->icv_len, sa->esn ? " esn" : "");
	if (sa->has & KERN_SA_HAS_REPLAY_WINDOW)
		fprintf(f, " replay-window %u", sa->replay_window);
	fprintf(f, " seq %" PRIu64 "%s\n", sa->seq,
		sa->active ? " active" : "");
	fprintf(f, "    lifetime soft-bytes %" PRIu64 " hard-bytes %" PRIu64
		" soft-packets %" PRIu64 " hard-packets %" PRIu64 "\n",
		sa->soft_bytes, sa->hard_bytes, sa->soft_packets,
		sa->hard_packets);
	if (sa->has & KERN_SA_HAS_STATS)
		kern_stats_print(f, &sa->stats, false);
}
