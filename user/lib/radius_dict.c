// SPDX-License-Identifier: GPL-2.0-only
/*
 * The radcli handle flexvtid decodes and names attributes with: radcli's
 * own dictionary, its Microsoft one (MS-MPPE keys of EAP) and the Cisco
 * vendor attributes FlexVPN's RADIUS traffic uses, which radcli does not
 * ship (they are built in here).
 */
#include <errno.h>
#include <string.h>

#include "radius.h"

#define RADIUS_DICT_DIR		"/etc/radcli"

/* Cisco's vendor-specific attributes (vendor 9) */
static const char radius_dict_cisco[] =
	"VENDOR Cisco 9\n"
	"ATTRIBUTE Cisco-AVPair 1 string Cisco\n"
	"ATTRIBUTE Cisco-NAS-Port 2 string Cisco\n";

/**
 * radius_handle_new - a radcli handle with the dictionaries loaded
 * @dir: the directory of radcli's "dictionary" and
 *	"dictionary.microsoft", NULL for /etc/radcli
 *
 * The handle is used for attribute lists only: flexvtid sends and
 * receives itself.
 *
 * Return: the handle (rc_destroy() frees it), NULL when a dictionary
 * cannot be read (radcli logs why) or memory runs out.
 */
rc_handle *radius_handle_new(const char *dir)
{
	char path[512];
	rc_handle *rh;

	if (!dir)
		dir = RADIUS_DICT_DIR;
	rh = rc_new();
	if (!rh)
		return NULL;
	if (!rc_config_init(rh))
		return NULL;	/* rc_config_init() freed it */
	snprintf(path, sizeof(path), "%s/dictionary", dir);
	if (rc_read_dictionary(rh, path))
		goto fail;
	snprintf(path, sizeof(path), "%s/dictionary.microsoft", dir);
	if (rc_read_dictionary(rh, path) ||
	    rc_read_dictionary_from_buffer(rh, radius_dict_cisco,
					   sizeof(radius_dict_cisco) - 1))
		goto fail;
	return rh;
fail:
	rc_destroy(rh);
	return NULL;
}
