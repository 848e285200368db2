// SPDX-License-Identifier: GPL-2.0-only
/*
 * MPLS on the interface of a session (mpls.h): the per-interface sysctl
 * of Linux's MPLS stack, written through /proc/sys in the daemon's
 * network namespace, and the MPLS settings a session takes from its
 * template or tunnel.
 */
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <linux/flexvti.h>

#include "../lib/cfg.h"
#include "mpls.h"
#include "session.h"

/* present while mpls_router is loaded */
#define MPLS_SYSCTL_DIR		"/proc/sys/net/mpls"

_Static_assert(CFG_MPLS_LABELS_MAX == FLEXVTI_MPLS_LABELS_MAX,
	       "a configured label stack fits the kernel's");
_Static_assert(CFG_MPLS_LABEL_MIN == FLEXVTI_MPLS_LABEL_MIN,
	       "the smallest label is the kernel's");
_Static_assert(CFG_MPLS_LABEL_MAX == FLEXVTI_MPLS_LABEL_MAX,
	       "the largest label is the kernel's");

/**
 * mpls_input_enable - let Linux's MPLS stack take the labelled packets
 *	that arrive on an interface: net.mpls.conf.IFNAME.input = 1
 * @ifname: the interface, in the daemon's network namespace
 *
 * The setting belongs to the interface: it goes with it, and a new
 * interface of the same name starts with 0 again.  Nothing is undone on
 * failure: there is nothing to undo.
 *
 * Return: 0; -ENOPROTOOPT when the MPLS stack is not loaded (there is no
 * /proc/sys/net/mpls: modprobe mpls_router); -EINVAL for a name that is
 * no interface name; -ENOENT when there is no such interface; another
 * negative errno when the setting cannot be written.
 */
int mpls_input_enable(const char *ifname)
{
	char path[sizeof(MPLS_SYSCTL_DIR "/conf//input") + IF_NAMESIZE];
	int fd, ret = 0;

	if (!*ifname || strchr(ifname, '/') || strlen(ifname) >= IF_NAMESIZE ||
	    !strcmp(ifname, ".") || !strcmp(ifname, ".."))
		return -EINVAL;
	if (access(MPLS_SYSCTL_DIR, F_OK))
		return errno == ENOENT ? -ENOPROTOOPT : -errno;
	snprintf(path, sizeof(path), MPLS_SYSCTL_DIR "/conf/%s/input", ifname);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (write(fd, "1\n", 2) != 2)
		ret = errno ? -errno : -EIO;
	if (close(fd) && !ret)
		ret = -errno;
	return ret;
}

/**
 * mpls_session_template - the MPLS settings of a session, from its
 *	virtual template or static tunnel
 * @st: the session's template settings, with ->mode already chosen
 * @i: the template's or tunnel's configuration, or NULL (MPLS off)
 *
 * MPLS rides in GRE (RFC 4023): a session in ipsec mode has it off, even
 * when its template has it on (a profile's "virtual-template N mode
 * auto" may choose ipsec mode for a gre template).
 */
void mpls_session_template(struct session_template *st,
			   const struct cfg_iface *i)
{
	st->mpls = i && i->mpls && st->mode == FLEXVTI_MODE_GRE;
	st->nlabels = 0;
	if (!st->mpls)
		return;
	st->nlabels = i->nmpls_labels;
	memcpy(st->mpls_labels, i->mpls_labels,
	       st->nlabels * sizeof(st->mpls_labels[0]));
}
