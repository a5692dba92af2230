"""Every pixel size a style sheet of the window gives goes through the desk's text size.

A length written into a style sheet (``font-size: 16px``) stays that size whatever the clerk chose, and so does the
text in it: each sheet the window sets must pass through :func:`counter.ui.look.text_size.scaled`, unless its only pixel
lengths are worked out from a size in the code (the pad's avatar) or it takes the text size itself (the pad's sheet).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import REPO

UI = REPO / "counter" / "ui"
SETTERS = {"setStyleSheet", "setDefaultStyleSheet"}
#: builders of a sheet that apply the text size themselves (counter/ui/pad/style.py: the fonts only, the pad's
#: touch targets follow its screen; counter/ui/mainwindow/training_mark.py: a length measured on the training strip,
#: whose words are at the text size already)
SCALING_ITSELF = {"pad_style", "below_band"}
WRITTEN_LENGTH = re.compile(r"\d\s*px")


def _literal_lengths(node: ast.expr) -> bool:
    """Whether a string (or the fixed parts of an f-string) writes a length in pixels."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WRITTEN_LENGTH.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_literal_lengths(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.IfExp):
        return _literal_lengths(node.body) or _literal_lengths(node.orelse)
    return True  # a name or a call: its value is not known here


def _unscaled(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SETTERS):
            continue
        (sheet,) = node.args
        builder = sheet.func.id if isinstance(sheet, ast.Call) and isinstance(sheet.func, ast.Name) else ""
        if builder == "scaled" or builder in SCALING_ITSELF:
            continue
        if isinstance(sheet, ast.Constant | ast.JoinedStr | ast.IfExp) and not _literal_lengths(sheet):
            continue
        found.append(f"{path.relative_to(REPO)}:{node.lineno}")
    return found


def test_every_style_sheet_of_the_window_follows_the_text_size() -> None:
    files = sorted(UI.rglob("*.py"))
    assert len(files) > 50
    assert [place for path in files for place in _unscaled(path)] == []


def test_the_check_finds_a_written_length() -> None:
    source = 'label.setStyleSheet("font-size: 16px;")\nlabel.setStyleSheet(f"color: {c};")\n'
    tree = ast.parse(source)
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)]
    assert [_literal_lengths(call.args[0]) for call in calls] == [True, False]
