#!/bin/bash
# tests/options-relink.sh - dumprelink's options, checked as tests/options.sh
# checks dumpscrub's (its page, --help, usage errors).
#
# Environment: top_srcdir, DUMPSCRUB, DUMPRELINK.
set -eu
: "${top_srcdir:?top_srcdir must name the source tree}"
: "${DUMPRELINK:=${top_builddir:-.}/dumprelink}"
PROG=$DUMPRELINK exec bash "$top_srcdir/tests/options.sh"
