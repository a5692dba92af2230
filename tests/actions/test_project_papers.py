"""帮您办 papers through the actions, on both databases: a form printed once is on record and reprinted the same,
whatever changed since; a form the project's state does not allow is refused and nothing is kept."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pypdfium2
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.office import office_settings
from counter.actions.cases.documents import save_office_settings
from counter.actions.projects.project_papers import make_project_paper
from counter.actions.projects.project_steps import (
    accept_project,
    assign_agents,
    complete_project,
    evaluate_project,
    file_step,
    import_service_list,
    plan_project,
    register_project,
    sign_project,
    step_done,
    terminate_project,
)
from counter.audit.actions import AuditAction
from counter.db import models
from counter.db.settings_store import mark_training
from counter.documents.project_paper_made import ProjectPaperMade
from counter.projects.forms import ProjectForm
from counter.projects.model import ProjectState, Satisfaction
from counter.projects.not_found import NoSuchProject
from counter.projects.papers import PaperProblem, ProjectPaperNotPossible
from counter.projects.service_items import shipped_list_path
from tests.documents.pdf_tools import pdf_fonts, pdf_text
from tests.projects.samples import APPLIED, FACTS, OTHER, plan


def at(day: dt.date, hour: int = 2) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), dt.UTC)


def days(n: int) -> dt.date:
    return APPLIED + dt.timedelta(days=n)


def registered(sessions: sessionmaker[Session], desk: Desk) -> str:
    with sessions.begin() as s:
        return register_project(s, desk, FACTS, APPLIED, at(APPLIED))


def completed(sessions: sessionmaker[Session], desk: Desk, number: str) -> None:
    """Accepted, signed with two agents, planned, every step done, completed on day 52 (not yet evaluated)."""
    with sessions.begin() as s:
        accept_project(s, desk, number, APPLIED, at(APPLIED, 3))
        assign_agents(s, desk, number, ("乌兰", "张敏"), at(APPLIED, 4))
        sign_project(s, desk, number, days(1), days(1), at(days(1)))
        plan_project(s, desk, number, plan(days(1)), at(days(1), 3))
        for step, filed, done in ((1, 2, 5), (2, 6, 24), (3, 6, 20), (4, 30, 50)):
            file_step(s, desk, number, step, days(filed), days(filed), at(days(filed)))
            step_done(s, desk, number, step, days(done), days(done), at(days(done)))
        complete_project(s, desk, number, days(52), days(52), at(days(52)))


def make(
    sessions: sessionmaker[Session], desk: Desk, number: str | None, form: ProjectForm, n: int = 60
) -> ProjectPaperMade:
    with sessions.begin() as s:
        return make_project_paper(s, desk, number, form, days(n), at(days(n)))


def papers(sessions: sessionmaker[Session]) -> list[models.ProjectPaper]:
    with sessions() as s:
        return list(s.scalars(select(models.ProjectPaper).order_by(models.ProjectPaper.id)))


def made_entries(sessions: sessionmaker[Session], number: str) -> int:
    with sessions() as s:
        return (
            s.scalar(
                select(func.count())
                .select_from(models.AuditEntry)
                .where(models.AuditEntry.action == AuditAction.DOCUMENT_MADE.value, models.AuditEntry.subject == number)
            )
            or 0
        )


def _text(tmp_path: Path, pdf: bytes, name: str = "paper.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(pdf)
    return pdf_text(path)


def test_the_application_is_printed_once_and_reprinted_the_same(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    number = registered(sessions, desk)
    first = make(sessions, desk, number, ProjectForm.APPLICATION, 0)
    assert first.doc_no == f"{number}-3"
    assert not first.reprint
    text = _text(tmp_path, first.pdf)
    assert "“帮您办”代办帮办服务申请表" in text
    assert FACTS.investor in text
    assert first.doc_no in text
    assert "合计4项" in text
    assert all(row.embedded and row.subset for row in pdf_fonts(tmp_path / "paper.pdf"))
    again = make(sessions, desk, number, ProjectForm.APPLICATION, 3)
    assert again.reprint
    assert again.pdf == first.pdf
    assert again.doc_no == first.doc_no
    [record] = papers(sessions)
    assert (record.kind, record.doc_no, record.issued_on, record.clerk) == ("project_apply", first.doc_no, APPLIED,
                                                                             desk.clerk)  # fmt: skip
    assert record.content_hash == first.content_hash
    assert made_entries(sessions, number) == 1  # the first print; a reprint is no new paper


def test_a_form_the_state_does_not_allow_is_refused_and_nothing_kept(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    number = registered(sessions, desk)
    for form in (ProjectForm.AUTHORISATION, ProjectForm.PLEDGE, ProjectForm.COMPLETION, ProjectForm.EVALUATION,
                 ProjectForm.TERMINATION):  # fmt: skip
        with pytest.raises(ProjectPaperNotPossible) as refused:
            make(sessions, desk, number, form, 0)
        assert refused.value.problem is PaperProblem.NOT_NOW
        assert refused.value.state is ProjectState.APPLIED
    with pytest.raises(ProjectPaperNotPossible) as refused:
        make(sessions, desk, None, ProjectForm.APPLICATION)
    assert refused.value.problem is PaperProblem.NO_PROJECT
    with pytest.raises(NoSuchProject):
        make(sessions, desk, "XAM01-20260901-P08-0099", ProjectForm.APPLICATION)
    assert papers(sessions) == []
    assert made_entries(sessions, number) == 0


def test_a_reprint_is_the_paper_first_printed_whatever_changed_since(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    number = registered(sessions, desk)
    completed(sessions, desk, number)
    blank = make(sessions, desk, number, ProjectForm.EVALUATION, 52)
    completion = make(sessions, desk, number, ProjectForm.COMPLETION, 52)
    text = _text(tmp_path, completion.pdf)
    assert "已于2026年10月23日完成代办帮办服务工作" in text  # day 52
    assert "兴安盟政务服务中心政务服务专用章" in text
    assert "第1联申请人留存" in text
    assert "第2联存档" in text
    with sessions.begin() as s:
        evaluate_project(s, desk, number, Satisfaction.SATISFIED, "很好", days(53), at(days(53)))
        office = office_settings(s, desk.identity.site_code)
        save_office_settings(
            s, desk.identity.site_code, dataclasses.replace(office, office_name="改名后的中心"), desk=desk
        )
    assert make(sessions, desk, number, ProjectForm.EVALUATION, 70).pdf == blank.pdf
    assert make(sessions, desk, number, ProjectForm.COMPLETION, 70).pdf == completion.pdf
    # a paper not printed before is made with the settings and the project as they are now
    pledge = _text(tmp_path, make(sessions, desk, number, ProjectForm.PLEDGE, 70).pdf, "pledge.pdf")
    assert "本单位向改名后的中心申请提供代办帮办服务" in pledge
    assert "兴安盟政务服务中心" not in pledge
    assert [p.kind for p in papers(sessions)] == ["project_rating", "project_done", "project_pledge"]
    assert made_entries(sessions, number) == 3


def test_the_authorisation_ticks_the_items_and_names_the_agents(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    number = registered(sessions, desk)
    with sessions.begin() as s:
        accept_project(s, desk, number, APPLIED, at(APPLIED, 3))
        assign_agents(s, desk, number, ("乌兰", "张敏"), at(APPLIED, 4))
    made = make(sessions, desk, number, ProjectForm.AUTHORISATION, 1)
    text = _text(tmp_path, made.pdf)
    assert made.doc_no == f"{number}-4"
    assert "我（包满都拉）系（兴安盟草原绿源食品有限公司）的法人代表" in text
    assert "现授权委托（兴安盟政务服务中心）的（乌兰、张敏）为我单位项目代办人" in text
    assert "代办项目合计4项" in text
    assert text.count("✓") == 2 * 4  # the four requested items, on each of the two copies
    assert "代办人无转委托权，特此委托。" in text


def test_the_termination_carries_its_reason_and_date(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    with sessions.begin() as s:
        number = register_project(s, desk, OTHER, APPLIED, at(APPLIED))
        terminate_project(s, desk, number, "项目单位决定暂缓建设", days(10), days(10), at(days(10)))
    text = _text(tmp_path, make(sessions, desk, number, ProjectForm.TERMINATION, 10).pdf)
    assert "现因项目单位决定暂缓建设，经双方认可，于2026年9月11日终止代办帮办委托" in text
    assert OTHER.name in text
    assert "（未赋码）" in text  # a project without its 项目编码 yet


def test_the_leaflets_need_no_project_and_are_not_kept(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    catalogue = make(sessions, desk, None, ProjectForm.CATALOGUE)
    flowchart = make(sessions, desk, None, ProjectForm.FLOWCHART)
    assert catalogue.doc_no == flowchart.doc_no == ""
    assert "宗教活动场所内改建或者新建建筑物审批" in _text(tmp_path, catalogue.pdf)
    assert "通知并指导协助申请人补充完善" in _text(tmp_path, flowchart.pdf, "flow.pdf")
    assert papers(sessions) == []


def test_training_paper_says_so(sessions: sessionmaker[Session], desk: Desk, tmp_path: Path) -> None:
    number = registered(sessions, desk)
    with sessions.begin() as s:
        mark_training(s)
    first = make(sessions, desk, number, ProjectForm.APPLICATION, 0)
    document = pypdfium2.PdfDocument(first.pdf)  # PDFium reads the mark across the page, pdftotext skips it
    try:
        assert "培训样张" in document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert make(sessions, desk, number, ProjectForm.APPLICATION, 1).pdf == first.pdf


def test_a_site_list_prints_on_new_papers_and_a_reprint_keeps_the_list_it_printed(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    number = registered(sessions, desk)
    first = make(sessions, desk, number, ProjectForm.APPLICATION, 0)
    own = shipped_list_path().read_text(encoding="utf-8").replace("对涉路施工活动的许可", "公路涉路施工许可")
    with sessions.begin() as s:
        import_service_list(s, desk, own)
    assert make(sessions, desk, number, ProjectForm.APPLICATION, 5).pdf == first.pdf
    catalogue = _text(tmp_path, make(sessions, desk, None, ProjectForm.CATALOGUE).pdf)
    assert "公路涉路施工许可" in catalogue
    assert "对涉路施工活动的许可" not in catalogue
