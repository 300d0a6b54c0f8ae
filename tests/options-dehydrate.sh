#!/bin/bash
# tests/options-dehydrate.sh - dumpdehydrate's options, checked as
# tests/options.sh checks dumpscrub's (its page, --help, usage errors).
#
# Environment: top_srcdir, DUMPSCRUB, DUMPDEHYDRATE.
set -eu
: "${top_srcdir:?top_srcdir must name the source tree}"
: "${DUMPDEHYDRATE:=${top_builddir:-.}/dumpdehydrate}"
PROG=$DUMPDEHYDRATE exec bash "$top_srcdir/tests/options.sh"
