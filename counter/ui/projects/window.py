"""The 帮您办 window (F4): the agent's day, a project's page, and the register form, one tab each.

The day opens first, read afresh: an agent starts from what is due.  Enter on a row opens the project on its page,
a registered project opens there too, and every kept move reads the day again.  Esc closes the window when no form
is open (an open form takes Esc for itself and closes first).  All signals are wired in :meth:`_connect_signals`.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QWidget

from counter.access.desk import Desk
from counter.documents.project_paper_made import ProjectPaperMade
from counter.projects.forms import ProjectForm
from counter.projects.service_items import ServiceList, shipped_service_list
from counter.service.projects import MAKE_PAPER, READ_SERVICE_LIST, MakePaper
from counter.service.requests import Nothing
from counter.ui.door.runner import Failed, Runner, failures_to
from counter.ui.projects import words
from counter.ui.projects.day_page import DayPage
from counter.ui.projects.paper_window import PaperWindow
from counter.ui.projects.project_page import Clock, ProjectPage, refusal_text
from counter.ui.projects.register_form import RegisterForm

log = logging.getLogger(__name__)


def local_now() -> dt.datetime:
    """The office's time with its zone (as the supervisor's pages read it; not imported: pad imports this package)."""
    return dt.datetime.now().astimezone()


PAPER_SIZE = (860, 900)


class ProjectsWindow(QTabWidget):
    def __init__(self, runner: Runner, desk: Desk, clock: Clock = local_now, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(words.WINDOW_TITLE)
        self._runner = runner
        self._desk = desk
        self._clock = clock
        self.day = DayPage(runner, lambda: clock().date())
        shipped = shipped_service_list()  # until the site's own is read (_read_site_list)
        self.page = ProjectPage(runner, desk, clock, shipped)
        self.register = RegisterForm(runner, desk, clock, shipped)
        self.paper: PaperWindow | None = None
        self.addTab(self.day, words.DAY_TAB)
        self.addTab(self.page, words.PAGE_TAB)
        self.addTab(self.register, words.REGISTER_TAB)
        self.turns = [QShortcut(QKeySequence(keys), self) for keys in ("Ctrl+Tab", "Ctrl+Shift+Tab")]
        for turn in self.turns:
            turn.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._connect_signals()
        self._read_site_list()

    def _read_site_list(self) -> None:
        """The site's reference list (its own where one was imported) to both forms once it is read; the shipped one
        stays where the database cannot be read now, so the forms still work and the move itself reports the
        fault."""

        def read(items: ServiceList) -> None:
            self.page.plan_form.show_items(items)
            self.register.show_items(items)

        def failed(err: Failed) -> None:
            log.warning("the site's agent-service item list not read (%s): the shipped one is offered", err.error)

        self._runner.submit(READ_SERVICE_LIST, Nothing(), owner=self, answered=read, failed=failures_to(failed))

    def _connect_signals(self) -> None:
        self.day.project_chosen.connect(self.on_project_chosen)
        self.register.registered.connect(self.on_project_chosen)
        self.page.changed.connect(self.on_project_changed)
        self.page.print_requested.connect(self.on_print_requested)
        self.currentChanged.connect(self.on_tab_changed)
        self.turns[0].activated.connect(partial(self.on_turn, 1))
        self.turns[1].activated.connect(partial(self.on_turn, -1))

    def refresh(self) -> None:
        """The day read again, and the project shown (if any)."""
        self.day.refresh()
        self.page.reload()

    def on_turn(self, step: int) -> None:
        self.setCurrentIndex((self.currentIndex() + step) % self.count())

    def on_tab_changed(self, index: int) -> None:
        widget = self.widget(index)
        if widget is self.day:
            self.day.focus_list()
        elif widget is self.register:
            self.register.focus_first()
        elif widget is self.page:
            self.page.number.setFocus(Qt.FocusReason.TabFocusReason)

    def on_project_chosen(self, number: str) -> None:
        self.page.open_project(number, self._project_shown)

    def _project_shown(self) -> None:
        self.setCurrentWidget(self.page)
        self.day.refresh()

    def on_project_changed(self, _number: str) -> None:
        self.day.refresh()

    def on_print_requested(self, number: str, form_value: str) -> None:
        """Make the paper (numbered the first time, the same paper after) and show it, ready to print."""
        form = ProjectForm(form_value)
        self._runner.submit_step(MAKE_PAPER, MakePaper(number, form), self._desk, words.SAVE_FAILED, owner=self,
                                 answered=partial(self._show_paper, form),
                                 failed=lambda err: self.page.say_saved(refusal_text(err)))  # fmt: skip

    def _show_paper(self, form: ProjectForm, made: ProjectPaperMade) -> None:
        from counter.ui.look.geometry import fit_to_screen

        if self.paper is not None:
            self.paper.close()
        title = words.PAPER_TITLE.format(form=words.FORM[form], doc_no=made.doc_no)
        self.paper = PaperWindow(title, made.pdf, self)
        self.paper.setWindowFlag(Qt.WindowType.Window)
        self.paper.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.paper.destroyed.connect(partial(self.on_paper_gone, self.paper))
        fit_to_screen(self.paper, PAPER_SIZE, maximise=False)
        self.paper.show()
        self.paper.print_button.setFocus()

    def on_paper_gone(self, paper: PaperWindow, _object: object = None) -> None:
        if self.paper is paper:
            self.paper = None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Esc closes the window; a form open on a page has taken it already."""
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)
