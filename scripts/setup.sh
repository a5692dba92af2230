#!/bin/sh
# Set up counter on a fresh Debian 12 machine: system packages, then a virtual
# environment in .venv with the app installed from this checkout, its libraries
# at the exact versions and hashes of requirements/*.lock.
#   scripts/setup.sh          what the desk app needs
#   scripts/setup.sh --test   also what the test suite needs
#   scripts/setup.sh --release  also what the release tier's builds for other systems need
# COUNTER_PYTHON picks another interpreter (3.11 to 3.13), COUNTER_VENV another
# folder for its environment, e.g. COUNTER_PYTHON=python3.13 COUNTER_VENV=.venv-3.13
set -eu
cd "$(dirname "$0")/.."

want_test=0
want_release=0
[ "${1:-}" = "--test" ] && want_test=1
[ "${1:-}" = "--release" ] && want_test=1 && want_release=1

# Qt's xcb platform (a real window) needs these (a desktop usually lacks libxcb-cursor0),
# and printing goes through the CUPS clients (lp, lpstat); Qt's print support (COUNTER_PRINT=qt) reaches CUPS
# through libcups2, which its CUPS plugin is linked against (cups-client pulls it in too, but Qt needs it itself).
# espeak-ng is the review pad's voice (counter/host/devices/voice.py: run as a program of its own, off unless a desk turns
# it on); its tests synthesise the prompts with it.  v4l-utils takes a still of the desk's document camera
# (counter/host/devices/camera.py: v4l2-ctl, run as a program of its own when the clerk asks for a page).
pkgs="libegl1 libgl1 libfontconfig1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libdbus-1-3
cups-client libcups2 espeak-ng v4l-utils"
if [ "$want_test" = 1 ]; then
    # screenshots under Xvfb; PDF and barcode checks; the CUPS and PostgreSQL servers tests start (pg_auto_failover
    # for the database pair, tests/server/test_database_pair.py); binutils for
    # PyInstaller and the offline installer's build (objdump, strip, readelf); systemd-analyze, which reads the
    # services' units; a Kylin desk's Chinese input for the hanzi tests (tests/fcitx_desktop.py): fcitx5 with its
    # pinyin, a session bus for it (dbus-daemon, gdbus to wait for its name), xdotool to press the keys; Chromium and
    # its driver, in which the tests open the review pad's page as a tablet's browser does
    pkgs="$pkgs chromium chromium-driver xvfb xauth poppler-utils zbar-tools cups-daemon
    libpango-1.0-0 libpangoft2-1.0-0 postgresql postgresql-15-auto-failover binutils systemd
    fcitx5 fcitx5-chinese-addons dbus-daemon libglib2.0-bin xdotool"
fi
if [ "$want_release" = 1 ]; then
    # the release tier's builds for the other systems (./test.sh release), one line each
    # Windows (scripts/build-windows.sh, tests/packaging/test_windows.py): makensis wraps the installer, osslsigncode
    # checks the embeddable Python's signer, unzip opens it; wine (64-bit alone: the installer and Python are x86_64)
    # runs the installer and the program under Xvfb
    pkgs="$pkgs nsis osslsigncode unzip wine wine64 xvfb"
    # the Kylin / UOS builds (build-offline.sh --target): a Debian 11 root by debootstrap, ARM64's run under qemu,
    # its Python and SQLite cross-compiled (scripts/old-glibc-root.sh: the cross gcc, this machine's gcc for SQLite's
    # own build tools, tclsh that writes SQLite's sources, pkg-config pointed at the root)
    pkgs="$pkgs debootstrap qemu-user-static binfmt-support gcc-aarch64-linux-gnu gcc libc6-dev tcl pkg-config"
fi

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
    for p in $pkgs; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
    python3 -c "import ensurepip" 2>/dev/null || missing="$missing python3-venv"
fi
if [ -n "$missing" ]; then
    echo "安装系统软件包：$missing"
    if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    $sudo apt-get install -y -qq --no-install-recommends $missing
fi

venv="${COUNTER_VENV:-.venv}"
lock=requirements/desk.lock
[ "$want_test" = 1 ] && lock=requirements/test.lock
stamp="$venv/.installed-$(basename "$lock" .lock)"
if [ ! -x "$venv/bin/python" ]; then
    "${COUNTER_PYTHON:-python3}" -m venv "$venv"
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
    "$venv/bin/python" -m pip install --quiet --upgrade pip
    "$venv/bin/python" -m pip install --quiet --require-hashes -r "$lock"
    # the libraries are all there: the app itself adds nothing to them
    "$venv/bin/python" -m pip install --quiet --no-deps -e .
    touch "$stamp"
fi
# the app's modules byte-compiled ahead of the first start (cheap when nothing changed):
# a desk started with PYTHONDONTWRITEBYTECODE would otherwise compile them at every start
"$venv/bin/python" -m compileall -q -j 0 counter
# what every desk's first start would build alike (the schema, the bundled catalog and its pinyin), built once here
# and copied by a first start; rebuilt only when the catalog or the program changed (counter/db/prepared_start.py)
"$venv/bin/python" tools/build_prepared.py
