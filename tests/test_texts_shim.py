"""The temporary counter.texts re-export: every name resolves from its home, and its type stub lists the same."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

from counter import texts

REPO = Path(__file__).resolve().parent.parent


def test_every_name_resolves_to_the_object_of_its_home() -> None:
    for name in texts.__all__:
        home = importlib.import_module(texts._WHERE[name])
        assert getattr(texts, name) is getattr(home, name)


def test_the_stub_lists_exactly_the_names_and_homes_of_the_module() -> None:
    stub = ast.parse((REPO / "counter" / "texts.pyi").read_text(encoding="utf-8"))
    listed = {alias.name: node.module for node in stub.body if isinstance(node, ast.ImportFrom) for alias in node.names}
    assert listed == texts._WHERE


def test_it_serves_every_name_the_window_and_the_command_line_still_use() -> None:
    used: set[str] = set()
    for path in [*(REPO / "counter" / "ui").rglob("*.py"), *(REPO / "counter" / "cli").rglob("*.py")]:
        source = path.read_text(encoding="utf-8")
        used.update(re.findall(r"\btexts\.([A-Za-z_]\w*)", source))
        for names in re.findall(r"from counter\.texts import ([\w, ]+)", source):
            used.update(n.strip() for n in names.split(","))
    assert used <= set(texts.__all__), used - set(texts.__all__)


def test_nothing_outside_the_faces_imports_it() -> None:
    outside = [
        path.relative_to(REPO).as_posix()
        for folder in ("counter", "tests", "benchmarks", "tools")
        for path in (REPO / folder).rglob("*.py")
        if not path.relative_to(REPO).as_posix().startswith(("counter/ui/", "counter/cli/", "counter/texts"))
        and path.name != "test_texts_shim.py"
        and re.search(r"from counter import texts|from counter\.texts import|import counter\.texts", path.read_text())
    ]
    assert outside == []
