"""The command line's parser is built once per language for a process that runs several commands, and a command
never sees what an earlier one's namespace held."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

import counter.cli.main as cli_main
from counter.words.translate import active_language, set_language


@pytest.fixture
def fresh_parsers() -> Iterator[None]:
    """No parser kept from the tests before; none of this test's left for those after."""
    cli_main._parser.cache_clear()
    yield
    cli_main._parser.cache_clear()


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch, fresh_parsers: None) -> list[str]:
    """The language of each parser built."""
    built: list[str] = []
    build = cli_main.build_parser

    def counted() -> argparse.ArgumentParser:
        built.append(active_language())
        return build()

    monkeypatch.setattr(cli_main, "build_parser", counted)
    return built


def test_three_commands_build_the_parser_once(builds: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(3):
        assert cli_main.main([]) == 2  # no command: misuse, said after the parse
    assert "counter" in capsys.readouterr().err
    assert builds == ["zh_CN"]


def test_another_language_has_a_parser_of_its_own(builds: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main.main([]) == 2
    try:
        assert set_language("en")
        assert cli_main.main([]) == 2
    finally:
        set_language(None)
    assert builds == ["zh_CN", "en"]


def test_a_list_a_command_changed_is_not_the_next_ones_default(
    monkeypatch: pytest.MonkeyPatch, fresh_parsers: None
) -> None:
    seen: list[list[str]] = []

    def dispatch(args: argparse.Namespace) -> int:
        seen.append(list(args.hold))
        args.hold.append("11152900MB1234567X")  # what a command may do with its own arguments
        return 0

    monkeypatch.setattr(cli_main, "_dispatch", dispatch)
    assert cli_main.main(["site", "authority"]) == 0
    assert cli_main.main(["site", "authority"]) == 0
    assert seen == [[], []]
