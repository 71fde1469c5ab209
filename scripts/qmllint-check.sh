#!/usr/bin/env bash
# Runs qmllint with the arguments in a file (one a line, as CMake wrote them for the CloudDeck
# module) and fails when it reports anything at all, not only when its exit code says so: Qt
# 6.4's qmllint exits 0 after messages it files as info.
#   scripts/qmllint-check.sh <qmllint> <args file> <working dir>
set -uo pipefail
qmllint=$1
args_file=$2
workdir=$3

args=()
while IFS= read -r line; do
    [ -n "$line" ] && args+=("$line")
done <"$args_file"

cd "$workdir" || exit 2
output=$("$qmllint" "${args[@]}" 2>&1)
status=$?
if [ -n "$output" ]; then
    printf '%s\n' "$output"
fi
count=$(printf '%s\n' "$output" | grep -cE '^(Warning|Info|Error|Critical)' || true)
if [ "$status" -ne 0 ] || [ -n "$output" ]; then
    echo "qmllint: ${count} message(s), exit code ${status}: the QML module must lint clean" >&2
    exit 1
fi
echo "qmllint: ${#args[@]} arguments, no messages"
