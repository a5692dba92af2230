"""No module of the app over 600 lines, migrations aside: a module is named for what it holds, and one that grew past
that holds more than one thing (split it where its parts meet, as sync.py and sync_apply.py were)."""

from __future__ import annotations

from pathlib import Path

LIMIT = 600
APP = Path(__file__).resolve().parent.parent / "counter"


def test_every_module_is_at_most_600_lines() -> None:
    sizes = {
        path.relative_to(APP).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in APP.rglob("*.py")
        if "migrations" not in path.parts
    }
    assert len(sizes) > 300  # the walk found the app
    assert {name: lines for name, lines in sizes.items() if lines > LIMIT} == {}
