"""What the clerk records for each material of the bundle's list (第十六条 of seed 001).

The checklist is the window's "一次性告知" made concrete: it holds one line per
material that the situation answers make applicable, and the clerk accounts for
every line before an outcome exists.  Nothing here decides the outcome; that is
:mod:`counter.intake.outcome`.

Choices worth knowing:

- Every required or deferrable line starts as :attr:`Receipt.PENDING`, meaning
  "not looked at yet".  A deliberate :attr:`Receipt.MISSING` is a statement by the
  clerk, so the two must differ: the clerk cannot finish while a line is pending.
- A material fetched by data sharing (``Material.shared``) also starts pending: the
  rule (第十条) is that it is not demanded but *confirmed* with the applicant, and
  the confirmation is the clerk's act.  Only the clerk sets
  :attr:`Receipt.SHARED_CONFIRMED`.
- Optional materials (非必要) start as :attr:`Receipt.MISSING` and are never
  "unaccounted": they never decide anything, so they must not hold the clerk up.
  The clerk records them only to list them on the receipt.
- Applicability is never a receipt: the situation answers decide which materials
  are on the list, and answering a situation rebuilds the list while keeping what
  was already recorded for materials that remain.
- A material handed in with an error the applicant corrected there and then is
  :attr:`Receipt.CORRECTED_ON_SPOT`: 行政许可法 第三十二条第一款第三项 ("申请材料存在可以
  当场更正的错误的，应当允许申请人当场更正") makes it acceptable, so it counts as received
  and is never demanded again; its note says what was corrected, for the file.
- Counts are kept as originals and copies separately because a guide asks for them
  separately (原件份数, 复印件份数); the copy form handed in follows from them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from counter.catalog.model import Bundle, CopyForm, Material, Medium, Necessity
from counter.intake.licence_trust import TrustStep, checked_copy, trust_step
from counter.intake.licences import Licence, LicenceProblem, licence_problems, licence_record, lookup_failed_record
from counter.parties.text import TextField, check_text

GuideVersion = int | str


class Receipt(StrEnum):
    """How one material of the list is accounted for."""

    PENDING = "pending"  # not looked at yet: the clerk cannot finish
    RECEIVED = "received"  # handed in and acceptable
    DEFECTIVE = "defective"  # handed in but not acceptable: the defect note says why
    MISSING = "missing"  # not handed in
    SHARED_CONFIRMED = "shared_confirmed"  # fetched by data sharing and confirmed with the applicant
    CORRECTED_ON_SPOT = "corrected_on_spot"  # handed in, an error corrected at the window: the note says which


class ReceivedMedium(StrEnum):
    """How a material reached the window (printed on the receipt: 纸质 / 电子 / 证照库免提交)."""

    PAPER = "paper"
    ELECTRONIC = "electronic"
    SHARED = "shared"


HANDED_IN = frozenset({Receipt.RECEIVED, Receipt.DEFECTIVE, Receipt.CORRECTED_ON_SPOT})
PRESENT = frozenset({Receipt.RECEIVED, Receipt.SHARED_CONFIRMED, Receipt.CORRECTED_ON_SPOT})
ACCEPTABLE_IN_HAND = frozenset({Receipt.RECEIVED, Receipt.CORRECTED_ON_SPOT})  # handed in and acceptable
WITH_NOTE = frozenset({Receipt.DEFECTIVE, Receipt.CORRECTED_ON_SPOT})  # the line's note is part of the record
NOT_ACCEPTABLE = frozenset({Receipt.MISSING, Receipt.DEFECTIVE})

_ACCEPTED_MEDIA = {
    Medium.PAPER: frozenset({ReceivedMedium.PAPER}),
    Medium.ELECTRONIC: frozenset({ReceivedMedium.ELECTRONIC}),
    Medium.PAPER_OR_ELECTRONIC: frozenset({ReceivedMedium.PAPER, ReceivedMedium.ELECTRONIC}),
}


#: The most originals, or copies, of one material a checklist line records: what the window's counter goes to.  A
#: material is handed in once or twice; a count beyond this is a slip of the keys, or no desk's.
MAX_COUNT = 99


@dataclass(frozen=True, slots=True)
class MaterialEntry:
    """One line of the checklist: what the clerk saw of one material."""

    code: str
    receipt: Receipt = Receipt.PENDING
    originals: int = 0  # paper originals handed in
    copies: int = 0  # paper copies handed in
    medium: ReceivedMedium | None = None
    defect_note: str = ""  # what is wrong (printed on the correction notice), or what was corrected on the spot
    # the 电子证照 the line was taken as (received electronically, 第二十七条): printed on the receipt
    licence: Licence | None = None
    # the 证照库 was asked and did not answer (or the hall has none set): the paper was taken, the case says why
    lookup_failed: str = ""

    def __post_init__(self) -> None:
        if self.originals < 0 or self.copies < 0:
            raise ValueError(f"negative count for material {self.code!r}")

    @property
    def copy_form(self) -> CopyForm | None:
        """原件 / 复印件 / 原件和复印件 as handed in; None when no paper was handed in."""
        if self.originals and self.copies:
            return CopyForm.ORIGINAL_AND_COPY
        if self.originals:
            return CopyForm.ORIGINAL
        if self.copies:
            return CopyForm.COPY
        return None

    @property
    def count(self) -> int:
        return self.originals + self.copies


@dataclass(frozen=True, slots=True)
class Checklist:
    """The clerk's record of one intake, tied to the guide version it was taken under."""

    bundle_code: str
    guide_version: GuideVersion | None
    answers: tuple[tuple[str, str], ...]  # (situation code, option code), in the guide's order
    entries: tuple[MaterialEntry, ...]  # one per applicable material, in the guide's order

    def answers_dict(self) -> dict[str, str]:
        return dict(self.answers)

    def entry(self, code: str) -> MaterialEntry | None:
        return next((e for e in self.entries if e.code == code), None)


class ProblemCode(StrEnum):
    """Why a checklist cannot lead to an outcome yet.  Values are stable codes."""

    BUNDLE_MISMATCH = "bundle_mismatch"  # the checklist belongs to another bundle
    ANSWER_UNKNOWN = "answer_unknown"  # an answer to a situation or option the guide does not have
    SITUATION_UNANSWERED = "situation_unanswered"
    MATERIAL_NOT_IN_LIST = "material_not_in_list"  # a line for a material the answers do not call for
    MATERIAL_UNACCOUNTED = "material_unaccounted"  # still pending, or no line at all
    DEFECT_NOTE_MISSING = "defect_note_missing"  # defective, but the notice could not say why
    CORRECTION_NOTE_MISSING = "correction_note_missing"  # corrected on the spot, but not said what
    NOTE_NOT_TAKEN = "note_not_taken"  # a note the desk does not take (counter.parties.text): too long, or hidden text
    MEDIUM_MISSING = "medium_missing"  # received, but not said whether on paper or electronically
    MEDIUM_NOT_ACCEPTED = "medium_not_accepted"  # received in a medium the guide does not accept
    COUNT_TOO_LOW = "count_too_low"  # received, but fewer originals or copies than the guide asks
    ORIGINAL_NOT_CHECKED = "original_not_checked"  # a C-level licence whose original the clerk has not checked


@dataclass(frozen=True, slots=True)
class ChecklistProblem:
    code: ProblemCode
    subject: str  # the situation, material or bundle code concerned
    name: str = ""  # its name or question in the guide, for the message


def _initial_entry(material: Material) -> MaterialEntry:
    if material.necessity is Necessity.OPTIONAL:
        return MaterialEntry(material.code, Receipt.MISSING)
    return MaterialEntry(material.code)


def _check_answers(bundle: Bundle, answers: Mapping[str, str]) -> None:
    wrong = [
        f"{situation}.{option}"
        for situation, option in answers.items()
        if (found := next((s for s in bundle.situations if s.code == situation), None)) is None
        or found.option(option) is None
    ]
    if wrong:
        raise ValueError(f"bundle {bundle.code!r} has no situation option {', '.join(wrong)}")


def _ordered_answers(bundle: Bundle, answers: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((s.code, answers[s.code]) for s in bundle.situations if s.code in answers)


def _entries_for(
    bundle: Bundle, answers: Mapping[str, str], kept: Iterable[MaterialEntry]
) -> tuple[MaterialEntry, ...]:
    recorded = {e.code: e for e in kept}
    return tuple(recorded.get(m.code) or _initial_entry(m) for m in bundle.materials_for(dict(answers)))


def start_checklist(
    bundle: Bundle,
    answers: Mapping[str, str] | None = None,
    *,
    guide_version: GuideVersion | None = None,
) -> Checklist:
    """A fresh checklist: every applicable material on it, nothing accounted for yet.

    Raises ``ValueError`` for an answer the guide does not offer: the desk only
    offers the guide's options, so that is a programming error, not a clerk's.
    """
    given = dict(answers or {})
    _check_answers(bundle, given)
    return Checklist(
        bundle_code=bundle.code,
        guide_version=guide_version,
        answers=_ordered_answers(bundle, given),
        entries=_entries_for(bundle, given, ()),
    )


def answer(checklist: Checklist, bundle: Bundle, situation: str, option: str) -> Checklist:
    """Answer one situation and rebuild the list, keeping what was recorded for materials that remain."""
    given = checklist.answers_dict() | {situation: option}
    _check_answers(bundle, {situation: option})
    return replace(
        checklist,
        answers=_ordered_answers(bundle, given),
        entries=_entries_for(bundle, given, checklist.entries),
    )


def record(
    checklist: Checklist,
    code: str,
    receipt: Receipt,
    *,
    originals: int = 0,
    copies: int = 0,
    medium: ReceivedMedium | None = None,
    defect_note: str = "",
    licence: Licence | None = None,
    lookup_failed: str = "",
) -> Checklist:
    """Record how one material is accounted for; the line is replaced as a whole.

    What does not fit the receipt is dropped rather than kept half-true: a missing
    material has no count, medium or note; a received one has no defect note; a
    shared one arrived by sharing.  A defective line and one corrected on the spot
    keep their note.  A licence stays only on a line received electronically, or on a line still pending whose
    C-level licence waits for the clerk to check its original; a failed look-up stays whatever the clerk then
    records, for it happened.
    """
    before = checklist.entry(code)
    if before is None:
        raise KeyError(f"material {code!r} is not on the checklist of bundle {checklist.bundle_code!r}")
    note = defect_note.strip()
    if receipt is Receipt.PENDING and licence is not None and trust_step(licence) is TrustStep.CHECK_ORIGINAL:
        entry = MaterialEntry(code, receipt, licence=licence)  # 须核验原件: the licence waits for the clerk's check
    elif receipt in (Receipt.PENDING, Receipt.MISSING):
        entry = MaterialEntry(code, receipt)
    elif receipt is Receipt.SHARED_CONFIRMED:
        entry = MaterialEntry(code, receipt, medium=ReceivedMedium.SHARED)
    elif receipt is Receipt.RECEIVED:
        taken = licence if medium is ReceivedMedium.ELECTRONIC else None
        entry = MaterialEntry(code, receipt, originals, copies, medium, licence=taken)
    else:
        entry = MaterialEntry(code, receipt, originals, copies, medium, note)
    entry = replace(entry, lookup_failed=lookup_failed or before.lookup_failed)
    return replace(checklist, entries=tuple(entry if e.code == code else e for e in checklist.entries))


def record_entry(checklist: Checklist, entry: MaterialEntry) -> Checklist:
    """:func:`record` of a whole line as given (a draft, a request file, the material editor), kept as it fits."""
    return record(
        checklist,
        entry.code,
        entry.receipt,
        originals=entry.originals,
        copies=entry.copies,
        medium=entry.medium,
        defect_note=entry.defect_note,
        licence=entry.licence,
        lookup_failed=entry.lookup_failed,
    )


class LicenceNotTaken(ValueError):
    """The licence may not stand for the material: every reason at once."""

    def __init__(self, problems: list[LicenceProblem]) -> None:
        super().__init__(", ".join(p.value for p in problems))
        self.problems = tuple(problems)


def take_licence(
    checklist: Checklist, bundle: Bundle, code: str, licence: Licence, holder_id: str, today: dt.date
) -> Checklist:
    """The line received electronically as this 电子证照 (第二十七条: worth its paper, whatever medium the guide
    asks); :class:`LicenceNotTaken` for one past its validity, of another type or holder, or below the material's
    floor.  A C-level licence (用户自行上传, 国办函〔2016〕108号) is put on the line as 须核验原件, the line still
    pending: it is taken when the clerk records the original checked (:func:`original_checked`)."""
    material = next((m for m in bundle.materials if m.code == code), None)
    if material is None:
        raise KeyError(f"material {code!r} is not in bundle {bundle.code!r}")
    problems = licence_problems(material, licence, holder_id, today)
    if problems:
        raise LicenceNotTaken(problems)
    if trust_step(licence) is TrustStep.CHECK_ORIGINAL:
        return record(checklist, code, Receipt.PENDING, licence=licence)
    return record(checklist, code, Receipt.RECEIVED, medium=ReceivedMedium.ELECTRONIC, licence=licence)


def awaits_original(entry: MaterialEntry) -> bool:
    """Whether the line's licence waits for the clerk to check its original (须核验原件)."""
    return entry.licence is not None and trust_step(entry.licence) is TrustStep.CHECK_ORIGINAL


def original_checked(entry: MaterialEntry) -> MaterialEntry:
    """The line once the clerk checked the original of its C-level licence (key 1 on the row): received
    electronically, its licence kept as B with "此件经与原件核对无误"
    (:func:`counter.intake.licence_trust.checked_copy`).  KeyError for a line without a licence waiting for it."""
    if not awaits_original(entry):
        raise KeyError(f"material {entry.code!r} has no licence waiting for its original to be checked")
    assert entry.licence is not None
    return MaterialEntry(entry.code, Receipt.RECEIVED, medium=ReceivedMedium.ELECTRONIC,
                         licence=checked_copy(entry.licence), lookup_failed=entry.lookup_failed)  # fmt: skip


def mark_lookup_failed(checklist: Checklist, codes: Iterable[str], reason: str) -> Checklist:
    """The lines the 证照库 was asked for and did not answer: the clerk goes on by paper, the case keeps why."""
    wanted = set(codes)
    return replace(
        checklist,
        entries=tuple(replace(e, lookup_failed=reason) if e.code in wanted else e for e in checklist.entries),
    )


def licence_column(entry: MaterialEntry) -> str:
    """What the case keeps of the line's 电子证照 (the ``licence`` column): the licence, a failed look-up, or ""."""
    if entry.licence is not None:
        return licence_record(entry.licence)
    return lookup_failed_record(entry.lookup_failed) if entry.lookup_failed else ""


def unanswered(checklist: Checklist, bundle: Bundle) -> list[str]:
    """Codes of the situations the clerk has not asked about yet."""
    given = checklist.answers_dict()
    return [s.code for s in bundle.situations if s.code not in given]


def unaccounted(checklist: Checklist, bundle: Bundle) -> list[str]:
    """Codes of required or deferrable materials still untouched (pending or without a line)."""
    return [
        m.code
        for m in bundle.materials_for(checklist.answers_dict())
        if m.necessity is not Necessity.OPTIONAL
        and ((e := checklist.entry(m.code)) is None or e.receipt is Receipt.PENDING)
    ]


def _entry_problems(material: Material, entry: MaterialEntry) -> list[ChecklistProblem]:
    found: list[ChecklistProblem] = []

    def add(code: ProblemCode) -> None:
        found.append(ChecklistProblem(code, material.code, material.name))

    if entry.receipt is Receipt.DEFECTIVE and not entry.defect_note.strip():
        add(ProblemCode.DEFECT_NOTE_MISSING)
    if entry.receipt is Receipt.CORRECTED_ON_SPOT and not entry.defect_note.strip():
        add(ProblemCode.CORRECTION_NOTE_MISSING)
    if entry.defect_note and not check_text(entry.defect_note, TextField.NOTE).ok:
        add(ProblemCode.NOTE_NOT_TAKEN)
    if entry.receipt not in ACCEPTABLE_IN_HAND or entry.licence is not None:  # a licence is worth its paper
        return found
    if entry.medium is None:
        add(ProblemCode.MEDIUM_MISSING)
    elif material.medium is not None and entry.medium not in _ACCEPTED_MEDIA[material.medium]:
        add(ProblemCode.MEDIUM_NOT_ACCEPTED)
    if entry.medium is ReceivedMedium.PAPER and (
        entry.originals < material.originals or entry.copies < material.copies
    ):
        add(ProblemCode.COUNT_TOO_LOW)
    return found


def checklist_problems(checklist: Checklist, bundle: Bundle) -> tuple[ChecklistProblem, ...]:
    """Everything that keeps this checklist from an outcome, all at once.

    Optional materials are exempt from the per-line checks: they never change the
    outcome and are never printed on a notice, so they cannot hold the clerk up.
    """
    problems: list[ChecklistProblem] = []
    if checklist.bundle_code != bundle.code:
        problems.append(ChecklistProblem(ProblemCode.BUNDLE_MISMATCH, checklist.bundle_code, bundle.name))
    situations = {s.code: s for s in bundle.situations}
    for situation, option in checklist.answers:
        known = situations.get(situation)
        if known is None or known.option(option) is None:
            problems.append(ChecklistProblem(ProblemCode.ANSWER_UNKNOWN, f"{situation}.{option}"))
    problems.extend(
        ChecklistProblem(ProblemCode.SITUATION_UNANSWERED, code, situations[code].question)
        for code in unanswered(checklist, bundle)
    )
    applicable = {m.code: m for m in bundle.materials_for(checklist.answers_dict())}
    problems.extend(
        ChecklistProblem(ProblemCode.MATERIAL_NOT_IN_LIST, e.code)
        for e in checklist.entries
        if e.code not in applicable
    )
    problems.extend(
        ChecklistProblem(ProblemCode.MATERIAL_UNACCOUNTED, code, applicable[code].name)
        for code in unaccounted(checklist, bundle)
    )
    for material in applicable.values():
        entry = checklist.entry(material.code)
        if entry is not None and awaits_original(entry):  # 须核验原件 (国办函〔2016〕108号), optional or not
            problems.append(ChecklistProblem(ProblemCode.ORIGINAL_NOT_CHECKED, material.code, material.name))
        if entry is not None and material.necessity is not Necessity.OPTIONAL:
            problems.extend(_entry_problems(material, entry))
    return tuple(problems)
