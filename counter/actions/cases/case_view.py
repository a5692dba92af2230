"""One case as its page shows it: the case view, the situations of its guide, and its notices.

All three are read in one unit of work, so the page never shows a case beside notices of another moment.  The
notices offered are those the document rules allow for this case (:func:`fitting_kinds`), so the page never
offers a notice that would then be refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.office import stored_office_settings
from counter.actions.cases.documents import made_under
from counter.actions.cases.item_authority import site_authority
from counter.case.decisions import first_lapse_day, lapse_day
from counter.case.item_clock import DueAlert, due_alert
from counter.case.pages import MaterialPage
from counter.case.same_day import same_day_bundle
from counter.case.status import CaseStatus
from counter.case.view import CaseView
from counter.catalog.departments import Places, department_name
from counter.catalog.model import Bundle, ItemType, Situation
from counter.db.case_page_reads import case_page_reads
from counter.db.catalog_store import known_guide
from counter.db.document_store import DocumentLine
from counter.documents.acceptance import HeldItems
from counter.documents.acting import ACCEPTANCE_PAPERS, concerned_items, received_title
from counter.documents.data import OfficeSettings
from counter.documents.deciders import places_of
from counter.documents.kinds import DocumentKind, DocumentProblem, record_kind
from counter.documents.model import document_problems
from counter.intake.subject import subject_lines

if TYPE_CHECKING:
    from sqlalchemy.orm import Session as Unit

__all__ = [
    "CASE_KINDS",
    "CaseNotices",
    "CasePage",
    "DocumentLine",
    "ItemLine",
    "ItemPaper",
    "fitting_kinds",
    "read_case",
]

#: The case notices in the order the case page offers them.
CASE_KINDS = tuple(k for k in DocumentKind if k.needs_case)

#: Problems that say whether a kind fits the case (the others are about a number or a date not chosen yet).
_FIT_PROBLEMS = frozenset(
    {
        DocumentProblem.NOT_ACCEPTED,
        DocumentProblem.NOT_DEFERRED,
        DocumentProblem.NO_DEFERRED_MATERIALS,
        DocumentProblem.NOT_CORRECTION,
        DocumentProblem.NOTHING_TO_CORRECT,
        DocumentProblem.NOT_REFUSED,
        DocumentProblem.REFUSED,
        DocumentProblem.NOT_DENIED,
        DocumentProblem.BUNDLE_MISMATCH,
        # a 送达回证 is made with its hand-over (统一出件), and reprinted by its number of hand-over, not offered here
        DocumentProblem.NO_HAND_OVER,
        DocumentProblem.NO_DATE_CHANGE,  # a 期限告知书 needs a date changed
    }
)


@dataclass(frozen=True, slots=True)
class ItemPaper:
    """One item's paper the case allows (the 不予批准决定书 of a denied item), and how its record is kept."""

    kind: DocumentKind
    item_code: str
    item_name: str
    record_kind: str  # counter.documents.kinds.record_kind: the kind and the item's place in the guide


@dataclass(frozen=True, slots=True)
class CaseNotices:
    """The 文书 section of a case page: the notices made so far and the kinds that fit the case.

    ``item_papers``: the papers of one item each that fit (a denial per denied item), in the guide's order.
    ``titles``: the title a paper of the 受理 stage carries where it is not its kind's own, by its kind's value: the
    hall's 收件凭证, 容缺后补材料告知书, 补齐材料告知书 or 申请事项告知书 where it only receives the items
    (:func:`counter.documents.acting.received_title`).
    """

    lines: tuple[DocumentLine, ...]
    fitting: tuple[DocumentKind, ...]
    item_papers: tuple[ItemPaper, ...] = ()
    titles: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def made(self, kind: DocumentKind) -> bool:
        return any(line.kind == kind.value for line in self.lines)

    def made_paper(self, paper: ItemPaper) -> bool:
        return any(line.kind == paper.record_kind for line in self.lines)

    def item_of(self, stored_kind: str) -> str:
        """The item's name a stored record kind is of ("" for a paper of the whole case)."""
        return next((p.item_name for p in self.item_papers if p.record_kind == stored_kind), "")


@dataclass(frozen=True, slots=True)
class CasePage:
    """What the case page shows: the case, its guide's situations, and its notices (None: guide gone)."""

    view: CaseView
    situations: tuple[Situation, ...]
    notices: CaseNotices | None
    shared: frozenset[str] = frozenset()  # codes of the materials the guide has fetched by data sharing
    items: tuple[ItemLine, ...] = ()  # the guide's items with their departments, for the decisions item by item
    immediate: bool = False  # every item 即办: the page asks whether the same-day step applies (same_day_check)
    # the first day the deadline told to the applicant (容缺, 补正) may be found missed: its next working day
    lapse_from: dt.date | None = None
    # whom the case is about where that is not the applicant (the newborn of 052): (label, value as read)
    subject: tuple[tuple[str, str], ...] = ()
    subject_title: str = ""  # the guide's name for it: 新生儿, 家庭
    pages: tuple[MaterialPage, ...] = ()  # the document camera's pages of its materials (counter.case.pages)


@dataclass(frozen=True, slots=True)
class ItemLine:
    """An item of the case's guide as the page lists it: its code, name and deciding department; while it is with
    its department, its nearer date and how near that is on the day the page was read for."""

    code: str
    name: str
    department: str
    due_on: dt.date | None = None
    alert: DueAlert | None = None
    licence: bool = False  # a 行政许可: its denial may stand on 行政许可法 第七十八条


def fitting_kinds(view: CaseView, bundle: Bundle) -> tuple[DocumentKind, ...]:
    """The case notices this case allows, decided by the same rules that make them."""
    fitting = []
    for kind in CASE_KINDS:
        # a placeholder number and the intake day: only whether the kind fits the case is asked here
        problems = document_problems(view, kind, bundle, "-", view.received_on)
        if not _FIT_PROBLEMS.intersection(problems):
            fitting.append(kind)
    return tuple(fitting)


def fitting_item_papers(view: CaseView, bundle: Bundle) -> tuple[ItemPaper, ...]:
    """The denials this case allows, one per item denied, decided by the same rules that make them.

    ``bundle`` is the whole guide: a paper's record is kept by its item's place in it (:func:`record_kind`).
    """
    papers = []
    for place, item in enumerate(bundle.items, start=1):
        if not item.applies(dict(view.answers)):
            continue
        problems = document_problems(view, DocumentKind.DENIAL, bundle, "-", view.received_on, item.code)
        if not _FIT_PROBLEMS.intersection(problems):
            papers.append(ItemPaper(DocumentKind.DENIAL, item.code, item.name, record_kind(DocumentKind.DENIAL, place)))
    return tuple(papers)


def paper_titles(
    view: CaseView, bundle: Bundle, office: OfficeSettings, held: HeldItems, made: Iterable[DocumentLine] = ()
) -> dict[str, str]:
    """The title each paper of the 受理 stage carries for this case where it is the hall's 收件 paper, as
    :func:`counter.actions.cases.documents.make_document` titles it: the same standing of the same items
    (:mod:`counter.documents.acceptance`, 行政许可法 第二十六条), so the page names the paper that prints.  A paper
    made already keeps the settings it was made under (``made``), and is reprinted, and named, by them."""
    kept = {line.kind: made_under(line.made_under) for line in made if line.made_under}
    titles = {}
    for kind in ACCEPTANCE_PAPERS:
        under = kept.get(kind.value, (office, held))
        found = received_title(kind, concerned_items(kind, view, bundle), *under)
        if found is not None:
            titles[kind.value] = found[0]
    return titles


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
    items = tuple(
        ItemLine(
            i.code, i.name, department_name(i.department, i.level, places), licence=i.item_type is ItemType.LICENSING
        )
        for i in bundle.items
    )
    if today is not None:
        items = _with_dues(unit, reads.item_dues, items, today)
    held = site_authority(unit, view.site_code)  # read with the case (case_page_reads): no statement of its own
    titles = paper_titles(view, bundle, office, HeldItems(held.site_items, dict(held.entrusted)), reads.documents)
    notices = CaseNotices(
        reads.documents, fitting_kinds(view, bundle), fitting_item_papers(view, stored.bundle), titles
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
