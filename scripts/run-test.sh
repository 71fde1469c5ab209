#!/usr/bin/env bash
# Runs one test program in a private, throw-away environment:
#   HOME, XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME and XDG_RUNTIME_DIR in a new temporary
#   folder (removed afterwards), so no test ever touches the user's real settings, cache or keychain.
# With --keychain: inside its own D-Bus session (dbus-run-session) with a gnome-keyring-daemon this
# script starts, unlocks with a throw-away password, and stops.
set -euo pipefail

keychain=0
if [ "${1:-}" = "--keychain" ]; then
    keychain=1
    shift
fi

if [ "${CLOUDDECK_TEST_INNER:-}" != "1" ]; then
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/clouddeck-test.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/home" "$tmp/config" "$tmp/data" "$tmp/cache" "$tmp/run"
    chmod 700 "$tmp/run"
    export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
        XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/run" CLOUDDECK_TEST_TMP="$tmp"
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    unset DISPLAY WAYLAND_DISPLAY
    if [ "$keychain" = 0 ]; then
        # No session bus at all: a test that reaches for the keychain by mistake fails loudly.
        unset DBUS_SESSION_BUS_ADDRESS
        "$@"
        exit $?
    fi
    export CLOUDDECK_TEST_INNER=1
    status=0
    dbus-run-session -- "$0" --keychain "$@" || status=$?
    exit $status
fi

# Inside the private D-Bus session.
echo -n "clouddeck-test-keyring" \
    | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
keyring=$!
trap 'kill "$keyring" 2>/dev/null; wait "$keyring" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
        | grep -q "boolean true"; then
        break
    fi
    sleep 0.1
done
"$@"
