#!/usr/bin/env bash
# Sets up everything CloudDeck needs on Debian 12 / Ubuntu and builds it. Idempotent and quick when
# nothing changed: apt runs only when a package is missing, configure only when the build folder is
# new or options are given, and ninja rebuilds only what changed. Fails when any step fails.
#   scripts/setup.sh --app [build-dir]   the app only: GUI, CLI and provider plugins
#   scripts/setup.sh [--all] [build-dir] [extra cmake options...]   also the tests and benchmarks
#   scripts/setup.sh --bench [build-dir] [...]   as --all, plus what the benchmarks compare with
#   scripts/setup.sh --sanitize [build-dir] [...]   clang with ASan and UBSan (default folder
#       build-asan): core, the providers, the CLI, their tests and the libFuzzer targets; not the
#       GUI, its QML/UI/screenshot tests or the benchmarks (docs/HARDENING.md says why)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=--all
case "${1:-}" in
    --app|--all|--bench|--sanitize) mode=$1; shift ;;
esac
default_build="$here/build"
if [ "$mode" = --sanitize ]; then
    default_build="$here/build-asan"
fi
build=${1:-"$default_build"}
shift || true

# Debian's QML module packages do not depend on each other: every QML import needs its package
# (the configure step checks each import the app uses and names the missing package).
packages=(
    build-essential cmake ninja-build pkg-config ccache
    qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-svg-dev libqt6svg6 libqt6sql6-sqlite libsqlite3-dev qtkeychain-qt6-dev libsecret-1-0
    libyaml-cpp-dev
    # libssl-dev: OpenSSL's libcrypto signs the GCE plugin's service-account JWT (RS256).
    libssl-dev
    qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
    qml6-module-qtquick qml6-module-qtquick-window qml6-module-qtquick-templates
    qml6-module-qtquick-controls qml6-module-qtquick-layouts qml6-module-qtquick-dialogs
    qml6-module-qtquick-shapes qml6-module-qt-labs-settings qt6-qpa-plugins
    libxkbcommon-dev libgl1-mesa-dri xvfb xauth
)
case "$mode" in
    --app) targets=(--target clouddeck_app) ;;
    --sanitize)
        # The tests' own needs (as --all, without the GUI's), clang 14 with its sanitizer and
        # libFuzzer runtimes (libclang-rt-14-dev), and llvm's llvm-symbolizer for readable
        # reports.
        packages+=(dbus gnome-keyring libsecret-tools openssl clang libclang-rt-14-dev llvm)
        targets=()
        ;;
    --all|--bench)
        # What the tests use besides the app: QtQuickTest, a real keychain in a private D-Bus
        # session, openssl for self-signed test certificates, ImageMagick for screenshot checks.
        # dpkg-dev, desktop-file-utils, appstream and lintian build and check the package.
        packages+=(qml6-module-qttest libqt6quicktest6 imagemagick
                   dbus gnome-keyring libsecret-tools openssl
                   dpkg-dev desktop-file-utils appstream lintian)
        targets=()
        if [ "$mode" = --bench ]; then
            # The floors and comparisons: libcloud (Debian's, for /usr/bin/python3), curl, and
            # GNU time for peak memory.
            packages+=(python3-libcloud curl time)
        fi
        ;;
esac

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
    if [ "$mode" = --sanitize ]; then
        # ccache caches compiles that use a precompiled header only when told these are safe
        # (the header's own build is keyed on its contents).
        export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
    fi
fi
if [ ! -f "$build/build.ninja" ]; then
    echo "==> Configuring in $build"
    initial=()
    if [ "$mode" = --app ]; then
        initial=(-DCLOUDDECK_BUILD_TESTS=OFF -DCLOUDDECK_BUILD_BENCH=OFF)
    elif [ "$mode" = --sanitize ]; then
        # -O1 and line tables only: what ASan's reports need, cheaper to compile and link than
        # -O2 -g; precompiled Qt headers (CLOUDDECK_PCH); a change in core relinks core only,
        # not the 130 programs that load it at run time (LINK_DEPENDS_NO_SHARED).
        initial=(-DCMAKE_CXX_COMPILER=clang++ "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only"
                 -DCLOUDDECK_SANITIZE=ON -DCLOUDDECK_BUILD_FUZZ=ON -DCLOUDDECK_PCH=ON
                 -DCLOUDDECK_BUILD_APP=OFF -DCLOUDDECK_BUILD_GUI_TESTS=OFF
                 -DCLOUDDECK_BUILD_PROVIDER_TESTS=OFF
                 -DCLOUDDECK_BUILD_TESTS=ON -DCLOUDDECK_BUILD_BENCH=OFF
                 -DCMAKE_LINK_DEPENDS_NO_SHARED=ON)
    fi
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
        "${initial[@]}" "$@" >/dev/null
elif [ $# -gt 0 ]; then
    cmake "$build" "$@" >/dev/null
fi
echo "==> Building ${targets[*]:-everything}"
# Only ninja's progress lines are dropped; with pipefail a failed build fails this script even
# though grep, the last command of the pipe, succeeds (or finds nothing to print).
cmake --build "$build" "${targets[@]}" -- -j"$(nproc)" 2>&1 \
    | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
