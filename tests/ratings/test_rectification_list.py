"""The open rectifications list, read in one query, against the domain's own rules applied to every history.

Sixty rectifications with histories of every shape (still 待回访, being verified, 限期整改 with a ledger date
earlier or later than the seven days, a note after it, closed by feedback or by an upheld appeal) are written with
the store's own insert functions; the list must hold exactly the open ones, each with its newest state and its
ledger date, ordered by :func:`counter.ratings.rectification.effective_due` then number, and read page by page it
must give the same rows.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.ratings.follow_up import open_rectifications
from counter.db import models
from counter.db.rating_store import add_rating, add_rectification, add_rectification_line, add_request
from counter.ratings.rectification import OPEN_STATES, RectEvent, RectState, effective_due

OPENED = dt.date(2026, 11, 2)
AT = dt.datetime(2026, 11, 2, 2, 0, tzinfo=dt.UTC)


@dataclass
class Written:
    rectification_id: int
    due_on: dt.date
    lines: list[tuple[RectEvent, RectState, dt.date | None]] = field(default_factory=list)

    @property
    def state(self) -> RectState:
        return self.lines[-1][1]

    @property
    def fix_due(self) -> dt.date | None:
        dates = [fix for _e, _s, fix in self.lines if fix is not None]
        return max(dates) if dates else None

    @property
    def due(self) -> dt.date:
        return effective_due(self.due_on, self.state, self.fix_due)


def _history(rng: random.Random, opened: dt.date) -> list[tuple[RectEvent, RectState, dt.date | None]]:
    """A history a supervisor could have written: moves in order, notes between them, closed or not."""
    lines: list[tuple[RectEvent, RectState, dt.date | None]] = [(RectEvent.OPENED, RectState.AWAITING_REVISIT, None)]
    path = rng.choice(["new", "verifying", "at_once", "deadline", "deadline_noted", "explained", "fed_back", "voided"])
    if path in ("verifying", "at_once", "deadline", "deadline_noted", "explained", "fed_back"):
        lines.append((RectEvent.REVISITED, RectState.VERIFYING, None))
    if path == "at_once":
        lines.append((RectEvent.FIX_AT_ONCE, RectState.FIX_AT_ONCE, None))
    if path in ("deadline", "deadline_noted"):
        # the ledger date may fall before or after the seven days, so the order must follow it
        lines.append((RectEvent.FIX_BY_DEADLINE, RectState.FIX_BY_DEADLINE, opened + dt.timedelta(rng.randint(2, 30))))
    if path == "deadline_noted":
        lines.append((RectEvent.NOTE, RectState.FIX_BY_DEADLINE, None))
    if path == "explained":
        lines.append((RectEvent.EXPLAINED, RectState.EXPLAINED, None))
    if path == "fed_back":
        lines += [(RectEvent.FIX_AT_ONCE, RectState.FIX_AT_ONCE, None), (RectEvent.FED_BACK, RectState.FED_BACK, None)]
    if path == "voided":
        lines.append((RectEvent.VOIDED, RectState.VOIDED, None))
    return lines


def _write(sessions: sessionmaker[Session], count: int) -> list[Written]:
    rng = random.Random(20)
    written = []
    with sessions.begin() as session:
        case_id, case_no = session.execute(select(models.Case.id, models.Case.case_no).limit(1)).one()
        for n in range(count):
            opened = OPENED + dt.timedelta(days=n % 9)  # several share a due date: the number breaks the tie
            request = add_request(session, case_id, n + 1, AT, "XAM01", "8", "乌兰")
            rating = add_rating(session, {
                "request_id": request, "level": "dissatisfied", "channel": "pc", "reasons": ["等待时间长"],
                "comment": "", "rated_at": AT, "rated_on": opened, "round": n + 1, "case_no": case_no,
                "item_code": "X", "item_name": "我要开小餐馆", "department": "", "clerk": "乌兰", "desk_no": "8",
                "site_code": "XAM01", "region": "152201", "rater_name": "张三", "rater_id_no": "",
                "rater_kind": "person",
            })  # fmt: skip
            due_on = opened + dt.timedelta(days=7)
            rect = add_rectification(session, rating, AT, opened, "7 calendar_day", due_on, False)
            item = Written(rect, due_on, _history(rng, opened))
            for event, state, fix_due in item.lines:
                add_rectification_line(session, rect, AT, "其其格", event, state, "", fix_due)
            written.append(item)
    return written


@pytest.mark.slow
def test_the_open_list_is_the_domains_rules_over_every_history(sessions: sessionmaker[Session]) -> None:
    written = _write(sessions, 60)
    expected = sorted((w for w in written if w.state in OPEN_STATES), key=lambda w: (w.due, w.rectification_id))
    assert {w.state for w in written} == set(RectState)  # every state is among them, closed ones included
    with sessions() as session:
        rows = open_rectifications(session)
        assert [(r.rectification_id, r.state, r.fix_due, r.due) for r in rows] == [
            (w.rectification_id, w.state, w.fix_due, w.due) for w in expected
        ]
        paged = []
        page = open_rectifications(session, limit=7)
        while page:
            paged += page
            page = open_rectifications(session, after=page[-1].page_key(), limit=7)
    assert paged == rows
    overdue_on = OPENED + dt.timedelta(days=12)
    assert {r.rectification_id for r in rows if r.overdue(overdue_on)} == {
        w.rectification_id for w in expected if w.due < overdue_on
    }


def test_the_closing_states_of_the_schema_are_the_domains() -> None:
    """The partial index and the open list name the closing states as literals; they must be the domain's."""
    closing = sorted(state.value for state in set(RectState) - OPEN_STATES)
    assert list(models.CLOSING_STATES) == closing
    listed = ", ".join(f"'{state}'" for state in closing)
    assert f"state_after IN ({listed})" == models.CLOSING_LINE
