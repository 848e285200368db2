#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# FreeRADIUS 3.2 servers for the selftests (RADIUS authorization, EAP,
# accounting, failover, CoA), each with its own configuration directory,
# started by the test in a network namespace.  Sourced by a test; needs
# freeradius and radclient (freeradius-utils).
#
#   radius_conf DIR           write a self-contained raddb in DIR
#   (append entries to DIR/users, users(5) syntax, before radius_start;
#    the server reads them when it starts)
#   radius_start NS DIR       run it in namespace NS, wait until it is ready
#   radius_stop DIR           stop it and wait until it is gone
#   radius_count DIR STATUS   accounting records with that Acct-Status-Type
#   radius_wait_count DIR STATUS N
#                             wait until there are at least N of them
#   radius_detail_attr DIR STATUS ATTR
#                             values of ATTR in those records, one a line
#   radius_auth_count DIR     Access-Requests the server received
#   radius_auth_attr DIR ATTR values of ATTR in them, one a line
#   radius_client NS ADDR:PORT TYPE SECRET
#                             send one request from NS with radclient, its
#                             attributes on stdin; prints the reply
#   radius_reply_attr ATTR    filter: values of ATTR in radius_client's
#                             output
#
# radius_conf reads these variables, so that a test can write several
# servers (failover): RADIUS_SECRET=s RADIUS_AUTH_PORT=1912 radius_conf DIR
#
#   RADIUS_SECRET       shared secret of every client (default
#                       "flexvti-radius-secret"); no quotes or backslashes
#   RADIUS_ADDR         address to listen on (default: all IPv4); an IPv6
#                       address listens on IPv6
#   RADIUS_AUTH_PORT    authentication port (default 1812); answers
#                       Status-Server too
#   RADIUS_ACCT_PORT    accounting port (default 1813)
#   RADIUS_REQUIRE_MA   "yes": Access-Requests without a
#                       Message-Authenticator are dropped (default "no")
#   RADIUS_REPLY_MA     "yes" (default): every Access-Accept, -Reject and
#                       -Challenge carries a Message-Authenticator, as
#                       servers fixed for BlastRADIUS (CVE-2024-3596;
#                       FreeRADIUS 3.2.5 and later) send it; "no": only
#                       EAP replies do, as FreeRADIUS 3.2.1 of Debian 12
#                       does by itself
#   RADIUS_EAP_TYPE     the EAP method the server proposes first: md5
#                       (default) or mschapv2; a peer may Nak it for
#                       the other
#
# The server accepts every address of 10.0.0.0/8, 127.0.0.0/8, ::1 and
# fd00::/8 as a client.  Authentication: PAP against a Cleartext-Password,
# MS-CHAPv2, and EAP-MD5 and EAP-MSCHAPv2 (no TLS methods, so no
# certificates); the users file gives the reply attributes, Cisco-AVPair
# included:
#
#	alice	Cleartext-Password := "secret"
#		Framed-IP-Address = 10.20.0.5,
#		Cisco-AVPair = "ip:addr-pool=pool1",
#		Cisco-AVPair += "ipsec:route-set=prefix 10.1.0.0/16"
#
# An Access-Reject carries only EAP-Message, Message-Authenticator,
# Reply-Message, Error-Cause, MS-CHAP-Error and Proxy-State, an
# Access-Challenge only what RFC 2865 allows there.  Accounting-Requests
# are all answered; each one is a record in the detail file DIR/detail,
# each Access-Request one in DIR/auth-detail (with the packet's
# addresses and ports first: Packet-Src-IP-Address and so on): a line
# with the time, then
# a tab-indented "Attribute = value" line per attribute, then an empty
# line.  The functions reading them print strings without their quotes
# and octets (Class, State) in hex, 0x...
#
# The server logs to DIR/log, authentication results included (for a
# failed EAP authentication the reason given is a confusing "Cannot proxy
# packets"); RADIUS_DEBUG=1 when starting makes that log the full debug
# output (-X).  radeapclient (freeradius-utils) does EAP-MD5 as a client
# when its request holds the password as Cleartext-Password (not
# EAP-MD5-Password as its manual says), with EAP-Code = Response,
# EAP-Id = 1, EAP-Type-Identity = "user" and Message-Authenticator = 0x00.

RADIUS_START_TIMEOUT=${RADIUS_START_TIMEOUT:-60}
# the servers this test started, so that they stop with it
RADIUS_LIST=/tmp/fvt-radius.$$

# radius_conf DIR: a raddb in DIR, with an empty users file
radius_conf() {
	local dir ma=${RADIUS_REQUIRE_MA:-no}

	mkdir -p "$1" && dir=$(cd "$1" && pwd) || return 1
	radius_write_main "$dir" >"$dir/radiusd.conf"
	radius_write_clients "${RADIUS_SECRET:-flexvti-radius-secret}" "$ma" \
		>"$dir/clients.conf"
	radius_write_filters "$dir"
	cat >"$dir/dictionary" <<-EOT
	# local attributes; the stock dictionaries (Cisco's too) come first
	EOT
	: >"$dir/users"
	: >"$dir/log"
	: >"$dir/detail"
	: >"$dir/auth-detail"
	# FreeRADIUS refuses configuration files anyone may write
	chmod -R go-w "$dir"
}

# radius_listen ADDR TYPE PORT: one listen section
radius_listen() {
	local key=ipaddr

	case $1 in *:*) key=ipv6addr ;; esac
	cat <<-EOT
	listen {
		type = $2
		$key = $1
		port = $3
	}
	EOT
}

# radius_write_main DIR: radiusd.conf, everything but the clients
radius_write_main() {
	local d=$1

	cat <<-EOT
	# written by radius_lib.sh (flexvti selftests)
	prefix = /usr
	confdir = $d
	raddbdir = $d
	logdir = $d
	run_dir = $d
	db_dir = $d
	libdir = /usr/lib/freeradius
	pidfile = $d/radiusd.pid
	max_request_time = 30
	cleanup_delay = 5
	max_requests = 16384
	hostname_lookups = no
	proxy_requests = no

	log {
		destination = files
		file = $d/log
		colourise = no
		auth = yes
		auth_badpass = no
		auth_goodpass = no
	}

	security {
		allow_core_dumps = no
		max_attributes = 200
		reject_delay = 0
		status_server = yes
	}

	thread pool {
		start_servers = 2
		max_servers = 8
		min_spare_servers = 1
		max_spare_servers = 4
		max_requests_per_server = 0
	}

	\$INCLUDE clients.conf

	modules {
		always ok {
			rcode = ok
		}
		pap {
		}
		mschap {
			use_mppe = yes
			require_encryption = no
			require_strong = no
		}
		files {
			filename = $d/users
		}
		eap {
			default_eap_type = ${RADIUS_EAP_TYPE:-md5}
			timer_expire = 60
			ignore_unknown_eap_types = no
			max_sessions = 4096
			md5 {
			}
			mschapv2 {
				send_error = no
			}
		}
		detail {
			filename = $d/detail
			escape_filenames = no
			permissions = 0600
			header = "%t"
			locking = no
		}
		detail auth_detail {
			filename = $d/auth-detail
			escape_filenames = no
			permissions = 0600
			header = "%t"
			locking = no
			log_packet_header = yes
		}
		attr_filter reject_filter {
			key = "%{User-Name}"
			filename = $d/filter-reject
		}
		attr_filter challenge_filter {
			key = "%{User-Name}"
			filename = $d/filter-challenge
		}
	}

	server flexvti {
	EOT
	radius_listen "${RADIUS_ADDR:-*}" auth "${RADIUS_AUTH_PORT:-1812}"
	radius_listen "${RADIUS_ADDR:-*}" acct "${RADIUS_ACCT_PORT:-1813}"
	cat <<-EOT
	authorize {
		auth_detail
		eap {
			ok = return
		}
		files
		mschap
		pap
	}
	authenticate {
		Auth-Type PAP {
			pap
		}
		Auth-Type MS-CHAP {
			mschap
		}
		eap
	}
	preacct {
		ok
	}
	accounting {
		detail
		ok
	}
	post-auth {
		$(radius_reply_ma)
		Post-Auth-Type REJECT {
			$(radius_reply_ma)
			reject_filter
			eap
		}
		Post-Auth-Type Challenge {
			$(radius_reply_ma)
			challenge_filter
		}
	}
	}
	EOT
}

# radius_reply_ma: the unlang that adds a Message-Authenticator to a
# reply (the server computes it), unless RADIUS_REPLY_MA is "no"
radius_reply_ma() {
	[ "${RADIUS_REPLY_MA:-yes}" = no ] ||
		echo "update reply { Message-Authenticator := 0x00 }"
}

# radius_write_clients SECRET REQUIRE_MA: clients.conf
radius_write_clients() {
	local name net key

	for net in net10=10.0.0.0/8 lo4=127.0.0.0/8 lo6=::1/128 ula=fd00::/8; do
		name=${net%%=*}
		net=${net#*=}
		key=ipaddr
		case $net in *:*) key=ipv6addr ;; esac
		cat <<-EOT
		client $name {
			$key = $net
			secret = "$1"
			require_message_authenticator = $2
			nas_type = other
		}
		EOT
	done
}

# radius_filter ATTR...: an attr_filter file letting only those through
radius_filter() {
	local sep

	echo DEFAULT
	while [ $# -gt 0 ]; do
		sep=,
		[ $# = 1 ] && sep=
		printf '\t%s =* ANY%s\n' "$1" "$sep"
		shift
	done
}

# radius_write_filters DIR: what an Access-Reject or an Access-Challenge
# may carry
radius_write_filters() {
	radius_filter EAP-Message Message-Authenticator Reply-Message \
		Error-Cause MS-CHAP-Error Proxy-State >"$1/filter-reject"
	radius_filter EAP-Message State Message-Authenticator Reply-Message \
		Proxy-State Session-Timeout Idle-Timeout >"$1/filter-challenge"
}

# radius_pid DIR: the pid of the server of DIR, if it runs
radius_pid() {
	local pid

	pid=$(cat "$1/pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null &&
		echo "$pid"
}

# radius_ready_count DIR: how many times the server of DIR became ready
radius_ready_count() {
	grep -c "Ready to process requests" "$1/log"
}

# radius_start NS DIR: FreeRADIUS in namespace NS with the raddb DIR, in
# the foreground of a background job, its pid in DIR/pid; waits until it
# is ready to process requests (about 1.5 s in a TCG guest) and prints
# the tail of its log when it is not
radius_start() {
	local ns=$1 dir=$2 n pid opt=-f

	[ -z "$(radius_pid "$dir")" ] || { echo "radius: $dir runs already"; return 1; }
	[ "${RADIUS_DEBUG:-0}" = 0 ] || opt=-X
	n=$(radius_ready_count "$dir")
	ip netns exec "$ns" freeradius "$opt" -d "$dir" \
		</dev/null >>"$dir/log" 2>&1 &
	pid=$!
	echo "$pid" >"$dir/pid"
	echo "$dir" >>"$RADIUS_LIST"
	for _ in $(seq $((RADIUS_START_TIMEOUT * 10))); do
		[ "$(radius_ready_count "$dir")" -gt "$n" ] && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		echo "radius: $dir not ready after ${RADIUS_START_TIMEOUT}s:"
	else
		echo "radius: $dir did not start:"
	fi
	tail -n 30 "$dir/log"
	radius_stop "$dir"
	return 1
}

# radius_stop DIR: stop the server of DIR (SIGTERM, SIGKILL after 10 s)
# and wait until it is gone
radius_stop() {
	local pid i

	pid=$(cat "$1/pid" 2>/dev/null) || return 0
	kill "$pid" 2>/dev/null
	for i in $(seq 100); do
		kill -0 "$pid" 2>/dev/null || break
		[ "$i" = 100 ] && kill -KILL "$pid" 2>/dev/null
		sleep 0.1
	done
	while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
	rm -f "$1/pid"
}

# radius_cleanup: stop every server this test started
radius_cleanup() {
	local dir

	[ -f "$RADIUS_LIST" ] || return 0
	while read -r dir; do
		radius_stop "$dir"
	done <"$RADIUS_LIST"
	rm -f "$RADIUS_LIST"
}

# radius_records FILE STATUS ATTR: the values of ATTR (every attribute
# as "ATTR = value" when ATTR is empty) in the detail records of FILE
# with that Acct-Status-Type (every record when STATUS is empty); string
# values lose their quotes
radius_records() {
	awk -v st="$2" -v at="$3" '
	BEGIN { RS = ""; FS = "\n" }
	{
		if (st != "") {
			ok = 0
			for (i = 2; i <= NF; i++)
				if ($i == "\tAcct-Status-Type = " st)
					ok = 1
			if (!ok)
				next
		}
		for (i = 2; i <= NF; i++) {
			line = substr($i, 2)
			eq = index(line, " = ")
			if (!eq)
				continue
			name = substr(line, 1, eq - 1)
			val = substr(line, eq + 3)
			if (val ~ /^".*"$/)
				val = substr(val, 2, length(val) - 2)
			if (at == "")
				print name " = " val
			else if (name == at)
				print val
		}
	}' "$1"
}

# radius_count DIR STATUS: the number of accounting records with
# Acct-Status-Type STATUS (Start, Interim-Update, Stop, ...)
radius_count() {
	radius_records "$1/detail" "$2" Acct-Status-Type | wc -l
}

# radius_wait_count DIR STATUS N: wait up to 20 s until there are at
# least N accounting records with Acct-Status-Type STATUS
radius_wait_count() {
	for _ in $(seq 200); do
		[ "$(radius_count "$1" "$2")" -ge "$3" ] && return 0
		sleep 0.1
	done
	echo "radius: $(radius_count "$1" "$2") $2 records in $1/detail, expected $3"
	return 1
}

# radius_detail_attr DIR STATUS ATTR: the values of ATTR in the
# accounting records with Acct-Status-Type STATUS, in their order
radius_detail_attr() {
	radius_records "$1/detail" "$2" "$3"
}

# radius_auth_count DIR: the number of Access-Requests received
radius_auth_count() {
	radius_records "$1/auth-detail" "" User-Name | wc -l
}

# radius_auth_attr DIR ATTR: the values of ATTR in the Access-Requests
# received, in their order
radius_auth_attr() {
	radius_records "$1/auth-detail" "" "$2"
}

# radius_client NS ADDR:PORT TYPE SECRET: send one request of TYPE (auth,
# acct, status, coa, disconnect) from namespace NS, its attributes (one
# "Attribute = value" a line, "+=" to repeat one) read from stdin; a
# "Message-Authenticator = 0x00" line asks radclient to compute it.
# Prints what radclient -x does: the request ("Sent ..." and its
# attributes indented by a tab), then the reply ("Received Access-Accept
# Id ..." and its attributes).  Fails when no reply came (3 tries, 1 s
# apart) and when the reply is a reject or a NAK.
radius_client() {
	ip netns exec "$1" radclient -x -r 3 -t 1 "$2" "$3" "$4"
}

# radius_reply_attr ATTR: filter the values of ATTR out of radius_client's
# output, quotes removed
radius_reply_attr() {
	awk -v at="$1" '
	/^Received / { rx = 1; next }
	/^[^\t]/ { rx = 0 }
	rx && /^\t/ {
		line = substr($0, 2)
		eq = index(line, " = ")
		if (!eq || substr(line, 1, eq - 1) != at)
			next
		val = substr(line, eq + 3)
		if (val ~ /^".*"$/)
			val = substr(val, 2, length(val) - 2)
		print val
	}'
}

# stop our servers when the test ends, before whatever the test trapped
# already (lib.sh: its namespaces)
radius_trap=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT\$/\\1/")
# shellcheck disable=SC2064 # the previous trap is expanded now
trap "radius_cleanup${radius_trap:+; $radius_trap}" EXIT
