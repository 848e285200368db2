#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run a command in a guest: Debian's packaged kernel KVER under
# qemu-system-x86_64 -accel tcg (nested KVM hangs on the machines this
# runs on), with the host's root filesystem shared read-only over
# virtio-9p under a tmpfs overlay, so every host tool runs in the guest
# and nothing the guest writes reaches the host -- except OUTDIR, shared
# read-write.  The command runs from the current directory.
#
# Fails (exit 1) when the command fails, when the guest does not finish
# (panic, hang, timeout), and when the kernel log shows a warning, BUG,
# oops or refcount error.  OUTDIR keeps console.log, dmesg and rc.
#
# usage: rig/run-guest.sh [-k KVER] [-t SECONDS] [-m MiB] -o OUTDIR COMMAND [ARG...]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
kver=
limit=1800
mem=2048
out=

while getopts k:t:m:o: opt; do
	case $opt in
	k) kver=$OPTARG ;;
	t) limit=$OPTARG ;;
	m) mem=$OPTARG ;;
	o) out=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
if [ -z "$out" ] || [ $# -eq 0 ]; then
	echo "usage: rig/run-guest.sh [-k KVER] [-t SECONDS] [-m MiB] -o OUTDIR COMMAND [ARG...]" >&2
	exit 2
fi
[ -n "$kver" ] || kver=$("$top/scripts/kver.sh")

mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out/rc" "$out/dmesg" "$out/console.log"

initrd=$top/build/rig/initrd-$kver.gz
if [ ! -s "$initrd" ] || [ "$here/init" -nt "$initrd" ] ||
   [ "$here/mkinitrd.sh" -nt "$initrd" ]; then
	mkdir -p "$(dirname "$initrd")"
	"$here/mkinitrd.sh" "$kver" "$initrd"
fi

quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}
{
	echo "cd $(quote "$PWD") || exit 1"
	printf 'exec'
	for a in "$@"; do
		printf ' %s' "$(quote "$a")"
	done
	echo
} >"$out/cmd"

qrc=0
timeout --foreground -k 10 "$limit" \
qemu-system-x86_64 -accel tcg -cpu max -smp 2 -m "$mem" \
	-nodefaults -no-user-config -display none -serial stdio -no-reboot \
	-kernel "/boot/vmlinuz-$kver" -initrd "$initrd" \
	-fsdev local,id=root,path=/,security_model=none,readonly=on,multidevs=remap \
	-device virtio-9p-pci,fsdev=root,mount_tag=hostroot \
	-fsdev local,id=out,path="$out",security_model=none \
	-device virtio-9p-pci,fsdev=out,mount_tag=out \
	-device virtio-rng-pci -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-append "console=ttyS0 quiet panic=-1 log_buf_len=8M flexvti.dyndbg=+p rig.dir=$top rig.out=$out" \
	</dev/null || qrc=$?

if [ ! -s "$out/rc" ]; then
	echo "rig: the guest did not finish (qemu exit $qrc): panic, hang or timeout after ${limit}s" >&2
	exit 1
fi
splat='WARNING:|BUG:|Oops|Kernel panic|general protection fault|refcount_t:|unregister_netdevice: waiting|list_(add|del) corruption|Call Trace:'
if grep -E "$splat" "$out/dmesg" >&2; then
	echo "rig: the kernel log shows a problem (see $out/dmesg)" >&2
	exit 1
fi
exit "$(cat "$out/rc")"
