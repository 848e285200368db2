#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The demo, on a fresh Debian 12 machine, as root: install what is needed,
# build, and boot Debian's kernel in a guest that shows what the flexvti
# module does (scripts/demo-guest.sh).
set -eu

cd "$(dirname "$0")/.."
scripts/install-deps.sh
exec make -s demo
