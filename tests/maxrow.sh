#!/bin/bash
# tests/maxrow.sh - bounded memory (STYLE.md rules 16 and 20).
#
#   - a row or statement longer than --max-row is a data error (exit 1,
#     a message naming --max-row), wherever it falls in the input;
#   - the same row passes with a larger --max-row, unchanged;
#   - a 20 MB value passes with the default limit, unchanged;
#   - a ~300 MB dump passes under "ulimit -v 200000" (KiB), unchanged,
#     plain and zstd-compressed, and its peak RSS (when /usr/bin/time
#     can say) stays under 40000 KiB.
#
# Environment: top_srcdir, DUMPSCRUB.  MAXROW_BIG_MB sets the size of
# the big dump (default 300).  Exit 0 pass, 1 fail.

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
need_cmd cmp head tr timeout

BIG_MB=${MAXROW_BIG_MB:-300}
VMEM_KB=200000
RSS_MAX_KB=40000

tmpdir T

PG_HEAD='--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;

CREATE TABLE public.t (
    id integer NOT NULL,
    v text
);

COPY public.t (id, v) FROM stdin;
'

# chars N C: N copies of the character C.
chars() {
	head -c "$1" /dev/zero | tr '\0' "$2"
}

# long_row_dump FILE FILLER LEN: a pg dump whose COPY block has FILLER
# bytes of 1000-byte rows, then one row of LEN bytes, then one more row.
long_row_dump() {
	local n pad
	pad=$(chars 992 f)
	{
		printf '%s' "$PG_HEAD"
		for ((n = 0; n < $2 / 1000; n++)); do
			printf '%06d\t%s\n' "$n" "$pad"
		done
		printf '%d\t' "$n"
		chars "$3" a
		printf '\n%d\tlast\n\\.\n' $((n + 1))
	} >"$1"
}

RC=0
# scrub ARGS...: dumpscrub ARGS, stdout to $T/out, stderr to $T/err.
scrub() {
	RC=0
	timeout 120 "$DUMPSCRUB" "$@" >"$T/out" 2>"$T/err" || RC=$?
}

# too_long: the last run failed with a one-line --max-row data error.
too_long() {
	if [ "$RC" != 1 ] || ! grep -q -e '--max-row' "$T/err" ||
	    [ "$(wc -l <"$T/err")" != 1 ]; then
		printf '# exit status %s (expected 1); stderr:\n' "$RC" >&2
		sed 's/^/#   /' "$T/err" | head -n 5 >&2
		return 1
	fi
}

# passed_unchanged IN: the last run exited 0 and wrote IN unchanged.
passed_unchanged() {
	if [ "$RC" != 0 ]; then
		printf '# exit status %s (expected 0); stderr:\n' "$RC" >&2
		sed 's/^/#   /' "$T/err" | head -n 5 >&2
		return 1
	fi
	same_file "output" "$1" "$T/out"
}

### A 100 KB COPY row against --max-row=64K, at several offsets

# The reader holds input in a window of a few 256 KiB blocks; a limit
# that only applies when a row crosses a window boundary would pass
# or fail the same row depending on where it sits.
for filler in 0 300000 440000 1000000; do
	long_row_dump "$T/row.sql" "$filler" 102400
	scrub --max-row=64K "$T/row.sql"
	check "100 KB COPY row after $filler bytes, --max-row=64K: exit 1" \
	    too_long
	scrub --max-row=1M "$T/row.sql"
	check "100 KB COPY row after $filler bytes, --max-row=1M: unchanged" \
	    passed_unchanged "$T/row.sql"
done

# The same for a MySQL INSERT statement of 100 KB.
{
	printf -- '-- MySQL dump 10.13  Distrib 8.0.36\n\n'
	printf "CREATE TABLE \`t\` (\n  \`id\` int NOT NULL,\n"
	printf "  \`v\` text\n);\n"
	printf "INSERT INTO \`t\` VALUES (1,'"
	chars 102400 m
	printf "'),(2,'x');\n"
} >"$T/ins.sql"
scrub --max-row=64K "$T/ins.sql"
check "100 KB MySQL INSERT, --max-row=64K: exit 1" too_long
scrub --max-row=1M "$T/ins.sql"
check "100 KB MySQL INSERT, --max-row=1M: unchanged" \
    passed_unchanged "$T/ins.sql"

### A 20 MB value

long_row_dump "$T/value.sql" 5000 $((20 << 20))
scrub "$T/value.sql"
check "a 20 MB COPY value passes with the default --max-row" \
    passed_unchanged "$T/value.sql"
scrub --max-row=16M "$T/value.sql"
check "a 20 MB COPY value, --max-row=16M: exit 1" too_long
{
	printf "SET standard_conforming_strings = on;\n"
	printf "INSERT INTO public.t VALUES (1, '"
	chars $((20 << 20)) "'"
	printf "');\n"
} >"$T/value-insert.sql"
scrub --dialect=pg "$T/value-insert.sql"
check "a 20 MB INSERT string of quotes passes with the default" \
    passed_unchanged "$T/value-insert.sql"
rm -f "$T/value.sql" "$T/value-insert.sql" "$T/row.sql" "$T/ins.sql"

### A big dump in little memory

# 1 MB of rows of assorted widths, repeated.
xs=$(chars 500 x)
{
	for ((i = 0; i < 4000; i++)); do
		printf '%d\t%s\n' "$i" "${xs:0:$((i % 500))}"
	done
} >"$T/rows"
head -c 1048576 "$T/rows" >"$T/block"
# End the block on a line.
printf '\n' >>"$T/block"
{
	printf '%s' "$PG_HEAD"
	for ((i = 0; i < BIG_MB; i++)); do
		cat "$T/block"
	done
	printf '\\.\n'
} >"$T/big.sql"
rm -f "$T/rows" "$T/block"

# limited ARGS...: dumpscrub ARGS under ulimit -v, output compared with
# big.sql by cmp as it streams.
limited() {
	local rc=0
	(ulimit -v "$VMEM_KB" && exec "$DUMPSCRUB" "$@" 2>"$T/err") |
	    cmp -s - "$T/big.sql" || rc=$?
	if [ "$rc" != 0 ] || [ -s "$T/err" ]; then
		printf '# exit status or cmp %s; stderr:\n' "$rc" >&2
		sed 's/^/#   /' "$T/err" | head -n 5 >&2
		return 1
	fi
}
# AddressSanitizer reserves terabytes of address space for its shadow
# memory and cannot start under ulimit -v (coreutils skips the same way).
VMEM_OK=1
# (The outer subshell keeps the shell's "Aborted" report off stderr.)
if ! ( (ulimit -v "$VMEM_KB" && exec "$DUMPSCRUB" --version) \
    >/dev/null 2>"$T/err") 2>/dev/null; then
	if grep -q AddressSanitizer "$T/err"; then
		VMEM_OK=0
		printf '# an AddressSanitizer build: ulimit -v checks skipped\n'
	fi
fi
if [ "$VMEM_OK" = 1 ]; then
	set -o pipefail
	check "$BIG_MB MB dump under ulimit -v $VMEM_KB: unchanged" \
	    limited "$T/big.sql"
	check "$BIG_MB MB dump on stdin under ulimit -v $VMEM_KB: unchanged" \
	    limited - <"$T/big.sql"
	if command -v zstd >/dev/null 2>&1; then
		zstd -q -1 -c "$T/big.sql" >"$T/big.sql.zst"
		name="$BIG_MB MB zstd dump under ulimit -v $VMEM_KB: unchanged"
		check "$name" limited "$T/big.sql.zst"
		rm -f "$T/big.sql.zst"
	fi
	set +o pipefail
	RC=0
	(ulimit -v "$VMEM_KB" && exec "$DUMPSCRUB" --inventory "$T/big.sql") \
	    >"$T/out" 2>"$T/err" || RC=$?
	check "--inventory of the $BIG_MB MB dump under ulimit -v: exit 0" \
	    test "$RC" = 0
fi

# Peak RSS, when GNU time can measure it.
if [ -x /usr/bin/time ] &&
    /usr/bin/time -f %M true >/dev/null 2>&1; then
	rss_under() {
		local kb
		/usr/bin/time -o "$T/rss" -f %M "$DUMPSCRUB" "$@" \
		    >/dev/null 2>"$T/err" || return 1
		kb=$(tail -n 1 "$T/rss")
		printf '# peak RSS %s KiB\n' "$kb" >&2
		[ "$kb" -lt "$RSS_MAX_KB" ]
	}
	check "$BIG_MB MB dump: peak RSS under $RSS_MAX_KB KiB" \
	    rss_under "$T/big.sql"
	check "$BIG_MB MB dump, --inventory: peak RSS under $RSS_MAX_KB KiB" \
	    rss_under --inventory "$T/big.sql"
else
	printf '# no GNU /usr/bin/time: peak RSS not checked\n'
fi

check_done
