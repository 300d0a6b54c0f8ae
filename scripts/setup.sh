#!/bin/bash
# scripts/setup.sh - set up a Debian 12 machine, build, and run something.
#
#   bash scripts/setup.sh demo    install what is missing, build, and run the
#                               bundled sample dump through dumpdehydrate
#                               (sample/dehydrate.rules), dumprelink
#                               (sample/relink.rules, with the key map
#                               captured from sample/staging.sql) and
#                               dumpscrub (sample/app.rules)
#   bash scripts/setup.sh test    install what is missing, build, and run the
#                               whole test suite (make check)
#   bash scripts/setup.sh build   install what is missing and build
#
# Needs root (or sudo) only when packages are missing.  Safe to run again.
set -eu

cd "$(dirname "$0")/.."
what=${1:-demo}

build_pkgs="build-essential autoconf automake pkg-config zlib1g-dev
    libzstd-dev libpcre2-dev libsodium-dev gzip zstd"
# The real-server tests start PostgreSQL and MariaDB from Debian's packages;
# .ci/run also runs valgrind and shellcheck.
test_pkgs="postgresql mariadb-server mariadb-client mandoc time xxd clang
    libclang-rt-14-dev git valgrind shellcheck"

missing=
for p in $build_pkgs $( [ "$what" = test ] && echo "$test_pkgs" ); do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
	    grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "setup: installing:$missing"
	sudo=
	[ "$(id -u)" = 0 ] || sudo=sudo
	export DEBIAN_FRONTEND=noninteractive
	# Installing a server package must not start a system-wide server.
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d \
		    >/dev/null
		$sudo chmod 755 /usr/sbin/policy-rc.d
		trap '$sudo rm -f /usr/sbin/policy-rc.d' EXIT
	fi
	$sudo apt-get update -qq
	# shellcheck disable=SC2086
	$sudo apt-get install -y -qq --no-install-recommends $missing \
	    >/dev/null
fi

if [ ! -x configure ] || [ configure.ac -nt configure ] ||
    [ Makefile.am -nt configure ]; then
	autoreconf -fi >/dev/null
fi
if [ ! -f Makefile ] || [ configure -nt Makefile ]; then
	./configure --enable-werror -q
fi
make -j"$(nproc)" -s >/dev/null

case $what in
demo)
	# A fixed demo key: the same run gives the same fakes.  Real use
	# takes the secret from the environment or --key-file.
	DUMPFILTERS_KEY=${DUMPFILTERS_KEY:-demo key: not a secret, 32 bytes}
	export DUMPFILTERS_KEY
	echo "== dumpscrub --inventory sample/app.sql (tables, exact row counts, columns)"
	./dumpscrub --inventory sample/app.sql
	echo "== dumpscrub --check --strict -r sample/app.rules sample/app.sql (what covers each column)"
	./dumpscrub --check --strict -r sample/app.rules sample/app.sql
	echo "== the first customers, before and after dumpscrub -r sample/app.rules"
	grep -A3 '^COPY public.customers' sample/app.sql
	./dumpscrub -r sample/app.rules sample/app.sql |
	    grep -A3 '^COPY public.customers'
	echo "== zstd-compressed dump through dumpscrub (no rules): byte-identical?"
	zstd -q -c sample/app.sql | ./dumpscrub | cmp - sample/app.sql &&
	    echo "yes: $(wc -c < sample/app.sql) bytes in, the same bytes out"
	echo "== dumpdehydrate --explain -r sample/dehydrate.rules sample/app.sql (what a small copy keeps, and why)"
	./dumpdehydrate --explain -r sample/dehydrate.rules sample/app.sql
	echo "== dumprelink --capture -r sample/relink.rules sample/staging.sql -> staging.keymap (staging's phone numbers by lower(email))"
	./dumprelink --capture -r sample/relink.rules -o staging.keymap \
	    sample/staging.sql
	zstd -q -d -c staging.keymap | head -n 5
	echo "== customers after dumpdehydrate | dumprelink -k staging.keymap (staging's numbers; NULL where staging has no such customer)"
	./dumpdehydrate -r sample/dehydrate.rules sample/app.sql |
	    ./dumprelink -r sample/relink.rules -k staging.keymap |
	    awk '/^COPY public\.customers /{ c = 1; print; next }
		/^\\\.$/ { c = 0 }
		c && (n++ < 3 || /\tuser(152|190)@/)'
	echo "== the pipeline: dumpdehydrate | dumprelink | dumpscrub -> small.sql.zst"
	./dumpdehydrate -r sample/dehydrate.rules sample/app.sql |
	    ./dumprelink -r sample/relink.rules -k staging.keymap |
	    ./dumpscrub -r sample/app.rules -o small.sql.zst
	echo "small.sql.zst: $(zstd -q -d -c small.sql.zst | wc -c) bytes" \
	    "(from $(wc -c < sample/app.sql)): kept rows with their customers," \
	    "relinked by sample/relink.rules, scrubbed by sample/app.rules"
	;;
test)
	make -j"$(nproc)" check
	;;
build)
	;;
*)
	echo "usage: bash scripts/setup.sh [demo|test|build]" >&2
	exit 2
	;;
esac
