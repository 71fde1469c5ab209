#!/usr/bin/env bash
# Longer fuzz runs than the test command's (docs/HARDENING.md): every libFuzzer target of
# build-asan/ (scripts/setup.sh --sanitize builds them) for the given seconds each, one after the
# other, from its seed corpus, printing per target the inputs run, libFuzzer's coverage (cov:
# edges, ft: features) and whether it crashed. A crash's input is kept in build-asan/fuzz/artifacts.
#   scripts/fuzz.sh [seconds-per-target] [target...]   default 60 s, every target
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${FUZZ_BUILD:-"$here/build-asan"}
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cd "$build/fuzz" && ls fuzz_* | sort)
fi
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
status=0
printf '%-18s %10s %8s %8s %s\n' target inputs cov ft result
for target in "${targets[@]}"; do
    # The same corpora ctest gives it (its test's command line), minus the run count.
    line=$(ctest --test-dir "$build" -N -V -R "^$target\$" | sed -n 's/^[0-9]*: Test command: //p' | tr -d '"')
    read -r -a words <<<"$line"
    seeds=("${words[@]:4}")
    mkdir -p "$logs/$target" "$build/fuzz/artifacts"
    result=ok
    if ! env ASAN_OPTIONS=detect_leaks=1 "$build/fuzz/$target" -max_total_time="$seconds" \
        -print_final_stats=1 -artifact_prefix="$build/fuzz/artifacts/$target-" \
        "$logs/$target" "${seeds[@]}" >"$logs/$target.log" 2>&1; then
        result="CRASH (see $build/fuzz/artifacts)"
        status=1
    fi
    inputs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$target.log" | tail -1)
    coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$logs/$target.log" | tail -1)
    read -r _ cov _ ft <<<"${coverage:-cov: ? ft: ?}"
    printf '%-18s %10s %8s %8s %s\n' "$target" "${inputs:-?}" "$cov" "$ft" "$result"
    if [ "$result" != ok ]; then
        grep -E 'ERROR|SUMMARY|runtime error|abort|==[0-9]+==' "$logs/$target.log" | head -5
    fi
done
exit "$status"
