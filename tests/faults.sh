#!/bin/bash
# tests/faults.sh - I/O failures injected with an LD_PRELOAD shim
# (tests/faults/shim.c; STYLE.md rules 9, 10 and 20).
#
# For each filter, each input (plain, gzip, zstd) and each output
# (standard output, -o FILE, -o FILE.zst), and with rules for each input
# (and the plain dump on standard input) with one of the outputs: a clean
# run counts the calls of read, write, close, fsync, rename, mkstemp and
# open (DF_FAULT=count); then each of those calls in turn is made to fail,
# with all the later calls of the function.  A run then either
#
#   - fails: exit 1, one line on the standard error that starts with the
#     program's name and names the file and the error ("No space left on
#     device"), an existing -o FILE as it was, no ".FILE.XXXXXX" left; or
#   - succeeds, when the failed calls did not matter (the input's close,
#     the directory's fsync after the rename): exit 0, nothing on the
#     standard error, the output of the clean run, no temporary file.
#
# A failed read or write always fails the run, and so does the failure of
# all the calls of close, fsync, rename, mkstemp or open.  Short reads and
# writes and a read or write interrupted once (EINTR) give the clean
# run's output.  A failed close or write of standard output alone
# (DF_FAULT_FD=1) fails the run.
#
# Last, a reader that goes away: "dumpscrub big.sql | head -c 1000" on a
# 200 MB dump (and a 50 MB one, zstd-compressed) ends within seconds, by
# SIGPIPE, or with exit 1 and "Broken pipe" when SIGPIPE is ignored,
# having read little of its input; so do dumpdehydrate and dumprelink on
# a 50 MB dump, stopping early in their last reading of it.  Known bugs are checked last, as
# "not ok ... # TODO" lines that do not fail the test.
#
# Environment: top_srcdir, DUMPSCRUB, DUMPDEHYDRATE, DUMPRELINK; top_builddir or GENDUMP to find
# tests/bench/gendump (built from its source otherwise); SHIM, a built
# shim.so (built with ${CC:-cc} otherwise).  Exit 0 pass, 1 fail, 77 skip.

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

[ -x "$DUMPSCRUB" ] || fail "not executable: $DUMPSCRUB"
[ -x "$DUMPDEHYDRATE" ] || fail "not executable: $DUMPDEHYDRATE"
[ -x "$DUMPRELINK" ] || fail "not executable: $DUMPRELINK"
need_cmd awk base64 cmp od timeout head
case $(uname -s) in
Linux) ;;
*) skip "the shim and its messages are written for Linux and glibc" ;;
esac

tmpdir T
O=$T/out		# the output directory of every run
mkdir "$O"

### The shim and the dumps

if [ -z "${SHIM:-}" ]; then
	SHIM=$T/shim.so
	${CC:-cc} -shared -fPIC -O2 -o "$SHIM" \
	    "$top_srcdir/tests/faults/shim.c" -ldl 2>"$T/cc.err" ||
	    { cat "$T/cc.err" >&2
	    skip "cannot build the shim with ${CC:-cc}"; }
fi
[ -r "$SHIM" ] || fail "no shim: $SHIM"
# An ASan program refuses a library preloaded before its runtime unless
# told not to (with a static runtime, as clang links it, it does not
# check; set it anyway).  Leak checking stays on: error paths must free.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

GENDUMP=${GENDUMP:-${top_builddir:-$top_srcdir}/tests/bench/gendump}
if [ ! -x "$GENDUMP" ]; then
	GENDUMP=$T/gendump
	${CC:-cc} -O2 -o "$GENDUMP" "$top_srcdir/tests/bench/gendump.c" ||
	    skip "cannot build gendump with ${CC:-cc}"
fi

# 1 MB: four 256 KiB blocks each way, so that a fault lands on the first,
# middle and last ones.
"$GENDUMP" pg 1 1 >"$T/in.sql"
"$DUMPSCRUB" -o "$T/in.sql.gz" "$T/in.sql"
"$DUMPSCRUB" -o "$T/in.sql.zst" "$T/in.sql"
printf 'old content\n' >"$T/old"
# Rules give the filters more to do between reads and writes (and make
# dumpscrub read a seekable input twice: the read-ahead, then the rows).
export DUMPFILTERS_KEY='dumpfilters faults key, not a secret'
RULES=$top_srcdir/tests/bench/scrub.rules
DHRULES=$top_srcdir/tests/bench/dehydrate.rules
mkdir "$T/spill"

# The text of an errno, as glibc's strerror() writes it.
errtext() {
	case $1 in
	EACCES) echo 'Permission denied' ;;
	EDQUOT) echo 'Disk quota exceeded' ;;
	EIO) echo 'Input/output error' ;;
	ENOSPC) echo 'No space left on device' ;;
	EPIPE) echo 'Broken pipe' ;;
	*) fail "errtext: $1?" ;;
	esac
}

### Running a filter with a fault

# The case being run, set by run_case: the program's name, command,
# input (a path, or "<PATH" for standard input), output (-, or a path);
# ALSO, another file that a message about the output may name (--report).
NAME="" IN="" OUT="" ALSO=""
CMD=()
RC=0

# inject SPEC [FD]: run the case with DF_FAULT=SPEC (DF_FAULT_FD=FD);
# status in RC, stderr in $T/err, stdout in $T/stdout.  An existing -o
# file holds $T/old.  timeout and env are not preloaded: env replaces
# itself by the filter before its destructor (the count) could run.
inject() {
	local spec=$1 fd=${2:-}
	rm -rf "$O" && mkdir "$O"
	[ "$OUT" = - ] || cp "$T/old" "$OUT"
	RC=0
	if [ "${IN#<}" != "$IN" ]; then
		timeout 20 env LD_PRELOAD="$SHIM" DF_FAULT="$spec" \
		    DF_FAULT_FD="$fd" "${CMD[@]}" <"${IN#<}" \
		    >"$T/stdout" 2>"$T/err" || RC=$?
	else
		timeout 20 env LD_PRELOAD="$SHIM" DF_FAULT="$spec" \
		    DF_FAULT_FD="$fd" "${CMD[@]}" "$IN" \
		    >"$T/stdout" 2>"$T/err" || RC=$?
	fi
}

# The output of the last run.
output() {
	if [ "$OUT" = - ]; then
		echo "$T/stdout"
	else
		echo "$OUT"
	fi
}

# no_temp: no temporary file is left in $O.
no_temp() {
	local left
	left=$(cd "$O" && find . -name '.*.*' -print)
	if [ -n "$left" ]; then
		printf '# temporary files left: %s\n' "$left" >&2
		return 1
	fi
}

# show: the standard error of the last run, indented.
show() {
	sed 's/^/#     /' "$T/err" | head -n 5 >&2
}

# failed_cleanly SPEC FILE ERRNO: the last run failed as it should: exit
# 1, one line "NAME: ...FILE...: ...error text", the -o file untouched,
# no temporary file.
failed_cleanly() {
	local spec=$1 file=$2 text ok=1
	text=$(errtext "$3")
	if [ "$RC" != 1 ]; then
		printf '# %s: exit %s, expected 1\n' "$spec" "$RC" >&2
		ok=0
	fi
	if [ "$(wc -l <"$T/err")" != 1 ] ||
	    ! grep -q "^$NAME: " "$T/err" ||
	    ! { grep -qF -- "$file" "$T/err" ||
	    { [ -n "$ALSO" ] && grep -qF -- "$ALSO" "$T/err"; }; } ||
	    ! grep -qF -- "$text" "$T/err"; then
		printf '# %s: expected one line "%s: ...%s...: ...%s"\n' \
		    "$spec" "$NAME" "$file" "$text" >&2
		ok=0
	fi
	if [ "$OUT" != - ] &&
	    ! same_file "$spec: -o file" "$T/old" "$OUT"; then
		ok=0
	fi
	no_temp || ok=0
	[ "$ok" = 1 ] || show
	[ "$ok" = 1 ]
}

# succeeded SPEC: the last run gave the clean run's output.
succeeded() {
	local spec=$1 ok=1
	if [ "$RC" != 0 ] || [ -s "$T/err" ]; then
		printf '# %s: exit %s, expected 0 and no message\n' \
		    "$spec" "$RC" >&2
		ok=0
	fi
	same_file "$spec: output" "$T/ref" "$(output)" || ok=0
	no_temp || ok=0
	[ "$ok" = 1 ] || show
	[ "$ok" = 1 ]
}

# Calls counted by the clean run, by function name.
declare -A COUNT

# count_calls: the clean run; its output becomes $T/ref.
count_calls() {
	local line w
	inject count
	line=$(grep '^df_fault:' "$T/err" || true)
	sed -i '/^df_fault:/d' "$T/err"
	if [ "$RC" != 0 ] || [ -s "$T/err" ] || [ -z "$line" ]; then
		printf '# clean run: exit %s\n' "$RC" >&2
		show
		return 1
	fi
	cp "$(output)" "$T/ref"
	no_temp || return 1
	COUNT=()
	for w in ${line#df_fault:}; do
		COUNT[${w%=*}]=${w#*=}
	done
	[ "${COUNT[read]}" -gt 0 ] && [ "${COUNT[write]}" -gt 0 ]
}

# must_fail FUNC N: whether failing call N of FUNC and all later ones
# must fail the run: always for read and write (data lost); for the others
# when all their calls fail (N = 1), the output's own among them.  Not
# open with the dump on standard input: its only open is the directory's,
# for the fsync after the rename.
must_fail() {
	case $1 in
	read | write) return 0 ;;
	open) [ "$2" = 1 ] && [ "$IN" = "${IN#<}" ] ;;
	*) [ "$2" = 1 ] ;;
	esac
}

# sweep FUNC ERRNO: fail call N of FUNC and all later ones, for each N of
# the clean run's calls.  The message names the input for read and open
# (the input's open comes first), else the output.
sweep() {
	local fn=$1 e=$2 n max file ok=1
	max=${COUNT[$fn]:-0}
	case $fn in
	read | open) file=${IN#<} ;;
	*) file=$OUT ;;
	esac
	[ "$IN" = "${IN#<}" ] || [ "$file" != "${IN#<}" ] || file='(stdin)'
	[ "$file" != - ] || file='(stdout)'
	for ((n = 1; n <= max; n++)); do
		inject "$fn:$n:$e"
		if must_fail "$fn" "$n" || [ "$RC" != 0 ]; then
			failed_cleanly "$fn:$n:$e of $max" "$file" "$e" || ok=0
		else
			succeeded "$fn:$n:$e of $max" || ok=0
		fi
	done
	[ "$ok" = 1 ]
}

# harmless: short reads and writes, and one EINTR, change nothing.
harmless() {
	local spec ok=1
	for spec in read:1:short write:1:short read:2:EINTR:1 \
	    write:2:EINTR:1; do
		inject "$spec"
		succeeded "$spec" || ok=0
	done
	[ "$ok" = 1 ]
}

# run_case [-a FILE] NAME IN OUT CMD...: every fault for one input and
# output; -a: FILE is another output file that a message may name.
run_case() {
	local what
	ALSO=""
	if [ "$1" = -a ]; then
		ALSO=$2
		shift 2
	fi
	NAME=$1 IN=$2 OUT=$3
	shift 3
	CMD=("$@")
	[ "$OUT" = - ] || CMD+=(-o "$OUT")
	what="$NAME ${*:2}${2:+ }$IN -> $OUT"
	what=${what//$T\//}
	what=${what//$top_srcdir\//}
	if ! count_calls; then
		check "$what: clean run" false
		return
	fi
	check "$what: read fails (${COUNT[read]} calls)" sweep read EIO
	check "$what: write fails (${COUNT[write]} calls)" sweep write ENOSPC
	check "$what: close fails (${COUNT[close]} calls)" sweep close EIO
	[ "${COUNT[fsync]}" = 0 ] ||
	    check "$what: fsync fails (${COUNT[fsync]} calls)" sweep fsync EIO
	[ "${COUNT[rename]}" = 0 ] ||
	    check "$what: rename fails" sweep rename EIO
	[ "${COUNT[mkstemp]}" = 0 ] ||
	    check "$what: mkstemp fails" sweep mkstemp EACCES
	[ "${COUNT[open]}" = 0 ] ||
	    check "$what: open fails (${COUNT[open]} calls)" sweep open EACCES
	check "$what: short reads and writes, EINTR: same output" harmless
	if [ "$OUT" = - ]; then
		# The close of standard output alone.
		inject close:1:EIO 1
		check "$what: close of stdout fails" \
		    failed_cleanly "close:1:EIO on fd 1" '(stdout)' EIO
		inject write:1:EDQUOT 1
		check "$what: write to stdout fails (EDQUOT)" \
		    failed_cleanly "write:1:EDQUOT on fd 1" '(stdout)' EDQUOT
	fi
}

# Inputs: plain, gzip and zstd files, and the plain dump on standard
# input (faults_some only: its reads are those of the plain file).
INPUTS=("$T/in.sql" "$T/in.sql.gz" "$T/in.sql.zst" "<$T/in.sql")
OUTPUTS=(- "$O/out.sql" "$O/out.sql.zst")

# faults_for NAME PROGRAM [ARG...]: run_case for every input file and
# every output.
faults_for() {
	local in out
	for in in "${INPUTS[@]:0:3}"; do
		for out in "${OUTPUTS[@]}"; do
			run_case "$1" "$in" "$out" "${@:2}"
		done
	done
}

# faults_some NAME PROGRAM [ARG...]: run_case for every input, each with
# one output in turn.
faults_some() {
	local i
	for ((i = 0; i < ${#INPUTS[@]}; i++)); do
		run_case "$1" "${INPUTS[i]}" \
		    "${OUTPUTS[i % ${#OUTPUTS[@]}]}" "${@:2}"
	done
}

### The filters: one line each

faults_for dumpscrub "$DUMPSCRUB"
faults_some dumpscrub "$DUMPSCRUB" -r "$RULES"
# The report is committed before the output; a failure of either leaves
# the -o file as it was (the report may stay: see dumpscrub.c).
run_case -a "$O/report.tsv" dumpscrub "$T/in.sql.zst" "$O/out.sql" \
    "$DUMPSCRUB" -r "$RULES" --report="$O/report.tsv"
# dumpdehydrate reads its input two or three times and, with --mem 1M,
# spills key arrays to files in --tmpdir (mkstemp, ftruncate, mmap).
faults_some dumpdehydrate "$DUMPDEHYDRATE" -r "$DHRULES"
faults_some dumpdehydrate "$DUMPDEHYDRATE" -r "$DHRULES" --mem=1M \
    --tmpdir="$T/spill"
run_case -a "$O/report.tsv" dumpdehydrate "$T/in.sql.zst" "$O/out.sql" \
    "$DUMPDEHYDRATE" -r "$DHRULES" --report="$O/report.tsv"
# dumprelink reads its key map first (a message may name it), then the
# dump twice (events, relinked by value, come before users: a pipe is
# spooled), and writes a kept table's rows; --capture writes a key map.
# The map captured from the dump itself maps every id to itself.
RLRULES=$T/relink.rules
KEYMAP=$T/relink.keymap
printf 'table users {\n    id relink uid by email\n}\ntable events {\n    user_id relink uid\n}\nmissing uid keep\nkeep-table settings\n' \
    >"$RLRULES"
"$DUMPRELINK" --capture -r "$RLRULES" -o "$KEYMAP" "$T/in.sql" ||
    fail "dumprelink --capture failed"
for ((i = 0; i < ${#INPUTS[@]}; i++)); do
	run_case -a "$KEYMAP" dumprelink "${INPUTS[i]}" \
	    "${OUTPUTS[i % ${#OUTPUTS[@]}]}" "$DUMPRELINK" -r "$RLRULES" \
	    -k "$KEYMAP" --tmpdir="$T/spill"
done
run_case dumprelink "$T/in.sql.zst" "$O/out.keymap" "$DUMPRELINK" \
    --capture -r "$RLRULES"

### A reader that goes away

"$GENDUMP" pg 200 1 >"$T/big.sql"
"$GENDUMP" pg 50 1 | "$DUMPSCRUB" -o "$T/big.sql.zst"
"$GENDUMP" pg 50 2 >"$T/mid.sql"
"$DUMPRELINK" --capture -r "$RLRULES" -o "$T/mid.keymap" "$T/mid.sql" ||
    fail "dumprelink --capture of mid.sql failed"

# head_closes IN PROGRAM ARG...: "PROGRAM ARG... IN | head -c 1000" ends
# within 20 s, killed by SIGPIPE (141), or exit 1 if the harness ignores
# SIGPIPE.
head_closes() {
	local in=$1 rc t0 t1
	shift
	t0=$(date +%s)
	timeout 60 "$@" "$in" 2>"$T/err" | head -c 1000 >/dev/null || true
	rc=${PIPESTATUS[0]}
	t1=$(date +%s)
	if [ "$rc" != 141 ] && [ "$rc" != 1 ]; then
		printf '# exit %s, expected 141 (SIGPIPE) or 1\n' "$rc" >&2
		show
		return 1
	fi
	if [ $((t1 - t0)) -gt 20 ]; then
		printf '# took %s s\n' $((t1 - t0)) >&2
		return 1
	fi
}

# reads IN PROGRAM ARG...: the read(2) calls of a whole run into READS.
READS=0
reads() {
	local in=$1 line
	shift
	env LD_PRELOAD="$SHIM" DF_FAULT=count "$@" "$in" >/dev/null \
	    2>"$T/err" || { show; return 1; }
	line=$(grep '^df_fault:' "$T/err" || true)
	READS=${line#* read=}
	READS=${READS%% *}
}

# epipe IN MAXREADS PROGRAM ARG...: with SIGPIPE ignored, write fails with
# EPIPE: exit 1, "(stdout): write: Broken pipe", at most MAXREADS reads
# (the 200 MB take 763).
epipe() {
	local in=$1 max=$2 rc line reads prog
	shift 2
	prog=$(basename "$1")
	(
		trap '' PIPE
		exec timeout 60 env LD_PRELOAD="$SHIM" DF_FAULT=count \
		    "$@" "$in" 2>"$T/err"
	) | head -c 1000 >/dev/null || true
	rc=${PIPESTATUS[0]}
	line=$(grep '^df_fault:' "$T/err" || true)
	sed -i '/^df_fault:/d' "$T/err"
	if [ "$rc" != 1 ] || [ "$(wc -l <"$T/err")" != 1 ] ||
	    ! grep -qF "$prog: (stdout): write: Broken pipe" "$T/err"
	then
		printf '# exit %s, expected 1 and "(stdout): write: ' "$rc" >&2
		printf 'Broken pipe"\n' >&2
		show
		return 1
	fi
	reads=${line#* read=}
	reads=${reads%% *}
	if [ -z "$line" ] || [ "$reads" -gt "$max" ]; then
		printf '# %s reads, expected at most %s\n' "${reads:-?}" \
		    "$max" >&2
		return 1
	fi
}

check "big.sql | head: ends promptly" head_closes "$T/big.sql" "$DUMPSCRUB"
check "big.sql.zst | head: ends promptly" \
    head_closes "$T/big.sql.zst" "$DUMPSCRUB"
check "-r rules big.sql | head: ends promptly" \
    head_closes "$T/big.sql" "$DUMPSCRUB" -r "$RULES"
check "-r rules big.sql.zst | head: ends promptly" \
    head_closes "$T/big.sql.zst" "$DUMPSCRUB" -r "$RULES"
check "SIGPIPE ignored, big.sql | head: Broken pipe, stops reading" \
    epipe "$T/big.sql" 16 "$DUMPSCRUB"
check "SIGPIPE ignored, big.sql.zst | head: Broken pipe, stops reading" \
    epipe "$T/big.sql.zst" 16 "$DUMPSCRUB"
check "SIGPIPE ignored, -r rules big.sql | head: Broken pipe" \
    epipe "$T/big.sql" 100000 "$DUMPSCRUB" -r "$RULES"

# dumpdehydrate and dumprelink read the whole input (or its keys) before
# they write a row: they must stop early in their last reading, as
# dumpscrub stops early in its only one (at most 16 reads into it).
DH=("$DUMPDEHYDRATE" -r "$DHRULES")
RL=("$DUMPRELINK" -r "$RLRULES" -k "$T/mid.keymap")
check "dumpdehydrate mid.sql | head: ends promptly" \
    head_closes "$T/mid.sql" "${DH[@]}"
check "dumprelink mid.sql | head: ends promptly" \
    head_closes "$T/mid.sql" "${RL[@]}"
check "dumprelink on a pipe (spooled) | head: ends promptly" \
    head_closes - "${RL[@]}" < <(cat "$T/mid.sql")
reads "$T/mid.sql" "$DUMPSCRUB"
ONE=$READS
reads "$T/mid.sql" "${DH[@]}"
check "SIGPIPE ignored, dumpdehydrate mid.sql | head: Broken pipe, stops" \
    epipe "$T/mid.sql" $((READS - ONE + 16)) "${DH[@]}"
reads "$T/mid.sql" "${RL[@]}"
check "SIGPIPE ignored, dumprelink mid.sql | head: Broken pipe, stops" \
    epipe "$T/mid.sql" $((READS - ONE + 16)) "${RL[@]}"

### Found by this test and fixed in stream.c

# stalled_upstream: a zstd dump on a pipe whose writer stays open and
# silent (pg_dump waiting for a lock), and a write fails.  dumpscrub must
# exit at once, not when the writer sends more or closes.  The dump is
# made to be 2.5 decompression blocks (of base64 noise, so that the
# compressed bytes fill the first 256 KiB read): the reader's first fill
# takes two blocks and its first write fails, while the decompression
# thread waits in read(2) for the rest of the third one, which never comes.
stalled_upstream() {
	local pid i ok=0
	if [ ! -s "$T/noise.sql.zst" ]; then
		{
			printf 'CREATE TABLE public.t (id integer, v text);\n'
			printf 'COPY public.t (id, v) FROM stdin;\n'
			head -c 480000 /dev/urandom | base64 -w 76 |
			    awk '{ printf "%d\t%s\n", NR, $0 }'
			printf '\\.\n'
		} >"$T/noise.sql"
		"$DUMPSCRUB" -o "$T/noise.sql.zst" "$T/noise.sql" || return 1
	fi
	rm -rf "$O" && mkdir "$O"
	cp "$T/old" "$O/out.sql"
	rm -f "$T/fifo"
	mkfifo "$T/fifo"
	env LD_PRELOAD="$SHIM" DF_FAULT=write:1:ENOSPC \
	    "$DUMPSCRUB" -o "$O/out.sql" <"$T/fifo" 2>"$T/err" &
	pid=$!
	exec 3>"$T/fifo"
	cat "$T/noise.sql.zst" >&3
	for ((i = 0; i < 20; i++)); do
		if ! kill -0 "$pid" 2>/dev/null; then
			ok=1
			break
		fi
		sleep 0.1
	done
	exec 3>&-
	RC=0
	wait "$pid" || RC=$?
	if [ "$ok" != 1 ]; then
		printf '# still running 2 s after the failed write; ' >&2
		printf 'ended (exit %s) when its input was closed\n' "$RC" >&2
		return 1
	fi
	failed_cleanly "write:1:ENOSPC, stalled input" "$O/out.sql" ENOSPC
}

# write_zero: a write(2) that returns 0 is an error, not a reason to try
# again for ever (write_full() in stream.c loops).
write_zero() {
	local rc=0
	timeout 2 env LD_PRELOAD="$SHIM" DF_FAULT=write:1:zero \
	    "$DUMPSCRUB" "$T/in.sql" >/dev/null 2>"$T/err" || rc=$?
	if [ "$rc" != 1 ]; then
		printf '# exit %s (124: killed after 2 s), expected 1\n' \
		    "$rc" >&2
		return 1
	fi
}

IN=- OUT=$O/out.sql NAME=dumpscrub ALSO=""
check "stalled compressed input, failed write: exits at once" \
    stalled_upstream
check "write(2) returning 0: exit 1, no endless loop" write_zero

check_done
