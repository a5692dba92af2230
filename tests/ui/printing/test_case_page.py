"""The 文书 section of the case page: the notices made, and exactly the kinds the case allows."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from sqlalchemy.orm import Session, sessionmaker

from counter.case.not_found import CaseNotFound
from counter.case.number_faults import NumbersBehind
from counter.db import sealing
from counter.documents.kinds import DocumentKind, DocumentProblem
from counter.documents.model import DocumentNotPossible
from counter.host.keys.data_key import sm4_key_path
from counter.host.machine.paths import site_key_path
from counter.service.documents import MAKE_CASE_PAPERS, RECORD_PRINT
from counter.ui.cases.case_page import CasePage, Loaded
from counter.ui.door.runner import failed
from counter.ui.printing.preview_window import PreviewWindow
from counter.ui.printing.words import PRINTING_DB_FAILED, PRINTING_NOT_RECORDED, PRINTING_SENT
from counter.words.cases import CASE_NOT_FOUND
from counter.words.database import document_numbers_behind_text, fault_text
from counter.words.documents import document_problems_text
from tests.db.test_personal_sealing import damaged, put_back
from tests.entrusted import entrust_in
from tests.ui.called_back import Holding, in_the_event_loop, when
from tests.ui.failing import LOCKED, failing
from tests.ui.printing.conftest import Queue
from tests.ui.printing.helpers import DESK, TODAY, pdf_text, print_records, wait_for_jobs
from tests.ui.runners import runner_on

A, R, D, P, C, F = (
    DocumentKind.APPLICATION,
    DocumentKind.RECEIPT,
    DocumentKind.DEFERRAL,
    DocumentKind.PLEDGE,
    DocumentKind.CORRECTION,
    DocumentKind.REFUSAL,
)


def page_of(qtbot: QtBot, sessions: sessionmaker[Session], case_no: str) -> CasePage:
    page = CasePage(runner_on(sessions, lambda: TODAY), DESK, lambda: TODAY, case_no)
    qtbot.addWidget(page)
    assert page.reload() is Loaded.SHOWN
    page.resize(1120, 820)
    page.show()
    return page


def previews(page: CasePage) -> list[PreviewWindow]:
    return page.findChildren(PreviewWindow)


def cell(page: CasePage, row: int, column: int) -> str:
    item = page.documents.table.item(row, column)
    assert item is not None
    return item.text()


def shown_buttons(page: CasePage) -> dict[DocumentKind, str]:
    return {kind: button.text() for kind, button in page.documents.buttons.items() if button.isVisible()}


@pytest.mark.parametrize(
    ("label", "kinds"),
    [
        ("受理", (A, R)),
        ("容缺受理", (A, R, D, P)),  # its materials have arrived since: the papers of the intake stay printable
        ("补正（委托代理人办理）", (A, C)),  # an application to be corrected is still the application
        ("撤回申请", (F,)),  # goes to no department: nothing to apply for
        ("补正后重新提交并受理", (A, R)),
        # a deferral that ran out: its denial is one item's paper (counter print --doc denial --item), not the case's
        ("容缺逾期：逾期事实已记录，转实施部门决定", (A, R, D, P)),
    ],
)
def test_the_page_offers_exactly_the_notices_that_fit(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], label: str, kinds: tuple[DocumentKind, ...]
) -> None:
    page = page_of(qtbot, sessions, cases[label])
    assert page.documents.offered() == kinds
    assert list(shown_buttons(page)) == list(kinds)
    assert page.documents.empty.isVisible()  # nothing made yet
    assert not page.documents.table.isVisible()


@pytest.mark.slow
def test_a_notice_made_is_listed_and_offered_again_as_a_reprint(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue
) -> None:
    page = page_of(qtbot, sessions, cases["受理"])
    # the hall records no entrustment for the bundle's items: it receives them, the departments accept (许可法
    # 第二十六条), and its receipt is a 收件凭证 — named so on the button that prints it
    assert shown_buttons(page) == {A: "打印一件事联办申请表", R: "打印收件凭证"}
    QTest.mouseClick(page.documents.buttons[R], Qt.MouseButton.LeftButton)
    [window] = previews(page)
    made = window.documents[0]
    assert (made.kind, made.reprint) == (R, False)
    assert "收件凭证" in pdf_text(made.pdf)
    assert "受理凭证" not in pdf_text(made.pdf)
    table = page.documents.table
    assert table.isVisible()
    assert table.rowCount() == 1
    row = [cell(page, 0, c) for c in range(table.columnCount())]
    assert row == ["收件凭证", made.doc_no, "2026-11-20", "未打印"]
    # made and numbered, never printed: printed for the first time, not 重打 (a second copy the applicant never had)
    assert shown_buttons(page) == {A: "打印一件事联办申请表", R: "打印收件凭证"}

    with qtbot.waitSignal(window.print_finished, timeout=20_000):
        QTest.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    assert wait_for_jobs(queue.folder, 1) == [made.pdf]
    qtbot.waitUntil(lambda: cell(page, 0, 3) == "1 次")  # the page counted the print, once it read the case again
    assert shown_buttons(page) == {A: "打印一件事联办申请表", R: "重打收件凭证"}

    QTest.mouseClick(page.documents.buttons[R], Qt.MouseButton.LeftButton)
    again = next(w for w in previews(page) if w is not window)
    assert again.documents[0].reprint
    assert again.documents[0].pdf == made.pdf
    assert page.documents.table.rowCount() == 1  # a reprint is not a new notice
    assert [ok for ok, *_ in print_records(sessions, made.document_id)] == [True]


def test_where_the_departments_entrusted_the_hall_its_receipt_is_named_as_the_acceptance_it_is(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue
) -> None:
    """The same case where every item's department entrusted the hall in writing (许可法 第二十四条): the hall accepts
    in their name, and the page names the 受理凭证 that then prints."""
    page = page_of(qtbot, sessions, cases["受理"])
    assert shown_buttons(page)[R] == "打印收件凭证"
    entrust_in(sessions, DESK, *(item.code for item in page.item_states.items))
    assert page.reload() is Loaded.SHOWN
    assert shown_buttons(page)[R] == "打印受理凭证"
    with qtbot.waitSignal(page.documents.print_requested, timeout=5000):
        QTest.mouseClick(page.documents.buttons[R], Qt.MouseButton.LeftButton)
    [window] = previews(page)
    assert "受理凭证" in pdf_text(window.documents[0].pdf)
    # a 受理凭证 per entrusting department (one paper, one body), each line named by its body
    assert len(window.documents) == 3
    assert cell(page, 0, 0) == "受理凭证（乌兰浩特市市场监督管理局）"
    assert cell(page, 2, 0) == "受理凭证（国家税务总局乌兰浩特市税务局）"


def test_a_receipt_made_before_an_entrustment_keeps_its_title_and_is_reprinted_as_made(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue
) -> None:
    """A paper is reprinted under the settings it was first made under
    (counter.actions.cases.documents.make_document): a
    收件凭证 made before the departments' 授权 was recorded stays one, and the page names it so."""
    page = page_of(qtbot, sessions, cases["受理"])
    with qtbot.waitSignal(page.documents.print_requested, timeout=5000):
        QTest.mouseClick(page.documents.buttons[R], Qt.MouseButton.LeftButton)
    [first] = previews(page)
    entrust_in(sessions, DESK, *(item.code for item in page.item_states.items))
    assert page.reload() is Loaded.SHOWN
    assert cell(page, 0, 0) == "收件凭证"
    assert shown_buttons(page)[R] == "打印收件凭证"  # made, never printed: its title as made
    with qtbot.waitSignal(page.documents.print_requested, timeout=5000):
        QTest.mouseClick(page.documents.buttons[R], Qt.MouseButton.LeftButton)
    again = next(w for w in previews(page) if w is not first)
    assert again.documents[0].reprint
    assert "收件凭证" in pdf_text(again.documents[0].pdf)


def test_a_failed_print_is_counted_on_the_page(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue
) -> None:
    page = page_of(qtbot, sessions, cases["撤回申请"])
    QTest.mouseClick(page.documents.buttons[F], Qt.MouseButton.LeftButton)
    [window] = previews(page)
    window.on_printer_chosen("switched-off")
    with qtbot.waitSignal(window.print_finished, timeout=20_000) as finished:
        QTest.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    assert finished.args == [False]
    qtbot.waitUntil(lambda: cell(page, 0, 3) == "1 次（其中失败 1 次）")  # counted once the case is read again
    assert page.view is not None
    assert page.view.status.value == "withdrawn"  # the case is as it was (the applicant withdrew at intake)


def test_a_print_whose_record_failed_is_said_on_the_page_once_its_preview_closed(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue
) -> None:
    """The receipt came out, its record did not (the database locked): the preview closes as after any print, and
    the page says both, as a warning, for the clerk to check the print count; the paper is not asked for again."""
    page = page_of(qtbot, sessions, cases["受理"])
    QTest.mouseClick(page.documents.buttons[R], Qt.MouseButton.LeftButton)
    [window] = previews(page)
    made = window.documents[0]
    failing(page._runner, LOCKED, RECORD_PRINT)
    with qtbot.waitSignal(window.sent_all, timeout=20_000):
        QTest.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not isValid(window))  # closed and freed, not merely hidden
    sent = PRINTING_SENT.format(printer=queue.name, titles="收件凭证")
    assert page.notice.isVisible()
    assert page.notice.text() == sent + failed(LOCKED, PRINTING_NOT_RECORDED).message
    assert page.notice.objectName() == "noticeWarn"
    assert wait_for_jobs(queue.folder, 1) == [made.pdf]
    assert print_records(sessions, made.document_id) == []


def test_a_notice_asked_on_the_page_opens_once_it_is_made_and_the_page_goes_on_meanwhile(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str]
) -> None:
    page = page_of(qtbot, sessions, cases["受理"])
    held = Holding(page._runner, "documents.make_case_papers")
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        QTest.mouseClick(page.documents.buttons[R], Qt.MouseButton.LeftButton)  # returns while the paper is made
        seen["running"], seen["previews"] = page._runner.running, previews(page)
        held.release()
        when(lambda: bool(previews(page)) and page.documents.table.rowCount() == 1, application.quit)

    in_the_event_loop(steps)
    assert seen["running"] == "documents.make_case_papers", "the page waited for the paper"
    assert seen["previews"] == []
    [window] = previews(page)
    assert window.documents[0].kind is R
    assert cell(page, 0, 3) == "未打印"  # the page read the case again: the receipt is listed


UNNAMED = (("兴安盟市场监督管理局", ("兴安盟行政公署", "内蒙古自治区市场监督管理局")),)
REFUSALS = {
    # the site has not named the department's 复议 body: the paper would print the applicant's rights wrong
    "review body unnamed": (
        DocumentNotPossible((DocumentProblem.REVIEW_BODY_UNNAMED,), UNNAMED),
        document_problems_text((DocumentProblem.REVIEW_BODY_UNNAMED,), UNNAMED),
    ),
    # the database was restored from a copy older than a notice already given out: numbering now would repeat it
    "numbers behind": (
        NumbersBehind("XAM01-SJ-20261120-0007", "records"),
        document_numbers_behind_text("XAM01-SJ-20261120-0007"),
    ),
    "case gone": (CaseNotFound("XAM01-20261120-0001"), CASE_NOT_FOUND.format(case_no="XAM01-20261120-0001")),
}


@pytest.mark.parametrize("refusal", REFUSALS)
def test_a_notice_that_cannot_be_made_is_said_on_the_page_and_nothing_is_previewed(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], refusal: str
) -> None:
    """The page's words for why the receipt was not made, in red under its buttons; the page stays as it was and the
    receipt is asked again once the cause is mended."""
    raised, said = REFUSALS[refusal]
    page = page_of(qtbot, sessions, cases["受理"])
    away = failing(page._runner, raised, MAKE_CASE_PAPERS)
    QTest.mouseClick(page.documents.buttons[R], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.notice.isVisible)
    assert page.notice.text() == said
    assert page.notice.objectName() == "noticeError"
    assert previews(page) == []
    assert page.documents.empty.isVisible()  # nothing numbered
    away.mend()
    QTest.mouseClick(page.documents.buttons[R], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(previews(page)) == 1)
    assert previews(page)[0].documents[0].kind is R


def test_a_notice_of_a_case_its_data_key_cannot_open_is_refused_in_the_keys_words(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str]
) -> None:
    """The site's data key lost after the intake: the receipt made of the case would print （已加密） where the
    applicant's ID number, phone and address belong, and be handed over.  The page says the key is damaged and
    nothing was printed (no preview, nothing numbered); with the key put back from its copy it is made."""
    sealing.finish_pending(sessions.kw["bind"])  # the template's values, kept in clear, sealed under this home's key
    page = page_of(qtbot, sessions, cases["受理"])
    key_file = sm4_key_path(site_key_path(), 1)
    kept = key_file.read_bytes()
    damaged(key_file, "missing")
    QTest.mouseClick(page.documents.buttons[R], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.notice.isVisible)
    assert page.notice.text() == PRINTING_DB_FAILED.format(fault=fault_text("data_key"))
    assert previews(page) == []
    assert page.documents.empty.isVisible()  # nothing numbered
    put_back(key_file, kept)
    QTest.mouseClick(page.documents.buttons[R], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(previews(page)) == 1)
    assert "（已加密）" not in pdf_text(previews(page)[0].documents[0].pdf)
