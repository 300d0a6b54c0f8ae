# shellcheck shell=bash
# tests/rig/mariadb.sh - a throw-away MariaDB server for real-server tests.
#
# Source after tests/lib.sh.  my_start DIR installs a data directory in
# DIR/data and starts mariadbd with its socket at DIR/mysql.sock and
# networking off; it registers my_stop with on_exit, so the server is
# stopped however the test ends.  Clients go through my_client and
# my_dump, which pass --no-defaults, the socket and -uroot (no password:
# the root account is created with the "normal" authentication method).
# No option file of the machine is read by the server or the clients.

MY_SOCK=
MY_BIN=
MY_DUMP=
MY_ADMIN=
MY_CLIENT=

# my_find_cmd NAME...: print the first NAME found in PATH or /usr/sbin,
# or only in MY_BINDIR when the caller set it.
my_find_cmd() {
	local n
	if [ -n "${MY_BINDIR:-}" ]; then
		for n in "$@"; do
			if [ -x "$MY_BINDIR/$n" ]; then
				printf '%s\n' "$MY_BINDIR/$n"
				return 0
			fi
		done
		return 1
	fi
	for n in "$@"; do
		if command -v "$n" >/dev/null 2>&1; then
			command -v "$n"
			return 0
		fi
		if [ -x "/usr/sbin/$n" ]; then
			printf '%s\n' "/usr/sbin/$n"
			return 0
		fi
	done
	return 1
}

# my_client ARGS...: the command-line client, connected as root.
my_client() {
	"$MY_CLIENT" --no-defaults --socket="$MY_SOCK" -uroot \
	    --max-allowed-packet=512M "$@"
}

# my_dump ARGS...: mariadb-dump, connected as root.
my_dump() {
	"$MY_DUMP" --no-defaults --socket="$MY_SOCK" -uroot \
	    --max-allowed-packet=512M "$@"
}

# my_admin ARGS...: mariadb-admin, connected as root.
my_admin() {
	"$MY_ADMIN" --no-defaults --socket="$MY_SOCK" -uroot "$@"
}

# my_start DIR: install and start a server.  Skips (exit 77) when the
# server binaries are not installed.
my_start() {
	local dir=$1 install user i pid
	MY_BIN=$(my_find_cmd mariadbd mysqld) || skip "mariadbd not found"
	install=$(my_find_cmd mariadb-install-db mysql_install_db) ||
	    skip "mariadb-install-db not found"
	MY_CLIENT=$(my_find_cmd mariadb mysql) || skip "mariadb client not found"
	MY_DUMP=$(my_find_cmd mariadb-dump mysqldump) ||
	    skip "mariadb-dump not found"
	MY_ADMIN=$(my_find_cmd mariadb-admin mysqladmin) ||
	    skip "mariadb-admin not found"
	mkdir -p "$dir" || fail "cannot create $dir"
	dir=$(cd "$dir" && pwd) || fail "cannot resolve $dir"
	[ "${#dir}" -lt 90 ] || fail "socket path too long: $dir"
	MY_SOCK=$dir/mysql.sock
	user=$(id -un)
	"$install" --no-defaults --datadir="$dir/data" --user="$user" \
	    --auth-root-authentication-method=normal --skip-test-db \
	    --skip-name-resolve >"$dir/install.log" 2>&1 || {
		sed 's/^/# /' "$dir/install.log" >&2
		fail "mariadb-install-db failed"
	}
	# From here on the server may run: stop it whatever happens.
	on_exit "my_stop '$dir'"
	# Small memory, no durability, no TCP.  --user is needed as root
	# and harmless otherwise.  Temporary tables live in the test's
	# directory: a /tmp cleaner on a shared machine once removed one
	# mid-dump.
	mkdir -p "$dir/tmp" || fail "cannot create $dir/tmp"
	[ "$(id -u)" != 0 ] || chown "$user" "$dir/tmp"
	"$MY_BIN" --no-defaults --datadir="$dir/data" --socket="$MY_SOCK" \
	    --tmpdir="$dir/tmp" \
	    --pid-file="$dir/mariadbd.pid" --log-error="$dir/error.log" \
	    --user="$user" --skip-networking --skip-name-resolve \
	    --default-time-zone=+00:00 \
	    --character-set-server=utf8mb4 --collation-server=utf8mb4_bin \
	    --max-allowed-packet=512M \
	    --innodb-buffer-pool-size=32M --innodb-log-file-size=64M \
	    --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
	    --innodb-flush-method=nosync --skip-innodb-adaptive-hash-index \
	    --key-buffer-size=1M --aria-pagecache-buffer-size=1M \
	    --performance-schema=OFF --skip-log-bin --event-scheduler=OFF \
	    </dev/null >"$dir/stdout.log" 2>&1 &
	pid=$!
	printf '%s\n' "$pid" >"$dir/mariadbd.shellpid"
	for ((i = 0; i < 60; i++)); do
		if my_admin --connect-timeout=2 ping >/dev/null 2>&1; then
			[ "$(my_client -N -B -e 'SELECT @@skip_networking')" = 1 ] ||
			    fail "mariadbd listens on TCP"
			return 0
		fi
		if ! kill -0 "$pid" 2>/dev/null; then
			sed 's/^/# /' "$dir/error.log" "$dir/stdout.log" >&2
			fail "mariadbd exited at start"
		fi
		sleep 0.5
	done
	sed 's/^/# /' "$dir/error.log" >&2
	fail "mariadbd not ready after 30 s"
}

# my_stop DIR: shut the server down; kill it if it does not go within
# 30 s.  Safe to call when it is not running.
my_stop() {
	local dir=$1 pid i
	pid=$(cat "$dir/mariadbd.shellpid" 2>/dev/null) || return 0
	case $pid in
	'' | *[!0-9]*) return 0 ;;
	esac
	kill -0 "$pid" 2>/dev/null || return 0
	"${MY_ADMIN:-mariadb-admin}" --no-defaults --socket="$dir/mysql.sock" \
	    -uroot --connect-timeout=2 shutdown >/dev/null 2>&1 ||
	    kill -TERM "$pid" 2>/dev/null
	for ((i = 0; i < 60; i++)); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.5
	done
	kill -KILL "$pid" 2>/dev/null
	return 0
}
