# shellcheck shell=bash
# tests/rig/mkdumps.sh - dump a database in every form the real tools
# write, plus the per-table row counts the tests compare against.
#
# Source after tests/lib.sh and tests/rig/pg.sh or tests/rig/mariadb.sh
# (with the server started).  Dumps are named DIR/pg-<form>.sql and
# DIR/my-<form>.sql; the forms are listed in PG_FORMS and MY_FORMS.

# pg_dump options of each form.  data-only forms are restored on top of
# schema-only.
PG_FORMS=(copy inserts column-inserts rows7 data-only data-only-inserts
    schema-only)
declare -A PG_FORM_OPTS=(
	[copy]=''
	[inserts]='--inserts'
	[column-inserts]='--column-inserts'
	[rows7]='--inserts --rows-per-insert=7'
	[data-only]='--data-only'
	[data-only-inserts]='--data-only --inserts'
	[schema-only]='--schema-only'
)

# mariadb-dump options of each form, on top of MY_COMMON_OPTS.
# --no-create-info is loaded on top of --no-data, which already holds
# the routines and triggers: dumping them twice would fail the restore.
MY_FORMS=(default complete-insert skip-extended-insert insert-ignore
    replace hex-blob compact no-create-info no-data)
MY_COMMON_OPTS=(--default-character-set=utf8mb4)
declare -A MY_FORM_OPTS=(
	[default]='--routines --triggers --events'
	[complete-insert]='--routines --triggers --events --complete-insert'
	[skip-extended-insert]='--routines --triggers --events --skip-extended-insert'
	[insert-ignore]='--routines --triggers --events --insert-ignore'
	[replace]='--routines --triggers --events --replace'
	[hex-blob]='--routines --triggers --events --hex-blob'
	[compact]='--routines --triggers --events --compact'
	[no-create-info]='--no-create-info --skip-triggers'
	[no-data]='--routines --triggers --events --no-data'
)

# pg_form_kind FORM: print "data", "data-only" or "schema-only".
pg_form_kind() {
	case $1 in
	data-only*) echo data-only ;;
	schema-only) echo schema-only ;;
	*) echo data ;;
	esac
}

# my_form_kind FORM: print "data", "data-only" or "schema-only".
my_form_kind() {
	case $1 in
	no-create-info) echo data-only ;;
	no-data) echo schema-only ;;
	*) echo data ;;
	esac
}

# pg_counts DB: print "<table as pg_dump names it>\t<count>" for every
# table that holds rows of its own: ordinary tables and partitions, not
# partitioned parents.  pg_dump qualifies and quotes names the way
# quote_ident does.  Sorted bytewise.
pg_counts() {
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" <<-'EOF' | LC_ALL=C sort
	SELECT format('SELECT %L || E''\t'' || count(*) FROM %s',
	    quote_ident(n.nspname) || '.' || quote_ident(c.relname),
	    quote_ident(n.nspname) || '.' || quote_ident(c.relname))
	FROM pg_catalog.pg_class c
	JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
	WHERE c.relkind = 'r'
	    AND n.nspname <> 'information_schema'
	    AND n.nspname NOT LIKE 'pg\_%'
	ORDER BY 1 \gexec
	EOF
}

# my_counts DB: print "<bare table name>\t<count>" for every base table.
my_counts() {
	my_client --default-character-set=utf8mb4 -N -B -e "
	    SELECT CONCAT('SELECT ', QUOTE(table_name), ', COUNT(*) FROM \`',
	        REPLACE(table_name, '\`', '\`\`'), '\`;')
	    FROM information_schema.tables
	    WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'
	    ORDER BY table_name" "$1" |
	    my_client --default-character-set=utf8mb4 -N -B "$1" |
	    LC_ALL=C sort
}

# pg_mkdumps DIR [DB]: write DIR/pg-<form>.sql for every form and
# DIR/pg-counts.tsv, from database DB (default corpus).
pg_mkdumps() {
	local dir=$1 db=${2:-corpus} form opts
	mkdir -p "$dir" || return 1
	for form in "${PG_FORMS[@]}"; do
		opts=${PG_FORM_OPTS[$form]}
		# shellcheck disable=SC2086 # opts is a list of words
		pg_dump $opts -d "$db" -f "$dir/pg-$form.sql" \
		    2>"$dir/pg-$form.err" || {
			sed 's/^/# /' "$dir/pg-$form.err" >&2
			fail "pg_dump $opts failed"
		}
	done
	pg_counts "$db" >"$dir/pg-counts.tsv" || fail "counting rows in $db"
}

# my_mkdumps DIR [DB]: write DIR/my-<form>.sql for every form and
# DIR/my-counts.tsv, from database DB (default corpus).
my_mkdumps() {
	local dir=$1 db=${2:-corpus} form opts
	mkdir -p "$dir" || return 1
	for form in "${MY_FORMS[@]}"; do
		opts=${MY_FORM_OPTS[$form]}
		# shellcheck disable=SC2086 # opts is a list of words
		my_dump "${MY_COMMON_OPTS[@]}" $opts "$db" \
		    >"$dir/my-$form.sql" 2>"$dir/my-$form.err" || {
			sed 's/^/# /' "$dir/my-$form.err" >&2
			fail "mariadb-dump $opts failed"
		}
	done
	my_counts "$db" >"$dir/my-counts.tsv" || fail "counting rows in $db"
}
