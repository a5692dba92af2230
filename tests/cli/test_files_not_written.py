"""A file a command cannot write is named with its fault in Chinese, never the system's English words.

Before, ``counter catalog template`` and ``counter site card`` printed ``无法写入 …：No such file or directory``.
"""

from __future__ import annotations

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
