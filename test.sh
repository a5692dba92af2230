#!/bin/sh
# Set up (first time only) and run the checks: lint, types, then the tests, spread over every core.
#   ./test.sh            all but the release tier: what CI runs
#   ./test.sh quick      all but the heavy tiers (builds, benchmarks, load, nested runs, the program in its own
#                        process, PostgreSQL), with fewer Hypothesis examples: under two minutes, while working
#   ./test.sh release    everything, the release tier too, with the thorough Hypothesis profile
#   ./test.sh lint       the checks alone, no test
# Further arguments go to pytest: ./test.sh quick tests/ui -x.  The tiers are markers (tests/conftest.py).
set -eu
cd "$(dirname "$0")"
venv="${COUNTER_VENV:-.venv}"
tier=all
case "${1:-}" in quick | release | lint) tier=$1 && shift ;; esac
if [ "$tier" = release ]; then sh scripts/setup.sh --release; else sh scripts/setup.sh --test; fi
"$venv"/bin/ruff check counter tests benchmarks tools
"$venv"/bin/ruff format --check counter tests benchmarks tools
"$venv"/bin/mypy
"$venv"/bin/lint-imports --no-cache
case "$tier" in
lint) exit 0 ;;
quick)
    export HYPOTHESIS_PROFILE="${HYPOTHESIS_PROFILE:-dev}"
    set -- -m "not (packaging or bench or load or screens or program or pg or slow or release)" "$@"
    # each test's files (a database or two: 3 GB over the tier) in memory where the machine has room there, removed
    # when the test passes: written to the disk behind the run, they cost the tier a tenth of its time.  The folder
    # is this clone's, cleared by the next run; a failed test's files stay in it to be read.
    room=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')
    if [ "${room:-0}" -ge 4194304 ]; then
        memory="/dev/shm/counter-tests-$(id -u)-$(pwd | cksum | cut -d ' ' -f 1)"
        set -- --basetemp "$memory" -o tmp_path_retention_policy=failed "$@"
    fi ;;
all) set -- -m "not release" "$@" ;;
release) export HYPOTHESIS_PROFILE="${HYPOTHESIS_PROFILE:-thorough}" ;;
esac
# the test modules' assertions rewritten once and kept in __pycache__, even where the environment says not to
# write byte code (a desk's setting): each worker would otherwise rewrite every test module at every run
unset PYTHONDONTWRITEBYTECODE
# worksteal: a worker that is done takes tests queued for another, so one long build does not hold up the end
exec "$venv"/bin/pytest -n "${COUNTER_TEST_WORKERS:-auto}" --dist worksteal "$@"
