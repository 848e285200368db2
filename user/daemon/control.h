/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The control socket of flexvtid (a UNIX stream socket, by default
 * CONTROL_PATH).  flexvtictl sends one request line, "[-j] WORD...", and
 * reads the answer until the daemon closes the connection.  The answer's
 * first line is "ok" or "error"; the rest is the command's output, text
 * or JSON.
 */
#ifndef FLEXVTID_CONTROL_H
#define FLEXVTID_CONTROL_H

#include <stdbool.h>
#include <stdio.h>

#define CONTROL_PATH	"/run/flexvti/flexvtid.sock"
#define CONTROL_LINE_MAX	1024

/**
 * struct control_cmd - a command of the control socket
 * @words: its leading words, space-separated ("show crypto session")
 * @fn: runs it, writing to @out; the remaining words in argc/argv;
 *	returns 0, or -1 after writing the reason to @out
 */
struct control_cmd {
	const char *words;
	int (*fn)(FILE *out, bool json, int argc, char **argv);
};

int control_open(const char *path, const struct control_cmd *cmds);
void control_close(void);

#endif /* FLEXVTID_CONTROL_H */
