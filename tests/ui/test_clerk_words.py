"""No command line, English or file path in a sentence the window can show.

The sentences are found as ``tools/extract_words.py`` finds the translators' ones (every ``tr("…")`` literal), and
kept to those the window can reach: every one written under ``counter/ui``, and every one in ``counter/words`` that a
module of ``counter/ui`` imports, with whatever that definition uses in turn (a function's dictionaries, another
module's words it imports).  What the command line alone says (``counter.words.at_command_line``) names its commands
freely; a clerk is told whom to call, and support reads the command in the log or the manual.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "counter"
WORDS = "counter.words"

#: names the clerk sees as they are: formats (OFD, the state's format of sealed electronic papers), products,
#: keys; and xcg, pinyin initials typed in the search box; HTTP, before the status an outward channel's receiver
#: answered (对方拒绝（HTTP 422）), which support asks for
ALLOWED = frozenset(
    {
        "PDF", "OFD", "CSV", "SMS", "JSON", "json", "PNG", "png", "JPEG", "jpeg", "jpg", "bmp", "XLSX", "xlsx", "TOML",
        "toml", "UTF-", "Base", "CUPS", "SQLite", "PostgreSQL", "Ctrl", "Alt", "Shift", "Tab", "Enter", "Esc",
        "espeak-ng", "xcg", "ARX", "COUNTER-SYNC", "HTTP",
    }
)  # fmt: skip
#: a file the clerk chose in a save or open dialog is named back to them: they picked where it went
CHOSEN_FILES = frozenset(
    {
        "《{title}》已保存为 {path}",
        "无法保存到 {path}：{fault}",
        "已导出到 {path}",
        "已导出本站点名片：{path}。请把名片交给对方站点登记，并通过电话与对方核对公钥指纹：{fingerprint}",
        "未登记：站点名片 {path} 有以下问题：{problems}",
        "没有保存：{path} 不是能显示的图片",
        "无法写入 {path}（{fault}），本站点的设定没有任何改动",
        "已导出第 {export_no} 号数据包（发往 {to_site}，{records} 条记录）：{path}",
    }
)
COMMAND = re.compile(r"counter[ _\-/]|(?<![\w-])--[a-z]")
ENGLISH = re.compile(r"[A-Za-z][A-Za-z_\-.]{2,}")
PATH = re.compile(r"(?:/[\w.\-]+){2,}|[A-Za-z]:\\|~/|\{(?:path|folder|lock|kept|url|file|training)\}")


def _messages(node: ast.AST) -> list[str]:
    return [
        call.args[0].value
        for call in ast.walk(node)
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and call.func.id == "tr"
        and call.args
        and isinstance(call.args[0], ast.Constant)
        and isinstance(call.args[0].value, str)
    ]


def _imported_words(node: ast.AST) -> dict[str, tuple[str, str]]:
    """Local name → (module, name) of every ``from counter.words… import`` in ``node``."""
    return {
        alias.asname or alias.name: (found.module, alias.name)
        for found in ast.walk(node)
        if isinstance(found, ast.ImportFrom) and found.module and found.module.startswith(WORDS)
        for alias in found.names
    }


def _definitions() -> dict[tuple[str, str], tuple[list[str], set[tuple[str, str]]]]:
    """Each top-level name of ``counter/words``: its sentences and the definitions it uses."""
    found: dict[tuple[str, str], tuple[list[str], set[tuple[str, str]]]] = {}
    for path in sorted((PACKAGE / "words").rglob("*.py")):
        module = ".".join(path.relative_to(REPO).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = _imported_words(tree)
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                names = [node.name]
            elif isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names = [node.target.id]
            else:
                continue
            here = {**imported, **_imported_words(node)}
            used = {here.get(n.id, (module, n.id)) for n in ast.walk(node) if isinstance(n, ast.Name)}
            for name in names:
                found[(module, name)] = (_messages(node), used)
    return found


def window_sentences() -> dict[str, str]:
    """Every sentence the window can show → where it is written."""
    shown: dict[str, str] = {}
    wanted: list[tuple[str, str]] = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for message in _messages(tree):
            shown.setdefault(message, path.relative_to(REPO).as_posix())
        wanted += _imported_words(tree).values()
    definitions = _definitions()
    seen: set[tuple[str, str]] = set()
    while wanted:
        key = wanted.pop()
        if key in seen or key not in definitions:
            continue
        seen.add(key)
        messages, used = definitions[key]
        for message in messages:
            shown.setdefault(message, f"{key[0]}.{key[1]}")
        wanted += used
    return shown


def faults(message: str) -> list[str]:
    found = [f"command {m.group()!r}" for m in COMMAND.finditer(message)]
    bare = re.sub(r"\{[^}]*\}|\*\.\w+", "", message)  # a placeholder, a file dialog's pattern (*.pdf)
    found += [f"English {word!r}" for word in ENGLISH.findall(bare) if word not in ALLOWED]
    if message not in CHOSEN_FILES:
        found += [f"path {m.group()!r}" for m in PATH.finditer(message)]
    return found


@pytest.mark.slow
def test_the_scan_finds_what_it_looks_for() -> None:
    assert faults("请用最近的备份恢复（counter restore）")
    assert faults("请删除 {lock} 后重新启动")
    assert faults("见 /etc/counter/desk.json")
    assert faults("请运行 db upgrade --db 地址")
    assert faults("sslmode 不对")
    assert not faults("按 Ctrl+Enter 出具，打印 PDF")
    sentences = window_sentences()
    assert "受理" in sentences  # counter.words.intake, reached from the intake panel
    assert "号码有效" in sentences  # written in counter/ui
    assert not Path(PACKAGE / "words" / "at_command_line.py").exists() or not any(
        where.startswith("counter.words.at_command_line") for where in sentences.values()
    )


def test_no_sentence_the_window_shows_names_a_command_english_or_a_path() -> None:
    found = {f"{where}: {message[:60]}": faults(message) for message, where in window_sentences().items()}
    assert {where: problems for where, problems in found.items() if problems} == {}
