"""The text an entry's hash is taken over is the trail's own: pinned, so that no faster way of writing it changes it.

A trail written by an earlier version is checked by this one: a digest that came out different for the same entry
would report every entry after it as forged.  The digests below were taken with the encoders of ``json.dumps`` as
the chain and the state were first written.
"""

from __future__ import annotations

import datetime as dt

from counter.audit.chain import AuditFields, detail_text, entry_hash
from counter.audit.state import CASE_FIELDS, SubjectKind, state_hash


def _case_row() -> dict[str, object]:
    row: dict[str, object] = {name: f"值{i}" for i, name in enumerate(CASE_FIELDS)}
    # a case without its bundle's subject (every case before there was one): it hashes as it always did
    return row | {"received_on": dt.date(2026, 11, 24), "guide_version_id": 7, "notify_due": None, "subject": ""}


def test_detail_text_is_sorted_compact_and_keeps_hanzi() -> None:
    text = detail_text({"outcome": "accept", "bundle": "B01", "名": "张三", "n": 3})
    assert text == '{"bundle":"B01","n":3,"outcome":"accept","名":"张三"}'


def test_state_and_entry_digests_are_those_of_the_trail_as_first_written() -> None:
    state = state_hash(SubjectKind.CASE, _case_row())
    assert state == "e43a6bf8d100e5e0f3af0f3ff82706537e5d816bae44277a4bd94dee27dcec66"
    assert state_hash(SubjectKind.CASE, _case_row() | {"subject": '[["name","图雅"]]'}) != state  # covered once set
    fields = AuditFields(
        chain="XAM01-8",
        seq=12,
        at=dt.datetime(2026, 11, 24, 2, 3, 4, 56, tzinfo=dt.UTC),
        actor="测试",
        site_code="XAM01",
        desk_no="8",
        action="case_taken",
        subject="XAM01-20261124-08-0001",
        detail=detail_text({"bundle": "B01", "outcome": "accept", "名": "张三", "n": 3}),
        state=state,
    )
    assert entry_hash("0" * 64, fields) == "231ec37a80538d39a3db8c22857ce82bd4a7ed0860fee4a5b94fe65d4f911f82"
