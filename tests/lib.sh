# shellcheck shell=bash
# tests/lib.sh - helpers sourced by the shell tests.
#
# Exit codes follow automake's parallel test harness: 0 pass, 1 fail,
# 77 skip.  A skip is a failure when CI=true, so a CI machine that lacks
# a tool cannot report green without running the test.
#
# Cleanup is composable: each helper that creates something registers
# its undo with on_exit; the commands run in reverse order on EXIT, INT
# and TERM, so a server started in a temporary directory is stopped
# before the directory is removed.

if [ -z "${BASH_VERSION:-}" ]; then
	echo "tests/lib.sh: needs bash" >&2
	exit 1
fi

# The exit code of the test when some check() failed; see check_done.
LIB_FAILED=0
LIB_ON_EXIT=()

# fail MSG: print "FAIL: MSG" on stderr and exit 1.
fail() {
	printf 'FAIL: %s\n' "$*" >&2
	exit 1
}

# skip MSG: exit 77 (skip), or 1 when CI=true.
skip() {
	if [ "${CI:-}" = true ]; then
		printf 'FAIL: skip not allowed in CI: %s\n' "$*" >&2
		exit 1
	fi
	printf 'SKIP: %s\n' "$*" >&2
	exit 77
}

# need_cmd NAME...: skip unless every NAME is a command.
need_cmd() {
	local c
	for c in "$@"; do
		command -v "$c" >/dev/null 2>&1 || skip "command not found: $c"
	done
}

# on_exit CMD...: run CMD (a string, eval'ed) when the shell exits or is
# interrupted.  Commands run last-registered first; a failing command
# does not stop the others.
on_exit() {
	LIB_ON_EXIT+=("$*")
}

lib_run_exit() {
	local rc=$1 i
	# Run once: further signals and the EXIT that follows our exit
	# below must not start the cleanup again.
	trap '' INT TERM
	trap - EXIT
	set +e
	for ((i = ${#LIB_ON_EXIT[@]} - 1; i >= 0; i--)); do
		eval "${LIB_ON_EXIT[i]}"
	done
	LIB_ON_EXIT=()
	exit "$rc"
}
trap 'lib_run_exit $?' EXIT
trap 'lib_run_exit 130' INT
trap 'lib_run_exit 143' TERM

# tmpdir [VAR]: create a temporary directory, store its path in VAR
# (default T) and remove it on exit.  Set KEEP_TMP=1 to keep it for
# debugging.  Not meant for $(...): the cleanup would register in the
# subshell.
tmpdir() {
	local var=${1:-T} d
	d=$(mktemp -d "${TMPDIR:-/tmp}/dftest.XXXXXX") ||
	    fail "mktemp -d failed"
	if [ "${KEEP_TMP:-}" = 1 ]; then
		on_exit "echo 'kept $d' >&2"
	else
		on_exit "rm -rf '$d'"
	fi
	printf -v "$var" '%s' "$d"
}

# check NAME CMD...: run CMD; print "ok - NAME" or "not ok - NAME" and
# remember the failure.  CMD's output goes to stderr-visible diagnostics.
check() {
	local name=$1
	shift
	if "$@"; then
		printf 'ok - %s\n' "$name"
	else
		printf 'not ok - %s\n' "$name"
		LIB_FAILED=1
	fi
}

# check_done: exit 1 if any check failed, else 0.
check_done() {
	if [ "$LIB_FAILED" != 0 ]; then
		echo "FAIL: some checks failed (see 'not ok' lines)" >&2
		exit 1
	fi
	exit 0
}

# same_file WHAT EXPECTED ACTUAL: cmp two files; on a difference show
# cmp's verdict, the offset's line and a short hex dump of both sides.
same_file() {
	local what=$1 a=$2 b=$3 out off
	if out=$(cmp -- "$a" "$b" 2>&1); then
		return 0
	fi
	printf '# %s: %s\n' "$what" "$out" >&2
	# "differ: byte N, line L" or "EOF on F after byte N, line L".
	off=$(printf '%s\n' "$out" |
	    sed -n 's/.* \(differ: byte\|after byte\) \([0-9]*\).*/\2/p')
	if [ -n "$off" ]; then
		off=$((off > 32 ? off - 32 : 0))
		printf '# expected (%s) from byte %d:\n' "$a" "$off" >&2
		od -A d -t x1z -j "$off" -N 64 -- "$a" | sed 's/^/#   /' >&2
		printf '# actual (%s) from byte %d:\n' "$b" "$off" >&2
		od -A d -t x1z -j "$off" -N 64 -- "$b" | sed 's/^/#   /' >&2
	fi
	return 1
}

# same_text WHAT EXPECTED ACTUAL: like same_file for line-oriented text,
# showing the first lines of a unified diff (long lines cut).
same_text() {
	local what=$1 a=$2 b=$3
	if cmp -s -- "$a" "$b"; then
		return 0
	fi
	printf '# %s: %s and %s differ:\n' "$what" "$a" "$b" >&2
	diff -u -- "$a" "$b" | head -n 20 | cut -c1-200 | sed 's/^/#   /' >&2
	return 1
}
