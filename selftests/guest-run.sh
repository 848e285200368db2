#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run in the guest by "make check" (rig/run-guest.sh): put the freshly
# built module where modprobe finds it, so that autoloading works as on an
# installed system, and run the installed kselftest collection.
#
# usage: selftests/guest-run.sh BUILD_DIR
set -eu

build=$1
kver=$(uname -r)

install -D -m 644 kernel/flexvti.ko "/lib/modules/$kver/updates/flexvti.ko"
depmod -a "$kver"
IP_LIB_DIR=$build/user
PATH=$build/user:$PATH
export IP_LIB_DIR PATH
exec "$build/ksft/run_kselftest.sh"
