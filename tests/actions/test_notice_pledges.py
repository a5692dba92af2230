"""告知承诺 at the window, stored: 035's 消防 item granted on the spot by the body that may, its 核查 date on the
department's list, and the licence revoked when the check finds the promise false (国办发〔2020〕42号;
行政许可法 第六十九条第二款)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import office_settings, save_office_settings
from counter.actions.cases.item_authority import set_item_held
from counter.actions.cases.item_steps import route_items, take_item_step
from counter.actions.catalog.guide_status import allow_draft_intake
from counter.actions.intake.false_pledges import hear, recheck, revoke, serve
from counter.actions.intake.notice_pledges import (
    grant_on_pledge,
    pledge_checks,
    pledge_offers,
    pledge_row,
    record_check,
)
from counter.actions.intake.pledge_papers import pledge_paper
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.decisions import DecisionRefused, item_note, read_entered
from counter.case.intake_request import IntakeRequest
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.case.moments import office_day
from counter.case.pledge_checks import PledgeNotice, PledgeProblem, PledgeRefused, Revocation, item_revocations
from counter.case.pledge_steps import HearingRecord, Recheck
from counter.case.served import Service, ServiceProblem, ServiceRefused, ServiceWay
from counter.case.status import CaseEvent, CaseStatus
from counter.cli.case_text import case_as_text
from counter.db import models
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.documents.data import DocumentNotPossible, OfficeSettings
from counter.documents.kinds import DocumentProblem
from counter.intake.checklist import start_checklist
from counter.intake.outcome import Outcome
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import applicant
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import ENTERED, entrust
from tests.signed_in import add_account, signed_in

HOMESTAY = "XAM-YJS-035"  # 我要开民宿（含餐饮）: its 消防 item is decided on a 告知承诺
FIRE = "YJS035-05"
BRIGADE = "乌兰浩特市消防救援大队"
#: the brigade's 复议 body and court, which the catalog leaves to the site to name (消防救援 is vertically managed)
NAMED = "乌兰浩特市消防救援大队=兴安盟消防救援支队|乌兰浩特市人民法院"
FINDING = "核查发现场所二层疏散通道被封堵，与承诺内容不符。"


def name_the_brigades_bodies(sessions: sessionmaker[Session], desk: Desk) -> None:
    """The brigade's 复议 body and court named in the office settings, by ``desk`` (the single desk, before any
    account exists, or an administrator)."""
    with sessions.begin() as s:
        office = office_settings(s, "XAM01")
        save_office_settings(s, "XAM01", dataclasses.replace(office, rights_overrides=NAMED), desk=desk)


CHECKED = dt.date(2026, 12, 10)  # the 核查, which finds the promise false; its 责令限期改正 served by hand that day
CORRECT_WITHIN = 5  # working days from service (消防法 第五十八条第二款; the default floor)
CORRECT_BY = dt.date(2026, 12, 17)  # five working days after Thursday 2026-12-10
RECHECKED = dt.date(2026, 12, 18)  # the 复查, the day after the correction ran out: not corrected
RECHECK_FINDING = "复查发现疏散通道仍被封堵。"
HEARD = dt.date(2026, 12, 18)  # the 陈述申辩 notice, given and taken at the window that day
HEAR_WITHIN = 5
HEAR_BY = dt.date(2026, 12, 25)  # five working days after Friday 2026-12-18
REVOKED = dt.date(2026, 12, 28)  # the next working day after the period to be heard
APPLICANT = "孟根"
NONE_SAID = HearingRecord()  # nothing said within the period to be heard


def served(sessions: sessionmaker[Session], desk: Desk, case_no: str, notice: PledgeNotice, day: dt.date) -> None:
    """The paper ``notice`` handed to the applicant on ``day`` (at the window for the hearing's, else by hand)."""
    way = ServiceWay.WINDOW if notice is PledgeNotice.HEARING else ServiceWay.HAND
    with sessions.begin() as s:
        serve(s, desk, case_no, FIRE, notice, Service(way, day, APPLICANT), day)


def revoked_in_order(
    sessions: sessionmaker[Session],
    desk: Desk,
    case_no: str,
    finding: str = FINDING,
    record: HearingRecord = NONE_SAID,
) -> None:
    """The promise found false on CHECKED and ordered corrected within CORRECT_WITHIN working days of service (by
    hand that day), the 复查 finding it not corrected on RECHECKED, the applicant told on HEARD (served at the window
    that day) and given HEAR_WITHIN working days, the licence revoked on REVOKED with ``record``: the law's order,
    each step by ``desk``.  The brigade's 复议 body must be named first: each step makes its paper."""
    with sessions.begin() as s:
        record_check(
            s, desk, case_no, FIRE, CHECKED, kept=False, finding=finding, correct_within=CORRECT_WITHIN, entered=ENTERED
        )
    served(sessions, desk, case_no, PledgeNotice.CORRECTION, CHECKED)
    with sessions.begin() as s:
        recheck(s, desk, case_no, FIRE, RECHECKED, Recheck.NOT_CORRECTED, RECHECK_FINDING, entered=ENTERED)
    with sessions.begin() as s:
        hear(s, desk, case_no, FIRE, HEARD, HEAR_WITHIN, entered=ENTERED)
    served(sessions, desk, case_no, PledgeNotice.HEARING, HEARD)
    with sessions.begin() as s:
        revoke(s, desk, case_no, FIRE, REVOKED, record, entered=ENTERED)


def granted(sessions: sessionmaker[Session], desk: Desk, case_no: str, result_no: str = "") -> Desk:
    """The item granted on the promise by ``desk``'s clerk, signed in with a clerk's account (a database without
    accounts may not grant: nobody there could take a false promise to its end); that clerk's desk."""
    clerk = signed_in(sessions, desk, Role.CLERK, login="clerk")
    with sessions.begin() as s:
        grant_on_pledge(s, clerk, case_no, FIRE, TODAY, result_no=result_no, entered=ENTERED)
    return clerk


def taken(sessions: sessionmaker[Session], desk: Desk, fire_way: str = "pledge") -> str:
    """A 035 case accepted, its applicant having chosen the 消防 检查's way (``fire_way``: pledge or ordinary)."""
    with sessions.begin() as s:
        allow_draft_intake(s, True, desk=desk)
        stored = current_guide(s, HOMESTAY)
        assert stored is not None
        fresh = fresh_checklist(stored)
        answers = {**fresh.answers_dict(), "fire_way": fire_way}
        checklist = complete_checklist(
            stored.bundle, start_checklist(stored.bundle, answers, guide_version=stored.version_id)
        )
        case = take_intake(s, desk, IntakeRequest(checklist, applicant()), TODAY, office_calendar(s))
    assert case.decision.outcome is Outcome.ACCEPT
    return case.case_no


def test_the_window_grants_on_a_promise_only_where_it_may(sessions: sessionmaker[Session], desk: Desk) -> None:
    case_no = taken(sessions, desk)
    with sessions.begin() as s, pytest.raises(DecisionRefused):  # the 消防救援大队's item, no 授权 recorded
        grant_on_pledge(s, desk, case_no, FIRE, TODAY, entered=ENTERED)
    with sessions() as s:
        assert pledge_row(s, case_no, FIRE) is None
        assert pledge_checks(s) == ()
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:  # 设立登记 is no 告知承诺 item
        grant_on_pledge(s, desk, case_no, "YJS035-01", TODAY)
    assert refused.value.problem is PledgeProblem.NOT_PLEDGE_ITEM


def test_a_promise_granted_is_checked_on_the_departments_list_and_found_false_or_corrected(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    case_no = taken(sessions, desk)
    with sessions.begin() as s:
        entrust(s, desk, FIRE)  # the brigade's written 授权: the window records its decision for it
    clerk = granted(sessions, desk, case_no)
    with sessions() as s:
        [row] = pledge_checks(s, BRIGADE)
        assert pledge_checks(s, "乌兰浩特市市场监督管理局") == ()
    assert (row.case_no, row.item_code, row.department) == (case_no, FIRE, BRIGADE)
    assert row.granted_on == TODAY
    assert row.check_due == dt.date(2026, 12, 18)  # twenty working days after Friday 2026-11-20
    assert row.kept is None
    finding = "核查发现场所二层疏散通道被封堵，与承诺内容不符。"
    with sessions.begin() as s, pytest.raises(NotPermitted):  # a revocation is a supervisor's, as a 不予批准 is
        record_check(s, clerk, case_no, FIRE, dt.date(2026, 12, 10), kept=False, finding=finding, entered=ENTERED)
    desk = signed_in(sessions, desk)
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:
        record_check(s, desk, case_no, FIRE, dt.date(2026, 12, 10), kept=False, entered=ENTERED)
    assert refused.value.problem is PledgeProblem.NO_FINDING
    with sessions.begin() as s, pytest.raises(DocumentNotPossible) as unnamed:
        record_check(
            s, desk, case_no, FIRE, CHECKED, kept=False, finding=finding, correct_within=CORRECT_WITHIN, entered=ENTERED
        )
    assert unnamed.value.problems == (DocumentProblem.REVIEW_BODY_UNNAMED,)  # its order names the 复议 body
    with sessions() as s:
        assert pledge_checks(s, BRIGADE)[0].checked_on is None  # nothing recorded: the act is its paper
    name_the_brigades_bodies(sessions, signed_in(sessions, desk, Role.ADMIN, login="admin"))
    with sessions.begin() as s:
        found = record_check(
            s, desk, case_no, FIRE, CHECKED, kept=False, finding=finding, correct_within=CORRECT_WITHIN, entered=ENTERED
        )
    assert (found.kept, found.checked_on, found.finding) == (False, dt.date(2026, 12, 10), finding)
    assert found.correction_doc_no  # the order made with the finding
    assert (found.correct_days, found.correct_by) == (CORRECT_WITHIN, None)  # its last day waits on its service
    with sessions() as s:
        assert pledge_checks(s, BRIGADE) == ()  # no longer owed
        assert pledge_checks(s, BRIGADE, open_only=False)[0].kept is False
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:  # a finding of false stands on record
        record_check(s, desk, case_no, FIRE, dt.date(2026, 12, 16), kept=True, entered=ENTERED)
    assert refused.value.problem is PledgeProblem.FOUND_FALSE
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:  # the order's period runs from its service
        recheck(s, desk, case_no, FIRE, dt.date(2026, 12, 16), Recheck.CORRECTED, "通道已清理。", entered=ENTERED)
    assert refused.value.problem is PledgeProblem.NOT_SERVED
    served(sessions, desk, case_no, PledgeNotice.CORRECTION, CHECKED)
    with sessions.begin() as s:  # the place corrected within the period: the licence stands
        corrected = recheck(
            s, desk, case_no, FIRE, dt.date(2026, 12, 16), Recheck.CORRECTED, "通道已清理。", entered=ENTERED
        )
    assert (corrected.kept, corrected.correct_by, corrected.recheck, corrected.revoked_on) == (
        False, CORRECT_BY, "corrected", None
    )  # fmt: skip
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:
        hear(s, desk, case_no, FIRE, HEARD, HEAR_WITHIN, entered=ENTERED)
    assert refused.value.problem is PledgeProblem.CORRECTED
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:
        record_check(s, desk, case_no, FIRE, dt.date(2026, 12, 18), kept=True, entered=ENTERED)
    assert refused.value.problem is PledgeProblem.FOUND_FALSE


def test_the_pledge_and_the_revocation_print_their_elements(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """国办发〔2020〕42号's elements on the 告知承诺书 (事项, 条件, 材料, 承诺内容, 违诺后果) with the 核查 date; the
    revocation with its finding and article (行政许可法 第六十九条第二款); a reprint is the same paper."""
    case_no = taken(sessions, desk)
    with sessions.begin() as s:
        entrust(s, desk, FIRE)
    clerk = granted(sessions, desk, case_no)
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:
        pledge_paper(s, clerk, case_no, FIRE, TODAY, revoked=True)  # nothing revoked yet
    assert refused.value.problem is PledgeProblem.NOT_REVOKED
    with sessions.begin() as s:
        first = pledge_paper(s, clerk, case_no, FIRE, TODAY, revoked=False)
    with sessions.begin() as s:
        assert pledge_paper(s, clerk, case_no, FIRE, TODAY + dt.timedelta(days=3), revoked=False) == first
    pledge = tmp_path / "pledge.pdf"
    pledge.write_bytes(first)
    text = pdf_text(pledge, page=1)
    assert "告知承诺书" in text
    assert BRIGADE in text
    assert "事项公众聚集场所投入使用、营业前消防安全检查（告知承诺方式）" in text
    assert "条件场所已依法通过建设工程消防验收或者备案" in text
    assert "材料公众聚集场所投入使用、营业消防安全告知承诺书" in text
    assert "二、承诺内容本单位（本人）已知晓" in text
    assert (  # the whole chain, in its order, never a revocation straight away
        "三、违诺后果经核查，申请人的承诺与实际情况不符的，本机关依照《中华人民共和国消防法》第五十八条第二款的规定书面"
        "责令限期改正，期满后复查；期满未改正或者改正后仍不符合承诺内容的，本机关书面告知拟撤销行政许可的事实、理由和"
        "依据以及陈述、申辩的权利，听取申请人的陈述、申辩后，依照《中华人民共和国行政许可法》第六十九条第二款的规定"
        "撤销行政许可。"
    ) in text
    assert "自作出许可决定之日起20个工作日内对承诺内容进行核查，最迟于2026年12月18日前完成" in text
    assert "国办发〔2020〕42号" in text
    finding = "核查发现场所二层疏散通道被封堵，与承诺内容不符。"
    name_the_brigades_bodies(sessions, signed_in(sessions, desk, Role.ADMIN, login="admin"))
    desk = signed_in(sessions, desk)
    said = HearingRecord("通道堆放的是临时货物，当天即可清走", "复查时通道仍被封堵，所述不能成立")
    revoked_in_order(sessions, desk, case_no, finding, said)
    with sessions.begin() as s:
        paper = pledge_paper(s, desk, case_no, FIRE, REVOKED, revoked=True)
    revoked = tmp_path / "revocation.pdf"
    revoked.write_bytes(paper)
    text = pdf_text(revoked, page=1)
    assert "撤销行政许可决定书" in text
    assert "于2026年11月20日以告知承诺方式取得“公众聚集场所投入使用、营业前消防安全检查”许可" in text
    assert "于2026年12月10日依法核查：" + finding in text
    assert (  # the 复查: one finding, with the order's service and last day
        "本机关于2026年12月10日书面责令你限期改正，通知书于2026年12月10日送达，改正期限至2026年12月17日。"
        "本机关于2026年12月18日复查，你期满未改正：" + RECHECK_FINDING
    ) in text
    assert "改正后仍不符合承诺内容" not in text
    assert (  # the hearing: its notice served, what the applicant said and the body's answer
        "告知书于2026年12月18日送达，陈述、申辩期限至2026年12月25日。你提出陈述、申辩意见：通道堆放的是临时货物，"
        "当天即可清走。本机关复核认为：复查时通道仍被封堵，所述不能成立。"
    ) in text
    assert (
        "依照《中华人民共和国消防法》第五十八条第二款和《中华人民共和国行政许可法》第六十九条第二款的规定，"
        "本机关决定撤销该行政许可。"
    ) in text
    assert "申请行政复议" in text
    assert "2026年12月28日" in text  # the day it was made


def test_a_revocation_is_the_cases_own_record_and_the_item_reads_revoked(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """The licence taken back is on the case's history (撤销行政许可, its day and what the check found), where the case
    page, ``case show`` and sync read it: the item no longer reads 准予; the case stays as it was."""
    case_no = taken(sessions, desk)
    with sessions.begin() as s:
        entrust(s, desk, FIRE)
    granted(sessions, desk, case_no)
    with sessions() as s:
        before = case_view(s, case_no)
    assert before is not None
    desk = signed_in(sessions, desk)
    finding = "核查发现场所二层疏散通道被封堵，与承诺内容不符。"
    name_the_brigades_bodies(sessions, signed_in(sessions, desk, Role.ADMIN, login="admin"))
    revoked_in_order(sessions, desk, case_no, finding)
    with sessions() as s:
        view = case_view(s, case_no)
    assert view is not None
    line = view.history[-1]
    # entered for the brigade under its 授权: its 文号 and officer kept at the head of the note, as a decision's
    assert (line.event, line.note) == (CaseEvent.ITEM_REVOKED.value, item_note(FIRE, finding, entered=ENTERED))
    assert read_entered(line.note) == ENTERED
    assert line.clerk.startswith(BRIGADE)  # recorded for the brigade, under its 授权
    assert office_day(line.at) == REVOKED
    assert item_revocations(view.history, office_day) == {FIRE: Revocation(FIRE, REVOKED, finding)}
    assert view.status is before.status is not CaseStatus.DENIED
    text = case_as_text(view)
    assert f"已撤销的许可：事项 {FIRE} 于 2026-12-28 撤销（告知承诺不实）：{finding}" in text
    assert "撤销行政许可（告知承诺不实）" in text
    assert f"部门文号{ENTERED.department_no}，承办人{ENTERED.officer}" in text  # the history line says whose act


def test_a_promise_kept_leaves_the_case_as_it_was(sessions: sessionmaker[Session], desk: Desk) -> None:
    case_no = taken(sessions, desk)
    with sessions.begin() as s:
        entrust(s, desk, FIRE)
    clerk = granted(sessions, desk, case_no)
    with sessions.begin() as s:  # a check that finds the promise kept is a clerk's record of the department's fact
        record_check(s, clerk, case_no, FIRE, dt.date(2026, 12, 10), kept=True, entered=ENTERED)
    with sessions() as s:
        view = case_view(s, case_no)
    assert view is not None
    assert item_revocations(view.history, office_day) == {}
    assert view.history[-1].event == CaseEvent.ITEM_APPROVED.value


def test_the_revocation_names_its_review_body_and_court_or_is_not_made(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """The 撤销决定书 tells the applicant where to turn by name: while the site has not named the brigade's 复议 body
    (the catalog leaves it to the site) the hearing that announces it and the revocation itself are refused, nothing
    recorded and no number spent; named, the revocation is made with its step and names both."""
    case_no = taken(sessions, desk)
    with sessions.begin() as s:
        entrust(s, desk, FIRE)
    granted(sessions, desk, case_no)
    admin = signed_in(sessions, desk, Role.ADMIN, login="admin")
    desk = signed_in(sessions, desk)
    name_the_brigades_bodies(sessions, admin)
    with sessions.begin() as s:
        record_check(
            s, desk, case_no, FIRE, CHECKED, kept=False, finding=FINDING, correct_within=CORRECT_WITHIN, entered=ENTERED
        )
    served(sessions, desk, case_no, PledgeNotice.CORRECTION, CHECKED)
    with sessions.begin() as s:
        recheck(s, desk, case_no, FIRE, RECHECKED, Recheck.STILL_NOT, RECHECK_FINDING, entered=ENTERED)
    unname = dataclasses.replace(office_settings_of(sessions), rights_overrides="")
    with sessions.begin() as s:
        save_office_settings(s, "XAM01", unname, desk=admin)
    with sessions.begin() as s, pytest.raises(DocumentNotPossible) as refused:
        hear(s, desk, case_no, FIRE, HEARD, HEAR_WITHIN, entered=ENTERED)
    assert refused.value.problems == (DocumentProblem.REVIEW_BODY_UNNAMED,)
    with sessions() as s:
        row = pledge_row(s, case_no, FIRE)
    assert row is not None
    assert (row.heard_on, row.hearing_doc_no) == (None, "")
    name_the_brigades_bodies(sessions, admin)
    with sessions.begin() as s:
        hear(s, desk, case_no, FIRE, HEARD, HEAR_WITHIN, entered=ENTERED)
    served(sessions, desk, case_no, PledgeNotice.HEARING, HEARD)
    with sessions.begin() as s:
        save_office_settings(s, "XAM01", unname, desk=admin)
    with sessions.begin() as s, pytest.raises(DocumentNotPossible):
        revoke(s, desk, case_no, FIRE, REVOKED, HearingRecord(), entered=ENTERED)
    with sessions() as s:
        view = case_view(s, case_no)
    assert view is not None
    assert item_revocations(view.history, office_day) == {}  # not revoked on record without its paper
    name_the_brigades_bodies(sessions, admin)
    with sessions.begin() as s:
        revoke(s, desk, case_no, FIRE, REVOKED, HearingRecord(), entered=ENTERED)
    with sessions.begin() as s:
        paper = pledge_paper(s, desk, case_no, FIRE, dt.date(2027, 1, 5), revoked=True)
    revoked = tmp_path / "revocation.pdf"
    revoked.write_bytes(paper)
    text = pdf_text(revoked, page=1)
    assert "兴安盟消防救援支队申请行政复议" in text
    assert "乌兰浩特市人民法院" in text
    assert "依法有权受理的行政复议机关" not in text
    assert "2026年12月28日" in text  # dated the day its step made it, a reprint too
    assert "改正后仍不符合承诺内容：" + RECHECK_FINDING in text  # one 复查 finding, not both
    assert "期满未改正" not in text


def office_settings_of(sessions: sessionmaker[Session]) -> OfficeSettings:
    with sessions() as s:
        return office_settings(s, "XAM01")


def test_where_the_hall_holds_the_fire_item_its_papers_are_the_halls(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """The hall that holds the power for the 消防 item (相对集中行政许可权) grants, checks and revokes in its own
    name: the 告知承诺书 and the 撤销决定书 are headed and sealed by it, with its own remedy, never the brigade's."""
    case_no = taken(sessions, desk)
    with sessions.begin() as s:
        set_item_held(s, desk, "XAM01", FIRE, held=True)
        hall = office_settings(s, "XAM01")
    clerk = granted(sessions, desk, case_no)
    with sessions.begin() as s:
        pledge = pledge_paper(s, clerk, case_no, FIRE, TODAY, revoked=False)
    desk = signed_in(sessions, desk)
    revoked_in_order(sessions, desk, case_no)
    with sessions.begin() as s:
        correction = pledge_paper(s, desk, case_no, FIRE, CHECKED, revoked=False, notice=PledgeNotice.CORRECTION)
        hearing = pledge_paper(s, desk, case_no, FIRE, HEARD, revoked=False, notice=PledgeNotice.HEARING)
        revoked = pledge_paper(s, desk, case_no, FIRE, REVOKED, revoked=True)
    made_papers = (
        ("pledge.pdf", pledge), ("correction.pdf", correction), ("hearing.pdf", hearing), ("revocation.pdf", revoked)
    )  # fmt: skip
    for name, made in made_papers:
        path = tmp_path / name
        path.write_bytes(made)
        text = pdf_text(path, page=1)
        assert BRIGADE not in text, name
        assert hall.office_name in text, name
    text = pdf_text(tmp_path / "revocation.pdf", page=1)
    assert f"{hall.review_body}申请行政复议" in text
    assert hall.court in text


def test_a_desk_without_accounts_grants_no_promise_it_could_never_check(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """A township laptop without accounts, entrusted with the 消防 item, may not grant on a promise: nobody there may
    order the correction, hear the applicant or revoke (a named person's acts), so the promise would go unchecked."""
    case_no = taken(sessions, desk)
    with sessions.begin() as s:
        entrust(s, desk, FIRE)
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:
        grant_on_pledge(s, desk, case_no, FIRE, TODAY, entered=ENTERED)
    assert refused.value.problem is PledgeProblem.CANNOT_CHECK
    with sessions() as s:
        assert pledge_row(s, case_no, FIRE) is None
        view = case_view(s, case_no)
    assert view is not None
    assert FIRE not in view.decisions()


def test_the_licence_keeps_its_own_number(sessions: sessionmaker[Session], desk: Desk) -> None:
    """The grant records the 合格证's number the brigade gives, as any decision records its result's number, never
    the words "告知承诺" in its place."""
    case_no = taken(sessions, desk)
    with sessions.begin() as s:
        entrust(s, desk, FIRE)
    granted(sessions, desk, case_no, result_no="乌消安检字〔2026〕第0123号")
    with sessions() as s:
        view = case_view(s, case_no)
    assert view is not None
    assert view.decisions()[FIRE].text == "乌消安检字〔2026〕第0123号"


def signed_for(sessions: sessionmaker[Session], window: Desk, brigade: Desk, case_no: str) -> None:
    """The case's items routed by ``window`` and the 消防 item signed for by the brigade's ``brigade``, on TODAY: where
    the hall only received it, the brigade's 签收 is its 受理, after which it may grant on the promise."""
    at = dt.datetime.combine(TODAY, dt.time(9, 0)).astimezone()
    with sessions.begin() as s:
        route_items(s, window, case_no, at)
    with sessions.begin() as s:
        take_item_step(s, brigade, case_no, FIRE, StepRequest(ItemEvent.SIGNED), at)


def test_a_department_grants_on_a_promise_only_after_its_sign_for(sessions: sessionmaker[Session], desk: Desk) -> None:
    """Where the hall only received the item, the brigade's 签收 is its 受理 (许可法 第三十二条): before it the brigade
    signs for the item or refuses to accept it, and a grant, a decision, is refused; routed or not."""
    case_no = taken(sessions, desk)
    with sessions.begin() as s:
        actor = add_account(s, "brigade", "消防员", Role.DEPARTMENT, department=BRIGADE)
    brigade = dataclasses.replace(desk, actor=actor, clerk="消防员")
    window = signed_in(sessions, desk)
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:
        grant_on_pledge(s, brigade, case_no, FIRE, TODAY)  # not even routed to it
    assert refused.value.problem is PledgeProblem.NOT_SIGNED
    at = dt.datetime.combine(TODAY, dt.time(9, 0)).astimezone()
    with sessions.begin() as s:
        route_items(s, window, case_no, at)
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:
        grant_on_pledge(s, brigade, case_no, FIRE, TODAY)  # routed, not signed for
    assert refused.value.problem is PledgeProblem.NOT_SIGNED
    with sessions.begin() as s:
        take_item_step(s, brigade, case_no, FIRE, StepRequest(ItemEvent.SIGNED), at)
    with sessions.begin() as s:
        assert grant_on_pledge(s, brigade, case_no, FIRE, TODAY) is CaseStatus.ACCEPTED
    with sessions() as s:
        view = case_view(s, case_no)
    assert view is not None
    assert FIRE in view.decisions()


def test_the_brigades_own_account_grants_checks_revokes_and_prints(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """In the default standing (no 授权, the hall holds nothing) the 消防救援大队's own staff take every step of the
    promise at their own desk: the grant with its number, the 核查 found false, the revocation and both papers, in the
    brigade's name; the window's supervisor may not."""
    case_no = taken(sessions, desk)
    name_the_brigades_bodies(sessions, desk)
    with sessions.begin() as s:
        actor = add_account(s, "brigade", "消防员", Role.DEPARTMENT, department=BRIGADE)
    brigade = dataclasses.replace(desk, actor=actor, clerk="消防员")
    with sessions() as s:
        [offer] = pledge_offers(s, brigade, case_no)
    assert (offer.item_code, offer.refusal) == (FIRE, None)
    supervisor = signed_in(sessions, desk)
    signed_for(sessions, supervisor, brigade, case_no)
    with sessions.begin() as s:
        grant_on_pledge(s, brigade, case_no, FIRE, TODAY, result_no="乌消安检字〔2026〕第0123号")
    with sessions.begin() as s:
        pledge = pledge_paper(s, brigade, case_no, FIRE, TODAY, revoked=False)
    with sessions.begin() as s, pytest.raises(DecisionRefused):  # the window has no standing on the brigade's item
        record_check(
            s,
            supervisor,
            case_no,
            FIRE,
            CHECKED,
            kept=False,
            finding=FINDING,
            correct_within=CORRECT_WITHIN,
            entered=ENTERED,
        )
    with sessions.begin() as s:
        record_check(s, brigade, case_no, FIRE, CHECKED, kept=False, finding=FINDING, correct_within=CORRECT_WITHIN)
        correction = pledge_paper(s, brigade, case_no, FIRE, CHECKED, revoked=False, notice=PledgeNotice.CORRECTION)
    served(sessions, brigade, case_no, PledgeNotice.CORRECTION, CHECKED)
    with sessions.begin() as s, pytest.raises(DecisionRefused):
        recheck(s, supervisor, case_no, FIRE, RECHECKED, Recheck.NOT_CORRECTED, RECHECK_FINDING, entered=ENTERED)
    with sessions.begin() as s:
        recheck(s, brigade, case_no, FIRE, RECHECKED, Recheck.NOT_CORRECTED, RECHECK_FINDING)
    with sessions.begin() as s, pytest.raises(DecisionRefused):
        hear(s, supervisor, case_no, FIRE, HEARD, HEAR_WITHIN, entered=ENTERED)
    with sessions.begin() as s:
        hear(s, brigade, case_no, FIRE, HEARD, HEAR_WITHIN)
        hearing = pledge_paper(s, brigade, case_no, FIRE, HEARD, revoked=False, notice=PledgeNotice.HEARING)
    served(sessions, brigade, case_no, PledgeNotice.HEARING, HEARD)
    with sessions.begin() as s, pytest.raises(DecisionRefused):
        revoke(s, supervisor, case_no, FIRE, REVOKED, HearingRecord(), entered=ENTERED)
    with sessions.begin() as s:
        revoke(s, brigade, case_no, FIRE, REVOKED, HearingRecord())
        revoked = pledge_paper(s, brigade, case_no, FIRE, REVOKED, revoked=True)
    with sessions() as s:
        view = case_view(s, case_no)
    assert view is not None
    assert view.history[-1].event == CaseEvent.ITEM_REVOKED.value
    assert view.history[-1].clerk == "消防员"  # the brigade's own act, not recorded for it by the window
    assert read_entered(view.history[-1].note) is None  # asked no 文号 nor officer: its own record
    with sessions() as s:
        assert s.scalars(select(models.PledgeCheck.entries)).all() == [""]
    made_papers = (
        ("pledge.pdf", pledge), ("correction.pdf", correction), ("hearing.pdf", hearing), ("revocation.pdf", revoked)
    )  # fmt: skip
    for name, made in made_papers:
        path = tmp_path / name
        path.write_bytes(made)
        text = pdf_text(path, page=1)
        assert BRIGADE in text, name
        assert "本机关决定文号" not in text, name  # no entry: the brigade's own paper


def test_a_false_promise_is_ordered_corrected_then_heard_then_revoked(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """消防法 第五十八条第二款's order: a promise found false revokes nothing on the spot.  The brigade orders a
    correction within working days of the order's service, the 责令限期改正通知书 made with the finding; once served and
    run out, the 复查 finds it not corrected; the applicant is told the revocation intended and their right to state
    and defend (陈述申辩告知书, made with the step), the period again from its service; once that ran out, the licence
    is revoked with what the hearing gave, the 撤销决定书 naming the 复议 body and the court.  Every step out of order,
    and every period below the item's floor, is refused."""
    case_no = taken(sessions, desk)
    with sessions.begin() as s:
        entrust(s, desk, FIRE)
    name_the_brigades_bodies(sessions, desk)
    granted(sessions, desk, case_no)
    desk = signed_in(sessions, desk)
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:  # the law orders a correction first
        record_check(s, desk, case_no, FIRE, CHECKED, kept=False, finding=FINDING, entered=ENTERED)
    assert refused.value.problem is PledgeProblem.NO_PERIOD
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:  # one working day is no chance to correct
        record_check(s, desk, case_no, FIRE, CHECKED, kept=False, finding=FINDING, correct_within=1, entered=ENTERED)
    assert (refused.value.problem, refused.value.floor) == (PledgeProblem.PERIOD_TOO_SHORT, 5)
    with sessions.begin() as s:
        found = record_check(
            s, desk, case_no, FIRE, CHECKED, kept=False, finding=FINDING, correct_within=CORRECT_WITHIN, entered=ENTERED
        )
    assert (found.correct_by, found.revoked_on) == (None, None)
    with sessions() as s:
        view = case_view(s, case_no)
    assert view is not None
    assert item_revocations(view.history, office_day) == {}  # the licence stands while the correction may be made
    assert view.decisions()[FIRE].approved
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:
        revoke(s, desk, case_no, FIRE, REVOKED, HearingRecord(), entered=ENTERED)
    assert refused.value.problem is PledgeProblem.NOT_RECHECKED
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:
        hear(s, desk, case_no, FIRE, HEARD, HEAR_WITHIN, entered=ENTERED)
    assert refused.value.problem is PledgeProblem.NOT_RECHECKED
    served(sessions, desk, case_no, PledgeNotice.CORRECTION, dt.date(2026, 12, 11))  # a day later: so does its period
    with sessions() as s:
        row = pledge_row(s, case_no, FIRE)
    assert row is not None
    assert (row.correction_served, row.correct_by) == (dt.date(2026, 12, 11), dt.date(2026, 12, 18))
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:  # the last day to correct is the applicant's
        recheck(s, desk, case_no, FIRE, dt.date(2026, 12, 18), Recheck.NOT_CORRECTED, RECHECK_FINDING, entered=ENTERED)
    assert refused.value.problem is PledgeProblem.CORRECTION_OPEN
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:  # a 复查 states what it found
        recheck(s, desk, case_no, FIRE, dt.date(2026, 12, 21), Recheck.NOT_CORRECTED, " ", entered=ENTERED)
    assert refused.value.problem is PledgeProblem.NO_FINDING
    with sessions.begin() as s:
        recheck(s, desk, case_no, FIRE, dt.date(2026, 12, 21), Recheck.NOT_CORRECTED, RECHECK_FINDING, entered=ENTERED)
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:
        hear(s, desk, case_no, FIRE, dt.date(2026, 12, 21), 2, entered=ENTERED)
    assert refused.value.problem is PledgeProblem.PERIOD_TOO_SHORT
    heard = dt.date(2026, 12, 21)
    with sessions.begin() as s:
        hear(s, desk, case_no, FIRE, heard, HEAR_WITHIN, entered=ENTERED)
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:  # its period has not begun: not served
        revoke(s, desk, case_no, FIRE, dt.date(2027, 1, 29), HearingRecord(), entered=ENTERED)
    assert refused.value.problem is PledgeProblem.NOT_SERVED
    with sessions.begin() as s:  # by post: served the day the applicant received it
        serve(s, desk, case_no, FIRE, PledgeNotice.HEARING, Service(ServiceWay.POST, heard, "", "1190123456789"), heard)
    hear_by = dt.date(2026, 12, 28)  # five working days after Monday 2026-12-21
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:
        revoke(
            s, desk, case_no, FIRE, hear_by, HearingRecord(), entered=ENTERED
        )  # the last day to be heard is still the applicant's
    assert refused.value.problem is PledgeProblem.NOT_HEARD
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:  # a statement heard needs the body's answer
        revoke(s, desk, case_no, FIRE, hear_by + dt.timedelta(days=1), HearingRecord("已经整改"), entered=ENTERED)
    assert refused.value.problem is PledgeProblem.NO_HEARING_RECORD
    with sessions.begin() as s:
        row = revoke(s, desk, case_no, FIRE, hear_by + dt.timedelta(days=1), HearingRecord(), entered=ENTERED)
    assert row.revoked_on == hear_by + dt.timedelta(days=1)
    with sessions.begin() as s:
        papers = {
            "correction": pledge_paper(s, desk, case_no, FIRE, REVOKED, revoked=False, notice=PledgeNotice.CORRECTION),
            "hearing": pledge_paper(s, desk, case_no, FIRE, REVOKED, revoked=False, notice=PledgeNotice.HEARING),
            "revocation": pledge_paper(s, desk, case_no, FIRE, REVOKED, revoked=True),
        }
    texts = {}
    for name, made in papers.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(made)
        texts[name] = pdf_text(path, page=1)
        assert BRIGADE in texts[name], name
    assert "责令限期改正通知书" in texts["correction"]
    assert (
        "依照《中华人民共和国消防法》第五十八条第二款的规定，本机关责令你自收到本通知书之日起5个工作日内改正"
        in texts["correction"]
    )
    assert "2026年12月10日" in texts["correction"]  # dated the day the check made it, printed later or not
    assert "撤销行政许可陈述申辩告知书" in texts["hearing"]
    assert "本机关于2026年12月21日复查，你期满未改正：" + RECHECK_FINDING in texts["hearing"]
    assert "你有权进行陈述和申辩。请自收到本告知书之日起5个工作日内向本机关提出陈述、申辩意见" in texts["hearing"]
    assert "2026年12月21日" in texts["hearing"]
    revocation = texts["revocation"]
    assert (
        "本机关于2026年12月21日书面告知你拟撤销的事实、理由和依据，以及陈述、申辩的权利，告知书于2026年12月21日送达，"
        "陈述、申辩期限至2026年12月28日。你在陈述、申辩期限内未提出陈述、申辩意见。"
    ) in revocation
    assert "兴安盟消防救援支队申请行政复议" in revocation
    assert "乌兰浩特市人民法院" in revocation


def test_a_papers_service_is_recorded_once_with_what_proves_it(sessions: sessionmaker[Session], desk: Desk) -> None:
    """送达 is a fact of its own: a paper not made has none, a service before the paper or still to come is refused,
    by hand or at the window names who signed, by post its tracking number; once recorded, never again."""
    case_no = taken(sessions, desk)
    with sessions.begin() as s:
        entrust(s, desk, FIRE)
    name_the_brigades_bodies(sessions, desk)
    granted(sessions, desk, case_no)
    desk = signed_in(sessions, desk)
    hand = Service(ServiceWay.HAND, CHECKED, APPLICANT)
    with sessions.begin() as s, pytest.raises(ServiceRefused) as refused:
        serve(s, desk, case_no, FIRE, PledgeNotice.CORRECTION, hand, CHECKED)
    assert refused.value.problems == (ServiceProblem.NOT_MADE,)
    with sessions.begin() as s:
        record_check(
            s, desk, case_no, FIRE, CHECKED, kept=False, finding=FINDING, correct_within=CORRECT_WITHIN, entered=ENTERED
        )
    early = Service(ServiceWay.HAND, CHECKED - dt.timedelta(days=1), "")
    with sessions.begin() as s, pytest.raises(ServiceRefused) as refused:
        serve(s, desk, case_no, FIRE, PledgeNotice.CORRECTION, early, CHECKED)
    assert refused.value.problems == (ServiceProblem.BEFORE_MADE, ServiceProblem.NO_RECIPIENT)
    post = Service(ServiceWay.POST, CHECKED + dt.timedelta(days=2), "")
    with sessions.begin() as s, pytest.raises(ServiceRefused) as refused:
        serve(s, desk, case_no, FIRE, PledgeNotice.CORRECTION, post, CHECKED + dt.timedelta(days=1))
    assert refused.value.problems == (ServiceProblem.IN_FUTURE, ServiceProblem.NO_TRACKING)
    with sessions.begin() as s:
        serve(s, desk, case_no, FIRE, PledgeNotice.CORRECTION, hand, CHECKED)
    with sessions.begin() as s, pytest.raises(ServiceRefused) as refused:
        serve(s, desk, case_no, FIRE, PledgeNotice.CORRECTION, hand, CHECKED)
    assert refused.value.problems == (ServiceProblem.ALREADY_SERVED,)


def test_the_applicant_chooses_the_promise_or_the_ordinary_procedure(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """告知承诺 is the applicant's choice (国办发〔2020〕42号): who chose the ordinary procedure signs no 告知承诺书 —
    it is not among the materials asked — and the item is not granted on a promise; the page offers none."""
    with sessions() as s:
        stored = current_guide(s, HOMESTAY)
    assert stored is not None
    pledge_form = "公众聚集场所投入使用、营业消防安全告知承诺书"
    asked = {way: [m.name for m in stored.bundle.materials_for({"fire_way": way})] for way in ("pledge", "ordinary")}
    assert pledge_form in asked["pledge"]
    assert pledge_form not in asked["ordinary"]
    case_no = taken(sessions, desk, fire_way="ordinary")
    with sessions.begin() as s:
        entrust(s, desk, FIRE)
    clerk = signed_in(sessions, desk, Role.CLERK, login="clerk")
    with sessions() as s:
        assert pledge_offers(s, clerk, case_no) == ()
    with sessions.begin() as s, pytest.raises(PledgeRefused) as refused:
        grant_on_pledge(s, clerk, case_no, FIRE, TODAY, entered=ENTERED)
    assert refused.value.problem is PledgeProblem.NOT_CHOSEN


def test_a_step_taken_twice_without_its_period_or_printed_before_it_is_refused(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """The brigade's supervisor tells the applicant twice, gives no days to be heard, revokes twice, prints a notice
    whose step was never taken, or steps on a promise never granted: each refused by name, nothing recorded of it."""
    case_no, other, never = taken(sessions, desk), taken(sessions, desk), taken(sessions, desk)
    with sessions.begin() as s:
        entrust(s, desk, FIRE)
    name_the_brigades_bodies(sessions, desk)
    granted(sessions, desk, case_no)
    granted(sessions, desk, other)
    desk = signed_in(sessions, desk)

    def refused(step: Callable[[Session], object]) -> PledgeProblem:
        with sessions.begin() as s, pytest.raises(PledgeRefused) as raised:
            step(s)
        return raised.value.problem

    with sessions.begin() as s:
        record_check(
            s, desk, case_no, FIRE, CHECKED, kept=False, finding=FINDING, correct_within=CORRECT_WITHIN, entered=ENTERED
        )
    served(sessions, desk, case_no, PledgeNotice.CORRECTION, CHECKED)
    with sessions.begin() as s:
        recheck(s, desk, case_no, FIRE, RECHECKED, Recheck.NOT_CORRECTED, RECHECK_FINDING, entered=ENTERED)
    again = (RECHECKED, Recheck.STILL_NOT, RECHECK_FINDING)
    assert refused(lambda s: recheck(s, desk, case_no, FIRE, *again, entered=ENTERED)) is PledgeProblem.ALREADY_DONE
    hearing = PledgeNotice.HEARING
    assert refused(lambda s: pledge_paper(s, desk, case_no, FIRE, HEARD, revoked=False, notice=hearing)) is (
        PledgeProblem.NOT_HEARD
    )
    assert refused(lambda s: hear(s, desk, case_no, FIRE, HEARD, None, entered=ENTERED)) is PledgeProblem.NO_PERIOD
    with sessions.begin() as s:
        hear(s, desk, case_no, FIRE, HEARD, HEAR_WITHIN, entered=ENTERED)
    assert (
        refused(lambda s: hear(s, desk, case_no, FIRE, HEARD, HEAR_WITHIN, entered=ENTERED))
        is PledgeProblem.ALREADY_DONE
    )
    served(sessions, desk, case_no, PledgeNotice.HEARING, HEARD)
    with sessions.begin() as s:
        revoke(s, desk, case_no, FIRE, REVOKED, HearingRecord(), entered=ENTERED)
    assert (
        refused(lambda s: revoke(s, desk, case_no, FIRE, REVOKED, HearingRecord(), entered=ENTERED))
        is PledgeProblem.ALREADY_DONE
    )
    with sessions() as s:
        view = case_view(s, case_no)
    assert view is not None
    assert [x.event for x in view.history].count(CaseEvent.ITEM_REVOKED.value) == 1

    with sessions.begin() as s:
        record_check(s, desk, other, FIRE, CHECKED, kept=True, entered=ENTERED)
    correction = PledgeNotice.CORRECTION
    assert refused(lambda s: pledge_paper(s, desk, other, FIRE, CHECKED, revoked=False, notice=correction)) is (
        PledgeProblem.NO_CORRECTION
    )
    # ``never``: its 消防 item not granted on the promise
    assert (
        refused(lambda s: hear(s, desk, never, FIRE, HEARD, HEAR_WITHIN, entered=ENTERED)) is PledgeProblem.NOT_GRANTED
    )
    assert refused(lambda s: pledge_paper(s, desk, never, FIRE, TODAY, revoked=False)) is PledgeProblem.NOT_GRANTED
