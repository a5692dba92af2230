"""A desk with real cases, and every window a clerk can open from it, opened the way the desk opens it.

The database is :mod:`tests.ui.cases.casebook`'s (the shipped catalog, the demo's cases, deferrals and a correction);
the main window is made and placed as :mod:`counter.ui.start.app` does, and each other window is opened through the
main window's own actions, so the size a test sees is the size the desk gives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from counter.actions.cases.case_view import read_case
from counter.actions.cases.item_steps import route_items, take_item_step
from counter.actions.catalog.guides import current_guide, search_entries
from counter.actions.site.store import Store
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.case.status import CaseEvent
from counter.catalog.model import Bundle
from counter.documents.kinds import DocumentKind
from counter.intake.outcome import RefusalGround
from counter.ratings.levels import Level
from counter.service.call import Clock
from counter.service.local import InProcess
from counter.ui.cases.opening import CaseDesk
from counter.ui.intake import IntakePanel
from counter.ui.look.geometry import fit_to_screen
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.printing.making import NoticeRefused
from counter.ui.printing.opening import show_case_documents
from counter.ui.printing.preview_window import PreviewWindow
from counter.ui.printing.printer_chooser import PrinterChooser
from counter.ui.start.start_window import WINDOW_SIZE
from counter.ui.sync.words import SYNC_STATUS_STALE
from tests.ui.cases.casebook import Casebook
from tests.ui.runners import store_of

PAD_PANEL = (800, 480)  # the smallest pad screen a desk has
DAY = dt.date(2026, 11, 24)  # the 2026-11-18 deferral is overdue, the 2026-11-20 one due tomorrow


def settle() -> None:
    """Let layouts, resizes and deferred refits run (no time passes: each round only empties the queue)."""
    for _ in range(4):
        QCoreApplication.sendPostedEvents()
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


def desk_window(store: Store) -> MainWindow:
    """The main window as the app makes and places it, shown, with the catalog the database holds."""
    window = MainWindow(InProcess(store, clock=Clock(DAY)), None)
    fit_to_screen(window, WINDOW_SIZE)
    window.show()
    window.catalog_ready.emit(True)
    settle()
    return window


def longest_guide(window: MainWindow) -> Bundle:
    """The published guide with the most materials (and, among equals, the longest names) in the shipped catalog."""
    runner = window.runner
    guides = (
        store_of(runner).read(partial(current_guide, bundle_code=e.bundle_code))
        for e in store_of(runner).read(search_entries)
    )
    bundles = [g.bundle for g in guides if g is not None and g.bundle.published]
    return max(bundles, key=lambda b: (len(b.materials), sum(len(m.name) for m in b.materials)))


def fullest_case(window: MainWindow, book: Casebook) -> str:
    """The case of the book with the most lines of materials and history."""

    def lines(case_no: str) -> int:
        page = store_of(window.runner).read(partial(read_case, case_no=case_no))
        assert page is not None
        return len(page.view.materials) + len(page.view.history)

    return max((*book.demo_cases(), book.awaiting, book.awaiting_earlier, book.correction), key=lines)


def open_intake(window: MainWindow, _book: Casebook) -> IntakePanel:
    window.on_bundle_chosen(longest_guide(window).code)
    window.on_intake_requested()
    intake = window.desk_actions.intake
    assert intake is not None
    settle()
    return intake


def open_intake_filled(window: MainWindow, book: Casebook) -> IntakePanel:
    """The intake at its tallest: an agent, every situation answered, the refusal's grounds open."""
    intake = open_intake(window, book)
    intake.agent_form.setChecked(True)
    for situation in intake.bundle.situations:
        if situation.options:
            intake.situations.option_button(situation.code, situation.options[-1].code).click()
    intake.refusal.setChecked(True)
    settle()
    return intake


def _cases(window: MainWindow) -> CaseDesk:
    cases: CaseDesk = window.desk_actions.cases()
    return cases


def open_intake_received(window: MainWindow, book: Casebook) -> IntakePanel:
    """Every material handed in (the counts and media of each row shown), the refusal turning to another office."""
    intake = open_intake_filled(window, book)
    intake.checklist_view.all_received_button.click()
    intake.refusal.grounds[RefusalGround.NOT_IN_REMIT].setChecked(True)
    intake.deferral.asked.setChecked(True)
    settle()
    return intake


def open_case_page(window: MainWindow, book: Casebook) -> QWidget:
    page = _cases(window).open_case(fullest_case(window, book))
    assert page is not None
    settle()
    return page


def open_case_deciding(window: MainWindow, book: Casebook) -> QWidget:
    """The overdue deferral as its supervisor finds it, every button there, the extension's form open."""
    page = _cases(window).open_case(book.awaiting_earlier)
    assert page is not None
    page.action_buttons[CaseEvent.DEFERRAL_EXTENDED].click()
    page.form.reason.setText("申请人住院治疗，健康证明须出院后办理（附住院证明）")
    settle()
    return page


def open_case_item_step(window: MainWindow, book: Casebook) -> QWidget:
    """A department's 延期 of an item signed for, its form filled in (the tallest of the step forms)."""
    now = dt.datetime.combine(DAY, dt.time(9)).astimezone()
    desk, food = window.desk_actions.desk(), "152201-YJS008-02"
    store_of(window.runner).write(partial(route_items, desk=desk, number=book.accepted, now=now))
    signed = StepRequest(ItemEvent.SIGNED)
    sign = partial(take_item_step, desk=desk, number=book.accepted, item_code=food, request=signed, now=now)
    store_of(window.runner).write(sign)
    page = _cases(window).open_case(book.accepted)
    assert page is not None
    states = page.item_states
    states.table.selectRow([item.code for item in states.items].index(food))
    states.step_bar.buttons[ItemEvent.EXTENDED].click()
    page.item_step_form.approved_by.setText("王立新（局长）")
    page.item_step_form.reason.setText("需组织专家对经营场所的排烟和油污处理设施进行现场评审")
    settle()
    return page


def open_lists(window: MainWindow, _book: Casebook, tab: int = 0) -> QWidget:
    lists = _cases(window).open_lists()
    lists.tabs.setCurrentIndex(tab)
    settle()
    return lists


def open_finder(window: MainWindow, _book: Casebook) -> QWidget:
    """F7 by the phone the casebook's deferrals and correction share: three cases, the longest names of a bundle."""
    finder = _cases(window).find_cases("13904820000")
    assert finder is not None
    settle()
    return finder


def open_preview(window: MainWindow, book: Casebook) -> PreviewWindow:
    """The deferral's three papers (notice, pledge, receipt), made now from the stored case."""
    kinds = (DocumentKind.DEFERRAL, DocumentKind.PLEDGE, DocumentKind.RECEIPT)
    shown: list[PreviewWindow] = []

    def refused(said: NoticeRefused) -> None:
        raise AssertionError(said.text)

    desk = window.desk_actions.desk()
    show_case_documents(window, window.runner, desk, book.awaiting, kinds, opened=shown.append, refused=refused)
    settle()  # handed over at once where no event loop turns; else in one of these rounds
    (preview,) = shown
    return preview


def open_printer_chooser(window: MainWindow, book: Casebook) -> PrinterChooser:
    preview = open_preview(window, book)
    preview.on_choose_requested()
    chooser = preview.chooser
    assert chooser is not None
    loop = QEventLoop()
    chooser.loaded.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    settle()
    return chooser


def open_supervision(window: MainWindow, _book: Casebook, tab: int = 0) -> QWidget:
    window.desk_actions.open_supervision()
    supervisor = window.desk_actions.supervisor
    assert supervisor is not None
    supervisor.setCurrentIndex(tab)
    settle()
    return supervisor


def open_sync(window: MainWindow, _book: Casebook) -> QWidget:
    window.desk_actions.open_sync()
    page = window.desk_actions.sync_page
    assert page is not None
    settle()
    return page


def open_pad(window: MainWindow, book: Casebook) -> QWidget:
    """The review pad where the desk has no second screen: on the clerk's screen while a rating is asked (F9)."""
    window.start_pad()
    pad = window.desk_actions.pad
    assert pad is not None
    assert pad.send_case(book.accepted)
    settle()
    return pad.pad


def pad_panel(window: MainWindow, book: Casebook, bad: bool = False) -> QWidget:
    """The pad as its 800×480 panel shows it (full screen there), asking for a rating or for a bad one's reasons."""
    pad = open_pad(window, book)
    controller = window.desk_actions.pad
    assert controller is not None
    for _ in range(2):  # its sizes follow the window: shrinking from the larger window it opened as takes two steps
        pad.resize(*PAD_PANEL)
        settle()
    if bad:
        controller.pad.face_buttons[Level.VERY_DISSATISFIED].click()
    settle()
    return pad


def main_with_notices(window: MainWindow, book: Casebook) -> QWidget:
    """The banner of a broken catalog file and the offer of the unfinished intakes kept, above the guide."""
    window.banner.show_message("随附事项目录中有 1 处问题", ["104.toml：第 5 行不是有效的 TOML"])
    kept = (
        ("a" * 32, "上次未完成的受理（保存于 09:12）：我要开药店，张海军", "09:12  我要开药店，张海军"),
        ("b" * 32, "上次未完成的受理（保存于 11-27 16:40）：我要开餐馆，阿拉坦其其格·孟和巴雅尔",
         "11-27 16:40  我要开餐馆，阿拉坦其其格·孟和巴雅尔"),
    )  # fmt: skip
    window.draft_offer.offer((), kept)
    return main_with_guide(window, book)


def main_with_guide(window: MainWindow, _book: Casebook) -> QWidget:
    """The longest guide open beside the search, its situations among the buttons."""
    window.search_panel.box.setText(longest_guide(window).name)
    window.on_bundle_chosen(longest_guide(window).code)
    settle()
    return window


def open_text_size(window: MainWindow, _book: Casebook) -> QWidget:
    window.desk_actions.open_text_size()
    dialog = window.desk_actions.text_size
    assert dialog is not None
    settle()
    return dialog


def the_main_window(window: MainWindow, _book: Casebook) -> QWidget:
    """With everything the status bar holds once the desk is at work: the pad's line, and a township's cases not yet
    at the hall, overdue (its longest words)."""
    window.start_pad()
    pending = window.desk_actions.pending_label()
    pending.setText(SYNC_STATUS_STALE.format(count=2, days=3, since="2026-11-18 09:30"))
    pending.show()
    settle()
    return window


Opener = Callable[[MainWindow, Casebook], QWidget]

#: every window of a desk without accounts, by the name a test reports
WINDOWS: dict[str, Opener] = {
    "main": the_main_window,
    "main-guide": main_with_guide,
    "main-notices": main_with_notices,
    "intake": open_intake,
    "intake-filled": open_intake_filled,
    "intake-received": open_intake_received,
    "case-page": open_case_page,
    "case-page-deciding": open_case_deciding,
    "case-page-item-step": open_case_item_step,
    "lists-today": open_lists,
    "lists-due": partial(open_lists, tab=1),
    "case-finder": open_finder,
    "preview": open_preview,
    "printer-chooser": open_printer_chooser,
    "supervision-rectifications": open_supervision,
    "supervision-items": partial(open_supervision, tab=1),
    "supervision-figures": partial(open_supervision, tab=2),
    "supervision-same-day": partial(open_supervision, tab=3),
    "supervision-messages": partial(open_supervision, tab=4),
    "supervision-ratings": partial(open_supervision, tab=5),
    "supervision-intake-rules": partial(open_supervision, tab=6),
    "supervision-office": partial(open_supervision, tab=7),
    "sync": open_sync,
    "text-size": open_text_size,
    "pad": open_pad,
    "pad-panel-rating": pad_panel,
    "pad-panel-reasons": partial(pad_panel, bad=True),
}
