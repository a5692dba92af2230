#!/bin/sh
# The build root of the old-glibc targets (scripts/build-offline.sh --target kylin-x86_64 | kylin-arm64): a Debian 11
# (bullseye, glibc 2.31) root made by debootstrap, with its own Python 3.11 and SQLite compiled there, in a cache
# folder outside the checkout.  Made once, then reused.
#   scripts/old-glibc-root.sh amd64|arm64                  make the root if need be; print its path
#   scripts/old-glibc-root.sh amd64|arm64 [--bind DIR]... -- COMMAND ARG...
#                                                          run COMMAND inside it (as root, a clean environment, with
#                                                          /proc, /dev and each DIR at its own path)
# COUNTER_BUILD_CACHE is the cache folder (default /var/cache/counter-build).  Needs root, debootstrap, and for arm64
# on another machine qemu-user-static with its binfmt registration (scripts/setup.sh --release installs them).
#
# Why each part: Kylin V10 has glibc 2.31 and UOS 20 glibc 2.28, and a program runs only on a glibc at least as new
# as the one it was linked against, so the interpreter, and the libraries taken from the build machine, come from
# bullseye.  Bullseye's own Python is 3.9 and its SQLite 3.34, older than the 3.35 that ``UPDATE ... RETURNING``
# needs: both are compiled here from Debian 12's sources, the versions the desk's Debian 12 build runs.  Qt's
# libraries ask for libglib, which the root must hold for PyInstaller to take it along.
set -eu

usage() {
    sed -n '2,10s/^# \{0,1\}//p' "$0"
}
debarch=${1:-}
case "$debarch" in
    amd64 | arm64) shift ;;
    *) usage >&2; exit 2 ;;
esac
binds=""
while [ $# -gt 0 ] && [ "$1" != -- ]; do
    case "$1" in
        --bind) [ $# -ge 2 ] || { usage >&2; exit 2; }; binds="$binds $2"; shift ;;
        *) usage >&2; exit 2 ;;
    esac
    shift
done
[ $# -gt 0 ] && shift  # the --

# in_root ROOT COMMAND...: COMMAND inside ROOT; the mounts are this command's own and go with it
in_root() {
    into=$1
    shift
    # shellcheck disable=SC2086 # the bound folders, one word each
    unshare --mount -- sh -c '
        root=$1; shift
        mount -t proc proc "$root/proc"
        mount --rbind /dev "$root/dev"
        while [ "$1" != -- ]; do mkdir -p "$root$1"; mount --rbind "$1" "$root$1"; shift; done
        shift
        exec chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME=/root \
            LANG=C.UTF-8 "$@"
    ' sh "$into" $binds -- "$@"
}

cache=${COUNTER_BUILD_CACHE:-/var/cache/counter-build}
root="$cache/bullseye-$debarch"
# the root's recipe: a change to it must give a new root, so the stamp names it (x86_64 is at 2: no sem_clockwait)
RECIPE=1
[ "$debarch" = amd64 ] && RECIPE=2
ready="$root/.counter-root-$RECIPE"
PREFIX=/opt/python-3.11
MIRROR=http://deb.debian.org/debian

if [ -f "$ready" ]; then
    if [ $# -gt 0 ]; then
        in_root "$root" "$@"
        exit
    fi
    echo "$root"
    exit 0
fi
[ "$(id -u)" = 0 ] || { echo "制作构建环境需要 root（debootstrap、chroot）" >&2; exit 1; }
command -v debootstrap >/dev/null 2>&1 || { echo "缺少 debootstrap：sh scripts/setup.sh --release" >&2; exit 1; }

# --- the sources, from Debian 12's archive, checked against the hashes of its .dsc files ---
sources="$cache/sources"
mkdir -p "$sources"
fetch() { # fetch URL SHA256
    file="$sources/$(basename "$1")"
    if [ ! -f "$file" ] || ! echo "$2  $file" | sha256sum -c --quiet - >/dev/null 2>&1; then
        curl -fsS --retry 3 -o "$file.part" "$1"
        echo "$2  $file.part" | sha256sum -c --quiet - || { echo "$1 的校验和不对" >&2; exit 1; }
        mv "$file.part" "$file"
    fi
}
fetch "$MIRROR/pool/main/p/python3.11/python3.11_3.11.2.orig.tar.gz" \
    2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849
fetch "$MIRROR/pool/main/s/sqlite3/sqlite3_3.40.1.orig.tar.xz" \
    aaa776260ab4dc976db34aa7891819484c8676b5b2783123ebc6301e2ca5d655

# --- the root: compilers and headers for Python, and the libraries the frozen Qt program takes along ---
# (the X11 ones scripts/build-offline.sh checks for, glib, fontconfig, GL, D-Bus, CUPS's client library, which Qt's
# print support is linked against, and cups-client, whose lp the tests print with)
packages="ca-certificates curl xz-utils binutils gcc make libc6-dev pkg-config tcl
libssl-dev libffi-dev zlib1g-dev libbz2-dev liblzma-dev uuid-dev libncurses-dev libgdbm-dev
libglib2.0-0 libfontconfig1 libfreetype6 libegl1 libgl1 libopengl0 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxcb-xinerama0 libxcb-sync1 libxcb-shm0 libxrender1
libcups2 cups-client"
work="$root.part"
# a root of an earlier recipe keeps its debootstrap (a package list changed needs it removed by hand): only Python
# and SQLite are compiled again
[ -d "$root" ] && [ ! -d "$work" ] && mv "$root" "$work" && rm -f "$work"/.counter-root-*
if [ ! -f "$work/.debootstrapped" ]; then
    rm -rf "$work"
    echo "debootstrap bullseye $debarch → $work ……" >&2
    mkdir -p "$cache/debs-$debarch"  # kept: a download that fails halfway resumes
    debootstrap --arch "$debarch" --variant=minbase --cache-dir="$cache/debs-$debarch" --include="$(echo $packages | tr ' ' ',')" \
        bullseye "$work" "$MIRROR" >&2
    touch "$work/.debootstrapped"
fi
cp /etc/resolv.conf "$work/etc/resolv.conf"

# glibc 2.29 gave exp, exp2, log, log2 and pow new symbol versions (the same functions without the old error
# handling): a program compiled against 2.31 asks for them, and so for glibc 2.29.  On x86_64 the older versions
# (GLIBC_2.2.5) are bound instead, so that the interpreter runs on UOS 20's glibc 2.28; and Python's locks are told
# that glibc 2.30's sem_clockwait is missing, so they use sem_timedwait as they do on older systems.
compat=""
nonewer=""
if [ "$debarch" = amd64 ]; then
    compat="-include /build/glibc-compat.h"
    nonewer="ac_cv_func_sem_clockwait=no"
    mkdir -p "$work/build"
    {
        echo "/* bind the libm functions to their pre-2.29 versions (scripts/old-glibc-root.sh) */"
        for fn in exp exp2 log log2 pow; do
            echo "__asm__(\".symver $fn,$fn@GLIBC_2.2.5\");"
        done
    } > "$work/build/glibc-compat.h"
fi

mkdir -p "$work/build/src"
cp "$sources/python3.11_3.11.2.orig.tar.gz" "$sources/sqlite3_3.40.1.orig.tar.xz" "$work/build/src/"
cat > "$work/build/compile.sh" <<EOF
set -eu
cd /build/src
rm -rf sqlite3-3.40.1 Python-3.11.2
tar xf sqlite3_3.40.1.orig.tar.xz
cd sqlite3-3.40.1
# a static library, linked into Python's _sqlite3: no second libsqlite3 beside the system's.  The options are
# Debian's (debian/rules), so that the desk's SQLite behaves as on Debian 12.
CFLAGS="-O2 -fPIC $compat -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS3_PARENTHESIS \
    -DSQLITE_ENABLE_FTS4 -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE -DSQLITE_ENABLE_UNLOCK_NOTIFY \
    -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_SECURE_DELETE -DSQLITE_MAX_VARIABLE_NUMBER=250000 \
    -DSQLITE_MAX_SCHEMA_RETRY=25 -DSQLITE_ENABLE_MATH_FUNCTIONS" \
    ./configure --prefix=$PREFIX --disable-shared --enable-static --disable-tcl >/dev/null
nice -n 10 make -j2 >/dev/null
make install >/dev/null
cd /build/src
tar xzf python3.11_3.11.2.orig.tar.gz
cd Python-3.11.2
# shared: PyInstaller freezes libpython; the rpath finds it (and the static SQLite) without LD_LIBRARY_PATH
# (the static SQLite needs libm after it, which its pkg-config file leaves to Libs.private: LIBS comes last)
./configure --prefix=$PREFIX --enable-shared --with-ensurepip=install \
    CFLAGS="$compat" CPPFLAGS="-I$PREFIX/include" LDFLAGS="-L$PREFIX/lib -Wl,-rpath,$PREFIX/lib" LIBS=-lm $nonewer \
    LIBSQLITE3_CFLAGS="-I$PREFIX/include" LIBSQLITE3_LIBS="-L$PREFIX/lib -lsqlite3 -lm" >/dev/null
nice -n 10 make -j2 >/dev/null
make install >/dev/null
$PREFIX/bin/python3.11 -c 'import sqlite3, ssl, zlib, lzma, bz2, ctypes, uuid; print("Python", sqlite3.sqlite_version)'
EOF
echo "编译 SQLite 与 Python（$debarch：几分钟；在 qemu 里要几个小时）……" >&2
(binds="" && in_root "$work" sh /build/compile.sh) >&2
rm -rf "$work/build/src"
touch "$work/.counter-root-$RECIPE"
rm -rf "$root"
mv "$work" "$root"
if [ $# -gt 0 ]; then
    in_root "$root" "$@"
    exit
fi
echo "$root"
