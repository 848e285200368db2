#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the guest's initramfs for kernel KVER: busybox-static, the
# kernel's own modules needed to mount the host's root over virtio-9p with
# a tmpfs overlay (in dependency order, as modprobe resolves them), and
# rig/init.
#
# usage: rig/mkinitrd.sh KVER OUT.gz
set -eu

kver=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/bin" "$tmp/modules" "$tmp/proc" "$tmp/sys" "$tmp/dev" \
	"$tmp/lower" "$tmp/rw" "$tmp/newroot"
cp /bin/busybox "$tmp/bin/busybox"
for applet in sh mount mkdir insmod switch_root cat poweroff sleep; do
	ln -s busybox "$tmp/bin/$applet"
done

n=10
for m in virtio_pci 9pnet_virtio 9p overlay; do
	modprobe -S "$kver" --show-depends "$m"
done | awk '$1 == "insmod" && !seen[$2]++ { print $2 }' |
while read -r ko; do
	n=$((n + 1))
	name=$n-$(basename "$ko" | sed 's/\.ko.*/.ko/')
	case "$ko" in
	*.xz) xz -dc "$ko" >"$tmp/modules/$name" ;;
	*.zst) zstd -qdc "$ko" >"$tmp/modules/$name" ;;
	*) cp "$ko" "$tmp/modules/$name" ;;
	esac
done

cp "$here/init" "$tmp/init"
chmod 755 "$tmp/init"
(cd "$tmp" && find . | cpio -o -H newc --quiet | gzip -1) >"$out.tmp"
mv "$out.tmp" "$out"
