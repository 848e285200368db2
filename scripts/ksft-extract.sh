#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Extract the kernel's kselftest framework into DEST at build time; it is
# never kept in this repository.  The C harness, lib.mk and the runner come
# from Debian's linux-source-6.1 (the tree of the CI kernel);
# kselftest/ktap_helpers.sh, which 6.1 lacks, from linux-source-6.12.
#
# usage: scripts/ksft-extract.sh DEST
set -eu

dest=$1
st=tools/testing/selftests

extract() {
	tarball=/usr/src/linux-source-$1.tar.xz
	shift
	if [ ! -r "$tarball" ]; then
		echo "ksft-extract: $tarball missing (apt-get install linux-source-${tarball#*source-})" >&2
		exit 1
	fi
	top=$(basename "$tarball" .tar.xz)
	set -- $(for f in "$@"; do echo "$top/$st/$f"; done)
	tar -xJf "$tarball" -C "$tmp" "$@"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

extract 6.1 lib.mk kselftest.h kselftest_harness.h run_kselftest.sh \
	kselftest/runner.sh kselftest/prefix.pl kselftest/module.sh &
extract 6.12 kselftest/ktap_helpers.sh &
wait %1 && wait %2

rm -rf "$dest"
mkdir -p "$dest/kselftest"
cp -p "$tmp"/linux-source-6.1/$st/lib.mk "$tmp"/linux-source-6.1/$st/*.h \
	"$tmp"/linux-source-6.1/$st/run_kselftest.sh "$dest/"
cp -p "$tmp"/linux-source-6.1/$st/kselftest/* \
	"$tmp"/linux-source-6.12/$st/kselftest/ktap_helpers.sh "$dest/kselftest/"
touch "$dest/.stamp"
