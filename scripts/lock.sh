#!/bin/sh
# Regenerate the lock files in requirements/ after a change to the dependencies in pyproject.toml.
# One resolution for every platform counter ships on (Linux x86_64 and ARM64, Windows; Python 3.11 to 3.13),
# with the hash of every file, so that desks set up on different days get the same libraries: a reprinted
# receipt depends on the exact reportlab and zlib builds.  The desk's lock is cut from the test lock, so the
# versions that ship are the versions the tests passed with.
#   test.lock   the app and what its tests need (scripts/setup.sh --test)
#   desk.lock   the app alone (scripts/setup.sh, the wheel folder of scripts/build-offline.sh)
#   build.lock  PyInstaller, for the frozen app
#   kylin-x86_64.lock, kylin-arm64.lock   the frozen app for the old-glibc desks (Kylin V10, UOS 20), built by
#               scripts/build-offline.sh --target in a Debian 11 root: desk.lock and build.lock with the newest
#               PySide6 whose wheels run on that glibc, resolved for that one platform so that every wheel does
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
# the old-glibc targets: every version as in desk.lock and build.lock but Qt's, for one platform
pins=$(mktemp)
trap 'rm -f "$pins"' EXIT
sed -n 's/^\([a-z0-9._-]*==[^ ;]*\).*/\1/p' requirements/desk.lock requirements/build.lock |
    grep -v -E '^(pyside6-essentials|shiboken6)==' > "$pins"
old_glibc() { # old_glibc TARGET PLATFORM PYSIDE6
    echo "pyside6-essentials==$3" >> "$pins"
    "$uv" pip compile --quiet --custom-compile-command scripts/lock.sh --python-platform "$2" --python-version 3.11 --generate-hashes \
        pyproject.toml requirements/build.in -c "$pins" -o "requirements/$1.lock"
    sed -i '$d' "$pins"
}
# PySide6 6.9.3: the last x86_64 wheel for glibc 2.28 (UOS 20); 6.8.0.2: the last ARM64 one for 2.31 (Kylin V10)
old_glibc kylin-x86_64 x86_64-manylinux_2_28 6.9.3
old_glibc kylin-arm64 aarch64-manylinux_2_31 6.8.0.2
