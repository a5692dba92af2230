"""One desk machine of a hall under load: takes intakes (and their receipts) and reports the numbers it got.

Runs as a process of its own, as a desk does::

    python -m tests.db.hall_worker URL SITE DESK CLERK COUNT MACHINE [--no-receipts] [--no-pdf] [--pause MS]

It opens the database as a desk does, through the desk's own :class:`~counter.actions.site.store.Store` (the same
engine, the desk's connection settings: its bounds on PostgreSQL, its checks at opening, its numbers' guard), so that
a load measured here is the load of desks and not of a leaner connection; every intake is committed through
``Store.write`` as the intake panel commits it.  It loads the guide of 我要开小餐馆 and prints ``ready``; then it waits
for a line on stdin, so that every desk of the hall starts at the same moment
and the per-desk counters are really contended.  Each intake is one transaction
(timed: the commit latency a clerk waits for); its receipt is made in the
transaction after it, as the window prints once the case is stored.  At the end
it prints one JSON line: the case numbers, the document numbers, the
latencies in milliseconds, and what the database refused (``database is
locked``, a serialization failure): such an intake is counted and left, as a
clerk would see it fail, and the desk goes on with the next.

``--no-pdf`` makes each receipt as ever — its number, its record, its audit
entry — but leaves out drawing the PDF: a load test of numbers would otherwise
spend two thirds of its time in the renderer, which has tests of its own.

``--pause MS`` lets the clerk talk to the next applicant between two intakes
(a random pause up to twice MS, the same series on every run): a desk that is
not flat out, as at a real window.

``MACHINE`` makes the applicants' ID numbers differ between machines; two
machines may well share a desk number (configured alike by mistake, or a
desk's second computer), which is exactly what the counters must survive.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import IO

from counter.access.desk import Desk
from counter.actions.cases.documents import make_document
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import DEMO_BUNDLE, complete_checklist, fresh_checklist
from counter.actions.site.store import Store
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.db.catalog_store import current_guide
from counter.documents.kinds import DocumentKind
from counter.host.database.database_faults import StoreFault
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number

TODAY = dt.date(2026, 11, 20)  # a Friday
ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass(frozen=True, slots=True)
class DeskReport:
    cases: list[str]
    documents: list[str]
    commit_ms: list[float]
    errors: list[str] = field(default_factory=list)  # what the database refused, one line per intake it refused


def applicant(machine: int, n: int) -> Parties:
    """A different person for every intake of every machine (the party table is upserted by ID number)."""
    birth = dt.date(1960, 1, 1) + dt.timedelta(days=machine * 40 + n // 1000)
    id_no = make_id_number("152201", birth, n % 1000)
    return Parties(Applicant(ApplicantKind.PERSON, "测试申请人", id_no, "13900000000"))


def leave_out_pdf() -> None:
    """Receipts without their drawing (see ``--no-pdf``); everything the database sees is unchanged."""
    from counter.actions.cases import documents

    assert callable(getattr(documents, "rendered", None)), "the receipt renderer moved: update this worker"
    documents.rendered = _no_drawing


def _no_drawing(data: object) -> tuple[bytes, str]:
    pdf = b"%PDF-1.4 (not drawn)"
    return pdf, hashlib.sha256(pdf).hexdigest()


def run_desk(url: str, desk: Desk, count: int, machine: int, receipts: bool, pause_ms: float = 0) -> DeskReport:
    store = Store(url)  # as the window opens it: counter.ui.start.app
    stored = store.read(lambda unit: current_guide(unit, DEMO_BUNDLE))
    assert stored is not None, f"{DEMO_BUNDLE} is not in the database"
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    print("ready", flush=True)
    sys.stdin.readline()  # every machine of the hall starts at once
    cases: list[str] = []
    documents: list[str] = []
    latencies: list[float] = []
    errors: list[str] = []
    pauses = random.Random(machine)
    try:
        for n in range(count):
            if pause_ms:
                time.sleep(pauses.uniform(0, 2 * pause_ms) / 1000)
            request = IntakeRequest(checklist, applicant(machine, n))
            start = time.perf_counter()
            try:
                # as the panel commits it (counter.ui.intake.panel); the office calendar read with its reads
                taken = store.write(partial(take_intake, desk=desk, request=request, today=TODAY))
                latencies.append((time.perf_counter() - start) * 1000)
                cases.append(taken.case_no)
                if receipts:
                    receipt = partial(make_document, desk=desk, case_no=taken.case_no, today=TODAY)
                    made = store.write(partial(receipt, kind=DocumentKind.RECEIPT))
                    documents.append(made.doc_no)
            except StoreFault as err:  # what the database refused, as the window receives it
                errors.append(f"{err.error}: {err.detail.splitlines()[0] if err.detail else err.fault.value}")
    finally:
        store.dispose()
    return DeskReport(cases, documents, latencies, errors)


@dataclass(frozen=True, slots=True)
class HallRun:
    reports: list[DeskReport]  # one per machine, in the order given
    seconds: float  # from the common start to the last machine's report


def run_hall(
    url: str,
    desks: Sequence[DeskIdentity],
    count: int,
    receipts: bool = True,
    pdf: bool = True,
    pause_ms: float = 0,
    states: Path | None = None,
) -> HallRun:
    """One process per machine (``desks`` may repeat a desk), all started at once; their reports.

    ``states``: each machine keeps its notes of the numbers it issued in a folder of its own below it, as a computer
    of its own does; without it they share this process's, as the processes of one computer do (desks that share a
    number must: a computer whose desk has issued numbers elsewhere has no note of them, and refuses to number).
    """
    flags = ([] if receipts else ["--no-receipts"]) + ([] if pdf else ["--no-pdf"]) + ["--pause", str(pause_ms)]
    worker = [sys.executable, "-m", "tests.db.hall_worker", url]
    commands = [
        [*worker, desk.site_code, desk.desk_no, f"窗口{desk.desk_no}", str(count), str(n), *flags]
        for n, desk in enumerate(desks)
    ]
    envs = None
    if states is not None:
        envs = [{**os.environ, "COUNTER_STATE": str(states / f"machine-{n}")} for n in range(len(desks))]
    return run_machines(commands, envs)


def run_machines(commands: Sequence[Sequence[str]], envs: Sequence[dict[str, str]] | None = None) -> HallRun:
    """Start one process per command (with its environment in ``envs``, else this one's); once every one has said
    ``ready``, let them all go at once; their reports (the last line each prints, a :class:`DeskReport`)."""
    with contextlib.ExitStack() as stack:
        machines: list[subprocess.Popen[str]] = []
        logs: list[IO[str]] = []
        stack.callback(_stop, machines)
        for n, command in enumerate(commands):
            logs.append(stack.enter_context(tempfile.TemporaryFile("w+")))
            env = None if envs is None else envs[n]
            machines.append(
                subprocess.Popen(
                    command,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=logs[-1],
                    text=True,
                    cwd=ROOT,
                    env=env,
                )
            )
        for machine, log in zip(machines, logs, strict=True):
            assert machine.stdout is not None
            if machine.stdout.readline().strip() != "ready":
                raise RuntimeError(f"a desk did not start:\n{_read(machine, log)}")
        start = time.perf_counter()
        for machine in machines:
            assert machine.stdin is not None
            machine.stdin.write("go\n")
            machine.stdin.flush()
        outputs = [machine.communicate()[0] for machine in machines]
        seconds = time.perf_counter() - start
        for machine, log in zip(machines, logs, strict=True):
            if machine.returncode != 0:
                raise RuntimeError(f"a desk failed:\n{_read(machine, log)}")
        return HallRun([DeskReport(**json.loads(out.splitlines()[-1])) for out in outputs], seconds)


def _stop(machines: list[subprocess.Popen[str]]) -> None:
    """Whatever went wrong, no desk process outlives the run."""
    for machine in machines:
        if machine.poll() is None:
            machine.kill()
            machine.wait()


def _read(machine: subprocess.Popen[str], log: IO[str]) -> str:
    machine.wait()
    log.seek(0)
    return log.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("site")
    parser.add_argument("desk_no")
    parser.add_argument("clerk")
    parser.add_argument("count", type=int)
    parser.add_argument("machine", type=int)
    parser.add_argument("--no-receipts", dest="receipts", action="store_false")
    parser.add_argument("--no-pdf", dest="pdf", action="store_false")
    parser.add_argument("--pause", type=float, default=0.0, metavar="MS")
    args = parser.parse_args()
    if not args.pdf:
        leave_out_pdf()
    desk = Desk(DeskIdentity(args.site, args.desk_no), args.clerk)
    report = run_desk(args.url, desk, args.count, args.machine, args.receipts, args.pause)
    print(json.dumps(asdict(report)), flush=True)


if __name__ == "__main__":
    main()
