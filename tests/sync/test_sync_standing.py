"""A case new to the hall is written with the standing its facts leave it in: what working it out again finds.

The import writes a new case's ``rating_standing``, ``served_desk_no`` and ``served_clerk`` with its row
(:func:`counter.db.service_standing.new_case_standing`) instead of working them out from the facts once they are
written (:func:`~counter.db.service_standing.refresh_standing`, which the rating store and cases already here still
use).  Held here to be the same: after the import, working every case out again changes no row.  The cases carry
every standing there is, and rounds a township's desks never write but a package may hold: a first round listed
twice (the first lapsed and the second rated, or both rated with their own appeals and rectification lines, one
key in both), where the import keeps the first of each place.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select

from counter.db import models
from counter.db.service_standing import Standing, refresh_standing
from counter.db.sync.cases import apply_cases
from counter.ratings.levels import Level
from counter.ratings.rectification import RectState
from counter.sync.records import AppealEntry, CaseRecord, RatingRound
from counter.sync.sender_checks import Sender
from tests.sync.sync_world import NOW
from tests.sync.test_sync_scaling import copies, own, sites

LATER = NOW + dt.timedelta(minutes=5)


def _variants(bad: RatingRound) -> list[tuple[RatingRound, ...]]:
    """Rating rounds of every standing, from a badly rated first round with its rectification opened."""
    assert bad.rating is not None
    assert bad.rating.rectification is not None
    rating, rect = bad.rating, bad.rating.rectification
    fed = dataclasses.replace(rect.history[-1], at=LATER, event="fed_back", state_after=RectState.FED_BACK.value)
    rectified = dataclasses.replace(rating, rectification=dataclasses.replace(rect, history=(*rect.history, fed)))
    upheld = AppealEntry(LATER, "负责人", "mistaken", True, "复核属实")
    turned_down = dataclasses.replace(upheld, upheld=False, reason="复核不属实")
    good = dataclasses.replace(rating, level=Level.SATISFIED.value, rectification=None)
    pending = dataclasses.replace(bad, rating=None, lapsed_at=None)
    lapsed = dataclasses.replace(pending, lapsed_at=LATER)
    # an appeal filed at the township (申诉中 until the hall decides): a line of the rectification
    filing = dataclasses.replace(rect.history[-1], at=LATER, event="appealed", note="评价人当场说明按错了等级")
    filed = dataclasses.replace(rect, history=(*rect.history, filing))
    appealed = dataclasses.replace(rating, rectification=filed)
    answered = dataclasses.replace(fed, at=LATER + dt.timedelta(minutes=1))
    appealed_fed = dataclasses.replace(
        rating, rectification=dataclasses.replace(filed, history=(*filed.history, answered))
    )
    second = dataclasses.replace(bad, round=2, desk_no="7", clerk="张海军")
    other_desk = dataclasses.replace(bad, desk_no="7", clerk="张海军")
    return [
        (),  # never sent
        (second,),  # only a follow-up round: never sent either
        (pending,),
        (lapsed,),
        (bad,),
        (dataclasses.replace(bad, rating=good),),
        (dataclasses.replace(bad, rating=rectified),),
        (dataclasses.replace(bad, rating=dataclasses.replace(rating, appeals=(upheld,))),),
        (dataclasses.replace(bad, rating=dataclasses.replace(rating, appeals=(turned_down,))),),
        (pending, other_desk),  # the first request stands: desk 1 served, the rating of the second is its answer
        (lapsed, dataclasses.replace(bad, rating=good)),  # lapsed first: the rating is not written
        (dataclasses.replace(bad, rating=good), lapsed),
        # two ratings of one request: the first's level, the appeals and lines of both, the first of one key kept
        (dataclasses.replace(bad, rating=dataclasses.replace(rating, appeals=(turned_down,))),
         dataclasses.replace(bad, rating=dataclasses.replace(rating, appeals=(upheld,)))),
        (dataclasses.replace(bad, rating=dataclasses.replace(rating, appeals=(turned_down,))),
         dataclasses.replace(bad, rating=dataclasses.replace(rating, appeals=(dataclasses.replace(
             upheld, at=LATER + dt.timedelta(minutes=1)),)))),
        (bad, dataclasses.replace(bad, rating=rectified)),
        (dataclasses.replace(bad, rating=good), dataclasses.replace(bad, rating=rectified)),
        (dataclasses.replace(bad, rating=rectified), second),
        (dataclasses.replace(bad, rating=appealed),),  # 申诉中
        (dataclasses.replace(bad, rating=appealed_fed),),  # 申诉中, fed back meanwhile: not rectified until decided
        (dataclasses.replace(bad, rating=dataclasses.replace(appealed, appeals=(turned_down,))),),  # decided: 差评
        (dataclasses.replace(bad, rating=dataclasses.replace(appealed, appeals=(upheld,))),),  # decided: 撤销
    ]  # fmt: skip


def _standings(session: Any) -> dict[str, tuple[str, str | None, str | None]]:
    c = models.Case
    rows = session.execute(select(c.uid, c.rating_standing, c.served_desk_no, c.served_clerk))
    return {uid: (standing, desk, clerk) for uid, standing, desk, clerk in rows}


def test_a_new_cases_standing_is_what_its_facts_give(databases: Any, tmp_path: Path) -> None:
    pair = sites(databases, tmp_path, "standing")
    bad = next(q for r in pair.templates for q in r.ratings if q.rating is not None)
    template = pair.templates[0]
    variants = _variants(bad)
    records: list[CaseRecord] = [
        dataclasses.replace(r, ratings=variants[n % len(variants)])
        for n, r in enumerate(copies([template], 2 * len(variants), 10))
    ]
    sender = Sender("ARS01", frozenset(), frozenset(), dt.datetime.now(dt.UTC))
    with pair.hall.sessions.begin() as session:
        done = apply_cases(session, records, own, sender)
        assert not done.held, done.held[:3]
        written = _standings(session)
        refresh_standing(session, session.scalars(select(models.Case.id)))
        assert _standings(session) == written
    found = {standing for standing, _desk, _clerk in written.values()}
    assert found == {s.value for s in Standing}
    assert {desk for _standing, desk, _clerk in written.values()} == {None, bad.desk_no}  # the first request's
