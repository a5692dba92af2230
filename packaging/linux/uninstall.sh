#!/bin/sh
# 卸载“一件事一次办 综合受理窗口”（counter）：删掉 install.sh 放下的全部文件，别的都不碰。
#   sh uninstall.sh           以 root 运行：卸载 /opt/counter
#   sh uninstall.sh --user    卸载当前用户的 ~/.local/opt/counter（不是 root 时默认如此）
# 数据文件夹（数据库、日志、备份：每个用户的 ~/.local/share/counter，或 COUNTER_HOME 指的文件夹）不删；
# 本机对数据库和已发出编号的记录（~/.local/state/counter）也不删：重装后它仍能认出丢失的数据库，不会重复编号。
set -eu

MANIFEST=install-manifest.txt

usage() {
    sed -n '2,5s/^# \{0,1\}//p' "$0"
}

user_mode=0
[ "$(id -u)" = 0 ] || user_mode=1
prefix=""
quiet=0
while [ $# -gt 0 ]; do
    case "$1" in
        --user) user_mode=1 ;;
        --prefix) [ $# -ge 2 ] || { usage >&2; exit 2; }; prefix=$2; shift ;;
        --quiet) quiet=1 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "未知参数：$1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

if [ -z "$prefix" ]; then
    here=$(cd "$(dirname "$0")" && pwd)
    if [ -f "$here/$MANIFEST" ]; then
        prefix=$here  # the copy inside an installation removes that installation
    elif [ "$user_mode" = 1 ]; then
        prefix="${HOME:?没有设置 HOME}/.local/opt/counter"
    else
        prefix=/opt/counter
    fi
fi
manifest="$prefix/$MANIFEST"
if [ ! -f "$manifest" ]; then
    echo "$prefix 没有本程序的安装记录（$MANIFEST）：没有可卸载的" >&2
    exit 1
fi
if [ ! -x "$prefix/counter" ] || [ ! -d "$prefix/_internal" ]; then
    echo "$prefix 看起来不是本程序的安装文件夹：没有动它" >&2
    exit 1
fi

# the files and the command's link, the program's folder, then the folders install.sh made, innermost first,
# where they are empty (the user's data folder may well be in one of them: ~/.local/share)
records=$(mktemp)
trap 'rm -f "$records"' EXIT
cp "$manifest" "$records"
grep -E '^(file|link) ' "$records" | while IFS= read -r line; do
    path=${line#* }
    if [ -L "$path" ] || [ -f "$path" ]; then
        rm -f "$path"
    fi
done
rm -rf "$prefix"
icons=$(grep -E '^file .*/icons/hicolor/' "$records" | head -n 1 | sed 's|^file ||; s|\(/icons/hicolor\)/.*|\1|')
grep -E '^dir ' "$records" | sed 's/^dir //' | sort -r | while IFS= read -r dir; do
    rmdir "$dir" 2>/dev/null || true
done

if [ -n "$icons" ] && [ -f "$icons/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache --quiet --force "$icons" || true
fi
# the services' units are gone: systemd forgets them (one left running goes on until it is stopped)
if grep -q '^file .*/systemd/system/counter-' "$records" && [ -d /run/systemd/system ] &&
    command -v systemctl >/dev/null 2>&1; then
    systemctl daemon-reload || true
fi

if [ "$quiet" = 0 ]; then
    echo "已卸载 counter：$prefix"
    echo "数据文件夹没有删除（每个用户的 ~/.local/share/counter，或 COUNTER_HOME 指的文件夹）：里面有数据库和备份，确实不再需要时再自行删除；本机的编号记录 ~/.local/state/counter 也保留"
fi
