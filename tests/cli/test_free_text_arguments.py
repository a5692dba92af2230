"""Every command that takes a free text holds it to the desk's rules: a reason typed here is printed and synced."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.cli.main import main
from tests.conftest import made_database


@pytest.fixture
def db(tmp_path: Path) -> str:
    return made_database(tmp_path / "texts.sqlite3")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["case", "void", "XAM01-20261120-01-0001", "--reason", "重复\x00录入"], "第3个字符是控制字符（U+0000）"),
        (["case", "void", "XAM01-20261120-01-0001", "--reason", "重" * 501], "最多500个字，现有501个字"),
        (["case", "correction-lapse", "XAM01-20261120-01-0001", "--note", "电话\u202e未果"], "改变文字方向"),
        (
            ["item", "deny", "XAM01-20261120-01-0001", "ITEM1", "--reason", "其\u200b其格"],
            "第2个字符是看不见的字符（U+200B）",
        ),
        (["hand-over", "XAM01-20261120-01-0001", "--way", "electronic", "--address", "路" * 121], "最多120个字"),
        (["project", "terminate", "XAM01-P-2026-0001", "--reason", "终\ufe0f止"], "看不见的字符"),
    ],
)
def test_a_text_the_desk_does_not_take_is_misuse(
    capsys: pytest.CaptureFixture[str], db: str, args: list[str], said: str
) -> None:
    assert main(["--db", db, *args]) == 2
    err = capsys.readouterr().err
    assert said in err
