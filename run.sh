#!/bin/sh
# Start the counter desk app; set it up first when this checkout's environment is not set up for what it asks now.
# The set-up (scripts/setup.sh: Debian packages, the .venv, the prepared first-start database) is run once, and again
# only when what it installs changed: its stamp is the hash of the files that decide it. A start that checked packages
# and rebuilt the prepared database every time took five times as long as the program's own start.
set -eu
cd "$(dirname "$0")"
venv="${COUNTER_VENV:-.venv}"
stamp="$venv/.run-setup"
wanted="$(cat requirements/desk.lock pyproject.toml scripts/setup.sh | sha256sum)"
if [ ! -x "$venv/bin/counter" ] || [ "$(cat "$stamp" 2>/dev/null || true)" != "$wanted" ]; then
    sh scripts/setup.sh
    printf '%s\n' "$wanted" > "$stamp"
fi
exec "$venv"/bin/counter "$@"
