"""A case the hall holds already, sent again by its township after its checklist moved on: the lines are merged.

A material handed in after the intake (补正) arrives in a later package of the same case; a line the hall lacks is
added; an arrival the hall knows stands, and of two deadlines the later; a line a record lists twice counts once,
the first time.  No test sent such a package: every case went over once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select

from counter.case.status import CaseEvent, CaseStatus
from counter.db import models
from counter.db.sync.cases import apply_cases
from counter.sync.records import CaseRecord
from counter.sync.sender_checks import Sender
from tests.sync.sync_world import TODAY
from tests.sync.test_sync_scaling import copies, own, sites

DAY = dt.timedelta(days=1)


def _lines(pair: Any, case_no: str) -> dict[str, tuple[dt.date | None, str, dt.date | None]]:
    """The hall's checklist of the case: each material's arrival, how it was handed in, and its deadline."""
    with pair.hall.sessions() as session:
        case_id = session.scalar(select(models.Case.id).where(models.Case.case_no == case_no))
        rows = session.execute(
            select(models.CaseMaterial.material_code, models.CaseMaterial.arrived_on, models.CaseMaterial.receipt,
                   models.CaseMaterial.due_on).where(models.CaseMaterial.case_id == case_id)
        )  # fmt: skip
        return {code: (arrived, receipt, due) for code, arrived, receipt, due in rows}


def _send(pair: Any, record: CaseRecord) -> tuple[list[str], list[str]]:
    sender = Sender("ARS01", frozenset(), frozenset(), dt.datetime.now(dt.UTC))
    with pair.hall.sessions.begin() as session:
        done = apply_cases(session, [record], own, sender)
    assert not done.held, done.held
    return done.applied, done.unchanged


def test_a_case_sent_again_merges_its_checklist_into_the_halls(databases: Any, tmp_path: Path) -> None:
    pair = sites(databases, tmp_path, "merge")
    first = copies(pair.templates, 1, 10)[0]
    assert len(first.materials) >= 3
    late, handed, kept = first.materials[:3]
    awaiting = CaseStatus.AWAITING_DEFERRED.value  # 容缺受理: taken with a material to follow
    assert [line.event for line in first.history] == [CaseEvent.TAKEN.value]
    first = dataclasses.replace(
        first,
        status=awaiting,
        history=(dataclasses.replace(first.history[0], status_after=awaiting),),
        materials=(
            dataclasses.replace(late, arrived_on=None, receipt="", due_on=TODAY + 5 * DAY),  # 补正: still awaited
            dataclasses.replace(handed, arrived_on=TODAY, receipt=handed.receipt or "原件", due_on=None),
            dataclasses.replace(kept, arrived_on=TODAY, receipt="原件", due_on=TODAY + 3 * DAY),
            *first.materials[3:],
        ),
    )
    assert _send(pair, first) == ([first.uid], [])
    before = _lines(pair, first.case_no)
    assert before[late.code] == (None, "", TODAY + 5 * DAY)

    handed_in = dataclasses.replace(
        first.history[-1], at=first.history[-1].at + 2 * DAY, event=CaseEvent.DEFERRED_ARRIVED.value, note=""
    )  # a checklist moves on with a line of its history: the materials handed in
    again = dataclasses.replace(
        first,
        history=(*first.history, handed_in),
        materials=(
            dataclasses.replace(late, arrived_on=TODAY + 2 * DAY, receipt="复印件", due_on=TODAY + 4 * DAY),
            dataclasses.replace(late, arrived_on=TODAY + 3 * DAY, receipt="原件", due_on=TODAY + 9 * DAY),  # twice
            first.materials[1],
            dataclasses.replace(kept, arrived_on=TODAY + DAY, receipt="复印件", due_on=TODAY + 6 * DAY),
            *first.materials[3:],
            dataclasses.replace(late, code="X-LATER", name="补充材料", arrived_on=TODAY + 2 * DAY, receipt="原件"),
        ),
    )
    assert _send(pair, again) == ([first.uid], [])
    after = _lines(pair, first.case_no)
    assert after[late.code] == (TODAY + 2 * DAY, "复印件", TODAY + 5 * DAY)  # arrived; the later deadline stands
    assert after[kept.code] == (TODAY, "原件", TODAY + 6 * DAY)  # the hall's arrival stands, the later deadline too
    assert after[handed.code] == before[handed.code]
    assert after["X-LATER"] == (TODAY + 2 * DAY, "原件", late.due_on)
    assert set(after) == set(before) | {"X-LATER"}

    assert _send(pair, again) == ([], [first.uid])  # nothing new the third time
    assert _lines(pair, first.case_no) == after


def test_a_line_listed_twice_counts_the_first_time_whether_the_case_is_new_here_or_not(
    databases: Any, tmp_path: Path
) -> None:
    pair = sites(databases, tmp_path, "twice")
    record = copies(pair.templates, 1, 10)[0]
    line = record.materials[0]
    twice = dataclasses.replace(line, arrived_on=TODAY + DAY, receipt="复印件", due_on=TODAY + 9 * DAY)
    record = dataclasses.replace(record, materials=(line, twice, *record.materials[1:]))
    assert _send(pair, record) == ([record.uid], [])
    assert _lines(pair, record.case_no)[line.code] == (line.arrived_on, line.receipt, line.due_on)
    assert len(_lines(pair, record.case_no)) == len(record.materials) - 1
