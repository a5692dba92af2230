"""Committing an intake, beside a bare driver writing the same rows with the same durability, on SQLite and PostgreSQL.

What the clerk waits for after pressing 受理: ``take_intake`` of a complete 我要开小餐馆 checklist in its own unit of
work, committed (the desk's counter, the case, its checklist lines, its first history line, the audit entry and its
chain head, the applicant remembered, the number noted outside the database), as the intake panel commits it through
``Store.write``: the office calendar read with the intake's own reads, the form's decision previewed first
(``Store.read``) and its parties checked, as the panel shows them while the clerk fills the form in and enables 受理
only then; timed from before the transaction to after the commit, the log line written inside it.

The floor, printed beside each figure for information, is the same transaction written by the bare driver
(``sqlite3``, ``psycopg``) on the same database with the same durability (``benchmarks/bare_desk.py``): SQLite in WAL
mode with ``synchronous=FULL``, PostgreSQL with ``fsync`` and ``synchronous_commit`` on.  The two take turns, intake by
intake, so that whatever else the machine does falls on both.  Budget: p95 at most 50 ms on SQLite (a desk); the hall's
PostgreSQL with twenty desks at once is ``benchmarks/bench_hall.py``'s.

    .venv/bin/python benchmarks/bench_intake.py [--intakes 300] [--smoke]
"""

from __future__ import annotations

import functools
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bare_desk import bare_desk, durable_postgres
from benchmarks.goals import Verdicts, arguments, percentile, summary

#: the commit's budget on a desk's SQLite file, p95 (ms); on a single PostgreSQL connection, for information
BUDGET_MS = 50.0
WARM_UP = 10  # the first intakes of each side prepare statements and fill caches: left out of the figures
FLOOR_DESK = "9"  # the floor's rows: a desk number the action never uses here
ACTION_DESK = "8"


def take_turns(
    ours: Callable[[int], Callable[[], object]], floor: Callable[[int], object], count: int
) -> tuple[list[float], list[float]]:
    """Each side ``count`` times, alternating (the floor first on odd rounds); the times after the warm-up.

    ``ours(n)`` gives the intake ready to commit: its request is made before the timing starts, as the panel makes
    it from the form before it opens the transaction, and as the floor's rows are made before its own.
    """
    mine: list[float] = []
    bare: list[float] = []
    for n in range(count + WARM_UP):
        sides: list[tuple[list[float], Callable[[], object]]] = [(mine, ours(n)), (bare, functools.partial(floor, n))]
        if n % 2:
            sides.reverse()
        for times, work in sides:
            start = time.perf_counter()
            work()
            times.append((time.perf_counter() - start) * 1000)
    return mine[WARM_UP:], bare[WARM_UP:]


def report(
    verdicts: Verdicts, where: str, mine: list[float], bare: list[float], notes: list[float], budget: bool
) -> None:
    print(f"{where}: intake {summary(mine)}")
    print(f"{where}: floor  {summary(bare)}")
    print(f"{where}: the floor's note alone (append, fdatasync) {summary(notes)}")
    p95, floor = percentile(mine, 0.95), percentile(bare, 0.95)
    if budget:
        verdicts.at_most(f"intake commit p95, {where}", p95, BUDGET_MS, floor=floor)
    else:
        verdicts.record(f"intake commit p95, {where}", p95, floor=floor)


def action_side(
    url: str, login: str = ""
) -> tuple[Callable[[int], Callable[[], object]], Callable[[], str], Callable[[], None]]:
    """``take_intake`` as the intake panel runs it, one unit of work per intake (``Store.write``), its request
    made first, by the clerk ``login`` signed in (a hall's desk: :func:`prepared` with accounts) or by the single desk
    of a database without accounts; the number of the last case taken; the end."""
    from counter.access.desk import Desk
    from counter.access.roles import SINGLE_DESK, Actor, Role
    from counter.actions.admin.calendar import office_calendar
    from counter.actions.intake.take import preview, take_intake
    from counter.actions.site.demo import DEMO_BUNDLE, complete_checklist, fresh_checklist
    from counter.actions.site.store import Store
    from counter.case.intake_request import IntakeRequest
    from counter.case.numbers import DeskIdentity
    from counter.db.catalog_store import current_guide
    from counter.host.machine.logs import setup_logging
    from counter.intake.parties import party_problems
    from tests.db.hall_worker import TODAY, applicant

    setup_logging()  # the desk's log file, as the window sets it up: each intake makes its line
    store = Store(url)
    stored = store.read(lambda session: current_guide(session, DEMO_BUNDLE))
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    clerk = Actor(login, "测试", frozenset({Role.CLERK})) if login else SINGLE_DESK
    desk = Desk(DeskIdentity("XAM01", ACTION_DESK), "测试", clerk)
    taken: list[str] = []

    def intake(n: int) -> Callable[[], None]:
        request = IntakeRequest(checklist, applicant(0, n), uid=uuid.uuid4().hex)
        # the panel's preview of the form, shown before 受理 can be pressed (``IntakePanel.refresh_decision``)
        store.read(lambda session: preview(session, request, TODAY, office_calendar(session)))
        # and its check of the parties, which enables 受理 (``IntakePanel.refresh_commit``)
        assert not party_problems(request.parties, TODAY)

        def commit() -> None:  # the office calendar read with the intake's reads, as the panel has it
            taken.append(store.write(lambda session: take_intake(session, desk, request, TODAY)).case_no)

        return commit

    return intake, lambda: taken[-1], store.dispose


CLERK = "clerk8"  # the account the action's desk signs in with


def prepared(url: str, accounts: bool = False) -> None:
    """A database at the current schema with the shipped catalog, as a desk's first start leaves it, and the year's
    holiday notice imported (:func:`office_year`); with ``accounts``, a hall's: an administrator, and the clerk who
    takes the intakes (:data:`CLERK`)."""
    from counter.actions.catalog.imports import import_source
    from counter.db.engine import make_engine, make_sessions
    from counter.db.migrate import upgrade
    from counter.resources import bundled_catalog_dir

    engine = make_engine(url)
    upgrade(engine)
    sessions = make_sessions(engine)
    outcome = import_source(sessions, bundled_catalog_dir())
    assert outcome.report is not None, outcome.problems
    engine.dispose()
    office_year(url)
    if accounts:
        add_accounts(url)


def office_year(url: str) -> None:
    """The next year's 国务院办公厅 holiday notice imported, as every office does when it is published: 34 days of
    its own that each deadline counts with, as a hall's desks have them (a database without would read none)."""
    from counter.access.desk import Desk
    from counter.actions.cases.holidays import import_schedule
    from counter.case.numbers import DeskIdentity
    from counter.db.engine import make_engine, make_sessions
    from tests.calendar.test_workdays import SAMPLE_NOTICE_2027

    engine = make_engine(url)
    setup = Desk(DeskIdentity("XAM01", "1"), "管理员")  # before any account, as add_accounts begins
    with make_sessions(engine).begin() as session:
        imported = import_schedule(session, SAMPLE_NOTICE_2027, 2027, "国办发明电〔2026〕样例", desk=setup)
        assert imported.ok, imported.problems
    engine.dispose()


def add_accounts(url: str) -> None:
    """A hall's accounts: an administrator, and the clerk who takes the intakes (:data:`CLERK`)."""
    from counter.access.account_views import NewAccount
    from counter.access.desk import Desk
    from counter.access.roles import Actor, Role
    from counter.actions.admin.accounts import add_account
    from counter.case.numbers import DeskIdentity
    from counter.db.engine import make_engine, make_sessions

    engine = make_engine(url)
    sessions = make_sessions(engine)
    setup = Desk(DeskIdentity("XAM01", "1"), "管理员")
    password = "Counter-2026-bench"
    for login, role in (("admin", Role.ADMIN), (CLERK, Role.CLERK)):
        with sessions.begin() as session:
            problems = add_account(session, setup, NewAccount(login, login, frozenset({role}), password))
            assert not problems, problems
        if role is Role.ADMIN:  # the next account is added by the administrator
            setup = Desk(setup.identity, "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))
    engine.dispose()


def compare(verdicts: Verdicts, where: str, url: str, count: int, budget: bool = True) -> None:
    ours, last, end = action_side(url, CLERK)
    try:
        ours(-1)()  # a case for the floor to copy
        floor, close, notes = bare_desk(url, last(), FLOOR_DESK, "F")
        try:
            mine, bare = take_turns(ours, floor, count)
        finally:
            close()
    finally:
        end()
    report(verdicts, where, mine, bare, notes[WARM_UP:], budget)


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--intakes", type=int, default=300, help="per side and database")
    args = parser.parse_args()
    count = 20 if args.smoke else args.intakes
    verdicts = Verdicts(smoke=args.smoke)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # the numbers noted outside the database (counter.host.notes.database_notes) go to this run's own state folder
        os.environ["COUNTER_HOME"] = str(folder / "home")
        os.environ["COUNTER_STATE"] = str(folder / "state")
        url = f"sqlite:///{folder / 'desk.sqlite3'}"
        prepared(url, accounts=True)
        print(f"{count} intakes per side, {os.cpu_count()} cores; interleaved")
        compare(verdicts, "SQLite WAL synchronous=FULL", url, count)
        with durable_postgres() as pg_url:
            office_year(pg_url)
            add_accounts(pg_url)
            compare(verdicts, "PostgreSQL fsync=on synchronous_commit=on", pg_url, count, budget=False)
    raise SystemExit(verdicts.finish())


if __name__ == "__main__":
    main()
