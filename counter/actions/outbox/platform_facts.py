"""The facts of one queued event, read when it is sent: the sources the mapping file maps (:data:`SOURCES`).

An event row keeps what its step said (the history line's note, the rectification line's words) and where to find
the rest: the case, and the rating of its round.  The case's fields are read as they are at sending, which is what
the platform is to hold: the 办件 as the hall has it now.  The items' 实施编码 are the catalog's, from the guide
version the case was taken under (the region's workbook import reads them: :mod:`counter.catalog.platform_workbook`).

A licence (电子证照) is read from the item's decision and the catalog: its type is the item's ``licence``, its number
what the department recorded with the 准予, its holder the applicant, its issuing body the item's deciding department
as the site names it.  A voided case reports no licence: the case was entered in error, so what it recorded as
issued was not (:class:`Withheld`, which the sender puts in the failed list with why); a licence sent before the
voiding is withdrawn with the same facts as it was issued with, and the voiding's day and reason.  A licence revoked
on a promise found false (行政许可法 第六十九条第二款) is the same: withheld when it had not left yet, withdrawn when it
had, with the revocation's day and what the check found.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from counter.actions.admin.office import office_settings
from counter.actions.cases.item_track import told_standing_of
from counter.case.decisions import read_item_note, split_validity
from counter.case.moments import BEIJING, office_day, stored_utc
from counter.case.site_authority import EntrustedAct
from counter.case.status import CaseEvent, CaseStatus
from counter.catalog.model import CaseKind, Item
from counter.db import models
from counter.db.case_store import answers_of, case_materials
from counter.db.catalog_store import guide_version
from counter.db.platform_store import platform_settings
from counter.db.sealed import UNREADABLE
from counter.documents.acceptance import Acceptance, only_received, paper_standing
from counter.documents.deciders import decider_name
from counter.documents.kinds import DocumentKind
from counter.intake.checklist import PRESENT, Receipt
from counter.intake.outcome import forwarded_case
from counter.intake.parties import ApplicantKind
from counter.outbox.rules import request_key
from counter.platform.events import (
    ACTION,
    END_RESULT,
    PROCEDURE_OF,
    WITHDRAWN_AT_WINDOW,
    WITHHELD_PREFIX,
    PlatformKind,
    WithheldWhy,
    licence_key,
    told_as,
)
from counter.platform.mapping import SOURCES
from counter.ratings.stored_reasons import local_labels, national_codes

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.db.platform_store import ClaimedEvent

_DECIDED = (CaseEvent.ITEM_APPROVED.value, CaseEvent.ITEM_DENIED.value, CaseEvent.ITEM_REFUSED.value)
#: ``item.decision`` of each line that closes an item: its department's 不予受理 apart from its 不予批准
_DECISION = {CaseEvent.ITEM_APPROVED.value: "granted", CaseEvent.ITEM_DENIED.value: "denied",
             CaseEvent.ITEM_REFUSED.value: "refused"}  # fmt: skip
_CLOSED = (CaseEvent.COMPLETED.value, CaseEvent.DENIED.value)


class Withheld(ValueError):
    """An event that is not to be sent at all: of a case taken under a sample guide, or a licence of a case voided,
    or revoked, since it was queued.  Its text is the reason's code, which the failed list words."""

    def __init__(self, why: WithheldWhy, detail: str = "") -> None:
        super().__init__(f"{WITHHELD_PREFIX}{why.value}" + (f" {detail}" if detail else ""))
        self.why, self.detail = why, detail


def moment(at: dt.datetime | None) -> str:
    """A stored time as the platform reads it: 北京时间, ``YYYY-MM-DD HH:MM:SS``."""
    return "" if at is None else stored_utc(at).astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S")


def day(value: dt.date | None) -> str:
    return "" if value is None else value.isoformat()


def facts_of(session: Session, event: ClaimedEvent) -> dict[str, str]:
    """Every source of :data:`SOURCES` for ``event`` ("" where the event has none)."""
    case = session.get(models.Case, event.case_id)
    assert case is not None  # an event's case is never deleted (the foreign key)
    facts = dict.fromkeys(SOURCES, "")
    found, items = _case_facts(session, case)
    facts |= found
    office_then, held = told_standing_of(session, case.case_no, case.site_code)
    received = only_received(items, office_then, held)
    # a refusal no one body could make (one item only received, or several bodies) was the window's 告知: never
    # told as a refusal, nor one whose agreement leaves the 不予受理 out (counter.documents.acceptance.standing_for)
    told = paper_standing(items, office_then, held, EntrustedAct.REFUSE) is Acceptance.RECEIVED
    kind = told_as(event.kind, told if event.kind is PlatformKind.REFUSED else received)
    # the hall accepted none: the 受理 and its promise are each department's (PlatformKind.ITEM_ACCEPTED)
    facts |= dict.fromkeys(("case.accepted_on", "case.promised_on"), "") if received else {}
    office = office_settings(session, case.site_code).office_name
    org_codes = platform_settings(session).org_codes
    facts |= {
        "event.key": request_key(event.key),
        "event.kind": kind.value,
        "event.at": moment(event.at),
        "event.site_code": case.site_code,
        "event.office": office,
        "case.accept_org_code": org_codes.get(office, ""),
        "step.action": ACTION.get(kind, ""),
        "step.by": _line_clerk(session, case, event),
    }
    detail = json.loads(event.detail or "{}")
    if kind in END_RESULT:
        facts["case.result"] = END_RESULT[kind]
    if event.kind is PlatformKind.SPECIAL_PROCEDURE:
        facts |= _procedure(session, case, event, str(detail.get("note", "")))
    if event.kind in (PlatformKind.ITEM_ACCEPTED, PlatformKind.ITEM_DECIDED):
        facts |= _item_act(session, case, event, detail)
    if event.kind is PlatformKind.LICENCE_ISSUED:
        if case.status == CaseStatus.VOIDED.value:
            raise Withheld(WithheldWhy.CASE_VOIDED)
        if event.item_code in _revoked(session, case):
            raise Withheld(WithheldWhy.LICENCE_REVOKED)
        facts |= _licence(session, case, event.item_code, event.at, facts, str(detail.get("note", "")))
        facts["licence.issuer_code"] = org_codes.get(facts["licence.issuer"], "")
    if event.kind is PlatformKind.LICENCE_VOIDED:
        facts |= _voided_licence(session, case, event, facts, str(detail.get("note", "")))
        facts["licence.issuer_code"] = org_codes.get(facts["licence.issuer"], "")
    if kind in (PlatformKind.WITHDRAWN, PlatformKind.VOIDED):  # at a window that only receives, told its finding
        facts["case.end_reason"] = str(detail.get("note", "")) if kind is event.kind else WITHDRAWN_AT_WINDOW
    if event.kind in (PlatformKind.COMPLETED, PlatformKind.DELIVERED):
        facts |= _result(session, case, event)
    if event.kind is PlatformKind.DELIVERED:
        facts |= _delivery(str(detail.get("note", "")), case.delivery)
    if event.round:
        facts |= _rating(session, case, event.round)
    if detail.get("state") is not None:  # a rectification's step
        facts |= {"rect.event": event.event, "rect.state": str(detail["state"]), "rect.by": str(detail.get("by", "")),
                  "rect.note": str(detail.get("note", "")), "rect.fix_due": str(detail.get("fix_due", ""))}  # fmt: skip
    return facts


def told_kind(facts: dict[str, str]) -> PlatformKind:
    """The kind an event is told as, as :func:`facts_of` found it (:func:`counter.platform.events.told_as`)."""
    return PlatformKind(facts["event.kind"])


def _case_facts(session: Session, case: models.Case) -> tuple[dict[str, str], tuple[Item, ...]]:
    """The case's own facts.  :class:`Withheld` for a case taken under a bundled sample guide (its codes are
    illustrative, and never leave the desk as the platform's), or one an item of which has no 实施编码; and for one
    whose applicant's or agent's number this machine cannot open (its data key damaged or missing)."""
    stored = guide_version(session, case.guide_version_id)
    items = stored.bundle.items_for(answers_of(case)) if stored is not None else ()
    if stored is not None and stored.bundle.sample:
        raise Withheld(WithheldWhy.SAMPLE_GUIDE, case.bundle_code)
    if any(not i.code.strip() for i in items):
        raise Withheld(WithheldWhy.NO_CODES, case.bundle_code)
    if UNREADABLE in (case.applicant_id_no, case.applicant_phone, case.agent_id_no):  # never reported as the number
        raise Withheld(WithheldWhy.DATA_KEY)
    company = case.applicant_kind == ApplicantKind.COMPANY.value
    promised = any(i.case_kind is CaseKind.PROMISED for i in items) or (
        case.promised_on is not None and case.promised_on != case.accepted_on
    )
    return {
        "case.receipt_no": _receipt_no(session, case),
        "case.guide_version": str(stored.version) if stored is not None else "",
        "case.basic_codes": ",".join(i.basic_code for i in items),
        "case.item_kind": "promised" if promised else "immediate",
        "case.materials": _materials(session, case),
        "case.case_no": case.case_no,
        "case.bundle_code": case.bundle_code,
        "case.bundle_name": stored.bundle.name if stored is not None else "",
        "case.item_codes": ",".join(i.code for i in items),
        "case.item_names": "、".join(i.name for i in items),
        "case.applicant_kind": case.applicant_kind,
        "case.applicant_name": case.applicant_name,
        "case.applicant_id_type": "credit_code" if company else "id_card",
        "case.applicant_id_no": case.applicant_id_no,
        "case.applicant_phone": case.applicant_phone,
        "case.agent_name": case.agent_name,
        "case.agent_id_no": case.agent_id_no,
        "case.received_at": moment(_first_line(session, case)),
        "case.accepted_on": day(case.accepted_on),
        "case.promised_on": day(case.promised_on),
        "case.correction_due": day(case.correction_due),
        # a case forwarded on insistence keeps the window's finding: no refusal's ground (outcome.forwarded_case)
        "case.refusal_ground": "" if forwarded_case(case.refusal_ground, case.outcome) else case.refusal_ground,
        "case.delivery": case.delivery,
        "case.clerk": case.clerk,
        "case.desk_no": case.desk_no,
        "case.agent_id_type": "id_card" if case.agent_id_no else "",  # an agent is a person (GA/T 2000.156: 111)
    }, tuple(items)


def _receipt_no(session: Session, case: models.Case) -> str:
    """受理文书编号: the number of the first 受理凭证 (or 容缺受理通知书) made for the case; "" before it is made."""
    d = models.DocumentRecord
    kinds = (DocumentKind.RECEIPT.value, DocumentKind.DEFERRAL.value)
    query = select(d.doc_no).where(d.case_id == case.id, d.kind.in_(kinds)).order_by(d.id).limit(1)
    return session.scalar(query) or ""


def _materials(session: Session, case: models.Case) -> str:
    """The checklist as 表 5's 材料 elements: each material's name, whether it was taken (是否收取 1/0), how (收取方式:
    纸质, 电子, 共享, 容缺后补; coded by the mapping file's ``material_way``) and how many (收取数量: originals and
    copies), as one JSON list."""
    found = []
    for line in case_materials(session, case.id):
        taken = line.receipt in {r.value for r in PRESENT}
        if line.receipt == Receipt.SHARED_CONFIRMED.value:
            way = "shared"
        elif line.due_on is not None and line.arrived_on is None:
            way = "deferred"
        elif taken:
            way = "electronic" if line.medium == "electronic" else "paper"
        else:
            way = "missing"
        found.append({"name": line.name, "received": "1" if taken else "0", "way": way,
                      "count": str(line.originals + line.copies)})  # fmt: skip
    return json.dumps(found, ensure_ascii=False) if found else ""


def _item_act(session: Session, case: models.Case, event: ClaimedEvent, detail: dict[str, Any]) -> dict[str, str]:
    """An item's act: a department's 受理 of an item the hall only received, its own (its name, its day, the promise
    that runs from it, its paper's number, who signed for it), or an item's decision or its department's 不予受理,
    each as that department's with its day."""
    if event.kind is PlatformKind.ITEM_ACCEPTED:
        return {"item.code": event.item_code, "item.name": _item_name(session, case, event.item_code),
                "item.department": str(detail.get("department", "")),
                "item.accepted_on": str(detail.get("accepted_on", "")),
                "item.promised_on": str(detail.get("promised_on", "")),
                "item.accept_doc_no": str(detail.get("doc_no", "")), "step.by": str(detail.get("by", ""))}  # fmt: skip
    code, text = read_item_note(str(detail.get("note", "")))
    granted = event.event == CaseEvent.ITEM_APPROVED.value
    text = split_validity(text.strip())[0] if granted else text  # the validity goes with the licence
    return {"item.code": code, "item.name": _item_name(session, case, code),
            "item.decision": _DECISION[event.event], "item.note": text.strip(),
            "item.department": _item_department(session, case, code),
            "item.decided_on": office_day(event.at).isoformat()}  # fmt: skip


def _line_clerk(session: Session, case: models.Case, event: ClaimedEvent) -> str:
    """环节处理人: who wrote the history line the event tells of (the case's clerk for events not of a line)."""
    h = models.CaseHistory
    clerk = session.scalar(select(h.clerk).where(h.case_id == case.id, h.event == event.event, h.at == event.at))
    return clerk or case.clerk


def _procedure(session: Session, case: models.Case, event: ClaimedEvent, note: str) -> dict[str, str]:
    """A 特别程序's step (GB/T 39046 表 7 第 11-21 项): which (``procedure.step`` for its A.7 kind,
    ``procedure.name`` for its name: a pause by its reason, 第四十五条's 听证, 检验检测检疫, 鉴定, 专家评审, or the
    department's 补正), why, when it started and ended, and its result."""
    step = PROCEDURE_OF.get(event.event, "")
    code, text = read_item_note(note)
    carried = _object(text)
    at = moment(event.at)
    found = {"procedure.step": step, "procedure.name": step, "procedure.started_at": at}
    if step == "deferral_extension":  # the note: the new deadline, then the reason
        return found | {"procedure.reason": text.strip(), "procedure.ended_at": at, "procedure.result": code}
    if step == "extension":
        return found | {"procedure.reason": str(carried.get("reason", "")), "procedure.ended_at": at,
                        "procedure.result": str(carried.get("days", ""))}  # fmt: skip
    if step == "pause":
        return found | {"procedure.name": f"pause_{carried.get('pause', '')}",
                        "procedure.reason": str(carried.get("detail", ""))}  # fmt: skip
    h = models.CaseHistory  # a resumption ends the item's last pause before it
    paused = session.execute(
        select(h.at, h.note)
        .where(h.case_id == case.id, h.event == CaseEvent.ITEM_PAUSED.value, h.at <= event.at,
               h.note.startswith(code, autoescape=True))
        .order_by(h.at.desc())
        .limit(1)
    ).first()  # fmt: skip
    began = _object(read_item_note(paused[1])[1]) if paused is not None else {}
    return found | {"procedure.name": f"pause_{began.get('pause', '')}",
                    "procedure.reason": str(began.get("detail", "")),
                    "procedure.started_at": moment(paused[0]) if paused is not None else "",
                    "procedure.ended_at": at}  # fmt: skip


def _object(text: str) -> dict[str, object]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _first_line(session: Session, case: models.Case) -> dt.datetime | None:
    h = models.CaseHistory
    return session.scalar(select(h.at).where(h.case_id == case.id).order_by(h.at).limit(1))


def _item_department(session: Session, case: models.Case, code: str) -> str:
    """The item's deciding department as the case's site names it (as its papers head themselves)."""
    stored = guide_version(session, case.guide_version_id)
    item = stored.bundle.item(code) if stored is not None else None
    return decider_name(item, office_settings(session, case.site_code)) if item is not None else ""


def _item_name(session: Session, case: models.Case, code: str) -> str:
    stored = guide_version(session, case.guide_version_id)
    item = stored.bundle.item(code) if stored is not None else None
    return item.name if item is not None else ""


def _licence(
    session: Session, case: models.Case, item_code: str, issued_at: dt.datetime, facts: dict[str, str], note: str
) -> dict[str, str]:
    """The licence an item granted issues (:class:`Withheld` for an item that no longer names one)."""
    stored = guide_version(session, case.guide_version_id)
    item = stored.bundle.item(item_code) if stored is not None else None
    if item is None or not item.licence:
        raise Withheld(WithheldWhy.NO_LICENCE, item_code)
    number, validity = split_validity(read_item_note(note)[1].strip())
    return {
        "item.code": item.code,
        "item.name": item.name,
        "licence.type": item.licence,
        "licence.number": number,
        "licence.valid_until": validity.reported() if validity is not None else "",
        "licence.holder": facts["case.applicant_name"],
        "licence.holder_id_type": facts["case.applicant_id_type"],
        "licence.holder_id": facts["case.applicant_id_no"],
        "licence.issuer": decider_name(item, office_settings(session, case.site_code)),
        "licence.issued_on": office_day(issued_at).isoformat(),  # the paper's day, not a time's date in another zone
    }


def _revoked(session: Session, case: models.Case) -> set[str]:
    """The items of the case whose licence was revoked after its grant (行政许可法 第六十九条第二款)."""
    h = models.CaseHistory
    notes = session.scalars(select(h.note).where(h.case_id == case.id, h.event == CaseEvent.ITEM_REVOKED.value))
    return {read_item_note(note)[0] for note in notes}


def _voided_licence(
    session: Session, case: models.Case, event: ClaimedEvent, facts: dict[str, str], reason: str
) -> dict[str, str]:
    """The licence withdrawn, as its own event told it (read again: the case's fields are as they are now), with
    the voiding's day and reason."""
    e = models.PlatformEvent
    issued_at, detail = session.execute(
        select(e.at, e.detail).where(e.key == licence_key(case.uid, event.item_code))
    ).one()
    note = str(json.loads(detail or "{}").get("note", ""))
    return _licence(session, case, event.item_code, issued_at, facts, note) | {
        "licence.voided_on": office_day(event.at).isoformat(),
        "licence.void_reason": reason,
    }


def _result(session: Session, case: models.Case, event: ClaimedEvent) -> dict[str, str]:
    """办理结果 and 办结时间: from the items' decisions and the line that closed the case (for a 送达, the last
    closing line before it; a part handed over before the case closed has neither yet)."""
    h = models.CaseHistory
    closed = session.execute(
        select(h.event, h.at).where(h.case_id == case.id, h.event.in_(_CLOSED), h.at <= event.at).order_by(h.at.desc())
    ).first()
    if closed is None:
        return {}
    decided = list(session.scalars(select(h.event).where(h.case_id == case.id, h.event.in_(_DECIDED))))
    granted = decided.count(CaseEvent.ITEM_APPROVED.value)
    if decided and decided.count(CaseEvent.ITEM_REFUSED.value) == len(decided):
        result = "refused"  # every item refused by its department before any 受理: 不予受理, not 不予许可
    elif closed[0] == CaseEvent.DENIED.value or not granted:
        result = "denied"
    else:
        result = "granted" if granted == len(decided) else "partly_granted"
    return {"case.result": result, "case.completed_at": moment(closed[1])}


def _delivery(note: str, chosen: str) -> dict[str, str]:
    """How the results left, as the hand-over recorded it (a JSON record), else as the applicant chose at intake."""
    way, tracking = chosen, ""
    if note.startswith("{"):
        try:
            record = json.loads(note)
        except ValueError:
            record = {}
        if isinstance(record, dict):
            way = str(record.get("way") or chosen)
            tracking = str(record.get("tracking_no") or "").strip()
    return {"delivery.way": way, "delivery.tracking_no": tracking}


def _rating(session: Session, case: models.Case, round_: int) -> dict[str, str]:
    r, rq, x = models.Rating, models.RatingRequest, models.Rectification
    found = session.execute(
        select(r, x.opened_on, x.due_on)
        .join(rq, rq.id == r.request_id)
        .outerjoin(x, x.rating_id == r.id)
        .where(rq.case_id == case.id, rq.round == round_)
    ).first()
    if found is None:
        return {"rating.round": str(round_)}
    rating, opened_on, due_on = found
    return {
        "rating.round": str(round_),
        "rating.level": rating.level,
        "rating.channel": rating.channel,
        "rating.reasons": "；".join(local_labels(rating.reasons)),
        "rating.reason_codes": ",".join(national_codes(rating.reasons)[0]),
        "rating.reason_list": national_codes(rating.reasons)[1],
        "rating.comment": rating.comment,
        "rating.rated_at": moment(rating.rated_at),
        "rating.clerk": rating.clerk,
        "rating.staff_no": rating.staff_no,
        "rating.department": rating.department,
        "rating.region": rating.region,
        "item.code": rating.item_code,
        "item.name": rating.item_name,
        "rect.opened_on": day(opened_on),
        "rect.due_on": day(due_on),
    }
