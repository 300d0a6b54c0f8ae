#!/bin/bash
# tests/relink-stream.sh - dumprelink as a stream and its key map: a pipe
# gives what a file gives (spooled for the second reading, nothing left
# behind), compressed inputs and --mem small enough to spill give the same
# bytes, -o and --report are all or nothing, the report adds up, a key map
# captured from MariaDB applies to a PostgreSQL dump, and a key map that is
# corrupt, truncated, of another version or of other rules is refused.
#
# Environment: top_srcdir, top_builddir, DUMPRELINK.  Exit 0 pass, 1 fail.
#
# shellcheck disable=SC2317,SC2016  # checks run through check(); sh -c scripts take "$@"
set -eu

: "${top_srcdir:?top_srcdir must name the source tree}"
: "${DUMPRELINK:=${top_builddir:-.}/dumprelink}"
# shellcheck source=tests/lib.sh disable=SC1091  # followed with -x
. "$top_srcdir/tests/lib.sh"

[ -x "$DUMPRELINK" ] || fail "not executable: $DUMPRELINK"
need_cmd gzip zstd cmp awk timeout

tmpdir D
G=$top_srcdir/tests/golden/dumprelink
RL=$DUMPRELINK

say() {
	printf '# %s\n' "$*" >&2
}

# empty DIR: DIR holds no file.
empty() {
	[ -z "$(ls -A "$1")" ] || { say "$1 holds: $(ls -A "$1")"; return 1; }
}

mkdir "$D/tmp"

# A target and a source of some MB: users with three pointers (by email,
# by lower(email), by a composite key), payments by value before them.
gen() {
	awk -v side="$1" -v n=40000 'BEGIN {
		x = side == "prod" ? "PROD" : "STG"
		print "--\n-- PostgreSQL database dump\n--\n"
		print "SET standard_conforming_strings = on;\n"
		print "CREATE TABLE public.payments (\n    id integer NOT NULL,\n    customer_ref text\n);\n"
		print "CREATE TABLE public.users (\n    id integer NOT NULL,\n    email text,\n    tenant text,\n    stripe_id text,\n    crm_id text,\n    partner text\n);\n"
		print "COPY public.payments (id, customer_ref) FROM stdin;"
		for (i = 1; i <= 3 * n; i++)
			printf "%d\tcus_%s_%d\n", i, x, (i * 7919) % (n + 500)
		print "\\.\n"
		print "COPY public.users (id, email, tenant, stripe_id, crm_id, partner) FROM stdin;"
		for (u = 1; u <= n; u++) {
			if (side != "prod" && u % 10 < 3)
				continue
			e = (side == "prod" && u % 7 == 0) ? "User" u "@Example.com" : "user" u "@example.com"
			printf "%d\t%s\tt%d\tcus_%s_%d\tcrm_%s_%d\tp_%s_%d\n", u, e, u % 5, x, u, x, u, x, u
		}
		print "\\.\n"
	}'
}
gen staging >"$D/target.sql"
gen prod >"$D/src.sql"
cat >"$D/r" <<'EOF'
table users {
    stripe_id  relink stripe by email
    crm_id     relink crm by lower(email)
    partner    relink partner by tenant, id
}
table payments {
    customer_ref  relink stripe
}
missing crm keep
EOF
"$RL" --capture -r "$D/r" -o "$D/k" "$D/target.sql" 2>"$D/err" ||
    fail "capture failed: $(cat "$D/err")"
"$RL" -r "$D/r" -k "$D/k" "$D/src.sql" >"$D/want" 2>"$D/err" ||
    fail "apply failed: $(cat "$D/err")"
gzip -c "$D/src.sql" >"$D/src.sql.gz"
zstd -q -c "$D/src.sql" >"$D/src.sql.zst"

# The key map's text: header, pointer lines with their counts, end line.
keymap_text() {
	zstd -q -d -c "$D/k" >"$D/k.txt" || return 1
	[ "$(head -n 1 "$D/k.txt")" = "$(printf 'dumprelink-keymap\t1')" ] &&
	    grep -qx "$(printf 'pointer\tstripe\t1\texact\t28000')" "$D/k.txt" &&
	    grep -qx "$(printf 'pointer\tcrm\t1\tlower\t28000')" "$D/k.txt" &&
	    grep -qx "$(printf 'pointer\tpartner\t2\texact\t28000')" "$D/k.txt" &&
	    grep -qx "$(printf 'user13@example.com\tcus_STG_13')" "$D/k.txt" &&
	    grep -qx "$(printf 't3\t13\tp_STG_13')" "$D/k.txt" &&
	    ! grep -q '^user11@' "$D/k.txt" &&
	    [ "$(tail -n 1 "$D/k.txt")" = "$(printf 'end\t3\t0')" ]
}
check "key map: versioned text inside zstd, counts, entries" keymap_text

# What the output says, row by row, against what it should.
semantics() {
	awk -F '\t' '
	/^COPY public.payments/ { t = "p"; next }
	/^COPY public.users/ { t = "u"; next }
	/^\\\./ { t = ""; next }
	t == "u" {
		u = $1 + 0; inst = u % 10 >= 3
		want = inst && u % 7 != 0 ? "cus_STG_" u : "\\N"
		if ($4 != want) { print "users " u " stripe " $4 " != " want; bad++ }
		want = inst ? "crm_STG_" u : "crm_PROD_" u
		if ($5 != want) { print "users " u " crm " $5 " != " want; bad++ }
		want = inst ? "p_STG_" u : "\\N"
		if ($6 != want) { print "users " u " partner " $6 " != " want; bad++ }
		nu++
	}
	t == "p" {
		split($2, a, "_"); u = a[3] + 0
		want = (u >= 1 && u <= 40000 && u % 10 >= 3 && u % 7 != 0) ? "cus_STG_" u : "\\N"
		if ($2 != want) { print "payments " $1 " " $2 " != " want; bad++ }
		np++
	}
	END { if (nu != 40000 || np != 120000) { print nu " users, " np " payments"; bad++ }
	      exit bad > 0 }' "$D/want" | head -5 >&2
	return "${PIPESTATUS[0]}"
}
check "apply: owners by key, lower(), composite; payments follow users" \
    semantics

# same CMD...: CMD's stdout is the file's output; nothing left in tmp.
same() {
	"$@" >"$D/got" 2>"$D/err" || { say "exit $?: $(cat "$D/err")"; return 1; }
	cmp -s "$D/got" "$D/want" || { say "output differs"; return 1; }
	[ ! -s "$D/err" ] || { say "stderr: $(cat "$D/err")"; return 1; }
	empty "$D/tmp"
}
check "a pipe gives the file's output (spooled); spool gone" \
    same sh -c 'cat "$1" | "$2" --tmpdir "$3" -r "$4" -k "$5"' sh \
    "$D/src.sql" "$RL" "$D/tmp" "$D/r" "$D/k"
check ".gz file" same "$RL" -r "$D/r" -k "$D/k" "$D/src.sql.gz"
check ".zst through a pipe" \
    same sh -c '"$2" --tmpdir "$3" -r "$4" -k "$5" <"$1"' sh \
    "$D/src.sql.zst" "$RL" "$D/tmp" "$D/r" "$D/k"
check "--mem 1M spills and gives the same bytes" \
    same "$RL" --mem 1M --tmpdir "$D/tmp" -r "$D/r" -k "$D/k" "$D/src.sql"
check "--mem 1M from a pipe" \
    same sh -c 'cat "$1" | "$2" --mem 1M --tmpdir "$3" -r "$4" -k "$5"' \
    sh "$D/src.sql" "$RL" "$D/tmp" "$D/r" "$D/k"
# The owners' lookups that the learning reading keeps for the write
# reading, 8 bytes per owner row, grow with the source, not the key map:
# they take at most 1/16 of --mem and never go to a file (a 10 GB source
# under ulimit -v 256M failed, mapping them).  200000 users against a key
# map of 8 (users 1, 25001, ... 175001), with --mem 1M and a --tmpdir
# that does not exist: the rows past 64 KiB of lookups (8192 rows) are
# probed again, with the bytes of the default --mem.
memo_bound() {
	awk -v n=200000 'BEGIN {
		print "CREATE TABLE public.payments (\n    id integer NOT NULL,\n    customer_ref text\n);\n"
		print "CREATE TABLE public.users (\n    id integer NOT NULL,\n    email text,\n    stripe_id text\n);\n"
		print "COPY public.payments (id, customer_ref) FROM stdin;"
		for (i = 1; i <= 20; i++)
			printf "%d\tcus_PROD_%d\n", i, i <= 8 ? (i - 1) * 25000 + 1 : i * 7 + 3
		print "\\.\n"
		print "COPY public.users (id, email, stripe_id) FROM stdin;"
		for (u = 1; u <= n; u++)
			printf "%d\tuser%d@example.com\tcus_PROD_%d\n", u, u, u
		print "\\."
	}' >"$D/many.sql"
	awk 'BEGIN {
		print "CREATE TABLE public.users (\n    id integer NOT NULL,\n    email text,\n    stripe_id text\n);\n"
		print "COPY public.users (id, email, stripe_id) FROM stdin;"
		for (u = 1; u <= 8; u++)
			printf "%d\tuser%d@example.com\tcus_STG_%d\n", u, (u - 1) * 25000 + 1, u
		print "\\."
	}' >"$D/few.sql"
	printf 'table users { stripe_id relink stripe by email }\n%s\n' \
	    'table payments { customer_ref relink stripe }' >"$D/rm"
	if ! "$RL" --capture -r "$D/rm" -o "$D/km" "$D/few.sql" ||
	    ! "$RL" -r "$D/rm" -k "$D/km" "$D/many.sql" >"$D/many.want" ||
	    ! "$RL" --mem 1M --tmpdir "$D/nowhere" -r "$D/rm" -k "$D/km" \
	    "$D/many.sql" >"$D/got" 2>"$D/err"; then
		say "failed: $(cat "$D/err")"
		return 1
	fi
	cmp -s "$D/got" "$D/many.want" || { say "output differs"; return 1; }
	# 8 payments and 8 users relinked: the memo's and the probed rows.
	[ "$(grep -c 'cus_STG_' "$D/got")" = 16 ] ||
	    { say "$(grep -c 'cus_STG_' "$D/got") values relinked, not 16"; return 1; }
}
check "--mem 1M: the owners' lookups are not spilled, the same bytes" \
    memo_bound
check "-o FILE.zst decompresses to the output" \
    sh -c '"$1" -r "$2" -k "$3" -o "$4/o.sql.zst" "$5" &&
    zstd -q -d -c "$4/o.sql.zst" | cmp -s - "$6"' sh "$RL" "$D/r" "$D/k" \
    "$D" "$D/src.sql" "$D/want"
capture_same() {
	"$RL" --capture --mem 1M --tmpdir "$D/tmp" -r "$D/r" -o "$D/k2" \
	    "$D/target.sql.zst" 2>"$D/err" &&
	    zstd -q -d -c "$D/k2" | cmp -s - "$D/k.txt" && empty "$D/tmp"
}
zstd -q -c "$D/target.sql" >"$D/target.sql.zst"
check "capture: a .zst target and --mem 1M give the same key map" \
    capture_same
capture_pipe() {
	"$RL" --capture -r "$D/r" <"$D/target.sql" | zstd -q -d -c |
	    cmp -s - "$D/k.txt"
}
check "capture: from standard input to standard output" capture_pipe

# The report: per column matched + missing + null = rows; the totals.
report_sums() {
	"$RL" -r "$D/r" -k "$D/k" --report "$D/rep" "$D/src.sql" >/dev/null ||
	    return 1
	# payments: matched when the user is in staging and its email was
	# not written in another case in prod.
	pm=$(awk -F '\t' '/^COPY public.payments/ { on = 1; next }
	    /^\\\./ { on = 0 } on { split($2, a, "_"); u = a[3] + 0
	    if (u >= 1 && u <= 40000 && u % 10 >= 3 && u % 7 != 0) m++ }
	    END { print m }' "$D/src.sql")
	awk -F '\t' -v pm="$pm" '
	$1 == "relink" {
		if ($7 + $8 + $9 != $6) { print $2 "." $3 ": sums"; bad++ }
		got[$2 "." $3] = $6 " " $7 " " $8 " " $9 " " $10
	}
	$1 == "total" { total = $2 }
	END {
		w["public.users.stripe_id"] = "40000 24000 16000 0 null"
		w["public.users.crm_id"] = "40000 28000 12000 0 keep"
		w["public.users.partner"] = "40000 28000 12000 0 null"
		w["public.payments.customer_ref"] = "120000 " pm " " 120000 - pm " 0 null"
		for (c in w) if (got[c] != w[c]) { print c ": " got[c] " != " w[c]; bad++ }
		if (total == 0) { print "no total"; bad++ }
		exit bad > 0
	}' "$D/rep" >&2
}
check "report: counts per column, and they add up" report_sums

# Failures leave the previous -o file untouched, and no report.
failing() {
	mkdir -p "$D/f"
	printf 'old\n' >"$D/f/x.sql"
	sed 's/^missing crm keep$/missing crm error/' "$D/r" >"$D/r.err"
	if "$RL" -r "$D/r.err" -k "$D/k" -o "$D/f/x.sql" --report \
	    "$D/f/rep" "$D/src.sql" 2>"$D/err"; then
		say "exit 0"
		return 1
	fi
	grep -q 'public.users.crm_id: the key map has no crm' "$D/err" ||
	    { say "message: $(cat "$D/err")"; return 1; }
	[ "$(cat "$D/f/x.sql")" = old ] && [ ! -e "$D/f/rep" ] &&
	    [ "$(ls -A "$D/f")" = x.sql ]
}
check "missing .. error: exit 1, table.column named, -o untouched" failing

# A kill mid-run leaves no -o file, no temporary file, no spool.
killed() {
	local pid
	mkfifo "$D/fifo"
	mkdir -p "$D/out"
	"$RL" --tmpdir "$D/tmp" -r "$D/r" -k "$D/k" -o "$D/out/x.sql" \
	    <"$D/fifo" 2>/dev/null &
	pid=$!
	exec 7>"$D/fifo"
	head -c 300000 "$D/src.sql" >&7
	sleep 0.3
	kill -TERM "$pid"
	wait "$pid" && { say "survived SIGTERM"; return 1; }
	exec 7>&-
	rm -f "$D/fifo"
	empty "$D/out" && empty "$D/tmp"
}
check "SIGTERM: nothing left in the output or spool directory" killed

# Cross-dialect: a key map captured from a MariaDB dump applies to a pg one.
cross() {
	cd "$G/rl-mysql" || return 1
	"$RL" --capture -r rules -o "$D/km" target.sql || return 1
	cat >"$D/pg.sql" <<'EOF'
SET standard_conforming_strings = on;

CREATE TABLE public.users (
    id integer NOT NULL,
    email text,
    stripe_customer_id text
);

COPY public.users (id, email, stripe_customer_id) FROM stdin;
1	o'neil@example.com	cus_PROD_O
2	tab\there	cus_PROD_T
\.
EOF
	printf 'table users {\n    stripe_customer_id relink stripe_customer by email\n}\n' \
	    >"$D/r.users"
	# The map was captured with a keep-table too: other rules may not
	# drop it silently, so these rules keep it as well.
	printf 'keep-table settings\n' >>"$D/r.users"
	"$RL" -r "$D/r.users" -k "$D/km" "$D/pg.sql" >"$D/x" || return 1
	grep -qx "$(printf '1\tJ\tcus_STG_\\\\\\\\O' | sed "s/J/o'neil@example.com/")" \
	    "$D/x" && grep -qx "$(printf '2\ttab\\\\there\tcus_STG_T')" "$D/x"
}
check "a key map captured from MariaDB applies to a PostgreSQL dump" cross

# Key maps that are not what they should be: exit 1 and a clear message.
refused() {
	local what=$1 file=$2 rc=0
	"$RL" -r "$D/r" -k "$file" "$D/src.sql" >/dev/null 2>"$D/err" || rc=$?
	[ "$rc" = 1 ] || { say "exit $rc"; return 1; }
	grep -q -- "$what" "$D/err" || { say "message: $(cat "$D/err")"; return 1; }
}
head -c "$(($(wc -c <"$D/k") / 2))" "$D/k" >"$D/k.cut"
check "truncated key map refused" refused 'truncated' "$D/k.cut"
cp "$D/k" "$D/k.flip"
printf '\x55' | dd of="$D/k.flip" bs=1 seek=2000 conv=notrunc 2>/dev/null
check "a flipped byte refused" refused 'zstd\|corrupt\|checksum' "$D/k.flip"
cp "$D/k.txt" "$D/k.plain"
check "an uncompressed key map refused" refused 'not a dumprelink key map' \
    "$D/k.plain"
sed '1s/\t1$/\t2/' "$D/k.txt" | zstd -q -c >"$D/k.v2"
check "another version refused" refused 'version 2; this dumprelink reads version 1' \
    "$D/k.v2"
head -n -1 "$D/k.txt" | zstd -q -c >"$D/k.noend"
check "no end line refused" refused 'no end line' "$D/k.noend"
sed '3s/\t/\tX\t/' "$D/k.txt" | zstd -q -c >"$D/k.fields"
check "an entry with a field too many refused" refused 'wrong number of fields' \
    "$D/k.fields"
printf 'x\n' | gzip -c >"$D/k.gz"
check "a gzip file refused" refused 'not a dumprelink key map' "$D/k.gz"
: >"$D/k.empty"
check "an empty file refused" refused 'not a dumprelink key map\|empty' "$D/k.empty"

# A key map of other rules: exit 2, capture again.
other_rules() {
	local rc=0
	sed 's/relink partner by tenant, id/relink partner by id/' "$D/r" >"$D/r2"
	"$RL" -r "$D/r2" -k "$D/k" "$D/src.sql" >/dev/null 2>"$D/err" || rc=$?
	[ "$rc" = 2 ] && grep -q 'capture again' "$D/err"
}
check "rules with another by list: exit 2, capture again" other_rules

# Usage.
usage_rc() {
	local want=$1 rc=0
	shift
	"$RL" "$@" </dev/null >/dev/null 2>"$D/err" || rc=$?
	[ "$rc" = "$want" ] || { say "exit $rc: $(cat "$D/err")"; return 1; }
}
check "apply without -k: exit 2" usage_rc 2 -r "$D/r" "$D/src.sql"
check "--capture with -k: exit 2" usage_rc 2 --capture -r "$D/r" -k "$D/k"
check "without -r: exit 2" usage_rc 2 -k "$D/k"
check "a key map that does not exist: exit 1" usage_rc 1 -r "$D/r" -k "$D/nope"

check_done
