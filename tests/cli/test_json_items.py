"""A JSON list written item by item reads exactly as the list written whole."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from counter.cli.common import print_json, print_json_items

ROWS: list[Any] = [
    {"case_no": "XAM01-20261120-05-0001", "applicant": "乌兰", "next_due": dt.date(2026, 11, 30), "overdue": True},
    {"case_no": "XAM01-20261120-05-0002", "nested": {"items": [1, 2], "empty": []}, "note": "a\nb"},
    [],
    "三",
]


@pytest.mark.parametrize("count", [0, 1, 2, len(ROWS)])
def test_items_written_as_they_come_read_as_the_list_written_whole(
    capsys: pytest.CaptureFixture[str], count: int
) -> None:
    print_json(ROWS[:count])
    whole = capsys.readouterr().out
    written = print_json_items(iter(ROWS[:count]))
    assert capsys.readouterr().out == whole
    assert written == count
