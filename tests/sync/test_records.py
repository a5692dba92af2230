"""Records as plain dicts and back; structure problems all listed at once; any JSON read without a crash."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter.case.view import CaseMaterialLine
from counter.sync.project_record import PaperEntry, ProjectRecord, ProjectStepEntry
from counter.sync.record_json import parse_records, record_from_dict, to_dict
from counter.sync.records import (
    AckRecord,
    AppealEntry,
    CaseRecord,
    DocumentEntry,
    GuideRecord,
    GuideRef,
    HistoryEntry,
    HolidayRecord,
    PrintEntry,
    ProgressRecord,
    RatingEntry,
    RatingRound,
    Record,
    RectificationEntry,
    RectLine,
    SettingRecord,
)

AT = dt.datetime(2026, 11, 20, 1, 2, 3, 456789, tzinfo=dt.UTC)
DAY = AT.date()


def case_record(uid: str = "a" * 32) -> CaseRecord:
    rating = RatingEntry(
        "dissatisfied", "pad", '["等候时间长"]', "", AT, DAY, "ITEM1", "小餐饮店登记", "市场监管局", "其其格", "007",
        "1", "ARS01", "152202", "王䶮", "15220119800101001X", "person", False,
        RectificationEntry(AT, DAY, "7 calendar_day", DAY, False,
                           (RectLine(AT, "负责人", "opened", "open", "", None),)),
        (AppealEntry(AT, "负责人", "malicious", False, "不属恶意差评"),),
    )  # fmt: skip
    return CaseRecord(
        uid=uid, case_no="ARS01-20261120-01-0001", site_code="ARS01", desk_no="1", clerk="其其格",
        bundle_code="XAM-YJS-008", guide=GuideRef("b" * 64, "XAM-YJS-008", 3), status="accepted", outcome="accept",
        answers='[["kind","person"]]', applicant_kind="person", applicant_name="王䶮",
        applicant_id_no="15220119800101001X",
        applicant_phone="13800000000", applicant_address="明水河镇", legal_rep="", agent_name="", agent_id_no="",
        agent_authorisation="", delivery="pickup", delivery_address="", notify_phone="13800000000", received_on=DAY,
        accepted_on=DAY, promised_on=DAY + dt.timedelta(days=5), correction_due=None, notify_due=None,
        refusal_ground="", turn_to="", denial_reason="", dates_beyond_data=False, previous_uid="", created_at=AT,
        materials=(CaseMaterialLine("M1", "身份证", "required", "received", 1, 1, "paper", "", None, None),),
        history=(HistoryEntry(AT, "其其格", "1", "taken", "accepted", "accept"),),
        documents=(DocumentEntry("ARS01-261120-S-010001", "receipt", DAY, "ARS01", "1", "其其格", "{}", "c" * 64, AT,
                                 (PrintEntry(AT, "其其格", "1", "file:x.pdf", "c" * 64, True, ""),)),),
        ratings=(RatingRound(1, AT, "ARS01", "1", "其其格", rating, None),),
    )  # fmt: skip


EVERY_KIND: list[Record] = [
    case_record(),
    HolidayRecord(DAY, "off", "国务院办公厅通知"),
    SettingRecord("ratings.timeout_seconds", "60"),
    ProgressRecord(
        "d" * 32, "ARS01-20261120-01-0002", "ready", (HistoryEntry(AT, "乌兰", "8", "completed", "ready", ""),)
    ),
    AckRecord("cases", 4),
]


def test_every_record_survives_the_trip_through_plain_data() -> None:
    records, problems = parse_records([to_dict(r) for r in EVERY_KIND])
    assert problems == []
    assert records == EVERY_KIND
    assert record_from_dict(to_dict(EVERY_KIND[0])) == EVERY_KIND[0]


def _parts(value: Any) -> list[Any]:
    """The value and every record part under it."""
    if isinstance(value, tuple):
        return [p for v in value for p in _parts(v)]
    if not dataclasses.is_dataclass(value):
        return []
    return [value, *(p for f in dataclasses.fields(value) for p in _parts(getattr(value, f.name)))]


@pytest.mark.parametrize("storable", [False, True])
def test_every_part_read_is_its_own_frozen_class(storable: bool) -> None:
    """Parts are made as an unfrozen twin and become their class once whole: none is left as the twin or open."""
    records, problems = parse_records([to_dict(r) for r in EVERY_KIND], storable=storable)
    assert problems == []
    for read, written in zip(_parts(tuple(records)), _parts(tuple(EVERY_KIND)), strict=True):
        assert type(read) is type(written)
        assert read == written
        assert hash(read) == hash(written)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(read, dataclasses.fields(read)[0].name, None)


def test_every_structure_problem_is_listed_at_once() -> None:
    raw: dict[str, Any] = to_dict(case_record())
    raw["uid"] = "not a uid"
    raw["case_no"] = "X" * 51
    del raw["status"]
    raw["received_on"] = "2026-13-40"
    raw["materials"][0]["originals"] = "one"
    raw["history"][0]["at"] = "2026-11-20T01:02:03"  # no zone
    raw["documents"][0]["prints"][0]["ok"] = 1
    records, problems = parse_records([raw, {"type": "martian"}, "text", to_dict(EVERY_KIND[1])])
    assert records == [EVERY_KIND[1]]
    assert {(p.index, p.field, p.code) for p in problems} == {
        (0, "case_no", "too_long"),
        (0, "status", "missing"),
        (0, "received_on", "bad_value"),
        (0, "materials[0].originals", "wrong_type"),
        (0, "history[0].at", "bad_value"),
        (0, "documents[0].prints[0].ok", "wrong_type"),
        (1, "type", "unknown_type"),
        (2, "", "not_an_object"),
    }


def test_identity_problems_and_duplicates() -> None:
    bad_uid = to_dict(case_record("Z" * 32))
    twice = [to_dict(EVERY_KIND[1]), to_dict(EVERY_KIND[1])]
    _records, problems = parse_records([bad_uid, *twice])
    assert {(p.index, p.field, p.code) for p in problems} == {(0, "uid", "bad_value"), (2, "", "duplicate")}


def test_a_package_kind_holds_only_its_records() -> None:
    _records, problems = parse_records([to_dict(EVERY_KIND[1])], kind="cases")
    assert [(p.field, p.code) for p in problems] == [("type", "wrong_kind")]
    _records, problems = parse_records([to_dict(case_record())], kind="updates")
    assert [(p.field, p.code) for p in problems] == [("type", "wrong_kind")]


def test_text_a_database_cannot_store_is_a_structure_problem() -> None:
    raw = to_dict(EVERY_KIND[1]) | {"source": "a\x00b"}
    surrogate = to_dict(EVERY_KIND[2]) | {"value": "\ud800"}
    big = to_dict(EVERY_KIND[4]) | {"export_no": 2**40}
    _records, problems = parse_records([raw, surrogate, big])
    assert [(p.index, p.code) for p in problems] == [(0, "bad_text"), (1, "bad_text"), (2, "bad_value")]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=6),
    max_leaves=30,
)


@pytest.mark.slow
@given(st.lists(JSON, max_size=5))
def test_any_json_body_reads_into_records_and_problems(body: list[Any]) -> None:
    records, problems = parse_records(body)
    assert len(records) + len({p.index for p in problems}) == len(body)  # each item read, or its problems named


@given(st.sampled_from([to_dict(r) for r in EVERY_KIND]), st.data())
def test_a_record_with_one_field_changed_to_anything_reads_or_is_named(
    raw: dict[str, Any], data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from(sorted(raw)))
    changed = raw | {name: data.draw(JSON)}
    records, problems = parse_records([changed])
    assert (len(records), bool(problems)) in {(1, False), (0, True)}


def test_a_time_with_no_place_in_utc_is_a_structure_problem() -> None:
    """A zone that moves a time before the year 1 in UTC: the record named, not the import ended by an error."""
    raw = to_dict(EVERY_KIND[0]) | {"created_at": "0001-01-01T00:00:00+01:00"}
    records, problems = parse_records([raw])
    assert records == []
    assert [(p.field, p.code) for p in problems] == [("created_at", "bad_value")]


def _project(**changes: Any) -> ProjectRecord:
    step = ProjectStepEntry(1, 1, "建设用地规划许可", "自然资源局", "planned", DAY, None, None, "", "", "")
    paper = PaperEntry("application", "ARS01-P-0001-1", DAY, "其其格", "{}", "c" * 64, AT)
    project = ProjectRecord(
        uid="1b4e28ba-2fa1-4d2b-8e1c-6f4b6a1f3c2d", project_no="ARS01-P-0001", site_code="ARS01", desk_no="1",
        clerk="其其格", state="accepted", name="年产万吨饲料项目", investor="明水河牧业有限公司", county="科右前旗",
        investment=5000, facts="{}", agents="[]", applied_on=DAY, accepted_on=DAY, signed_on=None, ended_on=None,
        end_reason="", satisfaction=None, evaluation_note="", evaluated_on=None, created_at=AT, steps=(step,),
        history=(), coordinations=(), papers=(paper,),
    )  # fmt: skip
    return dataclasses.replace(project, **changes)


def test_an_identity_no_desk_writes_is_named_by_its_field() -> None:
    """A case's earlier case or guide, a guide's hash, a project's uid, plan and papers, as no desk writes them: each
    named, and the record left out (a receiver's unique keys would refuse it mid-import, or a path be built of it)."""
    guide = GuideRecord("XAM-YJS-008", 8, "我要开小餐馆", True, "", 3, "b" * 64, "{}", True)
    project = _project()
    step, paper = project.steps[0], project.papers[0]
    body = [
        to_dict(dataclasses.replace(case_record(), previous_uid="../" + "a" * 29)),
        to_dict(dataclasses.replace(case_record("c" * 32), guide=GuideRef("B" * 64, "XAM-YJS-008", 3))),
        to_dict(dataclasses.replace(guide, content_hash="b" * 63 + "g")),
        to_dict(_project(uid="1b4e28ba2fa14d2b8e1c6f4b6a1f3c2d")),
        to_dict(_project(uid="2b4e28ba-2fa1-4d2b-8e1c-6f4b6a1f3c2d", steps=(step, step))),
        to_dict(_project(uid="3b4e28ba-2fa1-4d2b-8e1c-6f4b6a1f3c2d", papers=(paper, paper))),
        to_dict(guide),
        to_dict(project),
    ]
    records, problems = parse_records(body)
    assert {(p.index, p.field, p.code) for p in problems} == {
        (0, "previous_uid", "bad_value"),
        (1, "guide.content_hash", "bad_value"),
        (2, "content_hash", "bad_value"),
        (3, "uid", "bad_value"),
        (4, "steps", "duplicate"),
        (5, "papers", "duplicate"),
    }
    assert records == [guide, project]
