#!/bin/sh
# Regenerate the lock files in requirements/ after a change to the dependencies in pyproject.toml.
# One resolution for every platform counter ships on (Linux x86_64 and ARM64, Windows; Python 3.11 to 3.13),
# with the hash of every file, so that desks set up on different days get the same libraries: a reprinted
# receipt depends on the exact reportlab and zlib builds.  The desk's lock is cut from the test lock, so the
# versions that ship are the versions the tests passed with.
#   test.lock   the app and what its tests need (scripts/setup.sh --test)
#   desk.lock   the app alone (scripts/setup.sh, the wheel folder of scripts/build-offline.sh)
#   build.lock  PyInstaller, for the frozen app
set -eu
cd "$(dirname "$0")/.."
UV_VERSION=0.13.9
uv=$(command -v uv || true)
if [ -z "$uv" ]; then
    tools="${TMPDIR:-/tmp}/counter-lock-tools"
    [ -x "$tools/bin/uv" ] || { python3 -m venv "$tools" && "$tools/bin/pip" install --quiet "uv==$UV_VERSION"; }
    uv="$tools/bin/uv"
fi
compile() {
    "$uv" pip compile --quiet --universal --python-version 3.11 --generate-hashes "$@"
}
compile pyproject.toml --extra test -o requirements/test.lock
compile pyproject.toml -c requirements/test.lock -o requirements/desk.lock
compile requirements/build.in -c requirements/desk.lock -o requirements/build.lock
