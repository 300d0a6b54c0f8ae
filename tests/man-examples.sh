#!/bin/bash
# tests/man-examples.sh - the EXAMPLES of the manual pages run
# (STYLE.md rule 21), against the bundled sample dumps sample/app.sql and
# sample/staging.sql, and the pages pass mandoc's lint (rule 22).
#
# Environment: top_srcdir (the source tree), DUMPSCRUB (the program),
# DUMPDEHYDRATE (default: $top_builddir/dumpdehydrate) and DUMPRELINK
# (default: $top_builddir/dumprelink).
#
# Conventions, read from the mdoc source of man/dumprules.5,
# man/dumpscrub.1, man/dumpdehydrate.1 and man/dumprelink.1, in their
# EXAMPLES sections only:
#
#   .\" file: NAME      the next ".Bd -literal" ... ".Ed" block is a file
#                       the examples use; it is written to NAME.
#   .Dl $ COMMAND       an example command.  It runs with bash in a fresh
#                       copy of the fixture directory, with the programs
#                       first in PATH as "dumpscrub", "dumpdehydrate"
#                       and "dumprelink",
#                       unless its first word is a database program
#                       (pg_dump, pg_restore, psql, mysqldump,
#                       mariadb-dump, mysql, mariadb): those need a
#                       server and are shown, not run.
#   .\" exit N          the next ".Dl $" command must exit N (default 0).
#
# and, for what the next ".Dl $" command gives (FILE is a file of its
# directory, or stdout or stderr; several lines may precede a command):
#
#   .\" rows FILE T=N ...  FILE is a dump that "dumpscrub --inventory"
#                       reads with app.sql's tables and columns, in which
#                       table T has N rows (or MIN-MAX); a .gz or .zst
#                       FILE is compressed so; its orders reference only
#                       its customers, no id appears twice, and, unless
#                       the command runs dumpscrub or dumprelink, its
#                       rows are rows of app.sql, byte for byte.
#   .\" match FILE ERE  a line of FILE matches the extended regular
#                       expression ERE (the rest of the line), in which
#                       \t stands for a tab; FILE is decompressed first.
#   .\" nomatch FILE ERE  no line of FILE matches ERE.
#   .\" absent FILE     the command left no FILE (a failed -o FILE).
#   .\" field FILE TABLE KEY=V COL=W
#                       FILE (decompressed) has a COPY block of TABLE in
#                       which the row whose column KEY is V has W in
#                       column COL, both as the COPY row writes them (\N
#                       is NULL); W is the rest of the line.
#   .\" zstd FILE       FILE is zstd-compressed (a key map).
#
# In commands, mdoc's escapes \e, \&, \-, \(aq and \(dq are undone.
#
# The fixture directory holds app.sql (sample/app.sql), app.sql.gz and
# app.sql.zst (the same, compressed), schema.sql (app.sql without its
# COPY data), data.sql (its COPY data only, as a data-only dump),
# app.key (a key file), staging.sql (sample/staging.sql, the staging
# database's customers), staging.keymap (captured from staging.sql with
# relink.rules; left out of the directory of a command that captures,
# so that the capture writes it anew), and the files of the pages'
# EXAMPLES: app.rules and pii.rules of dumprules(5), dehydrate.rules and
# others of dumpdehydrate(1), relink.rules and others of dumprelink(1).
# The variable that app.rules' "key env NAME" names, and
# DUMPFILTERS_KEY, hold test secrets.
#
# A command passes when it exits as expected, produces output, and meets
# the expectations before it: with exit 0, something on stdout or a file
# it created or changed that is not empty; with another status, a
# message on stderr.  A dump (*.sql, *.sql.gz, *.sql.zst) that an
# example of dumpscrub(1) or dumprules(5) writes is read by "dumpscrub
# --inventory" with the same tables, row counts and columns as app.sql;
# one that an example of dumpdehydrate(1) or dumprelink(1) writes, with
# the same tables and columns, and each of those examples has at least
# one expectation.
#
# Besides the examples, the rules of dumprelink(1)'s EXAMPLES are checked
# on the whole sample: the key map has the form of the page's KEY MAP
# FORMAT; every customer staging has (by lower(email)) gets staging's
# phone and every other one NULL, and nothing else changes, from a file,
# a compressed file or a pipe; the report adds up; a damaged key map is
# refused.
#
# shellcheck disable=SC2317  # the checks run through check() from lib.sh
set -eu

: "${top_srcdir:?top_srcdir must name the source tree}"
: "${DUMPSCRUB:?DUMPSCRUB must name the dumpscrub program}"
: "${DUMPDEHYDRATE:=${top_builddir:-$top_srcdir}/dumpdehydrate}"
: "${DUMPRELINK:=${top_builddir:-$top_srcdir}/dumprelink}"
# shellcheck source=tests/lib.sh disable=SC1091  # followed with -x
. "$top_srcdir/tests/lib.sh"

SAMPLE=$top_srcdir/sample/app.sql
STAGING=$top_srcdir/sample/staging.sql
PAGES="$top_srcdir/man/dumprules.5 $top_srcdir/man/dumpscrub.1
    $top_srcdir/man/dumpdehydrate.1 $top_srcdir/man/dumprelink.1"
# Examples that need a database server: shown, not run.
DB_PROGRAMS=" pg_dump pg_restore psql mysqldump mariadb-dump mysql mariadb "
# A hung example is a failure, not a hung test suite.
RUN_TIMEOUT=${MAN_EXAMPLES_TIMEOUT:-60}

[ -x "$DUMPSCRUB" ] || fail "not executable: $DUMPSCRUB"
[ -x "$DUMPDEHYDRATE" ] || fail "not executable: $DUMPDEHYDRATE"
[ -x "$DUMPRELINK" ] || fail "not executable: $DUMPRELINK"
[ -r "$SAMPLE" ] || fail "no sample dump: $SAMPLE"
[ -r "$STAGING" ] || fail "no sample dump: $STAGING"
for page in $PAGES; do
	[ -r "$page" ] || fail "no manual page: $page"
done
need_cmd mandoc gzip zstd cksum timeout base64 head awk

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

# US: the separator of the expectations of one command (ASCII unit
# separator), which no page holds.
US=$'\037'

# extract_commands PAGE: print "STATUS<TAB>COMMAND<TAB>EXPECTATIONS" for
# each ".Dl $" line of PAGE's EXAMPLES, where EXPECTATIONS are the rows,
# match, nomatch, absent, field and zstd comment lines before it, without
# their '.\" ', joined by US.
extract_commands() {
	local line status=0 cmd expect=''
	while IFS= read -r line; do
		case $line in
		'.\" exit '*)
			status=${line#'.\" exit '}
			;;
		'.\" rows '*|'.\" match '*|'.\" nomatch '*|\
		'.\" absent '*|'.\" field '*|'.\" zstd '*)
			expect=$expect${expect:+$US}${line#'.\" '}
			;;
		'.Dl $ '*)
			cmd=$(printf '%s\n' "${line#'.Dl $ '}" | unescape)
			printf '%s\t%s\t%s\n' "$status" "$cmd" "$expect"
			status=0
			expect=
			;;
		esac
	done < <(examples "$1")
}

### The pages pass mandoc's lint

# lint_ok PAGE: mandoc -Tlint -Wall says nothing but that a referenced
# page is not installed (none of the project's pages is installed in a
# build tree).
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
# As pg_dump --data-only writes it: the same without the definitions.
sed -e '/^CREATE TABLE /,/^);$/d' -e '/^ALTER TABLE /,/;$/d' \
    "$FIX/app.sql" >"$FIX/data.sql"
printf 'man-examples.sh: a test key, not a secret\n' >"$FIX/app.key"
cp "$STAGING" "$FIX/staging.sql"

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
check "dumpdehydrate(1) EXAMPLES give dehydrate.rules" \
    file_ok dehydrate.rules
check "dumprelink(1) EXAMPLES give relink.rules" file_ok relink.rules
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

# The programs as "dumpscrub", "dumpdehydrate" and "dumprelink", first
# in PATH.
mkdir "$T/bin"
printf '#!/bin/sh\nexec %q "$@"\n' "$DUMPSCRUB" >"$T/bin/dumpscrub"
printf '#!/bin/sh\nexec %q "$@"\n' "$DUMPDEHYDRATE" >"$T/bin/dumpdehydrate"
printf '#!/bin/sh\nexec %q "$@"\n' "$DUMPRELINK" >"$T/bin/dumprelink"
chmod +x "$T/bin/dumpscrub" "$T/bin/dumpdehydrate" "$T/bin/dumprelink"

# The key map of the examples that apply: staging.sql captured with the
# page's relink.rules.
if [ -s "$FIX/relink.rules" ]; then
	(cd "$FIX" && "$DUMPRELINK" --capture -r relink.rules \
	    -o staging.keymap staging.sql) 2>"$T/capture.err" || {
		sed 's/^/#   /' "$T/capture.err" >&2
		fail "dumprelink --capture -r relink.rules staging.sql failed"
	}
fi

# The inventory of the sample, without the bytes field: what every dump
# an example writes must keep.
"$DUMPSCRUB" --inventory "$FIX/app.sql" | cut -f1-4,6- >"$T/inventory" ||
    fail "dumpscrub --inventory sample/app.sql failed"

# The inventory of the sample without row counts: what every dump an
# example of dumpdehydrate(1) or dumprelink(1) writes must keep.
cut -f1-3,5- "$T/inventory" >"$T/inventory.norows"

# The customers' ids and the orders' customer ids of the sample, for the
# expectations of the examples.
ids_of() {
	awk -F'\t' -v t="$2" '
	    /^COPY / { in_t = ($2 == "public." t); next }
	    /^\\\.$/ { in_t = 0; next }
	    in_t { print }' "$1"
}

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

### The rules of dumpdehydrate(1) do what the page says

# same_rules_ok: sample/dehydrate.rules, which README.md shows, is the
# page's dehydrate.rules.
same_rules_ok() {
	same_text "sample/dehydrate.rules" "$top_srcdir/sample/dehydrate.rules" \
	    "$FIX/dehydrate.rules"
}

# dehydrate_run NAME ARGS...: run dumpdehydrate with ARGS in the fixture
# directory; stdout to T/NAME.out, stderr to T/NAME.err; 1 unless exit 0.
dehydrate_run() {
	local name=$1 rc=0
	shift
	(cd "$FIX" && "$DUMPDEHYDRATE" "$@" >"$T/$name.out" \
	    2>"$T/$name.err") || rc=$?
	[ "$rc" = 0 ] || { say "dumpdehydrate $*: exit $rc"; \
	    head -n 5 "$T/$name.err" | sed 's/^/#   /' >&2; return 1; }
}

# dehydrate_same_ok: the page's rules give the same bytes when run again,
# from a gzip or zstd file, and from a pipe, which is spooled to TMPDIR
# and leaves nothing there.
dehydrate_same_ok() {
	local rc=0
	dehydrate_run d1 -r dehydrate.rules app.sql &&
	    dehydrate_run d2 -r dehydrate.rules app.sql &&
	    dehydrate_run dgz -r dehydrate.rules app.sql.gz &&
	    dehydrate_run dzst -r dehydrate.rules app.sql.zst || return 1
	mkdir -p "$T/spool"
	(cd "$FIX" && TMPDIR=$T/spool "$DUMPDEHYDRATE" -r dehydrate.rules \
	    <app.sql >"$T/dpipe.out" 2>"$T/dpipe.err") || rc=$?
	[ "$rc" = 0 ] || { say "from a pipe: exit $rc"; \
	    head -n 5 "$T/dpipe.err" | sed 's/^/#   /' >&2; return 1; }
	# From pipes, plain and compressed.
	(cd "$FIX" && zstd -q -dc app.sql.zst | TMPDIR=$T/spool \
	    "$DUMPDEHYDRATE" -r dehydrate.rules >"$T/dpipe2.out" \
	    2>"$T/dpipe2.err") || rc=$?
	[ "$rc" = 0 ] || { say "from a pipe: exit $rc"; \
	    head -n 5 "$T/dpipe2.err" | sed 's/^/#   /' >&2; return 1; }
	(cd "$FIX" && gzip -c app.sql | TMPDIR=$T/spool "$DUMPDEHYDRATE" \
	    -r dehydrate.rules >"$T/dpipe3.out" 2>"$T/dpipe3.err") || rc=$?
	[ "$rc" = 0 ] || { say "from a gzip pipe: exit $rc"; \
	    head -n 5 "$T/dpipe3.err" | sed 's/^/#   /' >&2; return 1; }
	[ -z "$(ls -A "$T/spool")" ] ||
	    { say "files left in TMPDIR: $(ls -A "$T/spool")"; return 1; }
	[ -s "$T/d1.out" ] || { say "empty output"; return 1; }
	same_file "two runs" "$T/d1.out" "$T/d2.out" &&
	    same_file "from app.sql.gz" "$T/d1.out" "$T/dgz.out" &&
	    same_file "from app.sql.zst" "$T/d1.out" "$T/dzst.out" &&
	    same_file "from stdin" "$T/d1.out" "$T/dpipe.out" &&
	    same_file "from a pipe" "$T/d1.out" "$T/dpipe2.out" &&
	    same_file "from a gzip pipe" "$T/d1.out" "$T/dpipe3.out"
}

# dehydrate_report_ok: --report writes the header, one or more lines per
# table whose rows add up to its rows kept, in a known class, and a
# total line whose counts are the sums of the tables'.
dehydrate_report_ok() {
	local bad
	dehydrate_run drep -r dehydrate.rules --report="$T/report.tsv" \
	    -o "$T/drep.sql" app.sql || return 1
	[ -s "$T/report.tsv" ] || { say "no report"; return 1; }
	head -n 1 "$T/report.tsv" |
	    grep -qx '# table	class	rows_in	rows_kept	reason	rows' ||
	    { say "report: header: $(head -n 1 "$T/report.tsv")"; return 1; }
	bad=$(awk -F'\t' '
	    NR == 1 { next }
	    /^# total\t/ { total = $0; tin = $3; tkept = $4; next }
	    {
		if ($2 !~ /^(truncated|rooted|connected|other)$/)
			print "class " $2 " of " $1
		if (!($1 in kept)) { order[++n] = $1; tabin += $3; tabkept += $4 }
		kept[$1] = $4; sum[$1] += $6
	    }
	    END {
		for (i = 1; i <= n; i++)
			if (sum[order[i]] != kept[order[i]])
				print order[i] ": reasons add up to " \
				    sum[order[i]] ", rows_kept " kept[order[i]]
		if (total == "")
			print "no total line"
		else if (tin != tabin || tkept != tabkept)
			print "total " tin "/" tkept ", tables " tabin "/" \
			    tabkept
		if (n != 2)
			print n " tables"
	    }' "$T/report.tsv")
	[ -z "$bad" ] || { say "report: $bad"; return 1; }
}

check "sample/dehydrate.rules is dumpdehydrate(1)'s dehydrate.rules" \
    same_rules_ok
check "dumpdehydrate(1) rules: the same bytes again, compressed, piped" \
    dehydrate_same_ok
check "dumpdehydrate(1) rules: --report adds up" dehydrate_report_ok

### The rules of dumprelink(1) do what the page says

# same_relink_rules_ok: sample/relink.rules, which README.md and
# scripts/setup.sh use, is the page's relink.rules.
same_relink_rules_ok() {
	same_text "sample/relink.rules" "$top_srcdir/sample/relink.rules" \
	    "$FIX/relink.rules"
}

# relink_run NAME ARGS...: run dumprelink with ARGS in the fixture
# directory; stdout to T/NAME.out, stderr to T/NAME.err; 1 unless exit 0.
relink_run() {
	local name=$1 rc=0
	shift
	(cd "$FIX" && "$DUMPRELINK" "$@" >"$T/$name.out" \
	    2>"$T/$name.err") || rc=$?
	[ "$rc" = 0 ] || { say "dumprelink $*: exit $rc"; \
	    head -n 5 "$T/$name.err" | sed 's/^/#   /' >&2; return 1; }
}

# relink_fails STATUS NAME ARGS...: dumprelink with ARGS exits STATUS
# and says why on stderr.
relink_fails() {
	local want=$1 name=$2 rc=0
	shift 2
	(cd "$FIX" && "$DUMPRELINK" "$@" >"$T/$name.out" \
	    2>"$T/$name.err") || rc=$?
	[ "$rc" = "$want" ] || { say "dumprelink $*: exit $rc, expected" \
	    "$want"; head -n 5 "$T/$name.err" | sed 's/^/#   /' >&2; \
	    return 1; }
	[ -s "$T/$name.err" ] || { say "dumprelink $*: exit $rc and no" \
	    "message"; return 1; }
}

# keymap_form_ok: the key map of the fixture is a zstd frame whose text
# has the form of dumprelink(1)'s KEY MAP FORMAT, with one entry per
# customer of staging.sql, from its address (case aside) to its phone.
keymap_form_ok() {
	local bad
	[ "$(head -c 4 "$FIX/staging.keymap" | od -An -tx1 | tr -d ' \n')" \
	    = 28b52ffd ] || { say "staging.keymap: not zstd"; return 1; }
	zstd -q -dc "$FIX/staging.keymap" >"$T/keymap.txt" ||
	    { say "staging.keymap: does not decompress"; return 1; }
	bad=$(awk -F'\t' '
	    function err(m) { if (msg == "") msg = "line " NR ": " m }
	    msg != "" { next }
	    NR == 1 { if ($0 != "dumprelink-keymap\t1")
		err("first line: " $0); next }
	    ended { err("a line after the end line"); next }
	    state == "entries" {
		if (NF != nkeys + 1)
			err(NF " fields in an entry of " nkeys " keys")
		if ($NF == "\\N") nnull++
		if (--left == 0) state = ""
		next
	    }
	    state == "cols" {
		if (NF != ncols) err(NF " column names, not " ncols)
		left = nrows; state = nrows > 0 ? "rows" : ""
		next
	    }
	    state == "rows" {
		if (NF != ncols) err(NF " fields in a row of " ncols)
		if (--left == 0) state = ""
		next
	    }
	    $1 == "pointer" {
		if (NF != 5 || $3 !~ /^[1-9][0-9]*$/ ||
		    $4 !~ /^(exact|lower)$/ || $5 !~ /^[0-9]+$/)
			err("bad pointer line: " $0)
		np++; nkeys = $3; left = $5; state = left > 0 ? "entries" : ""
		next
	    }
	    $1 == "table" {
		if (NF != 5 || $4 !~ /^[1-9][0-9]*$/ || $5 !~ /^[0-9]+$/)
			err("bad table line: " $0)
		nt++; ncols = $4; nrows = $5; state = "cols"
		next
	    }
	    $1 == "end" {
		if (NF != 3 || $2 != np || $3 != nt)
			err("end line " $0 " after " np " pointers, " nt \
			    " tables")
		ended = 1
		next
	    }
	    { err("unexpected line: " $0) }
	    END {
		if (msg == "" && state != "") msg = "cut short in " state
		if (msg == "" && !ended) msg = "no end line"
		if (msg == "" && nnull != 1) msg = nnull " NULL values, not 1"
		print msg
	    }' "$T/keymap.txt")
	[ -z "$bad" ] || { say "staging.keymap: $bad"; return 1; }
	grep -qx 'pointer	sms_number	1	lower	36' "$T/keymap.txt" ||
	    { say "staging.keymap: no pointer line for 36 entries of" \
	    "sms_number, lower"; return 1; }
	bad=$(awk -F'\t' '
	    FNR == NR { if (p && NF == 2) km[tolower($1)] = $2
		p = p || $1 == "pointer"; next }
	    /^COPY public\.customers / { c = 1; next }
	    /^\\\.$/ { c = 0; next }
	    c { n++; k = tolower($2)
		if (!(k in km)) { print "no entry for " $2; bad = 1; exit }
		if (km[k] != $4) { print $2 ": " km[k] ", not " $4; bad = 1
			exit } }
	    END { if (!bad && n != 36)
		print n " customers in staging.sql, not 36" }
	    ' "$T/keymap.txt" "$FIX/staging.sql")
	[ -z "$bad" ] || { say "staging.keymap: $bad"; return 1; }
}

# capture_same_ok: the capture gives the same key map from a gzip file
# and from a pipe.
capture_same_ok() {
	gzip -c "$FIX/staging.sql" >"$T/staging.sql.gz"
	relink_run cap1 --capture -r relink.rules "$T/staging.sql.gz" &&
	    relink_run cap2 --capture -r relink.rules <"$FIX/staging.sql" ||
	    return 1
	if ! zstd -q -dc "$T/cap1.out" >"$T/cap1.txt" ||
	    ! zstd -q -dc "$T/cap2.out" >"$T/cap2.txt"; then
		say "captured key map does not decompress"
		return 1
	fi
	same_file "capture from staging.sql.gz" "$T/keymap.txt" \
	    "$T/cap1.txt" &&
	    same_file "capture from a pipe" "$T/keymap.txt" "$T/cap2.txt"
}

# mask_phone FILE: FILE with the phone field of each customer replaced.
mask_phone() {
	awk -F'\t' -v OFS='\t' '
	    /^COPY public\.customers / { c = 1; print; next }
	    /^\\\.$/ { c = 0 }
	    c { $4 = "(phone)" }
	    { print }' "$1"
}

# relink_values_ok: relink.rules applied to app.sql give every customer
# that staging has, by lower(email), staging's phone, and every other
# one NULL; nothing else changes; the same bytes come from a second run,
# from app.sql.gz and app.sql.zst, and from a pipe, which leaves nothing
# in TMPDIR.
relink_values_ok() {
	local rc=0 bad
	relink_run r1 -r relink.rules -k staging.keymap app.sql &&
	    relink_run r2 -r relink.rules -k staging.keymap app.sql &&
	    relink_run rgz -r relink.rules -k staging.keymap app.sql.gz &&
	    relink_run rzst -r relink.rules -k staging.keymap app.sql.zst ||
	    return 1
	mkdir -p "$T/rspool"
	(cd "$FIX" && zstd -q -dc app.sql.zst | TMPDIR=$T/rspool \
	    "$DUMPRELINK" -r relink.rules -k staging.keymap \
	    >"$T/rpipe.out" 2>"$T/rpipe.err") || rc=$?
	[ "$rc" = 0 ] || { say "from a pipe: exit $rc"; \
	    head -n 5 "$T/rpipe.err" | sed 's/^/#   /' >&2; return 1; }
	[ -z "$(ls -A "$T/rspool")" ] ||
	    { say "files left in TMPDIR: $(ls -A "$T/rspool")"; return 1; }
	same_file "two runs" "$T/r1.out" "$T/r2.out" &&
	    same_file "from app.sql.gz" "$T/r1.out" "$T/rgz.out" &&
	    same_file "from app.sql.zst" "$T/r1.out" "$T/rzst.out" &&
	    same_file "from a pipe" "$T/r1.out" "$T/rpipe.out" || return 1
	mask_phone "$FIX/app.sql" >"$T/app.masked"
	mask_phone "$T/r1.out" >"$T/r1.masked"
	same_file "all but customers.phone" "$T/app.masked" "$T/r1.masked" ||
	    return 1
	bad=$(awk -F'\t' '
	    /^COPY public\.customers / { c = 1; next }
	    /^\\\.$/ { c = 0; next }
	    !c { next }
	    FILENAME == ARGV[1] { st[tolower($2)] = $4; next }
	    { n++; k = tolower($2)
		want = (k in st) ? st[k] : "\\N"
		if (k in st) m++
		if ($4 != want) { print $2 ": phone " $4 ", not " want
			bad = 1; exit } }
	    END { if (!bad && (n != 200 || m != 29))
		print n " customers, " m " in staging; expected 200, 29" }
	    ' "$FIX/staging.sql" "$T/r1.out")
	[ -z "$bad" ] || { say "relinked: $bad"; return 1; }
}

# relink_report_ok: --report writes the headers of dumprelink(1)'s
# REPORT FORMAT, a relink line for customers.phone whose counts add up
# (29 matched, 171 missing), and a total line with the bytes written.
relink_report_ok() {
	local bad size
	relink_run rrep -r relink.rules -k staging.keymap \
	    --report="$T/rreport.tsv" -o "$T/rrep.sql" app.sql || return 1
	[ -s "$T/rreport.tsv" ] || { say "no report"; return 1; }
	size=$(wc -c <"$T/rrep.sql")
	bad=$(awk -F'\t' -v out="$size" '
	    NR == 1 { if ($0 != "# dumprelink report") print "line 1: " $0
		next }
	    /^# kind\ttable\tcolumn\t/ {
		if ($0 != "# kind\ttable\tcolumn\tpointer\tby\trows\tmatched\tmissing\tnull\ton_missing")
			print "header: " $0
		h = 1; next }
	    /^# total\t/ {
		if ($0 != "# total\tbytes_in\tbytes_out\trows_dropped\tseconds")
			print "header: " $0
		next }
	    /^#/ { next }
	    $1 == "relink" {
		if (!h) print "relink line before its header"
		if (NF != 10 || $6 != $7 + $8 + $9)
			print "does not add up: " $0
		if ($2 == "public.customers" && $3 == "phone") {
			nl++
			if ($4 != "sms_number" || $6 != 200 || $7 != 29 ||
			    $8 != 171 || $9 != 0 || $10 != "null")
				print "customers.phone: " $0
		}
		next }
	    $1 == "total" { nt++
		if (NF != 5 || $3 != out || $4 != 0)
			print "total: " $0 " (output " out " bytes)"
		next }
	    $1 == "keep-table" { print "a kept table: " $0; next }
	    { print "unknown line: " $0 }
	    END { if (nl != 1) print nl " lines for customers.phone"
		if (nt != 1) print nt " total lines" }' "$T/rreport.tsv")
	[ -z "$bad" ] || { say "report: $(printf '%s' "$bad" | head -n 3 |
	    tr '\n' ';')"; return 1; }
}

# keymap_damaged_ok: a key map that is not one, is cut short, has
# another version or a count that disagrees is refused with exit 1.
keymap_damaged_ok() {
	local n
	n=$(wc -c <"$FIX/staging.keymap")
	head -c $((n - 9)) "$FIX/staging.keymap" >"$T/short.keymap"
	sed '1s/\t1$/\t2/' "$T/keymap.txt" | zstd -q -c >"$T/v2.keymap"
	sed 's/^\(pointer\tsms_number\t1\tlower\t\)36$/\137/' \
	    "$T/keymap.txt" | zstd -q -c >"$T/count.keymap"
	relink_fails 1 kplain -r relink.rules -k "$T/keymap.txt" app.sql &&
	    relink_fails 1 kshort -r relink.rules -k "$T/short.keymap" \
	    app.sql &&
	    relink_fails 1 kv2 -r relink.rules -k "$T/v2.keymap" app.sql &&
	    relink_fails 1 kcount -r relink.rules -k "$T/count.keymap" \
	    app.sql || return 1
	grep -q 'version 2' "$T/kv2.err" ||
	    { say "version 2: $(head -n 1 "$T/kv2.err")"; return 1; }
}

check "sample/relink.rules is dumprelink(1)'s relink.rules" \
    same_relink_rules_ok
check "dumprelink(1) rules: the key map has the form of KEY MAP FORMAT" \
    keymap_form_ok
check "dumprelink(1) rules: the same key map from gzip and from a pipe" \
    capture_same_ok
check "dumprelink(1) rules: staging's phones, NULL for the others, the
    rest as it was, from a file, compressed, piped" relink_values_ok
check "dumprelink(1) rules: --report adds up" relink_report_ok
check "dumprelink(1): a damaged key map is refused" keymap_damaged_ok

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

# dump_shape_ok FILE [SCHEMA]: FILE is a dump with the sample's tables
# and columns, whatever its row counts; a data-only dump with the
# definitions of the schema-only dump SCHEMA.
dump_shape_ok() {
	"$DUMPSCRUB" --inventory ${2:+"--schema=$2"} "$1" >"$T/inv.full" \
	    2>"$T/inv.err" || true
	cut -f1-3,6- "$T/inv.full" >"$T/inv"
	same_text "tables and columns of ${1##*/}" "$T/inventory.norows" \
	    "$T/inv"
}

# plain FILE: FILE's bytes, decompressed by its magic bytes (a key map
# is zstd-compressed whatever its name).
plain() {
	case $(head -c 4 -- "$1" | od -An -tx1 | tr -d ' \n') in
	1f8b*) gzip -dc -- "$1" ;;
	28b52ffd) zstd -q -dc -- "$1" ;;
	*) cat -- "$1" ;;
	esac
}

# schema_of DIR CMD: DIR/FILE when CMD has --schema=FILE, else nothing.
schema_of() {
	local w
	for w in $2; do
		case $w in
		--schema=*) printf '%s/%s\n' "$1" "${w#--schema=}" ;;
		esac
	done
}

# rows_ok DIR FILE CMD SPEC...: the expectation "rows FILE SPEC..." of
# the command CMD, which ran in DIR (see the top of this file).
rows_ok() {
	local dir=$1 name=$2 cmd=$3 f spec t want n lo hi bad
	shift 3
	case $name in
	stdout) f=$T/out ;;
	*) f=$dir/$name ;;
	esac
	[ -s "$f" ] || { say "rows: $name: missing or empty"; return 1; }
	case $name in
	*.gz) [ "$(head -c 2 "$f" | od -An -tx1 | tr -d ' ')" = 1f8b ] ||
		{ say "rows: $name: not gzip"; return 1; } ;;
	*.zst) [ "$(head -c 4 "$f" | od -An -tx1 | tr -d ' ')" = 28b52ffd ] ||
		{ say "rows: $name: not zstd"; return 1; } ;;
	esac
	dump_shape_ok "$f" "$(schema_of "$dir" "$cmd")" || return 1
	for spec in "$@"; do
		t=${spec%%=*}
		want=${spec#*=}
		n=$(awk -F'\t' -v t="$t" '$1 == t { print $4 }' "$T/inv.full" \
		    2>/dev/null || true)
		lo=${want%-*}
		hi=${want#*-}
		case $n in
		''|*[!0-9]*) say "rows: $name: no table $t"; return 1 ;;
		esac
		if [ "$n" -lt "$lo" ] || [ "$n" -gt "$hi" ]; then
			say "rows: $name: $t has $n rows, expected $want"
			return 1
		fi
	done
	# The foreign key of the sample, orders.customer_id -> customers.id,
	# holds; no id is kept twice; rows are the sample's, unchanged.
	"$DUMPSCRUB" "$f" >"$T/rows.sql" 2>"$T/rows.err" ||
	    { say "rows: $name: does not read back"; return 1; }
	bad=$(awk -F'\t' '
	    /^COPY public\.customers / { t = "c"; next }
	    /^COPY public\.orders / { t = "o"; next }
	    /^\\\.$/ { t = ""; next }
	    t == "c" { if ($1 in cust) print "customer " $1 " twice"; cust[$1] = 1 }
	    t == "o" { if ($1 in ord) print "order " $1 " twice"; ord[$1] = 1
		ref[$1] = $2 }
	    END {
		for (o in ref)
			if (!(ref[o] in cust)) {
				print "order " o " references customer " \
				    ref[o] ", not in the dump"
				break
			}
	    }' "$T/rows.sql" | head -n 3 | tr '\n' ';')
	[ -z "$bad" ] || { say "rows: $name: $bad"; return 1; }
	case $cmd in
	*dumpscrub*|*dumprelink*) ;;
	*)
		awk '/^COPY /{ c = 1; next } /^\\\.$/ { c = 0 } c' \
		    "$T/rows.sql" >"$T/rows.data"
		awk '/^COPY /{ c = 1; next } /^\\\.$/ { c = 0 } c' \
		    "$FIX/app.sql" >"$T/app.data"
		bad=$(LC_ALL=C grep -vxF -f "$T/app.data" "$T/rows.data" |
		    head -n 1 || true)
		[ -z "$bad" ] || { say "rows: $name: a row not in app.sql:" \
		    "$(printf '%s' "$bad" | cut -c1-80)"; return 1; }
		;;
	esac
}

# match_ok DIR WANT FILE ERE: a line of FILE matches ERE (WANT 1) or
# none does (WANT 0).
match_ok() {
	local dir=$1 want=$2 name=$3 re=$4 f got=0
	case $name in
	stdout) f=$T/out ;;
	stderr) f=$T/err ;;
	*) f=$dir/$name ;;
	esac
	[ -f "$f" ] || { say "match: $name: not written"; return 1; }
	re=${re//\\t/$'\t'}
	plain "$f" | grep -Eq -- "$re" && got=1
	[ "$got" = "$want" ] && return 0
	if [ "$want" = 1 ]; then
		say "$name: no line matches /$4/"
		head -n 6 "$f" | cut -c1-120 | sed 's/^/#   /' >&2
	else
		say "$name: a line matches /$4/:" \
		    "$(plain "$f" | grep -E -m 1 -- "$re" | cut -c1-80)"
	fi
	return 1
}

# field_ok DIR FILE TABLE KEY=V COL=W: the expectation "field FILE TABLE
# KEY=V COL=W" (see the top of this file).  The values go to awk through
# the environment, which keeps their backslashes (\N).
field_ok() {
	local dir=$1 name=$2 table=$3 kv=$4 cw=$5 f got
	case $name in
	stdout) f=$T/out ;;
	stderr) f=$T/err ;;
	*) f=$dir/$name ;;
	esac
	[ -f "$f" ] || { say "field: $name: not written"; return 1; }
	case $kv:$cw in
	*=*:*=*) ;;
	*) say "field: expected KEY=V COL=W: $kv $cw"; return 1 ;;
	esac
	got=$(plain "$f" | F_TABLE=$table F_KEY=${kv%%=*} F_V=${kv#*=} \
	    F_COL=${cw%%=*} awk -F'\t' '
	    BEGIN { t = ENVIRON["F_TABLE"]; kc = ENVIRON["F_KEY"]
		kv = ENVIRON["F_V"]; cc = ENVIRON["F_COL"] }
	    index($0, "COPY " t " (") == 1 {
		s = substr($0, length("COPY " t " (") + 1)
		sub(/\) FROM stdin;$/, "", s)
		n = split(s, cols, /, /)
		ki = ci = 0
		for (i = 1; i <= n; i++) {
			if (cols[i] == kc) ki = i
			if (cols[i] == cc) ci = i
		}
		inb = 1
		next
	    }
	    /^\\\.$/ { inb = 0; next }
	    inb && ki && ci && $ki == kv { print $ci; found = 1; exit }
	    END { if (!found) print "\001" }')
	[ "$got" = "${cw#*=}" ] && return 0
	if [ "$got" = $'\001' ]; then
		say "field: $name: no row of $table with $kv"
	else
		say "field: $name: $table $kv: ${cw%%=*} is '$got', not" \
		    "'${cw#*=}'"
	fi
	return 1
}

# expect_ok DIR CMD EXPECTATIONS: every expectation (US-separated) holds.
expect_ok() {
	local dir=$1 cmd=$2 e rc=0 kind file rest table kv cw
	local -a es words
	IFS=$US read -ra es <<<"$3"
	for e in "${es[@]}"; do
		kind=${e%% *}
		rest=${e#* }
		file=${rest%% *}
		rest=${rest#* }
		case $kind in
		rows)
			read -ra words <<<"$rest"
			rows_ok "$dir" "$file" "$cmd" "${words[@]}" || rc=1
			;;
		match)
			match_ok "$dir" 1 "$file" "$rest" || rc=1
			;;
		nomatch)
			match_ok "$dir" 0 "$file" "$rest" || rc=1
			;;
		absent)
			[ ! -e "$dir/$file" ] ||
			    { say "$file: written"; rc=1; }
			;;
		field)
			read -r table kv cw <<<"$rest"
			field_ok "$dir" "$file" "$table" "$kv" "$cw" || rc=1
			;;
		zstd)
			[ "$(head -c 4 "$dir/$file" 2>/dev/null |
			    od -An -tx1 | tr -d ' \n')" = 28b52ffd ] ||
			    { say "$file: not zstd-compressed"; rc=1; }
			;;
		*)
			say "unknown expectation: $e"
			rc=1
			;;
		esac
	done
	return "$rc"
}

# run_example N PAGE STATUS COMMAND EXPECTATIONS: run COMMAND in a fresh
# copy of the fixture directory; it exits STATUS, produces output, and
# meets the EXPECTATIONS.
run_example() {
	local n=$1 page=$2 want=$3 cmd=$4 expect=$5 dir=$T/run$1 rc=0 f out=0
	cp -R "$FIX" "$dir"
	# A capture writes the key map anew.
	case $page:$cmd in
	dumprelink.1:*--capture*) rm -f "$dir/staging.keymap" ;;
	esac
	snapshot "$dir" >"$T/before"
	(cd "$dir" && PATH="$T/bin:$PATH" timeout "$RUN_TIMEOUT" \
	    bash -o pipefail -c "$cmd" >"$T/out" 2>"$T/err") || rc=$?
	snapshot "$dir" >"$T/after"
	if [ "$rc" != "$want" ]; then
		say "exit $rc, expected $want"
		head -n 8 "$T/err" | sed 's/^/#   stderr: /' >&2
		return 1
	fi
	if { [ "$page" = dumpdehydrate.1 ] || [ "$page" = dumprelink.1 ]; } &&
	    [ -z "$expect" ]; then
		say "no expectation (rows, match, ...) before the" \
		    "command"
		return 1
	fi
	if [ "$want" != 0 ]; then
		[ -s "$T/err" ] || { say "exit $rc and no message"; return 1; }
		expect_ok "$dir" "$cmd" "$expect"
		return
	fi
	[ -s "$T/out" ] && out=1
	while IFS= read -r f; do
		[ -s "$dir/$f" ] && out=1
		case $page:$f in
		dumpdehydrate.1:*.sql|dumpdehydrate.1:*.sql.gz|\
		dumpdehydrate.1:*.sql.zst|dumprelink.1:*.sql|\
		dumprelink.1:*.sql.gz|dumprelink.1:*.sql.zst)
			dump_shape_ok "$dir/$f" "$(schema_of "$dir" "$cmd")" ||
			    return 1
			;;
		*:*.sql|*:*.sql.gz|*:*.sql.zst)
			dump_reads_back "$dir/$f" || return 1
			;;
		esac
	done < <(changed_files "$T/before" "$T/after")
	[ "$out" = 1 ] || { say "no output: stdout empty, no file written"; \
	    return 1; }
	expect_ok "$dir" "$cmd" "$expect"
}

nrun=0
nshown=0
ndehydrate=0
nrelink=0
for page in $PAGES; do
	while IFS=$'\t' read -r status cmd expect; do
		first=${cmd%% *}
		case $DB_PROGRAMS in
		*" $first "*)
			nshown=$((nshown + 1))
			say "shown, not run (needs a database): $cmd"
			continue
			;;
		esac
		nrun=$((nrun + 1))
		case $page in
		*/dumpdehydrate.1) ndehydrate=$((ndehydrate + 1)) ;;
		*/dumprelink.1) nrelink=$((nrelink + 1)) ;;
		esac
		check "${page##*/} example: $cmd" \
		    run_example "$nrun" "${page##*/}" "$status" "$cmd" "$expect"
	done < <(extract_commands "$page")
done

# Guard against a convention broken in the pages: no example found is a
# failure, not a pass.
enough_examples() {
	[ "$nrun" -ge 5 ] ||
	    { say "$nrun runnable examples found, expected 5 or more"; \
	    return 1; }
	[ "$ndehydrate" -ge 5 ] ||
	    { say "$ndehydrate runnable examples of dumpdehydrate(1)," \
	    "expected 5 or more"; return 1; }
	[ "$nrelink" -ge 5 ] ||
	    { say "$nrelink runnable examples of dumprelink(1)," \
	    "expected 5 or more"; return 1; }
}
check "the pages have runnable examples ($nrun run, $nshown shown)" \
    enough_examples

check_done
