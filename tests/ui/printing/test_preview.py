"""The preview shows the very PDF that prints; 打印 sends it to a real CUPS queue; a failed print loses nothing."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from sqlalchemy.orm import Session, sessionmaker

from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission
from counter.db.case_store import case_view
from counter.db.document_store import add_print
from counter.documents.kinds import DocumentKind
from counter.documents.made import MadeDocument, PrintNotMade
from counter.host.machine.desk_config import config_path, load_desk_config
from counter.printing.cups import PrintProblem
from counter.service.documents import RECORD_PRINT
from counter.ui.door.runner import failed
from counter.ui.printing.opening import open_preview
from counter.ui.printing.preview_window import PAGE_EDGES, PreviewWindow, doc_title
from counter.ui.printing.words import (
    PRINTING_CHECK_DATES,
    PRINTING_CONTENT_LINE,
    PRINTING_NOT_MADE_HERE,
    PRINTING_NOT_RECORDED,
    PRINTING_PRINTER_LINE,
    PRINTING_RECORD_REFUSED,
    PRINTING_REPRINT,
    PRINTING_SENT,
    PRINTING_UNPRINTED_CLOSE,
)
from counter.words.access import refused_for
from counter.words.printing import print_problem_text
from tests.cups_server import Cups
from tests.ui.failing import LOCKED, failing
from tests.ui.printing.conftest import Queue
from tests.ui.printing.helpers import (
    DESK,
    case_papers,
    ink,
    page_counts,
    pdf_pages,
    print_records,
    wait_for_jobs,
)
from tests.ui.runners import runner_on

DEFERRAL_SET = (DocumentKind.DEFERRAL, DocumentKind.PLEDGE, DocumentKind.RECEIPT)
PRINT_TIMEOUT_MS = 20_000


def preview(
    qtbot: QtBot, sessions: sessionmaker[Session], case_no: str, kinds: tuple[DocumentKind, ...]
) -> PreviewWindow:
    runner = runner_on(sessions)
    window = open_preview(None, runner, DESK, case_papers(runner, DESK, case_no, kinds))
    qtbot.addWidget(window)
    return window


def click_print(qtbot: QtBot, window: PreviewWindow) -> bool:
    with qtbot.waitSignal(window.print_finished, timeout=PRINT_TIMEOUT_MS) as finished:
        QTest.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    complete = finished.args[0]
    assert isinstance(complete, bool)
    return complete


def test_the_preview_shows_every_page_of_each_pdf(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str]
) -> None:
    window = preview(qtbot, sessions, cases["容缺受理"], DEFERRAL_SET)
    assert window.isVisible()
    assert not window.isModal()
    assert [made.kind for made in window.documents] == list(DEFERRAL_SET)
    # the hall only receives the demo's items: its papers head themselves as its 收件 papers, and so are named
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "容缺后补材料告知书",
        "容缺受理承诺书",
        "收件凭证",
    ]
    assert page_counts(window) == [pdf_pages(made.pdf) for made in window.documents]
    assert all(count >= 2 for count in page_counts(window))  # 一式两份: a full set of pages per copy
    first_page = window.views[0].pages[0].pixmap().toImage()
    # A4 at screen resolution (794 pixels), or as wide as the screen has room for (the tests' screen is 800 wide)
    screen = window.screen().availableGeometry().width()
    assert first_page.width() >= min(700, screen - PAGE_EDGES)
    assert first_page.width() <= screen - PAGE_EDGES
    assert ink(first_page) > 0.01  # text, tables, the barcode: not a blank page
    deferral = window.documents[0]
    assert window.title.text() == "容缺后补材料告知书"
    assert deferral.doc_no in window.numbers.text()
    assert cases["容缺受理"] in window.numbers.text()
    assert not window.reprint_tag.isVisible()
    assert not window.dates_warning.isVisible()
    window.tabs.setCurrentIndex(2)
    assert window.title.text() == "收件凭证"
    assert window.documents[2].doc_no in window.numbers.text()
    assert window.content_line.text() == PRINTING_CONTENT_LINE.format(
        titles="容缺后补材料告知书、容缺受理承诺书、收件凭证", pages=sum(page_counts(window))
    )
    assert window.printer_line.text() == PRINTING_PRINTER_LINE.format(printer="系统默认打印机")


def _printed(sessions: sessionmaker[Session], made: MadeDocument, *, ok: bool) -> None:
    """A print of ``made`` recorded as the preview records it: come out of the printer, or failed."""
    with sessions.begin() as session:
        error = "" if ok else "stopped"
        add_print(session, made.document_id, "乌兰", "8", "printer:hall", made.content_hash, ok, error)


def test_a_reprint_shows_the_same_paper_and_says_so(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str]
) -> None:
    first = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    _printed(sessions, first.documents[0], ok=True)
    again = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    assert again.documents[0].pdf == first.documents[0].pdf
    assert again.documents[0].doc_no == first.documents[0].doc_no
    assert again.reprint_tag.isVisible()
    assert again.reprint_tag.text() == PRINTING_REPRINT
    assert not again.tabs.tabBar().isVisible()  # one document: no tabs to choose from


def test_the_first_print_of_a_paper_made_before_is_no_reprint(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str]
) -> None:
    """Made, its preview closed or its print failed, never printed: the case page offers it as 打印, and its preview
    does not call it a 重打 of a paper the applicant never had; once a print came out, it does."""
    first = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    assert not first.reprint_tag.isVisible()
    again = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    assert again.documents[0].doc_no == first.documents[0].doc_no  # the paper first made, with its number
    assert not again.reprint_tag.isVisible()
    _printed(sessions, first.documents[0], ok=False)
    failed = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    assert not failed.reprint_tag.isVisible()
    _printed(sessions, first.documents[0], ok=True)
    printed = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    assert printed.reprint_tag.isVisible()


def test_dates_beyond_the_holiday_data_are_flagged(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str]
) -> None:
    (made,) = case_papers(runner_on(sessions), DESK, cases["受理"], (DocumentKind.RECEIPT,))
    window = open_preview(None, runner_on(sessions), DESK, (dataclasses.replace(made, check_dates=True),))
    qtbot.addWidget(window)
    assert window.dates_warning.isVisible()
    assert window.dates_warning.text() == PRINTING_CHECK_DATES.format(title="收件凭证")


def test_print_sends_the_exact_bytes_records_the_print_and_the_preview_goes(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue
) -> None:
    window = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    made = window.documents[0]
    assert queue.name in window.printer_line.text()
    with qtbot.waitSignal(window.sent_all, timeout=PRINT_TIMEOUT_MS) as sent:
        QTest.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not isValid(window))  # closed and freed, not merely hidden
    assert sent.args == [PRINTING_SENT.format(printer=queue.name, titles="收件凭证"), ""]  # on record: nothing more
    assert wait_for_jobs(queue.folder, 1) == [made.pdf]
    assert print_records(sessions, made.document_id) == [(True, f"printer:{queue.name}", "", made.content_hash)]


def closing_preview(sessions: sessionmaker[Session], case_no: str) -> PreviewWindow:
    """A receipt's preview the test itself sees closed and freed: a failed record's fault keeps, through its
    traceback's frames, the Python side of the window after Qt freed it, and the teardown would close it again."""
    runner = runner_on(sessions)
    return open_preview(None, runner, DESK, case_papers(runner, DESK, case_no, (DocumentKind.RECEIPT,)))


def test_a_print_whose_record_fails_is_passed_on_as_the_preview_goes(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue
) -> None:
    """The paper came out, its record did not (the database locked): the preview closes as after any print, and
    hands its opener the record's problem with the sentence saying where the paper went, for the clerk to see once
    the preview is gone; the paper is not asked for again."""
    window = closing_preview(sessions, cases["受理"])
    made = window.documents[0]
    away = failing(window._runner, LOCKED, RECORD_PRINT)
    with qtbot.waitSignal(window.sent_all, timeout=PRINT_TIMEOUT_MS) as sent:
        QTest.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not isValid(window))
    assert away.asked == [RECORD_PRINT.name]
    assert sent.args == [
        PRINTING_SENT.format(printer=queue.name, titles="收件凭证"),
        failed(LOCKED, PRINTING_NOT_RECORDED).message,
    ]
    assert wait_for_jobs(queue.folder, 1) == [made.pdf]
    assert print_records(sessions, made.document_id) == []


def test_a_record_that_fails_as_a_fault_of_the_program_still_lets_the_preview_close(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue
) -> None:
    """A record raising what is neither a refusal nor a failure of the database goes to the error hook, and the
    preview, its paper out, closes all the same rather than waiting for ever on a record that will never answer."""
    window = closing_preview(sessions, cases["受理"])
    broke = RuntimeError("record broke")
    failing(window._runner, broke, RECORD_PRINT)
    with qtbot.captureExceptions() as raised:
        QTest.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not isValid(window), timeout=PRINT_TIMEOUT_MS)
    assert [err for _, err, _ in raised] == [broke]


def test_a_set_prints_in_order_with_ctrl_p(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue
) -> None:
    window = preview(qtbot, sessions, cases["容缺受理"], DEFERRAL_SET)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window
    with qtbot.waitSignal(window.print_finished, timeout=PRINT_TIMEOUT_MS) as finished:
        QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert finished.args == [True]
    assert wait_for_jobs(queue.folder, 3) == [made.pdf for made in window.documents]
    for made in window.documents:
        assert [ok for ok, *_ in print_records(sessions, made.document_id)] == [True]


def test_a_stopped_printer_keeps_the_case_and_the_reprint_is_one_click(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue, cups: Cups
) -> None:
    case_no = cases["受理"]
    window = preview(qtbot, sessions, case_no, (DocumentKind.RECEIPT,))
    made = window.documents[0]
    with sessions() as session:
        before = case_view(session, case_no)
    cups.run("cupsdisable", queue.name)

    assert not click_print(qtbot, window)
    expected = print_problem_text(PrintProblem.PRINTER_STOPPED, queue.name)
    assert window.problem.isVisible()
    assert expected in window.problem.text()
    assert "办件已保存" in window.problem.text()
    assert window.isVisible()
    assert window.print_button.isEnabled()
    [(ok, target, error, digest)] = print_records(sessions, made.document_id)
    assert (ok, target, digest) == (False, f"printer:{queue.name}", made.content_hash)
    assert PrintProblem.PRINTER_STOPPED.value in error
    with sessions() as session:
        assert case_view(session, case_no) == before  # a print never touches the case
    assert not list(queue.folder.glob("job-*"))

    cups.run("cupsenable", queue.name)
    assert click_print(qtbot, window)
    qtbot.waitUntil(lambda: not isValid(window))  # the paper is out: the preview goes
    assert wait_for_jobs(queue.folder, 1) == [made.pdf]
    assert [ok for ok, *_ in print_records(sessions, made.document_id)] == [False, True]


def test_a_missing_printer_is_named_and_recorded(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue
) -> None:
    window = preview(qtbot, sessions, cases["撤回申请"], (DocumentKind.REFUSAL,))
    window.on_printer_chosen("no-such-printer")
    assert not click_print(qtbot, window)
    assert print_problem_text(PrintProblem.PRINTER_MISSING, "no-such-printer") in window.problem.text()
    [(ok, target, _error, _digest)] = print_records(sessions, window.documents[0].document_id)
    assert (ok, target) == (False, "printer:no-such-printer")


def test_the_chosen_printer_is_remembered_by_the_desk(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue, cups: Cups
) -> None:
    stopped = f"{queue.name}-stopped"
    cups.add_queue(stopped)
    cups.run("cupsdisable", stopped)
    window = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    QTest.mouseClick(window.choose_button, Qt.MouseButton.LeftButton)
    chooser = window.chooser
    assert chooser is not None
    assert chooser.isVisible()
    assert not chooser.isModal()
    with qtbot.waitSignal(chooser.loaded):
        pass  # lpstat answers on the chooser's own thread
    names = chooser.names()
    assert names[0] == ""  # the CUPS default
    assert {queue.name, stopped} <= set(names)
    assert chooser.list.currentItem().text() == queue.name  # the desk's printer is preselected
    labels = [chooser.list.item(row).text() for row in range(chooser.list.count())]
    assert f"{stopped}（已停止）" in labels
    chooser.select(stopped)
    QTest.mouseClick(chooser.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not chooser.isVisible()
    assert window.printer == stopped
    assert stopped in window.printer_line.text()
    assert load_desk_config().printer == stopped  # a new load of desk.json, as the next start does
    other = preview(qtbot, sessions, cases["撤回申请"], (DocumentKind.REFUSAL,))
    assert other.printer == stopped


def test_a_desk_json_from_before_printers_still_loads() -> None:
    config_path().write_text(json.dumps({"site_code": "XAM01", "desk_no": "3", "clerk": "其其格"}), encoding="utf-8")
    loaded = load_desk_config()
    assert (loaded.desk_no, loaded.clerk, loaded.printer) == ("3", "其其格", "")


def test_save_as_pdf_writes_the_bytes_and_records_it(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], tmp_path: Path
) -> None:
    window = preview(qtbot, sessions, cases["补正（委托代理人办理）"], (DocumentKind.CORRECTION,))
    made = window.documents[0]
    QTest.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    dialog = window.save_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert not dialog.isModal()
    target = tmp_path / "补正通知书.pdf"
    with qtbot.waitSignal(dialog.fileSelected):
        dialog.selectFile(str(target))
        dialog.accept()
    assert target.read_bytes() == made.pdf
    assert print_records(sessions, made.document_id) == [(True, f"file:{target}", "", made.content_hash)]
    assert str(target) in window.done.text()


ROLES_CHANGED = NotPermitted(Permission.PRINT, signed_in=True)
RECORD_REFUSALS = {
    "not made here": (PrintNotMade("XAM01-BZ-20261120-0001"), PRINTING_NOT_MADE_HERE),
    "roles changed": (ROLES_CHANGED, PRINTING_RECORD_REFUSED.format(why=refused_for(ROLES_CHANGED))),
}


@pytest.mark.parametrize("refusal", RECORD_REFUSALS)
def test_a_record_the_service_refuses_is_said_in_the_preview_and_the_paper_stays(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], tmp_path: Path, refusal: str
) -> None:
    """The print's record refused (a paper this desk and account did not make, the account's roles changed since it
    signed in): said in Chinese where the preview says a record's problem, never the window's error box; the copy
    handed out stays, and the preview stays usable."""
    raised, said = RECORD_REFUSALS[refusal]
    window = preview(qtbot, sessions, cases["补正（委托代理人办理）"], (DocumentKind.CORRECTION,))
    made = window.documents[0]
    away = failing(window._runner, raised, RECORD_PRINT)
    target = tmp_path / "补正通知书.pdf"
    assert window.save_to(target)
    assert away.asked == [RECORD_PRINT.name]
    assert window.record_problem.isVisible()
    assert window.record_problem.text() == said
    assert target.read_bytes() == made.pdf
    assert window.done.isVisible()
    assert window.isVisible()
    assert window.print_button.isEnabled()
    assert print_records(sessions, made.document_id) == []
    away.mend()
    assert window.save_to(target)  # the next record is asked again
    assert print_records(sessions, made.document_id) == [(True, f"file:{target}", "", made.content_hash)]


def test_escape_with_papers_not_printed_asks_before_closing(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str]
) -> None:
    """Esc on a preview whose papers never went out names them and asks: Enter goes back to print, 仍然关闭 closes.
    Closed silently, the applicant left without the paper and nothing said so."""
    window = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_Escape)
    question = window.close_question
    assert question is not None
    qtbot.waitUntil(question.isVisible)
    assert doc_title(window.documents[0]) in question.text()
    QTest.keyClick(question, Qt.Key.Key_Return)  # back to print: nothing closed
    qtbot.waitUntil(lambda: not question.isVisible())
    assert window.isVisible()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    again = window.close_question
    assert again is not None
    qtbot.waitUntil(again.isVisible)
    leave = next(b for b in again.buttons() if b.text() == PRINTING_UNPRINTED_CLOSE)
    with qtbot.waitSignal(window.destroyed):
        QTest.mouseClick(leave, Qt.MouseButton.LeftButton)


def test_cups_forced_without_its_clients_the_chooser_says_so_and_keeps_the_choice(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    window.on_printer_chosen("desk8-laser")
    monkeypatch.setenv("PATH", "/nonexistent")  # no lpstat, no lp: CUPS is not installed
    monkeypatch.setenv("COUNTER_PRINT", "cups")  # ... and yet a technician sent the prints there
    QTest.mouseClick(window.choose_button, Qt.MouseButton.LeftButton)
    chooser = window.chooser
    assert chooser is not None
    with qtbot.waitSignal(chooser.loaded):
        pass
    assert chooser.message.text() == print_problem_text(PrintProblem.NO_CUPS, "", "lpstat")
    assert chooser.names() == ["", "desk8-laser"]
    assert chooser.list.currentItem().text() == "desk8-laser"
    assert not click_print(qtbot, window)
    assert print_problem_text(PrintProblem.NO_CUPS, "desk8-laser", "lp") in window.problem.text()


def test_page_down_scrolls_the_pages_while_print_has_the_keyboard(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str]
) -> None:
    window = preview(qtbot, sessions, cases["容缺受理"], DEFERRAL_SET)
    window.resize(1024, 600)  # a short screen: the pages run below the edge
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.print_button.setFocus()
    bar = window.views[0].verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    QTest.keyClick(window.print_button, Qt.Key.Key_PageDown)
    assert bar.value() == bar.pageStep()
    QTest.keyClick(window.print_button, Qt.Key.Key_PageUp)
    assert bar.value() == 0


def test_a_copy_the_stick_cannot_take_is_said_recorded_nowhere_and_saved_again_elsewhere(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], tmp_path: Path
) -> None:
    import errno

    from counter.ui.printing.words import PRINTING_SAVE_FAILED
    from counter.words.files import file_fault

    window = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    made = window.documents[0]
    pulled_out = tmp_path / "stick" / "收件凭证.pdf"
    assert not window.save_to(pulled_out)
    fault = file_fault(OSError(errno.ENOENT, "No such file or directory"))
    assert window.problem.text() == PRINTING_SAVE_FAILED.format(path=pulled_out, fault=fault)
    assert window.problem.isVisible()
    assert not window.done.isVisible()
    assert print_records(sessions, made.document_id) == []

    kept = tmp_path / "收件凭证.pdf"
    assert window.save_to(kept)
    assert not window.problem.isVisible()
    assert kept.read_bytes() == made.pdf
    assert print_records(sessions, made.document_id) == [(True, f"file:{kept}", "", made.content_hash)]


def test_a_preview_closed_while_its_set_prints_goes_once_every_paper_is_out_and_on_record(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue
) -> None:
    runner = runner_on(sessions)
    window = open_preview(None, runner, DESK, case_papers(runner, DESK, cases["容缺受理"], DEFERRAL_SET))
    made = window.documents
    QTest.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    assert window.run is not None
    window.close()  # Esc while the jobs are handed over
    assert window.isVisible()
    qtbot.waitUntil(lambda: not isValid(window), timeout=PRINT_TIMEOUT_MS)
    assert wait_for_jobs(queue.folder, 3) == [paper.pdf for paper in made]
    for paper in made:
        assert [ok for ok, *_ in print_records(sessions, paper.document_id)] == [True]


def test_a_preview_closed_while_its_print_fails_stays_to_say_so_with_the_failure_on_record(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue, cups: Cups
) -> None:
    """Esc while the receipt is handed over, and the printer is stopped: the window does not vanish with the paper
    unprinted; it stays, saying why, 打印 ready to print again, and goes at the next close."""
    cups.run("cupsdisable", queue.name)
    runner = runner_on(sessions)
    window = open_preview(None, runner, DESK, case_papers(runner, DESK, cases["受理"], (DocumentKind.RECEIPT,)))
    qtbot.addWidget(window)
    made = window.documents[0]
    QTest.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    window.close()
    qtbot.waitUntil(lambda: window.run is None and not window._recording, timeout=PRINT_TIMEOUT_MS)
    [(ok, target, error, _digest)] = print_records(sessions, made.document_id)
    assert (ok, target) == (False, f"printer:{queue.name}")
    assert PrintProblem.PRINTER_STOPPED.value in error
    qtbot.wait(50)  # anything queued after the run's end has run
    assert isValid(window)
    assert window.isVisible()
    assert window.problem.isVisible()
    assert doc_title(made) in window.problem.text()
    assert window.print_button.isEnabled()
    window.close()
    qtbot.waitUntil(lambda: not isValid(window) or not window.isVisible(), timeout=PRINT_TIMEOUT_MS)


def test_the_chooser_names_the_desks_printer_gone_and_a_double_click_chooses_another(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue, cups: Cups
) -> None:
    """The desk's printer was taken away (renamed, uninstalled): the chooser still lists it, marked gone and chosen,
    so the clerk sees what the desk had; a double click on another printer takes that one."""
    from counter.host.machine.desk_config import save_desk_config
    from counter.ui.printing.words import PRINTING_PRINTER_GONE

    gone = "二楼走廊打印机"
    save_desk_config(dataclasses.replace(load_desk_config(), printer=gone))
    window = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    QTest.mouseClick(window.choose_button, Qt.MouseButton.LeftButton)
    chooser = window.chooser
    assert chooser is not None
    with qtbot.waitSignal(chooser.loaded):
        pass
    labels = [chooser.list.item(row).text() for row in range(chooser.list.count())]
    assert PRINTING_PRINTER_GONE.format(printer=gone) in labels
    assert chooser.list.currentItem().text() == PRINTING_PRINTER_GONE.format(printer=gone)
    spot = chooser.list.visualItemRect(chooser.list.item(chooser.names().index(queue.name))).center()
    QTest.mouseClick(chooser.list.viewport(), Qt.MouseButton.LeftButton, pos=spot)  # a double click's first press
    QTest.mouseDClick(chooser.list.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert not chooser.isVisible()
    assert window.printer == queue.name
    assert load_desk_config().printer == queue.name


def test_a_printer_chosen_where_the_desk_settings_cannot_be_written_is_used_and_said_unsaved(
    qtbot: QtBot,
    sessions: sessionmaker[Session],
    cases: dict[str, str],
    queue: Queue,
    cups: Cups,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """desk.json that cannot be written: the window prints where the clerk chose all the same, and says that the
    choice is not kept for the next print, in words, never the file's path."""
    import errno

    from counter.ui.printing.words import PRINTING_CHOICE_NOT_SAVED
    from counter.words.files import file_fault

    other = f"{queue.name}-upstairs"
    folder = cups.add_queue(other)
    window = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    made = window.documents[0]
    config_path().unlink()
    config_path().mkdir()  # a folder where the desk's settings file belongs
    window.on_printer_chosen(other)
    fault = file_fault(OSError(errno.EISDIR, "Is a directory"))
    assert window.problem.text() == PRINTING_CHOICE_NOT_SAVED.format(fault=fault)
    assert str(config_path()) not in window.problem.text()
    assert str(config_path()) in caplog.text  # the file, for support
    caplog.clear()  # its record holds the window's frames: the window is freed once it closes
    assert window.printer == other
    assert other in window.printer_line.text()
    with qtbot.waitSignal(window.sent_all, timeout=PRINT_TIMEOUT_MS) as sent:
        QTest.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not isValid(window))  # closed and freed, as after any print
    assert sent.args[0] == PRINTING_SENT.format(printer=other, titles="收件凭证")
    assert wait_for_jobs(folder, 1) == [made.pdf]
    config_path().rmdir()
