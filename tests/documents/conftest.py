"""Cases of every outcome, taken through the real intake on a real SQLite database.

The demo takes the intakes exactly as the desk does (王䶮 under deferral, 李𬭚
as an agent, a refusal, a correction and its resubmission); one accepted case
has its 食品经营许可 denied by a supervisor, so every document has a case to be printed for.
Built once per test run: the documents only read the cases.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from counter.access.desk import Desk
from counter.actions.cases.decisions import decide_item
from counter.actions.cases.hand_over import hand_over_results
from counter.actions.site.demo import run_demo
from counter.case.hand_over import HandOverRequest, HandOverWay
from counter.case.item_lines import step_note
from counter.case.item_path import ItemEvent, ItemStep
from counter.case.numbers import DeskIdentity, doc_no
from counter.case.view import CaseView, HistoryLine
from counter.catalog.model import Bundle
from counter.db.case_store import case_view
from counter.db.catalog_store import guide_version
from counter.db.engine import make_engine, make_sessions
from counter.documents.item_acceptance import ItemDates
from counter.documents.kinds import PROJECT_PREFIX
from counter.documents.model import (
    DocumentData,
    DocumentKind,
    OfficeSettings,
    bundle_forms,
    document_for,
    form_for,
    guide_notice_for,
)
from counter.documents.rating_sheet import rating_sheet_for
from counter.ratings.eval_content import load_eval_content
from tests.catalog_db import made_once
from tests.documents.project_samples import project_document
from tests.entrusted import ENTERED, entrust
from tests.signed_in import signed_in

TODAY = dt.date(2026, 11, 20)
DENIAL_REASON = (
    "经现场核查，经营场所未设置独立的食品处理区，不符合《中华人民共和国食品安全法》第三十三条第一款第一项的规定。"
)
DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰")
LAPSE_REASON = "申请人未说明逾期的正当理由。"  # the demo's lapse's
FOOD = "152201-YJS008-02"  # 食品经营许可: the item denied, and the one a lapsed 容缺 takes down

#: The case each document is printed for, by the demo's label.
CASE_OF_KIND = {
    DocumentKind.APPLICATION: "补正后重新提交并受理",  # by an agent: both parts, both signatures
    DocumentKind.RECEIPT: "容缺受理",
    DocumentKind.DEFERRAL: "容缺受理",
    DocumentKind.PLEDGE: "容缺受理",
    DocumentKind.CORRECTION: "补正（委托代理人办理）",
    DocumentKind.REFUSAL: "撤回申请",
    DocumentKind.DENIAL: "受理",
    DocumentKind.SERVICE_RECEIPT: "受理",  # its denial handed over ahead of the other items, as the applicant asked
    DocumentKind.DATE_NOTICE: "容缺受理",  # its 容缺 deadline extended (EXTENDED)
    DocumentKind.ACCEPTANCE: "受理",  # its 设立登记, only received, signed for by 市监局 (SIGNED)
    DocumentKind.SUPPLEMENT: "受理",  # its 设立登记, only received, its 补正 told by 市监局 before a 受理 (CORRECTED)
    DocumentKind.ITEM_REFUSAL: "受理",  # its 设立登记, only received, refused by 市监局 instead of a 签收 (REFUSED)
}
REGISTRATION = "152201-YJS008-01"  # 个体工商户设立登记: the hall only received it (no 授权 recorded)
#: 设立登记 routed on the intake day and signed for by 市监局 the next working day: its 受理, its 受理通知书's
SIGNED = tuple(
    HistoryLine(dt.datetime(2026, 11, day, 2, 0, tzinfo=dt.UTC), "李娜", "1", step.event.value, "in_approval",
                step_note(REGISTRATION, step))
    for day, step in ((20, ItemStep(ItemEvent.ROUTED, TODAY, "乌兰")),
                      (23, ItemStep(ItemEvent.SIGNED, dt.date(2026, 11, 23), "李娜")))
)  # fmt: skip
#: 市监局's 补正 of that 设立登记 instead of a 签收, before any 受理: what its 补正材料通知书 tells
CORRECTION_ASKED = "经营场所使用证明（租赁合同）未载明租赁期限，请补充载明租赁期限的租赁合同。"
CORRECTED = (
    SIGNED[0],
    HistoryLine(dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC), "李娜", "1", ItemEvent.CORRECTION.value,
                "in_approval", step_note(REGISTRATION, ItemStep(ItemEvent.CORRECTION, dt.date(2026, 11, 23), "李娜",
                                                                reason=CORRECTION_ASKED))),
)  # fmt: skip
#: 市监局's 不予受理 of that 设立登记 instead of its 签收: what its 不予受理通知书 tells
REFUSAL_GIVEN = "经营场所位于科尔沁右翼前旗，不属于本机关登记管辖范围，请向经营场所所在地登记机关申请。"
REFUSED = (
    SIGNED[0],
    HistoryLine(dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC), "李娜", "1", ItemEvent.REFUSED.value, "in_approval",
                step_note(REGISTRATION, ItemStep(ItemEvent.REFUSED, dt.date(2026, 11, 23), "李娜",
                                                 reason=REFUSAL_GIVEN))),
)  # fmt: skip
#: the dates its 受理通知书 tells, as the maker computes them from the 签收 (counter.actions.cases.documents)
SIGNED_DATES = ItemDates(dt.date(2026, 11, 26), dt.date(2026, 12, 14))
#: the item a paper of one item is of: a denial's, a department's 受理通知书's
ITEM_OF_KIND = {
    DocumentKind.DENIAL: FOOD,
    DocumentKind.ACCEPTANCE: REGISTRATION,
    DocumentKind.SUPPLEMENT: REGISTRATION,
    DocumentKind.ITEM_REFUSAL: REGISTRATION,
}

#: the progress page the demo site set (a site sets its own: none is printed before)
PROGRESS = "https://progress.example.test/p?case="


def item_of(kind: DocumentKind) -> str:
    return ITEM_OF_KIND.get(kind, "")


def dates_of(kind: DocumentKind) -> ItemDates | None:
    """The dates a department's 受理通知书 is given by its maker; None for every other paper."""
    return SIGNED_DATES if kind is DocumentKind.ACCEPTANCE else None


#: the 容缺 deadline of the 容缺受理 case extended, as a supervisor records it: the line its 期限告知书 tells of
EXTENDED = HistoryLine(
    dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC), "值班长", "1", "deferral_extended", "awaiting_deferred",
    "2026-11-27：医院暂停办理健康证明",
)  # fmt: skip
#: the one hand-over of results the demo's cases have: the 受理 case's denial
HAND_OVER = HandOverRequest(
    HandOverWay.PICKUP, recipient="巴特尔", id_no="152201198507160010", items=(FOOD,), partial=True
)


@dataclass(frozen=True)
class DemoCases:
    views: dict[str, CaseView]  # by the demo's label
    bundle: Bundle  # the guide version the cases were taken under
    office: OfficeSettings

    def document(self, kind: DocumentKind, sequence: int = 1) -> DocumentData:
        if kind.value.startswith(PROJECT_PREFIX):  # 帮您办: the sample project (tests/documents/project_samples.py)
            return project_document(kind, self.office)
        if kind is DocumentKind.RATING_SHEET:  # a township's 评价表: the 受理 case, the shipped 测评内容
            case = self.views["受理"]
            return rating_sheet_for(case.case_no, case.bundle_name, self.office, load_eval_content(), TODAY)
        if kind is DocumentKind.GUIDE_NOTICE:
            return guide_notice_for(self.bundle, self.office, TODAY, DESK.clerk, guide_version=1)
        if kind in (DocumentKind.BLANK_FORM, DocumentKind.SAMPLE_FORM):  # the first form: 个体工商户登记（备案）申请书
            form = bundle_forms(self.bundle)[0]
            return form_for(self.bundle, form, self.office, TODAY, sample=kind is DocumentKind.SAMPLE_FORM)
        number_kind = kind.number_kind
        assert number_kind is not None
        number = doc_no(DESK.identity, TODAY, number_kind, sequence)
        hand_over = 1 if kind is DocumentKind.SERVICE_RECEIPT else 0
        return document_for(
            self.view_for(kind), kind, self.office, number, self.bundle, TODAY, item_of(kind), hand_over,
            item_dates=dates_of(kind),
        )  # fmt: skip

    def view_for(self, kind: DocumentKind) -> CaseView:
        """The case ``kind`` is printed for (:data:`CASE_OF_KIND`); for a 期限告知书, with its deadline extended."""
        view = self.views[CASE_OF_KIND[kind]]
        if kind is DocumentKind.DATE_NOTICE:
            return dataclasses.replace(view, history=(*view.history, EXTENDED))
        if kind is DocumentKind.ACCEPTANCE:
            return dataclasses.replace(view, history=(*view.history, *SIGNED))
        if kind is DocumentKind.SUPPLEMENT:
            return dataclasses.replace(view, history=(*view.history, *CORRECTED))
        if kind is DocumentKind.ITEM_REFUSAL:
            return dataclasses.replace(view, history=(*view.history, *REFUSED))
        return view


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory, shipped_catalog_db: Path) -> DemoCases:
    """The cases as read back, made once for the run: what the tests are given pickles, so the other workers read
    it from the worker that made it."""
    return made_once(tmp_path_factory, "documents-demo", functools.partial(_demo_cases, shipped_catalog_db))[1]


def _demo_cases(catalog: Path, path: Path) -> DemoCases:
    shutil.copyfile(catalog, path)
    engine = make_engine(f"sqlite:///{path}")
    sessions = make_sessions(engine)
    made = run_demo(sessions, DESK, TODAY)
    numbers = {m.label: m.case_no for m in made}
    with sessions.begin() as session:
        entrust(session, DESK, FOOD)  # the 食品经营许可 denial is recorded for 市监局 under its written 授权
    desk = signed_in(sessions, DESK)  # a 不予批准 at the window is its supervisor's
    lapsed = next(m for m in made if m.label == "容缺逾期：逾期事实已记录，转实施部门决定")
    with sessions.begin() as session:
        decide_item(session, desk, numbers["受理"], FOOD, approve=False, text=DENIAL_REASON, entered=ENTERED)
        # the lapse recorded the fact and left 食品经营许可 to 市监局: its 不予批准, recorded under the 授权
        at = dt.datetime.combine(lapsed.on or TODAY, dt.time(11)).astimezone()
        decide_item(session, desk, lapsed.case_no, FOOD, approve=False, text=LAPSE_REASON, at=at, entered=ENTERED)
    with sessions.begin() as session:
        at = dt.datetime.combine(TODAY, dt.time(15)).astimezone()
        hand_over_results(session, desk, numbers["受理"], HAND_OVER, at)
    with sessions() as session:
        views = {label: case_view(session, number) for label, number in numbers.items()}
        found = {label: view for label, view in views.items() if view is not None}
        assert len(found) == len(views)
        stored = guide_version(session, found["受理"].guide_version_id)
        assert stored is not None
    engine.dispose()
    return DemoCases(found, stored.bundle, OfficeSettings(progress_url_base=PROGRESS))
