#!/bin/sh
# Set up (first time only) and run every check: lint, types, the whole test suite.
set -eu
cd "$(dirname "$0")"
sh scripts/setup.sh --test
.venv/bin/ruff check counter tests benchmarks tools
.venv/bin/ruff format --check counter tests benchmarks tools
.venv/bin/mypy
exec .venv/bin/pytest "$@"
