"""No collisions under load: twenty machines of a hall take intakes at once on one PostgreSQL database, and five
desks at once on one SQLite file (a township's desks sharing its file), where they wait for the file's one write
lock instead of failing (``counter.db.engine``: a writing transaction begins immediate).

Each machine is an OS process of its own (``tests/db/hall_worker.py``), and
four machines share each desk number — two computers configured alike — so the
atomic per-desk counters of case and notice numbers are really contended, not
merely used side by side.  Every machine takes 40 intakes, each with its
receipt, and reports the numbers it was given; the database must hold exactly
those, each once, each case whole.  Forty are enough: the twenty machines start
together and their 800 intakes overlap from the first to the last (the start
of twenty interpreters is a large part of the run); more intakes make the run
longer without making the contention any harder (``benchmarks/bench_hall.py``
measures latency and throughput).

The receipts are made by ``make_document`` as at the desk — number, record,
audit entry — without drawing the PDF (``--no-pdf``): 800 drawings would
triple the run time and prove nothing about numbers; the renderer is tested in
``tests/documents``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from counter.actions.site.demo import DEMO_BUNDLE, complete_checklist, fresh_checklist
from counter.case.numbers import CASE_NO, DeskIdentity
from counter.db import models
from counter.db.catalog_store import current_guide
from counter.db.engine import make_engine, make_sessions
from counter.documents.kinds import DocumentKind
from tests.conftest import made_database
from tests.db.hall_worker import HallRun, run_hall
from tests.pg_server import CATALOG, FreshDatabases, import_shipped_catalog

MACHINES = 20
DESK_NUMBERS = 5  # four machines on each desk number
INTAKES = 40
SQLITE_MACHINES = 5
SQLITE_DESK_NUMBERS = 3  # machines 1 and 4, 2 and 5 share a desk number
DOC_SEQUENCE = re.compile(r"-S-(?P<desk>\d{2})(?P<seq>\d{4})$")


@pytest.mark.slow
def test_no_collisions_when_twenty_machines_take_intakes_at_once(fresh_pg: FreshDatabases) -> None:
    url = fresh_pg.url(CATALOG)
    desks = [DeskIdentity("XAM01", str(1 + n % DESK_NUMBERS)) for n in range(MACHINES)]
    run = run_hall(url, desks, INTAKES, pdf=False)
    _check_hall(fresh_pg.open(url), desks, run)


@pytest.mark.slow
def test_five_desks_on_one_sqlite_file_wait_for_each_other(tmp_path: Path) -> None:
    url = made_database(tmp_path / "township.sqlite3")
    engine = make_engine(url)
    try:
        import_shipped_catalog(make_sessions(engine))
        desks = [DeskIdentity("XAM01", str(1 + n % SQLITE_DESK_NUMBERS)) for n in range(SQLITE_MACHINES)]
        run = run_hall(url, desks, INTAKES, pdf=False)
        _check_hall(make_sessions(engine), desks, run)
    finally:
        engine.dispose()


def _check_hall(sessions: sessionmaker[Session], desks: Sequence[DeskIdentity], run: HallRun) -> None:
    """Every machine got all its numbers, each once, each case whole, and each desk's numbers run without a gap."""
    machines = len(desks)
    assert [error for report in run.reports for error in report.errors] == []  # no desk was refused, none failed
    reported_cases = [no for report in run.reports for no in report.cases]
    reported_docs = [no for report in run.reports for no in report.documents]
    assert [len(r.cases) for r in run.reports] == [INTAKES] * machines
    assert [len(r.documents) for r in run.reports] == [INTAKES] * machines
    assert len(set(reported_cases)) == machines * INTAKES  # no machine was given another's number
    assert len(set(reported_docs)) == machines * INTAKES

    with sessions() as session:
        stored = current_guide(session, DEMO_BUNDLE)
        assert stored is not None
        lines = len(complete_checklist(stored.bundle, fresh_checklist(stored)).entries)
        case, doc, material, history = models.Case, models.DocumentRecord, models.CaseMaterial, models.CaseHistory
        stored_cases = list(session.scalars(select(case.case_no)))
        receipts = session.execute(
            select(case.case_no, doc.doc_no)
            .join(doc, doc.case_id == case.id)
            .where(doc.kind == DocumentKind.RECEIPT.value)
        ).all()
        line_counts = Counter(
            session.scalars(select(func.count(material.id)).select_from(case).outerjoin(material).group_by(case.id))
        )
        first = select(history.case_id, func.min(history.id).label("first")).group_by(history.case_id).subquery()
        h = aliased(history)
        first_events = Counter(session.scalars(select(h.event).join(first, first.c.first == h.id)))

    # every reported number is in the database exactly once, and nothing else is
    assert len(stored_cases) == machines * INTAKES
    assert Counter(stored_cases) == Counter(reported_cases)
    assert Counter(no for _, no in receipts) == Counter(reported_docs)
    # each receipt belongs to the case its machine made it for
    reported_pairs = {pair for r in run.reports for pair in zip(r.cases, r.documents, strict=True)}
    assert {(c, d) for c, d in receipts} == reported_pairs
    # every case whole: all its checklist lines and its first history line
    assert line_counts == Counter({lines: machines * INTAKES})
    assert first_events == Counter({"taken": machines * INTAKES})
    # each desk's numbers run from 1 without a gap: the machines of a desk shared one counter
    per_desk_cases: defaultdict[str, list[int]] = defaultdict(list)
    for number in reported_cases:
        match = CASE_NO.match(number)
        assert match is not None
        per_desk_cases[match["desk"]].append(int(match["seq"]))
    per_desk_docs: defaultdict[str, list[int]] = defaultdict(list)
    for number in reported_docs:
        found = DOC_SEQUENCE.search(number)
        assert found is not None
        per_desk_docs[found["desk"]].append(int(found["seq"]))
    shared = Counter(f"{int(desk.desk_no):02d}" for desk in desks)
    expected = {desk: list(range(1, n * INTAKES + 1)) for desk, n in shared.items()}
    assert {desk: sorted(seqs) for desk, seqs in per_desk_cases.items()} == expected
    assert {desk: sorted(seqs) for desk, seqs in per_desk_docs.items()} == expected
