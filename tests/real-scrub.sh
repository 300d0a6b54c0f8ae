#!/bin/bash
# tests/real-scrub.sh - dumpscrub with real rules on real dumps.
#
# For PostgreSQL and then MariaDB (private servers, unix sockets in a
# temporary directory, tests/rig): load the app of tests/scrub/app.*.sql
# (2400 customers with tricky values, their orders, a newsletter with a
# varchar(30) UNIQUE email, loyalty cards with an integer UNIQUE number),
# dump it with the real tool in the forms that matter, scrub each dump
# with tests/scrub/app.rules (every action of dumprules(5)) and restore it
# into a fresh database with the stock client, stopping at the first
# error.  Then check:
#   --check     the coverage listing; --strict passes with `safe`, fails
#               without it
#   restore     no error, no message, the same row counts
#   leaks       no original value of a rewritten column anywhere in the
#               output (grep -F of every original, decoded and raw)
#   shape       no value longer than its column, no NULL in a NOT NULL
#               column (in the dump, as MariaDB would truncate silently)
#   forms       COPY and INSERT forms (pg), extended, single-row and
#               complete INSERTs (MariaDB) and zstd input restore to the
#               same tables
#   keys        the same key twice gives the same bytes (also with
#               --key-file, from .zst input and from a pipe); another key
#               other values
#   text        decimals kept by noise, integers in their type's range,
#               in the dump's text
#   app         UNIQUE held, lengths, the join on the scrubbed email,
#               NULLs, `when` rows kept, and the promise of every action
#               (tests/scrub/lib.sh app_checks)
#   report      --report lists every scrubbed column with the table's
#               row count, its NULLs, and totals that add up
#   corpus      the Foundation's corpus scrubbed with
#               tests/scrub/corpus.{pg,mysql}.rules restores, same counts,
#               the new values as written
# and, when both servers ran, that both dialects got the same fakes
# (same key, same values => same output in every dialect).
# Exit 0 pass, 1 fail, 77 skip (no server; a failure when CI=true).
# REAL_SCRUB_SERVERS="pg" or "mariadb" runs one; KEEP_TMP=1 keeps the
# temporary directory.

# Check functions run through check() (lib.sh), which shellcheck
# cannot follow.
# shellcheck disable=SC2317
# `...` in SQL quote MariaDB identifiers.
# shellcheck disable=SC2016

# The harness may run us with /bin/sh.
if [ -z "${BASH_VERSION:-}" ]; then
	exec bash "$0" "$@"
fi
set -eu -o pipefail

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-$top_srcdir}
DUMPSCRUB=${DUMPSCRUB:-$top_builddir/dumpscrub}
DUMPROWS=${DUMPROWS:-$top_builddir/tests/dumprows}
SERVERS=${REAL_SCRUB_SERVERS:-pg mariadb}

# shellcheck source=tests/lib.sh
. "$top_srcdir/tests/lib.sh"
# shellcheck source=tests/rig/pg.sh
. "$top_srcdir/tests/rig/pg.sh"
# shellcheck source=tests/rig/mariadb.sh
. "$top_srcdir/tests/rig/mariadb.sh"
# shellcheck source=tests/rig/mkdumps.sh
. "$top_srcdir/tests/rig/mkdumps.sh"
# shellcheck source=tests/rig/checks.sh
. "$top_srcdir/tests/rig/checks.sh"
# shellcheck source=tests/scrub/lib.sh
. "$top_srcdir/tests/scrub/lib.sh"

need_cmd cmp diff zstd perl awk sort cut grep paste sed stat
command -v "$DUMPSCRUB" >/dev/null || fail "DUMPSCRUB not found: $DUMPSCRUB"
command -v "$DUMPROWS" >/dev/null || fail "DUMPROWS not found: $DUMPROWS"
perl -MJSON::PP -e 1 2>/dev/null || fail "perl module JSON::PP not found"

SCRUB_DIR=$top_srcdir/tests/scrub
RULES=$SCRUB_DIR/app.rules
KEY1='real-scrub.sh: the first test key, 32 bytes+'
KEY2='real-scrub.sh: a second, different test key'
# The app's tables (compared between the dump forms).
APP_TABLES='customers orders newsletter loyalty_cards products'
# Columns every non-NULL value of which a rule changes (--report).
ALWAYS='customers.email customers.username customers.api_token
    customers.session_key customers.external customers.password_hash
    customers.middle_name customers.ssn customers.birth_date
    orders.customer_email newsletter.email'
# Columns whose rule has a `when`: their NULLs in the rows the condition
# does not select may or may not count in the report's "nulls".
WHEN_COLS='customers.nickname customers.card_number customers.vip_note
    customers.company'

tmpdir T
# The PostgreSQL server runs as another user when we are root.
chmod 711 "$T"

###
### The part both dialects share
###

# restore_form DB FILE COUNTS: restore FILE into a new database DB
# without error or message; DB's row counts are COUNTS.
restore_form() {
	local db=$1 f=$2 counts=$3
	db_create "$db" || return 1
	db_load "$db" "$f" "$f.restore.err" || return 1
	db_counts "$db" >"$f.counts" || return 1
	same_text "row counts of $db" "$counts" "$f.counts"
}

# same_tables DB1 DB2: the app's tables hold the same rows.
same_tables() {
	local t err=0
	for t in $APP_TABLES; do
		db_table "$1" "$t" >"$W/tables.$1.$t" &&
		    db_table "$2" "$t" >"$W/tables.$2.$t" || return 1
		same_text "$t in $1 and $2" "$W/tables.$1.$t" \
		    "$W/tables.$2.$t" || err=1
	done
	return "$err"
}

# check_run OUT ARGS...: dumpscrub ARGS (key 1): exit 0, nothing on
# stderr.
check_run() {
	local out=$1
	shift
	scrub_run "$KEY1" "$out" "$@"
}

# shape_check FILE: tests/dumprows FILE (kept as FILE.rows): one field
# per column, no value too long, no NULL in a NOT NULL column.
shape_check() {
	run_to "$1.rows" "$DUMPROWS" "$1" || return 1
	perl "$SCRUB_DIR/check.pl" shape "$W/meta" <"$1.rows"
}

# in_list WORD LIST...: WORD is one of LIST.
in_list() {
	local w=$1 x
	shift
	for x in "$@"; do
		[ "$x" = "$w" ] && return 0
	done
	return 1
}

# report_check REPORT DUMP OUT: the --report of the main scrub.
report_check() {
	local rep=$1 in=$2 out=$3 t c act n nulls always total=0
	: >"$W/report.want"
	declare -A cnt=() scrubbed=()
	while IFS=$'\t' read -r t n; do
		cnt[$t]=$n
	done <"$W/counts"
	while IFS=$'\t' read -r t c _ act _; do
		case $t in '#'*) continue ;; esac
		case $act in - | keep) continue ;; esac
		t=${t##*.}
		nulls=$(q "$MAINDB" "SELECT count(*) - count($c) FROM orig.$t") ||
		    return 1
		always=0
		# shellcheck disable=SC2086 # lists of words
		in_list "$t.$c" $ALWAYS && always=1
		# shellcheck disable=SC2086
		in_list "$t.$c" $WHEN_COLS && nulls="<=$nulls"
		printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$c" "$act" \
		    "${cnt[$t]:-?}" "$nulls" "$always" >>"$W/report.want"
		scrubbed[$t]=1
	done <"$W/check.tsv"
	for t in "${!scrubbed[@]}"; do
		total=$((total + ${cnt[$t]}))
	done
	perl "$SCRUB_DIR/check.pl" report "$rep" "$W/report.want" "$total" \
	    "$(stat -c %s "$in")" "$(stat -c %s "$out")"
}

# app_suite LABEL FORMS...: everything on the app once the dumps
# $D/<form>.sql exist and $SRCDB (the originals) is loaded.  The first
# form is the main one: its restore ($MAINDB) gets the deep checks.
app_suite() {
	local L=$1 main=$2 f
	shift
	local forms=("$@")
	local in=$D/$main.sql

	db_counts "$SRCDB" >"$W/counts" || fail "$L: counting rows"

	# --check and --strict.
	check "$L: --check" check_run "$W/check.tsv" --check -r "$RULES" "$in"
	check "$L: --check lists the coverage" cov_check "$W/check.tsv" "$RULES"
	check "$L: --check --strict with safe" check_run "$W/strict.tsv" \
	    --check --strict -r "$RULES" "$in"
	check "$L: --check --strict without safe fails" \
	    strict_missing_safe "$in" "$W"

	# Scrub every form; the main one with --report and -o.
	check "$L $main: scrub --report -o" check_run "$W/main.stdout" \
	    --report="$W/report.tsv" -o "$W/$main.out" -r "$RULES" "$in"
	for f in "${forms[@]:1}"; do
		check "$L $f: scrub" check_run "$W/$f.out" -r "$RULES" "$D/$f.sql"
	done
	echo "# $L: scrubbed after ${SECONDS}s"

	# Keys and determinism.
	check "$L: same key twice: same bytes" scrub_same "$KEY1" \
	    "$W/$main.out" "$W/again.out" -r "$RULES" "$in"
	zstd -q -c "$in" >"$in.zst" || fail "zstd $in"
	check "$L: zstd input: same bytes" scrub_same "$KEY1" \
	    "$W/$main.out" "$W/zst.out" -r "$RULES" "$in.zst"
	check "$L: zstd from a pipe: same bytes" scrub_pipe "$in.zst" \
	    "$W/$main.out" "$W/pipe.out" -r "$RULES"
	printf '%s\n' "$KEY1" >"$W/key1"
	check "$L: --key-file overrides the variable: same bytes" \
	    scrub_same "$KEY2" "$W/$main.out" "$W/keyfile.out" \
	    --key-file="$W/key1" -r "$RULES" "$in"
	check "$L: another key: scrub" scrub_run "$KEY2" "$W/k2.out" \
	    -r "$RULES" "$in"
	rm -f "$W/again.out" "$W/zst.out" "$W/keyfile.out" "$W/pipe.out"

	# Restore every form.
	for f in "${forms[@]}"; do
		check "$L $f: restore" restore_form "s_$f" "$W/$f.out" "$W/counts"
	done
	echo "# $L: restored after ${SECONDS}s"

	# The originals next to the main restore, and the columns.
	if [ "$DIALECT" = pg ]; then
		db_load "$MAINDB" "$SCRUB_DIR/app.pg.sql" "$W/orig.err" orig ||
		    fail "$L: loading the originals into $MAINDB"
	fi
	if ! q "$MAINDB" "$META_SQL" >"$W/meta" || [ ! -s "$W/meta" ]; then
		fail "$L: reading the columns"
	fi

	# Different keys, different values.
	run_to "$W/main.rows" "$DUMPROWS" "$W/$main.out" ||
	    fail "$L: dumprows $W/$main.out"
	run_to "$W/k2.rows" "$DUMPROWS" "$W/k2.out" ||
	    fail "$L: dumprows $W/k2.out"
	check "$L: another key: other customers.email" keys_differ \
	    "$W/meta" "$W/main.rows" "$W/k2.rows" customers email
	check "$L: another key: other newsletter.email" keys_differ \
	    "$W/meta" "$W/main.rows" "$W/k2.rows" newsletter email
	check "$L: another key: other customers.username" keys_differ \
	    "$W/meta" "$W/main.rows" "$W/k2.rows" customers username

	# What only the column type would enforce on restore (MariaDB's
	# dumps restore in a non-strict mode that rounds and clamps).
	check "$L: noise keeps 2 decimals (the dump's text)" col_check \
	    "$W/meta" "$W/main.rows" customers salary '$2 ~ /^[0-9]+\.[0-9][0-9]$/'
	check "$L: noise on smallint: an integer in range" col_check \
	    "$W/meta" "$W/main.rows" orders quantity \
	    '$2 ~ /^[0-9]+$/ && $2 >= 1 && $2 <= 32767'
	check "$L: hash on int: an integer in range" col_check \
	    "$W/meta" "$W/main.rows" loyalty_cards loyalty_number \
	    '$2 ~ /^-?[0-9]+$/ && $2 >= -2147483648 && $2 <= 2147483647'
	check "$L: hash on smallint: an integer in range" col_check \
	    "$W/meta" "$W/main.rows" loyalty_cards pin \
	    '$2 ~ /^-?[0-9]+$/ && $2 >= -32768 && $2 <= 32767'

	# Leaks, shape and forms.
	check "$L: original values to look for" leak_patterns "$MAINDB" "$W"
	run_to "$W/orig.rows" "$DUMPROWS" "$in" || fail "$L: dumprows $in"
	check "$L: ... found in the original dump" leak_sanity \
	    "$W/pats.copy" "$W/orig.rows"
	check "$L: ... and (raw) in the original dump" leak_sanity \
	    "$W/pats.raw" "$in"
	for f in "${forms[@]}"; do
		check "$L $f: no NULL in NOT NULL columns, no value too long" \
		    shape_check "$W/$f.out"
		check "$L $f: no original value in the output" leak_check \
		    "$W/pats.copy" "$W/pats.raw" "$W/$f.out.rows" "$W/$f.out"
		[ "$f" = "$main" ] && continue
		check "$L $f: same tables as $main" same_tables "$MAINDB" "s_$f"
	done
	check "$L: no original value in the output of another key" leak_check \
	    "$W/pats.copy" "$W/pats.raw" "$W/k2.rows" "$W/k2.out"
	echo "# $L: leaks and forms checked after ${SECONDS}s"

	app_checks "$L" "$MAINDB"
	check "$L: --report" report_check "$W/report.tsv" "$in" "$W/$main.out"
	xd_export "$MAINDB" >"$T/xd.$DIALECT" ||
	    echo "# $L: exporting the values for the dialect comparison failed" >&2
	echo "# $L: app checked after ${SECONDS}s"
}

# scrub_same KEY EXPECTED OUT ARGS...: dumpscrub ARGS with
# DUMPFILTERS_KEY=KEY writes EXPECTED byte for byte.
scrub_same() {
	local key=$1 exp=$2 out=$3
	shift 3
	scrub_run "$key" "$out" "$@" || return 1
	same_file "dumpscrub $*" "$exp" "$out"
}

# scrub_pipe IN EXPECTED OUT ARGS...: dumpscrub ARGS <IN (key 1), on a
# pipe (no schema read ahead), writes EXPECTED byte for byte.
scrub_pipe() {
	local in=$1 exp=$2 out=$3
	shift 3
	# cat: a pipe, not a seekable file.
	# shellcheck disable=SC2002
	cat "$in" | run_in /dev/stdin "$out" env DUMPFILTERS_KEY="$KEY1" \
	    "$DUMPSCRUB" "$@" || return 1
	if [ -s "$out.err" ]; then
		printf '# dumpscrub %s <%s: stderr:\n' "$*" "$in" >&2
		head -n 5 "$out.err" | sed 's/^/#   /' >&2
		return 1
	fi
	same_file "dumpscrub $* <$in" "$exp" "$out"
}

# corpus_scrub LABEL RULES FORMS...: scrub and restore the corpus dumps
# $D/corpus-<form>.sql; counts as in $SRCDB.
corpus_scrub() {
	local L=$1 rules=$2 f
	shift 2
	check "$L: --check" check_run "$W/corpus-check.tsv" --check \
	    -r "$rules" "$D/corpus-$1.sql"
	for f in "$@"; do
		check "$L $f: scrub" check_run "$W/corpus-$f.out" -r "$rules" \
		    "$D/corpus-$f.sql"
		check "$L $f: restore" restore_form "c_$f" "$W/corpus-$f.out" \
		    "$W/corpus-counts"
	done
}

###
### PostgreSQL
###

# pg_corpus_values DB: the corpus rules' values, in DB.
pg_corpus_values() {
	local L=$1 db=$2 src=corpus
	check "$L: escapes.what set" none "$db" "SELECT id FROM escapes
	    WHERE NOT $(nse what "$(lit $'it\'s a "tab"\there,\na newline, a back\\slash, \\N and 😀')")"
	check "$L: escapes.val hash" none "$db" "SELECT id FROM escapes
	    WHERE val IS NOT NULL AND NOT $(rxm val '^[0-9a-f]{32}$')"
	check "$L: escapes.val NULL kept" equals "$db" \
	    "SELECT count(*) FROM escapes WHERE val IS NULL" \
	    "$(q $src "SELECT count(*) FROM escapes WHERE val IS NULL")"
	check "$L: users.email email" none "$db" "SELECT id, email FROM users
	    WHERE NOT $(rxm email "$EMAIL_RX")"
	check "$L: users.name full_name, NULLs kept" equals "$db" \
	    "SELECT count(name) FROM users WHERE name NOT LIKE 'User %'" \
	    "$(q $src "SELECT count(name) FROM users")"
	check "$L: orders.note replace" equals "$db" "SELECT count(*)
	    FROM orders WHERE note = $(lit $'gift\n\\.\nwrap')" \
	    "$(q $src "SELECT count(*) FROM orders WHERE note = E'gift\\nwrap'")"
	check "$L: item_notes.body set" none "$db" "SELECT id FROM item_notes
	    WHERE body IS NOT NULL AND NOT
	    $(nse body "$(lit $'back\\slash\ttab\nnewline \'quote\' 😀')")"
	check "$L: item_notes.body NULL kept" equals "$db" \
	    "SELECT count(*) FROM item_notes WHERE body IS NULL" 1
	check "$L: \"Mixed Case Tbl\"" equals "$db" "SELECT string_agg(
	    coalesce(\"with\"\"quote\", 'NULL') || '|' ||
	    coalesce((\"Çolumn ñame\" NOT IN ('ça marche', E'tab\\there'))::text,
	    'NULL'), ',' ORDER BY id) FROM \"Mixed Case Tbl\"" \
	    "\"'|true,NULL|NULL,\"'|true"
	check "$L: \"Mixed Case\".\"Tbl\"" none "$db" "SELECT \"Id\" FROM
	    \"Mixed Case\".\"Tbl\" WHERE \"Ünïcödé\" IN ('ÄÖÜ', '日本語')
	    OR \"Ünïcödé\" IS NULL OR \"Ünïcödé\" = ''"
	check "$L: app.accounts.name username" none "$db" "SELECT id, name
	    FROM app.accounts WHERE NOT $(rxm name "$USERNAME_RX")"
	check "$L: docs.j" equals "$db" "SELECT (j ->> 'a') = E'tab\\tand \"quote\"'
	    AND (j -> 'u')::text = 'null' AND $(rxm "j ->> 'nl'" "$EMAIL_RX")
	    FROM docs WHERE id = 1" t
	check "$L: docs.jb" equals "$db" "SELECT $(rxm "jb ->> 'q'" '^[0-9a-f]{8}$')
	    AND (SELECT jb -> 'key with space' -> 'nested' = '[null, null]'
	    FROM docs WHERE id = 3) FROM docs WHERE id = 1" t
	check "$L: docs without the paths kept" equals "$db" \
	    "SELECT string_agg(coalesce(j::text, 'NULL') || jb::text, '|'
	    ORDER BY id) FROM docs WHERE id IN (2, 4, 5)" \
	    "$(q $src "SELECT string_agg(coalesce(j::text, 'NULL') || jb::text,
	    '|' ORDER BY id) FROM docs WHERE id IN (2, 4, 5)")"
	check "$L: big.payload hash 64" none "$db" "SELECT id FROM big
	    WHERE NOT $(rxm payload '^[0-9a-f]{64}$')"
}

pg_suite() {
	local f
	use_pg
	W=$T/pg-work D=$T/pg-dumps SRCDB=app MAINDB=s_copy
	mkdir -p "$W" "$D"
	pg_start "$T/pg"
	createdb app || fail "createdb app"
	db_load app "$SCRUB_DIR/app.pg.sql" "$W/app.err" ||
	    fail "loading tests/scrub/app.pg.sql"
	local forms=(copy inserts colrows)
	declare -A opts=([copy]='' [inserts]='--inserts'
	    [colrows]='--column-inserts --rows-per-insert=50')
	for f in "${forms[@]}"; do
		# shellcheck disable=SC2086 # a list of options
		pg_dump ${opts[$f]} -d app -f "$D/$f.sql" ||
		    fail "pg_dump ${opts[$f]}"
	done
	echo "# pg: dumps ready after ${SECONDS}s"
	app_suite pg "${forms[@]}"

	# The Foundation's corpus.
	createdb corpus || fail "createdb corpus"
	db_load corpus "$top_srcdir/tests/corpus/pg.sql" "$W/corpus.err" ||
	    fail "loading tests/corpus/pg.sql"
	pg_dump -d corpus -f "$D/corpus-copy.sql" || fail "pg_dump corpus"
	pg_dump --inserts -d corpus -f "$D/corpus-inserts.sql" ||
	    fail "pg_dump --inserts corpus"
	db_counts corpus >"$W/corpus-counts" || fail "counting corpus rows"
	corpus_scrub "pg corpus" "$SCRUB_DIR/corpus.pg.rules" copy inserts
	for f in copy inserts; do
		pg_corpus_values "pg corpus $f" "c_$f"
	done
	echo "# pg: corpus checked after ${SECONDS}s"
}

###
### MariaDB
###

# my_corpus_values LABEL DB: the corpus rules' values, in DB.
my_corpus_values() {
	local L=$1 db=$2
	check "$L: escapes.what set" none "$db" "SELECT id FROM escapes
	    WHERE BINARY what <> BINARY 'it\\'s a \"tab\"\\there,\\na newline, \\\\N, NUL\\0, ^Z\\Z\\r and 😀'"
	check "$L: escapes.val hash" none "$db" "SELECT id FROM escapes
	    WHERE val IS NOT NULL AND NOT $(rxm val '^[0-9a-f]{32}$')"
	check "$L: escapes.val NULL kept, vb kept" none "$db" "SELECT id
	    FROM escapes s JOIN corpus.escapes o USING (id)
	    WHERE (s.val IS NULL) <> (o.val IS NULL) OR NOT (s.vb <=> o.vb)"
	check "$L: users.email email" none "$db" "SELECT id, email FROM users
	    WHERE NOT $(rxm email "$EMAIL_RX")"
	check "$L: users.name full_name, NULLs kept" none "$db" "SELECT id
	    FROM users s JOIN corpus.users o USING (id)
	    WHERE (s.name IS NULL) <> (o.name IS NULL)
	    OR (o.name IS NOT NULL AND $(nse s.name o.name))"
	check "$L: orders.note replace" none "$db" "SELECT id
	    FROM orders s JOIN corpus.orders o USING (id)
	    WHERE NOT $(nse s.note "REPLACE(o.note, '\\n', '\\n\\\\.\\n')")"
	check "$L: item_notes.body set, NULL kept" none "$db" "SELECT id
	    FROM item_notes s JOIN corpus.item_notes o USING (id)
	    WHERE NOT $(nse s.body "IF(o.body IS NULL, NULL,
	    'back\\\\slash\\ttab\\nnewline ''quote'' 😀')")"
	check "$L: \`Mixed Case Tbl\`" none "$db" "SELECT id
	    FROM \`Mixed Case Tbl\` s JOIN corpus.\`Mixed Case Tbl\` o USING (id)
	    WHERE NOT $(nse 's.`with``backtick`' "IF(o.\`with\`\`backtick\` IS NULL,
	    NULL, '\`''')") OR NOT $(nse 's.`with"dq`' "IF(o.\`with\"dq\` IS NULL,
	    NULL, '\"')") OR (s.\`Çolumn ñame\` IS NULL) <> (o.\`Çolumn ñame\` IS NULL)
	    OR (o.\`Çolumn ñame\` IS NOT NULL
	    AND $(nse 's.`Çolumn ñame`' 'o.`Çolumn ñame`'))"
	check "$L: \`ünïcödé_tbl\`" none "$db" "SELECT id FROM \`ünïcödé_tbl\`
	    WHERE NOT $(nse '`日本語`' "'Ünï 😀 \\\\'")"
	check "$L: types.j" equals "$db" "SELECT
	    $(nse "JSON_VALUE(j, '\$.a')" "'tab\\tand \"quote\"'")
	    AND $(jnull j u) AND $(nse "JSON_VALUE(j, '\$.bs')" "'\\\\'")
	    AND $(rxm "JSON_VALUE(j, '\$.nl')" "$EMAIL_RX")
	    FROM types WHERE id = 1" 1
	check "$L: types without the paths kept" none "$db" "SELECT id
	    FROM types s JOIN corpus.types o USING (id)
	    WHERE id <> 1 AND NOT $(nse s.j o.j)"
	check "$L: big.payload hash 64, raw kept" none "$db" "SELECT id
	    FROM big s JOIN corpus.big o USING (id)
	    WHERE NOT $(rxm s.payload '^[0-9a-f]{64}$') OR s.raw <> o.raw"
	check "$L: legacy_myisam.v set (latin1)" none "$db" "SELECT id
	    FROM legacy_myisam WHERE NOT (v = 'café' AND HEX(v) = '636166E9')"
}

my_suite() {
	local f
	use_my
	W=$T/my-work D=$T/my-dumps SRCDB=orig MAINDB=s_ext
	mkdir -p "$W" "$D"
	my_start "$T/my"
	db_create orig || fail "CREATE DATABASE orig"
	db_load orig "$SCRUB_DIR/app.mysql.sql" "$W/app.err" ||
	    fail "loading tests/scrub/app.mysql.sql"
	local forms=(ext single complete)
	declare -A opts=([ext]='' [single]='--skip-extended-insert'
	    [complete]='--complete-insert')
	for f in "${forms[@]}"; do
		# shellcheck disable=SC2086 # a list of options
		my_dump --default-character-set=utf8mb4 ${opts[$f]} orig \
		    >"$D/$f.sql" || fail "mariadb-dump ${opts[$f]}"
	done
	echo "# mariadb: dumps ready after ${SECONDS}s"
	app_suite mariadb "${forms[@]}"

	# The Foundation's corpus.
	my_client -e 'CREATE DATABASE corpus CHARACTER SET utf8mb4' ||
	    fail "CREATE DATABASE corpus"
	db_load corpus "$top_srcdir/tests/corpus/mysql.sql" "$W/corpus.err" ||
	    fail "loading tests/corpus/mysql.sql"
	my_dump --default-character-set=utf8mb4 --routines --triggers \
	    --events corpus >"$D/corpus-ext.sql" || fail "mariadb-dump corpus"
	my_dump --default-character-set=utf8mb4 --routines --triggers \
	    --events --skip-extended-insert corpus >"$D/corpus-single.sql" ||
	    fail "mariadb-dump --skip-extended-insert corpus"
	db_counts corpus >"$W/corpus-counts" || fail "counting corpus rows"
	corpus_scrub "mariadb corpus" "$SCRUB_DIR/corpus.mysql.rules" ext single
	for f in ext single; do
		my_corpus_values "mariadb corpus $f" "c_$f"
	done
	echo "# mariadb: corpus checked after ${SECONDS}s"
}

for s in $SERVERS; do
	case $s in
	pg) pg_suite ;;
	mariadb) my_suite ;;
	*) fail "REAL_SCRUB_SERVERS: unknown server $s" ;;
	esac
done

if [ -f "$T/xd.pg" ] && [ -f "$T/xd.my" ]; then
	check "pg and mariadb: the same fakes for the same values" \
	    same_text "scrubbed values" "$T/xd.pg" "$T/xd.my"
fi

echo "# done in ${SECONDS}s"
check_done
