"""The words of a database gone missing: since when this machine used it, on the desk's clock."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from counter.words import at_command_line, database

#: the note's moment as the machine writes it (UTC): 07:30 in 乌兰浩特, the morning after
WRITTEN = "2026-11-27T23:30:00+00:00"


@pytest.mark.usefixtures("in_ulanhot")
@pytest.mark.parametrize("said", [database.database_missing_text, at_command_line.database_missing_text])
def test_since_when_the_machine_used_it_is_read_on_the_desks_clock(said: Callable[[str, bool, str], str]) -> None:
    text = said("/srv/share/counter.sqlite3", False, WRITTEN)
    assert "本机自 2026-11-28 07:30 起使用过这个数据库" in text, text


def test_a_note_edited_by_hand_is_said_as_it_is() -> None:
    assert "本机自 去年春天 起" in database.database_missing_text("/srv/share/counter.sqlite3", False, "去年春天")


@pytest.mark.parametrize("said", [database.database_missing_text, at_command_line.database_missing_text])
def test_a_database_never_used_here_offers_making_it_and_a_missing_folder_names_the_share(
    said: Callable[[str, bool, str], str],
) -> None:
    text = said("/srv/share/counter.sqlite3", True, "")
    assert "找不到数据库文件" in text
    assert "共享盘" in text  # its folder is gone too: the share is not mounted
    assert "如果这是新设置的数据库" in text  # a new database may only need making
    assert "使用过这个数据库" not in text


def test_the_clerk_is_told_of_the_note_without_its_file_and_the_command_line_with_it() -> None:
    """The window's words name neither the note's file nor a command; the command line's name both."""
    note = "/home/wulan/.local/state/counter/databases/6dcb.json"
    for said, stopped in ((database.numbers_behind_text, "不能受理："),
                          (database.document_numbers_behind_text, "不能出具文书：")):  # fmt: skip
        text = said("", "note_not_a_file", note)
        assert text.startswith(stopped + "本机记录本窗口已发出编号的文件不是普通文件")
        assert note not in text
        assert "counter" not in text
    text = at_command_line.document_numbers_behind_text("", "note_missing", note)
    assert text.startswith("不能出具文书：本机记录本窗口已发出编号的文件已丢失")
    assert note in text
    assert "counter db numbers --renote" in text
    assert "XAM01-20261128-08-0007" in database.numbers_behind_text("XAM01-20261128-08-0007")
    assert "XAM01-26-P0003" in at_command_line.document_numbers_behind_text("XAM01-26-P0003")


def test_a_read_only_database_is_said_without_its_path_to_the_clerk() -> None:
    assert "/srv/share" not in database.database_read_only_text("/srv/share/counter.sqlite3")
    assert "/srv/share/counter.sqlite3" in at_command_line.database_read_only_text("/srv/share/counter.sqlite3")
