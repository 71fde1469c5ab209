#!/usr/bin/env bash
# Runs one libFuzzer target for a fixed number of inputs from a fixed seed, starting from the seed
# corpus folders given. New inputs go to a throw-away folder, so the fixtures are never written
# to. A crash (a sanitizer report, an abort from a broken rule, a leak) fails the test and leaves
# the input that caused it in <artifacts>/<target>-crash-<sha1>: replay it with
# `<target> <that file>`.
#   run-fuzzer.sh <fuzzer> <runs> <artifacts-dir> <seed-corpus-dir>...
set -euo pipefail
fuzzer=$1
runs=$2
artifacts=$3
shift 3
work=$(mktemp -d "${TMPDIR:-/tmp}/clouddeck-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$artifacts"
# -timeout: one input taking 30 s is a hang (a parser loops); -rss_limit_mb: libFuzzer's
# default, stated.
"$fuzzer" -runs="$runs" -seed=1 -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/$(basename "$fuzzer")-" "$work" "$@"
