#!/bin/bash
# tests/golden.sh - golden tests of dumpscrub, dumpdehydrate and dumprelink
# (STYLE.md rules 17 and 18).
#
# Each directory tests/golden/PROGRAM/CASE (PROGRAM: dumpscrub,
# dumpdehydrate or dumprelink) holds:
#   cmd              the arguments after the program name, separated by
#                    white space; the word INPUT stands for input.sql;
#                    without INPUT, input.sql is fed on standard input
#   input.sql        the dump (optional for usage errors: stdin is empty)
#   rules            a rules file, when cmd names one
#   expected.out     exact expected standard output
#   expected.err     exact expected standard error; or expected.err.glob,
#                    a bash pattern the whole of it must match; with
#                    neither, standard error must be empty
#   expected.exit    the exit status (default 0)
#   target.sql       dumprelink: a dump of the target environment; before
#                    the case runs, `dumprelink --capture -r rules` makes a
#                    key map of it, and the word KEYMAP in cmd stands for
#                    that file
#
# The command runs in the case directory.  Each case runs twice (the
# outputs must be identical: determinism) and again with input.sql
# compressed by gzip and by zstd, in a copy of the case directory where
# input.sql holds the compressed bytes, so messages naming the file read
# the same.  Every run must meet the same expectations.  On a mismatch
# the command and a hex dump at the first differing byte are printed.
#
# UPDATE_GOLDEN=1 rewrites expected.out, expected.err (unless a .glob
# file is used) and expected.exit from a plain run, for review with git
# diff.  GOLDEN_CASES="a b" runs only those cases.
#
# Every case runs with the same secret in DUMPFILTERS_KEY, so keyed
# outputs are stable; a case that needs another key says so in cmd
# (--key-file) or in its rules (key env / key file).
#
# Environment: top_srcdir, DUMPSCRUB, DUMPDEHYDRATE, DUMPRELINK.  Exit 0
# pass, 1 fail.

# Check functions run through check() (lib.sh).
# shellcheck disable=SC2317

# The harness may run us with /bin/sh.
if [ -z "${BASH_VERSION:-}" ]; then
	exec bash "$0" "$@"
fi
set -eu

: "${top_srcdir:?top_srcdir must name the source tree}"
: "${DUMPSCRUB:?DUMPSCRUB must name the dumpscrub program}"
: "${DUMPDEHYDRATE:=${top_builddir:-.}/dumpdehydrate}"
: "${DUMPRELINK:=${top_builddir:-.}/dumprelink}"
# shellcheck source=tests/lib.sh disable=SC1091  # followed with -x
. "$top_srcdir/tests/lib.sh"

GOLDEN=$top_srcdir/tests/golden
DUMPFILTERS_KEY='golden test key: not a secret'
export DUMPFILTERS_KEY
# A hung run is a failure, not a hung test suite.
RUN_TIMEOUT=${GOLDEN_TIMEOUT:-60}

[ -d "$GOLDEN" ] || fail "no golden cases in $GOLDEN"
[ -x "$DUMPSCRUB" ] || fail "not executable: $DUMPSCRUB"
[ -x "$DUMPDEHYDRATE" ] || fail "not executable: $DUMPDEHYDRATE"
[ -x "$DUMPRELINK" ] || fail "not executable: $DUMPRELINK"
need_cmd od cmp timeout

tmpdir T
mkdir -p "$T/dehydrate"

# The variants every case runs in besides the plain one.
VARIANTS=()
command -v gzip >/dev/null 2>&1 && VARIANTS+=(gzip)
command -v zstd >/dev/null 2>&1 && VARIANTS+=(zstd)
if [ "${#VARIANTS[@]}" -lt 2 ]; then
	if [ "${CI:-}" = true ]; then
		fail "gzip and zstd are required when CI=true"
	fi
	printf '# gzip or zstd missing: only running variants: %s\n' \
	    "${VARIANTS[*]:-none}"
fi

# read_args CASEDIR: the words of CASEDIR/cmd into ARGS; HAS_INPUT says
# whether one of them was INPUT (now input.sql).
ARGS=()
HAS_INPUT=0
read_args() {
	local line=() w
	ARGS=()
	HAS_INPUT=0
	while read -r -a line || [ "${#line[@]}" -gt 0 ]; do
		for w in "${line[@]}"; do
			if [ "$w" = INPUT ]; then
				HAS_INPUT=1
				w=input.sql
			fi
			[ "$w" = KEYMAP ] && w=$KEYMAP
			ARGS+=("$w")
		done
		line=()
	done <"$1/cmd"
}

# show_cmd DIR: the command as it ran, for diagnostics.
show_cmd() {
	local stdin=
	[ "$HAS_INPUT" = 1 ] || stdin=' < input.sql'
	printf '# command: (cd %q && %q%s%s)\n' "$1" "$PROG" \
	    "$(printf ' %q' "${ARGS[@]}")" "$stdin" >&2
}

# run DIR OUTPREFIX: run the case's command in DIR; stdout and stderr go
# to OUTPREFIX.out and OUTPREFIX.err, the status to OUTPREFIX.exit.
run() {
	local dir=$1 pre=$2 rc=0 in=/dev/null
	[ -e "$dir/input.sql" ] && in=$dir/input.sql
	[ "$HAS_INPUT" = 1 ] && in=/dev/null
	(cd "$dir" && exec timeout "$RUN_TIMEOUT" "$PROG" "${ARGS[@]}") \
	    <"$in" >"$pre.out" 2>"$pre.err" || rc=$?
	printf '%d\n' "$rc" >"$pre.exit"
}

# expect CASEDIR DIR OUTPREFIX: the outputs of a run in DIR meet the
# case's expectations.
expect() {
	local cdir=$1 dir=$2 pre=$3 want_rc=0 got_rc bad=0 pat got
	got_rc=$(cat "$pre.exit")
	[ -e "$cdir/expected.exit" ] && want_rc=$(cat "$cdir/expected.exit")
	if [ "$got_rc" != "$want_rc" ]; then
		printf '# exit status %s, expected %s\n' "$got_rc" \
		    "$want_rc" >&2
		[ "$got_rc" = 124 ] &&
		    printf '# (timed out after %s s)\n' "$RUN_TIMEOUT" >&2
		bad=1
	fi
	if [ ! -e "$cdir/expected.out" ]; then
		printf '# no expected.out (run with UPDATE_GOLDEN=1)\n' >&2
		bad=1
	elif ! same_file "stdout" "$cdir/expected.out" "$pre.out"; then
		bad=1
	fi
	if [ -e "$cdir/expected.err.glob" ]; then
		pat=$(cat "$cdir/expected.err.glob")
		got=$(cat "$pre.err")
		# shellcheck disable=SC2053  # the right side is a pattern
		if [[ $got != $pat ]]; then
			printf '# stderr does not match %s:\n' \
			    expected.err.glob >&2
			sed 's/^/#   /' "$pre.err" >&2
			bad=1
		fi
	elif [ -e "$cdir/expected.err" ]; then
		same_file "stderr" "$cdir/expected.err" "$pre.err" || bad=1
	elif [ -s "$pre.err" ]; then
		printf '# unexpected stderr:\n' >&2
		sed 's/^/#   /' "$pre.err" >&2
		bad=1
	fi
	if [ "$bad" != 0 ]; then
		show_cmd "$dir"
		return 1
	fi
	return 0
}

# update CASEDIR OUTPREFIX: rewrite the expectations from a run.
update() {
	local cdir=$1 pre=$2 rc
	cp "$pre.out" "$cdir/expected.out"
	if [ ! -e "$cdir/expected.err.glob" ]; then
		if [ -s "$pre.err" ]; then
			cp "$pre.err" "$cdir/expected.err"
		else
			rm -f "$cdir/expected.err"
		fi
	fi
	rc=$(cat "$pre.exit")
	if [ "$rc" != 0 ]; then
		printf '%s\n' "$rc" >"$cdir/expected.exit"
	else
		rm -f "$cdir/expected.exit"
	fi
}

# same_run A B: two runs gave the same stdout, stderr and status.
same_run() {
	same_file "stdout of the second run" "$1.out" "$2.out" &&
	    same_file "stderr of the second run" "$1.err" "$2.err" &&
	    cmp -s "$1.exit" "$2.exit"
}

# variant_dir CASEDIR NAME: a copy of the case directory with input.sql
# compressed by NAME; prints its path.
variant_dir() {
	local cdir=$1 v=$2 vdir
	vdir=$T/$v/$(basename "$cdir")
	mkdir -p "$vdir"
	cp -R "$cdir/." "$vdir/"
	case $v in
	gzip) gzip -n -c "$cdir/input.sql" >"$vdir/input.sql" ;;
	zstd) zstd -q -c "$cdir/input.sql" >"$vdir/input.sql" ;;
	esac
	printf '%s\n' "$vdir"
}

ncases=0
# capture CASEDIR NAME: the key map of CASEDIR/target.sql into $KEYMAP.
capture() {
	(cd "$1" && timeout "$RUN_TIMEOUT" "$DUMPRELINK" --capture -r rules \
	    -o "$KEYMAP" target.sql)
}

mkdir -p "$T/relink"
for cdir in "$GOLDEN"/dumpscrub/*/ "$GOLDEN"/dumpdehydrate/*/ \
    "$GOLDEN"/dumprelink/*/; do
	cdir=${cdir%/}
	[ -d "$cdir" ] || continue
	name=$(basename "$cdir")
	case $cdir in
	*/dumpdehydrate/*) PROG=$DUMPDEHYDRATE name=dehydrate/$name ;;
	*/dumprelink/*) PROG=$DUMPRELINK name=relink/$name ;;
	*) PROG=$DUMPSCRUB ;;
	esac
	KEYMAP=$T/$name.keymap
	if [ -n "${GOLDEN_CASES:-}" ] &&
	    [[ " $GOLDEN_CASES " != *" $name "* ]]; then
		continue
	fi
	ncases=$((ncases + 1))
	if [ ! -e "$cdir/cmd" ]; then
		check "$name: has a cmd file" false
		continue
	fi
	if [ -e "$cdir/target.sql" ] &&
	    ! check "$name: key map captured" capture "$cdir"; then
		continue
	fi
	read_args "$cdir"
	out=$T/$name
	run "$cdir" "$out.1"
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		update "$cdir" "$out.1"
		printf '# %s: expectations rewritten\n' "$name"
	fi
	check "$name" expect "$cdir" "$cdir" "$out.1"
	run "$cdir" "$out.2"
	check "$name: second run identical (determinism)" \
	    same_run "$out.1" "$out.2"
	[ -e "$cdir/input.sql" ] || continue
	for v in "${VARIANTS[@]}"; do
		vdir=$(variant_dir "$cdir" "$v")
		run "$vdir" "$out.$v"
		check "$name: input compressed with $v" \
		    expect "$cdir" "$vdir" "$out.$v"
	done
done

[ "$ncases" -gt 0 ] || fail "no golden case ran"
check_done
