#!/bin/bash
# tests/atomic.sh - "-o FILE" is atomic (STYLE.md rule 10).
#
#   - success replaces FILE; failure (bad input, a signal) leaves an
#     existing FILE as it was, creates none, and leaves no ".FILE.*"
#     temporary file;
#   - the new FILE's mode is 0666 & ~umask, as open(2) would make it;
#   - the suffix chooses the compression (.gz gzip, .zst zstd) and
#     --compress overrides it;
#   - SIGTERM and SIGHUP while the output is half written remove the
#     temporary file and the process dies of the signal.
#
# Environment: top_srcdir, DUMPSCRUB.  Exit 0 pass, 1 fail.

# Check functions run through check() (lib.sh).
# shellcheck disable=SC2317

# The harness may run us with /bin/sh.
if [ -z "${BASH_VERSION:-}" ]; then
	exec bash "$0" "$@"
fi
set -eu

: "${top_srcdir:?top_srcdir must name the source tree}"
: "${DUMPSCRUB:?DUMPSCRUB must name the dumpscrub program}"
# shellcheck source=tests/lib.sh disable=SC1091  # followed with -x
. "$top_srcdir/tests/lib.sh"

[ -x "$DUMPSCRUB" ] || fail "not executable: $DUMPSCRUB"
need_cmd cmp od mkfifo timeout

tmpdir T
O=$T/out		# the output directory of every run
mkdir "$O"

cat >"$T/good.sql" <<'EOF'
--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;

CREATE TABLE public.t (
    id integer NOT NULL,
    v text
);

COPY public.t (id, v) FROM stdin;
1	one
2	two\ttabbed
\.

--
-- PostgreSQL database dump complete
--

EOF
# Truncated inside the COPY block.
head -n 13 "$T/good.sql" >"$T/bad.sql"
printf '2\ttw' >>"$T/bad.sql"
# A dump of a few MB that fails at its very end: output has been
# written (and flushed to the temporary file) before the error.
{
	head -n 12 "$T/good.sql"
	for ((i = 0; i < 2000; i++)); do
		printf '%d\t%01000d\n' "$i" "$i"
	done
	printf '%d\ttruncated' "$i"
} >"$T/bad-late.sql"
printf 'old content\n' >"$T/old"

RC=0
# scrub ARGS...: run dumpscrub, status in RC, stderr in $T/err.
scrub() {
	RC=0
	timeout 60 "$DUMPSCRUB" "$@" >"$T/stdout" 2>"$T/err" || RC=$?
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

# status_is N: the last run exited with N.
status_is() {
	if [ "$RC" != "$1" ]; then
		printf '# exit status %s, expected %s; stderr:\n' "$RC" "$1" >&2
		sed 's/^/#   /' "$T/err" >&2
		return 1
	fi
}

# magic FILE HEX: FILE starts with the bytes HEX (e.g. 1f8b).
magic() {
	local got
	got=$(od -A n -t x1 -N $((${#2} / 2)) -- "$1" | tr -d ' \n')
	if [ "$got" != "$2" ]; then
		printf '# %s starts with %s, expected %s\n' "$1" "$got" "$2" >&2
		return 1
	fi
}

# mode_is FILE OCTAL: FILE's permission bits.
mode_is() {
	local got
	got=$(stat -c %a -- "$1")
	if [ "$got" != "$2" ]; then
		printf '# %s has mode %s, expected %s\n' "$1" "$got" "$2" >&2
		return 1
	fi
}

### Success replaces, failure keeps

cp "$T/old" "$O/dump.sql"
scrub -o "$O/dump.sql" "$T/good.sql"
check "success: exit 0" status_is 0
check "success: the existing file is replaced" \
    same_file "replaced file" "$T/good.sql" "$O/dump.sql"
check "success: no temporary file left" no_temp
check "success: nothing on stdout" test ! -s "$T/stdout"

cp "$T/old" "$O/dump.sql"
scrub -o "$O/dump.sql" "$T/bad.sql"
check "bad input: exit 1" status_is 1
check "bad input: the existing file keeps its content" \
    same_file "kept file" "$T/old" "$O/dump.sql"
check "bad input: no temporary file left" no_temp

scrub -o "$O/dump.sql" "$T/bad-late.sql"
check "bad input after MBs of output: exit 1" status_is 1
check "bad input after MBs of output: the existing file is kept" \
    same_file "kept file" "$T/old" "$O/dump.sql"
check "bad input after MBs of output: no temporary file left" no_temp

rm -f "$O/dump.sql"
scrub -o "$O/new.sql" "$T/bad-late.sql"
check "bad input, no existing file: none is created" test ! -e "$O/new.sql"
check "bad input, no existing file: no temporary file left" no_temp
scrub --inventory -o "$O/inv.tsv" "$T/bad.sql"
check "bad input with --inventory: exit 1" status_is 1
check "bad input with --inventory: no file" test ! -e "$O/inv.tsv"
check "bad input with --inventory: no temporary file left" no_temp

# The input may be the output: it is read before the rename.
cp "$T/good.sql" "$O/same.sql"
scrub -o "$O/same.sql" "$O/same.sql"
check "-o FILE with FILE as the input: exit 0" status_is 0
check "-o FILE with FILE as the input: content kept" \
    same_file same "$T/good.sql" "$O/same.sql"
rm -f "$O/same.sql"

# -o - is standard output.
scrub -o - "$T/good.sql"
check "-o -: exit 0" status_is 0
check "-o -: standard output" same_file stdout "$T/good.sql" "$T/stdout"
check "-o -: no file named -" test ! -e ./-

### Mode: 0666 & ~umask

for m in 022 027 077 002; do
	want=$(printf '%o' $((0666 & ~0$m)))
	rm -f "$O/mode.sql"
	(umask "$m" && exec "$DUMPSCRUB" -o "$O/mode.sql" "$T/good.sql") || true
	check "umask $m: new file mode $want" mode_is "$O/mode.sql" "$want"
done
# Replacing a file with other permissions gives a new file's mode.
chmod 600 "$O/mode.sql"
(umask 022 && exec "$DUMPSCRUB" -o "$O/mode.sql" "$T/good.sql") || true
check "umask 022 over a 0600 file: mode 644" mode_is "$O/mode.sql" 644
rm -f "$O/mode.sql"

### Compression by suffix and by --compress

scrub -o "$O/out.gz" "$T/good.sql"
check "-o out.gz: gzip magic 1f8b" magic "$O/out.gz" 1f8b
scrub -o "$O/out.zst" "$T/good.sql"
check "-o out.zst: zstd magic 28b52ffd" magic "$O/out.zst" 28b52ffd
scrub --compress=none -o "$O/plain.gz" "$T/good.sql"
check "--compress=none -o x.gz: plain" \
    same_file "plain output" "$T/good.sql" "$O/plain.gz"
scrub --compress=zstd -o "$O/z.sql" "$T/good.sql"
check "--compress=zstd -o x.sql: zstd" magic "$O/z.sql" 28b52ffd
scrub --compress=gzip:9 -o "$O/g.zst" "$T/good.sql"
check "--compress=gzip:9 -o x.zst: gzip" magic "$O/g.zst" 1f8b
scrub --compress=gzip "$T/good.sql"
check "--compress=gzip to stdout: gzip" magic "$T/stdout" 1f8b
if command -v gzip >/dev/null 2>&1; then
	gzip -dc "$O/out.gz" >"$T/gunzipped"
	check "-o out.gz decompresses to the input" \
	    same_file "gunzipped" "$T/good.sql" "$T/gunzipped"
fi
if command -v zstd >/dev/null 2>&1; then
	zstd -q -dc "$O/out.zst" >"$T/unzstd"
	check "-o out.zst decompresses to the input" \
	    same_file "unzstd" "$T/good.sql" "$T/unzstd"
fi
# dumpscrub reads its own compressed output back.
scrub "$O/out.zst"
check "dumpscrub reads its .zst output back" \
    same_file "round trip" "$T/good.sql" "$T/stdout"
scrub "$O/out.gz"
check "dumpscrub reads its .gz output back" \
    same_file "round trip" "$T/good.sql" "$T/stdout"
check "no temporary file left after the compressed runs" no_temp
rm -f "$O"/*

# A full disk on standard output is an error, not a silent loss.
if [ -w /dev/full ]; then
	RC=0
	"$DUMPSCRUB" "$T/good.sql" >/dev/full 2>"$T/err" || RC=$?
	check "stdout on a full device: exit 1" status_is 1
fi

### Signals while writing

# killed_mid_run SIG: start dumpscrub -o on a fifo whose writer stays
# open, feed it MBs so the temporary file exists and holds data, send
# SIG; it must die of SIG and leave neither temporary nor target, and
# an existing target must be untouched.
killed_mid_run() {
	local sig=$1 num pid job i rc=0 ok=0 target=$O/sig.sql
	num=$(kill -l "$sig")
	rm -f "$T/fifo"
	mkfifo "$T/fifo"
	cp "$T/old" "$target"
	rm -f "$T/pid" "$T/rc"
	# dumpscrub runs as a child of a subshell that records its status,
	# so the shell has no job of its own killed by a signal to report.
	(
		rc=0
		sh -c 'echo $$ >"$1" && exec "$2" -o "$3" "$4"' sh \
		    "$T/pid" "$DUMPSCRUB" "$target" "$T/fifo" 2>"$T/err" ||
		    rc=$?
		echo "$rc" >"$T/rc"
	) 2>/dev/null &
	job=$!
	exec 3>"$T/fifo"
	pid=$(cat "$T/pid")
	{
		head -n 12 "$T/good.sql"
		for ((i = 0; i < 3000; i++)); do
			printf '%d\t%01000d\n' "$i" "$i"
		done
	} >&3
	# Wait for the temporary file to hold data.
	for ((i = 0; i < 100; i++)); do
		if [ -n "$(cd "$O" && find . -name '.sig.sql.*' -size +0)" ]
		then
			ok=1
			break
		fi
		sleep 0.1
	done
	[ "$ok" = 1 ] || printf '# no temporary file appeared\n' >&2
	kill -s "$sig" "$pid"
	# Give it 10 s to die, then make sure it does.
	for ((i = 0; i < 100; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		printf '# still running 10 s after SIG%s\n' "$sig" >&2
		kill -s KILL "$pid"
		ok=0
	fi
	wait "$job" || true
	rc=$(cat "$T/rc")
	exec 3>&-
	if [ "$rc" != $((128 + num)) ]; then
		printf '# exit status %s, expected %s (death by SIG%s)\n' \
		    "$rc" $((128 + num)) "$sig" >&2
		ok=0
	fi
	no_temp || ok=0
	same_file "target after SIG$sig" "$T/old" "$target" || ok=0
	rm -f "$target" "$T/fifo"
	[ "$ok" = 1 ]
}
### -o to a device or FIFO writes to it (renaming over it would destroy it)

# A FIFO stands for /dev/null here: a test must not risk the real one.
writes_to_fifo() {
	local got
	mkfifo "$T/out.fifo" || return 1
	cat "$T/out.fifo" >"$T/from-fifo" &
	"$DUMPSCRUB" -o "$T/out.fifo" "$T/good.sql" || return 1
	wait $! || return 1
	got=$(stat -c %F -- "$T/out.fifo")
	[ "$got" = fifo ] || { printf '# the FIFO became a %s\n' "$got" >&2
	    return 1; }
	same_file "through the FIFO" "$T/good.sql" "$T/from-fifo"
}
check "-o FIFO: written through, the FIFO stays a FIFO" writes_to_fifo
# The single quotes are for eval, which expands them.
# shellcheck disable=SC2016
check "-o /dev/null: stays a character device" \
    eval '"$DUMPSCRUB" -o /dev/null "$T/good.sql" && test -c /dev/null'

# /dev/stdout is the descriptor itself: earlier output stays in place.
to_dev_stdout() {
	{ echo first; "$DUMPSCRUB" -o /dev/stdout "$T/good.sql"; } \
	    >"$T/both" || return 1
	{ echo first; cat "$T/good.sql"; } >"$T/both.want"
	test -L /dev/stdout || { echo '# /dev/stdout is no longer a link' >&2
	    return 1; }
	same_file "-o /dev/stdout" "$T/both.want" "$T/both"
}
check "-o /dev/stdout: written at stdout's offset, the link kept" \
    to_dev_stdout

# Through a symbolic link, the file it names is replaced; the link stays.
through_link() {
	echo old >"$O/target.sql"
	ln -sf target.sql "$O/link.sql"
	"$DUMPSCRUB" -o "$O/link.sql" "$T/good.sql" || return 1
	test -L "$O/link.sql" || { echo '# the link was replaced' >&2
	    return 1; }
	same_file "target through link" "$T/good.sql" "$O/target.sql"
}
check "-o LINK: the linked file is replaced, the link kept" through_link

# A report that cannot be written fails the run before -o is committed.
report_fails_whole() {
	local rc=0
	printf 'table t { v null }\n' >"$T/null.rules"
	rm -f "$O/rep.sql"
	"$DUMPSCRUB" -r "$T/null.rules" -o "$O/rep.sql" \
	    --report="$T/no/such/dir/r.tsv" "$T/good.sql" 2>/dev/null || rc=$?
	[ "$rc" = 1 ] || { printf '# exit %s, expected 1\n' "$rc" >&2
	    return 1; }
	test ! -e "$O/rep.sql" || { echo '# -o file left behind' >&2
	    return 1; }
	no_temp
}
check "--report unwritable: exit 1, no -o file" report_fails_whole

check "SIGTERM mid-run: temporary removed, target untouched" \
    killed_mid_run TERM
check "SIGHUP mid-run: temporary removed, target untouched" \
    killed_mid_run HUP

check_done
