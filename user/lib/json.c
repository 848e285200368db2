// SPDX-License-Identifier: GPL-2.0-only
/*
 * JSON strings for the printers of flexvtictl and the ip plugin.
 */
#include "json.h"

/**
 * json_print_str - print a string as a quoted JSON string
 * @f: where to
 * @s: the string; quotes, backslashes and control characters are escaped
 */
void json_print_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(f, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(f, "\\u%04x", (unsigned char)*s);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}
