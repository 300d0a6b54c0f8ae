#!/bin/bash
#
# run.sh -- `make bench`: how fast dumpscrub streams and scrubs a dump,
# and how fast dumpdehydrate cuts one down to about a tenth, next to `cat`
# and `zstd -dc` measured in the same run, and how much memory (and, for
# dumpdehydrate, temporary disk) they take.
#
# Run from the build directory (make does); the binaries under test are
# ${DUMPSCRUB:-./dumpscrub} and ${DUMPDEHYDRATE:-dumpdehydrate next to
# it}.  Two synthetic dumps, pg.sql and mysql.sql, of BENCH_MB megabytes
# each, and their zstd-compressed copies, are made by gendump
# (tests/bench/gendump.c) in BENCH_DIR and reused while the size, seed
# and generator source are unchanged.  Every command runs BENCH_RUNS
# times, the commands taking turns so that a noisy neighbour hurts them
# alike; the tables show the median wall time of each.
#
# What is measured, exactly (1 MB = 10^6 bytes of the uncompressed dump;
# MB/s is always of the uncompressed input, also for .zst input and for
# dumpdehydrate, whose output is small):
#   cat F | cat >/dev/null              baseline for plain input
#   zstd -dc F.zst | cat >/dev/null     baseline for .zst input
# dumpscrub (BENCH_TOOLS=scrub or all):
#   dumpscrub F | cat >/dev/null        pass-through, no rules
#   dumpscrub F.zst | cat >/dev/null    pass-through, zstd input
#   dumpscrub -r scrub.rules F | cat >/dev/null
#   dumpscrub -r scrub.rules F.zst | cat >/dev/null
#                                       scrubbing 3 columns (an email, a
#                                       name, a phone) of the largest
#                                       table, users (tests/bench/
#                                       scrub.rules), with DUMPFILTERS_KEY
#                                       set to a fixed bench key
#   dumpscrub --inventory F >/dev/null  its output is small: no pipe
# dumpdehydrate (BENCH_TOOLS=dehydrate or all), with the rules of
# tests/bench/dehydrate.rules: keep the users created in the last of the
# ten years gendump spreads them over (`keep users where created_at >=
# ...`, about 10 % of them) and `follow users` (the orders and events of
# those users), so that about 10 % of the bytes are kept; each with
# --tmpdir=T, T a directory of its own under the scratch directory:
#   dumpdehydrate -r dehydrate.rules F | cat >/dev/null
#                                       plain file: read 3 times (pg) or
#                                       twice (MySQL), default --mem (1G)
#   dumpdehydrate -r dehydrate.rules F.zst | cat >/dev/null
#                                       .zst file: decompressed each pass
#   cat F | dumpdehydrate -r dehydrate.rules | cat >/dev/null
#                                       a pipe: spooled (zstd) to T while
#                                       pass 1 reads it
#   dumpdehydrate --mem=64M -r dehydrate.rules F | cat >/dev/null
#                                       key columns past 64 MiB spill to T
# A filter writes into a pipe in real use, and `cat F >/dev/null` may take
# shortcuts a pipe does not allow, so the baselines write into a pipe too.
# Peak RSS is that of the filter (the first command of each line; on the
# pipe line dumpdehydrate, not the cat that feeds it), by /usr/bin/time
# %M, the largest over the runs.
#
# Scrubbed values/s: the values the rules change in one pass (the
# "values" of the "# total" line of one `dumpscrub -r scrub.rules
# --report` run on F, made before the timed runs) over the median wall
# time; "values/s of CPU": the same count over the median user + system
# CPU time of the dumpscrub process (/usr/bin/time %U %S), i.e. the rate
# of one core.  Only the plain run's CPU figure counts for that: on .zst
# input a second thread decompresses, on another core, and its CPU time
# is in the process's total.
#
# dumpdehydrate, before the timed runs, runs each of its 4 commands once
# more, untimed: the plain-file run with --report, which gives the rows
# kept per table (printed) and "bytes out"; the output of every one of
# the 4 goes to cksum, which gives the bytes kept (printed as a share of
# the input) and a check that the 4 outputs are the same.  These runs
# also measure the temporary disk: every 0.1 s the allocated size
# (st_blocks * 512) of the files under T that the process holds open
# (found through /proc/PID/fd, so the spool, unlinked right after it is
# made, counts) or that are linked in T, each file once; "tmp MB" is the
# largest sum seen.  The sampling is kept out of the timed runs, whose
# figures it would disturb.  After every dumpdehydrate run, timed or
# not, T must be empty again.  What dumpdehydrate writes on stderr in the
# untimed runs (warnings, e.g. dangling references) is shown, 5 lines at
# most per run.  Its table also gives the median CPU time (user + system,
# all threads; /usr/bin/time %U %S), which a busy machine disturbs less
# than the wall time.
#
# Targets, reported as PASS or MISS (a MISS does not fail the run):
# pass-through on plain input >= 1000 MB/s and >= 40 % of cat; on .zst
# input >= 85 % of zstd -dc; peak RSS of dumpscrub <= 32 MB.  Scrubbing
# the 3 columns: >= 400 MB/s on plain input, >= 2 million scrubbed values
# per second of CPU (plain input), peak RSS <= 32 MB.  dumpdehydrate:
# >= 250 MB/s of input from a plain file; peak RSS <= --mem + 64 MiB,
# i.e. <= 1 GiB + 64 MiB (1140.9 MB) on the plain, .zst and pipe lines
# (default --mem, 1G) and <= 128 MiB (134.2 MB) on the --mem=64M line.
# Checks, reported the same way: dumpdehydrate writes the same bytes from
# a file, a .zst file, a pipe and with --mem=64M, and leaves nothing in
# its --tmpdir.  (The targets are the issue's for dumps of >= 1 GB; on
# smaller dumps the figures only hint.)
#
# Environment:
#   DUMPSCRUB      binary under test (./dumpscrub)
#   DUMPDEHYDRATE  binary under test (dumpdehydrate in DUMPSCRUB's
#                  directory, ./dumpdehydrate by default)
#   BENCH_TOOLS    scrub, dehydrate or all (all): the filters to measure;
#                  cat and zstd -dc are measured whatever it says
#   BENCH_DIR      where the dumps live (${TMPDIR:-/tmp}/dumpfilters-bench)
#   BENCH_MB       size of each dump in MB (1100)
#   BENCH_RUNS     runs of each command (5)
#   BENCH_SEED     gendump seed (1)
#   BENCH_ONLY     pg or mysql: one dialect only
#   BENCH_VERBOSE  1: print the time (wall, CPU) of every run
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
case $dumpscrub in
*/*) dumpdehydrate=${DUMPDEHYDRATE:-${dumpscrub%/*}/dumpdehydrate} ;;
*) dumpdehydrate=${DUMPDEHYDRATE:-./dumpdehydrate} ;;
esac
tools=${BENCH_TOOLS:-all}
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
target_scrub_mbps=400
target_scrub_vps=2000000
target_dh_mbps=250
# dumpdehydrate: peak RSS <= --mem + 64 MiB, in bytes; the default --mem
# is 1G (dumpdehydrate(1)), and one line runs with --mem=$dh_small_mem.
dh_default_mem=$((1 << 30))
dh_small_mem_arg=64M
dh_small_mem=$((64 << 20))
dh_rss_slack=$((64 << 20))

# The rules of the scrubbing lines, and a fixed key, so that every run
# writes the same bytes (without a key dumpscrub takes a random one and
# warns).  scrub.rules has no key statement: the key is DUMPFILTERS_KEY.
scrub_rules=$here/scrub.rules
export DUMPFILTERS_KEY='dumpfilters bench key, not a secret'
# dumpdehydrate's rules: keep about 10 % of users, and what follows.
dh_rules=$here/dehydrate.rules

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
case $tools in
scrub) do_scrub=1 do_dh=0 ;;
dehydrate) do_scrub=0 do_dh=1 ;;
all) do_scrub=1 do_dh=1 ;;
*) usage_error "BENCH_TOOLS=$tools: must be scrub, dehydrate or all" ;;
esac

if [ "$do_scrub" = 1 ]; then
	command -v "$dumpscrub" >/dev/null 2>&1 ||
		die "$dumpscrub: not found (build it, or set DUMPSCRUB)"
	[ -r "$scrub_rules" ] || die "$scrub_rules: cannot read"
fi
if [ "$do_dh" = 1 ]; then
	command -v "$dumpdehydrate" >/dev/null 2>&1 ||
		die "$dumpdehydrate: not found (build it, set DUMPDEHYDRATE," \
		    "or BENCH_TOOLS=scrub)"
	[ -r "$dh_rules" ] || die "$dh_rules: cannot read"
fi
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
# dumpdehydrate's --tmpdir: a directory of its own, empty between runs.
dh_tmp=$scratch/tmp
mkdir "$dh_tmp" || die "$dh_tmp: cannot create"
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
# pipe (1: output into `| cat >/dev/null`), feed (a file that `cat FEED |`
# pipes into the command, or empty) and label.  keys: every command, in
# the order they take turns; main_keys: those of the first table.
main_keys=(cat zstd)
[ "$do_scrub" = 1 ] && main_keys+=(scrub scrubz rules rulesz inventory)
dh_keys=(dh dhz dhp dhm)
keys=("${main_keys[@]}")
[ "$do_dh" = 1 ] && keys+=("${dh_keys[@]}")
scrub_name=$(basename "$dumpscrub")
rules_name=$(basename "$scrub_rules")
dh_name=$(basename "$dumpdehydrate")
dh_rules_name=$(basename "$dh_rules")

set_cmd() {
	local k=$1 f=$2 b
	b=$(basename "$f")
	pipe=1
	feed=
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
	rules)
		cmd=("$dumpscrub" -r "$scrub_rules" "$f")
		label="$scrub_name -r $rules_name $b | cat" ;;
	rulesz)
		cmd=("$dumpscrub" -r "$scrub_rules" "$f.zst")
		label="$scrub_name -r $rules_name $b.zst | cat" ;;
	inventory)
		cmd=("$dumpscrub" --inventory "$f")
		label="$scrub_name --inventory $b"
		pipe=0 ;;
	dh)
		cmd=("$dumpdehydrate" -r "$dh_rules" "--tmpdir=$dh_tmp" "$f")
		label="$dh_name -r $dh_rules_name $b | cat" ;;
	dhz)
		cmd=("$dumpdehydrate" -r "$dh_rules" "--tmpdir=$dh_tmp" \
		    "$f.zst")
		label="$dh_name -r $dh_rules_name $b.zst | cat" ;;
	dhp)
		cmd=("$dumpdehydrate" -r "$dh_rules" "--tmpdir=$dh_tmp")
		feed=$f
		label="cat $b | $dh_name -r $dh_rules_name | cat" ;;
	dhm)
		cmd=("$dumpdehydrate" "--mem=$dh_small_mem_arg" -r "$dh_rules" \
		    "--tmpdir=$dh_tmp" "$f")
		label="$dh_name --mem=$dh_small_mem_arg -r $dh_rules_name $b | cat" ;;
	esac
}

# run_once: run "${cmd[@]}" once; sets secs, rss_kib and cpu (user +
# system seconds of the first command), or dies showing the command's
# stderr.
run_once() {
	local t0 t1 rc tf=$scratch/time ef=$scratch/err
	: >"$tf"
	now t0
	if [ -n "$timecmd" ]; then
		if [ -n "$feed" ]; then
			# A pipe, not a file: the cat is the point.
			# shellcheck disable=SC2002
			cat "$feed" |
			    "$timecmd" -f "%M %U %S" -o "$tf" "${cmd[@]}" \
			    2>"$ef" | cat >/dev/null
		elif [ "$pipe" = 1 ]; then
			"$timecmd" -f "%M %U %S" -o "$tf" "${cmd[@]}" 2>"$ef" |
			    cat >/dev/null
		else
			"$timecmd" -f "%M %U %S" -o "$tf" "${cmd[@]}" \
			    2>"$ef" >/dev/null
		fi
	else
		if [ -n "$feed" ]; then
			# shellcheck disable=SC2002  # a pipe, as above
			cat "$feed" | "${cmd[@]}" 2>"$ef" | cat >/dev/null
		elif [ "$pipe" = 1 ]; then
			"${cmd[@]}" 2>"$ef" | cat >/dev/null
		else
			"${cmd[@]}" 2>"$ef" >/dev/null
		fi
	fi
	rc=$?
	now t1
	if [ "$rc" != 0 ]; then
		printf '%s: command failed (exit %s): %s%s\n' "$prog" "$rc" \
		    "${feed:+cat $feed | }" "${cmd[*]}" >&2
		cat "$ef" >&2
		[ -s "$tf" ] && cat "$tf" >&2
		exit 1
	fi
	secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')
	# The last line: /usr/bin/time puts its own notes before it.
	read -r rss_kib cpu <<<"$(tail -n 1 "$tf" |
	    awk 'NF == 3 { printf "%s %.2f", $1, $2 + $3 }')"
	case $rss_kib in
	'' | *[!0-9]*) rss_kib='' cpu='' ;;
	esac
}

# scrub_values F: the values scrub.rules changes in F, from the "# total"
# line of --report (dies if the run fails or the line is missing).
scrub_values() {
	local f=$1 rf=$scratch/report ef=$scratch/err n
	rm -f "$rf"
	if ! "$dumpscrub" -r "$scrub_rules" --report "$rf" "$f" 2>"$ef" |
	    cat >/dev/null; then
		printf '%s: command failed: %s -r %s --report %s %s\n' \
		    "$prog" "$dumpscrub" "$scrub_rules" "$rf" "$f" >&2
		cat "$ef" >&2
		exit 1
	fi
	n=$(awk -F '\t' '$1 == "# total" {
		for (i = 2; i < NF; i++)
			if ($i == "values") { print $(i + 1); exit }
	}' "$rf")
	case $n in
	'' | *[!0-9]*) die "$rf: no values count in the \"# total\" line" ;;
	esac
	printf '%s\n' "$n"
}

# alive PID: PID runs and is not a zombie (a background child stays one
# until waited for).  No fork.
alive() {
	local st
	read -r st 2>/dev/null <"/proc/$1/stat" || return 1
	st=${st##*) }
	[ "${st%% *}" != Z ]
}

# tmp_bytes PID: the allocated bytes (st_blocks * 512) of the files under
# $dh_tmp that PID holds open, unlinked (/proc/PID/fd/N -> "... (deleted)")
# or not, or that are linked in $dh_tmp, each file (device:inode) once.
tmp_bytes() {
	{
		find "/proc/$1/fd" -lname "$dh_tmp/*" \
		    -exec stat -L -c '%d:%i %b %B' {} + 2>/dev/null
		find "$dh_tmp" -type f -exec stat -c '%d:%i %b %B' {} + \
		    2>/dev/null
	} | awk '!seen[$1]++ { s += $2 * $3 } END { printf "%.0f\n", s }'
}

# dh_tmp_clean: 0 when dumpdehydrate left nothing in $dh_tmp; else names
# what it left (on stdout), empties $dh_tmp and returns 1.
dh_tmp_clean() {
	local left
	left=$(find "$dh_tmp" -mindepth 1 -maxdepth 1 -printf ' %f' |
	    head -c 200)
	[ -z "$left" ] && return 0
	printf '  note: %s left in its --tmpdir:%s\n' "$dh_name" "$left"
	rm -rf "$dh_tmp" || die "$dh_tmp: cannot remove"
	mkdir "$dh_tmp" || die "$dh_tmp: cannot create"
	return 1
}

# dh_survey KEY F [REPORT]: run dumpdehydrate's command KEY on F once,
# untimed, with --report=REPORT if given, its output into cksum, sampling
# its temporary disk every 0.1 s.  Sets sum ("CRC BYTES" of the output),
# tmp_peak (bytes), left (1 if it left files in $dh_tmp, else 0) and
# said (its stderr, at most 5 lines); dies, showing its stderr, if it
# fails.
dh_survey() {
	local k=$1 f=$2 report=${3:-} ef=$scratch/err of=$scratch/sum
	local fin=$scratch/in.fifo fout=$scratch/out.fifo pid ck cf=0 rc b
	set_cmd "$k" "$f"
	[ -n "$report" ] && cmd=("${cmd[0]}" "--report=$report" "${cmd[@]:1}")
	rm -f "$fin" "$fout" "$of"
	mkfifo "$fout" || die "mkfifo $fout failed"
	cksum <"$fout" >"$of" &
	ck=$!
	if [ -n "$feed" ]; then
		# A FIFO, like the pipe of `cat F |`: no seeking back.
		mkfifo "$fin" || die "mkfifo $fin failed"
		cat "$feed" >"$fin" &
		cf=$!
		"${cmd[@]}" <"$fin" >"$fout" 2>"$ef" &
	else
		"${cmd[@]}" >"$fout" 2>"$ef" &
	fi
	pid=$!
	tmp_peak=0
	while alive "$pid"; do
		b=$(tmp_bytes "$pid")
		[ "$b" -gt "$tmp_peak" ] && tmp_peak=$b
		sleep 0.1
	done
	wait "$pid"
	rc=$?
	wait "$ck"
	[ "$cf" != 0 ] && wait "$cf"
	if [ "$rc" != 0 ]; then
		printf '%s: command failed (exit %s): %s%s\n' "$prog" "$rc" \
		    "${feed:+cat $feed | }" "${cmd[*]}" >&2
		cat "$ef" >&2
		exit 1
	fi
	sum=$(cat "$of")
	said=$(head -n 5 "$ef")
	left=0
	dh_tmp_clean || left=1
}

# dh_kept REPORT: one line per table of dumpdehydrate's --report: class,
# rows in, rows kept and the reasons with their rows; then "bytes in N,
# bytes out N" of the "# total" line, if there.
dh_kept() {
	awk -F '\t' '
	$1 == "# total" {
		if (match($5, /bytes in [0-9]+, bytes out [0-9]+/))
			total = substr($5, RSTART, RLENGTH)
		next
	}
	/^#/ || NF < 6 { next }
	!($1 in cls) {
		order[++n] = $1; cls[$1] = $2; rin[$1] = $3; rk[$1] = $4
	}
	$5 != "-" { why[$1] = why[$1] (why[$1] == "" ? "" : "; ") \
	    $5 ": " $6 }
	END {
		for (i = 1; i <= n; i++) {
			t = order[i]
			pct = rin[t] > 0 ? 100 * rk[t] / rin[t] : 0
			printf "  %-16s %-9s %9s of %9s rows kept (%5.1f %%)",
			    t, cls[t], rk[t], rin[t], pct
			if (why[t] != "")
				printf "  %s", why[t]
			printf "\n"
		}
		if (n == 0)
			print "  (no table lines in the report)"
		if (total != "")
			printf "  report: %s\n", total
	}' "$1"
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

# check OK TEXT...: record a PASS (OK 1) or a MISS.
check() {
	local ok=$1 text
	shift
	text=$*
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
	local d=$1 f size k r i list values
	local -A runtimes cputimes maxrss dh_sum dh_tmpb
	f=$bench_dir/$d.sql
	size=$(file_size "$f")
	printf '\n%s: %s (%s bytes), %s.zst (%s bytes)\n' "$d" "$f" "$size" \
	    "$(basename "$f")" "$(file_size "$f.zst")"

	# Warm the page cache so that the first runs do not read the disk.
	cat "$f" "$f.zst" >/dev/null || die "$f: cannot read"

	# Untimed: what there is to scrub, and a first check that the rules
	# hold for this dump.
	if [ "$do_scrub" = 1 ]; then
		values=$(scrub_values "$f") || exit 1
	fi

	# Untimed: what dumpdehydrate keeps, the same output 4 ways, and the
	# temporary disk of each way.
	local dh_left=0 dh_report=$scratch/dh-report dh_said=
	if [ "$do_dh" = 1 ]; then
		rm -f "$dh_report"
		for k in "${dh_keys[@]}"; do
			if [ "$k" = dh ]; then
				dh_survey "$k" "$f" "$dh_report"
			else
				dh_survey "$k" "$f"
			fi
			dh_sum[$k]=$sum
			dh_tmpb[$k]=$tmp_peak
			dh_left=$((dh_left + left))
			if [ -n "$said" ]; then
				dh_said+="  $dh_name said (untimed \"$label\"):"
				dh_said+=$'\n'$(printf '%s\n' "$said" |
				    sed 's/^/    /')$'\n'
			fi
		done
	fi

	for k in "${keys[@]}"; do
		runtimes[$k]=
		cputimes[$k]=
		maxrss[$k]=0
	done
	for ((r = 1; r <= runs; r++)); do
		for k in "${keys[@]}"; do
			set_cmd "$k" "$f"
			run_once
			runtimes[$k]+=" $secs"
			[ -n "$cpu" ] && cputimes[$k]+=" $cpu"
			if [ -n "$rss_kib" ] &&
			    [ "$rss_kib" -gt "${maxrss[$k]}" ]; then
				maxrss[$k]=$rss_kib
			fi
			if [ "$verbose" = 1 ]; then
				printf '  run %d  %-44s %9.3f s  %s s CPU' \
				    "$r" "$label" "$secs" "${cpu:--}"
				printf '  %s KiB\n' "${rss_kib:--}"
			fi
			case $k in
			dh*) dh_tmp_clean || dh_left=$((dh_left + 1)) ;;
			esac
		done
	done

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
	printf '  %-44s %9s %9s %7s %-9s %7s\n' command 'median s' 'MB/s' \
	    ratio 'vs' 'RSS MB'
	for k in "${main_keys[@]}"; do
		set_cmd "$k" "$f"
		case $k in
		zstd | scrubz | rulesz) i=zstd; list='zstd -dc' ;;
		*) i='cat'; list='cat' ;;
		esac
		printf '  %-44s %9.3f %9s %7s %-9s %7s\n' "$label" \
		    "${med[$d:$k]}" "${mbps[$d:$k]}" \
		    "$(awk -v a="${mbps[$d:$k]}" -v b="${mbps[$d:$i]}" \
		    'BEGIN { printf "%.3f", a / b }')" "$list" "${rss[$d:$k]}"
	done

	[ "$do_scrub" = 1 ] && bench_scrub
	[ "$do_dh" = 1 ] && bench_dehydrate
	return 0
}

# The dumpscrub figures of bench_dialect (its locals are in scope).
bench_scrub() {
	# Scrubbing: values/s of wall time and of CPU time.
	local -A vps cpus cvps
	printf '  %s changes %s values per pass (--report)\n' "$rules_name" \
	    "$values"
	printf '  %-44s %9s %13s %9s %13s\n' command 'median s' 'values/s' \
	    'CPU s' 'values/CPU s'
	for k in rules rulesz; do
		set_cmd "$k" "$f"
		vps[$k]=$(awk -v n="$values" -v t="${med[$d:$k]}" \
		    'BEGIN { printf "%.0f", n / t }')
		if [ -n "${cputimes[$k]}" ]; then
			# shellcheck disable=SC2086  # word splitting wanted
			cpus[$k]=$(median ${cputimes[$k]})
			cvps[$k]=$(awk -v n="$values" -v t="${cpus[$k]}" \
			    'BEGIN { printf "%.0f", (t > 0 ? n / t : 0) }')
		else
			cpus[$k]=-
			cvps[$k]=-
		fi
		printf '  %-44s %9.3f %13s %9s %13s\n' "$label" \
		    "${med[$d:$k]}" "${vps[$k]}" "${cpus[$k]}" "${cvps[$k]}"
	done
	printf '  (CPU s = median user + system time of dumpscrub; on .zst it '
	printf 'includes the\n  decompression thread, which runs on another '
	printf 'core)\n'

	local pt=${mbps[$d:scrub]} ptz=${mbps[$d:scrubz]}
	local catr=${mbps[$d:cat]} zr=${mbps[$d:zstd]} pct peak
	local sc=${mbps[$d:rules]}
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

	local what="$d: scrub 3 columns" text
	check "$(ge "$sc" "$target_scrub_mbps")" \
	    "$what, plain: $sc MB/s >= $target_scrub_mbps MB/s"
	if [ "${cvps[rules]}" != - ]; then
		text="$what, plain: ${cvps[rules]} values/s of CPU"
		check "$(ge "${cvps[rules]}" "$target_scrub_vps")" \
		    "$text >= $target_scrub_vps"
	fi
	if [ -n "$timecmd" ]; then
		peak=0
		for k in rules rulesz; do
			[ "${maxrss[$k]}" -gt "$peak" ] && peak=${maxrss[$k]}
		done
		peak=$(kib_to_mb "$peak")
		check "$(ge "$target_rss_mb" "$peak")" \
		    "$what: peak RSS $peak MB <= $target_rss_mb MB"
	fi
}

# The dumpdehydrate figures of bench_dialect (its locals are in scope).
bench_dehydrate() {
	local out same=1 peak limit what="$d: $dh_name" cpu
	out=${dh_sum[dh]#* }
	printf '  %s with %s keeps %s of %s bytes (%s %%):\n' "$dh_name" \
	    "$dh_rules_name" "$out" "$size" "$(percent "$out" "$size")"
	dh_kept "$dh_report"
	k=$(awk -F '\t' '$1 == "# total" && match($5, /bytes out [0-9]+/) {
		print substr($5, RSTART + 10, RLENGTH - 10)
	}' "$dh_report")
	if [ -n "$k" ] && [ "$k" != "$out" ]; then
		printf '  note: --report says "bytes out %s", cksum counted %s\n' \
		    "$k" "$out"
	fi
	[ -n "$dh_said" ] && printf '%s' "$dh_said"
	printf '  %-58s %9s %6s %9s %6s %6s %7s %7s\n' command 'median s' \
	    'CPU s' 'MB/s' '/cat' '/zstd' 'RSS MB' 'tmp MB'
	for k in "${dh_keys[@]}"; do
		set_cmd "$k" "$f"
		cpu=-
		# shellcheck disable=SC2086  # word splitting wanted
		[ -n "${cputimes[$k]}" ] && cpu=$(median ${cputimes[$k]})
		printf '  %-58s %9.3f %6s %9s %6s %6s %7s %7s\n' "$label" \
		    "${med[$d:$k]}" "$cpu" "${mbps[$d:$k]}" \
		    "$(awk -v a="${mbps[$d:$k]}" -v b="${mbps[$d:cat]}" \
		    'BEGIN { printf "%.3f", a / b }')" \
		    "$(awk -v a="${mbps[$d:$k]}" -v b="${mbps[$d:zstd]}" \
		    'BEGIN { printf "%.3f", a / b }')" "${rss[$d:$k]}" \
		    "$(awk -v n="${dh_tmpb[$k]}" \
		    'BEGIN { printf "%.1f", n / 1e6 }')"
		[ "${dh_sum[$k]}" = "${dh_sum[dh]}" ] || same=0
	done
	printf '  (CPU s: median user + system time of %s, all its threads; ' \
	    "$dh_name"
	printf 'MB/s of the\n  uncompressed input; /cat, /zstd: MB/s over that '
	printf 'of cat, of zstd -dc; RSS MB:\n  %s, max over the runs; ' \
	    "$dh_name"
	printf 'tmp MB: peak allocated size of its files in\n  --tmpdir, '
	printf 'sampled every 0.1 s in an extra untimed run)\n'

	check "$(ge "${mbps[$d:dh]}" "$target_dh_mbps")" \
	    "$what, plain file: ${mbps[$d:dh]} MB/s >= $target_dh_mbps MB/s"
	if [ -n "$timecmd" ]; then
		peak=0
		for k in dh dhz dhp; do
			[ "${maxrss[$k]}" -gt "$peak" ] && peak=${maxrss[$k]}
		done
		limit=$(awk -v n=$((dh_default_mem + dh_rss_slack)) \
		    'BEGIN { printf "%.1f", n / 1e6 }')
		peak=$(kib_to_mb "$peak")
		check "$(ge "$limit" "$peak")" \
		    "$what, default --mem (1G): peak RSS $peak MB <= $limit MB"
		peak=$(kib_to_mb "${maxrss[dhm]}")
		limit=$(awk -v n=$((dh_small_mem + dh_rss_slack)) \
		    'BEGIN { printf "%.1f", n / 1e6 }')
		check "$(ge "$limit" "$peak")" \
		    "$what, --mem=$dh_small_mem_arg: peak RSS $peak MB <= $limit MB"
	fi
	check "$same" "$what: same output from a file, .zst, a pipe and" \
	    "--mem=$dh_small_mem_arg"
	if [ "$dh_left" = 0 ]; then
		check 1 "$what: nothing left in --tmpdir"
	else
		check 0 "$what: nothing left in --tmpdir ($dh_left runs left" \
		    "files)"
	fi
}

# --- main ------------------------------------------------------------

under_test=
[ "$do_scrub" = 1 ] && under_test=$dumpscrub
[ "$do_dh" = 1 ] && under_test+="${under_test:+ }$dumpdehydrate"
printf 'dumpfilters bench: %s, %s MB per dump (1 MB = 10^6 bytes), ' \
    "$under_test" "$bench_mb"
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
