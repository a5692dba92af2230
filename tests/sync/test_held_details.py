"""A held record's detail, as the import writes it, shown to the clerk in Chinese: which part, what is wrong.

The details of the sender's checks are made here by :func:`~counter.sync.sender_checks.check_case` on records each
wrong in one way; those the database's checks write (counter.db.sync.cases, counter.db.sync.projects) and the
import's own (counter.actions.sync.sync_apply) are given in the forms they are written in, as the rows an older
program stored hold them too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

import pytest

from counter.case.hand_over import HandedItem
from counter.case.status import CaseEvent
from counter.catalog.departments import AdminLevel
from counter.sync.hold_detail import DetailKind, read_detail
from counter.sync.records import CaseRecord, HistoryEntry
from counter.sync.sender_checks import GuideItems, check_case
from counter.words.sync_details import DETAIL, held_detail
from tests.sync.test_records import AT, case_record
from tests.sync.test_sender_checks import HALL, OWN, WHOLE, hall_case, handed, path_of, with_line

UID = "3c705c47741e4103a31da60ec1812345"

#: an English word or a field's name: three or more letters standing alone (a code such as XAM-YJS-008 or
#: ARS01-20261120-01-0001 is the record's own number, which the clerk finds it by)
ENGLISH = re.compile(r"(?<![A-Za-z0-9-])[A-Za-z_]{3,}(?![A-Za-z0-9-])|[a-z]+_[a-z]+|\w+\[\d+\]")
HEX_KEY = re.compile(r"[0-9a-f]{16,}")


def assert_clerks_words(text: str) -> None:
    assert re.search(r"[\u4e00-\u9fff]", text), text
    assert not ENGLISH.search(text), text
    assert not HEX_KEY.search(text), text


def line(event: str, after: str, hours: float = 1) -> HistoryEntry:
    return HistoryEntry(AT + dt.timedelta(hours=hours), "其其格", "1", event, after, "")


def _rating_named(record: CaseRecord, **change: Any) -> CaseRecord:
    round_ = record.ratings[0]
    assert round_.rating is not None
    return dataclasses.replace(record, ratings=(dataclasses.replace(round_, rating=dataclasses.replace(
        round_.rating, **change)),))  # fmt: skip


def _refused() -> list[tuple[CaseRecord, tuple[HistoryEntry, ...], GuideItems | None]]:
    """A record for each detail the sender's checks write: (record, its lines here, the guide's items)."""
    record = case_record()
    decided, here = hall_case()
    doc = record.documents[0]
    round_ = record.ratings[0]
    county = GuideItems.of({"ITEM1": AdminLevel.COUNTY})  # no item a township body's
    return [
        (dataclasses.replace(record, case_no="XAM01-20261120-01-0001"), (), None),
        (dataclasses.replace(record, desk_no="2"), (), None),
        (dataclasses.replace(record, documents=(dataclasses.replace(doc, doc_no="XAM01-261120-S-010001"),)), (), None),
        (dataclasses.replace(record, documents=(dataclasses.replace(doc, desk_no="x"),)), (), None),
        (_rating_named(record, site_code="XAM01"), (), None),
        (dataclasses.replace(record, ratings=(dataclasses.replace(round_, desk_no=""),)), (), None),
        (_rating_named(record, clerk="王芳"), (), None),
        (_rating_named(record, staff_no="100"), (), None),
        (dataclasses.replace(record, history=(*record.history, line("approved", "ready"))), (), None),
        (dataclasses.replace(record, history=(*record.history, line("withdrawn", "ready"))), (), None),
        (dataclasses.replace(record, status="ready"), (), None),
        (dataclasses.replace(record, received_on=dt.date(2099, 1, 1)), (), None),
        (dataclasses.replace(record, applicant_name="其\u200b其格"), (), None),
        (dataclasses.replace(record, applicant_name="王" * 51), (), None),
        (dataclasses.replace(record, subject="not pairs"), (), None),
        (with_line(decided, CaseEvent.DELIVERED, "delivered", ""), here, None),
        (with_line(decided, CaseEvent.DELIVERED, "delivered", handed(WHOLE[0], HandedItem("ITEM2", True, "JY9"))),
         here, None),
        (with_line(dataclasses.replace(decided, history=here[:3], status="in_approval"), CaseEvent.DELIVERED,
                   "delivered", handed(WHOLE[0])), here[:3], None),
        (with_line(decided, CaseEvent.DELIVERED, "delivered", handed(WHOLE[0])), here, None),
        (path_of("ITEM2", (CaseEvent.ITEM_DENIED, "不符合")), (), OWN),
        (with_line(record, CaseEvent.DENIED, "denied", "不符合"), (), county),
        (with_line(record, CaseEvent.TAKEN, "accepted", "accept"), (), None),
        (with_line(decided, CaseEvent.VOIDED, "voided", "录错"), here, None),
        (with_line(record, CaseEvent.DEFERRED_ARRIVED, "awaiting_deferred", "", hours=-1), record.history, None),
    ]  # fmt: skip


def sender_details() -> list[tuple[str, str]]:
    found = []
    for record, here, items in _refused():
        refused = check_case(record, HALL, {x.key: x for x in here}, *(() if items is None else (items,)))
        assert refused is not None, record
        found.append((refused.reason.value, refused.detail))
    return found


#: the details the database's checks and the import write, in their forms (old rows hold these too)
STORED = [
    ("unknown_guide", "XAM-YJS-008 v1 e52b6e2d8c47"),
    ("case_no_taken", f"ARS01-20261120-01-0001 belongs to {UID}"),
    ("project_no_taken", f"ARS01-P-20261120-01-0001 belongs to {UID}"),
    ("document_conflict", f"ARS01-261120-S-010001 (receipt) belongs to {UID}"),
    ("not_own_number", "case_no XAM01-20261120-01-0001: not in ARS01's series"),
    ("not_own_case", f"{UID} is XAM01-20261120-01-0001 of XAM01 here"),
    ("not_own_case", "previous XAM01-20261120-01-0001 is XAM01's"),
    ("previous_missing", UID),
    ("other_site", "XAM01"),
    ("case_unknown", "ARS01-20261120-01-0001"),
    ("page_case_missing", "M1"),
    ("page_unreadable", "M1"),
    ("not_hall_owned", "ratings.timeout_seconds"),
    ("bad_seal", "3"),
    ("not_own_project", "site_code XAM01: not ARS01"),
    ("not_own_project", "project_no XAM01-P-20261120-01-0001: not in ARS01's series"),
    ("not_own_project", "project_no ARS01-P-20261120-01-0001: desk '2' is not its desk"),
    ("not_own_project", f"{UID} is XAM01-P-20261120-01-0001 of XAM01 here"),
    ("bad_project", "steps[0].expected_on: 2099-01-01 not within 2004-01-01…2028-11-20"),
    ("bad_project", "applied_on: 2099-01-01 not within 2004-01-01…2026-11-21"),
    ("bad_project", "coordinations[1].agent"),
    ("bad_project", "investor"),
    ("bad_project", "history[0].by"),
]


def test_the_sender_checks_write_every_refusal_they_have() -> None:
    """The records above reach every reason the case checks give (a project's and one case's standing here are the
    database's, in STORED): a new one is worded before it ships."""
    from counter.sync.sender_checks import Refusal

    made = {reason for reason, _detail in sender_details()}
    assert made >= {r.value for r in Refusal} - {"not_own_project", "bad_project", "not_own_case"}, made


@pytest.mark.parametrize(("reason", "detail"), sender_details() + STORED)
def test_a_held_records_detail_is_told_in_chinese_naming_the_part_and_the_problem(reason: str, detail: str) -> None:
    assert read_detail(reason, detail).kind is not DetailKind.UNREAD, detail
    assert_clerks_words(held_detail(reason, detail))


def test_the_hall_denial_seen_in_the_field_names_the_line_the_item_and_the_step() -> None:
    told = held_detail("not_township_item", "history[1] item_denied: item 152201-YJS008-02")
    assert told.startswith("第2条办理记录：对事项 152201-YJS008-02 的“事项不予批准”"), told


def test_a_detail_of_a_form_not_known_here_says_where_to_ask_never_itself() -> None:
    unread = [("not_own_part", "something else entirely"), ("unknown_guide", ""), ("hall_clerk", "ratings[0].future")]
    for reason, detail in unread:
        assert held_detail(reason, detail) == DETAIL[DetailKind.UNREAD]


def test_a_field_without_a_name_here_is_some_field_of_the_record() -> None:
    told = held_detail("not_own_part", "ratings[0].future_part[2].desk_no '7'")
    assert_clerks_words(told)
    assert "记录中的一项" in told


def test_every_hold_reason_has_its_words_and_a_newer_ones_code_is_never_shown() -> None:
    from counter.actions.sync.sync_apply import HoldReason
    from counter.sync.sender_checks import Refusal
    from counter.words.sync import HOLD_REASON, hold_reason

    assert {r.value for r in HoldReason} | {r.value for r in Refusal} <= set(HOLD_REASON)
    assert_clerks_words(hold_reason("a_reason_of_a_newer_hall"))


@pytest.mark.usefixtures("in_ulanhot")
def test_a_backdated_lines_times_are_read_on_the_desks_clock() -> None:
    """The checks write UTC with its zone; a time written without one is UTC too (case.moments), never local."""
    for at, last in (
        ("2026-11-23T17:30:00+00:00", "2026-11-23T17:45:00+00:00"),
        ("2026-11-23T17:30", "2026-11-23T17:45"),
    ):
        told = held_detail("backdated", f"history[2].at {at}: not after {last}")
        assert "（2026-11-24 01:30）" in told, told
        assert "（2026-11-24 01:45）" in told, told


def test_every_text_problem_the_form_reads_is_worded_never_its_code() -> None:
    """The form reads a closed list of codes: each has its sentence, so no code reaches the clerk."""
    from counter.parties.text import TextProblem

    for problem in TextProblem:
        told = held_detail("bad_characters", f"applicant_name: {problem.value} 3 U+200B")
        assert_clerks_words(told)
        assert problem.value not in told


def test_a_status_or_a_step_of_a_newer_program_is_named_as_not_known_here() -> None:
    told = held_detail("not_township_event", "history[1].status_after archived_elsewhere")
    assert told == "第2条办理记录的办理后的状态为“（本程序不认识的状态）”，只能由政务服务中心或审批部门作出"
    told = held_detail("not_township_event", "history[1].event recalled_by_league")
    assert "（本程序不认识的环节）" in told
    assert "recalled" not in told


def test_whether_a_detail_is_read_here_tells_the_window_to_keep_its_text_for_support() -> None:
    from counter.words.sync_details import detail_read

    assert detail_read("bad_characters", "applicant_name: invisible 2 U+200B")
    assert not detail_read("not_own_part", "something else entirely")
