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
