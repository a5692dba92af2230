"""``counter office`` refuses settings the papers could not print, naming each problem as the window's 单位信息 page
does, and saves nothing of the command, not even its good values.

Saved unchecked, a line of ``--rights-overrides``, ``--entrustments`` or ``--department-contacts`` not written as its
help says was skipped where the papers read it: a 告知书 printed without its 复议机关 or its agreement, and nobody told.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter.cli.main import main
from tests.conftest import made_database

NEW_HOURS = "星期一至星期五 09:00-12:00 14:00-17:00"
TAX = "国家税务总局乌兰浩特市税务局=国家税务总局兴安盟税务局|乌兰浩特市人民法院"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def settings(capsys: pytest.CaptureFixture[str], db: str) -> dict[str, str]:
    code, out, err = run(capsys, "office", "--json", "--db", db)
    assert code == 0, err
    shown: dict[str, str] = json.loads(out)
    return shown


@pytest.fixture
def db(tmp_path: Path) -> str:
    return made_database(tmp_path / "desk.sqlite3", catalog=False)


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        (
            "--rights-overrides",
            f"{TAX}；乌兰浩特市公安局：乌兰浩特市人民政府",
            "以下例外写法不对，应为“部门全称=复议机关|法院”，没有保存：“乌兰浩特市公安局：乌兰浩特市人民政府”",
        ),
        (
            "--entrustments",
            "乌兰浩特市市场监督管理局=委托受理协议（乌市监〔2026〕3号）；乌兰浩特市卫生健康委员会 委托受理协议",
            "以下委托受理协议写法不对，应为“部门全称=协议名称及文号”，没有保存："
            "“乌兰浩特市卫生健康委员会 委托受理协议”",
        ),
        (
            "--department-contacts",
            "乌兰浩特市城市管理综合行政执法局 李明",
            "以下部门联系人写法不对，应为“部门全称=承办人|电话”，没有保存：“乌兰浩特市城市管理综合行政执法局 李明”",
        ),
        (
            "--office-name-mn",
            "ᠬᠢᠩᠭᠠᠨ\U0001f600",
            "单位名称（蒙古文）不能印在文书上：第7个字符“\U0001f600”（U+1F600）本系统的字体中没有，"
            "打印出来会是空白或方框，请核对证件后改正",
        ),
        ("--court", "   ", "以下各项不能为空：行政诉讼法院"),
    ],
    ids=["overrides", "entrustments", "contacts", "mongolian", "missing"],
)
def test_a_value_the_papers_cannot_print_is_named_and_nothing_is_saved(
    capsys: pytest.CaptureFixture[str], db: str, option: str, value: str, said: str
) -> None:
    before = settings(capsys, db)
    code, out, err = run(capsys, "office", "--hours", NEW_HOURS, option, value, "--db", db)
    assert (code, out, err.strip()) == (1, "", said)
    assert settings(capsys, db) == before  # the good --hours not saved either


def test_every_problem_is_named_at_once_a_line_each(capsys: pytest.CaptureFixture[str], db: str) -> None:
    given = ("--rights-overrides", "乌兰浩特市公安局", "--department-contacts", "乌兰浩特市公安局 李明",
             "--office-name", " ", "--office-name-mn", "ᠬᠢᠩᠭᠠᠨ\u200b")  # fmt: skip
    code, _, err = run(capsys, "office", *given, "--db", db)
    assert code == 1
    assert err.splitlines() == [
        "单位名称（蒙古文）不能印在文书上：第7个字符是看不见的字符（U+200B），请删去后重新输入",
        "以下各项不能为空：单位名称",
        "以下例外写法不对，应为“部门全称=复议机关|法院”，没有保存：“乌兰浩特市公安局”",
        "以下部门联系人写法不对，应为“部门全称=承办人|电话”，没有保存：“乌兰浩特市公安局 李明”",
    ]


def test_the_help_says_an_empty_value_changes_nothing_and_a_refused_change_saves_nothing(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, _ = run(capsys, "office", "-h")
    assert code == 0
    text = "".join(line.strip() for line in out.splitlines())
    assert "值为空的选项不作改动" in text
    assert "逐条指出，一项也不保存" in text
    contacts = "乌兰浩特市市场监督管理局=张丽|0482-8212315"
    code, _, err = run(capsys, "office", "--rights-overrides", TAX, "--department-contacts", contacts, "--db", db)
    assert code == 0, err  # lines written as the helps say are kept
    kept = settings(capsys, db)
    assert (kept["rights_overrides"], kept["department_contacts"]) == (TAX, contacts)
    assert run(capsys, "office", "--rights-overrides", "", "--court", "", "--db", db)[0] == 0
    assert settings(capsys, db) == kept  # an empty value is no change: a setting is cleared in the window


def test_a_name_in_mongolian_in_menksoft_codes_is_kept_in_unicode(capsys: pytest.CaptureFixture[str], db: str) -> None:
    """ᠮᠣᠩᠭᠣᠯ pasted from a document made with a 蒙科立 input method, as the window keeps it."""
    code, _, err = run(capsys, "office", "--office-name-mn", "\ue2f2\ue289\ue2bc\ue2ec\ue289\ue2f9", "--db", db)
    assert code == 0, err
    assert settings(capsys, db)["office_name_mn"] == "ᠮᠣᠩᠭᠣᠯ"
