"""One case as its page shows it (:class:`counter.documents.case_page.CasePage`): the case view, the situations of its
guide, and its notices, read in one unit of work, so the page never shows a case beside notices of another moment.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.office import stored_office_settings
from counter.actions.cases.documents import made_under, readable, split_by_body
from counter.actions.cases.item_authority import site_authority
from counter.case.decisions import first_lapse_day, lapse_day
from counter.case.item_clock import DueAlert, due_alert
from counter.case.same_day import same_day_bundle
from counter.case.status import CaseStatus
from counter.case.view import CaseView
from counter.catalog.departments import Places, department_name
from counter.catalog.model import Bundle, ItemType
from counter.db.case_page_reads import case_page_reads
from counter.db.catalog_store import known_guide
from counter.documents.acceptance import Acceptance, HeldItems, held_from, standing_for, state_act, with_case
from counter.documents.acting import ACCEPTANCE_PAPERS, concerned_items, received_title
from counter.documents.case_page import CaseNotices, CasePage, ItemLine, fitting_item_papers, fitting_kinds
from counter.documents.data import OfficeSettings
from counter.documents.deciders import places_of
from counter.documents.document_line import DocumentLine
from counter.documents.issuers import PER_BODY, part_bodies
from counter.documents.kinds import DocumentKind
from counter.intake.subject import subject_lines

if TYPE_CHECKING:
    from sqlalchemy.orm import Session as Unit

__all__ = ["paper_titles", "read_case", "told_by", "told_standing"]


def part_names(view: CaseView, bundle: Bundle, guide: Bundle, made: Iterable[DocumentLine]) -> dict[str, str]:
    """The issuing body of each part made of a receipt or 容缺 notice made once per body, by its record kind, under
    the standing its first part was made under (:func:`counter.documents.issuers.part_bodies`)."""
    kept = {line.kind: line.made_under for line in made if line.made_under}
    names: dict[str, str] = {}
    for kind in PER_BODY:
        snapshot = kept.get(kind.value, "")
        if readable(snapshot) and split_by_body(snapshot):
            names |= part_bodies(kind, view, bundle, guide, *made_under(snapshot))
    return {stored: name for stored, name in names.items() if stored in kept}


def paper_titles(
    view: CaseView, bundle: Bundle, office: OfficeSettings, held: HeldItems, made: Iterable[DocumentLine] = ()
) -> dict[str, str]:
    """The title each paper of the 受理 stage carries for this case where it is the hall's 收件 paper, as
    :func:`counter.actions.cases.documents.make_document` titles it: the same standing of the same items
    (:mod:`counter.documents.acceptance`, 行政许可法 第二十六条), so the page names the paper that prints.  A paper
    made already keeps the settings it was made under (``made``), and is reprinted, and named, by them."""
    kept = {line.kind: made_under(line.made_under) for line in made if readable(line.made_under, view.case_no)}
    titles = {}
    for kind in ACCEPTANCE_PAPERS:
        under = kept.get(kind.value, (office, held))
        found = received_title(kind, concerned_items(kind, view, bundle), *under)
        if found is not None:
            titles[kind.value] = found[0]
    return titles


def told_standing(
    made: Iterable[DocumentLine], office: OfficeSettings, held: HeldItems
) -> tuple[OfficeSettings, HeldItems]:
    """The settings and holdings the case's items stand by as the hall received or accepted them: as its receipt
    told the applicant where one was made (the settings it was made under), else as the site's stand now.

    The same rule as the department's steps (:func:`counter.actions.cases.item_track.received_only`): a case whose
    受理凭证 was issued under a 授权 since withdrawn was accepted, and reads so; its departments do not refuse it."""
    receipt = next((line for line in made if line.kind == DocumentKind.RECEIPT.value and line.made_under), None)
    return told_by(receipt.made_under if receipt is not None else "", office, held)


def told_by(receipt_office: str, office: OfficeSettings, held: HeldItems) -> tuple[OfficeSettings, HeldItems]:
    """:func:`told_standing` of the settings the case's first receipt was made under, as kept (``receipt_office``;
    "" where none was made): what the case lists judge their cases by (:mod:`counter.actions.cases.received_cases`)."""
    return made_under(receipt_office) if readable(receipt_office) else (office, held)


@functools.lru_cache(maxsize=64)
def _places(office: OfficeSettings) -> Places:
    """The site's places of its office settings, worked out once per settings for all the items of every page.

    Kept by the settings' own content (a frozen value, equal only to the same settings), so settings changed are
    another key and a page never names departments by settings no longer stored."""
    return places_of(office)


def read_case(unit: Unit, case_no: str, today: dt.date | None = None) -> CasePage | None:
    """The case and what its page shows; None when no case has this number.

    With ``today``, each item still with its department carries its date and alert on that day (the window's page);
    read from the case's few rows of ``open_item``, with the office calendar only when one has a date.

    The case, its guide version's hash, its site's office settings, its notices and its open items are read together
    (:func:`counter.db.case_page_reads.case_page_reads`); the guide's document only when its content was not met
    before (:func:`counter.db.catalog_store.known_guide`).
    """
    reads = case_page_reads(unit, case_no)
    if reads is None:
        return None
    view = reads.view
    stored = known_guide(unit, view.guide_version_id, view.guide_version, reads.guide_hash)
    pages = reads.pages
    if stored is None:
        return CasePage(view, (), None, pages=pages)
    bundle = stored.bundle.for_case(dict(view.answers))  # the items the case applied for
    shared = frozenset(m.code for m in bundle.materials_for(dict(view.answers)) if m.shared)
    office = stored_office_settings(reads.office, view.site_code)
    places = _places(office)
    held = site_authority(unit, view.site_code)  # read with the case (case_page_reads): no statement of its own
    standing = with_case(held_from(held), view.refusal_ground, view.outcome)  # forwarded on insistence, or not
    under, kept = told_standing(reads.documents, office, standing)
    told = under, with_case(kept, view.refusal_ground, view.outcome)
    items = tuple(
        ItemLine(
            i.code,
            i.name,
            department_name(i.department, i.level, places),
            licence=i.item_type is ItemType.LICENSING,
            received=standing_for(i, *told, state_act(view.status)) is Acceptance.RECEIVED,
            entrusted=bool(held.entrusted.get(i.code)) and i.code not in held.site_items,
        )
        for i in bundle.items
    )
    if today is not None:
        items = _with_dues(unit, reads.item_dues, items, today)
    titles = paper_titles(view, bundle, office, standing, reads.documents)
    bodies = part_names(view, bundle, stored.bundle, reads.documents)
    notices = CaseNotices(
        reads.documents, fitting_kinds(view, bundle), fitting_item_papers(view, stored.bundle), titles, bodies
    )
    lapse = _lapse_from(unit, view)
    subject = subject_lines(stored.bundle.subject, view.subject)
    title = stored.bundle.subject.title if stored.bundle.subject is not None else ""
    return CasePage(
        view, bundle.situations, notices, shared, items, same_day_bundle(bundle), lapse, subject, title, pages
    )


def _lapse_from(unit: Unit, view: CaseView) -> dt.date | None:
    """The first day a lapse of the case's open deadline may be recorded (:func:`counter.case.decisions.lapse_day`),
    for a case waiting for deferred materials or a correction; the office calendar read only then."""
    if view.status is CaseStatus.AWAITING_DEFERRED:
        return first_lapse_day(view.materials, view.history, office_calendar(unit))
    if view.status is CaseStatus.CORRECTION_ISSUED and view.correction_due is not None:
        return lapse_day(view.correction_due, office_calendar(unit))
    return None


def _with_dues(
    unit: Unit, dues: dict[str, dt.date | None], items: tuple[ItemLine, ...], today: dt.date
) -> tuple[ItemLine, ...]:
    if not any(dues.values()):
        return items
    calendar = office_calendar(unit)

    def alert(due: dt.date | None) -> DueAlert | None:
        return due_alert(calendar, due, today) if due is not None else None

    return tuple(
        dataclasses.replace(i, due_on=dues[i.code], alert=alert(dues[i.code])) if i.code in dues else i for i in items
    )
