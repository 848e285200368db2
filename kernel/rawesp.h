/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * flexvti: raw ESP (IP protocol 50) receive through the xfrm handlers.
 */
#ifndef _NET_FLEXVTI_RAWESP_H_
#define _NET_FLEXVTI_RAWESP_H_

int flexvti_rawesp_register(void);
void flexvti_rawesp_unregister(void);

#endif /* _NET_FLEXVTI_RAWESP_H_ */
