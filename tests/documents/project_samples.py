"""The 帮您办 sample project (tests/projects/samples.py) as a stored project would read, at the end of its service:
completed, evaluated, every paper of it printable, for the document tests that need no database."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from counter.documents.data import DocumentData, OfficeSettings
from counter.documents.kinds import DocumentKind
from counter.documents.project_papers import KIND_OF_FORM, paper_no, project_paper_for
from counter.projects.forms import ProjectForm
from counter.projects.model import ProjectState, ProjectView, Satisfaction
from counter.projects.service_items import shipped_service_list
from tests.projects.samples import APPLIED, FACTS, plan

PROJECT_NO = "XAM01-20260901-P08-0001"
SIGNED = dt.date(2026, 9, 3)
COMPLETED = dt.date(2026, 11, 10)
EVALUATED = dt.date(2026, 11, 12)
ISSUED = dt.date(2026, 11, 20)
REASON = "项目用地规划调整，项目单位决定暂缓建设"

COMPLETED_PROJECT = ProjectView(
    project_no=PROJECT_NO,
    site_code="XAM01",
    state=ProjectState.COMPLETED,
    facts=FACTS,
    applied_on=APPLIED,
    agents=("乌兰", "巴特尔"),
    accepted_on=APPLIED,
    signed_on=SIGNED,
    ended_on=COMPLETED,
    satisfaction=Satisfaction.VERY_SATISFIED,
    evaluation_note="代办员全程跟进，协调及时，节省了大量时间。",
    evaluated_on=EVALUATED,
    steps=tuple(replace(s, filed_on=s.expected_on, done_on=s.expected_on) for s in plan(APPLIED)),
)
TERMINATED_PROJECT = replace(
    COMPLETED_PROJECT,
    state=ProjectState.TERMINATED,
    satisfaction=None,
    evaluation_note="",
    evaluated_on=None,
    end_reason=REASON,
)
FORM_OF_KIND = {kind: form for form, kind in KIND_OF_FORM.items()}


def project_document(kind: DocumentKind, office: OfficeSettings | None = None) -> DocumentData:
    """The paper of ``kind`` for the sample project: the 终止单 of it terminated, every other of it completed."""
    form = FORM_OF_KIND[kind]
    project = TERMINATED_PROJECT if form is ProjectForm.TERMINATION else COMPLETED_PROJECT
    number = paper_no(PROJECT_NO, form) if form.needs_project else ""
    return project_paper_for(form, project, shipped_service_list(), office or OfficeSettings(), ISSUED, number)
