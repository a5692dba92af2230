#!/bin/sh
# Set up (first time only) and run every check: lint, types, the whole test suite.
set -eu
cd "$(dirname "$0")"
venv="${COUNTER_VENV:-.venv}"
sh scripts/setup.sh --test
"$venv"/bin/ruff check counter tests benchmarks tools
"$venv"/bin/ruff format --check counter tests benchmarks tools
"$venv"/bin/mypy
"$venv"/bin/lint-imports --no-cache
exec "$venv"/bin/pytest "$@"
