"""The figures the database counts equal the domain's own computation, on a varied dataset, on SQLite and PostgreSQL.

The dataset is written row by row as sync or the desks would leave it, the pad's side by the rating store's
writers: cases of three sites, every outcome, voided and withdrawn ones, deferrals on time, late or lapsed,
services never sent to the pad, pending, lapsed, rated at every level, ratings removed on appeal, follow-up rounds,
rectifications walked at random through their moves, and the pad sent from another desk than the intake's.  What
each row means is known here as plain facts, and the domain's functions (:func:`tests.figures_oracle.figures_by`,
:func:`tests.figures_oracle.rect_counts`, :func:`counter.case.promise_figures.promise_figures`…) compute
the expected lines from them.  The same dataset is counted again with each case's standing filled in by migration
0015 instead of the writers.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.catalog.imports import import_source
from counter.actions.ratings.period_figures import period_figures
from counter.case.period_figures import CaseCounts, PeriodLine, total_line
from counter.case.promise_figures import PromiseFigures, VersionCount, bundle_facts, promise_figures
from counter.case.status import CaseEvent, CaseStatus
from counter.db import models
from counter.db.catalog_store import guide_version
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from counter.db.rating_store import (
    add_appeal,
    add_lapse,
    add_rating,
    add_rectification,
    add_rectification_line,
    add_request,
)
from counter.host.machine.desk_at import desk_at
from counter.host.machine.desk_config import DeskConfig
from counter.intake.outcome import Outcome
from counter.projects.period_figures import PeriodFigures
from counter.ratings.figures import Figures, Grouping, line_key
from counter.ratings.levels import Level, is_bad
from counter.ratings.rectification import MOVES, AppealGround, RectEvent, RectState
from counter.ratings.status import DeskStatus
from tests.conftest import SHIPPED_CATALOG
from tests.figures_oracle import ServiceFact, deferral_overdue, fact_part, figures_by, rect_counts
from tests.pg_server import CATALOG, FreshDatabases

DESK = desk_at(DeskConfig(site_code="XAM01", site_name="兴安盟政务服务中心", desk_no="8", clerk="乌兰"))
FIRST, LAST = dt.date(2026, 10, 5), dt.date(2026, 10, 31)  # the period asked for: days before and after exist
TODAY = dt.date(2026, 11, 12)
SITES = ("XAM01", "HLR02", "ABQ03")
DESKS = ("1", "8", "10")
CLERKS = ("乌兰", "其其格", "张海军", "巴特尔")


@pytest.fixture(params=["sqlite", "postgresql"])
def sessions(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    """A database with the shipped catalog and nothing else."""
    if request.param == "postgresql":
        fresh: FreshDatabases = request.getfixturevalue("fresh_pg")
        yield fresh.sessions(CATALOG)
        return
    engine = make_engine(f"sqlite:///{tmp_path / 'figures.sqlite3'}")
    upgrade(engine)
    made = make_sessions(engine)
    assert import_source(made, SHIPPED_CATALOG).report is not None
    yield made
    engine.dispose()


@dataclass
class Expected:
    """The plain facts behind the rows written, from which the domain computes the figures."""

    services: list[ServiceFact] = field(default_factory=list)
    deferrals: list[tuple[dt.date, str, str, str, str, bool]] = field(default_factory=list)  # + overdue
    outcomes: list[tuple[ServiceFact, Outcome, CaseStatus]] = field(default_factory=list)
    # + guide version, and how many items were decided on the day the case was taken
    accepted: list[tuple[dt.date, str, str, str, str, int, int]] = field(default_factory=list)
    rectifications: list[tuple[tuple[dt.date, str, str, str, str], tuple[dt.date, RectState, dt.date | None]]] = field(
        default_factory=list
    )
    filing: bool = True  # appeals filed among the rectifications' moves: none in a database older than filing


def _walk(rng: random.Random, filing: bool = True) -> list[tuple[RectEvent, RectState, dt.date | None]]:
    """A rectification's history: opened, then a few moves chosen at random among those allowed (an appeal filed
    among them, unless not ``filing``)."""
    state = RectState.AWAITING_REVISIT
    lines: list[tuple[RectEvent, RectState, dt.date | None]] = [(RectEvent.OPENED, state, None)]
    for _ in range(rng.randrange(6)):
        offered = MOVES if filing else {e: m for e, m in MOVES.items() if e is not RectEvent.APPEALED}
        allowed = [e for e, (before, _after) in offered.items() if state in before]
        if not allowed:
            break
        event = rng.choice(allowed)
        after = MOVES[event][1] or state
        fix_due = TODAY + dt.timedelta(days=rng.randrange(-10, 10)) if event is RectEvent.FIX_BY_DEADLINE else None
        lines.append((event, after, fix_due))
        state = after
    return lines


def fill(session: Session, rng: random.Random, cases: int, *, filing: bool = True) -> Expected:
    versions = [
        (code, name, version)
        for code, name, version in session.execute(
            select(models.Bundle.code, models.Bundle.name, models.Bundle.current_version_id)
            .where(models.Bundle.current_version_id.is_not(None))
            .order_by(models.Bundle.code)
        )
        if version is not None
    ][:8]
    expected = Expected(filing=filing)
    for n in range(cases):
        code, name, version = rng.choice(versions)
        site, desk_no, clerk = rng.choice(SITES), rng.choice(DESKS), rng.choice(CLERKS)
        day = FIRST + dt.timedelta(days=rng.randrange(-4, 32))
        outcome = rng.choice([Outcome.ACCEPT, Outcome.DEFER, Outcome.CORRECT, Outcome.REFUSE])
        accepted = outcome in (Outcome.ACCEPT, Outcome.DEFER)
        accepted_on = day + dt.timedelta(days=rng.choice([0, 0, 0, 1])) if accepted else None
        status = rng.choice(
            [CaseStatus.VOIDED, CaseStatus.WITHDRAWN, *[CaseStatus.AWAITING_DEFERRED] * 4]
            if outcome is Outcome.DEFER
            else [CaseStatus.VOIDED, CaseStatus.REFUSED, CaseStatus.WITHDRAWN]  # 撤回 after a 申请事项告知书
            if outcome is Outcome.REFUSE
            else [CaseStatus.VOIDED, CaseStatus.ACCEPTED, CaseStatus.READY, CaseStatus.REFUSED]
        )
        case = models.Case(
            case_no=f"{site}-{n:06d}", site_code=site, desk_no=desk_no, clerk=clerk, bundle_code=code,
            guide_version_id=version, status=status.value, outcome=outcome.value, applicant_kind="person",
            applicant_name="某某", applicant_id_no="152201199101010011", received_on=day, accepted_on=accepted_on,
        )  # fmt: skip
        session.add(case)
        session.flush()
        materials = []
        if outcome is Outcome.DEFER:
            for m in range(rng.randrange(1, 4)):
                due = day + dt.timedelta(days=rng.randrange(3, 30))
                arrived = rng.choice([None, due - dt.timedelta(days=1), due, due + dt.timedelta(days=2)])
                materials.append((due, arrived))
                session.add(
                    models.CaseMaterial(
                        case_id=case.id, material_code=f"M{m}", name="材料", necessity="required",
                        receipt="deferred", due_on=due, arrived_on=arrived,
                    )
                )  # fmt: skip
            session.add(models.CaseMaterial(case_id=case.id, material_code="M9", name="材料", necessity="required",
                                            receipt="received", arrived_on=day))  # fmt: skip
        decided = _decisions(session, rng, case) if accepted_on is not None else 0
        if accepted_on is not None and status is not CaseStatus.VOIDED:
            expected.accepted.append((accepted_on, site, desk_no, clerk, code, version, decided))
        fact = _serve(session, rng, case, expected, name)
        if outcome is Outcome.DEFER:  # counted on the service's line: the desk that sent it to the pad
            live = status not in (CaseStatus.WITHDRAWN, CaseStatus.VOIDED)
            overdue = live and deferral_overdue(materials, TODAY)
            expected.deferrals.append((day, site, fact.desk_no, fact.clerk, code, overdue))
        expected.services.append(fact)
        expected.outcomes.append((fact, outcome, status))
    session.flush()
    return expected


def _decisions(session: Session, rng: random.Random, case: models.Case) -> int:
    """A few items decided, some on the day the case was taken (early and late on the office's clock), some later;
    how many on the day."""
    on_the_day = 0
    for n in range(rng.randrange(4)):
        later = rng.choice([0, 0, 1, 3])
        moment = dt.datetime.combine(case.received_on + dt.timedelta(days=later), rng.choice([dt.time(0, 5),
                                     dt.time(10), dt.time(23, 55)])).astimezone()  # fmt: skip
        event = rng.choice([CaseEvent.ITEM_APPROVED, CaseEvent.ITEM_DENIED])
        session.add(models.CaseHistory(case_id=case.id, at=moment.astimezone(dt.UTC), clerk="乌兰", desk_no="8",
                                       event=event.value, status_after=case.status, note=f"I{n}："))  # fmt: skip
        on_the_day += later == 0
    session.add(models.CaseHistory(case_id=case.id, at=dt.datetime.combine(case.received_on, dt.time(2)), clerk="乌兰",
                                   desk_no="8", event=CaseEvent.TAKEN.value, status_after=case.status))  # fmt: skip
    return on_the_day


def _serve(session: Session, rng: random.Random, case: models.Case, expected: Expected, name: str) -> ServiceFact:
    """The pad's side of one service, written by the rating store as the desks write it: nothing, a pending request,
    a lapse, or a rating (and what followed it)."""
    kind = rng.choice(["not_sent", "pending", "unrated", "rated", "rated", "rated", "rated"])
    if kind == "not_sent":
        return ServiceFact(case.received_on, case.desk_no, case.clerk, case.bundle_code, name, None, None,
                           site_code=case.site_code)  # fmt: skip
    desk_no, clerk = (rng.choice(DESKS), rng.choice(CLERKS)) if rng.random() < 0.2 else (case.desk_no, case.clerk)
    at = dt.datetime.combine(case.received_on, dt.time(9), tzinfo=dt.UTC)
    request_id = add_request(session, case.id, 1, at, case.site_code, desk_no, clerk)
    status, level, excluded, state, appealing = DeskStatus.PENDING, None, False, None, False
    if kind == "unrated":
        add_lapse(session, request_id, at + dt.timedelta(hours=1))
        status = DeskStatus.UNRATED
    elif kind == "rated":
        status = DeskStatus.RATED
        level = rng.choice([*Level, Level.DISSATISFIED, Level.VERY_DISSATISFIED])
        excluded, state, appealing = _rate(session, rng, case, (request_id, 1, desk_no, clerk), level, expected)
        if rng.random() < 0.1:  # a follow-up round: kept, never counted in place of the first
            follow_up = add_request(session, case.id, 2, at, case.site_code, desk_no, clerk)
            _rate(session, rng, case, (follow_up, 2, desk_no, clerk), rng.choice(list(Level)), expected)
    return ServiceFact(case.received_on, desk_no, clerk, case.bundle_code, name, status, level, excluded, state,
                       case.site_code, appealing)  # fmt: skip


def _rate(
    session: Session,
    rng: random.Random,
    case: models.Case,
    request: tuple[int, int, str, str],
    level: Level,
    expected: Expected,
) -> tuple[bool, RectState | None, bool]:
    """A rating of ``request`` (id, round, desk, clerk); an appeal now and then; a rectification with a random
    history when it is bad."""
    request_id, round_, desk_no, clerk = request
    rated_on = case.received_on + dt.timedelta(days=rng.choice([0, 0, 1]))
    at = dt.datetime.combine(rated_on, dt.time(10), tzinfo=dt.UTC)
    rating_id = add_rating(session, {
        "request_id": request_id, "level": level.value, "channel": "hall_tablet", "rated_at": at, "reasons": [],
        "rated_on": rated_on, "round": round_, "case_no": case.case_no, "item_code": case.bundle_code,
        "item_name": "事项", "department": "部门", "clerk": clerk, "desk_no": desk_no, "site_code": case.site_code,
        "region": "152201", "rater_name": "某某", "rater_id_no": "152201199101010011", "rater_kind": "person",
    })  # fmt: skip
    excluded = False
    decisions = rng.choice([0, 0, 0, 1, 2])
    for _ in range(decisions):
        upheld = rng.random() < 0.5 and not excluded
        excluded = excluded or upheld
        add_appeal(session, rating_id, at, "负责人", AppealGround.MISTAKEN, upheld, "评价对象有误，复核属实")
    if not is_bad(level):
        return excluded, None, False
    due_on = rated_on + dt.timedelta(days=7)
    rect_id = add_rectification(session, rating_id, at, rated_on, "7 calendar_day", due_on, False)
    lines = _walk(rng, expected.filing)
    for event, after, fix_due in lines:
        add_rectification_line(session, rect_id, at, "负责人", event, after, "记录", fix_due)
    state = lines[-1][1]  # the newest line holds the state
    fixes = [f for _, _, f in lines if f is not None]
    where = (rated_on, case.site_code, desk_no, clerk, case.bundle_code)
    expected.rectifications.append((where, (due_on, state, max(fixes) if fixes else None)))
    # 申诉中: the random walk filed an appeal (a line of the rectification) and nobody has decided one
    appealing = any(event is RectEvent.APPEALED for event, _, _ in lines) and not decisions
    return excluded, state, appealing


def _part(grouping: Grouping, day: dt.date, site: str, desk_no: str, clerk: str, bundle: str) -> tuple[str, ...]:
    return {
        Grouping.DAY: (day.isoformat(),),
        Grouping.DESK: (site, desk_no),
        Grouping.CLERK: (clerk,),
        Grouping.BUNDLE: (bundle,),
        Grouping.SITE: (site,),
    }[grouping]


def expected_lines(session: Session, facts: Expected, grouping: Grouping) -> tuple[PeriodLine, ...]:
    """The lines and the total as the domain computes them from the plain facts."""
    names = {row.code: row.name for row in session.execute(select(models.Bundle.code, models.Bundle.name))}

    def key(part: tuple[str, ...]) -> tuple[str, str]:
        return line_key(grouping, part, names.get(part[0], ""))

    def within(day: dt.date) -> bool:
        return FIRST <= day <= LAST

    served = [f for f in facts.services if within(f.day)]
    # figures_by gives its lines in the order of their keys: the keys, sorted, name them
    ratings = dict(
        zip(sorted({key(fact_part(f, grouping)) for f in served}), figures_by(served, grouping), strict=True)
    )
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 6)
    order = [Outcome.ACCEPT, Outcome.DEFER, Outcome.CORRECT, Outcome.REFUSE]
    for fact, outcome, status in facts.outcomes:
        if within(fact.day):  # a 申请事项告知书 the applicant withdrew after is no 不予受理: counted apart
            withdrawn = outcome is Outcome.REFUSE and status is CaseStatus.WITHDRAWN
            counts[key(fact_part(fact, grouping))][4 if withdrawn else order.index(outcome)] += 1
    for day, site, desk_no, clerk, bundle, overdue in facts.deferrals:
        if within(day) and overdue:
            counts[key(_part(grouping, day, site, desk_no, clerk, bundle))][5] += 1
    rects: dict[tuple[str, str], list[tuple[dt.date, RectState, dt.date | None]]] = defaultdict(list)
    for (day, site, desk_no, clerk, bundle), rect in facts.rectifications:
        if within(day):
            rects[key(_part(grouping, day, site, desk_no, clerk, bundle))].append(rect)
    versions = {}
    for *_, version, _decided in facts.accepted:
        stored = guide_version(session, version)
        assert stored is not None
        versions[version] = bundle_facts(stored.bundle)
    parts = [
        (_part(grouping, day, site, desk_no, clerk, bundle), version, decided)
        for day, site, desk_no, clerk, bundle, version, decided in facts.accepted
        if within(day)
    ]
    promise_lines, promise_total = promise_figures(
        VersionCount((key(part)[0],), key(part)[1], versions[version], 1, decided) for part, version, decided in parts
    )
    promises = {(p.key[0], p.label): p for p in promise_lines}
    lines = [
        PeriodLine(
            sort_key, label, ratings.get((sort_key, label), Figures(label)), CaseCounts(*counts[(sort_key, label)]),
            promises.get((sort_key, label)) or PromiseFigures((sort_key,), label),
            rect_counts(rects[(sort_key, label)], TODAY),
        )
        for sort_key, label in sorted(ratings.keys() | rects.keys() | promises.keys())
    ]  # fmt: skip
    return (*lines, total_line(lines, promise_total))


@pytest.mark.parametrize("grouping", list(Grouping))
def test_the_database_counts_what_the_domain_defines(sessions: sessionmaker[Session], grouping: Grouping) -> None:
    """Through the rating store's writers, each keeping its case's standing."""
    with sessions.begin() as session:
        facts = fill(session, random.Random(20), 400, filing=True)
    with sessions() as session:
        figures: PeriodFigures = period_figures(session, FIRST, LAST, grouping, TODAY, desk=DESK)
        expected = expected_lines(session, facts, grouping)
    assert len(expected) > 3
    total = expected[-1]  # the dataset has every kind of count
    assert total.ratings.bad
    assert total.ratings.excluded
    assert total.ratings.rectified
    assert total.cases.overdue_deferrals
    assert total.cases.withdrawn
    assert total.rectifications.overdue
    assert total.promise.item_cases
    assert (*figures.lines, figures.total) == expected
