/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The one piece of JSON output that needs care: strings.
 */
#ifndef FLEXVTI_JSON_H
#define FLEXVTI_JSON_H

#include <stdio.h>

void json_print_str(FILE *f, const char *s);

#endif /* FLEXVTI_JSON_H */
