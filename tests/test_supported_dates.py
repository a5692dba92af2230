"""A date outside what the desk can count and number is refused with the range, never a crash (exit 2)."""

from __future__ import annotations

import pytest

from counter.__main__ import main as counter
from counter.cli.main import main

RANGE = "超出本程序支持的范围（2004-01-01 至 2099-12-31）"


@pytest.mark.parametrize(
    "args",
    [
        ("case", "list", "--today", "0001-01-01"),
        ("case", "list", "--overdue", "--today", "9999-12-31"),
        ("case", "list", "--due-soon", "--today", "2100-01-01"),
        ("ratings", "export", "--from", "0001-01-01", "--to", "2026-11-30", "--format", "json"),
        ("holidays", "set", "1900-10-01", "off"),
    ],
)
def test_a_day_beyond_the_range_is_misuse(capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    assert main(list(args)) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert RANGE in err


def test_the_window_refuses_it_before_opening(capsys: pytest.CaptureFixture[str]) -> None:
    assert counter(["--today", "0001-01-01", "--exit-when-ready"]) == 2
    assert RANGE in capsys.readouterr().err


def test_the_range_itself_is_taken(capsys: pytest.CaptureFixture[str]) -> None:
    for day in ("2004-01-01", "2099-12-31"):
        assert main(["case", "list", "--today", day]) == 0
    capsys.readouterr()
