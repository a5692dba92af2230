"""What an export removes from its folder before it writes: the ``.part`` files killed exports of its own name left,
a series' parts among them, and nothing that is not a package's."""

from __future__ import annotations

import os
import time
from pathlib import Path

from counter.sync.package_files import LEFT_PART, left_parts


def _aged(path: Path, seconds: float) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_a_killed_series_parts_are_removed_and_nothing_else_of_a_minute_ago(tmp_path: Path) -> None:
    """An export of three packages to ``ARS01-0900.sync`` killed at its second file left ``-1of3`` and ``-2of3``
    parts: the next export to that name removes them at once.  A fresh part of another name (another desk writing
    now), a name that only looks like a part of the series, and someone else's ``.part`` stay."""
    stick = tmp_path / "stick"
    stick.mkdir()
    for name in ("ARS01-0900-1of3.sync.part", "ARS01-0900-2of3.sync.part", "ARS01-0900-xof3.sync.part",
                 "ARS01-0900-1of3.zip.part", "ARS01-0930.sync.part", "photo.jpg.part"):  # fmt: skip
        (stick / name).write_bytes(b"sealed")
    removed = left_parts(stick / "ARS01-0900.sync")
    assert sorted(p.name for p in removed) == ["ARS01-0900-1of3.sync.part", "ARS01-0900-2of3.sync.part"]
    assert sorted(p.name for p in stick.iterdir()) == [
        "ARS01-0900-1of3.zip.part",
        "ARS01-0900-xof3.sync.part",
        "ARS01-0930.sync.part",
        "photo.jpg.part",
    ]


def test_an_old_part_that_cannot_be_removed_is_left_and_the_others_go(tmp_path: Path) -> None:
    """A folder named like a package's part (made by hand on the stick) cannot be removed as a file: it is left as
    it is, and the export still removes the old parts beside it."""
    stick = tmp_path / "stick"
    stick.mkdir()
    old = LEFT_PART.total_seconds() + 60
    (stick / "ARS01-0800.sync.part").mkdir()
    _aged(stick / "ARS01-0800.sync.part", old)
    (stick / "ARS01-0810.sync.part").write_bytes(b"sealed")
    _aged(stick / "ARS01-0810.sync.part", old)
    removed = left_parts(stick / "ARS01-0930.sync")
    assert [p.name for p in removed] == ["ARS01-0810.sync.part"]
    assert sorted(p.name for p in stick.iterdir()) == ["ARS01-0800.sync.part"]
