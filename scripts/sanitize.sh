#!/usr/bin/env bash
# The test command's sanitizer stage (docs/HARDENING.md): builds core, the provider plugins, the
# CLI, their tests and the libFuzzer targets with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in their own folder (scripts/setup.sh --sanitize, build-asan/), then
# runs them with ctest: the tests as in the main suite, each fuzz target for a fixed number of
# inputs (label "fuzz"). Any sanitizer report (leaks included) fails the test that made it.
#   scripts/sanitize.sh [build-dir] [ctest options...]   e.g. -L fuzz, -R tst_aws
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$here/build-asan"
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
    build=$1
    shift
fi
# Warnings are the main build's gate (gcc, -Werror under CI); here clang's own warnings are shown
# but do not stop the stage, whose job is the sanitizers' reports.
start=$SECONDS
"$here/scripts/setup.sh" --sanitize "$build" -DCLOUDDECK_WERROR=OFF
built=$SECONDS
echo "==> Testing with ASan and UBSan"
status=0
ctest --test-dir "$build" --output-on-failure -j"$(nproc)" --timeout 900 "$@" || status=$?
echo "==> Sanitizer stage: build $((built - start)) s, tests $((SECONDS - built)) s"
exit "$status"
