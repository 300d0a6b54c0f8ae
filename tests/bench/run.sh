#!/bin/bash
#
# run.sh -- `make bench`: how fast dumpscrub streams a dump, next to `cat`
# and `zstd -dc` measured in the same run, and how much memory it takes.
#
# Run from the build directory (make does); the binary under test is
# ${DUMPSCRUB:-./dumpscrub}.  Two synthetic dumps, pg.sql and mysql.sql, of
# BENCH_MB megabytes each, and their zstd-compressed copies, are made by
# gendump (tests/bench/gendump.c) in BENCH_DIR and reused while the size,
# seed and generator source are unchanged.  Every command runs BENCH_RUNS
# times, the commands taking turns so that a noisy neighbour hurts them
# alike; the table shows the median wall time of each.
#
# What is measured, exactly (1 MB = 10^6 bytes of the uncompressed dump):
#   cat F | cat >/dev/null              baseline for plain input
#   zstd -dc F.zst | cat >/dev/null     baseline for .zst input
#   dumpscrub F | cat >/dev/null        pass-through, no rules
#   dumpscrub F.zst | cat >/dev/null    pass-through, zstd input
#   dumpscrub --inventory F >/dev/null  its output is small: no pipe
# A filter writes into a pipe in real use, and `cat F >/dev/null` may take
# shortcuts a pipe does not allow, so the baselines write into a pipe too.
# Peak RSS is that of the first command of each line (/usr/bin/time %M),
# the largest over the runs.
#
# Targets, reported as PASS or MISS (a MISS does not fail the run):
# pass-through on plain input >= 1000 MB/s and >= 40 % of cat; on .zst
# input >= 85 % of zstd -dc; peak RSS of dumpscrub <= 32 MB.
#
# Environment:
#   DUMPSCRUB      binary under test (./dumpscrub)
#   BENCH_DIR      where the dumps live (${TMPDIR:-/tmp}/dumpfilters-bench)
#   BENCH_MB       size of each dump in MB (1100)
#   BENCH_RUNS     runs of each command (5)
#   BENCH_SEED     gendump seed (1)
#   BENCH_ONLY     pg or mysql: one dialect only
#   BENCH_VERBOSE  1: print the time of every run
#   GENDUMP        generator to use; default ./tests/bench/gendump if built,
#                  else compiled here with ${CC:-cc} -O2 into BENCH_DIR
#
# Exit status: 0 when every command ran (whatever the targets say), 1 when
# a command failed (its stderr is shown), 2 on bad settings.

# make runs this with $(SHELL), which may be a POSIX sh: move to bash
# (arrays, EPOCHREALTIME) before any bash-only line is read.
if [ -z "${BASH_VERSION:-}" ]; then
	exec bash "$0" "$@"
fi
if [ "${BASH_VERSINFO[0]}" -lt 4 ]; then
	echo "bench: needs bash 4 or later" >&2
	exit 2
fi

set -u -o pipefail
export LC_ALL=C

prog=bench
here=$(cd "$(dirname "$0")" && pwd) || exit 2

dumpscrub=${DUMPSCRUB:-./dumpscrub}
bench_dir=${BENCH_DIR:-${TMPDIR:-/tmp}/dumpfilters-bench}
bench_mb=${BENCH_MB:-1100}
runs=${BENCH_RUNS:-5}
seed=${BENCH_SEED:-1}
only=${BENCH_ONLY:-}
verbose=${BENCH_VERBOSE:-0}

# Targets (see above).
target_mbps=1000
target_cat_pct=40
target_zstd_pct=85
target_rss_mb=32

die() {
	printf '%s: %s\n' "$prog" "$*" >&2
	exit 1
}

usage_error() {
	printf '%s: %s\n' "$prog" "$*" >&2
	exit 2
}

is_count() {
	case $1 in
	'' | *[!0-9]* | 0*) return 1 ;;
	*) return 0 ;;
	esac
}

is_count "$bench_mb" || usage_error "BENCH_MB=$bench_mb: not a positive integer"
is_count "$runs" || usage_error "BENCH_RUNS=$runs: not a positive integer"
case $seed in
'' | *[!0-9]*) usage_error "BENCH_SEED=$seed: not a number" ;;
esac
case $only in
'') dialects=(pg mysql) ;;
pg | mysql) dialects=("$only") ;;
*) usage_error "BENCH_ONLY=$only: must be pg or mysql" ;;
esac

command -v "$dumpscrub" >/dev/null 2>&1 ||
	die "$dumpscrub: not found (build it, or set DUMPSCRUB)"
command -v zstd >/dev/null 2>&1 || die "zstd: not found"
if [ -x /usr/bin/time ]; then
	timecmd=/usr/bin/time
else
	timecmd=
	printf '%s: /usr/bin/time not found: no peak RSS\n' "$prog" >&2
fi

mkdir -p "$bench_dir" || die "$bench_dir: cannot create"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/bench.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$scratch"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# now VAR: wall clock in seconds with microseconds into VAR; bash 5's
# EPOCHREALTIME costs no fork, which would add to short timings.
now() {
	if [ -n "${EPOCHREALTIME:-}" ]; then
		printf -v "$1" '%s' "$EPOCHREALTIME"
	else
		printf -v "$1" '%s' "$(date +%s.%N)"
	fi
}

# --- the generator ---------------------------------------------------

gendump=${GENDUMP:-}
if [ -z "$gendump" ]; then
	if [ -x ./tests/bench/gendump ] &&
	    ! [ "$here/gendump.c" -nt ./tests/bench/gendump ]; then
		gendump=./tests/bench/gendump
	else
		gendump=$bench_dir/gendump
		if ! [ -x "$gendump" ] || [ "$here/gendump.c" -nt "$gendump" ]
		then
			printf 'compiling %s\n' "$gendump"
			if ! "${CC:-cc}" -O2 -std=c11 -o "$gendump.tmp" \
			    "$here/gendump.c"; then
				die "cannot compile $here/gendump.c"
			fi
			mv -f "$gendump.tmp" "$gendump" ||
			    die "$gendump: cannot rename"
		fi
	fi
fi

# The stamp names what made a dump; a dump is reused only when its stamp
# matches and its size is the one the stamp recorded.
gen_id=$(cksum <"$here/gendump.c" | cut -d' ' -f1) ||
	die "$here/gendump.c: cannot read"

file_size() {
	wc -c <"$1" | tr -d ' '
}

# make_dump DIALECT: leaves $bench_dir/DIALECT.sql and .sql.zst in place.
make_dump() {
	local d=$1 f stamp want t0 t1 size
	f=$bench_dir/$d.sql
	stamp=$f.stamp
	want="gendump $gen_id $d $bench_mb $seed"
	if [ -f "$f" ] && [ -f "$stamp" ] &&
	    [ "$(head -n 1 "$stamp")" = "$want" ] &&
	    [ "$(sed -n 2p "$stamp")" = "$(file_size "$f")" ]; then
		:
	else
		rm -f "$f" "$f.zst" "$stamp"
		printf 'generating %s (%s MB) ... ' "$f" "$bench_mb"
		now t0
		"$gendump" "$d" "$bench_mb" "$seed" >"$f.tmp" ||
			die "$gendump $d $bench_mb $seed failed"
		now t1
		mv -f "$f.tmp" "$f" || die "$f: cannot rename"
		size=$(file_size "$f")
		printf '%s\n%s\n' "$want" "$size" >"$stamp"
		awk -v a="$t0" -v b="$t1" -v n="$size" 'BEGIN {
			printf "%.2f s, %.0f MB/s\n", b - a, n / 1e6 / (b - a)
		}'
	fi
	if ! [ -f "$f.zst" ] || [ "$f" -nt "$f.zst" ]; then
		printf 'compressing %s ... ' "$f"
		now t0
		zstd -q -f -T0 -3 "$f" -o "$f.zst.tmp" ||
			die "zstd -T0 -3 $f failed"
		now t1
		mv -f "$f.zst.tmp" "$f.zst" || die "$f.zst: cannot rename"
		awk -v a="$t0" -v b="$t1" 'BEGIN {
			printf "%.2f s\n", b - a
		}'
	fi
}

# --- measuring -------------------------------------------------------

# The commands of one dialect, by key; set_cmd KEY FILE fills cmd (argv),
# pipe (1: output into `| cat >/dev/null`) and label.
keys=(cat zstd scrub scrubz inventory)
scrub_name=$(basename "$dumpscrub")

set_cmd() {
	local k=$1 f=$2 b
	b=$(basename "$f")
	pipe=1
	case $k in
	cat)
		cmd=(cat "$f")
		label="cat $b | cat" ;;
	zstd)
		cmd=(zstd -dc "$f.zst")
		label="zstd -dc $b.zst | cat" ;;
	scrub)
		cmd=("$dumpscrub" "$f")
		label="$scrub_name $b | cat" ;;
	scrubz)
		cmd=("$dumpscrub" "$f.zst")
		label="$scrub_name $b.zst | cat" ;;
	inventory)
		cmd=("$dumpscrub" --inventory "$f")
		label="$scrub_name --inventory $b"
		pipe=0 ;;
	esac
}

# run_once: run "${cmd[@]}" once; sets secs and rss_kib, or dies showing
# the command's stderr.
run_once() {
	local t0 t1 rc tf=$scratch/time ef=$scratch/err
	: >"$tf"
	now t0
	if [ -n "$timecmd" ]; then
		if [ "$pipe" = 1 ]; then
			"$timecmd" -f %M -o "$tf" "${cmd[@]}" 2>"$ef" |
			    cat >/dev/null
		else
			"$timecmd" -f %M -o "$tf" "${cmd[@]}" 2>"$ef" >/dev/null
		fi
	else
		if [ "$pipe" = 1 ]; then
			"${cmd[@]}" 2>"$ef" | cat >/dev/null
		else
			"${cmd[@]}" 2>"$ef" >/dev/null
		fi
	fi
	rc=$?
	now t1
	if [ "$rc" != 0 ]; then
		printf '%s: command failed (exit %s): %s\n' "$prog" "$rc" \
		    "${cmd[*]}" >&2
		cat "$ef" >&2
		[ -s "$tf" ] && cat "$tf" >&2
		exit 1
	fi
	secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')
	rss_kib=$(tail -n 1 "$tf")
	case $rss_kib in
	'' | *[!0-9]*) rss_kib= ;;
	esac
}

median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2]
		else print (v[NR / 2] + v[NR / 2 + 1]) / 2
	}'
}

# Results, keyed "dialect:key".
declare -A med mbps rss
checks=()
misses=0

check() {
	local ok=$1 text=$2
	if [ "$ok" = 1 ]; then
		checks+=("PASS  $text")
	else
		checks+=("MISS  $text")
		misses=$((misses + 1))
	fi
}

# percent A B: 100 * A / B, one decimal.
percent() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", 100 * a / b }'
}

# kib_to_mb KIB: /usr/bin/time's KiB as MB of 10^6 bytes, one decimal.
kib_to_mb() {
	awk -v k="$1" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }'
}

# ge A B: 1 when A >= B (decimals), else 0.
ge() {
	awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 >= b + 0) ? 1 : 0 }'
}

bench_dialect() {
	local d=$1 f size k r i list
	local -A runtimes maxrss
	f=$bench_dir/$d.sql
	size=$(file_size "$f")
	printf '\n%s: %s (%s bytes), %s.zst (%s bytes)\n' "$d" "$f" "$size" \
	    "$(basename "$f")" "$(file_size "$f.zst")"

	# Warm the page cache so that the first runs do not read the disk.
	cat "$f" "$f.zst" >/dev/null || die "$f: cannot read"

	for k in "${keys[@]}"; do
		runtimes[$k]=
		maxrss[$k]=0
	done
	for ((r = 1; r <= runs; r++)); do
		for k in "${keys[@]}"; do
			set_cmd "$k" "$f"
			run_once
			runtimes[$k]+=" $secs"
			if [ -n "$rss_kib" ] &&
			    [ "$rss_kib" -gt "${maxrss[$k]}" ]; then
				maxrss[$k]=$rss_kib
			fi
			if [ "$verbose" = 1 ]; then
				printf '  run %d  %-40s %9.3f s  %s KiB\n' \
				    "$r" "$label" "$secs" "${rss_kib:--}"
			fi
		done
	done

	printf '  %-40s %9s %9s %7s %-9s %7s\n' command 'median s' 'MB/s' \
	    ratio 'vs' 'RSS MB'
	for k in "${keys[@]}"; do
		set_cmd "$k" "$f"
		# shellcheck disable=SC2086  # word splitting wanted
		med[$d:$k]=$(median ${runtimes[$k]})
		mbps[$d:$k]=$(awk -v n="$size" -v t="${med[$d:$k]}" \
		    'BEGIN { printf "%.1f", n / 1e6 / t }')
		if [ -n "$timecmd" ]; then
			rss[$d:$k]=$(kib_to_mb "${maxrss[$k]}")
		else
			rss[$d:$k]=-
		fi
	done
	for k in "${keys[@]}"; do
		set_cmd "$k" "$f"
		case $k in
		zstd | scrubz) i=zstd; list='zstd -dc' ;;
		*) i='cat'; list='cat' ;;
		esac
		printf '  %-40s %9.3f %9s %7s %-9s %7s\n' "$label" \
		    "${med[$d:$k]}" "${mbps[$d:$k]}" \
		    "$(awk -v a="${mbps[$d:$k]}" -v b="${mbps[$d:$i]}" \
		    'BEGIN { printf "%.3f", a / b }')" "$list" "${rss[$d:$k]}"
	done

	local pt=${mbps[$d:scrub]} ptz=${mbps[$d:scrubz]}
	local catr=${mbps[$d:cat]} zr=${mbps[$d:zstd]} pct peak
	check "$(ge "$pt" "$target_mbps")" \
	    "$d: pass-through, plain: $pt MB/s >= $target_mbps MB/s"
	pct=$(percent "$pt" "$catr")
	check "$(ge "$pct" "$target_cat_pct")" \
	    "$d: pass-through, plain: $pct % of cat >= $target_cat_pct %"
	pct=$(percent "$ptz" "$zr")
	check "$(ge "$pct" "$target_zstd_pct")" \
	    "$d: pass-through, .zst: $pct % of zstd -dc >= $target_zstd_pct %"
	if [ -n "$timecmd" ]; then
		peak=0
		for k in scrub scrubz inventory; do
			[ "${maxrss[$k]}" -gt "$peak" ] && peak=${maxrss[$k]}
		done
		peak=$(kib_to_mb "$peak")
		check "$(ge "$target_rss_mb" "$peak")" \
		    "$d: $scrub_name peak RSS: $peak MB <= $target_rss_mb MB"
	fi
}

# --- main ------------------------------------------------------------

printf 'dumpfilters bench: %s, %s MB per dump (1 MB = 10^6 bytes), ' \
    "$dumpscrub" "$bench_mb"
printf '%s runs, median wall time\n' "$runs"
printf 'dumps in %s, generator %s\n' "$bench_dir" "$gendump"
for d in "${dialects[@]}"; do
	make_dump "$d"
done
printf 'each command writes into "| cat >/dev/null", except --inventory '
printf '(">/dev/null");\nRSS MB = peak resident set of the first command, '
printf 'max over runs; ratio = MB/s over that of "vs"\n'
for d in "${dialects[@]}"; do
	bench_dialect "$d"
done

printf '\ntargets\n'
printf '  %s\n' "${checks[@]}"
if [ "$misses" -gt 0 ]; then
	printf '%d target(s) missed\n' "$misses"
else
	printf 'all targets met\n'
fi
exit 0
