#!/bin/bash
# tests/fuzz.sh - replay the fuzz corpus (STYLE.md rule 20).
#
# Each fuzz target of tests/fuzz/ is also built, without libFuzzer, as
# tests/fuzz/replay_<target> (replay.c plus fuzz_<target>.c); this runs
# each over its corpus tests/fuzz/corpus/<target>/: the seeds, the inputs
# fuzzing kept, and the reproducers of every crash it found.  A failed
# property aborts the replay and names the input; under --enable-asan or
# --enable-ubsan the sanitizers report too.  To fuzz: configure with
# --enable-fuzz (clang) and run "make fuzz FUZZ_SECONDS=N".
#
# Environment: top_srcdir, top_builddir.  Exit 0 pass, 1 fail.

# Check functions run through check() (lib.sh).
# shellcheck disable=SC2317

# The harness may run us with /bin/sh.
if [ -z "${BASH_VERSION:-}" ]; then
	exec bash "$0" "$@"
fi
set -eu

: "${top_srcdir:?top_srcdir must name the source tree}"
: "${top_builddir:?top_builddir must name the build tree}"
# shellcheck source=tests/lib.sh disable=SC1091  # followed with -x
. "$top_srcdir/tests/lib.sh"

TARGETS="pg_reader mysql_reader codecs schema json rules dehydrate keymap cond scrub"

# replay TARGET: run the replay binary over the target's corpus; its
# output goes to the log, the last lines to stderr on failure.
replay() {
	local t=$1 bin corpus rc=0
	bin=$top_builddir/tests/fuzz/replay_$t
	corpus=$top_srcdir/tests/fuzz/corpus/$t
	[ -x "$bin" ] || { printf '# not built: %s\n' "$bin" >&2; return 1; }
	[ -d "$corpus" ] || { printf '# no corpus: %s\n' "$corpus" >&2
		return 1; }
	"$bin" "$corpus" >"$T/$t.out" 2>&1 || rc=$?
	cat "$T/$t.out"
	if [ "$rc" != 0 ]; then
		printf '# replay_%s exited with status %s\n' "$t" "$rc" >&2
		tail -n 40 "$T/$t.out" >&2
		return 1
	fi
	return 0
}

tmpdir T
for t in $TARGETS; do
	check "fuzz corpus of $t replays cleanly" replay "$t"
done
check_done
