#!/usr/bin/env bash
# Sets up and builds everything (the app, the tests and the benchmarks), then runs the whole test
# suite with ctest. Under CI (CI=true) warnings in our code are errors; locally they are shown, so
# the same build folder serves the run command without a rebuild.
# Every test starts what it needs itself (a private HOME, a D-Bus session with gnome-keyring, fake
# cloud servers on 127.0.0.1) and stops it. Then the sanitizer stage (scripts/sanitize.sh: core,
# the providers and their tests again, built with clang, ASan and UBSan, and the fuzz targets).
# The main suite's ctest summary line is the last line printed; the exit status is non-zero
# when either stage fails.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$here/build"
werror=OFF
if [ -n "${CI:-}" ] && [ "${CI}" != false ]; then
    werror=ON
fi
"$here/scripts/setup.sh" --all "$build" -DCLOUDDECK_WERROR="$werror" -DCLOUDDECK_BUILD_TESTS=ON \
    -DCLOUDDECK_BUILD_BENCH=ON
echo "==> Testing"
set +e
# ctest prints "Total Test time" and the list of failures after its summary: move the summary
# line to the very end (after the sanitizer stage), where CI and people look for it.
summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
ctest --test-dir "$build" --output-on-failure -j"$(nproc)" --timeout 600 2>&1 \
    | awk -v out="$summary" '/tests passed, [0-9]+ tests? failed out of/ { s = $0; next }
                             { print; fflush() } END { if (s != "") print s > out }'
status=${PIPESTATUS[0]}
# tst_cachesoak (30 kill -9s of a 10,000-machine refresh) runs in the main suite only: under
# ASan it alone takes about 4 minutes of the 30-minute budget.
"$here/scripts/sanitize.sh" -E tst_cachesoak 2>&1
sanitizer_status=$?
if [ "$sanitizer_status" -ne 0 ]; then
    echo "==> The sanitizer stage failed (status $sanitizer_status)"
fi
cat "$summary"
if [ "$status" -eq 0 ]; then
    status=$sanitizer_status
fi
exit "$status"
