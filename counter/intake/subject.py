"""The subject of a bundle as the intake takes it: the newborn of 052, the household of 078.

A bundle may declare subject fields (:class:`counter.catalog.model.Subject`): facts of whom the case is about when
that is not the applicant.  The parent applies, the child is registered; the head of household signs, the
household is assessed.  The window asks them after the applicant, and every door holds them to the same rules:

* a name follows the desk's rules for a person's name (:func:`counter.parties.text.check_text`), so its 间隔号
  typed ``・`` or ``•`` is kept as the ID card's ``·``;
* a date is a day, never after the day of intake (a child is not born tomorrow); typed ``2026-11-18``,
  ``20261118``, ``2026.11.18``, ``2026/11/18`` or ``2026年11月18日``, kept as ``2026-11-18``;
* a count is a whole number from 1 to 99 (full-width digits read as digits);
* a 出生医学证明编号 is one Latin letter and nine digits, the form the 出生医学证明 has carried since its second
  edition and still carries on the seventh (国家卫生健康委, 2023: "1位字母+9位数字"); a small letter or full-width
  characters typed are kept as the certificate prints them;
* a choice is one of the field's options, kept by its code;
* every other text is one line of free text held to an address's rules.

The values are kept as ``(code, value)`` pairs in the order the guide declares its fields; the case stores them as
JSON (:func:`subject_json`).  Checks never raise: every problem of every field comes back at once, as codes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from counter.catalog.model import Subject, SubjectField, SubjectFieldKind
from counter.intake.outcome import Outcome
from counter.parties.text import TextField, check_text

#: ``(field code, value)`` in the guide's order
SubjectValues = tuple[tuple[str, str], ...]

COUNT_MOST = 99  # people in one household, children in one birth: two digits hold every real one
OLDEST = dt.date(1900, 1, 1)  # a day before it is a typo, not a birth
_CERTIFICATE_NO = re.compile(r"[A-Z][0-9]{9}")
_DAY = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?|(\d{4})(\d{2})(\d{2})")
_TEXT_OF = {SubjectFieldKind.PERSON_NAME: TextField.PERSON_NAME}


class SubjectProblemCode(StrEnum):
    REQUIRED = "required"
    BAD_TEXT = "bad_text"  # detail: the text check's problem and its detail, "too_long 50 5100"
    NOT_AN_OPTION = "not_an_option"  # detail: the value given
    BAD_DATE = "bad_date"  # not a day, or before 1900
    FUTURE_DATE = "future_date"  # detail: the day, after the day of intake
    BAD_COUNT = "bad_count"  # not a whole number from 1 to 99
    BAD_CERTIFICATE_NO = "bad_certificate_no"  # not one letter and nine digits
    UNKNOWN_FIELD = "unknown_field"  # a value for a field the guide does not declare (a request file's typo)


@dataclass(frozen=True, slots=True)
class SubjectProblem:
    field: str  # the field's code
    code: SubjectProblemCode
    detail: str = ""


def _day(text: str) -> dt.date | None:
    found = _DAY.fullmatch(text)
    if found is None:
        return None
    parts = [int(p) for p in found.groups() if p is not None]
    try:
        return dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


#: a value as kept, what is wrong with it (None: nothing) and the problem's detail
Read = tuple[str, SubjectProblemCode | None, str]


def _choice(field: SubjectField, text: str, today: dt.date) -> Read:
    code = next((o.code for o in field.options if text in (o.code, o.label)), None)
    return (text, SubjectProblemCode.NOT_AN_OPTION, text) if code is None else (code, None, "")


def _past_date(field: SubjectField, text: str, today: dt.date) -> Read:
    day = _day(text)
    if day is None or day < OLDEST:
        return text, SubjectProblemCode.BAD_DATE, text
    return day.isoformat(), SubjectProblemCode.FUTURE_DATE if day > today else None, day.isoformat()


def _count(field: SubjectField, text: str, today: dt.date) -> Read:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= COUNT_MOST:
        return text, SubjectProblemCode.BAD_COUNT, text
    return str(int(text)), None, ""


def _certificate_no(field: SubjectField, text: str, today: dt.date) -> Read:
    text = text.replace(" ", "").upper()
    return text, None if _CERTIFICATE_NO.fullmatch(text) else SubjectProblemCode.BAD_CERTIFICATE_NO, ""


_READERS = {
    SubjectFieldKind.CHOICE: _choice,
    SubjectFieldKind.PAST_DATE: _past_date,
    SubjectFieldKind.COUNT: _count,
    SubjectFieldKind.BIRTH_CERTIFICATE_NO: _certificate_no,
}


def _kept(field: SubjectField, raw: str, today: dt.date) -> tuple[str, SubjectProblem | None]:
    """The value as kept, and its problem; an empty value has none here (whether it may be empty is the field's)."""
    reader = _READERS.get(field.kind)
    if reader is None:  # a name or a text: the desk's rules for free text
        check = check_text(raw, _TEXT_OF.get(field.kind, TextField.ADDRESS))
        problem = None if check.ok else SubjectProblem(field.code, SubjectProblemCode.BAD_TEXT,
                                                       f"{check.problem} {check.detail}")  # fmt: skip
        return check.value, problem
    text = unicodedata.normalize("NFKC", raw).strip()
    if not text:
        return "", None
    value, code, detail = reader(field, text, today)
    return value, None if code is None else SubjectProblem(field.code, code, detail)


def check_subject(
    subject: Subject | None, values: Mapping[str, str], today: dt.date, *, required: bool = True
) -> tuple[SubjectValues, list[SubjectProblem]]:
    """The values as kept, in the guide's order, and every problem, at its field.

    A bundle without a subject takes no values: any given is a problem, never kept silently.  ``required``: whether
    the fields the guide requires must hold a value.  They must for a case accepted (受理, 容缺受理): the departments
    register the child from it.  A 补正 or 不予受理 leaves them optional, for what is missing may be the very paper
    they are read from (the 出生医学证明); what is given is checked all the same.
    """
    fields = subject.fields if subject is not None else ()
    problems = [SubjectProblem(code, SubjectProblemCode.UNKNOWN_FIELD) for code in values
                if all(f.code != code for f in fields)]  # fmt: skip
    kept: list[tuple[str, str]] = []
    for field in fields:
        value, problem = _kept(field, values.get(field.code, ""), today)
        if problem is not None:
            problems.append(problem)
        elif not value and field.required and required:
            problems.append(SubjectProblem(field.code, SubjectProblemCode.REQUIRED))
        if value:
            kept.append((field.code, value))
    return tuple(kept), problems


def subject_required(outcome: Outcome) -> bool:
    """Whether a case of ``outcome`` must hold the fields the guide requires: an accepted one (see
    :func:`check_subject`)."""
    return outcome in (Outcome.ACCEPT, Outcome.DEFER)


def subject_problems(
    subject: Subject | None, values: Mapping[str, str], today: dt.date, *, required: bool = True
) -> list[SubjectProblem]:
    return check_subject(subject, values, today, required=required)[1]


def subject_json(values: SubjectValues) -> str:
    """The values as the case keeps them: ``""`` for none, so a case of a bundle without a subject stores nothing."""
    return json.dumps([list(pair) for pair in values], ensure_ascii=False) if values else ""


def subject_from_json(text: str) -> SubjectValues:
    """The values :func:`subject_json` wrote; a text of any other shape (a damaged row) reads as none."""
    if not text:
        return ()
    try:
        raw = json.loads(text)
    except ValueError:
        return ()
    if not isinstance(raw, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in raw
    ):
        return ()
    return tuple((p[0], p[1]) for p in raw)


def _shown(field: SubjectField, value: str, day: Callable[[dt.date], str]) -> str:
    if field.kind is SubjectFieldKind.PAST_DATE:
        try:
            return day(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return field.shown(value)


def subject_lines(
    subject: Subject | None,
    values: SubjectValues,
    *,
    every: bool = False,
    day: Callable[[dt.date], str] = dt.date.isoformat,
) -> tuple[tuple[str, str], ...]:
    """``(label, value as read)`` of each value the case holds, as its papers and pages print them.

    ``every``: each field the guide declares, in its order, ``""`` where the case holds none (a form's box to fill
    in).  A value whose field the guide version does not declare (it cannot happen through the intake) is shown
    under its code rather than dropped: what the case holds is on its paper.  ``day``: how a date is written (a
    paper writes 2026年11月2日).
    """
    held = dict(values)
    fields = subject.fields if subject is not None else ()
    lines = [
        (f.label, _shown(f, held[f.code], day) if f.code in held else "") for f in fields if every or f.code in held
    ]
    declared = {f.code for f in fields}
    return (*lines, *((code, value) for code, value in values if code not in declared))
