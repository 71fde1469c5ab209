#!/usr/bin/env bash
# Sets up and builds the app only (GUI, CLI and plugins: scripts/setup.sh --app), then starts the GUI.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$here/scripts/setup.sh" --app "$here/build"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = Linux ]; then
    echo "No display found: starting CloudDeck in a virtual one (xvfb-run). Run it from a desktop" \
         "session to see the window." >&2
    exec xvfb-run -a -s "-screen 0 1920x1080x24" "$here/build/bin/clouddeck" "$@"
fi
exec "$here/build/bin/clouddeck" "$@"
