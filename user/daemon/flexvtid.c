// SPDX-License-Identifier: GPL-2.0-only
/*
 * flexvtid: the IKEv2 daemon of flexvti.
 *
 *   flexvtid [-d] [-S] [-s SOCKET] [-f FILE] [-l STATEDIR]
 *                                     run in the foreground
 *   flexvtid -n [-f FILE]             check FILE and exit
 *
 * -f names the configuration (default /etc/flexvti/flexvtid.conf), -s
 * the control socket (default /run/flexvti/flexvtid.sock), -l the
 * directory of the state that outlives the daemon (default
 * /var/lib/flexvti, made mode 0700 when missing: the accounting spool
 * acct.spool and the session numbers acct.ids), -d adds debug messages,
 * -S logs to syslog too.  SIGHUP reloads the configuration
 * (a file with errors is refused and the old one stays in force; the
 * static tunnels whose settings changed are set up anew);
 * SIGINT and SIGTERM end every session and exit.
 *
 * Exit status: 0; 1 when the configuration has errors or the daemon
 * cannot start; 2 for a wrong command line.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../lib/cfg.h"
#include "../lib/ikev2.h"
#include "aaa.h"
#include "acct.h"
#include "dae.h"
#include "filter.h"
#include "control.h"
#include "flexvtid.h"
#include "ike_sa.h"
#include "ike.h"
#include "log.h"
#include "nhrp.h"
#include "loop.h"
#include "pki.h"
#include "pool.h"
#include "route.h"
#include "session.h"
#include "show.h"
#include "sock.h"
#include "tunnel.h"

#define CONFIG_PATH	"/etc/flexvti/flexvtid.conf"

static struct cfg *cfg;
static const char *cfg_path = CONFIG_PATH;

/**
 * daemon_cfg - the configuration in force
 *
 * Return: the configuration; it stays valid until the event loop runs
 * again (a reload replaces it between events).
 */
const struct cfg *daemon_cfg(void)
{
	return cfg;
}

/* the configuration and the files of its trustpoints, all or nothing:
 * pki_reload() puts the new certificates in force only when all loaded */
static struct cfg *load(void)
{
	struct cfg_err err;
	struct cfg *c = cfg_load_file(cfg_path, &err);

	cfg_err_print(&err, stderr);
	if (c && pki_reload(c, cfg_path)) {
		cfg_free(c);
		return NULL;
	}
	return c;
}

static void reload(void)
{
	struct cfg *c = load();

	if (!c) {
		log_err("configuration %s has errors: keeping the old one",
			cfg_path);
		return;
	}
	if (aaa_reload(c)) {
		log_err("configuration %s: RADIUS servers cannot be set up: "
			"keeping the old one", cfg_path);
		cfg_free(c);
		return;
	}
	cfg_free(cfg);
	cfg = c;
	log_info("configuration %s reloaded", cfg_path);
	acct_reload();
	tunnel_reload();
	if (dae_reload(cfg))
		log_err("configuration %s: dynamic-author keeps its old "
			"settings", cfg_path);
	filter_reload();
}

static void on_signal(int signo)
{
	if (signo == SIGHUP)
		reload();
	else
		loop_stop();
}

static int usage(void)
{
	fprintf(stderr, "usage: flexvtid [-d] [-S] [-s SOCKET] [-f FILE] "
		"[-l STATEDIR]\n"
		"       flexvtid -n [-f FILE]\n");
	return 2;
}

/* the control socket's directory, as systemd's RuntimeDirectory would */
static void make_parent(const char *path)
{
	char dir[256], *slash;

	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		mkdir(dir, 0700);
	}
}

static int start(const char *ctl_path, const char *state_dir)
{
	int ret;

	/* the spooled records go to the groups aaa_reload() made */
	ret = loop_init(on_signal);
	if (!ret)
		ret = route_open();
	if (!ret)
		ret = aaa_reload(cfg);
	if (!ret)
		ret = acct_init(state_dir);
	if (ret)
		return ret;
	ret = session_init();
	if (ret) {
		log_err("cannot open the flexvti netlink family: %s "
			"(is flexvti.ko available?)", strerror(-ret));
		return ret;
	}
	ret = ike_dos_init();
	if (!ret)
		ret = sock_open_all(IKEV2_PORT, IKEV2_NATT_PORT, ikev2_recv);
	if (!ret)
		ret = dae_reload(cfg);
	if (ret)
		return ret;
	ret = nhrp_init();
	if (ret)
		log_warn("cannot open the NHRP packet socket, NHRP is off: %s",
			 strerror(-ret));
	make_parent(ctl_path);
	ret = control_open(ctl_path, ctl_cmds);
	if (ret)
		log_err("cannot listen on %s: %s", ctl_path, strerror(-ret));
	return ret;
}

/* the sessions' Stop records go out while no new IKE SA can come */
static void stop(void)
{
	dae_fini();
	nhrp_fini();
	tunnel_stop_all();
	ike_sa_free_all();
	sock_close_all();
	acct_fini(ACCT_DRAIN_MS);
	aaa_fini();
	ike_dos_fini();
	control_close();
	session_fini();
	route_close();
	loop_fini();
	pool_free_all();
	pki_free_all();
	cfg_free(cfg);
}

int main(int argc, char **argv)
{
	const char *ctl_path = CONTROL_PATH, *state_dir = ACCT_STATE_DIR;
	bool check = false, use_syslog = false;
	int opt, verbosity = 0, ret;

	while ((opt = getopt(argc, argv, "df:l:ns:S")) != -1) {
		switch (opt) {
		case 'd':
			verbosity++;
			break;
		case 'f':
			cfg_path = optarg;
			break;
		case 'l':
			state_dir = optarg;
			break;
		case 'n':
			check = true;
			break;
		case 's':
			ctl_path = optarg;
			break;
		case 'S':
			use_syslog = true;
			break;
		default:
			return usage();
		}
	}
	if (optind != argc)
		return usage();
	log_init(verbosity, use_syslog);
	cfg = load();
	if (!cfg)
		return 1;
	if (check)
		goto out;
	ret = start(ctl_path, state_dir);
	if (!ret) {
		log_info("flexvtid started, configuration %s", cfg_path);
		tunnel_start_all();
		ret = loop_run();
	}
	stop();
	log_info("flexvtid stopped");
	return ret ? 1 : 0;
out:
	pki_free_all();
	cfg_free(cfg);
	return 0;
}
