"""What a list's cases are read by to tell whether the hall only received them: each case's guide version, its
answers (which choose its items), its site, and the settings its receipt was made under.

One statement for a batch of case numbers, whatever the list's length (the lists hold hundreds of rows, and the
supervisor's overdue list streams a league's backlog in batches): never one read per row.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session, aliased

from counter.db import models
from counter.documents.kinds import DocumentKind


@dataclass(frozen=True, slots=True)
class CaseStanding:
    """One case's facts its items' standing is worked out from (:func:`counter.documents.acceptance.only_received`)."""

    case_no: str
    site_code: str
    guide_version_id: int
    guide_version: int
    guide_hash: str  # the guide is parsed once per content (counter.db.catalog_store.known_guide)
    answers: tuple[tuple[str, str], ...]  # the situation answers: they choose the items applied for
    receipt_office: str  # the settings the case's first receipt was made under, as kept; "" where none was made
    status: str = ""  # the case's state: a 补正's is named by whoever told it (counter.documents.acceptance.state_act)
    # the window's finding and the intake's outcome: a case forwarded on insistence (outcome.forwarded_case)
    refusal_ground: str = ""
    outcome: str = ""


def case_standings(session: Session, case_nos: Collection[str]) -> list[CaseStanding]:
    """The standing facts of the cases among ``case_nos`` that exist, in no particular order."""
    if not case_nos:
        return []
    rows = session.execute(_statement(), {"case_nos": list(case_nos)})
    return [
        CaseStanding(
            case_no, site, version_id, version, digest, _answers(answers), office or "", status, ground, outcome
        )
        for case_no, site, version_id, version, digest, answers, office, status, ground, outcome in rows
    ]


def _answers(raw: str | None) -> tuple[tuple[str, str], ...]:
    """The answers as the intake stored them: a list of pairs, or an object in older rows."""
    stored: Any = json.loads(raw or "[]")
    pairs = stored.items() if isinstance(stored, dict) else stored
    return tuple((str(situation), str(option)) for situation, option in pairs)


@functools.cache
def _statement() -> Select[str, str, int, int, str, str, str | None, str, str, str]:
    """Built once: the cases by number (unique index), each joined to its guide version by key, and its first
    receipt's kept settings by the index on the document's case."""
    c, v, d = models.Case, models.GuideVersion, aliased(models.DocumentRecord)
    receipt = (
        select(d.office)
        .where(d.case_id == c.id, d.kind == DocumentKind.RECEIPT.value, d.office != "")
        .order_by(d.id)
        .limit(1)
        .correlate(c)
        .scalar_subquery()
    )
    return (
        select(
            c.case_no,
            c.site_code,
            c.guide_version_id,
            v.version,
            v.content_hash,
            c.answers,
            receipt,
            c.status,
            c.refusal_ground,
            c.outcome,
        )
        .join(v, v.id == c.guide_version_id)
        .where(c.case_no.in_(bindparam("case_nos", expanding=True)))
    )
