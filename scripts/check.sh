#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The whole test suite, on a fresh Debian 12 machine, as root: install what
# is needed, build the module for Debian's default kernel, run the host
# unit tests and then the kselftest collection in a guest booted from that
# kernel.  The last line says "flexvti: N passed, N failed"; the exit status
# is non-zero on any failure.
set -eu

cd "$(dirname "$0")/.."
scripts/install-deps.sh
exec make check
