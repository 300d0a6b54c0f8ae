#!/bin/bash
# tests/badinput.sh - every bad input is a clean data error.
#
# For each input that is not a sound plain-text dump (truncated in the
# middle of a COPY row, an INSERT string or before the \. line; random
# binary; truncated or garbage-tailed gzip and zstd; archives and
# directories; empty input; CR LF line ends; no dialect marks) dumpscrub,
# with and without --inventory, writing with -o into an empty directory
# and again from standard input to standard output, must:
#   - exit with status 1 exactly (not 0, not a usage error, no signal,
#     no hang);
#   - print exactly one line on stderr, starting "dumpscrub: " and naming
#     the position: FILE:LINE: for errors in the text, FILE: for errors
#     about the file as a whole ("(stdin)" for standard input);
#   - leave nothing behind with -o: no target, no temporary file.
# Then a byte-flip pass (STYLE.md rule 20): valid dumps with one byte
# changed exit 0 or 1, never by a signal or a hang.
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
need_cmd timeout cmp
RUN_TIMEOUT=${BADINPUT_TIMEOUT:-10}

tmpdir T
IN=$T/in
mkdir "$IN"

### Inputs

cat >"$IN/pg.sql" <<'EOF'
--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);

CREATE TABLE public.t (
    id integer NOT NULL,
    name text,
    note text
);

COPY public.t (id, name, note) FROM stdin;
1	Ann	a\tb
2	Bob	\N
3	Cy	it's
\.

INSERT INTO public.t VALUES (4, 'Di', 'multi
line');

--
-- PostgreSQL database dump complete
--

EOF

cat >"$IN/my.sql" <<'EOF'
-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: shop
-- ------------------------------------------------------

/*!40101 SET NAMES utf8mb4 */;

DROP TABLE IF EXISTS `t`;
CREATE TABLE `t` (
  `id` int(11) NOT NULL,
  `name` varchar(20) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `t` WRITE;
INSERT INTO `t` VALUES (1,'Ann'),(2,'it\'s'),(3,NULL);
UNLOCK TABLES;

-- Dump completed on 2024-05-01 12:00:00
EOF

# Check that the good inputs are good, or every case below is moot.
for f in pg.sql my.sql; do
	"$DUMPSCRUB" "$IN/$f" >"$T/good.out" ||
	    fail "the valid dump $f does not pass: exit $?"
	cmp -s "$IN/$f" "$T/good.out" || fail "the valid dump $f changes"
done

# lines_to PATTERN FILE: FILE's lines up to and including the first
# line holding PATTERN (a fixed string).
lines_to() {
	local n
	n=$(grep -n -F -m 1 -- "$1" "$2" | cut -d: -f1)
	[ -n "$n" ] || fail "no '$1' in $2"
	head -n "$n" -- "$2"
}

# Truncated in the middle of a COPY row.
{ lines_to $'2\tBob' "$IN/pg.sql"; printf '3\tC'; } >"$IN/copy-mid-row.sql"
# Truncated after the last row, before the \. line.
lines_to $'3\tCy' "$IN/pg.sql" >"$IN/copy-no-end.sql"
# Truncated inside an INSERT string.
{ lines_to "INSERT INTO public.t" "$IN/pg.sql"; printf 'li'; } \
    >"$IN/pg-insert-string.sql"
{ lines_to "LOCK TABLES" "$IN/my.sql"; printf "INSERT INTO \`t\` VALUES "
    printf "(1,'Ann'),(2,'it\\\\'s"; } >"$IN/my-insert-string.sql"
# CR LF line ends everywhere, as a text tool converting a dump makes.
sed 's/$/\r/' "$IN/pg.sql" >"$IN/copy-crlf.sql"
sed 's/$/\r/' "$IN/my.sql" >"$IN/my-crlf.sql"
# Only the rows of the COPY block converted.
sed '/^COPY/,/^\\\./{/^COPY/!s/$/\r/;}' "$IN/pg.sql" >"$IN/copy-rows-crlf.sql"
# Empty input; text without any dialect mark.
: >"$IN/empty.sql"
printf 'hello;\nworld;\n' >"$IN/no-dialect.sql"

# garbage: 4096 bytes from a fixed-seed linear congruential generator,
# every 61st a NUL; the same bytes on every machine.
x=20240501
fmt=
for ((i = 0; i < 4096; i++)); do
	x=$(((x * 1103515245 + 12345) % 2147483648))
	if ((i % 61 == 60)); then
		fmt+='\000'
	else
		fmt+=$(printf '\\%03o' $(((x >> 16) & 255)))
	fi
done
# shellcheck disable=SC2059  # the format is the data
printf "$fmt" >"$IN/garbage.bin"
[ "$(wc -c <"$IN/garbage.bin")" -eq 4096 ] || fail "garbage.bin size"

# A PostgreSQL custom-format archive header and a tar archive.
printf 'PGDMP\001\016\000\004\010\001\001junk junk junk' >"$IN/custom.dump"
(cd "$IN" && tar cf archive.tar pg.sql)
mkdir "$IN/dumpdir"

# Compressed: a valid dump of a few hundred KB, cut in half; and with
# garbage after the end.
{
	cat "$IN/pg.sql"
	printf 'COPY public.t (id, name, note) FROM stdin;\n'
	for ((i = 0; i < 20000; i++)); do
		printf '%d\tname %d\tnote %d %d\n' "$i" "$((i * 7))" \
		    "$((i * 13))" "$((i % 97))"
	done
	printf '\\.\n'
} >"$IN/big.sql"
HAVE_GZIP=0
HAVE_ZSTD=0
if command -v gzip >/dev/null 2>&1; then
	HAVE_GZIP=1
	gzip -n -c "$IN/big.sql" >"$T/big.gz"
	head -c "$(($(wc -c <"$T/big.gz") / 2))" "$T/big.gz" >"$IN/trunc.gz"
	gzip -n -c "$IN/pg.sql" >"$IN/garbage-tail.gz"
	printf 'trailing garbage\n' >>"$IN/garbage-tail.gz"
	gzip -n -c "$IN/pg.sql" >"$IN/garbage-byte.gz"
	printf 'X' >>"$IN/garbage-byte.gz"
fi
if command -v zstd >/dev/null 2>&1; then
	HAVE_ZSTD=1
	zstd -q -c "$IN/big.sql" >"$T/big.zst"
	head -c "$(($(wc -c <"$T/big.zst") / 2))" "$T/big.zst" \
	    >"$IN/trunc.zst"
	zstd -q -c "$IN/pg.sql" >"$IN/garbage-tail.zst"
	printf 'trailing garbage\n' >>"$IN/garbage-tail.zst"
fi
if [ "$HAVE_GZIP$HAVE_ZSTD" != 11 ]; then
	[ "${CI:-}" = true ] && fail "gzip and zstd are required when CI=true"
	printf '# gzip or zstd missing: compressed cases skipped\n'
fi

# line_of PATTERN FILE: the number of FILE's first line holding
# PATTERN (fixed string).
line_of() {
	grep -n -F -m 1 -- "$1" "$2" | cut -d: -f1
}

# nlines FILE: newlines in FILE plus one: the line a partial last line
# is on.
nlines() {
	echo $(($(wc -l <"$1") + 1))
}

### The cases

# The first COPY row, where copy-rows-crlf.sql's first CR is.
first_row=$(($(line_of "COPY public" "$IN/pg.sql") + 1))

# One per line: FILE|POSITION|WORD|OPTIONS[|once]
#   POSITION  a line number (the error is FILE:LINE:), "file" (FILE:, no
#             line) or "any" (either)
#   WORD      a word the message must contain (case-insensitive), or -
#   OPTIONS   extra options, or nothing
#   once      run only with -o and without --inventory (a case that
#             exercises the stream layer alone)
CASES=(
	"copy-mid-row.sql|$(nlines "$IN/copy-mid-row.sql")|truncated|"
	"copy-no-end.sql|$(nlines "$IN/copy-no-end.sql")|\\.|"
	"pg-insert-string.sql|$(line_of "INSERT INTO public.t" \
	    "$IN/pg-insert-string.sql")|string|"
	"my-insert-string.sql|$(line_of "INSERT INTO \`t\`" \
	    "$IN/my-insert-string.sql")|string|"
	"copy-crlf.sql|any|CR LF|"
	"copy-rows-crlf.sql|$first_row|CR LF|"
	"my-crlf.sql|any|CR LF|"
	"empty.sql|file|empty|"
	"no-dialect.sql|file|dialect|"
	"garbage.bin|any|-|"
	"garbage.bin|any|-|--dialect=pg"
	"garbage.bin|any|-|--dialect=mysql"
	"custom.dump|file|pg_restore|"
	"archive.tar|file|pg_restore|"
	"dumpdir|file|pg_restore|"
)
[ "$HAVE_GZIP" = 1 ] && CASES+=(
	"trunc.gz|file|truncated|"
	"garbage-tail.gz|file|garbage|"
	"garbage-byte.gz|file|garbage||once"
)
[ "$HAVE_ZSTD" = 1 ] && CASES+=(
	"trunc.zst|file|truncated|"
	"garbage-tail.zst|file|-|"
)

# One run: stdout, stderr and status in $T/run.{out,err} and RC.
RC=0
OUTDIR=$T/outdir

# run_bad NAME ARGS...: run dumpscrub with ARGS (stdin from $STDIN)
# into an empty $OUTDIR.
STDIN=/dev/null
run_bad() {
	shift
	rm -rf "$OUTDIR"
	mkdir "$OUTDIR"
	RC=0
	timeout "$RUN_TIMEOUT" "$DUMPSCRUB" "$@" <"$STDIN" \
	    >"$T/run.out" 2>"$T/run.err" || RC=$?
}

# judge NAME POSITION WORD SHOWNAME OUTFILE: the last run failed cleanly.
judge() {
	local pos=$2 word=$3 file=$4 target=$5 err nl ok=1 want left why
	err=$(cat "$T/run.err")
	nl=$(wc -l <"$T/run.err")
	if [ "$RC" != 1 ]; then
		why=
		[ "$RC" = 124 ] &&
		    why=" (timed out after $RUN_TIMEOUT s: a hang)"
		[ "$RC" -gt 128 ] && [ "$RC" != 124 ] &&
		    why=" (killed by signal $((RC - 128)))"
		printf '# exit status %s, expected 1%s\n' "$RC" "$why" >&2
		ok=0
	fi
	if [ "$nl" != 1 ] || [ -z "$err" ]; then
		printf '# stderr has %s lines, expected one\n' "$nl" >&2
		ok=0
	fi
	case $pos in
	file) want="dumpscrub: $file: " ;;
	any) want="dumpscrub: $file:" ;;
	*) want="dumpscrub: $file:$pos: " ;;
	esac
	if [[ $err != "$want"* ]]; then
		printf '# stderr does not start with "%s"\n' "$want" >&2
		ok=0
	elif [ "$pos" = any ] &&
	    ! [[ ${err#"$want"} =~ ^(\ |[0-9]+:\ ) ]]; then
		printf '# no "FILE: " or "FILE:LINE: " position\n' >&2
		ok=0
	fi
	if [ "$word" != - ] && [[ ${err,,} != *"${word,,}"* ]]; then
		printf '# the message does not mention "%s"\n' "$word" >&2
		ok=0
	fi
	if [ -n "$target" ]; then
		left=$(cd "$OUTDIR" && ls -A)
		if [ -n "$left" ]; then
			printf '# left in the output directory: %s\n' \
			    "$(echo "$left" | tr '\n' ' ')" >&2
			ok=0
		fi
	fi
	if [ "$ok" = 0 ]; then
		printf '#   stderr: %s\n' "$err" >&2
		return 1
	fi
	return 0
}

for c in "${CASES[@]}"; do
	IFS='|' read -r f pos word opts once <<<"$c"
	for mode in "" --inventory; do
		[ -n "$once" ] && [ -n "$mode" ] && continue
		label="$f${opts:+ $opts}${mode:+ $mode}"
		# shellcheck disable=SC2086  # opts and mode are words
		run_bad "$label" $opts $mode -o "$OUTDIR/target.sql" "$IN/$f"
		check "$label, -o: one-line error, exit 1, nothing written" \
		    judge "$label" "$pos" "$word" "$IN/$f" "$OUTDIR/target.sql"
		[ -d "$IN/$f" ] || [ -n "$once" ] && continue
		STDIN=$IN/$f
		# shellcheck disable=SC2086  # opts and mode are words
		run_bad "$label" $opts $mode
		STDIN=/dev/null
		check "$label, stdin: one-line error, exit 1" \
		    judge "$label" "$pos" "$word" "(stdin)" ""
	done
done

# A file that does not exist: the path is in the message.
run_bad missing -o "$OUTDIR/target.sql" "$IN/no-such-file.sql"
check "missing input: exit 1, the path in the message" \
    judge missing file "No such file" "$IN/no-such-file.sql" x

# An -o whose directory cannot be written: under a regular file (works
# even for root), in a missing directory, and read-only (not for root).
printf 'x\n' >"$T/plainfile"
run_bad unwritable -o "$T/plainfile/out.sql" "$IN/pg.sql"
check "-o under a regular file: exit 1, the path in the message" \
    judge unwritable file - "$T/plainfile/out.sql" ""
run_bad unwritable -o "$T/no/such/dir/out.sql" "$IN/pg.sql"
check "-o in a missing directory: exit 1, the path in the message" \
    judge unwritable file - "$T/no/such/dir/out.sql" ""
if [ "$(id -u)" != 0 ]; then
	mkdir "$T/ro"
	chmod 555 "$T/ro"
	run_bad readonly -o "$T/ro/out.sql" "$IN/pg.sql"
	check "-o in a read-only directory: exit 1, the path in the message" \
	    judge readonly file - "$T/ro/out.sql" ""
	check "-o in a read-only directory: nothing created" \
	    test -z "$(ls -A "$T/ro")"
	chmod 755 "$T/ro"
fi

### Byte flips: exit 0 or 1, never a signal or a hang

# flips FILE N SEED: N copies of FILE with one byte replaced, at offsets
# and by values from a fixed-seed generator; each run exits 0 or 1.
flips() {
	local src=$1 n=$2 x=$3 size off val i bad=0 rc
	size=$(wc -c <"$src")
	for ((i = 0; i < n; i++)); do
		x=$(((x * 1103515245 + 12345) % 2147483648))
		off=$(((x >> 8) % size))
		x=$(((x * 1103515245 + 12345) % 2147483648))
		val=$(((x >> 16) & 255))
		cp "$src" "$T/flip"
		# shellcheck disable=SC2059  # the format is the byte
		printf "$(printf '\\%03o' "$val")" |
		    dd of="$T/flip" bs=1 seek="$off" conv=notrunc 2>/dev/null
		rc=0
		timeout "$RUN_TIMEOUT" "$DUMPSCRUB" "$T/flip" >/dev/null \
		    2>"$T/flip.err" || rc=$?
		if [ "$rc" -gt 1 ]; then
			printf '# byte %d set to %d: exit %d: %s\n' "$off" \
			    "$val" "$rc" "$(head -n 1 "$T/flip.err")" >&2
			bad=1
		fi
	done
	return "$bad"
}
check "pg dump with a flipped byte: exit 0 or 1 (200 flips)" \
    flips "$IN/pg.sql" 200 7
check "MySQL dump with a flipped byte: exit 0 or 1 (200 flips)" \
    flips "$IN/my.sql" 200 11
if [ "$HAVE_GZIP" = 1 ]; then
	gzip -n -c "$IN/pg.sql" >"$T/pg.sql.gz"
	check "gzip'd dump with a flipped byte: exit 0 or 1 (100 flips)" \
	    flips "$T/pg.sql.gz" 100 13
fi
if [ "$HAVE_ZSTD" = 1 ]; then
	zstd -q -c "$IN/my.sql" >"$T/my.sql.zst"
	check "zstd'd dump with a flipped byte: exit 0 or 1 (100 flips)" \
	    flips "$T/my.sql.zst" 100 17
fi

check_done
