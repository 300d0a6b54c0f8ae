#!/bin/bash
# tests/real-relink.sh - dumprelink on real dumps of two environments,
# prod and staging, of one schema, against expectations computed
# independently of the program.
#
# tests/relink/gen.py writes the rows of both (about 20 000) and what
# dumprelink should make of them (see its header): users owning three
# pointers (stripe_customer by email, crm by lower(email), partner by
# tenant, login), payments dumped before users and refunds after them
# holding the stripe id by value, refunds' legacy gateway refs known
# only from an import file, webhooks by user_email with missing rows
# dropped, and staging's own settings, feature_flags (a column on each
# side only: default / ignore) and api_clients (empty in prod).  Natural
# keys and pointers hold quotes, backslashes, tabs, newlines, CRs, `\N`
# and `\.` as text, the empty string, emoji, control bytes, emails that
# differ only in ASCII case (one crm value for all) and in non-ASCII case
# (lower() folds ASCII only), NULLs in keys, in prod pointers and in
# target values.  tests/relink/app.rules drives all three filters.
#
# Both databases go into a private PostgreSQL and a private MariaDB
# (tests/rig, unix sockets only) and are dumped in every form.  Then:
#   capture   --capture on staging writes a key map whose content
#             (tests/relink/keymap.py: format per dumprelink(1)) is the
#             expected one, from every staging form, .zst, a pipe and
#             stdout alike; from MariaDB the same content as from pg
#   apply     on every prod form (pg COPY, --inserts, --column-inserts,
#             --rows-per-insert=3; mariadb-dump extended,
#             --skip-extended-insert, --complete-insert): exit 0, nothing
#             on stderr; restore with the stock client, no error; then
#     rows      every row of every table as gen.py expects (pointers
#               relinked, missing policies, rows dropped, kept tables)
#     prod      SQL: every column relink leaves alone equals prod's
#     staging   SQL: the kept tables equal staging's (feature_flags:
#               rollout_pct 0, note NULL)
#     follow    SQL: a payment or refund that held its user's stripe id
#               holds the user's new one; one that held nobody's is NULL
#     sequence  SQL: a new row of a kept table gets the id after the
#               target's last (pg: the sequence follows the kept rows)
#     report    --report: every count as expected, bytes in and out
#     bytes     .gz and .zst input, a pipe, -o FILE.zst: the same bytes;
#               and for the first form: a .zst pipe with --tmpdir (the
#               spool file gone), --compress=gzip:1, -o FILE.gz, a key map
#               of 80 000 more pairs (--mem=1M: spilled, files gone)
#   data only pg --data-only and mariadb-dump --no-create-info with
#             --schema: restored on the schema, the rows as expected
#   cross     a key map captured from MariaDB applied to a pg dump
#   pipeline  dumpdehydrate | dumprelink | dumpscrub with the one rules
#             file restores with no error, the rows as expected
#   errors    missing ... error: exit 1 naming users.crm_id, no -o file;
#             --strict and a rule naming a missing column: exit 1 (a
#             warning and the same bytes without --strict); corrupt key
#             maps (truncated, a flipped byte, not zstd, version 2, no
#             end line, a wrong count): exit 1, a clear message, no -o
#             file; rules disagreeing with the key map (lower vs exact):
#             exit 2; so are a pointer the key map lacks and set 'v'
#             longer than the column; capture: an import pair against
#             staging's value (exit 1 naming FILE:LINE), two staging
#             rows giving one email two values (exit 1 naming both
#             lines), a keep-table staging lacks (exit 1)
# Each dumprelink run gets RL_TIMEOUT seconds (default 60).
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
DUMPRELINK=${DUMPRELINK:-$top_builddir/dumprelink}
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

need_cmd python3 zstd gzip awk sort cut grep sed stat cmp diff comm \
    timeout head tail wc paste tr
for p in "$DUMPRELINK" "$DUMPDEHYDRATE" "$DUMPSCRUB"; do
	command -v "$p" >/dev/null || fail "not found: $p"
done

DR=$top_srcdir/tests/relink
RL_TIMEOUT=${RL_TIMEOUT:-60}
# dumpscrub's key (the pipeline); a fixed test key, not a secret.
DUMPFILTERS_KEY='tests/real-relink.sh: a fixed key, not a secret'
export DUMPFILTERS_KEY

tmpdir T
# The PostgreSQL server runs as another user when we are root.
chmod 711 "$T"
W=$T/work
G=$T/gen
mkdir -p "$W" "$G"

python3 "$DR/gen.py" "$G" || fail "tests/relink/gen.py"
# The rules next to the import files gen.py wrote (import paths are
# relative to the rules file).
cp "$DR/app.rules" "$G/app.rules" || fail "cp app.rules"
RULES=$G/app.rules

# rules_variant NAME OLD NEW: $G/NAME.rules, app.rules with the line OLD
# (leading blanks aside) replaced by NEW (awk's escapes: \n, \t).
rules_variant() {
	awk -v old="$2" -v new="$3" '{ l = $0; sub(/^[ \t]+/, "", l) }
	    l == old { $0 = new; n++ } { print }
	    END { exit n != 1 }' "$RULES" >"$G/$1.rules" ||
	    fail "app.rules: no line '$2'"
}
rules_variant error 'missing crm keep' 'missing crm error'
rules_variant strict 'truncate audit_log' \
    'truncate audit_log\ntable audit_log {\n\tno_such_col relink stripe_customer\n}'
rules_variant lower 'crm_id relink crm by lower(email)' \
    '\tcrm_id relink crm by email'
rules_variant conflict 'import partner "partner.tsv"' \
    'import partner "partner-conflict.tsv"'
rules_variant nokeep 'keep-table settings, api_clients' \
    'keep-table settings, api_clients, no_such_table'
rules_variant longset "missing partner set 'UNLINKED'" \
    "missing partner set '$(printf '%081d' 0)'"
rules_variant newptr 'truncate audit_log' \
    'truncate audit_log\ntable audit_log {\n\taction relink newptr by id\n}'
rules_variant big 'import legacy_gateway "legacy.tsv"' \
    'import legacy_gateway "legacy-big.tsv"'
CONFLICT_LINE=$(wc -l <"$G/partner-conflict.tsv")
STRICT_LINE=$(grep -n no_such_col "$G/strict.rules" | cut -d: -f1)

# The tables and their columns (prod's), the relinked ones ('*': a kept
# table).
TABLES=()
declare -A COLS=() RELINKED=()
while IFS=$'\t' read -r t c; do
	TABLES+=("$t")
	COLS[$t]=$c
done <"$G/columns.tsv"
while IFS=$'\t' read -r t c; do
	RELINKED[$t]=$c
done <"$G/relinked.tsv"
[ "${#TABLES[@]}" = 8 ] || fail "tests/relink/gen.py: ${#TABLES[@]} tables"
EXPECTED_DROPPED=$(awk -F '\t' '$1 == "dropped" { print $2 }' \
    "$G/exp-report.tsv")

echo "# data generated after ${SECONDS}s"

###
### Helpers of both dialects
###

# equal WHAT GOT WANT
equal() {
	[ "$2" = "$3" ] && return 0
	printf '# %s: got %s, expected %s\n' "$1" "$2" "$3" >&2
	return 1
}

# no_stderr FILE: FILE is empty.
no_stderr() {
	[ -s "$1" ] || return 0
	echo "# unexpected messages on stderr ($1):" >&2
	head -n 5 "$1" | cut -c1-300 | sed 's/^/#   /' >&2
	return 1
}

# rl OUT ARGS...: dumprelink ARGS >OUT: exit 0, nothing on stderr.  A
# failed run leaves no OUT, so that the checks on it fail too.
rl() {
	local out=$1
	shift
	if ! run_to "$out" timeout "$RL_TIMEOUT" "$DUMPRELINK" "$@"; then
		rm -f "$out"
		return 1
	fi
	no_stderr "$out.err"
}

# rl_same EXPECTED OUT ARGS...: rl, and OUT is EXPECTED byte for byte.
rl_same() {
	local exp=$1 out=$2
	shift 2
	rl "$out" "$@" || return 1
	same_file "dumprelink $*" "$exp" "$out"
}

# rl_pipe EXPECTED IN OUT ARGS...: cat IN | dumprelink ARGS (a pipe:
# spooled, the input is read twice) writes EXPECTED byte for byte.
rl_pipe() {
	local exp=$1 in=$2 out=$3
	shift 3
	# cat: a pipe, not a seekable file.
	# shellcheck disable=SC2002
	cat "$in" | run_in /dev/stdin "$out" timeout "$RL_TIMEOUT" \
	    "$DUMPRELINK" "$@" || return 1
	no_stderr "$out.err" || return 1
	same_file "cat $in | dumprelink $*" "$exp" "$out"
}

# rl_o_zst EXPECTED OUT ARGS...: dumprelink -o OUT.zst: nothing on
# stdout, OUT.zst is zstd and decompresses to EXPECTED.
rl_o_zst() {
	local exp=$1 out=$2
	shift 2
	rm -f "$out.zst"
	rl "$out.stdout" -o "$out.zst" "$@" || return 1
	if [ -s "$out.stdout" ]; then
		echo "# dumprelink -o $out.zst also wrote to stdout" >&2
		return 1
	fi
	run_to "$out" zstd -q -dc "$out.zst" || return 1
	same_file "dumprelink -o $out.zst $*" "$exp" "$out"
}

# rl_gz EXPECTED OUT ARGS...: dumprelink ARGS >OUT.gz (--compress) is
# gzip and decompresses to EXPECTED.
rl_gz() {
	local exp=$1 out=$2
	shift 2
	rl "$out.gz" "$@" || return 1
	run_to "$out" gzip -dc "$out.gz" || return 1
	same_file "dumprelink $* | gzip -dc" "$exp" "$out"
}

# rl_o_gz EXPECTED OUT ARGS...: dumprelink -o OUT.gz: nothing on stdout,
# OUT.gz decompresses to EXPECTED.
rl_o_gz() {
	local exp=$1 out=$2
	shift 2
	rm -f "$out.gz"
	rl "$out.stdout" -o "$out.gz" "$@" || return 1
	if [ -s "$out.stdout" ]; then
		echo "# dumprelink -o $out.gz also wrote to stdout" >&2
		return 1
	fi
	run_to "$out" gzip -dc "$out.gz" || return 1
	same_file "dumprelink -o $out.gz $*" "$exp" "$out"
}

# empty_dir DIR: DIR holds no file.
empty_dir() {
	[ -z "$(find "$1" -mindepth 1 -print -quit)" ] && return 0
	echo "# left in $1:" >&2
	find "$1" -mindepth 1 | head -n 5 | sed 's/^/#   /' >&2
	return 1
}

# keymap_canon KEYMAP OUT: the key map's content, canonical and sorted
# (tests/relink/keymap.py), format checked.
keymap_canon() {
	local rc=0
	zstd -q -dc "$1" 2>"$2.err" | python3 "$DR/keymap.py" >"$2" 2>>"$2.err" ||
	    rc=$?
	if [ "$rc" != 0 ]; then
		echo "# $1: not a valid key map:" >&2
		head -n 3 "$2.err" | sed 's/^#* */#   /' >&2
		return 1
	fi
	LC_ALL=C sort -o "$2" "$2"
}

# keymap_same WHAT KEYMAP: KEYMAP holds what gen.py expects.
keymap_same() {
	keymap_canon "$2" "$2.canon" || return 1
	same_text "$1: key map content" "$W/exp-keymap.tsv" "$2.canon"
}

# cap KEYMAP ARGS...: dumprelink --capture -o KEYMAP ARGS, and KEYMAP
# holds what gen.py expects.
cap() {
	local km=$1
	shift
	rm -f "$km"
	rl "$km.stdout" --capture -o "$km" "$@" || return 1
	if [ -s "$km.stdout" ]; then
		echo "# dumprelink --capture -o $km also wrote to stdout" >&2
		return 1
	fi
	keymap_same "capture $*" "$km"
}

# cap_stdout KEYMAP ARGS...: dumprelink --capture ARGS >KEYMAP (the key
# map on stdout, a pipe as input when IN is -), as expected.
cap_stdout() {
	local km=$1
	shift
	rl "$km" --capture "$@" || return 1
	keymap_same "capture $* >$km" "$km"
}

# cap_pipe KEYMAP IN ARGS...: cat IN | dumprelink --capture ARGS.
cap_pipe() {
	local km=$1 in=$2
	shift 2
	# shellcheck disable=SC2002
	cat "$in" | run_in /dev/stdin "$km" timeout "$RL_TIMEOUT" \
	    "$DUMPRELINK" --capture "$@" || return 1
	no_stderr "$km.err" || return 1
	keymap_same "cat $in | capture $*" "$km"
}

# report_check REPORT IN OUT: --report holds the expected counts of
# gen.py's exp-report.tsv: per relinked column rows, matched, missing,
# null and policy, per kept table its source and target rows, and the
# total line: the input's and output's bytes, the rows dropped.
report_check() {
	local rep=$1 in=$2 out=$3
	awk -F '\t' -v bin="$(stat -c %s "$in")" -v bout="$(stat -c %s "$out")" \
	    -v dropped="$EXPECTED_DROPPED" '
	function bad(m) { print "#   report: " m > "/dev/stderr"; err = 1 }
	function base(t) { sub(/^.*\./, "", t); return t }
	FILENAME == ARGV[1] {
		if ($1 == "relink") want["relink " $2 " " $3] = $0
		else if ($1 == "keep-table") want["keep-table " $2] = $0
		next
	}
	FNR == 1 {
		if ($0 != "# dumprelink report") bad("first line: " $0)
		next
	}
	/^# kind\ttable\tcolumn\t/ {
		if ($0 != "# kind\ttable\tcolumn\tpointer\tby\trows\tmatched\tmissing\tnull\ton_missing")
			bad("header: " $0)
		h1 = 1; next
	}
	/^# kind\ttable\tsource_rows/ { h2 = 1; next }
	/^# total/ { h3 = 1; next }
	/^#/ { next }
	$1 == "relink" {
		by = $5; gsub(/ /, "", by)
		on = $10; if (on ~ /^set/) on = "set"
		got = "relink\t" base($2) "\t" $3 "\t" $4 "\t" by "\t" $6 "\t" \
		    $7 "\t" $8 "\t" $9 "\t" on
		k = "relink " base($2) " " $3
		if (!(k in want)) { bad("unexpected line: " $0); next }
		if (got != want[k]) bad("got " got "\n#     expected " want[k])
		if ($7 + $8 + $9 != $6) bad("matched + missing + null != rows: " $0)
		seen[k] = 1; next
	}
	$1 == "keep-table" {
		got = "keep-table\t" base($2) "\t" $3 "\t" $4
		k = "keep-table " base($2)
		if (!(k in want)) { bad("unexpected line: " $0); next }
		if (got != want[k]) bad("got " got ", expected " want[k])
		seen[k] = 1; next
	}
	$1 == "total" {
		total = 1
		if ($2 != bin) bad("bytes_in " $2 ", the input has " bin)
		if ($3 != bout) bad("bytes_out " $3 ", the output has " bout)
		if ($4 != dropped) bad("rows_dropped " $4 ", expected " dropped)
		next
	}
	{ bad("unexpected line: " $0) }
	END {
		for (k in want) if (!(k in seen)) bad("no line for " k)
		if (!h1 || !h2 || !h3) bad("a header line missing")
		if (!total) bad("no total line")
		exit err
	}' "$G/exp-report.tsv" "$rep"
}

# rows_sql DIALECT TABLE [SKIP]: a query for TABLE's rows, a column each
# field: "TABLE", then each column as the hex of its text or N for
# NULL; the columns in the comma list SKIP as SKIP, or as X with SKIP
# "relinked" for the relinked columns of TABLE.
rows_sql() {
	local d=$1 t=$2 skip=${3:-} c e sql
	local -a cols
	[ "$skip" = relinked ] && skip=${RELINKED[$t]}
	IFS=, read -ra cols <<<"${COLS[$t]}"
	sql="SELECT '$t'"
	for c in "${cols[@]}"; do
		case ,$skip, in
		*,"$c",*) [ "${3:-}" = relinked ] && e="'X'" || e="'SKIP'" ;;
		*)
			case $d in
			pg) e="coalesce(encode(convert_to($c::text, 'UTF8'), 'hex'), 'N')" ;;
			*) e="IFNULL(LOWER(HEX(CAST(\`$c\` AS CHAR))), 'N')" ;;
			esac
			;;
		esac
		sql+=", $e"
	done
	case $d in
	pg) sql+=" FROM public.$t" ;;
	*) sql+=" FROM \`$t\`" ;;
	esac
	printf '%s\n' "$sql"
}

# rows_of DIALECT DB OUT [SKIP-SPEC]: every row of every table of DB
# (rows_sql), SKIP-SPEC TABLE.COL,... as SKIP.
rows_of() {
	local d=$1 db=$2 out=$3 spec=${4:-} t skip
	: >"$out"
	for t in "${TABLES[@]}"; do
		skip=$(printf '%s\n' "$spec" | tr ',' '\n' |
		    sed -n "s/^$t\\.//p" | paste -sd, -)
		q "$d" "$db" "$(rows_sql "$d" "$t" "$skip")" >>"$out" || return 1
	done
}

# rows_check DIALECT DB EXPECTED [SKIP-SPEC]: DB's rows are EXPECTED's.
rows_check() {
	rows_of "$1" "$2" "$W/$1-$2.rows" "${4:-}" || return 1
	cp "$3" "$W/$1-$2.rows.want" || return 1
	sorted_same "rows of $2" "$W/$1-$2.rows.want" "$W/$1-$2.rows"
}

# prod_check DIALECT DB: in every table but the kept ones, the columns
# relink leaves alone are prod's (SQL on the prod database): the same
# rows, but in webhooks, whose rows relink may drop: a subset, short by
# the rows dropped.
prod_check() {
	local d=$1 db=$2 t a=$W/$1-$2.prodcols b=$W/$1-$2.prodcols.want n
	local err=0
	for t in "${TABLES[@]}"; do
		[ "${RELINKED[$t]}" = '*' ] && continue
		q "$d" prod "$(rows_sql "$d" "$t" relinked)" >"$b" || return 1
		q "$d" "$db" "$(rows_sql "$d" "$t" relinked)" >"$a" || return 1
		LC_ALL=C sort -o "$a" "$a" && LC_ALL=C sort -o "$b" "$b" ||
		    return 1
		if [ "$t" = webhooks ]; then
			n=$(LC_ALL=C comm -13 "$b" "$a" | wc -l)
			if [ "$n" != 0 ]; then
				echo "# $db.webhooks: $n rows not in prod" >&2
				err=1
			fi
			n=$(($(wc -l <"$b") - $(wc -l <"$a")))
			equal "$db.webhooks: rows left out" "$n" \
			    "$EXPECTED_DROPPED" || err=1
		else
			same_text "$db.$t: columns relink leaves alone vs prod" \
			    "$b" "$a" || err=1
		fi
	done
	return "$err"
}

# staging_check DIALECT DB: the kept tables are staging's rows (SQL on
# the staging database); feature_flags' prod-only columns are 0 and
# NULL.
staging_check() {
	local d=$1 db=$2 t err=0 a=$W/$1-$2.kept b=$W/$1-$2.kept.want
	for t in settings api_clients; do
		q "$d" staging "$(rows_sql "$d" "$t")" >"$b" || return 1
		q "$d" "$db" "$(rows_sql "$d" "$t")" >"$a" || return 1
		sorted_same "$db.$t vs staging" "$b" "$a" || err=1
	done
	case $d in
	pg) q pg staging "SELECT name, enabled, 0, NULL FROM feature_flags" ;;
	*) q my staging "SELECT name, enabled, 0, 'NULL' FROM feature_flags" ;;
	esac >"$b" || return 1
	case $d in
	pg) q pg "$db" "SELECT name, enabled, rollout_pct, note FROM feature_flags" ;;
	*) q my "$db" "SELECT name, enabled, rollout_pct, IFNULL(note, 'NULL') FROM feature_flags" ;;
	esac >"$a" || return 1
	sorted_same "$db.feature_flags vs staging" "$b" "$a" || err=1
	return "$err"
}

###
### PostgreSQL and MariaDB clients
###

# q pg|my DB SQL: tab-separated rows; on an error, its message.
q() {
	local rc=0
	case $1 in
	pg)
		psql -X -q -At -F "$(printf '\t')" -v ON_ERROR_STOP=1 -d "$2" \
		    -c "$3" 2>"$W/q.err" || rc=$?
		;;
	*)
		my_client --default-character-set=utf8mb4 -N -B "$2" -e "$3" \
		    2>"$W/q.err" || rc=$?
		;;
	esac
	[ "$rc" = 0 ] && return 0
	head -n 2 "$W/q.err" | cut -c1-300 | sed 's/^/# /' >&2
	return "$rc"
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

# my_load DB FILE...: no error, no message.  MY_CHARSET: the client's
# default character set (a dump sets its own: any must do).
my_load() {
	local db=$1 f
	shift
	for f in "$@"; do
		if ! my_client --default-character-set="${MY_CHARSET:-utf8mb4}" \
		    "$db" <"$f" \
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

# restore_db pg|my DB FILE...
restore_db() {
	local d=$1
	shift
	case $d in
	pg) pg_restore_db "$@" ;;
	*) my_restore_db "$@" ;;
	esac
}

# follow_check DIALECT DB: payments and refunds follow users: in prod,
# rows whose customer_ref was their user's stripe id now hold their
# user's new stripe id (NULL with it); rows whose customer_ref no prod
# user held are NULL.  Computed on prod by SQL, checked on DB by SQL.
follow_check() {
	local d=$1 db=$2 t n own orphan err=0
	for t in aa_payments zz_refunds; do
		q "$d" prod "SELECT p.id, CASE WHEN p.customer_ref =
		    u.stripe_customer_id THEN 'own' ELSE 'orphan' END
		    FROM $t p JOIN users u ON u.id = p.user_id
		    WHERE p.customer_ref = u.stripe_customer_id
		    OR (p.customer_ref IS NOT NULL AND p.customer_ref NOT IN
			(SELECT stripe_customer_id FROM users
			WHERE stripe_customer_id IS NOT NULL))" \
		    >"$W/follow.$t" || return 1
		own=$(grep -c $'\town$' "$W/follow.$t") || true
		orphan=$(grep -c $'\torphan$' "$W/follow.$t") || true
		if [ "$own" -lt 100 ] || [ "$orphan" -lt 10 ]; then
			echo "# prod.$t: $own own refs, $orphan orphans: too few" >&2
			return 1
		fi
		q "$d" "$db" "DROP TABLE IF EXISTS chk_follow" >/dev/null &&
		    q "$d" "$db" "CREATE TABLE chk_follow (id int, kind
			varchar(10))" || return 1
		case $d in
		pg)
			psql -X -q -v ON_ERROR_STOP=1 -d "$db" \
			    -c "COPY chk_follow FROM STDIN" <"$W/follow.$t" ||
			    return 1
			;;
		*)
			awk -F '\t' 'BEGIN { printf "INSERT INTO chk_follow VALUES " }
			    { printf "%s(%d, \x27%s\x27)", (NR > 1 ? "," : ""), $1, $2 }
			    END { print ";" }' "$W/follow.$t" |
			    my_client "$db" || return 1
			;;
		esac
		n=$(q "$d" "$db" "SELECT count(*) FROM chk_follow f
		    JOIN $t p ON p.id = f.id JOIN users u ON u.id = p.user_id
		    WHERE f.kind = 'own' AND (p.customer_ref <> u.stripe_customer_id
		    OR (p.customer_ref IS NULL) <> (u.stripe_customer_id IS NULL))") ||
		    return 1
		if [ "$n" != 0 ]; then
			echo "# $db.$t: $n of $own rows do not follow their user" >&2
			err=1
		fi
		n=$(q "$d" "$db" "SELECT count(*) FROM chk_follow f
		    JOIN $t p ON p.id = f.id
		    WHERE f.kind = 'orphan' AND p.customer_ref IS NOT NULL") ||
		    return 1
		if [ "$n" != 0 ]; then
			echo "# $db.$t: $n of $orphan orphan refs not NULL" >&2
			err=1
		fi
		n=$(q "$d" "$db" "SELECT count(*) FROM chk_follow f
		    JOIN $t p ON p.id = f.id") || return 1
		equal "$db.$t: rows checked" "$n" $((own + orphan)) || err=1
		q "$d" "$db" "DROP TABLE chk_follow" >/dev/null || return 1
	done
	return "$err"
}

# next_id_check DIALECT DB: a new api_clients row (a kept table, whose
# rows are staging's) gets the id after staging's last: pg's sequence
# follows the kept rows, not prod's (empty) table.
next_id_check() {
	local d=$1 db=$2 want got
	want=$(($(q "$d" "$db" "SELECT max(id) FROM api_clients") + 1)) ||
	    return 1
	case $d in
	pg) got=$(q pg "$db" "INSERT INTO api_clients (client_name)
	    VALUES ('new') RETURNING id") ;;
	*) got=$(q my "$db" "INSERT INTO api_clients (client_name)
	    VALUES ('new'); SELECT LAST_INSERT_ID()") ;;
	esac || return 1
	equal "$db: the id of a new api_clients row" "$got" "$want"
}

# fail_check RC WORDS OUTDIR ARGS...: dumprelink -o OUTDIR/out.sql ARGS
# exits RC, its stderr names every word of WORDS (a |-separated list,
# grep -F, case-insensitive), and leaves OUTDIR empty and stdout empty.
fail_check() {
	local want=$1 words=$2 dir=$3 rc=0 w
	local -a ws
	shift 3
	rm -rf "$dir" && mkdir -p "$dir" || return 1
	timeout "$RL_TIMEOUT" "$DUMPRELINK" -o "$dir/out.sql" "$@" \
	    >"$dir.stdout" 2>"$dir.err" || rc=$?
	if [ "$rc" != "$want" ]; then
		echo "# dumprelink $*: exit $rc, expected $want:" >&2
		head -n 5 "$dir.err" | cut -c1-300 | sed 's/^/#   /' >&2
		return 1
	fi
	IFS='|' read -ra ws <<<"$words"
	for w in "${ws[@]}"; do
		if ! grep -q -i -F -- "$w" "$dir.err"; then
			echo "# dumprelink $*: the message does not name '$w':" >&2
			head -n 5 "$dir.err" | cut -c1-300 | sed 's/^/#   /' >&2
			return 1
		fi
	done
	if ! grep -q '^dumprelink: ' "$dir.err"; then
		echo "# dumprelink $*: no line 'dumprelink: ...' on stderr" >&2
		return 1
	fi
	if [ -n "$(ls -A "$dir")" ] || [ -s "$dir.stdout" ]; then
		echo "# the failed run left output behind:" >&2
		find "$dir" -mindepth 1 | sed 's/^/#   /' >&2
		return 1
	fi
}

# warned OUT ARGS...: dumprelink ARGS >OUT exits 0 with a warning naming
# no_such_col.
warned() {
	local out=$1
	shift
	run_to "$out" timeout "$RL_TIMEOUT" "$DUMPRELINK" "$@" || return 1
	grep -q -F no_such_col "$out.err" && return 0
	echo "# no warning naming no_such_col:" >&2
	head -n 3 "$out.err" | sed 's/^/#   /' >&2
	return 1
}

# dup_staging IN OUT: IN (a pg COPY dump of staging) with the second
# users row's email (field 4) set to the first's: one natural key, two
# stripe ids.  DUP_LINES: "L1|L2", the rows' lines.
dup_staging() {
	local l1
	l1=$(grep -n '^COPY public.users ' "$1" | cut -d: -f1) || return 1
	DUP_LINES="$((l1 + 1))|$((l1 + 2))"
	awk -F '\t' -v OFS='\t' -v l="$l1" 'NR == l + 1 { e = $4 }
	    NR == l + 2 { $4 = e } { print }' "$1" >"$2"
}

# corrupt_keymaps KEYMAP DIR: DIR/{trunc,flip,plain,v2,noend,count}.km,
# each a broken copy of KEYMAP.
corrupt_keymaps() {
	local km=$1 dir=$2 size
	mkdir -p "$dir" || return 1
	size=$(stat -c %s "$km")
	head -c $((size / 2)) "$km" >"$dir/trunc.km"
	cp "$km" "$dir/flip.km"
	# one byte in the middle of the frame, its bits inverted
	python3 -c 'import sys
f = open(sys.argv[1], "r+b"); o = int(sys.argv[2]); f.seek(o)
b = f.read(1)[0]; f.seek(o); f.write(bytes([b ^ 0xFF]))' \
	    "$dir/flip.km" $((size / 2)) || return 1
	cmp -s "$km" "$dir/flip.km" && return 1
	zstd -q -dc "$km" >"$dir/plain.km"
	zstd -q -dc "$km" | sed '1s/\t1$/\t2/' | zstd -q -c >"$dir/v2.km"
	zstd -q -dc "$km" | sed '$d' | zstd -q -c >"$dir/noend.km"
	# the first pointer announces one entry fewer than it has
	zstd -q -dc "$km" | awk -F '\t' -v OFS='\t' \
	    '$1 == "pointer" && !done { $5 = $5 - 1; done = 1 } { print }' |
	    zstd -q -c >"$dir/count.km"
}

# pipeline IN KEYMAP OUT: the three filters in a pipeline, from the
# dump IN: dumpdehydrate | dumprelink | dumpscrub > OUT, each exit 0 and
# silent.
pipeline() {
	local in=$1 km=$2 out=$3 rc=0
	timeout "$RL_TIMEOUT" "$DUMPDEHYDRATE" -r "$RULES" "$in" 2>"$out.dh.err" |
	    timeout "$RL_TIMEOUT" "$DUMPRELINK" -r "$RULES" -k "$km" \
	    2>"$out.rl.err" |
	    timeout "$RL_TIMEOUT" "$DUMPSCRUB" -r "$RULES" >"$out" \
	    2>"$out.sc.err" || rc=$?
	if [ "$rc" != 0 ]; then
		echo "# dumpdehydrate | dumprelink | dumpscrub: exit $rc" >&2
		cat "$out".*.err | head -n 5 | cut -c1-300 | sed 's/^/#   /' >&2
		return 1
	fi
	no_stderr "$out.dh.err" && no_stderr "$out.rl.err" &&
	    no_stderr "$out.sc.err"
}

###
### Both dialects: the same steps
###

# dialect_part pg|my FORM...: capture and apply with every form, and
# the checks.  Dumps are in $D/{prod,staging}-FORM.sql, the first FORM
# is the main one.
dialect_part() {
	local d=$1 f km L main words
	shift
	L=$d
	[ "$d" = my ] && L=mariadb
	main=$1
	km=$W/$d.keymap
	cp "$G/exp-keymap.tsv" "$W/exp-keymap.tsv"
	LC_ALL=C sort -o "$W/exp-keymap.tsv" "$W/exp-keymap.tsv"

	# Capture.
	local s=$D/staging-$main.sql
	check "$L $main: capture -o KEYMAP: the expected key map" cap "$km" \
	    -r "$RULES" "$s"
	check "$L $main: the key map is zstd, first line dumprelink-keymap 1" \
	    equal "first line" "$(zstd -q -dc "$km" | head -n 1 |
		tr '\t' ' ')" "dumprelink-keymap 1"
	for f in "$@"; do
		[ "$f" = "$main" ] && continue
		check "$L $f: capture: the same key map content" cap \
		    "$W/$d-$f.keymap" -r "$RULES" "$D/staging-$f.sql"
	done
	zstd -q -1 -c "$s" >"$W/staging.sql.zst" || fail "zstd"
	check "$L $main.zst: capture: the same key map content" cap \
	    "$W/$d-zst.keymap" -r "$RULES" "$W/staging.sql.zst"
	check "$L $main from a pipe, to stdout: the same key map content" \
	    cap_pipe "$W/$d-pipe.keymap" "$s" -r "$RULES"
	check "$L $main: capture -, to stdout: the same key map content" \
	    cap_stdout "$W/$d-stdout.keymap" -r "$RULES" - <"$s"

	# Apply, every form.
	local in out r
	for f in "$@"; do
		in=$D/prod-$f.sql
		out=$W/$d-$f.out
		r=r_$f
		check "$L $f: apply --report" rl "$out" -r "$RULES" -k "$km" \
		    --report="$W/$d-$f.report" "$in"
		check "$L $f: restore, no error" restore_db "$d" "$r" "$out"
		check "$L $f: every row as expected" rows_check "$d" "$r" \
		    "$G/exp-main.rows"
		check "$L $f: SQL: columns relink leaves alone = prod's" \
		    prod_check "$d" "$r"
		check "$L $f: SQL: kept tables = staging's" staging_check "$d" "$r"
		check "$L $f: SQL: payments and refunds follow users" \
		    follow_check "$d" "$r"
		check "$L $f: SQL: a new api_clients row gets the next id" \
		    next_id_check "$d" "$r"
		check "$L $f: --report counts" report_check \
		    "$W/$d-$f.report" "$in" "$out"
		gzip -1 -c "$in" >"$W/in.gz" || fail "gzip"
		zstd -q -1 -c "$in" >"$W/in.zst" || fail "zstd"
		check "$L $f.gz: the same bytes" rl_same "$out" "$W/x.out" \
		    -r "$RULES" -k "$km" "$W/in.gz"
		check "$L $f.zst: the same bytes" rl_same "$out" "$W/x.out" \
		    -r "$RULES" -k "$km" "$W/in.zst"
		check "$L $f from a pipe: the same bytes" rl_pipe "$out" "$in" \
		    "$W/x.out" -r "$RULES" -k "$km"
		check "$L $f, -o FILE.zst: the same bytes" rl_o_zst "$out" \
		    "$W/x" -r "$RULES" -k "$km" "$in"
	done
	in=$D/prod-$main.sql
	out=$W/$d-$main.out
	zstd -q -1 -c "$in" >"$W/in.zst" || fail "zstd"
	mkdir -p "$W/tmp"
	check "$L $main.zst from a pipe, --tmpdir: the same bytes" rl_pipe \
	    "$out" "$W/in.zst" "$W/x.out" -r "$RULES" -k "$km" \
	    --tmpdir="$W/tmp"
	check "$L $main from a pipe: the spool file is gone" empty_dir "$W/tmp"
	check "$L $main, --compress=gzip:1: the same bytes" rl_gz "$out" \
	    "$W/x" -r "$RULES" -k "$km" --compress=gzip:1 "$in"
	check "$L $main, -o FILE.gz: the same bytes" rl_o_gz "$out" "$W/x" \
	    -r "$RULES" -k "$km" "$in"
	# A key map of 80 000 more pairs, none of which a row holds: the same
	# output, in 1 MB of memory too.
	check "$L $main: capture a big key map" rl "$W/$d-big.stdout" \
	    --capture -r "$G/big.rules" -o "$W/$d-big.keymap" "$s"
	check "$L $main: the big key map: the same bytes" rl_same "$out" \
	    "$W/x.out" -r "$G/big.rules" -k "$W/$d-big.keymap" "$in"
	check "$L $main: the big key map, --mem=1M from a pipe: the same bytes" \
	    rl_pipe "$out" "$in" "$W/x.out" -r "$G/big.rules" \
	    -k "$W/$d-big.keymap" --mem=1M --tmpdir="$W/tmp"
	check "$L $main: --mem=1M: the spill and spool files are gone" \
	    empty_dir "$W/tmp"
	rm -f "$W/in.gz" "$W/in.zst" "$W/x"* "$W/$d-big.keymap"

	# Data only, the tables from --schema.
	check "$L data only, --schema: apply" rl "$W/$d-dataonly.out" \
	    -r "$RULES" -k "$km" --schema="$D/prod-schema.sql" \
	    "$D/prod-dataonly.sql"
	case $d in
	pg) check "$L data only: restore between pre-data and post-data" \
	    restore_db pg r_dataonly "$D/prod-pre.sql" "$W/$d-dataonly.out" \
	    "$D/prod-post.sql" ;;
	*) check "$L data only: restore on the --no-data dump" \
	    restore_db my r_dataonly "$D/prod-schema.sql" "$W/$d-dataonly.out" ;;
	esac
	check "$L data only: every row as expected" rows_check "$d" \
	    r_dataonly "$G/exp-main.rows"
	echo "# $L: forms checked after ${SECONDS}s"

	# The pipeline.
	in=$D/prod-$main.sql
	check "$L $main: dumpdehydrate | dumprelink | dumpscrub" pipeline \
	    "$in" "$km" "$W/$d-pipe.out"
	check "$L $main: pipeline: restore, no error" restore_db "$d" r_pipe \
	    "$W/$d-pipe.out"
	check "$L $main: pipeline: every row as expected (emails scrubbed)" \
	    rows_check "$d" r_pipe "$G/exp-pipe.rows" users.email
	check "$L $main: pipeline: the emails were scrubbed" equal \
	    "users whose email is prod's" "$(q "$d" r_pipe "SELECT count(*)
	    FROM users WHERE email LIKE 'user%@%example.com'")" 0

	# Errors.
	check "$L $main: missing crm error: exit 1 naming users.crm_id" \
	    fail_check 1 'users|crm_id' "$W/err-policy" -r "$G/error.rules" \
	    -k "$km" "$in"
	check "$L $main: --strict, a rule on a missing column: exit 1" \
	    fail_check 1 "no_such_col|strict.rules:$STRICT_LINE" \
	    "$W/err-strict" --strict \
	    -r "$G/strict.rules" -k "$km" "$in"
	check "$L $main: without --strict: a warning, exit 0" warned \
	    "$W/strict.out" -r "$G/strict.rules" -k "$km" "$in"
	check "$L $main: without --strict: the same bytes" same_file \
	    "dumprelink -r strict.rules" "$W/$d-$main.out" "$W/strict.out"
	check "$L $main: set 'v' longer than users.partner_ref: exit 2" \
	    fail_check 2 'partner_ref' "$W/err-longset" -r "$G/longset.rules" \
	    -k "$km" "$in"
	check "$L $main: a pointer the key map lacks: exit 2, capture again" \
	    fail_check 2 'newptr|capture' "$W/err-newptr" -r "$G/newptr.rules" \
	    -k "$km" "$in"
	check "$L $main: lower(email) in the key map, email in the rules: exit 2" \
	    fail_check 2 'crm|capture' "$W/err-lower" -r "$G/lower.rules" \
	    -k "$km" "$in"
	corrupt_keymaps "$km" "$W/bad" || fail "corrupting the key map"
	local k
	for k in trunc flip plain v2 noend count; do
		case $k in
		v2) words='version 2|capture again' ;;
		*) words=$W/bad/$k.km ;;
		esac
		check "$L $main: corrupt key map ($k): exit 1, a clear message" \
		    fail_check 1 "$words" "$W/err-$k" -r "$RULES" \
		    -k "$W/bad/$k.km" "$in"
	done
	check "$L $main: capture: an import pair against staging's: exit 1" \
	    fail_check 1 "partner-conflict.tsv:$CONFLICT_LINE" \
	    "$W/err-conflict" --capture -r "$G/conflict.rules" "$s"
	if [ "$d" = pg ]; then
		dup_staging "$s" "$W/staging-dup.sql" || fail "staging-dup.sql"
		check "$L $main: capture: two staging rows, one email, two values: exit 1 naming both lines" \
		    fail_check 1 "$DUP_LINES" "$W/err-dup" --capture -r "$RULES" \
		    "$W/staging-dup.sql"
	fi
	check "$L $main: capture: a keep-table staging lacks: exit 1" \
	    fail_check 1 no_such_table "$W/err-nokeep" --capture \
	    -r "$G/nokeep.rules" "$s"
	echo "# $L: done after ${SECONDS}s"
}

# load_both pg|my: the prod and staging databases.
load_both() {
	local d=$1 db
	for db in prod staging; do
		restore_db "$d" "$db" "$G/$db.$([ "$d" = pg ] && echo pg ||
		    echo mysql).sql" || fail "loading $db"
	done
}

# cases_check: gen.py's data hold every tricky case.
cases_check() {
	local err=0 c n
	while IFS=$'\t' read -r c n; do
		if [ "$n" -lt 1 ]; then
			echo "# the data lack the case: $c" >&2
			err=1
		fi
	done <"$G/cases.tsv"
	[ "$(wc -l <"$G/cases.tsv")" -ge 10 ] || err=1
	return "$err"
}
check "data: every tricky case occurs" cases_check

# The form a dump is written in, per dialect (staging and prod alike).
declare -A PG_OPTS=([copy]='' [inserts]='--inserts'
    [colins]='--column-inserts' [rows3]='--inserts --rows-per-insert=3'
    [dataonly]='--data-only' [schema]='--schema-only'
    [pre]='--section=pre-data' [post]='--section=post-data')
declare -A MY_OPTS=([ext]='' [single]='--skip-extended-insert'
    [complete]='--complete-insert' [dataonly]='--no-create-info'
    [schema]='--no-data')

D=$T/pg-dumps
pg_start "$T/pg"
mkdir -p "$D"
load_both pg
for f in "${!PG_OPTS[@]}"; do
	for db in prod staging; do
		# shellcheck disable=SC2086 # a list of options
		pg_dump ${PG_OPTS[$f]} -d "$db" -f "$D/$db-$f.sql" \
		    2>"$D/$db-$f.err" || {
			sed 's/^/# /' "$D/$db-$f.err" >&2
			fail "pg_dump ${PG_OPTS[$f]}"
		}
	done
done
# The stream order the test relies on: payments before users, refunds
# after; api_clients without an INSERT in the --inserts dump.
check "pg: aa_payments is dumped before users, zz_refunds after" equal \
    "order" "$(grep -o -E '^COPY public\.(aa_payments|users|zz_refunds) ' \
	"$D/prod-copy.sql" | tr -d '\n')" \
    "COPY public.aa_payments COPY public.users COPY public.zz_refunds "
check "pg --inserts: no INSERT for the empty api_clients" equal \
    "INSERTs into api_clients" "$(grep -c '^INSERT INTO public.api_clients' \
	"$D/prod-inserts.sql" || true)" 0
echo "# pg: databases and dumps ready after ${SECONDS}s"
dialect_part pg copy inserts colins rows3

D=$T/my-dumps
my_start "$T/my"
mkdir -p "$D"
load_both my
for f in "${!MY_OPTS[@]}"; do
	for db in prod staging; do
		# shellcheck disable=SC2086 # a list of options
		my_dump "${MY_COMMON_OPTS[@]}" ${MY_OPTS[$f]} "$db" \
		    >"$D/$db-$f.sql" 2>"$D/$db-$f.err" || {
			sed 's/^/# /' "$D/$db-$f.err" >&2
			fail "mariadb-dump ${MY_OPTS[$f]}"
		}
	done
done
check "mariadb: no INSERT for the empty api_clients" equal \
    "INSERTs into api_clients" "$(grep -c '^INSERT INTO `api_clients`' \
	"$D/prod-ext.sql" || true)" 0
echo "# mariadb: databases and dumps ready after ${SECONDS}s"
dialect_part my ext single complete

# api_clients' rows, appended (no INSERT in the source dump): inside the
# dump's settings (SET NAMES utf8mb4 ... their restoration), so that a
# client whose default character set is another restores them right.
# before_restoration FILE: the last INSERT comes before the dump's
# trailer restores FOREIGN_KEY_CHECKS, SQL_MODE and the character set.
before_restoration() {
	awk '/^INSERT INTO `api_clients`/ { ins = NR }
	    /^\/\*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS/ { fkc = NR }
	    /^\/\*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT/ { cs = NR }
	    END { if (ins && fkc && cs && ins < fkc && ins < cs) exit 0
		printf "# api_clients INSERT at line %d, FOREIGN_KEY_CHECKS restored at %d, character set at %d\n", ins, fkc, cs > "/dev/stderr"
		exit 1 }' "$1"
}
check "mariadb ext: api_clients appended before the dump's settings are restored" \
    before_restoration "$W/my-ext.out"
# my_restore_latin1 DB FILE...: my_restore_db by a latin1 client.
my_restore_latin1() {
	MY_CHARSET=latin1 my_restore_db "$@"
}
check "mariadb ext: restore by a latin1 client, no error" \
    my_restore_latin1 r_latin1 "$W/my-ext.out"
check "mariadb ext: restored by a latin1 client: every row as expected" \
    rows_check my r_latin1 "$G/exp-main.rows"

# A key map captured from MariaDB, applied to a pg dump.
check "cross: MariaDB's key map has pg's content" same_text \
    "key maps of pg and MariaDB" "$W/pg.keymap.canon" "$W/my.keymap.canon"
check "cross: MariaDB key map on pg copy: apply" rl "$W/cross.out" \
    -r "$RULES" -k "$W/my.keymap" "$T/pg-dumps/prod-copy.sql"
check "cross: restore into PostgreSQL, no error" pg_restore_db r_cross \
    "$W/cross.out"
check "cross: every row as expected" rows_check pg r_cross \
    "$G/exp-main.rows"

echo "# done in ${SECONDS}s"
check_done
