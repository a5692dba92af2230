"""A file a command cannot write is named with its fault in Chinese, never the system's English words.

Before, ``counter catalog template`` and ``counter site card`` printed ``无法写入 …：No such file or directory``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import made_database
from tests.test_cli import run


@pytest.mark.parametrize(
    ("command", "name"), [(("catalog", "template"), "导入模板.xlsx"), (("site", "card"), "XAM01.site.json")]
)
def test_a_file_in_a_folder_not_there_is_refused_in_chinese_and_nothing_is_made(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...],
    name: str,
) -> None:  # fmt: skip
    monkeypatch.setenv("COUNTER_HOME", str(tmp_path / "home"))
    db = made_database(tmp_path / "cli.sqlite3")
    assert (
        run(capsys, "site", "init", "--code", "XAM01", "--name", "兴安盟政务服务中心", "--kind", "hall", "--db", db)[0]
        == 0
    )
    out_file = tmp_path / "usb" / name  # a stick not in
    code, out, err = run(capsys, *command, "--out", str(out_file), "--db", db)
    assert (code, out, err) == (1, "", f"无法写入 {out_file}：找不到这个文件或文件夹\n")
    assert not out_file.parent.exists()


def test_site_init_where_the_desk_settings_cannot_be_written_is_refused_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder where the desk's settings file is to be written: the set-up is refused naming the file and its
    fault, the site stays what it was, and the same command succeeds once the folder is cleared."""
    home = tmp_path / "home"
    monkeypatch.setenv("COUNTER_HOME", str(home))
    db = made_database(tmp_path / "cli.sqlite3")

    def site() -> dict[str, str]:
        code, out, _ = run(capsys, "site", "show", "--json", "--db", db)
        assert code == 0
        shown: dict[str, str] = json.loads(out)
        return shown

    before = site()
    init = ("site", "init", "--code", "ARS01", "--name", "阿尔山市便民服务中心", "--kind", "township", "--db", db)
    (home / "desk.json").mkdir(parents=True)
    code, out, err = run(capsys, *init)
    assert (code, out) == (1, "")
    assert err == f"无法写入 {home / 'desk.json'}：所选的是文件夹，不是文件。本站点的设定没有任何改动。\n"
    assert site() == before
    (home / "desk.json").rmdir()
    code, out, err = run(capsys, *init)
    assert code == 0, err
    assert (site()["code"], site()["kind"]) == ("ARS01", "township")
