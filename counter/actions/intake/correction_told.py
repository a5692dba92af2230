"""Which message the window's 补正 tells: the one naming the paper the applicant was handed.

Chosen as the intake is taken, under the settings its papers are made under a moment later, and kept with the
message (its kind): the sender words it from the row alone, and a gateway's template is registered per kind.  A case
forwarded on the applicant's insistence stands as one only received (:func:`counter.documents.acceptance.with_case`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy.orm import Session

from counter.actions.admin.office import office_settings
from counter.actions.cases.item_authority import site_authority
from counter.case.view import CaseMaterialLine
from counter.catalog.model import Bundle
from counter.documents.acceptance import held_from, with_case
from counter.documents.correction_papers import CorrectionPaper, correction_papers
from counter.sms.kinds import MessageKind

_BY_PAPERS = {
    frozenset({CorrectionPaper.NOTICE}): MessageKind.CORRECTION,
    frozenset({CorrectionPaper.TOLD}): MessageKind.CORRECTION_TOLD,
    frozenset(CorrectionPaper): MessageKind.CORRECTION_BOTH,
}


def correction_message(
    session: Session,
    site_code: str,
    bundle: Bundle,
    answers: Mapping[str, str],
    lines: Sequence[CaseMaterialLine],
    kept: Mapping[str, object],
) -> MessageKind:
    """The message of a 补正 of ``bundle`` (the items applied for) with these ``lines``, at the site; ``kept``: the
    case's values as they are stored (its refusal ground and outcome: forwarded on insistence, or not)."""
    office = office_settings(session, site_code)
    held = with_case(held_from(site_authority(session, site_code)), str(kept["refusal_ground"]), str(kept["outcome"]))
    return _BY_PAPERS.get(correction_papers(bundle, answers, lines, office, held), MessageKind.CORRECTION)
