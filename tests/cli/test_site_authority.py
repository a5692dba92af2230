"""``counter site authority``: the items a department entrusted the window with in writing, refused in words when the
entrustment is not one the desk can keep, and nothing stored of a refused change."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import made_database
from tests.test_cli import run

FOOD = "152201-YJS008-02"
NONE_HELD = "本中心没有自行决定或受部门授权代为录入的事项：各事项均由实施部门在本系统作出决定。\n"


def test_an_entrustment_that_cannot_be_kept_is_named_and_nothing_stored(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    assert run(capsys, "site", "authority", "--db", db) == (0, NONE_HELD, "")
    code, out, err = run(capsys, "site", "authority", "--entrust", FOOD, "--db", db)
    assert (code, out, err) == (1, "", f"--entrust 应写作“实施编码=授权文书”：{FOOD}\n")
    pasted = f"{FOOD}=兴市监授〔2026〕3\x07号"  # a bell pasted in from another program
    code, out, err = run(capsys, "site", "authority", "--entrust", pasted, "--db", db)
    assert (code, out) == (1, "")
    assert err == f"授权文书（{FOOD}）：第12个字符是控制字符（U+0007），不能录入，请删去\n"  # as the window says it
    assert run(capsys, "site", "authority", "--db", db) == (0, NONE_HELD, "")
