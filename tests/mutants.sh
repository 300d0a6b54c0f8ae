#!/bin/bash
# tests/mutants.sh - corrupt-input sweep (STYLE.md rule 20): dumps mutated
# by tests/mutate.c (flipped bits and bytes, truncations, duplicated,
# inserted and deleted ranges, SQL and COPY tokens, swapped lines) are fed
# to each filter.  A filter must refuse a dump it cannot read with a clean
# error, never crash, hang or pass on a corrupt dump it mangled.
#
# dumpscrub: every golden input of tests/golden/dumpscrub and every corpus
# dump; for each mutant:
#
#   plain        FILTER [--dialect=D] MUTANT
#                exit 0 or 1; exit 0: output == mutant byte for byte (no
#                rules: the identity), stderr empty; exit 1: stderr is one
#                line "FILTER: ..."
#   inventory    FILTER --inventory [--dialect=D] MUTANT
#                exit 0 or 1; exit 0: stderr empty; exit 1: one line
#   rules        the case's cmd, the mutant for INPUT (or on stdin), in a
#                copy of the case directory, with DUMPFILTERS_KEY set; only
#                for cases whose cmd names rules (-r, --rules) that load
#                (cases testing rules syntax errors are left out)
#                exit 0, 1, or 2 when every line says a rule cannot hold
#                for the (mutated) schema; exit 1: one line, or with
#                --strict its findings (and --check's warnings); exit 0:
#                every stderr line "FILTER: " (--check warns); and unless
#                cmd has --check or --inventory: when the mutant passed
#                --inventory, the output passes it too, with the same
#                tables, forms, row counts and columns (only the bytes
#                may change): no corruption introduced.
#
# dumpdehydrate: each golden case of tests/golden/dumpdehydrate with its
# cmd and rules; sample/app.sql with sample/dehydrate.rules; every other
# dump (the other filters' golden inputs and targets, the corpus, each
# once) with tests/mutants.d/dehydrate.rules.  Neither dumpdehydrate nor
# dumprelink has an identity or --inventory: dumpscrub --inventory
# [--dialect=D] judges their inputs and outputs.  Their stderr may hold
# warnings (about a rule at its position "rules:L[:C]: ", a foreign key
# "ignored", kept rows referencing rows not in the dump, a pointer the
# target gave no key), each line once:
#
#   dehydrate    the cmd (-r rules INPUT for a dump), the mutant for INPUT
#                (or on stdin), in a copy of the case directory; exit 0, 1,
#                or 2 when the lines after the warnings say what rule
#                cannot hold for the mutated schema, at the rule's position
#                (or at the row's, ending "(rule at rules:L)"); exit 1:
#                warnings, then one line "dumpdehydrate: ..."; exit 0:
#                warnings only; and unless cmd has --explain: when the
#                mutant passes --inventory, so does the output, with the
#                same tables (in any order), dialect and columns, and per
#                table no more rows and no form the mutant lacks; decoded
#                by $DUMPROWS, each output row is a row of the mutant
#                (with nullify, some fields made NULL): dehydrating drops
#                rows, nothing else (a table known only by its rows, its
#                CREATE TABLE broken, may go with them)
#
# dumprelink: each golden case of tests/golden/dumprelink (target.sql the
# target, or for a --capture case input.sql), and sample/ (app.sql
# relinked with a key map of staging.sql by sample/relink.rules) are two
# subjects, the source mutated (apply) and the target (capture, named
# NAME.target); every other dump, its own target, is one subject for both,
# with tests/mutants.d/corpus-NAME.relink.rules for a corpus dump and else
# rules made here from its inventory (a relink by key, one by value and a
# keep-table, of tables with plain names; else keep-table /./):
#
#   apply        the case's cmd (-r rules -k KEYMAP INPUT for a dump),
#                KEYMAP a key map captured once from the unmutated target
#                into the case's copy, the mutant for INPUT; exit 0, 1 or
#                2 as for dehydrate, and with --strict exit 1 with its
#                finding; exit 0: when the mutant passes --inventory, so
#                does the output, with the same tables, dialect and
#                columns, and but for the keep-table tables (now the
#                target's rows) the same forms and rows (no more rows and
#                no other form when the rules say drop-row); decoded by
#                $DUMPROWS, the same rows once the relinked columns are
#                left out
#   capture      dumprelink --capture -r rules -o mutant.keymap MUTANT;
#                exit 0, 1 or 2 as for dehydrate; not 0: no mutant.keymap
#                and no temporary file beside it; exit 0: stdout empty, and
#                the apply command with that key map on the unmutated
#                source exits 0, 1 or 2 likewise, and on exit 0 writes a
#                dump that passes as apply says, against the source's
#                inventory
#
# Every run is under "timeout $MUTANTS_TIMEOUT" (10 s) and "ulimit -v"
# (1 GiB; skipped for an AddressSanitizer build, which reserves terabytes
# of address space).  Exit status 124 (timeout), 128+N (signal N: crash,
# sanitizer abort), any stderr saying "out of memory", a NUL byte in
# stderr: failures.  Sanitizers are told to abort on the first error.
#
# MUTANTS (default 3000) mutants in all, shared among the filters by their
# SHARES (dumpscrub half, the others a quarter each), and within a filter
# spread over its inputs by weight: a corpus dump or sample/ counts for
# CORPUS_WEIGHT (5) golden inputs, a filter's own golden case for 3 other
# dumps.  The mutants depend only on SEED (default 1), the input's name
# and its bytes: a run is reproducible.  MUTANTS_FILTERS="a b" limits the
# sweep to those filters, MUTANTS_CASES="a b" to those inputs (the names
# the "ok" lines show: a golden case, corpus-NAME, sample-app, ...);
# MUTANTS_JOBS (default: the number of CPUs) workers run in parallel.
#
# A failing mutant is kept in MUTANTS_KEEP (default a new directory
# ${TMPDIR:-/tmp}/dfmutants.XXXXXX, removed when nothing failed) with the
# files of its case (rules, key maps), the outputs, and cmd.sh, the
# command that reproduces the failure; the first MUTANTS_SHOW (20)
# failures are printed in full.
#
# The mutator is $MUTATE, or built here from tests/mutate.c with ${CC:-cc}.
#
# Environment: top_srcdir, DUMPSCRUB, DUMPDEHYDRATE, DUMPRELINK (each
# filter's program: the variable named after it in capitals); DUMPROWS
# (tests/dumprows; without it rows are counted, not compared).  Exit 0
# pass, 1 fail.

# Check functions run through check() (lib.sh); workers run in subshells.
# shellcheck disable=SC2317

# The harness may run us with /bin/sh.
if [ -z "${BASH_VERSION:-}" ]; then
	exec bash "$0" "$@"
fi
set -eu

: "${top_srcdir:?top_srcdir must name the source tree}"
# shellcheck source=tests/lib.sh disable=SC1091  # followed with -x
. "$top_srcdir/tests/lib.sh"

# The filters swept, and each one's share of MUTANTS.  A filter's program
# is in the variable named after it in capitals (DUMPSCRUB); its subjects
# are listed below, under its name.
FILTERS=(
	dumpscrub
	dumpdehydrate
	dumprelink
)
SHARES=(2 1 1)

MUTANTS_DEFAULT=3000
SEED=${SEED:-1}
CORPUS_WEIGHT=${CORPUS_WEIGHT:-5}
OWN_WEIGHT=3
RUN_TIMEOUT=${MUTANTS_TIMEOUT:-10}
VMEM_KB=${MUTANTS_VMEM_KB:-1048576}
SHOW=${MUTANTS_SHOW:-20}
JOBS=${MUTANTS_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
DUMPFILTERS_KEY='golden test key: not a secret'
export DUMPFILTERS_KEY
# Any sanitizer error is a crash: abort, so that it shows as a signal.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}abort_on_error=1:disable_coredump=1
UBSAN_OPTIONS=${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}abort_on_error=1
UBSAN_OPTIONS=$UBSAN_OPTIONS:print_stacktrace=1
export ASAN_OPTIONS UBSAN_OPTIONS

case $JOBS in
'' | 0 | *[!0-9]*) fail "MUTANTS_JOBS: \"$JOBS\": expected a number >= 1" ;;
esac
need_cmd timeout cmp cksum
# tests/dumprows decodes the rows of inputs and outputs, if at hand.
DUMPROWS=${DUMPROWS:-}
if [ -n "$DUMPROWS" ] && [ ! -x "$DUMPROWS" ]; then
	fail "not executable: $DUMPROWS"
fi
[ -n "$DUMPROWS" ] ||
    printf '# no DUMPROWS: the rows are counted, not compared\n'

tmpdir T

if [ -z "${MUTATE:-}" ]; then
	MUTATE=$T/mutate
	"${CC:-cc}" -O2 -o "$MUTATE" "$top_srcdir/tests/mutate.c" ||
	    fail "cannot build the mutator from tests/mutate.c"
fi
[ -x "$MUTATE" ] || fail "not executable: $MUTATE"

# Every filter's program; dumpscrub's --inventory judges the others'.
for f in "${FILTERS[@]}"; do
	var=$(printf '%s' "$f" | tr '[:lower:]' '[:upper:]')
	[ -n "${!var:-}" ] || fail "$var must name the $f program"
	[ -x "${!var}" ] || fail "not executable: ${!var}"
done

# AddressSanitizer cannot start under ulimit -v (see tests/maxrow.sh).
VMEM_OK=1
if ! ( (ulimit -v "$VMEM_KB" && exec "$DUMPSCRUB" --version) \
    >/dev/null 2>"$T/err") 2>/dev/null; then
	if grep -q AddressSanitizer "$T/err"; then
		VMEM_OK=0
		printf '# an AddressSanitizer build: no ulimit -v; %s\n' \
		    "by default a third of the mutants (it runs 3 times slower)"
		MUTANTS=${MUTANTS:-$((MUTANTS_DEFAULT / 3))}
	else
		fail "$(printf '%s --version fails under ulimit -v %s' \
		    "$DUMPSCRUB" "$VMEM_KB")"
	fi
fi

MUTANTS=${MUTANTS:-$MUTANTS_DEFAULT}
case $MUTANTS in
'' | *[!0-9]*) fail "MUTANTS: \"$MUTANTS\": expected a number" ;;
esac

# ---- The subjects -------------------------------------------------------

# One line each, separated by US (not white space: an empty field stays
# one): FILTER KIND NAME INPUT (the file mutated) CDIR (the golden case,
# or empty) RULES (a rules file; "gen": made from the dump) SOURCE TARGET
# (dumprelink: the dump relinked, the dump captured) DIAL (--dialect=D, or
# empty) WEIGHT.
US=$'\037'
subject() {
	local IFS=$US
	printf '%s\n' "$*"
}

# dump_name FILE: a name for a golden dump, into DNAME:
# dumpscrub/CASE/input.sql is scrub.CASE, .../target.sql
# scrub.CASE.target; a corpus dump corpus-NAME.
DNAME=''
dump_name() {
	local f=$1 c t
	case $f in
	*/tests/corpus/*.sql)
		c=${f##*/}
		DNAME=corpus-${c%.sql}
		return ;;
	esac
	c=${f%/*}
	t=${c%/*}
	c=${c##*/}
	t=${t##*/dump}
	DNAME=$t.$c
	case $f in */target.sql) DNAME=$DNAME.target ;; esac
}

# case_dialect CASEDIR: the --dialect=D word of the case's cmd, if any,
# into DIAL.
DIAL=''
case_dialect() {
	local line=() w
	DIAL=''
	[ -e "$1/cmd" ] || return 0
	while read -r -a line || [ "${#line[@]}" -gt 0 ]; do
		for w in "${line[@]}"; do
			case $w in --dialect=*) DIAL=$w ;; esac
		done
		line=()
	done <"$1/cmd"
}

# The dumps of every golden case and the corpus, "CRC SIZE FILE" a line
# (cksum's), for other_dumps.
G=$top_srcdir/tests/golden
cksum "$G"/*/*/input.sql "$G"/*/*/target.sql \
    "$top_srcdir/tests/corpus"/*.sql >"$T/sums" 2>/dev/null || :
# other_dumps FILTER: the dumps no golden case of FILTER uses, each once
# (many cases share their input), into OTHERS.
OTHERS=()
other_dumps() {
	mapfile -t OTHERS < <(awk -v own="$G/$1/" '
	    { k = $1 " " $2; f = substr($0, length(k) + 2) }
	    index(f, own) == 1 { mine[k] = 1; next }
	    { sum[NR] = k; file[NR] = f }
	    END {
		for (i = 1; i <= NR; i++)
			if ((i in sum) && !(sum[i] in mine) && !(sum[i] in seen)) {
				seen[sum[i]] = 1
				print file[i]
			}
	    }' "$T/sums")
}

MD=$top_srcdir/tests/mutants.d
: >"$T/subjects"
for f in "${FILTERS[@]}"; do
	if [ -n "${MUTANTS_FILTERS:-}" ] &&
	    [[ " $MUTANTS_FILTERS " != *" $f "* ]]; then
		continue
	fi
	case $f in
	dumpscrub)
		for cdir in "$G/$f"/*/; do
			[ -e "$cdir/input.sql" ] || continue
			cdir=${cdir%/}
			name=${cdir##*/}
			subject "$f" golden "$name" "$cdir/input.sql" "$cdir" \
			    '' '' '' '' 1
		done
		for sql in "$top_srcdir/tests/corpus"/*.sql; do
			[ -e "$sql" ] || continue
			dump_name "$sql"
			name=$DNAME
			subject "$f" corpus "$name" "$sql" '' '' '' '' '' \
			    "$CORPUS_WEIGHT"
		done ;;
	dumpdehydrate)
		for cdir in "$G/$f"/*/; do
			[ -e "$cdir/input.sql" ] || continue
			cdir=${cdir%/}
			name=${cdir##*/}
			subject "$f" dehydrate "$name" "$cdir/input.sql" "$cdir" \
			    '' '' '' '' "$OWN_WEIGHT"
		done
		subject "$f" dehydrate sample-app "$top_srcdir/sample/app.sql" \
		    '' "$top_srcdir/sample/dehydrate.rules" '' '' '' \
		    "$CORPUS_WEIGHT"
		other_dumps "$f"
		for sql in "${OTHERS[@]}"; do
			w=1
			case $sql in */tests/corpus/*) w=$CORPUS_WEIGHT ;; esac
			dump_name "$sql"
			case_dialect "${sql%/*}"
			subject "$f" dehydrate "$DNAME" "$sql" '' \
			    "$MD/dehydrate.rules" '' '' "$DIAL" "$w"
		done ;;
	dumprelink)
		for cdir in "$G/$f"/*/; do
			cdir=${cdir%/}
			name=${cdir##*/}
			[ -e "$cdir/input.sql" ] || continue
			if [ -e "$cdir/target.sql" ]; then
				subject "$f" apply "$name" "$cdir/input.sql" \
				    "$cdir" '' "$cdir/input.sql" \
				    "$cdir/target.sql" '' "$OWN_WEIGHT"
				subject "$f" capture "$name.target" \
				    "$cdir/target.sql" "$cdir" '' \
				    "$cdir/input.sql" "$cdir/target.sql" '' \
				    "$OWN_WEIGHT"
			elif grep -q -- --capture "$cdir/cmd"; then
				# The case captures its input.sql.
				subject "$f" capture "$name" "$cdir/input.sql" \
				    "$cdir" '' "$cdir/input.sql" \
				    "$cdir/input.sql" '' "$OWN_WEIGHT"
			fi
		done
		s=$top_srcdir/sample
		subject "$f" apply sample-app "$s/app.sql" '' \
		    "$s/relink.rules" "$s/app.sql" "$s/staging.sql" '' \
		    "$CORPUS_WEIGHT"
		subject "$f" capture sample-staging "$s/staging.sql" '' \
		    "$s/relink.rules" "$s/app.sql" "$s/staging.sql" '' \
		    "$CORPUS_WEIGHT"
		other_dumps "$f"
		for sql in "${OTHERS[@]}"; do
			dump_name "$sql"
			name=$DNAME
			w=1 rules=gen
			case $sql in
			*/tests/corpus/*)
				w=$CORPUS_WEIGHT
				rules=$MD/${name}.relink.rules ;;
			esac
			case_dialect "${sql%/*}"
			# Its own target: a mutant is relinked, and captured.
			subject "$f" both "$name" "$sql" '' "$rules" "$sql" \
			    "$sql" "$DIAL" "$w"
		done ;;
	esac
done >"$T/subjects"
if [ -n "${MUTANTS_CASES:-}" ]; then
	while IFS= read -r line; do
		IFS=$US read -r f _ name _ <<<"$line"
		if [[ " $MUTANTS_CASES " == *" $name "* ]]; then
			printf '%s\n' "$line"
		fi
	done <"$T/subjects" >"$T/subjects.sel"
	mv "$T/subjects.sel" "$T/subjects"
fi
[ -s "$T/subjects" ] || fail "no input to mutate"

# Share MUTANTS among the filters that have subjects, by SHARES, then
# spread a filter's share over its subjects by weight, at least one each:
# subject s gets the mutants between its cumulated weights' shares, so
# that the counts add up to the filter's share.
SUBJ=()
COUNT=()
declare -A FW=()	# filter -> the sum of its subjects' weights
while IFS= read -r line; do
	SUBJ+=("$line")
	f=${line%%"$US"*}
	FW[$f]=$((${FW[$f]:-0} + ${line##*"$US"}))
done <"$T/subjects"
declare -A FM=()	# filter -> its mutants
ssum=0
for ((k = 0; k < ${#FILTERS[@]}; k++)); do
	[ -n "${FW[${FILTERS[k]}]:-}" ] && ssum=$((ssum + SHARES[k]))
done
cum=0
for ((k = 0; k < ${#FILTERS[@]}; k++)); do
	f=${FILTERS[k]}
	[ -n "${FW[$f]:-}" ] || continue
	FM[$f]=$((MUTANTS * (cum + SHARES[k]) / ssum - MUTANTS * cum / ssum))
	cum=$((cum + SHARES[k]))
done
declare -A FC=()	# filter -> the weights of its subjects so far
for ((s = 0; s < ${#SUBJ[@]}; s++)); do
	f=${SUBJ[s]%%"$US"*}
	w=${SUBJ[s]##*"$US"}
	c=${FC[$f]:-0}
	n=$((FM[$f] * (c + w) / FW[$f] - FM[$f] * c / FW[$f]))
	FC[$f]=$((c + w))
	COUNT+=($((n > 0 ? n : 1)))
done

if [ -n "${MUTANTS_KEEP:-}" ]; then
	KEEP=$MUTANTS_KEEP
	mkdir -p "$KEEP" || fail "cannot create $KEEP"
else
	KEEP=$(mktemp -d "${TMPDIR:-/tmp}/dfmutants.XXXXXX") ||
	    fail "mktemp -d failed"
	# Removed at the end if empty: nothing failed.
	on_exit "rmdir '$KEEP' 2>/dev/null"
fi

# ---- One worker's view ------------------------------------------------

# Per subject, set by subject_setup.
FILTER='' KIND='' PROG='' NAME='' INPUT='' CDIR='' RUNDIR=''
DIALECT=()		# --dialect=D from the case's cmd, for plain runs
RARGS=()		# the case's cmd, INPUT standing for the mutant
RSTDIN=0		# 1: the mutant goes on the rules run's stdin
RULES=0			# 1: do rules runs
RDUMP=0			# 1: a rules run writes a dump (not --check etc.)
STRICT=0		# 1: the cmd has --strict
KEEPT=()		# dumprelink: the rules' keep-table names
DROPROW=0		# dumprelink: the rules say drop-row
KEPTNAMES=''		# dumprelink: the keep-table names, one a line
RELINKED=''		# dumprelink: TABLE TAB COLUMN a line: what is relinked
NULLIFY=0		# dumpdehydrate: the rules say nullify
SRC_INV=0		# dumprelink capture: the source passes --inventory
SRC_ROWS=''		# and its rows, decoded ($DUMPROWS), are in this file
SETUP_WHY=''		# why a subject has no runs
W=''			# the worker's scratch directory
RC=0
WHY=''
ERRTEXT=''

# subject_setup LINE: parse a subject line; for a rules case, copy the
# case directory into the worker's space and run there.
subject_setup() {
	local line=() w rules source target dial
	IFS=$US read -r FILTER KIND NAME INPUT CDIR rules source target dial \
	    _ <<<"$1"
	PROG=$(printf '%s' "$FILTER" | tr '[:lower:]' '[:upper:]')
	PROG=${!PROG}
	DIALECT=() RARGS=() RSTDIN=1 RULES=0 RDUMP=1 STRICT=0 SETUP_WHY=''
	KEEPT=() KEPTNAMES='' RELINKED='' DROPROW=0 NULLIFY=0
	[ -n "$dial" ] && DIALECT=("$dial")
	RUNDIR=$W
	case $FILTER in
	dumpdehydrate)
		setup_dehydrate "$rules"
		return ;;
	dumprelink)
		setup_relink "$rules" "$source" "$target"
		return ;;
	esac
	[ -n "$CDIR" ] && [ -e "$CDIR/cmd" ] || return 0
	while read -r -a line || [ "${#line[@]}" -gt 0 ]; do
		for w in "${line[@]}"; do
			case $w in
			INPUT) RSTDIN=0 ;;
			--dialect=*) DIALECT+=("$w") ;;
			-r | -r?* | --rules | --rules=*) RULES=1 ;;
			--check | --inventory) RDUMP=0 ;;
			--strict) STRICT=1 ;;
			esac
			RARGS+=("$w")
		done
		line=()
	done <"$CDIR/cmd"
	[ "$RULES" = 1 ] || return 0
	RUNDIR=$W/case
	rm -rf "$RUNDIR"
	cp -R "$CDIR" "$RUNDIR"
	# Rules that do not load (the rule-syntax cases) say nothing about
	# the dump: no rules runs for them.
	RC=0
	with_input /dev/null
	(cd "$RUNDIR" &&
	    exec timeout -k 2 "$RUN_TIMEOUT" "$PROG" "${ARGV[@]}") \
	    </dev/null >/dev/null 2>&1 || RC=$?
	[ "$RC" = 2 ] && RULES=0
	return 0
}

# read_cmd CASEDIR: the words of the case's cmd into RARGS; sets RSTDIN,
# RDUMP, STRICT and DIALECT as subject_setup does.
read_cmd() {
	local line=() w
	RARGS=()
	while read -r -a line || [ "${#line[@]}" -gt 0 ]; do
		for w in "${line[@]}"; do
			case $w in
			INPUT) RSTDIN=0 ;;
			--dialect=*) DIALECT+=("$w") ;;
			--explain) RDUMP=0 ;;
			--strict) STRICT=1 ;;
			esac
			RARGS+=("$w")
		done
		line=()
	done <"$1/cmd"
}

# case_dir: a fresh RUNDIR, a copy of CDIR (if any) without expectations.
case_dir() {
	RUNDIR=$W/case
	rm -rf "$RUNDIR"
	if [ -n "$CDIR" ]; then
		cp -R "$CDIR" "$RUNDIR"
		rm -f "$RUNDIR"/expected.*
	else
		mkdir "$RUNDIR"
	fi
}

# setup_dehydrate RULES: a golden case's cmd, or -r rules INPUT with a
# copy of RULES; no runs when the rules do not load.
setup_dehydrate() {
	local r
	case_dir
	RULES=1
	NULLIFY=0
	r=$1
	[ -n "$CDIR" ] && r=$CDIR/rules
	grep -q nullify "$r" 2>/dev/null && NULLIFY=1
	if [ -z "$CDIR" ]; then
		# Rules of ours: they load.
		cp "$1" "$RUNDIR/rules"
		RARGS=("${DIALECT[@]}" -r rules INPUT)
		RSTDIN=0
		return 0
	fi
	read_cmd "$CDIR"
	RC=0
	with_input /dev/null
	(cd "$RUNDIR" &&
	    exec timeout -k 2 "$RUN_TIMEOUT" "$PROG" "${ARGV[@]}") \
	    </dev/null >/dev/null 2>&1 || RC=$?
	if [ "$RC" = 2 ]; then
		RULES=0
		SETUP_WHY='the rules do not load'
	fi
	return 0
}

# gen_relink_rules: rules for the dump RUNDIR/input.sql, from its
# inventory, into RUNDIR/rules: the first table with plain names (words
# the rules need not quote) and two columns or more gets its second
# column relinked by its first (the pointer "mutants"); the first column
# of the next such table is relinked by value; the next such table is
# kept; a missing key keeps its value.  Without such tables: keep-table
# /./.  With the dump its own target, a relink changes no value.
gen_relink_rules() {
	local LC_ALL=C l f=() j cols t1='' tv='' tk='' re
	re='^([A-Za-z_][A-Za-z0-9_]*\.)?[A-Za-z_][A-Za-z0-9_]*$'
	run "$W/src.inv" "$DUMPSCRUB" --inventory "${DIALECT[@]}" \
	    "$RUNDIR/input.sql" </dev/null
	SRC_INV=0
	if [ "$RC" = 0 ]; then
		SRC_INV=1
		while IFS= read -r l; do
			[[ $l == '#'* ]] && continue
			IFS=$'\t' read -r -a f <<<"$l"
			[[ ${f[0]} =~ $re ]] || continue
			cols=()
			for ((j = 5; j < ${#f[@]}; j++)); do
				[[ ${f[j]%% *} =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] ||
				    break
				cols+=("${f[j]%% *}")
			done
			if [ -z "$t1" ] && [ "${#cols[@]}" -ge 2 ]; then
				t1="table ${f[0]} {"$'\n'
				t1+=$'\t'"${cols[1]} relink mutants by ${cols[0]}"
				t1+=$'\n}\n'
			elif [ -n "$t1" ] && [ -z "$tv" ] &&
			    [ "${#cols[@]}" -ge 1 ]; then
				tv="table ${f[0]} {"$'\n'
				tv+=$'\t'"${cols[0]} relink mutants"$'\n}\n'
			elif [ -n "$tv" ] && [ -z "$tk" ]; then
				tk="keep-table ${f[0]}"$'\n'
			fi
		done <"$W/src.inv"
	fi
	if [ -n "$t1" ]; then
		printf '%s%s%s%s\n' "$t1" "$tv" "$tk" 'missing mutants keep' \
		    >"$RUNDIR/rules"
	else
		printf 'keep-table /./\n' >"$RUNDIR/rules"
	fi
}

# relink_ready: capture RUNDIR/target.sql into RUNDIR/keymap; true when it
# and (unless the case expects otherwise) an apply of input.sql exit 0.
relink_ready() {
	RC=0
	(cd "$RUNDIR" && exec timeout -k 2 "$RUN_TIMEOUT" "$PROG" \
	    "${DIALECT[@]}" --capture -r rules -o keymap target.sql) \
	    </dev/null >/dev/null 2>&1 || RC=$?
	[ "$RC" = 0 ] || return 1
	[ -n "$CDIR" ] && return 0
	with_input input.sql
	(cd "$RUNDIR" &&
	    exec timeout -k 2 "$RUN_TIMEOUT" "$PROG" "${ARGV[@]}") \
	    </dev/null >/dev/null 2>&1 || RC=$?
	[ "$RC" = 0 ]
}

# setup_relink RULES SOURCE TARGET: RUNDIR holds rules, input.sql (the
# source), target.sql and keymap, the unmutated target's key map (not
# for a case whose target does not capture); the apply command in RARGS.
setup_relink() {
	local rules=$1 w l tb re
	# A column rule "COLUMN relink ...", COLUMN maybe "quoted".
	re='^[[:space:]]*("([^"]|"")*"|[^[:space:]]+)[[:space:]]+'
	re+='relink([[:space:]]|$)'
	case_dir
	[ -e "$RUNDIR/input.sql" ] || cp "$2" "$RUNDIR/input.sql"
	[ -e "$RUNDIR/target.sql" ] || cp "$3" "$RUNDIR/target.sql"
	RARGS=("${DIALECT[@]}" -r rules -k keymap INPUT)
	RSTDIN=0
	SRC_INV=''		# not known yet
	if [ -n "$CDIR" ] && ! grep -q -- --capture "$CDIR/cmd"; then
		read_cmd "$CDIR"
		for ((w = 0; w < ${#RARGS[@]}; w++)); do
			[ "${RARGS[w]}" = KEYMAP ] && RARGS[w]=keymap
		done
	fi
	case $rules in
	'') ;;
	gen) gen_relink_rules ;;
	*) cp "$rules" "$RUNDIR/rules" ;;
	esac
	RULES=1
	if ! relink_ready; then
		if [ "$rules" = gen ]; then
			# A first column that is no key, say: keep the tables.
			printf 'keep-table /./\n' >"$RUNDIR/rules"
			relink_ready || RULES=0
		elif [ -n "$CDIR" ] && [ "$KIND" = capture ] &&
		    [ ! -e "$CDIR/target.sql" ]; then
			: # a --capture case: it may refuse its input
		else
			RULES=0
		fi
	fi
	if [ "$RULES" = 0 ]; then
		SETUP_WHY="the unmutated dump does not relink (exit $RC)"
		# No rules made here fit the dump: nothing to sweep.
		[ "$rules" = gen ] && SETUP_WHY=''
		return 0
	fi
	# What the output's inventory may change: the keep-table tables.
	KEEPT=() DROPROW=0 KEPTNAMES='' RELINKED='' tb=''
	while IFS= read -r l; do
		read -r -a w <<<"$l"
		[ "${#w[@]}" -gt 0 ] || continue
		case ${w[0]} in
		keep-table)
			for l in "${w[@]:1}"; do
				[ "$l" = '{' ] && break
				l=${l%,}
				[ -n "$l" ] && KEEPT+=("$l")
				KEPTNAMES+=$l$'\n'
			done ;;
		table)
			tb=${l#*table}
			tb=${tb%'{'*}
			tb=${tb# }
			tb=${tb% } ;;
		'}') tb='' ;;
		missing) [[ " ${w[*]} " == *" drop-row "* ]] && DROPROW=1 ;;
		*)
			if [ -n "$tb" ] && [[ $l =~ $re ]]; then
				RELINKED+=$tb$'\t'${BASH_REMATCH[1]}$'\n'
			fi ;;
		esac
	done <"$RUNDIR/rules"
	if [ "$KIND" != apply ] && [ -z "$SRC_INV" ]; then
		SRC_INV=0
		run "$W/src.inv" "$DUMPSCRUB" --inventory "${DIALECT[@]}" \
		    "$RUNDIR/input.sql" </dev/null
		[ "$RC" = 0 ] && SRC_INV=1
	fi
	SRC_ROWS=''
	if [ "$SRC_INV" = 1 ] && [ -n "$DUMPROWS" ] &&
	    [ "${#DIALECT[@]}" = 0 ]; then
		run "$W/src.rows" "$DUMPROWS" "$RUNDIR/input.sql" </dev/null
		[ "$RC" = 0 ] && SRC_ROWS=$W/src.rows
	fi
	return 0
}

# run OUT ARGS...: run the filter (stdin as given) under timeout, its
# stdout to OUT, its stderr to $W/err; the status in RC.
OUT=''
run() {
	OUT=$1
	shift
	RC=0
	timeout -k 2 "$RUN_TIMEOUT" "$@" >"$OUT" 2>"$W/err" || RC=$?
}

# with_input MUT: the case's cmd into ARGV, MUT for the word INPUT.
ARGV=()
with_input() {
	local w
	ARGV=()
	for w in "${RARGS[@]}"; do
		[ "$w" = INPUT ] && w=$1
		ARGV+=("$w")
	done
}

# read_err: $W/err into ERRTEXT and ERRLINES; false (WHY) when it holds
# a NUL byte or says the memory ran out.
ERRLINES=()
read_err() {
	ERRTEXT=''
	ERRLINES=()
	# read -d '' succeeds only when it met a NUL before the end.
	if IFS= read -r -d '' ERRTEXT <"$W/err"; then
		WHY='a NUL byte on stderr'
		return 1
	fi
	[ -n "$ERRTEXT" ] && mapfile -t ERRLINES <<<"${ERRTEXT%$'\n'}"
	if [[ $ERRTEXT == *"out of memory"* ]]; then
		WHY='out of memory'
		return 1
	fi
	return 0
}

# status_ok ALLOWED...: RC is one of ALLOWED, else WHY.
status_ok() {
	local a
	for a in "$@"; do
		[ "$RC" = "$a" ] && return 0
	done
	case $RC in
	124 | 137) WHY="timed out after $RUN_TIMEOUT s (exit $RC)" ;;
	126 | 127) WHY="the program cannot run (exit $RC)" ;;
	1[2-9][0-9] | 2[0-5][0-9])
		WHY="killed by signal $((RC - 128)) (exit $RC)" ;;
	*) WHY="exit status $RC (allowed: $*)" ;;
	esac
	return 1
}

# one_line: stderr is exactly one line "FILTER: ...".
one_line() {
	if [ "${#ERRLINES[@]}" != 1 ] || [[ $ERRTEXT != *$'\n' ]] ||
	    [[ ${ERRLINES[0]} != "$FILTER: "* ]]; then
		WHY="exit $RC; stderr is not one line \"$FILTER: ...\""
		return 1
	fi
}

# all_lines PATTERN: every stderr line matches PATTERN (a bash pattern).
all_lines() {
	local l
	[[ $ERRTEXT == *$'\n' ]] || return 1
	for l in "${ERRLINES[@]}"; do
		# shellcheck disable=SC2053  # the right side is a pattern
		[[ $l == $1 ]] || return 1
	done
}

# strict_findings: every stderr line is a --strict finding (or their
# count), or a warning about a rule at its position (--check).
strict_findings() {
	local l re_pos="^$FILTER: [^ ]+:[0-9]+:[0-9]+: "
	[[ $ERRTEXT == *$'\n' ]] || return 1
	for l in "${ERRLINES[@]}"; do
		[[ $l == "$FILTER: --strict: "* || $l =~ $re_pos ]] || return 1
	done
}

# cannot_hold: every stderr line is a rule's position and what cannot
# hold, or the count of such rules (exit 2 with rules and a dump whose
# schema the mutation changed).
cannot_hold() {
	local l re_pos re_sum
	re_pos="^$FILTER: [^ ]+:[0-9]+:[0-9]+: "
	re_sum="^$FILTER: [0-9]+ rules? cannot hold for the dump's schema$"
	[[ $ERRTEXT == *$'\n' ]] || return 1
	for l in "${ERRLINES[@]}"; do
		[[ $l =~ $re_pos || $l =~ $re_sum ]] || return 1
	done
}

# no_stderr: stderr is empty.
no_stderr() {
	if [ -n "$ERRTEXT" ]; then
		WHY="exit 0 with stderr"
		return 1
	fi
}

# check_plain MUT: the plain (no rules) run.
check_plain() {
	local mut=$1
	run "$W/out" "$PROG" "${DIALECT[@]}" "$mut" </dev/null
	read_err || return 1
	status_ok 0 1 || return 1
	if [ "$RC" = 1 ]; then
		one_line
		return
	fi
	no_stderr || return 1
	if ! cmp -s "$mut" "$W/out"; then
		WHY="exit 0 without rules, but the output is not the input"
		return 1
	fi
}

# check_inventory MUT: the --inventory run; keeps its output in $W/inv.
INV_RC=0
check_inventory() {
	local mut=$1
	run "$W/inv" "$PROG" --inventory "${DIALECT[@]}" "$mut" </dev/null
	INV_RC=$RC
	read_err || return 1
	status_ok 0 1 || return 1
	if [ "$RC" = 1 ]; then
		one_line
		return
	fi
	no_stderr
}

# inv_rows FILE: the inventory without its bytes column, into INV.
INV=()
inv_rows() {
	# Bytes, not characters: a name may hold invalid UTF-8.
	local LC_ALL=C l re=$'^(([^\t]*\t){4})[^\t]*(.*)$'
	INV=()
	while IFS= read -r l; do
		[[ $l =~ $re ]] && l=${BASH_REMATCH[1]}${BASH_REMATCH[3]}
		INV+=("$l")
	done <"$1"
}

# check_rules MUT: the rules run, then the inventory of its output.
check_rules() {
	local mut=$1 a b i
	if [ "$RSTDIN" = 1 ]; then
		run "$W/out" "$PROG" "${RARGS[@]}" <"$mut"
	else
		with_input "$mut"
		run "$W/out" "$PROG" "${ARGV[@]}" </dev/null
	fi
	read_err || return 1
	status_ok 0 1 2 || return 1
	case $RC in
	2)
		cannot_hold && return 0
		WHY="exit 2, but stderr is not about rules that cannot hold"
		return 1 ;;
	1)
		one_line && return 0
		if [ "$STRICT" = 1 ] && strict_findings; then
			return 0
		fi
		return 1 ;;
	esac
	if [ -n "$ERRTEXT" ] && ! all_lines "$FILTER: *"; then
		WHY="exit 0, stderr lines not \"$FILTER: ...\""
		return 1
	fi
	[ "$RDUMP" = 1 ] && [ "$INV_RC" = 0 ] || return 0
	# The mutant was a readable dump: so must the scrubbed one be.
	run "$W/inv2" "$PROG" --inventory "${DIALECT[@]}" "$W/out" </dev/null
	if [ "$RC" != 0 ]; then
		WHY="exit 0 with rules, but --inventory of the output exits"
		WHY="$WHY $RC: $(head -c 300 "$W/err")"
		return 1
	fi
	inv_rows "$W/inv"
	a=("${INV[@]}")
	inv_rows "$W/inv2"
	b=("${INV[@]}")
	if [ "${#a[@]}" != "${#b[@]}" ]; then
		WHY="exit 0 with rules, but the output's inventory has"
		WHY="$WHY ${#b[@]} lines, the input's ${#a[@]}"
		return 1
	fi
	for ((i = 0; i < ${#a[@]}; i++)); do
		if [ "${a[i]}" != "${b[i]}" ]; then
			WHY="exit 0 with rules, but the output's inventory"
			WHY="$WHY differs: \"${a[i]//$'\t'/ }\" became"
			WHY="$WHY \"${b[i]//$'\t'/ }\""
			return 1
		fi
	done
}

# ---- dumpdehydrate and dumprelink -------------------------------------

# run_cmd MUT: the case's command (RARGS) on MUT, output to $W/out.
run_cmd() {
	if [ "$RSTDIN" = 1 ]; then
		run "$W/out" "$PROG" "${RARGS[@]}" <"$1"
	else
		with_input "$1"
		run "$W/out" "$PROG" "${ARGV[@]}" </dev/null
	fi
}

# is_warning LINE: LINE is one of the warnings of dumpdehydrate and
# dumprelink, which do not change the exit status: about a rule, at its
# position (the rules file is "rules" in every run here), a foreign key
# "ignored", kept rows that reference rows the dump lacks, a pointer the
# target gave no key.
is_warning() {
	[[ $1 =~ ^$FILTER:\ rules:[0-9]+(:[0-9]+)?:\  ]] ||
	    [[ $1 == "$FILTER: "*": ignored" ]] ||
	    [[ $1 == "$FILTER: "*" kept rows reference rows that are not in"* ]] ||
	    [[ $1 == "$FILTER: relink "*": the target dump gave no key for"* ]]
}

# verdict_ok: the status and stderr of a dehydrate, apply or capture run
# are allowed (else false, and WHY): exit 2: warnings and rule positions,
# the last line one; exit 1: warnings, then one line "FILTER: ...", or
# with --strict its findings; exit 0: warnings.  A line said twice is a
# failure too.
verdict_ok() {
	local i n last
	read_err || return 1
	status_ok 0 1 2 || return 1
	[[ -z $ERRTEXT || $ERRTEXT == *$'\n' ]] || {
		WHY="exit $RC; stderr does not end with a newline"
		return 1
	}
	n=${#ERRLINES[@]}
	last=$n
	[ "$RC" = 0 ] || last=$((n - 1))
	[ "$RC" = 1 ] && [ "$STRICT" = 1 ] && strict_findings && return 0
	for ((i = 0; i < last; i++)); do
		is_warning "${ERRLINES[i]}" && continue
		[ "$RC" = 2 ] && cannot_hold_line "${ERRLINES[i]}" && continue
		WHY="exit $RC; stderr line $((i + 1)) is not a warning"
		return 1
	done
	case $RC in
	2)
		if [ "$n" = 0 ] || ! cannot_hold_line "${ERRLINES[n - 1]}"; then
			WHY="exit 2, but stderr is not rule positions"
			return 1
		fi ;;
	1)
		if [ "$n" = 0 ] || [[ ${ERRLINES[n - 1]} != "$FILTER: "* ]]; then
			WHY="exit 1; stderr does not end with \"$FILTER: ...\""
			return 1
		fi ;;
	esac
	if [ "$n" -gt 1 ] &&
	    [ "$(printf '%s\n' "${ERRLINES[@]}" | LC_ALL=C sort |
	    LC_ALL=C uniq -d)" != '' ]; then
		WHY="exit $RC; a line said twice on stderr"
		return 1
	fi
	return 0
}

# cannot_hold_line LINE: a rule's position (in "rules", the rules file of
# every run here) and what cannot hold (or the count of such rules); or,
# found at a row, the row's position, what, and "(rule at rules:LINE)".
cannot_hold_line() {
	local re_pos re_sum re_at
	re_pos="^$FILTER: rules:[0-9]+:[0-9]+: "
	re_sum="^$FILTER: [0-9]+ rules? cannot hold for the dump's schema$"
	re_at="^$FILTER: .* \(rule at rules:[0-9]+(:[0-9]+)?\)$"
	[[ $1 =~ $re_pos || $1 =~ $re_sum || $1 =~ $re_at ]]
}

# kept_table NAME: NAME (as --inventory writes it) is a keep-table table
# of the rules: the last part of the name, unquoted, against each
# keep-table name's (case-insensitive), or a /regex/.
kept_table() {
	local n=${1//\"/} k re
	n=${n##*.}
	for k in "${KEEPT[@]}"; do
		if [[ $k == /*/ ]]; then
			re=${k:1:${#k}-2}
			[[ $1 =~ $re ]] && return 0
			continue
		fi
		k=${k//\"/}
		k=${k##*.}
		[ "${k,,}" = "${n,,}" ] && return 0
	done
	return 1
}

# forms_within A B: every form of the list B is in the list A.
forms_within() {
	local f
	for f in ${2//,/ }; do
		[[ ",$1," == *",$f,"* ]] || return 1
	done
}

# same_tables MODE A B: inventory B (the output's) has the tables of
# inventory A (the input's), with the same dialect and columns, and per
# table: MODE fewer: no more rows, only forms of A ("-": no row); equal:
# the same rows and forms; keep: keep-table tables as they like, the
# others equal, or fewer with drop-row.  Not their order: a table whose
# rows precede its CREATE TABLE moves when they go.  A table of A without
# columns (its CREATE TABLE not understood, known by its rows) may be
# missing from B when its rows may be dropped.
same_tables() {
	local mode=$1 LC_ALL=C re l m ta tb
	# Not unset: it would expand the subscript, a name, again.
	local -A bl=() seen=()
	re=$'^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t[^\t]*(.*)$'
	while IFS= read -r l; do
		[[ $l == '#'* ]] && continue
		if ! [[ $l =~ $re ]]; then
			WHY="the output's inventory line \"$l\" not understood"
			return 1
		fi
		bl[${BASH_REMATCH[1]}]=$l
	done <"$3"
	while IFS= read -r l; do
		[[ $l == '#'* ]] && continue
		if ! [[ $l =~ $re ]]; then
			WHY="the input's inventory line \"$l\" not understood"
			return 1
		fi
		ta=("${BASH_REMATCH[@]:1}")
		m=$mode
		if [ "$m" = keep ]; then
			m=equal
			[ "$DROPROW" = 1 ] && m=fewer
			kept_table "${ta[0]}" && m=any
		fi
		if [ -z "${bl[${ta[0]}]+set}" ]; then
			if [ -z "${ta[4]}" ] &&
			    { [ "$m" != equal ] || [ "${ta[3]}" = 0 ]; }; then
				continue
			fi
			WHY="the output's inventory lacks \"${l//$'\t'/ }\""
			return 1
		fi
		[[ ${bl[${ta[0]}]} =~ $re ]]
		tb=("${BASH_REMATCH[@]:1}")
		seen[${ta[0]}]=1
		if [ "${ta[1]}" != "${tb[1]}" ] || [ "${ta[4]}" != "${tb[4]}" ] ||
		    { [ "$m" = equal ] &&
		      [ "${ta[2]} ${ta[3]}" != "${tb[2]} ${tb[3]}" ]; } ||
		    { [ "$m" = fewer ] &&
		      { [ "${tb[3]}" -gt "${ta[3]}" ] ||
		        { [ "${tb[2]}" != - ] &&
			  ! forms_within "${ta[2]}" "${tb[2]}"; }; }; }; then
			WHY="the output's inventory differs: \"${l//$'\t'/ }\""
			WHY="$WHY became \"${bl[${ta[0]}]//$'\t'/ }\""
			return 1
		fi
	done <"$2"
	for l in "${!bl[@]}"; do
		[ -n "${seen[$l]+set}" ] && continue
		l=${bl[$l]}
		WHY="the output's inventory has another table: \"${l//$'\t'/ }\""
		return 1
	done
}

# judge_output MODE INV ROWS: exit 0 with a dump written: the output
# passes --inventory, its tables are those of INV (an inventory) as
# same_tables MODE says, its rows those of ROWS as same_rows MODE says.
judge_output() {
	local why rows=$3 l
	run "$W/inv2" "$DUMPSCRUB" --inventory "${DIALECT[@]}" "$W/out" \
	    </dev/null
	if [ "$RC" = 1 ] && [ "${#DIALECT[@]}" = 0 ] &&
	    grep -q 'cannot tell whether' "$W/err"; then
		# An input told by its rows, not by a header, gives an
		# output without them: it has the input's dialect.  (No
		# dumprows then: it has no --dialect.)
		while IFS=$'\t' read -r l l _; do
			[[ $l == dialect ]] || break
		done <"$2"
		if [ -n "$l" ] && [ "$l" != dialect ]; then
			run "$W/inv2" "$DUMPSCRUB" --inventory --dialect="$l" \
			    "$W/out" </dev/null
			rows=''
		fi
	fi
	if [ "$RC" != 0 ]; then
		WHY="exit 0, but --inventory of the output exits $RC:"
		WHY="$WHY $(head -c 300 "$W/err")"
		return 1
	fi
	if same_tables "$1" "$2" "$W/inv2" && same_rows "$1" "$2" "$rows"; then
		return 0
	fi
	why=$WHY
	WHY="exit 0, but $why"
	return 1
}

# same_rows MODE INV ROWS: the rows of the output, decoded by $DUMPROWS
# (tests/dumprows: a line per row, its table and its fields in the
# table's column order), against ROWS, the input's (empty: not known, no
# check), INV the input's inventory: MODE fewer: every output row is a
# row of the input, each once (with nullify in the rules, a field may
# have become NULL); keep: but for the keep-table tables, the same rows
# (with drop-row, some fewer) once the columns the rules relink are left
# out.  Values, not only counts: nothing mangled.
same_rows() {
	local out
	[ -n "$3" ] || return 0
	run "$W/rows2" "$DUMPROWS" "$W/out" </dev/null
	if [ "$RC" != 0 ]; then
		WHY="dumprows of the output exits $RC: $(head -c 300 "$W/err")"
		return 1
	fi
	out=$(LC_ALL=C awk -v mode="$1" -v nullify="$NULLIFY" \
	    -v kept="$KEPTNAMES" -v relinked="$RELINKED" \
	    -v droprow="$DROPROW" '
	# The last part of a name, unquoted, in lower case.
	function base(t) {
		gsub(/"/, "", t)
		sub(/.*\./, "", t)
		return tolower(t)
	}
	# Table t is n, or a partition of n (n_...).
	function is(t, n) {
		t = base(t)
		return t == n || index(t, n "_") == 1
	}
	# A keep-table table, or a relinked one without columns.
	function iskept(t,   i) {
		if (mode != "keep")
			return 0
		if (!(t in km)) {
			km[t] = allkept
			for (i = 1; i <= nk; i++)
				if (is(t, kn[i]))
					km[t] = 1
		}
		return km[t]
	}
	# Row r with the relinked fields left out.
	function masked(r,   f, k, i, o) {
		k = split(r, f, "\t")
		o = f[1]
		for (i = 2; i <= k; i++)
			o = o "\t" ((f[1], i) in mask ? "*" : f[i])
		return o
	}
	# A row of the input that r is with some fields made NULL.
	function nulled(r,   k, o, i, f, j, ok) {
		k = split(r, o, "\t")
		for (i = 1; i <= cnt[o[1]]; i++) {
			if (n[rows[o[1], i]] <= 0 ||
			    split(rows[o[1], i], f, "\t") != k)
				continue
			ok = 1
			for (j = 2; j <= k && ok; j++)
				ok = o[j] == f[j] || o[j] == "\\N"
			if (ok) {
				n[rows[o[1], i]]--
				return 1
			}
		}
		return 0
	}
	BEGIN {
		FS = "\t"
		nk = split(kept, kn, "\n")
		for (i = 1; i <= nk; i++)
			if (substr(kn[i], 1, 1) == "/")
				allkept = 1	# keep-table /regex/
			else
				kn[i] = base(kn[i])
		nr = split(relinked, rl, "\n")
	}
	# The inventory: which fields of which table are relinked.  A table
	# without columns (its CREATE TABLE not understood) has its rows
	# in the order of its data statement: not compared if relinked.
	FILENAME == ARGV[1] {
		if ($0 ~ /^#/)
			next
		for (i = 1; i <= nr && NF < 6; i++) {
			split(rl[i], p, "\t")
			if (is($1, base(p[1])))
				km[$1] = 1
		}
		for (j = 6; j <= NF; j++) {
			c = $j
			sub(/ .*/, "", c)
			for (i = 1; i <= nr; i++) {
				split(rl[i], p, "\t")
				if (is($1, base(p[1])) && base(c) == base(p[2]))
					mask[$1, j - 4] = 1
			}
		}
		next
	}
	FILENAME == ARGV[2] {
		if (iskept($1))
			next
		r = masked($0)
		n[r]++
		rows[$1, ++cnt[$1]] = r
		next
	}
	iskept($1) { next }
	{ r = masked($0) }
	n[r] > 0 { n[r]--; next }
	nullify && nulled(r) { next }
	{
		print "the output has a row the input lacks: " substr($0, 1, 200)
		bad = 1
		exit
	}
	END {
		if (bad || mode != "keep" || droprow)
			exit
		for (r in n)
			if (n[r] > 0) {
				print "the output lacks a row: " substr(r, 1, 200)
				exit
			}
	}' "$2" "$3" "$W/rows2")
	[ -z "$out" ] && return 0
	WHY=$out
	return 1
}

# mutant_rows MUT: MUT decoded by $DUMPROWS into $W/rows, and that path
# in ROWS; ROWS empty when there is no $DUMPROWS, a --dialect, or MUT does
# not decode.
ROWS=''
mutant_rows() {
	ROWS=''
	[ -n "$DUMPROWS" ] && [ "${#DIALECT[@]}" = 0 ] || return 0
	run "$W/rows" "$DUMPROWS" "$1" </dev/null
	[ "$RC" = 0 ] && ROWS=$W/rows
	return 0
}

# mutant_inventory MUT: true when MUT passes --inventory, into $W/inv.
mutant_inventory() {
	run "$W/inv" "$DUMPSCRUB" --inventory "${DIALECT[@]}" "$1" </dev/null
	[ "$RC" = 0 ]
}

# check_dehydrate MUT: the case's cmd on the mutant.
check_dehydrate() {
	local mut=$1
	run_cmd "$mut"
	verdict_ok || return 1
	[ "$RC" = 0 ] && [ "$RDUMP" = 1 ] || return 0
	mutant_inventory "$mut" || return 0
	mutant_rows "$mut"
	judge_output fewer "$W/inv" "$ROWS"
}

# check_apply MUT: the case's cmd on the mutated source, with the key map
# of the unmutated target.
check_apply() {
	local mut=$1
	run_cmd "$mut"
	verdict_ok || return 1
	[ "$RC" = 0 ] || return 0
	mutant_inventory "$mut" || return 0
	mutant_rows "$mut"
	judge_output keep "$W/inv" "$ROWS"
}

# check_capture MUT: a capture of the mutated target; the key map it
# writes then relinks the unmutated source.
STEP=''
check_capture() {
	local mut=$1 t
	STEP=capture
	# A crash leaves its temporary file: reported once, then gone.
	rm -f mutant.keymap .mutant.keymap.*
	run "$W/out" "$PROG" "${DIALECT[@]}" --capture -r rules \
	    -o mutant.keymap "$mut" </dev/null
	verdict_ok || return 1
	for t in .mutant.keymap.*; do
		if [ -e "$t" ]; then
			WHY="exit $RC, and a temporary file is left: $t"
			return 1
		fi
	done
	if [ "$RC" != 0 ]; then
		if [ -e mutant.keymap ]; then
			WHY="exit $RC, but -o mutant.keymap was written"
			return 1
		fi
		return 0
	fi
	if [ -s "$W/out" ] || [ ! -f mutant.keymap ]; then
		WHY="exit 0, but stdout is not empty or no key map written"
		return 1
	fi
	STEP=apply
	capture_argv
	run "$W/out" "$PROG" "${ARGV[@]}" <"$CAP_STDIN"
	# A key map from a damaged dump may be refused, never crash it.
	verdict_ok || return 1
	[ "$RC" = 0 ] && [ "$SRC_INV" = 1 ] || return 0
	judge_output keep "$W/src.inv" "$SRC_ROWS"
}

# capture_argv: the apply command after a capture into ARGV: the
# mutant's key map, the unmutated source; its stdin in CAP_STDIN.
CAP_STDIN=/dev/null
capture_argv() {
	local w
	ARGV=()
	CAP_STDIN=/dev/null
	[ "$RSTDIN" = 1 ] && CAP_STDIN=input.sql
	for w in "${RARGS[@]}"; do
		case $w in
		INPUT) w=input.sql ;;
		keymap) w=mutant.keymap ;;
		esac
		ARGV+=("$w")
	done
}

# keep_failure SUBJ I DESC KIND MUT: save the reproducer and describe it
# in the worker's failure file.
keep_failure() {
	local s=$1 i=$2 desc=$3 kind=$4 mut=$5 d cmd cap
	d=$KEEP/$FILTER-$NAME-m$i-$kind
	rm -rf "$d"
	mkdir -p "$d"
	case $kind in
	rules)
		cp -R "$CDIR/." "$d/"
		rm -f "$d"/expected.* ;;
	dehydrate | apply | capture)
		cp -R "$RUNDIR/." "$d/" ;;
	esac
	cp "$mut" "$d/mutant.sql"
	cp "$OUT" "$d/stdout"
	if [ "$kind" != plain ] && [ "$kind" != inventory ] &&
	    [ "$OUT" != "$W/out" ]; then
		cp "$W/out" "$d/filtered.sql"
	fi
	cp "$W/err" "$d/stderr"
	printf '%s\n' "$WHY" >"$d/why"
	case $kind in
	plain) cmd=$(printf ' %q' "${DIALECT[@]}" mutant.sql) ;;
	inventory) cmd=$(printf ' %q' --inventory "${DIALECT[@]}" mutant.sql) ;;
	rules | dehydrate | apply)
		if [ "$RSTDIN" = 1 ]; then
			cmd="$(printf ' %q' "${RARGS[@]}") < mutant.sql"
		else
			with_input mutant.sql
			cmd=$(printf ' %q' "${ARGV[@]}")
		fi ;;
	capture)
		cmd=$(printf ' %q' "${DIALECT[@]}" --capture -r rules \
		    -o mutant.keymap mutant.sql)
		if [ "$STEP" = apply ]; then
			capture_argv
			cap=$(printf ' %q' "${ARGV[@]}")
			[ "$RSTDIN" = 1 ] && cap="$cap < input.sql"
			cmd="$cmd && $(printf '%q' "$PROG")$cap"
			kind="capture, then apply"
		fi ;;
	esac
	cmd="DUMPFILTERS_KEY='$DUMPFILTERS_KEY' $(printf '%q' "$PROG")$cmd"
	cmd="cd $(printf '%q' "$d") && $cmd"
	printf '%s\n' "$cmd" >"$d/cmd.sh"
	{
		printf '# FAIL %s %s mutant %s (%s): %s run: %s\n' "$FILTER" \
		    "$NAME" "$i" "$desc" "$kind" "$WHY"
		head -n 3 "$W/err" | cut -c1-200 | sed 's/^/#   stderr: /'
		printf '#   remake the mutant: %q -s %q -f %s %q\n' \
		    "$KEEP/mutate" "$SEED:$NAME" "$i" "$INPUT"
		printf '#   reproduce: %s\n' "$cmd"
	} >>"$T/fail.$s"
}

# do_subject S: mutate subject S and run every mutant; "mutants runs
# failures" go to $T/res.S.
do_subject() {
	local s=$1 n=${COUNT[$1]} i desc mut runs=0 fails=0 kind kinds
	subject_setup "${SUBJ[s]}"
	if [ -n "$SETUP_WHY" ]; then
		printf '0 0 1\n' >"$T/res.$s"
		printf '# %s %s: %s\n' "$FILTER" "$NAME" "$SETUP_WHY" \
		    >>"$T/fail.$s"
		return
	fi
	case $FILTER:$KIND in
	dumpscrub:*) kinds='plain inventory rules' ;;
	dumpdehydrate:*) kinds=dehydrate ;;
	*:both) kinds='apply capture' ;;
	*) kinds=$KIND ;;
	esac
	if [ "$FILTER" != dumpscrub ] && [ "$RULES" = 0 ]; then
		# No rules fit the dump (dumprelink): no run.
		printf '0 0 0\n' >"$T/res.$s"
		return
	fi
	rm -rf "$W/m"
	mkdir "$W/m"
	"$MUTATE" -d "$W/m" -n "$n" -s "$SEED:$NAME" "$INPUT" >"$W/desc" ||
	    { printf '0 0 1\n' >"$T/res.$s"
	      printf '# %s: the mutator failed\n' "$NAME" >>"$T/fail.$s"
	      return; }
	cd "$RUNDIR"
	while IFS=$'\t' read -r i desc; do
		mut=$W/m/m$i.sql
		for kind in $kinds; do
			[ "$kind" = rules ] && [ "$RULES" = 0 ] && continue
			runs=$((runs + 1))
			WHY=''
			"check_$kind" "$mut" && continue
			fails=$((fails + 1))
			keep_failure "$s" "$i" "$desc" "$kind" "$mut"
		done
	done <"$W/desc"
	cd "$T"
	printf '%s %s %s\n' "$n" "$runs" "$fails" >"$T/res.$s"
}

# worker K: subjects K, K + JOBS, ...
worker() {
	local k=$1 s
	W=$T/w$k
	mkdir -p "$W"
	[ "$VMEM_OK" = 1 ] && ulimit -v "$VMEM_KB"
	for ((s = k; s < ${#SUBJ[@]}; s += JOBS)); do
		do_subject "$s"
	done
}

# ---- Run ----------------------------------------------------------------

start=$SECONDS
pids=()
for ((k = 0; k < JOBS; k++)); do
	worker "$k" &
	pids+=($!)
done
for p in "${pids[@]}"; do
	wait "$p" || fail "a worker failed (status $?)"
done

tot_m=0 tot_r=0 tot_f=0 shown=0
for ((s = 0; s < ${#SUBJ[@]}; s++)); do
	IFS=$US read -r f _ name _ <<<"${SUBJ[s]}"
	if [ ! -e "$T/res.$s" ]; then
		check "$f $name: swept" false
		continue
	fi
	read -r m r nf <"$T/res.$s"
	if [ "$r" = 0 ] && [ "$nf" = 0 ]; then
		printf '# %s %s: no rules fit the dump, not swept\n' "$f" \
		    "$name"
		continue
	fi
	tot_m=$((tot_m + m)) tot_r=$((tot_r + r)) tot_f=$((tot_f + nf))
	if [ -e "$T/fail.$s" ] && [ "$shown" -lt "$SHOW" ]; then
		# Each failure is a block of lines starting with "# FAIL".
		awk -v left=$((SHOW - shown)) \
		    '/^# FAIL/ { if (left-- <= 0) exit } { print }' \
		    "$T/fail.$s" >&2
		shown=$((shown + $(grep -c '^# FAIL' "$T/fail.$s")))
	fi
	check "$f $name: $m mutants, $r runs, $nf failures" test "$nf" = 0
done
printf '# %d mutants, %d runs, %d failures in %d s (%d jobs, seed %s)\n' \
    "$tot_m" "$tot_r" "$tot_f" $((SECONDS - start)) "$JOBS" "$SEED"
if [ "$tot_f" -gt 0 ]; then
	cp "$MUTATE" "$KEEP/mutate"
	printf '# failing mutants kept in %s\n' "$KEEP" >&2
fi
check_done
