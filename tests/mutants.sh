#!/bin/bash
# tests/mutants.sh - corrupt-input sweep (STYLE.md rule 20): every golden
# input and every corpus dump, mutated by tests/mutate.c (flipped bits and
# bytes, truncations, duplicated, inserted and deleted ranges, SQL and COPY
# tokens, swapped lines), is fed to each filter.  A filter must refuse a
# dump it cannot read with a clean error, never crash, hang or pass on a
# corrupt dump it mangled.  For each mutant:
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
# Every run is under "timeout $MUTANTS_TIMEOUT" (10 s) and "ulimit -v"
# (1 GiB; skipped for an AddressSanitizer build, which reserves terabytes
# of address space).  Exit status 124 (timeout), 128+N (signal N: crash,
# sanitizer abort), any stderr saying "out of memory", a NUL byte in
# stderr: failures.  Sanitizers are told to abort on the first error.
#
# MUTANTS (default 3000) mutants in all, spread over the inputs; a corpus
# dump counts for CORPUS_WEIGHT (5) golden inputs.  The mutants depend
# only on SEED (default 1), the input's name and its bytes: a run is
# reproducible.  MUTANTS_CASES="a b" limits the sweep to those golden
# cases (corpus dumps are named corpus-NAME); MUTANTS_JOBS (default: the
# number of CPUs) workers run in parallel.
#
# A failing mutant is kept in MUTANTS_KEEP (default a new directory
# ${TMPDIR:-/tmp}/dfmutants.XXXXXX, removed when nothing failed) with the
# files of its case, the outputs, and the command that reproduces the
# failure; the first MUTANTS_SHOW (20) failures are printed in full.
#
# The mutator is $MUTATE, or built here from tests/mutate.c with ${CC:-cc}.
#
# Environment: top_srcdir, DUMPSCRUB (each filter's program: the variable
# named after it in capitals).  Exit 0 pass, 1 fail.

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

# The filters swept, one word each: adding one is adding its name here.
# Its golden cases are tests/golden/NAME/*/ (if any), its program is in
# the variable NAME in capitals (DUMPSCRUB), and it must keep the
# contract above: identity without rules, --inventory, --dialect.
FILTERS=(
	dumpscrub
)

MUTANTS_DEFAULT=3000
SEED=${SEED:-1}
CORPUS_WEIGHT=${CORPUS_WEIGHT:-5}
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
need_cmd timeout cmp

tmpdir T

if [ -z "${MUTATE:-}" ]; then
	MUTATE=$T/mutate
	"${CC:-cc}" -O2 -o "$MUTATE" "$top_srcdir/tests/mutate.c" ||
	    fail "cannot build the mutator from tests/mutate.c"
fi
[ -x "$MUTATE" ] || fail "not executable: $MUTATE"

# AddressSanitizer cannot start under ulimit -v (see tests/maxrow.sh).
VMEM_OK=1
prog0=$(printf '%s' "${FILTERS[0]}" | tr '[:lower:]' '[:upper:]')
[ -n "${!prog0:-}" ] || fail "$prog0 must name the ${FILTERS[0]} program"
if ! ( (ulimit -v "$VMEM_KB" && exec "${!prog0}" --version) \
    >/dev/null 2>"$T/err") 2>/dev/null; then
	if grep -q AddressSanitizer "$T/err"; then
		VMEM_OK=0
		printf '# an AddressSanitizer build: no ulimit -v; %s\n' \
		    "by default a third of the mutants (it runs 3 times slower)"
		MUTANTS=${MUTANTS:-$((MUTANTS_DEFAULT / 3))}
	else
		fail "$(printf '%s --version fails under ulimit -v %s' \
		    "${!prog0}" "$VMEM_KB")"
	fi
fi

MUTANTS=${MUTANTS:-$MUTANTS_DEFAULT}
case $MUTANTS in
'' | *[!0-9]*) fail "MUTANTS: \"$MUTANTS\": expected a number" ;;
esac

# The subjects: one line each, FILTER NAME INPUT CASEDIR (empty for a
# corpus dump) WEIGHT, separated by US (not white space: an empty field
# stays one).
US=$'\037'
: >"$T/subjects"
for f in "${FILTERS[@]}"; do
	var=$(printf '%s' "$f" | tr '[:lower:]' '[:upper:]')
	prog=${!var:-}
	[ -n "$prog" ] || fail "$var must name the $f program"
	[ -x "$prog" ] || fail "not executable: $prog"
	for cdir in "$top_srcdir/tests/golden/$f"/*/; do
		[ -e "$cdir/input.sql" ] || continue
		name=$(basename "$cdir")
		cdir=${cdir%/}
		printf '%s\n' "$f$US$name$US$cdir/input.sql$US$cdir${US}1" \
		    >>"$T/subjects"
	done
	for sql in "$top_srcdir/tests/corpus"/*.sql; do
		[ -e "$sql" ] || continue
		name=corpus-$(basename "$sql" .sql)
		printf '%s\n' "$f$US$name$US$sql$US$US$CORPUS_WEIGHT" \
		    >>"$T/subjects"
	done
done
if [ -n "${MUTANTS_CASES:-}" ]; then
	while IFS= read -r line; do
		IFS=$US read -r f name _ <<<"$line"
		if [[ " $MUTANTS_CASES " == *" $name "* ]]; then
			printf '%s\n' "$line"
		fi
	done <"$T/subjects" >"$T/subjects.sel"
	mv "$T/subjects.sel" "$T/subjects"
fi
[ -s "$T/subjects" ] || fail "no input to mutate"

# Spread MUTANTS over the subjects by weight, at least one each: subject
# s gets the mutants between its cumulated weights' shares, so that the
# counts add up to MUTANTS.
SUBJ=()
COUNT=()
wsum=0
while IFS= read -r line; do
	SUBJ+=("$line")
	wsum=$((wsum + ${line##*"$US"}))
done <"$T/subjects"
cum=0
for ((s = 0; s < ${#SUBJ[@]}; s++)); do
	w=${SUBJ[s]##*"$US"}
	n=$((MUTANTS * (cum + w) / wsum - MUTANTS * cum / wsum))
	cum=$((cum + w))
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
FILTER='' PROG='' NAME='' INPUT='' CDIR='' RUNDIR=''
DIALECT=()		# --dialect=D from the case's cmd, for plain runs
RARGS=()		# the case's cmd, INPUT standing for the mutant
RSTDIN=0		# 1: the mutant goes on the rules run's stdin
RULES=0			# 1: do rules runs
RDUMP=0			# 1: a rules run writes a dump (not --check etc.)
STRICT=0		# 1: the cmd has --strict
W=''			# the worker's scratch directory
RC=0
WHY=''
ERRTEXT=''

# subject_setup LINE: parse a subject line; for a rules case, copy the
# case directory into the worker's space and run there.
subject_setup() {
	local line=() w
	IFS=$US read -r FILTER NAME INPUT CDIR _ <<<"$1"
	PROG=$(printf '%s' "$FILTER" | tr '[:lower:]' '[:upper:]')
	PROG=${!PROG}
	DIALECT=() RARGS=() RSTDIN=1 RULES=0 RDUMP=1 STRICT=0
	RUNDIR=$W
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

# keep_failure SUBJ I DESC KIND MUT: save the reproducer and describe it
# in the worker's failure file.
keep_failure() {
	local s=$1 i=$2 desc=$3 kind=$4 mut=$5 d cmd
	d=$KEEP/$FILTER-$NAME-m$i-$kind
	rm -rf "$d"
	mkdir -p "$d"
	if [ "$kind" = rules ]; then
		cp -R "$CDIR/." "$d/"
		rm -f "$d"/expected.*
	fi
	cp "$mut" "$d/mutant.sql"
	cp "$OUT" "$d/stdout"
	if [ "$kind" = rules ] && [ "$OUT" != "$W/out" ]; then
		cp "$W/out" "$d/scrubbed.sql"
	fi
	cp "$W/err" "$d/stderr"
	case $kind in
	plain) cmd=$(printf ' %q' "${DIALECT[@]}" mutant.sql) ;;
	inventory) cmd=$(printf ' %q' --inventory "${DIALECT[@]}" mutant.sql) ;;
	rules)
		if [ "$RSTDIN" = 1 ]; then
			cmd="$(printf ' %q' "${RARGS[@]}") < mutant.sql"
		else
			with_input mutant.sql
			cmd=$(printf ' %q' "${ARGV[@]}")
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
	local s=$1 n=${COUNT[$1]} i desc mut runs=0 fails=0 kind
	subject_setup "${SUBJ[s]}"
	rm -rf "$W/m"
	mkdir "$W/m"
	"$MUTATE" -d "$W/m" -n "$n" -s "$SEED:$NAME" "$INPUT" >"$W/desc" ||
	    { printf '0 0 1\n' >"$T/res.$s"
	      printf '# %s: the mutator failed\n' "$NAME" >>"$T/fail.$s"
	      return; }
	cd "$RUNDIR"
	while IFS=$'\t' read -r i desc; do
		mut=$W/m/m$i.sql
		for kind in plain inventory rules; do
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
	IFS=$US read -r f name _ <<<"${SUBJ[s]}"
	if [ ! -e "$T/res.$s" ]; then
		check "$f $name: swept" false
		continue
	fi
	read -r m r nf <"$T/res.$s"
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
