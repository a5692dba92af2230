"""Opening case windows, and the one place their signals meet.

:func:`open_case` and :func:`open_case_lists` make the windows; a
:class:`CaseDesk` keeps them in step for the main window: a scan or a
double-click opens the case (or brings its open window forward), an action
saved on any case page refreshes the lists, and the request to resubmit a
corrected case is passed on to whoever opens the intake.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from counter.access.desk import Desk
from counter.case.lookup import LOOKBACK_DAYS
from counter.ui.cases.case_finder import CaseFinder, Found, look_for
from counter.ui.cases.case_lists import CaseLists
from counter.ui.cases.case_page import CasePage, Loaded
from counter.ui.cases.words import CASE_OPEN_TITLE
from counter.ui.door.runner import Runner
from counter.ui.keyboard.focus import back_to, bring_forward
from counter.ui.look.geometry import fit_to_screen
from counter.ui.widgets.plain_text import plain_box
from counter.words.cases import CASE_NOT_FOUND

Today = Callable[[], dt.date]
PAGE_SIZE = (1120, 820)
LISTS_SIZE = (1000, 560)


def _as_window(widget: QWidget, parent: QWidget | None, size: tuple[int, int]) -> None:
    """A window of its own, owned by the desk's main window (closed with it)."""
    widget.setParent(parent, Qt.WindowType.Window)
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    fit_to_screen(widget, size)


def find_open_case(parent: QWidget | None, case_no: str) -> CasePage | None:
    if parent is None:
        return None
    wanted = case_no.strip().upper()
    return next((p for p in parent.findChildren(CasePage) if p.case_no == wanted), None)


def show_not_found(parent: QWidget | None, case_no: str) -> QMessageBox:
    """Say that no case has this number."""
    return _tell(parent, QMessageBox.Icon.Information, CASE_NOT_FOUND.format(case_no=case_no.strip()))


def _tell(parent: QWidget | None, icon: QMessageBox.Icon, text: str) -> QMessageBox:
    """A message that does not block: the desk goes on working while it is open."""
    box = plain_box(QMessageBox(icon, CASE_OPEN_TITLE, text, QMessageBox.StandardButton.Ok, parent))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box


def open_case(
    parent: QWidget | None,
    runner: Runner,
    desk: Desk,
    today: Today,
    case_no: str,
    opened: Callable[[CasePage], None] | None = None,
) -> CasePage | None:
    """The case in its own window (the one already open, if any), handed to ``opened`` once it is shown; returned
    where that was before this returns (no event loop turns: a test's own call), else None.

    Nothing is opened, after saying why, when there is no such case or the database cannot be read.

    A case already open is read again and brought forward rather than opened twice; one still being read for its
    window (scanned twice at once) opens once, when it is read.
    """
    shown: list[CasePage] = []

    def show(page: CasePage) -> None:
        page.show()
        page.raise_()
        page.activateWindow()
        shown.append(page)
        if opened is not None:
            opened(page)

    page = find_open_case(parent, case_no)
    if page is not None and page.view is None:  # being read for its window: it shows once it is
        return None
    if page is not None:
        page.reload()
        show(page)
    else:
        page = CasePage(runner, desk, today, case_no)
        _as_window(page, parent, PAGE_SIZE)  # the desk's from now: a second scan meanwhile finds it
        page.reload(partial(_first_read, parent, page, show))
    return shown[0] if shown else None


def _first_read(parent: QWidget | None, page: CasePage, show: Callable[[CasePage], None], loaded: Loaded) -> None:
    """A case read for its window: shown, or why not said (the page that read it is let go)."""
    if loaded in (Loaded.NOT_FOUND, Loaded.FAILED):
        page.setParent(None)  # no longer the desk's: the next scan of the number reads it anew
        page.deleteLater()
    if loaded is Loaded.NOT_FOUND:
        show_not_found(parent, page.case_no)
    elif loaded is Loaded.FAILED:
        _tell(parent, QMessageBox.Icon.Warning, page.read_error)
    else:
        page.focus_items()
        show(page)


def open_case_lists(parent: QWidget | None, runner: Runner, desk: Desk, today: Today) -> CaseLists:
    lists = CaseLists(runner, desk, today)
    _as_window(lists, parent, LISTS_SIZE)
    lists.refresh(lists.focus_list)
    bring_forward(lists, None)
    lists.focus_list()
    return lists


class CaseDesk(QObject):
    """The case windows of one main window, wired together in :meth:`_connect_page` and :meth:`open_lists`."""

    case_changed = Signal(str)
    resubmit_requested = Signal(str, str)  # case number, bundle code
    served = Signal(str)  # a case F7 found and opened: the applicant at the window is its (F9 rates it)

    def __init__(self, parent: QWidget, runner: Runner, desk: Desk, today: Today) -> None:
        super().__init__(parent)
        self._window = parent
        self._runner = runner
        self._desk = desk
        self._today = today
        self.lists: CaseLists | None = None
        self.finder: CaseFinder | None = None  # the cases F7 found, when not exactly one

    def open_case(self, case_no: str, opened: Callable[[CasePage], None] | None = None) -> CasePage | None:
        """The case's window, handed to ``opened`` once it is shown (see :func:`open_case`)."""
        known = find_open_case(self._window, case_no) is not None

        def wired(page: CasePage) -> None:
            if not known:
                self._connect_page(page)
            if opened is not None:
                opened(page)

        return open_case(self._window, self._runner, self._desk, self._today, case_no, wired)

    def find_cases(self, typed: str) -> CaseFinder | CasePage | None:
        """F7 with what the applicant had at hand: one case found opens; several, or none, are shown in the
        finder (the one open, if any, over the period chosen there), where the clerk widens the period or types
        again.  What it opened is returned where that was before this returns (no event loop turns: a test's own
        call), else None."""
        days = LOOKBACK_DAYS if self.finder is None else self.finder.days()
        came: list[CaseFinder | CasePage | None] = []
        look_for(self._runner, self._desk, typed, days, owner=self,
                 then=lambda found: came.append(self._found(typed, found)))  # fmt: skip
        return came[0] if came else None

    def _found(self, typed: str, found: Found) -> CaseFinder | CasePage | None:
        if found.case_no or len(found.rows) == 1:
            return self.open_served(found.case_no or found.rows[0].case_no)
        if self.finder is None:
            finder = CaseFinder(self._runner, self._desk, self._today)
            _as_window(finder, self._window, LISTS_SIZE)
            finder.case_chosen.connect(self.on_found_chosen)
            finder.destroyed.connect(self.on_finder_closed)
            self.finder = finder
        self.finder.show_found(typed, found)
        bring_forward(self.finder, self.finder.table if found.rows else self.finder.field)
        return self.finder

    def open_served(self, case_no: str) -> CasePage | None:
        """A case F7 opened: the applicant it is for stands at the window, and F9 asks them to rate it."""
        return self.open_case(case_no, lambda _page: self.served.emit(case_no))

    def on_found_chosen(self, case_no: str) -> None:
        """A case picked in F7's finder: opened as from a list, and it is the one being served."""
        self.on_case_chosen(case_no)
        if find_open_case(self._window, case_no) is not None:
            self.served.emit(case_no)

    def on_finder_closed(self) -> None:
        self.finder = None

    def open_lists(self) -> CaseLists:
        """The lists window (the open one, refreshed, if there is one)."""
        if self.lists is not None:
            self.lists.refresh(self.lists.focus_list)
            bring_forward(self.lists, None)
            self.lists.focus_list()
            return self.lists
        lists = open_case_lists(self._window, self._runner, self._desk, self._today)
        lists.case_chosen.connect(self.on_case_chosen)
        lists.destroyed.connect(self.on_lists_closed)
        self.case_changed.connect(lists.on_case_changed)
        self.lists = lists
        return lists

    def _connect_page(self, page: CasePage) -> None:
        page.case_changed.connect(self.case_changed)
        page.resubmit_requested.connect(self.resubmit_requested)

    def on_case_scanned(self, case_no: str) -> None:
        self.open_case(case_no)

    def on_case_chosen(self, case_no: str) -> None:
        """A case picked from a list: when its page closes, the list it came from has the keyboard again."""
        opener = QApplication.activeWindow()
        known = find_open_case(self._window, case_no) is not None

        def opened(page: CasePage) -> None:
            if not known and opener is not None and opener is not page:
                page.destroyed.connect(partial(back_to, opener))

        self.open_case(case_no, opened)

    def on_lists_closed(self) -> None:
        self.lists = None
