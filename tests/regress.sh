#!/bin/bash
# The checks are eval'ed strings, expanded when they run.
# shellcheck disable=SC2016
# tests/regress.sh - inputs that once broke the readers, each with what it
# must give: tests/regress.d/NAME.sql with NAME.rows (the rows tests/dumprows
# must print; dumpscrub must also pass the input through unchanged) or
# NAME.err (the one-line error, exit 1).  Then inputs generated here that
# put a tricky construct at every offset around the end of the reader's
# first window (512 KiB), where refills happen.
set -eu
: "${top_srcdir:?}" "${DUMPSCRUB:?}" "${DUMPROWS:?}"
. "$top_srcdir/tests/lib.sh"
tmpdir T
dir=$top_srcdir/tests/regress.d

for sql in "$dir"/*.sql; do
	c=$(basename "$sql" .sql)
	cd "$dir"
	if [ -f "$dir/$c.rows" ]; then
		check "$c: rows" eval '"$DUMPROWS" "$c.sql" >"$T/rows" &&
		    same_file "$c rows" "$dir/$c.rows" "$T/rows"'
		check "$c: identity" eval '"$DUMPSCRUB" "$c.sql" >"$T/out" &&
		    same_file "$c identity" "$sql" "$T/out"'
	else
		check "$c: error, exit 1" eval '{ "$DUMPROWS" "$c.sql" \
		    >/dev/null 2>"$T/err"; test $? = 1; } &&
		    same_file "$c error" "$dir/$c.err" "$T/err"'
	fi
done
cd "$T"

# pad N: a "-- xxx" comment block of exactly N bytes (N >= 4).
pad() {
	local n=$1 line
	line="-- $(head -c 996 /dev/zero | tr '\0' x)"	# 1000 bytes with \n
	while [ "$n" -gt 1000 ]; do
		printf '%s\n' "$line"
		n=$((n - 1000))
	done
	printf -- '-- %s\n' "$(head -c $((n - 4)) /dev/zero | tr '\0' x)"
}

edge=524288
head_my='-- MySQL dump 10.13
CREATE TABLE `t` (`a` text, `b` text);
'
head_pg='-- PostgreSQL database dump
CREATE TABLE public.t (a text, b text);
'
for off in $(seq $((edge - 6)) $((edge + 2))); do
	# A MySQL executable comment opener cut by the window edge.
	lead='CREATE TABLE `u` (a int) '
	{
		printf '%s' "$head_my"
		pad $((off - ${#head_my} - ${#lead}))
		printf '%s' "$lead"
		printf '%s\n' "/*!50100 COMMENT \"*/;'\" */;" \
		    "INSERT INTO \`t\` VALUES ('secret@example.com','x');"
	} >"exec.$off.sql"
	check "executable comment at $off" eval '"$DUMPROWS" exec.$off.sql \
	    >rows && printf "t\tsecret@example.com\tx\n" | cmp -s - rows'
	# CR LF after a statement's semicolon at the window edge.
	lead='SELECT 1;'
	{
		printf '%s' "$head_pg"
		pad $((off - ${#head_pg} - ${#lead}))
		printf '%s\r\n' "$lead"
	} >"crlf.$off.sql"
	check "CR LF at $off is an error" eval '! "$DUMPSCRUB" crlf.$off.sql \
	    >/dev/null 2>err; grep -q "CR LF" err'
	# COPY ending in "\." without a newline, ending at the offset.
	tail_copy=$(printf 'COPY public.t (a, b) FROM stdin;\nx\ty\n\\.')
	{
		printf '%s' "$head_pg"
		pad $((off - ${#head_pg} - ${#tail_copy}))
		printf '%s' "$tail_copy"
	} >"eof.$off.sql"
	check "\\. at EOF at $off" eval '"$DUMPSCRUB" eof.$off.sql >out &&
	    cmp -s out eof.$off.sql'
done
check_done
