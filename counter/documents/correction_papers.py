"""The papers the window's 补正 hands over, known as the intake is taken: what the message telling it names.

The 补正 is made once per issuing body (:mod:`counter.documents.issuers`): a 补齐补正通知书 — the site's own act, or
an entrusting department's in its name where the agreement covers 补正 — or the hall's 补齐材料告知书 for the items
it only receives for that act (:func:`counter.documents.acting.received_title`: a window that only receives, an
agreement for 受理 alone, a case forwarded on the applicant's insistence).  The 告知书 says it is no 补正通知; a
message calling it one tells the applicant of a decision nobody made, and names a paper they were never given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum

from counter.case.view import CaseMaterialLine
from counter.catalog.model import Bundle
from counter.documents.acceptance import HeldItems
from counter.documents.acting import received_title
from counter.documents.checks import shortfall_of
from counter.documents.data import OfficeSettings
from counter.documents.issuers import by_body
from counter.documents.item_law import items_served
from counter.documents.kinds import DocumentKind

CORRECTION = DocumentKind.CORRECTION


class CorrectionPaper(StrEnum):
    NOTICE = "notice"  # 补齐补正通知书: a 补正 decided, the site's or an entrusting department's
    TOLD = "told"  # 补齐材料告知书: the hall's 告知 of what it only receives


def correction_papers(
    bundle: Bundle,
    answers: Mapping[str, str],
    materials: Iterable[CaseMaterialLine],
    office: OfficeSettings,
    held: HeldItems,
) -> frozenset[CorrectionPaper]:
    """The kinds of paper a 补正 of ``bundle`` (the items applied for) with these lines hands over, as
    :func:`counter.documents.case_documents` titles each body's part: the items its missing materials serve, grouped
    by issuing body, each part the hall's 告知书 where it only receives them all for the act."""
    concerned = items_served(bundle, (m.code for m in shortfall_of(answers, materials, bundle))) or bundle.items
    return frozenset(
        CorrectionPaper.TOLD if received_title(CORRECTION, part, office, held) else CorrectionPaper.NOTICE
        for part in by_body(CORRECTION, concerned, office, held)
    )
