#!/usr/bin/env bash
# cmake/deployqt.cmake only acts on Windows and macOS, which this machine is not. This runs its
# two branches here anyway, in a tiny project of its own (the branch forced on, fake windeployqt
# and macdeployqt that record their arguments), installs it, and checks what would happen there:
# the tools' command lines, the libraries copied, and the macOS bundle's layout.
#   check-deployqt.sh SOURCE_DIR
set -euo pipefail
source=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/clouddeck-deployqt.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
for tool in windeployqt macdeployqt; do
    printf '#!/bin/sh\necho "%s $*" >> "%s/calls.log"\n' "$tool" "$work" >"$work/bin/$tool"
    chmod +x "$work/bin/$tool"
done
echo 'int main() { return 0; }' >"$work/main.cpp"
cat >"$work/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.21)
project(deploytest CXX)
include(GNUInstallDirs)
find_package(Qt6 REQUIRED COMPONENTS Core)
find_package(Qt6Keychain REQUIRED)
add_executable(clouddeck main.cpp)
add_executable(clouddeck-cli main.cpp)
add_library(digitalocean MODULE main.cpp)
set_target_properties(digitalocean PROPERTIES PREFIX "") # as clouddeck_add_provider names plugins
install(TARGETS clouddeck clouddeck-cli RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(TARGETS digitalocean LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}/clouddeck/plugins")
include("${DEPLOY_SCRIPT}")
CMAKE

for branch in windows macos; do
    win=FALSE; mac=FALSE
    [ "$branch" = windows ] && win=TRUE
    [ "$branch" = macos ] && mac=TRUE
    sed -e 's/^if(NOT (WIN32 OR APPLE))/if(FALSE)/' -e "s/^if(WIN32)/if($win)/" \
        -e "s/^elseif(APPLE)/elseif($mac)/" "$source/cmake/deployqt.cmake" >"$work/deploy-$branch.cmake"
    build="$work/build-$branch"
    prefix="$work/install-$branch"
    rm -f "$work/calls.log"
    echo "==> $branch branch"
    PATH="$work/bin:$PATH" cmake -S "$work" -B "$build" -G Ninja \
        -DDEPLOY_SCRIPT="$work/deploy-$branch.cmake" >"$work/configure-$branch.log" 2>&1 \
        || { cat "$work/configure-$branch.log"; exit 1; }
    cmake --build "$build" >/dev/null
    mkdir -p "$prefix/clouddeck.app/Contents/MacOS" # where macOS's BUNDLE DESTINATION puts the app
    PATH="$work/bin:$PATH" cmake --install "$build" --prefix "$prefix" >"$work/install-$branch.log" 2>&1 \
        || { cat "$work/install-$branch.log"; exit 1; }
    cat "$work/calls.log"
    case "$branch" in
        windows)
            [ "$(grep -c '^windeployqt --qmldir .*/qml --no-translations --compiler-runtime ' "$work/calls.log")" = 2 ] \
                || { echo "windeployqt was not run once for each executable"; exit 1; }
            grep -q "bin/clouddeck$" "$work/calls.log" && grep -q "bin/clouddeck-cli$" "$work/calls.log"
            ls "$prefix"/lib/libqt6keychain* >/dev/null || { echo "QtKeychain was not installed"; exit 1; }
            ;;
        macos)
            grep -q '^macdeployqt .*/clouddeck.app -qmldir=.*/qml -executable=.*/Contents/MacOS/clouddeck-cli -executable=.*/Contents/lib/clouddeck/plugins/digitalocean.so' "$work/calls.log" \
                || { echo "macdeployqt was not run on the bundle with the CLI and plugins"; exit 1; }
            [ -e "$prefix/clouddeck.app/Contents/MacOS/clouddeck-cli" ] \
                && [ -e "$prefix/clouddeck.app/Contents/lib/clouddeck/plugins/digitalocean.so" ] \
                || { echo "the CLI and plugins are not inside the bundle"; exit 1; }
            [ ! -e "$prefix/bin" ] && [ ! -e "$prefix/lib" ] \
                || { echo "files were left outside the bundle"; exit 1; }
            ;;
    esac
done
echo "deployqt OK"
