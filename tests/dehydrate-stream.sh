#!/bin/bash
# tests/dehydrate-stream.sh - dumpdehydrate as a stream: a pipe gives what a file
# gives (spooled to --tmpdir, mode 0600, unlinked), nothing is left behind
# on success, error or signal, --mem small enough to spill gives the same
# bytes, -o and --report are all or nothing, and the input forms agree.
#
# Environment: top_srcdir, top_builddir, DUMPDEHYDRATE.  Exit 0 pass, 1 fail.
#
# shellcheck disable=SC2317,SC2016  # checks run through check(); sh -c scripts take "$@"
set -eu

: "${top_srcdir:?top_srcdir must name the source tree}"
: "${DUMPDEHYDRATE:=${top_builddir:-.}/dumpdehydrate}"
# shellcheck source=tests/lib.sh disable=SC1091  # followed with -x
. "$top_srcdir/tests/lib.sh"

[ -x "$DUMPDEHYDRATE" ] || fail "not executable: $DUMPDEHYDRATE"
need_cmd gzip zstd cmp stat timeout
GENDUMP=${GENDUMP:-${top_builddir:-.}/tests/bench/gendump}
[ -x "$GENDUMP" ] || fail "not executable: $GENDUMP (make check builds it)"

tmpdir D
G=$top_srcdir/tests/golden/dumpdehydrate
DH=$DUMPDEHYDRATE

say() {
	printf '# %s\n' "$*" >&2
}

# empty DIR: DIR holds no file.
empty() {
	[ -z "$(ls -A "$1")" ] || { say "$1 holds: $(ls -A "$1")"; return 1; }
}

mkdir "$D/tmp"
# A dump of some MB in both dialects, and rules that keep a tenth of the
# users, their events and orders (follow), through the dump's own FKs.
"$GENDUMP" pg 8 7 >"$D/pg.sql"
"$GENDUMP" mysql 8 7 >"$D/my.sql"
printf 'keep users where id <= 2000\nfollow users\n' >"$D/r"

for f in pg my; do
	"$DH" -r "$D/r" "$D/$f.sql" >"$D/$f.want" 2>"$D/$f.err" ||
	    fail "$f: dumpdehydrate failed: $(cat "$D/$f.err")"
	gzip -c "$D/$f.sql" >"$D/$f.sql.gz"
	zstd -q -c "$D/$f.sql" >"$D/$f.sql.zst"
done

# same DIALECT CMD...: CMD's stdout is the plain file's output.
same() {
	local f=$1
	shift
	"$@" >"$D/got" 2>"$D/err" || { say "exit $?: $(cat "$D/err")"; return 1; }
	cmp -s "$D/got" "$D/$f.want" || { say "output differs"; return 1; }
	[ ! -s "$D/err" ] || { say "stderr: $(cat "$D/err")"; return 1; }
	empty "$D/tmp"
}

for f in pg my; do
	check "$f: not everything kept, not nothing" \
	    test "$(wc -c <"$D/$f.want")" -lt "$(wc -c <"$D/$f.sql")" -a \
	    "$(wc -c <"$D/$f.want")" -gt 100000
	check "$f: a pipe gives the file's output; spool gone" \
	    same "$f" sh -c 'cat "$1" | "$2" --tmpdir "$3" -r "$4"' sh \
	    "$D/$f.sql" "$DH" "$D/tmp" "$D/r"
	check "$f: .gz file" same "$f" "$DH" -r "$D/r" "$D/$f.sql.gz"
	check "$f: .zst file" same "$f" "$DH" -r "$D/r" "$D/$f.sql.zst"
	check "$f: .zst through a pipe" \
	    same "$f" sh -c '"$2" --tmpdir "$3" -r "$4" <"$1"' sh \
	    "$D/$f.sql.zst" "$DH" "$D/tmp" "$D/r"
	check "$f: TMPDIR is the default spool directory" \
	    same "$f" sh -c 'cat "$1" | TMPDIR="$3" "$2" -r "$4"' sh \
	    "$D/$f.sql" "$DH" "$D/tmp" "$D/r"
	check "$f: --mem 1M spills and gives the same bytes" \
	    same "$f" "$DH" --mem 1M --tmpdir "$D/tmp" -r "$D/r" "$D/$f.sql"
	check "$f: --mem 1M from a pipe" \
	    same "$f" sh -c 'cat "$1" | "$2" --mem 1M --tmpdir "$3" -r "$4"' \
	    sh "$D/$f.sql" "$DH" "$D/tmp" "$D/r"
	check "$f: -o FILE.zst decompresses to the output" \
	    sh -c '"$1" -r "$2" -o "$3/o.sql.zst" "$4" &&
	    zstd -q -d -c "$3/o.sql.zst" | cmp -s - "$5"' sh "$DH" "$D/r" \
	    "$D" "$D/$f.sql" "$D/$f.want"
done

# While a piped run waits for more input, its spool is an unlinked file
# of mode 0600 in --tmpdir, and the directory itself shows nothing.
spool_private() {
	local pid fd target found=0
	mkfifo "$D/fifo"
	"$DH" --tmpdir "$D/tmp" -r "$D/r" <"$D/fifo" >/dev/null 2>&1 &
	pid=$!
	exec 7>"$D/fifo"
	head -c 2000000 "$D/pg.sql" >&7
	sleep 0.5
	for fd in /proc/"$pid"/fd/*; do
		target=$(readlink "$fd" 2>/dev/null) || continue
		case $target in
		"$D/tmp/dumpfilters.spool."*" (deleted)")
			found=1
			[ "$(stat -L -c %a "$fd")" = 600 ] ||
			    { say "spool mode $(stat -L -c %a "$fd")"; exec 7>&-;
			    kill "$pid"; return 1; }
			;;
		esac
	done
	empty "$D/tmp" || { exec 7>&-; kill "$pid"; return 1; }
	exec 7>&-
	wait "$pid" || true
	rm -f "$D/fifo"
	[ "$found" = 1 ] || { say "no unlinked spool file open"; return 1; }
}
check "spool: unlinked, mode 0600, in --tmpdir" spool_private

# A kill mid-run leaves no -o file, no temporary file, no spool.
killed() {
	local pid
	mkfifo "$D/fifo"
	mkdir -p "$D/out"
	"$DH" --tmpdir "$D/tmp" -r "$D/r" -o "$D/out/x.sql" <"$D/fifo" \
	    2>/dev/null &
	pid=$!
	exec 7>"$D/fifo"
	head -c 1000000 "$D/pg.sql" >&7
	sleep 0.3
	kill -TERM "$pid"
	wait "$pid" && { say "survived SIGTERM"; return 1; }
	exec 7>&-
	rm -f "$D/fifo"
	empty "$D/out" && empty "$D/tmp"
}
check "SIGTERM: nothing left in the output or spool directory" killed

# Failures leave the previous -o file untouched and no report.
failing() {
	mkdir -p "$D/f"
	printf 'old\n' >"$D/f/x.sql"
	printf 'keep orders where id < 100\ntruncate users\n' >"$D/bad.rules"
	if "$DH" -r "$D/bad.rules" -o "$D/f/x.sql" --report "$D/f/rep" \
	    "$D/pg.sql" 2>"$D/err"; then
		say "exit 0"
		return 1
	fi
	grep -q '_user_id_fkey' "$D/err" ||
	    { say "the error does not name the FK: $(cat "$D/err")"; return 1; }
	[ "$(cat "$D/f/x.sql")" = old ] && [ ! -e "$D/f/rep" ] &&
	    [ "$(ls -A "$D/f")" = x.sql ]
}
check "kept rows into a truncated table: exit 1, FK named, -o untouched" \
    failing
report_unwritable() {
	mkdir -p "$D/g"
	if "$DH" -r "$D/r" -o "$D/g/x.sql" --report "$D/nodir/rep" \
	    "$D/pg.sql" 2>"$D/err"; then
		return 1
	fi
	empty "$D/g"
}
check "report cannot be written: exit 1, no -o file" report_unwritable
spool_dir_missing() {
	local rc=0
	zstd -q -d -c "$D/pg.sql.zst" | "$DH" --tmpdir "$D/nodir" -r "$D/r" \
	    >/dev/null 2>"$D/err" || rc=$?
	[ "$rc" = 1 ] && grep -q "$D/nodir" "$D/err"
}
check "a pipe with no spool directory: exit 1, the directory named" \
    spool_dir_missing

# The report: rows in are the dump's rows; a table's reasons add up to
# its rows kept; the totals are the sums.
report_sums() {
	"$DH" -r "$D/r" --report "$D/rep" "$D/my.sql" >/dev/null || return 1
	awk -F '\t' '
	/^# total/ { tin = $3; tk = $4; next }
	/^#/ { next }
	{ if (!($1 in kept)) { kept[$1] = $4; rin[$1] = $3; n++ }
	  sum[$1] += $6 }
	END {
		bad = 0
		for (t in kept) {
			if (sum[t] != kept[t]) { print t ": reasons " sum[t] " != kept " kept[t]; bad = 1 }
			si += rin[t]; sk += kept[t]
		}
		if (si != tin || sk != tk) { print "totals"; bad = 1 }
		if (n != 4) { print n " tables"; bad = 1 }
		exit bad
	}' "$D/rep" >&2
}
check "report: reasons add up, totals are the sums" report_sums

# The kept rows are a subset of the input's, byte for byte.
subset() {
	grep -v '^--' "$D/pg.want" | sort -u >"$D/a"
	sort -u "$D/pg.sql" >"$D/b"
	[ -z "$(comm -23 "$D/a" "$D/b")" ]
}
check "pg: every output line is an input line" subset

# The golden cases' inputs through a pipe give their files' outputs.
for c in dh-pg-closure dh-pg-inserts dh-mysql-closure; do
	check "$c: pipe = file" sh -c 'cd "$1" && "$2" -r rules input.sql |
	    cmp -s - expected.out && cat input.sql | "$2" -r rules |
	    cmp -s - expected.out' sh "$G/$c" "$DH"
done

check_done
