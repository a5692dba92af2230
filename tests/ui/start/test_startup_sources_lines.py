"""What PySide6's import hook read is not kept once it is told which modules use Qt
(counter.ui.start.startup_sources)."""

from __future__ import annotations

import linecache
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter.ui.start.startup_sources import answer_by_name


@pytest.fixture
def modules(tmp_path: Path) -> Iterator[Path]:
    """A folder on the import path for the test's own modules, taken off again with what it imported."""
    sys.path.insert(0, str(tmp_path))
    before = set(sys.modules)
    yield tmp_path
    sys.path.remove(str(tmp_path))
    for name in set(sys.modules) - before:
        del sys.modules[name]


def test_the_lines_read_before_are_let_go(tmp_path: Path) -> None:
    path = tmp_path / "read_before.py"
    path.write_text("x = 1\n", encoding="utf-8")
    assert linecache.getlines(str(path)) == ["x = 1\n"]
    assert answer_by_name()
    assert str(path) not in linecache.cache
    assert linecache.getlines(str(path)) == ["x = 1\n"]  # read again when a traceback asks


def test_lines_of_code_made_in_memory_are_kept() -> None:
    """Code without a file (SQLAlchemy's generated functions, a doctest) can never be read again: it stays."""
    linecache.cache["<made in memory>"] = (6, None, ["x = 1\n"], "<made in memory>")
    answer_by_name()
    assert linecache.getlines("<made in memory>") == ["x = 1\n"]
    del linecache.cache["<made in memory>"]


def test_a_module_imported_after_leaves_no_lines(modules: Path) -> None:
    answer_by_name()
    path = modules / "startup_lines_plain.py"
    path.write_text("WORDS = '受理'\n" * 200, encoding="utf-8")
    exec("import startup_lines_plain", {})  # an import statement: what the hook watches
    assert str(path) not in linecache.cache
