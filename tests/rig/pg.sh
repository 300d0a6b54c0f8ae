# shellcheck shell=bash
# tests/rig/pg.sh - a throw-away PostgreSQL server for real-server tests.
#
# Source after tests/lib.sh.  pg_start DIR creates a cluster in DIR/data
# and starts it with its unix socket in DIR and no TCP listener; it
# registers pg_stop with on_exit, so the server is stopped however the
# test ends.  Afterwards psql, pg_dump, createdb etc. (from the server's
# own bin directory, put first in PATH) connect through PGHOST/PGPORT/
# PGUSER/PGDATABASE.
#
# PostgreSQL refuses to run as root.  As root the server runs as the
# unprivileged system user PG_RIG_USER (default dftest, created when
# missing); DIR is chowned to it and must be reachable by it.  Clients
# keep running as the caller and log in as that user (trust auth).

PG_RIG_USER=${PG_RIG_USER:-dftest}
PG_RIG_PORT=${PG_RIG_PORT:-5439}

# pg_find_bindir: print the newest PostgreSQL server bin directory, or
# nothing.  pg_config may come from libpq-dev without a server, so check
# that initdb and postgres are really there.  PG_BINDIR set by the
# caller wins (and must hold a server).
pg_find_bindir() {
	local d best=
	if [ -n "${PG_BINDIR:-}" ]; then
		[ -x "$PG_BINDIR/initdb" ] && [ -x "$PG_BINDIR/postgres" ] &&
		    printf '%s\n' "$PG_BINDIR"
		return
	fi
	d=$(pg_config --bindir 2>/dev/null) || d=
	if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/postgres" ]; then
		best=$d
	fi
	for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V); do
		if [ -x "$d/initdb" ] && [ -x "$d/postgres" ]; then
			best=$d
		fi
	done
	[ -n "$best" ] && printf '%s\n' "$best"
}

# pg_as_server CMD...: run CMD as the user that owns the cluster.
pg_as_server() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u "$PG_RIG_USER" -- "$@"
	else
		"$@"
	fi
}

# pg_rig_user: make sure the server user exists (root only).
pg_rig_user() {
	id -u "$PG_RIG_USER" >/dev/null 2>&1 && return 0
	useradd --system --no-create-home --home-dir /nonexistent \
	    --shell /usr/sbin/nologin "$PG_RIG_USER" ||
	    fail "cannot create user $PG_RIG_USER"
}

# pg_start DIR: create and start a cluster; export PG* for clients.
# Skips (exit 77) when no server binaries are installed.  Sets
# PG_BINDIR to the bin directory used.
pg_start() {
	local dir=$1 bindir superuser i
	bindir=$(pg_find_bindir) || skip "PostgreSQL server binaries not found"
	PG_BINDIR=$bindir
	PATH=$bindir:$PATH
	export PATH
	mkdir -p "$dir" || fail "cannot create $dir"
	dir=$(cd "$dir" && pwd) || fail "cannot resolve $dir"
	# A unix socket path is limited to about 107 bytes.
	[ "${#dir}" -lt 80 ] || fail "socket directory path too long: $dir"
	if [ "$(id -u)" = 0 ]; then
		pg_rig_user
		chown "$PG_RIG_USER" "$dir" || fail "chown $dir"
		runuser -u "$PG_RIG_USER" -- test -w "$dir" -a -x "$dir" ||
		    fail "$dir is not reachable by $PG_RIG_USER (chmod o+x its parents)"
		superuser=$PG_RIG_USER
	else
		superuser=$(id -un)
	fi
	pg_as_server "$bindir/initdb" -D "$dir/data" -U "$superuser" -A trust \
	    --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
	pg_as_server "$bindir/initdb" -D "$dir/data" -U "$superuser" -A trust \
	    --no-sync -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 || {
		sed 's/^/# /' "$dir/initdb.log" >&2
		fail "initdb failed"
	}
	# From here on the server may run: stop it whatever happens.
	on_exit "pg_stop '$dir'"
	pg_as_server "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
	    -w -t 30 -o "-k '$dir' -p $PG_RIG_PORT -c listen_addresses='' \
	    -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
	    -c shared_buffers=32MB -c max_connections=20 -c TimeZone=UTC" \
	    start >/dev/null || {
		sed 's/^/# /' "$dir/server.log" >&2
		fail "postgres did not start"
	}
	PGHOST=$dir
	PGPORT=$PG_RIG_PORT
	PGUSER=$superuser
	PGDATABASE=postgres
	export PGHOST PGPORT PGUSER PGDATABASE
	# Do not let the caller's environment redirect the clients.
	unset PGSERVICE PGSERVICEFILE PGPASSFILE PGOPTIONS PGHOSTADDR
	for ((i = 0; i < 60; i++)); do
		"$bindir/pg_isready" -q && break
		sleep 0.5
	done
	if [ "$i" = 60 ]; then
		sed 's/^/# /' "$dir/server.log" >&2
		fail "postgres not ready after 30 s"
	fi
	[ -z "$("$bindir/psql" -X -At -c 'SHOW listen_addresses')" ] ||
	    fail "postgres listens on TCP"
}

# pg_stop DIR: stop the cluster in DIR/data at once (no checkpoint).
# Safe to call when it is not running.
pg_stop() {
	local dir=$1 bindir
	[ -f "$dir/data/postmaster.pid" ] || return 0
	bindir=${PG_BINDIR:-$(pg_find_bindir)}
	pg_as_server "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 30 \
	    stop >/dev/null 2>&1 && return 0
	# pg_ctl failed (e.g. the user vanished): kill the postmaster.
	local pid
	pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null) || return 0
	case $pid in
	'' | *[!0-9]*) return 0 ;;
	esac
	kill -QUIT "$pid" 2>/dev/null
	return 0
}
