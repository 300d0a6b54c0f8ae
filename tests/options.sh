#!/bin/bash
# tests/options.sh - a program's options: --help, the usage text and the
# manual page list the same options (STYLE.md rules 8 and 22), the page
# passes mandoc's lint, and option errors are usage errors (exit 2).
#
# Environment: top_srcdir (the source tree) and DUMPSCRUB (the program);
# PROG, when set, names another program to test the same way (dumpdehydrate:
# tests/options-dehydrate.sh, which gets a rules file that keeps every row;
# dumprelink: tests/options-relink.sh, which gets rules that relink nothing
# and their key map).
#
# The page is parsed as mdoc source: an option is the word after an "Fl"
# macro, so ".It Fl o Ar file , Fl -output Ns = Ns Ar file" is -o and
# --output ("Fl -output" renders as --output; "Fl \-output" is read the
# same way) and ".Op Fl hV" in the SYNOPSIS is -h and -V.  The options
# list is every ".It Fl" line; the help's option lines are the lines
# that begin, after blanks, with "-".
#
# shellcheck disable=SC2317  # the checks run through check() from lib.sh
set -eu

: "${top_srcdir:?top_srcdir must name the source tree}"
: "${DUMPSCRUB:?DUMPSCRUB must name the dumpscrub program}"
# shellcheck source=tests/lib.sh disable=SC1091  # followed with -x
. "$top_srcdir/tests/lib.sh"

PROG=${PROG:-$DUMPSCRUB}
NAME=$(basename "$PROG")
MAN=$top_srcdir/man/$NAME.1
[ -r "$MAN" ] || fail "no manual page: $MAN"
[ -x "$PROG" ] || fail "not executable: $PROG"

tmpdir D

# Arguments every run gets: dumpdehydrate needs rules; these keep all.
PROG_ARGS=()
if [ "$NAME" = dumpdehydrate ]; then
	printf 'others keep\n' >"$D/all.rules"
	PROG_ARGS=(-r "$D/all.rules")
fi

# A small dump that the program passes through with exit 0: an option
# value that is wrongly accepted then shows as exit 0, not as an
# unrelated data error.
cat >"$D/in.sql" <<'EOF'
--
-- PostgreSQL database dump
--

CREATE TABLE public.t (
    id integer NOT NULL
);

COPY public.t (id) FROM stdin;
1
\.

EOF
cp "$D/in.sql" "$D/in2.sql"

# dumprelink needs rules and a key map: rules that relink nothing.
if [ "$NAME" = dumprelink ]; then
	printf '# nothing to relink\n' >"$D/none.rules"
	"$PROG" --capture -r "$D/none.rules" -o "$D/none.keymap" "$D/in.sql" ||
	    fail "dumprelink --capture failed"
	PROG_ARGS=(-r "$D/none.rules" -k "$D/none.keymap")
fi

# run ARGS...: run the program with ARGS and the small dump on stdin;
# stdout, stderr and the exit status land in $D/out, $D/err and RC.
RC=0
run() {
	RC=0
	"$PROG" "${PROG_ARGS[@]}" "$@" <"$D/in.sql" >"$D/out" 2>"$D/err" ||
	    RC=$?
}

# say MSG...: a diagnostic line for the test log.
say() {
	printf '# %s\n' "$*" >&2
}

# show_err: the first lines of the last run's stderr, for diagnostics.
show_err() {
	head -n 5 "$D/err" | sed 's/^/#   stderr: /' >&2
}

# mdoc_options: read mdoc lines on stdin; print, one a line, each option
# named by an Fl macro: the next word with "\-" and "\&" read as "-" and
# nothing, prefixed by "-"; a cluster such as "hV" is -h and -V.
mdoc_options() {
	local line w prev i
	local -a words
	while IFS= read -r line; do
		read -ra words <<<"$line"
		prev=
		for w in "${words[@]}"; do
			w=${w#.}
			if [ "$prev" = Fl ]; then
				w=${w//\\-/-}
				w=${w//\\&/}
				case $w in
				-?*)
					printf -- '-%s\n' "$w"
					;;
				[A-Za-z0-9]*)
					for ((i = 0; i < ${#w}; i++)); do
						printf -- '-%s\n' "${w:i:1}"
					done
					;;
				esac
			fi
			prev=$w
		done
	done
}

# help_groups: read --help output on stdin; print one line per option
# line, its names (-o --output) sorted and separated by a space.
help_groups() {
	local line w names
	local -a words
	while IFS= read -r line; do
		read -ra words <<<"$line"
		case ${words[0]:-} in
		-*) ;;
		*) continue ;;
		esac
		names=
		for w in "${words[@]}"; do
			case $w in
			-*) ;;
			*) break ;;
			esac
			w=${w%,}
			w=${w%%=*}
			names="$names $w"
		done
		# shellcheck disable=SC2086  # one name a word
		printf '%s\n' $names | sort | paste -sd' ' -
	done
}

# man_groups: the same for the page's ".It Fl" lines.
man_groups() {
	local line
	grep -E '^\.It[[:space:]]+Fl[[:space:]]' "$MAN" |
	while IFS= read -r line; do
		printf '%s\n' "$line" | mdoc_options | sort | paste -sd' ' -
	done
}

# usage_options: the options of the usage text (the help's lines up to
# the first blank one), one a line; "[-hV]" is -h and -V.
usage_options() {
	local w i
	sed -n '1,/^$/p' "$D/help" | sed 's/^usage://' |
	    grep -oE -- '(^|[[[:space:]])--?[A-Za-z0-9][A-Za-z0-9-]*' |
	    sed 's/^[[[:space:]]*//' |
	while IFS= read -r w; do
		case $w in
		--*)
			printf '%s\n' "$w"
			;;
		*)
			for ((i = 1; i < ${#w}; i++)); do
				printf -- '-%s\n' "${w:i:1}"
			done
			;;
		esac
	done
}

# synopsis_source: the mdoc lines of the page's SYNOPSIS section.
synopsis_source() {
	sed -n '/^\.Sh SYNOPSIS/,/^\.Sh /p' "$MAN" | sed '1d;$d'
}

# same_set WHAT LEFT-FILE RIGHT-FILE LEFT-NAME RIGHT-NAME: each line of
# one file is in the other; name each one that is not.
same_set() {
	local what=$1 a=$2 b=$3 an=$4 bn=$5 rc=0 x
	while IFS= read -r x; do
		grep -qxF -- "$x" "$b" || { say "$what: $x in $an, not in $bn"; rc=1; }
	done <"$a"
	while IFS= read -r x; do
		grep -qxF -- "$x" "$a" || { say "$what: $x in $bn, not in $an"; rc=1; }
	done <"$b"
	return "$rc"
}

### --help, -h, --version, -V

# help_ok ARG: ARG prints the usage and option summary on stdout, nothing
# on stderr, and exits 0.
help_ok() {
	run "$1"
	[ "$RC" = 0 ] || { say "$1: exit $RC, expected 0"; show_err; return 1; }
	[ ! -s "$D/err" ] || { say "$1: wrote to stderr"; show_err; return 1; }
	head -n 1 "$D/out" | grep -q "^usage: $NAME " ||
	    { say "$1: stdout does not begin with 'usage: $NAME '"; return 1; }
	grep -q -- '^ *-' "$D/out" ||
	    { say "$1: no option lines on stdout"; return 1; }
}

# version_ok ARG: ARG prints "NAME ... N.N" on stdout, nothing on
# stderr, and exits 0.
version_ok() {
	run "$1"
	[ "$RC" = 0 ] || { say "$1: exit $RC, expected 0"; show_err; return 1; }
	[ ! -s "$D/err" ] || { say "$1: wrote to stderr"; show_err; return 1; }
	grep -qE "^$NAME( .*)? [0-9]+\.[0-9]+" "$D/out" ||
	    { say "$1: stdout is not '$NAME ... VERSION':"; \
	    head -n 2 "$D/out" | sed 's/^/#   /' >&2; return 1; }
}

check "--help: stdout, exit 0" help_ok --help
check "-h: stdout, exit 0" help_ok -h
run --help
cp "$D/out" "$D/help"
check "--version: name and version, exit 0" version_ok --version
check "-V: name and version, exit 0" version_ok -V

### The help, the usage text and the page list the same options

help_groups <"$D/help" | sort >"$D/help.groups"
tr ' ' '\n' <"$D/help.groups" | sort -u >"$D/help.opts"
man_groups | sort >"$D/man.groups"
tr ' ' '\n' <"$D/man.groups" | sort -u >"$D/man.opts"
usage_options | sort -u >"$D/usage.opts"
synopsis_source | mdoc_options | sort -u >"$D/synopsis.opts"

[ -s "$D/help.opts" ] || fail "no options found in '$PROG --help'"
[ -s "$D/man.opts" ] || fail "no '.It Fl' lines found in $MAN"
[ -s "$D/usage.opts" ] || fail "no options found in the usage text"
[ -s "$D/synopsis.opts" ] || fail "no options found in the SYNOPSIS"

# in_file FILE OPT: OPT is a line of FILE.
in_file() {
	grep -qxF -- "$2" "$1"
}

while IFS= read -r opt; do
	check "page's options list has $opt (from --help)" \
	    in_file "$D/man.opts" "$opt"
done <"$D/help.opts"
while IFS= read -r opt; do
	check "--help has $opt (from the page's options list)" \
	    in_file "$D/help.opts" "$opt"
done <"$D/man.opts"
check "each .It of the page names the options of one --help line" \
    same_text "option groups (--help vs page)" "$D/help.groups" \
    "$D/man.groups"

# synopsis_has GROUP: the SYNOPSIS names at least one of GROUP's names.
synopsis_has() {
	local o
	for o in $1; do
		in_file "$D/synopsis.opts" "$o" && return 0
	done
	say "SYNOPSIS names none of: $1"
	return 1
}
while IFS= read -r group; do
	check "SYNOPSIS mentions $group" synopsis_has "$group"
done <"$D/help.groups"
check "SYNOPSIS and usage text name the same options" \
    same_set "options" "$D/usage.opts" "$D/synopsis.opts" "usage" "SYNOPSIS"

### The page itself: mandoc lint and the rendered SYNOPSIS

# lint_ok: mandoc -Tlint -W warning prints nothing and exits 0.
lint_ok() {
	local rc=0
	mandoc -Tlint -W warning "$MAN" >"$D/lint" 2>&1 || rc=$?
	if [ -s "$D/lint" ] || [ "$rc" != 0 ]; then
		say "mandoc -Tlint -W warning: exit $rc"
		sed 's/^/#   /' "$D/lint" >&2
		return 1
	fi
}

# synopsis_renders_as_usage: the rendered SYNOPSIS is the usage text,
# white space aside.
synopsis_renders_as_usage() {
	local bs
	bs=$(printf '\b')
	mandoc -Tascii -O width=1000 "$MAN" | sed "s/.$bs//g" |
	    sed -n '/^SYNOPSIS/,/^[A-Z]/p' | sed '1d;$d' |
	    tr -s ' \t\n' '   ' | sed 's/^ //;s/ $//' >"$D/syn.txt"
	sed -n '1,/^$/p' "$D/help" | sed 's/^usage: //' |
	    tr -s ' \t\n' '   ' | sed 's/^ //;s/ $//' >"$D/use.txt"
	printf '\n' >>"$D/syn.txt"
	printf '\n' >>"$D/use.txt"
	same_text "usage text vs rendered SYNOPSIS" "$D/use.txt" "$D/syn.txt"
}

if command -v mandoc >/dev/null 2>&1; then
	check "mandoc -Tlint -W warning is silent" lint_ok
	check "rendered SYNOPSIS is the usage text" synopsis_renders_as_usage
elif [ "${CI:-}" = true ]; then
	check "mandoc is installed (required when CI=true)" false
else
	echo "ok - mandoc lint # SKIP mandoc not installed"
	echo "ok - rendered SYNOPSIS # SKIP mandoc not installed"
fi

### Usage errors

# usage_error ARGS...: exit 2, nothing on stdout, a usage line on stderr.
usage_error() {
	run "$@"
	[ "$RC" = 2 ] || { say "$*: exit $RC, expected 2"; show_err; return 1; }
	[ ! -s "$D/out" ] || { say "$*: wrote to stdout"; return 1; }
	grep -q "^usage: $NAME " "$D/err" ||
	    { say "$*: no 'usage: $NAME' line on stderr"; show_err; return 1; }
}

# bad_value OPTION ARGS...: exit 2, nothing on stdout, and stderr begins
# with "NAME: " and names OPTION.
bad_value() {
	local opt=$1
	shift
	run "$@"
	[ "$RC" = 2 ] || { say "$*: exit $RC, expected 2"; show_err; return 1; }
	[ ! -s "$D/out" ] || { say "$*: wrote to stdout"; return 1; }
	head -n 1 "$D/err" | grep -q "^$NAME: " ||
	    { say "$*: stderr does not begin with '$NAME: '"; show_err; \
	    return 1; }
	grep -qF -- "$opt" "$D/err" ||
	    { say "$*: the message does not name $opt"; show_err; return 1; }
}

# accepted ARGS...: exit 0 and the small dump copied unchanged.
accepted() {
	run "$@"
	[ "$RC" = 0 ] || { say "$*: exit $RC, expected 0"; show_err; return 1; }
	same_file "$*" "$D/in.sql" "$D/out"
}

check "--bogus: usage error" usage_error --bogus
check "-Z (unknown short option): usage error" usage_error -Z
check "two input files: usage error" usage_error "$D/in.sql" "$D/in2.sql"

for v in bogus gzip:0 gzip:10 zstd:0 zstd: none:1 gzip:x ''; do
	check "--compress='$v': exit 2" bad_value --compress --compress="$v"
done
for v in 0 abc 10X 2T 1023 -1 ''; do
	check "--max-row='$v': exit 2" bad_value --max-row --max-row="$v"
done
for v in oracle PG sqlite ''; do
	check "--dialect='$v': exit 2" bad_value --dialect --dialect="$v"
done

if [ "$NAME" = dumpdehydrate ] || [ "$NAME" = dumprelink ]; then
	for v in 0 abc 10X 1023K 2P ''; do
		check "--mem='$v': exit 2" bad_value --mem --mem="$v"
	done
	check "--mem=1M accepted" accepted --mem=1M
	check "--tmpdir accepted" accepted --tmpdir="$D"
fi
if [ "$NAME" = dumpdehydrate ]; then
	check "--explain with -o: usage error" bad_value --explain --explain \
	    -o "$D/x.sql"
fi
if [ "$NAME" = dumprelink ]; then
	check "--strict accepted" accepted --strict
	check "--capture with -k: exit 2" bad_value --capture --capture
	check "-k without its argument: usage error" usage_error \
	    -r "$D/none.rules" -k
fi

# An option that takes an argument, given none, is a usage error.
for opt in --compress --dialect --max-row --output --rules --schema -o -r
do
	check "$opt without its argument: usage error" usage_error "$opt"
done

# The same options with good values pass the dump through, so the
# errors above come from the values.
check "--compress=none accepted" accepted --compress=none
check "--max-row=1K accepted" accepted --max-row=1K
check "--max-row=64M accepted" accepted --max-row=64M
check "--max-row=1G accepted" accepted --max-row=1G
check "--dialect=pg accepted" accepted --dialect=pg
check "- as the input file accepted" accepted -

# --progress: on a log (stderr not a terminal) plain lines, the last one
# with the whole input read; without it, nothing on stderr.
progress_lines() {
	run --progress "$D/in.sql"
	[ "$RC" = 0 ] || { say "exit $RC"; show_err; return 1; }
	same_file "--progress output" "$D/in.sql" "$D/out" || return 1
	if grep -q "$(printf '\033')" "$D/err" || grep -q "$(printf '\r')" \
	    "$D/err"; then
		say "terminal controls in a log"
		return 1
	fi
	tail -n 1 "$D/err" | grep -Eq "^$NAME: .* \\(100%\\), ETA 0:00, .*/s\$" ||
	    { say "last line: $(tail -n 1 "$D/err")"; return 1; }
}
check "--progress to a log: plain lines ending at 100%" progress_lines
no_progress() {
	run "$D/in.sql"
	[ "$RC" = 0 ] && [ ! -s "$D/err" ]
}
check "no --progress, stderr not a terminal: stderr empty" no_progress

check_done
