"""Document actions: make a notice (or reprint it), print it, keep the office settings.

The first time a notice is made for a case it gets its number and the office
settings in force are copied into its record.  Every later call — a reprint the
same afternoon or months later, after the settings changed — renders from the
stored case, the guide version it was taken under and that copy, so the paper
is the same, byte for byte.  Every print is recorded, also one that failed: a
printer that is off never loses the case, and the reprint is one call away.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.guard import require
from counter.actions.admin.office import office_settings, office_still_the_halls, office_to_store
from counter.actions.admin.paper_seals import kept_ofd
from counter.actions.cases import read_notes
from counter.actions.cases.item_authority import site_authority
from counter.actions.cases.item_track import accepted_of, received_only, standings
from counter.actions.catalog.guides import bundle_code_named
from counter.actions.numbers.number_guard import check_series, note_document_issued
from counter.audit.actions import AuditAction
from counter.case.date_changes import date_change_no
from counter.case.item_clock import signed_on
from counter.case.not_found import CaseNotFound
from counter.case.numbers import DocKind, decision_no, decision_sequence_kind, decision_series_day, doc_no
from counter.case.view import CaseView
from counter.catalog.model import Bundle, Item
from counter.db import models
from counter.db.case_store import case_by_no, case_view, next_sequence, personal_to_hand_out
from counter.db.catalog_store import current_guide, guide_version
from counter.db.document_store import add_document, add_print, came_out, find_document, made_here
from counter.db.outbox_store import gateway_configured
from counter.db.rating_page import paper_rating_page
from counter.db.settings_store import get_setting, is_township, is_training, office_key, put_setting
from counter.documents.acceptance import (
    HELD,
    NOTHING_HELD,
    HeldItems,
    held_from,
    held_of_record,
    held_record,
    kept_snapshot,
    with_case,
)
from counter.documents.deciders import decider_name
from counter.documents.issuers import PER_BODY, part_heading, part_key, part_keys
from counter.documents.item_acceptance import ItemDates, dates_of_record, dates_record
from counter.documents.kinds import DocumentKind, DocumentProblem, record_kind
from counter.documents.made import GuideNotFound, MadeDocument, PrintNotMade
from counter.documents.model import DocumentData, DocumentNotPossible, OfficeSettings, document_for, guide_notice_for
from counter.documents.persons_printed import persons_printed
from counter.documents.rating_qr import SNAPSHOT_KEY as RATING_QR
from counter.documents.rating_qr import RatingNotKept, rating_of_record, rating_record, with_rating_qr
from counter.documents.words import DOC_TITLE

log = logging.getLogger(__name__)

__all__ = [
    "NO_SMS",
    "OWN_PLACE",
    "SEQUENCE_KIND",
    "make_document",
    "make_documents",
    "make_guide_notice",
    "marked_for_training",
    "notice_number",
    "office_settings",  # kept in counter.actions.admin.office; read here where every paper is made
    "prints_own_place",
    "record_print",
    "rendered",
    "save_office_settings",
]

SEQUENCE_KIND = "doc"  # one sequence of notice numbers per desk and day, whatever the kind


def save_office_settings(
    session: Session, site_code: str, settings: OfficeSettings, *, desk: Desk | None = None
) -> None:
    """New settings apply to notices made from now on; notices already made keep theirs.

    ``desk`` is who changes them (this machine's desk when not given); the change
    is recorded with the fields that changed, old and new.
    """
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    before = dataclasses.asdict(office_settings(session, site_code))
    after = dataclasses.asdict(settings)
    stored = office_to_store(session, site_code, settings)  # a name that is the site's own is left to the site
    put_setting(session, office_key(site_code), json.dumps(stored, ensure_ascii=False))
    changed = {k: {"from": before.get(k), "to": v} for k, v in after.items() if before.get(k) != v}
    record_at_desk(session, by, AuditAction.SETTING_CHANGED, office_key(site_code), changed)


#: in a notice's snapshot beside the office settings when its receipt promised no SMS: absent (older notices, and
#: every one made where a gateway was set) is a promise, so a reprint says what the first print said
NO_SMS = "sms_promised"
#: in a notice's snapshot when it printed the office's own place, hours and phones instead of the guide's (a
#: township centre's): absent (the hall's, and every notice made before townships printed their own) is the guide's
OWN_PLACE = "own_place"
#: in a notice's snapshot: the 好差评 page's address for the case and the 补充评价 period it printed (its rating QR
#: code); absent (older notices, a mapping file without a page) is none, so a reprint carries what the first did
#: in a department's 受理通知书's snapshot: the promised and legal dates it told (counter.documents.item_acceptance)
ITEM_DATES = "item_dates"
#: in the snapshot of a receipt or a 容缺 notice made once per issuing body (counter.documents.issuers): absent (every
#: one made before), the paper is the whole bundle's, and its reprint is too
PER_BODY_MARK = "per_body"
#: the papers made once per hand-over or change of a date, numbered by it
NUMBERED_PAPERS = frozenset({DocumentKind.SERVICE_RECEIPT, DocumentKind.DATE_NOTICE})
#: the papers of one item, in its department's name and numbered in its series
ITEM_PAPERS = frozenset(
    {DocumentKind.DENIAL, DocumentKind.ACCEPTANCE, DocumentKind.SUPPLEMENT, DocumentKind.ITEM_REFUSAL}
)


def _snapshot(
    settings: OfficeSettings,
    sms: bool = True,
    own_place: bool = False,
    held: HeldItems = NOTHING_HELD,
    rating: tuple[str, int] | None = None,
    dates: ItemDates | None = None,
    per_body: bool = False,
) -> str:
    marks: dict[str, object] = {PER_BODY_MARK: True} if per_body else {}
    if dates is not None:
        marks[ITEM_DATES] = dates_record(dates)
    marks |= ({} if sms else {NO_SMS: False}) | ({OWN_PLACE: True} if own_place else {})
    if rating is not None:
        marks[RATING_QR] = rating_record(*rating)
    if held != NOTHING_HELD:
        marks[HELD] = held_record(held)
    return json.dumps(dataclasses.asdict(settings) | marks, ensure_ascii=False, sort_keys=True)


def _dates_now(session: Session, view: CaseView, bundle: Bundle, item: Item | None) -> ItemDates | None:
    """The item's promised and legal dates as they run from its department's 受理 now (the holiday data as they
    stand), for a new 受理通知书; None where no such item is in the case (the paper then cannot be made)."""
    if item is None:
        return None
    standing = next((s for s in standings(session, view, bundle, view.received_on) if s.code == item.code), None)
    if standing is None:
        return None
    promised, legal = standing.promised_due, standing.legal_due
    provisional = any(d is not None and d.beyond_data for d in (promised, legal))
    received = item.code in received_only(session, view, bundle)  # as the case was taken, its receipt told
    accepted = accepted_of(office_calendar(session), view, item, standing.steps) if received else None
    deemed = accepted if accepted is not None and accepted != signed_on(standing.steps) else None
    dates = promised.date if promised else None, legal.date if legal else None
    return ItemDates(*dates, provisional, received, deemed)


def _held_now(session: Session, site_code: str, view: CaseView | None = None) -> HeldItems:
    """What the site's authority setting holds now (:mod:`counter.actions.cases.item_authority`), for a new paper;
    of ``view``'s case, as that case stands by it (forwarded on the applicant's insistence: :func:`with_case`)."""
    now = site_authority(session, site_code)
    held = held_from(now)
    return held if view is None else with_case(held, view.refusal_ground, view.outcome)


def _from_snapshot(stored: dict[str, Any]) -> OfficeSettings:
    """The settings a notice was first made under; a key this program does not know (a newer one's) left aside."""
    known = {field.name for field in dataclasses.fields(OfficeSettings)}
    return OfficeSettings(**{key: value for key, value in stored.items() if key in known})


def made_under(snapshot: str) -> tuple[OfficeSettings, HeldItems]:
    """The office settings and what the site held when a notice was first made, from its kept snapshot: what its
    reprint is made under, so its title too (the case page names it so: counter.actions.cases.case_view)."""
    kept = kept_snapshot(snapshot) or {}  # none readable: the defaults (the callers ask readable() first)
    return _from_snapshot(kept), held_of_record(kept.get(HELD))


def _rating_of_record(kept: object, case_no: str, doc_no: str) -> tuple[str, int] | None:
    """The 好差评 page's address and period a paper printed, as kept for its reprint; None where it printed none, or
    where what is kept is not what this program writes (a township's package may carry anything): the reprint then
    carries no rating QR, and the log says why."""
    if kept is None:
        return None
    try:
        return rating_of_record(kept)
    except RatingNotKept as err:
        log.warning(
            "case %s: paper %s reprinted without its rating QR, the one kept unusable: %s", case_no, doc_no, err
        )
        return None


def _rating_now(session: Session, case_no: str) -> tuple[str, int] | None:
    """The 好差评 page's address for the case and the 补充评价 period, for a new paper; None: the site names no
    confirmed page, or does not report (:func:`counter.db.rating_page.paper_rating_page`)."""
    page = paper_rating_page(session)
    return (page.address_for(case_no), page.period_days) if page is not None else None


def prints_own_place(session: Session) -> bool:
    """Whether this site's new papers print its office's place, hours and phones rather than the guide's: a
    township centre's do, as the catalog's guides name the hall (:func:`counter.documents.words.at_own_place`)."""
    return is_township(session)


def _as_received(session: Session, desk: Desk, case_id: int, kind: DocumentKind, view: CaseView) -> CaseView:
    """The case as a department's paper of one item tells it: applied for at a township, sent here, it names the
    township as the window the applicant went to (:attr:`CaseView.received_by`)."""
    if kind not in ITEM_PAPERS or view.site_code == desk.identity.site_code:
        return view
    return dataclasses.replace(view, received_by=_received_by(session, case_id, view.site_code))


def _received_by(session: Session, case_id: int, site_code: str) -> str:
    """The office a case taken at another site (a township's) was received by, as the first paper made there named
    it (a township's package carries its records, each with the settings it was made under; a paper made here, in
    this office's name, says nothing of it); else that site's settings as stored here, if any; else the name it
    registered with here (its site card: a township's office is named as its site unless renamed), for a case that
    came before any of its papers was printed; "" where none says (the paper then names the office making it)."""
    records = models.DocumentRecord
    first = session.scalars(
        select(records.office)
        .where(records.case_id == case_id, records.site_code == site_code)
        .order_by(records.id)
        .limit(1)
    ).first()
    kept = kept_snapshot(first) if first else None
    named = str(kept.get("office_name", "")) if kept is not None else ""
    if not named and get_setting(session, office_key(site_code)):
        named = office_settings(session, site_code).office_name
    if not named and (peer := session.get(models.SitePeer, site_code)) is not None:
        named = peer.name
    return named.strip()


def _own_place_set(session: Session, site_code: str) -> bool:
    """:func:`prints_own_place`, refused (:class:`DocumentNotPossible`) at a township whose 单位信息 still says the
    league hall's: its paper would wear the hall's seal, phones and 复议 body (its own act under another's name)."""
    own_place = prints_own_place(session)
    if own_place and office_still_the_halls(session, site_code):
        raise DocumentNotPossible((DocumentProblem.OFFICE_STILL_THE_HALLS,))
    return own_place


def _sms_promised(session: Session, case: models.Case) -> bool:
    """Whether a new receipt promises the progress by SMS: where the hall has a gateway and the case a phone."""
    return bool(case.notify_phone.strip()) and gateway_configured(session)


def notice_number(session: Session, desk: Desk, today: dt.date, kind: DocKind) -> str:
    """The next notice number of the desk's day, in the one series every notice shares; never one a damaged database
    forgot it issued (NumbersBehind)."""
    check_series(session, desk, today, SEQUENCE_KIND)
    sequence = next_sequence(session, desk.identity.site_code, desk.identity.desk_no, today, SEQUENCE_KIND)
    number = doc_no(desk.identity, today, kind, sequence)
    note_document_issued(session, desk, today, SEQUENCE_KIND, sequence, number)
    return number


def _decision_number(session: Session, desk: Desk, today: dt.date, department: str) -> str:
    """The next number of the department's own 不予批准 series at this desk (yearly; see counter.case.numbers)."""
    site, desk_no = desk.identity.site_code, desk.identity.desk_no
    day, kind = decision_series_day(today), decision_sequence_kind(department)
    check_series(session, desk, day, kind)
    sequence = next_sequence(session, site, desk_no, day, kind)
    number = decision_no(desk.identity, today, department, sequence)
    note_document_issued(session, desk, day, kind, sequence, number)
    return number


def make_document(
    session: Session,
    desk: Desk,
    case_no: str,
    kind: DocumentKind,
    today: dt.date,
    item_code: str = "",
    *,
    hand_over_no: int = 0,
    ofd: bool = False,
) -> MadeDocument:
    """The notice ``kind`` of a case, new or as first made.  The caller commits.

    A denial is one item's (``item_code``): in its department's name and numbered in that department's series
    (:func:`counter.case.numbers.decision_no`); so is a department's 受理通知书, which its own desk makes too
    (:func:`counter.actions.cases.item_papers.make_item_paper`).  A 送达回证 is one hand-over's (``hand_over_no``, 1
    for the case's first: :func:`counter.actions.cases.hand_over.hand_over_results` makes it).  A receipt or a 容缺
    notice whose items several bodies accept is one body's paper, ``item_code``'s body's (the guide's first item's
    when not given): :func:`make_documents` makes them all.

    Raises :class:`CaseNotFound`, :class:`counter.documents.model.DocumentNotPossible`
    (every reason at once) when the kind does not fit the case, and
    :class:`counter.host.keys.data_key.DataKeyDamaged` where the case's personal values cannot be opened here
    (:func:`counter.db.case_store.personal_to_hand_out`): nothing is numbered or made.
    """
    require(session, desk.actor, Permission.PRINT)
    return made_document(session, desk, case_no, kind, today, item_code, hand_over_no=hand_over_no, ofd=ofd)


def made_document(
    session: Session,
    desk: Desk,
    case_no: str,
    kind: DocumentKind,
    today: dt.date,
    item_code: str = "",
    *,
    hand_over_no: int = 0,
    ofd: bool = False,
) -> MadeDocument:
    """:func:`make_document` once the caller checked who may make it: the window's right to print, or the deciding
    department's standing for its own paper of an item; ``ofd``: the same paper as an OFD package too."""
    case = case_by_no(session, case_no)
    view = case_view(session, case_no)
    if case is None or view is None:
        raise CaseNotFound(case_no)
    personal_to_hand_out(session, case.case_no)  # never （已加密） on paper: DataKeyDamaged, nothing numbered or made
    stored = guide_version(session, view.guide_version_id)
    assert stored is not None  # a case always keeps its guide version (foreign key)
    bundle = stored.bundle.for_case(dict(view.answers))  # the papers name only the items applied for
    item_code, split = _part(session, desk, case.id, kind, view, bundle, item_code)
    view = _as_received(session, desk, case.id, kind, view)
    item = bundle.item(item_code) if kind in ITEM_PAPERS or split else None
    item_no = stored.bundle.items.index(item) + 1 if item is not None else 0  # its place in the whole guide
    if kind is DocumentKind.DATE_NOTICE:  # one paper per change of a date (counter.case.date_changes): the latest
        hand_over_no = date_change_no(view.history, hand_over_no)
    stored_kind = record_kind(kind, hand_over_no if kind in NUMBERED_PAPERS else item_no)
    existing = find_document(session, case.id, stored_kind)
    # its department's 受理通知书 tells the item's dates, and a 不予批准 the 受理 they run from (a deemed one too)
    dated = kind in (DocumentKind.ACCEPTANCE, DocumentKind.DENIAL)
    if existing is not None and readable(existing.office, view.case_no):  # a reprint: what the paper told then
        kept = kept_snapshot(existing.office) or {}
        office, number, issued_on = _from_snapshot(kept), existing.doc_no, existing.issued_on
        own_place, sms, held = kept.get(OWN_PLACE) is True, NO_SMS not in kept, held_of_record(kept.get(HELD))
        rating = _rating_of_record(kept.get(RATING_QR), view.case_no, existing.doc_no)
        dates = dates_of_record(kept.get(ITEM_DATES)) if dated else None
    else:
        own_place = _own_place_set(session, desk.identity.site_code)
        office, issued_on = office_settings(session, desk.identity.site_code), today
        if existing is not None:  # its record keeps no settings to tell again: the site's now, its number kept
            number, issued_on = existing.doc_no, existing.issued_on
        elif item is not None and kind in ITEM_PAPERS:
            number = _decision_number(session, desk, today, decider_name(item, office))
        else:
            number = notice_number(session, desk, today, _letter(kind))
        sms, held = _sms_promised(session, case), _held_now(session, desk.identity.site_code, view)
        rating = _rating_now(session, view.case_no)
        dates = _dates_now(session, view, bundle, item) if dated else None
    data = document_for(
        view, kind, office, number, bundle, issued_on, item_code if item else "", hand_over_no,
        sms_promised=sms, own_place=own_place, held=held, item_dates=dates, per_body=split,
    )  # fmt: skip
    if rating is not None:
        data = with_rating_qr(data, *rating)
    data = _handed_out(session, desk, kind, view, data)
    pdf, digest = rendered(data)
    if existing is None:
        document_id = _record(
            session, desk, number, case.id, stored_kind, issued_on, office, digest,
            sms=sms, own_place=own_place, held=held, rating=rating if data.rating_qr else None, dates=dates,
            per_body=split,
        )  # fmt: skip
    else:
        document_id = existing.id
        if existing.content_hash != digest:
            # other bytes: the renderer changed with a program update, or a posted 送达回证's signed return was
            # recorded since (its day of service, blank on the first print)
            log.warning("reprint of %s %s differs from the first print", kind.value, number)
    _audit_made(session, desk, number, kind, view.case_no, digest, existing is not None)
    heading = _heading(data, split and len(part_keys(kind, view, bundle, office, held)) > 1)
    printed = existing is not None and came_out(session, existing.id)  # 重打 on its preview only then
    return MadeDocument(
        document_id, number, kind, view.case_no, pdf, digest, existing is not None, data.check_dates, heading, printed,
        *kept_ofd(session, document_id, digest, data, wanted=ofd),  # sealed once with its body's seal, where here
    )  # fmt: skip


def _handed_out(session: Session, desk: Desk, kind: DocumentKind, view: CaseView, data: DocumentData) -> DocumentData:
    """The paper as it is handed out: marked in a training database; and a paper that prints a person's number or
    phone whole is a read of that person, noted as the case page's is (:mod:`counter.actions.cases.reach`) under the
    operation that made it: the service records it with the answer."""
    operation = read_notes.operation_asked(session, f"documents.{kind.value}")
    read_notes.note_read(session, desk, operation, view.case_no, persons_printed(data, view))
    return marked_for_training(session, data)


def _heading(data: DocumentData, parts: bool) -> str:
    """The name the preview gives a paper where it is not its kind's: the hall's 收件 paper's headline (收件凭证,
    申请事项告知书), and the issuing body of a part where the case's paper is made once per body (``parts``)."""
    if parts:
        return part_heading(data.title, data.office_name)
    return data.title if data.title != DOC_TITLE[data.kind] else ""


def _part(
    session: Session, desk: Desk, case_id: int, kind: DocumentKind, view: CaseView, bundle: Bundle, item_code: str
) -> tuple[str, bool]:
    """The ``item_code`` a paper is made under, and whether it is one issuing body's part of a paper split by body
    (:mod:`counter.documents.issuers`): the key of ``item_code``'s body's part under the standing first kept."""
    if kind not in PER_BODY:
        return item_code, False
    under, held, split = _standing(session, desk, case_id, kind, view)
    return (part_key(kind, view, bundle, under, held, item_code), True) if split else ("", False)


def readable(snapshot: str, case_no: str = "") -> bool:
    """Whether a paper's record keeps settings this program can tell again; one that does not (a record a
    township's package carried as it came) stands as the site's settings stand now, logged where ``case_no`` is
    given (a case's page or paper, not each row of a list)."""
    if kept_snapshot(snapshot) is not None:
        return True
    if snapshot and case_no:
        log.warning("case %s: a paper's kept settings unreadable; the site's own used", case_no)
    return False


def split_by_body(snapshot: str) -> bool:
    """Whether a receipt or 容缺 notice was made once per issuing body (its kept snapshot says so); one made before
    is the whole bundle's."""
    return PER_BODY_MARK in (kept_snapshot(snapshot) or {})


def _standing(
    session: Session, desk: Desk, case_id: int, kind: DocumentKind, view: CaseView
) -> tuple[OfficeSettings, HeldItems, bool]:
    """The settings and the standing a paper made per issuing body is split under: those its first part was made
    under (every part is made with it: :func:`make_documents`), or the site's now for a new one; and whether it is
    split at all (a paper made before it was, the whole bundle's, is reprinted whole)."""
    first = find_document(session, case_id, kind.value)
    if first is not None and readable(first.office):
        return (*made_under(first.office), split_by_body(first.office))
    return office_settings(session, desk.identity.site_code), _held_now(session, desk.identity.site_code, view), True


def make_documents(
    session: Session,
    desk: Desk,
    case_no: str,
    kind: DocumentKind,
    today: dt.date,
    item_code: str = "",
    *,
    ofd: bool = False,
) -> tuple[MadeDocument, ...]:
    """The papers of ``kind``: one per issuing body for a receipt or a 容缺 notice whose items several bodies accept
    (:mod:`counter.documents.issuers`), else the one :func:`make_document` makes.  The caller commits."""
    require(session, desk.actor, Permission.PRINT)
    if kind not in PER_BODY or item_code:
        return (make_document(session, desk, case_no, kind, today, item_code, ofd=ofd),)
    case = case_by_no(session, case_no)
    view = case_view(session, case_no)
    if case is None or view is None:
        raise CaseNotFound(case_no)
    stored = guide_version(session, view.guide_version_id)
    assert stored is not None  # a case always keeps its guide version (foreign key)
    bundle = stored.bundle.for_case(dict(view.answers))
    office, held, split = _standing(session, desk, case.id, kind, view)
    keys = part_keys(kind, view, bundle, office, held) if split else ("",)
    return tuple(made_document(session, desk, case_no, kind, today, key, ofd=ofd) for key in keys)


def _record(
    session: Session,
    desk: Desk,
    number: str,
    case_id: int | None,
    kind: str,
    issued_on: dt.date,
    office: OfficeSettings,
    digest: str,
    *,
    sms: bool = True,
    own_place: bool = False,
    held: HeldItems = NOTHING_HELD,
    rating: tuple[str, int] | None = None,
    dates: ItemDates | None = None,
    per_body: bool = False,
) -> int:
    """Keep a newly made notice: its number, and the settings a reprint will use (and whether it promised an SMS,
    and whether it printed the office's own place)."""
    return add_document(
        session,
        models.DocumentRecord(
            doc_no=number,
            case_id=case_id,
            kind=kind,
            issued_on=issued_on,
            site_code=desk.identity.site_code,
            desk_no=desk.identity.desk_no,
            clerk=desk.clerk,
            office=_snapshot(office, sms, own_place, held, rating, dates, per_body),
            content_hash=digest,
        ),
    )


def _letter(kind: DocumentKind) -> DocKind:
    letter = kind.number_kind
    assert letter is not None  # every kind has its letter
    return letter


def make_guide_notice(
    session: Session, desk: Desk, bundle_code: str, today: dt.date, *, find: bool = False
) -> MadeDocument:
    """The 一次性告知单 of a bundle's current guide, for an applicant who only asks; ``find``: the bundle named as
    ``catalog show`` takes it (:func:`bundle_code_named`)."""
    require(session, desk.actor, Permission.PRINT)
    if find:
        bundle_code = bundle_code_named(session, bundle_code)
    stored = current_guide(session, bundle_code)
    if stored is None or not stored.bundle.published:
        raise GuideNotFound(bundle_code)
    office, own_place = office_settings(session, desk.identity.site_code), prints_own_place(session)
    held = _held_now(session, desk.identity.site_code)
    number = notice_number(session, desk, today, DocKind.GUIDE)
    data = guide_notice_for(
        stored.bundle, office, today, desk.clerk, doc_no=number, guide_version=stored.version, own_place=own_place,
        held=held,
    )  # fmt: skip
    data = marked_for_training(session, data)
    pdf, digest = rendered(data)
    kind = DocumentKind.GUIDE_NOTICE.value
    document_id = _record(session, desk, number, None, kind, today, office, digest, own_place=own_place, held=held)
    _audit_made(session, desk, number, DocumentKind.GUIDE_NOTICE, bundle_code, digest, reprint=False)
    return MadeDocument(document_id, number, DocumentKind.GUIDE_NOTICE, "", pdf, digest, False, data.check_dates)


def marked_for_training(session: Session, data: DocumentData) -> DocumentData:
    """Paper made in the training database says so on every page; a reprint there too, so it keeps its bytes."""
    return dataclasses.replace(data, training=True) if is_training(session) else data


def rendered(data: DocumentData) -> tuple[bytes, str]:
    """The paper's PDF, and its SHA-256: what is recorded of it, and what a reprint's bytes are compared with."""
    from counter.documents.render import render_pdf  # reportlab: loaded at the first print

    pdf = render_pdf(data)
    return pdf, hashlib.sha256(pdf).hexdigest()


def record_print(session: Session, desk: Desk, made: MadeDocument, target: str, ok: bool, error: str = "") -> None:
    """Keep every print on record: what, when, who, where to, and whether it went.

    Only of a paper this desk and account made (or made again), with the hash of the bytes made
    (:class:`PrintNotMade` otherwise): the record says a clerk printed her own paper, so it is never written of
    another clerk's paper, nor of bytes never made (a zero hash)."""
    _may_record(session, desk, made.kind)
    where = (desk.identity.site_code, desk.identity.desk_no, desk.actor.login or desk.clerk)
    if made.content_hash not in made_here(session, made.document_id, made.doc_no, made.case_no, where):
        raise PrintNotMade(made.doc_no)
    add_print(session, made.document_id, desk.clerk, desk.identity.desk_no, target, made.content_hash, ok, error)
    detail = {"doc_no": made.doc_no, "kind": made.kind.value, "target": target, "ok": ok, "error": error}
    record_at_desk(session, desk, AuditAction.PRINTED, made.case_no or made.doc_no, detail)
    log.info("print of %s %s to %s: %s", made.kind.value, made.doc_no, target, "ok" if ok else "failed")


def _may_record(session: Session, desk: Desk, kind: DocumentKind) -> None:
    """A department's paper of its item is printed at its own desk, whose staff hold the item's steps and not the
    window's right to print (:mod:`counter.actions.cases.item_papers`); every other paper needs that right."""
    if kind in ITEM_PAPERS:
        try:
            require(session, desk.actor, Permission.ITEM_STEPS)
        except NotPermitted:
            pass
        else:
            return
    require(session, desk.actor, Permission.PRINT)


def _audit_made(
    session: Session, desk: Desk, number: str, kind: DocumentKind, subject: str, digest: str, reprint: bool
) -> None:
    """A notice made or made again for a reprint: its number, kind and the hash of its bytes."""
    detail = {"doc_no": number, "kind": kind.value, "content_hash": digest, "reprint": reprint}
    record_at_desk(session, desk, AuditAction.DOCUMENT_MADE, subject, detail)
