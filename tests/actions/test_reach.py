"""Reads scoped by role and reach, and recorded (counter.actions.cases.reach), asked as the server asks them: the
service in process for the account a desk signed in with.

A department's account, signed in at a clerk's desk, was handed a case never routed to it whole: the 补正 draft
(``intake.resubmission``) and the known party (``intake.known_party``) with the applicant's ID number, phone and
address, the desk's own draft (``intake.check_draft``), and the case itself (``cases.show_case``).  No read was
recorded anywhere.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.read_record import ReadsAsked
from counter.access.roles import Actor, Permission, Role
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.actions.site.store import Store
from counter.case.intake_request import IntakeRequest
from counter.case.lookup import LOOKBACK_DAYS, read_lookup
from counter.case.numbers import DeskIdentity
from counter.documents.kinds import DocumentKind
from counter.intake.draft import IntakeDraft
from counter.intake.parties import Agent, Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from counter.service.admin import ADD_ACCOUNT
from counter.service.cases import FIND_CASES, READ_CASE, ROUTE_ITEMS, SHOW_CASE, FindCases
from counter.service.department_items import ITEM_STANDINGS
from counter.service.documents import MAKE_CASE_PAPERS, CasePapers
from counter.service.intake import (
    CHECK_DRAFT,
    DROP_DRAFT,
    KEEP_DRAFT,
    KNOWN_PARTY,
    READ_CURRENT_GUIDE,
    RESUBMISSION,
    TAKE_INTAKE,
    DraftOf,
    KeepDraft,
    KnownPartyOf,
    TakeIntake,
)
from counter.service.local import InProcess, new_key
from counter.service.projects import (
    READ_PROJECT,
    RECENT_PROJECTS,
    REGISTER_PROJECT,
    ProjectNo,
    RecentProjects,
    RegisterProject,
)
from counter.service.reads import LIST_READS
from counter.service.requests import BundleCode, CaseNo, Nothing
from counter.words.reads import read_by_text
from tests.conftest import made_database
from tests.projects.samples import FACTS
from tests.test_cli import run

PASSWORD = "Xam01desk2026"
BUNDLE = "XAM-YJS-008"  # 我要开小餐馆（50平方米以下）: its items are its departments' to decide
FOOD = "152201-YJS008-02"  # 食品经营许可, the 市场监督管理局's
OTHER = "兴安盟自然资源局"  # decides no item of the bundle
ID_NO = make_id_number("152201", dt.date(1992, 6, 5), 452)
PHONE = "13959082062"
ADDRESS = "兴安盟乌兰浩特市和平街道民主路18号"


@dataclass(frozen=True)
class Hall:
    service: InProcess
    url: str
    clerk: Desk  # 乌兰, a window clerk at desk 8
    case_no: str  # taken by her, its items routed
    deciding: str  # the department of FOOD

    def at_desk(self, login: str, *roles: Role, desk_no: str = "8") -> Desk:
        return Desk(DeskIdentity("XAM01", desk_no), f"{login}名", Actor(login, f"{login}名", frozenset(roles)))


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[Hall]:
    url = made_database(tmp_path / "hall.sqlite3")
    store = Store(url, create=True)
    service = InProcess(store)
    admin = Desk(DeskIdentity("XAM01", "1"), "管理员")
    service.call(ADD_ACCOUNT, NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD), admin)
    admin = Desk(admin.identity, "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))
    for login, roles in (("wulan", {Role.CLERK}), ("baoyin", {Role.CLERK, Role.SUPERVISOR})):
        service.call(ADD_ACCOUNT, NewAccount(login, f"{login}名", frozenset(roles), PASSWORD), admin)
    clerk = Desk(DeskIdentity("XAM01", "8"), "wulan名", Actor("wulan", "wulan名", frozenset({Role.CLERK})))
    stored = service.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE), clerk)
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    person = Applicant(ApplicantKind.PERSON, "张海军", ID_NO, PHONE, ADDRESS)
    request = IntakeRequest(checklist, Parties(person, notify_phone=PHONE), uid=new_key())
    case_no = service.call(TAKE_INTAKE, TakeIntake(request), clerk).case_no
    service.call(ROUTE_ITEMS, CaseNo(case_no), clerk)
    (food,) = [s for s in service.call(ITEM_STANDINGS, CaseNo(case_no), clerk) if s.code == FOOD]
    for login, department in (("ziran", OTHER), ("shiyao", food.department)):
        staff = NewAccount(login, f"{login}名", frozenset({Role.DEPARTMENT}), PASSWORD, department=department)
        service.call(ADD_ACCOUNT, staff, admin)
    draft = IntakeDraft(checklist, person, Agent("", "", ""), with_agent=False, notify_phone=PHONE, uid="d" * 32)
    service.call(KEEP_DRAFT, KeepDraft(draft), clerk)  # the clerk's next applicant, typed in at desk 8
    yield Hall(service, url, clerk, case_no, food.department)
    store.dispose()


def test_a_department_gets_nothing_whole_of_a_case_never_routed_to_it(hall: Hall) -> None:
    other = hall.at_desk("ziran", Role.DEPARTMENT)  # signed in at the clerk's desk
    with pytest.raises(NotPermitted) as refused:
        hall.service.call(RESUBMISSION, CaseNo(hall.case_no), other)
    assert refused.value.permission is Permission.TAKE_INTAKE
    with pytest.raises(NotPermitted):
        hall.service.call(KNOWN_PARTY, KnownPartyOf(ID_NO), other)
    assert not hall.service.call(CHECK_DRAFT, Nothing(), other)
    shown = hall.service.call(SHOW_CASE, CaseNo(hall.case_no), other)
    assert (shown.view, shown.whole) == (None, False)
    assert hall.service.call(READ_CASE, CaseNo(hall.case_no), other) is None
    (clerks,) = hall.service.call(CHECK_DRAFT, Nothing(), hall.clerk).drafts
    assert clerks.draft is not None
    stranger = Applicant(ApplicantKind.PERSON, "李四", make_id_number("152201", dt.date(1990, 1, 1), 17), "", "")
    with pytest.raises(NotPermitted) as refused:  # nor overwrites or drops the clerk's draft
        hall.service.call(KEEP_DRAFT, KeepDraft(dataclasses.replace(clerks.draft, applicant=stranger)), other)
    assert refused.value.permission is Permission.TAKE_INTAKE
    with pytest.raises(NotPermitted):
        hall.service.call(DROP_DRAFT, DraftOf(clerks.draft.uid), other)

    (kept,) = hall.service.call(CHECK_DRAFT, Nothing(), hall.clerk).drafts  # the desk's draft is still the clerk's
    assert kept.draft is not None
    assert kept.draft.applicant.id_no == ID_NO


def test_the_deciding_department_reads_its_case_masked(hall: Hall) -> None:
    deciding = hall.at_desk("shiyao", Role.DEPARTMENT, desk_no="9")
    shown = hall.service.call(SHOW_CASE, CaseNo(hall.case_no), deciding)
    assert shown.view is not None
    assert not shown.whole
    page = hall.service.call(READ_CASE, CaseNo(hall.case_no), deciding)
    assert page is not None
    for view in (shown.view, page.view):
        assert (view.case_no, view.applicant_name) == (hall.case_no, "张海军")
        for value in (view.applicant_id_no, view.applicant_phone, view.applicant_address, view.notify_phone):
            assert value
            assert value not in (ID_NO, PHONE, ADDRESS)
    with pytest.raises(NotPermitted):  # no right to see a person whole: never the unmaskable answers
        hall.service.call(RESUBMISSION, CaseNo(hall.case_no), deciding)
    assert hall.service.call(LIST_READS, ReadsAsked(), hall.at_desk("baoyin", Role.CLERK, Role.SUPERVISOR)) == ()


def test_a_supervisor_lists_each_whole_read_of_the_clerks_own(hall: Hall) -> None:
    clerk = hall.clerk
    page = hall.service.call(READ_CASE, CaseNo(hall.case_no), clerk)
    assert page is not None
    assert page.view.applicant_id_no == ID_NO
    hall.service.call(SHOW_CASE, CaseNo(hall.case_no), clerk)
    assert hall.service.call(RESUBMISSION, CaseNo(hall.case_no), clerk) is not None
    assert hall.service.call(KNOWN_PARTY, KnownPartyOf(ID_NO), clerk) is not None
    lookup = read_lookup(ID_NO)
    assert lookup is not None
    assert [f.id_no for f in hall.service.call(FIND_CASES, FindCases(lookup, LOOKBACK_DAYS), clerk)]
    assert hall.service.call(CHECK_DRAFT, Nothing(), clerk) is not None

    supervisor = hall.at_desk("baoyin", Role.CLERK, Role.SUPERVISOR, desk_no="2")
    reads = hall.service.call(LIST_READS, ReadsAsked(login="wulan"), supervisor)
    assert [r.operation for r in reads] == [
        "intake.check_draft", "cases.find_cases", "intake.known_party", "intake.resubmission", "cases.show_case",
        "cases.read_case",
    ]  # fmt: skip
    for one in reads:
        assert (one.login, one.name, one.site_code, one.desk_no) == ("wulan", "wulan名", "XAM01", "8")
        assert one.case_no in (hall.case_no, "")
        assert ID_NO not in dataclasses.astuple(one)
        assert one.at <= dt.datetime.now(dt.UTC)
    assert len({r.person_key for r in reads}) == 1  # one person, named by the keyed index of the number alone
    assert [r.operation for r in hall.service.call(LIST_READS, ReadsAsked(case_no=hall.case_no), supervisor)] == [
        "cases.find_cases", "intake.resubmission", "cases.show_case", "cases.read_case",
    ]  # fmt: skip
    with pytest.raises(NotPermitted):  # the list is a supervisor's
        hall.service.call(LIST_READS, ReadsAsked(), clerk)


def test_counter_audit_reads_lists_them_without_the_number(
    hall: Hall, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    hall.service.call(SHOW_CASE, CaseNo(hall.case_no), hall.clerk)
    monkeypatch.setenv("COUNTER_PASSWORD", PASSWORD)
    code, out, err = run(capsys, "--user", "baoyin", "audit", "reads", "--db", hall.url)
    assert code == 0, err
    (line,) = out.splitlines()
    assert "wulan（wulan名）" in line
    assert "XAM01-8窗口" in line
    assert f"办件 {hall.case_no}" in line
    assert line.endswith("办件详情（命令行）")
    assert ID_NO not in out
    code, out, err = run(capsys, "--user", "baoyin", "audit", "reads", "--json", "--db", hall.url)
    (read,) = json.loads(out)
    at = dt.datetime.fromisoformat(read["at"])  # with its zone: a script reads a zoneless time as its own clock's
    assert at.tzinfo is not None
    assert dt.timedelta(0) <= dt.datetime.now(dt.UTC) - at < dt.timedelta(minutes=5)
    code, out, err = run(capsys, "--user", "baoyin", "audit", "reads", "--json", "--login", "nobody", "--db", hall.url)
    assert (code, out.strip()) == (0, "[]")
    code, _, err = run(capsys, "--user", "wulan", "audit", "reads", "--db", hall.url)
    assert code == 1


def test_a_projects_contact_is_whole_to_its_agents_alone_and_recorded(hall: Hall) -> None:
    """A 帮您办 project's contact is a person too: a department's account read the unit's handler's ID number, phone and
    the unit's address whole through the project's page."""
    facts = dataclasses.replace(FACTS, contact_id_no=ID_NO, phone=PHONE, investor_address=ADDRESS)
    number = hall.service.call(REGISTER_PROJECT, RegisterProject(facts), hall.clerk)
    other = hall.at_desk("ziran", Role.DEPARTMENT)
    for shown in (
        hall.service.call(READ_PROJECT, ProjectNo(number), other),
        *hall.service.call(RECENT_PROJECTS, RecentProjects(), other),
    ):
        assert shown.facts.contact == facts.contact
        for value in (shown.facts.contact_id_no, shown.facts.phone, shown.facts.investor_address):
            assert value
            assert value not in (ID_NO, PHONE, ADDRESS)
    supervisor = hall.at_desk("baoyin", Role.CLERK, Role.SUPERVISOR, desk_no="2")
    assert hall.service.call(LIST_READS, ReadsAsked(case_no=number), supervisor) == ()

    assert hall.service.call(READ_PROJECT, ProjectNo(number), hall.clerk).facts == facts
    (read,) = hall.service.call(LIST_READS, ReadsAsked(case_no=number), supervisor)
    assert (read.login, read.operation) == ("wulan", "projects.read_project")


@pytest.mark.parametrize("kind", [DocumentKind.APPLICATION, DocumentKind.RECEIPT])
def test_a_paper_printing_a_persons_number_whole_is_a_recorded_read(hall: Hall, kind: DocumentKind) -> None:
    """The 一件事联办申请表 prints the applicant's number and phone whole, to be checked and signed: its making is a
    read of that person, listed as the case page's is; the receipt prints them masked, and is no read."""
    made = hall.service.call(MAKE_CASE_PAPERS, CasePapers(hall.case_no, (kind,)), hall.clerk, key=new_key())
    assert made
    supervisor = hall.at_desk("baoyin", Role.CLERK, Role.SUPERVISOR, desk_no="2")
    reads = hall.service.call(LIST_READS, ReadsAsked(case_no=hall.case_no), supervisor)
    if kind is DocumentKind.APPLICATION:
        (read,) = reads
        assert (read.operation, read.login, read.desk_no) == ("documents.make_case_papers", "wulan", "8")
        assert read_by_text(read.operation) == "打印办件文书"
    else:
        assert reads == ()
