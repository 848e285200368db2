#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run in the guest by "make check" (rig/run-guest.sh), from the top of the
# tree: install the module and run the installed kselftest collection.
set -eu

. rig/guest-setup.sh
exec "$build/ksft/run_kselftest.sh"
