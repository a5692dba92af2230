"""The paper each outcome of the form prints, as the window names it on its button and in its outcome (read with
the intake's preview: :data:`counter.service.intake.PREVIEW_INTAKE`).

Where the hall only receives the items applied for (:mod:`counter.documents.acceptance`: no own power, no
entrustment recorded), the paper of the 受理 stage is the hall's 收件 paper — a 收件凭证, a 补齐材料告知书, a
申请事项告知书 (许可法 第二十六条; docs/notice-wording.md) — and the button that said 受理，出具受理凭证 printed a
收件凭证.  The form reads the standing as the paper will (:func:`counter.documents.acting.received_title`, from the
site's office settings and authority setting) with each preview, so the label names what will print.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from counter.actions.admin.office import office_settings
from counter.actions.cases.item_authority import site_authority
from counter.catalog.model import Item
from counter.documents.acceptance import HeldItems
from counter.documents.acting import received_title
from counter.documents.kinds import DocumentKind
from counter.intake.outcome import Outcome

if TYPE_CHECKING:
    from sqlalchemy.orm import Session as Unit

#: the paper each decided outcome hands over first (counter.documents.outcome_papers.OUTCOME_PAPERS), by Outcome value
OUTCOME_PAPER = {
    Outcome.ACCEPT.value: DocumentKind.RECEIPT,
    Outcome.DEFER.value: DocumentKind.DEFERRAL,
    Outcome.CORRECT.value: DocumentKind.CORRECTION,
    Outcome.REFUSE.value: DocumentKind.REFUSAL,
}


def received_papers(unit: Unit, items: Iterable[Item], site_code: str) -> dict[str, str]:
    """The title of each outcome's paper (by Outcome value) where it is the hall's 收件 paper for ``items``; an
    outcome whose paper is the kind's own (the site's, or in an entrusting department's name) is not listed."""
    items = tuple(items)
    held = site_authority(unit, site_code)
    office, holding = office_settings(unit, site_code), HeldItems(held.site_items, dict(held.entrusted))
    titles = {outcome: received_title(kind, items, office, holding) for outcome, kind in OUTCOME_PAPER.items()}
    return {outcome: found[0] for outcome, found in titles.items() if found is not None}
