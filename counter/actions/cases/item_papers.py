"""A deciding department's own papers of one item, made at its own desk.

Where the hall only received an item, the department's acts on it are its own (行政许可法 第三十二条): its 受理 (the
受理通知书 its 签收 issues: :func:`counter.actions.cases.item_steps.take_item_step`), its 补正 (the 补正材料通知书
its pause for correction issues), its 不予受理 (the 不予受理通知书 its refusal issues) and its 不予批准, each in its
name and numbered in its series.  Its staff hold no right to print the window's papers (``Permission.PRINT``), so
these are made — and reprinted, byte for byte as every paper — under the item's own rule: the department's staff,
or the window where the site holds or was entrusted with the item (:func:`counter.actions.cases.item_authority
.check_item`).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.actions.cases.decisions import case_and_bundle
from counter.actions.cases.documents import made_document
from counter.actions.cases.item_authority import check_item
from counter.case.decisions import DecisionProblem, DecisionRefused
from counter.documents.kinds import DEPARTMENT_PAPERS, PAPER_ACT, DocumentKind
from counter.documents.made import MadeDocument

__all__ = ["DEPARTMENT_PAPERS", "make_item_paper"]


def make_item_paper(
    session: Session, desk: Desk, case_no: str, item_code: str, kind: DocumentKind, today: dt.date
) -> MadeDocument:
    """The department's paper ``kind`` of the item, new or as first made.  The caller commits.

    Raises :class:`~counter.case.decisions.DecisionRefused` (no such item, or the desk's account may not act on it)
    and :class:`counter.documents.model.DocumentNotPossible` (the paper does not fit the item: not signed for yet,
    or accepted at the window)."""
    if kind not in DEPARTMENT_PAPERS:
        raise ValueError(f"{kind.value} is the window's paper")
    case, bundle = case_and_bundle(session, case_no)
    if bundle.item(item_code) is None:
        raise DecisionRefused(DecisionProblem.UNKNOWN_ITEM, case.case_no, item_code)
    check_item(session, desk, case.case_no, bundle, case.site_code, item_code, PAPER_ACT[kind])
    return made_document(session, desk, case.case_no, kind, today, item_code)
