#!/bin/sh
# The installer for desks with no network (township centres), made from packaging/counter.spec:
#   dist/counter-<version>-linux-<arch>.tar.gz   the frozen program (no Python or system packages needed), its desktop
#                                                entry and icons, the services' systemd units, LICENSE and the
#                                                licences, install.sh / uninstall.sh
#   dist/counter_<version>_<debarch>.deb          the same as a Debian package: /opt/counter, /usr/bin/counter,
#                                                the units in /lib/systemd/system, the hall server's user and
#                                                folders (sysusers.d, tmpfiles.d, made by its postinst)
# The program runs on systems with this machine's glibc or newer (install.sh checks): build on the oldest system the
# desks run.  Qt's X11 libraries that a desktop may lack (libxcb-cursor0 …) are taken from this machine into the
# program, so they must be installed here (scripts/setup.sh does).
#   scripts/build-offline.sh                  in its own environment from requirements/desk.lock + build.lock
#   scripts/build-offline.sh --python PATH    with an interpreter that already has counter's libraries and PyInstaller
#   scripts/build-offline.sh --out DIR        somewhere else than dist/
#   scripts/build-offline.sh --target kylin-x86_64 | kylin-arm64
#                 for the desks of the domestic systems (Kylin V10: glibc 2.31; UOS 20: glibc 2.28), x86_64 or ARM64:
#                 built as root inside a Debian 11 root (scripts/old-glibc-root.sh: made once, ARM64 under qemu)
#                 from requirements/<target>.lock; dist/counter-<version>-<target>.tar.gz and
#                 dist/counter_<version>_<target>.deb
set -eu
cd "$(dirname "$0")/.."
repo=$(pwd)

usage() {
    sed -n '2,18s/^# \{0,1\}//p' "$0"
}

python=""
out=dist
target=""
platform=""  # the name's platform part, when a --target build runs this script inside its root
while [ $# -gt 0 ]; do
    case "$1" in
        --python) [ $# -ge 2 ] || { usage >&2; exit 2; }; python=$2; shift ;;
        --out) [ $# -ge 2 ] || { usage >&2; exit 2; }; out=$2; shift ;;
        --target) [ $# -ge 2 ] || { usage >&2; exit 2; }; target=$2; shift ;;
        --platform) [ $# -ge 2 ] || { usage >&2; exit 2; }; platform=$2; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "未知参数：$1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

# --- another target: this script again, inside that target's root, on a copy of this checkout ---
if [ -n "$target" ]; then
    case "$target" in
        kylin-x86_64) rootarch=amd64 ;;
        kylin-arm64) rootarch=arm64 ;;
        *) echo "未知的目标：$target（kylin-x86_64 或 kylin-arm64）" >&2; exit 2 ;;
    esac
    started=$(date +%s)
    in_root() { sh scripts/old-glibc-root.sh "$rootarch" -- "$@"; }
    root=$(sh scripts/old-glibc-root.sh "$rootarch")
    # one build at a time in a root: a second one (another checkout, another test worker) would empty /build/out
    # under the first
    mkdir -p "$root/build"
    exec 9>"$root/build/.lock"
    flock 9
    rm -rf "$root/build/counter" "$root/build/out"
    mkdir -p "$root/build/counter" "$root/build/out"
    # the checkout's files as they are now (edited ones too), without its environments and earlier builds
    if git rev-parse --git-dir >/dev/null 2>&1; then
        git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - 2>/dev/null |
            tar -C "$root/build/counter" -xf -
    else
        tar --exclude=./.venv --exclude=./build --exclude=./dist -cf - . | tar -C "$root/build/counter" -xf -
    fi
    lock="requirements/$target.lock"
    venv="/build/venv-$target"
    if ! cmp -s "$lock" "$root$venv/installed.lock"; then
        rm -rf "${root:?}$venv"
        in_root /opt/python-3.11/bin/python3.11 -m venv "$venv"
        # the certificate authorities this machine trusts (a proxy's own among them), not the root's older list
        cp /etc/ssl/certs/ca-certificates.crt "$root/build/ca-certificates.crt"
        in_root env PIP_CERT=/build/ca-certificates.crt "$venv/bin/python" -m pip install --quiet \
            --disable-pip-version-check --require-hashes -r "/build/counter/$lock"
        cp "$lock" "$root$venv/installed.lock"
    fi
    in_root sh /build/counter/scripts/build-offline.sh --python "$venv/bin/python" --out /build/out --platform "$target"
    mkdir -p "$out"
    cp "$root"/build/out/* "$out/"
    echo "$target：$(($(date +%s) - started)) 秒"
    exit 0
fi

for tool in readelf strip dpkg-deb dpkg-query gzip; do
    command -v "$tool" >/dev/null 2>&1 || { echo "缺少 $tool：apt-get install binutils dpkg gzip" >&2; exit 1; }
done

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' counter/__init__.py)
arch=$(uname -m)
debarch=$(dpkg --print-architecture)
name="counter-$version-${platform:-linux-$arch}"
mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- the build environment ---
if [ -z "$python" ]; then
    venv=build/offline-venv
    stamp="$venv/.installed"
    [ -x "$venv/bin/python" ] || "${COUNTER_PYTHON:-python3}" -m venv "$venv"
    if [ ! -f "$stamp" ] || [ requirements/desk.lock -nt "$stamp" ] || [ requirements/build.lock -nt "$stamp" ]; then
        "$venv/bin/python" -m pip install --quiet --require-hashes -r requirements/desk.lock -r requirements/build.lock
        touch "$stamp"
    fi
    python="$venv/bin/python"
fi

# --- the prepared first-start database, frozen with the other resources (counter/db/prepared_start.py) ---
PYTHONPATH="$repo" "$python" "$repo/tools/build_prepared.py"

# --- freeze: this checkout's counter (PYTHONPATH first, before any installed copy) ---
echo "冻结程序（PyInstaller，约一分钟）……"
PYTHONPATH="$repo" "$python" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$tmp/dist" --workpath "$tmp/work" packaging/counter.spec
frozen="$tmp/dist/counter"

# Qt's X11 platform needs these besides libxcb1, and a desktop without Qt programs often lacks them: PyInstaller
# takes them from this machine, provided they are installed here.
missing=""
for lib in libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-image.so.0 libxcb-keysyms.so.1 libxcb-render-util.so.0 \
    libxcb-xkb.so.1 libxkbcommon-x11.so.0 libxkbcommon.so.0 libxcb-randr.so.0 libxcb-shape.so.0 libxcb-xfixes.so.0; do
    [ -e "$frozen/_internal/$lib" ] || missing="$missing $lib"
done
if [ -n "$missing" ]; then
    echo "冻结的程序缺少$missing：请先在本机安装 Qt 的 X11 依赖（sh scripts/setup.sh）再构建" >&2
    exit 1
fi

# --- the archive's tree ---
stage="$tmp/$name"
mkdir -p "$stage"
mv "$frozen" "$stage/app"
cp LICENSE "$stage/LICENSE"

licenses="$stage/licenses"
mkdir -p "$licenses/fonts" "$licenses/debian"
cp counter/resources/licenses/* "$licenses/"
cp counter/resources/fonts/*.COPYRIGHT "$licenses/fonts/"
# the interpreter frozen inside: its own licence text, where the installation keeps it
python_licence=$("$python" -c 'import os, sys, sysconfig; print(os.path.join(sysconfig.get_path("stdlib"), "LICENSE.txt"))')
[ -f "$python_licence" ] && cp "$python_licence" "$licenses/Python-LICENSE.txt"
# the libraries PyInstaller took from this machine: which Debian package each came from, and its copyright file
{
    echo "Libraries copied into the program from the Debian packages of the machine it was built on."
    echo "Each package's copyright file is beside this list, as <package>.copyright."
    echo
    printf '%-28s %-26s %s\n' library package version
} > "$licenses/debian/LIBRARIES.txt"
"$python" - "$tmp/work/counter/COLLECT-00.toc" <<'PY' > "$tmp/machine-libraries"
import ast
import sys

with open(sys.argv[1], encoding="utf-8") as toc:
    entries = ast.literal_eval(toc.read())[0]
for dest, source, kind in entries:
    if kind in ("BINARY", "EXTENSION") and source.startswith(("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")):
        print(dest, source)
PY
while read -r dest source; do
    package=""
    for path in "$source" "/usr${source#/usr}" "$(readlink -f "$source")"; do
        package=$(dpkg-query -S "$path" 2>/dev/null | head -n 1 | cut -d: -f1) && [ -n "$package" ] && break
    done
    if [ -z "$package" ]; then
        echo "$source 不属于任何 Debian 软件包：无法附上它的许可证" >&2
        exit 1
    fi
    printf '%-28s %-26s %s\n' "$dest" "$package" "$(dpkg-query -W -f='${Version}' "$package")" \
        >> "$licenses/debian/LIBRARIES.txt"
    cp "/usr/share/doc/$package/copyright" "$licenses/debian/$package.copyright"
done < "$tmp/machine-libraries"

mkdir -p "$stage/share/applications"
cp packaging/linux/counter.desktop "$stage/share/applications/counter.desktop"
for size in 16 32 48 64 128 256; do
    mkdir -p "$stage/share/icons/hicolor/${size}x$size/apps"
    cp "counter/resources/icons/counter-$size.png" "$stage/share/icons/hicolor/${size}x$size/apps/counter.png"
done
mkdir -p "$stage/share/icons/hicolor/scalable/apps"
cp packaging/icons/counter.svg "$stage/share/icons/hicolor/scalable/apps/counter.svg"
# the services' systemd units (SMS sender, audit seal, nightly backup): install.sh puts them in place as root
mkdir -p "$stage/systemd"
cp packaging/linux/counter-*.service packaging/linux/counter-*.timer "$stage/systemd/"

# the newest glibc any of the program's files asks for: the oldest system it runs on
glibc=$(find "$stage/app" -type f \( -name '*.so*' -o -name counter \) -exec readelf --dyn-syms -W {} + 2>/dev/null |
    grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -u -t. -k1,1n -k2,2n -k3,3n | tail -n 1)
sed -e "s/@ARCH@/$arch/" -e "s/@GLIBC@/$glibc/" -e "s/@VERSION@/$version/" packaging/linux/install.sh \
    > "$stage/install.sh"
cp packaging/linux/uninstall.sh "$stage/uninstall.sh"
chmod 755 "$stage/install.sh" "$stage/uninstall.sh"

echo "打包 $name.tar.gz ……"
archive="$out/$name.tar.gz"
(cd "$tmp" && tar --owner=0 --group=0 --numeric-owner --sort=name -cf - "$name") | gzip -6 > "$archive.part"
mv "$archive.part" "$archive"

# --- the Debian package: the same files where a package puts them (never /usr/local) ---
deb="$tmp/deb"
mkdir -p "$deb/opt/counter" "$deb/usr/bin" "$deb/usr/share/doc/counter" "$deb/DEBIAN"
cp -al "$stage/app/." "$deb/opt/counter/"
cp LICENSE "$deb/opt/counter/LICENSE"
cp -R "$licenses" "$deb/opt/counter/licenses"
ln -s /opt/counter/counter "$deb/usr/bin/counter"
cp -R "$stage/share" "$deb/usr/"
mkdir -p "$deb/lib/systemd/system"
for unit in "$stage"/systemd/counter-*; do
    sed "s|@COUNTER@|/opt/counter/counter|" "$unit" > "$deb/lib/systemd/system/$(basename "$unit")"
done
sed "s|@EXEC@|/opt/counter/counter|" packaging/linux/counter.desktop > "$deb/usr/share/applications/counter.desktop"
# the hall server's user and folders, made by postinst from these; the service itself is enabled by no one but the
# technician, once /etc/counter/serve.env is written (packaging/linux/deb/postinst)
mkdir -p "$deb/usr/lib/sysusers.d" "$deb/usr/lib/tmpfiles.d"
cp packaging/linux/deb/counter.sysusers "$deb/usr/lib/sysusers.d/counter.conf"
cp packaging/linux/deb/counter.tmpfiles "$deb/usr/lib/tmpfiles.d/counter.conf"
install -m 0755 packaging/linux/deb/postinst packaging/linux/deb/postrm "$deb/DEBIAN/"
# the 运维手册's set-up of a hall server as a script, for the technician who installs the package on one
install -m 0644 docs/hall-setup.sh "$deb/usr/share/doc/counter/hall-setup.sh"
cat > "$deb/usr/share/doc/counter/copyright" <<EOF
counter (一件事一次办 综合受理窗口) is licensed under the Apache License 2.0: /opt/counter/LICENSE.
The libraries, fonts and interpreter inside it, and their licences: /opt/counter/licenses/ (THIRD-PARTY.md first).
EOF
# the packages of the libraries the program's files ask for and do not carry, as dpkg-shlibdeps would list them: a
# minimal system (a Kylin installed without a desktop's extras) then gets them with the package.  A library this
# machine lacks is one only a Wayland session loads (Recommends below).
find "$stage/app" -type f \( -name '*.so*' -o -name counter \) -exec readelf -d {} + 2>/dev/null |
    sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p' | sort -u > "$tmp/needed"
: > "$tmp/depends"
while read -r soname; do
    [ -n "$(find "$stage/app" -name "$soname" -print -quit)" ] && continue
    dpkg-query -S "*/$soname" 2>/dev/null | grep -m 1 -F ":$debarch: " | cut -d: -f1 >> "$tmp/depends" || true
done < "$tmp/needed"
depends=$(sort -u "$tmp/depends" | grep -v -x libc6 | paste -s -d, - | sed 's/,/, /g')
installed_size=$(du -sk --exclude=DEBIAN "$deb" | cut -f1)
cat > "$deb/DEBIAN/control" <<EOF
Package: counter
Version: $version
Architecture: $debarch
Maintainer: ${COUNTER_DEB_MAINTAINER:-counter <counter@localhost>}
Installed-Size: $installed_size
Section: misc
Priority: optional
Depends: libc6 (>= $glibc), $depends
Recommends: cups-client, libwayland-cursor0, libwayland-egl1
Description: 一件事一次办 综合受理窗口 (desk application)
 The desk of the one-bundle-one-visit window of government service halls:
 bundle guides, intake, receipts and notices, the review pad. Python, Qt and
 every library are inside /opt/counter; the desk's data stays in each user's
 ~/.local/share/counter and is never removed by the package.
EOF
(cd "$deb" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | sort | xargs -d '\n' md5sum) \
    > "$deb/DEBIAN/md5sums"
chmod -R u+rwX,go+rX,go-w "$deb"
package="$out/counter_${version}_${platform:-$debarch}.deb"
echo "打包 $(basename "$package") ……"
dpkg-deb --root-owner-group -Zgzip --build "$deb" "$package" >/dev/null

echo "$archive ($(du -m "$archive" | cut -f1) MB)"
echo "$package ($(du -m "$package" | cut -f1) MB)"
echo "需要 glibc $glibc 或更新（$arch）"
