// SPDX-License-Identifier: GPL-2.0-only
/*
 * Control socket server: accepts connections, reads one request line
 * without blocking the event loop, runs the matching command and writes
 * its output back.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "control.h"
#include "log.h"
#include "loop.h"

/**
 * struct control_conn - a connection waiting for its request line
 * @lf: its descriptor in the event loop
 * @timeout: closes it when the request takes too long
 * @len: bytes in @line
 * @line: the request so far
 */
struct control_conn {
	struct loop_fd lf;
	struct timer timeout;
	size_t len;
	char line[CONTROL_LINE_MAX];
};

#define CONTROL_TIMEOUT_MS	5000
#define CONTROL_ARGS_MAX	32

static struct loop_fd control_lf = { .fd = -1 };
static const struct control_cmd *control_cmds;
static char control_path[sizeof(((struct sockaddr_un *)0)->sun_path)];

static void control_conn_free(struct control_conn *c)
{
	timer_del(&c->timeout);
	loop_del(&c->lf);
	close(c->lf.fd);
	free(c);
}

static void control_timeout(struct timer *t)
{
	control_conn_free(container_of(t, struct control_conn, timeout));
}

/* the command whose words start argv; sets *used to their number */
static const struct control_cmd *control_find(int argc, char **argv,
					      int *used)
{
	const struct control_cmd *cmd;

	for (cmd = control_cmds; cmd->words; cmd++) {
		char words[128], *w, *save;
		int n = 0;

		snprintf(words, sizeof(words), "%s", cmd->words);
		for (w = strtok_r(words, " ", &save); w;
		     w = strtok_r(NULL, " ", &save), n++)
			if (n >= argc || strcmp(w, argv[n]))
				break;
		if (!w) {
			*used = n;
			return cmd;
		}
	}
	return NULL;
}

static int control_run(FILE *out, char *line)
{
	char *argv[CONTROL_ARGS_MAX], *save, *w;
	const struct control_cmd *cmd;
	bool json = false;
	int argc = 0, used;

	for (w = strtok_r(line, " \t", &save); w && argc < CONTROL_ARGS_MAX;
	     w = strtok_r(NULL, " \t", &save))
		argv[argc++] = w;
	if (argc && !strcmp(argv[0], "-j")) {
		json = true;
		memmove(argv, argv + 1, --argc * sizeof(argv[0]));
	}
	cmd = control_find(argc, argv, &used);
	if (!cmd) {
		fprintf(out, "unknown command\n");
		return -1;
	}
	return cmd->fn(out, json, argc - used, argv + used);
}

static void control_answer(struct control_conn *c)
{
	char *text = NULL;
	size_t len = 0, off = 0;
	FILE *out = open_memstream(&text, &len);
	const char *status;
	ssize_t n;
	int ret;

	if (!out)
		return;
	ret = control_run(out, c->line);
	fclose(out);
	status = ret ? "error\n" : "ok\n";
	if (write(c->lf.fd, status, strlen(status)) < 0)
		len = 0;
	while (off < len) {
		n = write(c->lf.fd, text + off, len - off);
		if (n <= 0)
			break;
		off += n;
	}
	free(text);
}

static void control_read(struct loop_fd *lf, uint32_t events)
{
	struct control_conn *c = container_of(lf, struct control_conn, lf);
	char *nl;
	ssize_t n;

	(void)events;
	n = read(lf->fd, c->line + c->len, sizeof(c->line) - 1 - c->len);
	if (n < 0 && errno == EAGAIN)
		return;
	if (n <= 0) {
		control_conn_free(c);
		return;
	}
	c->len += n;
	c->line[c->len] = '\0';
	nl = strchr(c->line, '\n');
	if (!nl && c->len < sizeof(c->line) - 1)
		return;
	if (nl)
		*nl = '\0';
	/* the answer may be long: write it blocking, the client reads it */
	fcntl(lf->fd, F_SETFL, 0);
	control_answer(c);
	control_conn_free(c);
}

static void control_accept(struct loop_fd *lf, uint32_t events)
{
	struct control_conn *c;
	int fd;

	(void)events;
	fd = accept4(lf->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (fd < 0)
		return;
	c = calloc(1, sizeof(*c));
	if (!c) {
		close(fd);
		return;
	}
	c->lf.fd = fd;
	c->lf.fn = control_read;
	timer_init(&c->timeout, control_timeout);
	timer_set(&c->timeout, CONTROL_TIMEOUT_MS);
	if (loop_add(&c->lf, EPOLLIN)) {
		timer_del(&c->timeout);
		close(fd);
		free(c);
	}
}

/**
 * control_open - listen on the control socket
 * @path: its file name; an old socket file there is replaced
 * @cmds: the commands, ending with an entry whose words are NULL
 *
 * Only root (the owner) may connect: the socket is mode 0600.
 *
 * Return: 0 or a negative errno.
 */
int control_open(const char *path, const struct control_cmd *cmds)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(sun.sun_path))
		return -ENAMETOOLONG;
	strcpy(sun.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	unlink(path);
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) ||
	    chmod(path, 0600) || listen(fd, 16)) {
		int err = -errno;

		close(fd);
		return err;
	}
	strcpy(control_path, path);
	control_cmds = cmds;
	control_lf.fd = fd;
	control_lf.fn = control_accept;
	return loop_add(&control_lf, EPOLLIN);
}

/**
 * control_close - stop listening and remove the socket file
 */
void control_close(void)
{
	if (control_lf.fd < 0)
		return;
	loop_del(&control_lf);
	close(control_lf.fd);
	unlink(control_path);
	control_lf.fd = -1;
}
