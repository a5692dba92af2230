"""A cases package read in two steps gives the records and the problems a reading at once gives."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from counter.sync.case_reader import CaseKeys, CaseReader, case_keys
from counter.sync.record_json import parse_records, to_dict
from counter.sync.records import AckRecord
from tests.sync.test_records import case_record


def body(count: int = 4) -> list[Any]:
    cases = [to_dict(case_record(f"{n:032x}")) for n in range(count)]
    for n, raw in enumerate(cases):
        raw["case_no"] = f"ARS01-20261120-01-{n + 1:04d}"
        raw["documents"][0]["doc_no"] = f"ARS01-261120-S-01{n:04d}"
    return [*cases[:2], to_dict(AckRecord("cases", 3)), *cases[2:]]


def test_the_keys_are_read_first_and_each_case_whole_when_asked() -> None:
    raw = body()
    reader = CaseReader(raw)
    assert reader.problems == []
    assert reader.others == [AckRecord("cases", 3)]
    assert [c.index for c in reader.cases if isinstance(c, CaseKeys)] == [0, 1, 3, 4]
    first = reader.cases[0]
    assert first == CaseKeys(
        "0" * 32, "ARS01-20261120-01-0001", "ARS01", "XAM-YJS-008", case_record().guide, "",
        (("ARS01-261120-S-010000", "receipt"),), 0,
    )  # fmt: skip
    records, _problems = parse_records(raw, "cases")
    assert reader.read(reader.cases[::-1]) == [r for r in records if not isinstance(r, AckRecord)][::-1]
    assert reader.read(reader.cases[:1]) == records[:1]  # a case read twice is the same record
    assert reader.finish() == []


def test_a_problem_found_late_is_named_with_its_place_in_the_body() -> None:
    raw = body()
    raw[4]["materials"][0]["copies"] = "two"
    raw[3]["history"][0]["at"] = "yesterday"
    reader = CaseReader(raw)
    assert reader.problems == []  # the keys are all well
    assert len(reader.read(reader.cases[2:])) == 0
    assert reader.finish() == parse_records(raw, "cases")[1]
    assert [(p.index, p.field) for p in reader.finish()] == [(3, "history[0].at"), (4, "materials[0].copies")]


def test_a_case_without_its_keys_or_a_uid_twice_has_the_body_read_at_once() -> None:
    no_guide = body()
    del no_guide[1]["guide"]
    twice = body()
    twice[4]["uid"] = twice[0]["uid"]
    for raw in (no_guide, twice):
        reader = CaseReader(raw)
        records, problems = parse_records(raw, "cases")
        assert reader.problems == problems != []
        assert reader.cases == [r for r in records if not isinstance(r, AckRecord)]
        assert reader.finish() == problems


def test_the_keys_of_a_case_are_those_of_its_record() -> None:
    record = case_record()
    keys = case_keys(to_dict(record), 9)
    assert keys is not None
    assert (keys.uid, keys.case_no, keys.site_code, keys.bundle_code, keys.guide, keys.previous_uid) == (
        record.uid, record.case_no, record.site_code, record.bundle_code, record.guide, record.previous_uid,
    )  # fmt: skip
    assert keys.document_keys == record.document_keys
    assert keys.index == 9


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


@given(field=st.sampled_from(["uid", "case_no", "guide", "previous_uid", "documents", "materials", "history"]),
       value=JSONISH, at=st.integers(0, 4))  # fmt: skip
def test_any_value_in_any_field_gives_the_problems_of_a_reading_at_once(field: str, value: Any, at: int) -> None:
    raw = body()
    if raw[at]["type"] != "case":
        at = 0
    raw[at] = {**raw[at], field: value}
    reader = CaseReader(raw)
    reader.read(reader.cases)
    whole, problems = parse_records(raw, "cases")
    assert reader.finish() == problems
    assert reader.read(reader.cases) == [r for r in whole if not isinstance(r, AckRecord)]
