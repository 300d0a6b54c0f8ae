#!/bin/bash
# tests/real-mariadb.sh - dumpscrub against real mariadb-dump output.
#
# Starts a private MariaDB server (unix socket in a temporary directory,
# no networking), loads tests/corpus/mysql.sql, dumps it in every form
# (tests/rig/mkdumps.sh) and checks, for every form:
#   identity   dumpscrub without rules reproduces the dump byte for byte,
#              from plain, gzip and zstd input, to stdout and to -o .zst/.gz
#   inventory  dumpscrub --inventory reports each table's row count
#   restore    the output loads with the mariadb client without error,
#              row counts match and mariadb-dump of the restored
#              database equals the original's
#   rows       tests/dumprows decodes every field to the bytes the
#              server holds (compared as HEX())
# Exit 0 pass, 1 fail, 77 skip (no server; a failure when CI=true).
# REAL_CHECKS="identity restore" runs a subset; KEEP_TMP=1 keeps the
# temporary directory.

# Check functions run through check() (lib.sh), which shellcheck
# cannot follow.
# shellcheck disable=SC2317

# The harness may run us with /bin/sh.
if [ -z "${BASH_VERSION:-}" ]; then
	exec bash "$0" "$@"
fi
set -eu -o pipefail

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-$top_srcdir}
DUMPSCRUB=${DUMPSCRUB:-$top_builddir/dumpscrub}
DUMPROWS=${DUMPROWS:-$top_builddir/tests/dumprows}
CHECKS=${REAL_CHECKS:-identity inventory restore rows}

# shellcheck source=tests/lib.sh
. "$top_srcdir/tests/lib.sh"
# shellcheck source=tests/rig/mariadb.sh
. "$top_srcdir/tests/rig/mariadb.sh"
# shellcheck source=tests/rig/mkdumps.sh
. "$top_srcdir/tests/rig/mkdumps.sh"
# shellcheck source=tests/rig/checks.sh
. "$top_srcdir/tests/rig/checks.sh"

need_cmd cmp diff gzip zstd perl awk od sort cut
command -v "$DUMPSCRUB" >/dev/null || fail "DUMPSCRUB not found: $DUMPSCRUB"
want() { case " $CHECKS " in *" $1 "*) return 0 ;; esac; return 1; }

tmpdir T
D=$T/dumps
W=$T/work
mkdir -p "$D" "$W"

my_start "$T/my"
my_client -e 'CREATE DATABASE corpus CHARACTER SET utf8mb4' ||
    fail "CREATE DATABASE corpus"
my_client --default-character-set=utf8mb4 corpus \
    <"$top_srcdir/tests/corpus/mysql.sql" >"$W/corpus.log" 2>&1 || {
	sed 's/^/# /' "$W/corpus.log" >&2
	fail "loading tests/corpus/mysql.sql"
}
my_mkdumps "$D" corpus
COUNTS=$D/my-counts.tsv
echo "# dumps ready after ${SECONDS}s: ${MY_FORMS[*]}"

###
### 1. identity
###
if want identity; then
	for form in "${MY_FORMS[@]}"; do
		identity_checks "my-$form" "$D/my-$form.sql" "$W/$form"
		if [ "$(my_form_kind "$form")" = data-only ]; then
			check "my-$form identity --schema" scrub_file \
			    "$D/my-$form.sql" "$W/$form.schema.out" \
			    --schema "$D/my-no-data.sql" "$D/my-$form.sql"
			rm -f "$W/$form.schema.out"
		fi
	done
fi
echo "# identity done after ${SECONDS}s"

###
### 2. inventory
###
if want inventory; then
	for form in "${MY_FORMS[@]}"; do
		check "my-$form inventory" inventory_check mysql "$COUNTS" \
		    "$(my_form_kind "$form")" "$D/my-$form.sql" "$W/$form.inv"
	done
fi
echo "# inventory done after ${SECONDS}s"

###
### 3. restore
###

# my_redump [OPTIONS] DB: the dump that restores must reproduce; no
# comments (they name the database and the date).
my_redump() {
	my_dump --default-character-set=utf8mb4 --routines --triggers \
	    --events --skip-comments "$@"
}

# my_restore_check FORM: load the scrubbed output of FORM (on top of the
# scrubbed no-data output for no-create-info) into a new database;
# compare row counts and a fresh mariadb-dump with the original.
my_restore_check() {
	local form=$1 kind db=restore_${1//-/_} f files opts
	kind=$(my_form_kind "$form")
	files=("$form")
	[ "$kind" = data-only ] && files=(no-data "$form")
	my_client -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4" ||
	    return 1
	for f in "${files[@]}"; do
		if [ ! -f "$W/$f.out" ]; then
			# Identity checks did not run (REAL_CHECKS).
			run_to "$W/$f.out" "$DUMPSCRUB" "$D/my-$f.sql" ||
			    return 1
		fi
		# --compact drops the header that turns foreign key checks
		# off (tables come in name order, before the ones they
		# reference) and strict mode off (values of generated
		# columns are errors in strict mode): do what it would do.
		opts=()
		[ "$f" = compact ] && opts=(--init-command="SET
		    FOREIGN_KEY_CHECKS=0, SQL_MODE='NO_AUTO_VALUE_ON_ZERO'")
		my_client --default-character-set=utf8mb4 "${opts[@]}" "$db" \
		    <"$W/$f.out" >/dev/null 2>"$W/$form.restore.err" || {
			echo "# mariadb $db <$W/$f.out failed:" >&2
			head -n 10 "$W/$form.restore.err" | cut -c1-300 |
			    sed 's/^/#   /' >&2
			return 1
		}
		if [ -s "$W/$form.restore.err" ]; then
			echo "# mariadb $db <$W/$f.out complained:" >&2
			head -n 10 "$W/$form.restore.err" | cut -c1-300 |
			    sed 's/^/#   /' >&2
			return 1
		fi
	done
	my_counts "$db" >"$W/$form.counts" || return 1
	if [ "$kind" = schema-only ]; then
		awk -F '\t' -v OFS='\t' '{ $2 = 0; print }' "$COUNTS" \
		    >"$W/$form.counts.want"
	else
		cp "$COUNTS" "$W/$form.counts.want"
	fi
	same_text "my-$form restored row counts" "$W/$form.counts.want" \
	    "$W/$form.counts" || return 1
	if [ "$kind" = schema-only ]; then
		my_redump --no-data "$db" >"$W/$form.redump" || return 1
		same_text "my-$form mariadb-dump after restore" \
		    "$W/ref-schema.sql" "$W/$form.redump" || return 1
	else
		my_redump "$db" >"$W/$form.redump" || return 1
		same_text "my-$form mariadb-dump after restore" \
		    "$W/ref-full.sql" "$W/$form.redump" || return 1
	fi
	rm -f "$W/$form.redump"
	my_client -e "DROP DATABASE $db"
}

if want restore; then
	my_redump corpus >"$W/ref-full.sql"
	my_redump --no-data corpus >"$W/ref-schema.sql"
	for form in "${MY_FORMS[@]}"; do
		check "my-$form restore" my_restore_check "$form"
	done
fi
echo "# restore done after ${SECONDS}s"

###
### 4. decoded rows
###

# my_columns TABLE: print two lines: a CONCAT_WS argument list that
# prints each column of TABLE as the hex of the bytes the dump holds
# (N for NULL), and the comma list of positions of columns left out of
# the comparison (FLOAT: the dump's text differs from CONCAT's; BIT:
# b'...' literals have no byte value), or nothing.
my_columns() {
	local t=$1
	t=${t//\\/\\\\}
	t=${t//\'/\'\'}
	my_client --default-character-set=utf8mb4 -N -B --raw corpus -e "
	SET SESSION group_concat_max_len = 1000000;
	SELECT GROUP_CONCAT(CASE
	    WHEN data_type IN ('float', 'bit') THEN '''SKIP'''
	    WHEN data_type IN ('binary', 'varbinary', 'tinyblob', 'blob',
		'mediumblob', 'longblob') THEN
		CONCAT('IFNULL(HEX(', q, '), ''N'')')
	    WHEN character_set_name IS NOT NULL THEN
		CONCAT('IFNULL(HEX(CONVERT(', q, ' USING utf8mb4)), ''N'')')
	    ELSE CONCAT('IFNULL(HEX(CONCAT(', q, ')), ''N'')')
	    END ORDER BY ordinal_position SEPARATOR ', ')
	FROM (SELECT c.*, CONCAT('\`', REPLACE(column_name, '\`', '\`\`'), '\`') AS q
	    FROM information_schema.columns c
	    WHERE table_schema = DATABASE() AND table_name = '$t') x;
	SELECT IFNULL(GROUP_CONCAT(IF(data_type IN ('float', 'bit'),
	    ordinal_position, NULL) ORDER BY ordinal_position), '')
	FROM information_schema.columns
	WHERE table_schema = DATABASE() AND table_name = '$t';"
}

# my_rows_check FORM: dumprows of the dump, decoded and hexed, == the
# server's HEX() of every column, per table, as sorted sets of rows.
my_rows_check() {
	local form=$1 kind rows=$W/$1.rows dir=$W/$1.rowsdir n=0 t cnt \
	    cols skips err=0 qt
	kind=$(my_form_kind "$form")
	run_to "$rows" "$DUMPROWS" "$D/my-$form.sql" || return 1
	if [ "$kind" = schema-only ]; then
		[ -s "$rows" ] || return 0
		echo "# dumprows printed rows for a no-data dump:" >&2
		head -n 3 "$rows" | cut -c1-200 | sed 's/^/#   /' >&2
		return 1
	fi
	rows_split "$COUNTS" "$rows" "$dir" || return 1
	if [ -f "$dir/unknown" ]; then
		echo "# dumprows: rows of tables not in $COUNTS:" >&2
		cut -f1 "$dir/unknown" | sort | uniq -c | head | sed 's/^/#   /' >&2
		err=1
	fi
	while IFS=$'\t' read -r t cnt; do
		n=$((n + 1))
		{ read -r cols; read -r skips; } < <(my_columns "$t")
		qt=\`${t//\`/\`\`}\`
		my_client --default-character-set=utf8mb4 -N -B --raw corpus \
		    -e "SELECT CONCAT_WS('\t', $cols) FROM $qt" \
		    >"$dir/$n.want" || return 1
		touch "$dir/$n"
		copy_hex "$skips" <"$dir/$n" >"$dir/$n.got" || return 1
		[ "$(wc -l <"$dir/$n.want")" = "$cnt" ] || {
			echo "# $t: server printed $(wc -l <"$dir/$n.want") rows, expected $cnt" >&2
			err=1
		}
		sorted_same "my-$form rows of $t (hex)" "$dir/$n.want" \
		    "$dir/$n.got" || err=1
	done <"$COUNTS"
	[ "$err" = 0 ] && rm -rf "$dir" "$rows"
	return "$err"
}

if want rows; then
	command -v "$DUMPROWS" >/dev/null || fail "DUMPROWS not found: $DUMPROWS"
	for form in "${MY_FORMS[@]}"; do
		check "my-$form rows" my_rows_check "$form"
	done
fi

echo "# done in ${SECONDS}s"
check_done
