"""``counter … -h`` explains every option and argument of every command, and its lines fit the terminal.

A technician setting up a hall reads the help, not the source: an option listed bare (``--rights-overrides TEXT``)
says neither what it sets nor how its value is written, and an argument shown as ``case_no`` reads as the program's
own name for it.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
from collections.abc import Iterator

import pytest

import counter.cli.main as cli_main
from counter.cli.main import build_parser
from counter.util.terminal_lines import columns
from counter.words.translate import set_language


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    """The parsers in Chinese, built afresh."""
    set_language(None)
    cli_main._parser.cache_clear()
    yield
    cli_main._parser.cache_clear()


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ("counter",)) -> Iterator[tuple[str, ...]]:
    """The words that name each command, ``("counter", "item", "sign")``, the parser's own first."""
    yield path
    for action in parser._actions:  # argparse offers no public walk of its subparsers
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from commands(child, (*path, name))


def arguments(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ("counter",)
) -> Iterator[tuple[str, argparse.Action]]:
    """Every option and argument of every command, each with the command it belongs to."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from arguments(child, (*path, name))
        else:
            yield " ".join(path), action


def shown(action: argparse.Action) -> str:
    return "/".join(action.option_strings) or action.dest


def test_the_walk_reaches_every_command() -> None:
    found = {" ".join(path) for path in commands(build_parser())}
    assert {"counter office", "counter item sign", "counter holidays set", "counter project evaluate"} <= found
    assert len(found) > 100


def test_every_option_and_argument_says_what_it_is() -> None:
    bare = [f"{command} {shown(action)}" for command, action in arguments(build_parser()) if not action.help]
    assert bare == []


def test_no_argument_is_shown_by_the_program_s_own_name_for_it() -> None:
    """A positional argument shows a metavar in capitals (``CASE_NO``, ``FILE``), never its dest: one of choices too,
    as its refusal names it by that (参数 kind：没有“bogus”这一项 read as the program's own word)."""
    named = [
        f"{command} {action.dest}"
        for command, action in arguments(build_parser())
        if not action.option_strings
        and not isinstance(action, argparse._SubParsersAction)
        and not (isinstance(action.metavar, str) and re.fullmatch(r"[A-Z][A-Z0-9_.|-]*(\.[a-z]+)?", action.metavar))
    ]
    assert named == []


def test_an_argument_many_commands_take_says_the_same_everywhere() -> None:
    helps: dict[str, set[str]] = {}
    for _, action in arguments(build_parser()):
        if action.option_strings == ["--json"] or (not action.option_strings and action.dest == "case_no"):
            helps.setdefault(shown(action), set()).add(str(action.help))
    assert set(helps) == {"--json", "case_no"}
    assert all(len(said) == 1 for said in helps.values()), helps


def help_lines(*argv: str, width: int, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("COLUMNS", str(width))
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        build_parser().parse_args([*argv, "-h"])
    return out.getvalue().splitlines()


@pytest.mark.parametrize("width", [80, 100])
def test_the_office_settings_help_fits_the_terminal(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = help_lines("office", width=width, monkeypatch=monkeypatch)
    assert max(columns(line) for line in lines) <= width
    text = "".join(line.strip() for line in lines)  # the helps, wherever their lines were broken
    assert "部门全称=复议机关|法院" in text  # how the value of --rights-overrides is written
    assert "0482-8261008" in text
    # each setting's help under its option, no sentence cut off by the terminal's own wrapping
    assert not [line for line in lines if line.startswith(("，", "。", "；", "）", "、"))]


def test_every_command_s_help_fits_80_columns_but_what_cannot_be_broken(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chinese is broken where the terminal would overflow, and the usage line is laid out by the columns its
    prefix 用法： takes; a line wider than 80 columns is only one holding a long list of choices, which argparse
    never breaks."""
    too_wide: list[str] = []
    for path in commands(build_parser()):
        for line in help_lines(*path[1:], width=80, monkeypatch=monkeypatch):
            if columns(line) > 80 and not re.search(r"\{[^}]{40,}\}", line):
                too_wide.append(f"{' '.join(path)}: {line}")
    assert too_wide == []


def test_the_usage_line_s_continuations_stand_under_the_command_s_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = help_lines("office", width=80, monkeypatch=monkeypatch)[:2]
    assert first.startswith("用法：counter office [-h]")
    assert columns(second) - len(second.lstrip()) == columns("用法：counter office ")
