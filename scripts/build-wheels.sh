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
# one build at a time in a checkout: pip builds counter's wheel in its build/ folder and the prepared database is
# written into counter/resources/prepared, so a second build started meanwhile (another terminal, another test
# worker) found the first one's files there and failed ("File exists" in build/bdist…); it waits for it now
mkdir -p build
exec 9>build/.build-wheels.lock
flock 9
# Wheels as published, except lunar_python: PyPI has it as source only (pure Python), so its wheel is built here.
"$python" -m pip wheel --quiet --require-hashes --only-binary=:all: --no-binary=lunar-python \
    ${COUNTER_NO_BUILD_ISOLATION:+--no-build-isolation} -r requirements/desk.lock -w "$out"
# the prepared first-start database goes into counter's wheel (counter/db/prepared_start.py); built with an
# interpreter that has counter's libraries, else the wheel's desks build their database at the first start
if "$python" -c "import sqlalchemy, alembic, pypinyin" 2>/dev/null; then
    PYTHONPATH="$PWD" "$python" tools/build_prepared.py
else
    echo "未生成预制数据库（$python 未安装 counter 的依赖库）：各窗口首次启动时自行建库" >&2
fi
"$python" -m pip wheel --quiet --no-deps ${COUNTER_NO_BUILD_ISOLATION:+--no-build-isolation} -w "$out" .
