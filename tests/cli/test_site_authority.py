"""``counter site authority``: the items a department entrusted the window with in writing, refused in words when the
entrustment is not one the desk can keep, and nothing stored of a refused change."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import made_database
from tests.entrusted import ACTS_OPTION
from tests.test_cli import run

FOOD = "152201-YJS008-02"
NONE_HELD = "本中心没有自行决定或受部门授权代为录入的事项：各事项均由实施部门在本系统作出决定。\n"


def test_an_entrustment_that_cannot_be_kept_is_named_and_nothing_stored(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    assert run(capsys, "site", "authority", "--db", db) == (0, NONE_HELD, "")
    code, out, err = run(capsys, "site", "authority", "--entrust", FOOD, "--db", db)
    assert (code, out, err) == (1, "", "--entrust 应写作“实施编码=授权文书”，缺少“=”，未作任何更改\n")
    pasted = f"{FOOD}=兴市监授〔2026〕3\x07号"  # a bell pasted in from another program
    code, out, err = run(capsys, "site", "authority", "--entrust", pasted, "--db", db)
    assert (code, out) == (1, "")
    assert err == f"授权文书（{FOOD}）：第12个字符是控制字符（U+0007），不能录入，请删去\n"  # as the window says it
    assert run(capsys, "site", "authority", "--db", db) == (0, NONE_HELD, "")


@pytest.mark.parametrize(
    ("given", "missing"),
    [
        ("\x1b[2J\x07", "缺少“=”"),  # a terminal's escape and a bell pasted in: not written back to the terminal
        ("\x1b[2J=", "缺少授权文书"),
        (" =兴市监授〔2026〕3号，2026年3月2日\x07", "缺少实施编码"),
    ],
)
def test_a_malformed_entrustment_names_what_is_missing_never_echoes_the_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, given: str, missing: str
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    code, out, err = run(capsys, "site", "authority", "--entrust", given, "--db", db)
    assert (code, out, err) == (1, "", f"--entrust 应写作“实施编码=授权文书”，{missing}，未作任何更改\n")
    assert run(capsys, "site", "authority", "--db", db) == (0, NONE_HELD, "")


@pytest.mark.parametrize("option", ["--hold", "--release", "--entrust"])
def test_a_code_with_a_control_character_is_named_never_echoed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, option: str
) -> None:
    """The catalog's refusal of an unknown code writes the code back: a code holding an escape is refused before,
    the character named."""
    db = made_database(tmp_path / "cli.sqlite3")
    code = "\x1b[2JYJS008-02"
    given = f"{code}=兴市监授〔2026〕3号，2026年3月2日" if option == "--entrust" else code
    said = run(capsys, "site", "authority", option, given, "--db", db)
    assert said == (1, "", "实施编码：第1个字符是控制字符（U+001B），不能录入，请删去，未作任何更改\n")
    assert run(capsys, "site", "authority", "--db", db) == (0, NONE_HELD, "")


def test_an_entrustment_across_levels_is_told_when_it_is_set_and_shown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A 盟 hall entrusted by a 旗县 department: seed 001 第三十二条 speaks of 同级; the administrator is told at once,
    and each time the setting is shown, that it stands only on the department's written act naming the site."""
    db = made_database(tmp_path / "cli.sqlite3")
    grant = f"{FOOD}=兴市监授〔2026〕3号，2026年3月2日"
    code, out, err = run(capsys, "site", "authority", "--entrust", grant, ACTS_OPTION, "--db", db)
    assert code == 0
    note = (
        f"注意：{FOOD} 的实施主体乌兰浩特市市场监督管理局是旗县市区级部门，与本中心不在同一层级。"
        "《兴安盟政务服务标准化管理办法》第三十二条所说的是部门委托同级政务服务部门；"
    )
    assert note in err
    assert note in run(capsys, "site", "authority", "--db", db)[2]
    code, out, _ = run(capsys, "site", "authority", "--json", "--db", db)
    assert '"level": "county"' in out
    assert run(capsys, "office", "--office-level", "county", "--db", db)[0] == 0
    assert run(capsys, "site", "authority", "--db", db)[2] == ""  # a county hall and a county department: 同级
