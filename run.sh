#!/bin/sh
# Set up (first time only) and start the counter desk app.
set -eu
cd "$(dirname "$0")"
venv="${COUNTER_VENV:-.venv}"
sh scripts/setup.sh
exec "$venv"/bin/counter "$@"
