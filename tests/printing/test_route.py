"""The way a print leaves the desk: lp where CUPS's clients are installed, Qt's print support elsewhere."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from counter.printing.route import PrintRoute, print_route


def folder_with_lp(tmp_path: Path) -> str:
    lp = shutil.which("lp")
    assert lp is not None, "cups-client is not installed: run ./test.sh"
    (tmp_path / "lp").symlink_to(lp)
    return str(tmp_path)


def test_a_desk_with_lp_prints_through_cups(tmp_path: Path) -> None:
    assert print_route({"PATH": folder_with_lp(tmp_path)}) is PrintRoute.CUPS


def test_a_desk_without_lp_prints_through_qt(tmp_path: Path) -> None:
    assert print_route({"PATH": str(tmp_path)}) is PrintRoute.QT


@pytest.mark.parametrize(
    ("forced", "route"), [("qt", PrintRoute.QT), (" QT ", PrintRoute.QT), ("cups", PrintRoute.CUPS)]
)
def test_counter_print_forces_a_route(tmp_path: Path, forced: str, route: PrintRoute) -> None:
    assert print_route({"PATH": folder_with_lp(tmp_path), "COUNTER_PRINT": forced}) is route
    assert print_route({"PATH": str(tmp_path / "empty"), "COUNTER_PRINT": forced}) is route


def test_an_unknown_route_is_logged_and_the_machine_decides(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="counter.printing.route"):
        assert print_route({"PATH": folder_with_lp(tmp_path), "COUNTER_PRINT": "windows"}) is PrintRoute.CUPS
    assert "'windows'" in caplog.text
