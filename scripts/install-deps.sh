#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Install, from Debian 12's packages, everything flexvti needs to build,
# test and demonstrate itself: the guest kernel and its headers (default
# 6.1 series, plus 6.12 for the second build target), the kernel sources
# the kselftest framework is extracted from, qemu and busybox for the
# guest rig, the libraries, clang with libFuzzer for the fuzz targets,
# and the real peers the tests run (strongSwan, FreeRADIUS, iperf3,
# tcpdump, nftables for NAT, jq).  Does nothing when all is there already.
# Run as root.  Arguments name further packages, for tools outside the
# test suite (bench/run.sh: wireguard-tools).
set -eu

pkgs="make gcc libc6-dev pkg-config xz-utils
	linux-image-amd64 linux-headers-amd64
	linux-image-6.12-amd64 linux-headers-6.12-amd64
	linux-source-6.1 linux-source-6.12
	qemu-system-x86 busybox-static kmod cpio gzip
	iproute2 iputils-ping procps rsync perl python3
	libnl-3-dev libnl-genl-3-dev libnl-route-3-dev libssl-dev libradcli-dev
	charon-systemd strongswan-swanctl libstrongswan-standard-plugins
	libcharon-extra-plugins libcharon-extauth-plugins freeradius freeradius-utils iperf3 tcpdump
	nftables jq
	clang libclang-rt-14-dev
	$*"

installed=$(dpkg-query -W -f='${db:Status-Status} ${Package}\n' 2>/dev/null |
	awk '$1 == "installed" { print $2 }')
missing=
for p in $pkgs; do
	echo "$installed" | grep -qx "$p" || missing="$missing $p"
done
[ -n "$missing" ] || exit 0

if [ "$(id -u)" != 0 ]; then
	echo "install-deps: run as root to install:$missing" >&2
	exit 1
fi
echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
