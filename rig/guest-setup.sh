#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Sourced in the guest, from the top of the tree, by what runs there: put
# the freshly built module where modprobe finds it, so that autoloading
# works as on an installed system, and put this build's flexvtictl and ip
# plugin first in line.  Sets $build.

build=$(pwd)/build
install -D -m 644 kernel/flexvti.ko \
	"/lib/modules/$(uname -r)/updates/flexvti.ko" || exit 1
depmod -a "$(uname -r)" || exit 1
IP_LIB_DIR=$build/user
PATH=$build/user:$PATH
export IP_LIB_DIR PATH
