#!/usr/bin/env bash
# Runs every benchmark and prints each figure beside its floor, measured in the same run: the CLI
# listing against Apache libcloud and curl on a local fake DigitalOcean, ten accounts against one,
# the GUI's first frame against an empty Qt Quick Controls window, and the QBENCHMARK programs.
#   scripts/bench.sh [RUNS]
# Builds into build/ like the test command (benchmarks need an optimised build: RelWithDebInfo).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$here/scripts/setup.sh" --bench "$here/build" -DCLOUDDECK_BUILD_BENCH=ON
exec "$here/scripts/run-test.sh" --keychain "$here/bench/run-all.sh" "$here/build" "${1:-7}"
