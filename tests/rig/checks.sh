# shellcheck shell=bash
# tests/rig/checks.sh - checks shared by tests/real-pg.sh and
# tests/real-mariadb.sh.
#
# Source after tests/lib.sh.  Every function here is meant to run under
# check() (lib.sh), i.e. inside an "if": set -e is off there, so each
# step tests its own status and returns 1 with a diagnostic on stderr
# (lines starting with '#').  Uses DUMPSCRUB and DUMPROWS.

# run_to OUT CMD...: run CMD with stdout to OUT and stderr to OUT.err;
# on a non-zero exit show the command, its status and its stderr.
run_to() {
	local out=$1 rc=0
	shift
	"$@" >"$out" 2>"$out.err" || rc=$?
	if [ "$rc" != 0 ]; then
		printf '# %s: exit %d\n' "$*" "$rc" >&2
		head -n 5 "$out.err" | cut -c1-300 | sed 's/^/#   /' >&2
		return 1
	fi
	return 0
}

# run_in IN OUT CMD...: like run_to with stdin from IN.
run_in() {
	local in=$1 out=$2 rc=0
	shift 2
	"$@" <"$in" >"$out" 2>"$out.err" || rc=$?
	if [ "$rc" != 0 ]; then
		printf '# %s <%s: exit %d\n' "$*" "$in" "$rc" >&2
		head -n 5 "$out.err" | cut -c1-300 | sed 's/^/#   /' >&2
		return 1
	fi
	return 0
}

# scrub_file EXPECTED OUT ARGS...: "$DUMPSCRUB" ARGS > OUT == EXPECTED.
scrub_file() {
	local exp=$1 out=$2
	shift 2
	run_to "$out" "$DUMPSCRUB" "$@" || return 1
	same_file "dumpscrub $*" "$exp" "$out"
}

# scrub_stdin EXPECTED IN OUT ARGS...: "$DUMPSCRUB" ARGS <IN == EXPECTED.
scrub_stdin() {
	local exp=$1 in=$2 out=$3
	shift 3
	run_in "$in" "$out" "$DUMPSCRUB" "$@" || return 1
	same_file "dumpscrub $* <$in" "$exp" "$out"
}

# scrub_o EXPECTED OUTFILE DECOMPRESSOR ARGS...: "$DUMPSCRUB" ARGS -o
# OUTFILE; the decompressed OUTFILE == EXPECTED.
scrub_o() {
	local exp=$1 out=$2 dec=$3
	shift 3
	rm -f "$out"
	run_to "$out.stdout" "$DUMPSCRUB" -o "$out" "$@" || return 1
	if [ -s "$out.stdout" ]; then
		echo "# dumpscrub -o $out also wrote to stdout" >&2
		return 1
	fi
	[ -f "$out" ] || {
		echo "# dumpscrub -o $out: no output file" >&2
		return 1
	}
	run_to "$out.plain" "$dec" -dc "$out" || return 1
	same_file "dumpscrub -o $out $* | $dec -dc" "$exp" "$out.plain"
}

# identity_checks LABEL FILE WORK [ARGS...]: with no rules, dumpscrub
# must reproduce FILE byte for byte, whatever the input and output
# encoding.  Leaves the plain output in WORK.out (the restore input).
# ARGS (e.g. --schema FILE) go to every run.
identity_checks() {
	local label=$1 f=$2 w=$3
	shift 3
	gzip -1 -c "$f" >"$w.in.gz" || fail "gzip $f"
	zstd -q -1 -c "$f" >"$w.in.zst" || fail "zstd $f"
	check "$label identity" scrub_file "$f" "$w.out" "$@" "$f"
	check "$label identity stdin" scrub_stdin "$f" "$f" "$w.stdin.out" "$@"
	check "$label identity gzip input" \
	    scrub_file "$f" "$w.gz.out" "$@" "$w.in.gz"
	check "$label identity zstd input" \
	    scrub_file "$f" "$w.zst.out" "$@" "$w.in.zst"
	check "$label identity zstd stdin" \
	    scrub_stdin "$f" "$w.in.zst" "$w.zst.stdin.out" "$@"
	check "$label identity -o .zst" \
	    scrub_o "$f" "$w.o.zst" zstd --compress=zstd "$@" "$f"
	check "$label identity -o .gz" \
	    scrub_o "$f" "$w.o.gz" gzip "$@" "$f"
	# Keep WORK.out; the rest is 100 MB or more per form.
	rm -f "$w.in.gz" "$w.in.zst" "$w.stdin.out" "$w.gz.out" \
	    "$w.zst.out" "$w.zst.stdin.out" "$w.o.zst" "$w.o.zst.plain" \
	    "$w.o.gz" "$w.o.gz.plain"
}

# inventory_check DIALECT COUNTS KIND FILE OUT: dumpscrub --inventory
# FILE lists every table of COUNTS that has rows with that row count
# (for KIND schema-only: no rows at all), dialect DIALECT, and integer
# rows and bytes.  Tables without rows may be absent.
inventory_check() {
	local dialect=$1 counts=$2 kind=$3 f=$4 out=$5
	run_to "$out" "$DUMPSCRUB" --inventory "$f" || return 1
	LC_ALL=C awk -F '\t' -v dialect="$dialect" -v kind="$kind" '
	function bad(msg) { print "# inventory: " msg > "/dev/stderr"; err = 1 }
	FNR == NR {
		want[$1] = (kind == "schema-only") ? 0 : $2
		next
	}
	/^#/ || /^$/ { next }
	{
		if (NF < 5) { bad("line " FNR ": " NF " fields: " $0); next }
		if ($2 != dialect) bad("line " FNR ": dialect \"" $2 "\"")
		if ($4 !~ /^[0-9]+$/) bad("line " FNR ": rows \"" $4 "\"")
		if ($5 !~ /^[0-9]+$/) bad("line " FNR ": bytes \"" $5 "\"")
		if ($1 in got) bad("table " $1 " listed twice")
		got[$1] = $4
	}
	END {
		for (t in want) {
			if (want[t] == 0 && (!(t in got) || got[t] == 0))
				continue
			if (!(t in got))
				bad(t ": missing, expected " want[t] " rows")
			else if (got[t] != want[t])
				bad(t ": " got[t] " rows, expected " want[t])
		}
		for (t in got)
			if (!(t in want) && got[t] != 0)
				bad(t ": unknown table with " got[t] " rows")
		exit err
	}' "$counts" "$out"
}

# rows_split COUNTS ROWS DIR: split dumprows output by table into
# DIR/<n> (n = line of the table in COUNTS), without the table column;
# lines of tables not in COUNTS go whole to DIR/unknown.  Binary-safe.
rows_split() {
	rm -rf "$3" && mkdir -p "$3" || return 1
	perl -e '
	my ($counts, $dir) = @ARGV;
	open(my $c, "<", $counts) or die "$counts: $!\n";
	my (%idx, %fh);
	while (<$c>) { chomp; my ($t) = split /\t/; $idx{$t} = $.; }
	binmode STDIN;
	while (my $l = <STDIN>) {
		my $p = index($l, "\t");
		my $t = $p < 0 ? ($l =~ s/\n\z//r) : substr($l, 0, $p);
		my $k = exists $idx{$t} ? $idx{$t} : "unknown";
		if (!$fh{$k}) {
			open($fh{$k}, ">", "$dir/$k") or die "$dir/$k: $!\n";
			binmode $fh{$k};
		}
		print { $fh{$k} } ($k eq "unknown" || $p < 0) ? $l
		    : substr($l, $p + 1);
	}' "$1" "$3" <"$2"
}

# copy_norm: normalise PostgreSQL COPY text on stdin so that the
# optional escapes \b \f \v (COPY TO writes them, a re-encoder may write
# the raw byte) compare equal.  Backslash pairs are consumed left to
# right, so "\\b" stays an escaped backslash followed by b.
copy_norm() {
	perl -pe 'BEGIN { %m = ("b", "\x08", "f", "\x0c", "v", "\x0b",
	    "\\", "\\\\") } s/\\([bfv\\])/$m{$1}/g'
}

# copy_hex [SKIP]: decode each tab-separated COPY text field on stdin
# and print it as upper-case hex, "N" for \N; fields whose 1-based
# positions are in the comma list SKIP print as "SKIP".
copy_hex() {
	perl -e '
	my %skip = map { $_ => 1 } split /,/, ($ARGV[0] // "");
	my %e = (b => "\x08", f => "\x0c", n => "\n", r => "\r",
	    t => "\t", v => "\x0b");
	binmode STDIN; binmode STDOUT;
	while (my $l = <STDIN>) {
		$l =~ s/\n\z//;
		my @f = split /\t/, $l, -1;
		my @o;
		for my $i (0 .. $#f) {
			my $v = $f[$i];
			if ($skip{$i + 1}) { push @o, "SKIP"; next; }
			if ($v eq "\\N") { push @o, "N"; next; }
			$v =~ s/\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))/
			    defined $1 ? chr(oct($1) & 255) : defined $2 ? chr(hex($2))
			    : exists $e{$3} ? $e{$3} : $3/gse;
			push @o, uc unpack("H*", $v);
		}
		print join("\t", @o), "\n";
	}' "${1:-}"
}

# sorted_same WHAT EXPECTED ACTUAL: compare two files as sets of lines
# (bytewise sort), showing the first differences.
sorted_same() {
	local what=$1 a=$2 b=$3
	LC_ALL=C sort -o "$a" "$a" && LC_ALL=C sort -o "$b" "$b" || return 1
	same_text "$what" "$a" "$b"
}
