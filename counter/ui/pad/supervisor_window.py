"""The supervisor's pages in one window: 督办, 事项督办, 统计, 即办, 短信告知, 评价设置, 受理设置, 单位信息, 待核指南,
this computer's 本机评价器, 帮您办's monthly report, and this computer's 本窗口 (its clerk, number and photo).

What the main window opens from its menu or a key (F8).  Where the database
has accounts, each page is shown to the roles that may use it.  The window is
titled by the page shown (the task bar and a screen reader name it), and Ctrl+S
saves the settings page shown, as its save button does.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QTabWidget, QWidget

from counter.access.desk import Desk
from counter.access.roles import SINGLE_DESK, Permission
from counter.host.machine.desk_at import desk_at
from counter.host.machine.desk_config import load_desk_config
from counter.ui.cases.item_queue_page import ItemQueuePage
from counter.ui.cases.words import CASE_LIST_READ_FAILED
from counter.ui.door.runner import Runner
from counter.ui.keyboard.escape import close_on_escape
from counter.ui.keyboard.focus import first_control
from counter.ui.pad.alerts import SupervisorAlerts
from counter.ui.pad.desk_form import DeskForm
from counter.ui.pad.desk_pad_form import DeskPadForm
from counter.ui.pad.figures_page import FiguresPage
from counter.ui.pad.guide_status_page import GuideStatusPage
from counter.ui.pad.intake_rules_form import IntakeRulesForm
from counter.ui.pad.messages_page import FailedMessagesPage
from counter.ui.pad.promise_page import PromisePage
from counter.ui.pad.reports_page import FailedReportsPage
from counter.ui.pad.settings_form import RatingSettingsForm
from counter.ui.pad.supervision import RectificationPage
from counter.ui.pad.timers import Clock, local_now
from counter.ui.pad.words import (
    DESK_PAD_TAB,
    DESK_TAB,
    GUIDE_STATUS_TAB,
    INTAKE_RULES_TAB,
    ITEMS_TAB,
    RATING_FIGURES_TITLE,
    RATING_SETTINGS_TITLE,
    SUPERVISE_TAB,
    SUPERVISOR_WINDOW_TITLE,
)
from counter.ui.printing.office_form import OfficeSettingsForm
from counter.ui.printing.words import OFFICE_TAB
from counter.ui.projects.report_page import ProjectsReportPage
from counter.ui.projects.words import REPORT_TAB as PROJECTS_REPORT_TAB
from counter.words.messages import FAILED_TAB
from counter.words.platform import REPORTS_TAB
from counter.words.same_day import FIGURES_PAGE_TITLE


class SupervisorWindow(QTabWidget):
    def __init__(
        self,
        runner: Runner,
        supervisor: str,
        *,
        clock: Clock = local_now,
        alerts: SupervisorAlerts | None = None,
        site_code: str = "",
        desk: Desk | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.escape_shortcut = close_on_escape(self)
        # ``desk``: who supervises, and where; None (a database without accounts) this machine's desk
        self.rectifications = RectificationPage(runner, supervisor, clock=clock, alerts=alerts, desk=desk)
        # 事项督办: every item at its department coming due or overdue, and each department's queue
        self.items = ItemQueuePage(runner, desk, lambda: clock().date(), CASE_LIST_READ_FAILED)
        self.figures = FiguresPage(runner, clock=clock, desk=desk)
        self.promise = PromisePage(runner, clock=clock, desk=desk)  # 即办件占比, 承诺时限压减率
        self.messages = FailedMessagesPage(runner, desk)  # the SMS the gateway would not take
        self.reports = FailedReportsPage(runner, desk)  # the events the region's platform would not take
        self.settings = RatingSettingsForm(runner, desk)
        self.intake_rules = IntakeRulesForm(runner, desk)  # 容缺 margin, 补正 period
        # 单位信息: the office printed on the notices ("" site: this desk's, from desk.json)
        self.office = OfficeSettingsForm(runner, site_code or load_desk_config().site_code, desk)
        self.guides = GuideStatusPage(runner, desk)  # 待核指南: the administrator's
        self.desk_pad = DeskPadForm()  # this computer's file, not the office's database: whoever opens the window
        self.projects = ProjectsReportPage(runner, clock)  # 帮您办: the month's report the county sends the league
        # 本窗口: the clerk, number and photo of this computer's desk; an administrator's where accounts exist
        self.desk_form = DeskForm(runner, desk if desk is not None else desk_at(load_desk_config()))
        # each page shown to the roles that may use it; the actions check again
        may = (desk.actor if desk is not None else SINGLE_DESK).may
        pages = (
            (self.rectifications, SUPERVISE_TAB, may(Permission.RECTIFY)),
            (self.items, ITEMS_TAB, may(Permission.RECTIFY)),
            (self.figures, RATING_FIGURES_TITLE, may(Permission.SEE_FIGURES)),
            (self.promise, FIGURES_PAGE_TITLE, may(Permission.SEE_FIGURES)),
            (self.messages, FAILED_TAB, may(Permission.SEE_FIGURES)),
            (self.settings, RATING_SETTINGS_TITLE, may(Permission.CHANGE_SETTINGS)),
            (self.intake_rules, INTAKE_RULES_TAB, may(Permission.CHANGE_SETTINGS)),
            (self.office, OFFICE_TAB, may(Permission.CHANGE_SETTINGS)),
            (self.guides, GUIDE_STATUS_TAB, may(Permission.MANAGE_CATALOG)),
            (self.desk_pad, DESK_PAD_TAB, True),
            (
                self.projects,
                PROJECTS_REPORT_TAB,
                may(Permission.SEE_FIGURES),
            ),  # the tabs before keep their places
            (self.desk_form, DESK_TAB, may(Permission.CHANGE_SETTINGS)),
            (self.reports, REPORTS_TAB, may(Permission.SEE_FIGURES)),
        )
        for page, title, shown in pages:
            if shown:
                self.addTab(page, title)
        # the settings pages, each saved by its own button; Ctrl+S presses the one of the page shown
        self.saves: dict[QWidget, QPushButton] = {
            form: form.save_button for form in (self.settings, self.intake_rules, self.office, self.desk_pad)
        }
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.on_save_keys)
        self.currentChanged.connect(self.on_page_changed)
        self.title_page()
        # Ctrl+Tab turns the page from inside it too: a table or a text box on the page would keep the key for itself
        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+Shift+Tab", -1)):
            turn = QShortcut(QKeySequence(keys), self)
            turn.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            turn.activated.connect(partial(self.on_turn_page, step))

    def focus_page(self) -> None:
        """The keyboard in the first control of the page shown (not on the tab bar above it)."""
        page = self.currentWidget()
        control = first_control(page) if page is not None else None
        if control is not None:
            control.setFocus(Qt.FocusReason.TabFocusReason)

    def on_turn_page(self, step: int) -> None:
        if self.count():
            self.setCurrentIndex((self.currentIndex() + step) % self.count())

    def on_page_changed(self, _index: int) -> None:
        self.title_page()
        self.focus_page()

    def title_page(self) -> None:
        """The window named by the page shown: one title for every page told the clerk nothing of where they were."""
        index = self.currentIndex()
        self.setWindowTitle(SUPERVISOR_WINDOW_TITLE.format(page=self.tabText(index)) if index >= 0 else "")

    def on_save_keys(self) -> None:
        """Ctrl+S: the page shown saved as its button saves it; a page that keeps nothing ignores the key."""
        button = self.saves.get(self.currentWidget())
        if button is not None and button.isEnabled():
            button.click()

    def refresh(self) -> None:
        """Read every page again: the window opens on current data."""
        self.rectifications.on_refresh()
        self.items.refresh()
        self.figures.on_show()
        self.promise.on_show()
        self.messages.load()
        self.settings.load()
        self.intake_rules.load()
        self.office.load()
        self.guides.load()
        self.desk_pad.load()
        self.projects.on_show()
        self.desk_form.load()
        self.reports.load()
