#!/usr/bin/env bash
# The benchmarks, run by scripts/bench.sh inside a private HOME and D-Bus session with a keychain
# (scripts/run-test.sh --keychain). Every figure is printed beside its floor, measured in the
# same run, with the ratio. Numbers mean something only on a quiet machine: the load average is
# printed with them.
#   bench/run-all.sh BUILD_DIR [RUNS]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$1
runs=${2:-7}
cli="$build/bin/clouddeck-cli"
python=/usr/bin/python3 # Debian's, where python3-libcloud lives (not a pyenv one)
work=$(mktemp -d "${TMPDIR:-/tmp}/clouddeck-bench.XXXXXX")
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

say() { printf '%s\n' "$*"; }
row() { printf '  %-44s %12s %12s %8s\n' "$@"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }

# measure NAME RUNS COMMAND...: runs COMMAND (stdout to /dev/null) and records, per run, wall
# seconds, CPU seconds and peak RSS in MiB; prints nothing; medians are read with `median`.
measure() {
    local name=$1 n=$2
    shift 2
    : >"$work/$name"
    local start end
    for _ in $(seq 1 "$n"); do
        # Wall time from bash's microsecond clock (GNU time's %e has only 10 ms steps).
        start=$EPOCHREALTIME
        /usr/bin/time -f "%U %S %M" -o "$work/$name.one" "$@" >/dev/null 2>>"$work/stderr.log"
        end=$EPOCHREALTIME
        awk -v s="$start" -v e="$end" '{ printf "%.4f %.3f %.1f\n", e - s, $1 + $2, $3 / 1024 }' \
            "$work/$name.one" >>"$work/$name"
    done
}
# median NAME COLUMN (1 wall s, 2 CPU s, 3 peak MiB)
median() {
    sort -g -k"$2","$2" "$work/$1" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'
}

start_server() { # DROPLETS LATENCY_MS
    rm -f "$work/port"
    "$python" "$here/bench/fakecloud.py" --droplets "$1" --latency-ms "$2" \
        --port-file "$work/port" --url-list "$work/urls" &
    server=$!
    for _ in $(seq 1 600); do [ -s "$work/port" ] && break; sleep 0.05; done
    port=$(cat "$work/port")
}
stop_server() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

fresh_home() { # NAME: settings and cache of their own for each scenario
    export XDG_CONFIG_HOME="$work/homes/$1/config" XDG_CACHE_HOME="$work/homes/$1/cache" \
        XDG_DATA_HOME="$work/homes/$1/data"
    mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME"
}
add_account() { # NAME
    printf 'bench-token-%s\n' "$1" | "$cli" accounts add --provider digitalocean --name "$1" \
        --endpoint "http://127.0.0.1:$port" >/dev/null
}

say "CloudDeck benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
say "build: $build ($(grep -m1 CMAKE_BUILD_TYPE: "$build/CMakeCache.txt" | cut -d= -f2)), median of $runs runs"
say ""
fresh_home empty
measure empty 3 "$cli" providers
empty_mib=$(median empty 3)

say "machines list --json, one DigitalOcean account (pages of 200, 0 ms latency)"
row "what" "clouddeck" "floor" "ratio"
for count in 1000 10000 50000; do
    n=$runs
    [ "$count" -ge 50000 ] && n=3
    fresh_home "list$count"
    start_server "$count" 0
    add_account bench
    # Alternate the three so that a change in the machine's load touches all of them alike.
    : >"$work/cd$count"; : >"$work/lc$count"; : >"$work/curl$count"
    for _ in $(seq 1 "$n"); do
        measure one 1 "$cli" machines list --json; cat "$work/one" >>"$work/cd$count"
        measure one 1 "$python" "$here/bench/libcloud_list.py" "$port"; cat "$work/one" >>"$work/lc$count"
        measure one 1 curl -s -K "$work/urls"; cat "$work/one" >>"$work/curl$count"
    done
    measure off$count "$n" "$cli" machines list --offline --json
    stop_server
    row "$count machines: wall s vs libcloud" "$(median cd$count 1)" "$(median lc$count 1)" \
        "$(ratio "$(median cd$count 1)" "$(median lc$count 1)")"
    row "$count machines: wall s vs curl (same pages)" "$(median cd$count 1)" "$(median curl$count 1)" \
        "$(ratio "$(median cd$count 1)" "$(median curl$count 1)")"
    row "$count machines: CPU s vs libcloud" "$(median cd$count 2)" "$(median lc$count 2)" \
        "$(ratio "$(median cd$count 2)" "$(median lc$count 2)")"
    row "$count machines: peak MiB vs libcloud" "$(median cd$count 3)" "$(median lc$count 3)" \
        "$(ratio "$(median cd$count 3)" "$(median lc$count 3)")"
    per=$(awk -v a="$(median cd$count 3)" -v e="$empty_mib" -v n="$count" \
        'BEGIN { printf "%.2f", (a - e) * 1024 / n }')
    row "$count machines: KiB per machine above empty" "$per" "$empty_mib MiB" "-"
    row "$count cached: --offline wall s vs curl" "$(median off$count 1)" "$(median curl$count 1)" \
        "$(ratio "$(median off$count 1)" "$(median curl$count 1)")"
done
say ""

say "ten accounts of 1,000 machines vs one of them (200 ms per reply)"
row "what" "ten" "one" "ratio"
fresh_home ten
start_server 1000 200
for i in $(seq 1 10); do add_account "a$i"; done
: >"$work/cd10"; : >"$work/cd1"; : >"$work/curl10"; : >"$work/curl1"
for _ in $(seq 1 "$runs"); do
    measure one 1 "$cli" machines list --json; cat "$work/one" >>"$work/cd10"
    measure one 1 "$cli" machines list --json --account a1; cat "$work/one" >>"$work/cd1"
    measure one 1 bash -c "for _ in \$(seq 1 10); do curl -s -K '$work/urls' & done; wait"
    cat "$work/one" >>"$work/curl10"
    measure one 1 curl -s -K "$work/urls"; cat "$work/one" >>"$work/curl1"
done
stop_server
row "clouddeck-cli: wall s" "$(median cd10 1)" "$(median cd1 1)" "$(ratio "$(median cd10 1)" "$(median cd1 1)")"
row "curl, the floor: wall s" "$(median curl10 1)" "$(median curl1 1)" \
    "$(ratio "$(median curl10 1)" "$(median curl1 1)")"
say ""

say "the real window (bench_window: one fake DigitalOcean account of 10,000 droplets, a fifth \"new\")"
fresh_home window
start_server 10000 0
add_account bench
# The fake cloud has no monitoring API: the rows' CPU requests get 404s, which the window logs.
QT_LOGGING_RULES="clouddeck.net.info=false;clouddeck.net.warning=false;clouddeck.metrics.info=false;clouddeck.metrics.warning=false" \
    "$build/tests/bench_window" --machines 10000 --idle-seconds 20 --rounds "$runs" | sed 's/^/  /'
stop_server
say ""

say "GUI start-up (bench_startup: each run a fresh process, offscreen)"
"$build/tests/bench_startup" --runs "$runs" --platform offscreen | sed 's/^/  /'
say ""
for bench in bench_inventory bench_filter bench_memory; do
    say "$bench (QBENCHMARK, median of 5)"
    "$build/bench/$bench" -median 5 2>&1 | grep -E 'RESULT|msecs|MB|KiB|bytes|PASS|FAIL' | sed 's/^/  /'
    say ""
done
say "bench_scrolling (10,000 rows with cached CPU sparklines vs empty rows, offscreen)"
"$build/bench/bench_scrolling" 2>&1 | sed 's/^/  /'
say ""
say "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
