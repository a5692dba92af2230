"""argparse's own words reach nobody in English: each kind of message the command line's parsers give, misuse or help,
is said in Chinese, and misuse still ends 2.

What is checked is that none of argparse's English words is left: the words of every message argparse can give (read
from its own source, so that a Python whose argparse says more is checked for that too) and the type names it puts
into "invalid int value".  What the person typed, the options (``--exit-when-ready`` holds "exit") and the commands'
names are the command's syntax, not argparse's English, and are taken out first.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import re
from collections.abc import Iterator

import pytest

import counter.cli.main as cli_main
from counter.__main__ import main as counter_main
from counter.server.main import main as serve_main
from counter.words.translate import set_language


def _argparse_words() -> frozenset[str]:
    """Every word of argparse's own messages (its ``_()`` and ``ngettext()`` calls), and the type names it names."""
    words = {"int", "float"}
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    text = re.sub(r"%(\(\w+\))?[sr]", " ", arg.value)
                    words.update(word for word in re.findall(r"[a-z]+", text) if len(word) > 2)
    return frozenset(words)


ARGPARSE_WORDS = _argparse_words()


def english(text: str, *typed: str) -> set[str]:
    """argparse's English words in ``text`` once the command's syntax is out: its options, and ``typed``."""
    for token in sorted(typed, key=len, reverse=True):
        text = text.replace(token, " ")
    text = re.sub(r"-{1,2}[A-Za-z][\w-]*", " ", text)
    return set(re.findall(r"[A-Za-z]+", text)) & ARGPARSE_WORDS


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    """The parsers in Chinese, built afresh: none kept from a test that ran in another language."""
    set_language(None)
    cli_main._parser.cache_clear()
    yield
    cli_main._parser.cache_clear()


def test_the_words_of_argparse_are_known() -> None:
    assert {
        "usage",
        "error",
        "required",
        "unrecognized",
        "invalid",
        "choice",
        "expected",
        "ambiguous",
    } <= ARGPARSE_WORDS


MISUSE = [
    # (argv, what is said, what the person typed beside the options)
    (["case", "take"], "counter case take：错误：缺少必需的参数：REQUEST.json", ()),
    (["--bogus"], "counter：错误：不认识的参数：--bogus", ()),
    (["case", "show", "X", "extra", "more"], "不认识的参数：extra more", ("extra", "more")),
    (["catalog", "draft-intake", "maybe"], "参数 ON|OFF：没有“maybe”这一项（可选：on、off）", ("maybe",)),
    (["bogus"], "参数 COMMAND：没有“bogus”这一项（可选：catalog、case、demo、item、", ("bogus",)),
    (["case", "figures", "--month", "2026-11", "--by", "x"], "参数 --by：没有“x”这一项（可选：desk、bundle）", ()),
    (["db", "upgrade", "--lock-timeout"], "参数 --lock-timeout：后面须跟一个值", ()),
    (["db", "upgrade", "--lock-timeout", "soon"], "参数 --lock-timeout：应为 0 到 3600 之间的秒数：soon", ("soon",)),
    (["db", "upgrade", "--lock-timeout", "-1"], "参数 --lock-timeout：应为 0 到 3600 之间的秒数：-1", ()),
    (["--exit-when-ready=1"], "参数 --exit-when-ready：不跟值，却给了“1”", ()),
    (["-hx"], "参数 -h/--help：不跟值，却给了“x”", ()),
    (["case", "list", "--d"], "选项 --d 不完整，可能是：--db、--due-soon", ()),
    (["case", "decide", "X", "--item", "C", "--approve", "--deny"], "参数 --deny：不能与 --approve 同时使用", ()),
    (["case", "decide", "X", "--item", "C"], "须给出其中一个参数：--approve、--deny", ()),
    (["audit", "set-aside-seal", "A01", "seven", "d"], "参数 NO：“seven”不是整数", ("seven",)),
    (["front-store", "send", "--interval", "soon"], "参数 --interval：“soon”不是数", ("soon",)),
    (["audit", "reads", "--since", "20/11/2026"], "参数 --since：日期应为 YYYY-MM-DD", ("20/11/2026",)),
    (["case", "void", "X", "--reason", "重复\x00录入"], "参数 --reason：第3个字符是控制字符（U+0000）", ()),
    # a file's path where the database's address is asked (it was an unexpected error, its report saved)
    (
        ["case", "list", "--db", "/srv/counter/counter.sqlite3"],
        "参数 --db：应为数据库地址，不是文件路径：SQLite 文件写作 sqlite:////srv/counter/counter.sqlite3",
        (),
    ),
    (
        ["--db", "hall.sqlite3", "case", "list"],
        "参数 --db：应为数据库地址，不是文件路径：SQLite 文件写作 sqlite:///hall.sqlite3",
        (),
    ),
]


@pytest.mark.parametrize(("argv", "said", "typed"), MISUSE, ids=[" ".join(case[0]) for case in MISUSE])
def test_misuse_is_said_in_chinese_and_ends_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str, typed: tuple[str, ...]
) -> None:
    assert cli_main.main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert said in err
    assert err.startswith("用法：counter")
    assert english(err, *typed) == set()


@pytest.mark.parametrize(
    "argv", [["-h"], ["case", "show", "-h"], ["case", "decide", "--help"], ["front-store", "-h"]], ids=" ".join
)
def test_help_is_said_in_chinese(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert cli_main.main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：counter")
    assert "  -h, --help" in out
    assert "显示本帮助后退出" in out
    assert "选项:" in out
    assert english(out, *argv) == set(), out


def test_the_help_option_comes_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main.main(["case", "show", "-h"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：counter case show [-h] [--db URL] [--user LOGIN]")
    assert "位置参数:\n  CASE_NO" in out


def test_no_command_shows_the_usage_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main.main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：counter")
    assert english(err) == set()


def test_the_console_entry_says_misuse_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert counter_main(["case", "take"]) == 2
    err = capsys.readouterr().err
    assert "缺少必需的参数：REQUEST.json" in err
    assert english(err) == set()


SERVE_MISUSE = [
    ([], "counter serve：错误：缺少必需的参数：--cert、--key"),
    (["--cert", "c", "--key", "k", "--port", "https"], "参数 --port：“https”不是整数"),
    (["--cert", "c", "--key", "k", "--work-interval", "ten"], "参数 --work-interval：“ten”不是数"),
    (["--cert", "c", "--key", "k", "--hall-work", "maybe"], "参数 --hall-work：没有“maybe”这一项（可选：on、off）"),
    (["add-desk"], "counter serve add-desk：错误：缺少必需的参数：--desk"),
    (["add-desk", "--desk", "8", "--bogus"], "counter serve add-desk：错误：不认识的参数：--bogus"),
]


@pytest.mark.parametrize(("argv", "said"), SERVE_MISUSE, ids=[" ".join(case[0]) or "-" for case in SERVE_MISUSE])
def test_serve_says_misuse_in_chinese(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str], said: str
) -> None:
    monkeypatch.setenv("COUNTER_DB_URL", "sqlite:///never-opened.sqlite3")
    with pytest.raises(SystemExit) as ended:
        serve_main(argv)
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert said in err
    assert err.startswith("用法：counter serve")
    assert english(err, "https", "ten", "maybe") == set()


@pytest.mark.parametrize("argv", [["-h"], ["add-desk", "-h"]], ids=" ".join)
def test_serve_help_is_said_in_chinese(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        serve_main(argv)
    assert ended.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：counter serve")
    assert "显示本帮助后退出" in out
    assert english(out) == set(), out


def test_serve_without_a_database_says_so_in_chinese(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COUNTER_DB_URL", raising=False)
    with pytest.raises(SystemExit) as ended:
        serve_main(["--cert", "c", "--key", "k"])
    assert ended.value.code == 2
    assert "counter serve：错误：请用 --db 或 COUNTER_DB_URL 指定数据库" in capsys.readouterr().err
