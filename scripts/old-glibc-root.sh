#!/bin/sh
# The build root of the old-glibc targets (scripts/build-offline.sh --target kylin-x86_64 | kylin-arm64): a Debian 11
# (bullseye, glibc 2.31) root made by debootstrap, with its own Python 3.11 and SQLite compiled there, in a cache
# folder outside the checkout.  Made once, then reused.
#   scripts/old-glibc-root.sh amd64|arm64                  make the root if need be; print its path
#   scripts/old-glibc-root.sh amd64|arm64 [--bind DIR]... -- COMMAND ARG...
#                                                          run COMMAND inside it (as root, a clean environment, with
#                                                          /proc, /dev and each DIR at its own path)
# COUNTER_BUILD_CACHE is the cache folder (default /var/cache/counter-build).  Needs root, debootstrap, and for arm64
# on another machine qemu-user-static with its binfmt registration and the cross compiler (scripts/setup.sh --release
# installs them).
#
# Why each part: Kylin V10 has glibc 2.31 and UOS 20 glibc 2.28, and a program runs only on a glibc at least as new
# as the one it was linked against, so the interpreter, and the libraries taken from the build machine, come from
# bullseye.  Bullseye's own Python is 3.9 and its SQLite 3.34, older than the 3.35 that ``UPDATE ... RETURNING``
# needs: both are compiled from Debian 12's sources, the versions the desk's Debian 12 build runs.  Qt's
# libraries ask for libglib, which the root must hold for PyInstaller to take it along.  For arm64 they are
# cross-compiled on this machine against the root's headers and libraries (Debian's gcc-aarch64-linux-gnu, this
# machine's Python 3.11 as the build interpreter): compiled under qemu they take hours, cross-compiled minutes.
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
# the root's recipe: a change to it must give a new root, so the stamp names it (2: x86_64 without sem_clockwait,
# arm64 cross-compiled)
RECIPE=2
ready="$root/.counter-root-$RECIPE"
PREFIX=/opt/python-3.11
MIRROR=http://deb.debian.org/debian

# an arm64 root's programs run through qemu-user-static, which the kernel is told of by binfmt_misc: a machine
# started without systemd (a container, a CI runner) has it neither mounted nor the registration enabled
if [ "$debarch" = arm64 ] && [ "$(uname -m)" != aarch64 ] && [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
    [ "$(id -u)" = 0 ] || { echo "ARM64 的构建环境需要 root 打开 qemu 的 binfmt 登记" >&2; exit 1; }
    [ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
    update-binfmts --enable qemu-aarch64 >&2 || { echo "缺少 qemu-user-static：sh scripts/setup.sh --release" >&2; exit 1; }
fi

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
if [ "$debarch" = arm64 ]; then
    # the build interpreter is Debian 12's own, the 3.11.2 whose sources are compiled
    for tool in aarch64-linux-gnu-gcc gcc tclsh pkg-config /usr/bin/python3.11; do
        command -v "$tool" >/dev/null 2>&1 || { echo "缺少 $tool：sh scripts/setup.sh --release" >&2; exit 1; }
    done
fi

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
# (the X11 ones scripts/build-offline.sh checks for, glib, fontconfig, GL, D-Bus, libSM and libICE, which the xcb
# platform of PySide6 6.8 is linked against, CUPS's client library, which Qt's print support is linked against, and
# cups-client, whose lp the tests print with)
packages="ca-certificates curl xz-utils binutils gcc make libc6-dev pkg-config tcl
libssl-dev libffi-dev zlib1g-dev libbz2-dev liblzma-dev uuid-dev libncurses-dev libgdbm-dev
libglib2.0-0 libfontconfig1 libfreetype6 libegl1 libgl1 libopengl0 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
libsm6 libice6 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxcb-xinerama0 libxcb-sync1 libxcb-shm0 libxrender1
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
# where the compile runs, and what it installs into: inside the root for amd64; on this machine for arm64, into the
# root (DESTDIR), with the cross compiler pointed at the root as its sysroot and pkg-config at the root's .pc files
if [ "$debarch" = arm64 ]; then
    # the root's library links are absolute (libm.so -> /lib/aarch64-linux-gnu/libm.so.6): made relative, so that a
    # linker reading the root as its sysroot follows them into the root rather than onto this machine
    # (bullseye's /lib is a link to usr/lib: each link is found once, under usr/lib)
    find "$work/usr/lib" -type l -lname '/*' | while read -r link; do
        up=$(dirname "${link#"$work"}" | sed 's|/[^/]*|../|g')
        target=$(readlink "$link")
        ln -sfn "$up${target#/}" "$link"
    done
    src="$work/build/src"
    destdir="$work"
    cross="--build=x86_64-linux-gnu --host=aarch64-linux-gnu"
    cc="aarch64-linux-gnu-gcc --sysroot=$work"
    # configure can neither look at the target's /dev nor run its programs: it is told what Debian 11 has
    pyconf="$cross --with-build-python=/usr/bin/python3.11 --without-ensurepip \
    ac_cv_file__dev_ptmx=yes ac_cv_file__dev_ptc=no ac_cv_buggy_getaddrinfo=no"
    # the root's own library folder named to the linker: Python's setup.py looks for libffi (ctypes) only in the
    # folders it is told of, and without it builds a _ctypes that cannot load
    libdirs="-L$work/usr/lib/aarch64-linux-gnu"
    # and libffi's header where Debian puts it (include/aarch64-linux-gnu): configure takes the folder from libffi.pc,
    # which says include/, a folder a native build's pkg-config leaves out and a sysroot's keeps
    ffifix="sed -i 's|^LIBFFI_INCLUDEDIR=.*|LIBFFI_INCLUDEDIR=$work/usr/include/aarch64-linux-gnu|' Makefile"
    pkgconf="export PKG_CONFIG_LIBDIR=$work/usr/lib/aarch64-linux-gnu/pkgconfig:$work/usr/share/pkgconfig \
PKG_CONFIG_SYSROOT_DIR=$work"
else
    src=/build/src
    destdir=""
    cross=""
    cc=gcc
    pyconf="--with-ensurepip=install $nonewer"
    pkgconf=""
    libdirs=""
    ffifix=""
fi
cat > "$work/build/compile.sh" <<EOF
set -eu
$pkgconf
cd $src
rm -rf sqlite3-3.40.1 Python-3.11.2
tar xf sqlite3_3.40.1.orig.tar.xz
cd sqlite3-3.40.1
# a static library, linked into Python's _sqlite3: no second libsqlite3 beside the system's.  The options are
# Debian's (debian/rules), so that the desk's SQLite behaves as on Debian 12.
CC="$cc" CFLAGS="-O2 -fPIC $compat -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS3_PARENTHESIS \\
    -DSQLITE_ENABLE_FTS4 -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE -DSQLITE_ENABLE_UNLOCK_NOTIFY \\
    -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_SECURE_DELETE -DSQLITE_MAX_VARIABLE_NUMBER=250000 \\
    -DSQLITE_MAX_SCHEMA_RETRY=25 -DSQLITE_ENABLE_MATH_FUNCTIONS" \\
    ./configure $cross --prefix=$PREFIX --disable-shared --enable-static --disable-tcl >/dev/null
nice -n 10 make -j2 >/dev/null
make install DESTDIR=$destdir >/dev/null
cd $src
tar xzf python3.11_3.11.2.orig.tar.gz
cd Python-3.11.2
# shared: PyInstaller freezes libpython; the rpath finds it (and the static SQLite) without LD_LIBRARY_PATH
# (the static SQLite needs libm after it, which its pkg-config file leaves to Libs.private: LIBS comes last)
./configure --prefix=$PREFIX --enable-shared $pyconf CC="$cc" \\
    CFLAGS="$compat" CPPFLAGS="-I$destdir$PREFIX/include" LDFLAGS="-L$destdir$PREFIX/lib $libdirs -Wl,-rpath,$PREFIX/lib" \\
    LIBS=-lm LIBSQLITE3_CFLAGS="-I$destdir$PREFIX/include" LIBSQLITE3_LIBS="-L$destdir$PREFIX/lib -lsqlite3 -lm" \\
    >/dev/null
$ffifix
nice -n 10 make -j2 >/dev/null
make install DESTDIR=$destdir >/dev/null
EOF
echo "编译 SQLite 与 Python（$debarch：几分钟）……" >&2
if [ "$debarch" = arm64 ]; then
    sh "$work/build/compile.sh" >&2
    # pip from the wheel the interpreter carries, installed by the new interpreter itself under qemu
    (binds="" && in_root "$work" $PREFIX/bin/python3.11 -m ensurepip --default-pip) >&2
else
    (binds="" && in_root "$work" sh /build/compile.sh) >&2
fi
# every module the desk needs was built: configure leaves out, without a word, a module whose library it missed
(binds="" && in_root "$work" $PREFIX/bin/python3.11 -c \
    'import sqlite3, ssl, zlib, lzma, bz2, ctypes, uuid; print("Python", sqlite3.sqlite_version)') >&2
rm -rf "$work/build/src"
touch "$work/.counter-root-$RECIPE"
rm -rf "$root"
mv "$work" "$root"
if [ $# -gt 0 ]; then
    in_root "$root" "$@"
    exit
fi
echo "$root"
