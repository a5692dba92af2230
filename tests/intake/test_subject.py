"""The subject fields of a bundle as the intake takes them: kept as the desk keeps them, every problem at once."""

from __future__ import annotations

import datetime as dt

import pytest

from counter.catalog.model import Option, Subject, SubjectField, SubjectFieldKind
from counter.intake.outcome import Outcome
from counter.intake.subject import (
    SubjectProblemCode,
    check_subject,
    subject_from_json,
    subject_json,
    subject_lines,
    subject_required,
)

TODAY = dt.date(2026, 11, 20)
K = SubjectFieldKind
NEWBORN = Subject(
    "新生儿",
    (
        SubjectField("name", "新生儿姓名", K.PERSON_NAME),
        SubjectField("sex", "新生儿性别", K.CHOICE, (Option("male", "男"), Option("female", "女"))),
        SubjectField("birth_date", "出生日期", K.PAST_DATE),
        SubjectField("birth_certificate_no", "出生医学证明编号", K.BIRTH_CERTIFICATE_NO),
        SubjectField("members", "同胞人数", K.COUNT, required=False),
        SubjectField("place", "出生地点", K.TEXT, required=False),
    ),
)
GOOD = {"name": "阿依古丽・买买提", "sex": "female", "birth_date": "2026-11-02", "birth_certificate_no": "Q150123456"}


def _problems(values: dict[str, str], *, required: bool = True) -> dict[str, SubjectProblemCode]:
    return {p.field: p.code for p in check_subject(NEWBORN, values, TODAY, required=required)[1]}


def test_good_values_are_kept_as_the_desk_keeps_them_in_the_guides_order() -> None:
    typed = {"birth_certificate_no": " q１５０１２３４５６ ", "sex": "女", "name": " 阿依古丽•买买提 ",
             "birth_date": "2026年11月2日", "members": "０３", "place": "乌兰浩特市"}  # fmt: skip
    kept, problems = check_subject(NEWBORN, typed, TODAY)
    assert problems == []
    assert kept == (
        ("name", "阿依古丽·买买提"),  # the ID card's 间隔号, whichever dot was typed
        ("sex", "female"),
        ("birth_date", "2026-11-02"),
        ("birth_certificate_no", "Q150123456"),
        ("members", "3"),
        ("place", "乌兰浩特市"),
    )


@pytest.mark.parametrize("typed", ["2026-11-02", "20261102", "2026.11.2", "2026/11/02", "2026年11月02日"])
def test_a_day_is_read_as_people_write_it(typed: str) -> None:
    kept, problems = check_subject(NEWBORN, GOOD | {"birth_date": typed}, TODAY)
    assert problems == []
    assert dict(kept)["birth_date"] == "2026-11-02"


@pytest.mark.parametrize(
    ("field", "typed", "code"),
    [
        ("birth_date", "2026-11-21", SubjectProblemCode.FUTURE_DATE),  # the day after the intake
        ("birth_date", "2026-02-30", SubjectProblemCode.BAD_DATE),
        ("birth_date", "1899-12-31", SubjectProblemCode.BAD_DATE),
        ("birth_date", "十一月二日", SubjectProblemCode.BAD_DATE),
        ("birth_certificate_no", "Q15012345", SubjectProblemCode.BAD_CERTIFICATE_NO),  # eight digits
        ("birth_certificate_no", "150123456789", SubjectProblemCode.BAD_CERTIFICATE_NO),
        ("birth_certificate_no", "QQ50123456", SubjectProblemCode.BAD_CERTIFICATE_NO),
        ("sex", "未知", SubjectProblemCode.NOT_AN_OPTION),
        ("members", "0", SubjectProblemCode.BAD_COUNT),
        ("members", "100", SubjectProblemCode.BAD_COUNT),
        ("members", "2.5", SubjectProblemCode.BAD_COUNT),
        ("name", "其\u200b其格", SubjectProblemCode.BAD_TEXT),
        ("name", "", SubjectProblemCode.REQUIRED),
    ],
)
def test_a_bad_value_is_named_at_its_field(field: str, typed: str, code: SubjectProblemCode) -> None:
    assert _problems(GOOD | {field: typed}) == {field: code}


def test_today_is_a_birth_date() -> None:
    assert _problems(GOOD | {"birth_date": TODAY.isoformat()}) == {}


def test_every_problem_at_once_and_a_field_the_guide_lacks_is_one() -> None:
    assert _problems({"colour": "红"}) == {
        "colour": SubjectProblemCode.UNKNOWN_FIELD,
        "name": SubjectProblemCode.REQUIRED,
        "sex": SubjectProblemCode.REQUIRED,
        "birth_date": SubjectProblemCode.REQUIRED,
        "birth_certificate_no": SubjectProblemCode.REQUIRED,
    }
    assert _problems({"name": "x"}, required=False) == {}  # nothing else required, what is given checked
    assert _problems({"birth_date": "2030-01-01"}, required=False) == {"birth_date": SubjectProblemCode.FUTURE_DATE}
    assert [p.code for p in check_subject(None, {"name": "x"}, TODAY)[1]] == [SubjectProblemCode.UNKNOWN_FIELD]


def test_only_an_accepted_case_must_hold_them() -> None:
    """A 补正 may be for the very paper the values are read from (the 出生医学证明 itself)."""
    assert {o for o in Outcome if subject_required(o)} == {Outcome.ACCEPT, Outcome.DEFER}


def test_stored_and_printed() -> None:
    kept, _ = check_subject(NEWBORN, GOOD, TODAY)
    assert subject_from_json(subject_json(kept)) == kept
    assert subject_json(()) == ""
    assert subject_from_json("") == ()
    assert subject_from_json('{"not": "pairs"}') == ()
    assert subject_from_json("[[") == ()
    assert subject_lines(NEWBORN, kept)[:2] == (("新生儿姓名", "阿依古丽·买买提"), ("新生儿性别", "女"))
    every = subject_lines(NEWBORN, (("sex", "male"), ("gone", "x")), every=True)
    assert every[0] == ("新生儿姓名", "")
    assert every[1] == ("新生儿性别", "男")
    assert every[-1] == ("gone", "x")


def test_a_paper_writes_the_date_its_own_way() -> None:
    kept, _ = check_subject(NEWBORN, GOOD, TODAY)
    lines = dict(subject_lines(NEWBORN, kept, day=lambda d: f"{d.year}年{d.month}月{d.day}日"))
    assert lines["出生日期"] == "2026年11月2日"
    # a date a case holds in another form (a township's record of another release) is printed as held, not lost
    held = dict(subject_lines(NEWBORN, (("birth_date", "2026年11月2日"),), day=lambda d: f"{d.year}年"))
    assert held["出生日期"] == "2026年11月2日"
