// SPDX-License-Identifier: GPL-2.0-only
/*
 * Notifications of the "events" group, printed for "flexvtictl monitor":
 * one line of text, or one JSON object, each.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/flexvti.h>

#include "json.h"
#include "kern_event.h"

/**
 * kern_event_nhrp_set - fill the addresses and packet of an nhrp-redirect
 * @r: the notification; its family, addresses and packet are set
 * @src: the source address, @alen bytes, network order
 * @dst: the destination address, likewise
 * @alen: 4 (IPv4) or 16 (IPv6)
 * @packet: the start of the packet
 * @packet_len: its bytes, at most FLEXVTI_NHRP_PACKET_MAX
 *
 * Return: 0, or -EINVAL when a length is wrong.
 */
int kern_event_nhrp_set(struct kern_nhrp_redirect *r, const void *src,
			const void *dst, size_t alen, const void *packet,
			size_t packet_len)
{
	if ((alen != 4 && alen != 16) || packet_len > sizeof(r->packet))
		return -EINVAL;
	r->family = alen == 4 ? AF_INET : AF_INET6;
	memset(&r->src, 0, sizeof(r->src));
	memset(&r->dst, 0, sizeof(r->dst));
	memcpy(&r->src, src, alen);
	memcpy(&r->dst, dst, alen);
	memcpy(r->packet, packet, packet_len);
	r->packet_len = packet_len;
	return 0;
}

/* {"event":NAME,"ifname":...,"ifindex":N, or NAME IFNAME */
static void kern_event_print_head(FILE *f, const char *name,
				  const char *ifname, uint32_t ifindex,
				  bool json)
{
	if (!json) {
		fprintf(f, "%s %s", name, ifname);
		return;
	}
	fprintf(f, "{\"event\":\"%s\",\"ifname\":", name);
	json_print_str(f, ifname);
	fprintf(f, ",\"ifindex\":%u", ifindex);
}

static void kern_event_print_change(FILE *f, const struct kern_dev *d,
				    bool json)
{
	kern_event_print_head(f, "dev-change", d->name, d->ifindex, json);
	fputc(json ? ',' : ' ', f);
	kern_dev_print_settings(f, d, json);
}

static void kern_event_print_del(FILE *f, const struct kern_event *e,
				 bool json)
{
	const char *reason = kern_dev_del_reason_name(e->del_reason);

	kern_event_print_head(f, "dev-del", e->dev.name, e->dev.ifindex, json);
	if (json)
		fprintf(f, ",\"reason\":\"%s\"", reason);
	else
		fprintf(f, " reason %s", reason);
}

static void kern_event_print_sa(FILE *f, const struct kern_sa *sa, bool json)
{
	const char *dir = kern_sa_dir_name(sa->dir);
	const char *event = kern_sa_event_name(sa->event);

	kern_event_print_head(f, "sa-event", sa->ifname, sa->ifindex, json);
	if (json)
		fprintf(f, ",\"dir\":\"%s\",\"spi\":%u,\"reason\":\"%s\"",
			dir, sa->spi, event);
	else
		fprintf(f, " dir %s spi 0x%08x event %s", dir, sa->spi,
			event);
}

static void kern_event_print_nhrp(FILE *f, const struct kern_nhrp_redirect *r,
				  bool json)
{
	char src[INET6_ADDRSTRLEN] = "?", dst[INET6_ADDRSTRLEN] = "?";
	size_t i;

	inet_ntop(r->family, &r->src, src, sizeof(src));
	inet_ntop(r->family, &r->dst, dst, sizeof(dst));
	kern_event_print_head(f, "nhrp-redirect", r->ifname, r->ifindex, json);
	if (!json) {
		fprintf(f, " network-id %u egress %u src %s dst %s",
			r->network_id, r->egress_ifindex, src, dst);
		return;
	}
	fprintf(f, ",\"network_id\":%u,\"egress_ifindex\":%u,\"src\":\"%s\","
		"\"dst\":\"%s\",\"packet\":\"", r->network_id,
		r->egress_ifindex, src, dst);
	for (i = 0; i < r->packet_len; i++)
		fprintf(f, "%02x", r->packet[i]);
	fputc('"', f);
}

/**
 * kern_event_print - print one notification
 * @f: where to
 * @e: the notification
 * @json: a JSON object instead of text
 *
 * Text, one line each:
 * "dev-change IFNAME mode M template N nhrp-network-id N [local A remote A]",
 * "dev-del IFNAME reason userspace|netns|unload",
 * "sa-event IFNAME dir in|out spi 0x%08x event REASON" (REASON as
 * kern_sa_event_name()),
 * "nhrp-redirect IFNAME network-id N egress IFINDEX src ADDR dst ADDR"
 * (IFNAME the interface the packet entered on).  JSON, one object each,
 * with "event" (the first word of the text), "ifname" and "ifindex", then
 * for dev-change the members of kern_dev_print_settings(), for dev-del
 * "reason", for sa-event "dir", "spi" (a number) and "reason", for
 * nhrp-redirect "network_id", "egress_ifindex", "src", "dst" and "packet"
 * (the packet's start in hex).  Either ends with a newline.
 */
void kern_event_print(FILE *f, const struct kern_event *e, bool json)
{
	switch (e->cmd) {
	case FLEXVTI_CMD_DEV_CHANGE_NTF:
		kern_event_print_change(f, &e->dev, json);
		break;
	case FLEXVTI_CMD_DEV_DEL_NTF:
		kern_event_print_del(f, e, json);
		break;
	case FLEXVTI_CMD_NHRP_REDIRECT_NTF:
		kern_event_print_nhrp(f, &e->nhrp, json);
		break;
	default:
		kern_event_print_sa(f, &e->sa, json);
		break;
	}
	if (json)
		fputc('}', f);
	fputc('\n', f);
}
