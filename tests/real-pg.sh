#!/bin/bash
# tests/real-pg.sh - dumpscrub against real pg_dump output.
#
# Starts a private PostgreSQL server (unix socket in a temporary
# directory, no TCP), loads tests/corpus/pg.sql, dumps it in every form
# (tests/rig/mkdumps.sh) and checks, for every form:
#   identity   dumpscrub without rules reproduces the dump byte for byte,
#              from plain, gzip and zstd input, to stdout and to -o .zst/.gz
#   inventory  dumpscrub --inventory reports each table's row count
#   restore    the output restores with psql without error, row counts
#              match and pg_dump of the restored database equals the
#              original's
#   rows       tests/dumprows decodes every field to what the server's
#              COPY TO prints
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
# shellcheck source=tests/rig/pg.sh
. "$top_srcdir/tests/rig/pg.sh"
# shellcheck source=tests/rig/mkdumps.sh
. "$top_srcdir/tests/rig/mkdumps.sh"
# shellcheck source=tests/rig/checks.sh
. "$top_srcdir/tests/rig/checks.sh"

need_cmd cmp diff gzip zstd perl awk od sort cut
command -v "$DUMPSCRUB" >/dev/null || fail "DUMPSCRUB not found: $DUMPSCRUB"
want() { case " $CHECKS " in *" $1 "*) return 0 ;; esac; return 1; }

tmpdir T
# The server runs as another user when we are root: let it reach T/pg.
chmod 711 "$T"
D=$T/dumps
W=$T/work
mkdir -p "$D" "$W"

pg_start "$T/pg"
createdb corpus || fail "createdb corpus"
psql -X -q -v ON_ERROR_STOP=1 -d corpus -f "$top_srcdir/tests/corpus/pg.sql" \
    >"$W/corpus.log" 2>&1 || {
	sed 's/^/# /' "$W/corpus.log" >&2
	fail "loading tests/corpus/pg.sql"
}
pg_mkdumps "$D" corpus
COUNTS=$D/pg-counts.tsv
echo "# dumps ready after ${SECONDS}s: ${PG_FORMS[*]}"

# strip_restrict: drop the \restrict lines, whose key is random per run.
strip_restrict() {
	grep -Ev '^\\(un)?restrict ' || true
}

###
### 1. identity
###
if want identity; then
	for form in "${PG_FORMS[@]}"; do
		identity_checks "pg-$form" "$D/pg-$form.sql" "$W/$form"
		if [ "$(pg_form_kind "$form")" = data-only ]; then
			check "pg-$form identity --schema" scrub_file \
			    "$D/pg-$form.sql" "$W/$form.schema.out" \
			    --schema "$D/pg-schema-only.sql" "$D/pg-$form.sql"
			rm -f "$W/$form.schema.out"
		fi
	done
fi

echo "# identity done after ${SECONDS}s"

###
### 2. inventory
###
if want inventory; then
	for form in "${PG_FORMS[@]}"; do
		check "pg-$form inventory" inventory_check pg "$COUNTS" \
		    "$(pg_form_kind "$form")" "$D/pg-$form.sql" "$W/$form.inv"
	done
fi

echo "# inventory done after ${SECONDS}s"

###
### 3. restore
###

# pg_restore_check FORM: restore the scrubbed output of FORM (on top of
# the scrubbed schema-only output for data-only forms) into a new
# database; compare row counts and a fresh pg_dump with the original.
pg_restore_check() {
	local form=$1 kind db=restore_${1//-/_} f files want_dump
	kind=$(pg_form_kind "$form")
	files=("$form")
	[ "$kind" = data-only ] && files=(schema-only "$form")
	dropdb --if-exists "$db" 2>/dev/null
	createdb "$db" || return 1
	for f in "${files[@]}"; do
		if [ ! -f "$W/$f.out" ]; then
			# Identity checks did not run (REAL_CHECKS).
			run_to "$W/$f.out" "$DUMPSCRUB" "$D/pg-$f.sql" ||
			    return 1
		fi
		# Errors, warnings and notices all go to stderr: want none.
		psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$W/$f.out" \
		    >/dev/null 2>"$W/$form.restore.err" || {
			echo "# psql -f $W/$f.out failed:" >&2
			head -n 10 "$W/$form.restore.err" | sed 's/^/#   /' >&2
			return 1
		}
		if [ -s "$W/$form.restore.err" ]; then
			echo "# psql -f $W/$f.out complained:" >&2
			head -n 10 "$W/$form.restore.err" | sed 's/^/#   /' >&2
			return 1
		fi
	done
	pg_counts "$db" >"$W/$form.counts" || return 1
	if [ "$kind" = schema-only ]; then
		awk -F '\t' -v OFS='\t' '{ $2 = 0; print }' "$COUNTS" \
		    >"$W/$form.counts.want"
	else
		cp "$COUNTS" "$W/$form.counts.want"
	fi
	same_text "pg-$form restored row counts" "$W/$form.counts.want" \
	    "$W/$form.counts" || return 1
	if [ "$kind" = schema-only ]; then
		pg_dump --schema-only -d "$db" | strip_restrict >"$W/$form.redump"
		want_dump=$W/ref-schema.sql
	else
		pg_dump -d "$db" | strip_restrict >"$W/$form.redump"
		want_dump=$W/ref-full.sql
	fi
	same_text "pg-$form pg_dump after restore" "$want_dump" \
	    "$W/$form.redump" || return 1
	rm -f "$W/$form.redump"
	dropdb "$db"
}

if want restore; then
	pg_dump -d corpus | strip_restrict >"$W/ref-full.sql"
	pg_dump --schema-only -d corpus | strip_restrict >"$W/ref-schema.sql"
	for form in "${PG_FORMS[@]}"; do
		check "pg-$form restore" pg_restore_check "$form"
	done
fi

echo "# restore done after ${SECONDS}s"

###
### 4. decoded rows
###

# pg_columns TABLE: print three lines for TABLE: the list of the
# columns a COPY block carries (generated columns are left out); the
# comma list of positions of generated columns among all columns (INSERT
# forms without a column list write DEFAULT there), or "-"; the number
# of columns.  dumprows prints values as COPY TO does whatever the form
# (a boolean written true in an INSERT comes out as t).
pg_columns() {
	psql -X -q -At -v ON_ERROR_STOP=1 -d corpus -v tbl="$1" <<-'EOF'
	SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
	    FILTER (WHERE a.attgenerated = '')
	FROM pg_catalog.pg_attribute a
	WHERE a.attrelid = :'tbl'::regclass AND a.attnum > 0 AND NOT a.attisdropped;
	SELECT coalesce(string_agg(n::text, ','), '-') FROM (
	    SELECT row_number() OVER (ORDER BY a.attnum) AS n, a.attgenerated
	    FROM pg_catalog.pg_attribute a
	    WHERE a.attrelid = :'tbl'::regclass AND a.attnum > 0
		AND NOT a.attisdropped) s
	WHERE attgenerated <> '';
	SELECT count(*) FROM pg_catalog.pg_attribute a
	WHERE a.attrelid = :'tbl'::regclass AND a.attnum > 0 AND NOT a.attisdropped;
	EOF
}

# pg_rows_check FORM: dumprows of the dump == the server's COPY TO, per
# table, as sorted sets of rows.
pg_rows_check() {
	local form=$1 kind rows=$W/$1.rows dir=$W/$1.rowsdir n=0 t cnt \
	    cols gen keep err=0 i ncol
	kind=$(pg_form_kind "$form")
	run_to "$rows" "$DUMPROWS" "$D/pg-$form.sql" || return 1
	if [ "$kind" = schema-only ]; then
		[ -s "$rows" ] || return 0
		echo "# dumprows printed rows for a schema-only dump:" >&2
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
		{ read -r cols; read -r gen; read -r ncol; } \
		    < <(pg_columns "$t")
		psql -X -q -At -v ON_ERROR_STOP=1 -d corpus \
		    -c "COPY $t ($cols) TO STDOUT" |
		    copy_norm >"$dir/$n.want" || return 1
		touch "$dir/$n"
		keep=
		case $form in
		inserts | rows7 | data-only-inserts)
			# VALUES lists carry every column: drop generated ones.
			if [ "$gen" != - ]; then
				for ((i = 1; i <= ncol; i++)); do
					case ,$gen, in *,$i,*) continue ;; esac
					keep=${keep:+$keep,}$i
				done
			fi
			;;
		esac
		if [ -n "$keep" ]; then
			cut -f "$keep" "$dir/$n" | copy_norm >"$dir/$n.got"
		else
			copy_norm <"$dir/$n" >"$dir/$n.got"
		fi
		[ "$(wc -l <"$dir/$n.want")" = "$cnt" ] || {
			echo "# $t: COPY printed $(wc -l <"$dir/$n.want") rows, expected $cnt" >&2
			err=1
		}
		sorted_same "pg-$form rows of $t" "$dir/$n.want" "$dir/$n.got" ||
		    err=1
	done <"$COUNTS"
	[ "$err" = 0 ] && rm -rf "$dir" "$rows"
	return "$err"
}

if want rows; then
	command -v "$DUMPROWS" >/dev/null || fail "DUMPROWS not found: $DUMPROWS"
	for form in "${PG_FORMS[@]}"; do
		check "pg-$form rows" pg_rows_check "$form"
	done
fi

echo "# done in ${SECONDS}s"
check_done
