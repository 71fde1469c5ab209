#!/usr/bin/env bash
# Builds the .deb with CPack from BUILD_DIR, unpacks it into a temporary root (dpkg -x, as an
# install would place it, without touching the system) and runs what was installed, from there:
# the CLI lists every provider plugin and the GUI shows its first frame offscreen; lintian checks
# the package as Debian would. Nothing may be
# found in the build tree: the plugin path variable the other tests set is removed, and the build
# folder is hidden behind an empty one for the runs.
#   check-package.sh BUILD_DIR EXPECTED_PROVIDER_IDS...
set -euo pipefail
build=$1
shift
work=$(mktemp -d "${TMPDIR:-/tmp}/clouddeck-package.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "==> cpack -G DEB"
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) \
    || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/out/*.deb)
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
dpkg-deb --info "$deb" | grep -E '^ (Package|Version|Depends|Architecture):'

# lintian as Debian runs it on uploads, offline (about 10 s): no error or warning, and no
# information tag either unless packaging/lintian-overrides (installed with the package)
# explains it.
if command -v lintian >/dev/null 2>&1; then
    echo "==> lintian"
    lintian --display-info --fail-on error,warning,info --tag-display-limit 0 "$deb" \
        >"$work/lintian.log" 2>&1 || { cat "$work/lintian.log"; echo "lintian found problems"; exit 1; }
    tags=$(grep -E '^[EWIPXO]: ' "$work/lintian.log" || true)
    [ -z "$tags" ] || echo "$tags"
    echo "lintian: $(printf '%s' "$tags" | grep -c . || true) tags beyond the explained overrides"
else
    echo "lintian is not installed: scripts/setup.sh installs it (apt-get install lintian)"
    exit 1
fi

root="$work/root"
dpkg -x "$deb" "$root"
for path in usr/bin/clouddeck usr/bin/clouddeck-cli usr/share/applications/org.clouddeck.CloudDeck.desktop \
    usr/share/metainfo/org.clouddeck.CloudDeck.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/org.clouddeck.CloudDeck.svg \
    usr/share/doc/clouddeck/copyright usr/share/doc/clouddeck/changelog.gz \
    usr/share/man/man1/clouddeck.1.gz usr/share/man/man1/clouddeck-cli.1.gz; do
    [ -e "$root/$path" ] || { echo "missing from the package: /$path"; exit 1; }
done
for size in 16 24 32 48 64 128 256 512; do
    icon="usr/share/icons/hicolor/${size}x${size}/apps/org.clouddeck.CloudDeck.png"
    [ -e "$root/$icon" ] || { echo "missing from the package: /$icon"; exit 1; }
done

unset CLOUDDECK_PLUGIN_PATH
# The installed binaries must not reach into the build tree (an RPATH or a compiled-in path).
if grep -rqs --binary-files=text "$build" "$root/usr/bin" "$root/usr/lib"; then
    echo "the installed files name the build folder $build:"
    grep -rls --binary-files=text "$build" "$root/usr/bin" "$root/usr/lib"
    exit 1
fi

echo "==> installed clouddeck-cli providers"
"$root/usr/bin/clouddeck-cli" providers --json >"$work/providers.json"
for id in "$@"; do
    grep -q "\"id\": \"$id\"" "$work/providers.json" \
        || { echo "the installed CLI did not find the $id plugin:"; cat "$work/providers.json"; exit 1; }
done
echo "found $# provider plugins: $*"

echo "==> installed clouddeck, first frame offscreen"
out=$(QT_QPA_PLATFORM=offscreen CLOUDDECK_EXIT_AFTER_FIRST_FRAME=1 timeout 60 "$root/usr/bin/clouddeck" 2>"$work/gui.err") \
    || { echo "the installed GUI failed:"; cat "$work/gui.err"; exit 1; }
case "$out" in
    *first-frame*) echo "$out" ;;
    *) echo "the installed GUI showed no first frame: $out"; cat "$work/gui.err"; exit 1 ;;
esac
if grep -qiE 'qrc:.*(error|is not installed|failed)|module .* is not installed' "$work/gui.err"; then
    echo "the installed GUI reported QML errors:"
    cat "$work/gui.err"
    exit 1
fi
echo "package OK"
