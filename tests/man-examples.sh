#!/bin/bash
# tests/man-examples.sh - the EXAMPLES of the manual pages run
# (STYLE.md rule 21), against the bundled sample dump sample/app.sql, and
# the pages pass mandoc's lint (rule 22).
#
# Environment: top_srcdir (the source tree) and DUMPSCRUB (the program).
#
# Conventions, read from the mdoc source of man/dumprules.5 and
# man/dumpscrub.1, in their EXAMPLES sections only:
#
#   .\" file: NAME      the next ".Bd -literal" ... ".Ed" block is a file
#                       the examples use; it is written to NAME.
#   .Dl $ COMMAND       an example command.  It runs with bash in a fresh
#                       copy of the fixture directory, with the program
#                       first in PATH as "dumpscrub", unless its first
#                       word is a database program (pg_dump, pg_restore,
#                       psql, mysqldump, mariadb-dump, mysql, mariadb):
#                       those need a server and are shown, not run.
#   .\" exit N          the next ".Dl $" command must exit N (default 0).
#
# In both, mdoc's escapes \e, \&, \-, \(aq and \(dq are undone.
#
# The fixture directory holds app.sql (sample/app.sql), app.sql.gz and
# app.sql.zst (the same, compressed), schema.sql (app.sql without its
# COPY data), app.key (a key file), and the files of dumprules(5)'s
# EXAMPLES (app.rules, pii.rules).  The variable that app.rules' "key
# env NAME" names, and DUMPFILTERS_KEY, hold test secrets.
#
# A command passes when it exits as expected and produces output: with
# exit 0, something on stdout or a file it created or changed that is
# not empty, and every such file named *.sql, *.sql.gz or *.sql.zst is
# a dump that "dumpscrub --inventory" reads with the same tables, row
# counts and columns as app.sql; with another status, a message on
# stderr.
#
# shellcheck disable=SC2317  # the checks run through check() from lib.sh
set -eu

: "${top_srcdir:?top_srcdir must name the source tree}"
: "${DUMPSCRUB:?DUMPSCRUB must name the dumpscrub program}"
# shellcheck source=tests/lib.sh disable=SC1091  # followed with -x
. "$top_srcdir/tests/lib.sh"

SAMPLE=$top_srcdir/sample/app.sql
PAGES="$top_srcdir/man/dumprules.5 $top_srcdir/man/dumpscrub.1"
# Examples that need a database server: shown, not run.
DB_PROGRAMS=" pg_dump pg_restore psql mysqldump mariadb-dump mysql mariadb "
# A hung example is a failure, not a hung test suite.
RUN_TIMEOUT=${MAN_EXAMPLES_TIMEOUT:-60}

[ -x "$DUMPSCRUB" ] || fail "not executable: $DUMPSCRUB"
[ -r "$SAMPLE" ] || fail "no sample dump: $SAMPLE"
for page in $PAGES; do
	[ -r "$page" ] || fail "no manual page: $page"
done
need_cmd mandoc gzip zstd cksum timeout base64 head

tmpdir T

# say MSG...: a diagnostic line for the test log.
say() {
	printf '# %s\n' "$*" >&2
}

# unescape: undo mdoc's escapes on stdin.  \e goes last, so that the
# backslash it leaves starts no other escape.
unescape() {
	sed -e 's/\\&//g' -e "s/\\\\(aq/'/g" -e 's/\\(dq/"/g' \
	    -e 's/\\-/-/g' -e 's/\\e/\\/g'
}

# examples PAGE: the lines of PAGE's EXAMPLES section.
examples() {
	sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' "$1" | sed '1d;$d'
}

# extract_files PAGE DIR: write each literal block of PAGE's EXAMPLES that
# follows a ".\" file: NAME" line to DIR/NAME; print the names.
extract_files() {
	local page=$1 dir=$2 line name='' inblock=0
	while IFS= read -r line; do
		if [ "$inblock" = 1 ]; then
			case $line in
			.Ed*)
				inblock=0
				name=
				;;
			'.\"'*)
				;;
			*)
				printf '%s\n' "$line" | unescape >>"$dir/$name"
				;;
			esac
			continue
		fi
		case $line in
		'.\" file: '*)
			name=${line#'.\" file: '}
			case $name in
			''|*/*|.*)
				fail "$page: bad file name in '$line'"
				;;
			esac
			: >"$dir/$name"
			printf '%s\n' "$name"
			;;
		.Bd\ -literal*)
			[ -z "$name" ] || inblock=1
			;;
		esac
	done < <(examples "$page")
	[ "$inblock" = 0 ] || fail "$page: no .Ed after the block of $name"
}

# extract_commands PAGE: print "STATUS<TAB>COMMAND" for each ".Dl $"
# line of PAGE's EXAMPLES.
extract_commands() {
	local line status=0 cmd
	while IFS= read -r line; do
		case $line in
		'.\" exit '*)
			status=${line#'.\" exit '}
			;;
		'.Dl $ '*)
			cmd=$(printf '%s\n' "${line#'.Dl $ '}" | unescape)
			printf '%s\t%s\n' "$status" "$cmd"
			status=0
			;;
		esac
	done < <(examples "$1")
}

### The pages pass mandoc's lint

# lint_ok PAGE: mandoc -Tlint -Wall says nothing but that a referenced
# page is not installed (dumpdehydrate(1) is not written yet, and none
# of the project's pages is installed in a build tree).
lint_ok() {
	local rc=0
	mandoc -Tlint -Wall "$1" >"$T/lint.all" 2>&1 || rc=$?
	grep -v -e 'STYLE: referenced manual not found' \
	    -e 'outdated mandoc.db' "$T/lint.all" >"$T/lint" || true
	if [ -s "$T/lint" ] || [ "$rc" -gt 1 ]; then
		say "mandoc -Tlint -Wall $1: exit $rc"
		sed 's/^/#   /' "$T/lint" >&2
		return 1
	fi
}

for page in $PAGES; do
	check "mandoc -Tlint -Wall ${page#"$top_srcdir"/}" lint_ok "$page"
done

### The fixtures

FIX=$T/fixture
mkdir "$FIX"
cp "$SAMPLE" "$FIX/app.sql"
gzip -c "$FIX/app.sql" >"$FIX/app.sql.gz"
zstd -q -c "$FIX/app.sql" >"$FIX/app.sql.zst"
sed '/^COPY .* FROM stdin;$/,/^\\\.$/d' "$FIX/app.sql" >"$FIX/schema.sql"
printf 'man-examples.sh: a test key, not a secret\n' >"$FIX/app.key"

files=
for page in $PAGES; do
	files="$files $(extract_files "$page" "$FIX" | tr '\n' ' ')"
done

# file_ok NAME: the examples wrote FIX/NAME and it is not empty.
file_ok() {
	[ -s "$FIX/$1" ] || { say "$1: not found in the EXAMPLES"; return 1; }
}
check "dumprules(5) EXAMPLES give app.rules" file_ok app.rules
check "dumprules(5) EXAMPLES give pii.rules" file_ok pii.rules
say "example files:$files"

# The keys: the variable of app.rules' key statement, and the default.
keyvar=$(sed -n 's/^[[:space:]]*key[[:space:]][[:space:]]*env[[:space:]][[:space:]]*\([A-Za-z_][A-Za-z0-9_]*\).*/\1/p' \
    "$FIX/app.rules" 2>/dev/null | head -n 1)
DUMPFILTERS_KEY='man-examples.sh: the default test key'
export DUMPFILTERS_KEY
if [ -n "$keyvar" ]; then
	printf -v "$keyvar" '%s' 'man-examples.sh: the rules'"'"' test key'
	# shellcheck disable=SC2163  # export the variable named by keyvar
	export "$keyvar"
fi

# The program as "dumpscrub", first in PATH.
mkdir "$T/bin"
printf '#!/bin/sh\nexec %q "$@"\n' "$DUMPSCRUB" >"$T/bin/dumpscrub"
chmod +x "$T/bin/dumpscrub"

# The inventory of the sample, without the bytes field: what every dump
# an example writes must keep.
"$DUMPSCRUB" --inventory "$FIX/app.sql" | cut -f1-4,6- >"$T/inventory" ||
    fail "dumpscrub --inventory sample/app.sql failed"

### The rules of dumprules(5) do what the page says

# rules_check_ok: --check with the example rules exits 0, is silent on
# stderr, and lists the 11 columns of the sample after a header.
rules_check_ok() {
	local rc=0 n
	(cd "$FIX" && "$DUMPSCRUB" --check --strict -r app.rules app.sql \
	    >"$T/check.out" 2>"$T/check.err") || rc=$?
	[ "$rc" = 0 ] || { say "--check: exit $rc"; \
	    head -n 5 "$T/check.err" | sed 's/^/#   /' >&2; return 1; }
	[ ! -s "$T/check.err" ] || { say "--check: wrote to stderr"; \
	    head -n 5 "$T/check.err" | sed 's/^/#   /' >&2; return 1; }
	head -n 1 "$T/check.out" |
	    grep -q "^# table	column	type	action	rule\$" ||
	    { say "--check: no header line"; return 1; }
	n=$(grep -c '^public\.' "$T/check.out" || true)
	[ "$n" = 11 ] || { say "--check: $n column lines, expected 11"; \
	    return 1; }
	grep -q '^public\.customers	email	[^	]*	email	app\.rules:[0-9]*$' \
	    "$T/check.out" ||
	    { say "--check: customers.email not covered by email"; return 1; }
}

# rules_scrub_ok: a scrub with the example rules exits 0, leaves none of
# the sample's addresses, keeps tables, rows and columns, and gives the
# same bytes when run again.
rules_scrub_ok() {
	local i rc
	for i in 1 2; do
		rc=0
		(cd "$FIX" && "$DUMPSCRUB" -r app.rules app.sql \
		    >"$T/scrub$i.sql" 2>"$T/scrub$i.err") || rc=$?
		[ "$rc" = 0 ] || { say "scrub: exit $rc"; \
		    head -n 5 "$T/scrub$i.err" | sed 's/^/#   /' >&2; \
		    return 1; }
	done
	! grep -q '@mail\.example' "$T/scrub1.sql" ||
	    { say "scrub: an address of the sample is left"; return 1; }
	"$DUMPSCRUB" --inventory "$T/scrub1.sql" | cut -f1-4,6- \
	    >"$T/scrub.inv" || { say "scrub: output does not read back"; \
	    return 1; }
	same_text "scrub: inventory" "$T/inventory" "$T/scrub.inv" &&
	    same_file "scrub: two runs" "$T/scrub1.sql" "$T/scrub2.sql"
}

check "dumprules(5) example: --check --strict passes, lists the columns" \
    rules_check_ok
check "dumprules(5) example: scrubs the sample, deterministically" \
    rules_scrub_ok

### Every example command

# snapshot DIR: a line per file of DIR, its checksum, size and name.
snapshot() {
	(cd "$1" && find . -type f -exec cksum {} + | LC_ALL=C sort)
}

# changed_files BEFORE AFTER: the names of AFTER's files that are new or
# differ from BEFORE.
changed_files() {
	LC_ALL=C comm -13 "$1" "$2" | awk '{ sub(/^[^ ]* [^ ]* \.\//, ""); print }'
}

# dump_reads_back FILE: FILE is a dump with the sample's tables, rows
# and columns.
dump_reads_back() {
	"$DUMPSCRUB" --inventory "$1" 2>"$T/inv.err" | cut -f1-4,6- \
	    >"$T/inv" || true
	same_text "inventory of ${1##*/}" "$T/inventory" "$T/inv"
}

# run_example N STATUS COMMAND: run COMMAND in a fresh copy of the
# fixture directory; it exits STATUS and produces output.
run_example() {
	local n=$1 want=$2 cmd=$3 dir=$T/run$1 rc=0 f out=0
	cp -R "$FIX" "$dir"
	snapshot "$dir" >"$T/before"
	(cd "$dir" && PATH="$T/bin:$PATH" timeout "$RUN_TIMEOUT" \
	    bash -o pipefail -c "$cmd" >"$T/out" 2>"$T/err") || rc=$?
	snapshot "$dir" >"$T/after"
	if [ "$rc" != "$want" ]; then
		say "exit $rc, expected $want"
		head -n 8 "$T/err" | sed 's/^/#   stderr: /' >&2
		return 1
	fi
	if [ "$want" != 0 ]; then
		[ -s "$T/err" ] || { say "exit $rc and no message"; return 1; }
		return 0
	fi
	[ -s "$T/out" ] && out=1
	while IFS= read -r f; do
		[ -s "$dir/$f" ] && out=1
		case $f in
		*.sql|*.sql.gz|*.sql.zst)
			dump_reads_back "$dir/$f" || return 1
			;;
		esac
	done < <(changed_files "$T/before" "$T/after")
	[ "$out" = 1 ] || { say "no output: stdout empty, no file written"; \
	    return 1; }
}

nrun=0
nshown=0
for page in $PAGES; do
	while IFS=$'\t' read -r status cmd; do
		first=${cmd%% *}
		case $DB_PROGRAMS in
		*" $first "*)
			nshown=$((nshown + 1))
			say "shown, not run (needs a database): $cmd"
			continue
			;;
		esac
		nrun=$((nrun + 1))
		check "${page##*/} example: $cmd" \
		    run_example "$nrun" "$status" "$cmd"
	done < <(extract_commands "$page")
done

# Guard against a convention broken in the pages: no example found is a
# failure, not a pass.
enough_examples() {
	[ "$nrun" -ge 5 ] ||
	    { say "$nrun runnable examples found, expected 5 or more"; \
	    return 1; }
}
check "the pages have runnable examples ($nrun run, $nshown shown)" \
    enough_examples

check_done
