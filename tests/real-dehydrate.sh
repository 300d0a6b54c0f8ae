#!/bin/bash
# tests/real-dehydrate.sh - dumpdehydrate on real dumps of an insurance
# platform, against the kept sets PostgreSQL computes.
#
# tests/dehydrate/gen.py writes about 140 000 rows (dates relative to
# today) of the schema of tests/dehydrate/schema.{pg,mysql}.sql: producers,
# brokers, agencies (a tree), products and rate tables (a composite FK on
# a text key), applications (renewals point at older ones), ratings,
# generated documents and signatures, polymorphic notes, an office/staff/
# team cycle closed by a nullable FK, audit and chat tables, and lookup
# tables nothing references.  tests/dehydrate/edges.tsv lists every
# reference: the FKs, declared in both servers after the data, and those
# only tests/dehydrate/app.rules.in's `relation` lines know (one with
# `when`).  The same rows go into a private PostgreSQL and a private
# MariaDB (tests/rig, unix sockets only), each is dumped in every form,
# each dump dehydrated with the rules and restored with the stock client
# into a fresh database.  Then check:
#   expected    PostgreSQL computes on the source, independently of the
#               program (tests/dehydrate/expected.sql), the kept keys of
#               every table: a fixpoint of roots, parents along every FK
#               and relation, children of applications (follow), ...
#   restore     pg: no error and no message, FKs added after the data;
#               MariaDB: no error, and no orphan along any FK or relation
#               (a LEFT JOIN each, rows missing from the source aside)
#   keys        every table of every form holds exactly the expected keys
#               (pg forms and MariaDB forms against the same sets)
#   rows        the kept rows are the source's, byte for byte, except
#               applications.chat_thread_id: NULL (truncate ... nullify)
#   forms       pg COPY, --inserts, --column-inserts, --rows-per-insert,
#               --data-only with --schema; mariadb-dump extended,
#               --skip-extended-insert, --complete-insert, --no-create-info
#               with --schema; .gz and .zst input, pipes (pg data-only
#               with --schema too), -o FILE.zst, --mem=1M (keys spilled)
#               and two keep rules for one table (a union) give the same
#               bytes as the plain run; the spool and spill files are gone
#   explain     --explain writes no dump and gives every table's class,
#               rows in and rows kept
#   report      --report: classes, rows_in and rows_kept as SQL counts,
#               the reasons (root, all, an FK, a relation, follows), totals
#   dangling    kept documents whose template code no template has (an
#               undeclared relation): warned about, with a count
#   newest      keep applications newest N by id: as computed (ids compare
#               as numbers)
#   sample      keep applications sample 10%: the same keys from COPY,
#               INSERT and MariaDB dumps, a plausible size, and closed
#               (the fixpoint of its applications is itself)
#   others none the tables of class other empty, the rest unchanged
#   shared      dumpscrub --check takes the same rules file
#   errors      a kept row referencing a truncated table without nullify:
#               exit 1 naming the FK, no -o file; a predicate on a missing
#               column, a keep of a truncated table: exit 2, no output
# Each dumpdehydrate run gets DH_TIMEOUT seconds (default 60).
# Exit 0 pass, 1 fail, 77 skip (no server; a failure when CI=true).
# KEEP_TMP=1 keeps the temporary directory.

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
DUMPDEHYDRATE=${DUMPDEHYDRATE:-$top_builddir/dumpdehydrate}
DUMPSCRUB=${DUMPSCRUB:-$top_builddir/dumpscrub}

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

need_cmd python3 zstd gzip awk sort cut grep sed stat date cmp diff comm \
    timeout
command -v "$DUMPDEHYDRATE" >/dev/null ||
    fail "DUMPDEHYDRATE not found: $DUMPDEHYDRATE"
command -v "$DUMPSCRUB" >/dev/null || fail "DUMPSCRUB not found: $DUMPSCRUB"

DD=$top_srcdir/tests/dehydrate
TODAY=$(date -u +%F)
SINCE=$(date -u -d "$TODAY 12:00 400 days ago" +%F)
# The rule of the main run and the SQL that selects the same roots.
MAIN_KEEP="keep applications where created_at >= '$SINCE' or kind = 'renewal'"
MAIN_ROOTS="SELECT id FROM public.applications
    WHERE created_at >= '$SINCE' OR kind = 'renewal'"
NEWEST=1000
# The FK an application's chat thread is referenced by (truncated).
NULLIFY_FK=fk_applications_chat_thread
# Seconds one dumpdehydrate run may take (a hang fails its check, not the
# whole test); a run takes well under a second.
DH_TIMEOUT=${DH_TIMEOUT:-60}
# What a warning about the dangling template codes may mention.
DANGLING_RX='doc_templates|template_code|documents|dangling|absent|missing'

tmpdir T
# The PostgreSQL server runs as another user when we are root.
chmod 711 "$T"
W=$T/work
mkdir -p "$W" "$T/gen" "$T/exp"

# The tables, their keys and classes (tables.tsv).
TABLES=()
declare -A PK=() CLASS=()
while IFS=$'\t' read -r t k c; do
	case $t in '#'* | '') continue ;; esac
	TABLES+=("$t")
	PK[$t]=$k
	CLASS[$t]=$c
done <"$DD/tables.tsv"
[ "${#TABLES[@]}" -gt 20 ] || fail "tests/dehydrate/tables.tsv: too few tables"
# The columns of FKs from kept tables to truncated ones, as a SQL list of
# 'table.column': truncate ... nullify sets them to NULL.
NULLIFIED=$(awk -F '\t' 'FNR == NR { if ($1 !~ /^#/) cls[$1] = $3; next }
    /^#/ { next }
    cls[$3] == "truncated" && cls[$1] != "truncated" {
	n = split($2, c, ",")
	for (i = 1; i <= n; i++) printf "%s\x27%s.%s\x27", sep, $1, c[i]; sep = ", "
    }' "$DD/tables.tsv" "$DD/edges.tsv")
[ "$NULLIFIED" = "'applications.chat_thread_id'" ] ||
    fail "tests/dehydrate: nullified columns $NULLIFIED"

# The rules: the main set and its variants.
sed "s/@SINCE@/$SINCE/" "$DD/app.rules.in" >"$T/app.rules"
grep -qxF "$MAIN_KEEP" "$T/app.rules" ||
    fail "app.rules.in: no line '$MAIN_KEEP'"
# rules_variant NAME OLD NEW: $T/NAME.rules, app.rules with the line OLD
# replaced by NEW (awk's escapes: \n for a newline).
rules_variant() {
	awk -v old="$2" -v new="$3" '$0 == old { $0 = new; n++ } { print }
	    END { exit n != 1 }' "$T/app.rules" >"$T/$1.rules" ||
	    fail "app.rules: no line '$2'"
}
rules_variant newest "$MAIN_KEEP" "keep applications newest $NEWEST by id"
rules_variant sample "$MAIN_KEEP" "keep applications sample 10%"
rules_variant fkerr 'truncate chat_threads nullify' 'truncate chat_threads'
rules_variant nocol "$MAIN_KEEP" "keep applications where no_such_column = 'x'"
rules_variant union "$MAIN_KEEP" "keep applications where created_at >= '$SINCE'\\nkeep applications where kind = 'renewal'"
rules_variant none 'others keep' 'others none'
rules_variant keeptrunc "$MAIN_KEEP" "$MAIN_KEEP\\nkeep chat_threads"
REL_LINE=$(grep -n '^relation documents(template_code)' "$T/app.rules" |
    cut -d: -f1)

python3 "$DD/gen.py" "$TODAY" "$T/gen" || fail "tests/dehydrate/gen.py"
echo "# data generated for $TODAY (cut-off $SINCE) after ${SECONDS}s"

###
### Helpers of both dialects
###

# dh_stderr FILE: FILE holds nothing but warnings about the dangling
# template codes.
dh_stderr() {
	if grep -v -i -E "$DANGLING_RX" "$1" | grep -q .; then
		echo "# unexpected messages on stderr ($1):" >&2
		grep -v -i -E "$DANGLING_RX" "$1" | head -n 5 | cut -c1-300 |
		    sed 's/^/#   /' >&2
		return 1
	fi
}

# dh OUT ARGS...: dumpdehydrate ARGS >OUT: exit 0, nothing on stderr but
# the dangling-reference warning.  A failed run leaves no OUT, so that
# the checks on it fail too.
dh() {
	local out=$1
	shift
	if ! run_to "$out" timeout "$DH_TIMEOUT" "$DUMPDEHYDRATE" "$@"; then
		rm -f "$out"
		return 1
	fi
	dh_stderr "$out.err"
}

# dh_same EXPECTED OUT ARGS...: dh, and OUT is EXPECTED byte for byte.
dh_same() {
	local exp=$1 out=$2
	shift 2
	dh "$out" "$@" || return 1
	same_file "dumpdehydrate $*" "$exp" "$out"
}

# dh_pipe EXPECTED IN OUT ARGS...: cat IN | dumpdehydrate ARGS (a pipe,
# spooled) writes EXPECTED byte for byte.
dh_pipe() {
	local exp=$1 in=$2 out=$3
	shift 3
	# cat: a pipe, not a seekable file.
	# shellcheck disable=SC2002
	cat "$in" | run_in /dev/stdin "$out" timeout "$DH_TIMEOUT" \
	    "$DUMPDEHYDRATE" "$@" || return 1
	dh_stderr "$out.err" || return 1
	same_file "cat $in | dumpdehydrate $*" "$exp" "$out"
}

# dh_o EXPECTED OUT ARGS...: dumpdehydrate -o OUT.zst: nothing on stdout,
# OUT.zst decompresses to EXPECTED.
dh_o_zst() {
	local exp=$1 out=$2
	shift 2
	rm -f "$out.zst"
	dh "$out.stdout" -o "$out.zst" "$@" || return 1
	if [ -s "$out.stdout" ]; then
		echo "# dumpdehydrate -o $out.zst also wrote to stdout" >&2
		return 1
	fi
	run_to "$out" zstd -q -dc "$out.zst" || return 1
	same_file "dumpdehydrate -o $out.zst $*" "$exp" "$out"
}

# dh_warned ERRFILE: the main run warned about the template codes that
# no doc_templates row has (kept documents hold them), with a count.
dh_warned() {
	local f=$1 n
	if ! grep -q -E 'doc_templates|template_code' "$f"; then
		echo "# no warning about the dangling documents.template_code in $f:" >&2
		head -n 5 "$f" | sed 's/^/#   /' >&2
		return 1
	fi
	for n in $DANGLING_COUNTS; do
		grep -q -w "$n" "$f" && return 0
	done
	echo "# the dangling warning gives none of the counts $DANGLING_COUNTS:" >&2
	head -n 5 "$f" | sed 's/^/#   /' >&2
	return 1
}

# keys_sql DIALECT FROM: a query listing "table<TAB>key" for the rows of
# every table, read from FROM with @ replaced by the table's name.  A key
# is its columns joined by ','; text columns as the hex of their bytes.
keys_sql() {
	local d=$1 from=$2 t c e exprs sep='' sql=''
	local -a cols
	for t in "${TABLES[@]}"; do
		exprs=
		IFS=, read -ra cols <<<"${PK[$t]}"
		for c in "${cols[@]}"; do
			case $d:$c in
			pg:*:t) e="encode(convert_to(${c%:t}, 'UTF8'), 'hex')" ;;
			pg:*) e="$c::text" ;;
			my:*:t) e="LOWER(HEX(\`${c%:t}\`))" ;;
			*) e="CAST(\`$c\` AS CHAR)" ;;
			esac
			exprs+=${exprs:+, }$e
		done
		sql+="${sep}SELECT '$t', CONCAT_WS(',', $exprs) FROM ${from//@/$t}"
		sep=' UNION ALL '
	done
	printf '%s\n' "$sql"
}

# keys_same WHAT EXPECTED ACTUAL: two "table<TAB>key" lists hold the same
# lines; else per table the count of missing and extra keys, and a few.
keys_same() {
	local what=$1 a=$2 b=$3
	LC_ALL=C sort -o "$a" "$a" && LC_ALL=C sort -o "$b" "$b" || return 1
	cmp -s "$a" "$b" && return 0
	printf '# %s: keys differ (%s expected, %s actual):\n' "$what" "$a" "$b" >&2
	LC_ALL=C comm -3 "$a" "$b" | awk -F '\t' '
	    $1 == "" { t = $2; k = $3; x = "extra" }
	    $1 != "" { t = $1; k = $2; x = "missing" }
	    { if (n[t, x]++ < 3) s[t, x] = s[t, x] " " k; tt[t] = 1 }
	    END { for (t in tt) printf "#   %s: %d missing%s; %d extra%s\n", t,
		n[t, "missing"], s[t, "missing"], n[t, "extra"], s[t, "extra"] }' >&2
	return 1
}

# keys_count KEYS TABLE: the number of TABLE's keys in KEYS.
keys_count() {
	awk -F '\t' -v t="$2" '$1 == t { n++ } END { print n + 0 }' "$1"
}

# report_check REPORT COUNTS EXPKEYS ROOTS IN OUT: the --report TSV:
# header, one table per line with its class (tables.tsv), rows_in
# (COUNTS), rows_kept (EXPKEYS) and reasons; ROOTS rows for `root`;
# totals and byte counts of IN and OUT.
report_check() {
	local rep=$1 counts=$2 keys=$3 roots=$4 in=$5 out=$6 t
	{
		for t in "${TABLES[@]}"; do
			printf 'T\t%s\t%s\t%s\n' "$t" "${CLASS[$t]}" \
			    "$(keys_count "$keys" "$t")"
		done
		sed 's/^/C\t/' "$counts"
	} >"$rep.want"
	awk -F '\t' -v roots="$roots" -v relline="$REL_LINE" \
	    -v bin="$(stat -c %s "$in")" -v bout="$(stat -c %s "$out")" '
	function bad(m) { print "#   report: " m > "/dev/stderr"; err = 1 }
	FILENAME != ARGV[2] && $1 == "T" { cls[$2] = $3; kept[$2] = $4; next }
	FILENAME != ARGV[2] && $1 == "C" { rin[$2] = $3; next }
	FNR == 1 {
		if ($0 != "# table\tclass\trows_in\trows_kept\treason\trows")
			bad("header: " $0)
		next
	}
	/^# total\t/ {
		total = $0
		if ($3 != sumin || $4 != skept)
			bad("total line " $3 "/" $4 ", rows add up to " sumin "/" skept)
		if ($5 !~ ("(^|[^0-9])bytes in " bin "([^0-9]|$)"))
			bad("total line: not \"bytes in " bin "\": " $5)
		if ($5 !~ ("(^|[^0-9])bytes out " bout "([^0-9]|$)"))
			bad("total line: not \"bytes out " bout "\": " $5)
		next
	}
	/^#/ { next }
	{
		if (total != "") bad("a line after the total: " $0)
		t = $1; sub(/^.*\./, "", t)
		if (!(t in cls)) { bad("unknown table " $1); next }
		if (NF != 6) bad(t ": " NF " fields")
		if (!(t in seen)) {
			seen[t] = 1
			sumin += $3; skept += $4
			if ($2 != cls[t]) bad(t ": class " $2 ", expected " cls[t])
			if ($3 != rin[t]) bad(t ": rows_in " $3 ", expected " rin[t])
			if ($4 != kept[t]) bad(t ": rows_kept " $4 ", expected " kept[t])
			in1[t] = $3; kept1[t] = $4
		} else if ($3 != in1[t] || $4 != kept1[t])
			bad(t ": rows_in/rows_kept differ between its lines")
		nlines[t]++
		reasons[t] = reasons[t] "|" $5
		if ($5 == "-") {
			if ($6 != 0) bad(t ": reason - with " $6 " rows")
			dash[t] = 1
		} else if ($6 !~ /^[0-9]+$/ || $6 == 0 || $6 > kept[t])
			bad(t ": reason \"" $5 "\" with " $6 " rows (kept " kept[t] ")")
		else
			sum[t] += $6
		if ($5 == "root") root[t] = $6
		if ($5 == "all") all[t] = $6
		# "referenced by CHILD(cols) [fk NAME|relation FILE:LINE]", the
		# parent and brackets or parentheses allowed
		if (t == "doc_templates" && $5 ~ ("^referenced by ([a-z]+\\.)?documents\\(template_code\\)( -> [^ ]+)? [[(]?relation [^ ]*:" relline "[])]?$"))
			rel_ok = 1
		if (t == "brokers" && $5 ~ /^referenced by ([a-z]+\.)?producers\(broker_license\)( -> [^ ]+)? [[(]?fk fk_producers_broker_license[])]?$/)
			fk_ok = 1
		if (t == "ratings" && $5 ~ /^follows ([a-z]+\.)?applications /)
			follow_ok = 1
	}
	END {
		for (t in cls) {
			if (!(t in seen)) { bad(t ": not listed"); continue }
			if (kept[t] == 0 && (!dash[t] || nlines[t] != 1))
				bad(t ": no rows kept, reasons " reasons[t] " (want one -)")
			if (kept[t] > 0 && (dash[t] || sum[t] < kept[t]))
				bad(t ": " kept[t] " kept, reasons " reasons[t] " add up to " sum[t])
			if (cls[t] == "other" && all[t] != rin[t])
				bad(t ": other, reason all with " all[t] " rows, expected " rin[t])
		}
		if (root["applications"] != roots)
			bad("applications: root reason with " root["applications"] " rows, expected " roots)
		if (!rel_ok)
			bad("doc_templates: no reason \"referenced by documents(template_code) relation RULES:" relline "\"")
		if (!fk_ok)
			bad("brokers: no reason \"referenced by producers(broker_license) fk fk_producers_broker_license\"")
		if (!follow_ok)
			bad("ratings: no reason \"follows applications via ...\"")
		if (total == "") bad("no total line")
		exit err
	}' "$rep.want" "$rep"
}

# scrub_takes DUMP OUT: dumpscrub --check accepts app.rules, and covers
# staff.email with its email action.
scrub_takes() {
	run_to "$2" "$DUMPSCRUB" --check -r "$T/app.rules" "$1" || return 1
	awk -F '\t' '$1 ~ /(^|\.)staff$/ && $2 == "email" && $4 == "email" {
	    ok = 1 } END { exit !ok }' "$2" && return 0
	echo "# dumpscrub --check: staff.email not covered by email" >&2
	return 1
}

# explain_check OUT COUNTS KEYS: --explain wrote no dump, and names
# every table on a line with its class, its rows in (COUNTS) and kept
# (KEYS).
explain_check() {
	local out=$1 counts=$2 keys=$3 t n k err=0
	if grep -q -E '^(COPY |INSERT INTO|CREATE TABLE|ALTER TABLE)' "$out"; then
		echo "# --explain wrote dump statements:" >&2
		grep -E '^(COPY |INSERT INTO|CREATE TABLE|ALTER TABLE)' "$out" |
		    head -n 3 | cut -c1-200 | sed 's/^/#   /' >&2
		err=1
	fi
	for t in "${TABLES[@]}"; do
		n=$(awk -F '\t' -v t="$t" '$1 == t { print $2 }' "$counts")
		k=$(keys_count "$keys" "$t")
		if ! grep -w -F "$t" "$out" | grep -w -F "${CLASS[$t]}" |
		    grep -w -F "$n" | grep -q -w -F "$k"; then
			printf '# --explain: no line with %s, its class %s, %s rows in and %s kept\n' \
			    "$t" "${CLASS[$t]}" "$n" "$k" >&2
			err=1
		fi
	done
	return "$err"
}

# fkerr_check DUMP DIR ARGS...: with chat_threads truncated without
# nullify, dumpdehydrate -o DIR/out.sql exits 1, names the FK, and leaves
# DIR empty.
fkerr_check() {
	local in=$1 dir=$2 rc=0
	shift 2
	rm -rf "$dir" && mkdir -p "$dir" || return 1
	timeout "$DH_TIMEOUT" "$DUMPDEHYDRATE" -r "$T/fkerr.rules" \
	    -o "$dir/out.sql" "$@" "$in" >"$dir.stdout" 2>"$dir.err" || rc=$?
	if [ "$rc" != 1 ] || ! grep -q -F "$NULLIFY_FK" "$dir.err"; then
		echo "# exit $rc, expected 1 with a message naming $NULLIFY_FK:" >&2
		head -n 5 "$dir.err" | cut -c1-300 | sed 's/^/#   /' >&2
		return 1
	fi
	if [ -n "$(ls -A "$dir")" ] || [ -s "$dir.stdout" ]; then
		echo "# the failed run left output behind:" >&2
		find "$dir" -mindepth 1 | sed 's/^/#   /' >&2
		return 1
	fi
}

# rules_err_check RULES WORD DUMP OUT: a rules error: exit 2, a message
# naming WORD, nothing on stdout.
rules_err_check() {
	local rules=$1 word=$2 in=$3 out=$4 rc=0
	timeout "$DH_TIMEOUT" "$DUMPDEHYDRATE" -r "$rules" "$in" \
	    >"$out" 2>"$out.err" || rc=$?
	if [ "$rc" != 2 ] || ! grep -q -F "$word" "$out.err"; then
		echo "# exit $rc, expected 2 with a message naming $word:" >&2
		head -n 5 "$out.err" | cut -c1-300 | sed 's/^/#   /' >&2
		return 1
	fi
	if [ -s "$out" ]; then
		printf '# %s bytes on stdout\n' "$(stat -c %s "$out")" >&2
		return 1
	fi
}

# empty_dir DIR: DIR holds no file.
empty_dir() {
	[ -z "$(find "$1" -mindepth 1 -print -quit)" ] && return 0
	echo "# left in $1:" >&2
	find "$1" -mindepth 1 | head -n 5 | sed 's/^/#   /' >&2
	return 1
}

# in_range WHAT N LO HI: LO <= N <= HI.
in_range() {
	[ "$2" -ge "$3" ] && [ "$2" -le "$4" ] && return 0
	printf '# %s: %s, expected %s to %s\n' "$1" "$2" "$3" "$4" >&2
	return 1
}

# equal WHAT GOT WANT
equal() {
	[ "$2" = "$3" ] && return 0
	printf '# %s: got %s, expected %s\n' "$1" "$2" "$3" >&2
	return 1
}

###
### PostgreSQL: the source, the expected sets, the pg forms
###

# pq DB SQL: tab-separated rows.
pq() {
	psql -X -q -At -F "$(printf '\t')" -v ON_ERROR_STOP=1 -d "$1" -c "$2"
}

# pg_load DB FILE...: run the SQL files; any error or message fails.
pg_load() {
	local db=$1 f
	shift
	for f in "$@"; do
		if ! psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$f" \
		    >/dev/null 2>"$W/load.err" || [ -s "$W/load.err" ]; then
			echo "# psql -d $db -f $f failed or complained:" >&2
			head -n 5 "$W/load.err" | cut -c1-300 | sed 's/^/#   /' >&2
			return 1
		fi
	done
}

# pg_restore_db DB FILE...: a fresh database DB with FILEs loaded.
pg_restore_db() {
	local db=$1
	shift
	dropdb --if-exists "$db" 2>/dev/null && createdb "$db" || return 1
	pg_load "$db" "$@"
}

# pg_keys DB OUT: the keys of every table of DB.
pg_keys() {
	pq "$1" "$(keys_sql pg 'public.@')" >"$2"
}

# pg_keys_check WHAT DB EXPKEYS: DB holds the keys EXPKEYS.
pg_keys_check() {
	pg_keys "$2" "$W/$2.keys" || return 1
	keys_same "$1" "$3" "$W/$2.keys"
}

# pg_rows_check DB: every table of DB holds the source's rows of the
# expected keys of the main run (exp.k_*), chat_thread_id NULL.
pg_rows_check() {
	local db=$1 t sql
	: >"$W/$db.rows.want"
	: >"$W/$db.rows"
	for t in "${TABLES[@]}"; do
		sql=$(pq expdb "SELECT exp.kept_rows_sql('$t')") || return 1
		pq expdb "COPY ($sql) TO STDOUT" | sed "s/^/$t\t/" \
		    >>"$W/$db.rows.want" || return 1
		pq "$db" "COPY public.$t TO STDOUT" | sed "s/^/$t\t/" \
		    >>"$W/$db.rows" || return 1
	done
	sorted_same "rows of $db" "$W/$db.rows.want" "$W/$db.rows"
}

# exp_run NAME ROOTS: the expected kept keys of a rule set whose roots
# ROOTS (SQL) selects, into $T/exp/NAME.keys, and the rounds the fixpoint
# took into $T/exp/NAME.rounds.
exp_run() {
	pq expdb "SELECT exp.closure(\$roots\$
	    INSERT INTO exp.k_applications $2 \$roots\$, '{applications}')" \
	    >"$T/exp/$1.rounds" &&
	    pq expdb "$(keys_sql pg 'exp.k_@')" >"$T/exp/$1.keys" &&
	    LC_ALL=C sort -o "$T/exp/$1.keys" "$T/exp/$1.keys"
}

# sample_closed DB KEYS: the fixpoint from DB's applications as roots is
# KEYS (DB's keys): nothing is missing from the sample's closure.
sample_closed() {
	pq expdb 'TRUNCATE exp.roots' &&
	    pq "$1" 'COPY (SELECT id FROM applications) TO STDOUT' |
	    pq expdb 'COPY exp.roots FROM STDIN' &&
	    exp_run sample "SELECT id FROM exp.roots" || return 1
	keys_same "closure of the sample" "$T/exp/sample.keys" "$2"
}

# fk_sql DIALECT: the ALTER TABLEs that declare the FKs of edges.tsv.
fk_sql() {
	awk -F '\t' -v d="$1" '/^#/ || $5 == "relation" { next }
	    d == "pg" { printf "ALTER TABLE ONLY public.%s ADD CONSTRAINT %s FOREIGN KEY (%s) REFERENCES public.%s (%s);\n", $1, $5, $2, $3, $4 }
	    d == "my" { printf "ALTER TABLE `%s` ADD CONSTRAINT `%s` FOREIGN KEY (%s) REFERENCES `%s` (%s);\n", $1, $5, $2, $3, $4 }' \
	    "$DD/edges.tsv"
}

pg_part() {
	local f L D=$T/pg-dumps
	pg_start "$T/pg"
	mkdir -p "$D"
	createdb src || fail "createdb src"
	fk_sql pg >"$T/gen/fks.pg.sql"
	pg_load src "$DD/schema.pg.sql" "$T/gen/data.pg.sql" \
	    "$T/gen/fks.pg.sql" || fail "loading the source into PostgreSQL"
	pg_counts src | sed 's/^[^.]*\.//' >"$T/counts" ||
	    fail "counting the source rows"
	local total
	total=$(awk -F '\t' '{ n += $2 } END { print n }' "$T/counts")
	check "source: $total rows, 100 000 at least" in_range "source rows" \
	    "$total" 100000 10000000

	# The dumps.
	declare -A opts=([copy]='' [inserts]='--inserts'
	    [colins]='--column-inserts' [rows]='--rows-per-insert=50'
	    [dataonly]='--data-only' [schema]='--schema-only'
	    [pre]='--section=pre-data' [post]='--section=post-data')
	for f in "${!opts[@]}"; do
		# shellcheck disable=SC2086 # a list of options
		pg_dump ${opts[$f]} -d src -f "$D/$f.sql" 2>"$D/$f.err" || {
			sed 's/^/# /' "$D/$f.err" >&2
			fail "pg_dump ${opts[$f]}"
		}
	done
	echo "# pg: source and dumps ready after ${SECONDS}s"

	# The expected sets, in a copy of the source.
	createdb -T src expdb || fail "createdb expdb"
	pg_load expdb "$DD/expected.sql" ||
	    fail "loading tests/dehydrate/expected.sql"
	grep -v '^#' "$DD/tables.tsv" |
	    pq expdb 'COPY exp.tables FROM STDIN' || fail "exp.tables"
	grep -v '^#' "$DD/edges.tsv" |
	    pq expdb 'COPY exp.edges FROM STDIN' || fail "exp.edges"
	pq expdb 'SELECT exp.prepare()' >/dev/null || fail "exp.prepare()"
	exp_run newest "SELECT id FROM public.applications ORDER BY id DESC
	    LIMIT $NEWEST" || fail "expected set newest"
	# Last, so that exp.k_* hold the main run's keys (pg_rows_check).
	exp_run main "$MAIN_ROOTS" || fail "expected set main"
	# others none: the same less the tables of class other.
	awk -F '\t' 'FNR == NR { if ($3 == "other") o[$1] = 1; next }
	    !($1 in o)' "$DD/tables.tsv" "$T/exp/main.keys" >"$T/exp/none.keys"
	APPS=$(pq src 'SELECT count(*) FROM applications')
	ROOTS=$(pq src "SELECT count(*) FROM ($MAIN_ROOTS) r")
	check "expected: the roots are 5 to 30% of the applications" \
	    in_range "roots, per mille" $((ROOTS * 1000 / APPS)) 50 300
	check "expected: the closure takes several rounds" in_range \
	    "rounds" "$(cat "$T/exp/main.rounds")" 3 1000
	check "expected: more applications than roots (renewed, cross-signed)" \
	    in_range "kept applications" \
	    "$(keys_count "$T/exp/main.keys" applications)" $((ROOTS + 1)) "$APPS"
	check "expected: kept applications reference chat threads" in_range \
	    "kept applications with a chat thread" "$(pq expdb 'SELECT count(*)
	    FROM applications JOIN exp.k_applications USING (id)
	    WHERE chat_thread_id IS NOT NULL')" 1 "$APPS"
	check "expected: document_views keeps nothing, notes some" \
	    equal "kept document_views, kept notes > 0" \
	    "$(keys_count "$T/exp/main.keys" document_views),$(
		[ "$(keys_count "$T/exp/main.keys" notes)" -gt 0 ] && echo y)" 0,y
	# The warning's count: kept documents with a template code that no
	# template has, all such documents, or their distinct codes.
	DANGLING_COUNTS=$(pq expdb "SELECT count(*) FILTER (WHERE k.id IS NOT NULL),
	    count(*), count(DISTINCT template_code) FILTER (WHERE k.id IS NOT NULL),
	    count(DISTINCT template_code)
	    FROM documents d LEFT JOIN exp.k_documents k USING (id)
	    WHERE template_code IS NOT NULL AND template_code NOT IN
	    (SELECT code FROM doc_templates)" | tr '\t' ' ')
	pg_keys src "$T/src.pg.keys" || fail "the source keys"
	echo "# pg: expected sets computed after ${SECONDS}s"

	L=pg
	local in=$D/copy.sql
	# One rules file for both programs: dumpscrub takes its table block.
	check "$L copy: dumpscrub --check takes the same rules" scrub_takes \
	    "$in" "$W/scrub-check.tsv"
	check "$L copy: dehydrate --report -o" dh "$W/pg-main.stdout" \
	    -r "$T/app.rules" --report="$W/pg.report" -o "$W/pg-copy.out" "$in"
	check "$L copy: -o wrote nothing on stdout" equal "stdout bytes" \
	    "$(stat -c %s "$W/pg-main.stdout")" 0
	check "$L copy: dangling template codes warned about, counted" \
	    dh_warned "$W/pg-main.stdout.err"
	check "$L copy: restore, no error" pg_restore_db r_copy "$W/pg-copy.out"
	check "$L copy: kept keys = expected, every table" \
	    pg_keys_check "$L copy" r_copy "$T/exp/main.keys"
	check "$L copy: rows as in the source, chat_thread_id NULL" \
	    pg_rows_check r_copy
	check "$L copy: --report" report_check "$W/pg.report" "$T/counts" \
	    "$T/exp/main.keys" "$ROOTS" "$in" "$W/pg-copy.out"

	for f in inserts colins rows; do
		check "$L $f: dehydrate" dh "$W/pg-$f.out" -r "$T/app.rules" \
		    "$D/$f.sql"
		check "$L $f: restore, no error" pg_restore_db "r_$f" \
		    "$W/pg-$f.out"
		check "$L $f: kept keys = expected, every table" \
		    pg_keys_check "$L $f" "r_$f" "$T/exp/main.keys"
	done
	check "$L inserts: rows as in the source" pg_rows_check r_inserts
	check "$L data-only: dehydrate --schema" dh "$W/pg-dataonly.out" \
	    -r "$T/app.rules" --schema="$D/schema.sql" "$D/dataonly.sql"
	check "$L data-only: restore between pre-data and post-data" \
	    pg_restore_db r_dataonly "$D/pre.sql" "$W/pg-dataonly.out" \
	    "$D/post.sql"
	check "$L data-only: kept keys = expected, every table" \
	    pg_keys_check "$L data-only" r_dataonly "$T/exp/main.keys"

	gzip -1 -c "$in" >"$W/copy.sql.gz" || fail "gzip"
	check "$L copy.gz: same bytes" dh_same "$W/pg-copy.out" \
	    "$W/pg-gz.out" -r "$T/app.rules" "$W/copy.sql.gz"
	mkdir -p "$W/tmp"
	check "$L copy from a pipe, --tmpdir: same bytes" dh_pipe \
	    "$W/pg-copy.out" "$in" "$W/pg-pipe.out" -r "$T/app.rules" \
	    --tmpdir="$W/tmp"
	check "$L copy from a pipe: the spool file is gone" empty_dir "$W/tmp"
	check "$L copy, --mem=1M (keys spill): same bytes" dh_same \
	    "$W/pg-copy.out" "$W/pg-mem.out" -r "$T/app.rules" --mem=1M \
	    --tmpdir="$W/tmp" "$in"
	check "$L copy, --mem=1M: the spill files are gone" empty_dir "$W/tmp"
	check "$L data-only from a pipe, --schema: same bytes" dh_pipe \
	    "$W/pg-dataonly.out" "$D/dataonly.sql" "$W/pg-pipe.out" \
	    -r "$T/app.rules" --schema="$D/schema.sql"
	check "$L copy, -o FILE.zst: same bytes" dh_o_zst "$W/pg-copy.out" \
	    "$W/pg-o" -r "$T/app.rules" "$in"
	check "$L copy: --explain" dh "$W/pg-explain.out" -r "$T/app.rules" \
	    --explain "$in"
	check "$L copy: --explain wrote no dump, named every class" \
	    explain_check "$W/pg-explain.out" "$T/counts" "$T/exp/main.keys"
	check "$L copy: two keep rules for applications (a union): same bytes" \
	    dh_same "$W/pg-copy.out" "$W/pg-union.out" -r "$T/union.rules" "$in"
	check "$L copy: others none: dehydrate" dh "$W/pg-none.out" \
	    -r "$T/none.rules" "$in"
	check "$L copy: others none: restore, no error" pg_restore_db r_none \
	    "$W/pg-none.out"
	check "$L copy: others none: the other tables empty, the rest as expected" \
	    pg_keys_check "$L others none" r_none "$T/exp/none.keys"
	rm -f "$W/copy.sql.gz" "$W/pg-gz.out" "$W/pg-pipe.out" "$W/pg-o"* \
	    "$W/pg-mem.out" "$W/pg-union.out"
	echo "# pg: main forms checked after ${SECONDS}s"

	# keep newest N by id.
	check "$L copy: newest $NEWEST by id: dehydrate" dh "$W/pg-newest.out" \
	    -r "$T/newest.rules" "$in"
	check "$L copy: newest: restore, no error" pg_restore_db r_newest \
	    "$W/pg-newest.out"
	check "$L copy: newest: kept keys = expected" \
	    pg_keys_check "$L newest" r_newest "$T/exp/newest.keys"

	# keep sample 10%.
	for f in copy inserts; do
		check "$L $f: sample 10%: dehydrate" dh "$W/pg-sample-$f.out" \
		    -r "$T/sample.rules" "$D/$f.sql"
		check "$L $f: sample: restore, no error" pg_restore_db \
		    "r_sample_$f" "$W/pg-sample-$f.out"
	done
	pg_keys r_sample_copy "$T/sample.keys" || echo "# no sample keys" >&2
	check "$L inserts: sample: the same keys as from COPY" \
	    pg_keys_check "$L sample inserts" r_sample_inserts "$T/sample.keys"
	check "$L copy: sample: 8 to 20% of the applications" in_range \
	    "sampled applications, per mille" $(($(keys_count "$T/sample.keys" \
	    applications) * 1000 / APPS)) 80 200
	check "$L copy: sample: closed (its applications' fixpoint is itself)" \
	    sample_closed r_sample_copy "$T/sample.keys"
	exp_run main "$MAIN_ROOTS" || fail "expected set main"

	# Errors.
	check "$L copy: kept row -> truncated table without nullify: exit 1" \
	    fkerr_check "$in" "$W/pg-fkerr"
	check "$L copy: predicate on a missing column: exit 2, no output" \
	    rules_err_check "$T/nocol.rules" no_such_column "$in" \
	    "$W/pg-nocol.out"
	check "$L copy: keep of a truncated table: exit 2, no output" \
	    rules_err_check "$T/keeptrunc.rules" chat_threads "$in" \
	    "$W/pg-keeptrunc.out"
	echo "# pg: done after ${SECONDS}s"
}

###
### MariaDB: the same rows, the MariaDB forms, against the same sets
###

# mq DB SQL: tab-separated rows; on an error, its message.
mq() {
	local rc=0
	my_client --default-character-set=utf8mb4 -N -B "$1" -e "$2" \
	    2>"$W/mq.err" || rc=$?
	[ "$rc" = 0 ] && return 0
	grep '^ERROR' "$W/mq.err" | head -n 2 | cut -c1-300 | sed 's/^/# /' >&2
	return "$rc"
}

# my_load DB FILE...: no error, no message.
my_load() {
	local db=$1 f
	shift
	for f in "$@"; do
		if ! my_client --default-character-set=utf8mb4 "$db" <"$f" \
		    >/dev/null 2>"$W/load.err" || [ -s "$W/load.err" ]; then
			echo "# mariadb $db <$f failed or complained:" >&2
			head -n 5 "$W/load.err" | cut -c1-300 | sed 's/^/#   /' >&2
			return 1
		fi
	done
}

# my_restore_db DB FILE...: a fresh database DB with FILEs loaded.
my_restore_db() {
	local db=$1
	shift
	my_client -e "DROP DATABASE IF EXISTS \`$db\`;
	    CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" ||
	    return 1
	my_load "$db" "$@"
}

# my_keys DB OUT: the keys of every table of DB.
my_keys() {
	mq "$1" "$(keys_sql my '`@`')" >"$2"
}

my_keys_check() {
	my_keys "$2" "$W/my-$2.keys" || return 1
	keys_same "$1" "$3" "$W/my-$2.keys"
}

# my_orphans DB: along every FK and relation between kept tables, no row
# of DB references a row that the source has and DB lacks.
my_orphans() {
	local db=$1 child cc parent pc name cond on notnull n err=0 i
	local -a ca pa
	while IFS=$'\t' read -r child cc parent pc name _ cond; do
		case $child in '#'*) continue ;; esac
		[ "${CLASS[$child]}" = truncated ] && continue
		[ "${CLASS[$parent]}" = truncated ] && continue
		IFS=, read -ra ca <<<"$cc"
		IFS=, read -ra pa <<<"$pc"
		on='' notnull=''
		for i in "${!ca[@]}"; do
			on+="${on:+ AND }c.\`${ca[i]}\` = p.\`${pa[i]}\`"
			notnull+=" AND c.\`${ca[i]}\` IS NOT NULL"
		done
		[ "$cond" = - ] && cond=1
		n=$(mq "$db" "SELECT COUNT(*) FROM \`$child\` c
		    LEFT JOIN \`$parent\` p ON $on
		    WHERE p.\`${pa[0]}\` IS NULL $notnull AND ($cond)
		    AND EXISTS (SELECT 1 FROM src.\`$parent\` p WHERE $on)") ||
		    return 1
		if [ "$n" != 0 ]; then
			printf '# %s: %s rows of %s(%s) reference %s(%s) rows not kept (%s)\n' \
			    "$db" "$n" "$child" "$cc" "$parent" "$pc" "$name" >&2
			err=1
		fi
	done <"$DD/edges.tsv"
	return "$err"
}

# my_rows_check DB: DB's rows are the source's rows of the same keys,
# the columns of NULLIFIED NULL.
my_rows_check() {
	local db=$1 t cols pk
	: >"$W/my-$db.rows.want"
	: >"$W/my-$db.rows"
	for t in "${TABLES[@]}"; do
		cols=$(mq src "SELECT GROUP_CONCAT(IF(CONCAT(table_name, '.',
		    column_name) IN ($NULLIFIED), 'NULL',
		    CONCAT('s.\`', column_name, '\`')) ORDER BY ordinal_position)
		    FROM information_schema.columns
		    WHERE table_schema = 'src' AND table_name = '$t'") || return 1
		pk=$(printf '%s' "${PK[$t]}" | sed 's/:t//g')
		mq src "SELECT $cols FROM \`$t\` s WHERE ($pk) IN
		    (SELECT $pk FROM \`$db\`.\`$t\`)" | sed "s/^/$t\t/" \
		    >>"$W/my-$db.rows.want" || return 1
		mq "$db" "SELECT * FROM \`$t\`" | sed "s/^/$t\t/" \
		    >>"$W/my-$db.rows" || return 1
	done
	sorted_same "rows of $db" "$W/my-$db.rows.want" "$W/my-$db.rows"
}

my_part() {
	local f L=mariadb D=$T/my-dumps
	my_start "$T/my"
	mkdir -p "$D"
	my_client -e 'CREATE DATABASE src CHARACTER SET utf8mb4
	    COLLATE utf8mb4_bin' || fail "CREATE DATABASE src"
	fk_sql my | sed '1i SET FOREIGN_KEY_CHECKS = 0;' >"$T/gen/fks.my.sql"
	my_load src "$DD/schema.mysql.sql" "$T/gen/data.mysql.sql" \
	    "$T/gen/fks.my.sql" || fail "loading the source into MariaDB"
	my_keys src "$W/src.my.keys" || fail "the MariaDB source keys"
	check "$L: the source holds the same keys as PostgreSQL's" \
	    keys_same "source keys" "$T/src.pg.keys" "$W/src.my.keys"
	check "$L: the source declares the FKs" equal "FK count" "$(mq src \
	    "SELECT COUNT(*) FROM information_schema.referential_constraints
	    WHERE constraint_schema = 'src'")" "$(fk_sql my | grep -c .)"

	declare -A opts=([ext]='' [single]='--skip-extended-insert'
	    [complete]='--complete-insert' [nocreate]='--no-create-info'
	    [nodata]='--no-data')
	for f in "${!opts[@]}"; do
		# shellcheck disable=SC2086 # a list of options
		my_dump "${MY_COMMON_OPTS[@]}" ${opts[$f]} src >"$D/$f.sql" \
		    2>"$D/$f.err" || {
			sed 's/^/# /' "$D/$f.err" >&2
			fail "mariadb-dump ${opts[$f]}"
		}
	done
	my_counts src >"$W/my.counts" || fail "counting the MariaDB rows"
	echo "# mariadb: source and dumps ready after ${SECONDS}s"

	local in=$D/ext.sql
	check "$L ext: dehydrate --report -o" dh "$W/my-main.stdout" \
	    -r "$T/app.rules" --report="$W/my.report" -o "$W/my-ext.out" "$in"
	check "$L ext: dangling template codes warned about, counted" \
	    dh_warned "$W/my-main.stdout.err"
	check "$L ext: restore, no error" my_restore_db r_ext "$W/my-ext.out"
	check "$L ext: kept keys = expected, every table" \
	    my_keys_check "$L ext" r_ext "$T/exp/main.keys"
	check "$L ext: no orphan along any FK or relation" my_orphans r_ext
	check "$L ext: rows as in the source, chat_thread_id NULL" \
	    my_rows_check r_ext
	check "$L ext: --report" report_check "$W/my.report" "$W/my.counts" \
	    "$T/exp/main.keys" "$ROOTS" "$in" "$W/my-ext.out"
	for f in single complete; do
		check "$L $f: dehydrate" dh "$W/my-$f.out" -r "$T/app.rules" \
		    "$D/$f.sql"
		check "$L $f: restore, no error" my_restore_db "r_$f" \
		    "$W/my-$f.out"
		check "$L $f: kept keys = expected, every table" \
		    my_keys_check "$L $f" "r_$f" "$T/exp/main.keys"
		check "$L $f: no orphan along any FK or relation" \
		    my_orphans "r_$f"
	done
	check "$L complete: rows as in the source" my_rows_check r_complete
	check "$L no-create-info: dehydrate --schema" dh "$W/my-nocreate.out" \
	    -r "$T/app.rules" --schema="$D/nodata.sql" "$D/nocreate.sql"
	check "$L no-create-info: restore on the --no-data dump" \
	    my_restore_db r_nocreate "$D/nodata.sql" "$W/my-nocreate.out"
	check "$L no-create-info: kept keys = expected, every table" \
	    my_keys_check "$L no-create-info" r_nocreate "$T/exp/main.keys"
	check "$L no-create-info: no orphan" my_orphans r_nocreate

	zstd -q -1 -c "$in" >"$W/ext.sql.zst" || fail "zstd"
	check "$L ext.zst: same bytes" dh_same "$W/my-ext.out" "$W/my-zst.out" \
	    -r "$T/app.rules" "$W/ext.sql.zst"
	check "$L ext.zst from a pipe: same bytes" dh_pipe "$W/my-ext.out" \
	    "$W/ext.sql.zst" "$W/my-pipe.out" -r "$T/app.rules"
	check "$L single from a pipe: same bytes" dh_pipe "$W/my-single.out" \
	    "$D/single.sql" "$W/my-pipe.out" -r "$T/app.rules"
	check "$L ext: --explain" dh "$W/my-explain.out" -r "$T/app.rules" \
	    --explain "$in"
	check "$L ext: --explain wrote no dump, named every class" \
	    explain_check "$W/my-explain.out" "$W/my.counts" "$T/exp/main.keys"
	rm -f "$W/ext.sql.zst" "$W/my-zst.out" "$W/my-pipe.out"
	echo "# mariadb: main forms checked after ${SECONDS}s"

	check "$L ext: newest $NEWEST by id: dehydrate" dh "$W/my-newest.out" \
	    -r "$T/newest.rules" "$in"
	check "$L ext: newest: restore, no error" my_restore_db r_newest \
	    "$W/my-newest.out"
	check "$L ext: newest: kept keys = expected" \
	    my_keys_check "$L newest" r_newest "$T/exp/newest.keys"
	check "$L ext: newest: no orphan" my_orphans r_newest

	check "$L ext: sample 10%: dehydrate" dh "$W/my-sample.out" \
	    -r "$T/sample.rules" "$in"
	check "$L ext: sample: restore, no error" my_restore_db r_sample \
	    "$W/my-sample.out"
	check "$L ext: sample: the same keys as pg's" \
	    my_keys_check "$L sample" r_sample "$T/sample.keys"
	check "$L ext: sample: no orphan" my_orphans r_sample

	check "$L ext: kept row -> truncated table without nullify: exit 1" \
	    fkerr_check "$in" "$W/my-fkerr"
	check "$L ext: predicate on a missing column: exit 2, no output" \
	    rules_err_check "$T/nocol.rules" no_such_column "$in" \
	    "$W/my-nocol.out"
	echo "# mariadb: done after ${SECONDS}s"
}

pg_part
my_part
echo "# done in ${SECONDS}s"
check_done
