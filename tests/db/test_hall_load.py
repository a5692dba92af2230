"""No collisions under load: twenty machines of a hall take intakes at once on one PostgreSQL database.

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

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from counter.actions.demo import DEMO_BUNDLE, complete_checklist, fresh_checklist
from counter.case.numbers import CASE_NO, DeskIdentity
from counter.db import models
from counter.db.catalog_store import current_guide
from counter.documents.kinds import DocumentKind
from tests.db.hall_worker import run_hall
from tests.pg_server import CATALOG, FreshDatabases

MACHINES = 20
DESK_NUMBERS = 5  # four machines on each desk number
INTAKES = 40
DOC_SEQUENCE = re.compile(r"-S-(?P<desk>\d{2})(?P<seq>\d{4})$")


@pytest.mark.slow
def test_no_collisions_when_twenty_machines_take_intakes_at_once(fresh_pg: FreshDatabases) -> None:
    url = fresh_pg.url(CATALOG)
    desks = [DeskIdentity("XAM01", str(1 + n % DESK_NUMBERS)) for n in range(MACHINES)]
    run = run_hall(url, desks, INTAKES, pdf=False)

    reported_cases = [no for report in run.reports for no in report.cases]
    reported_docs = [no for report in run.reports for no in report.documents]
    assert [len(r.cases) for r in run.reports] == [INTAKES] * MACHINES
    assert [len(r.documents) for r in run.reports] == [INTAKES] * MACHINES
    assert len(set(reported_cases)) == MACHINES * INTAKES  # no machine was given another's number
    assert len(set(reported_docs)) == MACHINES * INTAKES

    with fresh_pg.open(url)() as session:
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
    assert len(stored_cases) == MACHINES * INTAKES
    assert Counter(stored_cases) == Counter(reported_cases)
    assert Counter(no for _, no in receipts) == Counter(reported_docs)
    # each receipt belongs to the case its machine made it for
    reported_pairs = {pair for r in run.reports for pair in zip(r.cases, r.documents, strict=True)}
    assert {(c, d) for c, d in receipts} == reported_pairs
    # every case whole: all its checklist lines and its first history line
    assert line_counts == Counter({lines: MACHINES * INTAKES})
    assert first_events == Counter({"taken": MACHINES * INTAKES})
    # each desk's numbers run 1…160 without a gap: the four machines of a desk shared one counter
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
    shared = MACHINES // DESK_NUMBERS * INTAKES
    expected = {f"{d:02d}": list(range(1, shared + 1)) for d in range(1, DESK_NUMBERS + 1)}
    assert {desk: sorted(seqs) for desk, seqs in per_desk_cases.items()} == expected
    assert {desk: sorted(seqs) for desk, seqs in per_desk_docs.items()} == expected
