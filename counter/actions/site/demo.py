"""A training run without a screen: sample intakes of every outcome.

Used by ``counter demo`` to show a new clerk (and a reviewer) what each outcome
produces, and by tests as a realistic end-to-end path.  It takes the intakes
through the same actions as the window, so what it prints is what the desk does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.site import stored_site
from counter.actions.cases.decisions import deny_lapsed_deferral
from counter.actions.intake.take import fulfil_deferred, take_intake
from counter.calendar.provisional import unsettled
from counter.case.decisions import lapse_day as lapse_day_after
from counter.case.demo_cases import DemoCase, DemoUnavailable
from counter.case.intake_request import IntakeRequest
from counter.case.view import CaseView
from counter.catalog.departments import PLACE
from counter.catalog.model import Bundle, Medium, Necessity
from counter.catalog.stored_guide import StoredGuide
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.intake.checklist import Checklist, Receipt, ReceivedMedium, record, start_checklist
from counter.intake.outcome import DeferralRequest, Refusal, RefusalGround
from counter.intake.parties import Agent, Applicant, ApplicantKind, Delivery, Parties
from counter.intake.turn_to import turn_to_text
from counter.parties.identifiers import make_id_number
from counter.sync.sites import SiteKind

DEMO_BUNDLE = "XAM-YJS-008"  # 我要开小餐馆（50平方米以下）


def complete_checklist(bundle: Bundle, checklist: Checklist) -> Checklist:
    """Every applicable material handed in as the guide asks (shared ones confirmed): a sample, and test data.

    What the case's own items produce (the 营业执照 of a bundle that registers the business) does not exist yet
    at intake: it is neither handed in nor fetched, and stays as the checklist began it.
    """
    answers = checklist.answers_dict()
    for material in bundle.materials_for(answers):
        if bundle.producers(material, answers):
            continue
        if material.shared:
            checklist = record(checklist, material.code, Receipt.SHARED_CONFIRMED)
            continue
        medium = ReceivedMedium.ELECTRONIC if material.medium is Medium.ELECTRONIC else ReceivedMedium.PAPER
        checklist = record(
            checklist,
            material.code,
            Receipt.RECEIVED,
            originals=material.originals,
            copies=material.copies,
            medium=medium,
        )
    return checklist


def _first_answers(bundle: Bundle) -> dict[str, str]:
    return {s.code: s.options[0].code for s in bundle.situations if s.options}


def _person(name: str, order: int, phone: str) -> Applicant:
    id_no = make_id_number("152201", dt.date(1980 + order % 20, 1 + order % 12, 1 + order % 27), order)
    return Applicant(ApplicantKind.PERSON, name, id_no, phone, "兴安盟乌兰浩特市和平街道民主路18号")


def demo_day(session: Session, today: dt.date) -> dt.date:
    """The day the demo's acts are dated: ``today``, or the next working day when it is a day off — an intake, a
    notice and a 不予批准决定 are the office's acts of a day it works, never of 除夕."""
    return office_calendar(session).add_working_days(today, 0).date


def run_demo(sessions: sessionmaker[Session], desk: Desk, today: dt.date) -> list[DemoCase]:
    """The sample intakes, taken on :func:`demo_day` of ``today`` (each case's ``on`` says which day)."""
    with sessions() as session:
        stored = current_guide(session, DEMO_BUNDLE)
        today = demo_day(session, today)
    if stored is None or not stored.bundle.published:
        raise DemoUnavailable(DEMO_BUNDLE)
    bundle = stored.bundle
    made: list[DemoCase] = []

    def take(label: str, request: IntakeRequest) -> str:
        with sessions.begin() as session:
            taken = take_intake(session, desk, request, today, office_calendar(session))
        with sessions() as session:
            view = case_view(session, taken.case_no)
        assert view is not None
        made.append(DemoCase(label, taken.case_no, view.status, on=today))
        return taken.case_no

    base = fresh_checklist(stored)
    full = complete_checklist(bundle, base)
    take("受理", IntakeRequest(full, Parties(_person("张海军", 11, "13904821234"))))

    deferrable = [m.code for m in bundle.materials_for(base.answers_dict()) if m.necessity is Necessity.DEFERRABLE]
    deferred = full
    for code in deferrable:
        deferred = record(deferred, code, Receipt.MISSING)
    deferral_no = take(
        "容缺受理",
        IntakeRequest(
            deferred,
            Parties(_person("王䶮", 23, "13847821188"), delivery=Delivery.POST,
                    delivery_address="兴安盟乌兰浩特市兴安北大路1号"),
            deferral=DeferralRequest(no_bad_credit=True, pledge_signed=True),
        ),
    )  # fmt: skip

    agent = Agent("李𬭚", make_id_number("150702", dt.date(1990, 6, 15), 37), "授权委托书一份，委托办理开业登记")
    by_agent = fresh_checklist(stored, agent=True)
    correction_no = take(
        "补正（委托代理人办理）",
        IntakeRequest(
            _correction(bundle, complete_checklist(bundle, by_agent)),
            Parties(_person("赵雪梅", 35, "0482-8123456"), agent=agent),
        ),
    )
    take(
        "撤回申请",
        IntakeRequest(
            full,
            Parties(_person("刘志强", 47, "15148201234")),
            # told where to apply, the applicant does not go on here (a window that only receives refuses nothing)
            refusal=Refusal(RefusalGround.NOT_IN_REMIT, _elsewhere(bundle), insists=False),
        ),
    )
    take(
        "补正后重新提交并受理",
        IntakeRequest(
            complete_checklist(bundle, by_agent),
            Parties(_person("赵雪梅", 35, "0482-8123456"), agent=agent),
            previous_case_no=correction_no,
        ),
    )
    with sessions.begin() as session:
        status = fulfil_deferred(session, desk, deferral_no, set(deferrable), today)
    made.append(DemoCase("容缺材料补齐", deferral_no, status, on=today))
    overdue_no = take(
        "容缺受理（逾期未补齐）",
        IntakeRequest(
            deferred,
            Parties(_person("孟根其其格", 59, "15647821234")),
            deferral=DeferralRequest(no_bad_credit=True, pledge_signed=True),
        ),
    )
    with sessions() as session:
        overdue = case_view(session, overdue_no)
        site = stored_site(session)
    assert overdue is not None
    if site is not None and site.kind is SiteKind.TOWNSHIP:
        # the lapse denies items the hall's departments decide: theirs, not the township's, and the hall refuses a
        # township's denial of them (counter.sync.sender_checks) — at a township the case waits for its materials
        return made
    # the next working day after the last due date: a lapse is the office's act, never recorded before, never on a
    # day off (counter.case.decisions.lapse_day) — not on 除夕 for a case due the day before
    with sessions() as session:
        last_due = max(m.due_on for m in overdue.deferred_open() if m.due_on is not None)
        calendar = office_calendar(session)
        lapse_day = lapse_day_after(last_due, calendar)
    if unsettled(calendar, overdue.accepted_on or overdue.received_on, last_due):
        # a date the year's holiday notice may still move is not found missed (counter.case.provisional_lapse): the
        # case waits for its materials, as at a desk that day
        return made
    with sessions.begin() as session:
        lapse = deny_lapsed_deferral(session, desk, overdue_no, lapse_day, "申请人未说明逾期的正当理由。")
    made.append(DemoCase("容缺逾期：逾期事实已记录，转实施部门决定", overdue_no, lapse.status, lapse.items, lapse_day))
    return made


def fresh_checklist(stored: StoredGuide, agent: bool = False) -> Checklist:
    answers = _first_answers(stored.bundle)
    if agent and any(s.code == "agent" and s.option("agent") for s in stored.bundle.situations):
        answers["agent"] = "agent"
    return start_checklist(stored.bundle, answers, guide_version=stored.version_id)


def _correction(bundle: Bundle, checklist: Checklist) -> Checklist:
    """One required material missing, and the first handed in with a defect."""
    required = [m for m in bundle.materials_for(checklist.answers_dict()) if m.necessity is Necessity.REQUIRED]
    checklist = record(checklist, required[-1].code, Receipt.MISSING)
    if len(required) > 1:
        checklist = record(
            checklist,
            required[0].code,
            Receipt.DEFECTIVE,
            originals=1,
            medium=ReceivedMedium.PAPER,
            defect_note="申请书未签字，经营范围填写不完整",
        )
    return checklist


def write_documents(
    sessions: sessionmaker[Session], desk: Desk, cases: list[DemoCase], today: dt.date, out: Path
) -> list[Path]:
    """Every notice the sample cases call for, and the guide notice, as PDF files in ``out``: each dated on its
    case's day (the demo's working day: ``today`` only for a case that does not say)."""
    from counter.actions.cases.documents import make_document, make_documents, make_guide_notice, record_print
    from counter.documents.kinds import DocumentKind
    from counter.documents.model import DocumentNotPossible

    written: list[Path] = []
    out.mkdir(exist_ok=True)
    first: dict[str, dt.date] = {}  # each case's notices dated on the day it was taken
    for case in cases:
        if case.on is not None:
            first.setdefault(case.case_no, case.on)
    for case in {c.case_no: c for c in cases}.values():
        for kind in DocumentKind:
            if not kind.needs_case:
                continue
            try:
                with sessions.begin() as session:  # a receipt of several issuing bodies: a paper each
                    papers = make_documents(session, desk, case.case_no, kind, first.get(case.case_no, today))
                    for n, made in enumerate(papers):
                        path = out / f"{case.case_no}-{kind.value}{f'-{n + 1}' if n else ''}.pdf"
                        path.write_bytes(made.pdf)
                        record_print(session, desk, made, f"file:{path}", ok=True)
                        written.append(path)
            except DocumentNotPossible:
                continue
        for item_code in case.denied_items:
            with sessions.begin() as session:
                made = make_document(session, desk, case.case_no, DocumentKind.DENIAL, case.on or today, item_code)
                path = out / f"{case.case_no}-{item_code}-{DocumentKind.DENIAL.value}.pdf"
                path.write_bytes(made.pdf)
                record_print(session, desk, made, f"file:{path}", ok=True)
            written.append(path)
    with sessions.begin() as session:
        notice = make_guide_notice(session, desk, DEMO_BUNDLE, min(first.values(), default=today))
        path = out / f"{DEMO_BUNDLE}-guide_notice.pdf"
        path.write_bytes(notice.pdf)
        record_print(session, desk, notice, f"file:{path}", ok=True)
    written.append(path)
    return written


ELSEWHERE = "呼伦贝尔市海拉尔区"  # where the refused applicant's shop is: each item goes to that place's department


def _elsewhere(bundle: Bundle) -> str:
    """第二项: each item to its department's counterpart where the business is (:mod:`counter.intake.turn_to`)."""
    return turn_to_text((item.code, item.department.replace(PLACE, ELSEWHERE)) for item in bundle.items)


def demo_run(
    sessions: sessionmaker[Session], desk: Desk, today: dt.date
) -> tuple[list[DemoCase], list[tuple[str, bytes]], list[CaseView], frozenset[str]]:
    """The training run whole: the sample intakes taken (:func:`run_demo`), their papers made and read back as
    ``(file name, PDF)`` (made in a folder of their own, removed after: the command writes them on the desk that
    asked), the cases read back, and the numbers of those the hall only received."""
    import tempfile

    from counter.actions.cases.case_reads import case_views
    from counter.actions.cases.received_cases import received_cases

    made = run_demo(sessions, desk, today)
    with tempfile.TemporaryDirectory(prefix="counter-demo-") as folder:
        written = write_documents(sessions, desk, made, today, Path(folder))
        papers = [(path.name, path.read_bytes()) for path in written]
    with sessions.begin() as session:
        views = list(case_views(session, [c.case_no for c in made]))
        received = received_cases(session, [c.case_no for c in made])
    return made, papers, views, received
