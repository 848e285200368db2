#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run in the guest by "make demo": the module as an operator meets it.
# Every command is printed before it runs.
set -eu

. rig/guest-setup.sh

say() { printf '\n## %s\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@"; }
fails() { printf '$ %s\n' "$*"; ! "$@"; }

say "Creating a virtual-access interface loads the module"
run ip netns add headend
run ip -n headend link add va1 type flexvti template 1
run grep flexvti /proc/modules

say "Two more, as flexvtid clones them from Virtual-Template 1 and 2"
run ip -n headend link add va2 type flexvti template 1 mode ipsec \
	local 192.0.2.1 remote 198.51.100.20
run ip -n headend link add va3 type flexvti template 2 mode gre \
	local 2001:db8::1 remote 2001:db8:20::2 nhrp-network-id 10
run ip -n headend -d link show type flexvti

say "The same, over the flexvti generic netlink family"
run ip netns exec headend flexvtictl dev show
run ip netns exec headend flexvtictl dev set va1 mode gre \
	remote 198.51.100.30 nhrp-network-id 10
run ip netns exec headend flexvtictl -j dev show va1

say "Bad requests are refused with the kernel's reason, and change nothing"
fails ip netns exec headend flexvtictl dev set va1 remote 224.0.0.5
fails ip -n headend link set va3 type flexvti template 9
run ip netns exec headend flexvtictl dev show va1

say "Without SAs nothing leaves a VA: packets are dropped and counted"
run ip -n headend addr add 10.99.0.1 peer 10.99.0.2 dev va1
run ip -n headend link set va1 up
fails ip netns exec headend ping -c 2 -W 1 10.99.0.2
run ip -n headend -s link show va1

say "Deleting the namespace removes its VAs; then the module unloads"
run ip netns del headend
run modprobe -r flexvti
run ip -d link show type flexvti
