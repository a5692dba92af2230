"""An intake described in a JSON file, as ``counter case take`` reads it: every field the window's form has.

A script's file is read as strictly as the form is filled: an unknown key is a problem (a typo such as
``"orginals"`` must not leave a count at its default unseen), a JSON object with the same key twice is a problem
(JSON keeps the last one silently), and every problem is gathered at once, each at its path
(``materials.M05.medium``), so one run shows the script's author everything to fix.  Codes and values are the
domain's own: an enum is read by its value, so a receipt, medium, delivery or refusal ground added to the domain is
accepted here without a change.  Nothing is decided here: :func:`fill_form` turns the file into the
:class:`~counter.intake.draft.IntakeDraft` the window's fields give, and the outcome is the action's.

The file (all keys but ``bundle`` and ``applicant`` may be left out)::

    {"bundle": "008", "guide_version": 1,
     "applicant": {"kind": "person", "name": "…", "id_no": "…", "phone": "…", "address": "…", "legal_rep": ""},
     "agent": {"name": "…", "id_no": "…", "authorisation": "…"},
     "delivery": {"how": "post", "address": "…", "notify_phone": "…"},
     "answers": {"operator": "individual"},
     "materials": {"M01": {"receipt": "received", "originals": 1, "copies": 0, "medium": "paper"},
                   "M05": {"receipt": "defective", "originals": 1, "medium": "paper", "defect_note": "…"}},
     "deferral": {"no_bad_credit": true, "pledge_signed": true},
     "refusal": {"ground": "not_in_remit", "turn_to": {"152201-YJS008-01": "…", "152201-YJS008-02": "…"}},
     (第一项 names the licences found to need none: {"ground": "no_licence_needed", "items": ["152201-YJS008-02"]})
     "previous_case_no": "", "uid": "",
     "subject": {"name": "…", "birth_date": "2026-11-18"}}

Free texts (names, addresses, the authorisation, notes) are held to :mod:`counter.parties.text` as the window's
fields are, each at its path.  ``subject`` holds the bundle's subject fields by their codes
(docs/catalog-format.md), checked as the window's are when the case is taken (:mod:`counter.intake.subject`).
``uid`` is the request's idempotency key: 32 hex digits (a file sent again finds the
case the first one made), or left out for one made for the request; any other uid is a problem, since the township's
package that would carry the case accepts no other (:mod:`counter.util.case_uid`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from counter.catalog.model import Bundle
from counter.intake.checklist import (
    MAX_COUNT,
    Checklist,
    MaterialEntry,
    Receipt,
    ReceivedMedium,
    record_entry,
    start_checklist,
)
from counter.intake.draft import IntakeDraft
from counter.intake.no_licence import names_no_licence, no_licence_text
from counter.intake.outcome import DeferralRequest, Refusal, RefusalGround
from counter.intake.parties import Agent, Applicant, ApplicantKind, Delivery, name_field
from counter.intake.turn_to import JOIN as TURN_TO_JOIN
from counter.intake.turn_to import SPLIT as TURN_TO_SPLIT
from counter.intake.turn_to import turn_to_text
from counter.parties.text import TextField, check_text
from counter.util.case_uid import given_uid

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


class FileProblemCode(StrEnum):
    """What is wrong at one place of the file.  Values are stable codes."""

    NOT_JSON = "not_json"  # detail: line and column
    DUPLICATE_KEY = "duplicate_key"
    UNKNOWN_KEY = "unknown_key"
    MISSING = "missing"
    EMPTY = "empty"
    WRONG_TYPE = "wrong_type"  # detail: an Expected value
    NOT_A_CHOICE = "not_a_choice"  # detail: the values allowed, joined by ", "
    NEGATIVE = "negative"
    TOO_LARGE = "too_large"  # a count beyond what the window's form takes; detail: the largest
    # the day of arrival stated: it is the day of the intake, on the clock of the process that takes it; a 补正
    # not told within five working days of an earlier day would make an incomplete application accepted by law
    # (行政许可法 第三十二条第一款第四项), so no file states one.  Named, not unknown: an older file is told why
    DAY_OF_INTAKE = "day_of_intake"
    UNKNOWN_BUNDLE = "unknown_bundle"
    UNKNOWN_GUIDE_VERSION = "unknown_guide_version"  # detail: the versions there are
    UNKNOWN_SITUATION = "unknown_situation"  # detail: the situations of the guide
    UNKNOWN_MATERIAL = "unknown_material"
    UNKNOWN_ITEM = "unknown_item"  # detail: the item codes of the guide
    MATERIAL_NOT_CALLED_FOR = "material_not_called_for"  # the answers do not put it on the list
    NOT_FOR_RECEIPT = "not_for_receipt"  # a value the material's receipt does not keep; detail: the receipt
    BAD_TEXT = "bad_text"  # a text the desk does not take (counter.parties.text); detail: its code and detail
    BAD_UID = "bad_uid"  # a uid that is not 32 hex digits (counter.util.case_uid)


class Expected(StrEnum):
    """The kind of JSON value a key takes (the detail of :attr:`FileProblemCode.WRONG_TYPE`)."""

    OBJECT = "object"
    TEXT = "text"
    WHOLE_NUMBER = "whole_number"
    TRUE_FALSE = "true_false"
    CODES = "codes"  # a list of texts: 第一项's 实施编码


@dataclass(frozen=True, slots=True)
class FileProblem:
    path: str  # "applicant.id_no", "materials.M05.medium"; "" for the file as a whole
    code: FileProblemCode
    detail: str = ""


@dataclass(frozen=True, slots=True)
class IntakeFile:
    """The file, read: the bundle as typed, and every field of the window's form."""

    bundle: str
    guide_version: int | None  # the guide's version number (指南第N版); None: the current one
    applicant: Applicant
    agent: Agent | None = None
    delivery: Delivery = Delivery.PICKUP
    delivery_address: str = ""
    notify_phone: str = ""
    answers: tuple[tuple[str, str], ...] = ()  # (situation, option), in the file's order
    materials: tuple[tuple[str, MaterialEntry], ...] = ()  # (the path, the line as stated)
    deferral: DeferralRequest | None = None
    refusal: Refusal | None = None
    previous_case_no: str = ""
    uid: str = ""
    subject: tuple[tuple[str, str], ...] = ()  # the bundle's subject fields, (code, value) in the file's order


class FileUnreadable(ValueError):
    """The file is not an intake: every problem found, each at its path."""

    def __init__(self, problems: tuple[FileProblem, ...]) -> None:
        super().__init__("; ".join(f"{p.path}: {p.code.value} {p.detail}".strip() for p in problems))
        self.problems = problems


# The keys of each object, named one by one: a key not here is a problem, so a field added to a domain class is
# refused until a line here reads it.  A new field of the form is one key here and one line in the reader below.
TOP_KEYS = (
    "bundle", "guide_version", "applicant", "agent", "delivery", "answers", "materials", "deferral", "refusal",
    "previous_case_no", "uid", "received_on", "subject",
)  # fmt: skip
APPLICANT_KEYS = ("kind", "name", "id_no", "phone", "address", "legal_rep")
AGENT_KEYS = ("name", "id_no", "authorisation")
DELIVERY_KEYS = ("how", "address", "notify_phone")
MATERIAL_KEYS = ("receipt", "originals", "copies", "medium", "defect_note")
DEFERRAL_KEYS = ("no_bad_credit", "pledge_signed")
REFUSAL_KEYS = ("ground", "turn_to", "items", "insists")


def _path(parent: str, key: str) -> str:
    return f"{parent}.{key}" if parent else key


class _Reader:
    """Reads values at their paths and keeps every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[FileProblem] = []

    def add(self, path: str, code: FileProblemCode, detail: str = "") -> None:
        self.problems.append(FileProblem(path, code, detail))

    def obj(self, value: Any, path: str, keys: tuple[str, ...]) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.add(path, FileProblemCode.WRONG_TYPE, Expected.OBJECT.value)
            return None
        for key in value:
            if key not in keys:
                self.add(_path(path, key), FileProblemCode.UNKNOWN_KEY)
        return value

    def _typed(self, raw: dict[str, Any], key: str, path: str, kind: type[T], expected: Expected, default: T) -> T:
        value = raw.get(key)
        if value is None:
            return default
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.add(_path(path, key), FileProblemCode.WRONG_TYPE, expected.value)
            return default
        return value

    def text(
        self, raw: dict[str, Any], key: str, path: str, *, required: bool = False, kind: TextField | None = None
    ) -> str:
        """A text; ``kind``: a free text, held to :func:`counter.parties.text.check_text` as the window holds it."""
        value = self._typed(raw, key, path, str, Expected.TEXT, "")
        if required and raw.get(key) is None:
            self.add(_path(path, key), FileProblemCode.MISSING)
        elif required and isinstance(raw.get(key), str) and not value.strip():
            self.add(_path(path, key), FileProblemCode.EMPTY)
        if kind is not None and value:
            check = check_text(value, kind)
            if check.problem is not None:
                self.add(_path(path, key), FileProblemCode.BAD_TEXT, f"{check.problem.value} {check.detail}")
        return value

    def uid(self, raw: dict[str, Any], key: str) -> str:
        """The request's uid as kept (lower case), or "" for one to be made; a uid of another shape is a problem."""
        value = given_uid(self.text(raw, key, ""))
        if value is None:
            self.add(key, FileProblemCode.BAD_UID)
            return ""
        return value

    def count(self, raw: dict[str, Any], key: str, path: str, most: int | None = None) -> int:
        """A whole number of at least 0 and (``most``) at most that: a problem and 0 otherwise."""
        value = self._typed(raw, key, path, int, Expected.WHOLE_NUMBER, 0)
        if value < 0:
            self.add(_path(path, key), FileProblemCode.NEGATIVE)
            return 0
        if most is not None and value > most:
            self.add(_path(path, key), FileProblemCode.TOO_LARGE, str(most))
            return 0
        return value

    def flag(self, raw: dict[str, Any], key: str, path: str) -> bool:
        return self._typed(raw, key, path, bool, Expected.TRUE_FALSE, False)

    def choice(self, make: type[E], raw: dict[str, Any], key: str, path: str) -> E | None:
        """An enum member by its value; None when absent or wrong (the wrong one is a problem)."""
        value = self._typed(raw, key, path, str, Expected.TEXT, "")
        if not value:
            return None
        try:
            return make(value)
        except ValueError:
            self.add(_path(path, key), FileProblemCode.NOT_A_CHOICE, ", ".join(m.value for m in make))
            return None

    def part(
        self, raw: dict[str, Any], key: str, keys: tuple[str, ...], read: Callable[[dict[str, Any]], T]
    ) -> T | None:
        """An optional object of the file (``agent``, ``deferral`` …): None when absent or null."""
        value = raw.get(key)
        if value is None:
            return None
        part = self.obj(value, key, keys)
        return None if part is None else read(part)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen[key] = value
    return seen


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def read_intake_file(text: str) -> IntakeFile:
    """The intake the file describes; :class:`FileUnreadable` with every problem instead."""
    try:
        raw = json.loads(text, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as err:
        raise FileUnreadable((FileProblem(err.key, FileProblemCode.DUPLICATE_KEY),)) from None
    except json.JSONDecodeError as err:
        raise FileUnreadable((FileProblem("", FileProblemCode.NOT_JSON, f"{err.lineno}:{err.colno}"),)) from None
    except (ValueError, RecursionError):
        raise FileUnreadable((FileProblem("", FileProblemCode.NOT_JSON),)) from None
    r = _Reader()
    top = r.obj(raw, "", TOP_KEYS)
    if top is None:
        raise FileUnreadable(tuple(r.problems))
    if "received_on" in top:
        r.add("received_on", FileProblemCode.DAY_OF_INTAKE)
    bundle = r.text(top, "bundle", "", required=True)
    guide_version = r.count(top, "guide_version", "") or None
    applicant = _applicant(r, top.get("applicant"))
    agent = r.part(
        top, "agent", AGENT_KEYS,
        lambda a: Agent(
            name=r.text(a, "name", "agent", kind=TextField.PERSON_NAME),
            id_no=r.text(a, "id_no", "agent"),
            authorisation=r.text(a, "authorisation", "agent", kind=TextField.NOTE),
        ),
    )  # fmt: skip
    delivery = r.part(top, "delivery", DELIVERY_KEYS, lambda d: d) or {}
    answers = _pairs(r, top.get("answers"), "answers")
    materials = _materials(r, top.get("materials"))
    deferral = r.part(
        top, "deferral", DEFERRAL_KEYS,
        lambda d: DeferralRequest(
            no_bad_credit=r.flag(d, "no_bad_credit", "deferral"),
            pledge_signed=r.flag(d, "pledge_signed", "deferral"),
        ),
    )  # fmt: skip
    refusal = r.part(
        top, "refusal", REFUSAL_KEYS,
        lambda g: Refusal(
            ground=r.choice(RefusalGround, g, "ground", "refusal"), turn_to=_turn_to(r, g) or _items(r, g),
            insists=r.flag(g, "insists", "refusal") if "insists" in g else None,
        ),
    )  # fmt: skip
    file = IntakeFile(
        bundle=bundle.strip(),
        guide_version=guide_version,
        applicant=applicant,
        agent=agent,
        delivery=r.choice(Delivery, delivery, "how", "delivery") or Delivery.PICKUP,
        delivery_address=r.text(delivery, "address", "delivery", kind=TextField.ADDRESS),
        notify_phone=r.text(delivery, "notify_phone", "delivery"),
        answers=answers,
        materials=materials,
        deferral=deferral,
        refusal=refusal,
        previous_case_no=r.text(top, "previous_case_no", "").strip(),
        uid=r.uid(top, "uid"),
        subject=_pairs(r, top.get("subject"), "subject"),
    )
    if r.problems:
        raise FileUnreadable(tuple(r.problems))
    return file


def _applicant(r: _Reader, value: Any) -> Applicant:
    empty = Applicant(ApplicantKind.PERSON, "", "")
    if value is None:
        r.add("applicant", FileProblemCode.MISSING)
        return empty
    a = r.obj(value, "applicant", APPLICANT_KEYS)
    if a is None:
        return empty
    kind = r.choice(ApplicantKind, a, "kind", "applicant") or ApplicantKind.PERSON
    return Applicant(
        kind=kind,
        name=r.text(a, "name", "applicant", kind=name_field(kind)),
        id_no=r.text(a, "id_no", "applicant"),
        phone=r.text(a, "phone", "applicant"),
        address=r.text(a, "address", "applicant", kind=TextField.ADDRESS),
        legal_rep=r.text(a, "legal_rep", "applicant", kind=TextField.PERSON_NAME),
    )


def _turn_to(r: _Reader, refusal: dict[str, Any]) -> str:
    """第二项's bodies, one per item: ``{"实施编码": "行政机关全称", …}`` (:mod:`counter.intake.turn_to`)."""
    value = refusal.get("turn_to")
    if value is None:
        return ""
    given = r.obj(value, "refusal.turn_to", tuple(value) if isinstance(value, dict) else ())
    if given is None:
        return ""
    return turn_to_text((code, r.text(given, code, "refusal.turn_to", kind=TextField.NOTE)) for code in given)


def _items(r: _Reader, refusal: dict[str, Any]) -> str:
    """第一项's licences found to need none: ``["实施编码", …]`` (:mod:`counter.intake.no_licence`)."""
    value = refusal.get("items")
    if value is None:
        return ""
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        r.add("refusal.items", FileProblemCode.WRONG_TYPE, Expected.CODES.value)
        return ""
    return no_licence_text(code.strip() for code in value)


def _pairs(r: _Reader, value: Any, path: str) -> tuple[tuple[str, str], ...]:
    """An object of texts by key, in the file's order: which keys the guide has is checked against the guide."""
    if value is None:
        return ()
    pairs = r.obj(value, path, tuple(value) if isinstance(value, dict) else ())
    if pairs is None:
        return ()
    return tuple((key, r.text(pairs, key, path)) for key in pairs)


def _materials(r: _Reader, value: Any) -> tuple[tuple[str, MaterialEntry], ...]:
    if value is None:
        return ()
    given = r.obj(value, "materials", tuple(value) if isinstance(value, dict) else ())
    if given is None:
        return ()
    lines = []
    for code, state in given.items():
        path = _path("materials", code)
        m = r.obj(state, path, MATERIAL_KEYS)
        if m is None:
            continue
        receipt = r.choice(Receipt, m, "receipt", path)
        if receipt is None and m.get("receipt") is None:
            r.add(_path(path, "receipt"), FileProblemCode.MISSING)
        entry = MaterialEntry(
            code=code,
            receipt=receipt or Receipt.PENDING,
            originals=r.count(m, "originals", path, MAX_COUNT),
            copies=r.count(m, "copies", path, MAX_COUNT),
            medium=r.choice(ReceivedMedium, m, "medium", path),
            defect_note=r.text(m, "defect_note", path, kind=TextField.NOTE),
        )
        lines.append((path, entry))
    return tuple(lines)


# --- the file on a guide ---------------------------------------------------------------


def fill_form(file: IntakeFile, bundle: Bundle, version_id: int) -> tuple[IntakeDraft, tuple[FileProblem, ...]]:
    """The form as the window's fields would hold it for this file, and whatever of the file the guide has not.

    The checklist is made as the window makes it: the answers first (each rebuilding the list), then each material
    recorded with :func:`~counter.intake.checklist.record`.  A material the guide lacks or the answers leave off the
    list, and a value the receipt does not keep (a count for a missing material, a defect note for a good one), are
    problems here, where the window would simply never let them be typed.
    """
    problems: list[FileProblem] = []
    situations = {s.code: s for s in bundle.situations}
    answers: dict[str, str] = {}
    for situation, option in file.answers:
        path = _path("answers", situation)
        known = situations.get(situation)
        if known is None:
            problems.append(FileProblem(path, FileProblemCode.UNKNOWN_SITUATION, ", ".join(situations)))
        elif known.option(option) is None:
            options = ", ".join(o.code for o in known.options)
            problems.append(FileProblem(path, FileProblemCode.NOT_A_CHOICE, options))
        else:
            answers[situation] = option
    checklist = start_checklist(bundle, answers, guide_version=version_id)
    codes = [item.code for item in bundle.items]
    if file.refusal is not None:
        where = "refusal.items" if names_no_licence(file.refusal.turn_to) else "refusal.turn_to"
        for line in filter(None, file.refusal.turn_to.split(TURN_TO_JOIN)):
            code = line.partition(TURN_TO_SPLIT)[0]
            if code not in codes:
                problems.append(FileProblem(_path(where, code), FileProblemCode.UNKNOWN_ITEM, ", ".join(codes)))
    materials = {m.code for m in bundle.materials}
    for path, wanted in file.materials:
        if wanted.code not in materials:
            problems.append(FileProblem(path, FileProblemCode.UNKNOWN_MATERIAL))
            continue
        if checklist.entry(wanted.code) is None:
            problems.append(FileProblem(path, FileProblemCode.MATERIAL_NOT_CALLED_FOR))
            continue
        checklist = record_entry(checklist, wanted)
        problems += _dropped(path, wanted, checklist)
    return _draft(file, checklist), tuple(problems)


def _dropped(path: str, wanted: MaterialEntry, checklist: Checklist) -> list[FileProblem]:
    """The values the file gave that the recorded line does not keep: what the receipt leaves no place for."""
    kept = checklist.entry(wanted.code)
    assert kept is not None
    blank = MaterialEntry(wanted.code, wanted.receipt)
    return [
        FileProblem(_path(path, key), FileProblemCode.NOT_FOR_RECEIPT, wanted.receipt.value)
        for key in MATERIAL_KEYS
        if key != "receipt"
        and getattr(wanted, key) != getattr(blank, key)
        and getattr(wanted, key) != getattr(kept, key)
    ]


def _draft(file: IntakeFile, checklist: Checklist) -> IntakeDraft:
    deferral, refusal = file.deferral, file.refusal
    return IntakeDraft(
        checklist=checklist,
        applicant=file.applicant,
        agent=file.agent or Agent("", "", ""),
        with_agent=file.agent is not None,
        delivery=file.delivery,
        delivery_address=file.delivery_address,
        notify_phone=file.notify_phone,
        deferral_asked=deferral is not None,
        no_bad_credit=deferral.no_bad_credit if deferral else False,
        pledge_signed=deferral.pledge_signed if deferral else False,
        refusing=refusal is not None,
        refusal_ground=refusal.ground if refusal else None,
        turn_to=refusal.turn_to if refusal else "",
        insists=refusal.insists if refusal else None,
        previous_case_no=file.previous_case_no,
        subject=file.subject,
    )
