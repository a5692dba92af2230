"""A database of real cases for the case windows' tests and pictures.

The shipped catalog is imported and ``counter demo``'s intakes are taken on
2026-11-20 at desk 1; then a few cases the demo does not leave behind: two
deferrals still awaiting their materials (one of 2026-11-18 at desk 1, due
2026-11-23; one of 2026-11-20 at desk 2, due 2026-11-25) and a correction
notice not yet answered (desk 2).  Every intake goes through
:func:`counter.actions.intake.take.take_intake`, as at the desk.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.decisions import decide_item
from counter.actions.catalog.imports import import_source
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import DEMO_BUNDLE, complete_checklist, run_demo
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.catalog.model import Necessity, TimeLimit, TimeUnit
from counter.db.catalog_store import current_guide
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from counter.intake.checklist import Receipt, ReceivedMedium, record, start_checklist
from counter.intake.outcome import DeferralRequest
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.intake.policies import DeferralPolicy
from counter.parties.identifiers import make_id_number
from tests.entrusted import ENTERED, RESTAURANT_ITEMS, entrust_in
from tests.signed_in import signed_in

REPO = Path(__file__).resolve().parents[3]
DAY = dt.date(2026, 11, 20)
EARLIER = dt.date(2026, 11, 18)
DESK_1 = Desk(DeskIdentity("XAM01", "1"), "张晓燕")
DESK_2 = Desk(DeskIdentity("XAM01", "2"), "包金花")
SUPERVISOR = Desk(DeskIdentity("XAM01", "1"), "其其格（科长）")
LAPSE_REASON = "申请人未说明逾期的正当理由。"  # the demo's lapse's
NO_MARGIN = DeferralPolicy(TimeLimit(0, TimeUnit.WORKING_DAY))


@dataclass(frozen=True, slots=True)
class Casebook:
    accepted: str  # demo: 受理
    fulfilled: str  # demo: 容缺受理, materials handed in the same day → 审批中
    resubmitted: str  # demo: 补正, answered by ``later``
    refused: str  # demo: 不予受理
    later: str  # demo: accepted after the correction
    denied: str  # demo: 容缺受理 not completed in time → 食品经营许可 不予批准, the other items in approval
    awaiting: str  # 2026-11-20, desk 2, due 2026-11-25
    awaiting_earlier: str  # 2026-11-18, desk 1, due 2026-11-23
    correction: str  # 2026-11-20, desk 2, not answered yet
    bundle_code: str = DEMO_BUNDLE

    def demo_cases(self) -> tuple[str, ...]:
        return (self.accepted, self.fulfilled, self.resubmitted, self.refused, self.later, self.denied)


def _applicant(name: str, order: int) -> Parties:
    id_no = make_id_number("152201", dt.date(1975 + order % 20, 1 + order % 12, 1 + order % 27), order)
    return Parties(Applicant(ApplicantKind.PERSON, name, id_no, "13904820000", "兴安盟乌兰浩特市都林街道"))


def take_deferral(sessions: sessionmaker[Session], desk: Desk, day: dt.date, name: str, order: int) -> str:
    """A 容缺受理 of the demo bundle with every deferrable material missing."""
    with sessions.begin() as session:
        stored = current_guide(session, DEMO_BUNDLE)
        assert stored is not None
        bundle = stored.bundle
        answers = {s.code: s.options[0].code for s in bundle.situations if s.options}
        checklist = complete_checklist(bundle, start_checklist(bundle, answers, guide_version=stored.version_id))
        for material in bundle.materials_for(answers):
            if material.necessity is Necessity.DEFERRABLE:
                checklist = record(checklist, material.code, Receipt.MISSING)
        request = IntakeRequest(checklist, _applicant(name, order), deferral=DeferralRequest(True, True))
        # due on the promised day itself: these cases' deadlines are what the windows' tests read; the margin
        # a hall keeps before the promise is tested with the intake (tests/actions/test_correction_life.py)
        return take_intake(session, desk, request, day, office_calendar(session), deferral=NO_MARGIN).case_no


def take_correction(sessions: sessionmaker[Session], desk: Desk, day: dt.date, name: str, order: int) -> str:
    """A 补正 of the demo bundle: the first required material handed in with a defect."""
    with sessions.begin() as session:
        stored = current_guide(session, DEMO_BUNDLE)
        assert stored is not None
        bundle = stored.bundle
        answers = {s.code: s.options[0].code for s in bundle.situations if s.options}
        checklist = complete_checklist(bundle, start_checklist(bundle, answers, guide_version=stored.version_id))
        first = next(m for m in bundle.materials_for(answers) if m.necessity is Necessity.REQUIRED)
        checklist = record(
            checklist,
            first.code,
            Receipt.DEFECTIVE,
            originals=1,
            medium=ReceivedMedium.PAPER,
            defect_note="申请书未签字",
        )
        return take_intake(
            session, desk, IntakeRequest(checklist, _applicant(name, order)), day, office_calendar(session)
        ).case_no


def build(path: Path, catalog: Path | None = None) -> Casebook:
    """Write the database at ``path`` and say which case is which.

    ``catalog`` is a migrated file with the shipped catalog imported (the run's, in the tests), copied to ``path`` to
    start from; without it, ``path`` is migrated and the catalog imported here.
    """
    if catalog is not None:
        shutil.copyfile(catalog, path)
    engine = make_engine(f"sqlite:///{path}")
    try:
        sessions = make_sessions(engine)
        if catalog is None:
            upgrade(engine)
            outcome = import_source(sessions, REPO / "counter" / "resources" / "catalog")
            assert not outcome.problems, outcome.problems
        demo = {c.label: c.case_no for c in run_demo(sessions, DESK_1, DAY)}
        book = Casebook(
            accepted=demo["受理"],
            fulfilled=demo["容缺材料补齐"],
            resubmitted=demo["补正（委托代理人办理）"],
            refused=demo["撤回申请"],
            later=demo["补正后重新提交并受理"],
            denied=demo["容缺逾期：逾期事实已记录，转实施部门决定"],
            awaiting=take_deferral(sessions, DESK_2, DAY, "乌云其木格", 51),
            awaiting_earlier=take_deferral(sessions, DESK_1, EARLIER, "陈建国", 63),
            correction=take_correction(sessions, DESK_2, DAY, "孙丽娟", 75),
        )
        # the restaurant's departments entrusted the window in writing: its pages decide their items, "由××代为录入"
        # (a page whose window may not: tests/ui/cases/test_authority_page.py takes the 授权 back)
        entrust_in(sessions, DESK_1, *RESTAURANT_ITEMS)
        with engine.begin() as connection:
            connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    finally:
        engine.dispose()
    return book


def deny_the_lapsed_licence(sessions: sessionmaker[Session], book: Casebook) -> Desk:
    """The 容缺 lapse of ``book.denied`` recorded the fact and left 食品经营许可 to 市监局; its 不予批准, recorded at
    the window under the department's 授权 (the casebook's), by the supervisor signed in: the desk it returns."""
    supervisor = signed_in(sessions, SUPERVISOR)
    with sessions.begin() as session:
        decide_item(
            session, supervisor, book.denied, RESTAURANT_ITEMS[1], approve=False, text=LAPSE_REASON, entered=ENTERED
        )
    return supervisor
