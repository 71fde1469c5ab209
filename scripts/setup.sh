#!/usr/bin/env bash
# Sets up everything CloudDeck needs on Debian 12 / Ubuntu and builds it. Idempotent and quick when
# nothing changed: apt runs only when a package is missing, configure only when the build folder is
# new, and ninja rebuilds only what changed.
#   scripts/setup.sh [build-dir] [extra cmake options...]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-"$here/build"}
shift || true

# Debian's QML module packages do not depend on each other: every QML import needs its package.
packages=(
    build-essential cmake ninja-build pkg-config ccache
    qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-svg-dev libqt6svg6 libqt6sql6-sqlite qtkeychain-qt6-dev libsecret-1-0
    qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
    qml6-module-qtquick qml6-module-qtquick-window qml6-module-qtquick-templates
    qml6-module-qtquick-controls qml6-module-qtquick-layouts qml6-module-qtquick-dialogs
    qml6-module-qtquick-shapes qml6-module-qt-labs-settings
    qml6-module-qttest libqt6quicktest6 qt6-qpa-plugins
    libxkbcommon-dev libgl1-mesa-dri xvfb xauth imagemagick
    dbus gnome-keyring libsecret-tools openssl
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "==> Installing ${#missing[@]} system packages: ${missing[*]}"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi

launcher=()
if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1
fi
if [ ! -f "$build/build.ninja" ]; then
    echo "==> Configuring in $build"
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@" \
        >/dev/null
elif [ $# -gt 0 ]; then
    cmake "$build" "$@" >/dev/null
fi
echo "==> Building"
cmake --build "$build" -- -j"$(nproc)" | grep -vE '^\[[0-9]+/[0-9]+\] ' || true
test "${PIPESTATUS[0]}" -eq 0
