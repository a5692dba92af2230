"""Which cases of a list the hall only received, so that the finder, the case lists and ``case show`` name a case's
state as its page does (已收件, not 已受理: :func:`counter.words.cases.case_status_text`), and so that a step refused
for the case's state names it so too (:func:`status_after`, the one way an action moves a case).

By the page's rule (:func:`counter.actions.cases.case_view.told_standing`, :func:`counter.documents.acceptance.
only_received`): every item the case applied for stands as 收件 under the settings its receipt was made under, or
under the site's settings now where none was made.  Decided here, where the data is, and carried on each row
(``only_received``), never worked out again by a face.

Cheap for a list of any length: one statement per batch of rows (:func:`counter.db.case_standing_reads.
case_standings`), one more for the settings of every site whose cases no receipt was made for yet, each guide
parsed once per content, and the cases that share items and standing judged once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from counter.actions.admin.office import stored_office_settings
from counter.actions.cases.case_view import told_by
from counter.actions.cases.item_authority import authority_key, site_authority
from counter.case.lookup import FoundCase
from counter.case.open_cases import OpenCase
from counter.case.status import CaseEvent, CaseStatus, MoveNotAllowed, next_status
from counter.case.view import CaseRow
from counter.catalog.model import Item
from counter.db import models
from counter.db.case_standing_reads import CaseStanding, case_standings
from counter.db.catalog_store import known_guide
from counter.db.settings_store import get_setting, office_key, read_settings
from counter.documents.acceptance import HeldItems, held_from, only_received, state_act, with_case
from counter.documents.data import OfficeSettings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session as Unit

__all__ = ["BATCH", "is_received", "marked", "marked_as_read", "received_cases", "status_after"]

Row = TypeVar("Row", CaseRow, FoundCase, OpenCase)  # a row of a list that names each case's state

#: the rows a streamed list is judged by at a time: one statement each
BATCH = 500


def received_cases(unit: Unit, case_nos: Collection[str]) -> frozenset[str]:
    """The numbers, among ``case_nos``, of the cases the hall only received."""
    items_of: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[Item, ...] | None] = {}
    told: dict[tuple[str, str], tuple[OfficeSettings, HeldItems]] = {}
    judged: dict[tuple[object, ...], bool] = {}
    found = set()
    standings = case_standings(unit, case_nos)
    unreceipted = sorted({s.site_code for s in standings if not s.receipt_office})  # judged by the site's now
    read_settings(unit, [key(site) for site in unreceipted for key in (office_key, authority_key)])  # in one read
    for s in standings:
        chosen = (s.guide_hash, s.answers)
        if chosen not in items_of:
            items_of[chosen] = _items(unit, s)
        items = items_of[chosen]
        if items is None:  # its guide gone: the page shows no items, and says the state plainly
            continue
        under = (s.receipt_office, "" if s.receipt_office else s.site_code)
        if under not in told:
            now = _site_standing(unit, s.site_code) if not s.receipt_office else (OfficeSettings(), HeldItems())
            told[under] = told_by(s.receipt_office, *now)
        office, held = told[under]
        held = with_case(held, s.refusal_ground, s.outcome)  # forwarded on the applicant's insistence
        # many answers choose the same items, and many receipts were made under the same settings: judged once
        entrusted = tuple(sorted(held.entrusted.items()))
        acts = tuple(sorted((code, tuple(sorted(covered))) for code, covered in held.acts.items()))  # 受理 or not
        act = state_act(s.status)
        key = (
            s.guide_hash,
            tuple(i.code for i in items),
            office,
            held.site_items,
            entrusted,
            acts,
            act,
            held.forwarded,
        )
        if key not in judged:
            judged[key] = only_received(items, office, held, act)
        if judged[key]:
            found.add(s.case_no)
    return frozenset(found)


def is_received(unit: Unit, case_no: str) -> bool:
    """Whether the hall only received the case ``case_no``: :func:`received_cases` of the one case."""
    number = case_no.strip().upper()
    return number in received_cases(unit, (number,))


def _items(unit: Unit, standing: CaseStanding) -> tuple[Item, ...] | None:
    """The items the case applied for, as its guide and answers choose them (:meth:`Bundle.for_case`); None where its
    guide is gone."""
    stored = known_guide(unit, standing.guide_version_id, standing.guide_version, standing.guide_hash)
    return None if stored is None else tuple(stored.bundle.for_case(dict(standing.answers)).items)


def _site_standing(unit: Unit, site_code: str) -> tuple[OfficeSettings, HeldItems]:
    """The site's settings and what it holds now, as the case page reads them (:func:`counter.actions.cases.
    case_view.read_case`)."""
    office = stored_office_settings(get_setting(unit, office_key(site_code)), site_code)
    held = site_authority(unit, site_code)
    return office, held_from(held)


def marked(unit: Unit, rows: Sequence[Row]) -> list[Row]:
    """``rows``, each case the hall only received marked so."""
    received = received_cases(unit, {row.case_no for row in rows})
    return [dataclasses.replace(row, only_received=True) if row.case_no in received else row for row in rows]


def marked_as_read(unit: Unit, rows: Iterable[CaseRow]) -> Iterator[CaseRow]:
    """:func:`marked` of a streamed list, a :data:`BATCH` of rows at a time, as the caller iterates (inside the unit
    of work): a league's overdue backlog is never held whole, nor judged a row at a time."""
    read = iter(rows)
    while batch := list(islice(read, BATCH)):
        yield from marked(unit, batch)


def status_after(unit: Unit, case: models.Case, event: CaseEvent) -> CaseStatus:
    """The case's status after ``event`` (:func:`counter.case.status.next_status`), the one way an action moves a
    case, so that no step forgets what its refusal must say: refused for the case's state (:class:`MoveNotAllowed`),
    it says whether the hall only received the case, and every face names the state as the case's page does
    ("现在的状态是“已收件”").  Nothing is written by a refused step; the unit of work is read once more before it is
    rolled back."""
    try:
        return next_status(CaseStatus(case.status), event)
    except MoveNotAllowed as err:
        raise MoveNotAllowed(err.event, err.status, is_received(unit, case.case_no)) from err
