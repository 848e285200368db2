#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Stage 2 of the guest: PID 1 on the overlay root, with the host's
# userland.  Finish the mounts tests need, run OUT/cmd, leave its exit
# status in OUT/rc and the kernel log in OUT/dmesg, and power off.

PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
HOME=/root
TERM=dumb
export PATH HOME TERM

for word in $(cat /proc/cmdline); do
	case "$word" in
	rig.out=*) out=${word#rig.out=} ;;
	esac
done

mkdir -p /dev/pts /dev/shm
mount -t devpts -o newinstance,ptmxmode=0666 devpts /dev/pts
mount -t tmpfs shm /dev/shm
mount -t cgroup2 cgroup2 /sys/fs/cgroup
mount -t debugfs debugfs /sys/kernel/debug
mount -t tracefs tracefs /sys/kernel/tracing
# devtmpfs has none of these; without /dev/stdout the kselftest runner's
# nested output would go to a regular file
ln -sf /proc/self/fd /dev/fd
ln -sf /proc/self/fd/0 /dev/stdin
ln -sf /proc/self/fd/1 /dev/stdout
ln -sf /proc/self/fd/2 /dev/stderr

hostname flexvti-guest
echo "127.0.1.1 flexvti-guest" >>/etc/hosts
ip link set lo up
modprobe virtio-rng 2>/dev/null

{
	sh "$out/cmd" </dev/null
	echo $? >"$out/rc"
} 2>&1 | tee "$out/console.log"

dmesg >"$out/dmesg"
sync
# isa-debug-exit: qemu exits at once; sysrq power-off as a fallback
printf '\000' | dd of=/dev/port bs=1 seek=244 count=1 2>/dev/null
echo o >/proc/sysrq-trigger
sleep 10
