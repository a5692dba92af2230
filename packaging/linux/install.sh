#!/bin/sh
# 安装“一件事一次办 综合受理窗口”（counter）。不需要网络，不需要编译器，也不需要另装系统软件包。
#   sh install.sh           以 root 运行：装到 /opt/counter，本机所有用户的应用菜单里都有；
#                           短信发送、审计封存、数据库备份的 systemd 服务放到 /usr/local/lib/systemd/system（不启用）
#   sh install.sh --user    只装给当前用户：~/.local/opt/counter（不是 root 时默认如此）
# 已经装过的，先卸载旧版本再装新的；各用户的数据文件夹（~/.local/share/counter）不动。
set -eu
umask 022  # the program must be readable by every user whatever the installing shell's mask

ARCH=@ARCH@            # the machine kind the program was built for (uname -m)
GLIBC_NEEDED=@GLIBC@   # the newest glibc symbol version any of its libraries asks for
VERSION=@VERSION@
MANIFEST=install-manifest.txt

here=$(cd "$(dirname "$0")" && pwd)

usage() {
    sed -n '2,6s/^# \{0,1\}//p' "$0"
}

user_mode=0
[ "$(id -u)" = 0 ] || user_mode=1
for arg in "$@"; do
    case "$arg" in
        --user) user_mode=1 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "未知参数：$arg" >&2; usage >&2; exit 2 ;;
    esac
done

if [ "$user_mode" = 1 ]; then
    [ -n "${HOME:-}" ] || { echo "没有设置 HOME，不知道装到哪里" >&2; exit 1; }
    share="${XDG_DATA_HOME:-$HOME/.local/share}"
    prefix="$HOME/.local/opt/counter"
    bindir="$HOME/.local/bin"
else
    share=/usr/share
    prefix=/opt/counter
    bindir=/usr/local/bin
    units=/usr/local/lib/systemd/system  # systemd's place for units installed by hand, beside /usr/local/bin
fi
apps="$share/applications"
icons="$share/icons/hicolor"

# --- checks first: nothing is changed when one fails ---
machine=$(uname -m)
if [ "$machine" != "$ARCH" ]; then
    echo "这个安装包是给 $ARCH 电脑的，本机是 $machine：请换用 $machine 的安装包" >&2
    exit 1
fi
# dotted version $1 >= $2
version_at_least() {
    [ "$(printf '%s\n%s\n' "$1" "$2" | sort -t. -k1,1n -k2,2n -k3,3n | head -n 1)" = "$2" ]
}
glibc=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')
if [ -z "$glibc" ] || ! version_at_least "$glibc" "$GLIBC_NEEDED"; then
    echo "本程序需要 glibc $GLIBC_NEEDED 或更新，本机是 ${glibc:-未知}：系统太旧，请用在本机这样的系统上构建的安装包" >&2
    exit 1
fi
if [ -e "$prefix" ] && [ ! -f "$prefix/$MANIFEST" ]; then
    echo "$prefix 已经存在，但不是本安装程序装的：没有动它。请先把它移走" >&2
    exit 1
fi
link="$bindir/counter"
if [ -e "$link" ] || [ -L "$link" ]; then
    case "$(readlink "$link" 2>/dev/null || true)" in
        "$prefix/counter") ;;
        *) echo "$link 已经存在，不是本程序的链接：没有动它。请先把它移走" >&2; exit 1 ;;
    esac
fi

# --- an older installation goes first, by its own record ---
if [ -f "$prefix/$MANIFEST" ]; then
    echo "先卸载已安装的版本：$prefix"
    sh "$here/uninstall.sh" --prefix "$prefix" --quiet
fi

# --- install, writing down everything put outside the program's own folder ---
record=$(mktemp)
trap 'rm -f "$record"' EXIT

# mkdir -p, noting each folder it creates, outermost first
make_dir() {
    missing=""
    dir=$1
    while [ ! -d "$dir" ]; do
        missing="$dir
$missing"
        dir=$(dirname "$dir")
    done
    printf '%s' "$missing" | while IFS= read -r dir; do
        [ -n "$dir" ] || continue
        mkdir "$dir"
        printf 'dir %s\n' "$dir" >> "$record"
    done
}

put() {  # put SOURCE TARGET MODE
    make_dir "$(dirname "$2")"
    cp "$1" "$2"
    chmod "$3" "$2"
    printf 'file %s\n' "$2" >> "$record"
}

make_dir "$prefix"
cp -R "$here/app/." "$prefix/"
cp "$here/LICENSE" "$prefix/LICENSE"
cp -R "$here/licenses" "$prefix/licenses"
cp "$here/uninstall.sh" "$prefix/uninstall.sh"
chmod 755 "$prefix/uninstall.sh" "$prefix/counter"

desktop=$(mktemp)
sed "s|@EXEC@|\"$prefix/counter\"|" "$here/share/applications/counter.desktop" > "$desktop"
put "$desktop" "$apps/counter.desktop" 644
rm -f "$desktop"
for png in "$here"/share/icons/hicolor/*/apps/counter.png "$here"/share/icons/hicolor/scalable/apps/counter.svg; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    put "$png" "$icons/$size/apps/$(basename "$png")" 644
done
make_dir "$bindir"
ln -s "$prefix/counter" "$link"
printf 'link %s\n' "$link" >> "$record"
# the services a hall runs (docs: 运维手册“九、服务”), put in place but enabled by no one: which user runs them, on
# which computer, is the hall's to decide (systemctl enable --now counter-sms@wulan.service)
if [ "$user_mode" = 0 ]; then
    for unit in "$here"/systemd/counter-*; do
        made=$(mktemp)
        sed "s|@COUNTER@|$prefix/counter|" "$unit" > "$made"
        put "$made" "$units/$(basename "$unit")" 644
        rm -f "$made"
    done
    if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
        systemctl daemon-reload || true
    fi
fi

{
    echo "# counter $VERSION: the folders install.sh made and what it put outside $prefix; uninstall.sh removes these"
    cat "$record"
} > "$prefix/$MANIFEST"

# a desktop that keeps an icon cache shows the new icon only once the cache knows it
if [ -f "$icons/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache --quiet --force "$icons" || true
fi

echo "已安装 counter $VERSION：$prefix"
echo "应用菜单：一件事一次办 综合受理窗口；命令：$link"
if [ "$user_mode" = 1 ]; then
    case ":$PATH:" in
        *":$bindir:"*) ;;
        *) echo "（$bindir 还不在 PATH 里：重新登录一次后，counter 命令才能直接用）" ;;
    esac
fi
echo "卸载：sh $prefix/uninstall.sh（数据文件夹 ~/.local/share/counter 保留）"
