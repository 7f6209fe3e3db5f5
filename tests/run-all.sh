#!/usr/bin/env bash
# The whole test suite, as CI runs it: pytest inside a throw-away D-Bus session with an unlocked
# gnome-keyring (so the Secret Service tests use a real keyring), under a hard timeout because a
# wedged Qt or asyncio loop never exits by itself. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
export QT_QPA_PLATFORM=offscreen
export PYTHONFAULTHANDLER=1
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export PY
timeout -s KILL "${TEST_TIMEOUT:-3000}" env HOME="$keyring_home" XDG_CONFIG_HOME="$keyring_home/.config" \
  dbus-run-session -- sh -c '
    printf %s ci-keyring-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$PY" -m pytest -p no:cacheprovider "$@"' sh "$@"
