# SPDX-License-Identifier: GPL-2.0-only
#
# flexvti: kernel module, userspace tools, kselftest suite, guest rig.
#
#   make                 module + userspace + selftests for KVER
#   make check           host unit tests, then the kselftest suite in a
#                        guest booted from Debian's KVER kernel
#   make demo            what the module does, shown in a guest
#   make bench           throughput vs xfrm and WireGuard, in a guest
#   make install         module (with depmod), flexvtictl, ip plugin
#
# KVER defaults to Debian's default kernel (scripts/kver.sh); set
# KVER=6.12.117+deb12-amd64 (say) to build and test against another one.

KVER ?= $(shell scripts/kver.sh)
KDIR ?= /lib/modules/$(KVER)/build
BUILD := $(CURDIR)/build
KSFT_DIR := $(BUILD)/kselftest
KSFT_RUN := $(BUILD)/ksft
GUEST_TIMEOUT ?= 2400

all: module user selftests

# the module is built in the source tree; rebuild all of it for a new KVER
module:
	@mkdir -p $(BUILD)
	@if [ "$$(cat $(BUILD)/.kver 2>/dev/null)" != "$(KVER)" ]; then \
		$(MAKE) -s -C $(KDIR) M=$(CURDIR) clean; \
	fi
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules
	@echo $(KVER) >$(BUILD)/.kver

$(KSFT_DIR)/.stamp: scripts/ksft-extract.sh
	scripts/ksft-extract.sh $(KSFT_DIR)

user: $(KSFT_DIR)/.stamp
	$(MAKE) -C user O=$(BUILD)/user KSFT_DIR=$(KSFT_DIR)

# installed the kselftest way: KSFT_RUN/run_kselftest.sh runs the
# "flexvti" collection, each test under the timeout of selftests/settings
selftests: user
	@mkdir -p $(BUILD)/selftests
	rm -rf $(KSFT_RUN)
	$(MAKE) -C selftests OUTPUT=$(BUILD)/selftests KSFT_DIR=$(KSFT_DIR) \
		USER_BUILD=$(BUILD)/user INSTALL_PATH=$(KSFT_RUN)/flexvti install
	cp -r $(KSFT_DIR)/kselftest $(KSFT_DIR)/run_kselftest.sh $(KSFT_RUN)/
	$(MAKE) -s -C selftests OUTPUT=$(BUILD)/selftests KSFT_DIR=$(KSFT_DIR) \
		COLLECTION=flexvti emit_tests >$(KSFT_RUN)/kselftest-list.txt

check: all
	scripts/run-checks.sh $(KVER) $(GUEST_TIMEOUT)

demo: all
	rig/run-guest.sh -k $(KVER) -t 600 -o $(BUILD)/demo scripts/demo-guest.sh

# by hand, not part of check: bench/README.md
bench:
	KVER=$(KVER) bench/run.sh

install: module user
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules_install
	depmod -a $(KVER)
	$(MAKE) -C user O=$(BUILD)/user install

clean:
	-$(MAKE) -s -C $(KDIR) M=$(CURDIR) clean
	rm -rf $(BUILD)

.PHONY: all module user selftests check demo bench install clean
