"""One case as its page shows it: the case view, the situations of its guide, its items and its notices.

Plain data read in one unit of work (:data:`counter.service.cases.READ_CASE`).  The notices offered are those the
document rules allow for this case (:func:`fitting_kinds`), so the page never offers a notice that would then be
refused; the rules are the domain's, so the page and the printing ask the same ones.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from counter.case.item_clock import DueAlert
from counter.case.pages import MaterialPage
from counter.case.view import CaseView
from counter.catalog.model import Bundle, Situation
from counter.documents.document_line import DocumentLine
from counter.documents.kinds import DocumentKind, DocumentProblem, record_kind
from counter.documents.model import document_problems

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
        # a department's 受理通知书, 补正材料通知书 and 不予受理通知书 are one item's, made by its 签收, its 补正 and
        # its refusal: not the case's
        DocumentProblem.NOT_SIGNED,
        DocumentProblem.NO_ITEM_CORRECTION,
        DocumentProblem.NOT_ITEM_REFUSED,
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
    ``bodies``: the issuing body of each part of a receipt or 容缺 notice made once per body, by its record kind
    (:func:`counter.documents.issuers.part_bodies`), named beside its title as an item is beside an item's paper.
    """

    lines: tuple[DocumentLine, ...]
    fitting: tuple[DocumentKind, ...]
    item_papers: tuple[ItemPaper, ...] = ()
    titles: Mapping[str, str] = dataclasses.field(default_factory=dict)
    bodies: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def printed(self, kind: DocumentKind) -> bool:
        """Whether a paper of ``kind`` came out of a printer: offered again as 重打 then, else as 打印 (one made and
        never printed is printed for the first time, with the number it was made with)."""
        return any(line.kind == kind.value and line.came_out for line in self.lines)

    def printed_paper(self, paper: ItemPaper) -> bool:
        """As :meth:`printed`, for one item's paper."""
        return any(line.kind == paper.record_kind and line.came_out for line in self.lines)

    def item_of(self, stored_kind: str) -> str:
        """The item's name a stored record kind is of, or the issuing body of a part ("" for a paper of the whole
        case)."""
        found = next((p.item_name for p in self.item_papers if p.record_kind == stored_kind), "")
        return found or self.bodies.get(stored_kind, "")


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
    received: bool = False  # the hall only received it (收件): its department accepts it, or refuses to
    # the site's window records its department's decision under a written 授权 (代为录入): the window's decision
    # form asks the department's 文号 and officer (counter.case.entered_for)
    entrusted: bool = False


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
        for kind in (DocumentKind.DENIAL, DocumentKind.ITEM_REFUSAL):  # a 不予批准, or its department's 不予受理
            problems = document_problems(view, kind, bundle, "-", view.received_on, item.code)
            if not _FIT_PROBLEMS.intersection(problems):
                papers.append(ItemPaper(kind, item.code, item.name, record_kind(kind, place)))
    return tuple(papers)
