// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvti: per-session virtual-access tunnel interfaces for an IKEv2
 * headend (a Linux counterpart of Cisco FlexVPN's virtual templates).
 *
 * Module init and exit only; each concern lives in its own file.
 */

#include <linux/module.h>
#include <net/genetlink.h>
#include <net/rtnetlink.h>

#include "device.h"
#include "netlink.h"
#include "rawesp.h"

static int __init flexvti_init(void)
{
	int err;

	/* the family first: interfaces notify through it until they go */
	err = flexvti_nl_register();
	if (err) {
		pr_err("cannot register the generic netlink family: %d\n", err);
		return err;
	}
	err = flexvti_dev_register();
	if (err) {
		pr_err("cannot register the rtnl link kind: %d\n", err);
		goto err_nl;
	}
	err = flexvti_rawesp_register();
	if (err) {
		pr_err("cannot join the ESP protocol handlers: %d\n", err);
		goto err_dev;
	}
	return 0;

err_dev:
	flexvti_dev_unregister();
err_nl:
	flexvti_nl_unregister();
	return err;
}

static void __exit flexvti_exit(void)
{
	flexvti_rawesp_unregister();
	flexvti_dev_unregister();
	flexvti_nl_unregister();
	rcu_barrier();
}

module_init(flexvti_init);
module_exit(flexvti_exit);
MODULE_DESCRIPTION("FlexVPN-style virtual-access tunnel interfaces");
MODULE_LICENSE("GPL");
MODULE_ALIAS_RTNL_LINK(FLEXVTI_LINK_KIND);
MODULE_ALIAS_GENL_FAMILY(FLEXVTI_FAMILY_NAME);
