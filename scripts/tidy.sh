#!/usr/bin/env bash
# clang-tidy with the project's .clang-tidy over every source file of core/ and providers/ (and
# the headers of both that they include), using a configured build folder's
# compile_commands.json (default build/, as scripts/setup.sh makes it). Fails when any check
# reports.
#   scripts/tidy.sh [file-regex]        e.g. scripts/tidy.sh 'providers/aws/'
#   TIDY_FIX=1 scripts/tidy.sh          apply the fixes clang-tidy offers (then review the diff)
#   TIDY_BUILD=build-asan scripts/tidy.sh   another build folder; TIDY_JOBS=1 fewer processes
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${TIDY_BUILD:-"$here/build"}
case "$build" in /*) ;; *) build="$here/$build" ;; esac
if [ ! -f "$build/compile_commands.json" ]; then
    echo "No $build/compile_commands.json: run scripts/setup.sh first" >&2
    exit 2
fi
# Configuring is enough: no source of core/ or providers/ includes moc's output, and the one
# generated header they need (clouddeck_core_export.h) is written by cmake.
regex=${1:-"^$here/(core|providers)/.*\.cpp$"}
fix=()
if [ "${TIDY_FIX:-0}" = 1 ]; then
    fix=(-fix)
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
run-clang-tidy -quiet -p "$build" -j "${TIDY_JOBS:-$(nproc)}" "${fix[@]}" "$regex" 2>&1 \
    | sed 's/\x1b\[[0-9;]*m//g' >"$out" || status=$?
# Only the findings, each once (a header's finding is reported by every file including it).
grep -E '^/.*: (warning|error): ' "$out" | sort -u | tee /dev/stderr | awk '
    { match($0, /\[[a-z0-9.,-]+\]$/); check = substr($0, RSTART + 1, RLENGTH - 2); n[check]++ }
    END { for (c in n) printf "%6d  %s\n", n[c], c; if (length(n) == 0) print "clang-tidy: clean" }' \
    >&2 || true
if grep -qE '^/.*: (warning|error): ' "$out"; then
    exit 1
fi
exit "$status"
