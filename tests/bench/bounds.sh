#!/bin/bash
#
# bounds.sh -- `make bounds`: the three filters on streams far larger than
# their memory, each run checked against the bound its documentation
# gives (issue "hardening", item 5).  Minutes, not part of `make check`.
#
# Nothing is stored: every dump is made on the fly by a generator of
# tests/bench (gendump, genrelink) and piped into the filter, which runs
# in a subshell of its own under `ulimit -v` (address space; the
# generators, zstd and the counters are not limited).  Run from the build
# directory (make does).  1 GB = 10^9 bytes of uncompressed dump, 1 MB =
# 10^6 bytes; MB/s is of the uncompressed input, over the wall time of
# the whole pipeline, on a machine that may be busy (2 shared cores on the
# reference VM: the generator, zstd, the counters and the filter share
# them, so MB/s is a floor, not the filter's speed; "CPU s" is the
# filter's own user + system time).
#
# dumpscrub (BOUNDS_TOOLS has scrub): for pg and mysql, a BOUNDS_GB dump
# of gendump, scrubbed by tests/bench/scrub.rules under ulimit -v
# BOUNDS_VMEM KiB, fed two ways:
#   gendump D MB | dumpscrub -r scrub.rules              pipe
#   gendump D MB | zstd -1 | dumpscrub -r scrub.rules    .zst stream
# Bounds: exit 0; every table has as many rows out as in; peak RSS <= 32
# MB (the `make bench` target; README: "under 11 MB at any dump size");
# nothing left in its TMPDIR.
#
# dumprelink (BOUNDS_TOOLS has relink): for pg and mysql, a key map is
# captured from a staging dump of BOUNDS_RL_TARGET_ROWS rows of genrelink
# (under the same ulimit), then a prod dump of BOUNDS_GB is relinked with
# tests/bench/relink.rules, from a pipe:
#   genrelink D staging ROWS | dumprelink --capture -r relink.rules -o K
#   genrelink D prod N | dumprelink -r relink.rules -k K --tmpdir=T
# N is the rows that make BOUNDS_GB (from the bytes per row of a 100000-row
# sample).  The rules translate three columns by value, in tables dumped
# before the owners, so the input is read twice and the pipe is spooled,
# zstd-compressed, to T: its size is sampled, and df must show room for
# half the dump (zstd -1 makes genrelink's dumps about 40 % of their size)
# before the run.  Why the target is smaller than the source:
# dumprelink(1) holds the key map's entries and the translations learned
# from the owner columns "up to the --mem size: about 18 to 34 bytes per
# entry, plus the bytes of its key and value", and spills the rest to
# files in --tmpdir; but a spilled array is mapped (keyset.h), so it takes
# address space all the same: under ulimit -v the whole key map and the
# translations must fit, whatever --mem says.  A staging dump as large as
# a 10 GB prod (29 million users, a key map of some 57 million entries,
# about 4 GB) cannot; 2 million rows (500000 users, a key map of a million
# entries: a staging database refreshed from a dehydrated copy) can.  The
# entries and key + value bytes of K are printed, with the documented
# memory they take (entries * 34 + key and value bytes, at most).
# Bounds: both runs exit 0; every table has as many rows out as in, but
# the kept table integration_settings, which has the key map's rows;
# peak RSS <= --mem + 64 MiB (default --mem, 1G: the ulimit binds first);
# nothing left in T.
#
# dumpdehydrate (BOUNDS_TOOLS has dehydrate): for pg and mysql, a gendump
# dump just large enough for BOUNDS_DH_KEYS users (about 5.5 GB for 10
# million), from a pipe (spooled to T), with the rules
#   keep users where id <= BOUNDS_DH_KEYS
# so that users has BOUNDS_DH_KEYS kept keys, and every row of orders and
# events, which reference users, is collected as well (no follow: those
# rows are dropped, the output is the users).  Twice: with the default
# --mem (1G) and with --mem=BOUNDS_DH_MEM (64M), which must spill.  No
# ulimit: dumpdehydrate's documented bound is --mem.  dumpdehydrate(1):
# "The values of the key and reference columns, and which rows are kept,
# are held in memory, up to the --mem size.  Past it, they are written to
# temporary files"; dehydrate.c: "the key values once per column list, 4
# bytes per row per list and per edge, and a bit per row".  Bounds: exit
# 0; peak RSS <= --mem + 64 MiB (the `make bench` bound: 1088 MiB and 128
# MiB); the report keeps exactly BOUNDS_DH_KEYS users and the output has
# that many users rows (counted apart); the --mem=64M run spilled keys to
# T and wrote the same bytes (cksum); nothing left in T.
#
# Rows are counted by neither filter: on each side of the filter a grep
# reads the stream as it goes by (tee), at GNU grep's speed.  pg: the line
# numbers of every "COPY ..." and "\." line (grep -n); a block has the
# lines between.  mysql: every "),(" and every "INSERT INTO `T`" of the
# known tables (grep -o -F, then uniq -c): a statement has one row more
# than its "),(".  Neither generator writes "),(" inside a value, nor a
# data line that starts with "COPY " or is "\." (checked on 1 GB dumps
# against the counts that the dumps' setval() and AUTO_INCREMENT declare).
# The same grep counts the input (tee'd before zstd) and the output.
#
# Peak RSS: GNU time %M of the filter.  Peak address space (VmPeak of
# /proc/PID/status) and the filter's files in T (spool, spilled keys:
# st_blocks of the files it holds open, unlinked or not, and of those
# linked in T) are sampled every second.
#
# Output: one summary line per run, then the bounds, PASS or FAIL.
#
# Environment:
#   BOUNDS_GB        size of each stream, GB (10; decimals allowed)
#   BOUNDS_VMEM      ulimit -v of the filters, KiB (262144: 256 MiB)
#   BOUNDS_TOOLS     some of scrub relink dehydrate (all three)
#   BOUNDS_ONLY      pg or mysql: one dialect only
#   BOUNDS_SEED      generators' seed (1)
#   BOUNDS_DH_KEYS   dumpdehydrate's kept users (10000000)
#   BOUNDS_DH_MEM    dumpdehydrate's small --mem (64M)
#   BOUNDS_RL_TARGET_ROWS  rows of dumprelink's staging dump (2000000)
#   DUMPSCRUB, DUMPRELINK, DUMPDEHYDRATE  binaries under test (./dumpscrub,
#                    the others next to it)
#   GENDUMP, GENRELINK  generators (./tests/bench/gendump, genrelink)
#   TMPDIR           where the scratch directory (and T) is made (/tmp)
#
# Exit status: 0 when every bound held, 1 when one did not (or a run could
# not be made), 2 on bad settings.

# make runs this with $(SHELL), which may be a POSIX sh: move to bash.
if [ -z "${BASH_VERSION:-}" ]; then
	exec bash "$0" "$@"
fi
if [ "${BASH_VERSINFO[0]}" -lt 4 ]; then
	echo "bounds: needs bash 4 or later" >&2
	exit 2
fi

set -u -o pipefail
export LC_ALL=C

prog=bounds
here=$(cd "$(dirname "$0")" && pwd) || exit 2

dumpscrub=${DUMPSCRUB:-./dumpscrub}
case $dumpscrub in
*/*) bindir=${dumpscrub%/*} ;;
*) bindir=. ;;
esac
dumprelink=${DUMPRELINK:-$bindir/dumprelink}
dumpdehydrate=${DUMPDEHYDRATE:-$bindir/dumpdehydrate}
gendump=${GENDUMP:-./tests/bench/gendump}
genrelink=${GENRELINK:-./tests/bench/genrelink}
gb=${BOUNDS_GB:-10}
vmem=${BOUNDS_VMEM:-262144}
tools=${BOUNDS_TOOLS:-scrub relink dehydrate}
only=${BOUNDS_ONLY:-}
seed=${BOUNDS_SEED:-1}
dh_keys=${BOUNDS_DH_KEYS:-10000000}
dh_small=${BOUNDS_DH_MEM:-64M}
rl_target=${BOUNDS_RL_TARGET_ROWS:-2000000}

scrub_rules=$here/scrub.rules
rl_rules=$here/relink.rules
# A fixed key: scrub.rules and relink.rules have no key statement.
export DUMPFILTERS_KEY='dumpfilters bounds key, not a secret'

# The bounds (see above), in bytes.
scrub_rss=$((32 * 1000 * 1000))
slack=$((64 << 20))
default_mem=$((1 << 30))

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

# size_bytes SIZE: a --mem argument (N, NK, NM, NG) in bytes, or nothing.
size_bytes() {
	case $1 in
	*[!0-9KMG]* | '' | [KMG]* | *[KMG]?*) return 1 ;;
	*K) echo $((${1%K} << 10)) ;;
	*M) echo $((${1%M} << 20)) ;;
	*G) echo $((${1%G} << 30)) ;;
	*) echo "$1" ;;
	esac
}

case $gb in
'' | *[!0-9.]* | *.*.* | .) usage_error "BOUNDS_GB=$gb: not a number" ;;
esac
mb=$(awk -v g="$gb" 'BEGIN { printf "%d", g * 1000 + 0.5 }')
[ "$mb" -ge 1 ] || usage_error "BOUNDS_GB=$gb: at least 0.001"
is_count "$vmem" || usage_error "BOUNDS_VMEM=$vmem: not a positive integer"
is_count "$dh_keys" || usage_error "BOUNDS_DH_KEYS=$dh_keys: not a count"
is_count "$rl_target" || [ "$rl_target" = 0 ] ||
	usage_error "BOUNDS_RL_TARGET_ROWS=$rl_target: not a count"
case $seed in
'' | *[!0-9]*) usage_error "BOUNDS_SEED=$seed: not a number" ;;
esac
dh_small_b=$(size_bytes "$dh_small") ||
	usage_error "BOUNDS_DH_MEM=$dh_small: not a size (N, NK, NM, NG)"
case $only in
'') dialects=(pg mysql) ;;
pg | mysql) dialects=("$only") ;;
*) usage_error "BOUNDS_ONLY=$only: must be pg or mysql" ;;
esac
do_scrub=0 do_rl=0 do_dh=0
for t in ${tools//,/ }; do
	case $t in
	scrub) do_scrub=1 ;;
	relink) do_rl=1 ;;
	dehydrate) do_dh=1 ;;
	*) usage_error "BOUNDS_TOOLS: $t: must be scrub, relink or dehydrate" ;;
	esac
done

need() {
	command -v "$1" >/dev/null 2>&1 || die "$1: not found${2:+ ($2)}"
}
[ "$do_scrub" = 1 ] && need "$dumpscrub" "build it, or set DUMPSCRUB"
[ "$do_rl" = 1 ] && need "$dumprelink" "build it, or set DUMPRELINK"
[ "$do_dh" = 1 ] && need "$dumpdehydrate" "build it, or set DUMPDEHYDRATE"
[ "$do_scrub" = 1 ] || [ "$do_dh" = 1 ] &&
	need "$gendump" "make tests/bench/gendump, or set GENDUMP"
[ "$do_rl" = 1 ] && need "$genrelink" "make tests/bench/genrelink, or set GENRELINK"
need zstd
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) not found"
[ -r "/proc/self/task/$$/children" ] ||
	die "/proc/PID/task/TID/children not readable: cannot sample"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/bounds.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$scratch"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# The filters' TMPDIR and --tmpdir: empty before and after every run.
tmpd=$scratch/T
mkdir "$tmpd" || die "$tmpd: cannot create"

now() {
	printf -v "$1" '%s' "${EPOCHREALTIME:-$(date +%s.%N)}"
}

mbs() {
	awk -v n="$1" 'BEGIN { printf "%.1f", n / 1e6 }'
}

# --- counting rows ---------------------------------------------------

# count_rows DIALECT [TABLE...] <DUMP: "TABLE ROWS" lines, sorted, names
# without their schema.  pg: the rows of a COPY block are the lines between
# its COPY line and its "\." (grep -n gives their numbers).  mysql: a
# statement of TABLE has one row more than its "),(" (mysqldump's form),
# or one per line that starts with a tab and "(" (the form of the INSERT
# that dumprelink writes for a kept table: "VALUES" ending its line, then
# one row a line); an INSERT into a table not named counts under "?".  A
# table's blocks or statements add up.
count_rows() {
	local d=$1 t
	local -a pats
	shift
	if [ "$d" = pg ]; then
		grep -a -n -e '^COPY ' -e '^\\\.$' | awk '
		{ i = index($0, ":"); n = substr($0, 1, i - 1) + 0
		  l = substr($0, i + 1) }
		l ~ /^COPY / { split(l, w, " "); t = w[2]; sub(/^.*\./, "", t)
		  s = n; next }
		t != "" { r[t] += n - s - 1; t = "" }
		END { for (t in r) print t, r[t] }' | sort
	else
		pats=(-e '),(' -e $'\t(' -e 'INSERT INTO `')
		for t in "$@"; do
			pats+=(-e "INSERT INTO \`$t\`")
		done
		# uniq -c: "N ),(", "N (" (the tab is blank to awk), "N
		# INSERT INTO `T`".  A first row on its own line was counted
		# with its INSERT.
		grep -a -o -F "${pats[@]}" | uniq -c | awk '
		$2 == "INSERT" { t = $4; gsub(/`/, "", t)
		  if (t == "") t = "?"; r[t] += $1; first = 1; next }
		$2 == "(" { r[t] += $1 - first; first = 0; next }
		{ r[t] += $1; first = 0 }
		END { for (t in r) print t, r[t] }' | sort
	fi
}

# rows_of FILE TABLE: TABLE's count in a count_rows FILE (0 if absent).
rows_of() {
	awk -v t="$2" '$1 == t { n = $2 } END { print n + 0 }' "$1"
}

# --- running one filter ----------------------------------------------

alive() {
	local st
	read -r st 2>/dev/null <"/proc/$1/stat" || return 1
	st=${st##*) }
	[ "${st%% *}" != Z ]
}

# tmp_sample PID: "SPOOL KEYS OTHER" bytes (st_blocks * 512) of the files
# under $tmpd that PID holds open, unlinked or not, or that are linked in
# $tmpd, each file once: spool files are dumpfilters.spool.*, spilled keys
# dumpfilters.keys.*.
tmp_sample() {
	{
		# shellcheck disable=SC2016  # for sh -c
		find "/proc/$1/fd" -lname "$tmpd/*" -exec sh -c '
		    for f; do
			s=$(stat -L -c "%d:%i %b %B" "$f") &&
			    printf "%s %s\n" "$s" "$(readlink "$f")"
		    done' sh {} + 2>/dev/null
		find "$tmpd" -type f -exec stat -c '%d:%i %b %B %n' {} + \
		    2>/dev/null
	} | awk '!seen[$1]++ {
		b = $2 * $3
		if (index($0, "dumpfilters.spool.")) sp += b
		else if (index($0, "dumpfilters.keys.")) k += b
		else o += b
	} END { printf "%.0f %.0f %.0f\n", sp, k, o }'
}

# run_filter: one run of filt (argv) under ulimit -v $limit (none when
# empty), its input gen (argv) through a pipe, compressed by zstd -1 on
# the way when zst=1; ctabs (the tables count_rows needs for mysql);
# with ck=1 the output's cksum.  Sets rc (the filter's exit status), grc
# (the generator side's), secs, rss (bytes), cpu (s), vmpeak (bytes,
# sampled), spool, keys, other (peak bytes in $tmpd, sampled), bytes_in
# (uncompressed input), sum (cksum of the output, with ck=1), left
# (what the run left in $tmpd, or empty); rows.in and rows.out in
# $scratch hold count_rows of the input and of the output.
run_filter() {
	local d=$1 fin=$scratch/fin fout=$scratch/fout fcnt=$scratch/fcnt
	local fbytes=$scratch/fbytes fck=$scratch/fck tf=$scratch/time
	local ef=$scratch/err gpid fpid ipid bpid opid kpid=0 child k v
	local t0 t1 s_sp s_k s_o
	rm -f "$fin" "$fout" "$fcnt" "$fbytes" "$fck" "$tf" \
	    "$scratch/rows.in" "$scratch/rows.out" "$scratch/bytes" \
	    "$scratch/sum"
	mkfifo "$fin" "$fout" "$fcnt" "$fbytes" || die "mkfifo failed"
	count_rows "$d" "${ctabs[@]}" <"$fcnt" >"$scratch/rows.in" &
	ipid=$!
	wc -c <"$fbytes" >"$scratch/bytes" &
	bpid=$!
	if [ "$ck" = 1 ]; then
		mkfifo "$fck" || die "mkfifo failed"
		cksum <"$fck" >"$scratch/sum" &
		kpid=$!
		tee "$fck" <"$fout" |
		    count_rows "$d" "${ctabs[@]}" >"$scratch/rows.out" &
	else
		count_rows "$d" "${ctabs[@]}" <"$fout" >"$scratch/rows.out" &
	fi
	opid=$!
	now t0
	(
		if [ -n "$limit" ]; then
			ulimit -v "$limit" || exit 125
		fi
		export TMPDIR=$tmpd
		exec /usr/bin/time -f '%M %U %S' -o "$tf" "${filt[@]}"
	) <"$fin" >"$fout" 2>"$ef" &
	fpid=$!
	if [ "$zst" = 1 ]; then
		("${gen[@]}" | tee "$fcnt" "$fbytes" | zstd -q -1 -c >"$fin") &
	else
		("${gen[@]}" | tee "$fcnt" "$fbytes" >"$fin") &
	fi
	gpid=$!
	vmpeak=0 spool=0 keys=0 other=0 child=
	while alive "$fpid"; do
		[ -z "$child" ] &&
		    read -r child _ 2>/dev/null <"/proc/$fpid/task/$fpid/children"
		if [ -n "$child" ]; then
			while read -r k v _; do
				if [ "$k" = VmPeak: ] && [ "$((v << 10))" -gt "$vmpeak" ]; then
					vmpeak=$((v << 10))
				fi
			done 2>/dev/null <"/proc/$child/status"
			read -r s_sp s_k s_o <<<"$(tmp_sample "$child")"
			[ "$s_sp" -gt "$spool" ] && spool=$s_sp
			[ "$s_k" -gt "$keys" ] && keys=$s_k
			[ "$s_o" -gt "$other" ] && other=$s_o
		fi
		sleep 1
	done
	wait "$fpid"
	rc=$?
	wait "$gpid"
	grc=$?
	wait "$ipid" "$bpid" "$opid"
	[ "$kpid" != 0 ] && wait "$kpid"
	now t1
	secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
	read -r rss cpu <<<"$(awk 'NF == 3 && $1 ~ /^[0-9]+$/ {
		printf "%.0f %.1f", $1 * 1024, $2 + $3 }' "$tf" 2>/dev/null)"
	rss=${rss:-0} cpu=${cpu:--}
	read -r bytes_in <"$scratch/bytes" || bytes_in=0
	sum=
	[ "$ck" = 1 ] && read -r sum <"$scratch/sum"
	left=$(find "$tmpd" -mindepth 1 -maxdepth 1 -printf ' %f' | head -c 200)
	if [ -n "$left" ]; then
		rm -rf "$tmpd" || die "$tmpd: cannot remove"
		mkdir "$tmpd" || die "$tmpd: cannot create"
	fi
}

# --- results ---------------------------------------------------------

results=()
checks=()
fails=0

# check OK TEXT...: a bound that held (OK 1: returns 0) or not (returns
# 1).
check() {
	local ok=$1
	shift
	if [ "$ok" = 1 ]; then
		checks+=("PASS  $*")
		return 0
	fi
	checks+=("FAIL  $*")
	fails=$((fails + 1))
	return 1
}

# summary TOOL FORM RESULT: the line of the run just made.
summary() {
	local mbps lim=none
	mbps=$(awk -v n="$bytes_in" -v t="$secs" \
	    'BEGIN { printf "%.0f", (t > 0 ? n / 1e6 / t : 0) }')
	[ -n "$limit" ] && lim="$((limit >> 10))M"
	results+=("$(printf '%-13s %-17s %6.2f %7s %6s %6s %7s %7s %7s %7s %6s  %s' \
	    "$1" "$2" "$(awk -v n="$bytes_in" 'BEGIN { print n / 1e9 }')" \
	    "$secs" "$mbps" "$cpu" "$(mbs "$rss")" "$(mbs "$vmpeak")" \
	    "$(mbs "$spool")" "$(mbs "$keys")" "$lim" "$3")")
	printf '  %s\n' "${results[${#results[@]} - 1]}"
}

# failed WHAT: the filter's or the generator's failure, with its stderr.
failed() {
	if [ "$rc" != 0 ]; then
		printf '  %s: exit %s\n' "$1" "$rc"
		sed 's/^/    /' "$scratch/err" | head -n 10
	elif [ "$grc" != 0 ]; then
		printf '  %s: the generator side exited %s\n' "$1" "$grc"
	fi
}

# same_rows WHAT [TABLE=N]: rows.in and rows.out agree, but TABLE, which
# must have N rows out.
same_rows() {
	local what=$1 exc=${2:-} t n diffs
	t=${exc%%=*} n=${exc#*=}
	diffs=$(awk -v t="$t" -v n="$n" -v exc="$exc" '
	FNR == NR { in_[$1] = $2; next }
	{ out[$1] = $2 }
	END {
		for (k in in_)
			if (!(exc != "" && k == t) && out[k] != in_[k])
				printf " %s: %s in, %s out;", k, in_[k], out[k] + 0
		for (k in out)
			if (!(k in in_) && !(exc != "" && k == t))
				printf " %s: 0 in, %s out;", k, out[k]
		if (exc != "" && out[t] + 0 != n + 0)
			printf " %s: %s out, %s wanted;", t, out[t] + 0, n
	}' "$scratch/rows.in" "$scratch/rows.out")
	local total
	total=$(awk '{ s += $2 } END { print s + 0 }' "$scratch/rows.in")
	if [ -z "$diffs" ] && [ "$total" -gt 0 ]; then
		check 1 "$what: rows out = rows in ($total rows in" \
		    "$(wc -l <"$scratch/rows.in") tables${exc:+; $t: $n})"
		return 0
	fi
	check 0 "$what: rows differ:${diffs:- none counted}"
	return 1
}

# nothing_left WHAT: the run left nothing in $tmpd.
nothing_left() {
	if [ -z "$left" ]; then
		check 1 "$1: nothing left in TMPDIR"
	else
		check 0 "$1: left in TMPDIR:$left"
	fi
}

# exited WHAT: the filter and the generator side exited 0.
exited() {
	if [ "$rc" = 0 ] && [ "$grc" = 0 ]; then
		check 1 "$1: exit 0${limit:+ under ulimit -v $limit}${2:-}"
		return
	fi
	failed "$1"
	check 0 "$1: exit $rc (generator side $grc)"
}

# rss_within WHAT BOUND: peak RSS <= BOUND bytes.
rss_within() {
	local ok=0
	[ "$rss" -gt 0 ] && [ "$rss" -le "$2" ] && ok=1
	check "$ok" "$1: peak RSS $(mbs "$rss") MB <= $(mbs "$2") MB"
}

# room BYTES WHAT: df shows BYTES free under $tmpd, or die.
room() {
	local avail
	avail=$(df -Pk "$tmpd" | awk 'NR == 2 { print $4 * 1024 }')
	[ -n "$avail" ] || die "df $tmpd failed"
	if [ "$avail" -lt "$1" ]; then
		die "$2: $(mbs "$avail") MB free in $tmpd, $(mbs "$1") MB" \
		    "wanted (set TMPDIR)"
	fi
	printf '  %s: %s MB free in %s (%s MB wanted)\n' "$2" \
	    "$(mbs "$avail")" "$tmpd" "$(mbs "$1")"
}

# --- dumpscrub -------------------------------------------------------

bounds_scrub() {
	local d=$1 form what res
	ctabs=(events orders settings users)
	gen=("$gendump" "$d" "$mb" "$seed")
	filt=("$dumpscrub" -r "$scrub_rules")
	limit=$vmem ck=0
	for form in pipe zst; do
		zst=0
		[ "$form" = zst ] && zst=1
		what="dumpscrub $d $form"
		run_filter "$d"
		res=ok
		exited "$what" || res=FAIL
		same_rows "$what" || res=FAIL
		rss_within "$what" "$scrub_rss" || res=FAIL
		nothing_left "$what" || res=FAIL
		summary dumpscrub "$d $form" "$res"
	done
}

# --- dumprelink ------------------------------------------------------

bounds_relink() {
	local d=$1 km=$scratch/$1.keymap per rows ent kvb est kept what res
	local sample=$scratch/sample
	ctabs=(integration_settings invoices payments subscriptions users)
	# Rows for BOUNDS_GB, from a 100000-row sample's bytes.
	"$genrelink" "$d" prod 100000 "$seed" | wc -c >"$sample" ||
		die "$genrelink $d prod 100000 failed"
	read -r per <"$sample"
	rows=$(awk -v b="$mb" -v p="$per" \
	    'BEGIN { printf "%.0f", b * 1e6 / (p / 100000) }')

	# The key map, under the same ulimit.
	what="dumprelink $d capture"
	gen=("$genrelink" "$d" staging "$rl_target" "$seed")
	filt=("$dumprelink" --capture -r "$rl_rules" "--tmpdir=$tmpd" \
	    -o "$km")
	limit=$vmem zst=0 ck=0
	run_filter "$d"
	res=ok
	if ! exited "$what"; then
		summary dumprelink "$d capture" FAIL
		return
	fi
	nothing_left "$what" || res=FAIL
	[ -z "$(find "$scratch" -maxdepth 1 -name ".$d.keymap.*")" ] ||
		check 0 "$what: -o left its temporary file" || res=FAIL
	summary dumprelink "$d capture" "$res"
	# Entries, key + value bytes; the kept table's rows.
	read -r ent kvb kept <<<"$(zstd -dc "$km" | awk -F '\t' '
	$1 == "pointer" && NF == 5 { left = $5; next }
	left > 0 { ent++; kv += length($0) - (NF - 1); left--; next }
	$1 == "table" && $3 == "integration_settings" { kept = $5 }
	END { printf "%d %d %d\n", ent, kv, kept }')" ||
		die "$km: cannot read"
	est=$((ent * 34 + kvb))
	printf '  key map: %s bytes, %s entries, %s MB of keys and values;' \
	    "$(wc -c <"$km" | tr -d ' ')" "$ent" "$(mbs "$kvb")"
	printf ' documented memory <= %s MB\n' "$(mbs "$est")"
	printf '    (34 bytes per entry + its key and value; plus the ' 
	printf 'translations, up to as many)\n'

	# The apply, from a pipe: the spool wants about half the dump.
	room $((mb * 1000000 / 2)) "dumprelink $d apply"
	what="dumprelink $d pipe"
	gen=("$genrelink" "$d" prod "$rows" "$seed")
	filt=("$dumprelink" -r "$rl_rules" -k "$km" "--tmpdir=$tmpd")
	run_filter "$d"
	res=ok
	exited "$what" " ($rows rows, spool $(mbs "$spool") MB)" || res=FAIL
	same_rows "$what" "integration_settings=$kept" || res=FAIL
	rss_within "$what" $((default_mem + slack)) || res=FAIL
	nothing_left "$what" || res=FAIL
	summary dumprelink "$d pipe" "$res"
}

# --- dumpdehydrate ---------------------------------------------------

bounds_dehydrate() {
	local d=$1 rules=$scratch/dh.rules rep=$scratch/dh.report dmb
	local what res sum1='' mem memb k kin kk uout
	ctabs=(events orders settings users)
	# gendump writes about 1850 users per MB (pg 1899, mysql 1862 at 1
	# GB, a little less as ids grow): 5 % more than the keys wanted.
	dmb=$(awk -v k="$dh_keys" 'BEGIN { printf "%d", k / 1850 * 1.05 + 1 }')
	printf 'keep users where id <= %s\n' "$dh_keys" >"$rules" ||
		die "$rules: cannot write"
	room $((dmb * 1000000 / 2)) "dumpdehydrate $d"
	gen=("$gendump" "$d" "$dmb" "$seed")
	limit='' zst=0 ck=1
	for mem in default "$dh_small"; do
		memb=$default_mem
		filt=("$dumpdehydrate" -r "$rules" "--tmpdir=$tmpd" \
		    "--report=$rep")
		if [ "$mem" != default ]; then
			memb=$dh_small_b
			filt+=("--mem=$mem")
		fi
		what="dumpdehydrate $d --mem=${mem/default/1G}"
		rm -f "$rep"
		run_filter "$d"
		res=ok
		if ! exited "$what"; then
			summary dumpdehydrate "$d mem=${mem/default/1G}" FAIL
			continue
		fi
		read -r kin kk <<<"$(awk -F '\t' '$1 ~ /^(public\.)?users$/ {
		    print $3, $4; exit }' "$rep")"
		uout=$(rows_of "$scratch/rows.out" users)
		k=0
		[ "${kk:-}" = "$dh_keys" ] && [ "$uout" = "$dh_keys" ] && k=1
		check "$k" "$what: users: ${kk:-?} of ${kin:-?} kept" \
		    "(report), $uout rows out (counted), $dh_keys wanted" ||
			res=FAIL
		rss_within "$what" $((memb + slack)) || res=FAIL
		if [ "$mem" != default ]; then
			k=0
			[ "$keys" -gt 0 ] && k=1
			check "$k" "$what: spilled $(mbs "$keys") MB of keys" ||
				res=FAIL
			k=0
			[ -n "$sum" ] && [ "$sum" = "$sum1" ] && k=1
			check "$k" "$what: the same output as --mem=1G" \
			    "(cksum $sum)" || res=FAIL
		else
			sum1=$sum
		fi
		nothing_left "$what" || res=FAIL
		summary dumpdehydrate "$d mem=${mem/default/1G}" "$res"
	done
}

# --- main ------------------------------------------------------------

printf 'dumpfilters bounds: %s GB streams, ulimit -v %s KiB; %s cores, ' \
    "$gb" "$vmem" "$(nproc 2>/dev/null || echo '?')"
printf 'load %s\n' "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
printf '  %-13s %-17s %6s %7s %6s %6s %7s %7s %7s %7s %6s  %s\n' tool form \
    GB s MB/s 'CPU s' 'RSS MB' 'VM MB' 'spool' 'spill' ulimit result
for d in "${dialects[@]}"; do
	[ "$do_scrub" = 1 ] && bounds_scrub "$d"
done
for d in "${dialects[@]}"; do
	[ "$do_rl" = 1 ] && bounds_relink "$d"
done
for d in "${dialects[@]}"; do
	[ "$do_dh" = 1 ] && bounds_dehydrate "$d"
done

printf '\nsummary (GB of uncompressed input; MB/s over the pipeline'"'"'s '
printf 'wall time; CPU s of the filter;\nRSS: GNU time %%M; VM: VmPeak, '
printf 'spool, spill: files in TMPDIR, MB, sampled each second)\n'
printf '  %-13s %-17s %6s %7s %6s %6s %7s %7s %7s %7s %6s  %s\n' tool form \
    GB s MB/s 'CPU s' 'RSS MB' 'VM MB' 'spool' 'spill' ulimit result
printf '  %s\n' "${results[@]}"
printf '\nbounds\n'
printf '  %s\n' "${checks[@]}"
if [ "$fails" -gt 0 ]; then
	printf '%d bound(s) broken\n' "$fails"
	exit 1
fi
printf 'all bounds held\n'
exit 0
