/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Small helpers of the userspace code, spelled as in the kernel.
 */
#ifndef FLEXVTI_UTIL_H
#define FLEXVTI_UTIL_H

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif
#ifndef __printf
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#endif

#endif /* FLEXVTI_UTIL_H */
