// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvtictl's commands of the daemon: sent as one line over flexvtid's
 * control socket, whose answer is printed as it comes.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "ctl.h"

static int ctl_daemon_connect(const char *path)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(sun.sun_path))
		return -ENAMETOOLONG;
	strcpy(sun.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun))) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

static int ctl_daemon_request(int fd, const struct ctl *ctl, const char *verb,
			      int argc, char **argv)
{
	char line[1024];
	size_t len;
	int i;

	len = snprintf(line, sizeof(line), "%s%s", ctl->json ? "-j " : "",
		       verb);
	for (i = 0; i < argc && len < sizeof(line); i++)
		len += snprintf(line + len, sizeof(line) - len, " %s", argv[i]);
	if (len >= sizeof(line) - 1)
		return -E2BIG;
	line[len++] = '\n';
	return write(fd, line, len) == (ssize_t)len ? 0 : -errno;
}

/* prints the answer: to stdout after "ok", to stderr after "error" */
static int ctl_daemon_answer(int fd)
{
	FILE *in = fdopen(fd, "r");
	char buf[4096];
	bool ok;

	if (!in)
		return CTL_FAIL;
	if (!fgets(buf, sizeof(buf), in)) {
		fclose(in);
		return ctl_fail(-EPIPE, NULL, "no answer from flexvtid");
	}
	ok = !strcmp(buf, "ok\n");
	if (!ok)
		fputs("flexvtictl: ", stderr);
	while (fgets(buf, sizeof(buf), in))
		fputs(buf, ok ? stdout : stderr);
	fclose(in);
	return ok ? CTL_OK : CTL_FAIL;
}

static int ctl_daemon(const struct ctl *ctl, const char *verb, int argc,
		      char **argv)
{
	int fd, err;

	fd = ctl_daemon_connect(ctl->socket);
	if (fd < 0)
		return ctl_fail(fd, NULL, "cannot reach flexvtid at %s",
				ctl->socket);
	err = ctl_daemon_request(fd, ctl, verb, argc, argv);
	if (err) {
		close(fd);
		return ctl_fail(err, NULL, "cannot send to flexvtid");
	}
	shutdown(fd, SHUT_WR);
	return ctl_daemon_answer(fd);
}

/**
 * ctl_show - "show ...": a show command of flexvtid
 * @ctl: options
 * @argc: words after "show"
 * @argv: the words
 *
 * Return: CTL_OK, or CTL_FAIL with the daemon's reason on stderr.
 */
int ctl_show(const struct ctl *ctl, int argc, char **argv)
{
	if (argc < 1)
		return ctl_usage("show what?");
	return ctl_daemon(ctl, "show", argc, argv);
}

/**
 * ctl_clear - "clear ...": clear crypto session [remote ADDR] or clear
 *	crypto ikev2 sa [ID], in flexvtid
 * @ctl: options
 * @argc: words after "clear"
 * @argv: the words
 *
 * Return: CTL_OK, or CTL_FAIL with the daemon's reason on stderr.
 */
int ctl_clear(const struct ctl *ctl, int argc, char **argv)
{
	if (argc < 1)
		return ctl_usage("clear what?");
	return ctl_daemon(ctl, "clear", argc, argv);
}

/**
 * ctl_rekey - "rekey ...": rekey crypto ikev2 sa ID or rekey crypto ipsec
 *	sa ID, in flexvtid
 * @ctl: options
 * @argc: words after "rekey"
 * @argv: the words
 *
 * Return: CTL_OK, or CTL_FAIL with the daemon's reason on stderr.
 */
int ctl_rekey(const struct ctl *ctl, int argc, char **argv)
{
	if (argc < 1)
		return ctl_usage("rekey what?");
	return ctl_daemon(ctl, "rekey", argc, argv);
}
