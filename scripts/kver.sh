#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Print the release of the kernel that flexvti is built for and tested on
# by default: Debian's default kernel (the one linux-image-amd64 depends
# on) when its headers are installed, else the newest installed kernel
# with headers.  KVER=... on the make command line overrides it.
set -eu

has_build() { [ -n "$1" ] && [ -d "/lib/modules/$1/build" ] && [ -r "/boot/vmlinuz-$1" ]; }

dep=$(dpkg-query -W -f='${Depends}' linux-image-amd64 2>/dev/null |
	sed -n 's/^linux-image-\([^ ,]*\).*/\1/p')
if has_build "$dep"; then
	echo "$dep"
	exit 0
fi
for v in $(ls /lib/modules 2>/dev/null | sort -rV); do
	if has_build "$v"; then
		echo "$v"
		exit 0
	fi
done
echo "kver: no kernel with headers in /lib/modules (apt-get install linux-image-amd64 linux-headers-amd64)" >&2
exit 1
