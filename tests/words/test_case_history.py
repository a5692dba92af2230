"""A case's history in words (:mod:`counter.words.case_history`): what the case page and ``case show`` both say."""

from __future__ import annotations

import dataclasses
import datetime as dt

from counter.case.status import CaseEvent
from counter.case.view import HistoryLine
from counter.words.case_history import history_note


def test_history_notes_read_as_words() -> None:
    at = dt.datetime(2026, 11, 20, 1, 30)
    names = {"M08": "食品安全管理制度文本", "M09": "从业人员健康证明"}
    line = HistoryLine(at, "张晓燕", "1", CaseEvent.DEFERRED_COMPLETE.value, "in_approval", "M08、M09")
    assert history_note(line, names) == "食品安全管理制度文本、从业人员健康证明"
    extended = dataclasses.replace(line, event=CaseEvent.DEFERRAL_EXTENDED.value, note="2026-12-25：住院")
    assert history_note(extended, names) == "新期限2026-12-25：住院"
    taken = dataclasses.replace(line, event=CaseEvent.TAKEN.value, note="future_outcome")
    assert history_note(taken, names) == "future_outcome（本版本未知）"  # an unknown code: kept, marked
    lapsed = dataclasses.replace(line, event=CaseEvent.DEFERRAL_LAPSED.value)
    assert history_note(lapsed, names) == "食品安全管理制度文本、从业人员健康证明"
    items = {"152201-YJS008-02": "食品经营许可"}
    denied = dataclasses.replace(line, event=CaseEvent.ITEM_DENIED.value, note="152201-YJS008-02：逾期未补交")
    assert history_note(denied, names, items) == "食品经营许可：逾期未补交"
    granted = dataclasses.replace(line, event=CaseEvent.ITEM_APPROVED.value, note="152201-YJS008-02：")
    assert history_note(granted, names, items) == "食品经营许可"
    moved_note = '{"M08": ["2027-10-06", "2027-10-08"], "promised": ["2027-10-12", "2027-10-13"]}'
    moved = dataclasses.replace(line, event=CaseEvent.DATES_MOVED.value, note=moved_note)
    assert history_note(moved, names) == (
        "“食品安全管理制度文本”补交期限 2027-10-06 → 2027-10-08；承诺办结日期 2027-10-12 → 2027-10-13"
    )
