#!/bin/sh
# A folder of wheels that installs counter on a machine of the same kind with no network:
#     pip install --no-index --find-links FOLDER counter
# It holds counter's own wheel and every library at the version and hash requirements/desk.lock pins, built for
# the interpreter that runs this script (COUNTER_PYTHON, default python3): run it on the kind of machine the
# folder is for (pip evaluates the lock's markers, such as Windows' tzdata, on the machine it runs on).
#   scripts/build-wheels.sh FOLDER
set -eu
[ $# = 1 ] || { echo "用法：scripts/build-wheels.sh 输出文件夹" >&2; exit 2; }
out=$(mkdir -p "$1" && cd "$1" && pwd)
cd "$(dirname "$0")/.."
python="${COUNTER_PYTHON:-python3}"
"$python" -m pip download --quiet --require-hashes --only-binary=:all: -r requirements/desk.lock -d "$out"
"$python" -m pip wheel --quiet --no-deps ${COUNTER_NO_BUILD_ISOLATION:+--no-build-isolation} -w "$out" .
