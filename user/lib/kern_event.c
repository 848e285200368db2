// SPDX-License-Identifier: GPL-2.0-only
/*
 * Notifications of the "events" group, printed for "flexvtictl monitor":
 * one line of text, or one JSON object, each.
 */
#include <linux/flexvti.h>

#include "json.h"
#include "kern_event.h"

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
 * kern_sa_event_name()).  JSON, one object each, with "event" (the first
 * word of the text), "ifname" and "ifindex", then for dev-change the
 * members of kern_dev_print_settings(), for dev-del "reason", for sa-event
 * "dir", "spi" (a number) and "reason".  Either ends with a newline.
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
	default:
		kern_event_print_sa(f, &e->sa, json);
		break;
	}
	if (json)
		fputc('}', f);
	fputc('\n', f);
}
