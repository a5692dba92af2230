"""The intake form as the clerk left it, as JSON text: what survives a crash or a power cut.

The desk saves the whole form a moment after each change, so a clerk who loses
the window (or the machine) finds every field again at the next start.  The
draft is the form, not a case: it may hold an ID number with a typo, a half
typed address or an unanswered situation, and restoring it must give back
exactly that.  It is tied to the guide *version* the clerk was working under,
so the list of materials restored is the one the clerk saw.

A draft is read back by a later program, perhaps after a crash in the middle of
a write, so reading never trusts it: anything that is not the expected shape
raises :class:`DraftUnreadable` with a code, and the desk discards the draft and
says so instead of failing.  Text is written with every non-ASCII character
escaped, so any string Qt hands over (a lone surrogate from a broken paste
included) can be stored.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from counter.catalog.model import Bundle
from counter.intake.checklist import (
    Checklist,
    MaterialEntry,
    Receipt,
    ReceivedMedium,
    licence_column,
    record_entry,
    start_checklist,
)
from counter.intake.licences import licence_of_record, lookup_failed_of_record
from counter.intake.outcome import DeferralRequest, Refusal, RefusalGround
from counter.intake.parties import Agent, Applicant, ApplicantKind, Delivery, Parties

DRAFT_FORMAT = 1


class DraftProblemCode(StrEnum):
    NOT_JSON = "not_json"  # cut off or overwritten: not JSON at all
    WRONG_FORMAT = "wrong_format"  # written by a program with another draft format
    WRONG_SHAPE = "wrong_shape"  # detail: the field missing or of the wrong type
    NOT_THIS_GUIDE = "not_this_guide"  # answers or materials the guide version does not have
    GUIDE_MISSING = "guide_missing"  # the guide version is no longer stored


class DraftUnreadable(ValueError):
    def __init__(self, code: DraftProblemCode, detail: str = "") -> None:
        super().__init__(f"{code.value}: {detail}" if detail else code.value)
        self.code = code
        self.detail = detail


@dataclass(frozen=True, slots=True)
class IntakeDraft:
    """Every field of the intake form.

    The agent's fields are kept while "委托代办人" is off, and the refusal ground
    while "不予受理" is off: switching a box off and on again must not lose what
    was typed beneath it.
    """

    checklist: Checklist  # bundle code, guide version id, answers and every line
    applicant: Applicant
    agent: Agent
    with_agent: bool
    delivery: Delivery = Delivery.PICKUP
    delivery_address: str = ""
    notify_phone: str = ""
    deferral_asked: bool = False
    no_bad_credit: bool = False
    pledge_signed: bool = False
    refusing: bool = False
    refusal_ground: RefusalGround | None = None  # none until the clerk chooses one
    # the applicant's answer at a window that only receives (Refusal.insists).  With 不予受理 ticked: a file's answer
    # (the desk asks it at the commit).  With it off and a ground kept: the applicant, told the window's finding,
    # insisted — the form refuses nothing, and its intake carries the finding (refusal()), so a restored form, or a
    # 补正 answer of a case forwarded so, is taken as 收件 without asking again
    insists: bool | None = None
    turn_to: str = ""
    previous_case_no: str = ""
    subject: tuple[tuple[str, str], ...] = ()  # the subject fields as typed, by code (counter.intake.subject)
    # the intake's own id (its request's uid): the draft is kept under it, its commit drops it and no other; "" for a
    # form not yet kept (a 补正 answer's, carried from its case)
    uid: str = ""

    @property
    def guide_version_id(self) -> int:
        return int(self.checklist.guide_version or 0)

    def parties(self) -> Parties:
        agent = self.agent if self.with_agent else None
        return Parties(self.applicant, agent, self.delivery, self.delivery_address, self.notify_phone)

    def deferral(self) -> DeferralRequest | None:
        return DeferralRequest(self.no_bad_credit, self.pledge_signed) if self.deferral_asked else None

    def refusal(self) -> Refusal | None:
        """The clerk's refusal while 不予受理 is ticked; else the finding the applicant insisted on, if any."""
        if self.refusing:
            return Refusal(self.refusal_ground, self.turn_to, self.insists)
        if self.insisted:
            return Refusal(self.refusal_ground, self.turn_to, insists=True)
        return None

    @property
    def insisted(self) -> bool:
        """Whether the form refuses nothing because the applicant, told the window's finding, insisted (its ground
        kept beside the box taken off)."""
        return not self.refusing and self.insists is True and self.refusal_ground is not None


# --- writing -------------------------------------------------------------------------


def _entry_json(entry: MaterialEntry) -> dict[str, Any]:
    return {
        "code": entry.code,
        "receipt": entry.receipt.value,
        "originals": entry.originals,
        "copies": entry.copies,
        "medium": entry.medium.value if entry.medium else None,
        "defect_note": entry.defect_note,
        "licence": licence_column(entry),
    }


def _value(code: RefusalGround | None) -> str | None:
    return None if code is None else code.value


def _refusal_json(draft: IntakeDraft) -> dict[str, Any]:
    refusal: dict[str, Any] = {"on": draft.refusing, "ground": _value(draft.refusal_ground), "turn_to": draft.turn_to}
    if draft.insists is not None:  # absent until the applicant answered: such a draft reads as before
        refusal["insists"] = draft.insists
    return refusal


def draft_to_json(draft: IntakeDraft) -> str:
    a, g, c = draft.applicant, draft.agent, draft.checklist
    content = {
        "format": DRAFT_FORMAT,
        "bundle_code": c.bundle_code,
        "guide_version_id": draft.guide_version_id,
        "previous_case_no": draft.previous_case_no,
        "applicant": {
            "kind": a.kind.value,
            "name": a.name,
            "id_no": a.id_no,
            "phone": a.phone,
            "address": a.address,
            "legal_rep": a.legal_rep,
        },
        "agent": {"on": draft.with_agent, "name": g.name, "id_no": g.id_no, "authorisation": g.authorisation},
        "delivery": {
            "how": draft.delivery.value,
            "address": draft.delivery_address,
            "notify_phone": draft.notify_phone,
        },
        "answers": [list(pair) for pair in c.answers],
        "entries": [_entry_json(e) for e in c.entries],
        "deferral": {
            "asked": draft.deferral_asked,
            "no_bad_credit": draft.no_bad_credit,
            "pledge_signed": draft.pledge_signed,
        },
        "refusal": _refusal_json(draft),
    }
    if draft.uid:
        content["uid"] = draft.uid
    if draft.subject:  # only where the guide asks it: a draft of another bundle reads as before
        content["subject"] = [list(pair) for pair in draft.subject]
    return json.dumps(content, ensure_ascii=True, sort_keys=True)


# --- reading -------------------------------------------------------------------------

T = TypeVar("T")


def _get(obj: Any, key: str, kind: type[T], where: str) -> T:
    value = obj.get(key) if isinstance(obj, dict) else None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise DraftUnreadable(DraftProblemCode.WRONG_SHAPE, f"{where}{key}")
    return value


def _enum(make: Callable[[str], T], value: str, where: str) -> T:
    try:
        return make(value)
    except ValueError:
        raise DraftUnreadable(DraftProblemCode.WRONG_SHAPE, where) from None


def _read_entry(raw: Any) -> MaterialEntry:
    s = "entries."
    medium = raw.get("medium") if isinstance(raw, dict) else None
    originals, copies = _get(raw, "originals", int, s), _get(raw, "copies", int, s)
    licence = raw.get("licence") if isinstance(raw, dict) else None  # absent from a draft of an earlier version
    licence = licence if isinstance(licence, str) else ""
    if originals < 0 or copies < 0:
        raise DraftUnreadable(DraftProblemCode.WRONG_SHAPE, s + "originals")
    return MaterialEntry(
        _get(raw, "code", str, s),
        _enum(Receipt, _get(raw, "receipt", str, s), s + "receipt"),
        originals,
        copies,
        None if medium is None else _enum(ReceivedMedium, _get(raw, "medium", str, s), s + "medium"),
        _get(raw, "defect_note", str, s),
        licence_of_record(licence),
        lookup_failed_of_record(licence),
    )


def _read_pairs(raw: Any, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in raw
    ):
        raise DraftUnreadable(DraftProblemCode.WRONG_SHAPE, where)
    return tuple((p[0], p[1]) for p in raw)


def _read_subject(raw: Any) -> tuple[tuple[str, str], ...]:
    """The subject fields as typed; none in a draft written before they were asked."""
    return () if raw is None else _read_pairs(raw, "subject")


def _read_uid(raw: Any) -> str:
    """The intake's id; none in a draft written when a desk kept one draft (its row's id stands for it)."""
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise DraftUnreadable(DraftProblemCode.WRONG_SHAPE, "uid")
    return raw


def _read_ground(raw: Any) -> RefusalGround | None:
    """No ground yet is ``null``; a draft from before the ground could be unchosen always has one."""
    if isinstance(raw, dict) and "ground" in raw and raw["ground"] is None:
        return None
    return _enum(RefusalGround, _get(raw, "ground", str, "refusal."), "refusal.ground")


def _read_insists(raw: Any) -> bool | None:
    """The applicant's answer; none in a draft written before it was kept, or before it was asked."""
    value = raw.get("insists") if isinstance(raw, dict) else None
    if value is not None and not isinstance(value, bool):
        raise DraftUnreadable(DraftProblemCode.WRONG_SHAPE, "refusal.insists")
    return value


def draft_from_json(text: str) -> IntakeDraft:
    """The draft written by :func:`draft_to_json`; :class:`DraftUnreadable` for anything else."""
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError):
        raise DraftUnreadable(DraftProblemCode.NOT_JSON) from None
    if not isinstance(raw, dict):
        raise DraftUnreadable(DraftProblemCode.NOT_JSON)
    if raw.get("format") != DRAFT_FORMAT:
        raise DraftUnreadable(DraftProblemCode.WRONG_FORMAT, str(raw.get("format")))
    a, g = raw.get("applicant"), raw.get("agent")
    d, f, r = raw.get("delivery"), raw.get("deferral"), raw.get("refusal")
    entries = raw.get("entries")
    if not isinstance(entries, list):
        raise DraftUnreadable(DraftProblemCode.WRONG_SHAPE, "entries")
    checklist = Checklist(
        bundle_code=_get(raw, "bundle_code", str, ""),
        guide_version=_get(raw, "guide_version_id", int, ""),
        answers=_read_pairs(raw.get("answers"), "answers"),
        entries=tuple(_read_entry(e) for e in entries),
    )
    return IntakeDraft(
        checklist=checklist,
        applicant=Applicant(
            _enum(ApplicantKind, _get(a, "kind", str, "applicant."), "applicant.kind"),
            _get(a, "name", str, "applicant."),
            _get(a, "id_no", str, "applicant."),
            _get(a, "phone", str, "applicant."),
            _get(a, "address", str, "applicant."),
            _get(a, "legal_rep", str, "applicant."),
        ),
        agent=Agent(_get(g, "name", str, "agent."), _get(g, "id_no", str, "agent."),
                    _get(g, "authorisation", str, "agent.")),
        with_agent=_get(g, "on", bool, "agent."),
        delivery=_enum(Delivery, _get(d, "how", str, "delivery."), "delivery.how"),
        delivery_address=_get(d, "address", str, "delivery."),
        notify_phone=_get(d, "notify_phone", str, "delivery."),
        deferral_asked=_get(f, "asked", bool, "deferral."),
        no_bad_credit=_get(f, "no_bad_credit", bool, "deferral."),
        pledge_signed=_get(f, "pledge_signed", bool, "deferral."),
        refusing=_get(r, "on", bool, "refusal."),
        refusal_ground=_read_ground(r),
        insists=_read_insists(r),
        turn_to=_get(r, "turn_to", str, "refusal."),
        previous_case_no=_get(raw, "previous_case_no", str, ""),
        subject=_read_subject(raw.get("subject")),
        uid=_read_uid(raw.get("uid")),
    )  # fmt: skip


def fit_checklist(draft: IntakeDraft, bundle: Bundle) -> Checklist:
    """The draft's checklist rebuilt on the guide, line by line; refuses one that does not fit.

    Rebuilding rather than trusting the stored lines means a restored checklist
    is one the domain functions could have produced: its lines are exactly the
    materials the answers call for, in the guide's order.
    """
    stored = draft.checklist
    if stored.bundle_code != bundle.code:
        raise DraftUnreadable(DraftProblemCode.NOT_THIS_GUIDE, stored.bundle_code)
    try:
        checklist = start_checklist(bundle, dict(stored.answers), guide_version=stored.guide_version)
        for e in stored.entries:
            checklist = record_entry(checklist, e)
    except (ValueError, KeyError) as err:
        raise DraftUnreadable(DraftProblemCode.NOT_THIS_GUIDE, str(err)) from None
    return checklist


@dataclass(frozen=True, slots=True)
class StoredDraft:
    """One unfinished intake of the desk as it was kept, checked: the draft itself, or why it could not be used."""

    saved_at: dt.datetime  # aware
    draft: IntakeDraft | None  # None when the stored draft could not be used (and was dropped)
    bundle_name: str = ""
    problem: DraftProblemCode | None = None
    detail: str = ""
